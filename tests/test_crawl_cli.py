"""crawl and fetch given bad input on the command line or from a loopback site: usage errors
(exit 2) with one line naming the problem, binary bodies skipped with a reason, redirects
to unfetchable URLs failed once, and no lock file left beside the archive."""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from test_crawl import OLD, RECENT, ROOT, article_html, build_site, crawl, stored
from typer.testing import CliRunner

from scraper import sites
from scraper.cli import app
from scraper.errors import ArchiveLockedError
from scraper.lock import crawl_lock
from scraper.loopback import LoopbackServer

runner = CliRunner()
OPEN_ROBOTS = "User-agent: *\nDisallow:\n"
#: Bodies that are not pages, as a misconfigured server sends them under text/html.
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(255, -1, -1)) * 4
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" * 20
NUL_HEAVY = b"<html>" + b"\x00\x01\x02\x03" * 500 + b"</html>"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args])
    return result.exit_code, result.stdout, result.stderr


def rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db)) as conn, conn:
        return list(conn.execute(sql))


def fetch_json(db: Path, *urls: str) -> tuple[int, dict[str, object]]:
    code, out, err = run("fetch", *urls, "--db", str(db), "--delay", "0", "--retries", "1",
                         "--json", "-q")  # fmt: skip
    assert "Traceback" not in err
    return code, json.loads(out)


# -- 1. --all with a missing site config folder ---------------------------------------------


