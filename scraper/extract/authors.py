"""Author names without a site config: JSON-LD, meta tags, bylines in markup, and cleanup.

``clean_authors`` keeps names as the page credits them (agencies included) but drops "By",
roles, photo credits and e-mail addresses; the publisher is used only when nobody else is named.

Conventions, following the reference data (news-fields): a newsroom credited alone is kept as
written ("Redaktion hessenschau.de", "BR24 Redaktion", "dpa"); a place written after the names
("Anna Martel und Lea Wagner, Nairobi") is split off like a name and kept, as the reference does;
desk-and-initials credits ("srf/hosb") stay whole, while full names joined by a bare slash
("Ana Roth/Ben Ode") split; job titles after a name are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.author_words import (
    AFFILIATION_WORDS,
    NOT_A_NAME_WORDS,
    PHOTO_WORDS,
    ROLE_MODIFIERS,
    ROLE_SUFFIXES,
    ROLE_WORDS,
)
from scraper.extract.bylines import labelled_byline, markup_bylines
from scraper.extract.jsonld import first_text, texts
from scraper.extract.text import normalize_space, simplify

#: ``simplify`` remembered: site names, title parts and bylines recur on every page of a site.
simplified = lru_cache(maxsize=4096)(simplify)


@lru_cache(maxsize=256)
def hostname(url: str) -> str | None:
    """The URL's host in lower case (remembered: several fields of a page ask for it)."""
    return urlsplit(url).hostname


#: Meta names (name/property, lower case) that carry the byline, in order.
AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
    "byl",
    "twitter:misc:written by",
    "cxenseparse:author",
    "article:author_name",
    "og:article:author",
    "og:author",
)
#: Labels of a Twitter card field that holds the byline.
BYLINE_LABELS = frozenset(
    {
        "written by",
        "verfasst von",
        "geschrieben von",
        "von",
        "écrit par",
        "escrito por",
        "scritto da",
        "by",
    }
)
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:written\s+)?(?:by|von|durch|par|por|di|da|door|av|af|od|från|ved|de|przez|tekst|text"
    r"|autor(?:in)?|author|reporter)\s*[:\-]?\s+",
    re.IGNORECASE,
)
#: A label before the byline word ("Travel By Sophie Foster", "Ein Kommentar von Jan Sellner"):
#: up to three words before an English "By", or a German genre word before "von".
_LABELLED_BYLINE = re.compile(
    r"^(?:\S+\s+){1,3}(?-i:By)\s+|^(?:ein(?:e)?\s+)?(?:kommentar|analyse|gastbeitrag|kolumne|"
    r"glosse|interview|reportage|essay|rezension|kritik)\s+von\s+"
    r"|^(?:alle\s+)?(?:posted|recipe|story|words|artikel|beitrag|beiträge|text|eingestellt"
    r"|erstellt|verfasst)\s+(?:by|von)\s+|^alles\s+von\s+"
    r"|^(?:propos\s+)?recueilli(?:e|s|es)?\s+par\s+",
    re.IGNORECASE,
)
#: Separators between names. A slash splits only with spaces around it: "srf/hosb" is one
#: newsroom credit (desk and initials), "Anna Roth / Ben Ode" two people.
_AUTHOR_SPLIT = re.compile(
    r"\s*(?:,|;|\||\s/\s|&|\s+(?:and|und|et|y|e|en|og|och|i|a|ja|mit)\s+)\s*", re.IGNORECASE
)
#: A slash between two words without spaces around it ("Ana Roth/Ben Ode", "dpa/AFP").
_BARE_SLASH = re.compile(r"(?<=\w)/(?=\w)")
#: Capitalised words a part needs to read as a person's full name ("Ana Roth", "Ana von Roth").
_FULL_NAME_WORDS = 2

#: Where a name or domain splits into parts for publisher matching ("mdr.de", "n-tv").
_NAME_PARTS = re.compile(r"[\s.\-]+")
#: One word that reads as a section name ("News", "capital"), not initials or an agency.
_SECTION_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_A-Z]{3,}|[^\W\d_A-Z]{4,})$")
_PARENTHESES = re.compile(r"\s*[(\[][^()\[\]]*[)\]]\s*$")


def _without_role(name: str) -> str:
    """The name without a job title or affiliation after it; "" when it is only a title.

    A title after a single word is left alone: "Guardian staff reporter" is the credit.
    """
    words = name.split()
    half = len(words) // 2
    if half and words[:half] == words[half:]:  # "Ana Roth Ana Roth": two spans of one link
        words = words[:half]
    lowered = [word.lower() for word in words]
    for index, word in enumerate(lowered):
        if index >= 2 and word in AFFILIATION_WORDS:
            return " ".join(words[:index])
        if word in ROLE_WORDS:
            start = index
            while start > 0 and (
                lowered[start - 1] in ROLE_MODIFIERS or words[start - 1].islower()
            ):
                start -= 1
            # One word left is a newsroom or place credit ("Guardian staff reporter"): kept.
            return " ".join(words[:start] if start != 1 else words)
    return " ".join(words)


