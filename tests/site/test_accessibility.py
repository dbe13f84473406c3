"""WCAG 2.2 AA in a real browser: axe-core on every kind of page of the built site (and every part a
page of that kind shows), in the light and the dark colour scheme, and on the filtered
recommendations list; and the filters by keyboard alone."""

from __future__ import annotations


import pytest

from support.axe import AXE_RUN, AXE_TAGS, add_axe, axe_script, described
from support.site import in_theme, page_parts, pages_by_kind, pages_showing_every_part

pytestmark = pytest.mark.browser

FILTERED = ["recommendations/?audience=individuals-and-families",
            "recommendations/?theme=personal-budget-process&key=false"]

# The pages read, in shares: share k of a scheme reads pages k, k + SHARES... of its list, so the
# shares together are every page of the list exactly once, and pytest-xdist's workers take them
# side by side.
SHARES = 2


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


def test_the_pages_read_show_every_part_of_every_kind_of_page(site):
    """What axe reads: every kind of page (recsite/pagekinds.py's, and each hand-written one), and
    of each kind the pages that between them show every element, class and provenance mark its
    pages show (a recommendation with a footnote, one with a twin, one in plain words, each evidence
    page's tables and charts...). Colours and contrast come from these, so every page need not be
    read; html-validate and the link check still read every page (test_html_valid, test_links)."""
    read = pages_showing_every_part(site)
    kinds = pages_by_kind(site)
    assert {"", "about/", "404.html", "recommendations/", "glossary/", "planner/"} <= set(read)
    assert any(not in_theme(address) for address in read), "no embed card is read"
    for kind, addresses in kinds.items():
        assert set(addresses) & set(read), f"no page of the kind {kind} is read"
    shown = set().union(*(page_parts(site.html(address)) for address in read))
    assert {"rec-twin", "rec-plain", "rec-detail__footnote", "section7-difference", "table", "q"} <= shown
    assert len(read) < len(site.addresses()) / 2  # what makes the choice worth it


@pytest.mark.parametrize("share", range(SHARES), ids=lambda k: f"share {k + 1} of {SHARES}")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_any_kind_of_page(browser, site, scheme, share):
    """Every kind of page and each of its parts (above), and the filtered list, in both schemes."""
    mine = (pages_showing_every_part(site) + FILTERED)[share::SHARES]
    assert mine
    found = axe_violations(browser, site.url, scheme, mine)
    assert not found, f"{len(found)} accessibility problems ({scheme} scheme):\n" + "\n".join(found)


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
