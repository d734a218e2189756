"""A crawl with targets works on its targets' hosts; other hosts' leftovers wait for
``--all-pending``. Two loopback servers on two ports are two hosts."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from test_crawl import build_site, crawl, requested
from typer.testing import CliRunner

from scraper.archive import Archive
from scraper.archive.frontier import Frontier
from scraper.cli import app
from scraper.crawl import run_scope
from scraper.discover import Seed
from scraper.loopback import LoopbackServer

runner = CliRunner()


@pytest.fixture
def other() -> Iterator[LoopbackServer]:
    """A second news site on its own port: another host for the crawler."""
    server = LoopbackServer().start()
    yield server
    server.stop()


def pending(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db)) as conn, conn:
        rows = conn.execute(
            "SELECT host, count(*) FROM frontier WHERE state IN ('pending', 'fetching') "
            "GROUP BY host"
        )
        return dict(rows.fetchall())


def host(server: LoopbackServer) -> str:
    return f"127.0.0.1:{server.port}"


def leave_leftovers(other: LoopbackServer, db: Path) -> int:
    """An earlier run on the other site stopped by --max-pages: its articles stay queued."""
    build_site(other, count=6)
    first = crawl(db, [other.url("/sitemap.xml"), other.url("/feed.xml")], max_pages=2)
    assert first.pages_fetched == 2
    left = pending(db)
    assert left == {host(other): 4}
    return 4


def test_a_run_with_targets_spends_max_pages_on_them_only(
    server: LoopbackServer, other: LoopbackServer, db_path: Path
) -> None:
    left = leave_leftovers(other, db_path)
    other.reset()
    build_site(other, count=6)
    paths = build_site(server, count=6)
    stats = crawl(db_path, [server.url("/sitemap.xml"), server.url("/feed.xml")], max_pages=4)
    assert requested(other) == []  # not one request to the other host
    assert stats.pages_fetched == 4 and stats.articles_new == 4
    assert {p for p in requested(server) if p in paths} and stats.errors == 0
    # The summary counts both kinds of leftovers.
    assert stats.pending == 2
    assert stats.pending_elsewhere == left
    assert stats.pending_elsewhere_hosts == {host(other): left}
    assert pending(db_path) == {host(server): 2, host(other): left}


def test_all_pending_alone_resumes_every_host_without_discovery(
    server: LoopbackServer, other: LoopbackServer, db_path: Path
) -> None:
    left = leave_leftovers(other, db_path)
    with closing(sqlite3.connect(db_path)) as conn, conn:
        queued = [r[0] for r in conn.execute("SELECT url FROM frontier WHERE state = 'pending'")]
    other.reset()
    build_site(other, count=6)
    stats = crawl(db_path, [], all_pending=True)
    assert stats.articles_new == left and stats.errors == 0
    # Only the queued articles: no robots.txt (known), no sitemap, no feed, no home page.
    assert sorted(requested(other)) == sorted(u.removeprefix(other.base_url) for u in queued)
    assert pending(db_path) == {}
    assert (stats.pending, stats.pending_elsewhere) == (0, 0)


def test_targets_with_all_pending_also_drain_other_hosts(
    server: LoopbackServer, other: LoopbackServer, db_path: Path
) -> None:
    left = leave_leftovers(other, db_path)
    other.reset()
    build_site(other, count=6)
    build_site(server, count=2)
    stats = crawl(db_path, [server.url("/sitemap.xml")], all_pending=True)
    assert stats.articles_new == left + 1  # the sitemap lists one of the two
    assert pending(db_path) == {}


def test_cli_summary_names_the_leftovers_and_the_command_to_resume_them(
    server: LoopbackServer, other: LoopbackServer, db_path: Path
) -> None:
    left = leave_leftovers(other, db_path)
    build_site(server, count=2)
    args = ["crawl", server.url("/sitemap.xml"), "--db", str(db_path), "--delay", "0"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stderr.split())
    assert f"left pending on another host: {left} URLs ({host(other)} {left})" in shown
    assert f"crawl --all-pending --db {db_path}" in shown
    as_json = runner.invoke(app, [*args, "--json", "--quiet"])
    summary = json.loads(as_json.stdout)
    assert summary["pending_elsewhere"] == left
    assert summary["pending_elsewhere_hosts"] == {host(other): left}
    resumed = runner.invoke(
        app, ["crawl", "--all-pending", "--db", str(db_path), "--delay", "0", "--json", "-q"]
    )
    assert resumed.exit_code == 0, resumed.output
    assert json.loads(resumed.stdout)["articles_new"] == left
    assert pending(db_path) == {}


def test_no_target_and_no_all_pending_is_a_usage_error_naming_the_flag(db_path: Path) -> None:
    result = runner.invoke(app, ["crawl", "--db", str(db_path)])
    assert result.exit_code == 2
    assert "--all-pending" in " ".join(result.output.split())


def test_run_scope_takes_seed_hosts_listed_hosts_and_the_sites_earlier_rows(
    db_path: Path,
) -> None:
    with Archive(db_path) as archive:
        frontier = Frontier(archive.db.conn)
        # Earlier runs: the Example Times queued a subdomain's story; another site its own.
        frontier.add(["https://live.example.com/2025/01/01/a-b-c-d"], "feed", site="Example Times")
        frontier.add(["https://elsewhere.example/2025/01/01/a-b-c-d"], "feed", site="Other")
        frontier.add(["https://gone.example.com/2025/01/01/done"], "feed", site="Example Times")
        frontier.claim("gone.example.com", 1)
        frontier.finish("https://gone.example.com/2025/01/01/done", "done")
        seeds = [
            Seed("https://example.com/rss", "Example Times", ("example.com", "www.example.com")),
            Seed("https://blog.example/feed"),
        ]
        scope = run_scope(seeds, {"cdn.example.net"}, frontier)
    assert scope == {
        "example.com",
        "www.example.com",
        "blog.example",
        "cdn.example.net",  # a feed of this run listed a URL there
        "live.example.com",  # pending for the same site config
    }
