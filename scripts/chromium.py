"""Debian's chromium, which the tests and the benchmark drive through Playwright.

Never `playwright install`: it downloads a browser, and these machines have no internet.
"""

from __future__ import annotations

from pathlib import Path

import browsers

# Debian's /usr/bin/chromium unless the CHROMIUM environment variable says otherwise (browsers.py).
CHROMIUM: Path = browsers.CHROMIUM.path
# Flags for a headless run on a machine with no display, no GPU and no internet.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def launch(browser_type):
    """Start Debian's chromium with Playwright's `playwright.chromium` (sync, or async to await)."""
    return browser_type.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
