"""Nothing a person typed into the planner is lost (issue 27, section 1), in Debian's Chromium
driven by Playwright: share links and imports change only what they carry, two tabs of one browser
never write over each other's work, "saved" is said only when it was, hostile stored data loads
what is valid, dates are real, text round-trips exactly through a CSV (also one Excel saved in
Windows-1252), and a withdrawn recommendation's details move to its replacement. The rules
themselves are unit-tested in tests/js/ (store, merge, dates, imports, csv, share)."""

from __future__ import annotations

import base64
import csv
import io
import json

import pytest
from playwright.sync_api import expect

from support.browser import open_page
from support.tabs import watch_errors
from test_planner_browser import (
    LA, STORE, add_preset, announced, export, fill_some, import_file, item_ids, make_share_link, open_planner, stored,
    with_a_retired_id,
)

pytestmark = pytest.mark.browser

ITEM = "beyond-facs-eligibility"  # fill_some gives it an assessment, an owner, a target date, evidence and actions
TYPED = {"owner": "Jo Bloggs, commissioner", "due": "2020-01-31"}


def typed(page, item: str = ITEM) -> dict:
    return next(i for i in stored(page)["items"] if i["id"] == item)


def apply_preview(page) -> str:
    body = page.locator("#planner-preview-body")
    body.wait_for(state="visible")
    text = body.inner_text()
    page.click("#planner-preview-apply")
    return text


# --- Imports and share links change only what they carry -------------------------------------

def test_a_statuses_only_share_link_changes_statuses_and_nothing_else(page):
    open_planner(page)
    fill_some(page)
    link = make_share_link(page)  # the default kind: statuses only
    page.select_option(f"#pl-status-{ITEM}", "done")
    before = typed(page)
    page.goto(link)  # the same page: the planner follows the new address
    text = apply_preview(page)
    assert ": status: Done → In progress" in text
    assert ("This link carries statuses and assessments only: the owners, target dates, evidence and actions in your plan "
            "stay as they are.") in text
    announced(page, "Imported 29 recommendations")
    after = typed(page)
    assert after == {**before, "status": "in-progress"}, "owner, date, evidence and actions as they were"
    assert after["owner"] == TYPED["owner"] and after["due"] == TYPED["due"] and after["evidence"].startswith("=SUM(A1)")


@pytest.mark.parametrize("name, content", [
    ("status.csv", f"id,status\r\n{ITEM},Done\r\n"),
    ("status.json", json.dumps({"format": "recsite-action-plan", "version": 2, "items": [{"id": ITEM, "status": "done"}]})),
    ("status-v1.json", json.dumps({"format": "recsite-action-plan", "version": 1, "items": [{"id": ITEM, "status": "done"}]})),
], ids=["CSV with only id and status", "JSON items without the rest", "a version-1 JSON export without the rest"])
def test_an_import_without_owners_dates_or_notes_keeps_them(page, name, content):
    open_planner(page)
    fill_some(page)
    before = typed(page)
    import_file(page, name, content)
    text = apply_preview(page)
    assert ": status: In progress → Done" in text
    assert "clears" not in text
    assert typed(page) == {**before, "status": "done"}


