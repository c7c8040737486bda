"""Learned date and status decisions for the final event mentions.

The date decision ranks candidate dates: the rules' choice, no date, every time
expression of the sentence and the dates the context offers (the narrative's
frame, the last day stated, the previous sentence ...). Candidates giving the
same dates are one, with the features of all their sources; a binary logistic
model scores each and the best one wins. The status decision is one-vs-rest
over the four statuses, with the rules' status among its features.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from .features import _bucket, _words
from .linear import Features, LinearModel

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..events import Mention
    from ..model import TimeExpression

STATUSES = ("occurred", "planned", "expected", "ongoing")
_NO_DATE = ("", "")
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|\s[-–—]{1,2}\s|--")
_PLAN_WORDS = re.compile(r"\b(?:plan\w*|intend\w*|schedul\w*|will|would|agree\w* to|propos\w*|invit\w*|upcoming|next|"
                         r"expect\w*|likely|hope\w*|seek\w*|want\w*|prepar\w*|to be|slated|set to)\b", re.I)

Candidate = tuple[tuple[str, str], "TimeExpression | None", dict[str, float]]


def _dates(t: "TimeExpression | None") -> tuple[str, str]:
    return (t.date_start, t.date_end) if t is not None else _NO_DATE


def _span_days(t: "TimeExpression") -> int:
    try:
        return (date.fromisoformat(t.date_end) - date.fromisoformat(t.date_start)).days
    except ValueError:
        return 0


def _verb_of(token: "Token") -> "Token":
    """The nearest verb at or above ``token`` (the clause it sits in)."""
    node = token
    for _ in range(6):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return node


def _path_length(a: "Token", b: "Token") -> int:
    """Arcs between two tokens through their lowest common ancestor (20 and more apart)."""
    from ..parse import tree_path

    up, down, ancestor = tree_path(a, b)
    return len(up) + len(down) if ancestor is not None else 20 + len(down)


def _mention_traits(m: "Mention", parsed: "Doc | None") -> list[str]:
    traits = ["type=" + m.kind, "verb=" + str(m.is_verb), "status=" + m.status,
              "dated_sentence=" + str(any(t.date_start for t in m.times)), "rule_dated=" + str(m.when is not None)]
    if m.anaphoric:
        traits.append("anaphoric")
    if m.plural:
        traits.append("plural")
    if m.p_index < 0:
        traits.append("subject")
    if parsed is not None:
        from ..parse import head_of

        token = head_of(parsed, m.start, m.end)
        if token is not None:
            traits.append("tag=" + token.tag_)
    return traits


@lru_cache(maxsize=256)
def _trigger_spans(text: str) -> tuple[tuple[int, int], ...]:
    from ..events import find_triggers

    return tuple((s, e) for s, e, _k, _v in find_triggers(text))


def _timex_features(f: dict[str, float], m: "Mention", t: "TimeExpression", parsed: "Doc | None",
                    rank: int) -> None:
    """Where a time expression of the mention's own sentence sits relative to the trigger."""
    _other_trigger_features(f, m, t)
    _timex_surface_features(f, m, t, rank)
    if parsed is not None:
        _timex_tree_features(f, m, t, parsed)


def _between(m: "Mention", t: "TimeExpression") -> tuple[int, int]:
    return (t.end, m.start) if t.end <= m.start else (m.end, t.start)


Span = tuple[int, int]


def _other_between(m: "Mention", t: "TimeExpression", others: list[Span]) -> bool:
    a, b = _between(m, t)
    return any(a <= s and e <= b for s, e in others)


def _other_nearer(m: "Mention", t: "TimeExpression", others: list[Span]) -> bool:
    mine = max(0, t.start - m.end, m.start - t.end)
    return any(max(0, t.start - e, s - t.end) < mine for s, e in others)


def _close(text: str, a: int, b: int) -> bool:
    return a <= b and len(_words(text[a:b])) <= 2


def _follows_other(m: "Mention", t: "TimeExpression", others: list[Span]) -> bool:
    text = m.sentence.text
    return any(_close(text, e, t.start) for _s, e in others) and not _close(text, m.end, t.start)


