// Share links (docs/javascripts/lib/share.js): a plan in the address's #share= fragment, read
// back the same, and a damaged or newer link refused with a reason.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {PlanError} from "../../docs/javascripts/lib/imports.js";
import {MAX_LINK, PREFIX, decode, encode, readShared, shareFragment} from "../../docs/javascripts/lib/share.js";
import {RULES} from "./fixtures.js";

const ITEMS = [
  {id: "beyond-facs-eligibility", status: "in-progress", assessment: "partly-met", owner: "Jo Bloggs", due: "2027-03-31",
    evidence: "Board – März ✓", actions: "Ask", seen: "2026-12-01"},
  {id: "cost-not-like-care", status: "not-applicable", assessment: "", owner: "", due: "", evidence: "", actions: "", seen: null},
];
const PLAN = {title: "Self-assessment 2027", organisation: "Anytown Council", items: ITEMS};

test("a share link carries ids, statuses and assessments, and the rest only when asked (or else leaves them)", () => {
  const short = shareFragment(PLAN, false, RULES);
  assert.ok(short.startsWith("#share="));
  assert.match(short.slice(PREFIX.length), /^[A-Za-z0-9_-]+$/, "base64url: nothing to escape in an address");
  assert.deepEqual(decode(short.slice(PREFIX.length)), {v: 2, i: [["beyond-facs-eligibility", "i", "p"], ["cost-not-like-care", "x", ""]]});
  // Statuses and assessments only: no title, owner, date, evidence or actions, so an import leaves the reader's as they are.
  assert.deepEqual(readShared(short, RULES), {items: [
    {id: "beyond-facs-eligibility", status: "in-progress", assessment: "partly-met", seen: null},
    {id: "cost-not-like-care", status: "not-applicable", assessment: "", seen: null}], about: {},
  notes: ["This link carries statuses and assessments only: the owners, target dates, evidence and actions in your plan stay as they are."]});
  const full = readShared(shareFragment(PLAN, true, RULES), RULES);
  assert.deepEqual(full.notes, []);
  assert.deepEqual(full.about, {title: "Self-assessment 2027", organisation: "Anytown Council"});
  assert.deepEqual(full.items.map(({seen, ...item}) => item), ITEMS.map(({seen, ...item}) => item));
  assert.deepEqual(full.items.map((item) => item.seen), [null, null], "when it was seen is the reader's own");
});

test("a link made before the self-assessment (version 1) still opens: its notes are the evidence", () => {
  const link = (payload) => PREFIX + encode(payload);
  assert.deepEqual(readShared(link({v: 1, i: [["a", "i"], ["b", "d"]]}), RULES), {items: [
    {id: "a", status: "in-progress", seen: null}, {id: "b", status: "done", seen: null}], about: {},
  notes: ["This link carries statuses only: the assessments, owners, target dates, evidence and actions in your plan stay as they are."]});
  assert.deepEqual(readShared(link({v: 1, i: [["a", "i", "Jo", "2027-03-31", "Board in March"]]}), RULES), {items: [
    {id: "a", status: "in-progress", owner: "Jo", due: "2027-03-31", evidence: "Board in March", seen: null}], about: {}, notes: []});
});

