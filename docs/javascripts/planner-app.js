// The action planner (planner/), loaded by that page alone (developers/planner-storage.md,
// "What loads where"). A module runs once per document: instant navigation re-inserts its
// <script> on each visit without running it again, and lib/on-page.js sets the planner up on each visit. The records come from
// JSON in the page (#planner-data); no network request. The report's words come from that data;
// the rest are the site's own. The plan's format and reading it are lib/store.js, changing it
// without losing anything (imports, two tabs) lib/merge.js; the spreadsheet export, imports and
// share links planner-files.js (with lib/imports.js, lib/csv.js and lib/share.js), loaded when
// first needed; this module draws the page and wires it.
import RULES from "./plan-rules.js";  // generated at build time by hooks/recsite/planner.py
import {realDate, today} from "./lib/dates.js";
import {announce, el, plural} from "./lib/dom.js";
import {byId, replaceWithdrawn, session, setField} from "./lib/merge.js";
import {onPage} from "./lib/on-page.js";
import {KEY, addIds, keptAside} from "./lib/store.js";

// Runs `run` with planner-files.js, loading it the first time (at once once it is loaded, so
// that focus moves within the reader's click).
let filesModule = null;
function withFilesModule(run) {
  if (filesModule) run(filesModule);
  else import("./planner-files.js").then((module) => { filesModule = module; run(module); });
}

const storage = () => localStorage;
// The planner on the page now, for the window's events, registered once (instant navigation
// swaps pages without running this module again): a share link in the address, and another tab
// changing the stored plan (`storage` fires in every other tab of this site).
let openSharedNow = null, refreshNow = null;
window.addEventListener("hashchange", () => { if (openSharedNow && document.getElementById("planner")) openSharedNow(); });
window.addEventListener("storage", (event) => {
  if ((event.key === KEY || event.key === null) && refreshNow && document.getElementById("planner")) refreshNow();
});

// --- The planner -------------------------------------------------------------------------

