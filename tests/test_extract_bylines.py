"""Bylines in markup: selector order, the first byline only, comments skipped."""

from __future__ import annotations

from scraper.extract import bylines
from scraper.extract.bylines import markup_bylines
from scraper.extract.generic import parse_html


def _first(body: str) -> tuple[list[str], str]:
    tree = parse_html(f"<html><body>{body}</body></html>")
    found = [(texts, source) for texts, source in markup_bylines(tree, _named) if texts]
    return found[0] if found else ([], "")


def _named(text: str) -> bool:
    return any(word[:1].isupper() for word in text.split())


def test_selectors_in_order_of_trust() -> None:
    body = (
        '<div class="author">Desk</div>'
        '<span itemprop="author"><span itemprop="name">Ana Roth</span></span>'
    )
    assert _first(body) == (["Ana Roth"], 'selector:[itemprop="author"] [itemprop="name"]')


def test_only_the_matches_near_the_first_usable_one() -> None:
    body = (
        '<p class="byline"><a rel="author" href="/a">  </a></p>'
        '<p class="byline"><a rel="author" href="/b">Ana Roth</a>, '
        '<a rel="author" href="/c">Ben Ode</a></p>'
        '<aside><ul><li><div><div><a rel="author" href="/d">Cleo Marsh</a></div></div></li></ul>'
        "</aside>"
    )
    assert _first(body) == (["Ana Roth", "Ben Ode"], 'selector:a[rel="author"]')


def test_a_node_matching_several_selectors_counts_once() -> None:
    # Matches of one selector beyond the first six nodes would be cut if lexbor's repeated
    # matches (one per selector of the list) were counted.
    links = "".join(f'<a rel="author" class="author" href="/{i}">Name{i} X</a>' for i in range(4))
    texts, source = _first(f'<div class="byline">{links}</div>')
    assert source == 'selector:a[rel="author"]'
    assert texts == [f"Name{i} X" for i in range(4)]


def test_comment_threads_and_page_wide_classes_are_skipped() -> None:
    body = (
        '<div id="comments"><div><span class="author-name">Reader One</span></div></div>'
        '<div class="comments-enabled"><span class="author-name">Ana Roth</span></div>'
    )
    assert _first(body) == (["Ana Roth"], "selector:.author-name")
    page = '<html><body class="single-author"><a href="#main">Skip</a></body></html>'
    assert [t for t, _ in markup_bylines(parse_html(page), _named) if t] == []


def test_every_selector_runs_when_its_mark_is_on_the_page() -> None:
    # Each selector is skipped when no element carries its mark: an element written to match
    # the selector must be found by the one walk over marked elements (letter case aside).
    cases = {
        '[itemprop="author"] [itemprop="name"]': '<p itemprop="author"><b itemprop="name">Ana Roth</b></p>',
        ".byline__name": '<p class="Byline__Name">Ana Roth</p>',
        '[class*="author-name"]': '<p class="post-author-names">Ana Roth</p>',
        'a[href*="/autoren/"]': '<a href="/autoren/ana-roth">Ana Roth</a>',
        '[class*="author"]:not(body):not(html):not(main):not(article):not([class*="comment"])': (
            '<div class="authorbox">Ana Roth</div>'
        ),
    }
    for css, body in cases.items():
        tree = parse_html(f"<html><body>{body}</body></html>")
        found = dict((source, texts) for texts, source in markup_bylines(tree, _named))
        assert found.get(f"selector:{css}") == ["Ana Roth"], css


def test_matches_found_from_marked_elements_equal_a_whole_page_query() -> None:
    page = parse_html(
        '<html><body><div class="Author-Box"><div class="author"><a rel="author">A One</a>'
        '<span itemprop="author"><b itemprop="name">B Two</b></span></div></div>'
        '<p class="byline">By <a href="/authors/c">C Three</a></p>'
        '<ul class="teasers"><li class="byline"><a>D Four</a></li></ul>'
        '<a href="/author/e" class="author-name">E Five</a></body></html>'
    )
    marked = page.css(bylines._MARKED)
    for css, attribute, mark in bylines.AUTHOR_SELECTORS:
        carriers = [n for n in marked if mark in (n.attributes.get(attribute) or "").lower()]
        expected = list({n.mem_id: n.text() for n in page.css(css)}.values())
        assert [n.text() for n in bylines._matches(css, carriers)] == expected, css


def test_a_section_link_in_an_author_box_is_not_a_byline() -> None:
    # The box holds the section link ("Lifestyle") before the author's name.
    body = (
        '<div class="article_author_container"><a href="/news/category/29/lifestyle">'
        "Lifestyle</a></div>"
        '<div class="author-box"><a href="/people/ana-roth">Ana Roth</a></div>'
    )
    texts, _ = _first(body)
    assert texts == ["Ana Roth"]


def test_a_section_link_alone_in_an_author_box_gives_no_byline() -> None:
    body = '<div class="post-author"><a href="/tag/politics/">Politics</a></div>'
    assert _first(body) == ([], "")
