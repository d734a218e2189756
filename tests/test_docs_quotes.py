"""docs/quotes.md stays in step with the quote rules files: every key of quotes_en.toml is
documented in its table, and the table names no key the files do not have."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOC = (ROOT / "docs" / "quotes.md").read_text(encoding="utf-8")
#: A row of the rules-file table: "| `key` | type | ...".
_ROW = re.compile(r"^\| `([a-z_]+)` \| (?:phrase list|word list|string|table) \|", re.MULTILINE)


def _keys(language: str) -> set[str]:
    path = ROOT / "scraper" / "data" / f"quotes_{language}.toml"
    return set(tomllib.loads(path.read_text(encoding="utf-8")))


def test_every_english_rules_key_has_a_row_in_the_doc() -> None:
    missing = _keys("en") - set(_ROW.findall(DOC))
    assert not missing, f"docs/quotes.md lacks a table row for {sorted(missing)}"


def test_the_doc_table_names_only_keys_the_rules_files_have() -> None:
    documented = _ROW.findall(DOC)
    assert len(documented) == len(set(documented)), "a key has two rows"
    for language in ("en", "de"):
        stale = set(documented) - _keys(language)
        assert not stale, f"quotes_{language}.toml has no key {sorted(stale)}"
