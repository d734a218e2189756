"""The standfirst (teaser, intro, abstract) of a page read without a config: shown above the
body, outside the container the body is read from.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

from scraper.extract.boilerplate_lines import is_boilerplate_paragraph
from scraper.extract.content import is_inside, paragraph_weight
from scraper.extract.text import normalize_space

#: Elements holding the standfirst (dek) by their class or id names.
STANDFIRST_SELECTOR = ", ".join(
    f'[class*="{name}"], [id*="{name}"]'
    for name in ("teaser", "intro", "lead", "abstract", "standfirst", "summary", "excerpt", "dek")
)
MIN_STANDFIRST_CHARS = 40
MAX_STANDFIRST_CHARS = 600
HEADINGS = "h1, h2, h3, h4, h5, h6"


def find_standfirst(containers: list[LexborNode]) -> str | None:
    """The standfirst (teaser, intro, abstract) shown above the body, outside its container.

    Looked for in the enclosing <article> or the container's grandparent; the element's class
    must say so (``STANDFIRST_SELECTOR``) and its text, headings left out, must read as prose.
    """
    if not containers:
        return None
    first = containers[0]
    scope = _enclosing_article(first)
    inside = {node.mem_id for node in containers}
    for node in scope.css(STANDFIRST_SELECTOR):
        if node.mem_id in inside or is_inside(node, inside) or _is_picture(node):
            continue
        text = _text_without_headings(node)
        if (
            MIN_STANDFIRST_CHARS <= len(text) <= MAX_STANDFIRST_CHARS
            and paragraph_weight(node, "p")
            and not is_boilerplate_paragraph(text)
        ):
            return text
    return None


def _text_without_headings(node: LexborNode) -> str:
    """The element's text without that of the headings inside it: a standfirst box may hold
    the headline or a kicker above the standfirst ("<div class=summary><h2>...</h2><p>")."""
    text = node.text(deep=True)
    for heading in node.css(HEADINGS):
        text = text.replace(heading.text(deep=True), " ", 1)
    return normalize_space(text)


def _is_picture(node: LexborNode) -> bool:
    """A figure or picture ("lead-image" matches the standfirst names): its text is a caption."""
    if node.tag in ("figure", "figcaption", "picture", "img"):
        return True
    if node.css_first("img, picture, figure") is not None:
        return True
    current = node.parent
    for _ in range(3):
        if current is None:
            return False
        if current.tag in ("figure", "picture"):
            return True
        current = current.parent
    return False


def _enclosing_article(node: LexborNode) -> LexborNode:
    current: LexborNode | None = node
    for _ in range(5):
        if current is None or current.tag in ("body", "html"):
            break
        if current.tag in ("article", "main"):
            return current
        current = current.parent
    parent = node.parent
    grandparent = parent.parent if parent is not None else None
    return grandparent if grandparent is not None and grandparent.tag != "html" else node
