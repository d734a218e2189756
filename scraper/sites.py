"""Site configs: load and validate selectors/*.toml, and match a URL to its config."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SiteConfig:
    """One site's config (placeholder)."""

    name: str


def find_config(url: str) -> SiteConfig | None:
    """The config whose hosts/URL patterns match ``url``, or None (placeholder)."""
    return None
