"""Speaker phrases (``quote_phrases.py`` and the name-building of ``quote_speakers.py``) on
invented sentences: the shapes of names from many languages next to a cue, kept whole, and
the words around them (roles, asides, places) left out."""

from __future__ import annotations

import pytest

from scraper.extract.quote_phrases import is_capital, name_word
from scraper.extract.quotes import find_quotes

QUOTE = "“We will not stop now,”"


def speaker(paragraph: str) -> str | None:
    quotes = find_quotes([paragraph], "en")
    assert len(quotes) == 1
    return quotes[0].speaker


#: Names whose shape a speaker phrase must keep: particles, apostrophes, hyphens, initials,
#: capitals inside a word, non-English letters.
NAMES = [
    "Ursula von der Leyen",
    "Sean O’Brien",
    "Mary McAleese",
    "Jean-Claude Juncker",
    "Lee Jae-myung",
    "José María Aznar",
    "Łukasz Wiśniewski",
    "Ngozi Okonjo-Iweala",
    "Mohammed bin Salman",
    "DeAndre Jordan",
    "Abu Bakr al-Baghdadi",
    "Jean d’Ormesson",
    "George W. Bush",
    "J.K. Rowling",
    "Ngũgĩ wa Thiong’o",
]

#: Constructions around a name: a role before it, a place or body after it, an aside.
FRAMES = [
    QUOTE + " said {name}.",
    QUOTE + " {name} said.",
    "{name} said: “We will not stop now.”",
    QUOTE + " said Labour MP {name}.",
    QUOTE + " said former prime minister {name}.",
    QUOTE + " said Ukraine’s foreign minister {name}.",
    QUOTE + " said the foreign minister, {name}.",
    QUOTE + " said Dr. {name} of the University of Leeds.",
    QUOTE + " said {name} from the University of Leeds.",
    QUOTE + " {name} (pictured) said.",
    QUOTE + " {name}, 54, told reporters.",
    "Acme chief executive {name} said: “We will not stop now.”",
    "On Tuesday {name} said: “We will not stop now.”",
]


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("name", NAMES)
def test_a_name_next_to_its_cue_is_kept_whole_without_its_role(name: str, frame: str) -> None:
    assert speaker(frame.format(name=name)) == name


def test_a_lower_case_prefix_joined_to_a_capital_is_a_name_word() -> None:
    # "al-Baghdadi", "d’Ormesson": the article or patronymic is part of the name
    assert is_capital("al-Baghdadi") and is_capital("d’Ormesson") and is_capital("el-Sisi")


def test_a_lower_case_hyphenated_word_is_no_name_word() -> None:
    # "co-founder", "e-mail", "ex-wife": the part after the hyphen is lower case
    assert not any(is_capital(w) for w in ["co-founder", "e-mail", "ex-wife", "al-"])


def test_a_role_with_a_hyphen_is_still_dropped_from_the_name() -> None:
    assert speaker(QUOTE + " said co-founder Ann Lee.") == "Ann Lee"


def test_an_initial_keeps_its_full_stop() -> None:
    assert name_word("W.") == "W." and name_word("J.K.,") == "J.K."


def test_a_surname_ending_the_sentence_loses_its_full_stop() -> None:
    assert name_word("Bush.") == "Bush" and name_word("“Lee,") == "Lee"
    assert speaker(QUOTE + " said George Bush.") == "George Bush"


def test_a_parenthesis_inside_the_subject_still_rejects_it() -> None:
    # only an aside right before the verb is skipped; one further in is no subject's
    assert speaker(QUOTE + " (she paused) the minister of the interior said.") is None


def test_a_description_with_lower_case_words_after_its_comma_keeps_the_description() -> None:
    # ", in Brussels." is a place, not the name the description stands for
    assert speaker(QUOTE + " said the foreign minister, in Brussels.") == "the foreign minister"


def test_a_description_owned_by_a_name_gives_the_name_after_its_comma() -> None:
    # "Jane Doe’s husband, Tom Reed": the description stands for the name after it
    assert speaker(QUOTE + " said Jane Doe’s husband, Tom Reed.") == "Tom Reed"


def test_a_description_owned_by_a_name_keeps_itself_before_a_place() -> None:
    assert speaker(QUOTE + " said Jane Doe’s husband, in Leeds.") == "Jane Doe’s husband"


@pytest.mark.parametrize(
    "paragraph",
    [
        QUOTE + " said Jane Doe Tuesday.",
        QUOTE + " Jane Doe said Wednesday night.",
        QUOTE + " said Jane Doe Wednesday night.",
        QUOTE + " said Jane Doe Thursday in a statement.",
        QUOTE + " said Jane Doe earlier this month.",
        "Jane Doe last week told Reuters: “We will not stop now.”",
        "Jane Doe Tuesday said: “We will not stop now.”",
    ],
)
def test_a_time_expression_after_the_name_is_no_part_of_it(paragraph: str) -> None:
    assert speaker(paragraph) == "Jane Doe"


def test_a_capitalised_time_word_that_may_be_a_surname_stays() -> None:
    # "Night" is a time word, but capitalised and no name word ("Tuesday" is): a surname
    assert speaker(QUOTE + " said Jane Night.") == "Jane Night"


def test_a_time_word_before_a_noun_stays_in_the_phrase() -> None:
    assert speaker(QUOTE + " said the night manager.") == "the night manager"
