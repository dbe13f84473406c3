"""The page plan: every generated page as Markdown, every download as text, from a `Catalogue`.

`plan_site` is the one entry point. It decides which pages exist, at which path, from which
template and with which records (sorted and grouped here, not in the templates); recsite.render
turns each into text. It knows nothing about MkDocs: the hook adds the plan's pages to the build,
and scripts/build_pages.py writes them to a folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import citations, descriptions, downloads, paths, planner
from .model import Catalogue, Recommendation
from .render import Renderer

@dataclass
class SitePlan:
    pages: dict[str, str] = field(default_factory=dict)      # docs path -> Markdown
    files: dict[str, str] = field(default_factory=dict)      # site path -> file content
    sections: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # index page -> (title, path)
    edit_targets: dict[str, tuple[str, int]] = field(default_factory=dict)  # page -> (data file, line or 0)
    titles: dict[str, str] = field(default_factory=dict)     # page -> its title, plain text from data
    descriptions: dict[str, str] = field(default_factory=dict)  # page -> its meta description, plain text


# "More on this theme" on a recommendation's page lists at most this many: a longer list of links
# helps no one (and would make the build quadratic); the theme page lists them all.
MORE_ON_THEME = 12


def _groups(catalogue: Catalogue) -> dict[tuple[str, str], list[Recommendation]]:
    """The recommendations of each (theme, audience), in the catalogue's order."""
    groups: dict[tuple[str, str], list[Recommendation]] = {}
    for rec in catalogue.recommendations:
        groups.setdefault((rec.theme.id, rec.audience.id), []).append(rec)
    return groups


def _siblings(rec: Recommendation, group: list[Recommendation], related: list[Recommendation]) -> list[Recommendation]:
    """The others of `rec`'s theme and audience in report order; when there are too many to list,
    the ones after it (so each page shows its neighbours, not every page the same few)."""
    skip = {rec.id, *(other.id for other in related)}
    others = [other for other in group if other.id not in skip]
    if len(others) <= MORE_ON_THEME:
        return others
    at = next(index for index, other in enumerate(group) if other.id == rec.id)
    return [other for other in group[at + 1:] + group[:at] if other.id not in skip]


