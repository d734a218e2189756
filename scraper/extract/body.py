"""Generic body extraction: strip boilerplate nodes, score containers by paragraph text, read blocks.

The scoring pass is linear in the number of text blocks: each block adds to its parent and
(halved) to its grandparent; the best container, plus strong siblings, is read in document
order. Subheads (h2-h6) are returned as ordinary paragraphs; the page's <h1> is not.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.boilerplate import BOILERPLATE_SELECTORS, boilerplate_token, clean_paragraphs
from scraper.extract.text import normalize_space

#: Elements read as one paragraph each (unless they hold further blocks).
LEAF_BLOCKS = frozenset(
    {
        "p",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
        "blockquote",
        "li",
        "dd",
        "dt",
        "td",
        "th",
        "caption",
    }
)
#: Elements whose text flows inside a paragraph.
INLINE_TAGS = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "big",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "font",
        "i",
        "ins",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
        "label",
    ]
)
#: Elements skipped when reading the body (their content is not prose).
SKIP_TAGS = frozenset({"figure", "figcaption", "img", "picture", "video", "audio", "source", "h1"})
#: Elements whose text is scored as candidate paragraphs.
SCORED_SELECTOR = "p, pre, td, blockquote, li, div, section, article, font, span"
#: Words in class/id that hint at the main content.
POSITIVE_WORDS = re.compile(
    r"article|content|entry|post|body|story|text|main|blog|beitrag|artikel", re.I
)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MIN_BLOCK_CHARS = 25
#: A sibling of the best container joins it when its score reaches this share of the best.
SIBLING_SHARE = 0.25


def strip_boilerplate(root: LexborNode) -> None:
    """Remove non-content nodes and class/id-marked boilerplate, keeping any huge container."""
    for node in root.css(", ".join(BOILERPLATE_SELECTORS)):
        node.decompose()
    total = len(root.text(deep=True))
    for node in root.css("[class], [id]"):
        if node.tag in ("html", "body", "main", "article"):
            continue
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if boilerplate_token(names) and not _holds_most_text(node, total):
            node.decompose()


def _holds_most_text(node: LexborNode, total: int) -> bool:
    """A marked node with most of the page's text is a wrapper, not boilerplate."""
    return total > 0 and len(node.text(deep=True)) > 0.4 * total


def _own_text(node: LexborNode) -> str:
    if node.tag in ("div", "section", "article", "font", "span"):
        return node.text(deep=False)
    return node.text(deep=True)


def _score_containers(root: LexborNode) -> dict[LexborNode, float]:
    scores: dict[LexborNode, float] = {}
    for node in root.css(SCORED_SELECTOR):
        text = _own_text(node).strip()
        if len(text) < MIN_BLOCK_CHARS:
            continue
        points = 1 + text.count(",") + min(len(text) / 100, 3)
        parent = node.parent
        if node.tag in ("div", "section", "article", "font", "span"):
            parent = node
        for share in (1.0, 0.5, 0.25):
            if parent is None or parent.tag in ("html", "#document"):
                break
            scores[parent] = scores.get(parent, 0.0) + points * share
            parent = parent.parent
    return scores


def _link_density(node: LexborNode) -> float:
    text_length = len(node.text(deep=True).strip())
    if text_length == 0:
        return 1.0
    links = sum(len(a.text(deep=True).strip()) for a in node.css("a"))
    return min(links / text_length, 1.0)


def _class_bonus(node: LexborNode) -> float:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}"
    bonus = 1.25 if POSITIVE_WORDS.search(names) else 1.0
    return bonus * (1.3 if node.tag in ("article", "main") else 1.0)


def find_content(root: LexborNode) -> list[LexborNode]:
    """The body containers in document order: the best-scored node and its strong siblings."""
    scores = _score_containers(root)
    if not scores:
        return []
    top = sorted(scores.items(), key=lambda item: item[1], reverse=True)[:8]
    ranked = [(node, score * _class_bonus(node) * (1 - _link_density(node))) for node, score in top]
    best, best_score = max(ranked, key=lambda item: item[1])
    parent = best.parent
    if parent is None:
        return [best]
    chosen: list[LexborNode] = []
    for sibling in parent.iter():
        if sibling == best or (
            scores.get(sibling, 0.0) >= SIBLING_SHARE * best_score and _link_density(sibling) < 0.3
        ):
            chosen.append(sibling)
        elif sibling.tag == "p":
            text = sibling.text(deep=True).strip()
            if len(text) > 80 and _link_density(sibling) < 0.25:
                chosen.append(sibling)
    return chosen


def _split(text: str) -> list[str]:
    return [p for p in (normalize_space(part) for part in _PARAGRAPH_BREAK.split(text)) if p]


def _has_blocks(node: LexborNode) -> bool:
    return any(
        child.tag in LEAF_BLOCKS or child.tag in ("div", "ul", "ol", "section")
        for child in node.iter()
    )


def _leaf(node: LexborNode, out: list[str]) -> None:
    text = node.text(deep=True)
    if not text.strip():
        return
    links = node.css("a")
    if links:
        length = len(text.strip())
        linked = sum(len(a.text(deep=True).strip()) for a in links)
        if length and linked / length > 0.6 and length < 400:
            return
    out.extend(_split(text))


def read_blocks(node: LexborNode, out: list[str]) -> None:
    """Append the paragraphs under ``node`` in document order (``<br><br>`` splits paragraphs)."""
    inline: list[str] = []

    def flush() -> None:
        if inline:
            out.extend(_split("".join(inline)))
            inline.clear()

    for child in node.iter(include_text=True):
        tag = child.tag or "-"
        if tag == "-text":
            inline.append(child.text_content or "")
        elif tag in INLINE_TAGS:
            inline.append(child.text(deep=True))
        elif tag in SKIP_TAGS or tag.startswith("-"):
            continue
        elif tag in LEAF_BLOCKS and not _has_blocks(child):
            flush()
            _leaf(child, out)
        else:
            flush()
            read_blocks(child, out)
    flush()


def body_paragraphs(tree: LexborHTMLParser, containers: list[LexborNode]) -> list[str]:
    """Read the paragraphs of ``containers`` (whose <br> become line breaks) and clean them."""
    for br in tree.css("br"):
        br.replace_with("\n")
    paragraphs: list[str] = []
    for node in containers:
        if node.tag in LEAF_BLOCKS and not _has_blocks(node):
            _leaf(node, paragraphs)
        else:
            read_blocks(node, paragraphs)
    return clean_paragraphs(paragraphs)
