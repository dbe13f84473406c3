// Plans brought to the planner (docs/javascripts/lib/imports.js): JSON and CSV exports read and
// checked, every problem said in words, each item carrying only the fields the file gives, the
// file's encoding found, and ids fitted to the site (what an import changes: merge.test.js).
import assert from "node:assert/strict";
import {test} from "node:test";

import {
  PlanError, choiceOf, decodeFile, itemsFromCsv, readExport, resolve, withdrawn,
} from "../../docs/javascripts/lib/imports.js";
import {byId} from "../../docs/javascripts/lib/store.js";
import {cell, lines} from "../../docs/javascripts/lib/csv.js";
import {FORMULA, ITEM_COLUMNS, PLAN_COLUMNS, RULES} from "./fixtures.js";

const refusedWith = (message) => (error) => error instanceof PlanError && error.message === message;

test("a JSON export reads back its items and the plan's title, each checked, carrying only the fields it has", () => {
  const text = JSON.stringify({format: RULES.format, version: 2, title: "Ours", recommendations: [{id: "ignored"}], items: [
    {id: "a", status: "done", assessment: "met", owner: "Jo", due: "2027-01-31", evidence: "n", actions: "x", seen: "2026-12-01"},
    {id: "b"},
    {id: "c", status: "planned", owner: "", evidence: null, seen: "yesterday"},
    {id: "d", seen: "2027-01-03", assessment: ""},
  ]});
  assert.deepEqual(readExport(text, RULES, "2027-01-02"), {items: [
    {id: "a", status: "done", assessment: "met", owner: "Jo", due: "2027-01-31", evidence: "n", actions: "x", seen: "2026-12-01"},
    {id: "b", seen: null},
    {id: "c", status: "planned", owner: "", seen: null},
    {id: "d", assessment: "", seen: null},
  ], notes: [
    "Item 3 (c): the date it was last read, “yesterday”, is not a real date up to today, so it is not used.",
    "Item 4 (d): the date it was last read, “2027-01-03”, is not a real date up to today, so it is not used.",
  ], about: {title: "Ours"}});
});

test("a JSON export made before the self-assessment (version 1) imports: its notes as evidence, nothing else carried", () => {
  const text = JSON.stringify({format: RULES.format, version: 1, items: [
    {id: "a", status: "done", owner: "Jo", due: "2027-01-31", notes: "Board in March", seen: "2026-12-01"}]});
  assert.deepEqual(readExport(text, RULES, "2027-01-02"), {items: [
    {id: "a", status: "done", owner: "Jo", due: "2027-01-31", evidence: "Board in March", seen: "2026-12-01"}], notes: [], about: {}});
});

test("a JSON file that is not a plan of this planner is refused and says why", () => {
  const plan = (fields) => JSON.stringify({format: RULES.format, version: 2, items: [], ...fields});
  const refused = {
    "{": "This file is not valid JSON, so it is not a plan exported from this planner.",
    "[]": "This JSON file is not a plan exported from this planner (it does not say it is a “recsite-action-plan”).",
    [plan({version: "1"})]: "This plan file has no valid format version.",
    [plan({version: 0})]: "This plan file has no valid format version.",
    [plan({version: 3})]: "This plan was saved by a newer version of the planner (format version 3; this page reads version 2). " +
      "Reload this page to get the newest planner, then import it again.",
    [plan({items: {}})]: "This plan file has no list of recommendations (“items”).",
    [plan({items: [{status: "done"}]})]: "Item 1 has no recommendation id.",
    [plan({items: [{id: "a", owner: 7}]})]: "Item 1 (a): “owner” is not text.",
    [plan({items: [{id: "a"}, {id: "b", status: "finished"}]})]:
      "Item 2 (b): the status “finished” is not one of: not-started, planned, in-progress, done, not-applicable.",
    [plan({items: [{id: "a", due: "31/01/2027"}]})]: "Item 1 (a): the target date “31/01/2027” is not a real date written YYYY-MM-DD.",
    [plan({items: [{id: "a", due: "2026-02-30"}]})]: "Item 1 (a): the target date “2026-02-30” is not a real date written YYYY-MM-DD.",
    [plan({items: [{id: "a", due: "0000-00-00"}]})]: "Item 1 (a): the target date “0000-00-00” is not a real date written YYYY-MM-DD.",
    [plan({items: [{id: "a", status: "constructor"}]})]:
      "Item 1 (a): the status “constructor” is not one of: not-started, planned, in-progress, done, not-applicable.",
    [plan({items: [null]})]: "Item 1 has no recommendation id.",
    [plan({items: [{id: "a", assessment: "yes"}]})]:
      "Item 1 (a): the assessment “yes” is not one of: met, partly-met, not-met, not-applicable (or none).",
    [plan({items: [{id: "a", actions: ["x"]}]})]: "Item 1 (a): “actions” is not text.",
    [plan({title: 7})]: "This plan file's “title” is not text.",
  };
  for (const [text, message] of Object.entries(refused)) assert.throws(() => readExport(text, RULES), refusedWith(message), text);
});

