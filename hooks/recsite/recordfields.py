"""A recommendation's public fields, declared once: FIELDS, the one table the downloads, their
published schema, the action planner and the pull-request summary are made from.

Each row says where the field is in recommendations.json (its order in the table is its order in a
record), its JSON Schema and description (the published schema's), whose words it holds, its value
for a current and for a withdrawn recommendation, its column in recommendations.csv, what a pull
request's summary calls a change to the model attribute it shows, and whether the action planner
shows it (its key in the planner page's records, its column in review.csv and the planner's export).

Councils read these files by name and by position: a field is only ever added, at the end (of the
table, and with the next column number), never renamed, removed or moved. tests/golden/ keeps the
files as they are; developers/recipes.md says how to add a field.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any, Callable

from . import feed, paths, wording
from .dates import long_date
from .model import Catalogue, Recommendation, Retired

# Whose words a text is: `text_kind` and `title_kind` of every record say it for `text` and `title`.
REPORT_WORDS = "report"   # the report's exact words, quoted
SITE_WORDS = "site"       # written by this site, not the report


@dataclass(frozen=True)
class At:
    """What a field's value is computed with: the catalogue, the site's address and (for the
    planner's relative links) the page the record is shown on."""

    catalogue: Catalogue
    site_url: str = ""
    page: str = ""

    def address(self, page: str) -> str:
        return paths.absolute(self.site_url, page)

    @cached_property   # once per download: every record carries it
    def dataset(self) -> "Dataset":
        return dataset(self.catalogue)


Value = Callable[[Any, At], Any]   # (a Recommendation or a Retired, At) -> the field's value


def _none(record: Any, at: At) -> None:
    return None


def _object(record: Any, at: At) -> dict:
    """A group's value: an object its fields (`group.name` in the table) are put in."""
    return {}


@dataclass(frozen=True)
class Planner:
    """How the action planner shows a field: (position, name) of its key in the planner page's
    records and of its column in review.csv and the planner's CSV export (which imports back by
    name; planner.PLAN_COLUMNS are the plan's own columns among them), and its value there where
    it is not the downloads' one."""

    record: tuple[int, str] | None = None
    column: tuple[int, str] | None = None
    record_value: Value | None = None
    column_value: Callable[[Any], Any] | None = None   # from the downloads' value


@dataclass(frozen=True, eq=False)   # a row is itself (its schema, a dict, has no hash)
class Field:
    json: str | None                  # where it is in a record: "twin", "report_words.footnote"; None: planner only
    current: Value                    # its value for a current recommendation
    withdrawn: Value = _none          # its value for a withdrawn one (data/published.yaml keeps little)
    about: str | None = None          # its description in the published schema
    schema: dict | None = None        # its JSON Schema, without the description
    words: str | None = None          # REPORT_WORDS or SITE_WORDS for a text; None for ids, names, places, dates
    csv: int | None = None            # its column's position in recommendations.csv; None: JSON only
    as_text: Callable[[Any], Any] | None = None   # its CSV cell, where the value is a list
    change: tuple[str, str] | None = None   # (the Recommendation attribute it shows, what a change to it is called)
    planner: Planner | None = None
    # Its column on the site's reuse page (docs/reuse.md, "What each column holds"), in plain words for
    # councils (Markdown); "" when it is described in one row with the column before it.
    reuse: str | None = None

    @property
    def column(self) -> str:
        """Its column in recommendations.csv: a nested field a.b is a_b."""
        return self.json.replace(".", "_")

    @property
    def group(self) -> bool:
        """An object of other fields (`group.name` in the table), in some records or all."""
        return _object in (self.current, self.withdrawn)


def kind_of(name: str) -> Value:
    """The value of a `*_kind` field: whose words the field `name` holds, as the table says."""
    return lambda record, at: field(name).words


def section7_difference(rec: Recommendation) -> str | None:
    """How Section 7's wording differs from the text, as its page says it (recsite/wording.py): the
    site's sentence, the report's words in it between “ and ”. None where there is no other wording."""
    return wording.as_text(rec.section7_note) if rec.section7_note else None


def _url(record: Recommendation | Retired, at: At) -> str:
    return at.address(paths.recommendation_page(record.id))


def _last_changed(rec: Recommendation, at: At) -> str:
    return rec.last_changed(at.catalogue.report.site_published).isoformat()


def _citation(rec: Recommendation, at: At) -> str:
    """The same line as the page's "Cite this recommendation"."""
    where = rec.source.where
    changed = rec.last_changed(at.catalogue.report.site_published)
    return (f"{at.catalogue.report.citation()} {where[:1].upper() + where[1:]}. Available at: "
            f"{_url(rec, at)} (record last changed {long_date(changed)}).")


@dataclass(frozen=True)
class Dataset:
    """Which version of the records a download holds, so a council can tell whether the copy it
    keeps is the current one: `version` is the date of the newest change to any record (its
    `date`) and a fingerprint of every record's content, "2026-12-06.3f9a1c2b"."""

    version: str
    date: date


# The version's fingerprint: this many hex digits of the records' SHA-256 (enough to tell versions apart).
FINGERPRINT = 8


def dataset(catalogue: Catalogue) -> Dataset:
    """The records' version. The fingerprint covers every field of every record of
    recommendations.json except the version itself, as written for no particular address (its
    addresses from the site's root), so the same records give the same version wherever the site
    is built; any change to a record, or a field added to the downloads, gives a new one. The date
    is the newest change's (recsite/feed.py), or the site's first publication. Worked out once per
    catalogue: both downloads and the reuse page ask for it, and with 5,000 recommendations it
    takes a second."""
    if _last_dataset and _last_dataset[0] is catalogue:
        return _last_dataset[1]
    at = At(catalogue)
    content = [{entry.json: value for entry, value in values(record, at, _CONTENT).items()}
               for record in (*catalogue.recommendations, *catalogue.retired)]
    text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
    newest = feed.updated(catalogue)
    found = Dataset(f"{newest.isoformat()}.{hashlib.sha256(text.encode('utf-8')).hexdigest()[:FINGERPRINT]}", newest)
    _last_dataset[:] = [catalogue, found]   # the last build's (a catalogue is frozen: it cannot change)
    return found


_last_dataset: list = []


def schema_url(site_url: str) -> str:
    """The published schema's address (every record names it in `describedby`)."""
    return paths.absolute(site_url, paths.SCHEMA_DOWNLOAD)


def _section7(part: Callable[[Any], Any]) -> Value:
    """A detail of where Section 7 repeats a key recommendation; None for the others."""
    return lambda rec, at: part(rec.section7) if rec.section7 else None


def _or_null(schema: dict) -> dict:
    return {"oneOf": [schema, {"type": "null"}]}


ID = {"$ref": "#/$defs/id"}
URL = {"$ref": "#/$defs/url"}
DATE = {"$ref": "#/$defs/date"}
SECTION = {"$ref": "#/$defs/section"}
PAGE = {"$ref": "#/$defs/page"}
TEXT = {"type": "string", "minLength": 1}
TEXT_OR_NULL = {"type": ["string", "null"]}
ONE_TEXT_OR_NULL = {"type": ["string", "null"], "minLength": 1}


FIELDS: tuple[Field, ...] = (
    # The first thirteen: the downloads as first published.
    Field("id", lambda rec, at: rec.id, lambda old, at: old.id, csv=1, schema=ID,
          about="The recommendation's permanent id, part of its address /recommendations/<id>/. Never changed "
                "or reused.",
          planner=Planner(record=(1, "id"), column=(1, "id")),
          reuse="the recommendation's permanent id (its address is `/recommendations/<id>/`)"),
    Field("title", lambda rec, at: rec.title, lambda old, at: old.title, csv=2, words=SITE_WORDS, schema=TEXT,
          about="A short heading in THIS SITE'S OWN WORDS (the report gives its recommendations no titles). Same "
                "as site_words.title.",
          change=("title", "title"), planner=Planner(record=(2, "title"), column=(2, "title")),
          reuse="a short heading in **the site's own words** (the report gives its recommendations no titles)"),
    Field("text", lambda rec, at: rec.text, lambda old, at: old.text, csv=3, words=REPORT_WORDS, schema=TEXT,
          about="The recommendation in THE REPORT'S EXACT WORDS (Appendix 3's wording, without its * key marker "
                "and footnote numbers; for the one key recommendation Appendix 3 leaves out, "
                "find-local-employment-support, Section 7.1.3's wording, and section says so). Same as "
                "report_words.text.",
          change=("text", "the report's words"), planner=Planner(record=(3, "text"), column=(3, "report_words")),
          reuse="the recommendation in **the report's exact words**"),
    Field("theme", lambda rec, at: rec.theme.id, csv=4, schema=_or_null(ID),
          about="The theme's id (null for a withdrawn recommendation).",
          change=("theme", "theme"), planner=Planner(record=(5, "theme")),
          reuse='the id and name of its theme (one of four)'),
    Field("theme_title", lambda rec, at: rec.theme.title, csv=5, schema=TEXT_OR_NULL,
          about="The theme's name, as the site shows it.", planner=Planner(column=(6, "theme")),
          reuse=""),
    Field("audience", lambda rec, at: rec.audience.id, csv=6, schema=_or_null(ID),
          about="Who the recommendation is for: national-organisations, local-authorities-and-providers or "
                "individuals-and-families (null for a withdrawn recommendation).",
          change=("audience", "audience"), planner=Planner(record=(6, "audience")),
          reuse='the id and name of who it is for (one of three)'),
    Field("audience_title", lambda rec, at: rec.audience.title, csv=7, schema=TEXT_OR_NULL,
          about="Who it is for, as the site names them.", planner=Planner(column=(5, "audience")),
          reuse=""),
    Field("key", lambda rec, at: rec.key, csv=8, schema={"type": ["boolean", "null"]},
          about="true when the report makes it a key recommendation (marked * in Appendix 3 and repeated in "
                "Section 7, or printed in Section 7 only); null for a withdrawn recommendation.",
          change=("key", "key recommendation"),
          planner=Planner(record=(7, "key"), column=(7, "key"), column_value=lambda key: "yes" if key else "no"),
          reuse='`true` if the report marks it as a key recommendation'),
    Field("section", lambda rec, at: rec.source.section, csv=9, schema=_or_null(SECTION),
          about="The section of the report where the text is printed.", change=("source", "place in the report"),
          reuse='where the report prints it'),
    Field("page", lambda rec, at: rec.source.page, csv=10, schema=_or_null(PAGE),
          about="The page of the report on which the text starts.",
          reuse=""),
    Field("section7", _section7(lambda s7: s7.source.section), csv=11, schema=_or_null(SECTION),
          about="Key recommendations: the section of Section 7 that repeats it; otherwise null.",
          change=("section7", "Section 7 listing"),
          reuse='where Section 7 repeats a key recommendation (empty if it does not)'),
    Field("section7_page", _section7(lambda s7: s7.source.page), csv=12, schema=_or_null(PAGE),
          about="Key recommendations: the page of that Section 7 entry; otherwise null.",
          reuse=""),
    Field("url", _url, _url, csv=13, schema=URL, about="The recommendation's permanent page.",
          planner=Planner(record=(9, "url"), column=(9, "url"),
                          record_value=lambda rec, at: paths.relative(at.page, paths.recommendation_page(rec.id))),
          reuse='the address of its page on this site'),
    # Added later, each at the end.
    Field("status", lambda rec, at: "current", lambda old, at: "withdrawn", csv=14,
          schema={"enum": ["current", "withdrawn"]},
          about="\"current\", or \"withdrawn\": the site no longer lists it, its page says when, why and what "
                "replaces it (see withdrawn).",
          reuse='`current`, or `withdrawn` for a withdrawn recommendation (its page still exists)'),
    Field("title_kind", kind_of("title"), kind_of("title"), csv=15,
          schema={"const": SITE_WORDS, "$ref": "#/$defs/words"},
          about="Whose words title is: always \"site\", this site's own words, never to be quoted as the report's.",
          planner=Planner(column=(14, "title_kind")),
          reuse='always `site` and `report`: whose words `title` and `text` are'),
    Field("text_kind", kind_of("text"), kind_of("text"), csv=16,
          schema={"const": REPORT_WORDS, "$ref": "#/$defs/words"},
          about="Whose words text is: always \"report\", the report's exact words.",
          planner=Planner(column=(15, "report_words_kind")),
          reuse=""),
    Field("report_words", _object, _object, about="Everything in here is THE REPORT'S EXACT WORDS, quoted."),
    Field("report_words.text", lambda rec, at: rec.text, lambda old, at: old.text, words=REPORT_WORDS,
          schema=TEXT, about="The recommendation, as printed at section (Appendix 3, or Section 7.1.3 for the "
                                      "one recommendation only it prints); same as text."),
    Field("report_words.footnote", lambda rec, at: rec.footnote, csv=18, words=REPORT_WORDS, schema=TEXT_OR_NULL,
          about="The report's footnote to the recommendation, or null.", change=("footnote", "footnote"),
          reuse="**the report's exact words**: the recommendation's footnote, and Section 7's wording where"
                " it differs from Appendix 3's"),
    Field("report_words.section7_wording", _section7(lambda s7: s7.wording), csv=19, words=REPORT_WORDS,
          schema=TEXT_OR_NULL,
          about="How Section 7 words the recommendation where its words differ from Appendix 3's (printed at "
                "section7, page section7_page); null where Section 7 uses the same words or does not repeat it.",
          planner=Planner(record=(13, "section7_wording"), column=(18, "report_words_section7_wording")),
          reuse=""),
    Field("site_words", _object, _object, about="Everything in here is THIS SITE'S OWN WORDS, not the report's."),
    Field("site_words.title", lambda rec, at: rec.title, lambda old, at: old.title, words=SITE_WORDS, schema=TEXT,
          about="The site's short heading (same as title)."),
    Field("site_words.plain", lambda rec, at: rec.plain, csv=17, words=SITE_WORDS, schema=TEXT_OR_NULL,
          about="The site's plain-words version (short sentences, no abbreviations), given for every current "
                "recommendation for individuals and families; null for the others. A summary, not the report's "
                "words.",
          change=("plain", "plain words"), planner=Planner(record=(4, "plain"), column=(4, "plain_words")),
          reuse="**the site's own words**: a plain-words version, for the recommendations for individuals "
                'and families'),
    Field("where", lambda rec, at: rec.source.where, csv=20, schema=TEXT_OR_NULL,
          about="Where the text is in the report, in words, e.g. \"Appendix 3, section A3.1.1, page 53\".",
          planner=Planner(record=(8, "where"), column=(8, "in_the_report")),
          reuse="where the text, and Section 7's repeat of a key recommendation, are in the report, in words"),
    Field("section7_where", _section7(lambda s7: s7.source.where), csv=21, schema=TEXT_OR_NULL,
          about="Key recommendations: where Section 7 repeats it, in words, e.g. \"Section 7.1.1, page 36\"; "
                "otherwise null.",
          planner=Planner(record=(12, "section7_where"), column=(17, "section7_where")),
          reuse=""),
    Field("theme_url", lambda rec, at: at.address(paths.theme_page(rec.theme.id)), csv=22, schema=_or_null(URL),
          about="The theme's page.",
          reuse="the addresses of its theme's and its audience's pages"),
    Field("audience_url", lambda rec, at: at.address(paths.audience_page(rec.audience.id)), csv=23,
          schema=_or_null(URL), about="The page of everything for this audience.",
          reuse=""),
    Field("barrier", lambda rec, at: rec.theme.barrier.id, csv=24, schema=_or_null(ID),
          about="The id of the barrier (Section 5 of the report) this site pairs with the recommendation's theme "
                "(the pairing is the site's, not the report's).",
          reuse="the barrier (from Section 5 of the report) that this site pairs with the recommendation's "
                "theme, and its page. The pairing is ours, not the report's"),
    Field("barrier_title", lambda rec, at: rec.theme.barrier.title, csv=25, schema=TEXT_OR_NULL,
          about="The barrier's name.",
          reuse=""),
    Field("barrier_section", lambda rec, at: rec.theme.barrier.section, csv=26, schema=_or_null(SECTION),
          about="The section of the report that describes the barrier, e.g. \"5.1\".",
          reuse=""),
    Field("barrier_where", lambda rec, at: rec.theme.barrier.source.where, csv=27, schema=TEXT_OR_NULL,
          about="Where the barrier is described, in words, e.g. \"Section 5.1, pages 25–26\".",
          reuse=""),
    Field("barrier_url", lambda rec, at: at.address(paths.barrier_page(rec.theme.barrier.id)), csv=28,
          schema=_or_null(URL), about="The barrier's page: what the report found, with quotes.",
          reuse=""),
    Field("related", lambda rec, at: list(rec.related), lambda old, at: [], csv=29, as_text=" ".join,
          schema={"type": "array", "items": ID, "uniqueItems": True},
          about="Ids of other recommendations to read with this one (chosen by the site).",
          change=("related", "related recommendations"),
          reuse='the ids of recommendations to read with it, separated by spaces'),
    Field("twin", lambda rec, at: rec.twin, csv=37, schema=_or_null(ID),
          about="The id of the same recommendation, which the report prints again under another theme (48 "
                "printed recommendations are 47 different ones); null if it is printed once.",
          change=("twin", "printed-twice note"), planner=Planner(record=(16, "twin"), column=(20, "twin")),
          reuse='the id of the same recommendation where the report prints it a second time, under another '
                'theme (empty if it is printed once)'),
    Field("last_changed", _last_changed, lambda old, at: old.date.isoformat(), csv=30, schema=DATE,
          about="When the record last changed: its newest change, or when the site was first published; for a "
                "withdrawn recommendation, the day it was withdrawn.",
          planner=Planner(record=(10, "changed")),
          reuse='when its record last changed, and what changed, newest first: one change a line, its date '
                '(year-month-day), a colon, then what changed'),
    Field("changes", lambda rec, at: [{"date": change.date.isoformat(), "change": change.change}
                                      for change in rec.changes],
          lambda old, at: [], csv=31, words=SITE_WORDS,
          as_text=lambda changes: "\n".join(f"{change['date']}: {change['change']}" for change in changes),
          schema={"type": "array", "items": {"type": "object", "additionalProperties": False,
                                             "required": ["date", "change"],
                                             "properties": {"date": DATE, "change": TEXT}}},
          about="The record's change history, newest first, in the site's own words.",
          change=("changes", "change history"), planner=Planner(record=(11, "changes")),
          reuse=""),
    Field("citation", _citation, csv=32, words=SITE_WORDS, schema=TEXT_OR_NULL,
          about="How to cite the recommendation, the same line as on its page; null for a withdrawn "
                "recommendation.",
          reuse='the citation line shown on its page'),
    Field("withdrawn", _none, _object,
          about="null for a current recommendation. For a withdrawn one: when and why (in the site's own words), "
                "and what replaces it."),
    Field("withdrawn.date", _none, lambda old, at: old.date.isoformat(), csv=33, schema=DATE,
          reuse='for a withdrawn recommendation: when, why, and what replaces it (empty otherwise)'),
    Field("withdrawn.reason", _none, lambda old, at: old.reason, csv=34, words=SITE_WORDS, schema=TEXT,
          reuse=""),
    Field("withdrawn.replaced_by", _none, lambda old, at: old.replaced_by, csv=35, schema=_or_null(ID),
          about="The id of the recommendation that replaces it, or null.",
          reuse=""),
    Field("withdrawn.replaced_by_url", _none,
          lambda old, at: at.address(paths.recommendation_page(old.replaced_by)) if old.replaced_by else None,
          csv=36, schema=_or_null(URL),
          reuse=""),
    Field("describedby", lambda rec, at: schema_url(at.site_url), lambda old, at: schema_url(at.site_url),
          schema=URL, about="The address of this schema (recommendations.schema.json)."),
    Field("section7_difference", lambda rec, at: section7_difference(rec), csv=38, words=SITE_WORDS,
          schema=ONE_TEXT_OR_NULL,
          about="Where Section 7 words the recommendation differently (report_words.section7_wording), how it "
                "differs from text, as the recommendation's page says it: a sentence in THIS SITE'S OWN WORDS, "
                "computed from the two texts word by word, e.g. \"Section 7.1.2 prints it without “for those who "
                "will not go on to further education”.\", \"Section 7.1.2 adds “…” at the end.\" or \"Section "
                "7.3.1 prints the same words (punctuation differs).\" The words between “ and ” in it are THE "
                "REPORT'S EXACT WORDS. null where section7_wording is null.",
          planner=Planner(record=(14, "section7_difference"), column=(19, "section7_difference")),
          reuse='where Section 7 words a key recommendation differently, how, as its page says it: for '
                'example "Section 7.1.2 prints it without “…”." The sentence is ours; the words between “ '
                "and ” are the report's, exactly"),
    Field("section7_footnote", _section7(lambda s7: s7.footnote), csv=39, words=REPORT_WORDS,
          schema=ONE_TEXT_OR_NULL,
          about="THE REPORT'S EXACT WORDS: the footnote Section 7 prints to its repeat of this key recommendation, "
                "where it has one of its own (Section 7.1.3's to think-about-employment-early: a web address "
                "Appendix 3 does not print). null otherwise.",
          reuse="**the report's exact words**: the footnote Section 7 prints to its repeat of a key "
                'recommendation, where it has one of its own (empty otherwise)'),
    Field("dataset_version", lambda rec, at: at.dataset.version, lambda old, at: at.dataset.version, csv=40,
          schema={"type": "string", "pattern": f"^[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}\\.[0-9a-f]{{{FINGERPRINT}}}$"},
          about="Which version of the records this file holds, the same in every record: the date of the newest "
                "change to any recommendation (dataset_date) and a fingerprint of every record's content, e.g. "
                "\"2026-12-06.3f9a1c2b\". It changes whenever any record does; compare it with the current "
                "file's (or the site's reuse page) to tell whether a copy is out of date.",
          reuse="which version of the records the file holds, the same in every row: the date of the newest "
                "change to any recommendation, a dot, and a fingerprint of every record (for example "
                "`2026-12-06.3f9a1c2b`); then that date on its own. If your copy's version differs from the one "
                "on this page, a record has changed since you downloaded it: see [What's changed](changes.md)"),
    Field("dataset_date", lambda rec, at: at.dataset.date.isoformat(), lambda old, at: at.dataset.date.isoformat(),
          csv=41, schema=DATE,
          about="The date of the newest change to any recommendation (or of the site's first publication): the "
                "date part of dataset_version.",
          reuse=""),
    # The planner's own: not in the downloads.
    Field(None, lambda rec, at: list(rec.section7_note) if rec.section7_note else None,
          planner=Planner(record=(15, "section7_note"))),   # section7_difference as parts: the report's words odd
    Field(None, kind_of("site_words.plain"), planner=Planner(column=(16, "plain_words_kind"))),
)

_BY_JSON = {entry.json: entry for entry in FIELDS if entry.json}


def field(name: str) -> Field:
    """The field at `name` in a record ("twin", "report_words.footnote")."""
    return _BY_JSON[name]


# What a record's version fingerprints: every field of the downloads but the version's own.
_CONTENT = tuple(entry for entry in FIELDS if entry.json and not entry.json.startswith("dataset_"))


def values(record: Recommendation | Retired, at: At, fields: tuple[Field, ...] = FIELDS) -> dict[str | None, Any]:
    """Every field's value (of `fields`) for a current recommendation or a withdrawn one, by field."""
    withdrawn = isinstance(record, Retired)
    return {entry: (entry.withdrawn if withdrawn else entry.current)(record, at) for entry in fields}


def json_record(record: Recommendation | Retired, at: At) -> dict:
    """A record of recommendations.json: the fields in the table's order, a.b inside a."""
    out: dict = {}
    for entry, value in values(record, at).items():
        if entry.json is None:
            continue
        *groups, name = entry.json.split(".")
        place = out
        for group in groups:
            place = place[group]
            if place is None:   # a group with no value (a current record's `withdrawn`) holds nothing
                break
        else:
            place[name] = value
    return out


def csv_fields() -> list[Field]:
    """The fields in recommendations.csv, in the order of its columns."""
    return sorted((entry for entry in FIELDS if entry.csv), key=lambda entry: entry.csv)


# The columns recommendations.csv first had; the reuse page lists them apart from those added since.
ORIGINAL_COLUMNS = 13


def reuse_rows() -> tuple[list[tuple[list[str], str]], list[tuple[list[str], str]]]:
    """The reuse page's two tables, the original columns and those added since: each row is the
    columns it describes (in the file's order) and what they hold, from the table's `reuse`."""
    rows: list[tuple[list[str], str]] = []
    for entry in csv_fields():
        if entry.reuse is None:
            raise ValueError(f"recordfields.py: the column {entry.column} has no `reuse` (expected what it holds, "
                             "in plain words for the reuse page, or \"\" to describe it with the column before)")
        if entry.reuse:
            rows.append(([entry.column], entry.reuse))
        else:
            rows[-1][0].append(entry.column)
    split, count = 0, 0
    while count < ORIGINAL_COLUMNS:
        count += len(rows[split][0])
        split += 1
    return rows[:split], rows[split:]


def csv_row(record: Recommendation | Retired, at: At) -> list:
    """A row of recommendations.csv: each column's value, lists as text."""
    found = values(record, at)
    return [entry.as_text(found[entry]) if entry.as_text else found[entry] for entry in csv_fields()]


def schema_properties() -> dict:
    """The published schema's `properties` of a record, each with its description, groups with theirs."""
    properties: dict = {}
    members: dict[str, dict] = {}   # a group's properties, by the group's name
    for entry in FIELDS:
        if entry.json is None:
            continue
        group, _, name = entry.json.rpartition(".")
        if group:
            members[group][name] = _described(entry.schema, entry.about)
        elif entry.group:
            properties[name] = entry
            members[name] = {}
        else:
            properties[name] = _described(entry.schema, entry.about)
    return {name: _group_schema(value, members[name]) if isinstance(value, Field) else value
            for name, value in properties.items()}


def _group_schema(entry: Field, members: dict) -> dict:
    """An object of fields; `withdrawn`, which a current record has as null (its `current` is
    _none), is one or the other."""
    shape = {"type": "object", "additionalProperties": False, "required": list(members), "properties": members}
    schema = {"oneOf": [{"type": "null"}, shape]} if entry.current is _none else shape
    return {"description": entry.about, **schema}


def _described(schema: dict, about: str | None) -> dict:
    """A field's schema with its description: after a plain value's rules, before a list of objects'."""
    if about is None:
        return dict(schema)
    if "properties" in schema.get("items", {}):
        return {"description": about, **schema}
    return {**schema, "description": about}


def change_labels() -> dict[str, str]:
    """What a pull request's summary calls a change to each Recommendation attribute."""
    return dict(entry.change for entry in FIELDS if entry.change)


def planner_fields(part: str) -> list[Field]:
    """The fields the planner shows, in the order of its records' keys (`part` "record") or of its
    CSV's columns ("column")."""
    shown = [entry for entry in FIELDS if entry.planner and getattr(entry.planner, part)]
    return sorted(shown, key=lambda entry: getattr(entry.planner, part)[0])


def planner_record(rec: Recommendation, at: At) -> dict:
    """A recommendation as the planner page's data holds it."""
    return {entry.planner.record[1]: (entry.planner.record_value or entry.current)(rec, at)
            for entry in planner_fields("record")}


def planner_cells(rec: Recommendation, at: At) -> dict[int, Any]:
    """A recommendation's cells in review.csv and the planner's export, by column position."""
    cells = {}
    for entry in planner_fields("column"):
        value = entry.current(rec, at)
        cells[entry.planner.column[0]] = entry.planner.column_value(value) if entry.planner.column_value else value
    return cells
