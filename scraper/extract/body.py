"""Generic body extraction: strip boilerplate nodes, score containers by paragraph text, read blocks.

The scoring pass is linear in the number of text blocks: each block adds to its parent and
(halved) to its grandparent; the best container, plus strong siblings, is read in document
order. Subheads (h2-h6) are returned as ordinary paragraphs; the page's <h1> is not.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.boilerplate import (
    BOILERPLATE_SELECTORS,
    CAPTION_CANDIDATES,
    UNPROTECTED_STEMS,
    boilerplate_token,
    clean_paragraphs,
    is_caption_class,
)
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
#: Class/id names of a body wrapper, which no boilerplate word in the same names overrides.
CONTENT_NAMES = re.compile(
    r"(?:article|entry|post|story|news|blog)[-_]?(?:body|content|text)|body[-_]?text|articlebody",
    re.IGNORECASE,
)
#: A sibling of the body container joins it with this much prose (chars, share of the body).
SIBLING_MIN_CHARS = 400
SIBLING_SHARE = 0.25
#: An <article> with its own <h1> and this much prose (chars) is a story of its own.
STORY_MIN_CHARS = 200
#: A boilerplate-marked node holding this share of the page's paragraph text is kept.
PROTECTED_SHARE = 0.4
#: Block elements whose class/id names are checked for boilerplate words (inline elements are
#: left to the paragraph filters: checking every classed <span> and <a> costs more than it finds).
MARKED_CONTAINERS = ", ".join(
    f"{tag}[class], {tag}[id]"
    for tag in (
        "div",
        "section",
        "ul",
        "ol",
        "p",
        "span",
        "table",
        "dl",
        "figure",
        "header",
        "footer",
    )
)
#: Elements holding the standfirst (dek) by their class or id names.
STANDFIRST_SELECTOR = ", ".join(
    f'[class*="{name}"], [id*="{name}"]'
    for name in ("teaser", "intro", "lead", "abstract", "standfirst", "summary", "excerpt", "dek")
)
MIN_STANDFIRST_CHARS = 40
#: A caption-classed element with more text than this is a wrapper, not a caption.
MAX_CAPTION_CHARS = 600
MAX_STANDFIRST_CHARS = 600
_STRIPPED = ", ".join(BOILERPLATE_SELECTORS)
#: Elements removed whatever their size (their text is code, not prose).
SCRIPT_TAGS = ("script", "style", "template", "svg")
#: Elements skipped when reading the body (their content is not prose).
SKIP_TAGS = frozenset({"figure", "figcaption", "img", "picture", "video", "audio", "source", "h1"})
#: Elements whose text is scored as candidate paragraphs.
SCORED_SELECTOR = "p, pre, td, blockquote, li, div, section, article, font, span"
#: Words in class/id that hint at the main content.
POSITIVE_WORDS = re.compile(
    r"article|content|entry|post|body|story|text|main|blog|beitrag|artikel", re.I
)
#: Prose characters below each element, keyed by ``mem_id`` (LexborNode equality
#: serialises both subtrees, so nodes are never compared or hashed into dicts directly).
Mass = dict[int, int]
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
MIN_BLOCK_CHARS = 25
#: Blocks shorter than MIN_BLOCK_CHARS count for 1/SHORT_BLOCK_DISCOUNT of their length.
SHORT_BLOCK_DISCOUNT = 2
#: The body container grows to its parent while it holds less than this share of its prose.
CLIMB_SHARE = 0.75
#: How many ancestors beyond the parent are checked for the rest of the article.
CLIMB_LOOKAHEAD = 1
#: Headlines that link elsewhere: the title of a teaser card.
TEASER_HEADLINES = "h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4"
#: A card with a linked headline and at most this much prose (chars) is a teaser, when at
#: least MIN_TEASERS of them sit in one list.
TEASER_MAX_CHARS = 400
MIN_TEASERS = 3
#: Elements scored by their own (direct) text rather than their whole subtree.
DIRECT_TEXT_TAGS = frozenset({"div", "section", "article", "font", "span"})


def strip_boilerplate(root: LexborNode) -> None:
    """Remove non-content nodes and class/id-marked boilerplate, keeping any node that holds
    most of the page's paragraph text.

    Such a node is a page wrapper (ASP.NET ``<form>``, an ``aria-hidden`` wrapper behind a
    modal, a content block whose class also says "share"), not boilerplate. Nodes are
    unlinked with their subtrees (lexbor does not free them), so descendants of a removed node
    have no parent and are skipped cheaply.
    """
    prose = _paragraph_chars(root) or len(root.text(deep=True))
    for node in root.css(_STRIPPED):
        if node.parent is None:
            continue
        if node.tag in SCRIPT_TAGS or not _holds_most_prose(node, prose):
            node.decompose()
    for node in root.css(MARKED_CONTAINERS):
        if node.parent is None:
            continue
        attrs = node.attributes
        css_class, element_id = attrs.get("class") or "", attrs.get("id") or ""
        # Checked separately so the cache hits on the class names pages repeat.
        if not (boilerplate_token(css_class) or boilerplate_token(element_id)):
            continue
        names = f"{css_class} {element_id}"
        if CONTENT_NAMES.search(names):
            continue
        if UNPROTECTED_STEMS.search(names) or not _holds_most_prose(node, prose):
            node.decompose()


def _paragraph_chars(node: LexborNode) -> int:
    return sum(len(p.text(deep=True)) for p in node.css("p"))


def _holds_most_prose(node: LexborNode, prose: int) -> bool:
    """A marked node with most of the page's paragraph text is a wrapper, not boilerplate."""
    if prose <= 0 or len(node.text(deep=True)) < PROTECTED_SHARE * prose:
        return False
    return (_paragraph_chars(node) or len(node.text(deep=True))) >= PROTECTED_SHARE * prose


