"""Each generated page's description: one or two plain-text sentences from the data.

Search engines and link previews show a page's `<meta name="description">` under its title, so a
recommendation's page describes that recommendation, not the whole site. The descriptions are
plain text: whoever puts one into HTML escapes it.
"""

from __future__ import annotations

from . import paths, planner
from .dates import long_date
from .model import Catalogue, Recommendation

# Search results show about 160 characters; a little more gives link previews a whole thought.
LIMIT = 300
ELLIPSIS = "…"


def shorten(text: str, limit: int = LIMIT) -> str:
    """`text` with its whitespace collapsed, cut at a word boundary to at most `limit` characters
    (an ellipsis included) when it is longer."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS)]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.–-") + ELLIPSIS


def _lower_first(value: str) -> str:
    return value[:1].lower() + value[1:]


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _listing(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _key_count(recs: list[Recommendation]) -> str:
    key = sum(rec.key for rec in recs)
    return f"{key} of them key" if key != 1 else "1 of them key"


def describe_recommendation(rec: Recommendation) -> str:
    kind = "A key recommendation" if rec.key else "A recommendation"
    lead = (f"{rec.title}. {kind} of the NDTi report for {rec.audience.report_name}, "
            f"on {_lower_first(rec.theme.title)}: ")
    return lead + shorten(rec.text, max(LIMIT - len(lead), 60))


def describe_site(catalogue: Catalogue) -> dict[str, str]:
    """{docs path: description} for every page generated from the data."""
    recs = list(catalogue.recommendations)
    evidence = catalogue.evidence
    audiences = _listing([a.report_name for a in catalogue.audiences])  # as the report names them
    found: dict[str, str] = {}

    for rec in recs:
        found[paths.recommendation_page(rec.id)] = describe_recommendation(rec)
    for retired in catalogue.retired:
        found[paths.recommendation_page(retired.id)] = shorten(
            f"Withdrawn on {long_date(retired.date)}: {retired.title}. {retired.reason}")
    for theme in catalogue.themes:
        theme_recs = catalogue.select(theme=theme)
        found[paths.theme_page(theme.id)] = shorten(
            f"{theme.title}: the NDTi report's {_count(len(theme_recs), 'recommendation')} on this theme "
            f"({_key_count(theme_recs)}), and the barrier this site pairs with it: {_lower_first(theme.barrier.title)}. "
            f"{theme.barrier.summary}")
        found[paths.barrier_page(theme.barrier.id)] = shorten(
            f"{theme.barrier.title}, a barrier to using Personal Budgets for employment support: "
            f"{theme.barrier.summary}")
    for audience in catalogue.audiences:
        audience_recs = catalogue.select(audience=audience)
        found[paths.audience_page(audience.id)] = shorten(
            f"The NDTi report's {_count(len(audience_recs), 'recommendation')} for "
            f"{audience.report_name} ({_key_count(audience_recs)}), by theme. {audience.includes}")
    for evidence_page in evidence.pages:
        found[paths.evidence_page(evidence_page.id)] = shorten(evidence_page.summary)
    for appendix in evidence.appendices:
        found[paths.evidence_page(appendix.id)] = shorten(appendix.summary)

    found[paths.ALL_RECOMMENDATIONS] = (
        f"All {len(recs)} recommendations of the NDTi report ({_key_count(recs)}), for {audiences}: "
        "filter them by audience, theme and key recommendations, or download them as JSON or CSV.")
    found[paths.KEY_RECOMMENDATIONS] = (
        f"The NDTi report's core recommendation, the approach it recommends (Figure 5) and its "
        f"{len(catalogue.key_recommendations)} key recommendations for {audiences}.")
    found[paths.AUDIENCES_INDEX] = shorten(
        f"The NDTi report's recommendations for each of its {len(catalogue.audiences)} audiences: "
        f"{audiences}.")
    found[paths.THEMES_INDEX] = shorten(
        f"The NDTi report's recommendations in {len(catalogue.themes)} themes, each paired by this site with a barrier "
        f"to using Personal Budgets for employment support: "
        f"{_listing([_lower_first(t.title) for t in catalogue.themes])}.")
    found[paths.BARRIERS_INDEX] = shorten(
        f"The {len(catalogue.themes)} barriers to using Personal Budgets for employment support that "
        f"the NDTi report found: {_listing([_lower_first(t.barrier.title) for t in catalogue.themes])}.")
    found[paths.EVIDENCE_INDEX] = shorten(
        "What the NDTi report found, in its own words, with the section and page of every figure and "
        f"quote: {_listing([_lower_first(p.title) for p in evidence.pages])}.")
    found[paths.CHANGES] = ("Changes to the recommendations on this site, newest first. A withdrawn "
                            "recommendation keeps its page, which says why and what replaces it.")
    found[paths.GLOSSARY] = ("What the words and abbreviations on this site mean, in plain words: "
                             "Personal Budgets, social care and employment support terms explained.")
    found[planner.PLANNER] = ("Review your practice against the report's recommendations: choose the ones "
                              "for your role, record status, owner, target date and notes, and export or "
                              "print the plan. It stays in your browser.")
    named = " and ".join(audience.report_name for audience in planner.question_audiences(catalogue))
    found[planner.QUESTIONS] = ("Questions about work to take to a support-planning review or assessment, "
                                f"from the report's recommendations for {named}.")
    return found
