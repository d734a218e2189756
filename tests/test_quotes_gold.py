"""Integrity checks for the hand-annotated quote sets in ``fixtures/quotes/``.

The sets are data, not code: these tests guard their shape (valid JSON, verbatim quote
texts, unique ids, enough articles and sites) so that a bad edit cannot silently skew the
quote extractor's evaluation. ``gold.jsonl`` is the set the extractor was tuned on;
``blind.jsonl`` holds other articles from other sites, kept apart so that the extractor's
accuracy on pages it has never seen can be measured honestly; ``blind2.jsonl`` is a second
such set, from yet other sites, held back from all tuning. ``dev.jsonl`` is a development set
for tuning the extractor, from pages and sites in none of the other three; ``dev2.jsonl`` is a
second development set, from pages and sites in none of the other four; ``dev3.jsonl`` is a
third, new pages from sites the other sets may already hold (built in two parts, A and B);
``blind3.jsonl`` is a third held-out set: new pages (sites may repeat) that share no page with
any other set; ``de.jsonl`` is a German set (German-language publishers), to measure the German
quote rules on pages they were not tuned on.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

GOLD_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "quotes"
GOLD_FILE = GOLD_DIR / "gold.jsonl"
BLIND_FILE = GOLD_DIR / "blind.jsonl"
BLIND2_FILE = GOLD_DIR / "blind2.jsonl"
DEV_FILE = GOLD_DIR / "dev.jsonl"
DEV2_FILE = GOLD_DIR / "dev2.jsonl"
DEV3_FILE = GOLD_DIR / "dev3.jsonl"
BLIND3_FILE = GOLD_DIR / "blind3.jsonl"
DE_FILE = GOLD_DIR / "de.jsonl"
PAGES_DIR = GOLD_DIR / "pages"

# Per set: minimum articles, minimum sites, maximum articles from one site.
SET_SIZES = {
    "gold": (40, 15, 4),
    "blind": (20, 12, 4),
    "blind2": (20, 12, 4),
    "dev": (25, 25, 1),
    # The corpora held only twelve quote-bearing English news pages from new sites (README).
    "dev2": (12, 12, 1),
    # New pages from known sites: a site may give a live blog and an ordinary article.
    "dev3": (23, 18, 2),
    # New text from known sites: one page per site, but sites may be the other sets'.
    "blind3": (12, 10, 1),
    # German publishers: a site may give two articles.
    "de": (14, 10, 2),
}
MIN_BLIND_QUOTES = {
    "blind": 150,
    "blind2": 200,
    "dev": 200,
    "dev2": 55,
    "dev3": 400,
    "blind3": 250,
    "de": 120,
}
MIN_QUOTE_WORDS = 4
ARTICLE_KEYS = {"id", "site", "url", "source", "paragraphs", "quotes"}
QUOTE_KEYS = {"text", "speaker", "paragraph", "partial"}
# blind2, dev, dev2, dev3 and blind3 also use corpora without paragraph truth (paragraphs:
# our body).
SOURCES = {"per-site", "news-fields", "dates", "body-snippets"}
# Opening and closing quotation marks must be left out of a quote's text.
QUOTE_MARKS = '"“”«»„‚'
# Shares of quotes and of each article's paragraphs whose first words must be found in the
# stored page: the rest may be split by markup or written with characters the naive tag
# stripper below does not normalise (key-point summaries often use other apostrophes).
MIN_PAGE_MATCH = 0.95
MIN_PARAGRAPH_MATCH = 0.8


def load_set(path: Path) -> list[dict[str, Any]]:
    """Parse every line of a JSONL set; a blank or malformed line fails the calling test."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def page_text(article_id: str) -> str:
    """The stored page as whitespace-folded text, tags removed and entities unescaped."""
    raw = gzip.decompress((PAGES_DIR / f"{article_id}.html.gz").read_bytes())
    text = html.unescape(re.sub(r"<[^>]+>", " ", raw.decode("utf-8", "replace")))
    return " ".join(text.split())


