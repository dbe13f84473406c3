"""The page kinds: one declaration for each kind of page the site makes from the data.

A kind says everything the site needs to know about its pages, in one place: their paths and titles
and what their template is given (`pages`, which selects, sorts and groups the records here, so the
template only presents them), the template (which also holds the page's description), the data file
an editor changes them in, the navigation section that lists them, what their <head> adds (the
planner's stylesheet, citation tags) and the element ids the template writes itself. recsite.plan
makes the plan from this list; titles, edit links, navigation sections, descriptions, stylesheets
and citation tags are read from the plan's pages, never kept beside it.

Adding a kind: one entry in KINDS and one template (developers/page-kinds.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from . import citations, embed, feed, paths, planner
from .model import Catalogue, Recommendation
from .selections import Recs, Selections


@dataclass(frozen=True)
class Page:
    """One page a kind makes: its docs path, its title (plain text), what its template is given
    besides the site's globals, and the line of its record in the kind's data file (0: the file)."""

    path: str
    title: str
    context: dict[str, Any] = field(default_factory=dict)
    line: int = 0


@dataclass(frozen=True)
class PageKind:
    name: str
    template: str                                  # in hooks/templates/; its `description` block describes a page
    data_file: str                                 # where an editor changes these pages ("edit this page")
    pages: Callable[[Catalogue, Selections], Iterable[Page]]   # every page of this kind, in navigation order
    section: str | None = None                     # the index page whose navigation section lists them
    stylesheets: tuple[str, ...] = ()              # docs/ stylesheets only these pages load
    # The citation_* meta tags of a page (reference managers read them), if its kind has them.
    citation: Callable[[Page, Catalogue, str], list[tuple[str, str]]] | None = None
    # The <link>s its <head> adds, (rel, type, absolute address, title) each: an oEmbed file's.
    links: Callable[[Page, Catalogue, str], list[tuple[str, str, str, str]]] | None = None


RECOMMENDATIONS = "data/recommendations.yaml"
TAXONOMY = "data/taxonomy.yaml"
EVIDENCE = "data/evidence.yaml"
APPENDICES = "data/appendices.yaml"
GLOSSARY = "data/glossary.yaml"

# "More on this theme" on a recommendation's page lists at most this many: a longer list of links
# helps no one (and would make the build quadratic); the theme page lists them all.
MORE_ON_THEME = 12


def _one(path: str, context=lambda catalogue, chosen: {}) -> Callable[[Catalogue, Selections], list[Page]]:
    """A kind with one page at a fixed path; its template prints its title (paths.FIXED_TITLES) as its heading."""
    return lambda catalogue, chosen: [Page(path, paths.FIXED_TITLES[path], context(catalogue, chosen))]


def _key_groups(catalogue: Catalogue, chosen: Selections) -> dict[str, Any]:
    groups = [(theme, chosen.key_by_theme[theme.id]) for theme in catalogue.themes if chosen.key_by_theme[theme.id]]
    return {"recs": chosen.key, "groups": groups,
            # The audiences and themes whose key recommendations have pages of their own.
            "key_audiences": [audience for audience in catalogue.audiences if chosen.by_audience[audience.id].key],
            "key_themes": [theme for theme, _ in groups]}


def _audience_pages(catalogue: Catalogue, chosen: Selections) -> Iterable[Page]:
    for audience in catalogue.audiences:
        recs = chosen.by_audience[audience.id]
        # Readers with plain words (individuals and families) are sent to their questions for a
        # review; the others' pages open with their key recommendations and a link that adds them
        # to the planner, before the full list.
        key = [] if audience.plain_words else [rec for rec in recs if rec.key]
        yield Page(paths.audience_page(audience.id), audience.title, {
            "audience": audience, "recs": recs,
            "twins": [pair for pair in catalogue.twins if pair[0].audience == audience],
            "groups": chosen.themes_of_audience[audience.id],
            "questions": paths.QUESTIONS if audience.plain_words else None,
            "key_first": key, "add_key": planner.share_fragment(key) if key else ""})


def _theme_pages(catalogue: Catalogue, chosen: Selections) -> Iterable[Page]:
    for theme in catalogue.themes:
        recs = chosen.by_theme[theme.id]
        yield Page(paths.theme_page(theme.id), theme.title, {
            "theme": theme, "recs": recs, "groups": chosen.audiences_of_theme[theme.id],
            "entry": catalogue.evidence.for_barrier(theme.barrier),
            # Key recommendations Section 7 prints that Appendix 3 leaves out.
            "only_in_section7": sum(1 for rec in recs if not rec.source.section.startswith("A"))})


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _key_of_audience(catalogue: Catalogue, chosen: Selections, audience) -> tuple[Recs, list[tuple[Any, Recs]]]:
    """An audience's key recommendations, and them by theme (the themes that have some)."""
    groups = [(theme, Recs.of(rec for rec in recs if rec.key)) for theme, recs in chosen.themes_of_audience[audience.id]]
    groups = [(theme, recs) for theme, recs in groups if recs]
    return Recs.of(rec for _, recs in groups for rec in recs), groups


