"""The shipped decision model: one JSON file holding a linear model per decision."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from .linear import LinearModel

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..events import Decider, Finalizer, Mention
    from ..model import Claim

#: the model `dateline train` writes and the pipeline reads by default
MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "decisions.json"
FORMAT = "dateline-decisions/1"


@dataclass
class DecisionModel:
    """Learned keep/drop decisions for event mentions and claims (None: the rules decide)."""

    events: LinearModel | None = None
    claims: LinearModel | None = None
    #: how it was trained (gold folders, counts, seed): shown on the Method page
    info: Mapping[str, Any] | None = None
    #: scores candidate dates of a final mention (its threshold is the margin over the rules' date)
    dates: LinearModel | None = None
    #: one-vs-rest scores of each status
    status: dict[str, LinearModel] | None = None
    #: ranks the words of a claim's sentence for what its number counts (None: the rules name it)
    entities: LinearModel | None = None
    #: in a sentence, a kept mention of a type other than the likeliest one needs this
    #: probability (0: no such rule)
    rival_bar: float = 0.0

    def event_decider(self, doc_date: str) -> "Decider | None":
        if self.events is None:
            return None
        model, rival_bar = self.events, self.rival_bar
        from .features import EventContext

        context = EventContext(doc_date)

        def decide(mentions: "list[Mention]", parsed: "Doc | None") -> "list[Mention]":
            features = context.featurize(mentions, parsed)
            kept = [(m, p) for m, p in ((m, model.probability(f)) for m, f in zip(mentions, features))
                    if p >= model.threshold]
            if rival_bar and kept:
                # one happening per sentence as annotators read it: the likeliest type wins,
                # another type stays only when the model is sure of it too
                best = max(kept, key=lambda mp: mp[1])[0].kind
                kept = [(m, p) for m, p in kept if m.kind == best or p >= rival_bar]
            return [m for m, _p in kept]

        return decide

    def event_finalizer(self, doc_date: str) -> "Finalizer | None":
        if self.dates is None and not self.status:
            return None
        from .dates import choose_date, choose_status

        dates, status = self.dates, self.status

        def finalize(mentions: "list[Mention]", parses: "Mapping[tuple[int, int], Doc]") -> None:
            for m in mentions:
                parsed = parses.get((m.p_index, m.s_index)) if m.p_index >= 0 else None
                if dates is not None:
                    choose_date(dates, m, parsed, doc_date)
                if status:
                    choose_status(status, m, parsed, doc_date)

        return finalize

    def filter_claims(self, claims: "list[Claim]", doc_date: str) -> "list[Claim]":
        """The claims the model keeps; without a model, those no rule drops."""
        if self.claims is None:
            return [c for c in claims if not c.rule]
        from .features import claim_features

        model = self.claims
        return [c for c in claims if model.keep(claim_features(c, doc_date))]

    def name_entities(self, claims: "list[Claim]", parses: "Mapping[str, Doc]") -> "list[Claim]":
        """``claims`` with the learned entity where their sentence is parsed (``parses``: by sentence text)."""
        if self.entities is None:
            return claims
        from .entity import name_entities

        return name_entities(self.entities, claims, parses)

    def to_dict(self) -> dict[str, Any]:
        return {"format": FORMAT, "info": dict(self.info or {}),
                "events": self.events.to_dict() if self.events else None,
                "claims": self.claims.to_dict() if self.claims else None,
                "dates": self.dates.to_dict() if self.dates else None,
                "status": {k: v.to_dict() for k, v in sorted(self.status.items())} if self.status else None,
                "entities": self.entities.to_dict() if self.entities else None,
                "rival_bar": self.rival_bar}

    def save(self, path: str | Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(self.to_dict(), indent=0, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "DecisionModel":
        if data.get("format") != FORMAT:
            raise ValueError(f"not a Dateline decision model (format {data.get('format')!r}, expected {FORMAT})")
        events, claims, dates, status = data.get("events"), data.get("claims"), data.get("dates"), data.get("status")
        entities = data.get("entities")
        if status is not None and not isinstance(status, dict):
            raise ValueError("the status decision needs an object of one model per status")
        return cls(LinearModel.from_dict(events) if events else None,
                   LinearModel.from_dict(claims) if claims else None, data.get("info") or {},
                   dates=LinearModel.from_dict(dates) if dates else None,
                   status={str(k): LinearModel.from_dict(v) for k, v in status.items()} if status else None,
                   entities=LinearModel.from_dict(entities) if entities else None,
                   rival_bar=float(data.get("rival_bar") or 0.0))

    @classmethod
    def load(cls, path: str | Path) -> "DecisionModel":
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ValueError(f"cannot read decision model {path}: {exc}") from None
        if not isinstance(data, dict):
            raise ValueError(f"decision model {path} is not a JSON object")
        return cls.from_dict(data)


@lru_cache(maxsize=1)
def default_model() -> DecisionModel:
    """The shipped model, or rules only when the package carries none."""
    if MODEL_PATH.is_file():
        return DecisionModel.load(MODEL_PATH)
    return DecisionModel()
