"""recsite/htmlids.py: ids are found in tags only (site/test_ids.py reads every built page)."""

from __future__ import annotations


from recsite.htmlids import duplicate_ids, element_ids


def test_duplicate_ids_are_found_in_tags_only():
    html = '<p id="a">id="a" in text</p><div class="x" id=\'b\'></div><span id=a></span><i data-id="b">'
    assert element_ids(html) == ["a", "b", "a"]
    assert duplicate_ids(html) == ["a"]
