"""Every quotation is the report's own words, checked against the report's text in source/."""

from __future__ import annotations

import pytest

from support.project import real_catalogue
from support.report_text import appendix3_items, section7_items


@pytest.fixture(scope="module")
def catalogue():
    return real_catalogue()


def test_each_text_is_a_whole_item_of_appendix_3_or_section_7(catalogue):
    appendix3, section7 = appendix3_items(), section7_items()
    wrong = [rec.id for rec in catalogue.recommendations
             if rec.text not in (appendix3 if rec.source.section.startswith("A3") else section7)]
    assert wrong == []


def test_section_7_wording_is_recorded_exactly_where_it_differs(catalogue):
    section7 = section7_items()
    for rec in catalogue.key_recommendations:
        wording = rec.section7.wording or rec.text
        assert wording in section7, rec.id
        assert rec.section7.wording != rec.text, f"{rec.id}: wording repeats the text; leave it out"


def test_core_recommendation_and_audience_descriptions_are_verbatim(catalogue):
    section7 = section7_items()
    for paragraph in (*catalogue.core.paragraphs, *catalogue.core.in_practice, catalogue.core.note):
        assert paragraph in section7
    appendix3 = appendix3_items()
    for audience in catalogue.audiences:
        assert audience.includes in appendix3, audience.id


def test_figure_5_is_verbatim(catalogue):
    section7 = section7_items()
    for group in catalogue.figure5.groups:
        assert group.heading.upper() in section7 or f"{group.heading.upper()}:" in section7
        for item in group.items:
            assert item in section7, item
