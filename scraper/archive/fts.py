"""Bringing the full-text indexes up to date from the ``fts_pending`` queue (schema v7).

The triggers on ``articles`` and ``quotes`` queue new and changed rows; ``index_pending``
indexes all queued rows with one ``INSERT ... SELECT`` per index, in rowid order, so FTS5
writes a few large segments instead of one per article. It runs inside the caller's
transaction: ``Archive.store`` calls it before committing, bulk mode every few thousand
articles, and any writer opening the archive drains what a crash left behind.
"""

from __future__ import annotations

import sqlite3

#: The indexed tables and their indexed columns, as declared in the FTS5 tables.
INDEXED = {"articles": ("headline", "text"), "quotes": ("text", "speaker")}


def index_pending(conn: sqlite3.Connection) -> int:
    """Index every queued row and empty the queue; return how many rows were queued."""
    queued = 0
    for table, columns in INDEXED.items():
        cols = ", ".join(columns)
        values = ", ".join(f"t.{c}" for c in columns)
        conn.execute(
            f"""INSERT INTO {table}_fts (rowid, {cols})
                SELECT t.id, {values} FROM fts_pending p JOIN {table} t ON t.id = p.row_id
                WHERE p.source = ? ORDER BY p.row_id""",
            (table,),
        )
        queued += conn.execute("DELETE FROM fts_pending WHERE source = ?", (table,)).rowcount
    return queued


def pending_count(conn: sqlite3.Connection, table: str = "articles") -> int:
    """How many rows of ``table`` are not in its full-text index yet."""
    row = conn.execute("SELECT count(*) FROM fts_pending WHERE source = ?", (table,)).fetchone()
    return int(row[0])
