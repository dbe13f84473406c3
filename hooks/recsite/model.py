"""The validated records the pages are made from. Built only by the readers in recsite/read/, which
recsite.load.load_catalogue calls."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any

from . import wording
from .ids import quote_group_id, quote_runs

# What the report names that the Care Act 2014 has since replaced (About, "What has changed since
# 2014", id since-2014): FACS gave way to national eligibility criteria in April 2015.
CHANGED_SINCE_2014 = ("FACS", "Fair Access to Care Services")


def read_as_text() -> Any:
    """A Recommendation's optional text that its reader (read/recommendations.py) fills by itself:
    the record's key of the same name, its line breaks folded, or None where the record has none.
    A new field of this kind needs no change to the reader, only its key in the data's schema."""
    return field(default=None, metadata={"read": "text"})


@dataclass(frozen=True)
class Source:
    """A place in the report: a section and the printed page (or pages) it is on."""

    section: str
    page: int
    to_page: int | None = None

    @property
    def pages(self) -> str:
        if self.to_page and self.to_page != self.page:
            return f"pages {self.page}–{self.to_page}"
        return f"page {self.page}"

    @property
    def section_name(self) -> str:
        """The section as a reader names it: 'Appendix 3, section A3.1.1', 'Section 4.1'."""
        if self.section.startswith(("Appendix", "Part")):
            return self.section
        if self.section.startswith("A"):
            return f"Appendix {self.section[1]}, section {self.section}"
        return f"Section {self.section}"

    @property
    def where(self) -> str:
        """How a reader finds it in the report: 'Appendix 3, section A3.1.1, page 53'."""
        return f"{self.section_name}, {self.pages}"

    @property
    def name(self) -> str:
        """The place as the subject of a sentence: 'Section 7.1.2', 'Appendix 3 (section A3.1.2)'."""
        if self.section.startswith(("Appendix", "Part")):
            return self.section
        if self.section.startswith("A"):
            return f"Appendix {self.section[1]} (section {self.section})"
        return f"Section {self.section}"


@dataclass(frozen=True)
class Barrier:
    """One of the four barriers of Section 5 (Figure 4); a theme's recommendations answer it."""

    id: str
    section: str
    title: str
    source: Source
    summary: str
    report_heading: bool = False   # the title is the report's own heading for its section (checked)

    @property
    def names_what_has_changed(self) -> bool:
        """Whether our summary names something the Care Act 2014 has since replaced, so that it is
        shown with a link to About's note on what has changed since 2014 (the report's words stand)."""
        return any(word in self.summary for word in CHANGED_SINCE_2014)


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    sections: tuple[Source, ...]
    barrier: Barrier


@dataclass(frozen=True)
class Audience:
    id: str
    title: str
    subsection: int
    includes: str
    includes_source: Source
    plain_words: bool = False   # its recommendations also need a plain-words version
    # The report's own name for it in its headings ("Recommendations for individuals"): what a
    # sentence saying what the report makes, or for whom, calls it. `title` is the site's label.
    report_name: str = ""


@dataclass(frozen=True)
class Scope:
    """What the report says its recommendations are about (and not), in its words, and where it says it."""

    text: str
    printed: tuple[Source, ...]

    @property
    def where(self) -> str:
        places = [source.where for source in self.printed]
        return places[0] if len(places) == 1 else ", and again in ".join([", ".join(places[:-1]), places[-1]])


@dataclass(frozen=True)
class Section7:
    """Where Section 7 repeats a key recommendation, and its wording if it differs."""

    source: Source
    wording: str | None = None
    footnote: str | None = None   # Section 7's own footnote to it (7.1.3 has one Appendix 3 lacks)


@dataclass(frozen=True)
class Change:
    """One entry of a recommendation's change history."""

    date: date
    change: str


@dataclass(frozen=True)
class Retired:
    """A published recommendation that was withdrawn. Its address keeps working and says so."""

    id: str
    title: str
    text: str
    date: date
    reason: str
    replaced_by: str | None = None


