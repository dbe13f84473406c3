"""What Chromium draws and prints of the report's words (issue 28): on screen, the report's words as
large and as dark as body text, never paler than the site's summaries, in both colour schemes; on
paper (Chromium's own PDF, read back with pypdf), a recommendation on one A4 page with what a
council officer needs, lists several cards a page with their filter, and no blank page anywhere."""

from __future__ import annotations

import math
from datetime import date

import pytest
from support.printing import blank_pages, printed_sheets
from support.project import real_catalogue
from recsite.dates import long_date
from recsite.render import SITE_NAME

pytestmark = pytest.mark.browser

CATALOGUE = real_catalogue()
RECS = CATALOGUE.recommendations


def printed_length(rec) -> int:
    s7 = rec.section7
    return sum(len(text or "") for text in (rec.title, rec.text, rec.plain, rec.footnote,
                                            s7 and s7.wording, s7 and s7.footnote))


# The recommendations most likely to run onto a second page (the most words: the report's, Section
# 7's other wording, the plain words, the footnotes), the report's one printed twice, and the
# shortest of each audience's.
LONGEST = sorted(RECS, key=printed_length)[-3:]
AT_RISK = [*LONGEST, *(rec for rec in RECS if rec.twin and rec not in LONGEST)][:4]
SHORTEST = [min((rec for rec in RECS if rec.audience == audience), key=printed_length) for audience in CATALOGUE.audiences]


def squeeze(text: str) -> str:
    """Text without its spaces and line breaks: a PDF's text breaks lines where the page did."""
    return "".join(text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"').split())


def printed(page, address: str) -> list[str]:
    """The text of each A4 page Chromium prints of `address` (with the page's own print rules), in
    the order it is drawn on the page (pypdf's plain order puts a glossary term's words last)."""
    page.goto(address)
    return printed_sheets(page)


# --- On paper -------------------------------------------------------------------------------------

@pytest.mark.parametrize("rec", [*AT_RISK, *SHORTEST], ids=lambda rec: rec.id)
def test_a_recommendation_prints_on_one_a4_page_with_what_a_reader_needs(page, site, rec):
    sheets = printed(page, f"recommendations/{rec.id}/")
    assert len(sheets) == 1, f"{len(sheets)} pages"
    text = squeeze(sheets[0])
    assert text.startswith(squeeze(SITE_NAME)), "the site's name comes first"
    assert squeeze(f"Printed {long_date(date.today())}") in text
    assert squeeze("In the report's words:") + squeeze(rec.text) in text
    for said in (rec.title, rec.audience.title, rec.source.where):
        assert squeeze(said) in text, said
    address = f"{site.url}recommendations/{rec.id}/"
    assert text.count(squeeze(address)) == 1, "its permanent address, once"
    # The screen's lists of links and the citation are not printed.
    for heading in ("The barrier this site pairs it with", "Cite this recommendation", "Related recommendations"):
        assert squeeze(heading) not in text


def test_the_printed_address_is_no_larger_than_the_recommendation(page):
    page.goto(f"recommendations/{LONGEST[-1].id}/")
    page.emulate_media(media="print")
    words, address = (page.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)")
                      for selector in (".rec-detail__words p", "a.rec-detail__permalink"))
    assert address <= words
    page.goto("recommendations/")
    page.emulate_media(media="print")
    card = page.locator("article.rec-card").first
    words = card.locator(".rec-card__text").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    drawn = card.locator(".rec-link > a").evaluate("e => parseFloat(getComputedStyle(e, '::after').fontSize)")
    assert 0 < drawn <= words


def test_a_filtered_list_prints_several_cards_a_page_with_its_filter(page, site):
    page.goto("recommendations/?audience=individuals-and-families")
    page.locator("#filters[data-ready]").wait_for(state="visible")
    sheets = printed_sheets(page)
    text = squeeze(" ".join(sheets))
    assert squeeze("Filter: Who it is for: Individuals and families. Showing 7 of 48 recommendations.") in text
    shown = [rec for rec in RECS if rec.audience.id == "individuals-and-families"]
    assert len(shown) == 7 and len(sheets) <= 2, f"7 cards on {len(sheets)} pages"
    for rec in shown:
        assert squeeze(f"{site.url}recommendations/{rec.id}/") in text, rec.id
    others = [rec for rec in RECS if rec.audience.id != "individuals-and-families"]
    assert not any(squeeze(f"/recommendations/{rec.id}/") in text for rec in others)
    assert not blank_pages(sheets)


def test_the_whole_list_prints_at_least_four_cards_a_page(page):
    sheets = printed(page, "recommendations/")
    assert len(sheets) <= math.ceil(len(RECS) / 4), f"{len(RECS)} cards on {len(sheets)} pages"
    assert not blank_pages(sheets)


# One page of every kind: none prints a blank page (Material's page was at least a window high, so
# any margin above it pushed a blank page after even a short one).
EVERY_KIND = ["", "about/", "recommendations/employment-as-the-norm/", "key-recommendations/",
              "audiences/", "audiences/national-organisations/", "themes/", "themes/encouraging-demand/",
              "barriers/", "barriers/professionals-attitudes/", "evidence/", "evidence/policy-context/",
              "evidence/survey-questions/", "glossary/", "changes/", "reuse/", "planner/questions/",
              # Each printed its date line alone on its last page.
              "audiences/local-authorities-and-providers/key/", "themes/evidence-based-support/"]


