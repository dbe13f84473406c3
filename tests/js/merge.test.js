// Changing a plan without losing what someone typed (docs/javascripts/lib/merge.js): an import
// changes only the fields it carries, a withdrawn item's details move to its replacement, and two
// tabs never write over each other's work.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {applyImport, changesTo, compare, replaceWithdrawn, session, setField} from "../../docs/javascripts/lib/merge.js";
import {KEY, addIds, newItem, serialise} from "../../docs/javascripts/lib/store.js";
import {RULES, memoryStorage} from "./fixtures.js";

const full = (id, status, owner = "", due = "", notes = "") => ({id, status, owner, due, notes, seen: "2026-01-01"});
const stored = (storage) => JSON.parse(storage().kept.get(KEY));

test("an import that does not carry a field leaves it as it is; one that carries it empty clears it", () => {
  const plan = {format: RULES.format, version: 1, items: [full("a", "planned", "Jo", "2027-03-31", "Board in March"), full("b", "done", "Al")]};
  // A statuses-only share link, or a CSV with only id and status.
  const statusesOnly = [{id: "a", status: "in-progress", seen: null}, {id: "c", status: "done", seen: "2026-11-30"}];
  const change = compare(plan, statusesOnly);
  assert.deepEqual(change.added.map((i) => i.id), ["c"]);
  assert.deepEqual(change.changed.map((c) => c.changes), [[{field: "status", from: "planned", to: "in-progress"}]]);
  applyImport(plan, statusesOnly, RULES);
  assert.deepEqual(plan.items, [full("a", "in-progress", "Jo", "2027-03-31", "Board in March"), full("b", "done", "Al"),
    {id: "c", status: "done", owner: "", due: "", notes: "", seen: "2026-11-30"}]);
  // Carried empty: the change the preview shows as "clears".
  const clearing = [{id: "a", owner: "", notes: "Board in March", seen: null}];
  assert.deepEqual(changesTo(plan.items[0], clearing[0]), [{field: "owner", from: "Jo", to: ""}]);
  applyImport(plan, clearing, RULES);
  assert.deepEqual(plan.items[0], full("a", "in-progress", "", "2027-03-31", "Board in March"));
  assert.deepEqual(compare(plan, clearing), {added: [], changed: [], same: 1});
});

test("replacing a withdrawn item keeps its owner, date and notes, merged with a note when both have them", () => {
  const replacement = {id: "new", changed: "2026-11-30"};
  const alone = {items: [full("old", "in-progress", "Sam", "2027-01-31", "Costed")]};
  replaceWithdrawn(alone, "old", replacement, "Old title", RULES);
  assert.deepEqual(alone.items, [{...full("new", "in-progress", "Sam", "2027-01-31", "Costed"), seen: "2026-11-30"}]);

  const both = {items: [full("old", "in-progress", "Sam", "2027-01-31", "Costed"), full("new", "not-started", "", "", "")]};
  replaceWithdrawn(both, "old", replacement, "Old title", RULES);
  assert.deepEqual(both.items, [full("new", "in-progress", "Sam", "2027-01-31", "Costed")]);

  const differ = {items: [full("old", "done", "Sam", "2027-01-31", "Costed"), full("new", "planned", "Jo", "2027-06-30", "Draft")]};
  replaceWithdrawn(differ, "old", replacement, "Old title", RULES);
  assert.deepEqual(differ.items, [full("new", "planned", "Jo", "2027-06-30",
    "Draft\n\nFrom the withdrawn recommendation “Old title”, owner: Sam; target date: 2027-01-31; notes: Costed")]);
  assert.doesNotMatch(differ.items[0].notes, /undefined/);
});

test("editing an item another tab took out puts it back as this page has it", () => {
  const plan = {items: [full("a", "done")]};
  setField(plan, "b", "owner", "Jo", full("b", "planned", "", "", "typed here"));
  assert.deepEqual(plan.items, [full("a", "done"), full("b", "planned", "Jo", "", "typed here")]);
  setField(plan, "a", "notes", "x", full("a", "not-started"));
  assert.deepEqual(plan.items[0], full("a", "done", "", "", "x"), "an item still there keeps its other fields");
});

test("two tabs: an addition in one is kept when the other saves, and the other is told", () => {
  const storage = memoryStorage();
  const planner = session(storage, RULES), other = session(storage, RULES);
  assert.deepEqual(planner.change((p) => addIds(p, ["a"], () => null, RULES)), {saved: true, elsewhere: false, error: undefined});
  // The other tab (or "Add to my plan" on another page) adds one; then the planner edits its item.
  other.change((p) => addIds(p, ["b"], () => null, RULES));
  const edit = planner.change((p) => setField(p, "a", "owner", "Jo", planner.plan.items[0]));
  assert.equal(edit.elsewhere, true);
  assert.deepEqual(stored(storage).items.map((i) => [i.id, i.owner]), [["a", "Jo"], ["b", ""]]);
  assert.deepEqual(planner.plan, stored(storage), "the page shows both");
  // The storage event: the other tab reads the plan again.
  assert.equal(other.refresh(), true);
  assert.equal(other.refresh(), false, "nothing new since");
  assert.deepEqual(other.plan, stored(storage));
});

