"""The one clock: its written form, and how it orders against seconds-only values of old archives."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from scraper import clock
from scraper.archive import Archive
from scraper.archive.frontier import Frontier

#: How archives written before scraper.clock spelled times in pages, articles and fetches.
OLD_SECONDS = "%Y-%m-%dT%H:%M:%S+00:00"


@pytest.fixture
def frontier(db_path: Path) -> Iterator[Frontier]:
    with Archive(db_path) as archive:
        yield Frontier(archive.db.conn)


def test_iso_is_utc_with_milliseconds_and_an_offset_never_z() -> None:
    paris = timezone(timedelta(hours=1))
    assert clock.iso(datetime(2026, 3, 1, 10, 0, 5, 123456, paris)) == (
        "2026-03-01T09:00:05.123+00:00"
    )
    # Whole seconds keep their ".000": every value has the same width.
    assert clock.iso(datetime(2026, 3, 1, 9, 0, 5, tzinfo=UTC)) == "2026-03-01T09:00:05.000+00:00"
    assert clock.iso(datetime(2026, 3, 1, 9, 0, 5)) == "2026-03-01T09:00:05.000+00:00"  # naive: UTC
    assert clock.iso().endswith("+00:00") and len(clock.iso()) == 29


def test_epoch_round_trip_and_junk() -> None:
    assert clock.from_epoch(0) is None
    text = clock.from_epoch(1_700_000_000.25)
    assert text == "2023-11-14T22:13:20.250+00:00"
    assert clock.to_epoch(text) == 1_700_000_000.25
    assert clock.to_epoch("2023-11-14T22:13:20Z") == 1_700_000_000.0
    assert clock.to_epoch("2023-11-14T22:13:20") == 1_700_000_000.0  # naive: UTC
    assert clock.to_epoch("yesterday") == 0.0
    assert clock.to_epoch(None) == 0.0
    assert clock.parse("not a date") is None


@pytest.mark.parametrize(
    ("stored", "now", "due"),
    [
        # stored seconds (old archive), now in milliseconds
        ("2026-01-01T10:00:00+00:00", "2026-01-01T10:00:00.500+00:00", True),
        ("2026-01-01T10:00:00+00:00", "2026-01-01T10:00:00.000+00:00", True),
        ("2026-01-01T10:00:01+00:00", "2026-01-01T10:00:00.999+00:00", False),
        ("2026-01-01T09:59:59+00:00", "2026-01-01T10:00:00.000+00:00", True),
        # stored milliseconds, now in seconds (an older writer still running)
        ("2026-01-01T10:00:00.500+00:00", "2026-01-01T10:00:00+00:00", False),
        ("2026-01-01T10:00:00.500+00:00", "2026-01-01T10:00:01+00:00", True),
        ("2026-01-01T23:59:59.999+00:00", "2026-01-02T00:00:00+00:00", True),
    ],
)
def test_sql_text_comparison_orders_mixed_precisions(stored: str, now: str, due: bool) -> None:
    conn = sqlite3.connect(":memory:")
    assert bool(conn.execute("SELECT ? <= ?", (stored, now)).fetchone()[0]) is due


def test_mixed_precisions_order_like_the_moments_they_name() -> None:
    """Over many pairs of moments, the text order of a seconds value against a milliseconds
    value agrees with time order (ties aside: seconds sorts first, under a second early)."""
    conn = sqlite3.connect(":memory:")
    base = datetime(2026, 5, 31, 23, 59, 58, tzinfo=UTC)
    moments = [base + timedelta(milliseconds=137 * i) for i in range(40)]
    for first in moments:
        old = first.strftime(OLD_SECONDS)
        whole = first.replace(microsecond=0)
        for second in moments:
            new = clock.iso(second)
            text_le = bool(conn.execute("SELECT ? <= ?", (old, new)).fetchone()[0])
            assert text_le is (whole <= second), (old, new)


def test_old_seconds_values_in_the_frontier_become_due(frontier: Frontier) -> None:
    """Rows written by an older version (seconds) are rechecked and retried on time."""
    past = (datetime.now(UTC) - timedelta(seconds=2)).strftime(OLD_SECONDS)
    future = (datetime.now(UTC) + timedelta(hours=1)).strftime(OLD_SECONDS)
    frontier.add(["https://a.example/1", "https://a.example/2"], "feed")
    frontier.add(["https://b.example/1", "https://b.example/2"], "feed")
    conn = frontier.conn
    conn.execute("UPDATE frontier SET state = 'done', recheck_at = ? WHERE url LIKE '%/1'", (past,))
    conn.execute(
        "UPDATE frontier SET state = 'done', recheck_at = ? WHERE url LIKE '%a.example/2'",
        (future,),
    )
    conn.execute("UPDATE frontier SET next_attempt_at = ? WHERE url LIKE '%b.example/2'", (future,))
    assert frontier.queue_rechecks() == 2  # both "/1" rows, not the one due in an hour
    assert sorted(frontier.due_hosts()) == ["a.example", "b.example"]
    assert [i.url for i in frontier.claim("b.example", 10)] == ["https://b.example/1"]
