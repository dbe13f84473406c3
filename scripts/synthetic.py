"""Synthetic data for the benchmark: the real data with its recommendations repeated to any count.

The copies keep the real records' texts, tags and sources (so every page type is exercised as it
is today) and get new ids, registered in published.yaml as an editor would. Nothing here is
committed: the benchmark writes it into a temporary folder.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import yaml

import _core  # noqa: F401  (puts hooks/ on sys.path)
from recsite.convert import mkdocs_settings
from recsite.plan import expand_nav

SCHEMA_LINE = "# yaml-language-server: $schema=schema/{name}.schema.json\n"


def write_data(source: Path, target: Path, count: int) -> None:
    """Copy the data folder `source` to `target` with `count` recommendations (at least the real ones)."""
    shutil.copytree(source, target, dirs_exist_ok=True)
    real = yaml.safe_load((source / "recommendations.yaml").read_text(encoding="utf-8"))["recommendations"]
    register = yaml.safe_load((source / "published.yaml").read_text(encoding="utf-8"))
    records = list(real)
    for number in range(1, count - len(real) + 1):
        copy = dict(real[(number - 1) % len(real)])
        copy["id"] = f"{copy['id']}-copy-{number:05d}"
        copy["title"] = f"{copy['title']} (copy {number})"
        # A copy's history and cross-references belong to the original.
        for field in ("related", "changes", "twin"):
            copy.pop(field, None)
        records.append(copy)
    register["recommendations"] = [record["id"] for record in records]
    _dump(target / "recommendations.yaml", "recommendations", {"recommendations": records})
    _dump(target / "published.yaml", "published", register)


class _WrittenOut(yaml.SafeDumper):
    """Copies share their tags and sources with the original: write each value out, never as an
    anchor and alias, which the site's data refuses."""

    def ignore_aliases(self, data) -> bool:
        return True


def _dump(path: Path, schema: str, document: dict) -> None:
    text = yaml.dump(document, Dumper=_WrittenOut, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(SCHEMA_LINE.format(name=schema) + text, encoding="utf-8")


def write_project(root: Path, target: Path, count: int) -> Path:
    """A copy of the project (mkdocs.yml, docs/, hooks/, overrides/) at `target` with synthetic data."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(root / name, target / name, ignore=shutil.ignore_patterns("__pycache__"),
                        dirs_exist_ok=True)
    shutil.copy(root / "mkdocs.yml", target / "mkdocs.yml")
    write_data(root / "data", target / "data", count)
    return target


def write_bare_project(target: Path, pages: int, in_nav: int) -> Path:
    """A bare Material for MkDocs site with `pages` pages, the first `in_nav` of them in the
    navigation (as on the real site, where recommendation pages are not): the build-time baseline."""
    docs = target / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (target / "mkdocs.yml").write_text(
        "site_name: Bare Material baseline\nstrict: true\n"
        "theme:\n  name: material\n  font: false\nplugins:\n  - search\n"
        "nav:\n  - index.md\n" + "".join(f"  - page-{number:04d}.md\n" for number in range(1, in_nav)) +
        "not_in_nav: |\n  /page-*.md\n", encoding="utf-8")
    paragraph = ("Personal Budgets are rarely used to buy support into paid work. This paragraph is "
                 "filler text of about the length of one recommendation and its explanation. ") * 3
    for number in range(pages):
        name = "index.md" if number == 0 else f"page-{number:04d}.md"
        body = "\n\n".join(f"## Section {section}\n\n{paragraph}" for section in range(1, 4))
        (docs / name).write_text(f"# Page {number}\n\n{body}\n", encoding="utf-8")
    return target


# mkdocs.yml's top-level settings that a project built by Material alone does not take as they
# are: the hook and what `serve` watches for it (left out), and the navigation (written again with
# the sections the hook adds from the data). The overrides' `custom_dir` line is left out too: the
# overrides' templates read what the hook gives them.
_NOT_AS_THEY_ARE = ("hooks", "watch", "nav")


def write_theme_only_project(project: Path, target: Path, python: str) -> Path:
    """The site's own pages for Material for MkDocs alone, with no hook: the baseline of "the
    theme's own speed" on these pages (the bare project above has as many pages, of filler).

    docs/ holds what scripts/build_pages.py writes from `project` (every page's Markdown, the
    hand-written ones with their markers filled in, and every other file the site publishes) and
    `project`'s docs/ assets; mkdocs.yml is `project`'s without the hook, the overrides and the
    watch list, its navigation given the sections made from the data (nav.json), as the hook gives
    them. Material then does for these pages what it does on the real site: converts them (the
    generated pages' HTML blocks too, which the hook sets aside, recsite/rawhtml.py), lays each out,
    and indexes every page for search (the hook writes the recommendation pages' entries)."""
    docs = target / "docs"
    subprocess.run([python, str(Path(__file__).with_name("build_pages.py")), str(docs), "--project", str(project)],
                   check=True, stdout=subprocess.DEVNULL)
    sections = json.loads((docs / "nav.json").read_text(encoding="utf-8"))
    (docs / "nav.json").unlink()
    shutil.copytree(project / "docs", docs, ignore=shutil.ignore_patterns("*.md"), dirs_exist_ok=True)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    nav = mkdocs_settings(project / "mkdocs.yml")["nav"]
    kept, skipping = [], False
    for line in config.splitlines():
        if re.match(r"[A-Za-z_]+:", line):  # a top-level setting starts a block
            skipping = line.split(":", 1)[0] in _NOT_AS_THEY_ARE
        if not skipping and not line.strip().startswith("custom_dir:"):
            kept.append(line)
    navigation = yaml.safe_dump({"nav": expand_nav(nav, sections)}, sort_keys=False, allow_unicode=True)
    (target / "mkdocs.yml").write_text("\n".join(kept) + "\n" + navigation, encoding="utf-8")
    return target
