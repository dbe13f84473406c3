// Filters on the all-recommendations page.
//
// The page is complete without this script: every recommendation is in the HTML and the filter
// form starts `hidden`. The script shows the form, keeps the choice in the address
// (?audience=…&theme=…&key=…) so a filtered view can be shared and survives a reload, and
// updates a polite live region with the count. A long list is shown 50 matches at a time.
(function () {
  "use strict";

  var FIELDS = ["audience", "theme", "key"];
  // The list on the page now, for the window's events. They are registered once: Material's
  // instant navigation swaps pages without reloading this script.
  var current = null;
  window.addEventListener("hashchange", function () { if (current) current.reveal(); });
  window.addEventListener("beforeprint", function () { if (current) current.showAll(); });

  function setup() {
    var form = document.getElementById("filters");
    var list = document.getElementById("results");
    if (!form || !list) {
      current = null;
      return;
    }
    if (form.dataset.ready) return;
    form.dataset.ready = "true";

    var cards = Array.prototype.slice.call(list.querySelectorAll(".rec-card"));
    var count = document.getElementById("rec-count");
    var none = document.getElementById("rec-none");
    var total = cards.length;
    // Read each card's tags once: a filter change then compares plain strings, not the DOM.
    var tags = cards.map(function (card) {
      return {audience: card.dataset.audience, theme: card.dataset.theme, key: card.dataset.key};
    });
    // Whether each card is shown now, so a change touches only the cards that appear or go.
    var shownNow = cards.map(function () { return true; });
    // The cards come in groups (all.md.j2); a group with nothing to show is hidden whole.
    var groups = Array.prototype.slice.call(list.querySelectorAll(".rec-group"));
    var groupOf = cards.map(function (card) { return groups.indexOf(card.parentElement); });
    // A long list shows PAGE matches at a time with a "Show more" button: laying out thousands
    // of cards at once would make every filter change slow. (The report's 48 fit in one page.)
    var PAGE = 50;
    var limit = PAGE;
    var more = document.createElement("button");
    more.type = "button";
    more.className = "md-button rec-more";
    more.id = "rec-more";
    more.hidden = true;
    list.insertAdjacentElement("afterend", more);
    var state = {};

    function number(n) { return n.toLocaleString("en-GB"); }

    function selected() {
      var chosen = {};
      FIELDS.forEach(function (name) { chosen[name] = form.elements[name].value; });
      return chosen;
    }

    function matches(index) {
      return FIELDS.every(function (name) { return !state[name] || tags[index][name] === state[name]; });
    }

    function apply() {
      var matching = 0;
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
      groups.forEach(function (group, index) {
        if (group.hidden !== (inGroup[index] === 0)) group.hidden = inGroup[index] === 0;
      });
      var shown = Math.min(matching, limit);
      var text = matching === total && shown === total
        ? "Showing all " + number(total) + " recommendations"
        : shown < matching
          ? "Showing " + number(shown) + " of " + number(matching) + " matching recommendations (" + number(total) + " in all)"
          : "Showing " + number(shown) + " of " + number(total) + " recommendations";
      // Only touch the live region when the words change, so screen readers hear each change once.
      if (count.textContent !== text) count.textContent = text;
      none.hidden = matching !== 0;
      more.hidden = shown >= matching;
      more.textContent = "Show " + Math.min(PAGE, matching - shown) + " more (" + number(matching - shown) + " not shown yet)";
      describeForPrint(text);
      return firstNew;
    }

    // A printed list says at the top which filter it shows.
    function describeForPrint(countText) {
      var target = document.getElementById("rec-print-filter");
      if (!target) return;
      var parts = FIELDS.filter(function (name) { return state[name]; }).map(function (name) {
        var select = form.elements[name];
        var label = form.querySelector("label[for='" + select.id + "']").textContent;
        return label + ": " + select.options[select.selectedIndex].textContent;
      });
      target.textContent = (parts.length ? "Filter: " + parts.join("; ") : "Filter: none") + ". " + countText + ".";
    }

    function writeAddress(state) {
      var params = new URLSearchParams(location.search);
      FIELDS.forEach(function (name) {
        if (state[name]) params.set(name, state[name]); else params.delete(name);
      });
      var query = params.toString();
      var url = location.pathname + (query ? "?" + query : "") + location.hash;
      // replaceState keeps Material's own history entry (instant navigation) intact.
      history.replaceState(history.state, "", url);
    }

    function readAddress() {
      var params = new URLSearchParams(location.search);
      FIELDS.forEach(function (name) {
        var select = form.elements[name];
        var value = params.get(name) || "";
        // Ignore values the page does not offer (an old or mistyped link shows everything).
        var known = Array.prototype.some.call(select.options, function (option) {
          return option.value === value;
        });
        select.value = known ? value : "";
      });
    }

    function filterChanged() {
      state = selected();
      limit = PAGE;
      apply();
      writeAddress(state);
    }

    form.addEventListener("change", filterChanged);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    document.getElementById("filter-clear").addEventListener("click", function () {
      FIELDS.forEach(function (name) { form.elements[name].value = ""; });
      filterChanged();
    });
    more.addEventListener("click", function () {
      limit += PAGE;
      var first = apply();
      // Take keyboard and screen reader users to the first card that has just appeared.
      var link = first && first.querySelector("h2 a, h3 a");
      if (link) link.focus();
    });

    // A link to one card (#its-id) must show it, however far down a long list it is.
    function revealTarget() {
      var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      var index = cards.indexOf(target);
      if (index < 0 || shownNow[index] || !matches(index)) return;
      var before = 0;
      for (var i = 0; i <= index; i++) if (matches(i)) before += 1;
      limit = Math.ceil(before / PAGE) * PAGE;
      apply();
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
      }
    };

    readAddress();
    state = selected();
    apply();
    revealTarget();
    form.hidden = false;
  }

  // With Material's instant navigation, pages are swapped without a full load; `document$` emits
  // after each swap. Without it (or before Material has loaded) fall back to the usual events.
  window.recsiteOnPage(setup);  // docs/javascripts/on-page.js
})();
