// The 404 page's suggestion (docs/javascripts/lib/nearest.js): the recommendation a mistyped address meant.
import assert from "node:assert/strict";
import {test} from "node:test";

import {asId, distance, nearest} from "../../docs/javascripts/lib/nearest.js";

const IDS = ["employment-as-the-norm", "employment-is-a-social-care-outcome", "employment-as-prevention",
  "offer-all-pb-options", "offer-all-pb-options-for-support", "beyond-facs-eligibility", "pool-employment-budgets"];

test("an id is written from what was typed: lower case, hyphens", () => {
  assert.equal(asId("Employment_As The Norm/"), "employment-as-the-norm");
  assert.equal(asId("  Beyond FACS eligibility "), "beyond-facs-eligibility");
});

test("edits are counted, a swap of neighbours as one", () => {
  assert.equal(distance("norm", "norm"), 0);
  assert.equal(distance("nrom", "norm"), 1);
  assert.equal(distance("", "abc"), 3);
});

test("a typo, a left-out word or a different case finds the recommendation", () => {
  assert.equal(nearest("employment-as-the-nrom", IDS), "employment-as-the-norm");
  assert.equal(nearest("employment-norm", IDS), "employment-as-the-norm");
  assert.equal(nearest("Beyond-FACS-Eligibilty", IDS), "beyond-facs-eligibility");
  assert.equal(nearest("offer-all-pb-option", IDS), "offer-all-pb-options");
  assert.equal(nearest("pool-employment-budget", IDS), "pool-employment-budgets");
});

test("nothing near: no suggestion rather than a guess", () => {
  assert.equal(nearest("contact-us", IDS), null);
  assert.equal(nearest("", IDS), null);
  assert.equal(nearest("zzzz", IDS), null);
});