def _paragraph_weight(node: LexborNode, tag: str | None = None) -> int:
    """Characters of prose a block contributes: long enough and not mostly links."""
    tag = tag or node.tag or ""
    direct = tag in DIRECT_TEXT_TAGS
    text = node.text(deep=not direct).strip()
    length = len(text)
    if length < MIN_BLOCK_CHARS:
        # Short lines (ingredients, table cells) count a little unless they are links.
        if length < 3 or direct or node.css_first("a") is not None:
            return 0
        return length // SHORT_BLOCK_DISCOUNT
    if direct:
        return length
    if tag == "li" and node.css_first("ul, ol, div") is not None:
        return 0  # a menu entry holding a sub-menu; its own items count for themselves
    links = node.css("a")
    if links and sum(len(a.text(deep=True).strip()) for a in links) > 0.5 * length:
        return 0
    return length


def _text_mass(root: LexborNode) -> tuple[Mass, dict[int, tuple[float, LexborNode]]]:
    """Prose characters below every element, and a local score (parent + half to grandparent).

    Each block adds its weight to all its ancestors (``mass``); ``local`` rewards the element
    whose own children are the paragraphs, which is where the article text lives.
    """
    mass: Mass = {}
    local: dict[int, tuple[float, LexborNode]] = {}
    root_id = root.mem_id
    for node in root.css(SCORED_SELECTOR):
        tag = node.tag or ""
        weight = _paragraph_weight(node, tag)
        if not weight:
            continue
        start: LexborNode | None = node if tag in DIRECT_TEXT_TAGS else node.parent
        chain = _ancestors(start, root_id)
        if chain is None:
            continue  # inside a link: a teaser card, not prose
        for level, current in enumerate(chain):
            key = current.mem_id
            mass[key] = mass.get(key, 0) + weight
            if level < 2:
                score = local[key][0] if key in local else 0.0
                local[key] = (score + weight / (level + 1), current)
    return mass, local


def _ancestors(node: LexborNode | None, root_id: int) -> list[LexborNode] | None:
    """``node`` and its ancestors up to the root, or None when one of them is a link."""
    chain: list[LexborNode] = []
    while node is not None and node.tag not in ("html", "-undef", "#document"):
        if node.tag == "a":
            return None
        chain.append(node)
        if node.mem_id == root_id:
            break
        node = node.parent
    return chain