@dataclass(frozen=True)
class RetiredAnchor:
    """A published anchor of an evidence, appendix or barrier page that no element has any more. Its
    page keeps an empty element with the old id just before `replaced_by`'s, so old links still land
    in the right place."""

    page: str          # the page's address: /barriers/personal-budget-process/
    id: str
    replaced_by: str   # an anchor on the same page
    date: date
    reason: str


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: str
    text: str
    theme: Theme
    audience: Audience
    key: bool
    source: Source
    section7: Section7 | None = None
    related: tuple[str, ...] = ()
    footnote: str | None = read_as_text()
    changes: tuple[Change, ...] = ()   # newest first
    data_line: int = 0                 # where the record starts in recommendations.yaml
    plain: str | None = None           # the site's plain-words version (individuals and families)
    twin: str | None = None            # the same words, printed again by the report under another theme

    def last_changed(self, published: date) -> date:
        """When the record last changed: its newest change, or when the site first published it."""
        return self.changes[0].date if self.changes else published

    # How the two printings differ, said exactly (recsite/wording.py): the sentence as parts, even
    # ones the site's words and odd ones the report's; None where Section 7 prints the same text or
    # does not repeat the recommendation. Computed once per build (cached on the record).
    @cached_property
    def section7_note(self) -> tuple[str, ...] | None:
        """How Section 7's wording differs from the text (Appendix 3's), for where the text is shown."""
        if not (self.section7 and self.section7.wording):
            return None
        return wording.describe(wording.compare(self.text, self.section7.wording),
                                self.section7.source.name, self.source.name)

    @cached_property
    def section7_same_words(self) -> bool:
        """Whether Section 7 repeats the recommendation in the same words (only punctuation,
        capitals or spacing differ): its page then folds the second wording away, said in one line."""
        return bool(self.section7 and self.section7.wording
                    and wording.compare(self.text, self.section7.wording).same_words)

    @cached_property
    def text_note(self) -> tuple[str, ...] | None:
        """How the text (Appendix 3's) differs from Section 7's wording, for where Section 7's is
        shown first (the key recommendations page)."""
        if not (self.section7 and self.section7.wording):
            return None
        return wording.describe(wording.compare(self.section7.wording, self.text),
                                self.source.name, self.section7.source.name)


@dataclass(frozen=True)
class Report:
    title: str
    authors: tuple[str, ...]
    cite_authors: str
    year: int
    date: str
    publisher: str
    place: str
    pages: int
    site_published: date | None = None
    scope: Scope | None = None   # what the report says its recommendations are about

    def citation(self) -> str:
        return f"{self.cite_authors} ({self.year}) {self.title}. {self.place}: {self.publisher}."


@dataclass(frozen=True)
class Run:
    """Paragraphs the report prints one after another, shown as one block, and `gap`: our words for
    what the report prints after them that the page leaves out (None after the last run)."""

    paragraphs: tuple[str, ...]
    gap: str | None = None


@dataclass(frozen=True)
class CoreRecommendation:
    """Section 7's core recommendation, with the paragraphs that lead into it and its funding
    suggestion: shown whole, so its caveat is never left out."""

    source: Source
    lead_in: tuple[str, ...]
    paragraphs: tuple[str, ...]
    in_practice_intro: str
    in_practice: tuple[str, ...]
    note: str
    note_source: Source
    lead_in_refs: tuple[Reference, ...] = ()   # the report's footnotes to the lead-in
    lead_in_runs: tuple[Run, ...] = ()   # the lead-in as shown: split where the report prints Figure 5


@dataclass(frozen=True)
class FigureGroup:
    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class Figure:
    title: str
    source: Source
    groups: tuple[FigureGroup, ...]


@dataclass(frozen=True)
class Catalogue:
    """Everything the site publishes, validated, in the report's order."""

    report: Report
    themes: tuple[Theme, ...]
    audiences: tuple[Audience, ...]
    recommendations: tuple[Recommendation, ...]
    core: CoreRecommendation
    figure5: Figure
    evidence: "Evidence"
    retired: tuple[Retired, ...] = ()
    glossary: tuple["Term", ...] = ()
    retired_anchors: tuple[RetiredAnchor, ...] = ()
    # The element ids the data gives pages, each with the problem to report if a page's template
    # writes it too: checked after planning (recsite/fixedids.py), not by the readers.
    id_claims: tuple[Any, ...] = field(default=(), repr=False, compare=False)
    _by_id: dict[str, Recommendation] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update({rec.id: rec for rec in self.recommendations})

    def recommendation(self, rec_id: str) -> Recommendation:
        return self._by_id[rec_id]

    def select(self, *, theme: Theme | None = None, audience: Audience | None = None,
               key: bool | None = None) -> list[Recommendation]:
        return [
            rec for rec in self.recommendations
            if (theme is None or rec.theme == theme)
            and (audience is None or rec.audience == audience)
            and (key is None or rec.key == key)
        ]

    @property
    def key_recommendations(self) -> list[Recommendation]:
        return self.select(key=True)

    @property
    def twins(self) -> list[tuple[Recommendation, Recommendation]]:
        """Recommendations the report prints twice, under two themes, each pair once."""
        return [(rec, self.recommendation(rec.twin)) for rec in self.recommendations
                if rec.twin and rec.id < rec.twin]

    @property
    def different(self) -> int:
        """How many different recommendations there are, counting each twin pair once."""
        return len(self.recommendations) - len(self.twins)


# The evidence: what the report found (data/evidence.yaml) and its appendices (data/appendices.yaml).
# Each block has a `kind`, which the page templates use to choose how to show it.


