"""How Section 7's wording differs from Appendix 3's (recsite/wording.py): said exactly, computed from
the two texts, the report's words quoted character for character and never an adjective."""

from __future__ import annotations

import pytest

from support.project import real_catalogue
from recsite import wording
from recsite.wording import ADDS, AFTER, END, OMITS, REPLACES, START, Change

CATALOGUE = real_catalogue()
REWORDED = {rec.id: rec for rec in CATALOGUE.recommendations if rec.section7 and rec.section7.wording}


def sentence(base: str, other: str, name: str = "Section 7.1.1", base_name: str = "Appendix 3") -> str:
    return wording.as_text(wording.describe(wording.compare(base, other), name, base_name))


# --- The seven real recommendations Section 7 prints differently --------------------------------

def test_seven_key_recommendations_are_printed_differently_in_section_7():
    assert sorted(REWORDED) == sorted([
        "transition-presumption-of-employment", "partnership-links", "think-about-employment-early",
        "employment-as-prevention", "ask-about-using-pb-for-work", "promote-pbs-for-employment",
        "share-pb-best-practice"])


def test_section_7_leaves_out_who_the_transition_options_are_for():
    rec = REWORDED["transition-presumption-of-employment"]
    assert wording.as_text(rec.section7_note) == (
        "Section 7.1.2 prints it without “for those who will not go on to further education”.")
    # Seen from Section 7's wording (the key recommendations page shows it first).
    assert wording.as_text(rec.text_note) == (
        "Appendix 3 (section A3.1.2) adds “for those who will not go on to further education” at the end.")


def test_section_7_adds_a_purpose_to_the_partnership_links():
    rec = REWORDED["partnership-links"]
    added = ("to promote an understanding, and use of employment support that is in line with evidence "
             "and best practice")
    assert wording.as_text(rec.section7_note) == f"Section 7.1.2 adds “{added}” at the end."
    assert wording.as_text(rec.text_note) == f"Appendix 3 (section A3.1.2) prints it without “{added}”."


@pytest.mark.parametrize(("rec_id", "what"), [
    ("think-about-employment-early", "punctuation and capitals differ"),   # "programme." / "Programme"
    ("employment-as-prevention", "punctuation differs"),                   # the brackets
    ("ask-about-using-pb-for-work", "punctuation differs"),                # the full stop
    ("promote-pbs-for-employment", "spacing differs"),                     # "brokers / support" / "brokers/support"
    ("share-pb-best-practice", "punctuation differs"),                     # the full stop
])
def test_the_other_five_print_the_same_words(rec_id, what):
    rec = REWORDED[rec_id]
    section = rec.section7.source.section
    assert rec.section7_note == (f"Section {section} prints the same words ({what}).",)
    assert wording.as_text(rec.text_note) == (
        f"Appendix 3 (section {rec.source.section}) prints the same words ({what}).")


def test_every_quoted_fragment_is_the_reports_words_exactly():
    for rec in REWORDED.values():
        for index, part in enumerate(rec.section7_note):
            if index % 2:
                assert part in rec.text or part in rec.section7.wording, (rec.id, part)


def test_no_note_where_section_7_prints_the_same_text_or_does_not_repeat_it():
    for rec in CATALOGUE.recommendations:
        if rec.id not in REWORDED:
            assert rec.section7_note is None and rec.text_note is None, rec.id


# --- Synthetic cases ----------------------------------------------------------------------------

BASE = "Promote PBs as an option for employment support, in every area."


def test_omission_at_the_start_middle_and_end():
    assert sentence(BASE, "PBs as an option for employment support, in every area.") == (
        "Section 7.1.1 prints it without “Promote”.")
    assert sentence(BASE, "Promote PBs for employment support, in every area.") == (
        "Section 7.1.1 prints it without “as an option”.")
    assert sentence(BASE, "Promote PBs as an option for employment support.") == (
        "Section 7.1.1 prints it without “in every area”.")


def test_addition_at_the_start_middle_and_end():
    assert sentence(BASE, "Always promote PBs as an option for employment support, in every area.") == (
        "Section 7.1.1 adds “Always” at the start; otherwise only its capitals differ.")
    assert sentence(BASE, "Promote PBs as an option for paid employment support, in every area.") == (
        "Section 7.1.1 adds “paid” after “for”.")
    assert sentence(BASE, "Promote PBs as an option for employment support, in every area and region.") == (
        "Section 7.1.1 adds “and region” at the end.")
    change = wording.compare(BASE, "Promote PBs as an option for paid employment support, in every area.").changes
    assert change == (Change(ADDS, new="paid", position=AFTER, after="for"),)


def test_replacement_says_both_words():
    assert sentence(BASE, "Promote PBs as a route to employment support, in every area.") == (
        "Section 7.1.1 has “a route to” where Appendix 3 has “an option for”.")


def test_several_differences_in_one_sentence_in_order():
    other = "PBs as a route to employment support, in every area of England."
    assert sentence(BASE, other) == (
        "Section 7.1.1 prints it without “Promote”, has “a route to” where Appendix 3 has “an option for” "
        "and adds “of England” at the end.")
    assert [c.kind for c in wording.compare(BASE, other).changes] == [OMITS, REPLACES, ADDS]


def test_quoted_words_keep_the_punctuation_between_them_exactly():
    """A fragment runs from its first word to its last, as printed: commas and brackets inside it
    are the report's too, and nothing outside it is taken along."""
    assert sentence("Work with schools.", "Work with schools (and colleges, where they can).") == (
        "Section 7.1.1 adds “and colleges, where they can” at the end.")


@pytest.mark.parametrize(("other", "what"), [
    ("Promote PBs as an option for employment support, in every area", "punctuation differs"),
    ("Promote PBs as an option for employment support in every area.", "punctuation differs"),
    ("Promote PBs as an Option for employment support, in every area.", "capitals differ"),
    ("Promote PBs as an option for employment support,  in  every area.", None),  # runs of spaces are one
    ("Promote PBs as an option for employment support , in every area.", "spacing differs"),
    ("promote PBs as an option for employment support; in every area", "punctuation and capitals differ"),
])
def test_same_words_say_what_else_differs(other, what):
    difference = wording.compare(BASE, other)
    assert difference.same_words
    if what is None:
        assert difference.identical
    else:
        assert sentence(BASE, other) == f"Section 7.1.1 prints the same words ({what})."


def test_apostrophes_belong_to_their_word():
    assert wording.compare("children's services", "children’s services").formatting == ("punctuation",)
    assert wording.compare("children's services", "children services").changes == (
        Change(REPLACES, old="children's", new="children"),)


def test_identical_texts_have_nothing_to_describe():
    difference = wording.compare(BASE, BASE)
    assert difference.identical
    with pytest.raises(ValueError, match="the two texts are the same"):
        wording.describe(difference, "Section 7.1.1", "Appendix 3")


def test_no_sentence_uses_an_adjective_for_the_difference():
    for rec in REWORDED.values():
        for note in (rec.section7_note, rec.text_note):
            text = wording.as_text(note).lower()
            for word in ("slightly", "almost", "nearly", "similar", "minor", "small"):
                assert word not in text, (rec.id, word)


def test_positions_of_additions():
    assert [c.position for c in wording.compare("b c", "a b c d").changes] == [START, END]
