"""Speakers read from the sentence before a quotation: the person it is about ("Blair is
unconvinced."), an inverted cue ending it (", says Yao."), the subject of a participle cue
("Baba criticized ..., saying"), or the organisation a recent sentence opened with."""

from __future__ import annotations

import re

from scraper.extract.quote_anaphora import sentence_person
from scraper.extract.quote_clauses import last_sentence
from scraper.extract.quote_rules import QuoteRules
from scraper.extract.quote_speakers import (
    Attribution,
    attribute_after,
    last_participle,
    opening_source,
    sentence_subject,
)

_SENTENCE = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[A-Z“\"])")


def recent_subject(paragraphs: list[str], p: int, a: int, rules: QuoteRules) -> str | None:
    """The nearest earlier sentence whose subject (or opening source: "According to Gauteng
    Cogta, ...") is a capitalised name ("Goldman Sachs estimates ..."), in this paragraph
    before the quote or the one before it."""
    texts = [paragraphs[p][:a]] + ([paragraphs[p - 1]] if p else [])
    for text in texts:
        sentences = [s for s in _SENTENCE.split(text) if s.strip()]
        for sentence in reversed(sentences):
            subject = opening_source(sentence, rules) or sentence_subject(sentence, rules)
            words = subject.split() if subject else []
            if not words or not all(w[:1].isupper() for w in words):
                continue
            if len(words) == 1 and words[0].lower() in rules.pronouns | rules.neuter_pronouns:
                continue  # "He said the government ...": a person, never an organisation
            owns = len(words) == 1 and _owns_its(sentence, words[0])  # an organisation's "its"
            if len(words) == 1 and not (words[0].isupper() or len(words[0]) <= 5 or owns):
                continue  # a surname, not a short organisation name such as "Nato"
            if owns or not is_person(words, paragraphs):
                return subject
    return None


_ITS = re.compile(r"\b[Ii]ts\b")


def _owns_its(sentence: str, subject: str) -> bool:
    """Whether ``its`` follows the subject in its sentence ("Strava would not say how many of
    its members ..."): a subject that owns with "its" is a thing or an organisation."""
    at = sentence.find(subject)
    return at >= 0 and _ITS.search(sentence, at + len(subject)) is not None


def is_person(words: list[str], paragraphs: list[str]) -> bool:
    """A full name whose last word also stands alone in the article ("Donald Trump" ...
    "Trump said") is a person's; "Goldman Sachs" is never shortened to "Sachs"."""
    if len(words) < 2:  # a surname is a person's when the article also gives a first name
        full = re.compile(rf"\b[A-Z][\w'’-]+\s+{re.escape(words[0])}\b")
        return any(full.search(text) for text in paragraphs)
    alone = re.compile(rf"(?<!{re.escape(words[-2])} )\b{re.escape(words[-1])}\b")
    return any(alone.search(text) for text in paragraphs)


def about_person(previous: str, paragraphs: list[str], rules: QuoteRules) -> Attribution | None:
    """ "Blair is unconvinced. “...”": the person the sentence before is about speaks when
    that sentence has no speech verb of its own."""
    last = last_sentence(previous, rules)
    if rules.fragment_speakers != "subject" or rules.cue.search(last):
        return None
    person = sentence_person(last, tuple(paragraphs), rules)
    return Attribution(person, "") if person else None


def inverted_cue(sentence: str, rules: QuoteRules) -> Attribution | None:
    """'..., but the world should expect leadership of a different flavour, says Yao. “...”':
    a sentence ending in an inverted cue and its speaker goes on in the quote after it."""
    comma = sentence.rfind(",")
    tail = sentence[comma:] if comma >= 0 else ""
    if not rules.cue.match(tail.lstrip(" ,")):
        return None
    return attribute_after(tail, rules)


def participle_speaker(before: str, rules: QuoteRules) -> Attribution | None:
    """'Baba criticized Ishiba's "stance," saying, "..."': the sentence's subject speaks."""
    sentence = last_sentence(before, rules)
    m = last_participle(sentence, rules)
    subject = sentence_subject(sentence[: m.start()], rules) if m else None
    return Attribution(subject, m.group()) if m and subject else None