@dataclass(frozen=True)
class Provenance:
    """Whose words and figures an evidence block shows (CONTRIBUTING.md, "Four kinds of text").

    The block's text is always the report's words; `origin` says where its figures come from:
    'survey', 'fieldwork' or 'phase-three' (this research, counted over `base`, the report's words for who was
    counted), 'cited' (another study the report cites, which the site names in `study`), or
    'report' (the report's own words, no figure of their own).
    """

    origin: str = "report"
    base: str | None = None
    study: str | None = None
    base_note: str | None = None   # the site's words: what the base leaves unsaid (shown as ours)
    base_source: Source | None = None   # where the report prints the base, when not where the block is
    lead_in: str | None = None   # the report's words before figures it gives no base for (never called a base)

    @property
    def kind(self) -> str:
        """The kind of text shown to readers: 'research', 'cited' or 'report'."""
        return "research" if self.origin in RESEARCH_PARTS else self.origin


REPORT_WORDS = Provenance()

# The four kinds of text, named on the page wherever a block is shown (never colour alone).
TEXT_KINDS = {
    "report": "In the report's words",
    "research": "From this research",
    "cited": "From another study the report cites",
    "site": "Our words",
}
# The caption of a table this site compiled from figures the report gives in its text.
COMPILED_TABLE = "Our table of the report's figures"
# Which part of this research a figure comes from, as the page names it.
RESEARCH_PARTS = {
    "survey": "the survey of employment support providers",
    "fieldwork": "the fieldwork in five sites",
    # Section 3.3: examples sought beyond employment support providers, alongside the survey and fieldwork.
    "phase-three": "the search for other ways people use Personal Budgets for work (Phase Three)",
}


@dataclass(frozen=True)
class Reference:
    """One of the report's footnotes giving its source for a figure."""

    footnote: int
    text: str
    url: str | None
    source: Source
    ibid: bool = False   # printed as "Ibid.": `text` is the footnote it points back to
    items: tuple[str, ...] = ()   # a list the footnote prints after its text, one entry a line

    @property
    def shows_url(self) -> bool:
        """Whether the address is printed after the text (it is not already the text itself)."""
        return bool(self.url) and self.url.split("://", 1)[-1] not in self.text


@dataclass(frozen=True)
class Quote:
    text: str
    role: str
    source: Source
    kind: str = "quote"


@dataclass(frozen=True)
class Finding:
    id: str
    label: str
    text: str
    source: Source
    figures: tuple[str, ...] = ()
    refs: tuple[Reference, ...] = ()
    provenance: Provenance = REPORT_WORDS
    kind: str = "finding"


@dataclass(frozen=True)
class ListBlock:
    id: str
    intro: str
    items: tuple[str, ...]
    source: Source
    numbered: bool = False
    provenance: Provenance = REPORT_WORDS
    kind: str = "list"


@dataclass(frozen=True)
class Column:
    label: str
    n: int | None = None

    @property
    def heading(self) -> str:
        return self.label if self.n is None else f"{self.label} (N={self.n})"


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    id: str
    number: int | None
    title: str
    source: Source
    stub: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    text: str | None = None
    provenance: Provenance = REPORT_WORDS
    kind: str = "table"

    @property
    def name(self) -> str:
        """The report's own tables by their number; a table this site compiled from the report's
        prose says it is ours (the report has Tables 1-3 only)."""
        return f"Table {self.number}" if self.number else COMPILED_TABLE

    @property
    def compiled(self) -> bool:
        return self.number is None


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    percent: str | None = None

    @property
    def shown(self) -> str:
        return f"{self.value} ({self.percent})" if self.percent else str(self.value)


@dataclass(frozen=True)
class Chart:
    """A bar chart drawn at build time, always shown beside a table of the same numbers."""

    id: str
    number: int
    title: str
    source: Source
    stub: str
    unit: str
    bars: tuple[Bar, ...]
    text: str
    text_source: Source
    note: str | None = None
    provenance: Provenance = REPORT_WORDS
    kind: str = "chart"

    @property
    def name(self) -> str:
        return f"Figure {self.number}"

    @property
    def largest(self) -> int:
        return max(bar.value for bar in self.bars) or 1

    def share(self, bar: Bar) -> str:
        """Bar length as a percentage of the longest bar, for CSS."""
        return f"{100 * bar.value / self.largest:.1f}%"

    @property
    def alt_text(self) -> str:
        """The chart in words, numbers included, for people who cannot see it."""
        parts = "; ".join(f"{bar.label}: {bar.shown} {self.unit}" for bar in self.bars)
        return f"Bar chart, {self.name}: {self.title}. {parts}."


@dataclass(frozen=True)
class QuoteGroup:
    """A run of quotes as a page shows it: one block with an anchor of its own (anchors.quote_runs)."""

    id: str
    quotes: tuple[Quote, ...]
    kind: str = "quotes"


