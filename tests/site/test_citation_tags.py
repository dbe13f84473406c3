"""Citations on the built pages (recsite/citations.py): the citation_* meta tags Zotero's Embedded
Metadata translator reads, and the item type it picks from them; the citation lines readers copy;
the Cite section's downloads, served as the core makes them."""

from __future__ import annotations

import json

from recsite import citations
from support.project import real_catalogue
from support.site import text_of

CATALOGUE = real_catalogue()
REPORT = CATALOGUE.report
# The authors as the core's reference gives them (tests/core/test_citations.py checks who they are).
AUTHORS = [person.inverted for person in citations.report_reference(CATALOGUE, "https://example.org/").authors]


def _metas(soup, name: str) -> list[str]:
    return [meta["content"] for meta in soup.head.find_all("meta", attrs={"name": name})]


def _zotero_type(soup) -> str | None:
    """The item type Zotero's Embedded Metadata translator picks from Highwire tags (its init(), as
    of 2026): the last type-deciding tag wins, citation_title alone guesses a journal article."""
    decided = guess = None
    for meta in soup.head.find_all("meta", attrs={"name": True}):
        tag = meta["name"][meta["name"].rfind("citation_"):]
        decided = {"citation_journal_title": "journalArticle", "citation_technical_report_institution": "report",
                   "citation_conference_title": "conferencePaper", "citation_conference": "conferencePaper",
                   "citation_book_title": "bookSection", "citation_inbook_title": "bookSection",
                   "citation_dissertation_institution": "thesis"}.get(tag, decided)
        if tag in ("citation_title", "citation_series_title"):
            guess = guess or "journalArticle"
    return decided or guess


def test_the_report_page_carries_the_reports_citation_tags(site):
    soup = site.soup("about/")
    assert _zotero_type(soup) == "report"
    assert _metas(soup, "citation_title") == [REPORT.title]
    assert _metas(soup, "citation_author") == AUTHORS
    assert _metas(soup, "citation_publication_date") == _metas(soup, "citation_date") == ["2014/05"]
    assert _metas(soup, "citation_publisher") == _metas(soup, "citation_technical_report_institution") \
        == [REPORT.publisher]
    assert _metas(soup, "citation_technical_report_number") == []   # the report has no number
    # The site is not where the report is published: no tag gives this page as the report's URL.
    assert _metas(soup, "citation_public_url") == [] and _metas(soup, "citation_firstpage") == []


def test_every_recommendation_page_cites_the_report_at_the_recommendations_pages(site):
    for rec in CATALOGUE.recommendations:
        soup = site.soup(f"recommendations/{rec.id}/")
        assert _zotero_type(soup) == "report", rec.id    # not a Book Section the report does not have
        assert _metas(soup, "citation_title") == [REPORT.title], rec.id
        assert _metas(soup, "citation_author") == AUTHORS
        assert _metas(soup, "citation_technical_report_institution") == [REPORT.publisher]
        assert _metas(soup, "citation_book_title") == _metas(soup, "citation_inbook_title") == []
        assert _metas(soup, "citation_firstpage") == [str(rec.source.page)]
        assert _metas(soup, "citation_lastpage") == [str(rec.source.to_page or rec.source.page)]
        assert _metas(soup, "citation_abstract") == [" ".join(rec.text.split())]
        assert _metas(soup, "citation_public_url") == [f"{site.url}recommendations/{rec.id}/"]
        citation_tags = soup.head.find_all("meta", attrs={"name": lambda name: name and "citation_" in name})
        # The abstract is the report's words, which a faithful short title may begin like.
        assert not [meta for meta in citation_tags
                    if meta["name"] != "citation_abstract" and rec.title in meta["content"]], rec.id


