"""Publication and modification dates without a site config.

Chooses among JSON-LD, ``<meta>`` names, date markup (``<time>``, itemprop, class names), the URL
and the visible text; ``extract_metadata`` calls :func:`find_published` and :func:`find_modified`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.dates import date_from_url, find_date, parse_date
from scraper.extract.jsonld import first_text

__all__ = ["MODIFIED_META", "PUBLISHED_META", "find_modified", "find_published"]

#: Meta names (name/property/itemprop, lower case) holding the publication date, in order.
PUBLISHED_META: tuple[str, ...] = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article:published",
    "publishdate",
    "pubdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "og:published_time",
    "article.published",
    "datecreated",
    "created",
    "dc.date.created",
    "published_time",
    "release_date",
    "originalpublicationdate",
    "og:pubdate",
    "citation_publication_date",
)
#: Meta names holding the last modification date, in order.
MODIFIED_META: tuple[str, ...] = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "article:modified",
    "last-modified",
    "dcterms.modified",
    "lastmod",
    "og:article:modified_time",
)
#: Elements whose attributes or text hold the publication date, in order.
DATE_SELECTORS = (
    ('[itemprop="datePublished"]', "content"),
    ('[itemprop="datePublished"]', "datetime"),
    ("time[pubdate]", "datetime"),
    ("article time[datetime]", "datetime"),
    ("time[datetime]", "datetime"),
    ('[class*="date"]', ""),
    ("time", ""),
)
#: How much of the page text is searched for a written date as the last resort.
DATE_TEXT_CHARS = 20000
_ANY_DATE = ", ".join(css for css, _attr in DATE_SELECTORS)


def find_published(
    tree: LexborHTMLParser,
    article: dict[str, Any] | None,
    meta: dict[str, list[str]],
    url: str | None,
) -> tuple[str | None, str]:
    """The publication date (ISO 8601) and its source (``jsonld``, ``meta:<name>``, ...)."""
    published, source = _date_field(article, meta, "datePublished", PUBLISHED_META)
    if not published:
        published, source = _published_from_markup(tree, url)
    from_url = date_from_url(url)
    if published and from_url and _days_apart(published, from_url) > 1:
        # A date in the URL is fixed at publication; metadata that disagrees by more than a
        # time-zone shift usually carries a later update.
        published, source = from_url, "url"
    return published, source


def find_modified(
    article: dict[str, Any] | None, meta: dict[str, list[str]]
) -> tuple[str | None, str]:
    """The last modification date (ISO 8601) and its source, from JSON-LD or meta."""
    return _date_field(article, meta, "dateModified", MODIFIED_META)


def _date_field(
    article: dict[str, Any] | None,
    meta: dict[str, list[str]],
    key: str,
    names: tuple[str, ...],
) -> tuple[str | None, str]:
    if article is not None:
        value = first_text(article.get(key))
        parsed = parse_date(value) if value else None
        if parsed:
            return parsed, "jsonld"
    for name in names:
        for value in meta.get(name, ()):
            parsed = parse_date(value)
            if parsed:
                return parsed, f"meta:{name}"
    return None, ""


def _published_from_markup(tree: LexborHTMLParser, url: str | None) -> tuple[str | None, str]:
    candidates = tree.css(_ANY_DATE)
    for css, attr in DATE_SELECTORS if candidates else ():
        for node in [n for n in candidates if n.css_matches(css)][:5]:
            value = node.attributes.get(attr) if attr else node.text(deep=True, separator=" ")
            parsed = parse_date(value) if value and len(value) < 120 else None
            if parsed:
                return parsed, f"selector:{css}"
    from_url = date_from_url(url)
    if from_url:
        return from_url, "url"
    visible = _date_in_text(tree)
    if visible:
        return visible, "heuristic"
    return None, ""


def _days_apart(first: str, second: str) -> int:
    try:
        return abs((date.fromisoformat(first[:10]) - date.fromisoformat(second[:10])).days)
    except ValueError:
        return 0


def _date_in_text(tree: LexborHTMLParser) -> str | None:
    """The first written date after the headline in the visible text (else the first at all).

    Only reached when metadata, markup and URL give no date; limited to the first
    ``DATE_TEXT_CHARS`` characters of the page text.
    """
    body = tree.body
    if body is None:
        return None
    text = body.text(deep=True, separator="\n", strip=True)[:DATE_TEXT_CHARS]
    h1 = tree.css_first("h1")
    start = 0
    if h1 is not None:
        heading = h1.text(deep=True, separator="\n", strip=True)
        found = text.find(heading) if heading else -1
        start = found + len(heading) if found >= 0 else 0
    return find_date(text[start:]) or (find_date(text[:start]) if start else None)
