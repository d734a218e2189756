"""Choosing the body container: score elements by the prose below them, then grow the best.

Each text block adds its length to its ancestors (``mass``, summed bottom-up once) and to a
local score (parent, half to grandparent); lists of teaser cards are taken out, the best seed
grows to its parent while it holds too little of it, and stops before a second story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

#: A sibling of the body container joins it with this much prose (chars, share of the body).
SIBLING_MIN_CHARS = 400
SIBLING_SHARE = 0.25
#: A smaller block of prose just before the container joins it when it holds at least this
#: many paragraphs ending like sentences: the article's opening, split off by a lead image,
#: an ad slot or a layout row ("<section><p>Lead</p>...</section><section>Rest</section>").
MIN_OPENING_PARAGRAPHS = 3
#: The end of a sentence: a full stop, question or exclamation mark, maybe in closing quotes.
SENTENCE_END = re.compile(r"[.!?…][\"”»’']?\s*$")
#: An <article> with its own <h1> and this much prose (chars) is a story of its own.
STORY_MIN_CHARS = 200
#: Elements whose text is scored as candidate paragraphs.
SCORED_SELECTOR = "p, pre, td, blockquote, li, div, section, article, font, span, h2, h3, h4"
#: Class/id names of a body wrapper, which no boilerplate word in the same names overrides.
CONTENT_NAMES = re.compile(
    r"(?:article|entry|post|story|news|blog)[-_]{0,2}(?:body|content|text)|body[-_]?text"
    r"|articlebody",
    re.IGNORECASE,
)
#: Seed score factors for content-like names and for <article>/<main>.
NAME_BONUS = 1.25
TAG_BONUS = 1.3
#: Words in class/id that hint at the main content.
POSITIVE_WORDS = re.compile(
    r"article|content|entry|post|body|story|text|main|blog|beitrag|artikel", re.I
)
#: Prose characters below each element, keyed by ``mem_id`` (LexborNode equality
#: serialises both subtrees, so nodes are never compared or hashed into dicts directly).
Mass = dict[int, int]
MIN_BLOCK_CHARS = 25
#: Blocks shorter than MIN_BLOCK_CHARS count for 1/SHORT_BLOCK_DISCOUNT of their length.
SHORT_BLOCK_DISCOUNT = 2
#: The body container grows to its parent while it holds less than this share of its prose.
CLIMB_SHARE = 0.75
#: How many ancestors beyond the parent are checked for the rest of the article.
CLIMB_LOOKAHEAD = 3
#: Headings that may title a teaser card (when they hold a link).
TEASER_HEADINGS = frozenset({"h2", "h3", "h4"})
#: A card with a linked headline and at most this much prose (chars) is a teaser, when at
#: least MIN_TEASERS of them sit in one list.
TEASER_MAX_CHARS = 400
MIN_TEASERS = 3
#: Class/id names of a picture carousel, checked on a sibling and its first descendants.
SLIDESHOW_NAMES = re.compile(r"carousel|slideshow|slider|swiper", re.IGNORECASE)
SLIDESHOW_DEPTH = 3
#: Elements scored by their own (direct) text rather than their whole subtree.
DIRECT_TEXT_TAGS = frozenset({"div", "section", "article", "font", "span"})


def paragraph_weight(node: LexborNode, tag: str | None = None) -> int:
    """Characters of prose a block contributes: long enough and not mostly links."""
    tag = tag or node.tag or ""
    direct = tag in DIRECT_TEXT_TAGS
    text = node.text(deep=not direct).strip()
    length = len(text)
    if length < MIN_BLOCK_CHARS:
        # Short lines (ingredients, table cells) count a little unless they are links.
        if length < 3 or direct or has_link(node):
            return 0
        return length // SHORT_BLOCK_DISCOUNT
    if direct:
        return length
    if tag == "li" and node.css_first("ul, ol, div") is not None:
        return 0  # a menu entry holding a sub-menu; its own items count for themselves
    links = links_in(node)
    # Link density counts visible characters only: the indentation between the links of a
    # tag list ("<a>Tokyo</a>\n\t\t<a>Osaka</a>") would otherwise pass for unlinked prose.
    if links and sum(visible_chars(a.text(deep=True)) for a in links) > 0.5 * visible_chars(text):
        return 0
    return length


#: Elements of a block walked in Python when looking for its links; a block with more is
#: asked by a query. A query costs a selector parse (about 2 µs), more than the walk of a
#: paragraph's few elements.
LINK_WALK_LIMIT = 24


def links_in(node: LexborNode) -> list[LexborNode]:
    """``node.css("a")``: the links in ``node`` (itself included), in document order."""
    found: list[LexborNode] = []
    for count, element in enumerate(node.traverse()):
        if count == LINK_WALK_LIMIT:
            return node.css("a")
        if element.tag == "a":
            found.append(element)
    return found


def has_link(node: LexborNode) -> bool:
    """``node.css_first("a") is not None``, the small blocks walked in Python."""
    for count, element in enumerate(node.traverse()):
        if count == LINK_WALK_LIMIT:
            return node.css_first("a") is not None
        if element.tag == "a":
            return True
    return False


def visible_chars(text: str) -> int:
    """Characters of ``text`` other than whitespace."""
    return len("".join(text.split()))


@dataclass
class Landmarks:
    """Elements met while scoring that later steps need: <article> elements and headings."""

    articles: list[LexborNode] = field(default_factory=list)
    headings: list[LexborNode] = field(default_factory=list)


def _text_mass(root: LexborNode) -> tuple[Mass, dict[int, tuple[float, LexborNode]], Landmarks]:
    """Prose characters below every element, and a local score (parent + half to grandparent).

    Each block adds its weight to all its ancestors (``mass``); ``local`` rewards the element
    whose own children are the paragraphs, which is where the article text lives. Blocks
    inside a link (teaser cards) count for nothing. Weights are summed bottom-up once over
    the ancestors the blocks share, rather than walked up from every block.
    """
    up = _Ancestry(root.mem_id)
    own: Mass = {}
    local: dict[int, tuple[float, LexborNode]] = {}
    landmarks = Landmarks()
    for node in root.css(SCORED_SELECTOR):
        tag = node.tag or ""
        if tag in TEASER_HEADINGS:
            landmarks.headings.append(node)
            continue
        if tag == "article":
            landmarks.articles.append(node)
        if tag in DIRECT_TEXT_TAGS:
            # Inlined: most scored elements are wrappers with little text of their own.
            weight = len(node.text(deep=False).strip())
            if weight < MIN_BLOCK_CHARS:
                continue
        else:
            weight = paragraph_weight(node, tag)
            if not weight:
                continue
        start = node if tag in DIRECT_TEXT_TAGS else node.parent
        if start is None or not up.add(start):
            continue  # inside a link: a teaser card, not prose
        key = start.mem_id
        own[key] = own.get(key, 0) + weight
        local[key] = ((local[key][0] if key in local else 0.0) + weight, start)
        parent_key = up.parent[key]
        if parent_key is not None:
            score = local[parent_key][0] if parent_key in local else 0.0
            local[parent_key] = (score + weight / 2, up.nodes[parent_key])
    return up.totals(own), local, landmarks


class _Ancestry:
    """The ancestors of the scored blocks, each visited once: parent ids, and whether the
    element sits inside a link. Stops at ``root_id`` and at the document's top."""

    def __init__(self, root_id: int) -> None:
        self.root_id = root_id
        self.parent: dict[int, int | None] = {}
        self.linked: dict[int, bool] = {}
        self.nodes: dict[int, LexborNode] = {}

    def add(self, node: LexborNode) -> bool:
        """Record ``node`` and its ancestors; False when it is inside a link (or outside)."""
        path: list[LexborNode] = []
        current: LexborNode | None = node
        while current is not None and current.mem_id not in self.linked:
            if current.tag in ("html", "-undef", "#document"):
                current = None
                break
            path.append(current)
            if current.mem_id == self.root_id:
                current = None
                break
            current = current.parent
        above = current.mem_id if current is not None else None
        linked = self.linked[above] if above is not None else False
        for element in reversed(path):
            key = element.mem_id
            linked = linked or element.tag == "a"
            self.linked[key], self.parent[key], self.nodes[key] = linked, above, element
            above = key
        return node.mem_id in self.linked and not self.linked[node.mem_id]

    def totals(self, own: Mass) -> Mass:
        """Subtree sums of ``own`` over the recorded elements outside links (children are
        recorded after their parents, so one reverse pass sums bottom-up)."""
        mass: Mass = {}
        for key in reversed(self.nodes):
            if self.linked[key]:
                continue
            total = mass.get(key, 0) + own.get(key, 0)
            mass[key] = total
            parent = self.parent[key]
            if parent is not None:
                mass[parent] = mass.get(parent, 0) + total
        return {key: value for key, value in mass.items() if value}


