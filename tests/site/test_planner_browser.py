"""The action planner in Debian's Chromium driven by Playwright: the whole flow, from a preset to
an export, an import, a share link and the print view; every bad import leaving the plan as
it was; and the page not moving when the planner starts (layout shift). Expected counts come from the report (29 recommendations for local authorities and providers)."""

from __future__ import annotations

import csv
import io
from datetime import date
import json
import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from support.browser import TWO_FRAMES, open_page, slowed_processor
from support.printing import blank_pages, printed_sheets
from support.project import real_catalogue
from recsite.downloads import looks_like_formula
from recsite.planner import ASSESSMENTS, STATUSES

pytestmark = pytest.mark.browser

LA = "local-authorities-and-providers"
ITEM_FIELDS = ("status", "assessment", "owner", "due", "evidence", "actions")  # an item's fields, as the page names its controls
SECOND_NOTE = "employment-is-a-social-care-outcome"  # in the local authorities' preset
STORE = "recsite.planner"


def open_planner(page, address: str = "planner/") -> None:
    page.goto(address)
    page.locator("#planner").wait_for(state="visible")


def stored(page) -> dict | None:
    raw = page.evaluate(f"localStorage.getItem('{STORE}')")
    return json.loads(raw) if raw else None


def item_ids(page) -> list[str]:
    return page.eval_on_selector_all("#planner-list .pl-item", "items => items.map(i => i.id.slice(8))")


def add_preset(page, value: str) -> None:
    page.select_option("#planner-preset", value)
    page.click("#planner-preset-add")


def announced(page, words: str) -> None:
    """The planner's polite live region says `words` (it is filled a moment after it is cleared)."""
    expect(page.locator("#planner-status")).to_contain_text(words)


def fill_some(page) -> None:
    add_preset(page, f"audience:{LA}")
    page.fill("#planner-title", "Employment support self-assessment")
    page.fill("#planner-organisation", "Anytown Council")
    page.select_option("#pl-assessment-beyond-facs-eligibility", "partly-met")
    page.fill("#pl-actions-beyond-facs-eligibility", "Draft the policy; to the board in March")
    page.select_option("#pl-status-beyond-facs-eligibility", "in-progress")
    page.fill("#pl-owner-beyond-facs-eligibility", "Jo Bloggs, commissioner")
    page.fill("#pl-due-beyond-facs-eligibility", "2020-01-31")
    page.fill("#pl-evidence-beyond-facs-eligibility", "=SUM(A1) \"quoted\", commas\nand a second line – ünïcode")
    page.select_option("#pl-status-cost-not-like-care", "done")
    # A formula behind characters a spreadsheet skips, and in full-width form (downloads.py's rule).
    page.fill("#pl-evidence-cost-not-like-care", "\u200b =HYPERLINK(\"http://x\")")
    page.fill(f"#pl-evidence-{SECOND_NOTE}", "＋1")


def make_share_link(page) -> str:
    """Makes a share link and returns it (the first time, once the planner has loaded its files
    and share links module, planner-files.js)."""
    page.click("#planner-share-make")
    expect(page.locator("#planner-share-link")).to_have_value(re.compile("#share="))
    return page.input_value("#planner-share-link")


def import_file(page, name: str, content: bytes | str, mime: str = "application/json") -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    page.set_input_files("#planner-import", files=[{"name": name, "mimeType": mime, "buffer": data}])


# --- The flow --------------------------------------------------------------------------------

def test_without_javascript_the_planner_offers_the_review_spreadsheet(tabs, site):
    with tabs.open(site.url, java_script_enabled=False) as page:
        page.goto("planner/")
        assert page.locator("#planner-nojs").is_visible()
        assert not page.locator("#planner").is_visible()
        assert page.locator("#planner-nojs a[download]").get_attribute("href") == "review.csv"


def test_a_preset_edited_then_reloaded_is_still_there(page):
    open_planner(page)
    assert page.locator("#planner-nojs").is_hidden()
    assert page.locator("#planner-summary").inner_text().startswith("Your plan is empty. To begin, choose where to start from")
    add_preset(page, f"audience:{LA}")
    assert len(item_ids(page)) == 29
    announced(page, "Added 29 recommendations")
    assert page.evaluate("document.activeElement.id") == "planner-preset-add", "focus left the button"
    fill_some(page)
    assert page.locator("#planner-summary").inner_text() == (
        "Your plan has 29 recommendations: 27 not started, 1 in progress, 1 done. "
        "Assessment: 1 partly met, 28 not assessed yet. Overdue: 1.")
    # Overdue first in "what to do next", and on its own card.
    first = page.locator("#planner-next li").first.inner_text()
    assert "Overdue since 31 January 2020" in first
    assert page.locator("#pl-item-beyond-facs-eligibility .pl-overdue").inner_text() == "Overdue: its target date was 31 January 2020."
    assert page.locator(".pl-overdue:visible").count() == 1
    page.reload()
    page.locator("#planner").wait_for(state="visible")
    assert len(item_ids(page)) == 29
    assert page.input_value("#pl-owner-beyond-facs-eligibility") == "Jo Bloggs, commissioner"
    assert page.input_value("#pl-status-beyond-facs-eligibility") == "in-progress"
    assert page.input_value("#pl-due-beyond-facs-eligibility") == "2020-01-31"
    assert page.input_value("#pl-evidence-beyond-facs-eligibility").startswith("=SUM(A1)")
    assert page.input_value("#pl-assessment-beyond-facs-eligibility") == "partly-met"
    assert page.input_value("#pl-actions-beyond-facs-eligibility") == "Draft the policy; to the board in March"
    assert page.input_value("#planner-title") == "Employment support self-assessment"
    assert page.input_value("#planner-organisation") == "Anytown Council"
    plan = stored(page)
    assert plan["format"] == "recsite-action-plan" and plan["version"] == 2


