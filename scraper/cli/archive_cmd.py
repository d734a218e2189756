"""CLI commands on the archive: import, reextract, search, quotes, query, export, stats, migrate
and ``sites boilerplate``; they parse arguments and call ``scraper.archive``."""

from __future__ import annotations

import csv
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from scraper.archive import (
    Archive,
    archive_errors,
    boilerplate,
    open_for_reading,
    upgrade,
)
from scraper.archive.export import count_records, write_export
from scraper.archive.fts import pending_count
from scraper.archive.importer import UnreadableFile, find_html_files, read_page
from scraper.archive.query import run_read_only
from scraper.archive.reextract import article_ids, reextract
from scraper.archive.search import Filters, search_articles, search_quotes
from scraper.archive.stats import COVERAGE_FIELDS, coverage_drops, site_stats
from scraper.cli.app import app
from scraper.cli.options import DEFAULT_DB, DbOption, QuietOption, SiteOption, parse_day
from scraper.cli.output import print_json, progress, summary
from scraper.cli.sites_cmd import sites_app
from scraper.errors import EXIT_PARTIAL, UsageError

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
SummaryJsonOption = Annotated[
    bool, typer.Option("--json", help="Print the summary as one JSON object on stdout.")
]


def _day(ctx: typer.Context, param: typer.CallbackParam, value: str | None) -> str | None:
    return parse_day(value, f"--{param.name}")


SinceOption = Annotated[
    str | None,
    typer.Option("--since", help="Published on or after DATE (YYYY-MM-DD).", callback=_day),
]
UntilOption = Annotated[
    str | None,
    typer.Option("--until", help="Published on or before DATE (YYYY-MM-DD).", callback=_day),
]
stdout = Console(soft_wrap=True)


#: Console width when stdout is a pipe or file: wide enough that no cell (a URL above all) is
#: cut with "…" as rich does at its default 80 columns; columns still size to their content.
PIPE_WIDTH = 100_000


@contextmanager
def _archive(db: Path, readonly: bool) -> Iterator[Archive]:
    with Archive(db, readonly=readonly) as archive, archive_errors(db):
        yield archive


@contextmanager
def _reader(db: Path) -> Iterator[Archive]:
    """Open for a read command; an older archive is upgraded first when the file is writable."""

    def tell(before: int, after: int) -> None:
        summary(f"upgraded {db} from schema version {before} to {after} (the migrations any "
                "writing command runs)")  # fmt: skip

    with archive_errors(db), open_for_reading(db, tell) as archive:
        yield archive


def _table(rows: list[dict[str, Any]], columns: list[str]) -> None:
    table = Table(*columns, show_lines=False)
    for row in rows:
        # Text(), not str: snippets contain [brackets] that rich would read as markup.
        table.add_row(*(Text("" if row.get(c) is None else str(row.get(c))) for c in columns))
    if sys.stdout.isatty():
        stdout.print(table)
    else:
        Console(soft_wrap=True, width=PIPE_WIDTH).print(table)


@app.command("import")
def import_pages(
    paths: Annotated[list[Path], typer.Argument(help="HTML files or folders (recursive).")],
    db: DbOption = DEFAULT_DB,
    url: Annotated[
        str | None, typer.Option("--url", help="URL of the page (one file only).")
    ] = None,
    site: Annotated[
        str | None, typer.Option("--site", help="Store the records under this site name.")
    ] = None,
    quiet: QuietOption = False,
    as_json: SummaryJsonOption = False,
) -> None:
    """Import saved HTML pages (.html, .htm, .html.gz) into the archive.

    Each page's URL is --url, else its canonical link or og:url, else a file:// URL. Exit 1
    when some files could not be read (they are listed).

    Example: scraper import saved-pages/ --db archive.db
    """
    from scraper.extract import extract

    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
    files = list(find_html_files(paths))
    if not files:
        raise UsageError("no .html, .htm or .html.gz files in " + ", ".join(map(str, paths)))
    if url and len(files) != 1:
        raise UsageError(f"--url names one page, but {len(files)} files were given")
    counts: dict[str, int] = {}
    failed: list[str] = []
    with (
        _archive(db, readonly=False) as archive,
        archive.bulk(),
        progress("import", len(files), quiet) as step,
    ):
        for path in files:
            try:
                page = read_page(path, url)
            except UnreadableFile as err:
                failed.append(str(err))
            else:
                article = extract(page.body, url=page.url)
                article.site = site or article.site
                outcome = archive.store(page, article).outcome
                counts[outcome] = counts.get(outcome, 0) + 1
            step()
    for line in failed:
        typer.echo(f"failed: {line}", err=True)
    if as_json:
        print_json(
            {
                "files": len(files),
                "imported": len(files) - len(failed),
                "failed": len(failed),
                "outcomes": dict(sorted(counts.items())),
            }
        )
    else:
        done = ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) or "nothing stored"
        summary(f"imported {len(files) - len(failed)} of {len(files)} files: {done}", quiet)
    if failed:
        raise typer.Exit(EXIT_PARTIAL)


