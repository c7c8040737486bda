"""Datasette-style golden outputs: the tables extracted from the seed corpus are
compared byte for byte with tests/golden/. An intended change of extraction is
made visible by regenerating them (``pytest tests/test_golden.py --update-golden``)
and reviewing the diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor import extract_corpus
from extractor.tables import TABLES, TEXTS_FILE

GOLDEN = Path(__file__).resolve().parent / "golden"
FILES = [f"{name}.{ext}" for name in TABLES for ext in ("csv", "jsonl")] + [TEXTS_FILE]


@pytest.fixture(scope="module")
def seed_tables(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    out = tmp_path_factory.mktemp("golden")
    extract_corpus([seeds_dir], out, jobs=1)
    return out


@pytest.mark.parametrize("name", FILES)
def test_seed_tables_equal_the_golden_files(seed_tables: Path, name: str, request: pytest.FixtureRequest) -> None:
    produced = (seed_tables / name).read_bytes()
    if request.config.getoption("--update-golden"):
        GOLDEN.mkdir(exist_ok=True)
        (GOLDEN / name).write_bytes(produced)
    expected = (GOLDEN / name).read_bytes()
    assert produced == expected, f"{name} differs from tests/golden/{name}: review, then --update-golden"