test("a change that cannot be saved stays on the page and is saved with the next change that can", () => {
  const storage = memoryStorage();
  const page = session(storage, RULES);
  page.change((p) => addIds(p, ["a"], () => null, RULES));
  storage().full = true;
  assert.deepEqual(page.change((p) => setField(p, "a", "notes", "typed while full", page.plan.items[0])),
    {saved: false, elsewhere: false, error: undefined});
  assert.equal(page.plan.items[0].notes, "typed while full", "still on the page (and in an export)");
  assert.equal(stored(storage).items[0].notes, "");
  storage().full = false;
  assert.equal(page.change((p) => addIds(p, ["b"], () => null, RULES)).saved, true);
  assert.deepEqual(stored(storage).items.map((i) => [i.id, i.notes]), [["a", "typed while full"], ["b", ""]]);
});

test("a plan that could not be read and kept aside is written over only after the reader downloaded it", () => {
  const raw = "{not a plan";
  const storage = memoryStorage({[KEY]: raw}, {full: true});
  const page = session(storage, RULES);
  assert.equal(page.read.error, "unkept");
  assert.equal(page.change((p) => addIds(p, ["a"], () => null, RULES)).error, "unkept");
  storage().full = false;
  page.exported = raw;  // the planner sets this once the reader has downloaded it
  assert.equal(page.change(() => {}).saved, true);
  assert.deepEqual(stored(storage).items.map((i) => i.id), ["a"]);
});

// --- Property: random edits, imports and two-tab interleavings lose nothing ------------------

const IDS = ["a", "b", "c", "d"];
const value = {
  status: fc.constantFrom(...RULES.statuses.map((s) => s.id)),
  owner: fc.constantFrom("", "Jo", "Sam"),
  due: fc.constantFrom("", "2027-01-31", "2027-06-30"),
  notes: fc.constantFrom("", "Costed", "=x", "Board in March"),
};
const field = fc.constantFrom("status", "owner", "due", "notes");
const imported = fc.record({id: fc.constantFrom(...IDS), status: value.status, owner: value.owner, due: value.due, notes: value.notes},
  {requiredKeys: ["id"], noNullPrototype: true});
const op = fc.oneof(
  fc.record({kind: fc.constant("edit"), id: fc.constantFrom(...IDS), field}).chain((o) => value[o.field].map((v) => ({...o, value: v}))),
  fc.record({kind: fc.constant("add"), ids: fc.subarray(IDS)}),
  fc.record({kind: fc.constant("remove"), id: fc.constantFrom(...IDS)}),
  fc.record({kind: fc.constant("import"), items: fc.uniqueArray(imported, {selector: (i) => i.id, maxLength: 4})}),
  fc.constant({kind: "refresh"}),
);
const tidy = (plan) => plan.items.sort((x, y) => (x.id < y.id ? -1 : 1));

// The edit each operation makes, by id, as the planner's controls make it; `mine` is the tab's
// own copy of the item (what its fields show).
function editFor(o, mine) {
  if (o.kind === "edit") return (p) => setField(p, o.id, o.field, o.value, mine);
  if (o.kind === "add") return (p) => addIds(p, o.ids, () => null, RULES);
  if (o.kind === "remove") return (p) => { p.items = p.items.filter((i) => i.id !== o.id); };
  return (p) => applyImport(p, o.items.map((i) => ({...i, seen: null})), RULES);
}

test("property: two tabs making random edits, imports and removals, in any order, lose no field", () => {
  fc.assert(fc.property(fc.uniqueArray(fc.constantFrom(...IDS)), fc.array(fc.tuple(fc.nat(1), op), {maxLength: 25}), (start, steps) => {
    const first = {format: RULES.format, version: 1, items: start.map((id) => newItem(id, null, RULES))};
    const storage = memoryStorage({[KEY]: serialise(first)});
    const tabs = [session(storage, RULES, tidy), session(storage, RULES, tidy)];
    // The model: every change made one after another to one plan, in the order they were made.
    const model = structuredClone(first);
    for (const [n, o] of steps) {
      const tab = tabs[n];
      if (o.kind === "refresh") { tab.refresh(); continue; }
      // A tab edits only an item it shows.
      const mine = tab.plan.items.find((i) => i.id === o.id);
      if (o.kind === "edit" && !mine) continue;
      const done = tab.change(editFor(o, mine && {...mine}));
      assert.equal(done.saved, true);
      editFor(o, mine && {...mine})(model);
      tidy(model);
      assert.deepEqual(stored(storage), model, "the stored plan is every change made so far, none lost");
      assert.deepEqual(tab.plan, model, "the tab that made the change shows them all");
    }
  }), {numRuns: 500});
});

test("property: an import changes exactly the fields it carries, and compare() lists each of them", () => {
  const planItem = fc.record({id: fc.constantFrom(...IDS), status: value.status, owner: value.owner, due: value.due, notes: value.notes,
    seen: fc.constant("2026-01-01")}, {noNullPrototype: true});
  fc.assert(fc.property(fc.uniqueArray(planItem, {selector: (i) => i.id}), fc.uniqueArray(imported, {selector: (i) => i.id}), (items, incoming) => {
    const plan = {items: structuredClone(items)};
    const preview = compare(plan, incoming);
    applyImport(plan, incoming.map((i) => ({...i, seen: null})), RULES);
    const carried = new Map(incoming.map((i) => [i.id, i]));
    for (const before of items) {
      const after = plan.items.find((i) => i.id === before.id), by = carried.get(before.id) || {};
      for (const name of ["status", "owner", "due", "notes", "seen"]) {
        assert.equal(after[name], Object.hasOwn(by, name) && name !== "seen" ? by[name] : before[name], name);
      }
      const listed = preview.changed.find((c) => c.item.id === before.id);
      assert.deepEqual(listed ? listed.changes : [], changesTo(before, by));
    }
    assert.equal(plan.items.length, items.length + preview.added.length);
  }), {numRuns: 500});
});
