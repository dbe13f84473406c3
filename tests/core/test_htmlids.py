"""recsite/htmlids.py: no two elements of a built page share an id."""

from __future__ import annotations

from recsite.htmlids import duplicate_ids, element_ids


def test_no_page_of_the_built_site_has_a_duplicate_id(site):
    pages = list(site.root.rglob("*.html"))
    assert len(pages) > 60
    found = {page.relative_to(site.root).as_posix(): duplicate_ids(page.read_text(encoding="utf-8"))
             for page in pages}
    assert {page: ids for page, ids in found.items() if ids} == {}


def test_duplicate_ids_are_found_in_tags_only():
    html = '<p id="a">id="a" in text</p><div class="x" id=\'b\'></div><span id=a></span><i data-id="b">'
    assert element_ids(html) == ["a", "b", "a"]
    assert duplicate_ids(html) == ["a"]
