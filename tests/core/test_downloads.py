"""The downloads: recommendations.json, its JSON Schema and recommendations.csv hold every field a
recommendation's page shows, keep the site's words apart from the report's, and keep the fields
councils may already read."""

from __future__ import annotations

import copy
import csv
import dataclasses
import io
import json
import re
from datetime import date

import pytest
from jsonschema import Draft202012Validator, ValidationError

from support.goldens import field_names
from support.project import ROOT, real_catalogue
from recsite import downloads
from recsite.downloads import csv_cell
from recsite.model import Change, Retired

CATALOGUE = real_catalogue()
RECS = {rec.id: rec for rec in CATALOGUE.recommendations}
SITE_URL = "https://example.org/pb/"

PLAIN = "think-about-employment-early"           # individuals and families: has plain words and Section 7 wording
FOOTNOTE = "job-coaching-standards"
RELATED = "offer-all-pb-options"
REWORDED = "transition-presumption-of-employment"  # Section 7 prints it without some of its words
NOT_KEY = "publish-outcome-measures"


def _json(catalogue=CATALOGUE) -> list[dict]:
    return json.loads(downloads.to_json(catalogue, SITE_URL))


def _csv(catalogue=CATALOGUE) -> list[dict]:
    return list(csv.DictReader(io.StringIO(downloads.to_csv(catalogue, SITE_URL))))


def _validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(downloads.to_json_schema(SITE_URL)))


def _retired_catalogue():
    """The real catalogue with one recommendation withdrawn and replaced, as an editor would do it."""
    retired = Retired(id="old-advice", title="Old advice", text="The report's words it had.",
                      date=date(2026, 6, 30), reason="Merged into a wider recommendation.",
                      replaced_by="employment-as-the-norm")
    return dataclasses.replace(CATALOGUE, retired=(retired,), _by_id={})


# --- The schema ---------------------------------------------------------------------------------