def test_each_item_shows_the_reports_words_and_a_link_to_its_page(page, site):
    data = json.loads(site.soup("planner/").select_one("#planner-data")["data-planner"])
    open_planner(page)
    add_preset(page, "all")
    assert len(item_ids(page)) == 48
    for rec in data["recs"]:
        item = page.locator(f"#pl-item-{rec['id']}")
        quote = item.locator("blockquote[data-provenance='report']")
        assert quote.locator("> p").inner_text() == rec["text"]
        # Whose words as on every page: a label at the block's start, for screen readers only
        # (the line beside it says it in sight); where in the report after it, outside it, unlabelled.
        assert quote.locator("> :first-child").inner_text() == "In the report's words:"
        assert item.locator(".evidence-source").inner_text() == rec["where"] + "."
        assert item.locator(".evidence-source").evaluate("e => e.previousElementSibling.matches('blockquote')")
        assert item.locator("h3 a").get_attribute("href") == f"../recommendations/{rec['id']}/"
        if rec["plain"]:
            assert item.locator(".rec-plain__text").inner_text() == rec["plain"]
        # Where Section 7 words it differently, how (the site's sentence, the report's words in <q>).
        note = item.locator(".section7-difference")
        if rec["section7_note"]:
            assert note.text_content() == "".join(rec["section7_note"])
            assert note.locator("q[data-provenance='report']").all_text_contents() == rec["section7_note"][1::2]
        else:
            assert note.count() == 0
    # Not one label in sight in the list (29 boxed labels once read "In the report's words: Appendix 3,
    # page 54" as if the place were the report's words); the page's key, above the list, explains the lines.
    tags = page.eval_on_selector_all("#planner-list .provenance__tag", "ts => ts.map(t => t.getBoundingClientRect().width)")
    assert len(tags) >= 48 and max(tags) <= 1, f"labels in sight: {[w for w in tags if w > 1][:3]}"
    key = page.locator(".provenance-key")
    assert key.count() == 1 and key.is_visible()
    assert key.evaluate("k => !!(k.compareDocumentPosition(document.getElementById('planner-list')) & Node.DOCUMENT_POSITION_FOLLOWING)")
    rows = page.locator("#planner-charts table").first.locator("tbody tr")
    assert rows.count() == 4
    assert page.locator(".pl-bar").first.get_attribute("role") == "img"
    assert "48 not started" in page.locator(".pl-bar").first.get_attribute("aria-label") or \
        "not started" in page.locator(".pl-bar").first.get_attribute("aria-label")


def test_add_and_remove_single_recommendations_keeps_focus_in_place(page):
    open_planner(page)
    page.select_option("#planner-one", "cost-not-like-care")
    page.click("#planner-one-add")
    page.select_option("#planner-one", "beyond-facs-eligibility")
    page.click("#planner-one-add")
    assert item_ids(page) == ["beyond-facs-eligibility", "cost-not-like-care"]  # report order
    assert page.locator("#planner-one option[value='cost-not-like-care']").count() == 0
    page.click("#pl-item-beyond-facs-eligibility .pl-remove")
    assert item_ids(page) == ["cost-not-like-care"]
    assert page.evaluate("document.activeElement.id") == "pl-title-cost-not-like-care"
    announced(page, "Removed")
    page.click("#pl-item-cost-not-like-care .pl-remove")
    assert page.evaluate("document.activeElement.id") == "planner-items-title"


def test_add_from_the_filtered_list_and_from_a_recommendations_page(page):
    page.goto(f"recommendations/?audience={LA}&key=true")
    button = page.locator("#planner-bulk button")
    button.wait_for(state="visible")
    expected = page.eval_on_selector_all("#results .rec-card:not([hidden])", "cards => cards.map(c => c.id)")
    assert button.inner_text() == f"Add these {len(expected)} to my plan"
    button.click()
    expect(page.locator("#planner-bulk [role=status]")).to_contain_text(f"Added {len(expected)} to your plan")
    page.select_option("#filter-key", "")
    assert button.inner_text() == "Add these 29 to my plan"

    page.goto("recommendations/employment-as-the-norm/")
    toggle = page.locator(".planner-toggle button")
    assert toggle.inner_text() == "Add to my plan"
    toggle.click()  # the store is loaded on the first click, so the answer comes a moment later
    expect(page.locator(".planner-toggle [role=status]")).to_contain_text("In your plan")
    expect(toggle).to_have_text("Remove from my plan")

    open_planner(page)
    assert set(item_ids(page)) == set(expected) | {"employment-as-the-norm"}
    plan = stored(page)
    assert all(item["seen"] for item in plan["items"]), "items added elsewhere are dated on the first visit"

    page.goto(f"recommendations/{expected[0]}/")
    assert page.locator(".planner-toggle button").inner_text() == "Remove from my plan"


