// Runs a script's setup on every page the reader sees. With Material's instant navigation, pages
// are swapped without a full load and `document$` emits after each swap; without it (or before
// Material has loaded) the usual events are used. Loaded first (mkdocs.yml), so the site's other
// scripts call window.recsiteOnPage(setup) instead of each repeating this.
window.recsiteOnPage = function (setup) {
  "use strict";
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
};
