"""Let generated pages' HTML skip the Markdown converter, which would only pass it through.

The generated pages are Markdown headings around blocks of HTML (the recommendation cards). Python
-Markdown parses every such block with its HTML parser just to copy it unchanged, and that was most
of the build time with thousands of recommendations. `stash` swaps each self-contained HTML block
for a one-line placeholder before conversion; `restore` puts the blocks back in the converted HTML.
Headings stay Markdown, so their ids and the page's table of contents are unchanged.
"""

from __future__ import annotations

import re
import secrets
from html import unescape

# Python-Markdown's block-level tags that a template starts a block with.
_BLOCK_TAGS = ("article", "aside", "details", "div", "dl", "figure", "form", "nav", "ol", "p",
               "script", "section", "table", "ul")
_OPENING = re.compile(r"<(" + "|".join(_BLOCK_TAGS) + r")[\s>]")
# A fresh token for each run, so no text in the data can pass for a placeholder.
_TOKEN = "RECSITE" + secrets.token_hex(8).upper()
_PLACEHOLDER = _TOKEN + "B{}X"
_RESTORE = re.compile(r"(<p>)?" + _TOKEN + r"B(\d+)X(?:</p>)?")
_ID = re.compile(r"""<[a-zA-Z][^>]*?\sid=["']([^"']+)["']""")


def stash(markdown: str) -> tuple[str, list[str]]:
    """`markdown` with each blank-line-separated block that is one whole HTML element (or a run
    of them) replaced by a placeholder, and the blocks in placeholder order.

    Blocks that follow one another share one placeholder (their text as it was, blank lines
    between): the converter parses each placeholder as a paragraph and runs every inline
    pattern over it, and a list page or a recommendation's page has runs of them."""
    blocks: list[str] = []
    out = []
    follows = False  # the block before was set aside: this one joins its placeholder
    for block in markdown.split("\n\n"):
        match = _OPENING.match(block)
        if match and block.rstrip("\n").endswith(f"</{match.group(1)}>") and "\n\n" not in block:
            if follows:
                blocks[-1] += "\n\n" + block.rstrip("\n")
            else:
                out.append(_PLACEHOLDER.format(len(blocks)))
                blocks.append(block.rstrip("\n"))
            follows = True
        else:
            out.append(block)
            follows = False
    return "\n\n".join(out), blocks


def _put_back(match: re.Match, blocks: list[str]) -> str:
    run = blocks[int(match.group(2))]
    # As a paragraph (<p>) the placeholder stood where the converter would have written each
    # block of the run as a paragraph of its own, one line apart; inside raw HTML (a list's
    # container) the converter copies text as it is, blank lines and all. No block holds a blank
    # line (stash), so the blank lines are the ones between the run's blocks.
    return run.replace("\n\n", "\n") if match.group(1) else run


def restore(html: str, blocks: list[str]) -> str:
    """The converted HTML with each placeholder (Markdown wraps it in <p>) replaced by its blocks."""
    if not blocks:
        return html
    return _RESTORE.sub(lambda match: _put_back(match, blocks), html)


def anchor_ids(blocks: list[str]) -> set[str]:
    """The element ids in the stashed blocks: MkDocs checks links to #anchors against the ids it
    saw while converting, and it no longer sees these."""
    return {unescape(found) for block in blocks for found in _ID.findall(block)}
