"""What the search index leaves out is kept from Material's search plugin, and the index and the
finished page come out exactly as they would without it (recsite/searchskip.py)."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from material.plugins.search.plugin import SearchIndex

from recsite.searchskip import hide, show

PAGE = """<h1 id="top">Title</h1>
<p>Intro with <em>words</em>.</p>
<ul class="rec-why" data-search-exclude="links">
<li><a href="a/">A <strong>link</strong></a></li>
<li><a href="b/" data-search-exclude="inner">B</a><br></li>
</ul>
<h2 id="more">More</h2>
<div data-search-exclude="card"><article><h3 id="card">A heading in an excluded card</h3></article></div>
<p data-search-exclude="citation">A citation &amp; more.</p>
<ul data-search-exclude="links"><li>unclosed<li>items</ul>
<section><ol data-search-exclude="links"><li><p>Nested</p></li></ol><p>Kept text</p></section>
<p>The end.</p>
"""


def index_of(content: str) -> list[dict]:
    """The search entries Material's plugin makes for a page with this content."""
    index = SearchIndex()
    page = SimpleNamespace(content=content, toc=[], url="page/", title="Page", meta={})
    index.add_entry_from_context(page)
    return index.entries


def searched(content: str) -> str:
    """The page content after the search plugin read it (it removes its attributes)."""
    return re.sub(r"\s?data-search-\w+=\"[^\"]+\"", "", content)


def test_hidden_parts_leave_the_search_index_and_the_page_unchanged():
    content, hidden = hide(PAGE)
    assert len(hidden) == 3  # the list, the citation, the nested list
    assert "A <strong>link</strong>" not in content and "Kept text" in content
    assert index_of(content) == index_of(PAGE)
    assert show(searched(content), hidden) == searched(PAGE)


@pytest.mark.parametrize("element", [
    '<div data-search-exclude="x"><h3 id="h">Heading</h3></div>',   # would start a search section
    '<ul data-search-exclude="x"><li>one<li>two</ul>',             # tags not closed in order
    '<div data-search-exclude="x"><script>var a = "<p>";</script></div>',
    '<div data-search-exclude="x"><p>never closed</div>',
    '<p data-search-exclude="x"></p>',                              # nothing to hide
])
def test_what_the_search_plugin_would_read_differently_is_not_hidden(element):
    assert hide(element) == (element, [])


def test_a_placeholder_cannot_be_written_in_the_data():
    content, hidden = hide('<p data-search-exclude="x">a</p>')
    assert content != '<p data-search-exclude="x">RECSITE0X</p>'  # a fresh token for each run
    assert show("RECSITE0X " + content, hidden) == 'RECSITE0X <p data-search-exclude="x">a</p>'