def test_instant_navigation_to_the_planner_and_back_attaches_handlers_once(page):
    page.goto("", wait_until="networkidle")  # Material's bundle ready to navigate in place
    page.evaluate("window.__sameDocument = true")
    page.click(".md-nav--primary a[href$='planner/']")
    page.locator("#planner").wait_for(state="visible")
    # Swapped in place, the page still gets the planner's own script and stylesheet (planner-app.*).
    page.wait_for_function("getComputedStyle(document.getElementById('planner-preset-form')).display === 'flex'")
    page.locator(".md-nav--primary").get_by_role("link", name="All recommendations", exact=True).click()
    page.locator("#planner-bulk button").wait_for(state="visible")
    assert page.evaluate("document.querySelector(\"link[href$='planner-app.css']\") === null"), "left on other pages"
    page.click(".md-nav--primary a[href$='planner/']")
    page.locator("#planner").wait_for(state="visible")
    assert page.evaluate("window.__sameDocument === true"), "the page was reloaded, not swapped in place"
    page.select_option("#planner-one", "cost-not-like-care")
    page.click("#planner-one-add")
    assert item_ids(page) == ["cost-not-like-care"]
    announced(page, "Added 1 recommendation.")  # once: a second handler would say "already"
    page.click("#planner-clear")
    page.click("#planner-confirm-yes")
    assert item_ids(page) == []


def test_start_again_asks_before_clearing(page):
    open_planner(page)
    add_preset(page, "key")
    before = stored(page)
    page.click("#planner-clear")
    assert page.locator("#planner-confirm").is_visible()
    assert page.evaluate("document.activeElement.id") == "planner-confirm-text"
    page.click("#planner-confirm-no")
    assert stored(page) == before and page.evaluate("document.activeElement.id") == "planner-clear"
    page.click("#planner-clear")
    page.click("#planner-confirm-yes")
    assert stored(page)["items"] == [] and item_ids(page) == []


# --- Export and import ------------------------------------------------------------------------

def export(page, button: str) -> str:
    with page.expect_download() as info:
        page.click(button)
    return info.value.path().read_bytes().decode("utf-8")


def test_export_csv_and_json_match_the_screen_and_json_round_trips(tabs, site):
    with tabs.open(site.url, accept_downloads=True) as page:
        open_planner(page)
        fill_some(page)
        on_screen = {item: tuple(page.input_value(f"#pl-{field}-{item}") for field in ITEM_FIELDS) for item in item_ids(page)}
        labels = {"not-started": "Not started", "in-progress": "In progress", "done": "Done", "partly-met": "Partly met", "": ""}

        text = export(page, "#planner-export-csv")
        assert text.startswith("\ufeff") and "\r\n" in text
        rows = list(csv.DictReader(io.StringIO(text[1:], newline="")))
        assert [row["id"] for row in rows] == list(on_screen)
        # The recommendation's columns are the review spreadsheet's, value for value: whose words each
        # is, Section 7's wording and how it differs, the twin (as recommendations.csv has them).
        review = {row["id"]: row for row in csv.DictReader(
            io.StringIO((site.root / "planner" / "review.csv").read_text(encoding="utf-8-sig"), newline=""))}
        mine = ("status", "owner", "target_date", "notes", "assessment", "actions", "plan_title", "organisation")
        assert list(rows[0]) == list(review["beyond-facs-eligibility"])
        for row in rows:
            status, assessment, owner, due, notes, actions = on_screen[row["id"]]
            assert (row["status"], row["assessment"], row["owner"], row["target_date"], row["actions"]) == (
                labels[status], labels[assessment], owner, due, actions)
            assert row["notes"] == (f"'{notes}" if looks_like_formula(notes) else notes)  # formula-safe
            assert (row["plan_title"], row["organisation"]) == ("Employment support self-assessment", "Anytown Council")
            assert row["report_words"] == page.locator(f"#pl-item-{row['id']} blockquote > p").inner_text()
            assert {k: v for k, v in row.items() if k not in mine} == {
                k: v for k, v in review[row["id"]].items() if k not in mine}, row["id"]
        assert next(row for row in rows if row["id"] == "partnership-links")["section7_difference"].startswith(
            "Section 7.1.2 adds “to promote an understanding")

        exported = export(page, "#planner-export-json")
        plan = json.loads(exported)
        described = plan.pop("recommendations")  # the export's alone: the stored plan holds no words
        assert plan == stored(page)
        assert {i["id"]: tuple(i[field] for field in ITEM_FIELDS) for i in plan["items"]} == on_screen
        assert (plan["title"], plan["organisation"]) == ("Employment support self-assessment", "Anytown Council")
        # Each of the plan's recommendations as recommendations.json describes it.
        records = {r["id"]: r for r in json.loads((site.root / "recommendations.json").read_text(encoding="utf-8"))}
        assert [r["id"] for r in described] == list(on_screen)
        for record in described:
            full = records[record["id"]]
            assert record == {name: ({k: full[name][k] for k in value} if isinstance(value, dict) else full[name])
                              for name, value in record.items()}, record["id"]
            assert set(record) >= {"title_kind", "text_kind", "report_words", "site_words", "section7_difference", "twin"}

        page.click("#planner-clear")
        page.click("#planner-confirm-yes")
        import_file(page, "plan.json", exported)
        page.locator("#planner-preview").wait_for(state="visible")
        assert page.evaluate("document.activeElement.id") == "planner-preview-title"
        assert "would add 29, change 0 and leave 0" in page.locator("#planner-preview-body").inner_text()
        assert stored(page)["items"] == [], "nothing changes before the person agrees"
        page.click("#planner-preview-apply")
        assert stored(page) == plan
        assert page.evaluate("document.activeElement.id") == "planner-items-title"

        # The CSV export imports back too (its escaped formula cell included).
        page.click("#planner-clear")
        page.click("#planner-confirm-yes")
        import_file(page, "plan.csv", text.encode("utf-8"), "text/csv")
        page.click("#planner-preview-apply")
        assert stored(page) == plan


