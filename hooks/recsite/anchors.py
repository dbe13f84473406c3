"""Fixed HTML ids used by the page templates.

Councils link to these (for example /themes/encouraging-demand/#barrier), so they are part of the
permanent-link promise. Recommendation ids must not take one of them, or a page would have two
elements with the same id.
"""

FIXED_ANCHORS = frozenset({
    "barrier",            # theme page: the barrier the theme answers
    "who-this-is-for",    # audience page: who the audience includes
    "filters",            # all-recommendations page: the filter form
    "results",            # all-recommendations page: the list
    "downloads",          # all-recommendations page: JSON and CSV
    "core-recommendation",
    "figure-5",
    "key-recommendations",
    "recommendation",     # a recommendation's own page: its heading
    "in-the-report",
    "cite",
    "related",
    "more-on-this-theme",
    "why",                # a recommendation's own page: the findings behind it
    "findings",           # barrier page: what the report found
    "what-the-report-recommends",  # barrier page: the recommendations that answer it
    "references",         # evidence index: the report's sources for its figures
    "evidence",           # theme page: the findings behind the barrier
    "repeat-the-study",   # evidence index: the appendices
    "changes",            # a recommendation's own page: its change history
    "withdrawn",          # a retired recommendation's page: why it was withdrawn
    "printed-twice",      # a recommendation's own page: the report prints it under two themes
    "in-short",           # barriers index: each barrier's summary
    "this-research",      # home page: what this research found
    "other-studies",      # home page: what other studies found, as the report cites them
})
