"""The planner's pages as built (recsite/planner.py's data, review spreadsheet and plan rules, on the
site): what loads where, the page without JavaScript, its labels, and the questions page."""

from __future__ import annotations

import copy
import csv
import io
import json

from recsite import planner, recordfields
from support.project import real_catalogue
from support.report_text import report_text
from support.site import text_of, words_of

CATALOGUE = real_catalogue()


def test_the_site_serves_the_plan_rules_module_made_from_planner_py(site):
    """The format, version and statuses are written once, in planner.py: the site serves them as
    the module the planner's scripts import (tests/core/test_planner.py: what it holds, and that no
    script writes one of them itself)."""
    assert (site.root / planner.PLAN_RULES_JS).read_text(encoding="utf-8") == planner.plan_rules_module()


def test_only_the_planners_pages_load_the_planner_app(site):
    """Every page loads the small planner.js and planner.css (the "Add to my plan" buttons); the
    planner's page alone loads planner-app.js, and the planner's two pages planner-app.css."""
    for address in ("", "recommendations/", "recommendations/employment-as-the-norm/", "planner/", "planner/questions/"):
        soup = site.soup(address)
        scripts = [tag["src"].rsplit("/", 1)[-1] for tag in soup.select("script[src]")]
        styles = [tag["href"].rsplit("/", 1)[-1] for tag in soup.select("link[rel=stylesheet]")]
        assert "planner.js" in scripts and "planner.css" in styles, address
        assert ("planner-app.js" in scripts) == (address == "planner/"), address
        assert ("planner-app.css" in styles) == address.startswith("planner/"), address
    app = site.soup("planner/").select_one("script[src$='planner-app.js']")
    assert app["type"] == "module" and app.find_parent(attrs={"data-md-component": "container"}) is not None, (
        "a module in the page's content, so Material's instant navigation loads it when the page is swapped in")
    for address in ("", "recommendations/"):  # the site's own scripts are modules, but for search-on-demand.js
        scripts = site.soup(address).select("script[src*='javascripts/']:not([src*='assets/'])")
        assert {tag["src"].rsplit("/", 1)[-1]: tag.get("type") for tag in scripts} == {
            "search-on-demand.js": None, "filters.js": "module", "copy-link.js": "module", "planner.js": "module"}


def test_the_planner_page_carries_its_data_with_the_spreadsheets_columns(site):
    soup = site.soup("planner/")
    assert json.loads(soup.select_one("#planner-data")["data-planner"])["columns"] == planner.CSV_COLUMNS


def read_review(site) -> list[dict]:
    raw = (site.root / planner.REVIEW_CSV).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_review_spreadsheet_has_every_recommendation_and_empty_review_columns(site):
    rows = read_review(site)
    assert list(rows[0]) == planner.CSV_COLUMNS
    assert [row["id"] for row in rows] == [rec.id for rec in CATALOGUE.recommendations]
    for row, rec in zip(rows, CATALOGUE.recommendations):
        assert row["report_words"] == rec.text
        assert row["plain_words"] == (rec.plain or "")
        assert row["url"] == f"{site.url.rstrip('/')}/recommendations/{rec.id}/"
        assert all(row[name] == "" for name in ("status", "owner", "target_date", "notes", "assessment", "actions",
                                                "plan_title", "organisation"))
        # Whose words each column is, Section 7's wording and how it differs, the twin: as recommendations.csv.
        assert (row["title_kind"], row["report_words_kind"], row["plain_words_kind"]) == ("site", "report", "site")
        assert row["section7_where"] == (rec.section7.source.where if rec.section7 else "")
        assert row["report_words_section7_wording"] == ((rec.section7 and rec.section7.wording) or "")
        assert row["section7_difference"] == (recordfields.section7_difference(rec) or "")
        assert row["twin"] == (rec.twin or "")
    assert rows[[row["id"] for row in rows].index("partnership-links")]["section7_difference"] == (
        "Section 7.1.2 adds “to promote an understanding, and use of employment support that is in line with "
        "evidence and best practice” at the end.")


