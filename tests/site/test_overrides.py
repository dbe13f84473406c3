"""overrides/: the few theme templates the site changes, and that each change is still the only
difference from the installed Material partial (so a Material upgrade cannot be silently undone
or silently lost)."""

from __future__ import annotations

from pathlib import Path

import material

from anchorcheck import target_file
from support.project import ROOT
from support.site import in_theme

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "overrides"
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog"'


def test_every_search_dialog_has_an_accessible_name(site):
    """A dialog must be named (Lighthouse and WCAG 4.1.2): screen readers announce 'Search, dialog'."""
    pages = [address for address in site.addresses() if in_theme(address)]
    assert len(pages) > 70
    for page in pages:
        dialogs = site.soup(page).select('[role="dialog"]')
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


NAV_INCLUDE = '{% include "partials/nav.html" %}'


def _site_nav_block(template: str) -> str:
    start = template.index("{% block site_nav %}")
    end = template.index("{% endblock %}", template.index('{% include "partials/toc.html" %}', start))
    return template[start:end]


def test_the_navigation_block_is_materials_but_for_the_shared_navigation():
    """overrides/main.html copies Material's site_nav block to render the navigation once for the
    pages it does not list; everything else in the block must stay Material's."""
    ours = _site_nav_block((OVERRIDES / "main.html").read_text(encoding="utf-8"))
    theirs = _site_nav_block((THEME / "base.html").read_text(encoding="utf-8"))
    assert theirs.count(NAV_INCLUDE) == 1, "Material's site_nav block changed: review overrides/main.html"
    lines = [line for line in ours.splitlines() if "recsite.navigation" in line]
    assert len(lines) == 1 and NAV_INCLUDE in lines[0]
    indent = lines[0][:len(lines[0]) - len(lines[0].lstrip())]
    assert ours.replace(lines[0], indent + NAV_INCLUDE) == theirs, \
        "overrides/main.html's site_nav block differs from Material's by more than the shared navigation"


def _navigation(site, page: str):
    return site.soup(page).select_one('[data-md-type="navigation"] nav.md-nav--primary')


def test_a_page_outside_the_navigation_has_the_whole_navigation_and_its_links_work(site):
    """Recommendation pages share one rendering of the navigation: it must still list every
    section, mark nothing as the current page, and each of its links must lead somewhere from
    every one of those pages; a page in the navigation still gets its own, with itself marked."""
    from urllib.parse import urljoin, urlsplit

    records = sorted(p.parent.name for p in (site.root / "recommendations").glob("*/index.html"))
    assert len(records) >= 48
    first = _navigation(site, f"recommendations/{records[0]}/")
    assert first.select("a.md-nav__link") and not first.select(".md-nav__link--active")
    for name in (records[1], records[-1]):
        page = f"recommendations/{name}/"
        nav = _navigation(site, page)
        assert str(nav) == str(first)
        for link in nav.select("a[href]"):
            target = urlsplit(urljoin(f"http://x/{page}", link["href"])).path
            assert target_file(site.root, target).exists(), f"{page}: the navigation's link {link['href']} leads nowhere"
    # Each page the navigation lists marks itself, and only itself, as the current page (by its
    # title: the current entry's link is "./" whichever page it names).
    for page, title in {"about/": "About the report", "glossary/": "Glossary",
                        "key-recommendations/": "Key recommendations", "planner/": "Action plan"}.items():
        current = {a.get_text(" ", strip=True) for a in _navigation(site, page).select(".md-nav__link--active")}
        assert current == {title}, f"{page}: the navigation marks {current} as the current page"
