"""Makes the core package in hooks/ importable from scripts (it lives beside the MkDocs hook)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "hooks") not in sys.path:
    sys.path.insert(0, str(ROOT / "hooks"))
