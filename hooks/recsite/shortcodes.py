"""Markers in hand-written pages that are replaced by HTML made from the data.

A hand-written page writes `<!-- recsite:core-recommendation -->` where the core recommendation
should appear, so its wording is quoted from data/report.yaml, never copied by hand. An unknown
marker is an error: a typo must not silently leave a gap in a page.
"""

from __future__ import annotations

import re
from typing import Callable

MARKER = re.compile(r"<!--\s*recsite:([A-Za-z0-9_-]+)\s*-->")
SNIPPETS = ("cite-report", "core-recommendation", "figure5", "findings", "research-questions", "start-here",
            "totals")


class UnknownMarker(ValueError):
    pass


def expand_markers(markdown: str, page: str, render: Callable[[str], str]) -> str:
    """Replace each marker in `markdown` (the page at docs path `page`) with `render(name)`."""

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name not in SNIPPETS:
            line = markdown.count("\n", 0, match.start()) + 1
            raise UnknownMarker(f"docs/{page}:{line}: unknown marker 'recsite:{name}' "
                                f"(known: {', '.join(SNIPPETS)})")
        return render(name).strip()

    return MARKER.sub(replace, markdown)
