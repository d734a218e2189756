"""Publication and modification dates without a site config.

Chooses among JSON-LD, ``<meta>`` names, date markup (``<time>``, itemprop, class names), the URL
and the visible text; ``extract_metadata`` calls :func:`find_published` and :func:`find_modified`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.dates import (
    date_from_url,
    find_dates,
    not_future,
    parse_date,
    short_year_date,
)
from scraper.extract.jsonld import first_text

__all__ = [
    "MODIFIED_META",
    "PUBLISHED_META",
    "find_modified",
    "find_published",
    "shown_date",
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
#: Text searched for the shown date: after the headline, and before it.
SHOWN_AFTER_CHARS = 1500
SHOWN_BEFORE_CHARS = 300
SHOWN_LINES = 3
#: A date line this close above the headline beats date lines further below it.
SHOWN_NEAR_CHARS = 150
#: A date line is at most this long, its date starting within ``DATE_LINE_LEAD`` characters.
DATE_LINE_CHARS = 100
DATE_LINE_LEAD = 40
DATE_LINE_LOWER_WORDS = 4
_DIGITS = re.compile(r"\d{2}")
_WORD = re.compile(r"[^\W\d_]{2,}")
#: Elements never holding the shown date (their text is skipped).
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "select", "button", "nav"})
#: Elements whose class/id are checked against ``EXCLUDED_MARKS`` (inline ones never are).
CONTAINER_TAGS = frozenset(
    {"div", "section", "aside", "ul", "ol", "li", "footer", "header", "article", "form", "table"}
)
#: Class/id fragments of containers whose dates belong to something else.
EXCLUDED_MARKS = (
    "comment",
    "related",
    "sidebar",
    "footer",
    "widget",
    "teaser",
    "recommend",
    "menu",
    "navigation",
    "breadcrumb",
)
#: Class/id fragments (or role="banner") of a site banner: an ``<h1>`` there is the logo.
BRANDING_MARKS = ("brand", "logo", "masthead", "site-title", "sitename", "site-name")
#: Meta names not listed above that still say "published" (vendor prefixes).
PUBLISHED_NAME = re.compile(r"publish(?:ed)?[_-]?(?:time|date|at)|pub[_-]?date|created[_-]?at")
#: A publication date in JSON page data inside scripts.
SCRIPT_DATE = re.compile(
    r'"(?:datePublished|published_?[aA]t|publishedAt|publish_?[dD]ate|pubDate|date_published'
    r'|createdAt|created_at)"\s*:\s*"([^"]{8,40})"'
)
#: Where the headline is when no ``<h1>`` has text.
HEADLINE_FALLBACK = '[itemprop="headline"], [class*="entry-title"], [class*="post-title"], h2'
#: Labels written before a date, publication first ("updated" group: a later change).
LABEL = re.compile(
    r"(?:(?P<updated>aktualisiert|letzte änderung|geändert|zuletzt|stand|updated|last modified"
    r"|modified|last edited|mis à jour|actualizado|aggiornato)"
    r"|veröffentlicht|erschienen|publiziert|erstellt|datum|published|posted|publié|publicado"
    r"|pubblicato|date)\b[^\n\d]{0,12}\n?[^\n\d]{0,12}$"
)
LABEL_REACH = 40
#: Meta names whose text or URL may hold a date when nothing else does.
DESCRIPTION_META = ("og:description", "description")
DESCRIPTION_CHARS = 300
IMAGE_META = ("og:image", "twitter:image")
#: Selectors trusted over the shown date (they name the publication date explicitly).
STRONG_SELECTORS = frozenset({'[itemprop="datePublished"]'})
#: How much of the page text is searched for a written date as the last resort.
DATE_TEXT_CHARS = 20000
_ANY_DATE = ", ".join(css for css, _attr in DATE_SELECTORS)


def find_published(
    tree: LexborHTMLParser,
    article: dict[str, Any] | None,
    meta: dict[str, list[str]],
    url: str | None,
) -> tuple[str | None, str]:
    """The publication date (ISO 8601) and its source (``jsonld``, ``meta:<name>``, ...).

    Metadata first; a date the page shows beside the headline settles disagreements (it is the
    day readers see); a full date in the URL, fixed at publication, overrides both.
    """
    headline = _headline_node(tree)
    shown = _shown_dates(headline)
    from_url = _url_date(url)
    published, source = _date_field(article, meta, "datePublished", PUBLISHED_META)
    if published and not (from_url and _days_apart(published, from_url) == 0):
        modified = _date_field(article, meta, "dateModified", MODIFIED_META)
        published, source = _reconcile((published, source), modified, shown)
    elif not published:
        published, source = _published_from_markup(tree, url, shown, headline)
    if not published:
        published, source = _date_in_page_meta(meta)
    if published and from_url and _days_apart(published, from_url) > 1:
        published, source = from_url, "url"
    return published, source


def find_modified(
    article: dict[str, Any] | None, meta: dict[str, list[str]]
) -> tuple[str | None, str]:
    """The last modification date (ISO 8601) and its source, from JSON-LD or meta."""
    return _date_field(article, meta, "dateModified", MODIFIED_META)


def shown_date(tree: LexborHTMLParser) -> tuple[str | None, str]:
    """The date the page shows with its headline: the first short date line after the ``<h1>``.

    Looks at most ``SHOWN_AFTER_CHARS`` of text after the headline, then
    ``SHOWN_BEFORE_CHARS`` before it (dates above the headline); prose never counts.
    """
    shown = shown_dates(tree)
    return (shown[0], "heuristic") if shown else (None, "")


def shown_dates(tree: LexborHTMLParser) -> list[str]:
    """Up to ``SHOWN_LINES`` date lines near the headline, nearest after it first.

    A date line just above the headline (blog date headers) comes first when no date line
    follows closely.
    """
    return _shown_dates(_headline_node(tree))


def _shown_dates(h1: LexborNode | None) -> list[str]:
    if h1 is None:
        return []
    after = _date_lines(_texts_within(h1)) + _date_lines(_texts_after(h1, SHOWN_AFTER_CHARS))
    before = _date_lines(_texts_before(h1, SHOWN_BEFORE_CHARS))
    if before and (not after or after[0][0] > SHOWN_NEAR_CHARS >= before[0][0]):
        after.insert(0, before.pop(0))
    return [value for _distance, value in (after + before)[:SHOWN_LINES]]


def _date_lines(texts: Iterator[tuple[int, str]]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for distance, text in texts:
        value = _date_line(text)
        if value:
            found.append((distance, value))
            if len(found) == SHOWN_LINES:
                break
    return found


def _headline_node(tree: LexborHTMLParser) -> LexborNode | None:
    """The ``<h1>`` holding the headline: with text, not in a logo or banner, and when several
    remain, the first whose words are in the page title (a site-name ``<h1>`` is not)."""
    headings = [node for node in tree.css("h1") if node.text(deep=True, strip=True)]
    if not headings:
        headings = [
            node for node in tree.css(HEADLINE_FALLBACK) if node.text(deep=True, strip=True)
        ]
    articles = [node for node in headings if not _in_branding(node)]
    if len(articles) < 2:
        return articles[0] if articles else (headings[0] if headings else None)
    headings = articles
    title = " ".join(node.text(deep=True) for node in tree.css("title")) + " ".join(
        node.attributes.get("content") or "" for node in tree.css('meta[property="og:title"]')
    )
    title_words = set(_WORD.findall(title.lower()))
    for node in headings:
        words = _WORD.findall(node.text(deep=True, separator=" ").lower())
        if len(words) > 2 and sum(word in title_words for word in words) * 2 >= len(words):
            return node
    return headings[0]


def _in_branding(node: LexborNode) -> bool:
    current: LexborNode | None = node
    for _level in range(4):
        if current is None:
            return False
        attrs = current.attributes
        marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        if attrs.get("role") == "banner" or any(word in marks for word in BRANDING_MARKS):
            return True
        current = current.parent
    return False


def _date_line(text: str) -> str | None:
    """The date of a short line that is mostly a date (``Updated May 6, 2019``), else None.

    Prose that mentions a date ("Am 12. Februar trafen sich ...") has many lower-case words.
    """
    if len(text) > DATE_LINE_CHARS or _DIGITS.search(text) is None:
        return None
    dates = find_dates(text)
    if dates and dates[0][0] <= DATE_LINE_LEAD:
        value = dates[0][1]
    elif len(text) <= DATE_LINE_LEAD:
        value = short_year_date(text) or ""
    else:
        return None
    lower_words = sum(1 for word in _WORD.findall(text) if word[0].islower())
    plausible = value and not_future(value)
    return value if plausible and lower_words <= DATE_LINE_LOWER_WORDS else None


def _texts_after(start: LexborNode, limit: int) -> Iterator[tuple[int, str]]:
    """Text nodes after ``start``'s subtree in document order with their distance from it."""
    node = _following(start)
    used = 0
    while node is not None and used < limit:
        if node.tag == "-text":
            text = (node.text_content or "").strip()
            if text:
                yield used, text
                used += len(text)
            node = _following(node)
        elif node.tag in SKIP_TAGS or (node.tag in CONTAINER_TAGS and _excluded(node)):
            node = _following(node)
        else:
            node = node.child or _following(node)


