"""scripts/external_links.py, the weekly external-links job: it checks only the http(s) links in
the pages' content that lead to other sites (not the sitemap, the 404 page or the site's own
address), proved offline by running linkchecker with the same settings but without fetching."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from external_links import external_links, link_page, linkchecker_command


@pytest.fixture(scope="module")
def links(site) -> dict[str, list[str]]:
    """The links the job would check, read once from the real site's pages for both tests."""
    return external_links(site.root)


def test_only_links_to_other_sites_from_page_content(site, links):
    assert links, "the evidence pages cite their sources"
    for url, pages in links.items():
        assert urlsplit(url).scheme in ("http", "https") and "#" not in url, url
        assert not url.startswith(site.url) and urlsplit(url).hostname not in ("127.0.0.1", "localhost"), url
        assert pages and all(page.endswith(".html") and page != "404.html" for page in pages), url
    # The site's own absolute links (permanent links, citations) are many, and none is listed.
    assert site.url + "recommendations/" in site.html("recommendations/employment-as-the-norm/")


def test_linkchecker_would_check_exactly_those_links(links):
    with tempfile.TemporaryDirectory() as folder:
        # linkchecker run as root drops to 'nobody', who must be able to read the list page.
        os.chmod(folder, 0o755)
        start = Path(folder) / "external-links.html"
        start.write_text(link_page(links), encoding="utf-8")
        start.chmod(0o644)
        command = [part for part in linkchecker_command(start, "--verbose", "--output", "csv")
                   if part != "--check-extern"]   # offline: the same run, fetching nothing
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    rows = list(csv.DictReader(io.StringIO("\n".join(line for line in result.stdout.splitlines()
                                                     if line and not line.startswith("#"))), delimiter=";"))
    checked = {row["urlname"] for row in rows if row["parentname"]}
    assert checked == set(links)
    assert all("outside of the domain filter" in row["infostring"] for row in rows if row["parentname"])
