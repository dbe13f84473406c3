"""recsite.citations: the report, and the report at each recommendation's place, as RIS, BibTeX and
CSL-JSON, read back by real parsers (rispy, bibtexparser, the CSL-JSON schema, citeproc-py), and the
citation_* meta tags of each page (site/test_citation_tags.py reads them on the built pages). The
report gives its recommendations no titles, so no citation may give the site's heading as a title."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from bs4 import BeautifulSoup

from support.project import ROOT, real_catalogue
from recsite import citations
from recsite.citations import (Person, Reference, csl_item, highwire_tags, parse_month, parse_person,
                               recommendation_reference, report_reference, to_bibtex, to_csl_json, to_ris)
from recsite.model import Change, Recommendation, Retired
from recsite.plan import plan_site
from recsite.render import snippet_renderer
from support.report_text import report

CATALOGUE = real_catalogue()
SITE_URL = "https://example.org/pb/"
REPORT = CATALOGUE.report
AUTHORS = [("Watts", "Rich"), ("Harflett", "Naomi"), ("Robinson", "Carol"), ("Greig", "Rob")]
CSL_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
SITE_TITLES = {rec.title for rec in CATALOGUE.recommendations}
HOSTILE = "Health & Wellbeing: 50% {braces} $x_1 #2 ~ ^ \\ \"quoted\" <b>bold</b> ‘curly’ – Cymraeg ✓"


# The barrier, evidence and appendix pages: each cited as the report at the places it shows.
PAGES = citations.page_places(CATALOGUE)
PAGE_REFS = citations.page_references(CATALOGUE, SITE_URL)


def _references() -> list[Reference]:
    return [report_reference(CATALOGUE, SITE_URL)] + [recommendation_reference(rec, CATALOGUE, SITE_URL)
                                                      for rec in CATALOGUE.recommendations]


def _hostile(rec_index: int = 0) -> Reference:
    rec = CATALOGUE.recommendations[rec_index]
    return dataclasses.replace(recommendation_reference(rec, CATALOGUE, SITE_URL), title=HOSTILE,
                               abstract=HOSTILE + "\nsecond line", notes=(HOSTILE,))


def _spanning() -> Recommendation:
    """A recommendation printed over two pages, so the pages cited are a range."""
    return next(rec for rec in CATALOGUE.recommendations if (rec.source.to_page or rec.source.page) != rec.source.page)


def _rec_of(ref: Reference) -> Recommendation | None:
    return next((rec for rec in CATALOGUE.recommendations if ref.key.endswith("-" + rec.id)), None)


def _bibtex(text: str) -> bibtexparser.Library:
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks, [block.error for block in library.failed_blocks]
    return library


# --- the pieces -------------------------------------------------------------------------------

def test_authors_are_split_into_given_and_family_names():
    assert parse_person("Rich Watts") == Person("Rich", "Watts")
    assert parse_person("Mary Anne  de Vries") == Person("Mary Anne de", "Vries")
    with pytest.raises(ValueError, match="expected a given name and a family name"):
        parse_person("Watts")


def test_the_reports_month_comes_from_its_date():
    assert parse_month("May 2014", 2014) == 5
    assert parse_month("2014", 2014) is None
    with pytest.raises(ValueError, match="expected 'Month 2014' or '2014'"):
        parse_month("May 2013", 2014)
    with pytest.raises(ValueError, match="unknown month 'Mai'"):
        parse_month("Mai 2014", 2014)


def test_the_report_is_a_report_by_its_four_authors_and_the_site_only_its_record():
    ref = report_reference(CATALOGUE, SITE_URL)
    assert [(p.family, p.given) for p in ref.authors] == AUTHORS
    assert (ref.title, ref.year, ref.month) == (REPORT.title, 2014, 5)
    assert ref.number is None and ref.pages is None and ref.section is None
    # The site is not where the report is published: its address is a labelled note, not the URL.
    assert ref.url is None
    assert ref.notes == (f"Record on this site, {SITE_URL}about/, which is not where the report is published.",)


def test_a_recommendation_is_cited_as_the_report_at_its_section_and_pages():
    rec = _spanning()
    ref = recommendation_reference(rec, CATALOGUE, SITE_URL)
    assert (ref.title, ref.authors) == (REPORT.title, report_reference(CATALOGUE, SITE_URL).authors)
    assert ref.section == rec.source.section_name and ref.section.startswith("Appendix 3, section A3.")
    assert ref.pages == f"{rec.source.page}-{rec.source.to_page}" and ref.abstract == rec.text
    assert ref.url == SITE_URL + f"recommendations/{rec.id}/"   # where it was read
    cited, heading, read = ref.notes
    assert cited.startswith(f"Cited at {rec.source.where} of the report: a recommendation")
    assert heading == f"Short title on this site (this site's heading, not the report's): “{rec.title}”."
    assert read.startswith(f"Read on this site at {ref.url} (record last changed ")


# --- RIS --------------------------------------------------------------------------------------

@pytest.mark.parametrize("ref", _references(), ids=lambda ref: ref.key)
def test_ris_reads_back_with_rispy_as_the_report(ref):
    [entry] = rispy.loads(to_ris(ref))
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == REPORT.title and "secondary_title" not in entry and "short_title" not in entry
    assert entry["authors"] == [f"{family}, {given}" for family, given in AUTHORS]
    assert (entry["year"], entry["date"]) == ("2014", "2014/05//")
    assert entry["publisher"] == REPORT.publisher and entry["place_published"] == REPORT.place
    assert entry["language"] == "en" and entry["id"] == ref.key and "issn" not in entry  # no number
    assert entry["notes"] == list(ref.notes)
    rec = _rec_of(ref)
    if rec is None:
        assert "urls" not in entry and "start_page" not in entry and f"{SITE_URL}about/" in entry["notes"][0]
    else:
        assert entry["urls"] == [ref.url]
        assert (entry["start_page"], entry["end_page"]) == (str(rec.source.page), str(rec.source.to_page or rec.source.page))
        assert entry["notes"][0].startswith(f"Cited at {rec.source.where}")   # section and pages in words
        assert entry["abstract"] == " ".join(rec.text.split())


def test_ris_keeps_hostile_text_on_one_line_each():
    [entry] = rispy.loads(to_ris(_hostile()))
    assert entry["title"] == HOSTILE and entry["abstract"] == HOSTILE + " second line"
    assert entry["notes"] == [HOSTILE]


def test_a_report_number_goes_where_each_format_keeps_it():
    ref = dataclasses.replace(report_reference(CATALOGUE, SITE_URL), number="NDTi-2014/3")
    # RIS keeps a report's number in SN (rispy names that tag 'issn' whatever the type; Zotero reads
    # SN as a report's number).
    assert rispy.loads(to_ris(ref))[0]["issn"] == "NDTi-2014/3"
    assert _bibtex(to_bibtex(ref)).entries[0]["number"] == "NDTi-2014/3"
    assert csl_item(ref)["number"] == "NDTi-2014/3"
    assert ("citation_technical_report_number", "NDTi-2014/3") in highwire_tags(ref)


# --- BibTeX -----------------------------------------------------------------------------------

@pytest.mark.parametrize("ref", _references(), ids=lambda ref: ref.key)
def test_bibtex_reads_back_with_bibtexparser_as_the_report(ref):
    [entry] = _bibtex(to_bibtex(ref)).entries
    assert entry.entry_type == "techreport" and entry.key == ref.key
    assert entry["title"] == REPORT.title   # the double braces that keep capitals are decoded away
    assert entry["author"] == " and ".join(f"{family}, {given}" for family, given in AUTHORS)
    assert (entry["year"], entry["address"], entry["institution"]) == ("2014", REPORT.place, REPORT.publisher)
    assert entry.fields_dict["month"].value == "may"
    assert not {"booktitle", "publisher", "number"} & set(entry.fields_dict)
    assert entry["note"] == " ".join(ref.notes)
    rec = _rec_of(ref)
    if rec is None:
        assert not {"url", "pages", "abstract"} & set(entry.fields_dict)
        assert f"Record on this site, {SITE_URL}about/" in entry["note"]
    else:
        first, last = rec.source.page, rec.source.to_page or rec.source.page
        if first == last:
            assert entry["pages"] == str(first)
        else:  # written 53--54; the parser's LaTeX decoding may read it back as an en dash
            assert entry["pages"] in (f"{first}--{last}", f"{first}–{last}")
        # Standard BibTeX styles print no pages for a report, but print the note: the place is there too.
        assert entry["note"].startswith(f"Cited at {rec.source.where}")
        assert entry["url"] == ref.url and entry["abstract"] == " ".join(rec.text.split())


def test_bibtex_escapes_latex_so_hostile_text_reads_back_whole():
    text = to_bibtex(_hostile())
    assert r"\&" in text and r"\%" in text and r"\{braces\}" in text
    [entry] = _bibtex(text).entries
    # pylatexenc decodes \textasciicircum{} (which LaTeX prints as ^) as the modifier letter ˆ.
    assert entry["title"].replace("ˆ", "^") == HOSTILE and entry["note"].replace("ˆ", "^") == HOSTILE


def test_bibtex_refuses_a_url_it_cannot_hold():
    with pytest.raises(ValueError, match="cannot hold braces or spaces"):
        to_bibtex(dataclasses.replace(_hostile(), url="https://example.org/{x}/"))


# --- CSL-JSON ---------------------------------------------------------------------------------

@pytest.mark.parametrize("ref", _references(), ids=lambda ref: ref.key)
def test_csl_json_is_valid_against_the_csl_data_schema(ref):
    items = json.loads(to_csl_json(ref))
    jsonschema.Draft7Validator(CSL_SCHEMA).validate(items)
    [item] = items
    assert item["type"] == "report" and item["title"] == REPORT.title
    assert not {"container-title", "title-short"} & set(item)
    assert item["author"] == [{"family": family, "given": given} for family, given in AUTHORS]
    assert item["issued"] == {"date-parts": [[2014, 5]]}
    assert item["note"] == "\n".join(ref.notes)
    rec = _rec_of(ref)
    if rec is None:
        assert not {"URL", "page", "section"} & set(item) and item["number-of-pages"] == REPORT.pages
    else:
        first, last = rec.source.page, rec.source.to_page or rec.source.page
        assert item["page"] == (str(first) if first == last else f"{first}-{last}")
        assert item["section"] == rec.source.section_name and item["URL"] == ref.url
        assert "number-of-pages" not in item   # only the pages cited: the report's length is its record's


def test_the_csl_schema_check_can_fail():
    item = csl_item(report_reference(CATALOGUE, SITE_URL))
    for broken in ({**item, "type": "pamphlet-ish"}, {**item, "issued": "May 2014"},
                   {**item, "author": "Watts, Rich"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft7Validator(CSL_SCHEMA).validate([broken])
    jsonschema.Draft7Validator.check_schema(CSL_SCHEMA)


def test_citeproc_py_renders_the_report_and_the_report_at_a_recommendations_pages():
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    rec, spanning = CATALOGUE.recommendations[0], _spanning()
    refs = [report_reference(CATALOGUE, SITE_URL), recommendation_reference(rec, CATALOGUE, SITE_URL),
            recommendation_reference(spanning, CATALOGUE, SITE_URL)]
    source = CiteProcJSON([item for ref in refs for item in json.loads(to_csl_json(ref))])
    bibliography = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False), source,
                                              formatter.plain)
    for ref in refs:
        bibliography.register(Citation([CitationItem(ref.key)]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    # Cite Them Right Harvard, the style of the site's own citation lines: the report, by its
    # authors, with the pages cited and the page it was read at; the report itself with no URL.
    assert rendered == [
        f"Watts, R. et al. (2014) {REPORT.title}. Bath: {REPORT.publisher}.",
        f"Watts, R. et al. (2014) {REPORT.title}. Bath: {REPORT.publisher}, p. {rec.source.page}. "
        f"Available at: {SITE_URL}recommendations/{rec.id}/.",
        f"Watts, R. et al. (2014) {REPORT.title}. Bath: {REPORT.publisher}, pp. {spanning.source.page}–"
        f"{spanning.source.to_page}. Available at: {SITE_URL}recommendations/{spanning.id}/.",
    ]


# --- the files in the plan --------------------------------------------------------------------

def _labelled_as_the_sites(text: str, heading: str) -> bool:
    return f"Short title on this site (this site's heading, not the report's): “{heading}”" in text


def test_no_file_gives_a_recommendations_site_heading_as_a_title():
    """Each file's titles (read back by the format's parser) are the report's, and the site's
    heading is only ever in the note that says it is the site's."""
    for path, text in citations.files(CATALOGUE, SITE_URL).items():
        if path.endswith(".ris"):
            [entry] = rispy.loads(text)
            titles = [entry.get(field) for field in ("title", "primary_title", "secondary_title", "tertiary_title",
                                                     "short_title", "alternate_title1", "translated_title")]
            notes = " ".join(entry["notes"])
            elsewhere = [line for line in text.splitlines() if not line.startswith(("N1  - ", "AB  - "))]
        elif path.endswith(".bib"):
            [entry] = _bibtex(text).entries
            titles = [entry.fields_dict[name].value for name in ("title", "booktitle", "shorttitle", "series")
                      if name in entry.fields_dict]
            notes = entry["note"]
            elsewhere = [field.value for field in entry.fields if field.key not in ("note", "abstract")]
        else:
            [item] = json.loads(text)
            titles = [item.get(name) for name in ("title", "container-title", "title-short", "collection-title")]
            notes = item["note"]
            elsewhere = [json.dumps(value, ensure_ascii=False) for name, value in item.items()
                         if name not in ("note", "abstract")]
        assert [title for title in titles if title] == [REPORT.title], path
        for heading in SITE_TITLES:
            assert not [field for field in elsewhere if heading in field], (path, heading)
        rec = next((rec for rec in CATALOGUE.recommendations if f"/{rec.id}/" in path), None)
        if rec is not None:
            assert _labelled_as_the_sites(notes, rec.title), path


