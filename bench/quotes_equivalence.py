"""Equivalence harness for ``find_quotes``: runs it over every body of the given corpora and gold
set and saves the outputs, or (``--check FILE``) lists every difference from a saved run, so a
speed-up can be shown to change no quote.

Usage:
    python bench/quotes_equivalence.py --save /tmp/quotes_before.json \\
        /work/shared/corpora/per-site /work/shared/corpora/news-fields fixtures/quotes/gold.jsonl
    python bench/quotes_equivalence.py --check /tmp/quotes_before.json <same sources>

A source is a corpus folder (its ``truth.jsonl``: ``paragraphs`` or ``body_paragraphs``) or a
gold JSONL (its ``paragraphs``). Bodies are keyed ``<source name>/<id>``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scraper.extract.quotes import clear_caches, find_quotes

Output = dict[str, list[list[object]]]


def bodies(source: Path) -> dict[str, list[str]]:
    """The paragraph lists of ``source`` (corpus folder or JSONL), keyed by source and id."""
    path = source / "truth.jsonl" if source.is_dir() else source
    found: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        paragraphs = row.get("paragraphs") or row.get("body_paragraphs") or []
        found[f"{source.name}/{row['id']}"] = [str(p) for p in paragraphs]
    return found


def run(sources: list[Path]) -> Output:
    """Every quote of every body, as [text, speaker, cue, paragraph, start, end, partial]."""
    clear_caches()
    outputs: Output = {}
    for source in sources:
        for key, paragraphs in bodies(source).items():
            outputs[key] = [
                [q.text, q.speaker, q.cue, q.paragraph, q.start, q.end, q.partial]
                for q in find_quotes(paragraphs)
            ]
    return outputs


def differences(before: Output, after: Output) -> list[str]:
    """One line per body whose quotes differ, then one per differing quote."""
    lines: list[str] = []
    for key in sorted(set(before) | set(after)):
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        if old is None or new is None:
            lines.append(f"{key}: only in {'new' if old is None else 'saved'} run")
            continue
        lines.append(f"{key}: {len(old)} quotes saved, {len(new)} now")
        lines.extend(f"  - {q}" for q in old if q not in new)
        lines.extend(f"  + {q}" for q in new if q not in old)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sources", nargs="+", type=Path, help="corpus folders or gold JSONL")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the outputs to this JSON file")
    group.add_argument("--check", type=Path, help="compare with outputs saved earlier")
    args = parser.parse_args(argv)
    outputs = run(args.sources)
    count = sum(len(v) for v in outputs.values())
    if args.save:
        args.save.write_text(json.dumps(outputs, ensure_ascii=False, indent=0), encoding="utf-8")
        print(f"saved {count} quotes from {len(outputs)} bodies to {args.save}")
        return 0
    saved: Output = json.loads(args.check.read_text(encoding="utf-8"))
    lines = differences(saved, outputs)
    for line in lines:
        print(line)
    changed = sum(1 for line in lines if not line.startswith("  "))
    print(f"{count} quotes from {len(outputs)} bodies; {changed} bodies differ")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
