"""Container choice: prose mass summed bottom-up, teaser lists left out, one story per page."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from scraper.extract.content import (
    LINK_WALK_LIMIT,
    find_content,
    has_link,
    is_inside,
    links_in,
    paragraph_weight,
)

PROSE = (
    "A sentence long enough to be prose, with a clause or two, and a full stop at the end of it."
)


def _root(body: str) -> LexborHTMLParser:
    return LexborHTMLParser(f"<html><body>{body}</body></html>")


def test_mass_sums_every_block_below_an_element_once() -> None:
    tree = _root(f"<div id='outer'><div id='inner'><p>{PROSE}</p><p>{PROSE}</p></div></div>")
    containers, mass = find_content(tree.body)  # type: ignore[arg-type]
    outer, inner = tree.css_first("#outer"), tree.css_first("#inner")
    assert outer is not None and inner is not None
    assert mass[inner.mem_id] == mass[outer.mem_id] == 2 * len(PROSE)
    # Wrappers holding nothing else are climbed through, up to <body>.
    assert [node.tag for node in containers] == ["body"]


def test_blocks_inside_links_have_no_mass() -> None:
    tree = _root(f"<div id='text'><p>{PROSE}</p></div><a href='/x'><div><p>{PROSE}</p></div></a>")
    _, mass = find_content(tree.body)  # type: ignore[arg-type]
    link = tree.css_first("a")
    assert link is not None and link.mem_id not in mass
    body = tree.body
    assert body is not None and mass[body.mem_id] == len(PROSE)


def test_teaser_list_leaves_the_mass_of_its_ancestors() -> None:
    cards = "".join(
        f"<div class='card'><h3><a href='/s{i}'>Story {i}</a></h3><p>{PROSE}</p></div>"
        for i in range(3)
    )
    tree = _root(
        f"<main><div id='text'><p>{PROSE}</p><p>{PROSE}</p></div><div>{cards}</div></main>"
    )
    containers, mass = find_content(tree.body)  # type: ignore[arg-type]
    main = tree.css_first("main")
    assert main is not None and mass[main.mem_id] == 2 * len(PROSE)
    card = tree.css_first("div.card")
    assert card is not None and card.mem_id not in mass
    assert [node.tag for node in containers] == ["body"]


def test_paragraph_weight_ignores_link_lists_and_discounts_short_lines() -> None:
    link_line = _root(f"<p><a href='/a'>{PROSE}</a></p>").css_first("p")
    short = _root("<p>Two eggs and a cup</p>").css_first("p")
    assert link_line is not None and short is not None
    assert paragraph_weight(link_line) == 0
    assert paragraph_weight(short) == len("Two eggs and a cup") // 2


def test_one_paragraph_per_nested_wrapper_grows_to_the_whole_text() -> None:
    # Each paragraph sits three wrappers deep (framework markup); the body is all of them.
    wrapped = "".join(
        f"<div class='w{i}'><div><div class='p'>{PROSE} {i}</div></div></div>" for i in range(6)
    )
    tree = _root(f"<main><section id='story'>{wrapped}</section><nav>Home</nav></main>")
    containers, _ = find_content(tree.body)  # type: ignore[arg-type]
    story = tree.css_first("#story")
    assert story is not None
    assert any(
        node.mem_id == story.mem_id or story.mem_id in {a.mem_id for a in node.css("section")}
        for node in containers
    )


def test_container_named_as_body_does_not_grow_into_distant_widgets() -> None:
    widgets = "".join(f"<div class='w'><p>Widget {i}: {PROSE}</p></div>" for i in range(6))
    body = (
        f"<main><article><section class='article-content'><p>{PROSE} 1</p><p>{PROSE} 2</p>"
        f"<p>{PROSE} 3</p></section><p class='x'>{PROSE[:30]}</p></article></main>"
        f"<div class='login'><div><div>{widgets}</div></div></div>"
    )
    tree = _root(body)
    containers, _ = find_content(tree.body)  # type: ignore[arg-type]
    assert [node.tag for node in containers] in (["section"], ["article"])


def _blocks(html: str) -> list[LexborNode]:
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    return [tree.body, *tree.body.traverse()]


LINK_PAGES = (
    '<p>Plain <b>text</b> with <a href="/a">one <a href="/b">link</a></a> and <i>more</i></p>',
    '<a href="/x"><p>inside a link</p><span>and a <a href="/y">second</a></span></a>',
    "<ul>"
    + "".join(f'<li><span><a href="/{i}">item {i}</a></span></li>' for i in range(40))
    + "</ul>",
    "<div>" + "<span><b>deep</b></span>" * 30 + '<a href="/late">late link</a></div>',
    "<p>no links <!-- <a href='/c'>comment</a> --> at all</p><svg><a><text>svg</text></a></svg>",
)


def test_links_in_and_has_link_agree_with_the_queries() -> None:
    # The Python walk must find exactly what lexbor's query finds, on small blocks and on
    # blocks past LINK_WALK_LIMIT (where the query takes over), the node itself included.
    for html in LINK_PAGES:
        for node in _blocks(html):
            expected = [a.mem_id for a in node.css("a")]
            assert [a.mem_id for a in links_in(node)] == expected, (html, node.tag)
            assert has_link(node) == bool(expected), (html, node.tag)


def test_a_block_past_the_walk_limit_still_finds_its_late_link() -> None:
    tree = LexborHTMLParser(LINK_PAGES[3])
    block = tree.css_first("div")
    assert block is not None
    assert sum(1 for _ in block.traverse()) > LINK_WALK_LIMIT
    assert has_link(block)
    assert [a.attributes.get("href") for a in links_in(block)] == ["/late"]


def test_seed_boxed_several_wrappers_deep_grows_to_the_story() -> None:
    # The longest paragraph sits in a box four levels below the story, beside a title of its
    # own (so the box is no pure wrapper); the rest of the story is in the other wrappers.
    box = (
        "<div class='box'><div class='inner'><div class='frame'>"
        "<div class='caption'>A title for the box, long enough to count</div>"
        f"<div class='text'>{PROSE} {PROSE} {PROSE} {PROSE} {PROSE}</div></div></div></div>"
    )
    rest = "".join(f"<div class='w'><div class='p'>{PROSE} {i}</div></div>" for i in range(8))
    tree = _root(f"<main><div id='story'>{box}{rest}</div><nav>Home</nav></main>")
    containers, _ = find_content(tree.body)  # type: ignore[arg-type]
    chosen = {node.mem_id for node in containers}
    paragraphs = tree.css("div.p, div.text")
    assert len(paragraphs) == 9
    assert all(is_inside(node, chosen) for node in paragraphs)


def _split_story(opening: str) -> LexborHTMLParser:
    """A story whose text is split over two layout rows: ``opening``, then the rest (five
    times longer, so the opening is too small to join as a sibling by its share)."""
    rest = "".join(f"<p>{PROSE}</p>" for _ in range(25))
    return _root(
        "<main><section class='row'><h1>The headline</h1></section>"
        f"<section class='row' id='opening'>{opening}</section>"
        f"<section class='row' id='rest'><div class='text'>{rest}</div></section>"
        "<section class='row'><p>Short note.</p></section></main>"
    )


def test_opening_paragraphs_split_off_before_the_body_join_it() -> None:
    # A lead image or an ad row between the first paragraphs and the rest of the story.
    tree = _split_story(
        "<div class='text'>" + "".join(f"<p>{PROSE}</p>" for _ in range(5)) + "</div>"
    )
    containers, _ = find_content(tree.body)  # type: ignore[arg-type]
    assert [node.id for node in containers] == ["opening", "rest"]


def test_block_before_the_body_without_sentences_stays_out() -> None:
    # A box of teaser lines (no sentence ends), as long as an opening would be.
    line = "A headline of another story about the council and its budget plans"
    tree = _split_story(
        "<div class='box'>" + "".join(f"<p>{line}</p>" for _ in range(7)) + "</div>"
    )
    containers, _ = find_content(tree.body)  # type: ignore[arg-type]
    assert [node.id for node in containers] == ["rest"]


def test_header_with_two_sentences_before_the_body_stays_out() -> None:
    # Headline, standfirst and a caption: fewer sentence paragraphs than an opening.
    tree = _split_story(
        f"<h2>Another headline of the story</h2><p>{PROSE} {PROSE}</p>"
        f"<figure><figcaption><p>{PROSE} {PROSE}</p></figcaption></figure>"
    )
    containers, _ = find_content(tree.body)  # type: ignore[arg-type]
    assert [node.id for node in containers] == ["rest"]
