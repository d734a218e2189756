"""Boilerplate nodes: the class, id and attribute rules (as data) that mark non-content elements
(share bars, newsletter boxes, related lists, ad slots, cookie notices, author bios...), and
``strip_boilerplate``, the pass that removes them from the tree before the body is read.

Paragraph-level rules are in ``boilerplate_lines`` and ``body_cleaning``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from selectolax.lexbor import LexborNode

from scraper.extract.content import CONTENT_NAMES

#: Elements never part of an article body.
NON_CONTENT_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "object",
    "embed",
    "canvas",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "nav",
    "footer",
    "aside",
    "menu",
    "dialog",
)
#: Words in class/id names that mark boilerplate containers (matched as whole name tokens or
#: as ``word-``/``-word`` parts, see ``boilerplate_token``).
BOILERPLATE_WORDS = frozenset(
    """share sharing social socials sharebar share-bar sharetools social-share shariff addthis
    related relatedposts related-posts related-articles read-more readmore more-stories
    recommended recommendations teaser-list outbrain taboola newsletter subscribe
    subscription signup sign-up donate donation donations support-us membership paywall-cta
    cta promo promos promotion advert advertisement advertising ads ad adslot ad-slot
    ad-container dfp sponsored cookie cookies consent gdpr banner breadcrumb breadcrumbs
    tags tag-list taglist tagcloud keywords post-tags entry-tags categories category-list
    author-bio authorbox author-box about-author bio comments comment comment-count
    comment-list disqus respond replies sidebar popup modal overlay toolbar pagination pager
    nav navigation menu skip-link print-only sr-only visually-hidden screen-reader-text
    hidden meta post-meta entry-meta article-meta byline dateline timestamp rating vote
    jp-relatedposts sharedaddy wp-block-buttons newsletter-signup inline-newsletter
    most-read mostread popular trending latest latest-news top-stories footer header
    masthead follow-us follow author disclosure offscreen author-container author-info
    author-details author-wrapper author-description about-the-author autorenbox
    autor-box autor affiliate whatsapp tooltip rights signup-form skip sign-in signin login
    log-in factbox fact-box faktenbox infobox info-box keypoints key-points pullquote
    article-summary ai-summary
    pull-quote disclaimer""".split()  # noqa: SIM905
)
#: Words that start many harmless names ("header-image", "meta-data"): matched whole or last only.
AMBIGUOUS_PREFIXES = frozenset(
    """header meta hidden latest banner tags bio follow cta comment author""".split()  # noqa: SIM905
)
#: BEM modifiers of an element that is not shown.
HIDDEN_MODIFIERS = frozenset({"hide", "hidden", "is-hidden", "offscreen"})
#: Last words of a class name that make it a page layout, not the boilerplate it mentions.
LAYOUT_WORDS = frozenset({"grid", "layout"})
#: Stems that mark boilerplate anywhere inside a class/id token ("commentlist", "socialbar").
BOILERPLATE_STEMS = re.compile(
    r"comment(?!ary)|sharing|share(?!hold)|social|related|newsletter|cookie|sidebar|breadcrumb"
    r"|advert|sponsor|disqus|outbrain|taboola|subscri|donat"
)
#: Class/id stems of boilerplate that is stripped even when it holds most of the page's text:
#: a long comment thread or a cookie-consent dialog is never the article's wrapper.
UNPROTECTED_STEMS = re.compile(
    r"(?:^|\s)(?:comments?|kommentare)(?:[-_](?:list|section|area|container|wrapper|thread))?"
    r"(?=\s|$)|consent|cookie|onetrust|gdpr",
    re.IGNORECASE,
)
#: Attribute values that mark a non-content element (``None``: the attribute alone does).
BOILERPLATE_ATTRIBUTES: dict[str, frozenset[str] | None] = {
    "role": frozenset({"navigation", "banner", "contentinfo", "complementary", "dialog"}),
    "aria-hidden": frozenset({"true"}),
    "hidden": None,
    "itemprop": frozenset({"comment"}),
}
#: CSS selectors for nodes stripped before body extraction (besides the class/id word rules).
BOILERPLATE_SELECTORS: tuple[str, ...] = (
    *NON_CONTENT_TAGS,
    *(
        f'[{name}="{value}"]' if value else f"[{name}]"
        for name, values in BOILERPLATE_ATTRIBUTES.items()
        for value in sorted(values or {""})
    ),
    "header:not(article header)",
)


def has_boilerplate_attribute(attributes: dict[str, str | None]) -> bool:
    """Whether an element's attributes match ``BOILERPLATE_ATTRIBUTES`` (as the selectors do)."""
    for name, values in BOILERPLATE_ATTRIBUTES.items():
        if name in attributes and (values is None or attributes[name] in values):
            return True
    return False


