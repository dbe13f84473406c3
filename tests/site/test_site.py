"""The built site: every recommendation where a reader expects it, under its permanent id."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from support.project import DATA, real_catalogue
from support.site import text_of
from support.report_text import report_text

CATALOGUE = real_catalogue()
RECS = CATALOGUE.recommendations


def card_text(soup, rec_id: str) -> str:
    element = soup.find(id=rec_id)
    assert element is not None, f"no element with id {rec_id!r}"
    return text_of(element)


@pytest.mark.parametrize("rec", RECS, ids=[r.id for r in RECS])
def test_every_recommendation_appears_under_its_id_on_every_page_it_belongs_to(pages, rec):
    places = [f"audiences/{rec.audience.id}/", f"themes/{rec.theme.id}/", "recommendations/",
              f"recommendations/{rec.id}/"]
    for page in places:
        assert rec.text in card_text(pages(page), rec.id), f"{rec.id} text missing on {page}"
    if rec.key:  # the key recommendations page shows Section 7's words
        wording = rec.section7.wording or rec.text
        assert wording in card_text(pages("key-recommendations/"), rec.id), f"{rec.id} missing on the key page"


def test_non_key_recommendations_are_not_on_the_key_page(pages):
    soup = pages("key-recommendations/")
    cards = {card["id"] for card in soup.select("article.rec-card")}
    assert cards == {rec.id for rec in CATALOGUE.key_recommendations}
    assert len(cards) == 28


def test_key_recommendations_are_marked_in_words_not_only_colour(pages):
    soup = pages("recommendations/")
    for card in soup.select("article.rec-card"):
        marked = "Key recommendation" in card.get_text()
        assert marked == (card["data-key"] == "true"), card["id"]
        if marked:  # the star is drawn by CSS, so a screen reader hears the words only
            assert card.select_one(".rec-key").get_text() == "Key recommendation"


def test_audience_pages_group_by_theme_under_stable_heading_ids(pages):
    for audience in CATALOGUE.audiences:
        soup = pages(f"audiences/{audience.id}/")
        assert soup.h1.get_text(strip=True).startswith(f"Recommendations for {audience.title.lower()}")
        assert audience.includes in text_of(soup.find(id="who-this-is-for").find_next("blockquote"))
        for theme in CATALOGUE.themes:
            recs = CATALOGUE.select(theme=theme, audience=audience)
            heading = soup.find(id=theme.id)
            assert heading is not None and heading.name == "h2"
            assert heading.get_text(strip=True).startswith(theme.title)
            section_cards = []
            for sibling in heading.find_next_siblings():
                if sibling.name == "h2":
                    break
                if sibling.name == "article":
                    section_cards.append(sibling["id"])
            assert section_cards == [rec.id for rec in recs]


# "The report makes 7 recommendations for …", "the report's recommendations for …", "… of the NDTi
# report for …": wherever the site says for whom the report makes its recommendations, in a page or
# its description, it names them as the report's headings do (taxonomy.yaml's `report_name`), never
# by the site's own label ("individuals and families") nor in words of its own ("people who use
# Personal Budgets"). Who each audience includes is quoted from the report (the audience pages).
SAYS_FOR_WHOM = re.compile(r"(?:[Rr]eport makes \d+ recommendations?|[Rr]eport's (?:\d+ )?(?:key )?recommendations?"
                           r"|of the NDTi report) (?:for|to) ([A-Za-z][A-Za-z ,/]*)")


def test_whom_the_report_makes_recommendations_for_is_said_in_its_own_names(site):
    named = tuple(audience.report_name for audience in CATALOGUE.audiences)
    labels = [audience.title.lower() for audience in CATALOGUE.audiences
              if audience.title.lower() != audience.report_name]
    wrong, found = [], 0
    for address in site.addresses():
        soup = site.soup(address)
        texts = [text_of(soup.find("article") or soup.body)]
        texts += [meta["content"] for meta in soup.select('meta[name="description"], meta[property="og:description"]')]
        for text in texts:
            for match in SAYS_FOR_WHOM.finditer(text):
                found += 1
                whom = match.group(1)
                if not whom.startswith((*named, "each of its")) or whom.lower().startswith(tuple(labels)):
                    wrong.append(f"/{address}: {match.group(0)!r}")
    assert found > 100 and not wrong, "\n".join(wrong)


def test_audiences_are_named_as_the_reports_headings_name_them():
    report = report_text()
    for audience in CATALOGUE.audiences:
        for theme in range(1, len(CATALOGUE.themes) + 1):
            assert f"\nA3.{theme}.{audience.subsection}. Recommendations for {audience.report_name}\n" in report
            assert f"\n7.{theme}.{audience.subsection}. Key recommendations for {audience.report_name}\n" in report


def test_theme_pages_say_which_barrier_they_answer_with_its_page(pages):
    for theme in CATALOGUE.themes:
        soup = pages(f"themes/{theme.id}/")
        barrier = text_of(soup.find(id="barrier").find_next("div", class_="barrier"))
        assert theme.barrier.title in barrier
        assert f"Section {theme.barrier.section}, pages {theme.barrier.source.page}–" in barrier
        for audience in CATALOGUE.audiences:
            assert soup.find(id=audience.id).name == "h2"


def test_recommendation_page_has_source_citation_links_and_related(pages, site):
    rec = CATALOGUE.recommendation("offer-all-pb-options")
    soup = pages(f"recommendations/{rec.id}/")
    text = text_of(soup)
    assert "Appendix 3, section A3.3.2, page 55" in text
    permanent = f"{site.url}recommendations/{rec.id}/"
    assert soup.select_one("a.rec-detail__permalink")["href"] == permanent
    citation = soup.select_one("p.citation").get_text()
    assert citation == ("Watts, R., Harflett, N., Robinson, C. and Greig, R. (2014) The Use of Personal "
                        "Budgets for Employment Support. Bath: National Development Team for Inclusion "
                        f"(NDTi). Appendix 3, section A3.3.2, page 55. Available at: {permanent} "
                        "(record last changed 1 December 2026).")  # its title was changed
    links = {a["href"] for a in soup.select("article.rec-detail a")}
    assert {"../../audiences/local-authorities-and-providers/", "../../themes/personal-budget-process/"} <= links
    # (A glossary term in the theme's name, such as "evidence-based", is linked too: not a related page.)
    related = [a["href"] for a in soup.find(id="related").find_next("ul").select("a:not(.term)")]
    assert related == ["../offer-all-pb-options-for-support/"]


def test_section_7_wording_is_shown_where_it_differs(pages):
    rec = CATALOGUE.recommendation("partnership-links")
    text = text_of(pages(f"recommendations/{rec.id}/"))
    assert rec.section7.wording in text and "Section 7.1.2, page 36" in text


def test_all_recommendations_page_works_without_javascript(pages, site):
    soup = pages("recommendations/")
    cards = soup.select("#results article.rec-card")
    assert [card["id"] for card in cards] == [rec.id for rec in RECS]
    assert not any(card.has_attr("hidden") for card in cards)
    # Controls that need JavaScript are shown only once the page's first line of script has marked
    # it as scripted (so they have their place before the page is drawn); without it, none shows.
    # (The browser test without JavaScript checks what a reader sees; this checks the mechanism.)
    assert soup.find(id="filters").find_previous("script").string.startswith(
        'document.documentElement.classList.add("recsite-js"')
    css = (site.root / "stylesheets" / "site.css").read_text(encoding="utf-8")
    # As served: minified (recsite/minify.py).
    assert ".md-typeset .rec-filters{display:none" in css
    assert ".recsite-js .md-typeset .rec-filters{display:block" in css
    count = soup.find(id="rec-count")
    assert count.get_text(strip=True) == "Showing all 48 recommendations"
    assert count["aria-live"] == "polite"


def test_filter_options_are_the_taxonomy(pages):
    soup = pages("recommendations/")
    options = lambda name: [o["value"] for o in soup.select(f"select[name={name}] option")]
    assert options("audience") == ["", *(a.id for a in CATALOGUE.audiences)]
    assert options("theme") == ["", *(t.id for t in CATALOGUE.themes)]
    assert options("key") == ["", "true", "false"]


def test_downloads_hold_every_recommendation(site):
    rows = json.loads((site.root / "recommendations.json").read_text(encoding="utf-8"))
    assert [row["id"] for row in rows] == [rec.id for rec in RECS]
    first = rows[0]
    assert first == {**first, "id": "employment-as-the-norm", "key": True, "section": "A3.1.1", "page": 53,
                     "theme": "encouraging-demand", "audience": "national-organisations",
                     "url": f"{site.url}recommendations/employment-as-the-norm/"}
    table = list(csv.DictReader(io.StringIO((site.root / "recommendations.csv").read_text(encoding="utf-8"))))
    assert [row["text"] for row in table] == [rec.text for rec in RECS]
    assert {"id", "text", "theme", "audience", "key", "section", "page", "url"} <= set(table[0])


def test_home_page_counts_the_recommendations_for_each_audience_from_data(pages):
    text = text_of(pages(""))
    assert "48 recommendations, 28 of them key" in text
    audiences = [a["href"] for a in pages("").select(".entry-list a:not(.term)")]
    assert audiences == [f"audiences/{a.id}/" for a in CATALOGUE.audiences]


def test_navigation_lists_each_audience_and_theme(pages):
    nav = pages("").select_one("nav.md-nav--primary")
    hrefs = {a["href"] for a in nav.select("a[href]")}
    for audience in CATALOGUE.audiences:
        assert f"audiences/{audience.id}/" in hrefs
    for theme in CATALOGUE.themes:
        assert f"themes/{theme.id}/" in hrefs


def test_no_page_loads_anything_from_another_site(site):
    external = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']https?://(?!127\.0\.0\.1)""")
    for page in site.root.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not external.search(html.replace(f'rel="canonical" href="{site.url}', "")), page
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, page


