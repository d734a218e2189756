"""The Typer application object and the error-to-exit-code boundary shared by all commands."""

from __future__ import annotations

import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from scraper import __version__
from scraper.errors import EXIT_INTERRUPTED, EXIT_PIPE_CLOSED, EXIT_USAGE, ScraperError


class _ErrorBoundary(TyperGroup):
    """Turn a ScraperError anywhere below into one line on stderr and its exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ScraperError as err:
            typer.echo(f"error: {err}", err=True)
            raise typer.Exit(err.exit_code) from None
        except BrokenPipeError:
            # `scraper export | head`: the reader has all it wants; that is not an error.
            _silence_stdout()
            raise typer.Exit(EXIT_PIPE_CLOSED) from None
        except KeyboardInterrupt:
            # Commands that can say more (crawl, fetch) catch Ctrl-C themselves. Everything
            # else writes one page or record per transaction, so what is stored stays whole.
            typer.echo("interrupted by Ctrl-C: everything finished before it is kept", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except OSError as err:
            # A missing file or unreadable path given by the user: say so, no traceback.
            typer.echo(f"error: {err.strerror or err}: {err.filename or ''}".rstrip(": "), err=True)
            raise typer.Exit(EXIT_USAGE) from None


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the flush at exit does not raise BrokenPipeError again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # not a real file descriptor (a test runner's buffer): nothing to flush


app = typer.Typer(
    cls=_ErrorBoundary,
    help=(
        "Crawl news sites politely, extract clean article records and keep them in one SQLite "
        "archive.\n\nExample: scraper crawl https://example.com/ --max-pages 50"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"scraper {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version and exit."
    ),
) -> None:
    """Crawl news sites politely, extract clean article records, archive them in SQLite."""


def main() -> None:
    """Console-script entry point."""
    _utf8_stdout()
    app(prog_name="scraper")


def _utf8_stdout() -> None:
    """Records are UTF-8 (JSON requires it) whatever the locale; a Latin-1 or ASCII locale
    (cron, old servers, Windows consoles) must not turn the first "é" into a traceback."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if encoding not in ("utf8", "") and reconfigure is not None:
        reconfigure(encoding="utf-8")