def _drop_teasers(root: LexborNode, mass: Mass) -> None:
    """Take lists of teaser cards (a linked headline over a short excerpt, three or more in
    one list: "More stories", a river of other articles) out of the prose mass."""
    lists: dict[int, list[LexborNode]] = {}
    seen: set[int] = set()
    for link in root.css(TEASER_HEADLINES):
        card = _massed_ancestor(link, mass)
        if card is None or card.mem_id in seen or mass[card.mem_id] > TEASER_MAX_CHARS:
            continue
        seen.add(card.mem_id)
        while card.parent is not None and mass.get(card.parent.mem_id) == mass[card.mem_id]:
            card = card.parent  # wrappers of the card, up to the list holding several
        if card.parent is not None:
            lists.setdefault(card.parent.mem_id, []).append(card)
    for cards in lists.values():
        if len({card.mem_id for card in cards}) >= MIN_TEASERS:
            for card in {card.mem_id: card for card in cards}.values():
                _remove_mass(card, mass)


def _massed_ancestor(node: LexborNode, mass: Mass) -> LexborNode | None:
    """The nearest ancestor of ``node`` holding prose (within a few levels)."""
    current = node.parent
    for _ in range(6):
        if current is None:
            return None
        if current.mem_id in mass:
            return current
        current = current.parent
    return None


def _remove_mass(node: LexborNode, mass: Mass) -> None:
    weight = mass.pop(node.mem_id, 0)
    current = node.parent
    while current is not None and current.mem_id in mass:
        mass[current.mem_id] -= weight
        current = current.parent


def _class_bonus(node: LexborNode) -> float:
    """Content-like class/id names and <article>/<main> make a seed more likely."""
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}"
    bonus = 1.25 if POSITIVE_WORDS.search(names) else 1.0
    return bonus * (1.3 if node.tag in ("article", "main") else 1.0)


def find_content(root: LexborNode) -> tuple[list[LexborNode], Mass]:
    """The body container and the prose mass of every element.

    The element with the best local score is the seed; it grows to its parent while it holds
    less than ``CLIMB_SHARE`` of the parent's prose (paragraphs wrapped one per element).
    """
    mass, local = _text_mass(root)
    _drop_teasers(root, mass)
    if not local:
        return [], mass
    node = max(local.values(), key=lambda item: item[0] * _class_bonus(item[1]))[1]
    articles = _prose_articles(root, mass)
    if len(articles) > 1:
        node = _first_article(node, articles)
    while node.mem_id != root.mem_id and _should_climb(node, root, mass):
        parent = node.parent
        if parent is None or _holds_other_article(parent, node, articles):
            break
        node = parent
    return _with_siblings(node, mass, articles), mass


def _should_climb(node: LexborNode, root: LexborNode, mass: Mass) -> bool:
    """Grow when the parent is a pure wrapper, or when the parent or one of the next
    ``CLIMB_LOOKAHEAD`` ancestors holds much more prose (the rest of the article)."""
    own = mass.get(node.mem_id, 0)
    ancestor = node.parent
    for level in range(CLIMB_LOOKAHEAD + 1):
        if ancestor is None or ancestor.mem_id not in mass:
            return False
        bigger = mass[ancestor.mem_id]
        if level == 0 and bigger == own:
            return True
        if own < CLIMB_SHARE * bigger:
            return True
        if ancestor.mem_id == root.mem_id:
            return False
        ancestor = ancestor.parent
    return False


def _prose_articles(root: LexborNode, mass: Mass) -> list[LexborNode]:
    """Stories on the page: outermost <article> elements with their own <h1> and real prose,
    in document order (an <article> without a headline is a section, post or card)."""
    found: list[LexborNode] = []
    for node in root.css("article"):
        if mass.get(node.mem_id, 0) < STORY_MIN_CHARS or node.css_first("h1") is None:
            continue
        if not (found and _is_inside(node, {found[-1].mem_id})):
            found.append(node)
    return found


def _first_article(seed: LexborNode, articles: list[LexborNode]) -> LexborNode:
    """The first of several stories on one page (infinite scroll appends the next ones), when
    the seed lies in a later one."""
    first = articles[0]
    if seed.mem_id == first.mem_id or _is_inside(seed, {first.mem_id}):
        return seed
    if any(seed.mem_id == a.mem_id or _is_inside(seed, {a.mem_id}) for a in articles[1:]):
        return first
    return seed


def _holds_other_article(parent: LexborNode, node: LexborNode, articles: list[LexborNode]) -> bool:
    """Whether growing ``node`` to ``parent`` would take in a second story (an <article> with
    prose that neither holds ``node`` nor lies inside it)."""
    if len(articles) < 2:
        return False
    ids = {node.mem_id}
    inside_parent = [a for a in articles if _is_inside(a, {parent.mem_id})]
    outside_node = [a for a in inside_parent if a.mem_id != node.mem_id and not _is_inside(a, ids)]
    return any(not _is_inside(node, {a.mem_id}) for a in outside_node)


