"""The table of a recommendation's public fields (hooks/recsite/recordfields.py): its positions are
whole, every model attribute a reader sees change has its words, and what else names the fields
(the published schema's rules, the reuse page's tables of columns) names only fields of the table."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from support.project import ROOT, real_catalogue
from recsite import downloads, planner, recordfields
from recsite.model import Recommendation
from recsite.recordfields import FIELDS, At

CATALOGUE = real_catalogue()


def _positions(pairs) -> list[int]:
    return sorted(position for position, _ in pairs)


@pytest.mark.parametrize("what, positions", [
    ("recommendations.csv's columns", lambda: [(f.csv, f.json) for f in FIELDS if f.csv]),
    ("the planner's record keys", lambda: [f.planner.record for f in FIELDS if f.planner and f.planner.record]),
    ("review.csv's columns", lambda: [*planner.PLAN_COLUMNS.items(),
                                      *(f.planner.column for f in FIELDS if f.planner and f.planner.column)]),
])
def test_positions_run_from_one_without_a_gap_or_a_repeat(what, positions):
    """A mistyped position would move a column councils read by position, or drop one."""
    found = _positions(positions())
    assert found == list(range(1, len(found) + 1)), f"{what}: positions {found}"


def test_a_group_comes_before_its_fields_and_holds_one_level():
    seen = set()
    for entry in FIELDS:
        if entry.json is None:
            continue
        group, _, name = entry.json.rpartition(".")
        assert "." not in group, f"{entry.json}: one level of nesting only"
        assert not group or group in seen, f"{entry.json} comes before its group {group}"
        if entry.group:
            seen.add(entry.json)
        assert entry.group or entry.schema is not None, f"{entry.json} has no schema"


def test_every_attribute_a_reader_sees_change_is_named_for_the_pull_request_summary():
    """A model attribute added without a change label would be named to editors by its Python name."""
    named = recordfields.change_labels()
    unnamed = [f.name for f in dataclasses.fields(Recommendation)
               if f.name not in ("id", "data_line") and f.name not in named]
    assert not unnamed, f"give these a change label in recordfields.FIELDS (change=(attribute, words)): {unnamed}"
    assert set(named) <= {f.name for f in dataclasses.fields(Recommendation)}


def test_the_kind_fields_say_whose_words_the_table_says():
    record = downloads.records(CATALOGUE, "https://example.org/")[0]
    assert (record["title_kind"], record["text_kind"]) == (recordfields.field("title").words,
                                                           recordfields.field("text").words)
    cells = recordfields.planner_cells(CATALOGUE.recommendations[0], At(CATALOGUE))
    kinds = {name: cells[position] for position, name in
             (f.planner.column for f in FIELDS if f.planner and f.planner.column) if name.endswith("_kind")}
    assert kinds == {"title_kind": "site", "report_words_kind": "report", "plain_words_kind": "site"}


def _named_in_rules(node) -> set[str]:
    """Every field the schema's rules across fields (its allOf) name."""
    names = set()
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("properties", "required"):
                names |= set(value)
            names |= _named_in_rules(value)
    elif isinstance(node, list):
        for value in node:
            names |= _named_in_rules(value)
    return names


def test_the_schemas_rules_name_only_fields_of_the_table():
    """The rules across fields stay in recommendations.schema.json: a field renamed in the table
    (which must never happen) or mistyped there would leave a rule that checks nothing."""
    frame = json.loads(downloads.SCHEMA_FILE.read_text(encoding="utf-8"))["$defs"]["record"]
    assert frame["properties"] == {} and frame["required"] == []   # each field's own schema is the table's
    fields = {f.json.rpartition(".")[2] for f in FIELDS if f.json}
    assert _named_in_rules(frame["allOf"]) - fields == set()


def test_every_csv_column_says_what_it_holds_for_the_reuse_page(monkeypatch):
    """A column without `reuse` would be described with the one before it, or not at all: refused."""
    from dataclasses import replace
    import recsite.recordfields as table
    assert all(entry.reuse is not None for entry in table.csv_fields())
    assert [columns for columns, _ in table.reuse_rows()[0]][0] == ["id"]
    monkeypatch.setattr(table, "FIELDS", tuple(replace(entry, reuse=None) if entry.json == "twin" else entry
                                               for entry in table.FIELDS))
    with pytest.raises(ValueError, match="the column twin has no `reuse`"):
        table.reuse_rows()
