"""data/evidence.yaml: the findings, tables, charts and quotes of the evidence pages, the barrier
findings and the home page's highlights, each with where its words come from.

The file has already passed its JSON Schema (data/schema/); this module adds what a
schema cannot say: ids are unique, footnote references exist, a table row has a value for each
column, the figures a finding quotes are in its text, and every barrier of the taxonomy has its
evidence (and nothing else does).
"""

from __future__ import annotations

from typing import Any

from ..ids import heading_id_of, quote_group_id, quote_runs
from ..model import (Bar, BarrierEvidence, BarrierFinding, Chart, Column,
                    EvidencePage, Finding, Highlight, ListBlock, Part, Provenance, Quote, Reference,
                    Row, Source, Table, Theme)
from ..model import RESEARCH_PARTS
from .fields import FileReader, read_source as _source, read_text as _text

EVIDENCE_FILE = "evidence.yaml"


def read_evidence(document: Any, label: str, themes: tuple[Theme, ...],
                  taken_ids: set[str]) -> tuple[tuple, tuple, tuple, tuple, FileReader]:
    """(pages, barriers, references, highlights, the reader with the problems and the id claims).
    `taken_ids` are recommendation ids, which share the barrier pages' anchors with the findings.
    Every id is claimed, for the check after planning that no page's template writes it too."""
    reader = FileReader(label)
    references = _references(reader, document["references"])
    seen: dict[str, int] = {}
    # The anchors a run of quotes takes from the record before it (anchors.quote_runs), known before
    # any record is read, so a record may not take one wherever it is in the file.
    quote_anchors = _quote_anchors(document)
    for anchor, before in quote_anchors.items():
        message = (f"the quotes after '{before['id']}' take the anchor '{anchor}', which is already an anchor "
                   "on the site (a recommendation id or a fixed heading); choose another id")
        if anchor in taken_ids:
            reader.add(before, before["id"], "id", message)
        else:
            reader.claim(anchor, before, before["id"], "id", message)

    def claim(node: Any, item_id: str, record: str | None = None) -> None:
        if item_id in quote_anchors:
            reader.add(node, item_id, "id", f"'{item_id}' is the anchor of the quotes after "
                                             f"'{quote_anchors[item_id]['id']}' (ids must be unique on a page, because "
                                             "they are anchors in page addresses); choose another id")
        elif item_id in seen:
            reader.add(node, item_id, "id", f"id already used on line {seen[item_id]} (ids must be unique "
                                             "in this file, because they are anchors in page addresses)")
        else:
            message = f"'{item_id}' is already an anchor on the site (a recommendation id or a fixed heading); choose another"
            if item_id in taken_ids:
                reader.add(node, item_id, "id", message)
            else:
                seen[item_id] = node.line
                reader.claim(item_id, node, item_id, "id", message)

    pages = []
    for node in document["pages"]:
        claim(node, node["id"])
        reader.page_range(node, node["id"])
        parts = []
        for part_node in node["parts"]:
            claim(part_node, part_node["id"])
            for inner in (part_node, *part_node["items"]):
                if "id" in inner:
                    _not_the_heading(reader, inner, _text(node["title"]), "page")
            reader.page_range(part_node, part_node["id"])
            items = tuple(_item(reader, item, part_node["section"], references, claim)
                          for item in part_node["items"])
            parts.append(Part(part_node["id"], _text(part_node["title"]), _source(part_node),
                              tuple(item for item in items if item is not None)))
        for place in node.get("also", ()):
            reader.page_range(place, node["id"])
        pages.append(EvidencePage(node["id"], _text(node["title"]), _source(node), _text(node["summary"]),
                                  tuple(parts), tuple(_source(place) for place in node.get("also", ())),
                                  node.get("whole", False), node.get("report_heading", False)))

    barriers = _barriers(reader, document["barriers"], themes, claim, references)
    highlights = _highlights(reader, document.get("highlights", ()), pages)
    return tuple(pages), barriers, tuple(references.values()), highlights, reader


