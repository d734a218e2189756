"""Publication and modification dates without a site config.

Chooses among JSON-LD, ``<meta>`` names, date markup (``<time>``, itemprop, class names), the URL
and the visible text; ``extract_metadata`` calls :func:`find_published` and :func:`find_modified`.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.dates import date_from_url, not_future, parse_date
from scraper.extract.jsonld import first_text
from scraper.extract.visible_dates import date_in_text, first_date, headline_node, shown_dates

__all__ = [
    "MODIFIED_META",
    "PUBLISHED_META",
    "find_modified",
    "find_published",
]

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
    # <abbr itemprop="datePublished" title="2017-09-09T10:52:00+02:00">10:52</abbr> (Blogger)
    ('[itemprop="datePublished"]', "title"),
    ("time[pubdate]", "datetime"),
    ("article time[datetime]", "datetime"),
    ("time[datetime]", "datetime"),
    ('[class*="date"]', ""),
    ("time", ""),
)
#: Generic meta names: a page's "date" is often its last change; a shown date beats them.
WEAK_PUBLISHED_META = frozenset(
    {
        "date",
        "dc.date",
        "dcterms.date",
        "created",
        "datecreated",
        "dc.date.created",
        "dcterms.created",
    }
)
#: Meta names not listed above that still say "published" (vendor prefixes).
PUBLISHED_NAME = re.compile(r"publish(?:ed)?[_-]?(?:time|date|at)|pub[_-]?date|created[_-]?at")
#: A publication date in JSON page data inside scripts.
SCRIPT_DATE = re.compile(
    r'"(?:datePublished|published_?[aA]t|publishedAt|publish_?[dD]ate|pubDate|date_published'
    r'|createdAt|created_at)"\s*:\s*"([^"]{8,40})"'
)
#: Meta names whose text or URL may hold a date when nothing else does.
DESCRIPTION_META = ("og:description", "description")
DESCRIPTION_CHARS = 300
IMAGE_META = ("og:image", "twitter:image")
LAST_RESORT_META = frozenset(DESCRIPTION_META + IMAGE_META)
#: Offsets from UTC of the zones a publisher's local day is looked for in.
LOCAL_ZONES = (timedelta(hours=-10), timedelta(hours=13))
#: Selectors trusted over the shown date (they name the publication date explicitly).
_ITEMPROP = '[itemprop="datePublished"]'
STRONG_SELECTORS = frozenset({_ITEMPROP})
#: One query for the headline and every node a ``DATE_SELECTORS`` entry can match (the ``time``
#: selectors all match ``time`` elements; fewer selectors make the query cheaper).
_HEADLINE_OR_DATE = f'h1, time, {_ITEMPROP}, [class*="date"]'


def find_published(
    tree: LexborHTMLParser,
    article: dict[str, Any] | None,
    meta: dict[str, list[str]],
    url: str | None,
    h1s: list[LexborNode] | None = None,
) -> tuple[str | None, str]:
    """The publication date (ISO 8601) and its source (``jsonld``, ``meta:<name>``, ...).

    Metadata first; a date the page shows beside the headline settles disagreements (it is the
    day readers see); a full date in the URL, fixed when the story was filed, is checked last
    (:func:`_against_url`). ``h1s``: the page's ``<h1>`` elements in page order when the caller
    has them (saves a walk of the page).
    """
    from_url = _url_date(url)
    published, source = _date_field(article, meta, "datePublished", PUBLISHED_META)
    shown: list[str] | None = None
    # The shown date is read only when it can change the answer: a metadata date on the URL's
    # day stands, and so does a specific, zoned one unless a different modified day exists.
    if published and not (from_url and _days_apart(published, from_url) == 0):
        modified = _date_field(article, meta, "dateModified", MODIFIED_META)
        if _shown_may_win(published, source, modified[0]):
            shown = shown_dates(headline_node(tree, h1s), published)
            published, source = _reconcile((published, source), modified, shown)
    elif not published:
        published, source = _published_from_markup(tree, url)
    if not published:
        published, source = _date_in_page_meta(meta)
    if published and from_url and _days_apart(published, from_url) > 0:
        if shown is None and _is_metadata(source):
            shown = shown_dates(headline_node(tree, h1s), published)
        published, source = _against_url((published, source), from_url, shown or [])
    return published, source


def _against_url(published: tuple[str, str], from_url: str, shown: list[str]) -> tuple[str, str]:
    """Settle a date that is not on the URL's day (measured on the dates and news-fields corpora,
    see tests/test_extract_published.py).

    More than a day apart, the URL wins (a metadata date set again when a story is re-saved),
    unless the first date shown beside the headline is the metadata's day (a magazine's issue
    date in the URL, a story filed days before it ran). One day apart, a metadata time in UTC
    that the page does not show first, and that is on the URL's day in a plausible local zone,
    is the UTC day of an evening story: the URL keeps the publisher's local day.
    """
    value, source = published
    apart = _days_apart(value, from_url)
    if not _is_metadata(source):
        return (from_url, "url") if apart > 1 else published
    confirmed = bool(shown) and _days_apart(value, shown[0]) == 0
    if apart > 1 and not confirmed:
        return from_url, "url"
    if apart == 1 and not confirmed and _local_day_may_be(value, from_url):
        return from_url, "url"
    return published


def _local_day_may_be(value: str, day: str) -> bool:
    """Whether a UTC time ``value`` falls on ``day`` in some zone from UTC-10 to UTC+13 (where
    nearly all publishers are)."""
    if not _is_utc_time(value):
        return False
    try:
        moment = datetime.fromisoformat(value)
        wanted = date.fromisoformat(day[:10])
    except ValueError:
        return False
    earliest, latest = moment + LOCAL_ZONES[0], moment + LOCAL_ZONES[1]
    return earliest.date() <= wanted <= latest.date()


def _is_metadata(source: str) -> bool:
    """A date from JSON-LD or a date ``<meta>`` (not one read in a description or image URL)."""
    name = source.removeprefix("meta:")
    return source == "jsonld" or (name != source and name not in LAST_RESORT_META)


def find_modified(
    article: dict[str, Any] | None, meta: dict[str, list[str]]
) -> tuple[str | None, str]:
    """The last modification date (ISO 8601) and its source, from JSON-LD or meta."""
    return _date_field(article, meta, "dateModified", MODIFIED_META)


def _shown_may_win(published: str, source: str, modified: str | None) -> bool:
    """Whether :func:`_reconcile` may prefer anything to ``published`` (else skip the shown date)."""
    return (
        _is_weak(source)
        or _is_utc_time(published)
        or (modified is not None and _days_apart(published, modified) != 0)
    )


def _reconcile(
    published: tuple[str, str], modified: tuple[str | None, str], shown: list[str]
) -> tuple[str, str]:
    """Choose between metadata and the shown date when they name different days."""
    if not shown or any(_days_apart(published[0], value) == 0 for value in shown):
        return published
    first = shown[0]
    if modified[0] and _days_apart(modified[0], first) == 0:
        # the page shows only its update: readers (and citations) see that day
        return modified[0], modified[1]
    if _is_weak(published[1]) or _is_utc_time(published[0]):
        # generic "date" names and UTC stamps are often set by the system, not the editor
        return first, "heuristic"
    return published


def _is_weak(source: str) -> bool:
    """A generic meta name (``date``, ``dc.date``): often the page's last change."""
    return source.removeprefix("meta:") in WEAK_PUBLISHED_META


