"""The corpus of bad (and awkward) data in tests/bad_data/ (see its README): each case is an edit an
editor might make, and the exact output and exit status of the editors' own check command
(`make check`, which runs scripts/check_data.py)."""

from __future__ import annotations

import shutil

import pytest
import yaml

from conftest import DATA
from datacopies import CASES, CORPUS, apply, run_check

def test_the_corpus_covers_at_least_25_cases():
    assert len(CASES) >= 25


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_each_case_gives_its_exact_message(tmp_path, path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    data = tmp_path / "data"
    shutil.copytree(CORPUS / "base", data)           # frozen, so editing data/ never moves a line
    shutil.copytree(DATA / "schema", data / "schema")  # the real data contract
    apply(case, data)
    result = run_check(tmp_path)
    output = (result.stdout + result.stderr).rstrip("\n")
    assert "Traceback" not in output
    assert (result.returncode, output) == (case["status"], case["expect"].rstrip("\n"))
