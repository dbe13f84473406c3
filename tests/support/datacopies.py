"""Copies of the real data with an editor's edits in them, and the data check run on them: shared by
the tests of the loader (core/test_load.py...) and of the corpus of mistakes (tools/test_bad_data.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from recsite.load import load_catalogue
from recsite.problems import DataError
from support.project import ROOT, copy_data

RECS = "recommendations.yaml"


def broken(tmp_path: Path, old: str, new: str, file: str = RECS) -> Path:
    """A copy of the real data with one edit, as an editor's pull request might make."""
    data = copy_data(tmp_path / "data")
    text = (data / file).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} is not unique in {file}"
    (data / file).write_text(text.replace(old, new), encoding="utf-8")
    return data


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(data)
    return [str(problem) for problem in caught.value.problems]


def line_of(data: Path, needle: str, file: str = RECS) -> int:
    lines = (data / file).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


CORPUS = ROOT / "tests" / "bad_data"
CASES = sorted((CORPUS / "cases").glob("*.yaml"))


def apply(case: dict, data: Path) -> None:
    """A case either gives a file's whole `content`, or `edits`: texts to replace, each found once.
    `encoding` saves the edited file in another encoding than UTF-8 (an editor's wrong setting)."""
    encoding = case.get("encoding", "utf-8")
    if "content" in case:
        (data / case["file"]).write_text(case["content"], encoding=encoding)
        return
    for edit in case["edits"]:
        target = data / edit["file"]
        text = target.read_text(encoding="utf-8")
        assert text.count(edit["replace"]) == 1, f"the `replace` text must occur once in {edit['file']}"
        target.write_text(text.replace(edit["replace"], edit["with"]), encoding=encoding)


def case_copy(folder: Path, case_file: Path) -> dict:
    """The corpus's frozen data (bad_data/base/, so editing data/ never moves a line) with the real
    schemas, in `folder`/data, with the case's edits made; the case."""
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply(case, copy_data(folder / "data", frozen=CORPUS / "base"))
    return case


def run_check(workdir: Path, **env: str) -> subprocess.CompletedProcess:
    # Without GITHUB_ACTIONS (set on GitHub's runners): the expected outputs are the editors' own.
    environ = {name: value for name, value in os.environ.items() if name != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_data.py"), "data"], cwd=workdir,
                          capture_output=True, text=True, encoding="utf-8", timeout=60, env={**environ, **env})
