"""Issue 16, part A: ``dateline.db`` (SQLite) and Datasette's ``metadata.json`` beside the tables."""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from extractor import extract_corpus
from extractor.cli import cli
from extractor.database import write_database
from extractor.tables import TABLES, TableWriter, read_table


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("db") / "out"
    extract_corpus([seeds_dir], out, jobs=1)
    return out


def query(db: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(sql, params).fetchall()


@pytest.mark.parametrize("table,key", [("documents", "doc_id"), ("events", "event_id"), ("claims", "claim_id")])
def test_the_database_holds_the_rows_of_the_csv_tables(extracted: Path, table: str, key: str) -> None:
    rows = read_table(extracted / f"{table}.csv")
    assert rows  # (the seed cables have events and claims)
    assert [r[0] for r in query(extracted / "dateline.db", f"SELECT {key} FROM {table} ORDER BY rowid")] == \
        [r[key] for r in rows]
    columns = [r[1] for r in query(extracted / "dateline.db", f"PRAGMA table_info({table})")]
    assert columns == TABLES[table] + ["year"]


def test_numbers_are_typed_and_text_is_kept_as_written(extracted: Path) -> None:
    claims = read_table(extracted / "claims.csv")
    db = sqlite_utils.Database(extracted / "dateline.db")
    stored = list(db["claims"].rows)
    assert [c["value"] for c in stored] == [float(c["value"]) if c["value"] else None for c in claims]
    assert [c["sentence"] for c in stored] == [c["sentence"] for c in claims]
    documents = list(db["documents"].rows)
    assert [d["claims"] for d in documents] == [int(d["claims"]) for d in read_table(extracted / "documents.csv")]
    assert all(d["year"] == int(d["doc_date"][:4]) for d in documents)


def test_paragraphs_and_sentences_are_the_cleaned_text(extracted: Path) -> None:
    texts = [json.loads(line) for line in (extracted / "texts.jsonl").read_text(encoding="utf-8").splitlines()]
    db = extracted / "dateline.db"
    paragraphs = query(db, "SELECT doc_id, number, text FROM paragraphs ORDER BY id")
    assert paragraphs == [(t["doc_id"], p["number"], p["text"]) for t in texts for p in t["paragraphs"]]
    # a sentence's offsets index its paragraph's text, and every claim's sentence is one of them
    for text, start, end, paragraph in query(db, "SELECT s.text, s.start, s.end, p.text FROM sentences s "
                                                 "JOIN paragraphs p ON p.id = s.paragraph_id"):
        assert paragraph[start:end] == text
    sentences = {r[0] for r in query(db, "SELECT text FROM sentences")}
    assert {c["sentence"] for c in read_table(extracted / "claims.csv")} <= sentences


def test_full_text_search_finds_a_sentence(extracted: Path) -> None:
    found = query(extracted / "dateline.db",
                  "SELECT s.doc_id, s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
                  "WHERE sentences_fts MATCH ? ORDER BY s.id", '"semi submersible" AND cocaine')
    assert found and found[0][0] == "08MEXICO2276" and "5.8 tons of cocaine" in found[0][1]
    assert sqlite_utils.Database(extracted / "dateline.db")["sentences"].detect_fts() == "sentences_fts"


def test_doc_id_is_a_foreign_key_with_an_index(extracted: Path) -> None:
    db = sqlite_utils.Database(extracted / "dateline.db")
    for table in ("events", "claims", "paragraphs", "sentences"):
        assert ("doc_id", "documents", "doc_id") in [(k.column, k.other_table, k.other_column)
                                                      for k in db[table].foreign_keys]
        assert ["doc_id"] in [index.columns for index in db[table].indexes]
    assert query(extracted / "dateline.db", "PRAGMA foreign_key_check") == []


def test_metadata_describes_tables_columns_facets_and_search(extracted: Path) -> None:
    metadata = json.loads((extracted / "metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["dateline"]["tables"]
    assert metadata["title"] and set(tables) == {"documents", "events", "claims", "paragraphs", "sentences"}
    for name in TABLES:
        assert set(TABLES[name]) <= set(tables[name]["columns"]) and tables[name]["description"]
        assert "year" in tables[name]["facets"]
    assert {"type", "status"} <= set(tables["events"]["facets"]) and "origin" in tables["documents"]["facets"]
    assert tables["sentences"]["fts_table"] == "sentences_fts"
    names = {r[0] for r in query(extracted / "dateline.db", "SELECT name FROM sqlite_master")}
    assert {facet for t in TABLES for facet in tables[t]["facets"]} <= {c for t in TABLES for c in TABLES[t]} | {"year"}
    assert "sentences_fts" in names


def test_the_database_is_the_same_bytes_on_a_second_build(extracted: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(extracted, copy)
    write_database(copy)
    assert (copy / "dateline.db").read_bytes() == (extracted / "dateline.db").read_bytes()
    assert (copy / "metadata.json").read_bytes() == (extracted / "metadata.json").read_bytes()


def test_extract_writes_the_database_beside_the_tables(tmp_path: Path, seeds_dir: Path) -> None:
    out = tmp_path / "data"
    result = CliRunner().invoke(cli, ["extract", str(seeds_dir), "--out", str(out), "--no-cache", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert query(out / "dateline.db", "SELECT count(*) FROM documents") == [(2,)]
    assert (out / "metadata.json").is_file()
    # a second run replaces the folder, database included (it is no foreign file)
    again = CliRunner().invoke(cli, ["extract", str(seeds_dir), "--out", str(out), "--no-cache", "--jobs", "1"])
    assert again.exit_code == 0, again.output
    assert not [p.name for p in out.iterdir() if p.name.startswith(".dateline.db")]


def test_a_repeated_event_or_claim_id_does_not_stop_the_database(tmp_path: Path) -> None:
    # ids are hashes of the document and a position: the database must not be what fails on a repeat
    writer = TableWriter(tmp_path / "out")
    writer.write("documents", [{"doc_id": "06X1", "doc_date": "2006-12-28", "status": "ok", "events": "2"}])
    writer.write("events", [{"event_id": "e1", "doc_id": "06X1", "type": "visit"}] * 2)
    writer.write("claims", [{"claim_id": "c1", "doc_id": "06X1", "value": "5.8"}] * 2)
    writer.write_texts([{"doc_id": "06X1", "paragraphs": [{"number": "1", "marking": "", "heading": "",
                                                            "text": "The minister came. He left."}]}])
    writer.commit(finish=write_database)
    db = tmp_path / "out" / "dateline.db"
    assert query(db, "SELECT event_id FROM events") == [("e1",), ("e1",)]
    assert query(db, "SELECT claim_id, value FROM claims") == [("c1", 5.8), ("c1", 5.8)]
    assert query(db, "SELECT position, text FROM sentences") == [(0, "The minister came."), (1, "He left.")]
