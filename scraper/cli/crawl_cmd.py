"""CLI commands that go to the web: ``crawl``, ``fetch`` and ``demo``; they parse arguments and
call ``scraper.crawl`` and ``scraper.demo``."""

from __future__ import annotations

import json
import logging
import os
import re
import shlex
import shutil
import signal
import sys
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from scraper.archive import Archive, archive_errors
from scraper.cli.app import app
from scraper.cli.options import DEFAULT_DB, DbOption, QuietOption, parse_day
from scraper.cli.output import print_json, progress, summary
from scraper.crawl import Crawler, CrawlOptions, CrawlStats, ProgressHook, plan_seeds
from scraper.errors import EXIT_PARTIAL, UsageError
from scraper.fetch import DEFAULT_USER_AGENT, FetchSettings
from scraper.lock import crawl_lock
from scraper.urls import canonicalize, url_problem

JsonOption = Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")]
DelayOption = Annotated[
    float | None,
    typer.Option(
        "--delay",
        help="Seconds between requests to one host (default: the site config's, else 1.0).",
    ),
]
UserAgentOption = Annotated[
    str, typer.Option("--user-agent", help="User-Agent header (name the tool and a contact).")
]
ConcurrencyOption = Annotated[
    int, typer.Option("--concurrency", min=1, help="Requests in flight across all hosts.")
]
RetriesOption = Annotated[
    int, typer.Option("--retries", min=0, help="Retries on 5xx, 429 and network errors.")
]
WaitOption = Annotated[
    bool, typer.Option("--wait", help="Wait for a running crawl on this archive instead of exit 3.")
]
EXIT_INTERRUPTED = 130  # the shell's code for a command stopped by Ctrl-C (128 + SIGINT)
EXIT_TERMINATED = 143  # and by SIGTERM (128 + SIGTERM)


@contextmanager
def _crawl_archive(db: Path, wait: bool) -> Iterator[Archive]:
    with crawl_lock(db, wait), Archive(db) as archive, archive_errors(db):
        yield archive


@contextmanager
def _live(quiet: bool) -> Iterator[ProgressHook]:
    """A progress line on stderr: pages, new/updated articles, errors, queue per host."""
    with progress("crawling", total=None, quiet=quiet) as advance:
        shown = [0]

        def hook(stats: CrawlStats, queue: dict[str, int]) -> None:
            steps, shown[0] = stats.pages_fetched - shown[0], stats.pages_fetched
            busiest = sorted(queue.items(), key=lambda kv: -kv[1])[:3]
            hosts = ", ".join(f"{host} {n}" for host, n in busiest) or "empty"
            advance(
                steps,
                description=(
                    f"{stats.pages_fetched} pages, {stats.articles_new} new, "
                    f"{stats.articles_updated} updated, "
                    f"{stats.errors} errors | queue {sum(queue.values())}: {hosts}"
                ),
            )

        yield hook


@contextmanager
def _on_interrupt(crawler: Crawler, what: str) -> Iterator[None]:
    """Ctrl-C or SIGTERM (``timeout`` in a cron job, a service manager stopping us): say what
    was kept and how to go on. Both unwind like Ctrl-C, so the run is recorded as interrupted,
    the extraction workers are shut down and the lock file is removed; without this, SIGTERM
    ended the process on the spot and left its workers running."""
    terminated: list[int] = []

    def on_sigterm(signum: int, frame: object) -> None:
        terminated.append(signum)
        if callable(signal.getsignal(signal.SIGINT)):
            # Through the SIGINT handler: asyncio's cancels the crawl's main task cleanly.
            signal.raise_signal(signal.SIGINT)
        else:  # SIGINT ignored (started in the background by a shell): unwind from here
            raise KeyboardInterrupt

    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, on_sigterm)
    try:
        yield
    except KeyboardInterrupt:
        # Connections and tasks cut short make asyncio and Python complain at exit, after
        # the one line below; nothing of it is news once the user stopped the run.
        warnings.filterwarnings("ignore", "coroutine .* was never awaited", RuntimeWarning)
        logging.getLogger("asyncio").setLevel(logging.CRITICAL)
        stats = crawler.stats
        typer.echo(
            f"{what} {'stopped by SIGTERM' if terminated else 'interrupted'}: "
            f"{stats.pages_fetched} pages, {stats.articles_new} new articles "
            f"kept (run {stats.run_id}); run the same command again to resume",
            err=True,
        )
        raise typer.Exit(EXIT_TERMINATED if terminated else EXIT_INTERRUPTED) from None
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _leftovers(stats: CrawlStats, db: Path, quiet: bool) -> None:
    """Say what a crawl left queued, and the command that goes on with it."""
    if stats.pending:
        summary(
            f"  still pending for these targets: {stats.pending} URLs (run again to go on)", quiet
        )
    hosts = stats.pending_elsewhere_hosts
    if hosts:
        shown = ", ".join(f"{host} {n}" for host, n in list(hosts.items())[:3])
        more = f" and {len(hosts) - 3} more" if len(hosts) > 3 else ""
        other = "another host" if len(hosts) == 1 else f"{len(hosts)} other hosts"
        summary(
            f"  left pending on {other}: {stats.pending_elsewhere} URLs "
            f"({shown}{more}); resume them with: {_program()} crawl --all-pending --db {shlex.quote(str(db))}",
            quiet,
        )


