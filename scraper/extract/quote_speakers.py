"""Speaker attribution for one quotation: reads the sentence around the quote marks and applies
the cue-verb rules of ``quote_rules`` ("..., X said", "said X", "X said:", "according to X")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from scraper.extract.quote_clauses import SENTENCE_BOUNDARY, coordinated_subject, first_sentence
from scraper.extract.quote_phrases import (
    EDGE,
    MAX_NAMED_PHRASE_WORDS,
    bare_word,
    clean_speaker,
    first_word,
    is_capital,
    is_organisation,
    last_word,
    name_start,
    name_word,
    names_organisation,
    plausible,
)
from scraper.extract.quote_rules import QuoteRules, may_match
from scraper.extract.quote_tokens import POSSESSIVES, capital_runs

_CLAUSE_PUNCT = re.compile(r"[,;:()\[\]—–]|\s-\s")
#: Most words a speaker phrase right after a quote may have before its verb.
SUBJECT_WORDS = 7
#: A short parenthesis right before the verb (adverbs may follow it): "Jane Doe (KC) once".
_PARENTHESIS_BEFORE_VERB = re.compile(r"\s*\([^()]{1,30}\)(?:\s+[a-z]+)?\s*$")
#: An aside between two dashes right before the verb: "The letter – a copy of which we saw –".
_DASH_ASIDE_BEFORE_VERB = re.compile(r"\s+(?:[—–]|-(?=\s))\s*[^—–]{1,100}?\s(?:[—–]|-)\s*$")
_RELATIVE = re.compile(r",?\s+who(?:\s+[a-z]+)?\s*$")
#: A noun phrase and "that"/"which" right before the verb: "a sign that (read)".
_DOCUMENT_RELATIVE = re.compile(
    r"\b((?:(?:a|an|the|his|her|their|its)\s+(?:[a-z][\w-]*\s+){0,2}?)?([a-z][\w-]*))"
    r"\s+(?:that|which)\s+$"
)
_CLAUSE_END = re.compile(r"[,.!?…][”\"’']?$")
_LEAD = re.compile(r"^[\s,;:—–-]*")
_COLON_NAME = re.compile(r"\s*:\s*([^\W\d][\w'’&.-]*(?:\s+[\w'’&.-]+){0,4})\s*$")
#: A dash and a name ending the paragraph or followed by its role: "— Ann Lee, director".
_DASH_NAME = re.compile(
    r"\s*(?:[—–]|-(?=\s))\s*((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)\s*(?:,|$)"
)
_ASIDE = re.compile(r"(\w+),\s+")
_ADJACENT = re.compile(r"\s*(?:that\s*)?[:,]?\s*", re.IGNORECASE)
#: Punctuation that a subject between a quote and its verb never holds.
_SUBJECT_PUNCT = re.compile(r"[;:()\[\]]")


@dataclass(frozen=True)
class Attribution:
    """A speaker phrase as written (already cleaned) and the cue that introduced it."""

    speaker: str
    cue: str


@lru_cache(maxsize=4096)
def attribute_after(text: str, rules: QuoteRules) -> Attribution | None:
    """Attribution in the text right after a closing mark: ', X said' / ', said X' / 'according to X'."""
    colon = _COLON_NAME.match(text)
    if colon and all(is_capital(t) for t in colon.group(1).split()):
        return Attribution(colon.group(1), ":")  # "'BoC to stay on sidelines': TD Economics"
    dash = _DASH_NAME.match(text)
    if dash:  # '“We are full every night.” — Ann Lee, director of the shelter'
        tokens = dash.group(1).split()
        at = name_start(tokens, rules)
        name = tokens[at:] if at is not None else []
        if len(name) >= 2 and plausible(name, rules) and not is_organisation(name, rules):
            return Attribution(" ".join(name), "—")
    lead = _LEAD.match(text)
    rest = text[lead.end() if lead else 0 :]
    aside = _ASIDE.match(rest)
    if aside and _is_aside(aside.group(1).lower(), rules):
        rest = rest[aside.end() :]  # '"...", too, says Rhoads': the adverb is no speaker
    for pattern, prefix in ((rules.cue, False), (rules.prefix_cue, True)):
        m = pattern.match(rest)
        if m:
            phrase = _clause(rest[m.end() :])
            if prefix:
                speaker = _source_phrase(phrase, rules)
            else:
                speaker = clean_speaker(phrase, rules, before_cue=False)
                speaker = _appositive_name(speaker, rest[m.end() :], rules) or speaker
            return Attribution(speaker, m.group()) if speaker else None
    m = rules.cue.search(rest, 0, CUE_CHARS)
    if m is None and _NAMED_APPOSITION.match(rest[:CUE_CHARS]):
        # '"...," Dr. Ann Lee, the director of the hospital in ... in ..., said': a full
        # name's apposition may run longer; the name is still the subject
        m = rules.cue.search(rest, 0, APPOSITION_CHARS)
        m = m if m and _named_apposition(rest[: m.start()], rules) else None
    if m is None or not rest[: m.start()].strip():
        return None
    if m.group().lower() in rules.ambiguous_cues and len(rest[m.end() :].split()) > 4:
        return None
    subject = rest[: m.start()]
    if _SUBORDINATE_AFTER.match(subject):
        return None  # '“…”, and when Tom Reed recalled …': another clause's subject and verb
    named = _named_apposition(subject, rules)
    if named:
        return Attribution(named, m.group())
    aside = _PARENTHESIS_BEFORE_VERB.search(subject)  # "Ann Lee (pictured) said": no bar
    bare = subject[: aside.start()] if aside else subject
    if len(bare.split()) > 16 or _SUBJECT_PUNCT.search(bare):
        return None
    parts = subject.split(",")
    core = parts[0] if subject.rstrip().endswith(",") else parts[-1]
    # Titles do not count: "military spokesperson Lt. Gen. Ahmed Sharif Chaudhry said".
    words = core.split()
    size = sum(bare_word(w) not in rules.titles for w in words)
    if size > SUBJECT_WORDS and (
        size > MAX_NAMED_PHRASE_WORDS or not names_organisation(words, rules)
    ):
        return None  # "tax status as he considers ... says": too far to be the subject
    speaker = subject_before(subject, rules)
    return Attribution(speaker, m.group()) if speaker else None


def _pronoun_before(before: str, rules: QuoteRules) -> str | None:
    """'Speaking through an interpreter he added;': a personal pronoun right before the verb
    (adverbs skipped) is its subject, whatever phrase runs into it without a comma."""
    words = [w for w in before.split() if bare_word(w) not in rules.adverbs]
    last = bare_word(words[-1]) if words else ""
    if last in rules.pronouns and last not in rules.possessive_pronouns:
        return words[-1].strip(EDGE)
    return None


#: A pronoun and a contracted auxiliary before a verb ("he’d remarked", "she’s said"): the
#: auxiliary is dropped so the pronoun stands alone as the subject.
_CONTRACTED = re.compile(r"\b([Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Yy]ou)[’'](?:d|s|ve|ll)\s+$")


#: A subordinate clause opening after a quote ('”, and when ...'): its verb attributes nothing.
_SUBORDINATE_AFTER = re.compile(
    r"(?:and\s+|but\s+)?(?:when|while|whereas|although|though|because|after|before|until|if)\s"
)


#: A full name and the comma of an apposition after it ("Jim Ward, who ...", "Ann Lee, a ...",
#: "Chad Hawk, vice president of ...").
_NAMED_APPOSITION = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*),\s+(?=(?:who|whose|a|an|the)\s|[a-z]|\d)"
)


#: How far after a quote its cue verb is looked for, and how far when a full name with an
#: apposition opens that stretch.
CUE_CHARS = 120
APPOSITION_CHARS = 240


def _named_apposition(subject: str, rules: QuoteRules) -> str | None:
    """'"...," Jim Ward, who founded the firm and now runs another, told us': the full name
    right after the quote is the subject, however long its apposition."""
    m = _NAMED_APPOSITION.match(subject)
    if m is None or ";" in subject:
        return None
    # a title's full stop inside the name ("Dr. Ann Lee") or an abbreviation in the
    # apposition ("a resident of St. Lawrence Island") ends no sentence
    apposition = subject[m.end() :]
    if first_sentence(apposition, rules) != apposition:
        return None
    tokens = m.group(1).split()
    at = name_start(tokens, rules)
    if at is None or len(tokens) - at < 2 or is_organisation(tokens, rules):
        return None  # a surname alone may be the object of what follows
    name = tokens[at:]
    return " ".join(name) if plausible(name, rules) else None


#: A full name set off by a comma that ends its sentence or clause: ", George Osborne."
_TRAILING_NAME = re.compile(
    r",\s+([^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,4}\s+[\w'’-]+)\s*(?:[.,;!?]|$)"
)


def _appositive_name(speaker: str | None, after_cue: str, rules: QuoteRules) -> str | None:
    """'says the former editor of the Standard, George Osborne.': a description after the
    verb, then the name it describes; the name is the speaker."""
    words = speaker.split() if speaker else [""]
    if not (bare_word(words[0]) in rules.determiners or _owned_description(words)):
        return None  # "the former editor", "Tesco’s chief executive", then ", Ken Murphy."
    at = after_cue.find(",")
    m = _TRAILING_NAME.match(after_cue, at) if at >= 0 else None
    if m is None or SENTENCE_BOUNDARY.search(after_cue[: m.start()]):
        return None
    tokens = m.group(1).split()
    if not all(is_capital(t) or bare_word(t) in rules.name_particles for t in tokens):
        return None  # ", Ursula von der Leyen." is a name; ", George said." is not
    start = name_start(tokens, rules)
    if start is None or len(tokens) - start < 2 or is_organisation(tokens, rules):
        return None
    name = tokens[start:]
    return " ".join(name) if plausible(name, rules) else None


def _owned_description(words: list[str]) -> bool:
    """'Tesco’s chief executive', 'Jane Doe’s husband': a possessive and only lower-case
    words after it, a description of someone the owner has."""
    owner = next((i for i, w in enumerate(words) if w.rstrip(EDGE).endswith(POSSESSIVES)), None)
    rest = words[owner + 1 :] if owner is not None else []
    return bool(rest) and all(w[:1].islower() for w in rest)


def _is_aside(word: str, rules: QuoteRules) -> bool:
    """An adverb set off by commas between a quote and its cue ("too", "however")."""
    if word in rules.pronouns or word in rules.neuter_pronouns:
        return False
    return word in rules.not_speakers or word in rules.clause_openers or word in rules.adverbs


@lru_cache(maxsize=4096)
def attribute_before(text: str, rules: QuoteRules) -> Attribution | None:
    """Attribution in the sentence before an opening mark: 'X said:' / 'according to X,'."""
    participle = _participle_subject(text, rules)
    if participle is not None:
        return participle
    by_cue = cue_subject(text, rules)
    prefixes = list(rules.prefix_cue.finditer(text)) if may_match(text, rules.prefix_hints) else []
    if prefixes and (by_cue is None or by_cue[1] < prefixes[-1].start()):
        prefix = prefixes[-1]
        speaker = _source_phrase(_clause(text[prefix.end() :]), rules)
        if speaker:
            return Attribution(speaker, prefix.group())
    return by_cue[0] if by_cue else None


@lru_cache(maxsize=4096)
def cue_subject(text: str, rules: QuoteRules) -> tuple[Attribution, int] | None:
    """The last cue verb in ``text`` with a plausible subject before it, and its offset."""
    for cue in reversed(list(rules.cue.finditer(text))):
        word, after = cue.group().lower(), text[cue.end() :]
        if word in rules.naming_cues and not after.strip(EDGE):
            continue  # 'an account called "X"' names, it does not quote
        inverted = None
        if rules.verb_second and not _subject_right_before(text[: cue.start()], rules):
            inverted = _inverted_subject(after, rules)
        noun = not _ADJACENT.fullmatch(after) and not _subject_word(text[: cue.start()], rules)
        if word in rules.ambiguous_cues and noun and not inverted:
            continue  # 'two posts from ...' is a noun; not '…, so Schubert: „…“'
        before = _CONTRACTED.sub(r"\1 ", text[: cue.start()])  # "and he’d remarked"
        speaker = inverted or coordinated_subject(before, rules) or subject_before(before, rules)
        if speaker is None and rules.cue.search(before) is None:  # not "X condemns what he calls"
            speaker = _pronoun_before(before, rules)
        if speaker:
            return Attribution(speaker, cue.group()), cue.start()
    return None


#: Most words between an inverted cue and the colon before the quote.
INVERTED_WORDS = 10


def _subject_right_before(before: str, rules: QuoteRules) -> bool:
    """Whether the clause before a cue is its subject and nothing else ("HRW widerspricht
    der Darstellung:", "Sie betont:"), so the words after the cue are its object; a fronted
    phrase ("Am Montag sagte Merz:", "In einer Stellungnahme schreibt Komba:") is not."""
    clause = re.split(r"[,;:.!?]\s", before + " ")[-1].strip()
    if not clause:
        return False
    if clause.lower() in rules.pronouns:
        return True
    return clean_speaker(clause, rules, before_cue=True) == clause.strip(EDGE)


def _inverted_subject(after: str, rules: QuoteRules) -> str | None:
    """'Am Montag sagte Merz vor Journalisten: „…“': the subject right after the cue, in a
    clause that ends in the colon before the quote (the verb-second order)."""
    words = after.split()
    if not words or not after.rstrip().endswith(":") or len(words) > INVERTED_WORDS:
        return None
    first = bare_word(words[0])
    if not (is_capital(words[0]) or first in rules.determiners or first in rules.pronouns):
        return None
    if first in rules.clause_openers or (
        first in rules.not_speakers and first not in rules.determiners
    ):
        return None  # "sagte man:", "so auch:"; "der Trainer" may speak
    return clean_speaker(after.rstrip()[:-1], rules, before_cue=False)


#: A lower-case verb form and a full name closing the clause right after a quote.
_INVERTED_VERB = re.compile(
    r"\s*([a-z]+(?:s|ed))\s+((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)\s*(?:[,.;]|$)"
)


def inverted_verb(text: str, rules: QuoteRules) -> Attribution | None:
    """'“Those goats were smart,” remembers Shanna Challenger, ...': a verb the cue list lacks,
    inverted after a quote that closes with a comma, and a person's full name after it."""
    m = _INVERTED_VERB.match(text)
    if m is None or m.group(1) in rules.prepositions or m.group(1) in rules.verb_markers:
        return None
    tokens = m.group(2).split()
    at = name_start(tokens, rules)
    if at is None or len(tokens) - at < 2 or is_organisation(tokens, rules):
        return None
    name = [name_word(t) for t in tokens[at:]]
    return Attribution(" ".join(name), m.group(1)) if plausible(name, rules) else None


def ends_with_cue(text: str, rules: QuoteRules) -> bool:
    """Whether ``text`` ends with a speech verb ("The letter also argues that"): the quote
    after it is that verb's object, whatever a later clause says ("– a point made by ...")."""
    tail = text[-40:]
    cues = list(rules.cue.finditer(tail))
    return bool(cues) and _ADJACENT.fullmatch(tail[cues[-1].end() :]) is not None


def _source_phrase(phrase: str, rules: QuoteRules) -> str | None:
    """After "according to", the source up to the comma is kept whole ("the documents obtained
    under the Access to Information Act"), unless it holds a name."""
    words = phrase.split()
    name = clean_speaker(phrase, rules, before_cue=False, cue_words_ok=True)
    if not words or len(words) > 12 or (name and name[:1].isupper()):
        return name
    if not words[0][:1].islower() or bare_word(words[0]) not in rules.determiners:
        return name
    return phrase.strip(EDGE)


def opening_source(sentence: str, rules: QuoteRules) -> str | None:
    """The source a sentence opens with ("According to Gauteng Cogta, the province ..."): the
    sentence reports what that source said, so a later "the department said" may stand for it."""
    text = sentence.lstrip(EDGE)
    m = rules.prefix_cue.match(text) if may_match(text[:40], rules.prefix_hints) else None
    if m is None or "," not in text:
        return None
    return _source_phrase(_clause(text[m.end() :]), rules)


@lru_cache(maxsize=64)
def _message_pattern(rules: QuoteRules) -> re.Pattern[str]:
    heads = "|".join(sorted((re.escape(w) for w in rules.document_words), key=len, reverse=True))
    return re.compile(
        rf"\b(?:{heads})\b(?:\s+[a-z]+)?\s+from\s+((?:a|an|the|his|her|their|its)\s+"
        rf"[^.,;:!?]{{1,60}}?)\s*[.:]\s*$"
    )


def message_source(sentence: str, rules: QuoteRules) -> Attribution | None:
    """'Later, I got an email reply from a Google representative.' then the quote: the
    sender of the message the sentence before names speaks."""
    m = _message_pattern(rules).search(sentence)
    if m is None:
        return None
    phrase = clean_speaker(m.group(1), rules, before_cue=False)
    return Attribution(phrase, "") if phrase else None


def colon_speaker(left: str, rules: QuoteRules) -> Attribution | None:
    """A sentence with no speech verb that introduces the quote with a colon: its subject
    speaks when it is a name or a pronoun ("Zibulka picks up the story:", "Tamara's verdict:")."""
    words = left.split()
    if not words:
        return None
    first = words[0].strip(EDGE)
    if first.endswith(POSSESSIVES) and is_capital(first) and len(words) <= 6:
        owner = first[:-2]
        return Attribution(owner, ":") if owner and plausible([owner], rules) else None
    subject = sentence_subject(left, rules)
    names = subject.split() if subject else []
    inverted = bool(names) and rules.cue.fullmatch(names[0].lower()) is not None
    if inverted:
        names = names[1:]  # "Says Neil:": an inverted speech verb, its subject after it
    if not names or not (
        all(is_capital(w) for w in names) or bare_word(names[0]) in rules.pronouns
    ):
        return None
    if is_organisation(names, rules) or len(names) > 4 or names[-1].endswith(POSSESSIVES):
        return None
    if len(names) == 1 and not inverted and not _acts(left, names[0], rules):
        return None  # "Bottom line:", "More importantly, ...": no subject and verb
    return Attribution(" ".join(names), ":")


def _acts(text: str, word: str, rules: QuoteRules) -> bool:
    """``word`` is followed in ``text`` by a lower-case verb ("Zibulka picks", "Harry is",
    "Lee doesn’t")."""
    words = [w for w in text.split() if not (w[:1].islower() and bare_word(w) in rules.adverbs)]
    for before, after in pairwise(words):  # adverbs skipped: "Kelly also blasted"
        if before.strip(EDGE) == word:
            bare = bare_word(after)
            verb = bare in rules.verb_markers or bare.endswith(("s", "ed", "n’t", "n't"))
            return after[:1].islower() and (verb or bool(rules.cue.fullmatch(bare)))
    return False


def _participle_subject(text: str, rules: QuoteRules) -> Attribution | None:
    """'Ishiba brushed Tamaki off, saying only, "..."': the sentence's subject speaks."""
    m = last_participle(text, rules)
    if m is None:
        return None
    speaker = _participle_actor(text[: m.start()], rules) or sentence_subject(
        text[: m.start()], rules
    )
    return Attribution(speaker, m.group()) if speaker else None


#: Verbs whose subject authors the document they take ("made a post", "issued a statement").
_AUTHORING = frozenset(
    {"made", "makes", "published", "publishes", "posted", "posts", "issued", "issues"}
    | {"released", "releases", "wrote", "writes", "shared", "shares", "sent", "sends"}
)


def _participle_actor(before: str, rules: QuoteRules) -> str | None:
    """The object right before a participle cue acts it: "the screenshots show Clanton
    asking", "a video shows her saying", "holding a sign saying" (a name after a lower-case
    verb, an object pronoun, or a document noun with its determiner)."""
    words = before.split()
    if len(words) < 2 or before[-1:] not in " \t" or words[-1][-1:] in ",;:":
        return None
    last, bare = words[-1], bare_word(words[-1])
    if bare in {"him", "her", "them"}:
        return bare
    if bare in rules.document_words and last[:1].islower():
        det = bare_word(words[-2]) in rules.determiners
        document = " ".join(w.strip(EDGE) for w in words[-2 if det else -1 :])
        verb = words[-3 if det else -2] if len(words) > (2 if det else 1) else ""
        if bare_word(verb) in _AUTHORING:  # "Lee made another post describing": Lee wrote it
            return sentence_subject(" ".join(words[: -3 if det else -2]), rules) or document
        return document
    at = name_start(words, rules)
    if at is None or at == 0 or not words[at - 1][:1].islower():
        return None
    if bare_word(words[at - 1]) in rules.breaks or bare_word(words[at - 1]) in rules.determiners:
        return None  # "talked to Smith asking": an object of a preposition
    name = [name_word(w) for w in words[at:]]
    return " ".join(name) if plausible(name, rules) and not is_organisation(name, rules) else None


@lru_cache(maxsize=4096)
def last_participle(text: str, rules: QuoteRules) -> re.Match[str] | None:
    """The last participle cue that follows a comma or "and" (", adding that ...")."""
    if not may_match(text, rules.continuation_hints):
        return None
    matches = list(rules.continuation_cue.finditer(text))
    if not matches:
        return None
    m = matches[-1]
    before = text[: m.start()].rstrip()
    joined = not before or before[-1] in ',”"’»' or before.lower().endswith(" and")
    rest = text[m.end() :].strip()
    introduces = rest in {":", ","}  # "heard saying: "
    by_document = not rest and _document_noun(before, rules)  # "holding a sign saying '"
    return m if joined or introduces or by_document else None


def _document_noun(before: str, rules: QuoteRules) -> bool:
    words = before.split()
    return bool(words) and words[-1][:1].islower() and bare_word(words[-1]) in rules.document_words


def _leading_noun_phrase(words: list[str], rules: QuoteRules) -> str | None:
    """The determiner phrase opening a sentence, up to its verb: "A voice" in "A voice is ..."."""
    phrase: list[str] = []
    for word in words[:6]:
        bare = bare_word(word)
        if phrase and (
            bare in rules.verb_markers or bare in rules.adverbs or rules.cue.fullmatch(bare)
        ):
            break
        phrase.append(word.strip(EDGE))
        if word[-1:] in ",;:":
            break
    return " ".join(phrase) if 2 <= len(phrase) <= 4 else None


#: A phrase opening a sentence up to its comma ("Appearing before the court, ").
_FRONTED = re.compile(r"\s*(\S+)[^,;:.!?“”\"]{0,120},\s+")


def _is_fronted(word: str, rules: QuoteRules) -> bool:
    """A sentence opening with a participle ("Appearing") or a preposition ("In")."""
    bare = bare_word(word)
    return is_capital(word) and (bare.endswith("ing") or bare in rules.prepositions)


#: Most lower-case words of a role owned by a name ("Ann Lee's longtime lawyer").
OWNED_ROLE_WORDS = 3
_OWNED_ROLE = re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,{OWNED_ROLE_WORDS - 1}}}[a-z][\w-]*,?\s+[A-Z]")


