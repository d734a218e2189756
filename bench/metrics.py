"""Evaluation metrics of the corpora README, as pure functions shared by every benchmark.

Body: 4-token shingle multisets, per-document precision/recall averaged, F1 of the averages.
Snippets: micro P/R/F1 of whitespace-folded substring matches. Dates: exact day P/R/F1 and
accuracy. Titles and authors: exact match after whitespace folding (authors as sets).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
SHINGLE = 4


def half_of(page_id: str) -> str:
    """ "even" or "odd": the parity of the sha1 of a page's id, so rules can be tuned on one half
    of a corpus and checked on the other (every bench script splits the same way)."""
    return "even" if int(hashlib.sha1(page_id.encode()).hexdigest(), 16) % 2 == 0 else "odd"


def in_half(page_id: str, half: str | None) -> bool:
    """Whether a page belongs to ``half`` (see :func:`half_of`); None takes every page."""
    return half is None or half_of(page_id) == half


def fold(text: str | None) -> str:
    """Whitespace-folded text (runs of whitespace to one space, stripped)."""
    return _SPACE.sub(" ", text or "").strip()


def shingles(text: str, size: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of ``size``-token shingles of ``text`` (tokens are ``\\w+`` runs).

    A text shorter than ``size`` tokens is one shingle of all its tokens.
    """
    tokens = _TOKEN.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one document or corpus."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


def shingle_counts(predicted: str, truth: str) -> Counts:
    """Per-document shingle TP (sum of min counts), FP and FN (the excesses)."""
    pred, gold = shingles(predicted), shingles(truth)
    tp = sum((pred & gold).values())
    return Counts(tp, sum(pred.values()) - tp, sum(gold.values()) - tp)


def f1(precision: float, recall: float) -> float:
    """Harmonic mean (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _doc_f1(counts: Counts) -> float:
    return f1(counts.precision or 0.0, counts.recall or 0.0)


def is_optional(paragraph: str) -> bool:
    """A truth paragraph written as ``[...]`` is optional."""
    text = paragraph.strip()
    return len(text) >= 2 and text.startswith("[") and text.endswith("]")


def paragraph_counts(predicted: Sequence[str], truth: Sequence[str]) -> Counts:
    """Shingle counts against truth paragraphs, taking the better of with/without optional ones."""
    pred = "\n".join(predicted)
    required = [p for p in truth if not is_optional(p)]
    if len(required) == len(truth):
        return shingle_counts(pred, "\n".join(truth))
    with_optional = [p.strip()[1:-1] if is_optional(p) else p for p in truth]
    options = (
        shingle_counts(pred, "\n".join(required)),
        shingle_counts(pred, "\n".join(with_optional)),
    )
    return max(options, key=_doc_f1)


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of a corpus (``n`` documents)."""

    precision: float
    recall: float
    f1: float
    n: int


def body_score(documents: Iterable[Counts]) -> Score:
    """Macro P/R: precision averaged over documents with output, recall over those with truth."""
    precisions: list[float] = []
    recalls: list[float] = []
    n = 0
    for counts in documents:
        n += 1
        if counts.tp + counts.fp > 0:
            precisions.append(counts.precision or 0.0)
        if counts.tp + counts.fn > 0:
            recalls.append(counts.recall or 0.0)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return Score(p, r, f1(p, r), n)


def snippet_counts(
    text: str, must_contain: Sequence[str], must_not_contain: Sequence[str]
) -> Counts:
    """Snippet TP (found must_contain), FN (missing ones), FP (found must_not_contain)."""
    haystack = fold(text)
    found = sum(1 for s in must_contain if fold(s) in haystack)
    wrong = sum(1 for s in must_not_contain if fold(s) in haystack)
    return Counts(found, wrong, len(must_contain) - found)


def micro_score(documents: Iterable[Counts]) -> Score:
    """Micro P/R/F1: counts summed over the corpus."""
    tp = fp = fn = 0.0
    n = 0
    for counts in documents:
        n += 1
        tp, fp, fn = tp + counts.tp, fp + counts.fp, fn + counts.fn
    total = Counts(tp, fp, fn)
    p, r = total.precision or 0.0, total.recall or 0.0
    return Score(p, r, f1(p, r), n)


def day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` day of an ISO-like date/time string, or None."""
    if not value:
        return None
    match = re.match(r"\d{4}-\d{2}-\d{2}", value.strip())
    return match.group(0) if match else None


def date_outcome(predicted: str | None, truth: str | None) -> str:
    """``tp`` (right day), ``fp`` (wrong day, or a date where none is), ``fn`` (missed), ``tn``."""
    pred, gold = day(predicted), day(truth)
    if pred is None:
        return "tn" if gold is None else "fn"
    return "tp" if pred == gold else "fp"


@dataclass(frozen=True)
class DateScore:
    precision: float
    recall: float
    f1: float
    accuracy: float
    n: int


def date_score(outcomes: Iterable[str]) -> DateScore:
    """P, R, F1 and accuracy (right days plus correctly silent pages, over all pages)."""
    counts = Counter(outcomes)
    n = sum(counts.values())
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return DateScore(p, r, f1(p, r), (tp + tn) / n if n else 0.0, n)


def title_match(predicted: str | None, truth: str | None) -> bool:
    """Exact title match after whitespace folding."""
    return fold(predicted) == fold(truth)


def authors_match(predicted: Iterable[str], truth: Iterable[str] | None) -> bool:
    """Exact author match as sets after whitespace folding."""
    return {fold(a) for a in predicted if fold(a)} == {fold(a) for a in truth or () if fold(a)}
