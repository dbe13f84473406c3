"""The corpus of bad (and awkward) data in tests/bad_data/ (see its README): each case is an edit an
editor might make, and the exact output and exit status of the editors' own check command
(`make check`, which runs scripts/check_data.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DATA, ROOT

CORPUS = Path(__file__).parent / "bad_data"
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


def run_check(workdir: Path, **env: str) -> subprocess.CompletedProcess:
    # Without GITHUB_ACTIONS (set on GitHub's runners): the expected outputs are the editors' own.
    environ = {name: value for name, value in os.environ.items() if name != "GITHUB_ACTIONS"}
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_data.py"), "data"], cwd=workdir,
                          capture_output=True, text=True, encoding="utf-8", timeout=60, env={**environ, **env})


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
