"""Guards for the third independent reading of the built site against the report (the issue "Exact
where people check it", section 4): scope, selections said to be everything, tables and figures
that are the site's, unmarked summaries, missing footnotes, places in the report. Each test names
the kind of fault it guards against, and each failed on the site as it was."""

from __future__ import annotations

import json
import re

import pytest

from support.project import ROOT, real_catalogue
from support.site import finding_at, text_of
from recsite.model import COMPILED_TABLE, TEXT_KINDS
from support.report_text import report, report_text, table_rows

CATALOGUE = real_catalogue()
EVIDENCE = CATALOGUE.evidence


@pytest.fixture(scope="module")
def page(articles):
    """Here `page(address)` is a built page's article (not conftest's browser tab)."""
    return articles


def normalise(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.split())


def printed(text: str) -> str:
    """All of an element's text as printed, inline markup (bold, glossary links) adding no spaces."""
    return normalise(text.get_text("") if hasattr(text, "get_text") else text)


def section_items(start: str, end: str) -> list[str]:
    """Every paragraph, bullet and quote the report prints from heading `start` to heading `end`."""
    return sorted(item for item in report().items(start, end) if not item.startswith(start))


_QUOTE = re.compile(r'^"(?P<text>.*)"\s*(?:[–-]\s*(?P<role>.+))?$')


def missing_from(article, items: list[str]) -> list[str]:
    shown = printed(article)

    def on_page(text: str) -> bool:
        text = normalise(text)
        # The extracted text runs the last line of a page's footnotes into the paragraph that goes
        # on over the page: such an item is two texts, each on the page.
        return text in shown or any(text[:cut] in shown and text[cut + 1:] in shown
                                    for cut in range(1, len(text)) if text[cut] == " ")

    missing = []
    for item in items:
        quote = _QUOTE.match(item)
        parts = [quote["text"], quote["role"] or ""] if quote else [item]
        if not all(on_page(part) for part in parts):
            missing.append(item[:100])
    return missing


# --- Selections said to be everything ----------------------------------------------------------

SECTION_5 = ["5.1. Demand from the individual", "5.2. Professionals' attitudes", "5.3. The Personal Budget process",
             "5.4. Availability of good", "PART 2: DISCUSSION"]


@pytest.mark.parametrize("number", range(4), ids=[t.barrier.id for t in CATALOGUE.themes])
def test_each_barrier_page_carries_the_whole_of_its_section(page, number):
    """The barrier pages say they carry the whole of Section 5.x: every paragraph, bullet and quote
    (four quotes and many paragraphs were missing while the home page said everything was there)."""
    theme = CATALOGUE.themes[number]
    items = section_items(SECTION_5[number], SECTION_5[number + 1])
    assert len(items) > 15
    assert missing_from(page(f"barriers/{theme.barrier.id}/"), items) == []


def test_the_discussion_page_carries_all_of_section_6_as_it_says(page):
    whole = [evidence_page for evidence_page in EVIDENCE.pages if evidence_page.whole]
    assert [evidence_page.id for evidence_page in whole] == ["discussion"]
    assert missing_from(page("evidence/discussion/"), section_items("6. Discussion", "7. Key recommendations")) == []


def test_pages_that_select_say_so(page):
    home = text_of(page(""))
    assert "All the findings" not in home and "carries the findings" not in home
    assert "carries the main findings and all the recommendations" in home
    assert "carry a selection of its findings" in home
    for evidence_page in EVIDENCE.pages:
        where = text_of(page(f"evidence/{evidence_page.id}/").select_one(".evidence-where"))
        said = "This page carries all of it" if evidence_page.whole else "This page carries a selection"
        assert said in where, evidence_page.id