def names_owned(text: str, end: int) -> bool:
    """Whether a capitalised word follows the role that a possessive name ending at ``end``
    owns: "Ann Lee's lawyer Tom Reid", "Ann Lee's lawyer, Tom Reid," (an apposition: the
    name after the role is the subject, not the owner)."""
    return _OWNED_ROLE.match(text, end) is not None


@lru_cache(maxsize=4096)
def sentence_subject(text: str, rules: QuoteRules) -> str | None:
    """The first name in ``text`` that is not inside a prepositional phrase, or a leading
    pronoun: the likely subject of the sentence."""
    words = text.split()
    if words and bare_word(words[0]) in rules.pronouns:
        return words[0].strip(EDGE)
    if words and bare_word(words[0]) in {"a", "an", "the", "one", "another"}:
        return _leading_noun_phrase(words, rules)  # "A voice is then heard saying"
    fronted = _FRONTED.match(text)
    if fronted and _is_fronted(fronted.group(1), rules):
        # "Appearing before the court, the delegation said": the subject follows the phrase
        after = sentence_subject(text[fronted.end() :], rules)
        if after:
            return after
    skip = rules.subject_skip
    for start, end, tokens in capital_runs(text, rules):
        previous = last_word(text, start)
        if previous and (
            bare_word(previous[0]) in rules.prepositions
            or bare_word(previous[0]) in rules.determiners
        ):
            continue
        following = first_word(text, end)
        if following and bare_word(following[0]) in rules.not_name_words:
            continue  # "The Trump administration"
        opener = bare_word(tokens[0])
        if opener in rules.opening_phrases and not previous:
            continue  # "At a meeting ...": the sentence opens with a phrase, not its subject
        while tokens and (
            bare_word(tokens[0]) in skip or bare_word(tokens[0]) in rules.determiners
        ):
            tokens = tokens[1:]
        name_at = name_start(tokens, rules) if tokens else None
        if name_at is None:
            continue
        name = [name_word(t) for t in tokens[name_at:]]
        if tokens[-1].rstrip(EDGE).endswith(POSSESSIVES):
            # "Hunter Biden's attorney Abbe Lowell": an owner is not the subject; the name
            # after the owned role is (the next run)
            if names_owned(text, end):
                continue
            return None  # "Ann Lee's lawyer said": a description; better no speaker than her
        at_clause_start = not previous or bool(_CLAUSE_END.search(previous[0]))
        following = first_word(text, end)
        acts = bool(following) and bare_word(following[0]).endswith(("s", "ed"))
        acts = acts and following[0][:1].islower() and bare_word(following[0]) not in skip
        if is_organisation(name, rules) or (len(name) < 2 and not (at_clause_start or acts)):
            continue
        if plausible(name, rules):
            return " ".join(name)
    return None