#: A lower-case letter or digit followed by a capital: where a camelCase name splits into words.
_CAMEL_JOINT = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@lru_cache(maxsize=8192)
def boilerplate_token(name: str) -> bool:
    """Whether a class or id value marks a boilerplate container.

    camelCase names are split into words first ("c-inlineSignup" reads as "c-inline-signup").
    """
    # A loop, not any() over a generator: most names on a page are seen once, so this runs
    # for most of them and its overhead counts.
    for raw in name.split():  # noqa: SIM110
        if _boilerplate_raw(raw):
            return True
    return False


@lru_cache(maxsize=65536)
def _boilerplate_raw(raw: str) -> bool:
    """One class or id token as written (cached: pages share most of their tokens, though
    not whole class values)."""
    return _boilerplate_word(raw if raw.islower() else _CAMEL_JOINT.sub("-", raw).lower())


@lru_cache(maxsize=32768)
def _boilerplate_word(raw: str) -> bool:
    """One lower-cased class or id token (cached: pages share most of their tokens)."""
    # A BEM modifier ("section--ads") describes a variant, not what the block is, unless
    # the variant is hidden ("h-element--hide").
    block, _, modifier = raw.partition("--")
    if modifier in HIDDEN_MODIFIERS:
        return True
    if ("grid" in raw or "layout" in raw) and _is_layout(raw):
        return False
    token = block.replace("_", "-").strip("-")
    if token in BOILERPLATE_WORDS or BOILERPLATE_STEMS.search(token):
        return True
    parts = token.split("-")
    if len(parts) < 2:
        return False
    if parts[-1] in BOILERPLATE_WORDS:
        return True
    if any(part in BOILERPLATE_WORDS and part not in AMBIGUOUS_PREFIXES for part in parts[:-1]):
        return True
    # A compound word inside a longer name ("mvp-author-box-wrap").
    return len(parts) > 2 and any(f"{a}-{b}" in BOILERPLATE_WORDS for a, b in pairwise(parts))


def _is_layout(name: str) -> bool:
    """A layout block ("sidebar-grid", "sidebar-grid__container") holds the article beside its
    sidebar: the last word of the block name says what it is."""
    block = name.split("__")[0].split("--")[0].replace("_", "-")
    return block.rsplit("-", 1)[-1] in LAYOUT_WORDS and "-" in block


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
_STRIPPED = ", ".join(BOILERPLATE_SELECTORS)
#: The stripped elements and the paragraphs, in one query (one walk of the tree).
_STRIPPED_AND_PARAGRAPHS = f"{_STRIPPED}, p"
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
#: Roles of a dialog, stripped even when it holds most of the page's text.
DIALOG_ROLES = frozenset({"dialog", "alertdialog"})
#: Headings: their id is an anchor made of their words, not a role.
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BEM_BLOCK = re.compile(r"\S*__")


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
        if node.tag in SCRIPT_TAGS or _is_dialog(node) or not _holds_most_prose(node, prose):
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


def _is_dialog(node: LexborNode) -> bool:
    """A dialog (a popup, a modal): never the page's wrapper, however much text it holds (a
    closed popup may hold a whole other article)."""
    if node.tag == "dialog":
        return True
    return (node.attributes.get("role") or "") in DIALOG_ROLES


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
