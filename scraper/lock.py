"""The crawl lock: one crawl (or fetch) at a time per archive, held with flock on
``<db>.lock`` so the OS frees it when the process dies however it dies."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from scraper.errors import ArchiveError, ArchiveLockedError


@contextmanager
def crawl_lock(db_path: str | Path, wait: bool = False) -> Iterator[None]:
    """Hold ``<db>.lock`` with flock for the whole crawl; the OS frees it if we die.

    The file is removed on the way out, while still locked, so a finished or refused crawl
    leaves nothing beside the archive. Removing a lock file has a known race: a process
    waiting on it wakes up holding a lock on a file no longer at that path, while a newcomer
    locks a fresh file there. So whoever gets the lock checks that the path still names the
    file it locked, and starts over when it does not.
    """
    lock_path = Path(f"{db_path}.lock")
    while True:
        handle = _open_lock(lock_path, db_path)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except BlockingIOError:
            handle.close()
            raise ArchiveLockedError(
                f"another crawl is running on {db_path} (lock {lock_path}); "
                "let it finish or pass --wait"
            ) from None
        except BaseException:  # Ctrl-C while waiting
            handle.close()
            raise
        if _names_file(lock_path, handle.fileno()):
            break
        handle.close()  # locked a file its holder removed: take the one at the path now
    try:
        yield
    finally:
        with suppress(OSError):
            lock_path.unlink()
        fcntl.flock(handle, fcntl.LOCK_UN)
        handle.close()


def _open_lock(lock_path: Path, db_path: str | Path) -> BinaryIO:
    try:
        return open(lock_path, "a+b")
    except OSError as err:
        raise ArchiveError(
            f"{db_path}: cannot create an archive here ({err.strerror}: {lock_path.parent}); "
            "create the folder or pass another --db"
        ) from None


def _names_file(path: Path, fd: int) -> bool:
    """Whether ``path`` is the open file ``fd`` (not removed or replaced meanwhile)."""
    try:
        on_disk = os.stat(path)
    except OSError:
        return False
    held = os.fstat(fd)
    return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)
