"""Output conventions shared by all commands: JSON to stdout, progress bars only on a TTY."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

stderr = Console(stderr=True)


class Advance(Protocol):
    def __call__(self, steps: int = 1, *, description: str | None = None) -> None: ...


def print_json(data: Any) -> None:
    """One JSON document (or JSON Lines record) on stdout, UTF-8, no ASCII escaping."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def show_progress(quiet: bool) -> bool:
    """Progress bars go to stderr, and only when a person is watching."""
    return not quiet and sys.stderr.isatty()


@contextmanager
def progress(label: str, total: int | None, quiet: bool = False) -> Iterator[Advance]:
    """A progress bar on stderr (silent without a TTY or with ``quiet``); yields ``advance``."""
    if not show_progress(quiet):

        def advance_silently(steps: int = 1, *, description: str | None = None) -> None:
            return

        yield advance_silently
        return
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
    )
    # redirect_stdout=False: stdout carries records (extract, export) and must stay stdout.
    with Progress(*columns, console=stderr, transient=True, redirect_stdout=False) as bar:
        task = bar.add_task(label, total=total)

        def advance(steps: int = 1, *, description: str | None = None) -> None:
            if description is not None:
                bar.update(task, description=description)
            bar.advance(task, steps)

        yield advance


def summary(line: str, quiet: bool = False) -> None:
    """The one-line summary at the end of a command, on stderr so stdout stays data."""
    if not quiet:
        # Verbatim: URLs may contain [brackets] and long commands must not be wrapped.
        stderr.print(line, highlight=False, markup=False, soft_wrap=True)
