"""WCAG 2.2 AA in a real browser: axe-core on every page of the built site, in the light and the dark
colour scheme, and on the filtered recommendations list; and the filters by keyboard alone."""

from __future__ import annotations


import pytest
from concurrent.futures import ThreadPoolExecutor

from axe import AXE_RUN, AXE_TAGS, axe_script, described, site_pages

pytestmark = pytest.mark.browser

FILTERED = ["recommendations/?audience=individuals-and-families",
            "recommendations/?theme=personal-budget-process&key=false"]


async def _violations(browser, base_url: str, scheme: str, addresses: list[str], workers: int = 6) -> list[str]:
    """Run axe on each address, several pages at a time (the pages do not depend on each other)."""
    import asyncio

    script = str(axe_script())
    queue = list(addresses)
    found: list[str] = []

    async def worker():
        context = await browser.new_context(base_url=base_url, color_scheme=scheme)
        page = await context.new_page()
        while queue:
            address = queue.pop(0)
            await page.goto(address)
            await page.add_script_tag(path=script)
            found.extend(described(address, await page.evaluate(AXE_RUN, AXE_TAGS)))
        await context.close()

    await asyncio.gather(*(worker() for _ in range(workers)))
    return sorted(found)


def run_axe(base_url: str, scheme: str, addresses: list[str]) -> list[str]:
    import asyncio

    from playwright.async_api import async_playwright

    from chromium import launch

    async def main():
        async with async_playwright() as playwright:
            browser = await launch(playwright.chromium)
            try:
                return await _violations(browser, base_url, scheme, addresses)
            finally:
                await browser.close()

    # In a thread of its own: a session's synchronous Playwright (the `browser` fixture, started by
    # whichever test ran first) keeps an event loop running in the main thread.
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, main()).result()


def page_types(addresses: list[str]) -> list[str]:
    """One page of each kind: the first page of each folder and depth (a recommendation's page, a
    theme's page, the list of themes...), and every evidence page (they use several templates)."""
    kinds: dict[tuple, str] = {}
    for address in addresses:
        parts = address.strip("/").split("/")
        kind = (address,) if parts[0] == "evidence" else (parts[0], len(parts))
        kinds.setdefault(kind, address)
    return list(kinds.values())


def test_no_axe_violations_on_any_page_in_the_light_scheme(site):
    addresses = site_pages(site.root) + FILTERED
    assert len(addresses) > 60
    found = run_axe(site.url, "light", addresses)
    assert not found, f"{len(found)} accessibility problems (light scheme):\n" + "\n".join(found)


def test_no_axe_violations_on_any_kind_of_page_in_the_dark_scheme(site):
    """Colours are the same on every page of a kind, so one of each (and every filtered view) shows
    what the dark scheme does; the light scheme above reads every page."""
    addresses = page_types(site_pages(site.root)) + FILTERED
    assert {"", "recommendations/", "barriers/", "glossary/"} <= set(addresses)
    assert any(a.startswith("recommendations/") and a.count("/") == 2 for a in addresses)
    found = run_axe(site.url, "dark", addresses)
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
