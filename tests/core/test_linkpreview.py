"""recsite.linkpreview and overrides/main.html: every built page has its own description, Open
Graph tags and canonical address, and the preview picture is the one scripts/og_image.py draws."""

from __future__ import annotations

import sys

from PIL import Image

from support.project import ROOT, real_catalogue
from recsite.linkpreview import IMAGE, IMAGE_HEIGHT, IMAGE_WIDTH, Preview, open_graph

sys.path.insert(0, str(ROOT / "scripts"))
import og_image  # noqa: E402

CATALOGUE = real_catalogue()


def _property(soup, key: str) -> list[str]:
    return [meta["content"] for meta in soup.head.find_all("meta", attrs={"property": key})]


def _pages(site) -> list[str]:
    pages = sorted(path.relative_to(site.root).parent.as_posix() + "/"
                   for path in site.root.rglob("index.html"))
    return ["" if page == "./" else page for page in pages]


def test_open_graph_tags_say_what_a_preview_needs():
    tags = open_graph(Preview("A title", "A description", "https://example.org/x/"), "Site", "https://example.org/")
    found = {key: content for _, key, content in tags}
    assert found["og:type"] == "article" and found["og:url"] == "https://example.org/x/"
    assert found["og:image"] == "https://example.org/assets/og-image.png"
    assert ("name", "twitter:card", "summary_large_image") in tags
    assert all(attribute == "property" for attribute, key, _ in tags if key.startswith("og:"))
    home = open_graph(Preview("Site", "d", "https://example.org/", is_home=True), "Site", "https://example.org/")
    assert ("property", "og:type", "website") in home


def test_every_page_has_its_description_open_graph_and_canonical_address(site):
    pages = _pages(site)
    assert len(pages) > 70
    for page in pages:
        soup = site.soup(page)
        canonical = soup.head.find_all("link", rel="canonical")
        assert [link["href"] for link in canonical] == [site.url + page], page
        description = [meta["content"] for meta in soup.head.find_all("meta", attrs={"name": "description"})]
        assert len(description) == 1 and description[0], page
        assert _property(soup, "og:description") == description, page
        assert _property(soup, "og:url") == [site.url + page], page
        assert _property(soup, "og:type") == (["website"] if page == "" else ["article"]), page
        assert _property(soup, "og:image") == [site.url + IMAGE], page
        title = soup.head.title.get_text()
        [og_title] = _property(soup, "og:title")
        assert title.startswith(og_title), (page, title, og_title)


def test_titles_and_descriptions_from_the_data_are_escaped_once(site):
    """A barrier title with an apostrophe, and a recommendation's words, reach the preview as
    they are in the data (no &#39; or &amp;amp; shown as text)."""
    barrier = next(theme.barrier for theme in CATALOGUE.themes if "'" in theme.barrier.title)
    soup = site.soup(f"barriers/{barrier.id}/")
    assert _property(soup, "og:title") == [barrier.title]
    for page in _pages(site):
        html = site.html(page)
        assert "&amp;#39;" not in html and "&amp;amp;" not in html, page


def test_the_preview_picture_is_served_and_is_what_the_script_draws(site, tmp_path):
    served = Image.open(site.root / IMAGE)
    assert served.format == "PNG" and served.size == (IMAGE_WIDTH, IMAGE_HEIGHT)
    og_image.main([str(tmp_path / "drawn.png")])
    drawn = Image.open(tmp_path / "drawn.png")
    committed = Image.open(ROOT / "docs" / IMAGE)
    assert drawn.convert("RGB").tobytes() == committed.convert("RGB").tobytes(), (
        "docs/assets/og-image.png is out of date: run `.venv/bin/python scripts/og_image.py`")
