"""Whose words: every block on the built site says which of the four kinds of text it is (the
report's words, a figure from this research, another study the report cites, or the site's own
words), and every block presented as the report's is the report's, word for word."""

from __future__ import annotations

import copy
import re

import pytest

from support.project import real_catalogue
from support.site import text_of
from recsite.model import COMPILED_TABLE, RESEARCH_PARTS, TEXT_KINDS
from support.report_text import all_items, report, report_text

CATALOGUE = real_catalogue()
EVIDENCE = CATALOGUE.evidence
BLOCKS = [(page, block) for page in EVIDENCE.pages for block in page.blocks if hasattr(block, "provenance")]
QUOTED_KINDS = {"report", "research", "cited"}



def normalise(text: str) -> str:
    """Compare words, not typography: curly and straight quotes alike, one space between words."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pages(site):
    """Every built page's article, by its address (e.g. 'evidence/survey/')."""
    found = {}
    for address in site.addresses():
        article = site.soup(address).find("article")
        if article is not None:
            found[address] = article
    return found


def quoted_units(block) -> list[str]:
    """The paragraphs and list items inside a block marked as the report's words. Figure 5's group
    headings are left out: the report prints them in capitals (test_report_fidelity checks them)."""
    if block.find("table"):
        return []  # a table's cells are checked against the report's tables (test_evidence)
    units = []
    block = copy.copy(block)
    for label in block.select(".provenance__tag"):  # the label said for screen readers is ours
        label.decompose()
    inner = block.select("p, li")
    for element in inner if inner else [block]:
        if element.find(["p", "li"]) or "figure5__heading" in element.get("class", []):
            continue
        # Inline markup (bold points, glossary links) adds no spaces: join the text as printed.
        text = normalise(element.get_text("")).strip('"')
        if text:
            units.append(text)
    return units


def in_report(text: str, printed: str, items: list[str], raw: str) -> bool:
    if text in printed or text in raw:  # raw: footnotes, which `all_items` leaves out
        return True
    # A sentence split by a page break (and the footnotes printed there) ends one item and goes on
    # in another.
    return any(text[:cut] and item.endswith(text[:cut].rstrip())
               and any(text[cut:].lstrip() in other for other in items if other is not item)
               for item in items for cut in range(1, len(text)) if text[cut] == " ")


def test_every_block_marked_as_the_reports_words_is_in_the_report(pages):
    printed = normalise(all_items())
    items = [normalise(item) for item in all_items().splitlines()]
    raw = normalise(re.sub(r"</?u>", "", report_text()))  # links in footnotes are underlined
    checked, wrong = 0, []
    for address, article in pages.items():
        for block in article.select("[data-provenance]"):
            if block["data-provenance"] not in QUOTED_KINDS:
                continue
            for text in quoted_units(block):
                checked += 1
                if not in_report(text, printed, items, raw):
                    wrong.append(f"{address}: {text[:120]}")
    assert checked > 400, f"only {checked} quoted texts found: is data-provenance still on the pages?"
    assert not wrong, "shown as the report's words but not in the report:\n" + "\n".join(wrong)


def _places(text: str) -> tuple[set[int], set[int]]:
    """The indexes of the report's passages (paragraphs, bullets, lines) where `text` can start and
    where it can end: its first and last few words, found in the passages the report prints."""
    passages = [normalise(passage.text) for passage in report().passages]
    words = text.split()
    head, tail = " ".join(words[:6]), " ".join(words[-6:])
    return ({index for index, passage in enumerate(passages) if head in passage},
            {index for index, passage in enumerate(passages) if tail in passage})


def test_no_block_joins_passages_the_report_prints_apart(pages):
    """Paragraphs shown together in one block of the report's words are printed one after the other
    in the report (or in one passage). Where the report prints something between them (Figure 5
    between the two paragraphs before the core recommendation), the page splits the block and says,
    in a line of ours, what stands between."""
    joined = []
    for address, article in pages.items():
        for block in article.select("[data-provenance]"):
            if block["data-provenance"] not in QUOTED_KINDS:
                continue
            # Figure 5's groups are printed under their own headings (RIGHT CONDITIONS, …), shown too.
            runs = [quoted_units(group) for group in block.select(".figure5__group")] or [quoted_units(block)]
            for before, after in ((units[i], units[i + 1]) for units in runs for i in range(len(units) - 1)):
                ends, starts = _places(before)[1], _places(after)[0]
                if ends and starts and not any(0 <= start - end <= 1 for end in ends for start in starts):
                    joined.append(f"{address}: “{before[-50:]}” + “{after[:50]}”")
    assert not joined, "passages the report prints apart, joined in one block:\n" + "\n".join(sorted(set(joined)))


