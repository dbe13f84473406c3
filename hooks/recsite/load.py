"""Read every data file in data/ into one checked `Catalogue`, or raise `DataError` with every problem.

The flow, one way: recsite.yamlsource reads each file (refusing what YAML should not carry), its
JSON Schema in data/schema/ checks the shape (fields, types, patterns), and the file's reader in
recsite/read/ builds the model records and checks what a schema cannot say: ids unique and not
reused, references that point at real records, tags from the taxonomy, sections that match a
record's theme and audience, and the register of published ids (data/published.yaml) that keeps
every printed link alive.

Two registries say what is read: FILES (the data files, in the order their problems are reported)
and READERS (each reader, the file it reads and the others it needs, all with one signature: it is
given the `Data` and returns what it made). A new data file is one entry in each
(developers/recipes.md).
"""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import Any, Callable

from .model import Catalogue, Evidence
from .problems import DataError, Problem
from .read.appendices import APPENDICES_FILE, read_appendices
from .read.evidence import EVIDENCE_FILE, read_evidence
from .read.data import Data, DataFile, Reader
from .read.glossary import read_glossary
from .read.page_anchors import page_anchors
from .read.published import PUBLISHED_FILE, read_anchor_register, read_register
from .read.recommendations import read_recommendations
from .read.report import read_report
from .read.taxonomy import read_taxonomy
from .reporttext import ReportText
from .schema import check_records, schema_files
from .verbatim import KEYWORDS, check_base_places, check_headings, check_words
from .yamlsource import load_yaml

REPORT_FILE = "report.yaml"
TAXONOMY_FILE = "taxonomy.yaml"
RECOMMENDATIONS_FILE = "recommendations.yaml"
GLOSSARY_FILE = "glossary.yaml"
SCHEMA_DIR = "schema"


# The registry of data files, in the order their problems are reported in.
FILES = (DataFile(REPORT_FILE), DataFile(TAXONOMY_FILE, vouched=True),
         DataFile(RECOMMENDATIONS_FILE, records="recommendations"), DataFile(PUBLISHED_FILE),
         DataFile(EVIDENCE_FILE), DataFile(APPENDICES_FILE), DataFile(GLOSSARY_FILE))
DATA_FILES = tuple(data_file.name for data_file in FILES)


def _report(data: Data):
    return read_report(data.reader(REPORT_FILE), data.document(REPORT_FILE))


def _taxonomy(data: Data):
    return read_taxonomy(data.reader(TAXONOMY_FILE), data.document(TAXONOMY_FILE))


def _recommendations(data: Data):
    themes, audiences = data.result("taxonomy")
    return read_recommendations(data.reader(RECOMMENDATIONS_FILE), data.document(RECOMMENDATIONS_FILE),
                                themes, audiences, data.malformed_ids)


def _retired(data: Data):
    themes, audiences = data.result("taxonomy")
    return read_register(data.reader(PUBLISHED_FILE), data.reader(RECOMMENDATIONS_FILE),
                         data.document(PUBLISHED_FILE), data.document(RECOMMENDATIONS_FILE), themes, audiences,
                         data.malformed_ids)


def _appendices(data: Data):
    appendices, problems = read_appendices(data.document(APPENDICES_FILE), data.label(APPENDICES_FILE))
    data.reader(APPENDICES_FILE).problems.extend(problems)
    return appendices


def _evidence(data: Data) -> Evidence:
    """The evidence pages and barriers, and the appendices beside them. Recommendation ids share
    the barrier pages' anchors with the findings: those read (if any), current and retired."""
    themes, _ = data.result("taxonomy")
    taken = {rec.id for rec in data.result("recommendations", [])} | {r.id for r in data.result("retired", [])}
    pages, barriers, references, highlights, reader = read_evidence(
        data.document(EVIDENCE_FILE), data.label(EVIDENCE_FILE), tuple(themes.values()), taken)
    data.reader(EVIDENCE_FILE).problems.extend(reader.problems)
    data.reader(EVIDENCE_FILE).claims.extend(reader.claims)
    appendices = data.result("appendices")
    page_ids = {page.id for page in pages}
    for appendix in appendices:
        if appendix.id in page_ids:
            data.reader(APPENDICES_FILE).problems.append(Problem(
                data.label(APPENDICES_FILE), "an evidence page in evidence.yaml already has this id (both live "
                "at /evidence/<id>/)", record=appendix.id, field="id"))
    return Evidence(pages, barriers, references, appendices, highlights)


