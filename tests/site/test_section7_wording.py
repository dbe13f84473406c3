"""Where Section 7 prints a key recommendation differently from Appendix 3, the site says exactly how,
computed from the two texts (recsite/wording.py), wherever the recommendation's words are shown:
its page, every card, the downloads and the planner. Never "slightly different"."""

from __future__ import annotations

import re

import pytest

from support.project import real_catalogue
from support.site import text_of
from recsite import wording

CATALOGUE = real_catalogue()
REWORDED = [rec for rec in CATALOGUE.recommendations if rec.section7 and rec.section7.wording]
SAME = [rec for rec in CATALOGUE.key_recommendations if not rec.section7.wording]


def shown(parts: tuple[str, ...]) -> str:
    """The sentence as a page shows it: the report's words in <q>, which adds no characters."""
    return "".join(parts)


def read(element) -> str:
    """An element's text as a reader sees it, <q> inline like the glossary links (text_of)."""
    import copy

    element = copy.copy(element)
    for inline in element.select("q"):
        inline.unwrap()
    return text_of(element)


def quotes(element) -> list[str]:
    return [text_of(q) for q in element.select('q[data-provenance="report"]')]


def card_pages(rec) -> list[str]:
    return ["recommendations/", f"audiences/{rec.audience.id}/", f"themes/{rec.theme.id}/",
            f"barriers/{rec.theme.barrier.id}/"]


@pytest.mark.parametrize("rec", REWORDED, ids=[rec.id for rec in REWORDED])
def test_the_recommendations_page_says_how_section_7_differs(pages, rec):
    note = pages(f"recommendations/{rec.id}/").select_one(".section7-difference")
    assert read(note) == shown(rec.section7_note)
    assert quotes(note) == list(rec.section7_note[1::2])


@pytest.mark.parametrize("rec", REWORDED, ids=[rec.id for rec in REWORDED])
def test_every_card_says_how_the_other_printing_differs(pages, rec):
    for address in card_pages(rec):
        where = pages(address).find(id=rec.id).select_one(".rec-card__tags > li")
        assert read(where).endswith(f". {shown(rec.section7_note)}"), address
        assert quotes(where) == list(rec.section7_note[1::2]), address
    # The key recommendations page shows Section 7's words, so it says how Appendix 3's differ.
    card = pages("key-recommendations/").find(id=rec.id)
    where = card.select_one(".rec-card__tags > li")
    assert read(where).endswith(f". {shown(rec.text_note)}")
    assert quotes(where) == list(rec.text_note[1::2])


def test_the_two_that_differ_in_meaning_say_what_differs(pages):
    transition = read(pages("themes/encouraging-demand/").find(id="transition-presumption-of-employment"))
    assert "Section 7.1.2 prints it without for those who will not go on to further education." in transition
    key = read(pages("key-recommendations/").find(id="partnership-links"))
    assert ("Appendix 3 (section A3.1.2) prints it without to promote an understanding, and use of employment "
            "support that is in line with evidence and best practice.") in key


def test_no_note_where_section_7_prints_the_same_text(pages):
    for rec in SAME:
        for address in (*card_pages(rec), "key-recommendations/"):
            card = pages(address).find(id=rec.id)
            assert card.select_one('.rec-card__tags q[data-provenance="report"]') is None, (address, rec.id)
            assert "prints the same words" not in text_of(card), (address, rec.id)
        assert pages(f"recommendations/{rec.id}/").select_one(".section7-difference") is None


def test_the_planners_questions_say_how_section_7_differs(pages):
    """The questions page shows the report's words of the recommendations for individuals and families."""
    soup = pages("planner/questions/")
    for rec in REWORDED:
        question = soup.find(id=rec.id)
        if question is None:
            continue
        note = question.select_one(".section7-difference")
        assert read(note) == shown(rec.section7_note), rec.id
    assert soup.find(id="think-about-employment-early").select_one(".section7-difference") is not None


def test_no_page_or_download_calls_the_difference_slight(site):
    """An adjective hides what differs; the site says what it is instead. Every file the site serves
    (pages, downloads, the planner's data and review spreadsheet)."""
    found = []
    for path in sorted(site.root.rglob("*")):
        if path.suffix in {".html", ".json", ".csv", ".txt", ".xml", ".ris", ".bib", ".js"} and path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            if re.search(r"slightly different|in slightly", text, re.IGNORECASE):
                found.append(path.relative_to(site.root).as_posix())
    assert not found, found


def test_the_downloads_say_it_as_the_page_does(site):
    import csv
    import io
    import json

    records = {r["id"]: r for r in json.loads((site.root / "recommendations.json").read_text(encoding="utf-8"))}
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((site.root / "recommendations.csv").read_text(encoding="utf-8")))}
    for rec in REWORDED:
        page = read(site.soup(f"recommendations/{rec.id}/").select_one(".section7-difference"))
        said = records[rec.id]["section7_difference"]
        assert said.replace("“", "").replace("”", "") == page, rec.id
        assert rows[rec.id]["section7_difference"] == said == wording.as_text(rec.section7_note)


@pytest.mark.parametrize("rec", REWORDED, ids=lambda rec: rec.id)
def test_a_second_wording_in_the_same_words_is_one_line_in_sight_and_one_click_away(pages, rec):
    """The same words twice in a row read as a mistake: where only punctuation, capitals or spacing
    differ, the page says so in one line and folds Section 7's wording under it; where the words
    differ, both wordings stay in sight."""
    article = pages(f"recommendations/{rec.id}/").select_one("article.rec-detail")
    # The last block holding Section 7's words (the first, the text, may hold them too, a full stop apart).
    wording_block = [block for block in article.select('[data-provenance="report"]')
                     if " ".join(rec.section7.wording.split()) in " ".join(text_of(block).split())][-1]
    folded = wording_block.find_parent("details")
    if rec.section7_same_words:
        assert folded is not None and "open" not in folded.attrs, rec.id
        assert read(folded.find("summary")) == shown(rec.section7_note)
    else:
        assert folded is None, f"{rec.id}: its words differ, so both wordings are in sight"
    assert [rec.section7_same_words for rec in REWORDED].count(True) == 5
