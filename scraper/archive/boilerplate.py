"""Cross-page boilerplate: paragraphs that recur verbatim in many different articles of one site.

A paragraph is normalised (case folded, whitespace collapsed) and hashed. Digits are kept:
templated paragraphs that differ only in numbers ("The index closed at 15,432 points") are
content, not boilerplate. After the site's first ``LEARN_FIRST`` stored articles, then after
``LEARN_EVERY``, and then at intervals that double up to ``LEARN_EVERY_MAX``, its last
``LEARN_WINDOW`` articles are counted; a paragraph present in
at least ``MIN_ARTICLES`` distinct articles and in at least ``MIN_SHARE`` of the window is
recorded in ``boilerplate``. Learned paragraphs stay until disabled; they are dropped from new
records and by ``reextract`` from old ones.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from datetime import UTC, datetime

from sqlite_utils import Database

#: A paragraph must occur in at least this many distinct articles of the site ...
MIN_ARTICLES = 5
#: ... and in at least this share of the site's recent articles (the window below).
MIN_SHARE = 0.2
#: How many of the site's most recent articles are counted when learning.
LEARN_WINDOW = 100
#: Learning reruns after this many new or changed articles of the site; the interval then
#: doubles after each learning up to ``LEARN_EVERY_MAX``: relearning rereads the window, and
#: at a fixed 50 it cost a third of a bulk import's time while a site's banners rarely change.
LEARN_EVERY = 50
LEARN_EVERY_MAX = 800
#: ... and first runs after this many, so a new site's banner is caught early.
LEARN_FIRST = 10
#: Paragraphs longer than this are never treated as boilerplate (real prose, not a banner).
MAX_PARAGRAPH_CHARS = 600


def normalise(paragraph: str) -> str:
    """The comparison form of a paragraph: case folded, whitespace collapsed."""
    return " ".join(paragraph.split()).casefold()


def paragraph_hash(paragraph: str) -> str:
    """A short stable key for a paragraph's normalised form."""
    return hashlib.sha1(normalise(paragraph).encode("utf-8")).hexdigest()[:16]


def drop_learned(body: list[str], learned: set[str]) -> list[str]:
    """``body`` without the paragraphs whose hash is in ``learned``."""
    if not learned:
        return body
    return [p for p in body if paragraph_hash(p) not in learned]


def recurring_paragraphs(bodies: list[list[str]]) -> dict[str, tuple[str, int]]:
    """The boilerplate found in ``bodies``: hash -> (an example paragraph, article count)."""
    counts: Counter[str] = Counter()
    examples: dict[str, str] = {}
    for body in bodies:
        keys = {paragraph_hash(p): p for p in body if p.strip() and len(p) <= MAX_PARAGRAPH_CHARS}
        counts.update(keys.keys())
        for key, paragraph in keys.items():
            examples.setdefault(key, paragraph.strip())
    needed = max(MIN_ARTICLES, MIN_SHARE * len(bodies))
    return {key: (examples[key], n) for key, n in counts.items() if n >= needed}


def learn(db: Database, site: str) -> int:
    """Recount the site's recent articles and record recurring paragraphs; return how many."""
    rows = db.conn.execute(
        "SELECT body FROM articles WHERE site = ? ORDER BY id DESC LIMIT ?", (site, LEARN_WINDOW)
    ).fetchall()
    bodies = [json.loads(row[0] or "[]") for row in rows]
    found = recurring_paragraphs(bodies)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for key, (paragraph, count) in found.items():
        db.conn.execute(
            """INSERT INTO boilerplate (site, paragraph_hash, paragraph, article_count, first_seen)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (site, paragraph_hash)
               DO UPDATE SET article_count = max(article_count, excluded.article_count)""",
            (site, key, paragraph, count, now),
        )
    db.conn.execute(
        """INSERT INTO site_settings (site, stored_since_learning, learned_at, learn_count)
           VALUES (?, 0, ?, 1)
           ON CONFLICT (site) DO UPDATE SET stored_since_learning = 0, learned_at = ?,
               learn_count = coalesce(learn_count, 0) + 1""",
        (site, now, now),
    )
    return len(found)


def learn_interval(learned_at: str | None, learn_count: int) -> int:
    """How many stored articles of a site trigger its next learning."""
    if learned_at is None:
        return LEARN_FIRST
    doublings = min(max(learn_count - 1, 0), 16)
    return min(LEARN_EVERY << doublings, LEARN_EVERY_MAX)


def note_stored(db: Database, site: str) -> bool:
    """Count one new or changed article of ``site``; True when it is time to learn again."""
    # fetchall() runs the statement to completion so it is reset before the next one.
    ((stored, learned_at, learn_count),) = db.conn.execute(
        """INSERT INTO site_settings (site, stored_since_learning) VALUES (?, 1)
           ON CONFLICT (site) DO UPDATE SET stored_since_learning = stored_since_learning + 1
           RETURNING stored_since_learning, learned_at, learn_count""",
        (site,),
    ).fetchall()
    return int(stored) >= learn_interval(learned_at, int(learn_count or 0))


def is_enabled(db: Database, site: str) -> bool:
    """Whether learned boilerplate is dropped for ``site`` (on unless switched off)."""
    row = db.conn.execute(
        "SELECT boilerplate_enabled FROM site_settings WHERE site = ?", (site,)
    ).fetchone()
    return row is None or bool(row[0])


def set_enabled(db: Database, site: str, enabled: bool) -> None:
    """Switch dropping of learned boilerplate on or off for ``site``."""
    db.conn.execute(
        """INSERT INTO site_settings (site, boilerplate_enabled) VALUES (?, ?)
           ON CONFLICT (site) DO UPDATE SET boilerplate_enabled = excluded.boilerplate_enabled""",
        (site, int(enabled)),
    )


def learned_hashes(db: Database, site: str) -> set[str]:
    """Hashes of the enabled boilerplate paragraphs of ``site`` (empty when switched off)."""
    if not is_enabled(db, site):
        return set()
    rows = db.conn.execute(
        "SELECT paragraph_hash FROM boilerplate WHERE site = ? AND enabled = 1", (site,)
    )
    return {row[0] for row in rows}


def listing(db: Database, site: str) -> list[dict[str, object]]:
    """The learned paragraphs of ``site``, most frequent first."""
    rows = db.conn.execute(
        """SELECT paragraph, article_count, first_seen, enabled FROM boilerplate
           WHERE site = ? ORDER BY article_count DESC, paragraph""",
        (site,),
    )
    return [
        {"paragraph": p, "article_count": n, "first_seen": f, "enabled": bool(e)}
        for p, n, f, e in rows
    ]
