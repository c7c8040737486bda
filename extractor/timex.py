"""Stage 3 — time expressions: find spans, normalize them against the DCT."""

from __future__ import annotations

from .model import TimeExpression


def find_time_expressions(text: str, dct: str) -> list[TimeExpression]:
    """All temporal expressions in ``text`` (offsets into ``text``), normalized
    against the document creation date ``dct`` (ISO ``YYYY-MM-DD``)."""
    raise NotImplementedError
