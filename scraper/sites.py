"""Site configs: load ``selectors/*.toml`` (validated by ``scraper.site_format``), cache them per
folder, and match a URL to its config (hosts with ``*.`` wildcards, then ``article_urls``
patterns).

The format is documented in ``docs/selectors.md``; every problem raises ``ConfigError`` naming
the file, the key and what is wrong.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import scraper
from scraper.errors import ConfigError

# The format is re-exported: callers know configs as ``scraper.sites`` only.
from scraper.site_format import (
    DEFAULT_PARAGRAPHS,
    FIELD_NAMES,
    LAYOUT_KEYS,
    METADATA_PREFIXES,
    RULE_NAMES,
    SITE_KEYS,
    STRIPPABLE_FIELDS,
    TEST_KEYS,
    TEXT_FIELDS,
    TOP_KEYS,
    Layout,
    SiteConfig,
    SiteTest,
    check_selector,
    parse_config,
    split_attribute,
)

__all__ = [
    "DEFAULT_PARAGRAPHS",
    "FIELD_NAMES",
    "LAYOUT_KEYS",
    "METADATA_PREFIXES",
    "RULE_NAMES",
    "SITE_KEYS",
    "STRIPPABLE_FIELDS",
    "TEST_KEYS",
    "TEXT_FIELDS",
    "TOP_KEYS",
    "Layout",
    "SiteConfig",
    "SiteTest",
    "check_selector",
    "clear_cache",
    "config_files",
    "config_hash",
    "default_directory",
    "find_config",
    "host_candidates",
    "load_config",
    "load_configs",
    "load_valid_configs",
    "match_config",
    "parse_config",
    "split_attribute",
]

log = logging.getLogger(__name__)


def load_config(path: str | Path) -> SiteConfig:
    """Read and validate one TOML config file; raises ConfigError on any problem."""
    path = Path(path)
    raw = path.read_bytes()
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as err:
        raise ConfigError(str(path), None, f"not UTF-8 text: {err.reason}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(str(path), None, f"invalid TOML: {err}") from None
    return parse_config(data, path, hashlib.sha256(raw).hexdigest())


def default_directory() -> Path:
    """``$SCRAPER_SELECTORS`` or the ``selectors/`` folder next to the package."""
    env = os.environ.get("SCRAPER_SELECTORS")
    if env:
        return Path(env)
    return Path(scraper.__file__).resolve().parent.parent / "selectors"


def config_files(directory: str | Path | None = None) -> list[Path]:
    """The ``*.toml`` files of ``directory`` (default: ``default_directory()``), sorted."""
    folder = Path(directory) if directory is not None else default_directory()
    return sorted(folder.glob("*.toml")) if folder.is_dir() else []


def load_configs(directory: str | Path | None = None) -> list[SiteConfig]:
    """Every config of ``directory`` (cached per directory; see ``clear_cache``)."""
    folder = Path(directory) if directory is not None else default_directory()
    return list(_load_all(folder.resolve()))


def load_valid_configs(directory: str | Path | None = None) -> list[SiteConfig]:
    """The valid configs of ``directory``; each invalid one is logged as a warning and skipped
    (so one broken file does not stop a crawl of every site; ``scraper sites check`` finds it)."""
    folder = Path(directory) if directory is not None else default_directory()
    return list(_load_valid(folder.resolve()))


@lru_cache(maxsize=8)
def _load_all(folder: Path) -> tuple[SiteConfig, ...]:
    return tuple(load_config(p) for p in config_files(folder))


@lru_cache(maxsize=8)
def _load_valid(folder: Path) -> tuple[SiteConfig, ...]:
    """The valid configs only: one broken file must not stop extraction for every site
    (``scraper sites check`` reports it)."""
    configs = []
    for path in config_files(folder):
        try:
            configs.append(load_config(path))
        except ConfigError as err:
            log.warning("skipping invalid site config: %s", err)
    return tuple(configs)


def clear_cache() -> None:
    """Forget loaded configs and the host index (after editing files, or in tests)."""
    _load_all.cache_clear()
    _load_valid.cache_clear()
    _index.cache_clear()


# ---------------------------------------------------------------- URL matching


@dataclass(frozen=True)
class _Index:
    exact: dict[str, tuple[SiteConfig, ...]]
    wildcard: dict[str, tuple[SiteConfig, ...]]


@lru_cache(maxsize=8)
def _index(folder: Path) -> _Index:
    exact: dict[str, list[SiteConfig]] = {}
    wildcard: dict[str, list[SiteConfig]] = {}
    for config in _load_valid(folder):
        for host in config.hosts:
            if host.startswith("*."):
                wildcard.setdefault(host[2:], []).append(config)
            else:
                exact.setdefault(host, []).append(config)
    return _Index(
        {k: tuple(v) for k, v in exact.items()}, {k: tuple(v) for k, v in wildcard.items()}
    )


def host_candidates(
    host: str, index_exact: dict[str, Any], index_wild: dict[str, Any]
) -> list[Any]:
    """Configs for ``host``: exact host first, then ``*.parent`` wildcards, nearest first."""
    found: list[Any] = list(index_exact.get(host, ()))
    if host.startswith("www."):
        found.extend(index_exact.get(host[4:], ()))
    parts = host.split(".")
    for i in range(1, len(parts)):
        found.extend(index_wild.get(".".join(parts[i:]), ()))
    return found


def match_config(url: str, configs: list[SiteConfig] | tuple[SiteConfig, ...]) -> SiteConfig | None:
    """The config for ``url`` among ``configs`` (no cache; see ``find_config``)."""
    exact: dict[str, list[SiteConfig]] = {}
    wild: dict[str, list[SiteConfig]] = {}
    for config in configs:
        for host in config.hosts:
            target = wild if host.startswith("*.") else exact
            target.setdefault(host.removeprefix("*."), []).append(config)
    return _pick(url, host_candidates(_host(url), exact, wild))


def find_config(url: str, directory: str | Path | None = None) -> SiteConfig | None:
    """The config whose hosts (then ``article_urls`` patterns) match ``url``, or None.

    A host matches exactly (``www.`` optional) or through a ``*.example.com`` wildcard (any
    subdomain). When
    several configs claim the host, the first whose ``article_urls`` match the URL wins,
    else the first without patterns.
    """
    folder = (Path(directory) if directory is not None else default_directory()).resolve()
    index = _index(folder)
    return _pick(url, host_candidates(_host(url), index.exact, index.wildcard))


def _host(url: str) -> str:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host


def _pick(url: str, candidates: list[SiteConfig]) -> SiteConfig | None:
    if not candidates:
        return None
    for config in candidates:
        if config.article_urls and any(p.search(url) for p in config.article_urls):
            return config
    unpatterned = [c for c in candidates if not c.article_urls]
    return unpatterned[0] if unpatterned else candidates[0]


def config_hash(config: SiteConfig) -> str:
    """A short stable hash of the config's source, recorded in ``Article.extractor``."""
    return config.digest[:12]
