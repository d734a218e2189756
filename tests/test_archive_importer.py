"""Reading saved HTML files: folder walking, gzip, binary detection, the page's own URL."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from scraper.archive.importer import UnreadableFile, find_html_files, page_url, read_page


def test_folders_are_walked_for_html_files_only(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    for name in ("a/x.html", "a/y.HTM", "z.html.gz", "notes.txt", "img.png"):
        (tmp_path / name).write_bytes(b"<p>x</p>")
    explicit = tmp_path / "notes.txt"
    found = [p.relative_to(tmp_path).as_posix() for p in find_html_files([tmp_path, explicit])]
    assert found == ["a/x.html", "a/y.HTM", "z.html.gz", "notes.txt"]


def test_url_from_canonical_then_og_url_then_file(tmp_path: Path) -> None:
    path = tmp_path / "p.html"
    both = (b'<link rel="canonical" href="https://a.example/c">'
            b'<meta property="og:url" content="https://a.example/og">')  # fmt: skip
    assert page_url(both, path) == "https://a.example/c"
    assert page_url(b'<meta property="og:url" content="https://a.example/og">', path) == (
        "https://a.example/og")  # fmt: skip
    # A relative canonical link cannot name the page: fall back to the file.
    assert page_url(b'<link rel="canonical" href="/c">', path) == path.resolve().as_uri()


def test_gzip_files_are_read_and_explicit_url_wins(tmp_path: Path) -> None:
    path = tmp_path / "p.html.gz"
    path.write_bytes(gzip.compress(b'<link rel="canonical" href="https://a.example/c"><p>x</p>'))
    page = read_page(path)
    assert page.url == "https://a.example/c" and page.body.endswith(b"<p>x</p>")
    assert page.requested_url == path.resolve().as_uri()
    assert read_page(path, "https://b.example/given").url == "https://b.example/given"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [("bin.html", b"\x89PNG\r\n\x1a\n\x00\x00", "binary"), ("empty.html", b"  \n", "empty"),
     ("bad.html.gz", b"\x1f\x8b not really gzip", "cannot read")],
)  # fmt: skip
def test_unreadable_files_say_why(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(data)
    with pytest.raises(UnreadableFile, match=reason):
        read_page(tmp_path / name)
    with pytest.raises(UnreadableFile, match="cannot read"):
        read_page(tmp_path / "missing.html")