@app.command("reextract")
def reextract_cmd(
    db: DbOption = DEFAULT_DB,
    site: SiteOption = None,
    since: SinceOption = None,
    quiet: QuietOption = False,
    as_json: SummaryJsonOption = False,
) -> None:
    """Rerun extraction over the stored raw pages and update the records that change.

    Uses each article's latest page; learned boilerplate is dropped again.

    Example: scraper reextract --site example.com --since 2025-01-01
    """
    if not db.exists():
        raise UsageError(f"{db}: no archive here; pass --db")
    filters = Filters(site=site, since=since)
    with _archive(db, readonly=False) as archive, archive.bulk():
        total = len(article_ids(archive, filters))
        with progress("reextract", total, quiet) as step:
            report = reextract(archive, filters, lambda: step())
    if as_json:
        print_json(
            {
                "checked": report.checked,
                "changed": report.changed,
                "missing_page": report.missing_page,
            }
        )
        return
    summary(
        f"reextracted {report.checked} articles: {report.changed} changed"
        + (f", {report.missing_page} without a stored page" if report.missing_page else ""),
        quiet,
    )


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help='FTS5 query: words, "phrases", AND/OR/NOT.')],
    db: DbOption = DEFAULT_DB,
    site: SiteOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 20,
    as_json: JsonOption = False,
) -> None:
    """Full-text search over headlines and bodies, best matches first, with snippets.

    Example: scraper search '"climate change" AND flood' --since 2025-01-01 --limit 5
    """
    if since and until and since > until:
        raise UsageError(f"--since {since} is after --until {until}: no day is in between")
    with _reader(db) as archive:
        rows = search_articles(archive.db.conn, query, Filters(site, since, until), limit)
        _note_unindexed(archive, "articles")
    if as_json:
        print_json(rows)
        return
    _table(rows, ["published", "site", "headline", "snippet", "url"])


def _note_unindexed(archive: Archive, table: str) -> None:
    # Rows queued by an import that is still running or was killed; a reader cannot index them.
    behind = pending_count(archive.db.conn, table)
    if behind:
        typer.echo(
            f"note: {behind} {table} are not in the search index yet (an import is running "
            "or was interrupted); the next crawl, import or reextract indexes them",
            err=True,
        )


