"""data/published.yaml: the register of every id ever published, which keeps printed links alive."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Any

from ..model import Audience, Retired, RetiredAnchor, Theme
from .fields import FileReader, read_text as _text
from .page_anchors import Anchor, PageAnchors

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


def read_anchor_register(reader: FileReader, readers: dict[str, FileReader], register: Any,
                         pages: dict[str, PageAnchors]) -> list[RetiredAnchor]:
    """The anchors of the evidence, appendix and barrier pages, as the recommendation ids: a
    published anchor stays on its page, or is retired with the id that takes its place there (the
    page keeps an element with the old id); a retired anchor is never reused on its page; a new
    anchor is added to the register. `readers` place problems in the data files, by file name."""
    listed = register["anchors"]
    retired, retired_nodes = _retired_anchors(reader, register["retired_anchors"], listed, pages)

    def add(anchor: Anchor, address: str, record: str, message: str) -> None:
        """At the record that writes `anchor`, or (a template's anchor) at the page's entry here."""
        if anchor.node is None:
            reader.add(listed, record, "anchors", message, key=address)
        else:
            readers[anchor.file].add(anchor.node, record, anchor.field, message)

    for address in listed:
        if address not in pages:
            reader.add(listed, None, "anchors", f"the page {address} is published and no record makes it "
                                                "now (expected: keep the page's id, so its address and "
                                                "anchors keep working)", key=address)
    for address, page in pages.items():
        if address not in listed:
            message = (f"new page {address} is not in {reader.label} (expected it added under anchors: "
                       "with its ids, so its links are kept for good)")
            if page.node is None:
                reader.add(register, None, "anchors", message)
            else:
                readers[page.file].add(page.node, page.node["id"], "id", message)
            continue
        gone = {anchor_id for (on, anchor_id) in retired_nodes if on == address}
        registered = [anchor_id for anchor_id in listed[address] if anchor_id not in gone]
        known = set(registered)
        current = {anchor.id: anchor for anchor in reversed(page.anchors)}  # the first of a duplicate
        for anchor in page.anchors:
            if anchor.id in gone:
                node = retired_nodes[address, anchor.id]
                add(anchor, address, anchor.id,
                    f"id '{anchor.id}' was retired from {address} on {node['date']} and may not be used "
                    "there again (a council's old link would lead to something else; choose a new id)")
            elif anchor.id not in known:
                add(anchor, address, anchor.id,
                    f"new anchor {address}#{anchor.id}{anchor.of} is not in {reader.label} (expected it added to "
                    "the page's list under anchors: there, so its link is kept for good)")
        successors = _successors(registered, known, [anchor.id for anchor in page.anchors], current)
        for anchor_id in registered:
            if anchor_id in current:
                continue
            successor = successors.get(anchor_id)
            if successor is not None and successor.node is not None:
                add(successor, address, anchor_id,
                    f"the anchor {address}#{anchor_id} is published and no record has it now (expected: "
                    f"keep the id, or retire it in {reader.label} with the id that replaces it)")
            else:
                reader.add(listed, anchor_id, "anchors",
                           f"the anchor {address}#{anchor_id} is published and nothing on the page has it "
                           "now (expected: keep the id, or retire it under retired_anchors: with the id that "
                           "replaces it)", key=address)
    return retired


def _successors(registered: list[str], known: set[str], now: list[str],
                current: dict[str, Anchor]) -> dict[str, Anchor]:
    """Which new anchor most likely took each vanished one's place: the one at the same position
    between the same neighbours (an id renamed in place). Where ids were removed, added or moved
    as well, there is no telling, and none is named."""
    successors: dict[str, Anchor] = {}
    matcher = SequenceMatcher(None, registered, now, autojunk=False)
    for tag, old_from, old_to, new_from, new_to in matcher.get_opcodes():
        if tag == "replace" and old_to - old_from == new_to - new_from:
            for old, new in zip(registered[old_from:old_to], now[new_from:new_to]):
                if old not in current and new not in known:
                    successors[old] = current[new]
    return successors


def _retired_anchors(reader: FileReader, nodes: list, listed: Any,
                     pages: dict[str, PageAnchors]) -> tuple[list[RetiredAnchor], dict[tuple[str, str], Any]]:
    """The retired anchors that are right, and every retired anchor's entry by (page, id)."""
    retired: list[RetiredAnchor] = []
    entries: dict[tuple[str, str], Any] = {}
    for node in nodes:
        address, anchor_id, replaced_by = node["page"], node["id"], node["replaced_by"]
        if (address, anchor_id) in entries:
            reader.add(node, anchor_id, "id", f"retired twice on {address}")
            continue
        entries[address, anchor_id] = node
        if anchor_id not in listed.get(address, ()):
            reader.add(node, anchor_id, "id", f"only a published anchor can be retired (expected an id listed "
                                              f"under anchors: {address} above)")
        page = pages.get(address)
        if page is None or replaced_by not in {anchor.id for anchor in page.anchors}:
            reader.add(node, anchor_id, "replaced_by",
                       f"nothing on {address} has the id '{replaced_by}' now (expected the id of the "
                       "element that takes its place on the same page)")
            continue
        when = reader.date(node, anchor_id, "date")
        if when is None:
            continue
        retired.append(RetiredAnchor(address, anchor_id, replaced_by, when, _text(node["reason"])))
    return retired, entries
