"""data/taxonomy.yaml: the themes (each answering one barrier) and the audiences."""

from __future__ import annotations

from typing import Any

from ..model import Audience, Barrier, Source, Theme
from .fields import FileReader, read_source as _source, read_text as _text


def read_taxonomy(reader: FileReader, document: Any) -> tuple[dict[str, Theme], dict[str, Audience]]:
    themes: dict[str, Theme] = {}
    barrier_ids: set[str] = set()
    for node in document["themes"]:
        theme_id = node["id"]
        barrier_node = node["barrier"]
        if theme_id in themes:
            reader.add(node, theme_id, "id", "duplicate theme id (ids must be unique)")
            continue
        if barrier_node["id"] in barrier_ids:
            reader.add(barrier_node, theme_id, "barrier.id", "another theme already answers this barrier")
        barrier_ids.add(barrier_node["id"])
        reader.page_range(barrier_node, theme_id, "barrier")
        for index, place in enumerate(node["sections"], 1):
            reader.page_range(place, theme_id, f"sections[{index}]")
        barrier = Barrier(barrier_node["id"], barrier_node["section"], _text(barrier_node["title"]),
                          Source(barrier_node["section"], barrier_node["page"], barrier_node.get("to_page")),
                          _text(barrier_node["summary"]), barrier_node.get("report_heading", False))
        themes[theme_id] = Theme(theme_id, _text(node["title"]), tuple(map(_source, node["sections"])), barrier)

    audiences: dict[str, Audience] = {}
    subsections: dict[int, str] = {}
    for node in document["audiences"]:
        audience_id = node["id"]
        if audience_id in audiences or audience_id in themes:
            reader.add(node, audience_id, "id", "duplicate id (theme and audience ids must all be unique)")
            continue
        if node["subsection"] in subsections:
            reader.add(node, audience_id, "subsection", f"{node['subsection']} is already the subsection of "
                                                        f"'{subsections[node['subsection']]}'")
            continue
        subsections[node["subsection"]] = audience_id
        audiences[audience_id] = Audience(audience_id, _text(node["title"]), node["subsection"],
                                          _text(node["includes"]), _source(node["includes_source"]),
                                          node.get("plain_words", False),
                                          _text(node.get("report_name") or node["title"][:1].lower() + node["title"][1:]))
    return themes, audiences