@pytest.mark.parametrize(("address", "block_id", "words"), [
    # What qualifies the summaries the site gives.
    ("barriers/professionals-attitudes/", "too-busy-not-unwilling", 'suggested they were "too busy", rather than "unwilling"'),
    ("barriers/demand-and-expectations/", "if-processes-were-followed", "If processes are followed correctly"),
    ("evidence/policy-context/", "evidence-based-share", "The rest is being spent on employment support service models"),
    ("evidence/fieldwork/", "right-to-control-areas", "none of these that they were aware of included adult social care PBs"),
    ("evidence/fieldwork/", "right-to-control-areas", "(footnote 26)"),
    ("evidence/survey/", "numbers-very-low", "where it is happening, the numbers are very low"),
    ("evidence/survey/", "limited-use-confirmed", "Overall we can conclude"),
    ("evidence/survey/", "impairment-small-numbers", "Because the numbers are small"),
    ("evidence/methods/", "why-this-study", "NDTi has undertaken a short study"),
    ("evidence/policy-context/", "work-choice", "The Work Choice programme is focused specifically on disabled people"),
])
def test_what_qualifies_a_finding_is_shown_with_it(page, address, block_id, words):
    finding = finding_at(page(address), block_id)
    heading = finding.find(id=block_id)
    if heading is not None:  # a barrier's finding: met first, in its heading or the report's words under it
        finding = [heading, heading.find_next_sibling(attrs={"data-provenance": "report"})]
    assert words in " ".join(printed(element) for element in finding if element is not None)


def test_summaries_keep_the_qualifiers_of_what_they_summarise():
    summaries = {theme.barrier.id: theme.barrier.summary for theme in CATALOGUE.themes}
    assert '"too busy", rather than "unwilling"' in summaries["professionals-attitudes"]
    assert "the fieldwork found evidence" in summaries["professionals-attitudes"]
    # "some social workers in our fieldwork suggested they were "too busy"" (5.2, page 28).
    assert 'suggested they were "too busy"' in summaries["professionals-attitudes"]
    assert "if processes were followed" in summaries["demand-and-expectations"]
    # "A common theme to emerge from the fieldwork…" (5.2), "Our fieldwork suggests…" (5.1).
    assert "A common theme of the fieldwork" in summaries["professionals-attitudes"]
    assert "the fieldwork suggests" in summaries["demand-and-expectations"]
    # The report's findings are from 2014 (FACS was replaced in 2015): each summary says so first,
    # rather than stating them as how things are now.
    assert all(summary.startswith("In 2014, ") for summary in summaries.values()), summaries
    # "they also noted occasions where" support planning is not person-centred (5.3): not "often".
    assert "noted occasions when it was not person-centred" in summaries["personal-budget-process"]
    # 5.3 (page 29): "PBs are provided for only when someone is FACS eligible… If people are not
    # eligible then they would be referred to JobCentre Plus (JCP) and Work Choice". FACS was replaced
    # in 2015: our summary says what the report found then, never that it is so now.
    process = summaries["personal-budget-process"]
    assert "The report found that Personal Budgets were provided only when" in process and "would be referred to JobCentre Plus and Work Choice" in process
    assert "get no Personal Budget" not in process and "are referred" not in process
    # "If people are not eligible then they would be referred to JobCentre Plus (JCP) and Work
    # Choice. This view is reinforced by JCP themselves" (5.3, page 29): a view, said to be one.
    assert "(a view, it says, that JobCentre Plus itself reinforced)" in process
    # "There are also concerns about … the associated complexity of payment mechanisms" (5.3).
    assert "concerns about the complexity of payments" in process and "complicated payment" not in process
    # "it is normal for a provider to submit at least 13 invoices per year per person" (pages 30-31).
    assert "it was normal for a provider to submit at least 13 invoices" in process
    titles = {finding.id: finding.title for entry in EVIDENCE.barriers for finding in entry.findings}
    titles |= {block.id: block.label for ep in EVIDENCE.pages for block in ep.blocks if block.kind == "finding"}
    for block_id, words in (("poet-survey", "said"), ("fewer-in-paid-work", "If so"),
                            ("first-research", "believe"),
                            # The barrier pages' headings (ours) keep what qualifies the words under them.
                            ("too-busy-not-unwilling", "suggested"), ("if-processes-were-followed", "correctly"),
                            ("not-a-social-care-outcome", "Evidence that social workers"),
                            ("not-a-priority", "typically"), ("not-made-aware", "It is felt"),
                            ("support-planning", "not always"), ("direct-payments-for-everyone", "in one area"),
                            ("thought-not-allowed", "not unusual"),
                            # "There are also concerns about … the associated complexity of payment mechanisms" (5.3).
                            ("complex-payments", "Concerns"),
                            # "current national policy" (5.2), current in 2014.
                            ("ambivalent-policy", "in 2014"),
                            # 5.3: "only when someone is FACS eligible", in 2014; "would be referred".
                            ("facs-eligibility", "In 2014"), ("referred-to-jobcentre-plus", "would be referred"),
                            ("referred-to-jobcentre-plus", "Work Choice"),
                            # 5.4: "Employment may not be included within service specifications".
                            ("not-in-service-specifications", "may"),
                            # 2.1 (page 9) prints these two figures as one sentence joined by "and".
                            ("learning-disability-rate", "one sentence"), ("mental-health-rate", "same sentence")):
        assert words in titles[block_id], block_id
    # Every heading of ours naming FACS says it was so in 2014, not that it is so now.
    assert all("2014" in title for title in titles.values() if "FACS" in title)
    highlights = " ".join(highlight.summary for highlight in EVIDENCE.highlights)
    for words in ("in the last 18 months", "19 of 58", "in 2012/13", "25 of the 58", "82% to 88%"):
        assert words in highlights, words