def test_the_plan_has_the_reports_files_and_three_per_current_recommendation_and_cited_page():
    plan = plan_site(CATALOGUE, SITE_URL)
    files = citations.files(CATALOGUE, SITE_URL)
    assert set(files) <= set(plan.files)
    assert {"report.ris", "report.bib", "report.json"} <= set(files)
    assert len(files) == 3 + 3 * len(CATALOGUE.recommendations) + 3 * len(PAGES)
    for path in PAGES:
        folder = path.removesuffix(".md") + "/"
        assert {f"{folder}cite.ris", f"{folder}cite.bib", f"{folder}cite.json"} <= set(files), path
    for rec in CATALOGUE.recommendations:
        assert citations.recommendation_downloads(rec.id) == {
            "RIS": f"recommendations/{rec.id}/cite.ris", "BibTeX": f"recommendations/{rec.id}/cite.bib",
            "CSL-JSON": f"recommendations/{rec.id}/cite.json"}




def test_the_about_pages_citation_follows_the_reports_data():
    """Made from data/report.yaml, not typed into docs/about.md, so a correction there reaches it."""
    report = dataclasses.replace(REPORT, title="A Corrected Title", publisher="NDTi & Partners")
    html = snippet_renderer(dataclasses.replace(CATALOGUE, report=report), SITE_URL)("cite-report", "about.md")
    line = BeautifulSoup(html, "html.parser").find("p", class_="citation")
    assert " ".join(line.get_text().split()) == report.citation()
    assert line.find("cite").get_text() == "A Corrected Title" and "NDTi &amp; Partners" in str(line)


