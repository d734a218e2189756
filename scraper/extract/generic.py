"""Generic extraction (no site config): metadata, body by content scoring, images, status.

``extract_generic`` is the full path; ``parse_html``, ``extract_metadata`` and ``extract_body``
are the pieces the per-site extractor reuses for fields its config does not give.
"""

from __future__ import annotations

import json
import re

from selectolax.lexbor import LexborDocumentOptions, LexborHTMLParser, LexborNode

from scraper import __version__
from scraper.extract.body import body_paragraphs
from scraper.extract.body_pictures import strip_embed_titles
from scraper.extract.boilerplate import strip_boilerplate
from scraper.extract.content import find_content
from scraper.extract.decode import utf8_source
from scraper.extract.images import article_images, expose_pictures, with_lead_image
from scraper.extract.jsonld import find_article, first_text, jsonld_objects, texts
from scraper.extract.metadata import extract_metadata, meta_table
from scraper.extract.standfirst import find_standfirst
from scraper.extract.text import normalize_space
from scraper.models import (
    STATUS_EMPTY,
    STATUS_NOT_ARTICLE,
    STATUS_OK,
    STATUS_PAYWALLED,
    Article,
    Image,
)

__all__ = ["extract_body", "extract_generic", "extract_metadata", "parse_html"]

#: A body shorter than this (characters) on a page without article markup is not an article.
MIN_ARTICLE_CHARS = 400
#: A page with less visible text than this (characters) is empty.
MIN_PAGE_CHARS = 20
#: A shorter standfirst is a label, not a paragraph.
MIN_STANDFIRST_CHARS = 40
#: A paywalled page's visible body is usually a teaser shorter than this.
PAYWALL_TEASER_CHARS = 1500
#: Markup that marks a paywall (checked only when JSON-LD does not say the page is free).
PAYWALL_SELECTORS = (
    '[class*="paywall"], [id*="paywall"], [class*="piano-"], [class*="premium-wall"]'
)
#: A JSON string literal in a script long enough to hold an article's HTML (state that a
#: script-rendered page ships: ``__NEXT_DATA__``, ``self.__next_f.push``, ``__INITIAL_STATE__``).
_SCRIPT_STRING = re.compile(r'"(?:[^"\\]|\\.){400,}"')
#: Markup of a paragraph, raw or JSON-escaped, in such a string.
_PARAGRAPH_MARKUP = ("<p", "\\u003cp", "\\u003Cp")
ARTICLE_OG_TYPES = frozenset({"article", "news", "newsarticle", "blog", "blogposting"})
#: What may follow the headline in a page title: a separator and a short site or section name
#: ("Headline | wdr aktuell"). A paragraph reading so is the title again, not a standfirst.
_TITLE_SUFFIX = re.compile(r"\s*[|–—·»•:-]\s*\S.{0,40}")
#: A headline needs this many words before a paragraph starting with it and going on after a
#: separator counts as the title ("Brexit: what happens next" may open a paragraph).
MIN_TITLE_WORDS = 4


def parse_html(text: str) -> LexborHTMLParser:
    """Parse decoded HTML with the parser every extractor shares (lexbor via selectolax).

    Without DOM mutation events: parsing and every removal after it skip lexbor's callbacks
    (about a tenth of the parse). What they do for a browser (a ``<selectedcontent>`` copying
    the chosen ``<option>`` of a form control) is nothing an article is read from.
    """
    return LexborHTMLParser(utf8_source(text), options=LexborDocumentOptions.WO_EVENTS)


def _lead_image(tree: LexborHTMLParser, url: str | None) -> Image | None:
    from urllib.parse import urljoin

    meta = meta_table(tree)
    for name in (
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "twitter:image",
        "twitter:image:src",
    ):
        values = meta.get(name)
        if values:
            return Image(url=urljoin(url or "", values[0]))
    article = find_article(jsonld_objects(tree))
    if article is not None:
        value = first_text(article.get("image"), "url")
        if value:
            return Image(url=urljoin(url or "", value))
    return None


