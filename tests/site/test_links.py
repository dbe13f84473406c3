"""Every link and #anchor in the built site resolves, checked offline: pages and files by
linkchecker, #anchors by scripts/anchorcheck.py."""

from __future__ import annotations

import shutil
from pathlib import Path

from anchorcheck import missing_anchors
from localserver import linkcheck, served

def check_links(site_root: Path, url: str, home_only: bool = False) -> list[dict]:
    """linkchecker's warnings and errors for every page of the site (or the home page's links)."""
    status, problems = linkcheck(site_root, url, home_only)
    assert (status == 0) == (problems == []), problems
    return problems


def describe(rows: list[dict]) -> list[str]:
    return [f"{row['parentname']}: {row['urlname']}: {row['result']} {row['warningstring']}".strip()
            for row in rows]


def test_every_link_and_anchor_in_the_site_resolves(site):
    assert describe(check_links(site.root, site.url)) == []
    assert missing_anchors(site.root, site.url) == []


def test_the_link_check_finds_a_broken_link_and_a_missing_anchor(site, tmp_path):
    """Proof that the check above can fail: a page with one of each is reported. (A copy of the
    built site, served at its own address, with the two links added to its home page; linkchecker
    follows the home page's links only, a tenth of the time of the whole site.)"""
    site_dir = tmp_path / "broken-site"
    shutil.copytree(site.root, site_dir)
    index = site_dir / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "</article>", '<p><a href="no-such-page/">gone</a> <a href="key-recommendations/#no-such-anchor">lost</a></p>'
        "</article>", 1), encoding="utf-8")
    with served(site_dir) as url:
        found = describe(check_links(site_dir, url, home_only=True))
        anchors = missing_anchors(site_dir, url)
    assert len(found) == 1 and "no-such-page/" in found[0] and "404" in found[0], found
    assert anchors == ["index.html: key-recommendations/#no-such-anchor: anchor not found"]


def test_the_anchor_check_follows_relative_and_permanent_links(tmp_path):
    (tmp_path / "themes" / "x").mkdir(parents=True)
    (tmp_path / "themes" / "x" / "index.html").write_text(
        '<article id="a-card"></article><a href="#a-card">here</a><a href="#gone">here, lost</a>')
    (tmp_path / "index.html").write_text(
        '<a href="themes/x/#a-card">ok</a> <a href="https://example.org/themes/x/#a-card">ok</a> '
        '<a href="https://example.org/themes/x/#lost">lost</a> <a href="https://elsewhere.org/#x">other site</a>')
    assert missing_anchors(tmp_path, "https://example.org/") == [
        "index.html: https://example.org/themes/x/#lost: anchor not found",
        "themes/x/index.html: #gone: anchor not found",
    ]
