"""Full-text indexing through the ``fts_pending`` queue (schema v7): immediate outside bulk
mode, deferred but crash-safe inside it, and upgrades of older archives."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database
from typer.testing import CliRunner

import scraper.archive as archive_module
from scraper.archive import Archive
from scraper.archive.fts import pending_count
from scraper.archive.schema import MIGRATIONS, SCHEMA_VERSION, current_version, migrate
from scraper.cli import app
from scraper.models import Article, Page, Quote

V1_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "archive" / "v1.db"


def item(n: int, headline: str = "Floods hit the valley") -> tuple[Page, Article]:
    url = f"https://news.example/{n}"
    body = ["The river rose overnight.", f"Residents of street {n} left their homes."]
    quote = Quote(text="We lost everything", speaker="Ann Lee", cue="said", paragraph=1)
    page = Page(url=url, body=f"<html>{n}</html>".encode(), fetched_at="2025-03-01T10:00:00Z")
    return page, Article(headline=headline, body=body, quotes=[quote])


def hits(conn: sqlite3.Connection, query: str, table: str = "articles_fts") -> list[int]:
    rows = conn.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ? ORDER BY rowid", (query,))
    return [row[0] for row in rows]


def integrity_check(conn: sqlite3.Connection) -> None:
    for table in ("articles_fts", "quotes_fts"):
        conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_stored_articles_are_searchable_when_store_returns(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as archive:
        archive.store(*item(1))
        archive.store_many([item(2), item(3)])
        conn = archive.db.conn
        assert hits(conn, "river") == [1, 2, 3]
        assert hits(conn, "everything", "quotes_fts") == [1, 2, 3]
        assert pending_count(conn) == 0
        integrity_check(conn)


def test_updates_replace_the_indexed_text_queued_or_not(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as archive:
        archive.store(*item(1))
        page, article = item(1, headline="Drought grips the valley")
        archive.store(Page(url=page.url, body=b"<html>v2</html>"), article)
        with archive.bulk():  # queued, then changed again before it is indexed
            archive.store(*item(2))
            page, article = item(2, headline="Heatwave in the valley")
            archive.store(Page(url=page.url, body=b"<html>v2b</html>"), article)
        conn = archive.db.conn
        assert hits(conn, "floods") == []
        assert hits(conn, "drought") == [1]
        assert hits(conn, "heatwave") == [2]
        quote_ids = [row[0] for row in conn.execute("SELECT id FROM quotes ORDER BY id")]
        assert len(quote_ids) == 2  # replaced on update, not added
        assert hits(conn, "everything", "quotes_fts") == quote_ids
        integrity_check(conn)


def test_bulk_mode_indexes_in_chunks_and_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_module, "BULK_INDEX_EVERY", 3)
    with Archive(tmp_path / "a.db") as archive:
        conn = archive.db.conn
        with archive.bulk():
            archive.store_many([item(1), item(2)])
            assert hits(conn, "river") == [] and pending_count(conn) == 2
            archive.store_many([item(3)])
            assert hits(conn, "river") == [1, 2, 3] and pending_count(conn) == 0
            archive.store(*item(4))
            assert pending_count(conn) == 1
        assert hits(conn, "river") == [1, 2, 3, 4] and pending_count(conn) == 0
        integrity_check(conn)


def test_queue_left_by_a_killed_bulk_import_is_indexed_by_the_next_writer(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    code = (
        "import os, sys\n"
        "sys.path.insert(0, sys.argv[2])\n"
        "from test_archive_fts import item\n"
        "from scraper.archive import Archive\n"
        "archive = Archive(sys.argv[1])\n"
        "with archive.bulk():\n"
        "    archive.store_many([item(1), item(2)])\n"
        "    os._exit(9)  # dies like kill -9: no indexing at the end of bulk mode\n"
    )
    tests_dir = str(Path(__file__).parent)
    result = subprocess.run([sys.executable, "-c", code, str(path), tests_dir], check=False)
    assert result.returncode == 9
    with Archive(path, readonly=True) as reader:
        assert pending_count(reader.db.conn) == 2
        assert hits(reader.db.conn, "river") == []
    with Archive(path) as archive:
        assert pending_count(archive.db.conn) == 0
        assert hits(archive.db.conn, "river") == [1, 2]
        integrity_check(archive.db.conn)


def test_v1_archive_upgrades_to_the_queue_and_keeps_its_index(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(V1_FIXTURE, path)
    with Archive(path) as archive:
        conn = archive.db.conn
        assert current_version(archive.db) == SCHEMA_VERSION >= 7
        assert hits(conn, "three") == [1]  # indexed before the upgrade, still found
        hashsize = conn.execute("SELECT v FROM articles_fts_config WHERE k = 'hashsize'")
        assert hashsize.fetchone()[0] == 16 * 1024 * 1024
        archive.store(*item(7))
        assert hits(conn, "river") == [2]
        conn.execute("DELETE FROM articles WHERE id = 1")  # an indexed row leaves the index
        assert hits(conn, "three") == []
        integrity_check(conn)


def test_v6_archive_with_data_upgrades_and_searches(tmp_path: Path) -> None:
    path = tmp_path / "v6.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(Database(conn), MIGRATIONS[:6])
    conn.execute("INSERT INTO pages (hash, url, body, size) VALUES ('h1', 'u', x'00', 1)")
    conn.execute(
        "INSERT INTO articles (id, url, headline, text, page_hash) "
        "VALUES (1, 'https://a.example/1', 'Kept headline', 'alpha beta', 'h1')"
    )
    conn.close()
    with Archive(path) as archive:
        conn = archive.db.conn
        assert hits(conn, "beta") == [1]
        conn.execute("UPDATE articles SET text = 'gamma' WHERE id = 1")
        assert pending_count(conn) == 1 and hits(conn, "beta") == []
        archive.index_pending()
        assert hits(conn, "gamma") == [1] and hits(conn, "beta") == []
        integrity_check(conn)


def test_search_says_how_many_articles_are_not_indexed_yet(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    with Archive(path) as archive:
        archive.store(*item(1))
        archive.db.conn.execute("UPDATE articles SET headline = 'Storm' WHERE id = 1")
    runner = CliRunner()
    result = runner.invoke(app, ["search", "river", "--db", str(path), "--json"])
    assert result.exit_code == 0
    assert "1 articles are not in the search index yet" in result.stderr
    assert json.loads(result.stdout) == []  # unindexed by the raw UPDATE, queued
    with Archive(path):
        pass  # a writer indexes the queue when it opens the archive
    result = runner.invoke(app, ["search", "storm", "--db", str(path), "--json"])
    assert "not in the search index" not in result.stderr
    assert [hit["id"] for hit in json.loads(result.stdout)] == [1]
