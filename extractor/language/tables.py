"""The language tables, loaded once from ``data/language.json`` (event types from
``data/events.json``) and exposed read-only."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

DATA = Path(__file__).resolve().parent.parent / "data"


def load_data(name: str) -> dict[str, Any]:
    """One of the package's data files, parsed."""
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


_LANGUAGE = load_data("language.json")


def _numbers(key: str) -> Mapping[str, int]:
    return MappingProxyType({word: int(value) for word, value in _LANGUAGE[key].items()})


def _years(bounds: list[int | None]) -> range:
    # an open upper bound is next year: a cable may be dated by a clock a little ahead
    last = bounds[1] if bounds[1] is not None else dt.date.today().year + 1
    return range(int(bounds[0] or 0), last + 1)


#: month names and abbreviations -> 1..12 ("sept" and "sep" both)
MONTHS: Mapping[str, int] = _numbers("months")
#: full weekday names -> ISO weekday 1 (Monday) .. 7
WEEKDAYS: Mapping[str, int] = _numbers("weekdays")
#: every written weekday abbreviation -> ISO weekday
WEEKDAY_ABBREVIATIONS: Mapping[str, int] = _numbers("weekday_abbreviations")
#: cardinal number words, one word each
NUMBER_WORDS: Mapping[str, int] = _numbers("number_words")
#: ordinal words ("first", "twenty-first", "hundredth") -> their number
ORDINAL_WORDS: Mapping[str, int] = _numbers("ordinal_words")
#: spelled-out multipliers ("hundred", "million", "dozen")
SCALE_WORDS: Mapping[str, int] = _numbers("scale_words")
#: titles before a name, as written (case-sensitive)
TITLES: tuple[str, ...] = tuple(_LANGUAGE["titles"])
#: lower-case words of a speaker's title or office
TITLE_WORDS: frozenset[str] = frozenset(_LANGUAGE["title_words"])
#: plausible years by use: "calendar", "bare", "numeric", "cables" (see language.json)
YEARS: Mapping[str, range] = MappingProxyType({use: _years(b) for use, b in _LANGUAGE["years"].items()})
#: the dates a cable can mean (language.json "date_bounds")
DATE_BOUNDS: Mapping[str, int] = MappingProxyType({k: int(v) for k, v in _LANGUAGE["date_bounds"].items()})


def plausible_for_cable(start: dt.date, end: dt.date, cable_date: dt.date | None) -> bool:
    """Whether an interval can be a date of a cable of ``cable_date`` (None: unknown,
    only the last year applies): it starts at most ``years_before_cable`` years
    before the cable and ends by ``last_year``."""
    if end.year > DATE_BOUNDS["last_year"]:
        return False
    if cable_date is None:
        return True
    earliest = cable_date.year - DATE_BOUNDS["years_before_cable"]
    return (start.year, start.month, start.day) >= (earliest, cable_date.month, cable_date.day)


#: the built-in event types, in the order of data/events.json (charts colour them so)
EVENT_TYPES: tuple[str, ...] = tuple(kind for kind in load_data("events.json")["triggers"] if not kind.startswith("_"))
#: the rules of ``singular`` (language.json "singular")
SINGULAR_RULES: Mapping[str, Any] = MappingProxyType(_LANGUAGE["singular"])


def calendar_names() -> frozenset[str]:
    """Month names and abbreviations and full weekday names, capitalised as in prose
    ("January", "Sept", "Monday"): words that are never an actor's name."""
    return frozenset(word.capitalize() for word in (*MONTHS, *WEEKDAYS))