@dataclass(frozen=True)
class Part:
    id: str
    title: str
    source: Source
    items: tuple

    @property
    def shown(self) -> tuple:
        """The items as the page shows them: each run of quotes one QuoteGroup, named after the
        item it follows (so a link can point at it)."""
        runs = quote_runs([(item.kind, getattr(item, "id", None)) for item in self.items], self.id)
        shown: list = []
        for index, item in enumerate(self.items):
            if index in runs:
                shown.append(QuoteGroup(runs[index], (item,)))
            elif item.kind == "quote":
                shown[-1] = replace(shown[-1], quotes=shown[-1].quotes + (item,))
            else:
                shown.append(item)
        return tuple(shown)


@dataclass(frozen=True)
class EvidencePage:
    id: str
    title: str
    source: Source
    summary: str
    parts: tuple[Part, ...]
    also: tuple[Source, ...] = ()   # other places in the report that the page quotes
    whole: bool = False   # carries every paragraph of its sections, not a selection
    report_heading: bool = False   # the title is the report's own heading for its section (checked)

    @property
    def where(self) -> str:
        """Every place the page quotes: 'Section 3.1, pages 12–13 and Section 4, pages 16–23'."""
        places = [source.where for source in (self.source, *self.also)]
        return places[0] if len(places) == 1 else ", ".join(places[:-1]) + " and " + places[-1]

    @property
    def blocks(self) -> list:
        return [item for part in self.parts for item in part.items]


@dataclass(frozen=True)
class BarrierFinding:
    id: str
    title: str
    text: str
    source: Source
    point: str | None = None
    quotes: tuple[Quote, ...] = ()
    items: tuple[str, ...] = ()   # the bullets the report prints under the paragraph
    refs: tuple[Reference, ...] = ()

    @property
    def quotes_id(self) -> str:
        """The anchor of its quotes ("What people told the researchers")."""
        return quote_group_id(self.id)

    @property
    def before_point(self) -> str:
        return self.text.partition(self.point)[0] if self.point else self.text

    @property
    def after_point(self) -> str:
        return self.text.partition(self.point)[2] if self.point else ""


@dataclass(frozen=True)
class BarrierEvidence:
    barrier: Barrier
    findings: tuple[BarrierFinding, ...]


@dataclass(frozen=True)
class Question:
    number: int
    text: str
    options: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class AppendixPart:
    id: str
    title: str
    source: Source | None
    intro: tuple[str, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Appendix:
    id: str
    section: str
    title: str
    source: Source
    summary: str
    intro: tuple[str, ...]
    parts: tuple[AppendixPart, ...]
    outro: tuple[str, ...] = ()
    omitted: str | None = None
    note: str | None = None   # the site's words on the extracted text, shown as ours
    report_heading: bool = False   # the title is the report's own heading for its section (checked)
    intro_runs: tuple[Run, ...] = ()   # the intro as shown: split where a paragraph is left out


@dataclass(frozen=True)
class Highlight:
    """A finding the home page shows: the site's one-line summary over the report's words, with
    the page each block is on. Its blocks are all of one kind: this research, or other studies."""

    summary: str
    blocks: tuple[tuple[str, "Finding | Table | Chart"], ...]   # (evidence page id, block)

    @property
    def kind(self) -> str:
        return self.blocks[0][1].provenance.kind


@dataclass(frozen=True)
class Evidence:
    pages: tuple[EvidencePage, ...]
    barriers: tuple[BarrierEvidence, ...]
    references: tuple[Reference, ...]
    appendices: tuple[Appendix, ...]
    highlights: tuple[Highlight, ...] = ()

    def block(self, block_id: str):
        """A finding, list, table or chart of the evidence pages, by its id."""
        return next(block for page in self.pages for block in page.blocks if getattr(block, "id", None) == block_id)

    def highlighted(self, kind: str) -> list[Highlight]:
        return [highlight for highlight in self.highlights if highlight.kind == kind]

    def for_barrier(self, barrier: Barrier) -> BarrierEvidence:
        return next(entry for entry in self.barriers if entry.barrier.id == barrier.id)


@dataclass(frozen=True)
class Term:
    """A word or abbreviation the site uses, explained in plain words (data/glossary.yaml)."""

    id: str
    term: str
    definition: str
    abbreviation: str | None = None
    also: tuple[str, ...] = ()
    see: Source | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """Every way the site writes it, longest first (so 'PBs' wins over 'PB')."""
        forms = {self.term, *self.also} | ({self.abbreviation} if self.abbreviation else set())
        return tuple(sorted(forms, key=len, reverse=True))

    @property
    def name(self) -> str:
        return f"{self.term} ({self.abbreviation})" if self.abbreviation else self.term
