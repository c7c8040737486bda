"""Features of candidate events and claims: what the rules, the time expressions
and the parse say about them. Names are ``kind=value`` strings with value 1.0."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..events import Mention
    from ..model import Claim

_WORD = re.compile(r"[a-z][a-z'’-]*|\d+")
_NEGATION = re.compile(r"\b(?:not|no|never|n't|nor|without|failed to|refused to|declined to)\b", re.I)
_MODAL = re.compile(r"\b(?:would|could|should|may|might|will|shall|must|can|ca)\b", re.I)
_CONDITION = re.compile(r"\b(?:if|unless|whether)\b", re.I)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _bucket(n: int, edges: tuple[int, ...] = (0, 1, 2, 4, 8, 16)) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _token_features(out: dict[str, float], prefix: str, parsed: "Doc | None", start: int, end: int) -> None:
    """Where the span sits in the tree: its tag, relation, head and the head's children."""
    if parsed is None:
        out[prefix + "noparse"] = 1.0
        return
    from ..parse import head_of

    token = head_of(parsed, start, end)
    if token is None:
        out[prefix + "noparse"] = 1.0
        return
    out[prefix + "tag=" + token.tag_] = 1.0
    out[prefix + "dep=" + token.dep_] = 1.0
    head = token.head
    out[prefix + "head=" + head.lower_] = 1.0
    out[prefix + "headtag=" + head.tag_] = 1.0
    out[prefix + "dep_head=" + token.dep_ + "|" + head.tag_] = 1.0
    for child in token.children:
        out[prefix + "child=" + child.dep_] = 1.0
        if child.dep_ in ("aux", "auxpass", "neg", "mark", "det", "poss", "amod", "nummod", "compound"):
            out[prefix + "child=" + child.dep_ + ":" + child.lower_] = 1.0
    # the verbs above it ("plans to visit", "said that ... arrested")
    seen = 0
    node = token
    while node.head.i != node.i and seen < 3:
        node = node.head
        seen += 1
        if node.pos_ in ("VERB", "AUX"):
            out[prefix + "anc=" + node.lower_] = 1.0
            for child in node.children:
                if child.dep_ in ("aux", "neg", "mark"):
                    out[prefix + "anc_child=" + child.dep_ + ":" + child.lower_] = 1.0


def _trigger_features(f: dict[str, float], m: "Mention") -> None:
    """The trigger, its type and part of speech, and the rule that would drop it."""
    kind, trig, rule = m.kind, m.trigger.lower(), m.rule or "none"
    f.update({"type=" + kind: 1.0, "trig=" + trig: 1.0, "trig_type=" + trig + "|" + kind: 1.0,
              "verb=" + str(m.is_verb): 1.0, "verb_type=" + str(m.is_verb) + "|" + kind: 1.0,
              "rule=" + rule: 1.0, "rule_type=" + rule + "|" + kind: 1.0})
    if m.rule:
        f["ruled_out"] = 1.0
    if m.trigger[:1].isupper():
        f["capitalised"] = 1.0


def _window_features(f: dict[str, float], m: "Mention") -> None:
    """The words around the trigger and of its clause."""
    text = m.sentence.text
    for i, w in enumerate(reversed(_words(text[m.lo:m.start])[-3:])):
        f[f"prev{i + 1}={w}"] = 1.0
    for i, w in enumerate(_words(text[m.end:m.hi])[:3]):
        f[f"next{i + 1}={w}"] = 1.0
    for w in set(_words(text[m.lo:m.hi])):
        f["clause=" + w] = 1.0


def _status_and_time_features(f: dict[str, float], m: "Mention", doc_date: str) -> None:
    """The rules' status and the time governing the trigger, if any."""
    f["status=" + m.status] = 1.0
    f["status_type=" + m.status + "|" + m.kind] = 1.0
    if m.status_cued:
        f["status_cued"] = 1.0
    if m.when is None:
        f["no_when"] = 1.0
        return
    text = m.sentence.text
    f["when"] = 1.0
    f["when_gran=" + m.when.granularity] = 1.0
    f["when_type=" + m.kind] = 1.0
    if doc_date and m.when.date_start > doc_date:
        f["when_future"] = 1.0
    f["when_gap=" + _bucket(len(_words(text[min(m.when.end, m.end):max(m.start, m.when.start)])))] = 1.0
    f["when_side=" + ("before" if m.when.end <= m.start else "after")] = 1.0


