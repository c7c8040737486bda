"""Issue 16, part B: a cables.csv is a stream of work units (one per record), split
by the csv module's own parsing, dealt to the workers in batches and cached per row."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import extractor
from extractor import extract_corpus, read_corpus
from extractor import read as read_module
from extractor.cli import cli
from extractor.read import read_csv_records, read_file
from extractor.tables import TABLES, TEXTS_FILE, read_table

PROJECT = Path(extractor.__file__).resolve().parent.parent
#: a line inside a cable's body that looks like the start of a record
RECORD_LIKE = '"12","12/28/2006 14:57",'


def row(n: int, ref_id: str, body: str) -> list[str]:
    return [str(n), "12/28/2006 14:57", ref_id, "Embassy Mexico", "CONFIDENTIAL", "", "", body]


def body(i: int) -> str:
    return (f"1. (C) The Ambassador met the minister on July {i % 27 + 1}. "
            f"Police seized {i + 2}.5 tons of cocaine in Manzanillo.\n\n"
            f"2. (U) The minister will visit Washington next week with {i + 10} officials.")


def write_dump(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return path


def table_bytes(out: Path) -> dict[str, bytes]:
    names = [f"{n}.{e}" for n in TABLES for e in ("csv", "jsonl")] + [TEXTS_FILE]
    return {name: (out / name).read_bytes() for name in names}


def test_a_body_line_that_looks_like_a_record_start_stays_in_its_cable(tmp_path: Path) -> None:
    # the old reader cut a record at every line beginning like one: 23 corpus cables in two
    tricky = f"1. (C) The table reads:\n{RECORD_LIKE}\"06MEXICO9\",\"x\"\n2. (U) End of the cable."
    path = write_dump(tmp_path / "cables.csv", [row(1, "06MEXICO1", body(1)), row(2, "06MEXICO2", tricky),
                                               row(3, "06MEXICO3", body(3))])
    docs = read_file(path, tmp_path)
    assert [(d.doc_id, d.status, d.source_file) for d in docs] == [
        ("06MEXICO1", "ok", "cables.csv#1"), ("06MEXICO2", "ok", "cables.csv#2"), ("06MEXICO3", "ok", "cables.csv#3")]
    assert RECORD_LIKE in docs[1].raw_text and docs[1].raw_text.endswith("End of the cable.")


def test_an_oversized_record_is_one_error_row_and_the_next_rows_are_read(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(read_module._config(), "max_cable_bytes", 2_000)
    # over the limit, with quotes, commas and record-like lines inside it, and one line longer than the limit
    huge = ('1. (C) "quoted", text\n' + f'{RECORD_LIKE}"x"\n') * 100 + "word " * 1_000
    path = write_dump(tmp_path / "cables.csv", [row(1, "06A1", body(1)), row(2, "06A2", huge), row(3, "06A3", body(3))])
    records = list(read_csv_records(path, "cables.csv", "utf-8"))
    assert [(r.number, r.problem[:18]) for r in records] == [(1, ""), (2, "CSV row too large "), (3, "")]
    assert records[2].fields == tuple(row(3, "06A3", body(3)))


def test_records_are_read_incrementally(tmp_path: Path) -> None:
    path = write_dump(tmp_path / "cables.csv", [row(n, f"06B{n}", body(n)) for n in range(1, 2001)])
    records = read_csv_records(path, "cables.csv", "utf-8")
    first = next(records)
    assert first.number == 1 and first.fields[2] == "06B1"  # without reading the other 1,999
    records.close()


def test_read_corpus_reads_a_dump_record_by_record(tmp_path: Path) -> None:
    path = write_dump(tmp_path / "cables.csv", [row(n, f"06G{n}", body(n)) for n in range(1, 4)])
    docs = read_corpus([path])
    first = next(docs)
    assert (first.doc_id, first.source_file, first.status) == ("06G1", "cables.csv#1", "ok") and first.paragraphs
    assert [d.doc_id for d in docs] == ["06G2", "06G3"]


def test_header_row_and_blank_lines_are_no_records(tmp_path: Path) -> None:
    text = ('"id","date","ref_id","origin","classification","references","header","content"\n\n'
            + '"2","12/28/2006 14:57","06C2","Embassy Mexico","SECRET","","","1. (S) Text."\n\n\n')
    (tmp_path / "cables.csv").write_text(text, encoding="utf-8")
    records = list(read_csv_records(tmp_path / "cables.csv", "cables.csv", "utf-8"))
    assert [(r.number, r.fields[2]) for r in records] == [(2, "06C2")]


def test_jobs_2_writes_the_tables_of_jobs_1(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "cables.csv", [row(n, f"06D{n}", body(n)) for n in range(1, 41)])
    runner = CliRunner()
    for jobs in ("1", "2"):
        result = runner.invoke(cli, ["extract", str(dump), "--out", str(tmp_path / f"out{jobs}"), "--no-cache",
                                     "--jobs", jobs, "--quiet"])
        assert result.exit_code == 0, result.output
    assert table_bytes(tmp_path / "out1") == table_bytes(tmp_path / "out2")
    documents = read_table(tmp_path / "out1" / "documents.csv")
    assert [d["doc_id"] for d in documents] == [f"06D{n}" for n in range(1, 41)]
    assert all(d["status"] == "ok" and int(d["claims"]) >= 1 for d in documents)


def test_a_rerun_after_editing_one_row_extracts_that_row_only(tmp_path: Path) -> None:
    rows = [row(n, f"06E{n}", body(n)) for n in range(1, 21)]
    dump = write_dump(tmp_path / "cables.csv", rows)
    cache = tmp_path / "cache"
    first = extract_corpus([dump], tmp_path / "out1", jobs=2, cache_dir=cache)
    assert (first.units, first.extracted_units, first.files) == (20, 20, 1)
    rows[9][7] = rows[9][7].replace("Manzanillo", "Veracruz")
    write_dump(dump, rows)
    second = extract_corpus([dump], tmp_path / "out2", jobs=2, cache_dir=cache)
    assert (second.units, second.extracted_units, second.cached_files) == (20, 1, 0)
    assert table_bytes(tmp_path / "out2") == table_bytes(extract_fresh(dump, tmp_path / "fresh"))
    third = extract_corpus([dump], tmp_path / "out3", jobs=2, cache_dir=cache)
    assert (third.extracted_units, third.cached_files) == (0, 1)
    # the edited row's old entry is stale: pruned, one entry a row is left
    assert len(list(cache.glob("*/*/*.json"))) == 20


def extract_fresh(dump: Path, out: Path) -> Path:
    extract_corpus([dump], out, jobs=1)
    return out


# a row whose extraction kills its worker (as the OOM killer would) or runs over the time budget
FAILING_ROW = """
import os, signal, sys, time
from extractor import pipeline
from extractor.workers import Budget
original = pipeline.rows_for_record
def failing(record):
    if record.fields[2] == "06F5":
        os.kill(os.getpid(), signal.SIGKILL)
    if record.fields[2] == "06F9":
        time.sleep(30)
    return original(record)
