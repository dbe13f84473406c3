"""recommendations.json and recommendations.csv: the same records as the pages, for reuse,
and recommendations.schema.json, the JSON Schema that describes every field of the JSON.

The fields, their order, columns and descriptions are recordfields.FIELDS'; this module writes
them out. Councils may already read these files, so fields and columns are only ever added, at the
end, never renamed or removed. The site's own words (a recommendation's title, its plain-words
version) are kept apart from the report's exact words, so a reuser cannot quote one as the other.
"""

from __future__ import annotations

import csv
import unicodedata
import io
import json
from pathlib import Path

from . import recordfields
from .model import Catalogue
from .recordfields import At, schema_url

SCHEMA_FILE = Path(__file__).resolve().parent / "recommendations.schema.json"

# The CSV's columns, in order (recordfields.FIELDS, `csv`).
COLUMNS = [entry.column for entry in recordfields.csv_fields()]

# A spreadsheet runs a cell that starts with one of these as a formula. (The planner's script
# reads this rule, and FORMULA_SKIPPED, from the planner's data: recsite/planner.py.)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _records(catalogue: Catalogue) -> list:
    """Every recommendation in the report's order, then every withdrawn one."""
    return [*catalogue.recommendations, *catalogue.retired]


def records(catalogue: Catalogue, site_url: str) -> list[dict]:
    """recommendations.json's records (recordfields.FIELDS)."""
    at = At(catalogue, site_url)
    return [recordfields.json_record(record, at) for record in _records(catalogue)]


def to_json(catalogue: Catalogue, site_url: str) -> str:
    return json.dumps(records(catalogue, site_url), ensure_ascii=False, indent=2) + "\n"


def to_json_schema(site_url: str) -> str:
    """The published schema: the file beside this module, with its address as its `$id` and each
    field's schema and description from recordfields.FIELDS."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    record = schema["$defs"]["record"]
    del record["$comment"]
    record["properties"] = recordfields.schema_properties()
    record["required"] = list(record["properties"])
    schema = {"$schema": schema.pop("$schema"), "$id": schema_url(site_url), **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def csv_cell(value) -> str:
    """A value as a CSV cell that no spreadsheet runs as a formula (also the planner's review.csv)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    # Prefixing an apostrophe makes spreadsheets show the text instead of evaluating it. Each part
    # after a ";" is guarded too: spreadsheets in many countries split a line at ";", not ",", so
    # there each part is a cell of its own. (The planner's lib/csv.js `safe` follows the same rule.)
    return ";".join(f"'{part}" if _guarded(part) else part for part in str(value).split(";"))


def _guarded(text: str) -> bool:
    """Whether a cell's part is written behind an apostrophe: it starts a formula, or apostrophes
    come before one (so that reading it back takes off only the one added)."""
    return looks_like_formula(text.lstrip("'"))


# Characters a spreadsheet may skip before a formula: spaces, a byte-order mark, zero-width ones.
FORMULA_SKIPPED = " \u00a0\ufeff\u200b\u200c\u200d\u2060"


def looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet could read `text` as a formula: its first real character, taken in its
    compatibility form (a full-width ＝ is =), starts one."""
    start = text.lstrip(FORMULA_SKIPPED)  # none of the formula characters is skipped
    return bool(start) and unicodedata.normalize("NFKC", start[0]).startswith(FORMULA_START)


def to_csv(catalogue: Catalogue, site_url: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    at = At(catalogue, site_url)
    for record in _records(catalogue):
        writer.writerow([csv_cell(value) for value in recordfields.csv_row(record, at)])
    return out.getvalue()
