"""When each page's content last changed: the line at the foot of every page ("This page last
changed on 22 November 2026"), so a reader can tell a page's age without opening its citation.

Two sources, each the right one for its pages:

- Recommendations carry their own history (`changes:` in data/recommendations.yaml). A page that
  shows recommendations changed when the newest of them did: the date each one's citation gives
  (`Recommendation.last_changed`), so a fix to one record does not re-date every page.
- Every other page changed when its source file last did, by git: a hand-written page's file in
  docs/, a generated page's data file (data/evidence.yaml, data/glossary.yaml...).

Without git's history of a file (no git, a copy of the files, or a shallow clone, which is what CI's
checkout makes unless asked for the whole history) that date is unknown. It is then left out rather
than guessed (a shallow clone would date every file to its one commit), and `GitDates.missing` says
why, for the build to report once. The deploy workflow fetches the whole history.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Iterable

from .model import Recommendation, Retired
from .selections import Recs


def records_in(context: dict[str, Any]) -> list[Recommendation | Retired]:
    """The recommendation records a page's template is given (one, a list, a Recs, groups of them),
    at any depth of lists and tuples: the records the page shows. A record's own page (`rec`) is
    dated by that record alone, as its citation is: the titles of the others it links to are not
    its content."""
    if isinstance(context.get("rec"), Recommendation):
        return [context["rec"]]
    found: list[Recommendation | Retired] = []

    def walk(value: Any, depth: int) -> None:
        if isinstance(value, (Recommendation, Retired)):
            found.append(value)
        elif depth < 4 and isinstance(value, (list, tuple, Recs)):
            for item in value:
                walk(item, depth + 1)
        elif depth < 4 and isinstance(value, dict):
            for item in value.values():
                walk(item, depth + 1)

    for value in context.values():
        walk(value, 0)
    return found


def newest_record_change(records: Iterable[Recommendation | Retired], published: date) -> date | None:
    """When the newest of `records` last changed (a withdrawal is a change); None for no records."""
    dates = [record.date if isinstance(record, Retired) else record.last_changed(published) for record in records]
    return max(dates, default=None)


# Each file's last commit as found, by (project, commit at HEAD): a file's last commit changes only
# with HEAD, so `mkdocs serve`'s rebuilds (one process, the core kept while it is unchanged) ask git
# once per build instead of once per file.
_LAST_COMMITS: dict[tuple[str, str], dict[str, date | None]] = {}


@dataclass
class GitDates:
    """The date of the last commit that changed each file of a project, from git; None where git
    cannot say (see the module's note). One `git log` per file asked about, each asked once for a
    commit at HEAD (see _LAST_COMMITS)."""

    project: Path
    missing: str | None = None          # why dates are unknown, or None when git has the history
    _known: dict[str, date | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        found = self._git("rev-parse", "--is-shallow-repository", "HEAD")
        if found is None:  # no git, not a repository, or a repository with no commit yet
            found = self._git("rev-parse", "--is-shallow-repository")
        if found is None:
            self.missing = "the project is not a git repository (or git is not installed)"
            return
        shallow, *head = found.split()
        if shallow == "true":
            self.missing = ("the git clone is shallow, so a file's last change cannot be known "
                            "(clone the whole history: actions/checkout's fetch-depth: 0)")
        elif head:
            self._known = _LAST_COMMITS.setdefault((str(self.project.resolve()), head[0]), {})

    def _git(self, *args: str) -> str | None:
        try:
            done = subprocess.run(["git", "-C", str(self.project), *args], capture_output=True, text=True,
                                  timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            return None
        return done.stdout if done.returncode == 0 else None

    def last_commit(self, path: str) -> date | None:
        """The date (in the committer's time zone) of the last commit that changed `path`, relative
        to the project; None if unknown or never committed."""
        if self.missing:
            return None
        if path not in self._known:
            out = self._git("log", "-1", "--format=%cs", "--", path)
            self._known[path] = date.fromisoformat(out.strip()) if out and out.strip() else None
        return self._known[path]


def page_changed(records_date: date | None, source: str, dates: GitDates) -> date | None:
    """A page's date: its records' newest change if it shows recommendations, else its source
    file's last commit (`source`: relative to the project, e.g. docs/about.md)."""
    return records_date if records_date is not None else dates.last_commit(source)