def extract_body(tree: LexborHTMLParser, url: str | None) -> tuple[list[str], list[Image]]:
    """Body paragraphs in reading order and images (lead image first).

    Mutates ``tree``: boilerplate nodes are removed and ``<br>`` become line breaks, so take
    metadata (``extract_metadata``) before calling this.
    """
    lead = _lead_image(tree, url)
    root = tree.body or tree.root
    if root is None:
        return [], with_lead_image([], lead)
    expose_pictures(root)
    strip_embed_titles(root)
    strip_boilerplate(root)
    containers, mass = find_content(root)
    images = article_images(containers, url, lead)
    standfirst = find_standfirst(containers)
    paragraphs = body_paragraphs(tree, containers, mass)
    if standfirst and not any(standfirst in p for p in paragraphs[:3]):
        paragraphs.insert(0, standfirst)
    return paragraphs, images


def _is_article_page(tree: LexborHTMLParser) -> bool:
    if find_article(jsonld_objects(tree)) is not None:
        return True
    og_type = meta_table(tree).get("og:type", [""])[0].lower()
    return og_type in ARTICLE_OG_TYPES


def _status(
    tree: LexborHTMLParser, article: Article, page_chars: int, says_article: bool, not_free: bool
) -> str:
    """ok | paywalled | not_article (text but no article body) | empty (no text at all)."""
    length = sum(len(p) for p in article.body)
    if not_free and (length < PAYWALL_TEASER_CHARS or tree.css_first(PAYWALL_SELECTORS)):
        return STATUS_PAYWALLED
    if length == 0:
        return STATUS_EMPTY if page_chars < MIN_PAGE_CHARS else STATUS_NOT_ARTICLE
    if length < MIN_ARTICLE_CHARS and not says_article:
        return STATUS_NOT_ARTICLE
    return STATUS_OK


def _not_free(tree: LexborHTMLParser) -> bool:
    for obj in jsonld_objects(tree):
        for value in texts(obj.get("isAccessibleForFree"), "value"):
            if value.strip().lower() == "false":
                return True
        if obj.get("isAccessibleForFree") is False:
            return True
    return False


def _jsonld_body(tree: LexborHTMLParser) -> list[str]:
    """Paragraphs of the article's JSON-LD ``articleBody`` (split at line breaks)."""
    found = find_article(jsonld_objects(tree))
    text = first_text(found.get("articleBody")) if found is not None else None
    if not text:
        return []
    if "<" in text and ">" in text:
        text = parse_html(text).text(separator="\n")
    return [p for p in (normalize_space(line) for line in text.splitlines()) if p]


def _script_body(text: str, url: str | None) -> list[str]:
    """Paragraphs of the longest article HTML held in a script's JSON strings.

    For pages rendered by script whose visible markup has no body and whose JSON-LD has no
    ``articleBody``: the article usually ships as an HTML string in the page state. The page
    is parsed again (``extract_body`` removed the scripts from the first tree).
    """
    best = ""
    for script in parse_html(text).css("script"):
        if "ld+json" in (script.attributes.get("type") or ""):
            continue  # read by _jsonld_body
        code = script.text(deep=True)
        if not any(marker in code for marker in _PARAGRAPH_MARKUP):
            continue
        for match in _SCRIPT_STRING.finditer(code):
            if len(match.group(0)) <= len(best):
                continue
            try:
                value = json.loads(match.group(0))
            except ValueError:
                continue
            if isinstance(value, str) and "<p" in value and "</p>" in value:
                best = value
    if not best:
        return []
    body, _ = extract_body(parse_html(best), url)
    return body


def _opening(body: list[str], article: Article, page_text: str, captions: list[str]) -> list[str]:
    """The body without the title and byline read with it, and with the standfirst."""
    headline = normalize_space(article.headline or "")
    if body and headline and is_title_line(body[0], headline):
        body = [p for p in body if not is_title_line(p, headline)]
    body = _without_byline_lines(body, article.authors, article.site)
    if headline and is_title_line(normalize_space(article.subheadline or ""), headline):
        return body
    return _with_standfirst(body, article.subheadline, page_text, captions)


