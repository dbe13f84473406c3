"""The check that no id the data gives an element is one a page's template writes itself.

The readers (recsite/read/) know only the data: each claims the ids it gives elements
(problems.IdClaim), with the problem an editor gets if one collides. This check, made after
planning, knows the pages: the page kinds (recsite/pagekinds.py) say which template makes which
pages, and recsite.anchors reads the templates' own ids, here and only here. A claim of one kind's
pages (a glossary term's, on the glossary page) is held to that kind's template and page titles; a
claim of any page (a recommendation's, a finding's) to every template's ids, since a card or a
finding is shown on many kinds of page.

plan.plan_site runs it on the pages it planned, so a build stops; scripts/check_data.py runs it
without rendering any page (the pages' titles are all it needs), so an editor's check stops too.

It also holds the templates to the ids recsite/read/page_anchors.py declares for them (the ones
data/published.yaml registers, which the data's readers check without reading a template).
"""

from __future__ import annotations

from typing import Iterable

from .anchors import FIXED_ANCHORS, heading_ids, template_anchors
from .ids import heading_id_of
from .load import in_file_order
from .model import Catalogue
from .pagekinds import KINDS, PageKind
from .problems import DataError, Problem
from .read.page_anchors import TEMPLATE_ANCHORS
from .selections import Selections


def kind_fixed_ids(kind: PageKind, titles: Iterable[str]) -> frozenset[str]:
    """The ids a kind's pages carry that are not the data's: those its template writes, its
    template's own headings', and its pages' title headings' (`titles`)."""
    return (frozenset(template_anchors(kind.template)) | heading_ids(kind.template)
            | {heading_id_of(title) for title in titles})


def problems(catalogue: Catalogue, kinds: tuple[PageKind, ...] = KINDS,
             titles: dict[str, list[str]] | None = None) -> list[Problem]:
    """The claims of `catalogue` that take a fixed id, as problems. `titles` are the planned pages'
    titles by kind name; without them, each claimed kind makes its pages here (not rendered)."""
    by_name = {kind.name: kind for kind in kinds}
    fixed: dict[str | None, frozenset[str]] = {None: FIXED_ANCHORS}
    found = []
    for claim in catalogue.id_claims:
        if claim.kind not in fixed:
            kind = by_name.get(claim.kind)
            if kind is None:   # no such pages are made: nothing to collide with
                fixed[claim.kind] = frozenset()
            else:
                made = (titles[kind.name] if titles is not None and kind.name in titles
                        else [page.title for page in kind.pages(catalogue, Selections.of(catalogue))])
                fixed[claim.kind] = kind_fixed_ids(kind, made)
        if claim.id in fixed[claim.kind]:
            found.append(claim.problem)
    return found


def undeclared_template_ids(declared: dict[str, tuple[str, ...]] = TEMPLATE_ANCHORS) -> list[Problem]:
    """Each template whose own ids are not, in order, those `declared` for it: the published-anchor
    check would otherwise hold its pages to ids they no longer carry, or miss a new one."""
    found = []
    for template, ids in declared.items():
        written = template_anchors(template)
        if written != ids:
            found.append(Problem(f"hooks/templates/{template}",
                                 f"writes the ids {', '.join(written) or 'none'} and recsite/read/page_anchors.py "
                                 f"declares {', '.join(ids) or 'none'} for it (expected the same, in page order: "
                                 "declare a new id in TEMPLATE_ANCHORS and register it in data/published.yaml)"))
    return found


def check(catalogue: Catalogue, kinds: tuple[PageKind, ...] = KINDS,
          titles: dict[str, list[str]] | None = None) -> None:
    """Raise DataError with every claim that takes a fixed id, in the order of the data files, and
    every template that writes other ids than those declared for it."""
    found = in_file_order(problems(catalogue, kinds, titles)) + undeclared_template_ids()
    if found:
        raise DataError(found)
