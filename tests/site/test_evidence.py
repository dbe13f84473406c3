"""The evidence: every finding, figure, table and quote on the site as the report prints it, with its
place in the report, and linked both ways to the recommendations."""

from __future__ import annotations

import re

import pytest

from support.project import real_catalogue
from support.site import text_of
from support.report_text import all_items, report_text, table_rows

CATALOGUE = real_catalogue()
EVIDENCE = CATALOGUE.evidence
BLOCKS = [(page, block) for page in EVIDENCE.pages for block in page.blocks]
FINDINGS = [(entry, finding) for entry in EVIDENCE.barriers for finding in entry.findings]
QUOTES = ([(f"evidence/{page.id}/", block) for page, block in BLOCKS if block.kind == "quote"]
          + [(f"barriers/{entry.barrier.id}/", quote) for entry, finding in FINDINGS for quote in finding.quotes])


def words(element) -> str:
    return text_of(element)


# What the report prints, cell for cell (pages 18, 19 and 21).
REPORT_TABLES = {
    "table-1": [["Sum across all organisations", "104", "131"], ["Range", "0 to 30", "1 to 49"],
                ["Mean", "6.1", "9.4"], ["Median", "3", "3"], ["Number of organisations with >10", "3", "3"]],
    "table-2": [["None", "2", "11"], ["Less than £5,000", "5", "26"], ["£5,000 to £9,999", "1", "5"],
                ["£10,000 to £24,999", "2", "11"], ["£25,000 to £49,999", "1", "5"],
                ["£100,000 to £200,000", "1", "5"], ["Not given", "4", "21"], ["Don't know", "3", "16"],
                ["Total", "19", "100"]],
    "table-3": [["Less than 100", "7", "37"], ["100-299", "5", "26"], ["300-499", "1", "5"],
                ["500-999", "0", "0"], ["1000 or more", "3", "16"], ["Don't know", "1", "5"],
                ["Not given", "2", "11"], ["Total", "19", "100"]],
}
# Figures 1-3 were images; their numbers are in the report's text (pages 16, 20 and 22).
REPORT_FIGURES = {
    "figure-1": [("19", "33%"), ("37", "64%"), ("2", "3%")],
    "figure-2": [("14", None), ("4", None), ("1", None)],
    "figure-3": [("15", None), ("12", None), ("3", None)],
}


def body_rows(table) -> list[list[str]]:
    return [[words(cell) for cell in row.find_all(["th", "td"])] for row in table.select("tbody tr")]


@pytest.mark.parametrize("table_id", sorted(REPORT_TABLES))
def test_tables_1_to_3_are_real_tables_with_the_reports_numbers(pages, table_id):
    table = pages("evidence/survey/").find(id=table_id).find("table")
    assert body_rows(table) == REPORT_TABLES[table_id]
    assert table.caption and re.search(r"^Table \d: .+\(Section 4\.[\d.]+, page (18|19|21), headings as the report "
                                       r"prints them\)$", words(table.caption))
    assert all(th.get("scope") == "col" for th in table.select("thead th"))
    assert all(row.th and row.th.get("scope") == "row" for row in table.select("tbody tr"))


def test_table_1_columns_give_their_n(pages):
    headers = [words(th) for th in pages("evidence/survey/").find(id="table-1").select("thead tr > *")][1:]
    assert headers == ["2012/13 (N=17)", "Since April 2013 (N=14)"]


@pytest.mark.parametrize("table_id", sorted(REPORT_TABLES))
def test_table_data_matches_the_reports_own_rows(table_id):
    table = next(block for _, block in BLOCKS if getattr(block, "id", None) == table_id)
    printed = table_rows()
    for row in table.rows:
        assert (row.label, *row.values) in printed, f"{table_id}: row {row.label!r} is not printed so"


@pytest.mark.parametrize("chart_id", sorted(REPORT_FIGURES))
def test_figures_1_to_3_show_the_reports_numbers_in_chart_table_and_words(pages, chart_id):
    figure = pages("evidence/survey/").find(id=chart_id)
    expected = REPORT_FIGURES[chart_id]
    # The bars: their lengths come from data-value, and each shows its number.
    bars = figure.select(".chart__bar")
    assert [bar["data-value"] for bar in bars] == [value for value, _ in expected]
    shown = [words(value) for value in figure.select(".chart__value")]
    assert shown == [f"{v} ({p})" if p else v for v, p in expected]
    # The table beside it holds the same numbers.
    table_rows_ = body_rows(figure.find("table"))
    assert [row[1] for row in table_rows_] == [value for value, _ in expected]
    assert [row[0] for row in table_rows_] == [words(label) for label in figure.select(".chart__label")]
    # The text alternative states every number.
    alt = figure.select_one("[role=img]")["aria-label"]
    for value, percent in expected:
        assert re.search(rf"\b{value}\b", alt) and (percent is None or percent in alt), alt
    assert re.search(r"Figure \d: .+\(Section 4\.[\d.]+, page (17|21|22)\)", words(figure.figcaption))


