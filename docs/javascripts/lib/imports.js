// Reading a plan someone brings to the planner (a JSON or CSV export; share links are share.js)
// and fitting it to the site's recommendations. Pure: every problem is a PlanError, in words for
// the reader. `rules` as in store.js. Each reader returns {items, notes}: an item carries only
// the fields the file gives (merge.js: a field it does not carry is left as it is), `about` the
// plan's own fields it gives (its title and organisation), and `notes` say how the file was read.
import {formulaStart, parse, unescaped} from "./csv.js";
import {SLASHES, cellDate, longDate, realDate} from "./dates.js";
import {CARRIED, PLAN_CARRIED} from "./merge.js";
import {isVersion, latestSeen, migrate} from "./store.js";

// A problem with a plan someone gave the planner; their plan is left as it was.
export class PlanError extends Error {}

// Each field in words, as the planner names it to the reader.
export const FIELD_WORDS = {status: "status", assessment: "assessment", owner: "owner", due: "target date",
  evidence: "current position and evidence", actions: "actions", title: "plan's title", organisation: "organisation"};

// An item's status, assessment and target date checked (those it carries); `where` names it ("Item 3").
export function checkItem(item, where, rules) {
  if (Object.hasOwn(item, "status") && !rules.statuses.some((s) => s.id === item.status)) {
    throw new PlanError(where + " (" + item.id + "): the status “" + item.status + "” is not one of: " +
      rules.statuses.map((s) => s.id).join(", ") + ".");
  }
  if (item.assessment && !rules.assessments.some((s) => s.id === item.assessment)) {
    throw new PlanError(where + " (" + item.id + "): the assessment “" + item.assessment + "” is not one of: " +
      rules.assessments.map((s) => s.id).join(", ") + " (or none).");
  }
  if (item.due && !realDate(item.due)) {
    throw new PlanError(where + " (" + item.id + "): the target date “" + item.due + "” is not a real date written YYYY-MM-DD.");
  }
  return item;
}

// Windows-1252's characters for the bytes 0x80 to 0x9F (the rest are Latin-1's). Written out
// here: node's TextDecoder reads "windows-1252" as Latin-1, which has none of these.
const CP1252 = "\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f" +
  "\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178";

// The bytes of a file as text, and which encoding was read: UTF-8 (its byte-order mark taken
// off), or else, when the bytes are not UTF-8, Windows-1252, as Excel saves "CSV" on Windows
// (never replacement characters). UTF-16 is refused.
export function decodeFile(bytes) {
  const b = new Uint8Array(bytes);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
    throw new PlanError("This file is saved as Unicode text (UTF-16). Save it as “CSV UTF-8” and import that.");
  }
  try {
    return {text: new TextDecoder("utf-8", {fatal: true}).decode(b), encoding: "UTF-8"};
  } catch (e) {
    let text = "";
    for (const byte of b) text += byte >= 0x80 && byte < 0xa0 ? CP1252[byte - 0x80] : String.fromCharCode(byte);
    return {text, encoding: "Windows-1252 (as Excel saves a CSV file on Windows)"};
  }
}

// The items of a plan exported as JSON (the stored format, with more beside it), each checked.
export function readExport(text, rules, latest = latestSeen()) {
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
  const notes = [], about = {};
  for (const name of PLAN_CARRIED) {
    if (plan[name] == null) continue;
    if (typeof plan[name] !== "string") throw new PlanError("This plan file's “" + name + "” is not text.");
    about[name] = plan[name];
  }
  const items = plan.items.map((raw, index) => {
    const where = "Item " + (index + 1);
    if (!raw || typeof raw.id !== "string" || !raw.id) throw new PlanError(where + " has no recommendation id.");
    const item = {id: raw.id, seen: null};
    for (const name of CARRIED.concat("seen")) {
      if (raw[name] == null) continue;
      if (typeof raw[name] !== "string") throw new PlanError(where + " (" + raw.id + "): “" + name + "” is not text.");
      item[name] = raw[name];
    }
    if (item.seen && !(realDate(item.seen) && item.seen <= latest)) {
      notes.push(where + " (" + item.id + "): the date it was last read, “" + item.seen + "”, is not a real date up to today, so it is not used.");
      item.seen = null;
    }
    return checkItem(item, where, rules);
  });
  return {items, notes, about};
}

// A status or an assessment from a cell (`choices`: the rules' list): its stored value or its
// label, in any case; "" for an empty cell; undefined when it is neither.
export function choiceOf(value, choices) {
  const wanted = value.trim().toLowerCase();
  if (!wanted) return "";
  const found = choices.find((s) => s.id === wanted || s.label.toLowerCase() === wanted);
  return found && found.id;
}

