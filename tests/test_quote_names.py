"""Speaker name forms: first names, employers before a name, descriptions, misspelt surnames,
possessive and appositive attributions, joint speakers (``scraper.extract.quote_names``,
``quote_mentions`` and their callers in ``scraper.extract.quotes``). Every sentence here is made up."""

from __future__ import annotations

import pytest

from scraper.extract.quote_agreement import group_subject
from scraper.extract.quote_mentions import name_mentions, place_words
from scraper.extract.quote_names import (
    acronym_name,
    edit_distance,
    misspelt_name,
    without_letters,
)
from scraper.extract.quote_phrases import joint_names
from scraper.extract.quote_rules import rules_for
from scraper.extract.quote_speakers import names_owned
from scraper.extract.quotes import find_quotes

RULES = rules_for("en")


def speakers(paragraphs: list[str]) -> list[str | None]:
    return [q.speaker for q in find_quotes(paragraphs)]


def test_first_name_takes_a_full_name_whose_surname_is_a_title_word() -> None:
    paragraphs = [
        "Travel agent Nora Bishop, who runs a shop in Leeds, has shared her advice.",
        "Nora explained: “Book your flights on a Tuesday and you will pay far less.”",
    ]
    assert speakers(paragraphs) == ["Nora Bishop"]


def test_a_title_word_after_a_name_is_no_surname_without_a_first_name_reference() -> None:
    # "Health Secretary" is two capitalised words ending in a title: no person, as before
    paragraphs = ["The Health Secretary visited Leeds on Monday with officials."]
    assert not [m for m in name_mentions(paragraphs, RULES) if m.name == "Health Secretary"]


def test_first_name_after_a_role_at_an_employer() -> None:
    paragraphs = [
        "Sales Director at Harbour Bank Ines Corvo, who joined in 2019, gave her tips.",
        "Ines said: “Compare the fees before you sign anything at all.”",
    ]
    assert speakers(paragraphs) == ["Ines Corvo"]


def test_employer_words_are_skipped_only_after_a_title_and_a_preposition() -> None:
    before = ["our", "Sales", "Manager", "at"]
    assert place_words(before, ["Ocean", "Crest", "Ann", "Lee"], RULES) == 2
    assert place_words(["She", "arrived", "at"], ["Ocean", "Crest", "Ann", "Lee"], RULES) == 0
    # an organisation whose last words hold an organisation word has no holder named
    assert place_words(["a", "spokesperson", "for"], ["West", "Dale", "Police"], RULES) == 0


def test_description_in_the_next_paragraph_goes_on_with_the_last_named_speaker() -> None:
    paragraphs = [
        "Mina Holt, a gardener from Ely, has grown tomatoes for twenty years.",
        "Mina said: “Water them in the morning and never in the heat of the day.”",
        "The expert added: “A little shade in August keeps the leaves from burning.”",
    ]
    assert speakers(paragraphs) == ["Mina Holt", "Mina Holt"]


def test_description_of_an_unnamed_source_brought_in_before_stays_as_written() -> None:
    paragraphs = [
        "Mayor Tom Reid met the unions. A source close to the talks called it cordial.",
        "“We are close to an agreement on the budget,” he said.",
        "The source said: “Nobody has signed anything yet, whatever they say.”",
    ]
    assert speakers(paragraphs)[-1] == "The source"


def test_description_two_paragraphs_after_the_last_speaker_is_not_that_speaker() -> None:
    paragraphs = [
        "Mayor Tom Reid said: “We are close to an agreement on the budget.”",
        "The council meets again on Friday.",
        "The woman said: “Nobody asked us about the new road at all.”",
    ]
    assert speakers(paragraphs)[-1] != "Tom Reid"


def test_edit_distance_stops_past_its_limit() -> None:
    assert edit_distance("houser", "hauser", 2) == 1
    assert edit_distance("jensen", "janzen", 2) == 2
    assert edit_distance("jensen", "johnson", 2) == 3  # past the limit: limit + 1
    assert edit_distance("lee", "leeson", 1) == 2


