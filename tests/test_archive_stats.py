"""Per-site statistics: counts, date range, errors, and recent-versus-older field coverage."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from scraper.archive import Archive
from scraper.archive.stats import coverage_drops, site_stats
from scraper.models import Article, Page


def _day(days_ago: int) -> str:
    return (datetime(2025, 6, 30, tzinfo=UTC) - timedelta(days=days_ago)).isoformat()


def test_redesign_shows_as_coverage_drop(db_path: Path) -> None:
    with Archive(db_path) as archive:
        # 6 older articles with authors, then 4 recent ones (last week) where authors vanished.
        for n in range(10):
            recent = n >= 6
            page = Page(url=f"https://s.example/{n}", body=str(n).encode(),
                        fetched_at=_day(2 if recent else 30 + n))  # fmt: skip
            article = Article(headline=f"H{n}", body=["text"], published=_day(30 + n)[:10],
                              authors=[] if recent else ["Ann Lee"])  # fmt: skip
            archive.store(page, article)
        archive.db.execute(
            "INSERT INTO frontier (url, host, site, state) VALUES "
            "('https://s.example/x', 's.example', 's.example', 'failed'),"
            "('https://s.example/y', 's.example', 's.example', 'done')"
        )
        (entry,) = site_stats(archive.db.conn)
    assert entry["site"] == "s.example" and entry["articles"] == 10
    assert entry["first_published"] == "2025-05-22" and entry["last_published"] == "2025-05-31"
    assert entry["errors"] == 1
    assert entry["recent_articles"] == 4
    assert entry["coverage_recent"]["authors"] == 0.0
    assert entry["coverage_older"]["authors"] == 1.0
    assert entry["coverage_recent"]["headline"] == entry["coverage_older"]["headline"] == 1.0
    assert coverage_drops(entry) == ["authors"]


def test_empty_archive_has_no_sites(db_path: Path) -> None:
    with Archive(db_path) as archive:
        assert site_stats(archive.db.conn) == []
