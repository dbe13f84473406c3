"""The lists councils link to and print, at addresses of their own: each audience's and each theme's
key recommendations (/audiences/<id>/key/, /themes/<id>/key/) and each audience's brief to print
(/audiences/<id>/brief/), in the built site."""

from __future__ import annotations

import pytest

from support.project import real_catalogue
from support.site import text_of, words_of
from recsite.model import TEXT_KINDS

CATALOGUE = real_catalogue()
AUDIENCES = [audience for audience in CATALOGUE.audiences if any(rec.key for rec in CATALOGUE.select(audience=audience))]
THEMES = [theme for theme in CATALOGUE.themes if any(rec.key for rec in CATALOGUE.select(theme=theme))]


def _shown(rec) -> str:
    """A key recommendation's words as Section 7 prints them."""
    return " ".join((rec.section7.wording if rec.section7 and rec.section7.wording else rec.text).split())


def _seen(block) -> str:
    """The words a reader sees in a block of the report's words, after checking that it starts with
    the label a screen reader hears first (hidden from sight: the page's key explains the line)."""
    label = block.find(True)
    assert label is not None and "provenance__tag" in label.get("class", []), "no label at the start"
    assert text_of(label) == TEXT_KINDS["report"] + ":" and block["data-provenance"] == "report"
    return " ".join(words_of(block).split())


def test_every_audience_and_theme_has_its_key_list():
    assert len(AUDIENCES) == len(CATALOGUE.audiences) and len(THEMES) == len(CATALOGUE.themes)


@pytest.mark.parametrize("audience", AUDIENCES, ids=lambda audience: audience.id)
def test_an_audiences_key_page_lists_exactly_its_key_recommendations_in_section_7s_words(site, audience):
    soup = site.soup(f"audiences/{audience.id}/key/")
    expected = [rec for rec in CATALOGUE.select(audience=audience, key=True)]
    cards = soup.select("article.rec-card")
    assert sorted(card["id"] for card in cards) == sorted(rec.id for rec in expected)
    # Grouped by theme, in the themes' order, each a heading in the page's contents.
    themes = [heading["id"] for heading in soup.select("article h2[id]")]
    assert themes == [theme.id for theme in CATALOGUE.themes if any(rec.theme == theme for rec in expected)]
    for rec in expected:
        card = soup.find("article", id=rec.id)
        assert _seen(card.find(class_="rec-card__text")) == _shown(rec), rec.id
        assert card.find_previous("h2")["id"] == rec.theme.id
    assert soup.find("a", href="../brief/"), "it links its brief"
    # The page says how its cards show the words: plain words first where the audience has them.
    lede, first_block = text_of(soup.select_one("article .lede")), cards[0].select_one(".rec-plain, .rec-card__text")
    if audience.plain_words:
        assert "first in plain words (our summary)" in lede and "rec-plain" in first_block["class"]
    else:
        assert "shown below in Section 7's words" in lede and "rec-card__text" in first_block["class"]


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.id)
def test_a_themes_key_page_lists_exactly_its_key_recommendations_by_audience(site, theme):
    soup = site.soup(f"themes/{theme.id}/key/")
    expected = [rec for rec in CATALOGUE.select(theme=theme, key=True)]
    assert sorted(card["id"] for card in soup.select("article.rec-card")) == sorted(rec.id for rec in expected)
    for rec in expected:
        card = soup.find("article", id=rec.id)
        assert card.find_previous("h2")["id"] == rec.audience.id
        assert _seen(card.find(class_="rec-card__text")) == _shown(rec), rec.id


@pytest.mark.parametrize("audience", AUDIENCES, ids=lambda audience: audience.id)
def test_a_brief_gives_each_key_recommendation_in_the_reports_words_with_its_place_and_address(site, audience):
    soup = site.soup(f"audiences/{audience.id}/brief/")
    items = soup.select("li.brief__item")
    expected = CATALOGUE.select(audience=audience, key=True)
    assert sorted(item["id"] for item in items) == sorted(rec.id for rec in expected)
    assert [int(ol.get("start")) for ol in soup.select("ol.brief__list")][0] == 1
    assert len(soup.select("ol.brief__list > li")) == len(expected)
    for rec in expected:
        item = soup.find("li", id=rec.id)
        quote = item.find("blockquote", attrs={"data-provenance": "report"})
        assert _seen(quote) == _shown(rec), rec.id
        where = text_of(item.find(class_="brief__where"))
        assert rec.section7.source.where in where and rec.source.where in where, rec.id
        address = f"{site.url}recommendations/{rec.id}/"
        assert item.find("a", href=address).get_text() == address, "the address written out, for print"
        # The site's short heading is not given: the brief is the report's words, with where they are.
        assert not item.find(["h3", "h4", "strong"]) and words_of(item).startswith(_shown(rec)), rec.id
    about = text_of(soup.find(class_="brief__address"))
    assert f"{site.url}audiences/{audience.id}/brief/" in about and site.url in about


def test_the_pages_that_list_recommendations_link_the_key_lists(site):
    key = site.soup("key-recommendations/")
    for audience in AUDIENCES:
        assert key.find("a", href=f"../audiences/{audience.id}/key/"), audience.id
        assert key.find("a", href=f"../audiences/{audience.id}/brief/"), audience.id
        page = site.soup(f"audiences/{audience.id}/")
        assert page.find("a", href="key/") and page.find("a", href="brief/"), audience.id
    for theme in THEMES:
        assert key.find("a", href=f"../themes/{theme.id}/key/"), theme.id
        assert site.soup(f"themes/{theme.id}/").find("a", href="key/"), theme.id
