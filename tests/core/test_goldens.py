"""The files councils and the planner read, byte for byte as they were (tests/golden/): the
downloads (recommendations.json, .csv and the published schema), the planner's review.csv and the
planner page's data. A refactoring must leave them exactly as they are; a new field changes them
only by what it adds at the end (README, "Downloads"), which the update checks before it writes.

    python3 scripts/dev.py test tests/core/test_goldens.py --update-goldens
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from datetime import date

import pytest

import goldens
from conftest import real_catalogue
from recsite import downloads, planner
from recsite.model import Retired

SITE_URL = "https://example.org/pb/"


def _catalogue():
    """The real data with one recommendation withdrawn, so the withdrawn record is pinned too."""
    catalogue = real_catalogue()
    retired = Retired(id="old-advice", title="Old advice", text="The report's words it had.",
                      date=date(2026, 6, 30), reason="Merged into a wider recommendation.",
                      replaced_by="employment-as-the-norm")
    return dataclasses.replace(catalogue, retired=(*catalogue.retired, retired), _by_id={})


def _keys(value, prefix: str = "") -> list[str]:
    """Every field of a JSON record in order, nested ones as a.b."""
    names = []
    for name, inner in value.items():
        names.append(prefix + name)
        if isinstance(inner, dict):
            names += _keys(inner, f"{prefix}{name}.")
    return names


def _header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def _record_shapes(text: str) -> dict[str, list[str]]:
    """recommendations.json's fields, for a current and a withdrawn record."""
    records = json.loads(text)
    return {status: _keys(next(r for r in records if r["status"] == status)) for status in ("current", "withdrawn")}


def _planner_shapes(text: str) -> dict[str, list[str]]:
    data = json.loads(text)
    return {"columns": data["columns"], "record": _keys(data["recs"][0])}


# (golden file, how the site makes it, what may only grow at the end)
OUTPUTS = {
    "recommendations.json": (lambda: downloads.to_json(_catalogue(), SITE_URL), _record_shapes),
    "recommendations.csv": (lambda: downloads.to_csv(_catalogue(), SITE_URL), lambda text: {"header": _header(text)}),
    "recommendations.schema.json": (lambda: downloads.to_json_schema(SITE_URL),
                                    lambda text: {"properties": list(json.loads(text)["$defs"]["record"]["properties"])}),
    "planner-review.csv": (lambda: planner.review_csv(_catalogue(), SITE_URL), lambda text: {"header": _header(text)}),
    "planner-data.json": (lambda: planner.data_block(planner.planner_data(_catalogue())) + "\n", _planner_shapes),
}


@pytest.mark.parametrize("name", OUTPUTS)
def test_the_file_is_as_it_was(name, update_goldens):
    make, shapes = OUTPUTS[name]
    actual = make()
    golden = goldens.GOLDEN / name
    if golden.exists():
        # Councils read fields and columns by name and by position: whatever was there stays, in
        # its place; anything new comes after it. Checked before an update writes, too.
        before, now = shapes(golden.read_text(encoding="utf-8")), shapes(actual)
        for part, names in before.items():
            assert now[part][:len(names)] == names, (
                f"{name}: {part} changed where it must only grow at the end: was {names}, now {now[part]}")
    goldens.check(name, actual, update_goldens)
