"""Archive benchmark: ingest, search, stats and export on a synthetic archive of N articles.

Builds N realistic synthetic articles (Zipf-distributed vocabulary, 3-30 paragraphs, 40 sites,
five years of dates, images and quotes) and stores them through ``Archive.store_many`` (the
same code as ``Archive.store``, one transaction per batch of 500) in bulk mode (full-text
indexing every ``BULK_INDEX_EVERY`` articles and at the end, included in the time). Baseline,
in the same run: bare sqlite-utils ``insert_all`` of every row the archive writes (articles,
images, quotes, the zlib-compressed raw page in ``pages`` and its ``page_fetches`` row) into
plain tables (no indexes, no FTS), and the same inserts into tables with sqlite-utils FTS5 and
triggers on articles(headline, text) and quotes(text, speaker). The baseline's rows are built
outside its timer (JSON, hashes, compression); the archive builds them inside. Then
measures search latency (typical and common-word queries reported apart), ``optimize``,
``stats``, and ``export`` (time and peak memory in a child process), and prints a markdown
table.

Both run with the archive's settings (WAL, ``synchronous=NORMAL``, 16 MB cache). Ratios are
given by wall time and by CPU time (this thread, SQLite included): on a loaded machine the
CPU-time ratio is the steadier one. A progress line every 50,000 articles keeps the numbers of
a run stopped early; ``--reuse`` measures an existing archive again without ingesting.

Usage: python bench/archive.py --articles 20000 --out /tmp/archive-bench [--cache-kib 16000]
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
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import accumulate, islice
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from scraper.archive import CACHE_KIB, Archive
from scraper.archive.search import Filters, search_articles
from scraper.archive.stats import site_stats
from scraper.archive.store import PAGE_COMPRESSION_LEVEL, article_row, page_hash
from scraper.models import Article, Image, Page, Quote

SYLLABLES = [a + b for a in "bcdfghklmnprstvz" for b in ("a", "e", "i", "o", "u", "ai", "ou")]
SPEAKERS = [f"{f} {s}" for f in ("Anna", "Piotr", "Maria", "John", "Lea", "Omar", "Ines", "Ken")
            for s in ("Berg", "Nowak", "Rossi", "Smith", "Dubois", "Khan", "Silva", "Sato")]  # fmt: skip
SITES = [f"site{n:02d}.example" for n in range(40)]
VOCABULARY_SIZE = 40_000
BATCH = 500
PROGRESS_EVERY = 50_000


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


def child_rows(batch: list[tuple[Page, Article]], first_id: int) -> dict[str, list[dict[str, Any]]]:
    """The images, quotes, pages and page_fetches rows of a batch, as plain dicts keyed by a
    running article id (pages compressed as the archive stores them)."""
    images: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    pages = [{"hash": page_hash(p), "url": p.url, "status": p.status, "headers": str(p.headers),
              "fetched_at": p.fetched_at, "content_type": p.content_type, "size": len(p.body),
              "body": zlib.compress(p.body, PAGE_COMPRESSION_LEVEL)} for p, _ in batch]  # fmt: skip
    fetches = [{"page_hash": row["hash"], "url": row["url"], "requested_url": None,
                "status": row["status"], "fetched_at": row["fetched_at"], "run_id": None}
               for row in pages]  # fmt: skip
    for offset, (_, article) in enumerate(batch):
        article_id = first_id + offset
        images += [{"article_id": article_id, "position": i, **vars(im)}
                   for i, im in enumerate(article.images)]  # fmt: skip
        quotes += [{"article_id": article_id, "position": i, **vars(q)}
                   for i, q in enumerate(article.quotes)]  # fmt: skip
    return {"images": images, "quotes": quotes, "pages": pages, "page_fetches": fetches}


def bare_tables(path: Path, fts: bool) -> Database:
    """Plain tables (WAL, ``synchronous=NORMAL``, the archive's default cache); with ``fts``,
    sqlite-utils FTS5 on articles(headline, text) and quotes(text, speaker) kept by its
    triggers."""
    db = Database(path)
    # The archive's durability and cache settings, so only the work per row differs.
    db.conn.execute("PRAGMA journal_mode = WAL")
    db.conn.execute("PRAGMA synchronous = NORMAL")
    db.conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    if fts:
        db.table("articles").create({"id": int, "url": str, "headline": str, "text": str}, pk="id")
        db.table("articles").enable_fts(["headline", "text"], create_triggers=True)
        db.table("quotes").create({"id": int, "text": str, "speaker": str}, pk="id")
        db.table("quotes").enable_fts(["text", "speaker"], create_triggers=True)
    return db


class Clock:
    """Wall and CPU seconds (this thread, SQLite included) per contender."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.wall = dict.fromkeys(names, 0.0)
        self.cpu = dict.fromkeys(names, 0.0)

    @contextmanager
    def timing(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.thread_time()
        yield
        self.wall[name] += time.perf_counter() - wall
        self.cpu[name] += time.thread_time() - cpu

    def ratio(self, name: str) -> str:
        """Archive speed / ``name``'s speed, by wall time and by CPU time."""
        wall = self.wall[name] / self.wall["archive"]
        return f"{wall:.2f} (by CPU time {self.cpu[name] / self.cpu['archive']:.2f})"

    def line(self, count: int) -> str:
        rates = ", ".join(f"{k} {count / v:,.0f}/s" for k, v in self.wall.items())
        ratios = ", ".join(f"{k} {self.ratio(k)}" for k in self.wall if k != "archive")
        return f"{count:,} articles: {rates}; ratio to {ratios}"


def bench_ingest(db_path: Path, count: int, cache_kib: int) -> Clock:
    """Time storing through the archive, with bare sqlite-utils, and bare with FTS.

    The bare baselines insert the same rows the archive writes (articles, images, quotes,
    pages, page_fetches) with ``insert_all`` into plain tables; generation is excluded. A
    progress line every ``PROGRESS_EVERY`` articles keeps the numbers of a long run that is
    stopped early."""
    bare_db = bare_tables(db_path.with_name("bare.db"), fts=False)
    fts_db = bare_tables(db_path.with_name("bare-fts.db"), fts=True)
    clock = Clock(("archive", "bare", "bare_fts"))
    first_id = 1
    with Archive(db_path, cache_kib=cache_kib) as archive, archive.bulk():
        for batch in batched(items(count), BATCH):
            rows = [article_row(a, a.canonical_url or p.url, p.url) for p, a in batch]
            for offset, row in enumerate(rows):
                row["id"] = first_id + offset
            children = child_rows(batch, first_id)
            first_id += len(batch)
            for name, db in (("bare", bare_db), ("bare_fts", fts_db)):
                with clock.timing(name), db.conn:
                    db.table("articles").insert_all(rows, batch_size=BATCH, pk="id", alter=True)
                    for table, table_rows in children.items():
                        db.table(table).insert_all(table_rows, batch_size=BATCH, alter=True)
            with clock.timing("archive"):
                archive.store_many(batch)
                if first_id > count:
                    archive.index_pending()  # the rest of the queue: what leaving bulk does
            if (first_id - 1) % PROGRESS_EVERY == 0 or first_id > count:
                print(clock.line(first_id - 1), flush=True)
    bare_db.close()
    fts_db.close()
    return clock


def ingest_rows(clock: Clock | None, n: int, cache_kib: int) -> list[tuple[str, str]]:
    if clock is None:
        return []
    return [
        (f"ingest via Archive.store_many in bulk mode (batches of {BATCH}, "
         f"cache {cache_kib:,} KiB, FTS included)", f"{n / clock.wall['archive']:,.0f} articles/s"),
        ("bare sqlite-utils insert_all of the same rows (articles, images, quotes, pages, "
         "page_fetches), plain tables", f"{n / clock.wall['bare']:,.0f} articles/s"),
        ("the same bare inserts with sqlite-utils FTS5 + triggers on articles and quotes",
         f"{n / clock.wall['bare_fts']:,.0f} articles/s"),
        ("ratio archive / bare, plain tables (no FTS)", clock.ratio("bare")),
        ("ratio archive / bare with FTS", clock.ratio("bare_fts")),
    ]  # fmt: skip


def search_queries() -> dict[str, list[str]]:
    """Typical queries (rarer words, names of things, 1-3 words, phrases) and common-word ones.

    In the Zipf vocabulary a word of rank r occurs in roughly 7,000/r percent of articles:
    rank 2,000 in ~3 %, rank 300 in ~20 %, rank 40 in most of them."""
    w = TextMaker(1).word_at_rank  # same vocabulary as the archive
    typical = [w(2000), w(8000), w(20000), f"{w(1500)} {w(4000)}",
               f"{w(1000)} AND {w(3000)}", f"{w(5000)} OR {w(6000)}",
               f"{w(2500)} {w(3500)} {w(4500)}", f'"{w(700)} {w(900)}"']  # fmt: skip
    common = [w(300), w(40), f"{w(300)} {w(1500)}", f'"{w(40)} {w(60)}"']
    return {"typical": typical, "common": common}


def bench_search(db_path: Path) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) milliseconds of each query; CPU time is this thread's, SQLite included, so
    it leaves out waiting for the processor on a loaded machine."""
    filters = [Filters(), Filters(site=SITES[3]), Filters(since="2025-01-01")]
    timings: dict[str, list[tuple[float, float]]] = {}
    with Archive(db_path, readonly=True) as archive:
        for kind, queries in search_queries().items():
            timings[kind] = []
            for _ in range(3):
                for query in queries:
                    for flt in filters:
                        wall, cpu = time.perf_counter(), time.thread_time()
                        search_articles(archive.db.conn, query, flt, limit=20)
                        timings[kind].append(
                            ((time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000)
                        )
    return timings


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


def latency(timings: list[tuple[float, float]]) -> str:
    wall = [t[0] for t in timings]
    cpu = [t[1] for t in timings]
    return (
        f"{statistics.median(wall):.1f} ms / {percentile(wall, 0.95):.1f} ms "
        f"(max {max(wall):.1f} ms; CPU time {statistics.median(cpu):.1f} / "
        f"{percentile(cpu, 0.95):.1f} ms; {len(timings)} queries)"
    )


def say(*parts: str) -> None:
    """A phase's result at once, so a long run stopped early still leaves its numbers."""
    print(*parts, sep=" | ", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("bench-archive"))
    parser.add_argument("--cache-kib", type=int, default=CACHE_KIB)
    parser.add_argument("--reuse", action="store_true",
                        help="keep the archive in --out; measure search, stats and export only")  # fmt: skip
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    db_path = args.out / "archive.db"
    clock = None
    if not args.reuse:
        for stale in args.out.glob("*.db*"):
            stale.unlink()
        clock = bench_ingest(db_path, args.articles, args.cache_kib)
    with Archive(db_path) as archive:  # a reused archive may be partial or have a queue
        archive.index_pending()
        n = int(archive.db.execute("SELECT count(*) FROM articles").fetchone()[0])
    before = bench_search(db_path)
    say("search before optimize", latency(before["typical"]), latency(before["common"]))
    start = time.perf_counter()
    with Archive(db_path) as archive:
        archive.optimize()
    optimize_s = time.perf_counter() - start
    say("optimize", f"{optimize_s:.1f} s")
    after = bench_search(db_path)
    say("search after optimize", latency(after["typical"]), latency(after["common"]))
    start = time.perf_counter()
    with Archive(db_path, readonly=True) as archive:
        sites = site_stats(archive.db.conn)
    stats_s = time.perf_counter() - start
    say("stats", f"{stats_s:.2f} s")
    export_s, export_mb = export_child(db_path, None)
    say("export all", f"{export_s:.1f} s, peak RSS {export_mb:.0f} MB")
    small_s, small_mb = export_child(db_path, SITES[-1])
    size_mb = sum(f.stat().st_size for f in args.out.glob("archive.db*")) / 1e6
    rows = [
        *ingest_rows(clock, n, args.cache_kib),
        ("search median / p95, typical queries", latency(before["typical"])),
        ("search median / p95, common-word queries", latency(before["common"])),
        ("Archive.optimize() (merge FTS segments)", f"{optimize_s:.1f} s"),
        ("after optimize: typical queries", latency(after["typical"])),
        ("after optimize: common-word queries", latency(after["common"])),
        ("stats", f"{stats_s:.2f} s"),
        ("export jsonl, all", f"{export_s:.1f} s, peak RSS {export_mb:.0f} MB"),
        ("export jsonl, one small site", f"{small_s:.1f} s, peak RSS {small_mb:.0f} MB"),
        ("archive file size", f"{size_mb:,.0f} MB ({size_mb * 1e6 / n / 1e3:.1f} kB/article)"),
    ]  # fmt: skip
    print(f"| measure ({n:,} articles, {len(sites)} sites) | value |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    for kind, queries in search_queries().items():
        print(f"\n{kind} queries: {', '.join(queries)}")
    print("each with no filter, --site, --since; 3 rounds")
    print(f"python {os.path.basename(sys.argv[0])} {' '.join(sys.argv[1:])}")


if __name__ == "__main__":
    main()