# --- Tables and figures that are the site's -----------------------------------------------------

def test_a_compiled_tables_headers_claim_no_period_its_words_do_not_give():
    """A table we compiled from the report's prose is headed only with what that prose says: 4.1.3
    gives no period for its demand figures ("in the last 18 months" is survey question 23's)."""
    period = re.compile(r"(?:in the last|since|in) [^,;]*(?:months|years|\d{4}(?:/\d{2})?)", re.I)
    claimed = []
    for evidence_page in EVIDENCE.pages:
        for block in evidence_page.blocks:
            if block.kind == "table" and block.compiled and block.text:
                for header in (block.stub, block.title, *(column.label for column in block.columns)):
                    claimed += [f"{block.id}: {said}" for said in period.findall(header)
                                if normalise(said) not in normalise(block.text)]
    assert claimed == []


def test_tables_the_site_compiled_say_they_are_ours(page):
    compiled = [(evidence_page, block) for evidence_page in EVIDENCE.pages for block in evidence_page.blocks
                if block.kind == "table" and block.number is None]
    assert len(compiled) == 6
    for evidence_page, block in compiled:
        scroll = page(f"evidence/{evidence_page.id}/").find(id=block.id).select_one(".table-scroll")
        assert scroll["data-provenance"] == "site", block.id
        assert text_of(scroll.caption).startswith(f"{COMPILED_TABLE}: {block.title}"), block.id
        assert not re.match(r"Table\b", text_of(scroll.caption))


@pytest.mark.parametrize("number", [1, 2, 3])
def test_the_reports_tables_keep_their_printed_headings(page, number):
    block = next(b for p in EVIDENCE.pages for b in p.blocks if b.kind == "table" and b.number == number)
    assert (block.stub, *(column.heading for column in block.columns)) in table_rows()
    caption = text_of(page("evidence/survey/").find(id=f"table-{number}").caption)
    assert caption.startswith(f"Table {number}: {block.title}") and "as the report prints them" in caption


@pytest.mark.parametrize("number", [1, 2, 3])
def test_the_reports_tables_print_their_header_row_as_the_report_does(page, number):
    """A caption that says "headings as the report prints them" is held to every header cell, the
    hidden ones too (what a screen reader hears): the report leaves the first one blank, so the page
    has no heading of ours there (an empty cell, not a header: axe flags an empty <th>)."""
    table = page("evidence/survey/").find(id=f"table-{number}").table
    header = table.thead.tr.find_all(["th", "td"])
    assert tuple(printed(cell) for cell in header) in table_rows()
    first = header[0]
    if not printed(first):
        assert first.name == "td" and not first.find(True)
    # Each row is still named by its header cell.
    assert all(row.find(True)["scope"] == "row" and row.find(True).name == "th" for row in table.tbody.find_all("tr"))


def test_redrawn_figures_say_so(page):
    for block_id in ("figure-1", "figure-2", "figure-3"):
        note = page("evidence/survey/").find(id=block_id).select_one(".chart__redrawn")
        assert note["data-provenance"] == "site" and "redraws it" in text_of(note)


