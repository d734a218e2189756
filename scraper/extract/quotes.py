"""Direct quotations and their speakers, found in cleaned body paragraphs.

Spans come from ``quote_spans`` (mark pairing), speakers from ``quote_speakers`` (cue-verb rules
in ``scraper/data/quotes_<lang>.toml``) and ``quote_names`` (names across the article).
Conventions, matching the gold set's guidelines (``fixtures/quotes/README.md``):

- ``speaker`` is a person's name without role, title or honorific, in the fullest form the
  article uses ("Finance Minister Serhii Marchenko", later "Marchenko" or "Mr. Marchenko" ->
  "Serhii Marchenko"); pronouns, role references ("the president") and unattributed continuing
  quotes take the nearest earlier named speaker or newly introduced person; organisations keep
  their name as written ("Russia’s Defense Ministry", "the center" -> "Storm Prediction Center");
  an unnamed source is its noun phrase as written ("a spokesperson for the ministry").
- A fragment quoted in the reporter's sentence without a speech verb ("Israel rejected the
  claims as “patently biased”") is its sentence's or clause's subject's (``quote_fragments``);
  a later fragment of an attributed sentence keeps that speaker; a subheading that repeats
  words spoken in the body takes their speaker (``quote_headings``); a definite description
  ("says the mother of four") is the person the paragraph just named.
- A quote over several paragraphs gives one ``Quote`` per paragraph piece, each with the speaker;
  ``start``/``end`` are offsets of ``text`` in ``paragraphs[paragraph]``.
- ``partial`` marks fragments inside the reporter's sentence and quotes under four words.
  Unattributed names of works ("Dance the Night Away"), quoted names after "called" and the
  reporter's glosses after "meaning" are not reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from scraper.extract.quote_agreement import CACHED as AGREEMENT_CACHES
from scraper.extract.quote_agreement import (
    PLURAL_PRONOUNS,
    agreeing_mention,
    agreeing_speaker,
    couple,
    disagrees,
    group_subject,
    marked_names,
    plural_antecedent,
    speaking_group,
)
from scraper.extract.quote_anaphora import (
    ORDINAL_ANAPHORS,
    described_person,
    former_or_latter,
    group_member,
    introduced_person,
    is_description,
    known_surname,
    names_before_pronoun,
    neuter_antecedent,
    next_person,
    one_of_them,
    surname_subjects,
)
from scraper.extract.quote_clauses import CACHED as CLAUSE_CACHES
from scraper.extract.quote_clauses import SENTENCE_BOUNDARY, last_sentence
from scraper.extract.quote_context import (
    NAMED_TITLE_WORDS,
    is_title,
    left_context,
    quote_text,
    right_context,
)
from scraper.extract.quote_fragments import fragment_speaker, passive_agent, sentence_after
from scraper.extract.quote_headings import echo_speakers
from scraper.extract.quote_mentions import Mention, name_mentions
from scraper.extract.quote_names import CACHED as NAME_CACHES
from scraper.extract.quote_names import (
    acronym_name,
    fullest_name,
    lede_case,
    misspelt_name,
    named_later,
    organisation_mentions,
    without_article,
    without_letters,
)
from scraper.extract.quote_people import CACHED as PEOPLE_CACHES
from scraper.extract.quote_people import inverted_speakers, person_mentions, subject_position
from scraper.extract.quote_phrases import bare_word, clean_speaker
from scraper.extract.quote_previous import (
    about_person,
    inverted_cue,
    participle_speaker,
    recent_subject,
)
from scraper.extract.quote_rules import QuoteRules, attributes, may_match, rules_for
from scraper.extract.quote_scan import indefinite_before
from scraper.extract.quote_spans import Span, find_spans
from scraper.extract.quote_speakers import CACHED as SPEAKER_CACHES
from scraper.extract.quote_speakers import (
    Attribution,
    attribute_after,
    attribute_before,
    colon_speaker,
    ends_with_cue,
    inverted_verb,
    last_participle,
    message_source,
)
from scraper.extract.quote_tokens import CACHED as TOKEN_CACHES
from scraper.extract.quote_tokens import name_capital
from scraper.models import Quote

#: Quotes shorter than this many words are reported as partial (scare quotes, terms).
MIN_FULL_WORDS = 4
#: How many paragraphs back an unattributed quote paragraph may inherit a speaker from, and
#: how many when the paragraphs between introduce nobody (an interview's questions).
INHERIT_PARAGRAPHS = 2
INHERIT_QUIET_PARAGRAPHS = 4
#: How much text before a quote is searched for the title its speaker was given there.
CONTEXT_CHARS = 300
#: A new sentence after a quote ending in "." attributes it only when this short ("Kim said.").
NEW_SENTENCE_WORDS = 6
#: Most words of a fronted phrase before a quote that continues its speaker ("As a parent,").
FRONTED_WORDS = 5
#: How many paragraphs back a pronoun looks for a newly introduced person.
MENTION_PARAGRAPHS = 3
_NEW_SENTENCE = re.compile(r"\s+[A-Z]")
_MARKS = ' \t\n,.;:!?…—–-"“”‘’«»'
_INNER_CLOSERS = " \t\n'’\"”»›"
#: Most words between two quotes of one sentence when the first ends with a comma.
SAME_SENTENCE_WORDS = 12
_BREAK = re.compile(r"[.!?…;:()]")


@dataclass
class _Found:
    span: Span
    text: str
    attribution: Attribution | None
    partial: bool
    continuing: bool = False
    joined: bool = False  # follows the previous quote through "and" or a participle
    title: bool = False  # Title Case words without sentence punctuation
    named: bool = False  # right after "called", "meaning", ...: a name or a gloss
    cued: bool = False  # a speech verb attributes it, or the quote it continues
    #: where the quote before it closed, when that quote is in the same sentence
    sentence_after: int | None = None


def find_quotes(paragraphs: list[str], language: str | None = None) -> list[Quote]:
    """Return the direct quotations in ``paragraphs``, in reading order, with their speakers."""
    rules = rules_for(language)
    spans = find_spans(paragraphs, rules.elision)
    if not spans:
        return []
    if not attributes(language) or not in_rules_language(paragraphs, rules):
        return _unattributed(paragraphs, spans, rules)
    found = [_analyse(paragraphs, spans, i, rules) for i in range(len(spans))]
    names, roles = _wanted(found, rules)
    mentions = name_mentions(paragraphs, rules, names, roles)
    _resolve(found, paragraphs, mentions, rules)
    more, _ = _wanted(found, rules)
    if not more <= names:  # pronouns resolved to names not yet indexed: index only those
        extra = name_mentions(paragraphs, rules, more - names)
        mentions = sorted(set(mentions) | set(extra), key=lambda m: (m.paragraph, m.offset, m.name))
    organisations = organisation_mentions(paragraphs, rules) if _org_anaphors(found, rules) else []
    resolved: dict[tuple[str, int], str] = {}
    quotes: list[Quote] = []
    for f in found:
        if (f.title or f.named) and f.attribution is None:
            continue  # the name of a work or account, or a gloss: not a quotation
        if f.named and (f.title or is_title(f.text.split(), rules, NAMED_TITLE_WORDS)):
            continue  # 'writes in an article titled ‘Safer Cities’ that': a title all the same
        if f.attribution is not None:
            p, a = f.span.paragraph, f.span.open_at
            key = (f.attribution.speaker, p)
            if key not in resolved:
                context = paragraphs[p][max(0, a - CONTEXT_CHARS) : a]
                name = fullest_name(
                    key[0], p, a, mentions, rules, organisations, context, paragraphs
                )
                if name == key[0] and _is_org_anaphor(name, rules):
                    name = recent_subject(paragraphs, p, a, rules) or name
                if name == key[0]:  # "Jensen said" after "Nathan Janzen"
                    name = misspelt_name(name, paragraphs, rules) or name
                name = acronym_name(name, paragraphs) or name  # "the CDC": its full name
                name = named_later(name, p, mentions, rules) or name  # "A DUP councillor"
                name = without_letters(lede_case(name), rules)  # "KELLY Osbourne", "MBE"
                name = without_article(name, rules)  # "The World Health Organization"
                resolved[key] = name
            f.attribution = Attribution(resolved[key], f.attribution.cue)
        quotes.extend(_to_quotes(f, paragraphs, rules.pronouns))
    echo_speakers(quotes, paragraphs)
    return quotes


#: Share of words of a text that are function words of the rules' language (its articles,
#: prepositions, clause openers and pronouns) below which the text is in another language:
#: English and German news run from 0.21 to 0.40, other languages under English rules under
#: 0.07 (news-fields and the quote sets, the opening 120 words, December 2026).
MIN_FUNCTION_WORDS = 0.15
#: Fewer words than this say too little about their language: they are taken as declared.
LANGUAGE_SAMPLE_WORDS = 100
#: How many opening words of a body are read to tell its language.
LANGUAGE_READ_WORDS = 120


def in_rules_language(paragraphs: list[str], rules: QuoteRules) -> bool:
    """Whether ``paragraphs`` read as the language of ``rules``: a French page that declares
    itself English (or nothing) gets quotation spans without speakers, as a language
    without a rules file does, not English cue rules on French text."""
    words: list[str] = []
    for text in paragraphs:  # the opening words are enough to tell
        words += text.lower().split()
        if len(words) >= LANGUAGE_READ_WORDS:
            break
    if len(words) < LANGUAGE_SAMPLE_WORDS:
        return True
    function = rules.function_words  # punctuation left on a word only lowers the share a little
    return sum(map(function.__contains__, words)) >= MIN_FUNCTION_WORDS * len(words)


def _unattributed(paragraphs: list[str], spans: list[Span], rules: QuoteRules) -> list[Quote]:
    """Quotations without speakers (a language with no rules file): names of works and
    glosses are left out as when they have no speaker."""
    quotes: list[Quote] = []
    for i, span in enumerate(spans):
        text = quote_text(paragraphs, span)
        left, _ = left_context(paragraphs, spans, i, rules)
        words = text.split()
        named = may_match(left, rules.naming_hints) and bool(rules.naming_words.search(left))
        if is_title(words, rules) or named:
            continue
        found = _Found(span, text, None, _is_partial(words, text, left, False, rules))
        quotes.extend(_to_quotes(found, paragraphs))
    return quotes


def _wanted(found: list[_Found], rules: QuoteRules) -> tuple[frozenset[str], frozenset[str]]:
    """What the name index must cover: speakers' capitalised name words, and role words
    ("the president") whose holders must be found; joint speakers ("Clara and Maya") count
    as each of them."""
    names: set[str] = set()
    roles: set[str] = set()
    for f in found:
        speaker = f.attribution.speaker if f.attribution else ""
        for part in speaker.split(" and ") if " and " in speaker else (speaker,):
            words = part.split()
            named = all(name_capital(w) or w in rules.name_particles for w in words)
            for word in words:
                bare = word.strip(_MARKS + "()'’").lower()
                if len(words) == 1 and name_capital(word):
                    names.add(bare)  # a surname or first name: look for the full name
                elif word is words[-1] and named:
                    names.add(bare)  # "Al Saud", "von der Leyen": a longer name ending so
                elif bare in rules.titles:
                    roles.update({bare, rules.role_synonyms.get(bare, bare)})
    return frozenset(names), frozenset(roles)


def _org_anaphors(found: list[_Found], rules: QuoteRules) -> bool:
    return any(f.attribution and _is_org_anaphor(f.attribution.speaker, rules) for f in found)


def _is_org_anaphor(speaker: str, rules: QuoteRules) -> bool:
    """'the bank', 'The agency', 'the ruling party': an organisation named earlier in the
    article (a lower-case adjective may stand before its word)."""
    if speaker[:4].lower() != "the ":
        return False
    words = speaker.split()
    if len(words) == 3 and words[1].isalpha() and words[1].islower():
        words = [words[0], words[2]]
    lowered = [w.lower() for w in words]
    return len(words) == 2 and lowered[0] == "the" and lowered[1] in rules.not_name_words


def clear_caches() -> None:
    """Forget the per-paragraph caches (benchmarks call this so repeats are not flattered)."""
    for cached in (
        clean_speaker,
        bare_word,
        known_surname,
        *SPEAKER_CACHES,
        *PEOPLE_CACHES,
        *NAME_CACHES,
        *TOKEN_CACHES,
        *CLAUSE_CACHES,
        *AGREEMENT_CACHES,
    ):
        cached.cache_clear()


def _analyse(paragraphs: list[str], spans: list[Span], i: int, rules: QuoteRules) -> _Found:
    span = spans[i]
    text = quote_text(paragraphs, span)
    left, previous = left_context(paragraphs, spans, i, rules)
    right = right_context(paragraphs, spans, i, rules)
    # A nested quote may close the quotation ('He said: \'Go.\''): its mark hides the full stop.
    new_sentence = text.rstrip(_INNER_CLOSERS)[-1:] in ".!?…" and _NEW_SENTENCE.match(right)
    short = len(right.split()) <= NEW_SENTENCE_WORDS and right.rstrip()[-1:] in ".!?"
    if new_sentence and (":" in right or not short):
        right = ""  # a new sentence of the reporter's, not an attribution ("Kim said." is)
    if left.rstrip().endswith(":") or not right.strip() or ends_with_cue(left, rules):
        attribution = attribute_before(left, rules) or attribute_after(right, rules)
    else:
        attribution = attribute_after(right, rules) or attribute_before(left, rules)
    if attribution is None and text.rstrip(_INNER_CLOSERS)[-1:] in ",!?":
        attribution = inverted_verb(right, rules)  # '“...,” remembers Shanna Challenger'
    if attribution is None and previous and not right.strip(_MARKS):
        heading = _is_heading(previous)  # labels what follows: it introduces no speaker
        attribution = None if heading else about_person(previous, paragraphs, rules)
        attribution = attribution or attribute_before(previous, rules)  # 'X says ... . "Q."'
        attribution = attribution or inverted_cue(last_sentence(previous, rules), rules)
        attribution = attribution or message_source(last_sentence(previous, rules), rules)
        introduced = person_mentions(previous, rules) if attribution is None else []
        asked = span.paragraph >= 2 and previous.rstrip().endswith("?")
        if attribution is None and not introduced and asked:  # an interview's question between
            introduced = person_mentions(paragraphs[span.paragraph - 2], rules)
        if introduced and not left and not heading:
            attribution = Attribution(
                introduced[-1][1], ""
            )  # a person the paragraph before introduced
    if attribution is None and not right.strip(_MARKS):
        attribution = _dash_line(paragraphs, span.last_paragraph, rules)
    attribution = attribution or one_of_them(left, right, rules)
    participle = last_participle(left, rules) is not None
    if attribution is None and participle:
        attribution = participle_speaker(paragraphs[span.paragraph][: span.open_at], rules)
    if attribution is None and left.rstrip().endswith(":"):
        passive, agent = passive_agent(left)  # "Lee was told by the landlord:": the landlord
        attribution = Attribution(agent, ":") if agent else None
        if not passive:
            attribution = colon_speaker(left, rules) or _colon_person(left, rules)
    if attribution is None:  # "Starmer: ‘We will win’", "‘We will win’ - Starmer"
        attribution = _bare_surname(left, right, paragraphs, rules)
    words = text.split()
    title = is_title(words, rules)
    found = _Found(
        span, text, attribution, _is_partial(words, text, left, title, rules), title=title
    )
    found.named = may_match(left, rules.naming_hints) and bool(rules.naming_words.search(left))
    found.cued = bool(attribution and attribution.cue)
    fragment = found.partial or text[:1].islower()  # ', “and deny its relief schemes”'
    if attribution is None and fragment and not (title or found.named):
        found.sentence_after = sentence_after(paragraphs, spans, i)
        inside = left.strip() != "" and not left.rstrip().endswith((":", ","))
        subject = rules.fragment_speakers == "subject" and len(words) >= MIN_FULL_WORDS
        if found.sentence_after is None and (found.partial or inside) and subject:
            # 'set off with “some bread and tea.”': a fragment, though it ends the sentence
            found.attribution = fragment_speaker(left, paragraphs, rules, span.paragraph)
    connected = not right.strip(_MARKS) or participle
    found.continuing = not _reporter_words(left, rules, participle) and connected
    found.joined = bool(left.strip(_MARKS)) and found.continuing
    found.joined = found.joined or (
        not (found.named or found.title) and _same_sentence(paragraphs, spans, i, rules)
    )
    return found


#: Most words of a heading: a short line without sentence punctuation at its end.
HEADING_WORDS = 10


def _is_heading(text: str) -> bool:
    """'Tate MacRae performs', 'Calvin Harris wins Dance Act': a live blog's or a feature's
    heading labels what follows; it does not bring a person in to speak the next quote."""
    stripped = text.strip()
    return len(stripped.split()) <= HEADING_WORDS and stripped[-1:] not in '.!?:;,”"’)…'


#: A capitalised word alone before a colon, or after a dash closing the paragraph.
_SURNAME_COLON = re.compile(r"\s*([A-Z][\w'’-]+)\s*:\s*$")
_SURNAME_DASH = re.compile(r"\s*[-—–]\s*([A-Z][\w'’-]+)\s*$")


def _bare_surname(
    left: str, right: str, paragraphs: list[str], rules: QuoteRules
) -> Attribution | None:
    """A headline's 'Starmer: ‘...’' or a pull quote's '‘...’ - Starmer': a lone word that
    the article gives a first name elsewhere (so "Update:" or "Verdict:" names no one)."""
    m = _SURNAME_COLON.fullmatch(left) or _SURNAME_DASH.fullmatch(right)
    word = m.group(1) if m else ""
    if not word or not known_surname(word, tuple(paragraphs), rules):
        return None
    return Attribution(word, ":" if m and m.re is _SURNAME_COLON else "—")


def _colon_person(left: str, rules: QuoteRules) -> Attribution | None:
    """'The Leader of the council, Councillor Ann Lee, has issued the following statement:':
    a sentence with no speech verb that introduces the quote with a colon and names one
    person in full; that person speaks."""
    people = {name for _, name in person_mentions(left, rules) if len(name.split()) >= 2}
    return Attribution(people.pop(), ":") if len(people) == 1 else None


def _dash_line(paragraphs: list[str], last: int, rules: QuoteRules) -> Attribution | None:
    """A pull quote signed on the line after it: "- Nikki Haley, former governor"."""
    following = paragraphs[last + 1].lstrip() if last + 1 < len(paragraphs) else ""
    return attribute_after(following, rules) if following[:1] in "-—–" else None


def _same_sentence(paragraphs: list[str], spans: list[Span], i: int, rules: QuoteRules) -> bool:
    """'X wrote that his wife had "informed me" Clanton "had been treated badly"': a quote
    in the sentence of the one before it, with no sentence end or speech verb between them,
    has the same speaker."""
    if not i or spans[i - 1].last_paragraph != spans[i].paragraph:
        return False
    previous, span = spans[i - 1], spans[i]
    if span.open_at - previous.close_at > 100:
        return False  # too many words between the quotes
    para = paragraphs[span.paragraph]
    between = para[previous.close_at + 1 : span.open_at]
    end = previous.close_at - 1
    while end >= 0 and para[end] in _INNER_CLOSERS:
        end -= 1
    ended = end >= 0 and para[end] in ".!?…"
    if ended or not between.strip() or _BREAK.search(between):
        return False
    # The previous quote's clause goes on ("... ignore her," positions taken by X would "...").
    goes_on = para[end] == "," if end >= 0 else False
    short = len(between.split()) <= 3 or (goes_on and len(between.split()) <= SAME_SENTENCE_WORDS)
    return short and rules.cue.search(between) is None


def _reporter_words(left: str, rules: QuoteRules, participle: bool) -> bool:
    """Whether the sentence before the quote holds the reporter's own words (a connector such
    as "and" or a participle such as ", adding that" continues the previous speaker)."""
    rest = left.strip(_MARKS)
    if not rest or participle:
        return False
    words = rest.split()
    if all(w.lower() in rules.clause_openers for w in words):
        return False
    # A short fronted phrase ("As a parent, "...") leads into the speaker's next words.
    fronted = words[0].lower() in rules.clause_openers or words[0].lower() in rules.prepositions
    short = len(words) <= FRONTED_WORDS and left.rstrip().endswith(",")
    return not (fronted and short and rules.cue.search(rest) is None)


def _is_partial(words: list[str], text: str, left: str, title: bool, rules: QuoteRules) -> bool:
    """A fragment quoted inside the reporter's sentence, a title, or a quote under four words
    (``words``: the quote's whitespace-separated words; ``title``: whether they are a title)."""
    if len(words) < MIN_FULL_WORDS or title:
        return True
    if not text[:1].islower():
        return False
    before = left.rstrip()
    if before.endswith(","):
        return not _speech_comma(before, rules)
    # The reporter's words run into the quote, whatever ends it: 'called the plan "a recipe
    # for disaster."' is a fragment with its full stop inside the marks.
    return bool(before) and not before.endswith(":") and before[-1:] not in "—–-"


_THAT = re.compile(r"\bthat\b")


def _speech_comma(before: str, rules: QuoteRules) -> bool:
    """Whether a comma before a quote introduces it as speech: a speech verb or a source
    ("according to X,") comes before it and no "that" after the verb ('He confided to his
    journal, "the book ..."'), not a
    reporter's clause the quote completes ('workers, like those at Ford, "will return ..."',
    'Soter said that in the lead-up, "there were nights ..."')."""
    cues = list(rules.cue.finditer(before)) or list(rules.prefix_cue.finditer(before))
    return bool(cues) and _THAT.search(before, cues[-1].end()) is None


def _resolve(
    found: list[_Found], paragraphs: list[str], mentions: list[Mention], rules: QuoteRules
) -> None:
    """Pronouns take the nearest earlier named speaker or introduced person ("it": the thing
    that last spoke or was named); unattributed continuing quotes take the nearest earlier
    named speaker."""
    last_named: _Found | None = None
    last_role: _Found | None = None  # the last role phrase no name in the article carries
    described: dict[str, str] = {}  # descriptions ("the expert") resolved so far
    spoken: list[tuple[int, str]] = []  # (paragraph, speaker) of the quotes attributed so far
    for f in found:
        a = f.attribution
        if a is not None and a.speaker.lower() in rules.neuter_pronouns:
            thing = neuter_antecedent(spoken, paragraphs, _position(f), rules)
            f.attribution = a = Attribution(thing, a.cue) if thing else None
        if a is not None and a.speaker.lower() == "one":  # "One, who asked not to be named"
            member = group_member(a.speaker, paragraphs, _position(f))
            f.attribution = a = Attribution(member, a.cue) if member else None
        if a is not None and a.speaker.lower() in ORDINAL_ANAPHORS:  # "the latter said"
            person = former_or_latter(a.speaker, paragraphs, _position(f), rules)
            f.attribution = a = Attribution(person, a.cue) if person else None
        if a is not None and a.speaker.lower() in ELLIPTICAL:
            head = _elided_head(paragraphs, _position(f))
            if head:  # "One listener ..., while another calls him": "another listener"
                f.attribution = a = Attribution(f"{a.speaker} {head}", a.cue)
        if a is not None and is_description(a.speaker, rules):
            # "says the mother of four": the person just introduced, when there is one; the
            # same description later stands for the same person ("the expert explains")
            phrase = a.speaker.lower()
            introduced = introduced_person(a.speaker, paragraphs, _position(f), rules)
            introduced = introduced or described.get(phrase)
            introduced = introduced or _last_speaker(
                a.speaker, spoken, paragraphs, f.span.paragraph, rules
            )
            if introduced:
                described[phrase] = introduced
                f.attribution = a = Attribution(introduced, a.cue)
        if a is not None and not _is_anaphor(a.speaker, f, mentions, rules, paragraphs):
            owner = described_person(a.speaker, paragraphs, _position(f), rules)
            if owner:
                f.attribution = a = Attribution(owner, a.cue)
            last_named = f
        elif a is not None:  # a pronoun or bare role: keep the cue, name the person
            pronoun = _is_pronoun(a.speaker, rules)
            name = plural_antecedent(a.speaker, spoken, f.span.paragraph)
            name = name or _group_before(a.speaker, paragraphs, _position(f), rules)
            name = name or _nearest_person(paragraphs, last_named, f, rules, pronoun)
            if name and not pronoun and _holds_other_role(name, a.speaker, paragraphs, rules):
                name = None  # "Maria Lopez, a lawyer" is not "the judge": the phrase stays
            if (
                name
                and not pronoun
                and rules.nouns_capitalised
                and not _known_person(name, paragraphs, rules)
            ):
                name = None  # "der Sprecher" is not the capitalised noun before it ("Untersuchung")
            if name is None and pronoun:
                name = _nearby_mention(paragraphs, f, rules)
                name = name or next_person(paragraphs, f.span.paragraph, rules)
            if name and pronoun and disagrees(name, a.speaker, tuple(paragraphs), rules):
                name = (
                    agreeing_speaker(a.speaker, spoken, f.span.paragraph, paragraphs, rules)
                    or _agreeing_mention(paragraphs, f, a.speaker, rules)
                    or None  # "she" is not the man the article named last: no one is sure
                )
            if name and a.speaker.lower() in PLURAL_PRONOUNS:
                name = couple(name, paragraphs, f.span.paragraph) or name  # "Mark and Lisa Brown"
            role = last_role.attribution.speaker if last_role and last_role.attribution else ""
            if name is None and pronoun and role and not _names_document(role, rules):
                name = role  # "the King" said ... "he said"; not "the statement read"
            if name:
                f.attribution = Attribution(name, a.cue)
                last_named = f
            elif not pronoun:
                last_role = f  # "the King", named nowhere: a later pronoun may stand for it
        elif (
            last_named is not None
            and last_named.attribution
            and _continues(last_named, f, paragraphs, rules)
        ):
            f.attribution = Attribution(last_named.attribution.speaker, "")
            f.cued = last_named.cued
            last_named = f
        if f.attribution is not None:
            spoken.append((f.span.paragraph, f.attribution.speaker))
    _attribute_back(found)


def _names_document(phrase: str, rules: QuoteRules) -> bool:
    """'the statement', 'a leaked memo': a phrase whose head names a document, which no "he"
    or "she" stands for."""
    words = phrase.split()
    return bool(words) and words[-1].strip(_MARKS).lower() in rules.document_words


def _last_speaker(
    description: str,
    spoken: list[tuple[int, str]],
    paragraphs: list[str],
    paragraph: int,
    rules: QuoteRules,
) -> str | None:
    """'Abby said: "..."' and then 'The expert said: "..."': a description opening a new
    paragraph with nobody new introduced before it goes on with the person who spoke in the
    paragraph before, when that person was named (a name, not an organisation) and the
    article never brought in an unnamed one with the description's noun ("A source ...")."""
    if not spoken:
        return None
    where, name = spoken[-1]
    words = name.split()
    if paragraph - where != 1 or not words or not all(w[:1].isupper() for w in words):
        return None
    noun = description.split()[-1].lower()
    if any(indefinite_before(text, noun) for text in paragraphs[: paragraph + 1]):
        return None
    if any(w.lower() in rules.not_name_words for w in words) or _is_pronoun(name, rules):
        return None
    return name


def _group_before(
    pronoun: str, paragraphs: list[str], at: tuple[int, int], rules: QuoteRules
) -> str | None:
    """'Her neighbours disagree. They said: ...': the group the sentence before the pronoun's
    opens with (in its paragraph, else the last of the paragraph before); sentences that open
    with the same pronoun go on with the group before them ("Heath and the other vets wrote
    to the county. They urged it to act. ... they wrote")."""
    if pronoun.lower() not in PLURAL_PRONOUNS:
        return None
    text = paragraphs[at[0]][: at[1]].rstrip(" “\"‘'")
    sentences = [s for s in SENTENCE_BOUNDARY.split(text) if s.strip()]
    if text.rstrip()[-1:] in ".!?…":
        sentences.append("")  # the quote opens its sentence: "“…,” they wrote"
    if len(sentences) < 2 and at[0]:
        sentences = [*SENTENCE_BOUNDARY.split(paragraphs[at[0] - 1]), ""]
    # the sentences before the pronoun's own, nearest first: "…, the authors argued, beads
    # showed promise. “…,” they wrote" gives the group that spoke
    for sentence in reversed(sentences[-1 - GROUP_SENTENCES : -1]):
        group = group_subject(sentence, rules) or speaking_group(sentence, rules)
        if group or sentence.split()[:1] != [pronoun.capitalize()]:
            return group
    return None


#: How many sentences back a plural pronoun's group may open one ("They ... They ...").
GROUP_SENTENCES = 3


#: Determiners that stand for a noun phrase whose head they leave out ("another calls him").
ELLIPTICAL = frozenset({"another", "the other", "a second"})
_ONE_NOUN = re.compile(r"\b[Oo]ne\s+([a-z][a-z-]+)[\s,]")


def _elided_head(paragraphs: list[str], at: tuple[int, int]) -> str | None:
    """The noun of the last "One listener" before the quote, in its paragraph or the one
    before ("One neighbour said: ..." then "Another added: ...")."""
    texts = [paragraphs[at[0]][: at[1]]] + ([paragraphs[at[0] - 1]] if at[0] else [])
    for text in texts:
        nouns = [m.group(1) for m in _ONE_NOUN.finditer(text)]
        if nouns:
            return nouns[-1]
    return None


def _attribute_back(found: list[_Found]) -> None:
    """'"We have ..." inside the country "that are ...", too, says Rhoads': a quote whose
    sentence goes on into another quote takes the speaker that quote's cue names."""
    for f, after in reversed(list(pairwise(found))):
        if f.attribution is not None or after.attribution is None or not after.joined:
            continue
        if after.span.paragraph == f.span.last_paragraph and after.attribution.cue:
            f.attribution = after.attribution


def _known_person(name: str, paragraphs: list[str], rules: QuoteRules) -> bool:
    """Whether ``name`` is, or ends with the surname of, a full name the article gives."""
    last = name.split()[-1].lower()
    found = name_mentions(paragraphs, rules, frozenset({last}))
    return any(m.words[-1] == last for m in found)


def _nearby_mention(paragraphs: list[str], f: _Found, rules: QuoteRules) -> str | None:
    """The last full name shortly before the quote (for a pronoun with no named speaker yet)."""
    here = _position(f)
    first = max(0, here[0] - MENTION_PARAGRAPHS)
    nearby = name_mentions(paragraphs[first : here[0] + 1], rules, first_index=first)
    earlier = [m for m in nearby if (m.paragraph, m.offset) < here]
    return earlier[-1].name if earlier else None


def _agreeing_mention(
    paragraphs: list[str], f: _Found, pronoun: str, rules: QuoteRules
) -> str | None:
    """The last full name shortly before the quote whose gender is the pronoun's, or a name
    the article marks with it right there ("his wife Mary", "Mr Khan")."""
    here = _position(f)
    first = max(0, here[0] - MENTION_PARAGRAPHS)
    nearby = name_mentions(paragraphs[first : here[0] + 1], rules, first_index=first)
    named = [((m.paragraph, m.offset), m.name) for m in nearby]
    for index in range(first, here[0] + 1):
        named += [((index, at), name) for at, name in marked_names(paragraphs[index], rules)]
    earlier = [name for at, name in sorted(named) if at < here]
    return agreeing_mention(pronoun, earlier, tuple(paragraphs), rules)


def _is_anaphor(
    speaker: str, f: _Found, mentions: list[Mention], rules: QuoteRules, paragraphs: list[str]
) -> bool:
    """A pronoun, or a role ("the government spokesman") no name in the article carries."""
    words = _role_words(speaker.lower().split(), rules)
    if _is_pronoun(speaker, rules):  # 'His remarks that'
        return True
    if not words or len(words) > 4 or words[0] not in rules.definite_articles:
        return False
    if words[-1] not in rules.titles:
        return False
    return fullest_name(speaker, *_position(f), mentions, rules, paragraphs=paragraphs) == speaker


def _role_words(words: list[str], rules: QuoteRules) -> list[str]:
    """A role phrase without its genitive complement ("der Interimscoach der Meidericher"):
    cut at an article that is also a preposition (German "der", "des"; none in English)."""
    for i in range(2, len(words)):
        if words[i] in rules.determiners and words[i] in rules.prepositions:
            return words[:i]
    return words


def _is_pronoun(speaker: str, rules: QuoteRules) -> bool:
    lowered = speaker.lower()
    return lowered in rules.pronouns or lowered in rules.possessive_pronouns


def _nearest_person(
    paragraphs: list[str],
    named: _Found | None,
    current: _Found,
    rules: QuoteRules,
    pronoun: bool = False,
) -> str | None:
    """The person introduced after the last named speaker's quote, else that speaker."""
    here = current.span.paragraph
    since = named.span.paragraph if named else 0
    weak: str | None = None  # the last person named only as an object
    for index in range(here, max(since, here - MENTION_PARAGRAPHS) - 1, -1):
        text = paragraphs[index]
        stop = current.span.open_at if index == here else len(text)
        begin = named.span.close_at if named and index == named.span.last_paragraph else 0
        stretch = text if (begin, stop) == (0, len(text)) else text[begin:stop]
        # only the stretch between the two quotes (often just ", he said. ")
        mentions = person_mentions(stretch, rules) if begin < stop else []
        if begin < stop and stretch != stretch.lower():
            mentions = sorted(
                mentions
                + surname_subjects(stretch, paragraphs, rules)
                + _inverted_people(stretch, paragraphs, rules)
            )
        if not mentions and index == here and begin < stop and pronoun:
            # "Critics turned on Ana Ruiz after she said": a full name earlier in the sentence
            mentions = names_before_pronoun(last_sentence(stretch, rules), rules)
        if mentions and pronoun:
            # Salience: a person who became a sentence's subject takes over; one named only
            # as an object ("asked if she would say this to Trump") leaves the speaker be.
            # In the pronoun's own sentence an object is its antecedent all the same ("Critics
            # turned on Ana Ruiz after she said").
            own = len(stretch) - len(last_sentence(stretch, rules)) if index == here else stop
            subjects = [
                m for m in mentions if m[0] >= own or subject_position(stretch, m[0], m[1], rules)
            ]
            if subjects:
                return subjects[-1][1]
            weak = weak or mentions[-1][1]
        elif mentions:
            return mentions[-1][1]
    if named and named.attribution:
        if pronoun and _names_document(named.attribution.speaker, rules):
            return weak  # "“…,” the statement read. … “…,” he said": not the statement
        return named.attribution.speaker
    return weak


def _inverted_people(text: str, paragraphs: list[str], rules: QuoteRules) -> list[tuple[int, str]]:
    """Speakers of inverted cues ("..., says McLaughlin."): a full name, or a word the article
    also gives with a first name (so "said Kyiv," is no person)."""
    return [
        (at, name)
        for at, name in inverted_speakers(text, rules)
        if " " in name or known_surname(name, tuple(paragraphs), rules)
    ]


#: Roles that are a task, not an office: any office holder may be "the government spokesman"
#: (a minister introduced as such speaks for the government).
SPEAKING_ROLES = frozenset({"spokesman", "spokeswoman", "spokesperson"})


def _holds_other_role(name: str, role: str, paragraphs: list[str], rules: QuoteRules) -> bool:
    """Whether the article introduced ``name`` with roles, none of them the head of ``role``
    ("the judge" after "Maria Lopez, a lawyer"): that role then stands for someone unnamed."""
    head = role.lower().split()[-1]
    if head in SPEAKING_ROLES:
        return False
    wanted = {head, rules.role_synonyms.get(head, head)}
    surname = frozenset(name.lower().split()[-1:])
    held = {r for m in name_mentions(paragraphs, rules, surname) if m.name == name for r in m.roles}
    held -= rules.honorifics  # "Sir Keir Starmer" holds no office by his "Sir"
    if _loose_leader(role, rules) and held & rules.leader_titles:
        return False  # "The French premier" after "President Emmanuel Macron"
    return bool(held) and not ({rules.role_synonyms.get(r, r) for r in held} | held) & wanted


def _loose_leader(role: str, rules: QuoteRules) -> bool:
    """'the Israeli leader', 'The French premier': a head-of-government title after a
    capitalised word of place, which news uses loosely for any of those offices."""
    words = role.split()
    return (
        len(words) == 3
        and words[0].lower() == "the"
        and words[1][:1].isupper()
        and words[2].lower() in rules.leader_titles
    )


def _position(f: _Found) -> tuple[int, int]:
    return f.span.paragraph, f.span.open_at


def _continues(previous: _Found, current: _Found, paragraphs: list[str], rules: QuoteRules) -> bool:
    gap = current.span.paragraph - previous.span.last_paragraph
    if current.sentence_after is not None and previous.span.close_at == current.sentence_after:
        return gap == 0  # a fragment of the sentence the previous quote is in
    if current.joined:
        return gap == 0
    if current.partial and _unowned_fragment(previous, current, paragraphs, rules):
        return True
    if not (current.continuing and not current.partial) or gap < 0:
        return False
    if gap <= INHERIT_PARAGRAPHS:
        return True
    # Further back only when nobody new acts in between ("What would he change?" ... "Why?")
    between = paragraphs[previous.span.last_paragraph + 1 : current.span.paragraph]
    return gap <= INHERIT_QUIET_PARAGRAPHS and not any(person_mentions(t, rules) for t in between)


def _unowned_fragment(
    previous: _Found, current: _Found, paragraphs: list[str], rules: QuoteRules
) -> bool:
    """'However, ... vaccination gaps “will keep our region at risk.”': a fragment that is its
    sentence's predicate (it opens with one of ``predicate_openers``) and has no speaker of
    its own, in the paragraph of the last quote a cue attributed or the next one, with nobody
    named before it there, goes on with that quote's speaker."""
    if current.title or current.named or not previous.cued:
        return False  # the last quote's own source was only its sentence's subject
    opener = current.text.split()[0].lower() if current.text.split() else ""
    if opener not in rules.predicate_openers:
        return False  # 'found the doors shut and “closed until further notice”': a sign
    gap = current.span.paragraph - previous.span.last_paragraph
    start = previous.span.close_at if gap == 0 else 0
    before = paragraphs[current.span.paragraph][start : current.span.open_at]
    return gap in (0, 1) and not person_mentions(before, rules)


def _to_quotes(
    f: _Found, paragraphs: list[str], pronouns: frozenset[str] = frozenset()
) -> list[Quote]:
    """One ``Quote`` per paragraph piece; pieces after the first are never partial. A pronoun
    left without an antecedent (one of ``pronouns``) names no one: the speaker is None."""
    speaker = f.attribution.speaker if f.attribution else None
    if speaker is not None and speaker.lower() in pronouns:
        speaker = None
    cue = f.attribution.cue if f.attribution and f.attribution.cue else None
    return [
        Quote(paragraphs[p][a:b], speaker, cue, p, a, b, f.partial and n == 0)
        for n, (p, a, b) in enumerate(f.span.pieces)
    ]
