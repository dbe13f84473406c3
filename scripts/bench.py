"""Measure what the site costs: build time, scale, data and link checks, page weight, filtering,
a data edit's wait under `serve`, and a newcomer's wait for a fresh clone's first page.

    python3 scripts/dev.py bench             # print the table; figures in benchmarks/latest.json
    python3 scripts/dev.py bench --record    # also write benchmarks/results.json and the table
                                             # in developers/performance.md
    python3 scripts/dev.py bench --only first-serve   # one part alone (not recorded)
    python3 scripts/dev.py bench --only serve-edit    # a data edit under `mkdocs serve`
    python3 scripts/dev.py bench --only link-check    # the real site's link check (--runs times)

Figures are reported against the budgets below, never asserted: timings depend on the machine.
Synthetic data (500 and 5,000 recommendations) is generated into a temporary folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import posixpath
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

import _core
import bench_browser
import bench_first_serve
import bench_serve_edit
import benchtable
import chromium
import synthetic
from localserver import served
from recsite.convert import mkdocs_settings
from sitelinks import check_site

ROOT = _core.ROOT
PYTHON = sys.executable
ALL_RECOMMENDATIONS = "recommendations/index.html"
LATEST = ROOT / "benchmarks" / "latest.json"
RECORDED = ROOT / "benchmarks" / "results.json"


@dataclass
class Figure:
    key: str
    label: str
    value: float
    unit: str
    budget: float | None = None  # the most `value` may be
    note: str = ""

    @property
    def met(self) -> bool | None:
        return None if self.budget is None else self.value <= self.budget


def say(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


# --- running things ----------------------------------------------------------------------------

def run_measured(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Run `command`; return its wall time in seconds and its peak memory in MB. Fails loudly."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})},
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"[bench] {' '.join(command)} failed:\n{stderr.decode(errors='replace')}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KB on Linux


def build_once(project: Path, site_dir: Path, site_url: str = "") -> tuple[float, float]:
    """A strict build of `project`, as `python3 scripts/dev.py build` makes it: seconds, peak MB.

    Each build has an empty temporary folder of its own, so it compiles its templates as a build in
    CI or in a fresh clone does: the core keeps compiled templates in the temporary folder
    (recsite/render.py), and a build of the real site timed with the last build's was 1.2-1.3 s (about
    a third) faster here, an edge the baselines, which keep none, never have."""
    with tempfile.TemporaryDirectory(prefix="recsite-bench-tmp-") as temporary:
        env = {**_core.QUIET_MKDOCS, **({"SITE_URL": site_url} if site_url else {}), "TMPDIR": temporary}
        return run_measured([PYTHON, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
                            project, env)


def builds(jobs: dict[str, tuple[Path, Path, str]], runs: int) -> dict[str, dict]:
    """Each (project, site_dir, site_url) built `runs` times, taking turns, so that a slow spell of
    a shared machine falls on every build alike rather than on one of them."""
    times: dict[str, list[float]] = {name: [] for name in jobs}
    peaks: dict[str, list[float]] = {name: [] for name in jobs}
    for _ in range(runs):
        for name, (project, site_dir, site_url) in jobs.items():
            seconds, peak = build_once(project, site_dir, site_url)
            times[name].append(seconds)
            peaks[name].append(peak)
    return {name: {"median_s": statistics.median(times[name]), "runs_s": times[name], "peak_mb": max(peaks[name])}
            for name in jobs}


def theme_pages(site_dir: Path) -> int:
    """How many pages of a built site the theme made: those in its sitemap, and 404.html. The
    embed cards (recommendations/*/embed/index.html) are HTML files the core writes whole, which
    MkDocs only copies; counting them as pages gave the bare baseline twice the pages at 5,000
    recommendations (10,042 for 5,042), and the build a ratio it had not earned."""
    return len(re.findall(r"<loc>", (site_dir / "sitemap.xml").read_text(encoding="utf-8"))) + 1


def bare_project(project: Path, pages: int, in_nav: int) -> tuple[Path, Path, str]:
    """A bare Material site with as many pages (Material adds 404.html itself), ready to build."""
    return synthetic.write_bare_project(project, pages - 1, in_nav), project / "site", ""


def theme_only_project(source: Path, project: Path) -> tuple[Path, Path, str]:
    """The pages of the site at `source` for Material alone, no hook (synthetic.py), ready to build."""
    return synthetic.write_theme_only_project(source, project, PYTHON), project / "site", ""


def data_check(data_dir: Path, runs: int) -> float:
    """Median wall time of the editors' check command (Python start-up included)."""
    return statistics.median(
        run_measured([PYTHON, str(ROOT / "scripts" / "check_data.py"), str(data_dir)], ROOT)[0]
        for _ in range(runs))


def link_check(site_dir: Path, url: str) -> tuple[float, int]:
    """The same offline check as tests/site/test_links.py (`sitelinks.check_site`: linkchecker for
    pages and files, anchorcheck for #anchors): seconds, and problems found."""
    started = time.perf_counter()
    found = check_site(site_dir, url)
    elapsed = time.perf_counter() - started
    return elapsed, len(found.problems) + len(found.missing_anchors)


def link_checks(site_dir: Path, url: str, runs: int) -> tuple[float, int, list[float]]:
    """`runs` link checks: the median seconds, the most problems one found, every run's seconds."""
    timed = [link_check(site_dir, url) for _ in range(runs)]
    return statistics.median(seconds for seconds, _ in timed), max(found for _, found in timed), \
        [seconds for seconds, _ in timed]


def link_check_figures(runs: int) -> tuple[list[Figure], dict]:
    """The link check alone: the real site built once for its served address, then checked."""
    with tempfile.TemporaryDirectory(prefix="recsite-bench-") as work:
        site_dir = Path(work) / "real-site"
        site_dir.mkdir()
        with served(site_dir) as url:
            say("building the real site")
            build_once(ROOT, site_dir, url)
            say(f"checking the real site's links {runs} times")
            seconds, problems, each = link_checks(site_dir, url, runs)
    return [Figure("link_check_s", f"Link check, real site (median of {runs})", seconds, "s", 5,
                   f"{problems} problems" if problems else "")], {"link_check_runs_s": each}


# --- page weight and filtering, in Chromium (first visit, layout and paint: bench_browser.py) ---

def html_weights(site_dir: Path) -> dict[str, int]:
    """Bytes of every HTML page, heaviest first."""
    sizes = {str(page.relative_to(site_dir).as_posix()): page.stat().st_size for page in site_dir.rglob("*.html")}
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))


# Change one filter, then force style and layout: the list as the reader will see it.
_FILTER_CHANGE = """([name, value]) => {
  const form = document.getElementById("filters");
  // A list choice (a select's change event), or one key typed in the word box (its input event).
  const control = form.elements[name];
  const cards = Array.from(document.querySelectorAll("#results .rec-card"));
  // What a reader sees: the cards shown and the count above them.
  const shown = () => cards.filter(card => !card.hidden).map(card => card.id).join(" ") +
    document.getElementById("rec-count").textContent;
  const before = shown();
  const start = performance.now();
  control.value = value;
  control.dispatchEvent(new Event(name === "words" ? "input" : "change", {bubbles: true}));
  document.getElementById("results").getBoundingClientRect();
  const elapsed = performance.now() - start;
  return {elapsed, changed: shown() !== before};
}"""

# Typed one key at a time into the word box, then deleted the same way.
_TYPED = ("direct payment", "employment support")


def filter_changes(browser, url: str, rounds: int = 3) -> dict:
    """Median time of a filter change on the all-recommendations page at `url`: choosing in a list,
    and each key typed in the word box (the count waits for a pause in typing: not timed)."""
    page = browser.new_page()
    page.goto(url, wait_until="load")
    page.wait_for_selector("#filters[data-ready]")
    options = page.evaluate("""() => ["audience", "theme", "key"].map(name => [name,
        Array.from(document.getElementById("filters").elements[name].options, o => o.value)])""")
    times = []
    for _ in range(rounds):
        for name, values in options:
            for value in [*values[1:], ""]:  # each choice in turn, then back to all
                result = page.evaluate(_FILTER_CHANGE, [name, value])
                if not result["changed"]:
                    sys.exit(f"[bench] choosing {name}={value!r} did not change the list: nothing to time")
                times.append(result["elapsed"])
    # A reader clicks in the box before typing: its focus reads every card's words once (timed apart).
    index_ms = page.evaluate("""() => { const start = performance.now();
        document.getElementById("filter-words").focus(); return performance.now() - start; }""")
    typed = []
    for _ in range(rounds):
        for words in _TYPED:
            keys = [words[:n] for n in range(1, len(words) + 1)]
            changed = False
            for value in [*keys, *reversed(keys[:-1]), ""]:
                result = page.evaluate(_FILTER_CHANGE, ["words", value])
                changed = changed or result["changed"]
                typed.append(result["elapsed"])
            if not changed:
                sys.exit(f"[bench] typing {words!r} did not change the list: nothing to time")
    cards = page.locator("#results .rec-card").count()
    page.close()
    return {"median_ms": statistics.median(times), "max_ms": max(times), "changes": len(times), "cards": cards,
            "typing": {"median_ms": statistics.median(typed), "max_ms": max(typed), "keys": len(typed),
                       "first_focus_ms": index_ms}}


# --- the machine -------------------------------------------------------------------------------

# The action planner's own files: the app, which only its pages load, and the small part every page
# loads (the stored plan and the "Add to my plan" buttons). Each script counts with the modules it
# imports (module_graph) that the page would not load without it: the every-page part leaves out
# what the site's other scripts load on every page too (small helpers, the list's filters.js), and
# the app what every page has already loaded. Modules a script loads only when needed (`import("./…")`
# on a click, an import, a share link) are counted apart, in "…_on_demand": not in the first visit's
# bytes, which the budgets are for, but never left uncounted.
PLANNER_FILES = {"app": ("javascripts/planner-app.js", "stylesheets/planner-app.css"),
                 "every_page": ("javascripts/planner.js", "stylesheets/planner.css")}
PLANNER_BUDGET_KB = {"app": 15, "every_page": 4}
# `import … from "./x.js"` in the site's modules (they import nothing else, and only this way), and
# `import("./x.js")`, a module loaded when it is needed.
_IMPORT = re.compile(r'^import\b[^;]*?\bfrom\s+"(\.{1,2}/[^"]+)";', re.MULTILINE)
_LAZY_IMPORT = re.compile(r'\bimport\("(\.{1,2}/[^"]+)"\)')


def every_page_scripts() -> list[str]:
    """The scripts mkdocs.yml loads on every page (extra_javascript), as site paths."""
    config = mkdocs_settings(ROOT / "mkdocs.yml")
    return [entry["path"] if isinstance(entry, dict) else entry for entry in config["extra_javascript"]]


def site_file(path: str) -> bytes:
    """A file of the site's own, as served: from docs/, minified (recsite/minify.py), or generated
    at build time and served as made (the planner's rules module, hooks/recsite/planner.py)."""
    from recsite import planner
    from recsite.minify import minified, minifies

    text = source_text(path)
    return (minified(path, text) if minifies(path) and path != planner.PLAN_RULES_JS else text).encode("utf-8")


def source_text(path: str) -> str:
    """A file of the site's own as written (a script's imports are read from it, one a line)."""
    from recsite import planner

    if path == planner.PLAN_RULES_JS:
        return planner.plan_rules_module()
    return (ROOT / "docs" / path).read_text(encoding="utf-8")


def module_graph(entry: str) -> list[str]:
    """A script and every module it imports, and they import, as site paths, each once, in the
    order they are first met (a stylesheet is itself alone)."""
    found: list[str] = []
    waiting = [entry]
    while waiting:
        path = waiting.pop(0)
        if path in found:
            continue
        found.append(path)
        if path.endswith(".js"):
            folder = posixpath.dirname(path)
            waiting += [posixpath.normpath(posixpath.join(folder, name))
                        for name in _IMPORT.findall(source_text(path))]
    return found


def on_demand(paths: list[str]) -> list[str]:
    """The modules `paths` load when needed (import("./…")), with what those import, each once."""
    found: list[str] = []
    for path in paths:
        if path.endswith(".js"):
            folder = posixpath.dirname(path)
            for name in _LAZY_IMPORT.findall(source_text(path)):
                found += [module for module in module_graph(posixpath.normpath(posixpath.join(folder, name))) if module not in found]
    return found


def planner_files() -> dict[str, list[str]]:
    """PLANNER_FILES with the modules each script adds to a page: {"app": [site paths], "every_page": [...]},
    and those it loads only when needed: {"app_on_demand": [...], "every_page_on_demand": [...]}."""
    scripts = every_page_scripts()
    planner_js, _ = PLANNER_FILES["every_page"]
    others = {path for script in scripts if script != planner_js for path in module_graph(script)}
    every_page = {path for script in scripts for path in module_graph(script)}
    already = {"every_page": others, "app": every_page}
    files = {part: [path for name in names for path in module_graph(name) if path not in already[part]]
             for part, names in PLANNER_FILES.items()}
    for part in PLANNER_FILES:
        loaded = already[part] | set(files[part])
        files[part + "_on_demand"] = [path for path in on_demand(files[part]) if path not in loaded]
    return files


def planner_gzip() -> dict[str, int]:
    """The action planner's own scripts (with the modules they add) and stylesheets, each file
    gzipped as a server sends it: {"app": bytes, "every_page": bytes} (budgets in
    PLANNER_BUDGET_KB: 15 KB for the app, 4 KB for what every page loads), and what each loads
    only when needed ("app_on_demand", "every_page_on_demand")."""
    return {part: sum(len(gzip.compress(site_file(path), 9)) for path in paths)
            for part, paths in planner_files().items()}


def machine() -> dict:
    memory_kb = 0
    cpu = platform.processor() or platform.machine()
    try:
        meminfo = Path("/proc/meminfo").read_text()
        memory_kb = int(meminfo.split("MemTotal:")[1].split()[0])
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, IndexError, StopIteration):
        pass
    return {"cores": os.cpu_count(), "memory_gb": round(memory_kb / 1024 / 1024, 1), "cpu": cpu,
            "python": platform.python_version(), "system": f"{platform.system()} {platform.release()}"}


# --- the benchmark -----------------------------------------------------------------------------

def measure(work: Path, runs: int, scale_runs: int, counts: tuple[int, int]) -> tuple[list[Figure], dict]:
    small, large = counts
    details: dict = {}
    figures: list[Figure] = []

    real_site = work / "real-site"
    real_site.mkdir()
    with served(real_site) as url:
        # A first build tells how many pages the bare baseline needs.
        build_once(ROOT, real_site, url)
        pages = theme_pages(real_site)
        # As on the real site, recommendation pages are left out of the navigation.
        in_nav = pages - 1 - len(list(real_site.glob("recommendations/*/index.html")))
        say(f"building the real site, a bare Material site of {pages} pages and the site's pages with Material "
            f"alone, {runs} times each")
        timed = builds({"real": (ROOT, real_site, url), "bare": bare_project(work / "bare", pages, in_nav),
                        "theme_only": theme_only_project(ROOT, work / "theme-only")}, runs)
        real, bare, theme_only = timed["real"], timed["bare"], timed["theme_only"]
        say(f"checking the real site's links {runs} times")
        link_seconds, link_problems, link_runs = link_checks(real_site, url, runs)
        weights = html_weights(real_site)
        heaviest = next(iter(weights))
        say(f"loading the heaviest page ({heaviest}) in Chromium")
        visit = bench_browser.with_chromium(lambda browser: bench_browser.first_visit(browser, url + heaviest.removesuffix("index.html")))
        say("measuring layout shift and largest contentful paint of each kind of page in Chromium")
        layout = bench_browser.with_chromium(lambda browser: bench_browser.layout_and_paint(
            browser, url, bench_browser.page_types(real_site), min(runs, 3)))

    jobs = {}
    for count in counts:
        project = synthetic.write_project(ROOT, work / f"synthetic-{count}", count)
        jobs[count] = (project, project / "site", "")
    say(f"building {small} and {large} recommendations {scale_runs} time(s) each")
    scale = builds({count: jobs[count] for count in (small, large)}, scale_runs)
    large_pages = theme_pages(work / f"synthetic-{large}" / "site")
    say(f"building a bare Material site of {large_pages} pages {scale_runs} time(s)")
    bare_large = builds({"bare": bare_project(work / "bare-large", large_pages, in_nav)}, scale_runs)["bare"]
    say(f"building the {large}-recommendation site's pages with Material alone {scale_runs} time(s)")
    theme_only_large = builds({"theme_only": theme_only_project(jobs[large][0], work / "theme-only-large")},
                              scale_runs)["theme_only"]
    say("timing the data check")
    check_real = data_check(ROOT / "data", runs)
    check_large = data_check(work / f"synthetic-{large}" / "data", runs)

    large_site = work / f"synthetic-{large}" / "site"
    with served(large_site) as url:
        say(f"timing filter changes on the {large}-recommendation page in Chromium")
        filtering = bench_browser.with_chromium(lambda browser: filter_changes(browser, url + "recommendations/"))

    ratio = real["median_s"] / bare["median_s"]
    shifty, _ = bench_browser.worst(layout, "cls")
    slowest, _ = bench_browser.worst(layout, "lcp_ms")
    planner = planner_gzip()
    figures += [
        Figure("build_real_s", f"Build, real site ({pages} pages, median of {runs})", real["median_s"], "s"),
        Figure("build_bare_s", f"Build, bare Material site ({pages} pages, median of {runs})", bare["median_s"], "s"),
        Figure("build_ratio", "Real build ÷ bare Material build", ratio, "×", 1.5),
        Figure("build_theme_only_s", f"Build, the site's own pages by Material alone, no hook (median of {runs})",
               theme_only["median_s"], "s"),
        # No budget: the theme alone is handed the core's Markdown (HTML blocks and all, which the
        # hook sets aside from the converter) and keeps no compiled templates, so this says how the
        # build compares with the theme's own work on these pages, not that the build is fast enough.
        Figure("build_ratio_theme_only", "Real build ÷ Material alone on the same pages",
               real["median_s"] / theme_only["median_s"], "×"),
        Figure(f"build_{small}_s", f"Build, {small:,} recommendations", scale[small]["median_s"], "s"),
        Figure(f"build_{large}_s", f"Build, {large:,} recommendations", scale[large]["median_s"], "s", 30),
        Figure(f"build_bare_{large}_s", f"Build, bare Material site ({large_pages:,} pages, as many as the "
               f"{large:,} build)", bare_large["median_s"], "s"),
        Figure(f"build_ratio_{large}", f"{large:,} build ÷ bare at that size",
               scale[large]["median_s"] / bare_large["median_s"], "×", 1.5),
        Figure(f"build_theme_only_{large}_s", f"Build, the {large:,}-recommendation site's pages by Material alone",
               theme_only_large["median_s"], "s"),
        Figure(f"build_ratio_theme_only_{large}", f"{large:,} build ÷ Material alone on the same pages",
               scale[large]["median_s"] / theme_only_large["median_s"], "×"),
        Figure("scale_ratio", f"t({large:,}) ÷ t({small:,})", scale[large]["median_s"] / scale[small]["median_s"],
               "×", 12),
        Figure("peak_memory_real_mb", "Peak memory, real build", real["peak_mb"], "MB"),
        Figure(f"peak_memory_{large}_mb", f"Peak memory, {large:,}-recommendation build", scale[large]["peak_mb"], "MB"),
        Figure("check_real_s", "Data check, real data", check_real, "s", 2),
        Figure(f"check_{large}_s", f"Data check, {large:,} recommendations", check_large, "s", 5),
        Figure("link_check_s", f"Link check, real site (median of {runs})", link_seconds, "s", 5,
               f"{link_problems} problems" if link_problems else ""),
        Figure("all_recommendations_kb", "All-recommendations page, HTML", weights[ALL_RECOMMENDATIONS] / 1000, "KB", 100),
        Figure("heaviest_html_kb", f"Heaviest page, HTML ({heaviest})", weights[heaviest] / 1000, "KB"),
        Figure("heaviest_visit_kb", f"Heaviest page, first visit ({visit['requests']} files)", visit["bytes"] / 1000, "KB"),
        Figure("heaviest_visit_gzip_kb", "Heaviest page, first visit, gzip", visit["gzip_bytes"] / 1000, "KB", 100),
        Figure("layout_shift_worst", f"Layout shift, worst page ({shifty}; phone, 4× slower processor)",
               layout[shifty]["cls"], "CLS", 0.02),
        # 2.5 s is the web's 'good' LCP (web.dev Core Web Vitals) for a phone on a real network; here
        # the network is this machine's loopback, so meeting it is the least to expect, not proof.
        Figure("lcp_worst_ms", f"Largest contentful paint, slowest page ({slowest}; phone, 4× slower processor)",
               layout[slowest]["lcp_ms"], "ms", 2500),
        Figure("filter_ms", f"Filter change, {large:,} recommendations (median of {filtering['changes']})",
               filtering["median_ms"], "ms", 20),
        Figure("filter_typing_ms", f"Filter by words, {large:,} recommendations, per key typed "
               f"(median of {filtering['typing']['keys']})", filtering["typing"]["median_ms"], "ms", 20),
        Figure("planner_gzip_kb", "Planner's own scripts and stylesheets, gzip (its pages only)", planner["app"] / 1024, "KB",
               PLANNER_BUDGET_KB["app"]),
        Figure("planner_every_page_gzip_kb", "Planner's part on every page (Add to my plan), scripts and stylesheets, gzip",
               planner["every_page"] / 1024, "KB", PLANNER_BUDGET_KB["every_page"]),
    ]
    details.update(link_check_runs_s=link_runs, real_build=real, bare_build=bare, bare_large_build=bare_large,
                   theme_only_build=theme_only, theme_only_large_build=theme_only_large, scale={str(k): v for k, v in scale.items()},
                   html_bytes=weights, first_visit=visit, layout_and_paint=layout, filtering=filtering,
                   pages=pages)
    return figures, details


def first_serve_figures(runs: int) -> tuple[list[Figure], dict]:
    say(f"serving a fresh clone for the first time, with an empty pip cache, {runs} times")
    timed = bench_first_serve.first_serve(runs)
    return [Figure("first_serve_s", f"Fresh clone to first page (`dev.py serve`, empty pip cache, median of {runs})",
                   timed["median_s"], "s", bench_first_serve.BUDGET_S)], {"first_serve": timed}


def serve_edit_figures(edits: int) -> tuple[list[Figure], dict]:
    say(f"editing a recommendation's title under `mkdocs serve` of the real site, {edits} times")
    timed = bench_serve_edit.serve_edits(edits=edits)
    return [Figure("serve_edit_s", f"A data edit shown by `mkdocs serve`, real site (median of {edits})",
                   timed["median_s"], "s", bench_serve_edit.BUDGET_S)], {"serve_edit": timed}


# Parts that can be measured alone (--only); the whole benchmark measures them all, in this order,
# after the rest.
PARTS = {"serve-edit": lambda options: serve_edit_figures(options.serve_edits),
         "first-serve": lambda options: first_serve_figures(options.first_serve_runs)}
# And parts of the rest that can be measured alone too (the whole benchmark measures them with it).
ALONE = {**PARTS, "link-check": lambda options: link_check_figures(options.runs)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="runs of the real and bare builds and checks (median)")
    parser.add_argument("--scale-runs", type=int, default=1, help="runs of each synthetic build")
    parser.add_argument("--counts", type=int, nargs=2, default=(500, 5000), metavar=("SMALL", "LARGE"),
                        help="recommendations in the two synthetic builds (default 500 5000)")
    parser.add_argument("--first-serve-runs", type=int, default=3,
                        help="fresh clones served for the first time (median; each downloads about 30 MB)")
    parser.add_argument("--serve-edits", type=int, default=bench_serve_edit.EDITS,
                        help="data edits timed under `mkdocs serve` (median)")
    parser.add_argument("--only", choices=sorted(ALONE), help="measure this part alone (never recorded)")
    parser.add_argument("--record", action="store_true",
                        help="write benchmarks/results.json and the table in " + " and ".join(benchtable.RECORDED_IN))
    options = parser.parse_args(argv)
    # Stopped with `kill` (or by dev.py passing a Ctrl+C on), leave as after an error: the servers and
    # clones it started are stopped and its temporary folders removed.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    if options.only and options.record:
        sys.exit("[bench] --record keeps one whole run's figures together: run it without --only")
    if not options.only and not chromium.CHROMIUM.exists():
        sys.exit("[bench] needs Debian's chromium at /usr/bin/chromium (python3 scripts/dev.py bench installs it)")

    if options.only:
        figures, details = ALONE[options.only](options)
    else:
        with tempfile.TemporaryDirectory(prefix="recsite-bench-") as work:
            figures, details = measure(Path(work), options.runs, options.scale_runs, tuple(options.counts))
        # Last, so that its downloads and file writing slow none of the timings above.
        for part in PARTS.values():
            more_figures, more_details = part(options)
            figures += more_figures
            details.update(more_details)
    results = {
        "date": date.today().isoformat(),
        "command": "python3 scripts/dev.py bench" + (" --record" if options.record else "")
                   + (f" --only {options.only}" if options.only else ""),
        "machine": machine(),
        "figures": [{**asdict(figure), "met": figure.met} for figure in figures],
        "details": details,
    }
    if not options.only:
        print(benchtable.page_sizes_table(results), end="\n\n")
        print(benchtable.layout_table(results), end="\n\n")
    print(benchtable.text_table(results))
    LATEST.parent.mkdir(exist_ok=True)
    LATEST.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    say(f"figures written to {LATEST.relative_to(ROOT)}")
    if options.record:
        RECORDED.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        for document in benchtable.RECORDED_IN:
            benchtable.write_block(ROOT / document, results)
        say(f"recorded in {RECORDED.relative_to(ROOT)}, " + " and ".join(benchtable.RECORDED_IN))
    missed = [figure.label for figure in figures if figure.met is False]
    if missed:
        say("over budget: " + "; ".join(missed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