def plan_site(catalogue: Catalogue, site_url: str) -> SitePlan:
    """All generated pages and downloads. `site_url` makes the permanent links absolute."""
    renderer = Renderer(catalogue, site_url)
    plan = SitePlan()
    pages = plan.pages

    pages[paths.ALL_RECOMMENDATIONS] = renderer.render("all.md.j2", paths.ALL_RECOMMENDATIONS)
    pages[paths.KEY_RECOMMENDATIONS] = renderer.render("key.md.j2", paths.KEY_RECOMMENDATIONS)

    for audience in catalogue.audiences:
        path = paths.audience_page(audience.id)
        groups = [(theme, catalogue.select(theme=theme, audience=audience)) for theme in catalogue.themes]
        pages[path] = renderer.render("audience.md.j2", path, audience=audience,
                                      recs=catalogue.select(audience=audience),
                                      twins=[pair for pair in catalogue.twins if pair[0].audience == audience],
                                      groups=[(theme, recs) for theme, recs in groups if recs])
    for theme in catalogue.themes:
        path = paths.theme_page(theme.id)
        groups = [(audience, catalogue.select(theme=theme, audience=audience))
                  for audience in catalogue.audiences]
        pages[path] = renderer.render("theme.md.j2", path, theme=theme,
                                      groups=[(audience, recs) for audience, recs in groups if recs])
    pages[paths.AUDIENCES_INDEX] = renderer.render("audiences.md.j2", paths.AUDIENCES_INDEX)
    pages[paths.THEMES_INDEX] = renderer.render("themes.md.j2", paths.THEMES_INDEX)

    evidence = catalogue.evidence
    pages[paths.EVIDENCE_INDEX] = renderer.render("evidence.md.j2", paths.EVIDENCE_INDEX)
    for evidence_page in evidence.pages:
        path = paths.evidence_page(evidence_page.id)
        pages[path] = renderer.render("evidence_page.md.j2", path, evidence_page=evidence_page)
    for appendix in evidence.appendices:
        path = paths.evidence_page(appendix.id)
        pages[path] = renderer.render("appendix.md.j2", path, appendix=appendix)
    pages[paths.BARRIERS_INDEX] = renderer.render("barriers.md.j2", paths.BARRIERS_INDEX)
    for theme in catalogue.themes:
        path = paths.barrier_page(theme.barrier.id)
        groups = [(audience, catalogue.select(theme=theme, audience=audience))
                  for audience in catalogue.audiences]
        pages[path] = renderer.render("barrier.md.j2", path, theme=theme,
                                      entry=evidence.for_barrier(theme.barrier),
                                      groups=[(audience, recs) for audience, recs in groups if recs])

    groups = _groups(catalogue)
    for rec in catalogue.recommendations:
        path = paths.recommendation_page(rec.id)
        related = [catalogue.recommendation(rec_id) for rec_id in rec.related]
        siblings = _siblings(rec, groups[rec.theme.id, rec.audience.id], related)
        pages[path] = renderer.render("recommendation.md.j2", path, rec=rec, related=related,
                                      siblings=siblings[:MORE_ON_THEME], more_siblings=len(siblings) > MORE_ON_THEME)

    for retired in catalogue.retired:
        path = paths.recommendation_page(retired.id)
        replacement = catalogue.recommendation(retired.replaced_by) if retired.replaced_by else None
        pages[path] = renderer.render("retired.md.j2", path, retired=retired, replacement=replacement)
    pages[paths.CHANGES] = renderer.render("changes.md.j2", paths.CHANGES, entries=_changes(catalogue))
    pages[paths.GLOSSARY] = renderer.render("glossary.md.j2", paths.GLOSSARY)

    # Titles that come from the data, as plain text (the adapter escapes them for the theme).
    plan.titles = {paths.recommendation_page(rec.id): rec.title for rec in catalogue.recommendations}
    plan.titles.update({paths.recommendation_page(r.id): f"Withdrawn: {r.title}" for r in catalogue.retired})
    plan.titles.update({paths.theme_page(t.id): t.title for t in catalogue.themes})
    plan.titles.update({paths.audience_page(a.id): a.title for a in catalogue.audiences})
    plan.titles.update({paths.barrier_page(t.barrier.id): t.barrier.title for t in catalogue.themes})
    plan.titles.update({paths.evidence_page(p.id): p.title for p in evidence.pages})
    plan.titles.update({paths.evidence_page(a.id): a.title for a in evidence.appendices})

    plan.descriptions = descriptions.describe_site(catalogue)

    # Where each generated page's data lives, for "edit this page" links.
    plan.edit_targets = {paths.recommendation_page(rec.id): ("data/recommendations.yaml", rec.data_line)
                    for rec in catalogue.recommendations}
    plan.edit_targets.update({paths.evidence_page(p.id): ("data/evidence.yaml", 0) for p in evidence.pages})
    plan.edit_targets.update({paths.evidence_page(a.id): ("data/appendices.yaml", 0) for a in evidence.appendices})
    plan.edit_targets.update({paths.barrier_page(t.barrier.id): ("data/evidence.yaml", 0) for t in catalogue.themes})
    plan.edit_targets.update({paths.theme_page(t.id): ("data/taxonomy.yaml", 0) for t in catalogue.themes})
    plan.edit_targets.update({paths.audience_page(a.id): ("data/taxonomy.yaml", 0) for a in catalogue.audiences})
    for path in (paths.ALL_RECOMMENDATIONS, paths.KEY_RECOMMENDATIONS, paths.CHANGES):
        plan.edit_targets[path] = ("data/recommendations.yaml", 0)
    plan.edit_targets[paths.GLOSSARY] = ("data/glossary.yaml", 0)

    plan.sections = {
        paths.AUDIENCES_INDEX: [(a.title, paths.audience_page(a.id)) for a in catalogue.audiences],
        paths.THEMES_INDEX: [(t.title, paths.theme_page(t.id)) for t in catalogue.themes],
        paths.EVIDENCE_INDEX: [(p.title, paths.evidence_page(p.id)) for p in evidence.pages]
        + [(a.title, paths.evidence_page(a.id)) for a in evidence.appendices],
        paths.BARRIERS_INDEX: [(t.barrier.title, paths.barrier_page(t.barrier.id)) for t in catalogue.themes],
    }
    plan.files[paths.JSON_DOWNLOAD] = downloads.to_json(catalogue, site_url)
    plan.files[paths.CSV_DOWNLOAD] = downloads.to_csv(catalogue, site_url)
    plan.files[paths.SCHEMA_DOWNLOAD] = downloads.to_json_schema(site_url)
    plan.files.update(citations.files(catalogue, site_url))
    planner.add_pages(plan, renderer, catalogue, site_url)
    return plan


def _changes(catalogue: Catalogue) -> list[tuple]:
    """(date, what changed, the record or None, the retired record or None), newest first."""
    entries = [(change.date, change.change, rec, None)
               for rec in catalogue.recommendations for change in rec.changes]
    entries += [(retired.date, f"Withdrawn: {retired.reason}", None, retired) for retired in catalogue.retired]
    return sorted(entries, key=lambda entry: entry[0], reverse=True)


def edit_link(repo_url: str, data_file: str, line: int) -> str:
    """Where an editor changes a generated page: the data file on the repository host, at its line."""
    anchor = f"#L{line}" if line else ""
    return f"{repo_url.rstrip('/')}/blob/main/{data_file}{anchor}"


def expand_nav(nav: list, sections: dict[str, list[tuple[str, str]]]) -> list:
    """Give each nav entry that points at a generated index page its generated children.

    mkdocs.yml names only the sections (`By audience: audiences/index.md`), so adding a theme to
    the data adds it to the navigation without editing mkdocs.yml.
    """
    expanded = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            (title, target), = item.items()
            if isinstance(target, str) and target in sections:
                item = {title: [target, *({t: p} for t, p in sections[target])]}
            elif isinstance(target, list):
                item = {title: expand_nav(target, sections)}
        expanded.append(item)
    return expanded
