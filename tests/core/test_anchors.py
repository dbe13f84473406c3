"""recsite/anchors.py: the ids the templates give elements are read from the templates, so a record
can never take one (checked after planning: recsite/fixedids.py), and the list cannot drift from what the pages carry."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys

import pytest

from recsite import fixedids
from recsite.anchors import FIXED_ANCHORS, PAGE_NAMES
from recsite.plan import plan_site
from recsite.problems import DataError, IdClaim, Problem
from support.project import ROOT, real_catalogue


def test_every_id_a_template_writes_is_a_fixed_anchor_and_nothing_else_is():
    """The ids found on built pages, other than the data's own, are exactly the fixed ones in use."""
    # A handful the filters, the barrier pages and the evidence pages rely on (named in developers/architecture.md and
    # linked by councils): if a template stops writing one, this list must be changed on purpose.
    assert {"filters", "rec-count", "results", "barrier"} <= FIXED_ANCHORS
    # The ids MkDocs gives the headings whose words are all a template's: a card may not take one.
    assert {"all-recommendations", "glossary", "whats-changed"} <= FIXED_ANCHORS
    assert PAGE_NAMES <= FIXED_ANCHORS
    assert all(re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", anchor) for anchor in FIXED_ANCHORS)


def test_reading_the_data_reads_no_template():
    """The readers check what only the data can know; the templates' own ids are checked after
    planning (recsite/fixedids.py), so reading the data does not depend on them."""
    code = ("import sys; sys.path.insert(0, 'hooks');"
            "import recsite.read.recommendations, recsite.read.evidence, recsite.read.glossary, "
            "recsite.read.page_anchors, recsite.model;"
            "print(sorted(name for name in sys.modules if name in ('recsite.anchors', 'recsite.pagekinds')))")
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def _claiming(catalogue, *claims):
    return dataclasses.replace(catalogue, id_claims=claims)


def test_a_data_id_is_held_to_the_fixed_ids_of_the_pages_that_carry_it():
    """A recommendation's or finding's id (any page) may not be any template's id; a glossary term's
    (the glossary page) only not the glossary page's own: its template's ids and its title's heading."""
    def claim(element_id, kind=None):
        return IdClaim(element_id, Problem("data/x.yaml", f"{element_id} taken", line=1, column=1), kind)

    found = fixedids.problems(_claiming(real_catalogue(), claim("filters"), claim("glossary"), claim("fresh-id"),
                                        claim("filters", "glossary"), claim("glossary", "glossary")))
    assert [problem.message for problem in found] == ["filters taken", "glossary taken", "glossary taken"]


def test_planning_stops_at_a_data_id_a_planned_page_writes_itself():
    """The build plans before it writes anything: a claim of a fixed id stops it with the data's
    own message and place, as the editors' check does (tests/bad_data/ cases 54, 88, 91)."""
    problem = Problem("data/recommendations.yaml", "taken", line=29, column=5, record="rec-count", field="id")
    with pytest.raises(DataError) as raised:
        plan_site(_claiming(real_catalogue(), IdClaim("rec-count", problem)), "https://example.org/")
    assert raised.value.problems == [problem]
