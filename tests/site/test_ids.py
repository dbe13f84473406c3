"""The ids on the built pages (recsite/htmlids.py, recsite/anchors.py): no two elements of a page
share one, the build's quick reading finds what the exact one finds, and every id on a generated
page is a fixed anchor or comes from the data."""

from __future__ import annotations

import re
from collections import Counter

from recsite.anchors import FIXED_ANCHORS
from recsite.htmlids import duplicate_ids, element_ids
from support.project import real_catalogue

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def test_no_page_of_the_built_site_has_a_duplicate_id(site):
    pages = list(site.root.rglob("*.html"))
    assert len(pages) > 60
    found = {page.relative_to(site.root).as_posix(): duplicate_ids(page.read_text(encoding="utf-8"))
             for page in pages}
    assert {page: ids for page, ids in found.items() if ids} == {}


def test_on_every_built_page_the_quick_reading_finds_the_ids_the_exact_one_finds(site):
    """The build's quick reading of ids is enough for the pages this site writes: it finds each id
    as many times as the anchor check's exact reading does (which skips comments and scripts, and
    reads past a quoted '>'), so it neither misses a duplicate nor finds a false one. A page where
    they differ needs the exact reading in the build too."""
    from anchorcheck import _Page

    for path in site.root.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        exact = _Page()
        exact.feed(html)
        named = re.findall(r"<a\s[^>]*\bname=\"([^\"]+)\"", html)  # anchorcheck counts <a name> too
        assert Counter(element_ids(html)) + Counter(named) == exact.ids, path


def test_ids_on_generated_pages_are_fixed_anchors_or_come_from_the_data(pages):
    """Every id on a generated page was either found in a template or made from a data id or a
    heading's words: none comes from a template without being known here (a record could then take
    it). (A heading's words written from data, such as a theme's title, give an id the readers check
    against the records on that page: tools/test_hostile.py builds one.)"""
    catalogue = real_catalogue()
    data_ids = ({rec.id for rec in catalogue.recommendations} | {t.id for t in catalogue.themes}
                | {a.id for a in catalogue.audiences} | {t.barrier.id for t in catalogue.themes})
    soup = pages("recommendations/")
    ids = {element["id"] for element in soup.select("article [id]") if element.name not in HEADINGS}
    unexplained = {i for i in ids - FIXED_ANCHORS - data_ids if not i.startswith(("__", "md-"))}
    assert unexplained == set(), f"ids on the list page that no template or record explains: {unexplained}"
