"""The benchmark's recorded figures are the ones the README shows (and the About page, for readers, does not)."""

from __future__ import annotations

import json

import benchtable
from conftest import ROOT

RESULTS = ROOT / "benchmarks" / "results.json"


def test_readme_shows_the_recorded_figures():
    results = json.loads(RESULTS.read_text(encoding="utf-8"))
    expected = benchtable.markdown_block(results)
    for document in benchtable.RECORDED_IN:
        assert benchtable.recorded_block(ROOT / document) == expected, (
            f"{document} is out of date: run `python3 scripts/dev.py bench --record`")


def test_every_budget_in_the_issue_is_measured_and_judged():
    figures = {figure["key"]: figure for figure in json.loads(RESULTS.read_text(encoding="utf-8"))["figures"]}
    budgets = {"build_ratio": 1.5, "build_5000_s": 30, "build_ratio_5000": 1.5, "scale_ratio": 12,
               "check_real_s": 2, "check_5000_s": 5, "all_recommendations_kb": 100, "heaviest_visit_gzip_kb": 100,
               "layout_shift_worst": 0.02, "filter_ms": 20, "filter_typing_ms": 20, "link_check_s": 5,
               "planner_gzip_kb": 15}
    for key, budget in budgets.items():
        assert figures[key]["budget"] == budget, key
        assert figures[key]["met"] == (figures[key]["value"] <= budget), key


def test_the_about_page_is_for_readers_not_benchmarks(site):
    """Build times and budgets are engineering figures: the README has them, the About page does not
    (its #performance anchor stays, saying where they are kept)."""
    soup = site.soup("about/")
    assert soup.find(id="performance") is not None
    text = soup.find("article").get_text(" ")
    for figure in ("Filter change", "Within budget", "Peak memory", "bare Material"):
        assert figure not in text, figure
    assert "<!-- benchmark:start -->" not in (ROOT / "docs" / "about.md").read_text(encoding="utf-8")
