"""recsite/anchors.py: the ids the templates give elements are read from the templates, so a record
can never take one, and the list cannot drift from what the pages carry."""

from __future__ import annotations

import re

from recsite.anchors import FIXED_ANCHORS, PAGE_NAMES

def test_every_id_a_template_writes_is_a_fixed_anchor_and_nothing_else_is():
    """The ids found on built pages, other than the data's own, are exactly the fixed ones in use."""
    # A handful the filters, the barrier pages and the evidence pages rely on (named in developers/architecture.md and
    # linked by councils): if a template stops writing one, this list must be changed on purpose.
    assert {"filters", "rec-count", "results", "barrier"} <= FIXED_ANCHORS
    # The ids MkDocs gives the headings whose words are all a template's: a card may not take one.
    assert {"all-recommendations", "glossary", "whats-changed"} <= FIXED_ANCHORS
    assert PAGE_NAMES <= FIXED_ANCHORS
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", anchor) for anchor in FIXED_ANCHORS)
