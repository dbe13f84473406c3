"""Link previews on the built pages (recsite/linkpreview.py and overrides/main.html): every page has
its own description, Open Graph tags and canonical address, texts escaped once, and the preview
picture served."""

from __future__ import annotations

from PIL import Image

from recsite.linkpreview import IMAGE, IMAGE_HEIGHT, IMAGE_WIDTH
from support.project import real_catalogue
from support.site import in_theme

CATALOGUE = real_catalogue()


def _property(soup, key: str) -> list[str]:
    return [meta["content"] for meta in soup.head.find_all("meta", attrs={"property": key})]


def _pages(site) -> list[str]:
    """Every page of the theme but the 404 page, which has no address of its own (the embed cards
    have no link previews: they are not for sharing)."""
    return [address for address in site.addresses() if address != "404.html" and in_theme(address)]


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


def test_the_preview_picture_is_served(site):
    served = Image.open(site.root / IMAGE)
    assert served.format == "PNG" and served.size == (IMAGE_WIDTH, IMAGE_HEIGHT)
