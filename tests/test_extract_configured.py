"""Tests for scraper.extract.configured: applying a site config, and every embedded config test."""

from __future__ import annotations

import importlib
import tomllib
from pathlib import Path

import pytest

from scraper.extract import extract
from scraper.extract.configured import extract_with_config
from scraper.extract.site_tests import run_site_test
from scraper.models import Article
from scraper.sites import SiteConfig, config_files, load_config, parse_config

# ``scraper.extract`` the attribute is the extract() function, so go through sys.modules.
generic_module = importlib.import_module("scraper.extract.generic")

PAGE = """<!doctype html><html lang="en-GB"><head>
<title>Moon found to be far away | Example Times</title>
<meta property="og:title" content="Moon far away (og)">
<meta property="article:published_time" content="2024-03-01T10:00:00+01:00">
<meta name="author" content="Meta Author">
<link rel="canonical" href="/2024/03/moon">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Example Times"},
  {"@type": "NewsArticle", "headline": "Moon &amp; Sun: a JSON-LD headline",
   "datePublished": "2024-02-29T23:30:00Z",
   "author": [{"@type": "Person", "name": "Ada Lovelace"}, {"@type": "Person", "name": "Alan Turing"}],
   "articleBody": "First line of the JSON body.\\nSecond line of the JSON body."}
]}
</script></head><body>
<header><h1 class="headline">The Moon is far away</h1>
<p class="dek">Scientists measured it again.</p>
<span class="byline"><a rel="author">Grace Hopper</a></span>
<time datetime="2024-03-02T08:00:00Z">2 March</time></header>
<figure class="lead"><img src="/img/moon.jpg" alt="The Moon" width="800" height="600">
<figcaption><span class="text">A full moon.</span> <span class="credit">Photo: NASA</span></figcaption></figure>
<div class="story">
  <p>The Moon is about 384,400 km from Earth.</p>
  <aside class="newsletter"><p>Our partners: the Moon Shop.</p></aside>
  <h2>How it was measured</h2>
  <blockquote><p>It is far, said one.</p><p>Very far, said another.</p></blockquote>
  <p>Lasers were used.<br>Mirrors too.</p>
  <p>Fun fact: Mars is red</p>
  <ul><li>Apollo 11</li><li>Apollo 14</li></ul>
</div>
<div class="related"><p>Other stories</p></div>
</body></html>"""

BASE = """
[site]
name = "Example Times"
hosts = ["example.com"]
"""


def config_from(text: str) -> SiteConfig:
    return parse_config(tomllib.loads(BASE + text), Path("selectors/example.com.toml"))


def run(text: str, page: str = PAGE) -> Article:
    return extract_with_config(page, "https://example.com/2024/03/moon", config_from(text))


def test_css_text_and_attribute_fallbacks_record_sources() -> None:
    article = run(
        """
[fields]
headline = ["h1.missing", "h1.headline"]
published = ["time@datetime"]
authors = [".byline a[rel=author]"]
subheadline = ["p.dek"]
body = ["div.story"]
"""
    )
    assert article.headline == "The Moon is far away"
    assert article.published is not None and article.published.startswith("2024-03-02T08:00")
    assert article.authors == ["Grace Hopper"]
    assert article.subheadline == "Scientists measured it again."
    assert article.sources["headline"] == "selector:h1.headline"
    assert article.sources["published"] == "selector:time@datetime"
    assert article.sources["body"] == "selector:div.story"


def test_jsonld_paths_through_graph_and_lists() -> None:
    article = run(
        """
[fields]
headline = ["jsonld:headline"]
published = ["jsonld:datePublished"]
authors = ["jsonld:author.name"]
body = ["jsonld:articleBody"]
"""
    )
    assert article.headline == "Moon & Sun: a JSON-LD headline"
    assert article.published is not None and article.published.startswith("2024-02-29T23:30")
    assert article.authors == ["Ada Lovelace", "Alan Turing"]
    assert article.body == ["First line of the JSON body.", "Second line of the JSON body."]
    assert article.sources["headline"] == "jsonld" and article.sources["body"] == "jsonld"