def _with_standfirst(
    body: list[str], standfirst: str | None, page_text: str, captions: list[str]
) -> list[str]:
    """Start the body with the standfirst (dek) when the page shows it and the body lacks it.

    Only a visible standfirst counts (a meta description that never appears on the page, or
    only in a script's page state, is a summary, not text of the article; typographic and
    typed quotes count as the same), and not one the page shows as a picture's caption
    (some sites describe the article by the caption of its lead picture), nor an excerpt
    that repeats the body's opening paragraph.
    """
    if not body or not standfirst or len(standfirst) < MIN_STANDFIRST_CHARS:
        return body
    folded = normalize_space(standfirst)
    plain = _plain_quotes(folded)
    if any(plain in _plain_quotes(p) for p in body):
        return body
    if len(body[0]) >= MIN_STANDFIRST_CHARS and body[0] in folded:
        return body
    if any(folded in caption or caption in folded for caption in captions):
        return body
    # The raw text first: a match there is one in the folded text too, and folding costs more.
    if standfirst in page_text or plain in _plain_quotes(_folded(page_text)):
        return [standfirst, *body]
    return body


#: Typographic quotes and apostrophes as typed ones: a description often has "l'urgenza"
#: where the page shows "l’urgenza".
_TYPED_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"'})


def _plain_quotes(text: str) -> str:
    return text.translate(_TYPED_QUOTES)


#: A byline paragraph: an author's name alone, or after "By"/"Von"/"Por"/"Par".
_BYLINE_LEAD = re.compile(r"^(?:by|von|por|par|di|door|av|af)\s+", re.IGNORECASE)
#: What separates the names of a byline or credit line ("Jane Roe/John Doe", "Jane Roe,
#: Frankfurt", "MDR (dst)", "Site / Agency").
_BYLINE_SEPARATOR = re.compile(r"\s*(?:[,/&()|]|\s(?:and|und|et|y|e)\s)\s*", re.IGNORECASE)
#: A byline or credit line is at most this long (characters).
BYLINE_MAX_CHARS = 100
#: A part of a byline beside the names (a place, an author's initials, an agency) has at most
#: this many words.
BYLINE_OTHER_WORDS = 3
#: How many paragraphs at the opening of the body may be the byline: it often follows a
#: standfirst or a teaser line ("Von Anna Roe, Frankfurt" after the dek).
BYLINE_REACH = 3


def is_byline(text: str, names: set[str]) -> bool:
    """Whether a paragraph only credits the article: one of ``names`` (authors, the site's
    name; case-folded), after an optional "By", with at most other names, a place or
    initials beside it ("Von Anna Roe, Frankfurt", "MDR (dst)", "Site / Agency")."""
    if not names or len(text) > BYLINE_MAX_CHARS or text.rstrip(" .")[-1:] in "!?:":
        return False
    parts = [part.strip(" .") for part in _BYLINE_SEPARATOR.split(_BYLINE_LEAD.sub("", text))]
    parts = [part for part in parts if part]
    if not any(part.casefold() in names for part in parts):
        return False
    return all(
        part.casefold() in names or len(part.split()) <= BYLINE_OTHER_WORDS for part in parts
    )


def _without_byline_lines(body: list[str], authors: list[str], site: str | None) -> list[str]:
    """The body without a paragraph at its opening or its end that only credits the article
    (the byline read with the text: "MTHOBISI SITHOLE", "By Jane Roe", "Von Jane Roe,
    Frankfurt"; a closing credit: "MDR (dst)", "Site / Agency")."""
    names = {author.casefold() for author in authors}
    if not body or not names:
        return body
    if site:
        names.add(site.casefold())
    opening = [
        text
        for index, text in enumerate(body[:BYLINE_REACH])
        if index >= len(body) - 1 or not is_byline(text, names)
    ]
    rest = body[BYLINE_REACH:]
    if rest and len(opening) + len(rest) > 1 and is_byline(rest[-1], names):
        rest = rest[:-1]
    elif not rest and len(opening) > 1 and is_byline(opening[-1], names):
        opening = opening[:-1]
    return opening + rest


