// Runs a page module's setup on every page the reader sees. A module runs once per document, and
// Material's instant navigation swaps pages without a new one: it emits its `document$` (Material's
// global, read here, never written) after each swap, and at once to a late subscriber. Without it
// (or before Material has loaded) the usual events are used.
export function onPage(setup) {
  const swaps = globalThis.document$;
  if (swaps && typeof swaps.subscribe === "function") swaps.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
}
