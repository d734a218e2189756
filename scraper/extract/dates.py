"""Date parsing for the generic extractor: any common written date to ISO 8601, and dates in URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any

#: Month names and abbreviations (lower case, without trailing dots) in the corpus languages.
MONTHS: dict[str, int] = {}
_MONTH_NAMES = {
    1: "january jan januar jän janvier janv enero ene gennaio gen januari janeiro styczeń stycznia"
    " января ocak",
    2: "february feb februar février févr fevrier febrero febbraio februari fevereiro fev luty lutego"
    " февраля şubat",
    3: "march mar märz mär maerz mars marzo maart março marco mrt marca марта mart",
    4: "april apr avril abril aprile abr kwiecień kwietnia апреля nisan",
    5: "may mai mayo maggio mei maio maja мая mayıs",
    6: "june jun juni juin junio giugno giu junho czerwca июня haziran",
    7: "july jul juli juillet juil julio luglio lug julho lipca июля temmuz",
    8: "august aug août aout agosto ago augustus sierpnia августа ağustos",
    9: "september sep sept septembre septiembre set settembre setembro września сентября eylül",
    10: "october oct oktober octobre octubre ottobre okt outubro out października октября ekim",
    11: "november nov novembre noviembre novembro listopada ноября kasım",
    12: "december dec dezember déc décembre decembre diciembre dic dicembre dez dezembro grudnia"
    " декабря aralık",
}
for _number, _names in _MONTH_NAMES.items():
    for _name in _names.split():
        MONTHS[_name] = _number

_TZ = r"(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2}\b)?"
_TIME = rf"(?:[T\s,\-|·–]+(?:um\s+|at\s+|à\s+)?(?P<H>\d{{1,2}})[:.h](?P<M>\d{{2}})(?::(?P<S>\d{{2}})(?:[.,]\d+)?)?\s*(?P<ampm>[ap]\.?m\.?)?\s*{_TZ})?"
_MONTH_WORD = r"(?P<mon>[^\W\d_]{3,12})\.?"
#: Patterns tried in order; each names year (y), month (m or mon), day (d) and maybe a time.
PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        rf"(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){_TIME}",
        rf"(?P<y>\d{{4}})/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}}){_TIME}",
        rf"(?P<y>\d{{4}})\.(?P<m>\d{{1,2}})\.(?P<d>\d{{1,2}})\b{_TIME}",
        rf"\b(?P<d>\d{{1,2}})\.\s?(?P<m>\d{{1,2}})\.\s?(?P<y>\d{{4}}){_TIME}",
        rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th|er|\.|º)?\s+(?:de\s+)?{_MONTH_WORD},?\s+(?:de\s+)?(?P<y>\d{{4}}){_TIME}",
        rf"{_MONTH_WORD}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}",
        rf"\b(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}){_TIME}",
        rf"\b(?P<d>\d{{1,2}})-(?P<m>\d{{1,2}})-(?P<y>\d{{4}}){_TIME}",
        rf"(?P<y>\d{{4}})\s?年\s?(?P<m>\d{{1,2}})\s?月\s?(?P<d>\d{{1,2}})\s?日{_TIME}",
    )
)


def _trie_pattern(words: list[str]) -> str:
    """One regex matching any of ``words``, shared prefixes factored out (Python's ``re`` tries
    alternatives one by one: a flat list of 150 month names is 25 times slower)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
        return body + ("?" if "" in node else "")

    return build(trie)


