"""The small dataclasses that flow between pipeline stages.

read → clean → timex → events / claims → tables → report → site.
Each stage takes and returns these objects; no stage reaches into another's
internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """One sentence of a cleaned paragraph."""

    text: str
    #: offsets of ``text`` inside ``Paragraph.text``
    start: int
    end: int


@dataclass
class Paragraph:
    """A paragraph of the cleaned telegram body."""

    #: the cable's own number ("1", "12"), "" when the paragraph has none
    number: str
    #: classification marking without parentheses ("SBU", "C", "S/NF"), or ""
    marking: str
    #: the section heading that precedes the paragraph, or ""
    heading: str
    #: cleaned text: lines joined, page breaks removed, mangling repaired
    text: str
    sentences: list[Sentence] = field(default_factory=list)


@dataclass
class Document:
    """One cable: metadata plus its cleaned body."""

    doc_id: str
    #: input path relative to the corpus folder (plus ``#row`` for CSV rows)
    source_file: str
    doc_date: str = ""  # ISO YYYY-MM-DD, "" when unknown
    origin: str = ""
    classification: str = ""
    subject: str = ""
    tags: str = ""  # space separated
    dtg: str = ""  # date-time group as written ("241258Z JUL 08")
    references: list[str] = field(default_factory=list)
    #: which input format the reader detected
    format: str = ""
    #: the telegram text as read (after decoding), before cleaning
    raw_text: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    status: str = "ok"  # ok | error
    error: str = ""

    def sentences(self) -> list[tuple[Paragraph, Sentence]]:
        return [(p, s) for p in self.paragraphs for s in p.sentences]


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression found in a text and normalized (TIMEX3-like)."""

    text: str
    start: int
    end: int
    type: str  # DATE, DURATION, SET, TIME
    value: str  # 2008-07-17, 2008-W30, 2008-07, P6M, PAST_REF ...
    mod: str = ""  # BEFORE, AFTER, ON_OR_BEFORE, START, MID, END, APPROX
    date_start: str = ""  # inclusive ISO date, "" when not anchored
    date_end: str = ""
    granularity: str = ""  # day, week, month, quarter, year, decade


@dataclass
class Event:
    """A dated (or undated) happening. Fields follow OUTPUTS.md events.csv."""

    event_id: str
    doc_id: str
    doc_date: str
    type: str
    status: str
    date_start: str = ""
    date_end: str = ""
    granularity: str = ""
    date_text: str = ""
    date_inherited: bool = False
    trigger: str = ""
    actors: list[str] = field(default_factory=list)
    location: str = ""
    paragraph: str = ""
    sentence: str = ""
    summary: str = ""
    #: offsets of the trigger inside ``sentence`` (for highlighting)
    trigger_start: int = -1
    trigger_end: int = -1


@dataclass
class Claim:
    """A number with a unit. Fields follow OUTPUTS.md claims.csv."""

    claim_id: str
    doc_id: str
    doc_date: str
    value: float | None
    value_low: float | None
    value_high: float | None
    unit: str
    unit_text: str = ""
    dimension: str = ""
    qualifier: str = "exact"
    entity: str = ""
    period: str = ""
    speaker: str = ""
    text: str = ""
    paragraph: str = ""
    sentence: str = ""
    #: offsets of ``text`` inside ``sentence`` (for highlighting)
    start: int = -1
    end: int = -1
    #: for a weak candidate (proposed only to the learned decision): the rule that would
    #: drop it ("q:pronoun one", "q:year", "table"); "" when the rules keep it. Not published.
    rule: str = ""


def stable_id(*parts: object) -> str:
    """A short id that is the same on every run for the same parts."""
    import hashlib

    key = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
