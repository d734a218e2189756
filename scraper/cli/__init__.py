"""The ``scraper`` command line: parses arguments and calls library functions, nothing else.

Each command group lives in its own module and registers itself on ``app``.
"""

from __future__ import annotations

from scraper.cli import archive_cmd, crawl_cmd, extract_cmd, sites_cmd  # noqa: F401  (registration)
from scraper.cli.app import app, main

__all__ = ["app", "main"]
