"""Generated pages' HTML blocks skip the Markdown converter and come back unchanged."""

from __future__ import annotations

import markdown

from recsite.rawhtml import anchor_ids, restore, stash

PAGE = """# Title {#top}

<p class="lede">Some <em>words</em> &amp; more.</p>

## A section {#section}

<article class="rec-card" id="a-card">
<h3>Card *not emphasised*</h3>
</article>

<p>An intro</p>
Then **Markdown** on the next line.

A paragraph with *emphasis*.
"""


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc"])


def lines(html: str) -> list[str]:
    return [line for line in html.splitlines() if line.strip()]  # blank lines between blocks may differ


def test_stashed_page_converts_to_the_same_html_as_the_page_itself():
    stashed, blocks = stash(PAGE)
    assert len(blocks) == 2  # the lede and the card; the block followed by Markdown stays
    assert "rec-card" not in stashed
    assert lines(restore(convert(stashed), blocks)) == lines(convert(PAGE))


def test_headings_stay_markdown_with_their_ids():
    stashed, _ = stash(PAGE)
    assert "## A section {#section}" in stashed


def test_ids_inside_stashed_blocks_are_reported_for_anchor_checks():
    _, blocks = stash(PAGE)
    assert anchor_ids(blocks) == {"a-card"}


def test_text_that_looks_like_a_placeholder_is_left_alone():
    # Placeholders carry a token made afresh on each run, so data cannot imitate one.
    text = '<div class="card">A card</div>\n\nA RECSITEHTMLBLOCK0X paragraph.\n'
    stashed, blocks = stash(text)
    html = restore(convert(stashed), blocks)
    assert lines(html) == ['<div class="card">A card</div>', "<p>A RECSITEHTMLBLOCK0X paragraph.</p>"]


def test_blocks_that_follow_one_another_share_a_placeholder_and_come_back_exactly():
    # One placeholder for a run of blocks (fewer paragraphs for the converter), put back with the
    # line breaks the converter would have written: one line apart as paragraphs, as they were
    # inside a container of raw HTML (the all-recommendations list).
    text = ('# T {#t}\n\n<div class="a">A</div>\n\n<div class="b">B</div>\n\n## H {#h}\n\n'
            '<div class="list">\n<div class="group">\n\n<article id="one">1</article>\n\n'
            '<article id="two">2</article>\n\n</div>\n</div>\n')
    stashed, blocks = stash(text)
    assert stashed.count("RECSITE") == 2 and len(blocks) == 2
    assert restore(convert(stashed), blocks) == (
        '<h1 id="t">T</h1>\n<div class="a">A</div>\n<div class="b">B</div>\n<h2 id="h">H</h2>\n'
        '<div class="list">\n<div class="group">\n\n<article id="one">1</article>\n\n'
        '<article id="two">2</article>\n\n</div>\n</div>')
    assert anchor_ids(blocks) == {"one", "two"}
