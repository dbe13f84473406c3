"""recsite/schema.py reads the JSON Schemas in data/schema/: each must itself be a valid schema."""

from __future__ import annotations

import pytest

from support.project import DATA


@pytest.mark.parametrize("schema_file", sorted((DATA / "schema").glob("*.schema.json")), ids=lambda p: p.name)
def test_every_schema_is_a_valid_json_schema(schema_file):
    # Not checked on each build (for speed), so checked here.
    import json

    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(json.loads(schema_file.read_text(encoding="utf-8")))
