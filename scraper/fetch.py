"""The polite async HTTP client: robots.txt, one request at a time per host, retries, limits.

Settings (``FetchSettings``): user agent, per-host delay (robots Crawl-delay wins when larger),
a global concurrency limit, connect/read/total timeouts, a body size cap enforced while
streaming, bounded redirects with loop detection, exponential back-off with jitter on 5xx and
network errors, Retry-After on 429/503, and a pause for hosts that keep failing. Host state
(robots, back-off, pause) goes through a ``HostStore`` so it survives between runs; how
robots.txt is read and obeyed is ``robots``'s.
URLs that can never be fetched (``urls.url_problem``) are skipped without a request, a redirect
to one fails at once, and a page whose body is binary (``sniff``) is skipped.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Protocol
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from scraper import __version__, clock
from scraper.models import Page
from scraper.robots import Robots, RobotsUnavailable, RobotsUnreachable, unreachable_reason
from scraper.sniff import binary_kind, gunzip_text
from scraper.urls import url_problem

DEFAULT_USER_AGENT = (
    f"scraper/{__version__} (+https://github.com/news-scraper-archive/scraper; research crawler)"
)
HTML_TYPES = ("text/html", "application/xhtml+xml")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

# Outcomes of a fetch (FetchResult.kind).
OK = "ok"
NOT_MODIFIED = "not_modified"
HTTP_ERROR = "http_error"  # a final 4xx/5xx response
SKIPPED = "skipped"  # not fetched or not kept: content type, robots.txt
FAILED = "failed"  # network errors, limits, redirect loops, after retries
DEFERRED = "deferred"  # host backing off or paused: try again at ``retry_at``


@dataclass
class FetchSettings:
    """Politeness and limits; every field has a safe default for real sites."""

    user_agent: str = DEFAULT_USER_AGENT
    delay: float = 1.0
    concurrency: int = 8
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    max_bytes: int = 10_000_000
    max_redirects: int = 10
    retries: int = 3
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    max_retry_after: float = 300.0  # a longer Retry-After defers the URL to a later run
    pause_after: int = 5  # consecutive failed URLs before the host is paused
    pause_seconds: float = 3600.0
    robots_ttl: float = 86400.0
    respect_robots: bool = True

    @property
    def robots_token(self) -> str:
        """The product token robots.txt groups are matched against (``scraper``)."""
        words = self.user_agent.split("/", 1)[0].split()
        return words[0].lower() if words else "*"  # no product name: only "*" groups apply


@dataclass
class HostState:
    """What we know about one host; times are epoch seconds (0: never)."""

    host: str
    robots_txt: str | None = None
    robots_fetched_at: float = 0.0
    crawl_delay: float | None = None
    backoff_until: float = 0.0
    consecutive_failures: int = 0
    paused_until: float = 0.0
    last_request_at: float = 0.0
    delay: float | None = None  # the site config's delay, if any (not persisted)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False, compare=False)
    robots_lock: asyncio.Lock = field(default_factory=asyncio.Lock, repr=False, compare=False)
    robots: Protego | None = field(default=None, repr=False, compare=False)
    robots_error: str | None = None  # why robots.txt could not be read (this run only)


class HostStore(Protocol):
    """Where host state lives between runs (the archive's ``hosts`` table)."""

    def load_host(self, host: str) -> HostState | None: ...

    def save_host(self, state: HostState) -> None: ...


@dataclass
class FetchResult:
    """The outcome of fetching one URL; ``page`` is set for OK and HTTP_ERROR."""

    url: str
    kind: str
    page: Page | None = None
    error: str | None = None
    status: int | None = None
    retry_at: float | None = None
    attempts: int = 0


class _Response:
    """A response reduced to what the crawler keeps (body already capped)."""

    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name:
                return value
        return None


class _Limit(Exception):
    """A limit hit while streaming (size, content type): not retried."""


class _BadRedirect(Exception):
    """A redirect to a URL that cannot be fetched (another scheme, an impossible host, a
    Location httpx cannot parse): final, not a network error. Raised from a response hook,
    as httpx reads Location even when it does not follow redirects."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


async def _check_location(response: httpx.Response) -> None:
    location = response.headers.get("location")
    if location is None or not response.is_redirect:
        return
    shown = repr(location if len(location) <= 100 else location[:100] + "...")
    problem = url_problem(urljoin(str(response.request.url), location.strip()))
    if problem is None:
        try:
            httpx.URL(location)
        except httpx.InvalidURL as err:
            problem = str(err)
    if problem is not None:
        raise _BadRedirect(response.status_code, f"redirected to {shown}: {problem}")


class _GiveUp(Exception):
    def __init__(self, result: FetchResult) -> None:
        self.result = result


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def backoff_delay(attempt: int, base: float, cap: float) -> float:
    """Exponential back-off with full jitter in [0.5, 1.5) of the nominal delay."""
    return float(min(cap, base * (2**attempt)) * random.uniform(0.5, 1.5))


def content_type_ok(content_type: str, accept: Iterable[str] | None) -> bool:
    """Whether a response's Content-Type is one we want (missing: assume yes, sniff later)."""
    if accept is None or not content_type:
        return True
    mime = content_type.split(";", 1)[0].strip().lower()
    return mime in accept


class Fetcher:
    """An async, polite HTTP client; use as ``async with Fetcher(settings) as fetcher``."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        store: HostStore | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.store = store
        self._transport = transport
        self._hosts: dict[str, HostState] = {}
        self._slots = asyncio.Semaphore(max(1, self.settings.concurrency))
        self._client: httpx.AsyncClient | None = None
        self._robots = Robots(self.settings, self._robots_get, self._save)
        self.requests_made = 0

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        timeout = httpx.Timeout(s.read_timeout, connect=s.connect_timeout)
        limits = httpx.Limits(max_connections=max(4, s.concurrency * 2))
        self._client = httpx.AsyncClient(
            headers={"User-Agent": s.user_agent},
            timeout=timeout,
            limits=limits,
            follow_redirects=False,
            transport=self._transport,
            event_hooks={"response": [_check_location]},
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
        self.flush_hosts()

    def flush_hosts(self) -> None:
        """Persist every host's state (robots, back-off, pause) to the store."""
        if self.store is not None:
            for state in self._hosts.values():
                self.store.save_host(state)

    def host_state(self, host: str) -> HostState:
        state = self._hosts.get(host)
        if state is None:
            state = (self.store.load_host(host) if self.store else None) or HostState(host)
            self._hosts[host] = state
        return state

    def set_host_delay(self, host: str, delay: float | None) -> None:
        """A per-host delay (from the site config) that replaces the default delay."""
        self.host_state(host).delay = delay

    def delay_for(self, state: HostState) -> float:
        delay = self.settings.delay if state.delay is None else state.delay
        return max(delay, state.crawl_delay or 0.0)

    # -- public ------------------------------------------------------------------------
    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: Iterable[str] | None = HTML_TYPES,
    ) -> FetchResult:
        """GET ``url`` politely, following redirects; never raises for network trouble."""
        problem = url_problem(url)
        if problem is not None:  # found on a page or in a sitemap: not ours to fix
            return FetchResult(url, SKIPPED, error=f"invalid URL ({problem})")
        accept_set = None if accept is None else frozenset(accept)
        conditional: dict[str, str] = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        redirects: list[str] = []
        current = url
        seen = {url}
        for _ in range(self.settings.max_redirects + 1):
            try:
                response, attempts = await self._request(current, conditional, accept_set)
            except _GiveUp as give_up:
                give_up.result.url = url
                return give_up.result
            except httpx.InvalidURL as err:  # a host httpx cannot encode, from a page or header
                return FetchResult(url, SKIPPED, error=f"invalid URL ({err})")
            location = response.header("location")
            if response.status in REDIRECT_STATUSES and location:
                target = urljoin(current, location)
                if target in seen:
                    return FetchResult(url, FAILED, error=f"redirect loop at {target}")
                seen.add(target)
                redirects.append(current)
                current = target
                conditional = {}
                continue
            return self._result(url, current, response, redirects, attempts)
        return FetchResult(url, FAILED, error=f"more than {self.settings.max_redirects} redirects")

    async def robots_txt(self, host_url: str) -> str:
        """The robots.txt text for the host of ``host_url`` (cached; fetched when stale);
        empty for a URL that cannot be fetched at all."""
        if url_problem(host_url) is not None:
            return ""
        state = self.host_state(urlsplit(host_url).netloc.lower())
        await self._robots.ensure(state, host_url)
        return state.robots_txt or ""

    # -- internals -----------------------------------------------------------------------
    def _result(
        self, url: str, final: str, response: _Response, redirects: list[str], attempts: int
    ) -> FetchResult:
        page = Page(
            url=final,
            body=response.body,
            status=response.status,
            headers=response.headers,
            fetched_at=clock.iso(),
            requested_url=url,
            redirects=redirects,
        )
        if response.status == 304:
            return FetchResult(url, NOT_MODIFIED, page, status=304, attempts=attempts)
        if response.status >= 400:
            error = f"HTTP {response.status}"
            return FetchResult(url, HTTP_ERROR, page, error, response.status, attempts=attempts)
        return FetchResult(url, OK, page, status=response.status, attempts=attempts)

    async def _request(
        self, url: str, extra: dict[str, str], accept: frozenset[str] | None
    ) -> tuple[_Response, int]:
        """One URL with robots, politeness and retries; raises _GiveUp with the final result."""
        state = self.host_state(urlsplit(url).netloc.lower())
        self._check_paused(url, state)
        if self.settings.respect_robots:
            await self._robots.ensure(state, url)
            if not self._robots.allows(state, url):
                raise _GiveUp(_robots_refusal(url, state, self.settings.robots_ttl))
        error, status = "no attempt made", None
        for attempt in range(self.settings.retries + 1):
            self._check_paused(url, state)
            try:
                response = await self._polite_get(state, url, extra, accept)
            except _Limit as limit:
                raise _GiveUp(FetchResult(url, SKIPPED, error=str(limit))) from None
            except _BadRedirect as bad:
                result = FetchResult(url, FAILED, error=str(bad), status=bad.status)
                raise _GiveUp(result) from None
            except (httpx.TransportError, TimeoutError) as err:
                error, status, wait = _describe(err), None, self._backoff(attempt, None)
            else:
                if response.status not in RETRY_STATUSES:
                    state.consecutive_failures = 0
                    return response, attempt + 1
                error, status = f"HTTP {response.status}", response.status
                wait = self._backoff(attempt, response)
            state.backoff_until = max(state.backoff_until, time.time() + wait)
            if wait > self.settings.max_retry_after:
                self._save(state)
                message = f"{error}, host asked to wait {wait:.0f}s"
                retry_at = state.backoff_until
                raise _GiveUp(
                    FetchResult(url, DEFERRED, None, message, status, retry_at, attempt + 1)
                )
        self._count_failure(state)
        attempts = self.settings.retries + 1
        message = f"{error} after {attempts} attempts"
        raise _GiveUp(FetchResult(url, FAILED, error=message, status=status, attempts=attempts))

    def _backoff(self, attempt: int, response: _Response | None) -> float:
        """Seconds before the next try: back-off with jitter, or Retry-After when longer."""
        wait = backoff_delay(attempt, self.settings.backoff_base, self.settings.backoff_max)
        if response is not None and response.status in (429, 503):
            retry_after = parse_retry_after(response.header("retry-after"))
            if retry_after is not None:
                wait = max(wait, retry_after)
        return wait

    def _check_paused(self, url: str, state: HostState) -> None:
        now = time.time()
        if state.paused_until > now:
            raise _GiveUp(
                FetchResult(
                    url,
                    DEFERRED,
                    error=f"host {state.host} paused after repeated failures",
                    retry_at=state.paused_until,
                )
            )
        if state.backoff_until - now > self.settings.max_retry_after:
            raise _GiveUp(
                FetchResult(
                    url,
                    DEFERRED,
                    error=f"host {state.host} asked us to back off",
                    retry_at=state.backoff_until,
                )
            )

    def _count_failure(self, state: HostState) -> None:
        state.consecutive_failures += 1
        if state.consecutive_failures >= self.settings.pause_after:
            state.paused_until = time.time() + self.settings.pause_seconds
            state.consecutive_failures = 0
        self._save(state)

    def _save(self, state: HostState) -> None:
        if self.store is not None:
            self.store.save_host(state)

    async def _polite_get(
        self, state: HostState, url: str, extra: dict[str, str], accept: frozenset[str] | None
    ) -> _Response:
        """One GET, at most one in flight per host, starts spaced by the host's delay."""
        async with state.lock:
            wait = max(
                state.last_request_at + self.delay_for(state) - time.time(),
                state.backoff_until - time.time(),
            )
            if wait > 0:
                await asyncio.sleep(wait)
            async with self._slots:
                # The delay runs from the start of one request to the start of the next
                # (as Crawl-delay is read); with one request at a time per host, a slow host
                # is never asked more than once per response.
                state.last_request_at = time.time()
                self.requests_made += 1
                async with asyncio.timeout(self.settings.total_timeout):
                    return await self._get(url, extra, accept)

    async def _get(
        self, url: str, extra: dict[str, str], accept: frozenset[str] | None
    ) -> _Response:
        assert self._client is not None, "use 'async with Fetcher(...)'"
        async with self._client.stream("GET", url, headers=extra) as response:
            headers = dict(response.headers.items())
            status = response.status_code
            if status != 200 or not content_type_ok(
                response.headers.get("content-type", ""), accept
            ):
                if status == 200:
                    raise _Limit(f"not HTML: content type {response.headers['content-type']}")
                return _Response(status, headers, b"")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.settings.max_bytes:
                raise _Limit(f"body larger than {self.settings.max_bytes} bytes ({declared})")
            body = await self._read_capped(response)
        if accept is not None:  # a page: it must be text, whatever its label says
            body = self._text_body(body, response.headers.get("content-type", ""))
        return _Response(status, headers, body)

    def _text_body(self, body: bytes, content_type: str) -> bytes:
        """``body``, gunzipped when a server compressed it without saying so; raises _Limit
        for binary content (an image or archive labelled as a page), which would be stored
        and extracted to junk."""
        unzipped = gunzip_text(body, self.settings.max_bytes)
        if unzipped is not None:
            return unzipped
        kind = binary_kind(body)
        if kind is None:
            return body
        mime = content_type.split(";", 1)[0].strip()
        label = f"served as {mime}" if mime else "served without a content type"
        raise _Limit(f"binary content ({kind}) {label}")

    async def _read_capped(self, response: httpx.Response) -> bytes:
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > self.settings.max_bytes:
                raise _Limit(f"body larger than {self.settings.max_bytes} bytes (aborted)")
            chunks.append(chunk)
        return b"".join(chunks)

    async def _robots_get(self, state: HostState, robots_url: str) -> _Response:
        """A polite GET of robots.txt, its failures in the terms of ``robots``."""
        try:
            return await self._polite_get(state, robots_url, {}, None)
        except (httpx.TransportError, TimeoutError, _Limit) as err:
            reason = str(err) if isinstance(err, _Limit) else _describe(err)
            raise RobotsUnreachable(reason) from None
        except (_BadRedirect, httpx.InvalidURL):
            raise RobotsUnavailable from None


def _robots_refusal(url: str, state: HostState, robots_ttl: float) -> FetchResult:
    """Skipped for good when robots.txt disallows ``url``; failed (retried later) when it
    could not be read."""
    reason = unreachable_reason(state, robots_ttl)
    if reason is None:
        return FetchResult(url, SKIPPED, error="disallowed by robots.txt")
    return FetchResult(url, FAILED, error=reason)


def _describe(err: BaseException) -> str:
    if isinstance(err, TimeoutError | httpx.TimeoutException):
        return "timed out"
    name = type(err).__name__
    text = str(err).strip()
    return f"{name}: {text}" if text else name
