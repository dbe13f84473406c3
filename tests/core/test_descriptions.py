"""recsite.descriptions: each generated page's meta description, from the data."""

from __future__ import annotations

from conftest import real_catalogue
from recsite.descriptions import LIMIT, describe_site, shorten
from recsite.plan import plan_site

CATALOGUE = real_catalogue()


def test_short_text_is_kept_whole_with_its_spaces_tidied():
    assert shorten("Promote  employment\n as the norm.") == "Promote employment as the norm."


def test_long_text_is_cut_at_a_word_with_an_ellipsis():
    text = "word " * 100
    cut = shorten(text, 50)
    assert len(cut) <= 50 and cut.endswith("word…") and "  " not in cut


def test_every_generated_page_has_a_description_within_the_limit():
    plan = plan_site(CATALOGUE, "https://example.org/")
    for path, page in plan.pages.items():
        text = page.description
        assert text and len(text) <= LIMIT, path
        assert text == " ".join(text.split()), f"{path}: untidy spaces"


def test_descriptions_are_plain_text_for_the_adapter_to_escape():
    """Quotation marks and ampersands stay as they are; escaping is the HTML writer's job."""
    found = describe_site(CATALOGUE)
    barrier = next(t.barrier for t in CATALOGUE.themes if "'" in t.barrier.title)
    assert any(text.startswith(barrier.title) for text in found.values())
    assert not any("&#" in text or "&amp;" in text for text in found.values())
