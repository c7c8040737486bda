"""A logistic-regression scorer over sparse named features, stored as JSON.

Training uses scikit-learn (``LogisticRegression`` on a ``DictVectorizer``); the
trained weights are exported by feature name, so prediction needs no
scikit-learn, no pickle and no vectorizer: a dict lookup per feature.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

Features = Mapping[str, float]


@dataclass
class LinearModel:
    """``p = sigmoid(bias + sum(weight[f] * value))``; kept when ``p >= threshold``."""

    weights: dict[str, float] = field(default_factory=dict)
    bias: float = 0.0
    threshold: float = 0.5

    def probability(self, features: Features) -> float:
        z = self.bias
        w = self.weights
        for name, value in features.items():
            weight = w.get(name)
            if weight is not None:
                z += weight * value
        if z >= 0:
            return 1.0 / (1.0 + math.exp(-z))
        ez = math.exp(z)
        return ez / (1.0 + ez)

    def keep(self, features: Features) -> bool:
        return self.probability(features) >= self.threshold

    def to_dict(self) -> dict[str, Any]:
        # weights rounded and sorted: the file is byte-identical for the same training
        return {"bias": round(self.bias, 6), "threshold": round(self.threshold, 4),
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if abs(v) >= 1e-6}}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "LinearModel":
        weights = data.get("weights")
        if not isinstance(weights, dict):
            raise ValueError("a linear model needs a 'weights' object")
        return cls({str(k): float(v) for k, v in weights.items()}, float(data.get("bias", 0.0)),
                   float(data.get("threshold", 0.5)))


def fit(examples: Sequence[Features], labels: Sequence[int], c: float = 1.0,
        sample_weight: Sequence[float] | None = None) -> LinearModel:
    """Fit a logistic regression (liblinear: deterministic) and export it by feature name."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(labels)) < 2:
        # one class only (a tiny fixture): a constant model that says what the data said
        return LinearModel({}, 6.0 if labels and labels[0] else -6.0)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([dict(e) for e in examples])
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000, random_state=0)
    clf.fit(x, list(labels), sample_weight=None if sample_weight is None else list(sample_weight))
    names = vectorizer.get_feature_names_out()
    weights = {str(n): float(w) for n, w in zip(names, clf.coef_[0]) if w != 0.0}
    return LinearModel(weights, float(clf.intercept_[0]))
