"""The tables as one SQLite database, ``dateline.db``, with ``metadata.json`` for Datasette.

``datasette data/out/dateline.db --metadata data/out/metadata.json`` then gives facets,
SQL and a JSON API over any corpus size. The database holds ``documents``, ``events``
and ``claims`` (the columns of the CSV files, OUTPUTS.md, numbers typed, plus a
``year`` to facet on), and the cleaned text as ``paragraphs`` and ``sentences`` (what
``texts.jsonl`` holds, split as the extraction split it) with full-text search on
sentences. It is built from the written tables (so it says what they say), streamed
in batches: memory stays flat whatever the corpus.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any, Iterator

from .tables import DATABASE_FILE, METADATA_FILE, TABLES, TEXTS_FILE

_BATCH = 1_000  # rows per insert

#: how a column type of site.json's dictionary is stored (others as text, as in the CSV)
_SQL_TYPES = {"integer": int, "number": float}


def _column_docs() -> dict[str, dict[str, Any]]:
    """The column dictionary of the published tables (extractor/data/site.json)."""
    with open(Path(__file__).resolve().parent / "data" / "site.json", encoding="utf-8") as handle:
        return json.load(handle)["tables"]


def _types(table: str) -> dict[str, type]:
    columns = _column_docs().get(table, {}).get("columns", {})
    types = {name: _SQL_TYPES.get(spec[0], str) for name, spec in columns.items()}
    return {name: types.get(name, str) for name in TABLES[table]}


#: the column whose year each table is faceted by
_YEAR_OF = {"documents": "doc_date", "events": "date_start", "claims": "doc_date"}
#: a table's id column; only a document's is unique by construction (repeated ids get ``~2``),
#: so events and claims keep SQLite's rowid as key and an index on their id
_ID_COLUMNS = {"documents": "doc_id", "events": "event_id", "claims": "claim_id"}


def _typed(value: str, kind: type) -> Any:
    if kind is str:
        return value
    if value == "":
        return None
    try:
        return kind(value)
    except ValueError:
        return value  # kept as written rather than lost (SQLite stores it as text)


def _table_rows(path: Path, table: str) -> Iterator[dict[str, Any]]:
    types = _types(table)
    year_of = _YEAR_OF[table]
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            record = {column: _typed(row.get(column, ""), kind) for column, kind in types.items()}
            date = row.get(year_of, "")
            record["year"] = int(date[:4]) if date[:4].isdigit() else None
            yield record


def _text_rows(path: Path) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Each paragraph of ``texts.jsonl`` and its sentences, numbered across the corpus."""
    from .clean import split_sentences

    paragraph_id = sentence_id = 0
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            for position, paragraph in enumerate(record.get("paragraphs", [])):
                paragraph_id += 1
                text = paragraph.get("text", "")
                sentences = []
                for s_position, sentence in enumerate(split_sentences(text)):
                    sentence_id += 1
                    sentences.append({"id": sentence_id, "doc_id": record["doc_id"], "paragraph_id": paragraph_id,
                                      "paragraph": paragraph.get("number", ""), "position": s_position,
                                      "start": sentence.start, "end": sentence.end, "text": sentence.text})
                yield ({"id": paragraph_id, "doc_id": record["doc_id"], "position": position,
                        "number": paragraph.get("number", ""), "marking": paragraph.get("marking", ""),
                        "heading": paragraph.get("heading", ""), "text": text}, sentences)


