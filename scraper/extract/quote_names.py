"""Speaker names across an article: finds the full names people are introduced with, so a later
surname ("Fernandes said"), first name or role reference ("the president said") is reported as
the fullest form of that name the article uses ("Tony Fernandes")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from scraper.extract.quote_mentions import POSSESSIVE_MARK, Mention, name_mentions, unsuffixed
from scraper.extract.quote_rules import QuoteRules
from scraper.extract.quote_scan import after_preposition, only_word_chars, word_before
from scraper.extract.quote_tokens import name_capital
from scraper.extract.quote_tokens import strip_word as _strip

_ORGANISATION = re.compile(
    r"[A-Z][\w'’.&-]*(?:\s+(?:(?:of|and|for|de)\s+(?:the\s+)?)?[A-Z][\w'’.&-]*)+"
)
_EDGE = "\"'“”‘’«»()[]{},;:!?…—–"


def _best(candidates: list[Mention]) -> Mention | None:
    """The most frequent candidate name; ties go to the one introduced first."""
    if not candidates:
        return None
    counts: dict[str, int] = {}
    for c in candidates:
        if c.name not in counts:
            size = len(c.words)
            counts[c.name] = sum(m.words[-size:] == c.words for m in candidates)
    top = max(counts.values())
    return next(c for c in candidates if counts[c.name] == top)


def _nearest(candidates: list[Mention], paragraph: int, offset: int) -> Mention | None:
    before = [c for c in candidates if (c.paragraph, c.offset) < (paragraph, offset)]
    if before:
        return before[-1]
    return candidates[0] if candidates else None


def fullest_name(
    speaker: str,
    paragraph: int,
    offset: int,
    mentions: list[Mention],
    rules: QuoteRules,
    organisations: list[Mention] | None = None,
    context: str = "",
    paragraphs: Sequence[str] = (),
) -> str:
    """The fullest form of ``speaker``'s name in the article, or ``speaker`` unchanged.
    ``context`` (the text around the quote) may hold the title the speaker was given there
    ("Justice Thomas"), which picks among people sharing a surname; ``paragraphs`` (the
    article) let a role ("the senator") pick among its holders the one named last."""
    words = speaker.split()
    bare = [_strip(w) for w in words]
    if not words:
        return speaker
    if bare[0] in rules.determiners:
        role = _role_name(bare, paragraph, offset, mentions, rules, paragraphs)
        return (
            role
            or _organisation_name(bare, paragraph, offset, organisations, rules)
            or _named_with_head(bare, paragraph, offset, paragraphs, rules)
            or speaker
        )
    if not all(name_capital(w) for w in words if _strip(w) not in rules.name_particles):
        joint = _joint_name(speaker, paragraph, offset, mentions, rules, paragraphs)
        return joint or speaker  # a phrase
    size, key = len(words), tuple(bare)
    longer = [m for m in mentions if len(m.words) > size and key[-1] in m.words]
    ending = [m for m in longer if unsuffixed(m.words, rules)[-size:] == key]  # "Bryant Snr"
    surname = _by_title(ending, speaker, context, rules)
    # "von der Leyen", "bin Salman": a surname with its particles, not a first and last name
    if size > 1 and key[0] not in rules.name_particles:
        # "Al Saud" after "Abu Anas Al Saud": the trailing words of a longer name. A longer
        # run opening a sentence may hold one capitalised word that is no name ("Everything
        # Christian Horner has said"): it counts with a role, or with two given names before
        # the surname ("Aung San Suu Kyi", "Andrés Manuel López Obrador")
        inside = [
            m
            for m in surname
            if m.roles or len(m.words) - size > 1 or not _opens_sentence(m, paragraphs)
        ]
        if not inside and size == 2:  # "Ann Lee" after "Ann B. Lee": a middle initial
            inside = [m for m in longer if _with_middle(m.words, key, rules)]
            inside = inside or _introduced_with_middle(longer, mentions, key, rules)
        best = _best(inside) if not any(w in rules.not_name_words for w in bare) else None
        return best.name if best else speaker
    first = [m for m in longer if m.words[:size] == key]
    if paragraphs:  # "on Israel" before "Israel Katz" is introduced: a place, not him
        first = [m for m in first if not _place_before(words[0], m, paragraphs, rules)]
    latest = _latest_person(surname, paragraph, offset)
    if latest is not None and _titled_bearer(surname, words[0], paragraphs, rules):
        latest = None
    best = latest or _best(surname) or _best(first)
    if best is None and size == 1 and paragraphs:
        return _inside_run(key[0], longer, paragraphs, rules) or speaker
    return best.name if best else speaker


def _inside_run(
    word: str, longer: list[Mention], paragraphs: Sequence[str], rules: QuoteRules
) -> str | None:
    """A first name or surname used alone that is the middle word of the one three-word name
    holding it: inside a sentence, a middle name or a double surname of that person ("Etienne
    said" after "Camille Etienne Gbedey"); opening a sentence, after a capitalised description
    ("Mina said" after "Gardener Mina Holt grows ..."), so the name is the last two words
    (unless the first word is a known first name or the run also stands inside a sentence)."""
    runs = [m for m in longer if len(m.words) == 3 and m.words[1] == word]
    if len({m.name for m in runs}) != 1:
        return None
    first = runs[0].words[0]
    known = first in rules.female_first_names or first in rules.male_first_names
    if known or not all(_opens_sentence(m, paragraphs) for m in runs):
        return runs[0].name
    return " ".join(runs[0].name.split()[-2:])


def _joint_name(
    speaker: str,
    paragraph: int,
    offset: int,
    mentions: list[Mention],
    rules: QuoteRules,
    paragraphs: Sequence[str],
) -> str | None:
    """'Heath and the other vets' -> "Crystal Heath and the other vets", 'Clara and Maya' ->
    "Clara Amfo and Maya Jama": speakers joined by "and" each take their fullest name; a
    group named by its member ("and the other vets") stays as written after the name."""
    parts = speaker.split(" and ")
    if len(parts) != 2 or not all(parts):
        return None
    forms = []
    for part in parts:
        words = part.split()
        if not all(w[:1].isupper() for w in words):
            forms.append(part)  # "the other vets"
            continue
        if any(_strip(w) in rules.not_name_words for w in words):
            return None  # "Food and Drug Administration": one organisation
        forms.append(fullest_name(part, paragraph, offset, mentions, rules, paragraphs=paragraphs))
    return " and ".join(forms) if forms != parts else None


def _with_middle(words: tuple[str, ...], key: tuple[str, ...], rules: QuoteRules) -> bool:
    """Whether ``words`` are the two of ``key`` with a middle initial between ("michael",
    "j", "gallagher"); a whole middle name may be someone else's ("Ann Marie Lee")."""
    core = unsuffixed(words, rules)
    return len(core) == 3 and len(core[1]) == 1 and (core[0], core[-1]) == key


def _introduced_with_middle(
    longer: list[Mention], mentions: list[Mention], key: tuple[str, ...], rules: QuoteRules
) -> list[Mention]:
    """'Abu Amer' after 'Abu Hassan Amer': the one longer name with a whole middle name
    between the two words, when the article gave it before it first wrote the short form
    (an "Ann Lee" named first and an "Ann Marie Lee" later are two people)."""
    found = [
        m
        for m in longer
        if len(core := unsuffixed(m.words, rules)) == 3 and (core[0], core[-1]) == key
    ]
    if len({m.name for m in found}) != 1:
        return []
    first_long = min((m.paragraph, m.offset) for m in found)
    short = [(m.paragraph, m.offset) for m in mentions if m.words == key]
    return [] if short and min(short) < first_long else found


def _latest_person(candidates: list[Mention], paragraph: int, offset: int) -> Mention | None:
    """Among different people sharing a surname (their first words differ: "Abu Hassan Amer"
    and "Sadeq Abu Amer"), the one named last before the quote: a bare surname continues the
    latest person. One person's variants ("Ann Lee", "Ann B. Lee") are left to ``_best``."""
    if len({c.words[0] for c in candidates}) < 2:
        return None
    before = [c for c in candidates if (c.paragraph, c.offset) < (paragraph, offset)]
    if not before or before[-1].paragraph < paragraph - 1:
        return None  # introduced further back: the article's main bearer (``_best``) speaks
    return before[-1]


def _titled_bearer(
    candidates: list[Mention], surname: str, paragraphs: Sequence[str], rules: QuoteRules
) -> bool:
    """Whether the article writes the bare surname with a title ("Adv Tšosane") that one of
    ``candidates`` was introduced with: that title, not recency, tells who the surname is."""
    pattern = re.compile(rf"(\S+)\s+{re.escape(surname)}\b")
    for text in paragraphs:
        for m in pattern.finditer(text) if surname in text else ():
            title = _strip(m.group(1))
            if title not in rules.titles:
                continue
            role = rules.role_synonyms.get(title, title)
            if any(rules.role_synonyms.get(r, r) == role for c in candidates for r in c.roles):
                return True
    return False


_SENTENCE_START = re.compile(r"(?:^|[.!?…:][\"'”’)]?)\s*$")


def _opens_sentence(mention: Mention, paragraphs: Sequence[str]) -> bool:
    if not paragraphs:
        return False
    return _SENTENCE_START.search(paragraphs[mention.paragraph][: mention.offset]) is not None


def _place_before(
    word: str, mention: Mention, paragraphs: Sequence[str], rules: QuoteRules
) -> bool:
    """Whether ``word`` is the object of a preposition ("in Israel", "to Jordan") in the
    article before ``mention`` introduces it as a first name: a place's name, not his."""
    first = _first_place(word, tuple(paragraphs), rules)
    return first is not None and first < (mention.paragraph, mention.offset)


@lru_cache(maxsize=1024)
def _first_place(
    word: str, paragraphs: tuple[str, ...], rules: QuoteRules
) -> tuple[int, int] | None:
    """Where ``word`` first follows a preposition (and no capitalised word follows it)."""
    if not only_word_chars(rules.prepositions):  # pragma: no cover - no rules file has one
        places = "|".join(sorted(rules.prepositions))
        pattern = re.compile(rf"\b(?:{places})\s+{re.escape(word)}\b(?![\w'’-]*\s+[A-Z])")
        for index, text in enumerate(paragraphs):
            m = pattern.search(text) if word in text else None
            if m:
                return index, m.start()
        return None
    for index, text in enumerate(paragraphs):
        start = after_preposition(text, word, rules.prepositions) if word in text else None
        if start is not None:
            return index, start
    return None


def _by_title(
    candidates: list[Mention], speaker: str, context: str, rules: QuoteRules
) -> list[Mention]:
    """Among people sharing a surname, those introduced with the title used near the quote."""
    if len({c.name for c in candidates}) < 2 or not context:
        return candidates
    before = word_before(context, speaker)  # "Justice" in "Justice Thomas"
    title = _strip(before) if before else ""
    if title not in rules.titles:
        return candidates
    role = rules.role_synonyms.get(title, title)
    titled = [c for c in candidates if title in c.roles or role in c.roles]
    return titled or candidates


def lede_case(name: str) -> str:
    """'KELLY Osbourne' -> "Kelly Osbourne": a lede set in capitals up to its first word
    ("KELLY Osbourne has blasted ...") gives that word in capitals; an all-capital name or a
    short initialism ("DJ Khaled") is left as written."""
    words = name.split()
    first = words[0] if words else ""
    if len(words) < 2 or len(first) < 3 or not (first.isalpha() and first.isupper()):
        return name
    if all(w.isupper() for w in words):
        return name
    return " ".join([first.capitalize(), *words[1:]])


def without_letters(name: str, rules: QuoteRules) -> str:
    """'Afrasiab Anwar MBE' -> "Afrasiab Anwar": letters after a full name (honours,
    "KC", "PhD": two capitals or more) are a title written after it."""
    words = name.split()
    while len(words) > 2 and _letters(words[-1]) and _strip(words[-1]) in rules.titles:
        words = words[:-1]
    return " ".join(words) if len(words) < len(name.split()) else name


def _letters(word: str) -> bool:
    """Post-nominal letters: a short word of letters with two capitals or more ("MBE", "KC",
    "PhD"), not a word of a name ("Bishop") nor a compound ("Grünen-Vorsitzende")."""
    core = word.replace(".", "")  # "Ph.D.", "K.C."
    return core.isalpha() and len(core) <= LETTERS_CHARS and sum(c.isupper() for c in core) >= 2


#: Most characters of post-nominal letters ("FRCPE").
LETTERS_CHARS = 5


_LINKING = frozenset({"of", "for", "and", "the", "on", "in", "&"})


def without_article(name: str, rules: QuoteRules) -> str:
    """'The World Health Organization' -> "World Health Organization": a named organisation
    is written by its name; a description keeps its article ("The Israeli military", lower
    case), as does a named document ("the Citizenship Clause")."""
    words = name.split()
    if len(words) < 3 or words[0].lower() != "the":
        return name
    rest = words[1:]
    if (
        not all(w[:1].isupper() or w.lower() in _LINKING for w in rest)
        or not rest[-1][:1].isupper()
    ):
        return name
    bare = {_strip(w) for w in rest}
    if not bare & rules.not_name_words or bare & rules.document_words:
        return name
    return " ".join(rest)


def acronym_name(speaker: str, paragraphs: Sequence[str]) -> str | None:
    """'the CDC said' -> "Centers for Disease Control and Prevention", the name the article
    gave before that acronym in parentheses ("... Prevention (CDC)")."""
    words = speaker.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) != 1 or not _ACRONYM.fullmatch(words[0]):
        return None
    # The acronym in parentheses is the literal end of the pattern: paragraphs without it are
    # skipped at substring speed, and the pattern is built only when one has it.
    marker = f"({words[0]})"
    # the reporter's own form: a name spelled out inside someone's quotation is not used
    holding = [
        text for text in paragraphs if marker in text and not _quoted_at(text, text.find(marker))
    ]
    if not holding:
        return _spelled_out(words[0], paragraphs)
    for text in holding:
        spelled = spelled_before(text, words[0])
        if spelled is None:
            continue
        tokens = spelled.split()
        while tokens and tokens[0] in {"The", "the"}:
            tokens = tokens[1:]
        if len(tokens) >= 2 and tokens[0][:1] == words[0][:1]:
            return POSSESSIVE_MARK.sub("", " ".join(tokens))  # "United Nations’ (UN)"
    return _spelled_out(words[0], paragraphs)


