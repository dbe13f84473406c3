"""What a screen reader meets, kept on purpose: the accessibility tree of the home page, a
recommendation's page, the list filtered and the planner, as Playwright's ARIA snapshots in
tests/golden/aria/. A change to what these pages say to assistive technology (an element's role,
name, order or state) fails here until the snapshot is updated with `--update-goldens` and the diff
reviewed: that the page still reads in a sensible order, and that every control has a name.

Dates a page shows (when it last changed, from git or the data) are written as <date>, so a new
commit does not change the snapshot. Reviewed when first kept: skip link, header (site name, colour
scheme, search), navigation, then the page's own content and its footer, in that order; each
heading's name ends in Material's "¶" (its permanent-link anchor, whose accessible name is that sign).
"""

from __future__ import annotations

import re

import pytest

from support import goldens
from support.browser import open_page

PAGES = {
    "home": "",
    "recommendation": "recommendations/employment-in-assessment/",
    "list-filtered": "recommendations/?audience=individuals-and-families&key=true",
    "planner": "planner/",
}
DATE = re.compile(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")
# A control with no name: its role and nothing after it, or only its properties ([checked]...).
UNNAMED = re.compile(r"^\s*- (button|link|textbox|searchbox|combobox|checkbox|radio|switch|tab|menuitem)(?: \[[^\]]*\])*:?$",
                     re.MULTILINE)


def snapshot(page, site_url: str) -> str:
    """The page's tree as a screen reader meets it: the whole body, in reading order (links'
    addresses from the site's root, whatever port the test server has)."""
    tree = page.locator("body").aria_snapshot().replace(site_url, "/")
    return DATE.sub("<date>", tree) + "\n"


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_what_a_screen_reader_meets_is_kept_and_every_control_is_named(browser, site, update_goldens, name):
    with open_page(browser, site.url) as page:
        page.goto(PAGES[name], wait_until="networkidle")
        page.wait_for_timeout(300)  # the scripts' last changes (the filter's count, the planner) settle
        tree = snapshot(page, site.url)
    assert not UNNAMED.findall(tree), f"controls without a name on {PAGES[name] or 'the home page'}: {UNNAMED.findall(tree)}"
    goldens.check(f"aria/{name}.yaml", tree, update_goldens)