@app.command("quotes")
def quotes_cmd(
    query: Annotated[str | None, typer.Argument(help="FTS5 query over quote text.")] = None,
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Speaker name contains this.")
    ] = None,
    site: SiteOption = None,
    since: SinceOption = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Search the direct quotations in the archive, by words and/or speaker.

    Example: scraper quotes inflation --speaker Lagarde --json
    """
    filters = Filters(site=site, since=since, speaker=speaker)
    with _reader(db) as archive:
        rows = search_quotes(archive.db.conn, query, filters, limit)
        if query:
            _note_unindexed(archive, "quotes")
    if as_json:
        print_json(rows)
        return
    _table(rows, ["published", "speaker", "text", "url"])


@app.command("query")
def query_cmd(
    sql: Annotated[str, typer.Argument(help="One SQL statement (read-only).")],
    db: DbOption = DEFAULT_DB,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines, one per row.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header line.")] = False,
) -> None:
    """Run read-only SQL on the archive (the file is opened read-only; writes are refused).

    Example: scraper query "SELECT site, count(*) FROM articles GROUP BY site" --csv
    """
    if as_json and as_csv:
        raise UsageError("give --json or --csv, not both")
    if not sql.strip():
        raise UsageError('give one SQL statement, e.g. "SELECT count(*) FROM articles"')
    with _reader(db) as archive:
        cursor = run_read_only(archive.db.conn, sql)
        columns = [d[0] for d in cursor.description or []]
        try:
            if as_csv:
                writer = csv.writer(sys.stdout)
                writer.writerow(columns)
                writer.writerows(cursor)
            elif as_json:
                for row in cursor:
                    print_json(dict(zip(columns, row, strict=True)))
            else:
                _table([dict(zip(columns, r, strict=True)) for r in cursor], columns)
        except sqlite3.Error as err:
            raise UsageError(f"query failed: {err}") from None


@app.command("export")
def export_cmd(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    site: SiteOption = None,
    since: SinceOption = None,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write here instead of stdout.")
    ] = None,
    quiet: QuietOption = False,
) -> None:
    """Export article records as JSON Lines (full records) or CSV (one line per article).

    Example: scraper export --format csv --site example.com -o example.csv
    """
    if fmt not in ("jsonl", "csv"):
        raise UsageError(f"--format must be jsonl or csv, not {fmt!r}")
    if output is not None and output.exists() and db.exists() and output.samefile(db):
        raise UsageError(f"-o {output} is the archive itself; name another file")
    filters = Filters(site, since)
    # Taken before the bar starts: rich's live display swaps sys.stdout for a proxy that
    # would send the records to stderr. Records scrolling on the terminal need no bar.
    records_out = sys.stdout
    no_bar = quiet or (output is None and records_out.isatty())
    with _reader(db) as archive:
        total = count_records(archive.db.conn, filters)
        with progress("export", total, no_bar) as step:
            if output is None:
                count = write_export(archive.db.conn, records_out, fmt, filters, lambda: step())
            else:
                with _whole_file(output) as out:
                    count = write_export(archive.db.conn, out, fmt, filters, lambda: step())
    summary(f"exported {count} articles" + (f" to {output}" if output else ""), quiet)


@contextmanager
def _whole_file(output: Path) -> Iterator[TextIO]:
    """Write beside ``output`` and rename at the end: an export stopped by Ctrl-C or an error
    leaves no half file, and the previous export stays as it was."""
    part = output.with_name(f".{output.name}.part")
    try:
        with part.open("w", encoding="utf-8", newline="") as out:
            yield out
        part.replace(output)
    finally:
        part.unlink(missing_ok=True)


def _coverage_text(coverage: dict[str, float | None]) -> str:
    return " ".join(f"{k} {'-' if v is None else f'{v:.0%}'}" for k, v in coverage.items())


@app.command("stats")
def stats_cmd(
    db: DbOption = DEFAULT_DB, as_json: JsonOption = False, quiet: QuietOption = False
) -> None:
    """Per site: articles, date range, last crawl, errors, and field coverage recent vs older.

    Coverage compares the last 7 days of each site's first-seen articles with the ones before,
    so a layout change that breaks a config shows up as a drop (flagged with "!").

    Example: scraper stats --db archive.db --json
    """
    with _reader(db) as archive:
        entries = site_stats(archive.db.conn)
    if as_json:
        print_json(entries)
        return
    for e in entries:
        drops = coverage_drops(e)
        stdout.print(
            f"[bold]{escape(str(e['site']))}[/bold]: {e['articles']} articles, published "
            f"{(e['first_published'] or '?')[:10]}..{(e['last_published'] or '?')[:10]}, "
            f"last crawl {(e['last_crawled'] or '?')[:16]}, {e['errors']} errors"
        )
        older = e["articles"] - e["recent_articles"]
        stdout.print(f"  recent ({e['recent_articles']}): {_coverage_text(e['coverage_recent'])}")
        stdout.print(f"  older ({older}): {_coverage_text(e['coverage_older'])}")
        if drops:
            stdout.print(f"  [red]coverage dropped: {', '.join(drops)}[/red]")
    summary(f"{len(entries)} sites; coverage fields: {', '.join(COVERAGE_FIELDS)}", quiet)


@sites_app.command("boilerplate")
def sites_boilerplate(
    site: Annotated[str, typer.Argument(help="Site name (config name or host).")],
    db: DbOption = DEFAULT_DB,
    disable: Annotated[
        bool, typer.Option("--disable", help="Stop dropping learned boilerplate.")
    ] = False,
    enable: Annotated[bool, typer.Option("--enable", help="Drop it again (default).")] = False,
    as_json: JsonOption = False,
    quiet: QuietOption = False,
) -> None:
    """List the paragraphs learned as boilerplate for a site, or switch their removal.

    A paragraph is learned when it recurs in at least 5 different articles and 20% of the
    site's last 100 articles.

    Example: scraper sites boilerplate example.com --disable
    """
    if disable and enable:
        raise UsageError("give --disable or --enable, not both")
    if (disable or enable) and not db.exists():
        raise UsageError(f"{db}: no archive here; pass --db")
    opened = _archive(db, readonly=False) if disable or enable else _reader(db)
    with opened as archive:
        if disable or enable:
            archive.set_boilerplate_enabled(site, enable)
        entries = boilerplate.listing(archive.db, site)
        enabled = boilerplate.is_enabled(archive.db, site)
    if as_json:
        print_json({"site": site, "enabled": enabled, "paragraphs": entries})
        return
    _table([dict(e) for e in entries], ["article_count", "first_seen", "paragraph"])
    summary(
        f"{site}: {len(entries)} learned paragraphs; removal {'on' if enabled else 'off'}", quiet
    )


@app.command("migrate")
def migrate_cmd(db: DbOption = DEFAULT_DB, as_json: SummaryJsonOption = False) -> None:
    """Upgrade an archive to this scraper's schema version (read commands need it).

    Runs the same migrations as any writing command, each in its own transaction; an archive
    that is already current is left as it is.

    Example: scraper migrate --db archive.db --json
    """
    if not db.exists():
        raise UsageError(f"{db}: no archive here; pass --db")
    before, after = upgrade(db)
    if as_json:
        print_json({"db": str(db), "from": before, "to": after, "upgraded": after != before})
    elif after != before:
        typer.echo(f"{db}: schema version {before} -> {after}")
    else:
        typer.echo(f"{db}: already at schema version {after}")
