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


def _error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.strip()]


def test_impossible_url_is_a_one_line_usage_error() -> None:
    for url, reason in [
        ("https://256.1.1.1/story", "a part is over 255"),
        ("example.com/story", "did you mean https://"),
        ("ftp://example.com/story", "not an http(s) URL"),
        ("https://example.com:0/story", "invalid port 0"),
    ]:
        result = runner.invoke(app, ["extract", str(SEED), "--url", url])
        assert result.exit_code == 2, (url, result.output)
        lines = _error_lines(result.output)
        assert len(lines) == 1 and url in lines[0] and reason in lines[0], (url, lines)
        assert "Traceback" not in result.output
        assert result.stdout == ""  # refused before any record


def test_file_url_of_an_imported_page_is_accepted() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--url", SEED.as_uri()])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["url"] == SEED.as_uri()


def test_binary_files_are_named_by_the_shared_sniffer(tmp_path: Path) -> None:
    cases = {
        "doc.html": (b"%PDF-1.7\n" + bytes(range(256)), "PDF document"),
        "pic.html": (b"RIFF\x00\x10\x00\x00WEBPVP8 " + bytes(200), "WebP image"),
        "tool.html": (b"\x7fELF\x02\x01\x01" + bytes(300), "a program"),
    }
    for name, (content, _) in cases.items():
        (tmp_path / name).write_bytes(content)
    result = runner.invoke(app, ["extract", *(str(tmp_path / name) for name in cases)])
    assert result.exit_code == 1
    assert result.stdout == ""
    for name, (_, kind) in cases.items():
        assert f"failed: {tmp_path / name}: " in result.stderr
        line = next(ln for ln in result.stderr.splitlines() if name in ln)
        assert kind in line and "not an HTML page" in line, line


def test_a_page_with_a_stray_nul_byte_is_still_a_page(tmp_path: Path) -> None:
    page = tmp_path / "nul.html"
    page.write_bytes(SEED.read_bytes().replace(b"</head>", b"\x00</head>", 1))
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["headline"].startswith("“The Beginning of a New Life”")