BAD_IMPORTS = {
    "malformed": ("plan.json", '{"format": "recsite-action-plan", "version": 1, "items": [',
                  "This file is not valid JSON"),
    "unknown id": ("plan.json", json.dumps({"format": "recsite-action-plan", "version": 1,
                                            "items": [{"id": "no-such-recommendation", "status": "done"}]}),
                   "None of the recommendations in this file is on this site. “no-such-recommendation” is not a recommendation on this site"),
    "future version": ("plan.json", json.dumps({"format": "recsite-action-plan", "version": 3, "items": []}),
                       "This plan was saved by a newer version of the planner (format version 3"),
    "not a plan": ("data.json", json.dumps([1, 2, 3]), "This JSON file is not a plan exported from this planner"),
    "bad status": ("plan.json", json.dumps({"format": "recsite-action-plan", "version": 1,
                                            "items": [{"id": "cost-not-like-care", "status": "finished"}]}),
                   "Item 1 (cost-not-like-care): the status “finished” is not one of"),
    "formula in a CSV cell": ("plan.csv", "id,status,owner,notes\r\ncost-not-like-care,Done,=HYPERLINK(\"http://x\"),\r\n",
                              "Row 2, column “owner” starts with “=”, which a spreadsheet would run as a formula. Nothing was imported."),
    "formula behind a zero-width space": ("plan.csv", "id,status,owner,notes\r\ncost-not-like-care,Done,,\u200b=1+1\r\n",
                                          "Row 2, column “notes” starts with “=”, which a spreadsheet would run as a formula."),
    "CSV without ids": ("plan.csv", "name,status\r\nx,Done\r\n", "This CSV file has no “id” column"),
    "impossible date": ("plan.csv", "id,status,target_date\r\ncost-not-like-care,Done,31/02/2026\r\n",
                        "Row 2: the target date “31/02/2026” is not a real date."),
    "month-first date": ("plan.csv", "id,status,target_date\r\ncost-not-like-care,Done,12/25/2026\r\n",
                         "Row 2: the target date “12/25/2026” is not a real date."),
    "zero date in JSON": ("plan.json", json.dumps({"format": "recsite-action-plan", "version": 1,
                                                   "items": [{"id": "cost-not-like-care", "due": "0000-00-00"}]}),
                          "Item 1 (cost-not-like-care): the target date “0000-00-00” is not a real date"),
    "UTF-16 file": ("plan.csv", "id,status\r\n".encode("utf-16"), "This file is saved as Unicode text (UTF-16)."),
    "huge file": ("plan.json", b" " * 1_200_000, "This file is 1200 KB"),
}


@pytest.mark.parametrize("case", list(BAD_IMPORTS))
def test_a_bad_import_says_why_and_leaves_the_plan_unchanged(page, case):
    open_planner(page)
    fill_some(page)
    before = stored(page)
    name, content, message = BAD_IMPORTS[case]
    import_file(page, name, content)
    error = page.locator("#planner-import-error")
    error.wait_for(state="visible")
    assert message in error.inner_text()
    assert "Your plan has not been changed." in error.inner_text()
    assert error.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.id") == "planner-import-error"
    assert page.locator("#planner-preview").is_hidden()
    assert stored(page) == before
    assert len(item_ids(page)) == 29


def test_an_import_with_some_unknown_ids_says_so_in_the_preview_and_cancel_changes_nothing(page):
    open_planner(page)
    fill_some(page)
    before = stored(page)
    import_file(page, "plan.json", json.dumps({"format": "recsite-action-plan", "version": 1, "items": [
        {"id": "cost-not-like-care", "status": "not-applicable"},
        {"id": "employment-as-the-norm", "status": "planned"},
        {"id": "made-up-id", "status": "done"}]}))
    body = page.locator("#planner-preview-body")
    body.wait_for(state="visible")
    text = body.inner_text()
    assert "would add 1, change 1 and leave 0" in text
    assert "“made-up-id” is not a recommendation on this site; it is left out." in text
    assert ": status: Done → Not applicable" in text, "each field that changes, old and new"
    page.click("#planner-preview-cancel")
    assert stored(page) == before
    assert page.evaluate("document.activeElement.id") == "planner-import"


def with_a_retired_id(page, site) -> None:
    """The planner page as a build would write it after 'reduce-invoicing-bureaucracy' was retired and
    replaced (the same entry `planner_data` makes from data/published.yaml; see core/test_planner.py)."""
    soup = BeautifulSoup(site.html("planner/"), "html.parser")  # its own copy: site.soup's is shared
    block = soup.select_one("#planner-data")
    data = json.loads(block["data-planner"])
    data["recs"] = [rec for rec in data["recs"] if rec["id"] != "reduce-invoicing-bureaucracy"]
    data["retired"] = {"reduce-invoicing-bureaucracy": {"title": "Cut providers' invoicing bureaucracy",
                                                        "date": "2026-11-30", "reason": "Merged into a wider recommendation.",
                                                        "replaced_by": "targets-in-pb-contracts"}}
    block["data-planner"] = json.dumps(data)
    body = str(soup)
    page.route("**/planner/", lambda route: route.fulfill(status=200, content_type="text/html", body=body))