def test_the_review_spreadsheet_imported_keeps_owners_and_an_emptied_cell_is_shown_clearing(page, site):
    open_planner(page)
    fill_some(page)
    before = typed(page)
    # planner/review.csv as a reader fills it in: a status, nothing else.
    review = (site.root / "planner" / "review.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(review, newline="")))
    rows[[r[0] for r in rows].index(ITEM)][rows[0].index("status")] = "Done"
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    import_file(page, "review.csv", "\ufeff" + out.getvalue(), "text/csv")
    text = apply_preview(page)
    assert ("The file's assessment, owner, target date, current position and evidence, actions, plan's title, organisation columns "
            "are empty in every row, so your plan's are left as they are.") in text
    assert typed(page) == {**before, "status": "done"}

    # A column with something in it carries its empty cells: the preview says what they clear.
    import_file(page, "owners.csv", f"id,owner\r\n{ITEM},\r\ncost-not-like-care,Sam\r\n", "text/csv")
    body = page.locator("#planner-preview-body")
    body.wait_for(state="visible")
    assert "clears the owner (“Jo Bloggs, commissioner”)" in body.inner_text()
    assert "owner: none → “Sam”" in body.inner_text()
    page.click("#planner-preview-cancel")
    assert typed(page)["owner"] == TYPED["owner"]


# --- Two tabs ----------------------------------------------------------------------------------

def test_two_tabs_never_lose_each_others_work(browser, site):
    with open_page(browser, site.url) as one:
        two = one.context.new_page()
        errors, _ = watch_errors(two)
        open_planner(one)
        one.select_option("#planner-one", "cost-not-like-care")
        one.click("#planner-one-add")
        open_planner(two)
        assert item_ids(two) == ["cost-not-like-care"]
        # An addition in the second tab, then an edit in the first: the first never saves an older plan.
        two.select_option("#planner-one", "employment-as-the-norm")
        two.click("#planner-one-add")
        one.fill("#pl-owner-cost-not-like-care", "Sam")
        assert [(i["id"], i["owner"]) for i in stored(one)["items"]] == [
            ("employment-as-the-norm", ""), ("cost-not-like-care", "Sam")]
        # The first tab shows the addition, and says another tab changed the plan.
        expect(one.locator("#pl-item-employment-as-the-norm")).to_be_visible()
        announced(one, "changed in another tab or window")
        assert one.input_value("#pl-owner-cost-not-like-care") == "Sam"
        # "Add to my plan" on a recommendation's page, while the planner is open in the other tab.
        two.goto("recommendations/partnership-links/")
        two.locator(".planner-toggle button").click()
        expect(two.locator(".planner-toggle [role=status]")).to_contain_text("In your plan")
        one.fill("#pl-evidence-cost-not-like-care", "Costed")
        assert {i["id"]: (i["owner"], i["evidence"]) for i in stored(one)["items"]} == {
            "employment-as-the-norm": ("", ""), "cost-not-like-care": ("Sam", "Costed"), "partnership-links": ("", "")}
        expect(one.locator("#pl-item-partnership-links")).to_be_visible()
        # Both tabs editing the same item: each field keeps what was typed in it last.
        open_planner(two)
        two.fill("#pl-owner-employment-as-the-norm", "Al")
        one.select_option("#pl-status-employment-as-the-norm", "done")
        assert (typed(one, "employment-as-the-norm")["owner"], typed(one, "employment-as-the-norm")["status"]) == ("Al", "done")
        two.close()
    assert not errors, f"JavaScript errors in the second tab: {errors}"


# --- Saying saved means saved ------------------------------------------------------------------

# As a browser whose storage is full (or read-only) answers every write.
FULL = """() => { window.__setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function () { throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); }; }"""
NOT_FULL = "() => { Storage.prototype.setItem = window.__setItem; }"


def test_a_full_store_says_so_and_never_claims_saved(page):
    open_planner(page)
    add_preset(page, "key")
    before = stored(page)
    page.evaluate(FULL)
    page.select_option(f"#pl-status-{ITEM}", "done")
    trouble = page.locator("#planner-trouble")
    expect(trouble).to_contain_text("Your plan could not be saved in this browser")
    expect(trouble).to_contain_text("Export your plan now")
    assert trouble.get_attribute("role") == "alert"
    page.wait_for_timeout(200)
    assert "Saved" not in page.locator("#planner-status").inner_text()
    import_file(page, "plan.csv", f"id,owner\r\n{ITEM},Sam\r\n", "text/csv")
    apply_preview(page)
    announced(page, "Imported on this page only: your plan could not be saved")
    assert stored(page) == before
    with page.expect_download() as got:
        trouble.get_by_role("button", name="Export as JSON now").click()
    exported = json.loads(got.value.path().read_text(encoding="utf-8"))
    assert [(i["status"], i["owner"]) for i in exported["items"] if i["id"] == ITEM] == [("done", "Sam")], "the export has it all"
    # Storage works again: the next change saves everything, and the message goes.
    page.evaluate(NOT_FULL)
    page.fill(f"#pl-evidence-{ITEM}", "later")
    expect(trouble).to_have_count(0)
    assert (typed(page)["status"], typed(page)["owner"], typed(page)["evidence"]) == ("done", "Sam", "later")


def test_an_unreadable_plan_is_saved_over_only_once_a_copy_is_kept(browser, site):
    raw = '{"format": "recsite-action-plan", "version": 1, "items": [{"id": "cost-not-like-care", "owner": "Jo"'
    with open_page(browser, site.url, accept_downloads=True) as page:
        page.goto("")
        page.evaluate(f"localStorage.setItem('{STORE}', {json.dumps(raw)})")
        # No room for the copy: the planner refuses to save over the plan, and offers it to download.
        page.add_init_script(f"""window.__setItem = Storage.prototype.setItem;
            Storage.prototype.setItem = function (key, value) {{
              if (String(key).startsWith('{STORE}.unreadable') && !window.__roomAgain) throw new DOMException('full', 'QuotaExceededError');
              return window.__setItem.call(this, key, value);
            }};""")
        open_planner(page)
        trouble = page.locator("#planner-trouble")
        expect(trouble).to_contain_text("could not all be read, and there is no room to keep a copy of it aside")
        page.select_option("#planner-one", "employment-as-the-norm")
        page.click("#planner-one-add")
        assert page.evaluate(f"localStorage.getItem('{STORE}')") == raw, "not written over"
        with page.expect_download() as got:
            trouble.get_by_role("button", name="Download the saved plan").click()
        assert got.value.path().read_text(encoding="utf-8") == raw
        expect(trouble).to_have_count(0)
        assert [i["id"] for i in stored(page)["items"]] == ["employment-as-the-norm"]

        # With room, it is kept aside at once, and can be downloaded, then deleted.
        page.add_init_script("window.__roomAgain = true")
        page.evaluate(f"localStorage.setItem('{STORE}', {json.dumps(raw)})")
        open_planner(page)
        aside = page.locator("#planner-aside")
        expect(aside).to_contain_text("could not be read, so the planner starts empty")
        assert page.evaluate(f"localStorage.getItem('{STORE}.unreadable')") == raw
        with page.expect_download() as got:
            aside.get_by_role("button", name="Download the kept copy 1").click()
        assert got.value.path().read_text(encoding="utf-8") == raw
        aside.get_by_role("button", name="Delete the kept copy 1").click()
        expect(page.locator("#planner-aside")).to_have_count(0)
        assert page.evaluate(f"localStorage.getItem('{STORE}.unreadable')") is None


# --- Hostile stored data -----------------------------------------------------------------------

HOSTILE = ("constructor", "__proto__", "toString", "hasOwnProperty", "valueOf")


def test_hostile_stored_data_loads_what_is_valid_and_every_button_still_works(page):
    items = [None, {"id": "cost-not-like-care", "status": "constructor", "owner": "Jo", "notes": "kept"},
             {"id": ITEM, "status": "in-progress", "due": "0000-00-00", "owner": "Al"}, 7, {"status": "done"}]
    items += [{"id": name, "status": "planned"} for name in HOSTILE]
    items += [{"id": "employment-is-a-social-care-outcome", "status": name} for name in HOSTILE[:1]]
    raw = json.dumps({"format": "recsite-action-plan", "version": 1, "items": items}).replace(
        '"id": "__proto__"', '"id": "__proto__", "__proto__": {"polluted": true}')
    page.goto("")
    page.evaluate(f"localStorage.setItem('{STORE}', {json.dumps(raw)})")
    # "Add to my plan" on a recommendation's page.
    page.goto("recommendations/employment-as-the-norm/")
    page.locator(".planner-toggle button").click()
    expect(page.locator(".planner-toggle [role=status]")).to_contain_text("In your plan")
    # The list's "Add these N".
    page.goto(f"recommendations/?audience={LA}&key=true")
    page.locator("#planner-bulk button").click()
    expect(page.locator("#planner-bulk [role=status]")).to_contain_text("to your plan")
    assert page.evaluate(f"localStorage.getItem('{STORE}.unreadable')") == raw, "the plan as it was, kept aside"
    open_planner(page)
    ids = item_ids(page)
    assert {"cost-not-like-care", ITEM, "employment-as-the-norm", *HOSTILE} <= set(ids)
    assert page.input_value("#pl-owner-cost-not-like-care") == "Jo" and page.input_value("#pl-status-cost-not-like-care") == "not-started"
    assert page.input_value(f"#pl-due-{ITEM}") == "" and page.input_value(f"#pl-owner-{ITEM}") == "Al"
    assert "0000-00-00" not in page.locator("#planner").inner_text()
    aside = page.locator("#planner-aside")
    expect(aside).to_contain_text("A copy of what could not be read is kept aside in this browser.")
    assert page.evaluate("({}).polluted") is None
    for name in HOSTILE:
        assert "no longer on this site" in page.locator(f"#pl-item-{name}").inner_text()
    page.select_option("#planner-one", "publish-outcome-measures")
    page.click("#planner-one-add")
    announced(page, "Added 1 recommendation")


# --- Dates and text ----------------------------------------------------------------------------

def test_notes_round_trip_exactly_through_a_csv_export(tabs, site):
    notes = {"cost-not-like-care": "'=x", ITEM: "a;=1+1; -2", "employment-is-a-social-care-outcome": "''@both"}
    with tabs.open(site.url, accept_downloads=True) as page:
        open_planner(page)
        add_preset(page, f"audience:{LA}")
        for item, text in notes.items():
            page.fill(f"#pl-evidence-{item}", text)
        exported = export(page, "#planner-export-csv")
        assert "a;'=1+1;' -2" in exported, "a formula after a ';' is neutralised too"
        page.click("#planner-clear")
        page.click("#planner-confirm-yes")
        import_file(page, "plan.csv", exported.encode("utf-8"), "text/csv")
        apply_preview(page)
        for item, text in notes.items():
            assert typed(page, item)["evidence"] == text


def test_a_csv_saved_by_excel_in_windows_1252_is_read_as_such_and_said(page):
    open_planner(page)
    content = b"id,owner,notes\r\ncost-not-like-care,Zo\xe9 M\xfcller,\x93Costed\x94 \x96 \x8050\r\n"
    import_file(page, "excel.csv", content, "text/csv")
    text = apply_preview(page)
    assert "The file was read as Windows-1252 (as Excel saves a CSV file on Windows)" in text
    assert "“Zoé Müller”" in text
    item = typed(page, "cost-not-like-care")
    assert (item["owner"], item["evidence"]) == ("Zoé Müller", "“Costed” – €50")
    assert "\ufffd" not in json.dumps(stored(page), ensure_ascii=False)


# --- Withdrawn recommendations and share links -------------------------------------------------

def test_replacing_a_withdrawn_item_already_replaced_keeps_its_details(page, site):
    with_a_retired_id(page, site)
    page.goto("")
    page.evaluate(f"""localStorage.setItem('{STORE}', JSON.stringify({{format: 'recsite-action-plan', version: 1, items: [
        {{id: 'reduce-invoicing-bureaucracy', status: 'in-progress', owner: 'Sam', due: '2027-01-31', notes: 'Costed', seen: '2026-01-01'}},
        {{id: 'targets-in-pb-contracts', status: 'planned', owner: 'Jo', due: '', notes: '', seen: '2026-12-01'}}]}}))""")
    open_planner(page)
    page.locator("#pl-item-reduce-invoicing-bureaucracy .pl-withdrawn button").click()
    expect(page.locator("#pl-item-reduce-invoicing-bureaucracy")).to_have_count(0)  # once lib/merge.js has loaded
    assert item_ids(page) == ["targets-in-pb-contracts"]
    item = typed(page, "targets-in-pb-contracts")
    assert (item["status"], item["owner"], item["due"]) == ("planned", "Jo", "2027-01-31")
    assert item["evidence"] == "Costed\n\nFrom the withdrawn recommendation “Cut providers' invoicing bureaucracy”, owner: Sam"
    assert "undefined" not in page.locator("#planner").inner_text()


def link_with(payload) -> str:
    return "planner/#share=" + base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


@pytest.mark.parametrize("payload, message", [
    ({"i": [["cost-not-like-care", "d"]]}, "This share link does not say which version of the planner made it"),
    ({"v": -1, "i": [["cost-not-like-care", "d"]]}, "This share link was made by a version of the planner this page does not know (“-1”)"),
    ({"v": 7, "i": [["cost-not-like-care", "d"]]}, "This share link was made by a newer version of the planner."),
], ids=["missing", "negative", "unknown (newer)"])
def test_a_share_link_of_a_missing_or_unknown_version_is_refused(page, payload, message):
    open_planner(page)
    add_preset(page, "key")
    before = stored(page)
    page.goto(link_with(payload))
    error = page.locator("#planner-import-error")
    expect(error).to_contain_text(message)
    assert stored(page) == before


def test_a_share_link_too_long_for_browsers_is_not_offered(page):
    open_planner(page)
    add_preset(page, "key")
    page.fill(f"#pl-evidence-{ITEM}", "Evidence of progress. " * 400)
    page.check("#planner-share-all")
    page.click("#planner-share-make")
    expect(page.locator("#planner-share-note")).to_contain_text("This plan is too long for a share link")
    expect(page.locator("#planner-share-note")).to_contain_text("Export it instead")
    assert page.input_value("#planner-share-link") == ""
    page.uncheck("#planner-share-all")
    page.click("#planner-share-make")
    assert page.input_value("#planner-share-link").startswith(page.url.split("#")[0])
    assert page.locator("#planner-share-note").inner_text() == ""
