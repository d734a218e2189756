"""News scraper and archiver: polite crawling, clean article records, one SQLite archive.

Public API: ``extract`` (pure extraction) and the record types.
"""

from __future__ import annotations

__version__ = "0.1.0"

from scraper.errors import ScraperError
from scraper.extract import extract
from scraper.models import Article, Image, Quote

__all__ = ["Article", "Image", "Quote", "ScraperError", "__version__", "extract"]
