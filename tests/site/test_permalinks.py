"""Link to anything: every anchor of the evidence, appendix and barrier pages that data/published.yaml
registers (a finding, a run of quotes, a table, a figure, a footnote, a part, "Cite this page") has a
permalink on the page, each barrier finding is in the page's contents, and every permalink there
points at a registered anchor, so the address a council copies is one the check keeps for good."""

from __future__ import annotations

import pytest
import yaml

from support.project import DATA

REGISTER = yaml.safe_load((DATA / "published.yaml").read_text(encoding="utf-8"))["anchors"]


def _permalink_of(soup, anchor: str):
    """The permalink a reader sees for the element with id `anchor`: the theme's ¶ on a heading, or
    the site's ¶ inside the element (recsite's evidence templates)."""
    element = soup.find(id=anchor)
    assert element is not None, anchor
    return element.find("a", class_="headerlink", href=f"#{anchor}")


@pytest.mark.parametrize("address", REGISTER)
def test_every_registered_anchor_has_a_permalink_to_itself(site, address):
    soup = site.soup(address.lstrip("/"))
    missing = [anchor for anchor in REGISTER[address] if _permalink_of(soup, anchor) is None]
    assert not missing, (address, missing)


@pytest.mark.parametrize("address", REGISTER)
def test_every_permalink_on_the_page_is_a_registered_address(site, address):
    """A ¶ on a part of the page's own (not a recommendation card's or an audience's heading, which
    are registered under their own keys, nor the page's title, which is its top)."""
    soup = site.soup(address.lstrip("/"))
    own = [a["href"][1:] for a in soup.select("article a.headerlink")
           if not a.find_parent(["h1"]) and not a.find_parent(class_="rec-card")]
    registered = set(REGISTER[address]) | set(REGISTER_OTHERS)
    assert not [anchor for anchor in own if anchor not in registered], address


REGISTER_OTHERS = {item for key in ("audiences", "themes") for item in
                   yaml.safe_load((DATA / "published.yaml").read_text(encoding="utf-8"))[key]}


def test_each_barrier_finding_is_a_heading_in_the_pages_contents_with_its_registered_id(site):
    for address, anchors in REGISTER.items():
        if not address.startswith("/barriers/"):
            continue
        soup = site.soup(address.lstrip("/"))
        contents = {a["href"] for a in soup.select("nav.md-nav--secondary a.md-nav__link")}
        findings = soup.select("section.barrier-finding")
        assert findings, address
        for section in findings:
            heading = section.find(["h3", "h4"])
            assert heading["id"] == section["aria-labelledby"] and heading["id"] in anchors, address
            assert f"#{heading['id']}" in contents, (address, heading["id"])
            # The heading's id of before still lands on it.
            assert section.find(id=f"{heading['id']}-title").find_next(["h3", "h4"]) is heading


def test_quotes_are_grouped_under_a_registered_anchor_named_after_what_they_follow(site):
    soup = site.soup("evidence/survey/")
    group = soup.find(id="views-on-risk-quotes")
    assert group is not None and "quote-group" in group["class"]
    assert group.find_previous(class_="finding")["id"] == "views-on-risk"
    assert len(group.find_all("figure", class_="fieldwork-quote")) == 1
    # Three survey responses in a row are one group, after the finding they follow.
    group = soup.find(id="compared-outcomes-quotes")
    assert len(group.find_all("figure", class_="fieldwork-quote")) == 3
    assert not [quote for quote in soup.find_all("figure", class_="fieldwork-quote")
                if not quote.find_parent(class_="quote-group")]