def _premodifies_other(m: "Mention", t: "TimeExpression", others: list[Span]) -> bool:
    text = m.sentence.text
    return any(_close(text, t.end, s) for s, _e in others) and not _close(text, t.end, m.start)


#: whether another trigger of the sentence has a better claim on the time, by feature name
OTHER_TRIGGER_CHECKS: tuple[tuple[str, Callable[["Mention", "TimeExpression", list[Span]], bool]], ...] = (
    ("sent_trigger_between", _other_between),
    ("sent_nearer_other", _other_nearer),
    ("sent_follows_other", _follows_other),  # "the May 5 arrest": the time sits right after another trigger
    ("sent_premodifies_other", _premodifies_other),
)


def _other_trigger_features(f: dict[str, float], m: "Mention", t: "TimeExpression") -> None:
    others = [(s, e) for s, e in _trigger_spans(m.sentence.text)
              if (s, e) != (m.start, m.end) and not (s < m.end and m.start < e)]
    for name, check in OTHER_TRIGGER_CHECKS:
        if check(m, t, others):
            f[name] = 1.0


def _timex_surface_features(f: dict[str, float], m: "Mention", t: "TimeExpression", rank: int) -> None:
    """The words between the time and the trigger, its side, rank and preposition."""
    text = m.sentence.text
    side = "before" if t.end <= m.start else "after"
    a, b = _between(m, t)
    between = text[a:b] if b > a else ""
    f["sent"] = 1.0
    f["sent_side=" + side] = 1.0
    f["sent_gap=" + _bucket(len(_words(between)), (0, 1, 3, 6, 10, 20))] = 1.0
    f["sent_rank=" + str(min(rank, 2))] = 1.0
    f["sent_rank_type=" + str(min(rank, 2)) + "|" + m.kind] = 1.0
    if "," in between:
        f["sent_comma"] = 1.0
    if _CLAUSE_BREAK.search(between):
        f["sent_break"] = 1.0
    if m.lo <= t.start and t.end <= m.hi:
        f["sent_in_clause"] = 1.0
    if len(_words(text[:t.start])) <= 4:
        f["sent_opening"] = 1.0
    prev = _words(text[max(0, t.start - 25):t.start])[-1:]
    if prev:
        f["sent_prep=" + prev[0]] = 1.0
        f["sent_prep_side=" + prev[0] + "|" + side] = 1.0


def _timex_tree_features(f: dict[str, float], m: "Mention", t: "TimeExpression", parsed: "Doc") -> None:
    """How the time attaches to the trigger in the parse."""
    from ..parse import head_of

    trig, tim = head_of(parsed, m.start, m.end), head_of(parsed, t.start, t.end)
    if trig is None or tim is None:
        return
    f["sent_dep=" + tim.dep_] = 1.0
    f["sent_path=" + _bucket(_path_length(trig, tim), (1, 2, 3, 4, 6, 9))] = 1.0
    if tim.head.i == trig.i:
        f["sent_head_is_trigger"] = 1.0
    elif tim.head.i == trig.head.i:
        f["sent_sibling"] = 1.0
    if _verb_of(tim).i == _verb_of(trig).i:
        f["sent_same_verb"] = 1.0
    if tim.head.dep_ == "prep":
        f["sent_prep_dep=" + tim.head.lower_ + "|" + tim.head.head.pos_] = 1.0


def _lexical_none(m: "Mention") -> dict[str, float]:
    """The trigger and its neighbours, as evidence for "no date of its own"."""
    text = m.sentence.text
    lexical = {"none|trig=" + m.trigger.lower(): 1.0}
    for i, w in enumerate(reversed(_words(text[max(m.lo, m.start - 40):m.start])[-2:])):
        lexical[f"none|prev{i + 1}={w}"] = 1.0
    for i, w in enumerate(_words(text[m.end:m.end + 40])[:2]):
        lexical[f"none|next{i + 1}={w}"] = 1.0
    return lexical


