"""Extraction: a pure function from page bytes (+ URL, + optional site config) to an Article."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from scraper import __version__
from scraper.extract.decode import decode_html
from scraper.extract.generic import extract_generic
from scraper.extract.quotes import find_quotes
from scraper.models import STATUS_EMPTY, Article

if TYPE_CHECKING:
    from scraper.sites import SiteConfig

__all__ = ["extract"]

# The page's own address, read from the head without parsing: <link rel=canonical> or og:url.
# Attribute order varies, so each tag is found first and its attributes read separately.
_HEAD_TAG = re.compile(r"<(?:link|meta)\b[^>]*>", re.I)
_CANONICAL = re.compile(r"""\brel\s*=\s*["']?canonical\b|\bproperty\s*=\s*["']?og:url\b""", re.I)
_HREF = re.compile(r"""\b(?:href|content)\s*=\s*["']?(https?://[^"'\s>]+)""", re.I)
_HEAD_LIMIT = 200_000


def declared_url(text: str) -> str | None:
    """The canonical URL the page declares about itself, if any (first one wins)."""
    head = text[:_HEAD_LIMIT]
    end = _head_end(head)
    for tag in _HEAD_TAG.finditer(head if end < 0 else head[:end]):
        if _CANONICAL.search(tag.group(0)):
            href = _HREF.search(tag.group(0))
            if href:
                return href.group(1)
    return None


def _head_end(head: str) -> int:
    """``head.lower().find("</head>")`` without lower-casing the whole head (200 KB at most,
    on every page without a config): each ``</`` is looked at, and only its next five
    characters are lower-cased."""
    index = head.find("</")
    while index >= 0:
        if head[index + 2 : index + 7].lower() == "head>":
            # Lower-casing may lengthen a few characters ("İ"): the index is the lowered one.
            return index if head[:index].isascii() else len(head[:index].lower())
        index = head.find("</", index + 2)
    return -1


def _config_for(text: str, url: str | None) -> SiteConfig | None:
    """The site config for ``url``; else for the page's declared canonical URL.

    The second lookup is what makes a config apply to a page served from a mirror, an archive
    or the loopback demo, and to saved files imported without their address.
    """
    from scraper.sites import find_config

    config = find_config(url) if url else None
    if config is None:
        canonical = declared_url(text)
        if canonical and canonical != url:
            config = find_config(canonical)
    return config


def _extract_text(text: str, url: str | None, config: SiteConfig | None) -> Article:
    if config is not None:
        from scraper.extract.configured import extract_with_config

        return extract_with_config(text, url, config)
    return extract_generic(text, url)


def extract(
    html: bytes | str,
    url: str | None = None,
    config: SiteConfig | None = None,
    *,
    charset: str | None = None,
) -> Article:
    """Extract a clean article record from ``html``.

    The site config is looked up from ``url`` (or, failing that, from the canonical URL the
    page declares) unless ``config`` is given; without one the generic extractor runs. ``charset`` is the HTTP-declared charset, if any. Never does I/O
    beyond reading the (cached) site configs, and never raises on malformed input.
    """
    text = decode_html(html, charset)
    if not url:
        # A saved page without its address: its own canonical URL is the best base for
        # making image and link URLs absolute.
        url = declared_url(text)
    if config is None:
        config = _config_for(text, url)
    try:
        article = _extract_text(text, url, config)
    except RecursionError:
        # Pathological nesting (thousands of levels) exceeds Python's stack in tree walks:
        # say so in the record instead of crashing a crawl or an import.
        article = Article(url=url, status=STATUS_EMPTY, extractor={"error": "nesting too deep"})
    try:
        article.quotes = find_quotes(article.body, article.language)
    except Exception as err:  # a fault in quote finding must not cost the article: say so
        article.extractor["quotes_error"] = f"{type(err).__name__}: {err}"
    article.extractor.setdefault("version", __version__)
    return article
