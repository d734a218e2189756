"""Antecedents of speakers that are no name: "it" ("..., it said."), the statement, document or
organisation the article last made speak or named; a description ("Travis Kelce's mom", "the
mother of four"), the person the sentence or paragraph before was about; a pronoun opening the
article, the person named next; a surname opening a sentence ("Soros gives ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from scraper.extract.quote_clauses import last_sentence
from scraper.extract.quote_mentions import name_mentions
from scraper.extract.quote_people import (
    NOT_VERBS,
    cue_subjects,
    inverted_speakers,
    person_mentions,
)
from scraper.extract.quote_phrases import (
    EDGE,
    bare_word,
    is_capital,
    is_organisation,
    name_start,
    plausible,
)
from scraper.extract.quote_rules import QuoteRules
from scraper.extract.quote_scan import capitalised_before, indefinite_before
from scraper.extract.quote_speakers import Attribution, opening_source, sentence_subject
from scraper.extract.quote_tokens import POSSESSIVES

#: How many paragraphs back "it" looks for what it stands for.
NEUTER_PARAGRAPHS = 2
_POSSESSIVE = re.compile(r"[’'‘]s$")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[A-Z“\"])")
_DETERMINERS = r"(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)"


def is_thing(speaker: str, rules: QuoteRules) -> bool:
    """A speaker that is no person: "the statement", "The Indian army", "Storm Prediction
    Center" (a determiner phrase not headed by a role, or a phrase with an organisation or
    document word; "a spokesman for the Office" is headed by a role)."""
    words = [bare_word(w) for w in speaker.split()]
    if not words:
        return False
    head = next((i for i, w in enumerate(words) if w in rules.prepositions), len(words))
    if words[0] in rules.determiners and head > 0 and words[head - 1] in rules.titles:
        return False  # "a spokesman for the Administrative Office": a person
    if any(w in rules.not_name_words or w in rules.document_words for w in words):
        return True
    return words[0] in rules.determiners and words[-1] not in rules.titles and len(words) > 1


def neuter_antecedent(
    speakers: Sequence[tuple[int, str]],
    paragraphs: list[str],
    at: tuple[int, int],
    rules: QuoteRules,
) -> str | None:
    """What "it" at ``at`` (paragraph, offset) stands for: the nearest earlier quote speaker
    that is no person (``speakers``: paragraph and speaker of earlier quotes, in order), else
    the subject of the nearest earlier speech verb that is no person ("The army says in a
    statement ..."), else the nearest document named before ("the Citizenship Clause")."""
    first = max(0, at[0] - NEUTER_PARAGRAPHS)
    here = _organisation_subject(paragraphs[at[0]][: at[1]], rules)
    if here:  # "The World Bank expects ... “...,” it said": the sentence just before
        return here
    for paragraph, speaker in reversed(speakers):
        if paragraph < first:
            break
        if is_thing(speaker, rules):
            return speaker
    texts = [paragraphs[at[0]][: at[1]]] + [paragraphs[i] for i in range(at[0] - 1, first - 1, -1)]
    for text in texts:
        subject = _last_thing_subject(text, rules)
        if subject:
            return subject
    for text in texts:
        subject = _organisation_subject(text, rules)
        if subject:  # "Harbour Bank cut its forecast. “...,” it said."
            return subject
    for paragraph, speaker in reversed(speakers):
        if paragraph < first:
            break
        if _one_word_body(speaker, paragraphs):
            return speaker  # "Israel rejected ... “...”. It argued ...": a country or body
    for text in texts:
        body = _named_body(text, paragraphs)
        if body:  # "Goldman Sachs raised its forecast. “...,” it said."
            return body
    for text in texts:
        documents = [
            m.group().strip()
            for m in _document_phrase(rules).finditer(text)
            if m.group().split()[0].lower() not in _OWNERS  # "its forecast" is the thing's own
        ]
        if documents:
            return documents[-1]
    return None


#: Possessives that refer back to the very thing "it" stands for ("its forecast").
_OWNERS = frozenset({"its", "their"})


def _named_body(text: str, paragraphs: list[str]) -> str | None:
    """The capitalised name of two words or more that the last sentence of ``text`` opens
    with, when the article never uses its last word alone (a person's surname would be:
    "Goldman Sachs" is never "Sachs")."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    m = _OPENING_NAME.match(sentences[-1].strip()) if sentences else None
    tokens = m.group(1).split() if m else []
    if len(tokens) < 2 or not all(t[:1].isupper() for t in tokens):
        return None
    alone = re.compile(rf"(?<!{re.escape(tokens[-2])} )\b{re.escape(tokens[-1])}\b")
    return None if any(alone.search(p) for p in paragraphs) else " ".join(tokens)


def _one_word_body(speaker: str, paragraphs: list[str]) -> bool:
    """A one-word name no first name precedes anywhere in the article ("Israel", "Nato"; not
    "Smith" after "Ann Smith"): a country, organisation or account, which "it" can stand for."""
    if len(speaker.split()) != 1 or not is_capital(speaker) or not speaker.isalpha():
        return False
    surname = re.compile(rf"\b[A-Z][\w'’-]+\s+{re.escape(speaker)}\b(?![\w'’-]*\s+[A-Z])")
    return not any(surname.search(text) for text in paragraphs)


def _organisation_subject(text: str, rules: QuoteRules) -> str | None:
    """The named organisation the last sentence of ``text`` opens with ("Harbour Bank cut
    its forecast", "The World Bank expects ...")."""
    sentences = [s for s in _SENTENCE_END.split(text) if s.strip()]
    m = _OPENING_NAME.match(sentences[-1].strip()) if sentences else None
    if m is None:
        return None
    tokens = m.group(1).split()
    return m.group(1) if len(tokens) >= 2 and is_organisation(tokens, rules) else None


#: Capitalised words opening a sentence, after an optional "The", and a lower-case verb.
_OPENING_NAME = re.compile(r"(?:The\s+)?((?:[A-Z][\w'’&.-]*\s+){0,4}[A-Z][\w'’&.-]*)\s+[a-z]")


def _last_thing_subject(text: str, rules: QuoteRules) -> str | None:
    things = [s for s in cue_subjects(text, rules) if is_thing(s, rules)]
    return things[-1] if things else None


@cache
def _document_phrase(rules: QuoteRules) -> re.Pattern[str]:
    """A document as written: an optional determiner, capitalised words and a document word,
    with a number after it ("Article 5", "the Citizenship Clause", "a statement")."""
    heads = "|".join(sorted((re.escape(w) for w in rules.document_words), key=len, reverse=True))
    return re.compile(
        rf"(?:\b{_DETERMINERS}\s+)?(?:[A-Z][\w'’.-]*\s+){{0,4}}\b(?i:{heads})\b(?:\s+\d+\b)?"
    )


def described_person(
    speaker: str, paragraphs: list[str], at: tuple[int, int], rules: QuoteRules
) -> str | None:
    """'Donna Kelce has praised the album. ..., Travis Kelce's mom confirmed': a description
    by relation to someone else ("<Name>'s mom") stands for the full name the previous sentence
    of the paragraph opened with, when that is not the possessor ("Smith's lawyer" after
    "Smith denied it" is someone else)."""
    words = speaker.split()
    owner = next((i for i, w in enumerate(words) if w.rstrip(EDGE).endswith(POSSESSIVES)), None)
    if owner is None or owner == len(words) - 1 or not is_capital(words[0]):
        return None
    if not all(w[:1].islower() for w in words[owner + 1 :]) or len(words) - owner > 3:
        return None
    sentences = _SENTENCE_END.split(paragraphs[at[0]][: at[1]])
    if len(sentences) < 2:
        return None
    subject = sentence_subject(sentences[-2], rules)
    names = subject.split() if subject else []
    if len(names) < 2 or not all(is_capital(w) for w in names):
        return None
    if any(bare_word(w) in rules.not_name_words for w in names):
        return None
    possessor = {_POSSESSIVE.sub("", bare_word(w)) for w in words[: owner + 1]}
    same = possessor <= {bare_word(w) for w in names}  # "Smith's lawyer" after "Ann Smith"
    return None if same else subject


def next_person(paragraphs: list[str], paragraph: int, rules: QuoteRules) -> str | None:
    """A pronoun in the article's first paragraph that names no one before it ("'...,' she
    said of her son's girlfriend"): the first full name acting in the next paragraph."""
    if paragraph != 0 or len(paragraphs) < 2:
        return None
    for _, name in person_mentions(paragraphs[1], rules):
        if len(name.split()) >= 2:
            return name
    return None


def _head_noun(speaker: str, rules: QuoteRules) -> str:
    """The noun a description is about: "mother" in "the mother of four"."""
    words = speaker.split()
    cut = next((i for i, w in enumerate(words) if w in rules.breaks), len(words))
    return words[cut - 1] if cut > 1 else ""


_AGE = re.compile(r"\d{1,3}-year-old")


def is_description(speaker: str, rules: QuoteRules) -> bool:
    """'the woman', 'the mother of four', 'the young trader': a definite description of one
    person (no role, organisation, document or plural head)."""
    words = speaker.split()
    aged = any(_AGE.fullmatch(w) for w in words)  # "The 38-year-old star" opening a sentence
    if not 2 <= len(words) <= 5 or words[0] not in {"the", "The"}:
        return False
    head = _head_noun(speaker, rules)
    if aged:
        return True  # "the 45-year-old", "the 38-year-old star": an age is a person's
    if not head.isalpha() or not head.islower() or head.endswith("s"):
        return False
    lists = (rules.titles, rules.not_name_words, rules.document_words, rules.not_speakers)
    return not any(head in words for words in lists)


def introduced_person(
    description: str, paragraphs: list[str], at: tuple[int, int], rules: QuoteRules
) -> str | None:
    """The last person with a full name introduced in this paragraph before the quote or in
    the paragraph before ("Ann Lee is a mother of two.", "According to Ann Lee, 34, ..."),
    unless those introduce an unnamed one with the description's noun ("A source ... told",
    then "the source said")."""
    p, offset = at
    texts = ([paragraphs[p - 1]] if p else []) + [paragraphs[p][:offset]]
    head = _head_noun(description, rules)
    if any(indefinite_before(text, head) for text in texts):
        return None  # "A source ... told": an unnamed one (``indefinite_before``)
    found: list[str] = []
    for text in texts:
        people = [
            (o, n)
            for o, n in person_mentions(text, rules) + inverted_speakers(text, rules)
            if len(n.split()) >= 2
        ]  # '“...,” explains Radek Babicek from Acme.' introduces him too
        for start in [0, *(m.end() for m in _SENTENCE_END.finditer(text))]:
            source = opening_source(text[start:], rules)
            if source and len(source.split()) >= 2 and source[:1].isupper():
                people.append((start, source))
        found.extend(name for _, name in sorted(people))
    if not found:  # "Murray struck ... “...,” said the 36-year-old": a known surname acting
        found = [name for text in texts for _, name in surname_subjects(text, paragraphs, rules)]
    return found[-1] if found else None


_WORD = re.compile(r"\b\w+\b")


def names_before_pronoun(sentence: str, rules: QuoteRules) -> list[tuple[int, str]]:
    """Full names before the sentence's last personal pronoun, not after a determiner ("the
    Computer Crimes Bill"): the antecedents of that pronoun within its sentence."""
    pronouns = [m for m in _WORD.finditer(sentence) if m.group() in rules.pronouns]
    if not pronouns:
        return []
    found = []
    for m in name_mentions([sentence], rules):
        before = sentence[: m.offset].split()[-1:]
        if m.offset < pronouns[-1].start() and not (before and before[0].lower() in {"the", "a"}):
            found.append((m.offset, m.name))
    return found


#: A sentence opening with a single capitalised word (after "The" and an adjective) and a
#: lower-case verb: "Soros gives ...", "The elder Soros gives ...", "But Murray struck ...".
_SURNAME_SUBJECT = re.compile(
    r"(?:The\s+[a-z]+\s+|(?:But|And|Yet|So|Then|Still),?\s+|[A-Z][a-z]*(?:\s+[a-z][\w'’-]*){1,5},\s+)?"
    r"([A-Z][\w-]+)\s+[a-z]"
)


def surname_subjects(text: str, paragraphs: list[str], rules: QuoteRules) -> list[tuple[int, str]]:
    """Surnames that open a sentence as its subject ("The elder Soros gives ...", after a
    short fronted phrase: "During the call, Soros paused"), when the
    article also gives that person's first name: the antecedent of a later "he"."""
    found: list[tuple[int, str]] = []
    for start in [0, *(m.end() for m in _SENTENCE_END.finditer(text))]:
        m = _SURNAME_SUBJECT.match(text, start)
        word = m.group(1) if m else ""
        bare = word.lower()
        if not m or bare in rules.run_skip or bare in rules.not_persons or bare in rules.titles:
            continue
        if word.isupper():
            continue  # "The national UPS contract": an acronym, not a surname
        if bare in rules.not_name_words or bare in rules.opening_phrases:
            continue
        if known_surname(word, tuple(paragraphs), rules):
            found.append((m.start(1), word))
    return found


@lru_cache(maxsize=1024)
def known_surname(word: str, paragraphs: tuple[str, ...], rules: QuoteRules) -> bool:
    """The article gives ``word`` a first name ("Julanda Al-Riyami") and uses it again alone:
    a surname, not a capitalised "Even" (which no capitalised first name precedes)."""
    if sum(text.count(word) for text in paragraphs) < 2:
        return False  # the full name and a use alone need two occurrences
    # ``capitalised_before``: the words ``\b([A-Z][\w'’-]+)\s+<word>\b`` captures
    return any(
        first.lower() not in rules.not_name_words and first.lower() not in rules.determiners
        for text in paragraphs
        if word in text
        for first in capitalised_before(text, word)
    )  # "Solar Street Lighting" gives "Lighting" no first name, "The Israeli army" none


#: A sentence opening with a person (after a fronted phrase and its comma, if any) and a
#: lower-case word: "Blair is unconvinced.", "Later, Ann Lee smiled."
_OPENING_PERSON = re.compile(
    r"(?:[A-Z][^,;:.!?“”\"]{0,60},\s+)?((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]*)\s+([a-z][\w'’-]*)"
)


def sentence_person(sentence: str, paragraphs: tuple[str, ...], rules: QuoteRules) -> str | None:
    """The person a sentence is about when it opens with them as its subject ("Blair is
    unconvinced.", "He is more emphatic when discussing Ukraine."): a personal pronoun, or a
    name whose surname the article gives with a first name; no organisation or place."""
    words = sentence.split()
    if words and bare_word(words[0]) in rules.pronouns and words[0][:1].isupper():
        return words[0].strip(EDGE)
    m = _OPENING_PERSON.match(sentence.strip())
    verb = bare_word(m.group(2)) if m else ""
    if m is None or verb in rules.prepositions or verb in NOT_VERBS:
        return None
    tokens = m.group(1).split()
    at = name_start(tokens, rules)
    if at is None or bare_word(tokens[0]) in rules.run_skip:
        return None
    name = [t.strip(EDGE) for t in tokens[at:]]
    if not name or is_organisation(name, rules) or not plausible(name, rules):
        return None
    if any(t.endswith(POSSESSIVES) for t in name):
        return None
    if len(name) == 1 and not known_surname(name[0], paragraphs, rules):
        return None
    return " ".join(name)


#: A plural noun opening a sentence or after a quantifier: "Vice-chancellors are ...",
#: "Several residents spoke".
_PLURAL_GROUP = re.compile(
    r"(?:(?:^|[.!?…]\s+)([A-Z][a-z]*(?:-[a-z]+)*s)"
    r"|\b(?:[Ss]everal|[Mm]any|[Ss]ome|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Oo]ther|[Bb]oth|[Ff]ew)"
    r"\s+(?:[a-z-]+\s+)?([a-z][a-z-]*s))\b"
)


def group_member(speaker: str, paragraphs: list[str], at: tuple[int, int]) -> str | None:
    """'One, who asked not to be named, said' after "Vice-chancellors are ...": "One
    vice-chancellor", the member of the group the text just named (in this paragraph before
    the quote or the one before)."""
    if speaker.lower() != "one":
        return None
    p, offset = at
    texts = [paragraphs[p][:offset]] + ([paragraphs[p - 1]] if p else [])
    for text in texts:
        plurals = [m.group(1) or m.group(2) for m in _PLURAL_GROUP.finditer(text)]
        plurals = [w for w in plurals if not w.lower().endswith(("ss", "us", "is"))]
        if plurals:
            return f"{speaker} {_singular(plurals[-1].lower())}"
    return None


def _singular(noun: str) -> str:
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "xes", "sses")):
        return noun[:-2]
    return noun[:-1]


