"""Images of the article: lead image first, absolute URLs, lazy-loading attributes, captions, credits.

Rules are data: lazy-load attributes, URL patterns of pixels and placeholders, link targets
that open a picture viewer, credit labels. A picture linked to another page, or inside a
short nested ``<article>`` (a teaser card), belongs to another story and is left out.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborNode

from scraper.extract.captions import caption_and_credit as caption_and_credit
from scraper.extract.captions import clean_credit as clean_credit
from scraper.extract.captions import figure_caption
from scraper.extract.captions import split_credit as split_credit
from scraper.extract.text import normalize_space
from scraper.models import Image

#: Attributes holding the real image URL, in order (lazy loaders put it in data-*).
SRC_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-full-src", "src", "data-url")
SRCSET_ATTRIBUTES = ("data-srcset", "data-lazy-srcset", "srcset")
MIN_SIZE = 100
#: Image URLs that are a pixel, placeholder, logo, icon or ad, not a picture: words found
#: anywhere in the lower-cased URL (by substring tests: a search of one alternation tries
#: every branch at every character), and patterns for the rest (case-insensitive).
SKIP_URL_WORDS = (
    "pixel",
    "pxl.gif",
    "spacer",
    "blank.gif",
    "1x1",
    "logo",
    "icon",
    "avatar",
    "gravatar",
    "placeholder",
    "transparent",
    "xiti",
    "beacon",
    "doubleclick",
    "scorecardresearch",
)
SKIP_URL_PATTERNS = (r"^data:", r"\.svg(?:\?|$)", r"/ads?/", r"/banners?/", r"\bbnr[-_]")
#: Both tables as one pattern, for URLs the substring tests cannot decide (non-ASCII ones).
_SKIP_URL = re.compile(
    "|".join([*(re.escape(word) for word in SKIP_URL_WORDS), *SKIP_URL_PATTERNS]), re.IGNORECASE
)
_SKIP_REST = re.compile("|".join(SKIP_URL_PATTERNS), re.IGNORECASE)


def is_skipped_url(url: str) -> bool:
    """``_SKIP_URL.search(url)``: a pixel, placeholder, logo, icon or ad, not a picture."""
    if not url.isascii():  # lower-casing and IGNORECASE agree on ASCII only
        return _SKIP_URL.search(url) is not None
    lowered = url.lower()
    for word in SKIP_URL_WORDS:  # a loop costs less than any() over a generator
        if word in lowered:
            return True
    return _SKIP_REST.search(lowered) is not None


#: A link around a picture that opens the picture or a viewer keeps it in the article; a link
#: to any other page makes it a teaser of another story.
VIEWER_LINK = re.compile(
    r"^(?:#|javascript:)|\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)"
    r"|photo|foto|bild|image|img|picture|gallery|galerie|zoom|lightbox|media",
    re.I,
)
#: A size appended to a file name by WordPress and other CMSs ("photo-1024x768").
_SIZE_SUFFIX = re.compile(r"[-_]\d{2,5}x\d{2,5}$")
#: A nested <article> with less text than this is a teaser card of another story.
TEASER_ARTICLE_CHARS = 600
#: ... and less than this share of the text around it (else it is the story itself).
TEASER_ARTICLE_SHARE = 0.5
#: Elements holding one picture with its caption: <figure>, and the <div> WordPress writes
#: for captioned images.
FIGURE_SELECTOR = "figure, div.wp-caption"


def _int(value: str | None) -> int | None:
    if value and value.strip().isdigit():
        return int(value.strip())
    return None


def _largest_from_srcset(srcset: str) -> str | None:
    best: tuple[float, str] | None = None
    for candidate in srcset.split(","):
        parts = candidate.strip().split()
        if not parts:
            continue
        size = 0.0
        if len(parts) > 1 and parts[1][:-1].replace(".", "", 1).isdigit():
            size = float(parts[1][:-1])
        if best is None or size > best[0]:
            best = (size, parts[0])
    return best[1] if best else None


def image_url(img: LexborNode) -> str | None:
    """The real URL of an <img> or <source>: lazy-load attributes, then src, then the srcset."""
    attrs = img.attributes
    for name in SRC_ATTRIBUTES:
        value = (attrs.get(name) or "").strip()
        if value and not value.startswith("data:"):
            return value
    for name in SRCSET_ATTRIBUTES:
        srcset = attrs.get(name)
        if srcset:
            return _largest_from_srcset(srcset)
    return None


def _picture_url(node: LexborNode) -> str | None:
    img = node if node.tag == "img" else node.css_first("img")
    url = image_url(img) if img is not None else None
    if url:
        return url
    for source in node.css("source"):
        url = image_url(source)
        if url:
            return url
    return None


def _image(node: LexborNode, base: str | None) -> Image | None:
    url = _picture_url(node)
    if not url or is_skipped_url(url):
        return None
    img = node if node.tag == "img" else node.css_first("img")
    attrs = img.attributes if img is not None else {}
    width, height = _int(attrs.get("width")), _int(attrs.get("height"))
    if (width is not None and width < MIN_SIZE) or (height is not None and height < MIN_SIZE):
        return None
    alt = normalize_space(attrs.get("alt") or "") or None
    # Lightbox scripts read the caption of a bare <img> from data-caption.
    caption = normalize_space(attrs.get("data-caption") or "") or None
    return Image(url=urljoin(base or "", url), caption=caption, alt=alt, width=width, height=height)


def expose_pictures(root: LexborNode) -> None:
    """Keep the article's pictures out of the boilerplate pass's reach; call before it.

    Pictures inside ``<noscript>`` are lifted (``lift_noscript_images``), and a ``<button>``
    wrapping a picture (a "view larger" or slide-viewer control) is replaced by the picture,
    its labels left out.
    """
    # One walk finds both: lifting a picture out of a <noscript> moves elements but neither
    # adds nor removes a <button>, so the buttons found before it are the ones found after.
    found = root.css("noscript, button")
    buttons = [node for node in found if node.tag == "button"]
    _lift_noscripts([node for node in found if node.tag == "noscript"])
    for button in buttons:
        picture = button.css_first("figure") or button.css_first("picture, img")
        if picture is not None and button.parent is not None:
            button.replace_with(_with_caption(picture, button))


def _with_caption(picture: LexborNode, stop: LexborNode) -> LexborNode:
    """The smallest element below ``stop`` holding ``picture`` and the caption beside it."""
    caption = stop.css_first("figcaption")
    if caption is None:
        return picture
    node = picture
    while node.parent is not None and node.parent.mem_id != stop.mem_id:
        if node.css_first("figcaption") is not None:
            return node
        node = node.parent
    return node


def lift_noscript_images(root: LexborNode) -> None:
    """Make pictures written only inside ``<noscript>`` visible to ``body_images``.

    Lazy loaders show a placeholder and put the real ``<img>`` in ``<noscript>``, which the
    boilerplate pass strips: its URL moves onto the placeholder beside it (``data-src``), or the
    ``<noscript>`` is unwrapped when nothing shows the picture. Call before stripping.
    """
    _lift_noscripts(root.css("noscript"))


def _lift_noscripts(noscripts: list[LexborNode]) -> None:
    """``lift_noscript_images`` on the page's ``<noscript>`` elements, in document order."""
    for noscript in noscripts:
        inner = noscript.css_first("img")
        url = image_url(inner) if inner is not None else None
        if not url or is_skipped_url(url):
            continue
        holder = noscript.parent
        if holder is None:
            continue
        hidden = {img.mem_id for img in noscript.css("img")}
        shown = [img for img in holder.css("img") if img.mem_id not in hidden]
        if not shown:
            if not noscript.text(deep=True).strip():  # a message to enable scripts stays out
                noscript.unwrap()
            continue
        placeholder = shown[0]
        current = image_url(placeholder)
        if not current or is_skipped_url(current):
            placeholder.attrs["data-src"] = url
            if not placeholder.attributes.get("alt") and inner is not None:
                placeholder.attrs["alt"] = inner.attributes.get("alt") or ""


