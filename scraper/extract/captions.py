"""Captions and photo credits: where a picture's caption is, and how a credit is told apart.

Rules are data: class words of caption elements, credit labels ("Foto:", "Photo by"), the
shapes of a credit ending a caption ("(AP)", "/ AFP", "| X") and what is no credit (a year,
"Archivbild", a video's duration).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from scraper.extract.text import normalize_space

#: Caption children that hold the photo credit.
CREDIT_SELECTORS = (
    '[class*="credit"]',
    '[class*="copyright"]',
    '[class*="source"]',
    '[itemprop="copyrightHolder"]',
    '[class*="author"]',
    "small",
    "cite",
)
#: Words that label a photo credit, followed by a colon ("Foto: dpa") or "by" ("Photo by X").
CREDIT_LABELS = (
    "photo",
    "photos",
    "photograph",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "bildquelle",
    "image",
    "images",
    "image credit",
    "picture",
    "credit",
    "credits",
    "quelle",
    "source",
    "crédit",
    "crédits",
    "crédito",
    "fotografía",
    "사진",
    "사진 출처",
    "출처",
)
_LABEL = "|".join(sorted(CREDIT_LABELS, key=len, reverse=True))
_CREDIT_IN_TEXT = re.compile(
    # A label needs its colon ("Photo: X"); "photo 3" ends a caption, it credits nobody.
    rf"\s*(?:\(|\[)?(?:(?:{_LABEL})\s*[:=]|(?:photo|picture|image|foto|bild)s? by\b|©|\(c\))"
    r"\s*([^()\[\]]{2,80}?)\s*(?:\)|\])?\s*$",
    re.IGNORECASE,
)
#: A short credit in parentheses or after a slash ending a caption's last sentence:
#: "... on Friday. (AP)", "... in Gaza. (Adel Hana/AP)", "... on May 7. / AFP via Getty Images".
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s*(?:\(([A-Z@©][^()]{1,60})\)|/\s+([A-Z@©][^/]{1,50})"
    r"|\|\s+([A-Z@©][^|]{1,60}))\s*$"
    # ... or a name after " / " ending any caption: "... in Palma / Lorenzo Marina".
    r"|\s/\s([A-Z][^/.,;:!?]{1,40})$"
)
#: A date, time or duration beside a picture is no credit ("26.10.2025 | 2:43 min").
_NOT_A_CREDIT_TEXT = re.compile(r"^[\d\s.:/|,-]*(?:min|sek|sec|s|h|uhr)?\.?$", re.I)
#: A credit is a few words; a credit element holding more than this share of the caption
#: holds the caption itself.
MAX_CREDIT_WORDS = 8
MAX_CREDIT_SHARE = 0.6
#: Words that a trailing parenthesis holds without being a credit ("(File)" is one; "(left)"
#: would not pass the capital letter test).
_NOT_A_CREDIT = re.compile(r"^(?:\d+|[IVX]+|Archive?|Archivbild|Symbolbild|Symbolfoto)$", re.I)
#: Class (or itemprop) words of an element holding a caption.
CAPTION_CLASS_WORDS = ("caption", "legend", "bildunterschrift", "unterzeile", "subtitle")
#: The caption inside such an element.
CAPTION_SELECTOR = (
    "figcaption, .wp-caption-text, "
    + ", ".join(f'[class*="{word}" i]' for word in CAPTION_CLASS_WORDS[:4])
    + ', [itemprop="caption"]'
)
#: A caption found beside a figure is at most this long (else it is body text).
MAX_CAPTION_CHARS = 600
#: How many wrappers up from a figure (each ending with it) a caption beside it is looked for.
CAPTION_BESIDE_LEVELS = 2


_CREDIT_LABEL = re.compile(
    rf"^\(?\s*(?:(?:{_LABEL})\s*:\s*|(?:photo|picture|image|foto|bild)s? by\s+|©\s*)", re.I
)


def clean_credit(credit: str) -> str:
    """A credit without its label and brackets ("(Photo: X)" -> "X"), repeats dropped."""
    text = normalize_space(credit)
    labelled = _CREDIT_LABEL.match(text)
    if labelled:
        text = text[labelled.end() :]
        if labelled.group().startswith("(") and text.endswith(")"):
            text = text[:-1]
    parts = [part.strip() for part in text.split(" | ")]
    text = " | ".join(dict.fromkeys(part for part in parts if part))
    return text.strip() or credit


def split_credit(caption: str) -> tuple[str, str | None]:
    """Split a trailing credit from a caption: "Photo: X", "(© X)", "Photo by X", "... . (AP)",
    "... . / AFP". A caption that is only a labelled credit becomes no caption."""
    match = _CREDIT_IN_TEXT.search(caption)
    if match:
        return caption[: match.start()].strip(), normalize_space(match.group(1))
    match = _TRAILING_CREDIT.search(caption)
    if match:
        credit = normalize_space(next(group for group in match.groups() if group))
        if not _NOT_A_CREDIT.match(credit) and len(credit.split()) <= MAX_CREDIT_WORDS:
            return caption[: match.start()].strip(), credit
    return caption, None


def caption_and_credit(caption: str | None, credit: str | None) -> tuple[str | None, str | None]:
    """Tidy a caption and credit read by a site config: the credit without its label, and a
    credit written in the caption moved out of it ("... . Foto: dpa")."""
    caption = normalize_space(caption or "") or None
    credit = clean_credit(credit) if credit else None
    if caption and credit and caption.endswith(credit):
        caption = caption[: -len(credit)].strip()
        caption = split_credit(caption)[0] if caption else caption
    elif caption and credit is None:
        caption, credit = split_credit(caption)
    if credit and _NOT_A_CREDIT_TEXT.match(credit):
        credit = None
    return caption or None, credit or None


def figure_caption(figure: LexborNode) -> tuple[str | None, str | None]:
    """The caption and credit of a figure (caption inside it, or written right after it)."""
    caption_node = figure.css_first(CAPTION_SELECTOR) or _caption_beside(figure)
    if caption_node is None:
        return None, None
    credit = None
    node = _credit_node(caption_node)
    if node is not None:
        credit = clean_credit(node.text(deep=True)) or None
        node.decompose()
    caption = normalize_space(caption_node.text(deep=True, separator=" ")) or None
    if caption:
        caption, more = split_credit(caption)
        credit = f"{credit} / {more}" if credit and more else credit or more
    if credit and _NOT_A_CREDIT_TEXT.match(credit):
        credit = None
    return caption or None, credit


def _credit_node(caption_node: LexborNode) -> LexborNode | None:
    """The element of a caption holding the credit: marked by class or tag, else a short last
    part after the caption text ("<span>Caption.</span><span>Unsplash/K. S.</span>")."""
    total = len(caption_node.text(deep=True))
    for css in CREDIT_SELECTORS:
        node = caption_node.css_first(css)
        if node is not None:
            text = node.text(deep=True).strip()
            if text and len(text) <= MAX_CREDIT_SHARE * total:
                return node
    parts = [child for child in caption_node.iter() if child.text(deep=True).strip()]
    if len(parts) < 2:
        return None
    last = normalize_space(parts[-1].text(deep=True))
    words = len(last.split())
    if words > MAX_CREDIT_WORDS or last[-1] in ".!?:" or len(last) > MAX_CREDIT_SHARE * total:
        return None
    return parts[-1]


def _caption_beside(figure: LexborNode) -> LexborNode | None:
    """A caption written right after the figure instead of inside it (after the figure's
    wrapper, when the figure is the wrapper's last element)."""
    node = figure
    for _ in range(CAPTION_BESIDE_LEVELS):
        sibling = node.next
        while (
            sibling is not None
            and sibling.tag == "-text"
            and not (sibling.text_content or "").strip()
        ):
            sibling = sibling.next
        if sibling is not None and sibling.tag != "-text":
            if sibling.tag == "figcaption" or _is_caption_box(sibling):
                return sibling
            inner = sibling.css_first("figcaption")
            if inner is not None and len(sibling.text(deep=True)) <= MAX_CAPTION_CHARS:
                return inner
            return None
        if sibling is not None or node.parent is None:
            return None
        node = node.parent
    return None


def _is_caption_box(node: LexborNode) -> bool:
    names = f"{node.attributes.get('class') or ''} {node.attributes.get('itemprop') or ''}".lower()
    return any(word in names for word in CAPTION_CLASS_WORDS) and (
        len(node.text(deep=True)) <= MAX_CAPTION_CHARS
    )
