"""The filters on the all-recommendations page, in Debian's Chromium driven by Playwright.

Expected counts come from the report (see test_data.EXPECTED_COUNTS), not from the page itself.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import open_page

pytestmark = pytest.mark.browser

def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("#results .rec-card:not([hidden])", "cards => cards.map(c => c.id)")


def count_text(page) -> str:
    return page.locator("#rec-count").inner_text().strip()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def open_all(page, address: str = "recommendations/") -> None:
    page.goto(address)
    page.locator("#filters").wait_for(state="visible")


def mark_window(page) -> None:
    """A flag that a full page load would wipe, to tell instant navigation from a reload."""
    page.evaluate("window.__sameDocument = true")


def page_was_swapped_in_place(page) -> bool:
    return page.evaluate("window.__sameDocument === true")


def test_audience_filter_shows_exactly_that_audience_and_says_how_many(page):
    open_all(page)
    assert count_text(page) == "Showing all 48 recommendations"
    page.select_option("#filter-audience", "individuals-and-families")
    shown = visible_ids(page)
    assert len(shown) == 7  # 2 + 1 + 2 + 2 in the report's four themes
    audiences = page.eval_on_selector_all(
        "#results .rec-card:not([hidden])", "cards => cards.map(c => c.dataset.audience)")
    assert set(audiences) == {"individuals-and-families"}
    assert count_text(page) == "Showing 7 of 48 recommendations"
    assert query(page) == {"audience": ["individuals-and-families"]}


def test_the_count_is_a_polite_live_region(page):
    open_all(page)
    count = page.locator("#rec-count")
    assert count.get_attribute("aria-live") == "polite"
    assert count.get_attribute("role") == "status"


def test_a_shared_filtered_address_survives_reload(page):
    open_all(page, "recommendations/?theme=evidence-based-support&key=true")
    assert count_text(page) == "Showing 6 of 48 recommendations"  # 1 + 3 + 2 key
    page.reload()
    page.locator("#filters").wait_for(state="visible")
    assert page.locator("#filter-theme").input_value() == "evidence-based-support"
    assert page.locator("#filter-key").input_value() == "true"
    assert len(visible_ids(page)) == 6


def test_theme_and_key_status_combine(page):
    open_all(page)
    page.select_option("#filter-theme", "personal-budget-process")
    page.select_option("#filter-key", "false")
    # Improving the PB process: 13 recommendations, 7 of them key, so 6 are not.
    assert count_text(page) == "Showing 6 of 48 recommendations"
    assert query(page) == {"theme": ["personal-budget-process"], "key": ["false"]}
    keys = page.eval_on_selector_all("#results .rec-card:not([hidden])", "cards => cards.map(c => c.dataset.key)")
    assert set(keys) == {"false"}


def test_clearing_restores_all_48_and_the_plain_address(page):
    open_all(page, "recommendations/?audience=national-organisations&key=true")
    assert count_text(page) == "Showing 9 of 48 recommendations"  # 3 + 3 + 2 + 1 key
    page.click("#filter-clear")
    assert len(visible_ids(page)) == 48
    assert count_text(page) == "Showing all 48 recommendations"
    assert query(page) == {}


def test_a_combination_with_no_match_says_so(page):
    open_all(page)
    page.select_option("#filter-audience", "individuals-and-families")
    page.select_option("#filter-key", "false")  # every individuals' recommendation is key
    assert visible_ids(page) == []
    assert count_text(page) == "Showing 0 of 48 recommendations"
    assert page.locator("#rec-none").is_visible()


def test_an_unknown_value_in_the_address_shows_everything(page):
    open_all(page, "recommendations/?audience=nobody")
    assert len(visible_ids(page)) == 48
    assert page.locator("#filter-audience").input_value() == ""


def test_filters_still_work_after_instant_navigation_away_and_back(page):
    open_all(page, "recommendations/?audience=individuals-and-families")
    mark_window(page)
    first = page.locator("#results .rec-card:not([hidden])").first
    first.get_by_role("link", name=re.compile("Individuals and families")).click()
    page.wait_for_url(re.compile(r"/audiences/individuals-and-families/$"), wait_until="commit")
    page.locator("h1", has_text="Individuals and families").wait_for()
    page.go_back()
    page.wait_for_url(re.compile(r"/recommendations/\?audience=individuals-and-families$"),
                      wait_until="commit")
    page.locator("#filters").wait_for(state="visible")
    assert count_text(page) == "Showing 7 of 48 recommendations"
    # …and the controls still answer after the swap.
    page.select_option("#filter-audience", "national-organisations")
    assert count_text(page) == "Showing 12 of 48 recommendations"  # 6 + 3 + 2 + 1
    assert page_was_swapped_in_place(page)


def test_arriving_by_instant_navigation_sets_up_the_filters(page):
    page.goto("")
    mark_window(page)
    page.locator("nav.md-nav--primary").get_by_role("link", name="All recommendations", exact=True).first.click()
    page.wait_for_url(re.compile(r"/recommendations/$"), wait_until="commit")
    page.locator("#filters").wait_for(state="visible")
    page.select_option("#filter-theme", "encouraging-demand")
    assert count_text(page) == "Showing 14 of 48 recommendations"  # 6 + 6 + 2
    assert page_was_swapped_in_place(page)


def test_without_javascript_every_recommendation_is_shown_and_no_dead_control(browser, site):
    with open_page(browser, site.url, java_script_enabled=False) as page:
        page.goto("recommendations/")
        assert page.locator("#results .rec-card").count() == 48
        assert all(page.locator("#results .rec-card").nth(i).is_visible() for i in (0, 47))
        assert not page.locator("#filters").is_visible()
