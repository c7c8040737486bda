"""Score extraction against hand-annotated gold files, by the rules of ANNOTATION.md.

Gold files (``gold/<split>/<doc_id>.json``) list the events and claims of one
document. Predictions are the rows of the published tables (``events.csv``,
``claims.csv``), either read from ``--data`` or made in process by extracting
the gold document with :func:`extractor.pipeline.extract_document` and
:func:`extractor.tables.event_row` / :func:`extractor.tables.claim_row`; both
paths score the same row dicts.

Matching (per document, one to one, greedy, best match first, required gold
items before optional ones):

* a predicted **claim** matches a gold claim when the units are equal and the
  values agree within 0.1 % relative (a range: both bounds agree). Among the
  pairs that match, the best first is the one whose predicted sentence holds
  most of the gold evidence's words, with a bonus when the entity agrees;
* a predicted **event** matches a gold event when the types are equal and
  either its source sentence contains at least 60 % of the gold evidence's
  words, or the gold event is dated and both dates are equal. Pairs that match
  by their text come before pairs that match by their dates alone (a date is
  shared by many happenings; the words name this one), then by word overlap,
  with a small bonus when the dates agree too.

Required gold items are matched first, against every prediction; optional gold
items then take what is left. A prediction matched to an optional item is
removed from the predicted count (finding it earns nothing and costs nothing).

Precision = matched required / (predicted − optional matches), recall = matched
required / required gold, F1 their harmonic mean; all micro-averaged over the
documents. With no predictions precision is 1, with no required gold recall is
1 (so an empty document that yields nothing is perfect, and F1 is 0 as soon as
one side is empty and the other is not).

Attribute accuracies are measured on the **required** matched pairs only (an
optional item is one whose annotation is borderline by definition), and each
only where the gold item gives the attribute:

* event ``date``: both dates equal, a null gold date equals an empty one;
* event ``status``: equal;
* claim ``entity``: the gold entity's last word, singular or plural, is a word
  of the predicted entity;
* claim ``speaker``: only for gold claims that carry a ``speaker`` key (gold
  does not say "asserted by the cable" explicitly, so a claim without the key
  is not scored); an empty gold speaker expects an empty prediction, otherwise
  the gold speaker's last word, singular or plural, must be a word of the
  predicted speaker ("Medina Mora" ~ "Attorney General Medina Mora");
* claim ``qualifier`` (extra, not in ANNOTATION.md): equal;
* claim ``located`` (extra, a diagnostic): the predicted sentence holds at least
  60 % of the gold evidence's words. Claims match on unit and value alone, so a
  low share says the matches were found in the wrong place (a lucky number).

A gold document whose source cannot be read, or that the tables do not hold,
is reported as an error and counted with no predictions (its required items
are misses): a broken evaluation never looks better than a working one.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, Sequence

from .language import singular
from .tables import format_number

if TYPE_CHECKING:
    from .model import Document

Row = Mapping[str, str]
GoldItem = Mapping[str, Any]

#: share of the gold evidence's words the predicted sentence must contain
EVIDENCE_THRESHOLD = 0.6
#: relative tolerance on claim values
VALUE_TOLERANCE = 0.001


# -- text normalisation -------------------------------------------------------

# "GOM,s", "GOM's" and "GOM’s" all read "goms" (cables write the apostrophe as a comma)
_POSSESSIVE = re.compile(r"(?<=[^\W\d_])[,'’‘`´](?=s\b)")
# apostrophes inside words vanish ("don't" → "dont") rather than split them
_INNER_APOSTROPHE = re.compile(r"(?<=[^\W_])['’‘`´](?=[^\W_])")
# digit groups stay one number ("10,000" → "10000")
_DIGIT_GROUP = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_WORD = re.compile(r"[^\W_]+")


def normalize_words(text: str | None) -> list[str]:
    """The words of ``text``: lower case, accents folded, letters and digits only."""
    if not text:
        return []
    folded = unicodedata.normalize("NFKD", str(text).lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = _POSSESSIVE.sub("", folded)
    folded = _INNER_APOSTROPHE.sub("", folded)
    folded = _DIGIT_GROUP.sub("", folded)
    return _WORD.findall(folded)


def evidence_overlap(evidence: str | None, sentence: str | None) -> float:
    """Share of the evidence's words (counted with repeats) found in ``sentence``."""
    wanted = normalize_words(evidence)
    if not wanted:
        return 0.0
    present = set(normalize_words(sentence))
    return sum(1 for word in wanted if word in present) / len(wanted)


