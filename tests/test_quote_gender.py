"""The article's gender table (``quote_gender``): words right before a name mark it."""

from __future__ import annotations

from scraper.extract.quote_gender import disagrees, genders, pronoun_gender
from scraper.extract.quote_rules import rules_for

EN = rules_for("en")


def test_words_before_a_name_mark_its_gender() -> None:
    table = genders(("Mrs Lee spoke first. Then spokesman Tom Reed and her husband, Sam.",), EN)
    assert table == {"lee": "f", "tom": "m", "reed": "m", "sam": "m"}


def test_a_surname_marked_both_ways_is_left_out() -> None:
    table = genders(("Mr Lee and Mrs Lee arrived.",), EN)
    assert "lee" not in table


def test_pronouns_and_disagreement() -> None:
    table = {"reed": "m", "lee": "f"}
    assert pronoun_gender("She", EN) == "f" and pronoun_gender("they", EN) is None
    assert disagrees("Tom Reed", "she", table, EN)
    assert not disagrees("Ann Lee", "she", table, EN)
    assert not disagrees("Kim Park", "he", table, EN)  # unknown: no contradiction
    assert not disagrees("Tom Reed", "they", table, EN)