def test_misspelt_surname_is_the_person_the_article_introduced() -> None:
    paragraphs = [
        "“Rates will stay where they are until spring,” said Petra Kowalczyk, an analyst.",
        "Kowalcyk said: “The labour market is cooling faster than the bank expected.”",
    ]
    assert speakers(paragraphs) == ["Petra Kowalczyk", "Petra Kowalczyk"]


def test_surname_with_another_ending_is_not_respelt() -> None:
    paragraphs = [
        "“Rates will stay where they are until spring,” said Petra Kowalska, an analyst.",
        "Kowalski said: “The labour market is cooling faster than the bank expected.”",
    ]
    assert speakers(paragraphs) == ["Petra Kowalska", "Kowalski"]


def test_misspelling_is_not_guessed_between_two_close_surnames() -> None:
    paragraphs = [
        "Petra Kowalczak and Jan Kowalczuk both sit on the committee.",
        "Kowalczek said: “The labour market is cooling faster than the bank expected.”",
    ]
    assert speakers(paragraphs) == ["Kowalczek"]


def test_short_or_different_initial_surnames_are_not_respelt() -> None:
    assert misspelt_name("Cole", ["Ann Cale chairs the board."], RULES) is None
    assert misspelt_name("Hansen", ["Ida Jansen chairs the board."], RULES) is None
    assert misspelt_name("Hauser", ["Tom Houser chairs the board."], RULES) == "Tom Houser"


def test_possessive_owner_is_not_the_speaker_the_name_after_the_role_is() -> None:
    paragraphs = [
        "Later, Mara Quinn's lawyer Owen Pike disputed that, saying in a statement, “My client"
        " has answered every question put to her.”"
    ]
    assert speakers(paragraphs) == ["Owen Pike"]
    apposed = ["Mara Quinn's lawyer, Owen Pike, disagreed, saying: “My client has answered all.”"]
    assert speakers(apposed) == ["Owen Pike"]


def test_possessive_role_without_a_name_gives_no_speaker_rather_than_the_owner() -> None:
    paragraphs = [
        "Later, Mara Quinn's lawyer disputed that, saying in a statement, “My client has"
        " answered every question put to her.”"
    ]
    assert speakers(paragraphs) != ["Mara Quinn's"]
    assert speakers(paragraphs) != ["Mara Quinn"]


def test_names_owned_needs_a_capital_after_at_most_three_role_words() -> None:
    text = "Mara Quinn's long-time family lawyer Owen Pike"
    assert names_owned(text, len("Mara Quinn's"))
    assert not names_owned("Mara Quinn's lawyer disputed it", len("Mara Quinn's"))
    assert not names_owned("Mara Quinn's very old and trusted lawyer Owen Pike", 12)


def test_two_names_joined_by_and_are_both_the_speaker_with_their_fullest_names() -> None:
    paragraphs = [
        "The evening was hosted by Lena Marsh and Ruth Okafor from the radio station.",
        "Lena and Ruth said: “This is a night none of us will forget in a hurry.”",
    ]
    assert speakers(paragraphs) == ["Lena Marsh and Ruth Okafor"]


def test_joint_names_need_two_person_names() -> None:
    assert joint_names(["Lena", "and", "Ruth"], RULES) == "Lena and Ruth"
    assert joint_names(["Food", "and", "Drug", "Administration"], RULES) is None
    assert joint_names(["Smith,", "Lee", "and", "Reid"], RULES) is None  # a list
    assert joint_names(["the", "mayor", "and", "Reid"], RULES) is None
    assert joint_names(["Johnson", "and", "Johnson"], RULES) is None  # a company


def test_group_named_by_a_member_keeps_the_group_with_the_fullest_name() -> None:
    paragraphs = [
        "Nadia Velez, a veterinarian, wrote to the council in March.",
        "Velez and the other vets pointed to the new owners. They asked the council to act."
        " “We had high hopes that things would change, but they have not,” they wrote.",
    ]
    assert speakers(paragraphs) == ["Nadia Velez and the other vets"]


def test_group_subject_with_a_named_member() -> None:
    sentence = "Gallagher and his colleagues wrote to the bureau on Monday."
    assert group_subject(sentence, RULES) == "Gallagher and his colleagues"
    assert group_subject("Gallagher and Reid wrote to the bureau.", RULES) is None


