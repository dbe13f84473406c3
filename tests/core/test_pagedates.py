"""recsite/pagedates.py: a page's "last changed" date, from its records' history or from git."""

from __future__ import annotations

import os
import subprocess
from datetime import date

import pytest

from support.project import real_catalogue
from recsite.pagedates import GitDates, newest_record_change, page_changed, records_in
from recsite.selections import Recs

CATALOGUE = real_catalogue()
PUBLISHED = CATALOGUE.report.site_published


def test_a_records_own_page_is_dated_by_that_record_alone_and_a_list_by_its_newest():
    changed = [rec for rec in CATALOGUE.recommendations if rec.changes]
    unchanged = next(rec for rec in CATALOGUE.recommendations if not rec.changes)
    newest = max(rec.changes[0].date for rec in changed)
    own = records_in({"rec": unchanged, "siblings": changed, "related": changed})
    assert newest_record_change(own, PUBLISHED) == PUBLISHED
    listed = records_in({"recs": Recs.of([unchanged]), "groups": [("theme", Recs.of(changed))]})
    assert newest_record_change(listed, PUBLISHED) == newest
    assert newest_record_change(records_in({"entry": "text", "evidence_page": object()}), PUBLISHED) is None


def git(repo, *args, when="2026-03-04T12:00:00+00:00"):
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "t",
           "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path):
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    git(project, "init", "-q")
    (project / "docs" / "about.md").write_text("one\n")
    (project / "docs" / "index.md").write_text("one\n")
    git(project, "add", ".")
    git(project, "commit", "-qm", "first")
    (project / "docs" / "about.md").write_text("two\n")
    git(project, "commit", "-qam", "second", when="2026-05-06T23:30:00+00:00")
    return project


def test_a_hand_written_page_is_dated_by_its_files_last_commit(repo):
    dates = GitDates(repo)
    assert dates.missing is None
    assert dates.last_commit("docs/index.md") == date(2026, 3, 4)
    assert dates.last_commit("docs/about.md") == date(2026, 5, 6)
    assert dates.last_commit("docs/never-committed.md") is None
    assert page_changed(None, "docs/about.md", dates) == date(2026, 5, 6)
    assert page_changed(date(2026, 1, 1), "docs/about.md", dates) == date(2026, 1, 1)  # records win


def test_without_the_history_dates_are_left_out_and_the_reason_given(repo, tmp_path):
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True, capture_output=True)
    dates = GitDates(shallow)
    assert "shallow" in dates.missing and "fetch-depth: 0" in dates.missing
    assert dates.last_commit("docs/index.md") is None  # not the one commit's date, which would be wrong

    copy = tmp_path / "copy"
    (copy / "docs").mkdir(parents=True)
    dates = GitDates(copy)
    assert "not a git repository" in dates.missing and dates.last_commit("docs/index.md") is None


def test_a_rebuild_asks_git_again_only_after_a_new_commit(repo, monkeypatch):
    # `mkdocs serve` rebuilds in one process: a file's date is asked of git once per commit at HEAD.
    GitDates(repo).last_commit("docs/about.md")
    asked = []
    real_git = GitDates._git
    monkeypatch.setattr(GitDates, "_git", lambda self, *args: asked.append(args[0]) or real_git(self, *args))
    assert GitDates(repo).last_commit("docs/about.md") == date(2026, 5, 6)
    assert asked == ["rev-parse"]
    (repo / "docs" / "about.md").write_text("three\n")
    git(repo, "commit", "-qam", "third", when="2026-07-08T10:00:00+00:00")
    assert GitDates(repo).last_commit("docs/about.md") == date(2026, 7, 8)


def test_a_repository_without_a_commit_yet_has_no_dates_and_is_not_called_no_repository(tmp_path):
    git(tmp_path, "init", "-q")
    dates = GitDates(tmp_path)
    assert dates.missing is None and dates.last_commit("docs/index.md") is None
