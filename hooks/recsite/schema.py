"""Check a YAML document against its JSON Schema (data/schema/), with each problem at its line.

The schema says what each file may hold (editors' tools read the same file for completion); this
module turns jsonschema's findings into the site's problem format: file:line: record: field: what
is wrong (expected/allowed: ...).
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .problems import Problem
from .yamlsource import Located

def describe(value: Any) -> str:
    """Say what an editor actually wrote, in words."""
    if value is None:
        return "nothing (YAML reads an empty value, ~ and null as no value)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, float) and not math.isfinite(value):
        return "an infinite number (.inf)" if math.isinf(value) else "not a number (.nan)"
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


_YAML11_BOOLEANS = {"yes", "no", "on", "off", "y", "n"}

_TYPE_WORDS = {"string": "text", "integer": "a whole number", "boolean": "true or false",
               "array": "a list", "object": "a mapping (key: value pairs)", "number": "a number"}


def schema_files(schema_dir: Path) -> tuple[tuple[str, bytes], ...]:
    """Each schema's file name and bytes: what the validators are made from, read on every check
    (eight small files), so that a process that checks again (`mkdocs serve`) sees an edit to any."""
    return tuple((path.name, path.read_bytes()) for path in sorted(schema_dir.glob("*.schema.json")))


@lru_cache(maxsize=16)
def _schemas(files: tuple[tuple[str, bytes], ...]) -> dict[str, dict]:
    """Every schema by its $id, so one file can $ref another (common.schema.json). That each is a
    valid JSON Schema is checked by the tests, not on every build (a third of the data check's time)."""
    schemas = {}
    for _, raw in files:
        schema = json.loads(raw.decode("utf-8"))
        schemas[schema["$id"]] = schema
    return schemas


def _ecma_pattern(pattern: str) -> str:
    """A JSON Schema `pattern` as Python reads ECMA-262 (the dialect JSON Schema and editors' tools
    use): there `$` matches only at the very end of the value, in Python also before a final line
    break, so `^[a-z0-9-]+$` took the id "ras\\n" and the page landed in a folder whose name ends
    in a line break. Every `$` that is not escaped or in a [class] becomes Python's `\\Z`."""
    out, escaped, in_class = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            char = "\\Z"
        out.append(char)
    return "".join(out)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(_ecma_pattern(pattern))


def _pattern(validator, pattern: str, instance: Any, schema: dict):
    if validator.is_type(instance, "string") and not _compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _whole_number(checker, instance: Any) -> bool:
    """JSON Schema counts 53.0 as an integer; the pages would print it as "53.0", not as the report
    does, so a number written with a decimal point is not a whole number here."""
    return isinstance(instance, int) and not isinstance(instance, bool)


_TYPES = Draft202012Validator.TYPE_CHECKER.redefine("integer", _whole_number)


def validator(schema_path: Path, keywords: tuple = (), files: tuple | None = None) -> Draft202012Validator:
    """The file's schema as a validator; `keywords` ((name, function) pairs) adds keywords of the
    site's own, such as the word-for-word check's `x-words` (recsite/verbatim.py). `files`: the
    folder's schema_files, where the caller has read them already."""
    return _validator(schema_path.name, files if files is not None else schema_files(schema_path.parent), keywords)


# Kept by the schemas' bytes, not their folder: made again when any schema changes.
@lru_cache(maxsize=64)
def _validator(name: str, files: tuple[tuple[str, bytes], ...], keywords: tuple) -> Draft202012Validator:
    schemas = _schemas(files)
    registry = Registry().with_resources(
        (uri, Resource.from_contents(schema, default_specification=DRAFT202012))
        for uri, schema in schemas.items())
    # Following a $ref is most of jsonschema's time on a large file (5,000 records: seconds), so
    # the refs are replaced by what they point at once, here.
    cls = validators.extend(Draft202012Validator, {"pattern": _pattern, **dict(keywords)}, type_checker=_TYPES)
    return cls(_inline(schemas[name], name, schemas), registry=registry)


_ANNOTATIONS = {"description", "title", "$comment"}


def _inline(schema: Any, base: str, schemas: dict[str, dict], seen: tuple = ()) -> Any:
    """`schema` with every $ref replaced by its target. A $ref's sibling keywords are merged in
    (they only narrow it, e.g. a maxLength); a clash keeps both through allOf."""
    if isinstance(schema, list):
        return [_inline(item, base, schemas, seen) for item in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema and schema["$ref"] not in seen:
        ref = schema["$ref"]
        document, _, pointer = ref.partition("#")
        target_base = document or base
        target: Any = schemas[target_base]
        for step in filter(None, pointer.strip("/").split("/")):
            target = target[step]
        target = _inline(target, target_base, schemas, (*seen, ref))
        siblings = {key: _inline(value, base, schemas, seen) for key, value in schema.items() if key != "$ref"}
        if any(key in target and key not in _ANNOTATIONS for key in siblings):
            return {"allOf": [target], **siblings}
        return {**target, **siblings}
    return {key: (value if key in ("$defs", "enum", "const") else _inline(value, base, schemas, seen))
            for key, value in schema.items()}


def _resolve(ref: str, schema_path: Path) -> dict:
    """The schema a $ref such as 'common.schema.json#/$defs/page' or '#/$defs/x' points at."""
    document, _, pointer = ref.partition("#")
    schemas = _schemas(schema_path.parent)
    # A local ref ('#/...') may come from the file itself or from common.schema.json's own defs.
    candidates = [document] if document else [schema_path.name, *schemas]
    for name in candidates:
        schema = schemas[name]
        try:
            for step in filter(None, pointer.strip("/").split("/")):
                schema = schema[step]
            return schema
        except KeyError:
            continue
    return {}


def check_records(document: Any, schema_path: Path, label: str, keywords: tuple = (),
                  findings: list | None = None, files: tuple | None = None) -> tuple[list[Problem], set[tuple]]:
    """Every way `document` breaks the schema, in file order, and which records (top-level list
    items, as (key, index)) are at fault, so the other records can still be checked further.
    `keywords`: the site's own (see `validator`), whose findings are not problems but are added to
    `findings`, found in the same walk of the document (the word-for-word check's fields).
    `files`: see `validator`."""
    if not schema_path.exists():
        return [Problem(label,
                        f"no schema to check it against (expected "
                        f"{schema_path.parent.name}/{schema_path.name})")], set()
    problems, faulty = [], set()
    errors = list(_leaves(validator(schema_path, keywords, files).iter_errors(document)))
    if keywords:
        own = {name for name, _ in keywords}
        if findings is not None:
            findings.extend(error for error in errors if error.validator in own)
        errors = [error for error in errors if error.validator not in own]
    # A value of the wrong type is said once: not also "from 1 to 56" of the same `.inf`.
    mistyped = {tuple(error.absolute_path) for error in errors if error.validator == "type"}
    for error in errors:
        path = list(error.absolute_path)
        if error.validator != "type" and tuple(path) in mistyped:
            continue
        faulty.add(tuple(path[:2]))
        (line, column), record, path = locate(document, path)
        if error.validator == "required":
            missing = error.message.split("'")[1]
            expected = _expected(error.schema, missing, schema_path)
            path, message = path + [missing], f"missing (expected {expected})"
        elif error.validator == "additionalProperties":
            allowed = ", ".join(error.schema.get("properties", {}))
            for extra in _extra_keys(error):
                at = ((error.instance.line_of(extra), error.instance.column_of(extra))
                      if isinstance(error.instance, Located) else (line, column))
                problems.append(Problem(label,
                                        f"unknown field (allowed: {allowed})",
                                        line=at[0],
                                        column=at[1],
                                        record=record,
                                        field=field_name(path + [extra])))
            continue
        else:
            message = _message(error)
            if "propertyNames" in error.schema_path:
                # A key that is not allowed (published.yaml's page addresses): placed at the key itself.
                mapping = _at(document, list(error.absolute_path))
                if isinstance(mapping, Located) and error.instance in mapping:
                    line, column = mapping.line_of(error.instance), mapping.column_of(error.instance)
        problems.append(Problem(label, message, line=line, column=column, record=record,
                                field=field_name(path)))
    return sorted(problems, key=lambda p: (p.line or 0, p.column or 0)), faulty


def _at(document: Any, path: list) -> Any:
    for step in path:
        document = document[step]
    return document


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


def locate(document: Any, path: list) -> tuple[tuple[int | None, int | None], str | None, list]:
    """Where the value at `path` is: its (line, column), the id of the nearest record (a mapping
    with an `id`) around it, and the rest of the path from that record."""
    node, record, from_record = document, None, list(path)
    place = (getattr(document, "line", None), getattr(document, "column", None))
    for depth, step in enumerate(path):
        if isinstance(node, Located):
            if isinstance(node.get("id"), str):
                record, from_record = _record_name(node["id"]), list(path[depth:])
            place = (node.line_of(step), node.column_of(step)) if step in node else (node.line, node.column)
        elif isinstance(node, list) and isinstance(step, int) and step < len(node):
            if isinstance(node[step], Located):
                place = (node[step].line, node[step].column)
        try:
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    if isinstance(node, Located):
        if isinstance(node.get("id"), str):
            record, from_record = _record_name(node["id"]), []
        if not path or not isinstance(path[-1], str):
            place = (node.line, node.column)
    return place, record, from_record


def _record_name(record_id: str) -> str:
    """A record's id as a message names it: one problem is one line, so an id with a line break or
    another character that does not print is shown escaped, in quotes."""
    return record_id if record_id.isprintable() else repr(record_id)


def field_name(path: list) -> str | None:
    """A field path as an editor reads it: ['source', 'page'] -> 'source.page',
    ['quotes', 0, 'role'] -> 'quotes[1].role' (list positions counted from 1)."""
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text or None


def _expected(schema: dict, key: str, schema_path: Path) -> str:
    spec = schema.get("properties", {}).get(key, {})
    while "$ref" in spec and "description" not in spec and "type" not in spec:
        spec = _resolve(spec["$ref"], schema_path)
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
        message = f"expected {_TYPE_WORDS.get(schema['type'], schema['type'])}, got {describe(value)}"
        if schema["type"] == "integer" and isinstance(value, float) and value.is_integer():
            return f"{message} (write {int(value)}, without the decimal point)"
        if schema["type"] == "string" and isinstance(value, (bool, int, float)):
            return f"{message} (to keep it as text, put it in quotes)"
        if schema["type"] == "boolean" and isinstance(value, str) and value.lower() in _YAML11_BOOLEANS:
            # YAML 1.1 read these as true and false; the site reads YAML 1.2 (recsite/yamlsource.py).
            return f"{message} (write true or false: yes, no, on and off are words, not true or false)"
        return message
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
        expected = schema.get("description", "pattern " + schema["pattern"])
        compact = "".join(value.split())
        if compact != value and _compiled(schema["pattern"]).search(compact):
            # Only a space or a line break is wrong, and a shortened value would not show where.
            at = next(index for index, char in enumerate(value) if char.isspace())
            what = "a line break" if value[at] in "\n\r\x85\u2028\u2029" else "a space"
            return f"{describe(value)} has {what} at character {at + 1} (expected {expected})"
        return f"{describe(value)} is not valid (expected {expected})"
    if kind == "minLength":
        return "expected text, got empty text"
    if kind == "maxLength":
        return f"is {len(value):,} characters long (at most {schema['maxLength']})"
    if kind == "minItems":
        return f"expected a list with at least {schema['minItems']} item(s), got {describe(value)}"
    if kind == "oneOf":
        return "expected exactly one of: " + "; ".join(
            " and ".join(option.get("required", [])) for option in schema["oneOf"])
    return error.message
