// Changing a plan without losing what someone typed (docs/javascripts/lib/merge.js): an import
// changes only the fields it carries, a withdrawn item's details move to its replacement, and two
// tabs never write over each other's work.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {applyImport, changesTo, compare, replaceWithdrawn, session, setField} from "../../docs/javascripts/lib/merge.js";
import {readShared, shareFragment} from "../../docs/javascripts/lib/share.js";
import {KEY, addIds, newItem, serialise} from "../../docs/javascripts/lib/store.js";
import {RULES, memoryStorage} from "./fixtures.js";

const full = (id, status, owner = "", due = "", evidence = "", more = {}) =>
  ({id, status, assessment: "", owner, due, evidence, actions: "", seen: "2026-01-01", ...more});
const stored = (storage) => JSON.parse(storage().kept.get(KEY));

test("an import that does not carry a field leaves it as it is; one that carries it empty clears it", () => {
  const plan = {format: RULES.format, version: 2, title: "Ours", organisation: "", items: [full("a", "planned", "Jo", "2027-03-31", "Board in March"),
    full("b", "done", "Al")]};
  // A statuses-only share link, or a CSV with only id and status.
  const statusesOnly = [{id: "a", status: "in-progress", seen: null}, {id: "c", status: "done", seen: "2026-11-30"}];
  const change = compare(plan, statusesOnly);
  assert.deepEqual(change.added.map((i) => i.id), ["c"]);
  assert.deepEqual(change.changed.map((c) => c.changes), [[{field: "status", from: "planned", to: "in-progress"}]]);
  assert.deepEqual(change.about, [], "a link with no title leaves the plan's");
  applyImport(plan, statusesOnly, RULES);
  assert.deepEqual(plan.items, [full("a", "in-progress", "Jo", "2027-03-31", "Board in March"), full("b", "done", "Al"),
    {id: "c", status: "done", assessment: "", owner: "", due: "", evidence: "", actions: "", seen: "2026-11-30"}]);
  assert.equal(plan.title, "Ours");
  // Carried empty: the change the preview shows as "clears".
  const clearing = [{id: "a", owner: "", evidence: "Board in March", assessment: "met", seen: null}];
  assert.deepEqual(changesTo(plan.items[0], clearing[0]), [{field: "assessment", from: "", to: "met"}, {field: "owner", from: "Jo", to: ""}]);
  const about = {title: "Theirs", organisation: "Anytown"};
  assert.deepEqual(compare(plan, clearing, about).about, [{field: "title", from: "Ours", to: "Theirs"}, {field: "organisation", from: "", to: "Anytown"}]);
  applyImport(plan, clearing, RULES, about);
  assert.deepEqual(plan.items[0], full("a", "in-progress", "", "2027-03-31", "Board in March", {assessment: "met"}));
  assert.deepEqual([plan.title, plan.organisation], ["Theirs", "Anytown"]);
  assert.deepEqual(compare(plan, clearing, about), {added: [], changed: [], same: 1, about: []});
});

test("replacing a withdrawn item keeps its assessment, owner, date, evidence and actions, merged with a note when both have them", () => {
  const replacement = {id: "new", changed: "2026-11-30"};
  const alone = {items: [full("old", "in-progress", "Sam", "2027-01-31", "Costed")]};
  replaceWithdrawn(alone, "old", replacement, "Old title", RULES);
  assert.deepEqual(alone.items, [{...full("new", "in-progress", "Sam", "2027-01-31", "Costed"), seen: "2026-11-30"}]);

  const both = {items: [full("old", "in-progress", "Sam", "2027-01-31", "Costed"), full("new", "not-started", "", "", "")]};
  replaceWithdrawn(both, "old", replacement, "Old title", RULES);
  assert.deepEqual(both.items, [full("new", "in-progress", "Sam", "2027-01-31", "Costed")]);

  const differ = {items: [full("old", "done", "Sam", "2027-01-31", "Costed", {assessment: "met", actions: "Ask"}),
    full("new", "planned", "Jo", "2027-06-30", "Draft", {assessment: "partly-met", actions: "Tell"})]};
  replaceWithdrawn(differ, "old", replacement, "Old title", RULES);
  assert.deepEqual(differ.items, [full("new", "planned", "Jo", "2027-06-30",
    "Draft\n\nFrom the withdrawn recommendation “Old title”, assessment: Met; owner: Sam; target date: 31 January 2027; " +
    "current position and evidence: Costed; actions: Ask", {assessment: "partly-met", actions: "Tell"})]);
  assert.doesNotMatch(differ.items[0].evidence, /undefined/);
  const unassessed = {items: [full("old", "done", "", "", "", {assessment: "not-met"}), full("new", "planned")]};
  replaceWithdrawn(unassessed, "old", replacement, "Old title", RULES);
  assert.equal(unassessed.items[0].assessment, "not-met", "taken where the replacement has none");
});

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

