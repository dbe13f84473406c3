// The plan kept in this browser (developers/planner-storage.md), read, migrated and written by pure
// functions; only those given getStorage touch storage. `rules`: javascripts/plan-rules.js.
// A plan that cannot be read, whole or in part, is never written over unless a copy of it was
// kept aside first (and read back the same).
import {realDate, today} from "./dates.js";
import {KEY} from "./plan-ids.js";

export {KEY};
export const UNREADABLE_KEY = KEY + ".unreadable";
// An item's fields besides its id (text; seen may be null), and the plan's own (text).
export const FIELDS = ["status", "assessment", "owner", "due", "evidence", "actions", "seen"];
export const PLAN_FIELDS = ["title", "organisation"];

// MIGRATIONS[n] turns a plan of version n into one of version n + 1. Stored plans and exported
// files are both read through migrate(): keep every step. A step renames and moves; it adds no
// field with its default (readStored does that), so an import of an older file carries only
// what the file held.
export const MIGRATIONS = {
  // 1 → 2: an item's "notes" (labelled "notes and evidence of progress") became its "evidence"
  // (its current position and evidence), beside the new "assessment" and "actions".
  1: (plan) => ({...plan, items: plan.items.map(notesToEvidence)}),
};

function notesToEvidence(item) {
  if (!item || typeof item !== "object" || Array.isArray(item) || !Object.hasOwn(item, "notes")) return item;
  const {notes, ...rest} = item, evidence = rest.evidence;
  if (evidence == null || evidence === "") rest.evidence = notes;
  // Both (no planner wrote an item so): nothing is lost.
  else if (typeof notes === "string" && typeof evidence === "string") rest.evidence = notes ? notes + "\n\n" + evidence : evidence;
  else return item;
  return rest;
}

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

export function emptyPlan(rules) {
  return {format: rules.format, version: rules.version, title: "", organisation: "", items: []};
}

export function newItem(id, seen, rules) {
  return {id: id, status: rules.statuses[0].id, assessment: "", owner: "", due: "", evidence: "", actions: "", seen: seen || null};
}

export function isVersion(version) {
  return Number.isInteger(version) && version >= 1;
}

// Throws when a step is missing.
export function migrate(plan, rules, steps = MIGRATIONS) {
  let current = plan;
  while (current.version < rules.version) {
    if (!Object.hasOwn(steps, current.version)) throw new Error("no migration from format version " + current.version);
    current = Object.assign(steps[current.version](current), {version: current.version + 1});
  }
  return current;
}

// The last date a record can have been seen: tomorrow, as a record changed "today" where the
// site was built may be dated tomorrow in a browser further west.
export function latestSeen(now = Date.now()) {
  return today(new Date(now + 864e5));
}

// Whether a field's value can be stored: a known status or assessment (or none), text, a real date (or none).
export function fieldOk(name, value, rules, latest = latestSeen()) {
  if (name === "status") return rules.statuses.some((s) => s.id === value);
  if (name === "assessment") return value === "" || rules.assessments.some((s) => s.id === value);
  if (name === "seen") return value === null || realDate(value) && value <= latest;
  return typeof value === "string" && (name !== "due" || value === "" || realDate(value));
}

// A stored item, each field checked: {item, bad: the fields given their default}, or null for no
// item (no object, no id). Unknown fields are kept, as data (a key "__proto__" stays a key).
export function readItem(raw, rules, latest) {
  if (!raw || typeof raw !== "object" || Array.isArray(raw) || typeof raw.id !== "string" || !raw.id) return null;
  const item = {...raw}, defaults = newItem(raw.id, null, rules), bad = [];
  for (const name of FIELDS) {
    if (item[name] == null) item[name] = defaults[name];
    else if (!fieldOk(name, item[name], rules, latest)) { bad.push(name); item[name] = defaults[name]; }
  }
  return {item, bad};
}