def _word_forms(word: str) -> set[str]:
    """A word and its singular, so "cases" ~ "case", "SIAs" ~ "SIA", "policies" ~
    "policy", "boxes" ~ "box" (and "news" is not "new")."""
    return {word, singular(word)}


def head_word_agrees(gold: str | None, predicted: str | None) -> bool:
    """The gold phrase's last word, singular or plural, is a word of ``predicted``."""
    gold_words = normalize_words(gold)
    if not gold_words:
        return not normalize_words(predicted)
    head = _word_forms(gold_words[-1])
    return any(head & _word_forms(word) for word in normalize_words(predicted))


# -- values and dates ---------------------------------------------------------

def _number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
    else:
        text = str(value).strip().replace(",", "")
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def claim_bounds(item: Mapping[str, Any]) -> tuple[float, float] | None:
    """``(low, high)`` of a gold claim or a claim row; an exact value gives
    ``(value, value)``; ``None`` when the item states no number."""
    value = _number(item.get("value"))
    if value is not None:
        return value, value
    low, high = _number(item.get("value_low")), _number(item.get("value_high"))
    if low is None and high is None:
        return None
    if low is None:
        low = high
    if high is None:
        high = low
    assert low is not None and high is not None
    return low, high


def values_agree(a: float, b: float, tolerance: float = VALUE_TOLERANCE) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _dates(item: Mapping[str, Any]) -> tuple[str, str]:
    return _text(item.get("date_start")), _text(item.get("date_end"))


# -- matching rules -----------------------------------------------------------

def claim_matches(gold: GoldItem, row: Row) -> bool:
    """Units equal and values within 0.1 % (both bounds for a range)."""
    if _text(gold.get("unit")) != _text(row.get("unit")):
        return False
    gold_bounds, row_bounds = claim_bounds(gold), claim_bounds(row)
    if gold_bounds is None or row_bounds is None:
        return False
    return values_agree(gold_bounds[0], row_bounds[0]) and values_agree(gold_bounds[1], row_bounds[1])


def claim_match_score(gold: GoldItem, row: Row) -> float:
    overlap = evidence_overlap(gold.get("evidence"), row.get("sentence"))
    entity = 0.5 if _text(gold.get("entity")) and head_word_agrees(gold.get("entity"), row.get("entity")) else 0.0
    return overlap + entity


def event_text_matches(gold: GoldItem, row: Row) -> bool:
    return evidence_overlap(gold.get("evidence"), row.get("sentence")) >= EVIDENCE_THRESHOLD


def event_dates_match(gold: GoldItem, row: Row) -> bool:
    """Gold is dated and both dates are equal."""
    gold_dates = _dates(gold)
    return any(gold_dates) and gold_dates == _dates(row)


def event_matches(gold: GoldItem, row: Row) -> bool:
    if _text(gold.get("type")) != _text(row.get("type")):
        return False
    return event_text_matches(gold, row) or event_dates_match(gold, row)


def event_match_score(gold: GoldItem, row: Row) -> float:
    overlap = evidence_overlap(gold.get("evidence"), row.get("sentence"))
    by_text = 2.0 if overlap >= EVIDENCE_THRESHOLD else 0.0
    dates = 0.25 if event_dates_match(gold, row) else 0.0
    return by_text + overlap + dates


@dataclass(frozen=True)
class Matching:
    """Outcome of matching one document's gold items with its predictions."""

    #: (gold index, predicted index) of required gold items
    required: list[tuple[int, int]]
    #: (gold index, predicted index) of optional gold items
    optional: list[tuple[int, int]]
    missed: list[int]  # required gold indices left unmatched
    extra: list[int]  # predicted indices left unmatched


