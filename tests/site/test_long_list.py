"""A long all-recommendations list in the browser, on a site built with many recommendations
(scripts/synthetic.py): fifty at a time with "Show more", matches counted and all printed, a link to
a card far down the list, and axe on what a long list adds (tests/core/test_plan.py checks the plan)."""

from __future__ import annotations

import re

import pytest

from localserver import served
from support.axe import AXE_TAGS, add_axe, axe_run, described
from support.browser import tab_for_test
from support.project import ROOT
from support.site import build_site

pytestmark = pytest.mark.browser


LONG = 130  # more than two pages of 50


# The long list's tests share one worker (`dev.py test` runs --dist loadgroup), so its site is built
# once, not once in each worker that takes one of them.
LONG_LIST = pytest.mark.xdist_group("long list")


@pytest.fixture(scope="module")
def long_site(tmp_path_factory):
    from synthetic import write_project

    project = write_project(ROOT, tmp_path_factory.mktemp("long"), LONG)
    site_dir = project / "site"
    site_dir.mkdir()
    with served(site_dir) as url:
        build_site(project, site_dir, url)
        yield url


@pytest.fixture
def long_page(tabs, long_site, request):
    yield from tab_for_test(tabs, request, long_site)


def open_list(page, address: str) -> None:
    page.goto(address)
    page.locator("#filters").wait_for(state="visible")


def shown_ids(page) -> list[str]:
    return page.eval_on_selector_all("#results .rec-card", "cards => cards.filter(c => c.checkVisibility()).map(c => c.id)")


@LONG_LIST
def test_a_long_list_shows_fifty_at_a_time_and_more_on_request(long_page):
    page = long_page
    open_list(page, "recommendations/")
    assert page.locator("#rec-count").inner_text() == "Showing 50 of 130 matching recommendations (130 in all)"
    shown = shown_ids(page)
    assert len(shown) == 50
    more = page.locator("#rec-more")
    assert more.inner_text() == "Show 50 more (80 not shown yet)"
    more.focus()
    page.keyboard.press("Enter")
    assert len(shown_ids(page)) == 100
    # Focus moves to the first card that appeared, so a keyboard user carries on reading there.
    assert page.evaluate("document.activeElement.closest('article').id") == shown_ids(page)[50]
    # Cards out of sight are laid out only as they come into view (site.css), so the button can
    # still be moving when a click is aimed at it: it is clicked once the page has settled (two
    # frames after scrolling it into view), as a reader's pointer would find it.
    more.scroll_into_view_if_needed()
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    more.click()
    assert len(shown_ids(page)) == 130 and not more.is_visible()


@LONG_LIST
def test_a_long_filtered_list_counts_matches_and_prints_them_all(long_page):
    page = long_page
    open_list(page, "recommendations/?audience=local-authorities-and-providers")
    matching = page.eval_on_selector_all(
        "#results .rec-card[data-audience='local-authorities-and-providers']", "cards => cards.length")
    assert matching > 50
    assert page.locator("#rec-count").inner_text() == (
        f"Showing 50 of {matching} matching recommendations (130 in all)")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert len(shown_ids(page)) == matching


@LONG_LIST
def test_a_link_to_a_card_far_down_a_long_list_still_shows_it(long_page):
    page = long_page
    open_list(page, "recommendations/")
    ids = page.eval_on_selector_all("#results .rec-card", "cards => cards.map(c => c.id)")
    in_view = """id => { const e = document.getElementById(id), r = e.getBoundingClientRect();
        return e.checkVisibility() && r.top < innerHeight && r.bottom > 0; }"""
    # Following a link on the page to a card that is not in the first 50...
    page.evaluate("id => { location.hash = id; }", ids[-1])
    page.wait_for_function(in_view, arg=ids[-1])  # waits (up to the default timeout) for the page to settle
    # ...and a council's link that opens the page at one.
    page.goto("about:blank")
    page.goto(f"recommendations/#{ids[-2]}")
    page.wait_for_function(in_view, arg=ids[-2])


# What a long list adds to the list page: the count of what is shown and the "Show more" button.
# Its cards are the list page's own (axe reads all 48 on the real site's list, in both schemes), so
# only the first run reads the whole page (cards hidden past fifty included); the others read these.
LONG_LIST_PARTS = "{include: [['#rec-count'], ['#rec-more']]}"


@LONG_LIST
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_long_list_with_its_show_more_button_has_no_axe_violations(tabs, long_site, scheme):
    found = []
    with tabs.open(long_site, color_scheme=scheme) as page:
        for address in ("recommendations/", "recommendations/?audience=local-authorities-and-providers"):
            page.goto(address)
            page.locator("#rec-more").wait_for(state="visible")
            page.locator("#rec-count").wait_for(state="visible")  # axe skips an include that matches nothing
            add_axe(page)
            whole = scheme == "light" and address == "recommendations/"
            found += described(address, page.evaluate(axe_run("document" if whole else LONG_LIST_PARTS), AXE_TAGS))
    assert not found, "\n".join(found)


# An ancestor of the list's cards a `:has()` rule may not be about: Chromium checks such a rule
# again at every change inside it, and a filter change on 5,000 cards went from 11 ms to 32 ms
# (a key typed from 1.7 ms to 23 ms) with one on .md-content (benchmarks/README.md).
_LIST_ANCESTORS = re.compile(r"(?:^|[\s,>~+])(?:html|body|\.md-container|\.md-main|\.md-content|\.md-typeset)"
                             r"(?:\.[\w-]+)*:has\(")


def _screen_rules(css: str) -> str:
    """The stylesheet without its comments and `@media print` blocks (a page being printed is not filtered)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    out, i = [], 0
    for match in re.finditer(r"@media\s+print\s*\{", css):
        if match.start() < i:
            continue
        out.append(css[i:match.start()])
        depth, j = 1, match.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        i = j
    return "".join(out) + css[i:]


def test_no_screen_rule_puts_has_on_an_ancestor_of_the_list():
    for sheet in ("site.css", "planner.css"):
        css = _screen_rules((ROOT / "docs" / "stylesheets" / sheet).read_text(encoding="utf-8"))
        found = [selector for selector in re.findall(r"([^{}]+)\{", css) if _LIST_ANCESTORS.search(selector)]
        assert found == [], (sheet, found)
    # The proof it can fail: the rule this replaced.
    assert _LIST_ANCESTORS.search(".md-content:has(.evidence-permalink, .appendix-part) .md-typeset .headerlink")
    assert not _screen_rules("@media print { .md-typeset:has(.brief) h1 { x: 1; } }").strip()
