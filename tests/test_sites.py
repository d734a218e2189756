"""Tests for scraper.sites (loading, validation, URL matching) and the `scraper sites` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scraper.cli import app
from scraper.errors import ConfigError
from scraper.sites import (
    clear_cache,
    config_hash,
    find_config,
    load_config,
    load_configs,
    match_config,
    split_attribute,
)

MINIMAL = """
[site]
name = "Example Times"
hosts = ["example.com", "*.example.org"]

[fields]
body = ["div.article-body"]
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, "bad.toml", text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(str(path)), message
    return message


def test_minimal_config_loads(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "example.com.toml", MINIMAL))
    assert config.name == "Example Times"
    assert config.hosts == ("example.com", "*.example.org")
    assert [layout.name for layout in config.layouts] == ["default"]
    assert config.layouts[0].fields["body"] == ("div.article-body",)
    assert config.layouts[0].paragraphs == "p, h2, h3, h4, blockquote, li"


def test_invalid_toml_names_file(tmp_path: Path) -> None:
    message = error_for(tmp_path, "[site\nname = 1")
    assert "invalid TOML" in message


def test_wrong_type_names_key_and_type(tmp_path: Path) -> None:
    message = error_for(tmp_path, MINIMAL.replace('["div.article-body"]', "3"))
    assert message.endswith("fields.body: expected a list of strings, got int")


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    message = error_for(tmp_path, MINIMAL + 'hedline = ["h1"]\n')
    assert "fields.hedline: unknown key (did you mean 'headline'?)" in message


def test_unknown_top_level_table(tmp_path: Path) -> None:
    message = error_for(tmp_path, MINIMAL + "[[test]]\nfixture = 'x'\n")
    assert "test: unknown key (did you mean 'tests'?)" in message


def test_bad_regex_is_reported(tmp_path: Path) -> None:
    text = MINIMAL + "drop_paragraphs = ['^Read (more']\n"
    message = error_for(tmp_path, text)
    assert "fields.drop_paragraphs[0]: bad regex '^Read (more'" in message


def test_bad_article_url_regex(tmp_path: Path) -> None:
    text = MINIMAL.replace(
        'hosts = ["example.com", "*.example.org"]', 'hosts = ["a.com"]\narticle_urls = ["[a-"]'
    )
    assert "site.article_urls[0]: bad regex" in error_for(tmp_path, text)


def test_bad_selector_is_reported(tmp_path: Path) -> None:
    message = error_for(tmp_path, MINIMAL + 'headline = ["h1", "div["]\n')
    assert "fields.headline[1]: bad CSS selector 'div['" in message


def test_bad_selector_with_attribute(tmp_path: Path) -> None:
    message = error_for(tmp_path, MINIMAL + 'published = ["time[@datetime"]\n')
    assert "fields.published[0]: bad CSS selector" in message


def test_bad_strip_selector(tmp_path: Path) -> None:
    message = error_for(tmp_path, MINIMAL + 'strip = ["aside", ">>"]\n')
    assert "fields.strip[1]: bad CSS selector" in message


def test_missing_hosts_and_body(tmp_path: Path) -> None:
    assert "site.hosts: missing" in error_for(tmp_path, "[site]\nname='x'\n[fields]\nbody=['p']\n")
    no_body = "[site]\nname='x'\nhosts=['a.com']\n[fields]\nheadline=['h1']\n"
    assert "fields.body: missing" in error_for(tmp_path, no_body)


def test_layout_errors_name_the_layout(tmp_path: Path) -> None:
    text = MINIMAL + "[[layouts]]\nname='new'\nvalid_from='soon'\n[layouts.fields]\nbody=['main']\n"
    assert "layouts[0].valid_from: expected a date" in error_for(tmp_path, text)
    text = MINIMAL + "[[layouts]]\n[layouts.fields]\nbodyy=['main']\n"
    assert "layouts[0].fields.bodyy: unknown key (did you mean 'body'?)" in error_for(
        tmp_path, text
    )


