"""Lighthouse's accessibility score is 100 on the pages readers start from: the home page, a
recommendation, the list of recommendations (as it is and filtered by its address) and the planner,
on a phone, and the list on a desktop screen too (issue 28's "Done when").

Lighthouse's accessibility category is axe-core's rules (test_accessibility.py runs them on every
page) read the way Lighthouse reads them, with some of its own (touch target sizes, for one) and
each rule weighted into a score: what a council's web team or an auditor measures the site with.
One Lighthouse process reads every page in one browser, the tests' own Chromium (tests/lighthouse.mjs),
and this module's tests share that run (one worker, `xdist_group`)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
from pathlib import Path

import pytest

import browsers
from chromium import CHROMIUM_ARGS
from support.browser import TEST_JS_FLAGS
from support.node import node, node_package
from localserver import served

pytestmark = [pytest.mark.browser, pytest.mark.early, pytest.mark.xdist_group("lighthouse")]

RUNNER = Path(__file__).resolve().parent.parent / "lighthouse.mjs"
# Lighthouse reads a phone unless told otherwise (as PageSpeed Insights' first tab), so every page
# is read on a phone. On a phone the list's filters are in a closed panel, which axe leaves out (a
# hidden control is no one's problem), so the list is also read on a wide screen, where they are
# open. The dark scheme is not read here: Lighthouse's only colour audit is axe's contrast rule,
# which test_accessibility.py runs on every kind of page in both schemes (and on the planner's
# states in test_planner_a11y.py); reading it dark too doubled this module's time for no new audit.
PHONE, DESKTOP = ("mobile", "light"), ("desktop", "light")
# The pages, and for the list what its count says when it was read: that the script had drawn it,
# with the address's filter applied.
PAGES = {
    "": None,
    "recommendations/ask-about-pb-management-support/": None,
    "recommendations/": "Showing all 48 recommendations",
    "recommendations/?audience=individuals-and-families": "Showing 7 of 48 recommendations",
    "planner/": None,
}
READINGS = [(page, *PHONE) for page in PAGES] + [(page, *DESKTOP) for page in PAGES if PAGES[page]]
COUNT = "#rec-count"
# The eight readings took about 40 s on two processors shared with other work (each about 3 s alone,
# a second of which is Lighthouse timing the processor); the limit is for a machine busy with the suite.
TIMEOUT_S = 300

# A page with what Lighthouse must find: an image without alt text, a field without a label, a
# button without a name, pale text.
FAULTY_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>Faulty</title></head>
<body><main><h1>Faulty</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40" id="no-alt">
<p><input type="text" id="no-label"></p>
<p><button type="button" id="no-name"></button></p>
<p style="color: #ccc; background: #fff">Hard to read</p>
</main></body></html>
"""


def run_lighthouse(pages: list[dict]) -> list[dict]:
    """tests/lighthouse.mjs on `pages` ({"url", "scheme", "device", "probe"}), in Debian's Chromium headless
    shell with the tests' flags; its results in the same order."""
    node_package("lighthouse/package.json")
    if not browsers.CHROMIUM_SHELL.path.exists():
        pytest.fail(browsers.CHROMIUM_SHELL.how_to_install())
    request = json.dumps({"pages": pages, "args": [*CHROMIUM_ARGS, *TEST_JS_FLAGS]})
    # In a session of its own, so that a run that hangs is stopped with its browser.
    process = subprocess.Popen([node("Lighthouse cannot run"), str(RUNNER), request], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True,
                               env={**os.environ, "CHROME_PATH": str(browsers.CHROMIUM_SHELL.path)})
    try:
        out, err = process.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"Lighthouse did not finish {len(pages)} pages in {TIMEOUT_S} s")
    assert process.returncode == 0, f"Lighthouse failed (exit status {process.returncode}):\n{err}"
    return json.loads(out)


def described(result: dict) -> list[str]:
    """Each audit that failed on a page: the audit's id and title, then each element it failed on
    (its selector and start tag, and what is wrong with it)."""
    lines = []
    for failure in result["failures"]:
        lines.append(f"{result['url']} ({result['device']}, {result['scheme']}): {failure['id']}: {failure['title']}")
        for node in failure["nodes"]:
            lines.append(f"    {node['selector']}  {node['snippet']}")
            if node["explanation"]:
                lines.append("      " + " ".join(node["explanation"].split()))
    return lines


@pytest.fixture(scope="module")
def lighthouse(site, tmp_path_factory) -> dict[tuple[str, str, str], dict]:
    """Lighthouse's results by (page, device, scheme): the site's READINGS, and
    ("faulty", "desktop", "light"), the faulty page served the same way; all in one run."""
    faulty = tmp_path_factory.mktemp("faulty")
    (faulty / "index.html").write_text(FAULTY_PAGE, encoding="utf-8")
    with served(faulty) as faulty_url:
        asked = [("faulty", "desktop", "light", faulty_url, None)]
        asked += [(page, device, scheme, site.url + page, COUNT if PAGES[page] else None)
                  for page, device, scheme in READINGS]
        results = run_lighthouse([{"url": url, "device": device, "scheme": scheme, "probe": probe}
                                  for _, device, scheme, url, probe in asked])
    return {view[:3]: result for view, result in zip(asked, results, strict=True)}


def test_lighthouse_as_run_here_finds_what_a_faulty_page_gets_wrong(lighthouse):
    """The scores below are 100 because the pages pass, not because Lighthouse read nothing: on a
    page with an unlabelled image, field and button and pale text, the same run fails those audits
    and names the elements."""
    result = lighthouse["faulty", "desktop", "light"]
    assert result["runtimeError"] is None, result["runtimeError"]
    assert result["score"] < 0.9, result["score"]
    report = "\n".join(described(result))
    assert {"image-alt", "label", "button-name", "color-contrast"} <= {f["id"] for f in result["failures"]}, report
    # Each failure names its elements, so that whoever reads it can find them.
    assert "image-alt: Image elements do not have `[alt]` attributes\n    body > main > img#no-alt  <img " in report, report
    assert "input#no-label" in report, report


@pytest.mark.parametrize(("page", "device", "scheme"), READINGS,
                         ids=[f"{page or 'home'}-{device}" for page, device, _ in READINGS])
def test_lighthouse_accessibility_score_is_100(lighthouse, page, device, scheme):
    result = lighthouse[page, device, scheme]
    assert result["runtimeError"] is None, f"Lighthouse could not read /{page}: {result['runtimeError']}"
    # Read as meant: in this scheme, at this address, with the filter in the address applied.
    assert (result["readIn"], result["address"]) == (scheme, result["url"])
    if PAGES[page]:
        assert result["probe"] == PAGES[page]
    # The browser asked for nothing beyond the site (the tests have no internet, and neither do some readers).
    assert not result["elsewhere"], result["elsewhere"]
    assert result["score"] == 1, (f"{result['version']}: accessibility {round(result['score'] * 100)} on /{page} "
                                  f"({device}, {scheme}):\n"
                                  + "\n".join(described(result)))
