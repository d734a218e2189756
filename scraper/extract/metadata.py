"""Article metadata without a site config: JSON-LD, OpenGraph/article:* meta, itemprop and markup.

Each field is taken from the first source in a data table that yields a usable value, and the
source is recorded in ``Article.sources`` (``jsonld``, ``meta:<name>``, ``selector:<css>``, ``url``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.authors import (
    AUTHOR_META,
    clean_authors,
    extract_authors,
    hostname,
    simplified,
)
from scraper.extract.dates import parse_date
from scraper.extract.jsonld import (
    JSONLD_SCRIPTS,
    find_article,
    first_text,
    jsonld_objects,
    texts,
    types_of,
)
from scraper.extract.published import find_modified, find_published
from scraper.extract.text import normalize_space
from scraper.models import Article

__all__ = ["clean_authors", "clean_headline", "extract_metadata", "meta_table"]

#: Meta names (name/property/itemprop, lower case) tried in order for each field.
META_FIELDS: dict[str, tuple[str, ...]] = {
    "headline": ("og:title", "twitter:title", "title", "dc.title", "headline"),
    "subheadline": ("og:description", "description", "twitter:description", "dc.description"),
    "section": ("article:section", "og:article:section", "section", "articlesection"),
    "site": ("og:site_name", "application-name", "publisher", "twitter:site"),
    "language": ("og:locale", "content-language", "language", "dc.language", "inlanguage"),
    "authors": AUTHOR_META,
}
#: Meta names whose (possibly repeated) values are tags.
TAG_META = ("article:tag", "og:article:tag", "news_keywords", "keywords", "parsely-tags")
#: Links that list the article's tags (rel="tag" alone: "category tag" links are sections).
TAG_SELECTORS = ('a[rel="tag"]', '[itemprop="keywords"] a')
#: Headline separators before a site-name suffix (or after a site-name prefix).
_SEPARATORS = re.compile(r"\s+(?:[|–—·»:•~/]|-{1,2}|::)\s+")


#: The elements metadata reads, found in one walk of the document: each whole-document query
#: costs lexbor a walk of every element, and a list of tag selectors hardly more than one.
_ELEMENTS = f'meta[content], {JSONLD_SCRIPTS}, h1, title, link[rel="canonical"], figcaption'

#: How many ``<h1>`` elements are compared with the ``<title>``.
MAX_H1 = 8
#: Marks that end a topic label (kicker) written before the headline.
KICKER_MARKS = (":", "|", "/")

_last_meta: list[tuple[LexborHTMLParser, dict[str, list[str]]]] = []


def meta_table(
    tree: LexborHTMLParser, nodes: list[LexborNode] | None = None
) -> dict[str, list[str]]:
    """All ``<meta>`` values by lower-cased name/property/itemprop/http-equiv, in page order.

    ``nodes`` are the ``<meta>`` elements when the caller has found them already. Cached for
    the most recent tree (callers must not mutate the result).
    """
    if _last_meta and _last_meta[0][0] is tree:
        return _last_meta[0][1]
    table = _read_meta(tree.css("meta") if nodes is None else nodes)
    _last_meta[:] = [(tree, table)]
    return table


#: The attributes that name a <meta> value, in the order their names are recorded.
_META_KEYS = ("property", "name", "itemprop", "http-equiv")


def _read_meta(nodes: list[LexborNode]) -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for node in nodes:
        attrs = node.attributes
        content = attrs.get("content")
        if not content:
            continue
        # normalize_space, its common case inline: this loop runs for every <meta> of a page.
        content = " ".join(content.split()) if content.isascii() else normalize_space(content)
        if not content:
            continue
        for key in _META_KEYS:
            name = attrs.get(key)
            if name:
                table.setdefault(name.strip().lower(), []).append(content)
    return table


@dataclass
class _Elements:
    """The elements of ``_ELEMENTS`` by tag, each list in document order."""

    meta: list[LexborNode] = field(default_factory=list)
    script: list[LexborNode] = field(default_factory=list)
    h1: list[LexborNode] = field(default_factory=list)
    title: list[LexborNode] = field(default_factory=list)
    link: list[LexborNode] = field(default_factory=list)
    figcaption: list[LexborNode] = field(default_factory=list)


def _elements(tree: LexborHTMLParser) -> _Elements:
    found = _Elements()
    lists: dict[str, list[LexborNode]] = vars(found)
    for node in tree.css(_ELEMENTS):
        found_of_tag = lists.get((node.tag or "").lower())
        if found_of_tag is not None:  # a tag spelled otherwise (foreign content) is left out
            found_of_tag.append(node)
    return found


def clean_headline(headline: str, site_name: str | None = None) -> str:
    """Drop a site-name suffix (``" | Site"``, ``" - Site"``, trailing dates) or prefix."""
    headline = normalize_space(headline)
    parts = _SEPARATORS.split(headline)
    if len(parts) == 1:
        return headline
    site = simplified(site_name) if site_name else ""
    if len(parts) > 1 and site and _is_site(parts[0], site):
        parts = parts[1:]
    after_site = False  # "Headline - Sport - SZ.de": the section before the site goes too
    while len(parts) > 1:
        last = parts[-1]
        tail = headline[: headline.rfind(last)][-3:]
        pipe_like = any(mark in tail for mark in "|»·•")
        is_site = bool(site) and _is_site(last, site)
        if (
            is_site
            or (pipe_like and len(last.split()) <= 3)
            or (after_site and len(last.split()) <= 2)
            or parse_date(last)  # the costliest test last
        ):
            parts = parts[:-1]
            after_site = after_site or is_site
        else:
            break
    return _rejoin(headline, parts)


def _is_site(part: str, site: str) -> bool:
    simple = simplified(part)
    return bool(simple) and (simple == site or simple in site or site in simple)


def _rejoin(original: str, parts: list[str]) -> str:
    """Keep the original separators between the remaining ``parts``."""
    start = original.find(parts[0])
    end = original.rfind(parts[-1]) + len(parts[-1])
    return original[start:end].strip() if start >= 0 and end > start else " ".join(parts)


def _first_meta(meta: dict[str, list[str]], names: tuple[str, ...]) -> tuple[str, str] | None:
    for name in names:
        for value in meta.get(name, ()):
            if value:
                return value, name
    return None


def _site(
    article: dict[str, Any] | None, meta: dict[str, list[str]], url: str | None
) -> tuple[str | None, str]:
    found = _first_meta(meta, ("og:site_name",))
    if found:
        return found[0], f"meta:{found[1]}"
    if article is not None:
        name = first_text(article.get("publisher"))
        if name:
            return normalize_space(name), "jsonld"
    found = _first_meta(meta, META_FIELDS["site"][1:3])
    if found:
        return found[0], f"meta:{found[1]}"
    host = hostname(url) if url else None
    return (host.removeprefix("www."), "url") if host else (None, "")


#: A colon glued to the next word when a heading's parts are separate elements.
_GLUED_COLON = re.compile(r":(?=[^\W\d_])")
_WORD = re.compile(r"\w+")


def _node_text(node: LexborNode) -> str | None:
    """The element's text as written: its own spaces, none added between child elements
    (a kicker and a hidden ":" in spans would otherwise read "Topic : Headline")."""
    text = _GLUED_COLON.sub(": ", normalize_space(node.text(deep=True, separator="")))
    spaced = normalize_space(node.text(deep=True, separator=" "))
    if len(_WORD.findall(text)) < len(_WORD.findall(spaced)):
        return spaced  # child elements with no space between them: "<span>A</span><span>B</span>"
    return text or None


def _visible_headline(headings: list[LexborNode], title: str | None) -> str | None:
    """The page's ``<h1>``; of several (logo, login box, section name, headline), the one that
    shares most words with the ``<title>``, else the first."""
    texts = [text for node in headings[:MAX_H1] if (text := _node_text(node))]
    if len(texts) < 2 or not title:
        return texts[0] if texts else None
    title_words = set(_WORD.findall(title.lower()))
    return max(texts, key=lambda text: len(title_words & set(_WORD.findall(text.lower()))))


def _site_names(article: dict[str, Any] | None, site: str | None, url: str | None) -> list[str]:
    """Names a title may carry as a suffix or prefix: site name, JSON-LD publisher, host label.

    The host label matters when the site name is a domain ("tageszeitung.it") but the title
    ends in the full name ("... - Die Neue Südtiroler Tageszeitung").
    """
    names = [site or ""]
    if article is not None:
        names.append(first_text(article.get("publisher")) or "")
    host = hostname(url) if url else None
    if host:
        label = host.removeprefix("www.").rsplit(".", 1)[0].rsplit(".", 1)[-1]
        names.append(label if len(label) >= 4 else "")
    return list(dict.fromkeys(name for name in names if name))


def _clean_title(title: str, names: list[str]) -> str:
    """``clean_headline`` with each of the site's names in turn."""
    for name in names or [""]:
        title = clean_headline(title, name or None)
    return title


