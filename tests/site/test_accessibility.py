"""WCAG 2.2 AA in a real browser: axe-core on every page of the built site, in the light and the dark
colour scheme, and on the filtered recommendations list; and the filters by keyboard alone."""

from __future__ import annotations


import pytest

from axe import AXE_RUN, AXE_TAGS, add_axe, axe_script, described, site_pages

pytestmark = pytest.mark.browser

FILTERED = ["recommendations/?audience=individuals-and-families",
            "recommendations/?theme=personal-budget-process&key=false"]

# Every page is checked, in shares: share k reads pages k, k + SHARES, k + 2 × SHARES... of the
# sorted list, so the shares together are every page exactly once, and pytest-xdist's workers take
# them side by side (one test of every page was the suite's longest, and its workers waited for it).
LIGHT_SHARES = 6
DARK_SHARES = 2


def axe_violations(browser, base_url: str, scheme: str, addresses: list[str]) -> list[str]:
    """axe on each address in turn, in one tab; axe's script is added to every page as it loads."""
    context = browser.new_context(base_url=base_url, color_scheme=scheme)
    context.add_init_script(path=str(axe_script()))
    page = context.new_page()
    found: list[str] = []
    try:
        for address in addresses:
            page.goto(address)
            found.extend(described(address, page.evaluate(AXE_RUN, AXE_TAGS)))
    finally:
        context.close()
    return found


def test_axe_as_the_tests_run_it_finds_a_real_problem(tabs, site):
    """The axe tests here pass because the site has no violation, not because axe ran nothing:
    pale grey text and an unnamed button, added to a real page, are found by the same script."""
    with tabs.open(site.url) as page:
        page.goto("recommendations/")
        add_axe(page)
        # The colours set by script: the site's policy refuses a style="…" attribute it has no hash for.
        page.evaluate("""() => { document.querySelector('article').insertAdjacentHTML('afterbegin',
            '<p id="pale">Hard to read</p><button type="button"></button>');
            Object.assign(document.getElementById('pale').style, {color: '#bbb', background: '#fff'}); }""")
        found = "\n".join(described("recommendations/", page.evaluate(AXE_RUN, AXE_TAGS)))
    assert "color-contrast" in found and "button-name" in found, found


def page_types(addresses: list[str]) -> list[str]:
    """One page of each kind: the first page of each folder and depth (a recommendation's page, a
    theme's page, the list of themes...), and every evidence page (they use several templates)."""
    kinds: dict[tuple, str] = {}
    for address in addresses:
        parts = address.strip("/").split("/")
        kind = (address,) if parts[0] == "evidence" else (parts[0], len(parts))
        kinds.setdefault(kind, address)
    return list(kinds.values())


@pytest.mark.parametrize("share", range(LIGHT_SHARES), ids=lambda k: f"share {k + 1} of {LIGHT_SHARES}")
def test_no_axe_violations_on_any_page_in_the_light_scheme(browser, site, share):
    addresses = site_pages(site.root) + FILTERED
    assert len(addresses) > 60
    mine = addresses[share::LIGHT_SHARES]
    assert mine
    found = axe_violations(browser, site.url, "light", mine)
    assert not found, f"{len(found)} accessibility problems (light scheme):\n" + "\n".join(found)


@pytest.mark.parametrize("share", range(DARK_SHARES), ids=lambda k: f"share {k + 1} of {DARK_SHARES}")
def test_no_axe_violations_on_any_kind_of_page_in_the_dark_scheme(browser, site, share):
    """Colours are the same on every page of a kind, so one of each (and every filtered view) shows
    what the dark scheme does; the light scheme above reads every page."""
    addresses = page_types(site_pages(site.root)) + FILTERED
    assert {"", "recommendations/", "barriers/", "glossary/"} <= set(addresses)
    assert any(a.startswith("recommendations/") and a.count("/") == 2 for a in addresses)
    mine = addresses[share::DARK_SHARES]
    assert mine
    found = axe_violations(browser, site.url, "dark", mine)
    assert not found, f"{len(found)} accessibility problems (dark scheme):\n" + "\n".join(found)


