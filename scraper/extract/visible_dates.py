"""Dates a reader sees: short date lines beside the headline and labelled dates in the text.

Used by :mod:`scraper.extract.published` to check metadata against the page and as a fallback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.dates import iter_dates, not_future, short_year_date

__all__ = ["date_in_text", "first_date", "headline_node", "shown_date", "shown_dates"]

#: Text searched for the shown date: after the headline, and before it.
SHOWN_AFTER_CHARS = 1500
SHOWN_BEFORE_CHARS = 300
SHOWN_LINES = 3
#: At most this many nodes are visited after the headline (pages of empty markup).
WALK_NODES = 3000
#: A date line this close above the headline beats date lines further below it.
SHOWN_NEAR_CHARS = 150
#: A date line is at most this long, its date starting within ``DATE_LINE_LEAD`` characters.
DATE_LINE_CHARS = 100
DATE_LINE_LEAD = 40
DATE_LINE_LOWER_WORDS = 4
_DIGITS = re.compile(r"\d{2}")
_WORD = re.compile(r"[^\W\d_]{2,}")
#: Elements never holding the shown date (their text is skipped).
#: Never shown: ``head`` is a sibling of ``body``, so a shallow ``<h1>`` would otherwise read it.
SKIP_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "svg", "select", "button", "nav"}
)
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
_EXCLUDED = re.compile("|".join(EXCLUDED_MARKS))
#: Class/id fragments (or role="banner") of a site banner: an ``<h1>`` there is the logo.
BRANDING_MARKS = ("brand", "logo", "masthead", "site-title", "sitename", "site-name")
#: Class fragments of headings only screen readers see (skip links, "Navigation", "Menu").
HIDDEN_MARKS = (
    "sr-only",
    "screen-reader",
    "visually-hidden",
    "visuallyhidden",
    "visually_hidden",
    "element-invisible",
    "text-hide",
    "offscreen",
    "unsichtbar",
)
_HIDDEN = re.compile("|".join(map(re.escape, HIDDEN_MARKS)))
#: Where the headline is when no ``<h1>`` has text.
HEADLINE_FALLBACK = '[itemprop="headline"], [class*="entry-title"], [class*="post-title"], h2'
#: Labels written before a date, publication first ("updated" group: a later change).
LABEL = re.compile(
    r"\b(?:(?P<updated>aktualisiert|letzte änderung|geändert|zuletzt|stand|updated|last modified"
    r"|modified|last edited|mis à jour|actualizado|aggiornato)"
    r"|veröffentlicht|erschienen|publiziert|erstellt|datum|published|posted|publié|publicado"
    r"|pubblicato|date)\b[^\n\d]{0,12}\n?[^\n\d]{0,12}$"
)
LABEL_REACH = 40
#: How much of the page text is searched for a written date as the last resort.
DATE_TEXT_CHARS = 20000


def shown_date(tree: LexborHTMLParser) -> tuple[str | None, str]:
    """The date the page shows with its headline, sourced ``heuristic``, or ``(None, "")``."""
    shown = shown_dates(headline_node(tree))
    return (shown[0], "heuristic") if shown else (None, "")


def shown_dates(h1: LexborNode | None, day: str | None = None) -> list[str]:
    """Up to ``SHOWN_LINES`` date lines near the headline node ``h1``, nearest after it first.

    Looks at most ``SHOWN_AFTER_CHARS`` of text after the headline (and inside it), then
    ``SHOWN_BEFORE_CHARS`` before it; a date line just above the headline (blog date headers)
    comes first when no date line follows closely. Prose that mentions a date never counts.
    With ``day`` (ISO 8601), a first date line close after the headline on that day is returned
    alone at once: it would be the first line in any case, and callers ask whether ``day`` is
    shown (first or at all).
    """
    if h1 is None:
        return []
    within = _date_lines(_texts_within(h1))
    following = _date_line_stream(_texts_after(h1, SHOWN_AFTER_CHARS))
    nearest = within[:1] or list(islice(following, 1))
    if (
        day is not None
        and nearest
        and nearest[0][0] <= SHOWN_NEAR_CHARS
        and nearest[0][1][:10] == day[:10]
    ):
        return [nearest[0][1]]
    lines_after = [] if within else nearest
    lines_after += islice(following, SHOWN_LINES - len(lines_after))
    after = within + lines_after
    before = _date_lines(_texts_before(h1, SHOWN_BEFORE_CHARS))
    if before and (not after or after[0][0] > SHOWN_NEAR_CHARS >= before[0][0]):
        after.insert(0, before.pop(0))
    return [value for _distance, value in (after + before)[:SHOWN_LINES]]


def _date_lines(texts: Iterator[tuple[int, str]]) -> list[tuple[int, str]]:
    return list(islice(_date_line_stream(texts), SHOWN_LINES))


def _date_line_stream(texts: Iterator[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    for distance, text in texts:
        value = _date_line(text)
        if value:
            yield distance, value


def headline_node(tree: LexborHTMLParser, h1s: list[LexborNode] | None = None) -> LexborNode | None:
    """The ``<h1>`` holding the headline (else ``HEADLINE_FALLBACK``): with text, not in a logo
    or banner, and when several remain, the first whose words are in the page title (a
    site-name ``<h1>`` is not). ``h1s``: the page's ``<h1>`` elements when already queried."""
    # tags() is the cheapest full-page lookup (a third of css("h1")); this runs on most pages
    found = tree.tags("h1") if h1s is None else h1s
    headings = [node for node in found if _shown_heading(node)]
    if not headings:
        headings = [node for node in tree.css(HEADLINE_FALLBACK) if _shown_heading(node)]
    articles = [node for node in headings if not _in_branding(node)]
    if len(articles) < 2:
        return articles[0] if articles else (headings[0] if headings else None)
    headings = articles
    og_titles = (node.attributes for node in tree.tags("meta"))
    title = " ".join(node.text(deep=True) for node in tree.tags("title")) + " ".join(
        attrs.get("content") or "" for attrs in og_titles if attrs.get("property") == "og:title"
    )
    title_words = set(_WORD.findall(title.lower()))
    for node in headings:
        words = _WORD.findall(node.text(deep=True, separator=" ").lower())
        if len(words) > 2 and sum(word in title_words for word in words) * 2 >= len(words):
            return node
    return headings[0]