def _audience_key_pages(catalogue: Catalogue, chosen: Selections) -> Iterable[Page]:
    for audience in catalogue.audiences:
        recs, groups = _key_of_audience(catalogue, chosen, audience)
        if recs:
            yield Page(paths.audience_key_page(audience.id), f"Key recommendations for {_lower_first(audience.title)}",
                       {"audience": audience, "recs": recs, "groups": groups,
                        "all_recs": chosen.by_audience[audience.id]})


def _audience_briefs(catalogue: Catalogue, chosen: Selections) -> Iterable[Page]:
    for audience in catalogue.audiences:
        recs, groups = _key_of_audience(catalogue, chosen, audience)
        if recs:
            # The list is numbered across the themes: where each theme's numbers start.
            starts = [1 + sum(len(before) for _, before in groups[:index]) for index in range(len(groups))]
            yield Page(paths.audience_brief(audience.id),
                       f"Brief: the key recommendations for {_lower_first(audience.title)}",
                       {"audience": audience, "recs": recs, "groups": groups, "starts": starts})


def _theme_key_pages(catalogue: Catalogue, chosen: Selections) -> Iterable[Page]:
    for theme in catalogue.themes:
        recs = chosen.key_by_theme[theme.id]
        groups = [(audience, Recs.of(rec for rec in group if rec.key)) for audience, group in chosen.audiences_of_theme[theme.id]]
        if recs:
            yield Page(paths.theme_key_page(theme.id), f"Key recommendations on {_lower_first(theme.title)}",
                       {"theme": theme, "recs": recs, "groups": [(a, r) for a, r in groups if r],
                        "all_recs": chosen.by_theme[theme.id]})


def _evidence_pages(catalogue: Catalogue, chosen: Selections) -> Iterable[Page]:
    for evidence_page in catalogue.evidence.pages:
        yield Page(paths.evidence_page(evidence_page.id), evidence_page.title, {"evidence_page": evidence_page})


def _appendix_pages(catalogue: Catalogue, chosen: Selections) -> Iterable[Page]:
    for appendix in catalogue.evidence.appendices:
        yield Page(paths.evidence_page(appendix.id), appendix.title, {"appendix": appendix})


def _barrier_pages(catalogue: Catalogue, chosen: Selections) -> Iterable[Page]:
    for theme in catalogue.themes:
        yield Page(paths.barrier_page(theme.barrier.id), theme.barrier.title, {
            "theme": theme, "entry": catalogue.evidence.for_barrier(theme.barrier),
            "recs": chosen.by_theme[theme.id], "groups": chosen.audiences_of_theme[theme.id]})


def _siblings(rec: Recommendation, group: list[Recommendation], related: list[Recommendation]) -> list[Recommendation]:
    """The others of `rec`'s theme and audience in report order; when there are too many to list,
    the ones after it (so each page shows its neighbours, not every page the same few)."""
    skip = {rec.id, *(other.id for other in related)}
    others = [other for other in group if other.id not in skip]
    if len(others) <= MORE_ON_THEME:
        return others
    at = next(index for index, other in enumerate(group) if other.id == rec.id)
    return [other for other in group[at + 1:] + group[:at] if other.id not in skip]


def _recommendation_pages(catalogue: Catalogue, chosen: Selections) -> Iterable[Page]:
    for rec in catalogue.recommendations:
        related = [catalogue.recommendation(rec_id) for rec_id in rec.related]
        siblings = _siblings(rec, list(chosen.by_group[rec.theme.id, rec.audience.id]), related)
        yield Page(paths.recommendation_page(rec.id), rec.title, {
            "rec": rec, "related": related, "siblings": siblings[:MORE_ON_THEME],
            "more_siblings": len(siblings) > MORE_ON_THEME,
            "twin": catalogue.recommendation(rec.twin) if rec.twin else None,
            "evidence": catalogue.evidence.for_barrier(rec.theme.barrier),
            "questions": paths.QUESTIONS if rec.audience.plain_words else None, "embed": embed.embed_of(rec, catalogue.report)},
            rec.data_line)


def _retired_pages(catalogue: Catalogue, chosen: Selections) -> Iterable[Page]:
    for retired in catalogue.retired:
        replacement = catalogue.recommendation(retired.replaced_by) if retired.replaced_by else None
        yield Page(paths.recommendation_page(retired.id), f"Withdrawn: {retired.title}",
                   {"retired": retired, "replacement": replacement})


