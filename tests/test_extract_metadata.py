"""Metadata without a config: JSON-LD (@graph, arrays, nested authors), OpenGraph, cleanup rules."""

from __future__ import annotations

import json
from typing import Any

from scraper.extract.generic import parse_html
from scraper.extract.metadata import clean_headline, extract_metadata


def _tree(head: str = "", body: str = "") -> Any:
    return parse_html(f"<html lang='de-AT'><head>{head}</head><body>{body}</body></html>")


def _ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_jsonld_graph_with_nested_author_objects() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example Times"},
            {
                "@type": ["NewsArticle"],
                "headline": "Council approves new bridge",
                "datePublished": "2025-03-04T09:15:00+01:00",
                "dateModified": "2025-03-04T11:00:00+01:00",
                "author": [
                    {"@type": "Person", "name": "Ana Silva"},
                    {"@type": "Person", "name": "Tom Berg"},
                ],
                "publisher": {"@type": "Organization", "name": "Example Times"},
                "articleSection": ["Local"],
                "keywords": "bridge, council, transport",
                "inLanguage": "de-AT",
            },
        ],
    }
    article = extract_metadata(_tree(_ld(graph)), "https://example.com/a")
    assert article.headline == "Council approves new bridge"
    assert article.authors == ["Ana Silva", "Tom Berg"]
    assert article.published == "2025-03-04T09:15:00+01:00"
    assert article.modified == "2025-03-04T11:00:00+01:00"
    assert article.section == "Local"
    assert article.tags == ["bridge", "council", "transport"]
    assert article.site == "Example Times"
    assert article.sources["headline"] == "jsonld"
    assert article.sources["authors"] == "jsonld"


def test_jsonld_top_level_array_and_entities() -> None:
    data = [
        {"@type": "BreadcrumbList"},
        {"@type": "Article", "headline": "Caf&eacute; opens", "author": "By Lea Roth"},
    ]
    article = extract_metadata(_tree(_ld(data)), None)
    assert article.headline == "Café opens"
    assert article.authors == ["Lea Roth"]


def test_broken_jsonld_is_skipped_and_opengraph_used() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", broken</script>'
        '<meta property="og:title" content="Storm hits coast | Coastal News">'
        '<meta property="og:site_name" content="Coastal News">'
        '<meta property="article:published_time" content="2024-11-02T06:00:00Z">'
        '<meta property="article:tag" content="weather"><meta property="article:tag" content="storm">'
        '<meta name="author" content="Mia Wong and Ben Ode">'
    )
    article = extract_metadata(_tree(head), "https://coastal.example/storm")
    assert article.headline == "Storm hits coast"
    assert article.sources["headline"] == "meta:og:title"
    assert article.published == "2024-11-02T06:00:00+00:00"
    assert article.tags == ["weather", "storm"]
    assert article.authors == ["Mia Wong", "Ben Ode"]
    assert article.language == "de"


def test_markup_fallbacks_h1_time_byline_and_url_date() -> None:
    body = (
        '<article><h1>Local team wins</h1><p class="byline">Von Karl Huber</p>'
        '<time datetime="2023-05-06">6. Mai 2023</time></article>'
    )
    article = extract_metadata(_tree(body=body), "https://x.example/2023/05/06/team/")
    assert article.headline == "Local team wins"
    assert article.authors == ["Karl Huber"]
    assert article.published == "2023-05-06"
    url_only = extract_metadata(_tree(body="<p>text</p>"), "https://x.example/2021/02/03/a/")
    assert url_only.published == "2021-02-03"
    assert url_only.sources["published"] == "url"
    assert url_only.site == "x.example"


def test_title_suffix_named_like_the_host_is_dropped() -> None:
    # The site name is the domain; the title ends in the paper's full name, which holds the
    # host's label ("tageblatt").
    head = (
        '<meta property="og:site_name" content="tageblatt.example">'
        '<meta property="og:title" content="Bridge reopens - Die Neue Tageblatt">'
    )
    article = extract_metadata(_tree(head), "https://www.tageblatt.example/a")
    assert article.headline == "Bridge reopens"
    # A short host label ("cn") is too loose to match a title part.
    head = '<meta property="og:title" content="Bridge reopens - CN Tower view">'
    article = extract_metadata(_tree(head), "https://www.cn.example/a")
    assert article.headline == "Bridge reopens - CN Tower view"


def _scripts(*objects: str) -> str:
    return "".join(f'<script type="application/ld+json">{o}</script>' for o in objects)


