"""JSON-LD reading: collect every object of every ld+json script (through @graph and arrays)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import unescape
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

#: schema.org types that describe an article (a type containing "Article" also counts).
ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "liveblogposting",
        "socialmediaposting",
        "scholarlyarticle",
        "techarticle",
        "report",
        "posting",
    }
)
#: The script elements that hold JSON-LD.
JSONLD_SCRIPTS = 'script[type="application/ld+json"]'
_MAX_OBJECTS = 200


def _walk(value: Any, out: list[dict[str, Any]]) -> None:
    if len(out) >= _MAX_OBJECTS:
        return
    if isinstance(value, list):
        for item in value:
            _walk(item, out)
    elif isinstance(value, dict):
        out.append(value)
        graph = value.get("@graph")
        if graph is not None:
            _walk(graph, out)
        main = value.get("mainEntity")
        if isinstance(main, dict | list):
            _walk(main, out)


#: The last tree read and its objects: extraction asks several times per page, and the body
#: pass later removes the scripts. Holding the tree keeps its id from being reused.
_last: list[tuple[LexborHTMLParser, list[dict[str, Any]]]] = []


def jsonld_objects(
    tree: LexborHTMLParser, scripts: list[LexborNode] | None = None
) -> list[dict[str, Any]]:
    """Every JSON object found in ``<script type="application/ld+json">`` blocks (bad JSON skipped).

    ``scripts`` are those elements when the caller has found them already (``JSONLD_SCRIPTS``,
    in document order). Cached for the most recent tree, so call it before the body pass
    strips scripts.
    """
    if _last and _last[0][0] is tree:
        return _last[0][1]
    objects = _read_objects(tree.css(JSONLD_SCRIPTS) if scripts is None else scripts)
    _last[:] = [(tree, objects)]
    return objects


def _read_objects(scripts: list[LexborNode]) -> list[dict[str, Any]]:
    objects: list[dict[str, Any]] = []
    for node in scripts:
        raw = node.text(deep=True) or ""
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            try:  # a common breakage: trailing semicolons or HTML comments around the JSON
                data = json.loads(raw.strip().strip(";").removeprefix("<!--").removesuffix("-->"))
            except ValueError:
                continue
        _walk(data, objects)
    return objects


def types_of(obj: dict[str, Any]) -> set[str]:
    """The lower-cased @type values of an object."""
    value = obj.get("@type")
    if isinstance(value, str):
        return {value.lower()}
    if isinstance(value, list):
        return {v.lower() for v in value if isinstance(v, str)}
    return set()


def is_article(obj: dict[str, Any]) -> bool:
    """Whether a JSON-LD object describes an article (by @type)."""
    return any(t in ARTICLE_TYPES or "article" in t for t in types_of(obj))


def find_article(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The article object: the first article-typed one with a headline, else any article-typed one."""
    articles = [obj for obj in objects if is_article(obj)]
    for obj in articles:
        if obj.get("headline") or obj.get("name"):
            return obj
    if articles:
        return articles[0]
    for obj in objects:  # a WebPage that carries article fields (datePublished + headline)
        if "webpage" in types_of(obj) and obj.get("headline") and obj.get("datePublished"):
            return obj
    return None


def texts(value: Any, key: str = "name") -> Iterator[str]:
    """Strings in a JSON-LD value: plain strings, ``{key: ...}`` objects, lists of either."""
    if isinstance(value, str):
        yield unescape(value) if "&" in value else value
    elif isinstance(value, dict):
        inner = value.get(key)
        if isinstance(inner, str):
            yield unescape(inner) if "&" in inner else inner
        elif isinstance(inner, list | dict):
            yield from texts(inner, key)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item, key)


def first_text(value: Any, key: str = "name") -> str | None:
    """The first string of a JSON-LD value (see ``texts``), or None."""
    for text in texts(value, key):
        if text.strip():
            return text.strip()
    return None
