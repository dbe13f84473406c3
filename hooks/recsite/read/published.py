"""data/published.yaml: the register of every id ever published, which keeps printed links alive."""

from __future__ import annotations

from typing import Any

from ..model import Audience, Retired, Theme
from .fields import FileReader, read_text as _text

PUBLISHED_FILE = "published.yaml"


def read_register(reader: FileReader, rec_reader: FileReader, register: Any, recs_document: Any,
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
            reader.add(node, rec_id, "id", "retired twice")
            continue
        retired_ids[rec_id] = node
        if rec_id in present:
            rec_reader.add(present[rec_id], rec_id, "id",
                           f"id '{rec_id}' was retired on {node['date']} and may not be reused "
                           "(a council's old link would show a different recommendation; choose a new id)")
        if rec_id not in published_set:
            reader.add(node, rec_id, "id", "only a published id can be retired (expected an id listed "
                                           "under recommendations: above)")
        replaced_by = node.get("replaced_by")
        if replaced_by is not None and replaced_by not in present:
            reader.add(node, rec_id, "replaced_by", f"no recommendation has the id '{replaced_by}' "
                                                    "(expected the id of the record that replaces it)")
            continue
        when = reader.date(node, rec_id, "date")
        if when is None:
            continue
        retired.append(Retired(rec_id, _text(node["title"]), _text(node["text"]), when,
                               _text(node["reason"]), replaced_by))

    for rec_id in published:
        if rec_id not in known and rec_id not in retired_ids:
            reader.add(register, rec_id, "recommendations",
                       f"published id '{rec_id}' is missing from recommendations.yaml: a published link must "
                       "keep working (put the record back, or retire it under retired: with a date, reason "
                       "and replaced_by)")
    for rec_id, node in present.items():
        if rec_id not in published_set and rec_id not in retired_ids:
            rec_reader.add(node, rec_id, "id", f"new id '{rec_id}' is not in {PUBLISHED_FILE} (expected it "
                                               "added under recommendations: there, so its link is kept "
                                               "for good)")
    for kind, ids in (("themes", themes), ("audiences", audiences),
                      ("barriers", {t.barrier.id for t in themes.values()})):
        for published_id in register[kind]:
            if published_id not in ids:
                reader.add(register, published_id, kind,
                           f"published id '{published_id}' is missing from taxonomy.yaml: councils link to "
                           f"/{kind}/{published_id}/, so it must stay")
        for current in ids:
            if current not in register[kind]:
                reader.add(register, current, kind, f"new id '{current}' from taxonomy.yaml is not listed "
                                                    f"here (expected it added under {kind}:)")
    return retired
