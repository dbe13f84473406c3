"""The site search reads pages through Python's HTML parser's events, found by recsite/htmltokens.py
faster than the parser's own loop: they must be exactly the parser's, or not be used."""

from __future__ import annotations

import pytest

from support.project import ROOT
from recsite.build import Build
from recsite.convert import Converter
from recsite.htmltokens import events, parser_events


@pytest.fixture(scope="module")
def contents() -> dict[str, str]:
    """Every page's content as MkDocs gives it to the theme and the search (recsite/convert.py)."""
    build = Build.start(ROOT, "/")
    converter = Converter.for_project(ROOT, build)
    found = {path: converter.page(build, path, planned.markdown) for path, planned in build.plan.pages.items()}
    for source in sorted((ROOT / "docs").rglob("*.md")):
        path = source.relative_to(ROOT / "docs").as_posix()
        found[path] = converter.page(build, path, source.read_text(encoding="utf-8"))
    return found


def test_every_page_gives_the_parsers_own_events(contents):
    for path, content in contents.items():
        found = events(content)
        assert found is not None, f"{path}: read by the slower parser (markup events() does not know)"
        assert found == list(parser_events(content)), path


@pytest.mark.parametrize("html", [
    '<!DOCTYPE html><P Class="a &amp; b" hidden>Fish &amp; chips&nbsp;&#39;x&#39;</P>',
    "<p>one<!-- a comment -->two</p><br/><img alt='it&#39;s' src=\"x.png\" />",
    '<div\n  id="x"\n  data-search-exclude>text\n</div >tail &lt;b&gt;',
    '<script>if (a < b && c) { x = "<p>"; }</script><style>p > a { color: red }</style>after',
    '<a href="">empty</a><span title=\'\'>', "plain text only", "",
])
def test_markup_it_reads_gives_the_same_events(html):
    assert events(html) == list(parser_events(html))


@pytest.mark.parametrize("html", [
    "<p>a < b</p>",                       # a bare '<' in text
    "<a href=unquoted>x</a>",             # an attribute value without quotes
    "<![CDATA[x]]><p>y</p>",              # a declaration other than the doctype
    '<script>document.write("</div>")</script>',  # the parser splits a script's text at each '</'
    "<?php echo 1; ?>",
])
def test_markup_it_does_not_read_is_left_to_the_parser(html):
    assert events(html) is None
