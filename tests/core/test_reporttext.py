"""The report's text as the word-for-word check reads it (recsite/reporttext.py): its passages, the
section each is in, where each section starts, and the ways it answers "does the report print this?"."""

from __future__ import annotations

import re

import pytest

from support.project import real_catalogue
from recsite.problems import DataError
from recsite.reporttext import SECTION_PAGES, ReportText
from support.report_text import SOURCE, report

CATALOGUE = real_catalogue()


def test_a_missing_report_is_a_located_problem_not_a_skip(tmp_path):
    with pytest.raises(DataError) as caught:
        ReportText.read(tmp_path, "source")
    [problem] = caught.value.problems
    assert problem.file == "source/ndti-2014-personal-budgets-employment-support.txt"
    assert "file not found" in problem.message and "source/README.md" in problem.message


def test_every_section_of_the_report_is_found_in_order_and_has_its_first_page():
    seen = []
    for passage in report().passages:
        if passage.section and (not seen or seen[-1] != passage.section):
            seen.append(passage.section)
    assert seen == list(dict.fromkeys(seen)), "a section found twice: a numbered line was read as a heading"
    assert set(seen) == set(SECTION_PAGES)
    pages = [SECTION_PAGES[section] for section in seen]
    assert pages == sorted(pages), "sections start on pages in the order they are printed"


def test_section_pages_match_the_legible_table_of_contents():
    contents = (SOURCE / "ndti-2014-personal-budgets-employment-support.txt").read_text(encoding="utf-8")
    contents = contents[:contents.index("List of figures\n")]
    # "1.1. The research questions<tab>7"; not "2.2. … practice1<tab>0", where a digit strayed.
    legible = re.findall(r"^(A?\d(?:\.\d+)*)[.:]?[\t ][^\t\n]*[^\d\t\n]\t\.?(\d+)$", contents, re.MULTILINE)
    assert len(legible) >= 20
    for section, page in legible:
        assert SECTION_PAGES[section] == int(page), section


def test_section_pages_agree_with_every_place_the_data_gives():
    """Every record the data places in a section is on or after the page that section starts on."""
    sources = [rec.source for rec in CATALOGUE.recommendations]
    sources += [rec.section7.source for rec in CATALOGUE.key_recommendations]
    sources += [theme.barrier.source for theme in CATALOGUE.themes]
    sources += [place for theme in CATALOGUE.themes for place in theme.sections]
    checked = 0
    for source in sources:
        if source.section in SECTION_PAGES:
            checked += 1
            assert source.page >= SECTION_PAGES[source.section], source
    assert checked > 80


def test_the_report_prints_its_words_and_not_an_editors():
    text = report()
    assert text.contains("Use every opportunity to promote employment as the norm for disabled people")
    # Curly or straight quotes and line breaks are typography, not words.
    assert text.contains("Professionals’ attitudes\ntowards employment")
    assert not text.contains("Use every opportunity to promote employment as the norm for all disabled people")
    assert not text.contains("Use every opportunity to promote employment as the norm for disabled people.")


def test_a_sentence_split_by_a_page_break_is_found_in_its_two_halves():
    # The extraction prints a page's footnotes between the halves of a sentence that runs over a page.
    text = next(block.text for page in CATALOGUE.evidence.pages for block in page.blocks
                if (getattr(block, "text", None) or "").startswith("There are mixed views about whether PBs"))
    assert not any(text in passage.text for passage in report().passages)
    assert report().contains(text)
    assert not report().contains(text.replace("mixed views", "mixed feelings"))


def test_an_address_broken_over_lines_is_found_whole():
    assert report().contains_address(
        "http://odi.dwp.gov.uk/disability-statistics-and-research/disability-equality-indicators.php")
    assert not report().contains_address("http://odi.dwp.gov.uk/disability-statistics/")


def test_the_nearest_passage_prefers_the_section_the_data_names():
    text = "Use every opportunity to promote employment as the norm for all disabled people"
    assert report().nearest(text, "A3.1.1").where == "Appendix 3, section A3.1.1, which starts on page 53"
    assert report().nearest(text, "7.1.1").where == "Section 7.1.1, which starts on page 36"


def test_a_sections_heading_is_read_without_its_number():
    """What the data check compares a page's title with (`report_heading`)."""
    assert report().heading("2") == "Policy context"
    assert report().heading("5.1") == "Demand from the individual and/or their family for employment"
    assert report().heading("Appendix 2") == "Fieldwork topic guides"
    assert report().heading("A2.2") == "Questions for social workers / care managers / brokers"
    assert report().heading("9.9") is None
