"""The SQLite archive: one file with raw pages, article records, revisions and full-text search.

``Archive`` opens (creating and migrating) the file and stores a page with its record in one
transaction; the query side lives in ``search``, ``export`` and ``stats``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

from sqlite_utils import Database

from scraper.archive import boilerplate
from scraper.archive.fts import index_pending
from scraper.archive.schema import SCHEMA_VERSION, current_version, migrate
from scraper.archive.store import (
    StoreResult,
    article_row,
    insert_page,
    now_utc,
    save_revision,
    site_of,
    update_article,
    upsert_article,
)
from scraper.errors import ArchiveError, ArchiveLockedError
from scraper.models import Article, Page

__all__ = [
    "CACHE_KIB",
    "Archive",
    "StoreResult",
    "archive_errors",
    "is_writable",
    "open_for_reading",
    "stored_version",
    "upgrade",
]

#: How long a writer waits for another writer's transaction before giving up (seconds).
BUSY_TIMEOUT = 30.0
#: Default SQLite page cache of a connection, in KiB. 16 MB keeps a long crawl's memory flat
#: (64 MB made it grow by ~44 MB over 4,000 pages) and costs bulk ingest little, because the
#: hot pages are the right edges of the indexes and the FTS segments being merged. Pass
#: ``cache_kib`` for a bigger cache in a one-off bulk import.
CACHE_KIB = 16_000
#: How much FTS merging ``Archive.merge`` does per index (leaf pages of about 4 KiB).
MERGE_PAGES = 500
#: In bulk mode, queued rows are indexed once at least this many articles were stored since
#: the last indexing (and when bulk mode ends): searches lag by at most this many articles.
BULK_INDEX_EVERY = 5_000


@contextmanager
def archive_errors(path: str | Path) -> Iterator[None]:
    """Turn SQLite's errors into one-line ArchiveErrors that name the file."""
    try:
        yield
    except sqlite3.OperationalError as err:
        message = str(err)
        if "locked" in message or "busy" in message:
            raise ArchiveLockedError(
                f"{path}: the archive stayed locked by another writer; try again later"
            ) from None
        raise ArchiveError(f"{path}: {message}") from None
    except sqlite3.DatabaseError as err:
        raise ArchiveError(
            f"{path}: not a usable SQLite archive ({err}); restore it from a backup "
            "or pass another --db"
        ) from None


def _connect(path: Path, readonly: bool, timeout: float) -> sqlite3.Connection:
    if readonly:
        if not path.exists():
            raise ArchiveError(f"{path}: no archive here; create one with `scraper crawl` or "
                               "`scraper import`, or pass --db")  # fmt: skip
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        return sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None,
                               check_same_thread=False)  # fmt: skip
    if path.is_dir():
        raise ArchiveError(f"{path}: is a folder; pass a file name with --db")
    return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)


