"""Images of the article: lead image first, absolute URLs, lazy-loading attributes, captions, credits."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from selectolax.lexbor import LexborNode

from scraper.extract.text import normalize_space
from scraper.models import Image

#: Attributes holding the real image URL, in order (lazy loaders put it in data-*).
SRC_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-url", "data-full-src", "src")
SRCSET_ATTRIBUTES = ("data-srcset", "data-lazy-srcset", "srcset")
#: Caption children that hold the photo credit.
CREDIT_SELECTORS = (
    '[class*="credit"]',
    '[class*="copyright"]',
    '[class*="source"]',
    '[itemprop="copyrightHolder"]',
    '[class*="author"]',
    "small",
    "cite",
)
_CREDIT_IN_TEXT = re.compile(
    # A label needs its colon ("Photo: X"); "photo 3" ends a caption, it credits nobody.
    r"\s*(?:\(|\[)?(?:(?:photo|foto|bild|image|picture|credit|quelle|source)s?\s*:|©|\(c\))"
    r"\s*([^()\[\]]{2,80})(?:\)|\])?\s*$",
    re.IGNORECASE,
)
_SKIP_URL = re.compile(
    r"^data:|\.svg(?:\?|$)|pixel|spacer|blank\.gif|1x1|/ads?/|logo|icon|avatar|gravatar", re.I
)
MIN_SIZE = 100
#: Elements holding one picture with its caption: <figure>, and the <div> WordPress writes
#: for captioned images.
FIGURE_SELECTOR = "figure, div.wp-caption"
#: The caption inside such an element.
CAPTION_SELECTOR = "figcaption, .wp-caption-text"


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


_CREDIT_LABEL = re.compile(
    r"^(?:photo|foto|bild|image|picture|credit|quelle|source)s?\s*:\s*|^©\s*", re.I
)


def clean_credit(credit: str) -> str:
    """A credit without its label ("Photo: X" -> "X")."""
    return _CREDIT_LABEL.sub("", normalize_space(credit)).strip() or credit


def split_credit(caption: str) -> tuple[str, str | None]:
    """Split a trailing "Photo: X" / "(© X)" credit from a caption."""
    match = _CREDIT_IN_TEXT.search(caption)
    if match and match.start() > 0:
        return caption[: match.start()].strip(), normalize_space(match.group(1))
    return caption, None


def _caption(figure: LexborNode) -> tuple[str | None, str | None]:
    caption_node = figure.css_first(CAPTION_SELECTOR)
    if caption_node is None:
        return None, None
    credit = None
    for css in CREDIT_SELECTORS:
        node = caption_node.css_first(css)
        if node is not None:
            credit = clean_credit(node.text(deep=True)) or None
            if credit:
                node.decompose()
                break
    caption = normalize_space(caption_node.text(deep=True, separator=" ")) or None
    if caption and credit is None:
        caption, credit = split_credit(caption)
    return caption or None, credit


def _image(node: LexborNode, base: str | None) -> Image | None:
    url = _picture_url(node)
    if not url or _SKIP_URL.search(url):
        return None
    img = node if node.tag == "img" else node.css_first("img")
    attrs = img.attributes if img is not None else {}
    width, height = _int(attrs.get("width")), _int(attrs.get("height"))
    if (width is not None and width < MIN_SIZE) or (height is not None and height < MIN_SIZE):
        return None
    alt = normalize_space(attrs.get("alt") or "") or None
    return Image(url=urljoin(base or "", url), alt=alt, width=width, height=height)


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
    images: list[Image] = []
    for container in [image_scope(c) for c in containers[:1]] + containers[1:]:
        for node in container.css(f"{FIGURE_SELECTOR}, img"):
            if node.tag == "img" and _inside_figure(node, container):
                continue
            image = _image(node, base)
            if image is None:
                continue
            if node.tag != "img":
                image.caption, image.credit = _caption(node)
            images.append(image)
    return images


def _inside_figure(node: LexborNode, stop: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != stop.mem_id:
        if parent.tag == "figure" or (
            parent.tag == "div" and "wp-caption" in (parent.attributes.get("class") or "").split()
        ):
            return True
        parent = parent.parent
    return False


def with_lead_image(images: list[Image], lead: Image | None) -> list[Image]:
    """Put ``lead`` first, merged with the body copy of the same picture when there is one."""
    if lead is None:
        return _dedupe(images)
    for index, image in enumerate(images):
        if _same_picture(image.url, lead.url):
            images.insert(0, images.pop(index))
            return _dedupe(images)
    return _dedupe([lead, *images])


def _same_picture(a: str, b: str) -> bool:
    def key(url: str) -> str:
        return url.split("?")[0].rsplit("/", 1)[-1].split(".")[0]

    return a == b or key(a) == key(b)


def _dedupe(images: list[Image]) -> list[Image]:
    seen: set[str] = set()
    out: list[Image] = []
    for image in images:
        if image.url not in seen:
            seen.add(image.url)
            out.append(image)
    return out
