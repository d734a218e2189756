"""Apply a per-site config (selectors/*.toml) to a page: pick the layout, read each field from
its first fallback that yields a value, and fall back to the generic extractor per field.

Order of work: layout choice, metadata fields (``exclude``), images (the body's pictures when
no image selector matches), the checks against the generic rules (``config_generic``: dates,
empty authors), ``strip`` and the ``strip_fields`` nodes, body, cleaning (``config_cleaning``),
``drop_paragraphs``. Reading one fallback is ``config_reading``. See docs/selectors.md.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper import __version__
from scraper.extract.body_cleaning import clean_paragraphs
from scraper.extract.captions import caption_and_credit
from scraper.extract.config_cleaning import config_authors, config_headline
from scraper.extract.config_generic import GENERIC_SOURCE, checked_published, generic_authors
from scraper.extract.config_reading import (
    LINE_BREAK,
    Page,
    first_matches,
    first_values,
    jsonld_values,
    node_lines,
    read_fallback,
    select,
)
from scraper.extract.dates import parse_date
from scraper.extract.drop_caps import join_drop_caps
from scraper.extract.generic import parse_html
from scraper.extract.images import article_images, expose_pictures
from scraper.extract.text import normalize_space
from scraper.models import STATUS_EMPTY, STATUS_OK, Article, Image
from scraper.sites import Layout, SiteConfig, config_hash, split_attribute

#: Fields holding one string, and fields holding a list of strings.
SINGLE_FIELDS = (
    "headline",
    "subheadline",
    "published",
    "modified",
    "language",
    "section",
    "canonical_url",
)
LIST_FIELDS = ("authors", "tags")
#: Tried after the config's own fallbacks, before the (slower) generic extractor.
DEFAULT_FALLBACKS: dict[str, tuple[str, ...]] = {
    "headline": ("jsonld:headline", "meta:og:title", "h1"),
    "published": (
        "jsonld:datePublished",
        "meta:article:published_time",
        "meta:datePublished",
        "time[datetime]@datetime",
    ),
    "modified": ("jsonld:dateModified", "meta:article:modified_time"),
    "authors": ("jsonld:author.name",),
    "language": ("html@lang", "meta:og:locale", "jsonld:inLanguage"),
    "section": ("jsonld:articleSection", "meta:article:section"),
    "tags": ("meta:article:tag",),
    "canonical_url": ("link[rel=canonical]@href", "meta:og:url"),
    "images": ("meta:og:image",),
    "image_caption": ("figcaption",),
}
#: Fields for which the generic extractor is consulted when everything else came out empty.
GENERIC_FIELDS = ("headline", "published", "body")
_IMAGE_TAGS = ("img", "amp-img")
_IMAGE_ATTRIBUTES = ("src", "data-src", "data-original", "data-lazy-src", "srcset", "data-srcset")


# ---------------------------------------------------------------- layout, body, images


def _published_day(page: Page) -> dt.date | None:
    values, _ = first_values(page, DEFAULT_FALLBACKS["published"], False)
    parsed = parse_date(values[0]) if values else None
    try:
        return dt.date.fromisoformat(parsed[:10]) if parsed else None
    except ValueError:
        return None


def _body_nodes(tree: LexborHTMLParser, fallback: str) -> list[LexborNode]:
    if fallback.startswith(("jsonld:", "meta:")):
        return []
    nodes = select(tree, split_attribute(fallback)[0])
    ids = {n.mem_id for n in nodes}
    # Keep the outermost containers only: a nested match would repeat its paragraphs.
    return [n for n in nodes if not _inside(n, ids, None)]


def _inside(node: LexborNode, ids: set[int], stop: LexborNode | None) -> bool:
    parent = node.parent
    stop_id = stop.mem_id if stop is not None else None
    while parent is not None and parent.mem_id != stop_id:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def choose_layout(page: Page, config: SiteConfig) -> Layout:
    """The first layout valid on the page's date whose body selector finds text."""
    dated = any(layout.valid_from or layout.valid_until for layout in config.layouts)
    day = _published_day(page) if dated else None
    candidates = [lay for lay in config.layouts if lay.valid_on(day)] or list(config.layouts)
    for layout in candidates:
        for fallback in layout.fields.get("body", ()):
            if fallback.startswith("jsonld:"):
                if read_fallback(page, fallback, False)[0]:
                    return layout
            elif any(n.text(deep=True).strip() for n in _body_nodes(page.tree, fallback)):
                return layout
    return candidates[0]


