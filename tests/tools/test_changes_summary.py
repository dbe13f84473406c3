"""scripts/changes_summary.py: what a pull request adds, changes and retires, from the data."""

from __future__ import annotations

import dataclasses

import changes_summary
from changes_summary import compare, summary
from support.project import real_catalogue
from recsite.model import Retired
from recsite.load import load_catalogue

BASE = real_catalogue()


def _head():
    first, second, third, *rest = BASE.recommendations
    added = dataclasses.replace(third, id="a-new-one", title="A new recommendation")
    changed = dataclasses.replace(first, title="A clearer title", data_line=first.data_line + 7)
    moved = dataclasses.replace(third, data_line=third.data_line + 7)   # only its place in the file
    retired = Retired(second.id, second.title, second.text, BASE.report.site_published, "Merged.")
    return dataclasses.replace(BASE, recommendations=(changed, moved, added, *rest), retired=(retired,))


def test_added_changed_and_retired_are_found_from_the_data():
    base_first, base_second = BASE.recommendations[:2]
    changes = compare(BASE, _head())
    assert [rec.id for rec in changes.added] == ["a-new-one"]
    assert [(rec.id, fields) for rec, fields in changes.changed] == [(base_first.id, ["title"])]
    assert changes.retired == [(base_second.id, base_second.title)]


def test_the_summary_lists_them_for_readers_and_links_the_preview():
    text = summary(compare(BASE, _head()), "https://github.com/o/r/actions/runs/1/artifacts/2")
    assert text.startswith("## Site preview\n")
    assert "[download it](https://github.com/o/r/actions/runs/1/artifacts/2)" in text
    assert "- **Added**: A new recommendation (`a-new-one`)" in text
    assert f"- **Changed**: A clearer title (`{BASE.recommendations[0].id}`): title" in text
    assert f"- **Retired**: {BASE.recommendations[1].title} (`{BASE.recommendations[1].id}`)" in text


def test_no_change_says_so():
    assert "No recommendation is added, changed or retired." in summary(compare(BASE, BASE))


def test_main_reads_the_base_from_git(tmp_path, capsys):
    """Against the committed data, a head that differs by one title shows that one change."""
    head = changes_summary.base_data("HEAD", tmp_path)
    recs = head / "recommendations.yaml"
    rec = load_catalogue(head).recommendations[0]
    recs.write_text(recs.read_text(encoding="utf-8").replace(f"title: {rec.title}\n", "title: Retitled\n", 1),
                    encoding="utf-8")
    assert changes_summary.main(["--base", "HEAD", "--head", str(head)]) == 0
    out = capsys.readouterr().out
    assert f"- **Changed**: Retitled (`{rec.id}`): title" in out
    assert "Added" not in out and "Retired" not in out


def test_main_says_when_the_head_data_is_broken(tmp_path, capsys):
    head = changes_summary.base_data("HEAD", tmp_path)
    (head / "recommendations.yaml").write_text("recommendations: [\n", encoding="utf-8")
    assert changes_summary.main(["--base", "HEAD", "--head", str(head)]) == 1
    assert "The data has problems, so there is no preview" in capsys.readouterr().out
