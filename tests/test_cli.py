"""Every command has a --help with a one-line purpose and an example."""

from __future__ import annotations

from typing import Any

import typer
from typer.testing import CliRunner

from scraper.cli import app

runner = CliRunner()


def _command_paths() -> list[list[str]]:
    root = typer.main.get_command(app)
    paths: list[list[str]] = []

    def walk(cmd: Any, prefix: list[str]) -> None:
        if hasattr(cmd, "commands"):
            for name, sub in cmd.commands.items():
                walk(sub, [*prefix, name])
        paths.append(prefix)

    walk(root, [])
    return paths


def test_every_command_has_help_with_example() -> None:
    for path in _command_paths():
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Example" in result.output, f"{' '.join(path) or 'scraper'} --help has no example"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert "scraper" in result.output
