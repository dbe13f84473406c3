"""What reference managers read: the report as a `Reference`, written as RIS, BibTeX and CSL-JSON
downloads and as Highwire Press `citation_*` meta tags.

The report gives its recommendations no titles: the short heading each has on this site is ours.
So a recommendation is never cited as a work of its own (a chapter "by" the report's authors under
a title they never wrote). Its reference is the report itself, a report by its four authors, with
the recommendation's place in it as the locator: its section and pages (RIS `RPRT` with `SP`/`EP`,
BibTeX `@techreport` with `pages`, CSL-JSON `report` with `page` and `section`), the place in words
in a note, and the recommendation's address on this site as where it was read (the URL). The site's
heading appears only in a note that says it is this site's. The report's own record gives this
site's address only in a note, as the record on this site: the site is not where the report is
published, so that record has no URL.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import date

from . import paths
from .dates import long_date, month_number
from .model import Catalogue, Recommendation, Source

# The site's page about the report: its citation tags and the report's downloads are there.
REPORT_PAGE = "about.md"
REPORT_DOWNLOADS = {"RIS": "report.ris", "BibTeX": "report.bib", "CSL-JSON": "report.json"}
LANGUAGE = "en"

# What each format is, for the links that offer them (the file extension alone means little).
FORMATS = {
    "RIS": "for EndNote, Zotero, Mendeley and most reference managers",
    "BibTeX": "for JabRef, Zotero and papers typeset with BibTeX",
    "CSL-JSON": "for Zotero, Pandoc and other citation tools",
}


# The media types the download links announce.
MEDIA_TYPES = {"RIS": "application/x-research-info-systems", "BibTeX": "application/x-bibtex",
               "CSL-JSON": "application/vnd.citationstyles.csl+json"}


def page_downloads(path: str) -> dict[str, str]:
    """The site paths of the citation files of the page at the docs path `path`, beside it:
    <its address>cite.ris, cite.bib and cite.json."""
    folder = paths.url_of(path)
    return {"RIS": f"{folder}cite.ris", "BibTeX": f"{folder}cite.bib", "CSL-JSON": f"{folder}cite.json"}


def recommendation_downloads(rec_id: str) -> dict[str, str]:
    """/recommendations/<id>/cite.ris, cite.bib and cite.json."""
    return page_downloads(paths.recommendation_page(rec_id))


@dataclass(frozen=True)
class Person:
    given: str
    family: str

    @property
    def inverted(self) -> str:
        return f"{self.family}, {self.given}"


@dataclass(frozen=True)
class Reference:
    """One reference, always to the report itself. For a recommendation it also gives the place
    cited (`section`, `first_page`, `last_page`) and where it was read on this site (`url`); the
    report's own record has no URL (the site is not where the report is published). `notes` are
    labelled sentences, each saying whose words it gives."""

    key: str
    title: str
    authors: tuple[Person, ...]
    year: int
    month: int | None
    publisher: str
    place: str
    url: str | None = None
    number: str | None = None           # the report's number, where it has one (this one has none)
    number_of_pages: int | None = None
    section: str | None = None          # the place cited: 'Appendix 3, section A3.1.2'
    first_page: int | None = None
    last_page: int | None = None
    # Where the place cited is in more than one part of the report (an evidence page): each part's
    # (first, last) page; first_page and last_page are then the first and the last of them all.
    page_ranges: tuple[tuple[int, int], ...] = ()
    abstract: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def pages(self) -> str | None:
        """The pages cited, '53' or '53-54' (RIS, CSL-JSON and Zotero write a range with a hyphen;
        BibTeX's '53--54' is made from it)."""
        if self.page_ranges:
            return ", ".join(str(first) if first == last else f"{first}-{last}" for first, last in self.page_ranges)
        if self.first_page is None:
            return None
        last = self.last_page or self.first_page
        return str(self.first_page) if last == self.first_page else f"{self.first_page}-{last}"


def parse_person(name: str) -> Person:
    """'Rich Watts' -> Person('Rich', 'Watts'): the family name is the last word. The report's
    authors are all written that way (data/report.yaml `authors`)."""
    words = name.split()
    if len(words) < 2:
        raise ValueError(f"author {name!r}: expected a given name and a family name, e.g. 'Rich Watts'")
    return Person(" ".join(words[:-1]), words[-1])


def parse_month(report_date: str, year: int) -> int | None:
    """The month of the report's `date` ('May 2014'); None when it gives only the year."""
    words = report_date.split()
    if words == [str(year)]:
        return None
    if len(words) != 2 or words[1] != str(year):
        raise ValueError(f"report date {report_date!r}: expected 'Month {year}' or '{year}'")
    return month_number(words[0])


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "", text.lower())