def _own_times(m: "Mention") -> "list[TimeExpression]":
    """The sentence's dated times, nearest the trigger first; the rules' reading of a time
    (a planned "February" moved to next year) stands for it."""
    readings = {(t.start, t.end, t.text): t for t in (m.governing, None if m.date_inherited else m.when) if t is not None}
    own = [readings.get((t.start, t.end, t.text), t) for t in m.times if t.date_start and t.value != "PRESENT_REF"]
    return sorted(own, key=lambda t: min(abs(t.start - m.end), abs(m.start - t.end)))


def _date_features(f: dict[str, float], when: "TimeExpression", m: "Mention", doc_date: str) -> None:
    """What a candidate date is: its granularity, span and side of the cable's date."""
    f["gran=" + when.granularity] = 1.0
    f["gran_type=" + when.granularity + "|" + m.kind] = 1.0
    f["span=" + _bucket(_span_days(when), (0, 1, 7, 31, 92, 366))] = 1.0
    if doc_date:
        rel = "future" if when.date_start > doc_date else ("past" if when.date_end < doc_date else "now")
        f["rel=" + rel] = 1.0
        f["rel_status=" + rel + "|" + m.status] = 1.0
    f["sources=" + str(min(sum(1 for k in f if k.startswith("src=") and "|" not in k), 4))] = 1.0


def date_candidates(m: "Mention", parsed: "Doc | None", doc_date: str) -> list[Candidate]:
    """The distinct dates the mention could have, each with its features."""
    found: dict[tuple[str, str], tuple["TimeExpression | None", dict[str, float]]] = {}
    traits = _mention_traits(m, parsed)

    def add(source: str, t: "TimeExpression | None", extra: Mapping[str, float] | None = None) -> None:
        key = _dates(t)
        if t is not None and (not t.date_start or t.value == "PRESENT_REF") and source != "rule":
            return
        entry = found.get(key)
        if entry is None:
            entry = found[key] = (t, {"bias": 1.0})
        f = entry[1]
        f["src=" + source] = 1.0
        for trait in traits:
            f["src=" + source + "|" + trait] = 1.0
        if extra:
            f.update(extra)

    add("rule", m.when, {"rule_inherited": 1.0} if m.when is not None and m.date_inherited else None)
    add("none", None, _lexical_none(m))
    if m.governing is not None:
        add("governing", m.governing)
    for rank, t in enumerate(_own_times(m)):
        extra: dict[str, float] = {}
        _timex_features(extra, m, t, parsed, rank)
        add("sentence", t, extra)
    for name, context in sorted(m.context.items()):
        add(name, context)
    out: list[Candidate] = []
    for key, (when, f) in found.items():
        if when is not None:
            _date_features(f, when, m, doc_date)
            _nesting_features(f, key, found)
        out.append((key, when, f))
    return out


def _nesting_features(f: dict[str, float], key: tuple[str, str], found: Mapping[tuple[str, str], Any]) -> None:
    """Whether another candidate lies inside this one ("this month, on December 2") or holds it."""
    start, end = key
    for other_start, other_end in found:
        if not other_start or (other_start, other_end) == key:
            continue
        if start <= other_start and other_end <= end:
            f["holds_finer"] = 1.0
        elif other_start <= start and end <= other_end:
            f["within_coarser"] = 1.0


def status_features(m: "Mention", parsed: "Doc | None", doc_date: str) -> dict[str, float]:
    """Features of a mention's status: its cues, the rules' status and its date."""
    f = _status_cues(m, parsed)
    f["rule_status=" + m.status] = 1.0
    f["rule_status_cued=" + m.status + "|" + str(m.status_cued)] = 1.0
    t = m.when
    if t is not None and doc_date:
        rel = "future" if t.date_start > doc_date else ("past" if t.date_end < doc_date else "now")
        f["date_rel=" + rel] = 1.0
        f["date_rel_type=" + rel + "|" + m.kind] = 1.0
    elif t is None:
        f["date_none"] = 1.0
    clause = m.sentence.text[m.lo:m.start]
    for cue in _PLAN_WORDS.findall(clause[-80:]):
        f["plan_cue=" + cue.lower()] = 1.0
    return f