def _breadcrumb_title(objects: list[dict[str, Any]]) -> str | None:
    """The name of the last item of a JSON-LD ``BreadcrumbList`` (the page itself), if any."""
    for obj in objects:
        items = obj.get("itemListElement") if "breadcrumblist" in types_of(obj) else None
        last = items[-1] if isinstance(items, list) and items else None
        if isinstance(last, dict):
            name = first_text(last.get("name")) or first_text(last.get("item"))
            if name:
                return name
    return None


def _witnesses(article: dict[str, Any] | None, objects: list[dict[str, Any]]) -> list[str]:
    """Other titles the structured data gives the page: its ``name``, ``alternativeHeadline``
    and the breadcrumb's last item."""
    values = (
        [first_text(article.get(key)) for key in ("name", "alternativeHeadline")] if article else []
    )
    return [value for value in [*values, _breadcrumb_title(objects)] if value]


def _prefer_repeated(cleaned: list[tuple[str, str]], witnesses: set[str]) -> list[tuple[str, str]]:
    """When JSON-LD (first) and the meta title (second) disagree, the meta title goes first if
    the page repeats it, and not the JSON-LD one, in its other structured titles; when one of
    them only adds a topic label (kicker) before the other, the one without it goes first."""
    jsonld, meta = cleaned[0][0], cleaned[1][0]
    if jsonld != meta and meta in witnesses and jsonld not in witnesses:
        return cleaned[1:]
    if _adds_kicker(jsonld, meta):
        return cleaned[1:]
    if _adds_kicker(meta, jsonld):
        return cleaned[:1] + cleaned[2:]
    return cleaned


