"""Score the per-site configs on the news-fields corpus, per publisher and overall.

Usage: python bench/news_sites.py CORPUS_DIR [--json] [--verbose] [--selectors DIR] [--hosts H,H]
                                             [--generic | --worse]

For every page of ``CORPUS_DIR`` (``pages/<id>.html.gz`` + ``truth.jsonl``) whose URL a config
in ``selectors/`` claims, it runs ``scraper.extract.extract(html, url=url)`` and reports body F1
(paragraph shingles), headline exact, published day and authors-as-a-set exact, per publisher,
overall, and separately for the pages that are fixtures of an embedded ``[[tests]]`` case
versus the held-out pages (those the configs were not tested on). ``--generic`` scores the
generic extractor (no config) on the same pages, for comparison; ``--worse`` scores both and
lists every page and field where the config does worse than the generic extractor (a config
should never make a field worse).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import metrics

from scraper.extract import extract
from scraper.extract.decode import decode_html
from scraper.extract.generic import extract_generic
from scraper.sites import SiteConfig, load_configs, match_config


@dataclass(frozen=True)
class PageResult:
    """The scores of one page."""

    page_id: str
    site: str
    fixture: bool
    counts: metrics.Counts
    headline: bool
    published: bool
    authors: bool
    layout: str | None


def read_truth(corpus: Path) -> list[dict[str, Any]]:
    """The truth records of a corpus, in file order."""
    lines = (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def fixture_urls(configs: Iterable[SiteConfig]) -> set[str]:
    """URLs of the pages used as fixtures by the configs' embedded tests."""
    return {test.url for config in configs for test in config.tests if test.url}


def score_page(
    record: dict[str, Any], html: bytes, config: SiteConfig, fixture: bool, generic: bool = False
) -> PageResult:
    """Extract one page with its config (or generically) and compare every field with the truth."""
    if generic:
        article = extract_generic(decode_html(html, None), record["url"])
    else:
        article = extract(html, url=record["url"], config=config)
    return PageResult(
        page_id=record["id"],
        site=config.name,
        fixture=fixture,
        counts=metrics.paragraph_counts(article.body, record.get("body_paragraphs") or []),
        headline=metrics.title_match(article.headline, record.get("title")),
        published=metrics.day(article.published) == metrics.day(record.get("published")),
        authors=metrics.authors_match(article.authors, record.get("authors")),
        layout=article.extractor.get("layout"),
    )


def summarize(results: list[PageResult]) -> dict[str, Any]:
    """Body P/R/F1 and the share of exact headlines, days and author sets."""
    n = len(results)
    body = metrics.body_score(r.counts for r in results)

    def share(values: Iterable[bool]) -> float:
        return sum(values) / n if n else 0.0

    return {
        "pages": n,
        "body_precision": round(body.precision, 4),
        "body_recall": round(body.recall, 4),
        "body_f1": round(body.f1, 4),
        "headline": round(share(r.headline for r in results), 4),
        "published": round(share(r.published for r in results), 4),
        "authors": round(share(r.authors for r in results), 4),
    }


def run(
    corpus: Path, selectors: Path | None, hosts: set[str] | None = None, generic: bool = False
) -> list[PageResult]:
    """Score every corpus page that a config claims (only configs named in ``hosts`` if given)."""
    configs = load_configs(selectors)
    if hosts:
        configs = [c for c in configs if c.path is not None and c.path.stem in hosts]
    fixtures = fixture_urls(configs)
    results = []
    for record in read_truth(corpus):
        config = match_config(record["url"], configs)
        if config is None:
            continue
        html = gzip.decompress((corpus / "pages" / f"{record['id']}.html.gz").read_bytes())
        results.append(score_page(record, html, config, record["url"] in fixtures, generic))
    return results


#: The per-page fields compared by ``--worse`` (the body by F1 of its shingles).
COMPARED = ("body", "headline", "published", "authors")


def body_f1(result: PageResult) -> float:
    return metrics.f1(result.counts.precision or 0.0, result.counts.recall or 0.0)


