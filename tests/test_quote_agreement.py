"""Pronoun agreement (``quote_agreement``): the gender an article gives a name, and "they"."""

from __future__ import annotations

from scraper.extract.quote_agreement import (
    agreeing_mention,
    agreeing_speaker,
    couple,
    disagrees,
    group_subject,
    marked_names,
    name_gender,
    person_gender,
    plural_antecedent,
    pronoun_gender,
)
from scraper.extract.quote_rules import rules_for
from scraper.extract.quotes import find_quotes

EN = rules_for("en")
TEXT = ("Mrs Lee spoke first. Then spokesman Tom Reed and her husband, Sam, arrived.",)


def test_words_before_a_name_mark_its_gender() -> None:
    assert name_gender("Lee", TEXT, EN) == "f"
    assert name_gender("Reed", TEXT, EN) == "m"
    assert name_gender("Tom", TEXT, EN) == "m"
    assert name_gender("Sam", TEXT, EN) == "m"
    assert name_gender("Kim", TEXT, EN) is None


def test_a_surname_marked_both_ways_is_left_out() -> None:
    assert name_gender("Lee", ("Mr Lee and Mrs Lee arrived.",), EN) is None


def test_pronouns_and_disagreement() -> None:
    assert pronoun_gender("She", EN) == "f" and pronoun_gender("they", EN) is None
    assert disagrees("Tom Reed", "she", TEXT, EN)
    assert not disagrees("Ann Lee", "she", TEXT, EN)
    assert not disagrees("Kim Park", "he", TEXT, EN)  # unmarked: no contradiction
    assert not disagrees("Tom Reed", "they", TEXT, EN)


def test_they_takes_the_nearest_group_that_spoke() -> None:
    spoken = [(0, "the lawmakers"), (1, "Mike Gallagher")]
    assert plural_antecedent("they", spoken, 2) == "the lawmakers"
    assert plural_antecedent("he", spoken, 2) is None
    assert plural_antecedent("they", spoken, 9) is None  # too far back


def test_she_goes_back_to_the_nearest_speaker_not_marked_a_man() -> None:
    spoken = [(0, "Ann Lee"), (1, "Tom Reed")]
    assert agreeing_speaker("she", spoken, 2, list(TEXT), EN) == "Ann Lee"


def test_group_a_sentence_opens_with() -> None:
    assert group_subject("Her neighbours disagree.", EN) == "Her neighbours"
    assert group_subject("Following the broadcast, Cameron’s family issued a tribute.", EN) == (
        "Cameron’s family"
    )
    assert group_subject("The crew was rescued.", EN) == "The crew"
    assert group_subject("James was rescued.", EN) is None  # a name, not a plural
    assert group_subject("Ann Lee runs the shelter.", EN) is None


PLAIN = ("Tom Reed met Ann Lee and Kim Park at the station.",)  # no gender word anywhere


def test_a_common_first_name_gives_the_gender_when_the_article_marks_none() -> None:
    assert person_gender("Ann Lee", PLAIN, EN) == "f"
    assert person_gender("Tom Reed", PLAIN, EN) == "m"
    assert person_gender("Kim Park", PLAIN, EN) is None  # given to both: not listed
    assert person_gender("Reed", PLAIN, EN) is None  # a surname alone says nothing
    assert disagrees("Tom Reed", "she", PLAIN, EN)


def test_the_article_marking_wins_over_the_first_name_table() -> None:
    marked = ("Mrs Tom Reed, as she signs, spoke.",)
    assert person_gender("Tom Reed", marked, EN) == "f"


def test_agreeing_mention_takes_the_last_name_of_the_pronouns_gender() -> None:
    names = ["Ann Lee", "Tom Reed", "Kim Park"]
    assert agreeing_mention("she", names, PLAIN, EN) == "Ann Lee"
    assert agreeing_mention("he", names, PLAIN, EN) == "Tom Reed"
    assert agreeing_mention("they", names, PLAIN, EN) is None


def test_she_after_a_man_and_a_woman_goes_to_the_woman() -> None:
    paragraphs = [
        "Tom Reed met Ann Lee at the station on Monday.",
        "“We will win this race in the end,” she said.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs, "en")] == ["Ann Lee"]
    paragraphs[1] = paragraphs[1].replace("she", "he")
    assert [q.speaker for q in find_quotes(paragraphs, "en")] == ["Tom Reed"]


def test_the_first_name_lists_hold_no_name_of_both_genders() -> None:
    for language in ("en", "de"):
        rules = rules_for(language)
        assert rules.female_first_names and rules.male_first_names
        assert not rules.female_first_names & rules.male_first_names


def test_a_pair_named_together_is_what_they_stands_for() -> None:
    text = ["The farm belongs to Mark and Lisa Brown.", "Tom Reed and Ann Lee met there."]
    assert couple("Lisa Brown", text, 1) == "Mark and Lisa Brown"
    assert couple("Ann Lee", text, 1) == "Tom Reed and Ann Lee"
    assert couple("Tom Reed", text, 1) == "Tom Reed and Ann Lee"
    assert couple("Lisa Brown", text, 0) == "Mark and Lisa Brown"
    assert couple("Kim Park", text, 1) is None  # never named in a pair
    assert couple("the lawmakers", text, 1) is None  # a group, not a person
    assert couple("Lisa Brown", ["Smith, Mark and Lisa Brown left."], 0) == "Mark and Lisa Brown"
    assert couple("Tom Reed", ["Tom Reed and Ann Lee, his wife, met."], 0) == "Tom Reed and Ann Lee"


def test_they_after_a_couple_is_the_couple() -> None:
    paragraphs = [
        "The couple, Mark and Lisa Brown, bought the farm in 2010.",
        "“We never thought it would flood like this,” they said.",
        "“We never thought it would flood like this,” she said.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs, "en")] == [
        "Mark and Lisa Brown",
        "Lisa Brown",
    ]


def test_a_gender_word_before_a_shared_surname_is_not_read_for_the_other_person() -> None:
    # "her son Travis Kelce" marks Travis, not Kim Kelce, who shares the surname.
    text = ("Kim Kelce praised her son Travis Kelce on Monday.",)
    assert person_gender("Travis Kelce", text, EN) == "m"
    assert person_gender("Kim Kelce", text, EN) is None  # not listed, and not marked
    assert not disagrees("Kim Kelce", "she", text, EN)
    assert person_gender("Lee", ("Mrs Lee and Ann Lee",), EN) == "f"


def test_names_right_after_a_gender_word() -> None:
    text = "Ms Patel and Mr Khan spoke. Paul Jones and his wife, Mary, left."
    assert [name for _, name in marked_names(text, EN)] == ["Patel", "Khan", "Mary"]


def test_a_pronoun_takes_a_name_marked_with_its_gender_when_the_nearest_disagrees() -> None:
    paragraphs = [
        "Paul Jones and his wife Mary arrived late.",
        "“We got lost twice on the way here,” she said.",
        "Ms Patel and Mr Khan spoke after the vote.",
        "“The result is a disgrace for democracy,” he said.",
    ]
    assert [q.speaker for q in find_quotes(paragraphs, "en")] == ["Mary", "Khan"]
