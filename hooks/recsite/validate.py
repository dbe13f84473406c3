"""Turn the YAML files in data/ into a validated `Catalogue`, or raise `DataError` with every problem.

Each file is first checked against its JSON Schema in data/schema/ (the shape: fields, types,
patterns). What a schema cannot say is checked here: ids unique and not reused, references that
point at real records, tags from the taxonomy, sections that match a record's theme and audience,
and the register of published ids (data/published.yaml) that keeps every printed link alive.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .anchors import FIXED_ANCHORS, PAGE_NAMES
from .checks import Checks
from .checks import read_source as _source
from .checks import read_text as _text
from .errors import DataError, Problem
from .evidence import APPENDICES_FILE, EVIDENCE_FILE, read_appendices, read_evidence
from .model import (Audience, Barrier, Catalogue, Change, CoreRecommendation, Evidence, Figure,
                    FigureGroup, Recommendation, Report, Retired, Section7, Source, Term, Theme)
from .schema import check_records
from .yamlsource import load_yaml

REPORT_FILE = "report.yaml"
TAXONOMY_FILE = "taxonomy.yaml"
RECOMMENDATIONS_FILE = "recommendations.yaml"
PUBLISHED_FILE = "published.yaml"
GLOSSARY_FILE = "glossary.yaml"
SCHEMA_DIR = "schema"
# GOV.UK's guidance for plain and Easy Read writing: short sentences.
PLAIN_SENTENCE_WORDS = 15
_ALL_IDS = "all recommendation ids"  # documents key: ids of every record, malformed or not
# The order files are read and their problems reported in.
DATA_FILES = (REPORT_FILE, TAXONOMY_FILE, RECOMMENDATIONS_FILE, PUBLISHED_FILE, EVIDENCE_FILE,
              APPENDICES_FILE, GLOSSARY_FILE)


def load_catalogue(data_dir: Path, label_dir: str = "data") -> Catalogue:
    """Read and check all data files. `label_dir` is how the folder is named in messages."""
    documents: dict[str, Any] = {}
    problems: list[Problem] = []
    for name in DATA_FILES:
        label = f"{label_dir}/{name}"
        try:
            document = load_yaml(data_dir / name, label)
        except DataError as error:
            problems.extend(error.problems)
            continue
        if document is None:
            problems.append(Problem(label,
                                    "the file is empty (expected the data "
                                    "described in data/schema/)"))
            continue
        found, faulty = check_records(document, data_dir / SCHEMA_DIR / name.replace(".yaml", ".schema.json"),
                                      label)
        problems.extend(found)
        if not found:
            documents[name] = document
        elif name == RECOMMENDATIONS_FILE and all(len(path) == 2 for path in faulty):
            # Only some records are malformed: check the others too, so an editor sees every
            # problem at once. Ids of the malformed ones still count as present.
            documents[name] = _without_records(document, "recommendations", faulty)
            documents[_ALL_IDS] = _raw_ids(document["recommendations"])

    # Each check below needs the files it reads to have the right shape; it runs when they do, so
    # one broken file does not hide the problems of the others.
    report = core = figure5 = None
    if REPORT_FILE in documents:
        checks = Checks(f"{label_dir}/{REPORT_FILE}")
        report, core, figure5 = _read_report(checks, documents[REPORT_FILE])
        problems.extend(checks.found)
    themes: dict[str, Theme] = {}
    audiences: dict[str, Audience] = {}
    if TAXONOMY_FILE in documents:
        checks = Checks(f"{label_dir}/{TAXONOMY_FILE}")
        themes, audiences = _read_taxonomy(checks, documents[TAXONOMY_FILE])
        problems.extend(checks.found)
        if checks.found:
            # Everything else is checked against the taxonomy; a broken one would make every
            # record look wrong, so its own problems are reported alone.
            del documents[TAXONOMY_FILE]

    recommendations: list[Recommendation] = []
    retired: list[Retired] = []
    if RECOMMENDATIONS_FILE in documents and TAXONOMY_FILE in documents:
        checks = Checks(f"{label_dir}/{RECOMMENDATIONS_FILE}")
        recommendations = _read_recommendations(checks, documents[RECOMMENDATIONS_FILE], themes, audiences,
                                                documents.get(_ALL_IDS, set()))
        if PUBLISHED_FILE in documents:
            published = Checks(f"{label_dir}/{PUBLISHED_FILE}")
            retired = _check_register(published, checks, documents[PUBLISHED_FILE],
                                      documents[RECOMMENDATIONS_FILE], themes, audiences,
                                      documents.get(_ALL_IDS, set()))
            problems.extend(published.found)
        problems.extend(checks.found)

    evidence = None
    if EVIDENCE_FILE in documents and TAXONOMY_FILE in documents and APPENDICES_FILE in documents:
        evidence, found = _read_evidence(documents, label_dir, tuple(themes.values()),
                                         {rec.id for rec in recommendations} | {r.id for r in retired})
        problems.extend(found)

    glossary: tuple[Term, ...] = ()
    if GLOSSARY_FILE in documents:
        checks = Checks(f"{label_dir}/{GLOSSARY_FILE}")
        glossary = _read_glossary(checks, documents[GLOSSARY_FILE])
        problems.extend(checks.found)

    if problems or None in (report, core, figure5, evidence):
        raise DataError(_in_file_order(problems))
    return Catalogue(report=report, themes=tuple(themes.values()), audiences=tuple(audiences.values()),
                     recommendations=tuple(recommendations), core=core, figure5=figure5,
                     evidence=evidence, retired=tuple(retired), glossary=glossary)


def _without_records(document: Any, key: str, faulty: set[tuple]) -> Any:
    kept = type(document)(document)
    kept.__dict__.update(document.__dict__)
    kept[key] = [item for index, item in enumerate(document[key]) if (key, index) not in faulty]
    return kept


def _raw_ids(records: list) -> set[str]:
    return {item["id"] for item in records if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _in_file_order(problems: list[Problem]) -> list[Problem]:
    def file_rank(problem: Problem) -> int:
        name = problem.file.rsplit("/", 1)[-1]
        return DATA_FILES.index(name) if name in DATA_FILES else len(DATA_FILES)
    return sorted(problems, key=lambda p: (file_rank(p), p.line or 0, p.column or 0))


# --- report.yaml -------------------------------------------------------------------------------

def _read_report(checks: Checks, document: Any):
    meta = document["report"]
    # The site's first publication is history too: it cannot be in the future.
    published = checks.date(document, None, "site_published")
    if published is None:
        return None, None, None
    report = Report(title=_text(meta["title"]), authors=tuple(meta["authors"]),
                    cite_authors=_text(meta["cite_authors"]), year=meta["year"], date=meta["date"],
                    publisher=meta["publisher"], place=meta["place"], pages=meta["pages"],
                    site_published=published)
    node = document["core_recommendation"]
    core = CoreRecommendation(
        source=_source(node["source"]), lead_in=tuple(map(_text, node["lead_in"])),
        paragraphs=tuple(map(_text, node["paragraphs"])),
        in_practice_intro=_text(node["in_practice_intro"]), in_practice=tuple(map(_text, node["in_practice"])),
        note=_text(node["note"]), note_source=_source(node["note_source"]))
    node = document["figure5"]
    figure = Figure(_text(node["title"]), _source(node["source"]),
                    tuple(FigureGroup(g["heading"], tuple(map(_text, g["items"]))) for g in node["groups"]))
    return report, core, figure


# --- taxonomy.yaml -----------------------------------------------------------------------------

def _read_taxonomy(checks: Checks, document: Any) -> tuple[dict[str, Theme], dict[str, Audience]]:
    themes: dict[str, Theme] = {}
    barrier_ids: set[str] = set()
    for node in document["themes"]:
        theme_id = node["id"]
        barrier_node = node["barrier"]
        if theme_id in themes:
            checks.add(node, theme_id, "id", "duplicate theme id (ids must be unique)")
            continue
        if barrier_node["id"] in barrier_ids:
            checks.add(barrier_node, theme_id, "barrier.id", "another theme already answers this barrier")
        barrier_ids.add(barrier_node["id"])
        barrier = Barrier(barrier_node["id"], barrier_node["section"], _text(barrier_node["title"]),
                          Source(barrier_node["section"], barrier_node["page"], barrier_node.get("to_page")),
                          _text(barrier_node["summary"]))
        themes[theme_id] = Theme(theme_id, _text(node["title"]), tuple(map(_source, node["sections"])), barrier)

    audiences: dict[str, Audience] = {}
    subsections: dict[int, str] = {}
    for node in document["audiences"]:
        audience_id = node["id"]
        if audience_id in audiences or audience_id in themes:
            checks.add(node, audience_id, "id", "duplicate id (theme and audience ids must all be unique)")
            continue
        if node["subsection"] in subsections:
            checks.add(node, audience_id, "subsection", f"{node['subsection']} is already the subsection of "
                                                        f"'{subsections[node['subsection']]}'")
            continue
        subsections[node["subsection"]] = audience_id
        audiences[audience_id] = Audience(audience_id, _text(node["title"]), node["subsection"],
                                          _text(node["includes"]), _source(node["includes_source"]),
                                          node.get("plain_words", False))
    return themes, audiences


# --- recommendations.yaml ----------------------------------------------------------------------

def _read_recommendations(checks: Checks, document: Any, themes: dict[str, Theme],
                          audiences: dict[str, Audience], malformed_ids: set[str]) -> list[Recommendation]:
    reserved = set(themes) | set(audiences) | FIXED_ANCHORS
    first_line: dict[str, int] = {}
    read: list[tuple[Recommendation, Any]] = []
    for node in document["recommendations"]:
        rec_id = node["id"]
        if rec_id in first_line:
            checks.add(node, rec_id, "id", f"duplicate id (first used on line {first_line[rec_id]}); "
                                           "ids must be unique")
            continue
        first_line[rec_id] = node.line_of("id")
        if rec_id in PAGE_NAMES:
            checks.add(node, rec_id, "id", f"'{rec_id}' would be the address of the page that lists all "
                                           "recommendations, recommendations/; choose another id")
            continue
        if rec_id in reserved:
            what = ("a theme's id" if rec_id in themes else "an audience's id" if rec_id in audiences
                    else "the id the site's pages give one of their own elements (hooks/templates/)")
            checks.add(node, rec_id, "id", f"'{rec_id}' is already {what}: a link to #{rec_id} would lead "
                                           "to two places; choose another id")
            continue
        rec = _recommendation(checks, node, themes, audiences)
        if rec is not None:
            read.append((rec, node))

    for rec, node in read:
        for other in rec.related:
            if other == rec.id:
                checks.add(node, rec.id, "related", "a recommendation cannot be related to itself")
            elif other not in first_line and other not in malformed_ids:
                checks.add(node, rec.id, "related", f"no recommendation has the id '{other}' "
                                                    "(expected ids from this file)")

    by_id = {rec.id: rec for rec, _ in read}
    for rec, node in read:
        if rec.twin is None:
            continue
        twin = by_id.get(rec.twin)
        if rec.twin == rec.id:
            checks.add(node, rec.id, "twin", "a recommendation cannot be its own twin")
        elif twin is None:
            if rec.twin not in first_line and rec.twin not in malformed_ids:
                checks.add(node, rec.id, "twin", f"no recommendation has the id '{rec.twin}' "
                                                 "(expected the id of the same words under another theme)")
        elif twin.twin != rec.id:
            checks.add(node, rec.id, "twin", f"'{rec.twin}' does not name this one as its twin "
                                             f"(expected `twin: {rec.id}` there too)")
        elif twin.text.rstrip(".") != rec.text.rstrip("."):
            checks.add(node, rec.id, "twin", f"the text differs from its twin '{rec.twin}' (expected the "
                                             "same words: twins are one recommendation printed twice)")
        elif twin.theme == rec.theme:
            checks.add(node, rec.id, "twin", f"'{rec.twin}' is under the same theme (expected twins under "
                                             "two themes; remove the duplicate instead)")

    # The report's order: theme, then audience, then the order of the file.
    theme_order = {theme_id: n for n, theme_id in enumerate(themes)}
    audience_order = {audience_id: n for n, audience_id in enumerate(audiences)}
    return sorted((rec for rec, _ in read),
                  key=lambda rec: (theme_order[rec.theme.id], audience_order[rec.audience.id]))


def _recommendation(checks: Checks, node: Any, themes: dict[str, Theme],
                    audiences: dict[str, Audience]) -> Recommendation | None:
    rec_id = node["id"]
    ok = True
    theme, audience = themes.get(node["theme"]), audiences.get(node["audience"])
    if theme is None:
        checks.add(node, rec_id, "theme", f"unknown theme '{node['theme']}' (allowed: {', '.join(themes)})")
        ok = False
    if audience is None:
        checks.add(node, rec_id, "audience", f"unknown audience '{node['audience']}' "
                                             f"(allowed: {', '.join(audiences)})")
        ok = False
    expected = _sections_for(theme, audience)
    source = node["source"]
    if expected and source["section"] not in expected:
        checks.add(source, rec_id, "source.section",
                   f"section '{source['section']}' does not belong to theme '{theme.id}' and audience "
                   f"'{audience.id}' (expected one of: {', '.join(sorted(expected))})")
        ok = False

    section7 = None
    if "section7" in node:
        s7 = node["section7"]
        section7_expected = {s for s in expected or () if s.startswith("7.")}
        if not node["key"]:
            checks.add(node, rec_id, "section7", "only key recommendations (key: true) are repeated in Section 7")
            ok = False
        elif section7_expected and s7["section"] not in section7_expected:
            checks.add(s7, rec_id, "section7.section",
                       f"section '{s7['section']}' is not where Section 7 lists this theme and audience "
                       f"(expected: {', '.join(sorted(section7_expected))})")
            ok = False
        else:
            section7 = Section7(Source(s7["section"], s7["page"]),
                                _text(s7["wording"]) if "wording" in s7 else None)
    elif node["key"]:
        checks.add(node, rec_id, "section7", "missing: key recommendations must say where Section 7 repeats "
                                             "them (expected section7: {section: 7.x.y, page: N})")
        ok = False

    plain = _text(node["plain"]) if "plain" in node else None
    if audience is not None and audience.plain_words and plain is None:
        checks.add(node, rec_id, "plain", f"missing: recommendations for {audience.title.lower()} need a "
                                          "plain-words version (expected plain: with sentences of at most "
                                          f"{PLAIN_SENTENCE_WORDS} words)")
        ok = False
    for sentence in plain_sentences(plain or ""):
        if len(sentence.split()) > PLAIN_SENTENCE_WORDS:
            checks.add(node, rec_id, "plain", f"the sentence '{sentence}' has {len(sentence.split())} words "
                                              f"(at most {PLAIN_SENTENCE_WORDS}: split it)")
            ok = False

    changes = []
    for change in node.get("changes", ()):
        when = checks.date(change, rec_id, "changes.date")
        if when is None:
            ok = False
            continue
        changes.append(Change(when, _text(change["change"])))

    if not ok:
        return None
    return Recommendation(rec_id, _text(node["title"]), _text(node["text"]), theme, audience, node["key"],
                          Source(source["section"], source["page"], source.get("to_page")), section7, tuple(node.get("related", ())),
                          _text(node["footnote"]) if "footnote" in node else None,
                          tuple(sorted(changes, key=lambda c: c.date, reverse=True)), node.line, plain,
                          node.get("twin"))


def plain_sentences(text: str) -> list[str]:
    """The sentences of a plain-words text."""
    return [sentence.strip() for sentence in re.split(r"(?<=[.!?])\s+", text) if sentence.strip()]


def _sections_for(theme: Theme | None, audience: Audience | None) -> set[str] | None:
    """The report sections where recommendations of this theme for this audience are printed."""
    if theme is None or audience is None:
        return None
    return {f"{section.section}.{audience.subsection}" for section in theme.sections}


# --- published.yaml: every id ever published --------------------------------------------------

def _check_register(checks: Checks, rec_checks: Checks, register: Any, recs_document: Any,
                    themes: dict[str, Theme], audiences: dict[str, Audience],
                    malformed_ids: set[str]) -> list[Retired]:
    """Published links must keep working: a published id stays, or is retired with a page that says
    so; a retired id is never reused; a new id is added to the register."""
    present = {node["id"]: node for node in recs_document["recommendations"]}
    known = set(present) | malformed_ids
    published = register["recommendations"]
    published_set = set(published)  # a list lookup per record is quadratic with thousands of ids
    retired: list[Retired] = []
    retired_ids: dict[str, Any] = {}
    for node in register["retired"]:
        rec_id = node["id"]
        if rec_id in retired_ids:
            checks.add(node, rec_id, "id", "retired twice")
            continue
        retired_ids[rec_id] = node
        if rec_id in present:
            rec_checks.add(present[rec_id], rec_id, "id",
                           f"id '{rec_id}' was retired on {node['date']} and may not be reused "
                           "(a council's old link would show a different recommendation; choose a new id)")
        if rec_id not in published_set:
            checks.add(node, rec_id, "id", "only a published id can be retired (expected an id listed "
                                           "under recommendations: above)")
        replaced_by = node.get("replaced_by")
        if replaced_by is not None and replaced_by not in present:
            checks.add(node, rec_id, "replaced_by", f"no recommendation has the id '{replaced_by}' "
                                                    "(expected the id of the record that replaces it)")
            continue
        when = checks.date(node, rec_id, "date")
        if when is None:
            continue
        retired.append(Retired(rec_id, _text(node["title"]), _text(node["text"]), when,
                               _text(node["reason"]), replaced_by))

    for rec_id in published:
        if rec_id not in known and rec_id not in retired_ids:
            checks.add(register, rec_id, "recommendations",
                       f"published id '{rec_id}' is missing from recommendations.yaml: a published link must "
                       "keep working (put the record back, or retire it under retired: with a date, reason "
                       "and replaced_by)")
    for rec_id, node in present.items():
        if rec_id not in published_set and rec_id not in retired_ids:
            rec_checks.add(node, rec_id, "id", f"new id '{rec_id}' is not in {PUBLISHED_FILE} (expected it "
                                               "added under recommendations: there, so its link is kept "
                                               "for good)")
    for kind, ids in (("themes", themes), ("audiences", audiences),
                      ("barriers", {t.barrier.id for t in themes.values()})):
        for published_id in register[kind]:
            if published_id not in ids:
                checks.add(register, published_id, kind,
                           f"published id '{published_id}' is missing from taxonomy.yaml: councils link to "
                           f"/{kind}/{published_id}/, so it must stay")
        for current in ids:
            if current not in register[kind]:
                checks.add(register, current, kind, f"new id '{current}' from taxonomy.yaml is not listed "
                                                    f"here (expected it added under {kind}:)")
    return retired


def _read_glossary(checks: Checks, document: Any) -> tuple[Term, ...]:
    terms, ids, forms = [], set(), {}
    for node in document["terms"]:
        if node["id"] in ids:
            checks.add(node, node["id"], "id", "duplicate id (ids must be unique)")
            continue
        ids.add(node["id"])
        term = Term(node["id"], _text(node["term"]), _text(node["definition"]), node.get("abbreviation"),
                    tuple(node.get("also", ())), _source(node["see"]) if "see" in node else None)
        for form in term.forms:
            if form in forms:
                checks.add(node, term.id, "term", f"'{form}' is already explained by '{forms[form]}'")
            forms[form] = term.id
        terms.append(term)
    return tuple(sorted(terms, key=lambda t: (t.abbreviation or t.term).lower()))


def _read_evidence(documents: dict, label_dir: str, themes: tuple[Theme, ...],
                   taken: set[str]) -> tuple[Evidence | None, list[Problem]]:
    pages, barriers, references, highlights, problems = read_evidence(
        documents[EVIDENCE_FILE], f"{label_dir}/{EVIDENCE_FILE}", themes, taken)
    appendices, appendix_problems = read_appendices(documents[APPENDICES_FILE], f"{label_dir}/{APPENDICES_FILE}")
    problems = problems + appendix_problems
    page_ids = {page.id for page in pages}
    for appendix in appendices:
        if appendix.id in page_ids:
            problems.append(Problem(f"{label_dir}/{APPENDICES_FILE}",
                                    "an evidence page in evidence.yaml already has this id "
                                    "(both live at /evidence/<id>/)",
                                    record=appendix.id,
                                    field="id"))
    return Evidence(pages, barriers, references, appendices, highlights), problems
