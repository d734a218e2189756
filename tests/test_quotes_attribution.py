"""Who speaks: speech verbs, clause subjects and the discourse around a quote (GitHub issue 6),
on made-up sentences, one construction per test."""

from __future__ import annotations

import pytest

from scraper.extract.quotes import find_quotes
from scraper.models import Quote


def speakers(paragraphs: list[str]) -> list[str | None]:
    return [q.speaker for q in find_quotes(paragraphs)]


def only(paragraphs: list[str]) -> Quote:
    quotes = find_quotes(paragraphs)
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "“The green coat is the best look of the evening,” enthuses Mara Lind.",
        "“The green coat is the best look of the evening,” proclaims Mara Lind.",
        "“The green coat is the best look of the evening,” Mara Lind enthused.",
        "“The green coat is the best look of the evening,” Mara Lind penned.",
    ],
)
def test_speech_verbs_of_praise_and_writing(sentence: str) -> None:
    assert only([sentence]).speaker == "Mara Lind"


def test_a_plural_noun_before_the_quote_is_no_speech_verb() -> None:
    # "pens" is a noun far more often than the verb: it is not a cue
    paragraphs = [
        "The shop sold pens, “pencils and other things for the school term,” a clerk said."
    ]
    assert only(paragraphs).speaker == "a clerk"
