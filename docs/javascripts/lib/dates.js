// Dates in a plan: a target date ("due") and the date a record was seen are real calendar dates
// written YYYY-MM-DD, never "2026-02-30" or "0000-00-00" (which the planner would print as
// "Overdue since 0000-00-00"). Years before 1900 are typing errors, not plans.

// Whether `text` is a real date written YYYY-MM-DD.
export function realDate(text) {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (!m || m[1] < "1900") return false;
  const d = new Date(Date.UTC(+m[1], m[2] - 1, +m[3]));
  return d.getUTCMonth() === m[2] - 1 && d.getUTCDate() === +m[3];
}

// Today in this browser's time zone, YYYY-MM-DD.
export function today(now = new Date()) {
  return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
}

// A spreadsheet cell's date as YYYY-MM-DD: written so, or with slashes read as day/month/year, as
// a UK spreadsheet writes it (the import's preview says so). "" for an empty cell; undefined for
// anything else, "12/25/2026" and "31/02/2026" included.
export const SLASHES = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
export function cellDate(text) {
  const plain = text.trim(), uk = SLASHES.exec(plain);
  const iso = uk ? uk[3] + "-" + uk[2].padStart(2, "0") + "-" + uk[1].padStart(2, "0") : plain;
  return !iso || realDate(iso) ? iso : undefined;
}

// A date written YYYY-MM-DD as the rest of the site writes it ("31 March 2025",
// recsite/dates.py's long_date); any other text as it is.
const LONG = new Intl.DateTimeFormat("en-GB", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
export function longDate(text) {
  return realDate(text) ? LONG.format(new Date(text + "T00:00Z")) : text;
}
