"""Markers in hand-written pages that are replaced by HTML made from the data.

A hand-written page writes `<!-- recsite:core-recommendation -->` where the core recommendation
should appear, so its wording is quoted from data/report.yaml, never copied by hand. An unknown
marker is an error: a typo must not silently leave a gap in a page.
"""

from __future__ import annotations

import re
from typing import Callable

from .anchors import TEMPLATES

MARKER = re.compile(r"<!--\s*recsite:([A-Za-z0-9_-]+)\s*-->")
# Every template in templates/snippets/ is a marker, so the list cannot drift from the files.
SNIPPETS = tuple(sorted(path.name.removesuffix(".html.j2") for path in (TEMPLATES / "snippets").glob("*.html.j2")))


class UnknownMarker(ValueError):
    """A marker that names no snippet: a typo must not silently leave a gap in a page."""


def expand_markers(markdown: str, page: str, render: Callable[[str], str], first_line: int = 1) -> str:
    """Replace each marker in `markdown` (the page at docs path `page`, whose first line is the
    file's line `first_line`: after its front matter) with `render(name)`."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in SNIPPETS:
            line = markdown.count("\n", 0, match.start()) + first_line
            raise UnknownMarker(f"docs/{page}:{line}: unknown marker 'recsite:{name}' "
                                f"(known: {', '.join(SNIPPETS)})")
        return render(name).strip()

    return MARKER.sub(replace, markdown)