def _adds_kicker(longer: str, shorter: str) -> bool:
    """Whether ``longer`` is ``shorter`` with a topic label before it ("Topic: Headline")."""
    if len(longer) <= len(shorter) + 2 or not shorter or not longer.endswith(shorter):
        return False
    return longer[: -len(shorter)].rstrip().endswith(KICKER_MARKS)


#: A topic label (kicker) ending before a headline: "Topic: ", "Topic - ", "Topic | ".
_KICKER_END = re.compile(r"(?:[:|/]|\s[-–—])\s+$")
#: Whether a title may hold a kicker at all (the cheap test before the headings are read).
_KICKER_PART = re.compile(r"[:|/]\s|\s[-–—]\s")
#: Words the headline behind two different kickers must have at least.
MIN_SHARED_WORDS = 3


def _without_other_kicker(value: str, elements: _Elements) -> str:
    """The headline without its kicker when the visible ``<h1>`` shows the same headline behind
    another kicker ("Topic A: Headline" and "Topic B - Headline"): what both agree on."""
    if not _KICKER_PART.search(value) or not elements.h1:
        return value
    title = _node_text(elements.title[0]) if elements.title else None
    heading = _visible_headline(elements.h1, title)
    if not heading or heading == value:
        return value
    shared = 0
    while shared < min(len(value), len(heading)) and value[-1 - shared] == heading[-1 - shared]:
        shared += 1
    tail = value[len(value) - shared :].lstrip()
    if len(tail.split()) < MIN_SHARED_WORDS or tail in (value, heading):
        return value
    heads = (value[: len(value) - len(tail)], heading[: len(heading) - len(tail)])
    if not all(_KICKER_END.search(head) for head in heads):
        return value
    # Kickers that differ only in punctuation ("A - B", "A – B") are one title written twice.
    return tail if simplified(heads[0]) != simplified(heads[1]) else value


