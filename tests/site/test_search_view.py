"""The search index of pages with recommendation cards is made from the page without the cards
(recsite/searchview.py, hooks/main.py), which Material's search plugin would read only to drop:
the entries must be exactly those Material makes from the whole page."""

from __future__ import annotations

import json

import pytest
from material.plugins.search.plugin import SearchIndex

from support.project import ROOT
from recsite import paths
from recsite.build import Build
from recsite.convert import Converter, page_url
from recsite.searchview import without_excluded_cards

LIST_PAGES = (paths.ALL_RECOMMENDATIONS, paths.KEY_RECOMMENDATIONS, paths.audience_page("national-organisations"),
              paths.theme_page("encouraging-demand"))


class Page:
    """A page as Material's search index reads it."""

    def __init__(self, path: str, content: str, title: str):
        self.meta, self.toc, self.url, self.title, self.content = {}, [], page_url(path), title, content


def material_entries(path: str, content: str, title: str) -> list[dict]:
    index = SearchIndex(lang=["en"], separator="", pipeline=[], fields={})
    index.add_entry_from_context(Page(path, content, title))
    return index.entries


@pytest.fixture(scope="module")
def contents() -> dict[str, tuple[str, str]]:
    """Every page's content as MkDocs gives it to the theme (recsite/convert.py), and its title."""
    build = Build.start(ROOT, "/")
    converter = Converter.for_project(ROOT, build)
    found = {}
    for path, planned in build.plan.pages.items():
        found[path] = (converter.page(build, path, planned.markdown), planned.title)
    for source in sorted((ROOT / "docs").rglob("*.md")):
        path = source.relative_to(ROOT / "docs").as_posix()
        found[path] = (converter.page(build, path, source.read_text(encoding="utf-8")), path)
    return found


def test_every_page_without_its_cards_gives_material_the_same_entries(contents):
    viewed = []
    for path, (content, title) in contents.items():
        view = without_excluded_cards(content)
        if view is None:
            continue
        viewed.append(path)
        assert len(view) < len(content) / 2 or path not in LIST_PAGES, f"{path}: its cards were not cut"
        assert material_entries(path, view, title) == material_entries(path, content, title), path
    assert set(LIST_PAGES) <= set(viewed), "the list pages are read whole: nothing was saved"


def test_the_built_index_has_materials_own_entries_for_the_list_pages(site, contents):
    index = json.loads((site.root / "search" / "search_index.json").read_text(encoding="utf-8"))
    for path in LIST_PAGES:
        content, title = contents[path]
        url = page_url(path)
        built = [doc for doc in index["docs"] if doc["location"].split("#")[0] == url]
        assert built == material_entries(path, content, title), path


def test_a_card_that_could_change_the_index_is_kept():
    card = '<article class="rec-card" data-search-exclude="card" id="x"><h3{}>Title</h3><p>Words</p></article>'
    page = '<h1 id="top">Top</h1>\n<p>Intro</p>\n{}\n<h2 id="next">Next</h2>\n<p>More</p>'
    # A heading with an id starts a search section even inside an excluded element.
    with_id = page.format(card.format(' id="t"'))
    assert without_excluded_cards(with_id) is None
    assert material_entries("x.md", with_id, "X") != material_entries("x.md", page.format(""), "X")
    # Without one the card is cut, and the entries are the same.
    plain = page.format(card.format(""))
    assert without_excluded_cards(plain) == page.format("")
    assert material_entries("x.md", plain, "X") == material_entries("x.md", page.format(""), "X")
