"""The recipe for a new field (developers/recipes.md), followed once on a copy of the project: a
note in the site's own words, shown on a recommendation's page and in the downloads, touches five
files and no more, reaches the page, recommendations.json and .csv, the published schema and the
pull-request summary, every field already published keeping its place; and the copy's own tests
of the downloads and the planner pass with no edit but the golden files' update."""

from __future__ import annotations

import csv
import filecmp
import io
import json
import subprocess
import sys

from jsonschema import Draft202012Validator

from support.project import ROOT, SITE_SOURCES, copy_project
from support.goldens import GOLDEN

REC = "think-about-employment-early"
NOTE = "Our note: the Preparing for Adulthood programme has since ended."

# The recipe's five edits, as (file, text it comes after or replaces, new text). Each is the
# smallest a developer would write.
RECIPE = [
    # 1. The data's schema: the key editors may write.
    ("data/schema/recommendations.schema.json",
     '        "footnote": {"$ref": "common.schema.json#/$defs/report_text"},\n',
     '        "footnote": {"$ref": "common.schema.json#/$defs/report_text"},\n'
     '        "site_note": {"$ref": "common.schema.json#/$defs/text", "description": "a note in the site\'s own words"},\n'),
    # 2. The data.
    ("data/recommendations.yaml",
     f"  - id: {REC}\n",
     f"  - id: {REC}\n    site_note: \"{NOTE}\"\n"),
    # 3. The model (its reader reads an optional text by itself: model.read_as_text).
    ("hooks/recsite/model.py",
     "    twin: str | None = None            # the same words, printed again by the report under another theme\n",
     "    twin: str | None = None            # the same words, printed again by the report under another theme\n"
     "    site_note: str | None = read_as_text()   # a note in the site's own words\n"),
    # 4. The page's template.
    ("hooks/templates/recommendation.md.j2",
     "{% if rec.footnote %}\n<p class=\"rec-detail__footnote\">",
     "{% if rec.site_note %}\n{{ p.ours(rec.site_note, \"rec-detail__note\") }}\n"
     "{% endif %}\n{% if rec.footnote %}\n<p class=\"rec-detail__footnote\">"),
    # ... and the same words in the page's search entries, as the search index reads them.
    ("hooks/templates/recommendation.md.j2",
     "{% if rec.footnote %}\n<p>The report adds a footnote:",
     "{% if rec.site_note %}\n<p>{{ text_kinds[\"site\"] }}: {{ rec.site_note }}</p>\n"
     "{% endif %}\n{% if rec.footnote %}\n<p>The report adds a footnote:"),
    # 5. The field table: a row at the end, with the next column.
    ("hooks/recsite/recordfields.py",
     "    # The planner's own: not in the downloads.\n",
     "    Field(\"site_note\", lambda rec, at: rec.site_note, csv=42, words=SITE_WORDS, schema=ONE_TEXT_OR_NULL,\n"
     "          about=\"A note in THIS SITE'S OWN WORDS about the recommendation; null where there is none.\",\n"
     "          change=(\"site_note\", \"site's note\"), reuse=\"a note in **the site's own words**\"),\n"
     "    # The planner's own: not in the downloads.\n"),
]


def _follow_recipe(project):
    for name, old, new in RECIPE:
        path = project / name
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{name}: the recipe's anchor {old!r} is not there once"
        path.write_text(text.replace(old, new), encoding="utf-8")


COPIED = (*SITE_SOURCES, "scripts", "tests", "developers")


def _changed_files(project) -> set[str]:
    """Every file of the copy that differs from the project's (or is new)."""
    changed = set()
    for folder in COPIED:
        for path in (project / folder).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                original = ROOT / path.relative_to(project)
                if not original.exists() or not filecmp.cmp(path, original, shallow=False):
                    changed.add(path.relative_to(project).as_posix())
    return changed


def _run(project, *args) -> str:
    done = subprocess.run([sys.executable, *args], cwd=project, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_new_field_takes_five_files_and_reaches_the_page_and_the_downloads(tmp_path):
    # pytest.ini: the tests' import paths; README.md: what some tests read.
    project = copy_project(tmp_path / "project", extra=("scripts", "tests", "developers"), ignore=(".pytest_cache",),
                           files=("pytest.ini", "README.md"))
    _follow_recipe(project)
    assert _changed_files(project) == {name for name, _, _ in RECIPE}
    assert len({name for name, _, _ in RECIPE}) <= 5
    # No test pins the fields but the golden files, which the recipe's last step writes anew: the
    # update checks every published field keeps its place, and only the new one is added.
    _run(project, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "-k", "not site",
         "tests/core/test_downloads.py", "tests/core/test_recordfields.py", "tests/core/test_planner.py",
         "tests/core/test_goldens.py", "--update-goldens")
    updated = _changed_files(project) - {name for name, _, _ in RECIPE}
    assert updated == {"tests/golden/recommendations.json", "tests/golden/recommendations.csv",
                       "tests/golden/recommendations.schema.json"}   # the planner does not show it
    golden = json.loads((project / "tests/golden/recommendations.json").read_text(encoding="utf-8"))
    assert {tuple(record)[-1] for record in golden} == {"site_note"}

    out = tmp_path / "out"
    _run(project, "scripts/build_pages.py", str(out), "--site-url", "https://example.org/pb/")

    page = (out / "recommendations" / f"{REC}.md").read_text(encoding="utf-8")
    assert f'<p class="rec-detail__note" data-provenance="site"><span class="provenance__tag">Our words:</span> {NOTE}</p>' in page

    records = json.loads((out / "recommendations.json").read_text(encoding="utf-8"))
    record = next(r for r in records if r["id"] == REC)
    assert list(record)[-1] == "site_note" and record["site_note"] == NOTE
    assert {r["site_note"] for r in records if r["id"] != REC} == {None}
    schema = json.loads((out / "recommendations.schema.json").read_text(encoding="utf-8"))
    assert schema["$defs"]["record"]["properties"]["site_note"]["description"].startswith("A note in THIS SITE'S")
    assert schema["$defs"]["record"]["required"][-1] == "site_note"
    Draft202012Validator(schema).validate(records)

    text = (out / "recommendations.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    golden_header = next(csv.reader(io.StringIO((GOLDEN / "recommendations.csv").read_text(encoding="utf-8"))))
    assert rows[0] == [*golden_header, "site_note"]   # every column already published keeps its place
    assert next(row for row in rows if row[0] == REC)[-1] == NOTE

    # The site search finds it: the page's search entries (its template's `search` block) carry it.
    entries = _run(project, "-c", "import sys; sys.path[:0] = ['scripts', 'hooks']; "
                   "from pathlib import Path; from recsite.load import load_catalogue; from recsite.plan import plan_site; "
                   f"print(plan_site(load_catalogue(Path('data')), 'https://example.org/').pages['recommendations/{REC}.md'].search)")
    assert NOTE in entries
    # ... as Material would read the page: the copy's own comparison of the two, on its built site.
    _run(project, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", "tests/site/test_search_entries.py",
         "-k", "real_sites")

    # What the pull request's summary says: the base is the project's data as it is.
    summary = _run(project, "-c", "import sys; sys.path[:0] = ['scripts', 'hooks']; "
                   "from pathlib import Path; from recsite.load import load_catalogue; "
                   "from changes_summary import compare, summary; "
                   f"print(summary(compare(load_catalogue(Path({str(ROOT / 'data')!r})), load_catalogue(Path('data')))))")
    assert f"(`{REC}`): site's note" in summary
