"""The word-for-word check: every field the data schemas mark as the report's words is printed in the
report, and where one is not, the editor is told exactly where and how it differs.

Which fields are the report's words is said once, in the schemas (data/schema/): a field whose
schema carries `"x-words": "report"` (common.schema.json's `report_text`), or `"report-address"`
for an address the report prints (compared without spaces and hyphens: the extraction breaks
addresses over lines, and drops a hyphen where one was broken). The schema check has
already found each file's shape right, so the same schemas can be walked again to find those fields,
by jsonschema itself: a validator extended with an `x-words` keyword that reports every value it
applies to, through `$ref`, `allOf` and `if`/`then` alike, with the path to it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jsonschema.exceptions import ValidationError

from .model import RESEARCH_PARTS, Source
from .problems import Problem
from .reporttext import SECTION_PAGES, Passage, ReportText, normalise
from .schema import field_name, locate, validator

WORDS = "x-words"
# How many of the report's words to show either side of the first difference.
CONTEXT_WORDS = 8


def _mark_report_words(_validator: Any, kind: Any, instance: Any, _schema: Any) -> Iterator[ValidationError]:
    # Not an error: jsonschema hands a keyword every value its schema applies to, with the path to it
    # added on the way out, and a "finding" is how a keyword says something about a value.
    if kind in ("report", "report-address") and isinstance(instance, str):
        yield ValidationError(kind)


# The keyword that finds them, for the schema check to run in the same walk (schema.check_records).
KEYWORDS = ((WORDS, _mark_report_words),)


def report_words(document: Any, schema_path: Path, findings: list | None = None) -> Iterator[tuple[tuple, str, str]]:
    """(path, text, kind) of every value in `document` that its schema marks as the report's words, each once
    (a field reached through two schema branches, such as a `base` required by an `if`, is one field).
    `findings`: what a schema check with KEYWORDS found in the same document, instead of a walk of its own."""
    seen = set()
    if findings is None:
        findings = validator(schema_path, KEYWORDS).iter_errors(document)
    for finding in findings:
        path = tuple(finding.absolute_path)
        if finding.validator == WORDS and path not in seen:
            seen.add(path)
            yield path, finding.instance, finding.message


def check_words(document: Any, schema_path: Path, label: str, report: ReportText,
                data_path: Path | None = None, findings: list | None = None) -> list[Problem]:
    """A problem for every field marked as the report's words that the report does not print, at the
    first word that differs (in the file at `data_path`, where given). `findings`: see report_words."""
    problems = []
    source_lines = None
    for path, text, kind in report_words(document, schema_path, findings):
        if report.contains_address(text) if kind == "report-address" else report.contains(text):
            continue
        (line, column), record, rest = locate(document, list(path))
        nearest = report.nearest(text, _section_of(document, path))
        message, word = describe_difference(text, nearest)
        if data_path is not None and line and word:
            source_lines = source_lines or data_path.read_text(encoding="utf-8").splitlines()
            line, column = _place_of(source_lines, line, column or 1, *word)
        problems.append(Problem(label, message, line=line, column=column, record=record, field=field_name(rest)))
    return problems


def _section_of(document: Any, path: tuple) -> str | None:
    """The report section the record around the field says it is in (`section:` or `source.section`,
    the innermost given): the passage to show beside a wrong text is looked for there first."""
    section, node = None, document
    for step in path:
        if isinstance(node, dict):
            place = node.get("source") if isinstance(node.get("source"), dict) else node
            if isinstance(place.get("section"), str):
                section = place["section"]
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    return section


def describe_difference(text: str, passage: Passage) -> tuple[str, tuple[str, int] | None]:
    """What an editor reads: that the text is not the report's, the first words that differ, and the
    two side by side. Also the first differing word of `text` and how many times it occurs before
    (to find its line in the file), or None when the text has no word there (words left out at its end)."""
    ours, theirs = normalise(text).split(), normalise(passage.text).split()
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    opcodes = matcher.get_opcodes()
    # The text may be part of a longer passage: the report's words before and after it are not a difference.
    while opcodes and opcodes[0][0] == "insert" and opcodes[0][1] == 0:
        opcodes = opcodes[1:]
    while opcodes and opcodes[-1][0] == "insert" and opcodes[-1][1] == len(ours):
        opcodes = opcodes[:-1]
    first = next((op for op in opcodes if op[0] != "equal"), None)
    heading = f"is marked as the report's words but the report does not print it. Nearest passage: {passage.where}."
    if first is None or not matcher.find_longest_match(0, len(ours), 0, len(theirs)).size:
        # No word in common, or every word the same with other punctuation or spelling inside them.
        return (f"{heading}\n      here:   {_clip(ours, 0, 0)}\n      report: {_clip(theirs, 0, 0)}",
                (ours[0], 0) if ours else None)
    tag, i1, i2, j1, j2 = first
    here, there = _few(ours[i1:i2]), _few(theirs[j1:j2])
    if tag == "replace":
        what = f"first difference: here “{here}”, where the report has “{there}”"
    elif tag == "delete":
        what = f"first difference: here adds “{here}”, which the report does not have there"
    else:
        what = f"first difference: here leaves out “{there}”, which the report has there"
    word = (ours[i1], ours[:i1].count(ours[i1])) if i1 < len(ours) else None
    return (f"{heading} The {what}:\n      here:   {_clip(ours, i1, i2)}\n      report: {_clip(theirs, j1, j2)}",
            word)


def _few(words: list[str]) -> str:
    """Words that differ, at most a dozen of them (a pasted paragraph need not be printed whole)."""
    return " ".join(words) if len(words) <= 2 * CONTEXT_WORDS else " ".join(words[:12]) + " …"


def _clip(words: list[str], start: int, end: int) -> str:
    """The words around [start, end), with an ellipsis where words are left out."""
    end = min(end, start + 2 * CONTEXT_WORDS)  # the first words that differ, not all of them
    begin, finish = max(0, start - CONTEXT_WORDS), min(len(words), max(end, start + 1) + CONTEXT_WORDS)
    shown = " ".join(words[begin:finish])
    return f"{'… ' if begin else ''}“{shown}”{' …' if finish < len(words) else ''}"


def _place_of(lines: list[str], line: int, column: int, word: str, before: int) -> tuple[int, int]:
    """The line and column of the `before`+1-th occurrence of `word` from (line, column) on: where the
    first difference is in the file, so a pull request shows it on the line the editor changed.
    Where it cannot be found (a quoted value with escapes), the field's own place."""
    pattern = re.compile(rf"(?<!\S){re.escape(word)}(?!\S)")
    seen = -1
    for number in range(line, len(lines) + 1):
        text = lines[number - 1]
        start = column - 1 if number == line else 0
        for match in pattern.finditer(normalise_line(text), start):
            seen += 1
            if seen == before:
                return number, match.start() + 1
    return line, column


