"""The action planner: its pages, the data its script reads, and the review spreadsheet for
readers without JavaScript. Everything here is computed at build time; nothing is fetched later.

The planner's script (docs/javascripts/planner-app.js) reads the records from a JSON block in the
planner page itself (no network request of its own) and keeps each person's plan in their own
browser (localStorage). The stored format and its version are described in the README ("The
planner for maintainers: the stored format"). The rules the scripts share with this module are
written here once: the plan's format, version and statuses go to every page's planner script in
a module generated at build time (PLAN_RULES_JS), the CSV's columns and formula rule to the
planner page's data block.
"""

from __future__ import annotations

import csv
import io
import json


from . import paths
from .downloads import FORMULA_START, FORMULA_SKIPPED, REPORT_WORDS, SITE_WORDS, csv_cell, section7_difference
from .model import TEXT_KINDS, Audience, Catalogue, Recommendation
from .terms import terms_used

PLANNER = "planner/index.md"
QUESTIONS = "planner/questions.md"
REVIEW_CSV = "planner/review.csv"
# The planner itself (its table, import and export, charts, print, share links): only the planner's
# page runs APP_JS, and only the planner's two pages load APP_CSS (in their <head>: their page
# kinds name it, recsite/pagekinds.py). Every page loads the small planner.js and planner.css (mkdocs.yml), which
# keep the stored plan and the "Add to my plan" buttons.
APP_JS = "javascripts/planner-app.js"
APP_CSS = "stylesheets/planner-app.css"

# The stored plan's format and version (README "the stored format"); the scripts read them from
# PLAN_RULES_JS. A new version needs a step in MIGRATIONS (docs/javascripts/lib/store.js).
PLAN_FORMAT = "recsite-action-plan"
PLAN_VERSION = 1

# (stored value, label, its letter in a share link, whether it is still to do): the order the
# planner shows them in; a new item has the first ("What to do next" lists key recommendations
# still in it). Stored values and letters are in people's plans and links: never change one.
STATUSES = [("not-started", "Not started", "n", True), ("planned", "Planned", "p", True),
            ("in-progress", "In progress", "i", True), ("done", "Done", "d", False),
            ("not-applicable", "Not applicable", "x", False)]

# Generated at build time from the three above (plan_rules_module), beside the scripts that
# import it (docs/javascripts/planner.js and planner-app.js): every page's "Add to my plan" needs
# them, and the list page has no room for a data block (it is at its size budget).
PLAN_RULES_JS = "javascripts/plan-rules.js"

# The review spreadsheet's columns; the planner's CSV export writes the same ones (the script reads
# them from the planner's data), so either can be imported back. An import reads columns by name, so
# new ones are added at the end. Whose words each is, as recommendations.json says it: the report's in
# `report_words` and `report_words_section7_wording`, the site's own in `title` and `plain_words`
# (the *_kind columns say so in every row); `section7_difference` is the site's sentence quoting the
# report's words between “ and ”.
CSV_COLUMNS = ["id", "title", "report_words", "plain_words", "audience", "theme", "key", "in_the_report",
               "url", "status", "owner", "target_date", "notes",
               # Added later, at the end.
               "title_kind", "report_words_kind", "plain_words_kind", "section7_where",
               "report_words_section7_wording", "section7_difference", "twin"]
# The columns an import reads, by the plan item's field they fill.
ITEM_COLUMNS = {"id": "id", "status": "status", "owner": "owner", "due": "target_date", "notes": "notes"}


def plan_rules() -> dict:
    """The stored plan's rules, as the scripts read them."""
    return {"format": PLAN_FORMAT, "version": PLAN_VERSION,
            "statuses": [{"id": value, "label": label, "code": code, "open": open_}
                         for value, label, code, open_ in STATUSES]}


def plan_rules_module() -> str:
    """PLAN_RULES_JS: plan_rules() as an ES module's default export."""
    return ("// Made by hooks/recsite/planner.py from PLAN_FORMAT, PLAN_VERSION and STATUSES: change them there.\n"
            f"export default {json.dumps(plan_rules(), ensure_ascii=False, separators=(',', ':'))};\n")


