"""``find_quotes`` never raises, whatever the paragraphs: random sentences shaped like
attributions, with random speakers built from the pieces the rules look at (name particles,
titles, roles, pronouns, initials, suffixes) and random quoted text with every quotation mark
and punctuation, in both rule languages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.extract.quotes import clear_caches, find_quotes

#: Pieces of speakers and of the people a paragraph mentions.
NAME_PIECES = [
    "Van",
    "Der",
    "Van Der",
    "De La",
    "van",
    "der",
    "de",
    "la",
    "Al",
    "bin",
    "von",
    "O'Neil",
    "McAdam",
    "Jr.",
    "St.",
    "Ann",
    "Lee",
    "Tom",
    "Reed",
    "Camille",
    "Etienne",
    "Smith-Jones",
    "MBE",
    "QC",
    "J.",
    "Dr.",
    "Mr.",
    "President",
    "Minister",
    "the",
    "The",
    "a",
    "minister",
    "spokesperson",
    "Ministry",
    "of",
    "Defence",
    "Police",
    "USDA",
    "U.S.",
    "its",
    "his",
    "her",
    "he",
    "she",
    "they",
    "it",
    "He",
    "She",
    "They",
    "and",
    "who",
    "Lee's",
    ",",
]
#: Pieces of quoted text and of the reporter's words.
TEXT_PIECES = [
    "We",
    "will",
    "win",
    "whatever",
    "it",
    "takes",
    "bridge",
    "on",
    "Monday",
    "in",
    "Paris",
    "said",
    "told",
    "adding",
    "according",
    "to",
    "that",
    "when",
    "but",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    "„",
    ",",
    ".",
    ":",
    ";",
    "?",
    "!",
    "—",
    "(",
    ")",
    "…",
    "\n",
]
#: Sentence shapes: {0} quoted text, {1} a speaker, {2} someone else.
SHAPES = [
    "{1} met {2} on Monday.",
    "{0} {1}.",
    "“{0},” {1} said.",
    '"{0}," said {1}.',
    "{1} said: “{0}.”",
    "{1}, {2}, told reporters that “{0}”",
    "„{0}“, sagte {1}.",
    "According to {1}, “{0}.”",
    "‘{0}’ - {1}",
    "“{0},” {1} added.",
]

names = st.lists(st.sampled_from(NAME_PIECES), min_size=1, max_size=4).map(" ".join)
text = st.lists(st.sampled_from(TEXT_PIECES), max_size=10).map(" ".join)
sentence = st.builds(
    lambda shape, quoted, speaker, other: shape.format(quoted, speaker, other),
    st.sampled_from(SHAPES),
    text,
    names,
    names,
)
paragraph = st.lists(sentence, min_size=1, max_size=3).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(st.lists(paragraph, min_size=1, max_size=4), st.sampled_from(["en", "de", None]))
def test_find_quotes_never_raises(paragraphs: list[str], language: str | None) -> None:
    clear_caches()
    for quote in find_quotes(paragraphs, language):
        assert paragraphs[quote.paragraph][quote.start : quote.end] == quote.text


def test_blank_speaker_does_not_raise() -> None:
    # found by the property test above: a speaker of whitespace only reached the role check
    paragraphs = ['Van met Van on Monday. According to Van, “\n ” said ".”']
    assert all(q.text for q in find_quotes(paragraphs, "en"))