def test_the_schema_is_a_valid_draft_2020_12_schema():
    raw = json.loads(downloads.SCHEMA_FILE.read_text(encoding="utf-8"))
    assert raw["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(raw)
    published = json.loads(downloads.to_json_schema(SITE_URL))
    Draft202012Validator.check_schema(published)
    assert published["$id"] == "https://example.org/pb/recommendations.schema.json"


def test_the_json_is_valid_against_its_schema():
    _validator().validate(_json())
    _validator().validate(_json(_retired_catalogue()))


def _break(records: list[dict], how: str) -> list[dict]:
    broken = copy.deepcopy(records)
    plain = next(record for record in broken if record["id"] == PLAIN)
    first = broken[0]
    if how == "plain words filed as the report's":
        plain["report_words"]["plain"] = plain["site_words"].pop("plain")
    elif how == "title said to be the report's words":
        first["title_kind"] = "report"
    elif how == "an existing field removed":
        del first["section"]
    elif how == "key as text":
        first["key"] = "yes"
    elif how == "current record without a theme":
        first["theme"] = None
    elif how == "key recommendation without its Section 7 place":
        first["section7"] = None
    elif how == "unknown status":
        first["status"] = "draft"
    elif how == "plain words missing for individuals and families":
        plain["site_words"]["plain"] = None
    elif how == "withdrawn without a reason":
        broken[-1]["withdrawn"]["reason"] = ""
    elif how == "Section 7's wording without how it differs":
        next(record for record in broken if record["id"] == REWORDED)["section7_difference"] = None
    elif how == "a difference where Section 7 prints the same text":
        first["section7_difference"] = "Section 7.1.1 prints it differently."
    return broken


@pytest.mark.parametrize("how", ["plain words filed as the report's", "title said to be the report's words",
                                 "an existing field removed", "key as text", "current record without a theme",
                                 "key recommendation without its Section 7 place", "unknown status",
                                 "plain words missing for individuals and families", "withdrawn without a reason",
                                 "Section 7's wording without how it differs",
                                 "a difference where Section 7 prints the same text"])
def test_a_wrong_json_fails_validation(how):
    records = _json(_retired_catalogue())
    with pytest.raises(ValidationError):
        _validator().validate(_break(records, how))


# --- The JSON -----------------------------------------------------------------------------------

def test_every_recommendation_is_a_record_in_the_reports_order():
    """Which fields each record has, in which place and with which values, is pinned by the golden
    copies (test_goldens.py: tests/golden/recommendations.json, and the real data's file keeps every
    field in its place)."""
    assert [record["id"] for record in _json()] == list(RECS)


def test_the_reports_words_and_the_sites_words_are_kept_apart():
    for record in _json():
        rec = RECS[record["id"]]
        assert (record["text_kind"], record["title_kind"]) == ("report", "site")
        assert record["report_words"] == {
            "text": rec.text, "footnote": rec.footnote,
            "section7_wording": rec.section7.wording if rec.section7 else None}
        assert record["site_words"] == {"title": rec.title, "plain": rec.plain}
    plain = next(record for record in _json() if record["id"] == PLAIN)
    assert plain["site_words"]["plain"].startswith("Think about paid work as early as you can.")
    assert plain["site_words"]["plain"] not in json.dumps(plain["report_words"])


def test_every_plain_words_version_on_the_site_is_in_the_json():
    families = [record for record in _json() if record["audience"] == "individuals-and-families"]
    assert families and all(record["site_words"]["plain"] for record in families)
    assert [record["site_words"]["plain"] for record in families] == [
        rec.plain for rec in CATALOGUE.recommendations if rec.audience.id == "individuals-and-families"]


def test_each_record_has_what_its_page_shows():
    records = {record["id"]: record for record in _json()}
    plain = records[PLAIN]
    assert plain["where"] == "Appendix 3, section A3.1.3, page 54"
    assert plain["section7_where"] == "Section 7.1.3, page 37"
    assert plain["report_words"]["section7_wording"] == RECS[PLAIN].section7.wording
    assert plain["barrier"] == "demand-and-expectations"
    assert plain["barrier_section"] == "5.1"
    assert plain["barrier_url"] == f"{SITE_URL}barriers/demand-and-expectations/"
    assert plain["theme_url"] == f"{SITE_URL}themes/encouraging-demand/"
    assert plain["audience_url"] == f"{SITE_URL}audiences/individuals-and-families/"
    assert records[FOOTNOTE]["report_words"]["footnote"] == RECS[FOOTNOTE].footnote
    assert records[FOOTNOTE]["report_words"]["footnote"].startswith("See http")
    assert records[RELATED]["related"] == ["offer-all-pb-options-for-support"]
    assert records[NOT_KEY]["key"] is False and records[NOT_KEY]["section7_where"] is None
    assert all(record["status"] == "current" and record["withdrawn"] is None for record in records.values())
    assert {record["describedby"] for record in records.values()} == {f"{SITE_URL}recommendations.schema.json"}


def test_a_withdrawn_recommendation_is_in_the_downloads_marked_as_withdrawn():
    records = _json(_retired_catalogue())
    assert [record["id"] for record in records[:-1]] == list(RECS)
    withdrawn = records[-1]
    assert withdrawn["id"] == "old-advice" and withdrawn["status"] == "withdrawn"
    assert withdrawn["url"] == f"{SITE_URL}recommendations/old-advice/"
    assert withdrawn["report_words"]["text"] == "The report's words it had."
    assert withdrawn["withdrawn"] == {
        "date": "2026-06-30", "reason": "Merged into a wider recommendation.",
        "replaced_by": "employment-as-the-norm",
        "replaced_by_url": f"{SITE_URL}recommendations/employment-as-the-norm/"}
    row = _csv(_retired_catalogue())[-1]
    assert (row["id"], row["status"], row["withdrawn_date"], row["withdrawn_replaced_by"]) == (
        "old-advice", "withdrawn", "2026-06-30", "employment-as-the-norm")
    assert row["theme"] == "" and row["key"] == ""


def test_each_record_says_how_section_7_words_it_differently_as_its_page_does():
    records = {record["id"]: record for record in _json()}
    assert records[REWORDED]["section7_difference"] == (
        "Section 7.1.2 prints it without “for those who will not go on to further education”.")
    assert records["partnership-links"]["section7_difference"] == (
        "Section 7.1.2 adds “to promote an understanding, and use of employment support that is in line with "
        "evidence and best practice” at the end.")
    assert records[PLAIN]["section7_difference"] == (
        "Section 7.1.3 prints the same words (punctuation and capitals differ).")
    for record in records.values():
        # Exactly where Section 7 has its own wording; never an adjective for the difference.
        assert (record["section7_difference"] is None) == (record["report_words"]["section7_wording"] is None)
        assert "slightly" not in json.dumps(record)
    assert _json(_retired_catalogue())[-1]["section7_difference"] is None


# --- The CSV ------------------------------------------------------------------------------------

def test_the_csv_has_a_column_for_every_field_but_the_json_only_ones():
    """Every column's place is pinned by tests/golden/recommendations.csv (test_goldens.py)."""
    text = downloads.to_csv(CATALOGUE, SITE_URL)
    header = next(csv.reader(io.StringIO(text)))
    flat = {name.replace(".", "_") for name in field_names(_json()[0])}
    assert flat - set(header) == {"report_words", "report_words_text", "site_words", "site_words_title",
                                  "withdrawn", "describedby"}   # the same as title and text, or JSON only
    assert set(header) <= flat | {"withdrawn_date", "withdrawn_reason", "withdrawn_replaced_by",
                                  "withdrawn_replaced_by_url"}


def test_section_7s_own_footnote_is_in_the_downloads_as_the_report_prints_it():
    """Footnote 37 is printed by Section 7.1.3 only (Appendix 3 prints the recommendation without it)."""
    records = {record["id"]: record for record in _json()}
    assert records["think-about-employment-early"]["section7_footnote"] == "www.preparingforadulthood.org.uk"
    assert records["think-about-employment-early"]["report_words"]["footnote"] is None
    assert [r["id"] for r in records.values() if r["section7_footnote"]] == ["think-about-employment-early"]
    rows = {row["id"]: row for row in _csv()}
    assert rows["think-about-employment-early"]["section7_footnote"] == "www.preparingforadulthood.org.uk"


def test_csv_cells_hold_the_right_values():
    rows = {row["id"]: row for row in _csv()}
    assert len(rows) == len(RECS)
    plain = rows[PLAIN]
    assert plain["site_words_plain"] == RECS[PLAIN].plain
    assert plain["site_words_plain"].startswith("Think about paid work as early as you can.")
    assert (plain["title_kind"], plain["text_kind"], plain["status"]) == ("site", "report", "current")
    assert plain["report_words_section7_wording"] == RECS[PLAIN].section7.wording
    assert plain["section7_where"] == "Section 7.1.3, page 37"
    assert plain["section7_difference"] == "Section 7.1.3 prints the same words (punctuation and capitals differ)."
    assert rows[NOT_KEY]["section7_difference"] == ""
    assert plain["barrier"] == "demand-and-expectations"
    assert plain["barrier_title"] == RECS[PLAIN].theme.barrier.title
    assert plain["last_changed"] == RECS[PLAIN].last_changed(CATALOGUE.report.site_published).isoformat()
    assert rows[FOOTNOTE]["report_words_footnote"] == RECS[FOOTNOTE].footnote
    assert rows[FOOTNOTE]["site_words_plain"] == ""
    assert rows[RELATED]["related"] == "offer-all-pb-options-for-support"
    assert rows[RELATED]["twin"] == "offer-all-pb-options-for-support"  # the report prints it twice
    assert rows[NOT_KEY]["twin"] == ""
    assert rows[NOT_KEY]["key"] == "false" and rows[NOT_KEY]["section7_where"] == ""
    assert all(row["withdrawn_date"] == "" for row in rows.values())


def test_csv_lists_changes_one_per_line_and_keeps_formulas_inert():
    rec = RECS[NOT_KEY]
    edited = dataclasses.replace(rec, changes=(Change(date(2026, 5, 20), "=Typo corrected."),
                                               Change(date(2026, 3, 1), "Title shortened.")),
                                 plain="+1 more", related=("employment-as-the-norm", "job-coaching-standards"))
    catalogue = dataclasses.replace(CATALOGUE, recommendations=tuple(
        edited if other.id == NOT_KEY else other for other in CATALOGUE.recommendations), _by_id={})
    row = next(row for row in _csv(catalogue) if row["id"] == NOT_KEY)
    assert row["changes"] == "2026-05-20: =Typo corrected.\n2026-03-01: Title shortened."
    assert row["last_changed"] == "2026-05-20"
    assert row["site_words_plain"] == "'+1 more"
    assert row["related"] == "employment-as-the-norm job-coaching-standards"


@pytest.mark.parametrize(("value", "cell"), [
    ("=SUM(A1)", "'=SUM(A1)"), ("plain", "plain"), (" \u200b+1", "' \u200b+1"), ("\uff1d1", "'\uff1d1"),
    # A text typed with an apostrophe before a formula keeps it (one apostrophe is taken off on reading).
    ("'=x", "''=x"), ("'plain", "'plain"),
    # Where a spreadsheet splits a line at ";", each part is a cell: each is guarded.
    ("a;=1+1", "a;'=1+1"), ("a; @x;b;'-1", "a;' @x;b;''-1"), ("1;2", "1;2"),
    (None, ""), (True, "true"), (3, "3"),
])
def test_no_csv_cell_or_part_of_one_starts_a_formula(value, cell):
    # The same cases as tests/js/csv.test.js's: the planner's exports and the downloads agree.
    assert csv_cell(value) == cell




def test_the_reuse_page_describes_every_csv_column_in_its_order():
    """Councils read the reuse page ("What each column holds") to know the downloads: its tables, made
    from the field table, name every column of recommendations.csv in the file's order, the original
    thirteen first, each with what it holds."""
    from recsite.recordfields import ORIGINAL_COLUMNS
    from recsite.render import snippet_renderer
    tables = snippet_renderer(CATALOGUE, SITE_URL)("download-columns", "reuse.md")
    rows = [row for row in tables.splitlines() if row.startswith("| `")]
    described = [name for row in rows for name in re.findall(r"`([a-z0-9_]+)`", row.split(" | ", 1)[0])]
    assert described == downloads.COLUMNS
    original, added = tables.split("The columns added after them", 1)
    assert re.findall(r"^\| `([a-z0-9_]+)`", added, re.M)[0] == downloads.COLUMNS[ORIGINAL_COLUMNS]
    assert all(row.split(" | ", 1)[1].strip(" |") for row in rows), "a row without what it holds"
    page = (ROOT / "docs" / "reuse.md").read_text(encoding="utf-8")
    assert "<!-- recsite:download-columns -->" in page.split("### What each column holds", 1)[1]

# --- Which version a download holds ---------------------------------------------------------------

def _version(catalogue=CATALOGUE, site_url: str = SITE_URL) -> set[tuple[str, str]]:
    """The (dataset_version, dataset_date) the JSON's records and the CSV's rows carry."""
    found = {(record["dataset_version"], record["dataset_date"]) for record in json.loads(downloads.to_json(catalogue, site_url))}
    rows = csv.DictReader(io.StringIO(downloads.to_csv(catalogue, site_url)))
    return found | {(row["dataset_version"], row["dataset_date"]) for row in rows}


def test_every_record_says_which_version_of_the_records_it_came_from():
    """One version in every record of both files: the newest change's date and a fingerprint."""
    [(version, when)] = _version()
    newest = max(change.date for rec in CATALOGUE.recommendations for change in rec.changes)
    assert when == newest.isoformat()
    assert re.fullmatch(rf"{when}\.[0-9a-f]{{8}}", version)
    [(withdrawn_version, _)] = _version(_retired_catalogue())
    assert withdrawn_version != version   # a withdrawal is a new version


def test_the_version_changes_with_any_record_and_not_with_the_address():
    [before] = _version()
    assert _version(site_url="https://councils.example/") == {before}
    first = CATALOGUE.recommendations[0]
    edits = [dataclasses.replace(first, text=first.text + "."),                 # words, no change noted
             dataclasses.replace(first, related=("publish-outcome-measures",)),
             dataclasses.replace(first, changes=(Change(date(2027, 1, 5), "Typo corrected."), *first.changes))]
    versions = set()
    for edited in edits:
        catalogue = dataclasses.replace(CATALOGUE, recommendations=(edited, *CATALOGUE.recommendations[1:]), _by_id={})
        [(version, when)] = _version(catalogue)
        assert version != before[0]
        versions.add(version)
    assert len(versions) == len(edits)
    assert when == "2027-01-05" and version.startswith("2027-01-05.")   # a new change dates the version
