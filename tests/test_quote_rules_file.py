"""The rules files: every shipped one loads, and a one-word key with a value it does not allow
is an error naming the file, the key and the words it allows (not a quiet default)."""

from __future__ import annotations

import sys
import tomllib
from importlib import resources

import pytest

from scraper.errors import ExtractionError
from scraper.extract.quote_rules import CHOICES, rules_for

# the module, for its file reader (``scraper.extract`` the attribute is a function)
rules_module = sys.modules["scraper.extract.quote_rules"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_shipped_rules_files_use_allowed_choices(language: str) -> None:
    path = resources.files("scraper").joinpath("data", f"quotes_{language}.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    for key, allowed in CHOICES.items():
        assert data.get(key, allowed[0]) in allowed, key
    assert rules_for(language) is not None


def test_a_misspelt_choice_names_the_file_and_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    english = rules_module._data_text("en")
    monkeypatch.setattr(
        rules_module,
        "_data_text",
        lambda language: english.replace('word_order = "subject_verb"', 'word_order = "svo"'),
    )
    rules_module._rules.cache_clear()
    try:
        with pytest.raises(ExtractionError) as raised:
            rules_module._rules("xx")
    finally:
        rules_module._rules.cache_clear()
    message = str(raised.value)
    assert "quotes_xx.toml" in message and "word_order = 'svo'" in message
    assert "subject_verb, verb_second" in message
