// Plans brought to the planner (docs/javascripts/lib/imports.js): JSON and CSV exports read and
// checked, every problem said in words, ids fitted to the site, and what an import would change.
import assert from "node:assert/strict";
import {test} from "node:test";

import {
  PlanError, applyImport, byId, checkItem, compare, isoDate, itemsFromCsv, readExport, resolve, statusOf,
} from "../../docs/javascripts/lib/imports.js";
import {cell, lines} from "../../docs/javascripts/lib/csv.js";
import {FORMULA, ITEM_COLUMNS, RULES} from "./fixtures.js";

const refusedWith = (message) => (error) => error instanceof PlanError && error.message === message;

test("a JSON export reads back its items, each checked, with defaults for what it lacks", () => {
  const text = JSON.stringify({format: RULES.format, version: 1, recommendations: [{id: "ignored"}], items: [
    {id: "a", status: "done", owner: "Jo", due: "2027-01-31", notes: "n", seen: "2026-12-01"},
    {id: "b"},
    {id: "c", seen: "yesterday"},
  ]});
  assert.deepEqual(readExport(text, RULES), [
    {id: "a", status: "done", owner: "Jo", due: "2027-01-31", notes: "n", seen: "2026-12-01"},
    {id: "b", status: "not-started", owner: "", due: "", notes: "", seen: null},
    {id: "c", status: "not-started", owner: "", due: "", notes: "", seen: null},
  ]);
});

test("a JSON file that is not a plan of this planner is refused and says why", () => {
  const plan = (fields) => JSON.stringify({format: RULES.format, version: 1, items: [], ...fields});
  const refused = {
    "{": "This file is not valid JSON, so it is not a plan exported from this planner.",
    "[]": "This JSON file is not a plan exported from this planner (it does not say it is a “recsite-action-plan”).",
    [plan({version: "1"})]: "This plan file has no valid format version.",
    [plan({version: 0})]: "This plan file has no valid format version.",
    [plan({version: 2})]: "This plan was saved by a newer version of the planner (format version 2; this page reads version 1). " +
      "Reload this page to get the newest planner, then import it again.",
    [plan({items: {}})]: "This plan file has no list of recommendations (“items”).",
    [plan({items: [{status: "done"}]})]: "Item 1 has no recommendation id.",
    [plan({items: [{id: "a", owner: 7}]})]: "Item 1 (a): “owner” is not text.",
    [plan({items: [{id: "a"}, {id: "b", status: "finished"}]})]:
      "Item 2 (b): the status “finished” is not one of: not-started, planned, in-progress, done, not-applicable.",
    [plan({items: [{id: "a", due: "31/01/2027"}]})]: "Item 1 (a): the target date “31/01/2027” is not a date written YYYY-MM-DD.",
  };
  for (const [text, message] of Object.entries(refused)) assert.throws(() => readExport(text, RULES), refusedWith(message), text);
});

const HEAD = ["id", "title", "status", "owner", "target_date", "notes", "added_later"];

test("a CSV export or review spreadsheet reads by column name: statuses by label or value, UK dates", () => {
  const text = lines([HEAD,
    ["a", "A title", "In progress", "Jo", "31/1/2027", "=SUM(A1) \"quoted\", commas", "x"],
    ["b", "", "done", "", "2027-02-28", "＋1", ""],
    ["c", "", "", "", "", "", ""]], FORMULA);
  assert.deepEqual(itemsFromCsv(text, RULES, ITEM_COLUMNS, FORMULA), [
    {id: "a", status: "in-progress", owner: "Jo", due: "2027-01-31", notes: "=SUM(A1) \"quoted\", commas", seen: null},
    {id: "b", status: "done", owner: "", due: "2027-02-28", notes: "＋1", seen: null},
    {id: "c", status: "not-started", owner: "", due: "", notes: "", seen: null},
  ]);
  assert.equal(statusOf("  NOT APPLICABLE ", RULES), "not-applicable");
  assert.equal(statusOf("finished", RULES), undefined);
  assert.equal(isoDate(" 1/2/2027 "), "2027-02-01");
});

