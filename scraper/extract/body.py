"""Generic body extraction: strip boilerplate nodes, then read the paragraphs of the container
``find_content`` (in ``content``) chose, in document order.

Subheads (h2-h6) are returned as ordinary paragraphs; the page's <h1> is not.
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
    has_boilerplate_attribute,
    is_boilerplate_paragraph,
    is_caption_class,
    without_pull_quotes,
)
from scraper.extract.content import (
    CONTENT_NAMES,
    Mass,
    find_content,
    has_link,
    is_inside,
    links_in,
    paragraph_weight,
    visible_chars,
)
from scraper.extract.text import normalize_space

__all__ = [
    "body_paragraphs",
    "find_content",
    "find_standfirst",
    "read_blocks",
    "strip_boilerplate",
]

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
#: A boilerplate-marked node holding this share of the page's paragraph text is kept.
PROTECTED_SHARE = 0.4
#: Block elements whose class/id names are checked for boilerplate words (inline elements are
#: left to the paragraph filters: checking every classed <span> and <a> costs more than it finds).
MARKED_TAGS = frozenset(
    {
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
        "h2",
        "h3",
        "h4",
    }
)
#: Elements with names; ``MARKED_TAGS`` among them are checked (one query, filtered by tag,
#: costs less than one selector per tag).
_NAMED = "[class], [id]"
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
#: The stripped elements and the paragraphs, in one query (one walk of the tree).
_STRIPPED_AND_PARAGRAPHS = f"{_STRIPPED}, p"
_FIGURES_AND_CAPTIONS = f"figure, figcaption, {CAPTION_CANDIDATES}"
#: Elements removed whatever their size (their text is code or form data, not prose).
SCRIPT_TAGS = frozenset(
    [
        "script",
        "style",
        "template",
        "svg",
        "input",
        "select",
        "textarea",
        "iframe",
        "object",
        "embed",
        "canvas",
    ]
)
#: A body with more than this share of its prose in figure captions is a gallery.
GALLERY_SHARE = 0.5
#: Elements skipped when reading the body (their content is not prose).
SKIP_TAGS = frozenset({"figure", "figcaption", "img", "picture", "video", "audio", "source", "h1"})
GALLERY_SKIP_TAGS = SKIP_TAGS - {"figure", "figcaption"}
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
#: Elements that may hold a drop cap (the first letter of a paragraph set apart), by class.
DROP_CAP_SELECTOR = ", ".join(
    f'[class*="{name}" i]'
    for name in (
        "dropcap",
        "drop-cap",
        "drop_cap",
        "initial",
        "first-letter",
        "firstletter",
        "versal",
    )
)
#: A drop cap holds at most this many characters ("N", or "„N" with its opening quote).
DROP_CAP_CHARS = 2
#: Letters that are words of their own in common languages ("A dog", "I think", "Y luego"):
#: a space after such a drop cap may be meant.
ONE_LETTER_WORDS = frozenset("AIOYEUÀÁÓÉ")
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_BEM_BLOCK = re.compile(r"\S*__")
#: Class words of a box holding a picture and its caption without <figure> ("picBox",
#: "media-block", "wrapper-image"): such a box with little text is a figure.
PICTURE_BOX_WORDS = re.compile(r"pic|photo|image|img|media|bild|foto|figure", re.IGNORECASE)
PICTURE_BOX_TAGS = ("div", "span")
MAX_PICTURE_BOX_CHARS = 400
#: A paragraph opening with a photo and holding at most this much text is the photo's caption.
MAX_PICTURE_PARAGRAPH_CHARS = 200
#: Narrower images are icons or emoji, part of the text.
MIN_PHOTO_WIDTH = 100
#: Pictures set directly in a paragraph (or in a link there).
PARAGRAPH_PICTURES = "p > img, p > picture, p > a > img, p > a > picture"
#: Inline elements a caption is set in.
CAPTION_STYLE = "em, i, small"


def strip_boilerplate(root: LexborNode) -> None:
    """Remove non-content nodes and class/id-marked boilerplate, keeping any node that holds
    most of the page's paragraph text.

    Such a node is a page wrapper (ASP.NET ``<form>``, an ``aria-hidden`` wrapper behind a
    modal, a content block whose class also says "share"), not boilerplate. Nodes are
    unlinked with their subtrees (lexbor does not free them), so descendants of a removed node
    have no parent and are skipped cheaply.
    """
    stripped: list[LexborNode] = []
    prose = 0
    for node in root.css(_STRIPPED_AND_PARAGRAPHS):
        if node.tag == "p":
            prose += len(node.text(deep=True))
            # A paragraph matched the query as a paragraph; it is stripped only if it also
            # matches a boilerplate selector (only attribute ones can match a <p>).
            if not has_boilerplate_attribute(node.attributes):
                continue
        stripped.append(node)
    prose = prose or len(root.text(deep=True))
    for node in stripped:
        if node.parent is None:
            continue
        if node.tag in SCRIPT_TAGS or not _holds_most_prose(node, prose):
            node.decompose()
    for node in root.css(_NAMED):
        tag = node.tag
        if tag not in MARKED_TAGS:
            continue
        # Two attributes read alone cost less than the whole attribute dict.
        css_class = node.attrs.sget("class", "") or ""
        # A heading's id is an anchor made of its words ("nav_phishing_masche"), not a role.
        element_id = "" if tag in HEADINGS else node.id or ""
        # Checked separately so the cache hits on the class names pages repeat.
        if not (boilerplate_token(css_class) or (element_id and boilerplate_token(element_id))):
            continue
        if node.parent is None:
            continue  # inside a subtree removed already
        names = f"{css_class} {element_id}"
        # The part of a BEM name after "__" says what the element is: "article-content__share"
        # is a share bar, not the article's content.
        if CONTENT_NAMES.search(_BEM_BLOCK.sub("", names)):
            continue
        if UNPROTECTED_STEMS.search(names):
            node.decompose()
        elif not _holds_most_prose(node, prose) and node.css_first("h1") is None:
            # A block holding the headline is the story's header ("articleHeader"): later
            # steps need its <h1> to tell one story from the next.
            node.decompose()


def _paragraph_chars(node: LexborNode) -> int:
    return sum(len(p.text(deep=True)) for p in node.css("p"))


def _holds_most_prose(node: LexborNode, prose: int) -> bool:
    """A marked node with most of the page's paragraph text is a wrapper, not boilerplate."""
    if prose <= 0:
        return False
    length = len(node.text(deep=True))
    if length < PROTECTED_SHARE * prose:
        return False
    return (_paragraph_chars(node) or length) >= PROTECTED_SHARE * prose


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
            if child.mem_id in mass:
                read_blocks(child, out, mass, skip)
            else:
                _wrapped_heading(child, out, mass)
    flush()


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
    gallery = _is_gallery(containers, mass)
    for node in containers:
        for br in node.css("br"):
            br.replace_with("\n")
        _join_drop_caps(node)
        if gallery:
            continue
        for caption in node.css(_FIGURES_AND_CAPTIONS):
            if caption.parent is not None and _is_caption(caption):
                caption.decompose()
        _strip_picture_boxes(node)
        _strip_picture_paragraphs(node)
    skip = GALLERY_SKIP_TAGS if gallery else SKIP_TAGS
    paragraphs: list[str] = []
    for node in containers:
        if node.tag in LEAF_BLOCKS and not _has_blocks(node):
            _leaf(node, paragraphs)
        else:
            read_blocks(node, paragraphs, mass, skip)
    return without_pull_quotes(clean_paragraphs(paragraphs))


