"""The publishing workflow (.github/workflows/report.yml) and what it reads: the
corpus folder is named once, and the gold files shipped beside the seed cables
score, so the published Method page has figures."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from extractor.evaluate import evaluate_gold

PROJECT = Path(__file__).resolve().parent.parent
WORKFLOW = PROJECT / ".github" / "workflows" / "report.yml"


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def test_the_corpus_folder_is_named_in_one_place() -> None:
    workflow = _workflow()
    corpus = workflow["env"]["CORPUS"]
    assert (PROJECT / corpus).is_dir()
    assert WORKFLOW.read_text(encoding="utf-8").count(corpus) == 1
    steps = " ".join(str(step.get("run", "")) for step in workflow["jobs"]["build"]["steps"])
    assert 'dateline extract "$CORPUS"' in steps


def test_the_workflow_scores_the_gold_folder_when_it_holds_files() -> None:
    workflow = _workflow()
    steps = {step.get("name", ""): str(step.get("run", "")) for step in workflow["jobs"]["build"]["steps"]}
    gold_step = steps["Measure accuracy on the gold files"]
    assert re.search(r'dateline evaluate --gold "\$GOLD" --data data/out', gold_step)
    assert "${{ steps.gold.outputs.args }}" in steps["Build the site"]


def test_the_shipped_gold_files_score_the_seed_cables() -> None:
    report = evaluate_gold(str(PROJECT / _workflow()["env"]["GOLD"]))
    details = report.to_dict()
    assert details["documents_scored"] == 2 and details["errors"] == 0
    assert report.events.f1 > 0.5 and report.claims.f1 > 0.5
