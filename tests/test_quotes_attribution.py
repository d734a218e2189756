"""Who speaks: speech verbs, clause subjects and the discourse around a quote (GitHub issue 6),
on made-up sentences, one construction per test."""

from __future__ import annotations

import pytest

from scraper.extract.quote_clauses import last_sentence
from scraper.extract.quote_rules import rules_for
from scraper.extract.quotes import find_quotes
from scraper.models import Quote


def speakers(paragraphs: list[str]) -> list[str | None]:
    return [q.speaker for q in find_quotes(paragraphs)]


def only(paragraphs: list[str]) -> Quote:
    quotes = find_quotes(paragraphs)
    assert len(quotes) == 1, quotes
    return quotes[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "“The green coat is the best look of the evening,” enthuses Mara Lind.",
        "“The green coat is the best look of the evening,” proclaims Mara Lind.",
        "“The green coat is the best look of the evening,” Mara Lind enthused.",
        "“The green coat is the best look of the evening,” Mara Lind penned.",
    ],
)
def test_speech_verbs_of_praise_and_writing(sentence: str) -> None:
    assert only([sentence]).speaker == "Mara Lind"


def test_a_plural_noun_before_the_quote_is_no_speech_verb() -> None:
    # "pens" is a noun far more often than the verb: it is not a cue
    paragraphs = [
        "The shop sold pens, “pencils and other things for the school term,” a clerk said."
    ]
    assert only(paragraphs).speaker == "a clerk"


def test_person_presented_after_a_copula_is_the_antecedent_of_she() -> None:
    # the country that "warned" is no antecedent once a person is presented after "was"
    paragraphs = [
        "“The wards are full and the power fails every night,” Omar Haddad said.",
        "On Monday, Israel warned people to leave the north of the city.",
        "Among those who fled was 25-year-old Lina Nasser, who was pregnant. “I am from the old"
        " city,” she said.",
    ]
    assert speakers(paragraphs) == ["Omar Haddad", "Lina Nasser"]


def test_name_after_a_copula_without_apposition_presents_no_one() -> None:
    # "was Dana Kroll, with ..." ranks a person, it does not bring them in to speak
    paragraphs = [
        "“We had the best teachers in the whole country,” Robin Ellis said.",
        "Its best-known pupil was Dana Kroll, with two senators far behind. “I still miss the"
        " long afternoons in the library,” she said.",
    ]
    assert speakers(paragraphs) == ["Robin Ellis", "Robin Ellis"]


def test_surname_subject_after_a_fronted_phrase_is_the_antecedent_of_he() -> None:
    paragraphs = [
        "Dr. Karim Haddad runs the clinic in the south of the city.",
        "“The wards are full and the power fails every night,” said Dr. Amira Saleh, a surgeon.",
        "During an interview, Haddad paused, unable to believe the news. “We did not stop"
        " treating them,” he said.",
    ]
    assert speakers(paragraphs) == ["Amira Saleh", "Karim Haddad"]


def test_a_determiner_gives_a_capitalised_adjective_no_first_name() -> None:
    # "The Israeli military" does not make "Israeli" a surname: "Despite this, Israeli strikes
    # go on" has no person for the later "it said" to skip to
    paragraphs = [
        "The Israeli military has denied the reports. Despite this, Israeli strikes go on nearby.",
        "The Israeli military said it hit a convoy “being used by a cell of fighters.”",
    ]
    assert speakers(paragraphs) == ["The Israeli military"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "In July, investigators found a dolphin with “a large piece of cement inside it.”",
            "investigators",
        ),
        (
            "Later, the inspectors found the kitchen “dirty beyond anything we have seen.”",
            "the inspectors",
        ),
        (
            "The Food Standards Agency also cited the farm for failing “to keep enough staff on site.”",
            "Food Standards Agency",
        ),
        # a passive subject is not the one who spoke
        ("Later, investigators were told the tank was “far too small for the animals.”", None),
        # a relative clause after a comma has a subject of its own
        (
            "Later, the experts chose a fern, which is good at removing “bad odours and fumes indoors.”",
            None,
        ),
    ],
)
def test_fragment_takes_the_subject_its_sentence_opens_with(
    sentence: str, speaker: str | None
) -> None:
    paragraphs = ["The farm and the aquarium were inspected twice this year.", sentence]
    assert speakers(paragraphs) == [speaker]