def _finish(
    stats: CrawlStats, as_json: bool, quiet: bool, what: str, db: Path | None = None
) -> None:
    if as_json:
        print_json(stats.to_dict())
    summary(
        f"{what}: {stats.pages_fetched} pages, {stats.articles_new} new and "
        f"{stats.articles_updated} updated articles, {stats.skipped} skipped, "
        f"{stats.deferred} deferred, "
        f"{stats.errors} errors in {stats.seconds:.1f}s (run {stats.run_id})",
        quiet,
    )
    if db is not None:
        _leftovers(stats, db, quiet)
    if not quiet and not as_json:
        for line in stats.error_samples[:5]:
            summary(f"  failed: {line}")
        for line in stats.skip_samples[:3]:
            summary(f"  skipped: {line}")
        if what == "fetch":  # pages asked for by name: say why one gave no article
            for line in stats.page_samples[:5]:
                summary(f"  kept as a raw page, no article: {line}")
    if stats.errors:
        raise typer.Exit(EXIT_PARTIAL)


def _settings(
    delay: float | None, concurrency: int, user_agent: str, retries: int = 3
) -> FetchSettings:
    if delay is not None and delay < 0:
        raise UsageError("--delay must be 0 or more seconds")
    if not re.fullmatch(r"[A-Za-z0-9][\x20-\x7e]*", user_agent):
        raise UsageError(
            "--user-agent must be printable ASCII starting with a product name, "
            f"like {DEFAULT_USER_AGENT!r}"
        )
    return FetchSettings(
        user_agent=user_agent,
        delay=1.0 if delay is None else delay,
        concurrency=concurrency,
        retries=retries,
    )


