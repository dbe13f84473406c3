"""The action planner's build-time parts (hooks/recsite/planner.py): the planner's data, the
review spreadsheet for readers without JavaScript, the questions page, and the size budget."""

from __future__ import annotations

import copy
import csv
import gzip
import io
import json
import re
import shutil

import pytest

from support.project import DATA, ROOT, real_catalogue
from support.site import text_of
from recsite import downloads, planner, recordfields
from recsite.load import load_catalogue
from support.report_text import report_text

SCRIPTS = ROOT / "docs" / "javascripts"  # ES modules: planner.js (every page), planner-app.js, lib/
BUDGET = 15 * 1024  # the planner app's own JavaScript and CSS, gzipped together
EVERY_PAGE_BUDGET = 4 * 1024  # what every page loads of the planner, gzipped together


@pytest.fixture(scope="module")
def catalogue():
    return real_catalogue()


def retire(data_dir, rec_id: str, replaced_by: str | None) -> None:
    """Retires a recommendation in a copy of data/, as CONTRIBUTING.md says an editor does."""
    recs = data_dir / "recommendations.yaml"
    text = recs.read_text(encoding="utf-8")
    start = text.index(f"  - id: {rec_id}\n")
    end = text.index("\n  - id: ", start + 1) + 1
    recs.write_text(text[:start] + text[end:], encoding="utf-8")
    published = data_dir / "published.yaml"
    entry = (f"retired:\n  - id: {rec_id}\n    date: \"2026-11-30\"\n    reason: Merged into a wider recommendation.\n"
             f"    title: The old title\n    text: The old text.\n")
    if replaced_by:
        entry += f"    replaced_by: {replaced_by}\n"
    published.write_text(published.read_text(encoding="utf-8").replace("retired: []\n", entry), encoding="utf-8")


def test_the_planner_data_holds_every_recommendation_in_the_reports_words(catalogue):
    data = planner.planner_data(catalogue)
    assert [rec["id"] for rec in data["recs"]] == [rec.id for rec in catalogue.recommendations]
    for record, rec in zip(data["recs"], catalogue.recommendations):
        assert record["text"] == rec.text  # exactly the data's text, the report's words
        assert record["plain"] == rec.plain
        assert record["url"] == f"../recommendations/{rec.id}/"
        assert record["changed"] == rec.last_changed(catalogue.report.site_published).isoformat()
        assert [c["change"] for c in record["changes"]] == [c.change for c in rec.changes]
    assert data["kinds"] == {"report": "In the report's words", "site": "Our words"}
    assert data["columns"] == planner.CSV_COLUMNS  # the script's CSV export writes these
    assert data["retired"] == {}
    # What an import reads, and the formula rule its CSV export and import follow: recommendations.csv's.
    assert set(data["item_columns"].values()) <= set(planner.CSV_COLUMNS)
    assert data["formula"] == {"starts": "=+-@\t\r", "skipped": " \u00a0\ufeff\u200b\u200c\u200d\u2060"}


def test_the_planner_data_says_how_section_7_words_it_as_the_downloads_do(catalogue):
    """What the planner shows under the report's words and puts in its exports: Section 7's place,
    its wording, how it differs (the same sentence as recommendations.json) and the twin."""
    records = {record["id"]: record for record in planner.planner_data(catalogue)["recs"]}
    downloaded = {record["id"]: record for record in json.loads(downloads.to_json(catalogue, "http://x/"))}
    for rec_id, record in records.items():
        json_record = downloaded[rec_id]
        assert record["section7_where"] == json_record["section7_where"]
        assert record["section7_wording"] == json_record["report_words"]["section7_wording"]
        assert record["section7_difference"] == json_record["section7_difference"]
        assert record["twin"] == json_record["twin"]
    transition = records["transition-presumption-of-employment"]
    assert transition["section7_note"] == [
        "Section 7.1.2 prints it without ", "for those who will not go on to further education", "."]
    assert records["share-pb-best-practice"]["section7_note"] == [
        "Section 7.3.1 prints the same words (punctuation differs)."]
    assert records["employment-as-the-norm"]["section7_note"] is None


