"""The traps an editor meets in YAML, said in words they understand at the line they got wrong
(recsite/yamlhints.py for syntax errors, yamlsource's check for fields swallowed by a block of text).
Each trap's exact message is in the corpus (tests/bad_data/, cases 57-63); these are the edges."""

from __future__ import annotations

import pytest

from recsite.problems import DataError
from recsite.yamlsource import load_yaml


def problems(tmp_path, text: str) -> list:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_yaml(path, "x.yaml")
    return caught.value.problems


def test_a_line_in_a_block_that_only_looks_like_a_field_is_text(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text("items:\n  - id: a\n    text: >-\n      The report says\n      Note: these are examples\n", encoding="utf-8")
    assert load_yaml(path)["items"][0]["text"] == "The report says Note: these are examples"


def test_a_field_of_the_file_swallowed_by_a_literal_block_is_found_too(tmp_path):
    [problem] = problems(tmp_path, "items:\n  - id: a\n    text: |\n      Words\n      page: 3\n  - id: b\n    page: 4\n")
    assert (problem.line, problem.column, problem.record, problem.field) == (5, 7, "a", "text")
    assert "not as the field `page`" in problem.message


def test_an_unclosed_single_quote_is_found_where_it_opened(tmp_path):
    [problem] = problems(tmp_path, "a: 'one\nb: two\nc: 'three'\n")
    assert (problem.line, problem.column) == (1, 4)
    assert "the quote opened here is not closed on this line" in problem.message


def test_a_quote_closed_on_its_line_is_not_blamed(tmp_path):
    # The error is elsewhere (a colon in a plain value): the rule for quotes must not claim it.
    [problem] = problems(tmp_path, 'a: "one"\nb: two: three\n')
    assert problem.line == 2 and "contains “: ”" in problem.message


def test_an_error_no_rule_knows_keeps_pyyamls_words(tmp_path):
    [problem] = problems(tmp_path, "a: [one, two\nb: three\n")
    assert problem.message.startswith("YAML syntax error: while parsing a flow sequence")
