"""CLI commands (archive); registered on the shared app."""

from __future__ import annotations

from scraper.cli.app import app  # noqa: F401
