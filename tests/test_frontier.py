"""Frontier, hosts and runs queries over a real archive file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scraper.archive import Archive
from scraper.archive.frontier import Frontier, next_recheck
from scraper.clock import iso, to_epoch
from scraper.fetch import HostState


@pytest.fixture
def frontier(db_path: Path) -> Iterator[Frontier]:
    with Archive(db_path) as archive:
        yield Frontier(archive.db.conn)


def test_add_is_idempotent_and_keeps_published(frontier: Frontier) -> None:
    added = frontier.add(
        [("https://a.example/1", "2025-01-01"), "https://a.example/2"], "feed", site="A"
    )
    assert added == 2
    assert frontier.add(["https://a.example/1", "https://b.example:8080/x"], "link") == 1
    rows = frontier.conn.execute(
        "SELECT url, host, site, source, published FROM frontier ORDER BY url"
    )
    assert list(rows) == [
        ("https://a.example/1", "a.example", "A", "feed", "2025-01-01"),
        ("https://a.example/2", "a.example", "A", "feed", None),
        ("https://b.example:8080/x", "b.example:8080", None, "link", None),
    ]


def test_claim_by_host_priority_then_age_and_recover(frontier: Frontier) -> None:
    frontier.add(["https://a.example/low"], "link", priority=0)
    frontier.add(["https://a.example/high"], "feed", priority=2)
    frontier.add(["https://b.example/other"], "feed")
    assert sorted(frontier.due_hosts()) == ["a.example", "b.example"]
    claimed = frontier.claim("a.example", 1)
    assert [i.url for i in claimed] == ["https://a.example/high"]
    assert frontier.state_of("https://a.example/high") == "fetching"
    assert frontier.due_hosts(exclude=["b.example"]) == ["a.example"]
    # A killed run leaves 'fetching' rows; the next run puts them back.
    assert frontier.recover() == 1
    assert frontier.state_of("https://a.example/high") == "pending"


def test_finish_states_and_deferral(frontier: Frontier) -> None:
    frontier.add(["https://a.example/1", "https://a.example/2", "https://a.example/3"], "feed")
    frontier.claim("a.example", 3)
    frontier.finish("https://a.example/1", "done", status=200, etag='"x"', recheck_at=None)
    frontier.finish("https://a.example/2", "failed", status=500, error="HTTP 500 after 4 attempts")
    later = iso(datetime.now(UTC) + timedelta(hours=1))
    frontier.finish("https://a.example/3", "failed", error="host paused", retry_at=later)
    assert frontier.counts() == {"done": 1, "failed": 1, "pending": 1}
    row = frontier.conn.execute(
        "SELECT etag, attempts, fetched_at FROM frontier WHERE url = 'https://a.example/1'"
    ).fetchone()
    assert row[0] == '"x"' and row[1] == 1 and row[2]
    # The deferred URL is pending but not due yet: no host has work now.
    assert frontier.due_hosts() == []
    assert frontier.claim("a.example", 10) == []


def test_rechecks_come_back_when_due(frontier: Frontier) -> None:
    frontier.add(["https://a.example/old", "https://a.example/new"], "feed")
    frontier.claim("a.example", 2)
    past = iso(datetime.now(UTC) - timedelta(minutes=1))
    future = iso(datetime.now(UTC) + timedelta(hours=5))
    frontier.finish("https://a.example/old", "done", recheck_at=past)
    frontier.finish("https://a.example/new", "done", recheck_at=future)
    assert frontier.queue_rechecks() == 1
    assert [i.url for i in frontier.claim("a.example", 10)] == ["https://a.example/old"]


def test_next_recheck_decays_and_stops() -> None:
    published = datetime(2025, 5, 1, 12, 0, tzinfo=UTC)
    at = published.isoformat()
    assert next_recheck(at, at, now=published + timedelta(minutes=30)) == iso(
        published + timedelta(hours=1)
    )
    assert next_recheck(at, at, now=published + timedelta(hours=2)) == iso(
        published + timedelta(hours=6)
    )
    assert next_recheck(at, at, now=published + timedelta(hours=30)) == iso(
        published + timedelta(hours=72)
    )
    assert next_recheck(at, at, now=published + timedelta(days=4)) is None
    # No usable publication date: the first-seen time stands in.
    seen = iso(published)
    assert next_recheck("last Tuesday", seen, now=published) == iso(published + timedelta(hours=1))


def test_hosts_round_trip(frontier: Frontier) -> None:
    assert frontier.load_host("a.example") is None
    state = HostState(
        "a.example",
        robots_txt="User-agent: *\n",
        robots_fetched_at=1_700_000_000.5,
        crawl_delay=2.0,
        backoff_until=1_800_000_000.0,
        consecutive_failures=3,
    )
    frontier.save_host(state)
    loaded = frontier.load_host("a.example")
    assert loaded is not None
    assert (loaded.robots_txt, loaded.crawl_delay, loaded.consecutive_failures) == (
        "User-agent: *\n",
        2.0,
        3,
    )
    assert loaded.robots_fetched_at == pytest.approx(1_700_000_000.5, abs=0.01)
    assert loaded.backoff_until == pytest.approx(1_800_000_000.0)
    assert loaded.paused_until == 0.0
    stored = frontier.conn.execute("SELECT backoff_until FROM hosts").fetchone()[0]
    assert stored.startswith("2027-01-15T08:00:00")  # readable ISO in the table


def test_runs_rows(frontier: Frontier) -> None:
    run_id = frontier.start_run("crawl", {"targets": ["x"], "max_pages": 5})
    frontier.finish_run(run_id, "partial", {"pages_fetched": 7, "articles_new": 3, "errors": 1})
    row = frontier.conn.execute(
        "SELECT command, arguments, status, pages_fetched, articles_new, errors, finished_at, pid FROM runs"
    ).fetchone()
    assert row[0] == "crawl" and json.loads(row[1]) == {"targets": ["x"], "max_pages": 5}
    assert row[2:6] == ("partial", 7, 3, 1) and row[6] and row[7]


def test_to_epoch_tolerates_junk() -> None:
    assert to_epoch(None) == 0.0
    assert to_epoch("not a date") == 0.0
    assert to_epoch("2025-01-01T00:00:00") == datetime(2025, 1, 1, tzinfo=UTC).timestamp()


def test_transient_failures_get_a_few_more_runs(frontier: Frontier) -> None:
    urls = ["https://a.example/500", "https://a.example/404", "https://a.example/net"]
    frontier.add(urls, "feed")
    frontier.claim("a.example", 3)
    frontier.finish(urls[0], "failed", status=503, error="HTTP 503 after 4 attempts")
    frontier.finish(urls[1], "failed", status=404, error="HTTP 404")
    frontier.finish(urls[2], "failed", error="timed out after 4 attempts")
    assert frontier.retry_failed(max_attempts=2) == 2
    assert frontier.state_of(urls[1]) == "failed"  # a 404 is not coming back
    frontier.claim("a.example", 3)
    for url in (urls[0], urls[2]):
        frontier.finish(url, "failed", status=503)
    assert frontier.retry_failed(max_attempts=2) == 0  # two attempts used up