# --- Scope ----------------------------------------------------------------------------------------

def test_the_reports_scope_is_shown_with_every_full_list_and_in_the_schema(page):
    scope = CATALOGUE.report.scope
    assert scope.text.startswith("These recommendations are primarily specific to the question of adult social care PBs")
    for address in ("key-recommendations/", "recommendations/", "about/"):
        block = page(address).select_one(".report-scope")
        assert text_of(block.select_one('q[data-provenance="report"]')) == scope.text, address
        assert text_of(block).startswith(TEXT_KINDS["report"]), address
        assert "(Section 7, page 36, and again in Appendix 3, page 53)" in text_of(block), address
    schema = json.loads((ROOT / "hooks" / "recsite" / "recommendations.schema.json").read_text(encoding="utf-8"))
    assert scope.text in schema["description"] and "Appendix 3, page 53" in schema["description"]


# --- Summaries and explanations that are ours -----------------------------------------------------

def test_home_and_about_summaries_are_marked_as_ours(page):
    home = page("")
    intro = home.select('h1 ~ [data-provenance="site"]')
    assert intro and "It found limited use" not in text_of(home)  # the summary is in the marked block
    assert any("found limited use of Personal Budgets" in text_of(p) for p in intro)
    method = page("evidence/").find(id="this-research").find_next_sibling("p")
    assert method["data-provenance"] == "site" and "58 of them complete enough to use" in text_of(method)
    barriers = home.find(id="barriers").find_parent(attrs={"data-provenance": True})
    assert barriers["data-provenance"] == "site"
    about = page("about/")
    for section_id in ("the-report", "funders", "methods", "limits"):
        block = about.find(id=section_id).find_next_sibling("div")
        assert block["data-provenance"] == "site" and text_of(block).startswith(TEXT_KINDS["site"]), section_id
    assert "none they knew of included adult social care Personal Budgets" in text_of(about.find(id="methods").find_next_sibling("div"))


def test_glossary_meanings_inside_the_reports_words_say_they_are_ours(page):
    """The meaning a term shows on hover and focus is drawn by the stylesheet from data-definition,
    with the site's label first (test_engines checks it as drawn, in three browsers)."""
    links = page("barriers/professionals-attitudes/").select('[data-provenance="report"] a.term')
    assert links and all(link.get("data-definition") for link in links)
    css = " ".join((ROOT / "docs" / "stylesheets" / "site.css").read_text(encoding="utf-8").split())
    drawn = re.findall(r"a\.term:focus::after \{ content: ([^;]+);", css)
    assert drawn == [f'"{TEXT_KINDS["site"]}: " attr(data-definition)']


# --- Footnotes ------------------------------------------------------------------------------------

def test_footnotes_are_shown_where_their_text_is(page):
    core = page("key-recommendations/").select_one(".core-rec")
    assert ("(footnote 36)" in text_of(core)
            and "http://www.ndti.org.uk/major-projects/current/employment-support-for-disabled-people1/" in text_of(core))
    finding = finding_at(page("barriers/professionals-attitudes/"), "not-a-social-care-outcome")
    assert "Jobs First Evaluation: Final Report" in text_of(finding) and "(footnote 32)" in text_of(finding)
    lack = finding_at(page("barriers/demand-and-expectations/"), "lack-of-knowledge")
    assert "(footnote 30)" in text_of(lack) and "(footnote 31)" in text_of(lack)


def test_the_footnote_list_prints_the_addresses_as_the_report_does(page):
    listed = page("evidence/").select_one("ol.references")
    for ref in EVIDENCE.references:
        item = listed.find(id=f"footnote-{ref.footnote}")
        if ref.url:
            assert ref.url.split("://", 1)[-1] in text_of(item), ref.footnote
    assert "www.nowproject.co.uk" in text_of(listed.find(id="footnote-35"))


# --- Where the report prints things ---------------------------------------------------------------