def normalise_line(line: str) -> str:
    """A line of YAML with curly quotes made straight (as the words are compared), same length."""
    return line.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


# The records whose title is a page's title (a barrier's, an evidence page's, an appendix's), by
# file: the page's citation says whose heading the title is, so `report_heading` must say it truly.
TITLED_RECORDS = {"taxonomy.yaml": ("themes", "barrier"), "evidence.yaml": ("pages",),
                  "appendices.yaml": ("appendices",)}


def _titled(document: Any, steps: tuple[str, ...]) -> Iterator[tuple[tuple, Any]]:
    """(path, record) of each titled record: `steps` are a list's key and, inside each item, a key."""
    for index, item in enumerate(document.get(steps[0], ()) if isinstance(document, dict) else ()):
        path, node = (steps[0], index), item
        for step in steps[1:]:
            path, node = (*path, step), node.get(step) if isinstance(node, dict) else None
        if isinstance(node, dict) and isinstance(node.get("title"), str) and isinstance(node.get("section"), str):
            yield path, node


def check_headings(document: Any, name: str, label: str, report: ReportText) -> list[Problem]:
    """A problem for every page title whose `report_heading` is not true to the report: marked as the
    report's heading where the report prints another (or none), or not marked where it is the
    report's heading word for word (its citation would call the report's heading ours)."""
    problems = []
    for path, node in _titled(document, TITLED_RECORDS.get(name, ("",))):
        heading = report.heading(node["section"])
        same = heading is not None and normalise(heading) == normalise(node["title"])
        marked = node.get("report_heading") is True
        if same == marked:
            continue
        section = Source(node["section"], 0).section_name
        if marked:
            field = "report_heading"
            message = (f"the title is marked as the report's heading for {section}, but the report's heading there is "
                       f"“{heading}”" if heading else f"the title is marked as the report's heading for {section}, "
                       "but the report prints no heading there that the check can read")
            message += " (expected the heading word for word, or no `report_heading`)"
        else:
            field = "title"
            message = (f"is the report's own heading for {section}, word for word: add `report_heading: true` "
                       "beside it, so that the page's citation says the heading is the report's, not this site's")
        (line, column), record, rest = locate(document, [*path, field])
        problems.append(Problem(label, message, line=line, column=column, record=record, field=field_name(rest)))
    return problems


