"""URL canonicalisation: one spelling per page."""

from __future__ import annotations

import pytest

from scraper.urls import canonical_link, canonicalize, host_of, host_problem, url_problem


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


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a",
        "HTTP://Example.COM:8080/a?b=1",
        "https://example.com./a",
        "http://127.0.0.1:9/",
        "http://[::1]:8080/a",
        "http://localhost/a",
        "https://bücher.de/a",
        "https://xn--bcher-kva.de/a",
        "https://my_blog.example.com/a",  # underscores occur in real subdomains
        "https://user:secret@example.com/a",
        "  https://example.com/a  ",
    ],
)
def test_url_problem_accepts_urls_that_can_be_fetched(url: str) -> None:
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://256.1.1.1/x", "invalid IPv4 address '256.1.1.1' (a part is over 255)"),
        ("http://a..b.com/", "invalid host name 'a..b.com' (an empty part)"),
        (
            "http://example.123/",
            "invalid host name 'example.123' (a host name cannot end in a number)",
        ),
        ("http://" + "a" * 64 + ".com/", "a part longer than 63 characters"),
        ("http://" + "abc." * 64 + "com/", "longer than 253 characters"),
        ("http://exa$mple.com/", "'exa$mple' holds characters a host name cannot"),
        ("http://☃.net/", "invalid host name '☃.net'"),
        ("http://example.com:0/", "invalid port 0"),
        ("http://example.com:99999/", "invalid URL (Port out of range 0-65535)"),
        ("http://[zz]/", "invalid URL"),
        ("http:///path", "no host name"),
        ("example.com/a", "not an http(s) URL (did you mean https://...?)"),
        ("www.example.com:8080/a", "not an http(s) URL (did you mean https://...?)"),
        ("ftp://example.com/a", "not an http(s) URL"),
        ("mailto:desk@example.com", "not an http(s) URL"),
        ("https:/example.com", "not an http(s) URL (https: needs // after it)"),
    ],
)
def test_url_problem_names_what_cannot_be_valid(url: str, problem: str) -> None:
    found = url_problem(url)
    assert found is not None and problem in found, found


def test_url_problem_checks_the_host_only_not_the_path() -> None:
    # A path with odd characters is percent-encoded by canonicalize; it is still fetchable.
    assert url_problem("https://example.com/a b/ü?q=1 2") is None
    assert host_problem("news.example.com") is None
    assert host_problem("1.2.3") is None  # IPv4 shorthand, as inet_aton reads it