def _changes_page(catalogue: Catalogue, chosen: Selections) -> list[Page]:
    """The changes, newest first (recsite/feed.py, which the feed lists too): (date, what changed,
    the record or None, the retired record or None)."""
    entries = [(change.date, change.change, None if change.withdrawn else change.record,
                change.record if change.withdrawn else None) for change in feed.changes(catalogue)]
    return [Page(paths.CHANGES, paths.FIXED_TITLES[paths.CHANGES], {"entries": entries, "feed": paths.CHANGES_FEED})]


def _planner_page(catalogue: Catalogue, chosen: Selections) -> list[Page]:
    return [Page(planner.PLANNER, "Action plan and self-assessment", {
        "data": planner.data_block(planner.planner_data(catalogue)), "review_csv": planner.REVIEW_CSV,
        "questions": planner.QUESTIONS, "app_js": planner.APP_JS})]


def _questions_page(catalogue: Catalogue, chosen: Selections) -> list[Page]:
    recs = planner.question_recs(catalogue)
    return [Page(planner.QUESTIONS, "Questions to take to your review", {
        "recs": recs, "planner": planner.PLANNER, "audiences": planner.question_audiences(catalogue),
        "terms": {rec.id: planner.terms_in(f"{rec.plain} {rec.text}", catalogue) for rec in recs}})]


def _recommendation_citation(page: Page, catalogue: Catalogue, site_url: str) -> list[tuple[str, str]]:
    return citations.recommendation_tags(page.context["rec"], catalogue, site_url)


def _recommendation_links(page: Page, catalogue: Catalogue, site_url: str) -> list[tuple[str, str, str, str]]:
    """oEmbed's discovery link (oembed.com, section 4): an editor who pastes the page's address into
    a content system that speaks oEmbed gets the embeddable card. The address is absolute: some
    systems fetch it as it is written."""
    rec = page.context["rec"]
    return [("alternate", "application/json+oembed", paths.absolute(site_url, paths.oembed_file(rec.id)),
             f"{rec.title} (oEmbed)")]


def _page_citation(page: Page, catalogue: Catalogue, site_url: str) -> list[tuple[str, str]]:
    return citations.page_tags(page.path, catalogue, site_url)


# In the order the plan lists their pages (the order MkDocs is given them).
KINDS: tuple[PageKind, ...] = (
    PageKind("all", "all.md.j2", RECOMMENDATIONS, _one(paths.ALL_RECOMMENDATIONS,
                                                     lambda catalogue, chosen: {"recs": chosen.everything})),
    PageKind("key", "key.md.j2", RECOMMENDATIONS, _one(paths.KEY_RECOMMENDATIONS, _key_groups)),
    PageKind("audience", "audience.md.j2", TAXONOMY, _audience_pages, section=paths.AUDIENCES_INDEX),
    PageKind("theme", "theme.md.j2", TAXONOMY, _theme_pages, section=paths.THEMES_INDEX),
    PageKind("audience-key", "audience_key.md.j2", TAXONOMY, _audience_key_pages),
    PageKind("audience-brief", "audience_brief.md.j2", TAXONOMY, _audience_briefs),
    PageKind("theme-key", "theme_key.md.j2", TAXONOMY, _theme_key_pages),
    PageKind("audiences", "audiences.md.j2", TAXONOMY, _one(paths.AUDIENCES_INDEX)),
    PageKind("themes", "themes.md.j2", TAXONOMY, _one(paths.THEMES_INDEX)),
    PageKind("evidence", "evidence.md.j2", EVIDENCE, _one(paths.EVIDENCE_INDEX)),
    PageKind("evidence-page", "evidence_page.md.j2", EVIDENCE, _evidence_pages, section=paths.EVIDENCE_INDEX,
             citation=_page_citation),
    PageKind("appendix", "appendix.md.j2", APPENDICES, _appendix_pages, section=paths.EVIDENCE_INDEX,
             citation=_page_citation),
    PageKind("barriers", "barriers.md.j2", EVIDENCE, _one(paths.BARRIERS_INDEX)),
    PageKind("barrier", "barrier.md.j2", EVIDENCE, _barrier_pages, section=paths.BARRIERS_INDEX,
             citation=_page_citation),
    PageKind("recommendation", "recommendation.md.j2", RECOMMENDATIONS, _recommendation_pages,
             citation=_recommendation_citation, links=_recommendation_links),
    PageKind("retired", "retired.md.j2", RECOMMENDATIONS, _retired_pages),
    PageKind("changes", "changes.md.j2", RECOMMENDATIONS, _changes_page),
    PageKind("glossary", "glossary.md.j2", GLOSSARY, _one(paths.GLOSSARY)),
    PageKind("planner", "planner.md.j2", RECOMMENDATIONS, _planner_page, stylesheets=(planner.APP_CSS,)),
    PageKind("questions", "planner_questions.md.j2", RECOMMENDATIONS, _questions_page,
             stylesheets=(planner.APP_CSS,)),
)
