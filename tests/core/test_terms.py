"""Glossary links in rendered HTML: first use only, never inside links, headings or images."""

from __future__ import annotations

from recsite.model import Term
from recsite.terms import explain_terms

TERMS = (Term("personal-budget", "Personal Budget", "Money for care.", "PB", ("PBs",)),
         Term("dwp", "Department for Work and Pensions", "A department.", "DWP"))


def test_only_the_first_use_in_running_text_is_linked():
    html = "<h2>PB</h2><p><a href='x'>PB</a> A PB, then PBs and DWP.</p><p>DWP again.</p>"
    out = explain_terms(html, TERMS, "../glossary/")
    assert out.count('class="term"') == 2
    assert "<h2>PB</h2>" in out and "<a href='x'>PB</a>" in out
    assert ('A <a class="term" href="../glossary/#personal-budget" data-definition="Personal Budget (PB): '
            'Money for care."><abbr title="Personal Budget (PB)">PB</abbr></a>, then PBs') in out


def test_text_inside_an_image_role_and_its_children_is_left_alone():
    html = '<div role="img" aria-label="chart"><div><span>PB</span></div><div>PB</div></div><p>PB</p>'
    out = explain_terms(html, TERMS, "g/")
    assert out.startswith('<div role="img" aria-label="chart"><div><span>PB</span></div><div>PB</div></div>')
    assert out.endswith('<abbr title="Personal Budget (PB)">PB</abbr></a></p>')


def test_text_only_printed_is_left_alone_and_the_first_use_on_screen_is_linked():
    html = '<p class="print-only rec-print-head">A PB</p><blockquote><p>A PB</p></blockquote>'
    out = explain_terms(html, TERMS, "g/")
    assert out.startswith('<p class="print-only rec-print-head">A PB</p>')
    assert out.endswith('<abbr title="Personal Budget (PB)">PB</abbr></a></p></blockquote>')


def test_words_that_merely_contain_a_term_are_not_touched():
    assert explain_terms("<p>PBX and sub-PB and PB-funded</p>", TERMS, "g/") == "<p>PBX and sub-PB and PB-funded</p>"


def test_definitions_are_escaped_in_the_attribute():
    terms = (Term("x", "X \"quoted\"", "<b>bold</b> & more", "XQ"),)
    out = explain_terms("<p>XQ</p>", terms, "g/")
    assert 'data-definition="X &quot;quoted&quot; (XQ): &lt;b&gt;bold&lt;/b&gt; &amp; more"' in out


def test_a_term_with_an_ampersand_is_found_in_the_html_text():
    terms = (Term("hwb", "Health and Wellbeing Board", "A board.", also=("Health & Wellbeing Board",)),)
    out = explain_terms("<p>the local Health &amp; Wellbeing Board or</p>", terms, "g/")
    assert out == ('<p>the local <a class="term" href="g/#hwb" data-definition="Health and Wellbeing Board: '
                   'A board.">Health &amp; Wellbeing Board</a> or</p>')


def test_the_terms_a_plain_text_uses_are_the_ones_its_page_would_link():
    """terms_used (the questions page's 'words explained') finds terms by the same rule as the links."""
    from recsite.terms import terms_used

    for text in ("A PB; then DWP.", "PBX and sub-PB and PB-funded", "DWP first, then PBs", ""):
        linked = [term.id for term in TERMS if f"#{term.id}" in explain_terms(f"<p>{text}</p>", TERMS, "g/")]
        assert [term.id for term in terms_used(text, TERMS)] == linked, text
    assert [term.id for term in terms_used("DWP first, then PBs", TERMS)] == ["personal-budget", "dwp"]