def test_meta_fallback_and_defaults_for_unconfigured_fields() -> None:
    article = run('[fields]\nheadline = ["meta:og:title"]\nbody = ["div.story"]\n')
    assert article.headline == "Moon far away (og)"
    assert article.sources["headline"] == "meta:og:title"
    # Not configured: built-in defaults read JSON-LD, the canonical link and <html lang>.
    assert article.published is not None and article.published.startswith("2024-02-29")
    assert article.sources["published"] == "jsonld"
    assert article.canonical_url == "https://example.com/2024/03/moon"
    assert article.language == "en-GB"
    assert article.site == "Example Times"


def test_paragraph_rules_innermost_br_and_lists() -> None:
    article = run('[fields]\nbody = ["div.story"]\nstrip = [".newsletter"]\n')
    assert article.body == [
        "The Moon is about 384,400 km from Earth.",
        "How it was measured",
        "It is far, said one.",
        "Very far, said another.",
        "Lasers were used.",
        "Mirrors too.",
        "Fun fact: Mars is red",
        "Apollo 11",
        "Apollo 14",
    ]


def test_drop_cap_outside_the_paragraph_is_joined() -> None:
    page = PAGE.replace(
        "<p>The Moon is about", "<span class='x1'>T</span><p><a href='/m'>he</a> Moon is about"
    )
    article = run('[fields]\nbody = ["div.story"]\nparagraphs = "p"\n', page)
    assert article.body[0] == "The Moon is about 384,400 km from Earth."


def test_strip_and_drop_paragraphs() -> None:
    without = run('[fields]\nbody = ["div.story"]\n')
    assert "Our partners: the Moon Shop." in without.body
    article = run(
        """
[fields]
body = ["div.story"]
paragraphs = "p, h2"
strip = ["aside.newsletter", "blockquote"]
drop_paragraphs = ['^Fun fact:']
"""
    )
    assert article.body == [
        "The Moon is about 384,400 km from Earth.",
        "How it was measured",
        "Lasers were used.",
        "Mirrors too.",
    ]


def test_body_selector_may_select_paragraphs_directly() -> None:
    article = run('[fields]\nbody = ["p.dek, div.story > p"]\n')
    assert article.body[0] == "Scientists measured it again."
    assert article.body[1] == "The Moon is about 384,400 km from Earth."
    assert "Apollo 11" not in article.body


def test_images_with_caption_and_credit() -> None:
    article = run(
        """
[fields]
body = ["div.story"]
images = ["figure.lead"]
image_caption = ["figcaption .text"]
image_credit = ["figcaption .credit"]
"""
    )
    [image] = article.images
    assert image.url == "https://example.com/img/moon.jpg"
    # The credit element says "Photo: NASA": the label is not part of the credit.
    assert (image.caption, image.credit, image.alt) == ("A full moon.", "NASA", "The Moon")
    assert (image.width, image.height) == (800, 600)
    assert article.sources["images"] == "selector:figure.lead"


LAYOUTS = """
[fields]
headline = ["h1"]
body = ["div.old-story"]

[[layouts]]
name = "2023"
valid_until = 2023-12-31
[layouts.fields]
body = ["div.story"]
paragraphs = "h2"

[[layouts]]
name = "2024"
valid_from = 2024-01-01
[layouts.fields]
body = ["div.story"]
"""


def test_dated_layouts_follow_the_publication_date() -> None:
    article = run(LAYOUTS)  # JSON-LD says 2024-02-29
    assert article.extractor["layout"] == "2024"
    assert article.body[0].startswith("The Moon is about")
    older = PAGE.replace("2024-02-29T23:30:00Z", "2023-05-01T10:00:00Z")
    assert run(LAYOUTS, older).extractor["layout"] == "2023"
    assert run(LAYOUTS, older).body == ["How it was measured"]


def test_first_layout_whose_body_matches_wins() -> None:
    text = """
[fields]
body = ["div.story"]

[[layouts]]
name = "redesign"
[layouts.fields]
body = ["main article .text"]
"""
    article = run(text)
    assert article.extractor["layout"] == "default"
    redesigned = PAGE.replace('<div class="story">', '<main><article><div class="text">').replace(
        '<div class="related">', '</main></article><div class="related">'
    )
    assert run(text, redesigned).extractor["layout"] == "redesign"


def test_extractor_record(tmp_path: Path) -> None:
    path = tmp_path / "example.com.toml"
    path.write_text(BASE + '[fields]\nbody = ["div.story"]\n', encoding="utf-8")
    config = load_config(path)
    article = extract(PAGE, url="https://example.com/x", config=config)
    assert article.extractor["path"] == "config"
    assert article.extractor["config"] == "Example Times"
    assert article.extractor["layout"] == "default"
    assert len(article.extractor["config_hash"]) == 12
    assert article.extractor["version"]


