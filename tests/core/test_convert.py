"""A page's Markdown made into its content's HTML as MkDocs makes it, with no MkDocs
(tests/tools/test_without_mkdocs.py compares every real page with MkDocs' own)."""

from __future__ import annotations

import pytest

from support.project import ROOT
from recsite.convert import MKDOCS_BUILTIN_EXTENSIONS, Converter, markdown_settings, relative_url, split_front_matter


def test_the_extensions_are_mkdocs_builtins_then_those_mkdocs_yml_lists(tmp_path):
    extensions, settings = markdown_settings(ROOT / "mkdocs.yml")  # it has !ENV tags
    assert extensions[:3] == list(MKDOCS_BUILTIN_EXTENSIONS)
    assert {"attr_list", "md_in_html", "admonition"} <= set(extensions)
    assert settings["toc"]["permalink"] is True

    config = tmp_path / "mkdocs.yml"
    config.write_text("site_url: !ENV [X, 'y']\nmarkdown_extensions:\n  - tables\n  - footnotes\n"
                      "  - toc:\n      toc_depth: 2\n", encoding="utf-8")
    assert markdown_settings(config) == (["toc", "tables", "fenced_code", "footnotes"], {"toc": {"toc_depth": 2}})


def test_front_matter_is_taken_off_as_mkdocs_takes_it_off():
    assert split_front_matter("---\ndescription: Words\n---\n\n# Title\n") == ("# Title\n", {"description": "Words"})
    assert split_front_matter("Title: A page\n\n# Heading\n") == ("# Heading\n", {"title": "A page"})
    assert split_front_matter("# Heading\n\nText\n") == ("# Heading\n\nText\n", {})


@pytest.mark.parametrize("url, other, expected", [
    ("recommendations/", "./", "recommendations/"),
    ("recommendations/", "about/", "../recommendations/"),
    ("glossary/", "glossary/", "./"),
    ("recommendations.csv", "recommendations/", "../recommendations.csv"),
    ("./", "themes/x/", "../../"),
])
def test_links_are_relative_as_mkdocs_writes_them(url, other, expected):
    assert relative_url(url, other) == expected


def test_links_to_pages_become_their_addresses_and_others_stay():
    converter = Converter(["toc", "attr_list"], {}, {"index.md", "about.md", "recommendations/index.md", "a.csv"})
    html = converter.markdown_to_html("about.md", (
        "[all](recommendations/index.md#downloads) [home](index.md) [csv](a.csv) [here](#top) "
        "[out](https://example.org/x.md) [lost](missing.md) [root](/about/)"))
    assert html == ('<p><a href="../recommendations/#downloads">all</a> <a href="../">home</a> '
                    '<a href="../a.csv">csv</a> <a href="#top">here</a> <a href="https://example.org/x.md">out</a> '
                    '<a href="missing.md">lost</a> <a href="/about/">root</a></p>')
