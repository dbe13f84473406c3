// The plan kept in the browser (docs/javascripts/lib/store.js): every stored format reads back,
// a plan that cannot be read is kept aside, a newer one is never written over.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {
  KEY, MIGRATIONS, UNREADABLE_KEY, addIds, emptyPlan, idsIn, load, migrate, newItem, readStored, save, serialise,
} from "../../docs/javascripts/lib/store.js";
import {RULES, memoryStorage} from "./fixtures.js";

// Plans as browsers hold them, one for each way a version-1 plan has been written. Version 1 is
// the only format so far; a new version adds its own here, and the plans above must still read.
const STORED = {
  // The planner page, with every field set (the example in developers/planner-storage.md).
  planner: '{"format":"recsite-action-plan","version":1,"items":[{"id":"beyond-facs-eligibility",' +
    '"status":"in-progress","owner":"Jo Bloggs","due":"2027-03-31","notes":"Draft policy to the board in March",' +
    '"seen":"2026-12-01"}]}',
  // "Add these N to my plan" on the list, which does not know the records' dates.
  addedFromTheList: '{"format":"recsite-action-plan","version":1,"items":[{"id":"cost-not-like-care",' +
    '"status":"not-started","owner":"","due":"","notes":"","seen":null}]}',
};

test("a plan saved by each planner so far reads back as it was", () => {
  for (const [name, raw] of Object.entries(STORED)) {
    const read = readStored(raw, RULES);
    assert.equal(read.error, undefined, name);
    assert.deepEqual(read.plan, JSON.parse(raw), name);
  }
});

test("no stored plan is an empty plan of this version, and no problem", () => {
  assert.deepEqual(readStored(null, RULES), {plan: {format: "recsite-action-plan", version: 1, items: []}});
  assert.deepEqual(readStored("", RULES), {plan: emptyPlan(RULES)});
});

test("fields an item lacks get their defaults; fields this page does not know are kept", () => {
  const raw = JSON.stringify({format: RULES.format, version: 1, note: "kept",
    items: [{id: "a", status: "done"}, {id: "b", owner: "Jo", priority: "high", seen: null}]});
  const {plan, error} = readStored(raw, RULES);
  assert.equal(error, undefined);
  assert.equal(plan.note, "kept");
  assert.deepEqual(plan.items, [
    {id: "a", status: "done", owner: "", due: "", notes: "", seen: null},
    {id: "b", status: "not-started", owner: "Jo", due: "", notes: "", seen: null, priority: "high"},
  ]);
});

test("a plan from a newer planner is refused, so that it is never written over", () => {
  const raw = JSON.stringify({format: RULES.format, version: 2, items: [{id: "a", status: "done"}]});
  assert.deepEqual(readStored(raw, RULES), {plan: emptyPlan(RULES), error: "newer"});
  const storage = memoryStorage({[KEY]: raw});
  assert.equal(load(storage, RULES).error, "newer");
  assert.equal(storage().kept.get(KEY), raw);
  assert.equal(storage().kept.has(UNREADABLE_KEY), false);
});

test("a plan that cannot be read is kept aside, never lost", () => {
  const unreadable = {
    "not JSON": "{\"format\": \"recsite-action-plan\", ",
    "another format": JSON.stringify({format: "someone-else", version: 1, items: []}),
    "no version": JSON.stringify({format: RULES.format, items: []}),
    "a version that is not a whole number": JSON.stringify({format: RULES.format, version: 1.5, items: []}),
    "no items": JSON.stringify({format: RULES.format, version: 1}),
    "an item without an id": JSON.stringify({format: RULES.format, version: 1, items: [{status: "done"}]}),
    "JSON null": "null",
  };
  for (const [name, raw] of Object.entries(unreadable)) {
    assert.deepEqual(readStored(raw, RULES), {plan: emptyPlan(RULES), error: "unreadable"}, name);
    const storage = memoryStorage({[KEY]: raw});
    assert.equal(load(storage, RULES).error, "unreadable", name);
    assert.equal(storage().kept.get(UNREADABLE_KEY), raw, name);
    assert.equal(storage().kept.get(KEY), raw, name);  // not written over by reading it
  }
});

