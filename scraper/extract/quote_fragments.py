"""Speakers of fragments: words quoted inside the reporter's own sentence ('Israel rejected
the questions as “patently biased”') with no speech verb belong to that sentence's (or clause's)
subject, or to the speaker of an attributed quote earlier in the same sentence."""

from __future__ import annotations

import re

from scraper.extract.quote_anaphora import known_surname
from scraper.extract.quote_clauses import last_sentence, opening_subject
from scraper.extract.quote_phrases import bare_word, is_capital, is_organisation, plausible
from scraper.extract.quote_rules import QuoteRules
from scraper.extract.quote_spans import Span
from scraper.extract.quote_speakers import Attribution, sentence_subject, subject_before


def sentence_after(paragraphs: list[str], spans: list[Span], i: int) -> int | None:
    """Where the quote before ``spans[i]`` closes, when both are in one sentence."""
    if not i or spans[i - 1].last_paragraph != spans[i].paragraph:
        return None
    previous, para = spans[i - 1], paragraphs[spans[i].paragraph]
    between = para[previous.close_at + 1 : spans[i].open_at]
    end = previous.pieces[-1][2]
    ended = para[end - 1 : end] in (".", "!", "?", "…")
    return None if ended or _SENTENCE_END.search(between) else previous.close_at


_SENTENCE_END = re.compile(r"[.!?…]")


def fragment_speaker(
    left: str, paragraphs: list[str], rules: QuoteRules, at: int | None = None
) -> Attribution | None:
    """'Israel rejected the questions as “patently biased”', 'John Muir set off with “some
    bread and tea”': a fragment quoted in the reporter's sentence is the words of that
    sentence's subject: a full name, "he" or "she", a name the article uses mid-sentence
    ("Israel"; not "Shoppers"), or a determiner phrase right before its verb."""
    document = _document_relative(left, rules) or _who_antecedent(left, rules)
    if document:
        return Attribution(document, "")
    clause = _clause_subject(left, rules)
    if clause:
        return Attribution(clause, "")
    passive, agent = passive_agent(left)
    if passive:  # 'Lee was described by her coach as “…”': the agent speaks, else no one
        if agent is None and at is not None:  # unless the next lines say who: "X urged"
            agent = active_agent(_PASSIVE_VERB.findall(left)[-1], paragraphs, at, rules)
        return Attribution(agent, "") if agent else None
    found = _named_subject(left, paragraphs, rules)
    if found is None:  # "In July, investigators found ... “...”": people named by a noun
        agents = _agent_subject(left, rules) or _fronted_pronoun(left, rules)
        found = Attribution(agents, "") if agents else None
    return found


#: Commas a sentence may open with before its subject ("But, risks aside, he believes").
FRONTED_COMMAS = 2


def _fronted_pronoun(left: str, rules: QuoteRules) -> str | None:
    """'But, risks aside, he believes AI stands to add value and “…”': "he" or "she" as the
    subject after short fronted phrases (each up to a comma), then a verb, no comma after."""
    words = left.split()
    if not words or not words[0][:1].isupper():
        return None  # the sentence's start is not in ``left``
    for _ in range(FRONTED_COMMAS):
        comma = next((i for i, w in enumerate(words[: FRONTED_WORDS + 1]) if w.endswith(",")), None)
        if comma is None or _CLAUSE_WORDS.intersection(words[:comma]):
            break
        words = words[comma + 1 :]
    if (
        len(words) < 2
        or bare_word(words[0]) not in FRAGMENT_PRONOUNS
        or words[0] != words[0].lower()
    ):
        return None
    if any("," in w for w in words[1:]) or not _is_verb(bare_word(words[1]), rules):
        return None
    return words[0]


def _named_subject(left: str, paragraphs: list[str], rules: QuoteRules) -> Attribution | None:
    """The sentence's subject when it is a name, "he" or "she", or a determiner phrase right
    before its verb (see :func:`fragment_speaker`)."""
    subject = sentence_subject(left, rules)
    words = subject.split() if subject else []
    if not words or subject is None:
        return None
    first = bare_word(words[0])
    if first in rules.pronouns:
        return Attribution(subject, "") if first in FRAGMENT_PRONOUNS else None
    rest = left[left.find(subject) + len(subject) :].split()
    after = [w for w in rest[:3] if bare_word(w) not in rules.adverbs][:1]  # "also cited"
    verb = bool(after) and after[0][:1].islower() and _is_verb(bare_word(after[0]), rules)
    if (first in rules.determiners or len(words) == 1) and not verb:
        return None  # "A week later she", "International humanitarian law"
    if first in rules.determiners and "," in left[left.find(subject) + len(subject) :]:
        return None  # "The conditions are so bad that ..., and even Tripadvisor won't ..."
    if len(words) == 1:
        mid = re.compile(rf"\b[a-z]+\s+{re.escape(words[0])}\b")
        surname = known_surname(words[0], tuple(paragraphs), rules)  # "John Major" ... "Major"
        if not surname and not any(mid.search(text) for text in paragraphs):
            return None  # "Shoppers found ...": a capitalised noun, not a name
    return Attribution(subject, "")


