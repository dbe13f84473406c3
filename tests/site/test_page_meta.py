"""Words from the data reach people intact wherever the theme puts them: the page title, the
navigation, the footer's previous/next links, the search results and the meta description that
search engines and link previews show. Nothing is cut short or escaped twice (a reader would see
"Professionals&#39; attitudes"), and published heading anchors keep working."""

from __future__ import annotations

import re

import pytest

from support.project import real_catalogue
from support.site import in_theme
from recsite import paths
from recsite.plan import plan_site

CATALOGUE = real_catalogue()
DESCRIPTIONS = {path: page.description for path, page in plan_site(CATALOGUE, "http://127.0.0.1:8000/").pages.items()}
SITE_DESCRIPTION = ('The findings and recommendations of the NDTi report "The Use of Personal Budgets for '
                    'Employment Support" (May 2014), for national bodies, local authorities and providers, '
                    'and individuals and families.')
SITE_NAME = "Personal Budgets for Employment Support"
APOSTROPHE_BARRIER = "barriers/professionals-attitudes/"
# An escape left over as text: what a reader sees when something was escaped twice.
LEFTOVER_ESCAPE = re.compile(r"&(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);", re.IGNORECASE)


def address(docs_path: str) -> str:
    return paths.url_of(docs_path)


@pytest.fixture(scope="module")
def soups(site):
    return {page: site.soup(page) for page in site.addresses()}


def description(soup) -> str:
    metas = soup.find_all("meta", attrs={"name": "description"})
    assert len(metas) == 1, "a page needs exactly one meta description"
    return metas[0]["content"]


def test_no_page_shows_an_escape_code_as_text(soups):
    """Text and attribute values, as the browser reads them, never contain '&#39;' or '&amp;'."""
    for page, soup in soups.items():
        for text in soup.find_all(string=LEFTOVER_ESCAPE):
            if text.parent.name not in ("script", "style"):
                pytest.fail(f"/{page}: {text.parent.name} shows {text.strip()[:80]!r}")
        for tag in soup.find_all(True):
            for name, value in tag.attrs.items():
                values = value if isinstance(value, list) else [value]
                assert not any(LEFTOVER_ESCAPE.search(v) for v in values), f"/{page}: <{tag.name} {name}={value!r}>"


def test_footer_links_are_named_by_the_words_they_show(soups):
    """The previous/next links' accessible names match their visible titles (axe's
    label-content-name-mismatch): a title with an apostrophe was escaped twice in the name."""
    checked = 0
    for page, soup in soups.items():
        for link in soup.select("a.md-footer__link"):
            direction = link.select_one(".md-footer__direction").get_text(" ", strip=True)
            title = link.select_one(".md-ellipsis").get_text(" ", strip=True)
            assert link["aria-label"] == f"{direction}: {title}", f"/{page}"
            checked += 1
    assert checked > 50
    neighbour = soups["barriers/demand-and-expectations/"].select_one("a.md-footer__link--next")
    assert neighbour["aria-label"] == "Next: Professionals' attitudes towards employment"


def test_titles_from_data_are_shown_once_escaped_in_the_title_nav_and_header(soups):
    soup = soups[APOSTROPHE_BARRIER]
    title = "Professionals' attitudes towards employment"
    assert soup.title.get_text() == f"{title} - {SITE_NAME}"
    assert soup.select_one(".md-header__topic:last-child .md-ellipsis").get_text(strip=True) == title
    nav_titles = {a.get_text(" ", strip=True) for a in soup.select(".md-nav--primary a.md-nav__link")}
    assert title in nav_titles
    rec = CATALOGUE.recommendations[0]
    assert soups[address(paths.recommendation_page(rec.id))].title.get_text() == f"{rec.title} - {SITE_NAME}"


def test_every_page_has_its_whole_description(soups):
    for page, soup in soups.items():
        if not in_theme(page):
            continue   # an embed card, shown in a frame on other sites: nothing to describe to search engines
        assert description(soup), f"/{page} has an empty description"
    # The site's own description, with its quotation marks, is no longer cut short at the first one.
    assert description(soups[""]) == SITE_DESCRIPTION
    assert description(soups["404.html"]) == SITE_DESCRIPTION


