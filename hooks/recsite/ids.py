"""The rules for element ids that the data alone decides: the id MkDocs gives a heading, the names a
record's page may not take, and the anchor a run of quotes takes from the record it follows.

The readers (recsite/read/) use only these. Whether a data id collides with an id a page's template
writes itself is checked after planning, from the page kinds (recsite/fixedids.py), so reading the
data never depends on the templates.
"""

from __future__ import annotations

from markdown.extensions.toc import slugify


def heading_id_of(words: str) -> str:
    """The id MkDocs' table of contents gives a heading with these words (without an id of its own)."""
    return slugify(words, "-")


# A recommendation's page is recommendations/<id>/, beside the list at recommendations/: the id
# "index" would replace the list page itself.
PAGE_NAMES = frozenset({"index"})


# A run of quotes has no id of its own in the data; the page gives the run one, from the item it
# follows (an evidence page's finding, table or list, or the part's heading when it opens the part;
# a barrier's finding), so councils can link to "what people said" about a finding. The anchor is
# registered in data/published.yaml like the item's own (read/page_anchors.py).
QUOTES_SUFFIX = "-quotes"


def quote_group_id(after: str) -> str:
    """The anchor of the quotes that follow the element with the id `after`."""
    return f"{after}{QUOTES_SUFFIX}"


def quote_runs(items: list[tuple[str, str | None]], start: str) -> dict[int, str]:
    """{index of the first quote of each run of quotes: the run's anchor}, for a list of
    (kind, id or None) in page order; `start` is the id of what comes before the first item."""
    runs: dict[int, str] = {}
    before, in_run = start, False
    for index, (kind, item_id) in enumerate(items):
        if kind == "quote":
            if not in_run:
                runs[index] = quote_group_id(before)
            in_run = True
        else:
            in_run = False
            if item_id:
                before = item_id
    return runs