def test_generic_runs_only_when_a_field_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def fake_generic(text: str, url: str | None) -> Article:
        calls.append(text)
        return Article(url=url, body=["Generic body paragraph."], sources={"body": "heuristic"})

    monkeypatch.setattr(generic_module, "extract_generic", fake_generic)
    found = run('[fields]\nbody = ["div.story"]\n')
    assert calls == [] and found.body[0].startswith("The Moon")
    missing = run('[fields]\nbody = ["div.nothing-here"]\n')
    assert len(calls) == 1
    assert missing.body == ["Generic body paragraph."]
    assert missing.sources["body"] == "generic:heuristic"


def test_empty_page_is_marked_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(generic_module, "extract_generic", lambda text, url: Article(url=url))
    article = run('[fields]\nbody = ["div.story"]\n', "<html><body><p>x</p></body></html>")
    assert article.body == [] and article.status == "empty"


def test_publisher_name_is_never_an_author() -> None:
    page = PAGE.replace("Grace Hopper", "Example Times")
    article = run('[fields]\nauthors = [".byline a"]\nbody = ["div.story"]\n', page)
    # The byline credits the publisher: the people the page's JSON-LD names are read instead.
    assert article.authors == ["Ada Lovelace", "Alan Turing"]
    assert article.sources["authors"].startswith("generic:")
    alone = page.replace('"author": [{"@type": "Person", "name": "Ada Lovelace"}, ', "").replace(
        ', {"@type": "Person", "name": "Alan Turing"}]', ""
    )
    alone = alone.replace('<meta name="author" content="Meta Author">', "")
    article = run('[fields]\nauthors = [".byline a"]\nbody = ["div.story"]\n', alone)
    assert article.authors == [] and "authors" not in article.sources


def test_run_site_test_reports_each_difference(tmp_path: Path) -> None:
    (tmp_path / "fixtures").mkdir()
    (tmp_path / "fixtures" / "moon.html").write_text(PAGE, encoding="utf-8")
    folder = tmp_path / "selectors"
    folder.mkdir()
    (folder / "example.com.toml").write_text(
        BASE
        + '[fields]\nheadline = ["h1"]\nbody = ["div.story"]\n'
        + "[[tests]]\nfixture = 'fixtures/moon.html'\nheadline = 'Wrong'\n"
        + "published = '2024-02-29'\nbody_contains = ['384,400 km', 'not in the page']\n"
        + "body_excludes = ['Other stories']\nparagraphs = 3\nimages = 1\n",
        encoding="utf-8",
    )
    config = load_config(folder / "example.com.toml")
    problems = run_site_test(config, config.tests[0])
    assert problems == [
        "headline: expected 'Wrong', got 'The Moon is far away'",
        "images: expected 1, got 0",
        "body_contains: missing 'not in the page'",
        "paragraphs: expected 3, got 10",
    ]


@pytest.mark.parametrize("path", config_files(), ids=lambda p: p.stem)
def test_embedded_config_tests(path: Path) -> None:
    """Every [[tests]] case of every selectors/*.toml passes (a broken config fails CI)."""
    config = load_config(path)
    for i, case in enumerate(config.tests):
        assert case.fixture.is_file(), f"{path.name} tests[{i}]: missing {case.fixture}"
        problems = run_site_test(config, case)
        assert not problems, f"{path.name} tests[{i}]: " + "; ".join(problems)
        # A case must say where its page came from and check both what the body must and
        # must not contain, or it cannot catch a config that silently lets boilerplate in.
        sources = (case.fixture.parent / "SOURCES.md").read_text(encoding="utf-8")
        assert case.url and case.url in sources, f"{path.name} tests[{i}]: URL not in SOURCES.md"
        assert case.fixture.name in sources, f"{path.name} tests[{i}]: fixture not in SOURCES.md"
        assert case.body_contains and case.body_excludes, f"{path.name} tests[{i}]: snippets"


