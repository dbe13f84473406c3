// Changing a plan without losing what someone typed (docs/javascripts/lib/merge.js): an import
// or a share link changes only the fields it carries, and a withdrawn item's details move to its
// replacement (two tabs: session.test.js).
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {applyImport, changesTo, compare, replaceWithdrawn} from "../../docs/javascripts/lib/merge.js";
import {readShared, shareFragment} from "../../docs/javascripts/lib/share.js";
import {ITEM_FIELDS, PLAN_VALUE, RULES, about, imported, planItem} from "./fixtures.js";

const full = (id, status, owner = "", due = "", evidence = "", more = {}) =>
  ({id, status, assessment: "", owner, due, evidence, actions: "", seen: "2026-01-01", ...more});

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

// --- Properties: imports and share links change what they carry, and lose nothing ------------

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