def test_withdrawn_ids_map_to_their_replacement_from_published_yaml(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    retire(tmp_path / "data", "reduce-invoicing-bureaucracy", "targets-in-pb-contracts")
    data = planner.planner_data(load_catalogue(tmp_path / "data"))
    assert data["retired"] == {"reduce-invoicing-bureaucracy": {
        "title": "The old title", "date": "2026-11-30", "reason": "Merged into a wider recommendation.",
        "replaced_by": "targets-in-pb-contracts"}}
    assert "reduce-invoicing-bureaucracy" not in {rec["id"] for rec in data["recs"]}


def test_the_data_survives_hostile_text_in_its_attribute(site):
    soup = site.soup("planner/")
    assert json.loads(soup.select_one("#planner-data")["data-planner"])["columns"] == planner.CSV_COLUMNS
    assert json.loads(planner.data_block({"text": "</div>\" & <b>"})) == {"text": "</div>\" & <b>"}


def test_the_scripts_read_the_plan_rules_from_the_module_made_from_planner_py(site):
    """The format, version and statuses are written once, in planner.py: the site serves them as
    the module the planner's scripts import, and no script writes one of them itself."""
    served = (site.root / planner.PLAN_RULES_JS).read_text(encoding="utf-8")
    assert served == planner.plan_rules_module()
    rules = json.loads(served.split("export default ", 1)[1].rstrip().removesuffix(";"))
    assert rules == {"format": "recsite-action-plan", "version": 1, "statuses": [
        {"id": "not-started", "label": "Not started", "code": "n", "open": True},
        {"id": "planned", "label": "Planned", "code": "p", "open": True},
        {"id": "in-progress", "label": "In progress", "code": "i", "open": True},
        {"id": "done", "label": "Done", "code": "d", "open": False},
        {"id": "not-applicable", "label": "Not applicable", "code": "x", "open": False}]}
    for name in ("planner.js", "planner-app.js"):
        assert 'import RULES from "./plan-rules.js";' in (SCRIPTS / name).read_text(encoding="utf-8"), name
    copies = [f"{path.relative_to(SCRIPTS)}: {text}" for path in SCRIPTS.rglob("*.js")
              for text in [f'"{planner.PLAN_FORMAT}"', *(f'"{status[0]}"' for status in planner.STATUSES),
                           *(f'"{status[1]}"' for status in planner.STATUSES), '"target_date"', "\\u200b"]
              if text in path.read_text(encoding="utf-8")]
    assert not copies, f"rules copied from Python into the scripts: {copies}"
    notes = (ROOT / "developers" / "planner-storage.md").read_text(encoding="utf-8")
    assert planner.PLAN_FORMAT in notes and f"version {planner.PLAN_VERSION}" in notes


def test_planner_javascript_and_css_fit_the_size_budget():
    import bench

    size = bench.planner_gzip()
    files = bench.planner_files()
    assert size["app"] <= BUDGET, f"{files['app']} are {size['app']} bytes gzipped (budget {BUDGET})"
    assert size["every_page"] <= EVERY_PAGE_BUDGET, (
        f"{files['every_page']}, loaded on every page, are {size['every_page']} bytes gzipped (budget {EVERY_PAGE_BUDGET})")
    assert bench.PLANNER_BUDGET_KB == {"app": BUDGET // 1024, "every_page": EVERY_PAGE_BUDGET // 1024}


def test_the_planners_size_counts_every_module_it_adds_to_a_page():
    """The benchmark's figure follows the imports: the rules module and the stored ids count for
    every page, the store (loaded on the first click) apart from them; the store and its merge and
    date rules for the planner's page, its files and share links (planner-files.js with the CSV,
    share-link and import modules, loaded for an import, an export or a share link) apart; helpers the site's other scripts load on every page anyway
    (and the list's filters) count for neither."""
    import bench

    files = bench.planner_files()
    assert files["every_page"] == ["javascripts/planner.js", "javascripts/plan-rules.js", "javascripts/lib/plan-ids.js",
                                   "stylesheets/planner.css"]
    assert files["every_page_on_demand"] == ["javascripts/lib/store.js", "javascripts/lib/dates.js"]
    assert files["app"] == ["javascripts/planner-app.js", "javascripts/lib/dates.js", "javascripts/lib/merge.js",
                            "javascripts/lib/store.js", "stylesheets/planner-app.css"]
    assert files["app_on_demand"] == ["javascripts/planner-files.js", "javascripts/lib/csv.js", "javascripts/lib/imports.js",
                                      "javascripts/lib/share.js"]
    assert bench.planner_gzip() == {part: sum(len(gzip.compress(bench.site_file(path), 9)) for path in paths)
                                    for part, paths in files.items()}


def test_the_planner_makes_no_network_request_of_its_own():
    import bench

    for path in {path for paths in bench.planner_files().values() for path in paths if path.endswith(".js")}:
        js = bench.site_file(path).decode("utf-8")
        # The one request allowed: a module of the site's own, by a fixed relative path (it sends nothing).
        js = re.sub(r'\bimport\("\./(lib/)?[a-z-]+\.js"\)', "", js)
        for call in ("fetch(", "XMLHttpRequest", "sendBeacon", "WebSocket", "EventSource", "import("):
            assert call not in js, f"{path}: {call}"


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


def read_review(site) -> list[dict]:
    raw = (site.root / planner.REVIEW_CSV).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_review_spreadsheet_has_every_recommendation_and_empty_review_columns(site, catalogue):
    rows = read_review(site)
    assert list(rows[0]) == planner.CSV_COLUMNS
    assert [row["id"] for row in rows] == [rec.id for rec in catalogue.recommendations]
    for row, rec in zip(rows, catalogue.recommendations):
        assert row["report_words"] == rec.text
        assert row["plain_words"] == (rec.plain or "")
        assert row["url"] == f"{site.url.rstrip('/')}/recommendations/{rec.id}/"
        assert (row["status"], row["owner"], row["target_date"], row["notes"]) == ("", "", "", "")
        # Whose words each column is, Section 7's wording and how it differs, the twin: as recommendations.csv.
        assert (row["title_kind"], row["report_words_kind"], row["plain_words_kind"]) == ("site", "report", "site")
        assert row["section7_where"] == (rec.section7.source.where if rec.section7 else "")
        assert row["report_words_section7_wording"] == ((rec.section7 and rec.section7.wording) or "")
        assert row["section7_difference"] == (recordfields.section7_difference(rec) or "")
        assert row["twin"] == (rec.twin or "")
    assert rows[[row["id"] for row in rows].index("partnership-links")]["section7_difference"] == (
        "Section 7.1.2 adds “to promote an understanding, and use of employment support that is in line with "
        "evidence and best practice” at the end.")
    assert planner.CSV_COLUMNS[:13] == ["id", "title", "report_words", "plain_words", "audience", "theme", "key",
                                        "in_the_report", "url", "status", "owner", "target_date", "notes"]


def test_review_spreadsheet_cells_never_start_a_formula(catalogue):
    from dataclasses import replace

    rec = replace(catalogue.recommendations[0], title="=HYPERLINK(\"x\")", text="-1+2", plain="＝1+1")
    hostile = replace(catalogue, recommendations=(rec,))
    rows = list(csv.reader(io.StringIO(planner.review_csv(hostile, "http://x/").lstrip("\ufeff"))))
    assert rows[1][1] == "'=HYPERLINK(\"x\")" and rows[1][2] == "'-1+2"
    assert rows[1][3] == "'＝1+1"  # a full-width = is one too (the same rule as recommendations.csv)


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


def test_questions_page_asks_in_plain_words_with_the_reports_words_a_click_away(site, catalogue):
    soup = site.soup("planner/questions/")
    recs = [rec for rec in catalogue.recommendations if rec.audience.id == "individuals-and-families"]
    questions = soup.select(".planner-question")
    assert [q["id"] for q in questions] == [rec.id for rec in recs] and len(recs) == 7
    for question, rec in zip(questions, recs):
        assert text_of(question.select_one(".rec-plain__text")) == " ".join(rec.plain.split())
        exact = question.select_one("details.rec-exact [data-provenance='report']")
        assert text_of(exact) == " ".join(rec.text.split())
        assert question.select_one(".planner-question__answer") is not None
    assert soup.select_one(".planner-bulk")["data-planner-ids"].split() == [rec.id for rec in recs]


def test_questions_page_says_who_they_are_for_only_in_the_reports_words(site, catalogue):
    """The report makes these recommendations to 'groups including people with learning disabilities
    or mental health problems, their families / carers, user-led organisations, other representative
    and VCS organisations' (A3.1.3, 7.1.3): the page quotes that, with its place, and says nothing of
    its own about who they are for (it once said 'people who use Personal Budgets and their families')."""
    lede = copy.copy(site.soup("planner/questions/").select_one(".lede"))  # the soup is shared: change a copy
    individuals = next(a for a in catalogue.audiences if a.id == "individuals-and-families")
    quoted = lede.select("[data-provenance='report']")
    assert [text_of(q) for q in quoted] == [" ".join(individuals.includes.split())]
    assert "user-led organisations, other representative and VCS organisations" in text_of(quoted[0])
    assert " ".join(individuals.includes.split()) in " ".join(report_text().split())
    who = quoted[0].parent
    assert text_of(who.select_one(".provenance__tag")) == "In the report's words:"
    assert text_of(who.select_one(".evidence-source")) == "(Appendix 3, section A3.1.3, page 54)"
    who.decompose()
    ours = text_of(lede)
    # Our words name them only as the report's headings do ("Recommendations for individuals").
    assert "The report makes 7 recommendations for individuals," in ours
    assert all(f"A3.{n}.3. Recommendations for individuals" in report_text() for n in range(1, 5))
    assert not any(words in ours for words in ("people who use", "Personal Budget", "famil", "carer"))


def test_questions_link_each_glossary_term_they_use(site, catalogue):
    soup = site.soup("planner/questions/")
    glossary = site.soup("glossary/")
    question = soup.select_one("#ask-about-using-pb-for-work")
    links = question.select(".planner-question__terms a")
    assert links, "no glossary terms listed"
    for link in links:
        assert link["href"].startswith("../../glossary/#")
        assert glossary.select_one(f"#{link['href'].split('#')[1]}") is not None
    assert "Personal Budget" in [link.get_text() for link in links]
