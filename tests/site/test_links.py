"""Every link and #anchor in the built site resolves, checked offline: pages and files by
linkchecker, #anchors by scripts/anchorcheck.py (scripts/sitelinks.py runs both)."""

from __future__ import annotations

import shutil
from pathlib import Path

from anchorcheck import missing_anchors
from localserver import served
from sitelinks import check_site, linkcheck, parsed_urls, share_out

def check_links(site_root: Path, url: str, home_only: bool = False) -> list[dict]:
    """linkchecker's warnings and errors for every page of the site (or the home page's links)."""
    status, problems = linkcheck(site_root, url, home_only)
    assert (status == 0) == (problems == []), problems
    return problems


def describe(rows: list[dict]) -> list[str]:
    return [f"{row['parentname']}: {row['urlname']}: {row['result']} {row['warningstring']}".strip()
            for row in rows]


def test_every_link_and_anchor_in_the_site_resolves(site):
    found = check_site(site.root, site.url)
    assert describe(found.problems) == [] and found.status == 0
    assert found.missing_anchors == []


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


def test_shared_out_between_linkchecker_processes_every_page_and_stylesheet_is_still_read(tmp_path):
    """The whole-site check gives each linkchecker process a share of the pages and stylesheets:
    a broken link in any of them is still found, and so is a link to a folder with no index.html
    (which Python's server would have listed, and GitHub Pages answers 404)."""
    (tmp_path / "a").mkdir()
    (tmp_path / "no-page").mkdir()
    (tmp_path / "no-page" / "cite.ris").write_text("TY  - RPRT\n")
    (tmp_path / "index.html").write_text('<link rel="stylesheet" href="site.css"><a href="a/">a</a> '
                                         '<a href="gone-from-home/">x</a> <a href="no-page/">x</a>')
    (tmp_path / "a" / "index.html").write_text('<a href="../">home</a> <a href="../gone-from-a.json">x</a>')
    (tmp_path / "site.css").write_text('body { background: url("gone-from-css.png"); }')
    with served(tmp_path) as url:
        shares = share_out(parsed_urls(tmp_path, url), 2)
        status, problems = linkcheck(tmp_path, url, processes=2)
    assert len(shares) == 2, shares
    assert status == 1
    assert sorted(row["urlname"] for row in problems) == [
        "../gone-from-a.json", "gone-from-css.png", "gone-from-home/", "no-page/"], describe(problems)
    assert all(row["result"].startswith("404") for row in problems), describe(problems)


def test_each_page_is_in_one_share_and_the_shares_weigh_about_the_same():
    sized = [(f"page-{n}/", size) for n, size in enumerate([90, 10, 40, 30, 30, 20, 5, 5])]
    shares = share_out(sized, 2)
    assert sorted(address for share in shares for address in share) == sorted(address for address, _ in sized)
    weight = dict(sized)
    assert [sum(weight[address] for address in share) for share in shares] == [115, 115]
    assert share_out(sized[:1], 2) == [["page-0/"]]  # no process without a page
