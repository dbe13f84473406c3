// Changing a plan without losing anything someone typed: an import or a share link changes only
// the fields it carries; a withdrawn recommendation's assessment, owner, date, evidence and actions move to its
// replacement; and a page's changes go to the plan as stored now, so that two tabs (or the
// planner and "Add to my plan" on another page) never write over each other's work.
import {longDate} from "./dates.js";
import {idsIn, load, newItem, save, serialise} from "./store.js";

// Records by id, in an object with no inherited names (an id such as "constructor" is unknown).
export function byId(records) {
  const found = Object.create(null);
  for (const record of records) found[record.id] = record;
  return found;
}

// A status's or an assessment's label (`choices`: the rules' list), or the value when unknown.
export function labelOf(choices, value) {
  const found = choices.find((choice) => choice.id === value);
  return found ? found.label : value;
}

// The fields an import can carry (when a record was seen is the reader's own), of an item and of
// the plan itself (store.js's PLAN_FIELDS).
export const CARRIED = ["status", "assessment", "owner", "due", "evidence", "actions"];
export const PLAN_CARRIED = ["title", "organisation"];

// What an incoming item (carrying some of `fields`: a field it lacks is not carried) would
// change in `old`: [{field, from, to}].
export function changesTo(old, item, fields = CARRIED) {
  return fields.filter((field) => Object.hasOwn(item, field) && item[field] !== old[field])
    .map((field) => ({field, from: old[field], to: item[field]}));
}

// What importing `items` (and `about`, the plan's own fields it carries) into `plan` would do:
// {added: items, changed: [{item, old, changes}], same: a count, about: changes to the plan's own fields}.
export function compare(plan, items, about = {}) {
  const current = new Map(plan.items.map((item) => [item.id, item]));
  const added = [], changed = [];
  let same = 0;
  for (const item of items) {
    const old = current.get(item.id);
    const changes = old && changesTo(old, item);
    if (!old) added.push(item);
    else if (changes.length) changed.push({item, old, changes});
    else same += 1;
  }
  return {added, changed, same, about: changesTo(plan, about, PLAN_CARRIED)};
}

// Imports `items` (and `about`) into `plan`: an item already there takes the fields they carry, a
// new one is added at the end with the defaults for the rest.
export function applyImport(plan, items, rules, about = {}) {
  for (const field of PLAN_CARRIED) if (Object.hasOwn(about, field)) plan[field] = about[field];
  const current = new Map(plan.items.map((item) => [item.id, item]));
  for (const item of items) {
    const target = current.get(item.id) || plan.items[plan.items.push(newItem(item.id, item.seen, rules)) - 1];
    for (const field of CARRIED) if (Object.hasOwn(item, field)) target[field] = item[field];
    current.set(item.id, target);
  }
}

// Sets one field of the item `id`. If another tab has taken the item out of the plan meanwhile,
// it is put back as this page has it (`mine`): what the reader typed last is kept.
export function setField(plan, id, field, value, mine) {
  let item = plan.items.find((i) => i.id === id);
  if (!item) plan.items.push(item = {...mine});
  item[field] = value;
}

// Puts `replacement` ({id, changed}) in the place of the withdrawn item `id`. If the replacement
// is already in the plan, it keeps its own fields and takes the withdrawn one's where it has none
// (a status only when its own is the first); what differs is added to its evidence, under `title`.
export function replaceWithdrawn(plan, id, replacement, title, rules) {
  const old = plan.items.find((item) => item.id === id);
  if (!old) return;
  const target = plan.items.find((item) => item.id === replacement.id);
  if (!target) { old.id = replacement.id; old.seen = replacement.changed; return; }
  plan.items = plan.items.filter((item) => item !== old);
  if (target.status === rules.statuses[0].id) target.status = old.status;
  const kept = [];
  for (const [field, label] of [["assessment", "assessment"], ["owner", "owner"], ["due", "target date"],
    ["evidence", "current position and evidence"], ["actions", "actions"]]) {
    if (!target[field]) target[field] = old[field];
    else if (old[field] && old[field] !== target[field]) {
      kept.push(label + ": " + (field === "due" ? longDate(old.due) : field === "assessment" ? labelOf(rules.assessments, old.assessment) : old[field]));
    }
  }
  if (!kept.length) return;
  const from = "From the withdrawn recommendation “" + title + "”, " + kept.join("; ");
  target.evidence = target.evidence ? target.evidence + "\n\n" + from : from;
}

// One page's plan: `plan` as stored, with this page's edits not saved yet; change(edit) reads the
// plan as stored now, makes those edits and `edit` (by id, so they apply to a newer plan), tidies
// and saves it, and says whether another page had changed it (`elsewhere`) and whether it was
// saved (if not, `error` is load()'s, or none when storage refused the write).
export function session(getStorage, rules, tidy = () => {}) {
  const pending = [];
  let known;
  const page = {
    // The plan as stored (an error leaves the plan on the page as it was, and its edits with it).
    refresh() {
      const read = load(getStorage, rules);
      // A plan that could not be kept aside may be written over once the reader has a copy of it.
      if (read.error === "unkept" && read.raw === page.exported) delete read.error;
      const elsewhere = known !== undefined && read.raw !== known;
      page.read = read;
      if (read.error && page.plan) pending.forEach((edit) => edit(page.plan));
      else {
        page.plan = read.plan;
        pending.forEach((edit) => edit(page.plan));
        if (pending.length) tidy(page.plan);
      }
      known = read.raw;
      return elsewhere;
    },
    change(edit) {
      pending.push(edit);
      const elsewhere = page.refresh();
      let saved = false;
      if (!page.read.error) {
        tidy(page.plan);
        saved = save(getStorage, page.plan);
      }
      if (saved) { pending.length = 0; known = serialise(page.plan); }
      return {saved, elsewhere, error: page.read.error};
    },
    ids() { return idsIn(page.plan); },
  };
  page.refresh();
  return page;
}