def test_a_withdrawn_recommendation_is_not_offered_for_citing():
    withdrawn = Retired("gone", "Gone", "The text it had.", date(2026, 6, 30), "Merged.")
    catalogue = dataclasses.replace(CATALOGUE, retired=(withdrawn,))
    assert not [path for path in citations.files(catalogue, SITE_URL) if "/gone/" in path]
    plan = plan_site(catalogue, SITE_URL)
    assert plan.pages["recommendations/gone.md"].citation == ()
    assert plan.pages[f"recommendations/{CATALOGUE.recommendations[0].id}.md"].citation


def test_the_note_gives_the_records_last_change_written_out():
    rec = dataclasses.replace(CATALOGUE.recommendations[0], changes=(Change(date(2027, 3, 1), "Typo."),))
    assert recommendation_reference(rec, CATALOGUE, SITE_URL).notes[-1].endswith("(record last changed 1 March 2027).")


# --- barrier, evidence and appendix pages ------------------------------------------------------

def _ranges(path: str) -> list[tuple[int, int]]:
    return [(place.page, place.to_page or place.page) for place in PAGES[path][1]]


def test_every_barrier_evidence_and_appendix_page_is_cited():
    assert {path.split("/")[0] for path in PAGES} == {"barriers", "evidence"}
    assert len(PAGES) == len(CATALOGUE.themes) + len(CATALOGUE.evidence.pages) + len(CATALOGUE.evidence.appendices)


