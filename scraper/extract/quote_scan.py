"""Word look-ups that stand in for patterns built from an article's names: each function gives
exactly what its reference regex (in its docstring) gives, found with ``str.find`` and character
tests. A crawl sees every name once, so compiling a pattern per name (the ``re`` cache only
hides it on repeated pages) costs more than the search it serves."""

from __future__ import annotations

from collections.abc import Collection

#: Characters of a name's word besides word characters: apostrophes and hyphens (``[\\w'’-]``).
_NAME_MARKS = "'’-"


def is_word_char(char: str) -> bool:
    """Whether ``char`` is what ``\\w`` matches in a ``str`` pattern (letters, digits, "_")."""
    return char.isalnum() or char == "_"


def at_boundary(text: str, i: int) -> bool:
    """Whether ``\\b`` matches at offset ``i`` of ``text``."""
    before = i > 0 and is_word_char(text[i - 1])
    after = i < len(text) and is_word_char(text[i])
    return before != after


def _space_before(text: str, at: int) -> int:
    """Where the run of whitespace ending at ``at`` starts (``at`` when there is none)."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at


def capitalised_before(text: str, word: str) -> list[str]:
    """The capitalised words right before ``word``, as the matches of
    ``re.finditer(rf"\\b([A-Z][\\w'’-]+)\\s+{re.escape(word)}\\b", text)`` capture them (in
    order; matches do not overlap, so a word a match took as ``word`` opens no other)."""
    found: list[str] = []
    resume = 0  # where the next match may start: the end of the last one
    at = text.find(word) if word else -1
    while at >= 0:
        end = at + len(word)
        space = _space_before(text, at)
        if space < at and at_boundary(text, end):
            run = space  # the capture runs up to the space: a word of [\w'’-] ending there
            while run > 0 and (is_word_char(text[run - 1]) or text[run - 1] in _NAME_MARKS):
                run -= 1
            for start in range(max(run, resume), space - 1):  # a capital and one char or more
                if "A" <= text[start] <= "Z" and at_boundary(text, start):
                    found.append(text[start:space])
                    resume = end
                    break
        at = text.find(word, at + 1)
    return found


def _capital_follows(text: str, end: int) -> bool:
    """``(?=[\\w'’-]*\\s+[A-Z])`` at ``end``: the rest of a word, space, then a capital."""
    rest = end
    while rest < len(text) and (is_word_char(text[rest]) or text[rest] in _NAME_MARKS):
        rest += 1
    after = rest
    while after < len(text) and text[after].isspace():
        after += 1
    return rest < after < len(text) and "A" <= text[after] <= "Z"


def after_preposition(text: str, word: str, prepositions: Collection[str]) -> int | None:
    """Where the first match of ``\\b(?:<prepositions>)\\s+{re.escape(word)}\\b(?![\\w'’-]*\\s+
    [A-Z])`` starts in ``text`` (the alternatives case-sensitive), or None. Every preposition
    must consist of word characters only (``only_word_chars``): it is then the whole word
    before the space."""
    at = text.find(word) if word else -1
    while at >= 0:
        end = at + len(word)
        space = _space_before(text, at)
        if space < at and at_boundary(text, end) and not _capital_follows(text, end):
            start = space
            while start > 0 and is_word_char(text[start - 1]):
                start -= 1
            if start < space and text[start:space] in prepositions:
                return start
        at = text.find(word, at + 1)
    return None


def only_word_chars(words: Collection[str]) -> bool:
    """Whether every one of ``words`` is non-empty and made of word characters only."""
    return all(word and all(is_word_char(c) for c in word) for word in words)


#: The indefinite determiners that introduce someone unnamed ("a source", "another official").
_INDEFINITES = ("a", "A", "an", "An", "another", "Another")
#: Most words between the determiner and the noun ("a senior police source").
_INDEFINITE_GAP = 2


def indefinite_before(text: str, noun: str) -> bool:
    """Whether ``re.search(rf"\\b(?:[Aa]n?|[Aa]nother)\\s+(?:[\\w-]+\\s+){{0,2}}{re.escape(noun)}
    \\b", text)`` matches: "a", "an" or "another", up to two words of ``[\\w-]``, then ``noun``."""
    at = text.find(noun)
    while at >= 0:
        if at_boundary(text, at + len(noun)) and _introduced_at(text, at):
            return True
        at = text.find(noun, at + 1)
    return False


def _introduced_at(text: str, at: int) -> bool:
    """Whether an indefinite determiner and up to two words before ``at`` lead to it, each
    followed by space (the words between space and space, the determiner after a non-word
    character)."""
    end = at
    for _ in range(_INDEFINITE_GAP + 1):
        space = _space_before(text, end)
        if space == end:
            return False
        start = space
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        if any(_ends_with(text, start, space, word) for word in _INDEFINITES):
            return True
        if not all(is_word_char(c) or c == "-" for c in text[start:space]):
            return False
        end = start
    return False


def _ends_with(text: str, start: int, end: int, word: str) -> bool:
    """``text[start:end]`` ends with ``word`` (letters), a word boundary before it."""
    begin = end - len(word)
    if begin < start or text[begin:end] != word:
        return False
    return begin == 0 or not is_word_char(text[begin - 1])


def word_before(text: str, word: str) -> str | None:
    """What ``(\\S+)`` captures in the first match of ``rf"(\\S+)\\s+{re.escape(word)}\\b"`` in
    ``text``: the whole non-space word before the first ``word`` that space separates from it
    (a later occurrence always has a later word before it, so the first one decides)."""
    at = text.find(word)
    while at >= 0:
        space = _space_before(text, at)
        if 0 < space < at and at_boundary(text, at + len(word)):
            start = space
            while start > 0 and not text[start - 1].isspace():
                start -= 1
            return text[start:space]
        at = text.find(word, at + 1)
    return None
