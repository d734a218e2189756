"""CPU time of generic metadata extraction (``extract_metadata``) per field group.

Usage: python bench/metadata_speed.py CORPUS_DIR... [--limit N] [--repeat N]

Each page is parsed (untimed), then ``extract_metadata`` runs on the fresh tree, as in the
extractor, and its CPU time is split by the functions it calls. The publication dates
(``find_published``, ``find_modified``) belong to the date modules and are reported apart:
``own`` is everything else. The previous page's tree is freed outside the timing, and each
pass starts with empty caches; every figure is the best of ``--repeat`` passes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scraper.extract import authors, jsonld, metadata
from scraper.extract.decode import decode_html
from scraper.extract.generic import parse_html

#: Functions of ``scraper.extract.metadata`` timed one by one (those it does not have are skipped).
PARTS = (
    "find_published",
    "find_modified",
    "extract_authors",
    "_headline",
    "_tags",
    "_canonical",
    "_language",
    "_site",
    "_elements",
    "jsonld_objects",
    "meta_table",
)
DATE_PARTS = ("find_published", "find_modified")


def _pages(corpora: list[Path], limit: int | None) -> list[tuple[str, str | None]]:
    pages: list[tuple[str, str | None]] = []
    for corpus in corpora:
        rows = (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()
        for line in rows[:limit]:
            row = json.loads(line)
            path = corpus / "pages" / f"{row['id']}.html.gz"
            if path.exists():
                pages.append((decode_html(gzip.decompress(path.read_bytes())), row.get("url")))
    return pages


def _timed(
    function: Callable[..., Any], name: str, spent: defaultdict[str, float]
) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    return timed


def _forget_tree() -> None:
    """Drop the caches that hold the last tree, so that it is freed now (outside the timing)."""
    jsonld._last.clear()
    metadata._last_meta.clear()


def _clear_caches() -> None:
    _forget_tree()
    for cached in (getattr(authors, "simplified", None), getattr(authors, "hostname", None)):
        if cached is not None:
            cached.cache_clear()


def measure(pages: list[tuple[str, str | None]], repeat: int) -> tuple[float, dict[str, float]]:
    """Best total and best time per part over ``repeat`` passes, in seconds."""
    spent: defaultdict[str, float] = defaultdict(float)
    for name in PARTS:
        if hasattr(metadata, name):
            setattr(metadata, name, _timed(getattr(metadata, name), name, spent))
    best_total, best_parts = float("inf"), dict[str, float]()
    for _ in range(repeat):
        spent.clear()
        _clear_caches()
        total = 0.0
        for text, url in pages:
            tree = parse_html(text)
            start = time.process_time()
            metadata.extract_metadata(tree, url)
            total += time.process_time() - start
            _forget_tree()
            del tree
        if total < best_total:
            best_total, best_parts = total, dict(spent)
    return best_total, best_parts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="+", type=Path, help="corpus folders")
    parser.add_argument("--limit", type=int, help="only the first N pages of each corpus")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes (default 5)")
    args = parser.parse_args()
    pages = _pages(args.corpora, args.limit)
    total, parts = measure(pages, args.repeat)
    dates = sum(parts.get(name, 0.0) for name in DATE_PARTS)
    print(
        f"{len(pages)} pages: extract_metadata {total:.3f} s, dates {dates:.3f} s, own {total - dates:.3f} s"
    )
    for name, seconds in sorted(parts.items(), key=lambda item: -item[1]):
        print(f"  {name:16} {seconds:.3f}")


if __name__ == "__main__":
    main()
