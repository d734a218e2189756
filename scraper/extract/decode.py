"""Turn raw page bytes into text: BOM, then the HTTP charset, then <meta charset>, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: How far into the document a <meta charset> declaration is looked for.
META_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE
)
#: Labels that browsers map to a different decoder (WHATWG Encoding Standard).
_ALIASES = {
    "iso-8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "iso-8859-9": "windows-1254",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "unicode": "utf-8",
    "utf8": "utf-8",
}


def _normalise_label(label: str | None) -> str | None:
    """A Python codec name for an HTML/HTTP charset label, or None if it is unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _ALIASES.get(name, name)
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    # A page "declared" as UTF-16 without a BOM is nearly always really UTF-8/ASCII.
    if codec.name.startswith("utf-16") or codec.name.startswith("utf-32"):
        return "utf-8"
    return codec.name


def _strict(data: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def meta_charset(data: bytes) -> str | None:
    """The charset declared by ``<meta charset>`` or ``http-equiv`` in the first few KB."""
    match = _META_CHARSET.search(data[:META_SNIFF_BYTES])
    return match.group(1).decode("ascii", "replace") if match else None


def _detect(data: bytes) -> str:
    """Decode with charset-normalizer's best guess, then UTF-8 with replacement characters."""
    try:
        best = from_bytes(data[:200_000]).best()
    except Exception:  # detection is a heuristic: any failure falls back to UTF-8 below
        best = None
    if best is not None:
        text = _strict(data, _normalise_label(best.encoding))
        if text is not None:
            return text
    return data.decode("utf-8", errors="replace")


#: The text ``decode_html`` last made by decoding UTF-8 bytes whole, with those bytes: the
#: parser wants UTF-8, and handing it the page's own bytes spares encoding the text again.
_last_utf8: list[tuple[str, bytes]] = []


def utf8_source(text: str) -> str | bytes:
    """The UTF-8 bytes ``text`` was decoded from when ``decode_html`` just made it from them,
    else ``text`` itself: either way the same document for a parser of UTF-8."""
    last = _last_utf8[0] if _last_utf8 else None
    return last[1] if last is not None and last[0] is text else text


def _remember_utf8(text: str, data: bytes) -> str:
    _last_utf8[:] = [(text, data)]
    return text


def decode_html(html: bytes | str, declared: str | None = None) -> str:
    """Decode ``html`` to ``str``; never raises. ``declared`` is a charset from HTTP headers.

    Order: byte-order mark, the declared charset (if the bytes decode under it), the
    ``<meta>`` charset, UTF-8, then charset-normalizer detection.
    """
    if isinstance(html, str):
        return html.lstrip("\ufeff")
    data = bytes(html)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    for label in (declared, meta_charset(data)):
        normalised = _normalise_label(label)
        # A declared single-byte charset always "decodes"; trust it unless the bytes are
        # valid UTF-8 with non-ASCII content, which a wrong declaration often hides.
        if normalised and normalised != "utf-8" and not data.isascii():
            utf8 = _strict(data, "utf-8")
            if utf8 is not None:
                return _remember_utf8(utf8, data)
        text = _strict(data, normalised)
        if text is not None:
            return _remember_utf8(text, data) if normalised == "utf-8" else text
    text = _strict(data, "utf-8")
    if text is not None:
        return _remember_utf8(text, data)
    return _detect(data)
