"""Reextract: rerun extraction over each article's latest stored page, count what changed."""

from __future__ import annotations

from pathlib import Path

from scraper.archive import Archive
from scraper.archive.reextract import reextract
from scraper.archive.search import Filters
from scraper.extract import extract
from scraper.models import Page

HTML = b"""<html><head><title>Dam repairs finish early</title></head><body><article>
<h1>Dam repairs finish early</h1>
<p>Engineers finished the repairs to the old dam two weeks ahead of schedule, the water board said on Friday.</p>
<p>The reservoir will be refilled slowly over the summer so that the new concrete can settle properly.</p>
</article></body></html>"""


def _stored(archive: Archive, url: str = "https://dam.example/repairs") -> int:
    page = Page(url=url, body=HTML)
    result = archive.store(page, extract(HTML, url=url))
    assert result.article_id is not None
    return result.article_id


def test_unchanged_records_are_left_alone(db_path: Path) -> None:
    with Archive(db_path) as archive:
        _stored(archive)
        report = reextract(archive, Filters())
    assert (report.checked, report.changed, report.missing_page) == (1, 0, 0)


def test_stale_record_is_rebuilt_from_its_page_without_a_revision(db_path: Path) -> None:
    with Archive(db_path) as archive:
        article_id = _stored(archive)
        archive.db.execute(
            "UPDATE articles SET headline = 'old', record_hash = 'old extractor' WHERE id = ?",
            (article_id,),
        )
        ticks: list[int] = []
        report = reextract(archive, Filters(site="dam.example"), lambda: ticks.append(1))
        headline = archive.db.execute("SELECT headline FROM articles").fetchone()[0]
        revisions = archive.db.execute("SELECT count(*) FROM revisions").fetchone()[0]
    assert report.changed == 1 and ticks == [1]
    assert headline == "Dam repairs finish early"
    assert revisions == 0


def test_site_filter_selects_articles(db_path: Path) -> None:
    with Archive(db_path) as archive:
        _stored(archive)
        assert reextract(archive, Filters(site="other.example")).checked == 0