def _full_name(text: str) -> bool:
    """Two capitalised words or more, and no label, address, digits or credit word ("Foto:
    Ana Roth", "Ritzau Scanpix")."""
    if any(c in ":@" or c.isdigit() for c in text):
        return False
    words = text.split()
    if any(word.lower().strip(".()") in NOT_A_NAME_WORDS for word in words):
        return False
    return sum(word[0].isupper() for word in words) >= _FULL_NAME_WORDS


def split_slashed_names(value: str) -> list[str]:
    """``value`` split at bare slashes when every part reads as a full name ("Ana Roth/Ben Ode");
    else ``[value]``: credits such as "dpa/AFP" (agencies), "srf/hosb" (desk and initials),
    "Text/Foto" (roles) or "Mads Rasmussen/Ritzau Scanpix" (a photo credit) are one credit
    each, and so is an address ("https://...").
    """
    parts = [part.strip() for part in _BARE_SLASH.split(value)]
    if len(parts) < 2 or "://" in value or not all(_full_name(part) for part in parts):
        return [value]
    return parts


def _person_name(name: str) -> str | None:
    name = _BYLINE_PREFIX.sub("", normalize_space(name)).strip(" ,;:-–|")
    name = _PARENTHESES.sub("", name)
    for suffix in ROLE_SUFFIXES:
        if name.endswith(" " + suffix):
            name = name[: -len(suffix)].strip()
    name = _without_role(name)
    # A label left inside ("Redaktion: ...", "Sendung: ...") credits another role or a show.
    if not name or len(name) > 60 or "@" in name or ":" in name or "_" in name:
        return None
    words = name.split()
    # Digits mark dates, times and counts ("25.04.2024", "3 Min."), but a newsroom name may
    # carry them inside a word ("BR24 Redaktion").
    if any(word.isdigit() or not any(c.isalpha() for c in word) for word in words):
        return None
    if len(words) > 5 or (len(words) == 1 and _BYLINE_PREFIX.match(name + " ")):
        return None  # a sentence, or a lone "Von"/"By" whose name is in another element
    if any(w.lower().strip(".():") in NOT_A_NAME_WORDS for w in words):
        return None
    return name


def _without_label(byline: str) -> str:
    """The byline after a section or genre label; a photo credit ("Photos By ...") stays whole
    so that it is dropped as one."""
    found = _LABELLED_BYLINE.match(byline)
    if not found or any(w.lower() in PHOTO_WORDS for w in found.group().split()):
        return byline
    return byline[found.end() :]


def _extends(name: str, other: str) -> bool:
    """Whether ``name`` is ``other`` (a full name of two words or more) with words appended,
    or with one word (a section label: "News Joshua Whorms") before it."""
    if " " not in other:
        return False
    name, other = name.lower(), other.lower()
    return name.startswith(other + " ") or (
        name.endswith(" " + other) and " " not in name[: -len(other) - 1]
    )


def clean_authors(names: list[str], publisher: str | None = None) -> list[str]:
    """Author names: no "By", no roles or photo credits, "A and B" split, duplicates dropped.

    ``publisher`` (the site name) is dropped when it appears beside other names; alone it is
    kept, as is a credited agency ("Associated Press"), because that is who the page credits.
    """
    result: list[str] = []
    seen: set[str] = set()
    pub = simplified(publisher) if publisher else ""
    for raw in names:
        raw = _BYLINE_PREFIX.sub("", _without_label(normalize_space(raw)))
        if "://" in raw or raw.startswith("www."):
            continue
        pieces = _AUTHOR_SPLIT.split(raw)
        for part in (split for piece in pieces for split in split_slashed_names(piece)):
            name = _person_name(part)
            if not name:
                continue
            key = name.lower()
            if key in seen:
                continue
            seen.add(key)
            result.append(name)
    # "Daniel Großert Redakteur" beside "Daniel Großert": the longer one adds a title.
    result = [name for name in result if not any(_extends(name, other) for other in result)]
    if pub and len(result) > 1:
        result = [name for name in result if simplified(name) != pub] or result
    return result


def _jsonld_names(value: Any) -> Iterator[str]:
    """Author names in JSON-LD: strings, ``name``, or ``givenName`` + ``familyName``."""
    if isinstance(value, list):
        for item in value:
            yield from _jsonld_names(item)
    elif isinstance(value, dict) and not value.get("name"):
        parts = [first_text(value.get(key)) for key in ("givenName", "familyName")]
        if any(parts):
            yield " ".join(part for part in parts if part)
    else:
        yield from texts(value)


def _author_candidates(
    tree: LexborHTMLParser, article: dict[str, Any] | None, meta: dict[str, list[str]]
) -> Iterator[tuple[list[str], str]]:
    """Raw author names from each source, in order of trust."""
    if article is not None:
        yield [n for n in _jsonld_names(article.get("author")) if n.strip()], "jsonld"
    for name in AUTHOR_META:
        yield [v for v in meta.get(name, ()) if "://" not in v], f"meta:{name}"
    # WordPress/Yoast write the byline as a labelled Twitter card field.
    for index in ("1", "2"):
        label = (meta.get(f"twitter:label{index}") or [""])[0].lower()
        if label in BYLINE_LABELS:
            yield meta.get(f"twitter:data{index}", [])[:1], f"meta:twitter:data{index}"
    yield from markup_bylines(tree, _names_someone)
    yield labelled_byline(tree, _names_someone), "heuristic"


