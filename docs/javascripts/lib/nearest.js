// The recommendation a mistyped or half-remembered address most likely meant (the 404 page,
// not-found.js): the id nearest to what was typed, by edit distance between the two texts, or by
// the words they share; nothing when nothing is near, rather than a wild guess.

// What was typed, as an id is written: lower case, words joined by single hyphens.
export function asId(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}

// Levenshtein distance, counting a swap of two neighbouring letters as one edit.
export function distance(a, b) {
  const rows = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { rows[0].push(j); continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i].push(best);
    }
  }
  return rows[a.length][b.length];
}

function words(id) {
  return new Set(id.split("-").filter((word) => word.length > 2));
}

// The id in `ids` nearest to `typed`, or null. Near: at most a third of its letters edited, or
// most of its longer words shared (an id with a word left out or added: "employment-norm").
export function nearest(typed, ids) {
  const wanted = asId(typed);
  if (!wanted) return null;
  let best = null, score = Infinity;
  for (const id of ids) {
    const edits = distance(wanted, id);
    const mine = words(wanted), theirs = words(id);
    const shared = [...mine].filter((word) => theirs.has(word)).length;
    const overlap = shared / Math.max(1, Math.max(mine.size, theirs.size));
    const near = edits <= Math.max(2, Math.floor(id.length / 3)) || (shared >= 2 && overlap >= 0.5);
    // Fewer edits first; shared words break ties and rescue a far spelling that shares the words.
    const rank = near ? edits - shared * 3 : Infinity;
    if (rank < score) { best = id; score = rank; }
  }
  return best;
}
