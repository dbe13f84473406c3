"""The report's own text, split into printed items, for checking that the data quotes it exactly."""

from __future__ import annotations

import re
from pathlib import Path

REPORT = Path(__file__).resolve().parents[2] / "shared" / "source" / "ndti-2014-personal-budgets-employment-support.txt"

_FOOTNOTE_NUMBER = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")


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
        if not paragraph or _FOOTNOTE_NUMBER.match(paragraph):
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
