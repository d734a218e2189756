"""Directories in the body: a table or list whose entries are mostly e-mail addresses (the
MPs of a party with their constituencies and addresses, a staff or press contact list) is
reference material for the reader to write to, not the article's prose, and can run to
hundreds of one-line paragraphs. Such blocks are removed before the paragraphs are read.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

__all__ = ["strip_directories"]

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
