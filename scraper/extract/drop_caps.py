"""Drop caps: the first letter of an article set apart in an element of its own, joined back to
the word it begins before the body is read.

Two markups are met: the letter inside its paragraph, named by its class ("<p><span
class=initial>N</span> a endlich"), where the markup often puts a space after it; and the
letter outside the paragraph, before it ("<span class=x>T</span><p>urkey ..."), often with a
hashed class that names nothing, which would be read as a paragraph "T" of its own.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

__all__ = ["join_drop_caps"]

#: Elements that may hold a drop cap (the first letter of a paragraph set apart), by class.
DROP_CAP_SELECTOR = ", ".join(
    f'[class*="{name}" i]'
    for name in (
        "dropcap",
        "drop-cap",
        "drop_cap",
        "initial",
        "first-letter",
        "firstletter",
        "versal",
    )
)
#: A drop cap holds at most this many characters ("N", or "„N" with its opening quote).
DROP_CAP_CHARS = 2
#: Letters that are words of their own in common languages ("A dog", "I think", "Y luego"):
#: a space after such a drop cap may be meant.
ONE_LETTER_WORDS = frozenset("AIOYEUÀÁÓÉ")
#: Paragraph elements a detached drop cap may stand before.
CAP_PARAGRAPHS = "p, blockquote"
#: Elements that are never a detached drop cap: a heading, a list item or a table cell holding
#: one letter is an index ("A", "B", ...) or a label, a link one letter leads somewhere.
NOT_CAPS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "td", "th", "a", "button", "label"}
)
_WORD = re.compile(r"\w+")


def join_drop_caps(container: LexborNode) -> None:
    """Join the drop caps under ``container`` to the rest of their word (see the module doc)."""
    for cap in container.css(DROP_CAP_SELECTOR):
        _join_inner_cap(cap)
    for found in _detached_caps(container):
        _move_into_paragraph(found, container)


def _cap_letters(node: LexborNode) -> str | None:
    """The letters of an element that could be a drop cap: one or two characters, the last a
    letter."""
    letters = node.text(deep=True).strip()
    if 0 < len(letters) <= DROP_CAP_CHARS and letters[-1].isalpha():
        return letters
    return None


def _join_inner_cap(cap: LexborNode) -> None:
    """Drop the space the markup puts after a drop cap named by its class, unless the letter
    may be a word of its own."""
    letters = _cap_letters(cap)
    if letters is None or letters[-1].upper() in ONE_LETTER_WORDS:
        return
    cap = _outermost(cap, letters)
    text_node = _first_text(cap.next)
    if text_node is not None:
        text = text_node.text_content or ""
        if text[:1].isspace():
            text_node.replace_with(text.lstrip())


def _outermost(cap: LexborNode, letters: str) -> LexborNode:
    """The outermost element that holds the letter and nothing else after it."""
    while (
        cap.parent is not None
        and cap.next is None
        and cap.parent.text(deep=True).strip() == letters
    ):
        cap = cap.parent
    return cap


def _first_text(node: LexborNode | None) -> LexborNode | None:
    """The first text node at or under ``node`` (following first children)."""
    while node is not None and node.tag != "-text":
        node = node.child
    return node


def _previous_element(node: LexborNode) -> LexborNode | None:
    """The previous sibling element, when only white space comes between."""
    sibling = node.prev
    while sibling is not None and (sibling.tag or "-").startswith("-"):
        if sibling.tag == "-text" and (sibling.text_content or "").strip():
            return None
        sibling = sibling.prev
    return sibling


def _detached_caps(container: LexborNode) -> list[tuple[LexborNode, str, LexborNode]]:
    """(cap element, its letters, the paragraph it begins) for every detached drop cap: a
    paragraph starting with a lowercase letter right after an element holding one uppercase
    letter alone. That the paragraph cannot start a sentence as it stands is the sign; no
    class name is needed. Found from the paragraphs (far fewer than the elements), each
    tested on its first text node before its whole text is read."""
    found: list[tuple[LexborNode, str, LexborNode]] = []
    for paragraph in container.css(CAP_PARAGRAPHS):
        first = _first_text(paragraph)
        start = (first.text_content or "").lstrip() if first is not None else ""
        if not start:
            start = paragraph.text(deep=True).lstrip()
        if not start[:1].islower():
            continue
        cap = _previous_element(paragraph)
        if cap is None or cap.tag in NOT_CAPS:
            continue
        letters = _lone_text(cap)
        if 0 < len(letters) <= DROP_CAP_CHARS and letters[-1].isupper():
            found.append((cap, letters, paragraph))
    return found


def _lone_text(node: LexborNode) -> str:
    """The text of an element that holds one text and nothing else (through single-child
    wrappers), stripped; "" for any other element. Cheap: no element's whole text is read."""
    child = node.child
    while child is not None and child.next is None and child.tag != "-text":
        child = child.child
    if child is None or child.next is not None or child.tag != "-text":
        return ""
    return (child.text_content or "").strip()


def _move_into_paragraph(found: tuple[LexborNode, str, LexborNode], container: LexborNode) -> None:
    """Put a detached cap's letters at the start of its paragraph and remove the cap. A letter
    that may be a word of its own ("A", "I") is joined to the next word only when the joined
    word occurs elsewhere in the text ("Another"), else it stays a word ("A dog")."""
    cap, letters, paragraph = found
    text_node = _first_text(paragraph)
    if text_node is None:
        return
    text = (text_node.text_content or "").lstrip()
    joiner = ""
    if letters[-1] in ONE_LETTER_WORDS and not _is_word_of(letters, text, container):
        joiner = " "
    text_node.replace_with(letters + joiner + text)
    cap.decompose()


def _is_word_of(letters: str, text: str, container: LexborNode) -> bool:
    """Whether the letters joined to the first word of ``text`` make a word found elsewhere
    under ``container``."""
    match = _WORD.match(text)
    if match is None:
        return False
    joined = (letters[-1] + match.group()).lower()
    words = {w.lower() for w in _WORD.findall(container.text(deep=True))}
    return joined in words