#: A passive verb: a form of "be" and a participle ("was described", "have been urged").
_PASSIVE_VERB = re.compile(
    r"\b(?:is|are|was|were|been|being|be)\s+(?:[a-z]+ly\s+)?"
    r"([a-z]+ed|told|said|written|given|called|seen|heard|known|shown|taken|held|thought)\b"
)
#: Verbs of telling someone to do something: their passive subject is the one addressed, and
#: the same verb in the active voice nearby names who spoke ("The College urged staff").
DIRECTIVE_VERBS = frozenset(
    {"urged", "told", "asked", "advised", "warned", "ordered", "instructed", "reminded"}
)
#: How many paragraphs after a passive speech verb its active form is looked for.
AGENT_PARAGRAPHS = 2


def active_agent(verb: str, paragraphs: list[str], at: int, rules: QuoteRules) -> str | None:
    """'GPs have been urged to “…”' then 'The College urged staff to …': the subject of the
    same directive verb in the active voice, in the quote's paragraph or the next two, is the
    one the passive left out."""
    if verb not in DIRECTIVE_VERBS:
        return None  # "Lee was praised for …" and "The mayor praised the crews" are two acts
    word = re.compile(rf"\b{re.escape(verb)}\b")
    for text in paragraphs[at : at + AGENT_PARAGRAPHS + 1]:
        for m in word.finditer(text) if verb in text else ():
            sentence = last_sentence(text[: m.start()], rules)
            if _PASSIVE_BEFORE.search(sentence):
                continue  # the passive again ("have been urged")
            subject = subject_before(sentence, rules)
            if subject and bare_word(subject) not in rules.pronouns:
                return subject
    return None


#: A form of "be" right before a participle: the verb is passive there.
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:[a-z]+ly\s+)?$")
#: The agent of a passive verb, up to the next clause word: "by her coach", "by police".
_AGENT = re.compile(
    r"\s+by\s+((?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w'’-]+\s+){0,3}?[\w'’-]+)"
    r"(?=\s+(?:as|that|to|for|of|in|on|at|with|after|before|when|because)\b|\s*[,;:]|\s*$)"
)


#: An indefinite or definite noun phrase, then "that" or "which" opening a relative clause
#: that runs on to the quote: "a sweeping executive order that regulates AI, and implements".
_RELATIVE_HEAD = re.compile(
    r"\b((?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+){0,3}?([\w-]+))\s+(?:that|which)\s+[^.!?;:“”\"]*$"
)


_ARTICLES = frozenset({"a", "an", "the"})


def _document_relative(left: str, rules: QuoteRules) -> str | None:
    """'Biden issued a sweeping executive order that regulates AI, and implements “…”': a
    fragment in a relative clause whose head names a document (``document_words``) is that
    document's text; the phrase as written speaks."""
    m = _RELATIVE_HEAD.search(left)
    if m is None or bare_word(m.group(2)) not in rules.document_words:
        return None
    words = m.group(1).split()
    last = max(i for i, w in enumerate(words) if bare_word(w) in _ARTICLES)
    return " ".join(words[last:])  # "The council passed a rule that": "a rule"


#: A noun phrase, a comma and a "who" clause that runs on to the quote: an aside between
#: dashes and a decimal point ("$41.99") do not end it.
_WHO_CLAUSE = re.compile(
    r"((?:(?:the|The|[A-Z][\w'’-]*)\s+)?[\w'’-]+),\s+who\s+"
    r"(?:[^.!?;:,“”\"—]|(?<=\d)[.,](?=\d)|—(?:[^.!?;“”\"—]|(?<=\d)\.(?=\d))*—)*$"
)


def _who_antecedent(left: str, rules: QuoteRules) -> str | None:
    """'Animals perform for onlookers, who — after paying $41.99 — walk away feeling “more sad
    than anything.”': a fragment in a "who" clause is the words of the people the clause is
    about, as written: a plural noun for people by what they do, a group, or a full name."""
    m = _WHO_CLAUSE.search(left)
    if m is None:
        return None
    words = m.group(1).split()
    head = bare_word(words[-1])
    if head.endswith(AGENT_ENDINGS) or head in rules.group_nouns:
        first = bare_word(words[0])
        return " ".join(words if len(words) == 1 or first == "the" else words[1:])
    name = [w for w in words if is_capital(w)]
    if len(name) == 2 and name == words and plausible(name, rules):
        return " ".join(name) if not is_organisation(name, rules) else None
    return None


