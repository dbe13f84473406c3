"""Explain the first use of each glossary term on a page: link it to the glossary, with its meaning
shown on hover and on keyboard focus.

Works on the page's rendered HTML. Only text is changed, never tags or attributes, and never text
inside links, headings, buttons, form controls, code, existing abbreviations or images (role="img",
whose children cannot hold a link).
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape

from .model import Term

# Text inside these elements is left alone: a link inside a link (or a heading) would be wrong.
_SKIP = {"a", "abbr", "button", "code", "h1", "h2", "h3", "h4", "h5", "h6", "label", "option", "pre",
         "script", "select", "style", "summary", "textarea", "title", "svg", "caption", "figcaption", "th"}
# A tag: for a start or end tag (not "<!-- ..." nor "<!DOCTYPE ..."), its closing slash (group 1)
# and its name (group 2). Any other "<...>" is a tag too, whose name is None.
_TAG = re.compile(r"<(?=[^>])(?:\s*(/?)\s*([a-zA-Z0-9]+))?[^>]*>")
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "col", "area", "base", "embed"}


def _html(form: str) -> str:
    """A term as it is written in a page's HTML text ("Health & Wellbeing" is "Health &amp; Wellbeing")."""
    return escape(form, quote=False)


def _alternatives(forms: list[str]) -> str:
    """One regular expression matching any of `forms`, written as a tree of their shared
    beginnings ("PB", "PBs", "Personal Budget" -> "P(?:B(?:s|)|ersonal Budget)"). Python's regular
    expressions try a list of alternatives one by one at every character, which made the glossary
    links a large part of the build on long pages; the tree tries one branch per character.
    At each branch longer forms are tried first, so the match is the same as a list sorted longest
    first: the longest form that matches (and that the lookahead accepts) at that place."""
    by_first: dict[str, list[str]] = {}
    ends = False
    for form in forms:
        if form:
            by_first.setdefault(form[0], []).append(form[1:])
        else:
            ends = True
    branches = [re.escape(first) + _alternatives(rests) for first, rests in by_first.items()]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ("|" if ends else "") + ")"


@lru_cache(maxsize=8)  # one glossary per build; compiled once, not once per page
def _pattern(terms: tuple[Term, ...]) -> tuple[re.Pattern, dict[str, Term]]:
    """The regular expression finding any term, and each form (as written in HTML) to its term."""
    by_form = {_html(form): term for term in terms for form in term.forms}
    # Abbreviations and names match as whole words; case matters (so 'base' is not BASE). Never
    # inside a character reference: a term "amp" or "39" must not split "&amp;" or "&#39;".
    return re.compile(r"(?<![\w/&#-])(" + _alternatives(sorted(by_form)) + r")(?![\w;-])"), by_form


def terms_used(text: str, terms: tuple[Term, ...]) -> list[Term]:
    """The terms a plain text uses, found as explain_terms finds them on a page, in glossary order."""
    if not terms:
        return []
    pattern, by_form = _pattern(terms)
    used = {by_form[form].id for form in pattern.findall(_html(text))}
    return [term for term in terms if term.id in used]


def explain_terms(html: str, terms: tuple[Term, ...], glossary_url: str) -> str:
    """`html` with the first use of each term wrapped in a link to `glossary_url#<id>`."""
    if not terms:
        return html
    pattern, by_form = _pattern(terms)
    explained: set[str] = set()
    out: list[str] = []
    copied = 0  # how much of `html` is in `out`
    # Open elements (names, and whether each one's text is left alone). Depth is tracked for every
    # element, so a skipped element's own nested children (a chart's rows) stay skipped.
    names: list[str] = []
    skips: list[bool] = []
    skipping = 0      # how many open elements have their text left alone
    text_start = 0    # where the text after the last tag read starts
    tags = _TAG.finditer(html)
    tag = next(tags, None)
    # The page is read for terms by the regular expression alone; its tags are read in Python only
    # as far as the last use of a term not yet explained, which on a long page is seldom its end.
    # A term never holds '<' or '>' (it is escaped), and neither is among the characters its
    # lookarounds refuse, so the terms found in the whole page are those found in each text
    # between two tags, and those inside a tag, which are passed over.
    for found in pattern.finditer(html):
        written = found.group(1)
        term = by_form[written]
        if term.id in explained:
            continue
        at = found.start()
        while tag is not None and tag.start() < at:
            if tag.end() > at:
                break  # the term is in this tag (an attribute): not text
            text_start = tag.end()
            closing, name = tag.groups()
            if name is not None:
                name = name.lower()
                if closing:
                    if name in names:
                        last = len(names) - 1 - names[::-1].index(name)
                        skipping -= sum(skips[last:])
                        del names[last:], skips[last:]
                elif name not in _VOID:
                    written_tag = tag.group()
                    if not written_tag.endswith("/>"):
                        # Text only printed (a printed page's heading) is read on paper, where a link explains nothing.
                        skip = name in _SKIP or 'role="img"' in written_tag or "print-only" in written_tag
                        names.append(name)
                        skips.append(skip)
                        skipping += skip
            tag = next(tags, None)
        else:
            # In text, unless an open element leaves its text alone, or the text starts with a '<'
            # that begins no tag ("<>"), which was always copied as it is.
            if skipping or html.startswith("<", text_start):
                continue
            explained.add(term.id)
            out.append(html[copied:at])
            out.append(_link(term, written, glossary_url))
            copied = found.end()
            if len(explained) == len(terms):
                break
    out.append(html[copied:])
    return "".join(out)


def _link(term: Term, written: str, glossary_url: str) -> str:
    """A use of `term`, `written` as HTML text (one of its forms, escaped by _html), as its link."""
    tip = escape(f"{term.name}: {term.definition}")
    is_short_form = bool(term.abbreviation) and written.rstrip("s") == term.abbreviation
    inner = f'<abbr title="{escape(term.name)}">{written}</abbr>' if is_short_form else written
    # CSS shows the meaning on hover and focus from data-definition; it stays out of the page's
    # text (quotes stay word for word). <abbr title> gives screen readers the expansion.
    return f'<a class="term" href="{glossary_url}#{term.id}" data-definition="{tip}">{inner}</a>'
