"""Train the decision model from gold folders, and cross-validate it by cable.

Training examples are the candidates the rules propose, labelled with the same
matching rules the scorer uses (ANNOTATION.md): an event mention is positive
when a gold event of its type has at least 60 % of its evidence words in the
mention's sentence, or is dated and has the mention's dates; a claim is positive when a gold claim has its unit and value
and its evidence is in the claim's sentence. Claim candidates include those the
rules would drop (``Claim.rule`` says why), so the model can overrule them.
Candidates that match only optional gold, or a gold value stated in another
sentence, are left out of training: they teach nothing.

The entity ranker learns from the candidate words of claims matched to required
gold claims (see ``entity.py``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence

from .linear import Features, LinearModel, fit
from .model_file import DecisionModel

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..events import Mention
    from ..model import Claim, Document, TimeExpression

#: the seed of every random choice in training and fold assignment
SEED = 13
#: regularisation strength of both models (chosen by 5-fold CV on gold/train; see the README)
EVENTS_C = 0.1
CLAIMS_C = 0.5
#: the entity ranker's (the same CV: 0.1 to 2 all within 0.005 of entity accuracy)
ENTITY_C = 0.5
#: keep thresholds on the predicted probability (chosen by the same CV: an extra event
#: costs less F1 than a missed one at today's recall)
EVENTS_THRESHOLD = 0.35
#: a second event type in one sentence must reach this probability (the same CV: 0.5 and
#: 0.6 gave events F1 0.621 against 0.607 without the rule; 0.8 0.616)
EVENTS_RIVAL_BAR = 0.6
CLAIMS_THRESHOLD = 0.5
EVIDENCE_SHARE = 0.6
#: the date and status decisions (chosen by the same CV): regularisation, and the margin a
#: candidate date must beat the rules' date by
DATES_C = 0.3
DATES_MARGIN = 0.0
STATUS_C = 1.0
#: the probability by which another status must beat the rules' (CV status accuracy:
#: 0 0.930, 0.1 0.932, 0.2 and 0.3 0.927)
STATUS_MARGIN = 0.1


@dataclass
class GoldDocument:
    """One gold file with its document read, cleaned, timed and parsed once."""

    gold: Mapping[str, Any]
    document: "Document | None"
    times: "list[list[list[TimeExpression]]]" = field(default_factory=list)
    parses: "Mapping[tuple[int, int], Doc]" = field(default_factory=dict)
    event_examples: list[tuple[Features, int]] = field(default_factory=list)
    claim_examples: list[tuple[Features, int]] = field(default_factory=list)
    #: candidate words of claims matched to a gold claim naming its entity
    entity_examples: list[tuple[Features, int]] = field(default_factory=list)
    #: required gold events with no candidate of their type in a matching sentence
    uncovered_events: int = 0
    required_events: int = 0
    uncovered_claims: int = 0
    required_claims: int = 0
    error: str = ""

    @property
    def doc_id(self) -> str:
        return str(self.gold.get("doc_id", ""))


def _read_gold_document(gold: Mapping[str, Any], base: Path) -> GoldDocument:
    from ..pipeline import read_documents

    source = str(gold.get("source_file") or "")
    path = base / source
    if not source or not path.is_file():
        return GoldDocument(gold, None, error=f"source file not found: {path}")
    documents = read_documents(path, base)
    chosen = [d for d in documents if d.doc_id == gold.get("doc_id")] or (documents if len(documents) == 1 else [])
    if not chosen or chosen[0].status != "ok":
        return GoldDocument(gold, None, error=f"{path} holds no readable document {gold.get('doc_id')}")
    return GoldDocument(gold, chosen[0])


def mention_reports(m: "Mention", g: Mapping[str, Any]) -> bool:
    """Whether mention ``m`` reports gold event ``g`` by the scorer's rules (ANNOTATION.md):
    the same type, and 60 % of the gold evidence in the sentence, or, for a dated gold
    event, the mention's own (rules') dates equal to it."""
    from ..evaluate import event_dates_match

    if _reported_by_text(m, g):
        return True
    return g.get("type") == m.kind and m.when is not None \
        and event_dates_match(g, {"date_start": m.when.date_start, "date_end": m.when.date_end})


def _reported_by_text(m: "Mention", g: Mapping[str, Any]) -> bool:
    from ..evaluate import evidence_overlap

    return g.get("type") == m.kind and evidence_overlap(g.get("evidence"), m.sentence.text) >= EVIDENCE_SHARE


def _event_label(m: "Mention", gold_events: Sequence[Mapping[str, Any]], told: set[int]) -> int | None:
    """1 when ``m`` reports a required gold event, 0 when it reports none, None when only
    optional ones. A mention that shares only the dates of a gold event that another
    candidate tells in words (``told``: their indices) is no lesson that it reports it:
    the scorer would pair the event with the one that tells it."""
    optional_only = False
    for i, g in enumerate(gold_events):
        if not mention_reports(m, g) or (i in told and not _reported_by_text(m, g)):
            continue
        if not g.get("optional"):
            return 1
        optional_only = True
    return None if optional_only else 0


def prepare(gold_dirs: Iterable[str | Path], progress: Callable[[str], None] | None = None) -> list[GoldDocument]:
    """Read, clean, time and parse every gold document, and collect its labelled candidates."""
    from ..evaluate import load_gold

    out: list[GoldDocument] = []
    for gold_dir in gold_dirs:
        base = Path(gold_dir).resolve().parent.parent
        for gold in load_gold(gold_dir):
            item = _read_gold_document(gold, base)
            out.append(item)
            if item.document is None:
                continue
            if progress:
                progress(item.doc_id)
            collect_examples(item)
    return out


def collect_examples(item: GoldDocument) -> None:
    """Time and parse ``item``'s document (unless done already) and collect its labelled
    event, claim and entity candidates. Run again on a prepared item, it recomputes the
    examples from the stored times and parses (how feature experiments stay fast)."""
    from ..claims import extract_claims
    from ..parse import parse_document
    from ..pipeline import time_expressions

    doc = item.document
    assert doc is not None
    if not item.times:
        item.times = time_expressions(doc)
    claims = extract_claims(doc, item.times, weak=True)
    if not item.parses:
        # every candidate's sentence: a superset of what the pipeline parses for the claims it keeps
        item.parses = parse_document(doc, {c.sentence for c in claims})
    item.event_examples, item.claim_examples, item.entity_examples = [], [], []
    item.required_events = item.uncovered_events = item.required_claims = item.uncovered_claims = 0
    _collect_event_examples(item)
    _collect_claim_examples(item, claims)


def _collect_event_examples(item: GoldDocument) -> None:
    from ..events import extract_events
    from .features import EventContext

    doc = item.document
    assert doc is not None
    gold_events = list(item.gold.get("events") or [])
    seen: list[tuple["Mention", dict[str, float]]] = []
    context = EventContext(doc.doc_date)

    def collect(mentions: "list[Mention]", parsed: "Doc | None") -> "list[Mention]":
        seen.extend(zip(mentions, context.featurize(mentions, parsed)))
        return []

    extract_events(doc, item.times, item.parses, decide=collect)
    told = {i for i, g in enumerate(gold_events) if any(_reported_by_text(m, g) for m, _f in seen)}
    for m, features in seen:
        label = _event_label(m, gold_events, told)
        if label is not None:
            item.event_examples.append((features, label))
    for g in gold_events:
        if g.get("optional"):
            continue
        item.required_events += 1
        if not any(mention_reports(m, g) for m, _f in seen):
            item.uncovered_events += 1


def _claim_lesson(claim: "Claim", matching: "list[Mapping[str, Any]]") -> bool:
    """Whether a candidate teaches anything: not when it matches only optional gold, nor
    when the gold value is stated in another sentence ("July 20" beside "20 members")."""
    from ..evaluate import evidence_overlap

    if not matching:
        return True
    if all(g.get("optional") for g in matching):
        return False
    return any(evidence_overlap(g.get("evidence"), claim.sentence) >= EVIDENCE_SHARE for g in matching)


def _collect_claim_examples(item: GoldDocument, claims: "list[Claim]") -> None:
    from ..evaluate import claim_match_score, claim_matches
    from ..pipeline import parses_by_sentence
    from ..tables import claim_row
    from .entity import entity_examples
    from .features import claim_features

    doc = item.document
    assert doc is not None
    gold_claims = list(item.gold.get("claims") or [])
    rows = [claim_row(c) for c in claims]
    by_sentence = parses_by_sentence(doc, item.parses)
    for claim, row in zip(claims, rows):
        matching = [g for g in gold_claims if claim_matches(g, row)]
        if not _claim_lesson(claim, matching):
            continue
        item.claim_examples.append((claim_features(claim, doc.doc_date), 1 if matching else 0))
        parsed = by_sentence.get(claim.sentence)
        required = [g for g in matching if not g.get("optional")]
        if required and parsed is not None:
            best = max(required, key=lambda g: claim_match_score(g, row))
            item.entity_examples.extend(entity_examples(claim, parsed, str(best.get("entity") or "")))
    required_gold = [g for g in gold_claims if not g.get("optional")]
    item.required_claims += len(required_gold)
    item.uncovered_claims += sum(1 for g in required_gold if not any(claim_matches(g, row) for row in rows))


def _fit_examples(documents: Sequence[GoldDocument], examples: str, c: float,
                  threshold: float | None = None) -> "tuple[LinearModel | None, int]":
    """A logistic model over one kind of example of ``documents`` (None without examples)."""
    pairs = [pair for d in documents for pair in getattr(d, examples)]
    if not pairs:
        return None, 0
    model = fit([f for f, _y in pairs], [y for _f, y in pairs], c=c)
    if threshold is not None:
        model.threshold = threshold
    return model, len(pairs)


def train_model(documents: Sequence[GoldDocument], info: Mapping[str, Any] | None = None) -> DecisionModel:
    """Fit both decisions on the candidates of ``documents``."""
    events, n_events = _fit_examples(documents, "event_examples", EVENTS_C, EVENTS_THRESHOLD)
    claims, n_claims = _fit_examples(documents, "claim_examples", CLAIMS_C, CLAIMS_THRESHOLD)
    entities, n_entities = _fit_examples(documents, "entity_examples", ENTITY_C)
    dates, status, counts = train_dates_and_status(documents, events, EVENTS_RIVAL_BAR)
    meta = {"documents": len(documents), "event_examples": n_events, "claim_examples": n_claims,
            "entity_examples": n_entities,
            "seed": SEED, "events_c": EVENTS_C, "claims_c": CLAIMS_C, "entity_c": ENTITY_C,
            "events_threshold": EVENTS_THRESHOLD, "claims_threshold": CLAIMS_THRESHOLD,
            "events_rival_bar": EVENTS_RIVAL_BAR,
            "dates_c": DATES_C, "dates_margin": DATES_MARGIN, "status_c": STATUS_C,
            "status_margin": STATUS_MARGIN, **counts}
    meta.update(info or {})
    return DecisionModel(events, claims, meta, dates=dates, status=status, entities=entities,
                         rival_bar=EVENTS_RIVAL_BAR)


def train_dates_and_status(documents: Sequence[GoldDocument], events: "LinearModel | None",
                           rival_bar: float = 0.0) -> tuple[
        "LinearModel | None", "dict[str, LinearModel] | None", dict[str, int]]:
    """Fit the date and status decisions on the final mentions that the kept-mention
    decision (``events``) leaves in the training cables, each labelled by the gold
    event it reports (type, and 60 % of its evidence in the sentence)."""
    from ..events import extract_events
    from .dates import STATUSES, date_examples, gold_for, status_features

    date_x: list[Features] = []
    date_y: list[int] = []
    status_x: list[Features] = []
    status_y: list[str] = []
    keep = DecisionModel(events, rival_bar=rival_bar)
    for d in documents:
        if d.document is None:
            continue
        doc_date = d.document.doc_date
        gold_events = list(d.gold.get("events") or [])

        def collect(mentions: "list[Mention]", parses: "Mapping[tuple[int, int], Doc]") -> None:
            for m in mentions:
                g = gold_for(m, gold_events, EVIDENCE_SHARE)
                if g is None:
                    continue
                parsed = parses.get((m.p_index, m.s_index)) if m.p_index >= 0 else None
                for f, y in date_examples(m, parsed, doc_date, g):
                    date_x.append(f)
                    date_y.append(y)
                if g.get("status") in STATUSES:
                    status_x.append(status_features(m, parsed, doc_date))
                    status_y.append(str(g["status"]))

        extract_events(d.document, d.times, d.parses, decide=keep.event_decider(doc_date), finalize=collect)
    dates = fit(date_x, date_y, c=DATES_C) if date_x else None
    if dates is not None:
        dates.threshold = DATES_MARGIN
    status = {s: fit(status_x, [int(y == s) for y in status_y], c=STATUS_C) for s in STATUSES} if status_x else None
    for model in (status or {}).values():
        model.threshold = STATUS_MARGIN
    return dates, status, {"date_examples": len(date_x), "status_examples": len(status_x)}


def folds(documents: Sequence[GoldDocument], k: int, seed: int = SEED) -> list[list[GoldDocument]]:
    """``k`` folds of whole cables, shuffled with a fixed seed."""
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    order = sorted(documents, key=lambda d: d.doc_id)
    random.Random(seed).shuffle(order)
    return [order[i::k] for i in range(k)]


def score_with(model: DecisionModel, documents: Sequence[GoldDocument]) -> list[Any]:
    """Score ``documents`` extracted with ``model`` (a list of evaluate.DocumentReport)."""
    from ..evaluate import score_document
    from ..pipeline import extract_document
    from ..tables import claim_row, event_row

    reports = []
    for d in documents:
        if d.document is None:
            reports.append(score_document(d.gold, [], [], error=d.error))
            continue
        result = extract_document(d.document, model=model, times=d.times, parses=d.parses)
        reports.append(score_document(d.gold, [event_row(e) for e in result.events],
                                      [claim_row(c) for c in result.claims]))
    return reports


@dataclass
class FoldResult:
    fold: int
    documents: int
    reports: list[Any]


def cross_validate(documents: Sequence[GoldDocument], k: int = 5, seed: int = SEED) -> list[FoldResult]:
    """Train on k-1 folds of cables, score the held-out fold with the ANNOTATION.md rules."""
    parts = folds(documents, k, seed)
    results = []
    for i, held_out in enumerate(parts):
        train = [d for j, part in enumerate(parts) if j != i for d in part]
        model = train_model(train)
        results.append(FoldResult(i + 1, len(held_out), score_with(model, held_out)))
    return results


def candidate_ceiling(documents: Sequence[GoldDocument]) -> dict[str, float]:
    """Share of required gold items that have a candidate at all (the recall ceiling)."""
    events = sum(d.required_events for d in documents)
    claims = sum(d.required_claims for d in documents)
    return {"events": round(1 - sum(d.uncovered_events for d in documents) / events, 4) if events else 0.0,
            "claims": round(1 - sum(d.uncovered_claims for d in documents) / claims, 4) if claims else 0.0}


def cross_validation_summary(documents: Sequence[GoldDocument], k: int = 5, seed: int = SEED) -> dict[str, Any]:
    """Micro-averaged scores over the held-out folds, as stored in the model file."""
    from ..evaluate import EvaluationReport

    results = cross_validate(documents, k, seed)
    total = EvaluationReport([r for f in results for r in f.reports])

    def part(scores: Any, extra: tuple[str, ...]) -> dict[str, Any]:
        out = {"precision": round(scores.precision, 4), "recall": round(scores.recall, 4), "f1": round(scores.f1, 4)}
        for name in extra:
            value = getattr(scores, name)
            out[name] = None if value is None else round(value, 4)
        return out

    return {"folds": k, "seed": seed, "documents": len(documents),
            "events": part(total.events, ("date_accuracy", "status_accuracy")),
            "claims": part(total.claims, ("entity_accuracy", "speaker_accuracy")),
            "fold_f1": [{"events": round(EvaluationReport(f.reports).events.f1, 4),
                         "claims": round(EvaluationReport(f.reports).claims.f1, 4)} for f in results],
            "candidate_ceiling": candidate_ceiling(documents)}
