"""Generic body reading: the paragraphs of the containers ``find_content`` (in ``content``)
chose, in document order, once ``strip_boilerplate`` (in ``boilerplate``) has run.

Subheads (h2-h6) are returned as ordinary paragraphs; the page's <h1> is not.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.body_cleaning import clean_paragraphs, without_pull_quotes
from scraper.extract.body_lists import strip_directories, strip_related_lists
from scraper.extract.body_pictures import is_gallery, strip_pictures
from scraper.extract.content import (
    Mass,
    has_link,
    links_in,
    paragraph_weight,
    visible_chars,
)
from scraper.extract.drop_caps import join_drop_caps
from scraper.extract.text import normalize_space

__all__ = ["body_paragraphs", "read_blocks"]

#: A block shorter than this (chars) with more than LINK_LINE_SHARE of link text is navigation.
LINK_LINE_CHARS = 400
LINK_LINE_SHARE = 0.6
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
GALLERY_SKIP_TAGS = SKIP_TAGS - {"figure", "figcaption"}
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _split(text: str) -> list[str]:
    if "\n" not in text:  # the common case: one paragraph, no regex needed
        folded = normalize_space(text)
        return [folded] if folded else []
    return [p for p in (normalize_space(part) for part in _PARAGRAPH_BREAK.split(text)) if p]


#: Child elements that make an element a container rather than a leaf block.
_BLOCK_CHILDREN = LEAF_BLOCKS | {"div", "ul", "ol", "section"}


def _has_blocks(node: LexborNode) -> bool:
    return any(child.tag in _BLOCK_CHILDREN for child in node.iter())


def _leaf(node: LexborNode, out: list[str]) -> None:
    """Append a block's paragraphs, unless it is a short line of mostly link text."""
    text = node.text(deep=True)
    length = len(text.strip())
    if not length:
        return
    if length < LINK_LINE_CHARS:  # longer blocks are prose whatever they link
        links = links_in(node)
        linked = sum(visible_chars(a.text(deep=True)) for a in links)
        if linked > LINK_LINE_SHARE * visible_chars(text) and not _is_linked_sentence(
            node, text, links
        ):
            return
    out.extend(_split(text))


#: Marks that end a sentence (a closing quote may follow the full stop).
SENTENCE_END = tuple(".!?…\"”»“'’")
#: Words outside the links a paragraph of linked phrases needs to read as a sentence.
MIN_UNLINKED_WORDS = 4


def _is_linked_sentence(node: LexborNode, text: str, links: list[LexborNode]) -> bool:
    """A paragraph that is a sentence whose phrases are links ("After <a>she won on Monday</a>,
    it was <a>Boulter</a> who ..."): a <p> ending like a sentence, with words of its own
    between the links. Link lists and teaser lines have none."""
    if node.tag != "p" or not text.rstrip().endswith(SENTENCE_END):
        return False
    words = len(text.split()) - sum(len(a.text(deep=True).split()) for a in links)
    return words >= MIN_UNLINKED_WORDS


def _next_element(node: LexborNode) -> LexborNode | None:
    sibling = node.next
    while sibling is not None and (sibling.tag or "-").startswith("-"):
        sibling = sibling.next
    return sibling


def _has_prose(node: LexborNode, mass: Mass) -> bool:
    """Whether a block or container holds prose (so link lists and widgets are skipped)."""
    if node.mem_id in mass:
        return True
    if node.tag in LEAF_BLOCKS and not _has_blocks(node):
        return _leaf_has_prose(node, mass)
    return False


def _leaf_has_prose(node: LexborNode, mass: Mass) -> bool:
    """``_has_prose`` of a leaf block (a ``LEAF_BLOCKS`` element without blocks inside), for
    callers that know it is one already."""
    if node.mem_id in mass or paragraph_weight(node) > 0 or not has_link(node):
        return True
    # Tested for paragraphs only, before their text and links are read.
    return node.tag == "p" and _is_linked_sentence(node, node.text(deep=True), links_in(node))


def _heading_leads_nowhere(node: LexborNode, mass: Mass) -> bool:
    """A subhead whose next element has no prose titles a widget ("Related stories"). A
    subhead alone in its wrappers ("<div><h2>") is followed by what follows them."""
    following = _next_element(node)
    for _ in range(HEADING_WRAPPER_DEPTH):
        parent = node.parent
        if following is not None or parent is None or _only_child(parent) is None:
            break
        node = parent
        following = _next_element(node)
    return following is None or not _has_prose(following, mass)


