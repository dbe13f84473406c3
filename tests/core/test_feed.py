"""recsite/feed.py: the Atom feed of "What's changed". It reads back in feedparser as a feed reader
reads it, keeps RFC 4287's rules (ids, dates, links, author), has one entry per change (newest
first, each linking its recommendation and saying what changed), and gives a change the same id in
every build, whatever else changed. (Its discovery from every page: tests/site/test_embed_pages.py.)"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as ET
from datetime import date, datetime

import feedparser

from support.project import real_catalogue
from recsite import feed, paths
from recsite.model import Change, Retired
from recsite.plan import plan_site

CATALOGUE = real_catalogue()
SITE_URL = "https://example.org/pb/"
A = "{http://www.w3.org/2005/Atom}"
# RFC 3339's date-time, as RFC 4287 section 3.3 requires it (an upper-case T and Z, seconds given).
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$")


def _catalogue(*, more: tuple[Change, ...] = (), retired: bool = True, title: str | None = None):
    """The real data with one recommendation withdrawn, and `more` changes to the first one."""
    first = CATALOGUE.recommendations[0]
    first = dataclasses.replace(first, changes=tuple(sorted((*more, *first.changes), key=lambda c: c.date, reverse=True)),
                                title=title or first.title)
    gone = Retired("old-advice", "Old advice", "The words it had.", date(2026, 6, 30), "Merged <into> & “another”.",
                   "employment-as-the-norm")
    return dataclasses.replace(CATALOGUE, recommendations=(first, *CATALOGUE.recommendations[1:]),
                               retired=(gone,) if retired else (), _by_id={})


def atom(catalogue=None, site_url: str = SITE_URL) -> str:
    return plan_site(catalogue or _catalogue(), site_url).files[paths.CHANGES_FEED]


def ids(text: str) -> list[str]:
    return [entry.id for entry in feedparser.parse(text).entries]


def test_a_feed_reader_reads_every_change_newest_first_each_linking_its_recommendation():
    catalogue = _catalogue()
    parsed = feedparser.parse(atom(catalogue))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == f"What's changed: {paths.SITE_NAME}"
    assert parsed.feed.link == f"{SITE_URL}changes/"
    expected = sorted([(change.date, rec, change.change) for rec in catalogue.recommendations for change in rec.changes]
                      + [(date(2026, 6, 30), catalogue.retired[0], "Withdrawn: Merged <into> & “another”.")],
                      key=lambda row: row[0], reverse=True)
    assert len(parsed.entries) == len(expected) > 10   # one entry per change
    for entry, (when, record, change) in zip(parsed.entries, expected):
        assert entry.link == f"{SITE_URL}recommendations/{record.id}/"
        assert entry.summary == change          # text, as the data says it (never markup)
        assert entry.title == f"{'Withdrawn' if isinstance(record, Retired) else 'Changed'}: {record.title}"
        assert entry.updated_parsed[:3] == (when.year, when.month, when.day)
    assert parsed.feed.updated == f"{expected[0][0].isoformat()}T00:00:00Z"


def test_the_feed_keeps_the_atom_rules():
    """RFC 4287: a feed has exactly one id, title and updated, an author and a link to itself; each
    entry exactly one id, title and updated and a link to its page; ids are absolute IRIs, unique;
    dates are RFC 3339 date-times; the feed's updated is its newest entry's."""
    root = ET.fromstring(atom())
    assert root.tag == f"{A}feed" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    for element, names in [(root, ("id", "title", "updated")), *((entry, ("id", "title", "updated", "summary"))
                                                                  for entry in root.findall(f"{A}entry"))]:
        for name in names:
            assert len(element.findall(f"{A}{name}")) == 1, (name, ET.tostring(element)[:200])
            assert element.findtext(f"{A}{name}").strip()
    assert root.find(f"{A}author/{A}name").text == paths.SITE_NAME
    links = {(link.get("rel"), link.get("type")): link.get("href") for link in root.findall(f"{A}link")}
    assert links == {("self", feed.MEDIA_TYPE): f"{SITE_URL}changes.xml", ("alternate", "text/html"): f"{SITE_URL}changes/"}
    entries = root.findall(f"{A}entry")
    all_ids = [root.findtext(f"{A}id")] + [entry.findtext(f"{A}id") for entry in entries]
    assert len(set(all_ids)) == len(all_ids)
    assert all(re.fullmatch(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", i)
               for i in all_ids[1:])
    dates = [root.findtext(f"{A}updated")] + [entry.findtext(f"{A}updated") for entry in entries]
    assert all(RFC3339.match(when) for when in dates), dates
    assert dates[0] == max(dates[1:]) and dates[1:] == sorted(dates[1:], reverse=True)
    for entry in entries:
        [alternate] = [link for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
        assert alternate.get("href").startswith(f"{SITE_URL}recommendations/")


def test_a_change_keeps_its_id_in_every_build():
    before = ids(atom())
    assert ids(atom()) == before and atom() == atom()   # two builds: the same file
    # Another address, a new change, a retitled recommendation: the changes already published keep theirs.
    assert ids(atom(site_url="https://councils.example/pb/")) == before
    newer = ids(atom(_catalogue(more=(Change(date(2027, 1, 5), "Typo corrected."),), title="A new title")))
    assert len(newer) == len(before) + 1 and newer[1:] == before
    # Ids come from what the change is, not its place: without the withdrawal the others are the same.
    assert set(ids(atom(_catalogue(retired=False)))) < set(before)


def test_the_same_change_written_twice_is_two_entries_with_two_ids():
    twice = Change(date(2027, 1, 5), "Typo corrected.")
    found = ids(atom(_catalogue(more=(twice, twice))))
    assert len(set(found)) == len(found)


def test_without_changes_the_feed_is_dated_when_the_site_was_first_published():
    catalogue = dataclasses.replace(
        CATALOGUE, recommendations=tuple(dataclasses.replace(rec, changes=()) for rec in CATALOGUE.recommendations),
        _by_id={})
    parsed = feedparser.parse(atom(catalogue))
    assert not parsed.bozo and parsed.entries == []
    published = CATALOGUE.report.site_published
    assert datetime(*parsed.feed.updated_parsed[:3]).date() == published


def test_the_changes_page_lists_the_same_changes_as_the_feed():
    catalogue = _catalogue()
    page = plan_site(catalogue, SITE_URL).pages[paths.CHANGES].markdown
    listed = re.findall(r'<li><time datetime="([\d-]+)">', page)
    assert listed == [change.date.isoformat() for change in feed.changes(catalogue)]
    assert 'href="../changes.xml" type="application/atom+xml"' in page
