"""Apply a per-site config (selectors/*.toml) to a page, falling back to generic per field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from scraper.extract.generic import extract_generic
from scraper.models import Article

if TYPE_CHECKING:
    from scraper.sites import SiteConfig


def extract_with_config(text: str, url: str | None, config: SiteConfig) -> Article:
    """Extract with ``config`` (placeholder: generic)."""
    return extract_generic(text, url)