def report_reference(catalogue: Catalogue, site_url: str) -> Reference:
    report = catalogue.report
    authors = tuple(parse_person(name) for name in report.authors)
    record = paths.absolute(site_url, REPORT_PAGE)
    return Reference(
        key=_key(f"{authors[0].family}{report.year}"),
        title=report.title,
        authors=authors,
        year=report.year,
        month=parse_month(report.date, report.year),
        publisher=report.publisher,
        place=report.place,
        number_of_pages=report.pages,
        notes=(f"Record on this site, {record}, which is not where the report is published.",),
    )


def recommendation_reference(rec: Recommendation, catalogue: Catalogue, site_url: str) -> Reference:
    """The report, at the recommendation's section and pages, read at its page on this site."""
    whole = report_reference(catalogue, site_url)
    changed: date = rec.last_changed(catalogue.report.site_published)
    url = paths.absolute(site_url, paths.recommendation_page(rec.id))
    return replace(
        whole,
        key=f"{whole.key}-{rec.id}",
        url=url,
        number_of_pages=None,   # only the pages cited; the report's own record gives its length
        section=rec.source.section_name,
        first_page=rec.source.page,
        last_page=rec.source.to_page or rec.source.page,
        abstract=rec.text,
        notes=(f"Cited at {rec.source.where} of the report: a recommendation, which the report gives no "
               f"title; the abstract is its words in the report.",
               f"Short title on this site (this site's heading, not the report's): “{rec.title}”.",
               f"Read on this site at {url} (record last changed {long_date(changed)})."),
    )


def page_reference(path: str, title: str, places: tuple[Source, ...], catalogue: Catalogue, site_url: str,
                   selection: bool, report_heading: bool = False, left_out: str | None = None) -> Reference:
    """The report, at the places in it that a barrier, evidence or appendix page of this site shows
    (`places`: its sections and pages), read at that page. `selection`: the page quotes some of
    what the report prints there, not all of it; a page that carries all of it word for word but a
    line it says it leaves out (`left_out`, the page's own sentence) is cited as that, never as a
    selection (an appendix page was, for leaving out one contact line). The page's title is only in a note, never the
    reference's title, and the note says whose heading it is: the report's own heading for the
    page's section (`report_heading`, which the data check holds to the report's text) or this
    site's."""
    whole = report_reference(catalogue, site_url)
    url = paths.absolute(site_url, path)
    where = _listing([place.where for place in places])
    ranges = tuple((place.page, place.to_page or place.page) for place in places)
    return replace(
        whole,
        key=f"{whole.key}-{_key(paths.url_of(path).replace('/', '-').strip('-'))}",
        url=url,
        number_of_pages=None,   # only the pages cited
        section=_listing([place.section_name for place in places]),
        first_page=min(first for first, _ in ranges),
        last_page=max(last for _, last in ranges),
        page_ranges=ranges if len(ranges) > 1 else (),
        notes=(f"Cited at {where} of the report"
               + (", of which the page on this site quotes a selection." if selection
                  else f", which the page on this site carries word for word. {left_out}" if left_out else "."),
               title_note(title, places[0], report_heading),
               f"Read on this site at {url}."),
    )


def title_note(title: str, place: Source, report_heading: bool) -> str:
    """Whose heading a cited page's title is, as its citation's note says."""
    if report_heading:
        return f"Page title on this site: “{title}”, the report's own heading for {place.section_name}."
    return f"Page title on this site (this site's heading, not the report's): “{title}”."


def page_where(places: tuple[Source, ...]) -> str:
    """The places a page shows, for its visible citation line: 'Section 5.3, pages 28–30'."""
    return _listing([place.where for place in places])


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- RIS ---------------------------------------------------------------------------------------

def to_ris(ref: Reference) -> str:
    """One RIS record (the RIS format's tags: two letters, two spaces, a hyphen, a space). `RPRT`
    always; the pages cited in SP/EP (a report's "Pages" in EndNote's and Zotero's RIS), and each
    note its own N1 (Zotero makes each a note of its own)."""
    lines: list[tuple[str, object]] = [("TY", "RPRT"), ("TI", ref.title)]
    lines += [("AU", person.inverted) for person in ref.authors]
    lines += [("PY", ref.year),
              ("DA", f"{ref.year}/{ref.month:02d}//" if ref.month else f"{ref.year}///"),
              ("PB", ref.publisher), ("CY", ref.place)]
    if ref.number:
        lines.append(("SN", ref.number))    # RIS: a report's number is its SN
    if ref.first_page:
        lines += [("SP", ref.first_page), ("EP", ref.last_page or ref.first_page)]
    if ref.abstract:
        lines.append(("AB", ref.abstract))
    lines += [("N1", note) for note in ref.notes]
    if ref.url:
        lines.append(("UR", ref.url))
    lines += [("LA", LANGUAGE), ("ID", ref.key), ("ER", "")]
    return "".join(f"{tag}  - {_one_line(value)}".rstrip() + "\r\n" for tag, value in lines)


