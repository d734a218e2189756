"""Bylines in markup: the elements that name an article's authors, without a site config.

Selectors are tried in order of trust; of each, only the first byline counts (the matches near
the first usable one), never readers' comments or the bylines of teasers further down the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.text import normalize_space

#: Elements whose text names an author, tried in order when metadata has none.
AUTHOR_SELECTORS = (
    '[itemprop="author"] [itemprop="name"]',
    '[itemprop="author"]',
    'a[rel="author"]',
    '[rel="author"]',
    ".byline__name",
    ".author-name",
    ".byline a",
    ".author a",
    ".byline",
    ".author",
    ".article-author",
    '[class*="author-name"]',
    '[class*="byline"] a',
    '[class*="byline"]',
    # Last resorts: links to an author page, then any element named like an author box.
    'a[href*="/author/"]',
    'a[href*="/autor/"]',
    'a[href*="/autoren/"]',
    'a[href*="/authors/"]',
    '[class*="author"]:not(body):not(html):not(main):not(article):not([class*="comment"]) a',
    '[class*="author"]:not(body):not(html):not(main):not(article):not([class*="comment"])',
)
#: Class or id words of containers whose bylines belong to readers' comments.
_COMMENT_CONTAINER = re.compile(
    r"^(?:comments?|commentlist|comment[-_](?:list|body|content|meta|thread|area|section)"
    r"|comments[-_](?:list|area|section|thread|wrapper)|respond|discussion|disqus_thread)$"
)
_ANY_AUTHOR = ", ".join(AUTHOR_SELECTORS)


def markup_bylines(
    tree: LexborHTMLParser, usable: Callable[[str], bool]
) -> Iterator[tuple[list[str], str]]:
    """For each selector in order, the texts of its first byline and ``selector:<css>``.

    ``usable`` tells whether a text names someone (the first usable match anchors the byline).
    """
    # One traversal tells whether any selector matches; then each selector in order. (A node's
    # css_matches() is also true when only a descendant matches, so it cannot filter matches.)
    if tree.css_first(_ANY_AUTHOR) is None:
        return
    for css in AUTHOR_SELECTORS:
        yield _distinct_texts(tree.css(css), usable), f"selector:{css}"


#: How many levels up two byline elements may meet to count as one byline.
BYLINE_LEVELS = 4


def _ancestors(node: LexborNode, levels: int) -> list[int]:
    ids: list[int] = []
    parent = node.parent
    while parent is not None and len(ids) < levels:
        ids.append(parent.mem_id)
        parent = parent.parent
    return ids


def _in_comments(node: LexborNode) -> bool:
    """Whether the node sits in a comment thread (an ancestor's class or id says so)."""
    parent = node.parent
    while parent is not None and parent.tag not in ("body", "html"):
        attrs = parent.attributes
        marks = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
        if any(_COMMENT_CONTAINER.match(word) for word in marks):
            return True
        parent = parent.parent
    return False


def _distinct_texts(
    nodes: Iterable[LexborNode], usable: Callable[[str], bool], limit: int = 6
) -> list[str]:
    """The different short texts of the first byline: the nodes near the first match. Teasers
    of other articles, with their own bylines, come later in the page."""
    values: list[str] = []
    near: set[int] = set()
    for node in nodes:
        if near and near.isdisjoint(_ancestors(node, BYLINE_LEVELS)):
            continue
        if _in_comments(node):
            continue
        text = normalize_space(node.text(deep=True, separator=" "))
        if not text or len(text) >= 120 or text in values:
            continue
        if not near:
            if not usable(text):
                continue  # an empty or widget match does not anchor the byline
            near = set(_ancestors(node, BYLINE_LEVELS))
        values.append(text)
        if len(values) == limit:
            break
    return values
