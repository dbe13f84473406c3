"""The three browser engines the cross-engine tests drive, where they are, and how to install them.

Every path can be changed with an environment variable; the defaults are where Debian's packages
put them. No browser or driver is ever downloaded: `scripts/dev.py test` installs the Debian
packages (as root, or through sudo) when a default path is missing.

    CHROMIUM_SHELL  Chromium's headless shell, driven by Playwright (Debian: chromium-headless-shell)
    CHROMIUM        Chromium itself, for the benchmark      (Debian: chromium)
    WEBKIT_DRIVER   WebKitGTK's WebDriver, through Selenium (Debian: webkit2gtk-driver)
    WEBKIT_BROWSER  the WebKitGTK browser it starts         (Debian: libwebkit2gtk-4.1-0's MiniBrowser)
    XVFB            the X server WebKitGTK draws into       (Debian: xvfb)
    FIREFOX         Firefox, driven by Marionette           (Debian: firefox-esr)
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Program:
    variable: str  # the environment variable that overrides the path
    default: str  # Debian's path
    package: str  # the Debian package that installs it at `default`
    engine: str  # which engine needs it

    @property
    def path(self) -> Path:
        return Path(os.environ.get(self.variable) or self.default)

    @property
    def overridden(self) -> bool:
        return bool(os.environ.get(self.variable))

    def how_to_install(self) -> str:
        if self.overridden:
            return (f"{self.variable}={self.path} does not exist: point {self.variable} at the "
                    f"{self.engine} program, or unset it to use Debian's {self.default}")
        return (f"{self.path} is missing ({self.engine}): run `python3 scripts/dev.py test` as root "
                f"or with sudo (it runs `apt-get install {self.package}`), or install it yourself; "
                f"elsewhere than Debian set {self.variable} to where it is")


# The tests' Chromium is its headless shell: the same Blink engine without the desktop browser
# around it, and what Playwright itself runs for headless tests. A new tab costs it about a third of
# the processor time the full browser's does (0.4 s against 1.0-1.3), and the suite a quarter of its
# time (432 processor-seconds against 592, one run of each, back to back). The benchmark measures in
# Chromium itself, the browser readers have.
CHROMIUM_SHELL = Program("CHROMIUM_SHELL", "/usr/lib/chromium/chromium-headless-shell", "chromium-headless-shell",
                         "Chromium headless shell")
CHROMIUM = Program("CHROMIUM", "/usr/bin/chromium", "chromium", "Chromium")
WEBKIT_DRIVER = Program("WEBKIT_DRIVER", "/usr/bin/WebKitWebDriver", "webkit2gtk-driver", "WebKit")
# MiniBrowser's folder names the machine's architecture (x86_64-linux-gnu, aarch64-linux-gnu…).
WEBKIT_BROWSER = Program("WEBKIT_BROWSER", next(iter(sorted(glob.glob("/usr/lib/*/webkit2gtk-4.1/MiniBrowser"))),
                                                "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"),
                         "webkit2gtk-driver", "WebKit")
XVFB = Program("XVFB", "/usr/bin/Xvfb", "xvfb", "WebKit")
FIREFOX = Program("FIREFOX", "/usr/bin/firefox-esr", "firefox-esr", "Firefox")

# What the tests drive.
PROGRAMS = (CHROMIUM_SHELL, WEBKIT_DRIVER, WEBKIT_BROWSER, XVFB, FIREFOX)


def missing(programs=PROGRAMS) -> list[Program]:
    return [program for program in programs if not program.path.exists()]


def debian_packages_to_install(programs=PROGRAMS) -> list[str]:
    """The Debian packages that would put the missing programs at their default paths (a program
    whose path was set by its variable is the user's to provide, never installed here)."""
    packages = [program.package for program in missing(programs) if not program.overridden]
    return list(dict.fromkeys(packages))
