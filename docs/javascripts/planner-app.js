// The action planner (planner/), loaded by that page alone (developers/planner-storage.md,
// "What loads where"). A module runs once per document: instant navigation re-inserts its
// <script> on each visit without running it again, and lib/on-page.js sets the planner up on each visit. The records come from
// JSON in the page (#planner-data); no network request. The report's words come from that data;
// the rest are the site's own. The plan's format and reading it are lib/store.js, changing it
// without losing anything lib/session.js (two tabs) and lib/merge.js (imports, withdrawn
// recommendations, loaded when first needed); the exports, imports, share links and
// what to say when the plan cannot be saved or read planner-files.js (with lib/imports.js,
// lib/csv.js and lib/share.js), loaded when first needed; this module draws the page and wires it.
import RULES from "./plan-rules.js";  // generated at build time by hooks/recsite/planner.py
import {longDate, realDate, today} from "./lib/dates.js";
import {announce, el, plural} from "./lib/dom.js";
import {onPage} from "./lib/on-page.js";
import {session, setField} from "./lib/session.js";
import {KEY, addIds, byId, keptAside, labelOf} from "./lib/store.js";

// Runs `run` with planner-files.js, loading it the first time (at once once it is loaded, so
// that focus moves within the reader's click).
let filesModule = null;
function withFilesModule(run) {
  if (filesModule) run(filesModule);
  else import("./planner-files.js").then((module) => { filesModule = module; run(module); });
}

const storage = () => localStorage;
// The planner on the page now, for the window's events, registered once (instant navigation
// swaps pages without running this module again): a share link in the address, printing (the
// date printed is the day it is printed), and another tab changing the stored plan (`storage`
// fires in every other tab of this site).
let openSharedNow = null, refreshNow = null, printNow = null;
window.addEventListener("hashchange", () => { if (openSharedNow && document.getElementById("planner")) openSharedNow(); });
window.addEventListener("beforeprint", () => { if (printNow && document.getElementById("planner")) printNow(); });
window.addEventListener("storage", (event) => {
  if ((event.key === KEY || event.key === null) && refreshNow && document.getElementById("planner")) refreshNow();
});

// --- The planner -------------------------------------------------------------------------