def test_a_retired_id_is_imported_as_its_replacement_with_a_note(page, site):
    with_a_retired_id(page, site)
    open_planner(page)
    import_file(page, "plan.json", json.dumps({"format": "recsite-action-plan", "version": 1, "items": [
        {"id": "reduce-invoicing-bureaucracy", "status": "in-progress", "owner": "Sam"}]}))
    body = page.locator("#planner-preview-body")
    body.wait_for(state="visible")
    assert ("“reduce-invoicing-bureaucracy” was withdrawn on 30 November 2026 (Merged into a wider recommendation.); "
            "it is imported as its replacement") in body.inner_text()
    assert stored(page) is None
    page.click("#planner-preview-apply")
    assert [(i["id"], i["status"], i["owner"]) for i in stored(page)["items"]] == [
        ("targets-in-pb-contracts", "in-progress", "Sam")]


def test_a_plan_holding_a_withdrawn_or_changed_recommendation_says_so(page, site):
    with_a_retired_id(page, site)
    page.goto("")
    page.evaluate(f"""localStorage.setItem('{STORE}', JSON.stringify({{format: 'recsite-action-plan', version: 1, items: [
        {{id: 'reduce-invoicing-bureaucracy', status: 'planned', owner: '', due: '', notes: '', seen: '2026-01-01'}},
        {{id: 'transition-presumption-of-employment', status: 'planned', owner: '', due: '', notes: '', seen: '2025-01-01'}}]}}))""")
    open_planner(page)
    changed = page.locator("#pl-item-transition-presumption-of-employment .pl-changed")
    assert "Changed on this site since you added it (1 January 2025)" in changed.inner_text()
    assert "1 December 2026: Title: 'as early as possible', as the report says" in changed.inner_text()
    changed.locator("button").click()
    assert page.locator("#pl-item-transition-presumption-of-employment .pl-changed").count() == 0
    assert page.evaluate("document.activeElement.id") == "pl-title-transition-presumption-of-employment"

    withdrawn = page.locator("#pl-item-reduce-invoicing-bureaucracy .pl-withdrawn")
    assert "Withdrawn on 30 November 2026: Merged into a wider recommendation." in withdrawn.inner_text()
    withdrawn.locator("button").click()
    # Replacing loads its module (lib/merge.js) first: the focus moves once it is done.
    expect(page.locator("#pl-title-targets-in-pb-contracts")).to_be_focused()
    assert item_ids(page) == ["transition-presumption-of-employment", "targets-in-pb-contracts"]


# --- Sharing and printing ---------------------------------------------------------------------

@pytest.mark.parametrize("with_details", [False, True])
def test_a_share_link_opens_the_same_plan_in_a_fresh_browser(browser, tabs, site, with_details):
    with tabs.open(site.url) as page:
        open_planner(page)
        fill_some(page)
        if with_details:
            page.check("#planner-share-all")
        link = make_share_link(page)
        assert link.startswith(site.url + "planner/#share=")
        original = stored(page)
    with open_page(browser, site.url) as fresh:
        fresh.goto(link)
        fresh.locator("#planner-preview").wait_for(state="visible")
        assert "This share link holds 29 recommendations" in fresh.locator("#planner-preview-body").inner_text()
        fresh.click("#planner-preview-apply")
        assert "#share=" not in fresh.url
        shared = stored(fresh)
    assert [(i["id"], i["status"], i["assessment"]) for i in shared["items"]] == [
        (i["id"], i["status"], i["assessment"]) for i in original["items"]]
    if with_details:
        assert shared == original, "everything: the plan's title and organisation, each item's every field"
    else:
        assert all(i["owner"] == i["evidence"] == i["actions"] == i["due"] == "" for i in shared["items"])
        assert shared["title"] == shared["organisation"] == ""


def test_a_damaged_share_link_says_so_and_changes_nothing(page):
    open_planner(page)
    add_preset(page, "key")
    before = stored(page)
    page.goto("planner/#share=not-base64!!")  # the same page: the planner follows the new address
    page.locator("#planner-import-error").wait_for(state="visible")
    assert "This share link is damaged" in page.locator("#planner-import-error").inner_text()
    assert stored(page) == before


def test_the_print_view_has_a_summary_then_every_chosen_recommendation(page):
    open_planner(page)
    fill_some(page)
    page.emulate_media(media="print")
    assert page.locator("#planner-choose").is_hidden() and page.locator("#planner-tools").is_hidden()
    assert page.locator("#planner-summary").is_visible()
    assert page.locator("#planner-printed").is_visible()
    items = page.locator("#planner-list .pl-item")
    assert items.count() == 29
    for index in range(items.count()):
        assert items.nth(index).locator("blockquote").is_visible()
        assert items.nth(index).locator(".pl-print").is_visible()
        assert items.nth(index).locator(".pl-fields").is_hidden()
    printed = page.locator("#pl-item-beyond-facs-eligibility .pl-print").inner_text()
    for words in ("Partly met", "In progress", "Jo Bloggs, commissioner", "31 January 2020", "Draft the policy; to the board in March"):
        assert words in printed
    assert page.locator("#pl-item-beyond-facs-eligibility .pl-overdue").is_visible(), "overdue, on its card"
    # The items follow the summary, not on a page of their own (which left most of a page empty).
    assert page.eval_on_selector("#planner-items", "e => getComputedStyle(e).breakBefore") == "auto"


