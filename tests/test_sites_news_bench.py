"""bench/news_sites.py --worse: which fields a config gets wrong where the generic extractor is
right (scored results built by hand, so no corpus is needed)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import metrics  # noqa: E402
import news_sites  # noqa: E402


def result(
    page: str, tp: float, fp: float, headline: bool = True, authors: bool = True
) -> news_sites.PageResult:
    return news_sites.PageResult(
        page_id=page,
        site="Example",
        fixture=False,
        counts=metrics.Counts(tp, fp, 0),
        headline=headline,
        published=True,
        authors=authors,
        layout="default",
    )


def test_only_fields_the_config_loses_are_listed() -> None:
    configured = [
        result("a", 10, 0, authors=False),  # authors lost, body better
        result("b", 8, 2, headline=False),  # body lost; headline wrong for both
        result("c", 10, 0),
    ]
    generic = [
        result("a", 8, 2),
        result("b", 10, 0, headline=False),
        result("c", 10, 0, headline=False, authors=False),
    ]
    found = news_sites.worse_than_generic(configured, generic)
    assert [(r.page_id, name) for r, name in found] == [("a", "authors"), ("b", "body")]
