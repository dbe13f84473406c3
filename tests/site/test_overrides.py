"""overrides/: the few theme templates the site changes, and that each change is still the only
difference from the installed Material partial (so a Material upgrade cannot be silently undone
or silently lost)."""

from __future__ import annotations

from pathlib import Path

import material

from conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog"'


def test_every_search_dialog_has_an_accessible_name(site):
    """A dialog must be named (Lighthouse and WCAG 4.1.2): screen readers announce 'Search, dialog'."""
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) > 70
    for page in pages:
        dialogs = site.soup(page.relative_to(site.root).as_posix()).select('[role="dialog"]')
        assert dialogs, f"{page}: no search dialog"
        for dialog in dialogs:
            assert dialog.get("aria-label") == "Search", f"{page}: a dialog without a name"


def _body(template: str) -> str:
    """A template without its leading {#- … -#} comment."""
    return template.split("-#}\n", 1)[1] if template.startswith("{#-") else template


def test_the_search_override_is_materials_partial_plus_the_name():
    ours = _body((OVERRIDES / "partials" / "search.html").read_text(encoding="utf-8"))
    theirs = _body((THEME / "partials" / "search.html").read_text(encoding="utf-8"))
    assert SEARCH_DIALOG in theirs, "Material's search partial changed: review overrides/partials/search.html"
    named = theirs.replace(SEARCH_DIALOG, SEARCH_DIALOG + " aria-label=\"{{ lang.t('search') }}\"", 1)
    assert ours == named, "overrides/partials/search.html differs from Material's by more than the dialog's name"


def test_every_override_says_why_at_its_top():
    for template in OVERRIDES.rglob("*.html"):
        text = template.read_text(encoding="utf-8")
        assert text.startswith("{#-") and "Material's" in text.split("-#}")[0], template