def test_every_generated_page_has_exactly_one_h1(site):
    for page in site.root.rglob("*.html"):
        if page.name == "404.html":
            continue
        assert page.read_text(encoding="utf-8").count("<h1") == 1, page


def test_every_published_address_and_heading_anchor_exists(pages):
    """The register's theme, audience and barrier ids are pages, with the fixed anchors councils use."""
    import yaml

    register = yaml.safe_load((DATA / "published.yaml").read_text(encoding="utf-8"))
    expected = {
        "themes": ["barrier", "evidence", *(a.id for a in CATALOGUE.audiences)],
        "audiences": ["who-this-is-for"],
        "barriers": ["findings", "what-the-report-recommends"],
    }
    for kind, anchors in expected.items():
        for page_id in register[kind]:
            soup = pages(f"{kind}/{page_id}/")
            for anchor in anchors:
                assert soup.find(id=anchor) is not None, f"/{kind}/{page_id}/#{anchor} is missing"
    for rec_id in register["recommendations"]:
        assert pages(f"recommendations/{rec_id}/").find(id=rec_id) is not None


def test_every_registered_anchor_is_an_element_of_its_page(pages):
    """The anchors data/published.yaml registers for the evidence, appendix and barrier pages are
    what the check holds the data to (read/page_anchors.py): each is an element of its page's content
    as built, so a link to it lands there (a page's template losing one is caught here too)."""
    import yaml

    register = yaml.safe_load((DATA / "published.yaml").read_text(encoding="utf-8"))
    assert len(register["anchors"]) == 1 + len(CATALOGUE.evidence.pages) + len(CATALOGUE.evidence.appendices) + 4
    for address, anchors in register["anchors"].items():
        article = pages(address.lstrip("/")).find("article")
        ids = {element["id"] for element in article.select("[id]")}
        missing = [anchor for anchor in anchors if anchor not in ids]
        assert not missing, f"{address}: {missing} missing from the page"
    barrier = register["anchors"]["/barriers/personal-budget-process/"]
    assert barrier[:2] == ["findings", "what-the-report-recommends"] and "facs-eligibility" in barrier


