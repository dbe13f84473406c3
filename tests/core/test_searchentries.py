"""recsite/searchentries.py: what a template's `search` block gives the site search."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader

from recsite.render import environment
from recsite.searchentries import SearchEntry, SearchSections, check_sections


def sections_of(block: str, **context) -> list[SearchEntry]:
    env = environment()
    env.loader = DictLoader({"page.md.j2": "{% block search %}" + block + "{% endblock %}"})
    template, sections = env.get_template("page.md.j2"), SearchSections()
    for _ in template.blocks["search"](template.new_context({**context, "search_section": sections})):
        pass
    return sections.entries


def test_words_are_kept_as_materials_index_keeps_them():
    # Material's parser unescapes the page and escapes &, < and > again, never quotation marks.
    [entry] = sections_of('{% call search_section("a", title) %}\n<p>{{ text }}</p>\n  more\n{% endcall %}',
                          title="Carers' <views> & \"needs\"", text="Families' \"choice\" & <control>")
    assert entry == SearchEntry("a", "Carers' &lt;views&gt; &amp; \"needs\"",
                                "<p>Families' \"choice\" &amp; &lt;control&gt;</p> more")


def test_a_section_without_words_or_anchor():
    assert sections_of('{{ search_section() }}{{ search_section("b", "B") }}') == [
        SearchEntry(None, None, ""), SearchEntry("b", "B", "")]


def test_the_sections_must_be_the_pages_headings_in_order():
    entries = (SearchEntry(None, None, ""), SearchEntry("a", "A", ""), SearchEntry("b", "B", ""))
    check_sections("p.md", entries, ["a", "b"])
    with pytest.raises(ValueError, match=r"^p\.md: its template's `search` block has the sections \['a', 'b'\], "
                                         r"the page has the headings \['a', 'c', 'b'\]"):
        check_sections("p.md", entries, ["a", "c", "b"])
    with pytest.raises(ValueError, match="the page has the headings \\['b', 'a'\\]"):
        check_sections("p.md", entries, ["b", "a"])


def test_a_page_that_begins_with_its_heading_has_it_as_the_section_without_an_anchor():
    # Material gives the first section no anchor when the page begins with its heading.
    entries = (SearchEntry(None, "Top", "Words"), SearchEntry("b", "B", ""))
    check_sections("p.md", entries, ["top", "b"])
    with pytest.raises(ValueError):
        check_sections("p.md", (SearchEntry(None, None, ""), SearchEntry("b", "B", "")), ["top", "b"])
