"""Full names in an article's paragraphs (``name_mentions``): the capitalised runs of two
words or more that name a person, with the roles written around them ("Finance Minister
Serhii Marchenko", "Maria Lopez, a lawyer,"). The runs come from ``quote_tokens``' table, built
once per paragraph; a look-up for an article's speakers probes it by their words."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, cast

from scraper.extract.quote_rules import QuoteRules, folds_as_lowered
from scraper.extract.quote_tokens import (
    POSSESSIVES,
    NameRun,
    NameTable,
    name_table,
)
from scraper.extract.quote_tokens import strip_word as _strip

#: A possessive ending, or an apostrophe alone ("Jones’"), at the end of a word.
POSSESSIVE_MARK = re.compile(r"[’'‘]s?$")
#: A hyphenated descriptor written before a name ("London-born", "Paris-based", "78-year-old").
DESCRIPTOR = re.compile(r"\w-(?:born|based|bred|raised|old)$")
_EDGE = "\"'“”‘’«»()[]{},;:!?…—–"
#: An apposition after a name: ", the government spokesman," / ", who is also minister".
_APPOSITION = re.compile(r",\s+((?:who\s+is\s+)?(?:also\s+)?(?:the|a|an)\s+[^,.;:]{1,60})")
_CLOSED_APPOSITION = re.compile(_APPOSITION.pattern + r"(?=,)")
_FROM_OF = frozenset({"for", "of", "from"})
#: How many words before a name may hold its role ("the finance minister Serhii Marchenko").
ROLE_WINDOW = 3


@dataclass(frozen=True)
class Mention:
    """A full name (two words or more, role removed) at (paragraph, offset), with its roles."""

    paragraph: int
    offset: int
    name: str
    roles: frozenset[str]
    words: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.words:
            object.__setattr__(self, "words", tuple(_strip(w) for w in self.name.split()))


#: Prepositions joining an office to its place or employer ("Attorney for Massachusetts",
#: "Marketing Manager at Ocean Florida").
_OFFICE_PLACE = frozenset({"for", "of", "at"})


def place_words(before: Sequence[str], run: Sequence[str], rules: QuoteRules) -> int:
    """How many leading words of the capitalised ``run`` name an office's place or employer
    rather than the holder ("U.S. Attorney for Massachusetts Joshua Levy", "Manager at Ocean
    Florida Abby Dunn"): after a title and "for", "of" or "at", a run of three words or more
    keeps its last two as the name."""
    if len(run) < 3 or len(before) < 2 or _strip(before[-1]) not in _OFFICE_PLACE:
        return 0
    if any(_strip(w) in rules.not_name_words for w in run[-2:]):
        return 0  # "a spokesperson for West Midlands Police": an organisation, no holder
    return len(run) - 2 if _strip(before[-2]) in rules.titles else 0


def is_title(word: str, rules: QuoteRules) -> bool:
    """A title word (bare, lower case), also hyphenated: "editor-in-chief", "major-gen",
    "attorney-general" (the first part is a title; "smith-major" is a name)."""
    return word in rules.titles or ("-" in word and word.split("-", 1)[0] in rules.titles)


def _mention(
    tokens: list[str],
    before: list[str],
    appositive: list[str],
    where: tuple[int, int],
    rules: QuoteRules,
    spoke: bool = False,
    surname: bool = False,
) -> Mention | None:
    """The name in ``tokens`` and its roles. A surname that is also a common noun of places or
    dates ("Park", "May") is a name only with evidence of a person: a role before or beside
    it, or a verb of saying after it (``spoke``)."""
    bare = [_strip(t) for t in tokens]  # each token's bare form, found once
    while bare and (
        bare[0] in rules.run_skip
        or bare[0] in _FROM_OF
        or rules.cue.fullmatch(bare[0])  # "Says Tamara": an inverted cue
    ):
        tokens, bare = tokens[1:], bare[1:]
    skip = place_words(before, tokens, rules)  # "Attorney for Massachusetts Joshua Levy"
    tokens, bare = tokens[skip:], bare[skip:]
    cut = 0
    suffixes = len(unsuffixed(tuple(bare), rules))
    for i, token in enumerate(tokens[:-1]):
        if i + 1 >= suffixes:
            break  # "Martin Luther King Jr.": the title word is the surname
        if is_title(bare[i], rules) or token.endswith(POSSESSIVES):
            cut = i + 1
        elif DESCRIPTOR.search(bare[i]):
            cut = i + 1  # "London-born Raye"
    near = [_strip(t) for t in before[-ROLE_WINDOW:]]
    roles = set(bare[:cut]) & rules.titles
    roles |= {*near, *(_strip(t) for t in appositive)} & rules.titles
    if {*near, *bare[:cut]} & rules.past_role_words:
        roles = set()  # "Former President Donald Trump" is not "the president"
    name_tokens = [t.strip(_EDGE) if t[-1] != "." else t.lstrip(_EDGE) for t in tokens[cut:]]
    if name_tokens:
        name_tokens[-1] = POSSESSIVE_MARK.sub("", name_tokens[-1]).rstrip(".")
    words = [_strip(t) for t in name_tokens]
    while len(words) > 2 and words[-1] in rules.titles and name_tokens[-1][:1].isupper():
        words, name_tokens = words[:-1], name_tokens[:-1]  # "Jane Doe KC", "Ann Lee MP"
    if len(name_tokens) < 2 or any(w in rules.not_name_words for w in words[:-1]):
        return None
    if words[-1] in rules.not_name_words and not (roles or spoke):
        return None  # "Hyde Park"; but "Senator Tom Park", "Theresa May said" are people
    if words[-1] in rules.document_words and not roles:
        return None  # "the Volcker Rule", "Clean Air Act": a document, no person
    # A surname that is also a role word ("Shanna Challenger", "Tessa Bishop") when the article
    # uses the surname or first name alone as a speaker's name (``surname``): a role before a
    # name is cut above all the same.
    # so is a title word before a suffix ("Martin Luther King Jr.")
    end = len(unsuffixed(tuple(words), rules))
    titled = (surname or end < len(words)) and words[end - 1] in rules.titles
    last = end - 1 if titled else len(words)
    if any(
        w in rules.titles or w in rules.determiners or w in rules.pronouns for w in words[:last]
    ):
        return None
    if words[-1] in rules.determiners or words[-1] in rules.pronouns:
        return None
    if any(_CONTRACTION.search(w) for w in words):
        return None  # "They’re Celebrating Taylor Swift": a headline, not a name
    return Mention(where[0], where[1], " ".join(name_tokens), frozenset(roles))


_CONTRACTION = re.compile(r"[’'](?:ll|re|ve|d|m|t)$")


def name_mentions(
    paragraphs: list[str],
    rules: QuoteRules,
    names: frozenset[str] | None = None,
    roles: frozenset[str] = frozenset(),
    first_index: int = 0,
) -> list[Mention]:
    """The full names in ``paragraphs`` in reading order. With ``names`` (lower-case words),
    only names holding one of them, or with one of ``roles`` around them, are built."""
    found: list[Mention] = []
    wanted = _Wanted(names | roles) if names is not None else None
    for index, text in enumerate(paragraphs, first_index):
        table = name_table(text, rules)
        if wanted is not None and not wanted.found_in(text, table.lowered):
            continue  # no wanted word: most paragraphs are skipped at substring speed
        for run in _wanted_runs(table, rules, names, roles):
            mention = _run_mention(run, text, index, rules, names)
            if mention is not None:
                found.append(mention)
    return found


def _wanted_runs(
    table: NameTable, rules: QuoteRules, names: frozenset[str] | None, roles: frozenset[str]
) -> list[NameRun]:
    """The runs of ``table`` that hold one of ``names`` (a word's bare form, possessive cut)
    or, with ``roles``, one of them or a role in the 60 characters around them; every run
    without ``names``. A run with a word whose bare form is a name holds that name as a
    substring, so only the stretches holding one are split (when lower-casing keeps
    offsets: ``lowered`` then places them)."""
    if names is None:
        return table.all_runs(rules)
    if roles:
        runs = table.all_runs(rules)
        return [run for run in runs if _is_wanted(run, table.lowered, names, roles)]
    if len(table.lowered) != len(table.text):
        stretches: Sequence[int] = range(len(table.stretches))
    else:
        stretches = table.holding(names)
    return [
        run for i in stretches for run in table.runs(i, rules) if not names.isdisjoint(run.wanted)
    ]


class _RunAnalysis(NamedTuple):
    """What ``name_mentions`` reads around a run, whatever names it looks for."""

    tokens: list[str]  # the run without trailing name particles
    before: list[str]  # the words in the 60 characters before it
    appositive: list[str]  # the words of an apposition after it
    spoke: bool  # a speech verb follows it
    place: bool  # a preposition or determiner comes before it
    last: str  # the bare form of its last word
    first: str  # the bare form of its first word


#: The analysis of a run that names a thing, not a person, or no one at all (a run of name
#: particles alone, "Van Der"): no mention is built from it.
_ATTRIBUTIVE = _RunAnalysis([], [], [], False, False, "", "")


def _analysis(run: NameRun, text: str, rules: QuoteRules) -> _RunAnalysis:
    """The run's analysis, worked out the first time a look-up reaches the run, in the order
    the look-up always took; a run of name particles alone ("Van Der") names no one."""
    if run.analysis is not None:
        return cast(_RunAnalysis, run.analysis)
    start, end, tokens = run.start, run.end, run.tokens
    while tokens and _strip(tokens[-1]) in rules.name_particles:
        tokens = tokens[:-1]
    if not tokens:
        run.analysis = _ATTRIBUTIVE
        return _ATTRIBUTIVE
    before = text[max(0, start - 60) : start].split()
    following = text[end : end + 30].split()[:1]
    if _attributive(before, following, rules):
        run.analysis = _ATTRIBUTIVE
        return _ATTRIBUTIVE
    after = _APPOSITION.match(text, end)
    if after is None and tokens[-1].endswith(","):
        # "Maria Lopez, a lawyer, told": the run took the comma; only an apposition
        # closed by a comma counts ("Mark Rutte, the US President said" is a clause)
        after = _CLOSED_APPOSITION.match(text, end - 1)
    appositive = after.group(1).split() if after else []
    spoke = bool(following) and rules.cue.fullmatch(_strip(following[0])) is not None
    last = _strip(before[-1]) if before else ""
    place = bool(before) and (last in rules.prepositions or last in rules.determiners)
    found = _RunAnalysis(
        tokens, before, appositive, spoke, place, _strip(tokens[-1]), _strip(tokens[0])
    )
    run.analysis = found
    return found


def _run_mention(
    run: NameRun, text: str, index: int, rules: QuoteRules, names: frozenset[str] | None
) -> Mention | None:
    """The mention the run gives in paragraph ``index`` when ``names`` are looked for (cached
    on the run by what of ``names`` it depends on)."""
    seen = _analysis(run, text, rules)
    if seen is _ATTRIBUTIVE:
        return None  # "its annual Camp Strava event": a thing an organisation owns
    # a speaker the article calls by this surname alone ("May said"), when the run is
    # not a place after a preposition ("in Hyde Park") or a thing after "the"
    spoke = seen.spoke or (names is not None and seen.last in names and not seen.place)
    # a name whose last word is a title ("Tessa Bishop") is a person's when the
    # article calls a speaker by its surname or first name alone ("Tessa said")
    surname = names is not None and (seen.last in names or seen.first in names)
    key = (index, spoke, surname)
    if key in run.mentions:
        return cast(Mention | None, run.mentions[key])
    where = (index, run.start)
    mention = _mention(seen.tokens, seen.before, seen.appositive, where, rules, spoke, surname)
    if mention is not None:
        mention = _elided(mention, text, run.start, seen.tokens)
    run.mentions[key] = mention
    return mention


#: Determiners of a thing an organisation owns ("its annual Camp Strava event").
_OWNED = frozenset({"its", "their", "our"})


def _attributive(before: list[str], after: list[str], rules: QuoteRules) -> bool:
    """'its annual Camp Strava event': capitalised words owned by an organisation and
    followed by a lower-case noun name a thing, not a person (a role between the owner and
    the name, "its chief executive Ann Lee said", keeps the person)."""
    if not after or not after[0][:1].islower():
        return False
    word = _strip(after[0])
    if word in rules.verb_markers or word in rules.adverbs or rules.cue.fullmatch(word):
        return False  # "our critic Neil McCormick is watching": a person acts
    if word.endswith("ed"):
        return False
    near = [_strip(w) for w in before[-2:]]
    if not near or not any(w in _OWNED for w in near):
        return False
    return not any(w in rules.titles for w in near)


def _elided(mention: Mention, text: str, start: int, tokens: list[str]) -> Mention:
    """A name written with a leading apostrophe ("’Manteboheng Molatjeng", Sesotho 'Ma-
    names) keeps it: the apostrophe (never an opening mark, which is ‘) is part of the name."""
    opens_name = tokens and mention.name.startswith(tokens[0].strip(_EDGE))
    if not opens_name or start < 1 or text[start - 1] != "’":
        return mention
    if start > 1 and not text[start - 2].isspace():
        return mention
    return Mention(mention.paragraph, mention.offset, "’" + mention.name, mention.roles)


class _Wanted:
    """Words a paragraph must hold (whole, in any case) for its names to be looked up."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = tuple(sorted(words))
        self.ascii = all(w.isascii() for w in self.words)
        self._finder: re.Pattern[str] | None = None  # compiled only for non-ASCII text

    def found_in(self, text: str, lowered: str) -> bool:
        """Whether ``text`` holds a wanted word: a substring test on ``lowered`` (``text`` in
        lower case) first, fast and false for most paragraphs, then word boundaries. ASCII
        words are found in ``lowered`` directly when that is the same test as the
        case-insensitive regex the rest takes (``folds_as_lowered``)."""
        if not any(w in lowered for w in self.words):
            return False
        if self.ascii and folds_as_lowered(text, lowered):
            return any(_whole_word(text, lowered, w) for w in self.words if w)
        if self._finder is None:
            self._finder = _word_finder(frozenset(self.words))
        return self._finder.search(text) is not None


def _whole_word(text: str, lowered: str, word: str) -> bool:
    """Whether ``word`` occurs in ``lowered`` between word boundaries of ``text`` (as
    ``\\b`` has them; ``lowered`` is ``text`` in lower case, offset for offset)."""
    at = lowered.find(word)
    while at >= 0:
        end = at + len(word)
        if _boundary(text, at) and _boundary(text, end):
            return True
        at = lowered.find(word, at + 1)
    return False


def _boundary(text: str, i: int) -> bool:
    before = i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")
    after = i < len(text) and (text[i].isalnum() or text[i] == "_")
    return before != after


def _word_finder(words: frozenset[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words) if w)
    return re.compile(rf"\b(?:{alternatives})\b" if alternatives else r"(?!)", re.IGNORECASE)


def _is_wanted(run: NameRun, lowered: str, names: frozenset[str], roles: frozenset[str]) -> bool:
    """Whether ``run`` holds one of ``names`` or ``roles``, or a role is written in the 60
    characters around it."""
    if not names.isdisjoint(run.wanted) or not roles.isdisjoint(run.bare):
        return True
    window = lowered[max(0, run.start - 60) : run.start] + lowered[run.end : run.end + 60]
    return any(role in window for role in roles)


def unsuffixed(words: tuple[str, ...], rules: QuoteRules) -> tuple[str, ...]:
    """A name's words without the suffixes after the surname ("allan", "bryant", "snr")."""
    end = len(words)
    while end > 1 and words[end - 1] in rules.name_suffixes:
        end -= 1
    return words[:end]
