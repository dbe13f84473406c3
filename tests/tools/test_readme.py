"""The README and the developers' notes: the README stays short enough for a newcomer to read, and
every file they name is where they say, so a newcomer following them finds it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
DEVELOPERS = ROOT / "developers"
DOCUMENTS = [README, *sorted(DEVELOPERS.glob("*.md"))]
# Written by a command, not kept in the repository.
GENERATED = {"benchmarks/latest.json"}
# Folders the documents name paths from, as they name them (`recsite/load.py`, `core/test_load.py`).
FROM = {"hooks/": "", "docs/": "", "data/": "", "tests/": "", "scripts/": "", "overrides/": "",
        "benchmarks/": "", ".github/": "", "developers/": "", "requirements": "", "recsite/": "hooks/",
        "core/": "tests/", "site/": "tests/", "tools/": "tests/", "bad_data/": "tests/"}
README_MOST_LINES = 150


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _named_paths(path: Path) -> set[str]:
    named = set()
    for quoted in re.findall(r"`([^`\s]+)`", _text(path)):
        name = quoted.rstrip(".,:;")
        # `<id>` and the recipes' `NAME`/`KIND` stand for a name the reader chooses.
        if name.startswith(tuple(FROM)) and "<" not in name and not re.search(r"NAME|KIND", name) \
                and name not in GENERATED:
            named.add(FROM[next(p for p in FROM if name.startswith(p))] + name)
    return named


def test_the_readme_is_short_enough_to_read():
    lines = len(_text(README).splitlines())
    assert lines <= README_MOST_LINES, (
        f"README.md has {lines} lines: keep it to what a newcomer needs, and put the rest in developers/")


def test_the_developers_notes_are_not_published():
    docs_dir = ROOT / "docs"
    assert DEVELOPERS.is_dir() and not DEVELOPERS.resolve().is_relative_to(docs_dir.resolve())
    assert not list(docs_dir.rglob("architecture.md")) and not list(docs_dir.rglob("planner-storage.md"))


def test_every_path_the_readme_and_the_notes_name_exists():
    named = set().union(*(_named_paths(path) for path in DOCUMENTS))
    assert len(named) > 40  # the pattern still finds the documents' paths
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert not missing, f"README.md or developers/ name files that do not exist: {missing}"


def test_every_link_between_the_documents_leads_to_a_file():
    broken = []
    for path in DOCUMENTS:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", _text(path)):
            if not target.startswith(("http://", "https://")) and not (path.parent / target).exists():
                broken.append(f"{path.relative_to(ROOT)}: {target}")
    assert not broken


def test_the_readme_points_to_each_of_the_developers_notes():
    linked = set(re.findall(r"\]\(developers/([\w-]+\.md)\)", _text(README)))
    assert linked == {path.name for path in DEVELOPERS.glob("*.md")}


def test_every_core_module_in_the_architecture_map_exists_and_every_one_is_there():
    tree = _text(DEVELOPERS / "architecture.md").split("## The map", 1)[1].split("```", 2)[1]
    listed = set(re.findall(r"^    ([a-z_.]+\.(?:py|json)|read/)\s", tree, flags=re.M))
    actual = {p.name for p in (ROOT / "hooks" / "recsite").iterdir()
              if p.suffix in (".py", ".json") and p.name != "__init__.py"} | {"read/"}
    assert listed == actual


def test_no_stale_names_from_before_the_renames():
    for path in DOCUMENTS:
        text = _text(path)
        for stale in ("validate.py", "pages.py", "errors.py", "checks.py"):
            assert not re.search(rf"(?<![\w_]){re.escape(stale)}", text), (path.name, stale)
        assert not re.search(r"tests/test_\w+\.py", text), path.name


SCREENSHOTS = ROOT / "developers" / "screenshots"


def test_the_readme_opens_with_screenshots_the_script_makes_and_they_stay_small():
    """The README shows the home page and a recommendation's page, on a desktop and a phone, as
    scripts/screenshots.py writes them (one command refreshes them all), each small to commit."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    import screenshots

    text = _text(README)
    shown = re.findall(r"!\[[^\]]+\]\((developers/screenshots/[^)]+\.png)\)", text)
    assert shown == [f"developers/screenshots/{shot.name}.png" for shot in
                     (screenshots.SHOTS[0], screenshots.SHOTS[2], screenshots.SHOTS[1], screenshots.SHOTS[3])]
    # Before "See it on your computer": what the site looks like comes first.
    assert text.index(shown[0]) < text.index("## See it on your computer")
    for shot in screenshots.SHOTS:
        picture = SCREENSHOTS / f"{shot.name}.png"
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", picture
        assert picture.stat().st_size < 100_000, f"{picture.name} is {picture.stat().st_size} bytes"
    assert {path.name for path in SCREENSHOTS.iterdir()} == {f"{shot.name}.png" for shot in screenshots.SHOTS}
