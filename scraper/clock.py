"""The one clock: "now" and how a moment is written into the archive.

Every time the crawler stores is ISO 8601 in UTC with milliseconds and a ``+00:00`` offset
(``2026-12-07T05:10:55.123+00:00``): fixed width, so SQL compares them correctly as text.

Archives written before this module also hold seconds-only values (``...T05:10:55+00:00``).
Text comparison still orders those correctly against millisecond values: the strings agree up
to the seconds, then ``+`` sorts before ``.``, so ``55`` comes before ``55.123``. The only
difference is at an exact tie (``55`` sorts before ``55.000``), which moves a due time by less
than a second. Never write ``Z`` for UTC: ``Z`` sorts after both and would break that order.
"""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """The current moment, timezone-aware, in UTC."""
    return datetime.now(UTC)


def iso(moment: datetime | None = None) -> str:
    """``moment`` (default: now) as stored: ISO 8601 UTC, milliseconds, ``+00:00``.

    A naive ``moment`` is taken to be UTC already.
    """
    moment = now() if moment is None else moment
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def from_epoch(seconds: float) -> str | None:
    """Epoch seconds as stored text; 0 (never) is None."""
    return iso(datetime.fromtimestamp(seconds, UTC)) if seconds else None


def parse(value: str | None) -> datetime | None:
    """A stored or published ISO 8601 time as an aware datetime (naive: UTC); None if junk."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def to_epoch(value: str | None) -> float:
    """Stored text as epoch seconds; missing or unreadable is 0 (never)."""
    moment = parse(value)
    return moment.timestamp() if moment is not None else 0.0
