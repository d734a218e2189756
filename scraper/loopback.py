"""A threaded HTTP server on 127.0.0.1 that serves a folder, with faults injectable per path.

Used by ``scraper demo`` (the bundled demo site), by the tests (real HTTP, real faults) and by
the benchmarks. Faults model what real sites do: slow responses, 429 with Retry-After, 5xx,
redirects, truncated bodies, wrong charsets and content types.
"""

from __future__ import annotations

import mimetypes
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit


@dataclass
class Fault:
    """What to do instead of (or on top of) serving the file at a path.

    ``times`` limits how many requests the fault applies to (None: all); after that the
    path is served normally, which is how "fails twice, then succeeds" is written.
    """

    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    content_type: str | None = None
    delay: float = 0.0
    truncate: int | None = None  # send only this many bytes of the body, then close
    times: int | None = None


@dataclass(frozen=True)
class Request:
    """One request as the server saw it (for politeness checks from server-side timestamps)."""

    method: str
    path: str
    time: float
    headers: dict[str, str]


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        # Clients that hang up early (timeouts, truncation tests) are expected here.
        return


class LoopbackServer:
    """Serve ``root`` on 127.0.0.1 (free port) in a background thread.

    Routes (``add_route``) serve generated content at a path; faults (``add_fault``) alter
    what a path returns. ``requests`` logs every request with its arrival time.
    """

    def __init__(
        self, root: Path | str | None = None, host: str = "127.0.0.1", port: int = 0
    ) -> None:
        self.root = Path(root) if root is not None else None
        self.host = host
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.faults: dict[str, Fault] = {}
        self.requests: list[Request] = []
        self.latency = 0.0  # seconds added to every response (benchmarks: a realistic server)
        self._lock = threading.Lock()
        self._httpd = _QuietServer((host, port), _make_handler(self))
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + (path if path.startswith("/") else "/" + path)

    def start(self) -> LoopbackServer:
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def add_route(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        headers: dict[str, str] | None = None,
    ) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": content_type, **(headers or {})}
        with self._lock:
            self.routes[path] = (status, all_headers, data)

    def add_fault(self, path: str, fault: Fault | None = None, **kwargs: object) -> None:
        with self._lock:
            self.faults[path] = fault if fault is not None else Fault(**kwargs)  # type: ignore[arg-type]

    def reset(self) -> None:
        """Forget routes, faults and the request log (between tests)."""
        with self._lock:
            self.routes.clear()
            self.faults.clear()
            self.requests.clear()

    def requests_for(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    # -- used by the handler -------------------------------------------------------------
    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            fault = self.faults.get(path)
            if fault is None:
                return None
            if fault.times is not None:
                if fault.times <= 0:
                    return None
                fault.times -= 1
            return fault

    def _resolve(self, path: str) -> tuple[int, dict[str, str], bytes]:
        with self._lock:
            route = self.routes.get(path)
        if route is not None:
            return route
        if self.root is not None:
            target = (self.root / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            root = self.root.resolve()
            if target.is_file() and (target == root or root in target.parents):
                ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
                if ctype.startswith("text/") or ctype.endswith("xml"):
                    ctype += "; charset=utf-8"
                return 200, {"Content-Type": ctype}, target.read_bytes()
        return 404, {"Content-Type": "text/plain"}, b"not found"


def _make_handler(server: LoopbackServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # quiet
            return

        def do_HEAD(self) -> None:
            self._serve(send_body=False)

        def do_GET(self) -> None:
            self._serve(send_body=True)

        def _serve(self, send_body: bool) -> None:
            path = urlsplit(self.path).path or "/"
            with server._lock:
                server.requests.append(
                    Request(self.command, path, time.monotonic(), dict(self.headers.items()))
                )
            if server.latency:
                time.sleep(server.latency)
            status, headers, body = server._resolve(path)
            headers = dict(headers)
            fault = server._take_fault(path)
            truncate: int | None = None
            if fault is not None:
                if fault.delay:
                    time.sleep(fault.delay)
                if fault.status is not None:
                    status = fault.status
                if fault.body is not None:
                    body = fault.body
                if fault.content_type is not None:
                    headers["Content-Type"] = fault.content_type
                headers.update(fault.headers)
                truncate = fault.truncate
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            if truncate is not None:
                self.send_header("Connection", "close")
            self.end_headers()
            if not send_body:
                return
            try:
                self.wfile.write(body if truncate is None else body[:truncate])
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return
            if truncate is not None:
                self.close_connection = True

    return Handler


@contextmanager
def serve(root: Path | str | None = None) -> Iterator[LoopbackServer]:
    """Run a LoopbackServer for the duration of a ``with`` block."""
    server = LoopbackServer(root).start()
    try:
        yield server
    finally:
        server.stop()
