"""Stage 4a — events: typed, dated, attributed happenings."""

from __future__ import annotations

from .model import Document, Event, TimeExpression


def extract_events(doc: Document, times: list[list[list[TimeExpression]]] | None = None) -> list[Event]:
    """Events of one cleaned document. ``times[p][s]`` are the time expressions
    of sentence ``s`` of paragraph ``p`` (computed when not given)."""
    raise NotImplementedError
