"""The one rule for saved pages that `extract` and `import` share (scraper.saved)."""

from __future__ import annotations

import gzip

import pytest

from scraper.saved import MAX_PAGE_BYTES, BinaryData, BrokenGzip, NotAPage, page_bytes

HTML = b"<html><body><p>Floods closed the river road.</p></body></html>"


def test_plain_and_gzipped_pages_give_the_same_bytes() -> None:
    assert page_bytes(HTML) == HTML
    assert page_bytes(gzip.compress(HTML)) == HTML
    assert page_bytes(gzip.compress(HTML), compressed=True) == HTML


def test_a_gzip_bomb_stops_at_the_limit() -> None:
    bomb = gzip.compress(b" " * (MAX_PAGE_BYTES + 10), 9)
    with pytest.raises(NotAPage, match="larger than 20 MB"):
        page_bytes(bomb)


def test_broken_and_cut_gzip_are_told_apart_from_other_refusals() -> None:
    with pytest.raises(BrokenGzip, match="broken gzip"):
        page_bytes(b"\x1f\x8b not really gzip")
    with pytest.raises(BrokenGzip, match="cut short"):
        page_bytes(gzip.compress(HTML * 50)[:40])
    with pytest.raises(BrokenGzip):  # named .gz, but no gzip inside
        page_bytes(HTML, compressed=True)


def test_binary_formats_are_named() -> None:
    with pytest.raises(BinaryData, match=r"^PNG image, not an HTML page$"):
        page_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(BinaryData, match="control bytes"):
        page_bytes(bytes(range(32)) * 20)
