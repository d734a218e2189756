"""Extraction: a pure function from page bytes (+ URL, + optional site config) to an Article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scraper import __version__
from scraper.extract.decode import decode_html
from scraper.extract.generic import extract_generic
from scraper.extract.quotes import find_quotes
from scraper.models import Article

if TYPE_CHECKING:
    from scraper.sites import SiteConfig

__all__ = ["extract"]


def extract(
    html: bytes | str,
    url: str | None = None,
    config: SiteConfig | None = None,
    *,
    charset: str | None = None,
) -> Article:
    """Extract a clean article record from ``html``.

    The site config is looked up from ``url`` unless ``config`` is given; without one the
    generic extractor runs. ``charset`` is the HTTP-declared charset, if any. Never does I/O
    beyond reading the (cached) site configs, and never raises on malformed input.
    """
    text = decode_html(html, charset)
    if config is None and url:
        from scraper.sites import find_config

        config = find_config(url)
    if config is not None:
        from scraper.extract.configured import extract_with_config

        article = extract_with_config(text, url, config)
    else:
        article = extract_generic(text, url)
    article.quotes = find_quotes(article.body, article.language)
    article.extractor.setdefault("version", __version__)
    return article
