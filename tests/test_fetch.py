"""The polite fetcher against the real loopback server with real faults."""

from __future__ import annotations

import asyncio
import gzip
import itertools
import socket
import time
from collections.abc import Awaitable, Callable
from email.utils import formatdate
from typing import TypeVar

import pytest

from scraper.fetch import (
    DEFERRED,
    FAILED,
    HTTP_ERROR,
    NOT_MODIFIED,
    OK,
    SKIPPED,
    Fetcher,
    FetchResult,
    FetchSettings,
    HostState,
    parse_retry_after,
)
from scraper.loopback import LoopbackServer

T = TypeVar("T")
PAGE = "<html><body><p>hello</p></body></html>"


def fast(**overrides: object) -> FetchSettings:
    """Settings for tests: no delay, quick back-off, short timeouts."""
    values: dict[str, object] = dict(delay=0.0, backoff_base=0.01, backoff_max=0.05, retries=2)
    values.update(overrides)
    return FetchSettings(**values)  # type: ignore[arg-type]


def run(
    settings: FetchSettings, body: Callable[[Fetcher], Awaitable[T]], store: object = None
) -> T:
    async def go() -> T:
        async with Fetcher(settings, store=store) as fetcher:  # type: ignore[arg-type]
            return await body(fetcher)

    return asyncio.run(go())


def fetch_one(
    server: LoopbackServer, path: str, settings: FetchSettings | None = None, **kw: object
) -> FetchResult:
    return run(settings or fast(), lambda f: f.fetch(server.url(path), **kw))  # type: ignore[arg-type]


def arrivals(server: LoopbackServer, path: str) -> list[float]:
    return [r.time for r in server.requests_for(path)]


#: The server notes a request's arrival when its handler thread runs, which on a loaded
#: machine can be late for one request and prompt for the next: gaps between arrivals may
#: come out this much shorter than the gaps between the fetcher's sends.
ARRIVAL_JITTER = 0.05


def test_ok_page_with_user_agent_and_charset(server: LoopbackServer) -> None:
    server.add_route("/a", PAGE, "text/html; charset=iso-8859-1")
    result = fetch_one(server, "/a")
    assert result.kind == OK and result.page is not None
    assert result.page.body == PAGE.encode()
    assert result.page.charset == "iso-8859-1"
    assert result.page.fetched_at
    agent = server.requests_for("/a")[0].headers["User-Agent"]
    assert agent.startswith("scraper/") and "+http" in agent


def test_user_agent_is_configurable(server: LoopbackServer) -> None:
    server.add_route("/a", PAGE)
    fetch_one(server, "/a", fast(user_agent="mylab-bot/2 (+https://lab.example/contact)"))
    assert server.requests_for("/a")[0].headers["User-Agent"].startswith("mylab-bot/2")


def test_robots_disallow_is_obeyed_for_our_agent(server: LoopbackServer) -> None:
    robots = "User-agent: scraper\nDisallow: /private/\n\nUser-agent: *\nDisallow: /\n"
    server.add_route("/robots.txt", robots, "text/plain")
    server.add_route("/private/x", PAGE)
    server.add_route("/public", PAGE)
    blocked = fetch_one(server, "/private/x")
    assert blocked.kind == SKIPPED and blocked.error == "disallowed by robots.txt"
    assert server.requests_for("/private/x") == []
    assert fetch_one(server, "/public").kind == OK  # our group wins over "*"


def test_crawl_delay_spaces_requests_to_one_host(server: LoopbackServer) -> None:
    server.add_route("/robots.txt", "User-agent: *\nCrawl-delay: 0.3\n", "text/plain")
    for name in "abc":
        server.add_route(f"/{name}", PAGE)

    async def three(fetcher: Fetcher) -> list[FetchResult]:
        return list(await asyncio.gather(*(fetcher.fetch(server.url(f"/{n}")) for n in "abc")))

    results = run(fast(delay=0.05), three)
    assert [r.kind for r in results] == [OK, OK, OK]
    times = sorted(arrivals(server, "/a") + arrivals(server, "/b") + arrivals(server, "/c"))
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 0.3 - ARRIVAL_JITTER, gaps
    assert len(server.requests_for("/robots.txt")) == 1  # asked once, not once per request


