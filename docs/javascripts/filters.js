// Filters on the all-recommendations page.
//
// The page is complete without this script: every recommendation is in the HTML, and the filter
// form is shown only when a line of script in the page has marked it as scripted (all.md.j2), so
// without JavaScript no control is dead. The script keeps the choice in the address
// (?words=…&audience=…&theme=…&key=…; not ?q=, which opens Material's search box) so a filtered
// view can be shared and survives a reload, and updates a polite live region with the count: at
// once for a list choice, and once the reader stops typing words (not at every key). A long list
// is shown 50 matches at a time.
(function () {
  "use strict";

  var SELECTS = ["audience", "theme", "key"];
  // How long typing must pause before the count is announced and the address written.
  var SETTLE_MS = 600;
  // The list on the page now, for the window's events. They are registered once: Material's
  // instant navigation swaps pages without reloading this script.
  var current = null;
  window.addEventListener("hashchange", function () { if (current) current.reveal(); });
  window.addEventListener("beforeprint", function () { if (current) current.showAll(); });
  window.addEventListener("pagehide", function () { if (current) current.settle(); });

  // Text as the word filter compares it: lower case, accents and apostrophes (straight or curly)
  // dropped. The reader's words are also split at any punctuation, and each must occur.
  function folded(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f'\u2018\u2019\u02bc`]/g, "").toLowerCase();
  }
  function wordsOf(text) {
    return folded(text).split(/[^\p{L}\p{N}]+/u).filter(function (word, index, all) {
      return word && all.indexOf(word) === index;
    });
  }

  // After the next frame is drawn: for work the reader does not see (the address).
  function afterPaint(work) {
    requestAnimationFrame(function () { setTimeout(work, 0); });
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
    var total = cards.length;
    // Read each card's tags once: a filter change then compares plain strings, not the DOM.
    var tags = {};
    SELECTS.forEach(function (name) {
      tags[name] = cards.map(function (card) { return card.getAttribute("data-" + name); });
    });
    // Each card's words (title, text, and data-words: those of its plain-words version), read the
    // first time they are needed: when the word box gets the focus, or an address brings words.
    var text = null;
    function cardText() {
      if (text) return text;
      text = cards.map(function (card) {
        var title = card.querySelector(".rec-card__title");
        var body = card.querySelector(".rec-card__text");
        return folded((title ? title.textContent : "") + " " + (body ? body.textContent : "") + " " +
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
    var state = {words: []};
    var matching = 0;
    var settleTimer = null;
    var addressDue = false;

    function number(n) { return n.toLocaleString("en-GB"); }

    function selected() {
      var chosen = {words: wordsOf(words.value)};
      SELECTS.forEach(function (name) { chosen[name] = form.elements[name].value; });
      return chosen;
    }

    function matches(index) {
      if (state.audience && tags.audience[index] !== state.audience) return false;
      if (state.theme && tags.theme[index] !== state.theme) return false;
      if (state.key && tags.key[index] !== state.key) return false;
      if (state.words.length) {
        var mine = text[index];
        for (var w = 0; w < state.words.length; w++) if (mine.indexOf(state.words[w]) < 0) return false;
      }
      return true;
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
          return name === "key" ? (state.key === "true" ? "key recommendations only" : "other recommendations only") : option;
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
      SELECTS.forEach(function (name) {
        if (!state[name]) return;
        var select = form.elements[name];
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
      // The same filters always give the same address, in the form's own order (words, then the
      // lists), whichever the reader chose first; other parameters are kept, before them.
      var params = new URLSearchParams(location.search);
      ["words"].concat(SELECTS).forEach(function (name) { params.delete(name); });
      if (state.words.length) params.set("words", words.value.trim().replace(/\s+/g, " "));
      SELECTS.forEach(function (name) {
        if (state[name]) params.set(name, state[name]);
      });
      var query = params.toString();
      var url = location.pathname + (query ? "?" + query : "") + location.hash;
      // replaceState keeps Material's own history entry (instant navigation) intact.
      if (url !== location.pathname + location.search + location.hash) history.replaceState(history.state, "", url);
    }

    function readAddress() {
      var params = new URLSearchParams(location.search);
      SELECTS.forEach(function (name) {
        var select = form.elements[name];
        var value = params.get(name) || "";
        // Ignore values the page does not offer (an old or mistyped link shows everything).
        var known = Array.prototype.some.call(select.options, function (option) {
          return option.value === value;
        });
        select.value = known ? value : "";
      });
      words.value = params.get("words") || "";
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
      SELECTS.forEach(function (name) { form.elements[name].value = ""; });
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
      var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
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
      settle: function () { if (settleTimer) settle(); }
    };
    // planner.js: the ids of every matching card, shown yet or not ("Add these N to my plan").
    form.recsiteMatching = function () {
      return cards.filter(function (card, index) { return matches(index); }).map(function (card) { return card.id; });
    };

    readAddress();
    state = selected();
    apply();
    settle();
    revealTarget();
    // The list was kept out of sight while an address's filter was applied (all.md.j2).
    document.documentElement.classList.remove("rec-pending");
  }

  // With Material's instant navigation, pages are swapped without a full load; `document$` emits
  // after each swap. Without it (or before Material has loaded) fall back to the usual events.
  window.recsiteOnPage(setup);  // docs/javascripts/on-page.js
})();
