// Which ids the stored plan holds, as every page reads it for its "Add to my plan" labels
// (docs/javascripts/lib/plan-ids.js): leniently, and never throwing, whatever is stored.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {KEY, storedIds} from "../../docs/javascripts/lib/plan-ids.js";
import {KEY as STORE_KEY} from "../../docs/javascripts/lib/store.js";
import {memoryStorage} from "./fixtures.js";

test("the ids of the stored plan, the store's own key", () => {
  assert.equal(KEY, STORE_KEY);
  const plan = {format: "recsite-action-plan", version: 1, items: [{id: "a"}, null, {id: "constructor"}, 7]};
  assert.deepEqual([...storedIds(memoryStorage({[KEY]: JSON.stringify(plan)}))].filter(Boolean), ["a", "constructor"]);
  assert.deepEqual(storedIds(memoryStorage()), new Set());
  assert.deepEqual(storedIds(memoryStorage({}, {blocked: true})), new Set());
});

test("property: whatever is stored, reading its ids never throws", () => {
  fc.assert(fc.property(fc.oneof(fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.array(fc.jsonValue()).map((items) => JSON.stringify({items}))), (raw) => {
    assert.ok(storedIds(memoryStorage({[KEY]: raw})) instanceof Set);
  }), {numRuns: 500});
});
