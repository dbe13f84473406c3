"""Draw the link-preview picture, docs/assets/og-image.png (1200 x 630, Open Graph's size): the
site's name and what it holds, in white on the site's indigo (Material's `indigo` primary colour).

The picture is committed, so building the site needs no image library; run this again after
changing its words (IMAGE_HEADING and IMAGE_LINE in hooks/recsite/linkpreview.py).
tests/core/test_linkpreview.py fails while the committed picture differs from what this draws.

    .venv/bin/python scripts/og_image.py            # writes docs/assets/og-image.png
    .venv/bin/python scripts/og_image.py OUT.png    # writes elsewhere
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from recsite.linkpreview import IMAGE, IMAGE_HEADING, IMAGE_HEIGHT, IMAGE_LINE, IMAGE_WIDTH  # noqa: E402

INDIGO = (63, 81, 181)      # Material's indigo, --md-primary-fg-color
WHITE = (255, 255, 255)
MARGIN = 80


def draw() -> Image.Image:
    """The picture. Pillow's own font (Aileron, shipped inside Pillow) keeps it the same everywhere."""
    image = Image.new("RGB", (IMAGE_WIDTH, IMAGE_HEIGHT), INDIGO)
    pen = ImageDraw.Draw(image)
    heading = ImageFont.load_default(size=76)
    line = ImageFont.load_default(size=40)
    y = 150
    for text in textwrap.wrap(IMAGE_HEADING, 26):
        pen.text((MARGIN, y), text, font=heading, fill=WHITE)
        y += 96
    pen.rectangle((MARGIN, y + 24, MARGIN + 160, y + 32), fill=WHITE)
    y += 72
    for text in textwrap.wrap(IMAGE_LINE, 52):
        pen.text((MARGIN, y), text, font=line, fill=WHITE)
        y += 54
    return image


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else ROOT / "docs" / IMAGE
    out.parent.mkdir(parents=True, exist_ok=True)
    draw().save(out, format="PNG", optimize=True)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
