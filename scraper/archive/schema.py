"""The archive's tables, indexes, full-text indexes and view, built by an ordered list of migrations.

Append a new function to ``MIGRATIONS`` to change the schema; never edit one that has shipped.
Each migration runs in its own transaction together with the bump of ``schema_version``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime

from sqlite_utils import Database

_V1_TABLES = """
CREATE TABLE pages (
    hash TEXT PRIMARY KEY,
    url TEXT,
    status INTEGER,
    headers TEXT,
    fetched_at TEXT,
    content_type TEXT,
    body BLOB,
    size INTEGER
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT,
    finished_at TEXT,
    command TEXT,
    arguments TEXT,
    status TEXT,
    pages_fetched INTEGER DEFAULT 0,
    articles_new INTEGER DEFAULT 0,
    articles_updated INTEGER DEFAULT 0,
    errors INTEGER DEFAULT 0,
    pid INTEGER
);
CREATE TABLE page_fetches (
    id INTEGER PRIMARY KEY,
    page_hash TEXT NOT NULL REFERENCES pages(hash),
    url TEXT NOT NULL,
    requested_url TEXT,
    status INTEGER,
    fetched_at TEXT,
    run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX page_fetches_url ON page_fetches(url);
CREATE INDEX page_fetches_page_hash ON page_fetches(page_hash);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    fetched_url TEXT,
    site TEXT,
    headline TEXT,
    subheadline TEXT,
    authors TEXT,
    published TEXT,
    modified TEXT,
    language TEXT,
    section TEXT,
    tags TEXT,
    body TEXT,
    text TEXT,
    status TEXT,
    sources TEXT,
    extractor TEXT,
    content_hash TEXT,
    record_hash TEXT,
    first_seen TEXT,
    last_seen TEXT,
    page_hash TEXT REFERENCES pages(hash)
);
CREATE INDEX articles_site_published ON articles(site, published);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_site_first_seen ON articles(site, first_seen);
CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    first_seen TEXT,
    seen_at TEXT,
    replaced_at TEXT,
    headline TEXT,
    body TEXT,
    text TEXT,
    page_hash TEXT REFERENCES pages(hash)
);
CREATE INDEX revisions_article_id ON revisions(article_id);
CREATE TABLE images (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER,
    url TEXT,
    caption TEXT,
    credit TEXT,
    alt TEXT,
    width INTEGER,
    height INTEGER
);
CREATE INDEX images_article_id ON images(article_id);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER,
    text TEXT,
    speaker TEXT,
    cue TEXT,
    paragraph INTEGER,
    start INTEGER,
    "end" INTEGER,
    partial INTEGER
);
CREATE INDEX quotes_article_id ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE TABLE boilerplate (
    site TEXT NOT NULL,
    paragraph_hash TEXT NOT NULL,
    paragraph TEXT,
    article_count INTEGER DEFAULT 0,
    first_seen TEXT,
    enabled INTEGER DEFAULT 1,
    PRIMARY KEY (site, paragraph_hash)
);
CREATE TABLE site_settings (
    site TEXT PRIMARY KEY,
    boilerplate_enabled INTEGER DEFAULT 1,
    stored_since_learning INTEGER DEFAULT 0,
    learned_at TEXT
);
CREATE TABLE frontier (
    url TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    site TEXT,
    source TEXT,
    depth INTEGER DEFAULT 0,
    state TEXT NOT NULL DEFAULT 'pending',
    priority INTEGER DEFAULT 0,
    discovered_at TEXT,
    next_attempt_at TEXT,
    attempts INTEGER DEFAULT 0,
    last_status INTEGER,
    last_error TEXT,
    published TEXT,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT,
    recheck_at TEXT
);
CREATE INDEX frontier_state_next ON frontier(state, next_attempt_at);
CREATE INDEX frontier_host ON frontier(host);
CREATE TABLE hosts (
    host TEXT PRIMARY KEY,
    robots_txt TEXT,
    robots_fetched_at TEXT,
    crawl_delay REAL,
    backoff_until TEXT,
    consecutive_failures INTEGER DEFAULT 0,
    paused_until TEXT,
    last_request_at TEXT
);
"""

# External-content FTS5 tables kept in step by triggers. The update trigger fires only when an
# indexed column changes, so touching last_seen on an unchanged re-store costs no FTS work.
_V1_SEARCH = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(5.0, 1.0)');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, headline, text) VALUES (new.id, new.headline, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, text)
    VALUES ('delete', old.id, old.headline, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, headline, text)
    VALUES ('delete', old.id, old.headline, old.text);
    INSERT INTO articles_fts(rowid, headline, text) VALUES (new.id, new.headline, new.text);
END;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
    VALUES ('delete', old.id, old.text, old.speaker);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker)
    VALUES ('delete', old.id, old.text, old.speaker);
    INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
"""


