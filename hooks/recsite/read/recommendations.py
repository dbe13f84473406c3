"""data/recommendations.yaml: the 48 recommendations, checked against the taxonomy and each other
(unique ids that are not the id of a page, a theme, an audience or a heading made from the data,
related records and twins that exist, sections that match theme and audience, Section 7, plain
words, change dates). Whether an id is one a page's template writes itself is checked after
planning (recsite/fixedids.py): each id is claimed here with the problem to report."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any

from ..ids import PAGE_NAMES, heading_id_of
from .. import wording
from ..model import Audience, Change, Recommendation, Section7, Source, Theme
from .fields import FileReader, read_text as _text

# GOV.UK's guidance for plain and Easy Read writing: short sentences.
PLAIN_SENTENCE_WORDS = 15


def read_recommendations(reader: FileReader, document: Any, themes: dict[str, Theme],
                          audiences: dict[str, Audience], malformed_ids: set[str]) -> list[Recommendation]:
    reserved = set(themes) | set(audiences)
    first_line: dict[str, int] = {}
    read: list[tuple[Recommendation, Any]] = []
    for node in document["recommendations"]:
        rec_id = node["id"]
        if rec_id in first_line:
            reader.add(node, rec_id, "id", f"duplicate id (first used on line {first_line[rec_id]}); "
                                           "ids must be unique")
            continue
        first_line[rec_id] = node.line_of("id")
        if rec_id in PAGE_NAMES:
            reader.add(node, rec_id, "id", f"'{rec_id}' would be the address of the page that lists all "
                                           "recommendations, recommendations/; choose another id")
            continue
        if rec_id in reserved:
            what = "a theme's id" if rec_id in themes else "an audience's id"
            reader.add(node, rec_id, "id", f"'{rec_id}' is already {what}: a link to #{rec_id} would lead "
                                           "to two places; choose another id")
            continue
        reader.claim(rec_id, node, rec_id, "id", f"'{rec_id}' is already the id the site's pages give one of "
                                                 "their own elements (hooks/templates/): a link to "
                                                 f"#{rec_id} would lead to two places; choose another id")
        heading = _headings_of_its_pages(node, themes, audiences).get(rec_id)
        if heading is not None:
            words, page = heading
            reader.add(node, rec_id, "id", f"'{rec_id}' is already the id of the heading “{words}” on its "
                                           f"{page}: a link to #{rec_id} would lead to two places; choose "
                                           "another id")
            continue
        rec = _recommendation(reader, node, themes, audiences)
        if rec is not None:
            read.append((rec, node))

    for rec, node in read:
        for other in rec.related:
            if other == rec.id:
                reader.add(node, rec.id, "related", "a recommendation cannot be related to itself")
            elif other not in first_line and other not in malformed_ids:
                reader.add(node, rec.id, "related", f"no recommendation has the id '{other}' "
                                                    "(expected ids from this file)")

    by_id = {rec.id: rec for rec, _ in read}
    for rec, node in read:
        if rec.twin is None:
            continue
        twin = by_id.get(rec.twin)
        if rec.twin == rec.id:
            reader.add(node, rec.id, "twin", "a recommendation cannot be its own twin")
        elif twin is None:
            if rec.twin not in first_line and rec.twin not in malformed_ids:
                reader.add(node, rec.id, "twin", f"no recommendation has the id '{rec.twin}' "
                                                 "(expected the id of the same words under another theme)")
        elif twin.twin != rec.id:
            reader.add(node, rec.id, "twin", f"'{rec.twin}' does not name this one as its twin "
                                             f"(expected `twin: {rec.id}` there too)")
        elif twin.text.rstrip(".") != rec.text.rstrip("."):
            reader.add(node, rec.id, "twin", f"the text differs from its twin '{rec.twin}' (expected the "
                                             "same words: twins are one recommendation printed twice)")
        elif twin.theme == rec.theme:
            reader.add(node, rec.id, "twin", f"'{rec.twin}' is under the same theme (expected twins under "
                                             "two themes; remove the duplicate instead)")

    # The report's order: theme, then audience, then the order of the file.
    theme_order = {theme_id: n for n, theme_id in enumerate(themes)}
    audience_order = {audience_id: n for n, audience_id in enumerate(audiences)}
    return sorted((rec for rec, _ in read),
                  key=lambda rec: (theme_order[rec.theme.id], audience_order[rec.audience.id]))


def _headings_of_its_pages(node: Any, themes: dict[str, Theme],
                           audiences: dict[str, Audience]) -> dict[str, tuple[str, str]]:
    """The ids MkDocs gives the headings written from data on the pages that show this record's card,
    with their words and the page: its theme's (theme.md.j2: `# {{ theme.title }}`), its theme's
    barrier's (barrier.md.j2) and its audience's (audience.md.j2: `# Recommendations for
    {{ audience.title | lower_first }}`). The cards are HTML
    the table of contents does not see, so a card with that id made two elements with one id, and
    the build failed after the check had passed it (tools/test_hostile.py builds both)."""
    headings = {}
    theme, audience = themes.get(node["theme"]), audiences.get(node["audience"])
    if theme is not None:
        headings[heading_id_of(theme.title)] = (theme.title, "theme's page")
        headings[heading_id_of(theme.barrier.title)] = (theme.barrier.title, "barrier's page")
    if audience is not None:
        words = f"Recommendations for {audience.title[:1].lower()}{audience.title[1:]}"
        headings[heading_id_of(words)] = (words, "audience's page")
    return headings


def _recommendation(reader: FileReader, node: Any, themes: dict[str, Theme],
                    audiences: dict[str, Audience]) -> Recommendation | None:
    rec_id = node["id"]
    ok = True
    theme, audience = themes.get(node["theme"]), audiences.get(node["audience"])
    if theme is None:
        reader.add(node, rec_id, "theme", f"unknown theme {node['theme']!r} (allowed: {', '.join(themes)})")
        ok = False
    if audience is None:
        reader.add(node, rec_id, "audience", f"unknown audience {node['audience']!r} "
                                             f"(allowed: {', '.join(audiences)})")
        ok = False
    expected = _sections_for(theme, audience)
    source = node["source"]
    reader.page_range(source, rec_id, "source")
    if expected and source["section"] not in expected:
        reader.add(source, rec_id, "source.section",
                   f"section '{source['section']}' does not belong to theme '{theme.id}' and audience "
                   f"'{audience.id}' (expected one of: {', '.join(sorted(expected))})")
        ok = False

    section7 = None
    if "section7" in node:
        s7 = node["section7"]
        section7_expected = {s for s in expected or () if s.startswith("7.")}
        if not node["key"]:
            reader.add(node, rec_id, "section7", "only key recommendations (key: true) are repeated in Section 7")
            ok = False
        elif section7_expected and s7["section"] not in section7_expected:
            reader.add(s7, rec_id, "section7.section",
                       f"section '{s7['section']}' is not where Section 7 lists this theme and audience "
                       f"(expected: {', '.join(sorted(section7_expected))})")
            ok = False
        elif "wording" in s7 and wording.compare(_text(node["text"]), _text(s7["wording"])).identical:
            # The site says how the two printings differ; the same text twice has nothing to say.
            reader.add(s7, rec_id, "section7.wording", "the same as text: leave it out (expected wording "
                                                       "only where Section 7 prints the recommendation "
                                                       "differently)")
            ok = False
        else:
            section7 = Section7(Source(s7["section"], s7["page"]),
                                _text(s7["wording"]) if "wording" in s7 else None,
                                _text(s7["footnote"]) if "footnote" in s7 else None)
    elif node["key"]:
        reader.add(node, rec_id, "section7", "missing: key recommendations must say where Section 7 repeats "
                                             "them (expected section7: {section: 7.x.y, page: N})")
        ok = False

    plain = _text(node["plain"]) if "plain" in node else None
    if audience is not None and audience.plain_words and plain is None:
        reader.add(node, rec_id, "plain", f"missing: recommendations for {audience.title.lower()} need a "
                                          "plain-words version (expected plain: with sentences of at most "
                                          f"{PLAIN_SENTENCE_WORDS} words)")
        ok = False
    for sentence in plain_sentences(plain or ""):
        if len(sentence.split()) > PLAIN_SENTENCE_WORDS:
            reader.add(node, rec_id, "plain", f"the sentence '{sentence}' has {len(sentence.split())} words "
                                              f"(at most {PLAIN_SENTENCE_WORDS}: split it)")
            ok = False

    changes = []
    for change in node.get("changes", ()):
        when = reader.date(change, rec_id, "changes.date")
        if when is None:
            ok = False
            continue
        changes.append(Change(when, _text(change["change"])))

    if not ok:
        return None
    return Recommendation(rec_id, _text(node["title"]), _text(node["text"]), theme, audience, node["key"],
                          Source(source["section"], source["page"], source.get("to_page")), section7,
                          related=tuple(node.get("related", ())),
                          changes=tuple(sorted(changes, key=lambda c: c.date, reverse=True)), data_line=node.line,
                          plain=plain, twin=node.get("twin"), **_as_text(node))


def _as_text(node: Any) -> dict[str, str]:
    """The fields the model reads as they are (model.read_as_text) that the record has."""
    return {f.name: _text(node[f.name]) for f in fields(Recommendation)
            if f.metadata.get("read") == "text" and f.name in node}


def plain_sentences(text: str) -> list[str]:
    """The sentences of a plain-words text."""
    return [sentence.strip() for sentence in re.split(r"(?<=[.!?])\s+", text) if sentence.strip()]


def _sections_for(theme: Theme | None, audience: Audience | None) -> set[str] | None:
    """The report sections where recommendations of this theme for this audience are printed."""
    if theme is None or audience is None:
        return None
    return {f"{section.section}.{audience.subsection}" for section in theme.sections}

