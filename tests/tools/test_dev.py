"""scripts/dev.py's choices that a developer would notice: where the tests' scratch files go."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import dev  # noqa: E402


def test_the_tests_scratch_files_go_to_memory_when_there_is_room(tmp_path, monkeypatch):
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(dev, "SCRATCH_IN_MEMORY", tmp_path)
    monkeypatch.setattr(dev, "SCRATCH_ROOM", 1)
    env = dev.scratch_env()
    assert Path(env["TMPDIR"]).parent == tmp_path and Path(env["TMPDIR"]).is_dir()
    assert dev.scratch_env() == env  # the same folder next time: pytest keeps its last runs there


def test_the_scratch_files_stay_where_they_are_when_memory_is_small_missing_or_tmpdir_is_set(tmp_path, monkeypatch):
    monkeypatch.delenv("TMPDIR", raising=False)
    monkeypatch.setattr(dev, "SCRATCH_IN_MEMORY", tmp_path)
    monkeypatch.setattr(dev, "SCRATCH_ROOM", 10**18)  # more than any machine has
    assert dev.scratch_env() == {}
    monkeypatch.setattr(dev, "SCRATCH_ROOM", 1)
    monkeypatch.setattr(dev, "SCRATCH_IN_MEMORY", tmp_path / "absent")
    assert dev.scratch_env() == {}
    monkeypatch.setattr(dev, "SCRATCH_IN_MEMORY", tmp_path)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "mine"))
    assert dev.scratch_env() == {}
    assert list(tmp_path.iterdir()) == []
