"""The site stays usable as editors add recommendations (the benchmark measures the cost)."""

from __future__ import annotations

import re


from support.project import DATA, real_catalogue
from recsite import paths
from recsite.pagekinds import MORE_ON_THEME
from recsite.plan import plan_site
from recsite.load import load_catalogue
from synthetic import write_data


def more_on_this_theme(markdown: str) -> str:
    return markdown.split("{#more-on-this-theme}", 1)[1]


def test_a_large_theme_lists_some_neighbours_and_links_to_the_rest(tmp_path):
    write_data(DATA, tmp_path, 160)  # the largest group (9 of 48 today) grows to 30
    catalogue = load_catalogue(tmp_path)
    plan = plan_site(catalogue, "https://example.org/")
    rec = max(catalogue.recommendations, key=lambda r: len(catalogue.select(theme=r.theme, audience=r.audience)))
    section = more_on_this_theme(plan.pages[paths.recommendation_page(rec.id)].markdown)
    listed = re.findall(r'<li><a href="\.\./([^/"]+)/"', section)
    assert len(listed) == MORE_ON_THEME
    assert rec.id not in listed
    # The list starts with the record after this one, so neighbours link to each other.
    group = catalogue.select(theme=rec.theme, audience=rec.audience)
    following = group[group.index(rec) + 1] if group.index(rec) + 1 < len(group) else group[0]
    assert listed[0] == following.id
    assert f'href="../../themes/{rec.theme.id}/#{rec.audience.id}"' in section


def test_today_every_recommendation_page_lists_all_of_its_theme_for_its_audience():
    catalogue = real_catalogue()
    plan = plan_site(catalogue, "https://example.org/")
    for rec in catalogue.recommendations:
        page = plan.pages[paths.recommendation_page(rec.id)].markdown
        others = [o for o in catalogue.select(theme=rec.theme, audience=rec.audience) if o.id != rec.id]
        if not others:
            continue
        related = set(rec.related)
        expected = [o.id for o in others if o.id not in related]
        section = more_on_this_theme(page) if expected else ""
        assert re.findall(r'<li><a href="\.\./([^/"]+)/"', section) == expected, rec.id
        assert "All recommendations on" not in section


# --- a long all-recommendations list in the browser -------------------------------------------


def test_the_plan_hands_over_every_page_and_file_as_written_and_keeps_no_copy():
    # The site generator keeps what it is handed until it writes it: a second copy in the plan
    # was a third of the 5,000-recommendation build's peak memory.
    plan = plan_site(real_catalogue(), "https://example.org/")
    pages, files = dict(plan.markdown), dict(plan.files)
    handed = dict(plan.hand_over())
    assert handed == {**pages, **{path: text.encode("utf-8") for path, text in files.items()}}
    assert plan.files == {} and plan.markdown == {path: "" for path in pages}
    assert [page.title for page in plan.pages.values()] and all(page.title for page in plan.pages.values())