def test_disagreeing_titles_settled_by_the_other_structured_titles() -> None:
    og = '<meta property="og:title" content="Bank admits supervision failures">'
    article_ld = '{"@type": "NewsArticle", "headline": "Collapse: Fed admits failures"}'
    crumbs = (
        '{"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1,'
        ' "name": "Business"}, {"@type": "ListItem", "position": 2,'
        ' "item": {"@id": "https://x.example/a", "name": "Bank admits supervision failures"}}]}'
    )
    # The breadcrumb repeats the OpenGraph title: that one is the page's title.
    article = extract_metadata(_tree(_scripts(article_ld, crumbs) + og), "https://x.example/a")
    assert article.headline == "Bank admits supervision failures"
    assert article.sources["headline"] == "meta:og:title"
    # Without a witness JSON-LD is trusted, as before.
    article = extract_metadata(_tree(_scripts(article_ld) + og), "https://x.example/a")
    assert article.headline == "Collapse: Fed admits failures"
    # The article's own "name" is a witness too; one repeating both settles nothing.
    named = '{"@type": "NewsArticle", "headline": "H one", "name": "H two"}'
    og_two = '<meta property="og:title" content="H two">'
    assert extract_metadata(_tree(_scripts(named) + og_two), None).headline == "H two"
    both = '{"@type": "NewsArticle", "headline": "H one", "name": "H one", "alternativeHeadline": "H two"}'
    assert extract_metadata(_tree(_scripts(both) + og_two), None).headline == "H one"


def test_topic_label_before_the_headline_is_left_out_when_a_title_lacks_it() -> None:
    og = '<meta property="og:title" content="Judy Lybke, not odd at all">'
    ld = '{"@type": "NewsArticle", "headline": "Leipzig School: Judy Lybke, not odd at all"}'
    article = extract_metadata(_tree(_scripts(ld) + og), None)
    assert article.headline == "Judy Lybke, not odd at all"
    # The other way round: OpenGraph carries the label, JSON-LD is kept.
    og = '<meta property="og:title" content="Ski jumping | Four Hills: Austria leads">'
    ld = '{"@type": "NewsArticle", "headline": "Four Hills: Austria leads"}'
    assert extract_metadata(_tree(_scripts(ld) + og), None).headline == "Four Hills: Austria leads"
    # A longer headline that only ends like the other one is not a label.
    og = '<meta property="og:title" content="leads">'
    ld = '{"@type": "NewsArticle", "headline": "MSV leads"}'
    assert extract_metadata(_tree(_scripts(ld) + og), None).headline == "MSV leads"


def test_headline_behind_two_different_topic_labels_is_what_both_share() -> None:
    og = '<meta property="og:title" content="Storm season: «We were not ready for this»">'
    h1 = "<h1>Floods in the north - «We were not ready for this»</h1>"
    assert extract_metadata(_tree(og, h1), None).headline == "«We were not ready for this»"
    # One title written with two kinds of dash has no topic label to drop.
    og = '<meta property="og:title" content="Energy Rising - 33 days of yoga">'
    h1 = "<h1>Energy Rising – 33 days of yoga</h1>"
    assert extract_metadata(_tree(og, h1), None).headline == "Energy Rising - 33 days of yoga"
    # A heading that only shares a short ending is another title.
    og = '<meta property="og:title" content="Markets: rates stay high">'
    h1 = "<h1>Opinion: high</h1>"
    assert extract_metadata(_tree(og, h1), None).headline == "Markets: rates stay high"


def test_visible_heading_read_as_written() -> None:
    kicker = (
        '<h1><span class="kicker">LTE-Patent</span><span class="hidden">:</span> '
        '<span class="title">Samsung soll Smartphones zerstören</span></h1>'
    )
    assert extract_metadata(_tree(body=kicker), None).headline == (
        "LTE-Patent: Samsung soll Smartphones zerstören"
    )
    glued = "<h1><span>Polizei fasst zwei Täter:</span><span>Beute gefunden</span></h1>"
    assert extract_metadata(_tree(body=glued), None).headline == (
        "Polizei fasst zwei Täter: Beute gefunden"
    )
    # Parts with no space or colon between them are still separate words.
    parts = "<h1><span>Analysis</span><span>Rates stay high</span></h1>"
    assert extract_metadata(_tree(body=parts), None).headline == "Analysis Rates stay high"
    french = "<h1>Europe : les ventes progressent</h1>"
    assert extract_metadata(_tree(body=french), None).headline == "Europe : les ventes progressent"


