// One page's plan: its changes go to the plan as stored now, so that two tabs (or the planner and
// "Add to my plan" on another page) never write over each other's work, and a change that cannot
// be saved stays on the page until one can.
import {idsIn, load, save, serialise} from "./store.js";

// Sets one field of the item `id`. If another tab has taken the item out of the plan meanwhile,
// it is put back as this page has it (`mine`): what the reader typed last is kept.
export function setField(plan, id, field, value, mine) {
  let item = plan.items.find((i) => i.id === id);
  if (!item) plan.items.push(item = {...mine});
  item[field] = value;
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