// The items of a CSV file: the planner's export or the review spreadsheet. `columns` names the
// column of each field (planner.py's ITEM_COLUMNS), and `planColumns` of the plan's own (its
// PLAN_FIELD_COLUMNS, on every row: the first row's that is not empty is read), read by name, so
// columns may be added anywhere; `formula` is the CSV formula rule. A cell a spreadsheet would run
// as a formula is refused; one behind an apostrophe is read without it. A field is carried when
// its column is there and not empty in every row (the review spreadsheet's empty columns change
// nothing); an empty status cell leaves that status as it is.
export function itemsFromCsv(text, rules, columns, formula, planColumns = {}) {
  let rows;
  try { rows = parse(text); } catch (e) { throw new PlanError("This file is not a readable CSV file: " + e.message + "."); }
  const head = (rows.shift() || []).map((h) => h.trim().toLowerCase());
  columns = {...columns, ...planColumns};
  const at = new Map(Object.keys(columns).map((field) => [field, head.indexOf(columns[field])]));
  if (at.get("id") < 0) throw new PlanError("This CSV file has no “" + columns.id + "” column, so it is not an export of this planner or the review spreadsheet.");
  const notes = [], empty = [], about = {};
  for (const field of CARRIED.concat(PLAN_CARRIED)) {
    if (at.get(field) >= 0 && rows.every((row) => !(row[at.get(field)] || "").trim())) {
      at.set(field, -1);
      if (field !== "status") empty.push(FIELD_WORDS[field]);
    }
  }
  if (empty.length) notes.push("The file's " + empty.join(", ") + " column" + (empty.length > 1 ? "s are" : " is") + " empty in every row, so your plan's are left as they are.");
  let slashes = "";
  const items = rows.map((row, index) => {
    const where = "Row " + (index + 2), values = {};
    for (const [field, n] of at) {
      if (n < 0) continue;
      const value = row[n] || "";
      const start = formulaStart(value, formula);
      if (start) {
        throw new PlanError(where + ", column “" + columns[field] + "” starts with “" + start + "”, which a spreadsheet would run as a formula. " +
          "Nothing was imported. Start that cell with an apostrophe (') or remove the character, then import again.");
      }
      values[field] = unescaped(value, formula);
    }
    const item = {id: values.id.trim(), seen: null};
    for (const [field, choices] of [["status", rules.statuses], ["assessment", rules.assessments]]) {
      if (!Object.hasOwn(values, field)) continue;
      const value = choiceOf(values[field], choices);
      if (value === undefined) throw new PlanError(where + ": the " + field + " “" + values[field] + "” is not one of: " + choices.map((s) => s.label).join(", ") + ".");
      // An empty status leaves the plan's as it is; an empty assessment says "not assessed yet".
      if (value || field === "assessment") item[field] = value;
    }
    for (const field of ["owner", "evidence", "actions"]) if (Object.hasOwn(values, field)) item[field] = values[field];
    for (const field of PLAN_CARRIED) if (values[field] && !Object.hasOwn(about, field)) about[field] = values[field];
    if (Object.hasOwn(values, "due")) {
      item.due = cellDate(values.due);
      if (item.due === undefined) {
        throw new PlanError(where + ": the target date “" + values.due.trim() + "” is not a real date. Write it as YYYY-MM-DD (2027-03-31) " +
          "or day/month/year (31/03/2027).");
      }
      if (!slashes && SLASHES.test(values.due.trim())) slashes = "“" + values.due.trim() + "” as " + longDate(item.due);
    }
    return checkItem(item, where, rules);
  });
  if (slashes) {
    notes.push("Dates written with slashes are read as day/month/year, as UK spreadsheets write them (" + slashes +
      "). If the file's dates are month/day/year, cancel, and write them as YYYY-MM-DD.");
  }
  return {items, notes, about};
}

// How a withdrawn recommendation (data/published.yaml) is named in a note.
export function withdrawn(id, gone) {
  return "“" + id + "” was withdrawn" + (gone.date ? " on " + longDate(gone.date) : "") + (gone.reason ? " (" + gone.reason + ")" : "");
}

// The items read ({items, notes}) fitted to the site: a withdrawn id becomes its replacement,
// unknown and repeated ids are left out, each with a note saying so. `recs` and `retired` are
// byId() lookups (store.js) of the planner's data. Throws when nothing is left.
export function resolve(read, recs, retired) {
  const kept = [], notes = [], seen = new Set();
  for (const item of read.items) {
    const gone = retired[item.id];
    if (gone && gone.replaced_by && recs[gone.replaced_by]) {
      notes.push(withdrawn(item.id, gone) + "; it is imported as its replacement, “" + recs[gone.replaced_by].title + "”.");
      item.id = gone.replaced_by;
      item.seen = null;
    } else if (gone) {
      notes.push(withdrawn(item.id, gone) + " with nothing to replace it; it is left out.");
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
    throw new PlanError(read.items.length ? "None of the recommendations in this file is on this site. " + notes.join(" ") : "This file holds no recommendations.");
  }
  return {items: kept, notes: read.notes.concat(notes), about: read.about || {}};
}
