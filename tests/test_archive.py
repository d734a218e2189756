"""Archive: opening, WAL, one-transaction store, deduplicated pages, revisions, error messages."""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path

import pytest

from scraper.archive import CACHE_KIB, Archive
from scraper.archive.schema import SCHEMA_VERSION
from scraper.errors import ArchiveError, ArchiveLockedError
from scraper.models import Article, Image, Page, Quote


def page(url: str = "https://news.example/a", body: bytes = b"<html>one</html>") -> Page:
    return Page(url=url, body=body, fetched_at="2025-03-01T10:00:00+00:00")


def article(headline: str = "Floods hit the valley", **fields: object) -> Article:
    values: dict[str, object] = {
        "headline": headline,
        "body": ["The river rose overnight.", "Residents left their homes."],
    }
    values.update(fields)
    return Article(**values)  # type: ignore[arg-type]


def count(archive: Archive, table: str) -> int:
    return int(archive.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_new_archive_is_wal_with_current_schema(db_path: Path) -> None:
    with Archive(db_path) as archive:
        mode = archive.db.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
        assert archive.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        version = archive.db.execute("SELECT max(version) FROM schema_version").fetchone()[0]
        assert version == SCHEMA_VERSION
        for table in ("articles", "revisions", "images", "quotes", "pages", "page_fetches",
                      "boilerplate", "frontier", "hosts", "runs", "articles_fts"):  # fmt: skip
            assert archive.db[table].exists(), table
        assert "article_overview" in archive.db.view_names()


def test_store_new_then_unchanged_then_updated_keeps_one_revision(db_path: Path) -> None:
    with Archive(db_path) as archive:
        first = archive.store(page(), article())
        again = archive.store(page(), article())
        edited = archive.store(
            page(body=b"<html>two</html>"), article("Floods hit the valley again")
        )
        assert (first.outcome, again.outcome, edited.outcome) == ("new", "unchanged", "updated")
        assert first.article_id == again.article_id == edited.article_id
        assert count(archive, "articles") == 1
        revisions = archive.db.execute("SELECT headline, text FROM revisions").fetchall()
        assert revisions == [
            ("Floods hit the valley", "The river rose overnight.\n\nResidents left their homes.")
        ]
        current = archive.db.execute("SELECT headline FROM articles").fetchone()[0]
        assert current == "Floods hit the valley again"


def test_metadata_change_updates_without_revision(db_path: Path) -> None:
    with Archive(db_path) as archive:
        archive.store(page(), article())
        result = archive.store(page(), article(authors=["Jane Doe"]))
        assert result.outcome == "updated"
        assert count(archive, "revisions") == 0
        assert archive.db.execute("SELECT authors FROM articles").fetchone()[0] == '["Jane Doe"]'


def test_same_body_at_two_urls_is_stored_once_and_both_fetches_recorded(db_path: Path) -> None:
    with Archive(db_path) as archive:
        archive.store(page("https://news.example/a"), None)
        result = archive.store(page("https://news.example/a?utm=x"), None)
        assert result.outcome == "page_only" and result.article_id is None
        assert count(archive, "pages") == 1
        assert count(archive, "page_fetches") == 2
        stored = archive.db.execute("SELECT body, size FROM pages").fetchone()
        assert zlib.decompress(stored[0]) == b"<html>one</html>" and stored[1] == 16


def test_record_is_keyed_by_canonical_url(db_path: Path) -> None:
    with Archive(db_path) as archive:
        canonical = "https://news.example/story"
        a = archive.store(page("https://news.example/story?x=1"), article(canonical_url=canonical))
        b = archive.store(page("https://m.news.example/story"), article(canonical_url=canonical))
        assert a.url == b.url == canonical
        assert a.article_id == b.article_id
        assert count(archive, "articles") == 1


def test_images_and_quotes_are_replaced_not_duplicated(db_path: Path) -> None:
    images = [Image(url="https://news.example/1.jpg", caption="The river")]
    quotes = [Quote(text="We left at night", speaker="Ana Pop", paragraph=1)]
    with Archive(db_path) as archive:
        archive.store(page(), article(images=images, quotes=quotes))
        archive.store(page(), article(images=[*images, Image(url="https://news.example/2.jpg")],
                                      quotes=quotes))  # fmt: skip
        assert count(archive, "images") == 2
        assert count(archive, "quotes") == 1
        speaker = archive.db.execute("SELECT speaker FROM quotes").fetchone()[0]
        assert speaker == "Ana Pop"
        row = archive.db.execute("SELECT images, quotes FROM article_overview").fetchone()
        assert row == (2, 1)


def test_failed_store_leaves_nothing_behind(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object) -> None:
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr("scraper.archive.store._insert_children", crash)
    with Archive(db_path) as archive:
        with pytest.raises(RuntimeError):
            archive.store(page(), article())
        assert count(archive, "pages") == 0
        assert count(archive, "articles") == 0


def test_not_a_database_gives_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not SQLite\n" * 200)
    with pytest.raises(ArchiveError, match="not a usable SQLite archive"):
        Archive(path)


def test_readonly_missing_file_is_an_error_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(ArchiveError, match="no archive here"):
        Archive(path, readonly=True)
    assert not path.exists()


def test_readonly_archive_refuses_writes(db_path: Path) -> None:
    Archive(db_path).close()
    with Archive(db_path, readonly=True) as archive, pytest.raises(sqlite3.OperationalError):
        archive.db.execute("DELETE FROM articles")


def test_locked_archive_gives_locked_error(db_path: Path) -> None:
    Archive(db_path).close()
    holder = sqlite3.connect(db_path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        with Archive(db_path, timeout=0.05) as archive, pytest.raises(ArchiveLockedError):
            archive.store(page(), article())
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_archive_from_newer_scraper_is_refused(db_path: Path) -> None:
    Archive(db_path).close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("INSERT INTO schema_version VALUES (?, 'future')", (SCHEMA_VERSION + 1,))
    conn.close()
    with pytest.raises(ArchiveError, match="newer than this scraper"):
        Archive(db_path)


def test_page_round_trip(db_path: Path) -> None:
    with Archive(db_path) as archive:
        archive.store(Page(url="https://x.example/", body=b"<p>hi</p>",
                           headers={"Content-Type": "text/html; charset=utf-8"}), None)  # fmt: skip
        key = archive.db.execute("SELECT hash FROM pages").fetchone()[0]
        stored = archive.page(key)
        assert stored is not None
        assert stored.body == b"<p>hi</p>" and stored.charset == "utf-8"
        assert archive.page("0" * 64) is None


def test_store_inside_an_outer_transaction_uses_a_savepoint(db_path: Path) -> None:
    with Archive(db_path) as archive:
        with pytest.raises(RuntimeError), archive.transaction():
            archive.store(page(), article())
            assert count(archive, "articles") == 1
            raise RuntimeError("the crawler's step failed")
        assert count(archive, "articles") == 0
        with archive.transaction():
            archive.store(page(), article())
        assert count(archive, "articles") == 1


def test_optimize_keeps_search_results(db_path: Path) -> None:
    with Archive(db_path) as archive:
        for n in range(3):
            archive.store(page(f"https://news.example/{n}", str(n).encode()), article(f"Flood {n}"))
        archive.optimize()
        hits = archive.db.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'flood'"
        ).fetchone()[0]
        assert hits == 3


def test_page_cache_is_a_parameter_with_a_modest_default(db_path: Path) -> None:
    with Archive(db_path) as archive:
        assert archive.db.execute("PRAGMA cache_size").fetchone()[0] == -CACHE_KIB
    assert CACHE_KIB <= 16_000  # a crawl's memory must stay flat (issue 4)
    with Archive(db_path, cache_kib=64_000) as archive:
        assert archive.db.execute("PRAGMA cache_size").fetchone()[0] == -64_000
    with Archive(db_path, readonly=True, cache_kib=4_000) as archive:
        assert archive.db.execute("PRAGMA cache_size").fetchone()[0] == -4_000


def test_page_body_round_trips_at_the_fast_compression_level(db_path: Path) -> None:
    html = b"<html><p>" + b"The river rose overnight. " * 200 + b"</p></html>"
    with Archive(db_path) as archive:
        archive.store(page(body=html), article())
        stored = archive.db.execute("SELECT body, size FROM pages").fetchone()
        assert zlib.decompress(stored[0]) == html and stored[1] == len(html)
        assert len(stored[0]) < len(html) / 10


def fts_segments(archive: Archive) -> int:
    # FTS5 keeps one row per (segment, term prefix) in its %_idx table.
    return int(
        archive.db.execute("SELECT count(DISTINCT segid) FROM articles_fts_idx").fetchone()[0]
    )


def test_merge_reduces_fts_segments_and_keeps_results(db_path: Path) -> None:
    with Archive(db_path) as archive:
        for n in range(12):  # one transaction each: one new FTS segment each
            archive.store(page(f"https://news.example/{n}", str(n).encode()), article(f"Flood {n}"))
        before = fts_segments(archive)
        archive.merge(pages=1000)
        assert fts_segments(archive) < before
        hits = archive.db.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'flood'"
        ).fetchone()[0]
        assert hits == 12
        archive.db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