def test_every_quotation_on_the_site_says_whose_words_it_is(pages):
    unmarked = [f"{address}: {text_of(quote)[:80]}" for address, article in pages.items()
                for quote in article.find_all("blockquote")
                if quote.get("data-provenance") not in QUOTED_KINDS | {"withdrawn"}]
    assert not unmarked, "a quotation without data-provenance:\n" + "\n".join(unmarked)


# The blocks whose words are whose: quoted blocks and the site's own paragraphs and boxes. (Inline
# words, a <q> or a <span>, are in quotation marks or follow a label in sight; a table has a caption.)
BLOCKS_OF_WORDS = "blockquote[data-provenance], div[data-provenance], p[data-provenance]"


def label_at_start(block):
    """The label a block starts with, for screen readers: its first element, with no words before
    it (in a hand-written page's box of ours, the first element of its first paragraph)."""
    first = block.find(True)
    if first is not None and first.name == "p" and block.name == "div" and first.find(True) is not None:
        block, first = first, first.find(True)
    if first is None or "provenance__tag" not in first.get("class", []):
        return None
    before = []
    for piece in block.descendants:
        if piece is first:
            break
        if isinstance(piece, str):
            before.append(piece)
    return None if "".join(before).strip() else first


def test_every_block_starts_by_saying_whose_words_it_is(pages):
    """Readers see whose words a block is from its line (the page's key explains it); screen readers
    hear it in words, at the block's start, for every block (site.css hides the label from sight only)."""
    unlabelled, checked = [], 0
    for address, article in pages.items():
        for block in article.select(BLOCKS_OF_WORDS):
            kind = block["data-provenance"]
            if kind not in TEXT_KINDS:
                continue  # a withdrawn recommendation's words: its page says so in its heading
            checked += 1
            label = label_at_start(block)
            if label is None or text_of(label) != TEXT_KINDS[kind] + ":":
                unlabelled.append(f"{address}: {kind}: {text_of(block)[:60]}")
    assert checked > 500, f"only {checked} blocks found: is data-provenance still on the pages?"
    assert not unlabelled, "\n".join(unlabelled)


def test_every_page_with_words_of_both_kinds_explains_the_treatment_once(pages):
    """The lines that say whose words are whose are explained once per page, in words."""
    wrong = []
    for address, article in pages.items():
        kinds = {block["data-provenance"] for block in article.select(BLOCKS_OF_WORDS)} & set(TEXT_KINDS)
        # The planner draws its blocks from its data in the browser (test_planner_browser.py checks them).
        drawn = article.select_one("#planner-data") is not None
        keys = article.select(".provenance-key")
        if len(keys) != (1 if kinds or drawn else 0):
            wrong.append(f"{address}: {len(keys)} keys, blocks of {sorted(kinds)}")
    assert not wrong, "\n".join(wrong)
    key = next(article for article in pages.values() if article.select_one(".provenance-key")).select_one(".provenance-key")
    # What a screen reader says: each line one sentence, begun by the name in sight (the part said
    # only to screen readers goes on the sentence, so a capital is never left in its middle).
    assert [" ".join(line.get_text("").split()) for line in key.select("p")] == [
        "The report's words have a solid line beside them.",
        "Our words (headings included) have a dashed line or none."]
    seen = copy.copy(key)
    for hidden in seen.select(".visually-hidden"):
        hidden.decompose()
    assert [" ".join(line.get_text("").split()) for line in seen.select("p")] == [
        "The report's words", "Our words (headings included)"], "in sight: each kind's name beside its line"


def test_quoted_figures_say_whose_they_are_and_where_the_report_prints_them(pages):
    """Under every quoted block of the evidence, a line in sight says where the report prints it and,
    for a figure, whose it is: this research's or another study's."""
    for page in EVIDENCE.pages:
        article = pages[f"evidence/{page.id}/"]
        for block in article.select("blockquote.report-quote[data-provenance]"):
            line = block.find_next_sibling(class_="provenance")
            assert line is not None and line["data-kind"] == block["data-provenance"], text_of(block)[:60]
            assert re.search(r"(Section|Appendix) [0-9A-Z.]+, pages? \d", text_of(line)), text_of(line)


