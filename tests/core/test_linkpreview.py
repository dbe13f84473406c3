"""recsite.linkpreview: the Open Graph tags a preview needs, and the preview picture is the one
scripts/og_image.py draws (site/test_link_preview.py reads the tags on every built page)."""

from __future__ import annotations

from PIL import Image

import og_image
from recsite.linkpreview import IMAGE, Preview, open_graph
from support.project import ROOT


def test_open_graph_tags_say_what_a_preview_needs():
    tags = open_graph(Preview("A title", "A description", "https://example.org/x/"), "Site", "https://example.org/")
    found = {key: content for _, key, content in tags}
    assert found["og:type"] == "article" and found["og:url"] == "https://example.org/x/"
    assert found["og:image"] == "https://example.org/assets/og-image.png"
    assert ("name", "twitter:card", "summary_large_image") in tags
    assert all(attribute == "property" for attribute, key, _ in tags if key.startswith("og:"))
    home = open_graph(Preview("Site", "d", "https://example.org/", is_home=True), "Site", "https://example.org/")
    assert ("property", "og:type", "website") in home


def test_the_preview_picture_is_what_the_script_draws(tmp_path):
    og_image.main([str(tmp_path / "drawn.png")])
    drawn = Image.open(tmp_path / "drawn.png")
    committed = Image.open(ROOT / "docs" / IMAGE)
    assert drawn.convert("RGB").tobytes() == committed.convert("RGB").tobytes(), (
        "docs/assets/og-image.png is out of date: run `.venv/bin/python scripts/og_image.py`")