def worse_than_generic(
    configured: list[PageResult], generic: list[PageResult]
) -> list[tuple[PageResult, str]]:
    """(config result, field) for every field where the config scores below the generic
    extractor on the same page (the two lists in the same page order)."""
    found: list[tuple[PageResult, str]] = []
    for ours, theirs in zip(configured, generic, strict=True):
        for name in COMPARED:
            if name == "body":
                lower = body_f1(ours) < body_f1(theirs) - 1e-9
            else:
                lower = not getattr(ours, name) and bool(getattr(theirs, name))
            if lower:
                found.append((ours, name))
    return found


def report(results: list[PageResult]) -> dict[str, Any]:
    """Per-site, overall, fixture and held-out summaries."""
    sites = sorted({r.site for r in results})
    return {
        "overall": summarize(results),
        "fixtures": summarize([r for r in results if r.fixture]),
        "held_out": summarize([r for r in results if not r.fixture]),
        "sites": {s: summarize([r for r in results if r.site == s]) for s in sites},
    }


def _row(name: str, s: dict[str, Any]) -> str:
    return (
        f"{name[:28]:28s} {s['pages']:5d} {s['body_precision']:6.3f} {s['body_recall']:6.3f} "
        f"{s['body_f1']:6.3f} {s['headline']:6.2f} {s['published']:6.2f} {s['authors']:6.2f}"
    )


def print_table(summary: dict[str, Any], results: list[PageResult], verbose: bool) -> None:
    """A plain-text table: one row per site, then overall, fixtures and held-out."""
    print(
        f"{'site':28s} {'pages':>5s} {'bodyP':>6s} {'bodyR':>6s} {'bodyF1':>6s} "
        f"{'head':>6s} {'day':>6s} {'auth':>6s}"
    )
    for name, s in summary["sites"].items():
        print(_row(name, s))
    print()
    for key in ("overall", "fixtures", "held_out"):
        print(_row(key, summary[key]))
    if verbose:
        print()
        for r in results:
            p, rc = r.counts.precision or 0.0, r.counts.recall or 0.0
            flags = "".join(
                mark if ok else "-"
                for mark, ok in (("H", r.headline), ("D", r.published), ("A", r.authors))
            )
            kind = "fixture " if r.fixture else "held-out"
            print(f"{r.page_id:42s} {kind} P={p:.3f} R={rc:.3f} {flags} layout={r.layout}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the news-fields corpus folder")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    parser.add_argument("--verbose", action="store_true", help="also list every page")
    parser.add_argument("--selectors", type=Path, default=None, help="configs folder")
    parser.add_argument("--hosts", default="", help="comma-separated config names (file stems)")
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--generic", action="store_true", help="score the generic extractor")
    choice.add_argument(
        "--worse", action="store_true", help="list fields where the config loses to generic"
    )
    args = parser.parse_args(argv)
    if not (args.corpus / "truth.jsonl").is_file():
        print(f"error: {args.corpus} has no truth.jsonl", file=sys.stderr)
        return 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        hosts = {h.strip() for h in args.hosts.split(",") if h.strip()} or None
        results = run(args.corpus, args.selectors, hosts, args.generic)
        if args.worse:
            generic = run(args.corpus, args.selectors, hosts, True)
    if args.worse:
        for result, name in worse_than_generic(results, generic):
            kind = "fixture " if result.fixture else "held-out"
            print(f"{result.page_id:42s} {kind} {result.site[:24]:24s} {name}")
        return 0
    summary = report(results)
    if args.json:
        if args.verbose:
            summary["pages"] = [
                {
                    "id": r.page_id,
                    "site": r.site,
                    "fixture": r.fixture,
                    "body_precision": r.counts.precision,
                    "body_recall": r.counts.recall,
                    "headline": r.headline,
                    "published": r.published,
                    "authors": r.authors,
                    "layout": r.layout,
                }
                for r in results
            ]
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print_table(summary, results, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