def test_missing_headline_comes_from_generic_metadata(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_generic(text: str, url: str | None) -> Article:
        raise AssertionError("the body was found: the full generic extractor must not run")

    monkeypatch.setattr(generic_module, "extract_generic", no_generic)
    page = "<html><head><title>Only in the title tag</title></head><body><div class='story'><p>Body text of the page.</p></div></body></html>"
    article = run('[fields]\nbody = ["div.story"]\n', page)
    assert article.headline == "Only in the title tag"
    assert article.sources["headline"] not in ("", None)
    assert article.body == ["Body text of the page."]


def test_image_url_attribute_and_picture_sources() -> None:
    page = PAGE.replace(
        '<div class="related">',
        '<div class="gallery"><div class="slide"><img src="data:image/gif;base64,R0lG" '
        'data-lazy-url="/img/slide1.jpg"><p class="cap">Slide one</p></div>'
        '<picture class="pic"><source srcset="/img/pic-640.jpg 640w, /img/pic-1280.jpg 1280w">'
        '</picture></div><div class="related">',
    )
    article = run(
        '[fields]\nbody = ["div.story"]\n'
        'images = ["div.gallery div.slide, div.gallery picture@data-lazy-url"]\n'
        'image_caption = [".cap"]\n',
        page,
    )
    assert [(i.url, i.caption) for i in article.images] == [
        ("https://example.com/img/slide1.jpg", "Slide one"),
        ("https://example.com/img/pic-640.jpg", None),
    ]


# ---------------------------------------------------------------- cleaning rules of a config

STORY = """<!doctype html><html><head>
<meta property="og:title" content="Lasers reach the Moon-Scienceㅣ Example Times">
<script type="application/ld+json">
{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Moon Media"},
 "author": [{"@type": "Organization", "name": "Moon Media Newsroom"}]}
</script></head><body>
<h1 class="headline"><span class="kicker">Space</span>Lasers reach the Moon</h1>
<div class="meta"><span class="by">Reported by</span> Grace Hopper/Ada Lovelace</div>
<figure><img src="/laser.jpg"><figcaption>A laser beam. <em class="credit">Photo: ESO</em>
</figcaption></figure>
<div class="story">
  <p><strong>Grace Hopper</strong></p>
  <p>Lasers were fired at the Moon on Monday.</p>
  <p><strong>How it works</strong></p>
  <p>Mirrors left by Apollo crews send the light back.</p>
  <p class="dateline" data-filed="2024-03-02">Filed from Houston on 2 March 2024</p>
</div></body></html>"""


def run_story(fields: str) -> Article:
    return run("[fields]\nbody = ['div.story']\n" + fields, STORY)


def test_exclude_leaves_descendants_out_of_a_field() -> None:
    plain = run_story("headline = ['h1.headline']\n")
    assert plain.headline == "SpaceLasers reach the Moon"  # the kicker runs into the headline
    article = run_story(
        "headline = ['h1.headline']\n"
        "authors = ['div.meta']\n"
        "images = ['figure']\n"
        "exclude = { headline = ['span.kicker'], authors = ['.by'], image_caption = ['.credit'] }\n"
        "image_credit = ['figcaption .credit']\n"
    )
    assert article.headline == "Lasers reach the Moon"
    assert article.sources["headline"] == "selector:h1.headline"
    assert article.authors == ["Grace Hopper", "Ada Lovelace"]
    [image] = article.images
    assert (image.caption, image.credit) == ("A laser beam.", "ESO")  # label "Photo:" dropped


def test_exclude_applies_to_the_matches_descendants_only() -> None:
    # The selector of the field itself matches a span: it is read, its descendants are not.
    article = run_story("headline = ['h1 span.kicker']\nexclude = { headline = ['span'] }\n")
    assert article.headline == "Space"


def test_strip_fields_removes_the_byline_paragraph_from_the_body() -> None:
    byline = "authors = ['div.story > p:first-child > strong:only-child']\n"
    kept = run_story(byline)
    assert kept.authors == ["Grace Hopper"] and kept.body[0] == "Grace Hopper"
    assert kept.body[-1] == "Filed from Houston on 2 March 2024"
    article = run_story(
        byline + "strip_fields = ['authors', 'published']\npublished = ['p.dateline@data-filed']\n"
    )
    assert article.authors == ["Grace Hopper"]
    assert article.published is not None and article.published.startswith("2024-03-02")
    # The byline and the dateline are gone; the bold subhead, which looks the same, stays.
    assert article.body == [
        "Lasers were fired at the Moon on Monday.",
        "How it works",
        "Mirrors left by Apollo crews send the light back.",
    ]


def test_strip_fields_removes_nothing_for_a_value_from_metadata() -> None:
    fields = "headline = ['h1.missing', 'meta:og:title']\nstrip_fields = ['headline']\n"
    article = run_story(fields)
    assert article.sources["headline"] == "meta:og:title"
    assert article.body[0] == "Grace Hopper"  # the byline stays: no node gave the headline


def test_headline_strip_removes_a_house_suffix() -> None:
    fields = "headline = ['meta:og:title']\n"
    assert run_story(fields).headline == "Lasers reach the Moon-Scienceㅣ Example Times"
    article = run_story(fields + "headline_strip = ['-[^-ㅣ]*ㅣ\\s*Example Times$']\n")
    assert article.headline == "Lasers reach the Moon"


def test_publisher_credits_from_jsonld_are_no_authors() -> None:
    # JSON-LD credits "Moon Media Newsroom": its publisher is "Moon Media", not a person.
    assert run_story("authors = ['jsonld:author.name']\n").authors == []
    page = STORY.replace("Moon Media Newsroom", "Grace Hopper, MOON MEDIA LONDON")
    article = run("[fields]\nbody = ['div.story']\nauthors = ['jsonld:author.name']\n", page)
    assert article.authors == ["Grace Hopper"]


# ---------------------------------------------------------------- choosing a layout

DATED = """
[fields]
body = ["div.nothing"]

[[layouts]]
name = "story-2023"
valid_until = 2023-12-31
[layouts.fields]
body = ["div.story"]
paragraphs = "h2"

[[layouts]]
name = "main-2024"
valid_from = 2024-01-01
[layouts.fields]
body = ["main .text"]
"""


def test_a_layout_outside_its_dates_is_skipped_even_when_its_body_matches() -> None:
    # JSON-LD says 2024-02-29: story-2023 would find the body but is out of date; main-2024
    # finds nothing, so the first layout valid on that day is used and the body is generic.
    article = run(DATED)
    assert article.extractor["layout"] == "main-2024"
    assert article.sources["body"].startswith("generic:")
    assert "The Moon is about 384,400 km from Earth." in article.body


def test_an_unknown_date_excludes_no_layout() -> None:
    undated = (
        PAGE.replace('"datePublished": "2024-02-29T23:30:00Z",', "")
        .replace('<meta property="article:published_time" content="2024-03-01T10:00:00+01:00">', "")
        .replace('<time datetime="2024-03-02T08:00:00Z">2 March</time>', "")
    )
    article = run(DATED, undated)
    assert article.extractor["layout"] == "story-2023"
    assert article.body == ["How it was measured"]
    assert article.sources["body"] == "selector:div.story"


def test_config_that_finds_no_body_falls_back_to_generic_and_says_so() -> None:
    page = (
        "<html><head><title>Tides explained</title></head><body><div class='page'>"
        "<h1>Tides explained</h1>"
        "<p>The Moon pulls the oceans toward it, and the water rises on the near side.</p>"
        "<p>On the far side the Earth is pulled away from the water, so it rises there too.</p>"
        "<p>That is why most coasts see two high tides a day, a little over twelve hours apart.</p>"
        "</div></body></html>"
    )
    article = run('[fields]\nheadline = ["h1"]\nbody = ["div.story"]\n', page)
    assert article.extractor["path"] == "config" and article.extractor["layout"] == "default"
    assert article.sources["headline"] == "selector:h1"
    assert article.sources["body"].startswith("generic:"), article.sources
    assert article.body[0].startswith("The Moon pulls the oceans")
    assert article.body[-1].startswith("That is why most coasts")


def test_strip_fields_and_strip_may_name_the_same_node() -> None:
    # The byline is both a strip match and the node two fields were read from.
    article = run_story(
        "authors = ['div.story > p:first-child']\nsubheadline = ['div.story > p:first-child']\n"
        "strip_fields = ['authors', 'subheadline']\nstrip = ['div.story > p:first-child']\n"
    )
    assert article.authors == ["Grace Hopper"] and article.subheadline == "Grace Hopper"
    assert article.body[0] == "Lasers were fired at the Moon on Monday."


# ---------------------------------------------------------------- deferring to the generic rules

#: A US story filed in the evening: JSON-LD gives the UTC day (the 29th), the page shows the 28th
#: under the headline; the date line sits in a box the config strips from the body.
EVENING = """<html><head>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Late vote",
 "datePublished": "2024-02-29T02:25:36+00:00", "author": {"@type": "Person", "name": "Mia Wong"}}
</script></head><body><div class="page"><main><article>
<h1>Late vote passes</h1>
<div class="meta"><span class="byline">By Mia Wong</span> February 28, 2024 9:25 pm</div>
<div class="story"><p>The vote passed late in the evening, after a long debate.</p></div>
</article></main></div></body></html>"""


def run_evening(fields: str, page: str = EVENING) -> Article:
    config = config_from(f'[fields]\nbody = ["div.story"]\nstrip = [".meta"]\n{fields}')
    return extract_with_config(page, "https://example.com/politics/late-vote", config)


def test_a_metadata_date_meets_the_generic_date_rules() -> None:
    article = run_evening('published = ["jsonld:datePublished"]\n')
    assert article.published is not None and article.published.startswith("2024-02-28")
    assert article.sources["published"] == "generic:heuristic"
    assert article.body == ["The vote passed late in the evening, after a long debate."]


def test_a_metadata_date_on_the_shown_day_stands() -> None:
    page = EVENING.replace("February 28, 2024 9:25 pm", "February 29, 2024 2:25 am")
    article = run_evening('published = ["jsonld:datePublished"]\n', page)
    assert article.published == "2024-02-29T02:25:36+00:00"
    assert article.sources["published"] == "jsonld"


def test_a_date_read_with_a_selector_stands() -> None:
    page = EVENING.replace("</article>", '<time datetime="2024-02-29T02:25:36Z">x</time></article>')
    article = run_evening('published = ["article time@datetime"]\n', page)
    assert article.published is not None and article.published.startswith("2024-02-29")
    assert article.sources["published"] == "selector:article time@datetime"


def test_a_date_line_the_config_strips_still_dates_the_page() -> None:
    # No metadata date: the generic rules read the date line before ``strip`` removes it.
    page = EVENING.replace('"datePublished": "2024-02-29T02:25:36+00:00", ', "")
    article = run_evening('published = ["time@datetime"]\n', page)
    assert article.published is not None and article.published.startswith("2024-02-28")
    assert article.sources["published"].startswith("generic:")


def test_authors_the_config_misses_come_from_the_generic_metadata_and_bylines() -> None:
    page = EVENING.replace('"author": {"@type": "Person", "name": "Mia Wong"}', '"x": 1')
    labelled = "<ul><li><strong>Autor</strong> Mia Wong</li></ul>"
    page = page.replace('<span class="byline">By Mia Wong</span>', labelled)
    article = run_evening('authors = [".no-byline-here"]\n', page)
    assert article.authors == ["Mia Wong"]
    assert article.sources["authors"] == "generic:heuristic"
    meta = EVENING.replace("</script>", '</script><meta name="author" content="Ben Ode">')
    meta = meta.replace('"author": {"@type": "Person", "name": "Mia Wong"}', '"x": 1')
    article = run_evening('authors = [".no-byline-here"]\n', meta)
    assert article.authors == ["Ben Ode"] and article.sources["authors"] == "generic:meta:author"


def test_a_teasers_byline_class_is_no_author() -> None:
    # The article names nobody; a teaser below it has a byline class the generic rules know.
    teaser = '<div class="teaser"><a href="/other"><h3>Other story</h3><span class="author-name">Von Andreas Hoffmann</span></a></div>'
    page = EVENING.replace('"author": {"@type": "Person", "name": "Mia Wong"}', '"x": 1')
    page = page.replace('<span class="byline">By Mia Wong</span>', "").replace(
        "</article>", f"</article>{teaser}"
    )
    article = run_evening('authors = [".no-byline-here"]\n', page)
    assert article.authors == [] and "authors" not in article.sources


# ---------------------------------------------------------------- paragraph_breaks

#: Text written straight into the container, paragraphs separated by empty spans, an ad slot
#: and a list (the markup of some large news sites).
RUN_ON = """<html><body><h1>Floods</h1><div class="text">RIVERTOWN: The river rose overnight.
<span class="br"></span>Schools stayed <b>closed</b> on Monday.<div class="ad"><p>Buy now</p></div>Roads
reopened by noon.<br>Two bridges remain shut.<span class="br"></span><span class="sub">What
comes next</span><span class="br"></span><ul><li>More rain on Tuesday</li><li>Dry by Friday</li></ul>
</div></body></html>"""
RUN_ON_CONFIG = '[fields]\nbody = ["div.text"]\nparagraphs = "div.text"\nstrip = [".ad"]\n'


def test_paragraph_breaks_split_text_written_into_the_container() -> None:
    breaks = 'paragraph_breaks = ["span.br", "div", "li"]\n'
    article = run(RUN_ON_CONFIG + breaks, RUN_ON)
    assert article.body == [
        "RIVERTOWN: The river rose overnight.",
        "Schools stayed closed on Monday.",
        # the stripped ad slot still separated these two
        "Roads reopened by noon.",
        "Two bridges remain shut.",
        "What comes next",
        "More rain on Tuesday",
        "Dry by Friday",
    ]


def test_without_paragraph_breaks_only_br_splits() -> None:
    article = run(RUN_ON_CONFIG, RUN_ON)
    assert article.body == [
        "RIVERTOWN: The river rose overnight. Schools stayed closed on Monday.Roads reopened by noon.",
        # no space in the markup between the pieces: they run together
        "Two bridges remain shut.What comes nextMore rain on TuesdayDry by Friday",
    ]


def test_paragraph_breaks_apply_inside_paragraph_matches() -> None:
    page = (
        '<html><body><div class="story"><p>One.<span class="br"></span>Two.</p></div></body></html>'
    )
    article = run('[fields]\nbody = ["div.story"]\nparagraph_breaks = ["span.br"]\n', page)
    assert article.body == ["One.", "Two."]


# ---------------------------------------------------------------- images without a matching selector

GALLERY_STORY = """<!doctype html><html><head>
<meta property="og:image" content="https://example.com/img/crater.jpg?w=1200">
</head><body>
<div class="story">
  <p>The probe sent its first pictures of the Moon's far side on Tuesday night.</p>
  <figure><img src="/img/crater.jpg" width="800" height="600">
    <figcaption>A crater on the far side.</figcaption></figure>
  <p>Engineers said the camera worked better than expected in the cold.</p>
  <figure><img src="/img/horizon.jpg" width="800" height="600">
    <figcaption>Earth over the lunar horizon.</figcaption></figure>
  <p>More pictures are expected next week.</p>
</div>
<div class="teasers"><figure><img src="/img/other-story.jpg" width="800" height="600">
  <figcaption>Another story</figcaption></figure></div>
</body></html>"""


def test_without_image_selector_the_body_pictures_are_kept() -> None:
    # No images field, and strip removes the figures from the body text: the pictures of the
    # body container still come out in order (the og:image is the first, at another size);
    # the teaser outside the body does not.
    article = run('[fields]\nbody = ["div.story"]\nstrip = ["figure"]\n', GALLERY_STORY)
    assert [(i.url, i.caption) for i in article.images] == [
        ("https://example.com/img/crater.jpg", "A crater on the far side."),
        ("https://example.com/img/horizon.jpg", "Earth over the lunar horizon."),
    ]
    assert article.body[1] == "Engineers said the camera worked better than expected in the cold."
    assert article.sources["images"] == "generic:heuristic"


def test_without_any_body_picture_the_og_image_is_the_lead() -> None:
    page = GALLERY_STORY.replace("<figure>", "<div>").replace("</figure>", "</div>")
    page = page.replace('<img src="/img/crater.jpg"', '<img src="/img/crater.svg"')
    page = page.replace('<img src="/img/horizon.jpg"', '<img src="/img/horizon.svg"')
    article = run('[fields]\nbody = ["div.story"]\n', page)
    assert [i.url for i in article.images] == ["https://example.com/img/crater.jpg?w=1200"]
    assert article.sources["images"] == "meta:og:image"


def test_every_image_selector_is_read_and_merged_in_page_order() -> None:
    # The first fallback matches only the second figure: the second fallback's pictures are
    # merged in, before and after it as on the page, each once.
    article = run(
        '[fields]\nbody = ["div.story"]\n'
        'images = ["figure:has(img[src*=horizon])", "div.story figure"]\n',
        GALLERY_STORY,
    )
    assert [i.url for i in article.images] == [
        "https://example.com/img/crater.jpg",
        "https://example.com/img/horizon.jpg",
    ]