def _run_script(db: Database, script: str) -> None:
    # executescript() would COMMIT behind our back; run statement by statement instead so the
    # whole migration stays inside the caller's transaction.
    for statement in _split_sql(script):
        db.conn.execute(statement)


def _split_sql(script: str) -> list[str]:
    statements: list[str] = []
    current = ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements


def migration_1_initial(db: Database) -> None:
    """Version 1: every table of the archive, the FTS indexes and the overview view."""
    _run_script(db, _V1_TABLES)
    _run_script(db, _V1_SEARCH)


_V2_COUNTS = """
ALTER TABLE articles ADD COLUMN word_count INTEGER;
ALTER TABLE articles ADD COLUMN image_count INTEGER;
ALTER TABLE articles ADD COLUMN quote_count INTEGER;
UPDATE articles SET
    word_count = archive_word_count(text),
    image_count = (SELECT count(*) FROM images WHERE images.article_id = articles.id),
    quote_count = (SELECT count(*) FROM quotes WHERE quotes.article_id = articles.id);
CREATE VIEW article_overview AS
SELECT
    id, url, site, headline, authors, published, word_count,
    image_count AS images, quote_count AS quotes, status, first_seen, last_seen
FROM articles;
"""


def migration_2_overview(db: Database) -> None:
    """Version 2: per-article word/image/quote counts (backfilled) and the ``article_overview`` view."""
    db.conn.create_function("archive_word_count", 1, word_count, deterministic=True)
    _run_script(db, _V2_COUNTS)


def word_count(text: str | None) -> int:
    """Words as the archive counts them: whitespace-separated runs."""
    return len(text.split()) if text else 0


def migration_3_stats_index(db: Database) -> None:
    """Version 3: a covering index for ``stats``, so it never reads the large body columns."""
    db.conn.execute(
        "CREATE INDEX articles_stats ON articles(site, first_seen, published, last_seen, "
        "word_count, image_count, headline, authors)"
    )


def migration_4_learn_count(db: Database) -> None:
    """Version 4: ``site_settings.learn_count``, so boilerplate relearning can space out."""
    db.conn.execute("ALTER TABLE site_settings ADD COLUMN learn_count INTEGER DEFAULT 0")


def _fts_table(name: str, columns: str, content: str, rank: str | None) -> str:
    tokenize = "unicode61 remove_diacritics 2"
    script = (
        f"DROP TABLE {name};\n"
        f"CREATE VIRTUAL TABLE {name} USING fts5(\n"
        f'    {columns}, content="{content}", content_rowid="id", tokenize="{tokenize}"\n);\n'
    )
    if rank:
        script += f"INSERT INTO {name}({name}, rank) VALUES ('rank', '{rank}');\n"
    return script + f"INSERT INTO {name}({name}) VALUES ('rebuild');\n"


def migration_5_fts_for_datasette(db: Database) -> None:
    """Version 5: FTS tables declared with ``content="table"`` in double quotes.

    Datasette finds a table's full-text index by that spelling only, so with it
    ``datasette archive.db`` offers search on ``articles`` and ``quotes`` as is. The triggers
    refer to the FTS tables by name and stay valid; the indexes are rebuilt from the tables.
    """
    _run_script(db, _fts_table("articles_fts", "headline, text", "articles", "bm25(5.0, 1.0)"))
    _run_script(db, _fts_table("quotes_fts", "text, speaker", "quotes", None))


#: FTS5 ``automerge`` for both indexes (SQLite's default is 4): merge once this many segments
#: of one level exist. 8 halves how often each term's postings are rewritten while a crawl or
#: import adds rows (bulk ingest ~6 % faster at 12,000 articles); searches between merges may
#: read a few more segments, which ``Archive.merge`` (end of every run) and ``optimize`` fold.
FTS_AUTOMERGE = 8


def migration_6_fts_automerge(db: Database) -> None:
    """Version 6: FTS5 ``automerge`` raised to ``FTS_AUTOMERGE`` on both full-text indexes."""
    for table in ("articles_fts", "quotes_fts"):
        db.conn.execute(
            f"INSERT INTO {table}({table}, rank) VALUES ('automerge', ?)", (FTS_AUTOMERGE,)
        )


