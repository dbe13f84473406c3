"""The embed cards in Chromium: each fits the frame its code suggests, reads at 300 pixels wide
without sideways scrolling, follows the reader's dark scheme, and sends no request and stores
nothing. (In a frame on another site, in three engines: test_engines.py; axe, light and dark, on
the cards that between them show every part a card shows: test_accessibility.py.)"""

from __future__ import annotations

import json

import pytest

from support.project import real_catalogue
from support.browser import open_page
from recsite import paths

pytestmark = pytest.mark.browser

CATALOGUE = real_catalogue()
# The card's height as drawn (the viewport is made shorter than any card, so this is the content's).
HEIGHT = "document.documentElement.scrollHeight"


def test_every_card_fits_the_frame_its_code_suggests(browser, site):
    with open_page(browser, site.url, viewport={"width": 600, "height": 100}) as page:
        too_tall = {}
        for rec in CATALOGUE.recommendations:
            suggested = json.loads((site.root / paths.oembed_file(rec.id)).read_text(encoding="utf-8"))
            assert suggested["width"] == 600
            page.goto(paths.embed_address(rec.id))
            drawn = page.evaluate(HEIGHT)
            if drawn > suggested["height"]:
                too_tall[rec.id] = (drawn, suggested["height"])
        assert not too_tall, f"cards taller than their frame (drawn, suggested): {too_tall}"


def test_a_card_reads_at_300_pixels_wide_in_light_and_dark(browser, site):
    longest = max(CATALOGUE.recommendations, key=lambda rec: len(rec.text) + len(rec.title))
    colours = {}
    for scheme in ("light", "dark"):
        with open_page(browser, site.url, viewport={"width": 300, "height": 600}, color_scheme=scheme) as page:
            page.goto(paths.embed_address(longest.id))
            assert page.evaluate("document.documentElement.scrollWidth") <= 300, "the card scrolls sideways"
            assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('blockquote')).fontSize)") >= 16
            colours[scheme] = page.evaluate("[getComputedStyle(document.documentElement).backgroundColor, "
                                            "getComputedStyle(document.querySelector('main')).color]")
    assert colours["light"][0] == "rgb(255, 255, 255)" and colours["dark"][0] != colours["light"][0]
    assert colours["dark"][1] != colours["light"][1]


def test_a_card_sends_no_request_and_stores_nothing(browser, site):
    rec = CATALOGUE.recommendations[0]
    with open_page(browser, site.url) as page:
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(paths.embed_address(rec.id))
        page.wait_for_load_state("networkidle")
        assert requests == [site.url + paths.embed_address(rec.id)]
        assert page.context.cookies() == []
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0
        # Its link opens the recommendation's page, outside any frame.
        link = page.locator("main a")
        assert link.get_attribute("href") == site.url + paths.url_of(paths.recommendation_page(rec.id))
        assert link.get_attribute("target") == "_blank"
