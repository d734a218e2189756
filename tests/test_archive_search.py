"""Full-text search over articles and quotes: ranking, filters, snippets, bad syntax."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper.archive import Archive
from scraper.archive.search import Filters, search_articles, search_quotes
from scraper.errors import UsageError
from scraper.models import Article, Page, Quote


def _store(archive: Archive, n: int, headline: str, body: list[str], **fields: object) -> None:
    url = f"https://{fields.pop('host', 'a.example')}/{n}"
    archive.store(Page(url=url, body=url.encode()), Article(headline=headline, body=body, **fields))  # type: ignore[arg-type]


@pytest.fixture
def archive(db_path: Path) -> Iterator[Archive]:
    with Archive(db_path) as archive:
        _store(archive, 1, "Harbour bridge reopens", ["Traffic crosses the harbour again."],
               published="2025-01-10", authors=["Li Wei"])  # fmt: skip
        _store(archive, 2, "Budget vote delayed", ["The harbour fund is part of the budget."],
               published="2025-02-10", host="b.example",
               quotes=[Quote(text="We need more time", speaker="Ana Pop", paragraph=0)])  # fmt: skip
        _store(archive, 3, "Café opens", ["A new café near the station."], published="2025-03-01")
        yield archive


def test_headline_match_ranks_first_and_snippet_is_highlighted(archive: Archive) -> None:
    hits = search_articles(archive.db.conn, "harbour", Filters())
    assert [h["url"] for h in hits] == ["https://a.example/1", "https://b.example/2"]
    assert "[harbour]" in hits[1]["snippet"]
    assert hits[0]["authors"] == ["Li Wei"]


def test_filters_by_site_and_dates(archive: Archive) -> None:
    conn = archive.db.conn
    assert [h["url"] for h in search_articles(conn, "harbour", Filters(site="b.example"))] == [
        "https://b.example/2"]  # fmt: skip
    assert search_articles(conn, "harbour", Filters(since="2025-02-01"))[0]["headline"] == (
        "Budget vote delayed")  # fmt: skip
    assert search_articles(conn, "harbour", Filters(until="2025-01-10"))[0]["url"] == (
        "https://a.example/1")  # fmt: skip


def test_diacritics_are_folded_and_limit_applies(archive: Archive) -> None:
    assert [h["url"] for h in search_articles(archive.db.conn, "cafe", Filters())] == [
        "https://a.example/3"]  # fmt: skip
    assert len(search_articles(archive.db.conn, "harbour", Filters(), limit=1)) == 1


@pytest.mark.parametrize("query", ['"open', "AND harbour", "harbour NEAR(", "col:harbour"])
def test_bad_query_syntax_is_a_usage_error(archive: Archive, query: str) -> None:
    with pytest.raises(UsageError, match="cannot search for"):
        search_articles(archive.db.conn, query, Filters())


def test_quotes_by_words_and_speaker(archive: Archive) -> None:
    conn = archive.db.conn
    assert [q["speaker"] for q in search_quotes(conn, "time", Filters())] == ["Ana Pop"]
    assert search_quotes(conn, None, Filters(speaker="pop"))[0]["text"] == "We need more time"
    assert search_quotes(conn, "harbour", Filters()) == []
    assert search_quotes(conn, None, Filters(speaker="Nobody")) == []
