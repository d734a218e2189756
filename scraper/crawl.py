"""Crawl orchestration: targets -> discovery -> frontier -> polite fetch -> extract (process pool) -> archive.

One asyncio task per host drains that host's share of the frontier (so per-host politeness
holds by construction), the fetcher's semaphore bounds requests across hosts, and parsing
runs in a small process pool so it never stalls the event loop.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from concurrent.futures import Executor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from typing import Any

from scraper.archive import Archive
from scraper.archive.frontier import (
    DONE,
    FAILED,
    SKIPPED,
    Frontier,
    next_hub_visit,
    next_recheck,
)
from scraper.clock import from_epoch
from scraper.discover import (
    Seed,
    Seeder,
    compile_patterns,
    looks_like_article,
    looks_like_asset,
    resolve_targets,
)
from scraper.fetch import (
    DEFERRED,
    HTTP_ERROR,
    NOT_MODIFIED,
    OK,
    Fetcher,
    FetchResult,
    FetchSettings,
)
from scraper.fetch import SKIPPED as FETCH_SKIPPED
from scraper.lock import crawl_lock as crawl_lock  # re-exported (scraper.demo)
from scraper.models import STATUS_OK, STATUS_PAYWALLED, Article, Page
from scraper.pool import default_workers, make_pool
from scraper.pool import extract_job as extract_job  # looked up here, so tests can patch it
from scraper.urls import canonicalize, host_of

CLAIM_BATCH = 16  # URLs a host task takes from the frontier at a time
MAX_ERROR_SAMPLES = 20
PROGRESS_EVERY = 0.25  # seconds between progress updates
#: Records kept as articles; other pages (hubs, empty extractions) are kept as raw pages only
#: and their links are followed like a section page's.
STORED_AS_ARTICLE = frozenset({STATUS_OK, STATUS_PAYWALLED})


@dataclass
class CrawlOptions:
    """What to crawl and how hard; ``fetch`` holds the politeness settings."""

    targets: list[str] = field(default_factory=list)
    all_sites: bool = False
    #: Also work on URLs earlier runs left pending on hosts outside the targets (alone,
    #: without targets: resume those without any discovery).
    all_pending: bool = False
    max_pages: int | None = None
    since: str | None = None
    follow_links: bool = True
    depth: int = 2
    workers: int | None = None  # extraction processes; 0 extracts inline
    delay_given: bool = False  # --delay overrides site config delays
    fetch: FetchSettings = field(default_factory=FetchSettings)


@dataclass
class CrawlStats:
    """Counts for the summary, the ``runs`` row and ``--json``."""

    run_id: int = 0
    pages_fetched: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    pages_only: int = 0
    not_modified: int = 0
    skipped: int = 0
    deferred: int = 0
    errors: int = 0
    discovered: int = 0
    requests: int = 0
    #: URLs of this run's hosts still queued at the end (budget reached, host deferred).
    pending: int = 0
    #: URLs left pending on hosts outside this run's targets, and their hosts (largest first).
    pending_elsewhere: int = 0
    pending_elsewhere_hosts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    error_samples: list[str] = field(default_factory=list)
    skip_samples: list[str] = field(default_factory=list)
    #: Pages kept without a record, with the extractor's status (a hub, an empty page).
    page_samples: list[str] = field(default_factory=list)

    def error(self, url: str, message: str) -> None:
        self.errors += 1
        if len(self.error_samples) < MAX_ERROR_SAMPLES:
            self.error_samples.append(f"{url}: {message}")

    def skip(self, url: str, reason: str) -> None:
        """Not fetched or not kept on purpose (robots.txt, content type, size): not an error,
        but the summary says why."""
        self.skipped += 1
        if len(self.skip_samples) < MAX_ERROR_SAMPLES:
            self.skip_samples.append(f"{url}: {reason}")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ProgressHook = Callable[[CrawlStats, dict[str, int]], None]


def plan_seeds(options: CrawlOptions) -> list[Seed]:
    """The seeds of a crawl's targets; raises UsageError for a target that cannot be crawled
    (call it before taking the lock or opening the archive, so a typo writes nothing)."""
    if options.all_pending and not options.targets and not options.all_sites:
        return []
    return resolve_targets(options.targets, options.all_sites)


def run_scope(seeds: list[Seed], discovered_hosts: set[str], frontier: Frontier) -> set[str]:
    """The hosts a crawl with targets works on: the seeds' hosts (a site config's hosts
    included), hosts this run's feeds and sitemaps listed URLs on, and hosts where earlier
    runs queued URLs for the same site configs. Everything else stays pending for later."""
    hosts = set(discovered_hosts)
    for seed in seeds:
        hosts.add(host_of(seed.url))
        hosts.update(seed.hosts)
    sites = {seed.site for seed in seeds if seed.site}
    hosts.update(frontier.pending_hosts_of_sites(sites))
    return hosts


class Crawler:
    """One crawl over one archive; call ``run()`` (or ``fetch_urls()``) inside the crawl lock."""

    def __init__(
        self,
        archive: Archive,
        options: CrawlOptions,
        on_progress: ProgressHook | None = None,
        command: str = "crawl",
    ) -> None:
        self.archive = archive
        self.options = options
        self.frontier = Frontier(archive.db.conn)
        self.stats = CrawlStats()
        self.on_progress = on_progress
        self.command = command
        self._budget = options.max_pages
        self._pool: Executor | None = None
        self._digesting: set[asyncio.Task[None]] = set()
        self._digest_slots = asyncio.Semaphore(8)
        self._reported = 0.0
        self._patterns_by_host: dict[str, list[re.Pattern[str]]] = {}
        self._scope: set[str] | None = None  # hosts this run works on; None: every host

    # -- entry points ----------------------------------------------------------------------
    def run(self, seeds: list[Seed] | None = None) -> CrawlStats:
        """Discover from the targets, then drain their hosts' frontier; returns the counts.

        Only the targets' hosts are worked on (see ``run_scope``); with ``all_pending`` every
        pending URL is, and without targets that is all the run does. ``seeds`` are the
        targets already resolved by ``plan_seeds``.
        """
        if seeds is None:  # usage errors before anything is written
            seeds = plan_seeds(self.options)
        chosen = seeds
        return self._run(lambda fetcher: self._crawl(fetcher, chosen))

    def fetch_urls(self, urls: list[str]) -> CrawlStats:
        """Fetch and store exactly ``urls`` (no discovery), recording them in the frontier."""
        return self._run(lambda fetcher: self._fetch_given(fetcher, urls))

    def _run(self, body: Callable[[Fetcher], Any]) -> CrawlStats:
        started = time.monotonic()
        arguments = {k: v for k, v in asdict(self.options).items() if k != "fetch"}
        self.stats.run_id = self.frontier.start_run(self.command, arguments)
        self.frontier.recover()
        status = "interrupted"
        workers = default_workers() if self.options.workers is None else self.options.workers
        self._pool = make_pool(workers)
        try:
            asyncio.run(self._with_fetcher(body))
            status = "partial" if self.stats.errors else "ok"
            if self.stats.articles_new or self.stats.articles_updated:
                # Keep full-text search fast night after night without a full optimize.
                self.archive.merge()
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
            self.stats.seconds = round(time.monotonic() - started, 3)
            self.frontier.finish_run(self.stats.run_id, status, self.stats.to_dict())
        return self.stats

    async def _with_fetcher(self, body: Callable[[Fetcher], Any]) -> None:
        self._digest_slots = asyncio.Semaphore(max(4, 4 * (self.options.workers or 2)))
        async with Fetcher(self.options.fetch, store=self.frontier) as fetcher:
            try:
                await body(fetcher)
                if self._digesting:
                    await asyncio.gather(*self._digesting)
            finally:
                self.stats.requests = fetcher.requests_made

    async def _crawl(self, fetcher: Fetcher, seeds: list[Seed]) -> None:
        self._configure_hosts(fetcher, seeds)
        self.frontier.queue_rechecks()
        self.frontier.retry_failed()
        follow_hubs = self.options.follow_links and self.options.depth > 1
        seeder = Seeder(fetcher, self.frontier, self.stats, self.options.since, follow_hubs)
        await asyncio.gather(*(seeder.discover(seed) for seed in seeds))
        if not self.options.all_pending:
            self._scope = run_scope(seeds, seeder.hosts_found, self.frontier)
        await self._drain(fetcher)
        if self._digesting:  # pages in flight still hold their frontier rows
            await asyncio.gather(*self._digesting)
        self._count_leftovers()

    def _in_scope(self, host: str) -> bool:
        return self._scope is None or host in self._scope

    def _count_leftovers(self) -> None:
        """What stays queued: this run's hosts (budget, deferral) and other hosts' URLs."""
        elsewhere: dict[str, int] = {}
        for host, count in self.frontier.pending_by_host().items():
            if self._in_scope(host):
                self.stats.pending += count
            else:
                elsewhere[host] = count
        self.stats.pending_elsewhere = sum(elsewhere.values())
        largest_first = sorted(elsewhere.items(), key=lambda kv: (-kv[1], kv[0]))
        self.stats.pending_elsewhere_hosts = dict(largest_first)

    async def _fetch_given(self, fetcher: Fetcher, urls: list[str]) -> None:
        self.frontier.add(urls, "seed", priority=10)
        self.frontier.conn.executemany(
            "UPDATE frontier SET state = 'pending', next_attempt_at = NULL WHERE url = ?",
            [(u,) for u in urls],
        )
        wanted = set(urls)
        items = [i for h in {u.split("/")[2] for u in urls} for i in self.frontier.claim(h, 10**6)]
        self.frontier.release([i.url for i in items if i.url not in wanted])
        by_host: dict[str, list[Any]] = {}
        for item in items:
            if item.url in wanted:
                by_host.setdefault(item.host, []).append(item)
        await asyncio.gather(*(self._fetch_items(fetcher, batch) for batch in by_host.values()))

    def _configure_hosts(self, fetcher: Fetcher, seeds: list[Seed]) -> None:
        if self.options.delay_given:
            return
        for seed in seeds:
            if seed.delay is not None:
                for host in seed.hosts:
                    fetcher.set_host_delay(host, seed.delay)

    # -- the frontier loop -----------------------------------------------------------------
    async def _drain(self, fetcher: Fetcher) -> None:
        running: dict[str, asyncio.Task[None]] = {}
        while True:
            if not self._budget_left():
                break
            for host in self.frontier.due_hosts(exclude=running):
                if not self._in_scope(host):
                    continue  # another target's leftovers: kept for its own run
                running[host] = asyncio.create_task(self._host_worker(fetcher, host))
            if not running:
                break
            done, _ = await asyncio.wait(running.values(), return_when=asyncio.FIRST_COMPLETED)
            for host, task in list(running.items()):
                if task in done:
                    del running[host]
                    task.result()
        if running:
            await asyncio.gather(*running.values())

    def _budget_left(self) -> bool:
        return self._budget is None or self._budget > 0

    async def _host_worker(self, fetcher: Fetcher, host: str) -> None:
        while self._budget_left():
            items = self.frontier.claim(host, CLAIM_BATCH)
            if not items:
                return
            await self._fetch_items(fetcher, items)

    async def _fetch_items(self, fetcher: Fetcher, items: list[Any]) -> None:
        for index, item in enumerate(items):
            if not self._budget_left():
                self.frontier.release([i.url for i in items[index:]])
                return
            if self.frontier.state_of(item.url) == DONE:
                continue  # stored meanwhile under another spelling (redirect, canonical)
            if self._budget is not None:
                self._budget -= 1
            result = await fetcher.fetch(item.url, etag=item.etag, last_modified=item.last_modified)
            await self._digest_slots.acquire()
            task = asyncio.create_task(self._digest(item, result))
            self._digesting.add(task)
            task.add_done_callback(self._digest_done)

    def _digest_done(self, task: asyncio.Task[None]) -> None:
        self._digesting.discard(task)
        self._digest_slots.release()

    # -- one result ------------------------------------------------------------------------
    async def _digest(self, item: Any, result: FetchResult) -> None:
        if result.kind == OK and result.page is not None:
            self.stats.pages_fetched += 1
            await self._store_page(item, result.page)
        elif result.kind == NOT_MODIFIED:
            self.stats.pages_fetched += 1
            self.stats.not_modified += 1
            recheck = next_recheck(item.published, item.discovered_at or "")
            self.frontier.finish(item.url, DONE, status=304, recheck_at=recheck)
        elif result.kind == DEFERRED:
            self.stats.deferred += 1
            retry_at = from_epoch(result.retry_at or time.time() + 60)
            self.frontier.finish(item.url, FAILED, error=result.error, retry_at=retry_at)
        elif result.kind == FETCH_SKIPPED:
            self.stats.skip(item.url, result.error or "skipped")
            if item.source == "recheck":
                # A stored article that now comes back as an image, too large or disallowed:
                # the record stays, and so does its recheck schedule (a glitch passes).
                recheck = next_recheck(item.published, item.discovered_at or "")
                self.frontier.finish(
                    item.url, DONE, error=result.error, status=result.status, recheck_at=recheck
                )
            else:
                self.frontier.finish(item.url, SKIPPED, error=result.error, status=result.status)
        else:
            if result.kind == HTTP_ERROR:
                self.stats.pages_fetched += 1
            self.stats.error(item.url, result.error or result.kind)
            self.frontier.finish(item.url, FAILED, error=result.error, status=result.status)
        self._report()

    def _report(self, force: bool = False) -> None:
        # The queue query scans the frontier: at most a few times a second.
        now = time.monotonic()
        if self.on_progress is not None and (force or now - self._reported >= PROGRESS_EVERY):
            self._reported = now
            queue = self.frontier.pending_by_host()
            self.on_progress(self.stats, {h: n for h, n in queue.items() if self._in_scope(h)})

    def _note_page_only(self, url: str, status: str) -> None:
        if len(self.stats.page_samples) < MAX_ERROR_SAMPLES:
            self.stats.page_samples.append(f"{url}: {status}")

    async def _store_page(self, item: Any, page: Page) -> None:
        want_links = self.options.follow_links and item.depth < self.options.depth
        try:
            article, links = await self._extract(page, want_links)
        except Exception as err:  # a crashed worker must not end the crawl
            self.stats.error(item.url, f"extraction failed: {type(err).__name__}: {err}")
            # Keep the raw page: a fixed extractor can read it later without fetching again.
            self.archive.store(page, None, self.stats.run_id)
            self.frontier.finish(item.url, FAILED, status=page.status, error="extraction failed")
            return
        is_article = article.status in STORED_AS_ARTICLE
        outcome = self.archive.store(page, article if is_article else None, self.stats.run_id)
        self._count(outcome.outcome)
        if is_article:
            published = article.published or item.published
            recheck = None
            if article.status == STATUS_OK:
                recheck = next_recheck(published, item.discovered_at or page.fetched_at)
            self.frontier.finish(
                item.url,
                DONE,
                status=page.status,
                etag=_header(page, "etag"),
                last_modified=_header(page, "last-modified"),
                recheck_at=recheck,
                published=published,
            )
            self._mark_aliases(item, page, article)
        else:
            self._note_page_only(item.url, article.status)
            # Hubs (home, sections) are read again later for new links; no conditional
            # headers are kept for them, so a hub always comes back whole.
            hub_recheck = next_hub_visit() if want_links else None
            self.frontier.finish(item.url, DONE, status=page.status, recheck_at=hub_recheck)
        if links:
            self._add_links(item, links, hub=not is_article)

    def _mark_aliases(self, item: Any, page: Page, article: Article) -> None:
        """Other spellings of a stored article (redirect target, canonical link, same host)."""
        aliases = {page.url, *page.redirects}
        if article.canonical_url:
            aliases.add(canonicalize(article.canonical_url) or page.url)
        aliases = {a for a in aliases if a != item.url and host_of(a) == item.host}
        if aliases:
            self.frontier.mark_known(sorted(aliases), item.site)

    async def _extract(self, page: Page, want_links: bool) -> tuple[Article, list[str]]:
        if self._pool is None:
            return extract_job(page.body, page.url, page.charset, want_links)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(
                self._pool, extract_job, page.body, page.url, page.charset, want_links
            )
        except BrokenProcessPool:
            # A worker died (out of memory, killed): carry on inline rather than stop.
            self._pool = None
            return extract_job(page.body, page.url, page.charset, want_links)

    def _add_links(self, item: Any, links: list[str], hub: bool) -> None:
        """Queue links: from hub pages, article-like links (and hubs, within depth); from
        articles, only links the site config's ``article_urls`` vouch for (heuristics on
        related-story boxes and navigation fetch too much junk)."""
        depth = item.depth + 1
        if self._scope is not None:
            # A page that redirected to another host brings that host's links: still this
            # run's work, as the target led there.
            self._scope.update(host_of(u) for u in links)
        patterns = self._patterns(item.url)
        if hub:
            articles = [u for u in links if looks_like_article(u, patterns)]
        else:
            articles = [u for u in links if patterns and looks_like_article(u, patterns)]
        added = self.frontier.add(articles, "link", depth=depth, site=item.site, priority=1)
        if hub and depth < self.options.depth:
            chosen = set(articles)
            hubs = [u for u in links if u not in chosen and not looks_like_asset(u)]
            added += self.frontier.add(hubs, "link", depth=depth, site=item.site)
        self.stats.discovered += added

    def _patterns(self, url: str) -> list[re.Pattern[str]]:
        host = host_of(url)
        if host not in self._patterns_by_host:
            from scraper.sites import find_config

            config = find_config(url)
            raw = list(getattr(config, "article_urls", ()) or ()) if config else []
            self._patterns_by_host[host] = compile_patterns(raw)
        return self._patterns_by_host[host]

    def _count(self, outcome: str) -> None:
        if outcome == "new":
            self.stats.articles_new += 1
        elif outcome == "updated":
            self.stats.articles_updated += 1
        elif outcome == "unchanged":
            self.stats.articles_unchanged += 1
        else:
            self.stats.pages_only += 1


def _header(page: Page, name: str) -> str | None:
    for key, value in page.headers.items():
        if key.lower() == name:
            return value
    return None
