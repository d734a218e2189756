"""Shared fixtures: a real loopback HTTP server over fixtures/, and temporary archives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper.loopback import LoopbackServer

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="session")
def fixture_server() -> Iterator[LoopbackServer]:
    """One threaded HTTP server on 127.0.0.1 serving ``fixtures/`` for the whole session."""
    server = LoopbackServer(FIXTURES).start()
    yield server
    server.stop()


@pytest.fixture
def server(fixture_server: LoopbackServer) -> Iterator[LoopbackServer]:
    """The session server with routes, faults and the request log cleared for this test."""
    fixture_server.reset()
    yield fixture_server
    fixture_server.reset()


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a fresh archive file in a temporary folder."""
    return tmp_path / "archive.db"
