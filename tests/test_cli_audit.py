"""Regressions from a user's audit of the CLI with bad input: each test is one case that gave a
traceback, a misleading message, a wrong exit code or lost data before it was fixed."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import scraper.cli.archive_cmd
from scraper.archive.importer import read_page
from scraper.cli import app
from scraper.errors import EXIT_INTERRUPTED, EXIT_PIPE_CLOSED
from scraper.loopback import LoopbackServer

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "north-korean-pows-seek-defection.html"
STORY = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>The river rose two metres overnight and flooded the lower town, the mayor said "
    "on Tuesday, and the schools stayed closed.</p></article></body></html>"
)


def invoke(*args: str) -> Result:
    return runner.invoke(app, list(args))


def no_traceback(result: Result) -> bool:
    return result.exception is None or isinstance(result.exception, SystemExit)


def stderr_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.strip()]


def count_articles(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


@pytest.fixture
def archive_db(tmp_path: Path) -> Path:
    """A real archive holding two imported pages."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for n in (1, 2):
        (pages / f"story{n}.html").write_text(STORY.format(title=f"Flood {n}"), encoding="utf-8")
    db = tmp_path / "archive.db"
    result = invoke("import", str(pages), "--db", str(db), "-q")
    assert result.exit_code == 0, result.output
    return db


# -- extract: compressed, binary and oversized input ------------------------------------------


def test_extract_reads_a_gzipped_page_like_import_does(tmp_path: Path) -> None:
    page = tmp_path / "story.html.gz"
    page.write_bytes(gzip.compress(SEED.read_bytes()))
    result = invoke("extract", str(page))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["headline"].startswith("“The Beginning of a New Life”")


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "PNG image"),
        (b"\x7fELF\x02\x01\x01" + bytes(300), "a program"),
        (b"SQLite format 3\x00" + bytes(200), "SQLite database"),
        (b"<html>" + bytes(range(256)) * 4, "binary data"),
    ],
)
def test_extract_refuses_a_binary_file_by_name_and_prints_the_others(
    tmp_path: Path, content: bytes, kind: str
) -> None:
    binary = tmp_path / "picture.html"
    binary.write_bytes(content)
    result = invoke("extract", str(binary), str(SEED))
    assert result.exit_code == 1 and no_traceback(result), result.output
    lines = stderr_lines(result)
    assert lines[0].startswith(f"failed: {binary}: ") and kind in lines[0], lines
    assert lines[1:] == ["extracted 1 of 2 pages: 1 ok; 1 failed"]
    assert len(result.stdout.splitlines()) == 1  # the seed page's record, nothing for the binary


def test_extract_refuses_a_binary_stdin() -> None:
    result = runner.invoke(app, ["extract", "-"], input=b"\x00\x01\x02" * 100)
    assert result.exit_code == 1 and no_traceback(result)
    assert "failed: -: binary data" in result.stderr


def test_extract_keeps_a_utf16_page(tmp_path: Path) -> None:
    page = tmp_path / "utf16.html"
    page.write_bytes(STORY.format(title="Flood in UTF-16").encode("utf-16"))
    result = invoke("extract", str(page))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["headline"] == "Flood in UTF-16"


def test_extract_stops_a_gzip_bomb_at_the_size_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b" " * (25 * 1024 * 1024), 9))
    assert bomb.stat().st_size < 1024 * 1024
    result = invoke("extract", str(bomb))
    assert result.exit_code == 1 and no_traceback(result)
    assert "larger than 20 MB" in result.stderr


def test_extract_says_a_gzip_file_is_cut_short(tmp_path: Path) -> None:
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(gzip.compress(SEED.read_bytes())[:2000])
    result = invoke("extract", str(cut))
    assert result.exit_code == 1 and no_traceback(result)
    assert "cut short" in result.stderr and "cut.html.gz" in result.stderr


# -- sites: wrong folder, broken config asked for by name -------------------------------------


@pytest.mark.parametrize("command", ["check", "list", "test"])
def test_sites_commands_refuse_a_folder_without_configs(tmp_path: Path, command: str) -> None:
    result = invoke("sites", command, "--dir", str(tmp_path))
    assert result.exit_code == 2 and no_traceback(result), result.output
    assert stderr_lines(result) == [f"error: no site configs (*.toml) in {tmp_path}"]


