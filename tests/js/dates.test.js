// Dates in a plan (docs/javascripts/lib/dates.js): only real calendar dates are stored, and a
// spreadsheet's dates are read by one stated rule.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {cellDate, longDate, realDate, today} from "../../docs/javascripts/lib/dates.js";
import "./fixtures.js";  // its fixed seed for the property tests

test("a real date written YYYY-MM-DD is one; impossible dates, other forms and years before 1900 are not", () => {
  for (const text of ["2026-02-28", "2028-02-29", "2000-02-29", "1900-01-01", "9999-12-31", "2027-03-31"]) assert.ok(realDate(text), text);
  for (const text of ["2026-02-30", "2026-99-99", "0000-00-00", "2026-02-29", "1900-02-29", "2026-04-31", "2026-00-10",
    "2026-01-00", "1899-12-31", "0001-01-01", "2026-1-5", " 2026-01-05", "2026-01-05T00:00", "31/01/2027", "", "constructor"]) {
    assert.equal(realDate(text), false, text);
  }
});

test("a spreadsheet's date is YYYY-MM-DD or day/month/year; anything else, or impossible, is refused", () => {
  assert.equal(cellDate(" 2027-03-31 "), "2027-03-31");
  assert.equal(cellDate("31/03/2027"), "2027-03-31");
  assert.equal(cellDate("1/2/2027"), "2027-02-01", "day first, as a UK spreadsheet writes it");
  assert.equal(cellDate(""), "");
  assert.equal(cellDate("  "), "");
  for (const text of ["12/25/2026", "31/02/2026", "0000-00-00", "2026-02-30", "2026-99-99", "00/00/0000", "25.12.2026", "next week"]) {
    assert.equal(cellDate(text), undefined, text);
  }
});

test("today is the browser's own date", () => {
  assert.equal(today(new Date(2027, 0, 5, 23, 59)), "2027-01-05");
});

test("property: every day from 1900 to 9999 is a real date, written either way", () => {
  fc.assert(fc.property(fc.date({min: new Date("1900-01-01T00:00:00Z"), max: new Date("9999-12-31T00:00:00Z"), noInvalidDate: true}), (d) => {
    const iso = d.toISOString().slice(0, 10);
    assert.ok(realDate(iso), iso);
    assert.equal(cellDate(iso.slice(8) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4)), iso);
  }), {numRuns: 500});
});

test("a date is shown as the rest of the site writes it, whatever the browser's language or time zone", () => {
  assert.equal(longDate("2025-03-31"), "31 March 2025");
  assert.equal(longDate("2026-11-02"), "2 November 2026", "no leading zero");
  assert.equal(longDate("1900-01-01"), "1 January 1900");
  assert.equal(longDate(""), "");
  assert.equal(longDate("2026-02-30"), "2026-02-30", "what is not a real date is shown as it is");
});