def _shown_heading(node: LexborNode) -> bool:
    """A heading with text that is not hidden for screen readers only ("Navigation")."""
    if not node.text(deep=True, strip=True):
        return False
    attrs = node.attributes
    if "hidden" in attrs:
        return False
    classes = (attrs.get("class") or "").lower()
    # "sr-only md:not-sr-only": hidden on phones only (Tailwind)
    return _HIDDEN.search(classes) is None or "not-sr-only" in classes


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
    first = next(iter_dates(text), None)
    if first is not None and first[0] <= DATE_LINE_LEAD:
        value = first[1]
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
    # The hottest loop of date finding: the cheapest node properties first (no strings made
    # for the many whitespace-only text nodes), the next node found inline.
    for _step in range(WALK_NODES):
        if node is None or used >= limit:
            return
        if node.is_text_node:
            if not node.is_empty_text_node:
                text = (node.text_content or "").strip()
                if text:
                    yield used, text
                    used += len(text)
        elif (tag := node.tag) not in SKIP_TAGS and not (tag in CONTAINER_TAGS and _excluded(node)):
            child = node.child
            if child is not None:
                node = child
                continue
        following = node.next
        while following is None:
            node = node.parent
            if node is None:
                return
            following = node.next
        node = following


def _texts_within(headline: LexborNode) -> Iterator[tuple[int, str]]:
    """Text nodes inside the headline element after its first (a date in a ``<small>``)."""
    nodes = headline.traverse(include_text=True)
    texts = [node.text_content or "" for node in nodes if node.tag == "-text"]
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
    return _EXCLUDED.search(marks) is not None


def date_in_text(tree: LexborHTMLParser, headline: LexborNode | None) -> str | None:
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
    labelled, first = _labelled_date(window)
    return labelled or first or (first_date(text[:start][:DATE_TEXT_CHARS]) if start else None)


def _labelled_date(text: str) -> tuple[str | None, str | None]:
    """The first date right after a publication label, else after an update label; and the
    first date (not in the future) at all, read in the same pass."""
    by_label: dict[bool, str] = {}
    first = None
    for offset, value in iter_dates(text):
        if not not_future(value):
            continue
        first = first or value
        lead = text[max(0, offset - LABEL_REACH) : offset].lower()
        label = LABEL.search(lead)
        if label is not None:
            updated = bool(label["updated"])
            by_label.setdefault(updated, value)
            if not updated:
                break
    return by_label.get(False) or by_label.get(True), first


def first_date(text: str) -> str | None:
    """The first written date in ``text`` that is not in the future, or None."""
    return next((value for _offset, value in iter_dates(text) if not_future(value)), None)
