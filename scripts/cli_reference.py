"""Regenerate docs/cli.md from the commands' own help texts: `python scripts/cli_reference.py`."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from scraper.cli import app

HEADER = """# Command reference

Generated from each command's `--help` by `scripts/cli_reference.py`; `tests/test_docs.py`
checks that every command and option is listed here.

All commands that read or write the archive take `--db` (default `./archive.db`). Exit codes:
0 ok, 1 partial failure (some pages or files failed), 2 usage or configuration error,
3 the archive is locked by a running crawl, 130 stopped by Ctrl-C and 143 by SIGTERM (what was
finished is kept), 141 the reader of stdout went away (`| head`). Data goes to stdout (JSON Lines with `--json`),
messages to stderr: the progress bar only when stderr is a terminal, the summary line at the
end unless `--quiet` is given, and errors always.
"""


def commands(cmd: Any = None, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, Any]]:
    """Every leaf command as ("sites check", click command), in registration order."""
    cmd = cmd if cmd is not None else typer.main.get_command(app)
    if hasattr(cmd, "commands"):
        for name, sub in cmd.commands.items():
            yield from commands(sub, (*prefix, name))
    else:
        yield " ".join(prefix), cmd


def render() -> str:
    parts = [HEADER]
    for path, cmd in commands():
        parts.append(f"\n## scraper {path}\n\n{(cmd.help or '').strip()}\n")
        for param in cmd.params:
            if param.param_type_name == "option":
                names = ", ".join(f"`{o}`" for o in [*param.opts, *param.secondary_opts])
                parts.append(f"- {names}" + (f": {param.help}" if param.help else "") + "\n")
            else:
                many = " ..." if param.nargs == -1 else ""
                parts.append(f"- `{param.name.upper()}{many}` (argument)\n")
    return "".join(parts)


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
    target.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")
