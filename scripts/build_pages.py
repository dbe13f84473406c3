"""Write the generated pages and downloads to a folder, without MkDocs.

The same core the MkDocs hook uses; this is how the pages can be produced for another static site
generator (Material for MkDocs is in maintenance until May 2027 and its successor runs no hooks).

    python3 scripts/build_pages.py OUT_DIR [--site-url URL]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import _core  # noqa: F401  (puts hooks/ on sys.path)
from recsite.errors import DataError
from recsite.pages import plan_site
from recsite.validate import load_catalogue


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the pages generated from data/ to a folder.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--site-url", default="http://127.0.0.1:8000/")
    parser.add_argument("--data-dir", type=Path, default=_core.ROOT / "data")
    options = parser.parse_args(argv)
    try:
        plan = plan_site(load_catalogue(options.data_dir), options.site_url)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    for path, content in {**plan.pages, **plan.files}.items():
        target = options.out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    print(f"wrote {len(plan.pages)} pages and {len(plan.files)} downloads to {options.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