# Where each of Section 5's barriers starts and ends. 5.1 ends at the foot of page 26 (footnotes 30
# and 31 are printed there) and 5.2 starts on page 27; 5.2 ends on page 28 (footnote 32 marks its
# 27/28 break) because 5.3 starts on page 29 and fills it, running to the top of page 31 ("contract
# because…"), where 5.4 starts; 5.4 runs to page 33, and Part 2 starts on page 34.
BARRIER_PAGES = {"5.1": (25, 26), "5.2": (27, 28), "5.3": (29, 31), "5.4": (31, 33)}


def test_each_barrier_section_is_given_its_printed_pages():
    barriers = {theme.barrier.section: theme.barrier for theme in CATALOGUE.themes}
    assert {section: (b.source.page, b.source.to_page) for section, b in barriers.items()} == BARRIER_PAGES
    for entry in EVIDENCE.barriers:
        first, last = BARRIER_PAGES[entry.barrier.section]
        assert all(first <= f.source.page and (f.source.to_page or f.source.page) <= last
                   for f in entry.findings), entry.barrier.section


def test_no_page_says_appendix_3_prints_every_recommendation(site):
    for html in site.root.rglob("*.html"):
        text = " ".join(html.read_text(encoding="utf-8").split())
        assert not re.search(r"Appendix 3, which prints every", text), html
    only_in_section_7 = [rec.id for rec in CATALOGUE.recommendations if not rec.source.section.startswith("A3")]
    assert only_in_section_7 == ["find-local-employment-support"]


def test_section_7s_own_footnote_is_shown_where_its_words_are(page):
    """Footnote 37 belongs to Section 7.1.3's printing of one recommendation (Appendix 3's has none):
    it is on the recommendation's page, which quotes Section 7, and on the key page's card."""
    for address in ("recommendations/think-about-employment-early/", "key-recommendations/"):
        article = page(address)
        holder = article.find(id="think-about-employment-early") if address.startswith("key") else article
        notes = [q for q in holder.select('q[data-provenance="report"]') if q.get_text() == "www.preparingforadulthood.org.uk"]
        assert notes and "Section 7.1.3 adds a footnote" in printed(notes[0].parent), address


def test_the_numbers_of_a_redrawn_figure_are_captioned_as_our_table(page):
    """The table beside each redrawn figure is compiled by the site from the report's text."""
    charts = [(ep, block) for ep in EVIDENCE.pages for block in ep.blocks if block.kind == "chart"]
    assert charts
    for evidence_page, block in charts:
        caption = page(f"evidence/{evidence_page.id}/").find(id=block.id).select_one("table caption")
        assert text_of(caption) == f"{COMPILED_TABLE}: the numbers in {block.name}", block.id


@pytest.mark.parametrize(("address", "start", "end", "left_out"), [
    ("evidence/survey-questions/", "Appendix 1: Survey on Personal Budgets", "Appendix 2: Fieldwork topic guides",
     "@"),   # the researcher's contact details, which the page says it leaves out
    ("evidence/topic-guides/", "Appendix 2: Fieldwork topic guides", "Appendix 3: Full set of recommendations", None),
])
def test_an_appendix_said_to_be_word_for_word_carries_every_line(page, address, start, end, left_out):
    article = page(address)
    assert "word for word" in text_of(article)
    # Questions are numbered by the page's lists, not in their words: "1. What is …" is shown as "What is …".
    items = [re.sub(r"^\d+\. ", "", item) for item in report().items(start, end)
             if not item.startswith(start) and not (left_out and left_out in item)
             and not re.match(r"A\d\.\d", item)]   # the part headings, which the page's headings name
    assert len(items) > 30
    assert missing_from(article, items) == []


def test_no_emphasis_is_added_to_the_reports_words(site):
    """Bold or italic inside the report's words is the report's own (it prints bold as **…**; two bold
    runs either side of a comma are one). Figure 5's group headings are headings, in the report's capitals."""
    raw = " ".join(report_text().replace("**, **", ", ").split())
    added = []
    for address in site.addresses():
        article = site.soup(address).find("article")
        for block in (article.select('[data-provenance="report"]') if article else []):
            for emphasis in block.select("strong, b, em, i"):
                if emphasis.find_parent(class_="figure5__heading") or "figure5__heading" in emphasis.get("class", []):
                    continue
                words = " ".join(emphasis.get_text(" ").split())
                if f"**{words}**" not in raw and f"*{words}*" not in raw:
                    added.append(f"/{address}: {words[:60]}")
    assert added == []


