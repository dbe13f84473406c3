"""How two printings of the same recommendation differ, said exactly, never with an adjective.

The report prints most key recommendations twice, in Appendix 3 and again in Section 7, and seven
of them in different words. Whether the difference matters (words left out or added) or not (a full
stop, a capital) is for the reader to judge, so the site says what it is, computed from the two
texts: "Section 7.1.2 prints it without “…”", "Section 7.1.2 adds “…” at the end", "Section 7.3.1
prints the same words (punctuation differs)".

The comparison is word by word (difflib on word tokens, compared without regard to capitals), so a
changed comma is never mistaken for changed words. Every quoted fragment is cut from one of the two
texts, character for character, so it is the report's words exactly; the sentence around it is the
site's. `describe` returns the sentence as parts that alternate between the two: even parts are the
site's words, odd parts the report's, so a template can mark each (data-provenance) and a download
can put the report's in quotation marks (`as_text`).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

# A word: letters and digits, with apostrophes inside it ("children's"). Everything between two words
# (spaces, commas, brackets, a slash) is punctuation or spacing, compared separately.
_WORD = re.compile(r"\w+(?:['’]\w+)*")

# The kinds of difference that leave the words the same, in the order a sentence names them.
PUNCTUATION, CAPITALS, SPACING = "punctuation", "capitals", "spacing"
_FORMATTING_ORDER = (PUNCTUATION, CAPITALS, SPACING)

# Kinds of change to the words, as seen from the text compared (the other) against the base.
OMITS, ADDS, REPLACES = "omits", "adds", "replaces"
# Where an addition goes: before the base's first word, after its last, or after a word inside it.
START, END, AFTER = "start", "end", "after"


@dataclass(frozen=True)
class Change:
    """One run of words that differs. `old` is the base's words (omits, replaces) and `new` the other
    text's (adds, replaces), each exactly as printed, from its first word to its last. For an
    addition, `position` says where it goes and `after` is the base's word it follows (AFTER)."""

    kind: str
    old: str = ""
    new: str = ""
    position: str = ""
    after: str = ""


@dataclass(frozen=True)
class Difference:
    """How a text differs from a base text: its changed words, in order, and what else differs
    where the words are the same."""

    changes: tuple[Change, ...]
    formatting: tuple[str, ...]   # of PUNCTUATION, CAPITALS, SPACING, in that order

    @property
    def same_words(self) -> bool:
        return not self.changes

    @property
    def identical(self) -> bool:
        return not self.changes and not self.formatting


@dataclass(frozen=True)
class _Token:
    word: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """What is compared: the word without regard to capitals or the apostrophe's shape."""
        return self.word.lower().replace("’", "'")


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _gap(text: str, tokens: list[_Token], index: int) -> str:
    """The characters before tokens[index] (after the one before it); index == len(tokens) is what
    follows the last word. Runs of white space count as one space."""
    start = tokens[index - 1].end if index > 0 else 0
    end = tokens[index].start if index < len(tokens) else len(text)
    return re.sub(r"\s+", " ", text[start:end])


def _span(text: str, tokens: list[_Token], first: int, last: int) -> str:
    """The text from tokens[first] to tokens[last - 1], exactly as printed."""
    return text[tokens[first].start:tokens[last - 1].end]


def _formatting(base: str, a: list[_Token], other: str, b: list[_Token],
                opcodes: list[tuple[str, int, int, int, int]]) -> tuple[str, ...]:
    """What differs where the words are the same: a word's capitals or apostrophe, and the characters
    between two matched words. The gaps next to a changed run are not compared (they belong to the
    change), but the start and the end of the texts are when both are matched."""
    found = set()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "equal":
            continue
        for x, y in zip(a[i1:i2], b[j1:j2]):
            if x.word != y.word:
                found.add(CAPITALS if x.word.lower() == y.word.lower() else PUNCTUATION)
        # Gaps before each matched word except the first of the run (unless both texts start here),
        # and after the run's last word if both texts end there.
        indices = [(i1 + k, j1 + k) for k in range(1, i2 - i1)]
        if i1 == 0 and j1 == 0:
            indices.insert(0, (0, 0))
        if i2 == len(a) and j2 == len(b):
            indices.append((i2, j2))
        for i, j in indices:
            x, y = _gap(base, a, i), _gap(other, b, j)
            if x != y:
                found.add(SPACING if x.replace(" ", "") == y.replace(" ", "") else PUNCTUATION)
    return tuple(kind for kind in _FORMATTING_ORDER if kind in found)


def compare(base: str, other: str) -> Difference:
    """How `other` differs from `base`, word by word."""
    a, b = _tokens(base), _tokens(other)
    matcher = difflib.SequenceMatcher(None, [t.key for t in a], [t.key for t in b], autojunk=False)
    opcodes = matcher.get_opcodes()
    changes = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "delete":
            changes.append(Change(OMITS, old=_span(base, a, i1, i2)))
        elif tag == "insert":
            position = START if i1 == 0 else END if i1 == len(a) else AFTER
            changes.append(Change(ADDS, new=_span(other, b, j1, j2), position=position,
                                  after=a[i1 - 1].word if position == AFTER else ""))
        elif tag == "replace":
            changes.append(Change(REPLACES, old=_span(base, a, i1, i2), new=_span(other, b, j1, j2)))
    return Difference(tuple(changes), _formatting(base, a, other, b, opcodes))


def _listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _differ(formatting: tuple[str, ...]) -> str:
    """'punctuation differs', 'capitals differ', 'punctuation and capitals differ'."""
    verb = "differs" if formatting in ((PUNCTUATION,), (SPACING,)) else "differ"
    return f"{_listed(list(formatting))} {verb}"


def describe(difference: Difference, name: str, base_name: str) -> tuple[str, ...]:
    """The sentence that says how the text `name` prints differs from the one `base_name` prints,
    for example ("Section 7.1.2 prints it without ", "for those who …", "."): even parts are the
    site's words, odd parts the report's, quoted exactly. Raises ValueError for identical texts,
    which have nothing to say (the data check refuses a Section 7 wording that is the same)."""
    if difference.identical:
        raise ValueError("the two texts are the same")
    if difference.same_words:
        return (f"{name} prints the same words ({_differ(difference.formatting)}).",)
    parts = [f"{name} "]

    def ours(text: str) -> None:
        parts[-1] += text

    def quote(words: str) -> None:
        parts.append(words)
        parts.append("")

    for index, change in enumerate(difference.changes):
        if index:
            ours(" and " if index == len(difference.changes) - 1 else ", ")
        if change.kind == OMITS:
            ours("prints it without ")
            quote(change.old)
        elif change.kind == ADDS:
            ours("adds ")
            quote(change.new)
            if change.position == AFTER:
                ours(" after ")
                quote(change.after)
            else:
                ours(f" at the {change.position}")
        else:
            ours("has ")
            quote(change.new)
            ours(f" where {base_name} has ")
            quote(change.old)
    if difference.formatting:
        ours(f"; otherwise only its {_differ(difference.formatting)}")
    ours(".")
    return tuple(parts)


def as_text(parts: tuple[str, ...]) -> str:
    """The sentence as plain text, the report's words in quotation marks (the downloads)."""
    return "".join(f"“{part}”" if index % 2 else part for index, part in enumerate(parts))
