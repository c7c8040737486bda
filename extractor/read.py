"""Stage 1 — read: find input files, detect their format from content, decode
them and pull out the metadata. Produces :class:`Document` objects whose
``raw_text`` holds the telegram text; paragraphs are filled by :mod:`clean`."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator, Sequence

from .model import Document


def discover(paths: Sequence[str | os.PathLike[str]]) -> list[tuple[Path, Path]]:
    """Every input file under ``paths`` as ``(file, root)``, sorted, so a run
    never depends on the order the file system lists things in."""
    raise NotImplementedError


def read_file(path: Path, root: Path) -> list[Document]:
    """Read one input file (one or many cables). Never raises: an unreadable or
    unparsable file becomes one Document with ``status='error'``."""
    raise NotImplementedError
