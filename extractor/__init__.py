"""Dateline: dated events and numeric claims from diplomatic cables.

Library first: every CLI command is a thin layer over these functions.
"""

__version__ = "0.1.0"

from .model import Claim, Document, Event, Paragraph, Sentence, TimeExpression  # noqa: E402
from .pipeline import extract_corpus, extract_document, read_corpus  # noqa: E402

__all__ = [
    "Claim", "Document", "Event", "Paragraph", "Sentence", "TimeExpression",
    "extract_corpus", "extract_document", "read_corpus", "__version__",
]