def test_body_named_with_its_parent_is_named_up_to_the_repeated_head() -> None:
    paragraphs = [
        "The Ethics and Standards Committee of the State Bar Association asked a panel to look"
        " again. The committee said the claims were “serious enough to warrant a full hearing.”"
    ]
    assert speakers(paragraphs) == ["Ethics and Standards Committee"]


def test_organisation_with_of_and_a_place_stays_whole() -> None:
    paragraphs = [
        "The Bank of England raised rates again. The bank said that inflation was “still far"
        " too high for comfort.”"
    ]
    assert speakers(paragraphs) == ["Bank of England"]


def test_anaphor_takes_the_organisation_named_before_the_same_lower_case_head() -> None:
    paragraphs = [
        "Later, the Lake County Parks, Recreation, and Open Spaces office warned the owner."
        " The park “had been found in breach of its lease,” the office wrote."
    ]
    assert speakers(paragraphs) == ["Lake County Parks, Recreation, and Open Spaces office"]


def test_anaphor_without_such_a_name_stays_as_written() -> None:
    paragraphs = [
        "The owner was warned in May. The park “had been found in breach of its lease,”"
        " the office wrote."
    ]
    assert speakers(paragraphs) == ["the office"]


def test_one_word_subject_owning_with_its_is_the_organisation_of_a_later_anaphor() -> None:
    paragraphs = [
        "Corvana would not say how many of its members run at night. But the company"
        " reported that women are “far less likely than men to record a run after dark.”"
    ]
    assert speakers(paragraphs) == ["Corvana"]
    person = [
        "Ramirez would not say how many clerks he hired. But the company reported that"
        " women are “far less likely than men to record a run after dark.”"
    ]
    assert speakers(person) == ["the company"]


def test_apposition_with_an_abbreviated_place_keeps_the_name_before_it() -> None:
    paragraphs = [
        "“You will not see the harm until you deploy them at scale,” Ann Lee, an organizer at"
        " the Network, and a resident of St. Lawrence Island, in Alaska, told me."
    ]
    assert speakers(paragraphs) == ["Ann Lee"]


def test_first_name_after_a_capitalised_description_opening_the_sentence() -> None:
    paragraphs = [
        "Gardener Mina Holt has grown tomatoes for twenty years.",
        "Mina said: “Water them in the morning and never in the heat of the day.”",
    ]
    assert speakers(paragraphs) == ["Mina Holt"]


def test_middle_word_of_a_name_inside_a_sentence_is_that_person() -> None:
    paragraphs = [
        "“It was hard on all of us,” said Camille Etienne Gbedey, their mother.",
        "“We will carry on for the sake of the children,” Etienne said.",
    ]
    assert speakers(paragraphs) == ["Camille Etienne Gbedey"] * 2


def test_known_first_name_opening_a_sentence_is_no_description() -> None:
    paragraphs = [
        "Sarah Ann Holt has grown tomatoes for twenty years.",
        "Ann said: “Water them in the morning and never in the heat of the day.”",
    ]
    assert speakers(paragraphs) == ["Sarah Ann Holt"]


def test_middle_word_of_two_different_names_is_left_alone() -> None:
    paragraphs = [
        "She met Rosa Mina Holt and Tom Mina Reyes at the fair last year.",
        "Mina said: “Water them in the morning and never in the heat of the day.”",
    ]
    assert speakers(paragraphs) == ["Mina"]


def test_acronym_takes_the_reporters_form_not_one_spelled_out_in_a_quotation() -> None:
    paragraphs = [
        "The mayor said: “The United States Department of Agriculture (USDA) has failed us.”",
        "Inspectors from the U.S. Department of Agriculture visited the park twice.",
    ]
    assert acronym_name("The USDA", paragraphs) == "U.S. Department of Agriculture"
    quoted_only = ["He said: “The Centers for Disease Control and Prevention (CDC) knew.”"]
    assert acronym_name("the CDC", quoted_only) is None
    reporter = ["The Centers for Disease Control and Prevention (CDC) said so on Monday."]
    assert acronym_name("the CDC", reporter) == "Centers for Disease Control and Prevention"


