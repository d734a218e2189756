"""The site config format: the keys of ``selectors/*.toml``, the frozen dataclasses a config is
read into, and their validation (``parse_config``), each problem a ``ConfigError`` naming the
file, the key and what is wrong. Loading files and matching URLs is ``scraper.sites``.

The format is documented in ``docs/selectors.md``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from scraper.errors import ConfigError

#: Fields a layout may give, each an ordered list of fallbacks.
FIELD_NAMES = (
    "headline",
    "subheadline",
    "authors",
    "published",
    "modified",
    "language",
    "section",
    "tags",
    "canonical_url",
    "body",
    "images",
    "image_caption",
    "image_credit",
)
#: Keys of ``[fields]`` that are not fallback lists.
RULE_NAMES = (
    "paragraphs",
    "paragraph_breaks",
    "strip",
    "drop_paragraphs",
    "headline_strip",
    "exclude",
    "strip_fields",
)
#: Fields read as text from a node, whose descendants ``exclude`` may leave out. The body is
#: not among them: ``strip`` removes nodes from it.
TEXT_FIELDS = tuple(name for name in FIELD_NAMES if name not in ("body", "images"))
#: Fields whose source node ``strip_fields`` may remove from the page before the body is read
#: (the record's metadata fields; images have ``strip``, the body is what is being read).
STRIPPABLE_FIELDS = tuple(name for name in TEXT_FIELDS if not name.startswith("image_"))
SITE_KEYS = ("name", "hosts", "feeds", "sitemaps", "article_urls", "delay", "language")
LAYOUT_KEYS = ("name", "valid_from", "valid_until", "fields")
TOP_KEYS = ("site", "fields", "layouts", "tests")
TEST_KEYS = (
    "fixture",
    "url",
    "headline",
    "published",
    "authors",
    "body_contains",
    "body_excludes",
    "paragraphs",
    "min_paragraphs",
    "images",
    "layout",
)
#: What counts as a paragraph inside the body node unless a config says otherwise.
DEFAULT_PARAGRAPHS = "p, h2, h3, h4, blockquote, li"
#: Fallback prefixes that read metadata instead of a CSS selector.
METADATA_PREFIXES = ("jsonld:", "meta:")


@dataclass(frozen=True)
class Layout:
    """One version of a site's markup: fallbacks per field plus cleaning rules."""

    name: str
    fields: dict[str, tuple[str, ...]]
    paragraphs: str = DEFAULT_PARAGRAPHS
    #: Selectors of elements inside the body that separate paragraphs like ``<br>`` does.
    paragraph_breaks: tuple[str, ...] = ()
    strip: tuple[str, ...] = ()
    drop_paragraphs: tuple[re.Pattern[str], ...] = ()
    #: Regexes removed from the headline (a house style of section and site suffixes).
    headline_strip: tuple[re.Pattern[str], ...] = ()
    #: Per field: selectors of descendants left out of the text of the field's matches.
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Fields whose source node (the CSS match a value was read from) leaves the body.
    strip_fields: tuple[str, ...] = ()
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        """Whether an article published on ``day`` may use this layout (unknown day: yes)."""
        if day is None:
            return True
        if self.valid_from and day < self.valid_from:
            return False
        return not (self.valid_until and day > self.valid_until)


@dataclass(frozen=True)
class SiteTest:
    """One embedded test case (``[[tests]]``): a fixture page and what must come out of it."""

    fixture: Path
    url: str | None = None
    headline: str | None = None
    published: str | None = None
    authors: tuple[str, ...] | None = None
    body_contains: tuple[str, ...] = ()
    body_excludes: tuple[str, ...] = ()
    paragraphs: int | None = None
    min_paragraphs: int | None = None
    images: int | None = None
    layout: str | None = None


