"""Body metric over paragraph truth (corpora README "Body (paragraph truth)"): 4-token shingles.

Tokens are ``\\w+`` runs; shingles are counted as a multiset; optional truth paragraphs
(written ``[...]``) are scored both with and without, keeping the better.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(paragraphs: list[str]) -> Counter[tuple[str, ...]]:
    """The multiset of 4-token shingles of the paragraphs read as one text."""
    tokens = _TOKEN.findall(" ".join(paragraphs))
    if 0 < len(tokens) < SHINGLE:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


@dataclass(frozen=True)
class Score:
    """Per-document counts, normalised by TP+FP+FN as the corpus README says."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _score(output: Counter[tuple[str, ...]], truth: Counter[tuple[str, ...]]) -> Score:
    tp = sum((output & truth).values())
    return Score(tp, sum(output.values()) - tp, sum(truth.values()) - tp)


def is_optional(paragraph: str) -> bool:
    text = paragraph.strip()
    return text.startswith("[") and text.endswith("]")


def score_body(output: list[str], truth: list[str]) -> Score:
    """Score ``output`` paragraphs against truth, optional paragraphs best-of with/without."""
    got = shingles(output)
    required = [p for p in truth if not is_optional(p)]
    with_optional = [p.strip()[1:-1] if is_optional(p) else p for p in truth]
    candidates = [_score(got, shingles(required))]
    if len(required) != len(truth):
        candidates.append(_score(got, shingles(with_optional)))
    return max(candidates, key=lambda s: (s.f1, s.tp))


@dataclass(frozen=True)
class Summary:
    precision: float
    recall: float
    f1: float
    exact: float
    documents: int


def summarise(scores: list[tuple[Score, bool, bool]]) -> Summary:
    """Average precision over documents with output, recall over documents with truth.

    ``scores`` holds (score, output non-empty, truth non-empty) per document.
    """
    precisions = [s.precision for s, has_output, _ in scores if has_output]
    recalls = [s.recall for s, _, has_truth in scores if has_truth]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    exact = sum(1 for s, _, _ in scores if s.f1 == 1.0) / len(scores) if scores else 0.0
    return Summary(p, r, f1, exact, len(scores))
