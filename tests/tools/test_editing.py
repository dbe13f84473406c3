"""What editors' changes do to the built site: hostile or unusual text stays inert text, a retired
recommendation's address keeps working, change history is shown, and pages link to their data."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from bs4 import BeautifulSoup

from support.site import build_site, text_of

HOSTILE_TITLE = "<img src=x onerror=alert(1)> \"Quoted\" & 'single'"
HOSTILE_TEXT = ("<script>alert(\"x\")</script> [a link](javascript:alert(1)) **not bold** {{ config }} "
                "</p></article><b onclick=\"alert(2)\">escape</b>")
# A barrier's title is in the navigation, the footer's previous/next links and the page title.
HOSTILE_BARRIER = "Demand <script>alert(3)</script> & \"quotes\" 'too' &amp; &#39;"
BARRIER_TITLE = "Demand from the individual and/or their family for employment"
FORMULA_TITLE = "=HYPERLINK(\"http://example.com\",\"Click\")"
LONG_TEXT = " ".join(["Use every opportunity to promote employment as the norm for disabled people."] * 60)
WELSH_TITLE = "Hyrwyddo cyflogaeth fel y norm – “gwaith” i bawb ✓"
REPO = "https://github.com/example/pb-site"


def _record(text: str, rec_id: str) -> str:
    """The block of one record in recommendations.yaml."""
    start = text.index(f"  - id: {rec_id}\n")
    end = text.find("\n  - id: ", start + 1)
    return text[start:end + 1] if end != -1 else text[start:]


def _set_field(block: str, field: str, value: str) -> str:
    """Replace a (possibly folded, multi-line) field of a record block with a quoted value."""
    pattern = re.compile(rf"^    {field}: (>-\n(?:      .*\n)+|.*\n)", re.MULTILINE)
    return pattern.sub(lambda _: f"    {field}: {json.dumps(value, ensure_ascii=False)}\n", block, count=1)


@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    """The real site after an editor's pull request: hostile, formula-like, very long and Welsh text,
    one record retired and replaced, a change history, a finding renamed with its old anchor
    retired, and glossary terms named like character references. One build for all of them."""
    root = tmp_path_factory.mktemp("edited")
    from support.project import copy_project
    copy_project(root)

    recs_path = root / "data" / "recommendations.yaml"
    text = recs_path.read_text(encoding="utf-8")
    first = _record(text, "employment-as-the-norm")
    changed = _set_field(_set_field(first, "title", HOSTILE_TITLE), "text", HOSTILE_TEXT)
    # The editor's change history replaces the record's own (so the dates below are its only ones).
    changed = re.sub(r"    changes:\n(      - .*\n)+", "", changed)
    changed += ('    changes:\n      - {date: "2026-03-01", change: "Title shortened."}\n'
                '      - {date: "2026-05-20", change: "Typo corrected."}\n')
    text = text.replace(first, changed)
    for rec_id, field, value in (("publish-outcome-measures", "title", FORMULA_TITLE),
                                 ("supported-employment-criteria", "text", LONG_TEXT),
                                 ("wellbeing-includes-employment", "title", WELSH_TITLE)):
        block = _record(text, rec_id)
        text = text.replace(block, _set_field(block, field, value))
    retired_block = _record(text, "job-coaching-standards")
    text = text.replace(retired_block, "")
    recs_path.write_text(text, encoding="utf-8")

    taxonomy = root / "data" / "taxonomy.yaml"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8").replace(
        f"title: {BARRIER_TITLE}\n", f"title: {json.dumps(HOSTILE_BARRIER)}\n"), encoding="utf-8")

    register = root / "data" / "published.yaml"
    text = register.read_text(encoding="utf-8").replace("retired: []\n", (
        "retired:\n"
        "  - id: job-coaching-standards\n"
        "    date: \"2026-06-30\"\n"
        "    reason: Merged into a wider recommendation.\n"
        "    title: Support standards for job coaching\n"
        "    text: The text it had.\n"
        "    replaced_by: employment-as-the-norm\n"))
    # A finding renamed, its old anchor retired. Its quotes' anchor (facs-eligibility-quotes) is
    # named after it, so it is renamed and retired too.
    text = text.replace("    - facs-eligibility\n    - facs-eligibility-quotes\n",
                        "    - facs-eligibility\n    - facs-eligibility-quotes\n"
                        "    - facs-criteria\n    - facs-criteria-quotes\n")
    text = text.replace("retired_anchors: []\n", (
        "retired_anchors:\n  - {page: /barriers/personal-budget-process/, id: facs-eligibility, "
        'replaced_by: facs-criteria, date: "2026-12-01", reason: A clearer id.}\n'
        "  - {page: /barriers/personal-budget-process/, id: facs-eligibility-quotes, "
        'replaced_by: facs-criteria-quotes, date: "2026-12-01", reason: A clearer id.}\n'))
    register.write_text(text, encoding="utf-8")
    evidence = root / "data" / "evidence.yaml"
    evidence.write_text(evidence.read_text(encoding="utf-8").replace(
        "      - id: facs-eligibility\n", "      - id: facs-criteria\n"), encoding="utf-8")

    # Glossary terms named like a character reference (&amp;) and its number (&#39;).
    glossary = root / "data" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace("terms:\n", (
        "terms:\n  - id: amp\n    term: amp\n    definition: Also a character reference's name.\n"
        "  - id: thirty-nine\n    term: \"39\"\n    definition: Also a character reference's number.\n"), 1),
        encoding="utf-8")

    site = root / "site"
    import os
    os.environ["REPO_URL"] = REPO
    try:
        build_site(root, site, "https://example.org/pb/")
    finally:
        del os.environ["REPO_URL"]
    return site


def soup_of(site, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


PAGES = ["recommendations/", "recommendations/employment-as-the-norm/", "key-recommendations/",
         "audiences/national-organisations/", "themes/encouraging-demand/", "barriers/demand-and-expectations/",
         "changes/"]


@pytest.mark.parametrize("page", PAGES)
def test_hostile_text_is_shown_as_text_and_never_runs(edited, page):
    soup = soup_of(edited, page)
    assert not soup.find("img", src="x"), "an <img> from the data became an element"
    assert not soup.find(attrs={"onclick": True}) and not soup.find(attrs={"onerror": True})
    assert not any("alert" in (script.string or "") for script in soup.find_all("script"))
    assert not soup.find("a", href=re.compile(r"^javascript:"))
    card = soup.find(id="employment-as-the-norm")
    if card is not None and page != "changes/":
        shown = text_of(card)
        assert "<script>alert(\"x\")</script>" in shown and "**not bold**" in shown and "{{ config }}" in shown
        assert HOSTILE_TITLE in text_of(soup)


def test_hostile_text_in_attributes_stays_inside_them(edited):
    html = (edited / "recommendations" / "employment-as-the-norm" / "index.html").read_text(encoding="utf-8")
    # Every quote from the data is escaped wherever it lands, so no attribute can be closed early
    # and no event handler can appear.
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        assert not any(name.startswith("on") for name in tag.attrs), tag.name


def test_hostile_titles_are_whole_text_in_the_title_header_description_nav_and_footer(edited):
    site_name = "Personal Budgets for Employment Support"
    soup = soup_of(edited, "recommendations/employment-as-the-norm/")
    assert soup.title.get_text() == f"{HOSTILE_TITLE} - {site_name}"
    assert soup.select_one(".md-header__topic:last-child .md-ellipsis").get_text(strip=True) == HOSTILE_TITLE
    assert soup.find("meta", attrs={"name": "description"})["content"].startswith(f"{HOSTILE_TITLE} (this site's title). A ")

    barrier = soup_of(edited, "barriers/demand-and-expectations/")
    assert barrier.title.get_text() == f"{HOSTILE_BARRIER} - {site_name}"
    assert barrier.h1.get_text().startswith(HOSTILE_BARRIER)
    assert not barrier.find("script", string=re.compile("alert"))
    nav = [a.get_text(" ", strip=True) for a in barrier.select(".md-nav--primary a.md-nav__link")]
    assert HOSTILE_BARRIER in nav
    # The next barrier's footer links back with the same words, seen and spoken, escaped once.
    previous = soup_of(edited, "barriers/professionals-attitudes/").select_one("a.md-footer__link--prev")
    assert previous["aria-label"] == f"Previous: {HOSTILE_BARRIER}"
    assert previous.select_one(".md-ellipsis").get_text(strip=True) == HOSTILE_BARRIER


def test_downloads_carry_hostile_text_safely(edited):
    records = {r["id"]: r for r in json.loads((edited / "recommendations.json").read_text(encoding="utf-8"))}
    assert records["employment-as-the-norm"]["text"] == HOSTILE_TEXT
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(
        (edited / "recommendations.csv").read_text(encoding="utf-8-sig")))}
    assert rows["publish-outcome-measures"]["title"] == "'" + FORMULA_TITLE
    assert rows["employment-as-the-norm"]["text"] == HOSTILE_TEXT


def test_a_retired_recommendation_stays_in_the_downloads_marked_as_withdrawn(edited):
    from jsonschema import Draft202012Validator

    records = json.loads((edited / "recommendations.json").read_text(encoding="utf-8"))
    Draft202012Validator(json.loads((edited / "recommendations.schema.json").read_text(encoding="utf-8"))
                         ).validate(records)
    assert [r["status"] for r in records] == ["current"] * 47 + ["withdrawn"]
    withdrawn = records[-1]
    assert withdrawn["id"] == "job-coaching-standards"
    assert withdrawn["url"] == "https://example.org/pb/recommendations/job-coaching-standards/"
    assert withdrawn["withdrawn"] == {"date": "2026-06-30", "reason": "Merged into a wider recommendation.",
                                      "replaced_by": "employment-as-the-norm",
                                      "replaced_by_url": "https://example.org/pb/recommendations/employment-as-the-norm/"}
    changed = next(r for r in records if r["id"] == "employment-as-the-norm")
    assert changed["last_changed"] == "2026-05-20"
    assert changed["changes"] == [{"date": "2026-05-20", "change": "Typo corrected."},
                                  {"date": "2026-03-01", "change": "Title shortened."}]
    rows = list(csv.DictReader(io.StringIO((edited / "recommendations.csv").read_text(encoding="utf-8-sig"))))
    assert (rows[-1]["id"], rows[-1]["status"], rows[-1]["withdrawn_reason"]) == (
        "job-coaching-standards", "withdrawn", "Merged into a wider recommendation.")


def test_very_long_and_non_ascii_text_render_in_full(edited):
    long_card = soup_of(edited, "recommendations/supported-employment-criteria/").find(id="supported-employment-criteria")
    assert LONG_TEXT in text_of(long_card)
    welsh = soup_of(edited, "recommendations/wellbeing-includes-employment/")
    assert welsh.h1.get_text(" ").strip().startswith(WELSH_TITLE)
    assert '<meta charset="utf-8">' in (edited / "index.html").read_text(encoding="utf-8").lower()


def test_a_retired_recommendation_keeps_its_address_and_points_to_its_replacement(edited):
    soup = soup_of(edited, "recommendations/job-coaching-standards/")
    notice = soup.find(id="withdrawn")
    assert "withdrawn on 30 June 2026" in notice.get_text(" ")
    assert "Merged into a wider recommendation." in notice.get_text(" ")
    assert notice.find("a", href="../employment-as-the-norm/")
    listed = {card["id"] for card in soup_of(edited, "recommendations/").select("article.rec-card")}
    assert "job-coaching-standards" not in listed and len(listed) == 47


def test_change_history_is_shown_newest_first(edited):
    history = soup_of(edited, "recommendations/employment-as-the-norm/").find(id="changes").find_next("ul")
    assert [li.time["datetime"] for li in history.find_all("li")] == ["2026-05-20", "2026-03-01"]
    page = soup_of(edited, "changes/")
    dates = [li.time["datetime"] for li in page.select("ul.changes li")]
    assert dates == sorted(dates, reverse=True)
    # The real data has a change history of its own; this edit's entries are among it, in order.
    assert [d for d in dates if d in {"2026-06-30", "2026-05-20", "2026-03-01"}] == ["2026-06-30", "2026-05-20", "2026-03-01"]


def test_generated_pages_link_to_their_record_in_the_data(edited):
    soup = soup_of(edited, "recommendations/employment-as-the-norm/")
    edit = soup.find("a", title="Edit this page")
    assert re.fullmatch(rf"{REPO}/blob/main/data/recommendations\.yaml#L\d+", edit["href"])
    line = int(edit["href"].rsplit("#L", 1)[1])
    source = (edited.parent / "data" / "recommendations.yaml").read_text(encoding="utf-8").splitlines()
    assert source[line - 1] == "  - id: employment-as-the-norm"
    about = soup_of(edited, "about/").find("a", title="Edit this page")
    assert about["href"] == f"{REPO}/edit/main/docs/about.md"


def test_every_footer_reports_a_problem_with_its_page_as_an_issue_in_the_repository(edited):
    """The issue opens with the page's title and address filled in, each kept whole and inert in the
    address, whatever the title holds."""
    from urllib.parse import parse_qs, urlsplit

    for page, title in (("recommendations/employment-as-the-norm/", HOSTILE_TITLE), ("about/", "About the report")):
        link = soup_of(edited, page).select_one("footer .recsite-footer a")
        assert text_of(link) == "Report a problem with this page"
        address = urlsplit(link["href"])
        assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPO}/issues/new"
        query = parse_qs(address.query)
        assert query["title"] == [f"Problem on the page: {title}"]
        assert f"Page: https://example.org/pb/{page}\n" in query["body"][0]


def test_a_withdrawn_recommendations_page_is_dated_by_its_withdrawal(edited):
    changed = soup_of(edited, "recommendations/job-coaching-standards/").select_one(".page-changed time")
    assert changed["datetime"] == "2026-06-30" and changed.get_text() == "30 June 2026"


def test_a_retired_anchor_lands_just_before_the_element_that_replaced_it(edited):
    """A finding renamed and its old anchor retired: the built page keeps an empty element with
    the old id right before the renamed finding, once, so a council's old link opens there."""
    soup = soup_of(edited, "barriers/personal-budget-process/")
    old = soup.find_all(id="facs-eligibility")
    assert len(old) == 1 and not old[0].contents
    # The finding's section, whose heading has the new id.
    assert old[0].find_next_sibling()["aria-labelledby"] == "facs-criteria"
    old = soup.find_all(id="facs-eligibility-quotes")
    assert len(old) == 1 and not old[0].contents
    assert old[0].find_next_sibling()["id"] == "facs-criteria-quotes"


def test_a_glossary_term_that_names_a_character_reference_never_breaks_markup(edited):
    """Terms named "amp" and "39", on pages whose text holds &amp; and &#39; as words (the hostile
    barrier title above), are never linked inside a character reference."""
    pages = list(edited.rglob("*.html"))
    broken = [page.relative_to(edited).as_posix() for page in pages
              for html in [page.read_text(encoding="utf-8")] if "&<a" in html or "&#<a" in html]
    assert not broken
    # The terms still link where they stand as words of their own.
    assert any('#thirty-nine"' in page.read_text(encoding="utf-8") for page in pages)