def _broken_configs(folder: Path) -> None:
    (folder / "broken.toml").write_text('[site\nname = "Broken"\n', encoding="utf-8")
    (folder / "other.toml").write_text('[site]\nname = "Other"\n', encoding="utf-8")


def test_sites_test_names_the_broken_config_that_was_asked_for(tmp_path: Path) -> None:
    _broken_configs(tmp_path)
    result = invoke("sites", "test", "broken", "--dir", str(tmp_path))
    assert result.exit_code == 2 and no_traceback(result)
    errors = [line for line in stderr_lines(result) if line.startswith("error:")]
    assert len(errors) == 1 and "broken.toml" in errors[0] and "invalid TOML" in errors[0]


def test_sites_test_unknown_name_among_broken_configs_is_one_line(tmp_path: Path) -> None:
    _broken_configs(tmp_path)
    result = invoke("sites", "test", "nosuch", "--dir", str(tmp_path))
    assert result.exit_code == 2 and no_traceback(result)
    lines = stderr_lines(result)
    assert len(lines) == 1 and "'nosuch'" in lines[0] and "2 configs" in lines[0], lines


# -- demo, crawl, export -----------------------------------------------------------------------


def test_demo_port_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = invoke("demo", "--port", "70000", "--db", str(db))
    assert result.exit_code == 2 and no_traceback(result), repr(result.exception)
    assert stderr_lines(result) == ["error: --port 70000: a port is a number from 0 to 65535"]
    assert not db.exists()


def test_crawl_skips_sitemap_urls_whose_host_cannot_be_requested(
    server: LoopbackServer, tmp_path: Path
) -> None:
    server.add_route("/robots.txt", "", "text/plain")
    server.add_route("/story", STORY.format(title="Flood"))
    server.add_route(
        "/sitemap.xml",
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        "<url><loc>http://256.1.1.1/story</loc></url>"
        "<url><loc>http://\u2603.example/story</loc></url>"
        f"<url><loc>{server.url('/story')}</loc></url></urlset>",
        "application/xml",
    )
    db = tmp_path / "archive.db"
    results = [
        invoke("crawl", server.url("/sitemap.xml"), "--db", str(db), "--delay", "0")
        for _run in range(2)  # the bad URLs once crashed every later run on the archive too
    ]
    for result in results:
        assert no_traceback(result), repr(result.exception)
        assert result.exit_code == 0, result.output
    assert "skipped: http://256.1.1.1/story: invalid URL" in results[0].stderr
    with closing(sqlite3.connect(db)) as conn:
        states = dict(conn.execute("SELECT url, state FROM frontier").fetchall())
    assert states["http://256.1.1.1/story"] == "skipped"
    assert states[server.url("/story")] == "done"


def test_export_refuses_to_write_over_the_archive(archive_db: Path) -> None:
    before = archive_db.read_bytes()
    result = invoke("export", "--db", str(archive_db), "-o", str(archive_db))
    assert result.exit_code == 2 and no_traceback(result)
    assert "is the archive itself" in result.stderr
    assert archive_db.read_bytes() == before and count_articles(archive_db) == 2


# -- Ctrl-C and closed pipes -------------------------------------------------------------------


def test_ctrl_c_during_import_keeps_what_was_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = tmp_path / "more"
    pages.mkdir()
    for n in (1, 2, 3):
        (pages / f"s{n}.html").write_text(STORY.format(title=f"Storm {n}"), encoding="utf-8")
    real_read_page = read_page
    calls: list[Path] = []

    def read_then_interrupt(path: Path, url: str | None = None) -> Any:
        calls.append(path)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_read_page(path, url)

    monkeypatch.setattr(scraper.cli.archive_cmd, "read_page", read_then_interrupt)
    db = tmp_path / "archive.db"
    result = invoke("import", str(pages), "--db", str(db), "-q")
    assert result.exit_code == EXIT_INTERRUPTED and no_traceback(result), repr(result.exception)
    assert stderr_lines(result) == ["interrupted by Ctrl-C: everything finished before it is kept"]
    assert count_articles(db) == 1


