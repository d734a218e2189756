"""Pictures in the body's containers: figures, captions, photo credits and picture boxes are
removed before the paragraphs are read (they belong to the images, read before), except in a
gallery, where the captions are the text.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from scraper.extract.content import Mass, is_inside, visible_chars

#: Elements that may hold an image caption or photo credit outside <figcaption> (by class);
#: ``is_caption_class`` decides on the class tokens.
CAPTION_WORDS = (
    "caption",
    "captions",
    "credit",
    "credits",
    "bildunterschrift",
    "bildnachweis",
    "legend",
    "legende",
)
CAPTION_CANDIDATES = ", ".join(
    f'[class*="{word}" i]'
    for word in ("caption", "credit", "bildunterschrift", "bildnachweis", "legend")
)
#: Name parts that describe a wrapper having a caption, not the caption ("hasCaption").
_CAPTION_OWNER_PREFIXES = ("has", "no", "with")
#: A caption-classed element with more text than this is a wrapper, not a caption.
MAX_CAPTION_CHARS = 600
_FIGURES_AND_CAPTIONS = f"figure, figcaption, {CAPTION_CANDIDATES}"
#: A body with more than this share of its prose in figure captions is a gallery.
GALLERY_SHARE = 0.5
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


def is_gallery(containers: list[LexborNode], mass: Mass) -> bool:
    """Whether most of the body's prose sits in figure captions (a photo gallery)."""
    total = sum(mass.get(node.mem_id, 0) for node in containers)
    if not total:
        return False
    in_figures = sum(
        mass.get(figure.mem_id, 0) for node in containers for figure in node.css("figure")
    )
    return in_figures > GALLERY_SHARE * total


def strip_pictures(container: LexborNode) -> None:
    """Remove the figures, captions, credits and picture boxes from a body container."""
    for caption in container.css(_FIGURES_AND_CAPTIONS):
        if caption.parent is not None and _is_caption(caption):
            caption.decompose()
    _strip_picture_boxes(container)
    _strip_picture_paragraphs(container)


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


def is_caption_class(css_class: str) -> bool:
    """Whether a class value marks an image caption or photo credit ("wp-caption-text",
    "image-credit", "Component-imageCaption-0-2-32"), not a wrapper that merely mentions one
    ("hasCaption", "caption-wrapper-with-article"): the name's last word says what it is."""
    for token in css_class.lower().replace("_", "-").split():
        parts = [part for part in token.split("-") if part and not part.isdigit()]
        if parts and parts[-1] in ("text", "txt"):
            parts.pop()
        if not parts or parts[-1].startswith(_CAPTION_OWNER_PREFIXES):
            continue
        if len(parts) > 1 and parts[-2] in _CAPTION_OWNER_PREFIXES:
            continue  # "has-caption", "no-credit"
        if parts[-1].endswith(CAPTION_WORDS):
            return True
    return False


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


#: An embedded player's title is at most this long ("Air bridges: Denmark, Slovakia and
#: Iceland added to quarantine list"), and ends without a sentence's full stop.
MAX_EMBED_TITLE_CHARS = 160
_SENTENCE_ENDS = tuple(".!?:;\"”“»«'’")


def strip_embed_titles(container: LexborNode) -> None:
    """Remove the title set beside an embedded player: a box holding the <iframe> or <video>
    (in its wrappers) and one short line of text that is not a sentence. Like a figure's
    caption, it belongs to the embed, not to the text. Run before ``strip_boilerplate``, which
    removes the players."""
    titles: list[LexborNode] = []
    for player in container.css("iframe, video"):
        wrapper = player
        while (
            wrapper.parent is not None
            and wrapper.parent.mem_id != container.mem_id
            and len(_elements(wrapper.parent)) == 1
        ):
            wrapper = wrapper.parent
        box = wrapper.parent
        if box is None or box.mem_id == container.mem_id:
            continue
        children = _elements(box)
        if len(children) != 2 or _has_loose_text(box):
            continue
        title = children[1] if children[0].mem_id == wrapper.mem_id else children[0]
        text = " ".join(title.text(deep=True).split())
        if (
            title.tag in PICTURE_BOX_TAGS
            and not _holds_blocks(title)
            and 0 < len(text) <= MAX_EMBED_TITLE_CHARS
            and not text.endswith(_SENTENCE_ENDS)
        ):
            titles.append(title)
    for title in titles:
        title.decompose()


def _holds_blocks(node: LexborNode) -> bool:
    """Whether ``node`` holds a block or media element (lexbor's css() matches the node too)."""
    return any(
        inner.mem_id != node.mem_id for inner in node.css("div, p, ul, ol, iframe, video, img")
    )


def _elements(node: LexborNode) -> list[LexborNode]:
    """The child elements of ``node``."""
    return [child for child in node.iter() if not (child.tag or "-").startswith("-")]


def _has_loose_text(node: LexborNode) -> bool:
    """Whether ``node`` holds text of its own, outside its child elements."""
    return any(
        child.tag == "-text" and (child.text_content or "").strip()
        for child in node.iter(include_text=True)
    )


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
