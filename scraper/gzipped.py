"""Bounded gunzip, shared by everything that inflates bytes it did not choose: sitemaps and
feeds (``listings``), bodies a server compressed twice (``sniff``) and saved pages (``saved``).

Inflating stops one byte past the caller's limit, so a small gzip bomb costs no memory, and a
stream that is broken or stops short is refused with a message a user can act on. Callers map
:class:`GzipError` to their own error types.
"""

from __future__ import annotations

import zlib

GZIP_MAGIC = b"\x1f\x8b"


class GzipError(ValueError):
    """Gzip data that cannot be inflated within the limit; the message says why."""


class GzipTooLarge(GzipError):
    """The inflated data would be larger than the limit."""


def inflate(data: bytes, limit: int) -> bytes:
    """The inflated content of the gzip stream ``data``, at most ``limit`` bytes.

    Raises :class:`GzipTooLarge` past the limit and :class:`GzipError` for a broken or
    truncated stream.
    """
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as err:
        raise GzipError(f"broken gzip data ({err})") from None
    if len(out) > limit:
        raise GzipTooLarge(f"gzip data expands beyond {limit} bytes")
    if not inflater.eof:
        raise GzipError("truncated gzip stream (cut short: an incomplete download?)")
    return out
