"""Image benchmark: which pictures we keep, the lead image, captions, credits and alt text.

Usage: python bench/images.py CORPUS_DIR [--limit N] [--json] [--misses N] [--half even|odd]

Needs a corpus whose truth rows carry ``images`` (``news-fields``): a list of
``{urls, caption, alt, credit, is_cover}`` where ``urls`` are several sizes of one picture and
``credit`` a list of credit parts. Runs generic extraction (``extract_generic``, no config) and
``scraper.extract.extract`` (site configs, else generic) and reports, for the pages whose id's
sha1 is even, odd, and all of them (tune on one half, check on the other):

- image precision / recall / F1, micro over the corpus. One of our images matches a truth image
  when one of the truth URLs equals ours after light normalisation (scheme, ``www.``, fragment
  and HTML entities dropped, host lower-cased, path percent-decoded; the query kept), or when both have the same path
  stem: the last path segment, percent-decoded, lower-cased, without its extension and a
  WordPress ``-800x600`` size suffix; or when both have the same URL without the query (sizes
  passed as parameters). A stem counts only if it has 6 characters or more and is no bare
  size (``1200``, ``800x600``); a stem or query-less URL counts only if it belongs to one
  truth picture of the page (so ``placeholder`` matches nothing). Matching is one-to-one in our order, so a picture we list
  twice costs precision.
- cover: over pages whose truth has a cover image (``is_cover``), the share where our first
  image is that picture.
- over matched pairs (no caption on both sides agrees): caption exact (whitespace-folded),
  caption token F1 (lower-cased ``\\w+`` multisets, averaged), credit exact (the same
  lower-cased ``\\w+`` multiset as the truth parts together, so separators and order do not
  count, but a "Photo:" label does), alt exact (whitespace-folded).

The truth is the reviewed output of fundus's hand-written parsers: a strong silver standard.
Some of its "images" are picture placeholders or related-article teasers, which caps the
reachable scores.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import re
import sys
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from metrics import half_of

from scraper.extract import extract
from scraper.extract.decode import decode_html
from scraper.extract.generic import extract_generic
from scraper.models import Image

MIN_STEM = 6
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
_EXTENSION = re.compile(r"\.[a-z0-9]{2,5}$")
_WP_SIZE = re.compile(r"-\d{2,5}x\d{2,5}$")
_BARE_SIZE = re.compile(r"[\dx_@.,-]*")
_LONG_NUMBER = re.compile(r"\d{5,}")

Extractor = Callable[[bytes, str], list[Image]]


def generic_images(page: bytes, url: str) -> list[Image]:
    return extract_generic(decode_html(page), url).images


def config_images(page: bytes, url: str) -> list[Image]:
    return extract(page, url=url).images


EXTRACTORS: dict[str, Extractor] = {"generic": generic_images, "configs": config_images}


def fold(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def normalise_url(url: str) -> str:
    """Scheme, ``www.``, fragment and entities dropped; host lower-cased; path percent-decoded
    (twice: pages double-encode ``%2520``); query kept."""
    parts = urlsplit(html.unescape(url.strip()))
    host = parts.netloc.lower().removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{unquote(unquote(parts.path))}{query}"


def without_query(url: str) -> str:
    return normalise_url(url).split("?", 1)[0]


def path_stem(url: str) -> str | None:
    """The file name of ``url`` without extension and size suffix, if distinctive enough."""
    path = unquote(unquote(urlsplit(html.unescape(url.strip())).path)).rstrip("/")
    stem = path.rsplit("/", 1)[-1].lower().strip(",;")
    stem = _WP_SIZE.sub("", _EXTENSION.sub("", _EXTENSION.sub("", stem)))
    if len(stem) < MIN_STEM:
        return None
    if _BARE_SIZE.fullmatch(stem) and not _LONG_NUMBER.search(stem):
        return None
    return stem


def tokens(text: str | None) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text or ""))


def token_f1(predicted: str | None, truth: str | None) -> float:
    ours, gold = tokens(predicted), tokens(truth)
    if not ours and not gold:
        return 1.0
    common = sum((ours & gold).values())
    if not common:
        return 0.0
    precision, recall = common / sum(ours.values()), common / sum(gold.values())
    return 2 * precision * recall / (precision + recall)


def credit_match(predicted: str | None, truth: list[str] | None) -> bool:
    return tokens(predicted) == tokens(" ".join(truth or []))


def match(ours: list[Image], truth: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """One-to-one pairs (our index, truth index), in our order."""
    truth_urls = [{normalise_url(u) for u in item["urls"]} for item in truth]
    truth_paths = [{without_query(u) for u in item["urls"]} for item in truth]
    truth_stems = [{s for s in map(path_stem, item["urls"]) if s} for item in truth]
    # A stem or query-less URL shared by two different truth pictures identifies neither.
    pictures = {frozenset(urls): t for t, urls in enumerate(truth_urls)}.values()
    owners: Counter[str] = Counter()
    for t in pictures:
        owners.update(truth_stems[t] | truth_paths[t])
    pairs: list[tuple[int, int]] = []
    taken: set[int] = set()
    for index, image in enumerate(ours):
        url, path, stem = normalise_url(image.url), without_query(image.url), path_stem(image.url)
        for t in range(len(truth)):
            if t in taken:
                continue
            same_stem = stem is not None and stem in truth_stems[t] and owners[stem] == 1
            same_path = path in truth_paths[t] and owners[path] == 1
            if url in truth_urls[t] or same_stem or same_path:
                pairs.append((index, t))
                taken.add(t)
                break
    return pairs


@dataclass
class Tally:
    """Counts over a set of pages."""

    pages: int = 0
    ours: int = 0
    truth: int = 0
    matched: int = 0
    cover_pages: int = 0
    cover_right: int = 0
    caption_exact: int = 0
    caption_f1: float = 0.0
    credit_exact: int = 0
    alt_exact: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, row: dict[str, Any], ours: list[Image]) -> None:
        truth = row["images"]
        pairs = match(ours, truth)
        self.pages += 1
        self.ours += len(ours)
        self.truth += len(truth)
        self.matched += len(pairs)
        cover = next((t for t, item in enumerate(truth) if item["is_cover"]), None)
        if cover is not None:
            self.cover_pages += 1
            self.cover_right += (0, cover) in pairs
        wrong: list[dict[str, Any]] = []
        for o, t in pairs:
            image, gold = ours[o], truth[t]
            right = {
                "caption": fold(image.caption) == fold(gold["caption"]),
                "credit": credit_match(image.credit, gold["credit"]),
                "alt": fold(image.alt) == fold(gold["alt"]),
            }
            self.caption_exact += right["caption"]
            self.caption_f1 += token_f1(image.caption, gold["caption"])
            self.credit_exact += right["credit"]
            self.alt_exact += right["alt"]
            if not all(right.values()):
                wrong.append(
                    {
                        "url": image.url,
                        **{k: [getattr(image, k), gold[k]] for k, ok in right.items() if not ok},
                    }
                )
        matched_ours = {o for o, _ in pairs}
        matched_truth = {t for _, t in pairs}
        self.misses.append(
            {
                "id": row["id"],
                "cover_wrong": cover is not None and (0, cover) not in pairs,
                "extra": [im.url for i, im in enumerate(ours) if i not in matched_ours],
                "missed": [
                    {"url": item["urls"][-1], "caption": item["caption"], "cover": item["is_cover"]}
                    for t, item in enumerate(truth)
                    if t not in matched_truth
                ],
                "wrong": wrong,
            }
        )

    def scores(self) -> dict[str, Any]:
        precision = self.matched / self.ours if self.ours else 0.0
        recall = self.matched / self.truth if self.truth else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        pairs = self.matched or 1
        return {
            "pages": self.pages,
            "images": {"ours": self.ours, "truth": self.truth, "matched": self.matched},
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "cover": round(self.cover_right / self.cover_pages, 3) if self.cover_pages else None,
            "caption_exact": round(self.caption_exact / pairs, 3),
            "caption_token_f1": round(self.caption_f1 / pairs, 3),
            "credit_exact": round(self.credit_exact / pairs, 3),
            "alt_exact": round(self.alt_exact / pairs, 3),
        }


def load(corpus: Path, limit: int | None, half: str | None) -> list[tuple[dict[str, Any], bytes]]:
    rows = [json.loads(line) for line in (corpus / "truth.jsonl").open(encoding="utf-8") if line]
    pages: list[tuple[dict[str, Any], bytes]] = []
    for row in rows:
        if half and half_of(row["id"]) != half:
            continue
        path = corpus / "pages" / f"{row['id']}.html.gz"
        if "images" in row and path.exists():
            pages.append((row, gzip.decompress(path.read_bytes())))
    return pages[:limit] if limit else pages


def bench(pages: list[tuple[dict[str, Any], bytes]]) -> dict[str, dict[str, Tally]]:
    report: dict[str, dict[str, Tally]] = {}
    for name, extractor in EXTRACTORS.items():
        tallies = {"even": Tally(), "odd": Tally(), "all": Tally()}
        for row, page in pages:
            try:
                images = extractor(page, row.get("url") or "")
            except Exception as err:  # a crash is a result too: no images, reported
                print(f"  ! {name} {row['id']}: {type(err).__name__}: {err}", file=sys.stderr)
                images = []
            tallies[half_of(row["id"])].add(row, images)
            tallies["all"].add(row, images)
        report[name] = tallies
    return report


def _missed(miss: dict[str, Any]) -> bool:
    return bool(miss["extra"] or miss["missed"] or miss["wrong"] or miss["cover_wrong"])


def _print(report: dict[str, dict[str, Tally]], misses: int) -> None:
    for name, tallies in report.items():
        for half, tally in tallies.items():
            s = tally.scores()
            counts = s["images"]
            cover = "-" if s["cover"] is None else f"{s['cover']:.3f}"
            print(
                f"{name:8} {half:4} pages={s['pages']:3} ours={counts['ours']:4} "
                f"truth={counts['truth']:4} P={s['precision']:.3f} R={s['recall']:.3f} "
                f"F1={s['f1']:.3f} cover={cover} caption={s['caption_exact']:.3f} "
                f"caption_f1={s['caption_token_f1']:.3f} credit={s['credit_exact']:.3f} "
                f"alt={s['alt_exact']:.3f}"
            )
    if not misses:
        return
    for name, tallies in report.items():
        print(f"\n== misses of {name}")
        ranked = sorted(
            tallies["all"].misses,
            key=lambda m: -(len(m["extra"]) + len(m["missed"]) + len(m["wrong"])),
        )
        for miss in ranked[:misses]:
            if not _missed(miss):
                continue
            print(json.dumps(miss, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("corpus", type=Path, help="corpus folder (pages/ + truth.jsonl)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--half", choices=("even", "odd"), help="only pages of this sha1 parity")
    parser.add_argument("--json", action="store_true", help="print one JSON report")
    parser.add_argument(
        "--misses", type=int, default=0, help="list the N pages with most misses, per extractor"
    )
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    report = bench(load(args.corpus, args.limit, args.half))
    if args.json:
        out: dict[str, dict[str, Any]] = {}
        for name, tallies in report.items():
            out[name] = {half: tally.scores() for half, tally in tallies.items()}
            if args.misses:
                out[name]["misses"] = [m for m in tallies["all"].misses if _missed(m)]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        _print(report, args.misses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
