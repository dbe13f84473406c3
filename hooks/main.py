"""MkDocs glue: each event hands its page to the core's `Build` (recsite/build.py). It holds no
state of its own: the build's state lives in the `Build`, kept on this build's config.

MkDocs imports this file once per process (its hook loader is cached), so on `mkdocs serve` every
rebuild would run the core as it was when the server started. Instead each build asks `_core()`
for the core as it is on disk: imported afresh when any of its files changed since it was imported.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import sys
from pathlib import Path
from types import ModuleType

from jinja2 import FileSystemLoader
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

HOOKS = str(Path(__file__).resolve().parent)  # where the core package lives
KEY = "recsite_build"  # where this build's `Build` is kept on its config


def _core() -> ModuleType:
    """recsite.build as it is on disk now (a changed core is imported again, all of it)."""
    core, command = sys.modules.get("recsite"), None
    if core is not None:
        loaded = getattr(core, "__imported_at__", 0)
        if any(path.stat().st_mtime > loaded for path in Path(core.__file__).parent.rglob("*.py")):
            # How the process was started goes over to the new core; what it built does not.
            command = dict(sys.modules["recsite.rebuild"].COMMAND) if "recsite.rebuild" in sys.modules else None
            for name in [name for name in sys.modules if name == "recsite" or name.startswith("recsite.")]:
                del sys.modules[name]
    sys.path.insert(0, HOOKS)
    try:
        build = importlib.import_module("recsite.build")
    finally:
        sys.path.remove(HOOKS)
    if command is not None:
        build.rebuild.COMMAND.update(command)
    return build


def for_theme(text: object) -> Markup:
    """Plain text made ready for the theme's templates.

    MkDocs renders the theme without autoescaping, and Material prints titles as they are in most
    places (the nav, <title>, the header, the meta description) but through `|e` in others (the
    footer's aria-label). Text escaped once and marked as Markup suits both: printed as it is, it is
    escaped text, and `|e` leaves Markup unchanged, so it is never escaped twice. (A plain `str`
    holding escaped text was escaped again by `|e`: "Professionals&amp;#39; attitudes".) Markup given
    here is already escaped and is returned as it is."""
    return escape(text)


def _build(config: MkDocsConfig):
    return config[KEY]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    core = _core()
    # Checking the data here, before MkDocs empties site_dir, means bad data never leaves a partial site.
    try:
        build = core.Build.start(Path(config.config_file_path).parent, config.site_url or "/")
    except core.DataError as error:
        raise PluginError(error.report()) from None
    config[KEY] = build
    if core.rebuild.COMMAND["dirty"]:
        _list_installed_theme_once(config.theme, core.rebuild.listed_once)
    if build.dates and build.dates.missing:
        # Info, not a warning: a strict build fails on warnings, and a copy of the files must still build.
        logging.getLogger("mkdocs.hooks.recsite").info(f"Pages dated from git's history say nothing of when they changed: {build.dates.missing}")
    # Every page links the feed of "What's changed" (overrides/main.html), the 404 page too, which
    # has no page of its own to carry it.
    config.extra["recsite_feed"] = build.feed_link()
    if not config.repo_url:
        config.edit_uri = None  # no repository address (REPO_URL), so no "edit this page" links
    if config.site_description:
        # For the pages that have no description of their own (the 404 page).
        config.site_description = for_theme(config.site_description)
    if config.nav:
        # Titles from data are text; see for_theme.
        sections = {index: [(for_theme(title), path) for title, path in children]
                    for index, children in build.plan.sections.items()}
        config.nav = build.expand_nav(config.nav, sections)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The site's own scripts and stylesheets, minified as they are served (recsite/minify.py).
    core, build = _core(), _build(config)
    for file in [file for file in files if core.minifies(file.src_uri) and file.abs_src_path]:
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content=core.minified(
            file.src_uri, Path(file.abs_src_path).read_text(encoding="utf-8"))))
    partial = _build_partially(build, files, config) if core.rebuild.COMMAND["dirty"] else None
    # The plan lets go of each page's and file's content as MkDocs takes it (recsite/plan.py).
    for path, content in build.plan.hand_over():
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} would be replaced by a page generated from data/; "
                              "rename or delete the hand-written file")
        if partial is not None and path in build.plan.pages:
            build.planned_for_rebuild(path, content)
        files.append(File.generated(config, path, content=content))
    if partial is not None:
        # MkDocs asks each page's file whether it changed (by its file times); the core answers.
        for file in files:
            if file.is_documentation_page():
                if file.src_uri not in build.plan.pages:  # hand-written (docs/)
                    build.written_for_rebuild(file.src_uri, file.content_string)
                file.is_modified = functools.partial(_is_modified, file, build, files)
            elif file.generated_by is not None or file.abs_src_path:  # made from content, or copied
                file.is_modified = functools.partial(_file_is_modified, file, build)
    return files


def _file_is_modified(file: File, build) -> bool:
    """A file this hook made from content is written again when its content changed. One copied
    from a folder (docs/, the theme) is copied again when it comes from another file or its source
    changed: MkDocs copied it only when its source was newer than the copy, so a deleted override
    in overrides/ left its copy, the theme's own file being older."""
    if file.generated_by is not None:
        made_from = file.content_bytes
    else:
        source = os.stat(file.abs_src_path)
        made_from = (file.abs_src_path, source.st_mtime_ns, source.st_size)
    return build.partial.file_is_modified(file.src_uri, made_from) or not Path(file.abs_dest_path).is_file()


def _is_modified(file: File, build, files: Files) -> bool:
    if build.partial.is_modified(file.src_uri):
        return True
    page = file.page
    if page is not None and page.markdown is None:
        # Not read again, but the pages beside it print its title (the footer's "Next" and
        # "Previous"), which MkDocs gives only for a page it has read (its Markdown is not None);
        # and MkDocs checks links to its anchors, and its own links to others' anchors.
        page.markdown = ""
        anchors, links, title = build.partial.kept_for_generator(file.src_uri)
        planned = build.plan.pages.get(file.src_uri)
        page.meta["title"] = for_theme(planned.title) if planned is not None else title
        page.present_anchor_ids = set(anchors)
        page.links_to_anchors = {files.get_file_from_path(uri): dict(to) for uri, to in links.items()
                                 if files.get_file_from_path(uri) is not None}
    return False


def on_startup(command: str, dirty: bool) -> None:
    # `mkdocs serve --dirty` (dev.py serve) builds again only the pages an edit changed
    # (recsite/rebuild.py). MkDocs says so to on_startup alone, once: the core keeps it.
    _core().rebuild.COMMAND["dirty"] = dirty
    if dirty:
        # MkDocs warns on every --dirty build that links and navigation may be wrong, as they may
        # be when it picks pages by file times; here the core picks them, and the tests hold such
        # a build to the bytes of a whole one (tests/tools/test_rebuild.py). Under `strict`, the
        # warning would stop every build.
        logging.getLogger("mkdocs.commands.build").addFilter(
            lambda record: not record.getMessage().startswith("A 'dirty' build is being performed"))


def _list_installed_theme_once(theme, listed_once) -> None:
    """Have the rebuilds of `mkdocs serve` list the installed theme's files once, not every time.

    Every build, MkDocs lists each file of the theme's folders and picks the static ones to copy
    (Files.add_files_from_theme): Material's folder holds 14,591 files (its icons), and listing
    and filtering them took 0.08-0.15 s of each rebuild here, a tenth of the one-second budget for
    a data edit to show. An installed theme does not change while serving (a new version needs a
    new server); the project's own folder (overrides/, the theme's custom_dir) may, and is listed
    afresh each time. The names are those MkDocs would list: every folder's, as one sorted list,
    filtered name by name (FileSystemLoader and Environment.list_templates); a listing asked for in
    any other way is left to Jinja. The core keeps them (`listed_once`): the hook keeps nothing."""
    get_env = theme.get_env

    def env():
        made = get_env()
        list_templates = made.list_templates

        def listed(extensions=None, filter_func=None):
            if extensions is not None or filter_func is None or not isinstance(made.loader, FileSystemLoader):
                return list_templates(extensions, filter_func)
            names: set[str] = set()
            for folder in made.loader.searchpath:
                if folder == theme.custom_dir:
                    names.update(name for name in FileSystemLoader(folder).list_templates() if filter_func(name))
                    continue
                # The filter is MkDocs' own, made anew for each build from the theme's settings.
                names.update(listed_once(
                    (folder, filter_func.__code__, tuple(theme.static_templates)),
                    lambda folder=folder: [name for name in FileSystemLoader(folder).list_templates() if filter_func(name)]))
            return sorted(names)

        made.list_templates = listed
        return made

    theme.get_env = env


def _build_partially(build, files: Files, config: MkDocsConfig):
    """The core's partial build, told what every page's output depends on in MkDocs: its
    configuration and navigation, every file of the site (links are resolved against them), and
    the theme's templates (the project's overrides; the theme's own do not change while serving)."""
    overrides = Path(config.config_file_path).parent / "overrides"
    templates = sorted((str(path), path.stat().st_mtime_ns) for path in overrides.rglob("*") if path.is_file())
    site_files = sorted([file.src_uri for file in files] + list(build.plan.pages) + list(build.plan.files))
    return build.build_partially(config.site_dir, (Path(config.config_file_path).read_bytes(), repr(config.nav),
                                                   config.site_url, config.repo_url, config.edit_uri,
                                                   site_files, templates))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build, path = _build(config), page.file.src_uri
    meta = build.page_meta(path, description=page.meta.get("description"),
                           site_description=config.site_description, repo_url=config.repo_url)
    if meta.title is not None:
        # Otherwise MkDocs takes the title from the rendered heading, as unescaped text.
        page.meta["title"] = for_theme(meta.title)
    if meta.description:
        page.meta["description"] = for_theme(meta.description)
    if meta.edit_url:
        page.edit_url = meta.edit_url
    if path in build.plan.pages:
        # Read: MkDocs needs the generated file's content no more (it keeps the page's Markdown).
        page.file.content_string = ""
    try:
        return build.markdown(path, markdown, None if path in build.plan.pages else page.file.content_string)
    except ValueError as error:  # an unknown marker: its message says where
        raise PluginError(str(error)) from None


def _search_plugin(config: MkDocsConfig):
    return config.plugins.get("material/search") or config.plugins.get("search")


def _search_index(config: MkDocsConfig):
    """Material's search index for this build (material/plugins/search/plugin.py, SearchIndex),
    or None if the search plugin is off or is not one whose index can be handed a page."""
    plugin = _search_plugin(config)
    index = getattr(plugin, "search_index", None)
    if not getattr(getattr(plugin, "config", None), "enabled", False) or not hasattr(index, "add_entry_from_context"):
        return None
    return index


class _SearchSection:
    """A section as Material's search index makes an entry of it (create_entry_for_section), from
    one of the core's entries: the index itself gives it its location (the page's address, and the
    heading's), its title when it has none (the page's), and the page's tags and boost."""

    def __init__(self, entry):
        self.id = entry.anchor
        self.title = [] if entry.title is None else [entry.title]
        self.text = [entry.text]


def _heading_ids(toc) -> list[str]:
    return [id for item in toc for id in (item.id, *_heading_ids(item.children))]


class _SearchPage:
    """A page as Material's search index reads it (add_entry_from_context), with other content."""

    def __init__(self, page: Page, content: str):
        self.meta, self.toc, self.url, self.title = page.meta, page.toc, page.url, page.title
        self.content = content


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    # A page whose content the search plugin was told to pass over (on_page_content): its entries
    # are made here, by the plugin's own index: from the core's entries, which its template wrote
    # from the data (recsite/searchentries.py), or from the page without the cards the index leaves
    # out (recsite/searchview.py). This runs just after the plugin's own on_page_context (hooks
    # come after plugins), so the entries keep their place in the index.
    build, index = _build(config), _search_index(config)
    try:
        entries = build.search_entries(page.file.src_uri, _heading_ids(page.toc))
    except ValueError as error:  # a heading its template's `search` block does not have
        raise PluginError(str(error)) from None
    if entries is not None:
        del page.meta["search"]
        for entry in entries:
            index.create_entry_for_section(_SearchSection(entry), page.toc, page.url, page)
    view = build.search_view(page.file.src_uri)
    if view is not None:
        del page.meta["search"]
        index.add_entry_from_context(_SearchPage(page, view))
    if build.partial is not None and index is not None:
        build.partial.take_entries(page.file.src_uri, index.entries)
    # Printed by overrides/main.html: the <head> tags and stylesheets, and the shared navigation.
    page.meta["recsite"] = build.head(
        page.file.src_uri, title=config.site_name if page.is_homepage else page.title, url=page.canonical_url,
        is_home=page.is_homepage, site_name=config.site_name, page_url=page.url, in_nav=page in nav.pages)
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _build(config)
    html, ids = build.html(page.file.src_uri, html)
    if ids:
        page.present_anchor_ids = (page.present_anchor_ids or set()) | ids
    # Material's search plugin parses every page's content again: a generated page whose template
    # wrote its entries, or a page with cards its index leaves out, is passed over by the plugin
    # and indexed from those entries or from less (on_page_context). A page that sets its own
    # `search:` is left to the plugin.
    if "search" not in page.meta and _search_index(config) is not None and (
            build.keep_search_entries(page.file.src_uri) or build.keep_search_view(page.file.src_uri, html)):
        page.meta["search"] = {"exclude": True}
    return html


def on_env(env, config: MkDocsConfig, files: Files):
    partial = _build(config).partial
    if partial is not None:
        # The pages in the order MkDocs builds them (their search entries' order), and what it writes.
        partial.order = [file.src_uri for file in files.documentation_pages()]
        partial.files = {Path(file.abs_dest_path) for file in files}
    # The theme's templates compiled once and reused while unchanged (recsite/render.py).
    env.bytecode_cache = _core().compiled_templates()
    # overrides/main.html writes it on every page (the 404 page too, which has no page.meta); the
    # final policy replaces it once every page is written (on_post_build).
    env.globals["recsite_policy"] = _build(config).provisional_policy
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    build = _build(config)
    try:
        build.check(page.file.src_uri, output, Path(page.file.abs_dest_path))
    except ValueError as error:  # a duplicate id, or no policy: its message says where
        raise PluginError(str(error)) from None
    # The page is finished (`output` is what MkDocs writes) and its search entries made: MkDocs
    # would keep every page's Markdown and HTML to the end of the build, a quarter of the
    # 5,000-recommendation build's peak memory. What it reads after this, to check links to
    # anchors, it read while converting (the page's links and ids). Emptied, not None: a page's
    # title (the next page's footer prints it) is None while its Markdown is.
    page.markdown = page.content = ""
    if build.partial is not None:
        build.partial.keep_for_generator(page.file.src_uri, (
            frozenset(page.present_anchor_ids or ()),
            {to_file.src_uri: dict(links) for to_file, links in (page.links_to_anchors or {}).items()},
            page.title))
    return output


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # The theme's own pages (404.html) are checked and carry the policy as the others do.
    if template_name.endswith(".html"):
        try:
            _build(config).check(template_name, output, Path(config.site_dir) / template_name)
        except ValueError as error:
            raise PluginError(str(error)) from None
    return output


# Before the search plugin's (priority 0), which writes the search index.
@event_priority(50)
def on_post_build(config: MkDocsConfig) -> None:
    build = _build(config)
    build.finish()
    index = _search_index(config)
    if build.partial is not None and index is not None:
        # The whole index, the pages not built again included, in a whole build's order. The
        # plugin's own merge for --dirty builds assumes one page changed (it drops the entries of
        # the first one only): it is given no earlier index to merge.
        index.entries = build.partial.entries()
        plugin = _search_plugin(config)
        if hasattr(plugin, "search_index_prev"):
            plugin.search_index_prev = None


def on_serve(server, config: MkDocsConfig, builder):
    # `mkdocs serve` adds an inline script to each page it serves, which reloads the page after a
    # rebuild; the page's policy would refuse it. Its hash is added to that page's policy as it is
    # served (recsite/policy.py, allow_last_script). If MkDocs stops injecting this way, nothing
    # is added: the page then reloads by hand, and its policy is unchanged.
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is not None:
        allow = _core().allow_last_script
        server._inject_js_into_html = lambda content, epoch: allow(inject(content, epoch))
    _look_for_changes_often(getattr(server, "observer", None))
    _build_once_the_save_is_seen(server)
    return server


def _build_once_the_save_is_seen(server) -> None:
    """Start the rebuild as soon as the watcher reports a save, not a tenth of a second later.

    After the first change it sees, `mkdocs serve` waits until no other change has come for its
    `build_delay` (0.1 s), so that a save touching several files is built once. The watcher reports
    what changed since it last looked all at once (every tenth of a second: _look_for_changes_often),
    so the changes of one save come together and a wait of a fiftieth of a second still gathers them;
    the rest of the tenth was a tenth of the one-second budget for a data edit to show. A change the
    watcher sees on its next look (a checkout that took longer) is built again then, as before."""
    if isinstance(getattr(server, "build_delay", None), (int, float)):
        server.build_delay = min(server.build_delay, 0.02)


def _look_for_changes_often(observer) -> None:
    """Have `mkdocs serve` notice a saved file within a tenth of a second, not half a second.

    Its watcher (watchdog's PollingObserver) lists the watched folders (docs/, data/, hooks/,
    mkdocs.yml: about 140 files) every half second, so a save waited a quarter of a second on
    average before the rebuild began: a quarter of the one-second budget for a data edit to show.
    Listing them costs about a millisecond of processor time, so ten times a second is 1 % of one
    core while serving. MkDocs offers no setting for it: the interval is each folder's emitter's
    `timeout`, and the observer's for the folders watched after this hook runs (data/, hooks/).
    With another watcher, or if watchdog renames these, nothing changes."""
    interval = 0.1
    if observer is None or not hasattr(observer, "_timeout"):
        return
    observer._timeout = interval
    for emitter in getattr(observer, "emitters", ()):
        if hasattr(emitter, "_timeout"):
            emitter._timeout = interval
