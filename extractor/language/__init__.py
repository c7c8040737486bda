"""Language knowledge shared by every stage: month and weekday names, number and
scale words, titles, plausible years, the event types, the singular of a noun, and
the user lexicon that adds triggers, units and currency aliases.

The tables live in ``data/language.json`` (the event types in ``data/events.json``),
are loaded once and are read-only."""

from .lexicon import LexiconError, UserLexicon, active_lexicon, event_types, load_lexicon, use_lexicon, using_lexicon
from .singular import singular
from .tables import (
    DATE_BOUNDS,
    EVENT_TYPES,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SCALE_WORDS,
    TITLE_WORDS,
    TITLES,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    YEARS,
    calendar_names,
    plausible_for_cable,
)

__all__ = [
    "DATE_BOUNDS", "EVENT_TYPES", "MONTHS", "NUMBER_WORDS", "ORDINAL_WORDS", "SCALE_WORDS", "TITLES", "TITLE_WORDS", "WEEKDAYS",
    "WEEKDAY_ABBREVIATIONS", "YEARS", "LexiconError", "UserLexicon", "active_lexicon", "calendar_names",
    "event_types", "load_lexicon", "plausible_for_cable", "singular", "use_lexicon", "using_lexicon",
]