def _retired_anchors(data: Data):
    """The published anchors of the evidence, appendix and barrier pages (data/published.yaml)
    against the anchors the data gives those pages now."""
    pages = page_anchors(data.document(EVIDENCE_FILE), EVIDENCE_FILE, data.document(APPENDICES_FILE), APPENDICES_FILE)
    return read_anchor_register(data.reader(PUBLISHED_FILE),
                                {name: data.reader(name) for name in (EVIDENCE_FILE, APPENDICES_FILE)},
                                data.document(PUBLISHED_FILE), pages)


def _glossary(data: Data):
    return read_glossary(data.reader(GLOSSARY_FILE), data.document(GLOSSARY_FILE))


# Every reader, each after those whose results it uses (Data.result refuses otherwise). A reader
# reads only when every file it needs is whole (read_all), so one broken file does not hide the
# problems of the others, and none is read against a broken one.
READERS = (
    Reader("report", REPORT_FILE, _report),
    Reader("taxonomy", TAXONOMY_FILE, _taxonomy),
    Reader("recommendations", RECOMMENDATIONS_FILE, _recommendations, also=(TAXONOMY_FILE,)),
    Reader("retired", PUBLISHED_FILE, _retired, also=(RECOMMENDATIONS_FILE, TAXONOMY_FILE)),
    Reader("appendices", APPENDICES_FILE, _appendices),
    Reader("evidence", EVIDENCE_FILE, _evidence, also=(TAXONOMY_FILE, APPENDICES_FILE)),
    Reader("retired_anchors", PUBLISHED_FILE, _retired_anchors, also=(EVIDENCE_FILE, APPENDICES_FILE)),
    Reader("glossary", GLOSSARY_FILE, _glossary),
)


def read_all(data: Data, readers: tuple[Reader, ...] = READERS, files: tuple[DataFile, ...] = FILES) -> None:
    """Each reader in turn, if every file it needs is whole: it passed its schema (it is in
    `data.documents`) and, if vouched, its own reader found nothing wrong."""
    whole = set(data.documents)
    vouched = {data_file.name for data_file in files if data_file.vouched}
    for reader in readers:
        if reader.file in whole and whole.issuperset(reader.also):
            data.made[reader.name] = reader.read(data)
            if reader.file in vouched and data.reader(reader.file).problems:
                whole.discard(reader.file)
        data.turns.add(reader.name)


def load_catalogue(data_dir: Path, label_dir: str = "data", report: ReportText | None = None) -> Catalogue:
    """Read and check all data files. `label_dir` is how the folder is named in messages. With the
    `report`'s text, every field the schemas mark as the report's words is checked against it too
    (the editors' check and the tests do; a build leaves it to them: recsite/verbatim.py)."""
    documents, malformed_ids, problems = _documents(data_dir, label_dir, report)
    data = Data(label_dir, documents, malformed_ids)
    read_all(data)
    problems += [problem for each in data.readers.values() for problem in each.problems]

    report, core, figure5 = data.result("report", (None, None, None))
    themes, audiences = data.result("taxonomy", ({}, {}))
    evidence = data.result("evidence")
    if problems or None in (report, core, figure5, evidence):
        raise DataError(in_file_order(problems))
    return Catalogue(report=report, themes=tuple(themes.values()), audiences=tuple(audiences.values()),
                     recommendations=tuple(data.result("recommendations", ())), core=core, figure5=figure5,
                     evidence=evidence, retired=tuple(data.result("retired", ())),
                     glossary=data.result("glossary", ()), retired_anchors=tuple(data.result("retired_anchors", ())),
                     id_claims=tuple(claim for each in data.readers.values() for claim in each.claims))