def _headline(
    elements: _Elements,
    article: dict[str, Any] | None,
    meta: dict[str, list[str]],
    site: str | None,
    url: str | None = None,
    objects: list[dict[str, Any]] | None = None,
) -> tuple[str | None, str]:
    candidates: list[tuple[str, str]] = []
    if article is not None:
        value = first_text(article.get("headline")) or first_text(article.get("name"))
        if value:
            candidates.append((value, "jsonld"))
    found = _first_meta(meta, META_FIELDS["headline"])
    if found:
        candidates.append((found[0], f"meta:{found[1]}"))
    names = _site_names(article, site, url)
    titles = {value: _clean_title(value, names) for value, _ in candidates}  # often one value
    cleaned = [(titles[value], source) for value, source in candidates]
    if (
        len(cleaned) > 1
        and cleaned[0][1] == "jsonld"
        and cleaned[1][1].startswith("meta:")
        and cleaned[0][0] != cleaned[1][0]  # agreeing titles need no arbiter
    ):
        witnesses = {_clean_title(value, names) for value in _witnesses(article, objects or [])}
        cleaned = _prefer_repeated(cleaned, witnesses)
    # Publishers write the headline they mean into JSON-LD/OpenGraph; the visible <h1> often
    # adds a kicker ("Topic: ...") and is used only when metadata has no headline.
    for value, source in cleaned:
        if value:
            return _without_other_kicker(value, elements), source
    # Read only now: most pages never need the <title> or the headings.
    title = _node_text(elements.title[0]) if elements.title else None
    h1 = _visible_headline(elements.h1, title)
    if h1 and 3 <= len(h1) <= 300:
        return h1, "selector:h1"
    if title:
        value = _clean_title(title, names)
        if value:
            return value, "selector:title"
    return None, ""


def _tags(
    tree: LexborHTMLParser, article: dict[str, Any] | None, meta: dict[str, list[str]]
) -> tuple[list[str], str]:
    for name in TAG_META:
        values = meta.get(name)
        if values:
            if len(values) == 1:
                values = values[0].split(",")
            return _dedupe(values), f"meta:{name}"
    # One walk (stopping at the first link) spares most pages the walk of each selector.
    has_links = tree.css_first(", ".join(TAG_SELECTORS)) is not None
    for css in TAG_SELECTORS if has_links else ():
        links = [normalize_space(a.text(deep=True)) for a in tree.css(css)]
        if links:
            return _dedupe(links), f"selector:{css}"
    if article is not None and article.get("keywords"):
        keywords = list(texts(article.get("keywords")))
        if len(keywords) == 1:
            keywords = keywords[0].split(",")
        return _dedupe(keywords), "jsonld"
    return [], ""


