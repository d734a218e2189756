"""Boilerplate rules: paragraph patterns (``boilerplate_lines``, ``body_cleaning``), class/id
tokens (``boilerplate``) and caption classes (``body_pictures``)."""

from __future__ import annotations

import pytest

from scraper.extract.body_cleaning import clean_paragraphs
from scraper.extract.body_pictures import is_caption_class
from scraper.extract.boilerplate import BOILERPLATE_SELECTORS, boilerplate_token

KEEP = [
    "The council approved the budget on Tuesday after a long debate.",
    "On 23.10.2018 the council met again and approved the plan.",
    "Related reporting suggests that the vote was close.",
    "Subheads like this one stay",
    "The minister told AFP via telephone that the talks would go on until Friday.",
    "He spoke to reporters after the 10:30 meeting, which ran 45 min. longer than planned.",
    "Die Sendung lief am Sonntag um 20:15 Uhr im Ersten.",
    "Über dieses Thema berichteten auch andere Medien.",
    "Der nächste Artikel der Reihe erscheint am Montag.",
]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Every article pushes back against disinformation. Your support keeps our team in the field.",
        "Read also: North Korean troops suffer heavy losses",
        "READ MORE: The full story",
        "Related: Seoul reacts",
        "Lesen Sie auch: Die Hintergründe",
        "Mehr zum Thema",
        "Sign up for our newsletter",
        "Subscribe to our daily briefing",
        "Share this:",
        "Advertisement",
        "Facebook Twitter Email",
        "Tags: politics, economy",
        "12 comments",
        "© 2025 Example Media. All rights reserved.",
        "Kommentare:",
        "View Comments",
        "NOEL CELIS/AFP via Getty Images",
        "Andrea Verdelli/Getty Images",
        "Foto: Max Muster / dpa",
        "02:57 Min. Verfügbar bis 06.05.2024",
        "Photo credits",
        "4 Min Read",
        "23.10.2018",
        "Oct 9, 2019",
        "15:21 Uhr",
        "War der Artikel nützlich? (95 Stimmen) Loading...",
        "Die Inhalte dieser Website sind unter einer Creative Commons-Lizenz lizenziert.",
        "Kommentarfeed | Kommentare geschlossen",
        "Python, Mercurial | View Comments",
        "E-Mail (wird benötigt und nicht veröffentlicht)",
        "Zobacz również",
        "Weitere Artikel zum Thema",
        "Quelle: Deutscher Jagdverband (DJV), 02. Februar 2022, Berlin",
        "Dieses Thema im Programm: MDR THÜRINGEN - Das Radio | Nachrichten | 28. April 2023",
        "Dieses Thema im Programm: Über dieses Thema berichtete DLF am 24. März 2023 um 05:20 Uhr.",
        "Über dieses Thema berichtete Inforadio am 29. April 2020 um 09:53 Uhr.",
        "Sendung: Antenne Brandenburg, 24.04.2024, 15:10 Uhr",
        "Dieser Artikel wurde ausgedruckt unter der Adresse: https://www.example.de/a,b100.html",
        "Nächster Artikel",
    ],
)
def test_boilerplate_paragraphs_are_dropped(paragraph: str) -> None:
    assert clean_paragraphs([*KEEP, paragraph]) == KEEP


def test_content_paragraphs_are_kept() -> None:
    assert clean_paragraphs(KEEP, "en") == KEEP
    assert clean_paragraphs(["", *KEEP]) == KEEP


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("share-bar", True),
        ("related-posts widget", True),
        ("newsletter-signup", True),
        ("sharedaddy sd-sharing-enabled", True),
        ("entry-content", False),
        ("article-body", False),
        ("shareholders-report", False),
        ("loaded header-image", False),
        ("mvp-author-box-wrap", True),
        ("cbx-Author", True),
        ("editorial-disclosure", True),
        ("author-content", False),
        ("authority-report", False),
        ("sidebar-grid sidebar-grid--is-narrow", False),
        ("sidebar-grid__container", False),
        ("sidebar-container", True),
        ("webpush-registration h-element--hide", True),
        ("h-offscreen", True),
        ("teaser--large", False),
        ("author-container column", True),
        ("culture-council-disclaimer", True),
        ("affiliate-disclaimer__text", True),
    ],
)
def test_boilerplate_tokens(names: str, expected: bool) -> None:
    assert boilerplate_token(names) is expected


def test_selectors_cover_non_content_tags() -> None:
    for tag in ("script", "style", "nav", "footer", "aside", "form"):
        assert tag in BOILERPLATE_SELECTORS


@pytest.mark.parametrize(
    ("css_class", "expected"),
    [
        ("wp-caption-text", True),
        ("image-credit small", True),
        ("caption", True),
        ("Photo_Caption", True),
        ("bildunterschrift", True),
        ("articleHeader column hasCaption", False),
        ("caption-wrapper-with-article", False),
        ("credits-roll-page", False),
        ("embed-caption Component-root-0-2-39", True),
        ("Component-imageCaption-0-2-32", True),
        ("no-caption", False),
    ],
)
def test_caption_classes(css_class: str, expected: bool) -> None:
    assert is_caption_class(css_class) is expected


def test_reader_notice_after_the_article_ends_the_body() -> None:
    # A device-limit box read after the article: its own lines and its questions and answers.
    notice = [
        "Vous pouvez lire Le Monde sur un seul appareil à la fois",
        "Ce message s’affichera sur l’autre appareil.",
        "Comment ne plus voir ce message ?",
        "Votre abonnement n’autorise pas la lecture de cet article",
    ]
    assert clean_paragraphs([*KEEP, *notice]) == KEEP


def test_reader_notice_before_most_of_the_text_is_only_a_line() -> None:
    # Near the top of a longer text, the line does not cut off what follows.
    text = [
        KEEP[0],
        "You can only read the Daily on one device at a time, the publisher told readers.",
        *KEEP[1:],
    ]
    assert clean_paragraphs(text) == text
