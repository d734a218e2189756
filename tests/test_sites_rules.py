"""Validation of the cleaning rules of a site config: ``headline_strip``, ``exclude``,
``strip_fields`` and ``paragraph_breaks`` (each mistake names the file, the key and the
problem), and how layouts inherit them."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.errors import ConfigError
from scraper.sites import load_config

MINIMAL = """
[site]
name = "Example Times"
hosts = ["example.com"]

[fields]
body = ["div.article-body"]
"""


def load(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "example.com.toml"
    path.write_text(MINIMAL + text, encoding="utf-8")
    return path


def error(tmp_path: Path, text: str) -> str:
    path = load(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}: "), message
    return message.removeprefix(f"{path}: ")


def test_headline_strip_patterns_compile(tmp_path: Path) -> None:
    config = load_config(load(tmp_path, "headline_strip = ['\\s*-[^-]*ㅣ한국일보$']\n"))
    [pattern] = config.layouts[0].headline_strip
    assert pattern.sub("", "제목-정치ㅣ한국일보") == "제목"


def test_headline_strip_bad_regex(tmp_path: Path) -> None:
    message = error(tmp_path, "headline_strip = [' - Example$', '(unclosed']\n")
    assert message.startswith("fields.headline_strip[1]: bad regex '(unclosed'")


def test_headline_strip_must_be_strings(tmp_path: Path) -> None:
    message = error(tmp_path, "headline_strip = [1]\n")
    assert message == "fields.headline_strip: expected a list of strings, got list of int"


def test_exclude_is_read_per_field(tmp_path: Path) -> None:
    text = "[fields.exclude]\nheadline = ['span.kicker']\nauthors = '.label'\n"
    config = load_config(load(tmp_path, text))
    assert config.layouts[0].exclude == {"headline": ("span.kicker",), "authors": (".label",)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("exclude = ['span']\n", "fields.exclude: expected a table, got list of str"),
        (
            "exclude = { hedline = ['span'] }\n",
            "fields.exclude.hedline: unknown key (did you mean 'headline'?)",
        ),
        (
            "exclude = { body = ['aside'] }\n",
            "fields.exclude.body: 'body' has no exclude (remove such nodes with 'strip')",
        ),
        (
            "exclude = { images = ['img'] }\n",
            "fields.exclude.images: 'images' has no exclude (remove such nodes with 'strip')",
        ),
        (
            "exclude = { headline = 'span' , authors = [3] }\n",
            "fields.exclude.authors: expected a list of strings, got list of int",
        ),
    ],
)
def test_exclude_mistakes(tmp_path: Path, text: str, expected: str) -> None:
    assert error(tmp_path, text) == expected


def test_exclude_bad_selector(tmp_path: Path) -> None:
    message = error(tmp_path, "exclude = { headline = ['span', 'b['] }\n")
    assert message.startswith("fields.exclude.headline[1]: bad CSS selector 'b['")


def test_strip_fields(tmp_path: Path) -> None:
    text = "authors = ['p.byline']\nsubheadline = ['jsonld:description', 'p.dek']\n"
    config = load_config(load(tmp_path, text + "strip_fields = ['authors', 'subheadline']\n"))
    assert config.layouts[0].strip_fields == ("authors", "subheadline")


def test_strip_fields_need_a_css_fallback(tmp_path: Path) -> None:
    text = "authors = ['jsonld:author.name', 'meta:author']\nstrip_fields = ['authors']\n"
    assert error(tmp_path, text) == (
        "fields.strip_fields[0]: 'authors' has no CSS fallback here, so no node to remove"
    )
    assert error(tmp_path, "strip_fields = ['tags']\n") == (
        "fields.strip_fields[0]: 'tags' has no CSS fallback here, so no node to remove"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("['author']", "fields.strip_fields[0]: 'author' is not a field (did you mean 'authors'?)"),
        (
            "['body']",
            "fields.strip_fields[0]: 'body' cannot be stripped (remove such nodes with 'strip')",
        ),
        (
            "['images']",
            "fields.strip_fields[0]: 'images' cannot be stripped (remove such nodes with 'strip')",
        ),
        ("[true]", "fields.strip_fields: expected a list of strings, got list of bool"),
    ],
)
def test_strip_fields_mistakes(tmp_path: Path, value: str, expected: str) -> None:
    assert error(tmp_path, f"strip_fields = {value}\n") == expected


def test_layout_errors_name_the_layout_for_the_new_rules(tmp_path: Path) -> None:
    layout = "[[layouts]]\nname = 'new'\n[layouts.fields]\nbody = ['main']\n"
    message = error(tmp_path, layout + "strip_fields = ['bylines']\n")
    assert message.startswith("layouts[0].fields.strip_fields[0]: 'bylines' is not a field")
    message = error(tmp_path, layout + "headline_strip = ['[']\n")
    assert message.startswith("layouts[0].fields.headline_strip[0]: bad regex '['")
    message = error(tmp_path, layout + "exclude = { tags = ['a['] }\n")
    assert message.startswith("layouts[0].fields.exclude.tags[0]: bad CSS selector 'a['")


def test_layouts_add_to_the_inherited_rules(tmp_path: Path) -> None:
    text = (
        "headline_strip = [' \\| Example Times$']\n"
        "authors = ['.byline']\nsubheadline = ['.dek']\n"
        "strip_fields = ['authors']\n"
        "exclude = { headline = ['span.kicker'] }\n"
        "[[layouts]]\nname = 'new'\n[layouts.fields]\nbody = ['main']\n"
        "headline_strip = [' - Latest$']\n"
        "strip_fields = ['authors', 'subheadline']\n"
        "exclude = { headline = ['small'], authors = ['.label'] }\n"
    )
    new, default = load_config(load(tmp_path, text)).layouts
    assert [p.pattern for p in new.headline_strip] == [" \\| Example Times$", " - Latest$"]
    assert [p.pattern for p in default.headline_strip] == [" \\| Example Times$"]
    assert new.strip_fields == ("authors", "subheadline")
    assert default.strip_fields == ("authors",)
    assert new.exclude == {"headline": ("span.kicker", "small"), "authors": (".label",)}
    assert default.exclude == {"headline": ("span.kicker",)}


def test_paragraph_breaks_are_selectors(tmp_path: Path) -> None:
    config = load_config(load(tmp_path, "paragraph_breaks = ['span.br', 'div']\n"))
    assert config.layouts[0].paragraph_breaks == ("span.br", "div")
    message = error(tmp_path, "paragraph_breaks = ['span.br', 'a[']\n")
    assert message.startswith("fields.paragraph_breaks[1]: bad CSS selector 'a['")
    message = error(tmp_path, "paragraph_breaks = [3]\n")
    assert message.startswith(
        "fields.paragraph_breaks: expected a list of strings, got list of int"
    )


def test_a_layout_replaces_the_paragraph_breaks(tmp_path: Path) -> None:
    # Like ``paragraphs``, they describe how one layout's body is cut: given, they replace the
    # inherited ones (an empty list turns them off); left out, they are inherited.
    text = (
        "paragraph_breaks = ['span.br']\n"
        "[[layouts]]\nname = 'new'\n[layouts.fields]\nbody = ['main']\nparagraph_breaks = ['hr']\n"
        "[[layouts]]\nname = 'plain'\n[layouts.fields]\nbody = ['main']\nparagraph_breaks = []\n"
        "[[layouts]]\nname = 'same'\n[layouts.fields]\nbody = ['main']\n"
    )
    new, plain, same, default = load_config(load(tmp_path, text)).layouts
    assert new.paragraph_breaks == ("hr",) and plain.paragraph_breaks == ()
    assert same.paragraph_breaks == ("span.br",) == default.paragraph_breaks


def test_every_config_key_is_documented() -> None:
    """docs/selectors.md names every key a config may hold (a new key needs its docs)."""
    from scraper.sites import FIELD_NAMES, LAYOUT_KEYS, RULE_NAMES, SITE_KEYS, TEST_KEYS

    docs = (Path(__file__).resolve().parent.parent / "docs" / "selectors.md").read_text("utf-8")
    keys = FIELD_NAMES + RULE_NAMES + SITE_KEYS + TEST_KEYS + LAYOUT_KEYS
    missing = [key for key in keys if f"`{key}`" not in docs and f"{key} =" not in docs]
    assert not missing, f"undocumented config keys: {missing}"