// --- Property: random edits, imports and two-tab interleavings lose nothing ------------------

const IDS = ["a", "b", "c", "d"];
const value = {
  status: fc.constantFrom(...RULES.statuses.map((s) => s.id)),
  assessment: fc.constantFrom("", ...RULES.assessments.map((s) => s.id)),
  owner: fc.constantFrom("", "Jo", "Sam"),
  due: fc.constantFrom("", "2027-01-31", "2027-06-30"),
  evidence: fc.constantFrom("", "Costed", "=x", "Board in March"),
  actions: fc.constantFrom("", "Ask the board", "Ask\nagain"),
};
const ITEM_FIELDS = Object.keys(value);
const PLAN_VALUE = {title: fc.constantFrom("", "Self-assessment 2027", "Ours"), organisation: fc.constantFrom("", "Anytown Council")};
const field = fc.constantFrom(...ITEM_FIELDS);
const imported = fc.record({id: fc.constantFrom(...IDS), ...value}, {requiredKeys: ["id"], noNullPrototype: true});
const about = fc.record(PLAN_VALUE, {requiredKeys: [], noNullPrototype: true});
const planItem = fc.record({id: fc.constantFrom(...IDS), ...value, seen: fc.constant("2026-01-01")}, {noNullPrototype: true});
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

test("property: an import changes exactly the fields it carries, and compare() lists each of them", () => {
  fc.assert(fc.property(fc.uniqueArray(planItem, {selector: (i) => i.id}), fc.uniqueArray(imported, {selector: (i) => i.id}), about, PLAN_VALUE.title,
    (items, incoming, carriedAbout, title) => {
      const plan = {title, organisation: "", items: structuredClone(items)};
      const preview = compare(plan, incoming, carriedAbout);
      applyImport(plan, incoming.map((i) => ({...i, seen: null})), RULES, carriedAbout);
      const carried = new Map(incoming.map((i) => [i.id, i]));
      for (const before of items) {
        const after = plan.items.find((i) => i.id === before.id), by = carried.get(before.id) || {};
        for (const name of [...ITEM_FIELDS, "seen"]) {
          assert.equal(after[name], Object.hasOwn(by, name) && name !== "seen" ? by[name] : before[name], name);
        }
        const listed = preview.changed.find((c) => c.item.id === before.id);
        assert.deepEqual(listed ? listed.changes : [], changesTo(before, by));
      }
      assert.equal(plan.items.length, items.length + preview.added.length);
      assert.equal(plan.title, Object.hasOwn(carriedAbout, "title") ? carriedAbout.title : title);
      assert.deepEqual(preview.about.map((c) => c.field), ["title", "organisation"].filter((f) =>
        Object.hasOwn(carriedAbout, f) && carriedAbout[f] !== (f === "title" ? title : "")));
    }), {numRuns: 500});
});

test("property: a share link with everything opened in an empty plan gives the plan it was made from", () => {
  fc.assert(fc.property(fc.uniqueArray(planItem, {selector: (i) => i.id}), PLAN_VALUE.title, PLAN_VALUE.organisation, (items, title, organisation) => {
    const read = readShared(shareFragment({items, title, organisation}, true, RULES), RULES);
    const plan = {title: "", organisation: "", items: []};
    applyImport(plan, read.items, RULES, read.about);
    assert.deepEqual(plan, {title, organisation, items: items.map((i) => ({...i, seen: null}))});
  }), {numRuns: 300});
});
