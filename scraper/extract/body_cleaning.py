"""Cleaning of the generic body's paragraphs once read: boilerplate lines dropped
(``boilerplate_lines``), an author bio or a reader appeal closing the body, pull quotes.
"""

from __future__ import annotations

import re

from scraper.extract.boilerplate_lines import is_boilerplate_paragraph

#: Words naming a writer's trade in an author bio.
_WRITER_TRADES = (
    r"reporter|correspondent|writer|editor|journalist|researcher|professor|columnist"
    r"|contributor|producer|analyst|fellow|lecturer|redakteur(?:in)?|korrespondent(?:in)?"
    r"|autor(?:in)?|journalistin"
)
_NAME = r"[A-ZÄÖÜ][\w'’.-]+(?: [A-ZÄÖÜ][\w'’.-]+){1,3}"
#: An author bio or contact line after the article ("Jane Roe is a senior reporter at ...",
#: "Korrespondent Max Muster ist bei ...", "• Jane Roe can be reached at ..."): matched
#: case-sensitively, and only at the end of the body, where a sentence about a person
#: introduces no one the article goes on to quote.
AUTHOR_BIO = re.compile(
    rf"{_NAME} (?:is|was|ist|war)(?: (?:a|an|the|ein|eine))? (?:[\w-]+ ){{0,5}}"
    rf"(?:{_WRITER_TRADES})\b"
    rf"|{_NAME} (?:writes|reports) (?:about|on|for)\b"
    rf"|(?:Korrespondent(?:in)?|Redakteur(?:in)?|Autor(?:in)?) {_NAME} (?:ist|schreibt|berichtet)\b"
    r"|Zur Person$"
    # The writer's address ("• Jane Roe can be reached at jroe@example.com."): set off by a
    # bullet, or a name and an e-mail address and nothing else.
    rf"|•\s*.{{1,60}}\bcan be reached at\b|{_NAME} can be reached at \S+@\S+$"
)
#: How many paragraphs at the end of the body are checked for an author bio.
BIO_TAIL = 2
#: A closing appeal without a class hint: the reader is asked to join or pay ("Dann machen Sie
#: mit und unterstützen Sie unsere Aktion", "please support our journalism") and the paragraph
#: names what is paid for (journalism, a subscription, a donation). Both must occur, and only
#: near the end of the body, where an article quoting such an appeal seldom stops.
APPEAL_ASKS = (
    r"unterstützen sie",
    r"machen sie mit",
    r"spenden sie",
    r"werden sie (?:mitglied|abonnent(?:in)?|unterstützer(?:in)?)",
    r"support (?:us|our work|our journalism|independent)",
    r"please (?:support|donate|subscribe)",
    r"donate (?:now|today)",
    r"become a (?:member|subscriber|supporter)",
)
APPEAL_OBJECTS = (
    r"journalis",
    r"abo\b",
    r"abonnement",
    r"subscription",
    r"membership",
    r"mitgliedschaft",
    r"spende",
    r"donation",
    r"einnahmen",
)
_APPEAL_ASK = re.compile(r"\b(?:" + "|".join(APPEAL_ASKS) + r")\b", re.IGNORECASE)
_APPEAL_OBJECT = re.compile(r"\b(?:" + "|".join(APPEAL_OBJECTS) + ")", re.IGNORECASE)
#: How many paragraphs at the end of the body are checked for a closing appeal.
APPEAL_TAIL = 2
#: The appeal box's own title before it ("Links lesen, Rechts bekämpfen"): this short, with no
#: sentence punctuation at its end.
APPEAL_TITLE_CHARS = 80
#: A notice to the reader about their account rather than the article ("Vous pouvez lire Le
#: Monde sur un seul appareil à la fois", "Your subscription does not allow ..."): the page
#: shows it in a box, in place of the article, to some readers only. Read after the article,
#: such a box (with its questions and answers) runs to the end of the body.
READER_NOTICES = (
    r"vous (?:ne )?pouvez (?:lire|consulter)\b.{0,60}\bsur un seul appareil",
    r"lecture d.{0,60}\ben cours sur un autre appareil",
    r"votre abonnement n[’']autorise pas\b",
    r"you can (?:only )?read\b.{0,60}\bon (?:one|a single) device",
    r"your subscription does not (?:allow|include)\b",
)
_READER_NOTICE = re.compile("|".join(READER_NOTICES), re.IGNORECASE)