#: Capitalised words (and linking words) right before an acronym in parentheses: the words
#: and the acronym are groups 1 and 2.
_SPELLED_ACRONYM = re.compile(
    r"((?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|the|on|in)\s+)*)+)\(([A-Z][A-Z0-9&]{1,7})\)"
)


def spelled_before(text: str, acronym: str) -> str | None:
    r"""What ``((?:[A-Z][\w'’&.-]*\s+(?:(?:of|for|and|the|on|in)\s+)*)+)\(<acronym>\)``
    captures in its first match in ``text`` (``acronym`` matching ``_ACRONYM``). One pattern
    serves every acronym: the words cannot hold a parenthesis, so they end at the first one
    after their start, and a match for another acronym hides no match for this one."""
    for m in _SPELLED_ACRONYM.finditer(text):
        if m.group(2) == acronym:
            return m.group(1)
    return None


def _spelled_out(acronym: str, paragraphs: Sequence[str]) -> str | None:
    """'the UAW said' after "the striking United Auto Workers union": the one capitalised
    name in the article, outside quotations, whose words' initials spell the acronym."""
    found: set[str] = set()
    for text in paragraphs:
        for m in _ORGANISATION.finditer(text) if acronym[0] in text else ():
            tokens = [t for t in m.group().split() if t not in {"The", "the"}]
            initials = "".join(_initials(t) for t in tokens if t[:1].isupper())
            if initials == acronym and len(tokens) >= 2 and not _quoted_at(text, m.start()):
                found.add(POSSESSIVE_MARK.sub("", " ".join(tokens)).strip(_EDGE + "."))
    return found.pop() if len(found) == 1 else None


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
#: A dotted abbreviation: "U.S.", "U.K.".
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


