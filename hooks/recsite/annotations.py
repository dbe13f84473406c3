"""Data problems as GitHub workflow commands, so a pull request shows each one on its line.

GitHub Actions reads a line `::error file=F,line=L,col=C,title=T::MESSAGE` printed by a step as
an annotation on line L of file F in the pull request's diff. Its rules for escaping: in the
message, `%`, carriage return and line feed become %25, %0D and %0A; in a property (file, line,
col, title) also `:` and `,` become %3A and %2C, since they separate the properties.
"""

from __future__ import annotations

from .problems import Problem


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """One `::error …::…` line for a problem: at its file, line and column where it has them,
    titled with its record and field."""
    properties = [("file", problem.file)]
    if problem.line is not None:
        properties.append(("line", str(problem.line)))
        if problem.column is not None:
            properties.append(("col", str(problem.column)))
    title = ": ".join(part for part in (problem.record, problem.field) if part)
    if title:
        properties.append(("title", title))
    props = ",".join(f"{name}={escape_property(value)}" for name, value in properties)
    return f"::error {props}::{escape_data(problem.message)}"


def annotations(problems: list[Problem]) -> str:
    return "\n".join(annotation(problem) for problem in problems)
