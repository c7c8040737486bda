"""The evaluator: ANNOTATION.md matching rules on hand-made gold/prediction pairs,
and the ``dateline evaluate`` command on small tables. No extraction stage runs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from extractor.cli import cli
from extractor.evaluate import (
    claim_matches, evaluate_gold, event_matches, format_report, head_word_agrees, match_items,
    claim_match_score, event_match_score, normalize_words, score_document,
)
from extractor.model import Claim, Document, Event
from extractor.tables import TableWriter, claim_row, document_row, event_row


# -- helpers: predicted rows as the tables write them ------------------------

def event(type_: str, sentence: str, start: str = "", end: str = "", status: str = "occurred") -> dict[str, str]:
    return event_row(Event("e", "D1", "2008-07-24", type_, status, date_start=start, date_end=end or start,
                           sentence=sentence))


def claim(value: float | None, unit: str, sentence: str = "", entity: str = "", speaker: str = "",
          low: float | None = None, high: float | None = None, qualifier: str = "exact") -> dict[str, str]:
    if value is not None:
        low = high = value
    return claim_row(Claim("c", "D1", "2008-07-24", value, low, high, unit, entity=entity, speaker=speaker,
                           sentence=sentence, qualifier=qualifier))


# -- word normalisation -------------------------------------------------------

NORMALIZATION = [
    ("He attended the GOM,s National Security Council", ["he", "attended", "the", "goms", "national", "security", "council"]),
    ("the GOM's plan", ["the", "goms", "plan"]),
    ("the GOM’s plan", ["the", "goms", "plan"]),
    ("Mexico, Colombia and Peru", ["mexico", "colombia", "and", "peru"]),
    ("deploying 10,000 new, vetted police", ["deploying", "10000", "new", "vetted", "police"]),
    ("García Luna (SSP) said", ["garcia", "luna", "ssp", "said"]),
    ("July 17-18", ["july", "17", "18"]),
    ("", []),
]


@pytest.mark.parametrize("text, words", NORMALIZATION)
def test_normalize_words(text: str, words: list[str]) -> None:
    assert normalize_words(text) == words


# -- entity (and speaker) head-word rule -------------------------------------

ENTITY = [
    ("SIAs", "SIA", True),
    ("SIA", "SIAs", True),
    ("Mara members", "members of the Mara", True),
    ("no-flight alerts", "alert", True),
    ("cases", "case", True),
    ("policies", "policy", True),
    ("boxes", "box", True),
    ("cocaine", "cocaine", True),
    ("weapons", "guns", False),
    ("Mara members", "Mara", False),
    ("police", "", False),
    ("", "", True),  # an empty gold speaker expects an empty prediction
    ("", "Medina Mora", False),
    ("Medina Mora", "Attorney General Medina Mora", True),
]


@pytest.mark.parametrize("gold, predicted, agrees", ENTITY)
def test_head_word_rule(gold: str, predicted: str, agrees: bool) -> None:
    assert head_word_agrees(gold, predicted) is agrees


# -- claim matching -----------------------------------------------------------

CLAIM_MATCH: list[tuple[str, dict[str, Any], dict[str, str], bool]] = [
    ("same value and unit", {"value": 5.8, "unit": "t"}, claim(5.8, "t"), True),
    ("unit mismatch", {"value": 5.8, "unit": "t"}, claim(5.8, "kg"), False),
    ("within 0.1 %", {"value": 5000, "unit": "count"}, claim(5004.9, "count"), True),
    ("beyond 0.1 %", {"value": 5000, "unit": "count"}, claim(5006, "count"), False),
    ("zero", {"value": 0, "unit": "count"}, claim(0, "count"), True),
    ("range, both bounds", {"value_low": 20, "value_high": 30, "unit": "count"},
     claim(None, "count", low=20, high=30, qualifier="range"), True),
    ("range, one bound off", {"value_low": 20, "value_high": 30, "unit": "count"},
     claim(None, "count", low=20, high=35, qualifier="range"), False),
    ("gold range, predicted midpoint", {"value_low": 20, "value_high": 30, "unit": "count"}, claim(25, "count"), False),
    ("gold exact, predicted range", {"value": 20, "unit": "count"},
     claim(None, "count", low=20, high=30, qualifier="range"), False),
    ("scale words applied", {"value": 207000000, "unit": "USD"}, claim(207e6, "USD"), True),
    ("predicted without a number", {"value": 2, "unit": "count"}, claim(None, "count"), False),
]


@pytest.mark.parametrize("name, gold, row, expected", CLAIM_MATCH, ids=[c[0] for c in CLAIM_MATCH])
def test_claim_matches(name: str, gold: dict[str, Any], row: dict[str, str], expected: bool) -> None:
    assert claim_matches(gold, row) is expected


# -- event matching -----------------------------------------------------------

VISIT = {"type": "visit", "evidence": "during an official visit to Mexico July 17-18",
         "date_start": "2008-07-17", "date_end": "2008-07-18", "status": "occurred"}
GOM_MEETING = {"type": "meeting", "evidence": "He attended the GOM,s National Security Council meeting on July 18",
               "date_start": "2008-07-18", "date_end": "2008-07-18", "status": "occurred"}
UNDATED_SEIZURE = {"type": "seizure", "evidence": "resulted in the seizure of the semi-submersible",
                   "date_start": None, "date_end": None, "status": "occurred"}
HALF_DATED = {"type": "agreement", "evidence": "would like to see an agreement in place before the end of the year",
              "date_start": None, "date_end": "2008-12-31", "status": "planned"}

ARREST = {"type": "arrest", "evidence": "police arrested five gang members", "date_start": None, "date_end": None}

EVENT_MATCH: list[tuple[str, dict[str, Any], dict[str, str], bool]] = [
    ("evidence inside the sentence", VISIT,
     event("visit", "Secretary Chertoff was in Mexico during an official visit to Mexico July 17-18."), True),
    ("type mismatch", VISIT,
     event("meeting", "Secretary Chertoff was in Mexico during an official visit to Mexico July 17-18."), False),
    ("GOM,s reads GOM's", GOM_MEETING,
     event("meeting", "He attended the GOM's National Security Council meeting.", "2008-07-01"), True),
    ("GOM’s reads GOM,s", GOM_MEETING,
     event("meeting", "He attended the GOM’s National Security Council meeting."), True),
    # 6 of the 9 evidence words ("during", "an", "official", "visit", "to", "mexico") is 67 %
    ("two thirds of the words", VISIT, event("visit", "During an official visit to Mexico he spoke."), True),
    ("5 of 9 words", VISIT, event("visit", "During the official visit to Mexico he spoke."), False),
    ("exactly 60 % of the words", ARREST, event("arrest", "Police arrested five suspects."), True),
    ("40 % of the words", ARREST, event("arrest", "Police arrested them."), False),
    ("dated: both dates equal", VISIT, event("visit", "The trip went well.", "2008-07-17", "2008-07-18"), True),
    ("dated: one date differs", VISIT, event("visit", "The trip went well.", "2008-07-17", "2008-07-17"), False),
    ("dated: dates equal but type differs", VISIT,
     event("meeting", "The trip went well.", "2008-07-17", "2008-07-18"), False),
    ("undated gold never matches by dates", UNDATED_SEIZURE, event("seizure", "Police seized cash."), False),
    ("half-dated gold matches equal dates", HALF_DATED,
     event("agreement", "Chertoff hopes to sign.", "", "2008-12-31"), True),
]


@pytest.mark.parametrize("name, gold, row, expected", EVENT_MATCH, ids=[c[0] for c in EVENT_MATCH])
def test_event_matches(name: str, gold: dict[str, Any], row: dict[str, str], expected: bool) -> None:
    assert event_matches(gold, row) is expected


# -- one-to-one greedy matching ----------------------------------------------

def test_two_predictions_for_one_gold_leave_one_extra() -> None:
    gold = {"doc_id": "D1", "events": [],
            "claims": [{"evidence": "packed with 5.8 tons of cocaine", "value": 5.8, "unit": "t", "entity": "cocaine"}]}
    rows = [claim(5.8, "t", "It was packed with 5.8 tons of cocaine.", "cocaine"),
            claim(5.8, "t", "The 5.8 tons were seized.", "tons")]
    report = score_document(gold, [], rows)
    assert (report.claims.matched, report.claims.predicted, report.claims.gold_required) == (1, 2, 1)
    assert report.claims.precision == 0.5 and report.claims.recall == 1.0
    assert [i.text for i in report.issues if i.kind == "extra"] == ["The 5.8 tons were seized."]
    assert report.claims.entity_accuracy == 1.0  # the better row (entity and evidence) was taken


def test_best_match_first_not_first_come() -> None:
    gold = [{"evidence": "described two phases of OASISS", "value": 2, "unit": "count", "entity": "phases"},
            {"evidence": "how our two countries can develop", "value": 2, "unit": "count", "entity": "countries"}]
    rows = [claim(2, "count", "He asked how our two countries can develop ties.", "countries"),
            claim(2, "count", "He described two phases of OASISS.", "phases")]
    matching = match_items(gold, rows, claim_matches, claim_match_score)
    assert matching.required == [(0, 1), (1, 0)]
    assert matching.missed == [] and matching.extra == []


def test_text_match_beats_date_only_match() -> None:
    tour = {"type": "visit", "evidence": "provided a tour of his command center",
            "date_start": "2008-07-17", "date_end": "2008-07-18"}
    rows = [event("visit", "Garcia Luna provided a tour of his command center.", "2008-07-17", "2008-07-18"),
            event("visit", "It was an official visit to Mexico July 17-18.", "2008-07-17", "2008-07-18")]
    matching = match_items([tour, VISIT], rows, event_matches, event_match_score)
    assert matching.required == [(0, 0), (1, 1)]


OPTIONAL_CLAIM = {"evidence": "how our two countries can develop", "value": 2, "unit": "count",
                  "entity": "countries", "optional": True}
REQUIRED_CLAIM = {"evidence": "there have been 5000 deaths", "value": 5000, "unit": "count", "entity": "deaths",
                  "speaker": "Medina Mora"}

OPTIONAL_CASES = [
    ("optional found: earns nothing, costs nothing",
     [claim(5000, "count", "there have been 5000 deaths", "deaths", "Medina Mora"),
      claim(2, "count", "how our two countries can develop", "countries")], (1, 1, 1, 1)),
    ("optional not found: costs nothing",
     [claim(5000, "count", "there have been 5000 deaths", "deaths", "Medina Mora")], (1, 1, 1, 0)),
    ("a wrong prediction still costs",
     [claim(5000, "count", "there have been 5000 deaths", "deaths", "Medina Mora"),
      claim(3, "count", "three countries", "countries")], (1, 2, 1, 0)),
]


@pytest.mark.parametrize("name, rows, counts", OPTIONAL_CASES, ids=[c[0] for c in OPTIONAL_CASES])
def test_optional_items(name: str, rows: list[dict[str, str]], counts: tuple[int, int, int, int]) -> None:
    report = score_document({"doc_id": "D1", "claims": [REQUIRED_CLAIM, OPTIONAL_CLAIM]}, [], rows)
    scores = report.claims
    assert (scores.matched, scores.predicted, scores.gold_required, scores.optional_matched) == counts


def test_required_gold_is_matched_before_optional() -> None:
    # the single prediction fits the optional repeat best, but the required first mention takes it
    gold = [{"evidence": "5000 deaths were reported again later", "value": 5000, "unit": "count",
             "entity": "deaths", "optional": True},
            {"evidence": "there have been 5000 deaths", "value": 5000, "unit": "count", "entity": "deaths"}]
    report = score_document({"doc_id": "D1", "claims": gold}, [],
                            [claim(5000, "count", "5000 deaths were reported again later", "deaths")])
    assert (report.claims.matched, report.claims.predicted, report.claims.optional_matched) == (1, 1, 0)


# -- attribute accuracies -----------------------------------------------------

def test_event_attribute_accuracy_on_required_pairs() -> None:
    gold = {"doc_id": "D1", "events": [
        VISIT,
        {**GOM_MEETING},
        {**UNDATED_SEIZURE},
        {"type": "visit", "evidence": "provided a tour of his command center", "date_start": None,
         "date_end": None, "status": "occurred", "optional": True},
    ]}
    rows = [
        event("visit", "during an official visit to Mexico July 17-18", "2008-07-17", "2008-07-18"),
        event("meeting", "He attended the GOM’s National Security Council meeting on July 18", "2008-07-19",
              status="planned"),
        event("seizure", "which resulted in the seizure of the semi-submersible"),
        event("visit", "Garcia Luna provided a tour of his command center", "2008-07-01", status="planned"),
    ]
    report = score_document(gold, rows, [])
    events = report.events
    assert (events.matched, events.predicted, events.gold_required) == (3, 3, 3)
    # date: visit and the undated seizure (empty equals null) right, the meeting wrong; optional pair not scored
    assert (events.attributes["date"].correct, events.attributes["date"].total) == (2, 3)
    assert (events.attributes["status"].correct, events.attributes["status"].total) == (2, 3)
    wrong = [i for i in report.issues if i.kind == "wrong"]
    assert len(wrong) == 1 and "2008-07-19" in wrong[0].detail and "planned" in wrong[0].detail


def test_speaker_accuracy_only_where_gold_gives_it() -> None:
    gold = {"doc_id": "D1", "claims": [
        REQUIRED_CLAIM,
        {"evidence": "packed with 5.8 tons of cocaine", "value": 5.8, "unit": "t", "entity": "cocaine"},
    ]}
    rows = [claim(5000, "count", "Medina Mora said there have been 5000 deaths", "deaths",
                  "Attorney General Medina Mora"),
            claim(5.8, "t", "packed with 5.8 tons of cocaine", "semi-submersible", "Chertoff")]
    scores = score_document(gold, [], rows).claims
    assert (scores.attributes["speaker"].correct, scores.attributes["speaker"].total) == (1, 1)
    assert (scores.attributes["entity"].correct, scores.attributes["entity"].total) == (1, 2)
    # the deaths figure matched in a sentence holding all of its evidence, the cocaine one too
    assert (scores.attributes["located"].correct, scores.attributes["located"].total) == (2, 2)


def test_claim_matched_elsewhere_is_not_located() -> None:
    gold = {"doc_id": "D1", "claims": [REQUIRED_CLAIM]}
    scores = score_document(gold, [], [claim(5000, "count", "The fund holds 5000 pesos.", "pesos")]).claims
    assert scores.matched == 1  # unit and value are the whole matching rule
    assert (scores.attributes["located"].correct, scores.attributes["located"].total) == (0, 1)


def test_empty_document_is_perfect_and_empty_prediction_scores_zero() -> None:
    assert score_document({"doc_id": "D1"}, [], []).events.f1 == 1.0
    missed = score_document({"doc_id": "D1", "events": [VISIT]}, [], [])
    assert (missed.events.precision, missed.events.recall, missed.events.f1) == (1.0, 0.0, 0.0)
    assert [i.kind for i in missed.issues] == ["miss"]


# -- the command ----------------------------------------------------------------

GOLD = {
    "doc_id": "08MEXICO2276",
    "source_file": "seeds/000_2d47a52fbceb50e0.txt",
    "doc_date": "2008-07-24",
    "events": [VISIT, GOM_MEETING],
    "claims": [REQUIRED_CLAIM, OPTIONAL_CLAIM,
               {"evidence": "packed with 5.8 tons of cocaine", "value": 5.8, "unit": "t", "entity": "cocaine"}],
}


def _write_tables(folder: Path, doc_id: str = "08MEXICO2276") -> None:
    doc = Document(doc_id, "000_2d47a52fbceb50e0.txt", "2008-07-24")
    events = [Event("e1", doc_id, "2008-07-24", "visit", "occurred", "2008-07-17", "2008-07-18",
                    sentence="Chertoff was in Mexico during an official visit to Mexico July 17-18."),
              Event("e2", doc_id, "2008-07-24", "arrest", "occurred", sentence="Police arrested ten men.")]
    claims = [Claim("c1", doc_id, "2008-07-24", 5000, 5000, 5000, "count", entity="deaths", speaker="Medina Mora",
                    sentence="there have been 5000 deaths"),
              Claim("c2", doc_id, "2008-07-24", 2, 2, 2, "count", entity="countries",
                    sentence="how our two countries can develop"),
              Claim("c3", doc_id, "2008-07-24", 5.8, 5.8, 5.8, "t", entity="cocaine",
                    sentence="packed with 5.8 tons of cocaine")]
    writer = TableWriter(folder)
    writer.write("documents", [document_row(doc, len(events), len(claims))])
    writer.write("events", [event_row(e) for e in events])
    writer.write("claims", [claim_row(c) for c in claims])
    writer.commit()


@pytest.fixture()
def gold_and_tables(tmp_path: Path) -> tuple[Path, Path]:
    gold_dir = tmp_path / "gold" / "dev"
    gold_dir.mkdir(parents=True)
    (gold_dir / "08MEXICO2276.json").write_text(json.dumps(GOLD), encoding="utf-8")
    data = tmp_path / "out"
    _write_tables(data)
    return gold_dir, data


def test_evaluate_command_scores_tables(gold_and_tables: tuple[Path, Path]) -> None:
    gold_dir, data = gold_and_tables
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold_dir), "--data", str(data), "--verbose"])
    assert result.exit_code == 0, result.output
    # events: 1 of 2 predicted matched, 1 of 2 required found; claims: 2 of 2 (+1 optional)
    assert "events  F1 0.500  P 0.500  R 0.500" in result.output
    assert "claims  F1 1.000  P 1.000  R 1.000" in result.output
    assert "GOM,s National Security Council" in result.output  # the miss, with its evidence
    assert "Police arrested ten men." in result.output  # the extra, with its sentence


def test_evaluate_command_json(gold_and_tables: tuple[Path, Path]) -> None:
    gold_dir, data = gold_and_tables
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold_dir), "--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["claims"]["optional_matched"] == 1
    assert scores["events"]["matched"] == 1 and scores["events"]["predicted"] == 2
    assert scores["documents"][0]["doc_id"] == "08MEXICO2276"


@pytest.mark.parametrize("option, threshold, exit_code", [
    ("--min-events-f1", "0.9", 1),
    ("--min-events-f1", "0.5", 0),
    ("--min-claims-f1", "0.99", 0),
])
def test_evaluate_thresholds(gold_and_tables: tuple[Path, Path], option: str, threshold: str,
                             exit_code: int) -> None:
    gold_dir, data = gold_and_tables
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold_dir), "--data", str(data),
                                      option, threshold])
    assert result.exit_code == exit_code, result.output


def test_document_found_by_source_file_when_ids_differ(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold" / "dev"
    gold_dir.mkdir(parents=True)
    (gold_dir / "08MEXICO2276.json").write_text(json.dumps(GOLD), encoding="utf-8")
    _write_tables(tmp_path / "out", doc_id="000_2d47a52fbceb50e0")
    report = evaluate_gold(gold_dir, data_dir=tmp_path / "out")
    assert report.documents[0].error == ""
    assert report.claims.matched == 2


def test_document_missing_from_tables_is_an_error_line(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold" / "dev"
    gold_dir.mkdir(parents=True)
    (gold_dir / "09OTHER1.json").write_text(json.dumps({**GOLD, "doc_id": "09OTHER1", "source_file": "x.txt"}))
    _write_tables(tmp_path / "out")
    report = evaluate_gold(gold_dir, data_dir=tmp_path / "out")
    assert "not in the tables" in report.documents[0].error
    assert report.events.recall == 0.0
    assert "09OTHER1: not in the tables" in format_report(report)


def test_missing_source_file_is_an_error_line_not_a_crash(tmp_path: Path) -> None:
    gold_dir = tmp_path / "gold" / "dev"
    gold_dir.mkdir(parents=True)
    (gold_dir / "08MEXICO2276.json").write_text(json.dumps(GOLD), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(gold_dir)])
    assert result.exit_code == 0, result.output
    assert "source file not found" in result.output
    assert str(tmp_path / "seeds" / "000_2d47a52fbceb50e0.txt") in result.output


def test_empty_gold_folder_is_a_clear_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["evaluate", "--gold", str(tmp_path)])
    assert result.exit_code == 1
    assert "holds no gold .json files" in result.output


def test_verbose_report_describes_extras_and_wrong_attributes() -> None:
    gold = {"doc_id": "D1", "claims": [{"evidence": "between 20-30 cases of no-flight alerts", "value_low": 20,
                                        "value_high": 30, "unit": "count", "entity": "no-flight alerts",
                                        "qualifier": "range"}]}
    rows = [claim(None, "count", "between 20-30 cases of no-flight alerts", "cases", low=20, high=30,
                  qualifier="approximately"),
            claim(207e6, "USD", "more than 207 million USD in cash", "cash")]
    from extractor.evaluate import EvaluationReport

    text = format_report(EvaluationReport([score_document(gold, [], rows)]), verbose=True)
    assert "claim EXTRA 207000000 USD (cash)" in text
    assert "claim WRONG 20-30 count (no-flight alerts)" in text
    assert "entity 'no-flight alerts' ≠ 'cases'; qualifier range ≠ approximately" in text
