"""Streaming export of article records as JSON Lines or CSV, in constant memory.

Rows come from a cursor one at a time (never ``fetchall``); images and quotes of each article
are read by its id through their indexes.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable, Iterator
from typing import Any, TextIO

from scraper.archive.search import Filters

_ARTICLE_COLUMNS = (
    "id", "url", "fetched_url", "site", "headline", "subheadline", "authors", "published",
    "modified", "language", "section", "tags", "body", "text", "status", "sources", "extractor",
    "word_count", "first_seen", "last_seen",
)  # fmt: skip
_JSON_COLUMNS = {"authors", "tags", "body", "sources", "extractor"}
_IMAGE_COLUMNS = ("url", "caption", "credit", "alt", "width", "height")
_QUOTE_COLUMNS = ("text", "speaker", "cue", "paragraph", "start", "end", "partial")

#: CSV columns: one line per article, lists joined by "; ", the body as ``text``.
CSV_COLUMNS = (
    "id", "url", "site", "headline", "subheadline", "authors", "published", "modified",
    "language", "section", "tags", "status", "word_count", "images", "quotes", "text",
    "first_seen", "last_seen",
)  # fmt: skip


def _article_query(filters: Filters) -> tuple[str, list[Any]]:
    where, params = filters.sql("a")
    if filters.since or filters.until:
        # Articles without a publication date count by when the archive first saw them.
        where = where.replace("a.published", "coalesce(a.published, a.first_seen)")
    columns = ", ".join(f"a.{c}" for c in _ARTICLE_COLUMNS)
    return f"SELECT {columns} FROM articles a WHERE 1 = 1{where} ORDER BY a.id", params


def iter_records(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    """Full records (with images and quotes) one at a time, in archive order."""
    sql, params = _article_query(filters)
    for row in conn.execute(sql, params):
        record = dict(zip(_ARTICLE_COLUMNS, row, strict=True))
        for name in _JSON_COLUMNS:
            record[name] = json.loads(record[name]) if record[name] else None
        record["images"] = [
            dict(zip(_IMAGE_COLUMNS, r, strict=True))
            for r in conn.execute(
                "SELECT url, caption, credit, alt, width, height FROM images "
                "WHERE article_id = ? ORDER BY position",
                (record["id"],),
            )
        ]
        record["quotes"] = [
            dict(zip(_QUOTE_COLUMNS[:-1], r[:-1], strict=True)) | {"partial": bool(r[-1])}
            for r in conn.execute(
                'SELECT text, speaker, cue, paragraph, start, "end", partial FROM quotes '
                "WHERE article_id = ? ORDER BY position",
                (record["id"],),
            )
        ]
        yield record


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """The flat CSV form of a full record."""
    flat = {name: record.get(name) for name in CSV_COLUMNS}
    flat["authors"] = "; ".join(record.get("authors") or [])
    flat["tags"] = "; ".join(record.get("tags") or [])
    flat["images"] = len(record.get("images") or [])
    flat["quotes"] = len(record.get("quotes") or [])
    return flat


def count_records(conn: sqlite3.Connection, filters: Filters) -> int:
    """How many records ``write_export`` would write (for a progress bar's total)."""
    sql, params = _article_query(filters)
    row = conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
    return int(row[0])


def write_export(
    conn: sqlite3.Connection,
    out: TextIO,
    fmt: str,
    filters: Filters,
    on_record: Callable[[], None] | None = None,
) -> int:
    """Write every matching record to ``out`` as ``jsonl`` or ``csv``; return the count.

    ``on_record`` is called after each record is written (a progress bar's step)."""
    count = 0
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS) if fmt == "csv" else None
    if writer is not None:
        writer.writeheader()
    for record in iter_records(conn, filters):
        if writer is not None:
            writer.writerow(csv_row(record))
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
        if on_record is not None:
            on_record()
    return count
