"""recommendations.json and recommendations.csv: the same records as the pages, for reuse,
and recommendations.schema.json, the JSON Schema that describes every field of the JSON.

Councils may already read these files, so fields and columns are only ever added, at the end,
never renamed or removed. The site's own words (a recommendation's title, its plain-words version)
are kept apart from the report's exact words, so a reuser cannot quote one as the other.
"""

from __future__ import annotations

import csv
import unicodedata
import io
import json
from pathlib import Path

from . import paths, wording
from .dates import long_date
from .model import Catalogue, Recommendation, Retired

SCHEMA_FILE = Path(__file__).resolve().parent / "recommendations.schema.json"

# Whose words a text is: `text_kind` and `title_kind` of every record say it for `text` and `title`.
REPORT_WORDS = "report"   # the report's exact words, quoted
SITE_WORDS = "site"       # written by this site, not the report

COLUMNS = ["id", "title", "text", "theme", "theme_title", "audience", "audience_title", "key",
           "section", "page", "section7", "section7_page", "url",
           # Added later: always at the end, so that spreadsheets reading columns by position still work.
           "status", "title_kind", "text_kind", "site_words_plain", "report_words_footnote",
           "report_words_section7_wording", "where", "section7_where", "theme_url", "audience_url",
           "barrier", "barrier_title", "barrier_section", "barrier_where", "barrier_url", "related",
           "last_changed", "changes", "citation", "withdrawn_date", "withdrawn_reason",
           "withdrawn_replaced_by", "withdrawn_replaced_by_url", "twin", "section7_difference", "section7_footnote"]

# A spreadsheet runs a cell that starts with one of these as a formula. (The planner's script
# reads this rule, and FORMULA_SKIPPED, from the planner's data: recsite/planner.py.)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _record(rec: Recommendation, catalogue: Catalogue, site_url: str) -> dict:
    url = paths.absolute(site_url, paths.recommendation_page(rec.id))
    barrier = rec.theme.barrier
    changed = rec.last_changed(catalogue.report.site_published)
    return {
        "id": rec.id,
        "title": rec.title,
        "text": rec.text,
        "theme": rec.theme.id,
        "theme_title": rec.theme.title,
        "audience": rec.audience.id,
        "audience_title": rec.audience.title,
        "key": rec.key,
        "section": rec.source.section,
        "page": rec.source.page,
        "section7": rec.section7.source.section if rec.section7 else None,
        "section7_page": rec.section7.source.page if rec.section7 else None,
        "url": url,
        # Added later.
        "status": "current",
        "title_kind": SITE_WORDS,
        "text_kind": REPORT_WORDS,
        "report_words": {
            "text": rec.text,
            "footnote": rec.footnote,
            "section7_wording": rec.section7.wording if rec.section7 else None,
        },
        "site_words": {
            "title": rec.title,
            "plain": rec.plain,
        },
        "where": rec.source.where,
        "section7_where": rec.section7.source.where if rec.section7 else None,
        "theme_url": paths.absolute(site_url, paths.theme_page(rec.theme.id)),
        "audience_url": paths.absolute(site_url, paths.audience_page(rec.audience.id)),
        "barrier": barrier.id,
        "barrier_title": barrier.title,
        "barrier_section": barrier.section,
        "barrier_where": barrier.source.where,
        "barrier_url": paths.absolute(site_url, paths.barrier_page(barrier.id)),
        "related": list(rec.related),
        "twin": rec.twin,
        "last_changed": changed.isoformat(),
        "changes": [{"date": change.date.isoformat(), "change": change.change} for change in rec.changes],
        # The same line as the page's "Cite this recommendation".
        "citation": (f"{catalogue.report.citation()} {_capitalize_first(rec.source.where)}. Available at: "
                     f"{url} (record last changed {long_date(changed)})."),
        "withdrawn": None,
        "describedby": schema_url(site_url),
        "section7_difference": section7_difference(rec),
        "section7_footnote": rec.section7.footnote if rec.section7 else None,
    }


def section7_difference(rec: Recommendation) -> str | None:
    """How Section 7's wording differs from the text, as its page says it (recsite/wording.py): the
    site's sentence, the report's words in it between “ and ”. None where there is no other wording."""
    return wording.as_text(rec.section7_note) if rec.section7_note else None


