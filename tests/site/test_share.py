"""Printing in Chromium (a list to PDF, an audience's or a theme's page) and the key star. Copy link,
the citation and the print rules of a filtered list are the engines' tests (test_engines.py), in
all three engines."""

from __future__ import annotations

import pytest


pytestmark = pytest.mark.browser


def shown(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).display !== 'none'")


def test_a_filtered_list_prints_to_a_pdf(page):
    """What the print rules do to the list is the engines' test (test_engines.py, in all three);
    here Chromium prints it, as a reader's Print to PDF would."""
    page.goto("recommendations/?audience=individuals-and-families")
    page.locator("#filters").wait_for(state="visible")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


@pytest.mark.parametrize("address", ["audiences/national-organisations/", "themes/personal-budget-process/"])
def test_printing_an_audience_or_theme_page(page, address):
    page.goto(address)
    page.emulate_media(media="print")
    assert not shown(page, ".md-header") and not shown(page, ".md-sidebar--primary")
    cards = page.locator("article.rec-card")
    assert cards.count() > 0
    assert cards.first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"


def test_the_key_star_is_drawn_beside_the_words(page):
    page.goto("key-recommendations/")
    badge = page.locator(".rec-key").first
    assert badge.inner_text() == "Key recommendation"
    star = badge.evaluate("""e => { const s = getComputedStyle(e, '::before');
        return [s.content, s.width, s.maskImage || s.webkitMaskImage]; }""")
    assert star[0] == '""' and star[1] != "auto" and star[2].startswith('url("data:image/svg+xml')