const HEAD = ["id", "title", "status", "owner", "target_date", "notes", "added_later", "assessment", "actions", "plan_title", "organisation"];

test("a CSV export or review spreadsheet reads by column name: statuses and assessments by label or value, UK dates said", () => {
  const text = lines([HEAD,
    ["a", "A title", "In progress", "Jo", "31/1/2027", "=SUM(A1) \"quoted\", commas", "x", "Partly met", "Ask", "", ""],
    ["b", "", "done", "", "2027-02-28", "＋1", "", "not-met", "", "Ours", "Anytown"],
    ["c", "", "", "", "", "", "", "", "", "Not the first", ""]], FORMULA);
  assert.deepEqual(itemsFromCsv(text, RULES, ITEM_COLUMNS, FORMULA, PLAN_COLUMNS), {items: [
    {id: "a", status: "in-progress", assessment: "partly-met", owner: "Jo", due: "2027-01-31", evidence: "=SUM(A1) \"quoted\", commas",
      actions: "Ask", seen: null},
    {id: "b", status: "done", assessment: "not-met", owner: "", due: "2027-02-28", evidence: "＋1", actions: "", seen: null},
    // An empty status leaves the plan's as it is; an empty assessment is "not assessed yet".
    {id: "c", assessment: "", owner: "", due: "", evidence: "", actions: "", seen: null},
  ], notes: ["Dates written with slashes are read as day/month/year, as UK spreadsheets write them (“31/1/2027” as 31 January 2027). " +
    "If the file's dates are month/day/year, cancel, and write them as YYYY-MM-DD."], about: {title: "Ours", organisation: "Anytown"}});
  assert.equal(choiceOf("  NOT APPLICABLE ", RULES.statuses), "not-applicable");
  assert.equal(choiceOf("Partly Met", RULES.assessments), "partly-met");
  assert.equal(choiceOf("finished", RULES.statuses), undefined);
  assert.equal(choiceOf(" ", RULES.statuses), "");
});

test("a CSV carries only its columns: one with only id and status, or the review spreadsheet's empty columns, changes nothing else", () => {
  assert.deepEqual(itemsFromCsv("id,status\r\na,Done\r\nb,\r\n", RULES, ITEM_COLUMNS, FORMULA, PLAN_COLUMNS),
    {items: [{id: "a", status: "done", seen: null}, {id: "b", seen: null}], notes: [], about: {}});
  // planner/review.csv, with a status filled in: its other columns of the plan are empty.
  const review = "\ufeffid,title,status,owner,target_date,notes,assessment,actions,plan_title,organisation\r\na,A,Planned,,,,,,,\r\nb,B,,,,,,,,\r\n";
  assert.deepEqual(itemsFromCsv(review, RULES, ITEM_COLUMNS, FORMULA, PLAN_COLUMNS), {
    items: [{id: "a", status: "planned", seen: null}, {id: "b", seen: null}], about: {},
    notes: ["The file's assessment, owner, target date, current position and evidence, actions, plan's title, organisation columns " +
      "are empty in every row, so your plan's are left as they are."]});
  // A column with something in it carries its empty cells too: they clear (the preview says so).
  assert.deepEqual(itemsFromCsv("id,owner\r\na,Jo\r\nb,\r\n", RULES, ITEM_COLUMNS, FORMULA).items,
    [{id: "a", owner: "Jo", seen: null}, {id: "b", owner: "", seen: null}]);
});

