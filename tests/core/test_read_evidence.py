"""Bad evidence data is rejected with its place and what was expected, like the recommendations."""

from __future__ import annotations

import re

from support.datacopies import broken, problems

EVIDENCE = "evidence.yaml"
TABLE_1_MEAN = '{label: Mean, values: ["6.1", "9.4"]}'


def line_of(data, file: str, needle: str) -> int:
    return next(n for n, line in enumerate((data / file).read_text().splitlines(), 1) if needle in line)


def test_a_table_row_needs_a_value_for_each_column(tmp_path):
    data = broken(tmp_path, TABLE_1_MEAN, '{label: Mean, values: ["6.1"]}', EVIDENCE)
    (message,) = problems(data)
    assert message == (f"data/evidence.yaml:{line_of(data, EVIDENCE, 'label: Mean')}:31: table-1: values: "
                       "1 value(s) for 2 column(s) (expected one value per column)")


def test_a_figure_must_be_in_the_text_it_comes_from(tmp_path):
    data = broken(tmp_path, 'figures: ["48.9%", "78.0%", "29.1%"]', 'figures: ["48.9%", "78.9%", "29.1%"]',
                  EVIDENCE)
    (message,) = problems(data)
    assert re.fullmatch(r"data/evidence\.yaml:\d+:\d+: employment-gap: figures: '78\.9%' does not appear in "
                        r"the text \(expected each figure exactly as the text prints it\)", message)


def test_a_footnote_reference_must_exist(tmp_path):
    data = broken(tmp_path, "refs: [7]", "refs: [70]", EVIDENCE)
    (message,) = problems(data)
    assert re.fullmatch(r"data/evidence\.yaml:\d+:\d+: employment-gap: refs: footnote 70 is not in "
                        r"`references` \(listed: 1, 2, 3, 7, 8, .*\)", message)


def test_a_quote_needs_a_role(tmp_path):
    data = broken(tmp_path, "            role: Local Authority representative\n            page: 25\n", "            page: 25\n",
                  EVIDENCE)
    (message,) = problems(data)
    assert re.fullmatch(r"data/evidence\.yaml:\d+:\d+: low-demand-or-expectations: quotes\[1\]\.role: missing "
                        r"\(expected who said it, by role only\)", message)


def test_an_unknown_kind_names_the_allowed_ones(tmp_path):
    data = broken(tmp_path, "kind: chart\n            id: figure-1", "kind: graph\n            id: figure-1", EVIDENCE)
    assert any(m.endswith("figure-1: kind: unknown value 'graph' (allowed: finding, quote, list, table, chart)")
               for m in problems(data))


def test_evidence_ids_may_not_take_a_recommendation_id(tmp_path):
    data = broken(tmp_path, "id: employment-gap\n", "id: employment-as-the-norm\n", EVIDENCE)
    # (The renamed finding's old anchor is published, and the register says so too: core/test_published_anchors.py.)
    assert any(message.endswith("employment-as-the-norm: id: 'employment-as-the-norm' is already an anchor on "
                                "the site (a recommendation id or a fixed heading); choose another")
               for message in problems(data))


def test_every_barrier_needs_its_evidence(tmp_path):
    data = broken(tmp_path, "  - id: professionals-attitudes\n    findings:", "  - id: professional-attitudes\n    findings:",
                  EVIDENCE)
    found = problems(data)
    assert any("unknown barrier 'professional-attitudes' (allowed, from taxonomy.yaml: demand-and-expectations, "
               "professionals-attitudes, personal-budget-process, evidence-based-support)" in m for m in found)
    assert any(m.endswith("barriers: no evidence for the barrier 'professionals-attitudes' (every barrier in "
                          "taxonomy.yaml needs its findings here)") for m in found)


def test_bold_words_must_be_in_the_finding(tmp_path):
    data = broken(tmp_path, "point: low demand or expectations\n", "point: low demand and expectations\n", EVIDENCE)
    (message,) = problems(data)
    assert message.endswith("low-demand-or-expectations: point: the bold words do not appear in the text "
                            "(expected them exactly as in `text`)")