def _texts_within(headline: LexborNode) -> Iterator[tuple[int, str]]:
    """Text nodes inside the headline element after its first (a date in a ``<small>``)."""
    texts = [node.text_content or "" for node in headline.traverse(include_text=True)]
    lines = [text.strip() for text in texts if text.strip()]
    for line in lines[1:]:
        yield 0, line


def _following(node: LexborNode | None) -> LexborNode | None:
    while node is not None:
        if node.next is not None:
            return node.next
        node = node.parent
    return None


def _texts_before(start: LexborNode, limit: int) -> Iterator[tuple[int, str]]:
    """Lines of the elements just before ``start`` (and its parents'), nearest first."""
    used = 0
    node: LexborNode | None = start
    for _level in range(3):
        if node is None:
            return
        sibling = node.prev
        while sibling is not None and used < limit:
            if sibling.tag not in SKIP_TAGS and sibling.tag != "-comment":
                lines = sibling.text(deep=True, separator="\n", strip=True).split("\n")
                for line in reversed(lines):
                    yield used, line
                    used += len(line)
            sibling = sibling.prev
        node = node.parent


def _excluded(node: LexborNode) -> bool:
    attrs = node.attributes
    marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return any(word in marks for word in EXCLUDED_MARKS) if marks.strip() else False


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
    weak = published[1].removeprefix("meta:") in WEAK_PUBLISHED_META
    if weak or _is_utc_time(published[0]):
        # generic "date" names and UTC stamps are often set by the system, not the editor
        return first, "heuristic"
    return published


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


