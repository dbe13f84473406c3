"""How long a page's meta description is: one or two plain-text sentences.

Search engines and link previews show a page's `<meta name="description">` under its title, so a
recommendation's page describes that recommendation, not the whole site. Each generated page's
words are in its template's `description` block (templates/_page.md.j2); they are plain text:
whoever puts one into HTML escapes it.
"""

from __future__ import annotations

# Search results show about 160 characters; a little more gives link previews a whole thought.
LIMIT = 300
ELLIPSIS = "…"
OPEN, CLOSE = "“", "”"  # a quotation, which a cut closes


def shorten(text: str, limit: int = LIMIT) -> str:
    """`text` with its whitespace collapsed, cut at a word boundary to at most `limit` characters
    (an ellipsis included) when it is longer. A quotation the cut falls inside is closed after the
    ellipsis, so a preview never shows the report's words running on into nothing."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) - 1]   # room for a closing quotation mark
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    cut = cut.rstrip(" ,;:.–-") + ELLIPSIS
    return cut + CLOSE if cut.count(OPEN) > cut.count(CLOSE) else cut
