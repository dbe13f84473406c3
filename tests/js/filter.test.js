// The all-recommendations list's filters as data (docs/javascripts/lib/filter.js): which cards a
// choice matches, and the one address for each choice.
import assert from "node:assert/strict";
import {test} from "node:test";
import fc from "fast-check";

import {choice, choiceFrom, folded, idFromHash, matches, queryFor, wordsOf} from "../../docs/javascripts/lib/filter.js";
import "./fixtures.js";  // its fixed seed for the property tests

const LISTS = {audience: ["", "local-authorities-and-providers", "individuals-and-families"], theme: ["", "evidence-based-support"],
  key: ["", "true", "false"]};
const none = {audience: "", theme: "", key: ""};

test("words are compared in any case, without accents, apostrophes or punctuation", () => {
  assert.equal(folded("Café’s DON'T naïve"), "cafes dont naive");
  assert.deepEqual(wordsOf("  Direct-payment, direct PAYMENTS; people’s "), ["direct", "payment", "payments", "peoples"]);
  assert.deepEqual(wordsOf(" ,;. "), []);
});

test("a card matches when every chosen list agrees and every word occurs, parts of words too", () => {
  const tags = {audience: "individuals-and-families", theme: "evidence-based-support", key: "true"};
  const text = folded("Access to Work: people’s direct payments");
  assert.ok(matches(choice("", none), tags, text));
  assert.ok(matches(choice("PEOPLES direct pay", {...none, key: "true"}), tags, text));
  assert.ok(!matches(choice("direct budget", none), tags, text), "every word must occur");
  assert.ok(!matches(choice("", {...none, audience: "local-authorities-and-providers"}), tags, text));
  assert.ok(matches(choice("", {...none, theme: "evidence-based-support"}), tags, null), "no words: the text is not read");
});

test("an address gives its choice; values the page does not offer count as none", () => {
  const chosen = choiceFrom("?key=true&words=direct+payment&audience=councils&utm=x", LISTS);
  assert.deepEqual(chosen.lists, {audience: "", theme: "", key: "true"});
  assert.equal(chosen.text, "direct payment");
  assert.deepEqual(chosen.words, ["direct", "payment"]);
});

test("one choice has one address: the filters in the form's order, after other parameters", () => {
  const chosen = choice("  direct   payment ", {audience: "individuals-and-families", theme: "", key: "true"});
  assert.equal(queryFor("?key=false&utm=x&words=old", chosen), "?utm=x&words=direct+payment&audience=individuals-and-families&key=true");
  assert.equal(queryFor("?words=old&theme=x", choice(" ,", none)), "");
});

test("property: a choice written to the address reads back as the same choice and address", () => {
  const lists = fc.record(Object.fromEntries(Object.entries(LISTS).map(([name, values]) => [name, fc.constantFrom(...values)])), {noNullPrototype: true});
  fc.assert(fc.property(fc.string({unit: "grapheme"}), lists, (text, chosen) => {
    const query = queryFor("", choice(text, chosen));
    const read = choiceFrom(query, LISTS);
    assert.deepEqual(read.lists, chosen);
    assert.deepEqual(read.words, wordsOf(text));
    assert.equal(queryFor("", read), query);
  }), {numRuns: 300});
});

test("an address's fragment names a card's id; a malformed escape names none instead of throwing", () => {
  assert.equal(idFromHash("#employment-as-the-norm"), "employment-as-the-norm");
  assert.equal(idFromHash("#caf%C3%A9"), "café");
  assert.equal(idFromHash(""), "");
  for (const cut of ["#%E0%A4%A", "#%", "#%zz", "#%C3"]) assert.equal(idFromHash(cut), "", cut);
});
