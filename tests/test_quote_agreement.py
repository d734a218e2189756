"""Pronoun agreement (``quote_agreement``): the gender an article gives a name, and "they"."""

from __future__ import annotations

from scraper.extract.quote_agreement import (
    agreeing_speaker,
    disagrees,
    group_subject,
    name_gender,
    plural_antecedent,
    pronoun_gender,
)
from scraper.extract.quote_rules import rules_for

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
