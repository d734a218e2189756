"""Grammatical gender of the people in an article, read from the words right before their
names ("Mrs Lee", "spokeswoman Ann Lee", "her husband, Tom"), so that "she" is not resolved to
a man the article marked as one (gender words are ``female_words``/``male_words`` of the rules)."""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.extract.quote_rules import QuoteRules

FEMALE, MALE = "f", "m"


@lru_cache(maxsize=1024)
def name_gender(word: str, paragraphs: tuple[str, ...], rules: QuoteRules) -> str | None:
    """ "f" or "m" when the article puts a gender word right before a name holding ``word``
    (up to two capitalised words between: "Mrs Ann Lee"), None when it never does or does
    both ways (two people sharing a surname). Only paragraphs holding ``word`` are read."""
    if not word or not (rules.female_words or rules.male_words):
        return None
    # zero-width, so that overlapping starts are all tried ("and Mrs Lee": "and", "Mrs")
    pattern = re.compile(
        rf"(?=\b([A-Za-z]+)\.?,?\s+(?:[A-Z][\w'’-]+\s+){{0,2}}{re.escape(word)}\b)"
    )
    found: set[str] = set()
    for text in paragraphs:
        for m in pattern.finditer(text) if word in text else ():
            before = m.group(1).lower()
            if before in rules.female_words:
                found.add(FEMALE)
            elif before in rules.male_words:
                found.add(MALE)
    return found.pop() if len(found) == 1 else None


def pronoun_gender(pronoun: str, rules: QuoteRules) -> str | None:
    """ "f" for "she", "m" for "he", None for a pronoun without gender ("they")."""
    word = pronoun.lower()
    if word in rules.female_pronouns:
        return FEMALE
    return MALE if word in rules.male_pronouns else None


def disagrees(name: str, pronoun: str, paragraphs: tuple[str, ...], rules: QuoteRules) -> bool:
    """Whether the article marked ``name`` (by its last word) with the other gender than
    ``pronoun``'s."""
    wanted = pronoun_gender(pronoun, rules)
    words = name.split()
    if wanted is None or not words:
        return False
    known = name_gender(words[-1].strip("'’"), paragraphs, rules)
    return known is not None and known != wanted


#: The per-article caches of this module (cleared together by ``quotes.clear_caches``).
CACHED = (name_gender,)