def _pending_triggers(table: str, columns: tuple[str, str]) -> str:
    """Triggers that queue new and changed rows of ``table`` in ``fts_pending``.

    A row already in the index is removed from it at once (its old values are needed for
    that and are gone after the change); a queued row is simply (re)queued, because
    ``index_pending`` reads its values when it indexes it.
    """
    fts, cols = f"{table}_fts", ", ".join(columns)
    olds = ", ".join(f"old.{c}" for c in columns)
    queued = f"SELECT 1 FROM fts_pending WHERE source = '{table}' AND row_id = old.id"
    unindex = (
        f"INSERT INTO {fts}({fts}, rowid, {cols}) SELECT 'delete', old.id, {olds}\n"
        f"    WHERE NOT EXISTS ({queued});"
    )
    queue = f"INSERT OR IGNORE INTO fts_pending (source, row_id) VALUES ('{table}', new.id);"
    return f"""
DROP TRIGGER {fts}_insert;
DROP TRIGGER {fts}_delete;
DROP TRIGGER {fts}_update;
CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN
    {queue}
END;
CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN
    {unindex}
    DELETE FROM fts_pending WHERE source = '{table}' AND row_id = old.id;
END;
CREATE TRIGGER {fts}_update AFTER UPDATE OF {cols} ON {table} BEGIN
    {unindex}
    DELETE FROM fts_pending WHERE source = '{table}' AND row_id = old.id;
    {queue}
END;
"""


#: FTS5 ``hashsize`` (bytes of pending terms held in memory before a segment is written;
#: SQLite's default is 1 MiB). A batch of 500 articles queues ~2.5 MB of text; held whole it
#: becomes one segment instead of several, which cut the indexing time at 20,000 articles by
#: about a third (CPU 4.9 -> 3.4 s). Memory is used only while a transaction indexes.
FTS_HASHSIZE = 16 * 1024 * 1024


def migration_7_fts_pending(db: Database) -> None:
    """Version 7: rows reach the full-text indexes through the ``fts_pending`` queue.

    Triggers that wrote each row into FTS5 made every ``INSERT INTO articles`` flush FTS5's
    in-memory term buffer (a statement that needs a statement journal syncs the virtual
    tables already in the transaction), so each article became its own tiny segment to merge:
    ~60 % of ingest time. Now the triggers only queue the row id, in the same transaction as
    the row, and ``index_pending`` indexes the queue with one ``INSERT ... SELECT`` before the
    transaction commits (or, in bulk mode, every few thousand articles). A kill -9 leaves the
    queue, which the next writer drains. Also drops the redundant ``articles_site_first_seen``.
    """
    # Redundant since version 3: articles_stats starts with (site, first_seen) and serves the
    # same lookups; one index fewer to update per stored article.
    db.conn.execute("DROP INDEX articles_site_first_seen")
    db.conn.execute(
        "CREATE TABLE fts_pending (source TEXT NOT NULL, row_id INTEGER NOT NULL, "
        "PRIMARY KEY (source, row_id)) WITHOUT ROWID"
    )
    _run_script(db, _pending_triggers("articles", ("headline", "text")))
    _run_script(db, _pending_triggers("quotes", ("text", "speaker")))
    for table in ("articles_fts", "quotes_fts"):
        db.conn.execute(
            f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?)", (FTS_HASHSIZE,)
        )


#: Ordered schema migrations; the archive's version is the number of them applied.
MIGRATIONS: list[Callable[[Database], None]] = [
    migration_1_initial,
    migration_2_overview,
    migration_3_stats_index,
    migration_4_learn_count,
    migration_5_fts_for_datasette,
    migration_6_fts_automerge,
    migration_7_fts_pending,
]

SCHEMA_VERSION = len(MIGRATIONS)


def current_version(db: Database) -> int:
    """The schema version recorded in the file (0 for a file without ``schema_version``)."""
    conn = db.conn
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not exists:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def migrate(db: Database, migrations: list[Callable[[Database], None]] | None = None) -> int:
    """Apply the migrations the file lacks, each in one transaction; return the final version."""
    steps = MIGRATIONS if migrations is None else migrations
    conn = db.conn
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)"
    )
    version = current_version(db)
    for number, step in enumerate(steps, start=1):
        if number <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the write lock: another process may have migrated meanwhile.
            if current_version(db) >= number:
                conn.execute("COMMIT")
                continue
            step(db)
            conn.execute(
                "INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                (number, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return current_version(db)
