"""Check the data in data/ without building the site.

    python3 scripts/check_data.py            # exit 0 and a summary, or exit 1 and every problem
    python3 scripts/check_data.py DIR        # check another data folder

In GitHub Actions (GITHUB_ACTIONS=true) each problem is also printed as a workflow command, which
GitHub shows on the offending line of the pull request's diff (recsite/annotations.py).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import _core  # noqa: F401  (puts hooks/ on sys.path)
from recsite.annotations import annotations
from recsite.problems import DataError
from recsite.load import load_catalogue


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check the site's data files.")
    parser.add_argument("data_dir", nargs="?", type=Path, default=_core.ROOT / "data")
    options = parser.parse_args(argv)
    label = _label(options.data_dir)
    try:
        catalogue = load_catalogue(options.data_dir, label)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            print(annotations(error.problems), flush=True)
        return 1
    recs = catalogue.recommendations
    print(f"{label}: OK: {len(recs)} recommendations ({len(catalogue.key_recommendations)} key), "
          f"{len(catalogue.themes)} themes, {len(catalogue.audiences)} audiences")
    return 0


def _label(data_dir: Path) -> str:
    try:
        return str(data_dir.resolve().relative_to(Path.cwd().resolve())) or "."
    except ValueError:
        return str(data_dir)


if __name__ == "__main__":
    sys.exit(main())