def _strip_picture_boxes(container: LexborNode) -> None:
    """Remove picture boxes written without <figure>: an element named for a picture that
    holds an image and only a short caption.

    The candidates are found from the images up (a page has far fewer images than named
    elements). All are chosen, outermost first, before any is removed: a box inside a
    removed one is freed with it, and lexbor may reuse its memory for the text put in its
    place.
    """
    candidates: list[tuple[int, LexborNode]] = []
    seen: set[int] = set()
    for image in container.css("img, picture"):
        path: list[LexborNode] = []
        node = image.parent
        while node is not None and node.mem_id != container.mem_id and node.mem_id not in seen:
            path.append(node)
            node = node.parent
        if node is None:
            continue
        for element in path:
            seen.add(element.mem_id)
            if element.tag in PICTURE_BOX_TAGS and PICTURE_BOX_WORDS.search(
                element.attributes.get("class") or ""
            ):
                candidates.append((_depth(element, container), element))
    chosen: list[LexborNode] = []
    chosen_ids: set[int] = set()
    for _, box in sorted(candidates, key=lambda item: item[0]):
        if chosen_ids and is_inside(box, chosen_ids):
            continue
        if box.css_first("p p, h2, h3, li") is not None:
            continue
        if len(box.text(deep=True).strip()) <= MAX_PICTURE_BOX_CHARS:
            chosen.append(box)
            chosen_ids.add(box.mem_id)
    for box in chosen:
        box.replace_with("\n\n")  # it may sit between two runs of text


