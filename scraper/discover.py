"""Discovery: article URLs from RSS/Atom feeds, sitemaps (XML indexes, gzip, Google News, and
plain-text sitemaps of one URL a line) and links.

XML is parsed with expat under strict rules: any DOCTYPE or ENTITY declaration is refused (no
entity expansion, no external DTD), and input is capped in size before and after gunzip. Text
sitemaps keep only lines that are whole http(s) URLs, at most 50,000 of them.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Protocol
from xml.parsers import expat

from selectolax.lexbor import LexborHTMLParser

from scraper.errors import ScraperError, UsageError
from scraper.sniff import binary_kind
from scraper.urls import canonicalize, host_of, host_problem, url_problem

if TYPE_CHECKING:
    from scraper.fetch import Fetcher
    from scraper.sites import SiteConfig

MAX_XML_BYTES = 50_000_000  # the sitemap protocol's own limit (uncompressed)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
#: Content types read as HTML pages even when the body does not open with a tag.
SEED_HTML_TYPES = ("", "text/html", "application/xhtml+xml")
XML_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml")
GZIP_MAGIC = b"\x1f\x8b"
MAX_SITEMAP_LEVELS = 3  # sitemap index -> index -> sitemap is as deep as real sites go
MAX_CHILD_SITEMAPS = 500
MAX_SITEMAP_URLS = 50_000  # the sitemap protocol's limit per file
MAX_URL_LENGTH = 2048  # the sitemap protocol's limit per URL; longer lines are junk
#: A text sitemap line worth reading: one absolute http(s) URL, no spaces inside.
_URL_LINE = re.compile(r"https?://\S+", re.IGNORECASE)
_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", re.IGNORECASE)

#: Paths that are never single articles (hubs, archives, profiles, feeds, assets).
NON_ARTICLE_PATTERNS = [
    re.compile(p)
    for p in (
        r"/(tag|tags|topic|topics|category|categories|author|authors|section|search|page)/",
        r"/(feed|rss|atom)/?$",
        r"\.(jpe?g|png|gif|webp|svg|pdf|mp3|mp4|css|js|xml|gz|zip)$",
        r"/(login|signin|subscribe|account|privacy|terms|contact|about)(/|$)",
    )
]
#: Paths that look like articles when a site has no config: dates or long slugs or ids.
ARTICLE_PATTERNS = [
    re.compile(p)
    for p in (
        r"/(19|20)\d{2}/(0?[1-9]|1[0-2]|[a-z]{3})/",  # /2024/02/ or /2024/feb/
        r"/(19|20)\d{2}-\d{2}-\d{2}/",
        r"/[a-z0-9]+(-[a-z0-9]+){3,}(\.html?|/)?$",  # a slug of four words or more
        r"/(article|articles|story|stories)/[^/]+",
        r"\d{6,}(\.html?)?/?$",  # a numeric article id
    )
]


class DiscoveryError(ScraperError):
    """A feed or sitemap that cannot be read (not XML, hostile, truncated, too big)."""


@dataclass
class Entry:
    """One discovered URL with what the feed or sitemap said about it."""

    url: str
    published: str | None = None
    title: str | None = None


@dataclass
class Listing:
    """What one feed or sitemap yielded: article entries and child sitemaps."""

    kind: str  # rss | atom | sitemap | sitemapindex
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str]
    children: list[_Node] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> _Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def findtext(self, *tags: str) -> str | None:
        for tag in tags:
            node = self.find(tag)
            if node is not None and node.text.strip():
                return node.text.strip()
        return None

    def iter(self, tag: str) -> list[_Node]:
        found = [self] if self.tag == tag else []
        for child in self.children:
            found.extend(child.iter(tag))
        return found


def _forbid(*_: object) -> None:
    raise DiscoveryError("XML with a DOCTYPE or ENTITY declaration refused (unsafe)")


def ungzip(data: bytes, limit: int = MAX_XML_BYTES) -> bytes:
    """Gunzip ``data`` if it is gzip, refusing output over ``limit`` and truncated streams."""
    if not data.startswith(GZIP_MAGIC):
        return data
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as err:
        raise DiscoveryError(f"broken gzip: {err}") from None
    if len(out) > limit:
        raise DiscoveryError(f"gzip expands beyond {limit} bytes")
    if not inflater.eof:
        raise DiscoveryError("truncated gzip stream")
    return out


def parse_xml(data: bytes, limit: int = MAX_XML_BYTES) -> _Node:
    """A small element tree from ``data``; DTDs and entity declarations are refused."""
    data = ungzip(data, limit)
    if len(data) > limit:
        raise DiscoveryError(f"XML larger than {limit} bytes")
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.StartDoctypeDeclHandler = _forbid
    parser.EntityDeclHandler = _forbid
    parser.UnparsedEntityDeclHandler = _forbid
    parser.ExternalEntityRefHandler = _forbid  # type: ignore[assignment]
    root = _Node("", {})
    stack = [root]

    def start(name: str, attrs: dict[str, str]) -> None:
        node = _Node(
            name.rsplit(" ", 1)[-1].lower(), {k.rsplit(" ", 1)[-1]: v for k, v in attrs.items()}
        )
        stack[-1].children.append(node)
        stack.append(node)

    def end(_: str) -> None:
        stack.pop()

    def chars(text: str) -> None:
        stack[-1].text += text

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        raise DiscoveryError(f"not well-formed XML ({expat.ErrorString(err.code)})") from None
    if not root.children:
        raise DiscoveryError("empty XML document")
    return root.children[0]


def parse_listing(data: bytes, base_url: str) -> Listing:
    """Parse a feed (RSS 2.0, RSS 1.0/RDF, Atom) or a sitemap (urlset, sitemapindex)."""
    root = parse_xml(data)
    if root.tag == "urlset":
        return Listing("sitemap", entries=_sitemap_entries(root, base_url))
    if root.tag == "sitemapindex":
        locs = (s.findtext("loc") for s in root.iter("sitemap"))
        return Listing("sitemapindex", sitemaps=_canonical_all(locs, base_url))
    if root.tag in ("rss", "rdf"):
        return Listing("rss", entries=_rss_entries(root, base_url))
    if root.tag == "feed":
        return Listing("atom", entries=_atom_entries(root, base_url))
    raise DiscoveryError(f"XML root <{root.tag}> is neither a feed nor a sitemap")


def parse_text_sitemap(
    data: bytes, limit: int = MAX_XML_BYTES, max_urls: int = MAX_SITEMAP_URLS
) -> Listing:
    """A text sitemap (sitemaps.org: one absolute URL a line, UTF-8, maybe gzipped).

    Lines that are not a single http(s) URL (blank, comments, relative paths, other schemes,
    prose, markup, over-long) are skipped; past ``max_urls`` the rest is ignored.
    """
    data = ungzip(data, limit)
    if len(data) > limit:
        raise DiscoveryError(f"text sitemap larger than {limit} bytes")
    entries: list[Entry] = []
    seen: set[str] = set()
    for raw in data.decode("utf-8", "replace").lstrip("\ufeff").splitlines():
        line = raw.strip()
        # "https://a/ b" is prose or a broken line, not one URL: skipped like any junk.
        if len(line) > MAX_URL_LENGTH or not _URL_LINE.fullmatch(line):
            continue
        url = canonicalize(line)
        if url and url not in seen:
            seen.add(url)
            entries.append(Entry(url))
            if len(entries) >= max_urls:
                break
    if not entries:
        raise DiscoveryError("no http(s) URL lines: not a text sitemap")
    return Listing("sitemap", entries=entries)


def _looks_like_url_list(body: bytes) -> bool:
    """Whether a body reads as a text sitemap: its first line with content is an http(s) URL."""
    head = body[:2048].removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace")
    for line in head.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return bool(_URL_LINE.match(line))
    return False


def _canonical_all(urls: object, base_url: str) -> list[str]:
    found: list[str] = []
    for url in urls:  # type: ignore[attr-defined]
        canonical = canonicalize(url, base_url) if url else None
        if canonical:
            found.append(canonical)
    return found


def _sitemap_entries(root: _Node, base_url: str) -> list[Entry]:
    entries = []
    for node in root.iter("url"):
        url = canonicalize(node.findtext("loc") or "", base_url)
        if not url:
            continue
        news = node.find("news")
        published = news.findtext("publication_date") if news else None
        title = news.findtext("title") if news else None
        entries.append(Entry(url, published or node.findtext("lastmod"), title))
    return entries


def _rss_entries(root: _Node, base_url: str) -> list[Entry]:
    entries = []
    for item in root.iter("item"):
        link = item.findtext("link") or _permalink_guid(item)
        url = canonicalize(link or "", base_url)
        if url:
            published = item.findtext("pubdate", "date", "published", "updated")
            entries.append(Entry(url, published, item.findtext("title")))
    return entries


def _permalink_guid(item: _Node) -> str | None:
    guid = item.find("guid")
    if guid is not None and guid.attrs.get("isPermaLink", "true").lower() == "true":
        return guid.text.strip() or None
    return None


def _atom_entries(root: _Node, base_url: str) -> list[Entry]:
    entries = []
    for item in root.iter("entry"):
        links = [c for c in item.children if c.tag == "link" and c.attrs.get("href")]
        chosen = next((c for c in links if c.attrs.get("rel", "alternate") == "alternate"), None)
        if chosen is None:
            continue
        url = canonicalize(chosen.attrs["href"], base_url)
        if url:
            published = item.findtext("published", "updated", "issued")
            entries.append(Entry(url, published, item.findtext("title")))
    return entries


def sniff_kind(content_type: str, body: bytes) -> str:
    """'xml' for feeds and sitemaps, 'html' for pages, 'text' for text sitemaps (one URL a
    line), judged by content, then content type; 'other' for what is none of these (a seed
    pointing at an image or a robots.txt)."""
    if body.startswith(GZIP_MAGIC):
        return "xml"
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(
        (b"<rss", b"<feed", b"<urlset", b"<sitemapindex")
    ):
        return "xml"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if _looks_like_url_list(body):
        return "text"
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime in XML_TYPES or mime.endswith("+xml") or "gzip" in mime:
        return "xml"
    if mime in SEED_HTML_TYPES or head.startswith(b"<"):
        return "html"
    return "other"  # an image, a PDF, plain text: nothing to discover from


def feed_links(html: str | bytes, base_url: str) -> list[str]:
    """Feeds a page announces with ``<link rel=alternate type=application/rss+xml ...>``."""
    tree = LexborHTMLParser(html)
    found = []
    for node in tree.css("link[rel][href]"):
        rels = (node.attributes.get("rel") or "").lower().split()
        kind = (node.attributes.get("type") or "").lower()
        if "alternate" in rels and kind in FEED_TYPES[:2]:
            url = canonicalize(node.attributes.get("href") or "", base_url)
            if url and url not in found:
                found.append(url)
    return found


def page_links(html: str | bytes, base_url: str, same_host_only: bool = True) -> list[str]:
    """Canonical ``<a href>`` targets of a page, in order, without duplicates."""
    tree = LexborHTMLParser(html)
    base = base_url
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = canonicalize(base_node.attributes.get("href") or "", base_url) or base_url
    home = host_of(base_url)
    seen: dict[str, None] = {}
    for node in tree.css("a[href]"):
        if "nofollow" in (node.attributes.get("rel") or "").lower():
            continue
        url = canonicalize(node.attributes.get("href") or "", base)
        if url and (not same_host_only or host_of(url) == home):
            seen.setdefault(url, None)
    return list(seen)


def looks_like_article(url: str, patterns: list[re.Pattern[str]] | None = None) -> bool:
    """Whether ``url`` is worth fetching as an article: the site's patterns, else heuristics."""
    if patterns:
        return any(p.search(url) for p in patterns)
    path = url.split("://", 1)[-1].partition("/")[2]
    path = "/" + path.split("?", 1)[0].lower()
    if path == "/" or any(p.search(path) for p in NON_ARTICLE_PATTERNS):
        return False
    return any(p.search(path) for p in ARTICLE_PATTERNS)


