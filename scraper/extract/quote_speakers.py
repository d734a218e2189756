"""Speaker attribution for one quotation: reads the sentence around the quote marks and applies
the cue-verb rules of ``quote_rules`` ("..., X said", "said X", "X said:", "according to X")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.extract.quote_rules import QuoteRules

_TOKEN = re.compile(r"\S+")
_BOUNDARY = re.compile(r"[.!?…]+[”\"’']?\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]—–]|\s-\s")
_EDGE = "\"'“”‘’«»()[]{},.;:!?…—–- "
_LEAD = re.compile(r"^[\s,;:—–-]*")
_ADJACENT = re.compile(r"\s*(?:that\s*)?[:,]?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """A speaker phrase as written (already cleaned) and the cue that introduced it."""

    speaker: str
    cue: str


def last_sentence(text: str, rules: QuoteRules) -> str:
    """The part of ``text`` after its last sentence boundary (abbreviations are not ends)."""
    cut = 0
    for m in _BOUNDARY.finditer(text):
        if not _is_abbreviation(text, m.start(), rules):
            cut = m.end()
    return text[cut:]


def first_sentence(text: str, rules: QuoteRules) -> str:
    """The part of ``text`` up to its first sentence boundary."""
    for m in _BOUNDARY.finditer(text):
        if m.start() > 0 and not _is_abbreviation(text, m.start(), rules):
            return text[: m.start() + 1]
    return text


def _is_abbreviation(text: str, dot: int, rules: QuoteRules) -> bool:
    if text[dot] != ".":
        return False
    word = text[:dot].rsplit(None, 1)[-1] if text[:dot].strip() else ""
    bare = word.strip(_EDGE).lower()
    return len(bare) <= 1 or "." in bare or bare in rules.titles or bare in rules.honorifics


def _bare(token: str) -> str:
    return token.strip(_EDGE).lower()


def _is_capital(token: str) -> bool:
    core = token.lstrip(_EDGE)
    return bool(core) and core[0].isupper()


def _bare_title(token: str) -> str:
    word = _bare(token)
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _name_start(tokens: list[str], rules: QuoteRules) -> int | None:
    """Index where the trailing capitalised name run of ``tokens`` starts, after its titles."""
    start = len(tokens)
    while start > 0:
        token, word = tokens[start - 1], _bare(tokens[start - 1])
        inner = start < len(tokens)
        joins = word == "of" and inner and start > 1 and _is_capital(tokens[start - 2])
        if not (_is_capital(token) or (inner and word in rules.name_particles) or joins):
            break
        start -= 1
    if start == len(tokens):
        return None
    cut, i = start, start
    while i < len(tokens) - 1:
        word = _bare_title(tokens[i])
        if word in rules.titles and word not in rules.honorifics:
            cut = i + 1
        elif word == "of" and cut == i:  # "Secretary of State Antony Blinken"
            i += 1
            while i < len(tokens) - 1 and _bare(tokens[i]) in rules.title_departments:
                i += 1
            cut = i
            continue
        i += 1
    honorific = cut < len(tokens) - 1 and _bare(tokens[cut]) in rules.honorifics
    if honorific and len(tokens) - cut > 2:
        cut += 1  # "Mr. John Smith" -> "John Smith"; "Mr. Smith" stays as written
    return cut


def clean_speaker(phrase: str, rules: QuoteRules, *, before_cue: bool) -> str | None:
    """The speaker in ``phrase`` as written: a name without its role, a pronoun, or a short
    noun phrase ("a spokesperson"). ``before_cue`` tells whether the phrase preceded the verb."""
    spans = [m.span() for m in _TOKEN.finditer(phrase)]
    tokens = [phrase[a:b] for a, b in spans]
    while tokens and (
        _bare(tokens[0]) in rules.clause_openers or _bare(tokens[0]) in rules.adverbs
    ):
        tokens, spans = tokens[1:], spans[1:]
    while tokens and _bare(tokens[-1]) in rules.adverbs:
        tokens, spans = tokens[:-1], spans[:-1]
    keep = _noun_phrase_end(tokens, rules, before_cue=before_cue)
    tokens, spans = tokens[:keep], spans[:keep]
    if before_cue:
        first = _noun_phrase_start(tokens, rules)
        tokens, spans = tokens[first:], spans[first:]
    if not tokens or len(tokens) > 8:
        return None
    if not _plausible(tokens, rules):
        return None
    name_at = _name_start(tokens, rules)
    if name_at is not None and name_at < len(tokens) and _has_letters(tokens[name_at:]):
        start = spans[name_at][0]
    else:
        start = spans[0][0]
    text = phrase[start : spans[-1][1]].strip(_EDGE)
    return text or None


def _plausible(tokens: list[str], rules: QuoteRules) -> bool:
    """A speaker phrase is a name, pronoun or noun phrase, not a clause ("it was", "declined")."""
    words = [_bare(t) for t in tokens]
    if any(w in rules.verb_markers for w in words) or rules.cue.search(" ".join(tokens)):
        return False
    if len(words) == 1 and (words[0] in rules.not_speakers or not _has_letters(tokens)):
        return False
    first = words[0]
    if first in rules.determiners or _is_capital(tokens[0]) or first in rules.pronouns:
        return True
    return not first.endswith(("ed", "ly", "ing"))


def _has_letters(tokens: list[str]) -> bool:
    return any(any(c.isalpha() for c in t) for t in tokens)


def _noun_phrase_end(tokens: list[str], rules: QuoteRules, *, before_cue: bool) -> int:
    """Cut a phrase at its first preposition or relative word ("a spokesperson for ...")."""
    for i, token in enumerate(tokens):
        if i and _bare(token) in rules.phrase_breaks:
            if before_cue and tokens[0] and _bare(tokens[0]) in rules.phrase_breaks:
                continue
            return i
        if i and token[:1] in "(,;:—–":
            return i
        if token.endswith((",", ";", ":")) and not before_cue:
            return i + 1
    return len(tokens)


def _noun_phrase_start(tokens: list[str], rules: QuoteRules) -> int:
    """In "In an interview on Tuesday the minister", where the subject starts."""
    if not tokens or _bare(tokens[0]) not in rules.phrase_breaks:
        return 0
    for i in range(len(tokens) - 1, 0, -1):
        word = _bare(tokens[i])
        if word in rules.phrase_breaks:
            return i + 1
        if word in rules.determiners:
            return i
    return len(tokens)


def attribute_after(text: str, rules: QuoteRules) -> Attribution | None:
    """Attribution in the text right after a closing mark: ', X said' / ', said X' / 'according to X'."""
    lead = _LEAD.match(text)
    rest = text[lead.end() if lead else 0 :]
    for pattern, before in ((rules.cue, False), (rules.prefix_cue, False)):
        m = pattern.match(rest)
        if m:
            speaker = clean_speaker(_clause(rest[m.end() :]), rules, before_cue=before)
            return Attribution(speaker, m.group()) if speaker else None
    m = rules.cue.search(rest, 0, 120)
    if m is None or not rest[: m.start()].strip():
        return None
    if m.group().lower() in rules.ambiguous_cues and len(rest[m.end() :].split()) > 4:
        return None
    subject = _drop_apposition(rest[: m.start()])
    if _CLAUSE_PUNCT.search(subject) or len(subject.split()) > 8:
        return None
    speaker = clean_speaker(subject, rules, before_cue=True)
    return Attribution(speaker, m.group()) if speaker else None


def attribute_before(text: str, rules: QuoteRules) -> Attribution | None:
    """Attribution in the sentence before an opening mark: 'X said:' / 'according to X,'."""
    prefixes = list(rules.prefix_cue.finditer(text))
    if prefixes:
        prefix = prefixes[-1]
        speaker = clean_speaker(_clause(text[prefix.end() :]), rules, before_cue=False)
        if speaker:
            return Attribution(speaker, prefix.group())
    for cue in reversed(list(rules.cue.finditer(text))):
        word, after = cue.group().lower(), text[cue.end() :]
        if word in rules.naming_cues and not after.strip(_EDGE):
            continue  # 'an account called "X"' names, it does not quote
        if word in rules.ambiguous_cues and not _ADJACENT.fullmatch(after):
            continue  # 'two posts from ...' is a noun
        subject = _drop_apposition(text[: cue.start()])
        subject = _CLAUSE_PUNCT.split(subject)[-1]
        speaker = clean_speaker(subject, rules, before_cue=True)
        if speaker:
            return Attribution(speaker, cue.group())
    return None


def _clause(text: str) -> str:
    """``text`` up to its first clause punctuation."""
    m = _CLAUSE_PUNCT.search(text)
    return (text[: m.start()] if m else text).strip()


def _drop_apposition(subject: str) -> str:
    """'Serhii Marchenko, the finance minister,' -> 'Serhii Marchenko'."""
    stripped = subject.rstrip()
    if not stripped.endswith(","):
        return subject
    parts = stripped[:-1].rsplit(",", 1)
    return parts[0] if len(parts) == 2 and len(parts[1].split()) <= 8 else subject


_NAME_RUN = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:[A-Z]\.\s+)?(?:[a-z]{1,3}\s+)?[A-Z][\w'’-]+){1,3}")
_SENTENCE_START = re.compile(r"(?:^|[.!?…][”\"’']?\s+)$")
_APPOSITION = re.compile(r",\s+(?:a|an|the|who|whose|\d)\b")


def person_mentions(text: str, rules: QuoteRules) -> list[tuple[int, str]]:
    """Offsets and names of people introduced in ``text``: a sentence-initial name with an
    apposition or a cue verb after it ("Muhammad Sabir, a resident"), or a name after a title."""
    found: list[tuple[int, str]] = []
    for m in _NAME_RUN.finditer(text):
        tokens = m.group().split()
        skip = _bare(tokens[0]) in rules.clause_openers or _bare(tokens[0]) in rules.determiners
        tokens = tokens[1:] if skip else tokens
        name_at = _name_start(tokens, rules)
        if name_at is None or len(tokens) - name_at < 2:
            continue
        titled = name_at > 0
        after = text[m.end() : m.end() + 40]
        at_start = bool(_SENTENCE_START.search(text[: m.start()]))
        introduced = _APPOSITION.match(after) or rules.cue.match(after.lstrip())
        if introduced and (titled or at_start):
            found.append((m.start(), " ".join(tokens[name_at:])))
    return found
