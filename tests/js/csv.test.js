// CSV cells that no spreadsheet runs as a formula, and the parser the planner's import uses
// (docs/javascripts/lib/csv.js), with recsite/downloads.py's formula rule.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {cell, formulaStart, lines, parse, safe, unescaped} from "../../docs/javascripts/lib/csv.js";
import {FORMULA} from "./fixtures.js";

test("a cell a spreadsheet would run as a formula is found, also behind what it skips", () => {
  const formulas = {"=SUM(A1)": "=", "+1": "+", "-1+2": "-", "@cmd": "@", "\tx": "\t", "\rx": "\r",
    "＝1+1": "＝", "＋1": "＋", "\u200b =HYPERLINK(\"x\")": "=", "\ufeff@x": "@", "\u00a0 -1": "-"};
  for (const [text, start] of Object.entries(formulas)) assert.equal(formulaStart(text, FORMULA), start, JSON.stringify(text));
  for (const text of ["", "   ", "Jo Bloggs", "1-2", "'=1", "a=b", "\u200b"]) {
    assert.equal(formulaStart(text, FORMULA), "", JSON.stringify(text));
  }
});

test("cells are written formula-safe and quoted only when they must be", () => {
  assert.equal(cell("plain", FORMULA), "plain");
  assert.equal(cell(null, FORMULA), "");
  assert.equal(cell(undefined, FORMULA), "");
  assert.equal(cell(3, FORMULA), "3");
  assert.equal(cell("=SUM(A1)", FORMULA), "'=SUM(A1)");
  assert.equal(cell('a "quote", a comma', FORMULA), '"a ""quote"", a comma"');
  assert.equal(cell("two\nlines", FORMULA), '"two\nlines"');
  assert.equal(cell("=1,2", FORMULA), "\"'=1,2\"");
  assert.equal(lines([["id", "notes"], ["a", "-1"]], FORMULA), "id,notes\r\na,'-1\r\n");
  assert.equal(unescaped("'=1", FORMULA), "=1");
  assert.equal(unescaped("'plain", FORMULA), "'plain", "an apostrophe before safe text is the text's own");
});

test("a text typed with an apostrophe before a formula keeps it; a formula after a ';' is neutralised too", () => {
  assert.equal(cell("'=x", FORMULA), "''=x");
  assert.equal(unescaped("''=x", FORMULA), "'=x");
  // Spreadsheets in many countries split a line at ";": each part is a cell there.
  assert.equal(safe("a;=1+1", FORMULA), "a;'=1+1");
  assert.equal(safe("a; @x;b;'-1", FORMULA), "a;' @x;b;''-1");
  assert.equal(unescaped("a;' @x;b;''-1", FORMULA), "a; @x;b;'-1");
  assert.equal(safe("1;2", FORMULA), "1;2");
});

test("the parser reads quotes, commas and every line ending, and leaves out empty rows", () => {
  assert.deepEqual(parse('id,notes\r\na,"x, ""y""\nz"\nb,\rc,2\n\n,\n'),
    [["id", "notes"], ["a", 'x, "y"\nz'], ["b", ""], ["c", "2"]]);
  assert.deepEqual(parse("a,b"), [["a", "b"]]);
  assert.deepEqual(parse(""), []);
  assert.throws(() => parse('a,"never closed\n'), /a quoted cell is never closed/);
});

// Any text, apostrophes and ";" before formulas included (they are drawn often here).
const cellText = fc.array(fc.oneof(fc.string({unit: "binary"}), fc.constantFrom("'", ";", "=", "-", " ", "\u200b", "＝")))
  .map((parts) => parts.join(""));

test("property: any text written as a cell reads back the same", () => {
  fc.assert(fc.property(fc.array(fc.array(cellText, {minLength: 1, maxLength: 5}), {maxLength: 5}), (rows) => {
    const kept = rows.filter((row) => row.some((text) => text !== ""));  // empty rows are left out
    const read = parse(lines(rows, FORMULA)).map((row) => row.map((text) => unescaped(text, FORMULA)));
    assert.deepEqual(read, kept);
  }), {numRuns: 500});
});

test("property: no cell written, nor any part of it after a ';', starts a formula", () => {
  fc.assert(fc.property(cellText, (text) => {
    const [written] = parse(cell(text, FORMULA) + "\r\n").concat([[""]]);
    for (const part of written[0].split(";")) assert.equal(formulaStart(part, FORMULA), "", JSON.stringify(part));
  }), {numRuns: 500});
});
