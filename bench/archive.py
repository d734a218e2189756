"""Archive benchmark: ingest, search, stats and export on a synthetic archive of N articles.

Builds N realistic synthetic articles (Zipf-distributed vocabulary, 3-30 paragraphs, 40 sites,
five years of dates, images and quotes), stores them through ``Archive.store_many`` (the same
code as ``Archive.store``, one transaction per batch) and, in the same run, inserts the same
article rows with bare ``sqlite_utils`` ``insert_all`` into a plain table. Then measures search
latency, ``stats``, and ``export`` (time and peak memory in a child process), and prints a
markdown table.

Usage: python bench/archive.py --articles 20000 --out /tmp/archive-bench
"""

from __future__ import annotations

import argparse
import bisect
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from functools import partial
from itertools import accumulate, islice
from pathlib import Path

from sqlite_utils import Database

from scraper.archive import Archive
from scraper.archive.search import Filters, search_articles
from scraper.archive.stats import site_stats
from scraper.archive.store import article_row
from scraper.models import Article, Image, Page, Quote

SYLLABLES = [a + b for a in "bcdfghklmnprstvz" for b in ("a", "e", "i", "o", "u", "ai", "ou")]
SPEAKERS = [f"{f} {s}" for f in ("Anna", "Piotr", "Maria", "John", "Lea", "Omar", "Ines", "Ken")
            for s in ("Berg", "Nowak", "Rossi", "Smith", "Dubois", "Khan", "Silva", "Sato")]  # fmt: skip
SITES = [f"site{n:02d}.example" for n in range(40)]
VOCABULARY_SIZE = 40_000
BATCH = 500


