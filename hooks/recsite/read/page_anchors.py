"""The anchors each evidence, appendix and barrier page gets, in page order, with where each is
written: the ids data/published.yaml registers (read/published.py checks the register against these).

An anchor comes from the data (a part's, a finding's, a list's, a table's or a chart's id, a barrier
finding's id, an appendix part's id, a footnote's number), from the record a run of quotes follows
(`<id>-quotes`, anchors.quote_runs: quotes have no id of their own) or from the page's own template (the barrier
pages' #findings and #what-the-report-recommends, the evidence index's #references). Which template
makes each page is recsite.plan's choice; the names here must follow it.

Left out on purpose, because no link to them can break: a page's title (<h1>) id, which is made from its
words (a link to a missing anchor opens the page at its top, where the title is; read/evidence.py keeps
the page's records from taking it); the `<id>-title` of a
barrier finding's heading, which only goes with its finding. The ids of recommendations, themes,
audiences and barriers, which the pages also carry, are registered under their own keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import paths
from ..ids import quote_group_id, quote_runs

EVIDENCE_INDEX_TEMPLATE = "evidence.md.j2"
EVIDENCE_PAGE_TEMPLATE = "evidence_page.md.j2"
APPENDIX_TEMPLATE = "appendix.md.j2"
BARRIER_TEMPLATE = "barrier.md.j2"
# The ids these templates write themselves, in page order, which data/published.yaml registers
# with their pages' anchors (the barrier pages' #findings...). Declared here, so that reading the
# data reads no template; recsite.fixedids checks after planning that each template writes exactly
# these, so a template's new or renamed id stops the build until it is declared here.
TEMPLATE_ANCHORS: dict[str, tuple[str, ...]] = {
    EVIDENCE_INDEX_TEMPLATE: ("findings", "in-brief", "repeat-the-study", "references"),
    EVIDENCE_PAGE_TEMPLATE: ("cite",),
    APPENDIX_TEMPLATE: ("cite",),
    BARRIER_TEMPLATE: ("findings", "what-the-report-recommends", "cite"),
}


@dataclass(frozen=True)
class Anchor:
    """An element id on a page, and where it is written: the mapping `node` in the data file `file`
    (its field `field`), or nowhere (None) when the page's template writes it."""

    id: str
    node: Any = None
    file: str | None = None
    field: str = "id"
    of: str = ""     # what it is, where the id alone does not say: " (the quotes after 'x')"


@dataclass
class PageAnchors:
    """A page's anchors in page order, and the record that makes the page (None for a fixed page)."""

    address: str
    node: Any = None
    file: str | None = None
    anchors: list[Anchor] = field(default_factory=list)


def page_anchors(evidence: Any, evidence_file: str, appendices: Any, appendices_file: str,
                 fixed: dict[str, tuple[str, ...]] = TEMPLATE_ANCHORS) -> dict[str, PageAnchors]:
    """Every page with anchors, by address, from the schema-checked documents of evidence.yaml and
    appendices.yaml (the files are named in Anchor.file as `evidence_file` and `appendices_file`);
    `fixed` holds the ids each template writes itself, in page order (TEMPLATE_ANCHORS)."""
    pages: dict[str, PageAnchors] = {}

    def page(path: str, template: str, node: Any = None, file: str | None = None) -> PageAnchors:
        found = PageAnchors(paths.address(path), node, file, [Anchor(anchor) for anchor in fixed[template]])
        pages.setdefault(found.address, found)
        return found

    index = page(paths.EVIDENCE_INDEX, EVIDENCE_INDEX_TEMPLATE)
    index.anchors += [Anchor(f"footnote-{ref['footnote']}", ref, evidence_file, "footnote")
                      for ref in evidence["references"]]
    for node in evidence["pages"]:
        found = page(paths.evidence_page(node["id"]), EVIDENCE_PAGE_TEMPLATE, node, evidence_file)
        for part in node["parts"]:
            found.anchors.append(Anchor(part["id"], part, evidence_file))
            runs = quote_runs([(item["kind"], item.get("id")) for item in part["items"]], part["id"])
            for index, item in enumerate(part["items"]):
                if index in runs:   # written at the record the quotes follow (or at their part)
                    before = next((other for other in reversed(part["items"][:index]) if "id" in other), part)
                    found.anchors.append(Anchor(runs[index], before, evidence_file,
                                                of=f" (the quotes after '{before['id']}')"))
                elif "id" in item:
                    found.anchors.append(Anchor(item["id"], item, evidence_file))
    for node in appendices["appendices"]:
        found = page(paths.evidence_page(node["id"]), APPENDIX_TEMPLATE, node, appendices_file)
        found.anchors += [Anchor(part["id"], part, appendices_file) for part in node["parts"]]
    for node in evidence["barriers"]:
        found = page(paths.barrier_page(node["id"]), BARRIER_TEMPLATE, node, evidence_file)
        for finding in node["findings"]:
            found.anchors.append(Anchor(finding["id"], finding, evidence_file))
            if finding.get("quotes"):
                found.anchors.append(Anchor(quote_group_id(finding["id"]), finding, evidence_file,
                                            of=f" (the quotes after '{finding['id']}')"))
    return pages
