"""URL canonicalisation: one spelling per page, so the frontier and the archive never hold twins.

Lower-cases scheme and host, drops default ports, fragments and tracking parameters, sorts
the query, and reads a page's own ``<link rel=canonical>``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser as HTMLParser

#: Query parameters that only track the visitor; they never change the page served.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gclsrc",
        "msclkid",
        "yclid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "ref_src",
        "ref_url",
        "cmpid",
        "ncid",
        "smid",
        "sr_share",
        "__twitter_impression",
    }
)

#: Prefixes of tracking parameter families (utm_source, utm_medium, ...).
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "itm_")

DEFAULT_PORTS = {"http": 80, "https": 443}

_DOT_SEGMENTS = re.compile(r"/\.(?=/|$)")
#: Whitespace and control characters cannot appear raw in a URL: a path gets them
#: percent-encoded (one spelling for "a b" and "a%20b"); a host name with them is refused.
_UNSAFE = re.compile(r"[\x00-\x20\x7f]")
_BAD_HOST = re.compile(r"[\x00-\x20\x7f<>\"{}|\\^`]")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonicalize(url: str, base: str | None = None) -> str | None:
    """The canonical form of ``url`` (resolved against ``base``), or None if not http(s).

    >>> canonicalize("HTTPS://Example.COM:443/a/../b?utm_source=x&b=2&a=1#top")
    'https://example.com/b?a=1&b=2'
    """
    url = url.strip()
    if not url:
        return None
    if base:
        url = urljoin(base, url)
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if _BAD_HOST.search(host):
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _normalise_path(parts.path)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = sorted((k, v) for k, v in pairs if not _is_tracking(k))
    query = urlencode(kept, quote_via=quote, safe="/:,@!$'()*;~")
    return urlunsplit((scheme, netloc, path, query, ""))


def _normalise_path(path: str) -> str:
    if not path:
        return "/"
    # urljoin already resolves "..", but absolute inputs skip it: resolve against the root.
    if "/." in path:
        path = urlsplit(urljoin("http://x/", path)).path
    path = _UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", path)
    return _DOT_SEGMENTS.sub("", path) or "/"


def host_of(url: str) -> str:
    """The host (with a non-default port) of a canonical URL: the unit of politeness."""
    return urlsplit(url).netloc.lower()


def same_host(url: str, other: str) -> bool:
    return host_of(url) == host_of(other)


def canonical_link(html: str | bytes, url: str) -> str | None:
    """The page's own canonical URL (``<link rel=canonical>``, else ``og:url``), canonicalised."""
    tree = HTMLParser(html)
    for node in tree.css("link[rel][href]"):
        rels = (node.attributes.get("rel") or "").lower().split()
        if "canonical" in rels:
            found = canonicalize(node.attributes.get("href") or "", url)
            if found:
                return found
    for node in tree.css('meta[property="og:url"][content]'):
        found = canonicalize(node.attributes.get("content") or "", url)
        if found:
            return found
    return None