@app.command()
def crawl(
    targets: Annotated[
        list[str] | None,
        typer.Argument(
            help="Site config names, home pages, feeds or sitemaps.", show_default=False
        ),
    ] = None,
    db: DbOption = DEFAULT_DB,
    all_sites: Annotated[bool, typer.Option("--all", help="Every site with a config.")] = False,
    all_pending: Annotated[
        bool,
        typer.Option(
            "--all-pending",
            help="Also fetch what earlier runs left pending on other hosts; alone, only that.",
        ),
    ] = False,
    max_pages: Annotated[
        int | None, typer.Option("--max-pages", min=1, help="Stop after N page fetches.")
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Skip feed/sitemap entries older than DATE.")
    ] = None,
    concurrency: ConcurrencyOption = 8,
    delay: DelayOption = None,
    user_agent: UserAgentOption = DEFAULT_USER_AGENT,
    retries: RetriesOption = 3,
    follow_links: Annotated[
        bool, typer.Option("--follow-links/--no-follow-links", help="Follow links on pages.")
    ] = True,
    depth: Annotated[int, typer.Option("--depth", min=0, help="Link hops from a seed.")] = 2,
    wait: WaitOption = False,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Crawl sites politely into the archive (resumable, safe to run from cron).

    Reads robots.txt, feeds and sitemaps and follows links within --depth.

    Each new article is fetched once; recent ones are rechecked for edits.

    A second crawl on the same archive exits with code 3 (or waits with --wait).
    Ctrl-C (exit 130) or SIGTERM, as sent by timeout(1) (exit 143), stops it cleanly: what
    was stored is kept and the same command goes on from there.

    A run works only on its targets' hosts (and the hosts their feeds and sitemaps list), so
    --max-pages is spent on them. URLs that earlier runs left pending on other hosts stay
    pending; the summary counts them and gives the command that resumes them:
    scraper crawl --all-pending. Given with targets, --all-pending discovers from the targets
    first, then fetches everything pending.

    Example: scraper crawl https://www.theguardian.com/world/rss --max-pages 50 --db news.db

    Example: scraper crawl --all-pending --db news.db
    """
    if not targets and not all_sites and not all_pending:
        raise UsageError(
            "give a site name, a URL (home page, feed or sitemap), --all, "
            "or --all-pending to resume what earlier runs left"
        )
    parse_day(since)
    options = CrawlOptions(
        targets=list(targets or []),
        all_sites=all_sites,
        all_pending=all_pending,
        max_pages=max_pages,
        since=since,
        follow_links=follow_links,
        depth=depth,
        delay_given=delay is not None,
        fetch=_settings(delay, concurrency, user_agent, retries),
    )
    seeds = plan_seeds(options)  # a bad target is a usage error before any file is made
    with _crawl_archive(db, wait) as archive, _live(quiet) as hook:
        crawler = Crawler(archive, options, hook)
        with _on_interrupt(crawler, "crawl"):
            stats = crawler.run(seeds)
    _finish(stats, as_json, quiet, "crawl", db)


@app.command()
def fetch(
    urls: Annotated[list[str], typer.Argument(help="Page URLs to fetch and store.")],
    db: DbOption = DEFAULT_DB,
    delay: DelayOption = None,
    user_agent: UserAgentOption = DEFAULT_USER_AGENT,
    retries: RetriesOption = 3,
    wait: WaitOption = False,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Fetch the given pages (politely, obeying robots.txt) and store their records.

    Example: scraper fetch https://apnews.com/article/some-story-123 --db news.db
    """
    canonical = []
    for url in urls:
        page = canonicalize(url)
        problem = url_problem(url) or (None if page else "not an http(s) URL")
        if problem or page is None:
            raise UsageError(f"{url}: {problem}")
        canonical.append(page)
    options = CrawlOptions(
        follow_links=False,
        delay_given=delay is not None,
        fetch=_settings(delay, 4, user_agent, retries),
    )
    options.workers = 0  # a handful of pages: a process pool would cost more than it saves
    with _crawl_archive(db, wait) as archive, _live(quiet) as hook:
        crawler = Crawler(archive, options, hook, command="fetch")
        with _on_interrupt(crawler, "fetch"):
            stats = crawler.fetch_urls(canonical)
    _finish(stats, as_json, quiet, "fetch")


def _program() -> str:
    """How to type this command again: ``scraper`` when it is on PATH, else the path it was
    started by (``make demo`` runs ``.venv/bin/scraper``, which is usually not on PATH)."""
    started = Path(sys.argv[0])
    on_path = shutil.which("scraper")
    if started.name != "scraper" or (on_path and Path(on_path).resolve() == started.resolve()):
        return "scraper"
    relative = os.path.relpath(started)
    return relative if relative.startswith(("/", ".")) else f"./{relative}"


@app.command()
def demo(
    db: DbOption = DEFAULT_DB,
    port: Annotated[int, typer.Option("--port", min=0, help="Port to serve on (0: any).")] = 0,
    quiet: QuietOption = False,
) -> None:
    """Serve the bundled demo news site on 127.0.0.1, crawl it for real, show a record.

    The site has a home page, sections, an RSS feed, a sitemap, a robots.txt that disallows
    one path, and real article pages. The crawl goes over HTTP like any other.

    Example: scraper demo --db demo.db
    """
    from scraper.demo import run_demo

    with _live(quiet) as hook:
        result = run_demo(db, port, hook)
    if result.sample is not None:
        typer.echo(json.dumps(result.sample, ensure_ascii=False, indent=2))
    stats = result.stats
    summary(f"served the demo site at {result.base_url} and crawled it into {db}", quiet)
    prog = _program()
    summary(
        f'next: {prog} search --db {db} "Biden"   or   {prog} export --db {db} --format jsonl',
        quiet,
    )
    _finish(stats, False, quiet, "demo")