def test_a_reader_closing_the_pipe_early_is_not_an_error(archive_db: Path) -> None:
    rows = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 300000) "
    command = [sys.executable, "-m", "scraper", "query", rows + "SELECT x FROM n", "--json"]
    process = subprocess.Popen(
        [*command, "--db", str(archive_db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    assert json.loads(process.stdout.readline()) == {"x": 1}
    process.stdout.close()  # like `| head -1`
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == EXIT_PIPE_CLOSED
    assert stderr == ""


def test_extract_ends_with_a_summary_that_quiet_silences(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_bytes(b"")
    result = invoke("extract", str(SEED), str(empty))
    assert result.exit_code == 0, result.output
    assert stderr_lines(result) == ["extracted 2 of 2 pages: 1 empty, 1 ok"]
    quiet = invoke("extract", str(SEED), str(empty), "--quiet")
    assert quiet.exit_code == 0 and quiet.stderr == ""
    assert quiet.stdout == result.stdout


def test_extract_config_folder_is_named_as_a_folder(tmp_path: Path) -> None:
    result = invoke("extract", str(SEED), "--config", str(tmp_path))
    assert result.exit_code == 2 and no_traceback(result)
    assert stderr_lines(result) == [f"error: --config {tmp_path} is a folder; give one .toml file"]


@pytest.mark.parametrize(
    "command", [["import", str(SEED)], ["stats"], ["sites", "boilerplate", "x"]]
)
def test_db_in_a_missing_folder_names_the_folder(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "no-such-folder" / "archive.db"
    result = invoke(*command, "--db", str(db))
    assert result.exit_code == 2 and no_traceback(result)
    assert stderr_lines(result) == [
        f"error: {db}: cannot create an archive here (No such file or directory: "
        f"{db.parent}); create the folder or pass another --db"
    ]
    assert list(tmp_path.iterdir()) == []


def test_extract_reads_a_pipe_given_as_a_path() -> None:
    # `scraper extract <(curl -s URL)` hands over /dev/fd/N, a pipe and no regular file.
    read_end, write_end = os.pipe()
    try:
        os.write(write_end, STORY.format(title="Piped flood").encode("utf-8"))
        os.close(write_end)
        result = invoke("extract", f"/dev/fd/{read_end}")
    finally:
        os.close(read_end)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["headline"] == "Piped flood"


def test_extract_read_error_is_named_once_without_errno_noise() -> None:
    # Reading /proc/self/mem at offset 0 fails with EIO even for root: a real OSError.
    result = invoke("extract", "/proc/self/mem", str(SEED))
    assert result.exit_code == 1 and no_traceback(result)
    assert stderr_lines(result)[0] == "failed: /proc/self/mem: Input/output error"


def test_records_are_utf8_even_in_an_ascii_locale() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    command = [sys.executable, "-m", "scraper", "extract", str(SEED), "--quiet"]
    done = subprocess.run(command, capture_output=True, cwd=ROOT, env=env, check=False)
    assert done.returncode == 0 and done.stderr == b"", done.stderr.decode()
    record = json.loads(done.stdout.decode("utf-8"))
    assert record["headline"].startswith("“The Beginning of a New Life”")


def test_extract_refuses_stdin_twice() -> None:
    result = runner.invoke(app, ["extract", "-", "-"], input=STORY.format(title="Once"))
    assert result.exit_code == 2 and result.stdout == ""
    assert stderr_lines(result) == ["error: '-' (stdin) can be given once: it holds one page"]


# -- --db naming a file that is no archive of ours ----------------------------------------------


@pytest.mark.parametrize(
    "command", [["stats"], ["reextract"], ["import", str(SEED)], ["sites", "boilerplate", "x"]]
)
def test_another_programs_database_is_refused_and_left_alone(
    tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "notes.db"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        conn.execute("INSERT INTO notes (text) VALUES ('keep me')")
        conn.commit()
    before = db.read_bytes()
    result = invoke(*command, "--db", str(db))
    assert result.exit_code == 2 and no_traceback(result), result.output
    assert stderr_lines(result) == [
        f"error: {db}: an SQLite database of another program (tables: notes), "
        "not a scraper archive; pass another --db"
    ]
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_an_empty_file_is_no_archive_for_readers_but_a_new_one_for_writers(
    tmp_path: Path,
) -> None:
    db = tmp_path / "new.db"
    db.write_bytes(b"")
    result = invoke("stats", "--db", str(db))
    assert result.exit_code == 2 and "an empty file, not an archive yet" in result.stderr
    assert db.read_bytes() == b""
    assert invoke("import", str(SEED), "--db", str(db), "-q").exit_code == 0
    assert count_articles(db) == 1


def test_readers_of_a_newer_archive_are_told_to_upgrade_the_scraper(archive_db: Path) -> None:
    with closing(sqlite3.connect(archive_db)) as conn:
        conn.execute("INSERT INTO schema_version (version, applied_at) VALUES (999, 'later')")
        conn.commit()
    for command in (["stats"], ["search", "flood"], ["reextract"]):
        result = invoke(*command, "--db", str(archive_db))
        assert result.exit_code == 2 and no_traceback(result)
        assert "version 999 is newer than this scraper" in result.stderr, result.stderr
        assert "upgrade the scraper" in result.stderr


def test_import_refuses_oversized_files_and_gzip_bombs_and_stores_the_rest(
    tmp_path: Path,
) -> None:
    huge = tmp_path / "huge.html"
    huge.write_bytes(b"<p>" + b"x" * (21 * 2**20))
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<p>" + b" " * (25 * 2**20), 9))
    db = tmp_path / "archive.db"
    result = invoke("import", str(huge), str(bomb), str(SEED), "--db", str(db))
    assert result.exit_code == 1 and no_traceback(result), result.output
    assert f"failed: {huge}: larger than 20 MB, not a web page" in result.stderr
    assert f"failed: {bomb}: larger than 20 MB once gunzipped, not a web page" in result.stderr
    assert count_articles(db) == 1


# -- small usage mistakes that silently did something else ---------------------------------------


def test_query_with_both_formats_or_no_statement_is_a_usage_error(archive_db: Path) -> None:
    both = invoke("query", "SELECT 1", "--json", "--csv", "--db", str(archive_db))
    assert both.exit_code == 2 and stderr_lines(both) == ["error: give --json or --csv, not both"]
    empty = invoke("query", "  ", "--db", str(archive_db))
    assert empty.exit_code == 2 and empty.stdout == ""
    assert "give one SQL statement" in empty.stderr


def test_search_since_after_until_is_a_usage_error(archive_db: Path) -> None:
    args = ["--since", "2025-02-01", "--until", "2025-01-01", "--db", str(archive_db)]
    result = invoke("search", "flood", *args)
    assert result.exit_code == 2 and no_traceback(result)
    assert "--since 2025-02-01 is after --until 2025-01-01" in result.stderr


def test_boilerplate_switch_creates_no_archive(tmp_path: Path) -> None:
    db = tmp_path / "missing.db"
    result = invoke("sites", "boilerplate", "example.com", "--disable", "--db", str(db))
    assert result.exit_code == 2 and "no archive here" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_interrupted_export_leaves_the_previous_file_whole(
    archive_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    output = tmp_path / "export.jsonl"
    assert invoke("export", "--db", str(archive_db), "-o", str(output), "-q").exit_code == 0
    previous = output.read_bytes()
    assert len(previous.splitlines()) == 2

    def write_one_then_stop(conn: Any, out: Any, fmt: str, filters: Any, *_: Any) -> int:
        out.write('{"url": "half"}\n')
        raise KeyboardInterrupt

    monkeypatch.setattr(scraper.cli.archive_cmd, "write_export", write_one_then_stop)
    result = invoke("export", "--db", str(archive_db), "-o", str(output))
    assert result.exit_code == EXIT_INTERRUPTED and no_traceback(result)
    assert output.read_bytes() == previous
    assert sorted(p.name for p in tmp_path.iterdir() if "export" in p.name) == ["export.jsonl"]


def test_sites_test_of_a_config_without_tests_says_so(tmp_path: Path) -> None:
    (tmp_path / "t.example.toml").write_text(
        '[site]\nname = "T"\nhosts = ["t.example"]\n[fields]\nbody = ["article"]\n',
        encoding="utf-8",
    )
    result = invoke("sites", "test", "t.example", "--dir", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert stderr_lines(result) == [
        "0 passed, 0 failed (no [[tests]] in these configs: see docs/selectors.md)"
    ]
