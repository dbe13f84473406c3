"""Check a YAML document against its JSON Schema (data/schema/), with each problem at its line.

The schema says what each file may hold (editors' tools read the same file for completion); this
module turns jsonschema's findings into the site's problem format: file:line: record: field: what
is wrong (expected/allowed: ...).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from .errors import Problem
from .fields import describe
from .yamlsource import Located

_TYPE_WORDS = {"string": "text", "integer": "a whole number", "boolean": "true or false",
               "array": "a list", "object": "a mapping (key: value pairs)", "number": "a number"}


@lru_cache(maxsize=None)
def validator(schema_path: Path) -> Draft202012Validator:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def check(document: Any, schema_path: Path, label: str) -> list[Problem]:
    """Every way `document` breaks the schema, in file order."""
    problems = []
    for error in _leaves(validator(schema_path).iter_errors(document)):
        path = list(error.absolute_path)
        line, record = _locate(document, path)
        if error.validator == "required":
            missing = error.message.split("'")[1]
            expected = _expected(error.schema, missing, validator(schema_path).schema)
            path, message = path + [missing], f"missing (expected {expected})"
        elif error.validator == "additionalProperties":
            allowed = ", ".join(error.schema.get("properties", {}))
            for extra in _extra_keys(error):
                extra_line = error.instance.line_of(extra) if isinstance(error.instance, Located) else line
                problems.append(Problem(label, extra_line, record, _field(path + [extra]),
                                        f"unknown field (allowed: {allowed})"))
            continue
        else:
            message = _message(error)
        problems.append(Problem(label, line, record, _field(path), message))
    return sorted(problems, key=lambda p: (p.line or 0))


def _leaves(errors):
    """The most specific errors: an if/then or oneOf failure is explained by its sub-errors."""
    for error in errors:
        if error.validator in ("allOf", "anyOf") and error.context:
            yield from _leaves(error.context)
        else:
            yield error


def _extra_keys(error: ValidationError) -> list[str]:
    allowed = set(error.schema.get("properties", {}))
    return [key for key in error.instance if key not in allowed]


def _locate(document: Any, path: list) -> tuple[int | None, str | None]:
    """The line of the value at `path`, and the id of the nearest record around it."""
    node, line, record = document, getattr(document, "line", None), None
    for step in path:
        if isinstance(node, Located):
            record = node.get("id", record) if isinstance(node.get("id"), str) else record
            line = node.line_of(step) if step in node else node.line
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            if isinstance(node[step], Located):
                line = node[step].line
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, Located):
        if isinstance(node.get("id"), str):
            record = node["id"]
        line = node.line if not path or not isinstance(path[-1], str) else line
    return line, record


def _field(path: list) -> str | None:
    """The field as an editor finds it under the record: ['parts', 2, 'title'] -> 'title',
    [..., 'quotes', 0, 'role'] -> 'quotes[1].role' (counting from 1), [..., 'items', 3] -> 'items[4]'."""
    names: list[str] = []
    for step in path:
        if isinstance(step, int):
            if names:
                names[-1] += f"[{step + 1}]"
        else:
            names.append(step)
    if not names:
        return None
    if len(names) > 1 and names[-2].endswith("]") and not isinstance(path[-1], int) \
            and not names[-2].startswith(("pages[", "parts[", "items[", "findings[", "barriers[")):
        return f"{names[-2]}.{names[-1]}"
    return names[-1]


def _expected(schema: dict, key: str, root: dict) -> str:
    spec = schema.get("properties", {}).get(key, {})
    while "$ref" in spec and "description" not in spec and "type" not in spec:
        spec = root["$defs"][spec["$ref"].rsplit("/", 1)[-1]]
    if "description" in spec:
        return spec["description"]
    if "maximum" in spec:
        return f"a whole number from {spec.get('minimum', 0)} to {spec['maximum']}"
    kind = spec.get("type")
    return _TYPE_WORDS.get(kind, "a value") if isinstance(kind, str) else "a value"


def _message(error: ValidationError) -> str:
    schema, value = error.schema, error.instance
    kind = error.validator
    if kind == "type":
        return f"expected {_TYPE_WORDS.get(schema['type'], schema['type'])}, got {describe(value)}"
    if kind in ("enum", "const"):
        allowed = schema.get("enum", [schema.get("const")])
        shown = repr(value) if isinstance(value, str) else describe(value)
        return f"unknown value {shown} (allowed: {', '.join(map(str, allowed))})"
    if kind in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        span = f"from {low} to {high}" if high is not None else f"of at least {low}"
        return f"expected a whole number {span}, got {describe(value)}"
    if kind == "pattern":
        if schema["pattern"] == "\\S":
            return "expected text, got empty text"
        return f"{describe(value)} is not valid (expected {schema.get('description', 'pattern ' + schema['pattern'])})"
    if kind == "minLength":
        return "expected text, got empty text"
    if kind == "maxLength":
        return f"is {len(value)} characters long (at most {schema['maxLength']})"
    if kind == "minItems":
        return f"expected a list with at least {schema['minItems']} item(s), got {describe(value)}"
    if kind == "oneOf":
        return "expected exactly one of: " + "; ".join(
            " and ".join(option.get("required", [])) for option in schema["oneOf"])
    return error.message