def _names_someone(text: str) -> bool:
    return bool(clean_authors([text]))


def _publisher_keys(article: dict[str, Any] | None, site: str | None, url: str | None) -> set[str]:
    keys = {simplified(site or "")}
    if article is not None:
        keys.add(simplified(first_text(article.get("publisher")) or ""))
    host = hostname(url) if url else None
    if host:
        keys.add(simplified(host.removeprefix("www.").rsplit(".", 1)[0]))
    return {key for key in keys if len(key) >= 2}


def _is_publisher(name: str, keys: set[str]) -> bool:
    if "/" in name:  # "srf/hosb": the desk and a journalist's initials, more than the publisher
        return False
    simple = simplified(name)
    if not simple:
        return False
    # The publisher's key must be whole parts of the name ("n-tv NACHRICHTEN", "mdr.de",
    # "Redaktion hessenschau.de"), not a piece of one: "Tom Sternberg" is not stern.de.
    words = [simplified(word) for word in _NAME_PARTS.split(name)]
    spans = {"".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    # A short name inside a key is a coincidence ("Tim" in "lesothotimes"), a longer one the
    # publisher's short form ("Lesotho" for "Lesotho Times").
    return any(k in spans or (len(simple) >= 4 and simple in k) for k in keys)


#: A credit with an address in parentheses: "Deutsche Welle (www.dw.com)".
_ADDRESSED = re.compile(r"(.+?)\s*\(([^()\s]+\.[^()\s]+)\)\s*")


def _add_addressed_names(names: list[str], keys: set[str]) -> None:
    """A credit that gives the site's own address is the site's: its name joins ``keys``."""
    for name in names:
        found = _ADDRESSED.fullmatch(name)
        if found and _is_publisher(found.group(2), keys):
            keys.add(simplified(found.group(1)))


def _without_labels(texts: list[str], full_names_only: bool) -> list[str]:
    """Byline elements without section links ("News", "Travel": one word, not an agency's
    short form like "dpa" or "AFP") when another element holds a full name; only those that
    name someone in full when ``full_names_only`` (a place may follow: "Von Ana Roth, Lille")."""
    if full_names_only:
        return [text for text in texts if any(len(p.split()) > 1 for p in clean_authors([text]))]
    if any(len(text.split()) > 1 for text in texts):
        return [text for text in texts if not _SECTION_WORD.match(text)]
    return texts


def extract_authors(
    tree: LexborHTMLParser,
    article: dict[str, Any] | None,
    meta: dict[str, list[str]],
    site: str | None,
    url: str | None = None,
) -> tuple[list[str], str]:
    """The first source naming someone other than the publisher; else the publisher credit.

    When JSON-LD credits the publisher itself, markup overrides it only with full names
    ("By Mia Wong"), not with a bare agency or initials ("von APA"). When JSON-LD names people,
    the first markup byline replaces its list only if it names them all and more people in full.
    """
    keys: set[str] | None = None  # found once some source names anyone
    fallback: tuple[list[str], str] = ([], "")
    candidates = _author_candidates(tree, article, meta)
    for names, source in candidates:
        if not names:
            continue
        if keys is None:
            keys = _publisher_keys(article, site, url)
        markup = source.startswith("selector:") or source == "heuristic"
        if markup:
            names = _without_labels(names, full_names_only=fallback[1] == "jsonld")
        # "Site.de, Frankfurt, Germany" is the publisher's imprint, not a list of people.
        names = [n for n in names if "," not in n or not _is_publisher(n.split(",")[0], keys)]
        _add_addressed_names(names, keys)
        cleaned = clean_authors(names, site)
        if not cleaned:
            continue
        people = [name for name in cleaned if not _is_publisher(name, keys)]
        if people:
            if source == "jsonld":
                return _completed_by_markup(cleaned, candidates, keys)
            # Markup bylines mix in the newsroom name; metadata lists are taken as written.
            return (people if markup else cleaned), source
        if not fallback[0]:
            fallback = (cleaned, source)
    return fallback


def _completed_by_markup(
    names: list[str], candidates: Iterator[tuple[list[str], str]], keys: set[str]
) -> tuple[list[str], str]:
    """JSON-LD's ``names``, or the page's first markup byline when it names all of them and
    more people in full (not the publisher, ``keys``): JSON-LD sometimes lists only the first
    of several authors."""
    listed = {name.casefold() for name in names}
    for byline, source in candidates:
        if not byline or not source.startswith("selector:"):
            continue
        shown = [name for name in clean_authors(byline) if not _is_publisher(name, keys)]
        more = [name for name in shown if name.casefold() not in listed]
        complete = listed <= {name.casefold() for name in shown}
        if more and complete and all(len(name.split()) > 1 for name in more):
            return shown, source
        break
    return names, "jsonld"
