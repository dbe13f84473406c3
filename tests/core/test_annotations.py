"""recsite.annotations and scripts/check_data.py in GitHub Actions: each data problem is also a
workflow command that GitHub shows on the offending line of the pull request's diff."""

from __future__ import annotations


from recsite.annotations import annotation, escape_data, escape_property
from recsite.problems import Problem
from support.datacopies import CORPUS, case_copy, run_check


def test_messages_escape_percent_and_line_breaks():
    assert escape_data("100% sure\r\nnext") == "100%25 sure%0D%0Anext"


def test_properties_also_escape_colons_and_commas():
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_a_problem_at_a_line_and_column():
    problem = Problem("data/recommendations.yaml", "unknown audience 'councils' (allowed: a, b)", line=12,
                      column=5, record="employment-as-the-norm", field="audience")
    assert annotation(problem) == ("::error file=data/recommendations.yaml,line=12,col=5,"
                                   "title=employment-as-the-norm%3A audience::"
                                   "unknown audience 'councils' (allowed: a, b)")


def test_a_problem_with_no_place_in_the_file():
    problem = Problem("data/published.yaml", "published id 'x' is missing: 50%\nfix it")
    assert annotation(problem) == "::error file=data/published.yaml::published id 'x' is missing: 50%25%0Afix it"


def test_a_problem_at_a_line_without_a_column():
    assert annotation(Problem("data/a.yaml", "too long", line=3, field="title")) == \
        "::error file=data/a.yaml,line=3,title=title::too long"


def _bad_data(tmp_path, case_name: str):
    return case_copy(tmp_path, CORPUS / "cases" / case_name)


def test_check_data_prints_annotations_in_github_actions_beside_the_plain_messages(tmp_path):
    case = _bad_data(tmp_path, "12-unknown-audience.yaml")
    result = run_check(tmp_path, GITHUB_ACTIONS="true")
    assert result.returncode == 1
    assert result.stderr.rstrip("\n") == case["expect"].rstrip("\n")   # the editors' messages, unchanged
    line = case["expect"].split("data/recommendations.yaml:", 1)[1].split(":", 1)[0]  # 33 since base/ was refreshed
    assert result.stdout.splitlines() == [
        f"::error file=data/recommendations.yaml,line={line},col=5,title=employment-as-the-norm%3A audience::"
        "unknown audience 'councils' (allowed: national-organisations, local-authorities-and-providers, "
        "individuals-and-families)"]


def test_every_problem_of_a_case_gets_one_annotation(tmp_path):
    case = _bad_data(tmp_path, "06-duplicate-id.yaml")
    result = run_check(tmp_path, GITHUB_ACTIONS="true")
    problems = [line for line in case["expect"].splitlines()[1:]]
    lines = result.stdout.splitlines()
    assert len(lines) == len(problems) and all(line.startswith("::error file=data/") for line in lines)


def test_no_annotations_outside_github_actions(tmp_path):
    _bad_data(tmp_path, "12-unknown-audience.yaml")
    assert "::error" not in run_check(tmp_path).stdout
    assert "::error" not in run_check(tmp_path, GITHUB_ACTIONS="false").stdout
