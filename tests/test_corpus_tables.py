"""The tables of the whole shared corpus (skipped when it is absent): what a
journalist meets first must hold no date its cable cannot mean."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractor.language import DATE_BOUNDS
from extractor.tables import read_table

pytestmark = pytest.mark.slow


def test_no_event_date_is_more_than_60_years_before_its_cable(corpus_tables: Path) -> None:
    events = read_table(corpus_tables / "events.csv")
    assert len(events) > 10_000
    years = DATE_BOUNDS["years_before_cable"]
    assert years == 60
    too_early, too_late = [], []
    for e in events:
        if not e["date_start"]:
            continue
        start, cable = dt.date.fromisoformat(e["date_start"]), dt.date.fromisoformat(e["doc_date"])
        if (start.year, start.month, start.day) < (cable.year - years, cable.month, cable.day):
            too_early.append((e["doc_id"], e["date_start"], e["date_text"]))
        if dt.date.fromisoformat(e["date_end"]).year > DATE_BOUNDS["last_year"]:
            too_late.append((e["doc_id"], e["date_end"], e["date_text"]))
    assert too_early == []
    assert too_late == []



def test_every_event_and_claim_id_names_one_row(corpus_tables: Path) -> None:
    # a trigger kept as two happenings ("returned": an extradition and a visit) once gave both one id
    for name, key in (("events.csv", "event_id"), ("claims.csv", "claim_id")):
        ids = [row[key] for row in read_table(corpus_tables / name)]
        assert len(ids) > 10_000
        assert len(set(ids)) == len(ids), name
