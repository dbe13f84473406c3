"""The anchors of the evidence, appendix and barrier pages are published addresses
(/barriers/personal-budget-process/#facs-eligibility): recsite/read/published.py checks them against
data/published.yaml's `anchors:` (the ids read/page_anchors.py finds the data giving each page), and a
retired one keeps an element with its old id on its page (recsite/render.py, the page templates)."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import pytest

from support.project import real_catalogue
from support.datacopies import broken, line_of, problems
from recsite import paths
from recsite.anchors import template_anchors
from recsite.load import load_catalogue
from recsite.model import RetiredAnchor
from recsite.plan import plan_site

EVIDENCE, APPENDICES, PUBLISHED = "evidence.yaml", "appendices.yaml", "published.yaml"
FACS = "/barriers/personal-budget-process/"


def edit(data: Path, file: str, old: str, new: str) -> None:
    text = (data / file).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: {old!r} is not unique in {file}"
    (data / file).write_text(text.replace(old, new), encoding="utf-8")


def place(data: Path, file: str, needle: str, key: str) -> str:
    """'line:column' of `key` on the line with `needle`."""
    line = line_of(data, needle, file)
    text = (data / file).read_text(encoding="utf-8").splitlines()[line - 1]
    return f"{line}:{text.index(key) + 1}"


def retire(data: Path, *entries: str) -> None:
    edit(data, PUBLISHED, "retired_anchors: []\n", "retired_anchors:\n" + "".join(f"  - {e}\n" for e in entries))


def test_a_renamed_finding_fails_at_its_place_with_the_old_address(tmp_path):
    data = broken(tmp_path, "      - id: facs-eligibility\n", "      - id: facs-criteria\n", EVIDENCE)
    line = line_of(data, "- id: facs-criteria", EVIDENCE)
    assert problems(data) == [
        f"data/evidence.yaml:{line}:9: facs-criteria: id: new anchor {FACS}#facs-criteria is not in "
        "data/published.yaml (expected it added to the page's list under anchors: there, so its link is kept "
        "for good)",
        # Its quotes' anchor is made from its id (anchors.quote_group_id), so it was renamed too.
        f"data/evidence.yaml:{line}:9: facs-criteria-quotes: id: new anchor {FACS}#facs-criteria-quotes (the "
        "quotes after 'facs-criteria') is not in data/published.yaml (expected it added to the page's list under "
        "anchors: there, so its link is kept for good)",
        f"data/evidence.yaml:{line}:9: facs-eligibility: id: the anchor {FACS}#facs-eligibility is published "
        "and no record has it now (expected: keep the id, or retire it in data/published.yaml with the id "
        "that replaces it)",
        f"data/evidence.yaml:{line}:9: facs-eligibility-quotes: id: the anchor {FACS}#facs-eligibility-quotes is "
        "published and no record has it now (expected: keep the id, or retire it in data/published.yaml with "
        "the id that replaces it)",
    ]


# One anchor of each kind the data gives a page, renamed where it stands: (file, its line, the new line).
RENAMES = {
    "evidence page part": (EVIDENCE, "      - id: responses\n", "      - id: answers\n"),
    "finding": (EVIDENCE, "            id: likely-overestimate\n", "            id: an-overestimate\n"),
    "list": (EVIDENCE, "            id: bought-from-providers\n", "            id: bought-from-a-provider\n"),
    "table": (EVIDENCE, "            id: table-1\n", "            id: table-one\n"),
    "chart": (EVIDENCE, "            id: figure-1\n", "            id: figure-one\n"),
    "barrier finding": (EVIDENCE, "      - id: not-in-assessment\n", "      - id: not-assessed\n"),
    "appendix part": (APPENDICES, "  - id: commissioners\n", "  - id: local-commissioners\n"),
}


@pytest.mark.parametrize("kind", RENAMES)
def test_every_kind_of_anchor_from_the_data_is_kept(tmp_path, kind):
    file, old, new = RENAMES[kind]
    old_id, new_id = old.split("id: ")[1].strip(), new.split("id: ")[1].strip()
    data = broken(tmp_path, old, new, file)
    line = line_of(data, new.strip(), file)
    found = problems(data)
    assert any(re.fullmatch(rf"data/{file}:{line}:\d+: {old_id}: id: the anchor /(evidence|barriers)/[a-z-]+/"
                            rf"#{old_id} is published and no record has it now .*", m) for m in found), found
    assert any(m.startswith(f"data/{file}:{line}:") and f"new anchor " in m and f"#{new_id} is not in" in m
               for m in found), found


def test_an_anchor_whose_place_cannot_be_told_is_reported_at_its_page_in_the_register(tmp_path):
    data = broken(tmp_path, "      - id: invoicing\n", "      - id: about-invoices\n", EVIDENCE)
    # The renamed finding is moved up as well: nothing says which record took the old id's place.
    text = (data / EVIDENCE).read_text(encoding="utf-8")
    start, end = text.index("      - id: about-invoices\n"), text.index("  - id: evidence-based-support\n")
    moved = text[start:end]
    text = text[:start] + text[end:]
    text = text.replace("      - id: facs-eligibility\n", moved + "      - id: facs-eligibility\n")
    (data / EVIDENCE).write_text(text, encoding="utf-8")
    found = problems(data)
    page_line = line_of(data, f"  {FACS}:", PUBLISHED)
    assert f"data/published.yaml:{page_line}:3: invoicing: anchors: the anchor {FACS}#invoicing is published and " \
           "nothing on the page has it now (expected: keep the id, or retire it under retired_anchors: with " \
           "the id that replaces it)" in found
    assert len(found) == 2 and "#about-invoices is not in data/published.yaml" in found[1]


def _rename_facs(data: Path) -> None:
    """facs-eligibility renamed facs-criteria, and both its anchors (its own, its quotes') retired."""
    edit(data, PUBLISHED, "    - facs-eligibility\n    - facs-eligibility-quotes\n",
         "    - facs-eligibility\n    - facs-eligibility-quotes\n    - facs-criteria\n    - facs-criteria-quotes\n")


def test_a_retired_anchor_passes_and_keeps_an_element_with_its_old_id_before_its_replacement(tmp_path):
    data = broken(tmp_path, "      - id: facs-eligibility\n", "      - id: facs-criteria\n", EVIDENCE)
    _rename_facs(data)
    retire(data, f'{{page: {FACS}, id: facs-eligibility, replaced_by: facs-criteria, date: "2026-12-01", '
                 'reason: "A clearer id."}',
           f'{{page: {FACS}, id: facs-eligibility-quotes, replaced_by: facs-criteria-quotes, date: "2026-12-01", '
           'reason: "A clearer id."}')
    catalogue = load_catalogue(data)
    assert catalogue.retired_anchors == (
        RetiredAnchor(FACS, "facs-eligibility", "facs-criteria", date(2026, 12, 1), "A clearer id."),
        RetiredAnchor(FACS, "facs-eligibility-quotes", "facs-criteria-quotes", date(2026, 12, 1), "A clearer id."))
    page = plan_site(catalogue, "https://example.org/").markdown[paths.barrier_page("personal-budget-process")]
    assert '<div id="facs-eligibility"></div>\n\n<section class="barrier-finding" aria-labelledby="facs-criteria"' in page
    assert '<div id="facs-eligibility-quotes"></div>\n\n<div class="quote-group" id="facs-criteria-quotes"' in page
    assert page.count('id="facs-eligibility"') == 1


def test_a_retired_anchor_needs_a_replacement_on_its_page(tmp_path):
    data = broken(tmp_path, "      - id: facs-eligibility\n", "      - id: facs-criteria\n", EVIDENCE)
    _rename_facs(data)
    # Named as it was before it was corrected, and on another page.
    retire(data, f'{{page: {FACS}, id: facs-eligibility, replaced_by: facs-critera, date: "2026-12-01", reason: R.}}',
           '{page: /evidence/survey/, id: table-1, replaced_by: facs-criteria, date: "2026-12-01", reason: R.}',
           f'{{page: {FACS}, id: facs-eligibility-quotes, replaced_by: facs-criteria-quotes, date: "2026-12-01", '
           'reason: R.}')
    assert problems(data) == [
        f"data/published.yaml:{place(data, PUBLISHED, 'id: facs-eligibility,', 'replaced_by')}: facs-eligibility: replaced_by: nothing on {FACS} has the id "
        "'facs-critera' now (expected the id of the element that takes its place on the same page)",
        f"data/published.yaml:{place(data, PUBLISHED, 'id: table-1,', 'replaced_by')}: table-1: replaced_by: nothing on /evidence/survey/ has the id "
        "'facs-criteria' now (expected the id of the element that takes its place on the same page)",
        # table-1 is still on its page: retiring it would give the page two elements with its id.
        f"data/evidence.yaml:{line_of(data, 'id: table-1', EVIDENCE)}:13: table-1: id: id 'table-1' was retired "
        "from /evidence/survey/ on 2026-12-01 and may not be used there again (a council's old link would "
        "lead to something else; choose a new id)",
    ]


def test_only_a_published_anchor_can_be_retired(tmp_path):
    data = broken(tmp_path, "retired_anchors: []\n", f'retired_anchors:\n  - {{page: {FACS}, id: never-published, '
                  'replaced_by: findings, date: "2026-12-01", reason: R.}\n', PUBLISHED)
    where = place(data, PUBLISHED, "id: never-published", "id: never")
    assert problems(data) == [f"data/published.yaml:{where}: never-published: id: only a published anchor can be "
                              f"retired (expected an id listed under anchors: {FACS} above)"]


def test_a_new_page_must_be_registered_and_a_published_page_must_stay(tmp_path):
    data = broken(tmp_path, "  - id: methods\n", "  - id: how-it-was-done-and-its-limits\n", EVIDENCE)
    assert problems(data) == [
        f"data/published.yaml:{line_of(data, '  /evidence/methods/:', PUBLISHED)}:3: anchors: the page "
        "/evidence/methods/ is published and no record makes it now (expected: keep the page's id, so its "
        "address and anchors keep working)",
        f"data/evidence.yaml:{line_of(data, 'id: how-it-was-done-and-its-limits', EVIDENCE)}:5: "
        "how-it-was-done-and-its-limits: id: new page /evidence/how-it-was-done-and-its-limits/ is not in "
        "data/published.yaml (expected it added under anchors: with its ids, so its links are kept for good)",
    ]


def test_the_fixed_anchors_of_a_page_are_read_from_its_own_template():
    assert template_anchors("barrier.md.j2") == ("findings", "what-the-report-recommends", "cite")
    assert template_anchors("evidence_page.md.j2") == ("cite",)


def test_the_data_is_read_without_the_templates_and_a_template_that_writes_other_ids_stops_the_check():
    """Reading the data reads no template: the register is held to the ids declared for each template
    (read/page_anchors.py), and the check after planning holds each template to its declaration."""
    import ast
    from recsite import fixedids
    from recsite.read.page_anchors import TEMPLATE_ANCHORS

    load_source = (Path(fixedids.__file__).parent / "load.py").read_text(encoding="utf-8")
    imported = {node.module for node in ast.walk(ast.parse(load_source)) if isinstance(node, ast.ImportFrom)}
    assert "anchors" not in imported and "fixedids" not in imported
    assert fixedids.undeclared_template_ids() == []
    changed = {**TEMPLATE_ANCHORS, "barrier.md.j2": ("findings", "cite")}
    [problem] = fixedids.undeclared_template_ids(changed)
    assert str(problem) == (
        "hooks/templates/barrier.md.j2: writes the ids findings, what-the-report-recommends, cite and "
        "recsite/read/page_anchors.py declares findings, cite for it (expected the same, in page order: "
        "declare a new id in TEMPLATE_ANCHORS and register it in data/published.yaml)")


def test_every_anchor_can_replace_a_retired_one_which_keeps_an_element_just_before_it():
    """Whatever a retired anchor's replacement is (any anchor the register can hold: a part, a
    finding, a barrier finding, a template's heading, a footnote), its page has an empty element with
    the old id right before the replacement's (inside it, at its start, for a footnote's list item)."""
    from support.project import DATA
    from recsite.read.page_anchors import page_anchors
    from recsite.yamlsource import load_yaml

    registered = page_anchors(load_yaml(DATA / EVIDENCE), EVIDENCE, load_yaml(DATA / APPENDICES), APPENDICES)
    retired = tuple(RetiredAnchor(address, f"old-{number}", anchor.id, date(2026, 12, 1), "R.")
                    for address, page in registered.items() for number, anchor in enumerate(page.anchors))
    assert len(retired) > 150
    catalogue = dataclasses.replace(real_catalogue(), retired_anchors=retired)
    pages = {paths.address(path): text for path, text in plan_site(catalogue, "https://example.org/").markdown.items()}
    for anchor in retired:
        page = pages[anchor.page]
        assert page.count(f'id="{anchor.id}"') == 1, (anchor.page, anchor.replaced_by)
        if anchor.replaced_by.startswith("footnote-"):
            assert re.search(rf'<li id="{anchor.replaced_by}" [^>]*>(<span id="old-\d+"></span>)*'
                             rf'<span id="{anchor.id}"></span>', page), anchor.replaced_by
            continue
        after = page.split(f'<div id="{anchor.id}"></div>\n\n', 1)[1]
        element = re.sub(r'^(<div id="old-\d+"></div>\n\n)*', "", after).split("\n", 1)[0]
        # A barrier finding is a section labelled by its heading, which holds the id.
        assert (f'id="{anchor.replaced_by}"' in element or f"{{#{anchor.replaced_by}}}" in element
                or f'<section class="barrier-finding" aria-labelledby="{anchor.replaced_by}"' in element), \
            (anchor.page, anchor.replaced_by, element)


def test_no_retired_anchor_changes_no_page():
    plain = plan_site(real_catalogue(), "https://example.org/").markdown
    assert "<div id=\"old-" not in "".join(plain.values())
    elsewhere = RetiredAnchor("/evidence/methods/", "old", "responses", date(2026, 12, 1), "R.")
    moved = plan_site(dataclasses.replace(real_catalogue(), retired_anchors=(elsewhere,)), "https://example.org/").markdown
    assert moved["evidence/survey.md"] == plain["evidence/survey.md"]  # only its own page's element gets it
