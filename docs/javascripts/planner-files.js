// The planner's files and share links: the spreadsheet export, imports (a CSV or JSON export) and
// share links, each shown before anything changes. planner-app.js loads this module when one is
// first needed, so the planner's first visit carries none of it
// (developers/planner-storage.md, "What loads where").
// Each function takes `p`, the planner on the page (planner-app.js's `planner`): its data and
// look-ups, its elements ($), the plan (p.plan()), change() and the preview waiting (p.pending).
import RULES from "./plan-rules.js";  // generated at build time by hooks/recsite/planner.py
import {lines} from "./lib/csv.js";
import {today} from "./lib/dates.js";
import {announce, el, plural} from "./lib/dom.js";
import {PlanError, decodeFile, itemsFromCsv, readExport, resolve} from "./lib/imports.js";
import {CARRIED, applyImport, compare} from "./lib/merge.js";
import {MAX_LINK, PREFIX, readShared, shareFragment} from "./lib/share.js";

const MAX_BYTES = 1000000;

export function exportCsv(p) {
  const plan = p.plan(), data = p.data;
  // The review spreadsheet's columns (planner.py, CSV_COLUMNS), so either imports back. A column
  // named as the planner's record names the field (recordfields.py) is the record's value.
  const rows = [data.columns];
  plan.items.forEach((item) => {
    const rec = p.recs[item.id] || {}, is = !!rec.id;
    const row = {id: item.id, title: rec.title, report_words: rec.text, plain_words: rec.plain, audience: p.titles[rec.audience],
      theme: p.titles[rec.theme], key: is ? (rec.key ? "yes" : "no") : "", in_the_report: rec.where,
      url: is ? new URL(rec.url, location.href).href : "", status: p.labels[item.status], owner: item.owner, target_date: item.due,
      notes: item.notes, title_kind: is ? "site" : "", report_words_kind: is ? "report" : "", plain_words_kind: is ? "site" : "",
      report_words_section7_wording: rec.section7_wording};
    rows.push(data.columns.map((name) => (name in row ? row[name] : rec[name])));
  });
  // The byte-order mark tells Excel the file is UTF-8.
  p.download("action-plan-" + today() + ".csv", "text/csv", "\ufeff" + lines(rows, data.formula));
  announce(p.live, "Exported " + plural(plan.items.length, "recommendation") + " as a spreadsheet.");
}

// -- Import (files and share links): check everything, show what would change, then apply

// The preview lists, for each item, every field that would change, old and new.
function shown(p, field, value) {
  return field === "status" ? p.labels[value] : value ? "“" + value + "”" : "none";
}

function changeText(p, c) {
  return c.to === "" ? "clears the " + p.words[c.field] + " (" + shown(p, c.field, c.from) + ")"
    : p.words[c.field] + ": " + shown(p, c.field, c.from) + " → " + shown(p, c.field, c.to);
}

function preview(p, result, source) {
  const plan = p.plan(), $ = p.$, {added, changed, same} = compare(plan, result.items);
  const body = $("planner-preview-body");
  body.textContent = "";
  body.appendChild(el("p", {text: source + " holds " + plural(result.items.length, "recommendation") + ". Importing it would add " + added.length +
    ", change " + changed.length + " and leave " + same + " as they are. The other " + plural(plan.items.length - changed.length - same, "recommendation") + " in your plan stay as they are."}));
  const toAdd = added.map((item) => p.recs[item.id].title + ": " + CARRIED.filter((f) => item[f]).map((f) => p.words[f] + " " + shown(p, f, item[f]))
    .concat(item.status ? [] : [p.words.status + " " + p.labels[RULES.statuses[0].id]]).join("; "));
  const toChange = changed.map((c) => p.recs[c.item.id].title + ": " + c.changes.map((one) => changeText(p, one)).join("; "));
  for (const [heading, texts] of [["To add", toAdd], ["To change", toChange], ["Please note", result.notes]]) {
    if (!texts.length) continue;
    body.appendChild(el("p", {text: heading + ":"}));
    body.appendChild(el("ul", {}, texts.map((text) => el("li", {text: text}))));
  }
  p.pending = result;
  $("planner-import-error").hidden = true;
  $("planner-preview").hidden = false;
  $("planner-preview-title").focus();
}

