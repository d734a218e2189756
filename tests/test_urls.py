"""URL canonicalisation: one spelling per page."""

from __future__ import annotations

import pytest

from scraper.urls import canonical_link, canonicalize, host_of


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("HTTPS://Example.COM/Path", "https://example.com/Path"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1", "https://example.com/a?a=1&b=2"),
        (
            "https://example.com/a?utm_source=tw&utm_medium=social&id=7&fbclid=XYZ",
            "https://example.com/a?id=7",
        ),
        ("https://example.com/a?gclid=1&mc_cid=2&mc_eid=3", "https://example.com/a"),
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://example.com/a?q=two%20words", "https://example.com/a?q=two%20words"),
        ("https://example.com./a", "https://example.com/a"),
        # A raw space (a pasted URL, a sloppy href) is encoded: one spelling per page.
        ("https://example.com/two words", "https://example.com/two%20words"),
        ("https://example.com/two%20words", "https://example.com/two%20words"),
    ],
)
def test_canonicalize(raw: str, expected: str) -> None:
    assert canonicalize(raw) == expected


def test_relative_urls_resolve_against_the_base() -> None:
    assert canonicalize("../b?x=1#top", "https://example.com/news/a/") == (
        "https://example.com/news/b?x=1"
    )
    assert canonicalize("//cdn.example.com/x", "https://example.com/") == (
        "https://cdn.example.com/x"
    )


@pytest.mark.parametrize(
    "raw",
    [
        "mailto:a@b.c",
        "javascript:void(0)",
        "ftp://example.com/f",
        "",
        "http://",
        "http://a:b/",
        "http://exa mple.com/",  # no host name has a space
        "http://<example>.com/",
    ],
)
def test_non_http_urls_are_refused(raw: str) -> None:
    assert canonicalize(raw) is None


def test_canonicalize_is_idempotent() -> None:
    once = canonicalize("HTTP://A.com:80/x/../y?b=1&a=2&utm_x=3#f")
    assert once is not None
    assert canonicalize(once) == once


def test_host_of_keeps_non_default_ports() -> None:
    assert host_of("http://127.0.0.1:8080/a") == "127.0.0.1:8080"
    assert host_of("https://example.com/a") == "example.com"


def test_canonical_link_prefers_link_rel_then_og_url() -> None:
    page = '<head><link rel="Canonical" href="/story?utm_source=x"><meta property="og:url" content="https://other.example/"></head>'
    assert canonical_link(page, "https://example.com/s?id=1") == "https://example.com/story"
    og_only = '<head><meta property="og:url" content="https://example.com/og#x"></head>'
    assert canonical_link(og_only, "https://example.com/") == "https://example.com/og"
    assert canonical_link("<p>none</p>", "https://example.com/") is None