def test_bar_lengths_are_proportional_to_the_numbers(pages):
    figure = pages("evidence/survey/").find(id="figure-1")
    widths = {bar["data-value"]: float(re.search(r"width: ([\d.]+)%", bar["style"]).group(1))
              for bar in figure.select(".chart__bar")}
    assert widths["37"] == 100.0
    assert widths["19"] == pytest.approx(100 * 19 / 37, abs=0.1)


@pytest.mark.parametrize(("page", "block"), [(p, b) for p, b in BLOCKS if b.kind != "quote"],
                         ids=[b.id for _, b in BLOCKS if b.kind != "quote"])
def test_every_evidence_item_renders_with_its_section_and_page(pages, page, block):
    element = pages(f"evidence/{page.id}/").find(id=block.id)
    assert element is not None, f"{block.id} is not on evidence/{page.id}/"
    text = words(element)
    assert block.source.where in text
    if block.kind in ("finding", "table") and getattr(block, "text", None):
        assert block.text in text


@pytest.mark.parametrize(("page", "quote"), QUOTES, ids=[f"{p}:{q.text[:30]}" for p, q in QUOTES])
def test_every_quote_is_shown_with_the_role_of_who_said_it(pages, page, quote):
    figures = [f for f in pages(page).select("figure.fieldwork-quote") if quote.text in words(f)]
    assert len(figures) >= 1, f"quote missing on {page}"
    caption = words(figures[0].figcaption)
    assert caption.startswith(quote.role) and quote.role.strip()
    assert quote.source.where in caption


def test_policy_figures_cite_the_reports_sources(pages):
    finding = pages("evidence/policy-context/").find(id="employment-gap")
    # The footnote as the report prints it: its text, then its address in full.
    assert ("Office for Disability Issues, Disability Equality Indicator B1: "
            "http://odi.dwp.gov.uk/disability-statistics-and-research/disability-equality-indicators.php (footnote 7)"
            in words(finding))
    refs = pages("evidence/").find(id="references")
    assert refs is not None
    listed = {li["id"] for li in pages("evidence/").select("ol.references li")}
    assert {f"footnote-{ref.footnote}" for ref in EVIDENCE.references} == listed


@pytest.mark.parametrize("theme", CATALOGUE.themes, ids=[t.id for t in CATALOGUE.themes])
def test_each_barrier_page_lists_the_recommendations_that_answer_it(pages, theme):
    soup = pages(f"barriers/{theme.barrier.id}/")
    section_start = soup.find(id="what-the-report-recommends")
    assert section_start is not None
    listed = [card["id"] for card in section_start.find_all_next("article", class_="rec-card")]
    expected = [rec.id for rec in CATALOGUE.select(theme=theme)]
    assert sorted(listed) == sorted(expected) and expected
    # grouped by audience, under fixed ids
    for audience in CATALOGUE.audiences:
        if CATALOGUE.select(theme=theme, audience=audience):
            assert soup.find(id=audience.id).name == "h3"


@pytest.mark.parametrize("rec", CATALOGUE.recommendations, ids=[r.id for r in CATALOGUE.recommendations])
def test_every_recommendation_page_links_to_its_barrier_and_findings(pages, rec):
    soup = pages(f"recommendations/{rec.id}/")
    hrefs = [a["href"] for a in soup.select("#why ~ ul.rec-why a")]
    barrier = f"../../barriers/{rec.theme.barrier.id}/"
    findings = EVIDENCE.for_barrier(rec.theme.barrier).findings
    assert hrefs[: len(findings)] == [f"{barrier}#{finding.id}" for finding in findings]
    assert soup.find("a", href=barrier) is not None


def test_recommendations_in_lists_lead_to_their_barrier(pages):
    """A card links to its theme, whose page names and links the barrier this site pairs with it (a
    card does not: a theme and its barrier can have near-identical names, issue 28); the
    recommendation's own page links to the barrier too."""
    for card in pages("recommendations/").select("article.rec-card"):
        rec = CATALOGUE.recommendation(card["id"])
        assert card.find("a", href=f"../themes/{rec.theme.id}/"), card["id"]
        assert pages(f"themes/{rec.theme.id}/").find("a", href=f"../../barriers/{rec.theme.barrier.id}/"), rec.theme.id
        assert pages(f"recommendations/{rec.id}/").find("a", href=f"../../barriers/{rec.theme.barrier.id}/#"
                                                        f"{CATALOGUE.evidence.for_barrier(rec.theme.barrier).findings[0].id}"), rec.id


