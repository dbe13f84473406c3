"""The offline check of every link in a built site, as tests/site/test_links.py and the benchmark
run it: linkchecker, the checker of record, for every page and file a link points to, and
scripts/anchorcheck.py for #anchors, over the site served by scripts/localserver.py.

linkchecker's time on a local site is its own Python (parsing each page with Beautiful Soup, an
object for each of the ~9,600 links, its HTTP client), not waiting, and its threads only take turns
holding the interpreter's lock (tests/linkcheckerrc). So the whole site is shared out between
linkchecker processes, one per processor (at most MAX_PROCESSES), and the anchors are read while
they start. developers/performance.md, "The link check", has the figures.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

from anchorcheck import missing_anchors

LINKCHECKER = Path(sys.executable).parent / "linkchecker"
LINKCHECKER_CONFIG = Path(__file__).resolve().parent.parent / "tests" / "linkcheckerrc"
# Measured on two processors. Each process more starts linkchecker again (0.4 s of processor time)
# and fetches again the files that pages of every share link to (the navigation's pages, the
# stylesheets and scripts): about a third more requests with two.
MAX_PROCESSES = 2


class SiteLinks(NamedTuple):
    status: int  # linkchecker's exit status (the worst of its processes): 0 when nothing was found
    problems: list[dict]  # linkchecker's rows (its CSV output) with a warning or an error
    missing_anchors: list[str]  # anchorcheck's 'page: link: anchor not found'


def parsed_urls(site_root: Path, url: str) -> list[tuple[str, int]]:
    """The address of every file of the site linkchecker reads links from (its pages, and its
    stylesheets' url()s), each with its weight: the tags in it ('<'), as linkchecker's time goes
    in parsing them and looking at each element. (By size, the share with Material's 130 KB
    stylesheet, which it reads quickly, got a tenth fewer tags and took a tenth longer.)"""
    files = sorted(site_root.rglob("*.html")) + sorted(site_root.rglob("*.css"))
    return [(url + file.relative_to(site_root).as_posix().removesuffix("index.html"), file.read_bytes().count(b"<"))
            for file in files]


def share_out(weighed: list[tuple[str, int]], shares: int) -> list[list[str]]:
    """The addresses in at most `shares` lists of about the same weight: heaviest first, each into
    the lightest list."""
    lists: list[list[str]] = [[] for _ in range(max(1, shares))]
    totals = [0] * len(lists)
    for address, weight in sorted(weighed, key=lambda item: (-item[1], item[0])):
        lightest = totals.index(min(totals))
        lists[lightest].append(address)
        totals[lightest] += weight
    return [addresses for addresses in lists if addresses]


def processors() -> int:
    """The processors this process may run on (a container's share, where the system says)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _linkchecker(start: list[str]) -> tuple[int, list[dict]]:
    """One linkchecker process: its exit status, and its rows with a warning or an error."""
    result = subprocess.run([str(LINKCHECKER), "--config", str(LINKCHECKER_CONFIG), "--no-status", "--output",
                             "csv", *start], capture_output=True, text=True, timeout=600)
    lines = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    rows = list(csv.DictReader(io.StringIO("\n".join(lines)), delimiter=";"))
    return result.returncode, [row for row in rows if row["warningstring"] or row["valid"] != "True"]


def linkcheck(site_root: Path, url: str, home_only: bool = False,
              processes: int | None = None) -> tuple[int, list[dict]]:
    """linkchecker over the site served at `url` (external links are not fetched: see
    tests/linkcheckerrc): its exit status and its rows with a warning or an error. `home_only`:
    the home page's links alone (the test that the check can fail needs no more).

    The whole site: each process is given a share of the pages and stylesheets, reads each of
    them and checks every link in it (--recursion-level=1: a page it finds a link to is fetched,
    as any link is, but read by the process whose share it is in). So every link of every page
    and stylesheet is checked, by the process that reads it; a broken one linked from pages of
    two shares is reported by both."""
    if home_only:
        starts = [[url, "--recursion-level=1"]]
    else:
        shares = share_out(parsed_urls(site_root, url), processes or min(processors(), MAX_PROCESSES))
        starts = [["--recursion-level=1", *share] for share in shares]
    # The threads only wait for their processes (the server's threads answer them).
    with ThreadPoolExecutor(len(starts)) as pool:
        results = list(pool.map(_linkchecker, starts))
    return max(status for status, _ in results), [row for _, rows in results for row in rows]


def check_site(site_root: Path, url: str, processes: int | None = None) -> SiteLinks:
    """Every link and #anchor of the built site `site_root`, served at `url` (the address it was
    built for: its permanent links are absolute)."""
    with ThreadPoolExecutor(1) as pool:
        links = pool.submit(linkcheck, site_root, url, processes=processes)
        # Read while linkchecker starts (its imports, about 0.4 s, ask nothing of the server).
        anchors = missing_anchors(site_root, url)
        status, problems = links.result()
    return SiteLinks(status, problems, anchors)