def test_the_sites_own_summaries_are_labelled_as_ours(pages):
    labelled = [element for article in pages.values() for element in article.select('[data-provenance="site"]')]
    assert labelled
    # A table this site compiled from the report's prose is captioned as ours instead.
    unlabelled = [text_of(element)[:80] for element in labelled
                  if not text_of(element).startswith(COMPILED_TABLE if element.find("table") else TEXT_KINDS["site"])]
    assert not unlabelled, unlabelled
    # A barrier summary naming FACS ends with a link of ours to About's "What has changed since 2014".
    shown = {text_of(element).removeprefix(TEXT_KINDS["site"]).lstrip(": ").strip()
             for element in labelled}
    shown |= {re.sub(r" \( ?What has changed since 2014 ?\.\)$", "", text) for text in shown}
    ours = ({theme.barrier.summary for theme in CATALOGUE.themes} | {page.summary for page in EVIDENCE.pages}
            | {highlight.summary for highlight in EVIDENCE.highlights})
    assert ours <= shown, f"summaries shown without the label: {ours - shown}"


@pytest.mark.parametrize(("page", "block"), [(p, b) for p, b in BLOCKS if b.provenance.kind == "research"],
                         ids=[b.id for p, b in BLOCKS if b.provenance.kind == "research"])
def test_every_figure_from_this_research_has_section_page_and_base(pages, page, block):
    source = block.text_source if block.kind == "chart" else block.source
    assert source.section and source.page and (block.provenance.base or block.provenance.lead_in)
    element = pages[f"evidence/{page.id}/"].find(id=block.id)
    if block.kind != "table":  # a table of the report's is captioned with its name
        assert text_of(element.select_one("blockquote .provenance__tag")) == TEXT_KINDS["research"] + ":"
    line = text_of(element.select_one(".provenance"))
    assert line.startswith(f"Figures from {RESEARCH_PARTS[block.provenance.origin]}, this research: ")
    assert source.where in line
    provenance = block.provenance
    if provenance.base:
        place = f" ({provenance.base_source.where})" if provenance.base_source else ""
        assert f"Base, in the report's words{place}: “{provenance.base}”" in line
    else:
        # Words the report prints before figures it gives no base for are never called a base.
        assert "Base" not in line and f"they follow its words: “{provenance.lead_in}”" in line
        assert provenance.base_note and provenance.base_note in text_of(element.select_one(".evidence-base-note"))


@pytest.mark.parametrize(("page", "block"), [(p, b) for p, b in BLOCKS if b.provenance.base],
                         ids=[b.id for p, b in BLOCKS if b.provenance.base])
def test_a_base_is_cited_at_the_place_the_report_prints_it(pages, page, block):
    """A base quoted from elsewhere in the report (a figure of Section 4.1.1 counted over the
    responses Section 3.1.1 describes) carries its own place: the section the page names for it
    prints its words."""
    source = block.text_source if block.kind == "chart" else block.source
    place = block.provenance.base_source or source
    assert place.section in report().sections_of(block.provenance.base), (block.id, place.where)
    line = text_of(pages[f"evidence/{page.id}/"].find(id=block.id).select_one(".provenance"))
    if block.provenance.base_source:
        assert f"Base, in the report's words ({place.where}):" in line


def test_a_base_printed_on_the_page_before_its_figures_says_its_page():
    """Table 1 and the finding after it (page 18) are counted over a sentence that ends the
    paragraph on page 17 (Section 4.1.2): their base says page 17, not the table's page."""
    for block_id in ("table-1", "numbers-very-low"):
        block = next(b for _, b in BLOCKS if getattr(b, "id", None) == block_id)
        assert block.provenance.base_source.where == "Section 4.1.2, page 17", block_id


def test_the_words_before_figures_with_no_base_are_not_called_a_base():
    """Section 4.2 gives no base for how providers cost support or how payments reach them."""
    for block_id in ("costing-methods", "payment-routes"):
        block = next(b for _, b in BLOCKS if getattr(b, "id", None) == block_id)
        assert block.provenance.base is None and block.provenance.lead_in and block.provenance.base_note


def test_every_base_is_the_reports_own_words():
    printed = normalise(all_items())
    wrong = [block.id for _, block in BLOCKS for words in (block.provenance.base, block.provenance.lead_in)
             if words and normalise(words) not in printed]
    assert not wrong


@pytest.mark.parametrize(("page", "block"), [(p, b) for p, b in BLOCKS if b.provenance.kind == "cited"],
                         ids=[b.id for p, b in BLOCKS if b.provenance.kind == "cited"])
def test_every_figure_from_another_study_names_it_and_its_footnote(pages, page, block):
    element = pages[f"evidence/{page.id}/"].find(id=block.id)
    if block.kind != "table":
        assert text_of(element.select_one("blockquote .provenance__tag")) == TEXT_KINDS["cited"] + ":"
    label = text_of(element.select_one(".provenance"))
    assert label.startswith(f"Figures from {block.provenance.study}, which the report cites")
    if block.refs:
        footnotes = text_of(element.select_one(".evidence-refs"))
        assert all(f"(footnote {ref.footnote}" in footnotes for ref in block.refs)
    else:
        assert "it gives no footnote for this sentence" in label


