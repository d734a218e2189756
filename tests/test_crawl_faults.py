"""Crawl-level faults: an article that redirects to another host, and a page whose HTTP header
names the wrong charset."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from test_crawl import DAY_PATH, OLD, article_html, crawl, requested

from scraper.loopback import LoopbackServer


@pytest.fixture
def other() -> Iterator[LoopbackServer]:
    second = LoopbackServer().start()
    yield second
    second.stop()


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as conn, conn:
        return list(conn.execute(sql))


def test_an_article_that_moved_to_another_host_is_stored_once(
    server: LoopbackServer, other: LoopbackServer, db_path: Path
) -> None:
    moved = f"/{DAY_PATH}/council-budget-story-moved-away"
    new_home = f"/{DAY_PATH}/council-budget-story-new-home"
    server.add_route("/robots.txt", "User-agent: *\nDisallow:\n", "text/plain")
    other.add_route("/robots.txt", "User-agent: *\nDisallow:\n", "text/plain")
    sitemap = f"<urlset><url><loc>{server.url(moved)}</loc></url></urlset>"
    server.add_route("/sitemap.xml", sitemap, "application/xml")
    server.add_route(moved, "", status=301, headers={"Location": other.url(new_home)})
    other.add_route(new_home, article_html(7, OLD))

    first = crawl(db_path, [server.url("/sitemap.xml")])
    assert (first.errors, first.articles_new) == (0, 1)
    assert rows(db_path, "SELECT headline FROM articles") == [("Story number 7",)]
    assert "/robots.txt" in requested(other)  # the other host's rules were read
    assert rows(db_path, f"SELECT state FROM frontier WHERE url = '{server.url(moved)}'") == [
        ("done",)
    ]
    # The other host is not left with work this run did not finish.
    assert (first.pending, first.pending_elsewhere) == (0, 0)

    server.requests.clear()
    other.requests.clear()
    again = crawl(db_path, [server.url("/sitemap.xml")])
    assert again.articles_new == 0 and again.pages_fetched == 0
    assert moved not in requested(server) and new_home not in requested(other)


@pytest.mark.parametrize("meta", [True, False], ids=["with-meta-charset", "no-meta-charset"])
def test_a_wrong_charset_header_does_not_garble_the_record(
    server: LoopbackServer, db_path: Path, meta: bool
) -> None:
    path = f"/{DAY_PATH}/tram-line-reopens-after-repairs"
    page = article_html(3, OLD, extra=", said the Bürgermeisterin of Straßburg-Süd")
    if not meta:
        page = page.replace('<meta charset="utf-8">', "")
    server.add_route("/robots.txt", "User-agent: *\nDisallow:\n", "text/plain")
    server.add_route("/sitemap.xml", f"<urlset><url><loc>{server.url(path)}</loc></url></urlset>")
    # The bytes are UTF-8 (the page may say so in <meta charset>); the header says Latin-1.
    server.add_route(path, page.encode("utf-8"), "text/html; charset=iso-8859-1")

    stats = crawl(db_path, [server.url("/sitemap.xml")])
    assert (stats.errors, stats.articles_new) == (0, 1)
    [(body,)] = rows(db_path, "SELECT body FROM articles")
    paragraphs = json.loads(str(body))
    assert "said the Bürgermeisterin of Straßburg-Süd." in paragraphs[0]
    assert not any("Ã" in p for p in paragraphs)  # no UTF-8 read as Latin-1
