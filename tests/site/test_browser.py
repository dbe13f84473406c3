"""The filters on the all-recommendations page, in Debian's Chromium driven by Playwright: what the
cross-engine suite (test_engines.py: choosing a filter, its count and address, Clear filters, a
filtered address through a reload, without JavaScript) does not already show.

Expected counts come from the report (see test_data.EXPECTED_COUNTS), not from the page itself.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from playwright.sync_api import expect

from support.browser import TWO_FRAMES, open_page, slowed_processor

pytestmark = pytest.mark.browser

def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all("#results .rec-card:not([hidden])", "cards => cards.map(c => c.id)")


def count_text(page) -> str:
    return page.locator("#rec-count").inner_text().strip()


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def open_all(page, address: str = "recommendations/") -> None:
    page.goto(address)
    page.locator("#filters[data-ready]").wait_for(state="visible")


def wait_for_count(page, text: str) -> None:
    """The count is written once the list has settled (for words: once typing pauses)."""
    expect(page.locator("#rec-count")).to_have_text(text)


def wait_for_query(page, expected: dict[str, list[str]]) -> None:
    """The address is written just after the list is drawn."""
    page.wait_for_function("q => location.search === q", arg="?" + urlencode(expected, doseq=True) if expected else "")
    assert query(page) == expected


def mark_window(page) -> None:
    """A flag that a full page load would wipe, to tell instant navigation from a reload."""
    page.evaluate("window.__sameDocument = true")


def page_was_swapped_in_place(page) -> bool:
    return page.evaluate("window.__sameDocument === true")


def test_a_malformed_escape_in_the_address_is_ignored_not_thrown(page):
    """A link cut short mid-escape (#%E0%A4%A) names no card: the list still works, with no script
    error (the tab fails the test on one)."""
    open_all(page, "recommendations/?audience=individuals-and-families#%E0%A4%A")
    wait_for_count(page, "Showing 7 of 48 recommendations")
    page.select_option("#filter-audience", "")
    wait_for_count(page, "Showing all 48 recommendations")


def test_the_count_is_a_polite_live_region(page):
    open_all(page)
    count = page.locator("#rec-count")
    assert count.get_attribute("aria-live") == "polite"
    assert count.get_attribute("role") == "status"


def test_theme_and_key_status_combine(page):
    open_all(page)
    page.select_option("#filter-theme", "personal-budget-process")
    page.select_option("#filter-key", "false")
    # Improving the PB process: 13 recommendations, 7 of them key, so 6 are not.
    assert count_text(page) == "Showing 6 of 48 recommendations"
    wait_for_query(page, {"theme": ["personal-budget-process"], "key": ["false"]})
    keys = page.eval_on_selector_all("#results .rec-card:not([hidden])", "cards => cards.map(c => c.dataset.key)")
    assert set(keys) == {"false"}


def test_a_combination_with_no_match_says_so(page):
    open_all(page)
    page.select_option("#filter-audience", "individuals-and-families")
    page.select_option("#filter-key", "false")  # every individuals' recommendation is key
    assert visible_ids(page) == []
    assert count_text(page) == "Showing 0 of 48 recommendations"
    assert page.locator("#rec-none").is_visible()
    add = page.locator("#planner-bulk .planner-bulk__add")
    expect(add).to_have_text("Nothing to add to my plan")
    expect(add).to_be_disabled()
    # Its own button clears them (on a phone the panel with "Clear filters" may be closed), and the
    # focus goes to the count, which says what is shown now.
    page.click("#rec-none-clear")
    wait_for_count(page, "Showing all 48 recommendations")
    assert len(visible_ids(page)) == 48
    assert page.evaluate("document.activeElement.id") == "rec-count"
    assert not page.locator("#rec-none").is_visible()
    wait_for_query(page, {})


def test_an_unknown_value_in_the_address_shows_everything(page):
    open_all(page, "recommendations/?audience=nobody")
    assert len(visible_ids(page)) == 48
    assert page.locator("#filter-audience").input_value() == ""


def test_filters_still_work_after_instant_navigation_away_and_back(page):
    open_all(page, "recommendations/?audience=individuals-and-families")
    mark_window(page)
    first = page.locator("#results .rec-card:not([hidden])").first
    first.get_by_role("link", name=re.compile("individuals and families", re.I)).click()
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
    page.goto("", wait_until="networkidle")  # Material's bundle ready to navigate in place (a busy machine was slower)
    mark_window(page)
    page.locator("nav.md-nav--primary").get_by_role("link", name="All recommendations", exact=True).first.click()
    page.wait_for_url(re.compile(r"/recommendations/$"), wait_until="commit")
    page.locator("#filters").wait_for(state="visible")
    page.select_option("#filter-theme", "encouraging-demand")
    assert count_text(page) == "Showing 14 of 48 recommendations"  # 6 + 6 + 2
    assert page_was_swapped_in_place(page)


# --- words in the recommendation ----------------------------------------------------------------
# Expected matches worked out from data/recommendations.yaml (title, text and plain-words version;
# every word must occur, in any case, apostrophes and punctuation ignored), not read from the page.
DIRECT_PAYMENT = ["offer-all-pb-options", "offer-all-pb-options-for-support"]
# "job" is only in the plain-words version of these five, all key (the sixth match, in its own
# text, is for national organisations and not key).
JOB_FOR_INDIVIDUALS = ["find-local-employment-support", "ask-about-using-pb-for-work", "ask-about-provider-outcomes",
                       "share-good-practice-with-commissioner", "raise-employment-support-locally"]


def test_words_alone_narrow_the_list_and_go_in_the_address(page):
    open_all(page)
    page.fill("#filter-words", "Direct  PAYMENT,")
    assert visible_ids(page) == DIRECT_PAYMENT
    wait_for_count(page, "Showing 2 of 48 recommendations")
    wait_for_query(page, {"words": ["Direct PAYMENT,"]})
    # Curly or straight apostrophe, or none: the same words.
    for words in ("children’s", "children's", "childrens"):
        page.fill("#filter-words", words)
        assert visible_ids(page) == ["transition-presumption-of-employment", "think-about-employment-early"]


def test_words_combine_with_the_other_filters_and_the_plain_words_count(page):
    open_all(page)
    page.select_option("#filter-audience", "individuals-and-families")
    page.fill("#filter-words", "job")
    assert sorted(visible_ids(page)) == sorted(JOB_FOR_INDIVIDUALS)
    wait_for_count(page, "Showing 5 of 48 recommendations")
    # In the form's order (words first), though the audience was chosen first.
    wait_for_query(page, {"words": ["job"], "audience": ["individuals-and-families"]})
    page.select_option("#filter-theme", "personal-budget-process")
    wait_for_count(page, "Showing 1 of 48 recommendations")
    assert visible_ids(page) == ["ask-about-provider-outcomes"]
    wait_for_query(page, {"words": ["job"], "audience": ["individuals-and-families"],
                          "theme": ["personal-budget-process"]})


def test_words_in_the_address_survive_reload(page):
    open_all(page, "recommendations/?words=direct+payment")
    assert page.locator("#filter-words").input_value() == "direct payment"
    assert count_text(page) == "Showing 2 of 48 recommendations"
    page.reload()
    page.locator("#filters[data-ready]").wait_for()
    assert page.locator("#filter-words").input_value() == "direct payment"
    assert visible_ids(page) == DIRECT_PAYMENT


def test_words_come_back_with_the_back_button(page):
    open_all(page)
    mark_window(page)
    page.locator("#filter-words").press_sequentially("direct payment")
    wait_for_count(page, "Showing 2 of 48 recommendations")
    page.locator(f"#{DIRECT_PAYMENT[0]} h2 a").click()
    page.wait_for_url(re.compile(rf"/recommendations/{DIRECT_PAYMENT[0]}/$"), wait_until="commit")
    page.locator("p.citation").wait_for()
    page.go_back()
    page.wait_for_url(re.compile(r"/recommendations/\?words=direct\+payment$"), wait_until="commit")
    page.locator("#filters[data-ready]").wait_for()
    assert page.locator("#filter-words").input_value() == "direct payment"
    wait_for_count(page, "Showing 2 of 48 recommendations")
    page.go_forward()
    page.wait_for_url(re.compile(rf"/recommendations/{DIRECT_PAYMENT[0]}/$"), wait_until="commit")
    assert page_was_swapped_in_place(page)


def test_clear_filters_clears_the_words_too(page):
    open_all(page, "recommendations/?words=job&key=true")
    assert count_text(page) == "Showing 5 of 48 recommendations"
    page.click("#filter-clear")
    assert page.locator("#filter-words").input_value() == ""
    assert len(visible_ids(page)) == 48
    wait_for_count(page, "Showing all 48 recommendations")
    wait_for_query(page, {})


def test_the_count_is_announced_once_per_change_not_per_key(page):
    open_all(page)
    page.evaluate("""() => {
        window.__announced = [];
        new MutationObserver(() => window.__announced.push(document.getElementById("rec-count").textContent))
          .observe(document.getElementById("rec-count"), {childList: true, characterData: true, subtree: true});
    }""")
    page.locator("#filter-words").press_sequentially("direct payment", delay=40)
    wait_for_count(page, "Showing 2 of 48 recommendations")
    page.wait_for_timeout(1000)  # longer than the pause the count waits for
    assert page.evaluate("window.__announced") == ["Showing 2 of 48 recommendations"]
    page.select_option("#filter-key", "true")
    wait_for_count(page, "Showing 0 of 48 recommendations")
    page.locator("#filter-words").press("Control+a")
    page.locator("#filter-words").press("Backspace")
    wait_for_count(page, "Showing 28 of 48 recommendations")
    page.wait_for_timeout(1000)
    assert page.evaluate("window.__announced") == ["Showing 2 of 48 recommendations", "Showing 0 of 48 recommendations",
                                                   "Showing 28 of 48 recommendations"]


# --- on a phone, and layout shift -----------------------------------------------------------------

PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def test_on_a_phone_the_count_and_first_card_come_first_and_the_panel_says_what_is_on(tabs, site):
    with tabs.open(site.url, **PHONE) as page:
        open_all(page, "recommendations/?audience=individuals-and-families&key=true")
        toggle = page.locator("#filters button[aria-controls='filter-panel']")
        assert toggle.get_attribute("aria-expanded") == "false"
        expect(toggle).to_have_accessible_name("Filters: Individuals and families, key recommendations only")
        assert not page.locator("#filter-audience").is_visible()
        count = page.locator("#rec-count").bounding_box()
        first = page.locator("#results .rec-card:not([hidden]) h2").first.bounding_box()
        assert count["y"] + count["height"] <= 844 and first["y"] + first["height"] <= 844, (count, first)
        # By keyboard: the button opens the panel, and the panel's controls follow it.
        toggle.focus()
        page.keyboard.press("Enter")
        assert toggle.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Tab")
        expect(page.locator("#filter-words")).to_be_focused()
        page.keyboard.type("job")
        expect(toggle).to_have_accessible_name("Filters: words “job”, Individuals and families, key recommendations only")
        page.click("#filter-clear")
        expect(toggle).to_have_accessible_name("Filters: none")
        toggle.click()
        assert not page.locator("#filter-words").is_visible()


def test_on_a_phone_the_closed_panel_shows_its_whole_summary(tabs, site):
    """The closed button is where a phone reader sees the filters: never cut short with an ellipsis."""
    with tabs.open(site.url, **PHONE) as page:
        open_all(page, "recommendations/?words=direct+payment&audience=individuals-and-families"
                       "&theme=personal-budget-process&key=true")
        toggle = page.locator("#filter-toggle")
        expect(toggle).to_have_text("Filters: words “direct payment”, Individuals and families, "
                                    "Improving the Personal Budget process, key recommendations only")
        assert toggle.evaluate("b => b.scrollWidth <= b.clientWidth && b.scrollHeight <= b.clientHeight")
        box = toggle.bounding_box()
        count = page.locator("#rec-count").bounding_box()
        assert box["y"] + box["height"] <= count["y"], (box, count)


def test_on_a_wide_screen_the_panel_is_open(page):
    open_all(page)
    assert not page.locator("#filters button[aria-controls='filter-panel']").is_visible()
    assert page.locator("#filter-words").is_visible() and page.locator("#filter-key").is_visible()


LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
  }).observe({type: "layout-shift", buffered: true});
  setTimeout(() => resolve(total), 1500);
})"""


@pytest.mark.parametrize("address", ["recommendations/", "recommendations/?audience=individuals-and-families",
                                     "recommendations/?words=direct+payment&key=true",
                                     "recommendations/?words=direct+payment&audience=individuals-and-families"
                                     "&theme=personal-budget-process&key=true"])
def test_nothing_moves_as_the_list_page_loads_on_a_slow_phone(browser, site, address):
    """Cumulative layout shift (moved area, not time) at most 0.02, with the CPU four times slower
    until the page has loaded, run its scripts and drawn what they did."""
    with open_page(browser, site.url, **PHONE) as page:
        with slowed_processor(page, 4):
            page.goto(address, wait_until="load")
            page.evaluate(TWO_FRAMES)
        assert page.evaluate(LAYOUT_SHIFT) <= 0.02
