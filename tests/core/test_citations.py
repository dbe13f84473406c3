"""recsite.citations: the report and each recommendation as RIS, BibTeX and CSL-JSON, read back by
real parsers (rispy, bibtexparser, the CSL-JSON schema, citeproc-py), and the citation_* meta tags
Zotero's Embedded Metadata translator reads, in the built pages."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import bibtexparser
import jsonschema
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from conftest import ROOT, real_catalogue
from recsite import citations
from recsite.citations import (Person, Reference, csl_item, highwire_tags, parse_month, parse_person,
                               recommendation_reference, report_reference, to_bibtex, to_csl_json, to_ris)
from recsite.model import Change, Retired
from recsite.plan import plan_site

CATALOGUE = real_catalogue()
SITE_URL = "https://example.org/pb/"
REPORT = CATALOGUE.report
AUTHORS = [("Watts", "Rich"), ("Harflett", "Naomi"), ("Robinson", "Carol"), ("Greig", "Rob")]
CSL_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "csl-data.json").read_text(encoding="utf-8"))
HOSTILE = "Health & Wellbeing: 50% {braces} $x_1 #2 ~ ^ \\ \"quoted\" <b>bold</b> ‘curly’ – Cymraeg ✓"


def _references() -> list[Reference]:
    return [report_reference(CATALOGUE, SITE_URL)] + [recommendation_reference(rec, CATALOGUE, SITE_URL)
                                                      for rec in CATALOGUE.recommendations]


def _hostile(rec_index: int = 0) -> Reference:
    rec = CATALOGUE.recommendations[rec_index]
    return dataclasses.replace(recommendation_reference(rec, CATALOGUE, SITE_URL), title=HOSTILE,
                               abstract=HOSTILE + "\nsecond line", note=HOSTILE)


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


def test_the_report_is_a_report_by_its_four_authors():
    ref = report_reference(CATALOGUE, SITE_URL)
    assert [(p.family, p.given) for p in ref.authors] == AUTHORS
    assert (ref.title, ref.year, ref.month) == (REPORT.title, 2014, 5)
    assert ref.url == SITE_URL + "about/" and not ref.is_part and ref.number is None


def test_a_recommendation_is_a_part_of_the_report_at_its_page():
    rec = CATALOGUE.recommendations[0]
    ref = recommendation_reference(rec, CATALOGUE, SITE_URL)
    assert ref.container_title == REPORT.title and ref.title == rec.title and ref.abstract == rec.text
    assert ref.first_page == rec.source.page and ref.url == SITE_URL + f"recommendations/{rec.id}/"
    assert rec.source.where in ref.note and "this site's short heading" in ref.note


# --- RIS --------------------------------------------------------------------------------------

@pytest.mark.parametrize("ref", _references(), ids=lambda ref: ref.key)
def test_ris_reads_back_with_rispy(ref):
    [entry] = rispy.loads(to_ris(ref))
    assert entry["type_of_reference"] == ("CHAP" if ref.is_part else "RPRT")
    assert entry["title"] == ref.title
    assert entry["authors"] == [f"{family}, {given}" for family, given in AUTHORS]
    assert (entry["year"], entry["date"]) == ("2014", "2014/05//")
    assert entry["publisher"] == REPORT.publisher and entry["place_published"] == REPORT.place
    assert entry["urls"] == [ref.url] and entry["language"] == "en" and entry["id"] == ref.key
    if ref.is_part:
        assert entry["secondary_title"] == REPORT.title
        assert (entry["start_page"], entry["end_page"]) == (str(ref.first_page), str(ref.last_page))
        assert entry["abstract"] == " ".join(ref.abstract.split())
    else:
        assert "secondary_title" not in entry and "issn" not in entry  # the report has no number


def test_ris_keeps_hostile_text_on_one_line_each():
    [entry] = rispy.loads(to_ris(_hostile()))
    assert entry["title"] == HOSTILE and entry["abstract"] == HOSTILE + " second line"


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
def test_bibtex_reads_back_with_bibtexparser(ref):
    [entry] = _bibtex(to_bibtex(ref)).entries
    assert entry.entry_type == ("incollection" if ref.is_part else "techreport")
    assert entry.key == ref.key
    assert entry["title"] == ref.title   # the double braces that keep capitals are decoded away
    assert entry["author"] == " and ".join(f"{family}, {given}" for family, given in AUTHORS)
    assert (entry["year"], entry["address"], entry["url"]) == ("2014", REPORT.place, ref.url)
    assert entry.fields_dict["month"].value == "may"
    if ref.is_part:
        assert entry["booktitle"] == REPORT.title and entry["publisher"] == REPORT.publisher
        if ref.first_page == ref.last_page:
            assert entry["pages"] == str(ref.first_page)
        else:  # written 53--54; the parser's LaTeX decoding may read it back as an en dash
            assert entry["pages"] in (f"{ref.first_page}--{ref.last_page}", f"{ref.first_page}–{ref.last_page}")
        assert entry["abstract"] == " ".join(ref.abstract.split())
    else:
        assert entry["institution"] == REPORT.publisher and "number" not in entry.fields_dict


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
    assert item["type"] == ("chapter" if ref.is_part else "report")
    assert item["author"] == [{"family": family, "given": given} for family, given in AUTHORS]
    assert item["issued"] == {"date-parts": [[2014, 5]]}


def test_the_csl_schema_check_can_fail():
    item = csl_item(report_reference(CATALOGUE, SITE_URL))
    for broken in ({**item, "type": "pamphlet-ish"}, {**item, "issued": "May 2014"},
                   {**item, "author": "Watts, Rich"}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft7Validator(CSL_SCHEMA).validate([broken])
    jsonschema.Draft7Validator.check_schema(CSL_SCHEMA)


def test_citeproc_py_renders_the_csl_json():
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    rec = CATALOGUE.recommendations[0]
    refs = [report_reference(CATALOGUE, SITE_URL), recommendation_reference(rec, CATALOGUE, SITE_URL)]
    source = CiteProcJSON([item for ref in refs for item in json.loads(to_csl_json(ref))])
    bibliography = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False), source,
                                              formatter.plain)
    for ref in refs:
        bibliography.register(Citation([CitationItem(ref.key)]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    # Cite Them Right Harvard, the style of the site's own citation lines.
    assert rendered == [
        f"Watts, R. et al. (2014) {REPORT.title}. Bath: {REPORT.publisher}. Available at: {SITE_URL}about/.",
        f"Watts, R. et al. (2014) “{rec.title}”, {REPORT.title}. Bath: {REPORT.publisher}, p. {rec.source.page}. "
        f"Available at: {SITE_URL}recommendations/{rec.id}/.",
    ]


# --- the files in the plan --------------------------------------------------------------------

def test_the_plan_has_the_reports_files_and_three_per_current_recommendation():
    plan = plan_site(CATALOGUE, SITE_URL)
    files = citations.files(CATALOGUE, SITE_URL)
    assert set(files) <= set(plan.files)
    assert {"report.ris", "report.bib", "report.json"} <= set(files)
    assert len(files) == 3 + 3 * len(CATALOGUE.recommendations)
    for rec in CATALOGUE.recommendations:
        assert citations.recommendation_downloads(rec.id) == {
            "RIS": f"recommendations/{rec.id}/cite.ris", "BibTeX": f"recommendations/{rec.id}/cite.bib",
            "CSL-JSON": f"recommendations/{rec.id}/cite.json"}


# --- the built site ---------------------------------------------------------------------------

def _metas(soup, name: str) -> list[str]:
    return [meta["content"] for meta in soup.head.find_all("meta", attrs={"name": name})]


def _zotero_type(soup) -> str | None:
    """The item type Zotero's Embedded Metadata translator picks from Highwire tags: the last
    type-deciding tag wins, citation_title alone guesses a journal article."""
    decided = guess = None
    for meta in soup.head.find_all("meta", attrs={"name": True}):
        tag = meta["name"][meta["name"].rfind("citation_"):]
        decided = {"citation_journal_title": "journalArticle", "citation_technical_report_institution": "report",
                   "citation_conference_title": "conferencePaper", "citation_book_title": "bookSection",
                   "citation_dissertation_institution": "thesis"}.get(tag, decided)
        if tag in ("citation_title", "citation_series_title"):
            guess = guess or "journalArticle"
    return decided or guess


def test_the_report_page_carries_the_reports_citation_tags(site):
    soup = site.soup("about/")
    assert _zotero_type(soup) == "report"
    assert _metas(soup, "citation_title") == [REPORT.title]
    assert _metas(soup, "citation_author") == [f"{family}, {given}" for family, given in AUTHORS]
    assert _metas(soup, "citation_publication_date") == _metas(soup, "citation_date") == ["2014/05"]
    assert _metas(soup, "citation_publisher") == _metas(soup, "citation_technical_report_institution") \
        == [REPORT.publisher]
    assert _metas(soup, "citation_technical_report_number") == []   # the report has no number
    canonical = soup.head.find("link", rel="canonical")["href"]
    assert _metas(soup, "citation_public_url") == [canonical] == [site.url + "about/"]


def test_every_recommendation_page_cites_the_recommendation_in_the_report(site):
    for rec in CATALOGUE.recommendations:
        soup = site.soup(f"recommendations/{rec.id}/")
        assert _zotero_type(soup) == "bookSection", rec.id
        assert _metas(soup, "citation_title") == [rec.title]
        assert len(_metas(soup, "citation_author")) == 4
        assert _metas(soup, "citation_book_title") == _metas(soup, "citation_inbook_title") == [REPORT.title]
        assert _metas(soup, "citation_firstpage") == [str(rec.source.page)]
        assert _metas(soup, "citation_abstract") == [" ".join(rec.text.split())]
        assert _metas(soup, "citation_public_url") == [f"{site.url}recommendations/{rec.id}/"]


def test_pages_that_are_not_citable_have_no_citation_tags(site):
    for page in ("", "glossary/", "themes/", "evidence/survey/", "key-recommendations/"):
        soup = site.soup(page)
        assert not soup.head.find_all("meta", attrs={"name": lambda name: name and name.startswith("citation_")}), page


def test_the_cite_section_links_each_download_and_each_is_served(site):
    for rec in CATALOGUE.recommendations:
        soup = site.soup(f"recommendations/{rec.id}/")
        box = soup.find(id="cite").find_next("div", class_="cite-downloads")
        links = {a.get_text(): a["href"] for a in box.find_all("a", download=True)}  # not glossary links
        assert links == {"RIS": "cite.ris", "BibTeX": "cite.bib", "CSL-JSON": "cite.json"}, rec.id
        folder = site.root / "recommendations" / rec.id
        assert rispy.loads((folder / "cite.ris").read_text(encoding="utf-8"))[0]["title"] == rec.title
        assert _bibtex((folder / "cite.bib").read_text(encoding="utf-8")).entries[0]["title"] == rec.title
        jsonschema.Draft7Validator(CSL_SCHEMA).validate(json.loads((folder / "cite.json").read_text(encoding="utf-8")))
    about = site.soup("about/").find("div", class_="cite-downloads")
    hrefs = [a["href"] for a in about.find_all("a", download=True)]
    assert hrefs == ["../report.ris", "../report.bib", "../report.json"]
    for href in hrefs:
        assert (site.root / href.removeprefix("../")).is_file()


def test_a_withdrawn_recommendation_is_not_offered_for_citing():
    withdrawn = Retired("gone", "Gone", "The text it had.", date(2026, 6, 30), "Merged.")
    catalogue = dataclasses.replace(CATALOGUE, retired=(withdrawn,))
    assert not [path for path in citations.files(catalogue, SITE_URL) if "/gone/" in path]
    assert "recommendations/gone.md" not in citations.page_tags(catalogue, SITE_URL)


def test_the_note_gives_the_records_last_change_written_out():
    rec = dataclasses.replace(CATALOGUE.recommendations[0], changes=(Change(date(2027, 3, 1), "Typo."),))
    assert recommendation_reference(rec, CATALOGUE, SITE_URL).note.endswith("Record last changed 1 March 2027.")