def summary_of(plan: dict, recs: dict) -> str:
    """The summary a plan should have, counted here from the stored plan itself."""
    statuses = [(value, label.lower()) for value, label, _, _ in STATUSES]
    assessments = [(value, label.lower()) for value, label, _ in ASSESSMENTS] + [("", "not assessed yet")]
    items = plan["items"]

    def counted(key, choices):
        return ", ".join(f"{n} {label}" for value, label in choices if (n := sum(i[key] == value for i in items)))
    late = sum(1 for i in items if i["id"] in recs and i["due"] and i["due"] < date.today().isoformat()
               and i["status"] in {value for value, _, _, open_ in STATUSES if open_})
    return (f"Your plan has {len(items)} recommendations: {counted('status', statuses)}. "
            f"Assessment: {counted('assessment', assessments)}." + (f" Overdue: {late}." if late else ""))


def test_the_printed_summary_is_the_plan_as_it_is_when_printed(page, site):
    """The summary printed above the plan is the one on screen, current after every edit (it once
    was a copy made when the page loaded: change a status, print, and the top of the page said
    "29 not started" above "1 done"); the plan's title and organisation head it, and the date
    printed is the day it is printed, as the site writes dates."""
    recs = {rec["id"]: rec for rec in json.loads(site.soup("planner/").select_one("#planner-data")["data-planner"])["recs"]}
    open_planner(page)
    add_preset(page, f"audience:{LA}")
    page.emulate_media(media="print")
    assert page.locator("#planner-summary").inner_text() == summary_of(stored(page), recs)
    page.emulate_media(media="screen")
    fill_some(page)  # statuses, an assessment, a date now past, the title and organisation
    page.select_option("#pl-status-employment-is-a-social-care-outcome", "not-applicable")
    page.select_option("#pl-assessment-cost-not-like-care", "met")
    on_screen = page.locator("#planner-summary").inner_text()
    page.emulate_media(media="print")
    assert page.locator("#planner-summary").is_visible()
    assert page.locator("#planner-summary").inner_text() == on_screen == summary_of(stored(page), recs)
    head = page.locator("#planner-printed")
    assert head.is_visible()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    long_today = f"{date.today().day} {date.today():%B %Y}"
    assert [line for line in head.inner_text().split("\n") if line] == ["Employment support self-assessment", "Anytown Council", f"Printed on {long_today}."]
    # The title heads the page, above the page's own heading; nothing else printed above the plan
    # counts it (a second count could disagree).
    assert head.evaluate("e => !!(e.compareDocumentPosition(document.querySelector('h1')) & Node.DOCUMENT_POSITION_FOLLOWING)")
    before_the_list = page.evaluate("""() => [...document.querySelectorAll('#planner > *')]
        .filter(e => !['planner-items', 'planner-status'].includes(e.id) && e.checkVisibility()).map(e => e.id)""")
    assert before_the_list == ["planner-progress"], before_the_list
    # The tables count the same plan: each status's column adds up to the summary's figure.
    totals = page.eval_on_selector_all("#planner-charts table:first-of-type tbody tr", "rows => rows.map(r => r.innerText)")
    assert len(totals) >= 1
    assert sum(int(row.split("\t")[-2]) for row in totals) == 29


# What a 12-item plan, filled in, prints on (Chromium, A4): 4 pages, the summary and an item on the
# first, four or five items on each of the others, at the size of the site's printed text (its
# facts a little smaller, never below 9 pt: at 7.5 pt it fitted on 3). It took 8, two items a page,
# with the plan's title after the site's instructions and page 2 two-thirds empty (the items began
# on a page of their own).
BOARD_PAPER_PAGES = 4


def squeezed(text: str) -> str:
    """Text without its spaces and line breaks: a PDF's text breaks lines where the page did."""
    return "".join(text.split())


def test_a_plan_prints_as_a_compact_board_paper(page):
    """Printed for a board: the plan's title and organisation first, then its summary, then the
    items several to a page, none split across two; no page with only the footer's line, no blank
    page; an empty plan on one page."""
    open_planner(page)
    sheets = printed_sheets(page)
    assert len(sheets) == 1 and not blank_pages(sheets), f"an empty plan prints on {len(sheets)} pages"
    page.emulate_media(media="screen")
    add_preset(page, "theme:evidence-based-support")  # 12, for two audiences
    ids = item_ids(page)
    assert len(ids) == 12
    page.fill("#planner-title", "Employment support self-assessment")
    page.fill("#planner-organisation", "Anytown Council")
    for n, rec_id in enumerate(ids):
        page.select_option(f"#pl-assessment-{rec_id}", ["met", "partly-met", "not-met"][n % 3])
        page.select_option(f"#pl-status-{rec_id}", ["not-started", "in-progress", "done"][n % 3])
        page.fill(f"#pl-owner-{rec_id}", "Head of commissioning")
        page.fill(f"#pl-due-{rec_id}", "2030-03-31")
        page.fill(f"#pl-evidence-{rec_id}", f"Evidence{n}: the policy was reviewed in 2024 and 40 people were asked.")
        page.fill(f"#pl-actions-{rec_id}", f"Action{n}: report to the board in March with a costed proposal.")
    sheets = printed_sheets(page)
    assert len(sheets) <= BOARD_PAPER_PAGES, f"12 items on {len(sheets)} pages"
    assert not blank_pages(sheets)
    first = squeezed(sheets[0])
    title, summary = first.find("Employmentsupportself-assessmentAnytownCouncil"), first.find("Yourplanhas12recommendations")
    assert 0 <= title < summary, "the title and organisation, then the summary, on page 1"
    assert "Assessyourownpractice" not in first[:title], "the plan's title comes before the site's instructions"
    footer = re.compile(r"This page last changed on [^\n]*")
    only_footer = [n for n, text in enumerate(sheets, 1) if not footer.sub("", text).strip()]
    assert not only_footer, f"pages {only_footer} hold only the footer's line"
    for n in range(12):
        # An item is whole on one page: its first printed field and its last on the same sheet.
        where = [k for k, text in enumerate(sheets) if f"Evidence{n}:" in squeezed(text)]
        assert len(where) == 1 and f"Action{n}:" in squeezed(sheets[where[0]]), f"item {n} split or missing"


