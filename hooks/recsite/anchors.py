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

from .ids import PAGE_NAMES, heading_id_of
from .paths import FIXED_TITLES

_HOOKS = Path(__file__).resolve().parent.parent
TEMPLATES = _HOOKS / "templates"

# id="filters" written in a template; {{ "why" | heading_id }} for a heading.
_LITERAL_ID = re.compile(r'\bid="([a-z0-9]+(?:-[a-z0-9]+)*)"')
_HEADING_ID = re.compile(r'''["']([a-z0-9]+(?:-[a-z0-9]+)*)["']\s*\|\s*heading_id''')
# A Markdown heading whose words are all the template's ("# All recommendations"): MkDocs gives it
# the id of its words (mkdocs.yml's `toc`), which a card's id on the same page would repeat.
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+([^{}\n]+?)[ \t]*$", re.MULTILINE)


def heading_ids(name: str) -> frozenset[str]:
    """The ids of the template `name`'s headings whose words are all its own ("# Glossary")."""
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    return frozenset(heading_id_of(match[1]) for match in _MARKDOWN_HEADING.finditer(text))


def _ids_in(text: str) -> list[str]:
    """The fixed ids a template's text writes, in the order it writes them."""
    found = sorted([(match.start(), match.group(1)) for pattern in (_LITERAL_ID, _HEADING_ID)
                    for match in pattern.finditer(text)])
    return list(dict.fromkeys(anchor for _, anchor in found))


def template_anchors(name: str) -> tuple[str, ...]:
    """The fixed ids the template `name` writes itself (not those of the macros it imports), in page
    order: the barrier pages' #findings, for example, which data/published.yaml registers."""
    return tuple(_ids_in((TEMPLATES / name).read_text(encoding="utf-8")))


def _fixed_anchors() -> frozenset[str]:
    # The fixed pages' headings, whose words their kinds declare (a template prints `{{ title }}`).
    found: set[str] = {heading_id_of(title) for title in FIXED_TITLES.values()}
    for template in TEMPLATES.rglob("*.j2"):
        found.update(_ids_in(template.read_text(encoding="utf-8")))
        found.update(heading_ids(str(template.relative_to(TEMPLATES))))
    return frozenset(found)


FIXED_ANCHORS = _fixed_anchors() | PAGE_NAMES

