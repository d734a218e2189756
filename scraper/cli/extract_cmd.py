"""The ``scraper extract`` command: saved HTML files (or stdin) to article records, offline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from scraper.cli.app import app
from scraper.cli.options import QuietOption
from scraper.cli.output import Advance, print_json, progress, summary
from scraper.errors import EXIT_PARTIAL, UsageError
from scraper.extract import extract
from scraper.saved import page_bytes, read_limit
from scraper.sites import SiteConfig, load_config
from scraper.urls import url_problem

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


def _check_path(path: str) -> None:
    """Refuse a bad argument before any output, so a typo never yields half a result."""
    if path == "-":
        return
    file = Path(path)
    if file.is_dir():
        raise UsageError(
            f"{path} is a directory: extract takes files (scraper import takes folders)"
        )
    if not file.exists():  # a pipe such as <(curl ...) is no regular file, yet a page
        raise UsageError(f"no such file: {path}")


def _check_url(url: str | None) -> None:
    """An http(s) URL that could be fetched, or a ``file://`` one (as ``import`` gives pages
    without an address of their own)."""
    if url is None or (url.startswith("file://") and len(url) > len("file://")):
        return
    problem = url_problem(url)
    if problem is not None:
        raise UsageError(f"--url {url!r}: {problem}")


def _read(path: str) -> bytes:
    """The page's bytes, gunzipped when compressed; ValueError says why a file is no page."""
    if path == "-":
        return page_bytes(sys.stdin.buffer.read(read_limit()))
    with open(path, "rb") as file:
        return page_bytes(file.read(read_limit()))


@app.command("extract")
def extract_command(
    paths: PathsArgument,
    url: UrlOption = None,
    config: ConfigOption = None,
    pretty: PrettyOption = False,
    quiet: QuietOption = False,
) -> None:
    """Extract clean article records from saved HTML pages and print them as JSON Lines.

    Without --url the generic extractor runs; with it the matching site config (if any) is
    used. Nothing is fetched. Files may be gzipped; binary files and files over 20 MB are
    refused by name (exit 1) while the others are still printed.

    Example: scraper extract page.html --url https://example.com/2025/12/24/story/ --pretty
    """
    _check_url(url)
    if paths.count("-") > 1:
        raise UsageError("'-' (stdin) can be given once: it holds one page")
    for path in paths:
        _check_path(path)
    site_config = None
    if config is not None:
        if config.is_dir():
            raise UsageError(f"--config {config} is a folder; give one .toml file")
        if not config.is_file():
            raise UsageError(f"no such config file: {config}")
        site_config = load_config(config)
    # No bar over records printed to the same terminal, nor for a single page.
    no_bar = quiet or len(paths) < 2 or sys.stdout.isatty()
    with progress("extract", len(paths), no_bar) as step:
        statuses, failed = _extract_each(paths, url, site_config, pretty, step)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
    summary(
        f"extracted {len(paths) - failed} of {len(paths)} pages"
        + (f": {counts}" if counts else "")
        + (f"; {failed} failed" if failed else ""),
        quiet,
    )
    if failed:
        raise typer.Exit(EXIT_PARTIAL)


def _extract_each(
    paths: list[str], url: str | None, config: SiteConfig | None, pretty: bool, step: Advance
) -> tuple[dict[str, int], int]:
    """Print each page's record; return the records per status and the number that failed."""
    failed = 0
    statuses: dict[str, int] = {}
    for path in paths:
        step()
        try:
            html = _read(path)
        except (OSError, ValueError) as err:
            # Failures are never quiet: without this line a missing record goes unnoticed.
            reason = err.strerror if isinstance(err, OSError) and err.strerror else err
            summary(f"failed: {path}: {reason}")
            failed += 1
            continue
        article = extract(html, url=url, config=config)
        statuses[article.status] = statuses.get(article.status, 0) + 1
        if pretty:
            sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False, indent=2) + "\n")
        else:
            print_json(article.to_dict())
    return statuses, failed