def test_the_empty_planner_says_what_to_do_first_and_offers_nothing_with_nothing_to_act_on(page):
    open_planner(page)
    assert page.input_value("#planner-preset") == "", "“Start from” begins with “Choose…”"
    assert page.locator("#planner-preset option").first.inner_text() == "Choose…"
    summary = page.locator("#planner-summary").inner_text()
    assert "To begin, choose where to start from under “Choose recommendations”" in summary and "import a plan" in summary
    assert page.locator("#planner-list-empty").is_visible()
    tools = ("#planner-export-csv", "#planner-export-json", "#planner-print", "#planner-share-make", "#planner-clear")
    for control in tools:
        expect(page.locator(control)).to_be_disabled()
    expect(page.locator("#planner-import")).to_be_enabled()
    assert page.locator("#planner-tools-empty").is_visible()
    # "Add" with nothing chosen adds nothing, and says why.
    page.click("#planner-preset-add")
    announced(page, "Choose where to start from first.")
    assert page.evaluate("document.activeElement.id") == "planner-preset"
    assert stored(page) is None and item_ids(page) == []
    # One audience: no table by audience (it would have one row); two: there is one.
    add_preset(page, f"audience:{LA}")
    for control in tools:
        expect(page.locator(control)).to_be_enabled()
    assert page.locator("#planner-list-empty").is_hidden() and page.locator("#planner-tools-empty").is_hidden()
    assert page.locator("#planner-charts caption").all_inner_texts() == ["By theme"]
    page.select_option("#planner-one", "employment-as-the-norm")  # for national organisations
    page.click("#planner-one-add")
    assert page.locator("#planner-charts caption").all_inner_texts() == ["By theme", "By audience"]
    page.click("#planner-clear")
    page.click("#planner-confirm-yes")
    for control in tools:
        expect(page.locator(control)).to_be_disabled()
    assert stored(page) == {"format": "recsite-action-plan", "version": 2, "title": "", "organisation": "", "items": []}


# A plan saved by the planner before the self-assessment (format version 1), every field set.
VERSION_1 = {"format": "recsite-action-plan", "version": 1, "items": [
    {"id": "beyond-facs-eligibility", "status": "in-progress", "owner": "Jo Bloggs", "due": "2027-03-31",
     "notes": "Draft policy to the board in March", "seen": "2026-12-01"},
    {"id": "cost-not-like-care", "status": "done", "owner": "", "due": "", "notes": "", "seen": None}]}


def test_a_plan_saved_in_version_1_opens_migrated_losing_no_field(page):
    """Its notes show as the current position and evidence; the next change saves it as version 2
    with every field it had, and nothing was set aside as unreadable."""
    page.goto("")
    page.evaluate(f"localStorage.setItem('{STORE}', {json.dumps(json.dumps(VERSION_1))})")
    open_planner(page)
    assert item_ids(page) == ["beyond-facs-eligibility", "cost-not-like-care"]
    item = "beyond-facs-eligibility"
    assert [page.input_value(f"#pl-{field}-{item}") for field in ITEM_FIELDS] == [
        "in-progress", "", "Jo Bloggs", "2027-03-31", "Draft policy to the board in March", ""]
    assert page.locator("#planner-aside").count() == 0 and page.locator("#planner-trouble").count() == 0
    page.fill(f"#pl-actions-{item}", "Ask the board")
    migrated = stored(page)
    assert migrated == {"format": "recsite-action-plan", "version": 2, "title": "", "organisation": "", "items": [
        {"id": item, "status": "in-progress", "assessment": "", "owner": "Jo Bloggs", "due": "2027-03-31",
         "evidence": "Draft policy to the board in March", "actions": "Ask the board", "seen": "2026-12-01"},
        {"id": "cost-not-like-care", "status": "done", "assessment": "", "owner": "", "due": "", "evidence": "", "actions": "",
         "seen": migrated["items"][1]["seen"]}]}
    assert migrated["items"][1]["seen"], "dated on its first visit, as before"
    assert page.evaluate(f"localStorage.getItem('{STORE}.unreadable')") is None


def test_the_questions_page_adds_its_questions_to_the_plan(page):
    page.goto("planner/questions/")
    button = page.locator(".planner-bulk button")
    assert button.inner_text() == "Add these 7 to my plan"
    button.click()
    expect(page.locator(".planner-bulk [role=status]")).to_contain_text("Added 7 to your plan")
    open_planner(page)
    assert len(item_ids(page)) == 7
    assert page.locator(".rec-plain__text").count() == 7


