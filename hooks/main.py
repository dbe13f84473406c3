"""MkDocs glue: each event hands over to the recsite core. No site logic lives here.

MkDocs puts this file's folder on sys.path only while importing it, so the core is imported at
the top. MkDocs does not re-import hooks on `mkdocs serve` rebuilds, which is why the data is read
in `on_config` (run on every build) rather than at import time.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from recsite import citations, paths
from recsite.errors import DataError
from recsite.linkpreview import Preview, open_graph
from recsite.pages import SitePlan, edit_link, expand_nav, plan_site, render_snippet
from recsite.rawhtml import anchor_ids, restore, stash
from recsite.shortcodes import UnknownMarker, expand_markers
from recsite.terms import explain_terms
from recsite.validate import load_catalogue

_build: dict = {}


def for_theme(text: object) -> Markup:
    """Plain text made ready for the theme's templates.

    MkDocs renders the theme without autoescaping, and Material prints titles as they are in most
    places (the nav, <title>, the header, the meta description) but through `|e` in others (the
    footer's aria-label). Text escaped once and marked as Markup suits both: printed as it is, it is
    escaped text, and `|e` leaves Markup unchanged, so it is never escaped twice. (A plain `str`
    holding escaped text was escaped again by `|e`: "Professionals&amp;#39; attitudes".) Markup given
    here is already escaped and is returned as it is."""
    return escape(text)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # Validating here, before MkDocs empties site_dir, means bad data never leaves a partial site.
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        catalogue = load_catalogue(data_dir)
    except DataError as error:
        raise PluginError(error.report()) from None
    if not config.repo_url:
        config.edit_uri = None  # no repository address (REPO_URL), so no "edit this page" links
    if config.site_description:
        # For the pages that have no description of their own (the 404 page).
        config.site_description = for_theme(config.site_description)
    site_url = config.site_url or "/"
    _build.update(catalogue=catalogue, site_url=site_url, plan=plan_site(catalogue, site_url), stashed={},
                  citation_tags=citations.page_tags(catalogue, site_url))
    if config.nav:
        # Titles from data are text; see for_theme.
        sections = {index: [(for_theme(title), path) for title, path in children]
                    for index, children in _build["plan"].sections.items()}
        config.nav = expand_nav(config.nav, sections)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    plan: SitePlan = _build["plan"]
    for path, content in {**plan.pages, **plan.files}.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would be replaced by a page generated from data/; "
                              "rename or delete the hand-written file")
        files.append(File.generated(config, path, content=content))
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    # A generated page is edited in its data file: link there (to the record's line) instead.
    source = _build["plan"].sources.get(page.file.src_uri)
    if config.repo_url and source:
        data_file, line = source
        page.edit_url = edit_link(config.repo_url, data_file, line)
    # Printed in <head> by overrides/main.html: Open Graph on every page, citation_* where there are.
    preview = Preview(title=config.site_name if page.is_homepage else page.title,
                      description=page.meta.get("description") or config.site_description or "",
                      url=page.canonical_url, is_home=page.is_homepage)
    page.meta["recsite_head"] = (open_graph(preview, config.site_name, _build["site_url"])
                                 + [("name", name, content)
                                    for name, content in _build["citation_tags"].get(page.file.src_uri, [])])
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = page.file.src_uri
    blocks = _build["stashed"].pop(path, [])
    if blocks:
        html = restore(html, blocks)
        page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(blocks)
    if path == paths.GLOSSARY:
        return html
    return explain_terms(html, _build["catalogue"].glossary, paths.relative(path, paths.GLOSSARY))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    path = page.file.src_uri
    plan: SitePlan = _build["plan"]
    title = plan.titles.get(path)
    if title is not None:
        # Otherwise MkDocs takes the title from the rendered heading, as unescaped text.
        page.meta["title"] = for_theme(title)
    # A generated page's own description; a hand-written page's `description:` front matter (text,
    # like the data); otherwise the site's.
    description = plan.descriptions.get(path) or page.meta.get("description") or config.site_description
    if description:
        page.meta["description"] = for_theme(description)
    try:
        markdown = expand_markers(markdown, path,
                                  lambda name: render_snippet(_build["catalogue"], _build["site_url"], name, path))
    except UnknownMarker as error:
        raise PluginError(str(error)) from None
    if path in _build["plan"].pages:
        # Generated pages' HTML blocks skip the Markdown converter (see recsite/rawhtml.py).
        markdown, _build["stashed"][path] = stash(markdown)
    return markdown
