"""The benchmark's measurements in Chromium of the built site as a reader gets it: what a first
visit downloads, and how stable and how quick each kind of page is on a phone.

    first_visit(browser, url)            everything a first visit to `url` downloads
    page_types(site_dir)                 one page of each kind: {name: address relative to the site}
    layout_and_paint(browser, url, ...)  layout shift (CLS) and largest contentful paint (LCP)

Layout and paint are measured as on a slow phone: a 390×844 viewport, an empty cache and the CPU
slowed four times (Chrome DevTools Protocol, Emulation.setCPUThrottlingRate). Layout shift is the
sum of every shift not caused by the reader's input (PerformanceObserver 'layout-shift', buffered),
from the start of the page until it has been quiet for a moment; LCP is the last
'largest-contentful-paint' entry's time. The figures are reported with budgets, never asserted.
"""

from __future__ import annotations

import gzip
import statistics
from pathlib import Path
from urllib.parse import urlsplit

VIEWPORT = {"width": 390, "height": 844}
CPU_SLOWDOWN = 4
SETTLE_MS = 1500  # after the network is idle: late shifts (scripts, filters) still count

# Registered before any of the page's own scripts run. Each shift keeps the elements that moved,
# described as a selector, so that a shift can be traced to its cause.
_OBSERVE = """(() => {
  const describe = node => {
    if (!node || node.nodeType !== 1) return node && node.nodeName ? node.nodeName.toLowerCase() : "";
    let text = node.localName;
    if (node.id) text += "#" + node.id;
    for (const name of Array.from(node.classList).slice(0, 2)) text += "." + name;
    return text;
  };
  const record = window.__recsiteLayout = {cls: 0, shifts: [], lcp: 0, lcpElement: ""};
  new PerformanceObserver(list => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      record.cls += entry.value;
      record.shifts.push({at: Math.round(entry.startTime), value: entry.value,
                          moved: (entry.sources || []).map(source => describe(source.node))});
    }
  }).observe({type: "layout-shift", buffered: true});
  new PerformanceObserver(list => {
    const entries = list.getEntries();
    const last = entries[entries.length - 1];
    record.lcp = last.renderTime || last.startTime;
    record.lcpElement = describe(last.element);
  }).observe({type: "largest-contentful-paint", buffered: true});
})()"""


def first_visit(browser, url: str) -> dict:
    """Everything a first visit to `url` downloads (empty cache), uncompressed and gzipped."""
    context = browser.new_context()
    page = context.new_page()
    bodies: dict[str, bytes] = {}

    def keep(response):
        try:
            bodies[response.url] = response.body()
        except Exception:  # a redirect or an aborted request has no body
            pass

    page.on("response", keep)
    page.goto(url, wait_until="networkidle")
    context.close()
    raw = sum(len(body) for body in bodies.values())
    zipped = sum(len(gzip.compress(body, 6)) for body in bodies.values())
    return {"requests": len(bodies), "bytes": raw, "gzip_bytes": zipped,
            "files": {urlsplit(name).path: len(body) for name, body in bodies.items()},
            "gzip_files": {urlsplit(name).path: len(gzip.compress(body, 6)) for name, body in bodies.items()}}


def _first_page_in(site_dir: Path, folder: str) -> str:
    """The first page (by address) in a folder of generated pages, e.g. one audience's."""
    pages = sorted(path.parent.name for path in (site_dir / folder).glob("*/index.html"))
    if not pages:
        raise SystemExit(f"[bench] the built site has no page in {folder}/")
    return f"{folder}/{pages[0]}/"


def page_types(site_dir: Path) -> dict[str, str]:
    """One page of each kind the site has, by name: {name: address relative to the site root}."""
    audience = _first_page_in(site_dir, "audiences")
    return {
        "home": "",
        "about": "about/",
        "all recommendations": "recommendations/",
        "all recommendations, filtered": f"recommendations/?audience={audience.split('/')[1]}",
        "key recommendations": "key-recommendations/",
        "audience": audience,
        "theme": _first_page_in(site_dir, "themes"),
        "barrier": _first_page_in(site_dir, "barriers"),
        "evidence": _first_page_in(site_dir, "evidence"),
        "recommendation": _first_page_in(site_dir, "recommendations"),
        "glossary": "glossary/",
        "planner": "planner/",
    }


def _one_load(browser, address: str) -> dict:
    context = browser.new_context(viewport=VIEWPORT)  # a new context: an empty cache
    try:
        page = context.new_page()
        page.add_init_script(_OBSERVE)
        context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(address, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(SETTLE_MS)
        return page.evaluate("window.__recsiteLayout")
    finally:
        context.close()


def layout_and_paint(browser, url: str, pages: dict[str, str], runs: int = 3) -> dict[str, dict]:
    """Each page of `pages` (name: address under `url`) loaded `runs` times: its largest layout
    shift total (the worst run's), its median LCP in ms, and what moved and what was painted."""
    results: dict[str, dict] = {}
    for name, address in pages.items():
        loads = [_one_load(browser, url + address) for _ in range(runs)]
        worst = max(loads, key=lambda load: load["cls"])
        results[name] = {"address": address, "cls": worst["cls"], "cls_runs": [load["cls"] for load in loads],
                         "shifts": worst["shifts"], "lcp_ms": statistics.median(load["lcp"] for load in loads),
                         "lcp_runs_ms": [load["lcp"] for load in loads], "lcp_element": loads[-1]["lcpElement"]}
    return results


def worst(results: dict[str, dict], key: str) -> tuple[str, dict]:
    """The page name and figures of the page with the highest `key` ('cls' or 'lcp_ms')."""
    return max(results.items(), key=lambda item: item[1][key])


def with_chromium(action):
    """`action(browser)` with Debian's Chromium launched for it, and closed after."""
    from playwright.sync_api import sync_playwright

    import chromium

    with sync_playwright() as playwright:
        browser = chromium.launch(playwright.chromium)
        try:
            return action(browser)
        finally:
            browser.close()


if __name__ == "__main__":
    # A quick look without the whole benchmark: python3 scripts/bench_browser.py SITE_DIR
    # (a site built for any address; it is served here on a free port).
    import json
    import sys

    from localserver import served

    site = Path(sys.argv[1])
    with served(site) as address:
        found = with_chromium(lambda browser: {
            "first_visit": first_visit(browser, address + "recommendations/"),
            "layout": layout_and_paint(browser, address, page_types(site), runs=1)})
    print(json.dumps(found, indent=2))
