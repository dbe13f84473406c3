"""The corpus of bad (and awkward) data in tests/bad_data/ (see its README): each case is an edit an
editor might make, and the exact output and exit status of the editors' own check command
(`make check`, which runs scripts/check_data.py)."""

from __future__ import annotations

import pytest

import check_data
from support.datacopies import CASES, CORPUS, case_copy, run_check


def test_the_corpus_covers_at_least_25_cases():
    assert len(CASES) >= 25


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_each_case_gives_its_exact_message(tmp_path, monkeypatch, capsys, path):
    """scripts/check_data.py's own main(), in this process: the command's code, without starting a
    Python for each of the cases (that was most of their time). The command itself, as an editor
    runs it, is the next test's; tools/test_hostile.py runs it for every class of hostile input."""
    case = case_copy(tmp_path, path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)  # set on GitHub's runners; the outputs are the editors'
    status = check_data.main(["data"])
    captured = capsys.readouterr()
    output = (captured.out + captured.err).rstrip("\n")
    assert (status, output) == (case["status"], case["expect"].rstrip("\n"))


@pytest.mark.parametrize("name", ["01-yaml-syntax-error", "12-unknown-audience", "44-not-utf8"])
def test_the_command_itself_gives_the_same_message(tmp_path, name):
    case = case_copy(tmp_path, CORPUS / "cases" / f"{name}.yaml")
    result = run_check(tmp_path)
    output = (result.stdout + result.stderr).rstrip("\n")
    assert "Traceback" not in output
    assert (result.returncode, output) == (case["status"], case["expect"].rstrip("\n"))
