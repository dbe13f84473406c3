"""The README's file names are real: a newcomer following it finds each file where it says."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
# Written by a command, not kept in the repository.
GENERATED = {"benchmarks/latest.json"}
# Folders the README names paths from, as it names them (`recsite/load.py`, `core/test_load.py`).
FROM = {"hooks/": "", "docs/": "", "data/": "", "tests/": "", "scripts/": "", "overrides/": "",
        "benchmarks/": "", ".github/": "", "recsite/": "hooks/", "core/": "tests/", "site/": "tests/",
        "tools/": "tests/", "bad_data/": "tests/"}


def _named_paths() -> set[str]:
    named = set()
    for quoted in re.findall(r"`([^`\s]+)`", README):
        path = quoted.rstrip(".,:;")
        if path.startswith(tuple(FROM)) and "<" not in path and path not in GENERATED:
            named.add(FROM[next(p for p in FROM if path.startswith(p))] + path)
    return named


def test_every_path_the_readme_names_exists():
    named = _named_paths()
    assert len(named) > 40  # the pattern still finds the README's paths
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert not missing, f"README names files that do not exist: {missing}"


def test_every_core_module_in_the_readme_tree_exists_and_every_one_is_there():
    tree = README.split("## How it fits together", 1)[1].split("```", 2)[1]
    listed = set(re.findall(r"^    ([a-z_.]+\.(?:py|json)|read/)\s", tree, flags=re.M))
    actual = {p.name for p in (ROOT / "hooks" / "recsite").iterdir()
              if p.suffix in (".py", ".json") and p.name != "__init__.py"} | {"read/"}
    assert listed == actual


def test_no_stale_names_from_before_the_renames():
    for stale in ("validate.py", "pages.py", "errors.py", "checks.py"):
        assert not re.search(rf"(?<![\w_]){re.escape(stale)}", README), stale
    assert not re.search(r"tests/test_\w+\.py", README)
