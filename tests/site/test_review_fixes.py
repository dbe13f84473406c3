"""Guards for the findings of the second independent review of the built site against the report.
Each test names its finding; each would fail on the site as it was before the fix."""

from __future__ import annotations

import copy
import re

import pytest

from support.project import real_catalogue
from support.site import finding_at, text_of, words_of
from recsite.model import RESEARCH_PARTS, TEXT_KINDS

CATALOGUE = real_catalogue()
EVIDENCE = CATALOGUE.evidence


@pytest.fixture(scope="module")
def page(articles):
    """Here `page(address)` is a built page's article (not conftest's browser tab)."""
    return articles


def _block(evidence_id: str):
    return next(block for page in EVIDENCE.pages for block in page.blocks if getattr(block, "id", None) == evidence_id)


# 1. The theme-barrier pairing is the site's, never shown as the report's reasoning.

CLAIMS = ("Why the report recommends this", "It answers the barrier", "Answers the barrier",
          "Each theme answers", "The barrier this answers", "the barrier it answers", "answer this barrier",
          "Answered by")


def test_1_the_pairing_of_barriers_and_themes_is_said_to_be_ours(site, page):
    addresses = ["themes/", "barriers/", "key-recommendations/", "recommendations/",
                 *(f"themes/{t.id}/" for t in CATALOGUE.themes),
                 *(f"barriers/{t.barrier.id}/" for t in CATALOGUE.themes),
                 *(f"audiences/{a.id}/" for a in CATALOGUE.audiences),
                 *(f"recommendations/{r.id}/" for r in CATALOGUE.recommendations)]
    for address in addresses:
        text = text_of(page(address))
        assert not [claim for claim in CLAIMS if claim in text], address
    for rec in CATALOGUE.recommendations:
        article = page(f"recommendations/{rec.id}/")
        heading = article.find(id="why")  # the published anchor is kept
        assert heading is not None and "this site pairs" in text_of(heading), rec.id
        pairing = heading.find_next_sibling("p")
        assert pairing["data-provenance"] == "site" and "the pairing is ours" in text_of(pairing), rec.id
    for theme in CATALOGUE.themes:
        heading = page(f"themes/{theme.id}/").find(id="barrier")
        assert heading is not None and "this site pairs" in text_of(heading)
    # A card names its theme, never a barrier: the pairing is named only where it is said to be ours.
    for card in page("recommendations/").select("article.rec-card"):
        rec = CATALOGUE.recommendation(card["id"])
        assert f"Theme: {rec.theme.title}" in text_of(card), card["id"]
        assert "barrier" not in text_of(card).lower() and rec.theme.barrier.title not in text_of(card), card["id"]


# 2. Every card says that its recommendation text is the report's words.

def test_2_every_card_labels_the_reports_words(site, page):
    for address in ("recommendations/", "key-recommendations/", "themes/encouraging-demand/",
                    "audiences/individuals-and-families/"):
        cards = page(address).select("article.rec-card")
        assert cards, address
        for card in cards:
            words = card.select_one('[data-provenance="report"]')
            # Its label first, for screen readers (in sight, the line beside it says so: the page's key).
            assert text_of(words.find(True)) == TEXT_KINDS["report"] + ":", (address, card["id"])
            assert "provenance__tag" in words.find(True)["class"], (address, card["id"])
            rec = CATALOGUE.recommendation(card["id"])
            where = card.select_one(".rec-card__tags > li")  # the first line under the text
            assert rec.source.where in text_of(where), (address, card["id"])
    # One label a card, not four: the page is well within its budget.
    assert (site.root / "recommendations" / "index.html").stat().st_size < 100_000


# 3. The key recommendations page shows Section 7's words, at Section 7's place.

def test_3_the_key_page_shows_section_7s_wording_and_where_appendix_3_differs(page):
    key_page = page("key-recommendations/")
    for rec in CATALOGUE.key_recommendations:
        card = key_page.find(id=rec.id)
        words = words_of(card.select_one('[data-provenance="report"]'))
        assert words == (rec.section7.wording or rec.text), rec.id
        assert rec.section7.source.where in text_of(card), rec.id
        note = card.select_one(".rec-card__note")
        assert (note is not None) == bool(rec.section7.wording), rec.id
        if note is not None:
            assert note.find("a", href=re.compile(rf"(^|/){rec.id}/$")), rec.id
    assert "to promote an understanding" in text_of(key_page.find(id="partnership-links"))
    assert "further education" not in text_of(
        key_page.find(id="transition-presumption-of-employment").select_one('[data-provenance="report"]'))


# 4. Phase Three's results are not credited to the fieldwork.

@pytest.mark.parametrize("block_id", ["user-led-organisations", "right-to-control-areas", "alternative-use-interviews"])
def test_4_phase_three_results_are_labelled_as_phase_three(page, block_id):
    block = _block(block_id)
    assert block.provenance.origin == "phase-three" and block.provenance.kind == "research"
    element = page("evidence/fieldwork/").find(id=block_id)
    assert text_of(element.select_one("blockquote .provenance__tag")) == TEXT_KINDS["research"] + ":"
    label = text_of(element.select_one(".provenance"))
    assert RESEARCH_PARTS["phase-three"] in label and "fieldwork in five sites" not in label


# 5. Survey figures whose base the report leaves unclear say so, in the site's words.

