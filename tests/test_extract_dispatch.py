"""extract() picks the site config by URL, then by the page's declared canonical URL."""

from __future__ import annotations

from pathlib import Path

from scraper.extract import _head_end, declared_url, extract

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_declared_url_reads_canonical_in_any_attribute_order() -> None:
    assert (
        declared_url('<link href="https://a.example/x" rel="canonical">') == "https://a.example/x"
    )
    assert declared_url("<link rel=canonical href=https://a.example/y>") == "https://a.example/y"
    assert (
        declared_url('<meta content="https://a.example/z" property="og:url">')
        == "https://a.example/z"
    )
    assert declared_url('<link rel="stylesheet" href="https://a.example/s.css">') is None
    # Only the head counts: a canonical link in the body (e.g. a quoted snippet) is ignored.
    assert declared_url('</head><link rel="canonical" href="https://a.example/b">') is None


def test_config_found_from_canonical_when_served_elsewhere() -> None:
    page = next((FIXTURES / "apnews.com").glob("*.html")).read_bytes()
    direct = extract(page, url=None)
    mirrored = extract(page, url="http://127.0.0.1:8000/copy-of-the-story")
    assert direct.extractor.get("path") == "config"
    assert mirrored.extractor.get("config") == direct.extractor.get("config")
    assert mirrored.body == direct.body


def test_no_config_means_generic() -> None:
    html = "<html><head><title>T</title></head><body><p>Hello there.</p></body></html>"
    assert extract(html, url="http://127.0.0.1:8000/a").extractor.get("path") == "generic"


def test_pathological_nesting_gives_a_record_not_a_crash() -> None:
    html = "<html><body>" + "<div>" * 5000 + "<p>Deep text.</p>" + "</div>" * 5000
    article = extract(html, url="https://example.com/deep")
    assert article.url == "https://example.com/deep"
    assert article.status in ("ok", "empty", "not_article")


def test_without_url_the_declared_canonical_is_the_base_for_images() -> None:
    page = (FIXTURES / "seed" / "north-korean-pows-seek-defection.html").read_bytes()
    article = extract(page)
    assert article.url == "https://kyivledger.example/2025/12/24/north-korean-pows-seek-defection/"
    assert article.images
    assert article.images[0].url.startswith("https://kyivledger.example/wp-content/uploads/")


def test_head_end_is_where_the_lowered_head_ends() -> None:
    # The end of the head must be the index the whole lowered text gives, in any letter case,
    # after "</" that close other elements, and after characters that lengthen when lowered.
    heads = (
        "<html><head><title>T</title></head><body>",
        "<HTML><HEAD><script>if (a</b) x = '</div>'</script></HEAD><BODY>",
        "<head><title>İstanbul İzmir</title></Head><body></head>",
        "<head><title>no end</title>",
        "<head></hea></HEAD >",
    )
    for head in heads:
        assert _head_end(head) == head.lower().find("</head>"), head


def test_declared_url_stops_at_the_end_of_the_head() -> None:
    page = (
        "<html><head><TITLE>İ</TITLE></HEAD><body>"
        '<link rel="canonical" href="https://a.example/in-body"></body>'
    )
    assert declared_url(page) is None