test("a CSV date that is not real, or not day/month/year, is refused", () => {
  for (const date of ["12/25/2026", "31/02/2026", "0000-00-00", "2026-02-30", "2026-99-99", "25.12.2026"]) {
    assert.throws(() => itemsFromCsv("id,target_date\r\na," + date + "\r\n", RULES, ITEM_COLUMNS, FORMULA), refusedWith(
      "Row 2: the target date “" + date + "” is not a real date. Write it as YYYY-MM-DD (2027-03-31) or day/month/year (31/03/2027)."), date);
  }
});

test("a file is read as UTF-8, or else as Windows-1252 (Excel on Windows), and says which; UTF-16 is refused", () => {
  const utf8 = new TextEncoder().encode("id,notes\r\na,Café – 50 €\r\n");
  assert.deepEqual(decodeFile(utf8), {text: "id,notes\r\na,Café – 50 €\r\n", encoding: "UTF-8"});
  assert.deepEqual(decodeFile(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61)), {text: "a", encoding: "UTF-8"}, "the byte-order mark taken off");
  // "Café – 50 €" as Excel writes it in Windows-1252: é is E9, the dash 96, the euro 80.
  const excel = Uint8Array.of(...new TextEncoder().encode("id,notes\r\na,Caf"), 0xe9, 0x20, 0x96, 0x20, 0x35, 0x30, 0x20, 0x80, 0x0d, 0x0a);
  const read = decodeFile(excel.buffer);
  assert.equal(read.text, "id,notes\r\na,Café – 50 €\r\n");
  assert.match(read.encoding, /^Windows-1252/);
  assert.doesNotMatch(read.text, /\ufffd/);
  assert.throws(() => decodeFile(Uint8Array.of(0xff, 0xfe, 0x61, 0)), refusedWith(
    "This file is saved as Unicode text (UTF-16). Save it as “CSV UTF-8” and import that."));
});

test("a note typed with an apostrophe before a formula, or a formula after a ';', comes back exactly", () => {
  const notes = ["'=x", "''=x", "a;=1+1", "a; -1;'@b", "'plain", "=x"];
  const text = lines([["id", "notes"], ...notes.map((n, i) => ["r" + i, n])], FORMULA);
  assert.doesNotMatch(text, /(^|[,;])[=+\-@]/m, "no cell, nor part after a ';', starts a formula");
  assert.deepEqual(itemsFromCsv(text, RULES, ITEM_COLUMNS, FORMULA).items.map((i) => i.evidence), notes);
});

