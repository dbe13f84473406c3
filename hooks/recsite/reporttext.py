"""The report's own text (source/ in the project), read into what the word-for-word check needs:
its printed paragraphs and bullets, the section each is in, and where each section starts.

The text was extracted from the report's PDF (source/README.md says how it reads): one paragraph
or bullet a line, footnote numbers flattened into superscript digits, footnotes printed between
the two halves of a paragraph that runs over a page, and a few typesetting commands left behind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .problems import DataError, Problem

REPORT_FILE = "ndti-2014-personal-budgets-employment-support.txt"

# Where each section starts, as the report's table of contents prints it. Its page numbers stay
# legible where the extraction garbled its headings: Sections 5.1 to 7.2.3 are the run "25 27 29
# 31 34 34 35 36 36 36 36 37 37 37 37" (Part 2 and Section 6 both on 34); the line for 7.3 itself
# is lost, and 7.3.1's page is used. tests/core/test_reporttext.py checks the table against the
# table of contents where it is legible and against the pages the data gives. The word-for-word
# check names the section of the passage nearest to a wrong text, and its first page, so an
# editor can find it in the PDF.
SECTION_PAGES = {
    "1": 6, "1.1": 7, "1.2": 7, "1.3": 7,
    "2": 9, "2.1": 9, "2.2": 10, "2.3": 10,
    "3": 12, "3.1": 12, "3.1.1": 12, "3.2": 13, "3.3": 15, "3.4": 15,
    "4": 16, "4.1": 16, "4.1.1": 16, "4.1.2": 17, "4.1.3": 18, "4.2": 19, "4.3": 20,
    "4.3.1": 20, "4.3.2": 21, "4.3.3": 21, "4.3.4": 22, "4.3.5": 23,
    "5": 24, "5.1": 25, "5.2": 27, "5.3": 29, "5.4": 31,
    "6": 34, "7": 35, "7.1": 36, "7.1.1": 36, "7.1.2": 36, "7.1.3": 36,
    "7.2": 37, "7.2.1": 37, "7.2.2": 37, "7.2.3": 37,
    "7.3": 38, "7.3.1": 38, "7.3.2": 38, "7.3.3": 38,
    "7.4": 38, "7.4.1": 38, "7.4.2": 38, "7.4.3": 38,
    "Appendix 1": 40, "Appendix 2": 47, "A2.1": 47, "A2.2": 48, "A2.3": 49, "A2.4": 50,
    "Appendix 3": 53, "A3.1": 53, "A3.1.1": 53, "A3.1.2": 53, "A3.1.3": 54,
    "A3.2": 54, "A3.2.1": 54, "A3.2.2": 54, "A3.2.3": 55,
    "A3.3": 55, "A3.3.1": 55, "A3.3.2": 55, "A3.3.3": 56,
    "A3.4": 56, "A3.4.1": 56, "A3.4.2": 56, "A3.4.3": 56,
}

# A heading in the body of the text: "4.1.2. Number of people…", "A2.3 Questions…", "Appendix 3: …".
# One heading is extracted with its number last: "Employment rates for disabled people 2.1.".
_HEADING = re.compile(r"^(?:(?P<number>[1-7](?:\.\d+)*|A[1-3](?:\.\d+)+)[.:]? +[A-Z]|(?P<appendix>Appendix [1-3]):"
                      r"|[A-Z][a-z ]+ (?P<last>[1-7](?:\.\d+)+)\.$)")
_BODY_STARTS = "PART 1: FINDINGS FROM THE RESEARCH"
# A section's number as its heading prints it, and the space after it: "5.1. ", "A2.2 ", "Appendix 2: ".
_NUMBERED_HEADING = re.compile(r"^(?P<number>[1-7](?:\.\d+)*|A[1-3](?:\.\d+)+|Appendix [1-3])[.:]? +")
_FOOTNOTE_NUMBER = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# Lines of a footnote that lost their number in extraction: a bare address, or "Ibid." read as "lbid.".
_FOOTNOTE_LEFTOVER = re.compile(r"^(https?://\S+|[lI]bid\.)$")
# What the extraction left of the typesetting: "\pounds 7.50", "$(18.6\% \text{ and } 8.0\%)^{14}$".
_TYPESETTING = [
    (re.compile(r"\\pounds\s*"), "£"),
    (re.compile(r"\\text\{([^}]*)\}"), r"\1"),
    (re.compile(r"\\%"), "%"),
    (re.compile(r"\^\{\d+\}"), ""),
    (re.compile(r"\$"), ""),
]
# What the extraction does to an address broken over lines: a space where it broke, and the
# hyphen at the break sometimes lost.
_UNBROKEN = re.compile(r"[\s-]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
_MARKUP = re.compile(r"</?u>|\*")   # underlined addresses, bold and italic words, as extracted


def normalise(text: str) -> str:
    """Words, not typography: curly and straight quotes alike, one space between words, no key
    markers or footnote numbers."""
    text = _FOOTNOTE_NUMBER.sub("", text.translate(_QUOTES))
    return " ".join(text.split())


@dataclass(frozen=True)
class Passage:
    """One printed paragraph or bullet, and the section it is printed in."""

    text: str
    section: str | None

    @property
    def where(self) -> str:
        """'Section 4.1.2, which starts on page 17', as an editor finds it in the PDF."""
        if self.section is None:
            return "before Section 1"
        name = (self.section if self.section.startswith("Appendix")
                else f"Appendix {self.section[1]}, section {self.section}" if self.section.startswith("A")
                else f"Section {self.section}")
        page = SECTION_PAGES.get(self.section)
        return f"{name}, which starts on page {page}" if page else name


class ReportText:
    """The report as extracted, with ways to ask whether a text is printed in it."""

    def __init__(self, raw: str):
        for pattern, replacement in _TYPESETTING:
            raw = pattern.sub(replacement, raw)
        self.raw = raw

    @classmethod
    def read(cls, source_dir: Path, label: str = "source") -> "ReportText":
        """The report from the project's source/ folder; a missing file is a problem, not a skip."""
        path = source_dir / REPORT_FILE
        try:
            return cls(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise DataError([Problem(f"{label}/{REPORT_FILE}",
                                     "file not found (expected the report's text, which the project keeps so "
                                     "that every quoted word can be checked: see source/README.md)")]) from None

    @cached_property
    def passages(self) -> tuple[Passage, ...]:
        """Every printed paragraph and bullet in order, without key markers (*) or footnote numbers.

        A paragraph that starts in lower case continues the one before it across a page break (the
        footnotes printed at the page's foot sit between the two halves, and are left out)."""
        passages: list[Passage] = []
        section, in_body = None, False   # the title page and contents come first: no section
        for line in self.raw.splitlines():
            line = " ".join(line.split())
            if not line or _FOOTNOTE_NUMBER.match(line) or _FOOTNOTE_LEFTOVER.match(line):
                continue
            if line == _BODY_STARTS:
                in_body = True
            heading = _HEADING.match(line) if in_body else None
            # In the appendices a numbered line is a survey question, not a section of the report.
            if heading and not (heading["number"] and heading["number"][0].isdigit() and section
                                and section.startswith("A")):
                section = heading["number"] or heading["appendix"] or heading["last"]
            text = _FOOTNOTE_NUMBER.sub("", line.removeprefix("- ")).replace("*", "")
            if passages and text[0].islower():
                passages[-1] = Passage(f"{passages[-1].text} {text}", passages[-1].section)
            else:
                passages.append(Passage(text, section))
        return tuple(passages)

    def items(self, start: str | None = None, end: str | None = None) -> set[str]:
        """The printed items as they are extracted, from the heading `start` up to `end` (the last
        occurrence of each: the table of contents names headings too)."""
        begin = self.raw.rindex(start) if start else 0
        finish = self.raw.index(end, begin) if end else len(self.raw)
        return {passage.text for passage in ReportText(self.raw[begin:finish]).passages}

    def appendix3_items(self) -> set[str]:
        return self.items("Appendix 3: Full set of recommendations")

    def section7_items(self) -> set[str]:
        return self.items("7. Key recommendations", "Appendix 1: Survey on Personal Budgets")

    def sections_of(self, text: str) -> set[str]:
        """The sections in which the report prints `text` (typography aside), in one passage."""
        wanted = normalise(text).strip()
        return {passage.section for passage, printed in zip(self.passages, self._normalised)
                if wanted and wanted in printed and passage.section}

    def heading(self, section: str) -> str | None:
        """The heading the report prints over `section`, without its number ('Policy context' for
        '2', 'Fieldwork topic guides' for 'Appendix 2'), or None where it prints none we can read."""
        first = next((passage.text for passage in self.passages if passage.section == section), None)
        numbered = _NUMBERED_HEADING.match(first or "")
        return first[numbered.end():] if numbered and numbered["number"] == section else None

    def table_rows(self) -> set[tuple[str, ...]]:
        """The rows of the report's tables: tab-separated lines, as cells."""
        return {tuple(cell.strip() for cell in line.split("\t"))
                for line in self.raw.splitlines() if "\t" in line}

    @cached_property
    def _printed(self) -> str:
        return "\n".join(normalise(passage.text) for passage in self.passages)

    @cached_property
    def _whole(self) -> str:
        # Footnotes and addresses too, which the passages leave out.
        return normalise(_MARKUP.sub("", self.raw))

    @cached_property
    def _normalised(self) -> tuple[str, ...]:
        return tuple(normalise(passage.text) for passage in self.passages)

    def contains(self, text: str) -> bool:
        """Whether `text` is printed in the report, word for word (typography aside)."""
        text = normalise(text).strip()
        if not text or text in self._printed or text in self._whole:
            return True
        # A sentence split by a page break ends one passage and goes on in another.
        return any(text[:cut] and item.endswith(text[:cut].rstrip())
                   and any(text[cut:].lstrip() in other for other in self._normalised if other is not item)
                   for item in self._normalised for cut in range(1, len(text)) if text[cut] == " ")

    @cached_property
    def _addresses(self) -> str:
        return _UNBROKEN.sub("", _MARKUP.sub("", self.raw))

    def contains_address(self, address: str) -> bool:
        """Whether the report prints the web address, however the extraction broke it over lines."""
        return _UNBROKEN.sub("", address) in self._addresses

    def nearest(self, text: str, section: str | None = None) -> Passage:
        """The printed passage sharing the most words with `text`, to show beside it: of passages
        sharing as many, one in `section` (where the data says the text is), then the closest in length."""
        wanted = set(_words(text))
        return max(self.passages, key=lambda passage: (
            len(wanted & set(_words(passage.text))),
            bool(section and passage.section and passage.section.startswith(section)),
            -abs(len(passage.text) - len(text))))


def _words(text: str) -> list[str]:
    return re.findall(r"[\w£%'-]+", normalise(text).lower())
