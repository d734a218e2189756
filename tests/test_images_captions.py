"""Tests for scraper.extract.captions: credits told apart from captions, with hand-written
expectations on caption texts seen on news sites."""

from __future__ import annotations

from scraper.extract.captions import caption_and_credit, split_credit


def test_split_credit_from_caption_text() -> None:
    assert split_credit("Firefighters at the pier. Photo: Jane Roe") == (
        "Firefighters at the pier.",
        "Jane Roe",
    )
    assert split_credit("Die Feuerwehr am Hafen. (© dpa)") == ("Die Feuerwehr am Hafen.", "dpa")
    assert split_credit("The second of three photos, photo 3") == (
        "The second of three photos, photo 3",
        None,
    )


def test_trailing_credit_in_parentheses_or_after_a_slash() -> None:
    assert split_credit("Documents were released on Friday. (AP)") == (
        "Documents were released on Friday.",
        "AP",
    )
    assert split_credit("Sinwar in Gaza City, in April 2022. (Adel Hana/The Associated Press)") == (
        "Sinwar in Gaza City, in April 2022.",
        "Adel Hana/The Associated Press",
    )
    assert split_credit("Smoke over Poonch on May 7, 2025. / AFP via Getty Images") == (
        "Smoke over Poonch on May 7, 2025.",
        "AFP via Getty Images",
    )
    assert split_credit("Catherine Connolly in Galway. | Niall Carson/PA Images") == (
        "Catherine Connolly in Galway.",
        "Niall Carson/PA Images",
    )
    # Not credits: a year, an archive note, a lower-case aside, a parenthesis mid-sentence.
    assert split_credit("The first edition. (1981)")[1] is None
    assert split_credit("Ein Mitglied der Brigade. (Archivbild)")[1] is None
    assert split_credit("The mayor (left) and the chief.")[1] is None


def test_labelled_credits() -> None:
    assert split_credit("Kawasaki wird es 2025 nicht mehr geben, Foto: LAT Images") == (
        "Kawasaki wird es 2025 nicht mehr geben,",
        "LAT Images",
    )
    assert split_credit("Quelle: Infografik WELT") == ("", "Infografik WELT")


def test_caption_and_credit_from_a_site_config() -> None:
    assert caption_and_credit("Erst fiel der linke Kühlturm. Foto: Peter Kneffel/dpa", None) == (
        "Erst fiel der linke Kühlturm.",
        "Peter Kneffel/dpa",
    )
    assert caption_and_credit("The pier at dawn. Jane Roe/AP", "Photo: Jane Roe/AP") == (
        "The pier at dawn.",
        "Jane Roe/AP",
    )
    assert caption_and_credit("  ", "(Foto: Pool via REUTERS)") == (None, "Pool via REUTERS")
    assert caption_and_credit(None, None) == (None, None)


def test_credit_after_a_slash_or_in_korean_brackets() -> None:
    assert split_credit("Festnahme in Palma / Lorenzo Marina") == (
        "Festnahme in Palma",
        "Lorenzo Marina",
    )
    assert split_credit("지지자들을 향해 인사하고 있다. [사진 출처 = 연합뉴스]") == (
        "지지자들을 향해 인사하고 있다.",
        "연합뉴스",
    )
    # A slash inside a name that ends the caption with a full stop stays.
    assert split_credit("Die Bahnstrecke Berlin / Brandenburg.")[1] is None