#: the rules' readings of a mention kept as features, by attribute name
_MENTION_FLAGS = ("anaphoric", "demonstrative", "plural", "statistical", "record", "back_reference", "amount")


def _mood_features(f: dict[str, float], m: "Mention") -> None:
    """Negation, modality, condition and questions before the trigger."""
    text = m.sentence.text
    clause_before = text[m.lo:m.start]
    if _NEGATION.search(clause_before[-60:]):
        f["negation_before"] = 1.0
    if _MODAL.search(clause_before[-60:]):
        f["modal_before"] = 1.0
    if _CONDITION.search(text[:m.start]):
        f["condition_before"] = 1.0
    if text.rstrip().endswith("?"):
        f["question"] = 1.0


def _place_features(f: dict[str, float], m: "Mention") -> None:
    """Where the mention sits in the cable: paragraph, sentence, heading."""
    text = m.sentence.text
    f["p_index=" + ("subject" if m.p_index < 0 else _bucket(m.p_index, (0, 1, 2, 4, 8)))] = 1.0
    f["s_index=" + _bucket(m.s_index, (0, 1, 3))] = 1.0
    f["sent_len=" + _bucket(len(_words(text)), (6, 12, 25, 40, 60))] = 1.0
    for w in set(_words(m.paragraph.heading)):
        f["heading=" + w] = 1.0
    if m.start == 0 or not text[:m.start].strip():
        f["sentence_start"] = 1.0


def event_features(m: "Mention", parsed: "Doc | None", doc_date: str) -> dict[str, float]:
    """Features of one candidate mention."""
    f: dict[str, float] = {"bias": 1.0}
    _trigger_features(f, m)
    _window_features(f, m)
    _status_and_time_features(f, m, doc_date)
    for flag in _MENTION_FLAGS:
        if getattr(m, flag):
            f[flag] = 1.0
    _mood_features(f, m)
    _place_features(f, m)
    _token_features(f, "t_", parsed, m.start, m.end)
    return f


def _date_word_pattern() -> "re.Pattern[str]":
    """A capitalised month or weekday name (the language tables), a deictic day, or a year."""
    from ..language import MONTHS, WEEKDAYS

    names = sorted({n.capitalize() for n in (*MONTHS, *WEEKDAYS)}, key=lambda n: (-len(n), n))
    return re.compile(r"\b(?:" + "|".join(names) + r"|yesterday|today|tomorrow|(?:19|20)\d\d)\b")


_DATE_WORD = _date_word_pattern()


class EventContext:
    """Features of a document's candidate mentions, read in document order: what the
    document has already named is the best sign that a mention refers back to it."""

    def __init__(self, doc_date: str) -> None:
        self.doc_date = doc_date
        self.types: dict[str, int] = {}
        self.triggers: dict[str, int] = {}

    def featurize(self, mentions: "list[Mention]", parsed: "Doc | None") -> list[dict[str, float]]:
        out: list[dict[str, float]] = []
        if not mentions:
            return out
        text = mentions[0].sentence.text
        dated = _DATE_WORD.search(text) is not None
        kinds_here = {m.kind for m in mentions}
        for m in mentions:
            f = event_features(m, parsed, self.doc_date)
            key = m.trigger.lower()[:5]
            seen_type = self.types.get(m.kind, 0)
            seen_trig = self.triggers.get(key, 0)
            f["seen_type=" + _bucket(seen_type, (0, 1, 3, 8))] = 1.0
            f["seen_trig=" + _bucket(seen_trig, (0, 1, 3))] = 1.0
            f["seen_trig_type=" + _bucket(seen_trig, (0, 1)) + "|" + m.kind] = 1.0
            if seen_trig and f.get("prev1=the"):
                f["the_seen"] = 1.0
            f["dated_sentence=" + str(dated)] = 1.0
            f["dated_sentence_type=" + str(dated) + "|" + m.kind] = 1.0
            f["types_here=" + str(min(len(kinds_here), 3))] = 1.0
            out.append(f)
        for m in mentions:
            self.types[m.kind] = self.types.get(m.kind, 0) + 1
            key = m.trigger.lower()[:5]
            self.triggers[key] = self.triggers.get(key, 0) + 1
        return out


