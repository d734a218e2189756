"""The corpora metrics (bench/metrics.py) on tiny hand-made inputs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import metrics


def test_shingles_multiset_and_short_text() -> None:
    assert metrics.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert metrics.shingles("a a a a a") == {("a", "a", "a", "a"): 2}
    assert metrics.shingles("one two") == {("one", "two"): 1}
    assert metrics.shingles("...") == {}


def test_shingle_counts() -> None:
    counts = metrics.shingle_counts("a b c d e f", "b c d e f g")
    # predicted shingles: abcd bcde cdef; truth: bcde cdef defg
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)


def test_optional_paragraphs_take_the_better_option() -> None:
    truth = ["w1 w2 w3 w4 w5", "[o1 o2 o3 o4]"]
    without = metrics.paragraph_counts(["w1 w2 w3 w4 w5"], truth)
    assert (without.tp, without.fp, without.fn) == (2, 0, 0)
    with_optional = metrics.paragraph_counts(["w1 w2 w3 w4 w5", "o1 o2 o3 o4"], truth)
    assert with_optional.fp == 0 and with_optional.fn == 0


def test_body_score_macro_averages() -> None:
    docs = [
        metrics.Counts(tp=1, fp=1, fn=0),  # P .5, R 1
        metrics.Counts(tp=0, fp=0, fn=4),  # no output: only in recall (0)
    ]
    score = metrics.body_score(docs)
    assert score.precision == pytest.approx(0.5)
    assert score.recall == pytest.approx(0.5)
    assert score.f1 == pytest.approx(0.5)


def test_snippets_micro() -> None:
    first = metrics.snippet_counts(
        "Hello   big\nworld. Imprint", ["big world", "missing"], ["Imprint"]
    )
    assert (first.tp, first.fp, first.fn) == (1, 1, 1)
    second = metrics.snippet_counts("x", ["x"], [])
    score = metrics.micro_score([first, second])
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)


def test_dates() -> None:
    outcomes = [
        metrics.date_outcome("2025-12-24T10:00:00+02:00", "2025-12-24"),  # tp
        metrics.date_outcome("2025-12-23", "2025-12-24 10:00:00"),  # fp
        metrics.date_outcome(None, "2025-12-24"),  # fn
        metrics.date_outcome(None, None),  # tn
        metrics.date_outcome("2025-01-01", None),  # fp
    ]
    assert outcomes == ["tp", "fp", "fn", "tn", "fp"]
    score = metrics.date_score(outcomes)
    assert score.precision == pytest.approx(1 / 3)
    assert score.recall == pytest.approx(1 / 2)
    assert score.accuracy == pytest.approx(2 / 5)


def test_titles_and_authors() -> None:
    assert metrics.title_match(" A  title\n", "A title")
    assert not metrics.title_match("A title", "A Title")
    assert metrics.authors_match(["B  One", "A Two"], ["A Two", "B One"])
    assert not metrics.authors_match(["A Two"], ["A Two", "B One"])
    assert metrics.authors_match([], None)


def test_in_half_splits_by_sha1_parity() -> None:
    # sha1("a") ends in hex 8 (even), sha1("e") in hex f (odd).
    assert metrics.in_half("a", "even") and not metrics.in_half("a", "odd")
    assert metrics.in_half("e", "odd") and not metrics.in_half("e", "even")
    assert metrics.in_half("a", None) and metrics.in_half("e", None)
    ids = [f"page-{n}" for n in range(40)]
    even = {i for i in ids if metrics.in_half(i, "even")}
    odd = {i for i in ids if metrics.in_half(i, "odd")}
    assert even.isdisjoint(odd) and even | odd == set(ids)
