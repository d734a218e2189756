"""The CLI boundary turns ScraperError into one line on stderr and the class's exit code."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from scraper.cli.app import _ErrorBoundary
from scraper.errors import (
    EXIT_LOCKED,
    EXIT_PARTIAL,
    EXIT_USAGE,
    ArchiveLockedError,
    ConfigError,
    FetchError,
)


def _app_raising(error: Exception) -> typer.Typer:
    app = typer.Typer(cls=_ErrorBoundary)

    @app.command()
    def boom() -> None:
        raise error

    @app.command()
    def other() -> None:
        """Second command so Typer keeps the group."""

    return app


def _run(error: Exception) -> tuple[int, str]:
    result = CliRunner().invoke(_app_raising(error), ["boom"])
    return result.exit_code, result.output


def test_config_error_names_file_key_problem_and_exits_2() -> None:
    code, output = _run(ConfigError("selectors/x.toml", "fields.body", "expected a list"))
    assert code == EXIT_USAGE
    assert "error: selectors/x.toml: fields.body: expected a list" in output
    assert "Traceback" not in output


def test_fetch_error_is_partial_failure() -> None:
    code, output = _run(FetchError("https://a.example/: 503 after 3 tries"))
    assert code == EXIT_PARTIAL
    assert output.strip() == "error: https://a.example/: 503 after 3 tries"


def test_locked_archive_has_its_own_exit_code() -> None:
    code, _ = _run(ArchiveLockedError("archive.db is being crawled by pid 42"))
    assert code == EXIT_LOCKED


def test_missing_file_is_a_usage_error() -> None:
    code, output = _run(FileNotFoundError(2, "No such file or directory", "nope.html"))
    assert code == EXIT_USAGE
    assert "nope.html" in output
