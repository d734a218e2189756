"""The ``scraper extract`` command: files and stdin to JSON Lines, errors as exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from scraper.cli import app

runner = CliRunner()
SEED = (
    Path(__file__).resolve().parent.parent
    / "fixtures"
    / "seed"
    / "north-korean-pows-seek-defection.html"
)
URL = "https://kyivledger.example/2025/12/24/north-korean-pows-seek-defection/"


def test_extract_file_prints_json_lines(tmp_path: Path) -> None:
    other = tmp_path / "other.html"
    other.write_text("<html><body><p>Short.</p></body></html>", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(SEED), str(other), "--url", URL])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    assert lines[0]["site"] == "Kyiv Ledger"
    assert lines[0]["published"].startswith("2025-12-24")
    assert "Your support keeps our team" not in lines[0]["text"]


def test_extract_stdin_pretty() -> None:
    result = runner.invoke(app, ["extract", "-", "--pretty"], input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["headline"].startswith("“The Beginning of a New Life”")
    assert "\n  " in result.stdout


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.html")])
    assert result.exit_code == 2
    assert "error:" in result.output and "nope.html" in result.output


def test_missing_config_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--config", str(tmp_path / "none.toml")])
    assert result.exit_code == 2
    assert "none.toml" in result.output


def test_oversized_file_fails_alone_and_the_others_are_printed(tmp_path: Path) -> None:
    huge = tmp_path / "huge.html"
    huge.write_bytes(b"<p>" + b"x" * (21 * 1024 * 1024))
    result = runner.invoke(app, ["extract", str(huge), str(SEED)])
    assert result.exit_code == 1
    assert "failed:" in result.stderr and "huge.html" in result.stderr
    assert len(result.stdout.splitlines()) == 1
    assert json.loads(result.stdout)["headline"].startswith("“The Beginning")
