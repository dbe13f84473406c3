// Changing a plan without losing anything someone typed: an import or a share link changes only
// the fields it carries, and a withdrawn recommendation's assessment, owner, date, evidence and
// actions move to its replacement. (A page's own changes go to the plan as stored now: session.js.)
// The planner loads this module when an import, a share link or a replacement needs it.
import {longDate} from "./dates.js";
import {labelOf, newItem} from "./store.js";

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
