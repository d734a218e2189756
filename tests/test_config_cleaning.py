"""Tests for scraper.extract.config_cleaning: the cleaning of values a site config read."""

from __future__ import annotations

import re

import pytest

from scraper.extract.config_cleaning import (
    config_authors,
    config_headline,
    names_publisher,
    split_names,
)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["Mathatisi Sebusi/Mohalenyane Phakela"], ["Mathatisi Sebusi", "Mohalenyane Phakela"]),
        (["Ana Roth/Ben Ode/Cem Yilmaz"], ["Ana Roth", "Ben Ode", "Cem Yilmaz"]),
        (["Ana Roth/dpa"], ["Ana Roth", "dpa"]),
        # Desk and initials, or two agencies: one credit each.
        (["srf/hosb"], ["srf/hosb"]),
        (["dpa/AFP"], ["dpa/AFP"]),
        (["https://example.com/authors/ana-roth"], ["https://example.com/authors/ana-roth"]),
        (["Ana Roth / Ben Ode"], ["Ana Roth / Ben Ode"]),  # spaced: the shared cleaner's part
    ],
)
def test_split_names_on_a_bare_slash(values: list[str], expected: list[str]) -> None:
    assert split_names(values) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Mathatisi Sebusi/Mohalenyane Phakela", ["Mathatisi Sebusi", "Mohalenyane Phakela"]),
        ("Kari Nordmann og Ola Hansen", ["Kari Nordmann", "Ola Hansen"]),
        ("Juan Pérez y María López", ["Juan Pérez", "María López"]),
        ("Lea Wagner & Tom Berg", ["Lea Wagner", "Tom Berg"]),
        ("Felix Schröder und Jörg Soldwisch", ["Felix Schröder", "Jörg Soldwisch"]),
        ("By Ana Roth/Ben Ode", ["Ana Roth", "Ben Ode"]),
    ],
)
def test_config_authors_split_joined_names(value: str, expected: list[str]) -> None:
    assert config_authors([value], ["Example Times"]) == expected


@pytest.mark.parametrize(
    ("author", "publishers", "expected"),
    [
        ("MDR THÜRINGEN", ["MDR"], True),
        ("n-tv NACHRICHTEN", ["n-tv"], True),
        ("STERN.de", ["stern"], True),
        ("BBC News", ["BBC News"], True),
        ("Moon Media Newsroom", ["Example Times", "Moon Media"], True),
        ("Tom Sternberg", ["stern"], False),  # the publisher's name must end as a word
        ("srf/hosb", ["SRF"], False),  # the desk and a journalist's initials
        ("Ana Roth", ["MDR"], False),
        ("AB Ekdahl", ["AB"], False),  # names under three characters are not matched
    ],
)
def test_names_publisher(author: str, publishers: list[str], expected: bool) -> None:
    assert names_publisher(author, publishers) is expected


def test_config_authors_drop_the_publishers_credits() -> None:
    # One link on the page: "David Straub, MDR THÜRINGEN" (the person, then the desk).
    assert config_authors(["David Straub, MDR THÜRINGEN"], ["MDR"]) == ["David Straub"]
    assert config_authors(["n-tv NACHRICHTEN"], ["n-tv"]) == []
    assert config_authors(["Example Times"], ["Example Times"]) == []


def test_config_headline_strip_patterns() -> None:
    patterns = (re.compile(r"\s*(?:-[^-ㅣ]*)?ㅣ\s*한국일보$"),)
    title = "장동혁, 한동훈 제명했지만… 부담 커졌다-정치ㅣ한국일보"
    assert config_headline(title, patterns, "한국일보") == "장동혁, 한동훈 제명했지만… 부담 커졌다"
    assert config_headline("결과 발표ㅣ한국일보", patterns, "한국일보") == "결과 발표"
    # No suffix: nothing removed.
    assert config_headline("결과 발표", patterns, "한국일보") == "결과 발표"


def test_config_headline_never_erased_by_a_pattern() -> None:
    assert config_headline("Breaking", (re.compile(".*"),), "Example") == "Breaking"
    assert config_headline(None, (re.compile("x"),), "Example") is None
