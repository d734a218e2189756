"""Discovery: feeds, sitemaps (indexes, gzip, Google News), hostile XML, links, seeding."""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path
from typing import Any

import pytest

from scraper.discover import (
    Seed,
    Seeder,
    feed_links,
    looks_like_article,
    page_links,
    parse_listing,
    parse_text_sitemap,
    resolve_targets,
    robots_sitemaps,
    sniff_kind,
)
from scraper.errors import UsageError
from scraper.fetch import Fetcher, FetchSettings
from scraper.listings import DiscoveryError
from scraper.loopback import LoopbackServer

BASE = "https://news.example.com/"

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>News</title>
<item><title>First story</title><link>https://news.example.com/2025/01/02/first-story?utm_source=rss</link>
<pubDate>Thu, 02 Jan 2025 10:00:00 GMT</pubDate></item>
<item><title>Guid only</title><guid isPermaLink="true">https://news.example.com/2025/01/03/guid-story</guid>
<dc:date>2025-01-03T08:00:00Z</dc:date></item>
<item><title>Not a permalink</title><guid isPermaLink="false">tag:abc</guid></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
<entry><title>Atom one</title><link rel="alternate" href="/2025/02/01/atom-one"/>
<link rel="enclosure" href="/img.jpg"/><published>2025-02-01T09:00:00+01:00</published></entry>
<entry><title>Atom two</title><link href="https://news.example.com/2025/02/02/atom-two"/>
<updated>2025-02-02T09:00:00Z</updated></entry>
</feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://news.example.com/2025/03/01/news-one</loc>
<news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2025-03-01T07:30:00Z</news:publication_date><news:title>News one</news:title></news:news></url>
<url><loc>https://news.example.com/2025/03/02/plain</loc><lastmod>2025-03-02</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example.com/sitemap-1.xml.gz</loc></sitemap>
<sitemap><loc>https://news.example.com/sitemap-2.xml</loc><lastmod>2025-01-01</lastmod></sitemap>
</sitemapindex>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<urlset><url><loc>&lol3;</loc></url></urlset>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss><channel><item><link>&xxe;</link></item></channel></rss>"""


def test_rss_items_with_links_guids_and_dates() -> None:
    listing = parse_listing(RSS, BASE)
    assert listing.kind == "rss"
    assert [(e.url, e.published, e.title) for e in listing.entries] == [
        (
            "https://news.example.com/2025/01/02/first-story",
            "Thu, 02 Jan 2025 10:00:00 GMT",
            "First story",
        ),
        ("https://news.example.com/2025/01/03/guid-story", "2025-01-03T08:00:00Z", "Guid only"),
    ]


def test_atom_entries_use_the_alternate_link_resolved_against_the_feed() -> None:
    listing = parse_listing(ATOM, "https://news.example.com/feed.atom")
    assert listing.kind == "atom"
    assert [e.url for e in listing.entries] == [
        "https://news.example.com/2025/02/01/atom-one",
        "https://news.example.com/2025/02/02/atom-two",
    ]
    assert listing.entries[0].published == "2025-02-01T09:00:00+01:00"


def test_google_news_sitemap_gives_publication_date_and_title() -> None:
    listing = parse_listing(NEWS_SITEMAP, BASE)
    assert listing.kind == "sitemap"
    first, second = listing.entries
    assert (first.published, first.title) == ("2025-03-01T07:30:00Z", "News one")
    assert (second.url, second.published, second.title) == (
        "https://news.example.com/2025/03/02/plain",
        "2025-03-02",
        None,
    )


def test_sitemap_index_lists_children_and_gzip_is_transparent() -> None:
    listing = parse_listing(gzip.compress(INDEX), BASE)
    assert listing.kind == "sitemapindex"
    assert listing.sitemaps == [
        "https://news.example.com/sitemap-1.xml.gz",
        "https://news.example.com/sitemap-2.xml",
    ]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "DOCTYPE"),
        (EXTERNAL_ENTITY, "DOCTYPE"),
        (gzip.compress(NEWS_SITEMAP)[:-30], "truncated gzip"),
        (b"\x1f\x8b\x08\x00garbage", "gzip"),
        (b"<html><body><p>Not a sitemap</body></html>", "not well-formed"),
        (b"", "not well-formed"),
        (b"<?xml version='1.0'?><catalog><book/></catalog>", "neither a feed nor a sitemap"),
    ],
)
def test_hostile_or_broken_xml_is_refused_with_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(DiscoveryError, match=message):
        parse_listing(data, BASE)


def test_gzip_bomb_is_capped() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 3_000_000 + b"</urlset>")
    from scraper.discover import parse_xml

    with pytest.raises(DiscoveryError, match="expands beyond"):
        parse_xml(bomb, limit=1_000_000)


def test_sniff_kind_reads_content_before_content_type() -> None:
    assert sniff_kind("text/html", RSS) == "xml"
    assert sniff_kind("application/xml", b"<!DOCTYPE html><html></html>") == "html"
    assert sniff_kind("application/rss+xml", b"  \n<rss>") == "xml"
    assert sniff_kind("application/octet-stream", gzip.compress(b"x")) == "xml"
    assert sniff_kind("text/html; charset=utf-8", b"<div>hello</div>") == "html"
    assert sniff_kind("text/plain", b"<p>a page sent as text</p>") == "html"
    # Neither markup nor a feed: a seed pointing at these discovers nothing, and says so.
    assert sniff_kind("image/png", b"\x89PNG\r\n\x1a\n\x00\x00") == "other"
    assert sniff_kind("text/plain", b"User-agent: *\nDisallow: /private/\n") == "other"


def test_feed_links_finds_rss_and_atom_alternates() -> None:
    page = b"""<head><link rel="alternate" type="application/rss+xml" href="/rss">
    <link rel="alternate" type="application/atom+xml" href="https://news.example.com/atom.xml">
    <link rel="alternate" hreflang="de" href="/de/"><link rel="stylesheet" href="/s.css"></head>"""
    assert feed_links(page, BASE) == [
        "https://news.example.com/rss",
        "https://news.example.com/atom.xml",
    ]


def test_page_links_same_host_canonical_no_duplicates_no_nofollow() -> None:
    page = b"""<a href="/a?utm_source=x">A</a><a href="/a#c">A again</a>
    <a href="https://elsewhere.example/b">out</a><a href="mailto:x@y.z">mail</a>
    <a rel="nofollow" href="/login">login</a><a href="sub/c">relative</a>"""
    assert page_links(page, "https://news.example.com/section/") == [
        "https://news.example.com/a",
        "https://news.example.com/section/sub/c",
    ]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.com/2024/02/28/some-story/", True),
        ("https://x.com/world/2024/mar/02/some-story", True),
        ("https://x.com/politics/rep-andy-kim-gains-traction-bid", True),
        ("https://x.com/article/politics/mitch", True),
        ("https://x.com/news/story-123456789.html", True),
        ("https://x.com/", False),
        ("https://x.com/tag/politics/", False),
        ("https://x.com/author/jane-doe-smith-jones", False),
        ("https://x.com/politics/", False),
        ("https://x.com/images/a-b-c-d.jpg", False),
        ("https://x.com/about", False),
    ],
)
def test_article_url_heuristics(url: str, expected: bool) -> None:
    assert looks_like_article(url) is expected


def test_site_patterns_replace_heuristics() -> None:
    import re

    patterns = [re.compile(r"^https://x\.com/p/\d+$")]
    assert looks_like_article("https://x.com/p/12", patterns)
    assert not looks_like_article("https://x.com/2024/02/28/some-story/", patterns)


def test_robots_sitemap_lines() -> None:
    robots = (
        "User-agent: *\nDisallow: /x\nSitemap: /sitemap.xml\nsitemap: https://cdn.example/s.xml\n"
    )
    assert robots_sitemaps(robots, "https://news.example.com/robots.txt") == [
        "https://news.example.com/sitemap.xml",
        "https://cdn.example/s.xml",
    ]


def test_resolve_targets_by_config_name_host_or_bare_domain() -> None:
    from scraper.sites import load_configs

    config = next(c for c in load_configs() if c.hosts and not c.hosts[0].startswith("*"))
    by_name = resolve_targets([config.name.upper()])
    assert by_name and all(s.site == config.name for s in by_name)
    assert resolve_targets([config.hosts[0]])[0].site == config.name
    bare = resolve_targets(["no-config-here.example"])
    assert [(s.url, s.site) for s in bare] == [("https://no-config-here.example/", None)]


def test_resolve_targets_accepts_urls_and_refuses_unknown_names() -> None:
    seeds = resolve_targets(["HTTPS://News.Example.com/feed?utm_source=x"])
    assert [s.url for s in seeds] == ["https://news.example.com/feed"]
    with pytest.raises(UsageError, match="unknown target"):
        resolve_targets(["no-such-site-config"])
    with pytest.raises(UsageError, match="nothing to crawl"):
        resolve_targets([])


class _Frontier:
    def __init__(self) -> None:
        self.rows: list[tuple[Any, str, int]] = []

    def add(
        self, urls: Any, source: str, *, depth: int = 0, site: Any = None, priority: int = 0
    ) -> int:
        items = list(urls)
        self.rows.extend((u, source, depth) for u in items)
        return len(items)


class _Stats:
    discovered = 0
    deferred = 0

    def __init__(self) -> None:
        self.errors: list[str] = []

    def error(self, url: str, message: str) -> None:
        self.errors.append(f"{url}: {message}")


def _seed(server: LoopbackServer, path: str, since: str | None = None) -> tuple[_Frontier, _Stats]:
    frontier, stats = _Frontier(), _Stats()

    async def go() -> None:
        async with Fetcher(FetchSettings(delay=0.0, retries=0)) as fetcher:
            await Seeder(fetcher, frontier, stats, since).discover(Seed(server.url(path)))

    asyncio.run(go())
    return frontier, stats


def test_seeder_follows_robots_sitemaps_and_nested_gzip_indexes(server: LoopbackServer) -> None:
    base = server.base_url
    server.add_route("/robots.txt", f"User-agent: *\nSitemap: {base}/index.xml\n", "text/plain")
    index = f"<sitemapindex><sitemap><loc>{base}/inner.xml.gz</loc></sitemap></sitemapindex>"
    server.add_route("/index.xml", index, "application/xml")
    inner = f"<sitemapindex><sitemap><loc>{base}/urls.xml</loc></sitemap></sitemapindex>"
    server.add_route("/inner.xml.gz", gzip.compress(inner.encode()), "application/gzip")
    urls = (
        "<urlset>"
        f"<url><loc>{base}/2025/01/01/old-one</loc><lastmod>2024-12-31</lastmod></url>"
        f"<url><loc>{base}/2025/05/05/new-one</loc><lastmod>2025-05-05</lastmod></url>"
        "</urlset>"
    )
    server.add_route("/urls.xml", urls, "application/xml")
    server.add_route("/", '<html><a href="/2025/06/06/linked-story">x</a></html>')
    frontier, stats = _seed(server, "/", since="2025-01-01")
    assert stats.errors == []
    assert (f"{base}/2025/05/05/new-one", "2025-05-05") in [r[0] for r in frontier.rows]
    assert all("old-one" not in r[0][0] for r in frontier.rows)  # before --since
    assert (f"{base}/2025/06/06/linked-story", None) in [r[0] for r in frontier.rows]


def test_seeder_records_broken_sitemaps_and_goes_on(server: LoopbackServer) -> None:
    base = server.base_url
    server.add_route(
        "/robots.txt", f"Sitemap: {base}/bad.xml\nSitemap: {base}/bomb.xml\n", "text/plain"
    )
    server.add_route("/bad.xml", "<urlset><url><loc>unclosed", "application/xml")
    server.add_route("/bomb.xml", BILLION_LAUGHS, "application/xml")
    server.add_route(
        "/feed", RSS.replace(b"https://news.example.com", base.encode()), "application/rss+xml"
    )
    frontier, stats = _seed(server, "/feed")
    assert len(stats.errors) == 2
    assert any("bad.xml: not well-formed" in e for e in stats.errors)
    assert any("bomb.xml" in e and "DOCTYPE" in e for e in stats.errors)
    assert len(frontier.rows) == 2


def test_seed_that_is_neither_page_nor_listing_is_an_error(server: LoopbackServer) -> None:
    server.add_route("/robots.txt", "User-agent: *\nDisallow:\n", "text/plain")
    server.add_route("/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png")
    frontier, stats = _seed(server, "/logo.png")
    assert frontier.rows == []
    assert stats.errors == [
        f"{server.url('/logo.png')}: not a home page, feed or sitemap (content type image/png)"
    ]


def test_one_broken_config_does_not_stop_crawls_of_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from scraper.sites import clear_cache

    good = '[site]\nname = "Example Times"\nhosts = ["example.com"]\n'
    good += 'feeds = ["https://example.com/rss"]\n[fields]\nbody = ["article"]\n'
    (tmp_path / "example.com.toml").write_text(good, encoding="utf-8")
    (tmp_path / "aaa-broken.toml").write_text("[site\n", encoding="utf-8")
    monkeypatch.setenv("SCRAPER_SELECTORS", str(tmp_path))
    clear_cache()
    try:
        assert [s.url for s in resolve_targets(["example times"])] == ["https://example.com/rss"]
        assert [s.site for s in resolve_targets([], all_sites=True)] == ["Example Times"]
        assert "aaa-broken.toml" in caplog.text  # the broken one is named, not hidden
        with pytest.raises(UsageError) as info:
            resolve_targets(["no-such-site-config"])
        assert str(info.value).endswith("(known: Example Times; see scraper sites list)")
    finally:
        clear_cache()


# -- text sitemaps (sitemaps.org: one URL a line) ------------------------------------------

TEXT_SITEMAP = (
    "\ufeffhttps://news.example.com/2025/04/01/first-text-story\r\n"
    "\n"
    "# a comment some generators write\n"
    "   https://news.example.com/2025/04/02/second-text-story?utm_source=txt   \n"
    "/2025/04/03/relative-path-is-not-allowed\n"
    "ftp://news.example.com/file.txt\n"
    "javascript:alert(1)\n"
    "https://news.example.com/2025/04/04/broken line with words\n"
    "Read our stories at https://news.example.com/\n"
    "<a href='https://news.example.com/2025/04/05/markup'>markup</a>\n"
    f"https://news.example.com/{'x' * 2100}\n"
    "https://news.example.com/2025/04/01/first-text-story\n"
    "HTTPS://NEWS.EXAMPLE.COM/2025/04/06/upper-case-scheme\n"
).encode()


def test_text_sitemap_keeps_whole_http_urls_and_skips_junk_lines() -> None:
    listing = parse_text_sitemap(TEXT_SITEMAP)
    assert listing.kind == "sitemap" and listing.sitemaps == []
    assert [e.url for e in listing.entries] == [
        "https://news.example.com/2025/04/01/first-text-story",
        "https://news.example.com/2025/04/02/second-text-story",
        "https://news.example.com/2025/04/06/upper-case-scheme",
    ]
    assert parse_text_sitemap(gzip.compress(TEXT_SITEMAP)).entries == listing.entries


def test_text_sitemap_caps_urls_and_size_and_refuses_files_without_urls() -> None:
    many = "".join(f"https://news.example.com/2025/04/01/story-{n}\n" for n in range(30))
    capped = parse_text_sitemap(many.encode(), max_urls=10)
    assert [e.url for e in capped.entries][-1] == "https://news.example.com/2025/04/01/story-9"
    assert len(capped.entries) == 10
    with pytest.raises(DiscoveryError, match="larger than"):
        parse_text_sitemap(many.encode(), limit=100)
    with pytest.raises(DiscoveryError, match="expands beyond"):
        parse_text_sitemap(gzip.compress(many.encode() * 100), limit=1000)
    with pytest.raises(DiscoveryError, match="not a text sitemap"):
        parse_text_sitemap(b"google.com, pub-0000000000000000, DIRECT\n")


def test_sniff_kind_tells_a_url_list_from_other_text() -> None:
    assert sniff_kind("text/plain", TEXT_SITEMAP) == "text"
    assert sniff_kind("", b"# generated\n\nhttps://a.example/1\n") == "text"
    assert sniff_kind("application/octet-stream", b"http://a.example/1\n") == "text"
    assert sniff_kind("text/plain", b"User-agent: *\nSitemap: https://a.example/s.xml\n") == (
        "other"
    )
    assert sniff_kind("text/html", b"<html>https://a.example/1</html>") == "html"


def test_seeder_reads_text_sitemaps_from_robots_and_from_an_index(
    server: LoopbackServer,
) -> None:
    base = server.base_url
    server.add_route(
        "/robots.txt", f"User-agent: *\nSitemap: {base}/sitemap.txt\n", "text/plain; charset=utf-8"
    )
    server.add_route(
        "/sitemap.txt",
        f"{base}/2025/07/01/from-robots-text\nnot a url\n{base}/2025/07/02/second-one\n",
        "text/plain",
    )
    index = f"<sitemapindex><sitemap><loc>{base}/more.txt.gz</loc></sitemap></sitemapindex>"
    server.add_route("/index.xml", index, "application/xml")
    packed = gzip.compress(f"{base}/2025/07/03/from-gzipped-text\n".encode())
    server.add_route("/more.txt.gz", packed, "application/x-gzip")
    frontier, stats = _seed(server, "/index.xml")
    assert stats.errors == []
    queued = [(r[0][0], r[1]) for r in frontier.rows]
    assert queued == [
        (f"{base}/2025/07/01/from-robots-text", "sitemap"),
        (f"{base}/2025/07/02/second-one", "sitemap"),
        (f"{base}/2025/07/03/from-gzipped-text", "sitemap"),
    ]


def test_a_text_seed_without_urls_is_reported(server: LoopbackServer) -> None:
    server.add_route("/robots.txt", "User-agent: *\nDisallow:\n", "text/plain")
    server.add_route("/empty.txt", "# nothing listed yet\n\n", "text/plain")
    frontier, stats = _seed(server, "/empty.txt")
    assert frontier.rows == []
    assert stats.errors == [
        f"{server.url('/empty.txt')}: not a home page, feed or sitemap (content type text/plain)"
    ]
