"""Rerun extraction over the stored raw pages (latest page per article) and update the records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from scraper.archive import Archive
from scraper.archive.search import Filters


@dataclass
class ReextractReport:
    """Counts of one reextract run."""

    checked: int = 0
    changed: int = 0
    missing_page: int = 0


def article_ids(archive: Archive, filters: Filters) -> list[int]:
    """Ids of the articles to reextract (``since`` compares first_seen as well as published)."""
    where, params = filters.sql("a")
    where = where.replace("a.published", "coalesce(a.published, a.first_seen)")
    rows = archive.db.conn.execute(
        f"SELECT a.id FROM articles a WHERE a.page_hash IS NOT NULL{where} ORDER BY a.id", params
    )
    return [int(row[0]) for row in rows]


def reextract(
    archive: Archive, filters: Filters, advance: Callable[[], None] | None = None
) -> ReextractReport:
    """Extract each selected article's latest page again; count the records that changed."""
    from scraper.extract import extract

    report = ReextractReport()
    for article_id in article_ids(archive, filters):
        report.checked += 1
        row = archive.db.conn.execute(
            "SELECT page_hash, site FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        page = archive.page(row[0])
        if page is None:
            report.missing_page += 1
        else:
            article = extract(page.body, url=page.url, charset=page.charset)
            # Keep the site the record was stored under (e.g. given by `import --site`).
            article.site = article.site or row[1]
            if archive.replace_record(article_id, article):
                report.changed += 1
        if advance is not None:
            advance()
    return report
