"""The glossary links added to a site that is already built, by any generator.

The MkDocs hook links each page's first use of each glossary term while it builds the page
(`Build.html`). A generator that runs no hooks can have the same links afterwards: `link_terms`
runs the same step (recsite/terms.py) over each built page's main content, the theme's <article
class="md-content__inner"> (Material, Zensical), else its <main>, else its <body>, so the header,
navigation and footer are left alone.

It is idempotent: the glossary links a page already has, as recsite/terms.py writes them, are
first taken off (back to the words they wrapped) and the page is linked afresh, so running it twice,
or over pages MkDocs built, gives the same page. (Only leaving the terms already linked out would
not do: a longer term, "Disability Rights UK", no longer stops a shorter one, "UK", being found
inside it.)
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from . import paths
from .model import Term
from .terms import explain_terms

# Where a page's own content is, most specific first.
_CONTENT_STARTS = (
    re.compile(r"""<(article)\b[^>]*\bclass=["'][^"']*\bmd-content__inner\b[^>]*>"""),
    re.compile(r"<(main)\b[^>]*>"),
    re.compile(r"<(body)\b[^>]*>"),
)
_A_TAG = re.compile(r"<a\b[^>]*>")
_TERM_CLASS = re.compile(r"""\bclass=["']term["']""")
# A link recsite/terms.py makes: the words it wrapped (in an <abbr> for an abbreviation) are kept.
_TERM_LINK = re.compile(r'<a class="term" href="[^"]*" data-definition="[^"]*">'
                        r'(?:<abbr title="[^"]*">([^<]*)</abbr>|([^<]*))</a>')
# Served at any address, so a relative link from it would lead nowhere.
NOT_FOUND_PAGE = "404.html"


def content_span(html: str) -> tuple[int, int] | None:
    """Where the page's main content is in `html`: the inside of its article, main or body."""
    for start in _CONTENT_STARTS:
        opening = start.search(html)
        if opening is None:
            continue
        name = opening.group(1)
        depth = 1
        for tag in re.finditer(rf"<(/?){name}\b[^>]*>", html[opening.end():]):
            depth += -1 if tag.group(1) else 1
            if depth == 0:
                return opening.end(), opening.end() + tag.start()
        return opening.end(), len(html)
    return None


def term_links(html: str) -> int:
    """How many glossary links (`<a class="term">`) `html` has."""
    return sum(1 for tag in _A_TAG.findall(html) if _TERM_CLASS.search(tag))


def link_terms(html: str, glossary: tuple[Term, ...], glossary_href: str) -> str:
    """A built page with the first use of each glossary term in its main content linked to
    `glossary_href`#<term>, as the MkDocs hook links it (the links it had are made afresh)."""
    span = content_span(html)
    if span is None:
        return html
    start, end = span
    content = unlink_terms(html[start:end])
    return html[:start] + explain_terms(content, glossary, glossary_href) + html[end:]


def unlink_terms(html: str) -> str:
    """`html` without the glossary links recsite/terms.py made: each back to the words it wrapped."""
    return _TERM_LINK.sub(lambda match: match.group(1) if match.group(1) is not None else match.group(2), html)


def _address(file: str) -> str:
    """A built file's address from the site root: 'about/index.html' is 'about/'."""
    if file == "index.html":
        return ""
    return file[: -len("index.html")] if file.endswith("/index.html") else file


def relative_href(page_file: str, target_file: str) -> str:
    """The link from one built page to another, both files from the site root."""
    return paths.address_link(_address(target_file), posixpath.dirname(page_file))


def glossary_file(site: Path) -> str | None:
    """The built glossary page in `site` (directory addresses or not)."""
    stem = paths.GLOSSARY.removesuffix(".md")
    for candidate in (f"{stem}/index.html", f"{stem}.html"):
        if (site / candidate).is_file():
            return candidate
    return None


def link_terms_in_site(site: Path, glossary: tuple[Term, ...]) -> dict[str, int]:
    """Links the glossary terms on every HTML page of a built site, in place (not the glossary
    page itself, nor 404.html, nor the embed cards, which show other sites nothing but the
    recommendation). Returns, for each page changed, how many links it gained."""
    target = glossary_file(site)
    if target is None:
        raise FileNotFoundError(f"{site}: no glossary page ({paths.url_of(paths.GLOSSARY)}index.html)")
    changed = {}
    for file in sorted(site.rglob("*.html")):
        page = file.relative_to(site).as_posix()
        if page in (target, NOT_FOUND_PAGE) or paths.is_embed_file(page):
            continue
        html = file.read_text(encoding="utf-8")
        linked = link_terms(html, glossary, relative_href(page, target))
        if linked != html:
            file.write_text(linked, encoding="utf-8")
            changed[page] = term_links(linked) - term_links(html)
    return changed