test("a CSV file with a bare formula, no id column, a bad status or an open quote is refused", () => {
  const row = (notes, status = "", assessment = "") => HEAD.join(",") + "\r\na,,"+ status + ",,," + notes + ",," + assessment + ",,,\r\n";
  const refused = {
    [row("=SUM(A1)")]: "Row 2, column “notes” starts with “=”, which a spreadsheet would run as a formula. Nothing was imported. " +
      "Start that cell with an apostrophe (') or remove the character, then import again.",
    [row("\u200b@x")]: "Row 2, column “notes” starts with “@”, which a spreadsheet would run as a formula. Nothing was imported. " +
      "Start that cell with an apostrophe (') or remove the character, then import again.",
    [row("", "finished")]: "Row 2: the status “finished” is not one of: Not started, Planned, In progress, Done, Not applicable.",
    [row("", "", "Yes")]: "Row 2: the assessment “Yes” is not one of: Met, Partly met, Not met, Not applicable.",
    [HEAD.join(",") + "\r\na,,,,,,,,,=1+1,\r\n"]: "Row 2, column “plan_title” starts with “=”, which a spreadsheet would run as a formula. " +
      "Nothing was imported. Start that cell with an apostrophe (') or remove the character, then import again.",
    "title,notes\r\nA,b\r\n": "This CSV file has no “id” column, so it is not an export of this planner or the review spreadsheet.",
    'id,notes\r\na,"open\r\n': "This file is not a readable CSV file: a quoted cell is never closed.",
  };
  for (const [text, message] of Object.entries(refused)) {
    assert.throws(() => itemsFromCsv(text, RULES, ITEM_COLUMNS, FORMULA, PLAN_COLUMNS), refusedWith(message), text);
  }
  assert.equal(cell("=SUM(A1)", FORMULA), "'=SUM(A1)", "what the export writes instead, which reads back");
});

const RECS = byId([{id: "new", title: "The new one", changed: "2026-11-30"}, {id: "kept", title: "Kept", changed: "2026-10-01"}]);
const RETIRED = byId([
  {id: "old", title: "Old", date: "2026-11-30", reason: "Merged into a wider recommendation.", replaced_by: "new"},
  {id: "gone", title: "Gone", date: "2026-11-30", reason: "No longer relevant.", replaced_by: null},
]);

test("ids are fitted to the site: withdrawn to their replacement, unknown and repeated left out, each said", () => {
  const item = (id, seen = null) => ({id, status: "done", owner: "", due: "", evidence: "", seen});
  const result = resolve({items: [item("old", "2026-01-01"), item("gone"), item("nowhere"), item("kept", "2026-09-01"), item("kept"),
    item("constructor")], notes: []}, RECS, RETIRED);
  assert.deepEqual(result.items.map((i) => [i.id, i.seen]), [["new", "2026-11-30"], ["kept", "2026-09-01"]]);
  assert.deepEqual(result.notes, [
    "“old” was withdrawn on 30 November 2026 (Merged into a wider recommendation.); it is imported as its replacement, “The new one”.",
    "“gone” was withdrawn on 30 November 2026 (No longer relevant.) with nothing to replace it; it is left out.",
    "“nowhere” is not a recommendation on this site; it is left out.",
    "“kept” is listed twice; the first is used.",
    "“constructor” is not a recommendation on this site; it is left out.",
  ]);
  assert.throws(() => resolve({items: [], notes: []}, RECS, RETIRED), refusedWith("This file holds no recommendations."));
  assert.throws(() => resolve({items: [item("nowhere")], notes: ["How the file was read."]}, RECS, RETIRED), refusedWith(
    "None of the recommendations in this file is on this site. “nowhere” is not a recommendation on this site; it is left out."));
  assert.deepEqual(resolve({items: [item("kept")], notes: ["How the file was read."]}, RECS, RETIRED).notes, ["How the file was read."]);
  assert.deepEqual(resolve({items: [item("kept")], notes: [], about: {title: "Ours"}}, RECS, RETIRED).about, {title: "Ours"}, "the plan's own fields pass");
});

test("a withdrawn id's note never says 'undefined', whatever the record lacks", () => {
  assert.equal(withdrawn("old", {}), "“old” was withdrawn");
  assert.equal(withdrawn("old", {date: "2026-11-30"}), "“old” was withdrawn on 30 November 2026");
  const lacking = byId([{id: "old", replaced_by: "new"}, {id: "gone"}]);
  const notes = resolve({items: [{id: "old", seen: null}, {id: "gone", seen: null}], notes: []}, RECS, lacking).notes;
  assert.deepEqual(notes, ["“old” was withdrawn; it is imported as its replacement, “The new one”.",
    "“gone” was withdrawn with nothing to replace it; it is left out."]);
});
