"""Stage 2 — clean: split a telegram into numbered paragraphs and sentences."""

from __future__ import annotations

from .model import Document


def clean_document(doc: Document) -> Document:
    """Fill ``doc.paragraphs`` from ``doc.raw_text``."""
    raise NotImplementedError
