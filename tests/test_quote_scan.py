"""The word look-ups of ``quote_scan`` against the regexes they replace (property tests over
texts built from names, prepositions, marks and space, where the edge cases live)."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scraper.extract.quote_names import spelled_before
from scraper.extract.quote_rules import rules_for
from scraper.extract.quote_scan import (
    after_preposition,
    at_boundary,
    capitalised_before,
    indefinite_before,
    is_word_char,
    only_word_chars,
    word_before,
)

_NAMES = ["Lee", "Ann", "lee", "O'Brien", "Al-Lee", "Lee’s", "in", "into", "of", "with", "Within"]
_MARKS = [" ", "  ", "\n", "\t", ",", ".", "'", "’", "-", "_", "é", "É", "1", "Le", "ee", "X"]
_PIECES = st.sampled_from([*_NAMES, *_MARKS])
_TEXT = st.lists(_PIECES, max_size=14).map("".join)
_WORD = st.sampled_from(["Lee", "Ann", "O'Brien", "Lee’s", "’Lee", "Le", "ee-", "in", "X"])
_PREPOSITIONS = frozenset({"in", "into", "of", "with", "within"})


def _reference_capitalised(text: str, word: str) -> list[str]:
    pattern = re.compile(rf"\b([A-Z][\w'’-]+)\s+{re.escape(word)}\b")
    return [m.group(1) for m in pattern.finditer(text)]


def _reference_place(text: str, word: str, prepositions: frozenset[str]) -> int | None:
    places = "|".join(sorted(prepositions))
    pattern = re.compile(rf"\b(?:{places})\s+{re.escape(word)}\b(?![\w'’-]*\s+[A-Z])")
    m = pattern.search(text)
    return m.start() if m else None


@settings(max_examples=600)
@given(_TEXT, _WORD)
@example("Xa Lee Lee Lee", "Lee")  # a match's word opens no other match
@example("O'Brien Lee", "Lee")  # the capture starts at the first capital, not at "B"
@example("o'Brien Lee", "Lee")  # ... or inside the word when it opens lower case
@example("A Lee", "Lee")  # one capital alone is no capture
def test_capitalised_before_is_the_regex(text: str, word: str) -> None:
    assert capitalised_before(text, word) == _reference_capitalised(text, word)


@settings(max_examples=600)
@given(_TEXT, _WORD)
@example("within Lee", "Lee")  # "in" inside "within" follows no word boundary
@example("into Lee Ann", "Lee")  # a capitalised word after the name: no place
@example("into Lee’s Ann", "Lee")
@example("In Lee", "Lee")  # the prepositions are matched case-sensitively
@example("of Lee, in Lee", "Lee")
def test_after_preposition_is_the_regex(text: str, word: str) -> None:
    assert after_preposition(text, word, _PREPOSITIONS) == _reference_place(
        text, word, _PREPOSITIONS
    )


@given(st.text(max_size=6), st.integers(min_value=0, max_value=6))
def test_boundary_is_the_regex(text: str, i: int) -> None:
    i = min(i, len(text))
    assert at_boundary(text, i) == (re.compile(r"\b").match(text, i) is not None)


@given(st.characters())
def test_word_char_is_the_regex(char: str) -> None:
    assert is_word_char(char) == (re.fullmatch(r"\w", char) is not None)


def test_rules_prepositions_are_words() -> None:
    """``after_preposition`` needs prepositions of word characters: the shipped rules' are."""
    for language in ("en", "de"):
        assert only_word_chars(rules_for(language).prepositions)
    assert not only_word_chars({"in", "up to"})


_INTRODUCING = ["a", "A", "an", "An", "another", "Another", "(a", "-an", "xa", "_a", "the"]
_PHRASE_WORDS = ["source", "senior", "police", "co-worker", "4", "it’s", "mother", "é"]
_PHRASE_PIECES = st.sampled_from([*_INTRODUCING, *_PHRASE_WORDS, ",", ".", "-", " ", "  ", "\n"])
_NOUN = st.sampled_from(["source", "mother", "", "co-worker", "four,", "a", "45-year-old", "é"])


def _reference_indefinite(text: str, noun: str) -> bool:
    pattern = re.compile(rf"\b(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){{0,2}}{re.escape(noun)}\b")
    return pattern.search(text) is not None


@settings(max_examples=800)
@given(st.lists(_PHRASE_PIECES, max_size=12).map("".join), _NOUN)
@example("A senior police source", "source")
@example("a senior police chief source", "source")  # three words between: too far
@example("(a source", "source")  # after a non-word character
@example("xa source", "source")  # inside a word: no determiner
@example("a it’s source", "source")  # a word with an apostrophe is no [\w-] word
@example("an  source", "")  # an empty noun ends at a word boundary only
def test_indefinite_before_is_the_regex(text: str, noun: str) -> None:
    assert indefinite_before(text, noun) == _reference_indefinite(text, noun)


_ACRONYM_WORDS = ["United", "Nations", "Un", "U", "N", "of", "the", "and", "x"]
_ACRONYM_MARKS = ["(UN)", "(UNO)", "(U&N)", "(un)", "(", ")", " ", "  ", "\n", "’", "&", ".", "-"]
_ACRONYM_PIECES = st.sampled_from([*_ACRONYM_WORDS, *_ACRONYM_MARKS])


@settings(max_examples=800)
@given(st.lists(_ACRONYM_PIECES, max_size=12).map("".join), st.sampled_from(["UN", "UNO", "U&N"]))
@example("United Nations (UNO) and United Nations (UN)", "UN")
@example("United (Nations (UN)", "UN")
def test_spelled_before_is_the_regex(text: str, acronym: str) -> None:
    """``quote_names.spelled_before``: one pattern for all acronyms, then the acronym
    compared, against the pattern built with the acronym in it."""
    pattern = re.compile(rf"((?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|the|on|in)\s+)*)+)\({acronym}\)")
    m = pattern.search(text)
    assert spelled_before(text, acronym) == (m.group(1) if m else None)


@settings(max_examples=600)
@given(_TEXT, st.sampled_from(["Lee", "Ann Lee", "Lee’s", "’Lee", "in", "X", " Lee"]))
@example("Justice Lee", "Lee")
@example("Lee Lee", "Lee")  # the word itself may be the one before
@example(" Lee", "Lee")  # space alone before: no word
@example("Dr. Ann Lee", "Ann Lee")
def test_word_before_is_the_regex(text: str, word: str) -> None:
    m = re.search(rf"(\S+)\s+{re.escape(word)}\b", text)
    assert word_before(text, word) == (m.group(1) if m else None)
