"""Saved HTML files into the archive: find the files, read them as pages, name their URL.

The URL is ``--url`` if given, else the page's canonical link or og:url, else a ``file://``
URL; each page then goes through ``Archive.store`` exactly like a crawled one.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from scraper import clock
from scraper.models import Page
from scraper.saved import BinaryData, BrokenGzip, NotAPage, page_bytes, read_limit

#: File names taken from folders (case-insensitive); files named explicitly are always read.
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
#: Bytes looked at to tell an empty file (only whitespace) from a page.
SNIFF_BYTES = 4096
#: Where a saved page names its own address, in order of trust.
_URL_SOURCES = (
    ("link[rel=canonical]", "href"),
    ('meta[property="og:url"]', "content"),
    ('meta[name="og:url"]', "content"),
)


class UnreadableFile(Exception):
    """A file that is not a readable HTML page; the message says why."""


def find_html_files(paths: list[Path]) -> Iterator[Path]:
    """Files given directly, plus HTML files found recursively in given folders (sorted)."""
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_file() and found.name.lower().endswith(HTML_SUFFIXES):
                    yield found
        else:
            yield path


def read_html_bytes(path: Path) -> bytes:
    """The file's bytes (gunzipped for ``.gz``); raise UnreadableFile for binary or bad files
    (the rules of :mod:`scraper.saved`, as ``scraper extract`` applies them)."""
    try:
        with path.open("rb") as file:
            data = page_bytes(file.read(read_limit()), path.name.lower().endswith(".gz"))
    except (OSError, BrokenGzip) as err:
        raise UnreadableFile(f"{path}: cannot read ({err})") from None
    except BinaryData as err:
        raise UnreadableFile(f"{path}: binary file: {err}") from None
    except NotAPage as err:
        raise UnreadableFile(f"{path}: {err}") from None
    if not data[:SNIFF_BYTES].strip():
        raise UnreadableFile(f"{path}: empty file")
    return data


def page_url(html: bytes, path: Path) -> str:
    """The page's own absolute URL (canonical link, og:url), else its ``file://`` URL."""
    tree = LexborHTMLParser(html)
    for selector, attribute in _URL_SOURCES:
        node = tree.css_first(selector)
        value = (node.attributes.get(attribute) or "").strip() if node is not None else ""
        if urlsplit(value).scheme in ("http", "https") and urlsplit(value).netloc:
            return value
    return path.resolve().as_uri()


def read_page(path: Path, url: str | None = None) -> Page:
    """A Page for a saved file; ``fetched_at`` is the file's modification time."""
    body = read_html_bytes(path)
    mtime = clock.iso(datetime.fromtimestamp(path.stat().st_mtime, UTC))
    return Page(
        url=url or page_url(body, path),
        body=body,
        status=200,
        headers={"content-type": "text/html"},
        fetched_at=mtime,
        requested_url=path.resolve().as_uri(),
    )
