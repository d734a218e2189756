"""Tests for scraper.extract.elements: one walk serves the tag queries metadata makes."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.elements import by_tag, indexed
from scraper.extract.jsonld import jsonld_objects
from scraper.extract.metadata import extract_metadata

PAGE = """<!doctype html><html lang="de"><head><title>Page title</title>
<meta name="description" content="A summary">
<link rel="Canonical" href="/canonical-path">
<script type="Application/LD+JSON">{"@type": "NewsArticle", "headline": "From JSON-LD"}</script>
<script>var x = 1;</script>
</head><body><h1>First heading</h1><p>Text</p><h1>Second heading</h1>
<svg><title>Icon title</title></svg></body></html>"""


def _ids(nodes: list[LexborNode]) -> list[int]:
    return [node.mem_id for node in nodes]


def test_indexed_tags_are_the_same_nodes_in_the_same_order_as_a_query() -> None:
    tree = LexborHTMLParser(PAGE)
    expected = {tag: _ids(tree.css(tag)) for tag in ("html", "title", "meta", "link", "h1")}
    expected["script"] = _ids(tree.css("script"))
    with indexed(tree):
        for tag, ids in expected.items():
            assert _ids(by_tag(tree, tag)) == ids, tag
    # The svg <title> is a title element too, as for tree.css("title").
    assert len(expected["title"]) == 2
    assert len(expected["h1"]) == 2


def test_outside_the_block_and_for_other_tags_the_tree_is_queried() -> None:
    tree = LexborHTMLParser(PAGE)
    with indexed(tree):
        assert [n.tag for n in by_tag(tree, "p")] == ["p"]  # not indexed: a real query
        other = LexborHTMLParser("<h1>Other</h1>")
        assert [n.text() for n in by_tag(other, "h1")] == ["Other"]  # another tree
    tree.css_first("h1").decompose()  # type: ignore[union-attr]
    assert [n.text() for n in by_tag(tree, "h1")] == ["Second heading"]  # index gone


def test_metadata_read_through_the_index_matches_attribute_case_rules() -> None:
    # type and rel compare case-insensitively in selectors, as the index filters do.
    tree = LexborHTMLParser(PAGE)
    article = extract_metadata(tree, "https://example.com/a/b")
    assert article.canonical_url == "https://example.com/canonical-path"
    assert article.headline == "From JSON-LD"
    assert article.language == "de"
    assert [obj.get("headline") for obj in jsonld_objects(tree)] == ["From JSON-LD"]