class Archive:
    """One archive file. Writers serialise on SQLite's lock; readers never block (WAL).

    Use one ``Archive`` per thread at a time. ``readonly=True`` opens the file with
    ``mode=ro`` so no statement can change it, and never creates or migrates it.
    ``cache_kib`` sets SQLite's page cache (default ``CACHE_KIB``).
    """

    def __init__(
        self,
        path: str | Path,
        readonly: bool = False,
        timeout: float = BUSY_TIMEOUT,
        cache_kib: int = CACHE_KIB,
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.cache_kib = cache_kib
        self._learned: dict[str, set[str]] = {}
        self._bulk = False
        self._unindexed = 0
        with archive_errors(self.path):
            conn = _connect(self.path, readonly, timeout)
            try:
                self.db = Database(conn)
                self._prepare(conn, readonly, timeout)
            except BaseException:
                conn.close()
                raise

    def _prepare(self, conn: sqlite3.Connection, readonly: bool, timeout: float) -> None:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA cache_size = -{int(self.cache_kib)}")
        version = current_version(self.db)
        self._refuse_unreadable_version(conn, version, readonly)
        if readonly:
            conn.execute("PRAGMA query_only = ON")
            return
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        migrate(self.db)
        if conn.execute("SELECT 1 FROM fts_pending LIMIT 1").fetchone():
            self.index_pending()  # rows queued by a writer that died before indexing them

    def _refuse_unreadable_version(
        self, conn: sqlite3.Connection, version: int, readonly: bool
    ) -> None:
        """Refuse, before anything is written, another program's database and versions this
        scraper cannot read; an empty file is a new archive for writers."""
        if version == 0:
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%' AND name != 'schema_version' ORDER BY name"
                )
            ]
            if tables:
                raise ArchiveError(
                    f"{self.path}: an SQLite database of another program (tables: "
                    f"{', '.join(tables[:3])}{', ...' if len(tables) > 3 else ''}), "
                    "not a scraper archive; pass another --db"
                )
            if readonly:
                raise ArchiveError(
                    f"{self.path}: an empty file, not an archive yet; create one with "
                    "`scraper crawl` or `scraper import`, or pass another --db"
                )
        if version > SCHEMA_VERSION:
            raise ArchiveError(
                f"{self.path}: archive schema version {version} is newer than this scraper "
                f"({SCHEMA_VERSION}); upgrade the scraper"
            )
        if readonly and version < SCHEMA_VERSION:
            raise ArchiveError(
                f"{self.path}: archive schema version {version}, this scraper reads "
                f"{SCHEMA_VERSION}; upgrade it with `scraper migrate --db {self.path}` "
                "(needs write access to the file and its folder)"
            )

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.db.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (``BEGIN IMMEDIATE``): committed on success, else rolled back.

        Inside an open transaction it becomes a savepoint, so the outer one stays in charge.
        """
        conn = self.db.conn
        begin, commit, rollback = "BEGIN IMMEDIATE", "COMMIT", "ROLLBACK"
        if conn.in_transaction:
            begin, commit = "SAVEPOINT archive_store", "RELEASE archive_store"
            rollback = "ROLLBACK TO archive_store; RELEASE archive_store"
        with archive_errors(self.path):
            conn.execute(begin)
            try:
                yield conn
            except BaseException:
                for statement in rollback.split("; "):
                    conn.execute(statement)
                raise
            conn.execute(commit)

    # -- writing ---------------------------------------------------------------------------

    def store(self, page: Page, article: Article | None, run_id: int | None = None) -> StoreResult:
        """Store a raw page and its record in ONE transaction; see ``StoreResult.outcome``."""
        with self.transaction() as conn:
            result = self._store(page, article, run_id)
            self._index(conn, 1)
            return result

    def store_many(
        self, items: Iterable[tuple[Page, Article | None]], run_id: int | None = None
    ) -> list[StoreResult]:
        """Bulk path: the same work as ``store`` for each item, all in one transaction."""
        with self.transaction() as conn:
            results = [self._store(page, article, run_id) for page, article in items]
            self._index(conn, len(results))
            return results

    def _index(self, conn: sqlite3.Connection, stored: int) -> None:
        # Outside bulk mode the transaction commits with its rows searchable.
        self._unindexed += stored
        if not self._bulk or self._unindexed >= BULK_INDEX_EVERY:
            index_pending(conn)
            self._unindexed = 0

    @contextmanager
    def bulk(self) -> Iterator[Archive]:
        """Bulk mode for imports: full-text indexing every ``BULK_INDEX_EVERY`` articles.

        Each store still commits on its own with its rows queued in ``fts_pending``, so a
        crash loses nothing (the next writer indexes the queue); searches meanwhile miss at
        most ``BULK_INDEX_EVERY`` articles. Leaving the block indexes the rest.
        """
        self._bulk = True
        try:
            yield self
        finally:
            self._bulk = False
            self.index_pending()

    def index_pending(self) -> int:
        """Index every queued row now (one transaction); return how many were queued."""
        with self.transaction() as conn:
            self._unindexed = 0
            return index_pending(conn)

    def _store(self, page: Page, article: Article | None, run_id: int | None) -> StoreResult:
        conn = self.db.conn
        key = insert_page(conn, page, run_id)
        if article is None:
            return StoreResult("page_only", None, page.url)
        url = article.canonical_url or page.url
        site = site_of(article, url)
        article = self.without_boilerplate(article, site)
        seen_at = page.fetched_at or now_utc()
        result = upsert_article(conn, article, page, key, seen_at)
        if result.outcome in ("new", "updated") and boilerplate.note_stored(self.db, site):
            boilerplate.learn(self.db, site)
            self._learned.pop(site, None)
        return result

    def replace_record(self, article_id: int, article: Article, revision: bool = False) -> bool:
        """Overwrite a stored record in place (``reextract``); True when anything changed.

        The row keeps its URL, timestamps and page; a revision is saved only when asked,
        because a new extractor changing a record is not the publisher changing the article.
        """
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT url, fetched_url, record_hash FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None:
                raise ArchiveError(f"{self.path}: no article with id {article_id}")
            article = self.without_boilerplate(article, site_of(article, row[0]))
            new = article_row(article, row[0], row[1])
            if new["record_hash"] == row[2]:
                return False
            if revision:
                save_revision(conn, article_id, now_utc())
            update_article(conn, article_id, new, article)
            self._index(conn, 1)
            return True

    def optimize(self) -> None:
        """Merge each full-text index into one segment (faster searches after a big load).

        Rewrites the whole index, so call it after a large import or crawl, not per page.
        """
        self.index_pending()
        with archive_errors(self.path):
            for table in ("articles_fts", "quotes_fts"):
                self.db.conn.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
            self.db.conn.execute("PRAGMA optimize")

    def merge(self, pages: int = MERGE_PAGES) -> None:
        """Do a bounded amount of FTS segment merging (about ``pages`` leaf pages per index).

        Cheap enough for the end of every crawl run, unlike ``optimize``; repeated runs keep
        the number of segments, and so search time, from creeping up between optimizes.
        """
        with archive_errors(self.path), self.transaction() as conn:
            index_pending(conn)
            for table in ("articles_fts", "quotes_fts"):
                conn.execute(f"INSERT INTO {table}({table}, rank) VALUES ('merge', ?)", (pages,))

    # -- boilerplate -----------------------------------------------------------------------

    def learned_boilerplate(self, site: str) -> set[str]:
        """The site's enabled learned boilerplate, as normalised paragraphs."""
        if not boilerplate.is_enabled(self.db, site):
            return set()
        rows = self.db.conn.execute(
            "SELECT paragraph FROM boilerplate WHERE site = ? AND enabled = 1", (site,)
        )
        return {boilerplate.normalise(row[0]) for row in rows}

    def without_boilerplate(self, article: Article, site: str) -> Article:
        """``article`` with the site's learned boilerplate dropped and quotes recomputed."""
        if site not in self._learned:
            self._learned[site] = boilerplate.learned_hashes(self.db, site)
        body = boilerplate.drop_learned(article.body, self._learned[site])
        if len(body) == len(article.body):
            return article
        from scraper.extract.quotes import find_quotes

        return dataclasses.replace(article, body=body, quotes=find_quotes(body, article.language))

    def learn_boilerplate(self, site: str) -> int:
        """Relearn the site's boilerplate now; return how many paragraphs qualify."""
        with self.transaction():
            count = boilerplate.learn(self.db, site)
        self._learned.pop(site, None)
        return count

    def set_boilerplate_enabled(self, site: str, enabled: bool) -> None:
        """Switch dropping of learned boilerplate on or off for one site."""
        with self.transaction():
            boilerplate.set_enabled(self.db, site, enabled)
        self._learned.pop(site, None)

    # -- reading ---------------------------------------------------------------------------

    def page(self, page_hash: str) -> Page | None:
        """The raw page stored under ``page_hash`` (body decompressed), or None."""
        row = self.db.conn.execute(
            "SELECT url, body, status, headers, fetched_at FROM pages WHERE hash = ?", (page_hash,)
        ).fetchone()
        if row is None:
            return None
        return Page(
            url=row[0],
            body=zlib.decompress(row[1]),
            status=row[2] or 200,
            headers=json.loads(row[3] or "{}"),
            fetched_at=row[4] or "",
        )


