"""Feeds and sitemaps read into entries: RSS, Atom, XML sitemaps and sitemap indexes (Google
News included), plain-text sitemaps of one URL a line, gzipped or not.

XML is parsed with expat under strict rules: any DOCTYPE or ENTITY declaration is refused (no
entity expansion, no external DTD), and input is capped in size before and after gunzip. Text
sitemaps keep only lines that are whole http(s) URLs, at most 50,000 of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.parsers import expat

from scraper.errors import ScraperError
from scraper.gzipped import GZIP_MAGIC, GzipError, inflate
from scraper.urls import canonicalize

MAX_XML_BYTES = 50_000_000  # the sitemap protocol's own limit (uncompressed)
MAX_SITEMAP_URLS = 50_000  # the sitemap protocol's limit per file
MAX_URL_LENGTH = 2048  # the sitemap protocol's limit per URL; longer lines are junk
#: A text sitemap line worth reading: one absolute http(s) URL, no spaces inside.
_URL_LINE = re.compile(r"https?://\S+", re.IGNORECASE)


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
    try:
        return inflate(data, limit)
    except GzipError as err:
        raise DiscoveryError(str(err)) from None


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


def looks_like_url_list(body: bytes) -> bool:
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
