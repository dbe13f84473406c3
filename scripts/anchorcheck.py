"""Check every #anchor link of a built site against the ids of the page it points to, offline.

linkchecker checks that every page and file a link points to exists. Its own anchor check fetches
and parses a page again for every different #anchor linked to it (hundreds of times on this site),
so anchors are checked here instead: each page is read once.

    python3 scripts/anchorcheck.py SITE_DIR [--site-url URL]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

LOCAL = "http://site.invalid/"  # a stand-in address for resolving relative links
# Fragments that carry state for a page's script rather than name an element: the planner's share
# links (docs/javascripts/lib/share.js), which an audience page links to with its key recommendations.
PAGE_STATE = ("share=",)


# Read with regular expressions rather than Python's HTML parser (four times slower): start tags and
# their attributes, never inside comments or the text of scripts and styles (as the HTML parser reads them).
_HIDDEN = re.compile(r"<!--.*?-->|(<(script|style)\b[^>]*>).*?</\2\s*>", re.DOTALL | re.IGNORECASE)
_START_TAG = re.compile(r"""<([a-zA-Z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(r"""([^\s=/>][^\s=/>]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


class _Page:
    def __init__(self):
        self.ids: Counter[str] = Counter()  # each id (or <a name>) and how many elements have it
        self.links: list[str] = []

    def feed(self, html: str) -> None:
        for tag in _START_TAG.finditer(_HIDDEN.sub(lambda hidden: hidden.group(1) or "", html)):
            name, values = tag.group(1).lower(), {}
            for attribute in _ATTRIBUTE.finditer(tag.group(2)):
                key = attribute.group(1).lower()
                if key not in values:  # the first of a repeated attribute, as the HTML parser keeps it
                    values[key] = unescape(next((v for v in attribute.group(2, 3, 4) if v is not None), ""))
            if values.get("id"):
                self.ids[values["id"]] += 1
            if name == "a" and values.get("name"):
                self.ids[values["name"]] += 1
            if name == "a" and values.get("href") and "#" in values["href"]:
                self.links.append(values["href"])


def _address(site_root: Path, page: Path) -> str:
    relative = page.relative_to(site_root).as_posix()
    return LOCAL + relative.removesuffix("index.html")


def target_file(site_root: Path, path: str) -> Path:
    """The built file an address's path leads to ('x/' and '' are folders: their index.html)."""
    target = site_root / unquote(path.lstrip("/"))
    return target / "index.html" if path.endswith("/") or path == "" else target


def missing_anchors(site_root: Path, site_url: str | None = None) -> list[str]:
    """'page: link' for every link to an #anchor that is not on the page it points to."""
    pages: dict[Path, _Page] = {}
    for path in sorted(site_root.rglob("*.html")):
        parser = _Page()
        parser.feed(path.read_text(encoding="utf-8"))
        pages[path] = parser
    problems = []
    for path, parser in pages.items():
        here = _address(site_root, path)
        for href in parser.links:
            written = href
            if site_url and href.startswith(site_url):  # the site's own absolute (permanent) links
                href = LOCAL + href[len(site_url):]
            target = urlsplit(urljoin(here, href))
            if f"{target.scheme}://{target.netloc}/" != LOCAL or not target.fragment:
                continue  # another site (checked separately), or a bare '#'
            if target.fragment.startswith(PAGE_STATE):
                continue  # what the page's script reads (the planner's #share=…), not an element
            file = target_file(site_root, target.path)
            ids = pages[file].ids if file in pages else None
            if ids is not None and unquote(target.fragment) not in ids:
                problems.append(f"{path.relative_to(site_root).as_posix()}: {written}: anchor not found")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the #anchor links of a built site.")
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--site-url", help="the address the site was built for (its absolute links)")
    options = parser.parse_args(argv)
    problems = missing_anchors(options.site_dir, options.site_url)
    print("\n".join(problems) or "every #anchor link resolves")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