def _drop_teasers(headings: list[LexborNode], mass: Mass) -> None:
    """Take lists of teaser cards (a linked headline over a short excerpt, three or more in
    one list: "More stories", a river of other articles) out of the prose mass."""
    lists: dict[int, list[LexborNode]] = {}
    seen: set[int] = set()
    for heading in headings:
        if heading.css_first("a[href]") is None and not _in_link(heading):
            continue
        card = _massed_ancestor(heading, mass)
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


def _in_link(node: LexborNode) -> bool:
    """Whether one of the two elements above ``node`` is a link (a card wrapped in <a>)."""
    parent = node.parent
    for _ in range(2):
        if parent is None:
            return False
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


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
    bonus = NAME_BONUS if POSITIVE_WORDS.search(names) else 1.0
    return bonus * (TAG_BONUS if node.tag in ("article", "main") else 1.0)


def _best_seed(candidates: list[tuple[float, LexborNode]]) -> LexborNode:
    """The candidate with the best score times its bonus; only those that could win with the
    largest bonus have their names read."""
    floor = max(score for score, _ in candidates) / (NAME_BONUS * TAG_BONUS)
    contenders = [item for item in candidates if item[0] >= floor]
    return max(contenders, key=lambda item: item[0] * _class_bonus(item[1]))[1]


