"""Date parsing: many written formats to ISO 8601, time zones kept, dates in URLs."""

from __future__ import annotations

import pytest

from scraper.extract.dates import date_from_url, parse_date


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
