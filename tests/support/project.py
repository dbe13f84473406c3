"""The project's places, its real data read once per test process, and the one way to copy it."""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"

# What a build or a data check reads: the site's sources and the report's text (source/).
SITE_SOURCES = ("docs", "data", "hooks", "overrides", "source")


def copy_project(root: Path, extra: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
                 files: tuple[str, ...] = ()) -> Path:
    """A copy of the project's site sources (and the `extra` folders and top-level `files`) in
    `root`: the one way tests copy it."""
    for name in (*SITE_SOURCES, *extra):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__", *ignore))
    for name in ("mkdocs.yml", *files):
        shutil.copy(ROOT / name, root / name)
    return root


def copy_data(target: Path, frozen: Path | None = None) -> Path:
    """A copy of the real data folder at `target`; or, with `frozen`, that folder's files with the
    real data's schemas (data/schema/): the frozen copies the corpus of mistakes and the golden
    files are made from, so an editor's change to data/ never moves their lines, while they are
    held to today's data contract."""
    shutil.copytree(frozen or DATA, target)
    if frozen is not None:
        shutil.copytree(DATA / "schema", target / "schema")
    return target


@functools.cache
def real_catalogue():
    """The real data, read once per test process: most test modules read it, and its records are
    frozen dataclasses, so no test can change what another reads."""
    from recsite.load import load_catalogue

    return load_catalogue(DATA)
