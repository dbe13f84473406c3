"""recsite/anchors.py: the ids the templates give elements are read from the templates, so a record
can never take one, and the list cannot drift from what the pages carry."""

from __future__ import annotations

import re

from recsite.anchors import FIXED_ANCHORS, PAGE_NAMES

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def test_every_id_a_template_writes_is_a_fixed_anchor_and_nothing_else_is():
    """The ids found on built pages, other than the data's own, are exactly the fixed ones in use."""
    # A handful the filters, the barrier pages and the evidence pages rely on (named in developers/architecture.md and
    # linked by councils): if a template stops writing one, this list must be changed on purpose.
    assert {"filters", "rec-count", "results", "barrier"} <= FIXED_ANCHORS
    assert PAGE_NAMES <= FIXED_ANCHORS
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", anchor) for anchor in FIXED_ANCHORS)


def test_ids_on_generated_pages_are_fixed_anchors_or_come_from_the_data(site, pages):
    """Every id on a generated page was either found in a template or made from a data id or a
    heading's words: none comes from a template without being known here (a record could then take
    it). (A record whose id equals a heading's is stopped by the build's duplicate-id check.)"""
    from support.project import real_catalogue

    catalogue = real_catalogue()
    data_ids = ({rec.id for rec in catalogue.recommendations} | {t.id for t in catalogue.themes}
                | {a.id for a in catalogue.audiences} | {t.barrier.id for t in catalogue.themes})
    soup = pages("recommendations/")
    ids = {element["id"] for element in soup.select("article [id]") if element.name not in HEADINGS}
    unexplained = {i for i in ids - FIXED_ANCHORS - data_ids if not i.startswith(("__", "md-"))}
    assert unexplained == set(), f"ids on the list page that no template or record explains: {unexplained}"
