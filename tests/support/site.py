"""The built site as the tests read it: a build in this process, its pages by address, parsed once per
test process, grouped by the page kind that made them, and an element's text as a reader sees it."""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup

from anchorcheck import target_file
from support.project import real_catalogue


def build_site(project: Path, site_dir: Path, site_url: str) -> None:
    """An in-process strict build of `project` (a folder with mkdocs.yml) into `site_dir`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), site_url=site_url)
    build(config)


def in_theme(path: str) -> bool:
    """Whether a built HTML file (its path from the site root, 'themes/x/index.html', or its address,
    'themes/x/') is a page of the theme. The recommendations' embeddable cards (recsite/embed.py, /recommendations/<id>/embed/)
    are not: small pages of their own, with no navigation, search, scripts or link-preview tags, so
    the tests of what the theme puts on every page leave them out (tests/site/test_embed_pages.py has theirs)."""
    from recsite import paths

    return not paths.is_embed_file(path + "index.html" if path.endswith("/") or not path else path)


@dataclass
class BuiltSite:
    root: Path
    url: str
    # Parsed pages by address, and the file's (modification time, size) when parsed.
    _soups: dict[str, tuple[tuple[int, int], BeautifulSoup]] = field(default_factory=dict, repr=False)

    def html(self, page: str) -> str:
        """The HTML of a page by its address relative to the site root, e.g. 'themes/x/'."""
        return target_file(self.root, page).read_text(encoding="utf-8")

    def soup(self, page: str) -> BeautifulSoup:
        """The page parsed, once per test process for all the modules that read it. Shared: read
        it, never change it (copy an element first, as text_of does, or parse `html(page)` into
        a tree of your own)."""
        stat = target_file(self.root, page).stat()
        version = (stat.st_mtime_ns, stat.st_size)
        kept = self._soups.get(page)
        if kept is None or kept[0] != version:
            kept = self._soups[page] = (version, BeautifulSoup(self.html(page), "html.parser"))
        return kept[1]

    def addresses(self) -> list[str]:
        """Every page of the site, by address ('', 'about/', '404.html'...)."""
        return site_pages(self.root)


def site_pages(root: Path) -> list[str]:
    """Every page of a built site, by address."""
    addresses = []
    for html in sorted(root.rglob("*.html")):
        relative = html.relative_to(root).as_posix()
        addresses.append(relative.removesuffix("index.html"))
    return addresses


@functools.cache
def _kind_of_address() -> dict[str, str]:
    """{address: the name of the page kind (recsite/pagekinds.py) that makes it} for the real data."""
    from recsite.plan import plan_site

    kinds = {}
    for path, page in plan_site(real_catalogue(), "https://example.org/").pages.items():
        stem = path.removesuffix(".md")
        kinds[stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"] = page.kind.name
    return kinds


# The recommendations' embed cards (recsite/embed.py): files of the plan made from one template, not
# pages of the theme, so one kind of their own.
EMBED_CARD = "embed-card"


def pages_by_kind(site: BuiltSite) -> dict[str, list[str]]:
    """The real site's pages grouped by the page kind that made them (each hand-written page, and
    the 404 page, a kind of its own; the embed cards one kind), in address order."""
    kinds = _kind_of_address()
    grouped: dict[str, list[str]] = {}
    for address in site.addresses():
        kind = kinds.get(address) or (address if in_theme(address) else EMBED_CARD)
        grouped.setdefault(kind, []).append(address)
    return grouped


def one_page_of_each_kind(site: BuiltSite) -> list[str]:
    """The first page of each kind: every template and hand-written page once."""
    return [addresses[0] for addresses in pages_by_kind(site).values()]


_PARTS = re.compile(r'<(\w+)|\b(?:class|data-provenance)="([^"]*)"')


def page_parts(html: str) -> set[str]:
    """What a page's content is drawn with: its elements' tags, classes and provenance marks (in its
    <article>; an embed card, which has none, in its <body>)."""
    tag = "article" if "<article" in html else "body"
    content = html[html.find(f"<{tag}"):html.rfind(f"</{tag}>")]
    return {name for tag, values in _PARTS.findall(content) for name in (tag, *values.split()) if name}


def pages_showing_every_part(site: BuiltSite) -> list[str]:
    """For each page kind, the fewest of its pages (chosen greedily) that between them show every
    element, class and provenance mark any page of that kind shows: a recommendation with a
    footnote, one with a twin, one in plain words... Colours and contrast are decided by these, so
    a check of how pages look needs only these pages, not every page."""
    chosen = []
    for addresses in pages_by_kind(site).values():
        parts = {address: page_parts(site.html(address)) for address in addresses}
        left = set().union(*parts.values())
        while left:
            best = max(addresses, key=lambda address: len(parts[address] & left))
            chosen.append(best)
            left -= parts[best]
    return chosen


def text_of(element) -> str:
    """An element's text as a reader sees it: glossary links and abbreviations are inline, so they
    add no spaces (BeautifulSoup's get_text(" ") would put one before a following comma)."""
    element = copy.copy(element)
    for inline in element.select("a.term, abbr"):
        inline.unwrap()
    element.smooth()  # merge the text pieces the unwrapping left side by side
    return " ".join(element.get_text(" ").split())


def words_of(element) -> str:
    """The words of a block of whose words, without the label it starts with for screen readers
    ("In the report's words:", templates/_provenance.html.j2): the words as they are quoted."""
    element = copy.copy(element)
    for label in element.select(".provenance__tag"):
        label.decompose()
    return text_of(element)


def finding_at(article, anchor: str):
    """The finding an anchor leads a reader to. A barrier's finding is a section whose heading (ours,
    in the page's contents, with its ¶) carries the anchor, followed by the report's words; the
    evidence pages' blocks carry their anchor themselves."""
    element = article.find(id=anchor)
    if element is not None and element.name in ("h2", "h3", "h4", "h5", "h6"):
        return element.find_parent("section", attrs={"aria-labelledby": anchor})
    return element
