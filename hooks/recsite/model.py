"""The validated records the pages are made from. Built only by `validate.load_catalogue`."""

from __future__ import annotations

from dataclasses import dataclass, field


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
    def pages_short(self) -> str:
        if self.to_page and self.to_page != self.page:
            return f"pp. {self.page}–{self.to_page}"
        return f"p. {self.page}"

    @property
    def where(self) -> str:
        """How a reader finds it in the report: 'Appendix 3, section A3.1.1, page 53'."""
        if self.section.startswith("A"):
            return f"Appendix {self.section[1]}, section {self.section}, {self.pages}"
        return f"Section {self.section}, {self.pages}"


@dataclass(frozen=True)
class Barrier:
    section: str
    title: str
    source: Source
    summary: str


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


@dataclass(frozen=True)
class Section7:
    """Where Section 7 repeats a key recommendation, and its wording if it differs."""

    source: Source
    wording: str | None = None


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
    footnote: str | None = None


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

    def citation(self) -> str:
        return f"{self.cite_authors} ({self.year}) {self.title}. {self.place}: {self.publisher}."


@dataclass(frozen=True)
class CoreRecommendation:
    source: Source
    paragraphs: tuple[str, ...]
    in_practice_intro: str
    in_practice: tuple[str, ...]
    note: str
    note_source: Source


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
