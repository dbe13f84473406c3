"""The permalinks of the evidence and barrier pages are visible where there is no hover (a phone),
in Chromium: the theme shows a heading's ¶ only on hover."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


def test_every_permalink_is_shown_on_a_phone(tabs, site):
    with tabs.open(site.url, **PHONE) as page:
        for address in ("barriers/personal-budget-process/", "evidence/survey/", "evidence/", "evidence/survey-questions/"):
            page.goto(address)
            hidden = page.eval_on_selector_all(
                "article a.headerlink:not(h1 a)",
                "links => links.filter(a => getComputedStyle(a).opacity !== '1' || !a.offsetWidth)"
                ".map(a => a.getAttribute('href'))")
            assert page.locator("article a.headerlink").count() > 3, address
            assert hidden == [], (address, hidden)