def test_the_planner_page_works_without_javascript_through_the_review_spreadsheet(site):
    soup = site.soup("planner/")
    nojs = soup.select_one("#planner-nojs")
    assert nojs is not None and not nojs.has_attr("hidden")
    assert nojs.select_one("a[download]")["href"] == "review.csv"
    assert soup.select_one("#planner").has_attr("hidden")
    privacy = text_of(soup.select_one("#planner-privacy"))
    assert "stays on this device" in privacy and "sent nowhere" in privacy
    data = json.loads(soup.select_one("#planner-data")["data-planner"])
    assert len(data["recs"]) == 48
    # In the navigation.
    assert soup.select_one(".md-nav a[href$='planner/']") is not None or soup.select_one(".md-nav a[href='./']")


def test_every_planner_control_has_a_label(site):
    soup = site.soup("planner/")
    for control in soup.select("#planner select, #planner input, #planner textarea"):
        assert soup.select_one(f"label[for='{control['id']}']") is not None, control


def test_questions_page_asks_in_plain_words_with_the_reports_words_a_click_away(site):
    soup = site.soup("planner/questions/")
    recs = [rec for rec in CATALOGUE.recommendations if rec.audience.id == "individuals-and-families"]
    questions = soup.select(".planner-question")
    assert [q["id"] for q in questions] == [rec.id for rec in recs] and len(recs) == 7
    for question, rec in zip(questions, recs):
        assert text_of(question.select_one(".rec-plain__text")) == " ".join(rec.plain.split())
        exact = question.select_one("details.rec-exact [data-provenance='report']")
        assert words_of(exact) == " ".join(rec.text.split())
        assert question.select_one(".planner-question__answer") is not None
    assert soup.select_one(".planner-bulk")["data-planner-ids"].split() == [rec.id for rec in recs]


def test_questions_page_says_who_they_are_for_only_in_the_reports_words(site):
    """The report makes these recommendations to 'groups including people with learning disabilities
    or mental health problems, their families / carers, user-led organisations, other representative
    and VCS organisations' (A3.1.3, 7.1.3): the page quotes that, with its place, and says nothing of
    its own about who they are for (it once said 'people who use Personal Budgets and their families')."""
    soup = site.soup("planner/questions/")
    lede = copy.copy(soup.select_one(".lede"))  # the soup is shared: change a copy
    # What the page is for comes first; who the report says they are for follows, in its words.
    said_for = copy.copy(soup.select_one(".lede + .planner-questions__for"))
    individuals = next(a for a in CATALOGUE.audiences if a.id == "individuals-and-families")
    assert not lede.select("[data-provenance='report']")
    quoted = said_for.select("[data-provenance='report']")
    assert [text_of(q) for q in quoted] == [" ".join(individuals.includes.split())]
    assert "user-led organisations, other representative and VCS organisations" in text_of(quoted[0])
    assert " ".join(individuals.includes.split()) in " ".join(report_text().split())
    who = quoted[0].parent
    assert text_of(who.select_one(".provenance__tag")) == "In the report's words:"
    assert text_of(who.select_one(".evidence-source")) == "(Appendix 3, section A3.1.3, page 54)"
    who.decompose()
    ours = text_of(lede) + " " + text_of(said_for)
    # Our words name them only as the report's headings do ("Recommendations for individuals").
    assert "Here are the report's 7 recommendations for individuals in plain words" in ours
    assert all(f"A3.{n}.3. Recommendations for individuals" in report_text() for n in range(1, 5))
    assert not any(words in ours for words in ("people who use", "Personal Budget", "famil", "carer"))


def test_questions_link_each_glossary_term_they_use(site):
    soup = site.soup("planner/questions/")
    glossary = site.soup("glossary/")
    question = soup.select_one("#ask-about-using-pb-for-work")
    links = question.select(".planner-question__terms a")
    assert links, "no glossary terms listed"
    for link in links:
        assert link["href"].startswith("../../glossary/#")
        assert glossary.select_one(f"#{link['href'].split('#')[1]}") is not None
    assert "Personal Budget" in [link.get_text() for link in links]
