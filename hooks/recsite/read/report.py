"""data/report.yaml: the report's details, the core recommendation and Figure 5."""

from __future__ import annotations

from typing import Any

from ..model import CoreRecommendation, Figure, FigureGroup, Reference, Report, Scope, Source
from .fields import FileReader, read_paragraphs, read_source as _source, read_text as _text


def read_report(reader: FileReader, document: Any):
    meta = document["report"]
    # The site's first publication is history too: it cannot be in the future.
    published = reader.date(document, None, "site_published")
    # The schema holds `date` to 'Month YYYY' or 'YYYY'; its year must be the report's, or the
    # citations (citations.parse_month) could not be made.
    year = meta["year"]
    if meta["date"].split()[-1] != str(year):
        reader.add(meta, None, "report.date", f"'{meta['date']}' is not in {year}, the report's `year` "
                                              f"(expected a month and {year}, such as 'May {year}', or {year} alone)")
        return None, None, None
    if published is None:
        return None, None, None
    report = Report(title=_text(meta["title"]), authors=tuple(meta["authors"]),
                    cite_authors=_text(meta["cite_authors"]), year=meta["year"], date=meta["date"],
                    publisher=_text(meta["publisher"]), place=_text(meta["place"]), pages=meta["pages"],
                    site_published=published, scope=_scope(document.get("scope")))
    node = document["core_recommendation"]
    reader.page_range(node["source"], None, "core_recommendation.source")
    reader.page_range(node["note_source"], None, "core_recommendation.note_source")
    reader.page_range(document["figure5"]["source"], None, "figure5.source")
    lead_in, lead_in_runs = read_paragraphs(node["lead_in"])
    core = CoreRecommendation(
        source=_source(node["source"]), lead_in=lead_in, lead_in_runs=lead_in_runs,
        paragraphs=tuple(map(_text, node["paragraphs"])),
        in_practice_intro=_text(node["in_practice_intro"]), in_practice=tuple(map(_text, node["in_practice"])),
        note=_text(node["note"]), note_source=_source(node["note_source"]),
        lead_in_refs=(_footnote(node["lead_in_footnote"]),) if "lead_in_footnote" in node else ())
    node = document["figure5"]
    figure = Figure(_text(node["title"]), _source(node["source"]),
                    tuple(FigureGroup(_text(g["heading"]), tuple(map(_text, g["items"]))) for g in node["groups"]))
    return report, core, figure



def _scope(node: Any) -> Scope | None:
    if node is None:
        return None
    return Scope(_text(node["text"]), tuple(_source(place) for place in node["printed"]))


def _footnote(node: Any) -> Reference:
    return Reference(node["footnote"], _text(node["text"]), node.get("url"), Source("", node["page"]))
