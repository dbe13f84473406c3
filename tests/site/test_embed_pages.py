"""The built site: every recommendation's embed card and oEmbed file are published and found from
its page, the feed of "What's changed" is found from every page, and each recommendation's page
says near its top when it last changed and what changed. (The cards in a browser:
test_embed_browser.py, and in a frame on another site in three engines: test_engines.py. The
cards' HTML, links and accessibility are checked with every page's: test_html_valid.py,
test_links.py, test_accessibility.py.)"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import feedparser
from bs4 import BeautifulSoup

from anchorcheck import target_file
from support.project import real_catalogue
from support.site import in_theme, text_of
from recsite import paths
from recsite.dates import long_date

CATALOGUE = real_catalogue()


def words(element) -> str:
    """An element's words as printed (its inline elements add no spaces)."""
    return " ".join(element.get_text().split())


def resolve(site, address: str, href: str) -> Path:
    """The built file a link on the page at `address` leads to (it must stay on the site)."""
    url = urljoin(site.url + address, href)
    assert url.startswith(site.url), f"/{address}: {href} leads off the site"
    found = target_file(site.root, url.removeprefix(site.url))
    assert found.is_file(), f"/{address}: {href} leads to no file"
    return found


def test_every_recommendation_page_leads_to_its_oembed_file_and_card(site, pages):
    for rec in CATALOGUE.recommendations:
        address = paths.url_of(paths.recommendation_page(rec.id))
        [link] = pages(address).head.find_all("link", type="application/json+oembed")
        assert link["rel"] == ["alternate"] and link["href"].startswith(site.url)
        found = json.loads(resolve(site, address, link["href"]).read_text(encoding="utf-8"))
        assert found["type"] == "rich" and found["version"] == "1.0"
        frame = BeautifulSoup(found["html"], "html.parser").iframe
        card = resolve(site, address, frame["src"])
        assert card == site.root / paths.embed_file(rec.id)
        assert BeautifulSoup(card.read_text(encoding="utf-8"), "html.parser").h1.get_text() == rec.title
        # "Embed this" links the card itself, to see it before embedding it.
        [shown] = pages(address).select(".rec-embed a")
        assert resolve(site, address, shown["href"]) == card


def test_the_feed_is_found_from_every_page_and_linked_on_whats_changed(site, pages):
    feed_file = site.root / paths.CHANGES_FEED
    parsed = feedparser.parse(feed_file.read_bytes())
    assert not parsed.bozo and len(parsed.entries) == sum(len(rec.changes) for rec in CATALOGUE.recommendations)
    pages_seen = 0
    for html in sorted(site.root.rglob("*.html")):
        relative = html.relative_to(site.root).as_posix()
        if not in_theme(relative):
            continue   # an embed card shows other sites one recommendation, nothing more
        address = relative.removesuffix("index.html")
        [link] = pages(address).head.find_all("link", type="application/atom+xml")
        assert link["rel"] == ["alternate"] and link["title"] == f"What's changed: {paths.SITE_NAME}"
        if relative != "404.html":   # served at any missing address, so its links start at the site's root
            assert resolve(site, address, link["href"]) == feed_file, relative
        pages_seen += 1
    assert pages_seen > 70
    assert pages("404.html").head.find("link", type="application/atom+xml")["href"].endswith("/changes.xml")
    visible = pages("changes/").find("article").find("a", type="application/atom+xml")
    assert "feed reader" in text_of(visible)
    assert resolve(site, "changes/", visible["href"]) == feed_file


def test_each_recommendation_page_says_near_its_top_when_it_last_changed_and_what_changed(pages):
    published = CATALOGUE.report.site_published
    for rec in CATALOGUE.recommendations:
        article = pages(paths.url_of(paths.recommendation_page(rec.id))).find("article")
        # Right after the recommendation (the report's words and its facts come first: issue 28),
        # before anything else the page offers.
        words_and_facts = article.find("h1").find_next_sibling()
        assert "rec-detail" in words_and_facts["class"], rec.id
        version = words_and_facts.find_next_sibling()
        assert "rec-version" in version["class"] and version["id"] == "changes", rec.id
        changed = rec.last_changed(published)
        assert words(version).startswith(f"Last changed {long_date(changed)}")
        assert version.find("time")["datetime"] == changed.isoformat()
        listed = [words(item) for item in version.select("li")]
        assert listed == [f"{long_date(change.date)}: {' '.join(change.change.split())}" for change in rec.changes]
        if rec.changes:
            assert version.find("details").has_attr("open"), "the history is shown, not only offered"
    unchanged = [rec for rec in CATALOGUE.recommendations if not rec.changes]
    assert unchanged, "the real data has records with no change of their own"
    version = pages(paths.url_of(paths.recommendation_page(unchanged[0].id))).find(id="changes")
    assert words(version) == f"Last changed {long_date(published)}, when this site first published it: no changes since."


def test_the_reuse_page_names_the_version_the_downloads_hold(site, pages):
    """A council compares the dataset_version of the copy it keeps with this."""
    records = json.loads((site.root / paths.JSON_DOWNLOAD).read_text(encoding="utf-8"))
    [(version, when)] = {(record["dataset_version"], record["dataset_date"]) for record in records}
    shown = pages("reuse/").select_one("article .dataset-version")
    assert shown.code.get_text() == version and shown.time["datetime"] == when
    assert resolve(site, "reuse/", shown.a["href"]) == site.root / "changes" / "index.html"