INDIVIDUALS = [rec for rec in RECS if rec.audience.id == "individuals-and-families"]


@pytest.mark.parametrize("rec", INDIVIDUALS, ids=[r.id for r in INDIVIDUALS])
def test_individuals_read_plain_words_first_with_the_reports_words_one_click_away(pages, rec):
    from recsite.read.recommendations import PLAIN_SENTENCE_WORDS, plain_sentences

    assert rec.plain, f"{rec.id} has no plain-words version"
    for sentence in plain_sentences(rec.plain):
        assert len(sentence.split()) <= PLAIN_SENTENCE_WORDS, sentence
    assert not re.search(r"\b[A-Z]{2,}s?\b", rec.plain), "no abbreviations in plain words"
    card = pages("audiences/individuals-and-families/").find(id=rec.id)
    plain, exact = card.select_one(".rec-plain"), card.select_one("details.rec-exact")
    assert rec.plain in text_of(plain) and "our summary" in plain.get_text()
    # Heard by screen readers, not seen: the dashed line says whose words they are (the key explains it).
    assert "visually-hidden" in plain.select_one(".rec-plain__note")["class"]
    assert rec.text in text_of(exact)
    assert str(card).index("rec-plain") < str(card).index("rec-exact")  # plain words come first


# Capitals the report uses for emphasis in its survey questions ("IF YES", "are NOT"), not abbreviations.
EMPHASIS = {"IF", "YES", "NO", "NOT"}
# The names of the site's licences (About, the reuse page), linked to their texts where they are named.
LICENCE_NAMES = {"CC", "BY", "MIT"}