def _is_utc_time(value: str) -> bool:
    """A time given in UTC: its day may differ from the publisher's local day."""
    return "T" in value and value.endswith("+00:00")


def _parse(value: str) -> str | None:
    """``parse_date`` limited to plausible publication dates (not in the future)."""
    parsed = parse_date(value)
    return parsed if parsed and not_future(parsed) else None


def _url_date(url: str | None) -> str | None:
    value = date_from_url(url)
    return value if value and not_future(value) else None


def _date_field(
    article: dict[str, Any] | None,
    meta: dict[str, list[str]],
    key: str,
    names: tuple[str, ...],
) -> tuple[str | None, str]:
    if article is not None:
        value = first_text(article.get(key))
        parsed = _parse(value) if value else None
        if parsed:
            return parsed, "jsonld"
    for name in names:
        for value in meta.get(name, ()):
            parsed = _parse(value)
            if parsed:
                return parsed, f"meta:{name}"
    # vendor-prefixed names: "shareaholic:article_published_time", "x:created_at"; one search
    # of all names first (a match cannot span the line break) spares one search per name
    if key == "datePublished" and PUBLISHED_NAME.search("\n".join(meta)):
        for name, values in meta.items():
            parsed = _parse(values[0]) if PUBLISHED_NAME.search(name) else None
            if parsed:
                return parsed, f"meta:{name}"
    return None, ""


