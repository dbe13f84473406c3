"""The changes to the recommendations, newest first: the list "What's changed" shows, and the same
list as an Atom feed (RFC 4287) for feed readers, so a council can follow the records it quotes.

Every entry is one change from the data's change history (a recommendation's `changes:`, or its
withdrawal in data/published.yaml), linking the recommendation's page. An entry's id is made from
what the change is (the recommendation's id, the date and the words of the change), never from its
place in the list or the build, so the same change keeps its id in every build and a feed reader
shows each change once. (Correcting the words of a published change gives it a new id: readers see
the corrected entry as new.) The feed's dates are the changes' dates, never the build's, so two
builds of the same data write the same file.

Written with the standard library's xml.etree, which escapes text and attributes and writes
well-formed XML; a feed library (feedgen) would add a dependency and lxml to the site's build for
the dozen elements used here. tests/core/test_feed.py reads the feed back with feedparser and
checks RFC 4287's rules.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date

from . import paths
from .model import Catalogue, Recommendation, Retired

ATOM = "http://www.w3.org/2005/Atom"
MEDIA_TYPE = "application/atom+xml"
TITLE = f"What's changed: {paths.SITE_NAME}"
# Fixed once: the feed's id and the namespace its entries' ids are made in (uuid5). Never change them:
# feed readers know the feed and its entries by them.
FEED_ID = uuid.UUID("0b8d5e2c-5a3e-4f0e-9a51-3c7f1d2b6e41")


@dataclass(frozen=True)
class Change:
    """One change to one recommendation: when, what changed (the site's words), and the record
    (a current recommendation, or a withdrawn one for its withdrawal)."""

    date: date
    change: str
    record: Recommendation | Retired
    id: str   # permanent: see the module's docstring

    @property
    def withdrawn(self) -> bool:
        return isinstance(self.record, Retired)


def _id(record_id: str, when: date, change: str, seen: dict[str, int]) -> str:
    """The entry id of a change, from what it is. The same change written twice in one record's
    history (an editor's slip) gets a second id, counted in the history's order."""
    name = f"{record_id}\n{when.isoformat()}\n{' '.join(change.split())}"
    seen[name] = seen.get(name, 0) + 1
    if seen[name] > 1:
        name += f"\n{seen[name]}"
    return f"urn:uuid:{uuid.uuid5(FEED_ID, name)}"


def changes(catalogue: Catalogue) -> list[Change]:
    """Every change to every recommendation, newest first (changes of one day in the data's order)."""
    seen: dict[str, int] = {}
    found = [Change(change.date, change.change, rec, _id(rec.id, change.date, change.change, seen))
             for rec in catalogue.recommendations for change in rec.changes]
    for retired in catalogue.retired:
        what = f"Withdrawn: {retired.reason}"
        found.append(Change(retired.date, what, retired, _id(retired.id, retired.date, what, seen)))
    found.sort(key=lambda change: change.date, reverse=True)
    return found


def updated(catalogue: Catalogue) -> date:
    """When the recommendations last changed: the newest change, or the site's first publication."""
    found = changes(catalogue)
    return found[0].date if found else catalogue.report.site_published


def _timestamp(when: date) -> str:
    """An Atom date (RFC 3339): the day's start, in UTC (the data gives days, not times)."""
    return f"{when.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attributes)
    element.text = text
    return element


def to_atom(catalogue: Catalogue, site_url: str) -> str:
    """The Atom feed of every change, newest first."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en"})
    _add(feed, "id", f"urn:uuid:{FEED_ID}")
    _add(feed, "title", TITLE)
    _add(feed, "subtitle", "Every change to the recommendations of the NDTi report on this site, newest first. "
                           "A recommendation's address never changes: a withdrawn one keeps its page.")
    _add(feed, "updated", _timestamp(updated(catalogue)))
    author = _add(feed, "author")
    _add(author, "name", paths.SITE_NAME)
    _add(author, "uri", paths.absolute(site_url, "index.md"))
    _add(feed, "link", rel="self", type=MEDIA_TYPE, href=paths.absolute(site_url, paths.CHANGES_FEED))
    _add(feed, "link", rel="alternate", type="text/html", href=paths.absolute(site_url, paths.CHANGES))
    for change in changes(catalogue):
        entry = _add(feed, "entry")
        _add(entry, "id", change.id)
        _add(entry, "title", f"{'Withdrawn' if change.withdrawn else 'Changed'}: {change.record.title}")
        _add(entry, "updated", _timestamp(change.date))
        _add(entry, "link", rel="alternate", type="text/html",
             href=paths.absolute(site_url, paths.recommendation_page(change.record.id)))
        _add(entry, "summary", change.change)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"