@dataclass(frozen=True)
class SiteConfig:
    """One site's config: identity, discovery hints, layouts (tried in order) and tests."""

    name: str
    hosts: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    article_urls: tuple[re.Pattern[str], ...] = ()
    delay: float | None = None
    language: str | None = None
    layouts: tuple[Layout, ...] = ()
    tests: tuple[SiteTest, ...] = ()
    path: Path | None = None
    digest: str = field(default="", compare=False)


# ---------------------------------------------------------------- validation helpers


class _Reader:
    """Typed access to one TOML table, raising ConfigError with file and dotted key."""

    def __init__(self, path: str, prefix: str, table: dict[str, Any], allowed: tuple[str, ...]):
        self.path, self.prefix, self.table = path, prefix, table
        for key in table:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ConfigError(path, self.key(key), f"unknown key{hint}")

    def key(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def fail(self, name: str, problem: str) -> ConfigError:
        return ConfigError(self.path, self.key(name), problem)

    def string(self, name: str, required: bool = False) -> str | None:
        value = self.table.get(name)
        if value is None:
            if required:
                raise self.fail(name, "missing (a string is required)")
            return None
        if not isinstance(value, str):
            raise self.fail(name, f"expected a string, got {_type(value)}")
        return value

    def strings(self, name: str) -> tuple[str, ...]:
        """A list of strings; a single string is accepted as a one-item list."""
        value = self.table.get(name, [])
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(name, f"expected a list of strings, got {_type(value)}")
        return tuple(value)

    def integer(self, name: str) -> int | None:
        value = self.table.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(name, f"expected a non-negative integer, got {_shown(value)}")
        return value

    def number(self, name: str) -> float | None:
        value = self.table.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise self.fail(name, f"expected a non-negative number, got {_shown(value)}")
        return float(value)

    def date(self, name: str) -> dt.date | None:
        value = self.table.get(name)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                pass
        raise self.fail(name, f"expected a date like 2024-03-01, got {value!r}")

    def regexes(self, name: str) -> tuple[re.Pattern[str], ...]:
        compiled = []
        for i, pattern in enumerate(self.strings(name)):
            try:
                compiled.append(re.compile(pattern))
            except re.error as err:
                raise self.fail(f"{name}[{i}]", f"bad regex {pattern!r}: {err}") from None
        return tuple(compiled)

    def table_of(self, name: str) -> dict[str, Any]:
        value = self.table.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(name, f"expected a table, got {_type(value)}")
        return value

    def tables(self, name: str) -> list[dict[str, Any]]:
        value = self.table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(name, f"expected an array of tables ([[{name}]]), got {_type(value)}")
        return value


def _shown(value: Any) -> str:
    """A number of the right type but out of range is shown as itself ("got -5", not "got int")."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value)
    return _type(value)


def _type(value: Any) -> str:
    if isinstance(value, list):
        kinds = sorted({type(v).__name__ for v in value})
        return f"list of {'/'.join(kinds)}" if kinds else "empty list"
    return type(value).__name__


_EMPTY_TREE = LexborHTMLParser("<html><body></body></html>")


def split_attribute(fallback: str) -> tuple[str, str | None]:
    """Split ``css@attr`` into selector and attribute (an ``@`` inside ``[...]`` is not one)."""
    at = fallback.rfind("@")
    if at > fallback.rfind("]") and at > 0:
        return fallback[:at].strip(), fallback[at + 1 :].strip()
    return fallback.strip(), None


def check_selector(selector: str) -> str | None:
    """None if ``selector`` is valid CSS for selectolax, else the parser's complaint."""
    try:
        _EMPTY_TREE.css(selector)
    except Exception as err:  # selectolax raises its own SelectolaxError (not exported in stubs)
        return str(err) or type(err).__name__
    return None


def _check_fallback(reader: _Reader, key: str, fallback: str) -> None:
    if fallback.startswith(METADATA_PREFIXES):
        if not fallback.partition(":")[2]:
            raise reader.fail(key, f"{fallback!r} names no key after the prefix")
        return
    selector, attribute = split_attribute(fallback)
    if attribute == "":
        raise reader.fail(key, f"{fallback!r} has an empty attribute after '@'")
    problem = check_selector(selector) if selector else "empty selector"
    if problem:
        raise reader.fail(key, f"bad CSS selector {selector!r}: {problem}")


def _read_fields(reader: _Reader) -> dict[str, tuple[str, ...]]:
    fields: dict[str, tuple[str, ...]] = {}
    for name in FIELD_NAMES:
        if name in reader.table:
            fallbacks = reader.strings(name)
            for i, fallback in enumerate(fallbacks):
                _check_fallback(reader, f"{name}[{i}]", fallback)
            fields[name] = fallbacks
    return fields


def _check_selectors(reader: _Reader, name: str, selectors: tuple[str, ...]) -> None:
    for i, selector in enumerate(selectors):
        problem = check_selector(selector)
        if problem:
            raise reader.fail(f"{name}[{i}]", f"bad CSS selector {selector!r}: {problem}")


def _read_exclude(reader: _Reader, base: dict[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """``exclude``: a table of field name -> selectors; a layout adds to the inherited lists."""
    table = reader.table_of("exclude")
    for name in ("body", "images"):
        if name in table:
            problem = f"{name!r} has no exclude (remove such nodes with 'strip')"
            raise reader.fail(f"exclude.{name}", problem)
    inner = _Reader(reader.path, reader.key("exclude."), table, TEXT_FIELDS)
    merged = dict(base)
    for name in table:
        selectors = inner.strings(name)
        _check_selectors(inner, name, selectors)
        merged[name] = merged.get(name, ()) + selectors
    return merged


def _read_strip_fields(reader: _Reader, fields: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """``strip_fields``: field names whose fallbacks (``fields``) include a CSS selector."""
    names = reader.strings("strip_fields")
    for i, name in enumerate(names):
        if name in STRIPPABLE_FIELDS:
            if not any(not f.startswith(METADATA_PREFIXES) for f in fields.get(name, ())):
                # Only a node matched by a selector can leave the page.
                problem = f"{name!r} has no CSS fallback here, so no node to remove"
                raise reader.fail(f"strip_fields[{i}]", problem)
            continue
        if name in ("body", "images", "image_caption", "image_credit"):
            problem = f"{name!r} cannot be stripped (remove such nodes with 'strip')"
        else:
            close = difflib.get_close_matches(name, STRIPPABLE_FIELDS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            problem = f"{name!r} is not a field{hint}"
        raise reader.fail(f"strip_fields[{i}]", problem)
    return names


def _read_layout(path: str, prefix: str, table: dict[str, Any], base: Layout | None) -> Layout:
    reader = _Reader(path, prefix, table, FIELD_NAMES + RULE_NAMES)
    fields = {**(base.fields if base else {}), **_read_fields(reader)}
    strip = reader.strings("strip")
    _check_selectors(reader, "strip", strip)
    paragraphs = reader.string("paragraphs")
    if paragraphs is not None and (problem := check_selector(paragraphs)):
        raise reader.fail("paragraphs", f"bad CSS selector {paragraphs!r}: {problem}")
    breaks = reader.strings("paragraph_breaks")
    _check_selectors(reader, "paragraph_breaks", breaks)
    inherited = base or Layout(name="default", fields={})
    strip_fields = inherited.strip_fields + tuple(
        name for name in _read_strip_fields(reader, fields) if name not in inherited.strip_fields
    )
    # Cleaning rules add to the inherited ones; fallbacks, ``paragraphs`` and
    # ``paragraph_breaks`` (how this layout's body is cut) replace them.
    return Layout(
        name="default",
        fields=fields,
        paragraphs=paragraphs or inherited.paragraphs,
        paragraph_breaks=breaks
        if "paragraph_breaks" in reader.table
        else inherited.paragraph_breaks,
        strip=inherited.strip + strip,
        drop_paragraphs=inherited.drop_paragraphs + reader.regexes("drop_paragraphs"),
        headline_strip=inherited.headline_strip + reader.regexes("headline_strip"),
        exclude=_read_exclude(reader, inherited.exclude),
        strip_fields=strip_fields,
    )


def _read_layouts(path: str, top: _Reader) -> tuple[Layout, ...]:
    base = _read_layout(path, "fields.", top.table_of("fields"), None)
    layouts = []
    for i, table in enumerate(top.tables("layouts")):
        reader = _Reader(path, f"layouts[{i}].", table, LAYOUT_KEYS)
        inner = _read_layout(path, f"layouts[{i}].fields.", reader.table_of("fields"), base)
        layout = replace(
            inner,
            name=reader.string("name") or f"layout{i + 1}",
            valid_from=reader.date("valid_from"),
            valid_until=reader.date("valid_until"),
        )
        layouts.append(layout)
    # The [fields] table alone is the last resort when no [[layouts]] matched.
    return (*layouts, base)


def _read_tests(path: Path, top: _Reader) -> tuple[SiteTest, ...]:
    root = path.parent.parent
    tests = []
    for i, table in enumerate(top.tables("tests")):
        reader = _Reader(str(path), f"tests[{i}].", table, TEST_KEYS)
        fixture = Path(reader.string("fixture", required=True) or "")
        authors = reader.strings("authors") if "authors" in table else None
        tests.append(
            SiteTest(
                fixture=fixture if fixture.is_absolute() else root / fixture,
                url=reader.string("url"),
                headline=reader.string("headline"),
                published=reader.string("published"),
                authors=authors,
                body_contains=reader.strings("body_contains"),
                body_excludes=reader.strings("body_excludes"),
                paragraphs=reader.integer("paragraphs"),
                min_paragraphs=reader.integer("min_paragraphs"),
                images=reader.integer("images"),
                layout=reader.string("layout"),
            )
        )
    return tuple(tests)


#: A host name as written in ``hosts``: optional ``*.`` wildcard, labels, optional port.
#: Anything else (a URL, a path, spaces) would silently match no page.
_HOST_NAME = re.compile(r"^(\*\.)?[^\s/:@?#*\[\]]+(:\d+)?$")


def _host_names(site: _Reader) -> tuple[str, ...]:
    hosts = tuple(h.lower().strip() for h in site.strings("hosts"))
    for i, host in enumerate(hosts):
        if not _HOST_NAME.match(host):
            bare = urlsplit(host if "//" in host else f"//{host}").hostname or "example.com"
            raise site.fail(f"hosts[{i}]", f"{host!r} is not a host name (write it as {bare!r})")
    return hosts


def _urls(site: _Reader, name: str) -> tuple[str, ...]:
    urls = site.strings(name)
    for i, url in enumerate(urls):
        parts = urlsplit(url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in url.strip():
            raise site.fail(f"{name}[{i}]", f"{url!r} is not an http(s) URL")
    return urls


def parse_config(data: dict[str, Any], path: Path, digest: str = "") -> SiteConfig:
    """Validate parsed TOML ``data`` (from ``path``) into a SiteConfig."""
    name = str(path)
    top = _Reader(name, "", data, TOP_KEYS)
    site = _Reader(name, "site.", top.table_of("site"), SITE_KEYS)
    hosts = _host_names(site)
    if not hosts:
        raise site.fail("hosts", "missing (list the host names this config applies to)")
    layouts = _read_layouts(name, top)
    if not any("body" in layout.fields for layout in layouts):
        raise ConfigError(name, "fields.body", "missing (give at least one body selector)")
    return SiteConfig(
        name=site.string("name", required=True) or "",
        hosts=hosts,
        feeds=_urls(site, "feeds"),
        sitemaps=_urls(site, "sitemaps"),
        article_urls=site.regexes("article_urls"),
        delay=site.number("delay"),
        language=site.string("language"),
        layouts=layouts,
        tests=_read_tests(path, top),
        path=path,
        digest=digest or hashlib.sha256(repr(data).encode()).hexdigest(),
    )
