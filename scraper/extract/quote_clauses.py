"""Sentences and their subjects: where a sentence ends (abbreviations are no ends), the
sentence before or after a quote, and the subject a sentence opens with ("Ana Ruiz toured the
site and said", "Minister of Mines, Ana Ruiz, would not confirm ... and only said")."""

from __future__ import annotations

import re
from functools import lru_cache

from scraper.extract.quote_phrases import (
    EDGE,
    bare_word,
    is_capital,
    is_organisation,
    name_start,
    plausible,
)
from scraper.extract.quote_rules import QuoteRules

#: The end of a sentence (punctuation, an optional closing mark, space, a capital next).
SENTENCE_BOUNDARY = re.compile(r"[.!?…]+[”\"’']?\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ENDED = re.compile(r"\s*[.!?…]+(?=\s+[\"“‘'(\[]?[A-Z])")


@lru_cache(maxsize=4096)
def last_sentence(text: str, rules: QuoteRules) -> str:
    """The part of ``text`` after its last sentence boundary (abbreviations are not ends)."""
    cut = 0
    for m in SENTENCE_BOUNDARY.finditer(text):
        if not _is_abbreviation(text, m.start(), rules):
            cut = m.end()
    return text[cut:]


def first_sentence(text: str, rules: QuoteRules) -> str:
    """The part of ``text`` up to its first sentence boundary."""
    ended = _ENDED.match(text)
    if ended:
        return ended.group()  # '"...". Downing Street said': the quote's sentence ended
    for m in SENTENCE_BOUNDARY.finditer(text):
        if m.start() > 0 and not _is_abbreviation(text, m.start(), rules):
            return text[: m.start() + 1]
    return text


def _is_abbreviation(text: str, dot: int, rules: QuoteRules) -> bool:
    if text[dot] != ".":
        return False
    word = text[:dot].rsplit(None, 1)[-1] if text[:dot].strip() else ""
    bare = word.strip(EDGE).lower()
    if bare in rules.abbreviations:
        return True  # "on Oct. 29"
    if len(bare) <= 1 or "." in bare:
        return True
    # a title shortened before a name is capitalised ("Gen. Lee"); "his father. He" ends
    titled = bare in rules.period_titles
    return titled and word.lstrip(EDGE)[:1].isupper()


#: "... and said", "... and has since said", "... but later told": a second verb of the subject.
_COORDINATED = re.compile(r"[\s,]+(?:and|but)\s+(?:(?:has|have|had|also|later|then|\w+ly)\s+)*$")
#: Most words the subject noun phrase of a coordinated sentence may have ("The regional board").
COORDINATED_WORDS = 5


def coordinated_subject(before: str, rules: QuoteRules) -> str | None:
    """'Ana Ruiz toured the site and said, "..."': the subject of the sentence whose second
    verb is the cue; a pronoun or a determiner phrase ("The ministry") as written."""
    joined = _COORDINATED.search(before)
    if joined is None:
        return None
    sentence = last_sentence(before[: joined.start()], rules)
    infinitive = _INFINITIVE_SUBJECT.search(sentence)
    if infinitive:  # "leading a frustrated Tom Cook to denounce his aide and say": Cook says
        name = infinitive.group(1).split()
        at = name_start(name, rules)
        if at is not None and plausible(name[at:], rules) and not is_organisation(name, rules):
            return " ".join(name[at:])
    titled = _TITLED_NAME.match(sentence)
    if titled and _is_role_phrase(titled.group(1), rules):
        name = titled.group(2).split()
        if plausible(name, rules) and not is_organisation(name, rules):
            return titled.group(2)  # "Minister of Mines, Ana Ruiz, would not confirm ..."
    clauses = [sentence, sentence.rsplit(",", 1)[-1]] if "," in sentence else [sentence]
    for clause in clauses:  # "On Monday, Ana Ruiz toured the site and said"
        subject = opening_subject(clause.split(), rules)
        if subject:
            return subject
    return None


#: A verb of causing, a name, then "to" and the verb of an infinitive clause that runs to the
#: end: the name is that clause's subject ("prompting Tom Cook to denounce his aide"), not a
#: purpose clause's object ("went to Paris to see the show").
_INFINITIVE_SUBJECT = re.compile(
    r"\b(?:lead|led|leading|prompt|prompted|prompting|force|forced|forcing|cause|caused|causing"
    r"|push|pushed|pushing|move|moved|moving|inspire|inspired|inspiring|drive|drove|driving)"
    r"\s+(?:(?:a|an|the)\s+(?:[a-z-]+\s+)?)?"
    r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+to\s+[a-z]+\b[^.!?;:,]*$"
)


#: A sentence opening with a role, then a full name set off by commas.
_TITLED_NAME = re.compile(r"\s*([^,]{2,60}),\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*),\s")


def _is_role_phrase(phrase: str, rules: QuoteRules) -> bool:
    """'Minister of Natural Resources', 'The company's chief executive': a role before a name."""
    words = [bare_word(w) for w in phrase.split()]
    return bool(words) and (words[-1] in rules.titles or words[0] in rules.titles)


def opening_subject(words: list[str], rules: QuoteRules) -> str | None:
    """The subject that opens ``words``, up to its verb: a pronoun, a determiner phrase, a
    name without its title, or a plural noun ("officials waited")."""
    if len(words) < 2:
        return None  # '..." Smith said, and added': the sentence holds no subject of its own
    first = bare_word(words[0])
    if first in rules.pronouns:
        return words[0].strip(EDGE)
    verb = _first_verb(words, rules)
    if verb is None:
        return None
    if first in {"a", "an", "the"}:
        return " ".join(w.strip(EDGE) for w in words[:verb])
    if verb == 1 and words[0][:1].islower() and first.endswith("s") and first.isalpha():
        return words[0].strip(EDGE) if plausible(words[:1], rules) else None
    at = name_start(words[:verb], rules)
    if at is None or not all(is_capital(w) for w in words[:verb]):
        return None  # the sentence does not open with its subject ("Even when ...")
    name = [w.strip(EDGE) for w in words[at:verb]]
    return " ".join(name) if plausible(name, rules) else None


def _first_verb(words: list[str], rules: QuoteRules) -> int | None:
    """Where the verb after an opening subject phrase is: 'The regional water board released',
    'Ana Ruiz visited', 'Police have arrested', 'Ann Lee additionally referred' (an adverb in
    "-ly" after a name)."""
    for i, word in enumerate(words[1 : COORDINATED_WORDS + 1], 1):
        bare = bare_word(word)
        adverb = bare.endswith("ly") and len(bare) > 4 and is_capital(words[i - 1])
        verb = bare in rules.verb_markers or bare in rules.adverbs or adverb
        verb = verb or rules.cue.fullmatch(bare) is not None
        if word[:1].islower() and (verb or bare.endswith(("ed", "s"))):
            return i
        if word[-1:] in ",;:" or bare in rules.prepositions:
            return None  # "a large share of the respondents": not a plain subject phrase
    return None


#: The per-text caches of this module (cleared together by ``quotes.clear_caches``).
CACHED = (last_sentence,)
