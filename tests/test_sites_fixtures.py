"""The repository's site configs and their fixture pages stay consistent: every config is tested
on a saved page, every saved page names its source, and every test URL is claimed by its own
config (so a config is exercised the way a crawl would reach it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scraper.sites import SiteConfig, load_configs, match_config

ROOT = Path(__file__).resolve().parent.parent
CONFIGS = load_configs(ROOT / "selectors")
URL = re.compile(r"https?://\S+")


def config_id(config: SiteConfig) -> str:
    return config.path.stem if config.path is not None else config.name


@pytest.mark.parametrize("config", CONFIGS, ids=config_id)
def test_every_config_has_an_embedded_test_with_url(config: SiteConfig) -> None:
    assert config.tests, f"{config_id(config)}: add a [[tests]] case on a saved page"
    for case in config.tests:
        assert case.url, f"{config_id(config)}: {case.fixture}: give the page's url"


@pytest.mark.parametrize("config", CONFIGS, ids=config_id)
def test_fixture_pages_name_their_source(config: SiteConfig) -> None:
    for case in config.tests:
        page = case.fixture
        assert page.is_file(), f"missing fixture {page}"
        sources = page.parent / "SOURCES.md"
        assert sources.is_file(), f"{page.parent.name}: add SOURCES.md with each page's URL"
        lines = [
            line for line in sources.read_text(encoding="utf-8").splitlines() if page.name in line
        ]
        assert lines, f"{sources.relative_to(ROOT)} does not list {page.name}"
        assert any(URL.search(line) for line in lines), f"{page.name}: no source URL in SOURCES.md"


@pytest.mark.parametrize("config", CONFIGS, ids=config_id)
def test_test_urls_are_claimed_by_their_own_config(config: SiteConfig) -> None:
    for case in config.tests:
        assert case.url is not None
        claimed = match_config(case.url, CONFIGS)
        assert claimed is not None, f"no config claims {case.url} (check hosts)"
        assert claimed.name == config.name, f"{case.url} goes to {claimed.name}"
        if config.article_urls:
            assert any(p.search(case.url) for p in config.article_urls), (
                f"{case.url} does not match article_urls of {config_id(config)}"
            )