def _subject_word(before: str, rules: QuoteRules) -> bool:
    """The word before an ambiguous cue is a subject ("the senator calls"), so it is a verb."""
    words = before.split()
    if not words:
        return False
    word = bare_word(words[-1])
    if word in _PRONOMINAL:  # "One fan calls it …, while another calls him …"
        opens = len(words) == 1 or words[-2].endswith(",")
        return opens or bare_word(words[-2]) in rules.clause_openers
    if word in rules.determiners:
        return False
    return word in rules.subject_words


#: Determiners that stand alone for a noun phrase at the start of a clause ("another calls").
_PRONOMINAL = frozenset({"another", "one", "others", "some"})


def _clause(text: str) -> str:
    """``text`` up to its first clause punctuation."""
    m = _CLAUSE_PUNCT.search(text)
    return (text[: m.start()] if m else text).strip()


@lru_cache(maxsize=4096)
def subject_before(text: str, rules: QuoteRules) -> str | None:
    """The speaker in the words before a cue verb. With an apposition ("Richard Weir, 60, from
    Tynemouth, said") the subject is the first comma-separated part that holds a full name;
    a relative "who" or an adverb clause ("Holden, meanwhile, has") defers to the part before."""
    aside = _PARENTHESIS_BEFORE_VERB.search(text) or _dash_aside(text)
    if aside:  # "Jane Doe (KC) said", "Jon Tester (D-Mont.) said": the aside is no subject
        text = text[: aside.start()] + " "
    neuter = neuter_subject(text, rules) or _pronoun_subject(text, rules)
    if neuter:
        return neuter
    document = _DOCUMENT_RELATIVE.search(text)
    if document and bare_word(document.group(2)) in rules.document_words:
        return document.group(1)  # "holding a sign that read"
    relative = _RELATIVE.search(text)
    if relative:
        text = text[: relative.start()]  # "said Tester, who also says": Tester
        return _trailing_capitalised(text, rules) or subject_before(text, rules)
    if not text.rstrip().endswith(","):
        parts = [p for p in _CLAUSE_PUNCT.split(text) if p.strip()]
        while len(parts) > 1 and _only_adverbs(parts[-1], rules):
            parts.pop()
        previous = parts[-2].split() if len(parts) > 1 else []
        whole_name = 0 < len(previous) <= 5 and all(is_capital(w) for w in previous)
        whole_name = whole_name and not is_organisation(previous, rules)  # "Last June, a"
        opener = bare_word(parts[-1].split()[0]) if whole_name else ""
        # "Ann Lee, a ...", "Cllr Louise Gittins, Chair of the LGA said": an apposition
        if whole_name and (opener in {"a", "an", "the"} or opener in rules.titles):
            named = clean_speaker(parts[-2], rules, before_cue=True)
            if named and len(named.split()) >= 2 and named[:1].isupper():
                return named  # "Brian Gianforte, a 32-year-old member ... said"
        inner = list(rules.cue.finditer(parts[-1])) if parts else []
        if inner:  # "Lacerda said Epstein told her:": the inner clause's subject speaks
            nested = clean_speaker(parts[-1][inner[-1].end() :], rules, before_cue=True)
            if nested and nested[:1].isupper():
                return nested
        speaker = clean_speaker(parts[-1], rules, before_cue=True) if parts else None
        return speaker or (_tail_name(parts[-1], rules) if parts else None)
    parts = [p for p in _CLAUSE_PUNCT.split(text) if p.strip()]
    first: str | None = None  # the first part that gives a speaker at all
    for part in parts:  # cleaned one by one: the first full name ends the search
        speaker = clean_speaker(part, rules, before_cue=True)
        words = speaker.split() if speaker else []
        if bare_word(words[-1]) in rules.titles if words else True:
            continue  # "VFI Chief Executive, Padraig Cribben, said": a role, then the name
        if len(words) >= 2 and all(
            w[:1].isupper() for w in words if w.lower() not in rules.name_particles
        ):
            return speaker
        first = first or speaker
    return first


