"""Schema migrations: a fresh file gets every version; an older archive is upgraded, data kept."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from scraper.archive import Archive
from scraper.archive.schema import MIGRATIONS, SCHEMA_VERSION, current_version, migrate

#: A version-1 archive (before word/image/quote counts and the overview view), written by
#: ``build_v1_archive`` below and committed so the upgrade is tested on a real old file.
V1_FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "archive" / "v1.db"


def build_v1_archive(path: Path) -> None:
    """The older-schema builder: migration 1 only, plus one article with an image and a quote."""
    conn = sqlite3.connect(path, isolation_level=None)
    db = Database(conn)
    migrate(db, MIGRATIONS[:1])
    conn.execute(
        "INSERT INTO pages (hash, url, body, size) VALUES ('h1', 'https://a.example/1', x'00', 1)"
    )
    conn.execute(
        "INSERT INTO articles (id, url, site, headline, body, text, first_seen, last_seen, page_hash) "
        "VALUES (1, 'https://a.example/1', 'a.example', 'Old headline', '[\"one two three\", \"four\"]', "
        "'one two three\n\nfour', '2024-01-01T00:00:00+00:00', '2024-01-02T00:00:00+00:00', 'h1')"
    )
    conn.execute(
        "INSERT INTO images (article_id, position, url) VALUES (1, 0, 'https://a.example/i.jpg')"
    )
    conn.execute(
        "INSERT INTO quotes (article_id, position, text, speaker) VALUES (1, 0, 'four', 'Ann')"
    )
    conn.close()


def test_fresh_archive_applies_every_migration(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    db = Database(conn)
    assert current_version(db) == 0
    assert migrate(db) == SCHEMA_VERSION == len(MIGRATIONS)
    assert migrate(db) == SCHEMA_VERSION  # idempotent
    rows = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert [r[0] for r in rows] == list(range(1, SCHEMA_VERSION + 1))
    conn.close()


def test_v1_fixture_is_upgraded_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(V1_FIXTURE, path)
    with Archive(path) as archive:
        assert current_version(archive.db) == SCHEMA_VERSION
        row = archive.db.execute(
            "SELECT url, headline, authors, word_count, images, quotes FROM article_overview"
        ).fetchone()
        assert row == ("https://a.example/1", "Old headline", None, 4, 1, 1)
        # The FTS index built by version 1 still finds the old article.
        hit = archive.db.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'three'"
        ).fetchall()
        assert hit == [(1,)]


def test_v3_archive_gains_learn_count_and_keeps_its_learning_state(tmp_path: Path) -> None:
    path = tmp_path / "v3.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(Database(conn), MIGRATIONS[:3])
    conn.execute(
        "INSERT INTO site_settings (site, stored_since_learning, learned_at) "
        "VALUES ('a.example', 7, '2024-01-01T00:00:00+00:00')"
    )
    conn.close()
    with Archive(path) as archive:
        assert current_version(archive.db) == SCHEMA_VERSION >= 4
        row = archive.db.execute(
            "SELECT stored_since_learning, learned_at, learn_count FROM site_settings"
        ).fetchone()
        assert row == (7, "2024-01-01T00:00:00+00:00", 0)


def test_builder_reproduces_the_committed_fixture_schema(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    build_v1_archive(path)
    built, committed = sqlite3.connect(path), sqlite3.connect(V1_FIXTURE)
    try:
        query = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        assert built.execute(query).fetchall() == committed.execute(query).fetchall()
    finally:
        built.close()
        committed.close()


def test_failed_migration_rolls_back_and_keeps_version(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "a.db", isolation_level=None)
    db = Database(conn)

    def broken(db: Database) -> None:
        db.conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("migration bug")

    with pytest.raises(RuntimeError):
        migrate(db, [*MIGRATIONS, broken])
    assert current_version(db) == SCHEMA_VERSION
    assert not db["half_done"].exists()
    conn.close()


if __name__ == "__main__":  # regenerate the fixture: python tests/test_archive_schema.py
    V1_FIXTURE.unlink(missing_ok=True)
    build_v1_archive(V1_FIXTURE)


#: How Datasette decides that a table has a full-text index (its detect_fts query, restated).
DATASETTE_DETECTS_FTS = """
SELECT name FROM sqlite_master WHERE rootpage = 0 AND (
    sql LIKE '%VIRTUAL TABLE%USING FTS%content="' || :table || '"%'
    OR sql LIKE '%VIRTUAL TABLE%USING FTS%content=[' || :table || ']%'
)
"""


def test_datasette_finds_the_fts_indexes_after_upgrading_v1(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shutil.copy(V1_FIXTURE, path)
    with Archive(path) as archive:
        conn = archive.db.conn
        for table, fts in (("articles", "articles_fts"), ("quotes", "quotes_fts")):
            found = conn.execute(DATASETTE_DETECTS_FTS, {"table": table}).fetchall()
            assert found == [(fts,)]
        # Rebuilt from the tables, and the triggers still feed them (through the v7 queue).
        assert conn.execute(
            "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'ann'"
        ).fetchall() == [(1,)]
        conn.execute("UPDATE articles SET headline = 'Fresh words' WHERE id = 1")
        assert archive.index_pending() == 1
        hits = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'fresh'")
        assert hits.fetchall() == [(1,)]


def fts_automerge(conn: sqlite3.Connection, table: str) -> int | None:
    """The ``automerge`` stored in an FTS5 index's config table (None: SQLite's default 4)."""
    row = conn.execute(f"SELECT v FROM {table}_config WHERE k = 'automerge'").fetchone()
    return None if row is None else int(row[0])


def test_v5_archive_upgrades_to_fts_automerge_8_and_still_searches(tmp_path: Path) -> None:
    path = tmp_path / "v5.db"
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(Database(conn), MIGRATIONS[:5])
    conn.execute("INSERT INTO pages (hash, url, body, size) VALUES ('h1', 'u', x'00', 1)")
    conn.execute(
        "INSERT INTO articles (id, url, headline, text, page_hash) "
        "VALUES (1, 'https://a.example/1', 'Kept headline', 'alpha beta', 'h1')"
    )
    assert fts_automerge(conn, "articles_fts") is None  # version 5: SQLite's default
    conn.close()
    with Archive(path) as archive:
        conn = archive.db.conn
        assert current_version(archive.db) == SCHEMA_VERSION >= 6
        assert fts_automerge(conn, "articles_fts") == 8
        assert fts_automerge(conn, "quotes_fts") == 8
        hits = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'beta'")
        assert hits.fetchall() == [(1,)]


def test_fresh_archive_has_fts_automerge_8(tmp_path: Path) -> None:
    with Archive(tmp_path / "a.db") as archive:
        assert fts_automerge(archive.db.conn, "articles_fts") == 8
        assert fts_automerge(archive.db.conn, "quotes_fts") == 8
