// html-validate's configuration for the built site (tests/site/test_html_valid.py runs it on every page).
//
// It starts from the strictest preset. Each change below is a rule that Material for MkDocs' own
// templates break on every page, which this project cannot change without copying the theme, or an
// option that lets the site's deliberate markup through; each says why. Everything else applies to
// the site's own markup (hooks/templates/, docs/, overrides/) with no exceptions.
"use strict";

module.exports = {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    // Material writes `<!doctype html>`; HTML does not care about the case.
    "doctype-style": "off",

    // Material's templates leave spaces at the ends of lines. Only the source looks untidy;
    // readers and browsers never see it.
    "no-trailing-whitespace": "off",

    // Material's ids begin with underscores (`__drawer`, `__search`, `__nav_2`). HTML5 allows
    // any id without spaces, which the relaxed mode still checks (and that ids are not empty).
    "valid-id": ["error", { relaxed: true }],

    // Material puts autocomplete="off" on its hidden drawer and search checkboxes.
    "valid-autocomplete": "off",

    // Material's navigation sidebar nests a <nav> in each open section with no name of its own.
    // (axe's landmark rules, tests/site/test_accessibility.py, still run on every page.)
    "unique-landmark": "off",

    // Material's search and colour-scheme forms have no submit button: they act as you type or
    // choose. So does the site's own filter form (hooks/templates/all.md.j2): a filter change
    // narrows the list in place, which is not a change of context (WCAG 3.2.2), and Enter is caught.
    "wcag/h32": "off",

    // The theme appends " - Personal Budgets for Employment Support" (42 characters) to every
    // title, which leaves 28 for the page's own under the default limit of 70; the titles are the
    // report's headings and recommendations' short titles. Browsers and screen readers read the
    // whole title, so the limit only catches a title that has grown into a paragraph.
    "long-title": ["error", { maxlength: 140 }],

    // Inline styles are allowed only where the value is data: a chart bar's width is its share
    // (drawn at build time, hooks/templates/_evidence.html.j2), and Python-Markdown aligns table
    // columns (`--:` in docs/about.md's benchmark table) with text-align.
    "no-inline-style": ["error", { allowedProperties: ["display", "width", "text-align"] }],
  },
};
