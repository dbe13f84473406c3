"""The field readers every data file shares, and `FileReader`, which collects one file's problems,
each placed at the line and column it is about."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..model import Run, Source
from ..problems import IdClaim, Problem


def read_text(value: str) -> str:
    """A text field as readers see it: folded YAML keeps editors' line breaks as spaces."""
    return " ".join(value.split())


def read_paragraphs(items: list) -> tuple[tuple[str, ...], tuple[Run, ...]]:
    """The report's paragraphs of a `report_paragraphs` list, and the runs they are shown in: a
    `gap:` entry (our words for what the report prints there) ends one run and starts the next."""
    paragraphs, runs, run = [], [], []
    for item in items:
        if isinstance(item, dict):
            runs.append(Run(tuple(run), read_text(item["gap"])))
            run = []
        else:
            paragraphs.append(read_text(item))
            run.append(read_text(item))
    runs.append(Run(tuple(run)))
    return tuple(paragraphs), tuple(runs)


def read_source(node: Any, section: str | None = None) -> Source:
    """A place in the report: the node's section (or the enclosing one) and its page or pages."""
    return Source(node.get("section", section), node["page"], node.get("to_page"))


class FileReader:
    """Reads the fields of one data file (`label` is how messages name it) and collects its problems."""

    def __init__(self, label: str):
        self.label = label
        self.problems: list[Problem] = []
        self.claims: list[IdClaim] = []   # ids checked against the pages' own after planning

    def add(self, node: Any, record: str | None, field: str | None, message: str, *,
            key: str | None = None) -> None:
        """A problem with `field` of the mapping `node`, placed at its `key` (by default the field's
        last key: a dotted field names where it is, changes.date)."""
        self.problems.append(self.problem(node, record, field, message, key=key))

    def problem(self, node: Any, record: str | None, field: str | None, message: str, *,
                key: str | None = None) -> Problem:
        """The problem `add` would add, placed the same way, without adding it."""
        key = key or (field.rsplit(".", 1)[-1] if field else None)
        if key and hasattr(node, "line_of") and key in node:
            line, column = node.line_of(key), node.column_of(key)
        else:
            line, column = getattr(node, "line", None), getattr(node, "column", None)
        return Problem(self.label, message, line=line, column=column, record=record, field=field)

    def claim(self, element_id: str, node: Any, record: str | None, field: str | None, message: str, *,
              kind: str | None = None) -> None:
        """`element_id`, written at `node`, is an element id on the pages of `kind` (None: any page);
        `message` is the problem if one of those pages' templates writes the same id
        (recsite.fixedids, after planning)."""
        self.claims.append(IdClaim(element_id, self.problem(node, record, field, message), kind))

    def page_range(self, node: Any, record: str | None, within: str | None = None) -> None:
        """Every place in the report with a `to_page` is read through here: "pages 36–35" is no place.
        `within` names the field the place is, for the message (source: source.to_page)."""
        if "to_page" in node and node["to_page"] < node["page"]:
            field = f"{within}.to_page" if within else "to_page"
            self.add(node, record, field, f"page {node['to_page']} comes before page {node['page']} "
                                          "(expected the last page, at or after `page`)")

    def date(self, node: Any, record: str | None, field: str, *, history: bool = True) -> date | None:
        """The date in `node[field]` (YYYY-MM-DD), or None with a problem. A date in the history
        (`history`) cannot be later than today: it records something that happened."""
        written = node[field.rsplit(".", 1)[-1]]  # a dotted field names where it is: changes.date
        try:
            when = date.fromisoformat(written)
        except ValueError:
            self.add(node, record, field, f"'{written}' is not a real date (expected YYYY-MM-DD)")
            return None
        if history and when > date.today():
            self.add(node, record, field, f"{written} is in the future (expected the date it happened, "
                                          "at the latest today)")
            return None
        return when
