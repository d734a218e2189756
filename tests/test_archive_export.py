"""Streaming export: full JSON Lines records, flat CSV, filters, and rows yielded one at a time."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from scraper.archive import Archive
from scraper.archive.export import CSV_COLUMNS, iter_records, write_export
from scraper.archive.search import Filters
from scraper.models import Article, Image, Page, Quote


def _fill(archive: Archive) -> None:
    first = Article(headline="One", authors=["A B", "C D"], body=["p1", "p2"], published="2025-01-01",
                    images=[Image(url="https://x.example/i.jpg", caption="cap")],
                    quotes=[Quote(text="hi", speaker="A B", partial=True)])  # fmt: skip
    archive.store(Page(url="https://x.example/1", body=b"1"), first)
    archive.store(Page(url="https://y.example/2", body=b"2"), Article(headline="Two", body=["q"]))


def test_jsonl_holds_full_records(db_path: Path) -> None:
    with Archive(db_path) as archive:
        _fill(archive)
        out = io.StringIO()
        assert write_export(archive.db.conn, out, "jsonl", Filters()) == 2
    records = [json.loads(line) for line in out.getvalue().splitlines()]
    assert records[0]["authors"] == ["A B", "C D"] and records[0]["body"] == ["p1", "p2"]
    assert records[0]["images"] == [{"url": "https://x.example/i.jpg", "caption": "cap",
                                     "credit": None, "alt": None, "width": None, "height": None}]  # fmt: skip
    assert records[0]["quotes"][0]["partial"] is True and records[0]["quotes"][0]["end"] == 0
    assert records[1]["headline"] == "Two" and records[1]["published"] is None


def test_csv_is_flat_and_filtered(db_path: Path) -> None:
    with Archive(db_path) as archive:
        _fill(archive)
        out = io.StringIO()
        write_export(archive.db.conn, out, "csv", Filters(site="x.example"))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == 1 and rows[0]["authors"] == "A B; C D"
    assert rows[0]["images"] == "1" and rows[0]["text"] == "p1\n\np2"


def test_records_stream_from_a_cursor(db_path: Path) -> None:
    with Archive(db_path) as archive:
        _fill(archive)
        stream = iter_records(archive.db.conn, Filters())
        assert next(stream)["headline"] == "One"  # produced before the rest is read
        assert [r["headline"] for r in stream] == ["Two"]
