// The plan kept in the browser (docs/javascripts/lib/store.js): every stored format reads back,
// what cannot be read is kept aside (and never written over when it cannot be), hostile stored
// data loads what is valid, a newer plan is never written over.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {
  KEY, MIGRATIONS, UNREADABLE_KEY, addIds, emptyPlan, idsIn, keepAside, keptAside, load, migrate, newItem, readStored, save,
  serialise, update,
} from "../../docs/javascripts/lib/store.js";
import {RULES, memoryStorage} from "./fixtures.js";

// Plans as browsers hold them, one for each way a plan of each version has been written, and
// each as this version reads it. A new version adds its own here, and the plans above must still read.
const STORED = {
  // Version 1 (until the self-assessment): the planner page, with every field set (the example
  // developers/planner-storage.md gave), read as version 2: its notes are its evidence.
  "version 1, the planner": ['{"format":"recsite-action-plan","version":1,"items":[{"id":"beyond-facs-eligibility",' +
    '"status":"in-progress","owner":"Jo Bloggs","due":"2027-03-31","notes":"Draft policy to the board in March",' +
    '"seen":"2026-12-01"}]}',
  {format: "recsite-action-plan", version: 2, title: "", organisation: "", items: [{id: "beyond-facs-eligibility",
    status: "in-progress", assessment: "", owner: "Jo Bloggs", due: "2027-03-31", evidence: "Draft policy to the board in March",
    actions: "", seen: "2026-12-01"}]}],
  // Version 1, "Add these N to my plan" on the list, which does not know the records' dates.
  "version 1, added from the list": ['{"format":"recsite-action-plan","version":1,"items":[{"id":"cost-not-like-care",' +
    '"status":"not-started","owner":"","due":"","notes":"","seen":null}]}',
  {format: "recsite-action-plan", version: 2, title: "", organisation: "", items: [{id: "cost-not-like-care",
    status: "not-started", assessment: "", owner: "", due: "", evidence: "", actions: "", seen: null}]}],
  // Version 2: the planner page, every field set (the example in developers/planner-storage.md).
  "version 2, the planner": ['{"format":"recsite-action-plan","version":2,"title":"Employment support self-assessment 2027",' +
    '"organisation":"Anytown Council","items":[{"id":"beyond-facs-eligibility","status":"in-progress","assessment":"partly-met",' +
    '"owner":"Jo Bloggs","due":"2027-03-31","evidence":"Eligibility policy names work; reviews do not ask yet",' +
    '"actions":"Draft policy to the board in March","seen":"2026-12-01"}]}'],
};

test("a plan saved by each planner so far reads back, migrated to this version, losing nothing", () => {
  for (const [name, [raw, expected]] of Object.entries(STORED)) {
    const read = readStored(raw, RULES);
    assert.equal(read.error, undefined, name);
    assert.deepEqual(read.problems, [], name);
    assert.deepEqual(read.plan, expected || JSON.parse(raw), name);
  }
});

test("a version-1 plan in a browser is saved as version 2 with the next change, every field kept", () => {
  const [raw, expected] = STORED["version 1, the planner"];
  const storage = memoryStorage({[KEY]: raw});
  assert.equal(update(storage, RULES, (plan) => { plan.items[0].actions = "Ask the board"; }).saved, true);
  assert.deepEqual(JSON.parse(storage().kept.get(KEY)), {...expected, items: [{...expected.items[0], actions: "Ask the board"}]});
  assert.equal(storage().kept.has(UNREADABLE_KEY), false, "nothing was set aside: it all read");
});

test("no stored plan is an empty plan of this version, and no problem", () => {
  assert.deepEqual(readStored(null, RULES), {plan: {format: "recsite-action-plan", version: 2, title: "", organisation: "", items: []}, problems: []});
  assert.deepEqual(readStored("", RULES), {plan: emptyPlan(RULES), problems: []});
});

test("fields an item lacks get their defaults; fields this page does not know are kept", () => {
  const raw = JSON.stringify({format: RULES.format, version: 2, note: "kept",
    items: [{id: "a", status: "done"}, {id: "b", owner: "Jo", priority: "high", seen: null}]});
  const {plan, error} = readStored(raw, RULES);
  assert.equal(error, undefined);
  assert.equal(plan.note, "kept");
  assert.equal(plan.title, "");
  assert.deepEqual(plan.items, [
    {id: "a", status: "done", assessment: "", owner: "", due: "", evidence: "", actions: "", seen: null},
    {id: "b", status: "not-started", assessment: "", owner: "Jo", due: "", evidence: "", actions: "", seen: null, priority: "high"},
  ]);
});

