"""Write the site's pages and downloads to a folder, without MkDocs.

The same core the MkDocs hook uses; this is how the pages can be produced for another static site
generator (Material for MkDocs is in maintenance until May 2027 and its successor runs no hooks):
every generated page, every hand-written page of docs/ with its <!-- recsite:NAME --> markers
filled in (so no words go missing), the downloads, and nav.json, the navigation sections whose
pages come from the data (audiences, themes, evidence, barriers).

    python3 scripts/build_pages.py OUT_DIR [--site-url URL] [--html]

With --html, each page's content is also written as HTML beside its Markdown (about.md and
about.html): the HTML a reader gets inside the theme's page, the same as MkDocs makes (a test
compares every page), with the glossary links in it and links between pages already turned into
addresses. It is converted by recsite/convert.py with Python-Markdown and the extensions mkdocs.yml
lists; another generator can put it in its own page template as it is. A generator that converts
the Markdown itself needs those extensions (attr_list, md_in_html, admonition, toc) and gets the
glossary links by running scripts/link_terms.py over the site it built.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import _core  # noqa: F401  (puts hooks/ on sys.path)
from recsite.build import Build
from recsite.convert import Converter
from recsite.problems import DataError
from recsite.shortcodes import UnknownMarker, expand_markers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the pages made from data/ and docs/ to a folder.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--site-url", default="http://127.0.0.1:8000/")
    parser.add_argument("--project", type=Path, default=_core.ROOT, help="the folder with data/ and docs/")
    parser.add_argument("--html", action="store_true",
                        help="also write each page's content as HTML beside its Markdown (page.md, page.html)")
    options = parser.parse_args(argv)
    try:
        build = Build.start(options.project, options.site_url)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    pages = dict(build.plan.markdown)
    sources = dict(pages)  # each page's Markdown as MkDocs reads it
    docs = options.project / "docs"
    try:
        for source in sorted(docs.rglob("*.md")):
            path = source.relative_to(docs).as_posix()
            sources[path] = source.read_text(encoding="utf-8-sig")
            pages[path] = expand_markers(source.read_text(encoding="utf-8"), path,
                                         lambda name, path=path: build.snippet(name, path))
        html = {}
        if options.html:
            converter = Converter.for_project(options.project, build)
            html = {path.removesuffix(".md") + ".html": converter.page(build, path, text)
                    for path, text in sources.items()}
    except UnknownMarker as error:
        print(error, file=sys.stderr)
        return 1
    files = {**pages, **html, **build.plan.files,
             "nav.json": json.dumps(build.plan.sections, indent=2, ensure_ascii=False) + "\n"}
    for path, content in files.items():
        target = options.out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    as_html = " (and their content as HTML)" if html else ""
    print(f"wrote {len(pages)} pages{as_html}, {len(build.plan.files)} other files (downloads, the planner's rules module) and nav.json to {options.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