def match_items(
    gold: Sequence[GoldItem],
    predicted: Sequence[Row],
    matches: Callable[[GoldItem, Row], bool],
    score: Callable[[GoldItem, Row], float],
) -> Matching:
    """One-to-one greedy matching, best pair first, required gold before optional."""
    used_predicted: set[int] = set()

    def assign(gold_indices: list[int]) -> list[tuple[int, int]]:
        candidates = [
            (-score(gold[g], predicted[p]), g, p)
            for g in gold_indices
            for p in range(len(predicted))
            if p not in used_predicted and matches(gold[g], predicted[p])
        ]
        candidates.sort()
        pairs, used_gold = [], set()
        for _, g, p in candidates:
            if g in used_gold or p in used_predicted:
                continue
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p))
        return sorted(pairs)

    required_indices = [i for i, item in enumerate(gold) if not item.get("optional")]
    optional_indices = [i for i, item in enumerate(gold) if item.get("optional")]
    required = assign(required_indices)
    optional = assign(optional_indices)
    matched_gold = {g for g, _ in required}
    return Matching(
        required=required,
        optional=optional,
        missed=[g for g in required_indices if g not in matched_gold],
        extra=[p for p in range(len(predicted)) if p not in used_predicted],
    )


# -- scores -------------------------------------------------------------------

