"""Makes the core package in hooks/ importable from scripts (it lives beside the MkDocs hook)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))

# Material prints a banner about MkDocs 2.0 on every run; this is its documented off switch. Every
# MkDocs run of ours (builds, tests, the benchmark) sets it.
QUIET_MKDOCS = {"NO_MKDOCS_2_WARNING": "1"}

# How `dev.py serve` runs `mkdocs serve` (and the benchmark times it): `--dirty`, so that a rebuild
# after an edit builds again only the pages the edit changed, which the core picks
# (hooks/recsite/rebuild.py).
SERVE = ("serve", "--dirty")
