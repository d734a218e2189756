"""Quote attribution rules: load ``scraper/data/quotes_<lang>.toml`` and compile its word lists
into regexes once per language, so a new language is a data file, not code."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources

from scraper.errors import ExtractionError

DEFAULT_LANGUAGE = "en"

#: Letters a closed compound holds before its title ending ("Klima" in "Klimaforscher").
COMPOUND_PREFIX = 3


class CompoundTitles(frozenset[str]):
    """Title words that also hold compounds built on a title: with ``hyphenated``, a word
    whose last hyphenated part is a title ("NDR-Sprecher", "Usyk-Promoter"); and a closed
    compound ending in one of ``endings`` ("Geheimdienstexperte"), for languages that join
    any name or body to a role and cannot list every compound."""

    ending: re.Pattern[str] | None
    hyphenated: bool

    def __new__(
        cls, words: frozenset[str], endings: frozenset[str], hyphenated: bool
    ) -> CompoundTitles:
        titles = super().__new__(cls, words)
        prefix = f".{{{COMPOUND_PREFIX},}}"
        titles.ending = (
            re.compile(prefix + f"(?:{_alternation(list(endings))})") if endings else None
        )
        titles.hyphenated = hyphenated
        return titles

    def __contains__(self, word: object) -> bool:
        if frozenset.__contains__(self, word):
            return True
        if not isinstance(word, str):
            return False
        if self.hyphenated and "-" in word:
            word = word.rsplit("-", 1)[1]
            if frozenset.__contains__(self, word):
                return True
        return self.ending is not None and self.ending.fullmatch(word) is not None


@dataclass(frozen=True, eq=False)
class QuoteRules:
    """Compiled attribution rules for one language (see ``quotes_en.toml`` for each key).
    Compared and hashed by identity: one instance per language, so it can key caches."""

    cue: re.Pattern[str]
    prefix_cue: re.Pattern[str]
    continuation_cue: re.Pattern[str]
    adverbs: frozenset[str]
    pronouns: frozenset[str]
    possessive_pronouns: frozenset[str]
    titles: frozenset[str]
    honorifics: frozenset[str]
    title_departments: frozenset[str]
    phrase_breaks: frozenset[str]
    determiners: frozenset[str]
    clause_openers: frozenset[str]
    not_speakers: frozenset[str]
    name_particles: frozenset[str]
    elision: re.Pattern[str]
    naming_cues: frozenset[str]
    naming_words: re.Pattern[str]
    ambiguous_cues: frozenset[str]
    not_name_words: frozenset[str]
    prepositions: frozenset[str]
    role_synonyms: dict[str, str]
    verb_markers: frozenset[str]
    title_small_words: frozenset[str]
    neuter_pronouns: frozenset[str]
    document_words: frozenset[str]
    past_role_words: frozenset[str]
    time_words: frozenset[str]
    abbreviations: frozenset[str]
    name_suffixes: frozenset[str]
    group_nouns: frozenset[str]
    female_pronouns: frozenset[str]
    male_pronouns: frozenset[str]
    female_words: frozenset[str]
    male_words: frozenset[str]
    female_first_names: frozenset[str]
    male_first_names: frozenset[str]
    predicate_openers: frozenset[str]
    leader_titles: frozenset[str]
    definite_articles: frozenset[str]
    #: How a fragment quoted in the reporter's sentence without a speech verb is attributed:
    #: "subject" (to the sentence's subject) or "none".
    fragment_speakers: str
    #: Whether the language capitalises every noun (``capitalised_nouns = "all"``, German),
    #: not only names: a capitalised word is then no sign of a name.
    nouns_capitalised: bool
    #: Whether the subject may follow the verb after a fronted phrase (``word_order =
    #: "verb_second"``, German: "Am Montag sagte Merz: „…“").
    verb_second: bool
    #: Words whose full stop, when capitalised, ends no sentence ("Gen. Lee"): titles and
    #: honorifics, or only honorifics where every noun is capitalised.
    period_titles: frozenset[str]
    #: Substrings (lower case) one of which every continuation cue, speaker prefix cue and
    #: naming word holds: text with none of them cannot match (see ``may_match``).
    continuation_hints: tuple[str, ...]
    prefix_hints: tuple[str, ...]
    naming_hints: tuple[str, ...]

    # Unions of the word lists that the hot loops test against, built once per language.
    @cached_property
    def run_skip(self) -> frozenset[str]:
        """Words that open a capitalised run without belonging to a name ("But", "The")."""
        return self.clause_openers | self.determiners | self.phrase_breaks

    @cached_property
    def function_words(self) -> frozenset[str]:
        """Articles, prepositions, clause openers and pronouns: how often they occur tells
        whether a text is in the rules' language."""
        pronouns = self.pronouns | self.neuter_pronouns | self.possessive_pronouns
        return self.determiners | self.prepositions | self.clause_openers | pronouns

    @cached_property
    def mention_skip(self) -> frozenset[str]:
        """``run_skip`` and prepositions: words around a name that is not the actor."""
        return self.run_skip | self.prepositions

    @cached_property
    def subject_skip(self) -> frozenset[str]:
        return self.clause_openers | self.adverbs | self.phrase_breaks | self.prepositions

    @cached_property
    def breaks(self) -> frozenset[str]:
        """Phrase breaks and prepositions: where a noun phrase ends."""
        return self.phrase_breaks | self.prepositions

    @cached_property
    def opening_phrases(self) -> frozenset[str]:
        """Words that open a sentence with a phrase rather than its subject ("At ...")."""
        return (self.phrase_breaks - self.clause_openers) | self.prepositions

    @cached_property
    def not_persons(self) -> frozenset[str]:
        return self.pronouns | self.not_speakers

    @cached_property
    def subject_words(self) -> frozenset[str]:
        """Words that can be the subject right before a verb ("the senator calls")."""
        return self.pronouns | self.titles | {"who", "whom"}