test("a CSV file with a bare formula, no id column, a bad status or an open quote is refused", () => {
  const row = (notes, status = "") => HEAD.join(",") + "\r\na,,"+ status + ",,," + notes + ",\r\n";
  const refused = {
    [row("=SUM(A1)")]: "Row 2, column “notes” starts with “=”, which a spreadsheet would run as a formula. Nothing was imported. " +
      "Start that cell with an apostrophe (') or remove the character, then import again.",
    [row("\u200b@x")]: "Row 2, column “notes” starts with “@”, which a spreadsheet would run as a formula. Nothing was imported. " +
      "Start that cell with an apostrophe (') or remove the character, then import again.",
    [row("", "finished")]: "Row 2: the status “finished” is not one of: Not started, Planned, In progress, Done, Not applicable.",
    "title,notes\r\nA,b\r\n": "This CSV file has no “id” column, so it is not an export of this planner or the review spreadsheet.",
    'id,notes\r\na,"open\r\n': "This file is not a readable CSV file: a quoted cell is never closed.",
  };
  for (const [text, message] of Object.entries(refused)) {
    assert.throws(() => itemsFromCsv(text, RULES, ITEM_COLUMNS, FORMULA), refusedWith(message), text);
  }
  assert.equal(cell("=SUM(A1)", FORMULA), "'=SUM(A1)", "what the export writes instead, which reads back");
});

const RECS = byId([{id: "new", title: "The new one", changed: "2026-11-30"}, {id: "kept", title: "Kept", changed: "2026-10-01"}]);
const RETIRED = byId([
  {id: "old", title: "Old", date: "2026-11-30", reason: "Merged into a wider recommendation.", replaced_by: "new"},
  {id: "gone", title: "Gone", date: "2026-11-30", reason: "No longer relevant.", replaced_by: null},
]);

test("ids are fitted to the site: withdrawn to their replacement, unknown and repeated left out, each said", () => {
  const item = (id, seen = null) => ({id, status: "done", owner: "", due: "", notes: "", seen});
  const result = resolve([item("old", "2026-01-01"), item("gone"), item("nowhere"), item("kept", "2026-09-01"), item("kept"),
    item("constructor")], RECS, RETIRED);
  assert.deepEqual(result.items.map((i) => [i.id, i.seen]), [["new", "2026-11-30"], ["kept", "2026-09-01"]]);
  assert.deepEqual(result.notes, [
    "“old” was withdrawn on 2026-11-30 (Merged into a wider recommendation.); it is imported as its replacement, “The new one”.",
    "“gone” was withdrawn on 2026-11-30 (No longer relevant.) with nothing to replace it; it is left out.",
    "“nowhere” is not a recommendation on this site; it is left out.",
    "“kept” is listed twice; the first is used.",
    "“constructor” is not a recommendation on this site; it is left out.",
  ]);
  assert.throws(() => resolve([], RECS, RETIRED), refusedWith("This file holds no recommendations."));
  assert.throws(() => resolve([item("nowhere")], RECS, RETIRED), refusedWith(
    "None of the recommendations in this file is on this site. “nowhere” is not a recommendation on this site; it is left out."));
});

test("the preview counts what an import adds, changes and leaves, and applying it does exactly that", () => {
  const item = (id, status, owner = "") => ({id, status, owner, due: "", notes: "", seen: "2026-01-01"});
  const plan = {format: RULES.format, version: 1, items: [item("a", "done"), item("b", "planned"), item("c", "done")]};
  const incoming = [item("a", "done"), item("b", "planned", "Jo"), item("d", "not-started")];
  const change = compare(plan, incoming);
  assert.deepEqual([change.added.map((i) => i.id), change.changed.map((i) => i.id), change.same], [["d"], ["b"], 1]);
  applyImport(plan, incoming);
  assert.deepEqual(plan.items.map((i) => [i.id, i.status, i.owner]),
    [["a", "done", ""], ["b", "planned", "Jo"], ["c", "done", ""], ["d", "not-started", ""]]);
  assert.deepEqual(compare(plan, incoming), {added: [], changed: [], same: 3});
});

test("an item's check clears a date it was seen that is not a date", () => {
  const item = {id: "a", status: "done", owner: "", due: "", notes: "", seen: "soon"};
  assert.equal(checkItem(item, "Item 1", RULES).seen, null);
});
