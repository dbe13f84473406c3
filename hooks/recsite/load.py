"""Read every data file in data/ into one checked `Catalogue`, or raise `DataError` with every problem.

The flow, one way: recsite.yamlsource reads each file (refusing what YAML should not carry), its
JSON Schema in data/schema/ checks the shape (fields, types, patterns), and the file's reader in
recsite/read/ builds the model records and checks what a schema cannot say: ids unique and not
reused, references that point at real records, tags from the taxonomy, sections that match a
record's theme and audience, and the register of published ids (data/published.yaml) that keeps
every printed link alive.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .model import Catalogue, Evidence, Recommendation, Retired, RetiredAnchor, Term, Theme, Audience
from .problems import DataError, Problem
from .read.appendices import APPENDICES_FILE, read_appendices
from .read.evidence import EVIDENCE_FILE, read_evidence
from .read.fields import FileReader
from .read.glossary import read_glossary
from .read.page_anchors import page_anchors
from .read.published import PUBLISHED_FILE, read_anchor_register, read_register
from .read.recommendations import read_recommendations
from .read.report import read_report
from .read.taxonomy import read_taxonomy
from .reporttext import ReportText
from .schema import check_records
from .verbatim import check_words
from .yamlsource import load_yaml

REPORT_FILE = "report.yaml"
TAXONOMY_FILE = "taxonomy.yaml"
RECOMMENDATIONS_FILE = "recommendations.yaml"
GLOSSARY_FILE = "glossary.yaml"
SCHEMA_DIR = "schema"
# The order files are read and their problems reported in.
DATA_FILES = (REPORT_FILE, TAXONOMY_FILE, RECOMMENDATIONS_FILE, PUBLISHED_FILE, EVIDENCE_FILE,
              APPENDICES_FILE, GLOSSARY_FILE)


def load_catalogue(data_dir: Path, label_dir: str = "data", report: ReportText | None = None) -> Catalogue:
    """Read and check all data files. `label_dir` is how the folder is named in messages. With the
    `report`'s text, every field the schemas mark as the report's words is checked against it too
    (the editors' check and the tests do; a build leaves it to them: recsite/verbatim.py)."""
    documents: dict[str, Any] = {}
    problems: list[Problem] = []
    # Ids of records that failed their schema: set aside, but still present (a link to one is not
    # reported as a link to nothing).
    malformed_ids: set[str] = set()
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
        schema = data_dir / SCHEMA_DIR / name.replace(".yaml", ".schema.json")
        found, faulty = check_records(document, schema, label)
        problems.extend(found)
        if not found:
            documents[name] = document
            if report is not None:
                problems.extend(check_words(document, schema, label, report, data_dir / name))
        elif name == RECOMMENDATIONS_FILE and all(len(path) == 2 for path in faulty):
            # Only some records are malformed: check the others too, so an editor sees every
            # problem at once. Ids of the malformed ones still count as present.
            documents[name] = _without_records(document, "recommendations", faulty)
            malformed_ids = _raw_ids(document["recommendations"])

    # Each check below needs the files it reads to have the right shape; it runs when they do, so
    # one broken file does not hide the problems of the others.
    report = core = figure5 = None
    if REPORT_FILE in documents:
        reader = FileReader(f"{label_dir}/{REPORT_FILE}")
        report, core, figure5 = read_report(reader, documents[REPORT_FILE])
        problems.extend(reader.problems)
    themes: dict[str, Theme] = {}
    audiences: dict[str, Audience] = {}
    if TAXONOMY_FILE in documents:
        reader = FileReader(f"{label_dir}/{TAXONOMY_FILE}")
        themes, audiences = read_taxonomy(reader, documents[TAXONOMY_FILE])
        problems.extend(reader.problems)
        if reader.problems:
            # Everything else is checked against the taxonomy; a broken one would make every
            # record look wrong, so its own problems are reported alone.
            del documents[TAXONOMY_FILE]

    recommendations: list[Recommendation] = []
    retired: list[Retired] = []
    if RECOMMENDATIONS_FILE in documents and TAXONOMY_FILE in documents:
        reader = FileReader(f"{label_dir}/{RECOMMENDATIONS_FILE}")
        recommendations = read_recommendations(reader, documents[RECOMMENDATIONS_FILE], themes, audiences,
                                                malformed_ids)
        if PUBLISHED_FILE in documents:
            published = FileReader(f"{label_dir}/{PUBLISHED_FILE}")
            retired = read_register(published, reader, documents[PUBLISHED_FILE],
                                      documents[RECOMMENDATIONS_FILE], themes, audiences,
                                      malformed_ids)
            problems.extend(published.problems)
        problems.extend(reader.problems)

    evidence = None
    if EVIDENCE_FILE in documents and TAXONOMY_FILE in documents and APPENDICES_FILE in documents:
        evidence, found = _read_evidence(documents, label_dir, tuple(themes.values()),
                                         {rec.id for rec in recommendations} | {r.id for r in retired})
        problems.extend(found)

    retired_anchors: list[RetiredAnchor] = []
    if all(name in documents for name in (PUBLISHED_FILE, EVIDENCE_FILE, APPENDICES_FILE)):
        retired_anchors, found = _read_anchor_register(documents, label_dir)
        problems.extend(found)

    glossary: tuple[Term, ...] = ()
    if GLOSSARY_FILE in documents:
        reader = FileReader(f"{label_dir}/{GLOSSARY_FILE}")
        glossary = read_glossary(reader, documents[GLOSSARY_FILE])
        problems.extend(reader.problems)

    if problems or None in (report, core, figure5, evidence):
        raise DataError(_in_file_order(problems))
    return Catalogue(report=report, themes=tuple(themes.values()), audiences=tuple(audiences.values()),
                     recommendations=tuple(recommendations), core=core, figure5=figure5,
                     evidence=evidence, retired=tuple(retired), glossary=glossary,
                     retired_anchors=tuple(retired_anchors))


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



def _read_anchor_register(documents: dict, label_dir: str) -> tuple[list[RetiredAnchor], list[Problem]]:
    """The published anchors of the evidence, appendix and barrier pages (data/published.yaml)
    against the anchors the data gives those pages now."""
    pages = page_anchors(documents[EVIDENCE_FILE], EVIDENCE_FILE, documents[APPENDICES_FILE], APPENDICES_FILE)
    readers = {name: FileReader(f"{label_dir}/{name}") for name in (EVIDENCE_FILE, APPENDICES_FILE)}
    reader = FileReader(f"{label_dir}/{PUBLISHED_FILE}")
    retired = read_anchor_register(reader, readers, documents[PUBLISHED_FILE], pages)
    return retired, [problem for each in (reader, *readers.values()) for problem in each.problems]


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
