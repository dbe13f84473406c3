"""Turn the YAML files in data/ into a validated `Catalogue`, or raise `DataError` with every problem."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from .anchors import FIXED_ANCHORS
from .errors import DataError, Problem
from .evidence import APPENDICES_FILE, EVIDENCE_FILE, build_evidence, read_appendices, read_evidence
from .fields import Fields, Problems, describe
from .model import (Audience, Barrier, Catalogue, CoreRecommendation, Figure, FigureGroup,
                    Recommendation, Report, Section7, Source, Theme)
from .yamlsource import Located, load_yaml

TAXONOMY_FILE = "taxonomy.yaml"
REPORT_FILE = "report.yaml"
RECOMMENDATIONS_FILE = "recommendations.yaml"

# Before report.yaml is read we do not know the report's length; pages are checked against this.
DEFAULT_PAGES = 56
TITLE_MAX_LENGTH = 80

RECOMMENDATION_FIELDS = ["id", "title", "text", "theme", "audience", "key", "source", "section7",
                         "related", "footnote"]


def load_catalogue(data_dir: Path, label_dir: str = "data") -> Catalogue:
    """Read and check all data files. `label_dir` is how the folder is named in messages."""
    problems: list = []
    documents: dict[str, Any] = {}
    for name in (REPORT_FILE, TAXONOMY_FILE, RECOMMENDATIONS_FILE):
        try:
            documents[name] = load_yaml(data_dir / name, f"{label_dir}/{name}")
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        raise DataError(problems)

    report_checks = Problems(f"{label_dir}/{REPORT_FILE}")
    report, core, figure5 = _read_report(report_checks, documents[REPORT_FILE])
    pages = report.pages if report else DEFAULT_PAGES

    taxonomy_checks = Problems(f"{label_dir}/{TAXONOMY_FILE}")
    themes, audiences = _read_taxonomy(taxonomy_checks, documents[TAXONOMY_FILE], pages)

    # Recommendations are checked against the taxonomy; a broken taxonomy would make every record
    # look wrong, so its own problems come first and alone.
    if report_checks.found or taxonomy_checks.found:
        raise DataError(report_checks.found + taxonomy_checks.found)

    rec_checks = Problems(f"{label_dir}/{RECOMMENDATIONS_FILE}")
    recommendations = _read_recommendations(rec_checks, documents[RECOMMENDATIONS_FILE], themes,
                                            audiences, pages)

    evidence, evidence_problems = _read_evidence(data_dir, label_dir, tuple(themes.values()),
                                                 {rec.id for rec in recommendations})
    if rec_checks.found or evidence_problems:
        raise DataError(rec_checks.found + evidence_problems)
    return Catalogue(report=report, themes=tuple(themes.values()), audiences=tuple(audiences.values()),
                     recommendations=tuple(recommendations), core=core, figure5=figure5,
                     evidence=evidence)


def _read_evidence(data_dir: Path, label_dir: str, themes: tuple[Theme, ...], rec_ids: set[str]):
    """The evidence and appendices, or the problems found in them."""
    documents, problems = {}, []
    for name in (EVIDENCE_FILE, APPENDICES_FILE):
        try:
            documents[name] = load_yaml(data_dir / name, f"{label_dir}/{name}")
        except DataError as error:
            problems.extend(error.problems)
    if problems:
        return None, problems
    pages, barriers, references, found = read_evidence(
        documents[EVIDENCE_FILE], data_dir, f"{label_dir}/{EVIDENCE_FILE}", themes, rec_ids)
    appendices, appendix_problems = read_appendices(documents[APPENDICES_FILE], data_dir,
                                                    f"{label_dir}/{APPENDICES_FILE}")
    problems = found + appendix_problems
    page_ids = {page.id for page in pages}
    for appendix in appendices:
        if appendix.id in page_ids:
            problems.append(Problem(f"{label_dir}/{APPENDICES_FILE}", None, appendix.id, "id",
                                    "an evidence page in evidence.yaml already has this id "
                                    "(both live at /evidence/<id>/)"))
    return build_evidence(pages, barriers, references, appendices), problems


def _top(checks: Problems, document: Any, key: str) -> Any:
    if not isinstance(document, Located):
        checks.add(None, None, None, f"expected a mapping with a '{key}' key at the top of the file, "
                                     f"got {_what(document)}")
        return None
    if key not in document:
        checks.add(document.line, None, key, "missing (expected at the top of the file)")
        return None
    return document[key]


def _what(document: Any) -> str:
    return "an empty file" if document is None else describe(document)


def _source(fields: Fields | None, pages: int, ranged: bool = False) -> Source | None:
    if fields is None:
        return None
    fields.only(["section", "page", "to_page"] if ranged else ["section", "page"])
    section = fields.text("section")
    page = fields.integer("page", 1, pages)
    to_page = fields.integer("to_page", 1, pages, required=False) if ranged else None
    if page is not None and to_page is not None and to_page < page:
        fields.problem("to_page", f"page {to_page} comes before the first page {page}")
        return None
    if section is None or page is None:
        return None
    return Source(section, page, to_page)


def _texts(fields: Fields, name: str) -> tuple[str, ...] | None:
    items = fields.list_field(name)
    if items is None:
        return None
    texts = []
    for index, item in enumerate(items, 1):
        if not isinstance(item, str) or not item.strip():
            fields.problem(name, f"item {index}: expected text")
            continue
        texts.append(" ".join(item.split()))
    return tuple(texts)


# --- report.yaml -------------------------------------------------------------------------------

def _read_report(checks: Problems, document: Any):
    report = core = figure = None
    if (fields := checks.reader(_top(checks, document, "report"), "report")) is not None:
        fields.only(["title", "authors", "cite_authors", "year", "date", "publisher", "place", "pages"])
        values = dict(
            title=fields.text("title"), authors=_texts(fields, "authors"),
            cite_authors=fields.text("cite_authors"), year=fields.integer("year", 1900, 2100),
            date=fields.text("date"), publisher=fields.text("publisher"), place=fields.text("place"),
            pages=fields.integer("pages", 1, 2000),
        )
        if None not in values.values():
            report = Report(**values)
    pages = report.pages if report else DEFAULT_PAGES

    if isinstance(document, Located) and (fields := checks.reader(
            _top(checks, document, "core_recommendation"), "core_recommendation")) is not None:
        fields.only(["source", "paragraphs", "in_practice_intro", "in_practice", "note", "note_source"])
        values = dict(
            source=_source(fields.mapping_field("source"), pages, ranged=True),
            paragraphs=_texts(fields, "paragraphs"), in_practice_intro=fields.text("in_practice_intro"),
            in_practice=_texts(fields, "in_practice"), note=fields.text("note"),
            note_source=_source(fields.mapping_field("note_source"), pages, ranged=True),
        )
        if None not in values.values():
            core = CoreRecommendation(**values)

    if isinstance(document, Located) and (fields := checks.reader(
            _top(checks, document, "figure5"), "figure5")) is not None:
        fields.only(["title", "source", "groups"])
        title = fields.text("title")
        source = _source(fields.mapping_field("source"), pages, ranged=True)
        groups = []
        for index, item in enumerate(fields.list_field("groups") or [], 1):
            group = checks.reader(item, "figure5", f"groups[{index}].", fields.line_of("groups"))
            if group is None:
                continue
            group.only(["heading", "items"])
            heading, items = group.text("heading"), _texts(group, "items")
            if heading and items:
                groups.append(FigureGroup(heading, items))
        if title and source and groups:
            figure = Figure(title, source, tuple(groups))
    return report, core, figure


# --- taxonomy.yaml -----------------------------------------------------------------------------

def _read_taxonomy(checks: Problems, document: Any, pages: int):
    themes: dict[str, Theme] = {}
    audiences: dict[str, Audience] = {}
    for index, item in enumerate(_records(checks, document, "themes"), 1):
        fields = checks.reader(item, f"theme {index}")
        if fields is None:
            continue
        theme_id = fields.identifier("id")
        fields.record = theme_id or fields.record
        fields.only(["id", "title", "sections", "barrier"])
        title = fields.text("title")
        sections = []
        for number, entry in enumerate(fields.list_field("sections") or [], 1):
            section = _source(checks.reader(entry, fields.record, f"sections[{number}].",
                                            fields.line_of("sections")), pages)
            if section:
                sections.append(section)
        barrier = _barrier(fields.mapping_field("barrier"), pages)
        if theme_id in themes:
            fields.problem("id", "duplicate theme id (ids must be unique)")
        elif theme_id and title and sections and barrier:
            themes[theme_id] = Theme(theme_id, title, tuple(sections), barrier)

    subsections: set[int] = set()
    for index, item in enumerate(_records(checks, document, "audiences"), 1):
        fields = checks.reader(item, f"audience {index}")
        if fields is None:
            continue
        audience_id = fields.identifier("id")
        fields.record = audience_id or fields.record
        fields.only(["id", "title", "subsection", "includes", "includes_source"])
        values = dict(id=audience_id, title=fields.text("title"),
                      subsection=fields.integer("subsection", 1, 9), includes=fields.text("includes"),
                      includes_source=_source(fields.mapping_field("includes_source"), pages))
        if audience_id in audiences or audience_id in themes:
            fields.problem("id", "duplicate id (theme and audience ids must all be unique)")
        elif values["subsection"] in subsections:
            fields.problem("subsection", f"{values['subsection']} is already another audience's subsection")
        elif None not in values.values():
            subsections.add(values["subsection"])
            audiences[audience_id] = Audience(**values)
    return themes, audiences


def _barrier(fields: Fields | None, pages: int) -> Barrier | None:
    if fields is None:
        return None
    fields.only(["id", "section", "title", "page", "to_page", "summary"])
    barrier_id = fields.identifier("id")
    section, title, summary = fields.text("section"), fields.text("title"), fields.text("summary")
    page = fields.integer("page", 1, pages)
    to_page = fields.integer("to_page", 1, pages, required=False)
    if None in (barrier_id, section, title, summary, page):
        return None
    return Barrier(barrier_id, section, title, Source(section, page, to_page), summary)


def _records(checks: Problems, document: Any, key: str) -> list:
    items = _top(checks, document, key)
    if items is None:
        return []
    if not isinstance(items, list) or not items:
        checks.add(document.line_of(key), None, key, f"expected a list of records, got {describe(items)}")
        return []
    return items


# --- recommendations.yaml ----------------------------------------------------------------------

def _read_recommendations(checks: Problems, document: Any, themes: dict[str, Theme],
                          audiences: dict[str, Audience], pages: int) -> list[Recommendation]:
    reserved = set(themes) | set(audiences) | FIXED_ANCHORS
    read: list[tuple[Recommendation, Fields, list[str]]] = []
    first_line: dict[str, int] = {}
    for index, item in enumerate(_records(checks, document, "recommendations"), 1):
        fields = checks.reader(item, f"recommendation {index}")
        if fields is None:
            continue
        rec_id = fields.identifier("id")
        fields.record = rec_id or fields.record
        fields.only(RECOMMENDATION_FIELDS)
        if rec_id in first_line:
            fields.problem("id", f"duplicate id (first used on line {first_line[rec_id]}); ids must be unique")
            rec_id = None
        elif rec_id in reserved:
            fields.problem("id", f"'{rec_id}' is already used as a page anchor (a theme, an audience or "
                                 f"one of: {', '.join(sorted(FIXED_ANCHORS))}); choose another id")
            rec_id = None
        elif rec_id:
            first_line[rec_id] = fields.line_of("id")

        rec = _recommendation(fields, rec_id, themes, audiences, pages)
        related = _related(fields)
        if rec is not None:
            read.append((rec, fields, related))

    ids = {rec.id for rec, _, _ in read} | set(first_line)
    result = []
    for rec, fields, related in read:
        for other in related:
            if other == rec.id:
                fields.problem("related", "a recommendation cannot be related to itself")
            elif other not in ids:
                fields.problem("related", f"no recommendation has the id '{other}'")
        result.append(replace(rec, related=tuple(related)))

    # The report's order: theme, then audience, then the order of the file.
    theme_order = {theme_id: n for n, theme_id in enumerate(themes)}
    audience_order = {audience_id: n for n, audience_id in enumerate(audiences)}
    return sorted(result, key=lambda rec: (theme_order[rec.theme.id], audience_order[rec.audience.id]))


def _recommendation(fields: Fields, rec_id: str | None, themes: dict[str, Theme],
                    audiences: dict[str, Audience], pages: int) -> Recommendation | None:
    title = fields.text("title", max_length=TITLE_MAX_LENGTH)
    text = fields.text("text")
    theme = fields.choice("theme", themes, "theme")
    audience = fields.choice("audience", audiences, "audience")
    key = fields.boolean("key")
    source_fields = fields.mapping_field("source")
    source = _source(source_fields, pages)
    footnote = fields.text("footnote", required=False)

    expected = _sections_for(theme, audience)
    if source and expected and source.section not in expected:
        source_fields.problem("section",
                       f"section '{source.section}' does not belong to theme '{theme.id}' and audience "
                       f"'{audience.id}' (expected one of: {', '.join(sorted(expected))})")
        source = None

    section7 = None
    if "section7" in fields.mapping:
        if key is False:
            fields.problem("section7", "only key recommendations (key: true) are repeated in Section 7")
        elif (s7 := fields.mapping_field("section7")) is not None:
            s7.only(["section", "page", "wording"])
            s7_source = _source(_without(s7, "wording"), pages)
            wording = s7.text("wording", required=False)
            section7_expected = {s for s in expected or () if s.startswith("7.")}
            if s7_source and section7_expected and s7_source.section not in section7_expected:
                s7.problem("section", f"section '{s7_source.section}' is not where Section 7 lists this "
                                      f"theme and audience (expected: {', '.join(sorted(section7_expected))})")
            elif s7_source:
                section7 = Section7(s7_source, wording)
    elif key:
        fields.problem("section7", "missing: key recommendations must say where Section 7 repeats them "
                                   "(expected section7: {section: 7.x.y, page: N})")

    values = (rec_id, title, text, theme, audience, key, source)
    if None in values or (key and section7 is None):
        return None
    return Recommendation(rec_id, title, text, theme, audience, key, source, section7, (), footnote)


def _without(fields: Fields, name: str) -> Fields:
    """The same mapping minus one key, so a sub-record can be read as a plain `Source`."""
    trimmed = Located({k: v for k, v in fields.mapping.items() if k != name})
    trimmed.line, trimmed.key_lines = fields.mapping.line, fields.mapping.key_lines
    return Fields(fields.problems, trimmed, fields.record, fields.prefix)


def _sections_for(theme: Theme | None, audience: Audience | None) -> set[str] | None:
    """The report sections where recommendations of this theme for this audience are printed."""
    if theme is None or audience is None:
        return None
    return {f"{section.section}.{audience.subsection}" for section in theme.sections}


def _related(fields: Fields) -> list[str]:
    if "related" not in fields.mapping:
        return []
    value = fields.mapping["related"]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        fields.problem("related", "expected a list of recommendation ids, e.g. [employment-as-the-norm]")
        return []
    return value
