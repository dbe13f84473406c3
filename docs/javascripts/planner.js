// On every page, so kept small: "Add to my plan" and "Add these N to my plan", adding to the plan
// kept in this browser (lib/store.js). The planner is planner-app.js (developers/planner-storage.md).
import RULES from "./plan-rules.js";  // made by hooks/recsite/planner.py
import {matchingIds} from "./filters.js";
import {announce, el, plural} from "./lib/dom.js";
import {onPage} from "./lib/on-page.js";
import {addIds, idsIn, load, save} from "./lib/store.js";

const storage = () => localStorage;
const NOT_SAVED = "Your plan could not be saved in this browser.";

// How many were added, or -1 if none could be (a newer plan is never written over).
function addToStored(ids, seen) {
  const loaded = load(storage, RULES);
  if (loaded.error === "newer" || loaded.error === "blocked") return -1;
  const added = addIds(loaded.plan, ids, () => seen, RULES);
  return save(storage, loaded.plan) ? added : -1;
}

function setupToggle(box) {
  const id = box.dataset.plannerRec;
  const button = box.querySelector("button");
  const status = box.querySelector("[role=status]");
  function show() {
    const inPlan = idsIn(load(storage, RULES).plan).has(id);
    button.textContent = inPlan ? "Remove from my plan" : "Add to my plan";
    box.classList.toggle("planner-toggle--in", inPlan);
    box.dataset.inPlan = inPlan ? "true" : "false";
    return inPlan;
  }
  button.addEventListener("click", () => {
    if (show()) {
      const loaded = load(storage, RULES);
      loaded.plan.items = loaded.plan.items.filter((item) => item.id !== id);
      announce(status, save(storage, loaded.plan) ? "Removed from your plan." : NOT_SAVED);
    } else {
      const added = addToStored([id], box.dataset.plannerChanged);
      announce(status, added < 0 ? NOT_SAVED : "In your plan. Open your plan to set its status, owner and date.");
    }
    show();
  });
  show();
  box.hidden = false;
}

function setupBulk(box) {
  const button = box.querySelector("button");
  const status = box.querySelector("[role=status]");
  const form = box.dataset.plannerFilter && document.getElementById(box.dataset.plannerFilter);
  // What the list's filters match, or the questions page's ids.
  const chosen = () => (form && matchingIds()) || (box.dataset.plannerIds || "").split(" ").filter(Boolean);
  function label() {
    const n = chosen().length;
    button.textContent = n === 0 ? "Nothing to add to my plan" : n === 1 ? "Add this one to my plan" : "Add these " + n + " to my plan";
    button.disabled = n === 0;
  }
  // filters.js says when the list has settled (after a choice, or a pause in typing).
  if (form) form.addEventListener("recsite-filtered", label);
  button.addEventListener("click", () => {
    const ids = chosen();
    const added = addToStored(ids, null);
    if (added < 0) { announce(status, NOT_SAVED); return; }
    const total = load(storage, RULES).plan.items.length;
    announce(status, "Added " + added + " to your plan" + (ids.length > added ? " (" + (ids.length - added) + " already in it)" : "") +
      ". Your plan has " + plural(total, "recommendation") + ".");
  });
  label();
  box.hidden = false;
}

function setup() {
  for (const box of document.querySelectorAll(".planner-toggle:not([data-ready])")) {
    box.dataset.ready = "true";
    setupToggle(box);
  }
  // The list's "Add these N" box is made here, not in its HTML: that page is at its size budget,
  // and the box is of no use without this script.
  const filters = document.getElementById("filters");
  if (filters && !document.getElementById("planner-bulk")) {
    const link = document.querySelector(".md-nav--primary a[href$='planner/']");
    const box = el("div", {className: "planner-bulk", id: "planner-bulk", "data-planner-filter": "filters", hidden: ""}, [
      el("button", {type: "button", className: "md-button planner-bulk__add"}),
      link ? el("a", {className: "planner-bulk__open", href: link.getAttribute("href"), text: "Open my plan"}) : null,
      el("p", {className: "planner-bulk__status", role: "status", "aria-live": "polite"})]);
    // In the filters' row of buttons (all.md.j2): it moves nothing when it appears.
    const row = filters.querySelector(".rec-filters__actions");
    if (row) row.appendChild(box); else filters.insertAdjacentElement("afterend", box);
  }
  for (const box of document.querySelectorAll(".planner-bulk:not([data-ready])")) {
    box.dataset.ready = "true";
    setupBulk(box);
  }
}

onPage(setup);  // each control is marked when set up, so no handler is attached twice
