"""recsite.pagekinds: one declaration per page kind, and everything the site says about a page
read from the plan made of them (developers/page-kinds.md)."""

from __future__ import annotations

import re

import pytest

from support.project import ROOT, real_catalogue
from recsite import paths
from recsite.pagekinds import KINDS, Page, PageKind
from recsite.plan import edit_link, expand_nav, plan_site
from recsite.render import TEMPLATES

CATALOGUE = real_catalogue()
PLAN = plan_site(CATALOGUE, "https://example.org/")


@pytest.mark.parametrize("path", list(PLAN.pages))
def test_every_generated_page_has_a_title_a_description_and_an_edit_source(path):
    """What a forgotten entry used to leave out silently: the page's title, its description (search
    results showed the site's), and its "edit this page" link (the index pages had none)."""
    page = PLAN.pages[path]
    assert page.title.strip(), path
    assert page.description.strip(), path
    data_file, line = page.edit
    assert (ROOT / data_file).is_file(), path
    if line:
        assert len((ROOT / data_file).read_text(encoding="utf-8").splitlines()) >= line, path


def test_every_kind_has_one_template_with_its_page_and_its_description():
    assert len({kind.name for kind in KINDS}) == len(KINDS)
    for kind in KINDS:
        text = (TEMPLATES / kind.template).read_text(encoding="utf-8")
        assert text.startswith('{% extends "_page.md.j2" %}'), kind.template
        assert "{% block description %}" in text and "{% block content %}" in text, kind.template


def test_no_template_selects_what_it_shows():
    """Templates present: the lists and counts they print come from their kind or recsite.selections."""
    for template in TEMPLATES.rglob("*.j2"):
        text = template.read_text(encoding="utf-8")
        assert not re.search(r"catalogue\.(select|key_recommendations|recommendation)\(|for_barrier\(|"
                             r"selectattr\(|namespace\(", text), template.name


def test_the_navigation_sections_are_the_pages_of_their_kinds_in_order():
    assert PLAN.sections[paths.THEMES_INDEX] == [(t.title, paths.theme_page(t.id)) for t in CATALOGUE.themes]
    assert PLAN.sections[paths.EVIDENCE_INDEX] == (
        [(p.title, paths.evidence_page(p.id)) for p in CATALOGUE.evidence.pages]
        + [(a.title, paths.evidence_page(a.id)) for a in CATALOGUE.evidence.appendices])
    assert set(PLAN.sections) <= set(PLAN.pages)  # each section's index page is itself planned
    nav = expand_nav([{"By theme": paths.THEMES_INDEX}], PLAN.sections)
    assert nav == [{"By theme": [paths.THEMES_INDEX, *({t: p} for t, p in PLAN.sections[paths.THEMES_INDEX])]}]


def test_head_extras_come_from_the_kind():
    planner = PLAN.pages["planner/index.md"]
    assert planner.stylesheets == ("stylesheets/planner-app.css",) == PLAN.pages["planner/questions.md"].stylesheets
    rec = CATALOGUE.recommendations[0]
    tags = dict(PLAN.pages[paths.recommendation_page(rec.id)].citation)
    assert tags["citation_public_url"] == f"https://example.org/recommendations/{rec.id}/"
    assert PLAN.pages[paths.THEMES_INDEX].citation == () and PLAN.pages[paths.THEMES_INDEX].stylesheets == ()


def test_two_kinds_may_not_make_the_same_page():
    twice = KINDS + (PageKind("again", "glossary.md.j2", "data/glossary.yaml",
                              lambda catalogue, chosen: [Page(paths.GLOSSARY, "Again")]),)
    with pytest.raises(ValueError, match=r"glossary\.md: made by the page kinds 'glossary' and 'again'"):
        plan_site(CATALOGUE, "https://example.org/", twice)


# The recipe in developers/page-kinds.md, followed once: a page per audience listing its key
# recommendations, in a section of its own. One registry entry and one template.
AT_A_GLANCE = """{% extends "_page.md.j2" %}
{% block description %}
The {{ recs | length }} key recommendations of the NDTi report for {{ audience.report_name }}, at a glance.
{% endblock %}
{% block content %}
# {{ title | md }}

<ul>
{% for rec in recs %}
<li><a href="{{ link(paths.recommendation_page(rec.id)) }}">{{ rec.title }}</a></li>
{% endfor %}
</ul>
{% endblock %}
"""


def _at_a_glance(catalogue, chosen):
    for audience in catalogue.audiences:
        recs = [rec for rec in chosen.by_audience[audience.id] if rec.key]
        yield Page(f"at-a-glance/{audience.id}.md", f"At a glance: {audience.title}", {"audience": audience, "recs": recs})


def test_a_new_page_kind_is_one_entry_and_one_template(tmp_path):
    (tmp_path / "at_a_glance.md.j2").write_text(AT_A_GLANCE, encoding="utf-8")
    kind = PageKind("at-a-glance", "at_a_glance.md.j2", "data/taxonomy.yaml", _at_a_glance,
                    section="at-a-glance/index.md")
    plan = plan_site(CATALOGUE, "https://example.org/", KINDS + (kind,), more_templates=(tmp_path,))
    audience = CATALOGUE.audiences[0]
    page = plan.pages[f"at-a-glance/{audience.id}.md"]
    key = [rec for rec in CATALOGUE.recommendations if rec.audience == audience and rec.key]
    assert page.markdown.startswith(f"# At a glance: {audience.title}\n")
    assert page.markdown.count("<li><a href=\"../../recommendations/") == len(key)
    assert page.description == (f"The {len(key)} key recommendations of the NDTi report for "
                                f"{audience.report_name}, at a glance.")
    assert edit_link("https://github.com/o/r", *page.edit) == "https://github.com/o/r/blob/main/data/taxonomy.yaml"
    assert plan.sections["at-a-glance/index.md"] == [(f"At a glance: {a.title}", f"at-a-glance/{a.id}.md")
                                                      for a in CATALOGUE.audiences]
    assert {path: p.markdown for path, p in plan.pages.items() if p.kind is not kind} == PLAN.markdown
