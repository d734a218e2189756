"""Date parsing: many written formats to ISO 8601, time zones kept, dates in URLs."""

from __future__ import annotations

from datetime import date

import pytest

from scraper.extract.dates import (
    date_from_url,
    find_dates,
    not_future,
    parse_date,
    short_year_date,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-12-24T10:30:00+02:00", "2025-12-24T10:30:00+02:00"),
        ("2025-12-24T08:00:00Z", "2025-12-24T08:00:00+00:00"),
        ("2025-12-24T08:00:00.123+0530", "2025-12-24T08:00:00+05:30"),
        ("2025-12-24 08:00", "2025-12-24T08:00:00"),
        ("2025-12-24", "2025-12-24"),
        ("Wed, 24 Dec 2025 10:00:00 GMT", "2025-12-24T10:00:00+00:00"),
        ("Wed, 24 Dec 2025 10:00:00 -0500", "2025-12-24T10:00:00-05:00"),
        ("Dec 24, 2025", "2025-12-24"),
        ("December 24, 2025 4:37 pm", "2025-12-24T16:37:00"),
        ("24 December 2025", "2025-12-24"),
        ("24. Dezember 2025, 14:05 Uhr", "2025-12-24T14:05:00"),
        ("24.12.2025", "2025-12-24"),
        ("Published 24.12.2025 - 09:41", "2025-12-24T09:41:00"),
        ("24 de diciembre de 2025", "2025-12-24"),
        ("le 3 mars 2024", "2024-03-03"),
        ("2025/12/24", "2025-12-24"),
        ("20251224", "2025-12-24"),
    ],
)
def test_parse_date_formats(value: str, expected: str) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["", "no date here", "31.02.2025", "price 1234", "Version 2.0.1"])
def test_parse_date_rejects(value: str) -> None:
    assert parse_date(value) is None


def test_unix_timestamp() -> None:
    assert parse_date("1735000000") == "2024-12-24T00:26:40+00:00"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/2025/12/24/story/", "2025-12-24"),
        ("https://x.example/news/2025-12-24-story", "2025-12-24"),
        ("https://x.example/story-20251224.html", "2025-12-24"),
        ("https://x.example/2025/13/40/story/", None),
        ("https://x.example/story/", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


def test_find_date_takes_the_earliest_in_text() -> None:
    from scraper.extract.dates import find_date

    text = "Posted on 3. März 2021 by Anna. Updated 2021-05-01. Comments from 12/06/2021."
    assert find_date(text) == "2021-03-03"
    assert find_date("nothing to see") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Aktualisiert am 06. Mär. 2023", "2023-03-06"),
        ("2020年3月5日", "2020-03-05"),
        ("5 января 2020", "2020-01-05"),
        ("12 Ağustos 2021", "2021-08-12"),
    ],
)
def test_parse_date_more_languages(value: str, expected: str) -> None:
    assert parse_date(value) == expected


def test_find_dates_lists_every_date_with_its_offset() -> None:
    text = "Posted 3. März 2021. Updated 2021-05-01. In 1999 nothing."
    assert find_dates(text) == [(7, "2021-03-03"), (29, "2021-05-01")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("28.09.19", "2019-09-28"), ("8.5.12", "2012-05-08"), ("1.2.99", "1999-02-01")],
)
def test_short_year_date(text: str, expected: str) -> None:
    assert short_year_date(text) == expected


@pytest.mark.parametrize("text", ["v1.2.19.3", "31.02.19", "12.5", "version 2.0.1"])
def test_short_year_date_rejects(text: str) -> None:
    assert short_year_date(text) is None


def test_url_slug_starting_with_a_number_is_not_a_day() -> None:
    assert date_from_url("https://blog.example/2023/10/3-fragen-an-tina/") is None
    assert date_from_url("https://blog.example/2023/10/03-fragen-an-tina/") == "2023-10-03"


def test_not_future_allows_one_day_for_time_zones() -> None:
    today = date(2024, 5, 10)
    assert not_future("2024-05-10T23:00:00+00:00", today)
    assert not_future("2024-05-11", today)
    assert not not_future("2024-05-12", today)
    assert not not_future("garbage", today)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://verein.example/meldungen/29-10-2021", "2021-10-29"),
        ("https://verein.example/meldungen/05-10-2021", None),
        ("https://verein.example/meldungen/31-02-2021", None),
    ],
)
def test_day_first_url_dates_only_when_unambiguous(url: str, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # month names in capitals, inside longer words' neighbourhood, and in other scripts: the
        # month-name check that skips patterns must never skip one that matches
        ("STAND: 3. MÄRZ 2020, 14:05", [(7, "2020-03-03T14:05:00")]),
        ("Yayın: 12 Şubat 2021", [(7, "2021-02-12")]),
        ("Marktbericht vom 1. Februar 2019", [(17, "2019-02-01")]),
        ("公開 2021年5月3日", [(3, "2021-05-03")]),
        ("Preis 2019 Euro, Saal 2020", []),
    ],
)
def test_find_dates_with_and_without_month_names(
    text: str, expected: list[tuple[int, str]]
) -> None:
    assert find_dates(text) == expected
