"""Grammatical gender of the people in an article, read from the words right before their
names ("Mrs Lee", "spokeswoman Ann Lee", "her husband, Tom"), so that "she" is not resolved to
a man the article marked as one (gender words are ``female_words``/``male_words`` of the rules)."""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.extract.quote_rules import QuoteRules

#: A word, an optional comma, and (looked ahead at, so "Mr Lee and Mrs Lee" gives both) a
#: capitalised name of up to three words after it.
_BEFORE_NAME = re.compile(r"\b([A-Za-z]+)\.?,?\s+(?=((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+))")

FEMALE, MALE = "f", "m"


@lru_cache(maxsize=256)
def genders(paragraphs: tuple[str, ...], rules: QuoteRules) -> dict[str, str]:
    """Name words (lower case) -> "f" or "m", from gender words right before a name; a word
    marked both ways (two people sharing a surname) is left out."""
    marks: dict[str, set[str]] = {}
    words = rules.female_words | rules.male_words
    if not words:
        return {}
    for text in paragraphs:
        for m in _BEFORE_NAME.finditer(text):
            word = m.group(1).lower()
            if word not in words:
                continue
            gender = FEMALE if word in rules.female_words else MALE
            for name in m.group(2).split():
                bare = name.strip("'’").lower()
                if bare.endswith(("’s", "'s")):
                    bare = bare[:-2]
                marks.setdefault(bare, set()).add(gender)
    return {word: next(iter(found)) for word, found in marks.items() if len(found) == 1}


def pronoun_gender(pronoun: str, rules: QuoteRules) -> str | None:
    """ "f" for "she", "m" for "he", None for a pronoun without gender ("they")."""
    word = pronoun.lower()
    if word in rules.female_pronouns:
        return FEMALE
    return MALE if word in rules.male_pronouns else None


def disagrees(name: str, pronoun: str, table: dict[str, str], rules: QuoteRules) -> bool:
    """Whether the article marked ``name`` (by its last word) with the other gender."""
    wanted = pronoun_gender(pronoun, rules)
    words = name.lower().split()
    known = table.get(words[-1]) if words else None
    return wanted is not None and known is not None and known != wanted


#: The per-article caches of this module (cleared together by ``quotes.clear_caches``).
CACHED = (genders,)
