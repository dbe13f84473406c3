"""Debian's Chromium, which the tests (its headless shell) and the benchmark (the browser itself)
drive through Playwright.

Never `playwright install`: it downloads a browser, and these machines have no internet.
"""

from __future__ import annotations

from pathlib import Path

import browsers

# Where each is, unless the CHROMIUM_SHELL or CHROMIUM environment variable says otherwise (browsers.py).
CHROMIUM_SHELL: Path = browsers.CHROMIUM_SHELL.path
CHROMIUM: Path = browsers.CHROMIUM.path
# Flags for a headless run on a machine with no display, no GPU and no internet.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def launch(browser_type, executable: Path = CHROMIUM):
    """Start Debian's chromium with Playwright's `playwright.chromium` (sync, or async to await)."""
    return browser_type.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