@pytest.mark.parametrize("title", ["Dr. ", ""])
def test_full_name_with_a_long_apposition_before_the_verb(title: str) -> None:
    paragraphs = [
        f"“For days we have been talking about the lack of fuel,” {title}Sami Nasr, the director"
        " of the Friendship Hospital in the Mughraqa area in the central part of the Gaza Strip"
        " since the year the war began,"
        " said in an interview last week."
    ]
    assert speakers(paragraphs) == ["Sami Nasr"]


def test_a_sentence_end_after_the_apposition_stops_the_search_for_a_cue() -> None:
    paragraphs = [
        "“For days we have been talking about the lack of fuel,” Sami Nasr, the director of the"
        " Friendship Hospital in the Mughraqa area in the central Gaza Strip. The ministry said"
        " nothing."
    ]
    assert speakers(paragraphs) == [None]


def test_colon_after_a_clause_whose_subject_has_a_contracted_negative() -> None:
    paragraphs = [
        "“The generators have failed,” said Dr. Atef Kamal-Omar, the director of the hospital.",
        "The shortages led to hard choices.",
        "Kamal-Omar doesn’t hide that he and his colleagues make these calculations, but he"
        " resents it: “We consider this one of the most difficult decisions of all.”",
    ]
    assert speakers(paragraphs) == ["Atef Kamal-Omar", "Atef Kamal-Omar"]


def test_coordinated_speech_verb_after_a_name_and_an_adverb_in_ly() -> None:
    paragraphs = [
        "Linda Moran, the singer, has planned her own funeral.",
        "Linda additionally referred to her sister’s death and told the paper: “She arranged"
        " hers. It is easier for people left behind.”",
    ]
    assert speakers(paragraphs) == ["Linda Moran"]


def test_clause_after_the_quote_opened_by_when_attributes_nothing() -> None:
    # "and when Tom Reed recalled ..." is another clause: Tom Reed is not the speaker, and
    # "she" is never resolved to him
    paragraphs = [
        "Mara Quinn arrived late.",
        "The singer said of her nomination that it “feels like someone is playing a joke”, and"
        " when interviewer Tom Reed recalled her playing a joke on him, she quipped “I squirted"
        " you with my ring.”",
    ]
    assert "Tom Reed" not in speakers(paragraphs)


def test_another_alone_opening_a_clause_is_the_subject_of_an_ambiguous_cue() -> None:
    paragraphs = [
        "One listener says his voice is “boring and flat all the way through,” while another"
        " calls him “soothing and warm in every chapter,” and praises his reading."
    ]
    assert speakers(paragraphs) == ["One listener", "another listener"]


def test_she_with_only_a_man_before_it_names_no_one() -> None:
    paragraphs = [
        "“We will open the new wing in May,” Mr Tom Reed said.",
        "“The wards have been full since the winter began,” she said.",
    ]
    assert speakers(paragraphs) == ["Tom Reed", None]


