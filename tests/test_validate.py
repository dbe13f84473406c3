"""Bad data is rejected with every problem listed as file:line: id: field: what was expected."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import DATA
from recsite.errors import DataError
from recsite.validate import load_catalogue

RECS = "recommendations.yaml"
FIRST = """  - id: employment-as-the-norm
    title: Promote employment as the norm
    text: Use every opportunity to promote employment as the norm for disabled people
    theme: encouraging-demand
    audience: national-organisations
    key: true
    source: {section: A3.1.1, page: 53}
    section7: {section: 7.1.1, page: 36}
"""


def broken(tmp_path: Path, old: str, new: str, file: str = RECS) -> Path:
    """A copy of the real data with one edit, as an editor's pull request might make."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    text = (data / file).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} is not unique in {file}"
    (data / file).write_text(text.replace(old, new), encoding="utf-8")
    return data


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_catalogue(data)
    return [str(problem) for problem in caught.value.problems]


def line_of(data: Path, needle: str, file: str = RECS) -> int:
    lines = (data / file).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if needle in line)


def test_unknown_audience_names_the_allowed_ones(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("audience: national-organisations", "audience: nationals"))
    line = line_of(data, "audience: nationals")
    assert problems(data) == [
        f"data/{RECS}:{line}: employment-as-the-norm: audience: unknown audience 'nationals' "
        "(allowed: national-organisations, local-authorities-and-providers, individuals-and-families)"
    ]


def test_unknown_theme(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("theme: encouraging-demand", "theme: demand"))
    (message,) = problems(data)
    assert re.fullmatch(r"data/recommendations\.yaml:\d+: employment-as-the-norm: theme: unknown theme "
                        r"'demand' \(allowed: encouraging-demand, professional-engagement, "
                        r"personal-budget-process, evidence-based-support\)", message)


def test_duplicate_id_points_at_the_first_use(tmp_path):
    data = broken(tmp_path, "  - id: publish-outcome-measures\n", "  - id: employment-as-the-norm\n")
    first = line_of(data, "id: employment-as-the-norm")
    second = first + 9
    assert problems(data) == [
        f"data/{RECS}:{second}: employment-as-the-norm: id: duplicate id (first used on line {first}); "
        "ids must be unique"
    ]


def test_missing_text(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace(
        "    text: Use every opportunity to promote employment as the norm for disabled people\n", ""))
    assert problems(data) == [
        f"data/{RECS}:{line_of(data, 'id: employment-as-the-norm')}: employment-as-the-norm: text: "
        "missing (expected text)"
    ]


def test_list_given_for_text(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace(
        "text: Use every opportunity to promote employment as the norm for disabled people",
        "text: [Use every opportunity]"))
    assert problems(data) == [
        f"data/{RECS}:{line_of(data, 'text: [Use')}: employment-as-the-norm: text: expected text, got a list"
    ]


def test_key_written_as_text(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("key: true", 'key: "yes"'))
    line = line_of(data, 'key: "yes"')
    assert problems(data) == [
        f"data/{RECS}:{line}: employment-as-the-norm: key: "
        "expected true or false, got the text 'yes'"
    ]


def test_bad_id_characters(tmp_path):
    data = broken(tmp_path, "  - id: employment-as-the-norm\n", "  - id: Employment as the norm\n")
    (message,) = problems(data)
    assert message.startswith(f"data/{RECS}:{line_of(data, 'id: Employment')}: recommendation 1: id: "
                              "the text 'Employment as the norm' is not a valid id")


def test_duplicate_key_in_a_mapping_is_not_silently_dropped(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("    key: true\n", "    key: true\n    key: false\n"))
    first = line_of(data, "    key: true")
    assert problems(data) == [
        f"data/{RECS}:{first + 1}: key: duplicate key (first given on line {first}); "
        "each key may appear once in a mapping"
    ]


def test_yaml_syntax_error_gives_the_line(tmp_path):
    data = broken(tmp_path, "    title: Promote employment as the norm\n",
                  "    title: [Promote employment as the norm\n")
    (message,) = problems(data)
    assert re.fullmatch(rf"data/{RECS}:\d+: YAML syntax error: .+", message)


def test_related_must_name_an_existing_record(tmp_path):
    data = broken(tmp_path, "    related: [offer-all-pb-options-for-support]\n", "    related: [no-such-record]\n")
    assert problems(data) == [
        f"data/{RECS}:{line_of(data, 'related: [no-such-record]')}: offer-all-pb-options: related: "
        "no recommendation has the id 'no-such-record'"
    ]


def test_source_section_must_match_theme_and_audience(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("section: A3.1.1, page: 53", "section: A3.2.1, page: 53"))
    assert problems(data) == [
        f"data/{RECS}:{line_of(data, 'section: A3.2.1')}: employment-as-the-norm: source.section: section "
        "'A3.2.1' does not belong to theme 'encouraging-demand' and audience 'national-organisations' "
        "(expected one of: 7.1.1, A3.1.1)"
    ]


def test_page_out_of_range(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("section: A3.1.1, page: 53", "section: A3.1.1, page: 530"))
    assert problems(data) == [
        f"data/{RECS}:{line_of(data, 'page: 530')}: employment-as-the-norm: source.page: "
        "expected a whole number from 1 to 56, got the number 530"
    ]


def test_key_recommendation_needs_its_section_7_place(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("    section7: {section: 7.1.1, page: 36}\n", ""))
    (message,) = problems(data)
    assert message.startswith(f"data/{RECS}:{line_of(data, 'id: employment-as-the-norm')}: "
                              "employment-as-the-norm: section7: missing: key recommendations must say")


def test_misspelt_field_is_reported(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("    theme: encouraging-demand\n",
                                                 "    theme: encouraging-demand\n    audiance: x\n"))
    (message,) = problems(data)
    assert message.startswith(f"data/{RECS}:{line_of(data, 'audiance: x')}: employment-as-the-norm: "
                              "audiance: unknown field (allowed: id, title, text,")


def test_record_id_may_not_take_a_page_anchor(tmp_path):
    data = broken(tmp_path, "  - id: employment-as-the-norm\n", "  - id: barrier\n")
    (message,) = problems(data)
    assert "id: 'barrier' is already used as a page anchor" in message


def test_every_problem_is_reported_at_once(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("audience: national-organisations", "audience: nationals")
                  .replace("key: true", "key: maybe"))
    found = problems(data)
    assert [m.split(": ")[2] for m in found] == ["audience", "key"]


def test_taxonomy_problems_name_the_taxonomy_file(tmp_path):
    data = broken(tmp_path, "    subsection: 2\n", "    subsection: 3\n", file="taxonomy.yaml")
    (message,) = problems(data)
    assert re.fullmatch(r"data/taxonomy\.yaml:\d+: individuals-and-families: subsection: "
                        r"3 is already another audience's subsection", message)


def test_empty_file(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / RECS).write_text("", encoding="utf-8")
    assert problems(data) == [
        f"data/{RECS}: expected a mapping with a 'recommendations' key at the top of the file, got an empty file"
    ]


def test_the_error_report_counts_the_problems(tmp_path):
    data = broken(tmp_path, FIRST, FIRST.replace("key: true", "key: 1"))
    with pytest.raises(DataError) as caught:
        load_catalogue(data)
    assert str(caught.value).startswith("The site data has 1 problem:\n  data/recommendations.yaml:")
