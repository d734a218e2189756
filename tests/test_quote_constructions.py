"""Reporting constructions of English news prose, one per test, on invented sentences: each
test names the construction and the speaker a careful reader gives the quotation."""

from __future__ import annotations

from scraper.extract.quotes import find_quotes


def speakers(paragraphs: list[str]) -> list[str | None]:
    return [q.speaker for q in find_quotes(paragraphs)]


def test_quote_ending_in_a_nested_quote_continues_the_speaker() -> None:
    # The full stop hides behind the inner closing mark ('... to do.'"), and the reporter's
    # next sentence does not attribute the quote: it continues the previous paragraph's.
    paragraphs = [
        'Maria Lopez described her first weeks at the firm. "He taught me everything," she said.',
        "\"He would tell the new staff, 'this is how it is done'. He would say: 'Follow me.'\" "
        "The firm later closed its office in the city and moved to the coast.",
    ]
    assert speakers(paragraphs) == ["Maria Lopez", "Maria Lopez"]


def test_an_organisation_anaphor_takes_the_source_a_sentence_opened_with() -> None:
    # "According to X, ..." reports what X said: "the department" then stands for X.
    paragraphs = [
        "According to Harbour Cogta, the province strengthened its early warning system.",
        "“The plan has introduced a uniform response system across all towns,” the department "
        "detailed.",
    ]
    assert speakers(paragraphs) == ["Harbour Cogta"]


def test_a_coordinated_subject_stops_at_an_irregular_past_tense() -> None:
    # "the majority leader went ... and grumbled": "went" is the subject's first verb.
    paragraphs = [
        "Majority Leader Tom Baxter blocked the speech of Senator Ruth Orme on Tuesday.",
        "Red in the face, the majority leader went to the floor and grumbled in his scolding "
        "tone, “Senator Orme was giving a lengthy speech. She was warned.”",
    ]
    assert speakers(paragraphs) == ["Tom Baxter"]
