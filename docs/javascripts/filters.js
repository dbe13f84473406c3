// Filters on the all-recommendations page: this module wires the form to the list; what matches
// and which address keeps a choice are lib/filter.js.
//
// The page is complete without this script: every recommendation is in the HTML, and the filter
// form is shown only when a line of script in the page has marked it as scripted (all.md.j2), so
// without JavaScript no control is dead. The script keeps the choice in the address
// (?words=…&audience=…&theme=…&key=…; not ?q=, which opens Material's search box) so a filtered
// view can be shared and survives a reload, and updates a polite live region with the count: at
// once for a list choice, and once the reader stops typing words (not at every key). A long list
// is shown 50 matches at a time.
import {choice, choiceFrom, folded, idFromHash, matches as cardMatches, queryFor} from "./lib/filter.js";
import {onPage} from "./lib/on-page.js";

// How long typing must pause before the count is announced and the address written.
const SETTLE_MS = 600;
// The list on the page now, for the window's events. They are registered once: Material's
// instant navigation swaps pages without running this module again.
let current = null;
window.addEventListener("hashchange", () => { if (current) current.reveal(); });
window.addEventListener("beforeprint", () => { if (current) current.showAll(); });
window.addEventListener("pagehide", () => { if (current) current.settle(); });

// The ids of every card the list's filters match, shown yet or not (planner.js: "Add these N to
// my plan"), or null when this page has no list.
export function matchingIds() {
  return current ? current.matchingIds() : null;
}

// After the next frame is drawn: for work the reader does not see (the address).
function afterPaint(work) {
  requestAnimationFrame(() => { setTimeout(work, 0); });
}

