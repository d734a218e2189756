"""Subheading echoes: the spaced-string test for a run of words against the slice comparison
it replaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.extract.quote_headings import spaced

_WORDS = st.lists(st.sampled_from(["a", "b", "ab", "ba", "c", "é", "1"]), max_size=8)


def _holds(words: list[str], part: list[str]) -> bool:
    """The former test: ``part`` equals some slice of ``words``."""
    size = len(part)
    return any(words[i : i + size] == part for i in range(len(words) - size + 1))


@settings(max_examples=500, deadline=None)
@given(_WORDS, _WORDS.filter(bool))
def test_spaced_substring_is_a_run_of_consecutive_words(words: list[str], part: list[str]) -> None:
    assert (spaced(part) in spaced(words)) == _holds(words, part)


def test_a_word_inside_another_is_no_run() -> None:
    assert spaced(["b", "c"]) not in spaced(["ab", "c"])
    assert spaced(["b", "c"]) in spaced(["a", "b", "c"])
