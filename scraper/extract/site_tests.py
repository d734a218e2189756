"""Embedded config tests (``[[tests]]`` of ``selectors/*.toml``): extract a saved page with its
config and list every expectation that differs, as ``scraper sites test`` prints them."""

from __future__ import annotations

from scraper.extract.text import normalize_space
from scraper.models import Article
from scraper.sites import SiteConfig, SiteTest


def _folded(text: str) -> str:
    return normalize_space(text).lower()


def _compare_fields(case: SiteTest, article: Article) -> list[str]:
    problems = []
    if case.headline is not None and normalize_space(case.headline) != (article.headline or ""):
        problems.append(f"headline: expected {case.headline!r}, got {article.headline!r}")
    if case.published is not None and not (article.published or "").startswith(case.published):
        problems.append(f"published: expected {case.published!r}, got {article.published!r}")
    if case.authors is not None and sorted(case.authors) != sorted(article.authors):
        problems.append(f"authors: expected {list(case.authors)!r}, got {article.authors!r}")
    if case.layout is not None and case.layout != article.extractor.get("layout"):
        problems.append(
            f"layout: expected {case.layout!r}, got {article.extractor.get('layout')!r}"
        )
    if case.images is not None and case.images != len(article.images):
        problems.append(f"images: expected {case.images}, got {len(article.images)}")
    return problems


def _compare_body(case: SiteTest, article: Article) -> list[str]:
    problems = []
    text = _folded(article.text)
    for snippet in case.body_contains:
        if _folded(snippet) not in text:
            problems.append(f"body_contains: missing {snippet!r}")
    for snippet in case.body_excludes:
        if _folded(snippet) in text:
            problems.append(f"body_excludes: found {snippet!r}")
    count = len(article.body)
    if case.paragraphs is not None and case.paragraphs != count:
        problems.append(f"paragraphs: expected {case.paragraphs}, got {count}")
    if case.min_paragraphs is not None and count < case.min_paragraphs:
        problems.append(f"min_paragraphs: expected at least {case.min_paragraphs}, got {count}")
    return problems


def run_site_test(config: SiteConfig, case: SiteTest) -> list[str]:
    """Extract the case's fixture with ``config``; one line per expectation that failed."""
    from scraper.extract import extract

    try:
        html = case.fixture.read_bytes()
    except OSError as err:
        return [f"fixture: cannot read {case.fixture}: {err.strerror or err}"]
    article = extract(html, url=case.url, config=config)
    return _compare_fields(case, article) + _compare_body(case, article)
