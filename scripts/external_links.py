"""Check the links to other sites, and only those: the weekly job in .github/workflows/external-links.yml.

Running linkchecker over the whole built site with --check-extern also checked sitemap.xml, the
404 page and the site's own permanent links (built for the local address), and reported about a
hundred false errors. This collects the http(s) links in the pages' content (`<article>`) that lead
off the site, writes them into one page, and has linkchecker check that page's links.

    .venv/bin/python scripts/external_links.py site               # check them (needs the internet)
    .venv/bin/python scripts/external_links.py site --list        # only list them, offline

Exit status: linkchecker's (0 when every link works), or 0 after --list.
"""

from __future__ import annotations

import argparse
import html
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "tests" / "linkcheckerrc"
LINKCHECKER = Path(sys.executable).parent / "linkchecker"
# Pages that are not content: the sitemap is XML and the 404 page's links are all the site's own.
SKIPPED = {"404.html"}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}


def site_address(site_root: Path) -> str:
    """The address the site was built for: the canonical link of its home page."""
    soup = BeautifulSoup((site_root / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.head.find("link", rel="canonical")["href"]


def external_links(site_root: Path) -> dict[str, list[str]]:
    """{external URL: the pages (site paths) that link to it}, in URL order."""
    own = site_address(site_root)
    found: dict[str, list[str]] = {}
    for page in sorted(site_root.rglob("*.html")):
        name = page.relative_to(site_root).as_posix()
        if name in SKIPPED:
            continue
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        if article is None:
            continue
        for anchor in article.find_all("a", href=True):
            url = anchor["href"].strip()
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or url.startswith(own) or parts.hostname in LOCAL_HOSTS:
                continue
            url = url.split("#", 1)[0]
            if name not in found.setdefault(url, []):
                found[url].append(name)
    return dict(sorted(found.items()))


def link_page(links: dict[str, list[str]]) -> str:
    """One HTML page linking every external URL once, for linkchecker to start from."""
    items = "\n".join(f'<li><a href="{html.escape(url)}">{html.escape(url)}</a> (from {html.escape(", ".join(pages))})</li>'
                      for url, pages in links.items())
    return f"<!doctype html>\n<title>External links</title>\n<ul>\n{items}\n</ul>\n"


def linkchecker_command(start: Path, *extra: str) -> list[str]:
    """linkchecker from the list page, with the tests' settings, fetching the external links: with
    four threads (the settings have none), as here the time goes in waiting for other sites."""
    return [str(LINKCHECKER), "--config", str(CONFIG), "--check-extern", "--threads", "4", "--no-status",
            *extra, start.as_uri()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the built site's links to other sites.")
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--list", action="store_true", help="only list the external links (offline)")
    options = parser.parse_args(argv)
    links = external_links(options.site_dir)
    if options.list:
        for url, pages in links.items():
            print(f"{url}\t{' '.join(pages)}")
        return 0
    with tempfile.TemporaryDirectory() as folder:
        os.chmod(folder, 0o755)   # linkchecker started as root reads files as 'nobody'
        start = Path(folder) / "external-links.html"
        start.write_text(link_page(links), encoding="utf-8")
        start.chmod(0o644)
        print(f"checking {len(links)} external links", flush=True)
        return subprocess.call(linkchecker_command(start))


if __name__ == "__main__":
    sys.exit(main())
