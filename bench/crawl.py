"""Crawl throughput against the politeness bound and against Scrapy, plus memory growth.

A loopback "internet" of H hosts (127.0.0.2, 127.0.0.3, ...: distinct host names, so both
crawlers keep one slot per host) x A articles, each host with robots.txt, a sitemap and
synthetic article pages, every response delayed by --latency. Both crawlers start from the
H sitemaps, obey robots.txt, fetch one request at a time per host, and start requests to a
host at least --delay apart; both run the same extraction on every article.

Politeness bound: one host can serve at most 1 / max(delay, latency) requests per second
(a request cannot start before the previous one to that host has been answered, nor sooner
than ``delay`` after it started), so H hosts give ``H / max(delay, latency)`` requests/s.
We report requests/s (robots + sitemaps + articles) over the crawl's wall time and its share
of the bound. Memory: peak RSS growth of our crawler process over the crawl, and the RSS
growth sampled every 500 pages (flat after warm-up is the goal); extraction workers are
separate processes and not included.

    python bench/crawl.py                      # 20 hosts x 200 articles (4,000 pages)
    python bench/crawl.py --quick              # 5 hosts x 20 articles, seconds
    python bench/crawl.py --hosts 10 --articles 50 --latency 0.05 --delay 0.2 --no-scrapy
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = tuple(
    [
        "council",
        "budget",
        "school",
        "road",
        "library",
        "mayor",
        "vote",
        "residents",
        "plan",
        "river",
        "bridge",
        "hospital",
        "teachers",
        "union",
        "strike",
        "court",
        "ruling",
        "appeal",
        "election",
        "campaign",
        "poll",
        "market",
        "prices",
        "energy",
        "winter",
        "storm",
        "flood",
        "rescue",
        "police",
        "report",
        "inquiry",
        "minister",
        "parliament",
        "debate",
        "reform",
    ]
)


def article_html(host: int, n: int) -> str:
    """A plausible news page (~6 KB): head metadata, nav, eight paragraphs, footer links."""
    words = [WORDS[(host * 7 + n * 13 + i * 5) % len(WORDS)] for i in range(240)]
    paragraphs = "".join(
        f"<p>{' '.join(words[i * 30 : i * 30 + 30]).capitalize()}, officials said on "
        f"Tuesday in a statement about story {n}.</p>"
        for i in range(8)
    )
    ld = json.dumps(
        {
            "@type": "NewsArticle",
            "headline": f"Story {n} from host {host}",
            "datePublished": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}T08:00:00+00:00",
            "author": {"@type": "Person", "name": "Jane Reporter"},
        }
    )
    nav = "".join(f'<a href="/section/{w}">{w}</a> ' for w in WORDS[:12])
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Story {n} from host {host} | Bench Times</title>"
        f'<script type="application/ld+json">{ld}</script></head><body><nav>{nav}</nav>'
        f"<article><h1>Story {n} from host {host}</h1><p class=byline>By Jane Reporter</p>"
        f"{paragraphs}</article><footer>{nav}</footer></body></html>"
    )


def article_path(n: int) -> str:
    return f"/2025/01/01/story-{n}-council-budget-vote"


def serve(hosts: int, articles: int, latency: float, ready: Any, stop: Any) -> None:
    """Server process: H loopback servers with sitemaps and articles until told to stop."""
    from scraper.loopback import LoopbackServer

    servers = []
    for h in range(hosts):
        server = LoopbackServer(host=f"127.0.0.{h + 2}")
        base = server.base_url
        server.add_route("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        locs = "".join(f"<url><loc>{base}{article_path(n)}</loc></url>" for n in range(articles))
        sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
        server.add_route("/sitemap.xml", sitemap, "application/xml")
        for n in range(articles):
            server.add_route(article_path(n), article_html(h, n))
        server.latency = latency
        servers.append(server.start())
    ready.put([s.url("/sitemap.xml") for s in servers])
    stop.wait()
    counts = sum(len(s.requests) for s in servers)
    for server in servers:
        server.stop()
    ready.put(counts)


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def run_ours(
    sitemaps: list[str], delay: float, workers: int, cache_kib: int | None = None
) -> dict[str, Any]:
    from scraper.archive import Archive
    from scraper.crawl import Crawler, CrawlOptions, CrawlStats
    from scraper.fetch import FetchSettings

    with tempfile.TemporaryDirectory() as folder:
        options = CrawlOptions(
            targets=sitemaps,
            follow_links=False,
            workers=workers,
            delay_given=True,
            fetch=FetchSettings(delay=delay, concurrency=len(sitemaps), retries=1),
        )
        before = rss_kb()
        samples: dict[int, float] = {}

        def sample(stats: CrawlStats, queue: dict[str, int]) -> None:
            samples.setdefault(stats.pages_fetched // 500 * 500, (rss_kb() - before) / 1024)

        with Archive(Path(folder) / "bench.db") as archive:
            if cache_kib is not None:  # the archive's SQLite page cache counts in our RSS
                archive.db.conn.execute(f"PRAGMA cache_size = -{int(cache_kib)}")
            started = time.perf_counter()
            stats = Crawler(archive, options, sample).run()
            seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "rss_growth_mb_by_pages": {k: round(v, 1) for k, v in sorted(samples.items())},
        "requests": stats.requests,
        "articles": stats.articles_new,
        "errors": stats.errors,
        "seconds": round(seconds, 2),
        "rss_growth_mb": round((peak - before) / 1024, 1),
    }


SCRAPY_WORKER = """
import json, sys, time
sys.path.insert(0, {root!r})
from scrapy.crawler import CrawlerProcess
from scrapy.spiders import SitemapSpider
from scraper.extract import extract

