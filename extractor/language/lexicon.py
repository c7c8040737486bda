"""A user lexicon (``dateline extract --lexicon FILE``): event triggers, units and
currency aliases added to the built-in tables without editing the package.

The file is YAML or JSON::

    events:            # triggers: words or phrases, each form as written
      protest: {verbs: [marched, rallied], nouns: [march, marches, rally]}
      visit: {nouns: [pilgrimage]}
    units:             # surfaces written after a number, by canonical unit code
      arroba: {dimension: mass, surfaces: [arroba, arrobas]}
    currencies:
      words: {lucas: COP}      # written after the number
      symbols: {"Bs.": VES}    # written before it

One lexicon is active per process (``use_lexicon``); the stages merge it into their
tables when they build them, and the extraction cache key includes its digest."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterator, Mapping

from .tables import EVENT_TYPES, MONTHS, WEEKDAYS, load_data

#: the modules that cache tables built with the active lexicon (refilled on first use)
READERS = ("extractor.quantities", "extractor.claims", "extractor.events_lexicon", "extractor.events",
           "extractor.events_attrs")
_TYPE_NAME = re.compile(r"[a-z][a-z_-]*")
_PARTS_OF_SPEECH = ("verbs", "nouns")
_CURRENCY_KINDS = ("words", "symbols")


class LexiconError(ValueError):
    """A user lexicon that cannot be used: the message names the file, the key and
    what was expected there."""


Forms = tuple[str, ...]


@dataclass(frozen=True)
class UserLexicon:
    #: (event type, verb forms, noun forms)
    triggers: tuple[tuple[str, Forms, Forms], ...] = ()
    #: (unit code, dimension, surfaces)
    units: tuple[tuple[str, str, Forms], ...] = ()
    #: (alias written after the number, ISO 4217 code)
    currency_words: tuple[tuple[str, str], ...] = ()
    #: (symbol written before the number, ISO 4217 code)
    currency_symbols: tuple[tuple[str, str], ...] = ()

    @property
    def digest(self) -> str:
        """A hash of the additions ("" for none): part of the extraction cache key."""
        if self == UserLexicon():
            return ""
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode()).hexdigest()

    def event_types(self) -> tuple[str, ...]:
        """The built-in event types, then the lexicon's new ones in its order."""
        return EVENT_TYPES + tuple(dict.fromkeys(kind for kind, _v, _n in self.triggers if kind not in EVENT_TYPES))

    def add_triggers(self, triggers: Mapping[str, Any]) -> dict[str, Any]:
        """events.json "triggers" with this lexicon's forms added (as literal words)."""
        merged = {kind: {pos: list(forms) for pos, forms in entry.items()} if isinstance(entry, dict) else entry
                  for kind, entry in triggers.items()}
        for kind, verbs, nouns in self.triggers:
            entry = merged.setdefault(kind, {"verbs": [], "nouns": []})
            for pos, forms in zip(_PARTS_OF_SPEECH, (verbs, nouns)):
                entry.setdefault(pos, []).extend(_literal(form) for form in forms)
        return merged

    def add_units(self, config: Mapping[str, Any]) -> dict[str, Any]:
        """units.json with this lexicon's unit surfaces and currency aliases added."""
        merged = dict(config)
        merged["units"] = {code: dict(spec) for code, spec in config["units"].items()}
        for code, dimension, surfaces in self.units:
            spec = merged["units"].setdefault(code, {"dimension": dimension, "surfaces": []})
            spec["surfaces"] = [*spec["surfaces"], *surfaces]
        merged["currency_words"] = {**config["currency_words"], **dict(self.currency_words)}
        merged["currency_prefixes"] = {**config["currency_prefixes"], **dict(self.currency_symbols)}
        return merged


def _literal(form: str) -> str:
    """A user's trigger form as a pattern of its words (spaces stay spaces: the event
    lexicon lets them match any blank). A form that is also a month or weekday name
    matches in lower case only: "march" the protest, not "March 3"."""
    pattern = " ".join(re.escape(word) for word in form.split())
    if form.lower() not in MONTHS and form.lower() not in WEEKDAYS:
        return pattern
    # checked behind the word, so that the form still opens with its letters (the
    # event lexicon indexes triggers by them)
    return pattern + f"(?<=(?-i:[a-z]).{{{len(form) - 1}}})"


# -- the active lexicon ------------------------------------------------------------

_ACTIVE = UserLexicon()


def active_lexicon() -> UserLexicon:
    return _ACTIVE


def use_lexicon(lexicon: UserLexicon) -> None:
    """Make ``lexicon`` the one the stages read; their cached tables are rebuilt."""
    global _ACTIVE
    if lexicon == _ACTIVE:
        return
    _ACTIVE = lexicon
    for name in READERS:
        module = sys.modules.get(name)
        for value in list(vars(module).values()) if module else ():
            clear = getattr(value, "cache_clear", None)
            if callable(clear):
                clear()


@contextmanager
def using_lexicon(lexicon: UserLexicon) -> Iterator[UserLexicon]:
    """``lexicon`` active inside the block, the previous one again after it."""
    previous = _ACTIVE
    use_lexicon(lexicon)
    try:
        yield lexicon
    finally:
        use_lexicon(previous)


def event_types() -> tuple[str, ...]:
    """The event types of the active lexicon: the built-in ones and the user's."""
    return _ACTIVE.event_types()


# -- reading and validating a lexicon file -------------------------------------------