test("a plan from a newer planner is refused, so that it is never written over", () => {
  const raw = JSON.stringify({format: RULES.format, version: 3, items: [{id: "a", status: "done"}]});
  assert.deepEqual(readStored(raw, RULES), {plan: emptyPlan(RULES), problems: [], error: "newer"});
  const storage = memoryStorage({[KEY]: raw});
  assert.equal(load(storage, RULES).error, "newer");
  assert.equal(update(storage, RULES, (plan) => plan.items.push(newItem("b", null, RULES))).saved, false);
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
    "items that are not a list": JSON.stringify({format: RULES.format, version: 1, items: {0: {id: "a"}}}),
    "JSON null": "null",
  };
  for (const [name, raw] of Object.entries(unreadable)) {
    assert.deepEqual(readStored(raw, RULES), {plan: emptyPlan(RULES), problems: [], unreadable: true}, name);
    const storage = memoryStorage({[KEY]: raw});
    const read = load(storage, RULES);
    assert.equal(read.unreadable, true, name);
    assert.equal(read.error, undefined, name);
    assert.equal(read.aside, UNREADABLE_KEY, name);
    assert.equal(storage().kept.get(UNREADABLE_KEY), raw, name);
    assert.equal(storage().kept.get(KEY), raw, name);  // not written over by reading it
  }
});

test("a plan that cannot be read is written over only once a copy is kept aside; else never", () => {
  const raw = "{\"format\": \"recsite-action-plan\", ";
  // The copy fails (storage full): the plan is not written over, and the page is told why.
  const full = memoryStorage({[KEY]: raw}, {full: true});
  assert.equal(load(full, RULES).error, "unkept");
  const tried = update(full, RULES, (plan) => addIds(plan, ["a"], () => null, RULES));
  assert.equal(tried.saved, false);
  assert.equal(tried.error, "unkept");
  full().full = false;
  assert.deepEqual([...full().kept], [[KEY, raw]], "nothing changed");
  // The copy succeeds: the plan may be written over, and the copy stays.
  const saved = update(full, RULES, (plan) => addIds(plan, ["a"], () => null, RULES));
  assert.equal(saved.saved, true);
  assert.equal(full().kept.get(UNREADABLE_KEY), raw);
  assert.deepEqual(JSON.parse(full().kept.get(KEY)).items.map((i) => i.id), ["a"]);
  // A copy that does not read back the same does not count.
  const lossy = memoryStorage({[KEY]: raw});
  lossy().setItem = function (key, value) { this.kept.set(key, String(value).slice(0, 5)); };
  assert.equal(load(lossy, RULES).error, "unkept");
});

test("each plan kept aside gets its own place; the same one is kept once", () => {
  const storage = memoryStorage({[UNREADABLE_KEY]: "an older one"});
  assert.equal(keepAside(storage, "this one"), UNREADABLE_KEY + ".2");
  assert.equal(keepAside(storage, "this one"), UNREADABLE_KEY + ".2");
  assert.equal(keepAside(storage, "another"), UNREADABLE_KEY + ".3");
  assert.deepEqual(keptAside(storage), [{key: UNREADABLE_KEY, raw: "an older one"},
    {key: UNREADABLE_KEY + ".2", raw: "this one"}, {key: UNREADABLE_KEY + ".3", raw: "another"}]);
  assert.deepEqual(keptAside(memoryStorage({}, {blocked: true})), []);
});

// What a damaged or hostile stored plan can hold, item by item.
const HOSTILE = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"];

