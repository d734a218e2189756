"""Cross-page boilerplate: normalisation, the recurrence threshold, dropping on store, the switch."""

from __future__ import annotations

from pathlib import Path

from scraper.archive import Archive
from scraper.archive.boilerplate import (
    LEARN_EVERY,
    LEARN_EVERY_MAX,
    LEARN_FIRST,
    MIN_ARTICLES,
    learn_interval,
    normalise,
    paragraph_hash,
    recurring_paragraphs,
)
from scraper.models import Article, Page

BANNER = (
    "Every article pushes back against disinformation. Your support keeps our team in the field."
)


def story(n: int, banner: bool = True) -> tuple[Page, Article]:
    body = [f"Story {n}: the council met on Monday to discuss item {n * 7}.",
            f"Residents of district {n} asked for a new bridge and more buses."]  # fmt: skip
    if banner:
        body.insert(1, BANNER)
    url = f"https://news.example/{n}"
    return Page(url=url, body=f"<html>{n}</html>".encode()), Article(
        headline=f"Story {n}", body=body
    )


def test_normalise_folds_case_and_space_but_keeps_digits() -> None:
    assert normalise("  Updated 12 March\n 2024 ") == "updated 12 march 2024"
    assert paragraph_hash("Index at 15,432") != paragraph_hash("Index at 15,433")
    assert paragraph_hash("Read ALSO: x") == paragraph_hash("read also:   x")


def test_paragraph_needs_enough_distinct_articles() -> None:
    bodies = [[f"unique {chr(97 + i)}", "Subscribe now"] for i in range(MIN_ARTICLES - 1)]
    assert recurring_paragraphs(bodies) == {}
    bodies.append(["unique z", "SUBSCRIBE  now"])
    found = recurring_paragraphs(bodies)
    assert [text for text, _ in found.values()] == ["Subscribe now"]
    assert next(iter(found.values()))[1] == MIN_ARTICLES


def test_paragraph_needs_a_share_of_the_window() -> None:
    # In 5 of 40 articles (12.5% < 20%): a recurring phrase, but not boilerplate.
    bodies = [[f"text {i}"] + (["Watch the video"] if i < 5 else []) for i in range(40)]
    assert recurring_paragraphs(bodies) == {}


def test_repeated_paragraph_in_one_article_counts_once() -> None:
    bodies = [["Advertisement"] * 10] + [[f"t {i}"] for i in range(4)]
    assert recurring_paragraphs(bodies) == {}


def test_learned_banner_is_dropped_from_new_records(db_path: Path) -> None:
    with Archive(db_path) as archive:
        for n in range(LEARN_EVERY):
            archive.store(*story(n))
        assert archive.learned_boilerplate("news.example") == {normalise(BANNER)}
        result = archive.store(*story(999))
        body = archive.db.execute("SELECT body FROM articles WHERE id = ?", (result.article_id,))
        stored = body.fetchone()[0]
        assert "Your support keeps our team" not in stored
        assert "Residents of district 999" in stored
        # Other sites are untouched.
        page, art = story(1000)
        page.url = "https://other.example/1000"
        archive.store(page, art)
        other = archive.db.execute("SELECT text FROM articles WHERE url LIKE '%other.example%'")
        assert BANNER in other.fetchone()[0]


def test_disabled_site_keeps_its_paragraphs(db_path: Path) -> None:
    with Archive(db_path) as archive:
        for n in range(LEARN_EVERY):
            archive.store(*story(n))
        archive.set_boilerplate_enabled("news.example", False)
        assert archive.learned_boilerplate("news.example") == set()
        result = archive.store(*story(500))
        text = archive.db.execute("SELECT text FROM articles WHERE id = ?", (result.article_id,))
        assert BANNER in text.fetchone()[0]
        archive.set_boilerplate_enabled("news.example", True)
        assert archive.learned_boilerplate("news.example") == {normalise(BANNER)}


def test_first_learning_comes_early_then_every_learn_every(db_path: Path) -> None:
    with Archive(db_path) as archive:
        for n in range(LEARN_FIRST - 1):
            archive.store(*story(n))
        assert archive.learned_boilerplate("news.example") == set()
        archive.store(*story(LEARN_FIRST))
        assert archive.learned_boilerplate("news.example") == {normalise(BANNER)}
        pending = archive.db.execute("SELECT stored_since_learning FROM site_settings").fetchone()
        assert pending == (0,)


def test_no_learning_before_enough_articles(db_path: Path) -> None:
    with Archive(db_path) as archive:
        for n in range(MIN_ARTICLES - 1):
            archive.store(*story(n))
        assert archive.learn_boilerplate("news.example") == 0
        assert archive.learned_boilerplate("news.example") == set()


def test_learning_interval_doubles_up_to_a_cap() -> None:
    assert learn_interval(None, 0) == LEARN_FIRST
    assert learn_interval("2024-01-01T00:00:00+00:00", 0) == LEARN_EVERY  # archive before v4
    steps = [learn_interval("2024-01-01T00:00:00+00:00", n) for n in range(1, 9)]
    assert steps == [50, 100, 200, 400, 800, 800, 800, 800]
    assert LEARN_EVERY == 50 and LEARN_EVERY_MAX == 800


def test_relearning_spaces_out_after_each_learning(db_path: Path) -> None:
    def settings(archive: Archive) -> tuple[int, int]:
        row = archive.db.execute(
            "SELECT stored_since_learning, learn_count FROM site_settings"
        ).fetchone()
        return int(row[0]), int(row[1])

    with Archive(db_path) as archive:
        stored = 0
        for _ in range(LEARN_FIRST):
            archive.store(*story(stored))
            stored += 1
        assert settings(archive) == (0, 1)
        for _ in range(LEARN_EVERY):
            archive.store(*story(stored))
            stored += 1
        assert settings(archive) == (0, 2)
        # The next learning needs twice as many articles: LEARN_EVERY more are not enough.
        for _ in range(LEARN_EVERY):
            archive.store(*story(stored))
            stored += 1
        assert settings(archive) == (LEARN_EVERY, 2)
        for _ in range(LEARN_EVERY):
            archive.store(*story(stored))
            stored += 1
        assert settings(archive) == (0, 3)
