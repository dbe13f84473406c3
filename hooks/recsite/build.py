"""One build's state, for any site generator: the checked data, the plan of pages, and the HTML
blocks set aside while a page goes through the Markdown converter.

The MkDocs hook (hooks/main.py) makes one `Build` per build and hands each event's page to it;
it keeps nothing itself. Everything here is plain Python, so another generator can drive the same
steps: `markdown(path, text)` before conversion, `html(path, html)` after it, `check(path, page)`
on the finished page.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from . import citations, feed, paths, rebuild  # noqa: F401  (rebuild: the hook reads COMMAND)
from .dates import long_date
from .pagedates import GitDates, page_changed
from .htmlids import duplicate_ids
from .linkpreview import Preview, open_graph
from .model import Catalogue
from .problems import DataError  # noqa: F401  (the hook catches core.DataError: one import for the core)
from .plan import SitePlan, edit_link, expand_nav, plan_site
from .policy import PROVISIONAL, Policy, PolicyBuilder, PolicyError, allow_last_script  # noqa: F401 (the hook: on_serve)
from .render import compiled_templates, snippet_renderer  # noqa: F401 (the hook: on_env)
from .rawhtml import anchor_ids, restore, stash
from .rebuild import PartialBuild
from .searchentries import SearchEntry, check_sections
from .searchview import without_excluded_cards
from .shortcodes import expand_markers
from .terms import explain_terms
from .load import load_catalogue
from .minify import minified, minifies  # noqa: F401  (the hook: on_files)


class PageError(ValueError):
    """A page cannot be published as it is (an unknown marker, a duplicate id); says which and why."""


@dataclass(frozen=True)
class PageMeta:
    """What the core says about one page besides its text, for the site generator to apply. Texts
    are plain (the generator escapes them for its theme); None leaves the generator's own."""

    title: str | None                # a generated page's title; None: the navigation's or the heading's
    description: str                 # '' when neither the page nor the site has one
    edit_url: str | None             # a generated page's data file; None: the generator's own (docs/)
    stylesheets: tuple[str, ...] = ()          # paths in docs/ that only this page loads
    citation: tuple[tuple[str, str], ...] = ()  # citation_* meta tags (name, content)
    links: tuple[tuple[str, str, str, str], ...] = ()  # <link>s (rel, type, absolute href, title)


@dataclass(frozen=True)
class Head:
    """What overrides/main.html adds to a page (page.meta.recsite): its meta tags as (attribute,
    key, content), the stylesheets only it loads, where the navigation HTML it shares with its
    folder's other pages is kept (None: it renders its own; see Build.shared_navigation), and its
    own <link>s as (rel, type, absolute href, title)."""

    tags: list[tuple[str, str, str]]
    stylesheets: tuple[str, ...]
    navigation: "SharedHtml | None"
    links: tuple[tuple[str, str, str, str], ...] = ()


