// The planner's files and share links: the exports (JSON and a spreadsheet), imports (a CSV or
// JSON export) and share links, each shown before anything changes; and what the planner says
// when the plan cannot be saved, or could not all be read (with the copies kept aside to
// download). planner-app.js loads this module when one is first needed, so the planner's first
// visit carries none of it (developers/planner-storage.md, "What loads where").
// Each function takes `p`, the planner on the page (planner-app.js's `planner`): its data and
// look-ups, its elements ($), the plan (p.plan()), change() and the preview waiting (p.pending).
import RULES from "./plan-rules.js";  // generated at build time by hooks/recsite/planner.py
import {lines} from "./lib/csv.js";
import {longDate, today} from "./lib/dates.js";
import {announce, el, plural} from "./lib/dom.js";
import {FIELD_WORDS, PlanError, decodeFile, itemsFromCsv, readExport, resolve} from "./lib/imports.js";
import {CARRIED, applyImport, compare} from "./lib/merge.js";
import {MAX_LINK, PREFIX, readShared, shareFragment} from "./lib/share.js";
import {keptAside, labelOf} from "./lib/store.js";

const MAX_BYTES = 1000000;

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], {type: type}));
  const link = el("a", {href: url, download: name});
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function button(text, onClick) {
  const b = el("button", {type: "button", className: "md-button", text: text});
  b.addEventListener("click", onClick);
  return b;
}

// The plan's recommendations, with whose words each text is, as recommendations.json says it.
// Only the export carries them: an import reads the items alone.
function described(rec) {
  return {id: rec.id, title: rec.title, text: rec.text, url: new URL(rec.url, location.href).href,
    title_kind: "site", text_kind: "report", report_words: {text: rec.text, section7_wording: rec.section7_wording},
    site_words: {title: rec.title, plain: rec.plain}, where: rec.where, section7_where: rec.section7_where,
    twin: rec.twin, section7_difference: rec.section7_difference};
}

// The plan on this page (with what could not be saved), not only the stored one.
export function exportJson(p) {
  const plan = p.plan(), out = {...plan, recommendations: plan.items.filter((item) => p.recs[item.id]).map((item) => described(p.recs[item.id]))};
  download("action-plan-" + today() + ".json", "application/json", JSON.stringify(out, null, 2) + "\n");
  announce(p.live, "Exported " + plural(plan.items.length, "recommendation") + " as JSON.");
}

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
      notes: item.evidence, title_kind: is ? "site" : "", report_words_kind: is ? "report" : "", plain_words_kind: is ? "site" : "",
      report_words_section7_wording: rec.section7_wording, assessment: item.assessment && labelOf(RULES.assessments, item.assessment),
      actions: item.actions, plan_title: plan.title, organisation: plan.organisation};
    rows.push(data.columns.map((name) => (name in row ? row[name] : rec[name])));
  });
  // The byte-order mark tells Excel the file is UTF-8.
  download("action-plan-" + today() + ".csv", "text/csv", "\ufeff" + lines(rows, data.formula));
  announce(p.live, "Exported " + plural(plan.items.length, "recommendation") + " as a spreadsheet.");
}

// -- Import (files and share links): check everything, show what would change, then apply

// The preview lists, for each item, every field that would change, old and new.
function shown(p, field, value) {
  return field === "status" ? p.labels[value] : field === "assessment" && value ? labelOf(RULES.assessments, value)
    : field === "due" && value ? longDate(value) : value ? "“" + value + "”" : "none";
}

function changeText(p, c) {
  return c.to === "" ? "clears the " + FIELD_WORDS[c.field] + " (" + shown(p, c.field, c.from) + ")"
    : FIELD_WORDS[c.field] + ": " + shown(p, c.field, c.from) + " → " + shown(p, c.field, c.to);
}

