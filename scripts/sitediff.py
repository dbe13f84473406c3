"""Build the whole site at two revisions and list every file that differs: the proof that a
refactoring left the published site as it was (or changed it only where it meant to).

    python3 scripts/sitediff.py main                 # main's site beside the work tree's (after main moves on,
                                                     # give where the branch started: git merge-base main HEAD)
    python3 scripts/sitediff.py REV_A REV_B          # two revisions (a commit, a branch, or "." for
                                                     # the work tree as it is, uncommitted edits too)
    python3 scripts/sitediff.py build REV OUT_DIR    # only build REV's site into OUT_DIR (to keep it)
    python3 scripts/sitediff.py compare DIR_A DIR_B  # only compare two built sites

A revision is built from `git archive` in a temporary folder (the repository is not touched) with
this project's .venv (`python3 scripts/dev.py check` makes it). Both builds get the same settings:
SITE_URL's default, a REPO_URL (so the "edit this page" links are built and compared too) and a
fixed SOURCE_DATE_EPOCH, the build date MkDocs writes into the sitemap.

What legitimately varies between two builds of the same site is normalised before comparing:
the sitemap's <lastmod> dates (a saved build from another day), each page's "last changed" line
(dated from git's history, which a revision built from `git archive` does not have), and the gzip header of
sitemap.xml.gz (its content is compared). JSON files (the search index, nav.json, the downloads)
are compared as data and shown indented, so a diff points at the record that changed. Two builds
of the same revision compare equal (the search index and every page come out in the same order
each run), so anything listed is a change.

Exit status: 0 when the sites are the same, 1 when a file differs, 2 when a build failed.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from _core import QUIET_MKDOCS, ROOT

WORK_TREE = "."
# The same for both builds, so that only the code and the data make a difference.
BUILD_ENV = {**QUIET_MKDOCS, "SITE_URL": "http://127.0.0.1:8000/",
             "REPO_URL": "https://github.com/example/recsite", "SOURCE_DATE_EPOCH": "1767225600"}
_LASTMOD = re.compile(r"<lastmod>[^<]*</lastmod>")
# A page's "This page last changed on …" line (recsite/pagedates.py): for a hand-written page it is
# the date of its file's last commit, which a build from `git archive` (no history) cannot know.
# Without history the line is left out, so it is taken out of both sides.
_PAGE_CHANGED = re.compile(r'\s*<p class="page-changed"[^>]*>.*?</p>', re.DOTALL)


def mkdocs() -> Path:
    program = ROOT / ".venv" / ("Scripts" if os.name == "nt" else "bin") / "mkdocs"
    if not program.exists():
        sys.exit("sitediff: no .venv/ with MkDocs: run `python3 scripts/dev.py check` first")
    return program


def build(revision: str, out_dir: Path) -> None:
    """The site as `revision` builds it (WORK_TREE: this work tree as it is), into `out_dir`.
    Raises subprocess.CalledProcessError when the build fails."""
    with tempfile.TemporaryDirectory(prefix="sitediff-") as scratch:
        project = ROOT
        if revision != WORK_TREE:
            project = Path(scratch)
            archive = subprocess.run(["git", "archive", "--format=tar", revision], cwd=ROOT,
                                     check=True, capture_output=True).stdout
            subprocess.run(["tar", "-x", "-C", str(project)], input=archive, check=True)
        subprocess.run([str(mkdocs()), "build", "--quiet", "--site-dir", str(out_dir.resolve())],
                       cwd=project, env={**os.environ, **BUILD_ENV}, check=True)


def normalised(path: Path) -> bytes | str:
    """A built file as it is compared: text where it is text, with what varies between builds of
    the same site taken out; bytes otherwise (images, fonts)."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)  # the header's time and name vary; the content may not
        name = path.name.removesuffix(".gz")
    else:
        name = path.name
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    if name.startswith("sitemap") and name.endswith(".xml"):
        text = _LASTMOD.sub("<lastmod>(date)</lastmod>", text)
    elif name.endswith(".html"):
        text = _PAGE_CHANGED.sub("", text)
    elif name.endswith(".json"):
        try:
            text = json.dumps(json.loads(text), indent=1, ensure_ascii=False) + "\n"
        except ValueError:
            pass  # not JSON after all: compared as text
    return text


def files_of(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def compare(before: Path, after: Path, *, lines: int = 40) -> list[str]:
    """Every difference between two built sites, as report lines (empty: the same site). Each
    changed text file shows up to `lines` lines of its normalised unified diff."""
    old, new = files_of(before), files_of(after)
    report = [f"only in {before}: {name}" for name in sorted(old - new)]
    report += [f"only in {after}: {name}" for name in sorted(new - old)]
    for name in sorted(old & new):
        a, b = normalised(before / name), normalised(after / name)
        if a == b:
            continue
        if isinstance(a, bytes) or isinstance(b, bytes):
            report.append(f"differs: {name} (binary)")
            continue
        diff = list(difflib.unified_diff(a.splitlines(), b.splitlines(), f"before/{name}", f"after/{name}",
                                         lineterm="", n=1))
        shown = diff[:lines] + ([f"... ({len(diff) - lines} more lines)"] if len(diff) > lines else [])
        report += [f"differs: {name}", *(f"    {line}" for line in shown)]
    return report


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["build"]:
        parser = argparse.ArgumentParser(prog="sitediff.py build", description="Build REV's site into OUT_DIR.")
        parser.add_argument("revision")
        parser.add_argument("out_dir", type=Path)
        options = parser.parse_args(argv[1:])
        try:
            build(options.revision, options.out_dir)
        except subprocess.CalledProcessError:
            print(f"sitediff: the build of {options.revision} failed", file=sys.stderr)
            return 2
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="a revision, or with `compare` a built site's folder")
    parser.add_argument("after", nargs="?", default=WORK_TREE, help="the same (default: this work tree)")
    parser.add_argument("--lines", type=int, default=40, help="diff lines shown per file (default 40)")
    compare_only = argv[:1] == ["compare"]
    options = parser.parse_args(argv[1:] if compare_only else argv)
    with tempfile.TemporaryDirectory(prefix="sitediff-sites-") as scratch:
        if compare_only:
            before, after = Path(options.before), Path(options.after)
        else:
            before, after = Path(scratch) / "before", Path(scratch) / "after"
            for revision, out_dir in ((options.before, before), (options.after, after)):
                try:
                    build(revision, out_dir)
                except subprocess.CalledProcessError:
                    print(f"sitediff: the build of {revision} failed", file=sys.stderr)
                    return 2
        report = compare(before, after, lines=options.lines)
        count = len(files_of(after))
    print("\n".join(report) if report else f"sitediff: the same site ({count} files)")
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
