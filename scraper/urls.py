"""URL canonicalisation: one spelling per page, so the frontier and the archive never hold twins.

Lower-cases scheme and host, drops default ports, fragments and tracking parameters, sorts
the query, and reads a page's own ``<link rel=canonical>``.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urljoin, urlsplit, urlunsplit

import idna
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
#: What an ASCII host name label may hold (letters, digits, hyphens; underscores occur in
#: real subdomains although DNS host names forbid them).
_LABEL = re.compile(r"^[a-z0-9_-]{1,63}$")
_DIGITS = re.compile(r"^[0-9]+$")


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


def url_problem(url: str) -> str | None:
    """Why ``url`` can never be fetched (one line, for a URL the user typed), or None.

    Stricter than ``canonicalize``, which only needs a spelling: a URL found on a page is
    queued and later skipped as invalid, but a URL typed on the command line deserves a
    usage error before anything starts.

    >>> url_problem("http://256.1.1.1/x")
    "invalid IPv4 address '256.1.1.1' (a part is over 255)"
    """
    url = url.strip()
    scheme, colon, rest = url.partition(":")
    if not colon or (scheme.lower() not in DEFAULT_PORTS and "." in scheme):
        return "not an http(s) URL (did you mean https://...?)"  # "example.com/a"
    if scheme.lower() not in DEFAULT_PORTS:
        return "not an http(s) URL"
    if not rest.startswith("//"):
        return f"not an http(s) URL ({scheme}: needs // after it)"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as err:  # a port out of range, a broken [IPv6] literal
        return f"invalid URL ({err})"
    if port == 0:
        return "invalid port 0"
    if not parts.hostname:
        return "no host name"
    if parts.netloc.endswith("]") or ":" in parts.hostname:
        return None  # urlsplit has checked the [IPv6] literal
    return host_problem(parts.hostname)


def host_problem(host: str) -> str | None:
    """Why ``host`` (a name or an IPv4 address, without port) cannot exist, or None."""
    host = host.lower()
    name = host[:-1] if host.endswith(".") else host
    labels = name.split(".")
    if all(_DIGITS.match(label) for label in labels) and len(labels) == 4:
        if any(int(label) > 255 for label in labels):
            return f"invalid IPv4 address {host!r} (a part is over 255)"
        return None
    if len(labels) > 1 and _DIGITS.match(labels[-1]) and not all(map(_DIGITS.match, labels)):
        return f"invalid host name {host!r} (a host name cannot end in a number)"
    if not name.isascii():
        try:
            idna.encode(name)  # as httpx encodes it: what it refuses cannot be fetched
        except idna.IDNAError as err:
            return f"invalid host name {host!r} ({err})"
        return None
    if len(name) > 253:
        return f"invalid host name {host[:40]!r}... (longer than 253 characters)"
    for label in labels:
        if not _LABEL.match(label):
            if not label:
                why = "an empty part"
            elif len(label) > 63:
                why = "a part longer than 63 characters"
            else:
                why = f"{label!r} holds characters a host name cannot"
            return f"invalid host name {host!r} ({why})"
    return None


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
