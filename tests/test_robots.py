"""scraper.robots: reading a host's robots.txt (RFC 9309 answers), Crawl-delay and refusals,
with the fetcher's GET replaced by a table of answers (the loopback tests are in test_fetch)."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

import pytest

from scraper.fetch import FetchSettings, HostState
from scraper.robots import (
    ROBOTS_ERROR_RETRY,
    UNREACHABLE_ROBOTS,
    Robots,
    RobotsUnavailable,
    RobotsUnreachable,
    unreachable_reason,
)

HOST = "https://news.example"
RULES = "User-agent: *\nDisallow: /private/\nCrawl-delay: 7\n\nUser-agent: scraper\nDisallow: /drafts/\n"


@dataclass
class Answer:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str | None:
        return self.headers.get(name)


class FakeHost:
    """Answers robots.txt requests from a table: an Answer, or an exception to raise."""

    def __init__(self, answers: dict[str, Answer | Exception]) -> None:
        self.answers = answers
        self.asked: list[str] = []
        self.saved = 0

    async def get(self, state: HostState, url: str) -> Answer:
        self.asked.append(url)
        answer = self.answers[url]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def save(self, state: HostState) -> None:
        self.saved += 1


def _read(
    answers: dict[str, Answer | Exception], url: str = f"{HOST}/a"
) -> tuple[Robots, HostState, FakeHost]:
    host = FakeHost(answers)
    robots = Robots(FetchSettings(), host.get, host.save)
    state = HostState("news.example")
    asyncio.run(robots.ensure(state, url))
    return robots, state, host


def test_rules_of_our_group_and_crawl_delay_are_read_once() -> None:
    robots, state, host = _read({f"{HOST}/robots.txt": Answer(200, RULES.encode())})
    assert host.asked == [f"{HOST}/robots.txt"]
    # The "scraper" group applies to us, not the "*" group.
    assert not robots.allows(state, f"{HOST}/drafts/x")
    assert robots.allows(state, f"{HOST}/private/x")
    assert state.crawl_delay is None  # the delay is in the "*" group only
    assert host.saved == 1
    asyncio.run(robots.ensure(state, f"{HOST}/b"))  # fresh: not asked again
    assert host.asked == [f"{HOST}/robots.txt"]
    assert unreachable_reason(state, FetchSettings().robots_ttl) is None


def test_crawl_delay_of_the_star_group() -> None:
    rules = "User-agent: *\nCrawl-delay: 7\nDisallow: /private/\n"
    robots, state, _ = _read({f"{HOST}/robots.txt": Answer(200, rules.encode())})
    assert state.crawl_delay == 7.0
    assert not robots.allows(state, f"{HOST}/private/x")


@pytest.mark.parametrize(
    "answer", [Answer(404), Answer(403), RobotsUnavailable("redirect to ftp://x")]
)
def test_missing_or_unavailable_robots_allows_everything(answer: Answer | Exception) -> None:
    robots, state, _ = _read({f"{HOST}/robots.txt": answer})
    assert state.robots_txt == ""
    assert robots.allows(state, f"{HOST}/anything")
    assert time.time() - state.robots_fetched_at < 60  # kept for the whole TTL


@pytest.mark.parametrize(
    ("answer", "reason"),
    [(Answer(503), "HTTP 503"), (RobotsUnreachable("timed out"), "timed out")],
)
def test_unreachable_robots_blocks_the_host_and_is_asked_again_soon(
    answer: Answer | Exception, reason: str
) -> None:
    robots, state, _ = _read({f"{HOST}/robots.txt": answer})
    assert state.robots_txt == UNREACHABLE_ROBOTS
    assert not robots.allows(state, f"{HOST}/a")
    ttl = FetchSettings().robots_ttl
    asked_again_in = state.robots_fetched_at + ttl - time.time()
    assert 0 < asked_again_in <= ROBOTS_ERROR_RETRY
    message = unreachable_reason(state, ttl)
    assert message is not None and reason in message and "retried on a later run" in message


def test_unreachable_robots_remembered_from_an_earlier_run() -> None:
    state = HostState("news.example", robots_txt=UNREACHABLE_ROBOTS, robots_fetched_at=1.0)
    message = unreachable_reason(state, 3600.0)
    assert message is not None and "on an earlier try; asked again from" in message


def test_redirects_are_followed_up_to_five_times() -> None:
    moved = {"location": "/new-robots.txt"}
    robots, state, host = _read(
        {
            f"{HOST}/robots.txt": Answer(301, headers=moved),
            f"{HOST}/new-robots.txt": Answer(200, b"User-agent: *\nDisallow: /x/\n"),
        }
    )
    assert host.asked == [f"{HOST}/robots.txt", f"{HOST}/new-robots.txt"]
    assert not robots.allows(state, f"{HOST}/x/1")
    # A loop: five requests, then robots.txt counts as unavailable (allow all).
    loop = {f"{HOST}/robots.txt": Answer(302, headers={"location": "/robots.txt"})}
    robots, state, host = _read(dict(loop))
    assert len(host.asked) == 5
    assert state.robots_txt == "" and robots.allows(state, f"{HOST}/x/1")