def _claim_reading_features(f: dict[str, float], c: "Claim") -> None:
    """What the rules read: unit, dimension, qualifier, the rule that would drop it, entity, speaker."""
    f.update({"unit=" + c.unit: 1.0, "dim=" + (c.dimension or "none"): 1.0, "qual=" + c.qualifier: 1.0,
              "rule=" + (c.rule or "none"): 1.0})
    if c.rule:
        f["ruled_out"] = 1.0
        f["rule_dim=" + c.rule + "|" + (c.dimension or "none")] = 1.0
    if c.entity:
        f["entity"] = 1.0
        for w in _words(c.entity)[-1:]:
            f["entity_head=" + w] = 1.0
    else:
        f["no_entity"] = 1.0
    if c.speaker:
        f["speaker"] = 1.0
    if c.period:
        f["period=" + c.period] = 1.0


def _claim_window_features(f: dict[str, float], c: "Claim") -> None:
    """The words around the number and of its own text."""
    sentence = c.sentence
    before = _words(sentence[:c.start]) if c.start >= 0 else []
    after = _words(sentence[c.end:]) if c.end >= 0 else []
    for i, w in enumerate(reversed(before[-3:])):
        f[f"prev{i + 1}={w}"] = 1.0
    for i, w in enumerate(after[:3]):
        f[f"next{i + 1}={w}"] = 1.0
    for w in set(_words(c.text)):
        f["text=" + w] = 1.0


def _value_features(f: dict[str, float], c: "Claim") -> None:
    """The number's size and shape: a year, a day of the month, its digits by unit."""
    value = c.value if c.value is not None else c.value_low
    if c.value is None:
        f["range"] = 1.0
    if value is None:
        return
    if float(value).is_integer():
        f["integer"] = 1.0
        if 1900 <= value <= 2100:
            f["year_like"] = 1.0
        if value <= 31:
            f["small"] = 1.0
    if abs(value) < 1e15:
        digits = len(str(int(abs(value))))
        f["magnitude=" + str(digits)] = 1.0
        f["unit_mag=" + c.unit + "|" + str(min(digits, 9))] = 1.0
    else:
        f["magnitude=huge"] = f["unit_mag=huge"] = 1.0


def _claim_surface_features(f: dict[str, float], c: "Claim") -> None:
    """How the number and its sentence are written (table rows are short and full of digits)."""
    raw, sentence = c.text, c.sentence
    if raw[:1].isdigit() and raw.strip().isdigit():
        f["bare_digits"] = 1.0
    if any(ch.isalpha() for ch in raw) and not any(ch.isdigit() for ch in raw):
        f["word_number"] = 1.0
    if 0 <= c.start <= 2:
        f["sentence_start"] = 1.0
    if len(sentence) < 60:
        f["short_sentence"] = 1.0
    if sentence.isupper():
        f["upper_sentence"] = 1.0
    digits = sum(ch.isdigit() for ch in sentence)
    f["digit_share=" + _bucket(int(100 * digits / max(1, len(sentence))), (2, 5, 10, 20, 40))] = 1.0


def claim_features(c: "Claim", doc_date: str) -> dict[str, float]:
    """Features of one candidate claim (the parse is left out: tried, it hurt table rows)."""
    f: dict[str, float] = {"bias": 1.0}
    _claim_reading_features(f, c)
    _claim_window_features(f, c)
    _value_features(f, c)
    _claim_surface_features(f, c)
    return f