function preview(p, result, source) {
  const plan = p.plan(), $ = p.$, {added, changed, same, about} = compare(plan, result.items, result.about);
  const body = $("planner-preview-body");
  body.textContent = "";
  body.appendChild(el("p", {text: source + " holds " + plural(result.items.length, "recommendation") + ". Importing it would add " + added.length +
    ", change " + changed.length + " and leave " + same + " as they are. The other " + plural(plan.items.length - changed.length - same, "recommendation") + " in your plan stay as they are."}));
  const toAdd = added.map((item) => p.recs[item.id].title + ": " + CARRIED.filter((f) => item[f]).map((f) => FIELD_WORDS[f] + " " + shown(p, f, item[f]))
    .concat(item.status ? [] : [FIELD_WORDS.status + " " + p.labels[RULES.statuses[0].id]]).join("; "));
  const toChange = changed.map((c) => p.recs[c.item.id].title + ": " + c.changes.map((one) => changeText(p, one)).join("; "));
  const ofThePlan = about.map((one) => changeText(p, one));
  for (const [heading, texts] of [["To change in the plan itself", ofThePlan], ["To add", toAdd], ["To change", toChange], ["Please note", result.notes]]) {
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
  const {items, about} = p.pending;
  // To the plan as stored now: only the fields the file or link carries change.
  const saved = p.change((plan) => applyImport(plan, items, RULES, about));
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
    const read = json ? readExport(text, RULES) : itemsFromCsv(text, RULES, p.data.item_columns, p.data.formula, p.data.plan_columns);
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
  const link = location.origin + location.pathname + shareFragment(p.plan(), full, RULES);
  const note = $("planner-share-note") || output.insertAdjacentElement("afterend", el("p", {id: "planner-share-note", className: "planner-help"}));
  // A link longer than some browsers and mail programs take could arrive cut short: not offered.
  const tooLong = link.length > MAX_LINK;
  output.value = tooLong ? "" : link;
  note.textContent = tooLong ? "This plan is too long for a share link (" + link.length + " characters; a link of more than " + MAX_LINK +
    " may arrive cut short). Export it instead (JSON, to import later) and send the file." : "";
  if (tooLong) { announce(p.live, note.textContent); return; }
  output.focus();
  output.select();
  announce(p.live, "Share link made" + (full ? ", with everything you wrote" : ", with statuses and assessments only") + ". It is selected: copy it and send it to your colleagues.");
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

// -- When the plan cannot be saved, or could not all be read

// What stops saving, said until a save succeeds (planner-app.js takes the box away then): a
// lasting message with what to do.
const TROUBLE = {
  full: "Your plan could not be saved in this browser: its storage may be full or switched off. What you change now is kept only while this page is open. Export your plan now to keep it.",
  blocked: "This browser does not let the site keep anything (its storage is switched off), so your plan cannot be saved here. What you change now is kept only while this page is open. Export your plan to keep it.",
  newer: "This browser holds a plan saved by a newer version of the planner, so this page does not save over it. Reload the page to get the newest planner.",
  unkept: "The plan saved in this browser could not all be read, and there is no room to keep a copy of it aside, so the planner does not save over it. Download the saved plan first; then the planner saves again.",
};

export function trouble(p, kind) {
  if (p.trouble !== kind) return;  // saved again while this module loaded
  const old = p.$("planner-trouble");
  if (old) old.remove();
  const box = el("div", {className: "pl-notice", id: "planner-trouble", role: "alert"}, [el("p", {text: TROUBLE[kind]})]);
  if (kind === "unkept") {
    box.appendChild(button("Download the saved plan", () => {
      download("unreadable-plan-" + today() + ".json", "application/json", p.store.read.raw);
      p.store.exported = p.store.read.raw;
      p.change(() => {}, "Your plan is saved again.");
    }));
  } else if (kind !== "newer") box.appendChild(button("Export as JSON now", () => exportJson(p)));
  p.root.insertBefore(box, p.root.firstChild);
}

// What could not be read: what it was, and each copy kept aside, to download (then delete).
export function showAside(p) {
  const read = p.store.read, kept = keptAside(p.storage), said = [];
  if (!kept.length) return;
  if (read.unreadable) said.push("The plan saved in this browser could not be read, so the planner starts empty.");
  read.problems.forEach((problem) => {
    const bad = problem.bad && problem.bad.map((f) => FIELD_WORDS[f] || "date it was last read").join(", ");
    said.push(!problem.n ? "The " + bad + " could not be read, so " + (problem.bad.length > 1 ? "they show" : "it shows") + " as empty."
      : "Item " + problem.n + (problem.id ? " (" + problem.id + ")" : "") + (!problem.id ? " is not a recommendation and is left out."
        : !bad ? " is in the plan twice: the first is kept." : ": its " + bad + " could not be read, so " + (problem.bad.length > 1 ? "they show" : "it shows") + " as new."));
  });
  const box = el("div", {className: "pl-notice", id: "planner-aside", role: "alert"}, [el("p", {text: said.concat(
    "A copy of what could not be read is kept aside in this browser. Download it to keep it; then you can delete it here.").join(" ")})]);
  kept.forEach((copy, n) => {
    const name = "unreadable-plan-" + (n + 1) + ".json", del = button("Delete the kept copy " + (n + 1), () => {
      p.storage().removeItem(copy.key);
      box.remove();
      showAside(p);
      announce(p.live, "The kept copy is deleted.");
    });
    del.hidden = true;
    box.appendChild(button("Download the kept copy " + (n + 1), () => { download(name, "application/json", copy.raw); del.hidden = false; }));
    box.appendChild(del);
  });
  p.root.insertBefore(box, p.root.firstChild);
}
