"""A recommendation's own page reads as guidance: the report's words first after the heading, then
one summary list of the facts, each said once (issue 28). What the browser draws (sizes, colours,
print) is in test_print_browser.py."""

from __future__ import annotations

import pytest

from support.project import real_catalogue
from support.site import text_of, words_of
from recsite.model import TEXT_KINDS

CATALOGUE = real_catalogue()
RECS = CATALOGUE.recommendations


@pytest.fixture(scope="module")
def page(articles):
    return articles


def shown_on_screen(element) -> list:
    """The article's children a reader sees on screen (the printed page's heading is print only)."""
    return [child for child in element.find_all(True, recursive=False) if "print-only" not in child.get("class", [])]


@pytest.mark.parametrize("rec", RECS, ids=[rec.id for rec in RECS])
def test_the_reports_words_come_first_after_the_heading(page, rec):
    article = page(f"recommendations/{rec.id}/")
    h1 = article.find("h1")
    assert text_of(h1).startswith(rec.title)
    detail = h1.find_next_sibling()
    assert detail.name == "article" and "rec-detail" in detail["class"]
    first = shown_on_screen(detail)[0]
    assert first.name == "blockquote" and first["data-provenance"] == "report"
    assert text_of(first.find(True)) == TEXT_KINDS["report"] + ":"  # said to screen readers first
    assert words_of(first) == rec.text


@pytest.mark.parametrize("rec", RECS, ids=[rec.id for rec in RECS])
def test_each_fact_is_said_once_in_one_summary_list(page, rec):
    detail = page(f"recommendations/{rec.id}/").select_one("article.rec-detail")
    facts = detail.select_one("dl.rec-facts")
    names = [text_of(dt) for dt in facts.find_all("dt")]
    assert names == ["Who it is for", "Theme", "Key recommendation", "Where in the report", "Permanent link"]
    values = dict(zip(names, (text_of(dd) for dd in facts.find_all("dd"))))
    assert values["Who it is for"] == rec.audience.title and values["Theme"] == rec.theme.title
    assert values["Where in the report"] == rec.source.where
    assert values["Key recommendation"].startswith("Yes" if rec.key else "No")
    # The twin note names both printings on purpose; everything else says each thing once.
    once = detail.__copy__()
    for note in once.select(".rec-twin"):
        note.decompose()
    text = text_of(once)
    assert text.count("Key recommendation") == 1
    assert text.count(rec.source.where) == 1, rec.source.where
    if rec.section7 and rec.section7.source != rec.source:
        assert text.count(rec.section7.source.where) == 1, rec.section7.source.where
    assert text.count(values["Permanent link"]) == 1
    assert detail.select_one(".rec-key") is None, "the badge repeated what the list says"


def test_theme_and_barrier_pages_say_which_they_are_before_their_heading(page):
    """A theme and a barrier can have near-identical names and the same slug (personal-budget-process)."""
    for theme in CATALOGUE.themes:
        for address, caption in ((f"themes/{theme.id}/", "A theme of the report's recommendations"),
                                 (f"barriers/{theme.barrier.id}/", f"A barrier the report found (Section {theme.barrier.section})")):
            h1 = page(address).find("h1")
            kind = h1.find_previous_sibling("p")
            assert kind is not None and "page-kind" in kind["class"] and text_of(kind) == caption, address
