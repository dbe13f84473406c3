"""The events Python's HTML parser (html.parser.HTMLParser, convert_charrefs on) would send for a
page, found with regular expressions instead of its character-by-character loop.

Material's search plugin reads every page with a subclass of that parser: three quarters of its
time (a quarter of a 5,000-recommendation build) went to the parser's own loop, not to what the
plugin does with the tags. `events` reads the markup the site's templates and Python-Markdown
write: start and end tags with quoted attributes, text, comments, <!doctype>, and script and style
elements.
Anything else (a bare '<' in text, an unquoted attribute, a declaration, CDATA) gives None, and the
caller uses the parser itself, so the events are never other than the parser's.
"""

from __future__ import annotations

import re
from html import unescape
from typing import Iterator

_NAME = r"[a-zA-Z][^\t\n\r\f />\x00]*"
# A start tag with quoted (or no) attribute values, an end tag, or a comment.
_TAG = re.compile(
    r"<(?:(" + _NAME + r")((?:\s+[^\s/>=\"']+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'))?)*)\s*(/?)>"
    r"|/(" + _NAME + r")\s*>"
    r"|!--(.*?)-->"
    r"|!([dD][oO][cC][tT][yY][pP][eE][^>]*)>)", re.DOTALL)
_ATTRIBUTE = re.compile(r"([^\s/>=\"']+)(?:\s*=\s*(?:\"([^\"]*)\"|'([^']*)'))?")
# Elements whose content the parser passes on as it is, to their end tag (CDATA_CONTENT_ELEMENTS).
_RAW_TEXT = ("script", "style")

Event = tuple  # ("start", tag, attrs) | ("startend", tag, attrs) | ("end", tag) | ("data", text)


def _attributes(text: str) -> list[tuple[str, str | None]]:
    found = []
    for match in _ATTRIBUTE.finditer(text):
        name, double, single = match.groups()
        value = double if double is not None else single
        if value is None and "=" in match.group():
            return None  # not a form the parser reads the same way
        found.append((name.lower(), unescape(value) if value else value))
    return found


def events(html: str) -> list[Event] | None:
    """The parser's events for `html`, in order, or None if it holds markup read here otherwise."""
    found: list[Event] = []
    position, end = 0, len(html)
    while position < end:
        start = html.find("<", position)
        if start < 0:
            found.append(("data", unescape(html[position:])))
            break
        if start > position:
            found.append(("data", unescape(html[position:start])))
        match = _TAG.match(html, start)
        if match is None:
            return None
        name, attributes, closed, end_name, comment, declaration = match.groups()
        position = match.end()
        if comment is not None or declaration is not None:
            continue  # the plugin does nothing with comments or <!doctype>
        if end_name is not None:
            found.append(("end", end_name.lower()))
            continue
        attrs = _attributes(attributes)
        if attrs is None or _ATTRIBUTE.sub("", attributes).strip():
            return None
        tag = name.lower()
        found.append(("startend" if closed else "start", tag, attrs))
        if tag in _RAW_TEXT and not closed:
            close = re.compile(r"</" + tag + r"\s*>", re.IGNORECASE).search(html, position)
            if close is None or "</" in html[position:close.start()]:
                return None  # the parser would split the text at each '</'
            if close.start() > position:
                found.append(("data", html[position:close.start()]))
            found.append(("end", tag))
            position = close.end()
    return found


def replay(found: list[Event], handler) -> None:
    """Send `found` to `handler` as the parser would (an HTMLParser subclass's handle_* methods)."""
    for event in found:
        kind = event[0]
        if kind == "data":
            handler.handle_data(event[1])
        elif kind == "start":
            handler.handle_starttag(event[1], event[2])
        elif kind == "end":
            handler.handle_endtag(event[1])
        else:
            handler.handle_startendtag(event[1], event[2])


def parser_events(html: str) -> Iterator[Event]:
    """What Python's own parser sends for `html` (for the tests that compare the two)."""
    from html.parser import HTMLParser

    class Recorder(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.found: list[Event] = []

        def handle_starttag(self, tag, attrs):
            self.found.append(("start", tag, attrs))

        def handle_startendtag(self, tag, attrs):
            self.found.append(("startend", tag, attrs))

        def handle_endtag(self, tag):
            self.found.append(("end", tag))

        def handle_data(self, data):
            self.found.append(("data", data))

    recorder = Recorder()
    recorder.feed(html)
    recorder.close()
    yield from recorder.found
