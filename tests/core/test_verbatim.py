"""The word-for-word check (recsite/verbatim.py): every field the schemas mark as the report's words is
in the report, and an editor's change to one is reported at the word they changed, beside the report's."""

from __future__ import annotations

import pytest

from support.project import DATA
from support.datacopies import broken
from recsite.load import load_catalogue
from recsite.problems import DataError
from recsite.verbatim import report_words
from recsite.yamlsource import load_yaml
from support.report_text import report

FILES = ("report", "taxonomy", "recommendations", "evidence", "appendices")


def word_problems(data) -> list:
    with pytest.raises(DataError) as caught:
        load_catalogue(data, report=report())
    return caught.value.problems


def test_the_real_data_is_the_reports_words():
    load_catalogue(DATA, report=report())


def test_the_schemas_mark_every_kind_of_quoted_field():
    """If a schema lost its marks, the check would pass while checking nothing."""
    found = {name: [path for path, _, _ in report_words(load_yaml(DATA / f"{name}.yaml"),
                                                        DATA / "schema" / f"{name}.schema.json")]
             for name in FILES}
    assert sum(map(len, found.values())) > 500
    fields = {path[-1] if isinstance(path[-1], str) else path[-2] for paths in found.values() for path in paths}
    assert {"text", "wording", "footnote", "includes", "lead_in", "paragraphs", "note", "base", "point",
            "intro", "items", "options", "url"} <= fields
    # The site's own words are never checked as the report's.
    assert not fields & {"title", "plain", "summary", "label", "study", "base_note", "role"}


def test_an_invented_word_is_reported_at_its_place_beside_the_reports_words(tmp_path):
    data = broken(tmp_path, "as the norm for disabled people\n", "as the norm for all disabled people\n")
    [problem] = word_problems(data)
    line = (data / "recommendations.yaml").read_text(encoding="utf-8").splitlines()[problem.line - 1]
    assert line[problem.column - 1:].startswith("all disabled people")
    assert (problem.record, problem.field) == ("employment-as-the-norm", "text")
    assert "Nearest passage: Appendix 3, section A3.1.1, which starts on page 53" in problem.message
    assert "here adds “all”, which the report does not have there" in problem.message
    here, report_line = problem.message.splitlines()[1:]
    assert here.strip() == "here:   … “opportunity to promote employment as the norm for all disabled people”"
    assert report_line.strip() == "report: … “opportunity to promote employment as the norm for disabled people”"


def test_words_left_out_and_words_changed_are_said_as_such(tmp_path):
    data = broken(tmp_path, "as the norm for disabled people\n", "as the norm for people\n")
    [problem] = word_problems(data)
    assert "here leaves out “disabled”, which the report has there" in problem.message
    data = broken(tmp_path / "2", "as the norm for disabled people\n", "as the norm for disabled adults\n")
    [problem] = word_problems(data)
    assert "here “adults”, where the report has “people”" in problem.message


def test_a_changed_word_in_a_wrapped_text_is_found_on_its_own_line(tmp_path):
    data = broken(tmp_path, "      the Adult Social Care, Public Health, and NH Outcomes Frameworks\n",
                  "      the Adult Social Care, Public Health, and NHS Outcomes Frameworks\n")
    [problem] = word_problems(data)
    lines = (data / "recommendations.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1][problem.column - 1:].startswith("NHS Outcomes")
    assert "here “NHS”, where the report has “NH”" in problem.message


def test_a_changed_list_item_is_found_at_its_line(tmp_path):
    data = broken(tmp_path, "      - Private for profit\n", "      - Private (for profit)\n", file="appendices.yaml")
    [problem] = word_problems(data)
    lines = (data / "appendices.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1].strip() == "- Private (for profit)"
    assert (problem.record, problem.field) == ("about-the-research", "questions[3].options[2]")


def test_punctuation_and_capitals_count_as_differences(tmp_path):
    data = broken(tmp_path, "as the norm for disabled people\n", "as the Norm for disabled people.\n")
    [problem] = word_problems(data)
    assert "here “Norm”, where the report has “norm”" in problem.message


def test_typography_does_not(tmp_path):
    """Curly or straight apostrophes, and where a long text is wrapped, are not the words."""
    data = broken(tmp_path, "      Focus on young people coming through transition from children's services to adult services,\n",
                  "      Focus on young people coming through transition from children’s\n"
                  "      services to adult services,\n")
    load_catalogue(data, report=report())


def test_without_the_report_the_loader_checks_no_words(tmp_path):
    """Builds read the data without the report (the editors' check and CI compare the words), so a
    site can still be built from data an editor is midway through."""
    data = broken(tmp_path, "as the norm for disabled people\n", "as the norm for all disabled people\n")
    assert load_catalogue(data).recommendation("employment-as-the-norm").text.endswith("all disabled people")


def test_on_a_pull_request_the_problem_is_shown_on_the_changed_line(tmp_path):
    from recsite.annotations import annotation
    data = broken(tmp_path, "as the norm for disabled people\n", "as the norm for all disabled people\n")
    [problem] = word_problems(data)
    command = annotation(problem)
    assert command.startswith(f"::error file=data/recommendations.yaml,line={problem.line},col={problem.column},"
                              "title=employment-as-the-norm%3A text::")
    assert "\n" not in command and "%0A      here:   … “opportunity" in command
