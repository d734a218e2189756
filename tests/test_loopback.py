"""The loopback server that all HTTP tests rely on serves files and injects faults."""

from __future__ import annotations

import http.client
import time

import httpx

from scraper.loopback import LoopbackServer


def test_serves_files_and_404(server: LoopbackServer) -> None:
    server.add_route("/hello.html", "<p>hi</p>")
    response = httpx.get(server.url("/hello.html"))
    assert response.status_code == 200
    assert response.text == "<p>hi</p>"
    assert httpx.get(server.url("/nope")).status_code == 404


def test_fault_status_and_header_then_recovers(server: LoopbackServer) -> None:
    server.add_route("/a", "ok")
    server.add_fault("/a", status=429, headers={"Retry-After": "2"}, times=1)
    first = httpx.get(server.url("/a"))
    assert first.status_code == 429
    assert first.headers["retry-after"] == "2"
    assert httpx.get(server.url("/a")).status_code == 200
    assert len(server.requests_for("/a")) == 2


def test_delay_is_real(server: LoopbackServer) -> None:
    server.add_route("/slow", "zzz")
    server.add_fault("/slow", delay=0.3)
    started = time.monotonic()
    httpx.get(server.url("/slow"))
    assert time.monotonic() - started >= 0.3


def test_truncated_body_is_short(server: LoopbackServer) -> None:
    server.add_route("/t", "x" * 1000)
    server.add_fault("/t", truncate=10)
    conn = http.client.HTTPConnection("127.0.0.1", server.port)
    conn.request("GET", "/t")
    response = conn.getresponse()
    try:
        data = response.read()
    except http.client.IncompleteRead as err:
        data = err.partial
    finally:
        conn.close()
    assert len(data) == 10


def test_path_traversal_is_refused(server: LoopbackServer) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", server.port)
    conn.request("GET", "/../pyproject.toml")
    response = conn.getresponse()
    response.read()
    conn.close()
    assert response.status == 404
