"""Text normalisation shared by the extractors: Unicode NFC, whitespace folding, invisible characters."""

from __future__ import annotations

import re
import unicodedata

# Zero-width and soft-hyphen characters that pages leave in text and nobody wants to keep.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_HAS_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACE_RUN = re.compile(r"\s+")


def normalize_space(s: str) -> str:
    """Fold every whitespace run (incl. NBSP and line breaks) to one space, strip, NFC-normalise."""
    if not s:
        return ""
    if _HAS_INVISIBLE.search(s):
        s = s.translate(_INVISIBLE)
    s = _SPACE_RUN.sub(" ", s).strip()
    if not s.isascii():
        s = unicodedata.normalize("NFC", s)
    return s