class TextMaker:
    """Deterministic pseudo-language text with a Zipf word distribution."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        words: set[str] = set()
        while len(words) < VOCABULARY_SIZE:
            words.add("".join(self.rng.choices(SYLLABLES, k=self.rng.choice((1, 2, 2, 3, 3, 4)))))
        self.words = sorted(words, key=lambda w: (len(w), w))
        self.cumulative = list(accumulate(1.0 / (rank + 1) for rank in range(len(self.words))))

    def word_at_rank(self, rank: int) -> str:
        return self.words[rank]

    def sentence(self, length: int) -> str:
        total = self.cumulative[-1]
        picks = [
            self.words[bisect.bisect(self.cumulative, self.rng.random() * total)]
            for _ in range(length)
        ]
        return " ".join(picks).capitalize() + "."

    def paragraph(self) -> str:
        return " ".join(
            self.sentence(self.rng.randint(6, 24)) for _ in range(self.rng.randint(1, 5))
        )


def make_item(maker: TextMaker, n: int) -> tuple[Page, Article]:
    rng = maker.rng
    site = SITES[min(int(rng.paretovariate(1.2)) - 1, len(SITES) - 1)]
    day = f"{rng.randint(2021, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    body = [maker.paragraph() for _ in range(rng.randint(3, 30))]
    quotes = [Quote(text=maker.sentence(rng.randint(5, 15)), speaker=rng.choice(SPEAKERS),
                    cue="said", paragraph=rng.randrange(len(body)))
              for _ in range(rng.randint(0, 4))]  # fmt: skip
    images = [Image(url=f"https://{site}/img/{n}-{i}.jpg", caption=maker.sentence(8), width=1200)
              for i in range(rng.randint(0, 3))]  # fmt: skip
    url = f"https://{site}/{day.replace('-', '/')}/story-{n}"
    article = Article(
        url=url, canonical_url=url, site=site, headline=maker.sentence(rng.randint(5, 12)),
        authors=[rng.choice(SPEAKERS)], published=f"{day}T{rng.randint(0, 23):02d}:00:00+00:00",
        language="xx", section=rng.choice(("politics", "sport", "culture", "local")),
        tags=[maker.word_at_rank(rng.randint(100, 2000))], body=body, images=images,
        quotes=quotes, sources={"headline": "jsonld"}, extractor={"version": "bench"},
    )  # fmt: skip
    html = "<html><head><title>{}</title></head><body><article>{}</article></body></html>".format(
        article.headline, "".join(f"<p>{p}</p>" for p in body)
    )
    page = Page(url=url, body=html.encode(), headers={"content-type": "text/html"},
                fetched_at=f"{day}T23:00:00+00:00")  # fmt: skip
    return page, article


def items(count: int, seed: int = 1) -> Iterator[tuple[Page, Article]]:
    maker = TextMaker(seed)
    for n in range(count):
        yield make_item(maker, n)


def batched(
    iterator: Iterator[tuple[Page, Article]], size: int
) -> Iterator[list[tuple[Page, Article]]]:
    while batch := list(islice(iterator, size)):
        yield batch


def bench_ingest(db_path: Path, count: int) -> tuple[float, float, float]:
    """Seconds storing through the archive, with bare insert_all, and bare insert_all into a
    table with sqlite-utils FTS (headline, text) and triggers; generation excluded."""
    bare_db = Database(db_path.with_name("bare.db"))
    fts_db = Database(db_path.with_name("bare-fts.db"))
    fts_db["articles"].create({"url": str, "headline": str, "text": str}, pk="url")
    fts_db["articles"].enable_fts(["headline", "text"], create_triggers=True)
    seconds = [0.0, 0.0, 0.0]
    with Archive(db_path) as archive:
        for batch in batched(items(count), BATCH):
            rows = [article_row(a, a.canonical_url or p.url, p.url) for p, a in batch]
            for slot, work in enumerate((
                partial(archive.store_many, batch),
                partial(bare_db["articles"].insert_all, rows, batch_size=BATCH),
                partial(fts_db["articles"].insert_all, rows, batch_size=BATCH, alter=True),
            )):  # fmt: skip
                start = time.perf_counter()
                work()
                seconds[slot] += time.perf_counter() - start
    bare_db.close()
    fts_db.close()
    return seconds[0], seconds[1], seconds[2]


def bench_search(db_path: Path) -> tuple[list[float], list[str]]:
    maker = TextMaker(1)  # same vocabulary as the archive
    w = maker.word_at_rank
    queries = [w(300), w(2000), w(8000), f"{w(300)} {w(1500)}", f"{w(1000)} AND {w(3000)}",
               f'"{w(40)} {w(60)}"', f"{w(5000)} OR {w(6000)}", f"{w(20000)}"]  # fmt: skip
    filters = [Filters(), Filters(site=SITES[3]), Filters(since="2025-01-01")]
    timings: list[float] = []
    with Archive(db_path, readonly=True) as archive:
        for _ in range(3):
            for query in queries:
                for flt in filters:
                    start = time.perf_counter()
                    search_articles(archive.db.conn, query, flt, limit=20)
                    timings.append((time.perf_counter() - start) * 1000)
    return timings, queries


def export_child(db_path: Path, site: str | None) -> tuple[float, float]:
    """Export to /dev/null in a child process; return (seconds, peak RSS in MB)."""
    code = (
        "import resource, sys, time\n"
        "from scraper.archive import Archive\nfrom scraper.archive.export import write_export\n"
        "from scraper.archive.search import Filters\n"
        "t = time.perf_counter()\n"
        "with Archive(sys.argv[1], readonly=True) as a, open('/dev/null', 'w') as out:\n"
        "    write_export(a.db.conn, out, 'jsonl', Filters(site=sys.argv[2] or None))\n"
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(db_path), site or ""],
                            check=True, capture_output=True, text=True)  # fmt: skip
    seconds, rss_kb = result.stdout.split()
    return float(seconds), int(rss_kb) / 1024


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("bench-archive"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db_path = args.out / "archive.db"
    for stale in args.out.glob("*.db*"):
        stale.unlink()
    archive_s, bare_s, fts_s = bench_ingest(db_path, args.articles)
    timings, queries = bench_search(db_path)
    start = time.perf_counter()
    with Archive(db_path) as archive:
        archive.optimize()
    optimize_s = time.perf_counter() - start
    optimized, _ = bench_search(db_path)
    start = time.perf_counter()
    with Archive(db_path, readonly=True) as archive:
        sites = site_stats(archive.db.conn)
    stats_s = time.perf_counter() - start
    export_s, export_mb = export_child(db_path, None)
    small_s, small_mb = export_child(db_path, SITES[-1])
    size_mb = sum(f.stat().st_size for f in args.out.glob("archive.db*")) / 1e6
    n = args.articles
    print(f"| measure ({n:,} articles, {len(sites)} sites) | value |\n|---|---|")
    print(
        f"| ingest via Archive.store_many (batches of {BATCH}) | {n / archive_s:,.0f} articles/s |"
    )
    print(f"| bare sqlite_utils insert_all, same rows | {n / bare_s:,.0f} articles/s |")
    print(
        f"| bare insert_all into a table with sqlite-utils FTS + triggers | {n / fts_s:,.0f} articles/s |"
    )
    print(f"| ratio archive / bare (no FTS) | {bare_s / archive_s:.2f} |")
    print(f"| ratio archive / bare with FTS | {fts_s / archive_s:.2f} |")
    print(f"| search median / p95 ({len(timings)} queries) | {statistics.median(timings):.1f} ms / "
          f"{percentile(timings, 0.95):.1f} ms |")  # fmt: skip
    print(f"| search max | {max(timings):.1f} ms |")
    print(f"| Archive.optimize() (merge FTS segments) | {optimize_s:.1f} s |")
    print(f"| search median / p95 after optimize | {statistics.median(optimized):.1f} ms / "
          f"{percentile(optimized, 0.95):.1f} ms (max {max(optimized):.1f} ms) |")  # fmt: skip
    print(f"| stats | {stats_s:.2f} s |")
    print(f"| export jsonl, all | {export_s:.1f} s, peak RSS {export_mb:.0f} MB |")
    print(f"| export jsonl, one small site | {small_s:.1f} s, peak RSS {small_mb:.0f} MB |")
    print(f"| archive file size | {size_mb:,.0f} MB ({size_mb * 1e6 / n / 1e3:.1f} kB/article) |")
    print(f"\nqueries: {', '.join(queries)}; each with no filter, --site, --since; 3 rounds")
    print(f"python {os.path.basename(sys.argv[0])} {' '.join(sys.argv[1:])}")


if __name__ == "__main__":
    main()
