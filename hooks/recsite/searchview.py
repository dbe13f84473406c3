"""What the site search needs to read of a page: the page without the recommendation cards that
the search index leaves out.

A list page (all recommendations, an audience, a theme, a barrier, the key recommendations) is
mostly cards, each marked `data-search-exclude` (a recommendation is found once, on its own page:
templates/_macros.html.j2). Material's search plugin still reads every tag inside them with
Python's HTML parser before it drops their text: on a 1,000-recommendation site about a third of
its parsing. Given the page without those cards, the same parser makes the same index entries
(tests/site/test_search_view.py compares them on every page), for about a tenth of the work.

A card is cut only when leaving it out cannot change what the parser does with the rest: one
element (no other article inside it), no heading with an id (which would start a search section
even inside an excluded element), nothing whose text the parser reads as raw text (script, style,
pre, textarea, a comment), where an end tag could hide.
"""

from __future__ import annotations

import re

_EXCLUDED_ARTICLE = re.compile(r"<article\b[^>]*\sdata-search-exclude=\"[^\"]*\"[^>]*>.*?</article>", re.DOTALL)
_UNSAFE = re.compile(r"<(?:article|h[1-6]\b[^>]*\sid=|script|style|pre|textarea|!--)", re.IGNORECASE)


def _cut(match: re.Match) -> str:
    card = match.group()
    # The first '<article' is the card's own start tag; any other tag listed in _UNSAFE keeps it.
    return card if _UNSAFE.search(card, 1) else ""


def without_excluded_cards(html: str) -> str | None:
    """`html` without the article elements the search index leaves out (where cutting them is
    safe, above); None when it has none, so the page is read as it is."""
    if "data-search-exclude" not in html or "<article" not in html:
        return None
    cut = _EXCLUDED_ARTICLE.sub(_cut, html)
    return cut if len(cut) != len(html) else None