# -- schema upgrades for readers ---------------------------------------------------------------


def is_writable(path: Path) -> bool:
    """Whether this process may change ``path`` and create its -wal and -shm files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def stored_version(path: str | Path) -> int:
    """The schema version in the file, read without changing it (0: not an archive yet)."""
    path = Path(path)
    with archive_errors(path):
        conn = _connect(path, readonly=True, timeout=BUSY_TIMEOUT)
        try:
            return current_version(Database(conn))
        finally:
            conn.close()


def upgrade(path: str | Path) -> tuple[int, int]:
    """Bring an archive to ``SCHEMA_VERSION``; return the versions before and after.

    Opening for writing is what migrates, so this runs exactly the writers' migrations.
    """
    before = stored_version(path)
    with Archive(path) as archive:
        return before, current_version(archive.db)


def open_for_reading(
    path: str | Path, on_upgrade: Callable[[int, int], None] | None = None
) -> Archive:
    """Open read-only; an archive of an older schema is upgraded first when the file is
    writable (``on_upgrade(before, after)`` is told), else the read-only open explains how."""
    path = Path(path)
    version = stored_version(path)
    if 0 < version < SCHEMA_VERSION and is_writable(path):
        before, after = upgrade(path)
        if on_upgrade is not None:
            on_upgrade(before, after)
    return Archive(path, readonly=True)
