"""The site stays usable as editors add recommendations (the benchmark measures the cost)."""

from __future__ import annotations

import re

import pytest

from support.project import DATA, ROOT, real_catalogue
from support.site import build_site
from localserver import served
from support.browser import tab_for_test
from recsite import paths
from recsite.pagekinds import MORE_ON_THEME
from recsite.plan import plan_site
from recsite.load import load_catalogue
from synthetic import write_data


def more_on_this_theme(markdown: str) -> str:
    return markdown.split("{#more-on-this-theme}", 1)[1]


def test_a_large_theme_lists_some_neighbours_and_links_to_the_rest(tmp_path):
    write_data(DATA, tmp_path, 160)  # the largest group (9 of 48 today) grows to 30
    catalogue = load_catalogue(tmp_path)
    plan = plan_site(catalogue, "https://example.org/")
    rec = max(catalogue.recommendations, key=lambda r: len(catalogue.select(theme=r.theme, audience=r.audience)))
    section = more_on_this_theme(plan.pages[paths.recommendation_page(rec.id)].markdown)
    listed = re.findall(r'<li><a href="\.\./([^/"]+)/"', section)
    assert len(listed) == MORE_ON_THEME
    assert rec.id not in listed
    # The list starts with the record after this one, so neighbours link to each other.
    group = catalogue.select(theme=rec.theme, audience=rec.audience)
    following = group[group.index(rec) + 1] if group.index(rec) + 1 < len(group) else group[0]
    assert listed[0] == following.id
    assert f'href="../../themes/{rec.theme.id}/#{rec.audience.id}"' in section


def test_today_every_recommendation_page_lists_all_of_its_theme_for_its_audience():
    catalogue = real_catalogue()
    plan = plan_site(catalogue, "https://example.org/")
    for rec in catalogue.recommendations:
        page = plan.pages[paths.recommendation_page(rec.id)].markdown
        others = [o for o in catalogue.select(theme=rec.theme, audience=rec.audience) if o.id != rec.id]
        if not others:
            continue
        related = set(rec.related)
        expected = [o.id for o in others if o.id not in related]
        section = more_on_this_theme(page) if expected else ""
        assert re.findall(r'<li><a href="\.\./([^/"]+)/"', section) == expected, rec.id
        assert "All recommendations on" not in section


# --- a long all-recommendations list in the browser -------------------------------------------

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


@pytest.mark.browser
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
    more.click()
    assert len(shown_ids(page)) == 130 and not more.is_visible()


@pytest.mark.browser
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


@pytest.mark.browser
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


@pytest.mark.browser
@LONG_LIST
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_long_list_with_its_show_more_button_has_no_axe_violations(tabs, long_site, scheme):
    from support.axe import AXE_TAGS, axe_run, axe_script, described

    found = []
    with tabs.open(long_site, color_scheme=scheme) as page:
        for address in ("recommendations/", "recommendations/?audience=local-authorities-and-providers"):
            page.goto(address)
            page.locator("#rec-more").wait_for(state="visible")
            page.locator("#rec-count").wait_for(state="visible")  # axe skips an include that matches nothing
            page.add_script_tag(path=str(axe_script()))
            whole = scheme == "light" and address == "recommendations/"
            found += described(address, page.evaluate(axe_run("document" if whole else LONG_LIST_PARTS), AXE_TAGS))
    assert not found, "\n".join(found)