@dataclass
class Accuracy:
    """Correct / total over the matched pairs where gold gives the attribute."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += bool(ok)

    def merge(self, other: "Accuracy") -> None:
        self.correct += other.correct
        self.total += other.total


@dataclass
class Scores:
    """Counts and rates of one kind of item (events or claims)."""

    matched: int = 0  # required gold items matched (true positives)
    predicted: int = 0  # predictions, less those matched to optional gold
    gold_required: int = 0
    optional_matched: int = 0
    gold_optional: int = 0
    attributes: dict[str, Accuracy] = field(default_factory=dict)

    @property
    def tp(self) -> int:
        return self.matched

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold_required if self.gold_required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float | None:
        found = self.attributes.get(name)
        return found.value if found else None

    @property
    def date_accuracy(self) -> float | None:
        return self.accuracy("date")

    @property
    def status_accuracy(self) -> float | None:
        return self.accuracy("status")

    @property
    def entity_accuracy(self) -> float | None:
        return self.accuracy("entity")

    @property
    def speaker_accuracy(self) -> float | None:
        return self.accuracy("speaker")

    def check(self, name: str, ok: bool) -> None:
        self.attributes.setdefault(name, Accuracy()).add(ok)

    def merge(self, other: "Scores") -> None:
        self.matched += other.matched
        self.predicted += other.predicted
        self.gold_required += other.gold_required
        self.optional_matched += other.optional_matched
        self.gold_optional += other.gold_optional
        for name, accuracy in other.attributes.items():
            self.attributes.setdefault(name, Accuracy()).merge(accuracy)

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched": self.matched,
            "predicted": self.predicted,
            "gold_required": self.gold_required,
            "optional_matched": self.optional_matched,
            "gold_optional": self.gold_optional,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "accuracy": {
                name: {"correct": a.correct, "total": a.total, "value": a.value}
                for name, a in sorted(self.attributes.items())
            },
        }


EVENT_ATTRIBUTES = ("date", "status")
CLAIM_ATTRIBUTES = ("entity", "speaker", "qualifier", "located")


@dataclass
class Issue:
    """A miss (required gold not found), an extra (prediction not matched) or
    a wrong attribute on a matched pair — what ``--verbose`` lists."""

    doc_id: str
    kind: str  # miss | extra | wrong
    item: str  # event | claim
    summary: str  # type/value/unit/dates in brief
    text: str  # gold evidence (miss, wrong) or predicted sentence (extra)
    detail: str = ""  # for wrong: which attributes differ

    def to_dict(self) -> dict[str, str]:
        return {"doc_id": self.doc_id, "kind": self.kind, "item": self.item, "summary": self.summary,
                "text": self.text, "detail": self.detail}


@dataclass
class DocumentReport:
    doc_id: str
    source_file: str = ""
    events: Scores = field(default_factory=Scores)
    claims: Scores = field(default_factory=Scores)
    error: str = ""
    issues: list[Issue] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "source_file": self.source_file,
            "error": self.error,
            "events": self.events.to_dict(),
            "claims": self.claims.to_dict(),
            "issues": [issue.to_dict() for issue in self.issues],
        }


@dataclass
class EvaluationReport:
    documents: list[DocumentReport] = field(default_factory=list)
    gold_dir: str = ""
    data_dir: str = ""  # "" when the gold documents were extracted in process

    @property
    def events(self) -> Scores:
        total = Scores()
        for doc in self.documents:
            total.merge(doc.events)
        return total

    @property
    def claims(self) -> Scores:
        total = Scores()
        for doc in self.documents:
            total.merge(doc.claims)
        return total

    def _issues(self, kind: str) -> list[Issue]:
        return [issue for doc in self.documents for issue in doc.issues if issue.kind == kind]

    @property
    def misses(self) -> list[Issue]:
        return self._issues("miss")

    @property
    def extras(self) -> list[Issue]:
        return self._issues("extra")

    @property
    def wrong(self) -> list[Issue]:
        return self._issues("wrong")

    @property
    def errors(self) -> list[DocumentReport]:
        return [doc for doc in self.documents if doc.error]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_dir": self.gold_dir,
            "data_dir": self.data_dir,
            "documents_scored": len(self.documents),
            "errors": len(self.errors),
            "events": self.events.to_dict(),
            "claims": self.claims.to_dict(),
            "documents": [doc.to_dict() for doc in self.documents],
        }


# -- scoring one document -----------------------------------------------------

def _describe_dates(item: Mapping[str, Any]) -> str:
    start, end = _dates(item)
    if not start and not end:
        return "undated"
    return start if start == end else f"{start or '?'}..{end or '?'}"


def _describe_gold_event(item: GoldItem) -> str:
    return f"{_text(item.get('type'))} {_describe_dates(item)} {_text(item.get('status'))}"


def _describe_value(item: Mapping[str, Any]) -> str:
    bounds = claim_bounds(item)
    if bounds is None:
        number = "?"
    elif bounds[0] == bounds[1]:
        number = format_number(bounds[0])
    else:
        number = f"{format_number(bounds[0])}-{format_number(bounds[1])}"
    entity = _text(item.get("entity"))
    return f"{number} {_text(item.get('unit'))}" + (f" ({entity})" if entity else "")


def _paragraph(row: Row) -> str:
    number = _text(row.get("paragraph"))
    return f" ¶{number}" if number else ""


def score_events(doc_id: str, gold: Sequence[GoldItem], rows: Sequence[Row]) -> tuple[Scores, list[Issue]]:
    matching = match_items(gold, rows, event_matches, event_match_score)
    scores = _counts(gold, rows, matching)
    issues: list[Issue] = []
    for g, p in matching.required:
        gold_item, row = gold[g], rows[p]
        wrong: list[str] = []
        _check(scores, wrong, "date", _dates(gold_item) == _dates(row),
               _describe_dates(gold_item), _describe_dates(row))
        if _text(gold_item.get("status")):
            _check(scores, wrong, "status", _text(gold_item.get("status")) == _text(row.get("status")),
                   _text(gold_item.get("status")), _text(row.get("status")) or "—")
        if wrong:
            issues.append(Issue(doc_id, "wrong", "event", _describe_gold_event(gold_item),
                                _text(gold_item.get("evidence")), "; ".join(wrong)))
    for g in matching.missed:
        issues.append(Issue(doc_id, "miss", "event", _describe_gold_event(gold[g]), _text(gold[g].get("evidence"))))
    for p in matching.extra:
        row = rows[p]
        trigger = _text(row.get("trigger"))
        summary = f"{_text(row.get('type'))} {_describe_dates(row)} {_text(row.get('status'))}"
        summary += (f" «{trigger}»" if trigger else "") + _paragraph(row)
        issues.append(Issue(doc_id, "extra", "event", summary,
                            _text(row.get("sentence"))))
    return scores, issues


def _check(scores: Scores, wrong: list[str], name: str, ok: bool, expected: str, got: str) -> None:
    """Count one attribute of a matched pair, and say how it differs when it does."""
    scores.check(name, ok)
    if not ok:
        wrong.append(f"{name} {expected} ≠ {got}")


def score_claims(doc_id: str, gold: Sequence[GoldItem], rows: Sequence[Row]) -> tuple[Scores, list[Issue]]:
    matching = match_items(gold, rows, claim_matches, claim_match_score)
    scores = _counts(gold, rows, matching)
    issues: list[Issue] = []
    for g, p in matching.required:
        gold_item, row = gold[g], rows[p]
        wrong: list[str] = []
        for name in ("entity", "speaker"):
            # an entity is scored where gold names one; a speaker wherever gold has the key
            if _text(gold_item.get(name)) or (name == "speaker" and name in gold_item):
                _check(scores, wrong, name, head_word_agrees(gold_item.get(name), row.get(name)),
                       repr(_text(gold_item.get(name))), repr(_text(row.get(name))))
        if _text(gold_item.get("qualifier")):
            _check(scores, wrong, "qualifier", _text(gold_item.get("qualifier")) == _text(row.get("qualifier")),
                   _text(gold_item.get("qualifier")), _text(row.get("qualifier")) or "—")
        located = evidence_overlap(gold_item.get("evidence"), row.get("sentence")) >= EVIDENCE_THRESHOLD
        scores.check("located", located)
        if wrong:
            issues.append(Issue(doc_id, "wrong", "claim", _describe_value(gold_item),
                                _text(gold_item.get("evidence")), "; ".join(wrong)))
    for g in matching.missed:
        issues.append(Issue(doc_id, "miss", "claim", _describe_value(gold[g]), _text(gold[g].get("evidence"))))
    for p in matching.extra:
        row = rows[p]
        written = _text(row.get("text"))
        summary = _describe_value(row) + (f" «{written}»" if written else "") + _paragraph(row)
        issues.append(Issue(doc_id, "extra", "claim", summary,
                            _text(row.get("sentence"))))
    return scores, issues


def _counts(gold: Sequence[GoldItem], rows: Sequence[Row], matching: Matching) -> Scores:
    optional = sum(1 for item in gold if item.get("optional"))
    return Scores(
        matched=len(matching.required),
        predicted=len(rows) - len(matching.optional),
        gold_required=len(gold) - optional,
        optional_matched=len(matching.optional),
        gold_optional=optional,
    )


def score_document(gold: Mapping[str, Any], events: Sequence[Row], claims: Sequence[Row],
                   error: str = "") -> DocumentReport:
    """Score one document's predicted rows against its gold annotation."""
    doc_id = _text(gold.get("doc_id"))
    report = DocumentReport(doc_id=doc_id, source_file=_text(gold.get("source_file")), error=error)
    report.events, event_issues = score_events(doc_id, gold.get("events") or [], events)
    report.claims, claim_issues = score_claims(doc_id, gold.get("claims") or [], claims)
    report.issues = event_issues + claim_issues
    return report


