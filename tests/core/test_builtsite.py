"""Glossary links added to pages that are already built (any generator's)."""

from __future__ import annotations

import pytest

from recsite.builtsite import content_span, link_terms, relative_href, term_links, unlink_terms
from recsite.model import Term


GLOSSARY = (Term("pb", "Personal Budget", "Money for support.", abbreviation="PB"),
            Term("uk", "UK", "The United Kingdom."), Term("dr-uk", "Disability Rights UK", "A charity."))


def test_only_the_main_content_is_linked_and_a_second_run_changes_nothing():
    page = ("<header>Personal Budget</header><main><h1>Personal Budget</h1><p>A Personal Budget, a PB, "
            "Disability Rights UK and the UK.</p><p>UK</p></main><footer>UK</footer>")
    once = link_terms(page, GLOSSARY, "../glossary/")
    assert once.startswith("<header>Personal Budget</header><main><h1>Personal Budget</h1>")
    assert once.endswith("<footer>UK</footer>")
    assert term_links(once) == 3  # Personal Budget, Disability Rights UK, and the UK after it
    assert '<a class="term" href="../glossary/#uk"' in once and "the <a class=\"term\"" in once
    assert link_terms(once, GLOSSARY, "../glossary/") == once
    assert unlink_terms(once) == page


def test_the_content_is_the_themes_article_else_main_else_body():
    article = '<body><article class="md-content__inner md-typeset"><article>x</article>y</article></body>'
    start, end = content_span(article)
    assert article[start:end] == "<article>x</article>y"
    start, end = content_span("<body><main>z</main></body>")
    assert (start, end) == (12, 13)
    assert content_span("no tags") is None


@pytest.mark.parametrize("page, glossary, expected", [
    ("index.html", "glossary/index.html", "glossary/"),
    ("about/index.html", "glossary/index.html", "../glossary/"),
    ("recommendations/x/index.html", "glossary/index.html", "../../glossary/"),
    ("about.html", "glossary.html", "glossary.html"),
])
def test_the_link_to_the_glossary_from_a_built_page(page, glossary, expected):
    assert relative_href(page, glossary) == expected
