"""Speaker phrases: turn the words next to a cue verb into the speaker as written, a name
without its role or title ("Finance Minister Serhii Marchenko" -> "Serhii Marchenko"), a
pronoun, or a noun phrase ("a spokesperson for the ministry"), and reject clauses."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from scraper.extract.quote_mentions import DESCRIPTOR, is_title, place_words
from scraper.extract.quote_rules import QuoteRules
from scraper.extract.quote_tokens import POSSESSIVES

_TOKEN = re.compile(r"\S+")
#: Most words of a speaker noun phrase ("a senior official in the ministry").
MAX_PHRASE_WORDS = 8
#: Most words of a determiner phrase that names an organisation ("a spokesman for the
#: Administrative Office of the U.S. Courts").
MAX_NAMED_PHRASE_WORDS = 12
#: Characters stripped from the edges of a word before it is compared with the rules.
EDGE = "\"'“”‘’«»()[]{},.;:!?…—–- "
#: A contraction ending any line: one search over the words joined by newlines.
_CONTRACTIONS = re.compile(r"[’'](?:ll|re|ve|d|m)$", re.MULTILINE)


@lru_cache(maxsize=8192)
def bare_word(token: str) -> str:
    """``token`` without edge punctuation, in lower case (cached: the rules ask for the bare
    form of the same few hundred tokens of an article tens of thousands of times)."""
    return token.strip(EDGE).lower()


_FIRST_WORD = re.compile(r"\s*(\S+)")


def first_word(text: str, start: int = 0) -> list[str]:
    """``text[start:].split()[:1]``: the word after ``start``, found without splitting the
    rest of ``text``."""
    m = _FIRST_WORD.match(text, start)
    return [m.group(1)] if m else []


def last_word(text: str, end: int) -> list[str]:
    """``text[:end].split()[-1:]``: the word before ``end``, found without splitting the whole
    of ``text`` before it (a loop over a paragraph's runs would split it once per run)."""
    stop = min(end, len(text))
    while stop > 0 and text[stop - 1].isspace():
        stop -= 1
    begin = stop
    while begin > 0 and not text[begin - 1].isspace():
        begin -= 1
    return [text[begin:stop]] if stop > 0 else []


#: A name word after a lower-case article or patronymic joined by a hyphen or apostrophe
#: ("al-Baghdadi", "el-Sisi", "d’Ormesson", "ben-Ami"): capitalised for a name's sake.
_PREFIXED_NAME = re.compile(r"[^\W\d_]{1,3}[-'’][^\W\d_]")


def is_capital(token: str) -> bool:
    core = token.lstrip(EDGE)
    if not core:
        return False
    if core[0].isupper():
        return True
    prefixed = _PREFIXED_NAME.match(core)
    return prefixed is not None and core[prefixed.end() - 1].isupper()


#: An initial or dotted initials ("W", "J.K"), whose full stop belongs to the name.
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")


def name_word(token: str) -> str:
    """``token`` as a word of a name: without the punctuation around it, but an initial keeps
    its full stop ("George W. Bush", "J.K. Rowling")."""
    core = token.strip(EDGE)
    initial = _INITIALS.fullmatch(core) and core[:1].isupper()
    return core + "." if initial and token.lstrip(EDGE).startswith(core + ".") else core


def bare_title(token: str) -> str:
    word = bare_word(token)
    return word[:-2] if word.endswith(POSSESSIVES) else word


def name_start(tokens: list[str], rules: QuoteRules) -> int | None:
    """Index where the trailing capitalised name run of ``tokens`` starts, after its titles."""
    start = len(tokens)
    while start > 0:
        token, word = tokens[start - 1], bare_word(tokens[start - 1])
        inner = start < len(tokens)
        joins = word == "of" and inner and start > 1 and is_capital(tokens[start - 2])
        if not (is_capital(token) or (inner and word in rules.name_particles) or joins):
            break
        start -= 1
    if start == len(tokens):
        return None
    start += place_words(tokens[:start], tokens[start:], rules)  # "Attorney for Massachusetts"
    cut, i = start, start
    suffixes = suffix_start(tokens, rules)
    while i < len(tokens) - 1:
        word = bare_title(tokens[i])
        if i + 1 >= suffixes:
            break  # "Martin Luther King Jr.": the title word is the surname
        if is_title(word, rules) or word in rules.honorifics or DESCRIPTOR.search(word):
            cut = i + 1  # "Finance Minister X", "London-born Raye"
        elif word in rules.not_name_words and not is_organisation(tokens[i + 1 :], rules):
            cut = i + 1  # "Daily Mail Lacerda"; "Local Government Association" stays whole
        elif tokens[i].endswith(POSSESSIVES) and not is_organisation(tokens[i + 1 :], rules):
            cut = i + 1  # "ACLU’s Keegan Medrano"; "Russia’s Defense Ministry" stays
        elif word == "of" and cut == i:  # "Secretary of State Antony Blinken"
            i += 1
            while i < len(tokens) - 1 and bare_word(tokens[i]) in rules.title_departments:
                i += 1
            cut = i
            continue
        i += 1
    return cut


def _trim_filler(tokens: list[str], spans: list[tuple[int, int]], rules: QuoteRules) -> int:
    """How many tokens remain once trailing fillers are cut; a word in "-ly" right after a
    determiner or an owner is the noun it determines ("her family", "the Lee family",
    "Ann’s family"), not an adverb."""
    keep = len(tokens)
    while keep and trailing_filler(tokens[keep - 1], rules):
        word = bare_word(tokens[keep - 1])
        if (
            word.endswith("ly")
            and word not in rules.adverbs
            and _determined(tokens[: keep - 1], rules)
        ):
            break
        keep -= 1
    return keep


def _time_start(tokens: list[str], rules: QuoteRules) -> int:
    """Where a time expression after the speaker starts ("Ann Lee Tuesday", "Ann Lee
    Wednesday night", "the minister earlier this month in a statement"): time words from the
    second token on, running to the phrase's end or to a preposition; ``len(tokens)`` if none.
    A capitalised time word must also be no name word ("Tuesday", not a surname "Night")."""
    for i in range(1, len(tokens)):
        end = i
        while end < len(tokens) and _time_word(tokens[end], rules):
            end += 1
        if end > i and (end == len(tokens) or bare_word(tokens[end]) in rules.prepositions):
            return i
    return len(tokens)


def _time_word(token: str, rules: QuoteRules) -> bool:
    word = bare_word(token)
    if word not in rules.time_words:
        return False
    return not is_capital(token) or word in rules.not_name_words


def _determined(before: list[str], rules: QuoteRules) -> bool:
    """Whether the words before a noun end in its determiner ("the", "her", "Ann’s", "the Lee")."""
    if not before:
        return False
    last = bare_word(before[-1])
    if last in rules.determiners or before[-1].rstrip(EDGE).endswith(POSSESSIVES):
        return True
    return len(before) > 1 and is_capital(before[-1]) and bare_word(before[-2]) in rules.determiners


def suffix_start(tokens: list[str], rules: QuoteRules) -> int:
    """Where the name suffixes ending ``tokens`` start ("Jr.", "Snr"); ``len(tokens)`` if none."""
    at = len(tokens)
    while at > 0 and bare_word(tokens[at - 1]) in rules.name_suffixes:
        at -= 1
    return at


def trailing_filler(token: str, rules: QuoteRules) -> bool:
    """Words that end a phrase before its verb without belonging to the speaker: adverbs
    ("merely"), a dangling preposition ("another friend from")."""
    word = bare_word(token)
    if token[:1].isupper():
        return False
    return word in rules.adverbs or word in rules.prepositions or word.endswith("ly")


def trailing_name(
    tokens: list[str], spans: list[tuple[int, int]], phrase: str, rules: QuoteRules
) -> str | None:
    """A full name right before the verb wins over any longer phrase around it
    ("minister of mines and energy Tom Alweendo told")."""
    name_at = name_start(tokens, rules)
    if name_at is None or len(tokens) - name_at < 2 or name_at == 0:
        return None
    before = bare_word(tokens[name_at - 1])
    if before in rules.prepositions or before in rules.determiners or before in {"and", "or"}:
        return None  # "letter to Daniel Greenberg", "the U.S. Courts"
    name = tokens[name_at:]
    if not all(is_capital(t) or bare_word(t) in rules.name_particles for t in name):
        return None
    if not plausible(name, rules) or is_organisation(name, rules):
        return None
    return phrase[spans[name_at][0] : spans[-1][1]].strip(EDGE) or None


def is_organisation(tokens: list[str], rules: QuoteRules) -> bool:
    return any(bare_word(t) in rules.not_name_words for t in tokens)


@lru_cache(maxsize=4096)
def clean_speaker(
    phrase: str, rules: QuoteRules, *, before_cue: bool, cue_words_ok: bool = False
) -> str | None:
    """The speaker in ``phrase`` as written: a name without its role, a pronoun, or a short
    noun phrase ("a spokesperson"). ``before_cue`` tells whether the phrase preceded the verb."""
    spans = [m.span() for m in _TOKEN.finditer(phrase)]
    tokens = [phrase[a:b] for a, b in spans]
    while tokens and (
        bare_word(tokens[0]) in rules.clause_openers or bare_word(tokens[0]) in rules.adverbs
    ):
        tokens, spans = tokens[1:], spans[1:]
    role = _trailing_role(tokens, rules)
    if role:  # "Karabo Mohau King’s Counsel": the name before its role
        tokens, spans = tokens[:role], spans[:role]
    keep = _trim_filler(tokens, spans, rules)
    keep = _time_start(tokens[:keep], rules)  # "Ann Lee Tuesday", "Ann Lee last week"
    tokens, spans = tokens[:keep], spans[:keep]
    author = _document_author(tokens, rules)
    if author:
        tokens, spans = tokens[author:], spans[author:]  # "a statement by a spokesperson"
    joint = joint_names(tokens, rules) if before_cue else None
    if joint:
        return joint  # "Clara and Maya said": both speak
    name = leading_name(tokens, rules, after_cue=not before_cue) or _owned_name(tokens, rules)
    if before_cue and not name:
        name = trailing_name(tokens, spans, phrase, rules)
    if name:
        return name
    keep = noun_phrase_end(tokens, rules, before_cue=before_cue)
    tokens, spans = tokens[:keep], spans[:keep]
    keep = _trim_filler(tokens, spans, rules)
    tokens, spans = tokens[:keep], spans[:keep]
    if before_cue:
        first = noun_phrase_start(tokens, rules)
        tokens, spans = tokens[first:], spans[first:]
    # "a spokesman for the Administrative Office of the U.S. Courts": a determiner phrase
    # with a named organisation may run longer than a plain description.
    longest = MAX_NAMED_PHRASE_WORDS if names_organisation(tokens, rules) else MAX_PHRASE_WORDS
    if not tokens or len(tokens) > longest:
        return None
    if not plausible(tokens, rules, cue_words_ok=cue_words_ok) and not _named_ly(
        tokens, before_cue
    ):
        return None
    name_at = name_start(tokens, rules)
    if name_at is not None and bare_title(tokens[-1]) in rules.titles:
        name_at = None  # "the Prime Minister": a role, kept as a noun phrase
    if name_at and _after_preposition(tokens, name_at, rules):
        name_at = None  # "a spokesman for the Courts", "the letter to Daniel Greenberg"
    if name_at is not None and name_at < len(tokens) and has_letters(tokens[name_at:]):
        start = spans[name_at][0]
    elif len(tokens) > 1 and bare_word(tokens[0]) in rules.honorifics:
        start = spans[1][0]  # "Mr. Biden’s X account" -> "Biden’s X account"
    else:
        start = spans[0][0]
    text = phrase[start : spans[-1][1]].strip(EDGE)
    return text or None


#: Most words of each name in a joint subject ("Ann Marie Lee and Tom Reid").
JOINT_NAME_WORDS = 3


def joint_names(tokens: list[str], rules: QuoteRules) -> str | None:
    """'Clara and Maya', 'Ann Lee and Tom Reid': two names joined by "and" as the whole
    subject of a verb of saying are both the speaker (neither an organisation)."""
    if "and" not in tokens:
        return None
    at = tokens.index("and")
    sides = [tokens[:at], tokens[at + 1 :]]
    for side in sides:
        if not 1 <= len(side) <= JOINT_NAME_WORDS or not all(is_capital(t) for t in side):
            return None
        if any(t[-1] in ",;:" for t in side[:-1]) or tokens[at - 1][-1:] == ",":
            return None  # "Smith, Lee and Reid": a list, not a pair
        if not plausible(side, rules) or is_organisation(side, rules):
            return None
        if any(bare_word(t) in rules.titles or bare_word(t) in rules.pronouns for t in side):
            return None
    names = [" ".join(name_word(t) for t in side) for side in sides]
    return None if names[0] == names[1] else " and ".join(names)  # "Johnson and Johnson"


def _named_ly(tokens: list[str], before_cue: bool) -> bool:
    """'Emily wrote:': a capitalised word in "-ly" right before the verb, with no comma, is a
    name ("Luckily, she wrote" has its comma and its subject)."""
    if not before_cue or len(tokens) != 1:
        return False
    word = tokens[0]
    return is_capital(word) and word.isalpha() and word.endswith("ly") and len(word) > 3


def _owned_name(tokens: list[str], rules: QuoteRules) -> str | None:
    """'her mum Ami', 'his brother Jack Lee': a possessive, one or two lower-case nouns of
    kinship or role, then the name that the phrase is (a first name alone is enough)."""
    if len(tokens) < 3 or bare_word(tokens[0]) not in rules.possessive_pronouns:
        return None
    at = name_start(tokens, rules)
    nouns = tokens[1:at] if at is not None else []
    if not nouns or len(nouns) > 2 or not all(t[:1].islower() and t.isalpha() for t in nouns):
        return None
    name = [name_word(t) for t in tokens[at:]]
    if len(name) > 3 or is_organisation(name, rules) or not plausible(name, rules):
        return None
    return " ".join(name)


def _trailing_role(tokens: list[str], rules: QuoteRules) -> int:
    """Where a role written after a full name starts ("Jane Doe King’s Counsel"): capitalised
    title words after a name of two words or more, the first of them possessive; else 0."""
    for i in range(2, len(tokens) - 1):
        token = tokens[i]
        if not token.rstrip(EDGE).endswith(("’s", "'s")):
            continue
        role = [_POSSESSIVE_END.sub("", bare_word(token))] + [bare_word(t) for t in tokens[i + 1 :]]
        name = tokens[:i]
        if all(r in rules.titles for r in role) and all(is_capital(t) for t in tokens[i:]):
            return i if all(is_capital(t) for t in name[-2:]) else 0
    return 0


_POSSESSIVE_END = re.compile(r"[’']s$")


#: Words that name the author of a document ("a statement by", "a letter from").
AUTHOR_WORDS = frozenset({"by", "from"})


def _document_author(tokens: list[str], rules: QuoteRules) -> int:
    """Where the author starts in "a statement by a Sussex spokesperson" or "a study conducted
    by Ann Lee": the person or body after a document noun and "by"/"from" is the speaker (0
    when the phrase is no such)."""
    for i, token in enumerate(tokens[:4]):
        if bare_word(token) in AUTHOR_WORDS:
            head = [bare_word(t) for t in tokens[:i]]
            if head and head[-1].endswith("ed"):
                head = head[:-1]  # "a study conducted by", "a letter signed by"
            document = bool(head) and head[-1] in rules.document_words
            plain = all(w in rules.determiners for w in head[:-1])
            return i + 1 if document and plain and i + 1 < len(tokens) else 0
    return 0


def names_organisation(tokens: list[str], rules: QuoteRules) -> bool:
    """'a spokesman for the Administrative Office of the U.S. Courts': a determiner phrase
    whose words after its first preposition are all capitalised or small linking words."""
    if not tokens or bare_word(tokens[0]) not in rules.determiners or is_capital(tokens[0]):
        return False
    words = [bare_word(t) for t in tokens]
    first = next((i for i, w in enumerate(words) if w in rules.prepositions), None)
    if first is None or first + 1 >= len(tokens):
        return False
    return all(
        is_capital(t) or w in rules.prepositions or w in rules.determiners or w in {"and", "&"}
        for t, w in zip(tokens[first + 1 :], words[first + 1 :], strict=True)
    )


def _after_preposition(tokens: list[str], at: int, rules: QuoteRules) -> bool:
    """The name at ``at`` is the object of a preposition, with or without a determiner
    ("for the Administrative Office"), also the second half of a name joined by "and"
    ("for the Universities and Colleges Employers' Association")."""
    while at > 2 and _inside_name(tokens, at - 1):
        at -= 2
        while at > 1 and is_capital(tokens[at - 1]):
            at -= 1
    before = bare_word(tokens[at - 1])
    if before in rules.prepositions:
        return True
    return (
        at > 1 and before in rules.determiners and bare_word(tokens[at - 2]) in rules.prepositions
    )


def leading_name(tokens: list[str], rules: QuoteRules, *, after_cue: bool = False) -> str | None:
    """'Samson Mokoena from the Alliance': a full name followed by a preposition; after the
    cue also a lone name followed by an article, which opens the verb's object ('sagte Merz
    der Zeitung')."""
    run = 0
    while run < len(tokens) and (
        is_capital(tokens[run]) or bare_word(tokens[run]) in rules.name_particles
    ):
        run += 1
    if run >= len(tokens):
        return None
    # after the cue an article opens the verb's object ("sagte Merz der Zeitung", "erklärt
    # Haustein die Eskalation")
    article = after_cue and bare_word(tokens[run]) in rules.determiners
    if not article and bare_word(tokens[run]) not in rules.prepositions:
        return None
    name_at = name_start(tokens[:run], rules)
    followed = run + 1 < len(tokens) and bare_word(tokens[run + 1]) in rules.determiners
    if name_at is None or run - name_at < (1 if followed or article else 2):
        return None  # "Raye of her nominations" is enough; "Smith in Kyiv" is not
    if is_organisation(tokens[name_at:run], rules):
        return None
    return " ".join(name_word(t) for t in tokens[name_at:run])


#: Endings of names that end like adverbs ("Connolly", "Kelly", "Reilly", "Lilly").
_NAMES_IN_LY = ("olly", "elly", "illy")


def plausible(tokens: list[str], rules: QuoteRules, *, cue_words_ok: bool = False) -> bool:
    """A speaker phrase is a name, pronoun or noun phrase, not a clause ("it was", "declined")."""
    words = [bare_word(t) for t in tokens]
    # a capitalised auxiliary inside a name or alone before the verb is a name ("Theresa May
    # said", "May said"); a modal is never the whole subject of a verb of saying
    verbs = [words[i] for i, t in enumerate(tokens) if _verb(i, t, words, rules)]
    if not rules.verb_markers.isdisjoint(verbs) or _CONTRACTIONS.search("\n".join(words)):
        return False
    if not cue_words_ok and rules.cue.search(" ".join(tokens)):
        return False
    if len(words) == 1 and (words[0] in rules.not_speakers or not has_letters(tokens)):
        return False
    if len(words) == 1 and words[0].endswith("ly") and not words[0].endswith(_NAMES_IN_LY):
        return False  # "Tragically"; "Connolly", "Kelly" are names
    owner = len(words) > 1 and words[0] in rules.possessive_pronouns  # "her family"
    rest = words[1:] if owner else words
    if len(words) > 1 and any(w in rules.pronouns or w in {"i", "we", "you"} for w in rest):
        return False  # "he believes generative AI", "The actual first thing he"
    if any(
        w in rules.adverbs and not t[:1].isupper()
        for w, t in zip(words[1:-1], tokens[1:-1], strict=True)
    ):
        return False  # "The pair also launched a cannon just": a clause
    for before, token, word in zip(tokens, tokens[1:], words[1:], strict=False):
        verb = word.endswith(("ing", "ed")) and not is_capital(token)  # "Boston Consulting"
        if is_capital(before) and verb and word not in rules.titles:
            return False  # "Zelensky considering ...": a clause, not a name
    for word, after in pairwise(words[1:]):
        if word.endswith(("ed", "es")) and after in {"a", "an", "the", "his", "her", "their"}:
            return False  # "The pair launched a cannon": a verb and its object
    first = words[0]
    if first in rules.determiners or is_capital(tokens[0]) or first in rules.pronouns:
        return True
    return not first.endswith(("ed", "ly", "ing"))


def _verb(index: int, token: str, words: list[str], rules: QuoteRules) -> bool:
    """Whether ``token`` (at ``index``; ``words`` are the bare tokens) may be a verb: not a
    capitalised word after the first, nor a capitalised word alone that also names a date or
    place ("May"; a lone "According" stays a verb)."""
    if not token[:1].isupper():
        return True
    if index > 0:
        return False
    return len(words) > 1 or words[0] not in rules.not_name_words


def has_letters(tokens: list[str]) -> bool:
    return any(any(c.isalpha() for c in t) for t in tokens)


def noun_phrase_end(tokens: list[str], rules: QuoteRules, *, before_cue: bool) -> int:
    """Cut a phrase at its first preposition or relative word ("a spokesperson for ..."), or
    at a participle with an object ("a spokesperson confirming the eviction")."""
    for i, token in enumerate(tokens):
        participle = i > 1 and token[:1].islower() and bare_word(token).endswith("ing")
        if participle and i + 1 < len(tokens) and bare_word(tokens[i + 1]) in rules.determiners:
            return i
        if i == 1 and _group_place(tokens, rules):
            continue  # "officials at Etlaq", "Democrats on Capitol Hill": the place says who
        if i > 1 and _named_place(tokens, i, rules):
            continue  # "The Israeli mission to the UN in Geneva", "a spokesperson at Acme"
        if i > 1 and _body_place(tokens, i, rules):
            continue  # "a senior official in the ministry"
        if i > 2 and _inside_name(tokens, i):
            continue  # "a spokesperson for the Universities and Colleges Employers' Association"
        if i and bare_word(token) in rules.phrase_breaks:
            if before_cue and tokens[0] and bare_word(tokens[0]) in rules.phrase_breaks:
                continue
            if before_cue and bare_word(token) == "to":
                continue  # "The Conservatives’ letter to Daniel Greenberg said"
            return i
        if i and token[:1] in "(,;:—–":
            return i
        if token.endswith((",", ";", ":")) and not before_cue:
            return i + 1
    return len(tokens)


#: Prepositions that place a group ("officials at Etlaq").
GROUP_PLACES = frozenset({"at", "on", "in"})


def _group_place(tokens: list[str], rules: QuoteRules) -> bool:
    """A bare plural noun, then "at"/"on"/"in" and a proper name: the phrase names the group."""
    if len(tokens) < 3 or bare_word(tokens[1]) not in GROUP_PLACES:
        return False
    head = bare_word(tokens[0])
    plural = head.endswith("s") and head not in rules.determiners and head.isalpha()
    return plural and is_capital(tokens[2]) and bare_word(tokens[2]) not in rules.determiners


def _body_place(tokens: list[str], i: int, rules: QuoteRules) -> bool:
    """ "in"/"at" and "the" before the head of an organisation (``not_name_words``: "the
    ministry", "the company") after a noun: the body the source belongs to."""
    if bare_word(tokens[i]) not in {"in", "at"} or i + 2 >= len(tokens):
        return False
    article, head = bare_word(tokens[i + 1]), tokens[i + 2]
    last = i + 3 == len(tokens) or bare_word(tokens[i + 3]) in rules.phrase_breaks
    return article == "the" and head.islower() and bare_word(head) in rules.not_name_words and last


def _inside_name(tokens: list[str], i: int) -> bool:
    """ "and" or "&" between two capitalised words of a name ("Universities and Colleges"):
    part of the name, not the end of the phrase."""
    if tokens[i] not in {"and", "&"} or i + 1 >= len(tokens):
        return False
    return is_capital(tokens[i - 1]) and is_capital(tokens[i + 1]) and tokens[i - 1][-1:].isalpha()


def _named_place(tokens: list[str], i: int, rules: QuoteRules) -> bool:
    """ "in"/"at"/"on" and a capitalised name after a noun: a complement of the phrase (the
    place or body the source belongs to), kept as written."""
    if bare_word(tokens[i]) not in GROUP_PLACES or i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    if bare_word(after) == "the" and i + 2 < len(tokens):
        after = tokens[i + 2]
    bare = bare_word(after)
    return is_capital(after) and bare not in rules.determiners and bare not in rules.not_name_words


def noun_phrase_start(tokens: list[str], rules: QuoteRules) -> int:
    """In "In an interview on Tuesday the minister", where the subject starts."""
    if not tokens or bare_word(tokens[0]) not in rules.breaks:
        return 0
    if is_capital(tokens[0]) and bare_word(tokens[0]) in rules.determiners:
        return 0  # "Der ehemalige Trainer Hannawald": an article that is also a preposition
    for i in range(len(tokens) - 1, 0, -1):
        word = bare_word(tokens[i])
        if word in rules.phrase_breaks or word in rules.prepositions:
            return i + 1
        if word in rules.determiners:
            short = len(tokens) - i <= 3 or is_capital(tokens[-1])
            named = is_capital(tokens[-1])  # "to the Daily Mail Lacerda"
            return i if short and (i > 1 or named) else len(tokens)  # "With the US absent"
    return len(tokens)
