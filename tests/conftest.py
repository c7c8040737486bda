"""Shared fixtures: the project's seed corpus and the optional shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "data" / "cables"
SHARED = PROJECT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
DEV_GOLD = SHARED / "gold" / "dev"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def dev_gold() -> Path:
    if not DEV_GOLD.is_dir():
        pytest.skip("../shared/gold/dev is absent")
    return DEV_GOLD


@pytest.fixture(scope="session")
def corpus_tables(shared_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tables of the whole shared corpus, extracted once per test session with
    every core and no cache (90 s on 2 cores); shared by the tests that need them."""
    import os

    from extractor.pipeline import extract_corpus

    out = tmp_path_factory.mktemp("corpus") / "data"
    extract_corpus([shared_corpus], out, jobs=os.cpu_count() or 1)
    return out


@pytest.fixture(scope="session")
def corpus_site(corpus_tables: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the whole shared corpus (30 s more), built once per test session."""
    from extractor import site

    return site.build_site(corpus_tables, tmp_path_factory.mktemp("corpus-site") / "public", evaluate=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current extraction of data/cables")