def test_each_glossary_pointer_is_to_a_section_that_uses_the_term():
    """A term's "The report: Section …" points at a section of the report that uses one of its forms."""
    by_section: dict[str, str] = {}
    for passage in report().passages:
        by_section[passage.section] = by_section.get(passage.section, "") + " " + passage.text.lower()
    wrong = [term.id for term in CATALOGUE.glossary if term.see and not any(
        form.lower() in text for section, text in by_section.items()
        if section and section.startswith(term.see.section) for form in term.forms)]
    assert wrong == []


def test_the_personal_budget_definition_points_where_its_words_are(page):
    """The definition follows the survey's (Appendix 1, page 40); Section 1's footnote 2 (page 6)
    only says the report means adult social care Personal Budgets, and is named for that."""
    term = next(term for term in CATALOGUE.glossary if term.id == "personal-budget")
    assert term.see.where == "Appendix 1, page 40"
    assert "allocated to individuals to pay for care or support to meet their assessed needs" in " ".join(
        p.text for p in report().passages if p.section == "Appendix 1")
    assert "(Section 1, page 6, footnote 2)" in term.definition
    shown = text_of(page("glossary/").find(id="personal-budget").find_parent())
    assert "(The report: Appendix 1, page 40.)" in shown


# --- Pages that say they carry the report word for word, or the whole of a section -----------------

def _appendix_lines(appendix) -> set[str]:
    """Every passage the report prints in an appendix (its headings included)."""
    number = appendix.section.split()[-1]
    return {normalise(passage.text) for passage in report().passages
            if passage.section == appendix.section or (passage.section or "").startswith(f"A{number}.")}


def test_an_appendix_page_said_to_be_word_for_word_prints_the_reports_headings(page):
    """"This is Appendix 2 of the report, word for word": each part's heading is the heading the
    report prints there (A2.1-A2.4 with their numbers), never a shorter one of ours."""
    for appendix in EVIDENCE.appendices:
        article = page(f"evidence/{appendix.id}/")
        assert "word for word" in printed(article.select_one(".evidence-where"))
        printed_lines = _appendix_lines(appendix)
        for part in appendix.parts:
            heading = article.find(id=part.id)
            shown = printed(heading).removesuffix("¶").strip()
            assert shown == normalise(part.title) and shown in printed_lines, (appendix.id, shown)


def test_a_page_titled_with_the_reports_heading_never_calls_all_its_headings_ours(page):
    """A barrier page (Sections 5.1-5.4) or Policy context (Section 2) is titled with the report's own
    heading: its note on the headings says so, and calls ours only the headings under it."""
    titled = [(f"barriers/{theme.barrier.id}/", theme.barrier) for theme in CATALOGUE.themes]
    titled += [(f"evidence/{evidence_page.id}/", evidence_page) for evidence_page in EVIDENCE.pages]
    for address, record in titled:
        intro = printed(page(address).select_one(".section-intro, .evidence-where"))
        if record.report_heading:
            assert "the headings are ours" not in intro.lower(), address
            assert f"the page's title is the report's own heading for {record.source.section_name}".lower() in intro.lower(), address
            assert "the headings under it are ours" in intro, address
        else:
            assert "headings are ours" in intro.lower(), address


# --- What has changed since 2014 ------------------------------------------------------------------

@pytest.mark.parametrize("address", ["barriers/personal-budget-process/", "themes/personal-budget-process/", "barriers/"])
def test_a_summary_naming_facs_links_once_to_what_has_changed_since_2014(page, address):
    """FACS was replaced in April 2015: where our summary names it, it links to About's note."""
    summaries = [p for p in page(address).select('.site-words[data-provenance="site"]') if "FACS" in text_of(p)]
    assert len(summaries) == 1
    links = [a["href"] for a in summaries[0].select("a") if a["href"].endswith("about/#since-2014")]
    assert len(links) == 1
    assert page("about/").find(id="since-2014") is not None
