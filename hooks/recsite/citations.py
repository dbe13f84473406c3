"""What reference managers read: the report and each recommendation as a `Reference`, written as
RIS, BibTeX and CSL-JSON downloads and as Highwire Press `citation_*` meta tags.

The meta tags are the ones Zotero's "Embedded Metadata" translator reads (its HIGHWIRE_MAPPINGS):
`citation_technical_report_institution` makes the report page a Zotero "Report", and
`citation_book_title` makes a recommendation's page a "Book Section" of the report (Google Scholar
reads `citation_inbook_title` for the same, so both are given). One `citation_author` per author,
written "Family, Given" so no reader has to guess which name is which.

A recommendation's title is the site's own short heading, not the report's: every format says so
in its note, and gives the report's words as the abstract.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from . import paths
from .dates import long_date, month_number
from .model import Catalogue, Recommendation

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


def recommendation_downloads(rec_id: str) -> dict[str, str]:
    """The site paths of a recommendation's citation files, beside its page:
    /recommendations/<id>/cite.ris, cite.bib and cite.json."""
    folder = paths.url_of(paths.recommendation_page(rec_id))
    return {"RIS": f"{folder}cite.ris", "BibTeX": f"{folder}cite.bib", "CSL-JSON": f"{folder}cite.json"}


@dataclass(frozen=True)
class Person:
    given: str
    family: str

    @property
    def inverted(self) -> str:
        return f"{self.family}, {self.given}"


@dataclass(frozen=True)
class Reference:
    """One citable thing, in the terms the formats share. `container_title` is set for a part of the
    report (a recommendation) and names the report; otherwise the reference is the report itself."""

    key: str
    title: str
    authors: tuple[Person, ...]
    year: int
    month: int | None
    publisher: str
    place: str
    url: str
    number: str | None = None           # the report's number, where it has one (this one has none)
    number_of_pages: int | None = None
    container_title: str | None = None
    first_page: int | None = None
    last_page: int | None = None
    abstract: str | None = None
    note: str | None = None

    @property
    def is_part(self) -> bool:
        return self.container_title is not None


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
    return Reference(
        key=_key(f"{authors[0].family}{report.year}"),
        title=report.title,
        authors=authors,
        year=report.year,
        month=parse_month(report.date, report.year),
        publisher=report.publisher,
        place=report.place,
        url=paths.absolute(site_url, REPORT_PAGE),
        number_of_pages=report.pages,
    )


def recommendation_reference(rec: Recommendation, catalogue: Catalogue, site_url: str) -> Reference:
    whole = report_reference(catalogue, site_url)
    changed: date = rec.last_changed(catalogue.report.site_published)
    return Reference(
        key=f"{whole.key}-{rec.id}",
        title=rec.title,
        authors=whole.authors,
        year=whole.year,
        month=whole.month,
        publisher=whole.publisher,
        place=whole.place,
        url=paths.absolute(site_url, paths.recommendation_page(rec.id)),
        container_title=whole.title,
        first_page=rec.source.page,
        last_page=rec.source.to_page or rec.source.page,
        abstract=rec.text,
        note=(f"Recommendation in {rec.source.where} of the report. The title is this site's short "
              f"heading; the abstract is the report's words. Record last changed {long_date(changed)}."),
    )


# --- RIS ---------------------------------------------------------------------------------------

def to_ris(ref: Reference) -> str:
    """One RIS record (the RIS format's tags: two letters, two spaces, a hyphen, a space)."""
    lines: list[tuple[str, object]] = [("TY", "CHAP" if ref.is_part else "RPRT"), ("TI", ref.title)]
    if ref.is_part:
        lines.append(("T2", ref.container_title))
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
    if ref.note:
        lines.append(("N1", ref.note))
    lines += [("UR", ref.url), ("LA", LANGUAGE), ("ID", ref.key), ("ER", "")]
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
    """One BibTeX entry: @techreport for the report, @incollection for a recommendation in it.
    Titles are braced twice so styles keep their capitals."""
    if "{" in ref.url or "}" in ref.url or " " in ref.url:
        raise ValueError(f"{ref.url!r}: a URL in BibTeX cannot hold braces or spaces")
    fields: list[tuple[str, str]] = [
        ("title", f"{{{latex_text(ref.title)}}}"),
        ("author", " and ".join(latex_text(person.inverted) for person in ref.authors)),
    ]
    if ref.is_part:
        fields += [("booktitle", f"{{{latex_text(ref.container_title)}}}"), ("publisher", latex_text(ref.publisher))]
    else:
        fields.append(("institution", latex_text(ref.publisher)))
    if ref.number:
        fields.append(("number", latex_text(ref.number)))
    fields += [("address", latex_text(ref.place)), ("year", str(ref.year))]
    if ref.first_page:
        last = ref.last_page or ref.first_page
        fields.append(("pages", str(ref.first_page) if last == ref.first_page else f"{ref.first_page}--{last}"))
    if ref.abstract:
        fields.append(("abstract", latex_text(ref.abstract)))
    if ref.note:
        fields.append(("note", latex_text(ref.note)))
    fields += [("url", ref.url), ("language", "english")]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    month = f",\n  month = {_BIBTEX_MONTHS[ref.month - 1]}" if ref.month else ""
    kind = "incollection" if ref.is_part else "techreport"
    return f"@{kind}{{{ref.key},\n{body}{month}\n}}\n"


# --- CSL-JSON ----------------------------------------------------------------------------------

def csl_item(ref: Reference) -> dict:
    """One item of CSL-JSON (the input format of citeproc processors, Zotero and Pandoc)."""
    item: dict = {
        "id": ref.key,
        "type": "chapter" if ref.is_part else "report",
        "title": ref.title,
        "author": [{"family": person.family, "given": person.given} for person in ref.authors],
        "issued": {"date-parts": [[ref.year, ref.month] if ref.month else [ref.year]]},
        "publisher": ref.publisher,
        "publisher-place": ref.place,
        "URL": ref.url,
        "language": LANGUAGE,
    }
    if ref.is_part:
        last = ref.last_page or ref.first_page
        item["container-title"] = ref.container_title
        item["page"] = str(ref.first_page) if last == ref.first_page else f"{ref.first_page}-{last}"
    if ref.number:
        item["number"] = ref.number
    if ref.number_of_pages:
        item["number-of-pages"] = ref.number_of_pages
    if ref.abstract:
        item["abstract"] = ref.abstract
    if ref.note:
        item["note"] = ref.note
    return item


def to_csl_json(ref: Reference) -> str:
    """A CSL-JSON file: a list of items, here one."""
    return json.dumps([csl_item(ref)], ensure_ascii=False, indent=2) + "\n"


# --- Highwire Press meta tags ------------------------------------------------------------------

def highwire_tags(ref: Reference) -> list[tuple[str, str]]:
    """(name, content) of each `<meta name=… content=…>`, plain text (the page escapes it)."""
    when = f"{ref.year}/{ref.month:02d}" if ref.month else str(ref.year)
    tags = [("citation_title", ref.title)]
    tags += [("citation_author", person.inverted) for person in ref.authors]
    tags += [("citation_publication_date", when), ("citation_date", when), ("citation_publisher", ref.publisher)]
    if ref.is_part:
        tags += [("citation_book_title", ref.container_title), ("citation_inbook_title", ref.container_title),
                 ("citation_firstpage", str(ref.first_page)), ("citation_lastpage", str(ref.last_page or ref.first_page))]
    else:
        tags.append(("citation_technical_report_institution", ref.publisher))
    if ref.number:
        tags.append(("citation_technical_report_number", ref.number))
    if ref.abstract:
        tags.append(("citation_abstract", " ".join(ref.abstract.split())))
    tags += [("citation_public_url", ref.url), ("citation_language", LANGUAGE)]
    return tags


# --- The plan's share --------------------------------------------------------------------------

def files(catalogue: Catalogue, site_url: str) -> dict[str, str]:
    """Every citation download, {site path: content}: the report's at the site root, each
    current recommendation's beside its page (a withdrawn one is not offered for citing)."""
    out: dict[str, str] = {}
    writers = {"RIS": to_ris, "BibTeX": to_bibtex, "CSL-JSON": to_csl_json}
    report = report_reference(catalogue, site_url)
    for name, path in REPORT_DOWNLOADS.items():
        out[path] = writers[name](report)
    for rec in catalogue.recommendations:
        ref = recommendation_reference(rec, catalogue, site_url)
        for name, path in recommendation_downloads(rec.id).items():
            out[path] = writers[name](ref)
    return out


def page_tags(catalogue: Catalogue, site_url: str) -> dict[str, list[tuple[str, str]]]:
    """{docs path: its citation meta tags}: the report's page and every current recommendation's."""
    tags = {REPORT_PAGE: highwire_tags(report_reference(catalogue, site_url))}
    for rec in catalogue.recommendations:
        tags[paths.recommendation_page(rec.id)] = highwire_tags(recommendation_reference(rec, catalogue, site_url))
    return tags
