"""Lists in the body that are not the article, removed before the paragraphs are read:
directories (a table or list whose entries are mostly e-mail addresses: the MPs of a party
with their constituencies and addresses, a staff or press contact list), reference material
that can run to hundreds of one-line paragraphs; and related-story lists under a heading
that names them ("More Great WIRED Stories"), whose items are headlines with a link in them.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

__all__ = ["strip_directories", "strip_related_lists"]

#: An e-mail address (a ``mailto:`` link's text or a plain address in a cell).
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: A directory has at least this many entries: a short list of contacts ("Press: a@b.org,
#: Editor: c@d.org") is part of an article's closing lines.
MIN_ENTRIES = 10
#: ... and at least this share of them hold an e-mail address.
MIN_EMAIL_SHARE = 0.5
#: Blocks whose entries are read: table rows, list items.
_ENTRIES = {"table": "tr", "ul": "li", "ol": "li"}


def strip_directories(container: LexborNode) -> None:
    """Remove the directories (see the module doc) under ``container``."""
    # Too few "@" for any directory: one pass over the text instead of one per list.
    if container.text(deep=True).count("@") < MIN_EMAIL_SHARE * MIN_ENTRIES:
        return
    for block in container.css("table, ul, ol"):
        if is_directory(block):
            block.decompose()


def is_directory(block: LexborNode) -> bool:
    """Whether a table or list is a directory: ``MIN_ENTRIES`` entries or more, most of them
    holding an e-mail address."""
    entries = block.css(_ENTRIES.get(block.tag or "", "li"))
    if len(entries) < MIN_ENTRIES:
        return False
    with_email = sum(1 for entry in entries if EMAIL.search(entry.text(deep=True)))
    return with_email >= MIN_EMAIL_SHARE * len(entries)


#: A heading naming a list of other stories ("More Great WIRED Stories", "Related articles",
#: "Recommended reading", "Mehr zum Thema"). The English forms match at the heading's start
#: ("Top Reads This Hour", "RELATED ARTICLESMORE FROM AUTHOR", tab labels run together: 14
#: headings of the corpora that an end anchor would miss); the German ones the whole heading.
RELATED_HEADING = re.compile(
    r"(?:more|related|recommended|further|other|popular|top)\b.{0,30}"
    r"\b(?:stories|articles|reads|reading|coverage|posts)"
    r"|(?:mehr zum thema|weitere (?:artikel|beiträge|nachrichten)|das könnte sie auch interessieren)"
    r"\s*:?$",
    re.IGNORECASE,
)
_HEADINGS = "h2, h3, h4, h5, h6, [role=heading]"


def strip_related_lists(container: LexborNode) -> None:
    """Remove each list that follows a heading naming other stories, with the heading."""
    for heading in container.css(_HEADINGS):
        if not RELATED_HEADING.match(" ".join(heading.text(deep=True).split())):
            continue
        following = heading.next
        while following is not None and (following.tag or "-").startswith("-"):
            following = following.next
        if following is not None and following.tag in ("ul", "ol"):
            following.decompose()
            heading.decompose()