def test_test_case_errors(tmp_path: Path) -> None:
    assert "tests[0].fixture: missing" in error_for(tmp_path, MINIMAL + "[[tests]]\nurl='x'\n")
    text = MINIMAL + "[[tests]]\nfixture='f.html'\nparagraphs='many'\n"
    assert "tests[0].paragraphs: expected a non-negative integer, got str" in error_for(
        tmp_path, text
    )


def test_layouts_inherit_fields_and_add_rules(tmp_path: Path) -> None:
    text = MINIMAL + (
        "strip = ['aside']\nheadline = ['h1']\n"
        "[[layouts]]\nname = 'new'\nvalid_from = 2024-01-01\n"
        "[layouts.fields]\nbody = ['main']\nstrip = ['.ad']\n"
    )
    config = load_config(write(tmp_path, "x.toml", text))
    new, default = config.layouts
    assert new.name == "new" and default.name == "default"
    assert new.fields["body"] == ("main",) and new.fields["headline"] == ("h1",)
    assert new.strip == ("aside", ".ad") and default.strip == ("aside",)
    assert new.valid_from is not None and new.valid_from.isoformat() == "2024-01-01"


def test_fixture_paths_resolve_against_repo_root(tmp_path: Path) -> None:
    folder = tmp_path / "selectors"
    folder.mkdir()
    text = MINIMAL + "[[tests]]\nfixture = 'fixtures/example.com/a.html'\nheadline = 'A'\n"
    config = load_config(write(folder, "example.com.toml", text))
    assert config.tests[0].fixture == tmp_path / "fixtures" / "example.com" / "a.html"


def test_split_attribute() -> None:
    assert split_attribute("time[datetime]@datetime") == ("time[datetime]", "datetime")
    assert split_attribute('a[href*="@"]') == ('a[href*="@"]', None)
    assert split_attribute("div.body") == ("div.body", None)


def test_host_matching_exact_www_and_wildcards(tmp_path: Path) -> None:
    config = load_config(write(tmp_path, "example.com.toml", MINIMAL))
    assert match_config("https://example.com/a", [config]) is config
    assert match_config("https://www.example.com/a", [config]) is config
    assert match_config("https://news.example.org/a", [config]) is config
    assert match_config("https://a.b.example.org/a", [config]) is config
    # "*.example.org" means subdomains only; other hosts never match.
    assert match_config("https://example.org/a", [config]) is None
    assert match_config("https://notexample.com/a", [config]) is None
    assert match_config("https://sub.example.com/a", [config]) is None
    assert match_config("not a url", [config]) is None


def test_article_url_patterns_choose_between_configs(tmp_path: Path) -> None:
    news = MINIMAL.replace("Example Times", "News").replace(
        'hosts = ["example.com", "*.example.org"]',
        "hosts = ['example.com']\narticle_urls = ['^https://example\\.com/news/']",
    )
    blog = MINIMAL.replace("Example Times", "Blog").replace(
        'hosts = ["example.com", "*.example.org"]',
        "hosts = ['example.com']\narticle_urls = ['/blog/']",
    )
    configs = [
        load_config(write(tmp_path, "a.toml", news)),
        load_config(write(tmp_path, "b.toml", blog)),
    ]
    assert match_config("https://example.com/blog/x", configs).name == "Blog"  # type: ignore[union-attr]
    assert match_config("https://example.com/news/x", configs).name == "News"  # type: ignore[union-attr]


def test_find_config_uses_directory_and_env(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, "example.com.toml", MINIMAL)
    clear_cache()
    found = find_config("https://www.example.com/2024/x", tmp_path)
    assert found is not None and found.name == "Example Times"
    assert find_config("https://elsewhere.net/", tmp_path) is None
    monkeypatch.setenv("SCRAPER_SELECTORS", str(tmp_path))
    assert [c.name for c in load_configs()] == ["Example Times"]
    assert find_config("https://live.example.org/") is not None
    clear_cache()