def _record(rec: Recommendation, catalogue: Catalogue, page: str) -> dict:
    return {
        "id": rec.id,
        "title": rec.title,
        "text": rec.text,
        "plain": rec.plain,
        "theme": rec.theme.id,
        "audience": rec.audience.id,
        "key": rec.key,
        "where": rec.source.where,
        "url": paths.relative(page, paths.recommendation_page(rec.id)),
        "changed": rec.last_changed(catalogue.report.site_published).isoformat(),
        "changes": [{"date": c.date.isoformat(), "change": c.change} for c in rec.changes],
        # As recommendations.json has them: for the planner's exports, and the note under the text
        # (section7_note: the same sentence as parts, the odd ones the report's words; recsite/wording.py).
        "section7_where": rec.section7.source.where if rec.section7 else None,
        "section7_wording": rec.section7.wording if rec.section7 else None,
        "section7_difference": section7_difference(rec),
        "section7_note": list(rec.section7_note) if rec.section7_note else None,
        "twin": rec.twin,
    }


def planner_data(catalogue: Catalogue, page: str = PLANNER) -> dict:
    """What the planner's script needs besides plan_rules(): every current recommendation, the
    themes and audiences, the withdrawn ids and what replaced them (data/published.yaml), the
    labels for whose words a text is, and the CSV's columns and formula rule (downloads.py's)."""
    return {
        "kinds": {"report": TEXT_KINDS["report"], "site": TEXT_KINDS["site"]},
        "columns": CSV_COLUMNS,
        "item_columns": ITEM_COLUMNS,
        "formula": {"starts": "".join(FORMULA_START), "skipped": FORMULA_SKIPPED},
        "themes": [{"id": t.id, "title": t.title} for t in catalogue.themes],
        "audiences": [{"id": a.id, "title": a.title} for a in catalogue.audiences],
        "recs": [_record(rec, catalogue, page) for rec in catalogue.recommendations],
        "retired": {r.id: {"title": r.title, "date": r.date.isoformat(), "reason": r.reason,
                           "replaced_by": r.replaced_by} for r in catalogue.retired},
    }


def data_block(data: dict) -> str:
    """The data as JSON for an attribute of the planner page (the template escapes it). Not a
    <script> element: Material's instant navigation re-runs the scripts of a page it swaps in,
    JSON ones included, as JavaScript."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def review_csv(catalogue: Catalogue, site_url: str) -> str:
    """Every recommendation with empty status, owner, target date and notes: the same review as the
    planner, for a spreadsheet. UTF-8 with a byte-order mark, which Excel needs to read it as UTF-8
    (LibreOffice accepts it too); cells a spreadsheet would run as formulas start with an apostrophe."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for rec in catalogue.recommendations:
        writer.writerow([csv_cell(value) for value in (
            rec.id, rec.title, rec.text, rec.plain or "", rec.audience.title, rec.theme.title,
            "yes" if rec.key else "no", rec.source.where,
            paths.absolute(site_url, paths.recommendation_page(rec.id)), "", "", "", "",
            SITE_WORDS, REPORT_WORDS, SITE_WORDS, rec.section7.source.where if rec.section7 else "",
            rec.section7.wording if rec.section7 else "", section7_difference(rec), rec.twin)])
    return out.getvalue()


def terms_in(text: str, catalogue: Catalogue) -> list[Audience]:
    """The glossary terms a text uses, in glossary order (as the glossary links find them)."""
    return terms_used(text, catalogue.glossary)


def question_recs(catalogue: Catalogue) -> list[Recommendation]:
    """The recommendations with plain words: those for individuals and families."""
    return [rec for rec in catalogue.recommendations if rec.plain]


def question_audiences(catalogue: Catalogue) -> list[Audience]:
    """The audiences those recommendations are for (the ones given plain words): the page says who
    they are, in the report's words, rather than in ours."""
    return [audience for audience in catalogue.audiences if audience.plain_words]


def files(catalogue: Catalogue, site_url: str) -> dict[str, str]:
    """The planner's files besides its pages (recsite.pagekinds): the review spreadsheet and the
    scripts' rules module."""
    return {REVIEW_CSV: review_csv(catalogue, site_url), PLAN_RULES_JS: plan_rules_module()}
