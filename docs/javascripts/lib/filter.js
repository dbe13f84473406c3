// The all-recommendations list's filters as data: which cards a choice matches, and the address
// that keeps the choice. A choice is {text: the words as typed, words: wordsOf(text), lists:
// {name: chosen value or ""}} with the lists in the form's order (audience, theme, key).

// Text as the word filter compares it: lower case, accents and apostrophes (straight or curly)
// dropped.
export function folded(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f'\u2018\u2019\u02bc`]/g, "").toLowerCase();
}

// The reader's words, folded, split at any punctuation or space, each once.
export function wordsOf(text) {
  return folded(text).split(/[^\p{L}\p{N}]+/u).filter((word, index, all) => word && all.indexOf(word) === index);
}

export function choice(text, lists) {
  return {text: text, words: wordsOf(text), lists: lists};
}

// Whether a card matches: each chosen list value equals the card's tag (`tags`: name -> value),
// and each word occurs in its folded text (title, the report's words, the plain words), parts
// of words too. `text` is only read when there are words.
export function matches(chosen, tags, text) {
  for (const name in chosen.lists) {
    if (chosen.lists[name] && tags[name] !== chosen.lists[name]) return false;
  }
  for (const word of chosen.words) if (text.indexOf(word) < 0) return false;
  return true;
}

// The choice an address's query holds. `offered` gives each list's values (those of its
// options); a value the page does not offer (an old or mistyped link) counts as none.
export function choiceFrom(search, offered) {
  const params = new URLSearchParams(search);
  const lists = {};
  for (const name of Object.keys(offered)) {
    const value = params.get(name) || "";
    lists[name] = offered[name].includes(value) ? value : "";
  }
  return choice(params.get("words") || "", lists);
}

// The query for a choice. One choice has one address: the filters in the form's order (words,
// then the lists) whichever was chosen first, after the query's other parameters, kept as they
// were. Returns "" or "?…".
export function queryFor(search, chosen) {
  const params = new URLSearchParams(search);
  params.delete("words");
  for (const name of Object.keys(chosen.lists)) params.delete(name);
  if (chosen.words.length) params.set("words", chosen.text.trim().replace(/\s+/g, " "));
  for (const name of Object.keys(chosen.lists)) if (chosen.lists[name]) params.set(name, chosen.lists[name]);
  const query = params.toString();
  return query ? "?" + query : "";
}

// The element id an address's fragment names ("#its-id", percent-escapes decoded), or "" for
// none; a malformed escape ("#%E0%A4%A", from a link cut short) names none rather than throwing.
export function idFromHash(hash) {
  try { return decodeURIComponent(hash.slice(1)); } catch (e) { return ""; }
}