pipeline.rows_for_record = failing
pipeline.extract_corpus([sys.argv[1]], sys.argv[2], jobs=2, budget=Budget(timeout=3))
"""


def test_a_failing_row_costs_its_own_rows_not_its_batchs(tmp_path: Path) -> None:
    dump = write_dump(tmp_path / "cables.csv", [row(n, f"06F{n}", body(n)) for n in range(1, 13)])
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    process = subprocess.run([sys.executable, "-c", FAILING_ROW, str(dump), str(tmp_path / "out")], env=env,
                             capture_output=True, text=True, timeout=300)
    assert process.returncode == 0, process.stderr
    documents = {d["doc_id"]: d for d in read_table(tmp_path / "out" / "documents.csv")}
    assert len(documents) == 12
    assert documents["06F5"]["status"] == "error" and "died" in documents["06F5"]["error"]
    assert documents["06F5"]["source_file"] == "cables.csv#5"
    assert documents["06F9"]["status"] == "error" and "time budget" in documents["06F9"]["error"]
    assert all(d["status"] == "ok" for i, d in documents.items() if i not in ("06F5", "06F9"))


def test_the_corpus_as_one_cables_csv_has_no_spurious_error_rows(tmp_path: Path, shared_corpus: Path) -> None:
    sys.path.insert(0, str(PROJECT / "benchmarks"))
    try:
        import scale
    finally:
        sys.path.pop(0)
    cables = scale.build_corpus(shared_corpus, 1, tmp_path / "folder", tmp_path / "cables.csv")
    records = list(read_csv_records(tmp_path / "cables.csv", "cables.csv", "utf-8"))
    assert len(records) == cables and not [r for r in records if r.problem]
    with open(tmp_path / "cables.csv", encoding="utf-8", newline="") as handle:
        assert [r.fields for r in records] == [tuple(f) for f in csv.reader(handle)]


def test_progress_of_one_dump_advances_record_by_record(tmp_path: Path) -> None:
    # a single cables.csv is one file: counted in files, its bar stood still until the end
    from extractor.pipeline import input_bytes
    from extractor.read import discover

    dump = write_dump(tmp_path / "cables.csv", [row(i, f"06MEXICO{i}", body(i)) for i in range(1, 6)])
    steps: list[int] = []
    extract_corpus([dump], tmp_path / "out", jobs=1, progress=steps.append)
    assert len([s for s in steps if s > 0]) >= 5
    assert sum(steps) == input_bytes(discover([dump])) == dump.stat().st_size
