"""People who act in a text: the names a sentence makes speak ("Medrano said"), introduce
("Muhammad Sabir, a resident, ...") or report ("Kelly Clarke said the ..."), the antecedents
that pronoun and role speakers are resolved to."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from scraper.extract.quote_clauses import SENTENCE_BOUNDARY
from scraper.extract.quote_phrases import (
    EDGE,
    bare_word,
    first_word,
    has_letters,
    is_capital,
    is_organisation,
    last_word,
    name_start,
    plausible,
)
from scraper.extract.quote_rules import QuoteRules
from scraper.extract.quote_speakers import cue_subject
from scraper.extract.quote_tokens import POSSESSIVES, capital_runs

#: Text that ends where a sentence starts: the rule ``_sentence_starts`` applies without
#: slicing (kept as the reference its tests compare with).
_SENTENCE_START = re.compile(r"(?:^|[.!?…][”\"’']?\s+)$")
_APPOSED = re.compile(r"\s+(?:a|an|the|his|her|their|its|who|\d)\b", re.IGNORECASE)
_WORD_AND_SPACE = re.compile(r"\s*(\w+)\s+")


def _sentence_starts(text: str, at: int) -> bool:
    """``_SENTENCE_START.search(text[:at])``: ``at`` opens the text, or follows a sentence end
    (an optional closing mark) and space; tested on the characters before ``at`` only."""
    if at == 0 or (at == 1 and text[0] == "\n"):
        return True  # "^$": nothing (or only a final newline) before
    stop = at
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    if stop == at or stop == 0:
        return False  # no space before ``at``, or only space
    if text[stop - 1] in _SENTENCE_ENDS:
        return True
    return stop >= 2 and text[stop - 1] in _CLOSING_MARKS and text[stop - 2] in _SENTENCE_ENDS


_SENTENCE_ENDS = ".!?…"
_CLOSING_MARKS = "”\"’'"


def _after_adverbs(after: str, rules: QuoteRules) -> int:
    """Where the verb after a name starts, past up to two adverbs ("Fahmi also clarified",
    "Kim later angrily said")."""
    at = len(after) - len(after.lstrip())
    for _ in range(2):
        m = _WORD_AND_SPACE.match(after, at)
        word = m.group(1).lower() if m else ""
        if not m or not (word in rules.adverbs or word.endswith("ly")):
            break
        at = m.end()
    return at


@lru_cache(maxsize=4096)
def person_mentions(text: str, rules: QuoteRules) -> list[tuple[int, str]]:
    """Offsets and names of people who act in ``text``: a name followed by a cue verb
    ("Medrano said"), a full name opening a sentence ("Muhammad Sabir, a resident, ..."), or
    a full name after a title and before a comma."""
    if text == text.lower():
        return []  # no capital letter, no name (", he said. ")
    found: list[tuple[int, str]] = []
    skip = rules.mention_skip
    for start, end, tokens in capital_runs(text, rules):
        if bare_word(tokens[0]) in {"the", "a", "an"} and len(tokens) == 2:
            continue  # "The Kentuckian", "The International Pulsar Timing Array": no person
        if tokens[-1].rstrip(EDGE).endswith(POSSESSIVES):
            continue  # "Donald Trump’s ...": an owner, not someone who acts
        while tokens and bare_word(tokens[0]) in skip:
            tokens = tokens[1:]
        if not tokens or any(bare_word(t) in rules.not_persons for t in tokens):
            continue
        previous = last_word(text, start)
        if previous and bare_word(previous[0]) in skip:
            continue  # "from Brooklyn, said": a place in an apposition
        name_at = name_start(tokens, rules)
        if name_at is None or not tokens:
            continue
        name = [t.strip(EDGE) for t in tokens[name_at:]]
        if not has_letters(name) or bare_word(name[-1]) in rules.document_words:
            continue  # "the Volcker Rule was": a document, no person
        organisation = any(bare_word(t) in rules.not_name_words for t in name)
        if organisation and (len(name) < 2 or not _role_apposition(text, end, rules)):
            continue  # "Serhii Radio, a chemistry researcher, says" is a person all the same
        after = text[end : end + 40]
        spoke = rules.cue.match(after, _after_adverbs(after, rules)) if after[:1] == " " else None
        full = len(name) >= 2
        at_start = _sentence_starts(text, start)
        role_before = bool(previous) and bare_word(previous[0]) in rules.titles
        following = after.split()[:1]
        acts = (
            bool(following) and following[0][:1].islower() and bare_word(following[0]) not in skip
        )
        titled = (
            (name_at > 0 or role_before) and full and (tokens[-1].endswith(",") or spoke or acts)
        )
        honoured = name_at > 0 and bare_word(tokens[name_at - 1]) in rules.honorifics
        honoured = honoured and not tokens[-1].rstrip(EDGE).endswith(POSSESSIVES)
        introduced = at_start and bool(_APPOSED.match(text, end)) and tokens[-1].endswith(",")
        introduced = introduced and plausible(name, rules)
        # "While Aisha waits, Mariam Malibiche has just handed ...": the main clause's subject
        acting = full and acts and bool(previous) and previous[0].endswith(",")
        acting = acting and not tokens[-1].endswith(",")  # "his daughter, Ann Lee, joined"
        # "Among those who fled was 25-year-old Ann Lee, who ...": a copula presents a new
        # person when a relative clause or an apposition tells who they are
        presented = full and tokens[-1].endswith(",") and bool(_APPOSED.match(text, end))
        presented = presented and _after_copula(text, start)
        if spoke or titled or honoured or introduced or acting or presented or (full and at_start):
            found.append((start, " ".join(name)))
    found.extend(_indirect_speakers(text, rules))
    return sorted(set(found))


#: An age before a name: "25-year-old", "the 38-year-old".
_AGE = re.compile(r"\d+-year-old$")


def _after_copula(text: str, start: int) -> bool:
    """Whether the name at ``start`` follows a copula, past an age ("was 25-year-old Ann
    Lee"): the predicate presents the person the sentence is about, as a subject would."""
    words = text[max(0, start - 40) : start].split()
    if words and _AGE.match(words[-1]):
        words.pop()
    return bool(words) and words[-1] in _COPULAS


#: Words that may follow the name of an inverted cue's subject ("says Ann Lee from Acme").
_AFTER_INVERTED = frozenset({"from", "of", "at", "who"})


@lru_cache(maxsize=8)
def _inversion(rules: QuoteRules) -> re.Pattern[str]:
    """A clause end (comma or closing mark), a speech verb and a capital ('...," says M'):
    the literal first character keeps the verb alternation from being tried everywhere."""
    return re.compile(rf"[,”\"’']\s*(?:{rules.cue.pattern})\s+(?=[A-Z])")


@lru_cache(maxsize=4096)
def inverted_speakers(text: str, rules: QuoteRules) -> list[tuple[int, str]]:
    """Names right after a speech verb that closes a clause ("..., says McLaughlin."): the
    verb's subject, inverted, so a speaker the next "she says" may stand for."""
    found: list[tuple[int, str]] = []
    for cue in _inversion(rules).finditer(text):
        tokens = text[cue.end() : cue.end() + 60].split()[:5]
        run: list[str] = []
        for token in tokens:
            if not is_capital(token) or token.rstrip(EDGE).endswith(POSSESSIVES):
                break
            run.append(token)
            if token[-1:] in ",.;:!?":
                break
        after = tokens[len(run)] if len(run) < len(tokens) else ""
        ends = bool(run) and (run[-1][-1:] in ",.;:!?" or bare_word(after) in _AFTER_INVERTED)
        if not ends or bare_word(run[0]) in rules.determiners:
            continue  # "told The Namibian that": an object, not the verb's subject
        at = name_start(run, rules)
        name = [t.strip(EDGE) for t in run[at:]] if at is not None else []
        if name and plausible(name, rules) and not is_organisation(name, rules):
            found.append((cue.end(), " ".join(name)))
    return found


#: An apposition opening with a determiner, up to five words: ", a chemistry researcher".
_APPOSITION_WORDS = re.compile(r"\s*,?\s+(?:a|an|the)\s+((?:[\w'’-]+\s+){0,4}[\w'’-]+)")


def _role_apposition(text: str, end: int, rules: QuoteRules) -> bool:
    """The words after ``end`` are an apposition naming a person's role (", a researcher")."""
    m = _APPOSITION_WORDS.match(text, end)
    return m is not None and any(bare_word(w) in rules.titles for w in m.group(1).split())


def cue_subjects(text: str, rules: QuoteRules) -> list[str]:
    """The subject of the last speech verb of each sentence of ``text``, in order."""
    starts = [0] + [m.end() for m in SENTENCE_BOUNDARY.finditer(text)]
    found = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        by_cue = cue_subject(text[start:end], rules)
        if by_cue:
            found.append(by_cue[0].speaker)
    return found


def _indirect_speakers(text: str, rules: QuoteRules) -> list[tuple[int, str]]:
    """Names that are the subject of a speech verb ("Kelly L Clarke, from Vredehoek, said the
    conference ..."): reported speakers, the likeliest antecedents of a later "she said"."""
    found: list[tuple[int, str]] = []
    # Speech verbs found once over the whole text: a cue never spans a sentence boundary (it
    # holds no sentence punctuation), so a sentence without one here has none on its own.
    cues = [m.start() for m in rules.cue.finditer(text)]
    if not cues:
        return found  # no speech verb: no sentence has a reported speaker
    starts = [0] + [m.end() for m in SENTENCE_BOUNDARY.finditer(text)]
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        at = bisect_left(cues, start)
        if at == len(cues) or cues[at] >= end:
            continue  # no speech verb in this sentence: no subject of one
        by_cue = cue_subject(text[start:end], rules)
        words = by_cue[0].speaker.split() if by_cue else []
        if (
            len(words) < 2
            or is_organisation(words, rules)
            or bare_word(words[0]) in rules.determiners
            or bare_word(words[-1]) in rules.document_words  # "the Volcker Rule"
        ):
            continue
        if all(is_capital(w) for w in words if w.lower() not in rules.name_particles):
            found.append((start + max(0, text.find(words[0], start, end) - start), " ".join(words)))
    return found


#: Words after which a name opens a clause as its subject ("and", "but", "when" ...).
_CLAUSE_OPENERS = frozenset(
    {"and", "but", "or", "that", "as", "when", "while", "where", "after", "before", "because"}
    | {"since", "until", "once", "if", "although", "though", "whereas", "so", "yet", "then"}
)
_INITIALS = re.compile(r"(?:[A-Z]\.){2,}$")  # "U.S."
_COPULAS = frozenset({"is", "was", "are", "were"})
_OPENERS_AND_COPULAS = _CLAUSE_OPENERS | _COPULAS
_SUBJECT_AFTER = ".!?…:;\"“”'’(—–,"


def subject_position(text: str, offset: int, name: str, rules: QuoteRules) -> bool:
    """Whether the name at ``offset`` is a subject: it opens a sentence or clause, or a verb
    follows it ("economist Ann Lee said"); not an object after a verb or preposition ("to
    Trump, who ...", "treat President Trump —")."""
    at = text.find(name, offset)
    following = first_word(text, at + len(name)) if at >= 0 else []
    word = following[0] if following else ""
    if _reported(text, offset, rules) and not rules.cue.fullmatch(bare_word(word)):
        return False  # "Smith said the judge, Tom Jones, had ...": inside Smith's account
    before = text[:offset].rstrip()
    words = before.split()
    while words and (
        (words[-1][-1:].isalnum() and words[-1][:1].isupper())
        or (words[-1][-1:] not in ",;:" and bare_word(words[-1]) in rules.titles)
        or _INITIALS.match(words[-1])
    ):
        words.pop()  # "was Hawks head Major Lee": the role before the name
    if not words or words[-1][-1] in _SUBJECT_AFTER:
        return True
    if words[-1].lower() in _OPENERS_AND_COPULAS:
        return True  # "and Lee said", "The first witness was Major Lee, who": a new person
    bare = bare_word(word)
    return word[:1].islower() and bare not in rules.prepositions and bare not in NOT_VERBS


def _reported(text: str, offset: int, rules: QuoteRules) -> bool:
    """Whether ``offset`` follows a speech verb of its sentence, past other words: in what
    the subject said ("Smith said the judge ...") or a clause hung on it ("Smith said, after
    Jones ..."); a name right after the verb ("said Jones") is that verb's subject."""
    start = 0
    for m in SENTENCE_BOUNDARY.finditer(text):
        if m.end() > offset:
            break
        start = m.end()
    cues = list(rules.cue.finditer(text, start, offset))
    if not cues:
        return False
    between = text[cues[-1].end() : offset].split()
    return any(not (is_capital(w) or bare_word(w) in rules.titles) for w in between)


#: Lower-case words after a name that do not make it a subject ("Lee and", "Lee who").
NOT_VERBS = frozenset({"and", "or", "that", "who", "whom", "whose", "which", "as", "if"})


#: The per-text caches of this module (cleared together by ``quotes.clear_caches``).
CACHED = (person_mentions, inverted_speakers)