function setupPlanner(root) {
  var data = JSON.parse(document.getElementById("planner-data").dataset.planner);
  var statuses = RULES.statuses, assessments = [{id: "", label: "Not assessed yet"}].concat(RULES.assessments);
  var recs = byId(data.recs), retiredIds = byId(Object.keys(data.retired).map(function (id) {
    return Object.assign({id: id}, data.retired[id]);
  }));
  var order = Object.create(null);
  data.recs.forEach(function (rec, index) { order[rec.id] = index; });
  // Look-ups by a stored value never reach Object.prototype ("constructor", "__proto__").
  var labels = Object.create(null);
  statuses.forEach(function (s) { labels[s.id] = s.label; });
  var open = function (item) { return statuses.some(function (s) { return s.id === item.status && s.open; }); };
  var overdue = function (item) { return item.due && item.due < today() && open(item); };
  var titles = Object.create(null);
  data.themes.concat(data.audiences).forEach(function (t) { titles[t.id] = t.title; });
  var $ = function (id) { return document.getElementById(id); };
  var live = $("planner-status");
  // Every change is made to the plan as stored now (lib/session.js), in the report's order.
  var store = session(storage, RULES, function (p) {
    p.items.sort(function (a, b) { return (a.id in order ? order[a.id] : 1e9) - (b.id in order ? order[b.id] : 1e9); });
  });
  var plan = store.plan;
  // What planner-files.js needs of the planner on this page (it is loaded when first needed).
  function withFiles(name, arg) { withFilesModule(function (module) { module[name](planner, arg); }); }
  var planner = {data: data, recs: recs, retiredIds: retiredIds, labels: labels, titles: titles, $: $, live: live, root: root,
    store: store, storage: storage, change: change, renderAll: renderAll, plan: function () { return plan; }, pending: null, fromLink: false};
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

  // What stops saving, said until a save succeeds (a lasting message with what to do, made by
  // planner-files.js: it is rare).
  function trouble(kind) {
    var box = $("planner-trouble");
    if (box) box.remove();
    planner.trouble = kind;
    if (kind) withFiles("trouble", kind);
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
    if (!preset[0]) { announce(live, "Choose where to start from first."); $("planner-preset").focus(); return; }
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
  // Each field's name says which recommendation it is for ("Status for “<title>”"): a screen
  // reader's list of form fields otherwise offers 29 the same. The title is in sight in the
  // item's heading, so here it is for screen readers only; the hidden part is positioned, read as
  // a block of its own, so it starts with a word, not punctuation (heard after a space).
  function field(item, title, name, labelText, control) {
    control.id = "pl-" + name + "-" + item.id;
    control.name = name;
    return el("div", {className: "pl-field pl-field--" + name}, [
      el("label", {"for": control.id}, [document.createTextNode(labelText), el("span", {className: "visually-hidden", text: " for “" + title + "”"})]), control]);
  }

  function printed(item) {
    var dl = el("dl", {className: "pl-print print-only"});
    [["Assessment", labelOf(assessments, item.assessment)], ["Status", labels[item.status]], ["Owner", item.owner], ["Target date", longDate(item.due)],
      ["Current position and evidence", item.evidence, "long"], ["Actions", item.actions, "long"]].forEach(function (pair) {
      // The short facts two a line on paper, the written ones a line each (planner-app.css).
      var kind = pair[2] ? "pl-print__long" : "";
      dl.appendChild(el("dt", {className: kind, text: pair[0]}));
      dl.appendChild(el("dd", {className: kind, text: pair[1] || "–"}));
    });
    return dl;
  }

  // The report's words, their label first (hidden from sight by site.css: the line says it).
  function quoted(text) {
    return el("blockquote", {className: "report-quote", "data-provenance": "report"}, [
      el("span", {className: "provenance__tag", text: data.kinds.report + ":"}), el("p", {text: text})]);
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
      // Whose words, as on every page (templates/_provenance.html.j2): the line beside the block,
      // explained once by the page's key, and a label at its start that only screen readers meet;
      // where in the report after the block, outside it, as its source.
      article.appendChild(quoted(rec.text));
      article.appendChild(el("p", {className: "provenance evidence-source", "data-kind": "report", text: rec.where + "."}));
      // How Section 7 words it differently (recsite/wording.py): our sentence, the report's words in <q>.
      if (rec.section7_note) {
        article.appendChild(el("p", {className: "section7-difference"}, rec.section7_note.map(function (part, i) {
          return i % 2 ? el("q", {"data-provenance": "report", text: part}) : document.createTextNode(part);
        })));
      }
      if (item.seen && rec.changed > item.seen) {
        var list = el("ul");
        rec.changes.filter(function (c) { return c.date > item.seen; }).forEach(function (c) {
          list.appendChild(el("li", {text: longDate(c.date) + ": " + c.change}));
        });
        var seenButton = el("button", {type: "button", className: "md-button pl-seen"}, [document.createTextNode("Mark as read"), el("span", {className: "visually-hidden", text: ": " + title})]);
        seenButton.addEventListener("click", function () {
          change(function (p) { setField(p, id, "seen", rec.changed, item); }, "Marked as read.");
          renderAll();
          $("pl-title-" + item.id).focus();
        });
        article.appendChild(el("div", {className: "pl-notice pl-changed"}, [
          el("p", {text: "Changed on this site since you added it (" + longDate(item.seen) + "):"}), list, seenButton]));
      }
    } else if (retired) {
      var notice = el("div", {className: "pl-notice pl-withdrawn"}, [el("p", {text: "Withdrawn" + (retired.date ? " on " + longDate(retired.date) : "") + (retired.reason ? ": " + retired.reason : ".")}),
        quoted(retired.text || "")]);
      var replacement = retired.replaced_by && recs[retired.replaced_by];
      if (replacement) {
        var swap = el("button", {type: "button", className: "md-button", text: "Replace it with “" + replacement.title + "”"});
        swap.addEventListener("click", function () {
          // What was recorded for it goes with it (merged into the replacement's when that is in the plan already).
          import("./lib/merge.js").then(function (merge) {
            change(function (p) { merge.replaceWithdrawn(p, id, replacement, title, RULES); }, "Replaced by “" + replacement.title + "”.");
            renderAll();
            $("pl-title-" + replacement.id).focus();
          });
        });
        notice.appendChild(swap);
      }
      article.appendChild(notice);
    } else {
      article.appendChild(el("p", {className: "pl-notice", text: "This recommendation is no longer on this site."}));
    }
    // Overdue: said on the card itself (and printed with it), not only in "What to do next".
    var late = el("p", {className: "pl-overdue"});
    function markLate() {
      late.textContent = overdue(item) ? "Overdue: its target date was " + longDate(item.due) + "." : "";
      late.hidden = !late.textContent;
    }
    markLate();
    article.appendChild(late);
    var control = function (tag, attrs, choices) {
      return el(tag, attrs, choices && choices.map(function (s) { return el("option", {value: s.id, text: s.label}); }));
    };
    var fields = el("div", {className: "pl-fields"}, [["assessment", "Assessment", control("select", {}, assessments)], ["status", "Status", control("select", {}, statuses)],
      ["owner", "Who owns it", control("input", {type: "text", autocomplete: "off"})], ["due", "Target date", control("input", {type: "date"})],
      ["evidence", "Current position and evidence", control("textarea", {rows: "3"})], ["actions", "Actions", control("textarea", {rows: "3"})]].map(function (f) {
      f[2].value = item[f[0]];
      return field(item, title, f[0], f[1], f[2]);
    }));
    article.appendChild(fields);
    var mirror = printed(item);
    article.appendChild(mirror);
    fields.addEventListener("input", function (event) {
      var name = event.target.name, value = event.target.value, chosen = name === "status" ? labels[value] : name === "assessment" && labelOf(assessments, value);
      // A date input holds a year being typed ("0002-…") until it is whole: only real dates are kept.
      if (name === "due" && value && !realDate(value)) return;
      item[name] = value;
      change(function (p) { setField(p, id, name, value, item); }, chosen ? (name === "status" ? "Status" : "Assessment") + " of “" + title + "”: " + chosen + ". Saved." : null);
      if (!li.isConnected) return;  // drawn again with another tab's changes
      li.dataset.status = item.status;
      article.replaceChild(mirror = printed(item), article.querySelector(".pl-print"));
      markLate();
      if (chosen || name === "due") renderProgress();
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
  function counts(items, key, choices) {
    var c = {total: items.length};
    choices.forEach(function (s) { c[s.id] = 0; });
    items.forEach(function (item) { c[item[key]] = (c[item[key]] || 0) + 1; });
    return c;
  }

  function countText(c, choices) {
    return choices.filter(function (s) { return c[s.id]; }).map(function (s) { return c[s.id] + " " + s.label.toLowerCase(); }).join(", ");
  }

  // A row per group: the number in each status (on a phone, where these columns do not fit, the
  // same in words: planner-app.css), the total and a bar.
  function table(caption, groups, key) {
    var head = el("tr", {}, [el("th", {scope: "col", text: caption}), el("th", {scope: "col", className: "pl-words", text: "Status"})]);
    statuses.forEach(function (s) { head.appendChild(el("th", {scope: "col", className: "pl-n", text: s.label})); });
    head.appendChild(el("th", {scope: "col", className: "pl-n", text: "Total"}));
    head.appendChild(el("th", {scope: "col", text: "Chart"}));
    var body = el("tbody");
    groups.forEach(function (group) {
      var c = counts(plan.items.filter(function (item) { return recs[item.id] && recs[item.id][key] === group.id; }), "status", statuses);
      if (!c.total) return;
      var words = countText(c, statuses);
      var row = el("tr", {}, [el("th", {scope: "row", text: group.title}), el("td", {className: "pl-words", text: words})]);
      statuses.forEach(function (s) { row.appendChild(el("td", {className: "pl-n", text: String(c[s.id])})); });
      row.appendChild(el("td", {className: "pl-n", text: String(c.total)}));
      var bar = el("div", {className: "pl-bar", role: "img", "aria-label": group.title + ": " + words});
      statuses.forEach(function (s) {
        if (!c[s.id]) return;
        var seg = el("span", {className: "pl-seg", "data-status": s.id});
        seg.style.width = (100 * c[s.id] / c.total) + "%";
        bar.appendChild(seg);
      });
      row.appendChild(el("td", {}, [bar]));
      body.appendChild(row);
    });
    // A region that can take focus, so a table wider than its place can still be scrolled by keyboard.
    return el("div", {className: "pl-table", role: "region", tabindex: "0", "aria-label": "By " + caption.toLowerCase()}, [el("table", {className: "pl-counts"}, [el("caption", {text: "By " + caption.toLowerCase()}), el("thead", {}, [head]), body])]);
  }

  // The summary (on screen and printed: one element, so the two never differ), what to do next,
  // and the tables; with an empty plan, what to do first, and nothing offered that has nothing to act on.
  function renderProgress() {
    var c = counts(plan.items, "status", statuses), late = plan.items.filter(function (item) { return recs[item.id] && overdue(item); }).length;
    $("planner-summary").textContent = c.total
      ? "Your plan has " + plural(c.total, "recommendation") + ": " + countText(c, statuses) + ". Assessment: " +
        countText(counts(plan.items, "assessment", assessments), RULES.assessments.concat(assessments[0])) + "." + (late ? " Overdue: " + late + "." : "")
      : "Your plan is empty. To begin, choose where to start from under “Choose recommendations” above (for example everything for local authorities and providers) and add it, or import a plan you exported before, under “Save, share and print”.";
    ["export-csv", "export-json", "print", "share-make", "clear"].forEach(function (name) { $("planner-" + name).disabled = !c.total; });
    $("planner-list-empty").hidden = $("planner-tools-empty").hidden = !!c.total;
    root.querySelector(".provenance-key").hidden = !c.total;  // nothing to explain yet
    var next = $("planner-next"), charts = $("planner-charts");
    next.textContent = "";
    charts.textContent = "";
    if (!c.total) return;
    var todo = el("ul");
    plan.items.forEach(function (item) {
      var rec = recs[item.id];
      if (!rec || !open(item)) return;
      var why = overdue(item) ? "Overdue since " + longDate(item.due) : rec.key && item.status === statuses[0].id ? "Key recommendation, not started" : "";
      if (why) todo.appendChild(el("li", {"data-overdue": overdue(item) ? "true" : "false"}, [el("a", {href: "#pl-item-" + item.id, text: rec.title}), document.createTextNode(": " + why + ".")]));
    });
    Array.prototype.slice.call(todo.children).sort(function (a, b) { return (b.dataset.overdue === "true") - (a.dataset.overdue === "true"); })
      .forEach(function (li) { todo.appendChild(li); });
    next.appendChild(el("h3", {text: "What to do next"}));
    next.appendChild(todo.children.length ? todo : el("p", {text: "Nothing is overdue, and every key recommendation in your plan has been started."}));
    var legend = el("ul", {className: "pl-legend", "aria-hidden": "true"});
    statuses.forEach(function (s) { legend.appendChild(el("li", {}, [el("span", {className: "pl-seg", "data-status": s.id}), document.createTextNode(" " + s.label)])); });
    charts.appendChild(legend);
    charts.appendChild(table("Theme", data.themes, "theme"));
    // By audience only when the plan is for more than one.
    if (new Set(plan.items.map(function (item) { return recs[item.id] && recs[item.id].audience; }).filter(Boolean)).size > 1) {
      charts.appendChild(table("Audience", data.audiences, "audience"));
    }
  }

  // What is printed above the plan: its title and organisation, and the day it is printed.
  function renderHead() {
    ["title", "organisation"].forEach(function (name) {
      var input = $("planner-" + name);
      input.value = plan[name];
      $("planner-printed-" + name).textContent = plan[name];
    });
    printNow();
  }
  printNow = function () { $("planner-printed-date").textContent = "Printed on " + longDate(today()) + "."; };
  ["title", "organisation"].forEach(function (name) {
    $("planner-" + name).addEventListener("input", function () {
      var value = this.value;
      change(function (p) { p[name] = value; });
      $("planner-printed-" + name).textContent = value;
    });
  });

  function renderAll() {
    renderOptions();
    renderList();
    renderProgress();
    renderHead();
  }

  // -- Exports, imports and share links: planner-files.js (withFiles, above)
  $("planner-export-json").addEventListener("click", function () { withFiles("exportJson"); });
  $("planner-export-csv").addEventListener("click", function () { withFiles("exportCsv"); });
  $("planner-print").addEventListener("click", function () { window.print(); });
  $("planner-preview-apply").addEventListener("click", function () { withFiles("apply"); });
  $("planner-preview-cancel").addEventListener("click", function () { withFiles("cancel"); });
  $("planner-import").addEventListener("change", function () { withFiles("importFile", this.files && this.files[0]); });
  $("planner-share-form").addEventListener("submit", function (event) {
    event.preventDefault();
    if (plan.items.length) withFiles("share");
  });
  // A share link's "#share=…" (its modules are loaded only for an address with "=" in its fragment).
  function openShared() {
    if (location.hash.indexOf("=") >= 0) withFiles("openShared");
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
    change(function (p) { p.items = []; p.title = p.organisation = ""; }, "Your plan is deleted from this browser. You can start again.");
    $("planner-confirm").hidden = true;
    renderAll();
    $("planner-choose-title").setAttribute("tabindex", "-1");
    $("planner-choose-title").focus();
  });

  renderAll();
  $("planner-nojs").hidden = true;
  root.hidden = false;
  if (store.read.error) trouble(store.read.error);
  // What could not be read, and each copy kept aside, to download (then delete).
  if (keptAside(storage).length) withFiles("showAside");
  openSharedNow = openShared;
  openShared();
}

function setup() {
  var root = document.getElementById("planner");
  if (root && !root.dataset.ready) { root.dataset.ready = "true"; setupPlanner(root); }
}

// The planner is marked when set up, so no handler is attached twice.
onPage(setup);