def _dash_aside(text: str) -> re.Match[str] | None:
    """An aside between dashes right before the verb ("The letter – a copy of which we saw –
    warns"), unless it is a name ("the minister – Ann Lee – said": she is the subject)."""
    m = _DASH_ASIDE_BEFORE_VERB.search(text)
    inner = m.group().strip(" —–-").split() if m else []
    return None if not inner or all(is_capital(w) for w in inner) else m


def _tail_name(part: str, rules: QuoteRules) -> str | None:
    """'The pair launched a cannon just after Weaver': the name after the last preposition."""
    words = part.split()
    breaks = [i for i, w in enumerate(words) if bare_word(w) in rules.breaks]
    tail = words[breaks[-1] + 1 :] if breaks else []
    if any(w.rstrip(EDGE).endswith(POSSESSIVES) for w in tail):
        return None
    if tail and all(is_capital(w) for w in tail) and len(tail) <= 4 and plausible(tail, rules):
        owner = _placed_organisation(words[: breaks[-1]], rules)
        if owner and bare_word(words[breaks[-1]]) in {"in", "at"}:
            return owner  # "the Palestinian Dialogue Group in Turkey, which says": the group
        return " ".join(name_word(w) for w in tail)
    return None


def _placed_organisation(words: list[str], rules: QuoteRules) -> str | None:
    """The capitalised organisation name ending ``words`` ("... the Palestinian Dialogue
    Group"), without its article."""
    run: list[str] = []
    for word in reversed(words):
        if not is_capital(word) or word.endswith(","):
            break
        run.insert(0, word.strip(EDGE))
    while run and bare_word(run[0]) in rules.determiners:
        run = run[1:]
    return " ".join(run) if len(run) >= 2 and is_organisation(run, rules) else None


