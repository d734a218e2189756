"""CLI commands under ``scraper sites``: list, check and test site configs."""

from __future__ import annotations

import typer

from scraper.cli.app import app

sites_app = typer.Typer(
    help="Site configs (selectors/*.toml): list, validate, test.\n\nExample: scraper sites check",
    no_args_is_help=True,
)
app.add_typer(sites_app, name="sites")
