"""Benchmark the generic extractor against trafilatura on the evaluation corpora.

Usage: python bench/extract.py CORPUS_DIR... [--limit N] [--no-rival] [--json] [--worst N]
                                              [--repeat N] [--half even|odd]

For each corpus (``pages/<id>.html.gz`` + ``truth.jsonl``) it prints every metric of the
corpora README that the corpus's truth supports, for ours (``extract_generic``, no config),
ours with configs (``scraper.extract.extract``) and trafilatura, and documents per second.

Speed is CPU time (``time.process_time``, so other load on a shared machine counts less),
decoding and parsing included, decompression excluded. Ours and trafilatura are timed
interleaved page by page (which one runs first alternates) and each keeps the best of
``--repeat`` passes; the ratio of the two is the ``speedup``.

``--half even|odd`` keeps only the pages whose id has an even (odd) sha1 (``metrics.in_half``):
tune rules on one half, check them on the other.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import metrics

from scraper.extract import extract
from scraper.extract.decode import decode_html
from scraper.extract.generic import extract_generic
from scraper.extract.quotes import find_quotes


@dataclass
class Output:
    """What one extractor produced for one page."""

    body: list[str] = field(default_factory=list)
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None


def ours(html: bytes, url: str) -> Output:
    """Generic extraction alone (decode, parse, extract), the path the speed target is about."""
    article = extract_generic(decode_html(html), url)
    return Output(article.body, article.headline, article.authors, article.published)


def ours_quotes(html: bytes, url: str) -> Output:
    """Generic extraction plus quote finding (the full cost without site configs)."""
    article = extract_generic(decode_html(html), url)
    article.quotes = find_quotes(article.body, article.language)
    return Output(article.body, article.headline, article.authors, article.published)


def ours_configs(html: bytes, url: str) -> Output:
    article = extract(html, url=url)
    return Output(article.body, article.headline, article.authors, article.published)


def trafilatura_body(html: bytes, url: str) -> Output:
    import trafilatura

    text = trafilatura.extract(html, url=url) or ""
    return Output(body=[p for p in text.split("\n") if p.strip()])


def trafilatura_fields(html: bytes, url: str) -> Output:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return Output()
    text = getattr(doc, "text", None) or ""
    authors = [a.strip() for a in (getattr(doc, "author", None) or "").split(";") if a.strip()]
    return Output(
        [p for p in text.split("\n") if p.strip()],
        getattr(doc, "title", None),
        authors,
        getattr(doc, "date", None),
    )


Extractor = Callable[[bytes, str], Output]


def load(
    corpus: Path, limit: int | None, half: str | None = None
) -> list[tuple[dict[str, Any], bytes]]:
    rows = [
        json.loads(line) for line in (corpus / "truth.jsonl").open(encoding="utf-8") if line.strip()
    ]
    rows = [row for row in rows if metrics.in_half(str(row["id"]), half)]
    pages: list[tuple[dict[str, Any], bytes]] = []
    for row in rows[:limit] if limit else rows:
        path = corpus / "pages" / f"{row['id']}.html.gz"
        if path.exists():
            pages.append((row, gzip.decompress(path.read_bytes())))
    return pages


def run(
    extractor: Extractor, pages: list[tuple[dict[str, Any], bytes]]
) -> tuple[list[Output], float]:
    outputs: list[Output] = []
    start = time.process_time()
    for row, html in pages:
        outputs.append(_safe(extractor, row, html))
    elapsed = time.process_time() - start
    return outputs, len(pages) / elapsed if elapsed else 0.0


def _safe(extractor: Extractor, row: dict[str, Any], html: bytes) -> Output:
    try:
        return extractor(html, row.get("url") or "")
    except Exception as err:  # a crash is a result too: empty output, reported
        print(f"  ! {row['id']}: {type(err).__name__}: {err}", file=sys.stderr)
        return Output()


def interleaved_speed(
    extractors: list[Extractor], pages: list[tuple[dict[str, Any], bytes]], repeat: int
) -> list[float]:
    """Documents per CPU second of each extractor, timed page by page in turn.

    On each page the extractors run one after the other, starting with a different one on
    each page, so a slow spell of the machine is shared between them; each keeps its best
    total over ``repeat`` passes.
    """
    best = [float("inf")] * len(extractors)
    for _ in range(max(repeat, 1)):
        totals = [0.0] * len(extractors)
        for index, (row, html) in enumerate(pages):
            shift = index % len(extractors)
            for slot in range(len(extractors)):
                which = (slot + shift) % len(extractors)
                start = time.process_time()
                _safe(extractors[which], row, html)
                totals[which] += time.process_time() - start
        best = [min(b, t) for b, t in zip(best, totals, strict=True)]
    return [len(pages) / b if b > 0 else 0.0 for b in best]


def page_scores(rows: list[dict[str, Any]], outputs: list[Output]) -> dict[str, list[float]]:
    """Per-page scores (1 = perfect) for every metric the truth supports."""
    scores: dict[str, list[float]] = {}
    for row, out in zip(rows, outputs, strict=True):
        text = "\n".join(out.body)
        if "must_contain" in row:
            c = metrics.snippet_counts(text, row["must_contain"], row.get("must_not_contain") or [])
            scores.setdefault("snippets", []).append(
                metrics.f1(c.precision or 0.0, c.recall or 0.0)
            )
        if "body_paragraphs" in row or "paragraphs" in row:
            truth = row.get("body_paragraphs") or row.get("paragraphs") or []
            c = metrics.paragraph_counts(out.body, truth)
            scores.setdefault("body", []).append(metrics.f1(c.precision or 0.0, c.recall or 0.0))
        if "date" in row or "published" in row:
            truth_day = row.get("date") if "date" in row else row.get("published")
            scores.setdefault("date", []).append(
                float(metrics.date_outcome(out.published, truth_day) in ("tp", "tn"))
            )
        if "title" in row:
            scores.setdefault("title", []).append(
                float(metrics.title_match(out.title, row["title"]))
            )
        if "authors" in row:
            scores.setdefault("authors", []).append(
                float(metrics.authors_match(out.authors, row["authors"]))
            )
    return scores


def corpus_metrics(rows: list[dict[str, Any]], outputs: list[Output]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    pairs = list(zip(rows, outputs, strict=True))
    if rows and "must_contain" in rows[0]:
        counts = [
            metrics.snippet_counts(
                "\n".join(o.body), r["must_contain"], r.get("must_not_contain") or []
            )
            for r, o in pairs
        ]
        result["snippets"] = asdict(metrics.micro_score(counts))
    if rows and ("body_paragraphs" in rows[0] or "paragraphs" in rows[0]):
        counts = [
            metrics.paragraph_counts(o.body, r.get("body_paragraphs") or r.get("paragraphs") or [])
            for r, o in pairs
        ]
        result["body"] = asdict(metrics.body_score(counts))
    if rows and ("date" in rows[0] or "published" in rows[0]):
        key = "date" if "date" in rows[0] else "published"
        result["date"] = asdict(
            metrics.date_score(metrics.date_outcome(o.published, r.get(key)) for r, o in pairs)
        )
    if rows and "title" in rows[0]:
        result["title_exact"] = sum(
            metrics.title_match(o.title, r["title"]) for r, o in pairs
        ) / len(pairs)
    if rows and "authors" in rows[0]:
        result["authors_exact"] = sum(
            metrics.authors_match(o.authors, r["authors"]) for r, o in pairs
        ) / len(pairs)
    return result


def _needs_fields(rows: list[dict[str, Any]]) -> bool:
    return bool(rows) and any(k in rows[0] for k in ("date", "published", "title", "authors"))


def bench_corpus(corpus: Path, args: argparse.Namespace) -> dict[str, Any]:
    pages = load(corpus, args.limit, args.half)
    rows = [row for row, _ in pages]
    report: dict[str, Any] = {"corpus": corpus.name, "pages": len(pages)}
    contenders: list[tuple[str, Extractor]] = [
        ("ours", ours),
        ("ours_quotes", ours_quotes),
        ("ours_configs", ours_configs),
    ]
    if not args.no_rival:
        contenders.append(("trafilatura", trafilatura_body))
    for name, extractor in contenders:
        outputs, speed = run(extractor, pages)
        if name == "trafilatura" and _needs_fields(rows):
            fields, _ = run(trafilatura_fields, pages)  # untimed: metadata needs bare_extraction
            outputs = [
                Output(o.body, f.title, f.authors, f.published)
                for o, f in zip(outputs, fields, strict=True)
            ]
        report[name] = {"docs_per_sec": round(speed, 1), **corpus_metrics(rows, outputs)}
        if args.worst and name == "ours":
            report["worst"] = _worst(rows, outputs, args.worst)
    timed: list[tuple[str, Extractor]] = [("ours", ours)]
    if not args.no_rival:
        timed.append(("trafilatura", trafilatura_body))
    speeds = interleaved_speed([extractor for _, extractor in timed], pages, args.repeat)
    for (name, _), speed in zip(timed, speeds, strict=True):
        report[name]["docs_per_sec"] = round(speed, 1)
    if not args.no_rival:
        report["speedup"] = round(speeds[0] / max(speeds[1], 1e-9), 2)
    return report


def _worst(rows: list[dict[str, Any]], outputs: list[Output], n: int) -> list[dict[str, Any]]:
    scores = page_scores(rows, outputs)
    worst: list[dict[str, Any]] = []
    for metric, values in scores.items():
        ranked = sorted(range(len(values)), key=lambda i: values[i])[:n]
        for i in ranked:
            if values[i] < 1.0:
                out = outputs[i]
                worst.append(
                    {
                        "metric": metric,
                        "id": rows[i]["id"],
                        "score": round(values[i], 3),
                        "title": out.title,
                        "authors": out.authors,
                        "published": out.published,
                        "paragraphs": len(out.body),
                    }
                )
    return worst


def _print(report: dict[str, Any]) -> None:
    print(f"\n== {report['corpus']} ({report['pages']} pages)")
    for name in ("ours", "ours_quotes", "ours_configs", "trafilatura"):
        if name not in report:
            continue
        parts = []
        for key, value in report[name].items():
            if isinstance(value, dict):
                keys = ("precision", "recall", "f1") + (
                    ("accuracy",) if "accuracy" in value else ()
                )
                parts.append(f"{key} " + " ".join(f"{k[0].upper()}={value[k]:.3f}" for k in keys))
            elif isinstance(value, float) and key != "docs_per_sec":
                parts.append(f"{key}={value:.3f}")
            else:
                parts.append(f"{key}={value}")
        print(f"  {name:13} " + " | ".join(parts))
    if "speedup" in report:
        print(f"  speed: ours / trafilatura = {report['speedup']}x")
    for item in report.get("worst", []):
        print(
            f"  worst {item['metric']:8} {item['score']:.3f} {item['id']}  {item['title']!r} {item['authors']} {item['published']} paras={item['paragraphs']}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "corpora", nargs="+", type=Path, help="corpus folders (pages/ + truth.jsonl)"
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="only the first N pages of each corpus"
    )
    parser.add_argument("--no-rival", action="store_true", help="skip trafilatura")
    parser.add_argument("--json", action="store_true", help="print one JSON report")
    parser.add_argument(
        "--worst", type=int, default=0, help="list the N worst pages per metric (ours)"
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="timed passes of ours and trafilatura; each keeps its best (default 3)",
    )
    parser.add_argument(
        "--half",
        choices=("even", "odd"),
        default=None,
        help="only the pages whose id has an even (odd) sha1: tune on one half, check the other",
    )
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    reports = [bench_corpus(corpus, args) for corpus in args.corpora]
    if args.json:
        print(json.dumps(reports, ensure_ascii=False, indent=2))
    else:
        for report in reports:
            _print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
