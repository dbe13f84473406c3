"""The action planner for keyboard and screen reader users: axe-core (WCAG 2.2 AA) in every state
(empty, full, after an import error, with the import preview open, and asking before it clears),
in both colour schemes; and the whole review done by keyboard alone."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from support.axe import AXE_RUN, AXE_TAGS, add_axe, axe_run, described
from support.browser import TWO_FRAMES

pytestmark = pytest.mark.browser


def open_planner(page) -> None:
    page.goto("planner/")
    page.locator("#planner").wait_for(state="visible")


def full(page) -> None:
    page.select_option("#planner-preset", "all")
    page.click("#planner-preset-add")
    page.select_option("#pl-status-cost-not-like-care", "done")
    page.fill("#pl-due-beyond-facs-eligibility", "2020-01-31")
    page.evaluate("""() => {  // a changed-since note on one item
        const plan = JSON.parse(localStorage.getItem('recsite.planner'));
        plan.items.find(i => i.id === 'transition-presumption-of-employment').seen = '2025-01-01';
        localStorage.setItem('recsite.planner', JSON.stringify(plan));
    }""")
    page.reload()
    page.locator("#planner").wait_for(state="visible")


def import_error(page) -> None:
    """On a full plan (the test makes it first)."""
    page.set_input_files("#planner-import", files=[{"name": "plan.json", "mimeType": "application/json",
                                                    "buffer": b'{"format": "recsite-action-plan", "version": 9}'}])
    page.locator("#planner-import-error").wait_for(state="visible")


def preview(page) -> None:
    page.set_input_files("#planner-import", files=[{"name": "plan.json", "mimeType": "application/json", "buffer": json.dumps(
        {"format": "recsite-action-plan", "version": 1, "items": [{"id": "cost-not-like-care", "status": "done"},
                                                                  {"id": "made-up", "status": "done"}]}).encode()}])
    page.locator("#planner-preview").wait_for(state="visible")


def confirm(page) -> None:
    """On a full plan (the test makes it first)."""
    page.click("#planner-clear")
    page.click("#planner-share-make")
    # The link comes once the planner has loaded its share-link module (planner-files.js).
    expect(page.locator("#planner-share-link")).to_have_value(re.compile("#share="))


STATES = {"empty": lambda page: None, "full": full, "import error": import_error, "preview": preview,
          "asking before clearing": confirm}
# States that add something to a full plan and leave its list as it was: axe reads all of the page
# but the list, which the "full" state has it read (48 items, most of axe's work on the page), once
# the test has seen that the list did not change.
ON_A_FULL_PLAN = {"import error", "asking before clearing"}
AXE_RUN_WITHOUT_THE_LIST = axe_run("{exclude: [['#planner-list']]}")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", list(STATES))
def test_no_axe_violations_on_the_planner(tabs, site, scheme, state):
    with tabs.open(site.url, color_scheme=scheme) as page:
        open_planner(page)
        if state in ON_A_FULL_PLAN:
            full(page)
            listed = page.inner_html("#planner-list")
        STATES[state](page)
        add_axe(page)
        if state in ON_A_FULL_PLAN:
            assert page.inner_html("#planner-list") == listed, f"the list changed ({state})"
            result = page.evaluate(AXE_RUN_WITHOUT_THE_LIST, AXE_TAGS)
        else:
            result = page.evaluate(AXE_RUN, AXE_TAGS)
        found = described(f"planner/ ({state})", result)
        assert not found, f"{len(found)} accessibility problems ({scheme} scheme):\n" + "\n".join(found)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_on_a_phone(tabs, site, scheme):
    """A plan across two audiences on a 320-pixel phone: the progress tables say each group's
    statuses in words, and the plan has a title, assessments, actions and an overdue item."""
    with tabs.open(site.url, color_scheme=scheme, viewport={"width": 320, "height": 640}) as page:
        open_planner(page)
        page.select_option("#planner-preset", "key")
        page.click("#planner-preset-add")
        page.fill("#planner-title", "Self-assessment")
        page.select_option("#pl-assessment-cost-not-like-care", "partly-met")
        page.fill("#pl-due-cost-not-like-care", "2020-01-31")
        page.fill("#pl-actions-cost-not-like-care", "Ask the board")
        assert page.locator(".pl-overdue:visible").count() == 1 and page.locator(".pl-words:visible").count() > 0
        add_axe(page)
        found = described("planner/ (a phone)", page.evaluate(AXE_RUN, AXE_TAGS))
        assert not found, f"{len(found)} accessibility problems ({scheme} scheme):\n" + "\n".join(found)


def test_axe_reads_the_page_once_its_fades_have_ended(tabs, site):
    """The import preview takes the focus down the page, so Material fades the header's title from
    the site's name to the page's (0.15 s). Caught 30 ms into the fade, the fading name fails colour
    contrast, which no reader meets: the axe tests must wait for the fade, and do (AXE_RUN). Without
    that wait this failed once in CI; here the fade is set to that instant (it then runs on), so
    without the wait it fails every time."""
    header = axe_run("{include: [['.md-header']]}")
    with tabs.open(site.url, color_scheme="dark") as page:
        open_planner(page)
        add_axe(page)
        # Slowed for as long as it takes to find them: two frames on a busy machine can outlast the
        # 0.15 s fade, and a fade that has ended cannot be caught. Each is then set to its real
        # length, 30 ms in.
        page.evaluate("""document.querySelectorAll('.md-header__topic').forEach(
            topic => topic.style.setProperty('transition-duration', '10s', 'important'))""")
        preview(page)
        fades = page.evaluate("async () => { await (" + TWO_FRAMES + """)();
            const fades = document.getAnimations().filter(a => a instanceof CSSTransition);
            fades.forEach(fade => {
                fade.effect.updateTiming({duration: fade.transitionProperty === 'opacity' ? 150 : 400});
                fade.currentTime = 30;
            });
            return fades.map(fade => fade.effect.target.className + ' ' + fade.transitionProperty);
        }""")
        assert "md-header__topic opacity" in fades, f"no title fade to catch: {fades}"
        found = described("planner/ (preview, header mid-fade)", page.evaluate(header, AXE_TAGS))
        assert not found, "\n".join(found)


@pytest.mark.parametrize("address", ["recommendations/", "recommendations/beyond-facs-eligibility/", "planner/questions/"])
def test_no_axe_violations_on_the_add_buttons(tabs, site, address):
    with tabs.open(site.url, color_scheme="dark") as page:
        page.goto(address)
        page.locator(".planner-toggle button, .planner-bulk button").first.click()
        add_axe(page)
        found = described(address, page.evaluate(AXE_RUN, AXE_TAGS))
        assert not found, "\n".join(found)


def focused(page) -> str:
    return page.evaluate("document.activeElement ? document.activeElement.id : ''")


def tab_to(page, element_id: str, limit: int = 400) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == element_id:
            return
    pytest.fail(f"Tab never reached #{element_id}")


def test_a_review_by_keyboard_alone(page):
    open_planner(page)
    tab_to(page, "planner-preset")
    assert page.input_value("#planner-preset") == "", "it starts at “Choose…”"
    page.keyboard.press("ArrowDown")  # the first audience, then the second: local authorities and providers
    page.keyboard.press("ArrowDown")
    assert page.input_value("#planner-preset") == "audience:local-authorities-and-providers"
    page.keyboard.press("Tab")
    assert focused(page) == "planner-preset-add"
    page.keyboard.press("Enter")
    expect(page.locator("#planner-status")).to_contain_text("Added 29 recommendations")
    assert focused(page) == "planner-preset-add"
    assert page.locator("#planner-status").get_attribute("aria-live") == "polite"

    tab_to(page, "pl-assessment-transition-presumption-of-employment")
    page.keyboard.press("ArrowDown")  # met
    expect(page.locator("#planner-status")).to_contain_text(
        "Assessment of “Presume employment as early as possible for young people”: Met. Saved.")
    page.keyboard.press("Tab")
    assert focused(page) == "pl-status-transition-presumption-of-employment"
    page.keyboard.press("ArrowDown")  # planned
    expect(page.locator("#planner-status")).to_contain_text(
        "Status of “Presume employment as early as possible for young people”: Planned. Saved.")
    page.keyboard.press("Tab")
    page.keyboard.type("Sam Patel")
    assert page.input_value("#pl-owner-transition-presumption-of-employment") == "Sam Patel"
    page.keyboard.press("Tab")
    assert focused(page) == "pl-due-transition-presumption-of-employment"
    tab_to(page, "pl-evidence-transition-presumption-of-employment", limit=5)  # the date has a stop per part
    page.keyboard.type("Agreed at the March board")
    page.keyboard.press("Tab")
    assert focused(page) == "pl-actions-transition-presumption-of-employment"
    page.keyboard.type("Ask schools")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('pl-remove')")
    page.keyboard.press("Enter")  # "Remove from plan" for this one
    expect(page.locator("#planner-status")).to_contain_text("Removed “Presume employment")
    assert focused(page) == "pl-title-social-workers-encourage-employment", "focus went to the next item"
    assert "Your plan has 28 recommendations" in page.locator("#planner-summary").inner_text()


def test_controls_show_where_the_focus_is(page):
    open_planner(page)
    page.select_option("#planner-preset", "key")
    page.click("#planner-preset-add")
    for control in ("#planner-preset", "#planner-preset-add", "#planner-one", "#planner-export-csv",
                    "#planner-clear", ".pl-remove", ".pl-field--owner input"):
        page.focus(control)
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        outline = page.eval_on_selector(control, "e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
        assert not outline.startswith("none") and not outline.endswith(" 0px"), f"{control}: {outline}"


# What each field of an item is called: its label in sight, then (for screen readers) its recommendation.
FIELD_LABELS = ("Assessment", "Status", "Who owns it", "Target date", "Current position and evidence", "Actions")


def test_each_field_is_named_with_its_recommendation(page):
    """A screen reader's list of form fields tells each item's apart: 29 fields all named "Status"
    (and as many "Assessment", "Target date"...) could not be told one from another. What is seen
    is the label alone, as before."""
    open_planner(page)
    page.select_option("#planner-preset", "audience:local-authorities-and-providers")
    page.click("#planner-preset-add")
    titles = page.locator("#planner-list .pl-item__title").all_inner_texts()
    assert len(titles) == 29
    tree = page.locator("#planner-list").aria_snapshot()
    names = re.findall(r'^\s*- (?:combobox|textbox)[^"\n]*"([^"\n]*)"', tree, re.MULTILINE)
    assert names == [f"{label} for “{title}”" for title in titles for label in FIELD_LABELS]
    seen = page.locator("#planner-list .pl-field label").evaluate_all(
        "ls => ls.map(l => [...l.childNodes].filter(n => n.nodeType === 3 || n.getBoundingClientRect().width > 1).map(n => n.textContent).join(''))")
    assert seen == list(FIELD_LABELS) * 29, "in sight, the label alone"
