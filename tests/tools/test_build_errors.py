"""What an editor sees when the data is wrong: one clear message, no traceback, no partial site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support.project import ROOT

MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_build(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ)  # conftest has quietened MkDocs for every run
    return subprocess.run([*MKDOCS, "build", "--site-dir", "site"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


def test_bad_data_stops_the_build_with_a_located_message_and_keeps_the_old_site(project_copy):
    site = project_copy / "site"
    site.mkdir()
    (site / "index.html").write_text("the site as last published", encoding="utf-8")
    recs = project_copy / "data" / "recommendations.yaml"
    text = recs.read_text(encoding="utf-8")
    recs.write_text(text.replace("audience: national-organisations\n", "audience: nationals\n", 1),
                    encoding="utf-8")
    line = next(n for n, l in enumerate(recs.read_text().splitlines(), 1) if "audience: nationals" in l)

    result = run_build(project_copy)

    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert (f"data/recommendations.yaml:{line}:5: employment-as-the-norm: audience: unknown audience "
            "'nationals' (allowed: national-organisations") in output
    assert "Traceback" not in output
    # MkDocs empties the site folder only after the data has passed, so nothing half-built is left.
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "the site as last published"


def test_unknown_marker_in_a_hand_written_page_fails_the_build_naming_its_line_in_the_file(project_copy):
    # about.md has front matter: the line is the file's, as the editor's text editor numbers it.
    about = project_copy / "docs" / "about.md"
    lines = about.read_text(encoding="utf-8").split("\n")
    line = lines.index("<!-- recsite:scope -->") + 1
    lines[line - 1] = "<!-- recsite:scoep -->"
    about.write_text("\n".join(lines), encoding="utf-8")
    result = run_build(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"docs/about.md:{line}: unknown marker 'recsite:scoep'" in output
    assert "Traceback" not in output


def test_a_hand_written_page_may_not_hide_a_generated_one(project_copy):
    (project_copy / "docs" / "key-recommendations.md").write_text("# Mine\n", encoding="utf-8")
    result = run_build(project_copy)
    assert result.returncode != 0
    assert "docs/key-recommendations.md would be replaced by a page generated from data/" in result.stderr


def test_check_data_script_reports_problems_and_exit_status(project_copy):
    script = [sys.executable, str(ROOT / "scripts" / "check_data.py")]
    ok = subprocess.run([*script, "data"], cwd=project_copy, capture_output=True, text=True)
    assert (ok.returncode, ok.stdout) == (0, "data: OK: 48 recommendations (28 key), 4 themes, 3 audiences; every "
                                             "text marked as the report's words is in the report (source/)\n")

    recs = project_copy / "data" / "recommendations.yaml"
    recs.write_text(recs.read_text(encoding="utf-8").replace("key: true", "key: yes please", 1), encoding="utf-8")
    bad = subprocess.run([*script, "data"], cwd=project_copy, capture_output=True, text=True)
    assert bad.returncode == 1
    assert bad.stderr.startswith("The site data has 1 problem:\n  data/recommendations.yaml:")
    assert "key: expected true or false, got the text 'yes please'" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_a_hand_written_link_to_a_missing_anchor_on_a_generated_page_stops_the_build(project_copy):
    # Generated pages' HTML skips the Markdown converter (recsite/rawhtml.py); MkDocs must still
    # know their anchors, both the real ones and the missing ones.
    about = project_copy / "docs" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") +
                     "\n[A card](recommendations/index.md#employment-as-the-norm) and "
                     "[a lost one](recommendations/index.md#no-such-card).\n", encoding="utf-8")

    output = run_build(project_copy)
    message = output.stdout + output.stderr

    assert output.returncode != 0
    assert "does not contain an anchor '#no-such-card'" in message
    assert "#employment-as-the-norm'" not in message