// The stored text (or null) as {plan, problems}, or with an empty plan and error: "newer" (never
// write over it) or unreadable: true. `problems`: items not read as they were, {n: place from 1,
// id, bad: fields} (no id: no item; no bad: a repeated id), and {bad: the plan's own fields}.
export function readStored(raw, rules, steps = MIGRATIONS, latest = latestSeen()) {
  const empty = emptyPlan(rules), problems = [];
  if (!raw) return {plan: empty, problems};
  let plan;
  try { plan = JSON.parse(raw); } catch (e) { plan = null; }
  if (!plan || plan.format !== rules.format || !isVersion(plan.version) || !Array.isArray(plan.items)) {
    return {plan: empty, problems, unreadable: true};
  }
  if (plan.version > rules.version) return {plan: empty, problems, error: "newer"};
  try { plan = migrate(plan, rules, steps); } catch (e) { return {plan: empty, problems, unreadable: true}; }
  const items = [], have = new Set();
  plan.items.forEach((raw, index) => {
    const read = readItem(raw, rules, latest), n = index + 1;
    if (!read) problems.push({n});
    else if (have.has(read.item.id)) problems.push({n, id: read.item.id});
    else {
      have.add(read.item.id);
      items.push(read.item);
      if (read.bad.length) problems.push({n, id: read.item.id, bad: read.bad});
    }
  });
  const bad = [];
  plan = {...plan, items};
  for (const name of PLAN_FIELDS) {
    if (plan[name] == null) plan[name] = "";
    else if (typeof plan[name] !== "string") { bad.push(name); plan[name] = ""; }
  }
  if (bad.length) problems.push({bad});
  return {plan, problems};
}

export function serialise(plan) {
  return JSON.stringify(plan);
}

export function idsIn(plan) {
  return new Set(plan.items.map((item) => item.id));
}

// Adds the ids not in the plan yet, each seen at seenOf(id); returns how many.
export function addIds(plan, ids, seenOf, rules) {
  const have = idsIn(plan);
  let added = 0;
  for (const id of ids) {
    if (have.has(id)) continue;
    plan.items.push(newItem(id, seenOf(id), rules));
    have.add(id);
    added += 1;
  }
  return added;
}

// The copies kept aside so far: UNREADABLE_KEY, then UNREADABLE_KEY + ".2", ".3"… (one each).
export function asideKey(n) {
  return n > 1 ? UNREADABLE_KEY + "." + n : UNREADABLE_KEY;
}

export function keptAside(getStorage) {
  const kept = [];
  try {
    for (let n = 1, raw; (raw = getStorage().getItem(asideKey(n))) !== null; n++) kept.push({key: asideKey(n), raw});
  } catch (e) { /* nothing kept that can be read */ }
  return kept;
}

// Keeps `raw` aside (once: a copy already kept counts) and returns its key, or "" when the copy
// failed or does not read back the same.
export function keepAside(getStorage, raw) {
  try {
    const storage = getStorage();
    for (let n = 1; n < 100; n++) {
      const there = storage.getItem(asideKey(n));
      if (there === raw) return asideKey(n);
      if (there === null) {
        storage.setItem(asideKey(n), raw);
        return storage.getItem(asideKey(n)) === raw ? asideKey(n) : "";
      }
    }
  } catch (e) { /* not kept */ }
  return "";
}

// As readStored, with the stored text (`raw`), and `error` set whenever the plan must not be
// written: "blocked" (storage switched off), "newer", or "unkept" (it could not all be read, and
// no copy could be kept aside). What could not be read is kept aside under `aside`.
export function load(getStorage, rules, steps = MIGRATIONS) {
  let raw;
  try { raw = getStorage().getItem(KEY); } catch (e) { return {plan: emptyPlan(rules), problems: [], error: "blocked"}; }
  const read = readStored(raw, rules, steps);
  read.raw = raw;
  if (!read.error && (read.unreadable || read.problems.length) && !(read.aside = keepAside(getStorage, raw))) read.error = "unkept";
  return read;
}

// Whether it was saved.
export function save(getStorage, plan) {
  try {
    getStorage().setItem(KEY, serialise(plan));
    return true;
  } catch (e) { return false; }
}

// Reads the plan as stored now, lets `edit` change it and saves it: a change is never made to an
// older copy than the stored one (another tab may have changed it). Returns load()'s answer with
// `saved` (false, and nothing edited, when it has an error).
export function update(getStorage, rules, edit) {
  const read = load(getStorage, rules);
  read.saved = !read.error && (edit(read.plan), save(getStorage, read.plan));
  return read;
}