def _with_siblings(node: LexborNode, mass: Mass, articles: list[LexborNode]) -> list[LexborNode]:
    """The container plus sibling elements that hold real prose (a body split by an ad slot),
    except siblings holding another story."""
    parent = node.parent
    if parent is None or node.tag in ("body", "html"):
        return [node]
    chosen: list[LexborNode] = []
    floor = max(SIBLING_MIN_CHARS, SIBLING_SHARE * mass.get(node.mem_id, 0))
    for sibling in parent.iter():
        own = sibling.mem_id == node.mem_id
        if own or (mass.get(sibling.mem_id, 0) >= floor and not _holds_story(sibling, articles)):
            chosen.append(sibling)
    return chosen


def _holds_story(node: LexborNode, articles: list[LexborNode]) -> bool:
    if len(articles) < 2:
        return False
    return any(a.mem_id == node.mem_id or _is_inside(a, {node.mem_id}) for a in articles)


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
        return _paragraph_weight(node) > 0 or node.css_first("a") is None
    return False


def _heading_leads_nowhere(node: LexborNode, mass: Mass) -> bool:
    """A subhead whose next element has no prose titles a widget ("Related stories")."""
    following = _next_element(node)
    return following is None or not _has_prose(following, mass)


def read_blocks(node: LexborNode, out: list[str], mass: Mass) -> None:
    """Append the paragraphs under ``node`` in document order (``<br><br>`` splits paragraphs).

    Child containers without prose (per ``mass``) are skipped: menus, link lists, widgets.
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
        elif tag in SKIP_TAGS or tag.startswith("-"):
            continue
        elif tag in LEAF_BLOCKS and not _has_blocks(child):
            flush()
            if tag in HEADINGS and _heading_leads_nowhere(child, mass):
                continue
            if _has_prose(child, mass) or tag in HEADINGS:
                _leaf(child, out)
        else:
            flush()
            if child.mem_id in mass:
                read_blocks(child, out, mass)
    flush()


def body_paragraphs(tree: LexborHTMLParser, containers: list[LexborNode], mass: Mass) -> list[str]:
    """Read the paragraphs of ``containers`` (from ``find_content``), cleaned.

    ``<br>`` become line breaks first (so ``<br><br>`` separates paragraphs); captions and
    photo credits marked by class are removed (they belong to the images, read before).
    """
    for node in containers:
        for br in node.css("br"):
            br.replace_with("\n")
        for caption in node.css(CAPTION_CANDIDATES):
            if caption.parent is not None and _is_caption(caption):
                caption.decompose()
    paragraphs: list[str] = []
    for node in containers:
        if node.tag in LEAF_BLOCKS and not _has_blocks(node):
            _leaf(node, paragraphs)
        else:
            read_blocks(node, paragraphs, mass)
    return clean_paragraphs(paragraphs)


def _is_caption(node: LexborNode) -> bool:
    if not is_caption_class(node.attributes.get("class") or ""):
        return False
    return len(node.text(deep=True)) <= MAX_CAPTION_CHARS


def find_standfirst(containers: list[LexborNode]) -> str | None:
    """The standfirst (teaser, intro, abstract) shown above the body, outside its container.

    Looked for in the enclosing <article> or the container's grandparent; the element's class
    must say so (``STANDFIRST_NAMES``) and its text must read as prose.
    """
    if not containers:
        return None
    first = containers[0]
    scope = _enclosing_article(first)
    inside = {node.mem_id for node in containers}
    for node in scope.css(STANDFIRST_SELECTOR):
        if node.mem_id in inside or _is_inside(node, inside):
            continue
        text = normalize_space(node.text(deep=True))
        if MIN_STANDFIRST_CHARS <= len(text) <= MAX_STANDFIRST_CHARS and _paragraph_weight(
            node, "p"
        ):
            return text
    return None


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


def _is_inside(node: LexborNode, ids: set[int]) -> bool:
    current = node.parent
    while current is not None:
        if current.mem_id in ids:
            return True
        current = current.parent
    return False
