"""Generic extraction (no site config): metadata, body by content scoring, images, status."""

from __future__ import annotations

from scraper.models import Article


def extract_generic(text: str, url: str | None) -> Article:
    """Extract an article from decoded HTML with no site config (placeholder)."""
    return Article(url=url)