def one_of_them(left: str, right: str, rules: QuoteRules) -> Attribution | None:
    """'“...,” one said' / 'One, who asked not to be named, said:': "one" speaks for a
    group the text named (resolved to "One vice-chancellor" later)."""
    after = _ONE_AFTER.match(right)
    before = _ONE_BEFORE.search(left) if after is None else None
    m = after or before
    if m is None or not rules.cue.fullmatch(m.group(2)):
        return None
    return Attribution(m.group(1), m.group(2))


_ONE_AFTER = re.compile(r"[\s,]*([Oo]ne)\s+([a-z]+)\b")
_ONE_BEFORE = re.compile(r"\b([Oo]ne)(?:,[^,]{1,80},)?\s+([a-z]+)\s*[:,]?\s*$")


#: Anaphors that pick one of the people the sentence before named, by order.
ORDINAL_ANAPHORS = {"the former": 0, "the latter": -1}


def former_or_latter(
    phrase: str, paragraphs: list[str], at: tuple[int, int], rules: QuoteRules
) -> str | None:
    """'Ann Lee joins Tom Reed on stage. The latter shouts out “…”': "the latter" is the last
    of two or more people the sentence before the anaphor's names, "the former" the first;
    no one when that sentence names fewer than two."""
    pick = ORDINAL_ANAPHORS.get(phrase.lower())
    if pick is None:
        return None
    text = paragraphs[at[0]][: at[1]]
    opens = text.rstrip()[-1:] in ".!?…"  # the quote opens its sentence: "“…,” the latter said"
    before = text if opens else text[: len(text) - len(last_sentence(text, rules))]
    if not before.strip() and at[0]:
        before = paragraphs[at[0] - 1]
    sentence = last_sentence(before.rstrip(), rules)
    names = list(dict.fromkeys(m.name for m in name_mentions([sentence], rules)))
    return names[pick] if len(names) >= 2 else None