def find_content(root: LexborNode) -> tuple[list[LexborNode], Mass]:
    """The body container and the prose mass of every element.

    The element with the best local score is the seed; it grows to its parent while it holds
    less than ``CLIMB_SHARE`` of the parent's prose (paragraphs wrapped one per element).
    """
    mass, local, landmarks = _text_mass(root)
    _drop_teasers(landmarks.headings, mass)
    if not local:
        return [], mass
    node = _best_seed(list(local.values()))
    articles = _prose_articles(landmarks.articles, mass)
    if len(articles) > 1:
        node = _first_article(node, articles)
    while node.mem_id != root.mem_id and _should_climb(node, root, mass):
        parent = node.parent
        if parent is None or _holds_other_article(parent, node, articles) or _is_story(node):
            break
        node = parent
    return _with_siblings(node, mass, articles), mass


def _should_climb(node: LexborNode, root: LexborNode, mass: Mass) -> bool:
    """Grow when the parent is a pure wrapper, or when the parent or one of the next
    ``CLIMB_LOOKAHEAD`` ancestors holds much more prose (the rest of the article)."""
    own = mass.get(node.mem_id, 0)
    ancestor = node.parent
    # A container named as the body ("article-content") grows only into near neighbours.
    lookahead = 1 if _has_content_name(node) else CLIMB_LOOKAHEAD
    for level in range(lookahead + 1):
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