def test_generated_pages_describe_themselves(soups):
    for docs_path, expected in DESCRIPTIONS.items():
        assert description(soups[address(docs_path)]) == expected, docs_path
    seen: dict[str, str] = {}
    for docs_path, text in DESCRIPTIONS.items():
        assert text not in seen, f"{docs_path} and {seen.get(text)} have the same description"
        seen[text] = docs_path


def test_a_recommendation_page_describes_that_recommendation(soups):
    rec = next(r for r in CATALOGUE.recommendations if r.key)
    text = description(soups[address(paths.recommendation_page(rec.id))])
    assert text.startswith(f"{rec.title} (this site's title). A key recommendation of the NDTi report for ")
    assert rec.audience.title.lower() in text.lower() and rec.theme.title.lower() in text.lower()
    assert rec.text.split()[0] in text


def test_barrier_and_evidence_pages_carry_their_own_summary(soups):
    theme = CATALOGUE.themes[0]
    barrier_page = address(paths.barrier_page(theme.barrier.id))
    assert " ".join(theme.barrier.summary.split())[:100] in description(soups[barrier_page])
    evidence_page = CATALOGUE.evidence.pages[0]
    assert description(soups[address(paths.evidence_page(evidence_page.id))]) == " ".join(
        evidence_page.summary.split())


def test_a_hand_written_page_sets_its_description_in_front_matter(soups):
    assert description(soups["about/"]) == (
        'Who wrote the NDTi report "The Use of Personal Budgets for Employment Support" (2014) and who '
        "paid for it, how the research was done and its limits, how to cite it, and how this site was made.")


def test_a_heading_id_has_no_escape_code_and_its_published_anchor_still_works(soups):
    soup = soups[APOSTROPHE_BARRIER]
    assert soup.h1["id"] == "professionals-attitudes-towards-employment"
    # Published before the fix: the old anchor is still on the page, just before the heading.
    old = soup.find(id="professionals39-attitudes-towards-employment")
    assert old is not None and old.find_next("h1") is soup.h1
    assert not old.get_text(strip=True)


@pytest.mark.browser
def test_following_the_old_heading_anchor_lands_on_the_heading(tabs, site):
    with tabs.open(site.url) as page:
        page.goto(f"{APOSTROPHE_BARRIER}#professionals39-attitudes-towards-employment")
        assert page.locator("h1").is_visible()
        assert page.evaluate("document.querySelector('h1').getBoundingClientRect().top") < 200


@pytest.mark.browser
def test_search_shows_titles_as_written(tabs, site):
    with tabs.open(site.url) as page:
        page.goto("")
        search = page.locator("input.md-search__input")
        search.click()
        # The index loads in a web worker; on a busy machine that takes a while. Typing before it is
        # ready can leave the results at "Initializing search".
        page.locator(".md-search-result__meta", has_text="Type to start searching").wait_for(timeout=60_000)
        search.press_sequentially("professionals attitudes")  # Material searches on key presses
        results = page.locator(".md-search-result__item h1, .md-search-result__item h2")
        results.first.wait_for(timeout=30_000)
        shown = " | ".join(results.all_inner_texts())
        assert "Professionals' attitudes towards employment" in shown, shown
        assert not LEFTOVER_ESCAPE.search(shown), shown


def test_a_recommendations_link_preview_quotes_the_reports_words_apart_from_the_sites_title(soups):
    """A link preview shows the description alone, without the page's marks of whose words are
    whose: it says the title is the site's and puts the report's words in quotation marks."""
    for rec in CATALOGUE.recommendations:
        said = description(soups[address(paths.recommendation_page(rec.id))])
        assert said.startswith(f"{rec.title} (this site's title). "), rec.id
        assert quotes(said, "in its words: “", rec.text), rec.id


def test_an_audiences_description_quotes_the_reports_words_on_who_it_is_for(soups):
    for audience in CATALOGUE.audiences:
        said = description(soups[address(paths.audience_page(audience.id))])
        assert quotes(said, "In the report's words: “", audience.includes), audience.id


def quotes(said: str, opening: str, words: str) -> bool:
    """Whether a description ends by quoting `words` after `opening`: whole, or cut at a word with
    an ellipsis (descriptions.shorten), the quotation closed either way."""
    words = " ".join(words.split())
    quoted = said[said.index(opening) + len(opening):]
    return quoted == f"{words}”" or (quoted.endswith("…”") and words.startswith(quoted.removesuffix("…”")))
