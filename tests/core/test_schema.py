"""recsite/schema.py reads the JSON Schemas in data/schema/: each must itself be a valid schema, and
its patterns match whole values, as JSON Schema's dialect of regular expressions (ECMA-262) does."""

from __future__ import annotations

import json

import pytest

from recsite.schema import validator
from recsite.yamlsource import load_yaml
from support.project import DATA, ROOT


@pytest.mark.parametrize("schema_file", sorted((DATA / "schema").glob("*.schema.json")), ids=lambda p: p.name)
def test_every_schema_is_a_valid_json_schema(schema_file):
    # Not checked on each build (for speed), so checked here.
    import json

    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(json.loads(schema_file.read_text(encoding="utf-8")))


# Every schema the site checks data or downloads against: the data files' and the downloads'.
SCHEMAS = [*sorted((DATA / "schema").glob("*.schema.json")), ROOT / "hooks" / "recsite" / "recommendations.schema.json"]


def _patterns(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "pattern" and isinstance(value, str):
                yield value
            else:
                yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


def _texts(node):
    """Every text in the data, keys included (published.yaml's page addresses are keys)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield key
            yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)
    elif isinstance(node, str):
        yield node


DATA_TEXTS = sorted({text for path in DATA.glob("*.yaml") for text in _texts(load_yaml(path))})


@pytest.mark.parametrize("schema_file", SCHEMAS, ids=lambda p: p.name)
def test_every_pattern_matches_the_whole_value_not_one_with_a_line_break_after_it(schema_file):
    """An id "ras\\n" passed `^[a-z0-9]+(-[a-z0-9]+)*$` (Python's `$` matches before a final line
    break, ECMA-262's does not): its page landed in a folder whose name ends in a line break."""
    site = validator(DATA / "schema" / "common.schema.json")   # the site's validator, keywords and all
    for pattern in sorted(set(_patterns(json.loads(schema_file.read_text(encoding="utf-8"))))):
        if pattern == "\\S":
            continue  # "not only spaces": a text may end in a line break, its reader folds it
        assert pattern.startswith("^") and pattern.endswith("$"), f"{pattern} is not anchored at both ends"
        one = site.evolve(schema={"type": "string", "pattern": pattern})
        examples = [text for text in DATA_TEXTS if one.is_valid(text)]
        assert examples, f"nothing in data/ matches {pattern}: the test would prove nothing"
        assert [text for text in examples if one.is_valid(text + "\n")] == []


def test_a_dollar_sign_written_as_itself_stays_a_dollar_sign():
    site = validator(DATA / "schema" / "common.schema.json")
    one = site.evolve(schema={"type": "string", "pattern": "^[$]\\$$"})
    assert one.is_valid("$$") and not one.is_valid("$$\n") and not one.is_valid("x")
