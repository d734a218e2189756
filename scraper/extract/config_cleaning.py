"""Cleaning of the values a site config read: the generic extractor's headline and author
cleaners, plus the config path's own rules (a config's ``headline_strip`` patterns, names joined by a
bare slash, the publisher credited as author).
"""

from __future__ import annotations

import re

from scraper.extract.metadata import clean_authors, clean_headline
from scraper.extract.text import normalize_space

#: A slash between names without spaces ("Ana Roth/Ben Ode"). The spaced separators (" / ",
#: " & ", " und ", " og ", " y ", ",", ";" ...) are a table of the shared authors cleaner.
_NAME_SLASH = re.compile(r"(?<=\w)/(?=\w)")
#: Where a publisher's name ends when an author value starts with it ("MDR THÜRINGEN",
#: "STERN.de", "n-tv NACHRICHTEN"), so that "Sternberg" is not "stern". Not a slash: "srf/hosb"
#: is the desk and a journalist's initials, more than the publisher.
_NAME_END = re.compile(r"[\s.,;:|()\-]")
#: Publisher names shorter than this are not matched at the start of an author value.
_MIN_PUBLISHER = 3


def split_names(values: list[str]) -> list[str]:
    """Author values with names joined by a bare slash split ("Ana Roth/Ben Ode").

    A value splits only when a part is a full name (two words or more): "srf/hosb" (desk and
    initials) and "dpa/AFP" (agencies) are one credit each.
    """
    out: list[str] = []
    for value in values:
        parts = [part.strip() for part in _NAME_SLASH.split(value)]
        whole = len(parts) < 2 or "://" in value or not all(parts)
        out.extend([value] if whole or not any(" " in part for part in parts) else parts)
    return out


def names_publisher(author: str, publishers: list[str]) -> bool:
    """Whether ``author`` is one of ``publishers`` or starts with one as a whole word ("MDR
    THÜRINGEN" for MDR): the site credited as author is not a person."""
    folded = author.casefold()
    for publisher in publishers:
        publisher = publisher.strip().casefold()
        if len(publisher) < _MIN_PUBLISHER:
            continue
        if folded == publisher:
            return True
        if folded.startswith(publisher) and _NAME_END.match(folded, len(publisher)):
            return True
    return False


def config_authors(values: list[str], publishers: list[str]) -> list[str]:
    """Person names from the author values a config read: names joined by a slash split, the
    shared cleaning ("By", roles, " und ", " & "...), the publisher's own credits dropped.

    ``publishers`` are the names the site goes by, the config's ``name`` first.
    """
    site_name = publishers[0] if publishers else None
    names = clean_authors(split_names(values), site_name)
    return [name for name in names if not names_publisher(name, publishers)]


def config_headline(
    headline: str | None, patterns: tuple[re.Pattern[str], ...], site_name: str
) -> str | None:
    """The headline without the config's ``headline_strip`` patterns, then shared cleaning.

    The patterns see the headline as read (whitespace folded). A pattern that would leave
    nothing is ignored: it must never erase a headline.
    """
    if not headline:
        return None
    for pattern in patterns:
        headline = normalize_space(pattern.sub("", headline)) or headline
    return clean_headline(headline, site_name) or None
