"""The article record: typed dataclasses for Article, Image and Quote, and their JSON form."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Values of ``Article.status``.
STATUS_OK = "ok"
STATUS_NOT_ARTICLE = "not_article"
STATUS_PAYWALLED = "paywalled"
STATUS_EMPTY = "empty"
STATUSES = (STATUS_OK, STATUS_NOT_ARTICLE, STATUS_PAYWALLED, STATUS_EMPTY)


@dataclass
class Image:
    """One picture of the article, lead image first; ``url`` is absolute."""

    url: str
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None
    width: int | None = None
    height: int | None = None


@dataclass
class Quote:
    """A direct quotation found in the body.

    ``paragraph`` is the index into ``Article.body`` where the quote starts; ``start`` and
    ``end`` are character offsets of the quoted text (without the marks) in that paragraph.
    ``partial`` marks a short fragment quoted inside the reporter's own sentence.
    """

    text: str
    speaker: str | None = None
    cue: str | None = None
    paragraph: int = 0
    start: int = 0
    end: int = 0
    partial: bool = False


@dataclass
class Article:
    """A clean article record (see docs and DESIGN: the record).

    ``body`` is the list of paragraphs in reading order; subheads are kept as ordinary
    paragraphs. ``sources`` maps each field name to where it came from
    (``selector:<css>``, ``jsonld``, ``meta:<name>``, ``heuristic``, ``url``); on the config
    path, a field the config could not find and the generic extractor filled is prefixed
    ``generic:`` (``generic:heuristic``).
    """

    url: str | None = None
    canonical_url: str | None = None
    site: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    language: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    body: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    status: str = STATUS_OK
    sources: dict[str, str] = field(default_factory=dict)
    extractor: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The body paragraphs joined by blank lines."""
        return "\n\n".join(self.body)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record, with ``text`` included after ``body``."""
        data = asdict(self)
        ordered: dict[str, Any] = {}
        for key, value in data.items():
            ordered[key] = value
            if key == "body":
                ordered["text"] = self.text
        return ordered

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Rebuild an Article from ``to_dict()`` output (unknown keys are ignored)."""
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        values["images"] = [Image(**i) for i in values.get("images") or []]
        values["quotes"] = [Quote(**q) for q in values.get("quotes") or []]
        return cls(**values)


@dataclass
class Page:
    """One raw HTTP response (or imported file), as the archive stores it.

    ``url`` is the final URL after redirects; ``redirects`` lists the URLs passed through.
    ``fetched_at`` is ISO 8601 UTC. ``body`` is the raw bytes as served (decoded later).
    """

    url: str
    body: bytes
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: str = ""
    requested_url: str | None = None
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        for name, value in self.headers.items():
            if name.lower() == "content-type":
                return value
        return ""

    @property
    def charset(self) -> str | None:
        """The charset declared in the Content-Type header, if any."""
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip("\"' ")
        return None