def test_abbreviation_inside_a_long_apposition_ends_no_sentence() -> None:
    paragraphs = [
        "“You will not see what these tools do until you deploy them at scale,” Ana Pungo, an"
        " organizer at the Indigenous Network, and a resident of St. Lawrence Island, in"
        " Alaska, told me. “And we only have one Earth.”"
    ]
    assert speakers(paragraphs) == ["Ana Pungo", "Ana Pungo"]


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("They spoke of his father. He also said ", "He also said "),
        (
            "They met Gen. Lee on Friday and Father Brown said ",
            "They met Gen. Lee on Friday and Father Brown said ",
        ),
        ("Talks with Sen. Warren went on ", "Talks with Sen. Warren went on "),
    ],
)
def test_a_title_ends_no_sentence_only_when_capitalised(text: str, last: str) -> None:
    # "father" is a title before a name ("Father Brown"), not at the end of a sentence
    assert last_sentence(text, rules_for("en")) == last


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            [
                "Mara Quinn joins Tom Reed to present. The latter shouts out “all the hot girls here”."
            ],
            "Tom Reed",
        ),
        (
            [
                "Mara Quinn joins Tom Reed to present. “This is the best night of the year,” the former said."
            ],
            "Mara Quinn",
        ),
        (
            [
                "Mara Quinn joins Tom Reed to present.",
                "“This is the best night of the year,” the latter said.",
            ],
            "Tom Reed",
        ),
        # fewer than two people named before: no one is sure
        (["The show starts late. “This is the best night of the year,” the latter said."], None),
    ],
)
def test_the_former_and_the_latter_pick_by_order(
    paragraphs: list[str], speaker: str | None
) -> None:
    assert speakers(paragraphs) == [speaker]


def test_a_pronoun_with_a_contracted_auxiliary_is_the_subject_of_the_inner_verb() -> None:
    paragraphs = [
        "Ann Field told me that she had spoken at an event attended by Olaf Grimsson, and he’d"
        " remarked that, if it is possible to keep the ice, “it would be a gift of fortune, a gift"
        " from God.”"
    ]
    assert speakers(paragraphs) == ["Olaf Grimsson"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Obama pushed the bill, leading a frustrated Tom Cook to denounce his former aide and"
            " say, “If he knew the hills of Kentucky, he would know it is a problem.”",
            "Tom Cook",
        ),
        # a purpose clause: the name after "to" is a place, the sentence's subject speaks
        (
            "Ann Lee went to Paris to see the show and said: “It was the best night of my life.”",
            "Ann Lee",
        ),
    ],
)
def test_speech_verb_joined_to_an_infinitive_of_a_verb_of_causing(
    sentence: str, speaker: str
) -> None:
    assert speakers([sentence]) == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee was told by police that she was “lucky to be alive after the crash.”", "police"),
        (
            "Ann Lee was described by her coach as “the hardest worker I have ever seen.”",
            "her coach",
        ),
        # no agent: whoever praised her is not said
        ("Ann Lee was praised for doing “a sterling job in very difficult conditions.”", None),
        ("Nurses have been urged to “report any abuse to the police at once.”", None),
    ],
)
def test_fragment_after_a_passive_verb_is_the_agents(sentence: str, speaker: str | None) -> None:
    assert speakers(["The hospital reopened on Monday.", sentence]) == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Ann Lee was told: “You will have to leave the house by Friday.”", None),
        (
            "Ann Lee was warned by a neighbour: “You will have to leave the house by Friday.”",
            "a neighbour",
        ),
        ("Ann Lee explained her plan: “You will have to leave the house by Friday.”", "Ann Lee"),
    ],
)
def test_colon_after_a_passive_speech_verb_is_not_the_subjects(
    sentence: str, speaker: str | None
) -> None:
    assert speakers([sentence]) == [speaker]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Biden issued a sweeping executive order that regulates AI, and implements"
            " “safeguards against abuse material of any kind.”",
            "a sweeping executive order",
        ),
        ("The council passed a rule that bans dogs “from all the beaches in summer.”", "a rule"),
    ],
)
def test_fragment_in_a_relative_clause_of_a_document_is_the_documents(
    sentence: str, speaker: str
) -> None:
    assert speakers([sentence]) == [speaker]