def test_of_several_h1_the_one_the_title_names() -> None:
    body = (
        "<header><h1>Log In</h1></header><h1></h1>"
        "<article><h1>Inside a Teamster Rebellion</h1></article>"
    )
    head = "<title>Inside a Teamster Rebellion | The Weekly</title>"
    assert extract_metadata(_tree(head, body), None).headline == "Inside a Teamster Rebellion"
    # Without a <title> to compare with, the first non-empty one.
    assert extract_metadata(_tree(body=body), None).headline == "Log In"


def test_clean_headline_suffixes_and_prefixes() -> None:
    assert clean_headline("Storm hits coast | Coastal News", "Coastal News") == "Storm hits coast"
    assert clean_headline("Storm hits coast - Coastal News", "Coastal News") == "Storm hits coast"
    assert clean_headline("Coastal News | Storm hits coast", "Coastal News") == "Storm hits coast"
    assert (
        clean_headline("Gegenoffensive: Ziele | DW | 28.04.2023", "DW.COM")
        == "Gegenoffensive: Ziele"
    )
    assert clean_headline("Storm hits coast | CN", None) == "Storm hits coast"
    # Sections between the headline and the site name go with it.
    assert (
        clean_headline("Firefighters retire later - State politics - News - WDR", "WDR")
        == "Firefighters retire later"
    )
    # Without a site suffix a short last part stays.
    assert clean_headline("Firefighters retire later - State politics", "WDR") == (
        "Firefighters retire later - State politics"
    )
    # A dash inside a headline is not a suffix when it is not the site name.
    assert (
        clean_headline("Ukraine war - the view from Kyiv", "Coastal News")
        == "Ukraine war - the view from Kyiv"
    )


def test_visible_date_after_headline_is_the_last_resort() -> None:
    body = (
        "<div>Newsletter vom 01.01.2020</div><h1>Vereinsfest</h1>"
        "<p>Veröffentlicht am 14. Juli 2019 von Anna.</p><p>Text.</p>"
    )
    article = extract_metadata(_tree(body=body), "https://verein.example/fest")
    assert article.published == "2019-07-14"
    assert article.sources["published"] == "heuristic"


def test_url_date_wins_over_metadata_far_from_it() -> None:
    head = '<meta property="article:published_time" content="2024-03-09T10:00:00+00:00">'
    article = extract_metadata(_tree(head), "https://x.example/2023/05/06/story/")
    assert article.published == "2023-05-06"
    near = extract_metadata(_tree(head), "https://x.example/2024/03/10/story/")
    assert near.published == "2024-03-09T10:00:00+00:00"


_DEK = "Die Feuerwehr kämpft gegen einen Brand in Lichterfelde. Bürger sollen das Gebiet meiden."
_CAPTION = "Kräfte der Berliner Feuerwehr sind in Lichterfelde bei einem Brand im Einsatz."


def test_description_that_is_the_lead_pictures_caption_gives_way_to_the_next() -> None:
    head = _ld({"@type": "NewsArticle", "headline": "Brand", "description": _CAPTION})
    head += f'<meta property="og:description" content="{_DEK}">'
    body = f"<figure><img src='/a.jpg'><figcaption>{_CAPTION}</figcaption></figure><p>Text</p>"
    article = extract_metadata(_tree(head, body), "https://example.com/a")
    assert article.subheadline == _DEK
    assert article.sources["subheadline"] == "meta:og:description"


def test_description_inside_a_caption_with_its_credit_is_no_subheadline() -> None:
    head = f'<meta name="description" content="{_CAPTION}">'
    body = (
        "<figure><img src='/a.jpg'><figcaption><span>Kräfte der Berliner Feuerwehr</span> sind"
        " in Lichterfelde bei einem Brand im Einsatz.<span>Foto: dpa</span></figcaption></figure>"
    )
    article = extract_metadata(_tree(head, body), "https://example.com/a")
    assert article.subheadline is None
    assert "subheadline" not in article.sources


def test_description_that_only_contains_a_caption_stays() -> None:
    head = _ld({"@type": "NewsArticle", "headline": "Brand", "description": _DEK})
    body = "<figure><img src='/a.jpg'><figcaption>Lichterfelde</figcaption></figure>"
    article = extract_metadata(_tree(head, body), "https://example.com/a")
    assert article.subheadline == _DEK
    assert article.sources["subheadline"] == "jsonld"
