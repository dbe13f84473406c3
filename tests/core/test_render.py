"""recsite/render.py: data text stays plain text in Markdown headings and HTML, whatever it holds."""

from __future__ import annotations

from recsite.render import former_anchor, markdown_text, plural


def test_markdown_and_html_characters_in_data_stay_text():
    assert markdown_text("Use *this* <b>now</b> & [then](x)") == \
        r"Use \*this\* &lt;b&gt;now&lt;/b&gt; &amp; \[then\]\(x\)"


def test_quotation_marks_are_left_as_they_are_so_heading_ids_do_not_gain_numbers():
    assert markdown_text("Professionals' attitudes") == "Professionals' attitudes"


def test_a_heading_whose_published_id_had_a_number_keeps_an_anchor_with_that_id():
    assert 'id="professionals39-attitudes"' in former_anchor("Professionals' attitudes")
    assert former_anchor("Plain heading") == ""


def test_counts_read_as_words():
    assert plural(1, "recommendation") == "1 recommendation"
    assert plural(3, "recommendation") == "3 recommendations"


def test_the_name_printed_pages_carry_is_the_sites_name_in_mkdocs_yml():
    from pathlib import Path

    from recsite.render import SITE_NAME

    config = (Path(__file__).parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"\nsite_name: {SITE_NAME}\n" in f"\n{config}"
