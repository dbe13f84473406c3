// One page's plan (docs/javascripts/lib/session.js): its changes go to the plan as stored now,
// so that two tabs never write over each other's work, and a change that cannot be saved stays on
// the page until one can.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {applyImport} from "../../docs/javascripts/lib/merge.js";
import {session, setField} from "../../docs/javascripts/lib/session.js";
import {readShared, shareFragment} from "../../docs/javascripts/lib/share.js";
import {KEY, addIds, newItem, serialise} from "../../docs/javascripts/lib/store.js";
import {IDS, PLAN_VALUE, RULES, about, field, imported, memoryStorage, planItem, value} from "./fixtures.js";

const full = (id, status, owner = "", due = "", evidence = "", more = {}) =>
  ({id, status, assessment: "", owner, due, evidence, actions: "", seen: "2026-01-01", ...more});
const stored = (storage) => JSON.parse(storage().kept.get(KEY));

test("editing an item another tab took out puts it back as this page has it", () => {
  const plan = {items: [full("a", "done")]};
  setField(plan, "b", "owner", "Jo", full("b", "planned", "", "", "typed here"));
  assert.deepEqual(plan.items, [full("a", "done"), full("b", "planned", "Jo", "", "typed here")]);
  setField(plan, "a", "evidence", "x", full("a", "not-started"));
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
  assert.deepEqual(page.change((p) => setField(p, "a", "evidence", "typed while full", page.plan.items[0])),
    {saved: false, elsewhere: false, error: undefined});
  assert.equal(page.plan.items[0].evidence, "typed while full", "still on the page (and in an export)");
  assert.equal(stored(storage).items[0].evidence, "");
  storage().full = false;
  assert.equal(page.change((p) => addIds(p, ["b"], () => null, RULES)).saved, true);
  assert.deepEqual(stored(storage).items.map((i) => [i.id, i.evidence]), [["a", "typed while full"], ["b", ""]]);
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

// --- Property: random edits, imports, share links and two-tab interleavings lose nothing ------

const op = fc.oneof(
  fc.record({kind: fc.constant("edit"), id: fc.constantFrom(...IDS), field}).chain((o) => value[o.field].map((v) => ({...o, value: v}))),
  fc.record({kind: fc.constant("about"), field: fc.constantFrom("title", "organisation")}).chain((o) => PLAN_VALUE[o.field].map((v) => ({...o, value: v}))),
  fc.record({kind: fc.constant("add"), ids: fc.subarray(IDS)}),
  fc.record({kind: fc.constant("remove"), id: fc.constantFrom(...IDS)}),
  fc.record({kind: fc.constant("import"), items: fc.uniqueArray(imported, {selector: (i) => i.id, maxLength: 4}), about}),
  // A share link made in another browser from a plan of its own, with everything or not, opened here.
  fc.record({kind: fc.constant("link"), items: fc.uniqueArray(planItem, {selector: (i) => i.id, maxLength: 4}), full: fc.boolean(),
    title: PLAN_VALUE.title, organisation: PLAN_VALUE.organisation}),
  fc.constant({kind: "refresh"}),
);
const tidy = (plan) => plan.items.sort((x, y) => (x.id < y.id ? -1 : 1));

// The edit each operation makes, by id, as the planner's controls make it; `mine` is the tab's
// own copy of the item (what its fields show).
function editFor(o, mine) {
  if (o.kind === "edit") return (p) => setField(p, o.id, o.field, o.value, mine);
  if (o.kind === "about") return (p) => { p[o.field] = o.value; };
  if (o.kind === "add") return (p) => addIds(p, o.ids, () => null, RULES);
  if (o.kind === "remove") return (p) => { p.items = p.items.filter((i) => i.id !== o.id); };
  if (o.kind === "link") {
    const read = readShared(shareFragment({items: o.items, title: o.title, organisation: o.organisation}, o.full, RULES), RULES);
    return (p) => applyImport(p, read.items, RULES, read.about);
  }
  return (p) => applyImport(p, o.items.map((i) => ({...i, seen: null})), RULES, o.about);
}

test("property: two tabs making random edits, imports, share links and removals, in any order, lose no field", () => {
  fc.assert(fc.property(fc.uniqueArray(fc.constantFrom(...IDS)), fc.array(fc.tuple(fc.nat(1), op), {maxLength: 25}), (start, steps) => {
    const first = {format: RULES.format, version: 2, title: "", organisation: "", items: start.map((id) => newItem(id, null, RULES))};
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

