"""Faults real sites produce that the other fetch tests do not: a body that trickles in, 429
with an HTTP-date Retry-After, and a redirect to another host (with its own robots.txt)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from email.utils import formatdate

import pytest
from test_fetch import PAGE, fast, fetch_one, run

from scraper.fetch import DEFERRED, FAILED, OK, SKIPPED, FetchResult
from scraper.loopback import LoopbackServer


class TrickleServer:
    """Answers every request at once with headers, then sends the body a byte at a time,
    ``pause`` seconds apart: each read succeeds, the whole body never arrives in time."""

    def __init__(self, pause: float = 0.05, size: int = 400) -> None:
        self.pause = pause
        self.size = size
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)  # the request: every path gets the same slow answer
                head = (
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                    f"Content-Length: {self.size}\r\nConnection: close\r\n\r\n"
                )
                conn.sendall(head.encode())
                for _ in range(self.size):
                    if self.stopping.is_set():
                        return
                    conn.sendall(b"x")
                    time.sleep(self.pause)
            except OSError:  # the client gave up: expected
                return

    def __enter__(self) -> TrickleServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join(2)
        self.sock.close()


def test_a_body_that_trickles_in_is_cut_by_the_total_timeout() -> None:
    settings = fast(read_timeout=2.0, total_timeout=0.5, retries=0, respect_robots=False)
    with TrickleServer() as slow:
        url = f"http://127.0.0.1:{slow.port}/slow-story"
        result: FetchResult = run(settings, lambda f: f.fetch(url))
    # Every byte came within the read timeout; only the whole-request limit stops it.
    assert result.kind == FAILED
    assert result.error == "timed out after 1 attempts"


def test_429_with_an_http_date_retry_after(server: LoopbackServer) -> None:
    server.add_route("/soon", PAGE)
    past = formatdate(time.time() - 60, usegmt=True)  # already passed: retry at once
    server.add_fault("/soon", status=429, headers={"Retry-After": past}, times=1)
    soon = fetch_one(server, "/soon")
    assert soon.kind == OK and soon.attempts == 2

    server.add_route("/later", PAGE)
    in_two_hours = time.time() + 7200
    later_date = formatdate(in_two_hours, usegmt=True)
    server.add_fault("/later", status=429, headers={"Retry-After": later_date}, times=1)
    later = fetch_one(server, "/later")
    # Beyond max_retry_after (300 s): deferred to that date, not waited for.
    assert later.kind == DEFERRED and later.status == 429
    assert later.retry_at is not None and abs(later.retry_at - in_two_hours) < 5
    assert len(server.requests_for("/later")) == 1


@pytest.fixture
def other() -> Iterator[LoopbackServer]:
    second = LoopbackServer().start()
    yield second
    second.stop()


def test_a_redirect_to_another_host_obeys_that_hosts_robots(
    server: LoopbackServer, other: LoopbackServer
) -> None:
    server.add_route("/robots.txt", "User-agent: *\nDisallow:\n", "text/plain")
    other.add_route("/robots.txt", "User-agent: *\nDisallow: /members/\n", "text/plain")
    server.add_route("/moved", "", status=301, headers={"Location": other.url("/story")})
    server.add_route("/locked", "", status=302, headers={"Location": other.url("/members/x")})
    other.add_route("/story", PAGE)
    other.add_route("/members/x", PAGE)

    moved = fetch_one(server, "/moved")
    assert moved.kind == OK and moved.page is not None
    assert moved.page.url == other.url("/story")
    assert moved.page.redirects == [server.url("/moved")]
    assert moved.page.requested_url == server.url("/moved")

    locked = fetch_one(server, "/locked")
    assert locked.kind == SKIPPED and locked.error == "disallowed by robots.txt"
    assert other.requests_for("/members/x") == []  # never asked for
    assert len(other.requests_for("/robots.txt")) >= 1