def _alternation(words: list[str]) -> str:
    """A regex matching any of ``words`` (spaces match any whitespace), built as a trie so the
    engine tries one branch per letter instead of every word at every position."""
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in {w.lower() for w in words}:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    ends = "" in node
    branches = [
        (r"\s+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        body = f"(?:{body})?"
    return body


#: Characters that case-insensitive regexes fold onto an ASCII letter although ``str.lower``
#: does not turn them into it (dotted and dotless i, long s, Kelvin sign).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
#: Length of the substrings chosen as hints.
HINT_CHARS = 3


def hints(words: list[str]) -> tuple[str, ...]:
    """Few ASCII substrings, one held by each word (greedy cover by the most shared ones); a
    word shorter than ``HINT_CHARS`` is its own hint. Each lies within one space-free part.
    Empty (no filtering) when a word has no ASCII substring to offer."""
    grams = {
        w: {p[i : i + HINT_CHARS] for p in w.split() for i in range(len(p) - HINT_CHARS + 1)}
        or {max(w.split() or [w], key=len)}
        for w in {word.lower() for word in words}
    }
    grams = {w: {g for g in options if g.isascii() and g} for w, options in grams.items()}
    if not all(grams.values()):
        return ()
    chosen: list[str] = []
    while grams:
        counts: dict[str, int] = {}
        for options in grams.values():
            for gram in options:
                counts[gram] = counts.get(gram, 0) + 1
        best = min(counts, key=lambda g: (-counts[g], g))
        chosen.append(best)
        grams = {w: options for w, options in grams.items() if best not in options}
    return tuple(chosen)


def may_match(text: str, hints: tuple[str, ...]) -> bool:
    """False only when ``text`` holds none of ``hints`` in any case, so a case-insensitive
    regex over the words they were chosen for cannot match it (a cheap test before the regex)."""
    if not hints:
        return True
    lowered = text.lower()
    if not folds_as_lowered(text, lowered):
        return True
    return any(hint in lowered for hint in hints)


def folds_as_lowered(text: str, lowered: str) -> bool:
    """Whether a case-insensitive regex of ASCII words matches ``text`` exactly where the words
    occur in ``lowered`` (``text.lower()``, offset for offset): true unless lower-casing
    changed the length or ``text`` holds a character the regex folds onto an ASCII letter."""
    return text.isascii() or (len(lowered) == len(text) and not _FOLDS_TO_ASCII.search(text))


def _table(data: dict[str, object], key: str) -> dict[str, str]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        return {}
    return {str(k).lower(): str(v).lower() for k, v in value.items()}


def _words(data: dict[str, object], key: str) -> frozenset[str]:
    value = data.get(key, [])
    if not isinstance(value, list):
        return frozenset()
    return frozenset(str(v).lower() for v in value)


@cache
def _data_text(language: str) -> str | None:
    name = f"quotes_{language}.toml"
    path = resources.files("scraper").joinpath("data", name)
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _closing(words: list[str]) -> str:
    """The alternative of the cue pattern for verbs that attribute only at the end of their
    clause ("Lee began," but not "the service began trading")."""
    return rf"|\b(?:{_alternation(words)})\b(?=\s*(?:[,.;:!?—–]|$))" if words else ""


#: The keys whose value is one word out of a few, with the words each allows.
CHOICES = {
    "fragment_speakers": ("subject", "none"),
    "compound_titles": ("last_part", "none"),
    "capitalised_nouns": ("names", "all"),
    "word_order": ("subject_verb", "verb_second"),
}


def _check_choices(data: dict[str, object]) -> None:
    """Raise ``ValueError`` naming the key and the words it allows when a one-word key holds
    another value (a misspelt "verb-second" would otherwise quietly mean the default)."""
    for key, allowed in CHOICES.items():
        value = data.get(key)
        if value is not None and value not in allowed:
            raise ValueError(f"{key} = {value!r}: expected one of {', '.join(allowed)}")


def _compile(data: dict[str, object]) -> QuoteRules:
    _check_choices(data)

    def words_list(key: str) -> list[str]:
        value = data.get(key, [])
        return [str(v) for v in value] if isinstance(value, list) else []

    flags = re.IGNORECASE
    return QuoteRules(
        # Cue verbs are matched in lower case only: "States" in "United States" is no verb.
        cue=re.compile(
            rf"\b(?:{_alternation(words_list('cues'))})\b{_closing(words_list('closing_cues'))}"
        ),
        prefix_cue=re.compile(rf"\b(?:{_alternation(words_list('speaker_prefix_cues'))})\b", flags),
        continuation_cue=re.compile(
            rf"\b(?:{_alternation(words_list('continuation_cues'))})\b", flags
        ),
        adverbs=_words(data, "adverbs"),
        pronouns=_words(data, "pronouns"),
        possessive_pronouns=_words(data, "possessive_pronouns"),
        titles=_titles(data),
        honorifics=_words(data, "honorifics"),
        title_departments=_words(data, "title_departments"),
        phrase_breaks=_words(data, "phrase_breaks"),
        determiners=_words(data, "determiners"),
        clause_openers=_words(data, "clause_openers"),
        not_speakers=_words(data, "not_speakers"),
        name_particles=_words(data, "name_particles"),
        elision=re.compile(
            rf"(?:\d0s\b|\d\d\b|(?:{_alternation(words_list('elisions'))})\b)", flags
        ),
        naming_cues=_words(data, "naming_cues"),
        naming_words=re.compile(
            rf"\b(?:{_alternation(words_list('naming_words'))})(?:\s+\S+){{0,2}}\s*[,:]?\s*$",
            flags,
        ),
        ambiguous_cues=_words(data, "ambiguous_cues"),
        not_name_words=_words(data, "not_name_words"),
        prepositions=_words(data, "prepositions"),
        role_synonyms=_table(data, "role_synonyms"),
        verb_markers=_words(data, "verb_markers"),
        title_small_words=_words(data, "title_small_words"),
        neuter_pronouns=_words(data, "neuter_pronouns"),
        document_words=_words(data, "document_words"),
        past_role_words=_words(data, "past_role_words"),
        time_words=_words(data, "time_words"),
        abbreviations=_words(data, "abbreviations"),
        name_suffixes=_words(data, "name_suffixes"),
        group_nouns=_words(data, "group_nouns"),
        female_pronouns=_words(data, "female_pronouns"),
        male_pronouns=_words(data, "male_pronouns"),
        female_words=_words(data, "female_words"),
        male_words=_words(data, "male_words"),
        female_first_names=_words(data, "female_first_names"),
        male_first_names=_words(data, "male_first_names"),
        predicate_openers=_words(data, "predicate_openers"),
        leader_titles=_words(data, "leader_titles"),
        definite_articles=_words(data, "definite_articles"),
        fragment_speakers=str(data.get("fragment_speakers", "none")),
        nouns_capitalised=data.get("capitalised_nouns") == "all",
        verb_second=data.get("word_order") == "verb_second",
        period_titles=_period_titles(data),
        continuation_hints=hints(words_list("continuation_cues")),
        prefix_hints=hints(words_list("speaker_prefix_cues")),
        naming_hints=hints(words_list("naming_words")),
    )


def _titles(data: dict[str, object]) -> frozenset[str]:
    """The ``titles`` words, with the compounds ``compound_titles`` and ``title_endings``
    make titles too."""
    words = _words(data, "titles")
    endings = _words(data, "title_endings")
    hyphenated = data.get("compound_titles") == "last_part"
    return CompoundTitles(words, endings, hyphenated) if endings or hyphenated else words


def _period_titles(data: dict[str, object]) -> frozenset[str]:
    """Titles and honorifics whose capitalised form before a full stop ends no sentence;
    only the honorifics in a language that capitalises every noun (``capitalised_nouns =
    "all"``: "sagte der Sprecher. Für ..." ends at the stop)."""
    honorifics = _words(data, "honorifics")
    if data.get("capitalised_nouns") == "all":
        return honorifics
    return _words(data, "titles") | honorifics


def attributes(language: str | None) -> bool:
    """Whether speakers can be attributed in ``language``: no language, a rules file, or a
    code that names no language ("utf-8" in a page's metadata). A real language without a
    rules file ("de") gets quotation spans only: English cue rules on German text find no
    speech verbs and take capitalised nouns ("Die Idee") for speakers."""
    base = _base(language)
    return len(base) != 2 or not base.isalpha() or _data_text(base) is not None


def rules_for(language: str | None) -> QuoteRules:
    """The compiled rules for ``language`` (e.g. "en", "en-GB"); English when there is no file."""
    base = _base(language)
    return _rules(base if base.isalpha() and _data_text(base) else DEFAULT_LANGUAGE)


#: Three-letter (ISO 639-2) codes of the languages that have a rules file; other three-letter
#: values stay as they are (a page's "utf-8" must not read as a language).
THREE_LETTER_CODES = {"eng": "en", "deu": "de", "ger": "de"}


def _base(language: str | None) -> str:
    """The primary language subtag in lower case: "en-GB" -> "en", "deu" -> "de"."""
    base = (language or DEFAULT_LANGUAGE).lower().replace("_", "-").split("-")[0]
    return THREE_LETTER_CODES.get(base, base)


@cache
def _rules(language: str) -> QuoteRules:
    text = _data_text(language)
    if text is None:  # pragma: no cover - the English file ships with the package
        raise ExtractionError("scraper/data/quotes_en.toml is missing: reinstall the package")
    try:
        return _compile(tomllib.loads(text))
    except (ValueError, tomllib.TOMLDecodeError) as err:
        raise ExtractionError(f"scraper/data/quotes_{language}.toml: {err}") from err
