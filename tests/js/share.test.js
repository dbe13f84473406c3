// Share links (docs/javascripts/lib/share.js): a plan in the address's #share= fragment, read
// back the same, and a damaged or newer link refused with a reason.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {PlanError} from "../../docs/javascripts/lib/imports.js";
import {PREFIX, decode, encode, readShared, shareFragment} from "../../docs/javascripts/lib/share.js";
import {RULES} from "./fixtures.js";

const ITEMS = [
  {id: "beyond-facs-eligibility", status: "in-progress", owner: "Jo Bloggs", due: "2027-03-31", notes: "Board – März ✓", seen: "2026-12-01"},
  {id: "cost-not-like-care", status: "not-applicable", owner: "", due: "", notes: "", seen: null},
];

test("a share link carries ids and statuses, and owners, dates and notes only when asked", () => {
  const short = shareFragment(ITEMS, false, RULES);
  assert.ok(short.startsWith("#share="));
  assert.match(short.slice(PREFIX.length), /^[A-Za-z0-9_-]+$/, "base64url: nothing to escape in an address");
  assert.deepEqual(decode(short.slice(PREFIX.length)), {v: 1, i: [["beyond-facs-eligibility", "i"], ["cost-not-like-care", "x"]]});
  assert.deepEqual(readShared(short, RULES).map((item) => [item.id, item.status, item.owner, item.notes]),
    [["beyond-facs-eligibility", "in-progress", "", ""], ["cost-not-like-care", "not-applicable", "", ""]]);
  const full = readShared(shareFragment(ITEMS, true, RULES), RULES);
  assert.deepEqual(full.map(({seen, ...item}) => item), ITEMS.map(({seen, ...item}) => item));
  assert.deepEqual(full.map((item) => item.seen), [null, null], "when it was seen is the reader's own");
});

test("a damaged or newer link is refused and says why", () => {
  const link = (payload) => PREFIX + encode(payload);
  const refused = {
    [PREFIX + "%%%"]: "This share link is damaged: part of it may be missing. Ask for it again.",
    [shareFragment(ITEMS, true, RULES).slice(0, 30)]: "This share link is damaged: part of it may be missing. Ask for it again.",
    [PREFIX + encode("text").slice(0, -1) + "_"]: "This share link is damaged: part of it may be missing. Ask for it again.",
    [PREFIX + btoa("\xff\xfe{}")]: "This share link is damaged: part of it may be missing. Ask for it again.",
    [link({v: 1})]: "This share link is damaged. Ask for it again.",
    [link(null)]: "This share link is damaged. Ask for it again.",
    [link({v: 1, i: ["not-a-list"]})]: "This share link is damaged. Ask for it again.",
    [link({v: 1, i: [[7, "d"]]})]: "This share link is damaged. Ask for it again.",
    [link({v: 2, i: []})]: "This share link was made by a newer version of the planner. Reload this page to get the newest planner.",
    [link({v: 1, i: [["a", "q"]]})]: "Recommendation 1 (a): the status “” is not one of: not-started, planned, in-progress, done, not-applicable.",
    [link({v: 1, i: [["a", "d"], ["b", "p", "", "31/01/2027"]]})]:
      "Recommendation 2 (b): the target date “31/01/2027” is not a date written YYYY-MM-DD.",
  };
  for (const [fragment, message] of Object.entries(refused)) {
    assert.throws(() => readShared(fragment, RULES), (error) => error instanceof PlanError && error.message === message, fragment);
  }
});

test("property: any JSON value encodes to an address-safe text that decodes to it", () => {
  fc.assert(fc.property(fc.jsonValue(), (value) => {
    const text = encode(value);
    assert.match(text, /^[A-Za-z0-9_-]*$/);
    assert.deepEqual(decode(text), JSON.parse(JSON.stringify(value)));
  }), {numRuns: 300});
});

const date = fc.date({min: new Date("2000-01-01"), max: new Date("2099-12-31"), noInvalidDate: true})
  .map((d) => d.toISOString().slice(0, 10));
const item = fc.record({
  id: fc.string({minLength: 1, unit: "grapheme"}),
  status: fc.constantFrom(...RULES.statuses.map((s) => s.id)),
  owner: fc.string({unit: "grapheme"}),
  due: fc.oneof(fc.constant(""), date),
  notes: fc.string({unit: "grapheme"}),
  seen: fc.constant(null),
}, {noNullPrototype: true});

test("property: any plan's items come back from its share link the same", () => {
  fc.assert(fc.property(fc.array(item, {maxLength: 20}), fc.boolean(), (items, full) => {
    const read = readShared(shareFragment(items, full, RULES), RULES);
    const expected = full ? items : items.map((i) => ({...i, owner: "", due: "", notes: ""}));
    assert.deepEqual(read, expected);
  }), {numRuns: 300});
});
