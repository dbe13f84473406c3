"""No input breaks the core: hostile or odd data gives one clear problem at file:line, from the
editors' check and from a build alike, never a traceback, a crash or a half-built site. The corpus
in tests/bad_data/ documents each class for editors; these tests add what only a build, a run
under a memory limit or many random edits can show."""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.check_and_build import MEMORY_LIMIT
from support.project import DATA, ROOT, copy_data, copy_project
from recsite.problems import DataError
from recsite.load import load_catalogue

MKDOCS = Path(sys.executable).with_name("mkdocs")


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_limited(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run a command under a 1 GiB memory limit; a hang is a failure (the timeout is a guard
    against a blow-up, not a measure of speed)."""
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, errors="replace", timeout=120,
                          preexec_fn=_limited, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})


# The first recommendation's title line in data/recommendations.yaml, where three edits go.
FIRST_TITLE = "title: Use every opportunity to promote employment as the norm"

# One edit per class of hostile input (the corpus has the exact messages): file, text, replacement.
HOSTILE = {
    "deep nesting": ("glossary.yaml", "terms:\n", "deep: " + "[" * 20000 + "]" * 20000 + "\nterms:\n"),
    "alias bomb": ("glossary.yaml", "terms:\n", "a: &a [x, x, x, x, x, x, x, x, x]\n"
                   + "".join(f"{n}: &{n} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                             for p, n in zip("abcdefghi", "bcdefghij")) + "terms:\n"),
    "merge keys": ("glossary.yaml", "terms:\n", "m: {<<: {a: 1}}\nterms:\n"),
    "complex key": ("glossary.yaml", "terms:\n", "? {a: b}\n: 1\nterms:\n"),
    "tag": ("glossary.yaml", "terms:\n", "t: !!python/name:os.system\nterms:\n"),
    "control character": ("recommendations.yaml", FIRST_TITLE,
                          'title: "Promote employment\\f as the norm"'),
    "bidirectional override": ("recommendations.yaml", FIRST_TITLE,
                               'title: "Promote \\u202e employment"'),
    "lone surrogate": ("recommendations.yaml", FIRST_TITLE,
                       'title: "Promote \\ud800 employment"'),
    "huge number": ("recommendations.yaml", "page: 53}", "page: 1" + "0" * 4000 + "}"),
    "number Python cannot read": ("recommendations.yaml", "page: 53}", "page: 1" + "0" * 5000 + "}"),
    "yes for true": ("recommendations.yaml", "key: true", "key: yes"),
    "impossible date": ("report.yaml", 'site_published: "2026-11-22"', 'site_published: "2026-02-31"'),
    "id of a template element": ("recommendations.yaml", "- id: employment-as-the-norm", "- id: rec-count"),
    # Python's `$` matched before a final line break: the page went to a folder named "ras\n".
    "line break after an id": ("glossary.yaml", "- id: ras\n", '- id: "ras\\n"\n'),
    "page with a decimal point": ("recommendations.yaml", "page: 53}", "page: 53.0}"),
    "address with a space": ("report.yaml", "employment-support-for-disabled-people1/", "employment-support- for-disabled-people1/"),
    # Both stopped the build with a traceback in the citation code.
    "author in one word": ("report.yaml", "[Rich Watts,", "[Watts,"),
    "a season for a month": ("report.yaml", "date: May 2014", "date: Spring 2014"),
    "glossary id of the page's heading": ("glossary.yaml", "- id: ras\n", "- id: glossary\n"),
    "megabyte definition": ("glossary.yaml", "definition: >-\n", "definition: >-\n      " + "word " * 200_000 + "\n"),
    # A card's id equal to the id MkDocs gives a heading of its page: two elements with one id.
    "id of its theme page's heading": [("recommendations.yaml", "- id: employment-as-the-norm\n",
                                        "- id: encouraging-demand-for-employment\n"),
                                       ("published.yaml", "- employment-as-the-norm\n",
                                        "- encouraging-demand-for-employment\n")],
    "id of its evidence page's heading": [("evidence.yaml", "id: five-sites\n", "id: the-fieldwork\n"),
                                          ("published.yaml", "- five-sites\n", "- the-fieldwork\n")],
    "id of the list page's heading": [("recommendations.yaml", "- id: employment-as-the-norm\n", "- id: all-recommendations\n"),
                                      ("published.yaml", "- employment-as-the-norm\n", "- all-recommendations\n")],
}


def _hostile_project(tmp_path: Path, edits: tuple | list) -> Path:
    """A copy of the project with one edit (file, text, replacement), or a list of them."""
    copy_project(tmp_path)
    for file, old, new in edits if isinstance(edits, list) else [edits]:
        target = tmp_path / "data" / file
        text = target.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in data/{file}"
        target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


@pytest.fixture(scope="module")
def hostile_runs(tmp_path_factory) -> dict[str, dict]:
    """For each class of hostile edit, the editors' check and a build of a copy of the project with
    that edit: {kind: {"check"/"build": {status, stdout, stderr}, "site": the build's site folder}},
    all in one Python under a 1 GiB memory limit (support/check_and_build.py)."""
    folder = tmp_path_factory.mktemp("hostile")
    projects = {kind: _hostile_project(folder / f"{number:02d}", edits)
                for number, (kind, edits) in enumerate(HOSTILE.items())}
    results = folder / "results.json"
    ran = subprocess.run([sys.executable, str(ROOT / "tests" / "support" / "check_and_build.py"), str(results),
                          *map(str, projects.values())], capture_output=True, text=True, errors="replace",
                         timeout=600, env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert ran.returncode == 0 and results.exists(), ran.stdout + ran.stderr
    found = json.loads(results.read_text(encoding="utf-8"))
    return {kind: {**found[str(project)], "site": project / "site"} for kind, project in projects.items()}


# One worker runs them all (the fixture runs once per worker that needs it).
@pytest.mark.xdist_group("hostile")
@pytest.mark.parametrize("kind", HOSTILE)
def test_hostile_data_gives_one_clear_problem_from_check_and_build(hostile_runs, kind):
    check, build = hostile_runs[kind]["check"], hostile_runs[kind]["build"]
    for result in (check, build):
        output = result["stdout"] + result["stderr"]
        assert result["status"] not in (0, None), output
        assert "Traceback" not in output and "Error:" not in output.replace("BuildError", ""), output
    problem = next(line.strip() for line in check["stderr"].splitlines() if line.startswith("  data/"))
    assert problem.split(": ", 1)[0].count(":") >= 1, f"no line number: {problem}"
    assert problem in build["stdout"] + build["stderr"]  # the same words from the build
    assert not (hostile_runs[kind]["site"] / "index.html").exists()


def test_a_build_with_a_duplicate_id_fails_and_names_the_page(project_copy, tmp_path):
    about = project_copy / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + '\n<p id="methods">Again.</p>\n', encoding="utf-8")
    build = run_limited([str(MKDOCS), "build", "--site-dir", str(tmp_path / "site")], project_copy)
    output = build.stdout + build.stderr
    assert build.returncode != 0 and "Traceback" not in output
    assert "about.md: more than one element has the id 'methods'" in output


def test_a_failed_build_leaves_the_previous_site_exactly_as_it_was(project_copy, tmp_path, monkeypatch, site):
    """The previous site is the real one as built for this run (test_workflows runs `dev.py build`
    itself, over a site already there too)."""
    import dev

    monkeypatch.setattr(dev, "ROOT", project_copy)
    published = tmp_path / "published"
    shutil.copytree(site.root, published)
    before = {path.relative_to(published): path.read_bytes() for path in published.rglob("*") if path.is_file()}
    assert len(before) > 60
    glossary = project_copy / "data" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "broken: [\n", encoding="utf-8")
    assert dev.build(["--quiet", "--site-dir", str(published)]) != 0
    after = {path.relative_to(published): path.read_bytes() for path in published.rglob("*") if path.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # nothing left behind


# --- Random edits of the real data: the loader succeeds or reports problems, nothing else --------

FILES = sorted(path.name for path in DATA.glob("*.yaml"))
ODD = st.sampled_from(["", "~", "[]", "{}", "- x", "0", "-1", "1e309", "9" * 40, "2026-02-30", "'", '"',
                       "&a", "*a", "!!str", "<<: {}", ": :", "\t", "\u202e", "\u200b", "\x00", "é", "\\ud800",
                       "? [a]", "{a: [b, {c: d}]}", "null", "true", "index", "#"])


@st.composite
def edits(draw):
    name = draw(st.sampled_from(FILES))
    lines = (DATA / name).read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "value", "insert", "swap"]))
        if action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines.insert(at, lines[at])
        elif action == "value" and ":" in lines[at]:
            key = lines[at].split(":", 1)[0]
            lines[at] = f"{key}: {draw(st.one_of(ODD, st.text(max_size=12)))}"
        elif action == "insert":
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(st.one_of(ODD, st.text(max_size=4))) + lines[at][column:]
        elif action == "swap" and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
    return name, "\n".join(lines)


# Derandomized, so CI runs the same bounded set every time; `--hypothesis-seed` or more examples
# explore further locally.
@pytest.mark.early
@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_any_edit_of_the_data_loads_or_gives_located_problems(edit):
    name, text = edit
    with tempfile.TemporaryDirectory() as folder:
        data = copy_data(Path(folder) / "data")
        (data / name).write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            load_catalogue(data)
        except DataError as error:
            assert error.problems, "a DataError with no problem in it"
            for problem in error.problems:
                assert problem.file.startswith("data/") and problem.message, problem
                assert problem.line is not None or problem.record or problem.field or \
                    "file" in problem.message or problem.message.startswith(("is not", "expected")), problem