def _quote_anchors(document: Any) -> dict[str, Any]:
    """{anchor of a run of quotes: the record it follows}, on every evidence and barrier page."""
    found: dict[str, Any] = {}
    for node in document["pages"]:
        for part in node["parts"]:
            runs = quote_runs([(item["kind"], item.get("id")) for item in part["items"]], part["id"])
            for index, anchor in runs.items():
                found[anchor] = next((item for item in reversed(part["items"][:index]) if "id" in item), part)
    for node in document["barriers"]:
        found.update({quote_group_id(finding["id"]): finding for finding in node["findings"] if finding.get("quotes")})
    return found


def _highlights(reader: FileReader, nodes: list, pages: list[EvidencePage]) -> tuple[Highlight, ...]:
    blocks = {block.id: (page.id, block) for page in pages for block in page.blocks
              if getattr(block, "id", None) and hasattr(block, "provenance")}
    highlights = []
    for node in nodes:
        found = []
        for block_id in node["findings"]:
            if block_id not in blocks:
                reader.add(node, block_id, "findings", f"no finding, table or chart '{block_id}' on the "
                                                       "evidence pages (expected the id of one)")
            else:
                found.append(blocks[block_id])
        kinds = {block.provenance.kind for _, block in found}
        if kinds and (len(kinds) > 1 or "report" in kinds):
            reader.add(node, None, "findings", "a highlight shows figures of one kind: all from this research "
                                               "(from: survey, fieldwork or phase-three) or all from studies the report "
                                               f"cites (from: cited); these are {', '.join(sorted(kinds))}")
        elif found:
            highlights.append(Highlight(_text(node["summary"]), tuple(found)))
    return tuple(highlights)


def _provenance(reader: FileReader, node: Any, record: str | None) -> Provenance:
    """Where a block's figures come from. The schema requires `base` for this research's figures
    and `study` for another study's; this refuses them where they would mislabel a block."""
    origin = node.get("from", "report")
    base, study = node.get("base"), node.get("study")
    if base is not None and origin not in RESEARCH_PARTS:
        reader.add(node, record, "base", f"a base is only for a figure from this research (from: survey, "
                                         f"fieldwork or phase-three), not from: {origin}")
    if study is not None and origin != "cited":
        reader.add(node, record, "study", f"a study is only named for another study's figure (from: cited), "
                                          f"not from: {origin}")
    if node.get("lead_in") is not None and origin not in RESEARCH_PARTS:
        reader.add(node, record, "lead_in", f"a lead-in stands for the base of a figure from this research "
                                            f"(from: survey, fieldwork or phase-three), not from: {origin}")
    note, place, lead_in = node.get("base_note"), node.get("base_source"), node.get("lead_in")
    if place is not None and base is None:
        reader.add(node, record, "base_source", "the place of a base is given only beside the `base` it places")
    return Provenance(origin, _text(base) if base else None, _text(study) if study else None,
                      _text(note) if note else None, _source(place) if place else None,
                      _text(lead_in) if lead_in else None)


def _references(reader: FileReader, nodes: list) -> dict[int, Reference]:
    references: dict[int, Reference] = {}
    for node in nodes:
        number = node["footnote"]
        record = f"footnote {number}"
        if number in references:
            reader.add(node, record, "footnote", "footnote listed twice")
            continue
        if "same_as" in node:
            target = references.get(node["same_as"])
            if target is None or target.ibid:
                reader.add(node, record, "same_as", f"footnote {node['same_as']} is not listed above "
                                                    "with its own text (expected an earlier footnote)")
                continue
            references[number] = Reference(number, target.text, target.url, Source("", node["page"]), True,
                                           target.items)
        else:
            references[number] = Reference(number, _text(node["text"]), node.get("url"),
                                           Source("", node["page"]), items=tuple(map(_text, node.get("items", ()))))
    return references


def _refs(reader: FileReader, node: Any, record: str | None,
          references: dict[int, Reference]) -> tuple[Reference, ...]:
    refs = []
    for number in node.get("refs", ()):
        if number in references:
            refs.append(references[number])
        else:
            reader.add(node, record, "refs", f"footnote {number} is not in `references` "
                                             f"(listed: {', '.join(map(str, references))})")
    return tuple(refs)