def _one_line(value: object) -> str:
    """RIS has one line per field: a line break inside a value would start a broken field."""
    return " ".join(str(value).split())


# --- BibTeX ------------------------------------------------------------------------------------

_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
                  "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
_LATEX_PATTERN = re.compile("|".join(re.escape(char) for char in _LATEX_SPECIAL))
_BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def latex_text(value: str) -> str:
    """Text for a BibTeX field: LaTeX's special characters escaped, whitespace tidied."""
    return _LATEX_PATTERN.sub(lambda match: _LATEX_SPECIAL[match.group()], " ".join(value.split()))


def to_bibtex(ref: Reference) -> str:
    """One BibTeX entry, always @techreport (the report). Titles are braced twice so styles keep
    their capitals. BibTeX's standard styles print no `pages` for a report but do print `note`,
    so the place cited is in both."""
    if ref.url and ("{" in ref.url or "}" in ref.url or " " in ref.url):
        raise ValueError(f"{ref.url!r}: a URL in BibTeX cannot hold braces or spaces")
    fields: list[tuple[str, str]] = [
        ("title", f"{{{latex_text(ref.title)}}}"),
        ("author", " and ".join(latex_text(person.inverted) for person in ref.authors)),
        ("institution", latex_text(ref.publisher)),
    ]
    if ref.number:
        fields.append(("number", latex_text(ref.number)))
    fields += [("address", latex_text(ref.place)), ("year", str(ref.year))]
    if ref.pages:
        fields.append(("pages", ref.pages.replace("-", "--")))
    if ref.abstract:
        fields.append(("abstract", latex_text(ref.abstract)))
    if ref.notes:
        fields.append(("note", latex_text(" ".join(ref.notes))))
    if ref.url:
        fields.append(("url", ref.url))
    fields.append(("language", "english"))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    month = f",\n  month = {_BIBTEX_MONTHS[ref.month - 1]}" if ref.month else ""
    return f"@techreport{{{ref.key},\n{body}{month}\n}}\n"


# --- CSL-JSON ----------------------------------------------------------------------------------

def csl_item(ref: Reference) -> dict:
    """One item of CSL-JSON (the input format of citeproc processors, Zotero and Pandoc): type
    `report`, with the pages cited as `page` and their section as `section` (CSL variables).
    Harvard styles print `page` ("pp. 53–54") and the URL; none prints `note`."""
    item: dict = {
        "id": ref.key,
        "type": "report",
        "title": ref.title,
        "author": [{"family": person.family, "given": person.given} for person in ref.authors],
        "issued": {"date-parts": [[ref.year, ref.month] if ref.month else [ref.year]]},
        "publisher": ref.publisher,
        "publisher-place": ref.place,
    }
    if ref.pages:
        item["page"] = ref.pages
    if ref.section:
        item["section"] = ref.section
    if ref.url:
        item["URL"] = ref.url
    item["language"] = LANGUAGE
    if ref.number:
        item["number"] = ref.number
    if ref.number_of_pages:
        item["number-of-pages"] = ref.number_of_pages
    if ref.abstract:
        item["abstract"] = ref.abstract
    if ref.notes:
        item["note"] = "\n".join(ref.notes)   # Zotero keeps it in Extra, one line each
    return item


def to_csl_json(ref: Reference) -> str:
    """A CSL-JSON file: a list of items, here one."""
    return json.dumps([csl_item(ref)], ensure_ascii=False, indent=2) + "\n"


# --- Highwire Press meta tags ------------------------------------------------------------------