def host_of(url: str) -> str:
    """A URL's host without a leading ``www.``, so one site's pages compare equal."""
    return urlsplit(url).netloc.casefold().removeprefix("www.")


def opening(passage: str) -> str:
    """The first four words of a passage, whitespace-folded."""
    return " ".join(passage.split()[:4])


GOLD = load_set(GOLD_FILE)
BLIND = load_set(BLIND_FILE)
BLIND2 = load_set(BLIND2_FILE)
DEV = load_set(DEV_FILE)
DEV2 = load_set(DEV2_FILE)
DEV3 = load_set(DEV3_FILE)
BLIND3 = load_set(BLIND3_FILE)
DE = load_set(DE_FILE)
SETS = {
    "gold": GOLD,
    "blind": BLIND,
    "blind2": BLIND2,
    "dev": DEV,
    "dev2": DEV2,
    "dev3": DEV3,
    "blind3": BLIND3,
    "de": DE,
}
ALL_ARTICLES = [article for articles in SETS.values() for article in articles]
ARTICLES = [
    pytest.param(article, id=f"{name}:{article['id']}")
    for name, articles in SETS.items()
    for article in articles
]


@pytest.mark.parametrize("name", SETS)
def test_set_has_enough_articles_and_sites(name: str) -> None:
    min_articles, min_sites, max_per_site = SET_SIZES[name]
    sites = Counter(article["site"] for article in SETS[name])
    assert len(SETS[name]) >= min_articles
    assert len(sites) >= min_sites
    assert max(sites.values()) <= max_per_site, sites.most_common(3)


@pytest.mark.parametrize("name", MIN_BLIND_QUOTES)
def test_blind_sets_have_enough_quotes(name: str) -> None:
    assert sum(len(article["quotes"]) for article in SETS[name]) >= MIN_BLIND_QUOTES[name]


def test_ids_are_unique() -> None:
    ids = [article["id"] for article in ALL_ARTICLES]
    assert len(ids) == len(set(ids))


def test_blind_set_shares_no_page_with_gold() -> None:
    gold_urls = {article["url"] for article in GOLD}
    assert not [article["id"] for article in BLIND if article["url"] in gold_urls]


def test_second_blind_set_shares_no_page_with_the_others() -> None:
    earlier_urls = {article["url"] for article in GOLD + BLIND}
    assert not [article["id"] for article in BLIND2 if article["url"] in earlier_urls]


def shared_with(articles: list[dict[str, Any]], others: list[dict[str, Any]]) -> list[str]:
    """Ids of ``articles`` whose page, site or host is also one of ``others``'."""
    urls = {article["url"] for article in others}
    sites = {article["site"].casefold() for article in others}
    hosts = {host_of(article["url"]) for article in others}
    return [
        article["id"]
        for article in articles
        if article["url"] in urls
        or article["site"].casefold() in sites
        or host_of(article["url"]) in hosts
    ]


def test_dev_set_shares_no_page_and_no_site_with_the_others() -> None:
    assert not shared_with(DEV, GOLD + BLIND + BLIND2)


def test_second_dev_set_shares_no_page_and_no_site_with_the_others() -> None:
    assert not shared_with(DEV2, GOLD + BLIND + BLIND2 + DEV)


def page_of(url: str) -> str:
    """A URL's host and path, so that tracking queries and a trailing slash do not hide a page."""
    return host_of(url) + urlsplit(url).path.rstrip("/")


def shared_pages(articles: list[dict[str, Any]], others: list[dict[str, Any]]) -> list[str]:
    """Ids of ``articles`` whose id or page (``page_of`` its URL) is also one of ``others'``
    (sites may repeat)."""
    ids = {article["id"] for article in others}
    pages = {page_of(article["url"]) for article in others}
    return [
        article["id"]
        for article in articles
        if article["id"] in ids or page_of(article["url"]) in pages
    ]


def test_third_dev_set_shares_no_page_with_the_others() -> None:
    assert not shared_pages(DEV3, GOLD + BLIND + BLIND2 + DEV + DEV2)


