"""Writing one page and its record: raw page (deduplicated), article upsert, images, quotes, revisions.

The functions here run inside the caller's transaction (``Archive.store`` opens it); they
never commit on their own, so a crash loses at most the page in flight.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zlib
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from scraper import clock
from scraper.archive.schema import word_count
from scraper.models import Article, Page

Outcome = Literal["new", "updated", "unchanged", "page_only"]

#: zlib level for raw page bodies: level 1 compresses HTML nearly as well as 6 (a few percent
#: bigger) in a third of the time, and compression was a fifth of the ingest time at level 6.
PAGE_COMPRESSION_LEVEL = 1

#: Stored columns that, when changed, make a re-store an update (``extractor`` is not one);
#: images and quotes are hashed with them.
_RECORD_COLUMNS = (
    "site", "headline", "subheadline", "authors", "published", "modified", "language",
    "section", "tags", "body", "status", "sources",
)  # fmt: skip


@dataclass(frozen=True)
class StoreResult:
    """What ``Archive.store`` did with one page."""

    outcome: Outcome
    article_id: int | None
    url: str


def now_utc() -> str:
    """Now, as every stored time is written (see :mod:`scraper.clock`)."""
    return clock.iso()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _hash_parts(*parts: str | None) -> str:
    digest = hashlib.sha256()
    for part in parts:
        # NUL never occurs in the JSON or text parts, so it separates them unambiguously.
        digest.update(b"\x01" if part is None else part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def site_of(article: Article, url: str) -> str:
    """The article's site: its config name, else the URL's host (``file`` for imports)."""
    return article.site or urlsplit(url).hostname or urlsplit(url).scheme or "unknown"


def page_hash(page: Page) -> str:
    """The content address of a raw page: sha256 of its body bytes."""
    return hashlib.sha256(page.body).hexdigest()


def insert_page(conn: sqlite3.Connection, page: Page, run_id: int | None) -> str:
    """Store the page body once per content hash and record this fetch; return the hash."""
    key = page_hash(page)
    fetched_at = page.fetched_at or now_utc()
    conn.execute(
        """INSERT OR IGNORE INTO pages (hash, url, status, headers, fetched_at, content_type,
               body, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            key, page.url, page.status, _json(page.headers), fetched_at,
            page.content_type or None, zlib.compress(page.body, PAGE_COMPRESSION_LEVEL), len(page.body),
        ),
    )  # fmt: skip
    conn.execute(
        """INSERT INTO page_fetches (page_hash, url, requested_url, status, fetched_at, run_id)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (key, page.url, page.requested_url, page.status, fetched_at, run_id),
    )
    return key


def article_row(article: Article, url: str, fetched_url: str | None) -> dict[str, Any]:
    """The ``articles`` columns for a record (without id, timestamps and page hash)."""
    site = site_of(article, url)
    text = article.text
    row: dict[str, Any] = {
        "url": url,
        "fetched_url": fetched_url,
        "site": site,
        "headline": article.headline,
        "subheadline": article.subheadline,
        "authors": _json(article.authors),
        "published": article.published,
        "modified": article.modified,
        "language": article.language,
        "section": article.section,
        "tags": _json(article.tags),
        "body": _json(article.body),
        "text": text,
        "status": article.status,
        "sources": _json(article.sources),
        "extractor": _json(article.extractor),
        "word_count": word_count(text),
        "image_count": len(article.images),
        "quote_count": len(article.quotes),
    }
    row["content_hash"] = _hash_parts(row["headline"], row["body"])
    row["record_hash"] = _hash_parts(
        *(row[name] for name in _RECORD_COLUMNS),
        _json([vars(image) for image in article.images]),
        _json([vars(quote) for quote in article.quotes]),
    )
    return row


def _insert_children(conn: sqlite3.Connection, article_id: int, article: Article) -> None:
    conn.executemany(
        """INSERT INTO images (article_id, position, url, caption, credit, alt, width, height)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (article_id, i, im.url, im.caption, im.credit, im.alt, im.width, im.height)
            for i, im in enumerate(article.images)
        ],
    )
    conn.executemany(
        """INSERT INTO quotes (article_id, position, text, speaker, cue, paragraph, start, "end",
               partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (article_id, i, q.text, q.speaker, q.cue, q.paragraph, q.start, q.end, int(q.partial))
            for i, q in enumerate(article.quotes)
        ],
    )


def _replace_children(conn: sqlite3.Connection, article_id: int, article: Article) -> None:
    conn.execute("DELETE FROM images WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    _insert_children(conn, article_id, article)


def insert_article(conn: sqlite3.Connection, row: dict[str, Any], article: Article) -> int:
    """Insert a new article row and its images and quotes; return its id."""
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    cursor = conn.execute(f"INSERT INTO articles ({columns}) VALUES ({marks})", list(row.values()))
    article_id = int(cursor.lastrowid or 0)
    _insert_children(conn, article_id, article)
    return article_id


def update_article(
    conn: sqlite3.Connection, article_id: int, row: dict[str, Any], article: Article
) -> None:
    """Overwrite an article row's fields and replace its images and quotes."""
    assignments = ", ".join(f"{name} = ?" for name in row)
    conn.execute(f"UPDATE articles SET {assignments} WHERE id = ?", [*row.values(), article_id])
    _replace_children(conn, article_id, article)


def save_revision(conn: sqlite3.Connection, article_id: int, replaced_at: str) -> None:
    """Copy the article's current headline and body into ``revisions`` before it changes."""
    conn.execute(
        """INSERT INTO revisions (article_id, first_seen, seen_at, replaced_at, headline, body,
               text, page_hash)
           SELECT id, first_seen, last_seen, ?, headline, body, text, page_hash
           FROM articles WHERE id = ?""",
        (replaced_at, article_id),
    )


def upsert_article(
    conn: sqlite3.Connection, article: Article, page: Page, key: str, seen_at: str
) -> StoreResult:
    """Insert or update the record for ``article`` (keyed by canonical URL) in one go."""
    url = article.canonical_url or page.url
    row = article_row(article, url, page.url)
    existing = conn.execute(
        "SELECT id, content_hash, record_hash FROM articles WHERE url = ?", (url,)
    ).fetchone()
    if existing is None:
        row.update(first_seen=seen_at, last_seen=seen_at, page_hash=key)
        return StoreResult("new", insert_article(conn, row, article), url)
    article_id, old_content, old_record = int(existing[0]), existing[1], existing[2]
    if old_record == row["record_hash"]:
        conn.execute(
            "UPDATE articles SET last_seen = max(coalesce(last_seen, ''), ?), page_hash = ? "
            "WHERE id = ?",
            (seen_at, key, article_id),
        )
        return StoreResult("unchanged", article_id, url)
    if old_content != row["content_hash"]:
        save_revision(conn, article_id, seen_at)
    row.update(last_seen=seen_at, page_hash=key)
    update_article(conn, article_id, row, article)
    return StoreResult("updated", article_id, url)
