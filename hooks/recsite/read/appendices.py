"""data/appendices.yaml: the report's appendices (its questionnaires), part by part."""

from __future__ import annotations

from typing import Any

from ..model import Appendix, AppendixPart, Question, Source
from ..problems import Problem
from .fields import FileReader, read_paragraphs, read_text as _text

APPENDICES_FILE = "appendices.yaml"


def read_appendices(document: Any, label: str) -> tuple[tuple, list[Problem]]:
    reader = FileReader(label)
    appendices = []
    for node in document["appendices"]:
        reader.page_range(node, node["id"])
        parts = []
        part_ids: set[str] = set()
        for part in node["parts"]:
            if part["id"] in part_ids:
                reader.add(part, part["id"], "id", "id already used in this appendix")
            part_ids.add(part["id"])
            reader.page_range(part, part["id"])
            questions = tuple(Question(q["number"], _text(q["text"]), tuple(map(_text, q.get("options", ()))),
                                       tuple(map(_text, q.get("notes", ())))) for q in part["questions"])
            source = Source(part["section"], part["page"], part.get("to_page")) if "section" in part else None
            parts.append(AppendixPart(part["id"], _text(part["title"]), source,
                                      tuple(map(_text, part.get("intro", ()))), questions))
        intro, intro_runs = read_paragraphs(node["intro"])
        appendices.append(Appendix(
            node["id"], node["section"], _text(node["title"]),
            Source(node["section"], node["page"], node.get("to_page")), _text(node["summary"]),
            intro, tuple(parts), tuple(map(_text, node.get("outro", ()))),
            _text(node["omitted"]) if "omitted" in node else None,
            _text(node["note"]) if "note" in node else None, node.get("report_heading", False), intro_runs))
    return tuple(appendices), reader.problems
