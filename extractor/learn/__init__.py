"""Learned decisions: which rule-proposed candidates are events and claims.

The rules and lexicons propose candidates (fast, recall-oriented) and record the
verdict of every rule as a feature; a linear model trained on the annotated gold
cables (``dateline train``) decides. Models are JSON files of feature weights,
loaded without executing code.
"""

from .linear import LinearModel
from .model_file import DecisionModel, default_model

__all__ = ["LinearModel", "DecisionModel", "default_model"]
