"""The table writers: column contract, CSV/JSONL agreement, atomic commit."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.tables import (
    CLAIM_COLUMNS, DOCUMENT_COLUMNS, EVENT_COLUMNS, TABLES, TABLES_MARKER, TEXTS_FILE, TableWriter, format_number, read_table,
)

SHARED_OUTPUTS = Path(__file__).resolve().parents[2] / "shared" / "OUTPUTS.md"


def _documented_columns(table: str) -> list[str]:
    text = SHARED_OUTPUTS.read_text(encoding="utf-8")
    section = text.split(f"## {table}.csv", 1)[1].split("\n## ", 1)[0]
    columns: list[str] = []
    for cell in re.findall(r"^\| ([a-z_, ]+) \|", section, flags=re.M):
        if cell.strip() != "column":
            columns.extend(c.strip() for c in cell.split(","))
    return columns


def test_required_columns_come_first_in_documented_order() -> None:
    if not SHARED_OUTPUTS.exists():
        import pytest

        pytest.skip("../shared/OUTPUTS.md is absent")
    for table, columns in (("documents", DOCUMENT_COLUMNS), ("events", EVENT_COLUMNS), ("claims", CLAIM_COLUMNS)):
        documented = _documented_columns(table)
        assert len(documented) >= 11
        assert columns[: len(documented)] == documented


text_values = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.fixed_dictionaries({c: text_values for c in EVENT_COLUMNS}), max_size=5))
def test_csv_and_jsonl_round_trip(tmp_path_factory, rows: list[dict[str, str]]) -> None:
    out = tmp_path_factory.mktemp("tables")
    writer = TableWriter(out)
    writer.write("events", rows)
    writer.commit()
    # csv normalises bare CR inside fields only if quoted; the writer quotes them
    assert read_table(out / "events.csv") == rows
    with open(out / "events.jsonl", encoding="utf-8") as handle:
        assert [json.loads(line) for line in handle] == rows
    assert not [p for p in out.iterdir() if p.name.startswith(".dateline-tmp")]


@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_format_number_round_trips(value: float) -> None:
    assert float(format_number(value)) == value


def test_format_number_prints_integers_without_point() -> None:
    assert format_number(5000.0) == "5000"
    assert format_number(5.8) == "5.8"
    assert format_number(None) == ""


def test_abort_leaves_previous_tables(tmp_path: Path) -> None:
    first = TableWriter(tmp_path)
    first.write("claims", [{c: "x" for c in CLAIM_COLUMNS}])
    first.commit()
    second = TableWriter(tmp_path)
    second.write("claims", [{c: "y" for c in CLAIM_COLUMNS}] * 3)
    second.abort()
    rows = read_table(tmp_path / "claims.csv")
    assert [r["claim_id"] for r in rows] == ["x"]
    # the tables and the marker that lets a later run replace the folder whole
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f"{name}.{ext}" for name in TABLES for ext in ("csv", "jsonl")] + [TEXTS_FILE, TABLES_MARKER]
    )
    assert not [p for p in tmp_path.parent.iterdir() if p.name.startswith(f".{tmp_path.name}.building-")]


def test_csv_is_rfc4180(tmp_path: Path) -> None:
    writer = TableWriter(tmp_path)
    writer.write("documents", [{"doc_id": 'a "quoted", id', "subject": "line\nbreak"}])
    writer.commit()
    raw = (tmp_path / "documents.csv").read_bytes()
    assert raw.startswith(b"doc_id,source_file,doc_date")
    assert b'"a ""quoted"", id"' in raw
    with open(tmp_path / "documents.csv", newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle))[1][0] == 'a "quoted", id'
