"""Quotation spans in paragraphs: pairs double, curly, low-high and guillemet marks, outer
single quotes (not apostrophes), and quotes that run over several paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Opening double marks and the marks that may close each of them.
DOUBLE_CLOSERS: dict[str, str] = {"“": "”", "„": "“”", "«": "»", "»": "«", '"': '"', "”": "”"}
#: Opening single marks and the marks that may close each of them.
SINGLE_CLOSERS: dict[str, str] = {"‘": "’'", "‚": "‘’", "'": "'’", "‹": "›"}

_DOUBLE_MARK = re.compile(r"[“”„«»\"]")
_SINGLE_MARK = re.compile(r"[‘’‚'‹›]")
#: Marks that may open a single-quoted span: a paragraph without any has none (cheap pre-check).
_SINGLE_OPENERS = "".join(SINGLE_CLOSERS)
_OPENERS = "".join(DOUBLE_CLOSERS) + _SINGLE_OPENERS
#: Any of ``_OPENERS`` / ``_SINGLE_OPENERS`` (one scan instead of one per mark).
_ANY_OPENER = re.compile(f"[{re.escape(_OPENERS)}]")
_ANY_SINGLE_OPENER = re.compile(f"[{re.escape(_SINGLE_OPENERS)}]")
#: Characters after which a mark may open a quotation.
_OPEN_BEFORE = frozenset(" \t\n([{—–-/:;,")
#: Characters before which a mark may close a quotation.
_CLOSE_AFTER = frozenset(" \t\n)]},.;:!?…—–-/")
_SENTENCE_END = frozenset(".,!?…")
_LEADING_MARK = re.compile(r"\s*[“„«»\"]")


@dataclass
class Span:
    """One quotation: ``pieces`` are (paragraph, start, end) of the text without marks, one per
    paragraph it covers; ``open_at``/``close_at`` are the mark offsets in the first/last piece's
    paragraph (``close_at`` is the paragraph length when the last piece has no closing mark)."""

    pieces: list[tuple[int, int, int]] = field(default_factory=list)
    open_at: int = 0
    close_at: int = 0
    mark: str = '"'
    #: The first piece's paragraph (fixed once the span is built; read in every hot loop).
    paragraph: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        self.paragraph = self.pieces[0][0] if self.pieces else 0

    @property
    def last_paragraph(self) -> int:
        return self.pieces[-1][0]


def _can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before in _OPEN_BEFORE or before in "“„«‘‚\"'") and not after.isspace()


def _can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after in _CLOSE_AFTER or after in "”»’'\"")


def _double_spans(
    text: str, start: int, carry: str | None
) -> tuple[list[tuple[int, int]], str | None, int]:
    """Pair double marks from ``start``; returns (open, close) mark offsets, the still-open mark
    (or None) and its offset. ``carry`` is a mark left open by the previous paragraph."""
    spans: list[tuple[int, int]] = []
    opener, open_at, depth = carry, (start - 1 if carry else -1), 0
    for m in _DOUBLE_MARK.finditer(text, start):
        i, mark = m.start(), m.group()
        if opener is None:
            if mark in DOUBLE_CLOSERS and (_can_open(text, i) or mark in "“„«"):
                if mark == "”" and not _can_open(text, i):
                    continue
                opener, open_at, depth = mark, i, 0
            continue
        closers = DOUBLE_CLOSERS[opener]
        if mark in closers and (mark != opener or opener in '"”' or _can_close(text, i)):
            if depth and mark != '"':
                depth -= 1
                continue
            spans.append((open_at, i))
            opener = None
        elif mark == opener and _can_open(text, i):
            depth += 1
        elif mark in "“”" and _can_close(text, i) and not depth:
            spans.append((open_at, i))  # a closing mark curled the wrong way
            opener = None
    return spans, opener, open_at


def _single_spans(
    text: str, blocked: list[tuple[int, int]], elision: re.Pattern[str]
) -> list[tuple[int, int]]:
    """Outer single-quoted spans outside ``blocked`` double spans, skipping apostrophes."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    fallback: int | None = None
    for m in _SINGLE_MARK.finditer(text):
        i, mark = m.start(), m.group()
        if any(a <= i <= b for a, b in blocked):
            continue
        if open_at is None:
            opens = mark in SINGLE_CLOSERS and _can_open(text, i)
            if opens and text[i + 1 : i + 2].isalnum() and not elision.match(text, i + 1):
                open_at = i
            continue
        if mark in SINGLE_CLOSERS[text[open_at]]:
            if _single_closes(text, i):
                spans.append((open_at, i))
                open_at, fallback = None, None
            elif _can_close(text, i):
                fallback = i  # "years’ –": a plural possessive, unless nothing else closes
    if open_at is not None and fallback is not None:
        spans.append((open_at, fallback))
    elif open_at is not None and text[:open_at].rstrip().endswith(":"):
        spans.append((open_at, len(text)))  # 'She added: ‘... (closed in a later paragraph)
    return spans


def _single_closes(text: str, i: int) -> bool:
    """A single mark closes a quotation, rather than ending a plural possessive (students')."""
    if not _can_close(text, i):
        return False
    before = text[i - 1]
    after = text[i + 1] if i + 1 < len(text) else ""
    if after == "" or after in ",.;:!?)…—–":
        return True
    return before in _SENTENCE_END or before.lower() != "s"


def _closes_first(text: str) -> bool:
    """The paragraph's first double mark closes a quotation: it continues one left open by the
    previous paragraph (a paragraph the page split without repeating the opening mark)."""
    m = _DOUBLE_MARK.search(text)
    if m is None:
        return False
    i = m.start()
    return (m.group() in "”»" and _can_close(text, i)) or (
        m.group() == '"' and _can_close(text, i) and not _can_open(text, i)
    )


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def find_spans(paragraphs: list[str], elision: re.Pattern[str]) -> list[Span]:
    """All quotation spans in ``paragraphs``, in reading order."""
    spans: list[Span] = []
    carry: Span | None = None
    for index, text in enumerate(paragraphs):
        if carry is None and not _ANY_OPENER.search(text):
            continue  # no mark that can open a quotation: nothing to pair
        lead = _LEADING_MARK.match(text)
        if carry is not None and not lead and not _closes_first(text):
            spans.append(carry)  # unclosed quote that does not continue: ends at its paragraph
            carry = None
        start = (lead.end() if lead else 0) if carry is not None else 0
        pairs, opener, open_at = _double_spans(text, start, carry.mark if carry else None)
        singles = (
            _single_spans(text, pairs, elision)
            if opener is None and _ANY_SINGLE_OPENER.search(text)
            else []
        )
        found: list[Span] = []
        for a, b in sorted(pairs + singles):
            if carry is not None and a == start - 1:
                carry.pieces.append((index, *_trimmed(text, a + 1, b)))
                carry.close_at = b
                found.append(carry)
                carry = None
                continue
            found.append(Span([(index, *_trimmed(text, a + 1, b))], a, b, text[a]))
        if carry is not None and opener is not None and open_at == start - 1:
            carry.pieces.append((index, *_trimmed(text, start, len(text))))
            carry.close_at = len(text)
        elif opener is not None:
            if carry is not None:
                found.insert(0, carry)
            carry = Span(
                [(index, *_trimmed(text, open_at + 1, len(text)))], open_at, len(text), opener
            )
        spans.extend(found)
    if carry is not None:
        spans.append(carry)
    return [s for s in spans if any(b > a for _, a, b in s.pieces)]