def passive_agent(left: str) -> tuple[bool, str | None]:
    """Whether the clause before a quote has a passive verb ('Lee was told by police that',
    'Lee was told:'), and its agent ("police") if a "by" phrase names one: the passive subject
    is not who spoke. A comma after the verb ends its clause ("The plan, which was backed by
    ministers, will “…”")."""
    passive = _PASSIVE_VERB.search(left)
    if passive is None or "," in left[passive.end() :]:
        return False, None
    agent = _AGENT.match(left, passive.end())
    return True, agent.group(1) if agent else None


#: Endings of nouns for people by what they do ("investigators", "scientists", "residents").
AGENT_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "ials")
#: Most words of a fronted phrase skipped before a clause's subject ("In July, ").
FRONTED_WORDS = 5


def _agent_subject(left: str, rules: QuoteRules) -> str | None:
    """'In July, investigators found a dolphin with “…”', 'Finally, the experts recommend
    … “…”': the subject of the sentence a fragment is quoted in, when it is a plural noun for
    people by what they do (or a group noun), bare or after "the", as written, and acts
    (not "were told"); after a short fronted phrase ending in a comma."""
    words = left.split()
    for i, word in enumerate(words[: FRONTED_WORDS + 1]):
        if word.endswith(","):
            fronted = words[0][:1].isupper() and not _CLAUSE_WORDS.intersection(words[:i])
            words = words[i + 1 :] if fronted else words
            break
    article = words[:1] if words and bare_word(words[0]) == "the" else []
    subject = opening_subject(words[len(article) :], rules)  # "the" + a bare plural
    if not subject or " " in subject or not (article or subject[:1].islower()):
        return None  # "Shoppers found the doors “closed”": a sentence's first word may be
        # any capitalised noun; a bare plural counts only after a fronted phrase
    head = bare_word(subject)
    if not (head.endswith(AGENT_ENDINGS) or head in rules.group_nouns) or not head.isalpha():
        return None
    parts = [*article, subject]
    if any("," in word for word in words[len(parts) :]):
        return None  # "Listeners raved about X, in which Y voices “…”": another clause's words
    after = words[len(parts) : len(parts) + 2]
    participle = len(after) == 2 and (
        after[1].endswith("ed") or bool(rules.cue.fullmatch(after[1]))
    )
    passive = participle and bare_word(after[0]) in _PASSIVE  # "were told", "were urged"
    return None if passive else " ".join(parts)


#: Verbs of a fronted phrase's own clause: a comma after one ends no fronted phrase.
_CLAUSE_WORDS = frozenset({"said", "says", "is", "was", "are", "were"})
_PASSIVE = frozenset({"is", "are", "was", "were", "been", "be", "being", "get", "got"})


_SUBORDINATE = re.compile(r"\b(?:although|though|after|because|while|whereas|since|but)\s+")


def _clause_subject(left: str, rules: QuoteRules) -> str | None:
    """The subject of the clause a fragment is quoted in, when a conjunction opens it: "after
    an investigation found they “...”", "although the UN General Assembly sought ... “...”"
    (a determiner before a proper name is dropped)."""
    opened = list(_SUBORDINATE.finditer(left))
    if not opened:
        return None
    words = left[opened[-1].end() :].split()
    subject = opening_subject(words, rules)
    parts = subject.split() if subject else []
    pronoun = bare_word(parts[0]) in rules.pronouns if parts else False
    if not parts or (pronoun and bare_word(parts[0]) not in FRAGMENT_PRONOUNS):
        return None
    if len(parts) > 1 and parts[0].lower() == "the" and all(is_capital(w) for w in parts[1:]):
        return " ".join(parts[1:])
    return subject


#: Pronouns that may speak a fragment: "they have to declare “...”" quotes a rule.
FRAGMENT_PRONOUNS = frozenset({"he", "she"})


def _is_verb(word: str, rules: QuoteRules) -> bool:
    """A finite verb after a subject ("rejected", "has", "says")."""
    if word in rules.determiners or word in rules.prepositions or word in rules.pronouns:
        return False  # "Google this plant": "this" is no verb
    return (
        word in rules.verb_markers
        or word.endswith(("s", "ed"))
        or rules.cue.fullmatch(word) is not None
    )