# -- loading gold and predictions ---------------------------------------------

def load_gold(gold_dir: str | Path) -> list[dict[str, Any]]:
    """Every ``*.json`` gold file of ``gold_dir``, sorted by file name."""
    folder = Path(gold_dir)
    files = sorted(folder.glob("*.json"))
    if not files:
        raise ValueError(f"{gold_dir} holds no gold .json files")
    golds = []
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"cannot read gold file {path}: {exc}") from None
        if not isinstance(data, dict):
            raise ValueError(f"gold file {path} is not a JSON object")
        data.setdefault("doc_id", path.stem)
        golds.append(data)
    return golds


def _group(rows: Iterable[Row]) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = {}
    for row in rows:
        grouped.setdefault(row.get("doc_id", ""), []).append(row)
    return grouped


def _file_name(source_file: str) -> str:
    return Path(source_file.split("#", 1)[0]).name


def evaluate_tables(golds: Sequence[Mapping[str, Any]], data_dir: str | Path) -> list[DocumentReport]:
    """Score existing tables: gold documents are found by ``doc_id``, else by
    the file name of their ``source_file``."""
    from .tables import read_table

    folder = Path(data_dir)
    tables: dict[str, list[dict[str, str]]] = {}
    for name in ("documents", "events", "claims"):
        path = folder / f"{name}.csv"
        if not path.exists():
            raise ValueError(f"{data_dir} has no {name}.csv: run `dateline extract` first")
        tables[name] = read_table(path)
    documents = {row.get("doc_id", ""): row for row in tables["documents"]}
    by_file: dict[str, list[dict[str, str]]] = {}
    for document in tables["documents"]:
        by_file.setdefault(_file_name(document.get("source_file", "")), []).append(document)
    events, claims = _group(tables["events"]), _group(tables["claims"])
    reports = []
    for gold in golds:
        doc_id = _text(gold.get("doc_id"))
        row: dict[str, str] | None = documents.get(doc_id)
        if row is None:
            same_file = by_file.get(_file_name(_text(gold.get("source_file"))), [])
            row = same_file[0] if len(same_file) == 1 else None
        if row is None:
            reports.append(score_document(gold, [], [], error=f"not in the tables of {data_dir}"))
            continue
        error = ""
        if row.get("status", "ok") != "ok":
            error = f"extraction error: {row.get('error') or row.get('status')}"
        found_id = row.get("doc_id", "")
        reports.append(score_document(gold, events.get(found_id, []), claims.get(found_id, []), error=error))
    return reports


