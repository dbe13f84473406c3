"""The action planner's build-time parts (hooks/recsite/planner.py): the planner's data, the
review spreadsheet for readers without JavaScript, the questions page, and the size budget."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re

import pytest

from support.project import ROOT, copy_data, real_catalogue
from recsite import downloads, planner
from recsite.load import load_catalogue

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
    assert data["plan_columns"] == {"title": "plan_title", "organisation": "organisation"}
    assert data["retired"] == {}
    # What an import reads, and the formula rule its CSV export and import follow: recommendations.csv's.
    assert set(data["item_columns"].values()) | set(data["plan_columns"].values()) <= set(planner.CSV_COLUMNS)
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
    copy_data(tmp_path / "data")
    retire(tmp_path / "data", "reduce-invoicing-bureaucracy", "targets-in-pb-contracts")
    data = planner.planner_data(load_catalogue(tmp_path / "data"))
    assert data["retired"] == {"reduce-invoicing-bureaucracy": {
        "title": "The old title", "date": "2026-11-30", "reason": "Merged into a wider recommendation.",
        "replaced_by": "targets-in-pb-contracts"}}
    assert "reduce-invoicing-bureaucracy" not in {rec["id"] for rec in data["recs"]}


def test_the_data_survives_hostile_text_in_its_attribute():
    assert json.loads(planner.data_block({"text": "</div>\" & <b>"})) == {"text": "</div>\" & <b>"}


def test_the_scripts_read_the_plan_rules_from_the_module_made_from_planner_py():
    """The format, version and statuses are written once, in planner.py: made into the module the
    planner's scripts import (site/test_planner_pages.py: the site serves it), and no script writes
    one of them itself."""
    rules = json.loads(planner.plan_rules_module().split("export default ", 1)[1].rstrip().removesuffix(";"))
    assert rules == {"format": "recsite-action-plan", "version": 2, "statuses": [
        {"id": "not-started", "label": "Not started", "code": "n", "open": True},
        {"id": "planned", "label": "Planned", "code": "p", "open": True},
        {"id": "in-progress", "label": "In progress", "code": "i", "open": True},
        {"id": "done", "label": "Done", "code": "d", "open": False},
        {"id": "not-applicable", "label": "Not applicable", "code": "x", "open": False}], "assessments": [
        {"id": "met", "label": "Met", "code": "m"}, {"id": "partly-met", "label": "Partly met", "code": "p"},
        {"id": "not-met", "label": "Not met", "code": "n"}, {"id": "not-applicable", "label": "Not applicable", "code": "x"}]}
    for name in ("planner.js", "planner-app.js"):
        assert 'import RULES from "./plan-rules.js";' in (SCRIPTS / name).read_text(encoding="utf-8"), name
    copies = [f"{path.relative_to(SCRIPTS)}: {text}" for path in SCRIPTS.rglob("*.js")
              for text in [f'"{planner.PLAN_FORMAT}"', *(f'"{status[0]}"' for status in planner.STATUSES),
                           *(f'"{status[1]}"' for status in planner.STATUSES), *(f'"{choice[0]}"' for choice in planner.ASSESSMENTS),
                           *(f'"{choice[1]}"' for choice in planner.ASSESSMENTS), '"target_date"', '"plan_title"', "\\u200b"]
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
    date rules and the page's two-tab session for the planner's page, its files and share links
    (planner-files.js with the CSV, share-link, import and merge modules, loaded for an import, an
    export or a share link, as the merge is to replace a withdrawn recommendation) apart; helpers the site's other scripts load on every page anyway
    (and the list's filters) count for neither."""
    import bench

    files = bench.planner_files()
    assert files["every_page"] == ["javascripts/planner.js", "javascripts/plan-rules.js", "javascripts/lib/plan-ids.js",
                                   "stylesheets/planner.css"]
    assert files["every_page_on_demand"] == ["javascripts/lib/store.js", "javascripts/lib/dates.js"]
    assert files["app"] == ["javascripts/planner-app.js", "javascripts/lib/dates.js", "javascripts/lib/session.js",
                            "javascripts/lib/store.js", "stylesheets/planner-app.css"]
    assert files["app_on_demand"] == ["javascripts/planner-files.js", "javascripts/lib/csv.js", "javascripts/lib/imports.js",
                                      "javascripts/lib/merge.js", "javascripts/lib/share.js"]
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


def test_the_review_spreadsheets_columns_are_only_ever_added_at_the_end():
    """Columns are only ever added at the end (councils' spreadsheets read them by place): `notes` keeps
    its name and place for an item's current position and evidence (format version 2 stores it as
    `evidence`). (site/test_planner_pages.py reads the served spreadsheet; golden/planner-review.csv pins it.)"""
    assert planner.CSV_COLUMNS[:13] == ["id", "title", "report_words", "plain_words", "audience", "theme", "key",
                                        "in_the_report", "url", "status", "owner", "target_date", "notes"]
    assert planner.CSV_COLUMNS[20:] == ["assessment", "actions", "plan_title", "organisation"]


def test_review_spreadsheet_cells_never_start_a_formula(catalogue):
    from dataclasses import replace

    rec = replace(catalogue.recommendations[0], title="=HYPERLINK(\"x\")", text="-1+2", plain="＝1+1")
    hostile = replace(catalogue, recommendations=(rec,))
    rows = list(csv.reader(io.StringIO(planner.review_csv(hostile, "http://x/").lstrip("\ufeff"))))
    assert rows[1][1] == "'=HYPERLINK(\"x\")" and rows[1][2] == "'-1+2"
    assert rows[1][3] == "'＝1+1"  # a full-width = is one too (the same rule as recommendations.csv)