test("storage the browser will not open is 'blocked'; a save that fails says so", () => {
  assert.deepEqual(load(memoryStorage({}, {blocked: true}), RULES), {plan: emptyPlan(RULES), error: "blocked"});
  assert.equal(save(memoryStorage({}, {full: true}), emptyPlan(RULES)), false);
  const storage = memoryStorage();
  const plan = emptyPlan(RULES);
  addIds(plan, ["a"], () => "2026-12-01", RULES);
  assert.equal(save(storage, plan), true);
  assert.deepEqual(load(storage, RULES), {plan});
});

// A format as far as version 3, to show how a new version is added: each step renames a field.
const STEPS = {
  1: (plan) => ({...plan, items: plan.items.map(({owner, ...item}) => ({...item, lead: owner}))}),
  2: (plan) => ({...plan, items: plan.items.map(({due, ...item}) => ({...item, target: due}))}),
};
const RULES_3 = {...RULES, version: 3};

test("an older plan is migrated one version at a time, in stored plans as in files", () => {
  const version1 = {format: RULES.format, version: 1, items: [{id: "a", status: "done", owner: "Jo", due: "2027-01-31"}]};
  const migrated = migrate(version1, RULES_3, STEPS);
  assert.equal(migrated.version, 3);
  assert.deepEqual(migrated.items, [{id: "a", status: "done", lead: "Jo", target: "2027-01-31"}]);
  assert.deepEqual(version1.items[0].owner, "Jo", "the plan given is left as it was");
  const version2 = {format: RULES.format, version: 2, items: [{id: "b", status: "planned", lead: "Al", due: ""}]};
  assert.deepEqual(migrate(version2, RULES_3, STEPS).items, [{id: "b", status: "planned", lead: "Al", target: ""}]);
  assert.equal(readStored(JSON.stringify(version1), RULES_3, STEPS).plan.items[0].lead, "Jo");
});

test("a version with no way forward is unreadable (kept aside), not half-read", () => {
  const raw = JSON.stringify({format: RULES.format, version: 1, items: []});
  assert.throws(() => migrate(JSON.parse(raw), RULES_3, {1: STEPS[1]}), /no migration from format version 2/);
  assert.equal(readStored(raw, RULES_3, {}).error, "unreadable");
  assert.deepEqual(migrate(JSON.parse(raw), RULES, {}), JSON.parse(raw), "this version needs no step");
  assert.deepEqual(MIGRATIONS, {}, "version 1 is the first: a new version adds its step here and a test above");
});

test("adding ids adds only those not in the plan yet, each with the first status", () => {
  const plan = emptyPlan(RULES);
  assert.equal(addIds(plan, ["a", "b", "a"], (id) => (id === "a" ? "2026-01-01" : null), RULES), 2);
  assert.equal(addIds(plan, ["b", "c"], () => null, RULES), 1);
  assert.deepEqual(plan.items.map((item) => [item.id, item.status, item.seen]),
    [["a", "not-started", "2026-01-01"], ["b", "not-started", null], ["c", "not-started", null]]);
  assert.deepEqual([...idsIn(plan)], ["a", "b", "c"]);
  assert.deepEqual(newItem("x", undefined, RULES), {id: "x", status: "not-started", owner: "", due: "", notes: "", seen: null});
});

const text = fc.string({unit: "grapheme"});
const item = fc.record({
  id: fc.string({minLength: 1}),
  status: fc.constantFrom(...RULES.statuses.map((s) => s.id)),
  owner: text, due: text, notes: text,
  seen: fc.option(text, {nil: null}),
}, {noNullPrototype: true});

test("property: any plan saved reads back the same", () => {
  fc.assert(fc.property(fc.array(item), (items) => {
    const plan = {format: RULES.format, version: RULES.version, items};
    assert.deepEqual(readStored(serialise(plan), RULES), {plan});
  }));
});