def paragraphs_in(tree: LexborHTMLParser, containers: list[LexborNode], selector: str) -> list[str]:
    """Texts of the innermost ``selector`` matches inside ``containers``, in document order.

    A match holding other matches (a ``blockquote`` of several ``p``) yields those instead. A
    container that is itself a paragraph (``body = ["div.story > p"]``) is one paragraph.
    """
    out: list[str] = []
    paragraph_ids: set[int] | None = None
    for container in containers:
        # Lexbor's node.css() includes the node itself when it matches.
        nodes = [n for n in select(container, selector) if n.mem_id != container.mem_id]
        if not nodes:
            # css_matches() also looks at descendants, so test membership in the page's matches.
            if paragraph_ids is None:
                paragraph_ids = {n.mem_id for n in tree.css(selector)}
            if container.mem_id in paragraph_ids:
                out.extend(node_lines(container))
            continue
        holders = _holders(nodes, container)
        for node in nodes:
            if node.mem_id not in holders:
                out.extend(node_lines(node))
    return out


def _holders(nodes: list[LexborNode], stop: LexborNode) -> set[int]:
    """Ids of the nodes (below ``stop``) that contain one of ``nodes``."""
    holders: set[int] = set()
    for node in nodes:
        parent = node.parent
        while parent is not None and parent.mem_id != stop.mem_id:
            if parent.mem_id in holders:
                break
            holders.add(parent.mem_id)
            parent = parent.parent
    return holders


def mark_paragraph_breaks(page: Page, layout: Layout) -> None:
    """Put a line break before and after each ``paragraph_breaks`` element inside the body
    containers, so the text on either side (and the element's own) are separate paragraphs.

    Runs before ``strip``: a widget that sat between two paragraphs still separates them once
    it is removed.
    """
    if not layout.paragraph_breaks:
        return
    selector = ", ".join(layout.paragraph_breaks)
    for fallback in layout.fields.get("body", ()):
        for container in _body_nodes(page.tree, fallback):
            for node in select(container, selector):
                if node.mem_id != container.mem_id:
                    node.insert_before(LINE_BREAK)
                    node.insert_after(LINE_BREAK)


def read_body(page: Page, layout: Layout) -> tuple[list[str], str | None]:
    """Body paragraphs from the first body fallback that yields any."""
    for fallback in layout.fields.get("body", ()):
        if fallback.startswith("jsonld:"):
            # Read the raw value: its line breaks separate the paragraphs.
            values = jsonld_values(page.jsonld, fallback[7:].split(".")) if page.jsonld else []
            source = "jsonld"
            paragraphs = [normalize_space(p) for p in values[0].split("\n")] if values else []
        else:
            containers = _body_nodes(page.tree, fallback)
            for container in containers:
                # A first letter set apart (even outside the paragraph) is part of its word.
                join_drop_caps(container)
            paragraphs = paragraphs_in(page.tree, containers, layout.paragraphs)
            source = f"selector:{fallback}"
        paragraphs = [p for p in paragraphs if p]
        if paragraphs:
            return paragraphs, source
    return [], None


def _image_url(img: LexborNode, base: str | None, first: str | None = None) -> str | None:
    """The picture's URL from ``first`` (a config's ``@attr``) or the usual attributes."""
    for attribute in (first, *_IMAGE_ATTRIBUTES) if first else _IMAGE_ATTRIBUTES:
        value = (img.attributes.get(attribute) or "").strip()
        if attribute.endswith("srcset") and value:
            value = value.split(",")[0].strip().split(" ")[0]
        if value and not value.startswith("data:"):
            return urljoin(base, value) if base else value
    return None


