"""The published data says what the report says: counts, tags, key status, sources."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import real_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return real_catalogue()


def test_all_48_recommendations_28_key(catalogue):
    assert len(catalogue.recommendations) == 48
    assert len(catalogue.key_recommendations) == 28


# Counted from Appendix 3 (pages 53-56) plus the one key recommendation for individuals that
# only Section 7 prints (7.1.3).
EXPECTED_COUNTS = {
    ("encouraging-demand", "national-organisations"): (6, 3),
    ("encouraging-demand", "local-authorities-and-providers"): (6, 3),
    ("encouraging-demand", "individuals-and-families"): (2, 2),
    ("professional-engagement", "national-organisations"): (3, 3),
    ("professional-engagement", "local-authorities-and-providers"): (5, 3),
    ("professional-engagement", "individuals-and-families"): (1, 1),
    ("personal-budget-process", "national-organisations"): (2, 2),
    ("personal-budget-process", "local-authorities-and-providers"): (9, 3),
    ("personal-budget-process", "individuals-and-families"): (2, 2),
    ("evidence-based-support", "national-organisations"): (1, 1),
    ("evidence-based-support", "local-authorities-and-providers"): (9, 3),
    ("evidence-based-support", "individuals-and-families"): (2, 2),
}


def test_counts_for_each_theme_and_audience_match_the_report(catalogue):
    counts = Counter((r.theme.id, r.audience.id) for r in catalogue.recommendations)
    key = Counter((r.theme.id, r.audience.id) for r in catalogue.key_recommendations)
    assert {pair: (counts[pair], key[pair]) for pair in counts} == EXPECTED_COUNTS


def test_ids_are_unique_and_url_safe(catalogue):
    ids = [rec.id for rec in catalogue.recommendations]
    assert len(set(ids)) == len(ids)
    assert all(rec_id == rec_id.lower() and " " not in rec_id for rec_id in ids)


def test_every_tag_is_in_the_taxonomy(catalogue):
    themes, audiences = set(catalogue.themes), set(catalogue.audiences)
    for rec in catalogue.recommendations:
        assert rec.theme in themes and rec.audience in audiences, rec.id


def test_every_key_recommendation_says_where_section_7_lists_it(catalogue):
    for rec in catalogue.recommendations:
        assert (rec.section7 is not None) == rec.key, rec.id
        if rec.section7:
            assert rec.section7.source.section.startswith("7."), rec.id


def test_the_section_7_only_recommendation_is_carried(catalogue):
    """Appendix 3 leaves out one key recommendation of Section 7.1.3. Its last line, A3.4.3's
    'Raise the issue of employment support…' (page 56), is there: cited there, not only in 7.4.3."""
    only_in_section_7 = {rec.id: rec.source.section for rec in catalogue.recommendations
                         if not rec.source.section.startswith("A3")}
    assert only_in_section_7 == {"find-local-employment-support": "7.1.3"}
    raise_locally = catalogue.recommendation("raise-employment-support-locally")
    assert (raise_locally.source.where, raise_locally.section7.source.where) == (
        "Appendix 3, section A3.4.3, page 56", "Section 7.4.3, page 38")


def test_the_recommendation_printed_under_two_themes_is_two_related_records(catalogue):
    first = catalogue.recommendation("offer-all-pb-options")
    second = catalogue.recommendation("offer-all-pb-options-for-support")
    assert (first.source.section, second.source.section) == ("A3.3.2", "A3.4.2")
    assert first.related == (second.id,) and second.related == (first.id,)


def test_audiences_say_who_they_include_in_the_reports_words(catalogue):
    national = next(a for a in catalogue.audiences if a.id == "national-organisations")
    for body in ("Department of Health", "Department for Work and Pensions", "(ADASS)",
                 "HealthWatch England", "Local Government Association", "Public Health England",
                 "(BASE)"):
        assert body in national.includes


def test_figure_5_targets(catalogue):
    aim_for = next(g for g in catalogue.figure5.groups if g.heading == "Aim for")
    assert aim_for.items == ("Cost per job outcome: £1,600-£4,000", "Job outcome rate: 30%–56%",
                             "Equal focus on retaining jobs as gaining new jobs")
