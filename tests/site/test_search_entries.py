"""The search entries a template writes from the data (recsite/searchentries.py; the `search` block
of templates/recommendation.md.j2) stand in for those Material's search plugin makes from the
page's HTML: page by page, the same locations and titles in the same order, and the same text once
normalised (white space, and empty elements such as the planner's empty status line, which
Material's parser keeps as "<p></p>")."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markupsafe import escape
from material.plugins.search.plugin import SearchIndex

from support.project import DATA, ROOT, copy_project
from recsite import paths
from recsite.build import Build, PageError
from recsite.convert import Converter, page_url
from recsite.searchentries import SearchEntry
from synthetic import write_data

_EMPTY_ELEMENT = re.compile(r"<(\w+)>\s*</\1>")
_SPACES = re.compile(r"\s+")


def normalised(entries: list[dict]) -> list[dict]:
    """Entries with their text's white space collapsed and its empty elements dropped."""
    return [{**entry, "text": _SPACES.sub(" ", _EMPTY_ELEMENT.sub(" ", entry["text"])).strip()} for entry in entries]


class Page:
    """A page as Material's search index reads it, titled as the hook titles it (escaped text)."""

    def __init__(self, path: str, content: str, title: str):
        self.meta, self.toc, self.url, self.title = {"title": str(escape(title))}, [], page_url(path), title
        self.content = content


class Section:
    """One of the core's entries as a section of Material's index (as hooks/main.py hands it)."""

    def __init__(self, entry: SearchEntry):
        self.id, self.title, self.text = entry.anchor, [] if entry.title is None else [entry.title], [entry.text]


def _index() -> SearchIndex:
    return SearchIndex(lang=["en"], separator="", pipeline=[], fields={})


def material_entries(path: str, content: str, title: str) -> list[dict]:
    """What Material's search plugin makes of the page's HTML."""
    index = _index()
    index.add_entry_from_context(Page(path, content, title))
    return index.entries


def core_entries(path: str, entries: tuple[SearchEntry, ...], title: str) -> list[dict]:
    """What Material's index makes of the core's entries for the page."""
    index, page = _index(), Page(path, "", title)
    for entry in entries:
        index.create_entry_for_section(Section(entry), page.toc, page.url, page)
    return index.entries


def compared(project: Path) -> dict[str, list[dict]]:
    """{page: its entries} for every page of `project` whose template wrote its search entries,
    after checking them against Material's from the page's HTML."""
    build = Build.start(project, "https://example.org/site/")
    converter = Converter.for_project(project, build)
    checked = {}
    for path, planned in build.plan.pages.items():
        if planned.search is None:
            continue
        content = converter.page(build, path, planned.markdown)
        checked[path] = normalised(core_entries(path, planned.search, planned.title))
        assert checked[path] == normalised(material_entries(path, content, planned.title)), path
    return checked


def test_the_real_sites_recommendation_pages_have_materials_entries():
    checked = compared(ROOT)
    recommendation_pages = [path for path, planned in Build.start(ROOT, "/").plan.pages.items()
                            if planned.kind.name == "recommendation"]
    assert recommendation_pages and set(recommendation_pages) <= set(checked)


def test_a_large_synthetic_sites_pages_have_materials_entries(tmp_path):
    # 160 recommendations: the largest theme-and-audience group grows past what "More on this
    # theme" lists, so those pages end with a link to the rest, which is indexed.
    project = copy_project(tmp_path / "project")
    write_data(DATA, project / "data", 160)
    checked = compared(project)
    assert len(checked) >= 160
    assert any(entry["text"].startswith("<p>All recommendations on ") for entries in checked.values() for entry in entries)


def test_the_built_index_holds_materials_entries_for_those_pages(site):
    build = Build.start(ROOT, site.url)  # the address the site was built for, in its permanent links
    converter = Converter.for_project(ROOT, build)
    built = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    pages = [(path, planned) for path, planned in build.plan.pages.items() if planned.search is not None]
    assert pages
    for path, planned in pages:
        url = page_url(path)
        entries = [doc for doc in built if doc["location"].split("#")[0] == url]
        content = converter.page(build, path, planned.markdown)
        assert normalised(entries) == normalised(material_entries(path, content, planned.title)), path


def test_a_heading_the_search_block_does_not_have_stops_the_build():
    build = Build.start(ROOT, "/")
    path = paths.recommendation_page(build.catalogue.recommendations[0].id)
    entries = build.plan.pages[path].search
    ids = [entry.anchor for entry in entries if entry.anchor]
    assert build.keep_search_entries(path)
    with pytest.raises(PageError, match=r"has the sections \[.*\], the page has the headings .*'new-heading'"):
        build.search_entries(path, [*ids, "new-heading"])
    assert build.keep_search_entries(path)
    assert build.search_entries(path, ids) == entries