@pytest.mark.parametrize("address", EVERY_KIND)
def test_no_page_prints_a_blank_page(page, address):
    sheets = printed(page, address)
    assert sheets and not blank_pages(sheets), f"blank pages: {blank_pages(sheets)} of {len(sheets)}"


# --- On screen ------------------------------------------------------------------------------------

CONTRAST = """e => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const v = rgb(c).map(x => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  let back = e, bg;
  do { bg = getComputedStyle(back).backgroundColor; back = back.parentElement; }
  while (back && (bg === "rgba(0, 0, 0, 0)" || bg === "transparent"));
  if (!back && (bg === "rgba(0, 0, 0, 0)" || bg === "transparent")) bg = getComputedStyle(document.body).backgroundColor;
  const [a, b] = [lum(getComputedStyle(e).color), lum(bg)];
  return {size: parseFloat(getComputedStyle(e).fontSize), contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)};
}"""


def looks(page, selector: str) -> dict:
    return page.locator(selector).first.evaluate(CONTRAST)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_reports_words_are_at_least_as_large_and_dark_as_body_text(tabs, site, scheme):
    with tabs.open(site.url, color_scheme=scheme) as page:
        page.goto(f"recommendations/{RECS[0].id}/")
        words, body = looks(page, ".rec-detail__words p"), looks(page, ".rec-pairing")
        assert words["size"] >= body["size"] and words["contrast"] >= body["contrast"] >= 4.5, (words, body)
        assert words["size"] > looks(page, ".rec-facts dd")["size"], "the words are the page's main content"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("address", "ours"), [
    (f"themes/{CATALOGUE.themes[0].id}/", ".barrier .site-words"),
    (f"barriers/{CATALOGUE.themes[2].barrier.id}/", ".barrier .site-words"),
    ("evidence/survey/", ".lede[data-provenance='site']"),
    ("evidence/fieldwork/", ".lede[data-provenance='site']")])
def test_the_reports_findings_are_not_paler_than_the_sites_summaries(tabs, site, scheme, address, ours):
    with tabs.open(site.url, color_scheme=scheme) as page:
        page.goto(address)
        summary = looks(page, ours)
        for selector in ("blockquote.report-quote[data-provenance] p", ".fieldwork-quote blockquote p"):
            if page.locator(selector).count():
                finding = looks(page, selector)
                assert finding["contrast"] >= summary["contrast"] and finding["size"] >= summary["size"] * 0.99, \
                    (selector, finding, summary)


def test_whose_words_a_block_is_is_drawn_by_its_line_and_read_by_screen_readers(page):
    page.goto("evidence/survey/")
    quoted = page.locator("blockquote.report-quote[data-provenance='research']").first
    ours = page.locator(".lede[data-provenance='site']")
    lines = [block.evaluate("e => getComputedStyle(e).borderLeftStyle") for block in (quoted, ours)]
    assert lines == ["solid", "dashed"], "told apart by the line's style, not by colour alone"
    label = quoted.locator(".provenance__tag")
    box = label.bounding_box()
    assert box and box["width"] <= 1 and box["height"] <= 1, "out of sight"
    assert label.evaluate("e => getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility === 'visible'")
    assert quoted.aria_snapshot().startswith("- blockquote:\n  - text: \"From this research:\""), quoted.aria_snapshot()
    # The key draws each kind's line beside its name, and says what the line is to screen readers.
    key = page.locator(".provenance-key p")
    assert [line.evaluate("e => getComputedStyle(e).borderLeftStyle") for line in key.all()] == ["solid", "dashed"]
    assert key.first.aria_snapshot() == "- paragraph: The report's words have a solid line beside them."
    assert key.last.aria_snapshot() == "- paragraph: Our words (headings included) have a dashed line or none."
    tops = [line.bounding_box()["y"] for line in key.all()]
    assert tops[0] == tops[1], "the key takes one line"


# The labels in sight that say whose words a block is: a block's own label ("In the report's
# words:"), before inline words, and a plain-words note. The line beside a block says it, and the
# page's key explains the line once (its two lines are not counted: they are the explanation).
SEEN_LABELS = """() => [...document.querySelectorAll('.md-content .provenance__tag, .md-content .rec-plain__note')]
  .filter(label => { const box = label.getBoundingClientRect();
                     return box.width > 2 && box.height > 2 && getComputedStyle(label).visibility === 'visible'; })
  .map(label => label.textContent.trim())"""
HANDFUL = 5


@pytest.mark.parametrize("address", [*EVERY_KIND, "audiences/individuals-and-families/",
                                     "audiences/individuals-and-families/key/", "planner/"])
def test_no_page_shows_more_than_a_handful_of_whose_words_labels(page, address):
    """Provenance is told by a consistent treatment explained once, not a label before every block
    (issue 28): the individuals' pages showed 7 "(our summary)" notes, a plan of every
    recommendation 48 "In the report's words" boxes."""
    page.goto(address)
    if address == "planner/":
        page.locator("#planner").wait_for(state="visible")
        page.select_option("#planner-preset", "all")
        page.click("#planner-preset-add")
        page.locator("#planner-list .pl-item").nth(47).wait_for()
    seen = page.evaluate(SEEN_LABELS)
    assert len(seen) <= HANDFUL, seen
