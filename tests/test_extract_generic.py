"""Generic extraction end to end: the seed-style page with no config, images, status values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from scraper.extract import extract
from scraper.extract.generic import (
    extract_body,
    extract_generic,
    extract_metadata,
    is_byline,
    is_title_line,
    parse_html,
)
from scraper.models import STATUS_EMPTY, STATUS_NOT_ARTICLE, STATUS_OK, STATUS_PAYWALLED

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed"
SLUG = "north-korean-pows-seek-defection"


@pytest.fixture(scope="module")
def seed_expected() -> dict[str, object]:
    expected: dict[str, object] = json.loads(
        (SEED / f"{SLUG}.expected.json").read_text(encoding="utf-8")
    )
    return expected


@pytest.fixture(scope="module")
def seed_html() -> bytes:
    return (SEED / f"{SLUG}.html").read_bytes()


def test_seed_page_without_config(seed_html: bytes, seed_expected: dict[str, object]) -> None:
    url = str(seed_expected["url"])
    article = extract_generic(seed_html.decode("utf-8"), url)
    assert article.headline == seed_expected["headline"]
    assert article.authors == seed_expected["authors"]
    assert article.published == seed_expected["published"]
    assert (article.published or "")[:10] == seed_expected["published_day"]
    assert article.site == seed_expected["site"]
    assert article.canonical_url == seed_expected["canonical_url"]
    assert article.language == seed_expected["language"]
    assert article.tags == seed_expected["tags"]
    assert article.status == STATUS_OK
    assert article.body == seed_expected["body"]
    for banned in seed_expected["must_not_contain"]:  # type: ignore[attr-defined]
        assert banned not in article.text, banned
    images = [vars(image) for image in article.images]
    assert images == seed_expected["images"]
    assert article.extractor["path"] == "generic"
    assert article.sources["body"] == "heuristic"
    assert article.sources["published"].startswith("meta:")


def test_seed_page_through_public_extract(
    seed_html: bytes, seed_expected: dict[str, object]
) -> None:
    article = extract(seed_html, url=str(seed_expected["url"]))
    assert article.body == seed_expected["body"]
    assert "Your support keeps our team in the field" not in article.text


def test_metadata_and_body_pieces(seed_html: bytes, seed_expected: dict[str, object]) -> None:
    tree = parse_html(seed_html.decode("utf-8"))
    meta = extract_metadata(tree, None)
    assert meta.headline == seed_expected["headline"]
    assert meta.body == []
    body, images = extract_body(tree, "https://kyivledger.example/x/")
    assert body == seed_expected["body"]
    assert images[0].caption is not None


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


PARAGRAPH = (
    "This paragraph is long enough to count as prose, with commas, clauses and a full stop, "
    "so the scorer takes it as article text rather than navigation."
)


def test_images_lazy_srcset_picture_and_captions() -> None:
    body = f"""<article>
      <p>{PARAGRAPH}</p>
      <figure><img data-src="/a.jpg" src="data:image/gif;base64,AAAA" alt="A" width="800" height="600">
        <figcaption>First caption. <span class="credit">Jane Roe/AP</span></figcaption></figure>
      <p>{PARAGRAPH}</p>
      <figure><img srcset="/b-small.jpg 320w, /b-large.jpg 1280w" alt="B">
        <figcaption>Second caption (Photo: John Doe)</figcaption></figure>
      <figure><picture><source srcset="/c.webp 1x"><img alt="C"></picture>
        <figcaption>Third</figcaption></figure>
      <p>{PARAGRAPH}</p>
      <img src="/icon.png" width="16" height="16">
    </article>"""
    article = extract_generic(_page(body), "https://news.example/story/")
    urls = [image.url for image in article.images]
    assert urls == [
        "https://news.example/a.jpg",
        "https://news.example/b-large.jpg",
        "https://news.example/c.webp",
    ]
    first, second, third = article.images
    assert (first.caption, first.credit, first.alt, first.width, first.height) == (
        "First caption.",
        "Jane Roe/AP",
        "A",
        800,
        600,
    )
    assert (second.caption, second.credit) == ("Second caption", "John Doe")
    assert third.caption == "Third"


def test_lead_image_from_opengraph_comes_first() -> None:
    head = '<meta property="og:image" content="https://cdn.example/lead.jpg">'
    body = f'<article><p>{PARAGRAPH}</p><figure><img src="/other.jpg"></figure><p>{PARAGRAPH}</p></article>'
    article = extract_generic(_page(body, head), "https://news.example/s")
    assert [image.url for image in article.images] == [
        "https://cdn.example/lead.jpg",
        "https://news.example/other.jpg",
    ]


def test_listing_page_is_not_article() -> None:
    items = "".join(
        f'<li><a href="/story-{i}">Headline number {i} of the day on the home page</a></li>'
        for i in range(30)
    )
    article = extract_generic(_page(f"<h1>News</h1><ul>{items}</ul>"), "https://news.example/")
    assert article.status == STATUS_NOT_ARTICLE


def test_empty_page_is_empty() -> None:
    assert extract_generic("", None).status == STATUS_EMPTY
    assert extract_generic("<html><body>   </body></html>", None).status == STATUS_EMPTY


def test_paywalled_teaser() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Locked",'
        ' "isAccessibleForFree": false}</script>'
    )
    body = (
        f'<article><h1>Locked</h1><p>{PARAGRAPH}</p><div class="paywall">Subscribe</div></article>'
    )
    article = extract_generic(_page(body, head), "https://news.example/locked")
    assert article.status == STATUS_PAYWALLED


def test_subheads_are_paragraphs_and_h1_is_not_body() -> None:
    body = f"<article><h1>Title</h1><p>{PARAGRAPH}</p><h2>A subhead</h2><p>{PARAGRAPH} Two.</p></article>"
    article = extract_generic(_page(body), None)
    assert article.body == [PARAGRAPH, "A subhead", PARAGRAPH + " Two."]


def test_br_separated_text_without_paragraph_tags() -> None:
    body = f'<div class="post">{PARAGRAPH}<br><br>{PARAGRAPH} Second.<br>Same paragraph.</div>'
    article = extract_generic(_page(body), None)
    assert article.body == [PARAGRAPH, f"{PARAGRAPH} Second. Same paragraph."]


def test_visible_standfirst_starts_the_body() -> None:
    dek = "The council voted on Tuesday to build a bridge across the river by 2030."
    head = f'<meta property="og:description" content="{dek}">'
    body = f"<article><h1>Bridge</h1><p class='dek'><em>{dek}</em></p><div><p>{PARAGRAPH}</p></div></article>"
    article = extract_generic(_page(body, head), None)
    assert article.body[0] == dek
    assert article.body.count(dek) == 1
    hidden = extract_generic(_page(f"<article><p>{PARAGRAPH}</p></article>", head), None)
    assert dek not in hidden.body


def test_standfirst_further_down_the_body_is_not_read_twice() -> None:
    # A kicker, the title and a source line come before the dek in the text.
    dek = "The council voted on Tuesday to build a bridge across the river by 2030."
    head = f'<meta property="og:description" content="{dek}">'
    lines = "".join(f"<p>{line}</p>" for line in ("Kicker", "Source: the minutes", "Bridge"))
    body = f"<article><h1>Bridge</h1>{lines}<p>{dek}</p><p>{PARAGRAPH}</p></article>"
    article = extract_generic(_page(body, head), None)
    assert article.body.count(dek) == 1
    assert article.body[-2:] == [dek, PARAGRAPH]


def test_description_only_in_a_script_is_no_standfirst() -> None:
    dek = "The council voted on Tuesday to build a bridge across the river by 2030."
    head = f'<meta property="og:description" content="{dek}">'
    state = json.dumps({"article": {"description": dek}})
    body = f"<article><h1>Bridge</h1><p>{PARAGRAPH}</p></article><script>var s = {state};</script>"
    assert extract_generic(_page(body, head), None).body == [PARAGRAPH]


def test_standfirst_with_typed_quotes_matches_the_page_once() -> None:
    dek = "The council's vote on Tuesday means a bridge across the river by 2030."
    shown = dek.replace("'", "’")
    head = f'<meta property="og:description" content="{dek}">'
    # Shown in a page header that is not read as the body.
    visible = f"<header><p class='dek'>{shown}</p></header><article><p>{PARAGRAPH}</p></article>"
    assert extract_generic(_page(visible, head), None).body == [dek, PARAGRAPH]
    in_text = f"<article><h1>Bridge</h1><p>{shown}</p><p>{PARAGRAPH}</p></article>"
    assert extract_generic(_page(in_text, head), None).body == [shown, PARAGRAPH]


def test_teaser_cards_wrapped_in_links_are_not_body() -> None:
    cards = "".join(
        f'<a href="/other-{i}"><div><h3>Other story {i}</h3><p>{PARAGRAPH}</p></div></a>'
        for i in range(4)
    )
    body = f"<article><div class='text'><p>{PARAGRAPH} One.</p><p>{PARAGRAPH} Two.</p></div>{cards}</article>"
    article = extract_generic(_page(body), None)
    assert article.body == [f"{PARAGRAPH} One.", f"{PARAGRAPH} Two."]


def test_script_rendered_page_falls_back_to_jsonld_article_body() -> None:
    text = "\n".join(f"Paragraph {i}: {PARAGRAPH}" for i in range(6))
    head = _page("", "").replace("<html><head></head><body></body></html>", "")
    ld = json.dumps({"@type": "NewsArticle", "headline": "Rendered", "articleBody": text})
    html = f'<html><head><script type="application/ld+json">{ld}</script>{head}</head><body><div id="app">Loading</div></body></html>'
    article = extract_generic(html, None)
    assert article.body == text.split("\n")
    assert article.sources["body"] == "jsonld"


def test_infinite_scroll_page_stops_at_the_first_story() -> None:
    first = [f"First story, part {i}: {PARAGRAPH}" for i in range(2)]
    second = [f"Second story, part {i}: {PARAGRAPH}" for i in range(5)]
    body = (
        "<main><article><h1>First</h1><div class='text'>"
        + "".join(f"<p>{p}</p>" for p in first)
        + "</div></article><div class='next'><article><h1>Second</h1><div class='text'>"
        + "".join(f"<p>{p}</p>" for p in second)
        + "</div></article></div></main>"
    )
    assert extract_generic(_page(body), None).body == first


def test_sections_written_as_articles_without_headlines_stay_one_body() -> None:
    parts = [f"Section {i}: {PARAGRAPH}" for i in range(4)]
    body = "<main><h1>Guide</h1>" + "".join(f"<article><p>{p}</p></article>" for p in parts)
    assert extract_generic(_page(body + "</main>"), None).body == parts


def test_long_comment_thread_is_not_body_even_when_it_outweighs_the_article() -> None:
    story = [f"Story {i}: {PARAGRAPH}" for i in range(2)]
    comments = "".join(f"<li><p>Comment {i}: {PARAGRAPH}</p></li>" for i in range(3))
    body = (
        "<div class='page'><div class='text'>"
        + "".join(f"<p>{p}</p>" for p in story)
        + f"</div><ul class='comments-list'>{comments}</ul></div>"
    )
    assert extract_generic(_page(body), None).body == story


def test_large_cookie_consent_dialog_is_not_body() -> None:
    story = [f"Story {i}: {PARAGRAPH}" for i in range(2)]
    notice = "".join(f"<p>Cookie purpose {i}: {PARAGRAPH}</p>" for i in range(3))
    body = (
        "<div class='text'>"
        + "".join(f"<p>{p}</p>" for p in story)
        + f"</div><div id='onetrust-consent-sdk'><div>{notice}</div></div>"
    )
    assert extract_generic(_page(body), None).body == story


def test_river_of_teaser_cards_beside_the_body_is_not_body() -> None:
    story = [f"Story {i}: {PARAGRAPH}" for i in range(4)]
    cards = "".join(
        f"<div class='card'><h3><a href='/other-{i}'>Other story {i}</a></h3>"
        f"<p>Excerpt {i}: {PARAGRAPH}</p></div>"
        for i in range(6)
    )
    body = (
        "<div class='page'><div class='text'>"
        + "".join(f"<p>{p}</p>" for p in story)
        + f"</div><div class='river'>{cards}</div></div>"
    )
    assert extract_generic(_page(body), None).body == story


def test_sections_under_linked_subheads_stay_when_they_are_long() -> None:
    sections = [(f"Section {i}", f"{PARAGRAPH} {PARAGRAPH} {PARAGRAPH}") for i in range(3)]
    body = "<article><h1>Guide</h1>" + "".join(
        f"<div><h2><a href='#s{i}'>{title}</a></h2><p>{text}</p></div>"
        for i, (title, text) in enumerate(sections)
    )
    article = extract_generic(_page(body + "</article>"), None)
    # The subheads themselves are all link text, which the reader drops as navigation.
    assert article.body == [text for _, text in sections]


def test_captions_marked_by_class_belong_to_images_not_body() -> None:
    story = [f"Story {i}: {PARAGRAPH}" for i in range(3)]
    caption = "Board members (left to right): Ann Lee, Bo Park, Cy Diaz, Di Ono, Ed Fox"
    body = f"""<article><div class='text'>
      <div class="wp-caption alignnone"><a href="/big.jpg"><img src="/board.jpg" width="800"
        height="600" alt=""></a><p class="wp-caption-text">{caption}</p></div>
      <p>{story[0]}</p>
      <p>{story[1]}</p>
      <figure><img src="/hall.jpg"></figure><p class="image-credit">Photo: Jane Roe for Example</p>
      <p>{story[2]}</p></div></article>"""
    article = extract_generic(_page(body), "https://news.example/story/")
    assert article.body == story
    assert [(image.url, image.caption) for image in article.images] == [
        ("https://news.example/board.jpg", caption),
        ("https://news.example/hall.jpg", None),
    ]


def test_figure_inside_a_list_item_leaves_its_caption_to_the_image() -> None:
    steps = [f"Step {i}: {PARAGRAPH}" for i in range(3)]
    items = "".join(
        f"<li>{step}<figure><img src='/s{i}.jpg'><figcaption>Step photo {i}</figcaption>"
        "</figure></li>"
        for i, step in enumerate(steps)
    )
    table = (
        "<figure class='wp-block-table'><table><tr><td>Fee</td><td>1.5%</td></tr></table></figure>"
    )
    article = extract_generic(_page(f"<article><ol>{items}</ol>{table}</article>"), None)
    assert article.body == steps
    assert [image.caption for image in article.images] == [f"Step photo {i}" for i in range(3)]


def test_gallery_captions_are_the_text_when_they_hold_most_of_it() -> None:
    intro = f"Intro: {PARAGRAPH}"
    captions = [f"Costume {i}: {PARAGRAPH}" for i in range(4)]
    slides = "".join(
        f"<figure><img src='/c{i}.jpg'><figcaption><p>{text}</p></figcaption></figure>"
        for i, text in enumerate(captions)
    )
    body = f"<article><div class='intro'><p>{intro}</p></div><div class='slides'>{slides}</div></article>"
    assert extract_generic(_page(body), None).body == [intro, *captions]


def test_description_that_is_the_page_title_is_no_standfirst() -> None:
    headline = "Firefighters to retire later under the new plan"
    head = (
        f"<meta property='og:title' content='{headline}'>"
        f"<meta name='description' content='{headline} | city news'>"
    )
    prose = "The council wants firefighters to work two more years before they retire. " * 3
    html = _page(
        f"<article><h1>{headline}</h1><p>{headline} | city news</p><p>{prose}</p>"
        f"<p>{prose}</p></article>",
        head,
    )
    body = extract_generic(html, "https://example.org/a").body
    assert body == [prose.strip(), prose.strip()]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Firefighters to retire later under the new plan", True),
        ("Firefighters to retire later under the new plan | city news", True),
        ("Firefighters to retire later under the new plan – Politik", True),
        ("Firefighters to retire later under the new plan, the council said on Monday", False),
        ("Brexit: what happens next for the ports", False),
    ],
)
def test_title_lines(text: str, expected: bool) -> None:
    headline = (
        "Brexit" if text.startswith("Brexit") else "Firefighters to retire later under the new plan"
    )
    assert is_title_line(text, headline) is expected


SECOND = (
    "A second paragraph follows with more to say about the council, its budget and the bridge, "
    "long enough again to be read as prose."
)


def test_byline_read_with_the_text_is_not_body() -> None:
    head = "<meta name='author' content='Jane Roe'>"
    html = _page(
        f"<article><h1>Budget</h1><p>JANE ROE</p><p>{PARAGRAPH}</p><p>{SECOND}</p>"
        "<p>By Jane Roe</p></article>",
        head,
    )
    article = extract_generic(html, "https://example.org/a")
    assert article.authors == ["Jane Roe"]
    assert article.body == [PARAGRAPH, SECOND]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Von Jane Roe, Frankfurt", True),  # a place beside the name
        ("Jane Roe/John Doe", True),
        ("JANE ROE and John Doe", True),
        ("Example News (jr)", True),  # the site's name and the author's initials
        ("Example News / Wire Agency", True),
        ("Jane Roe, Senior Political Correspondent at large", False),  # more than a place
        ("Jane Roe reported from the council chamber.", False),
        ("Who is Jane Roe?", False),
        ("Frankfurt", False),  # no name of the article's authors or site
    ],
)
def test_byline_lines(text: str, expected: bool) -> None:
    assert is_byline(text, {"jane roe", "john doe", "example news"}) is expected


def test_byline_after_the_standfirst_and_closing_credit_are_not_body() -> None:
    head = "<meta name='author' content='Jane Roe'><meta property='og:site_name' content='Example News'>"
    html = _page(
        f"<article><h1>Budget</h1><p>The council cuts its budget for the bridge.</p>"
        f"<p>Von Jane Roe, Frankfurt</p><p>{PARAGRAPH}</p><p>{SECOND}</p>"
        "<p>Example News (jr)</p></article>",
        head,
    )
    article = extract_generic(html, "https://example.org/a")
    assert article.body == ["The council cuts its budget for the bridge.", PARAGRAPH, SECOND]


def test_author_named_in_a_sentence_stays() -> None:
    head = "<meta name='author' content='Jane Roe'>"
    closing = "Jane Roe reported from the council chamber."
    html = _page(f"<article><h1>Budget</h1><p>{PARAGRAPH}</p><p>{closing}</p></article>", head)
    assert extract_generic(html, "https://example.org/a").body == [PARAGRAPH, closing]


def test_description_that_repeats_the_opening_paragraph_is_no_standfirst() -> None:
    # An automatic excerpt: a label shown before the text, then the first paragraph.
    head = f"<meta name='description' content='Court today {PARAGRAPH}'>"
    html = _page(
        f"<article><h1>Budget</h1><div>Court today </div><p>{PARAGRAPH}</p><p>{SECOND}</p>"
        "</article>",
        head,
    )
    assert extract_generic(html, "https://example.org/a").body == [PARAGRAPH, SECOND]
