"""Agreement of a pronoun with its antecedent: in number ("they" stands for a group that spoke,
"the lawmakers") and in gender, read from the words right before a name ("Mrs Lee",
"spokeswoman Ann Lee", "her husband, Tom"), so that "she" is not resolved to a man the article
marked as one (gender words are ``female_words``/``male_words`` of the rules)."""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.extract.quote_rules import QuoteRules

FEMALE, MALE = "f", "m"


@lru_cache(maxsize=1024)
def name_gender(word: str, paragraphs: tuple[str, ...], rules: QuoteRules) -> str | None:
    """ "f" or "m" when the article puts a gender word right before a name holding ``word``
    (up to two capitalised words between: "Mrs Ann Lee", "her husband, Tom"), None when it
    never does or does both ways (two people sharing a surname). Only the words before each
    occurrence of ``word`` are read."""
    if not word or not (rules.female_words or rules.male_words):
        return None
    found: set[str] = set()
    for text in paragraphs:
        at = text.find(word)
        while at >= 0:
            if _whole_word(text, at, len(word)):
                gender = _marked(text[max(0, at - WINDOW) : at].split(), rules)
                if gender:
                    found.add(gender)
            at = text.find(word, at + 1)
    return found.pop() if len(found) == 1 else None


#: How many characters before a name are read for its gender word.
WINDOW = 60


def _whole_word(text: str, at: int, size: int) -> bool:
    before = text[at - 1] if at else " "
    after = text[at + size] if at + size < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _marked(before: list[str], rules: QuoteRules) -> str | None:
    """The gender word ending ``before``, past up to two capitalised words of the name."""
    for token in reversed(before[-3:]):
        bare = token.strip(".,").lower()
        if bare in rules.female_words:
            return FEMALE
        if bare in rules.male_words:
            return MALE
        ended = token.endswith((",", ".")) and bare not in rules.titles  # "Dr." goes on
        if not token[:1].isupper() or ended:
            return None  # a lower-case word or the end of a phrase: no gender word here
    return None


#: A gender word and the capitalised name right after it ("wife Mary", "husband, Tom").
_MARKED_NAME = re.compile(r"\b([A-Za-z]+)\.?,?\s+(?=([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))")


def marked_names(text: str, rules: QuoteRules) -> list[tuple[int, str]]:
    """Names ``text`` gives right after a gender word ("his wife Mary", "Mr Khan"), with
    their offsets: a first name or surname alone that a pronoun may stand for."""
    found = []
    for m in _MARKED_NAME.finditer(text):
        word = m.group(1).lower()
        if word in rules.female_words or word in rules.male_words:
            found.append((m.start(2), m.group(2)))
    return found


def pronoun_gender(pronoun: str, rules: QuoteRules) -> str | None:
    """ "f" for "she", "m" for "he", None for a pronoun without gender ("they")."""
    word = pronoun.lower()
    if word in rules.female_pronouns:
        return FEMALE
    return MALE if word in rules.male_pronouns else None


def person_gender(name: str, paragraphs: tuple[str, ...], rules: QuoteRules) -> str | None:
    """The gender of a person named ``name``: the one the article marks before its last word
    (before its first word when another person shares that surname), else the one its first
    name usually has (``female_first_names``/``male_first_names``, read only for a name of
    two words or more), else None."""
    words = name.split()
    if not words:
        return None
    surname = words[-1].strip("'’")
    if len(words) < 2:
        return name_gender(surname, paragraphs, rules)
    given = words[0].strip(".,'’")
    marked = name_gender(surname, paragraphs, rules)  # "Mrs Lee", "her husband Tom Lee"
    if marked is not None and _shared_surname(given, surname, paragraphs, rules):
        # "her son Travis Kelce" marks no "Donna Kelce": only a mark before the first name
        marked = name_gender(given, paragraphs, rules)
    if marked is not None:
        return marked
    first = given.lower()
    if first in rules.female_first_names:
        return FEMALE
    return MALE if first in rules.male_first_names else None


