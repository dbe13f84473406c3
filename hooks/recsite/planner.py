"""The action planner: its pages, the data its script reads, and the review spreadsheet for
readers without JavaScript. Everything here is computed at build time; nothing is fetched later.

The planner's script (docs/javascripts/planner-app.js) reads the records from a JSON block in the
planner page itself (no network request of its own) and keeps each person's plan in their own
browser (localStorage). The stored format and its version are described in
developers/planner-storage.md. The rules the scripts share with this module are written here once:
the plan's format, version and statuses go to every page's planner script in a module generated at
build time (PLAN_RULES_JS), the CSV's columns and formula rule to the planner page's data block.
"""

from __future__ import annotations

import base64
import csv
import io
import json
from typing import Iterable


from . import paths, recordfields
from .downloads import FORMULA_START, FORMULA_SKIPPED, csv_cell
from .recordfields import At
from .model import TEXT_KINDS, Audience, Catalogue, Recommendation
from .terms import terms_used

PLANNER = paths.PLANNER
QUESTIONS = paths.QUESTIONS
REVIEW_CSV = "planner/review.csv"
# The planner itself (its table, import and export, charts, print, share links): only the planner's
# page runs APP_JS, and only the planner's two pages load APP_CSS (in their <head>: their page
# kinds name it, recsite/pagekinds.py). Every page loads the small planner.js and planner.css (mkdocs.yml), which
# keep the stored plan and the "Add to my plan" buttons.
APP_JS = "javascripts/planner-app.js"
APP_CSS = "stylesheets/planner-app.css"

# The stored plan's format and version (developers/planner-storage.md, "The stored format"); the
# scripts read them from PLAN_RULES_JS. A new version needs a step in MIGRATIONS (docs/javascripts/lib/store.js).
PLAN_FORMAT = "recsite-action-plan"
PLAN_VERSION = 2  # 2: an item's `notes` became `evidence`, beside `assessment` and `actions`; the plan has a title

# (stored value, label, its letter in a share link, whether it is still to do): the order the
# planner shows them in; a new item has the first ("What to do next" lists key recommendations
# still in it). Stored values and letters are in people's plans and links: never change one.
STATUSES = [("not-started", "Not started", "n", True), ("planned", "Planned", "p", True),
            ("in-progress", "In progress", "i", True), ("done", "Done", "d", False),
            ("not-applicable", "Not applicable", "x", False)]

# (stored value, label, its letter in a share link): how far the plan's practice meets a
# recommendation, as councils record a self-assessment; an item not assessed yet has "". Stored
# values and letters are in people's plans and links: never change one.
ASSESSMENTS = [("met", "Met", "m"), ("partly-met", "Partly met", "p"), ("not-met", "Not met", "n"),
               ("not-applicable", "Not applicable", "x")]

# Generated at build time from the four above (plan_rules_module), beside the scripts that
# import it (docs/javascripts/planner.js and planner-app.js): every page's "Add to my plan" needs
# them, and the list page has no room for a data block (it is at its size budget).
PLAN_RULES_JS = "javascripts/plan-rules.js"
# Where a share link's plan starts in the planner's address (docs/javascripts/lib/share.js, PREFIX).
SHARE_PREFIX = "#share="

# The review spreadsheet's columns; the planner's CSV export writes the same ones (the script reads
# them from the planner's data), so either can be imported back. An import reads columns by name, so
# new ones are added at the end. The recommendation's columns are recordfields.FIELDS' (`planner`:
# each at its position, with the name the planner gives it); between them, these of the plan itself.
# `notes` holds an item's current position and evidence (stored as `evidence` since format version
# 2: the column keeps its name and place). The plan's title and organisation are on every row.
PLAN_COLUMNS = {10: "status", 11: "owner", 12: "target_date", 13: "notes",
                21: "assessment", 22: "actions", 23: "plan_title", 24: "organisation"}
CSV_COLUMNS = [name for _, name in sorted([*PLAN_COLUMNS.items(),
                                           *(entry.planner.column for entry in recordfields.planner_fields("column"))])]
