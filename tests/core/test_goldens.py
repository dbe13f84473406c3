"""The files councils and the planner read, byte for byte as they were (tests/golden/): the
downloads (recommendations.json, .csv and the published schema), the planner's review.csv and the
planner page's data. A refactoring must leave them exactly as they are; a new field changes them
only by what it adds at the end (developers/architecture.md, "The downloads"), which the update
checks before it writes.

    python3 scripts/dev.py test tests/core/test_goldens.py --update-goldens

They are made from a frozen copy of the data (tests/golden/data/, with the real schemas), so an
editor's change to data/ never changes them; the real data's files are held to the same rule of
fields added only at the end. When a change to data/schema/ makes the frozen copy out of date,
copy data/*.yaml into it again and update the golden files, reading the diff.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import tempfile
from datetime import date
from pathlib import Path

import pytest

from support import goldens
from support.project import copy_data, real_catalogue
from recsite import downloads, planner
from recsite.load import load_catalogue
from recsite.model import Retired
from recsite.problems import DataError

SITE_URL = "https://example.org/pb/"


@functools.cache
def _frozen():
    """The frozen copy of the data, read with the real schemas."""
    with tempfile.TemporaryDirectory() as folder:
        data = copy_data(Path(folder) / "data", frozen=goldens.GOLDEN / "data")
        try:
            return load_catalogue(data)
        except DataError as error:
            pytest.fail("tests/golden/data/ no longer passes the data's schemas: copy data/*.yaml into it "
                        f"again and run this test with {goldens.UPDATE}, reading the diff.\n{error.report()}")


def _with_withdrawn(catalogue):
    """The catalogue with one recommendation withdrawn, so the withdrawn record is pinned too."""
    retired = Retired(id="old-advice", title="Old advice", text="The report's words it had.",
                      date=date(2026, 6, 30), reason="Merged into a wider recommendation.",
                      replaced_by="employment-as-the-norm")
    return dataclasses.replace(catalogue, retired=(*catalogue.retired, retired), _by_id={})


def _header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def _record_shapes(text: str) -> dict[str, list[str]]:
    """recommendations.json's fields, for a current and a withdrawn record."""
    records = json.loads(text)
    return {status: goldens.field_names(next(r for r in records if r["status"] == status)) for status in ("current", "withdrawn")}


def _planner_shapes(text: str) -> dict[str, list[str]]:
    data = json.loads(text)
    return {"columns": data["columns"], "record": goldens.field_names(data["recs"][0])}


# (golden file, how the site makes it from a catalogue, what may only grow at the end)
OUTPUTS = {
    "recommendations.json": (lambda catalogue: downloads.to_json(catalogue, SITE_URL), _record_shapes),
    "recommendations.csv": (lambda catalogue: downloads.to_csv(catalogue, SITE_URL),
                            lambda text: {"header": _header(text)}),
    "recommendations.schema.json": (lambda catalogue: downloads.to_json_schema(SITE_URL),
                                    lambda text: {"properties": list(json.loads(text)["$defs"]["record"]["properties"])}),
    "planner-review.csv": (lambda catalogue: planner.review_csv(catalogue, SITE_URL),
                           lambda text: {"header": _header(text)}),
    "planner-data.json": (lambda catalogue: planner.data_block(planner.planner_data(catalogue)) + "\n",
                          _planner_shapes),
}


def _keeps_its_places(name: str, golden: str, actual: str) -> None:
    """Councils read fields and columns by name and by position: whatever was there stays, in its
    place; anything new comes after it."""
    shapes = OUTPUTS[name][1]
    before, now = shapes(golden), shapes(actual)
    for part, names in before.items():
        assert now[part][:len(names)] == names, (
            f"{name}: {part} changed where it must only grow at the end: was {names}, now {now[part]}")


@pytest.mark.parametrize("name", OUTPUTS)
def test_the_file_is_as_it_was(name, update_goldens):
    actual = OUTPUTS[name][0](_with_withdrawn(_frozen()))
    golden = goldens.GOLDEN / name
    if golden.exists():   # checked before an update writes, too
        _keeps_its_places(name, golden.read_text(encoding="utf-8"), actual)
    goldens.check(name, actual, update_goldens)


@pytest.mark.parametrize("name", OUTPUTS)
def test_the_real_datas_file_keeps_every_published_field_in_its_place(name):
    actual = OUTPUTS[name][0](_with_withdrawn(real_catalogue()))
    _keeps_its_places(name, (goldens.GOLDEN / name).read_text(encoding="utf-8"), actual)