@lru_cache(maxsize=1024)
def _shared_surname(
    given: str, surname: str, paragraphs: tuple[str, ...], rules: QuoteRules
) -> bool:
    """Whether the article writes ``surname`` after another first name too ("Donna Kelce" and
    "Travis Kelce"): a gender word before the surname may then be the other person's."""
    skip = rules.titles | rules.honorifics | rules.determiners
    for text in paragraphs:
        at = text.find(surname)
        while at >= 0:
            if _whole_word(text, at, len(surname)):
                before = text[max(0, at - WINDOW) : at]
                word = before.split()[-1] if before.split() and before[-1:].isspace() else ""
                other = word[:1].isupper() and word.isalpha() and word != given
                if other and word.lower() not in skip:
                    return True
            at = text.find(surname, at + 1)
    return False


def disagrees(name: str, pronoun: str, paragraphs: tuple[str, ...], rules: QuoteRules) -> bool:
    """Whether ``name``'s gender (``person_gender``) is the other one than ``pronoun``'s."""
    wanted = pronoun_gender(pronoun, rules)
    if wanted is None:
        return False
    known = person_gender(name, paragraphs, rules)
    return known is not None and known != wanted


def agreeing_mention(
    pronoun: str, names: list[str], paragraphs: tuple[str, ...], rules: QuoteRules
) -> str | None:
    """The last of ``names`` (full names met before the pronoun, in reading order) whose gender
    is known and is the pronoun's ("Tom Reed met Ann Lee. ... she said" -> Ann Lee): the
    antecedent when the nearest person disagrees and no earlier speaker agrees."""
    wanted = pronoun_gender(pronoun, rules)
    if wanted is None:
        return None
    for name in reversed(names):
        if person_gender(name, paragraphs, rules) == wanted:
            return name
    return None


def agreeing_speaker(
    pronoun: str,
    spoken: list[tuple[int, str]],
    here: int,
    paragraphs: list[str],
    rules: QuoteRules,
) -> str | None:
    """The nearest earlier named speaker whose gender the article does not contradict ("she"
    after "Mr Reed said" goes back to Ann Lee)."""
    article = tuple(paragraphs)
    for paragraph, speaker in reversed(spoken):
        if paragraph < here - PLURAL_PARAGRAPHS:
            break
        named = all(w[:1].isupper() for w in speaker.split())
        if named and not disagrees(speaker, pronoun, article, rules):
            return speaker
    return None


#: Plural pronouns, which stand for a group ("the lawmakers"), not for one person.
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
#: How many paragraphs back a plural pronoun looks for a group that spoke.
PLURAL_PARAGRAPHS = 3


def plural_antecedent(pronoun: str, spoken: list[tuple[int, str]], here: int) -> str | None:
    """'“...,” the lawmakers wrote. ... “...,” they wrote': "they" is the nearest earlier
    speaker that is a plural noun phrase, not the person named last (number agreement)."""
    if pronoun.lower() not in PLURAL_PRONOUNS:
        return None
    for paragraph, speaker in reversed(spoken):
        if paragraph < here - PLURAL_PARAGRAPHS:
            break
        head = speaker.split()[-1] if speaker.split() else ""
        if (
            len(speaker.split()) > 1
            and head.islower()
            and head.endswith("s")
            and not head.endswith("ss")
        ):
            return speaker
    return None