def _to_int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _image_from_node(
    page: Page, node: LexborNode, layout: Layout, attribute: str | None
) -> Image | None:
    img = node if node.tag in _IMAGE_TAGS else node.css_first(", ".join(_IMAGE_TAGS))
    url = _image_url(img, page.url, attribute) if img is not None else None
    if not url:
        # A <picture> without a usable <img> (lazy placeholder, or none): use a <source>.
        source = node.css_first("source[srcset], source[data-srcset]")
        url = _image_url(source, page.url, attribute) if source is not None else None
    if not url:
        return None
    caption_fallbacks = layout.fields.get("image_caption", DEFAULT_FALLBACKS["image_caption"])
    caption_exclude = layout.exclude.get("image_caption", ())
    caption, _ = first_values(page, caption_fallbacks, False, node, caption_exclude)
    credit_fallbacks = layout.fields.get("image_credit", ())
    credit_exclude = layout.exclude.get("image_credit", ())
    credit, _ = first_values(page, credit_fallbacks, False, node, credit_exclude)
    attrs = img.attributes if img is not None else {}
    caption_text, credit_text = caption_and_credit(
        caption[0] if caption else None, credit[0] if credit else None
    )
    return Image(
        url=url,
        caption=caption_text,
        credit=credit_text,
        alt=normalize_space(attrs.get("alt") or "") or None,
        width=_to_int(attrs.get("width")),
        height=_to_int(attrs.get("height")),
    )


def read_images(page: Page, layout: Layout) -> tuple[list[Image], str | None]:
    """Images of the config's CSS image fallbacks, all of them merged in page order (one per
    URL). Run before ``strip``; ``images_or_lead`` fills in when no selector found any."""
    fallbacks = [f for f in layout.fields.get("images", ()) if not _is_metadata(f)]
    found: list[tuple[LexborNode, Image]] = []
    sources: list[str] = []
    for fallback in fallbacks:
        selector, attribute = split_attribute(fallback)
        count = len(found)
        for node in select(page.tree, selector):
            image = _image_from_node(page, node, layout, attribute)
            if image and all(image.url != seen.url for _, seen in found):
                found.append((node, image))
        if len(found) > count:
            sources.append(f"selector:{fallback}")
    if len(sources) > 1 and page.tree.root is not None:
        # Several fallbacks matched: their pictures interleave on the page.
        order = {node.mem_id: index for index, node in enumerate(page.tree.root.traverse())}
        found.sort(key=lambda pair: order.get(pair[0].mem_id, len(order)))
    return [image for _, image in found], " | ".join(sources) or None


def images_or_lead(page: Page, layout: Layout) -> tuple[list[Image], str | None]:
    """When no image selector matched: the generic extractor's pictures inside the config's
    body containers, lead first (``article_images``, the og:image as lead), else the metadata
    fallbacks' URLs (``meta:og:image``)."""
    metadata = [f for f in layout.fields.get("images", ()) if _is_metadata(f)]
    urls: list[str] = []
    source = None
    for fallback in metadata + list(DEFAULT_FALLBACKS["images"]):
        urls, source = read_fallback(page, fallback, True)
        if urls:
            break
    lead = Image(url=urljoin(page.url or "", urls[0])) if urls else None
    # Before ``strip``, which often removes every figure (not body text). Lifting
    # ``<noscript>`` pictures and unwrapping picture buttons, as the generic path does, left
    # every body of the news-fields corpus unchanged.
    for fallback in layout.fields.get("body", ()):
        containers = _body_nodes(page.tree, fallback)
        if containers:
            for container in containers:
                expose_pictures(container)
            images = article_images(containers, page.url, lead)
            # Only the og:image came back: record it as the metadata it is.
            only_lead = lead is not None and [image.url for image in images] == [lead.url]
            if images and not only_lead:
                return images, f"{GENERIC_SOURCE}heuristic"
            break
    return [Image(url=urljoin(page.url or "", url)) for url in urls], source if urls else None


def _is_metadata(fallback: str) -> bool:
    return fallback.startswith(("jsonld:", "meta:"))


# ---------------------------------------------------------------- the record


def _read_metadata(page: Page, layout: Layout, article: Article) -> list[LexborNode]:
    """Fill the metadata fields; return the nodes of the ``strip_fields`` values."""
    read_from: list[LexborNode] = []
    for name in SINGLE_FIELDS + LIST_FIELDS:
        many = name in LIST_FIELDS
        fallbacks = layout.fields.get(name, ()) + DEFAULT_FALLBACKS.get(name, ())
        found, source = first_matches(page, fallbacks, many, None, layout.exclude.get(name, ()))
        if not found:
            continue
        if name in layout.strip_fields:
            read_from.extend(node for _, node in found if node is not None)
        values = [value for value, _ in found]
        page.sources[name] = source or "heuristic"
        if name in ("published", "modified"):
            setattr(article, name, parse_date(values[0]))
        elif many:
            setattr(article, name, values)
        elif name == "canonical_url":
            article.canonical_url = urljoin(page.url or "", values[0])
        else:
            setattr(article, name, values[0])
    return read_from


