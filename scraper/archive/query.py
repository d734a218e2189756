"""Read-only SQL for analysts: one statement on a ``mode=ro`` connection, with no way to
create files (ATTACH, VACUUM INTO) or change settings (writing PRAGMAs)."""

from __future__ import annotations

import re
import sqlite3

from scraper.errors import UsageError

# A mode=ro connection already refuses writes to the archive; these guard the side doors.
_VACUUM = re.compile(r"^\s*vacuum\b", re.I)
#: PRAGMAs that take an argument and still only read.
_READING_PRAGMAS = frozenset(
    {
        "table_info",
        "table_xinfo",
        "table_list",
        "index_info",
        "index_xinfo",
        "index_list",
        "foreign_key_list",
        "foreign_key_check",
        "integrity_check",
        "quick_check",
        "function_list",
        "pragma_list",
    }
)


def _authorizer(action: int, arg1: str | None, arg2: str | None, *_: str | None) -> int:
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA and arg2 is not None:
        return (
            sqlite3.SQLITE_OK if (arg1 or "").lower() in _READING_PRAGMAS else sqlite3.SQLITE_DENY
        )
    return sqlite3.SQLITE_OK


def run_read_only(conn: sqlite3.Connection, sql: str) -> sqlite3.Cursor:
    """Execute ``sql`` on ``conn`` (opened read-only); raise UsageError for writes and errors."""
    refusal = "query is read-only: the archive cannot be changed and no file is created here"
    if _VACUUM.match(sql):
        raise UsageError(refusal)
    conn.set_authorizer(_authorizer)
    try:
        return conn.execute(sql)
    except sqlite3.DatabaseError as err:
        message = str(err)
        if "readonly" in message or "read-only" in message or "not authorized" in message:
            raise UsageError(refusal) from None
        raise UsageError(f"query failed: {message}") from None
