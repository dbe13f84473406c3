// Filters on the all-recommendations page.
//
// The page is complete without this script: every recommendation is in the HTML and the filter
// form starts `hidden`. The script shows the form, keeps the choice in the address
// (?audience=…&theme=…&key=…) so a filtered view can be shared and survives a reload, and
// updates a polite live region with the count.
(function () {
  "use strict";

  var FIELDS = ["audience", "theme", "key"];

  function setup() {
    var form = document.getElementById("filters");
    var list = document.getElementById("results");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "true";

    var cards = Array.prototype.slice.call(list.querySelectorAll(".rec-card"));
    var count = document.getElementById("rec-count");
    var none = document.getElementById("rec-none");
    var total = cards.length;

    function selected() {
      var state = {};
      FIELDS.forEach(function (name) { state[name] = form.elements[name].value; });
      return state;
    }

    function apply(state) {
      var shown = 0;
      cards.forEach(function (card) {
        var match = FIELDS.every(function (name) {
          return !state[name] || card.dataset[name] === state[name];
        });
        card.hidden = !match;
        if (match) shown += 1;
      });
      var text = shown === total
        ? "Showing all " + total + " recommendations"
        : "Showing " + shown + " of " + total + " recommendations";
      // Only touch the live region when the words change, so screen readers hear each change once.
      if (count.textContent !== text) count.textContent = text;
      none.hidden = shown !== 0;
      describeForPrint(state, text);
    }

    // A printed list says at the top which filter it shows.
    function describeForPrint(state, countText) {
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

    form.addEventListener("change", function () {
      var state = selected();
      apply(state);
      writeAddress(state);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    document.getElementById("filter-clear").addEventListener("click", function () {
      FIELDS.forEach(function (name) { form.elements[name].value = ""; });
      var state = selected();
      apply(state);
      writeAddress(state);
    });

    readAddress();
    apply(selected());
    form.hidden = false;
  }

  // With Material's instant navigation, pages are swapped without a full load; `document$` emits
  // after each swap. Without it (or before Material has loaded) fall back to the usual events.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
