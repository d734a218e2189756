"""The archive commands end to end: import, search, quotes, query, export, stats, reextract,
``sites boilerplate``, and an import killed with SIGKILL mid-way."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scraper.archive import Archive
from scraper.cli import app

runner = CliRunner()
PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "archive" / "pages"
RIVER_URL = "https://courier.example/2025/03/01/river-floods-old-town"
BRIDGE_URL = "https://courier.example/2025/03/04/council-footbridge"


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def imported(db_path: Path) -> Path:
    code, _, err = run("import", str(PAGES), "--db", str(db_path))
    assert code == 0, err
    return db_path


def urls(db_path: Path) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        return sorted(r[0] for r in conn.execute("SELECT url FROM articles"))
    finally:
        conn.close()


def test_import_names_pages_by_canonical_og_url_or_file(imported: Path) -> None:
    file_url = (PAGES / "no-canonical.htm").resolve().as_uri()
    assert urls(imported) == sorted([BRIDGE_URL, RIVER_URL, file_url])


def test_import_twice_keeps_one_record_each(imported: Path) -> None:
    code, _, err = run("import", str(PAGES), "--db", str(imported))
    assert code == 0
    assert "3 unchanged" in err
    assert len(urls(imported)) == 3


def test_import_reports_unreadable_files_and_exits_1(tmp_path: Path, db_path: Path) -> None:
    shutil.copy(PAGES / "river-floods.html", tmp_path / "good.html")
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, _, err = run("import", str(tmp_path / "good.html"), str(tmp_path / "photo.html"),
                       "--db", str(db_path))  # fmt: skip
    assert code == 1
    assert "photo.html: binary file" in err
    assert urls(db_path) == [RIVER_URL]


def test_import_gz_with_url_and_site(tmp_path: Path, db_path: Path) -> None:
    import gzip

    (tmp_path / "p.html.gz").write_bytes(gzip.compress((PAGES / "no-canonical.htm").read_bytes()))
    code, _, _ = run("import", str(tmp_path / "p.html.gz"), "--url", "https://lib.example/hours",
                     "--site", "Library News", "--db", str(db_path))  # fmt: skip
    assert code == 0
    with Archive(db_path, readonly=True) as archive:
        row = archive.db.execute("SELECT url, site FROM articles").fetchone()
    assert row == ("https://lib.example/hours", "Library News")


def test_edited_page_updates_record_keeps_one_revision_and_is_found(
    tmp_path: Path, db_path: Path
) -> None:
    page = tmp_path / "river.html"
    html = (PAGES / "river-floods.html").read_text()
    page.write_text(html)
    assert run("import", str(page), "--db", str(db_path))[0] == 0
    page.write_text(html.replace("stacked sandbags", "stacked thousands of sandbags"))
    code, _, err = run("import", str(page), "--db", str(db_path))
    assert code == 0 and "1 updated" in err
    run("import", str(page), "--db", str(db_path))  # the same edit again: no new revision
    with Archive(db_path, readonly=True) as archive:
        revisions = archive.db.execute("SELECT text FROM revisions").fetchall()
    assert len(revisions) == 1 and "thousands" not in revisions[0][0]
    code, out, _ = run("search", "thousands", "--db", str(db_path), "--json")
    hits = json.loads(out)
    assert [h["url"] for h in hits] == [RIVER_URL]
    assert "[thousands]" in hits[0]["snippet"]


def test_search_ranks_filters_and_rejects_bad_syntax(imported: Path) -> None:
    code, out, _ = run("search", "footbridge", "--db", str(imported), "--json")
    assert code == 0 and [h["url"] for h in json.loads(out)] == [BRIDGE_URL]
    code, out, _ = run("search", "river", "--until", "2025-03-02", "--db", str(imported), "--json")
    assert [h["url"] for h in json.loads(out)] == [RIVER_URL]
    code, out, _ = run("search", "river", "--since", "2025-03-02", "--db", str(imported), "--json")
    assert [h["url"] for h in json.loads(out)] == [BRIDGE_URL]
    code, _, err = run("search", '"unbalanced', "--db", str(imported))
    assert code == 2 and err.startswith("error: cannot search") and "Traceback" not in err


def test_read_commands_do_not_create_a_missing_archive(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    for command in (["search", "x"], ["query", "SELECT 1"], ["export"], ["stats"], ["quotes"]):
        code, _, err = run(*command, "--db", str(missing))
        assert code == 2 and "no archive here" in err, command
    assert not missing.exists()


def test_corrupt_archive_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    code, _, err = run("stats", "--db", str(bad))
    assert code == 2 and err.startswith("error: ") and len(err.strip().splitlines()) == 1


def test_query_is_read_only(imported: Path) -> None:
    code, _, err = run("query", "DELETE FROM articles", "--db", str(imported))
    assert code == 2 and "read-only" in err
    assert len(urls(imported)) == 3
    code, _, err = run("query", "SELEC nonsense", "--db", str(imported))
    assert code == 2 and "query failed" in err


def test_query_outputs_json_lines_and_csv(imported: Path) -> None:
    sql = "SELECT url, headline FROM articles WHERE url LIKE 'https:%' ORDER BY url"
    code, out, _ = run("query", sql, "--db", str(imported), "--json")
    assert [json.loads(line)["headline"] for line in out.splitlines()] == [
        "River floods the old town", "Council approves the new footbridge"]  # fmt: skip
    code, out, _ = run("query", sql, "--db", str(imported), "--csv")
    assert code == 0
    assert next(csv.reader(io.StringIO(out))) == ["url", "headline"]


def test_export_jsonl_and_csv(imported: Path, tmp_path: Path) -> None:
    code, out, _ = run("export", "--db", str(imported))
    records = [json.loads(line) for line in out.splitlines()]
    river = next(r for r in records if r["url"] == RIVER_URL)
    assert river["authors"] == ["Jane Doe"] and river["published"].startswith("2025-03-01")
    assert any(p.startswith("The river burst its banks") for p in river["body"])
    target = tmp_path / "out.csv"
    code, _, _ = run("export", "--format", "csv", "--since", "2025-03-02", "--site",
                     "courier.example", "--db", str(imported), "-o", str(target))  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert [r["url"] for r in rows] == [BRIDGE_URL]
    assert run("export", "--format", "xml", "--db", str(imported))[0] == 2


def test_quotes_command(imported: Path) -> None:
    code, out, _ = run("quotes", "--speaker", "Berg", "--db", str(imported), "--json")
    assert code == 0
    quotes = json.loads(out)
    assert [q["url"] for q in quotes] == [RIVER_URL]
    assert quotes[0]["text"].startswith("We have never seen the water")
    code, out, _ = run("quotes", "bridge", "--db", str(imported), "--json")
    assert [q["speaker"] for q in json.loads(out)] == ["Piotr Nowak"]


def test_stats_reports_sites_and_coverage(imported: Path) -> None:
    code, out, _ = run("stats", "--db", str(imported), "--json")
    assert code == 0
    entries = {e["site"]: e for e in json.loads(out)}
    courier = entries["courier.example"]
    assert courier["articles"] == 2
    assert courier["first_published"].startswith("2025-03-01")
    assert courier["coverage_recent"]["authors"] == 0.5
    code, out, _ = run("stats", "--db", str(imported))
    assert code == 0 and "courier.example" in out


def test_reextract_finds_nothing_to_change_on_fresh_records(imported: Path) -> None:
    code, _, err = run("reextract", "--db", str(imported))
    assert code == 0 and "reextracted 3 articles: 0 changed" in err


def test_reextract_repairs_records_and_drops_learned_boilerplate(imported: Path) -> None:
    with Archive(imported) as archive:
        # What an older, worse extractor would have stored.
        archive.db.execute("UPDATE articles SET headline = 'broken', text = 'x', "
                           "record_hash = 'older extractor' WHERE url = ?", (RIVER_URL,))  # fmt: skip
        archive.db.execute(
            "INSERT INTO boilerplate (site, paragraph_hash, paragraph, article_count) "
            "SELECT 'courier.example', ?, ?, 9",
            (__import__("scraper.archive.boilerplate", fromlist=["x"]).paragraph_hash(
                "Construction is planned to start in the autumn and should take about fourteen "
                "months, according to the engineering office."),
             "Construction is planned ..."),
        )  # fmt: skip
    code, _, err = run("reextract", "--site", "courier.example", "--db", str(imported))
    assert code == 0 and "2 changed" in err
    with Archive(imported, readonly=True) as archive:
        rows = dict(archive.db.execute("SELECT url, headline || '|' || text FROM articles"))
    headline, text = rows[RIVER_URL].split("|")
    assert headline == "River floods the old town" and "The river burst its banks" in text
    assert "Construction is planned" not in rows[BRIDGE_URL]


def test_sites_boilerplate_lists_and_switches(imported: Path) -> None:
    code, out, _ = run("sites", "boilerplate", "courier.example", "--db", str(imported), "--json")
    assert code == 0 and json.loads(out) == {"site": "courier.example", "enabled": True,
                                             "paragraphs": []}  # fmt: skip
    code, out, _ = run("sites", "boilerplate", "courier.example", "--disable", "--json",
                       "--db", str(imported))  # fmt: skip
    assert json.loads(out)["enabled"] is False
    assert run("sites", "boilerplate", "x", "--disable", "--enable", "--db", str(imported))[0] == 2


def _write_pages(folder: Path, count: int) -> None:
    template = (PAGES / "river-floods.html").read_text()
    for n in range(count):
        html = template.replace("river-floods-old-town", f"story-{n}").replace(
            "River floods the old town", f"Story number {n} of the flood"
        )
        (folder / f"p{n:04d}.html").write_text(html)  # fmt: skip


def test_import_killed_mid_way_leaves_a_sound_archive_and_rerun_completes(tmp_path: Path) -> None:
    folder, db_path, total = tmp_path / "pages", tmp_path / "a.db", 400
    folder.mkdir()
    _write_pages(folder, total)
    command = [sys.executable, "-m", "scraper", "import", str(folder), "--db", str(db_path), "-q"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    stored, deadline = 0, time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < deadline and stored < 30:
        time.sleep(0.02)
        if db_path.exists():
            try:
                with Archive(db_path, readonly=True) as archive:
                    stored = archive.db.execute("SELECT count(*) FROM articles").fetchone()[0]
            except Exception:  # mid-creation: schema not there yet
                stored = 0
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert 30 <= stored < total, "the import finished before it could be killed"
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    code, _, err = run("import", str(folder), "--db", str(db_path))
    assert code == 0, err
    with Archive(db_path, readonly=True) as archive:
        n, distinct = archive.db.execute(
            "SELECT count(*), count(DISTINCT url) FROM articles"
        ).fetchone()
        fts = archive.db.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'flood'"
        ).fetchone()[0]
    assert n == distinct == total
    assert fts == total


# -- issue #4: the CLI audit's loose ends --------------------------------------------------

V1_FIXTURE = PAGES.parent / "v1.db"
READ_COMMANDS = [
    ["search", "x"],
    ["quotes"],
    ["query", "SELECT count(*) FROM articles"],
    ["export"],
    ["stats"],
    ["sites", "boilerplate", "a.example"],
]


def schema_version(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return int(conn.execute("SELECT max(version) FROM schema_version").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_command_upgrades_an_old_writable_archive_first(
    tmp_path: Path, command: list[str]
) -> None:
    from scraper.archive.schema import SCHEMA_VERSION

    old = tmp_path / "old.db"
    shutil.copy(V1_FIXTURE, old)
    code, _, err = run(*command, "--db", str(old))
    assert code == 0, err
    upgrade_lines = [line for line in err.splitlines() if "upgraded" in line]
    assert upgrade_lines == [f"upgraded {old} from schema version 1 to {SCHEMA_VERSION} "
                             "(the migrations any writing command runs)"]  # fmt: skip
    assert schema_version(old) == SCHEMA_VERSION
    code, _, err = run(*command, "--db", str(old))
    assert code == 0 and "upgraded" not in err


def test_read_only_old_archive_names_the_migrate_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "old.db"
    shutil.copy(V1_FIXTURE, old)
    # Root may write any file, so the test says "not writable" the way a chmod would.
    monkeypatch.setattr("scraper.archive.is_writable", lambda path: False)
    code, out, err = run("search", "x", "--db", str(old))
    assert code == 2 and out == ""
    assert err.startswith("error: ") and f"`scraper migrate --db {old}`" in err
    assert schema_version(old) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_really_read_only_old_archive_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    old = folder / "old.db"
    shutil.copy(V1_FIXTURE, old)
    old.chmod(0o444)
    folder.chmod(0o555)
    try:
        code, _, err = run("stats", "--db", str(old))
        assert code == 2 and "scraper migrate --db" in err
        assert schema_version(old) == 1
    finally:
        folder.chmod(0o755)


def test_migrate_upgrades_and_reports_the_versions(tmp_path: Path) -> None:
    from scraper.archive.schema import SCHEMA_VERSION

    old = tmp_path / "old.db"
    shutil.copy(V1_FIXTURE, old)
    code, out, _ = run("migrate", "--db", str(old), "--json")
    assert code == 0
    assert json.loads(out) == {"db": str(old), "from": 1, "to": SCHEMA_VERSION, "upgraded": True}
    assert schema_version(old) == SCHEMA_VERSION
    code, out, _ = run("migrate", "--db", str(old))
    assert code == 0 and out.strip() == f"{old}: already at schema version {SCHEMA_VERSION}"
    copy = tmp_path / "copy.db"
    shutil.copy(V1_FIXTURE, copy)
    code, out, _ = run("migrate", "--db", str(copy))
    assert out.strip() == f"{copy}: schema version 1 -> {SCHEMA_VERSION}"
    code, _, err = run("migrate", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no archive here" in err
    assert not (tmp_path / "none.db").exists()


def test_import_and_reextract_print_a_json_summary(tmp_path: Path, db_path: Path) -> None:
    shutil.copy(PAGES / "river-floods.html", tmp_path / "good.html")
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, out, err = run("import", str(tmp_path / "good.html"), str(tmp_path / "photo.html"),
                         "--db", str(db_path), "--json")  # fmt: skip
    assert code == 1 and "photo.html: binary file" in err
    assert json.loads(out) == {"files": 2, "imported": 1, "failed": 1, "outcomes": {"new": 1}}
    code, out, _ = run("import", str(PAGES), "--db", str(db_path), "--json")
    assert code == 0
    assert json.loads(out) == {"files": 3, "imported": 3, "failed": 0,
                               "outcomes": {"new": 2, "unchanged": 1}}  # fmt: skip
    with Archive(db_path) as archive:
        archive.db.execute("UPDATE articles SET record_hash = 'older' WHERE url = ?", (RIVER_URL,))
    code, out, err = run("reextract", "--db", str(db_path), "--json")
    assert code == 0 and "reextracted" not in err
    assert json.loads(out) == {"checked": 3, "changed": 1, "missing_page": 0}


def test_export_advances_a_progress_bar_once_per_record(
    imported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from contextlib import contextmanager

    calls: list[tuple[str, int | None, bool]] = []
    steps: list[int] = []

    @contextmanager
    def recording(label: str, total: int | None, quiet: bool = False):  # type: ignore[no-untyped-def]
        calls.append((label, total, quiet))
        yield lambda n=1, description=None: steps.append(n)

    monkeypatch.setattr("scraper.cli.archive_cmd.progress", recording)
    code, out, _ = run("export", "--site", "courier.example", "--db", str(imported))
    assert code == 0 and len(out.splitlines()) == 2
    assert calls == [("export", 2, False)] and steps == [1, 1]
    run("export", "--db", str(imported), "-q", "-o", str(imported.parent / "x.jsonl"))
    assert calls[-1] == ("export", 3, True)


def test_export_without_a_tty_writes_only_the_summary_to_stderr(imported: Path) -> None:
    code, _, err = run("export", "--db", str(imported))
    assert code == 0 and err == "exported 3 articles\n"
    code, _, err = run("export", "--db", str(imported), "--quiet")
    assert code == 0 and err == ""


def test_stats_and_sites_boilerplate_are_quiet_with_quiet(imported: Path) -> None:
    code, out, err = run("stats", "--db", str(imported))
    assert code == 0 and "2 sites" in err  # courier.example and the file:// page
    code, quiet_out, err = run("stats", "--db", str(imported), "--quiet")
    assert code == 0 and err == "" and quiet_out == out
    code, _, err = run("sites", "boilerplate", "courier.example", "--db", str(imported))
    assert code == 0 and "courier.example: 0 learned paragraphs" in err
    code, _, err = run("sites", "boilerplate", "courier.example", "--db", str(imported), "-q")
    assert code == 0 and err == ""


def test_piped_search_and_quotes_tables_print_whole_urls(tmp_path: Path, db_path: Path) -> None:
    long_url = ("https://courier.example/2025/03/01/local/weather/river-floods-the-old-town-and-"
                "families-leave-their-homes-before-dawn-as-the-water-rises")  # fmt: skip
    page = tmp_path / "long.html"
    page.write_text((PAGES / "river-floods.html").read_text().replace(RIVER_URL, long_url))
    code, _, _ = run("import", str(page), "--db", str(db_path))
    assert code == 0
    for command in (["search", "river"], ["quotes", "--speaker", "Berg"]):
        code, out, _ = run(*command, "--db", str(db_path))  # CliRunner's stdout is no TTY
        assert code == 0
        assert long_url in out, command
        [hit] = json.loads(run(*command, "--db", str(db_path), "--json")[1])
        cells = [hit["text"]] if command[0] == "quotes" else [hit["headline"], hit["snippet"]]
        assert all(cell in out for cell in cells), command  # nothing cut or wrapped


def test_quotes_json_has_every_field_of_the_quote_record(imported: Path) -> None:
    from dataclasses import fields

    from scraper.models import Quote

    _, out, _ = run("quotes", "--speaker", "Berg", "--db", str(imported), "--json")
    [quote] = json.loads(out)
    assert {f.name for f in fields(Quote)} <= set(quote)
    # From the page: the second body paragraph opens with the quote mark.
    assert quote["paragraph"] == 1 and quote["start"] == 1 and quote["partial"] is False
    with Archive(imported, readonly=True) as archive:
        body = json.loads(archive.db.execute(
            "SELECT body FROM articles WHERE url = ?", (RIVER_URL,)).fetchone()[0])  # fmt: skip
    assert body[1][quote["start"] : quote["end"]] == quote["text"]


def test_export_draws_its_progress_bar_on_a_terminal_only(imported: Path) -> None:
    """stderr on a pseudo-terminal, stdout on a pipe: the bar goes to the terminal, and the
    records all reach stdout (rich's live display must not redirect them to stderr)."""
    import pty
    import threading

    leader, follower = pty.openpty()
    terminal = bytearray()

    def drain() -> None:  # read while the child runs, so a full pty buffer cannot block it
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # EIO: the child's end is closed and everything was read
                return
            if not chunk:
                return
            terminal.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "scraper", "export", "--db", str(imported)],
            stdout=subprocess.PIPE, stderr=follower, timeout=60, check=False,
        )  # fmt: skip
    finally:
        os.close(follower)
        reader.join(timeout=10)
        os.close(leader)
    assert result.returncode == 0
    assert len(result.stdout.splitlines()) == 3  # the three records, nothing else
    assert all(json.loads(line)["url"] for line in result.stdout.splitlines())
    shown = bytes(terminal).replace(b" ", b"")
    assert b"export" in shown and b"3/3" in shown and b"exported3articles" in shown
