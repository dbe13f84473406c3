"""Print the Content-Security-Policy header for a built site, for hosts that can send headers.

    python3 scripts/policy_header.py SITE_DIR [--cards] [--frame-ancestors SOURCES]

Every page already carries the policy in a meta element (recsite/policy.py). A header adds what a
meta element cannot say: who may show the pages in a frame (`frame-ancestors`, by default 'none').
With --cards, the header for the embed cards (/recommendations/<id>/embed/) instead: their own
policy, and framing allowed (by default to any site: `*`).
The policy holds the hashes of the build's inline scripts, so take the header from the same build
that is published, on every deployment (developers/deployment.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import _core  # noqa: F401  (puts hooks/ on sys.path)
from recsite.policy import CARD_FRAME_ANCESTORS, FRAME_ANCESTORS, PolicyError, site_header


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the Content-Security-Policy header for a built site.")
    parser.add_argument("site_dir", type=Path)
    parser.add_argument("--cards", action="store_true",
                        help="the header for the embed cards (/recommendations/<id>/embed/), not the other pages")
    parser.add_argument("--frame-ancestors",
                        help=f"who may frame the pages (default: {FRAME_ANCESTORS}; with --cards, {CARD_FRAME_ANCESTORS})")
    options = parser.parse_args(argv)
    frame_ancestors = options.frame_ancestors or (CARD_FRAME_ANCESTORS if options.cards else FRAME_ANCESTORS)
    try:
        print(f"Content-Security-Policy: {site_header(options.site_dir, frame_ancestors, cards=options.cards)}")
    except PolicyError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
