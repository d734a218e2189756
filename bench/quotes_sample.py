"""Quotes in one language, for reading by hand: runs ``find_quotes`` over the truth paragraphs of
a corpus's pages in that language and prints counts per half and a seeded sample with context.

Usage:
    python bench/quotes_sample.py /work/shared/corpora/news-fields --language de
        [--half odd] [--sample 40] [--seed 7]

There is no gold set for other languages: the sample is for a reader to judge (is the span a
quotation, is the speaker the right person, in the form the gold guidelines ask for). Pages
are in the language when ``extract`` gives them that language code (any region). Halves split
pages by the parity of the sha1 of their id, so rules tuned on one half can be checked on the
other. Corpora with ``paragraphs`` instead of ``body_paragraphs`` (per-site) work too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from metrics import half_of

from scraper.extract import extract
from scraper.extract.quotes import find_quotes

CONTEXT = 300


def pages_in(corpus: Path, language: str) -> list[tuple[str, list[str]]]:
    """(id, paragraphs) of the corpus pages whose extracted language is ``language``."""
    found = []
    for line in (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        html = gzip.decompress((corpus / "pages" / f"{row['id']}.html.gz").read_bytes())
        code = (extract(html, url=row["url"]).language or "").lower()
        if code.replace("_", "-").split("-")[0] == language:
            found.append((row["id"], row.get("body_paragraphs") or row.get("paragraphs") or []))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--language", required=True)
    parser.add_argument("--half", choices=["even", "odd"])
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rows = []
    for page_id, paragraphs in pages_in(args.corpus, args.language):
        for q in find_quotes(paragraphs, args.language):
            rows.append((half_of(page_id), page_id, paragraphs, q))
    for name in ("even", "odd"):
        mine = [r for r in rows if r[0] == name]
        full = [r for r in mine if not r[3].partial]
        print(
            f"{name}: {len({r[1] for r in mine})} pages with quotes, {len(mine)} quotes, "
            f"{len(full)} full, {sum(1 for r in full if r[3].speaker)} full with a speaker"
        )
    pool = [r for r in rows if not r[3].partial and (args.half is None or r[0] == args.half)]
    random.seed(args.seed)
    for n, (_, page_id, paragraphs, q) in enumerate(
        random.sample(pool, min(args.sample, len(pool)))
    ):
        text = paragraphs[q.paragraph]
        before = paragraphs[q.paragraph - 1][-CONTEXT:] if q.paragraph else ""
        print(f"\n#{n} {page_id} p{q.paragraph} speaker={q.speaker!r} cue={q.cue!r}")
        print(f"   before: ...{before}")
        print(
            f"   {text[max(0, q.start - CONTEXT) : q.start]}[[{q.text}]]{text[q.end : q.end + 150]}"
        )


if __name__ == "__main__":
    main()