def _gold_source(gold: Mapping[str, Any], base: Path) -> tuple[Document | None, str]:
    """The document a gold file names, read from its ``source_file``, or why there is none."""
    from .pipeline import read_documents

    source = _text(gold.get("source_file"))
    if not source:
        return None, "gold file names no source_file"
    path = base / source
    if not path.is_file():
        return None, f"source file not found: {path}"
    doc_id = _text(gold.get("doc_id"))
    try:
        documents = read_documents(path, base)
    except Exception as exc:  # the evaluator reports a broken stage, it does not die of it
        return None, f"could not read {path}: {_exception(exc)}"
    chosen = [doc for doc in documents if doc.doc_id == doc_id] or (documents if len(documents) == 1 else [])
    if not chosen:
        return None, f"{path} holds no document {doc_id}"
    if chosen[0].status != "ok":
        return None, f"could not read {path}: {chosen[0].error or chosen[0].status}"
    return chosen[0], ""


def extract_gold_document(gold: Mapping[str, Any], base: Path) -> tuple[list[dict[str, str]], list[dict[str, str]], str]:
    """Extract the document a gold file names: ``(event rows, claim rows, error)``."""
    from .pipeline import extract_document
    from .tables import claim_row, event_row

    document, error = _gold_source(gold, base)
    if document is None:
        return [], [], error
    try:
        result = extract_document(document)
    except Exception as exc:
        return [], [], f"extraction failed: {_exception(exc)}"
    return [event_row(e) for e in result.events], [claim_row(c) for c in result.claims], ""


def _exception(exc: BaseException) -> str:
    message = str(exc).strip()
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def evaluate_gold(gold_dir: str | Path, data_dir: str | Path | None = None) -> EvaluationReport:
    """Score the gold folder: extract each gold document (``source_file`` is
    relative to the folder that holds ``gold/``, i.e. ``gold_dir/../..``), or
    score the tables in ``data_dir``."""
    golds = load_gold(gold_dir)
    report = EvaluationReport(gold_dir=str(gold_dir), data_dir=str(data_dir or ""))
    if data_dir is not None:
        report.documents = evaluate_tables(golds, data_dir)
        return report
    base = Path(gold_dir).resolve().parent.parent
    for gold in golds:
        events, claims, error = extract_gold_document(gold, base)
        report.documents.append(score_document(gold, events, claims, error=error))
    return report


# -- text report --------------------------------------------------------------