test("hostile stored data loads what is valid and sets the rest aside, whatever the names", () => {
  const good = {id: "beyond-facs-eligibility", status: "done", assessment: "met", owner: "Jo", due: "2027-03-31", evidence: "n",
    actions: "a", seen: "2026-12-01"};
  const items = [null, good, 7, "text", [], {status: "done"}, {id: ""}, {id: 5}];
  for (const name of HOSTILE) items.push({id: name, status: "planned"}, {id: "s-" + name, status: name});
  items.push({id: "bad-fields", status: "planned", assessment: "toString", owner: {x: 1}, due: "0000-00-00", evidence: ["x"], actions: 5,
    seen: "2999-01-01"});
  items.push({id: "beyond-facs-eligibility", status: "planned"});  // a repeat
  const raw = JSON.stringify({format: RULES.format, version: 2, title: {x: 1}, items}).replace('"id":"__proto__"', '"id":"__proto__","__proto__":{"polluted":1}');
  const {plan, problems, error} = readStored(raw, RULES, MIGRATIONS, "2026-12-31");
  assert.equal(error, undefined);
  assert.deepEqual(plan.items[0], good);
  assert.deepEqual(plan.items.map((i) => [i.id, i.status]), [["beyond-facs-eligibility", "done"],
    ...HOSTILE.flatMap((name) => [[name, "planned"], ["s-" + name, "not-started"]]), ["bad-fields", "planned"]]);
  const fromProto = plan.items.find((i) => i.id === "__proto__");
  assert.equal(Object.getPrototypeOf(fromProto), Object.prototype, "a key __proto__ stays a key");
  assert.equal(fromProto.polluted, undefined);
  assert.equal(({}).polluted, undefined);
  assert.deepEqual(plan.items.at(-1), {id: "bad-fields", status: "planned", assessment: "", owner: "", due: "", evidence: "", actions: "", seen: null});
  assert.equal(plan.title, "");
  assert.deepEqual(problems, [{n: 1}, {n: 3}, {n: 4}, {n: 5}, {n: 6}, {n: 7}, {n: 8},
    ...HOSTILE.map((name, i) => ({n: 10 + 2 * i, id: "s-" + name, bad: ["status"]})),
    {n: 19, id: "bad-fields", bad: ["assessment", "owner", "due", "evidence", "actions", "seen"]}, {n: 20, id: "beyond-facs-eligibility"},
    {bad: ["title"]}]);
  // Read from storage, the plan as it was is kept aside, and adding to it works.
  const storage = memoryStorage({[KEY]: raw});
  const added = update(storage, RULES, (p) => addIds(p, ["employment-as-the-norm"], () => null, RULES));
  assert.equal(added.saved, true);
  assert.equal(storage().kept.get(UNREADABLE_KEY), raw);
  assert.deepEqual(readStored(storage().kept.get(KEY), RULES).problems, [], "what is saved reads back whole");
  assert.ok(idsIn(readStored(storage().kept.get(KEY), RULES).plan).has("employment-as-the-norm"));
});

test("a stored target date must be a real date, and a date seen no later than tomorrow", () => {
  const plan = (item) => JSON.stringify({format: RULES.format, version: 2, items: [{id: "a", status: "done", ...item}]});
  for (const due of ["2026-02-30", "2026-99-99", "0000-00-00", "31/12/2026"]) {
    assert.deepEqual(readStored(plan({due}), RULES).problems, [{n: 1, id: "a", bad: ["due"]}], due);
  }
  assert.deepEqual(readStored(plan({seen: "2027-01-02"}), RULES, MIGRATIONS, "2027-01-01").problems, [{n: 1, id: "a", bad: ["seen"]}]);
  assert.deepEqual(readStored(plan({seen: "2027-01-01", due: "1999-01-01"}), RULES, MIGRATIONS, "2027-01-01").problems, []);
});

test("storage the browser will not open is 'blocked'; a save that fails says so", () => {
  assert.deepEqual(load(memoryStorage({}, {blocked: true}), RULES), {plan: emptyPlan(RULES), problems: [], error: "blocked"});
  assert.equal(save(memoryStorage({}, {full: true}), emptyPlan(RULES)), false);
  assert.equal(update(memoryStorage({}, {full: true}), RULES, () => {}).saved, false);
  const storage = memoryStorage();
  const plan = emptyPlan(RULES);
  addIds(plan, ["a"], () => "2026-12-01", RULES);
  assert.equal(save(storage, plan), true);
  assert.deepEqual(load(storage, RULES), {plan, problems: [], raw: serialise(plan)});
});

test("a change is made to the plan as stored now, never to an older copy", () => {
  const storage = memoryStorage();
  update(storage, RULES, (plan) => addIds(plan, ["a"], () => null, RULES));
  const elsewhere = JSON.parse(storage().kept.get(KEY));
  elsewhere.items[0].owner = "Jo";  // another tab
  storage().setItem(KEY, JSON.stringify(elsewhere));
  update(storage, RULES, (plan) => addIds(plan, ["b"], () => null, RULES));
  assert.deepEqual(JSON.parse(storage().kept.get(KEY)).items.map((i) => [i.id, i.owner]), [["a", "Jo"], ["b", ""]]);
});

// A format as far as version 3, to show how a new version is added: each step renames a field.
const STEPS = {
  1: (plan) => ({...plan, items: plan.items.map(({owner, ...item}) => ({...item, lead: owner}))}),
  2: (plan) => ({...plan, items: plan.items.map(({due, ...item}) => ({...item, target: due}))}),
};
const RULES_3 = {...RULES, version: 3};
const version1 = (items) => ({format: RULES.format, version: 1, items});

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
  assert.equal(readStored(raw, RULES_3, {}).unreadable, true);
  assert.deepEqual(migrate({...JSON.parse(raw), version: RULES.version}, RULES, {}), {...JSON.parse(raw), version: RULES.version},
    "this version needs no step");
  assert.deepEqual(Object.keys(MIGRATIONS), ["1"], "a new version adds its step here and a plan of the version before to STORED");
});

