"""Quote benchmark: span precision/recall and speaker accuracy of ``find_quotes`` on a gold
JSONL, and (``--speed``) its cost relative to page extraction on a corpus folder.

Usage:
    python bench/quotes.py fixtures/quotes/gold.jsonl [--verbose]
    python bench/quotes.py --speed /work/shared/corpora/per-site [--cold]

Matching: a predicted quote matches a gold quote when both start in the same paragraph and
their normalised texts (lower-cased ``\\w+`` tokens, as multisets) share at least 80% of the
tokens of the longer one; pairs are matched greedily, best overlap first, one-to-one. Words are
whitespace-separated tokens, as in the gold set's guidelines. Only gold
quotes of four words or more count toward recall; predicted quotes under four words are ignored
(a predicted quote that matches a short gold quote is neither a hit nor a false positive).
Speaker accuracy is over matched quotes: strict is a case-insensitive exact match after
stripping (no speaker on both sides is correct); lenient accepts a predicted speaker that
contains the gold speaker's last word (its surname).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from metrics import in_half

from scraper.extract import extract
from scraper.extract.quotes import clear_caches, find_quotes
from scraper.models import Quote

MIN_WORDS = 4
MIN_OVERLAP = 0.8
_WORD = re.compile(r"\w+")


#: How a predicted quote got its speaker: a cue next to it, carried over or read from the text
#: around it (no cue), or none at all.
ATTRIBUTION_KINDS = ("cue", "no cue", "no speaker")


@dataclass
class Score:
    """Running counts over a gold set."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    strict: int = 0
    lenient: int = 0
    notes: list[str] = field(default_factory=list)
    #: per gold ``partial`` flag ("full"/"partial"): [found, missed, speaker correct,
    #: predicted ``partial`` flag the same as gold's]
    kinds: dict[str, list[int]] = field(
        default_factory=lambda: {"full": [0, 0, 0, 0], "partial": [0, 0, 0, 0]}
    )
    #: per kind of attribution (``attribution_kind``): [matched quotes, speaker correct]
    attributions: dict[str, list[int]] = field(
        default_factory=lambda: {kind: [0, 0] for kind in ATTRIBUTION_KINDS}
    )


def attribution_kind(quote: Quote) -> str:
    """Which of ``ATTRIBUTION_KINDS`` ``quote``'s speaker came from."""
    if not quote.speaker:
        return "no speaker"
    return "cue" if quote.cue else "no cue"


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def word_count(text: str) -> int:
    """Words as the gold set counts them: whitespace-separated tokens."""
    return len(text.split())


def overlap(a: str, b: str) -> float:
    """Shared tokens over the token count of the longer text."""
    wa, wb = Counter(words(a)), Counter(words(b))
    longer = max(sum(wa.values()), sum(wb.values()))
    return sum((wa & wb).values()) / longer if longer else 0.0


def same_speaker(predicted: str | None, gold: str | None, *, lenient: bool) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    p, g = predicted.strip().lower(), gold.strip().lower()
    if lenient:
        surname = g.split()[-1] if g.split() else g
        return surname in p
    return p == g


