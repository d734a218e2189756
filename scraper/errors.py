"""One exception hierarchy for the whole tool; the CLI maps each class to a one-line message and an exit code."""

from __future__ import annotations

#: Exit codes shared by every command (cron acts on them).
EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
#: The shell's codes for a command stopped by Ctrl-C (128 + SIGINT) or by a closed pipe
#: (128 + SIGPIPE), so scripts see the same code as for any other program.
EXIT_INTERRUPTED = 130
EXIT_PIPE_CLOSED = 141


class ScraperError(Exception):
    """Base class: a problem the user can act on. ``str(err)`` is the one-line message."""

    exit_code: int = EXIT_PARTIAL


class UsageError(ScraperError):
    """Bad arguments or input files given on the command line."""

    exit_code = EXIT_USAGE


class ConfigError(ScraperError):
    """A site config (selectors/*.toml) is invalid: the message names the file, the key and the problem."""

    exit_code = EXIT_USAGE

    def __init__(self, path: str, key: str | None, problem: str) -> None:
        self.path = path
        self.key = key
        self.problem = problem
        where = f"{path}: {key}" if key else path
        super().__init__(f"{where}: {problem}")


class ExtractionError(ScraperError):
    """A page could not be turned into a record (extraction itself never raises on bad HTML)."""


class FetchError(ScraperError):
    """A request failed after its retries (network error, HTTP error, limits)."""


class ArchiveError(ScraperError):
    """The SQLite archive cannot be opened, is corrupt, or refused an operation."""

    exit_code = EXIT_USAGE


class ArchiveLockedError(ArchiveError):
    """Another process (usually a running crawl) holds the archive's crawl lock."""

    exit_code = EXIT_LOCKED