def test_shared_pages_notices_a_shared_id_or_url_but_not_a_shared_site() -> None:
    article = {"id": "a", "site": "Wired", "url": "https://wired.example/x"}
    assert shared_pages([article], [{"id": "a", "site": "B", "url": "https://b.example/"}])
    assert shared_pages([article], [{"id": "b", "site": "B", "url": "https://wired.example/x"}])
    assert not shared_pages(
        [article], [{"id": "b", "site": "Wired", "url": "https://wired.example/y"}]
    )


def test_page_of_ignores_queries_and_a_trailing_slash() -> None:
    assert page_of("https://www.a.example/x/?utm_source=RSS") == page_of("https://a.example/x")
    assert page_of("https://a.example/x") != page_of("https://a.example/y")


def test_third_blind_set_shares_no_page_with_the_others() -> None:
    assert not shared_pages(BLIND3, GOLD + BLIND + BLIND2 + DEV + DEV2 + DEV3)


def test_german_set_shares_no_page_with_the_others() -> None:
    assert not shared_pages(DE, GOLD + BLIND + BLIND2 + DEV + DEV2 + DEV3 + BLIND3)


def test_shared_with_notices_a_site_under_another_host() -> None:
    article = {"id": "a", "site": "Wired", "url": "https://wired.example/x"}
    other = {"id": "b", "site": "wired", "url": "https://other.example/y"}
    assert shared_with([article], [other]) == ["a"]
    assert shared_with([article], [{**other, "site": "Other"}]) == []


@pytest.mark.parametrize("article", ARTICLES)
def test_article_shape(article: dict[str, Any]) -> None:
    assert set(article) == ARTICLE_KEYS
    assert article["source"] in SOURCES
    assert article["url"].startswith(("http://", "https://"))
    assert article["paragraphs"], "every article needs its paragraphs"
    assert all(isinstance(p, str) and p.strip() for p in article["paragraphs"])
    assert isinstance(article["quotes"], list)


@pytest.mark.parametrize("article", ARTICLES)
def test_quotes_are_verbatim_in_their_paragraph(article: dict[str, Any]) -> None:
    paragraphs = article["paragraphs"]
    for quote in article["quotes"]:
        assert set(quote) == QUOTE_KEYS, quote
        index = quote["paragraph"]
        assert isinstance(index, int) and 0 <= index < len(paragraphs), quote
        assert quote["text"] in paragraphs[index], quote
        assert len(quote["text"].split()) >= MIN_QUOTE_WORDS, quote
        assert quote["text"][0] not in QUOTE_MARKS and quote["text"][-1] not in QUOTE_MARKS
        assert quote["speaker"] is None or (
            isinstance(quote["speaker"], str) and quote["speaker"].strip()
        )
        assert isinstance(quote["partial"], bool)


@pytest.mark.parametrize("article", ARTICLES)
def test_quotes_are_in_reading_order(article: dict[str, Any]) -> None:
    positions = [
        (q["paragraph"], article["paragraphs"][q["paragraph"]].find(q["text"]))
        for q in article["quotes"]
    ]
    assert positions == sorted(positions)


@pytest.mark.parametrize("name", SETS)
def test_every_article_has_its_page_and_the_pages_hold_the_quotes(name: str) -> None:
    found = total = 0
    for article in SETS[name]:
        text = page_text(article["id"])
        paragraphs_found = sum(opening(p) in text for p in article["paragraphs"])
        assert paragraphs_found >= MIN_PARAGRAPH_MATCH * len(article["paragraphs"]), article["id"]
        for quote in article["quotes"]:
            total += 1
            found += opening(quote["text"]) in text
    assert total > 0
    assert found / total >= MIN_PAGE_MATCH


def test_no_stray_pages() -> None:
    stored = {path.name.removesuffix(".html.gz") for path in PAGES_DIR.glob("*.html.gz")}
    assert stored == {article["id"] for article in ALL_ARTICLES}


@pytest.mark.parametrize("name", SETS)
def test_readme_lists_every_article(name: str) -> None:
    readme = (GOLD_DIR / "README.md").read_text(encoding="utf-8")
    missing = [article["id"] for article in SETS[name] if article["id"] not in readme]
    assert not missing