test("version 1 to 2: notes become evidence; no field is added, so an old export carries only what it held", () => {
  const migrated = MIGRATIONS[1](version1([{id: "a", status: "done", owner: "Jo", due: "2027-01-31", notes: "Costed", seen: null, extra: 1},
    {id: "b", status: "planned"}, null, "text", {id: "c", notes: "Mine", evidence: "Theirs"}, {id: "d", notes: "", evidence: "Kept"},
    {id: "e", notes: ["x"], evidence: "Kept"}]));
  assert.deepEqual(migrated.items, [{id: "a", status: "done", owner: "Jo", due: "2027-01-31", evidence: "Costed", seen: null, extra: 1},
    {id: "b", status: "planned"}, null, "text", {id: "c", evidence: "Mine\n\nTheirs"}, {id: "d", evidence: "Kept"},
    {id: "e", notes: ["x"], evidence: "Kept"}]);
  assert.equal(Object.hasOwn(migrated, "title"), false);
});

test("property: any version-1 plan reads as version 2 with every field it had, notes as evidence", () => {
  const v1Item = fc.record({id: fc.string({minLength: 1}), status: fc.constantFrom(...RULES.statuses.map((s) => s.id)),
    owner: text, due: fc.oneof(fc.constant(""), date), notes: text, seen: fc.option(date, {nil: null})}, {noNullPrototype: true});
  fc.assert(fc.property(fc.uniqueArray(v1Item, {selector: (i) => i.id}), (items) => {
    const read = readStored(JSON.stringify(version1(items)), RULES);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.plan.items, items.map(({notes, ...item}) => ({...item, assessment: "", evidence: notes, actions: ""})));
    assert.equal(read.plan.version, 2);
  }), {numRuns: 300});
});

test("adding ids adds only those not in the plan yet, each with the first status", () => {
  const plan = emptyPlan(RULES);
  assert.equal(addIds(plan, ["a", "b", "a"], (id) => (id === "a" ? "2026-01-01" : null), RULES), 2);
  assert.equal(addIds(plan, ["b", "c"], () => null, RULES), 1);
  assert.deepEqual(plan.items.map((item) => [item.id, item.status, item.seen]),
    [["a", "not-started", "2026-01-01"], ["b", "not-started", null], ["c", "not-started", null]]);
  assert.deepEqual([...idsIn(plan)], ["a", "b", "c"]);
  assert.deepEqual(newItem("x", undefined, RULES), {id: "x", status: "not-started", assessment: "", owner: "", due: "", evidence: "", actions: "",
    seen: null});
});

const text = fc.string({unit: "grapheme"});
// Dates up to 2020: a date seen may not be later than tomorrow.
const date = fc.date({min: new Date("1900-01-01T00:00:00Z"), max: new Date("2020-12-31T00:00:00Z"), noInvalidDate: true})
  .map((d) => d.toISOString().slice(0, 10));
const item = fc.record({
  id: fc.string({minLength: 1}),
  status: fc.constantFrom(...RULES.statuses.map((s) => s.id)),
  assessment: fc.constantFrom("", ...RULES.assessments.map((s) => s.id)),
  owner: text, due: fc.oneof(fc.constant(""), date), evidence: text, actions: text,
  seen: fc.option(date, {nil: null}),
}, {noNullPrototype: true});

test("property: any plan saved reads back the same", () => {
  fc.assert(fc.property(fc.uniqueArray(item, {selector: (i) => i.id}), text, text, (items, title, organisation) => {
    const plan = {format: RULES.format, version: RULES.version, title, organisation, items};
    assert.deepEqual(readStored(serialise(plan), RULES), {plan, problems: []});
  }));
});

test("property: whatever a stored plan's items hold, reading it never throws and keeps only valid items", () => {
  const name = fc.constantFrom(...HOSTILE, "id", "status", "assessment", "owner", "due", "notes", "evidence", "actions", "seen");
  const anything = fc.oneof(fc.jsonValue(), item, fc.dictionary(name, fc.oneof(fc.jsonValue(), name)));
  fc.assert(fc.property(fc.array(anything, {maxLength: 8}), (items) => {
    const {plan, problems} = readStored(JSON.stringify({format: RULES.format, version: 2, items}), RULES);
    assert.equal(plan.items.length + problems.filter((p) => !p.bad).length, items.length);
    assert.equal(idsIn(plan).size, plan.items.length);
    for (const kept of plan.items) {
      assert.ok(RULES.statuses.some((s) => s.id === kept.status));
      assert.ok(["owner", "due", "evidence", "actions"].every((name) => typeof kept[name] === "string"));
      assert.ok(kept.assessment === "" || RULES.assessments.some((s) => s.id === kept.assessment));
    }
  }), {numRuns: 500});
});
