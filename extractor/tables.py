"""The published tables: column contract (OUTPUTS.md), rows, atomic writers.

Rows are plain ``dict[str, str]`` so that CSV and JSON Lines say the same thing
and the site can be rebuilt from the CSV files alone.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from . import outdir
from .model import Claim, Document, Event

DOCUMENT_COLUMNS = [
    "doc_id", "source_file", "doc_date", "origin", "classification", "subject",
    "tags", "events", "claims", "status", "error",
    # extra columns (allowed after the required ones)
    "format", "dtg", "references",
]
EVENT_COLUMNS = [
    "event_id", "doc_id", "doc_date", "type", "status", "date_start", "date_end",
    "granularity", "date_text", "date_inherited", "trigger", "actors", "location",
    "paragraph", "sentence", "summary",
]
CLAIM_COLUMNS = [
    "claim_id", "doc_id", "doc_date", "value", "value_low", "value_high", "unit",
    "unit_text", "dimension", "qualifier", "entity", "period", "speaker", "text",
    "paragraph", "sentence",
    # extra: offsets of ``text`` in ``sentence`` for highlighting
    "start", "end",
]
TABLES = {"documents": DOCUMENT_COLUMNS, "events": EVENT_COLUMNS, "claims": CLAIM_COLUMNS}
#: the cleaned text of every document, one JSON object a line (what the site highlights)
TEXTS_FILE = "texts.jsonl"
#: the tables as one SQLite database and its Datasette metadata (:mod:`extractor.database`)
DATABASE_FILE = "dateline.db"
METADATA_FILE = "metadata.json"


def format_number(value: float | None) -> str:
    """Numbers as the shortest faithful text: 5000 not 5000.0, 5.8 stays 5.8."""
    if value is None:
        return ""
    if float(value).is_integer() and abs(value) < 1e16:
        return str(int(value))
    return repr(float(value))


def document_row(doc: Document, n_events: int, n_claims: int) -> dict[str, str]:
    return {
        "doc_id": doc.doc_id,
        "source_file": doc.source_file,
        "doc_date": doc.doc_date,
        "origin": doc.origin,
        "classification": doc.classification,
        "subject": doc.subject,
        "tags": doc.tags,
        "events": str(n_events),
        "claims": str(n_claims),
        "status": doc.status,
        "error": doc.error,
        "format": doc.format,
        "dtg": doc.dtg,
        "references": " ".join(doc.references),
    }


def text_record(doc: Document) -> dict[str, object]:
    """The cleaned paragraphs of one document, for ``texts.jsonl``."""
    return {
        "doc_id": doc.doc_id,
        "paragraphs": [
            {"number": p.number, "marking": p.marking, "heading": p.heading, "text": p.text}
            for p in doc.paragraphs
        ],
    }


def event_row(event: Event) -> dict[str, str]:
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "doc_date": event.doc_date,
        "type": event.type,
        "status": event.status,
        "date_start": event.date_start,
        "date_end": event.date_end,
        "granularity": event.granularity,
        "date_text": event.date_text,
        "date_inherited": "true" if event.date_inherited else "false",
        "trigger": event.trigger,
        "actors": "; ".join(event.actors),
        "location": event.location,
        "paragraph": event.paragraph,
        "sentence": event.sentence,
        "summary": event.summary,
    }


def claim_row(claim: Claim) -> dict[str, str]:
    return {
        "claim_id": claim.claim_id,
        "doc_id": claim.doc_id,
        "doc_date": claim.doc_date,
        "value": format_number(claim.value),
        "value_low": format_number(claim.value_low),
        "value_high": format_number(claim.value_high),
        "unit": claim.unit,
        "unit_text": claim.unit_text,
        "dimension": claim.dimension,
        "qualifier": claim.qualifier,
        "entity": claim.entity,
        "period": claim.period,
        "speaker": claim.speaker,
        "text": claim.text,
        "paragraph": claim.paragraph,
        "sentence": claim.sentence,
        "start": str(claim.start),
        "end": str(claim.end),
    }


@dataclass
class TableSet:
    """Rows of the three tables, in their published order."""

    documents: list[dict[str, str]]
    events: list[dict[str, str]]
    claims: list[dict[str, str]]


_JSON_LINE = json.JSONEncoder(ensure_ascii=False).encode


#: written into every tables folder: what a later run may replace whole
TABLES_MARKER = ".dateline-tables"


def table_file_names() -> list[str]:
    return [f"{name}.{ext}" for name in TABLES for ext in ("csv", "jsonl")] + [TEXTS_FILE]


class TableWriter:
    """Streams rows into ``<name>.csv`` and ``<name>.jsonl`` inside a staging folder
    beside ``out_dir``, which :meth:`commit` swaps with ``out_dir`` in one step: a
    killed run leaves the previous tables whole, and a reader never sees a mix.
    The folder is locked for the writer's life (a second run fails clearly), and
    a folder holding anything but tables is refused (the swap would drop it)."""

    def __init__(self, out_dir: str | os.PathLike[str]):
        self.out_dir = Path(out_dir).resolve()
        self._lock = outdir.acquire(self.out_dir)
        try:
            outdir.clean_stale(self.out_dir)
            _check_tables_folder(self.out_dir)
            self.tmp_dir = outdir.make_staging(self.out_dir)
        except BaseException:
            self._lock.close()
            raise
        self._files: dict[str, tuple[io.TextIOWrapper, io.TextIOWrapper, Any]] = {}
        self.counts: dict[str, int] = {}
        try:
            (self.tmp_dir / TABLES_MARKER).write_text("written by dateline extract\n", encoding="utf-8")
            for name, columns in TABLES.items():
                csv_file = open(self.tmp_dir / f"{name}.csv", "w", encoding="utf-8", newline="")
                jsonl_file = open(self.tmp_dir / f"{name}.jsonl", "w", encoding="utf-8", newline="\n")
                writer = csv.writer(csv_file, lineterminator="\r\n")
                self._files[name] = (csv_file, jsonl_file, writer)
                writer.writerow(columns)
                self.counts[name] = 0
            self._texts = open(self.tmp_dir / TEXTS_FILE, "w", encoding="utf-8", newline="\n")
        except BaseException:
            self.abort()
            raise

    def write(self, name: str, rows: Iterable[dict[str, str]]) -> None:
        csv_file, jsonl_file, writer = self._files[name]
        columns = TABLES[name]
        for row in rows:
            values = [row.get(c, "") for c in columns]  # the published columns, in order; others dropped
            writer.writerow(values)
            jsonl_file.write(_JSON_LINE(dict(zip(columns, values))) + "\n")
            self.counts[name] += 1

    def write_texts(self, records: Iterable[dict[str, object]]) -> None:
        for record in records:
            self._texts.write(_JSON_LINE(record) + "\n")

    def _close(self) -> None:
        handles = [h for pair in self._files.values() for h in pair[:2]]
        if hasattr(self, "_texts"):
            handles.append(self._texts)
        for handle in handles:
            handle.close()

    def commit(self, finish: Callable[[Path], object] | None = None) -> None:
        """Swap the written tables in; ``finish`` is given the staging folder first,
        once the tables are complete (to write what is derived from them)."""
        try:
            self._close()  # flushing may fail (a full disk): then nothing is swapped in
            if finish is not None:
                finish(self.tmp_dir)
            outdir.swap_into_place(self.tmp_dir, self.out_dir)
        except BaseException:
            self.abort()
            raise
        self._lock.close()

    def abort(self) -> None:
        """Drop the staging folder whatever state it is in (a full disk must not keep it)."""
        for pair in self._files.values():
            for handle in pair[:2]:
                _close_quietly(handle)
        if hasattr(self, "_texts"):
            _close_quietly(self._texts)
        shutil.rmtree(self.tmp_dir, ignore_errors=True)
        self._lock.close()


def _close_quietly(handle: io.TextIOWrapper) -> None:
    try:
        handle.close()
    except OSError:
        try:  # the buffer could not be flushed: close the descriptor anyway
            os.close(handle.fileno())
        except (OSError, ValueError):
            pass


def _check_tables_folder(out_dir: Path) -> None:
    """Refuse to replace a folder holding anything but Dateline tables."""
    if not out_dir.is_dir():
        if out_dir.exists():
            raise ValueError(f"{out_dir} is a file, not a folder")
        return
    allowed = set(table_file_names()) | {TABLES_MARKER, DATABASE_FILE, METADATA_FILE}
    foreign = sorted(e.name for e in out_dir.iterdir()
                     if e.name not in allowed and not e.name.startswith(".dateline-tmp-"))
    if foreign:
        shown = ", ".join(foreign[:3]) + (" ..." if len(foreign) > 3 else "")
        raise ValueError(f"{out_dir} holds files that are not Dateline tables ({shown}); "
                         "the tables replace the whole folder: choose another --out")


def read_table(path: str | os.PathLike[str]) -> list[dict[str, str]]:
    """Read one CSV table back as a list of row dicts."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_tables(data_dir: str | os.PathLike[str]) -> TableSet:
    data = Path(data_dir)
    return TableSet(*(read_table(data / f"{name}.csv") for name in TABLES))
