"""One exception type for bad data, carrying every problem found, each with its place."""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, where it is and what was expected: the file and the message,
    and by name whatever is known of the place (line and column from 1, the record's id, the field)."""

    file: str
    message: str
    _: KW_ONLY
    line: int | None = None
    column: int | None = None
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.line is not None and self.column is not None:
            place += f":{self.column}"
        parts = [place]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(self.field)
        return ": ".join(parts + [self.message])


@dataclass(frozen=True)
class IdClaim:
    """An element id the data gives a page, and the problem to report if the page's template writes
    that id itself. The readers cannot know the templates' ids; recsite.fixedids checks the claims
    after planning. `kind` is the page kind whose pages carry the id, or None for any page."""

    id: str
    problem: Problem
    kind: str | None = None


class DataError(Exception):
    """The data cannot be published. Holds all problems so editors can fix them in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"The site data has {count} problem{'s' if count != 1 else ''}:"
        return "\n".join([heading, *(f"  {problem}" for problem in self.problems)])