def test_config_hash_changes_with_content(tmp_path: Path) -> None:
    first = config_hash(load_config(write(tmp_path, "a.toml", MINIMAL)))
    again = config_hash(load_config(write(tmp_path, "b.toml", MINIMAL)))
    changed = config_hash(load_config(write(tmp_path, "c.toml", MINIMAL + "strip = ['aside']\n")))
    assert len(first) == 12 and first == again and first != changed


def test_repository_configs_are_valid() -> None:
    configs = load_configs()
    assert configs, "selectors/ should hold configs"
    names = [c.name for c in configs]
    assert len(names) == len(set(names)), "config names must be unique"


# ---------------------------------------------------------------- the CLI

runner = CliRunner()


def site_folder(tmp_path: Path, body_excludes: str = "Fun fact") -> Path:
    folder = tmp_path / "selectors"
    (tmp_path / "fixtures").mkdir()
    folder.mkdir()
    page = (
        "<html><head><title>T</title></head><body><h1>Big news</h1>"
        "<div class='article-body'><p>First paragraph here.</p><p>Fun fact of the day: the moon is far away from here.</p></div>"
        "</body></html>"
    )
    (tmp_path / "fixtures" / "a.html").write_text(page)
    test = (
        f"[[tests]]\nfixture = 'fixtures/a.html'\nheadline = 'Big news'\n"
        f"body_contains = ['First paragraph']\nbody_excludes = ['{body_excludes}']\n"
    )
    write(folder, "example.com.toml", MINIMAL + "drop_paragraphs = ['^Fun fact']\n" + test)
    return folder


