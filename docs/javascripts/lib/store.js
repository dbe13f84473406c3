// The plan kept in this browser (developers/planner-storage.md), read, migrated and written by
// pure functions; only load() and save() touch storage. `rules`: javascripts/plan-rules.js.

export const KEY = "recsite.planner";
export const UNREADABLE_KEY = KEY + ".unreadable";
// An item's fields besides its id (text; seen may be null).
export const FIELDS = ["status", "owner", "due", "notes", "seen"];

// MIGRATIONS[n] turns a plan of version n into one of version n + 1 (none yet: 1 is the first).
// Stored plans and exported files are both read through migrate(): keep every step.
export const MIGRATIONS = {};

export function emptyPlan(rules) {
  return {format: rules.format, version: rules.version, items: []};
}

export function newItem(id, seen, rules) {
  return {id: id, status: rules.statuses[0].id, owner: "", due: "", notes: "", seen: seen || null};
}

export function isVersion(version) {
  return Number.isInteger(version) && version >= 1;
}

// Throws when a step is missing.
export function migrate(plan, rules, steps = MIGRATIONS) {
  let current = plan;
  while (current.version < rules.version) {
    const step = steps[current.version];
    if (!step) throw new Error("no migration from format version " + current.version);
    current = Object.assign(step(current), {version: current.version + 1});
  }
  return current;
}

// The stored text (or null) as {plan} or {plan: empty, error}: "newer" (never write over it) or
// "unreadable" (keep it aside). Missing fields get defaults; unknown ones are kept (a newer page
// of the same version may have added them).
export function readStored(raw, rules, steps = MIGRATIONS) {
  const empty = emptyPlan(rules);
  if (!raw) return {plan: empty};
  let plan;
  try { plan = JSON.parse(raw); } catch (e) { plan = null; }
  if (!plan || plan.format !== rules.format || !isVersion(plan.version) || !Array.isArray(plan.items) ||
      !plan.items.every((item) => item && typeof item.id === "string")) return {plan: empty, error: "unreadable"};
  if (plan.version > rules.version) return {plan: empty, error: "newer"};
  try { plan = migrate(plan, rules, steps); } catch (e) { return {plan: empty, error: "unreadable"}; }
  const items = plan.items.map((item) => {
    const full = Object.assign({}, item), defaults = newItem(item.id, null, rules);
    for (const name of FIELDS) if (full[name] == null) full[name] = defaults[name];
    return full;
  });
  return {plan: Object.assign({}, plan, {items: items})};
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

// As readStored, or error "blocked"; an unreadable plan is kept under UNREADABLE_KEY.
export function load(getStorage, rules, steps = MIGRATIONS) {
  let raw;
  try { raw = getStorage().getItem(KEY); } catch (e) { return {plan: emptyPlan(rules), error: "blocked"}; }
  const read = readStored(raw, rules, steps);
  if (read.error === "unreadable") {
    try { getStorage().setItem(UNREADABLE_KEY, raw); } catch (e) { /* nothing more to do */ }
  }
  return read;
}

// Whether it was saved.
export function save(getStorage, plan) {
  try {
    getStorage().setItem(KEY, serialise(plan));
    return true;
  } catch (e) { return false; }
}
