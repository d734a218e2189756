"""The ``scraper extract`` command: saved HTML files (or stdin) to article records, offline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from scraper.cli.app import app
from scraper.cli.output import print_json
from scraper.errors import UsageError
from scraper.extract import extract

PathsArgument = Annotated[
    list[str],
    typer.Argument(
        help="HTML files to extract; '-' reads one page from stdin.", show_default=False
    ),
]
UrlOption = Annotated[
    str | None,
    typer.Option("--url", help="The page's URL: resolves links and selects the site config."),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", help="A site config (TOML) to use instead of looking one up."),
]
PrettyOption = Annotated[
    bool, typer.Option("--pretty", help="Indented JSON instead of JSON Lines.")
]


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if not file.is_file():
        raise UsageError(f"no such file: {path}")
    return file.read_bytes()


@app.command("extract")
def extract_command(
    paths: PathsArgument,
    url: UrlOption = None,
    config: ConfigOption = None,
    pretty: PrettyOption = False,
) -> None:
    """Extract clean article records from saved HTML pages and print them as JSON Lines.

    Without --url the generic extractor runs; with it the matching site config (if any) is
    used. Nothing is fetched.

    Example: scraper extract page.html --url https://example.com/2025/12/24/story/ --pretty
    """
    site_config = None
    if config is not None:
        if not config.is_file():
            raise UsageError(f"no such config file: {config}")
        from scraper.sites import load_config

        site_config = load_config(config)
    pages = [(path, _read(path)) for path in paths]
    for _path, html in pages:
        article = extract(html, url=url, config=site_config)
        if pretty:
            sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            print_json(article.to_dict())