def _first_date(text: str) -> str | None:
    return next((value for _offset, value in find_dates(text) if not_future(value)), None)


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
    if key == "datePublished":
        # vendor-prefixed names: "shareaholic:article_published_time", "x:created_at"
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


def _published_from_markup(
    tree: LexborHTMLParser, url: str | None, shown: list[str], headline: LexborNode | None
) -> tuple[str | None, str]:
    found = _date_markup(tree)
    if found and (
        found[1] in STRONG_SELECTORS
        or not shown
        or any(_days_apart(found[0], value) == 0 for value in shown)
    ):
        return found[0], f"selector:{found[1]}"
    if shown:
        # class names and bare <time> also date comments, teasers and page footers
        return shown[0], "heuristic"
    if found:
        return found[0], f"selector:{found[1]}"
    from_url = _url_date(url)
    if from_url:
        return from_url, "url"
    in_data = _date_in_scripts(tree)
    if in_data:
        return in_data, "heuristic"
    visible = _date_in_text(tree, headline)
    if visible:
        return visible, "heuristic"
    return None, ""


def _date_in_page_meta(meta: dict[str, list[str]]) -> tuple[str | None, str]:
    """Last resort: a date written in the page description, or in the lead image's URL path
    (uploads are filed by day on many systems)."""
    for name in DESCRIPTION_META:
        for value in meta.get(name, ())[:1]:
            found = _first_date(value[:DESCRIPTION_CHARS])
            if found:
                return found, f"meta:{name}"
    for name in IMAGE_META:
        for value in meta.get(name, ())[:1]:
            found = _url_date(value)
            if found:
                return found, f"meta:{name}"
    return None, ""


def _date_markup(tree: LexborHTMLParser) -> tuple[str, str] | None:
    """The first date in ``DATE_SELECTORS`` order, with the selector that found it."""
    candidates = tree.css(_ANY_DATE)
    for css, attr in DATE_SELECTORS if candidates else ():
        for node in [n for n in candidates if n.css_matches(css)][:5]:
            value = node.attributes.get(attr) if attr else node.text(deep=True, separator=" ")
            parsed = _parse(value) if value and len(value) < 120 else None
            if parsed:
                return parsed, css
    return None


def _days_apart(first: str, second: str) -> int:
    try:
        return abs((date.fromisoformat(first[:10]) - date.fromisoformat(second[:10])).days)
    except ValueError:
        return 0


def _date_in_text(tree: LexborHTMLParser, headline: LexborNode | None) -> str | None:
    """A labelled date ("Erschienen am: 1.11.2023") after the headline, else the first written
    date after it, else the first before it.

    Only reached when metadata, markup and URL give no date; at most ``DATE_TEXT_CHARS``
    characters of page text from the headline on are searched.
    """
    body = tree.body
    if body is None:
        return None
    text = body.text(deep=True, separator="\n", strip=True)
    start = 0
    if headline is not None:
        heading = headline.text(deep=True, separator="\n", strip=True)
        found = text.find(heading) if heading else -1
        start = found + len(heading) if found >= 0 else 0
    window = text[start : start + DATE_TEXT_CHARS]
    labelled = _labelled_date(window)
    if labelled:
        return labelled
    return _first_date(window) or (_first_date(text[:start][:DATE_TEXT_CHARS]) if start else None)


def _labelled_date(text: str) -> str | None:
    """The first date right after a publication label, else after an update label."""
    by_label: dict[bool, str] = {}
    for offset, value in find_dates(text):
        if not not_future(value):
            continue
        lead = text[max(0, offset - LABEL_REACH) : offset].lower()
        label = LABEL.search(lead)
        if label is not None:
            updated = bool(label["updated"])
            by_label.setdefault(updated, value)
            if not updated:
                break
    return by_label.get(False) or by_label.get(True)
