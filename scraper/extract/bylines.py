"""Bylines in markup: the elements that name an article's authors, without a site config.

Selectors are tried in order of trust; of each, only the first byline counts (the matches near
the first usable one), never readers' comments or the bylines of teasers further down the page.
The last resort is a label in an element of its own ("<strong>Autor</strong> Name").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.text import normalize_space

#: Elements whose text names an author, tried in order when metadata has none, each with the
#: attribute and the (lower-case) text in it that any element the selector can match, or one
#: of its ancestors, carries. A selector whose mark no element has is not run.
AUTHOR_SELECTORS: tuple[tuple[str, str, str], ...] = (
    ('[itemprop="author"] [itemprop="name"]', "itemprop", "author"),
    ('[itemprop="author"]', "itemprop", "author"),
    ('a[rel="author"]', "rel", "author"),
    ('[rel="author"]', "rel", "author"),
    (".byline__name", "class", "byline__name"),
    (".author-name", "class", "author-name"),
    (".byline a", "class", "byline"),
    (".author a", "class", "author"),
    (".byline", "class", "byline"),
    (".author", "class", "author"),
    (".article-author", "class", "article-author"),
    ('[class*="author-name"]', "class", "author-name"),
    ('[class*="byline"] a', "class", "byline"),
    ('[class*="byline"]', "class", "byline"),
    # Last resorts: links to an author page, then any element named like an author box.
    ('a[href*="/author/"]', "href", "/author/"),
    ('a[href*="/autor/"]', "href", "/autor/"),
    ('a[href*="/autoren/"]', "href", "/autoren/"),
    ('a[href*="/authors/"]', "href", "/authors/"),
    (
        '[class*="author"]:not(body):not(html):not(main):not(article):not([class*="comment"]) a',
        "class",
        "author",
    ),
    (
        '[class*="author"]:not(body):not(html):not(main):not(article):not([class*="comment"])',
        "class",
        "author",
    ),
)
#: Every element that carries a mark of the table above, in any letter case (lexbor matches
#: classes and ``rel`` regardless of case): one walk finds them all, instead of one per selector.
#: Kept short: each part of a selector list costs lexbor a test on every element.
_MARKED = (
    '[class*="author" i], [class*="byline" i], [itemprop*="author" i], [rel*="author" i], '
    'a[href*="/aut" i]'
)
_MARK_ATTRIBUTES = tuple(dict.fromkeys(attribute for _, attribute, _ in AUTHOR_SELECTORS))
#: A longer text is a paragraph, not a byline.
MAX_BYLINE_CHARS = 120
#: Class or id words of containers whose bylines belong to readers' comments.
_COMMENT_CONTAINER = re.compile(
    r"^(?:comments?|commentlist|comment[-_](?:list|body|content|meta|thread|area|section)"
    r"|comments[-_](?:list|area|section|thread|wrapper)|respond|discussion|disqus_thread)$"
)


def markup_bylines(
    tree: LexborHTMLParser, usable: Callable[[str], bool]
) -> Iterator[tuple[list[str], str]]:
    """For each selector in order, the texts of its first byline and ``selector:<css>``.

    ``usable`` tells whether a text names someone (the first usable match anchors the byline).
    """
    marked = list({node.mem_id: node for node in tree.css(_MARKED)}.values())
    if not marked:
        return
    # A whole-page query costs lexbor a walk of every element even where it finds nothing:
    # each selector runs only on the elements that carry its mark (its matches are those
    # elements or lie inside them), and not at all when none does.
    attributes = [
        {name: (found.get(name) or "").lower() for name in _MARK_ATTRIBUTES}
        for found in (node.attributes for node in marked)
    ]
    for css, attribute, mark in AUTHOR_SELECTORS:
        carriers = [
            n for n, found in zip(marked, attributes, strict=True) if mark in found[attribute]
        ]
        if carriers:
            yield _distinct_texts(_matches(css, carriers), usable), f"selector:{css}"


def _matches(css: str, carriers: list[LexborNode]) -> list[LexborNode]:
    """The matches of ``css`` in document order, each once, when every match is one of the
    ``carriers`` (in document order) or lies inside one. A query on an element also tests the
    element itself, and ancestors outside it still count for combinators."""
    seen: set[int] = set()
    found: list[LexborNode] = []
    for carrier in carriers:
        if carrier.mem_id in seen:
            continue  # a match of an earlier carrier's query: its subtree has been searched
        for node in carrier.css(css):
            if node.mem_id not in seen:
                seen.add(node.mem_id)
                found.append(node)
    return found


#: A byline's label written in an element of its own: "<strong>Autorin/Autor</strong> Name",
#: "<dt>Author</dt><dd>Name</dd>" (the last resort, for pages without byline markup).
_LABEL = re.compile(
    r"(?:autor(?:in)?(?:\s*/\s*autor(?:in)?)?|autoren|autorinnen|authors?|written by|by|von"
    r"|verfasst von|text|texto|tekst|reporter)\s*:?",
    re.IGNORECASE,
)
LABEL_ELEMENTS = "strong, b, dt, th"
#: Longer texts in a label element are sentences, not labels.
MAX_LABEL_CHARS = 25


def labelled_byline(tree: LexborHTMLParser, usable: Callable[[str], bool]) -> list[str]:
    """The text after the first byline label element whose text ``usable`` accepts, if any."""
    for node in tree.css(LABEL_ELEMENTS):
        label = normalize_space(node.text(deep=True))
        if len(label) > MAX_LABEL_CHARS or not _LABEL.fullmatch(label):
            continue
        text = _labelled_text(node, label)
        # A name starts with a capital (or a letter of a script without case): "By the way"
        # is a sentence.
        if not text or text[0].islower() or len(text) >= MAX_BYLINE_CHARS:
            continue
        if usable(text) and not _in_comments(node):
            return [text]
    return []


def _labelled_text(node: LexborNode, label: str) -> str:
    """What a label element labels: the next ``<dd>`` of a ``<dt>``, else the rest of its
    parent's text."""
    if node.tag == "dt":
        sibling = node.next
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.next
        return (
            normalize_space(sibling.text(deep=True))
            if sibling is not None and sibling.tag == "dd"
            else ""
        )
    parent = node.parent
    whole = normalize_space(parent.text(deep=True)) if parent is not None else ""
    return whole[len(label) :].strip() if whole.startswith(label) else ""


#: Where links to a section, category or tag page point: in a box named like an author's such a
#: link is the article's section ("Lifestyle"), not its author.
SECTION_LINK_PATHS = ("/category/", "/categories/", "/tag/", "/tags/", "/section/", "/rubrik/")


def _section_link(node: LexborNode, text: str) -> bool:
    """Whether ``text``, the text of ``node``, is all that of a link to a section page (the
    node itself or a link inside it)."""
    links = [node] if node.tag == "a" else node.css("a[href]")
    return any(
        any(path in (link.attributes.get("href") or "").lower() for path in SECTION_LINK_PATHS)
        and normalize_space(link.text(deep=True, separator=" ")) == text
        for link in links
    )


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
        if not text or len(text) >= MAX_BYLINE_CHARS or text in values:
            continue
        if _section_link(node, text):
            continue
        if not near:
            if not usable(text):
                continue  # an empty or widget match does not anchor the byline
            near = set(_ancestors(node, BYLINE_LEVELS))
        values.append(text)
        if len(values) == limit:
            break
    return values