def _item(reader: FileReader, node: Any, section: str, references: dict[int, Reference], claim):
    kind = node["kind"]
    record = node.get("id")
    if record:
        claim(node, record)
    reader.page_range(node, record)
    source = _source(node, section)
    provenance = _provenance(reader, node, record)
    if kind == "quote":
        return Quote(_text(node["text"]), _text(node["role"]), source)
    if kind == "finding":
        text = _text(node["text"])
        figures = tuple(node.get("figures", ()))
        for figure in figures:
            if figure not in text:
                reader.add(node, record, "figures", f"{figure!r} does not appear in the text "
                                                    "(expected each figure exactly as the text prints it)")
        return Finding(record, _text(node["label"]), text, source, figures,
                       _refs(reader, node, record, references), provenance)
    if kind == "list":
        return ListBlock(record, _text(node["intro"]), tuple(map(_text, node["items"])), source,
                         node.get("numbered", False), provenance)
    if kind == "table":
        columns = tuple(Column(_text(c["label"]), c.get("n")) for c in node["columns"])
        rows = []
        for row in node["rows"]:
            if len(row["values"]) != len(columns):
                reader.add(row, record, "values", f"{len(row['values'])} value(s) for {len(columns)} "
                                                  "column(s) (expected one value per column)")
            rows.append(Row(_text(row["label"]), tuple(row["values"])))
        return Table(record, node.get("number"), _text(node["title"]), source, node["stub"], columns,
                     tuple(rows), _text(node["text"]) if "text" in node else None, provenance)
    if kind == "chart":
        bars = tuple(Bar(_text(b["label"]), b["value"], b.get("percent")) for b in node["bars"])
        return Chart(record, node["number"], _text(node["title"]), source, _text(node["stub"]),
                     _text(node["unit"]), bars,
                     _text(node["text"]), Source(source.section, node["text_page"]),
                     _text(node["note"]) if "note" in node else None, provenance)
    return None  # unreachable: the schema allows only the kinds above


def _not_the_heading(reader: FileReader, node: Any, words: str, page: str) -> None:
    """A page's title is a Markdown heading: MkDocs gives it the id of its words, which an element
    of the page written as HTML (a finding) repeated, and the build failed on the page."""
    if node["id"] == heading_id_of(words):
        reader.add(node, node["id"], "id", f"'{node['id']}' is already the id of the heading “{words}” on its "
                                           f"{page}: a link to #{node['id']} would lead to two places; choose "
                                           "another id")


def _barriers(reader: FileReader, nodes: list, themes: tuple[Theme, ...], claim,
              references: dict[int, Reference]) -> tuple:
    by_id = {theme.barrier.id: theme.barrier for theme in themes}
    found = {}
    for node in nodes:
        barrier = by_id.get(node["id"])
        if barrier is None:
            reader.add(node, node["id"], "id", f"unknown barrier '{node['id']}' (allowed, from "
                                               f"taxonomy.yaml: {', '.join(by_id)})")
            continue
        if barrier.id in found:
            reader.add(node, node["id"], "id", "this barrier's evidence is given twice")
            continue
        findings = []
        for finding in node["findings"]:
            claim(finding, finding["id"])
            _not_the_heading(reader, finding, barrier.title, "barrier's page")
            reader.page_range(finding, finding["id"])
            text, point = _text(finding["text"]), finding.get("point")
            if point is not None and _text(point) not in text:
                reader.add(finding, finding["id"], "point", "the bold words do not appear in the text "
                                                            "(expected them exactly as in `text`)")
            for index, quote in enumerate(finding.get("quotes", ()), 1):
                reader.page_range(quote, finding["id"], f"quotes[{index}]")
            quotes = tuple(Quote(_text(q["text"]), _text(q["role"]), _source(q, barrier.section))
                           for q in finding.get("quotes", ()))
            findings.append(BarrierFinding(finding["id"], _text(finding["title"]), text,
                                           _source(finding, barrier.section),
                                           _text(point) if point else None, quotes,
                                           tuple(map(_text, finding.get("items", ()))),
                                           _refs(reader, finding, finding["id"], references)))
        found[barrier.id] = BarrierEvidence(barrier, tuple(findings))
    for barrier_id in by_id:
        if barrier_id not in found:
            reader.add(None, None, "barriers", f"no evidence for the barrier '{barrier_id}' "
                                               "(every barrier in taxonomy.yaml needs its findings here)")
    return tuple(found[barrier_id] for barrier_id in by_id if barrier_id in found)
