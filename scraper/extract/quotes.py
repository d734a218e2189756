"""Direct quotations and their speakers, found in cleaned body paragraphs.

Spans come from ``quote_spans`` (mark pairing), speakers from ``quote_speakers`` (cue-verb rules
in ``scraper/data/quotes_<lang>.toml``). Conventions: ``speaker`` is the name as written without
its role or title ("Finance Minister Serhii Marchenko" -> "Serhii Marchenko"; honorifics stay:
"Mr. Smith"), or the noun phrase as written ("a spokesperson"); pronouns and unattributed
continuing quotes take the nearest earlier named speaker. A quote over several paragraphs is one
``Quote`` whose ``text`` joins the pieces with newlines; ``start``/``end`` are offsets in its first
paragraph. ``partial`` marks fragments inside the reporter's sentence and quotes under four words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.extract.quote_rules import QuoteRules, rules_for
from scraper.extract.quote_spans import Span, find_spans
from scraper.extract.quote_speakers import (
    Attribution,
    attribute_after,
    attribute_before,
    first_sentence,
    last_sentence,
    person_mentions,
)
from scraper.models import Quote

#: Quotes shorter than this many words are reported as partial (scare quotes, terms).
MIN_FULL_WORDS = 4
#: How many paragraphs back an unattributed quote paragraph may inherit a speaker from.
INHERIT_PARAGRAPHS = 2
#: How many paragraphs back a pronoun looks for a newly introduced person.
MENTION_PARAGRAPHS = 3
_NEW_SENTENCE = re.compile(r"\s+[A-Z]")
_MARKS = ' \t\n,.;:!?…—–-"“”‘’«»'


@dataclass
class _Found:
    span: Span
    text: str
    attribution: Attribution | None
    partial: bool
    inherited: bool = False
    continuing: bool = False


def find_quotes(paragraphs: list[str], language: str | None = None) -> list[Quote]:
    """Return the direct quotations in ``paragraphs``, in reading order, with their speakers."""
    rules = rules_for(language)
    spans = find_spans(paragraphs, rules.elision)
    found = [_analyse(paragraphs, spans, i, rules) for i in range(len(spans))]
    _resolve(found, paragraphs, rules)
    return [_to_quote(f) for f in found]


def _text(paragraphs: list[str], span: Span) -> str:
    return "\n".join(paragraphs[p][a:b] for p, a, b in span.pieces)


def _left_context(paragraphs: list[str], spans: list[Span], i: int, rules: QuoteRules) -> str:
    span = spans[i]
    para = paragraphs[span.paragraph]
    begin = 0
    if i and spans[i - 1].last_paragraph == span.paragraph:
        begin = spans[i - 1].close_at + 1
    left = last_sentence(para[begin : span.open_at], rules)
    if not para[: span.open_at].strip() and span.paragraph and not begin:
        previous = paragraphs[span.paragraph - 1].rstrip()
        if previous.endswith(":"):
            left = last_sentence(previous, rules)
    return left


def _right_context(paragraphs: list[str], spans: list[Span], i: int, rules: QuoteRules) -> str:
    span = spans[i]
    para = paragraphs[span.last_paragraph]
    end = len(para)
    if i + 1 < len(spans) and spans[i + 1].paragraph == span.last_paragraph:
        end = spans[i + 1].open_at
    return first_sentence(para[span.close_at + 1 : end], rules)


def _analyse(paragraphs: list[str], spans: list[Span], i: int, rules: QuoteRules) -> _Found:
    span = spans[i]
    text = _text(paragraphs, span)
    left = _left_context(paragraphs, spans, i, rules)
    right = _right_context(paragraphs, spans, i, rules)
    if text.rstrip()[-1:] == "." and _NEW_SENTENCE.match(right) and ":" in right:
        right = ""  # a new sentence that introduces the next quote
    if left.rstrip().endswith(":") or not right.strip():
        attribution = attribute_before(left, rules) or attribute_after(right, rules)
    else:
        attribution = attribute_after(right, rules) or attribute_before(left, rules)
    found = _Found(span, text, attribution, _is_partial(text, left, rules))
    found.continuing = not _reporter_words(left, rules) and not right.strip(_MARKS)
    return found


def _reporter_words(left: str, rules: QuoteRules) -> bool:
    """Whether the sentence before the quote holds the reporter's own words."""
    rest = left.strip(_MARKS)
    return bool(rest) and not rules.continuation_cue.fullmatch(rest)


def _is_partial(text: str, left: str, rules: QuoteRules) -> bool:
    """A fragment quoted inside the reporter's sentence, a title, or a quote under four words."""
    words = text.split()
    if len(words) < MIN_FULL_WORDS or _is_title(words, rules):
        return True
    before = left.rstrip()
    introduced = not before or before.endswith((":", ",")) or before[-1:] in "—–-"
    embedded = text.rstrip()[-1:] not in ".!?…"
    return not introduced and embedded and text[:1].islower()


def _is_title(words: list[str], rules: QuoteRules) -> bool:
    """Title Case words with no sentence punctuation: the name of a work, not a statement."""
    if words[-1][-1:] in ".!?…" or (words[-1][-1:] == "," and len(words) > 6):
        return False
    capitals = [w[:1].isupper() for w in words if w.lower() not in rules.title_small_words]
    return bool(capitals) and all(capitals) and len(words) <= 10


def _resolve(found: list[_Found], paragraphs: list[str], rules: QuoteRules) -> None:
    """Pronouns take the nearest earlier named speaker or introduced person; unattributed
    continuing quotes take the nearest earlier named speaker."""
    last_named: _Found | None = None
    for f in found:
        a = f.attribution
        if a is not None and a.speaker.lower() not in rules.pronouns:
            last_named = f
            continue
        if a is not None:  # a pronoun: keep the cue, name the person
            name = _nearest_person(paragraphs, last_named, f, rules)
            if name:
                f.attribution = Attribution(name, a.cue)
                last_named = f
        elif last_named is not None and last_named.attribution and _continues(last_named, f):
            f.attribution = Attribution(last_named.attribution.speaker, "")
            f.inherited = True
            last_named = f


def _nearest_person(
    paragraphs: list[str], named: _Found | None, current: _Found, rules: QuoteRules
) -> str | None:
    """The person introduced after the last named speaker's quote, else that speaker."""
    here = current.span.paragraph
    since = named.span.paragraph if named else 0
    for index in range(here, max(since, here - MENTION_PARAGRAPHS) - 1, -1):
        text = paragraphs[index]
        stop = current.span.open_at if index == here else len(text)
        begin = named.span.close_at if named and index == named.span.last_paragraph else 0
        mentions = [m for m in person_mentions(text, rules) if begin <= m[0] < stop]
        if mentions:
            return mentions[-1][1]
    return named.attribution.speaker if named and named.attribution else None


def _continues(previous: _Found, current: _Found) -> bool:
    gap = current.span.paragraph - previous.span.last_paragraph
    return 0 <= gap <= INHERIT_PARAGRAPHS and current.continuing and not current.partial


def _to_quote(f: _Found) -> Quote:
    paragraph, start, end = f.span.pieces[0]
    speaker = f.attribution.speaker if f.attribution else None
    cue = f.attribution.cue if f.attribution and f.attribution.cue else None
    return Quote(f.text, speaker, cue, paragraph, start, end, f.partial)