@pytest.mark.parametrize("path", PAGES)
def test_a_page_is_cited_as_the_report_at_the_places_it_shows_in_each_format(path):
    """RIS, BibTeX and CSL-JSON read back by their parsers: the report (never the page's title,
    which is ours and only in a note that says so), the pages it shows, and the page as where it was read."""
    ref, (title, places, selection, _, left_out) = PAGE_REFS[path], PAGES[path]
    url = f"{SITE_URL}{path.removesuffix('.md')}/"
    ranges = _ranges(path)
    pages = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)
    where = [place.where for place in places]

    [ris] = rispy.loads(to_ris(ref))
    assert ris["title"] == REPORT.title and ris["urls"] == [url]
    assert (ris["start_page"], ris["end_page"]) == (str(ranges[0][0]), str(max(b for _, b in ranges)))
    assert ris["notes"][0].startswith(f"Cited at {where[0]}") and all(place in ris["notes"][0] for place in where)
    assert ("selection" in ris["notes"][0]) == selection
    assert ris["notes"][0].endswith(f"which the page on this site carries word for word. {left_out}" if left_out else ".")
    assert ris["notes"][1] == _title_note(title, places[0])
    assert ris["notes"][2] == f"Read on this site at {url}."
    assert "abstract" not in ris   # nothing on the page is one passage of the report's to give as its abstract

    [bib] = _bibtex(to_bibtex(ref)).entries
    assert bib["title"] == REPORT.title and bib["url"] == url
    assert bib["pages"].replace("–", "--") == pages.replace("-", "--")

    [item] = json.loads(to_csl_json(ref))
    jsonschema.Draft7Validator(CSL_SCHEMA).validate([item])
    assert (item["title"], item["URL"], item["page"]) == (REPORT.title, url, pages)
    names = [place.section_name for place in places]
    assert item["section"] == (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])
    assert title not in json.dumps({k: v for k, v in item.items() if k != "note"}, ensure_ascii=False)