sitemaps, delay, hosts = json.loads(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
state = {{"articles": 0, "started": None, "finished": None}}

class Bench(SitemapSpider):
    name = "bench"
    sitemap_urls = sitemaps

    def parse(self, response):
        article = extract(response.body, url=response.url)
        state["articles"] += article.status == "ok"

process = CrawlerProcess(settings={{
    "LOG_LEVEL": "ERROR", "ROBOTSTXT_OBEY": True, "DOWNLOAD_DELAY": delay,
    "RANDOMIZE_DOWNLOAD_DELAY": False, "AUTOTHROTTLE_ENABLED": False,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 1, "CONCURRENT_REQUESTS": max(16, hosts),
    "COOKIES_ENABLED": False, "TELNETCONSOLE_ENABLED": False, "RETRY_TIMES": 1,
    "USER_AGENT": "scrapy-bench (+https://scrapy.org)",
}})
crawler = process.create_crawler(Bench)
started = time.perf_counter()
process.crawl(crawler)
process.start()
seconds = time.perf_counter() - started
stats = crawler.stats.get_stats()
print(json.dumps({{"requests": stats.get("downloader/request_count", 0),
                  "articles": state["articles"], "seconds": round(seconds, 2)}}))
"""


def run_scrapy(sitemaps: list[str], delay: float) -> dict[str, Any]:
    code = SCRAPY_WORKER.format(root=str(ROOT))
    args = [sys.executable, "-c", code, json.dumps(sitemaps), str(delay), str(len(sitemaps))]
    done = subprocess.run(args, capture_output=True, text=True, check=False, timeout=1800)
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1:] or ["scrapy failed"]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def rate(result: dict[str, Any]) -> float:
    return result["requests"] / result["seconds"] if result.get("seconds") else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--articles", type=int, default=200, help="articles per host")
    parser.add_argument("--latency", type=float, default=0.05, help="server seconds per response")
    parser.add_argument("--delay", type=float, default=0.2, help="seconds between request starts")
    parser.add_argument("--workers", type=int, default=2, help="our extraction processes")
    parser.add_argument(
        "--cache-kib", type=int, default=None, help="override the archive's SQLite page cache"
    )
    parser.add_argument("--no-scrapy", action="store_true", help="skip the Scrapy run")
    parser.add_argument("--quick", action="store_true", help="5 hosts x 20 articles")
    args = parser.parse_args()
    if args.quick:
        args.hosts, args.articles = 5, 20

    context = multiprocessing.get_context("spawn")
    ready, stop = context.Queue(), context.Event()
    server = context.Process(
        target=serve, args=(args.hosts, args.articles, args.latency, ready, stop), daemon=True
    )
    server.start()
    sitemaps = ready.get(timeout=120)
    bound = args.hosts / max(args.delay, args.latency)
    report: dict[str, Any] = {
        "hosts": args.hosts,
        "articles_per_host": args.articles,
        "latency": args.latency,
        "delay": args.delay,
        "bound_requests_per_second": round(bound, 1),
    }
    try:
        ours = run_ours(sitemaps, args.delay, args.workers, args.cache_kib)
        ours["requests_per_second"] = round(rate(ours), 1)
        ours["share_of_bound"] = round(rate(ours) / bound, 3)
        report["ours"] = ours
        if not args.no_scrapy:
            theirs = run_scrapy(sitemaps, args.delay)
            if "requests" in theirs:
                theirs["requests_per_second"] = round(rate(theirs), 1)
                theirs["share_of_bound"] = round(rate(theirs) / bound, 3)
            report["scrapy"] = theirs
    finally:
        stop.set()
        report["server_requests"] = ready.get(timeout=60)
        server.join(timeout=30)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
