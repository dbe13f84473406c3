"""What readers see does not depend on MkDocs: build_pages.py --html gives every page's content as
MkDocs makes it, and link_terms.py gives a site any generator built the glossary links the hook adds."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support.project import ROOT
from support.site import in_theme

ARTICLE = '<article class="md-content__inner md-typeset">'
# What Material's partials/content.html prints before page.content: the edit (and view) buttons,
# and the page's title as an <h1> of its own when page.content has no <h1>.
MATERIAL_BUTTON = re.compile(r'\s*<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.S)
MATERIAL_TITLE = re.compile(r"\s*<h1>[^<]*</h1>")
# What Material's search plugin takes out of page.content (plugins/search/plugin.py, on_page_context):
# the attributes that tell its index what to leave out. Its own regular expression.
SEARCH_HINTS = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")


# Runs a script as `python scripts/x.py` would, but with `import mkdocs` made to fail.
WITHOUT_MKDOCS = ("import os, sys, runpy; sys.modules['mkdocs'] = None; sys.argv = sys.argv[1:]; "
                  "sys.path.insert(0, os.path.dirname(sys.argv[0])); runpy.run_path(sys.argv[0], run_name='__main__')")


def run_without_mkdocs(script: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", WITHOUT_MKDOCS, str(ROOT / "scripts" / script), *args],
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def written(tmp_path_factory, site) -> Path:
    """What build_pages.py --html writes for the real site's address, run with MkDocs out of
    reach: one run, which every test of what it writes reads."""
    out = tmp_path_factory.mktemp("written")
    result = run_without_mkdocs("build_pages.py", str(out), "--site-url", site.url, "--html")
    assert result.returncode == 0, result.stderr
    return out


def content_in_material_page(page: str, *, content_has_h1: bool) -> str:
    """page.content as MkDocs made it, from a page Material built: the inside of its article,
    without what Material adds there and the whitespace its template puts around it."""
    start = page.index(ARTICLE) + len(ARTICLE)
    inner = page[start:page.rindex("</article>")]  # the article holding the page's own articles
    while button := MATERIAL_BUTTON.match(inner):
        inner = inner[button.end():]
    if not content_has_h1 and (title := MATERIAL_TITLE.match(inner)):
        inner = inner[title.end():]
    return inner.strip()


def as_material_shows(content: str) -> str:
    """build_pages.py's HTML of a page with the one change Material's search plugin makes."""
    return SEARCH_HINTS.sub("", content).strip()


def source_of(built: str, written: Path) -> Path:
    """build_pages.py's HTML for the page MkDocs built at `built` ('themes/x/index.html')."""
    stem = built.removesuffix("index.html").rstrip("/")
    for candidate in (f"{stem}.html", f"{stem}/index.html" if stem else "index.html"):
        if (written / candidate).is_file():
            return written / candidate
    raise AssertionError(f"build_pages.py wrote no HTML for {built}")


def differences(site_root: Path, written: Path) -> tuple[list[str], int, int]:
    """The pages whose content differs, and the glossary links on MkDocs' pages and on ours."""
    differing, mkdocs_terms, our_terms = [], 0, 0
    for page in sorted(site_root.rglob("index.html")):
        built = page.relative_to(site_root).as_posix()
        if not in_theme(built):   # an embed card: a file of the plan, not a page of the theme
            if (written / built).read_bytes() != page.read_bytes():
                differing.append(f"{built}: the embed card differs")
            continue
        ours = as_material_shows(source_of(built, written).read_text(encoding="utf-8"))
        theirs = content_in_material_page(page.read_text(encoding="utf-8"), content_has_h1="<h1" in ours)
        mkdocs_terms += theirs.count('<a class="term"')
        our_terms += ours.count('<a class="term"')
        if ours != theirs:
            at = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
            differing.append(f"{built}: MkDocs {theirs[max(0, at - 80):at + 80]!r}\n  build_pages {ours[max(0, at - 80):at + 80]!r}")
    return differing, mkdocs_terms, our_terms


def test_every_page_without_mkdocs_has_the_content_mkdocs_gives_it(written, site):
    """A strict comparison: for every page MkDocs publishes, the HTML inside Material's article is
    the HTML build_pages.py --html writes for it, character for character, once what Material
    itself adds (edit button, a title for a page with no <h1>, the surrounding whitespace) is taken
    off its side and what its search plugin takes out (data-search-* attributes) off ours. So the
    text, the links between pages, the ids and the glossary links are all the same."""
    differing, mkdocs_terms, our_terms = differences(site.root, written)
    assert not differing, "\n".join(differing)
    assert mkdocs_terms == our_terms > 300


def test_the_comparison_sees_a_missing_glossary_pass(tmp_path, site, monkeypatch):
    """The comparison above can fail: without the core's glossary step every page with a term differs."""
    import recsite.build
    from build_pages import main

    monkeypatch.setattr(recsite.build, "explain_terms", lambda html, terms, url: html)
    assert main([str(tmp_path), "--site-url", site.url, "--html"]) == 0
    differing, mkdocs_terms, our_terms = differences(site.root, tmp_path)
    assert our_terms == 0 and mkdocs_terms > 300
    assert any(line.startswith("index.html: ") for line in differing)


