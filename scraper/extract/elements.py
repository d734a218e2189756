"""Elements of a parsed page by tag, read in one document walk while metadata is extracted.

Every whole-document CSS query walks the full tree (about as long as parsing a tenth of the
page), so the tags metadata reads often are collected by one query and served from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from selectolax.lexbor import LexborHTMLParser, LexborNode

__all__ = ["by_tag", "indexed"]

#: Tags served from the index; any other query goes to the tree.
INDEXED_TAGS = ("html", "title", "meta", "link", "h1", "script")
_QUERY = ", ".join(INDEXED_TAGS)

_current: list[tuple[LexborHTMLParser, dict[str, list[LexborNode]]]] = []


@contextmanager
def indexed(tree: LexborHTMLParser) -> Iterator[None]:
    """Serve ``by_tag(tree, ...)`` from one walk until the block ends.

    The tree must not change inside the block (the index would keep removed nodes).
    """
    index: dict[str, list[LexborNode]] = {tag: [] for tag in INDEXED_TAGS}
    for node in tree.css(_QUERY):
        found = index.get(node.tag or "")
        if found is not None:
            found.append(node)
    previous = list(_current)
    _current[:] = [(tree, index)]
    try:
        yield
    finally:
        _current[:] = previous


def by_tag(tree: LexborHTMLParser, tag: str) -> list[LexborNode]:
    """The ``tag`` elements of ``tree`` in document order (``tree.css(tag)``); do not mutate."""
    if _current and _current[0][0] is tree and tag in _current[0][1]:
        return _current[0][1][tag]
    return tree.css(tag)
