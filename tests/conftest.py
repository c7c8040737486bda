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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/ from the current extraction of data/cables")
