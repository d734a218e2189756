"""Embedded tests of the news-fields publisher configs (selectors/<host>.toml) on their fixtures.

Each config's ``[[tests]]`` cases are run through ``scraper.extract.extract`` with the config,
and every expectation (headline, published day, authors, body snippets) is checked here, so a
config that stops matching its saved page fails the suite.
"""

from __future__ import annotations

import re

import pytest

from scraper.extract import extract
from scraper.sites import SiteConfig, SiteTest, default_directory, load_config

#: The configs written from the news-fields corpus (one saved page each in fixtures/<host>/).
NEWS_HOSTS = (
    "9news.com.au",
    "abc.es",
    "abendblatt.de",
    "aftonbladet.se",
    "bbc.com",
    "br.de",
    "braunschweiger-zeitung.de",
    "businessinsider.com",
    "dailymaverick.co.za",
    "dailystar.co.uk",
    "dw.com",
    "euronews.com",
    "faz.net",
    "golem.de",
    "jungewelt.de",
    "lavanguardia.com",
    "mdr.de",
    "metro.co.uk",
    "mirror.co.uk",
    "morgenpost.de",
    "n-tv.de",
    "nationalpost.com",
    "ndr.de",
    "rollingstone.com",
    "seznamzpravy.cz",
    "srf.ch",
    "stern.de",
    "sueddeutsche.de",
    "t-online.de",
    "tagesanzeiger.ch",
    "taz.de",
    "techcrunch.com",
    "timeslive.co.za",
    "waz.de",
    "welt.de",
)


def _fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def _config(host: str) -> SiteConfig:
    return load_config(default_directory() / f"{host}.toml")


def _cases() -> list[tuple[str, int]]:
    return [(host, i) for host in NEWS_HOSTS for i in range(len(_config(host).tests))]


@pytest.mark.parametrize("host", NEWS_HOSTS)
def test_config_has_a_fixture_with_its_source(host: str) -> None:
    config = _config(host)
    assert config.tests, f"{host}: no [[tests]] case"
    for case in config.tests:
        assert case.fixture.is_file(), case.fixture
        assert case.url, f"{host}: test without url"
        sources = (case.fixture.parent / "SOURCES.md").read_text(encoding="utf-8")
        assert case.url in sources and case.fixture.name in sources


@pytest.mark.parametrize(("host", "index"), _cases())
def test_embedded_case(host: str, index: int) -> None:
    config = _config(host)
    case: SiteTest = config.tests[index]
    article = extract(case.fixture.read_bytes(), url=case.url, config=config)
    if case.headline is not None:
        assert _fold(article.headline) == _fold(case.headline)
    if case.published is not None:
        assert (article.published or "").startswith(case.published)
    if case.authors is not None:
        assert {_fold(a) for a in article.authors} == {_fold(a) for a in case.authors}
    text = _fold(article.text)
    for snippet in case.body_contains:
        assert _fold(snippet) in text, f"missing {snippet!r}"
    for snippet in case.body_excludes:
        assert _fold(snippet) not in text, f"boilerplate {snippet!r} in the body"
    assert case.body_contains and case.body_excludes, "each case checks both kinds of snippet"


def test_every_news_fixture_folder_belongs_to_a_config() -> None:
    root = default_directory().parent / "fixtures"
    for host in NEWS_HOSTS:
        assert (root / host).is_dir(), host
        assert (default_directory() / f"{host}.toml").is_file(), host
