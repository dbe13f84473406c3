"""Every element id on a page must be unique: a link to page/#id must lead to one place, and a
duplicate id means two things claim the same address (for example a record whose id equals an id
the template uses). A build checks every page it writes."""

from __future__ import annotations

import re
from collections import Counter

# A quick reading, for every page of every build. scripts/anchorcheck.py reads tags exactly (not in
# comments, scripts or styles; past a quoted '>' inside a tag), which took four to six times as long
# here (130-180 ms against 32 for the real site's pages); on every built page the two readings find
# each id as many times (tests/core/test_htmlids.py), so the quick one is kept for the build.
_TAG = re.compile(r"<[a-zA-Z][^>]*>")
_ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+))""")


def element_ids(html: str) -> list[str]:
    """The ids of a page's elements, in order (read from start tags only, never from text)."""
    ids = []
    for tag in _TAG.findall(html):
        match = _ID.search(tag)
        if match:
            ids.append(next(group for group in match.groups() if group is not None))
    return ids


def duplicate_ids(html: str) -> list[str]:
    """Ids given to more than one element of the page, each once, in the order they first appear."""
    counts = Counter(element_ids(html))  # in first-seen order (a Counter keeps insertion order)
    return [element_id for element_id, count in counts.items() if count > 1]
