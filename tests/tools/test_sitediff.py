"""scripts/sitediff.py: two built sites compared, what varies between builds left out."""

from __future__ import annotations

import gzip

from sitediff import compare


def _site(root, files):
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return root


def _sitemap(date):
    return f"<urlset><url><loc>http://x/</loc><lastmod>{date}</lastmod></url></urlset>\n"


def test_builds_of_the_same_site_on_different_days_compare_equal(tmp_path):
    before = _site(tmp_path / "a", {"sitemap.xml": _sitemap("2026-01-01"),
                                    "sitemap.xml.gz": gzip.compress(_sitemap("2026-01-01").encode(), mtime=1),
                                    "search/search_index.json": '{"docs": [{"location": "x/"}]}',
                                    "x/index.html": "<p>same</p>\n"})
    # A build from `git archive` has no history, so its pages say nothing of when they last changed.
    dated = '<p>same</p>\n\n<p class="page-changed" data-search-exclude="date">This page last changed on <time datetime="2026-12-06">6 December 2026</time>.</p>\n'
    after = _site(tmp_path / "b", {"sitemap.xml": _sitemap("2026-12-06"),
                                   "sitemap.xml.gz": gzip.compress(_sitemap("2026-12-06").encode(), mtime=2),
                                   "search/search_index.json": '{"docs":[{"location":"x/"}]}',
                                   "x/index.html": dated})
    assert compare(before, after) == []


def test_every_changed_added_and_removed_file_is_listed_with_its_diff(tmp_path):
    before = _site(tmp_path / "a", {"gone/index.html": "x\n", "page/index.html": "<h1>Old title</h1>\n",
                                    "sitemap.xml": _sitemap("2026-01-01").replace("http://x/", "http://x/gone/"),
                                    "logo.png": b"\x89PNG\x00a", "nav.json": '{"a": 1}'})
    after = _site(tmp_path / "b", {"new/index.html": "x\n", "page/index.html": "<h1>New title</h1>\n",
                                   "sitemap.xml": _sitemap("2026-01-01"), "logo.png": b"\x89PNG\x00b",
                                   "nav.json": '{"a": 2}'})
    report = compare(before, after)
    assert f"only in {before}: gone/index.html" in report
    assert f"only in {after}: new/index.html" in report
    assert "differs: logo.png (binary)" in report
    assert "differs: sitemap.xml" in report   # a changed address is not a date
    page = report.index("differs: page/index.html")
    assert report[page + 1:page + 6] == ["    --- before/page/index.html", "    +++ after/page/index.html",
                                         "    @@ -1 +1 @@", "    -<h1>Old title</h1>", "    +<h1>New title</h1>"]
    assert '    - "a": 1' in report and '    + "a": 2' in report   # JSON shown indented, field by field
