"""Dates a reader sees: date lines beside the headline (not in menus, comments or logos)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from scraper.extract.visible_dates import date_in_text, headline_node, shown_date


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_comment_dates_and_empty_headings_are_not_the_shown_date() -> None:
    html = _page(
        "",
        '<h1><a href="/"><img src="logo.svg" alt="Logo"></a></h1><nav>Home</nav>'
        '<h1>VDA-Chefin</h1><div class="comments"><div>04.02.2022 - 00:00 Uhr</div></div>',
    )
    assert shown_date(LexborHTMLParser(html)) == (None, "")


def test_site_name_and_logo_headings_are_not_the_headline() -> None:
    html = _page(
        "<title>Die Zukunft der Arbeit: Wir dekorieren auf der Titanic</title>",
        '<div id="logo"><h1>Radio</h1></div><nav><a>26.02.2020</a></nav>'
        "<h1>Deutschlandfunk</h1><p>26.02.2020</p>"
        '<div class="articlehead"><h1>Die Zukunft der Arbeit: Wir dekorieren auf der Titanic</h1>'
        "<p>01.05.2017</p></div>",
    )
    assert shown_date(LexborHTMLParser(html)) == ("2017-05-01", "heuristic")


def test_menu_dates_are_skipped() -> None:
    html = _page(
        "",
        '<h1>Occupy</h1><ul class="menu"><li>12M – 12. Mai 2012</li></ul>'
        "<nav><a>15.10.11 umschwung</a></nav><span>13. Januar 2014</span>",
    )
    assert shown_date(LexborHTMLParser(html)) == ("2014-01-13", "heuristic")


def test_date_line_just_above_the_headline() -> None:
    html = _page(
        "",
        '<div class="post"><span>Di, 02.12.2019</span><h1>Von der Leyen</h1>'
        "<p>The new Commission starts its work with many open questions and plans.</p></div>",
    )
    assert shown_date(LexborHTMLParser(html)) == ("2019-12-02", "heuristic")


def test_date_inside_the_headline_element() -> None:
    html = _page(
        "",
        "<h1>Zuschauerrückkehr bei den Proficlubs<br><small>02.02.2022 • Presse</small></h1>"
        "<p>Laut der am 28.01.2022 in Kraft getretenen Verordnung dürfen wieder Fans kommen.</p>",
    )
    assert shown_date(LexborHTMLParser(html)) == ("2022-02-02", "heuristic")


def test_prose_mentioning_a_date_is_not_a_date_line() -> None:
    html = _page(
        "",
        "<h1>Faire Lieferketten</h1><p>Am 12. Februar 2020 trafen sich viele Leute zu einem"
        " langen Gespräch.</p>",
    )
    assert shown_date(LexborHTMLParser(html)) == (None, "")


def test_headline_node_prefers_the_heading_matching_the_title() -> None:
    html = _page(
        "<title>Vanlife in Schweden - Outdoor</title>",
        "<h1>Outdoor Magazin</h1><h1>Vanlife in Schweden</h1>",
    )
    node = headline_node(LexborHTMLParser(html))
    assert node is not None
    assert node.text() == "Vanlife in Schweden"


def test_date_in_text_falls_back_to_the_first_date_after_the_headline() -> None:
    tree = LexborHTMLParser(
        _page(
            "",
            "<p>Newsletter vom 01.01.2020</p><h1>Vereinsfest</h1><p>Am 14. Juli 2019 war"
            " es schön, und alle kamen.</p>",
        )
    )
    assert date_in_text(tree, headline_node(tree)) == "2019-07-14"


def test_a_date_in_the_headline_words_is_not_the_shown_date() -> None:
    html = _page("", "<h1>Wahl am 3. März 2024</h1><p>01.02.2024</p>")
    assert shown_date(LexborHTMLParser(html)) == ("2024-02-01", "heuristic")


def test_walk_after_the_headline_is_bounded_on_empty_markup() -> None:
    html = _page("", "<h1>Leer</h1>" + "<div><span></span></div>" * 5000 + "<p>01.02.2024</p>")
    assert shown_date(LexborHTMLParser(html)) == (None, "")


def test_labels_are_whole_words() -> None:
    text = "Seit dem 01.01.2019 zählen wir. Zum Bestand: 12.03.2020 gehören viele Dinge."
    tree = LexborHTMLParser(_page("", f"<h1>Inventur</h1><p>{text}</p>"))
    assert date_in_text(tree, headline_node(tree)) == "2019-01-01"


def test_headings_for_screen_readers_only_are_not_the_headline() -> None:
    html = _page(
        "<title>Lawinensituation</title>",
        '<h2 class="sr-only">Navigation mit Access Keys</h2><ul><li>29.12.2021</li></ul>'
        '<h2 class="text-hide">Hauptinhalt</h2><h2 hidden>Menü</h2>'
        "<h2>Schwache Profile</h2><p>14.01.2022</p><p>Ein Bericht über die Woche.</p>",
    )
    node = headline_node(LexborHTMLParser(html))
    assert node is not None
    assert node.text() == "Schwache Profile"
    assert shown_date(LexborHTMLParser(html)) == ("2022-01-14", "heuristic")


def test_heading_hidden_on_phones_only_is_still_the_headline() -> None:
    html = _page(
        "",
        '<h1 class="inline sr-only sm:not-sr-only">Job-Turbo hilft</h1><p>27.04.2024</p>'
        "<h2>Mehr zum Thema</h2>",
    )
    node = headline_node(LexborHTMLParser(html))
    assert node is not None
    assert node.text() == "Job-Turbo hilft"


def test_head_text_is_not_a_shown_date_for_a_headline_near_the_top() -> None:
    # <h1> two levels below <html>: walking back from it reaches <head>, which no reader sees.
    html = (
        '<html><head><title>Budget vote</title><script type="application/ld+json">'
        '{"datePublished": "2021-03-04"}</script><meta name="x" content="5 May 2020"></head>'
        "<body><h1>Budget vote</h1><p>The council voted on the budget.</p></body></html>"
    )
    assert shown_date(LexborHTMLParser(html)) == (None, "")
