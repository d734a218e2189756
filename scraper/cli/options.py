"""Options shared by several commands, so ``--db``, ``--quiet`` and dates mean the same everywhere."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from scraper.errors import UsageError

DEFAULT_DB = Path("archive.db")


def _db_in_a_folder(value: Path) -> Path:
    """SQLite's own word for a missing folder is "unable to open database file": say which."""
    if not value.parent.is_dir():
        raise UsageError(  # worded as crawl's lock file says it, so all commands agree
            f"{value}: cannot create an archive here (No such file or directory: "
            f"{value.parent}); create the folder or pass another --db"
        )
    return value


DbOption = Annotated[
    Path, typer.Option("--db", help="Archive file.", dir_okay=False, callback=_db_in_a_folder)
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
SiteOption = Annotated[str | None, typer.Option("--site", help="Only this site.")]


def parse_day(value: str | None, option: str = "--since") -> str | None:
    """``YYYY-MM-DD`` naming a real day, or None; anything else is a usage error (exit 2)."""
    if value is None:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    raise UsageError(f"{option} wants a date like 2025-01-31, not {value!r}")