def test_configured_delay_applies_when_larger_than_crawl_delay(server: LoopbackServer) -> None:
    server.add_route("/a", PAGE)
    server.add_route("/b", PAGE)

    async def two(fetcher: Fetcher) -> None:
        await fetcher.fetch(server.url("/a"))
        await fetcher.fetch(server.url("/b"))

    run(fast(delay=0.25), two)
    assert arrivals(server, "/b")[0] - arrivals(server, "/a")[0] >= 0.25 - ARRIVAL_JITTER


def test_429_with_retry_after_is_retried_no_sooner(server: LoopbackServer) -> None:
    server.add_route("/busy", PAGE)
    server.add_fault("/busy", status=429, headers={"Retry-After": "1"}, times=1)
    result = fetch_one(server, "/busy")
    assert result.kind == OK and result.attempts == 2
    first, second = arrivals(server, "/busy")
    assert second - first >= 1 - ARRIVAL_JITTER


def test_long_retry_after_defers_and_is_remembered_by_the_store(server: LoopbackServer) -> None:
    class Store:
        def __init__(self) -> None:
            self.saved: dict[str, HostState] = {}

        def load_host(self, host: str) -> HostState | None:
            return self.saved.get(host)

        def save_host(self, state: HostState) -> None:
            self.saved[state.host] = state

    store = Store()
    server.add_route("/slow", PAGE)
    server.add_fault("/slow", status=503, headers={"Retry-After": "7200"}, times=1)
    settings = fast()
    first = run(settings, lambda f: f.fetch(server.url("/slow")), store)
    assert first.kind == DEFERRED and first.retry_at is not None
    assert first.retry_at - time.time() > 7000
    # A later run with the same host store does not even ask.
    second = run(settings, lambda f: f.fetch(server.url("/slow")), store)
    assert second.kind == DEFERRED
    assert len(server.requests_for("/slow")) == 1


def test_5xx_is_retried_then_recorded(server: LoopbackServer) -> None:
    server.add_route("/down", PAGE)
    server.add_fault("/down", status=500)
    result = fetch_one(server, "/down")
    assert result.kind == FAILED
    assert result.error == "HTTP 500 after 3 attempts"
    assert len(server.requests_for("/down")) == 3


def test_5xx_twice_then_success(server: LoopbackServer) -> None:
    server.add_route("/flaky", PAGE)
    server.add_fault("/flaky", status=502, times=2)
    result = fetch_one(server, "/flaky")
    assert result.kind == OK and result.attempts == 3


def test_timeouts_are_retried_then_recorded(server: LoopbackServer) -> None:
    server.add_route("/hang", PAGE)
    server.add_fault("/hang", delay=0.6)
    result = fetch_one(server, "/hang", fast(read_timeout=0.15, retries=1))
    assert result.kind == FAILED and result.error == "timed out after 2 attempts"
    assert len(server.requests_for("/hang")) == 2


def test_a_timeout_once_then_success(server: LoopbackServer) -> None:
    server.add_route("/hang", PAGE)
    server.add_fault("/hang", delay=0.6, times=1)
    result = fetch_one(server, "/hang", fast(read_timeout=0.15))
    assert result.kind == OK and result.attempts == 2


def test_truncated_body_is_retried(server: LoopbackServer) -> None:
    server.add_route("/cut", PAGE)
    server.add_fault("/cut", truncate=10, times=1)
    result = fetch_one(server, "/cut")
    assert result.kind == OK and result.attempts == 2
    assert result.page is not None and result.page.body == PAGE.encode()


def test_404_is_not_retried(server: LoopbackServer) -> None:
    result = fetch_one(server, "/nothing-here")
    assert result.kind == HTTP_ERROR and result.status == 404
    assert len(server.requests_for("/nothing-here")) == 1


def test_redirects_are_followed_and_recorded(server: LoopbackServer) -> None:
    server.add_route("/old", "", status=301, headers={"Location": "/middle"})
    server.add_route("/middle", "", status=302, headers={"Location": server.url("/new")})
    server.add_route("/new", PAGE)
    result = fetch_one(server, "/old")
    assert result.kind == OK and result.page is not None
    assert result.page.url == server.url("/new")
    assert result.page.redirects == [server.url("/old"), server.url("/middle")]
    assert result.page.requested_url == server.url("/old")