def match(predicted: list[Quote], gold: list[dict[str, object]]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (predicted index, gold index), best overlap first."""
    pairs = []
    for i, q in enumerate(predicted):
        for j, g in enumerate(gold):
            if q.paragraph == g["paragraph"]:
                score = overlap(q.text, str(g["text"]))
                if score >= MIN_OVERLAP:
                    pairs.append((score, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    result = []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            result.append((i, j))
    return result


_NAIVE_SPAN = re.compile(r"[“\"]([^”\"]+)[”\"]")
_NAIVE_AFTER = re.compile(
    r"^,?\s*(?:said|says)\s+([A-Z]\w+(?:\s+[A-Z]\w+)*)|^,?\s*([A-Z]\w+(?:\s+[A-Z]\w+)*|he|she)\s+(?:said|says)"
)
_NAIVE_BEFORE = re.compile(r"([A-Z]\w+(?:\s+[A-Z]\w+)*)\s+(?:said|says):?\s*$")


def naive_quotes(paragraphs: list[str]) -> list[Quote]:
    """The ten-line regex baseline: double-quoted spans, "X said" / "said X" next to them."""
    found = []
    for index, text in enumerate(paragraphs):
        for m in _NAIVE_SPAN.finditer(text):
            after = _NAIVE_AFTER.match(text[m.end() :])
            before = _NAIVE_BEFORE.search(text[: m.start()])
            speaker = (after.group(1) or after.group(2)) if after else None
            speaker = speaker or (before.group(1) if before else None)
            found.append(Quote(m.group(1), speaker, None, index, m.start(1), m.end(1)))
    return found


def score_article(
    row: dict[str, object], score: Score, verbose: bool, finder: Callable[[list[str]], list[Quote]]
) -> None:
    paragraphs = [str(p) for p in row["paragraphs"]]  # type: ignore[attr-defined]
    gold: list[dict[str, object]] = list(row["quotes"])  # type: ignore[call-overload]
    predicted = finder(paragraphs)
    pairs = dict(match(predicted, gold))
    matched_gold = set(pairs.values())
    for i, q in enumerate(predicted):
        if i in pairs:
            g = gold[pairs[i]]
            if word_count(str(g["text"])) < MIN_WORDS:
                continue
            score.tp += 1
            gs = g["speaker"] if g["speaker"] is None else str(g["speaker"])
            ok = same_speaker(q.speaker, gs, lenient=False)
            score.strict += ok
            kind = score.kinds["partial" if g.get("partial") else "full"]
            kind[0] += 1
            kind[2] += ok
            kind[3] += q.partial == bool(g.get("partial"))
            score.lenient += same_speaker(q.speaker, gs, lenient=True)
            by_attribution = score.attributions[attribution_kind(q)]
            by_attribution[0] += 1
            by_attribution[1] += ok
            if not ok:
                score.notes.append(f"{row['id']} [{q.paragraph}] speaker {q.speaker!r} != {gs!r}")
        elif word_count(q.text) >= MIN_WORDS:
            score.fp += 1
            score.notes.append(f"{row['id']} [{q.paragraph}] FP {q.text[:70]!r}")
    for j, g in enumerate(gold):
        if j not in matched_gold and word_count(str(g["text"])) >= MIN_WORDS:
            score.fn += 1
            score.kinds["partial" if g.get("partial") else "full"][1] += 1
            score.notes.append(f"{row['id']} [{g['paragraph']}] FN {str(g['text'])[:70]!r}")


def run_gold(
    path: Path,
    verbose: bool,
    baseline: bool = False,
    half: str | None = None,
    language: str | None = None,
) -> None:
    score = Score()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    rows = [row for row in rows if in_half(str(row["id"]), half)]
    finder: Callable[[list[str]], list[Quote]] = (
        naive_quotes if baseline else partial(find_quotes, language=language)
    )
    for row in rows:
        score_article(row, score, verbose, finder)
    found = score.tp + score.fp
    gold = score.tp + score.fn
    precision = score.tp / found if found else 0.0
    recall = score.tp / gold if gold else 0.0
    print(
        f"| articles | gold quotes >= {MIN_WORDS} words | predicted >= {MIN_WORDS} words "
        "| span precision | span recall | speaker (strict) | speaker (lenient) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    strict = score.strict / score.tp if score.tp else 0.0
    lenient = score.lenient / score.tp if score.tp else 0.0
    print(
        f"| {len(rows)} | {gold} | {found} | {precision:.3f} | {recall:.3f} "
        f"| {strict:.3f} | {lenient:.3f} |"
    )
    print()
    print("| gold quotes | found | recall | speaker (strict) | partial flag right |")
    print("|---|---:|---:|---:|---:|")
    for name, (hit, missed, right, flagged) in score.kinds.items():
        kind_recall = hit / (hit + missed) if hit + missed else 0.0
        kind_speaker = right / hit if hit else 0.0
        kind_flag = flagged / hit if hit else 0.0
        print(f"| {name} | {hit} | {kind_recall:.3f} | {kind_speaker:.3f} | {kind_flag:.3f} |")
    print()
    print("| speaker from | matched quotes | share | speaker (strict) |")
    print("|---|---:|---:|---:|")
    for name, (matched, right) in score.attributions.items():
        share = matched / score.tp if score.tp else 0.0
        accuracy = right / matched if matched else 0.0
        print(f"| {name} | {matched} | {share:.3f} | {accuracy:.3f} |")
    if verbose:
        print()
        for note in score.notes:
            print(f"- {note}")


def _cpu_time(fn: Callable[[], object], cold: bool = False) -> float:
    """CPU seconds of one run (``process_time``: time the process was descheduled on a shared
    machine does not count), after the per-paragraph caches are cleared; ``cold`` also empties
    the ``re`` module's cache, as a crawl that sees each page once finds it for the patterns
    built from a page's words."""
    clear_caches()
    if cold:
        re.purge()
    start = time.process_time()
    fn()
    return time.process_time() - start


def _best_times(fns: list[Callable[[], object]], repeat: int, cold: bool = False) -> list[float]:
    """The fastest of ``repeat`` runs of each function, the runs interleaved (a, b, a, b, ...)
    so a burst of load on the machine hits every function alike."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            best[i] = min(best[i], _cpu_time(fn, cold))
    return best


def run_speed(corpus: Path, repeat: int = 5, cold: bool = False) -> None:
    """Time ``extract`` per page (which runs ``find_quotes`` on the body it found) and
    ``find_quotes`` alone on the same body and language (as ``extract`` calls it),
    interleaved, best of ``repeat`` in CPU time; the share is quotes over extraction without
    quotes. When the extractor finds no body the
    corpus truth paragraphs are timed instead (reported). ``cold``: see ``_cpu_time``."""
    truth = {}
    truth_file = corpus / "truth.jsonl"
    if truth_file.exists():
        for line in truth_file.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            truth[row["id"]] = row.get("paragraphs") or row.get("body_paragraphs") or []
    pages = sorted((corpus / "pages").glob("*.html.gz"))
    t_extract = t_quotes = 0.0
    quotes = from_truth = 0
    for page in pages:
        html = gzip.decompress(page.read_bytes())
        article = extract(html)
        body, language = article.body, article.language
        found = bool(body)  # extract ran find_quotes on it: subtract that from extraction
        if not found:
            body = truth.get(page.name.removesuffix(".html.gz"), [])
            from_truth += 1
        quotes += len(find_quotes(body, language))
        whole, alone = _best_times(
            [
                lambda html=html: extract(html),  # type: ignore[misc]
                lambda body=body, language=language: find_quotes(body, language),  # type: ignore[misc]
            ],
            repeat,
            cold,
        )
        t_extract += whole - alone if found else whole
        t_quotes += alone
    print(
        "| pages | bodies from truth | quotes | extraction without quotes (s) "
        "| find_quotes (s) | find_quotes per page (ms) | quotes / extraction |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    share = t_quotes / t_extract if t_extract > 0 else 0.0
    per_page = 1000 * t_quotes / len(pages) if pages else 0.0
    print(
        f"| {len(pages)} | {from_truth} | {quotes} | {t_extract:.3f} | {t_quotes:.4f} "
        f"| {per_page:.3f} | {share:.1%} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "gold", nargs="?", type=Path, help="gold JSONL (fixtures/quotes/gold.jsonl)"
    )
    parser.add_argument("--verbose", action="store_true", help="list every miss and wrong speaker")
    parser.add_argument("--speed", type=Path, help="corpus folder with pages/ and truth.jsonl")
    parser.add_argument(
        "--baseline", action="store_true", help="score the ten-line regex baseline instead"
    )
    parser.add_argument(
        "--half",
        choices=["even", "odd"],
        help="only the articles whose id's sha1 is even (or odd): tune on one, check the other",
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="with --speed: empty the re cache before each timed run (a crawl's single pass)",
    )
    parser.add_argument(
        "--language",
        help="the articles' language, as extract() would pass it (de: fixtures/quotes/de.jsonl)",
    )
    args = parser.parse_args(argv)
    if args.speed:
        run_speed(args.speed, cold=args.cold)
    if args.gold:
        run_gold(args.gold, args.verbose, args.baseline, args.half, args.language)
    if not (args.speed or args.gold):
        parser.error("give a gold JSONL or --speed CORPUS")
    return 0


if __name__ == "__main__":
    sys.exit(main())