def _dedupe(values: list[str]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for value in values:
        value = normalize_space(value)
        if value and value.lower() not in seen:
            seen.add(value.lower())
            out.append(value)
    return out


def _language(
    tree: LexborHTMLParser, article: dict[str, Any] | None, meta: dict[str, list[str]]
) -> tuple[str | None, str]:
    html = tree.css_first("html")
    lang = html.attributes.get("lang") if html is not None else None
    if lang and lang.strip():
        return lang.strip().replace("_", "-").split("-")[0].lower(), "selector:html@lang"
    if article is not None:
        value = first_text(article.get("inLanguage"))
        if value:
            return value.replace("_", "-").split("-")[0].lower(), "jsonld"
    found = _first_meta(meta, META_FIELDS["language"])
    if found:
        return found[0].replace("_", "-").split("-")[0].lower(), f"meta:{found[1]}"
    return None, ""


#: An address ``urljoin`` returns as it is (absolute, nothing to resolve or normalise in a
#: query or fragment): most canonical URLs, and joining costs more than the rest of the field.
_ABSOLUTE_URL = re.compile(r"https?://[^\s?#\[\]]+\Z")


def _absolute(url: str | None, href: str) -> str:
    return href if _ABSOLUTE_URL.match(href) else urljoin(url or "", href)


def _canonical(
    links: list[LexborNode], meta: dict[str, list[str]], url: str | None
) -> tuple[str | None, str]:
    href = links[0].attributes.get("href") if links else None
    if href and href.strip():
        return _absolute(url, href.strip()), "selector:link[rel=canonical]"
    found = _first_meta(meta, ("og:url",))
    if found:
        return _absolute(url, found[0]), "meta:og:url"
    return None, ""


def _set(article: Article, field: str, value: Any, source: str) -> None:
    if value:
        setattr(article, field, value)
        article.sources[field] = source


def extract_metadata(tree: LexborHTMLParser, url: str | None) -> Article:
    """Everything but body and images: headline, authors, dates, language, section, tags, site."""
    result = Article(url=url)
    elements = _elements(tree)
    objects = jsonld_objects(tree, elements.script)
    article = find_article(objects)
    meta = meta_table(tree, elements.meta)
    site, site_source = _site(article, meta, url)
    _set(result, "site", site, site_source)
    _set(result, "canonical_url", *_canonical(elements.link, meta, url))
    _set(result, "headline", *_headline(elements, article, meta, site, url, objects))
    _set(result, "subheadline", *_subheadline(article, meta, elements.figcaption))
    _set(result, "authors", *extract_authors(tree, article, meta, site, url))
    _set(result, "published", *find_published(tree, article, meta, url, elements.h1))
    _set(result, "modified", *find_modified(article, meta))
    _set(result, "language", *_language(tree, article, meta))
    _set(result, "section", *_jsonld_or_meta(article, "articleSection", meta, "section"))
    _set(result, "tags", *_tags(tree, article, meta))
    return result


def _subheadline(
    article: dict[str, Any] | None, meta: dict[str, list[str]], figcaptions: list[LexborNode]
) -> tuple[str | None, str]:
    """The first description (JSON-LD, then the meta tags in order) that is not a picture's caption.

    Some publishers fill the description with the caption of the lead picture; a description
    equal to, or part of, a ``<figcaption>`` on the page describes a picture, not the article.
    """
    candidates: list[tuple[str, str]] = []
    value = first_text(article.get("description")) if article is not None else None
    if value and (value := normalize_space(value)):
        candidates.append((value, "jsonld"))
    for name in META_FIELDS["subheadline"]:
        candidates.extend((value, f"meta:{name}") for value in meta.get(name, ()) if value)
    if not candidates or not figcaptions:  # most pages: the first candidate, no caption read
        return candidates[0] if candidates else (None, "")
    captions = _caption_texts(figcaptions)
    for value, source in candidates:
        if not any(value in caption for caption in captions):
            return value, source
    return None, ""


def _caption_texts(figcaptions: list[LexborNode]) -> list[str]:
    """Each ``<figcaption>``'s text, as written and with a space between its child elements
    (a caption and its credit in separate spans may be written either way in a description)."""
    captions: list[str] = []
    for node in figcaptions:
        for separator in ("", " "):
            text = normalize_space(node.text(deep=True, separator=separator))
            if text:
                captions.append(text)
    return captions


def _jsonld_or_meta(
    article: dict[str, Any] | None, key: str, meta: dict[str, list[str]], field: str
) -> tuple[str | None, str]:
    """The article object's ``key`` text, else the first meta tag listed for ``field``."""
    value = first_text(article.get(key)) if article is not None else None
    if value:
        return normalize_space(value), "jsonld"
    found = _first_meta(meta, META_FIELDS[field])
    return (found[0], f"meta:{found[1]}") if found else (None, "")
