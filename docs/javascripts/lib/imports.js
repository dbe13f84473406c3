// Reading a plan someone brings to the planner (a JSON or CSV export; share links are share.js),
// fitting it to the site's recommendations, and what importing it would change. Pure: every
// problem is a PlanError, in words for the reader. `rules` as in store.js.
import {formulaStart, parse, unescaped} from "./csv.js";
import {FIELDS, isVersion, migrate, newItem} from "./store.js";

export const DATE = /^\d{4}-\d{2}-\d{2}$/;

// A problem with a plan someone gave the planner; their plan is left as it was.
export class PlanError extends Error {}

// An item's status and dates checked; `where` names it in the message ("Item 3").
export function checkItem(item, where, rules) {
  if (!rules.statuses.some((s) => s.id === item.status)) {
    throw new PlanError(where + " (" + item.id + "): the status “" + item.status + "” is not one of: " +
      rules.statuses.map((s) => s.id).join(", ") + ".");
  }
  if (item.due && !DATE.test(item.due)) {
    throw new PlanError(where + " (" + item.id + "): the target date “" + item.due + "” is not a date written YYYY-MM-DD.");
  }
  if (item.seen && !DATE.test(item.seen)) item.seen = null;
  return item;
}

// The items of a plan exported as JSON (the stored format, with more beside it), each checked.
export function readExport(text, rules) {
  let obj;
  try { obj = JSON.parse(text); } catch (e) { throw new PlanError("This file is not valid JSON, so it is not a plan exported from this planner."); }
  if (!obj || typeof obj !== "object" || obj.format !== rules.format) {
    throw new PlanError("This JSON file is not a plan exported from this planner (it does not say it is a “" + rules.format + "”).");
  }
  if (!isVersion(obj.version)) throw new PlanError("This plan file has no valid format version.");
  if (obj.version > rules.version) {
    throw new PlanError("This plan was saved by a newer version of the planner (format version " + obj.version +
      "; this page reads version " + rules.version + "). Reload this page to get the newest planner, then import it again.");
  }
  if (!Array.isArray(obj.items)) throw new PlanError("This plan file has no list of recommendations (“items”).");
  let plan;
  try { plan = migrate(obj, rules); } catch (e) { throw new PlanError("This plan file's format version " + obj.version + " cannot be read here."); }
  return plan.items.map((raw, index) => {
    const where = "Item " + (index + 1);
    if (!raw || typeof raw.id !== "string") throw new PlanError(where + " has no recommendation id.");
    const item = newItem(raw.id, null, rules);
    for (const name of FIELDS) {
      if (raw[name] == null) continue;
      if (typeof raw[name] !== "string") throw new PlanError(where + " (" + raw.id + "): “" + name + "” is not text.");
      item[name] = raw[name];
    }
    return checkItem(item, where, rules);
  });
}

// The fields an import sets on an item that is already in the plan.
export const IMPORTED = ["status", "owner", "due", "notes"];

// Records by id, in an object with no inherited names (an id such as "constructor" is unknown).
export function byId(records) {
  const found = Object.create(null);
  for (const record of records) found[record.id] = record;
  return found;
}

// A status from a cell: its stored value or its label, in any case; an empty cell is the first
// status; undefined when it is neither.
export function statusOf(value, rules) {
  const wanted = value.trim().toLowerCase();
  if (!wanted) return rules.statuses[0].id;
  const found = rules.statuses.find((s) => s.id === wanted || s.label.toLowerCase() === wanted);
  return found && found.id;
}

// A target date written YYYY-MM-DD, or DD/MM/YYYY as a UK spreadsheet writes it, as YYYY-MM-DD.
export function isoDate(text) {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return uk ? uk[3] + "-" + uk[2].padStart(2, "0") + "-" + uk[1].padStart(2, "0") : text.trim();
}

