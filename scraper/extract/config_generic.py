"""Where the config path defers to the generic extractor, so that a config never makes a field
worse than the generic path would: a date the config read from metadata meets the generic date
rules, and authors the config left empty take the generic byline.

Both read the page before the config's ``strip`` removes nodes: a stripped date line or byline
box is noise in the body, but still evidence for the metadata fields.
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.authors import extract_authors
from scraper.extract.published import find_published

#: Prefix of ``Article.sources`` values the generic extractor supplied in place of (or over)
#: the config's selectors: ``generic:heuristic``, ``generic:url``, ``generic:jsonld``.
GENERIC_SOURCE = "generic:"
#: Generic date sources that rest on evidence a metadata value lacks: the URL's day (fixed when
#: the story was filed) and the date shown beside the headline. A generic date from other
#: metadata (a modified date the page shows as "Updated") does not overrule a config's choice.
EVIDENCE_SOURCES = frozenset({"url", "heuristic"})
#: Source prefix of generic authors read by byline class names (not taken for a config).
GENERIC_MARKUP_SOURCE = "selector:"


def is_metadata_source(source: str) -> bool:
    """Whether a config value came from a ``jsonld:`` or ``meta:`` fallback (not a selector)."""
    return source == "jsonld" or source.startswith("meta:")


def checked_published(
    tree: LexborHTMLParser,
    jsonld: dict[str, Any] | None,
    meta: dict[str, list[str]],
    url: str | None,
    published: str,
    source: str,
) -> tuple[str, str]:
    """A config's publication date, or the generic one when the generic rules overrule it.

    Only a date read from metadata is checked: it says no more than the generic extractor
    reads itself, which also weighs the URL's day and the date shown beside the headline. A
    date read with a CSS selector is what the config's author pointed at, and stands.
    """
    if not is_metadata_source(source):
        return published, source
    generic, generic_source = find_published(tree, jsonld, meta, url)
    if generic and generic_source in EVIDENCE_SOURCES and generic[:10] != published[:10]:
        return generic, f"{GENERIC_SOURCE}{generic_source}"
    return published, source


def generic_authors(
    tree: LexborHTMLParser,
    jsonld: dict[str, Any] | None,
    meta: dict[str, list[str]],
    url: str | None,
    site: str,
) -> tuple[list[str], str]:
    """The generic extractor's authors of the page and their source (``generic:...``).

    Only names from metadata or from a labelled byline ("Autor: ..."): the generic byline
    class names (``.author-name``) also match the bylines of teasers around the article, and a
    config that found no byline has looked at the page's markup already.
    """
    names, source = extract_authors(tree, jsonld, meta, site, url)
    if source.startswith(GENERIC_MARKUP_SOURCE):
        return [], ""
    return names, f"{GENERIC_SOURCE}{source or 'heuristic'}"
