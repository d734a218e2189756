"""Analysts' SQL runs read-only: reads work, writes, ATTACH, VACUUM INTO and writing PRAGMAs
are refused, and no file is ever created."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.archive import Archive
from scraper.archive.query import run_read_only
from scraper.errors import UsageError


@pytest.fixture
def ro_archive(tmp_path: Path) -> Path:
    db = tmp_path / "archive.db"
    Archive(db).close()
    return db


def test_reads_and_reading_pragmas_work(ro_archive: Path) -> None:
    with Archive(ro_archive, readonly=True) as archive:
        conn = archive.db.conn
        assert run_read_only(conn, "SELECT count(*) FROM articles").fetchone() == (0,)
        columns = [row[1] for row in run_read_only(conn, "PRAGMA table_info(articles)")]
        assert "headline" in columns


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM articles",
        "PRAGMA journal_mode=delete",
        "PRAGMA user_version = 7",
        "ATTACH DATABASE '{other}' AS other",
        "  vacuum INTO '{other}'",
    ],
)
def test_writes_and_side_doors_are_refused(ro_archive: Path, tmp_path: Path, sql: str) -> None:
    other = tmp_path / "other.db"
    with (
        Archive(ro_archive, readonly=True) as archive,
        pytest.raises(UsageError, match="read-only"),
    ):
        run_read_only(archive.db.conn, sql.format(other=other))
    assert not other.exists()


def test_bad_sql_is_a_usage_error(ro_archive: Path) -> None:
    with (
        Archive(ro_archive, readonly=True) as archive,
        pytest.raises(UsageError, match="query failed"),
    ):
        run_read_only(archive.db.conn, "SELEC 1")
