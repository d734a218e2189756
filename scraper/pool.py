"""The extraction process pool: pages are parsed in worker processes so parsing never stalls
the crawl's event loop, and workers exit on their own when the crawl process is gone."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from multiprocessing import get_context

from scraper.discover import page_links
from scraper.models import Article


def extract_job(
    body: bytes, url: str, charset: str | None, want_links: bool
) -> tuple[Article, list[str]]:
    """Runs in a worker process: the record and the page's same-host links."""
    from scraper.extract import extract

    article = extract(body, url=url, charset=charset)
    links = page_links(body, url) if want_links else []
    return article, links


def warm_up() -> None:
    """Runs once per worker at start: import the extractor before the first page arrives."""
    import scraper.extract  # noqa: F401


def default_workers() -> int:
    return max(1, min(2, (os.cpu_count() or 1)))


def exit_with(crawler_pid: int) -> None:
    """Runs in each worker at start: exit once the crawl process is gone. A crawl killed
    with SIGKILL (or a signal it cannot catch) cannot shut its pool down, and the workers
    would wait forever on a queue whose write end they hold themselves."""

    def watch() -> None:
        while _alive(crawler_pid):
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="crawler-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process took the number: ours is gone
        return False
    try:  # a dead process its parent has not reaped yet is a zombie (Linux)
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[-1].split()[:1] != [b"Z"]
    except OSError:
        return True


def make_pool(workers: int) -> Executor | None:
    """A process pool for extraction (forkserver: safe with threads), or None for inline."""
    if workers <= 0:
        return None
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("forkserver"),
        initializer=exit_with,
        initargs=(os.getpid(),),
    )
    for _ in range(workers):
        pool.submit(warm_up)  # start the workers now, while discovery runs
    return pool
