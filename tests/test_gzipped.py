"""The one bounded gunzip: real gzip streams, a bomb, a cut stream and garbage."""

from __future__ import annotations

import gzip

import pytest

from scraper.gzipped import GzipError, GzipTooLarge, inflate


def test_inflates_a_whole_stream() -> None:
    data = b"<urlset>" + b"<url/>" * 1000 + b"</urlset>"
    assert inflate(gzip.compress(data), len(data)) == data


def test_refuses_output_past_the_limit_without_inflating_it_all() -> None:
    bomb = gzip.compress(bytes(50 * 2**20))  # 50 MB of zeros in about 50 KB
    with pytest.raises(GzipTooLarge, match="expands beyond 1000 bytes"):
        inflate(bomb, 1000)


def test_a_cut_stream_is_named_as_such() -> None:
    whole = gzip.compress(b"<html>" + bytes(range(256)) * 40 + b"</html>")
    with pytest.raises(GzipError, match="truncated gzip stream") as caught:
        inflate(whole[: len(whole) // 2], 10**6)
    assert not isinstance(caught.value, GzipTooLarge)


def test_garbage_after_the_magic_is_broken() -> None:
    with pytest.raises(GzipError, match="broken gzip data"):
        inflate(b"\x1f\x8b" + b"not a deflate stream at all", 10**6)