def is_title_line(text: str, headline: str) -> bool:
    """Whether a paragraph is the headline, alone or as the page title ("Headline | Site")."""
    if not text.startswith(headline):
        return False
    if len(text) == len(headline):
        return True
    return (
        len(headline.split()) >= MIN_TITLE_WORDS
        and _TITLE_SUFFIX.fullmatch(text, len(headline)) is not None
    )


def _folded(text: str) -> str:
    """Whitespace-folded only (a full normalisation of the page text costs more than it buys)."""
    return " ".join(text.split())


#: Elements whose text the reader never sees: the page state a script ships often holds the
#: description too, which is no sign that the page shows it. (Not ``<noscript>``: the body
#: pass lifts the pictures inside it before stripping it.)
_UNSHOWN_TEXT = "script, style, template"


def _remove_unshown(page: LexborNode) -> None:
    """Remove the scripts, styles and templates under ``page``, whose text is never shown.

    A step of its own so that ``page.text(deep=True)`` afterwards is the shown text: removing
    them costs less than walking every text node to skip theirs, and the body pass
    (``strip_boilerplate``) removes them anyway.
    """
    for node in page.css(_UNSHOWN_TEXT):
        node.decompose()


def _has_page_text(page: LexborNode | None) -> bool:
    """Whether the page's whitespace-folded text reaches ``MIN_PAGE_CHARS``.

    Text nodes are read only until enough non-blank characters are seen (a lower bound of the
    folded length); a page that ends short is folded whole.
    """
    if page is None:
        return False
    seen = 0
    for node in page.traverse(include_text=True):
        if node.tag == "-text":
            seen += sum(len(word) for word in (node.text_content or "").split())
            if seen >= MIN_PAGE_CHARS:
                return True
    return len(_folded(page.text(deep=True))) >= MIN_PAGE_CHARS


def extract_generic(text: str, url: str | None) -> Article:
    """Extract an article from decoded HTML with no site config; never raises on bad HTML."""
    tree = parse_html(text)
    article = extract_metadata(tree, url)
    markup_says_article = _is_article_page(tree)
    not_free = _not_free(tree)
    page = tree.body
    # Taken before extract_body strips the tree, and only what the checks below need: the
    # whole shown text for a standfirst long enough to be looked for, else whether there is
    # any text.
    standfirst = article.subheadline or ""
    page_text = ""
    has_text: bool | None = None
    if page is not None and len(standfirst) >= MIN_STANDFIRST_CHARS:
        _remove_unshown(page)  # mutates the tree before extract_body: see its docstring
        page_text = page.text(deep=True)
    else:
        has_text = _has_page_text(page)
    body, images = extract_body(tree, url)
    captions = [image.caption for image in images if image.caption]
    body = _opening(body, article, page_text, captions)
    from_jsonld = _jsonld_body(tree)
    if from_jsonld and sum(map(len, from_jsonld)) > 2 * sum(map(len, body)) + MIN_ARTICLE_CHARS:
        # A page rendered by script shows little text; its JSON-LD often carries all of it.
        body = from_jsonld
        article.sources["body"] = "jsonld"
    if sum(map(len, body)) < MIN_ARTICLE_CHARS:
        from_script = _script_body(text, url)
        if sum(map(len, from_script)) > 2 * sum(map(len, body)) + MIN_ARTICLE_CHARS:
            body = from_script
            article.sources["body"] = "heuristic"
    article.body = body
    article.images = images
    if body:
        article.sources.setdefault("body", "heuristic")
    if images:
        article.sources["images"] = "heuristic"
    if not body and has_text is None:
        has_text = len(_folded(page_text)) >= MIN_PAGE_CHARS
    page_chars = MIN_PAGE_CHARS if body or has_text else 0
    article.status = _status(tree, article, page_chars, markup_says_article, not_free)
    article.extractor = {"version": __version__, "path": "generic"}
    if article.status == STATUS_EMPTY:
        article.body = []
    return article
