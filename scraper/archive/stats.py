"""Per-site archive statistics: counts, date range, last crawl, errors, and field coverage.

Coverage is the share of records that have a field, computed separately for the site's
recent articles (first seen within ``RECENT_DAYS`` before the site's newest one) and for the
older ones, so a redesign that breaks a site config shows up as a drop.
"""

from __future__ import annotations

import sqlite3
from typing import Any

RECENT_DAYS = 7

#: Field name -> SQL expression on ``articles a`` that is 1 when the record has the field.
COVERAGE_FIELDS: dict[str, str] = {
    "headline": "coalesce(a.headline, '') <> ''",
    "authors": "coalesce(a.authors, '[]') <> '[]'",
    "published": "a.published IS NOT NULL",
    "body": "coalesce(a.word_count, 0) > 0",
    "images": "coalesce(a.image_count, 0) > 0",
}


def _coverage_columns() -> str:
    parts: list[str] = []
    for name, expr in COVERAGE_FIELDS.items():
        parts.append(f"sum(CASE WHEN recent AND {expr} THEN 1 ELSE 0 END) AS recent_{name}")
        parts.append(f"sum(CASE WHEN NOT recent AND {expr} THEN 1 ELSE 0 END) AS older_{name}")
    return ",\n".join(parts)


_SQL = f"""
WITH latest AS (
    SELECT site, strftime('%Y-%m-%dT%H:%M:%S', max(first_seen), '-{RECENT_DAYS} days') AS cutoff
    FROM articles GROUP BY site
),
marked AS (
    SELECT a.*, (a.first_seen >= latest.cutoff) AS recent
    FROM articles a JOIN latest ON latest.site IS a.site
)
SELECT a.site, count(*) AS articles, min(a.published) AS first_published,
       max(a.published) AS last_published, max(a.last_seen) AS last_crawled,
       sum(recent) AS recent_articles,
       {_coverage_columns()}
FROM marked a GROUP BY a.site ORDER BY a.site
"""


def _share(count: int, total: int) -> float | None:
    return round(count / total, 3) if total else None


def _site_entry(row: sqlite3.Row, errors: dict[str, int]) -> dict[str, Any]:
    total, recent = int(row["articles"]), int(row["recent_articles"] or 0)
    older = total - recent
    return {
        "site": row["site"],
        "articles": total,
        "first_published": row["first_published"],
        "last_published": row["last_published"],
        "last_crawled": row["last_crawled"],
        "errors": errors.get(row["site"], 0),
        "recent_articles": recent,
        "coverage_recent": {f: _share(row[f"recent_{f}"] or 0, recent) for f in COVERAGE_FIELDS},
        "coverage_older": {f: _share(row[f"older_{f}"] or 0, older) for f in COVERAGE_FIELDS},
    }


def _errors_by_site(conn: sqlite3.Connection) -> dict[str, int]:
    rows = conn.execute(
        "SELECT coalesce(site, host), count(*) FROM frontier WHERE state = 'failed' GROUP BY 1"
    )
    return {site: int(n) for site, n in rows}


def site_stats(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """One entry per site, alphabetical (see the module docstring for coverage)."""
    previous = conn.row_factory
    conn.row_factory = sqlite3.Row
    try:
        rows = conn.execute(_SQL).fetchall()
    finally:
        conn.row_factory = previous
    errors = _errors_by_site(conn)
    return [_site_entry(row, errors) for row in rows]


def coverage_drops(entry: dict[str, Any], threshold: float = 0.2) -> list[str]:
    """Fields whose recent coverage fell by more than ``threshold`` against the older records."""
    drops: list[str] = []
    for name in COVERAGE_FIELDS:
        recent, older = entry["coverage_recent"][name], entry["coverage_older"][name]
        if recent is not None and older is not None and older - recent > threshold:
            drops.append(name)
    return drops