def test_no_orphans_every_barrier_is_answered_and_every_theme_has_evidence():
    barriers = {entry.barrier.id for entry in EVIDENCE.barriers}
    assert barriers == {theme.barrier.id for theme in CATALOGUE.themes}
    for entry in EVIDENCE.barriers:
        assert entry.findings
        assert any(rec.theme.barrier == entry.barrier for rec in CATALOGUE.recommendations)


def test_theme_pages_show_the_evidence_summary_before_the_recommendations(pages):
    for theme in CATALOGUE.themes:
        soup = pages(f"themes/{theme.id}/")
        evidence = soup.find(id="evidence")
        first_card = soup.find("article", class_="rec-card")
        assert evidence is not None and first_card is not None
        assert str(soup).index('id="evidence"') < str(soup).index(f'id="{first_card["id"]}"')
        linked = [a["href"] for a in evidence.find_next("ul").select("a")]
        assert linked == [f"../../barriers/{theme.barrier.id}/#{f.id}"
                          for f in EVIDENCE.for_barrier(theme.barrier).findings]


def test_barrier_findings_keep_the_reports_bold_words(pages):
    # The id is its heading's, which heads the finding's section.
    finding = pages("barriers/demand-and-expectations/").find(id="low-demand-or-expectations").find_parent("section")
    assert words(finding.find("strong")) == "low demand or expectations"


def test_figure_4_lists_the_four_barriers(pages):
    items = pages("barriers/").select("#figure-4 ol.barrier-list > li")
    assert [li["id"] for li in items] == [theme.barrier.id for theme in CATALOGUE.themes]


def test_appendices_print_every_question(pages):
    for appendix in EVIDENCE.appendices:
        soup = pages(f"evidence/{appendix.id}/")
        for part in appendix.parts:
            heading = soup.find(id=part.id)
            numbers = [int(li["value"]) for li in heading.find_next("ol", class_="questions").find_all("li", recursive=False)]
            assert numbers == [q.number for q in part.questions]
    survey = [q.number for part in EVIDENCE.appendices[0].parts for q in part.questions]
    assert survey == list(range(1, 29))  # the survey's 28 questions, in order
    guides = [len(part.questions) for part in EVIDENCE.appendices[1].parts]
    assert guides == [31, 24, 21, 29]


# --- Fidelity: the report's words, exactly -----------------------------------------------------

def _verbatim_texts():
    for page, block in BLOCKS:
        if block.kind == "list":
            yield block.id, block.intro
            yield from ((block.id, item) for item in block.items)
        elif getattr(block, "text", None):
            yield getattr(block, "id", None) or page.id, block.text
    for entry, finding in FINDINGS:
        yield finding.id, finding.text
    for appendix in EVIDENCE.appendices:
        yield from ((appendix.id, text) for text in appendix.intro + appendix.outro)
        for part in appendix.parts:
            for question in part.questions:
                yield from ((f"{part.id} Q{question.number}", text)
                            for text in (question.text, *question.options, *question.notes))


VERBATIM = list(_verbatim_texts())


def printed_across_a_page_break(text: str, items: list[str]) -> bool:
    """A sentence split by a page break (and the footnotes printed there): its start ends one item
    and its rest is in another."""
    return any(text[:cut] and item.endswith(text[:cut].rstrip())
               and any(text[cut:].lstrip() in other for other in items if other is not item)
               for item in items for cut in range(1, len(text)) if text[cut] == " ")


def test_every_quoted_text_is_the_reports_own_words():
    printed = all_items()
    items = printed.splitlines()
    wrong = [(where, text) for where, text in VERBATIM
             if text not in printed and not printed_across_a_page_break(text, items)]
    assert not wrong, "not found word for word in the report:\n" + "\n".join(f"  {w}: {t}" for w, t in wrong)


def test_every_quote_is_printed_as_a_quote_in_the_report():
    printed = all_items()
    wrong = [quote.text for _, quote in QUOTES if f'"{quote.text}' not in printed]
    assert not wrong, wrong


def test_bold_points_are_bold_in_the_report():
    raw = " ".join(report_text().replace("**, **", ", ").split())
    wrong = [finding.point for _, finding in FINDINGS if finding.point and f"**{finding.point}**" not in raw]
    assert not wrong, wrong
