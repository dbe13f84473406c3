"""Read typed fields out of one YAML mapping, collecting a precise problem for each bad one."""

from __future__ import annotations

import re
from typing import Any

from .errors import Problem
from .yamlsource import Located

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_MAX_LENGTH = 60


def describe(value: Any) -> str:
    """Say what an editor actually wrote, in words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text {shown!r}" if value.strip() else "empty text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping (key: value pairs)"
    return type(value).__name__


class Problems:
    """Collects problems for one file."""

    def __init__(self, file: str):
        self.file = file
        self.found: list[Problem] = []

    def add(self, line: int | None, record: str | None, field: str | None, message: str) -> None:
        self.found.append(Problem(self.file, line, record, field, message))

    def reader(self, mapping: Any, record: str | None, prefix: str = "", line: int | None = None
               ) -> "Fields | None":
        """A field reader for `mapping`, or None (with a problem) if it is not a mapping."""
        if isinstance(mapping, Located):
            return Fields(self, mapping, record, prefix)
        self.add(line, record, prefix.rstrip(".") or None,
                 f"expected a mapping (key: value pairs), got {describe(mapping)}")
        return None


class Fields:
    """Typed access to the fields of one mapping. Each getter returns None after a problem."""

    def __init__(self, problems: Problems, mapping: Located, record: str | None, prefix: str = ""):
        self.problems = problems
        self.mapping = mapping
        self.record = record
        self.prefix = prefix

    @property
    def line(self) -> int:
        return self.mapping.line

    def line_of(self, name: str) -> int:
        return self.mapping.line_of(name)

    def problem(self, name: str | None, message: str) -> None:
        line = self.line_of(name) if name else self.line
        self.problems.add(line, self.record, f"{self.prefix}{name}" if name else self.prefix.rstrip(".") or None,
                          message)

    def _get(self, name: str, required: bool, expected: str) -> Any:
        if name not in self.mapping:
            if required:
                self.problem(name, f"missing (expected {expected})")
            return None
        return self.mapping[name]

    def only(self, allowed: list[str]) -> None:
        """Report keys that are not fields of this kind of record (usually a typo)."""
        for name in self.mapping:
            if name not in allowed:
                self.problem(str(name), f"unknown field (allowed: {', '.join(allowed)})")

    def text(self, name: str, required: bool = True, max_length: int | None = None) -> str | None:
        value = self._get(name, required, "text")
        if value is None and name not in self.mapping:
            return None
        if not isinstance(value, str) or not value.strip():
            self.problem(name, f"expected text, got {describe(value)}")
            return None
        # Folded YAML scalars keep editors' line breaks as spaces; readers see one line.
        value = " ".join(value.split())
        if max_length and len(value) > max_length:
            self.problem(name, f"is {len(value)} characters long (at most {max_length})")
            return None
        return value

    def identifier(self, name: str) -> str | None:
        value = self._get(name, True, "an id")
        if value is None:
            if name in self.mapping:
                self.problem(name, f"expected an id, got {describe(value)}")
            return None
        if not isinstance(value, str) or not ID_PATTERN.match(value) or len(value) > ID_MAX_LENGTH:
            self.problem(name, f"{describe(value)} is not a valid id (expected lowercase letters, digits "
                               f"and single hyphens, at most {ID_MAX_LENGTH} characters, e.g. "
                               "'employment-as-the-norm')")
            return None
        return value

    def boolean(self, name: str) -> bool | None:
        value = self._get(name, True, "true or false")
        if name in self.mapping and not isinstance(value, bool):
            self.problem(name, f"expected true or false, got {describe(value)}")
            return None
        return value

    def integer(self, name: str, low: int, high: int, required: bool = True) -> int | None:
        value = self._get(name, required, f"a whole number from {low} to {high}")
        if name not in self.mapping:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.problem(name, f"expected a whole number from {low} to {high}, got {describe(value)}")
            return None
        return value

    def mapping_field(self, name: str, required: bool = True) -> "Fields | None":
        value = self._get(name, required, "a mapping (key: value pairs)")
        if name not in self.mapping:
            return None
        return self.problems.reader(value, self.record, f"{self.prefix}{name}.", self.line_of(name))

    def list_field(self, name: str, required: bool = True) -> list | None:
        value = self._get(name, required, "a list")
        if name not in self.mapping:
            return None
        if not isinstance(value, list) or (required and not value):
            self.problem(name, f"expected a list with at least one item, got {describe(value)}")
            return None
        return value

    def choice(self, name: str, allowed: dict[str, Any], what: str) -> Any:
        """A reference to one of `allowed` by id (e.g. a theme); returns the referenced object."""
        value = self._get(name, True, f"a {what} id")
        if name not in self.mapping:
            return None
        if not isinstance(value, str):
            self.problem(name, f"expected a {what} id, got {describe(value)} (allowed: {', '.join(allowed)})")
            return None
        if value not in allowed:
            self.problem(name, f"unknown {what} {value!r} (allowed: {', '.join(allowed)})")
            return None
        return allowed[value]
