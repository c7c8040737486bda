"""Stage 4b — claims: numbers with units, what they count and who says so."""

from __future__ import annotations

from .model import Claim, Document, TimeExpression


def extract_claims(doc: Document, times: list[list[list[TimeExpression]]] | None = None) -> list[Claim]:
    """Claims of one cleaned document."""
    raise NotImplementedError