def test_every_citation_line_cites_the_report_at_its_place_never_the_sites_heading(site):
    """The lines a reader copies: each recommendation's "Cite this recommendation" and the same line
    in recommendations.json, and the About page's "How to cite" (made from data/report.yaml)."""
    records = {record["id"]: record for record in
               json.loads((site.root / "recommendations.json").read_text(encoding="utf-8"))}
    for rec in CATALOGUE.recommendations:
        line = text_of(site.soup(f"recommendations/{rec.id}/").find("p", class_="citation"))
        for shown in (line, records[rec.id]["citation"]):
            shown = " ".join(shown.split())
            assert shown.startswith(f"{REPORT.citation()} {rec.source.where}. Available at: "), rec.id
            assert rec.title not in shown, rec.id
    about = site.soup("about/").find(id="cite").find_next("p", class_="citation")
    assert " ".join(about.get_text().split()) == REPORT.citation()
    assert " ".join(about.find("cite").get_text().split()) == REPORT.title


def test_pages_that_are_not_citable_have_no_citation_tags(site):
    for page in ("", "glossary/", "themes/", "evidence/", "barriers/", "key-recommendations/"):
        soup = site.soup(page)
        assert not soup.head.find_all("meta", attrs={"name": lambda name: name and name.startswith("citation_")}), page


def test_the_cite_section_links_each_download_and_each_is_served(site):
    """Each file is served as the core makes it (tests/core/test_citations.py reads those back with
    rispy, bibtexparser and the CSL-JSON schema)."""
    made = citations.files(CATALOGUE, site.url)
    for rec in CATALOGUE.recommendations:
        soup = site.soup(f"recommendations/{rec.id}/")
        box = soup.find(id="cite").find_next("div", class_="cite-downloads")
        links = {a.get_text(): a["href"] for a in box.find_all("a", download=True)}  # not glossary links
        assert links == {"RIS": "cite.ris", "BibTeX": "cite.bib", "CSL-JSON": "cite.json"}, rec.id
        for href in links.values():
            path = f"recommendations/{rec.id}/{href}"
            assert (site.root / path).read_bytes() == made[path].encode("utf-8"), path
    about = site.soup("about/").find("div", class_="cite-downloads")
    hrefs = [a["href"] for a in about.find_all("a", download=True)]
    assert hrefs == ["../report.ris", "../report.bib", "../report.json"]
    for href in hrefs:
        path = href.removeprefix("../")
        assert (site.root / path).read_bytes() == made[path].encode("utf-8"), path


# --- barrier, evidence and appendix pages (core/test_citations.py reads their references back) -----

# Each cited as the report at the places it shows.
PAGES = citations.page_places(CATALOGUE)


def _ranges(path: str) -> list[tuple[int, int]]:
    return [(place.page, place.to_page or place.page) for place in PAGES[path][1]]


def test_every_cited_page_carries_its_tags_line_and_downloads(site):
    """Zotero saves the report at the page's pages; the visible line and the three files are there."""
    for path, (title, places, *_) in PAGES.items():
        address = path.removesuffix(".md") + "/"
        soup = site.soup(address)
        assert _metas(soup, "citation_title") == [REPORT.title], address
        assert _zotero_type(soup) == "report", address
        ranges = _ranges(path)
        assert _metas(soup, "citation_firstpage") == [str(ranges[0][0])], address
        assert _metas(soup, "citation_lastpage") == [str(max(b for _, b in ranges))], address
        assert _metas(soup, "citation_public_url")[0].endswith(f"/{address}"), address
        heading = soup.find(id="cite")
        assert heading.name == "h2" and heading.find("a", class_="headerlink"), address
        line = " ".join(heading.find_next("p", class_="citation").get_text().split())
        where = citations.page_where(places)
        assert line.startswith(f"{REPORT.citation()} {where[0].upper()}{where[1:]}. Available at: http"), address
        assert line.endswith(f"/{address}") and title not in line, address
        links = heading.find_next("div", class_="cite-downloads").find_all("a", download=True)
        assert [a["href"] for a in links] == ["cite.ris", "cite.bib", "cite.json"], address
        for a in links:
            assert (site.root / address / a["href"]).is_file(), (address, a["href"])
