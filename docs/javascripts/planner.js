// On every page, so kept small: "Add to my plan" and "Add these N to my plan", adding to the plan
// kept in this browser (lib/store.js). The planner is planner-app.js (developers/planner-storage.md).
import RULES from "./plan-rules.js";  // made by hooks/recsite/planner.py
import {matchingIds} from "./filters.js";
import {announce, el, plural} from "./lib/dom.js";
import {onPage} from "./lib/on-page.js";
import {storedIds} from "./lib/plan-ids.js";

const storage = () => localStorage;
const NOT_SAVED = "Your plan could not be saved in this browser. Open your plan to see why.";
// The stored plan's rules (lib/store.js: reading it whole, keeping aside what cannot be read,
// never writing over a newer plan), loaded on the first click: most readers never add.
const store = () => import("./lib/store.js");

// Changes the plan as stored now; says whether it was saved (a plan that is newer, or could not
// be read and kept aside, is never written over).
function change(edit) {
  return store().then((s) => s.update(storage, RULES, (plan) => edit(plan, s)).saved, () => false);
}

function setupToggle(box) {
  const id = box.dataset.plannerRec;
  const button = box.querySelector("button");
  const status = box.querySelector("[role=status]");
  let removed = null;  // the item this button took out, with its owner, date and notes, to put back
  function show() {
    const inPlan = storedIds(storage).has(id);
    button.textContent = inPlan ? "Remove from my plan" : "Add to my plan";
    box.classList.toggle("planner-toggle--in", inPlan);
    box.dataset.inPlan = inPlan ? "true" : "false";
  }
  button.addEventListener("click", () => {
    // What the reader asked for, as the button said it: another tab may have changed the plan since.
    const adding = box.dataset.inPlan !== "true";
    change((plan, s) => {
      const kept = plan.items.filter((item) => item.id !== id);
      if (!adding) { removed = plan.items.find((item) => item.id === id) || removed; plan.items = kept; }
      else if (kept.length === plan.items.length) plan.items.push(removed || s.newItem(id, box.dataset.plannerChanged, RULES));
    }).then((saved) => {
      announce(status, !saved ? NOT_SAVED : adding ? "In your plan. Open your plan to set its status, owner and date." : "Removed from your plan.");
      show();
    });
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
    let added = 0, total = 0;
    change((plan, s) => { added = s.addIds(plan, ids, () => null, RULES); total = plan.items.length; }).then((saved) => {
      announce(status, !saved ? NOT_SAVED : "Added " + added + " to your plan" + (ids.length > added ? " (" + (ids.length - added) + " already in it)" : "") +
        ". Your plan has " + plural(total, "recommendation") + ".");
    });
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