@pytest.mark.parametrize(("block_id", "total"), [("costing-methods", "14"), ("payment-routes", "16")])
def test_5_figures_without_a_real_base_say_so(page, block_id, total):
    element = page("evidence/survey/").find(id=block_id)
    note = element.select_one(".evidence-base-note")
    assert note is not None and note["data-provenance"] == "site"
    assert text_of(note).startswith(TEXT_KINDS["site"])
    assert "does not say how many" in text_of(note) and f"add up to {total}" in text_of(note)


# 6. Home-page summaries do not narrow the findings or state perceptions as facts.

def test_6_highlight_summaries_keep_the_reports_limits(page):
    home = text_of(page("evidence/"))
    for said in ("on the Care Programme Approach", "Most holders in a 2013 survey said",
                 "warns of caveats", "more likely an overestimate than an underestimate"):
        assert said in home, said
    assert "probably an overestimate" not in home.lower()
    finding = page("evidence/survey/").find(id="likely-overestimate")
    label = copy.copy(finding.select_one(".finding__label"))
    for permalink in label.select(".headerlink"):  # its ¶, a link to the finding's own address
        permalink.decompose()
    assert text_of(label) == "More likely an overestimate than an underestimate"


# 7. The last line of Appendix 3 is cited there.

def test_7_raise_employment_support_locally_is_cited_in_appendix_3(page):
    text = text_of(page("recommendations/raise-employment-support-locally/"))
    assert "Appendix 3, section A3.4.3, page 56" in text and "Section 7.4.3, page 38" in text


# 8. Places in the report that cover everything a page quotes.

def test_8_pages_give_every_place_they_quote(page):
    assert "Section 3.1, pages 12–13 and Section 4, pages 16–23" in text_of(page("evidence/survey/"))
    assert "Section 3.1, pages 12–13 and Section 4, pages 16–23" in text_of(page("evidence/"))
    assert "Section 1, pages 6–8 and Section 3, pages 12–15" in text_of(page("evidence/methods/"))
    assert ("Section 3.2, pages 13–15, Section 3.3, page 15 and Section 4.3.4, page 22"
            in text_of(page("evidence/fieldwork/")))
    discussion = page("evidence/discussion/")
    assert "(Part 2, page 34)" in text_of(discussion.select_one(".fieldwork-quote"))
    theme = text_of(page("themes/encouraging-demand/").select_one(".lede"))
    assert "section 7.1, pages 36–37" in theme and "section A3.1, pages 53–54" in theme
    assert "key ones" in theme and "full set" in theme
    assert "Appendix 3, section A3.1.2, pages 53–54" in text_of(
        page("recommendations/transition-presumption-of-employment/"))


# 9. The demand table's missing 12%, three titles, a barrier summary and a misplaced quote.

def test_9_demand_table_says_what_it_leaves_out(page):
    note = page("evidence/survey/").find(id="demand-table").select_one(".evidence-base-note")
    assert note is not None and "88%" in text_of(note) and "12%" in text_of(note)


@pytest.mark.parametrize(("rec_id", "words"), [("pool-employment-budgets", "Consider local pooling"),
                                                ("supported-employment-criteria", "learning disabilities"),
                                                ("ras-funding-for-employment", "where appropriate")])
def test_9_titles_keep_what_the_report_says(rec_id, words):
    rec = CATALOGUE.recommendation(rec_id)
    assert words in rec.title and len(rec.title) <= 68
    assert rec.changes and rec.changes[0].change.startswith("Title:")


def test_9_barrier_summary_and_quote_placement(page):
    summary = next(t.barrier.summary for t in CATALOGUE.themes if t.barrier.id == "personal-budget-process")
    assert "irregular reviews" not in summary
    barrier = page("barriers/professionals-attitudes/")
    assert "general sigh" not in text_of(finding_at(barrier, "not-knowing-local-support"))
    gateway = finding_at(barrier, "social-workers-the-gateway")
    assert "they are the gateway to Personal Budgets" in text_of(gateway)
    assert "general sigh" in text_of(gateway)


# 10. The appendices are checked as the report's words, and their extraction fault is noted.

def test_10_appendix_text_is_marked_labelled_and_its_fault_noted(page):
    survey = page("evidence/survey-questions/")
    blocks = survey.select('div[data-provenance="report"]')
    assert len(blocks) >= 2
    assert any("201213" in text_of(block) for block in blocks)
    for block in blocks:
        assert text_of(block.find(True)) == TEXT_KINDS["report"] + ":"  # its label, first
        line = block.find_next_sibling(class_="provenance")
        assert line is not None and "Appendix 1" in text_of(line)
    note = survey.select_one('.evidence-note[data-provenance="site"]')
    assert note is not None and "2012/13" in text_of(note) and "201213" in text_of(note)
    assert page("evidence/topic-guides/").select('div[data-provenance="report"]')


# 11. Small wording faults.

def test_11_no_lower_cased_abbreviation_header_once_and_the_ips_entry(page):
    assert "nDTi" not in text_of(page("evidence/"))
    header = text_of(page("evidence/survey/").find(id="table-2").find("thead"))
    assert "(N) (N=" not in header and "(%) (N=" not in header
    # Each term is a heading of its own, its meaning the paragraph under it (templates/glossary.md.j2).
    entry = text_of(page("glossary/").find(id="ips").find_next_sibling(class_="glossary__definition"))
    assert "proven" not in entry and "place and train" in entry
