"""The lists of recommendations the pages show and count, selected once per build.

Templates present, they do not select: a page's kind (recsite.pagekinds) hands its template the
lists it shows, and every template (the snippets of hand-written pages too) can look up the site's
common lists here: all of them, the key ones, and those of each theme, audience, or both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

from .model import Audience, Catalogue, Recommendation, Theme


@dataclass(frozen=True)
class Recs:
    """Recommendations in the report's order, and how many of them are key: what a template lists
    and counts ("9 recommendations, 5 of them key"). Iterates, and has a length, as a list does."""

    items: tuple[Recommendation, ...]
    key: int

    @classmethod
    def of(cls, recs: Iterable[Recommendation]) -> "Recs":
        items = tuple(recs)
        return cls(items, sum(rec.key for rec in items))

    def __iter__(self) -> Iterator[Recommendation]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


@dataclass(frozen=True)
class Selections:
    everything: Recs
    key: Recs
    by_theme: dict[str, Recs]                   # theme id ->
    by_audience: dict[str, Recs]                # audience id ->
    key_by_theme: dict[str, Recs]               # theme id -> its key recommendations
    by_group: dict[tuple[str, str], Recs]       # (theme id, audience id) -> (groups that have some)
    # Each theme's recommendations for each audience that has some, in the audiences' order, and
    # each audience's for each theme, in the themes' order.
    audiences_of_theme: dict[str, list[tuple[Audience, Recs]]]
    themes_of_audience: dict[str, list[tuple[Theme, Recs]]]

    @classmethod
    def of(cls, catalogue: Catalogue) -> "Selections":
        groups: dict[tuple[str, str], list[Recommendation]] = {}
        for rec in catalogue.recommendations:
            groups.setdefault((rec.theme.id, rec.audience.id), []).append(rec)
        by_group = {group: Recs.of(recs) for group, recs in groups.items()}
        return cls(
            everything=Recs.of(catalogue.recommendations),
            key=Recs.of(catalogue.key_recommendations),
            by_theme={theme.id: Recs.of(catalogue.select(theme=theme)) for theme in catalogue.themes},
            by_audience={audience.id: Recs.of(catalogue.select(audience=audience)) for audience in catalogue.audiences},
            key_by_theme={theme.id: Recs.of(catalogue.select(theme=theme, key=True)) for theme in catalogue.themes},
            by_group=by_group,
            audiences_of_theme={theme.id: [(audience, by_group[theme.id, audience.id]) for audience in catalogue.audiences
                                           if (theme.id, audience.id) in by_group] for theme in catalogue.themes},
            themes_of_audience={audience.id: [(theme, by_group[theme.id, audience.id]) for theme in catalogue.themes
                                              if (theme.id, audience.id) in by_group] for audience in catalogue.audiences},
        )
