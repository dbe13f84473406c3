"""The published data says what the report says: counts, tags, key status, sources."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from support.project import real_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return real_catalogue()


def test_all_48_recommendations_28_key(catalogue):
    assert len(catalogue.recommendations) == 48
    assert len(catalogue.key_recommendations) == 28


# Counted from Appendix 3 (pages 53-56) plus the one key recommendation for individuals that
# only Section 7 prints (7.1.3).
EXPECTED_COUNTS = {
    ("encouraging-demand", "national-organisations"): (6, 3),
    ("encouraging-demand", "local-authorities-and-providers"): (6, 3),
    ("encouraging-demand", "individuals-and-families"): (2, 2),
    ("professional-engagement", "national-organisations"): (3, 3),
    ("professional-engagement", "local-authorities-and-providers"): (5, 3),
    ("professional-engagement", "individuals-and-families"): (1, 1),
    ("personal-budget-process", "national-organisations"): (2, 2),
    ("personal-budget-process", "local-authorities-and-providers"): (9, 3),
    ("personal-budget-process", "individuals-and-families"): (2, 2),
    ("evidence-based-support", "national-organisations"): (1, 1),
    ("evidence-based-support", "local-authorities-and-providers"): (9, 3),
    ("evidence-based-support", "individuals-and-families"): (2, 2),
}


def test_counts_for_each_theme_and_audience_match_the_report(catalogue):
    counts = Counter((r.theme.id, r.audience.id) for r in catalogue.recommendations)
    key = Counter((r.theme.id, r.audience.id) for r in catalogue.key_recommendations)
    assert {pair: (counts[pair], key[pair]) for pair in counts} == EXPECTED_COUNTS


def test_ids_are_unique_and_url_safe(catalogue):
    ids = [rec.id for rec in catalogue.recommendations]
    assert len(set(ids)) == len(ids)
    assert all(rec_id == rec_id.lower() and " " not in rec_id for rec_id in ids)


def test_every_tag_is_in_the_taxonomy(catalogue):
    themes, audiences = set(catalogue.themes), set(catalogue.audiences)
    for rec in catalogue.recommendations:
        assert rec.theme in themes and rec.audience in audiences, rec.id


def test_every_key_recommendation_says_where_section_7_lists_it(catalogue):
    for rec in catalogue.recommendations:
        assert (rec.section7 is not None) == rec.key, rec.id
        if rec.section7:
            assert rec.section7.source.section.startswith("7."), rec.id


def test_the_section_7_only_recommendation_is_carried(catalogue):
    """Appendix 3 leaves out one key recommendation of Section 7.1.3. Its last line, A3.4.3's
    'Raise the issue of employment support…' (page 56), is there: cited there, not only in 7.4.3."""
    only_in_section_7 = {rec.id: rec.source.section for rec in catalogue.recommendations
                         if not rec.source.section.startswith("A3")}
    assert only_in_section_7 == {"find-local-employment-support": "7.1.3"}
    raise_locally = catalogue.recommendation("raise-employment-support-locally")
    assert (raise_locally.source.where, raise_locally.section7.source.where) == (
        "Appendix 3, section A3.4.3, page 56", "Section 7.4.3, page 38")


def test_the_recommendation_printed_under_two_themes_is_two_related_records(catalogue):
    first = catalogue.recommendation("offer-all-pb-options")
    second = catalogue.recommendation("offer-all-pb-options-for-support")
    assert (first.source.section, second.source.section) == ("A3.3.2", "A3.4.2")
    assert first.related == (second.id,) and second.related == (first.id,)


def test_audiences_say_who_they_include_in_the_reports_words(catalogue):
    national = next(a for a in catalogue.audiences if a.id == "national-organisations")
    for body in ("Department of Health", "Department for Work and Pensions", "(ADASS)",
                 "HealthWatch England", "Local Government Association", "Public Health England",
                 "(BASE)"):
        assert body in national.includes


def test_figure_5_targets(catalogue):
    # "AIM FOR:" in the report (page 35): its colon kept, its capitals not (the page says so).
    aim_for = next(g for g in catalogue.figure5.groups if g.heading == "Aim for:")
    assert aim_for.items == ("Cost per job outcome: £1,600-£4,000", "Job outcome rate: 30%–56%",
                             "Equal focus on retaining jobs as gaining new jobs")


# Titles are the site's own short headings (the report gives its recommendations none). A title may
# shorten a recommendation; it may never ask for something stronger, weaker or different from what
# the report asks, nor of someone else.

def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:'[a-z]+)?", text.lower())


def _action(text: str) -> str:
    """The first word that asks for something: a leading adverb ('Specifically include',
    'Explicitly recognise', 'Actively promote') only qualifies the verb after it."""
    return next(word for word in _words(text) if not word.endswith("ly"))


# The titles whose first word is not the report's own, each with the report's words for the same
# action (checked to be in the text) and why the shorter word asks for no more, no less and
# nothing else. A new title either starts with the report's verb or is added here, with a reason.
ACCEPTED_TITLE_VERBS = {
    "supported-employment-criteria": ("set", "Establish clear criteria", "a shorter word for establishing criteria"),
    "transition-presumption-of-employment": (
        "presume", "the presumption of employment should be introduced",
        "the report's own action, its 'presumption' said as a verb; 'Focus on' is how it gets there"),
    "support-families-on-employment": ("help", "Support to parents/families/carers to recognise",
                                       "help and support are the same action here"),
    "partnership-links": ("link", "Establish appropriate partnership links", "making the links the report names"),
    "find-local-employment-support": ("find", "Get information about the employment support provision",
                                      "'find out' is getting the information"),
    "employment-as-prevention": ("see", "Understand employment as", "see and understand as the same thing"),
    "ask-about-using-pb-for-work": ("ask", "and ask your social worker / key contact about this",
                                    "the report's second verb; the title keeps the asking"),
    "share-pb-best-practice": ("share", "Promote and share best practice", "the report's second verb"),
    "employment-in-assessment": ("make", "Ensure employment is a specific outcome",
                                 "'make it an outcome' asks what 'ensure it is an outcome' asks"),
    "ras-funding-for-employment": ("allocate", "Ensure funding is allocated",
                                   "the report's verb, with the title keeping 'where appropriate'"),
    "coordinate-employment-support": ("coordinate", "Ensure better engagement and coordination",
                                      "the report's noun as a verb"),
    "promote-pb-success-stories": ("keep", "Continue to promote PBs", "'keep promoting' is 'continue to promote'"),
    "flexible-pb-use": ("make", "Ensure there is as much flexibility",
                        "'make as flexible as possible' asks what 'ensure as much flexibility as possible' asks"),
    "pb-employment-communications": ("hold", "Put in place dedicated communications sessions",
                                     "holding the sessions is putting them in place"),
    "offer-all-pb-options": ("offer", "are available and offered to individuals", "the report's own verb"),
    "offer-all-pb-options-for-support": ("offer", "are available and offered to individuals", "the report's own verb"),
    "pool-employment-budgets": ("consider", "work together to consider the local pooling",
                                "the report's action; 'follow the example of Right to Control' is how"),
    "capture-pb-employment-data": ("collect", "Capture data and information", "collect and capture data are the same"),
    "share-good-practice-with-commissioner": ("tell", "Highlight good employment support practice from other areas to "
                                              "your local commissioner", "telling the commissioner is highlighting it to them"),
}

# Words that say how firmly something is asked, grouped by meaning: a title may use one only where
# the report's text has a word of the same group ('every' where the report says 'all' is the same).
STRENGTH_WORDS = [
    {"must"}, {"should"}, {"need", "needs"}, {"always"}, {"never"}, {"only"},
    {"require", "requires", "required", "requirement", "requirements"},
    {"ensure", "ensures", "ensuring"},
    {"all", "every", "everyone", "everybody", "everything", "each"},
]

# Words that make a request conditional or tentative: where the report's text has one, the title
# keeps it (dropping it asks for more than the report), unless it belongs to a part of the text the
# title leaves out.
HEDGES = ("consider", "where appropriate", "as possible")
HEDGES_IN_A_PART_LEFT_OUT = {
    "find-local-employment-support": ("consider", "'consider asking for an employment support organisation to "
                                                  "attend your transition or social care review' is a second request"),
}


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_each_title_asks_for_the_action_the_report_asks_for(catalogue):
    wrong = []
    for rec in catalogue.recommendations:
        title, report = _action(rec.title), _action(rec.text)
        if rec.id in ACCEPTED_TITLE_VERBS:
            accepted, report_words, _reason = ACCEPTED_TITLE_VERBS[rec.id]
            assert report_words in _squash(rec.text), f"{rec.id}: {report_words!r} is not in its text"
            if title != accepted:
                wrong.append(f"{rec.id}: title {rec.title!r} starts {title!r}; accepted: {accepted!r}")
        elif title != report:
            wrong.append(f"{rec.id}: title {rec.title!r} asks to {title!r}, the report to {report!r}")
    assert not wrong, "\n".join(wrong)


def test_the_table_of_accepted_title_verbs_holds_only_what_is_needed(catalogue):
    ids = {rec.id for rec in catalogue.recommendations}
    assert set(ACCEPTED_TITLE_VERBS) <= ids and set(HEDGES_IN_A_PART_LEFT_OUT) <= ids
    for rec_id in ACCEPTED_TITLE_VERBS:
        rec = catalogue.recommendation(rec_id)
        assert _action(rec.title) != _action(rec.text), f"{rec_id}: starts with the report's verb; not needed"


def test_no_title_asks_more_firmly_than_the_report(catalogue):
    wrong = []
    for rec in catalogue.recommendations:
        text = set(_words(rec.text))
        for word in _words(rec.title):
            group = next((g for g in STRENGTH_WORDS if word in g), None)
            if group and not group & text:
                wrong.append(f"{rec.id}: title {rec.title!r} says {word!r}; the report's text has none of {sorted(group)}")
    assert not wrong, "\n".join(wrong)


def test_no_title_drops_a_condition_the_report_sets(catalogue):
    wrong = []
    for rec in catalogue.recommendations:
        for hedge in HEDGES:
            if (re.search(rf"\b{hedge}\b", rec.text, re.IGNORECASE)
                    and not re.search(rf"\b{hedge}\b", rec.title, re.IGNORECASE)
                    and HEDGES_IN_A_PART_LEFT_OUT.get(rec.id, ("",))[0] != hedge):
                wrong.append(f"{rec.id}: the report says {hedge!r}; title {rec.title!r} does not")
    assert not wrong, "\n".join(wrong)


# The other words of a title come from the recommendation's text (in any form: 'limits' for
# 'limitations', 'locally' for 'local') or stand for the report's words in this table, which is
# checked against each text that uses them. A word that is in neither ('guidance' for the report's
# 'documentation', 'results' for its 'outcomes') changes what the report asks for.
PLAIN_WORDS = {
    # the site's word: (the report's words it stands for, any one of them in the text; why)
    "personal": (("PB",), "the site spells out the report's abbreviation PB, Personal Budget"),
    "budget": (("PB",), "the same"),
    "budgets": (("PB",), "the same"),
    "work": (("employment",), "the site's everyday word for employment, as in its plain words"),
    "see": (("recognise",), "to see work as realistic is to recognise it as realistic"),
    "colleges": (("further education establishments",), "the everyday name for them"),
    "get": (("provided with",), "people get what they are provided with"),
    "out": (("Get information",), "'find out' is getting information"),
    "covers": (("includes reference to",), "training that covers a subject includes reference to it"),
    "what": (("things that people identify",), "'what matters to people'"),
    "matters": (("important to them",), "'what matters to people'"),
    "everyone": (("all",), "the same scope"),
    "every": (("all",), "the same scope"),
    "involved": (("relevant parties",), "everyone involved in someone's support are its relevant parties"),
    "way": (("options",), "every way to manage it is every option"),
    "help": (("support",), "the same"),
    "person": (("individual",), "the same"),
    "where": (("if no",), "'where there are none' is 'if no current providers exist'"),
    "elsewhere": (("other areas",), "the same"),
}
_TITLE_FILLER = frozenset("a an the to of for in on and or as is be with by from their your its it that this at "
                          "about there are has have can".split())


def _stem(word: str) -> str:
    word = word.removesuffix("'s")
    for suffix in ("ing", "ed", "es", "s", "e", "d"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            return word[:-len(suffix)]
    return word


def _same_word(one: str, other: str) -> bool:
    """Forms of one word ('limits', 'limitations'; 'coordinate', 'coordination'): a shared start of
    at least five letters (or all of a shorter word) that is most of the shorter one."""
    one, other = _stem(one), _stem(other)
    shared = next((n for n, (x, y) in enumerate(zip(one, other)) if x != y), min(len(one), len(other)))
    shorter = min(len(one), len(other))
    return shared >= min(5, shorter) and shared >= 0.6 * shorter


def _title_words(rec) -> list[str]:
    title = rec.title
    if rec.twin:  # the site's label telling twins apart, e.g. '(budget process)': a theme, not a request
        title = re.sub(r"\s*\([^)]*\)$", "", title)
    return [word for word in _words(title)[1:] if word not in _TITLE_FILLER]  # the first: the verb tests


def test_each_title_uses_the_reports_words_or_a_listed_plain_word(catalogue):
    wrong = []
    for rec in catalogue.recommendations:
        text = _words(rec.text)
        for word in _title_words(rec):
            if any(_same_word(word, other) for other in text):
                continue
            stands_for, _why = PLAIN_WORDS.get(word, ((), ""))
            if not any(words.lower() in _squash(rec.text).lower() for words in stands_for):
                wrong.append(f"{rec.id}: title {rec.title!r} says {word!r}, which is not in the report's text"
                             + (f" (nor {' or '.join(map(repr, stands_for))})" if stands_for else ""))
    assert not wrong, "\n".join(wrong)