test("a damaged or newer link is refused and says why", () => {
  const link = (payload) => PREFIX + encode(payload);
  const refused = {
    [PREFIX + "%%%"]: "This share link is damaged: part of it may be missing. Ask for it again.",
    [shareFragment(PLAN, true, RULES).slice(0, 30)]: "This share link is damaged: part of it may be missing. Ask for it again.",
    [PREFIX + encode("text").slice(0, -1) + "_"]: "This share link is damaged: part of it may be missing. Ask for it again.",
    [PREFIX + btoa("\xff\xfe{}")]: "This share link is damaged: part of it may be missing. Ask for it again.",
    [link({v: 1})]: "This share link is damaged. Ask for it again.",
    [link(null)]: "This share link is damaged. Ask for it again.",
    [link({v: 1, i: ["not-a-list"]})]: "This share link is damaged. Ask for it again.",
    [link({v: 1, i: [[7, "d"]]})]: "This share link is damaged. Ask for it again.",
    [link({v: 3, i: []})]: "This share link was made by a newer version of the planner. Reload this page to get the newest planner.",
    [link({v: 2, i: [["a", "d", "q"]]})]:
      "Recommendation 1 (a): the assessment “q” is not one of: met, partly-met, not-met, not-applicable (or none).",
    [link({i: [["a", "d"]]})]: "This share link does not say which version of the planner made it, so it cannot be read. Ask for it again.",
    [link({v: -1, i: [["a", "d"]]})]:
      "This share link was made by a version of the planner this page does not know (“-1”), so it cannot be read. Ask for it again.",
    [link({v: 0, i: [["a", "d"]]})]:
      "This share link was made by a version of the planner this page does not know (“0”), so it cannot be read. Ask for it again.",
    [link({v: "1", i: [["a", "d"]]})]:
      "This share link was made by a version of the planner this page does not know (“\"1\"”), so it cannot be read. Ask for it again.",
    [link({v: 1.5, i: [["a", "d"]]})]:
      "This share link was made by a version of the planner this page does not know (“1.5”), so it cannot be read. Ask for it again.",
    [link({v: 1, i: [["a", "q"]]})]: "Recommendation 1 (a): the status “q” is not one of: not-started, planned, in-progress, done, not-applicable.",
    [link({v: 1, i: [["a", "constructor"]]})]:
      "Recommendation 1 (a): the status “constructor” is not one of: not-started, planned, in-progress, done, not-applicable.",
    [link({v: 1, i: [["a"]]})]: "Recommendation 1 (a): the status “” is not one of: not-started, planned, in-progress, done, not-applicable.",
    [link({v: 1, i: [["a", "d"], ["b", "p", "", "31/01/2027"]]})]:
      "Recommendation 2 (b): the target date “31/01/2027” is not a real date written YYYY-MM-DD.",
    [link({v: 1, i: [["a", "d", "", "2026-02-30"]]})]:
      "Recommendation 1 (a): the target date “2026-02-30” is not a real date written YYYY-MM-DD.",
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

const date = fc.date({min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true})
  .map((d) => d.toISOString().slice(0, 10));
const text = fc.string({unit: "grapheme"});
const item = fc.record({
  id: fc.string({minLength: 1, unit: "grapheme"}),
  status: fc.constantFrom(...RULES.statuses.map((s) => s.id)),
  assessment: fc.constantFrom("", ...RULES.assessments.map((s) => s.id)),
  owner: text,
  due: fc.oneof(fc.constant(""), date),
  evidence: text,
  actions: text,
  seen: fc.constant(null),
}, {noNullPrototype: true});

test("property: any plan's items, title and organisation come back from its share link the same", () => {
  fc.assert(fc.property(fc.array(item, {maxLength: 20}), fc.boolean(), text, text, (items, full, title, organisation) => {
    const read = readShared(shareFragment({title, organisation, items}, full, RULES), RULES);
    const expected = full ? items : items.map((i) => ({id: i.id, status: i.status, assessment: i.assessment, seen: null}));
    assert.deepEqual(read.items, expected);
    assert.deepEqual(read.about, full ? {title, organisation} : {});
  }), {numRuns: 300});
});

test("the longest link offered is one every browser takes (RFC 9110: at least 8,000 characters)", () => {
  assert.equal(MAX_LINK, 8000);
  // A plan whose notes make its link longer: the planner says "export instead" (tests/site).
  const long = {...PLAN, items: [{...ITEMS[0], evidence: "x".repeat(MAX_LINK)}]};
  assert.ok(shareFragment(long, true, RULES).length > MAX_LINK);
});