def test_cli_list_json(tmp_path: Path) -> None:
    folder = site_folder(tmp_path)
    result = runner.invoke(app, ["sites", "list", "--dir", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["name"] == "Example Times" and rows[0]["tests"] == 1
    assert rows[0]["hosts"] == ["example.com", "*.example.org"]


def test_cli_check_ok_and_invalid(tmp_path: Path) -> None:
    folder = site_folder(tmp_path)
    result = runner.invoke(app, ["sites", "check", "--dir", str(folder), "--quiet"])
    assert result.exit_code == 0, result.output
    write(folder, "broken.toml", MINIMAL.replace('["div.article-body"]', "3"))
    result = runner.invoke(app, ["sites", "check", "--dir", str(folder), "--quiet"])
    assert result.exit_code == 2
    assert "broken.toml: fields.body: expected a list of strings, got int" in result.output


def test_cli_check_reports_missing_fixture(tmp_path: Path) -> None:
    folder = site_folder(tmp_path)
    (tmp_path / "fixtures" / "a.html").unlink()
    result = runner.invoke(app, ["sites", "check", "--dir", str(folder), "--json", "--quiet"])
    assert result.exit_code == 2
    assert "tests[0].fixture: no such file" in json.loads(result.stdout)[0]["error"]


def test_cli_test_pass_and_fail(tmp_path: Path) -> None:
    folder = site_folder(tmp_path)
    result = runner.invoke(app, ["sites", "test", "example.com", "--dir", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("pass")
    # Without the drop rule the newsletter line stays in the body and the case fails.
    path = folder / "example.com.toml"
    path.write_text(path.read_text().replace("drop_paragraphs = ['^Fun fact']\n", ""))
    result = runner.invoke(app, ["sites", "test", "--dir", str(folder), "--json"])
    assert result.exit_code == 1
    [case] = json.loads(result.stdout)
    assert case["problems"] == ["body_excludes: found 'Fun fact'"]


def test_cli_test_unknown_site(tmp_path: Path) -> None:
    folder = site_folder(tmp_path)
    result = runner.invoke(app, ["sites", "test", "nosuch.org", "--dir", str(folder)])
    assert result.exit_code == 2
    assert "no site config named 'nosuch.org'" in result.output


def test_find_config_skips_a_broken_config(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write(tmp_path, "example.com.toml", MINIMAL)
    write(tmp_path, "broken.toml", "[site\n")
    clear_cache()
    found = find_config("https://example.com/a", tmp_path)
    assert found is not None and found.name == "Example Times"
    assert "broken.toml" in caplog.text
    with pytest.raises(ConfigError):
        load_configs(tmp_path)
    clear_cache()


def test_no_python_files_in_selectors() -> None:
    # A selectors/__init__.py or *.py would shadow the standard library's selectors module.
    folder = Path(__file__).resolve().parent.parent / "selectors"
    assert not list(folder.glob("*.py"))


def test_cli_list_and_test_go_on_past_a_broken_config(tmp_path: Path) -> None:
    folder = site_folder(tmp_path)
    write(folder, "aaa-broken.toml", "[site\n")  # sorts first: must not hide the others
    listed = runner.invoke(app, ["sites", "list", "--dir", str(folder), "--json"])
    assert listed.exit_code == 2
    assert [row["name"] for row in json.loads(listed.stdout)] == ["Example Times"]
    assert "error: " in listed.stderr and "aaa-broken.toml: invalid TOML" in listed.stderr
    tested = runner.invoke(app, ["sites", "test", "--dir", str(folder)])
    assert tested.exit_code == 2
    assert tested.stdout.startswith("pass\tExample Times")
    assert "aaa-broken.toml: invalid TOML" in tested.stderr
    # Naming a valid site ignores the broken neighbour; naming the broken one explains why.
    one = runner.invoke(app, ["sites", "test", "example.com", "--dir", str(folder)])
    assert one.exit_code == 0, one.output
    broken = runner.invoke(app, ["sites", "test", "aaa-broken", "--dir", str(folder)])
    assert broken.exit_code == 2 and "aaa-broken.toml: invalid TOML" in broken.stderr


def test_cli_test_help_names_the_embedded_tests() -> None:
    # Rich markup once swallowed "[[tests]]" here, leaving "Run the embedded [] of ...".
    result = runner.invoke(app, ["sites", "test", "--help"])
    assert result.exit_code == 0
    assert "test cases embedded in the site configs" in " ".join(result.output.split())
    assert "[]" not in result.output


def test_negative_delay_shows_the_value(tmp_path: Path) -> None:
    text = MINIMAL.replace("[fields]", "delay = -5\n\n[fields]")
    assert error_for(tmp_path, text).endswith("site.delay: expected a non-negative number, got -5")
    text = MINIMAL.replace("[fields]", "delay = 'fast'\n\n[fields]")
    assert error_for(tmp_path, text).endswith("site.delay: expected a non-negative number, got str")


@pytest.mark.parametrize(
    ("hosts", "problem"),
    [
        ('["https://example.com/"]', "hosts[0]: 'https://example.com/' is not a host name "
         "(write it as 'example.com')"),
        ('["example.com", "example.com/news"]', "hosts[1]: 'example.com/news' is not a host name"),
        ('["exa mple.com"]', "hosts[0]: 'exa mple.com' is not a host name"),
    ],
)  # fmt: skip
def test_hosts_must_be_host_names(tmp_path: Path, hosts: str, problem: str) -> None:
    text = MINIMAL.replace('["example.com", "*.example.org"]', hosts)
    assert problem in error_for(tmp_path, text)


def test_feeds_and_sitemaps_must_be_http_urls(tmp_path: Path) -> None:
    text = MINIMAL.replace("[fields]", "feeds = ['not a url']\n\n[fields]")
    assert error_for(tmp_path, text).endswith("site.feeds[0]: 'not a url' is not an http(s) URL")
    text = MINIMAL.replace("[fields]", "sitemaps = ['/sitemap.xml']\n\n[fields]")
    assert error_for(tmp_path, text).endswith(
        "site.sitemaps[0]: '/sitemap.xml' is not an http(s) URL"
    )
    ok = "feeds = ['https://example.com/rss']\nsitemaps = ['http://example.com:8080/s.xml']\n"
    assert load_config(write(tmp_path, "ok.toml", MINIMAL.replace("[fields]", ok + "[fields]")))
