"""Publication/modification date choice: metadata, markup, URL and visible text, in that order."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.jsonld import find_article, jsonld_objects
from scraper.extract.metadata import meta_table
from scraper.extract.published import find_modified, find_published


def _published(html: str, url: str | None = None) -> tuple[str | None, str]:
    tree = LexborHTMLParser(html)
    return find_published(tree, find_article(jsonld_objects(tree)), meta_table(tree), url)


def _modified(html: str) -> tuple[str | None, str]:
    tree = LexborHTMLParser(html)
    return find_modified(find_article(jsonld_objects(tree)), meta_table(tree))


def test_meta_published_time() -> None:
    html = '<head><meta property="article:published_time" content="2024-11-02T06:00:00Z"></head>'
    assert _published(html) == ("2024-11-02T06:00:00+00:00", "meta:article:published_time")


def test_modified_from_meta_is_separate() -> None:
    html = (
        '<head><meta property="article:published_time" content="2024-11-02">'
        '<meta property="article:modified_time" content="2024-11-05"></head>'
    )
    assert _published(html)[0] == "2024-11-02"
    assert _modified(html) == ("2024-11-05", "meta:article:modified_time")


def test_nothing_gives_no_date() -> None:
    assert _published("<body><h1>Contact</h1><p>Write to us.</p></body>") == (None, "")
