"""The benchmark's figures as a text table (terminal) and a Markdown block (developers/performance.md).

The recorded block sits between two markers, so `bench.py --record` can replace it and a test can
check that the developers' notes show the same figures as benchmarks/results.json.
"""

from __future__ import annotations

import re
from pathlib import Path

RECORDED_IN = ("developers/performance.md",)
START, END = "<!-- benchmark:start -->", "<!-- benchmark:end -->"
_BLOCK = re.compile(re.escape(START) + r".*?" + re.escape(END), re.DOTALL)


def value_text(figure: dict) -> str:
    value = figure["value"]
    if figure["unit"] == "CLS":  # layout shift: a score with no unit, small and read to 0.001
        return f"{value:.3f}"
    digits = 0 if figure["unit"] == "MB" or value >= 100 else (1 if value >= 10 else 2)
    return f"{value:,.{digits}f}" + ("×" if figure["unit"] == "×" else f" {figure['unit']}")


def budget_text(figure: dict) -> str:
    if figure["budget"] is None:
        return "–"
    unit = {"×": "×", "CLS": ""}.get(figure["unit"], f" {figure['unit']}")
    return f"≤ {figure['budget']:g}{unit}"


def verdict(figure: dict) -> str:
    return {True: "met", False: "MISSED", None: ""}[figure["met"]]


def machine_text(results: dict) -> str:
    machine = results["machine"]
    # The processor's model is in the JSON; the table says what matters for reading the times.
    return f"{machine['cores']} cores, {machine['memory_gb']:g} GB memory, {machine['system']}, Python {machine['python']}"


def text_table(results: dict) -> str:
    rows = [(f["label"], value_text(f), budget_text(f), verdict(f), f["note"]) for f in results["figures"]]
    widths = [max(len(row[column]) for row in rows) for column in range(4)]
    lines = [f"Benchmark of {results['date']} on {machine_text(results)}", ""]
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].rjust(widths[1]), row[2].ljust(widths[2]), row[3].ljust(widths[3])]
        lines.append("  ".join(cells) + (f"  {row[4]}" if row[4] else ""))
    return "\n".join(lines)


def page_sizes_table(results: dict) -> str:
    """Every HTML page of the real site by size, heaviest first (terminal only: it is long)."""
    sizes = results["details"]["html_bytes"]
    width = max(map(len, sizes))
    lines = [f"HTML size of each of the {len(sizes)} pages of the real site", ""]
    lines += [f"{page.ljust(width)}  {size / 1000:6.1f} KB" for page, size in sizes.items()]
    return "\n".join(lines)


def layout_table(results: dict) -> str:
    """Layout shift and largest contentful paint of each kind of page (terminal only)."""
    pages = results["details"].get("layout_and_paint", {})
    if not pages:
        return ""
    width = max(map(len, pages))
    lines = ["Layout shift (CLS, worst run) and largest contentful paint (LCP, median) on a phone", ""]
    for name, page in pages.items():
        moved = sorted({element for shift in page["shifts"] for element in shift["moved"]})
        lines.append(f"{name.ljust(width)}  CLS {page['cls']:.3f}  LCP {page['lcp_ms']:6,.0f} ms  /{page['address']}"
                     + (f"  moved: {', '.join(moved)}" if moved else ""))
    return "\n".join(lines)


def markdown_block(results: dict) -> str:
    lines = [START, "",
             f"Measured on {results['date']} on {machine_text(results)}, with "
             f"`{results['command']}`.", "",
             "| Measure | Result | Budget | Within budget |", "|---|--:|---|---|"]
    for figure in results["figures"]:
        note = f" ({figure['note']})" if figure["note"] else ""
        within = {True: "yes", False: "**no**", None: "–"}[figure["met"]]
        lines.append(f"| {figure['label']}{note} | {value_text(figure)} | {budget_text(figure)} | {within} |")
    return "\n".join([*lines, "", END])


def write_block(path: Path, results: dict) -> None:
    """Replace the recorded block in `path` (which must already hold the two markers)."""
    text = path.read_text(encoding="utf-8")
    if not _BLOCK.search(text):
        raise SystemExit(f"[bench] {path.name} has no {START} … {END} block to record the figures in")
    path.write_text(_BLOCK.sub(lambda _: markdown_block(results), text, count=1), encoding="utf-8")


def recorded_block(path: Path) -> str | None:
    match = _BLOCK.search(path.read_text(encoding="utf-8"))
    return match.group(0) if match else None
