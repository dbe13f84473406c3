"""recsite.descriptions and the `description` blocks of the page templates: each generated
page's meta description, from the data."""

from __future__ import annotations

from support.project import real_catalogue
from recsite import paths
from recsite.descriptions import LIMIT, shorten
from recsite.plan import plan_site

CATALOGUE = real_catalogue()
PLAN = plan_site(CATALOGUE, "https://example.org/")


def test_short_text_is_kept_whole_with_its_spaces_tidied():
    assert shorten("Promote  employment\n as the norm.") == "Promote employment as the norm."


def test_long_text_is_cut_at_a_word_with_an_ellipsis():
    text = "word " * 100
    cut = shorten(text, 50)
    assert len(cut) <= 50 and cut.endswith("word…") and "  " not in cut


def test_a_quotation_the_cut_falls_inside_is_closed():
    cut = shorten("Our title, in its words: “" + "word " * 100 + "”", 60)
    assert len(cut) <= 60 and cut.endswith("word…”")
    # A quotation ended before the cut is not closed twice; text without one gets no mark.
    assert shorten("“Short.” " + "word " * 100, 40).count("”") == 1
    assert not shorten("word " * 100, 40).endswith("”")


def test_every_generated_page_has_a_description_within_the_limit():
    for path, page in PLAN.pages.items():
        text = page.description
        assert text and len(text) <= LIMIT, path
        assert text == " ".join(text.split()), f"{path}: untidy spaces"


def test_descriptions_are_plain_text_for_the_adapter_to_escape():
    """Quotation marks and ampersands stay as they are; escaping is the HTML writer's job (the
    templates' description blocks are rendered with autoescaping like the pages, then unescaped)."""
    found = [page.description for page in PLAN.pages.values()]
    barrier = next(t.barrier for t in CATALOGUE.themes if "'" in t.barrier.title)
    assert any(text.startswith(barrier.title) for text in found)
    assert not any("&#" in text or "&amp;" in text for text in found)


def test_a_page_describes_itself_with_its_own_counts():
    theme = CATALOGUE.themes[0]
    recs = CATALOGUE.select(theme=theme)
    key = sum(rec.key for rec in recs)
    assert PLAN.pages[paths.theme_page(theme.id)].description.startswith(
        f"{theme.title}: the NDTi report's {len(recs)} recommendations on this theme ({key} of them key), ")
    names = [audience.report_name for audience in CATALOGUE.audiences]
    assert PLAN.pages[paths.AUDIENCES_INDEX].description == (
        f"The NDTi report's recommendations for each of its 3 audiences: {names[0]}, {names[1]} and {names[2]}.")


def test_a_long_recommendation_is_cut_to_the_limit_after_its_title():
    rec = max(CATALOGUE.recommendations, key=lambda rec: len(rec.text))
    text = PLAN.pages[paths.recommendation_page(rec.id)].description
    assert text.startswith(f"{rec.title} (this site's title). ") and len(text) <= LIMIT
    assert text.endswith("…”")   # its words cut, and their quotation closed