def _initials(token: str) -> str:
    """The letters a word gives an acronym: its first, or each of a dotted abbreviation's
    ("U.S. Department of Agriculture" spells "USDA")."""
    if "." not in token:
        return token[0]
    return token.replace(".", "") if _DOTTED.fullmatch(token) else token[0]


def _quoted_at(text: str, at: int) -> bool:
    """Whether ``text[at]`` stands inside quotation marks (more curly opening marks than
    closing ones before it, or an odd number of straight ones)."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


#: An indefinite role phrase: "A DUP councillor", "a Labour MP".
_INDEFINITE_ROLE = re.compile(r"[Aa]n?\s+(?:[A-Z][\w'’.-]*\s+){0,3}([a-z]+|MP|MEP)$")
#: How many paragraphs after a lede's indefinite role the person may be named.
LEDE_PARAGRAPHS = 3


def named_later(
    speaker: str, paragraph: int, mentions: list[Mention], rules: QuoteRules
) -> str | None:
    """'A DUP councillor has said ...' in the opening paragraphs, then "DUP councillor Sarah
    Bunting": the person the article names with that role soon after; likewise a headline's
    bare role ("..., says mayor", then "Mayor Ann Lee")."""
    m = _INDEFINITE_ROLE.fullmatch(speaker)
    bare_role = speaker.isalpha() and speaker.islower()
    role = _strip(m.group(1)) if m else speaker if bare_role else ""
    if paragraph > 1 or role not in rules.titles:
        return None
    later = [
        c
        for c in mentions
        if paragraph < c.paragraph <= paragraph + LEDE_PARAGRAPHS and role in c.roles
    ]
    return later[0].name if len({c.name for c in later}) == 1 else None


def _sentence_end(tokens: list[str], rules: QuoteRules) -> int:
    """How many of ``tokens`` come before a sentence ends inside the run ("Storm Prediction
    Center. The agency"): a full stop after a word that is no abbreviation ("U.S.", "Corp.")."""
    for i, token in enumerate(tokens[:-1]):
        word = token.rstrip(".")
        if (
            token.endswith(".")
            and "." not in word
            and len(word) > 1
            and _ends_sentence(word, rules)
        ):
            return i + 1
    return len(tokens)


def _ends_sentence(word: str, rules: QuoteRules) -> bool:
    bare = _strip(word)
    return bare not in rules.abbreviations and bare not in rules.titles | rules.honorifics


def organisation_mentions(paragraphs: list[str], rules: QuoteRules) -> list[Mention]:
    """Capitalised names of organisations ("Storm Prediction Center", "Russia’s Defense
    Ministry"): runs of two words or more that hold an organisation word."""
    found: list[Mention] = []
    skip = rules.run_skip
    for index, text in enumerate(paragraphs):
        for m in _ORGANISATION.finditer(text):
            start, tokens = m.start(), m.group().split()
            if "." in m.group():
                tokens = tokens[: _sentence_end(tokens, rules)]
            for part in _joined_organisations(tokens, rules):
                while part and _strip(part[0]) in skip:
                    part = part[1:]
                # the parts of a hyphenated word count too ("Guild-American Federation")
                words = {w for t in part for w in (_strip(t), *_strip(t).split("-"))}
                if len(part) >= 2 and words & rules.not_name_words:
                    name = " ".join(part).strip(_EDGE + ".")
                    found.append(Mention(index, start, name, frozenset(words)))
    return found


def _joined_organisations(tokens: list[str], rules: QuoteRules) -> list[list[str]]:
    """'Green Party and the Liberal Democratic Party': two organisations, split at the "and"
    when both sides hold an organisation word ("Food and Drug Administration" stays one)."""
    for i, token in enumerate(tokens):
        if token in {"and", "&"} and 0 < i < len(tokens) - 1:
            left = {_strip(t) for t in tokens[:i]}
            right = {_strip(t) for t in tokens[i + 1 :]}
            if left & rules.not_name_words and right & rules.not_name_words:
                return [tokens[:i], *_joined_organisations(tokens[i + 1 :], rules)]
    return [tokens]


def _organisation_name(
    bare: list[str],
    paragraph: int,
    offset: int,
    organisations: list[Mention] | None,
    rules: QuoteRules,
) -> str | None:
    """'the center said' -> the nearest earlier organisation named with that word; a
    lower-case adjective may stand before the word ('the federal agency') when the article
    names only one such organisation before."""
    if not organisations or bare[0] != "the" or len(bare) not in (2, 3):
        return None
    if len(bare) == 3 and not (bare[1].isalpha() and bare[1] not in rules.not_name_words):
        return None
    if bare[-1] not in rules.not_name_words:
        return None
    wanted = {bare[-1], rules.role_synonyms.get(bare[-1], bare[-1])}  # "the firm": a company
    matching = [
        m
        for m in organisations
        if wanted & m.roles or any(rules.role_synonyms.get(r) in wanted for r in m.roles)
    ]
    before = [m for m in matching if (m.paragraph, m.offset) < (paragraph, offset)]
    if len(bare) == 3 and len({m.name for m in before}) > 1:
        return None  # "the ruling party" among several parties: the adjective decides
    return _up_to_head(_without_owner(before[-1].name, rules), wanted, rules) if before else None


#: How many paragraphs back an organisation named before a lower-case head may be.
HEAD_PARAGRAPHS = 2


def _named_with_head(
    bare: list[str], paragraph: int, offset: int, paragraphs: Sequence[str], rules: QuoteRules
) -> str | None:
    """'the office wrote' after "the Miami-Dade County Parks, Recreation, and Open Spaces
    office": an organisation the reporter named by capitalised words before the same
    lower-case head noun, in this paragraph or the two before (the last such name)."""
    if not paragraphs or len(bare) != 2 or bare[0] != "the" or bare[1] not in rules.not_name_words:
        return None
    pattern = _head_pattern(bare[1])
    for index in range(paragraph, max(-1, paragraph - HEAD_PARAGRAPHS - 1), -1):
        text = paragraphs[index][:offset] if index == paragraph else paragraphs[index]
        found = list(pattern.finditer(text)) if bare[1] in text else []
        if found:
            return found[-1].group(1).strip() + " " + found[-1].group(2)
    return None


@lru_cache(maxsize=256)
def _head_pattern(head: str) -> re.Pattern[str]:
    """'the' (any case), capitalised words (with commas and linking words), then ``head``."""
    names = r"(?:[A-Z][\w'’.&-]*,?\s+(?:(?:and|of|for|&)\s+)?){1,8}"
    return re.compile(rf"\b[Tt]he\s+({names})({re.escape(head)})\b")


def _up_to_head(name: str, heads: set[str], rules: QuoteRules) -> str:
    """'Judicial Conduct and Disability Committee of the U.S. Judicial Conference' -> "Judicial
    Conduct and Disability Committee" for "the committee": a body named with its parent
    ("of the" another organisation) is named up to the word the anaphor repeats, when that
    leaves two words or more ("Bank of England" stays whole)."""
    words = name.split()
    for i, word in enumerate(words[1:-2], 1):
        if _strip(word) in heads and words[i + 1] == "of":
            rest = {_strip(w) for w in words[i + 2 :]}
            if rest & rules.not_name_words:
                return " ".join(words[: i + 1])
    return name


def _without_owner(name: str, rules: QuoteRules) -> str:
    """'National Weather Service’s Storm Prediction Center' -> 'Storm Prediction Center': an
    organisation owned by another is named without its owner (a place stays: "Russia’s
    Defense Ministry")."""
    for mark in ("’s ", "'s "):
        owner, found, rest = name.partition(mark)
        if not found:
            continue
        owned = {_strip(w) for w in rest.split()} & rules.not_name_words
        if (
            owned
            and len(rest.split()) >= 2
            and {_strip(w) for w in owner.split()} & rules.not_name_words
        ):
            return rest
    return name


def _role_name(
    bare: list[str],
    paragraph: int,
    offset: int,
    mentions: list[Mention],
    rules: QuoteRules,
    paragraphs: Sequence[str] = (),
) -> str | None:
    """'the president' -> the person introduced with that role ("President X Y") whose name
    (or surname) the article gave last before the quote, else the nearest introduced."""
    if bare[0] not in rules.definite_articles or len(bare) > 4 or bare[-1] not in rules.titles:
        return None
    head = rules.role_synonyms.get(bare[-1], bare[-1])
    matching = [m for m in mentions if head in m.roles or bare[-1] in m.roles]
    if paragraphs:
        matching = sorted(
            matching + _titled_surnames({head, bare[-1]}, matching, paragraphs, rules),
            key=lambda m: (m.paragraph, m.offset),
        )
    matching = [m for m in matching if (m.paragraph, m.offset) < (paragraph, offset)]
    if paragraphs and len({m.name for m in matching}) > 1:
        latest = _named_last(matching, paragraphs, paragraph, offset)
        if latest is not None:
            return latest.name
    best = _nearest(matching, paragraph, offset)
    return best.name if best else None


def _titled_surnames(
    roles: set[str], known: list[Mention], paragraphs: Sequence[str], rules: QuoteRules
) -> list[Mention]:
    """People the article names only by title and surname ("President Biden"), as mentions
    holding that role (a surname of a known full name is not added again)."""
    pattern = _title_pattern(tuple(sorted(roles)))
    surnames = {m.words[-1] for m in known}
    found: list[Mention] = []
    for index, text in enumerate(paragraphs):
        if not any(role in text.lower() for role in roles):
            continue
        for m in pattern.finditer(text):
            words_before = text[max(0, m.start() - 30) : m.start()].split()
            before = _strip(words_before[-1]) if words_before else ""
            name = POSSESSIVE_MARK.sub("", m.group(1))
            if before in rules.past_role_words or name.lower() in surnames:
                continue
            if name.lower() in rules.titles or name.lower() in rules.not_name_words:
                continue
            found.append(Mention(index, m.start(1), name, frozenset(roles)))
    return found


@lru_cache(maxsize=256)
def _title_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    """A title of ``roles`` (any case, optional period) and the one capitalised word after it
    (a full name after a title is a ``name_mentions`` mention already)."""
    titles = "|".join(re.escape(r) for r in roles)
    return re.compile(rf"\b(?i:{titles})\.?\s+([A-Z][\w'’-]*\w)(?![\w'’-]*\s+[A-Z])")


def _named_last(
    candidates: list[Mention], paragraphs: Sequence[str], paragraph: int, offset: int
) -> Mention | None:
    """The candidate whose surname occurs last before (paragraph, offset): "Sen. Ana Ruiz ...
    Sen. Tom Park ... Ruiz's bill ... the senator said" stands for Ana Ruiz."""
    best: tuple[tuple[int, int], Mention] | None = None
    seen: set[str] = set()
    for candidate in candidates:
        if candidate.name in seen:
            continue
        seen.add(candidate.name)
        surname = re.compile(rf"\b{re.escape(candidate.name.split()[-1])}\b")
        for index in range(paragraph, -1, -1):
            text = paragraphs[index][:offset] if index == paragraph else paragraphs[index]
            hits = list(surname.finditer(text))
            if hits:
                where = (index, hits[-1].start())
                if best is None or where > best[0]:
                    best = (where, candidate)
                break
    return best[1] if best else None


#: Shortest surname a misspelling is resolved for: shorter names differ by one letter too
#: often ("Cole", "Cale") for a one-letter difference to mean the same person.
MISSPELT_MIN_LETTERS = 5
#: Surnames of this many letters or more may differ by two edits ("Jensen" for "Janzen").
MISSPELT_TWO_EDITS = 6
#: Most times a misspelling occurs in an article: a form used more often is the article's
#: spelling of someone it never names in full ("Mr Jensen" throughout), not a slip.
MISSPELT_MAX_USES = 2


def edit_distance(a: str, b: str, limit: int) -> int:
    """The Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it exceeds
    ``limit`` (rows are dropped as soon as their smallest cell passes it)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        row = [i]
        for j, other in enumerate(b, 1):
            row.append(min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (char != other)))
        if min(row) > limit:
            return limit + 1
        previous = row
    return min(previous[-1], limit + 1)


def misspelt_name(speaker: str, paragraphs: Sequence[str], rules: QuoteRules) -> str | None:
    """'Jensen said' after "Nathan Janzen" is introduced: an evident misspelling of a surname
    is the person meant. Only a lone capitalised surname of five letters or more that names
    nobody in the article and occurs at most twice is respelt, to the one full name whose
    surname has the same first and last letters and differs by one edit (two from six letters
    on): an ending that differs often tells another person ("Kowalski", "Kowalska")."""
    bare = _strip(speaker)
    if " " in speaker or len(bare) < MISSPELT_MIN_LETTERS or not speaker[:1].isupper():
        return None
    if not bare.isalpha() or bare in rules.not_name_words or bare in rules.titles:
        return None
    word = speaker.strip(_EDGE)
    uses = 0
    for text in paragraphs:
        uses += text.count(word)
        if uses > MISSPELT_MAX_USES:
            return None  # the article's own spelling of someone, not a slip
    return _respelt(word, tuple(paragraphs), rules)


@lru_cache(maxsize=256)
def _respelt(word: str, paragraphs: tuple[str, ...], rules: QuoteRules) -> str | None:
    """``misspelt_name`` for a checked ``word``: the capitalised words of the article of a
    length within the edit limit and with ``word``'s first and last letters are the
    candidates."""
    limit = 2 if len(word) >= MISSPELT_TWO_EDITS else 1
    middle = f"{{{len(word) - 2 - limit},{len(word) - 2 + limit}}}"
    shape = re.compile(rf"\b{word[0]}[^\W\d_]{middle}{word[-1]}\b")
    seen = {m.group() for text in paragraphs if word[0] in text for m in shape.finditer(text)}
    seen.discard(word)
    lowered = word.lower()
    close = {
        found
        for found in seen
        if found[-1] == word[-1] and edit_distance(found.lower(), lowered, limit) <= limit
    }
    if len(close) != 1:
        return None
    surname = close.pop()
    people = {
        m.name
        for m in name_mentions(list(paragraphs), rules, frozenset({surname.lower()}))
        if m.words[-1] == surname.lower()
    }
    return people.pop() if len(people) == 1 else None


#: The per-article caches of this module (cleared together by ``quotes.clear_caches``).
CACHED = (_first_place, _respelt)