// The items of a CSV file: the planner's export or the review spreadsheet. `columns` names the
// column of each field (planner.py's ITEM_COLUMNS), read by name, so columns may be added
// anywhere; `formula` is the CSV formula rule. A cell a
// spreadsheet would run as a formula is refused; one behind an apostrophe is read without it.
export function itemsFromCsv(text, rules, columns, formula) {
  let rows;
  try { rows = parse(text); } catch (e) { throw new PlanError("This file is not a readable CSV file: " + e.message + "."); }
  const head = (rows.shift() || []).map((h) => h.trim().toLowerCase());
  const at = {};
  for (const field of Object.keys(columns)) at[field] = head.indexOf(columns[field]);
  if (at.id < 0) throw new PlanError("This CSV file has no “" + columns.id + "” column, so it is not an export of this planner or the review spreadsheet.");
  return rows.map((row, index) => {
    const where = "Row " + (index + 2), values = {};
    for (const field of Object.keys(columns)) {
      const value = at[field] < 0 ? "" : row[at[field]] || "";
      const start = formulaStart(value, formula);
      if (start) {
        throw new PlanError(where + ", column “" + columns[field] + "” starts with “" + start + "”, which a spreadsheet would run as a formula. " +
          "Nothing was imported. Start that cell with an apostrophe (') or remove the character, then import again.");
      }
      values[field] = unescaped(value, formula);
    }
    const item = newItem(values.id.trim(), null, rules);
    const status = statusOf(values.status, rules);
    if (!status) throw new PlanError(where + ": the status “" + values.status + "” is not one of: " + rules.statuses.map((s) => s.label).join(", ") + ".");
    item.status = status;
    item.owner = values.owner;
    item.due = isoDate(values.due);
    item.notes = values.notes;
    return checkItem(item, where, rules);
  });
}

// The items fitted to the site: a withdrawn id becomes its replacement (data/published.yaml),
// unknown and repeated ids are left out, each with a note saying so. `recs` and `retired` are
// byId() lookups of the planner's data. Throws when nothing is left.
export function resolve(items, recs, retired) {
  const kept = [], notes = [], seen = new Set();
  for (const item of items) {
    const gone = retired[item.id];
    if (gone && gone.replaced_by && recs[gone.replaced_by]) {
      notes.push("“" + item.id + "” was withdrawn on " + gone.date + " (" + gone.reason + "); it is imported as its replacement, “" + recs[gone.replaced_by].title + "”.");
      item.id = gone.replaced_by;
      item.seen = null;
    } else if (gone) {
      notes.push("“" + item.id + "” was withdrawn on " + gone.date + " (" + gone.reason + ") with nothing to replace it; it is left out.");
      continue;
    } else if (!recs[item.id]) {
      notes.push("“" + item.id + "” is not a recommendation on this site; it is left out.");
      continue;
    }
    if (seen.has(item.id)) { notes.push("“" + item.id + "” is listed twice; the first is used."); continue; }
    seen.add(item.id);
    if (!item.seen) item.seen = recs[item.id].changed;
    kept.push(item);
  }
  if (!kept.length) {
    throw new PlanError(items.length ? "None of the recommendations in this file is on this site. " + notes.join(" ") : "This file holds no recommendations.");
  }
  return {items: kept, notes: notes};
}

// What importing `items` into `plan` would do: {added, changed, same} (added and changed are
// the incoming items; same is a count).
export function compare(plan, items) {
  const current = byId(plan.items);
  const added = [], changed = [];
  let same = 0;
  for (const item of items) {
    const old = current[item.id];
    if (!old) added.push(item);
    else if (IMPORTED.some((name) => old[name] !== item[name])) changed.push(item);
    else same += 1;
  }
  return {added: added, changed: changed, same: same};
}

// Imports `items` into `plan`: an item already there takes their IMPORTED fields, a new one is
// added at the end.
export function applyImport(plan, items) {
  const current = byId(plan.items);
  for (const item of items) {
    if (current[item.id]) for (const name of IMPORTED) current[item.id][name] = item[name];
    else plan.items.push(item);
  }
}
