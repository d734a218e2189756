"""The crawl's memory in the archive: the URL frontier, per-host politeness state and run rows.

Only queries live here; the tables come from ``scraper.archive.schema``. Times are written by
``scraper.clock`` (ISO 8601 UTC, milliseconds), which sort and compare correctly as text.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from scraper.clock import from_epoch, iso, parse, to_epoch
from scraper.clock import now as clock_now
from scraper.fetch import HostState
from scraper.urls import host_of

#: Recheck a stored article this long after publication (edits feed revisions); then stop.
RECHECK_AFTER = (
    timedelta(hours=1),
    timedelta(hours=6),
    timedelta(hours=24),
    timedelta(hours=72),
)

#: Hub pages (home, sections) found by following links are read again this often.
HUB_REVISIT = timedelta(hours=1)

#: Runs in which a URL that failed for a transient reason is tried again.
RETRY_RUNS = 3

PENDING, FETCHING, DONE, FAILED, SKIPPED = "pending", "fetching", "done", "failed", "skipped"


@dataclass
class Item:
    """One frontier row as the crawler needs it."""

    url: str
    host: str
    site: str | None
    source: str
    depth: int
    attempts: int
    etag: str | None
    last_modified: str | None
    published: str | None
    discovered_at: str | None


class Frontier:
    """Frontier, hosts and runs queries over an open archive connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    @contextmanager
    def _tx(self) -> Iterator[None]:
        """One write transaction (the archive's connection is in autocommit mode)."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- frontier ------------------------------------------------------------------------
    def add(
        self,
        urls: Iterable[str | tuple[str, str | None]],
        source: str,
        *,
        depth: int = 0,
        site: str | None = None,
        priority: int = 0,
    ) -> int:
        """Insert new URLs as pending (``(url, published)`` pairs allowed); return how many."""
        now = iso()
        rows = []
        for item in urls:
            url, published = (item, None) if isinstance(item, str) else item
            rows.append((url, host_of(url), site, source, depth, priority, now, now, published))
        with self._tx():
            before = self.conn.total_changes
            self.conn.executemany(
                """INSERT OR IGNORE INTO frontier (url, host, site, source, depth, state, priority,
                   discovered_at, next_attempt_at, published)
                   VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)""",
                rows,
            )
            return self.conn.total_changes - before

    def mark_known(self, urls: Iterable[str], site: str | None = None) -> None:
        """URLs whose content we just stored under another spelling (redirect target, the
        page's canonical link): recorded as done so they are not fetched again."""
        now = iso()
        rows = [(url, host_of(url), site, now, now) for url in urls]
        with self._tx():
            self.conn.executemany(
                """INSERT INTO frontier (url, host, site, source, state, discovered_at, fetched_at)
                   VALUES (?, ?, ?, 'link', 'done', ?, ?)
                   ON CONFLICT (url) DO UPDATE SET state = 'done'
                   WHERE state IN ('pending', 'fetching')""",
                rows,
            )

    def recover(self) -> int:
        """Rows left 'fetching' by a killed run go back to pending; return how many."""
        with self._tx():
            cur = self.conn.execute(
                "UPDATE frontier SET state = 'pending' WHERE state = 'fetching'"
            )
            return cur.rowcount

    def retry_failed(self, max_attempts: int = RETRY_RUNS) -> int:
        """URLs that failed for transient reasons (5xx, network) get another run, a few times."""
        with self._tx():
            cur = self.conn.execute(
                """UPDATE frontier SET state = 'pending'
                   WHERE state = 'failed' AND attempts < ?
                   AND (last_status IS NULL OR last_status >= 500)""",
                (max_attempts,),
            )
            return cur.rowcount

    def queue_rechecks(self, now: str | None = None) -> int:
        """Stored articles whose recheck time has come go back to pending."""
        with self._tx():
            cur = self.conn.execute(
                """UPDATE frontier SET state = 'pending', source = 'recheck', next_attempt_at = ?
                   WHERE state = 'done' AND recheck_at IS NOT NULL AND recheck_at <= ?""",
                (now or iso(), now or iso()),
            )
            return cur.rowcount

    def due_hosts(self, exclude: Iterable[str] = (), now: str | None = None) -> list[str]:
        """Hosts with pending URLs whose next attempt is due."""
        rows = self.conn.execute(
            """SELECT DISTINCT host FROM frontier
               WHERE state = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)""",
            (now or iso(),),
        ).fetchall()
        skip = set(exclude)
        return [row[0] for row in rows if row[0] not in skip]

    def claim(self, host: str, limit: int, now: str | None = None) -> list[Item]:
        """Take up to ``limit`` due pending URLs of ``host`` (highest priority, oldest first)."""
        with self._tx():
            rows = self.conn.execute(
                """SELECT url, host, site, source, depth, attempts, etag, last_modified, published,
                   discovered_at FROM frontier WHERE host = ? AND state = 'pending'
                   AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                   ORDER BY priority DESC, discovered_at, url LIMIT ?""",
                (host, now or iso(), limit),
            ).fetchall()
            self.conn.executemany(
                "UPDATE frontier SET state = 'fetching' WHERE url = ?", [(r[0],) for r in rows]
            )
        return [Item(*row) for row in rows]

    def release(self, urls: Sequence[str]) -> None:
        """Claimed URLs not fetched after all (budget reached) go back to pending."""
        with self._tx():
            self.conn.executemany(
                "UPDATE frontier SET state = 'pending' WHERE url = ? AND state = 'fetching'",
                [(u,) for u in urls],
            )

    def finish(
        self,
        url: str,
        state: str,
        *,
        status: int | None = None,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        recheck_at: str | None = None,
        retry_at: str | None = None,
        published: str | None = None,
    ) -> None:
        """Record the outcome of one URL (``retry_at`` puts it back to pending for later)."""
        if retry_at is not None:
            state = PENDING
        fetched = iso() if state == DONE else None
        with self._tx():
            self.conn.execute(
                """UPDATE frontier SET state = ?, attempts = attempts + 1, last_status = ?,
                   last_error = ?, etag = coalesce(?, etag),
                   last_modified = coalesce(?, last_modified),
                   fetched_at = coalesce(?, fetched_at), recheck_at = ?,
                   next_attempt_at = coalesce(?, next_attempt_at),
                   published = coalesce(?, published)
                   WHERE url = ?""",
                (
                    state,
                    status,
                    error,
                    etag,
                    last_modified,
                    fetched,
                    recheck_at,
                    retry_at,
                    published,
                    url,
                ),
            )

    def state_of(self, url: str) -> str | None:
        row = self.conn.execute("SELECT state FROM frontier WHERE url = ?", (url,)).fetchone()
        return None if row is None else str(row[0])

    def counts(self) -> dict[str, int]:
        rows = self.conn.execute("SELECT state, count(*) FROM frontier GROUP BY state")
        return {state: n for state, n in rows}

    def pending_by_host(self) -> dict[str, int]:
        rows = self.conn.execute(
            "SELECT host, count(*) FROM frontier WHERE state IN ('pending', 'fetching') "
            "GROUP BY host"
        )
        return {host: n for host, n in rows}

    def pending_hosts_of_sites(self, sites: Iterable[str]) -> set[str]:
        """Hosts with pending URLs queued for any of these site configs."""
        names = sorted(set(sites))
        if not names:
            return set()
        marks = ", ".join("?" * len(names))
        rows = self.conn.execute(
            f"SELECT DISTINCT host FROM frontier WHERE state = 'pending' AND site IN ({marks})",
            names,
        )
        return {row[0] for row in rows}

    # -- hosts (implements scraper.fetch.HostStore) ---------------------------------------
    def load_host(self, host: str) -> HostState | None:
        row = self.conn.execute(
            """SELECT robots_txt, robots_fetched_at, crawl_delay, backoff_until,
               consecutive_failures, paused_until, last_request_at FROM hosts WHERE host = ?""",
            (host,),
        ).fetchone()
        if row is None:
            return None
        return HostState(
            host,
            robots_txt=row[0],
            robots_fetched_at=to_epoch(row[1]),
            crawl_delay=row[2],
            backoff_until=to_epoch(row[3]),
            consecutive_failures=int(row[4] or 0),
            paused_until=to_epoch(row[5]),
            last_request_at=to_epoch(row[6]),
        )

    def save_host(self, state: HostState) -> None:
        values = (
            state.host,
            state.robots_txt,
            from_epoch(state.robots_fetched_at),
            state.crawl_delay,
            from_epoch(state.backoff_until),
            state.consecutive_failures,
            from_epoch(state.paused_until),
            from_epoch(state.last_request_at),
        )
        with self._tx():
            self.conn.execute(
                """INSERT OR REPLACE INTO hosts (host, robots_txt, robots_fetched_at, crawl_delay,
                   backoff_until, consecutive_failures, paused_until, last_request_at)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                values,
            )

    # -- runs ----------------------------------------------------------------------------
    def start_run(self, command: str, arguments: dict[str, Any]) -> int:
        with self._tx():
            cur = self.conn.execute(
                """INSERT INTO runs (started_at, command, arguments, status, pid)
                   VALUES (?, ?, ?, 'running', ?)""",
                (iso(), command, json.dumps(arguments, default=str), os.getpid()),
            )
            return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, counts: dict[str, int]) -> None:
        with self._tx():
            self.conn.execute(
                """UPDATE runs SET finished_at = ?, status = ?, pages_fetched = ?,
                   articles_new = ?, articles_updated = ?, errors = ? WHERE id = ?""",
                (
                    iso(),
                    status,
                    counts.get("pages_fetched", 0),
                    counts.get("articles_new", 0),
                    counts.get("articles_updated", 0),
                    counts.get("errors", 0),
                    run_id,
                ),
            )


def next_hub_visit(now: datetime | None = None) -> str:
    """When to read a hub page (home, section) again for new links."""
    return iso((now or clock_now()) + HUB_REVISIT)


def next_recheck(published: str | None, first_seen: str, now: datetime | None = None) -> str | None:
    """When to fetch a stored article again: the next of 1 h, 6 h, 24 h, 72 h after publication.

    Without a publication date the time we first saw it stands in. None: stop rechecking.
    """
    now = now or clock_now()
    anchor = parse(published) or parse(first_seen) or now
    for step in RECHECK_AFTER:
        moment = anchor + step
        if moment > now:
            return iso(moment)
    return None
