"""The package ships ``py.typed``: its annotations must hold."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent


def test_mypy_finds_no_type_errors() -> None:
    if shutil.which("mypy") is None and subprocess.run([sys.executable, "-m", "mypy", "--version"],
                                                       capture_output=True).returncode != 0:
        pytest.skip("mypy is not installed (it is in the test extras)")
    result = subprocess.run([sys.executable, "-m", "mypy", "extractor", "--ignore-missing-imports"],
                            cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
