"""Binary bodies served as text: magic numbers, control-byte share, UTF-16/32 left alone."""

from __future__ import annotations

import gzip
import random
import zlib

import pytest

from scraper.sniff import binary_kind, gunzip_text

PAGE = (
    '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Grüße</title></head>'
    "<body><p>Die Stadt hat am Dienstag über den Haushalt beraten – «Wir sparen», sagte sie."
    "</p><p>東京 — данные — ﺍﻟﻌﺮﺑﻴﺔ</p></body></html>"
)


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "WebP image"),
        (b"\x00\x00\x00\x20ftypisom\x00\x00\x02\x00", "MP4/QuickTime media or HEIF/AVIF image"),
        (b"%PDF-1.4\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip data"),
        (b"wOF2\x00\x01\x00\x00", "WOFF2 font"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF executable"),
        (b"SQLite format 3\x00\x10\x00", "SQLite database"),
    ],
)
def test_magic_numbers_name_the_format(head: bytes, kind: str) -> None:
    assert binary_kind(head + bytes(200)) == kind


@pytest.mark.parametrize(
    "encoding",
    ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
     "iso-2022-jp", "gb18030"],
)  # fmt: skip
def test_text_in_any_encoding_is_not_binary(encoding: str) -> None:
    assert binary_kind(PAGE.encode(encoding, "replace")) is None


def test_random_and_compressed_bytes_are_binary() -> None:
    noise = random.Random(7).randbytes(8000)
    assert binary_kind(noise) is not None
    raw_deflate = zlib.compress(PAGE.encode() * 40)[2:]  # no header: no magic number
    kind = binary_kind(raw_deflate)
    assert kind is not None and kind.endswith("% control bytes")


def test_a_few_stray_nuls_in_a_page_are_tolerated() -> None:
    body = PAGE.encode() * 10
    damaged = body[:500] + b"\x00\x00\x00" + body[500:]
    assert binary_kind(damaged) is None
    assert binary_kind(b"\x00" * 300) == "100% control bytes"


def test_gunzip_text_reads_a_page_compressed_twice_and_nothing_else() -> None:
    page = PAGE.encode()
    assert gunzip_text(gzip.compress(page), 10_000) == page
    assert gunzip_text(page, 10_000) is None  # not gzip
    assert gunzip_text(gzip.compress(page * 100), 1_000) is None  # over the limit
    assert gunzip_text(gzip.compress(page)[:-12], 10_000) is None  # truncated
    assert gunzip_text(gzip.compress(b"\x89PNG\r\n\x1a\n" + bytes(500)), 10_000) is None