@lru_cache(maxsize=1)
def known_currencies() -> frozenset[str]:
    """The ISO 4217 codes units.json names."""
    cfg = load_data("units.json")
    named = [*cfg["currency_prefixes"].values(), *cfg["currency_words"].values(),
             *cfg["local_currency_default"].values(),
             *(code for codes in cfg["country_currency"].values() for code in codes.values()),
             *(code for codes in cfg["currency_families"].values() for code in codes)]
    return frozenset(code for code in named if not code.startswith("LOCAL:"))


@lru_cache(maxsize=1)
def _unit_dimensions() -> tuple[Mapping[str, str], frozenset[str]]:
    """Built-in unit code -> dimension, and the dimensions a unit may have."""
    units = {code: spec["dimension"] for code, spec in load_data("units.json")["units"].items()}
    return units, frozenset(units.values())


def _fail(source: str, key: str, expected: str, got: Any) -> LexiconError:
    return LexiconError(f"{source}: {key or 'top level'}: expected {expected}, got {json.dumps(got, default=str)[:60]}")


def _mapping(value: Any, source: str, key: str, allowed: tuple[str, ...] = ()) -> Mapping[str, Any]:
    """``value`` checked to be a mapping with word keys (only ``allowed`` ones, if given);
    ``key`` is where it sits ("" for the top level)."""
    if not isinstance(value, dict):
        raise _fail(source, key, "a mapping" + (f" of {', '.join(allowed)}" if allowed else ""), value)
    for name in value:
        if not isinstance(name, str) or not name.strip():
            raise _fail(source, key, "keys that are words", name)
        if allowed and name not in allowed:
            raise _fail(source, f"{key}.{name}" if key else name, f"one of the keys {', '.join(allowed)}", name)
    return value


def _words(value: Any, source: str, key: str) -> Forms:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(word, str) and word.strip() for word in value):
        raise _fail(source, key, "a list of words or phrases", value)
    return tuple(" ".join(word.split()) for word in value)


def _triggers(section: Any, source: str) -> tuple[tuple[str, Forms, Forms], ...]:
    out = []
    for kind, entry in _mapping(section, source, "events").items():
        if not _TYPE_NAME.fullmatch(kind):
            raise _fail(source, f"events.{kind}", "an event type in lower-case letters (protest, visit)", kind)
        forms = _mapping(entry, source, f"events.{kind}", _PARTS_OF_SPEECH)
        verbs, nouns = (_words(forms.get(pos, []), source, f"events.{kind}.{pos}") for pos in _PARTS_OF_SPEECH)
        if not verbs and not nouns:
            raise _fail(source, f"events.{kind}", "at least one verb or noun", entry)
        out.append((kind, verbs, nouns))
    return tuple(out)


def _units(section: Any, source: str) -> tuple[tuple[str, str, Forms], ...]:
    built_in, dimensions = _unit_dimensions()
    out = []
    for code, entry in _mapping(section, source, "units").items():
        spec = _mapping(entry, source, f"units.{code}", ("dimension", "surfaces"))
        dimension = spec.get("dimension", built_in.get(code))
        if dimension not in dimensions or code in built_in and dimension != built_in[code]:
            expected = repr(built_in[code]) if code in built_in else "one of " + ", ".join(sorted(dimensions))
            raise _fail(source, f"units.{code}.dimension", expected, spec.get("dimension"))
        surfaces = _words(spec.get("surfaces"), source, f"units.{code}.surfaces")
        out.append((code, dimension, tuple(surface.lower() for surface in surfaces)))
    return tuple(out)


def _aliases(section: Mapping[str, Any], source: str, kind: str) -> tuple[tuple[str, str], ...]:
    aliases = _mapping(section.get(kind, {}), source, f"currencies.{kind}")
    for alias, code in aliases.items():
        if code not in known_currencies():
            raise _fail(source, f"currencies.{kind}.{alias}", "an ISO 4217 code Dateline knows (USD, MXN, COP ...)", code)
    return tuple((alias.lower(), code) for alias, code in aliases.items())


def _currencies(section: Any, source: str) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """(words, symbols): the aliases written after the number and before it."""
    section = _mapping(section, source, "currencies", _CURRENCY_KINDS)
    words, symbols = (_aliases(section, source, kind) for kind in _CURRENCY_KINDS)
    return words, symbols


def _parse(path: Path) -> Any:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise LexiconError(f"{path}: not valid JSON: {exc}") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            return yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise LexiconError(f"{path}: not valid YAML: {exc}") from None
    raise LexiconError(f"{path}: expected a .yaml, .yml or .json file")


#: the sections of a lexicon file and how each is read
SECTIONS: tuple[tuple[str, Callable[[Any, str], Any]], ...] = (
    ("events", _triggers),
    ("units", _units),
    ("currencies", _currencies),
)


def load_lexicon(path: str | Path) -> UserLexicon:
    """The lexicon in ``path``, validated; ``LexiconError`` says what is wrong where."""
    path = Path(path)
    source = str(path)
    try:
        data = _parse(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{source}: cannot be read: {exc}") from None
    names = tuple(name for name, _read in SECTIONS)
    data = _mapping(data, source, "", names)
    read = {name: reader(data[name], source) for name, reader in SECTIONS if name in data}
    currency_words, currency_symbols = read.get("currencies", ((), ()))
    return UserLexicon(triggers=read.get("events", ()), units=read.get("units", ()),
                       currency_words=currency_words, currency_symbols=currency_symbols)
