"""Quotes in subheadings: a subheading that quotes words spoken in the body ("'There is only
one place for him'") without saying who spoke takes the speaker of the body quote holding them."""

from __future__ import annotations

import re

from scraper.models import Quote

#: Most words of a paragraph read as a subheading.
HEADING_WORDS = 20
#: Fewest words a subheading quote needs to be looked up in the body ("saved" is too short).
ECHO_WORDS = 3
_WORD = re.compile(r"\w+")
_UNQUOTED_END = re.compile(r"[.!?…]$")
_MARKS = " \t\n\"'“”‘’«»"


def is_heading(paragraph: str) -> bool:
    """A short paragraph that does not end as a sentence does."""
    text = paragraph.strip().strip(_MARKS)
    return len(text.split()) <= HEADING_WORDS and not _UNQUOTED_END.search(text)


def echo_speakers(quotes: list[Quote], paragraphs: list[str]) -> None:
    """Give each subheading quote that no cue attributes (``cue`` is None: none, or carried
    over from a quote before) the speaker of a body quote that holds its words."""
    headings = {q.paragraph: is_heading(paragraphs[q.paragraph]) for q in quotes}
    echoes = [q for q in quotes if q.cue is None and headings[q.paragraph]]
    if not echoes:
        return
    # Each body quote's words are found once, not once per subheading quote.
    body = [(q, _WORD.findall(q.text.lower())) for q in quotes if not headings[q.paragraph]]
    for quote in echoes:
        words = _WORD.findall(quote.text.lower())
        if len(words) < ECHO_WORDS:
            continue
        for other, other_words in body:
            if other.speaker is not None and _holds(other_words, words):
                quote.speaker = other.speaker
                break


def _holds(words: list[str], part: list[str]) -> bool:
    size = len(part)
    return any(words[i : i + size] == part for i in range(len(words) - size + 1))