def _status_cues(m: "Mention", parsed: "Doc | None") -> dict[str, float]:
    """The trigger, the words before it in its clause, its tense and the auxiliaries above it."""
    text = m.sentence.text
    f: dict[str, float] = {"bias": 1.0, "type=" + m.kind: 1.0, "trig=" + m.trigger.lower(): 1.0,
                           "verb=" + str(m.is_verb): 1.0}
    for i, w in enumerate(reversed(_words(text[m.lo:m.start])[-3:])):
        f[f"prev{i + 1}={w}"] = 1.0
    for w in _words(text[m.lo:m.start])[-8:]:
        f["before=" + w] = 1.0
    if parsed is not None:
        from ..parse import head_of

        token = head_of(parsed, m.start, m.end)
        if token is not None:
            f["tag=" + token.tag_] = 1.0
            for child in token.children:
                if child.dep_ in ("aux", "auxpass", "neg", "mark", "amod"):
                    f["child=" + child.dep_ + ":" + child.lower_] = 1.0
            node = token
            for _ in range(3):
                if node.head.i == node.i:
                    break
                node = node.head
                if node.pos_ in ("VERB", "AUX"):
                    f["anc=" + node.lemma_.lower()] = 1.0
                    for child in node.children:
                        if child.dep_ in ("aux", "auxpass"):
                            f["anc_aux=" + child.lower_] = 1.0
    return f


def choose_date(model: LinearModel, m: "Mention", parsed: "Doc | None", doc_date: str) -> None:
    """Give the mention its best-scored candidate date (the rules' one unless another beats it by the margin)."""
    candidates = date_candidates(m, parsed, doc_date)
    scored = [(model.probability(f), key, t, f) for key, t, f in candidates]
    rule = next(s for s in scored if "src=rule" in s[3])
    best = max(scored, key=lambda s: s[0])
    if best[0] - rule[0] <= model.threshold:
        return
    t = best[2]
    m.when = t
    m.date_inherited = t is not None and not any(x is t or _dates(x) == best[1] for x in m.times)


def choose_status(models: Mapping[str, LinearModel], m: "Mention", parsed: "Doc | None", doc_date: str) -> None:
    """Give the mention the best-scored status when it beats the rules' one by the margin
    (the models' threshold)."""
    f = status_features(m, parsed, doc_date)
    scores = {s: model.probability(f) for s, model in models.items()}
    if scores:
        best = max(sorted(scores), key=lambda s: scores[s])
        margin = models[best].threshold
        if m.status not in scores or scores[best] - scores[m.status] > margin:
            m.status = best


def gold_for(m: "Mention", gold_events: Sequence[Mapping[str, Any]], share: float) -> Mapping[str, Any] | None:
    """The gold event the mention reports: its type, and most of its evidence in the sentence.
    By evidence only, unlike the keep decision's labels: matching by dates here would teach
    that the rules' date is always right."""
    from ..evaluate import evidence_overlap

    best: tuple[float, int, Mapping[str, Any]] | None = None
    for g in gold_events:
        if g.get("type") != m.kind:
            continue
        overlap = evidence_overlap(g.get("evidence"), m.sentence.text)
        if overlap < share:
            continue
        key = (overlap + (0.0 if g.get("optional") else 1.0), 0, g)
        if best is None or key[0] > best[0]:
            best = key
    return best[2] if best else None


def gold_dates(g: Mapping[str, Any]) -> tuple[str, str]:
    return (str(g.get("date_start") or "").strip(), str(g.get("date_end") or "").strip())


def date_examples(m: "Mention", parsed: "Doc | None", doc_date: str, g: Mapping[str, Any]) -> list[tuple[Features, int]]:
    want = gold_dates(g)
    return [(f, int(key == want)) for key, _t, f in date_candidates(m, parsed, doc_date)]
