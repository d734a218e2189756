"""Discovery: article URLs from crawl targets (site configs, home pages, feeds, sitemaps),
robots.txt Sitemap lines and page links, queued in the frontier. Feeds and sitemaps are parsed
by ``scraper.listings``."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Protocol

from selectolax.lexbor import LexborHTMLParser

from scraper.errors import UsageError
from scraper.gzipped import GZIP_MAGIC
from scraper.listings import DiscoveryError, Entry, looks_like_url_list, ungzip
from scraper.listings import parse_listing as parse_listing  # re-exported, as before the split
from scraper.listings import parse_text_sitemap as parse_text_sitemap
from scraper.listings import parse_xml as parse_xml
from scraper.sniff import binary_kind
from scraper.urls import canonicalize, host_of, host_problem, url_problem

if TYPE_CHECKING:
    from scraper.fetch import Fetcher
    from scraper.sites import SiteConfig

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")
#: Content types read as HTML pages even when the body does not open with a tag.
SEED_HTML_TYPES = ("", "text/html", "application/xhtml+xml")
XML_TYPES = ("application/xml", "text/xml", "application/rss+xml", "application/atom+xml")
MAX_SITEMAP_LEVELS = 3  # sitemap index -> index -> sitemap is as deep as real sites go
MAX_CHILD_SITEMAPS = 500
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
    if looks_like_url_list(body):
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