def test_the_planner_fits_a_320_pixel_screen(tabs, site):
    """Nothing scrolls sideways on the smallest phone: not the page, and not the progress tables
    with their chart, which then say each theme's statuses in words."""
    with tabs.open(site.url, viewport={"width": 320, "height": 640}) as page:
        open_planner(page)
        add_preset(page, "all")
        page.select_option("#pl-status-employment-as-the-norm", "done")  # in the first theme
        make_share_link(page)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px at 320px"
        tables = page.eval_on_selector_all(".pl-table", "ts => ts.map(t => t.scrollWidth - t.clientWidth)")
        assert len(tables) == 2 and max(tables) <= 0, f"a progress table scrolls sideways at 320px: {tables}"
        assert page.locator(".pl-bar").first.is_visible(), "the chart too"
        words = page.locator(".pl-counts tbody tr").first.locator(".pl-words")
        assert words.is_visible() and re.fullmatch(r"\d+ not started, 1 done", words.inner_text()), words.inner_text()
    with tabs.open(site.url, viewport={"width": 1280, "height": 800}) as page:
        open_planner(page)
        add_preset(page, "all")
        assert page.locator(".pl-counts .pl-words").first.is_hidden(), "a column a status on a wide screen"
        assert page.locator(".pl-counts").first.locator("thead .pl-n").all_inner_texts() == [*(label for _, label, _, _ in STATUSES), "Total"]


def test_the_questions_print_with_their_introduction_and_room_to_write(page):
    """Printed to take to a review: the introduction (who the questions are for) stays, each question
    keeps four handwritten lines (32 mm) under it and is never split, on two A4 pages."""
    import re

    page.goto("planner/questions/")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2
    page.emulate_media(media="print")
    assert page.locator(".lede").is_visible()
    assert page.locator(".planner-questions__for .planner-questions__who").first.is_visible()
    answers = page.locator(".planner-question__answer")
    assert answers.count() == 7
    mm = page.evaluate("() => { const d = document.createElement('div'); d.style.height = '32mm'; document.body.append(d);"
                       " const h = d.getBoundingClientRect().height; d.remove(); return h; }")
    for index in range(7):
        assert answers.nth(index).bounding_box()["height"] >= mm - 1, index
    assert page.eval_on_selector(".planner-question", "e => getComputedStyle(e).breakInside") == "avoid"
    assert page.locator(".planner-question .provenance__tag").first.is_visible()  # still says whose words


# --- Layout shift -----------------------------------------------------------------------------

def a_full_plan(site) -> dict:
    """Every recommendation, in every status, some with owners, dates and notes, as format version 1
    stored it (the planner reads it as version 2)."""
    data = json.loads(site.soup("planner/").select_one("#planner-data")["data-planner"])
    statuses = [status[0] for status in STATUSES]
    return {"format": "recsite-action-plan", "version": 1, "items": [
        {"id": rec["id"], "status": statuses[n % len(statuses)], "owner": "Jo Bloggs" if n % 2 else "",
         "due": "2020-01-31" if n % 3 == 0 else "", "notes": "Evidence of progress\nover two lines" if n % 4 == 0 else "",
         "seen": "2020-01-01"} for n, rec in enumerate(data["recs"])]}


@pytest.mark.parametrize("address, slow_script, with_plan", [
    ("planner/", "planner-app.js", False),
    ("planner/", "planner-app.js", True),
    ("planner/questions/", "planner.js", False),
], ids=["planner, empty plan", "planner, a plan in the browser", "questions"])
def test_the_page_does_not_move_when_the_planner_starts(browser, site, address, slow_script, with_plan):
    """Layout shift (CLS), measured as the benchmark does (scripts/bench_browser.py: a 390×844
    phone, the CPU slowed four times, every shift not caused by the reader's input; here slowed
    until the planner is drawn), with the planner's script held back half a second, so that the
    page is painted before the planner starts, as on a slow network. Shift is moved area, not
    time: 0.02 is the site's budget, and these pages keep to none at all (issue 28). The stored
    plan is of format version 1, so it is migrated as the page starts."""
    import time

    from bench_browser import _OBSERVE, CPU_SLOWDOWN, VIEWPORT

    with open_page(browser, site.url, viewport=VIEWPORT) as page:
        if with_plan:
            page.add_init_script(f"localStorage.setItem('{STORE}', {json.dumps(json.dumps(a_full_plan(site)))})")
        page.add_init_script(_OBSERVE)

        def held_back(route):
            time.sleep(0.5)
            route.continue_()

        page.route(f"**/javascripts/{slow_script}", held_back)
        with slowed_processor(page, CPU_SLOWDOWN):
            page.goto(address)
            ready = "#planner" if address == "planner/" else ".planner-bulk button"
            page.locator(ready).wait_for(state="visible")
            if with_plan:
                assert len(item_ids(page)) == 48
            page.evaluate(TWO_FRAMES)
        page.wait_for_timeout(1000)  # late shifts count too
        layout = page.evaluate("window.__recsiteLayout")
    assert layout["cls"] == 0, f"layout shift {layout['cls']:.3f}: {layout['shifts']}"


def test_an_audience_pages_add_link_asks_then_adds_its_key_recommendations(page, site):
    """The local authorities' page links to the planner with its 12 key recommendations in a share
    link: the planner shows what it would add and changes nothing until asked."""
    page.goto("audiences/local-authorities-and-providers/")
    page.click(".key-first__add a")
    page.wait_for_url("**/planner/#share=*")
    page.locator("#planner-preview").wait_for(state="visible")
    assert "would add 12, change 0 and leave 0" in page.locator("#planner-preview-body").inner_text()
    assert (stored(page) or {"items": []})["items"] == []
    page.click("#planner-preview-apply")
    key = [rec.id for rec in real_catalogue().recommendations
           if rec.audience.id == "local-authorities-and-providers" and rec.key]
    assert sorted(item_ids(page)) == sorted(key)