def _date_in_scripts(tree: LexborHTMLParser) -> str | None:
    """A publication date in page data (``"published_at": "..."``) inside ``<script>``."""
    for node in tree.css("script"):
        match = SCRIPT_DATE.search(node.text(deep=False) or "")
        parsed = _parse(match[1]) if match else None
        if parsed:
            return parsed
    return None


def _published_from_markup(tree: LexborHTMLParser, url: str | None) -> tuple[str | None, str]:
    # one query for the date markup and the headline: each query walks the whole page
    nodes = _unique(tree.css(_HEADLINE_OR_DATE))
    found = _date_markup(nodes)
    if found and found[1] in STRONG_SELECTORS:
        return found[0], f"selector:{found[1]}"
    headline = headline_node(tree, [node for node in nodes if node.tag == "h1"])
    shown = shown_dates(headline, found[0] if found else None)
    if found and (not shown or any(_days_apart(found[0], value) == 0 for value in shown)):
        return found[0], f"selector:{found[1]}"
    if shown:
        # class names and bare <time> also date comments, teasers and page footers
        return shown[0], "heuristic"
    from_url = _url_date(url)
    if from_url:
        return from_url, "url"
    in_data = _date_in_scripts(tree)
    if in_data:
        return in_data, "heuristic"
    visible = date_in_text(tree, headline)
    if visible:
        return visible, "heuristic"
    return None, ""


def _date_in_page_meta(meta: dict[str, list[str]]) -> tuple[str | None, str]:
    """Last resort: a date written in the page description, or in the lead image's URL path
    (uploads are filed by day on many systems)."""
    for name in DESCRIPTION_META:
        for value in meta.get(name, ())[:1]:
            found = first_date(value[:DESCRIPTION_CHARS])
            if found:
                return found, f"meta:{name}"
    for name in IMAGE_META:
        for value in meta.get(name, ())[:1]:
            found = _url_date(value)
            if found:
                return found, f"meta:{name}"
    return None, ""


def _date_markup(candidates: list[LexborNode]) -> tuple[str, str] | None:
    """The first date in ``DATE_SELECTORS`` order, with the selector that found it.

    ``candidates``: the page's nodes matching any of them (and maybe others), in page order,
    from one query (each full-document query costs about as much as the rest of this
    function); they are sorted to their selectors here.
    """
    matched: dict[str, list[LexborNode]] = {css: [] for css, _attr in DATE_SELECTORS}
    for node in candidates:
        for css in _selectors_of(node):
            matched[css].append(node)
    for css, attr in DATE_SELECTORS:
        for node in matched[css][:5]:
            value = node.attributes.get(attr) if attr else node.text(deep=True, separator=" ")
            parsed = _parse(value) if value and len(value) < 120 else None
            if parsed:
                return parsed, css
    return None


def _unique(nodes: list[LexborNode]) -> list[LexborNode]:
    """``nodes`` without repeats (lexbor lists a node once per selector of a list it matches)."""
    seen: set[int] = set()
    unique = []
    for node in nodes:
        if node.mem_id not in seen:
            seen.add(node.mem_id)
            unique.append(node)
    return unique


def _selectors_of(node: LexborNode) -> list[str]:
    """Which of ``DATE_SELECTORS`` match ``node`` itself (not a descendant)."""
    attrs = node.attributes
    found = []
    if attrs.get("itemprop") == "datePublished":
        found.append(_ITEMPROP)
    if node.tag == "time":
        if "pubdate" in attrs:
            found.append("time[pubdate]")
        if "datetime" in attrs:
            if _in_article(node):
                found.append("article time[datetime]")
            found.append("time[datetime]")
        found.append("time")
    if "date" in (attrs.get("class") or ""):
        found.append('[class*="date"]')
    return found


def _in_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "article":
            return True
        parent = parent.parent
    return False


def _days_apart(first: str, second: str) -> int:
    try:
        return abs((date.fromisoformat(first[:10]) - date.fromisoformat(second[:10])).days)
    except ValueError:
        return 0