def looks_like_asset(url: str) -> bool:
    """Links to files and account pages: never worth a request while crawling for news."""
    path = "/" + url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0].lower()
    return any(p.search(path) for p in NON_ARTICLE_PATTERNS[1:])


def compile_patterns(raw: object) -> list[re.Pattern[str]]:
    """Site config ``article_urls`` (strings or compiled regexes) as compiled patterns."""
    if not raw:
        return []
    items = raw if isinstance(raw, list | tuple) else [raw]
    return [p if isinstance(p, re.Pattern) else re.compile(str(p)) for p in items]


# -- seeding a crawl: targets -> feeds, sitemaps, home pages -> frontier entries ----------


@dataclass
class Seed:
    """A place to start discovery: a home page, feed or sitemap, maybe of a configured site."""

    url: str
    site: str | None = None
    hosts: tuple[str, ...] = ()
    delay: float | None = None
    patterns: list[re.Pattern[str]] = field(default_factory=list)


def resolve_targets(targets: list[str], all_sites: bool = False) -> list[Seed]:
    """Seeds for crawl targets: site config names, or URLs (home pages, feeds, sitemaps)."""
    from scraper.sites import find_config, load_valid_configs

    wanted = all_sites or any("://" not in t for t in targets)
    configs = load_valid_configs() if wanted else []
    if all_sites and not configs:
        raise UsageError(f"--all: {_no_configs()}")
    by_name = {getattr(c, "name", "").lower(): c for c in configs}
    for config in configs:  # a config's host names it too: "apnews.com"
        for host in getattr(config, "hosts", ()) or ():
            by_name.setdefault(host.lower(), config)
    chosen = list(configs) if all_sites else []
    seeds: list[Seed] = []
    for target in targets:
        if "://" in target:
            url = canonicalize(target)
            problem = url_problem(target) or (None if url else "not an http(s) URL")
            if problem or url is None:
                raise UsageError(f"{target}: {problem}")
            seeds.append(_seed_for(url, find_config(url)))
        elif target.lower() in by_name:
            chosen.append(by_name[target.lower()])
        elif "/" in target or ":" in target:  # a URL mistyped, not a name or a domain
            raise UsageError(f"{target}: {url_problem(target) or 'not an http(s) URL'}")
        elif _DOMAIN.match(target):
            problem = host_problem(target)
            if problem:
                raise UsageError(f"{target}: {problem}")
            seeds.append(_seed_for(f"https://{target.lower()}/", find_config(f"https://{target}/")))
        else:
            raise UsageError(
                f"unknown target {target!r}: give a URL (https://...), a domain or a site config name "
                f"({_known(configs)})"
            )
    for config in chosen:
        found = _config_seeds(config)
        if not found and not all_sites:
            where = getattr(config, "path", None) or getattr(config, "name", "?")
            raise UsageError(f"{where}: no feeds, sitemaps or hosts to start a crawl from")
        seeds.extend(found)
    if not seeds:
        where = "--all" if all_sites else "nothing to crawl"
        raise UsageError(f"{where}: no site config has feeds, sitemaps or hosts to start from")
    return seeds


