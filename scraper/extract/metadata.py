"""Article metadata without a site config: JSON-LD, OpenGraph/article:* meta, itemprop and markup.

Each field is taken from the first source in a data table that yields a usable value, and the
source is recorded in ``Article.sources`` (``jsonld``, ``meta:<name>``, ``selector:<css>``, ``url``).
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.dates import date_from_url, parse_date
from scraper.extract.jsonld import find_article, first_text, jsonld_objects, texts
from scraper.extract.text import normalize_space
from scraper.models import Article

#: Meta names (name/property/itemprop, lower case) tried in order for each field.
META_FIELDS: dict[str, tuple[str, ...]] = {
    "headline": ("og:title", "twitter:title", "title", "dc.title", "headline"),
    "subheadline": ("og:description", "description", "twitter:description", "dc.description"),
    "published": (
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "article:published",
        "publishdate",
        "pubdate",
        "publish-date",
        "publish_date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "cxenseparse:recs:publishtime",
        "og:published_time",
        "article.published",
        "datecreated",
        "created",
        "dc.date.created",
        "published_time",
        "release_date",
        "originalpublicationdate",
        "og:pubdate",
        "citation_publication_date",
    ),
    "modified": (
        "article:modified_time",
        "og:updated_time",
        "datemodified",
        "article:modified",
        "last-modified",
        "dcterms.modified",
        "lastmod",
        "og:article:modified_time",
    ),
    "section": ("article:section", "og:article:section", "section", "articlesection"),
    "site": ("og:site_name", "application-name", "publisher", "twitter:site"),
    "language": ("og:locale", "content-language", "language", "dc.language", "inlanguage"),
    "authors": (
        "author",
        "article:author",
        "dc.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
    ),
}
#: Meta names whose (possibly repeated) values are tags.
TAG_META = ("article:tag", "og:article:tag", "news_keywords", "keywords", "parsely-tags")
#: Elements whose text names an author, tried in order when metadata has none.
AUTHOR_SELECTORS = (
    '[itemprop="author"] [itemprop="name"]',
    '[itemprop="author"]',
    'a[rel="author"]',
    '[rel="author"]',
    ".byline__name",
    ".author-name",
    ".byline a",
    ".author a",
    ".byline",
    ".author",
    ".article-author",
    '[class*="author-name"]',
    '[class*="byline"] a',
    '[class*="byline"]',
)
#: Elements whose attributes or text hold the publication date, in order.
DATE_SELECTORS = (
    ('[itemprop="datePublished"]', "content"),
    ('[itemprop="datePublished"]', "datetime"),
    ("time[pubdate]", "datetime"),
    ("article time[datetime]", "datetime"),
    ("time[datetime]", "datetime"),
    ('[class*="date"]', ""),
    ("time", ""),
)
#: Headline separators before a site-name suffix (or after a site-name prefix).
_SEPARATORS = re.compile(r"\s+(?:[|–—·»:•~/]|-{1,2}|::)\s+")
_BYLINE_PREFIX = re.compile(
    r"^\s*(?:written\s+)?(?:by|von|par|por|di|da|door|av|af|od|från|ved|de|przez|tekst|text|autor(?:in)?|author|reporter)\s*[:\-]?\s+",
    re.IGNORECASE,
)
_AUTHOR_SPLIT = re.compile(
    r"\s*(?:,|;|\||/|&|\s+(?:and|und|et|y|e|en|og|och|i|a|ja|und|mit)\s+)\s*", re.IGNORECASE
)
#: Words that mark an organisation or role rather than a person (lower case).
NON_PERSON_WORDS = frozenset(
    [
        "staff",
        "editor",
        "editors",
        "editorial",
        "redaktion",
        "rédaction",
        "redacción",
        "redazione",
        "newsroom",
        "desk",
        "team",
        "agency",
        "agencies",
        "reporters",
        "correspondent",
        "updated",
        "published",
        "photo",
        "photos",
        "foto",
        "fotos",
        "video",
        "images",
        "getty",
        "reuters",
        "afp",
        "dpa",
        "apa",
        "ap",
        "ansa",
        "efe",
        "kna",
        "epd",
        "sid",
        "press",
        "presse",
        "news",
        "agencia",
        "agenzia",
        "twitter",
        "facebook",
        "instagram",
        "email",
        "mail",
        "follow",
        "more",
        "articles",
        "contributor",
        "contributors",
        "online",
        "digital",
        "media",
        "admin",
        "administrator",
        "guest",
        "ltd",
        "inc",
        "gmbh",
    ]
)


def meta_table(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """All ``<meta>`` values by lower-cased name/property/itemprop/http-equiv, in page order."""
    table: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        content = attrs.get("content")
        if content is None:
            continue
        content = normalize_space(content)
        if not content:
            continue
        for key in ("property", "name", "itemprop", "http-equiv"):
            name = attrs.get(key)
            if name:
                table.setdefault(name.strip().lower(), []).append(content)
    return table


def clean_headline(headline: str, site_name: str | None = None) -> str:
    """Drop a site-name suffix (``" | Site"``, ``" - Site"``) or prefix from ``headline``."""
    headline = normalize_space(headline)
    parts = _SEPARATORS.split(headline)
    if len(parts) < 2:
        return headline
    site = _simplify(site_name) if site_name else ""
    if site:
        for index in (-1, 0):
            part = _simplify(parts[index])
            if part and (part == site or part in site or site in part):
                rest = parts[:-1] if index == -1 else parts[1:]
                return _rejoin(headline, rest)
    # No known site name: drop a short trailing segment after a pipe-like separator only.
    last = parts[-1]
    tail = headline[len(headline) - len(last) - 3 :]
    if len(last.split()) <= 3 and ("|" in tail or "»" in tail or "·" in tail):
        return _rejoin(headline, parts[:-1])
    return headline


def _simplify(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower().removeprefix("www."))


def _rejoin(original: str, parts: list[str]) -> str:
    """Keep the original separators between the remaining ``parts``."""
    start = original.find(parts[0])
    end = original.rfind(parts[-1]) + len(parts[-1])
    return original[start:end].strip() if start >= 0 and end > start else " ".join(parts)


def _person_name(name: str) -> str | None:
    name = _BYLINE_PREFIX.sub("", normalize_space(name)).strip(" ,;:-–|")
    if not name or len(name) > 60 or "@" in name or "://" in name or any(c.isdigit() for c in name):
        return None
    words = name.split()
    if len(words) > 5:
        return None
    if any(w.lower().strip(".") in NON_PERSON_WORDS for w in words):
        return None
    return name


def clean_authors(names: list[str], publisher: str | None = None) -> list[str]:
    """Person names only: no "By", no organisations or roles, "A and B" split, duplicates dropped.

    ``publisher`` (the site name) is dropped when it appears among the names.
    """
    result: list[str] = []
    seen: set[str] = set()
    pub = _simplify(publisher) if publisher else ""
    for raw in names:
        raw = _BYLINE_PREFIX.sub("", normalize_space(raw))
        for piece in _AUTHOR_SPLIT.split(raw):
            name = _person_name(piece)
            if not name:
                continue
            key = name.lower()
            if key in seen or (pub and _simplify(name) == pub):
                continue
            seen.add(key)
            result.append(name)
    return result


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
    host = urlsplit(url).hostname if url else None
    return (host.removeprefix("www."), "url") if host else (None, "")


def _text_of(tree: LexborHTMLParser, css: str) -> str | None:
    node = tree.css_first(css)
    if node is None:
        return None
    text = normalize_space(node.text(deep=True, separator=" "))
    return text or None


def _headline(
    tree: LexborHTMLParser,
    article: dict[str, Any] | None,
    meta: dict[str, list[str]],
    site: str | None,
) -> tuple[str | None, str]:
    h1 = _text_of(tree, "h1")
    candidates: list[tuple[str, str]] = []
    if article is not None:
        value = first_text(article.get("headline")) or first_text(article.get("name"))
        if value:
            candidates.append((value, "jsonld"))
    found = _first_meta(meta, META_FIELDS["headline"])
    if found:
        candidates.append((found[0], f"meta:{found[1]}"))
    title = _text_of(tree, "title")
    if title:
        candidates.append((title, "selector:title"))
    cleaned = [(clean_headline(value, site), source) for value, source in candidates]
    # The visible <h1> wins when metadata confirms it (same text up to case/punctuation), and
    # otherwise when metadata is missing: it is what the reader sees.
    if h1 and 3 <= len(h1) <= 300:
        key = _simplify(h1)
        for value, _source in cleaned:
            if key and (_simplify(value) == key or _simplify(value).startswith(key)):
                return h1, "selector:h1"
    for value, source in cleaned:
        if value:
            return value, source
    if h1:
        return h1, "selector:h1"
    return None, ""


def _authors(
    tree: LexborHTMLParser,
    article: dict[str, Any] | None,
    meta: dict[str, list[str]],
    site: str | None,
) -> tuple[list[str], str]:
    if article is not None:
        names = [n for n in texts(article.get("author")) if n.strip()]
        cleaned = clean_authors(names, site)
        if cleaned:
            return cleaned, "jsonld"
    for name in META_FIELDS["authors"]:
        values = [v for v in meta.get(name, ()) if "://" not in v]
        cleaned = clean_authors(values, site)
        if cleaned:
            return cleaned, f"meta:{name}"
    for css in AUTHOR_SELECTORS:
        nodes = tree.css(css)[:6]
        values = [n.text(deep=True, separator=" ") for n in nodes]
        cleaned = clean_authors([v for v in values if len(v) < 120], site)
        if cleaned:
            return cleaned, f"selector:{css}"
    return [], ""


def _date_field(
    tree: LexborHTMLParser,
    article: dict[str, Any] | None,
    meta: dict[str, list[str]],
    key: str,
    names: tuple[str, ...],
) -> tuple[str | None, str]:
    if article is not None:
        value = first_text(article.get(key))
        parsed = parse_date(value) if value else None
        if parsed:
            return parsed, "jsonld"
    for name in names:
        for value in meta.get(name, ()):
            parsed = parse_date(value)
            if parsed:
                return parsed, f"meta:{name}"
    return None, ""


def _published_from_markup(tree: LexborHTMLParser, url: str | None) -> tuple[str | None, str]:
    for css, attr in DATE_SELECTORS:
        for node in tree.css(css)[:5]:
            value = node.attributes.get(attr) if attr else node.text(deep=True, separator=" ")
            parsed = parse_date(value) if value and len(value) < 120 else None
            if parsed:
                return parsed, f"selector:{css}"
    from_url = date_from_url(url)
    if from_url:
        return from_url, "url"
    return None, ""


def _tags(article: dict[str, Any] | None, meta: dict[str, list[str]]) -> tuple[list[str], str]:
    for name in TAG_META:
        values = meta.get(name)
        if values:
            if len(values) == 1:
                values = values[0].split(",")
            return _dedupe(values), f"meta:{name}"
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


def _canonical(
    tree: LexborHTMLParser, meta: dict[str, list[str]], url: str | None
) -> tuple[str | None, str]:
    link = tree.css_first('link[rel="canonical"]')
    href = link.attributes.get("href") if link is not None else None
    if href and href.strip():
        return urljoin(url or "", href.strip()), "selector:link[rel=canonical]"
    found = _first_meta(meta, ("og:url",))
    if found:
        return urljoin(url or "", found[0]), "meta:og:url"
    return None, ""


def _set(article: Article, field: str, value: Any, source: str) -> None:
    if value:
        setattr(article, field, value)
        article.sources[field] = source


def extract_metadata(tree: LexborHTMLParser, url: str | None) -> Article:
    """Everything but body and images: headline, authors, dates, language, section, tags, site."""
    result = Article(url=url)
    objects = jsonld_objects(tree)
    article = find_article(objects)
    meta = meta_table(tree)
    site, site_source = _site(article, meta, url)
    _set(result, "site", site, site_source)
    _set(result, "canonical_url", *_canonical(tree, meta, url))
    _set(result, "headline", *_headline(tree, article, meta, site))
    subheadline = first_text(article.get("description")) if article is not None else None
    if subheadline:
        _set(result, "subheadline", normalize_space(subheadline), "jsonld")
    else:
        found = _first_meta(meta, META_FIELDS["subheadline"])
        if found:
            _set(result, "subheadline", found[0], f"meta:{found[1]}")
    _set(result, "authors", *_authors(tree, article, meta, site))
    published, source = _date_field(tree, article, meta, "datePublished", META_FIELDS["published"])
    if not published:
        published, source = _published_from_markup(tree, url)
    _set(result, "published", published, source)
    _set(
        result,
        "modified",
        *_date_field(tree, article, meta, "dateModified", META_FIELDS["modified"]),
    )
    _set(result, "language", *_language(tree, article, meta))
    section = first_text(article.get("articleSection")) if article is not None else None
    if section:
        _set(result, "section", normalize_space(section), "jsonld")
    else:
        found = _first_meta(meta, META_FIELDS["section"])
        if found:
            _set(result, "section", found[0], f"meta:{found[1]}")
    _set(result, "tags", *_tags(article, meta))
    return result


def is_paywalled(tree: LexborHTMLParser) -> bool:
    """JSON-LD says the article is not free to read."""
    for obj in jsonld_objects(tree):
        value = obj.get("isAccessibleForFree")
        if value is False or (isinstance(value, str) and value.strip().lower() == "false"):
            return True
    return False


def node_text(node: LexborNode) -> str:
    """Whitespace-folded text of a node."""
    return normalize_space(node.text(deep=True, separator=" "))
