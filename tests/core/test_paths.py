"""Permanent addresses and the relative links between pages.

Councils print these addresses in their own guidance; if a test here has to change, a published
link has broken.
"""

from __future__ import annotations

import pytest

from recsite import paths


def test_permanent_addresses_are_built_from_ids_only():
    site = "https://example.org/pb/"
    assert paths.absolute(site, paths.recommendation_page("employment-as-the-norm")) == \
        "https://example.org/pb/recommendations/employment-as-the-norm/"
    assert paths.absolute(site, paths.theme_page("encouraging-demand"), "barrier") == \
        "https://example.org/pb/themes/encouraging-demand/#barrier"
    assert paths.absolute(site, paths.audience_page("individuals-and-families")) == \
        "https://example.org/pb/audiences/individuals-and-families/"
    assert paths.absolute(site, paths.ALL_RECOMMENDATIONS) == "https://example.org/pb/recommendations/"
    assert paths.absolute(site, paths.KEY_RECOMMENDATIONS) == "https://example.org/pb/key-recommendations/"


@pytest.mark.parametrize(("source", "target", "anchor", "expected"), [
    ("index.md", "themes/a.md", None, "themes/a/"),
    ("themes/a.md", "themes/b.md", None, "../b/"),
    ("themes/a.md", "index.md", None, "../../"),
    ("recommendations/x.md", "recommendations/index.md", "x", "../#x"),
    ("recommendations/index.md", "recommendations/x.md", None, "x/"),
    ("recommendations/index.md", "recommendations.csv", None, "../recommendations.csv"),
    ("themes/a.md", "themes/a.md", "barrier", "#barrier"),
    ("themes/index.md", "themes/index.md", None, "./"),
])
def test_relative_links_work_under_any_base_address(source, target, anchor, expected):
    assert paths.relative(source, target, anchor) == expected


def test_relative_links_agree_with_posixpath_between_every_kind_of_page():
    import posixpath
    from itertools import product

    places = [".", "themes", "themes/x", "recommendations", "recommendations/a-b", "evidence/survey",
              "key-recommendations", "recommendations.csv", "a/b/c"]
    for target, base in product(places, places):
        assert paths.relpath(target, base) == posixpath.relpath(target, base), (target, base)
