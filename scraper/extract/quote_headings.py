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
    # At most HEADING_WORDS splits: a longer paragraph is told apart without splitting it all.
    short = len(text.split(None, HEADING_WORDS)) <= HEADING_WORDS
    return short and not _UNQUOTED_END.search(text)


def echo_speakers(quotes: list[Quote], paragraphs: list[str]) -> None:
    """Give each subheading quote that no cue attributes (``cue`` is None: none, or carried
    over from a quote before) the speaker of a body quote that holds its words."""
    headings: dict[int, bool] = {}  # paragraph index -> is_heading, each tested once
    for q in quotes:
        if q.cue is None and q.paragraph not in headings:
            headings[q.paragraph] = is_heading(paragraphs[q.paragraph])
    echoes = [q for q in quotes if q.cue is None and headings[q.paragraph]]
    if not echoes:
        return
    for q in quotes:
        if q.paragraph not in headings:
            headings[q.paragraph] = is_heading(paragraphs[q.paragraph])
    # Each attributed body quote's words are found once, not once per subheading quote (body
    # quotes keep their speakers here: only subheading quotes change).
    body = [
        (q, spaced(_WORD.findall(q.text.lower())))
        for q in quotes
        if q.speaker is not None and not headings[q.paragraph]
    ]
    for quote in echoes:
        words = _WORD.findall(quote.text.lower())
        if len(words) < ECHO_WORDS:
            continue
        part = spaced(words)
        for other, other_words in body:
            if part in other_words:
                quote.speaker = other.speaker
                break


def spaced(words: list[str]) -> str:
    """``words`` joined by spaces and with a space at each end: as words hold no space, one
    list is a run of consecutive words of another exactly when its spaced form is a substring
    of the other's (a search in C, not a comparison of slices at every offset)."""
    return f" {' '.join(words)} "