def test_redirect_loops_and_long_chains_stop(server: LoopbackServer) -> None:
    server.add_route("/l1", "", status=302, headers={"Location": "/l2"})
    server.add_route("/l2", "", status=302, headers={"Location": "/l1"})
    loop = fetch_one(server, "/l1")
    assert loop.kind == FAILED and loop.error is not None and "redirect loop" in loop.error
    for i in range(5):
        server.add_route(f"/c{i}", "", status=301, headers={"Location": f"/c{i + 1}"})
    chain = fetch_one(server, "/c0", fast(max_redirects=3))
    assert chain.kind == FAILED and chain.error == "more than 3 redirects"


def test_declared_huge_body_is_refused(server: LoopbackServer) -> None:
    server.add_route("/big", "x" * 5000)
    result = fetch_one(server, "/big", fast(max_bytes=1000))
    assert (
        result.kind == SKIPPED and result.error is not None and "larger than 1000" in result.error
    )


def test_body_cap_is_enforced_while_streaming(server: LoopbackServer) -> None:
    # 2 MB of HTML that travels as 2 KB of gzip: Content-Length says small, the cap must
    # still stop the decoded stream.
    bomb = gzip.compress(b"<p>" + b"a" * 2_000_000)
    server.add_route("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    result = fetch_one(server, "/bomb", fast(max_bytes=100_000))
    assert result.kind == SKIPPED and result.error is not None and "aborted" in result.error


def test_wrong_content_type_is_skipped(server: LoopbackServer) -> None:
    server.add_route("/file.pdf", b"%PDF-1.4", "application/pdf")
    result = fetch_one(server, "/file.pdf")
    assert result.kind == SKIPPED and result.error == "not HTML: content type application/pdf"
    anything = fetch_one(server, "/file.pdf", accept=None)
    assert anything.kind == OK


def test_conditional_request_and_304(server: LoopbackServer) -> None:
    server.add_route(
        "/cond", PAGE, headers={"ETag": '"v1"', "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT"}
    )
    first = fetch_one(server, "/cond")
    assert first.page is not None and first.page.headers["etag"] == '"v1"'
    server.add_fault("/cond", status=304, body=b"")
    again = fetch_one(server, "/cond", etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    assert again.kind == NOT_MODIFIED
    sent = server.requests_for("/cond")[-1].headers
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_a_host_that_keeps_failing_is_paused(server: LoopbackServer) -> None:
    for name in ("p1", "p2", "p3"):
        server.add_route(f"/{name}", PAGE)
        server.add_fault(f"/{name}", status=500)

    async def three(fetcher: Fetcher) -> list[FetchResult]:
        return [await fetcher.fetch(server.url(f"/{n}")) for n in ("p1", "p2", "p3")]

    results = run(fast(retries=0, pause_after=2, pause_seconds=600), three)
    assert [r.kind for r in results] == [FAILED, FAILED, DEFERRED]
    assert results[2].error is not None and "paused" in results[2].error
    assert server.requests_for("/p3") == []


def test_robots_errors_block_and_missing_robots_allows(server: LoopbackServer) -> None:
    server.add_route("/a", PAGE)
    server.add_fault("/robots.txt", status=503)
    blocked = fetch_one(server, "/a", fast(retries=0))
    # Failed (retried on a later run), not skipped for good, and the message says why.
    assert blocked.kind == FAILED
    assert blocked.error is not None and "robots.txt unreachable (HTTP 503)" in blocked.error
    assert server.requests_for("/a") == []
    server.reset()
    server.add_route("/a", PAGE)
    assert fetch_one(server, "/a").kind == OK  # robots.txt 404: everything allowed


def test_parse_retry_after() -> None:
    assert parse_retry_after("120") == 120.0
    now = time.time()
    assert parse_retry_after(formatdate(now + 60, usegmt=True), now) == pytest.approx(60, abs=1)
    assert parse_retry_after(formatdate(now - 60, usegmt=True), now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_unreachable_host_fails_with_the_network_error_not_a_robots_refusal() -> None:
    with socket.socket() as sock:  # a port nobody listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run(fast(retries=0), lambda f: f.fetch(f"http://127.0.0.1:{port}/story"))
    assert result.kind == FAILED
    assert result.error is not None
    assert result.error.startswith("robots.txt unreachable (ConnectError")
    assert "disallowed" not in result.error