# The columns an import reads, by the plan item's field they fill, and by the plan's own field.
ITEM_COLUMNS = {"id": "id", "status": "status", "assessment": "assessment", "owner": "owner", "due": "target_date",
                "evidence": "notes", "actions": "actions"}
PLAN_FIELD_COLUMNS = {"title": "plan_title", "organisation": "organisation"}


def plan_rules() -> dict:
    """The stored plan's rules, as the scripts read them."""
    return {"format": PLAN_FORMAT, "version": PLAN_VERSION,
            "statuses": [{"id": value, "label": label, "code": code, "open": open_}
                         for value, label, code, open_ in STATUSES],
            "assessments": [{"id": value, "label": label, "code": code} for value, label, code in ASSESSMENTS]}


def plan_rules_module() -> str:
    """PLAN_RULES_JS: plan_rules() as an ES module's default export."""
    return ("// Made by hooks/recsite/planner.py from PLAN_FORMAT, PLAN_VERSION, STATUSES and ASSESSMENTS: change them there.\n"
            f"export default {json.dumps(plan_rules(), ensure_ascii=False, separators=(',', ':'))};\n")


def planner_data(catalogue: Catalogue, page: str = PLANNER) -> dict:
    """What the planner's script needs besides plan_rules(): every current recommendation, the
    themes and audiences, the withdrawn ids and what replaced them (data/published.yaml), the
    labels for whose words a text is, and the CSV's columns and formula rule (downloads.py's)."""
    return {
        "kinds": {"report": TEXT_KINDS["report"], "site": TEXT_KINDS["site"]},
        "columns": CSV_COLUMNS,
        "item_columns": ITEM_COLUMNS,
        "plan_columns": PLAN_FIELD_COLUMNS,
        "formula": {"starts": "".join(FORMULA_START), "skipped": FORMULA_SKIPPED},
        "themes": [{"id": t.id, "title": t.title} for t in catalogue.themes],
        "audiences": [{"id": a.id, "title": a.title} for a in catalogue.audiences],
        "recs": [recordfields.planner_record(rec, At(catalogue, page=page)) for rec in catalogue.recommendations],
        "retired": {r.id: {"title": r.title, "date": r.date.isoformat(), "reason": r.reason,
                           "replaced_by": r.replaced_by} for r in catalogue.retired},
    }


def data_block(data: dict) -> str:
    """The data as JSON for an attribute of the planner page (the template escapes it). Not a
    <script> element: Material's instant navigation re-runs the scripts of a page it swaps in,
    JSON ones included, as JavaScript."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def review_csv(catalogue: Catalogue, site_url: str) -> str:
    """Every recommendation with the plan's columns (status, assessment, owner, target date, notes,
    actions, the plan's title and organisation) empty: the same review as the
    planner, for a spreadsheet. UTF-8 with a byte-order mark, which Excel needs to read it as UTF-8
    (LibreOffice accepts it too); cells a spreadsheet would run as formulas start with an apostrophe."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    at = At(catalogue, site_url)
    for rec in catalogue.recommendations:
        cells = recordfields.planner_cells(rec, at)
        writer.writerow([csv_cell(cells.get(position)) for position in range(1, len(CSV_COLUMNS) + 1)])
    return out.getvalue()


def terms_in(text: str, catalogue: Catalogue) -> list[Audience]:
    """The glossary terms a text uses, in glossary order (as the glossary links find them)."""
    return terms_used(text, catalogue.glossary)


def share_fragment(recs: Iterable[Recommendation]) -> str:
    """The planner's share link fragment ("#share=…") that adds `recs` to a reader's plan, each not
    started: the format docs/javascripts/lib/share.js reads (base64url of compact JSON, no padding).
    The planner shows what the link would add and asks before it changes the plan, so a page can
    offer "add these to my plan" as a plain link: it works without this page running a script."""
    first = STATUSES[0][2]
    payload = json.dumps({"v": PLAN_VERSION, "i": [[rec.id, first] for rec in recs]},
                         ensure_ascii=False, separators=(",", ":"))
    return SHARE_PREFIX + base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii").rstrip("=")


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
