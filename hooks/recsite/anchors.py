"""Fixed HTML ids: the ones the page templates give their elements.

Councils link to these (for example /themes/encouraging-demand/#barrier), so they are part of the
permanent-link promise. A recommendation's or a finding's id is an element id on the same pages,
so it must not take one of them, or a page would have two elements with the same id (and a link
would lead to the wrong one).

They are read from the templates themselves, not kept by hand, so the list cannot drift from what
the pages really carry. (Hand-written pages carry no recommendation or finding, so their own ids,
such as the About page's #methods, may equal a finding's; a build checks every page for duplicate
ids anyway.)
"""

from __future__ import annotations

import re
from pathlib import Path

_HOOKS = Path(__file__).resolve().parent.parent
TEMPLATES = _HOOKS / "templates"

# id="filters" written in a template; {{ "why" | heading_id }} for a heading.
_LITERAL_ID = re.compile(r'\bid="([a-z0-9]+(?:-[a-z0-9]+)*)"')
_HEADING_ID = re.compile(r'''["']([a-z0-9]+(?:-[a-z0-9]+)*)["']\s*\|\s*heading_id''')

# A recommendation's page is recommendations/<id>/, beside the list at recommendations/: the id
# "index" would replace the list page itself.
PAGE_NAMES = frozenset({"index"})


def _fixed_anchors() -> frozenset[str]:
    found: set[str] = set()
    for template in TEMPLATES.rglob("*.j2"):
        text = template.read_text(encoding="utf-8")
        found.update(_LITERAL_ID.findall(text), _HEADING_ID.findall(text))
    return frozenset(found)


FIXED_ANCHORS = _fixed_anchors() | PAGE_NAMES