def _next_section_page(section: str) -> int | None:
    """The page the section after `section` (in the report's order) starts on: the last page
    `section` can be on (a section may end on the page where the next begins)."""
    order = list(SECTION_PAGES)
    at = order.index(section)
    later = [SECTION_PAGES[other] for other in order[at + 1:] if not other.startswith(section + ".")]
    return later[0] if later else None


def check_base_places(document: Any, label: str, report: ReportText) -> list[Problem]:
    """A problem for every base (or lead-in) of this research's figures that the report does not
    print where the page will say it is: in the block's own section, or at its `base_source`, whose
    page must be in that section's pages. A base quoted from elsewhere in the report carries its
    own place, so a council quoting it quotes the right page."""
    problems = []

    def add(path: list, message: str) -> None:
        (line, column), record, rest = locate(document, path)
        problems.append(Problem(label, message, line=line, column=column, record=record, field=field_name(rest)))

    for page_index, page in enumerate(document.get("pages", ()) if isinstance(document, dict) else ()):
        for part_index, part in enumerate(page.get("parts", ())):
            for item_index, item in enumerate(part.get("items", ())):
                path = ["pages", page_index, "parts", part_index, "items", item_index]
                field = "base" if isinstance(item.get("base"), str) else "lead_in" if isinstance(item.get("lead_in"), str) else None
                if field is None or item.get("from") not in RESEARCH_PARTS:
                    continue   # a base anywhere else is refused by the reader
                found = report.sections_of(item[field])
                if not found:
                    continue   # not the report's words at all: check_words says so
                place = item.get("base_source") if field == "base" else None
                section = (place or item).get("section", part.get("section"))
                names = " and ".join(sorted(Source(other, 0).section_name for other in found))
                if section not in found:
                    if place:
                        add([*path, "base_source", "section"],
                            f"the report prints the base's words in {names}, not in {Source(section, 0).section_name} "
                            "(expected the section that prints them)")
                    else:
                        add([*path, field], f"the report prints these words in {names}, not in "
                                            f"{Source(section, 0).section_name} where this block is: give their own place "
                                            f"beside them, `base_source: {{section: \"{sorted(found)[0]}\", page: …}}`, "
                                            "so the page does not cite them at the block's page")
                elif place and section in SECTION_PAGES:
                    first, last = SECTION_PAGES[section], _next_section_page(section)
                    if place["page"] < first or (last is not None and place["page"] > last):
                        pages = f"pages {first}–{last}" if last else f"page {first} on"
                        add([*path, "base_source", "page"],
                            f"page {place['page']} is not in {Source(section, 0).section_name}, which is printed "
                            f"on {pages} (expected the page the base's words are printed on)")
    return problems