def _known(configs: list[SiteConfig], shown: int = 10) -> str:
    """A few config names for an error message, and where to see them all."""
    names = sorted(c.name for c in configs)
    if not names:
        return _no_configs()
    more = f", and {len(names) - shown} more" if len(names) > shown else ""
    return f"known: {', '.join(names[:shown])}{more}; see scraper sites list"


def _no_configs() -> str:
    """Why no site config is known: a missing folder (a mistyped $SCRAPER_SELECTORS) or
    one without valid configs."""
    from scraper.sites import default_directory

    folder = default_directory()
    origin = " (from SCRAPER_SELECTORS)" if os.environ.get("SCRAPER_SELECTORS") else ""
    if not folder.is_dir():
        return f"no config folder at {folder}{origin}"
    return f"no valid site configs in {folder}{origin}: see scraper sites check"


def _seed_for(url: str, config: object | None) -> Seed:
    if config is None:
        return Seed(url, hosts=(host_of(url),))
    return Seed(
        url,
        site=getattr(config, "name", None),
        hosts=(host_of(url),),
        delay=getattr(config, "delay", None),
        patterns=compile_patterns(list(getattr(config, "article_urls", ()) or ())),
    )


def _config_seeds(config: object) -> list[Seed]:
    hosts = [h for h in getattr(config, "hosts", ()) or () if not h.startswith("*.")]
    urls = list(getattr(config, "feeds", ()) or ()) + list(getattr(config, "sitemaps", ()) or ())
    if not urls and hosts:
        urls = [f"https://{hosts[0]}/"]
    seeds = []
    for raw in urls:
        url = canonicalize(raw)
        if url:
            seed = _seed_for(url, config)
            seed.hosts = tuple({host_of(url), *hosts})
            seeds.append(seed)
    return seeds


