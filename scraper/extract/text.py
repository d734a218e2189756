"""Text normalisation shared by the extractors: Unicode NFC, whitespace folding, invisible characters."""

from __future__ import annotations

import unicodedata

#: Zero-width and soft-hyphen characters that pages leave in text and nobody wants to keep.
INVISIBLE = ("\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff")


def normalize_space(s: str) -> str:
    """Fold every whitespace run (incl. NBSP and line breaks) to one space, strip, NFC-normalise."""
    if not s:
        return ""
    if not s.isascii():
        for char in INVISIBLE:
            if char in s:
                s = s.replace(char, "")
        s = " ".join(s.split())
        return unicodedata.normalize("NFC", s) if not unicodedata.is_normalized("NFC", s) else s
    return " ".join(s.split())


def simplify(text: str) -> str:
    """Lower-cased letters and digits only (``"www.DW.com" -> "dwcom"``), for loose matching."""
    return "".join(c for c in text.lower().removeprefix("www.") if c.isalnum())
