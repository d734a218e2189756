"""Equivalence harness for ``extract_generic``: runs it over every page of the given corpora and
saves the records, or (``--check FILE``) lists every field that differs from a saved run, so a
speed-up can be shown to change no output.

Usage:
    python bench/extract_equivalence.py --save /tmp/extract_before.json \\
        /work/shared/corpora/{news-fields,body-snippets,dates,per-site}
    python bench/extract_equivalence.py --check /tmp/extract_before.json <same corpora>

Records are ``Article.to_dict()`` without ``extractor`` (it holds the version), keyed
``<corpus name>/<id>``. A crash is recorded as ``{"error": "<type>: <message>"}``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import warnings
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scraper.extract.decode import decode_html
from scraper.extract.generic import extract_generic

Records = dict[str, dict[str, Any]]


def pages(corpus: Path) -> list[tuple[str, str, Path]]:
    """(key, url, page path) for every page of ``corpus`` that exists."""
    found: list[tuple[str, str, Path]] = []
    for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        path = corpus / "pages" / f"{row['id']}.html.gz"
        if path.exists():
            found.append((f"{corpus.name}/{row['id']}", row.get("url") or "", path))
    return found


def record(html: bytes, url: str) -> dict[str, Any]:
    """The generic record of one page, without the version-bearing ``extractor`` field."""
    try:
        result = extract_generic(decode_html(html), url).to_dict()
    except Exception as err:  # a crash is an output too; a change in it is a difference
        return {"error": f"{type(err).__name__}: {err}"}
    result.pop("extractor", None)
    # A JSON round trip so saved and fresh records compare alike (tuples become lists).
    return json.loads(json.dumps(result, ensure_ascii=False))  # type: ignore[no-any-return]


def run(corpora: list[Path]) -> Records:
    records: Records = {}
    for corpus in corpora:
        for key, url, path in pages(corpus):
            records[key] = record(gzip.decompress(path.read_bytes()), url)
    return records


def differences(before: Records, after: Records) -> list[str]:
    """One line per page and field whose value changed (or page that appeared/disappeared)."""
    lines: list[str] = []
    for key in sorted(before.keys() | after.keys()):
        old, new = before.get(key), after.get(key)
        if old is None or new is None:
            lines.append(f"{key}: {'missing before' if old is None else 'missing now'}")
            continue
        for name in sorted(old.keys() | new.keys()):
            if old.get(name) != new.get(name):
                lines.append(f"{key}: {name}: {_short(old.get(name))} -> {_short(new.get(name))}")
    return lines


def _short(value: Any, limit: int = 160) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpora", nargs="+", type=Path, help="corpus folders")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the records to this JSON file")
    group.add_argument("--check", type=Path, help="compare with records saved by --save")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    records = run(args.corpora)
    if args.save:
        args.save.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        print(f"saved {len(records)} records to {args.save}")
        return 0
    before: Records = json.loads(args.check.read_text(encoding="utf-8"))
    lines = differences(before, records)
    for line in lines:
        print(line)
    changed = len({line.split(":", 1)[0] for line in lines})
    print(f"{len(records)} pages checked, {changed} differ", file=sys.stderr)
    return 1 if lines else 0


if __name__ == "__main__":
    raise SystemExit(main())
