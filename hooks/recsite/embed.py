"""A recommendation shown on another site: its embeddable card, the code that embeds it, and its
oEmbed file.

The card (/recommendations/<id>/embed/) is a small HTML page of its own, not a page of the theme:
an iframe on a council's page gets the recommendation in the report's words, who it is for, where
the report prints it and a link to its page, and nothing else (no navigation, search or scripts).
It is self-contained: its styles are in the page, its policy (a Content-Security-Policy in a meta
element) lets it load nothing and run nothing, so it sends no request and sets no cookie or
storage. A withdrawn recommendation's card says so and links what replaces it, so an old embed
never shows withdrawn words as current.

Its oEmbed file (/recommendations/<id>/oembed.json, type "rich", linked from the recommendation's
page for discovery) gives the same iframe to editors and content systems that speak oEmbed. The
page's "Embed this" shows the iframe code and a plain HTML alternative (a blockquote with the
words and where they are from) for sites that allow no iframes; templates/embed_code.html.j2 writes
both, so the page, the oEmbed file and the tests see the same code.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from dataclasses import dataclass

from markupsafe import Markup

from . import citations, paths
from .model import Catalogue, Recommendation, Report, Retired
from .render import TEMPLATES, Renderer

# The card's styles, printed inside it; its policy allows exactly these (by their hash).
STYLESHEET = TEMPLATES / "embed.css"
CODE_TEMPLATE = "embed_code.html.j2"
CARD_TEMPLATE = "embed.html.j2"

# The iframe's suggested size. 600 pixels wide (it shrinks with the column it is put in: its code
# says max-width 100%); its height is the card's at that width, estimated from its words below.
# tests/site/test_embed_browser.py measures every card at this width and fails if one does not fit.
WIDTH = 600
# Measured in Chromium on every card at WIDTH (embed.css: 16 px text in lines of 24 px, the title in
# lines of 23): a line of the title holds 50 characters or more, a line of the quote 60 or more. The
# estimate counts fewer (other systems' fonts are wider) and rounds up.
TITLE_CHARACTERS_PER_LINE = 40
TEXT_CHARACTERS_PER_LINE = 52
LINE = 24          # pixels a line of the title, the quote or the notice takes
# Everything else (measured: 263 pixels, and the quote's padding 16): the margins, the label lines,
# who it is for and where, the link, the small print; with room to spare.
FRAME = 290
# A withdrawn card has, instead of who it is for and where, the date it was withdrawn and why.
WITHDRAWN_FRAME = FRAME + LINE


@dataclass(frozen=True)
class Embed:
    """How a recommendation is embedded: its card's address (a site path), its name (the site's
    heading, "Withdrawn: …" when it is withdrawn), what it is (`described`: the report and the place
    it prints the recommendation, the oEmbed title), the iframe's title and its suggested size.

    The report gives its recommendations no titles, so nothing that names the report's authors (the
    oEmbed file's author_name) is titled with the site's heading: a content system shows the two
    together, as if the heading were theirs. Where the heading is given (the frame's title, read by
    screen readers to tell frames apart), it is said to be the site's."""

    address: str
    name: str
    described: str
    title: str
    width: int
    height: int
    page_title: str = ""   # the card's own <title>: short (at most 140 characters), without the heading


def _lines(text: str, per_line: int) -> int:
    return max(1, math.ceil(len(" ".join(text.split())) / per_line))


def work(report: Report) -> str:
    """The report as a short reference: 'The Use of Personal Budgets for Employment Support (NDTi, 2014)'."""
    short = re.search(r"\(([^()]+)\)$", report.publisher)
    return f"{report.title} ({short.group(1) if short else report.publisher}, {report.year})"


