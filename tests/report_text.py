"""The report's own text, split into printed items, for checking that the data quotes it exactly."""

from __future__ import annotations

import re
from pathlib import Path

REPORT = Path(__file__).resolve().parents[1] / "source" / "ndti-2014-personal-budgets-employment-support.txt"

_FOOTNOTE_NUMBER = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# Lines of a footnote that lost their number in extraction: a bare address, or "Ibid." read as "lbid.".
_FOOTNOTE_LEFTOVER = re.compile(r"^(https?://\S+|[lI]bid\.)$")


def _block(text: str, start: str, end: str | None) -> str:
    begin = text.rindex(start)  # the last occurrence: the table of contents names headings too
    finish = text.index(end, begin) if end else len(text)
    return text[begin:finish]


def printed_items(block: str) -> set[str]:
    """Paragraphs and bullets (one a line in the extracted text), without key markers (*) or footnote numbers.

    A paragraph that starts in lower case continues the one before it across a page break (the
    footnotes printed at the page's foot sit between the two halves and are dropped).
    """
    items: list[str] = []
    for paragraph in block.splitlines():
        paragraph = " ".join(paragraph.split())
        if not paragraph or _FOOTNOTE_NUMBER.match(paragraph) or _FOOTNOTE_LEFTOVER.match(paragraph):
            continue
        paragraph = _FOOTNOTE_NUMBER.sub("", paragraph.removeprefix("- ")).replace("*", "")
        if items and paragraph[0].islower():
            items[-1] = f"{items[-1]} {paragraph}"
        else:
            items.append(paragraph)
    return set(items)


def appendix3_items() -> set[str]:
    return printed_items(_block(REPORT.read_text(encoding="utf-8"), "Appendix 3: Full set of recommendations", None))


def section7_items() -> set[str]:
    return printed_items(_block(REPORT.read_text(encoding="utf-8"), "7. Key recommendations",
                                "Appendix 1: Survey on Personal Budgets"))


# The PDF extraction left a few typesetting commands in the text: "\pounds 7.50" and
# "$(18.6\% \text{ and } 8.0\% \text{ respectively})^{14}$".
_TYPESETTING = [
    (re.compile(r"\\pounds\s*"), "£"),
    (re.compile(r"\\text\{([^}]*)\}"), r"\1"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\^\{\d+\}"), ""),
    (re.compile(r"\$"), ""),
]


def report_text() -> str:
    """The whole report as extracted, with the typesetting commands undone."""
    text = REPORT.read_text(encoding="utf-8")
    for pattern, replacement in _TYPESETTING:
        text = pattern.sub(replacement, text)
    return text


def all_items() -> str:
    """Every printed paragraph and bullet of the report, one a line, for `in` checks."""
    return "\n".join(printed_items(report_text()))


def table_rows() -> set[tuple[str, ...]]:
    """The rows of the report's tables: tab-separated lines, as cells."""
    return {tuple(cell.strip() for cell in line.split("\t"))
            for line in report_text().splitlines() if "\t" in line}
