"""The 404 page helps (issue 28, section 5): a search box, the lists of recommendations, and where
the address was a mistyped recommendation's, a link to the one it most likely meant."""

from __future__ import annotations

import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from support.project import real_catalogue
from support.site import text_of
from recsite.notfound import ADDRESSES_JS

CATALOGUE = real_catalogue()


def test_the_404_page_offers_search_and_the_lists_from_any_address(pages):
    page = pages("404.html")
    form = page.select_one("article form[role=search]")
    assert form["action"] == "/." and form.select_one("input[name=q]")["id"] == form.select_one("label")["for"]
    links = {a["href"] for a in page.select("article a[href]")}
    assert {"/recommendations/", "/key-recommendations/", "/audiences/", "/themes/"} <= links
    # Served at any missing address, so every link is from the site's root.
    assert all(href.startswith(("/", "http")) for href in links), links
    assert page.select_one("script[type=module][src='/javascripts/not-found.js']")


def test_the_suggestions_list_every_recommendation_and_every_withdrawn_one(site):
    module = (site.root / ADDRESSES_JS).read_text(encoding="utf-8")
    for rec in CATALOGUE.recommendations:
        assert f'["{rec.id}",' in module, rec.id
    for retired in CATALOGUE.retired:
        assert f'["{retired.id}",' in module, retired.id


def test_a_missing_address_answers_404_with_the_sites_page(site):
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(site.url + "recommendations/no-such-thing/")
    assert answer.value.code == 404 and b"Page not found" in answer.value.read()


@pytest.mark.browser
def test_a_mistyped_recommendation_address_suggests_the_one_it_meant(page):
    rec = next(r for r in CATALOGUE.recommendations if r.id == "employment-as-the-norm")
    page.goto("recommendations/Employment-as-the-nrom/")
    suggestion = page.locator("#not-found-suggestion a")
    expect(suggestion).to_have_text(rec.title)
    suggestion.click()
    page.wait_for_url(re.compile(rf"/recommendations/{rec.id}/$"))
    expect(page.locator("h1")).to_have_text(re.compile(re.escape(rec.title)))


@pytest.mark.browser
def test_an_address_like_no_recommendation_suggests_nothing_and_search_finds(page):
    page.goto("recommendations/contact-us/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#not-found-suggestion").is_hidden()
    page.fill("#not-found-q", "jobcentre")
    page.press("#not-found-q", "Enter")
    page.locator(".md-search-result__item >> visible=true").first.wait_for(timeout=60_000)