def read_blocks(
    node: LexborNode, out: list[str], mass: Mass, skip: frozenset[str] = SKIP_TAGS
) -> None:
    """Append the paragraphs under ``node`` in document order (``<br><br>`` splits paragraphs).

    Child containers without prose (per ``mass``) are skipped: menus, link lists, widgets;
    so are the ``skip`` elements (figures, media, the page's <h1>).
    """
    inline: list[str] = []

    def flush() -> None:
        if inline:
            out.extend(_split("".join(inline)))
            inline.clear()

    for child in node.iter(include_text=True):
        tag = child.tag or "-"
        if tag == "-text":
            inline.append(child.text_content or "")
        elif tag == "a" and _has_blocks(child):
            continue  # a teaser card wrapped in a link
        elif tag in INLINE_TAGS:
            inline.append(child.text(deep=True))
        elif tag in skip or tag.startswith("-"):
            continue
        elif tag in LEAF_BLOCKS and not _has_blocks(child):
            flush()
            if tag in HEADINGS and _heading_leads_nowhere(child, mass):
                continue
            if tag in HEADINGS or _leaf_has_prose(child, mass):
                _leaf(child, out)
        else:
            flush()
            if _is_aria_heading(child) and _heading_leads_nowhere(child, mass):
                continue
            if child.mem_id in mass:
                read_blocks(child, out, mass, skip)
            else:
                _wrapped_heading(child, out, mass)
    flush()


def _is_aria_heading(node: LexborNode) -> bool:
    """A heading made of a <div> or <span> (``role=heading``), without blocks inside: like a
    subhead, it titles what follows it, and one that leads to no prose titles a widget
    ("The latest on AI, from machine learning to computer vision and more" on a topic card)."""
    return node.attributes.get("role") == "heading" and not _has_blocks(node)


#: How many wrappers deep a subhead held alone is looked for ("<section><div><h3>").
HEADING_WRAPPER_DEPTH = 3


def _wrapped_heading(wrapper: LexborNode, out: list[str], mass: Mass) -> None:
    """Append the subhead a wrapper holds alone ("<div class=slide-title><h2>", also a few
    wrappers deep): subheads weigh nothing in ``mass``, so their wrappers would be skipped as
    widgets. It is kept when the wrapper leads to prose, like a bare subhead."""
    node: LexborNode | None = wrapper
    for _ in range(HEADING_WRAPPER_DEPTH):
        node = _only_child(node) if node is not None else None
        if node is None or node.tag in HEADINGS:
            break
    if (
        node is not None
        and node.tag in HEADINGS
        and not _has_blocks(node)
        and not _heading_leads_nowhere(wrapper, mass)
    ):
        _leaf(node, out)


def _only_child(node: LexborNode) -> LexborNode | None:
    """The one child element of ``node`` when it holds no other element and no text."""
    found: LexborNode | None = None
    for child in node.iter(include_text=True):
        tag = child.tag or "-"
        if tag == "-text":
            if (child.text_content or "").strip():
                return None
        elif not tag.startswith("-"):
            if found is not None:
                return None
            found = child
    return found


def body_paragraphs(tree: LexborHTMLParser, containers: list[LexborNode], mass: Mass) -> list[str]:
    """Read the paragraphs of ``containers`` (from ``find_content``), cleaned.

    ``<br>`` become line breaks first (so ``<br><br>`` separates paragraphs); figures, captions
    and photo credits are removed (they belong to the images, read before), except in a
    gallery, where the captions are the text.
    """
    gallery = is_gallery(containers, mass)
    for node in containers:
        for br in node.css("br"):
            br.replace_with("\n")
        join_drop_caps(node)
        strip_directories(node)
        strip_related_lists(node)
        if not gallery:
            strip_pictures(node)
    skip = GALLERY_SKIP_TAGS if gallery else SKIP_TAGS
    paragraphs: list[str] = []
    for node in containers:
        if node.tag in LEAF_BLOCKS and not _has_blocks(node):
            _leaf(node, paragraphs)
        else:
            read_blocks(node, paragraphs, mass, skip)
    return without_pull_quotes(clean_paragraphs(paragraphs))