def test_what_material_adds_to_the_article_is_taken_off_and_nothing_else():
    button = ('<a href="https://example.org/edit/main/docs/x.md" title="Edit this page" '
              'class="md-content__button md-icon" rel="edit"><svg><path d="M0"/></svg></a>')
    page = f'<main>{ARTICLE}\n  {button}\n  <h1>Title</h1>\n<p>Text</p>\n<article id="card"><p>A</p></article>\n  </article></main>'
    assert content_in_material_page(page, content_has_h1=False) == '<p>Text</p>\n<article id="card"><p>A</p></article>'
    # A page whose content has its own <h1>: Material adds none, so an <h1> there is the content's.
    own = f'{ARTICLE}<h1>Title</h1><p>Text</p></article>'
    assert content_in_material_page(own, content_has_h1=True) == "<h1>Title</h1><p>Text</p>"
    assert as_material_shows('<ul class="x" data-search-exclude="links"><li>a</li></ul>') == '<ul class="x"><li>a</li></ul>'


def test_link_terms_gives_a_site_the_glossary_links_mkdocs_gives_it_and_is_idempotent(tmp_path, site):
    """A site built without the hook's glossary step (here: MkDocs' site with every glossary link
    taken off) gets exactly the hook's links from scripts/link_terms.py; a second run changes nothing."""
    from link_terms import main
    from recsite.builtsite import term_links, unlink_terms

    copy = tmp_path / "site"
    shutil.copytree(site.root, copy)
    pages = sorted(path.relative_to(copy).as_posix() for path in copy.rglob("*.html"))
    removed = 0
    for page in pages:
        html = (copy / page).read_text(encoding="utf-8")
        removed += term_links(html)
        (copy / page).write_text(unlink_terms(html), encoding="utf-8")
    assert removed > 300 and not any(term_links((copy / page).read_text(encoding="utf-8")) for page in pages)

    assert main([str(copy)]) == 0
    for page in pages:
        assert (copy / page).read_bytes() == (site.root / page).read_bytes(), page

    assert main([str(copy)]) == 0
    for page in pages:
        assert (copy / page).read_bytes() == (site.root / page).read_bytes(), page


def test_the_pages_and_their_html_are_written_without_mkdocs_installed(written, site):
    """The core runs from a plain script, for a future generator that has no hooks: every page's
    Markdown and HTML, the downloads and the navigation sections that come from the data."""
    page = (written / "recommendations" / "partnership-links.md").read_text(encoding="utf-8")
    # Its heading is its first (a line printed only on paper, naming the site, comes before it).
    assert re.search(r"^# .*$", page, re.M).group() == "# Link social care, providers, schools and colleges {#recommendation}"
    assert f"{site.url}recommendations/partnership-links/" in page
    assert (written / "recommendations.csv").exists()
    # The hand-written pages too, their markers filled in: no words go missing on another engine.
    home = (written / "index.md").read_text(encoding="utf-8")
    assert "recsite:" not in home and "48 recommendations, 28 of them key" in home
    nav = json.loads((written / "nav.json").read_text(encoding="utf-8"))
    assert [path for _, path in nav["audiences/index.md"]] == [
        "audiences/national-organisations.md", "audiences/local-authorities-and-providers.md",
        "audiences/individuals-and-families.md"]
    home = (written / "index.html").read_text(encoding="utf-8")
    assert "recsite:" not in home and '<a class="term" href="glossary/#' in home
    # A link to another page's source is that page's address, as MkDocs writes it.
    assert '<a href="barriers/">four barriers</a>' in home
    about = (written / "about.html").read_text(encoding="utf-8")
    assert 'href="../recommendations/#downloads"' in about and "description:" not in about


def test_the_pages_written_without_mkdocs_are_the_pages_mkdocs_builds(written, site):
    """Every page MkDocs publishes has its source among build_pages.py's pages, and the reverse."""
    sources = {path.relative_to(written).as_posix().removesuffix(".md").removesuffix("index").rstrip("/")
               for path in written.rglob("*.md")}
    pages = [path.relative_to(site.root).as_posix() for path in site.root.rglob("index.html")]
    built = {page.removesuffix("index.html").rstrip("/") for page in pages if in_theme(page)}
    assert sources == built
    # The embed cards are files of the plan, not pages of the theme: written as they are published.
    cards = [page for page in pages if not in_theme(page)]
    assert cards and all((written / card).read_bytes() == (site.root / card).read_bytes() for card in cards)


def test_glossary_links_without_mkdocs_installed(tmp_path):
    """link_terms.py runs with `import mkdocs` made to fail."""
    # A tiny site from "another generator": the glossary page and one page without links.
    site = tmp_path / "built"
    (site / "glossary").mkdir(parents=True)
    (site / "glossary" / "index.html").write_text("<main><h1>Glossary</h1></main>", encoding="utf-8")
    (site / "about").mkdir()
    (site / "about" / "index.html").write_text(
        "<header>NDTi</header><main><p>Research by the NDTi about the NDTi.</p></main>", encoding="utf-8")
    linked = run_without_mkdocs("link_terms.py", str(site))
    assert linked.returncode == 0, linked.stderr
    assert "1 glossary links added on 1 pages" in linked.stdout
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    assert about.startswith("<header>NDTi</header><main><p>Research by the <a class=\"term\" href=\"../glossary/#ndti\"")
    assert about.count('class="term"') == 1
    again = run_without_mkdocs("link_terms.py", str(site))
    assert "0 glossary links added on 0 pages" in again.stdout
    assert (site / "about" / "index.html").read_text(encoding="utf-8") == about

