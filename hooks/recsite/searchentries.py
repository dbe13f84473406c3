"""A generated page's site-search entries, written by its template from the data it shows, so the
site generator's search need not read the finished page's HTML again.

Material's search plugin makes a page's entries by parsing its content with Python's HTML parser:
one entry per section (the part before the first heading, then each heading with an id), each with
the heading's text as its title and, as its text, the section's words with the markup taken off
(a few tags kept: p, li, ul, ol, code, pre, sub, sup), leaving out what is marked
`data-search-exclude`. On a recommendation's page that is a fifth of the build at 5,000
recommendations, for text the template already had in hand.

A page kind's template may say its entries in a `search` block (templates/recommendation.md.j2):

    {% call search_section("why", "The barrier this site pairs it with") %}...{% endcall %}

once per section, in the page's order. A section without an anchor is the page's first: the part
before the first heading (`search_section()`: Material gives it the page's title), or a heading
the page begins with (Material gives the first section no anchor). The words inside are written as the page
shows them, in the markup Material's index keeps. The site generator hands the entries to its
search index and tells it to pass over the page (hooks/main.py). tests/site/test_search_entries.py
compares them with Material's own, from the page's HTML, on every page that has them: a template
whose page and `search` block say different things fails there.

Kinds without a `search` block are indexed from their HTML, as before: their pages are few, and
their words come from many shared macros (evidence, quotes, tables) that a second copy would
drift from.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from markupsafe import Markup

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class SearchEntry:
    """One section of a page as the search index holds it. `title` and `text` are HTML text, as
    Material's index keeps them (&, < and > escaped; quotation marks as they are)."""

    anchor: str | None   # the heading's id; None: the part before the first heading
    title: str | None    # None: the page's own title, which the site generator knows
    text: str


def indexed_text(markup: str) -> str:
    """Text rendered by the template (autoescaped) as Material's index keeps it: quotation marks as
    themselves (its parser unescapes the page, then escapes &, < and > alone) and each run of
    white space as one space, none at either end."""
    text = str(markup).replace("&#39;", "'").replace("&#34;", '"')
    return _SPACES.sub(" ", text).strip()


class SearchSections:
    """What a template's `search` block is given as `search_section`: it collects the sections."""

    def __init__(self) -> None:
        self.entries: list[SearchEntry] = []

    def __call__(self, anchor: str | None = None, title: str | None = None, caller=None) -> Markup:
        text = indexed_text(caller()) if caller is not None else ""
        self.entries.append(SearchEntry(anchor, None if title is None else html.escape(str(title), quote=False), text))
        return Markup("")


def check_sections(path: str, entries: tuple[SearchEntry, ...], heading_ids: list[str]) -> None:
    """The entries' sections must be the page's headings, in order (the first without its anchor
    if the page begins with it): a heading added to a template but not to its `search` block would
    otherwise leave part of the page unsearchable. Raises ValueError saying which differ."""
    anchors = [entry.anchor for entry in entries if entry.anchor is not None]
    begins_with_heading = bool(entries) and entries[0].anchor is None and entries[0].title is not None
    if anchors != heading_ids and not (begins_with_heading and anchors == heading_ids[1:]):
        raise ValueError(f"{path}: its template's `search` block has the sections {anchors}, the page has the "
                         f"headings {heading_ids}: give each heading a search_section, in the page's order")
