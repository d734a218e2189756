"""``scraper demo``: the bundled site, served on loopback and crawled for real."""

from __future__ import annotations

import json
import sqlite3
import sys
from contextlib import closing
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from scraper.cli import app
from scraper.demo import DEMO_SITE, run_demo, serve_demo

runner = CliRunner()


def test_demo_site_is_complete() -> None:
    articles = sorted((DEMO_SITE / "articles").glob("*.html"))
    assert len(articles) >= 12
    sources = (DEMO_SITE / "SOURCES.md").read_text(encoding="utf-8")
    for page in articles:
        assert f"/articles/{page.name}" in sources  # every page has its source noted
    robots = (DEMO_SITE / "robots.txt").read_text(encoding="utf-8")
    assert "Disallow: /private/" in robots and "Sitemap: {{BASE}}/sitemap.xml" in robots


def test_served_templates_point_at_the_server() -> None:
    server = serve_demo()
    try:
        with httpx.Client() as client:
            robots = client.get(server.url("/robots.txt")).text
            sitemap = client.get(server.url("/sitemap.xml")).text
    finally:
        server.stop()
    assert f"Sitemap: {server.base_url}/sitemap.xml" in robots
    assert "{{BASE}}" not in sitemap and sitemap.count(f"<loc>{server.base_url}/articles/") >= 12


def test_demo_crawls_at_least_ten_articles(db_path: Path) -> None:
    result = run_demo(db_path)
    assert result.stats.errors == 0, result.stats.error_samples
    assert result.stats.articles_new >= 10
    assert result.stats.skipped == 1  # /private/draft.html, disallowed by robots.txt
    with closing(sqlite3.connect(db_path)) as conn:
        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        headlines = {r[0] for r in conn.execute("SELECT headline FROM articles")}
    assert count >= 10
    # Read from the pages themselves (fixtures/demo/articles/theintercept-*.html).
    assert "Biden Is Bankrolling Israel’s War Amid Growing Financial Hardship at Home" in headlines
    assert result.sample is not None and result.sample["headline"]
    assert result.sample["first_paragraphs"]


def test_demo_command_prints_a_record(db_path: Path) -> None:
    result = runner.invoke(app, ["demo", "--db", str(db_path), "--quiet"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert {"headline", "authors", "published", "first_paragraphs"} <= set(record)


def test_demo_hint_uses_a_command_the_user_can_type(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As after `make demo`: started as .venv/bin/scraper, which is not on PATH.
    venv_bin = tmp_path / ".venv" / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "scraper").write_text("#!/bin/sh\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setattr(sys, "argv", [".venv/bin/scraper", "demo"])
    result = runner.invoke(app, ["demo", "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stderr.split())  # the summary may be wrapped
    assert f'next: .venv/bin/scraper search --db {db_path} "Biden"' in shown
