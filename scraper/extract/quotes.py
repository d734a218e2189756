"""Direct quotations and their speakers, found in cleaned body paragraphs."""

from __future__ import annotations

from scraper.models import Quote


def find_quotes(paragraphs: list[str], language: str | None = None) -> list[Quote]:
    """Return the direct quotations in ``paragraphs`` (placeholder)."""
    return []
