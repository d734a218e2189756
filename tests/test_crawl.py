"""Crawl orchestration end to end: loopback site -> frontier -> fetch -> extract -> archive."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from scraper.archive import Archive
from scraper.cli import app
from scraper.crawl import Crawler, CrawlOptions, CrawlStats
from scraper.errors import ArchiveLockedError
from scraper.fetch import FetchSettings
from scraper.lock import crawl_lock
from scraper.loopback import LoopbackServer

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
RECENT = (datetime.now(UTC) - timedelta(minutes=10)).isoformat(timespec="seconds")
OLD = "2024-03-01T09:00:00+00:00"


def article_html(n: int, published: str, extra: str = "") -> str:
    paragraphs = "".join(
        f"<p>Paragraph {i} of story {n}: the council met on Tuesday to discuss the budget for the "
        f"coming year, and residents asked about schools, roads and the library{extra}.</p>"
        for i in range(6)
    )
    ld = json.dumps({"@type": "NewsArticle", "headline": f"Story number {n}",
                     "datePublished": published, "author": {"@type": "Person", "name": "Jane Reporter"}})  # fmt: skip
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Story number {n}</title>'
        f'<script type="application/ld+json">{ld}</script></head><body><nav><a href="/">Home</a>'
        f'<a href="/section/local">Local</a></nav><article><h1>Story number {n}</h1>'
        f'<time datetime="{published}">{published}</time>{paragraphs}</article></body></html>'
    )


# Article URLs carry the day of RECENT: a date in the path is read as the publication day, so
# a fixed day here would turn "published 10 minutes ago" into "published days ago".
DAY_PATH = RECENT[:10].replace("-", "/")


def article_path(n: int) -> str:
    return f"/{DAY_PATH}/story-number-{n}-council-budget"


def build_site(server: LoopbackServer, count: int = 6, published: str = OLD) -> list[str]:
    """A small news site: robots (with Sitemap and a Disallow), sitemap, feed, home, section."""
    base = server.base_url
    paths = [article_path(n) for n in range(count)]
    robots = f"User-agent: *\nDisallow: /private/\nSitemap: {base}/sitemap.xml\n"
    server.add_route("/robots.txt", robots, "text/plain")
    locs = "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths[: count // 2])
    server.add_route("/sitemap.xml", f"<urlset>{locs}</urlset>", "application/xml")
    items = "".join(f"<item><link>{base}{p}</link></item>" for p in paths[count // 2 :])
    server.add_route("/feed.xml", f"<rss><channel>{items}</channel></rss>", "application/rss+xml")
    home = (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head>'
        '<body><a href="/section/local">Local</a> <a href="/private/drafts-of-the-week-ahead">'
        "Drafts</a></body></html>"
    )
    server.add_route("/", home)
    links = "".join(f'<li><a href="{p}">Story</a></li>' for p in paths)
    server.add_route("/section/local", f"<html><body><h1>Local</h1><ul>{links}</ul></body></html>")
    for n, path in enumerate(paths):
        server.add_route(path, article_html(n, published))
    return paths


def settings(**overrides: object) -> FetchSettings:
    values: dict[str, object] = dict(
        delay=0.0, retries=1, backoff_base=0.01, backoff_max=0.02, max_bytes=2_000_000
    )
    values.update(overrides)
    return FetchSettings(**values)  # type: ignore[arg-type]


def crawl(db: Path, targets: list[str], workers: int = 0, **options: object) -> CrawlStats:
    opts = CrawlOptions(targets=targets, workers=workers, fetch=settings(), **options)  # type: ignore[arg-type]
    with crawl_lock(db), Archive(db) as archive:
        return Crawler(archive, opts).run()


def article_urls(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn, conn:
        return sorted(r[0] for r in conn.execute("SELECT url FROM articles"))


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with closing(sqlite3.connect(db)) as conn, conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def requested(server: LoopbackServer) -> list[str]:
    return [r.path for r in server.requests]


def test_crawl_home_page_finds_everything_and_obeys_robots(
    server: LoopbackServer, db_path: Path
) -> None:
    paths = build_site(server)
    stats = crawl(db_path, [server.url("/")])
    assert stats.errors == 0, stats.error_samples
    assert stats.articles_new == 6
    assert article_urls(db_path) == sorted(server.url(p) for p in paths)
    assert "/private/drafts-of-the-week-ahead" not in requested(server)
    with closing(sqlite3.connect(db_path)) as conn, conn:
        state = conn.execute(
            "SELECT state, last_error FROM frontier WHERE url LIKE '%/private/%'"
        ).fetchone()
        run = conn.execute(
            "SELECT command, status, articles_new, pages_fetched FROM runs"
        ).fetchone()
    assert state == ("skipped", "disallowed by robots.txt")
    assert run == ("crawl", "ok", 6, stats.pages_fetched)
    # Every article fetched exactly once, though sitemap, feed and section all list them.
    for path in paths:
        assert requested(server).count(path) == 1


def test_extraction_in_the_process_pool(server: LoopbackServer, db_path: Path) -> None:
    build_site(server, count=4)
    stats = crawl(db_path, [server.url("/sitemap.xml"), server.url("/feed.xml")], workers=1)
    assert stats.errors == 0 and stats.articles_new == 4


def test_rerun_with_nothing_new_fetches_only_seeds(server: LoopbackServer, db_path: Path) -> None:
    paths = build_site(server)
    crawl(db_path, [server.url("/")])
    server.requests.clear()
    new_path = article_path(99)
    server.add_route(new_path, article_html(99, OLD))
    feed = "".join(f"<item><link>{server.base_url}{p}</link></item>" for p in [*paths, new_path])
    server.add_route("/feed.xml", f"<rss><channel>{feed}</channel></rss>", "application/rss+xml")
    stats = crawl(db_path, [server.url("/")])
    # robots.txt is cached in the archive; seeds are read again; only the new story is fetched.
    assert sorted(requested(server)) == sorted(["/", "/feed.xml", "/sitemap.xml", new_path])
    assert stats.articles_new == 1


def test_recent_articles_are_rechecked_and_edits_become_revisions(
    server: LoopbackServer, db_path: Path
) -> None:
    paths = build_site(server, count=2, published=RECENT)
    crawl(db_path, [server.url("/sitemap.xml"), server.url("/feed.xml")])
    with closing(sqlite3.connect(db_path)) as conn, conn:
        rechecks = [
            r[0]
            for r in conn.execute("SELECT recheck_at FROM frontier WHERE recheck_at IS NOT NULL")
        ]
        assert len(rechecks) == 2  # published 10 minutes ago: recheck at +1 h
        # Pretend the hour has passed, and the publisher edited the first story.
        conn.execute("UPDATE frontier SET recheck_at = '2000-01-01T00:00:00.000+00:00'")
    server.add_route(paths[0], article_html(0, RECENT, extra=" (corrected)"))
    server.requests.clear()
    stats = crawl(db_path, [server.url("/sitemap.xml")])
    assert sorted(p for p in requested(server) if p in paths) == sorted(paths)
    assert (stats.articles_updated, stats.articles_unchanged) == (1, 1)
    with closing(sqlite3.connect(db_path)) as conn, conn:
        assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 1


def test_max_pages_then_resume(server: LoopbackServer, db_path: Path) -> None:
    build_site(server)
    first = crawl(db_path, [server.url("/sitemap.xml"), server.url("/feed.xml")], max_pages=2)
    assert first.pages_fetched == 2
    second = crawl(db_path, [server.url("/sitemap.xml"), server.url("/feed.xml")])
    assert second.articles_new == 4
    assert len(article_urls(db_path)) == 6


def test_failed_pages_give_exit_1_and_json_summary(server: LoopbackServer, db_path: Path) -> None:
    paths = build_site(server, count=2)
    server.add_fault(paths[0], status=500)
    result = runner.invoke(
        app,
        ["crawl", server.url("/sitemap.xml"), server.url("/feed.xml"), "--db", str(db_path),
         "--delay", "0", "--retries", "1", "--json", "--quiet"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["errors"] == 1 and summary["articles_new"] == 1
    assert "HTTP 500 after" in summary["error_samples"][0]
    with closing(sqlite3.connect(db_path)) as conn, conn:
        assert conn.execute("SELECT status FROM runs").fetchone() == ("partial",)
    # The next run tries the failed page again (a transient 5xx), and now it works.
    server.reset()
    build_site(server, count=2)
    again = crawl(db_path, [server.url("/sitemap.xml")])
    assert (again.errors, again.articles_new) == (0, 1)


def test_second_crawl_exits_3_while_one_runs(server: LoopbackServer, db_path: Path) -> None:
    build_site(server, count=1)
    with crawl_lock(db_path):
        result = runner.invoke(app, ["crawl", server.url("/"), "--db", str(db_path), "--quiet"])
        assert result.exit_code == 3
        assert "another crawl is running" in result.output
        with pytest.raises(ArchiveLockedError):
            crawl(db_path, [server.url("/")])


def test_wait_blocks_until_the_lock_is_free(server: LoopbackServer, db_path: Path) -> None:
    build_site(server, count=1)
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with crawl_lock(db_path):
            held.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    threading.Timer(0.3, release.set).start()
    args = [
        "crawl",
        server.url("/feed.xml"),
        "--db",
        str(db_path),
        "--delay",
        "0",
        "--wait",
        "--quiet",
    ]
    result = runner.invoke(app, args)
    thread.join()
    assert result.exit_code == 0, result.output
    assert release.is_set()


def test_usage_errors_exit_2(db_path: Path) -> None:
    assert runner.invoke(app, ["crawl", "--db", str(db_path)]).exit_code == 2
    bad_date = runner.invoke(app, ["crawl", "http://127.0.0.1:9/", "--since", "yesterday"])
    assert bad_date.exit_code == 2 and "--since" in bad_date.output
    no_such_day = runner.invoke(app, ["crawl", "http://127.0.0.1:9/", "--since", "2025-13-45"])
    assert no_such_day.exit_code == 2 and "--since" in no_such_day.output
    assert runner.invoke(app, ["fetch", "ftp://x/y", "--db", str(db_path)]).exit_code == 2
    unknown = runner.invoke(app, ["crawl", "no-such-site", "--db", str(db_path)])
    assert unknown.exit_code == 2 and "unknown target" in unknown.output
    # Nothing is written for a command that cannot run: no archive, no lock file.
    assert sorted(db_path.parent.iterdir()) == []


def test_fetch_command_stores_given_pages(server: LoopbackServer, db_path: Path) -> None:
    paths = build_site(server, count=2)
    result = runner.invoke(
        app, ["fetch", server.url(paths[1]), "--db", str(db_path), "--delay", "0", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles_new"] == 1
    assert article_urls(db_path) == [server.url(paths[1])]
    assert paths[0] not in requested(server)


def test_fetch_says_why_a_page_was_skipped(server: LoopbackServer, db_path: Path) -> None:
    build_site(server, count=1)
    url = server.url("/private/drafts-of-the-week-ahead")
    result = runner.invoke(app, ["fetch", url, "--db", str(db_path), "--delay", "0"])
    assert result.exit_code == 0, result.output  # obeying robots.txt is not a failure
    shown = " ".join(result.stderr.split())  # the summary may be wrapped (see test_cli_errors)
    assert f"skipped: {url}: disallowed by robots.txt" in shown
    as_json = runner.invoke(app, ["fetch", url, "--db", str(db_path), "--json", "-q"])
    assert json.loads(as_json.stdout)["skip_samples"] == [f"{url}: disallowed by robots.txt"]


def test_kill_9_mid_crawl_then_rerun_stores_every_article_once(tmp_path: Path) -> None:
    server = LoopbackServer().start()
    try:
        paths = build_site(server, count=12)
        db = tmp_path / "archive.db"
        command = [
            sys.executable,
            "-m",
            "scraper",
            "crawl",
            server.url("/"),
            "--db",
            str(db),
            "--delay",
            "0.3",
            "--quiet",
        ]  # fmt: skip  (slack for a loaded machine)
        proc = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 60
        while stored(db) < 4 and time.monotonic() < deadline:
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert proc.stderr is not None
        proc.stderr.close()
        first_run = [p for p in requested(server) if p in paths]
        assert 4 <= len(first_run) < 12, "the crawl must be killed mid-way"
        with closing(sqlite3.connect(db)) as conn, conn:
            assert conn.execute("SELECT status FROM runs").fetchone() == ("running",)
        stats = crawl(db, [server.url("/")])
        assert stats.errors == 0
        assert article_urls(db) == sorted(server.url(p) for p in paths)
        counts = [requested(server).count(p) for p in paths]
        # At most the pages in flight when the crawl died (fetched, not yet stored) come twice.
        assert sum(counts) - len(paths) <= 2, counts
    finally:
        server.stop()


def test_retry_after_beyond_the_cap_defers_the_host_across_runs(
    server: LoopbackServer, db_path: Path
) -> None:
    paths = build_site(server, count=2)
    server.add_fault(paths[0], status=503, headers={"Retry-After": "3600"}, times=1)
    first = crawl(db_path, [server.url("/sitemap.xml")])
    assert first.deferred == 1 and first.errors == 0
    with closing(sqlite3.connect(db_path)) as conn, conn:
        backoff = conn.execute("SELECT backoff_until FROM hosts").fetchone()[0]
        pending = conn.execute("SELECT state, next_attempt_at FROM frontier WHERE url = ?",
                               (server.url(paths[0]),)).fetchone()  # fmt: skip
    assert backoff > datetime.now(UTC).isoformat()
    assert pending == ("pending", backoff)
    server.requests.clear()
    second = crawl(db_path, [server.url("/sitemap.xml")])
    # The host asked for an hour: the next run does not knock, not even for the sitemap.
    assert requested(server) == [] and second.pages_fetched == 0
    assert second.errors == 0 and second.deferred == 1


def test_hub_pages_are_read_again_when_due(server: LoopbackServer, db_path: Path) -> None:
    build_site(server, count=2)
    crawl(db_path, [server.url("/")])
    with closing(sqlite3.connect(db_path)) as conn, conn:
        hub = conn.execute(
            "SELECT recheck_at, etag FROM frontier WHERE url = ?", (server.url("/section/local"),)
        ).fetchone()
        assert hub[0] > datetime.now(UTC).isoformat() and hub[1] is None
        conn.execute("UPDATE frontier SET recheck_at = '2000-01-01T00:00:00.000+00:00' "
                     "WHERE url LIKE '%/section/%'")  # fmt: skip
    new_path = article_path(7)
    server.add_route(new_path, article_html(7, OLD))
    links = f'<a href="{article_path(0)}">0</a><a href="{new_path}">7</a>'
    server.add_route("/section/local", f"<html><body><h1>Local</h1>{links}</body></html>")
    server.requests.clear()
    stats = crawl(db_path, [server.url("/")])
    assert "/section/local" in requested(server)
    assert stats.articles_new == 1 and requested(server).count(new_path) == 1


def test_redirect_targets_and_canonical_links_are_not_fetched_twice(
    server: LoopbackServer, db_path: Path
) -> None:
    paths = build_site(server, count=2)
    server.add_route("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    canonical = server.url(paths[1])
    page = article_html(1, OLD).replace(
        "</head>", f'<link rel="canonical" href="{canonical}"></head>'
    )
    server.add_route(paths[1] + "?ref=home", page)
    server.add_route("/short/1", "", status=301, headers={"Location": paths[0]})
    feed = (f"<item><link>{server.url('/short/1')}</link></item>"
            f"<item><link>{server.url(paths[1] + '?ref=home')}</link></item>")  # fmt: skip
    server.add_route("/feed.xml", f"<rss><channel>{feed}</channel></rss>", "application/rss+xml")
    assert crawl(db_path, [server.url("/feed.xml")]).articles_new == 2
    assert requested(server).count(paths[0]) == 1  # through the redirect
    assert requested(server).count("/robots.txt") == 1
    # The sitemap lists both articles under their real URLs: both are known already.
    server.requests.clear()
    again = crawl(db_path, [server.url("/sitemap.xml")])
    assert again.pages_fetched == 0 and requested(server) == ["/sitemap.xml"]


def test_hostile_sitemaps_and_broken_pages_are_recorded_not_fatal(
    server: LoopbackServer, db_path: Path
) -> None:
    import gzip

    base = server.base_url
    good = [article_path(n) for n in range(2)]
    loop, huge, pdf = (
        f"/{DAY_PATH}/loop-a-b-c",
        f"/{DAY_PATH}/huge-a-b-c",
        f"/{DAY_PATH}/pdf-a-b-c",
    )
    robots = f"User-agent: *\nSitemap: {base}/bomb.xml\nSitemap: {base}/cut.xml.gz\n"
    server.add_route("/robots.txt", robots, "text/plain")
    laughs = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><urlset><url><loc>&b;</loc></url></urlset>'
    server.add_route("/bomb.xml", laughs, "application/xml")
    whole = gzip.compress(f"<urlset><url><loc>{base}{good[0]}</loc></url></urlset>".encode())
    server.add_route("/cut.xml.gz", whole[: len(whole) // 2], "application/gzip")
    items = "".join(f"<item><link>{base}{p}</link></item>" for p in [*good, loop, huge, pdf])
    server.add_route("/feed.xml", f"<rss><channel>{items}</channel></rss>", "application/rss+xml")
    for n, path in enumerate(good):
        server.add_route(path, article_html(n, OLD))
    server.add_route(loop, "", status=302, headers={"Location": loop + "?again=1"})
    server.add_route(loop + "?again=1", "", status=302, headers={"Location": loop})
    server.add_route(huge, "<p>" + "x" * 3_000_000)
    server.add_route(pdf, b"%PDF-1.7", "application/pdf")
    stats = crawl(db_path, [server.url("/feed.xml")])
    assert stats.articles_new == 2
    with closing(sqlite3.connect(db_path)) as conn, conn:
        rows = dict(conn.execute("SELECT url, state || ': ' || last_error FROM frontier "
                                 "WHERE last_error IS NOT NULL"))  # fmt: skip
    assert rows[base + loop].startswith("failed: redirect loop")
    assert rows[base + huge].startswith("skipped: body larger than")
    assert rows[base + pdf] == "skipped: not HTML: content type application/pdf"
    samples = "\n".join(stats.error_samples)
    assert "bomb.xml: XML with a DOCTYPE or ENTITY declaration refused" in samples
    assert "cut.xml.gz: truncated gzip stream" in samples


def test_robots_outage_fails_urls_for_a_later_run_instead_of_skipping_them(
    server: LoopbackServer, db_path: Path
) -> None:
    build_site(server, count=2)  # story 0 is only in the sitemap, story 1 only in the feed
    server.add_fault("/robots.txt", status=503)
    opts = CrawlOptions(workers=0, follow_links=False, fetch=settings())
    with crawl_lock(db_path), Archive(db_path) as archive:
        first = Crawler(archive, opts, command="fetch").fetch_urls([server.url(article_path(0))])
    assert first.errors == 1 and first.skipped == 0 and first.articles_new == 0
    assert "robots.txt unreachable (HTTP 503)" in first.error_samples[0]
    with closing(sqlite3.connect(db_path)) as conn, conn:
        state = conn.execute("SELECT state FROM frontier WHERE url LIKE '%story-number-0%'")
        assert state.fetchone() == ("failed",)
        # Pretend the outage was long ago, so the next run asks for robots.txt again.
        conn.execute("UPDATE hosts SET robots_fetched_at = '2000-01-01T00:00:00+00:00'")
    server.reset()
    build_site(server, count=2)
    server.add_route("/sitemap.xml", "<urlset></urlset>", "application/xml")
    second = crawl(db_path, [server.url("/")], follow_links=False)
    assert second.errors == 0, second.error_samples
    assert server.url(article_path(0)) in article_urls(db_path)  # retried from the frontier


def test_ctrl_c_says_what_was_kept_and_exits_130(tmp_path: Path) -> None:
    server = LoopbackServer().start()
    try:
        build_site(server, count=12)
        db = tmp_path / "archive.db"
        # Python leaves SIGINT ignored when started from a background job: install the
        # KeyboardInterrupt handler explicitly, as an interactive shell would have it.
        start = (
            "import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from scraper.cli.app import main; sys.argv[0] = 'scraper'; main()"
        )
        command = [sys.executable, "-c", start, "crawl", server.url("/"), "--db", str(db),
                   "--delay", "0.15"]  # fmt: skip
        proc = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 60
        while stored(db) < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        lines = err.decode().strip().splitlines()
        assert lines[-1].startswith("crawl interrupted: "), err
        assert lines[-1].endswith("(run 1); run the same command again to resume")
        assert "Traceback" not in err.decode()
        with closing(sqlite3.connect(db)) as conn, conn:
            assert conn.execute("SELECT status FROM runs").fetchone() == ("interrupted",)
    finally:
        server.stop()


def test_a_page_the_extractor_chokes_on_is_kept_raw_and_reported(
    server: LoopbackServer, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import scraper.crawl

    build_site(server, count=1)
    real_job = scraper.crawl.extract_job

    def choking_job(body: bytes, url: str, charset: str | None, links: bool) -> Any:
        if "story-number-0" in url:
            raise RecursionError("maximum recursion depth exceeded")
        return real_job(body, url, charset, links)

    monkeypatch.setattr(scraper.crawl, "extract_job", choking_job)
    stats = crawl(db_path, [server.url("/")], follow_links=False)  # the feed lists story 0
    assert stats.errors == 1
    assert "extraction failed: RecursionError" in stats.error_samples[0]
    with closing(sqlite3.connect(db_path)) as conn, conn:
        pages = [r[0] for r in conn.execute("SELECT url FROM pages")]
        state = conn.execute("SELECT state FROM frontier WHERE url LIKE '%story-number-0%'")
        assert state.fetchone() == ("failed",)
    assert server.url(article_path(0)) in pages


def test_archive_in_a_missing_folder_names_the_folder_not_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "no-such-folder" / "news.db"
    result = runner.invoke(app, ["crawl", "http://127.0.0.1:9/", "--db", str(db), "-q"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {db}: cannot create an archive here (No such file or directory: "
        f"{db.parent}); create the folder or pass another --db\n"
    )