def _strip_picture_paragraphs(container: LexborNode) -> None:
    """Remove paragraphs that open with a picture and hold only a short caption after it, set
    in italics or small print ("<p><img ...><br><em>The suspect in court</em></p>"): blogs
    put photos inline in a <p>.

    Small images (emoji, icons), plain text after a picture (the paragraph itself) and longer
    paragraphs are left alone."""
    # Found from the pictures up: a page has far fewer of them than paragraphs.
    paragraphs: dict[int, LexborNode] = {}
    for picture in container.css(PARAGRAPH_PICTURES):
        paragraph = picture.parent
        if paragraph is not None and paragraph.tag == "a":
            paragraph = paragraph.parent
        if paragraph is not None and paragraph.tag == "p":
            paragraphs[paragraph.mem_id] = paragraph
    for paragraph in paragraphs.values():
        first = _first_content(paragraph)
        if first is None or not _is_photo(first):
            continue
        text = visible_chars(paragraph.text(deep=True))
        if text > MAX_PICTURE_PARAGRAPH_CHARS:
            continue
        emphasised = sum(visible_chars(e.text(deep=True)) for e in paragraph.css(CAPTION_STYLE))
        if emphasised >= text:
            paragraph.replace_with("\n\n")


def _first_content(node: LexborNode) -> LexborNode | None:
    """The first child element of ``node``, unless text comes before it."""
    for child in node.iter(include_text=True):
        tag = child.tag or "-"
        if tag == "-text":
            if (child.text_content or "").strip():
                return None
        elif not tag.startswith("-"):
            return child
    return None


def _is_photo(node: LexborNode) -> bool:
    """An <img>/<picture> (or a link around one) that is not an icon or emoji."""
    if node.tag == "a":
        inner = _first_content(node)
        if inner is None:
            return False
        node = inner
    if node.tag == "picture":
        return True
    if node.tag != "img":
        return False
    if "emoji" in (node.attributes.get("class") or ""):
        return False
    width = node.attributes.get("width") or ""
    return not width.isdigit() or int(width) >= MIN_PHOTO_WIDTH


def _depth(node: LexborNode, top: LexborNode) -> int:
    depth = 0
    current = node.parent
    while current is not None and current.mem_id != top.mem_id:
        depth += 1
        current = current.parent
    return depth


def _join_drop_caps(container: LexborNode) -> None:
    """Join a drop cap to the rest of its word: the letter set apart in its own element is
    often followed by a space in the markup ("<span class=initial>N</span> a endlich")."""
    for cap in container.css(DROP_CAP_SELECTOR):
        letters = cap.text(deep=True).strip()
        if not (0 < len(letters) <= DROP_CAP_CHARS) or not letters[-1].isalpha():
            continue
        if letters[-1].upper() in ONE_LETTER_WORDS:
            continue
        while (
            cap.parent is not None
            and cap.next is None
            and cap.parent.text(deep=True).strip() == letters
        ):
            cap = cap.parent  # the outermost wrapper of the letter
        following = cap.next
        while following is not None and following.tag != "-text":
            following = following.child  # the first text of the next element
        if following is not None and following.tag == "-text":
            text = following.text_content or ""
            if text[:1].isspace():
                following.replace_with(text.lstrip())


def _is_gallery(containers: list[LexborNode], mass: Mass) -> bool:
    """Whether most of the body's prose sits in figure captions (a photo gallery)."""
    total = sum(mass.get(node.mem_id, 0) for node in containers)
    if not total:
        return False
    in_figures = sum(
        mass.get(figure.mem_id, 0) for node in containers for figure in node.css("figure")
    )
    return in_figures > GALLERY_SHARE * total


def _is_caption(node: LexborNode) -> bool:
    """A figure (its picture, caption and credit belong to the images) or a short element
    whose class marks a caption or credit."""
    if node.tag == "figure":
        return node.css_first("table") is None  # a table in a <figure> is text, not a picture
    if node.tag == "figcaption":
        return True
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
        if node.mem_id in inside or is_inside(node, inside) or _is_picture(node):
            continue
        text = normalize_space(node.text(deep=True))
        if (
            MIN_STANDFIRST_CHARS <= len(text) <= MAX_STANDFIRST_CHARS
            and paragraph_weight(node, "p")
            and not is_boilerplate_paragraph(text)
        ):
            return text
    return None


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
