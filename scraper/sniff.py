"""Binary bodies served as text: a response labelled ``text/html`` that holds an image, an
archive or other non-text bytes is recognised by its first bytes, so it is skipped with a
reason instead of being stored and extracted to junk.

Two tests, in order: magic numbers of common binary formats (a table, below), then the share
of control bytes in the first few kilobytes (text never has many; UTF-16 text, whose ASCII
letters come with a NUL byte each, is recognised and left alone).
"""

from __future__ import annotations

import codecs

from scraper.gzipped import GZIP_MAGIC, GzipError, inflate

#: (offset, signature) pairs that must all match, and the format's name for messages.
#: Only signatures that no text page can start with (HTML starts with "<", whitespace or a
#: byte order mark); weak ones ("BM" for bitmaps, "MZ" for executables) are left to the
#: control-byte test.
MAGIC_NUMBERS: tuple[tuple[tuple[tuple[int, bytes], ...], str], ...] = (
    (((0, b"\x89PNG\r\n\x1a\n"),), "PNG image"),
    (((0, b"\xff\xd8\xff"),), "JPEG image"),
    (((0, b"GIF87a"),), "GIF image"),
    (((0, b"GIF89a"),), "GIF image"),
    (((0, b"RIFF"), (8, b"WEBP")), "WebP image"),
    (((0, b"RIFF"), (8, b"WAVE")), "WAV audio"),
    (((0, b"RIFF"), (8, b"AVI ")), "AVI video"),
    (((0, b"II*\x00"),), "TIFF image"),
    (((0, b"MM\x00*"),), "TIFF image"),
    (((0, b"\x00\x00\x01\x00"),), "icon"),
    (((4, b"ftyp"),), "MP4/QuickTime media or HEIF/AVIF image"),
    (((0, b"\x1a\x45\xdf\xa3"),), "Matroska/WebM video"),
    (((0, b"OggS\x00"),), "Ogg media"),
    (((0, b"fLaC"),), "FLAC audio"),
    (((0, b"ID3\x03"),), "MP3 audio"),
    (((0, b"ID3\x04"),), "MP3 audio"),
    (((0, b"%PDF-"),), "PDF document"),
    (((0, b"PK\x03\x04"),), "ZIP archive"),
    (((0, b"PK\x05\x06"),), "ZIP archive"),
    (((0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),), "MS Office document"),
    (((0, b"\x1f\x8b"),), "gzip data"),
    (((0, b"BZh"), (4, b"1AY&SY")), "bzip2 data"),
    (((0, b"\xfd7zXZ\x00"),), "xz data"),
    (((0, b"7z\xbc\xaf\x27\x1c"),), "7-Zip archive"),
    (((0, b"\x28\xb5\x2f\xfd"),), "Zstandard data"),
    (((0, b"Rar!\x1a\x07"),), "RAR archive"),
    (((0, b"wOFF"),), "WOFF font"),
    (((0, b"wOF2"),), "WOFF2 font"),
    (((0, b"OTTO\x00"),), "OpenType font"),
    (((0, b"\x00\x01\x00\x00\x00"),), "TrueType font"),
    (((0, b"\x00asm"),), "WebAssembly module"),
    (((0, b"\x7fELF"),), "ELF executable"),
    (((0, b"\xca\xfe\xba\xbe"),), "Java class file"),
    (((0, b"SQLite format 3\x00"),), "SQLite database"),
)

#: Bytes no text encoding of a web page uses (the WHATWG MIME sniffing standard's "binary
#: data bytes": C0 controls except tab, line feed, form feed, carriage return and escape,
#: which ISO-2022-JP pages use).
CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
SAMPLE_BYTES = 4096
#: Random bytes (compressed or encrypted data) hold about 10% control bytes, text almost
#: none; a page with a few stray NULs stays well below this share.
MAX_CONTROL_SHARE = 0.05
_TEXT_BOMS = (
    codecs.BOM_UTF32_LE,
    codecs.BOM_UTF32_BE,
    codecs.BOM_UTF16_LE,
    codecs.BOM_UTF16_BE,
    codecs.BOM_UTF8,
)


def binary_kind(body: bytes) -> str | None:
    """What binary format ``body`` holds ("PNG image", or "31% control bytes" for one without
    a known signature), or None when it may be text.

    >>> binary_kind(b"\\x89PNG\\r\\n\\x1a\\n...")
    'PNG image'
    >>> binary_kind(b"<!doctype html><p>Hello</p>") is None
    True
    """
    for signature, name in MAGIC_NUMBERS:
        if all(body[at : at + len(part)] == part for at, part in signature):
            return name
    sample = body[:SAMPLE_BYTES]
    if not sample or sample.startswith(_TEXT_BOMS) or _wide_text(sample):
        return None
    controls = len(sample) - len(sample.translate(None, CONTROL_BYTES))
    share = controls / len(sample)
    if share > MAX_CONTROL_SHARE:
        return f"{share:.0%} control bytes"
    return None


def _wide_text(sample: bytes) -> bool:
    """UTF-16 or UTF-32 text without a byte order mark: ASCII letters come with one or three
    NUL bytes each, so NULs are common at some offsets of each code unit and absent at the
    letter's own offset, which holds no control bytes."""
    for width in (2, 4):
        units = len(sample) // width
        if units == 0:
            return False
        nuls = [sample[offset::width].count(0) for offset in range(width)]
        letters = sample[nuls.index(min(nuls)) :: width]
        controls = len(letters) - len(letters.translate(None, CONTROL_BYTES))
        if (
            min(nuls) <= 0.02 * units
            and sorted(nuls)[-(width // 2)] > 0.3 * units
            and controls <= MAX_CONTROL_SHARE * units
        ):
            return True
    return False


def gunzip_text(body: bytes, limit: int) -> bytes | None:
    """A gzip body sent without ``Content-Encoding: gzip`` (a server compressing twice),
    decompressed when it holds text, else None. ``limit`` caps the output size."""
    if not body.startswith(GZIP_MAGIC):
        return None
    try:
        text = inflate(body, limit)
    except GzipError:
        return None
    return None if binary_kind(text) is not None else text
