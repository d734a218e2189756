"""Antecedents of "it" as a speaker ("..., it said."): the statement, document or organisation
the article last made speak or named, so the quote is attributed to it as written."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from scraper.extract.quote_phrases import bare_word
from scraper.extract.quote_rules import QuoteRules
from scraper.extract.quote_speakers import cue_subjects

#: How many paragraphs back "it" looks for what it stands for.
NEUTER_PARAGRAPHS = 2
_DETERMINERS = r"(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)"


def is_thing(speaker: str, rules: QuoteRules) -> bool:
    """A speaker that is no person: "the statement", "The Indian army", "Storm Prediction
    Center" (a determiner phrase not headed by a role, or a phrase with an organisation or
    document word)."""
    words = [bare_word(w) for w in speaker.split()]
    if not words:
        return False
    if any(w in rules.not_name_words or w in rules.document_words for w in words):
        return True
    return words[0] in rules.determiners and words[-1] not in rules.titles and len(words) > 1


def neuter_antecedent(
    speakers: Sequence[tuple[int, str]],
    paragraphs: list[str],
    at: tuple[int, int],
    rules: QuoteRules,
) -> str | None:
    """What "it" at ``at`` (paragraph, offset) stands for: the nearest earlier quote speaker
    that is no person (``speakers``: paragraph and speaker of earlier quotes, in order), else
    the subject of the nearest earlier speech verb that is no person ("The army says in a
    statement ..."), else the nearest document named before ("the Citizenship Clause")."""
    first = max(0, at[0] - NEUTER_PARAGRAPHS)
    for paragraph, speaker in reversed(speakers):
        if paragraph < first:
            break
        if is_thing(speaker, rules):
            return speaker
    texts = [paragraphs[at[0]][: at[1]]] + [paragraphs[i] for i in range(at[0] - 1, first - 1, -1)]
    for text in texts:
        subject = _last_thing_subject(text, rules)
        if subject:
            return subject
    for text in texts:
        documents = list(_document_phrase(rules).finditer(text))
        if documents:
            return documents[-1].group().strip()
    return None


def _last_thing_subject(text: str, rules: QuoteRules) -> str | None:
    things = [s for s in cue_subjects(text, rules) if is_thing(s, rules)]
    return things[-1] if things else None


@cache
def _document_phrase(rules: QuoteRules) -> re.Pattern[str]:
    """A document as written: an optional determiner, capitalised words and a document word,
    with a number after it ("Article 5", "the Citizenship Clause", "a statement")."""
    heads = "|".join(sorted((re.escape(w) for w in rules.document_words), key=len, reverse=True))
    return re.compile(
        rf"(?:\b{_DETERMINERS}\s+)?(?:[A-Z][\w'’.-]*\s+){{0,4}}\b(?i:{heads})\b(?:\s+\d+\b)?"
    )
