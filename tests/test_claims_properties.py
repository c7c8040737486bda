"""Properties of claims that must hold for any text (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.claims import claims_from_text

WORDS = ["the", "army", "seized", "tons", "of", "cocaine", "about", "more", "than", "percent", "in", "2008",
         "March", "6", "USD", "$", "million", "pesos", "two", "-", "year", "sentence", "per", "day", "(", ")",
         ",", ".", "Medina", "Mora", "said", "one", "of", "between", "and", "20-30", "3.5", "1,500", "E.O.",
         "12958", "G-8", "%", "km", "hectares", "ago", "six", "months", "a", "dozen", "billion-dollar"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_offsets_bounds_and_ranges_are_consistent(words):
    text = " ".join(words)
    for claim in claims_from_text(text):
        assert text[claim.start:claim.end] == claim.text
        assert claim.value_low is not None and claim.value_high is not None
        assert claim.value_low <= claim.value_high
        if claim.qualifier == "range":
            assert claim.value is None and claim.value_low < claim.value_high
        else:
            assert claim.value == claim.value_low == claim.value_high
        assert claim.dimension in ("count", "mass", "currency", "percent", "time", "length", "area", "volume", "other")
        assert claim.qualifier in ("exact", "approximately", "more_than", "less_than", "range")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text):
    for claim in claims_from_text(text):
        assert text[claim.start:claim.end] == claim.text


@settings(max_examples=80, deadline=None)
@given(st.integers(min_value=2, max_value=999_999), st.sampled_from(
    [("tons of cocaine", "t", "cocaine"), ("hectares of coca", "ha", "coca"), ("kilograms of heroin", "kg", "heroin"),
     ("percent of voters", "%", "voters"), ("police officers", "count", "officers")]))
def test_formatted_numbers_are_read_exactly(number, unit_phrase):
    phrase, unit, entity = unit_phrase
    written = f"{number:,}"
    text = f"Officials said they counted {written} {phrase} last week."
    claims = claims_from_text(text)
    assert [(c.value, c.unit) for c in claims] == [(float(number), unit)]
    assert entity in claims[0].entity


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=28), st.sampled_from(["January", "March", "July", "December"]),
       st.integers(min_value=1990, max_value=2020))
def test_dates_are_never_claims(day, month, year):
    text = f"The delegation arrived on {month} {day}, {year} and left on {day} {month}."
    assert claims_from_text(text) == []


def test_deterministic():
    text = "Medina Mora said there have been 5000 deaths since December 2006 and 500 officials died."
    assert claims_from_text(text) == claims_from_text(text)