def _has_content_name(node: LexborNode) -> bool:
    attrs = node.attributes
    return bool(CONTENT_NAMES.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"))


def _is_story(node: LexborNode) -> bool:
    """An <article> with its own headline is the whole story: the body does not grow past it."""
    return node.tag == "article" and node.css_first("h1") is not None


def _prose_articles(candidates: list[LexborNode], mass: Mass) -> list[LexborNode]:
    """Stories on the page: outermost <article> elements with their own <h1> and real prose,
    in document order (an <article> without a headline is a section, post or card)."""
    found: list[LexborNode] = []
    for node in candidates:
        if mass.get(node.mem_id, 0) < STORY_MIN_CHARS or node.css_first("h1") is None:
            continue
        if not (found and is_inside(node, {found[-1].mem_id})):
            found.append(node)
    return found


def _first_article(seed: LexborNode, articles: list[LexborNode]) -> LexborNode:
    """The first of several stories on one page (infinite scroll appends the next ones), when
    the seed lies in a later one."""
    first = articles[0]
    if seed.mem_id == first.mem_id or is_inside(seed, {first.mem_id}):
        return seed
    if any(seed.mem_id == a.mem_id or is_inside(seed, {a.mem_id}) for a in articles[1:]):
        return first
    return seed


def _holds_other_article(parent: LexborNode, node: LexborNode, articles: list[LexborNode]) -> bool:
    """Whether growing ``node`` to ``parent`` would take in a second story (an <article> with
    prose that neither holds ``node`` nor lies inside it)."""
    if len(articles) < 2:
        return False
    ids = {node.mem_id}
    inside_parent = [a for a in articles if is_inside(a, {parent.mem_id})]
    outside_node = [a for a in inside_parent if a.mem_id != node.mem_id and not is_inside(a, ids)]
    return any(not is_inside(node, {a.mem_id}) for a in outside_node)


def _with_siblings(node: LexborNode, mass: Mass, articles: list[LexborNode]) -> list[LexborNode]:
    """The container plus sibling elements that hold real prose (a body split by an ad slot),
    except siblings holding another story."""
    parent = node.parent
    if parent is None or node.tag in ("body", "html"):
        return [node]
    chosen: list[LexborNode] = []
    floor = max(SIBLING_MIN_CHARS, SIBLING_SHARE * mass.get(node.mem_id, 0))
    paragraphs: list[LexborNode] = []
    others = False
    before = True
    opening: LexborNode | None = None  # the last block of prose before the container
    for sibling in parent.iter():
        own = sibling.mem_id == node.mem_id
        before = before and not own
        if own or (
            mass.get(sibling.mem_id, 0) >= floor
            and not _holds_story(sibling, articles)
            and not _is_slideshow(sibling)
        ):
            chosen.append(sibling)
            opening = None if before else opening
            continue
        if before and sibling.mem_id in mass:
            opening = sibling
        if sibling.tag == "p" and before:
            paragraphs.append(sibling)
        elif sibling.mem_id in mass and (paragraphs or not before):
            others = True
    if opening is not None and _is_opening(opening, mass, articles):
        ids = {sibling.mem_id for sibling in chosen} | {opening.mem_id}
        chosen = [sibling for sibling in parent.iter() if sibling.mem_id in ids]
    if paragraphs and not others:
        # The rest of the parent's prose between the header and the container is paragraphs
        # of its own: the free start of an article whose remainder sits in a wrapper
        # ("<p>Lead</p><div class=restricted>...</div>"); paragraphs after it are notes and
        # prompts. Prose before the first of them is the header's (a standfirst box).
        ids = {sibling.mem_id for sibling in chosen}
        ids.update(p.mem_id for p in paragraphs if paragraph_weight(p, "p") >= MIN_BLOCK_CHARS)
        return [sibling for sibling in parent.iter() if sibling.mem_id in ids]
    return chosen


def _is_opening(node: LexborNode, mass: Mass, articles: list[LexborNode]) -> bool:
    """Whether a block just before the body container is the article's opening: enough prose
    in paragraphs that read as sentences (``MIN_OPENING_PARAGRAPHS``). A header's headline,
    standfirst and caption, or a box of teaser lines ("Mehr zum Thema"), have fewer."""
    if mass.get(node.mem_id, 0) < SIBLING_MIN_CHARS:
        return False
    if _holds_story(node, articles) or _is_slideshow(node):
        return False
    sentences = 0
    for paragraph in node.css("p"):
        parent = paragraph.parent
        if parent is None or parent.mem_id not in mass:
            continue  # inside a link (a teaser card) or a block without prose
        text = paragraph.text(deep=True)
        if SENTENCE_END.search(text) and paragraph_weight(paragraph, "p") >= MIN_BLOCK_CHARS:
            sentences += 1
            if sentences >= MIN_OPENING_PARAGRAPHS:
                return True
    return False


def _is_slideshow(node: LexborNode) -> bool:
    """A carousel of pictures beside the body: its text is captions, not more of the body."""
    current: LexborNode | None = node
    for _ in range(SLIDESHOW_DEPTH):
        if current is None:
            return False
        attrs = current.attributes
        if SLIDESHOW_NAMES.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
        current = next(current.iter(), None)  # its first child element
    return False


def _holds_story(node: LexborNode, articles: list[LexborNode]) -> bool:
    if len(articles) < 2:
        return False
    return any(a.mem_id == node.mem_id or is_inside(a, {node.mem_id}) for a in articles)


def is_inside(node: LexborNode, ids: set[int]) -> bool:
    current = node.parent
    while current is not None:
        if current.mem_id in ids:
            return True
        current = current.parent
    return False
