"""``scraper demo``: serve the bundled demo news site on 127.0.0.1 and crawl it for real.

The site (``fixtures/demo/``) has a home page, section pages, an RSS feed, a sitemap and a
robots.txt that names the sitemap and disallows ``/private/``; its articles are real pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scraper.archive import Archive
from scraper.crawl import Crawler, CrawlOptions, CrawlStats, ProgressHook, crawl_lock
from scraper.errors import UsageError
from scraper.fetch import FetchSettings
from scraper.loopback import LoopbackServer

DEMO_SITE = Path(__file__).resolve().parent.parent / "fixtures" / "demo"
#: Files whose ``{{BASE}}`` placeholder becomes the server's address (sitemaps need it).
TEMPLATED = ("robots.txt", "sitemap.xml", "feed.xml")
TEMPLATE_TYPES = {".txt": "text/plain; charset=utf-8", ".xml": "application/xml; charset=utf-8"}
DEMO_DELAY = 0.05
SAMPLE_PARAGRAPHS = 3
MAX_PORT = 65535


@dataclass
class DemoResult:
    """The crawl's counts, where the site was served, and one stored record to show."""

    stats: CrawlStats
    base_url: str
    sample: dict[str, Any] | None


def serve_demo(port: int = 0, site: Path = DEMO_SITE) -> LoopbackServer:
    """Start the demo site on 127.0.0.1 (``port`` 0: a free one) with templates filled in."""
    if not (site / "index.html").is_file():
        raise UsageError(f"demo site not found at {site}; run from a source checkout")
    if not 0 <= port <= MAX_PORT:
        raise UsageError(f"--port {port}: a port is a number from 0 to {MAX_PORT}")
    try:
        server = LoopbackServer(site, port=port)
    except OSError as err:
        raise UsageError(f"cannot serve the demo on port {port}: {err.strerror}") from None
    for name in TEMPLATED:
        text = (site / name).read_text(encoding="utf-8").replace("{{BASE}}", server.base_url)
        server.add_route("/" + name, text, content_type=TEMPLATE_TYPES[Path(name).suffix])
    return server.start()


def run_demo(
    db_path: str | Path, port: int = 0, on_progress: ProgressHook | None = None
) -> DemoResult:
    """Serve the demo site, crawl it into ``db_path`` over HTTP, stop the server."""
    server = serve_demo(port)
    try:
        options = CrawlOptions(
            targets=[server.url("/")],
            depth=2,
            delay_given=True,
            fetch=FetchSettings(delay=DEMO_DELAY, retries=1, backoff_base=0.1),
        )
        with crawl_lock(db_path), Archive(db_path) as archive:
            stats = Crawler(archive, options, on_progress, command="demo").run()
            sample = sample_record(archive)
    finally:
        server.stop()
    return DemoResult(stats, server.base_url, sample)


def sample_record(archive: Archive) -> dict[str, Any] | None:
    """One stored article, shortened for the screen: headline, authors, date, first paragraphs."""
    row = archive.db.conn.execute(
        """SELECT url, site, headline, authors, published, body FROM articles
           WHERE status = 'ok' ORDER BY length(body) DESC LIMIT 1"""
    ).fetchone()
    if row is None:
        return None
    import json

    body = json.loads(row[5] or "[]")
    return {
        "url": row[0],
        "site": row[1],
        "headline": row[2],
        "authors": json.loads(row[3] or "[]"),
        "published": row[4],
        "first_paragraphs": body[:SAMPLE_PARAGRAPHS],
        "paragraphs": len(body),
    }
