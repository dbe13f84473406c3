"""The report's own text (source/), as the core reads it, for the tests that compare the data and the
built pages with it. A missing file fails the test that asks for it: these checks never skip."""

from __future__ import annotations

from functools import cache

from support.project import ROOT
from recsite.reporttext import REPORT_FILE, ReportText

SOURCE = ROOT / "source"
REPORT = SOURCE / REPORT_FILE


@cache
def report() -> ReportText:
    return ReportText.read(SOURCE)


def appendix3_items() -> set[str]:
    return report().appendix3_items()


def section7_items() -> set[str]:
    return report().section7_items()


def report_text() -> str:
    """The whole report as extracted, with the typesetting commands undone."""
    return report().raw


def all_items() -> str:
    """Every printed paragraph and bullet of the report, one a line, for `in` checks."""
    return "\n".join(passage.text for passage in report().passages)


def table_rows() -> set[tuple[str, ...]]:
    return report().table_rows()
