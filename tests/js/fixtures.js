import fc from "fast-check";

// Property tests are derandomized: the same cases every run, locally and in CI, so a failure
// can be run again. FC_SEED=<number> tries other cases (fast-check prints the seed of a failure).
fc.configureGlobal({seed: Number(process.env.FC_SEED || 20261201)});

// What the tests of the site's modules (docs/javascripts/lib/) share. RULES has the shape of
// javascripts/plan-rules.js, which the build makes from hooks/recsite/planner.py
// (tests/core/test_planner.py checks the real one); the modules are given their rules, so these
// tests do not depend on the site's current values.
export const RULES = {
  format: "recsite-action-plan",
  version: 2,
  statuses: [
    {id: "not-started", label: "Not started", code: "n", open: true},
    {id: "planned", label: "Planned", code: "p", open: true},
    {id: "in-progress", label: "In progress", code: "i", open: true},
    {id: "done", label: "Done", code: "d", open: false},
    {id: "not-applicable", label: "Not applicable", code: "x", open: false},
  ],
  assessments: [
    {id: "met", label: "Met", code: "m"},
    {id: "partly-met", label: "Partly met", code: "p"},
    {id: "not-met", label: "Not met", code: "n"},
    {id: "not-applicable", label: "Not applicable", code: "x"},
  ],
};

// recsite/downloads.py's formula rule, as the planner's data carries it.
export const FORMULA = {starts: "=+-@\t\r", skipped: " \u00a0\ufeff\u200b\u200c\u200d\u2060"};

// planner.py's ITEM_COLUMNS and PLAN_FIELD_COLUMNS.
export const ITEM_COLUMNS = {id: "id", status: "status", assessment: "assessment", owner: "owner", due: "target_date",
  evidence: "notes", actions: "actions"};
export const PLAN_COLUMNS = {title: "plan_title", organisation: "organisation"};

// A browser's localStorage, in memory; `blocked` makes every call throw, as a browser that keeps
// nothing for the site does.
// `full` makes every write throw, as a full or read-only store does (it can be switched later:
// storage().full = false).
export function memoryStorage(entries = {}, {blocked = false, full = false} = {}) {
  const kept = new Map(Object.entries(entries));
  const storage = {
    kept, full,
    getItem(key) {
      if (blocked) throw new Error("SecurityError");
      return kept.has(key) ? kept.get(key) : null;
    },
    setItem(key, value) {
      if (blocked || storage.full) throw new Error("QuotaExceededError");
      kept.set(key, String(value));
    },
    removeItem(key) {
      if (blocked) throw new Error("SecurityError");
      kept.delete(key);
    },
  };
  return () => storage;
}

// A plan's items and fields with a few values each, for the property tests of what changes a
// plan (merge.test.js, session.test.js): few values, so that edits meet each other often.
export const IDS = ["a", "b", "c", "d"];
export const value = {
  status: fc.constantFrom(...RULES.statuses.map((s) => s.id)),
  assessment: fc.constantFrom("", ...RULES.assessments.map((s) => s.id)),
  owner: fc.constantFrom("", "Jo", "Sam"),
  due: fc.constantFrom("", "2027-01-31", "2027-06-30"),
  evidence: fc.constantFrom("", "Costed", "=x", "Board in March"),
  actions: fc.constantFrom("", "Ask the board", "Ask\nagain"),
};
export const ITEM_FIELDS = Object.keys(value);
export const PLAN_VALUE = {title: fc.constantFrom("", "Self-assessment 2027", "Ours"), organisation: fc.constantFrom("", "Anytown Council")};
export const field = fc.constantFrom(...ITEM_FIELDS);
export const imported = fc.record({id: fc.constantFrom(...IDS), ...value}, {requiredKeys: ["id"], noNullPrototype: true});
export const about = fc.record(PLAN_VALUE, {requiredKeys: [], noNullPrototype: true});
export const planItem = fc.record({id: fc.constantFrom(...IDS), ...value, seen: fc.constant("2026-01-01")}, {noNullPrototype: true});