def _batches(rows: Iterator[Any]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _create_tables(db: Any) -> None:
    sql_type = {int: int, float: float, str: str}
    for table in TABLES:
        columns: dict[str, Any] = {name: sql_type[kind] for name, kind in _types(table).items()}
        columns["year"] = int
        if table == "documents":
            db.table(table).create(columns, pk="doc_id")
        else:
            db.table(table).create(columns, foreign_keys=[("doc_id", "documents", "doc_id")])
    db.table("paragraphs").create({"id": int, "doc_id": str, "position": int, "number": str, "marking": str,
                             "heading": str, "text": str}, pk="id", foreign_keys=[("doc_id", "documents", "doc_id")])
    db.table("sentences").create({"id": int, "doc_id": str, "paragraph_id": int, "paragraph": str, "position": int,
                            "start": int, "end": int, "text": str}, pk="id",
                           foreign_keys=[("doc_id", "documents", "doc_id"), ("paragraph_id", "paragraphs", "id")])


def write_database(data_dir: str | os.PathLike[str]) -> Path:
    """Write ``dateline.db`` and ``metadata.json`` into ``data_dir`` from the tables there."""
    import sqlite_utils

    data = Path(data_dir)
    target = data / DATABASE_FILE
    partial = data / f".{DATABASE_FILE}.partial"
    partial.unlink(missing_ok=True)
    # no journal file and no WAL: the file is built once, start to end, and replaced whole
    with closing(sqlite3.connect(partial)) as connection:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        db = sqlite_utils.Database(connection)
        _create_tables(db)
        for table in TABLES:
            for batch in _batches(_table_rows(data / f"{table}.csv", table)):
                db.table(table).insert_all(batch, batch_size=_BATCH)
        for batch in _batches(_text_rows(data / TEXTS_FILE)):
            db.table("paragraphs").insert_all((p for p, _ in batch), batch_size=_BATCH)
            db.table("sentences").insert_all((s for _, sentences in batch for s in sentences), batch_size=_BATCH)
        for table in ("events", "claims", "paragraphs", "sentences"):
            db.table(table).create_index(["doc_id"])
        for table in ("events", "claims"):
            db.table(table).create_index([_ID_COLUMNS[table]])
        for table, column in (("documents", "origin"), ("events", "type"), ("claims", "dimension")):
            db.table(table).create_index([column])  # the facets people open first
        db.table("sentences").enable_fts(["text"], fts_version="FTS5", create_triggers=False)
        connection.commit()
    os.replace(partial, target)
    (data / METADATA_FILE).write_text(json.dumps(datasette_metadata(), indent=2, ensure_ascii=False) + "\n",
                                      encoding="utf-8")
    return target


#: the facets Datasette suggests for each table
_FACETS = {"documents": ["origin", "classification", "year", "status"], "events": ["type", "status", "year"],
           "claims": ["dimension", "unit", "qualifier", "year"]}


def datasette_metadata() -> dict[str, Any]:
    """Datasette's metadata: title, table and column descriptions, facets, full-text search."""
    docs = _column_docs()
    tables: dict[str, Any] = {}
    for table in TABLES:
        columns = {name: spec[1] for name, spec in docs.get(table, {}).get("columns", {}).items()}
        columns["year"] = f"The year of {_YEAR_OF[table]} (to facet on)."
        tables[table] = {"description": docs.get(table, {}).get("description", ""), "columns": columns,
                         "facets": _FACETS[table]}
    tables["documents"]["label_column"] = "subject"
    tables["paragraphs"] = {
        "description": "The cleaned paragraphs of every cable (texts.jsonl), in order.",
        "columns": {"id": "Running number across the corpus.", "doc_id": "The cable.",
                    "position": "Order of the paragraph in its cable, from 0.",
                    "number": "The cable's own paragraph number, when it has one.",
                    "marking": "Classification marking of the paragraph (C, SBU ...).",
                    "heading": "The section heading before the paragraph.", "text": "The cleaned text."}}
    tables["sentences"] = {
        "description": "The sentences of every paragraph, with full-text search (the search box, or "
                       "sentences_fts MATCH in SQL).",
        "columns": {"id": "Running number across the corpus.", "doc_id": "The cable.",
                    "paragraph_id": "The paragraph (paragraphs.id).", "paragraph": "The cable's paragraph number.",
                    "position": "Order of the sentence in its paragraph, from 0.",
                    "start": "Offset of the sentence in its paragraph's text.",
                    "end": "End offset of the sentence in its paragraph's text.", "text": "The sentence."},
        "fts_table": "sentences_fts", "fts_pk": "id"}
    return {"title": "Dateline", "description": "Dated events and numeric claims extracted from diplomatic cables, "
                                                "with the cleaned text they were read from.",
            "databases": {Path(DATABASE_FILE).stem: {"tables": tables}}}
