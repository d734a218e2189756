"""Saved pages: the bytes of an HTML file a user hands us (``scraper extract``, ``import``).

One place decides what such a file may be: at most ``MAX_PAGE_BYTES`` (also after gunzip, so
a small gzip bomb cannot fill the memory), gzip-compressed or not, and not a binary format
(the crawler's sniffer names it). Each refusal is a :class:`NotAPage` whose message says why;
callers add the file name.
"""

from __future__ import annotations

from scraper.gzipped import GZIP_MAGIC, GzipError, GzipTooLarge, inflate
from scraper.sniff import binary_kind

#: Larger files are not news pages: parsing 34 MB took 49 s and 1.1 GB.
MAX_PAGE_BYTES = 20 * 2**20
#: Formats (as ``sniff.binary_kind`` names them) whose name a user may not recognise.
PLAIN_KINDS = {"ELF executable": "ELF executable (a program)"}


class NotAPage(ValueError):
    """The bytes are no web page; the message says why."""


class BrokenGzip(NotAPage):
    """Compressed data that does not inflate, or stops short."""


class BinaryData(NotAPage):
    """A binary format (an image, an archive, a program...), not text."""


def page_bytes(data: bytes, compressed: bool = False) -> bytes:
    """``data`` (read with :func:`read_limit` bytes at most) as the page's HTML bytes: gunzipped
    when it starts like gzip (or ``compressed`` says so), within the size limit, not binary."""
    check_size(data)
    if compressed or data.startswith(GZIP_MAGIC):
        data = _gunzip(data)
        check_size(data)
    kind = binary_kind(data)
    if kind is not None:
        if kind.endswith("control bytes"):  # no known signature: say what was seen
            raise BinaryData(f"binary data ({kind}), not an HTML page")
        raise BinaryData(f"{PLAIN_KINDS.get(kind, kind)}, not an HTML page")
    return data


def read_limit() -> int:
    """How many bytes to read from a file: one past the limit, to notice a larger one."""
    return MAX_PAGE_BYTES + 1


def check_size(data: bytes) -> None:
    if len(data) > MAX_PAGE_BYTES:
        raise NotAPage(f"larger than {MAX_PAGE_BYTES // 2**20} MB, not a web page")


def _gunzip(data: bytes) -> bytes:
    try:
        return inflate(data, MAX_PAGE_BYTES)
    except GzipTooLarge:
        raise NotAPage(
            f"larger than {MAX_PAGE_BYTES // 2**20} MB once gunzipped, not a web page"
        ) from None
    except GzipError as err:
        raise BrokenGzip(str(err)) from None
