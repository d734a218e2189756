"""A paragraph's capitalised runs and words, found once per paragraph: the runs of capitalised
words that may be names (``capital_runs``, ``long_runs``) and, for the name index, a table of
the runs of two words or more by the bare forms of their words (``name_table``), so each
look-up of an article's names is a few dictionary probes, not a scan of every paragraph."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from scraper.extract.quote_rules import QuoteRules

#: Characters ``strip_word`` takes off both ends of a token.
WORD_EDGE = "\"'“”‘’«»()[]{},.;:!?…—–-"
#: Possessive endings, with the apostrophe curled either way ("Swift‘s" is common).
POSSESSIVES = ("’s", "'s", "‘s")

#: Capital letters of the Latin, Greek and Cyrillic alphabets ("Łukasz", "Ólafur", "Ördög").
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
#: Capitals that open a stretch: "any" alphabet's up to Cyrillic ("Ólafur Grímsson"), or "ascii"
#: ones only where every noun is capitalised (German: "Ärztin Anna Lee" would join a noun to the
#: name; two wrong speakers more on fixtures/quotes/de.jsonl with "any").
_STRETCH_CAPITALS = {"any": _UPPER, "ascii": "A-Z"}


def _stretch(capitals: str, more: str) -> re.Pattern[str]:
    """Stretches of text where capitalised words sit close together (candidates for names):
    a capital word, then ``more`` (``*``: any number, ``+``: one or more) name words, each after
    at most two short lower-case words. A name word after the first is a capital, or a capital
    after a lower-case article or patronymic and a hyphen or apostrophe ("Abu Bakr
    al-Baghdadi", "Jean d’Ormesson"); a stretch opens only at a capital: a lower-case prefix
    tried at every letter cost a tenth of quote finding."""
    word = rf"(?:[a-z]{{1,3}}[-'’])?[{capitals}]\S*"
    return re.compile(rf"[{capitals}]\S*(?:\s+(?:[a-z]{{1,4}}\s+){{0,2}}{word}){more}")


#: All stretches, and those holding two capitalised words or more: a single-word stretch never
#: gives a run of two words, so name lookups need only those.
_CAPITAL_STRETCH = {kind: _stretch(capitals, "*") for kind, capitals in _STRETCH_CAPITALS.items()}
_MULTI_STRETCH = {kind: _stretch(capitals, "+") for kind, capitals in _STRETCH_CAPITALS.items()}
#: A lower-case prefix joined to a capitalised name word: "al-", "d’".
_PREFIXED = re.compile(rf"[a-z]{{1,3}}[-'’][{_UPPER}]")
#: Initials: "J.K.", "W." (the full stop ends no run), read without the other punctuation.
_NO_STOP_EDGE = WORD_EDGE.replace(".", "")
_INITIALS = re.compile(rf"(?:[{_UPPER}]\.)+")
_TOKEN = re.compile(r"\S+")
_DASH = re.compile(r"[—–]")
_RUN_ENDS = frozenset(",;:!?)\"'”’»")

#: A run: its start and end offsets in the paragraph and its tokens.
Run = tuple[int, int, list[str]]


@lru_cache(maxsize=8192)
def strip_word(token: str) -> str:
    """``token`` without edge punctuation (quote marks, brackets, dashes), in lower case
    (cached, as ``quote_phrases.bare_word``)."""
    return token.strip(WORD_EDGE).lower()


def unpossessed(bare: str) -> str:
    """``bare`` (a word ``strip_word`` left, so no apostrophe ends it) without a possessive
    "’s" ending."""
    return bare[:-2] if bare.endswith(POSSESSIVES) else bare


@lru_cache(maxsize=4096)
def long_runs(text: str, rules: QuoteRules) -> tuple[Run, ...]:
    """The runs of ``capital_runs`` with two words or more (found without building the rest)."""
    runs: list[Run] = []
    for stretch in _MULTI_STRETCH[_capitals(rules)].finditer(text):
        found = split_stretch(stretch.group(), stretch.start(), rules)
        runs.extend(run for run in found if len(run[2]) >= 2)
    return tuple(runs)


@lru_cache(maxsize=4096)
def capital_runs(text: str, rules: QuoteRules) -> tuple[Run, ...]:
    """Runs of capitalised words (with name particles) that do not cross a sentence end."""
    runs: list[Run] = []
    for stretch in _CAPITAL_STRETCH[_capitals(rules)].finditer(text):
        runs.extend(split_stretch(stretch.group(), stretch.start(), rules))
    return tuple(runs)


def split_stretch(stretch: str, offset: int, rules: QuoteRules) -> list[Run]:
    """The runs of one stretch (at ``offset``): a run ends at a comma, closing mark, dash or a
    full stop after a word that is no abbreviation, and at a lower-case word that is no name
    particle."""
    if "—" not in stretch and "–" not in stretch and len(stretch.split()) == 1:
        return [(offset, offset + len(stretch), [stretch])]  # one word: the common case
    runs: list[Run] = []
    current: list[str] = []
    start = end = 0
    for m in _TOKEN.finditer(stretch):
        token, at, cursor = m.group(), m.start(), m.end()
        dash = _DASH.search(token) if "—" in token or "–" in token else None
        if dash and dash.start() > 0:
            token = token[: dash.start()] + ","  # "Kirk—had": the name ends at the dash
        if name_capital(token) or (current and strip_word(token) in rules.name_particles):
            if not current:
                start = at
            current.append(token)
            end = cursor
            last = token[-1]
            if last in _RUN_ENDS or (last == "." and not _abbreviation(token, rules)):
                runs.append((offset + start, offset + end, current))
                current = []
            continue
        if current:
            runs.append((offset + start, offset + end, current))
            current = []
    if current:
        runs.append((offset + start, offset + end, current))
    return runs


def _abbreviation(token: str, rules: QuoteRules) -> bool:
    bare = strip_word(token)
    initials = _INITIALS.fullmatch(token.strip(_NO_STOP_EDGE)) is not None  # "J.K. Rowling"
    return len(bare) == 1 or initials or bare in rules.titles or bare in rules.honorifics


def _capitals(rules: QuoteRules) -> str:
    """Which stretch patterns the rules' language takes (see ``_CAPITAL_STRETCH``)."""
    return "ascii" if rules.nouns_capitalised else "any"


def name_capital(token: str) -> bool:
    """Whether ``token`` is a capitalised word of a name, also after a lower-case prefix
    ("al-Baghdadi", "d’Ormesson")."""
    if token[:1].isupper():
        return True
    head = token[1:4]  # the joint of a prefix, looked for before the pattern runs
    return ("-" in head or "’" in head or "'" in head) and _PREFIXED.match(token) is not None


class NameRun:
    """A run of two capitalised words or more, with the bare forms its words are looked up by.
    ``analysis`` and ``mentions`` are filled by the name index the first time it needs them."""

    __slots__ = ("analysis", "bare", "end", "mentions", "start", "tokens", "wanted")

    def __init__(
        self, start: int, end: int, tokens: list[str], wanted: frozenset[str], bare: frozenset[str]
    ) -> None:
        self.start = start
        self.end = end
        self.tokens = tokens
        #: each word's bare form without a possessive ending: the forms a name look-up matches
        self.wanted = wanted
        #: each word's bare form: the forms a role look-up matches
        self.bare = bare
        self.analysis: object = None
        self.mentions: dict[tuple[int, bool, bool], object] = {}


@dataclass(eq=False)
class NameTable:
    """One paragraph's stretches of two capitalised words or more, each split into its runs
    the first time a look-up needs it (most look-ups need few of a paragraph's stretches)."""

    text: str
    lowered: str
    #: the stretch pattern of the rules' language (see ``_CAPITAL_STRETCH``)
    pattern: re.Pattern[str]
    #: the runs of two words or more of the stretches split so far, by stretch index
    split: dict[int, list[NameRun]] = field(default_factory=dict)

    _stretches: list[tuple[int, int]] | None = None
    _starts: list[int] | None = None

    @property
    def stretches(self) -> list[tuple[int, int]]:
        """(start, end) of each stretch, in order (found on first use: a plain attribute, as a
        ``cached_property`` costs a lock per read)."""
        if self._stretches is None:
            self._stretches = [m.span() for m in self.pattern.finditer(self.text)]
            self._starts = [start for start, _ in self._stretches]
        return self._stretches

    def runs(self, index: int, rules: QuoteRules) -> list[NameRun]:
        """The runs of two words or more of stretch ``index``."""
        found = self.split.get(index)
        if found is None:
            start, end = self.stretches[index]
            found = []
            for at, stop, tokens in split_stretch(self.text[start:end], start, rules):
                if len(tokens) >= 2:
                    bare = [strip_word(t) for t in tokens]
                    wanted = frozenset(unpossessed(b) for b in bare)
                    found.append(NameRun(at, stop, tokens, wanted, frozenset(bare)))
            self.split[index] = found
        return found

    def all_runs(self, rules: QuoteRules) -> list[NameRun]:
        """The runs of every stretch (``long_runs``), in order."""
        return [run for i in range(len(self.stretches)) for run in self.runs(i, rules)]

    def holding(self, names: frozenset[str]) -> list[int]:
        """The indexes of the stretches ``names`` occur in (as substrings of ``lowered``)."""
        if "" in names:
            return list(range(len(self.stretches)))  # the empty string is in every stretch
        stretches = self.stretches
        starts = self._starts or []
        found: set[int] = set()
        for name in names:
            at = self.lowered.find(name)
            while at >= 0:
                i = bisect_right(starts, at) - 1  # the last stretch starting at or before
                if i >= 0 and at + len(name) <= stretches[i][1]:
                    found.add(i)
                at = self.lowered.find(name, at + 1)
        return sorted(found)


@lru_cache(maxsize=4096)
def name_table(text: str, rules: QuoteRules) -> NameTable:
    """``text`` in lower case, and (found when first asked for) its stretches that may hold a
    name of two words or more."""
    return NameTable(text, text.lower(), _MULTI_STRETCH[_capitals(rules)])


#: The per-paragraph caches of this module (cleared together by ``quotes.clear_caches``).
CACHED = (long_runs, capital_runs, name_table, strip_word)