def image_scope(container: LexborNode) -> LexborNode:
    """Where the article's pictures are: the enclosing <article> (the lead figure often sits
    beside the text container), else the container itself."""
    node: LexborNode | None = container
    for _ in range(4):
        if node is None or node.tag in ("body", "html"):
            break
        if node.tag == "article":
            return node
        node = node.parent
    return container


def body_images(containers: list[LexborNode], base: str | None) -> list[Image]:
    """Figures and large images inside the body containers, in document order."""
    return _body_images(containers, base)[0]


def article_images(
    containers: list[LexborNode], base: str | None, lead: Image | None
) -> list[Image]:
    """The article's pictures, lead first: ``body_images`` with ``lead`` (og:image) merged in.

    When the body opens with a picture before its text, that picture is the lead and an
    og:image showing another picture (a social crop) is left out.
    """
    images, opens_body = _body_images(containers, base)
    return with_lead_image(images, lead, body_has_lead=opens_body)


def _body_images(containers: list[LexborNode], base: str | None) -> tuple[list[Image], bool]:
    """The body's pictures, and whether the first one comes before any paragraph of text."""
    images: list[Image] = []
    opens_body = False
    for container in [image_scope(c) for c in containers[:1]] + containers[1:]:
        scope_chars: list[int] = []  # measured once, when a nested <article> needs it
        for node in container.css(f"{FIGURE_SELECTOR}, img"):
            if node.tag == "img" and _inside_figure(node, container):
                continue
            if _is_teaser(node, container, base, scope_chars):
                continue
            image = _image(node, base)
            if image is None:
                continue
            if node.tag != "img":
                caption, image.credit = figure_caption(node)
                image.caption = caption or image.caption
            if not images:
                opens_body = _before_text(node, container)
            images.append(image)
    if containers and not opens_body:
        hero = _hero_image(image_scope(containers[0]), base)
        if hero is not None:
            images.insert(0, hero)
            opens_body = True
    return images, opens_body