class Frontier(Protocol):
    def add(
        self,
        urls: Iterable[str | tuple[str, str | None]],
        source: str,
        *,
        depth: int = 0,
        site: str | None = None,
        priority: int = 0,
    ) -> int: ...


class Stats(Protocol):
    discovered: int
    deferred: int

    def error(self, url: str, message: str) -> None: ...


class Seeder:
    """Fetch seeds (and robots.txt Sitemap: lines) and put the article URLs found in the frontier."""

    def __init__(
        self,
        fetcher: Fetcher,
        frontier: Frontier,
        stats: Stats,
        since: str | None = None,
        follow_hubs: bool = True,
    ) -> None:
        self.follow_hubs = follow_hubs
        self.fetcher = fetcher
        self.frontier = frontier
        self.stats = stats
        self.since = since
        self._seen: set[str] = set()
        self._robots_done: set[str] = set()
        #: Hosts of every URL queued here (a feed may list another host, a home page may
        #: redirect to www.): the crawl's targets cover them.
        self.hosts_found: set[str] = set()

    async def discover(self, seed: Seed) -> None:
        """Everything reachable from ``seed``: its host's robots sitemaps, then the seed."""
        host = host_of(seed.url)
        if host not in self._robots_done:
            self._robots_done.add(host)
            text = await self.fetcher.robots_txt(seed.url)
            for sitemap in robots_sitemaps(text, seed.url):
                await self._visit(Seed(sitemap, seed.site, seed.hosts, seed.delay, seed.patterns))
        await self._visit(seed)

    async def _visit(self, seed: Seed, level: int = 0) -> None:
        if seed.url in self._seen or level > MAX_SITEMAP_LEVELS:
            return
        self._seen.add(seed.url)
        result = await self.fetcher.fetch(seed.url, accept=None)
        if result.kind == "deferred":  # the host asked us to wait: not a failure
            self.stats.deferred += 1
            return
        if result.page is None or result.error:
            self.stats.error(seed.url, result.error or result.kind)
            return
        page = result.page
        try:
            body = ungzip(page.body)  # a gzipped file may hold XML or a text sitemap
        except DiscoveryError as err:
            self.stats.error(seed.url, str(err))
            return
        kind = sniff_kind(page.content_type, body)
        shown = page.content_type.split(";", 1)[0].strip() or "none"
        binary = binary_kind(body) if kind != "other" else None
        if kind == "other" or binary is not None:
            why = f"binary content ({binary}), " if binary else ""
            problem = f"not a home page, feed or sitemap ({why}content type {shown})"
            self.stats.error(seed.url, problem)
            return
        if kind == "html":
            await self._home_page(seed, body, page.url, level)
            return
        try:
            listing = parse_text_sitemap(body) if kind == "text" else parse_listing(body, page.url)
        except DiscoveryError as err:
            self.stats.error(seed.url, str(err))
            return
        for child in listing.sitemaps[:MAX_CHILD_SITEMAPS]:
            await self._visit(
                Seed(child, seed.site, seed.hosts, seed.delay, seed.patterns), level + 1
            )
        source = "sitemap" if listing.kind == "sitemap" else "feed"
        self._add(listing.entries, source, seed)

    async def _home_page(self, seed: Seed, body: bytes, url: str, level: int) -> None:
        for feed in feed_links(body, url):
            await self._visit(
                Seed(feed, seed.site, seed.hosts, seed.delay, seed.patterns), level + 1
            )
        links = page_links(body, url)
        articles = [u for u in links if looks_like_article(u, seed.patterns)]
        self._add([Entry(u) for u in articles], "seed", seed, depth=1)
        if self.follow_hubs:
            chosen = set(articles)
            hubs = [u for u in links if u not in chosen and not looks_like_asset(u)]
            self.hosts_found.update(host_of(u) for u in hubs)
            self.stats.discovered += self.frontier.add(hubs, "link", depth=1, site=seed.site)

    def _add(self, entries: list[Entry], source: str, seed: Seed, depth: int = 0) -> None:
        kept = [
            (e.url, e.published)
            for e in entries
            if not (self.since and e.published and _day(e.published) < self.since)
        ]
        self.hosts_found.update(host_of(url) for url, _ in kept)
        self.stats.discovered += self.frontier.add(
            kept, source, depth=depth, site=seed.site, priority=2
        )


def robots_sitemaps(robots_txt: str, url: str) -> list[str]:
    """Canonical sitemap URLs named by ``Sitemap:`` lines of a robots.txt."""
    found = []
    for line in robots_txt.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            canonical = canonicalize(value.strip(), url)
            if canonical and canonical not in found:
                found.append(canonical)
    return found


def _day(value: str) -> str:
    """A feed/sitemap date as YYYY-MM-DD when it is ISO; RFC 822 dates are converted."""
    value = value.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return "9999-12-31"  # unknown format: keep the entry
