"""Full-text search over articles (FTS5, bm25-ranked, highlighted snippets) and over quotes."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from scraper.errors import UsageError

#: Snippet markers: plain brackets read well in a terminal, in JSON and in CSV.
HIGHLIGHT = ("[", "]")
SNIPPET_TOKENS = 16


@dataclass(frozen=True)
class Filters:
    """Restrictions shared by the query commands; dates compare as ISO 8601 text."""

    site: str | None = None
    since: str | None = None
    until: str | None = None
    speaker: str | None = None

    def sql(self, alias: str = "a") -> tuple[str, list[Any]]:
        """``AND ...`` clauses on the articles alias and their parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.site:
            clauses.append(f"{alias}.site = ?")
            params.append(self.site)
        if self.since:
            clauses.append(f"{alias}.published >= ?")
            params.append(self.since)
        if self.until:
            # A bare date means "through the end of that day".
            clauses.append(f"{alias}.published < ?")
            params.append(self.until + ("T99" if len(self.until) == 10 else ""))
        return "".join(f" AND {c}" for c in clauses), params


def _is_lock(err: sqlite3.OperationalError) -> bool:
    return "locked" in str(err) or "busy" in str(err)


def _bad_query(query: str, err: sqlite3.OperationalError) -> UsageError:
    return UsageError(
        f"cannot search for {query!r}: {err}; put phrases and words with punctuation in "
        "double quotes, e.g. '\"covid-19\" AND vaccine'"
    )


def search_articles(
    conn: sqlite3.Connection, query: str, filters: Filters, limit: int = 20
) -> list[dict[str, Any]]:
    """Best-matching articles first (bm25, headline weighted 5x) with a highlighted snippet."""
    where, params = filters.sql()
    sql = f"""
        SELECT a.id, a.url, a.site, a.headline, a.published, a.authors,
               snippet(articles_fts, 1, ?, ?, '…', {SNIPPET_TOKENS}) AS snippet,
               articles_fts.rank AS rank
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH ?{where}
        ORDER BY articles_fts.rank LIMIT ?"""
    try:
        rows = conn.execute(sql, [*HIGHLIGHT, query, *params, limit]).fetchall()
    except sqlite3.OperationalError as err:
        if _is_lock(err):
            raise
        raise _bad_query(query, err) from None
    keys = ("id", "url", "site", "headline", "published", "authors", "snippet", "rank")
    hits = [dict(zip(keys, row, strict=True)) for row in rows]
    for hit in hits:
        hit["authors"] = json.loads(hit["authors"] or "[]")
    return hits


def search_quotes(
    conn: sqlite3.Connection, query: str | None, filters: Filters, limit: int = 50
) -> list[dict[str, Any]]:
    """Quotes matching ``query`` (FTS over text and speaker) and the filters, newest first.

    Each hit has every field of the quote record (``Quote``) and its article's url, site,
    headline and published date."""
    where, params = filters.sql()
    if filters.speaker:
        where += " AND q.speaker LIKE ?"
        params.append(f"%{filters.speaker}%")
    source = "quotes q"
    order = "a.published DESC, q.article_id, q.position"
    if query:
        source = "quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid"
        where = " AND quotes_fts MATCH ?" + where
        params.insert(0, query)
        order = "quotes_fts.rank"
    sql = f"""
        SELECT q.text, q.speaker, q.cue, q.paragraph, q.start, q."end", q.partial,
               a.url, a.site, a.headline, a.published
        FROM {source} JOIN articles a ON a.id = q.article_id
        WHERE 1 = 1{where} ORDER BY {order} LIMIT ?"""
    try:
        rows = conn.execute(sql, [*params, limit]).fetchall()
    except sqlite3.OperationalError as err:
        if not query or _is_lock(err):
            raise
        raise _bad_query(query, err) from None
    keys = ("text", "speaker", "cue", "paragraph", "start", "end", "partial", "url", "site",
            "headline", "published")  # fmt: skip
    hits = [dict(zip(keys, row, strict=True)) for row in rows]
    for hit in hits:
        hit["partial"] = bool(hit["partial"])
    return hits
