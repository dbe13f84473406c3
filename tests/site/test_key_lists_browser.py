"""The key lists without JavaScript, and each audience's brief printed on one or two A4 pages, in Chromium."""

from __future__ import annotations

import re

import pytest

from support.project import real_catalogue

pytestmark = pytest.mark.browser

CATALOGUE = real_catalogue()


def test_the_key_lists_show_every_recommendation_without_javascript(tabs, site):
    with tabs.open(site.url, java_script_enabled=False) as page:
        for audience in CATALOGUE.audiences:
            page.goto(f"audiences/{audience.id}/key/")
            cards = page.locator("article.rec-card")
            assert cards.count() == len(CATALOGUE.select(audience=audience, key=True))
            assert all(cards.nth(i).is_visible() for i in range(cards.count())), audience.id
        for theme in CATALOGUE.themes:
            page.goto(f"themes/{theme.id}/key/")
            assert page.locator("article.rec-card:visible").count() == len(CATALOGUE.select(theme=theme, key=True))


@pytest.mark.parametrize("audience", [a.id for a in CATALOGUE.audiences])
def test_each_brief_prints_on_one_or_two_a4_pages(page, audience):
    page.goto(f"audiences/{audience}/brief/")
    pdf = page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, f"{audience}: {pages} pages"
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.eval_on_selector(chrome, "e => getComputedStyle(e).display") == "none", chrome