def test_every_abbreviation_on_the_site_is_in_the_glossary(site, articles):
    known = {form for term in CATALOGUE.glossary for form in term.forms}
    missing = {}
    for address in site.addresses():
        article = articles(address)
        if article is None:
            continue
        for token in re.findall(r"\b[A-Z][A-Za-z]*[A-Z][a-z]?\b", article.get_text(" ")):
            if token not in known and token.rstrip("s") not in known and token not in EMPHASIS | LICENCE_NAMES:
                missing.setdefault(token, address or "/")
    assert not missing, f"abbreviations used but not in data/glossary.yaml: {missing}"


def test_the_first_use_of_a_term_on_a_page_is_explained_and_linked(pages):
    soup = pages("recommendations/")
    links = soup.select("article a.term[href='../glossary/#dwp']")
    assert len(links) == 1, "only the first use on a page is linked"
    # The first use in running text (headings and other links are left alone) is the linked one.
    first_dwp = next(el for el in soup.find("article").find_all(string=re.compile(r"\bDWP\b"))
                     if not el.find_parent(["h1", "h2", "h3", "h4", "h5", "h6"])
                     and not any(a.get("class") != ["term"] for a in el.find_parents("a")))
    assert first_dwp.parent.name == "abbr" and first_dwp.find_parent("a", class_="term") is links[0]
    assert links[0].abbr["title"] == "Department for Work and Pensions (DWP)"
    assert links[0]["data-definition"].startswith("Department for Work and Pensions (DWP): ")
    for term_link in soup.select("a.term"):
        assert not term_link.find_parent(["a", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label"])


def test_the_glossary_lists_every_term_under_its_id(pages):
    soup = pages("glossary/")
    for term in CATALOGUE.glossary:
        entry = soup.find(id=term.id)
        assert entry is not None and term.term in entry.get_text()
        assert term.definition in text_of(entry.find_next("p"))
    required = {"Personal Budget", "Direct Payment", "Individual Service Fund", "Resource Allocation System",
                "Fair Access to Care Services", "Jobcentre Plus", "Access to Work", "Work Choice",
                "Right to Control", "Individual Placement and Support", "supported employment",
                "User-Led Organisation", "voluntary and community sector",
                "British Association for Supported Employment", "Association of Directors of Adult Social Services",
                "Care Act", "Local Offer", "Preparing for Adulthood"}
    assert required <= {term.term for term in CATALOGUE.glossary}


def test_search_finds_each_recommendation_once_on_its_own_page(site):
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    for rec in CATALOGUE.recommendations:
        opening = rec.text[:60]
        found = {doc["location"].split("#")[0] for doc in index["docs"] if opening in doc["text"]}
        # (Two recommendations of the report begin with the same words, so both pages may match.)
        assert f"recommendations/{rec.id}/" in found, rec.id
        assert all(re.fullmatch(r"recommendations/[a-z0-9-]+/", place) for place in found), (rec.id, found)
    # A title is found on its own page, not on every page that links to it ("More on this theme",
    # "Related", list cards); only a title inside another title is found there too.
    for rec in CATALOGUE.recommendations:
        found = {doc["location"].split("#")[0] for doc in index["docs"] if rec.title in doc["title"] + doc["text"]}
        assert found == {f"recommendations/{other.id}/" for other in CATALOGUE.recommendations
                         if rec.title in other.title}, rec.id
    # The list pages are still found by their own words.
    assert any(doc["location"].startswith("themes/encouraging-demand/") for doc in index["docs"])
    assert "data-search-exclude" not in site.html("recommendations/")


def test_every_footer_link_names_the_page_it_leads_to(site):
    # The hook empties each finished page to save memory (hooks/main.py, on_post_page); a page's
    # title is read again by the next page's footer ("Previous: …"), which once said "None".
    import re

    for address in site.addresses():
        html = site.html(address)
        for label in re.findall(r'class="md-footer__link[^"]*" aria-label="([^"]*)"', html):
            assert label.split(": ", 1)[-1] not in ("", "None"), (address, label)