#: How far above the body a lead picture placed before it is looked for.
HERO_LEVELS = 4


def _hero_image(scope: LexborNode, base: str | None) -> Image | None:
    """The lead picture set before the body outside it ("hero"): the nearest <figure> or
    <picture> among the elements before the body or before one of its ancestors."""
    node = scope
    for _ in range(HERO_LEVELS):
        parent = node.parent
        if parent is None or node.tag == "body" or parent.tag in ("body", "html"):
            return None
        sibling = node.prev
        while sibling is not None:
            if sibling.tag != "-text":
                found = sibling if sibling.tag in ("figure", "picture") else None
                found = found or sibling.css_first("figure, picture")
                if found is not None:
                    return _hero_from(found, scope, base)
            sibling = sibling.prev
        node = parent
    return None


def _hero_from(node: LexborNode, scope: LexborNode, base: str | None) -> Image | None:
    figure = node if node.tag == "figure" else None
    parent = node.parent
    while figure is None and parent is not None and parent.tag not in ("body", "html"):
        if parent.tag == "figure":
            figure = parent
        parent = parent.parent
    target = figure or node
    if _is_teaser(target, target.parent or scope, base, []):
        return None
    image = _image(target, base)
    if image is not None and figure is not None:
        caption, image.credit = figure_caption(figure)
        image.caption = caption or image.caption
    return image


#: A paragraph this long is article text; a picture before it opens the article.
LEAD_TEXT_CHARS = 80


def _before_text(node: LexborNode, scope: LexborNode) -> bool:
    for element in scope.traverse():
        if element.mem_id == node.mem_id:
            return True
        if element.tag == "p" and len(element.text(deep=True)) >= LEAD_TEXT_CHARS:
            return False
    return False