function setup() {
  var form = document.getElementById("filters");
  var list = document.getElementById("results");
  if (!form || !list) {
    current = null;
    document.documentElement.classList.remove("rec-pending");
    return;
  }
  if (form.dataset.ready) return;
  form.dataset.ready = "true";

  var path = location.pathname;
  var cards = Array.prototype.slice.call(list.querySelectorAll(".rec-card"));
  var count = document.getElementById("rec-count");
  var none = document.getElementById("rec-none");
  var toggle = document.getElementById("filter-toggle");
  var words = form.elements.words;
  // The lists (who it is for, theme, key), in the form's order: each card has its data-<name> tag.
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var names = selects.map(function (select) { return select.name; });
  var total = cards.length;
  // Read each card's tags once: a filter change then compares plain strings, not the DOM.
  var tags = cards.map(function (card) {
    var own = {};
    names.forEach(function (name) { own[name] = card.getAttribute("data-" + name); });
    return own;
  });
  // Each card's words (title, text, and data-words: those of its plain-words version), read the
  // first time they are needed: when the word box gets the focus, or an address brings words.
  var text = null;
  function cardText() {
    if (text) return text;
    text = cards.map(function (card) {
      var title = card.querySelector(".rec-card__title");
      var body = card.querySelector(".rec-card__text");
      // The text starts with its label for screen readers ("In the report's words:"), which is
      // not the recommendation's: a search for "report" must not find every card.
      var label = body && body.querySelector(".provenance__tag");
      var words = body ? body.textContent.slice(label ? label.textContent.length : 0) : "";
      return folded((title ? title.textContent : "") + " " + words + " " +
                    (card.getAttribute("data-words") || ""));
    });
    return text;
  }
  // Whether each card is shown now, so a change touches only the cards that appear or go.
  var shownNow = cards.map(function () { return true; });
  // The cards come in groups (all.md.j2); a group with nothing to show is hidden whole.
  var groups = Array.prototype.slice.call(list.querySelectorAll(".rec-group"));
  var groupOf = cards.map(function (card) { return groups.indexOf(card.parentElement); });
  var groupShown = groups.map(function () { return true; });
  // A long list shows PAGE matches at a time with a "Show more" button: laying out thousands
  // of cards at once would make every filter change slow. (The report's 48 fit in one page.)
  var PAGE = 50;
  var limit = PAGE;
  if (total > PAGE) list.classList.add("rec-list--long");  // site.css: cards out of sight skip layout
  var more = document.createElement("button");
  more.type = "button";
  more.className = "md-button rec-more";
  more.id = "rec-more";
  more.hidden = true;
  list.insertAdjacentElement("afterend", more);
  var state = choice("", {});
  var matching = 0;
  var settleTimer = null;
  var addressDue = false;

  function number(n) { return n.toLocaleString("en-GB"); }

  function selected() {
    var lists = {};
    selects.forEach(function (select) { lists[select.name] = select.value; });
    return choice(words.value, lists);
  }

  function matches(index) {
    return cardMatches(state, tags[index], text && text[index]);
  }

  // Shows the matching cards (up to the limit); the count and the address follow in settle().
  function apply() {
    if (state.words.length) cardText();
    matching = 0;
    var firstNew = null;
    var inGroup = groups.map(function () { return 0; });
    for (var i = 0; i < total; i++) {
      var match = matches(i);
      if (match) matching += 1;
      var show = match && matching <= limit;
      if (show && groupOf[i] >= 0) inGroup[groupOf[i]] += 1;
      if (show !== shownNow[i]) {
        cards[i].hidden = !show;
        shownNow[i] = show;
        if (show && firstNew === null) firstNew = cards[i];
      }
    }
    for (var g = 0; g < groups.length; g++) {
      var showGroup = inGroup[g] > 0;
      if (showGroup !== groupShown[g]) {
        groups[g].hidden = !showGroup;
        groupShown[g] = showGroup;
      }
    }
    var shown = Math.min(matching, limit);
    if (none.hidden !== (matching !== 0)) none.hidden = matching !== 0;
    more.hidden = shown >= matching;
    if (!more.hidden) {
      more.textContent = "Show " + Math.min(PAGE, matching - shown) + " more (" + number(matching - shown) + " not shown yet)";
    }
    if (toggle) {
      var summary = describe(function (name, label, option) {
        return name === "key" ? (state.lists.key === "true" ? "key recommendations only" : "other recommendations only") : option;
      }).join(", ");
      summary = "Filters: " + (summary || "none");
      if (toggle.textContent !== summary) toggle.textContent = summary;
    }
    return firstNew;
  }

  // The filters in use, each as `word(name, label, chosen option)` puts it.
  function describe(word) {
    var parts = [];
    if (state.words.length) parts.push("words “" + words.value.trim() + "”");
    selects.forEach(function (select) {
      var name = select.name;
      if (!state.lists[name]) return;
      var label = form.querySelector("label[for='" + select.id + "']").textContent;
      parts.push(word(name, label, select.options[select.selectedIndex].textContent));
    });
    return parts;
  }

  // The count (a polite live region: screen readers hear each change once) and the printed
  // line; then, after the next frame is drawn, the address.
  function settle() {
    clearTimeout(settleTimer);
    settleTimer = null;
    var shown = Math.min(matching, limit);
    var text = matching === total && shown === total
      ? "Showing all " + number(total) + " recommendations"
      : shown < matching
        ? "Showing " + number(shown) + " of " + number(matching) + " matching recommendations (" + number(total) + " in all)"
        : "Showing " + number(shown) + " of " + number(total) + " recommendations";
    // Only touch the live region when the words change, so screen readers hear each change once.
    if (count.textContent !== text) count.textContent = text;
    describeForPrint(text);
    if (addressDue) {
      addressDue = false;
      afterPaint(writeAddress);
    }
    form.dispatchEvent(new CustomEvent("recsite-filtered"));  // planner.js: "Add these N"
  }

  // A printed list says at the top which filter it shows.
  function describeForPrint(countText) {
    var target = document.getElementById("rec-print-filter");
    if (!target) return;
    var parts = describe(function (name, label, option) { return label + ": " + option; });
    target.textContent = (parts.length ? "Filter: " + parts.join("; ") : "Filter: none") + ". " + countText + ".";
  }

  function writeAddress() {
    // Not if the reader has since moved to another page (instant navigation).
    if (location.pathname !== path || document.getElementById("filters") !== form) return;
    var url = location.pathname + queryFor(location.search, state) + location.hash;
    // replaceState keeps Material's own history entry (instant navigation) intact.
    if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
  }

  function readAddress() {
    var offered = {};
    selects.forEach(function (select) {
      offered[select.name] = Array.prototype.map.call(select.options, function (option) { return option.value; });
    });
    var chosen = choiceFrom(location.search, offered);
    selects.forEach(function (select) { select.value = chosen.lists[select.name]; });
    words.value = chosen.text;
  }

  // A list choice (or Clear filters): shown, counted and written at once.
  function filterChanged() {
    state = selected();
    limit = PAGE;
    apply();
    addressDue = true;
    settle();
  }

  // Typing: the list follows every key; the count and the address wait for a pause.
  function wordsTyped() {
    var next = selected();
    if (next.words.join(" ") === state.words.join(" ")) return;  // a space or a comma more
    state = next;
    limit = PAGE;
    apply();
    addressDue = true;
    clearTimeout(settleTimer);
    settleTimer = setTimeout(settle, SETTLE_MS);
  }

  form.addEventListener("input", function (event) {
    if (event.target === words) wordsTyped();
  });
  form.addEventListener("change", function (event) {
    if (event.target !== words) filterChanged();
    else if (settleTimer) settle();  // the reader left the box or pressed Enter: no need to wait
  });
  words.addEventListener("focus", cardText);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (settleTimer) settle();
  });
  function clearFilters() {
    selects.forEach(function (select) { select.value = ""; });
    words.value = "";
    filterChanged();
  }
  document.getElementById("filter-clear").addEventListener("click", clearFilters);
  // The same, beside "No recommendations match": on a phone the panel with the other button may
  // be closed. Focus goes to the count, which now says how many there are.
  document.getElementById("rec-none-clear").addEventListener("click", function () {
    clearFilters();
    var count = document.getElementById("rec-count");
    if (!count.hasAttribute("tabindex")) count.setAttribute("tabindex", "-1");
    count.focus();
  });
  if (toggle) {
    toggle.addEventListener("click", function () {
      toggle.setAttribute("aria-expanded", toggle.getAttribute("aria-expanded") === "true" ? "false" : "true");
    });
  }
  more.addEventListener("click", function () {
    limit += PAGE;
    var first = apply();
    settle();
    // Take keyboard and screen reader users to the first card that has just appeared.
    var link = first && first.querySelector("h2 a, h3 a");
    if (link) link.focus();
  });

  // A link to one card (#its-id) must show it, however far down a long list it is.
  function revealTarget() {
    var target = document.getElementById(idFromHash(location.hash));
    var index = cards.indexOf(target);
    if (index < 0 || shownNow[index] || !matches(index)) return;
    var before = 0;
    for (var i = 0; i <= index; i++) if (matches(i)) before += 1;
    limit = Math.ceil(before / PAGE) * PAGE;
    apply();
    settle();
    target.scrollIntoView();
    // The browser (or Material) may already have tried to scroll to it while it was hidden.
    requestAnimationFrame(function () { target.scrollIntoView(); });
  }
  current = {
    reveal: revealTarget,
    // A printed list has every matching recommendation, not only the ones shown so far.
    showAll: function () {
      limit = Infinity;
      apply();
      settle();
    },
    settle: function () { if (settleTimer) settle(); },
    matchingIds: function () {
      if (state.words.length) cardText();
      return cards.filter(function (card, index) { return matches(index); }).map(function (card) { return card.id; });
    }
  };

  readAddress();
  state = selected();
  apply();
  settle();
  revealTarget();
  // The list was kept out of sight while an address's filter was applied (all.md.j2).
  document.documentElement.classList.remove("rec-pending");
}

onPage(setup);