def _documents(data_dir: Path, label_dir: str,
               report: ReportText | None) -> tuple[dict[str, Any], set[str], list[Problem]]:
    """Each file read and checked against its schema (and, given the report's text, its words):
    the documents that passed, the ids of records set aside as malformed, and the problems."""
    documents: dict[str, Any] = {}
    problems: list[Problem] = []
    malformed_ids: set[str] = set()
    schemas = schema_files(data_dir / SCHEMA_DIR)   # a file's checks depend on the schemas it refers to too
    for data_file in FILES:
        name = data_file.name
        label = f"{label_dir}/{name}"
        schema = data_dir / SCHEMA_DIR / name.replace(".yaml", ".schema.json")
        key = _content_key(data_dir / name, label, schemas)
        try:
            document, found, faulty, findings = _checked(data_dir / name, schema, label, key, schemas,
                                                         report is not None)
        except DataError as error:
            problems.extend(error.problems)
            continue
        if document is None:
            problems.append(Problem(label,
                                    "the file is empty (expected the data "
                                    "described in data/schema/)"))
            continue
        problems.extend(found)
        if not found:
            documents[name] = document
            if report is not None:
                problems.extend(_words_checked(document, schema, label, report, data_dir / name, key, findings))
                problems.extend(check_headings(document, name, label, report))
                if name == "evidence.yaml":
                    problems.extend(check_base_places(document, label, report))
        elif data_file.records and all(len(path) == 2 for path in faulty):
            documents[name] = _without_records(document, data_file.records, faulty)
            malformed_ids |= _raw_ids(document[data_file.records])
    return documents, malformed_ids, problems


# Each data file's reading and checks, kept by what they depend on (the file's name in messages,
# its bytes and its schema's, and for the words check the report's text), not by where the file is:
# a process that reads the data again then reads and checks only what changed. That is `mkdocs
# serve` after an edit (the core stays loaded), and the tests, which read hundreds of copies of
# the real data with one edit each. Only files of up to _KEPT_BYTES are kept (the real data files
# are all under 120 KB), so a large synthetic file is not held through a build, and only the
# _KEPT_ENTRIES used last. Readers never change a document, so one can be handed out twice.
_KEPT_BYTES = 300_000
_KEPT_ENTRIES = 32
_KEPT: OrderedDict[tuple, Any] = OrderedDict()


def _kept(key: tuple | None, make: Callable[[], Any]) -> Any:
    """`make()`, or what it gave for the same key (None: not kept). A DataError is not kept."""
    if key is None:
        return make()
    if key in _KEPT:
        _KEPT.move_to_end(key)
        return _KEPT[key]
    value = _KEPT[key] = make()
    if len(_KEPT) > _KEPT_ENTRIES:
        _KEPT.popitem(last=False)
    return value


def _content_key(path: Path, label: str, schemas: tuple) -> tuple | None:
    """What a file's reading and schema check depend on, or None if it is not to be kept. A large
    file is not read here: load_yaml refuses one too large to read at all, before reading it."""
    try:
        if path.stat().st_size > _KEPT_BYTES:
            return None
        return label, path.read_bytes(), schemas
    except OSError:  # missing: load_yaml and check_records say so, with the file's name
        return None


def _checked(path: Path, schema: Path, label: str, key: tuple | None, schemas: tuple,
             words: bool = False) -> tuple[Any, list[Problem], set[tuple], list | None]:
    """The file's document (None if empty), its schema problems, the records at fault and (with
    `words`) the fields the schema marks as the report's words, found in the same walk (the
    editors' check: at 5,000 recommendations a second walk was a fifth of its time), as load_yaml
    and check_records say (or as they said for the same key). Raises DataError."""
    def read_and_check():
        document, findings = load_yaml(path, label), [] if words else None
        found, faulty = (check_records(document, schema, label, KEYWORDS if words else (), findings, schemas)
                         if document is not None else ([], set()))
        return document, found, faulty, findings
    return _kept(key and ("checked", words, *key), read_and_check)


def _words_checked(document: Any, schema: Path, label: str, report: ReportText, path: Path,
                   key: tuple | None, findings: list | None) -> tuple[Problem, ...]:
    """check_words's problems, kept with the report's text they were checked against."""
    return _kept(key and ("words", *key, report.raw),
                 lambda: tuple(check_words(document, schema, label, report, path, findings)))


def _without_records(document: Any, key: str, faulty: set[tuple]) -> Any:
    kept = type(document)(document)
    kept.__dict__.update(document.__dict__)
    kept[key] = [item for index, item in enumerate(document[key]) if (key, index) not in faulty]
    return kept


def _raw_ids(records: list) -> set[str]:
    return {item["id"] for item in records if isinstance(item, dict) and isinstance(item.get("id"), str)}


def in_file_order(problems: list[Problem]) -> list[Problem]:
    def file_rank(problem: Problem) -> int:
        name = problem.file.rsplit("/", 1)[-1]
        return DATA_FILES.index(name) if name in DATA_FILES else len(DATA_FILES)
    return sorted(problems, key=lambda p: (file_rank(p), p.line or 0, p.column or 0))