def couple(name: str, paragraphs: list[str], here: int) -> str | None:
    """'Mark and Lisa Brown bought the farm. ... “...,” they said': a plural pronoun resolved
    to one person stands for the pair the article names with that person ("Mark and Lisa
    Brown", "Tom Reed and Ann Lee"), looked for in the paragraphs up to ``here``."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    for text in reversed(paragraphs[max(0, here - PLURAL_PARAGRAPHS) : here + 1]):
        at = text.find(name)
        while at >= 0:
            if _whole_word(text, at, len(name)):
                before = text[:at].split()[-3:]
                after = text[at + len(name) :].split()[:3]
                if before[-1:] == ["and"]:
                    other = _name_words(list(reversed(before[:-1])), backwards=True)
                    if other:
                        return f"{' '.join(reversed(other))} and {name}"
                if after[:1] == ["and"]:
                    other = _name_words(after[1:], backwards=False)
                    if other:
                        return f"{name} and {' '.join(other)}"
            at = text.find(name, at + 1)
    return None


def _name_words(tokens: list[str], *, backwards: bool) -> list[str]:
    """The capitalised words that open ``tokens`` (the side of "and" away from the name, read
    outwards): punctuation after a word ends the name there ("Tom Reed," after the name;
    "Smith, Mark and" before it keeps only "Mark")."""
    found = []
    for token in tokens:
        bare = token.rstrip(",.;:")
        if not (bare[:1].isupper() and bare.isalpha()) or (backwards and bare != token):
            break
        found.append(bare)
        if bare != token:
            break
    return found


#: Words that open a group's noun phrase ("Her neighbours", "Cameron’s family", "The crew").
_GROUP_OPENERS = frozenset({"the", "her", "his", "their", "its", "our", "many", "some", "other"})


#: A group a sentence opens with that names one of its members: "Heath and the other vets",
#: "Mike Gallagher and his colleagues" (a lower-case word, the verb, follows).
_NAMED_GROUP = re.compile(
    r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+\s+and\s+(?:the|his|her|their)\s+"
    r"(?:other\s+|fellow\s+)?[a-z]+s)\s+[a-z]"
)


def group_subject(sentence: str, rules: QuoteRules) -> str | None:
    """The group a sentence opens with, as written ("Her neighbours disagree.", "Cameron’s
    family issued a tribute."): "they" in the next sentence stands for it. The head is a
    plural or a collective noun (``group_nouns``) and a lower-case word follows it."""
    words = sentence.split()
    comma = next((i for i, w in enumerate(words[:10]) if w.endswith(",")), None)
    fronted = bool(words) and (
        words[0].lower().endswith("ing") or words[0].lower() in rules.prepositions
    )
    if comma is not None and fronted:
        words = words[comma + 1 :]  # "Following the broadcast, Cameron’s family ..."
    named = _NAMED_GROUP.match(" ".join(words[:8]))
    if named:  # "Heath and the other vets wrote": the group with the person it names
        return named.group(1)
    for size in (1, 2, 3):
        if len(words) <= size or not words[size][:1].islower():
            continue
        head = words[size - 1].strip(",.;:").lower()
        plural = head.endswith("s") and not head.endswith("ss") and head.isalpha()
        if not (plural or head in rules.group_nouns) or head in rules.pronouns:
            continue
        first = words[0]
        owner = first.endswith(("’s", "'s")) and first[:1].isupper()
        opened = owner or first.lower() in _GROUP_OPENERS  # "James" alone is no group
        if opened or (size == 1 and head in rules.group_nouns):
            return " ".join(w.strip(",.;:") for w in words[:size])
    return None


def speaking_group(sentence: str, rules: QuoteRules) -> str | None:
    """The group a sentence gives a speech verb to, as written ("…, the authors argued,
    glass beads showed promise."): "they wrote" in the next sentence stands for it. The last
    plural after "the" (or a possessive) that a cue follows."""
    words = sentence.split()
    for i in range(len(words) - 2, 0, -1):
        head, verb = words[i].lower(), words[i + 1].strip(",.;:").lower()
        plural = head.endswith("s") and not head.endswith("ss") and head.isalpha()
        if not plural or head in rules.pronouns or rules.cue.fullmatch(verb) is None:
            continue
        opener = words[i - 1]
        if opener.lower() in {"the", "these", "those"} or opener.endswith(("’s", "'s")):
            return f"{opener} {words[i]}"
    return None


#: The per-article caches of this module (cleared together by ``quotes.clear_caches``).
CACHED = (name_gender, _shared_surname)
