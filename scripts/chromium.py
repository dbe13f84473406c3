"""Debian's Chromium, which the tests (its headless shell) and the benchmark (the browser itself)
drive through Playwright.

Never `playwright install`: it downloads a browser, and these machines have no internet.
"""

from __future__ import annotations

from pathlib import Path

import browsers

# The benchmark's, unless the CHROMIUM environment variable says otherwise (browsers.py; the tests
# take the headless shell's path, CHROMIUM_SHELL, from there too).
CHROMIUM: Path = browsers.CHROMIUM.path
# Flags for a headless run on a machine with no display, no GPU and no internet.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


def launch(browser_type, executable: Path = CHROMIUM, extra_args: tuple[str, ...] = ()):
    """Start Debian's chromium with Playwright's `playwright.chromium` (sync, or async to await)."""
    return browser_type.launch(executable_path=str(executable), args=[*CHROMIUM_ARGS, *extra_args])