def highwire_tags(ref: Reference) -> list[tuple[str, str]]:
    """(name, content) of each `<meta name=… content=…>`, plain text (the page escapes it).

    What a reader's Zotero saves, and why (its Embedded Metadata translator, HIGHWIRE_MAPPINGS):
    always the report, item type Report (`citation_technical_report_institution`), titled with the
    report's title by its four authors. No `citation_book_title` or `citation_inbook_title`: either
    makes Zotero save a Book Section, the chapter the report does not have. On a recommendation's
    page the pages cited are the item's Pages (`citation_firstpage`/`lastpage`), its abstract is the
    recommendation in the report's words (without it Zotero would take the page's description, our
    words), and its URL is the page (where it was read). No meta tag carries the site's heading
    (`citation_title` must not: a reader's library would show our words as the authors' title), so
    Zotero gets none. The About page gives no `citation_public_url`: the site is not where the
    report is published (Zotero still notes the page it saved from, as it does for any page).
    Google Scholar indexes a work from a page with its full text; these pages hold the report's
    details and a part of its words, so at most it groups them as versions of the report, never as
    separate works with our headings."""
    when = f"{ref.year}/{ref.month:02d}" if ref.month else str(ref.year)
    tags = [("citation_title", ref.title)]
    tags += [("citation_author", person.inverted) for person in ref.authors]
    tags += [("citation_publication_date", when), ("citation_date", when), ("citation_publisher", ref.publisher),
             ("citation_technical_report_institution", ref.publisher)]
    if ref.number:
        tags.append(("citation_technical_report_number", ref.number))
    if ref.first_page:
        tags += [("citation_firstpage", str(ref.first_page)), ("citation_lastpage", str(ref.last_page or ref.first_page))]
    if ref.abstract:
        tags.append(("citation_abstract", " ".join(ref.abstract.split())))
    if ref.url:
        tags.append(("citation_public_url", ref.url))
    tags.append(("citation_language", LANGUAGE))
    return tags


# --- The plan's share --------------------------------------------------------------------------

WRITERS = {"RIS": to_ris, "BibTeX": to_bibtex, "CSL-JSON": to_csl_json}


def files(catalogue: Catalogue, site_url: str) -> dict[str, str]:
    """Every citation download, {site path: content}: the report's at the site root, each
    current recommendation's beside its page (a withdrawn one is not offered for citing), and
    each barrier, evidence and appendix page's beside it."""
    out: dict[str, str] = {}
    report = report_reference(catalogue, site_url)
    for name, path in REPORT_DOWNLOADS.items():
        out[path] = WRITERS[name](report)
    for rec in catalogue.recommendations:
        ref = recommendation_reference(rec, catalogue, site_url)
        for name, path in recommendation_downloads(rec.id).items():
            out[path] = WRITERS[name](ref)
    for page_path, ref in page_references(catalogue, site_url).items():
        for name, path in page_downloads(page_path).items():
            out[path] = WRITERS[name](ref)
    return out


def page_places(catalogue: Catalogue) -> dict[str, tuple[str, tuple[Source, ...], bool, bool, str | None]]:
    """{docs path: (title, the places in the report it shows, whether it shows a selection, whether
    the title is the report's own heading, what it says it leaves out of a whole)} of each barrier,
    evidence and appendix page: the pages cited as the report at those places. Whether a page is a
    selection is what the page itself says: an evidence page unless it is `whole`; never a barrier
    page (the whole of its section) nor an appendix page (word for word, what it leaves out said)."""
    found: dict[str, tuple[str, tuple[Source, ...], bool, bool, str | None]] = {}
    for page in catalogue.evidence.pages:
        found[paths.evidence_page(page.id)] = (page.title, (page.source, *page.also), not page.whole,
                                               page.report_heading, None)
    for appendix in catalogue.evidence.appendices:
        found[paths.evidence_page(appendix.id)] = (appendix.title, (appendix.source,), False,
                                                   appendix.report_heading, appendix.omitted)
    for theme in catalogue.themes:
        barrier = theme.barrier
        found[paths.barrier_page(barrier.id)] = (barrier.title, (barrier.source,), False, barrier.report_heading, None)
    return found


def page_references(catalogue: Catalogue, site_url: str) -> dict[str, Reference]:
    return {path: page_reference(path, title, places, catalogue, site_url, *rest)
            for path, (title, places, *rest) in page_places(catalogue).items()}


def report_tags(catalogue: Catalogue, site_url: str) -> list[tuple[str, str]]:
    """The citation meta tags of the report's page (REPORT_PAGE, hand-written)."""
    return highwire_tags(report_reference(catalogue, site_url))


def page_tags(path: str, catalogue: Catalogue, site_url: str) -> list[tuple[str, str]]:
    """The citation meta tags of a barrier, evidence or appendix page (`path`, a docs path)."""
    title, places, *rest = page_places(catalogue)[path]
    return highwire_tags(page_reference(path, title, places, catalogue, site_url, *rest))


def recommendation_tags(rec: Recommendation, catalogue: Catalogue, site_url: str) -> list[tuple[str, str]]:
    """The citation meta tags of a current recommendation's page (a withdrawn one has none)."""
    return highwire_tags(recommendation_reference(rec, catalogue, site_url))