def test_policy_context_is_all_other_studies():
    """Section 2 reports national statistics and earlier studies, none of them this research."""
    policy = next(page for page in EVIDENCE.pages if page.id == "policy-context")
    assert {block.provenance.kind for block in policy.blocks} == {"cited"}


def test_the_findings_in_brief_separate_this_research_from_the_background_it_cites(pages):
    home = pages["evidence/"]
    research = home.find(id="this-research").find_next_sibling("ul")
    background = home.find(id="other-studies").find_next_sibling("ul")
    assert {p["data-kind"] for p in research.select(".provenance")} == {"research"}
    assert {p["data-kind"] for p in background.select(".provenance")} == {"cited"}
    # What an independent reader found presented as this research's findings: other studies' figures.
    for figure in ("2,022", "6.9%", "7.2%", "£2,800", "£8,000"):
        assert figure not in text_of(research) and figure in text_of(background), figure
    for figure in ("Nineteen of the organisations (33%)", "the median of 3", "25 of the organisations (43%)"):
        assert figure in text_of(research), figure


def test_the_fieldwork_is_described_in_the_reports_word_sites(pages):
    """The report visited five sites; 'areas' would suggest whole council areas."""
    for address, article in pages.items():
        assert not re.search(r"\bfive areas\b", text_of(article)), address


def test_the_core_recommendation_is_shown_whole_with_its_lead_in_and_caveat(pages):
    core = CATALOGUE.core
    # The home page sends readers to it rather than quote a part of it.
    assert pages[""].find(id="core-recommendation").find_next_sibling().find(
        "a", href=re.compile(r"key-recommendations/#core-recommendation$"))
    assert core.paragraphs[0][:40] not in text_of(pages[""])
    for address in ("key-recommendations/",):
        passage = pages[address].select_one(".core-rec")
        assert passage.find("details") is None, "part of the passage is hidden"
        text = text_of(passage)
        for paragraph in (*core.lead_in, *core.paragraphs, core.in_practice_intro, *core.in_practice, core.note):
            assert paragraph in text, (address, paragraph[:40])
        assert text.index(core.lead_in[-1]) < text.index(core.paragraphs[0]) < text.index(core.note)
        assert passage.find("a", href=re.compile(r"evidence/discussion/"))


def test_section_6_discussion_is_on_the_site_and_linked(pages):
    discussion = pages["evidence/discussion/"]
    assert "Employment is a social care outcome." in text_of(discussion)
    assert "rather than abandon the idea altogether." in text_of(discussion)
    for address in ("", "barriers/", *(f"barriers/{t.barrier.id}/" for t in CATALOGUE.themes)):
        assert pages[address].find("a", href=re.compile(r"evidence/discussion/")), address


def test_barrier_pages_say_they_carry_their_whole_section(pages):
    """What a barrier page says it carries (test_reader_fixes checks that it does)."""
    for theme in CATALOGUE.themes:
        intro = text_of(pages[f"barriers/{theme.barrier.id}/"].select_one(".section-intro"))
        assert f"the whole of {theme.barrier.source.where} of the report" in intro
        assert "selection" not in intro


def test_figure_4_holds_only_the_reports_barriers_not_our_summaries(pages):
    figure = pages["barriers/"].find(id="figure-4")
    for theme in CATALOGUE.themes:
        assert theme.barrier.summary not in text_of(figure)


def test_twins_say_so_on_both_pages_and_link_each_other(pages):
    pairs = CATALOGUE.twins
    assert [(a.id, b.id) for a, b in pairs] == [("offer-all-pb-options", "offer-all-pb-options-for-support")]
    for rec, twin in (pairs[0], pairs[0][::-1]):
        note = pages[f"recommendations/{rec.id}/"].find(id="printed-twice")
        assert "The report prints this recommendation twice." in text_of(note)
        assert note.find("a", href=re.compile(rf"(^|/){twin.id}/$"))
        assert rec.title != twin.title and rec.text.rstrip(".") == twin.text.rstrip(".")


def test_totals_explain_that_48_printed_are_47_different(pages):
    for address in ("", "recommendations/"):
        assert "48 printed, 47 different" in text_of(pages[address]), address
    # Where the home page counts the recommendations, not in its first paragraph.
    assert "48 printed, 47 different" in text_of(pages[""].select_one(".entry-list__total"))
    assert "different" not in text_of(pages[""].select_one("h1 ~ p"))
    assert "so 28 different" in text_of(pages["audiences/local-authorities-and-providers/"])
