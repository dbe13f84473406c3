"""Link the glossary terms on the pages of a site that is already built, by any generator.

    python3 scripts/link_terms.py SITE_DIR [--project DIR]

On every HTML page of SITE_DIR (not the glossary itself, nor 404.html) the first use of each
glossary term in the page's main content (Material's and Zensical's <article class="md-content__inner">,
else <main>, else <body>) becomes a link to its meaning in the glossary, exactly as the MkDocs hook
links it while it builds (recsite/builtsite.py runs the same step, recsite/terms.py). Terms a page
already links are left alone, so running it twice, or over a site MkDocs built, changes nothing.
The glossary comes from the project's data/glossary.yaml; the site must have the glossary page
(glossary/index.html or glossary.html).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import _core  # noqa: F401  (puts hooks/ on sys.path)
from recsite.builtsite import link_terms_in_site
from recsite.load import load_catalogue
from recsite.problems import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Link glossary terms on the pages of a built site.")
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--project", type=Path, default=_core.ROOT, help="the folder with data/")
    options = parser.parse_args(argv)
    try:
        glossary = load_catalogue(options.project / "data").glossary
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    try:
        changed = link_terms_in_site(options.site_dir, glossary)
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"{options.site_dir}: {sum(changed.values())} glossary links added on {len(changed)} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
