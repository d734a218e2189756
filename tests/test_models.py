"""The record's JSON form: field order, text, round trip, and Page header helpers."""

from __future__ import annotations

import json

from scraper.models import Article, Image, Page, Quote


def test_to_dict_has_design_fields_and_text_after_body() -> None:
    article = Article(
        url="https://example.com/a",
        headline="Headline",
        body=["First.", "Second."],
        images=[Image(url="https://example.com/i.jpg", caption="Cap")],
        quotes=[Quote(text="We will win", speaker="Jane Doe", cue="said")],
    )
    data = article.to_dict()
    keys = list(data)
    assert keys[keys.index("body") + 1] == "text"
    assert data["text"] == "First.\n\nSecond."
    for name in (
        "canonical_url",
        "site",
        "subheadline",
        "authors",
        "published",
        "modified",
        "language",
        "section",
        "tags",
        "status",
        "sources",
        "extractor",
    ):
        assert name in data
    assert data["images"][0]["caption"] == "Cap"
    json.dumps(data)  # JSON-ready


def test_round_trip_from_dict() -> None:
    article = Article(url="u", body=["p"], images=[Image(url="i")], quotes=[Quote(text="t")])
    again = Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert again == article


def test_page_charset_from_content_type() -> None:
    page = Page(url="u", body=b"", headers={"content-type": 'text/html; Charset="ISO-8859-1"'})
    assert page.charset == "ISO-8859-1"
    assert Page(url="u", body=b"", headers={"Content-Type": "text/html"}).charset is None