def _rate(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def _score_line(label: str, scores: Scores, attributes: Sequence[str]) -> str:
    cells = [
        f"{label:<20}",
        f"{scores.matched:>5}", f"{scores.predicted:>5}", f"{scores.gold_required:>5}",
        f"{scores.optional_matched:>4}",
        f"{scores.precision:>6.3f}", f"{scores.recall:>6.3f}", f"{scores.f1:>6.3f}",
    ]
    cells += [f"{_rate(scores.accuracy(name)):>9}" for name in attributes]
    return " ".join(cells)


def _table(title: str, report: EvaluationReport, kind: str, attributes: Sequence[str]) -> list[str]:
    header = " ".join(
        [f"{'document':<20}", f"{'match':>5}", f"{'pred':>5}", f"{'gold':>5}", f"{'opt':>4}",
         f"{'P':>6}", f"{'R':>6}", f"{'F1':>6}"] + [f"{name:>9}" for name in attributes]
    )
    lines = [title, header, "-" * len(header)]
    for doc in report.documents:
        label = doc.doc_id + (" !" if doc.error else "")
        lines.append(_score_line(label, getattr(doc, kind), attributes))
    lines.append("-" * len(header))
    lines.append(_score_line("ALL (micro)", getattr(report, kind), attributes))
    return lines


def format_scores(label: str, report: EvaluationReport) -> str:
    """One line of overall scores."""
    events, claims = report.events, report.claims
    return (f"{label}: events F1 {events.f1:.3f} (P {events.precision:.3f} R {events.recall:.3f}) "
            f"date {_rate(events.date_accuracy).strip()} status {_rate(events.status_accuracy).strip()} | "
            f"claims F1 {claims.f1:.3f} (P {claims.precision:.3f} R {claims.recall:.3f}) "
            f"entity {_rate(claims.entity_accuracy).strip()} speaker {_rate(claims.speaker_accuracy).strip()}")


def format_report(report: EvaluationReport, verbose: bool = False) -> str:
    """A fixed-width text report: overall and per-document scores; with
    ``verbose`` every miss, extra and wrong attribute, grouped by document."""
    events, claims = report.events, report.claims
    source = f"tables in {report.data_dir}" if report.data_dir else "extracted in process"
    lines = [
        f"Dateline evaluation of {len(report.documents)} gold documents in {report.gold_dir} ({source})",
        f"events  F1 {events.f1:.3f}  P {events.precision:.3f}  R {events.recall:.3f}  "
        f"date {_rate(events.date_accuracy).strip()}  status {_rate(events.status_accuracy).strip()}",
        f"claims  F1 {claims.f1:.3f}  P {claims.precision:.3f}  R {claims.recall:.3f}  "
        f"entity {_rate(claims.entity_accuracy).strip()}  speaker {_rate(claims.speaker_accuracy).strip()}",
        "",
        "match = required gold found; pred = predictions less optional matches; opt = optional gold found;",
        "accuracies are over required matched pairs where gold gives the attribute.",
        "",
    ]
    lines += _table("EVENTS", report, "events", EVENT_ATTRIBUTES)
    lines.append("")
    lines += _table("CLAIMS", report, "claims", CLAIM_ATTRIBUTES)
    if report.errors:
        lines += ["", "ERRORS (scored as empty predictions)"]
        lines += [f"  {doc.doc_id}: {doc.error}" for doc in report.errors]
    if verbose:
        lines += _issue_lines(report)
    return "\n".join(lines)


def _issue_lines(report: EvaluationReport) -> list[str]:
    """Every miss, extra and wrong attribute, grouped by document, then by item and kind."""
    lines: list[str] = []
    for doc in report.documents:
        if not doc.issues:
            continue
        lines += ["", f"== {doc.doc_id} ({doc.source_file})"]
        for item in ("event", "claim"):
            for kind in ("miss", "extra", "wrong"):
                for issue in doc.issues:
                    if issue.item == item and issue.kind == kind:
                        lines += _issue_text(issue)
    return lines


def _issue_text(issue: Issue) -> list[str]:
    lines = [f"  {issue.item:<5} {issue.kind.upper():<5} {issue.summary}"]
    if issue.detail:
        lines.append(f"              {issue.detail}")
    lines.append(f"              “{_shorten(issue.text)}”")
    return lines


def _shorten(text: str, limit: int = 240) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
