"""robots.txt for the fetcher: when a host's file is asked for, how the answer is read (RFC 9309:
4xx allows all, 5xx and network errors block the host for a while), Crawl-delay, and why a URL
was refused. The request itself is the fetcher's (``RobotsGet``), so it is as polite as any other.

Settings (``FetchSettings``): ``robots_ttl`` (seconds a robots.txt is kept) and the user agent,
whose product token selects the group of rules.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urljoin, urlsplit

from protego import Protego

if TYPE_CHECKING:
    from scraper.fetch import FetchSettings, HostState

DISALLOW_ALL = "User-agent: *\nDisallow: /\n"
#: Stored in place of a robots.txt that could not be read (5xx, network error): the host is
#: blocked, but its URLs fail (and are retried on a later run) instead of being skipped for good.
UNREACHABLE_ROBOTS = "# robots.txt unreachable\n" + DISALLOW_ALL
ROBOTS_ERROR_RETRY = 300.0  # seconds before an unreachable robots.txt is asked for again
#: RFC 9309: crawlers follow at least five redirects for robots.txt.
MAX_ROBOTS_REDIRECTS = 5
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class RobotsUnreachable(Exception):
    """robots.txt could not be read (network error, timeout, a limit); the message says why."""


class RobotsUnavailable(Exception):
    """robots.txt redirects somewhere that cannot be fetched: RFC 9309 "unavailable"."""


class RobotsAnswer(Protocol):
    """What the fetcher's GET returns (its ``_Response``)."""

    @property
    def status(self) -> int: ...

    @property
    def body(self) -> bytes: ...

    def header(self, name: str) -> str | None: ...


#: One polite GET of a robots.txt URL for a host; raises RobotsUnreachable or RobotsUnavailable.
RobotsGet = Callable[["HostState", str], Awaitable[RobotsAnswer]]


class Robots:
    """The robots.txt rules of each host: fetched once per ``robots_ttl``, parsed once."""

    def __init__(
        self, settings: FetchSettings, get: RobotsGet, save: Callable[[HostState], None]
    ) -> None:
        self.settings = settings
        self._get = get
        self._save = save

    def allows(self, state: HostState, url: str) -> bool:
        """Whether the host's rules (read by ``ensure``) let us fetch ``url``."""
        return state.robots is None or state.robots.can_fetch(url, self.settings.robots_token)

    async def ensure(self, state: HostState, url: str) -> None:
        """The host's robots.txt read and parsed, fetched again when older than the TTL."""
        async with state.robots_lock:  # concurrent first requests fetch robots.txt once
            fresh = time.time() - state.robots_fetched_at < self.settings.robots_ttl
            if state.robots_txt is None or not fresh:
                parts = urlsplit(url)
                robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
                text, cache = await self._download(state, robots_url)
                state.robots_txt = text
                # An unreachable robots.txt blocks the host; ask again in a few minutes.
                retry_soon = time.time() - self.settings.robots_ttl + ROBOTS_ERROR_RETRY
                state.robots_fetched_at = time.time() if cache else retry_soon
                state.robots = None
            self._parse(state)

    def _parse(self, state: HostState) -> None:
        if state.robots is None:
            state.robots = Protego.parse(state.robots_txt or "")
            delay = state.robots.crawl_delay(self.settings.robots_token)
            state.crawl_delay = float(delay) if delay is not None else None
            self._save(state)

    async def _download(self, state: HostState, robots_url: str) -> tuple[str, bool]:
        """robots.txt text and whether to cache it: 4xx allows all, 5xx/errors block this run."""
        for _ in range(MAX_ROBOTS_REDIRECTS):
            try:
                response = await self._get(state, robots_url)
            except RobotsUnreachable as err:
                state.robots_error = str(err)
                return UNREACHABLE_ROBOTS, False
            except RobotsUnavailable:
                return "", True  # RFC 9309: a redirect that cannot be followed is "unavailable"
            location = response.header("location")
            if response.status in _REDIRECT_STATUSES and location:
                robots_url = urljoin(robots_url, location)
                continue
            if response.status == 200:
                return response.body.decode("utf-8", "replace"), True
            if 400 <= response.status < 500:
                return "", True
            state.robots_error = f"HTTP {response.status}"
            return UNREACHABLE_ROBOTS, False
        return "", True


def unreachable_reason(state: HostState, robots_ttl: float) -> str | None:
    """Why a refused URL was refused when robots.txt could not be read (the URL fails and is
    retried later, so an outage never drops a host's URLs); None when robots.txt disallows it
    (the URL is skipped for good)."""
    if state.robots_txt != UNREACHABLE_ROBOTS:
        return None
    if state.robots_error:
        reason = state.robots_error
    else:  # read from the archive: this run did not ask (it asks again a few minutes later)
        reason = "on an earlier try; asked again from " + time.strftime(
            "%H:%M:%S", time.localtime(state.robots_fetched_at + robots_ttl)
        )
    return f"robots.txt unreachable ({reason}); not fetched, retried on a later run"
