"""``name_mentions`` over the per-paragraph name table against the loop it replaced (kept here
as the reference): the same mentions for any names and roles, also when the table's cached
runs and mentions are reused by later look-ups with other names."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import example, given, settings
from hypothesis import strategies as st

from scraper.extract.quote_mentions import (
    _APPOSITION,
    _CLOSED_APPOSITION,
    Mention,
    _attributive,
    _elided,
    _mention,
    _Wanted,
    name_mentions,
)
from scraper.extract.quote_rules import QuoteRules, rules_for
from scraper.extract.quote_tokens import (
    _MULTI_STRETCH,
    long_runs,
    split_stretch,
    strip_word,
    unpossessed,
)
from scraper.extract.quotes import clear_caches, find_quotes

RULES = rules_for("en")


def _reference_runs(
    text: str, lowered: str, rules: QuoteRules, names: frozenset[str] | None
) -> Sequence[tuple[int, int, list[str]]]:
    if names is None or len(lowered) != len(text):
        return long_runs(text, rules)
    runs: list[tuple[int, int, list[str]]] = []
    for stretch in _MULTI_STRETCH["ascii" if rules.nouns_capitalised else "any"].finditer(text):
        start, end = stretch.span()
        if any(lowered.find(name, start, end) >= 0 for name in names):
            found = split_stretch(stretch.group(), start, rules)
            runs.extend(run for run in found if len(run[2]) >= 2)
    return runs


def _reference_wanted(
    tokens: list[str],
    lowered: str,
    where: tuple[int, int],
    names: frozenset[str],
    roles: frozenset[str],
) -> bool:
    if any(unpossessed(strip_word(t)) in names for t in tokens):
        return True
    if not roles:
        return False
    if any(strip_word(t) in roles for t in tokens):
        return True
    window = lowered[max(0, where[0] - 60) : where[0]] + lowered[where[1] : where[1] + 60]
    return any(role in window for role in roles)


def _reference(
    paragraphs: list[str],
    rules: QuoteRules,
    names: frozenset[str] | None = None,
    roles: frozenset[str] = frozenset(),
) -> list[Mention]:
    """``name_mentions`` as it was before the name table (per call, per paragraph)."""
    found: list[Mention] = []
    wanted = _Wanted(names | roles) if names is not None else None
    for index, text in enumerate(paragraphs):
        lowered = text.lower()
        if wanted is not None and not wanted.found_in(text, lowered):
            continue
        for start, end, tokens in _reference_runs(text, lowered, rules, None if roles else names):
            if names is not None and not _reference_wanted(
                tokens, lowered, (start, end), names, roles
            ):
                continue
            while tokens and strip_word(tokens[-1]) in rules.name_particles:
                tokens = tokens[:-1]
            before = text[max(0, start - 60) : start].split()
            following = text[end : end + 30].split()[:1]
            if _attributive(before, following, rules):
                continue
            after = _APPOSITION.match(text, end)
            if after is None and tokens[-1].endswith(","):
                after = _CLOSED_APPOSITION.match(text, end - 1)
            appositive = after.group(1).split() if after else []
            spoke = bool(following) and rules.cue.fullmatch(strip_word(following[0])) is not None
            last = strip_word(before[-1]) if before else ""
            place = bool(before) and (last in rules.prepositions or last in rules.determiners)
            spoke = spoke or (names is not None and not place and strip_word(tokens[-1]) in names)
            surname = names is not None and (
                strip_word(tokens[-1]) in names or strip_word(tokens[0]) in names
            )
            mention = _mention(tokens, before, appositive, (index, start), rules, spoke, surname)
            if mention is not None:
                found.append(_elided(mention, text, start, tokens))
    return found


_WORDS = [
    *("Ann", "Lee", "Lee’s", "Park", "May", "Tom", "de", "Mr", "Senator", "President", "the"),
    *("Minister", "Challenger", "Shanna", "Adv"),
    *("minister", "said", "in", "its", "annual", "Camp", "Strava", "event", "Hyde", "a", "lawyer"),
    *("who", "is", "’Manteboheng", "Molatjeng", "Jr.", "Acme", "Ministry", "Σοφία", "İpek"),
]
_PIECES = st.sampled_from([*_WORDS, " ", " ", " ", ", ", ". ", "—"])
_PARAGRAPH = st.lists(_PIECES, max_size=20).map("".join)
_LOOKUP = st.one_of(
    st.none(),
    st.frozensets(
        st.sampled_from(["ann", "lee", "park", "may", "σοφία", "ipek", "de", "", "minister"])
    ),
)
_ROLES = st.frozensets(st.sampled_from(["president", "minister", "senator", "lawyer"]))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_PARAGRAPH, min_size=1, max_size=4),
    st.lists(st.tuples(_LOOKUP, _ROLES), min_size=1, max_size=4),
)
@example(  # one run, looked up first by a surname that is a title word, then by its first name
    ["Shanna Minister said it."],
    [(frozenset({"minister"}), frozenset()), (frozenset({"shanna"}), frozenset())],
)
@example(  # "Park" after a preposition: a place unless a look-up makes it a speaker's name
    ["Ann Lee spoke in Hyde Park.", "Tom Park said so."],
    [(frozenset({"park"}), frozenset()), (None, frozenset()), (frozenset({"lee"}), frozenset())],
)
def test_name_mentions_match_the_former_loop_look_up_after_look_up(
    paragraphs: list[str], lookups: list[tuple[frozenset[str] | None, frozenset[str]]]
) -> None:
    clear_caches()  # then every look-up of the article reuses the tables the first one built
    for names, roles in lookups:
        roles = roles if names is not None else frozenset()
        assert name_mentions(paragraphs, RULES, names, roles) == _reference(
            paragraphs, RULES, names, roles
        )


def test_cached_runs_answer_each_look_up_by_its_own_names() -> None:
    paragraphs = ["Theresa May said the plan would hold.", "She spoke in Hyde Park."]
    clear_caches()
    assert name_mentions(paragraphs, RULES, frozenset({"park"})) == []
    found = name_mentions(paragraphs, RULES, frozenset({"may"}))
    assert [(m.paragraph, m.name) for m in found] == [(0, "Theresa May")]
    assert [m.name for m in name_mentions(paragraphs, RULES)] == ["Theresa May"]


def test_a_run_of_particles_an_organisation_owns_names_no_one() -> None:
    # the ownership test comes first: a run of name particles alone has no last word to read
    assert name_mentions(["its annual Van Der event"], RULES) == []


def test_a_run_of_particles_alone_names_no_one() -> None:
    # "Van Der" trimmed of its trailing particles leaves no word: no mention, and no crash
    paragraphs = [
        "The minister met Van Der on Monday.",
        '"We will rebuild the whole bridge by spring," the minister said.',
    ]
    assert name_mentions(paragraphs, RULES) == []
    assert [q.speaker for q in find_quotes(paragraphs, "en")] == ["the minister"]