function setupPlanner(root) {
  var data = JSON.parse(document.getElementById("planner-data").dataset.planner);
  var statuses = RULES.statuses;
  var recs = byId(data.recs), retiredIds = byId(Object.keys(data.retired).map(function (id) {
    return Object.assign({id: id}, data.retired[id]);
  }));
  var order = Object.create(null);
  data.recs.forEach(function (rec, index) { order[rec.id] = index; });
  // Look-ups by a stored value never reach Object.prototype ("constructor", "__proto__").
  var labels = Object.create(null);
  statuses.forEach(function (s) { labels[s.id] = s.label; });
  var titles = Object.create(null);
  data.themes.concat(data.audiences).forEach(function (t) { titles[t.id] = t.title; });
  var $ = function (id) { return document.getElementById(id); };
  var live = $("planner-status");
  // Every change is made to the plan as stored now (lib/merge.js), in the report's order.
  var store = session(storage, RULES, function (p) {
    p.items.sort(function (a, b) { return (a.id in order ? order[a.id] : 1e9) - (b.id in order ? order[b.id] : 1e9); });
  });
  var plan = store.plan;
  var OTHER_TAB = " Your plan had been changed in another tab or window: this page now shows those changes too.";

  // Makes a change, says `message` only once it is saved, and says so when another tab had
  // changed the plan (the page is then drawn again). Returns whether it was saved.
  function change(edit, message) {
    var done = store.change(edit);
    plan = store.plan;
    if (done.elsewhere) redraw();
    trouble(done.saved ? null : done.error || "full");
    if (typeof message === "function") message = message();
    if (done.saved && (message || done.elsewhere)) announce(live, (message || "") + (done.elsewhere ? OTHER_TAB : ""));
    return done.saved;
  }

  // What stops saving, said until a save succeeds: a lasting message with what to do.
  var TROUBLE = {
    full: "Your plan could not be saved in this browser: its storage may be full or switched off. What you change now is kept only while this page is open. Export your plan now to keep it.",
    blocked: "This browser does not let the site keep anything (its storage is switched off), so your plan cannot be saved here. What you change now is kept only while this page is open. Export your plan to keep it.",
    newer: "This browser holds a plan saved by a newer version of the planner, so this page does not save over it. Reload the page to get the newest planner.",
    unkept: "The plan saved in this browser could not all be read, and there is no room to keep a copy of it aside, so the planner does not save over it. Download the saved plan first; then the planner saves again.",
  };
  function trouble(kind) {
    var box = $("planner-trouble");
    if (box) box.remove();
    if (!kind) return;
    box = el("div", {className: "pl-notice", id: "planner-trouble", role: "alert"}, [el("p", {text: TROUBLE[kind]})]);
    if (kind === "unkept") {
      box.appendChild(button("Download the saved plan", function () {
        download("unreadable-plan-" + today() + ".json", "application/json", store.read.raw);
        store.exported = store.read.raw;
        change(function () {}, "Your plan is saved again.");
      }));
    } else if (kind !== "newer") box.appendChild(button("Export as JSON now", exportJson));
    root.insertBefore(box, root.firstChild);
  }

  function button(text, onClick) {
    var b = el("button", {type: "button", className: "md-button", text: text});
    b.addEventListener("click", onClick);
    return b;
  }

  // The page drawn again from the plan, the reader's place kept (the field they are in, and where in it).
  function redraw() {
    var active = document.activeElement, id = active && active.id, from = active && active.selectionStart, to = active && active.selectionEnd;
    renderAll();
    var again = id && $(id);
    if (again && again !== active) {
      again.focus();
      try { again.setSelectionRange(from, to); } catch (e) { /* not a text field */ }
    }
  }

  // What another tab changed, drawn in this one.
  refreshNow = function () {
    if (!store.refresh()) return;
    plan = store.plan;
    redraw();
    announce(live, OTHER_TAB.trim());
  };

  // An item added from a page that did not know the record's date is dated on its first visit here.
  if (!store.read.error && plan.items.some(function (item) { return !item.seen && recs[item.id]; })) {
    change(function (p) { p.items.forEach(function (item) { if (!item.seen && recs[item.id]) item.seen = recs[item.id].changed; }); });
  }

  // -- Choosing
  function renderOptions() {
    var select = $("planner-one"), have = store.ids();
    select.textContent = "";
    var left = data.recs.filter(function (rec) { return !have.has(rec.id); });
    select.appendChild(el("option", {value: "", text: left.length ? "Choose one (" + left.length + " not in your plan)" : "Every recommendation is in your plan"}));
    left.forEach(function (rec) {
      select.appendChild(el("option", {value: rec.id, text: rec.title + " (" + titles[rec.audience] + ")"}));
    });
  }

  function add(ids, focusOn) {
    var added = 0;
    change(function (p) { added = addIds(p, ids, function (id) { return recs[id].changed; }, RULES); },
      function () { return added ? "Added " + plural(added, "recommendation") + ". Your plan has " + plan.items.length + "."
        : "All of these are already in your plan."; });
    renderAll();
    if (focusOn) focusOn.focus();
  }

  $("planner-preset-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var preset = $("planner-preset").value.split(":");
    add(data.recs.filter(function (rec) {
      return preset[0] === "all" || (preset[0] === "key" && rec.key) || rec[preset[0]] === preset[1];
    }).map(function (rec) { return rec.id; }), $("planner-preset-add"));
  });
  $("planner-one-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var id = $("planner-one").value;
    if (!id) { announce(live, "Choose a recommendation first."); $("planner-one").focus(); return; }
    add([id], $("planner-one"));
  });

  // -- The list
  function field(item, name, labelText, control) {
    control.id = "pl-" + name + "-" + item.id;
    control.name = name;
    return el("div", {className: "pl-field pl-field--" + name}, [el("label", {"for": control.id, text: labelText}), control]);
  }

  function printed(item) {
    var dl = el("dl", {className: "pl-print print-only"});
    [["Status", labels[item.status]], ["Owner", item.owner], ["Target date", item.due], ["Notes", item.notes]].forEach(function (pair) {
      dl.appendChild(el("dt", {text: pair[0]}));
      dl.appendChild(el("dd", {text: pair[1] || "–"}));
    });
    return dl;
  }

  // An item's controls change the plan by its id: the plan is read again before each change.
  function itemNode(item) {
    var id = item.id, rec = recs[id], retired = retiredIds[id];
    var title = rec ? rec.title : retired ? retired.title : item.id;
    var heading = el("h3", {id: "pl-title-" + item.id, tabindex: "-1", className: "pl-item__title"},
      [rec ? el("a", {href: rec.url, text: title}) : document.createTextNode(title)]);
    var article = el("article", {"aria-labelledby": heading.id}, [heading]);
    var li = el("li", {className: "pl-item", id: "pl-item-" + item.id, "data-status": item.status}, [article]);
    if (rec) {
      article.appendChild(el("p", {className: "pl-item__meta", text: (rec.key ? "Key recommendation. " : "") +
        "For " + titles[rec.audience].toLowerCase() + ". Theme: " + titles[rec.theme] + "."}));
      if (rec.plain) {
        article.appendChild(el("div", {className: "rec-plain", "data-provenance": "site"}, [
          el("p", {className: "rec-plain__label"}, [el("span", {className: "provenance__tag", text: data.kinds.site + ":"}),
            document.createTextNode(" In plain words")]),
          el("p", {className: "rec-plain__text", text: rec.plain})]));
      }
      article.appendChild(el("blockquote", {className: "report-quote", "data-provenance": "report"}, [el("p", {text: rec.text})]));
      article.appendChild(el("p", {className: "provenance evidence-source", "data-kind": "report"}, [
        el("span", {className: "provenance__tag", text: data.kinds.report + ":"}), document.createTextNode(" " + rec.where + ".")]));
      // How Section 7 words it differently (recsite/wording.py): our sentence, the report's words in <q>.
      if (rec.section7_note) {
        article.appendChild(el("p", {className: "section7-difference"}, rec.section7_note.map(function (part, i) {
          return i % 2 ? el("q", {"data-provenance": "report", text: part}) : document.createTextNode(part);
        })));
      }
      if (item.seen && rec.changed > item.seen) {
        var list = el("ul");
        rec.changes.filter(function (c) { return c.date > item.seen; }).forEach(function (c) {
          list.appendChild(el("li", {text: c.date + ": " + c.change}));
        });
        var seenButton = el("button", {type: "button", className: "md-button pl-seen"}, [document.createTextNode("Mark as read"), el("span", {className: "visually-hidden", text: ": " + title})]);
        seenButton.addEventListener("click", function () {
          change(function (p) { setField(p, id, "seen", rec.changed, item); }, "Marked as read.");
          renderAll();
          $("pl-title-" + item.id).focus();
        });
        article.appendChild(el("div", {className: "pl-notice pl-changed"}, [
          el("p", {text: "Changed on this site since you added it (" + item.seen + "):"}), list, seenButton]));
      }
    } else if (retired) {
      var notice = el("div", {className: "pl-notice pl-withdrawn"}, [el("p", {text: "Withdrawn" + (retired.date ? " on " + retired.date : "") + (retired.reason ? ": " + retired.reason : ".")}),
        el("blockquote", {className: "report-quote", "data-provenance": "report"}, [el("p", {text: retired.text || ""})])]);
      var replacement = retired.replaced_by && recs[retired.replaced_by];
      if (replacement) {
        var swap = el("button", {type: "button", className: "md-button", text: "Replace it with “" + replacement.title + "”"});
        swap.addEventListener("click", function () {
          // Its owner, date and notes go with it (merged into the replacement's when that is in the plan already).
          change(function (p) { replaceWithdrawn(p, id, replacement, title, RULES); }, "Replaced by “" + replacement.title + "”.");
          renderAll();
          $("pl-title-" + replacement.id).focus();
        });
        notice.appendChild(swap);
      }
      article.appendChild(notice);
    } else {
      article.appendChild(el("p", {className: "pl-notice", text: "This recommendation is no longer on this site."}));
    }
    var select = el("select");
    statuses.forEach(function (s) { select.appendChild(el("option", {value: s.id, text: s.label})); });
    select.value = item.status;
    var owner = el("input", {type: "text", autocomplete: "off"});
    owner.value = item.owner;
    var due = el("input", {type: "date"});
    due.value = item.due;
    var notes = el("textarea", {rows: "3"});
    notes.value = item.notes;
    var fields = el("div", {className: "pl-fields"}, [field(item, "status", "Status", select), field(item, "owner", "Who owns it", owner),
      field(item, "due", "Target date", due), field(item, "notes", "Notes and evidence of progress", notes)]);
    article.appendChild(fields);
    var mirror = printed(item);
    article.appendChild(mirror);
    fields.addEventListener("input", function (event) {
      var name = event.target.name, value = event.target.value;
      // A date input holds a year being typed ("0002-…") until it is whole: only real dates are kept.
      if (name === "due" && value && !realDate(value)) return;
      item[name] = value;
      change(function (p) { setField(p, id, name, value, item); }, name === "status" ? "Status of “" + title + "”: " + labels[value] + ". Saved." : null);
      if (!li.isConnected) return;  // drawn again with another tab's changes
      li.dataset.status = item.status;
      article.replaceChild(mirror = printed(item), article.querySelector(".pl-print"));
      if (name === "status" || name === "due") renderProgress();
    });
    var remove = el("button", {type: "button", className: "md-button pl-remove"}, [document.createTextNode("Remove from plan"), el("span", {className: "visually-hidden", text: ": " + title})]);
    remove.addEventListener("click", function () {
      var index = plan.items.findIndex(function (i) { return i.id === id; });
      change(function (p) { p.items = p.items.filter(function (i) { return i.id !== id; }); },
        function () { return "Removed “" + title + "”. Your plan has " + plural(plan.items.length, "recommendation") + "."; });
      renderAll();
      var next = plan.items[index] || plan.items[index - 1];
      (next ? $("pl-title-" + next.id) : $("planner-items-title")).focus();
    });
    article.appendChild(remove);
    return li;
  }

  function renderList() {
    var list = $("planner-list");
    list.textContent = "";
    plan.items.forEach(function (item) { list.appendChild(itemNode(item)); });
  }

  // -- Progress
  function counts(items) {
    var c = {total: items.length};
    statuses.forEach(function (s) { c[s.id] = 0; });
    items.forEach(function (item) { c[item.status] = (c[item.status] || 0) + 1; });
    return c;
  }

  function countText(c) {
    return statuses.filter(function (s) { return c[s.id]; }).map(function (s) { return c[s.id] + " " + s.label.toLowerCase(); }).join(", ");
  }

  function table(caption, groups, key) {
    var head = el("tr", {}, [el("th", {scope: "col", text: caption})]);
    statuses.forEach(function (s) { head.appendChild(el("th", {scope: "col", text: s.label})); });
    head.appendChild(el("th", {scope: "col", text: "Total"}));
    head.appendChild(el("th", {scope: "col", text: "Chart"}));
    var body = el("tbody");
    groups.forEach(function (group) {
      var c = counts(plan.items.filter(function (item) { return recs[item.id] && recs[item.id][key] === group.id; }));
      if (!c.total) return;
      var row = el("tr", {}, [el("th", {scope: "row", text: group.title})]);
      statuses.forEach(function (s) { row.appendChild(el("td", {text: String(c[s.id])})); });
      row.appendChild(el("td", {text: String(c.total)}));
      var bar = el("div", {className: "pl-bar", role: "img", "aria-label": group.title + ": " + countText(c)});
      statuses.forEach(function (s) {
        if (!c[s.id]) return;
        var seg = el("span", {className: "pl-seg", "data-status": s.id});
        seg.style.width = (100 * c[s.id] / c.total) + "%";
        bar.appendChild(seg);
      });
      row.appendChild(el("td", {}, [bar]));
      body.appendChild(row);
    });
    // A region that can take focus, so a table wider than a small screen can be scrolled by keyboard.
    return el("div", {className: "pl-table", role: "region", tabindex: "0", "aria-label": "By " + caption.toLowerCase()}, [el("table", {className: "pl-counts"}, [el("caption", {text: "By " + caption.toLowerCase()}), el("thead", {}, [head]), body])]);
  }

  function renderProgress() {
    var c = counts(plan.items);
    $("planner-summary").textContent = c.total
      ? "Your plan has " + plural(c.total, "recommendation") + ": " + countText(c) + "."
      : "Your plan is empty. Choose recommendations above.";
    var next = $("planner-next"), charts = $("planner-charts");
    next.textContent = "";
    charts.textContent = "";
    if (!c.total) return;
    var now = today(), todo = el("ul");
    plan.items.forEach(function (item) {
      var rec = recs[item.id], open = statuses.some(function (s) { return s.id === item.status && s.open; });
      if (!rec || !open) return;
      var why = item.due && item.due < now ? "Overdue since " + item.due : rec.key && item.status === statuses[0].id ? "Key recommendation, not started" : "";
      if (why) todo.appendChild(el("li", {"data-overdue": item.due && item.due < now ? "true" : "false"}, [el("a", {href: "#pl-item-" + item.id, text: rec.title}), document.createTextNode(": " + why + ".")]));
    });
    Array.prototype.slice.call(todo.children).sort(function (a, b) { return (b.dataset.overdue === "true") - (a.dataset.overdue === "true"); })
      .forEach(function (li) { todo.appendChild(li); });
    next.appendChild(el("h3", {text: "What to do next"}));
    next.appendChild(todo.children.length ? todo : el("p", {text: "Nothing is overdue, and every key recommendation in your plan has been started."}));
    var legend = el("ul", {className: "pl-legend", "aria-hidden": "true"});
    statuses.forEach(function (s) { legend.appendChild(el("li", {}, [el("span", {className: "pl-seg", "data-status": s.id}), document.createTextNode(" " + s.label)])); });
    charts.appendChild(legend);
    charts.appendChild(table("Theme", data.themes, "theme"));
    charts.appendChild(table("Audience", data.audiences, "audience"));
  }

  function renderAll() {
    renderOptions();
    renderList();
    renderProgress();
    $("planner-printed").textContent = "Printed on " + today() + ". " + $("planner-summary").textContent;
  }

  // -- Export
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], {type: type}));
    var link = el("a", {href: url, download: name});
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
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
  function exportJson() {
    var out = {...plan, recommendations: plan.items.filter(function (item) { return recs[item.id]; })
      .map(function (item) { return described(recs[item.id]); })};
    download("action-plan-" + today() + ".json", "application/json", JSON.stringify(out, null, 2) + "\n");
    announce(live, "Exported " + plural(plan.items.length, "recommendation") + " as JSON.");
  }
  $("planner-export-json").addEventListener("click", exportJson);
  $("planner-export-csv").addEventListener("click", function () { withFiles("exportCsv"); });
  $("planner-print").addEventListener("click", function () { window.print(); });

  // -- Import (files and share links) and the spreadsheet export: planner-files.js, loaded when first
  // needed. What it needs of the planner on this page:
  var WORDS = {status: "status", owner: "owner", due: "target date", notes: "notes"};
  function withFiles(name, arg) { withFilesModule(function (module) { module[name](planner, arg); }); }
  var planner = {data: data, recs: recs, retiredIds: retiredIds, labels: labels, titles: titles, words: WORDS, $: $, live: live,
    download: download, change: change, renderAll: renderAll, plan: function () { return plan; }, pending: null, fromLink: false};
  $("planner-preview-apply").addEventListener("click", function () { withFiles("apply"); });
  $("planner-preview-cancel").addEventListener("click", function () { withFiles("cancel"); });
  $("planner-import").addEventListener("change", function () { withFiles("importFile", this.files && this.files[0]); });
  $("planner-share-form").addEventListener("submit", function (event) {
    event.preventDefault();
    if (!plan.items.length) { announce(live, "Your plan is empty: add recommendations before sharing it."); return; }
    withFiles("share");
  });
  // A share link's "#share=…" (its modules are loaded only for an address with "=" in its fragment).
  function openShared() {
    if (location.hash.indexOf("=") >= 0) withFiles("openShared");
  }

  // -- What could not be read: what it was, and each copy kept aside, to download (then delete)
  function showAside() {
    var read = store.read, kept = keptAside(storage), said = [];
    if (!kept.length) return;
    if (read.unreadable) said.push("The plan saved in this browser could not be read, so the planner starts empty.");
    read.problems.forEach(function (p) {
      said.push("Item " + p.n + (p.id ? " (" + p.id + ")" : "") + (!p.id ? " is not a recommendation and is left out."
        : !p.bad ? " is in the plan twice: the first is kept." : ": its " + p.bad.map(function (f) { return WORDS[f] || "date it was last read"; }).join(", ") +
          " could not be read, so " + (p.bad.length > 1 ? "they show" : "it shows") + " as new."));
    });
    var box = el("div", {className: "pl-notice", id: "planner-aside", role: "alert"}, [el("p", {text: said.concat(
      "A copy of what could not be read is kept aside in this browser. Download it to keep it; then you can delete it here.").join(" ")})]);
    kept.forEach(function (copy, n) {
      var name = "unreadable-plan-" + (n + 1) + ".json", del = button("Delete the kept copy " + (n + 1), function () {
        storage().removeItem(copy.key);
        box.remove();
        showAside();
        announce(live, "The kept copy is deleted.");
      });
      del.hidden = true;
      box.appendChild(button("Download the kept copy " + (n + 1), function () { download(name, "application/json", copy.raw); del.hidden = false; }));
      box.appendChild(del);
    });
    root.insertBefore(box, root.firstChild);
  }

  // -- Start again
  $("planner-clear").addEventListener("click", function () {
    $("planner-confirm").hidden = false;
    $("planner-confirm-text").focus();
  });
  $("planner-confirm-no").addEventListener("click", function () {
    $("planner-confirm").hidden = true;
    $("planner-clear").focus();
    announce(live, "Your plan is kept.");
  });
  $("planner-confirm-yes").addEventListener("click", function () {
    change(function (p) { p.items = []; }, "Your plan is deleted from this browser. You can start again.");
    $("planner-confirm").hidden = true;
    renderAll();
    $("planner-choose-title").setAttribute("tabindex", "-1");
    $("planner-choose-title").focus();
  });

  var printedLine = el("p", {className: "print-only", id: "planner-printed"});
  root.insertBefore(printedLine, root.firstChild);
  renderAll();
  $("planner-nojs").hidden = true;
  root.hidden = false;
  if (store.read.error) trouble(store.read.error);
  showAside();
  openSharedNow = openShared;
  openShared();
}

function setup() {
  var root = document.getElementById("planner");
  if (root && !root.dataset.ready) { root.dataset.ready = "true"; setupPlanner(root); }
}

// The planner is marked when set up, so no handler is attached twice.
onPage(setup);

