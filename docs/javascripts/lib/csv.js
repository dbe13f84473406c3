// CSV as spreadsheets read it: cells that no spreadsheet runs as a formula, and a parser.
// `rule` is recsite/downloads.py's formula rule, from the planner's data: {starts, skipped}.

// The character a formula starts with, or "" for safe text. A spreadsheet skips spaces, a
// byte-order mark and zero-width characters (rule.skipped) before a formula, and reads a
// full-width ＝ as = (compatibility form, NFKC).
export function formulaStart(text, rule) {
  let start = 0;
  while (start < text.length && rule.skipped.includes(text[start])) start += 1;
  const first = text.codePointAt(start) === undefined ? "" : String.fromCodePoint(text.codePointAt(start));
  const plain = first.normalize("NFKC");
  return plain && rule.starts.includes(plain[0]) ? first : "";
}

// Whether a text is written behind an apostrophe: it starts a formula, or it starts with
// apostrophes before one (so that reading it back takes off only the one added).
function guarded(text, rule) {
  return formulaStart(text.replace(/^'+/, ""), rule) !== "";
}

// A cell's text with each part that would start a formula behind an apostrophe: the cell's start,
// and each part after a ";" (spreadsheets in many countries split a line at ";", not ",").
export function safe(text, rule) {
  return text.split(";").map((part) => (guarded(part, rule) ? "'" + part : part)).join(";");
}

// A value as a cell: formula-safe, quoted when it holds a quote, comma or line break.
export function cell(value, rule) {
  const text = safe(value == null ? "" : String(value), rule);
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

// Lines of cells, ended by CRLF as spreadsheets write them.
export function lines(rows, rule) {
  return rows.map((row) => row.map((value) => cell(value, rule)).join(",") + "\r\n").join("");
}

// A cell as it was written: the apostrophe safe() put before each part taken off.
export function unescaped(text, rule) {
  return text.split(";").map((part) => (part[0] === "'" && guarded(part.slice(1), rule) ? part.slice(1) : part)).join(";");
}

// Rows of cells (RFC 4180, any line ending); rows with nothing in them are left out. Throws on a
// quoted cell that is never closed.
export function parse(text) {
  const rows = [];
  let row = [], value = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { value += '"'; i++; }
      else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"' && value === "") quoted = true;
    else if (c === ",") { row.push(value); value = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(value); rows.push(row); row = []; value = "";
    } else value += c;
  }
  if (quoted) throw new Error("a quoted cell is never closed");
  if (value !== "" || row.length) { row.push(value); rows.push(row); }
  return rows.filter((r) => r.some((v) => v !== ""));
}