def _publisher_names(page: Page, config: SiteConfig) -> list[str]:
    """The names the publisher goes by: the config's ``name``, then the JSON-LD publisher's."""
    names = [config.name]
    if page.jsonld:
        publisher = page.jsonld.get("publisher")
        names += jsonld_values(publisher, []) + jsonld_values(publisher, ["alternateName"])
    return names


def _check_with_generic(page: Page, config: SiteConfig, article: Article) -> None:
    """Before ``strip`` changes the page: the config's date meets the generic date rules, its
    authors are cleaned (empty: the generic byline), and the generic metadata is read now if a
    headline or date is missing (a stripped date line is still evidence)."""
    if article.published:
        article.published, page.sources["published"] = checked_published(
            page.tree,
            page.jsonld,
            page.meta,
            page.url,
            article.published,
            page.sources["published"],
        )
    publishers = _publisher_names(page, config)
    article.authors = config_authors(article.authors, publishers)
    if not article.authors:
        names, source = generic_authors(page.tree, page.jsonld, page.meta, page.url, config.name)
        article.authors = config_authors(names, publishers)
        page.sources.pop("authors", None)
        if article.authors:
            page.sources["authors"] = source
    if not article.headline or not article.published:
        _ = page.metadata  # cached from the page as served, for ``_fill_from_generic``


def _fill_from_generic(page: Page, article: Article) -> None:
    for name in GENERIC_FIELDS:
        if getattr(article, name):
            continue
        fallback = page.metadata if article.body else page.generic
        value = getattr(fallback, name)
        if value:
            setattr(article, name, value)
            # Marked, so a record shows that the config's selectors missed this field.
            page.sources[name] = f"{GENERIC_SOURCE}{fallback.sources.get(name, 'heuristic')}"
    if not article.body and page.generic.status != STATUS_OK:
        article.status = page.generic.status


def strip_nodes(
    tree: LexborHTMLParser, selectors: tuple[str, ...], extra: list[LexborNode] | None = None
) -> None:
    """Remove every match of ``selectors`` and the ``extra`` nodes (outermost ones only: no
    double frees)."""
    matches = select(tree, ", ".join(selectors)) if selectors else []
    # One node may come twice (a byline that ``strip`` also names, or read by two fields).
    nodes = list({n.mem_id: n for n in matches + (extra or [])}.values())
    ids = {n.mem_id for n in nodes}
    for node in nodes:
        if not _inside(node, ids, None):
            node.decompose()


def extract_with_config(text: str, url: str | None, config: SiteConfig) -> Article:
    """Extract an article from decoded HTML ``text`` with ``config`` (generic per missing field)."""
    page = Page(text, url, parse_html(text))
    layout = choose_layout(page, config)
    article = Article(url=url, site=config.name)
    read_from = _read_metadata(page, layout, article)
    article.images, image_source = read_images(page, layout)
    if not article.images:
        article.images, image_source = images_or_lead(page, layout)
    _check_with_generic(page, config, article)
    mark_paragraph_breaks(page, layout)
    strip_nodes(page.tree, layout.strip, read_from)
    article.body, body_source = read_body(page, layout)
    if body_source:
        page.sources["body"] = body_source
    if image_source:
        page.sources["images"] = image_source
    _fill_from_generic(page, article)
    language = article.language or config.language
    article.headline = config_headline(article.headline, layout.headline_strip, config.name)
    paragraphs = clean_paragraphs(article.body, language)
    article.body = [p for p in paragraphs if not any(r.search(p) for r in layout.drop_paragraphs)]
    if not article.body and article.status == STATUS_OK:
        article.status = STATUS_EMPTY
    article.sources = page.sources
    article.extractor = {
        "version": __version__,
        "path": "config",
        "config": config.name,
        "config_hash": config_hash(config),
        "layout": layout.name,
    }
    return article
