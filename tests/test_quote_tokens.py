"""The per-paragraph name table against what it replaces: the runs it splits lazily are the
runs ``long_runs`` splits at once, and the stretches it finds by one search per name are the
stretches the former per-stretch substring test kept."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scraper.extract.quote_rules import rules_for
from scraper.extract.quote_tokens import capital_runs, long_runs, name_table

RULES = rules_for("en")
#: The stretches the table finds: capitals of any alphabet up to Cyrillic open them; a name
#: word after the first may carry a lower-case prefix ("Abu Bakr al-Baghdadi").
_UPPER = "".join(c for c in map(chr, range(0x41, 0x530)) if c.isupper())
_NAME_WORD = rf"(?:[a-z]{{1,3}}[-'’])?[{_UPPER}]\S*"
_MULTI_STRETCH = re.compile(rf"[{_UPPER}]\S*(?:\s+(?:[a-z]{{1,4}}\s+){{0,2}}{_NAME_WORD})+")

_WORDS = [
    *("Ann", "Lee", "Lee’s", "LEE", "de", "van", "Mr.", "Dr", "U.S.", "Kirk—had", "Ruiz,"),
    *("the", "said", "in", "of", "and", "President", "Σίσυφος", "ΣΟΦΟΣ", "İstanbul", "ee"),
]
_PIECES = st.sampled_from([*_WORDS, " ", " ", "  ", "\n", ",", ".", "—", "“", "”"])
_TEXT = st.lists(_PIECES, max_size=24).map("".join)
_NAMES = st.frozensets(
    st.sampled_from(["ann", "lee", "de", "ruiz", "", "σίσυφος", "e", "the", "said", "dr"])
)


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_the_table_splits_the_runs_long_runs_splits(text: str) -> None:
    table = name_table(text, RULES)
    runs = [(r.start, r.end, r.tokens) for r in table.all_runs(RULES)]
    assert runs == list(long_runs(text, RULES))
    assert runs == [run for run in capital_runs(text, RULES) if len(run[2]) >= 2]


@settings(max_examples=300, deadline=None)
@given(_TEXT, _NAMES)
@example("Ruiz, Dr U.S. said the", frozenset({"the"}))  # after a stretch, in none
@example("Ann Lee met Lee’s Dr", frozenset({"lee", "dr"}))
def test_stretches_holding_a_name_are_those_the_substring_test_keeps(
    text: str, names: frozenset[str]
) -> None:
    lowered = text.lower()
    expected = [
        i
        for i, m in enumerate(_MULTI_STRETCH.finditer(text))
        if any(lowered.find(name, *m.span()) >= 0 for name in names)
    ]
    assert name_table(text, RULES).holding(names) == expected


def test_a_stretch_is_split_once_and_kept() -> None:
    text = "Finance Minister Serhii Marchenko met Ann Lee and Tom Park."
    table = name_table(text, RULES)
    first = table.all_runs(RULES)
    assert [r.tokens for r in first] == [
        ["Finance", "Minister", "Serhii", "Marchenko"],
        ["Ann", "Lee"],
        ["Tom", "Park."],
    ]
    again = table.all_runs(RULES)
    assert len(again) == len(first) and all(a is b for a, b in zip(first, again, strict=True))
    assert table.holding(frozenset({"lee"})) == [0]  # "met" and "and" join one stretch
    assert table.holding(frozenset({"smith"})) == []
    assert first[1].wanted == frozenset({"ann", "lee"})