def embed_of(record: Recommendation | Retired, report: Report) -> Embed:
    """The embed of a current or a withdrawn recommendation."""
    withdrawn = isinstance(record, Retired)
    name = f"Withdrawn: {record.title}" if withdrawn else record.title
    if withdrawn:
        # A withdrawn record keeps no place in the report: it says what it was, and where it went.
        described = f"A recommendation of {work(report)}, withdrawn from {paths.SITE_NAME}"
        title = f"{described} (its heading on this site was “{record.title}”)"
        page_title = f"A recommendation withdrawn from this site - {paths.SITE_NAME}"
    else:
        described = f"A recommendation of {work(report)}, {record.source.where}"
        title = f"{described}, shown by {paths.SITE_NAME} under this site's heading “{record.title}”"
        page_title = f"A recommendation of the NDTi report, {record.source.where} - {paths.SITE_NAME}"
    height = (WITHDRAWN_FRAME if withdrawn else FRAME) + LINE * _lines(name, TITLE_CHARACTERS_PER_LINE) \
        + LINE * _lines(record.text, TEXT_CHARACTERS_PER_LINE)
    if withdrawn:
        height += LINE * _lines(record.reason, TEXT_CHARACTERS_PER_LINE)
    # Rounded up to ten pixels: a number a person reads in the code, and a little room to spare.
    return Embed(paths.embed_address(record.id), name, described, title, WIDTH, math.ceil(height / 10) * 10,
                 page_title)


def stylesheet() -> Markup:
    """The card's styles, as the card prints them: the file's, without its comments (a file of the
    project's, so Markup)."""
    return Markup(re.sub(r"/\*.*?\*/\s*", "", STYLESHEET.read_text(encoding="utf-8"), flags=re.DOTALL).strip())


def policy(css: str) -> str:
    """The card's Content-Security-Policy: nothing may load or run but its own styles (by hash),
    no form may send and no <base> may move its links. (Framing is the host's header's to allow:
    a policy in a meta element cannot set frame-ancestors; developers/deployment.md.)"""
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"


def iframe(renderer: Renderer, embed: Embed) -> str:
    """The iframe code for a recommendation, as its page and its oEmbed file give it."""
    code = renderer.env.get_template(CODE_TEMPLATE).module
    return str(code.iframe(paths.absolute(renderer.site_url, embed.address), embed.title, embed.width,
                           embed.height)).strip()


def oembed(renderer: Renderer, record: Recommendation | Retired) -> dict:
    """The oEmbed response (oembed.com, section 2.3.4): type "rich", with the iframe as its html and
    the iframe's size as width and height (both required for "rich"), who the words are by (the
    report's authors), what they are (the title: the report and the place it prints them, never the
    site's heading) and who provides the card (this site)."""
    report = renderer.catalogue.report
    embed = embed_of(record, report)
    return {
        "version": "1.0",
        "type": "rich",
        "title": embed.described,
        "author_name": f"{report.cite_authors} ({report.year}), {report.publisher}",
        "provider_name": paths.SITE_NAME,
        "provider_url": paths.absolute(renderer.site_url, "index.md"),
        "html": iframe(renderer, embed),
        "width": embed.width,
        "height": embed.height,
    }


def files(catalogue: Catalogue, renderer: Renderer) -> dict[str, str]:
    """Every card and oEmbed file, {site path: content}: one of each for every recommendation,
    current or withdrawn (an embed made before a recommendation was withdrawn keeps working, and
    says so)."""
    css = stylesheet()
    authors = [citations.parse_person(name).family for name in catalogue.report.authors]
    out: dict[str, str] = {}
    by_id = {rec.id: rec for rec in catalogue.recommendations}
    for record in (*catalogue.recommendations, *catalogue.retired):
        retired = record if isinstance(record, Retired) else None
        replacement = by_id.get(retired.replaced_by) if retired and retired.replaced_by else None
        out[paths.embed_file(record.id)] = renderer.render(
            CARD_TEMPLATE, paths.embed_file(record.id), rec=None if retired else record, retired=retired,
            replacement=replacement, embed=embed_of(record, catalogue.report), css=css, policy=policy(css),
            site_name=paths.SITE_NAME, authors=authors)
        out[paths.oembed_file(record.id)] = json.dumps(oembed(renderer, record), ensure_ascii=False, indent=2) + "\n"
    return out
