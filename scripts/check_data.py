"""Check the data in data/ without building the site.

    python3 scripts/check_data.py            # exit 0 and a summary, or exit 1 and every problem
    python3 scripts/check_data.py DIR        # check another data folder

Besides each file's schema and the readers' checks, every field the schemas mark as the report's
words is compared with the report's text in source/ (recsite/verbatim.py): a text that is not the
report's is reported at the first word that differs, beside the nearest passage of the report.

In GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as a workflow command, which
GitHub shows on the offending line of the pull request's diff (recsite/annotations.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import _core  # noqa: F401  (puts hooks/ on sys.path)
from recsite import fixedids
from recsite.annotations import annotations
from recsite.problems import DataError
from recsite.load import load_catalogue
from recsite.reporttext import ReportText


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the site's data files.")
    parser.add_argument("data_dir", nargs="?", type=Path, default=_core.ROOT / "data")
    parser.add_argument("--source", type=Path, default=_core.ROOT / "source",
                        help="the folder with the report's text (default: the project's source/)")
    options = parser.parse_args(argv)
    label = _label(options.data_dir)
    try:
        report = ReportText.read(options.source, _label(options.source))
        catalogue = load_catalogue(options.data_dir, label, report)
        fixedids.check(catalogue)   # what a build's planning checks, without rendering a page
    except DataError as error:
        print(error.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(annotations(error.problems), flush=True)
        return 1
    recs = catalogue.recommendations
    print(f"{label}: OK: {len(recs)} recommendations ({len(catalogue.key_recommendations)} key), "
          f"{len(catalogue.themes)} themes, {len(catalogue.audiences)} audiences; "
          "every text marked as the report's words is in the report (source/)")
    return 0


def _label(data_dir: Path) -> str:
    try:
        return str(data_dir.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(data_dir)


if __name__ == "__main__":
    sys.exit(main())
