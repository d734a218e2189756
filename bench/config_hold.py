"""Do the site configs hold on their sites' other pages? Check them on corpora they were not written from.

Usage: python bench/config_hold.py CORPUS_DIR [CORPUS_DIR ...] [--json]

For every page of the given corpora (``body-snippets``, ``dates``: ``pages/<id>.html.gz`` +
``truth.jsonl``) whose URL a config in ``selectors/`` claims, it extracts the page with the
config and reports whether the config's own body selectors found the text (``holds``) or the
extractor fell back to the generic heuristic (``fallback``: a layout the config does not
know), with the chosen layout. A body the config read itself counts as holding, whether
from a selector or from its own ``jsonld:articleBody`` fallback; only a body the generic
extractor supplied (source ``generic:...``) or no body at all is a fallback. Where the corpus
has snippets (``must_contain`` / ``must_not_contain``) both the config and the generic
extractor are scored on them; where it has a ``date``, the config's published day is compared
with it. A URL present in several corpora is one page, with the truth of all of them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import metrics

from scraper.extract import extract
from scraper.extract.config_generic import GENERIC_SOURCE
from scraper.extract.decode import decode_html
from scraper.extract.generic import extract_generic
from scraper.sites import SiteConfig, load_configs, match_config


@dataclass(frozen=True)
class PageCheck:
    """One corpus page claimed by a config."""

    config: str
    corpus: str
    url: str
    holds: bool
    layout: str | None
    paragraphs: int
    config_snippets: metrics.Counts | None
    generic_snippets: metrics.Counts | None
    date_ok: bool | None


def holds(source: str | None) -> bool:
    """Whether a body ``source`` is the config's own (a selector or its ``jsonld:`` fallback)."""
    return bool(source) and not str(source).startswith(GENERIC_SOURCE)


def check_page(
    record: dict[str, object],
    html: bytes,
    corpus: str,
    config_name: str,
    config: SiteConfig | None = None,
) -> PageCheck:
    """Extract one page with its config (found by URL unless given; generically too when there
    are snippets)."""
    url = str(record["url"])
    article = extract(html, url=url, config=config)
    config_snippets = generic_snippets = None
    must = record.get("must_contain")
    if isinstance(must, list):
        must_not = record.get("must_not_contain")
        wrong = must_not if isinstance(must_not, list) else []
        generic = extract_generic(decode_html(html, None), url)
        config_snippets = metrics.snippet_counts("\n".join(article.body), must, wrong)
        generic_snippets = metrics.snippet_counts("\n".join(generic.body), must, wrong)
    date_ok = None
    if "date" in record:
        truth = record["date"]
        date_ok = metrics.day(article.published) == (str(truth) if truth else None)
    return PageCheck(
        config=config_name,
        corpus=corpus,
        url=url,
        holds=holds(article.sources.get("body")),
        layout=article.extractor.get("layout"),
        paragraphs=len(article.body),
        config_snippets=config_snippets,
        generic_snippets=generic_snippets,
        date_ok=date_ok,
    )


def run(corpora: list[Path]) -> list[PageCheck]:
    """Check every page of ``corpora`` that a repository config claims."""
    configs = load_configs()
    # One page per URL: the snippets of one corpus and the date of another are both checked.
    pages: dict[str, tuple[dict[str, object], Path, list[str]]] = {}
    for corpus in corpora:
        lines = (corpus / "truth.jsonl").read_text(encoding="utf-8").splitlines()
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            if match_config(record["url"], configs) is None:
                continue
            if record["url"] in pages:
                known, path, names = pages[record["url"]]
                known.update({k: v for k, v in record.items() if k not in known})
                names.append(corpus.name)
            else:
                path = corpus / "pages" / f"{record['id']}.html.gz"
                pages[record["url"]] = (record, path, [corpus.name])
    checks = []
    for url, (record, path, names) in pages.items():
        config = match_config(url, configs)
        assert config is not None
        name = config.path.stem if config.path is not None else config.name
        html = gzip.decompress(path.read_bytes())
        checks.append(check_page(record, html, "+".join(names), name))
    return checks


def _snippets(counts: metrics.Counts | None) -> str:
    if counts is None:
        return "-"
    return f"{counts.tp:.0f}/{counts.tp + counts.fn:.0f} leak {counts.fp:.0f}"


def print_table(checks: list[PageCheck]) -> None:
    """One row per page, then how many pages each config held on."""
    print(
        f"{'config':24s} {'corpus':19s} {'body':8s} {'layout':20s} {'config':12s} {'generic':12s} day"
    )
    for c in sorted(checks, key=lambda c: (c.config, c.corpus, c.url)):
        day = "-" if c.date_ok is None else ("ok" if c.date_ok else "WRONG")
        print(
            f"{c.config[:24]:24s} {c.corpus[:19]:19s} {'holds' if c.holds else 'fallback':8s} "
            f"{str(c.layout)[:20]:20s} {_snippets(c.config_snippets):12s} "
            f"{_snippets(c.generic_snippets):12s} {day}"
        )
    held = sum(c.holds for c in checks)
    print(f"\n{held}/{len(checks)} pages extracted by their config's own selectors")
    for name, counts in (
        ("config", [c.config_snippets for c in checks]),
        ("generic", [c.generic_snippets for c in checks]),
    ):
        score = metrics.micro_score(x for x in counts if x is not None)
        print(f"snippets {name:8s} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path, nargs="+", help="corpus folders with truth.jsonl")
    parser.add_argument("--json", action="store_true", help="print the checks as JSON")
    args = parser.parse_args(argv)
    for corpus in args.corpora:
        if not (corpus / "truth.jsonl").is_file():
            print(f"error: {corpus} has no truth.jsonl", file=sys.stderr)
            return 2
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        checks = run(args.corpora)
    if args.json:
        print(json.dumps([asdict(c) for c in checks], indent=2, ensure_ascii=False))
    else:
        print_table(checks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
