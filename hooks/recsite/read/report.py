"""data/report.yaml: the report's details, the core recommendation and Figure 5."""

from __future__ import annotations

from typing import Any

from ..model import CoreRecommendation, Figure, FigureGroup, Report
from .fields import FileReader, read_source as _source, read_text as _text


def read_report(reader: FileReader, document: Any):
    meta = document["report"]
    # The site's first publication is history too: it cannot be in the future.
    published = reader.date(document, None, "site_published")
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

