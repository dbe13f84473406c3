"""Print, copy link and cite: what a council officer does with a recommendation, in Chromium."""

from __future__ import annotations

import re

import pytest


pytestmark = pytest.mark.browser


def shown(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).display !== 'none'")


def test_copy_link_copies_the_permanent_address_and_says_so(tabs, site):
    with tabs.open(site.url, permissions=["clipboard-read", "clipboard-write"]) as page:
        page.goto("audiences/individuals-and-families/")
        card = page.locator("article.rec-card").first
        button = card.get_by_role("button", name=re.compile(r"^Copy link to "))
        button.click()
        expected = site.url + f"recommendations/{card.get_attribute('id')}/"
        # The copy is done when the page says so (the clipboard is written asynchronously; reading
        # it before then raced the write, and failed in CI).
        page.wait_for_function("document.getElementById('copy-status').textContent === 'Link copied'")
        assert page.evaluate("navigator.clipboard.readText()") == expected
        assert page.get_attribute("#copy-status", "role") == "status"


def test_without_javascript_the_permanent_link_is_still_a_visible_link(tabs, site):
    with tabs.open(site.url, java_script_enabled=False) as page:
        page.goto("themes/encouraging-demand/")
        link = page.locator("article.rec-card .rec-link > a").first
        assert link.is_visible() and link.inner_text().startswith("Permanent link: ")
        assert page.locator("button.rec-copy").count() == 0


def test_printing_a_filtered_list_gives_a_clean_brief(page, site):
    page.goto("recommendations/?audience=individuals-and-families")
    page.locator("#filters").wait_for(state="visible")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", "#filters"):
        assert not shown(page, chrome), f"{chrome} is printed"
    assert page.locator("#rec-print-filter").inner_text() == (
        "Filter: Who it is for: Individuals and families. Showing 7 of 48 recommendations.")
    assert page.locator("button.rec-copy").first.is_hidden()
    cards = page.locator("#results article.rec-card:not([hidden])")
    assert cards.count() == 7
    for i in range(cards.count()):
        card = cards.nth(i)
        url = site.url + f"recommendations/{card.get_attribute('id')}/"
        after = card.locator(".rec-link > a").evaluate("e => getComputedStyle(e, '::after').content")
        assert after == f'" {url}"', "each printed recommendation shows its permanent address"
        assert card.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
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


def test_every_recommendation_page_offers_a_full_citation(page, site):
    page.goto("recommendations/employment-as-the-norm/")
    citation = page.locator("p.citation").inner_text()
    assert citation == (
        "Watts, R., Harflett, N., Robinson, C. and Greig, R. (2014) The Use of Personal Budgets for "
        "Employment Support. Bath: National Development Team for Inclusion (NDTi). Appendix 3, section "
        f"A3.1.1, page 53. Available at: {site.url}recommendations/employment-as-the-norm/ "
        "(record last changed 6 December 2026).")


def test_the_key_star_is_drawn_beside_the_words(page):
    page.goto("key-recommendations/")
    badge = page.locator(".rec-key").first
    assert badge.inner_text() == "Key recommendation"
    star = badge.evaluate("""e => { const s = getComputedStyle(e, '::before');
        return [s.content, s.width, s.maskImage || s.webkitMaskImage]; }""")
    assert star[0] == '""' and star[1] != "auto" and star[2].startswith('url("data:image/svg+xml')
