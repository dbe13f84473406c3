"""recommendations.json and recommendations.csv: the same records as the pages, for reuse."""

from __future__ import annotations

import csv
import io
import json

from . import paths
from .model import Catalogue, Recommendation

COLUMNS = ["id", "title", "text", "theme", "theme_title", "audience", "audience_title", "key",
           "section", "page", "section7", "section7_page", "url"]

# A spreadsheet runs a cell that starts with one of these as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _row(rec: Recommendation, site_url: str) -> dict:
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
        "url": paths.absolute(site_url, paths.recommendation_page(rec.id)),
    }


def to_json(catalogue: Catalogue, site_url: str) -> str:
    rows = [_row(rec, site_url) for rec in catalogue.recommendations]
    return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # Prefixing an apostrophe makes spreadsheets show the text instead of evaluating it.
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def to_csv(catalogue: Catalogue, site_url: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for rec in catalogue.recommendations:
        row = _row(rec, site_url)
        writer.writerow([_cell(row[column]) for column in COLUMNS])
    return out.getvalue()
