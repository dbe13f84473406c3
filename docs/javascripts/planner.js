// On every page, so kept small: the plan stored in this browser (localStorage, KEY; sent nowhere)
// and "Add to my plan" / "Add these N to my plan". The planner itself is planner-app.js (README
// "What loads where"), which uses window.recsitePlanner below. The format is versioned (FORMAT,
// VERSION; README "the stored format"): a newer one is never overwritten.
(function () {
  "use strict";

  var KEY = "recsite.planner";
  var FORMAT = "recsite-action-plan";
  var VERSION = 1;

  // --- The stored plan ---------------------------------------------------------------------

  function emptyPlan() { return {format: FORMAT, version: VERSION, items: []}; }

  // Older formats are converted here, one version at a time, when there is one (none yet).
  function migrate(plan) { return plan; }

  function loadPlan() {
    var raw = null;
    try { raw = localStorage.getItem(KEY); } catch (e) { return {plan: emptyPlan(), error: "blocked"}; }
    if (!raw) return {plan: emptyPlan()};
    try {
      var plan = JSON.parse(raw);
      if (plan && plan.format === FORMAT && Array.isArray(plan.items)) {
        if (plan.version > VERSION) return {plan: emptyPlan(), error: "newer"};
        return {plan: migrate(plan)};
      }
    } catch (e) { /* unreadable: kept aside below */ }
    // Never lose what was there: an unreadable plan is kept under another key before a new one starts.
    try { localStorage.setItem(KEY + ".unreadable", raw); } catch (e) { /* nothing more to do */ }
    return {plan: emptyPlan(), error: "unreadable"};
  }

  function savePlan(plan) {
    try {
      localStorage.setItem(KEY, JSON.stringify(plan));
      return true;
    } catch (e) { return false; }
  }

  function newItem(id, seen) {
    return {id: id, status: "not-started", owner: "", due: "", notes: "", seen: seen || null};
  }

  function idsIn(plan) {
    var ids = {};
    plan.items.forEach(function (item) { ids[item.id] = true; });
    return ids;
  }

  // Adds ids not yet in the stored plan; returns how many were added.
  function addToStored(ids, seen) {
    var loaded = loadPlan();
    if (loaded.error === "newer" || loaded.error === "blocked") return -1;
    var plan = loaded.plan, have = idsIn(plan), added = 0;
    ids.forEach(function (id) {
      if (!have[id]) { plan.items.push(newItem(id, seen)); have[id] = true; added += 1; }
    });
    return savePlan(plan) ? added : -1;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      if (name === "text") node.textContent = attrs[name];
      else if (name === "className") node.className = attrs[name];
      else node.setAttribute(name, attrs[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function announce(region, message) {
    region.textContent = "";
    // A fresh text node after clearing makes screen readers announce a repeated message again.
    window.setTimeout(function () { region.textContent = message; }, 50);
  }

  // --- A recommendation's page: "Add to my plan" / "In your plan" ---------------------------

  function setupToggle(box) {
    var id = box.dataset.plannerRec;
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    function show() {
      var inPlan = !!idsIn(loadPlan().plan)[id];
      button.textContent = inPlan ? "Remove from my plan" : "Add to my plan";
      box.classList.toggle("planner-toggle--in", inPlan);
      box.dataset.inPlan = inPlan ? "true" : "false";
      return inPlan;
    }
    button.addEventListener("click", function () {
      if (show()) {
        var loaded = loadPlan();
        loaded.plan.items = loaded.plan.items.filter(function (item) { return item.id !== id; });
        announce(status, savePlan(loaded.plan) ? "Removed from your plan." : "Your plan could not be saved in this browser.");
      } else {
        var added = addToStored([id], box.dataset.plannerChanged);
        announce(status, added < 0 ? "Your plan could not be saved in this browser." : "In your plan. Open your plan to set its status, owner and date.");
      }
      show();
    });
    show();
    box.hidden = false;
  }

  // --- The list (and the questions page): "Add these N to my plan" --------------------------

  function setupBulk(box) {
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    var form = box.dataset.plannerFilter && document.getElementById(box.dataset.plannerFilter);
    function chosen() {
      if (!form) return box.dataset.plannerIds.split(" ");
      // filters.js knows what matches (words too); the tags alone if it is not there.
      if (form.recsiteMatching) return form.recsiteMatching();
      var want = {};
      ["audience", "theme", "key"].forEach(function (name) { want[name] = form.elements[name].value; });
      return Array.prototype.filter.call(document.querySelectorAll("#results .rec-card"), function (card) {
        return ["audience", "theme", "key"].every(function (name) { return !want[name] || card.dataset[name] === want[name]; });
      }).map(function (card) { return card.id; });
    }
    function label() {
      var n = chosen().length;
      button.textContent = n === 0 ? "Nothing to add to my plan" : n === 1 ? "Add this one to my plan" : "Add these " + n + " to my plan";
      button.disabled = n === 0;
    }
    // filters.js says when the list has settled (after a choice, or a pause in typing).
    if (form) form.addEventListener("recsite-filtered", label);
    button.addEventListener("click", function () {
      var ids = chosen();
      var added = addToStored(ids, null);
      if (added < 0) { announce(status, "Your plan could not be saved in this browser."); return; }
      var total = loadPlan().plan.items.length;
      announce(status, "Added " + added + " to your plan" + (ids.length > added ? " (" + (ids.length - added) + " already in it)" : "") +
        ". Your plan has " + plural(total, "recommendation") + ".");
    });
    label();
    box.hidden = false;
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll(".planner-toggle:not([data-ready])"), function (box) {
      box.dataset.ready = "true";
      setupToggle(box);
    });
    // The list of all recommendations gets its "Add these N" box from here, not from its HTML: that
    // page is at its size budget (100 KB), and the box is of no use without this script anyway.
    var filters = document.getElementById("filters");
    if (filters && !document.getElementById("planner-bulk")) {
      var link = document.querySelector(".md-nav--primary a[href$='planner/']");
      var box = el("div", {className: "planner-bulk", id: "planner-bulk", "data-planner-filter": "filters", hidden: ""}, [
        el("button", {type: "button", className: "md-button planner-bulk__add"}),
        link ? el("a", {className: "planner-bulk__open", href: link.getAttribute("href"), text: "Open my plan"}) : null,
        el("p", {className: "planner-bulk__status", role: "status", "aria-live": "polite"})]);
      // In the filters' row of buttons (all.md.j2), where it moves nothing when it appears.
      var row = filters.querySelector(".rec-filters__actions");
      if (row) row.appendChild(box); else filters.insertAdjacentElement("afterend", box);
    }
    Array.prototype.forEach.call(document.querySelectorAll(".planner-bulk:not([data-ready])"), function (box) {
      box.dataset.ready = "true";
      setupBulk(box);
    });
  }

  // For planner-app.js: one stored plan, one format, one migrate().
  window.recsitePlanner = {KEY: KEY, FORMAT: FORMAT, VERSION: VERSION, migrate: migrate, loadPlan: loadPlan,
    savePlan: savePlan, newItem: newItem, idsIn: idsIn, plural: plural, el: el, announce: announce};

  // With Material's instant navigation, pages are swapped without a full load; `document$` emits
  // after each swap. Each control is marked when set up, so no handler is attached twice.
  window.recsiteOnPage(setup);  // docs/javascripts/on-page.js
})();