#: A text a pattern of ``PATTERNS`` can match must hold this (``_MONTH_NAME``: a month name in
#: the lower-cased text); checking first skips most of the regex work of date finding.
_MONTH_NAME = re.compile(_trie_pattern(list(MONTHS)))
_NEEDS: tuple[str | re.Pattern[str], ...] = (
    "-",
    "/",
    ".",
    ".",
    _MONTH_NAME,
    _MONTH_NAME,
    "/",
    "-",
    "年",
)
#: ``24.12.25`` (day, month, two-digit year): read only in short date lines, never in prose.
SHORT_YEAR = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})(?![\d.])")
_URL_DATE = (
    # /2025/12/24/ or /2025/12/24-slug; a one-digit "day" before a slug is its first word
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2}(?=/|\.html?|$|\?)|\d{2}(?=[-_]))"),
    re.compile(r"[/_-]((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?=/|[-_.]|$)"),
    re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})(?:[/_.-]|$)"),
)
#: ``/29-10-2021`` (day first) in a URL: read only when the order is unambiguous (day > 12).
_URL_DAY_FIRST = re.compile(r"/(\d{2})-(\d{2})-((?:19|20)\d{2})(?=/|[-_.]|$)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
_URL_YEAR = re.compile(r"(?:19|20)\d{2}")
_RFC2822 = re.compile(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}")
_COMPACT = re.compile(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?\s*$")
#: Plausible publication years; outside this range a match is noise (prices, IDs).
MIN_YEAR = 1995
MAX_YEAR = 2035


def _valid(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _tz_suffix(tz: str | None) -> str:
    if not tz:
        return ""
    tz = tz.upper()
    if tz in ("Z", "UTC", "GMT"):
        return "+00:00"
    sign, digits = tz[0], tz[1:].replace(":", "")
    digits = digits.ljust(4, "0")
    return f"{sign}{digits[:2]}:{digits[2:4]}"


def _from_match(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    month_text = groups.get("mon")
    if month_text:
        month = MONTHS.get(month_text.lower().rstrip("."))
        if month is None:
            return None
    else:
        month = int(groups["m"])
    day = _valid(int(groups["y"]), month, int(groups["d"]))
    if day is None:
        return None
    if groups.get("H") is None:
        return day.isoformat()
    hour, minute = int(groups["H"]), int(groups["M"])
    second = int(groups["S"] or 0)
    ampm = (groups.get("ampm") or "").lower().replace(".", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or second > 59:
        return day.isoformat()
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}{_tz_suffix(groups.get('tz'))}"


def _from_timestamp(value: str) -> str | None:
    """Unix timestamps (seconds or milliseconds) as some sites put them in meta tags."""
    if not value.isdigit() or len(value) not in (10, 13):
        return None
    seconds = int(value[:10])
    moment = datetime.fromtimestamp(seconds, tz=UTC)
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        return None
    return moment.isoformat()


def _from_rfc2822(value: str) -> str | None:
    if not _RFC2822.match(value):
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if not MIN_YEAR <= moment.year <= MAX_YEAR:
        return None
    return moment.isoformat()


@lru_cache(maxsize=1024)
def parse_date(value: str) -> str | None:
    """Parse a written date to ISO 8601 (``YYYY-MM-DD`` or with time); keep the zone when given.

    Understands ISO 8601, RFC 2822, Unix timestamps, ``24.12.2025``, ``Dec 24, 2025``,
    ``24 December 2025`` (several languages) and an optional time (``10:30 AM``, ``14.05 Uhr``).
    Returns None when no plausible date is found. Cached: metadata dates are read several times
    per page (published, modified, site-config checks).
    """
    if not value:
        return None
    value = value.strip()[:200]
    compact = _COMPACT.match(value)
    if compact:
        day = _valid(int(compact[1]), int(compact[2]), int(compact[3]))
        if day is not None:
            if compact[4]:
                return f"{day.isoformat()}T{compact[4]}:{compact[5]}:{compact[6] or '00'}"
            return day.isoformat()
    stamp = _from_timestamp(value)
    if stamp:
        return stamp
    rfc = _from_rfc2822(value)
    if rfc:
        return rfc
    for pattern in _patterns_for(value):
        for match in pattern.finditer(value):
            parsed = _from_match(match)
            if parsed:
                return parsed
    return None


def _patterns_for(text: str) -> Iterator[re.Pattern[str]]:
    """``PATTERNS`` in order, without those that cannot match ``text`` (see ``_NEEDS``)."""
    has_month: bool | None = None
    for pattern, needs in zip(PATTERNS, _NEEDS, strict=True):
        if isinstance(needs, str):
            if needs not in text:
                continue
        else:
            if has_month is None:
                has_month = needs.search(text.lower()) is not None
            if not has_month:
                continue
        yield pattern


def find_date(text: str) -> str | None:
    """The earliest plausible written date in ``text`` (ISO 8601), or None.

    Every date pattern contains a four-digit year, so only small windows around year-like
    numbers are examined: linear and cheap on long page texts.
    """
    for year in _YEAR.finditer(text):
        match = _match_around(text, year)
        if match is not None:
            return match[1]
    return None


def find_dates(text: str) -> list[tuple[int, str]]:
    """Every plausible written date in ``text`` as ``(offset, ISO 8601)``, in text order."""
    return list(iter_dates(text))


def iter_dates(text: str) -> Iterator[tuple[int, str]]:
    """:func:`find_dates` found lazily: callers that need the first few stop early."""
    end = -1
    for year in _YEAR.finditer(text):
        if year.start() < end:
            continue
        match = _match_around(text, year)
        if match is not None:
            yield match[0], match[1]
            end = match[2]


def _match_around(text: str, year: re.Match[str]) -> tuple[int, str, int] | None:
    left = max(0, year.start() - 40)
    window = text[left : year.end() + 30]
    position = year.start() - left
    for pattern in _patterns_for(window):
        for match in pattern.finditer(window):
            if match.start() <= position < match.end():
                parsed = _from_match(match)
                if parsed:
                    return left + match.start(), parsed, left + match.end()
    return None


def short_year_date(text: str) -> str | None:
    """A ``24.12.25`` date (two-digit year, read as 19xx/20xx) in a short line, or None."""
    match = SHORT_YEAR.search(text)
    if match is None:
        return None
    short = int(match["y"])
    year = 2000 + short if 2000 + short <= MAX_YEAR - 5 else 1900 + short
    day = _valid(year, int(match["m"]), int(match["d"]))
    return day.isoformat() if day is not None else None


def not_future(value: str, today: date | None = None) -> bool:
    """Whether the day of ISO ``value`` is no later than tomorrow (time zones) of ``today``."""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return False
    return day <= (today or datetime.now(UTC).date()) + timedelta(days=1)


def date_from_url(url: str | None) -> str | None:
    """A date written in a URL path (``/2025/12/24/``, ``-20251224-``, ``/24-12-2025``)."""
    if not url or _URL_YEAR.search(url) is None:  # every URL pattern has a 19xx/20xx year
        return None
    for pattern in _URL_DATE:
        match = pattern.search(url)
        if match:
            day = _valid(int(match[1]), int(match[2]), int(match[3]))
            if day is not None:
                return day.isoformat()
    match = _URL_DAY_FIRST.search(url)
    if match and int(match[1]) > 12:
        day = _valid(int(match[3]), int(match[2]), int(match[1]))
        return day.isoformat() if day is not None else None
    return None
