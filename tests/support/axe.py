"""axe-core (WCAG checks) in the browser tests: its script as shipped in a registry package, read from
disk (no CDN, no network), the rules run, and its findings in words."""

from __future__ import annotations

from pathlib import Path

from support.browser import TWO_FRAMES
from support.node import node_package

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_script() -> Path:
    """npm's axe-core, pinned in package.json, not a Python package's copy: those lag behind, and
    axe-core 4.14 runs the same rules in about a third less processor time than 4.12 (measured on
    40 of the site's pages: 21 against 29-34 seconds), which is most of the accessibility tests'."""
    return node_package("axe-core/axe.min.js")


def add_axe(page) -> None:
    """axe's script run in the page now. Not added as an inline <script> (Playwright's
    add_script_tag): the site's Content-Security-Policy refuses a script it has no hash for, and
    the tabs fail on that. A script evaluated by the browser's DevTools is not the page's."""
    page.evaluate(axe_script().read_text(encoding="utf-8"))


def axe_run(context: str = "document") -> str:
    """The script that runs axe (with AXE_TAGS as its argument) on `context`: the whole document, or
    axe's {include: [[selector]...]} or {exclude: [...]} (an include that matches nothing is skipped
    silently: a test that uses one checks first that its elements are there).
    Only violations are read, so axe is asked for nothing else (it skips collecting every passing node).

    axe reads colours as they are at that instant, so the script first lets the page settle: two
    frames for what the test just did to start its CSS transitions (Material swaps the header's
    title on the scroll event, a frame after the planner moves the focus down the page), then those
    transitions to end. Without this, a title half-way through its 0.15 s fade failed colour
    contrast whenever axe got there quickly (once in CI, the planner's import preview in dark).
    The wait is capped at 2 s (the site's longest transition is 0.5 s): a transition that never
    ends, or a page that draws no frames, gets axe as it stands rather than a test that hangs."""
    return ("async tags => {"
            " const settled = (async () => {"
            f" await ({TWO_FRAMES})();"
            " await Promise.all(document.getAnimations().filter(a => a instanceof CSSTransition)"
            ".map(a => a.finished.catch(() => null))); })();"
            " await Promise.race([settled, new Promise(done => setTimeout(done, 2000))]);"
            f" return axe.run({context}, {{runOnly: {{type: 'tag', values: tags}}, resultTypes: ['violations']}}); }}")


AXE_RUN = axe_run()


def described(address: str, result: dict) -> list[str]:
    """Each violation axe found on a page: the page, the rule, the element and what to fix."""
    return [f"/{address}: {violation['id']} ({violation['impact']}): "
            f"{' '.join(map(str, node['target']))} — {violation['help']}"
            for violation in result["violations"] for node in violation["nodes"]]
