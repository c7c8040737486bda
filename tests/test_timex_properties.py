"""Properties of the time-expression finder that hold for any input."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.timex import find_time_expressions

TEMPORAL_WORDS = [
    "July", "17-18", "May", "march", "2008", "1990s", "last", "next", "week", "weekend", "year", "ago", "since",
    "by", "before", "the", "end", "of", "early", "mid-", "late", "Friday", "on", "in", "six", "months", "a couple of",
    "fiscal", "FY08", "Q3", "quarter", "first", "half", "10:30", "a.m.", "every", "today", "so far", "between", "and",
    "to", "-", ",", ".", "$", "#6043/01", "E.O.", "12958", "DECL:", "241258Z JUL 08", "February 29", "December 31",
    "31", "0", "9999", "will", "was", "\n", "Sept.", "winter", "the 21st century", "three days later",
]

dcts = st.one_of(st.just(""), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(dt.date.isoformat))
phrases = st.lists(st.sampled_from(TEMPORAL_WORDS), max_size=25).map(" ".join)


def _check_invariants(text: str, dct: str) -> None:
    for e in find_time_expressions(text, dct):
        assert text[e.start:e.end] == e.text
        assert e.type in ("DATE", "DURATION", "SET", "TIME")
        assert bool(e.date_start) == bool(e.date_end)
        if e.date_start:
            assert dt.date.fromisoformat(e.date_start) <= dt.date.fromisoformat(e.date_end)
            assert e.granularity in ("day", "week", "month", "quarter", "year", "decade")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), dcts)
def test_arbitrary_text_never_raises(text: str, dct: str) -> None:
    _check_invariants(text, dct)


@settings(max_examples=500, deadline=None)
@given(phrases, dcts)
def test_temporal_word_soup_keeps_intervals_ordered(text: str, dct: str) -> None:
    _check_invariants(text, dct)