function showError(p, message) {
  const box = p.$("planner-import-error");
  box.textContent = "";
  box.appendChild(el("p", {text: message}));
  box.appendChild(el("p", {text: "Your plan has not been changed."}));
  box.hidden = false;
  p.$("planner-preview").hidden = true;
  p.pending = null;
  box.focus();
}

function endPreview(p, message) {
  p.pending = null;
  p.$("planner-preview").hidden = true;
  p.$("planner-import").value = "";
  if (p.fromLink) history.replaceState(history.state, "", location.pathname + location.search);
  p.fromLink = false;
  announce(p.live, message);
}

export function apply(p) {
  if (!p.pending) return;
  const items = p.pending.items;
  // To the plan as stored now: only the fields the file or link carries change.
  const saved = p.change((plan) => applyImport(plan, items, RULES));
  p.renderAll();
  endPreview(p, saved ? "Imported " + plural(items.length, "recommendation") + ". Your plan has " + p.plan().items.length + "."
    : "Imported on this page only: your plan could not be saved (see the message at the top of the planner).");
  p.$("planner-items-title").focus();
}

export function cancel(p) {
  endPreview(p, "Nothing was imported. Your plan is as it was.");
  p.$("planner-import").focus();
}

export function importFile(p, file) {
  if (!file) return;
  const input = p.$("planner-import");
  if (file.size > MAX_BYTES) {
    input.value = "";
    showError(p, "This file is " + Math.round(file.size / 1000) + " KB. A plan export is far smaller, so this is not one (the planner reads files of at most " + MAX_BYTES / 1000 + " KB).");
    return;
  }
  file.arrayBuffer().then((bytes) => {
    const decoded = decodeFile(bytes), text = decoded.text.replace(/^\ufeff/, "");
    const json = /^\s*[{[]/.test(text) || /\.json$/i.test(file.name);
    const read = json ? readExport(text, RULES) : itemsFromCsv(text, RULES, p.data.item_columns, p.data.formula);
    read.notes.unshift("The file was read as " + decoded.encoding + ": check that its words below look right.");
    p.fromLink = false;
    preview(p, resolve(read, p.recs, p.retiredIds), "The file “" + file.name + "”");
  }).catch((error) => {
    input.value = "";
    showError(p, error instanceof PlanError ? error.message : "This file could not be read.");
  });
}

// -- Share links: the plan in the address's fragment (#share=…), which browsers never send to a server

export function share(p) {
  const $ = p.$, full = $("planner-share-all").checked, output = $("planner-share-link");
  const link = location.origin + location.pathname + shareFragment(p.plan().items, full, RULES);
  const note = $("planner-share-note") || output.insertAdjacentElement("afterend", el("p", {id: "planner-share-note", className: "planner-help"}));
  // A link longer than some browsers and mail programs take could arrive cut short: not offered.
  const tooLong = link.length > MAX_LINK;
  output.value = tooLong ? "" : link;
  note.textContent = tooLong ? "This plan is too long for a share link (" + link.length + " characters; a link of more than " + MAX_LINK +
    " may arrive cut short). Export it instead (JSON, to import later) and send the file." : "";
  if (tooLong) { announce(p.live, note.textContent); return; }
  output.focus();
  output.select();
  announce(p.live, "Share link made" + (full ? ", with owners, dates and notes" : ", with statuses only") + ". It is selected: copy it and send it to your colleagues.");
}

export function openShared(p) {
  if (location.hash.indexOf(PREFIX) !== 0) return;
  try {
    p.fromLink = true;
    preview(p, resolve(readShared(location.hash, RULES), p.recs, p.retiredIds), "This share link");
  } catch (error) {
    p.fromLink = false;
    if (!(error instanceof PlanError)) throw error;
    showError(p, error.message);
  }
}