def _withdrawn_record(retired: Retired, site_url: str) -> dict:
    """A withdrawn recommendation: its page still exists and says why. The register keeps no theme,
    audience or place in the report for it, so those fields are null."""
    replaced_by = retired.replaced_by
    return {
        "id": retired.id,
        "title": retired.title,
        "text": retired.text,
        "theme": None,
        "theme_title": None,
        "audience": None,
        "audience_title": None,
        "key": None,
        "section": None,
        "page": None,
        "section7": None,
        "section7_page": None,
        "url": paths.absolute(site_url, paths.recommendation_page(retired.id)),
        "status": "withdrawn",
        "title_kind": SITE_WORDS,
        "text_kind": REPORT_WORDS,
        "report_words": {"text": retired.text, "footnote": None, "section7_wording": None},
        "site_words": {"title": retired.title, "plain": None},
        "where": None,
        "section7_where": None,
        "theme_url": None,
        "audience_url": None,
        "barrier": None,
        "barrier_title": None,
        "barrier_section": None,
        "barrier_where": None,
        "barrier_url": None,
        "related": [],
        "twin": None,
        "last_changed": retired.date.isoformat(),
        "changes": [],
        "citation": None,
        "withdrawn": {
            "date": retired.date.isoformat(),
            "reason": retired.reason,
            "replaced_by": replaced_by,
            "replaced_by_url": (paths.absolute(site_url, paths.recommendation_page(replaced_by))
                                if replaced_by else None),
        },
        "describedby": schema_url(site_url),
        "section7_difference": None,
        "section7_footnote": None,
    }


def records(catalogue: Catalogue, site_url: str) -> list[dict]:
    """Every recommendation in the report's order, then every withdrawn one."""
    return ([_record(rec, catalogue, site_url) for rec in catalogue.recommendations]
            + [_withdrawn_record(retired, site_url) for retired in catalogue.retired])


def _capitalize_first(value: str) -> str:
    return value[:1].upper() + value[1:]


def schema_url(site_url: str) -> str:
    return paths.absolute(site_url, paths.SCHEMA_DOWNLOAD)


def to_json(catalogue: Catalogue, site_url: str) -> str:
    return json.dumps(records(catalogue, site_url), ensure_ascii=False, indent=2) + "\n"


def to_json_schema(site_url: str) -> str:
    """The published schema: the file beside this module, with its address as its `$id`."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    schema = {"$schema": schema.pop("$schema"), "$id": schema_url(site_url), **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def csv_cell(value) -> str:
    """A value as a CSV cell that no spreadsheet runs as a formula (also the planner's review.csv)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # Prefixing an apostrophe makes spreadsheets show the text instead of evaluating it.
    return f"'{text}" if looks_like_formula(text) else text


# Characters a spreadsheet may skip before a formula: spaces, a byte-order mark, zero-width ones.
FORMULA_SKIPPED = " \u00a0\ufeff\u200b\u200c\u200d\u2060"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula: its first real character, taken in its
    compatibility form (a full-width ＝ is =), starts one."""
    start = text.lstrip(FORMULA_SKIPPED)  # none of the formula characters is skipped
    return bool(start) and unicodedata.normalize("NFKC", start[0]).startswith(FORMULA_START)


def _flat(record: dict) -> dict:
    """A JSON record as one CSV row: nested `a.b` becomes column `a_b`, lists become text."""
    row = dict(record)
    for group in ("report_words", "site_words"):
        for name, value in row.pop(group).items():
            row[f"{group}_{name}"] = value
    withdrawn = row.pop("withdrawn") or {}
    for name in ("date", "reason", "replaced_by", "replaced_by_url"):
        row[f"withdrawn_{name}"] = withdrawn.get(name)
    row["related"] = " ".join(row["related"])
    row["changes"] = "\n".join(f"{change['date']}: {change['change']}" for change in row["changes"])
    return row


def to_csv(catalogue: Catalogue, site_url: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for record in records(catalogue, site_url):
        row = _flat(record)
        writer.writerow([csv_cell(row[column]) for column in COLUMNS])
    return out.getvalue()
