"""The singular of an English noun: inflect's ``singular_noun``, with the words it
mangles kept as written (the rules are data: language.json "singular")."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from .tables import SINGULAR_RULES

if TYPE_CHECKING:
    import inflect

_INVARIANT = frozenset(SINGULAR_RULES["invariant"])
_ENDINGS = tuple(SINGULAR_RULES["singular_endings"])
_MIN_LETTERS: int = SINGULAR_RULES["min_plural_letters"]

#: a word any of these holds for is its own singular ("news", "gas", "US", "crisis")
KEEP_AS_WRITTEN: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("invariant", lambda word: word.lower() in _INVARIANT),
    ("too short for a plural in -s", lambda word: len(word) < _MIN_LETTERS and word.lower().endswith("s")),
    ("acronym", str.isupper),
    ("singular ending", lambda word: word.lower().endswith(_ENDINGS)),
)


@lru_cache(maxsize=1)
def _engine() -> "inflect.engine":
    import inflect  # ~0.2 s: only when a singular is first needed

    return inflect.engine()


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """The singular of ``word`` ("cases" -> "case", "SIAs" -> "SIA", "policies" ->
    "policy"); a word that is not a plural comes back unchanged ("police", "news")."""
    if not word or any(keep(word) for _name, keep in KEEP_AS_WRITTEN):
        return word
    found = _engine().singular_noun(word)  # False when the word is not a plural
    return found if isinstance(found, str) and found else word