def _title_note(title: str, place) -> str:
    """The note on a cited page's title, worked out here from the report's text: whose heading it is."""
    if report().heading(place.section) == title:
        return f"Page title on this site: “{title}”, the report's own heading for {place.section_name}."
    return f"Page title on this site (this site's heading, not the report's): “{title}”."


def test_a_page_titled_with_the_reports_own_heading_is_never_cited_as_titled_by_us():
    """The barrier pages are titled with the headings of Sections 5.1-5.4 ("in the report's words",
    the barriers page says), Policy context with Section 2's, the appendices with their own: their
    citations say so. The rest are ours, and say that."""
    reports = {path for path, (title, places, *_) in PAGES.items() if report().heading(places[0].section) == title}
    assert reports == {*(f"barriers/{theme.barrier.id}.md" for theme in CATALOGUE.themes),
                       "evidence/policy-context.md", "evidence/survey-questions.md", "evidence/topic-guides.md"}
    for path, (title, places, _, heading, _) in PAGES.items():
        assert heading == (path in reports), path
        notes = PAGE_REFS[path].notes
        assert notes[1] == _title_note(title, places[0]), path
        assert ("not the report's" in "".join(notes)) == (path not in reports), path


def test_a_page_showing_two_parts_of_the_report_is_cited_at_both():
    """The survey page quotes Section 3.1 and Section 4: a Harvard reference gives both ranges."""
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    ref = PAGE_REFS["evidence/survey.md"]
    assert ref.pages == "12-13, 16-23" and (ref.first_page, ref.last_page) == (12, 23)
    source = CiteProcJSON(json.loads(to_csl_json(ref)))
    bibliography = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False), source,
                                              formatter.plain)
    bibliography.register(Citation([CitationItem(ref.key)]))
    [entry] = [str(entry) for entry in bibliography.bibliography()]
    assert entry == (f"Watts, R. et al. (2014) {REPORT.title}. Bath: {REPORT.publisher}, pp. 12–13, 16–23. "
                     f"Available at: {SITE_URL}evidence/survey/.")


def test_a_page_that_carries_all_of_its_places_is_never_cited_as_a_selection():
    """The citation says "a selection" exactly where the page itself says it carries one: an
    evidence page unless it is `whole`; never a barrier page (the whole of its section) nor an
    appendix page (its appendix word for word, what it leaves out named). Appendix 1 was cited as a
    selection for leaving out the researcher's contact line."""
    whole = {citations.paths.evidence_page(page.id) for page in CATALOGUE.evidence.pages if page.whole}
    for path, (_, _, selection, _, _) in PAGES.items():
        says_selection = path.startswith("evidence/") and path not in whole and not any(
            path == citations.paths.evidence_page(appendix.id) for appendix in CATALOGUE.evidence.appendices)
        assert ("quotes a selection" in PAGE_REFS[path].notes[0]) == selection == says_selection, path
    note = PAGE_REFS["evidence/survey-questions.md"].notes[0]
    assert note == ("Cited at Appendix 1, pages 40–46 of the report, which the page on this site carries word "
                    "for word. Only the survey's contact details for the researcher are left out.")