def test_they_after_a_group_given_a_speech_verb_in_the_sentence_before() -> None:
    paragraphs = [
        "Ann Field and Tom Reed tested the beads on a pond.",
        "Although a pond is not the Arctic, the authors argued, the beads showed promise. “This"
        " method may serve to preserve the ice for many years,” they wrote.",
    ]
    assert speakers(paragraphs) == ["the authors"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Animals perform for onlookers, who — after paying $41.99 to see them — walk away"
            " feeling “more sad than anything else.”",
            "onlookers",
        ),
        (
            "The board met Ann Lee, who runs the cafe and sells cakes “baked fresh every single"
            " morning.”",
            "Ann Lee",
        ),
        # "which" is about a thing: no speaker
        ("Visitors pay to see the tanks, which look “old and dirty and falling apart.”", None),
    ],
)
def test_fragment_in_a_who_clause_is_its_antecedents(sentence: str, speaker: str | None) -> None:
    assert speakers([sentence]) == [speaker]


@pytest.mark.parametrize(
    ("paragraphs", "speaker"),
    [
        (
            [
                "Family doctors have been urged to “report any abuse to the police at once.”",
                "The Royal College of GPs urged staff to keep records of every incident.",
            ],
            "Royal College of GPs",
        ),
        # praising is no directive: the later active verb is another act
        (
            [
                "Ann Lee was praised for doing “a sterling job in very difficult conditions.”",
                "The council praised the crews.",
            ],
            None,
        ),
        (["Nurses have been urged to “report any abuse to the police at once.”"], None),
    ],
)
def test_agentless_directive_passive_takes_the_active_subject_nearby(
    paragraphs: list[str], speaker: str | None
) -> None:
    assert speakers(paragraphs) == [speaker]


def test_pronoun_right_before_the_verb_after_a_phrase_without_comma() -> None:
    paragraphs = [
        "Director Bong Joon Ho said backstage that no one could predict the result",
        "Speaking through an interpreter he added; “It is true that the momentum is building and"
        " we are part of the race.”",
    ]
    assert speakers(paragraphs) == ["Bong Joon Ho"]


def test_fragment_after_fronted_phrases_takes_the_pronoun_subject() -> None:
    paragraphs = [
        "“We build models for every task,” Peter White said.",
        "Sam Ray notes the limits of the tools.",
        "But, risks aside, he believes AI stands to add value to the platforms and “creating new"
        " possibilities for automation.”",
    ]
    assert speakers(paragraphs) == ["Peter White", "Sam Ray"]


def test_fragment_subject_that_is_a_known_surname_and_a_title_word() -> None:
    # "Major" is also a military title; the article gives it a first name, so it is a person
    paragraphs = [
        "The Tories replaced her with John Major in 1990.",
        "Major wanted to offer Britain “a kinder and gentler form of rule,” and he set to work.",
    ]
    assert speakers(paragraphs) == ["John Major"]


def test_he_never_stands_for_a_document_that_spoke() -> None:
    paragraphs = [
        "“The world cannot afford a war between the two countries,” the statement read.",
        "“It was a cowardly act against our people,” he said.",
    ]
    assert speakers(paragraphs) == ["the statement", None]


def test_pronoun_in_a_clause_after_another_speech_verb_is_not_taken_alone() -> None:
    paragraphs = [
        "“The world cannot afford a war,” said Antonio Ruiz, the envoy.",
        "Pakistan’s defence minister condemns what he calls ‘a cowardly act of war’",
    ]
    assert speakers(paragraphs) == ["Antonio Ruiz", "Pakistan’s defence minister"]


def test_a_heading_introduces_no_speaker_for_the_quote_after_it() -> None:
    # a live blog: the critic's commentary goes on under the entry's heading
    paragraphs = [
        "Neil Moore agrees. “The hosts are so wrong for this ceremony and its big night.”",
        "Tara Mack performs",
        "“A Canadian star most viewers probably have not heard of takes the stage now.”",
    ]
    assert speakers(paragraphs) == ["Neil Moore", "Neil Moore"]


def test_a_sentence_that_introduces_a_person_still_gives_the_next_quote() -> None:
    paragraphs = [
        "“The hosts are so wrong for this ceremony,” said Neil Moore.",
        "Tara Mack is unconvinced.",
        "“A Canadian star most viewers probably have not heard of takes the stage now.”",
    ]
    assert speakers(paragraphs) == ["Neil Moore", "Tara Mack"]
