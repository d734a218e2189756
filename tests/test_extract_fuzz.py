"""Fuzzing: random bytes and mangled HTML never raise and always give an Article."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scraper.extract import extract
from scraper.extract.decode import decode_html
from scraper.extract.generic import extract_generic
from scraper.models import STATUSES, Article

TAGS = [
    "p",
    "div",
    "article",
    "h1",
    "h2",
    "br",
    "figure",
    "img",
    "a",
    "script",
    "time",
    "meta",
    "li",
]
FRAGMENTS = st.one_of(
    st.sampled_from([f"<{t}>" for t in TAGS] + [f"</{t}>" for t in TAGS]),
    st.sampled_from(
        [
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": [{"name": 3}], ',
            '<script type="application/ld+json">{"@graph": [null, 1, "x", {"headline": []}]}</script>',
            '<meta property="article:published_time" content="9999-99-99">',
            '<img data-srcset=",,, 10x" src="">',
            '<time datetime="2025-02-30T25:61">',
            "<br><br>",
            "&#0; &amp; &nbsp; \u00ad\u200b",
        ]
    ),
    st.text(max_size=40),
)


@settings(max_examples=150, deadline=None)
@given(
    st.binary(max_size=2000),
    st.one_of(st.none(), st.sampled_from(["utf-8", "latin-1", "bogus", "utf-16"])),
)
def test_random_bytes(data: bytes, charset: str | None) -> None:
    assert isinstance(decode_html(data, charset), str)
    article = extract(data, url="https://fuzz.example/2025/01/02/x", charset=charset)
    assert isinstance(article, Article)
    assert article.status in STATUSES


@settings(max_examples=150, deadline=None)
@given(st.lists(FRAGMENTS, max_size=60))
def test_mangled_html(fragments: list[str]) -> None:
    article = extract_generic("".join(fragments), "https://fuzz.example/a")
    assert isinstance(article, Article)
    assert article.status in STATUSES
    assert all(isinstance(p, str) and p for p in article.body)


def test_a_fault_in_quote_finding_keeps_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    # the package, not the function ``scraper.extract`` that ``scraper`` exports under its name
    extract_package = sys.modules["scraper.extract"]

    def broken(paragraphs: list[str], language: str | None = None) -> list[object]:
        raise IndexError("list index out of range")

    monkeypatch.setattr(extract_package, "find_quotes", broken)
    html = (
        "<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1>"
        + "<p>The council said on Monday that the bridge will be rebuilt by spring.</p>" * 5
        + "</article></body></html>"
    )
    article = extract(html)
    assert article.body and article.quotes == []
    assert article.extractor["quotes_error"] == "IndexError: list index out of range"