def focused_id(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def test_filters_work_by_keyboard_alone(page):
    page.goto("recommendations/")
    page.locator("#filters").wait_for(state="visible")
    for _ in range(200):  # from the top of the page: skip link, header, navigation, then the filters
        page.keyboard.press("Tab")
        if focused_id(page) == "filter-audience":
            break
    else:
        pytest.fail("Tab never reached the first filter")

    page.keyboard.press("ArrowDown")  # the first audience: national organisations
    assert focused_id(page) == "filter-audience"
    assert page.locator("#rec-count").inner_text() == "Showing 12 of 48 recommendations"

    page.keyboard.press("Tab")
    assert focused_id(page) == "filter-theme"
    page.keyboard.press("ArrowDown")  # encouraging demand
    assert page.locator("#rec-count").inner_text() == "Showing 6 of 48 recommendations"

    page.keyboard.press("Tab")
    assert focused_id(page) == "filter-key"
    page.keyboard.press("ArrowDown")  # key recommendations only
    assert page.locator("#rec-count").inner_text() == "Showing 3 of 48 recommendations"
    # The script writes the address just after the list is drawn.
    page.wait_for_url(lambda url: "audience=national-organisations" in url and "key=true" in url, timeout=5_000)

    page.keyboard.press("Tab")
    assert focused_id(page) == "filter-clear"
    page.keyboard.press("Enter")
    assert focused_id(page) == "filter-clear", "focus was lost after clearing"
    assert page.locator("#rec-count").inner_text() == "Showing all 48 recommendations"
    # The count is a polite live region, so each change above was announced.
    assert page.locator("#rec-count").get_attribute("aria-live") == "polite"


def test_focus_is_always_visible_on_the_filters(page):
    page.goto("recommendations/")
    page.locator("#filters").wait_for(state="visible")
    for control in ("#filter-audience", "#filter-theme", "#filter-key", "#filter-clear"):
        page.focus(control)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        outline = page.eval_on_selector(control, "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
        assert not outline.startswith("none") and not outline.endswith(" 0px"), f"{control}: {outline}"


# Where the focus is, as the reader would see it once any fade-in has ended: "" when it is on
# something visible, else what hides it (the focused element described).
FOCUS_HIDDEN = """() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return null;
    document.getAnimations().forEach(animation => animation.finish());
    let shown = focused, box = focused.getBoundingClientRect();
    const next = focused.nextElementSibling;
    if (box.width * box.height === 0 && next && next.tagName === "LABEL") {
        // A radio button drawn by the label after it, which shows its focus (Material's colour-
        // scheme switch: `.md-option.focus-visible + label`).
        shown = next;
        box = shown.getBoundingClientRect();
    }
    let why = box.width * box.height === 0 ? "no size" : "";
    for (let e = shown; e && !why; e = e.parentElement) {
        const style = getComputedStyle(e);
        if (style.visibility !== "visible" || Number(style.opacity) === 0) why = "invisible";
    }
    return why && why + ": " + focused.outerHTML.slice(0, 120);
}"""


def test_two_quick_tabs_through_the_search_box_land_on_something_seen(page):
    """Material opens search (checks its toggle) a moment after the box takes the focus. Two Tab
    presses that reach the page together, as keys queued while it is busy, came before it, and the
    second one stopped on the closed search's empty result list, out of sight (in most runs here:
    6 of 8, and 6 of 6; the Tab-stop test below met it now and then). Now the list is out of the
    Tab order while the box is empty (not yet with words left in it: developers/architecture.md, Known problems)."""
    page.goto("about/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.md-search__input')"):
            break
    else:
        pytest.fail("Tab never reached the search box")
    page.keyboard.press("Shift+Tab")
    page.evaluate("setTimeout(() => { const start = performance.now(); while (performance.now() - start < 300); })")
    page.keyboard.press("Tab")  # into the search box and out again, both while the page is busy
    page.keyboard.press("Tab")
    why = page.evaluate(FOCUS_HIDDEN)
    assert why == "", why or "the focus left the page"


@pytest.mark.parametrize("javascript", [False, True], ids=["without JavaScript", "with JavaScript"])
def test_tab_never_takes_the_focus_to_something_unseen(tabs, site, javascript):
    """Every stop of the Tab key, from the top of a long page (skip link, header, navigation, the
    contents, the table of contents, the footer), is something the reader can see."""
    with tabs.open(site.url, java_script_enabled=javascript) as page:
        page.goto("about/")
        unseen, stops = [], 0
        for stops in range(1, 400):
            page.keyboard.press("Tab")
            why = page.evaluate(FOCUS_HIDDEN)
            if why is None:  # past the last stop: the focus left the page
                break
            if why:
                unseen.append(why)
        else:
            pytest.fail("Tab never left the page")
        assert stops > 20, f"only {stops} stops: the page's controls were not reached"
        assert not unseen, "\n".join(unseen)