@dataclass
class Build:
    catalogue: Catalogue
    site_url: str
    plan: SitePlan
    stashed: dict[str, list[str]] = field(default_factory=dict)   # page -> its HTML blocks
    metas: dict[str, PageMeta] = field(default_factory=dict)      # page -> what page_meta said
    snippet: object = None                                        # renders a marker's snippet
    snippets_rendered: dict[tuple[str, str], str] = field(default_factory=dict)  # (marker, page) -> HTML
    navigations: dict[str, "SharedHtml"] = field(default_factory=dict)  # folder -> its pages' navigation
    policy: PolicyBuilder = field(default_factory=PolicyBuilder)  # the Content-Security-Policy's hashes
    dates: GitDates | None = None                                 # source files' last commits (pagedates.py)
    search_views: dict[str, str] = field(default_factory=dict)    # page -> what the search index reads of it
    partial: PartialBuild | None = None                           # under `--dirty`: the pages built again
    # page -> its search entries from its template, until the site generator's index takes them
    search_entries_kept: dict[str, tuple[SearchEntry, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.snippet = snippet_renderer(self.catalogue, self.site_url)

    # For the hook: the navigation with the generated pages.
    expand_nav = staticmethod(expand_nav)
    # For the theme: the Content-Security-Policy every page is written with (recsite/policy.py);
    # `finish` puts the final one in its place.
    provisional_policy = PROVISIONAL

    @classmethod
    def start(cls, project: Path, site_url: str) -> "Build":
        """Read and check the data in `project`/data and plan every page. Raises DataError."""
        catalogue = load_catalogue(project / "data")
        return cls(catalogue, site_url, plan_site(catalogue, site_url), dates=GitDates(project))

    def page_meta(self, path: str, *, description: str | None, site_description: str | None,
                  repo_url: str | None) -> PageMeta:
        """A page's title, description, edit link, stylesheets and citation tags: a generated
        page's from its plan, a hand-written page's from its front matter's `description`
        (otherwise the site's), with the report's citation tags on the report's page. `repo_url`
        empty: no edit links to data files."""
        planned = self.plan.pages.get(path)
        own = description or site_description or ""
        if planned is None:
            citation = citations.report_tags(self.catalogue, self.site_url) if path == citations.REPORT_PAGE else ()
            meta = PageMeta(None, own, None, citation=tuple(citation))
        else:
            meta = PageMeta(planned.title, planned.description or own,
                            edit_link(repo_url, *planned.edit) if repo_url else None,
                            planned.stylesheets, planned.citation, planned.links)
        self.metas[path] = meta
        return meta

    def head(self, path: str, *, title: str, url: str | None, is_home: bool, site_name: str,
             page_url: str, in_nav: bool) -> Head:
        """What the theme adds to a page's <head> (and its shared navigation), once MkDocs knows
        its title and address: Open Graph tags on every page, citation_* tags where page_meta gave
        them."""
        meta = self.metas[path]
        preview = Preview(title=title, description=meta.description, url=url, is_home=is_home)
        tags = (open_graph(preview, site_name, self.site_url)
                + [("name", name, content) for name, content in meta.citation])
        return Head(tags, meta.stylesheets, self.shared_navigation(page_url, in_nav), meta.links)

    @staticmethod
    def feed_link() -> tuple[str, str, str]:
        """The Atom feed of "What's changed" as every page's <head> links it, 404 page too (so the
        hook gives it to the theme's config, not to one page): (type, site path, title)."""
        return (feed.MEDIA_TYPE, paths.CHANGES_FEED, feed.TITLE)

    def markdown(self, path: str, text: str, file_text: str | None = None) -> str:
        """A page's Markdown before conversion: markers filled in, and a generated page's HTML
        blocks set aside so the converter does not re-read them (recsite/rawhtml.py). `file_text`:
        the page's whole file, when `text` is its end (after its front matter), so that an unknown
        marker is reported at its line in the file."""
        first_line = 1
        if file_text is not None and file_text.endswith(text):
            first_line = file_text.count("\n", 0, len(file_text) - len(text)) + 1
        text = expand_markers(text, path, lambda name: self._snippet(name, path), first_line)
        text += self.changed_line(path)
        if path in self.plan.pages:
            text, self.stashed[path] = stash(text)
        return text

    def _snippet(self, name: str, path: str) -> str:
        """A marker's HTML on a page, rendered once a build (a rebuild under `serve` fills a
        hand-written page's markers to tell whether it changed, then again as MkDocs reads it)."""
        key = (name, path)
        if key not in self.snippets_rendered:
            self.snippets_rendered[key] = self.snippet(name, path)
        return self.snippets_rendered[key]

    def changed(self, path: str) -> date | None:
        """When the page's content last changed (pagedates.py): its records' newest change, or its
        source file's last commit (a generated page's data file, a hand-written page's docs/ file)."""
        planned = self.plan.pages.get(path)
        records = planned.records_changed if planned else None
        source = planned.edit[0] if planned else f"docs/{path}"
        return page_changed(records, source, self.dates) if self.dates else records

    def changed_line(self, path: str) -> str:
        """The line at the foot of a page saying when it last changed, as HTML after its Markdown
        (left out of the search index); '' when the date is unknown."""
        changed = self.changed(path)
        if changed is None:
            return ""
        return (f'\n\n<p class="page-changed" data-search-exclude="date">This page last changed on '
                f'<time datetime="{changed.isoformat()}">{long_date(changed)}</time>.</p>\n')

    def html(self, path: str, html: str) -> tuple[str, set[str]]:
        """A page's converted HTML with its blocks put back and its first use of each glossary term
        explained; and the ids of the elements the blocks brought (for the anchor check)."""
        blocks = self.stashed.pop(path, [])
        ids = anchor_ids(blocks) if blocks else set()
        if blocks:
            html = restore(html, blocks)
        if path != paths.GLOSSARY:
            html = explain_terms(html, self.catalogue.glossary, paths.relative(path, paths.GLOSSARY))
        return html, ids

    def keep_search_entries(self, path: str) -> bool:
        """Keep a generated page's search entries, written by its template from the data
        (recsite/searchentries.py), for `search_entries`; False if its kind has none (the search
        reads its HTML)."""
        planned = self.plan.pages.get(path)
        if planned is None or planned.search is None:
            return False
        self.search_entries_kept[path] = planned.search
        return True

    def search_entries(self, path: str, heading_ids: list[str]) -> tuple[SearchEntry, ...] | None:
        """What keep_search_entries kept of the page (once); None if nothing. `heading_ids`: the
        ids of the page's headings, in order, which must be its entries' sections. Raises
        PageError if they are not."""
        entries = self.search_entries_kept.pop(path, None)
        if entries is not None:
            try:
                check_sections(path, entries, heading_ids)
            except ValueError as error:
                raise PageError(str(error)) from None
        return entries

    def keep_search_view(self, path: str, html: str) -> bool:
        """Keep what the site search needs to read of the page's finished content `html`, for
        `search_view`: the page without the cards its index leaves out (recsite/searchview.py).
        False when that is the page as it is (nothing kept)."""
        view = without_excluded_cards(html)
        if view is not None:
            self.search_views[path] = view
        return view is not None

    def search_view(self, path: str) -> str | None:
        """What keep_search_view kept of the page (once); None if nothing."""
        return self.search_views.pop(path, None)

    def shared_navigation(self, url: str, in_nav: bool) -> "SharedHtml | None":
        """Where the theme keeps the navigation HTML it made for a page that is not in the
        navigation, to print it as it is for the next such page in the same folder.

        The theme renders the whole navigation again for every page (in the 5,000-recommendation
        build, a seventh of the build's time). For a page the navigation does not list, nothing
        in it depends on the page (no entry is marked current, none is expanded for it) except its
        links, which are relative to the page's folder: so each folder's pages share one. A page in
        the navigation (None) has its own: its entry is marked current and its sections opened.
        overrides/main.html uses this; the site is byte-identical with and without it."""
        if in_nav:
            return None
        folder = posixpath.dirname(url.rstrip("/")) + ("/" if url.endswith("/") else "")
        return self.navigations.setdefault(folder, SharedHtml())

    def check(self, path: str, page: str, written_to: Path | None = None) -> None:
        """The finished page, theme and all: no two elements may share an id (a link to page/#id
        must lead to one place), and it carries the provisional Content-Security-Policy once,
        whose hashes it adds to (`written_to`: the file `finish` writes the final policy into).
        Raises PageError."""
        duplicates = duplicate_ids(page)
        if duplicates:
            raise PageError(f"{path}: more than one element has the id {', '.join(repr(d) for d in duplicates)} "
                            "(each id on a page must be unique; a record's id may not equal an id the page "
                            "already uses)")
        try:
            hashes = self.policy.add(path, page, written_to)
        except PolicyError as error:
            raise PageError(str(error)) from None
        if self.partial is not None:
            self.partial.built(path, hashes, written_to)

    def build_partially(self, site_dir: str, shared: tuple) -> PartialBuild:
        """This build, under `--dirty`, builds again only the generated pages whose output would
        differ from the last build of `site_dir` in this process (recsite/rebuild.py). `shared`:
        what the generator says every page's output depends on (its configuration, navigation and
        files); the core adds the glossary. Each generated page is told apart before MkDocs reads
        it (`planned_for_rebuild`)."""
        self.partial = PartialBuild(site_dir)
        self.partial.share(shared, self.catalogue.glossary)
        return self.partial

    def planned_for_rebuild(self, path: str, content: str) -> None:
        """A generated page, as the plan hands it over: what its output is made from."""
        planned = self.plan.pages[path]
        own = (planned.kind.name, planned.title, planned.description, planned.edit, planned.citation,
               planned.links, planned.stylesheets, planned.search, self.changed_line(path))
        self.partial.plan_page(path, own, content)

    def written_for_rebuild(self, path: str, text: str) -> None:
        """A hand-written page (docs/), its file's whole text, before MkDocs reads it: what its
        output is made from besides what every page shares. Its text with its markers filled
        from the data, its date line, and on the report's page the report's citation tags; so an
        edit to the data rebuilds it only when it shows the edit. A page whose markers cannot be
        filled (an unknown marker, a snippet that fails) is always built again, and reading it
        says what failed and where."""
        try:
            filled = expand_markers(text, path, lambda name: self._snippet(name, path))
        except Exception:  # noqa: BLE001 (reading the page raises it again, naming the page)
            return
        citation = citations.report_tags(self.catalogue, self.site_url) if path == citations.REPORT_PAGE else ()
        self.partial.plan_page(path, ("docs", citation, self.changed_line(path)), filled)

    def finish(self) -> Policy:
        """Once every page is written: the one Content-Security-Policy, with the hashes of every
        page's inline scripts and styles, written into each page (recsite/policy.py). After a
        partial build, with the pages it did not build again, and the files the last build wrote
        and this one did not deleted."""
        if self.partial is None:
            return self.policy.finish()
        kept = self.partial.kept()
        for page in kept:
            self.policy.keep(page.hashes)
        policy = self.policy.finish([page.written_to for page in kept if page.written_to is not None],
                                    self.partial.last_policy)
        for stale in self.partial.finish(policy.meta()):
            stale.unlink(missing_ok=True)
        return policy


@dataclass
class SharedHtml:
    """HTML the theme made once and prints again (see Build.shared_navigation)."""
    html: str | None = None

    def keep(self, html: str) -> str:
        self.html = html
        return html
