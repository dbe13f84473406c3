"""recsite/shortcodes.py: markers in hand-written pages become HTML from the data, and a typo in a
marker stops the build at its line instead of leaving a gap."""

from __future__ import annotations

import pytest

from recsite.anchors import TEMPLATES
from recsite.shortcodes import SNIPPETS, UnknownMarker, expand_markers


def test_the_known_markers_are_the_snippet_templates():
    assert SNIPPETS == tuple(sorted(p.name.removesuffix(".html.j2") for p in (TEMPLATES / "snippets").glob("*.html.j2")))
    assert "core-recommendation" in SNIPPETS


def test_a_marker_is_replaced_by_its_snippet():
    text = "Before\n\n<!-- recsite:core-recommendation -->\n\nAfter\n"
    assert expand_markers(text, "index.md", lambda name: f"<p>{name}</p>\n") == \
        "Before\n\n<p>core-recommendation</p>\n\nAfter\n"


def test_an_unknown_marker_names_the_page_line_and_the_known_ones():
    text = "One\nTwo\n<!-- recsite:core-recomendation -->\n"
    with pytest.raises(UnknownMarker) as caught:
        expand_markers(text, "index.md", lambda name: "")
    assert str(caught.value).startswith("docs/index.md:3: unknown marker 'recsite:core-recomendation' (known: ")
    assert "core-recommendation" in str(caught.value)
