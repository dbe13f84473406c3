"""Open Graph tags: what a link preview (in a chat, an email or a social network) shows for a page.

Every page gets its own title, description and address, and the same picture: `docs/assets/
og-image.png`, made from the site's own name and colours by scripts/og_image.py (committed, so a
build needs no image library). The canonical link is Material's own (`<link rel="canonical">`,
from site_url); `og:url` is the same address.
"""

from __future__ import annotations

from dataclasses import dataclass

IMAGE = "assets/og-image.png"
IMAGE_WIDTH = 1200
IMAGE_HEIGHT = 630
# The picture's words (scripts/og_image.py draws them) and its text alternative, from one place.
IMAGE_HEADING = "Personal Budgets for Employment Support"
IMAGE_LINE = "Findings and recommendations from the NDTi report (May 2014)"
IMAGE_ALT = f"{IMAGE_HEADING}: {IMAGE_LINE}, in white on the site's indigo"
LOCALE = "en_GB"


@dataclass(frozen=True)
class Preview:
    title: str
    description: str
    url: str
    is_home: bool = False


def open_graph(preview: Preview, site_name: str, site_url: str) -> list[tuple[str, str, str]]:
    """(attribute, key, content) of each meta tag: `<meta property="og:title" content=…>`. The texts
    are given as they are (plain text, or Markup already escaped once): the template escapes plain
    text."""
    image = site_url.rstrip("/") + "/" + IMAGE
    tags = [
        ("og:type", "website" if preview.is_home else "article"),
        ("og:site_name", site_name),
        ("og:locale", LOCALE),
        ("og:title", preview.title),
        ("og:description", preview.description),
        ("og:url", preview.url),
        ("og:image", image),
        ("og:image:type", "image/png"),
        ("og:image:width", str(IMAGE_WIDTH)),
        ("og:image:height", str(IMAGE_HEIGHT)),
        ("og:image:alt", IMAGE_ALT),
    ]
    # Twitter/X reads Open Graph for the rest; this (a `name`, not a `property`) asks for the large picture.
    return [("property", key, content) for key, content in tags] + [("name", "twitter:card", "summary_large_image")]
