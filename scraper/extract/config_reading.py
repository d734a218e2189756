"""Reading a site config's fallbacks from a page: the page with its lazily read metadata, and
the values of one fallback (``jsonld:`` path, ``meta:`` name or CSS selector with ``@attr``).
Used by ``scraper.extract.configured``.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.jsonld import find_article, jsonld_objects
from scraper.extract.metadata import meta_table
from scraper.extract.text import normalize_space
from scraper.models import Article
from scraper.sites import split_attribute

#: Stands in for ``<br>`` while reading text (a private-use character: never in real text,
#: and unlike a newline not confused with line breaks of the HTML source).
LINE_BREAK = "\ue000"


@dataclass
class Page:
    """One page being extracted: the tree plus lazily computed metadata and generic result."""

    text: str
    url: str | None
    tree: LexborHTMLParser
    sources: dict[str, str] = field(default_factory=dict)

    @cached_property
    def jsonld(self) -> dict[str, Any] | None:
        return find_article(jsonld_objects(self.tree))

    @cached_property
    def meta(self) -> dict[str, list[str]]:
        """``<meta>`` values by lower-cased name/property/itemprop: the generic extractor's
        table, read once for the config's ``meta:`` fallbacks and the generic date rules."""
        return meta_table(self.tree)

    @cached_property
    def generic(self) -> Article:
        """The whole generic record (from the original text): only when the body is missing."""
        from scraper.extract.generic import extract_generic

        return extract_generic(self.text, self.url)

    @cached_property
    def metadata(self) -> Article:
        """Generic metadata only (cheap, no body scoring): for a missing headline or date."""
        from scraper.extract.metadata import extract_metadata

        return extract_metadata(self.tree, self.url)


def select(node: LexborHTMLParser | LexborNode, selector: str) -> list[LexborNode]:
    """Matches of ``selector`` in document order, each once (lexbor repeats a node that
    matches several parts of a selector list)."""
    seen: set[int] = set()
    out = []
    for match in node.css(selector):
        if match.mem_id not in seen:
            seen.add(match.mem_id)
            out.append(match)
    return out


# ---------------------------------------------------------------- reading one fallback


def jsonld_values(value: Any, path: list[str]) -> list[str]:
    """Follow a dotted path through dicts, mapping over lists; strings at the end."""
    if isinstance(value, list):
        return [v for item in value for v in jsonld_values(item, path)]
    if not path:
        if isinstance(value, str):
            return [html.unescape(value)]  # JSON-LD often holds entity-escaped text
        if isinstance(value, int | float) and not isinstance(value, bool):
            return [str(value)]
        if isinstance(value, dict):
            return jsonld_values(value.get("name") or value.get("url"), [])
        return []
    if isinstance(value, dict):
        return jsonld_values(value.get(path[0]), path[1:])
    return []


def node_lines(node: LexborNode, exclude: tuple[str, ...] = ()) -> list[str]:
    """The folded, non-empty lines of a node's text; ``<br>`` ends a line. Descendants matching
    ``exclude`` (a kicker inside the ``h1``, a "By" label) are left out."""
    for br in node.css("br"):
        br.replace_with(LINE_BREAK)
    if exclude:
        left_out = {n.mem_id for n in node.css(", ".join(exclude))} - {node.mem_id}
        text = "".join(_text_without(node, left_out)) if left_out else node.text(separator="")
    else:
        text = node.text(deep=True, separator="")
    return [line for line in map(normalize_space, text.split(LINE_BREAK)) if line]


def _text_without(node: LexborNode, left_out: set[int]) -> list[str]:
    """The text pieces below ``node`` in document order, skipping the ``left_out`` subtrees."""
    pieces: list[str] = []
    for child in node.iter(include_text=True):
        if child.tag == "-text":
            pieces.append(child.text_content or "")
        elif child.tag != "-comment" and child.mem_id not in left_out:
            pieces.extend(_text_without(child, left_out))
    return pieces


def node_text(node: LexborNode, exclude: tuple[str, ...] = ()) -> str:
    """The folded text of a node (``<br>`` counts as a space), without ``exclude`` matches."""
    return " ".join(node_lines(node, exclude))


#: What one fallback read: its values, each with the node it came from (None for metadata).
Matches = list[tuple[str, LexborNode | None]]


def read_matches(
    page: Page,
    fallback: str,
    many: bool,
    root: LexborNode | None = None,
    exclude: tuple[str, ...] = (),
) -> tuple[Matches, str]:
    """The non-empty values of one fallback with their nodes, and the source to record."""
    found: Matches
    if fallback.startswith("jsonld:"):
        key = fallback[7:]
        values = jsonld_values(page.jsonld, key.split(".")) if page.jsonld else []
        found, source = [(v, None) for v in values], "jsonld"
    elif fallback.startswith("meta:"):
        key = fallback[5:]
        found, source = [(v, None) for v in page.meta.get(key.lower(), [])], f"meta:{key}"
    else:
        selector, attribute = split_attribute(fallback)
        nodes = select(root if root is not None else page.tree, selector)
        if attribute:
            found = [(n.attributes.get(attribute) or "", n) for n in nodes]
        else:
            found = [(node_text(n, exclude), n) for n in (nodes if many else nodes[:3])]
        source = f"selector:{fallback}"
    found = [(normalize_space(v), n) for v, n in found if v and v.strip()]
    return (found if many else found[:1]), source


def read_fallback(
    page: Page, fallback: str, many: bool, root: LexborNode | None = None
) -> tuple[list[str], str]:
    """Values of one fallback (all of them when ``many``, else at most one) and their source.

    CSS fallbacks search ``root`` when given (an image's figure), else the whole page.
    """
    found, source = read_matches(page, fallback, many, root)
    return [value for value, _ in found], source


def first_matches(
    page: Page,
    fallbacks: tuple[str, ...],
    many: bool,
    root: LexborNode | None = None,
    exclude: tuple[str, ...] = (),
) -> tuple[Matches, str | None]:
    for fallback in fallbacks:
        found, source = read_matches(page, fallback, many, root, exclude)
        if found:
            return found, source
    return [], None


def first_values(
    page: Page,
    fallbacks: tuple[str, ...],
    many: bool,
    root: LexborNode | None = None,
    exclude: tuple[str, ...] = (),
) -> tuple[list[str], str | None]:
    """The values of the first fallback that yields any, with its source."""
    found, source = first_matches(page, fallbacks, many, root, exclude)
    return [value for value, _ in found], source