def clean_paragraphs(paragraphs: list[str], language: str | None = None) -> list[str]:
    """Drop generic boilerplate paragraphs (appeals, newsletter sign-ups, "Read also:", share
    prompts), a reader notice after the article, and an author bio closing the body.

    ``language`` is accepted for future per-language tables; the patterns cover several languages.
    """
    kept = [p for p in paragraphs if p and not is_boilerplate_paragraph(p)]
    kept = _without_reader_notice(kept)
    tail = len(kept) - BIO_TAIL
    kept = [p for index, p in enumerate(kept) if index < tail or not AUTHOR_BIO.match(p)]
    return _without_closing_appeal(kept)


#: A pull quote repeats at least this much of a paragraph (characters): a shorter repeat is a
#: phrase or a slogan the text may well quote twice.
PULL_QUOTE_MIN_CHARS = 50
#: How many paragraphs before and after a pull quote the paragraph it repeats may sit.
PULL_QUOTE_REACH = 15


def without_pull_quotes(paragraphs: list[str]) -> list[str]:
    """The paragraphs without pull quotes: a passage set apart in large type that repeats part
    of a nearby, longer paragraph. The first paragraph is never one (a standfirst that
    sums up the article may repeat a sentence of it, and readers of the page see both).

    For the generic path only: a site config chooses its own body elements and strips what
    it does not want, pull quotes included."""
    kept = paragraphs[:1]
    for index in range(1, len(paragraphs)):
        text = paragraphs[index]
        if len(text) >= PULL_QUOTE_MIN_CHARS and _repeats_neighbour(paragraphs, index):
            continue
        kept.append(text)
    return kept


def _repeats_neighbour(paragraphs: list[str], index: int) -> bool:
    """Whether paragraph ``index`` repeats part of one nearby paragraph. A paragraph holding
    several of the others is a block of the page read twice (a teaser box, a whole-text
    wrapper), not their source: the others are the text."""
    text = paragraphs[index]
    nearby = paragraphs[max(0, index - PULL_QUOTE_REACH) : index + PULL_QUOTE_REACH + 1]
    for other in nearby:
        if len(other) > len(text) and text in other:
            return not any(
                len(third) >= PULL_QUOTE_MIN_CHARS and third != text and third in other
                for third in nearby
                if third is not other
            )
    return False


def _is_appeal(text: str) -> bool:
    return _APPEAL_ASK.search(text) is not None and _APPEAL_OBJECT.search(text) is not None


def _without_closing_appeal(paragraphs: list[str]) -> list[str]:
    """The paragraphs without an appeal among the last ``APPEAL_TAIL`` (with what follows it)
    and the short title just before it."""
    start = max(1, len(paragraphs) - APPEAL_TAIL)  # never the whole body
    for index in range(start, len(paragraphs)):
        if _is_appeal(paragraphs[index]):
            title = paragraphs[index - 1]
            if len(title) <= APPEAL_TITLE_CHARS and title.rstrip()[-1:] not in '.!?:"”“»«)':
                index -= 1
            return paragraphs[:index] if index > 0 else paragraphs
    return paragraphs


def _without_reader_notice(paragraphs: list[str]) -> list[str]:
    """The paragraphs before the first reader notice (``READER_NOTICES``) that follows more
    text than comes after it: the notice box and what the page set after it go, an article
    that merely opens with such a line stays whole."""
    for index in range(1, len(paragraphs)):
        if _READER_NOTICE.match(paragraphs[index]):
            before = sum(map(len, paragraphs[:index]))
            if before > sum(map(len, paragraphs[index:])):
                return paragraphs[:index]
    return paragraphs