def _only_adverbs(part: str, rules: QuoteRules) -> bool:
    words = [bare_word(w) for w in part.split()]
    return all(w in rules.adverbs or w in rules.clause_openers or w == "has" for w in words)


def _trailing_capitalised(text: str, rules: QuoteRules) -> str | None:
    tokens = text.split()
    name_at = name_start(tokens, rules) if tokens else None
    if name_at is None or not plausible(tokens[name_at:], rules):
        return None
    return " ".join(name_word(t) for t in tokens[name_at:]) or None


_CLAUSE_START = frozenset(
    {"that", "which", "and", "but", "as", "when", "while", "where", "after", "before", "because"}
    | {"since", "until", "once", "if", "although", "though", "whereas", "so", "yet"}
)


def _pronoun_subject(text: str, rules: QuoteRules) -> str | None:
    """'a caption that she had added': a personal pronoun opening the clause right before the
    verb (past auxiliaries and adverbs only between them) is its subject."""
    words = text.split()
    at = len(words)
    while at > 0 and bare_word(words[at - 1]) in rules.adverbs and words[at - 1][:1].islower():
        at -= 1
    if at == 0 or bare_word(words[at - 1]) not in rules.pronouns:
        return None
    if at > 1 and bare_word(words[at - 2]) not in _CLAUSE_START and words[at - 2][-1:] != ",":
        return None  # "told her": an object, not the subject
    return words[at - 1].strip(EDGE)


def neuter_subject(text: str, rules: QuoteRules) -> str | None:
    """'..., it said' / 'It said:': "it" right before the verb, opening its clause."""
    words = text.split()
    if not words or bare_word(words[-1]) not in rules.neuter_pronouns:
        return None
    if (
        len(words) > 1
        and words[-2][-1:] not in ',.;:!?”"’'
        and (bare_word(words[-2]) not in rules.clause_openers)
    ):
        return None  # "said that it said", "the way it says": not the quote's speaker
    return words[-1].strip(EDGE)


#: The per-text caches of this module (cleared together by ``quotes.clear_caches``).
CACHED = (
    attribute_after,
    attribute_before,
    cue_subject,
    sentence_subject,
    subject_before,
    last_participle,
)
