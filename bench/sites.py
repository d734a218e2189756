"""Benchmark per-site configs on the `per-site` corpus: body P/R/F1, exact pages, speed.

Usage: python bench/sites.py CORPUS_DIR [--sites a.com,b.com] [--json] [--verbose] [--no-rival]
       [--repeat N]

Only pages whose URL has a site config are scored (``--sites`` narrows that to some configs);
the truth is ``paragraphs`` (per-site) or ``body_paragraphs`` (news-fields, where the
annotation conventions differ a little: e.g. key points and sign-offs are left out).

Runs every page through the site config its URL matches (as ``scraper.extract.extract`` does), through the generic
extractor alone (no config), and through trafilatura, with the body metric of the corpora
README (``bench/metrics.py``). The pages that are ``[[tests]]`` of the configs are in
``fixtures/``; the others are reported apart (``unseen_by_tests``): no test pins them, so they
show whether the selectors hold beyond the fixture (they were looked at while writing the
configs, so they are not a blind held-out set). Speed is documents per second of extraction
(decoding and parsing included, decompression and quote finding excluded), from the fastest of
``--repeat`` runs of each page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import metrics

from scraper.extract.configured import extract_with_config
from scraper.extract.decode import decode_html
from scraper.extract.generic import extract_generic
from scraper.sites import find_config, load_configs

Extractor = Callable[[bytes, str], list[str]]


def with_configs(html: bytes, url: str) -> list[str]:
    # extract() minus quote finding (it does not change the body and costs the same for both).
    text = decode_html(html)
    config = find_config(url)
    if config is None:
        print(f"  ! no site config matched {url}", file=sys.stderr)
        return extract_generic(text, url).body
    return extract_with_config(text, url, config).body


def generic(html: bytes, url: str) -> list[str]:
    return extract_generic(decode_html(html), url).body


def trafilatura_body(html: bytes, url: str) -> list[str]:
    import trafilatura

    text = trafilatura.extract(html, url=url) or ""
    return [p for p in text.split("\n") if p.strip()]


def truth_of(row: dict[str, Any]) -> list[str]:
    """Body truth: ``paragraphs`` (per-site) or ``body_paragraphs`` (news-fields)."""
    return list(row.get("paragraphs") or row.get("body_paragraphs") or [])


def load(corpus: Path, sites: set[str] | None) -> list[tuple[dict[str, Any], bytes]]:
    """Pages with body truth whose URL has a site config (of ``sites`` file stems, if given)."""
    pages = []
    for line in (corpus / "truth.jsonl").open(encoding="utf-8"):
        row = json.loads(line) if line.strip() else {}
        config = find_config(row.get("url") or "")
        if not truth_of(row) or config is None or config.path is None:
            continue
        if sites is None or config.path.stem in sites:
            raw = (corpus / "pages" / f"{row['id']}.html.gz").read_bytes()
            pages.append((row, gzip.decompress(raw)))
    return pages


def fixture_urls() -> set[str]:
    """URLs of the pages used as embedded config tests (``[[tests]] url``)."""
    return {case.url for config in load_configs() for case in config.tests if case.url}


def run(
    extractor: Extractor, pages: list[tuple[dict[str, Any], bytes]], repeat: int
) -> tuple[list[list[str]], float]:
    """Outputs, and documents per second from the fastest of ``repeat`` runs of each page
    (the machine is shared: the minimum is the least noisy estimate)."""
    outputs: list[list[str]] = []
    total = 0.0
    for row, html in pages:
        times = []
        for _ in range(max(1, repeat)):
            start = time.perf_counter()
            output = extractor(html, row["url"])
            times.append(time.perf_counter() - start)
        outputs.append(output)
        total += min(times)
    return outputs, len(pages) / total if total else 0.0


def summarise(counts: list[metrics.Counts]) -> dict[str, float]:
    score = metrics.body_score(counts)
    exact = [c for c in counts if c.fp == 0 and c.fn == 0 and c.tp > 0]
    return {
        "precision": round(score.precision, 4),
        "recall": round(score.recall, 4),
        "f1": round(score.f1, 4),
        "exact": round(len(exact) / len(counts), 4) if counts else 0.0,
        "pages": len(counts),
    }


def evaluate(
    name: str,
    extractor: Extractor,
    pages: list[tuple[dict[str, Any], bytes]],
    repeat: int,
    seen: set[str],
) -> dict[str, Any]:
    outputs, speed = run(extractor, pages, repeat)
    counts = [
        metrics.paragraph_counts(out, truth_of(row))
        for (row, _), out in zip(pages, outputs, strict=True)
    ]
    unseen = [c for (row, _), c in zip(pages, counts, strict=True) if row["url"] not in seen]
    per_page = {
        row["id"]: round(metrics.f1(c.precision or 0.0, c.recall or 0.0), 4)
        for (row, _), c in zip(pages, counts, strict=True)
    }
    return {
        "system": name,
        "all": summarise(counts),
        "unseen_by_tests": summarise(unseen),
        "docs_per_sec": round(speed, 1),
        "per_page": per_page,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="per-site (or news-fields) corpus folder")
    parser.add_argument(
        "--sites", help="only these configs (file stems, comma-separated), e.g. apnews.com,cnbc.com"
    )
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--verbose", action="store_true", help="F1 of every page")
    parser.add_argument("--no-rival", action="store_true", help="skip trafilatura")
    parser.add_argument("--repeat", type=int, default=3, help="passes for the speed figure")
    args = parser.parse_args()
    pages = load(args.corpus, set(args.sites.split(",")) if args.sites else None)
    seen = fixture_urls()
    systems: list[tuple[str, Extractor]] = [("configs", with_configs), ("generic", generic)]
    if not args.no_rival:
        systems.append(("trafilatura", trafilatura_body))
    results = [evaluate(name, fn, pages, args.repeat, seen) for name, fn in systems]
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(
        f"{'system':<12} {'set':<16} {'P':>7} {'R':>7} {'F1':>7} {'exact':>7} {'pages':>5} {'docs/s':>7}"
    )
    for result in results:
        for part in ("all", "unseen_by_tests"):
            s = result[part]
            print(
                f"{result['system']:<12} {part:<16} {s['precision']:>7.4f} {s['recall']:>7.4f} "
                f"{s['f1']:>7.4f} {s['exact']:>7.1%} {s['pages']:>5} {result['docs_per_sec']:>7.1f}"
            )
    if args.verbose:
        names = [r["system"] for r in results]
        print("\npage" + "".join(f"{n:>14}" for n in names))
        for page_id in results[0]["per_page"]:
            print(f"{page_id:<22}" + "".join(f"{r['per_page'][page_id]:>14.4f}" for r in results))


if __name__ == "__main__":
    main()