def _inside_figure(node: LexborNode, stop: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != stop.mem_id:
        if parent.tag == "figure" or (
            parent.tag == "div" and "wp-caption" in (parent.attributes.get("class") or "").split()
        ):
            return True
        parent = parent.parent
    return False


def _is_teaser(
    node: LexborNode, scope: LexborNode, base: str | None, scope_chars: list[int]
) -> bool:
    """Whether the picture belongs to another story: linked to another page, or inside a
    short nested ``<article>`` holding a small part of the text (a teaser card)."""
    img = node if node.tag == "img" else node.css_first("img")
    start = img if img is not None else node
    link_checked = False
    parent = start.parent
    while parent is not None and parent.mem_id != scope.mem_id:
        if parent.tag == "a" and not link_checked:
            link_checked = True
            if _links_elsewhere(parent, base, _picture_url(node)):
                return True
        elif parent.tag == "article" and _is_teaser_card(parent, scope, scope_chars):
            return True
        parent = parent.parent
    return False


def _is_teaser_card(article: LexborNode, scope: LexborNode, scope_chars: list[int]) -> bool:
    chars = len(article.text(deep=True))
    if chars >= TEASER_ARTICLE_CHARS:
        return False
    if not scope_chars:
        scope_chars.append(len(scope.text(deep=True)))
    return chars < TEASER_ARTICLE_SHARE * scope_chars[0]


def _links_elsewhere(link: LexborNode, base: str | None, picture: str | None) -> bool:
    """Whether ``link`` opens another page: not the picture, a viewer or the article itself."""
    attrs = link.attributes
    href = (attrs.get("href") or "").strip()
    if not href or VIEWER_LINK.search(href) or any("lightbox" in name for name in attrs):
        return False
    target, page = urlsplit(urljoin(base or "", href)), urlsplit(base or "")
    if picture and _file_stem(target.path) == _file_stem(urlsplit(picture).path):
        return False  # the picture itself, at another size
    return (target.netloc, target.path.rstrip("/")) != (page.netloc, page.path.rstrip("/"))


def _file_stem(path: str) -> str:
    """The last path segment without extension, ``=s1200``-style size and ``-800x600``."""
    name = unquote(path).rstrip("/").rsplit("/", 1)[-1]
    name = name.split("=", 1)[0].rsplit(".", 1)[0]
    return _SIZE_SUFFIX.sub("", name).lower()


def with_lead_image(
    images: list[Image], lead: Image | None, body_has_lead: bool = False
) -> list[Image]:
    """Put ``lead`` first, merged with the body copy of the same picture when there is one
    (the body copy keeps its URL, caption and credit). With ``body_has_lead`` (the body opens
    with a picture) a lead showing another picture is left out."""
    if lead is None:
        return _dedupe(images)
    index = _same_picture_index(lead.url, [image.url for image in images])
    if index is not None:
        images.insert(0, images.pop(index))
        return _dedupe(images)
    if images and body_has_lead:
        return _dedupe(images)
    return _dedupe([lead, *images])


def _same_picture_index(url: str, candidates: list[str]) -> int | None:
    """The candidate showing the same picture as ``url`` (often the og:image, a social crop):
    the same URL or file name, else the one sharing most picture ids with it."""
    stem = _picture_key(url)
    for index, candidate in enumerate(candidates):
        if candidate == url or _picture_key(candidate) == stem:
            return index
    ids = _picture_ids(url)
    if not ids:
        return None
    shared = [len(ids & _picture_ids(candidate)) for candidate in candidates]
    best = max(shared, default=0)
    if best == 0 or shared.count(best) > 1:
        return None
    return shared.index(best)


#: Path tokens that identify a picture: 6+ letters and digits with a digit in them, but no date
#: (20240503) and no size (1200x630).
_PATH_TOKEN = re.compile(r"[0-9A-Za-z]{6,}")
_NOT_AN_ID = re.compile(r"(?:19|20)\d{6}|\d{1,5}x\d{1,5}|[A-Za-z]+", re.I)


def _picture_ids(url: str) -> set[str]:
    path = unquote(urlsplit(url).path)
    return {token.lower() for token in _PATH_TOKEN.findall(path) if not _NOT_AN_ID.fullmatch(token)}


def _picture_key(url: str) -> str:
    """Host, folder and file stem when the stem is distinctive (6+ characters), else the whole
    URL: one picture at several sizes shares it ("a/photo-1024x768.jpg", "a/photo.jpg")."""
    parts = urlsplit(url)
    stem = _file_stem(parts.path)
    folder = parts.path.rsplit("/", 1)[0]
    return f"{parts.netloc}{folder}/{stem}" if len(stem) >= 6 else url


def _dedupe(images: list[Image]) -> list[Image]:
    """Drop repeats of a picture (the same URL, or the same file at another size)."""
    seen: set[str] = set()
    out: list[Image] = []
    for image in images:
        key = _picture_key(image.url)
        if key not in seen:
            seen.add(key)
            out.append(image)
    return out
