"""The words around a quotation: the reporter's text before it in its sentence (and the
sentence before), the text after it up to the sentence end, short quoted titles read as words
("X, who wrote "Y," said"), and whether a quote is the Title Case name of a work."""

from __future__ import annotations

import re

from scraper.extract.quote_clauses import first_sentence, last_sentence
from scraper.extract.quote_rules import QuoteRules
from scraper.extract.quote_spans import Span

_COMPLETE = re.compile(r"[.!?…][\"'”’)]?\s*$")
_LEADING_SPACE = re.compile(r"\s*")


def quote_text(paragraphs: list[str], span: Span) -> str:
    p, a, b = span.pieces[0]
    return paragraphs[p][a:b]


def left_context(
    paragraphs: list[str], spans: list[Span], i: int, rules: QuoteRules
) -> tuple[str, str]:
    """The reporter's words before the quote in its sentence, and the sentence before that
    when the quote opens a new sentence (or paragraph)."""
    span = spans[i]
    para = paragraphs[span.paragraph]
    begin, titles = 0, ""
    if i and spans[i - 1].last_paragraph == span.paragraph:
        begin = spans[i - 1].close_at + 1
        j = i - 1  # a quoted title in the sentence is read as words: 'X, who wrote "Y," said'
        while j >= 0 and (title := _unquoted_title(paragraphs, spans[j], span.paragraph, rules)):
            start = (
                spans[j - 1].close_at + 1
                if j and spans[j - 1].last_paragraph == span.paragraph
                else 0
            )
            titles = para[start : spans[j].open_at] + title + titles
            j -= 1
    before = titles + para[begin : span.open_at]
    opens_paragraph = _LEADING_SPACE.match(para).end() >= span.open_at  # type: ignore[union-attr]
    if opens_paragraph and span.paragraph and not begin:
        previous = paragraphs[span.paragraph - 1].rstrip()
        if previous.endswith(":"):
            return last_sentence(previous, rules), ""
        quoted = _ends_in(spans, i, span.paragraph - 1)
        return "", "" if quoted else previous
    if _COMPLETE.search(before):
        return "", last_sentence(before.rstrip(), rules)
    return last_sentence(before, rules), ""


def _ends_in(spans: list[Span], i: int, paragraph: int) -> bool:
    """Whether a span before ``spans[i]`` ends in ``paragraph``. Spans do not overlap, so
    their last paragraphs never decrease: scan back only while they can still match."""
    for j in range(i - 1, -1, -1):
        last = spans[j].pieces[-1][0]
        if last == paragraph:
            return True
        if last < paragraph:
            return False
    return False


def right_context(paragraphs: list[str], spans: list[Span], i: int, rules: QuoteRules) -> str:
    span = spans[i]
    para = paragraphs[span.last_paragraph]
    text, start = "", span.close_at + 1
    for later in spans[i + 1 :]:
        if later.paragraph != span.last_paragraph:
            break
        title = _unquoted_title(paragraphs, later, span.last_paragraph, rules)
        if title is None:
            return first_sentence(text + para[start : later.open_at], rules)
        text, start = text + para[start : later.open_at] + title, later.close_at + 1
    return first_sentence(text + para[start:], rules)


#: Most words of a quoted title read as part of an attribution ("an executive producer of
#: "Drag Race," said").
TITLE_WORDS = 8


def _unquoted_title(
    paragraphs: list[str], span: Span, paragraph: int, rules: QuoteRules
) -> str | None:
    """The words of ``span`` without its marks when it is a short title in ``paragraph``."""
    if span.paragraph != paragraph or span.last_paragraph != paragraph:
        return None
    text = paragraphs[paragraph][span.open_at + 1 : span.close_at]
    words = text.split()
    return text if len(words) <= TITLE_WORDS and is_title(words, rules) else None


#: Most words of a Title Case quote read as a title; after "titled", "called", ... more.
TITLE_MAX_WORDS = 10
NAMED_TITLE_WORDS = 24


def is_title(words: list[str], rules: QuoteRules, longest: int = TITLE_MAX_WORDS) -> bool:
    """Title Case words with no sentence punctuation: the name of a work, not a statement."""
    if not words or words[-1][-1:] in ".!?…" or (words[-1][-1:] == "," and len(words) > 6):
        return False
    if len(words) > longest:
        return False
    capitals = [w[:1].isupper() for w in words if w.lower() not in rules.title_small_words]
    return bool(capitals) and all(capitals)