def test_role_words_of_organisers_are_dropped_before_a_name() -> None:
    paragraphs = [
        "“We want to thank every donor for the supplies,” says Shelter Volunteer Coordinator"
        " Nia Brooks."
    ]
    assert speakers(paragraphs) == ["Nia Brooks"]


def test_a_surname_the_article_uses_often_is_its_spelling_not_a_slip() -> None:
    paragraphs = [
        "Tom Houser chairs the board.",
        "Mr Hauser runs the shop. Hauser opened it in 1990 and Hauser still works there.",
    ]
    assert misspelt_name("Hauser", paragraphs, RULES) is None


#: A name introduced in full, and the short form a later attribution uses.
SHORT_FORMS = [
    ("Ursula von der Leyen", "von der Leyen"),
    ("Ursula von der Leyen", "Von der Leyen"),
    ("Mohammed bin Salman", "bin Salman"),
    ("Pieter de la Rey", "De la Rey"),
    ("Hans-Dieter ter Horst", "ter Horst"),
    ("Jean d’Ormesson", "d’Ormesson"),
    ("Abu Bakr al-Baghdadi", "al-Baghdadi"),
    ("Łukasz Wiśniewski", "Wiśniewski"),
    ("Ólafur Grímsson", "Grímsson"),
    ("Gabriel García Márquez", "García Márquez"),
    ("J.K. Rowling", "Rowling"),
    ("Sean O’Brien", "O’Brien"),
    ("Ngozi Okonjo-Iweala", "Okonjo-Iweala"),
    ("Aung San Suu Kyi", "Suu Kyi"),
    ("Andrés Manuel López Obrador", "López Obrador"),
    ("Luiz Inácio Lula da Silva", "Lula da Silva"),
    ("Mícheál Ó Briain", "Ó Briain"),
    ("Ngũgĩ wa Thiong’o", "wa Thiong’o"),
]

INTRODUCTIONS = [
    "Prime Minister {name} met farmers in the capital on Monday.",
    "{name}, the prime minister, met farmers in the capital on Monday.",
]


@pytest.mark.parametrize("introduction", INTRODUCTIONS)
@pytest.mark.parametrize(("name", "short"), SHORT_FORMS)
def test_a_short_form_takes_the_full_name_the_article_introduced(
    name: str, short: str, introduction: str
) -> None:
    paragraphs = [introduction.format(name=name), f"“We will not stop now,” {short} said."]
    assert [q.speaker for q in find_quotes(paragraphs, "en")] == [name]


def test_a_title_word_before_a_suffix_is_the_surname() -> None:
    # "King" is a title word, but before "Jr." it is the surname of the name
    paragraphs = [
        "Martin Luther King Jr. spoke in Washington.",
        "“We will not stop now,” King said.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs, "en")] == ["Martin Luther King Jr"]


def test_a_capitalised_word_opening_a_sentence_is_no_first_name() -> None:
    # "Everything" opens the sentence: the run is no longer name of "Christian Horner"
    paragraphs = [
        "Everything Christian Horner has said this week was denied.",
        "“We will not stop now,” Christian Horner said.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs, "en")] == ["Christian Horner"]


def test_a_surname_with_a_particle_of_another_person_is_not_taken() -> None:
    # "de la Rey" names nobody else in the article: no longer name ends with it
    paragraphs = ["Pieter Botha met farmers on Monday.", "“We will not stop now,” de la Rey said."]
    assert [q.speaker for q in find_quotes(paragraphs, "en")] == ["de la Rey"]


def test_letters_after_a_name_with_a_lower_case_letter_are_dropped() -> None:
    # "PhD" is post-nominal letters as "MBE" is: two capitals, a short word of letters
    paragraphs = ["“We will not stop now,” said Jane Doe PhD."]
    assert [q.speaker for q in find_quotes(paragraphs, "en")] == ["Jane Doe"]


def test_a_compound_title_after_a_description_is_no_letters() -> None:
    # "Grünen-Vorsitzende" holds two capitals but is a compound word, not letters
    assert without_letters("Die ehemalige Grünen-Vorsitzende", rules_for("de")) == (
        "Die ehemalige Grünen-Vorsitzende"
    )
