"""bench/config_hold.py tells a config that holds on a page from one that falls back, and scores
snippets and dates (checked on saved fixture pages, so no corpus is needed)."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import config_hold  # noqa: E402

from scraper.sites import parse_config  # noqa: E402

NDR_2019 = ROOT / "fixtures/ndr.de/eintracht-braunschweig-ein-remis-als-mutmacher.html"
NDR_URL = "https://www.ndr.de/sport/fussball/Eintracht-Braunschweig-Ein-Remis-als-Mutmacher,eintracht2488.html"


def test_a_known_layout_holds_and_is_scored() -> None:
    record: dict[str, object] = {
        "url": NDR_URL,
        "must_contain": ["Tor: Jasmin Fejzic", "Flüthmann: Aussicht auf Tabellenführung"],
        "must_not_contain": ["Ergebnisse und Tabelle 3. Liga"],
        "date": "2019-10-19",
    }
    check = config_hold.check_page(record, NDR_2019.read_bytes(), "dates", "ndr.de")
    assert check.holds and check.layout == "w66-2020"
    assert check.config_snippets is not None
    assert (check.config_snippets.tp, check.config_snippets.fp, check.config_snippets.fn) == (
        2,
        0,
        0,
    )
    assert check.date_ok is True


def test_an_unknown_layout_is_reported_as_fallback() -> None:
    page = (
        "<html><head><title>Neu</title></head><body><main><h1>Ein neues Layout</h1>"
        "<section class='unbekannt'><p>Der erste Absatz steht in einer Struktur, die keine "
        "Layout-Regel kennt, und ist lang genug für die Heuristik.</p><p>Ein zweiter Absatz "
        "folgt mit noch mehr Text, damit die Seite wie ein Artikel aussieht.</p></section>"
        "</main></body></html>"
    )
    record: dict[str, object] = {"url": NDR_URL, "date": "2019-10-20"}
    check = config_hold.check_page(record, page.encode(), "dates", "ndr.de")
    assert not check.holds
    assert check.config_snippets is None
    assert check.date_ok is False


def test_a_configs_own_jsonld_body_holds() -> None:
    # The config's selector misses, its own jsonld:articleBody fallback reads the body: it holds.
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": '
        '"Ein Test", "articleBody": "Erster Absatz des Artikels.\\nZweiter Absatz."}</script>'
        "</head><body><h1>Ein Test</h1><p>Kurz.</p></body></html>"
    )
    text = '[site]\nname = "NDR"\nhosts = ["ndr.de"]\n[fields]\nbody = ["div.gone", "jsonld:articleBody"]\n'
    config = parse_config(tomllib.loads(text), Path("selectors/ndr.de.toml"))
    check = config_hold.check_page({"url": NDR_URL}, page.encode(), "dates", "ndr.de", config)
    assert check.holds and check.paragraphs == 2
    assert config_hold.holds("jsonld") and config_hold.holds("selector:div.story")
    assert not config_hold.holds("generic:heuristic") and not config_hold.holds(None)