@pytest.fixture
def selectors(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """$SCRAPER_SELECTORS pointed at a folder that does not exist (yet)."""
    folder = tmp_path / "no-such-selectors"
    monkeypatch.setenv("SCRAPER_SELECTORS", str(folder))
    sites.clear_cache()
    yield folder
    sites.clear_cache()


def test_all_with_a_missing_config_folder_names_the_folder(selectors: Path, db_path: Path) -> None:
    code, _, err = run("crawl", "--all", "--db", str(db_path))
    assert code == 2
    assert err == (f"error: --all: no config folder at {selectors} (from SCRAPER_SELECTORS)\n")
    assert list(db_path.parent.iterdir()) == []  # no archive, no lock file


def test_all_with_an_empty_config_folder_says_so(selectors: Path, db_path: Path) -> None:
    selectors.mkdir()
    code, _, err = run("crawl", "--all", "--db", str(db_path))
    assert code == 2
    assert err.startswith(f"error: --all: no valid site configs in {selectors}")
    assert not db_path.exists()


def test_a_site_name_with_a_missing_config_folder_names_the_folder(
    selectors: Path, db_path: Path
) -> None:
    code, _, err = run("crawl", "examplenews", "--db", str(db_path))
    assert code == 2
    assert "unknown target 'examplenews'" in err
    assert f"no config folder at {selectors}" in err and len(err.splitlines()) == 1


# -- 2. URLs typed on the command line that cannot be valid ---------------------------------

BAD_URLS = [
    ("http://256.1.1.1/x", "invalid IPv4 address '256.1.1.1' (a part is over 255)"),
    ("http://news..example.com/a", "invalid host name 'news..example.com' (an empty part)"),
    ("https://example.123/a", "a host name cannot end in a number"),
    ("https://example.com:0/a", "invalid port 0"),
    ("https://example.com:70000/a", "Port out of range"),
    ("https://exa mple.com/a", "holds characters a host name cannot"),
    ("example.com/2025/story", "not an http(s) URL (did you mean https://...?)"),
    ("ftp://example.com/a", "not an http(s) URL"),
    ("https:/example.com/a", "not an http(s) URL (https: needs // after it)"),
]


@pytest.mark.parametrize(("url", "problem"), BAD_URLS, ids=[u for u, _ in BAD_URLS])
@pytest.mark.parametrize("command", ["fetch", "crawl"])
def test_a_typed_url_that_cannot_be_valid_is_a_usage_error(
    command: str, url: str, problem: str, db_path: Path
) -> None:
    code, out, err = run(command, url, "--db", str(db_path))
    assert code == 2, err
    assert err.startswith(f"error: {url}: ") and problem in err, err
    assert len(err.splitlines()) == 1 and out == ""
    assert list(db_path.parent.iterdir()) == []  # no archive, no lock file


def test_a_domain_target_that_cannot_be_valid_is_a_usage_error(db_path: Path) -> None:
    code, _, err = run("crawl", "256.1.1.1", "--db", str(db_path))
    assert code == 2
    assert err == "error: 256.1.1.1: invalid IPv4 address '256.1.1.1' (a part is over 255)\n"


def test_a_bad_url_among_good_ones_stops_before_any_fetch(
    server: LoopbackServer, db_path: Path
) -> None:
    server.add_route("/robots.txt", OPEN_ROBOTS, "text/plain")
    server.add_route("/story", article_html(1, OLD))
    code, _, err = run("fetch", server.url("/story"), "http://256.1.1.1/x", "--db", str(db_path))
    assert code == 2 and "256.1.1.1" in err
    assert server.requests == []


def test_impossible_urls_in_a_sitemap_are_skipped_as_invalid(
    server: LoopbackServer, db_path: Path
) -> None:
    server.add_route("/robots.txt", OPEN_ROBOTS, "text/plain")
    server.add_route("/story", article_html(1, OLD))
    locs = [server.url("/story"), "http://256.1.1.1/a", "http://news..example.com/b"]
    sitemap = "<urlset>" + "".join(f"<url><loc>{u}</loc></url>" for u in locs) + "</urlset>"
    server.add_route("/sitemap.xml", sitemap, "application/xml")
    stats = crawl(db_path, [server.url("/sitemap.xml")])
    assert (stats.errors, stats.articles_new, stats.skipped) == (0, 1, 2)
    assert sorted(stats.skip_samples) == [
        "http://256.1.1.1/a: invalid URL (invalid IPv4 address '256.1.1.1' (a part is over 255))",
        "http://news..example.com/b: invalid URL (invalid host name 'news..example.com' "
        "(an empty part))",
    ]


def test_a_user_agent_that_cannot_be_sent_is_a_usage_error(db_path: Path) -> None:
    for agent in ["", "naïve-bot/1.0", "bot/1.0\nX-Injected: 1", "/1.0"]:
        code, _, err = run("fetch", "http://127.0.0.1:9/", "--user-agent", agent,
                           "--db", str(db_path))  # fmt: skip
        assert code == 2, (agent, err)
        assert err.startswith("error: --user-agent must be printable ASCII")
    assert not db_path.exists()


# -- 3. binary bodies served as pages -------------------------------------------------------

BINARY = [
    ("PNG image", PNG, "text/html; charset=utf-8", "served as text/html"),
    ("ZIP archive", ZIP, "text/html", "served as text/html"),
    ("PDF document", PDF, "application/xhtml+xml", "served as application/xhtml+xml"),
    ("99% control bytes", NUL_HEAVY, "text/html", "served as text/html"),  # 2,000 of 2,013
    ("PNG image", PNG, "", "served without a content type"),
]


@pytest.mark.parametrize(("kind", "body", "content_type", "label"), BINARY)
def test_a_binary_body_labelled_as_a_page_is_skipped_not_stored(
    server: LoopbackServer, db_path: Path, kind: str, body: bytes, content_type: str, label: str
) -> None:
    server.add_route("/robots.txt", OPEN_ROBOTS, "text/plain")
    server.add_route("/2025/03/01/story-with-a-picture", body, content_type)
    url = server.url("/2025/03/01/story-with-a-picture")
    code, summary = fetch_json(db_path, url)
    assert code == 0  # the server's mistake, not a failure to report every night
    assert summary["skip_samples"] == [f"{url}: binary content ({kind}) {label}"]
    assert (summary["articles_new"], summary["pages_only"]) == (0, 0)
    assert rows(db_path, "SELECT count(*) FROM pages") == [(0,)]
    assert rows(db_path, "SELECT state FROM frontier") == [("skipped",)]


def test_a_gzipped_body_sent_without_content_encoding_is_read(
    server: LoopbackServer, db_path: Path
) -> None:
    server.add_route("/robots.txt", OPEN_ROBOTS, "text/plain")
    server.add_route("/story", gzip.compress(article_html(4, OLD).encode()))
    code, summary = fetch_json(db_path, server.url("/story"))
    assert code == 0 and summary["articles_new"] == 1
    assert rows(db_path, "SELECT headline FROM articles") == [("Story number 4",)]


def test_a_utf16_page_is_text_not_binary(server: LoopbackServer, db_path: Path) -> None:
    html = article_html(5, OLD).replace('<meta charset="utf-8">', "")
    server.add_route("/robots.txt", OPEN_ROBOTS, "text/plain")
    server.add_route("/story", html.encode("utf-16"), "text/html; charset=utf-16")
    code, summary = fetch_json(db_path, server.url("/story"))
    assert code == 0 and summary["skipped"] == 0
    assert rows(db_path, "SELECT headline FROM articles") == [("Story number 5",)]


def test_a_binary_seed_is_an_error_naming_the_format(server: LoopbackServer, db_path: Path) -> None:
    server.add_route("/robots.txt", OPEN_ROBOTS, "text/plain")
    server.add_route("/", PNG)
    code, out, _ = run("crawl", server.url("/"), "--db", str(db_path), "--delay", "0",
                       "--json", "-q")  # fmt: skip
    assert code == 1
    assert json.loads(out)["error_samples"] == [
        f"{server.url('/')}: not a home page, feed or sitemap "
        "(binary content (PNG image), content type text/html)"
    ]


# -- redirects to URLs that cannot be fetched -----------------------------------------------

REDIRECTS = [
    ("ftp://example.com/story", "redirected to 'ftp://example.com/story': not an http(s) URL"),
    ("javascript:void(0)", "redirected to 'javascript:void(0)': not an http(s) URL"),
    (
        "http://256.1.1.1/story",
        "redirected to 'http://256.1.1.1/story': invalid IPv4 address '256.1.1.1' "
        "(a part is over 255)",
    ),
]


@pytest.mark.parametrize(("location", "message"), REDIRECTS)
def test_a_redirect_to_an_unfetchable_url_fails_once_without_retries(
    server: LoopbackServer, db_path: Path, location: str, message: str
) -> None:
    server.add_route("/robots.txt", OPEN_ROBOTS, "text/plain")
    server.add_route("/moved", "", status=302, headers={"Location": location})
    code, summary = fetch_json(db_path, server.url("/moved"))
    assert code == 1
    assert summary["error_samples"] == [f"{server.url('/moved')}: {message}"]
    assert len(server.requests_for("/moved")) == 1  # not retried as a network error
    # Final like a 404: the next run does not ask again.
    assert rows(db_path, "SELECT state, last_status FROM frontier") == [("failed", 302)]


# -- robots.txt unreachable on an earlier run ------------------------------------------------


def test_an_unreachable_robots_txt_read_from_the_archive_says_when_it_is_asked_again(
    server: LoopbackServer, db_path: Path
) -> None:
    server.add_route("/robots.txt", "down", "text/plain", status=500)
    server.add_route("/story", article_html(1, OLD))
    url = server.url("/story")
    first = fetch_json(db_path, url)[1]["error_samples"]
    assert first == [
        f"{url}: robots.txt unreachable (HTTP 500); not fetched, retried on a later run"
    ]
    again = fetch_json(db_path, url)[1]["error_samples"]
    assert isinstance(again, list) and len(again) == 1
    assert re.fullmatch(
        rf"{re.escape(url)}: robots.txt unreachable \(on an earlier try; asked again from "
        r"\d\d:\d\d:\d\d\); not fetched, retried on a later run",
        again[0],
    )


# -- 4. the lock file -----------------------------------------------------------------------


def test_no_lock_file_is_left_after_a_crawl_or_a_refused_archive(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.add_route("/robots.txt", OPEN_ROBOTS, "text/plain")
    server.add_route("/story", article_html(1, OLD))
    good = tmp_path / "news.db"
    assert fetch_json(good, server.url("/story"))[0] == 0
    assert not Path(f"{good}.lock").exists()
    refused = tmp_path / "notes.db"
    refused.write_text("my notes, not an archive\n")
    code, _, err = run("fetch", server.url("/story"), "--db", str(refused))
    assert code == 2 and "not a usable SQLite archive" in err
    assert not Path(f"{refused}.lock").exists()
    assert refused.read_text() == "my notes, not an archive\n"


def _blocked_waiters(lock: Path) -> int:
    """Processes or threads waiting for a flock on ``lock`` (Linux /proc/locks, where a file is
    ``major:minor:inode``, the device numbers in hex)."""
    status = os.stat(lock)
    file = f"{os.major(status.st_dev):02x}:{os.minor(status.st_dev):02x}:{status.st_ino} "
    with open("/proc/locks") as table:
        return sum(1 for line in table if "->" in line and file in line)


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="needs Linux /proc/locks")
def test_a_waiter_on_a_removed_lock_file_takes_the_new_one(tmp_path: Path) -> None:
    """The race of removing a lock file: B waits on the file A holds; A removes it and lets
    go. B must then hold the file at the path, so a newcomer C is refused."""
    db = tmp_path / "news.db"
    lock = Path(f"{db}.lock")
    b_holds, b_done = threading.Event(), threading.Event()

    def waiter() -> None:
        with crawl_lock(db, wait=True):
            b_holds.set()
            b_done.wait(10)

    with crawl_lock(db):
        thread = threading.Thread(target=waiter)
        thread.start()
        for _ in range(500):  # until B is blocked in flock on A's file
            if _blocked_waiters(lock):
                break
            threading.Event().wait(0.01)
        assert _blocked_waiters(lock) >= 1  # B waits on A's file
    assert b_holds.wait(10)
    try:
        assert lock.exists()
        with pytest.raises(ArchiveLockedError), crawl_lock(db):
            pass
    finally:
        b_done.set()
        thread.join(10)
    assert not lock.exists()


# -- signals from cron: SIGTERM unwinds like Ctrl-C, SIGKILL leaves no workers behind --------


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (Linux /proc): the extraction pool's forkserver, workers."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_bytes()
            except OSError:
                continue
            parent = int(stat.rsplit(b")", 1)[1].split()[1])
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _running(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()[0]
        except OSError:
            continue
        if state != b"Z":
            alive.add(pid)
    return alive


def _gone(pids: set[int]) -> bool:
    """Whether ``pids`` have all exited (the forkserver follows its workers a moment later)."""
    deadline = time.monotonic() + 30
    while _running(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return not _running(pids)


def _start_crawl(
    server: LoopbackServer, db: Path, sigint: str = "default_int_handler"
) -> subprocess.Popen[bytes]:
    """A crawl in a child process; ``sigint`` is how it starts with SIGINT handled (a shell
    starts background jobs with SIGINT ignored: SIG_IGN)."""
    start = (
        f"import signal, sys; signal.signal(signal.SIGINT, signal.{sigint}); "
        "from scraper.cli.app import main; sys.argv[0] = 'scraper'; main()"
    )
    command = [sys.executable, "-c", start, "crawl", server.url("/"), "--db", str(db),
               "--delay", "0.2"]  # fmt: skip
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while stored(db) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    return proc


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("sigint", ["default_int_handler", "SIG_IGN"])
def test_sigterm_is_recorded_as_an_interruption_and_exits_143(tmp_path: Path, sigint: str) -> None:
    server = LoopbackServer().start()
    try:
        build_site(server, count=12)
        db = tmp_path / "archive.db"
        proc = _start_crawl(server, db, sigint)
        workers = _descendants(proc.pid)
        assert workers, "the crawl runs an extraction pool"
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 143, err
        lines = err.decode().strip().splitlines()
        assert lines[-1].startswith("crawl stopped by SIGTERM: "), err
        assert lines[-1].endswith("(run 1); run the same command again to resume")
        assert "Traceback" not in err.decode()
        assert rows(db, "SELECT status FROM runs") == [("interrupted",)]
        assert not Path(f"{db}.lock").exists()
        assert _gone(workers)  # the pool was shut down, not orphaned
    finally:
        server.stop()


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_extraction_workers_exit_when_the_crawl_is_killed(tmp_path: Path) -> None:
    server = LoopbackServer().start()
    try:
        build_site(server, count=12)
        proc = _start_crawl(server, tmp_path / "archive.db")
        workers = _descendants(proc.pid)
        assert workers, "the crawl runs an extraction pool"
        proc.kill()
        proc.wait()
        assert proc.stderr is not None
        proc.stderr.close()
        assert _gone(workers)  # they look for the crawl once a second
    finally:
        server.stop()


def test_fetch_says_which_pages_gave_no_article(server: LoopbackServer, db_path: Path) -> None:
    server.add_route("/robots.txt", OPEN_ROBOTS, "text/plain")
    links = "".join(
        f'<li><a href="/2025/01/0{i}/council-story-{i}">Council story {i}</a></li>'
        for i in range(8)
    )
    server.add_route("/section/local", f"<html><body><h1>Local</h1><ul>{links}</ul></body></html>")
    server.add_route("/blank", "<html><body></body></html>")
    section, blank = server.url("/section/local"), server.url("/blank")
    code, _, err = run("fetch", section, blank, "--db", str(db_path), "--delay", "0")
    assert code == 0, err
    shown = " ".join(err.split())  # the summary may be wrapped
    assert f"kept as a raw page, no article: {section}: not_article" in shown
    assert f"kept as a raw page, no article: {blank}: empty" in shown
    assert rows(db_path, "SELECT count(*) FROM pages") == [(2,)]


def test_a_stored_article_served_as_an_image_on_recheck_keeps_its_record_and_schedule(
    server: LoopbackServer, db_path: Path
) -> None:
    paths = build_site(server, count=2, published=RECENT)
    crawl(db_path, [server.url("/sitemap.xml"), server.url("/feed.xml")])
    assert len(rows(db_path, "SELECT id FROM articles")) == 2
    # The hour before the first recheck has passed, and a broken cache now serves an image.
    with closing(sqlite3.connect(db_path)) as conn, conn:
        conn.execute("UPDATE frontier SET recheck_at = '2000-01-01T00:00:00.000+00:00'")
    server.add_route(paths[0], PNG)
    stats = crawl(db_path, [server.url("/sitemap.xml")])
    assert stats.skip_samples == [
        f"{server.url(paths[0])}: binary content (PNG image) served as text/html"
    ]
    assert stats.errors == 0
    assert sorted(str(r[0]) for r in rows(db_path, "SELECT headline FROM articles")) == [
        "Story number 0",
        "Story number 1",
    ]
    state = rows(
        db_path, f"SELECT state, recheck_at FROM frontier WHERE url = '{server.url(paths[0])}'"
    )
    assert state[0][0] == "done" and state[0][1] is not None  # checked again at +6 h
