"""recsite/htmlids.py: no two elements of a built page share an id."""

from __future__ import annotations

import re
from collections import Counter

from recsite.htmlids import duplicate_ids, element_ids


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


def test_duplicate_ids_are_found_in_tags_only():
    html = '<p id="a">id="a" in text</p><div class="x" id=\'b\'></div><span id=a></span><i data-id="b">'
    assert element_ids(html) == ["a", "b", "a"]
    assert duplicate_ids(html) == ["a"]
