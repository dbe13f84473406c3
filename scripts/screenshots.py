"""The README's screenshots: the home page and a recommendation's page, on a desktop and on a phone,
taken in Debian's Chromium (scripts/chromium.py) from the site as it builds now.

    .venv/bin/python scripts/screenshots.py          # builds the site, writes developers/screenshots/*.png
    .venv/bin/python scripts/screenshots.py --site site/   # from a site already built (`dev.py build`)

Each picture is the first screen a reader sees (not the whole page), at one device pixel per CSS
pixel, reduced to a palette of 64 colours: small enough to commit (tests/tools/test_readme.py
checks their size and that the README shows them). Run it again after a change to how those pages
look, and commit the pictures.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import _core  # noqa: F401  (puts hooks/ on the path; sets QUIET_MKDOCS's variable below)
from _core import QUIET_MKDOCS, ROOT
from chromium import launch
from localserver import served

OUT = ROOT / "developers" / "screenshots"
COLOURS = 64   # a palette this size keeps the text crisp and each picture under 100 kB
# The recommendation shown: a key one, for local authorities and providers, with a plain-words version.
RECOMMENDATION = "recommendations/employment-in-assessment/"


@dataclass(frozen=True)
class Shot:
    name: str      # the file, developers/screenshots/<name>.png
    address: str   # relative to the site's root
    width: int
    height: int
    phone: bool = False


SHOTS = (
    Shot("home-desktop", "", 1280, 800),
    Shot("home-phone", "", 390, 844, phone=True),
    Shot("recommendation-desktop", RECOMMENDATION, 1280, 800),
    Shot("recommendation-phone", RECOMMENDATION, 390, 844, phone=True),
)


def build(site_dir: Path, url: str) -> None:
    import os

    os.environ.update(QUIET_MKDOCS)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), site_url=url))


def shrink(png: bytes) -> bytes:
    """The picture with a palette of COLOURS colours, optimised (a tenth of its size, or less)."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(COLOURS, method=Image.Quantize.MEDIANCUT)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def take(site_dir: Path, url: str, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = launch(playwright.chromium)
        try:
            for shot in SHOTS:
                context = browser.new_context(viewport={"width": shot.width, "height": shot.height},
                                              device_scale_factor=1, is_mobile=shot.phone, has_touch=shot.phone,
                                              color_scheme="light", reduced_motion="reduce")
                page = context.new_page()
                page.goto(url + shot.address, wait_until="networkidle")
                page.evaluate("document.fonts.ready")
                path = out / f"{shot.name}.png"
                path.write_bytes(shrink(page.screenshot(animations="disabled", caret="hide")))
                written.append(path)
                context.close()
        finally:
            browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to photograph (default: build one now)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write them (default: {OUT.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        site_dir = args.site or Path(scratch)
        with served(site_dir) as url:
            if args.site is None:
                build(site_dir, url)
            for path in take(site_dir, url, args.out):
                print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size // 1024} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
