"""Keep what the search index leaves out away from the search indexer (a build-speed measure).

Lists of links, cards and citations carry `data-search-exclude`: Material's search plugin reads
every tag of a page with Python's HTML parser and only then drops what such an element holds. On
the list pages and recommendation pages that was three quarters of the tags it read, and the search
plugin was the largest single cost of a build with thousands of recommendations.

`hide` swaps the inside of each such element for a placeholder (text, which the search plugin skips
as it skips the element's text); `show` puts it back in the finished page. The index comes out the
same because an element is hidden only when the search plugin would take nothing from inside it:
no heading (a heading starts a new search section even inside an excluded element), no script or
style, and tags that open and close in order within it (so the parser's place in the page after the
element is the same). The search plugin also removes `data-search-*` attributes from the page it
read; `show` does the same to what was hidden from it.
"""

from __future__ import annotations

import re
import secrets

_EXCLUDED = re.compile(r"""<([a-zA-Z][a-zA-Z0-9]*)\b[^>]*\sdata-search-exclude\b[^>]*>""")
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)([^>]*)>")
# What the search plugin reads as a new section or as raw text: never hidden.
_UNSAFE = re.compile(r"<(?:h[1-6]|script|style|object|textarea|title)\b", re.IGNORECASE)
# The search plugin's own list (material/plugins/search/plugin.py): tags it never waits to close.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
# The search plugin's removal of its attributes, exactly as it does it.
_SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
# A fresh token for each run, so no text in the data can pass for a placeholder.
_TOKEN = "RECSITE" + secrets.token_hex(8).upper() + "S"
_RESTORE = re.compile(_TOKEN + r"(\d+)X")


def _end_of(html: str, name: str, start: int) -> int | None:
    """Where the element `name` opened just before `start` ends (the index of its end tag), when
    everything inside it opens and closes in order; None otherwise."""
    stack: list[str] = []
    for tag in _TAG.finditer(html, start):
        closing, tag_name = tag.group(1), tag.group(2).lower()
        if closing:
            if not stack:
                return tag.start() if tag_name == name else None
            if stack[-1] != tag_name:
                return None
            stack.pop()
        elif tag_name not in _VOID and not tag.group(3).endswith("/"):
            stack.append(tag_name)
    return None


def hide(html: str) -> tuple[str, list[str]]:
    """`html` with the inside of each element marked `data-search-exclude` replaced by a
    placeholder where that leaves the search index unchanged, and the parts taken out."""
    hidden: list[str] = []
    out: list[str] = []
    at = 0
    for opening in _EXCLUDED.finditer(html):
        if opening.start() < at:  # inside an element already hidden
            continue
        inside = opening.end()
        end = _end_of(html, opening.group(1).lower(), inside)
        if end is None or end == inside or _UNSAFE.search(html, inside, end):
            continue
        out.append(html[at:inside])
        out.append(f"{_TOKEN}{len(hidden)}X")
        hidden.append(html[inside:end])
        at = end
    if not hidden:
        return html, hidden
    out.append(html[at:])
    return "".join(out), hidden


def show(page: str, hidden: list[str]) -> str:
    """The finished page with each hidden part back in its place, without the `data-search-*`
    attributes the search plugin removed from the rest of the page."""
    if not hidden:
        return page
    return _RESTORE.sub(lambda match: _SEARCH_ATTRIBUTE.sub("", hidden[int(match.group(1))]), page)
