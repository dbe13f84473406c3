"""The page plan: every generated page as Markdown, every download as text, from a `Catalogue`.

`plan_site` is the one entry point. It makes the pages each page kind declares (recsite.pagekinds:
which pages exist, at which path, from which template, with which records) and renders each with
recsite.render. A planned page carries everything the site says about it besides its text: its
title, description, edit source, navigation section, stylesheets and citation tags, so nothing is
kept beside the list. It knows nothing about MkDocs: the hook adds the plan's pages to the build,
and scripts/build_pages.py writes them to a folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Iterator

from . import citations, downloads, embed, feed, fixedids, notfound, pagedates, paths, planner
from .model import Catalogue
from .pagekinds import KINDS, PageKind
from .render import Renderer
from .searchentries import SearchEntry


@dataclass(frozen=True)
class PlannedPage:
    """A generated page as the site publishes it: its Markdown and what its <head> and navigation
    say about it. Texts are plain (whoever puts them into HTML escapes them)."""

    kind: PageKind
    path: str
    title: str
    markdown: str
    description: str
    edit: tuple[str, int]                      # (data file, line or 0): where an editor changes it
    citation: tuple[tuple[str, str], ...] = ()  # its citation_* meta tags (name, content)
    # When the newest recommendation record it shows last changed; None if it shows none (pagedates.py).
    records_changed: date | None = None
    links: tuple[tuple[str, str, str, str], ...] = ()  # its <head>'s <link>s (rel, type, href, title)
    # Its site-search entries, from its template's `search` block (recsite/searchentries.py); None:
    # the site generator's search reads the page's HTML.
    search: tuple[SearchEntry, ...] | None = None

    @property
    def stylesheets(self) -> tuple[str, ...]:
        return self.kind.stylesheets


@dataclass
class SitePlan:
    pages: dict[str, PlannedPage] = field(default_factory=dict)   # docs path -> page, in plan order
    files: dict[str, str] = field(default_factory=dict)           # site path -> file content

    @cached_property
    def markdown(self) -> dict[str, str]:
        """{docs path: Markdown} of every generated page."""
        return {path: page.markdown for path, page in self.pages.items()}

    def hand_over(self) -> Iterator[tuple[str, str | bytes]]:
        """Every generated page's Markdown, then every other file's content as UTF-8 bytes (the
        bytes it is written as), each let go by the plan once handed over: a site generator keeps
        them until it writes them, and two copies, one of them as wide text (most pages and files
        have a character outside ASCII, so Python keeps two bytes a character), were a third of
        the 5,000-recommendation build's peak memory. The plan keeps what it says about each page
        (title, description, dates) but no longer its Markdown, nor `markdown`, nor `files`."""
        paths = list(self.pages)
        self.__dict__.pop("markdown", None)
        for path in paths:
            page = self.pages[path]
            self.pages[path] = replace(page, markdown="")
            yield path, page.markdown
            del page
        while self.files:
            path = next(iter(self.files))
            yield path, self.files.pop(path).encode("utf-8")

    @cached_property
    def sections(self) -> dict[str, list[tuple[str, str]]]:
        """{index page: [(title, path) of each page its navigation section lists]}."""
        found: dict[str, list[tuple[str, str]]] = {}
        for page in self.pages.values():
            if page.kind.section:
                found.setdefault(page.kind.section, []).append((page.title, page.path))
        return found


def plan_site(catalogue: Catalogue, site_url: str, kinds: tuple[PageKind, ...] = KINDS,
              more_templates: tuple[Path, ...] = ()) -> SitePlan:
    """All generated pages and downloads. `site_url` makes the permanent links absolute. (A test
    may give other `kinds`, with their templates in `more_templates`.) Raises DataError if a data
    id is one a planned page's template writes itself (recsite/fixedids.py)."""
    renderer = Renderer(catalogue, site_url, more_templates)
    plan = SitePlan()
    for kind in kinds:
        for page in kind.pages(catalogue, renderer.selections):
            if page.path in plan.pages:  # a kind's mistake, not the data's: two pages at one address
                raise ValueError(f"{page.path}: made by the page kinds {plan.pages[page.path].kind.name!r} "
                                 f"and {kind.name!r}")
            rendered = renderer.render_page(kind.template, page.path, title=page.title, **page.context)
            plan.pages[page.path] = PlannedPage(
                kind, page.path, page.title, rendered.markdown, rendered.description, (kind.data_file, page.line),
                tuple(kind.citation(page, catalogue, site_url)) if kind.citation else (),
                pagedates.newest_record_change(pagedates.records_in(page.context), catalogue.report.site_published),
                tuple(kind.links(page, catalogue, site_url)) if kind.links else (), rendered.search)
    # The data's ids against the planned pages' own (the readers cannot know the templates').
    titles: dict[str, list[str]] = {}
    for page in plan.pages.values():
        titles.setdefault(page.kind.name, []).append(page.title)
    fixedids.check(catalogue, kinds, titles)
    plan.files[paths.JSON_DOWNLOAD] = downloads.to_json(catalogue, site_url)
    plan.files[paths.CSV_DOWNLOAD] = downloads.to_csv(catalogue, site_url)
    plan.files[paths.SCHEMA_DOWNLOAD] = downloads.to_json_schema(site_url)
    plan.files.update(citations.files(catalogue, site_url))
    plan.files.update(planner.files(catalogue, site_url))
    plan.files[notfound.ADDRESSES_JS] = notfound.addresses_module(catalogue)
    plan.files.update(embed.files(catalogue, renderer))
    plan.files[paths.CHANGES_FEED] = feed.to_atom(catalogue, site_url)
    return plan


def edit_link(repo_url: str, data_file: str, line: int) -> str:
    """Where an editor changes a generated page: the data file on the repository host, at its line."""
    anchor = f"#L{line}" if line else ""
    return f"{repo_url.rstrip('/')}/blob/main/{data_file}{anchor}"


def expand_nav(nav: list, sections: dict[str, list[tuple[str, str]]]) -> list:
    """Give each nav entry that points at a generated index page its generated children.

    mkdocs.yml names only the sections (`By audience: audiences/index.md`), so adding a theme to
    the data adds it to the navigation without editing mkdocs.yml.
    """
    expanded = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, target), = item.items()
            if isinstance(target, str) and target in sections:
                item = {title: [target, *({t: p} for t, p in sections[target])]}
            elif isinstance(target, list):
                item = {title: expand_nav(target, sections)}
        expanded.append(item)
    return expanded
