"""Numbers with units in one sentence: find, value, unit, qualifier, exclusions.

The common path is regex and table driven (``data/units.json``,
``data/claims.json``): candidate numbers (digits, spelled-out numbers, scale
words, ranges), currency prefixes, unit words, and the contexts that make a
number not a quantity (dates, years, references, names ...). quantulum3 is the
fallback parser for unit words our table does not know; it is imported lazily
and only ever sees a short window (number + three tokens), cached by window.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, repeat
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple, Sequence

from .language import (
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    SCALE_WORDS,
    TITLE_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    YEARS,
    active_lexicon,
)

DATA = Path(__file__).resolve().parent / "data"


# -- configuration --------------------------------------------------------------

@lru_cache(maxsize=1)
def units_config() -> dict[str, Any]:
    """units.json with the active user lexicon's units and currency aliases."""
    return active_lexicon().add_units(json.loads((DATA / "units.json").read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """claims.json with the shared month, weekday, number, scale and title words."""
    data: dict[str, Any] = json.loads((DATA / "claims.json").read_text(encoding="utf-8"))
    data.update(months=dict(MONTHS), weekdays=[*WEEKDAYS, *WEEKDAY_ABBREVIATIONS], number_words=dict(NUMBER_WORDS),
                multiplier_words=dict(SCALE_WORDS), title_words=sorted(TITLE_WORDS))
    return data


@dataclass(frozen=True)
class UnitTable:
    #: lower-case surface (words joined by one space) -> (code, dimension)
    surfaces: dict[str, tuple[str, str]]
    max_words: int
    currency_words: dict[str, str]
    currency_prefixes: dict[str, str]
    scales: dict[str, float]
    scale_after_space: frozenset[str]
    count_surfaces: frozenset[str]


@lru_cache(maxsize=1)
def unit_table() -> UnitTable:
    cfg = units_config()
    surfaces: dict[str, tuple[str, str]] = {}
    for code, spec in cfg["units"].items():
        for surface in spec["surfaces"]:
            surfaces[surface.lower()] = (code, spec["dimension"])
    words = list(surfaces) + list(cfg["currency_words"])
    max_words = max(len(_surface_key(w).split()) for w in words)
    return UnitTable(
        surfaces=surfaces,
        max_words=max_words,
        currency_words={k.lower(): v for k, v in cfg["currency_words"].items()},
        currency_prefixes={k.lower(): v for k, v in cfg["currency_prefixes"].items()},
        scales=dict(cfg["scales"]),
        scale_after_space=frozenset(cfg["scale_after_space"]),
        count_surfaces=frozenset(cfg["count_surfaces"]),
    )


def _surface_key(surface: str) -> str:
    """Surfaces are matched token by token: 'sq. km' -> 'sq . km'."""
    return " ".join(t.text.lower() for t in tokenize(surface))


@lru_cache(maxsize=1)
def _keyed_units() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    table = unit_table()
    units = {_surface_key(k): v for k, v in table.surfaces.items()}
    currencies = {_surface_key(k): v for k, v in table.currency_words.items()}
    return units, currencies


@lru_cache(maxsize=1)
def _keyed_first_words() -> tuple[frozenset[str], frozenset[str]]:
    """First tokens of the keys of _keyed_units (units, currency words): a phrase
    can only match where its first word stands."""
    units, currencies = _keyed_units()
    return frozenset(k.split(" ")[0] for k in units), frozenset(k.split(" ")[0] for k in currencies)


@lru_cache(maxsize=1)
def _keyed_prefixes() -> dict[str, tuple[str, bool]]:
    """Token key -> (code, written with a space). 'US$' must be glued; 'US $' may not."""
    return {_surface_key(k): (v, " " in k) for k, v in unit_table().currency_prefixes.items()}


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    c = cues()
    return {name: frozenset(c[name]) for name in (
        "label_words", "rank_words", "score_words", "weekdays", "year_context",
        "time_placement_before", "time_placement_after", "time_measure_openers", "pronoun_one_next",
        "pronoun_one_prev", "vague_words", "determiners", "period_blockers", "change_verbs", "clock_followers",
    )}


# -- tokens ---------------------------------------------------------------------

class Token(NamedTuple):
    text: str
    start: int
    end: int
    low: str


_TOKEN_RE = re.compile(
    # a letter opens both of the first two forms: read it once (faster, same tokens)
    r"[A-Za-z](?:\.(?:[A-Za-z]\.)+"             # U.S. E.O. a.m.
    r"|[A-Za-z]*[0-9]*(?:['’][A-Za-z]+|,s\b)?)"   # words, FY2009, GOM's, Mexico,s
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])"      # 1,200 / 3,000.5
    r"|[0-9]+(?:\.[0-9]+)?"                                # 1500 / 5.8
    r"|--|\S"
)
#: splits a text into [gap, token, gap, token, ..., gap]; the gaps are white space
_TOKEN_SPLIT_RE = re.compile("(" + _TOKEN_RE.pattern + ")")


_new_tuple = tuple.__new__


@lru_cache(maxsize=256)
def tokenize(text: str) -> tuple[Token, ...]:
    # A small cache: extract_claims keeps the tokens of one document itself. Tokens are
    # objects the GC tracks; a large cache keeps ~200k of them alive and slows every collection.
    if text.isascii():
        # tokenizing is a hot path: all in C, offsets are the running sum of the part lengths;
        # for ASCII, lower-casing a token equals slicing the lower-cased text
        parts = _TOKEN_SPLIT_RE.split(text)
        offsets = list(accumulate(map(len, parts), initial=0))
        texts = parts[1::2]
        # tuple.__new__ skips NamedTuple's keyword-handling constructor
        return tuple(map(_new_tuple, repeat(Token), zip(texts, offsets[1::2], offsets[2::2], map(str.lower, texts))))
    lowered = text.lower()  # once per text, when it keeps the length (not so for "İ")
    if len(lowered) != len(text):
        return tuple(Token(m.group(), m.start(), m.end(), m.group().lower()) for m in _TOKEN_RE.finditer(text))
    spans = [m.span() for m in _TOKEN_RE.finditer(text)]
    return tuple([_new_tuple(Token, (text[a:b], a, b, lowered[a:b])) for a, b in spans])


def _is_digit(tok: Token) -> bool:
    return "0" <= tok.text[0] <= "9"


def _number_of(tok: Token) -> float:
    return float(tok.text.replace(",", ""))


# -- quantities -------------------------------------------------------------------

@dataclass
class Quantity:
    """A number (or range) with its unit, as found in one sentence."""

    start: int  # char offsets of the quantity as written (currency prefix .. unit)
    end: int
    tok_start: int  # token index range of the same
    tok_end: int
    value: float | None
    low: float
    high: float
    unit: str
    unit_text: str
    dimension: str
    qualifier: str = "exact"
    period: str = ""
    #: token index where the qualifier phrase starts (== tok_start when none)
    qual_start: int = -1
    #: the number was spelled out ("two cases")
    spelled: bool = False
    #: written as a hyphenated adjective ("a 20-year sentence", "billion-dollar")
    adjective: bool = False
    #: first token index after the unit
    unit_end: int = -1
    excluded: str = ""  # why it is not a quantity, "" when it is


def _candidate_words() -> list[str]:
    return [*NUMBER_WORDS, *SCALE_WORDS]


@lru_cache(maxsize=1)
def _candidate_re() -> re.Pattern[str]:
    return re.compile(r"\d|\b(?:" + "|".join(_candidate_words()) + r")\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _number_word_re() -> re.Pattern[str]:
    """The words of _candidate_re, case-sensitive: matched against lower-cased ASCII text."""
    return re.compile(r"\b(?:" + "|".join(w.lower() for w in _candidate_words()) + r")\b")


_DIGIT_RE = re.compile(r"\d")


def has_candidates(text: str) -> bool:
    """Cheap pre-check: does the text hold any digit or number word at all?"""
    # same answer as _candidate_re, 3-4x faster: a plain digit scan first, then (for ASCII
    # text, where lower-casing is exact) a case-sensitive word scan; IGNORECASE is slow
    if _DIGIT_RE.search(text) is not None:
        return True
    if text.isascii():
        return _number_word_re().search(text.lower()) is not None
    return _candidate_re().search(text) is not None


@dataclass
class _SpelledNumber:
    """A spelled-out number as read so far: 'one hundred and twenty' is 120 in ``current``,
    'two million' moves into ``total``."""

    total: float = 0.0
    current: float = 0.0
    seen: bool = False
    last_kind: str = ""  #: "unit", "tens", "scale" or "" (after "hundred", "dozen")

    def add_word(self, value: int) -> bool:
        """Add a number word; False when it cannot continue this number."""
        if self.last_kind == "unit" or (self.last_kind == "tens" and value >= 10):
            return False  # "two three" or "twenty thirty": not one number
        self.current += value
        self.last_kind = "tens" if value >= 20 and value % 10 == 0 else "unit"
        self.seen = True
        return True

    def add_multiplier(self, value: int) -> None:
        if value in (100, 12):  # "hundred", "dozen" multiply the running number
            self.current = max(self.current, 1.0) * value
            self.last_kind = ""
        else:
            self.total += max(self.current, 1.0) * value
            self.current = 0.0
            self.last_kind = "scale"
        self.seen = True


def _parse_words(tokens: Sequence[Token], i: int) -> tuple[float, int] | None:
    """A spelled-out number starting at token i: 'twenty-five', 'one hundred and
    twenty', 'a dozen', 'two million'. Returns (value, end token index)."""
    number = _SpelledNumber()
    k = i
    if tokens[k].low in ("a", "an") and k + 1 < len(tokens) and tokens[k + 1].low in cues()["multiplier_words"]:
        number.current = 1.0
        k += 1
    while k < len(tokens) and _read_number_word(number, tokens, k):
        k += 1
    if not number.seen:
        return None
    return number.total + number.current, k


def _read_number_word(number: _SpelledNumber, tokens: Sequence[Token], k: int) -> bool:
    """Read token k into the number; False when the number ends before it."""
    words: dict[str, int] = cues()["number_words"]
    mults: dict[str, int] = cues()["multiplier_words"]
    w = tokens[k].low
    if w in words:
        return number.add_word(words[w])
    if w in mults and (number.seen or number.current):
        number.add_multiplier(mults[w])
        return True
    return _joins_number_words(number, tokens, k)


def _joins_number_words(number: _SpelledNumber, tokens: Sequence[Token], k: int) -> bool:
    """A hyphen ("twenty-five", written tight) or "and" ("one hundred and twenty") between number words."""
    w = tokens[k].low
    next_is_word = k + 1 < len(tokens) and tokens[k + 1].low in cues()["number_words"]
    if w == "-":
        return number.seen and next_is_word and number.last_kind == "tens" \
            and tokens[k].start == tokens[k - 1].end and tokens[k + 1].start == tokens[k].end
    return w == "and" and number.seen and number.last_kind in ("", "scale") and next_is_word


def _adjacent(a: Token, b: Token) -> bool:
    return a.end == b.start


def _match_phrase(tokens: Sequence[Token], j: int, table: dict[str, Any], max_words: int) -> tuple[Any, int] | None:
    """Longest phrase of tokens starting at j that is a key of table."""
    n = len(tokens)
    for k in range(min(max_words, n - j), 0, -1):
        key = " ".join(t.low for t in tokens[j:j + k])
        if key in table:
            return table[key], j + k
    return None


@lru_cache(maxsize=1)
def _qualifier_phrases() -> list[tuple[str, str]]:
    out = []
    for qual, phrases in cues()["qualifiers"].items():
        for p in phrases:
            out.append((" ".join(t.low for t in tokenize(p)), qual))
    out.sort(key=lambda x: -len(x[0].split()))
    return out


@lru_cache(maxsize=1)
def _period_phrases() -> list[tuple[str, str]]:
    out = []
    for period, phrases in cues()["periods"].items():
        for p in phrases:
            out.append((" ".join(t.low for t in tokenize(p)), period))
    out.sort(key=lambda x: -len(x[0].split()))
    return out


def country_of(origin: str = "", tags: str = "", country: str = "") -> str:
    """Lower-case country name from an explicit country (name or ISO code), the
    cable origin ("Embassy Bogota") or its tags ("PGOV MX")."""
    cfg = units_config()
    codes: dict[str, str] = cfg["country_codes"]
    cities: dict[str, str] = cfg["city_country"]
    known = set(cfg["country_currency"])
    if country:
        c = country.strip()
        if c.upper() in codes:
            return codes[c.upper()]
        if c.lower() in known:
            return c.lower()
        if c.lower() in cities:
            return cities[c.lower()]
        return country_of(origin=c) or c.lower()
    if origin:
        place = re.sub(r"^(?:embassy|consulate|us interests section|american institute \w+,?|mission|usun|reo|us mission)\s+",
                       "", origin.strip(), flags=re.IGNORECASE).lower()
        if place in cities:
            return cities[place]
        if place in known:
            return place
    for tag in tags.split():
        if tag in codes:
            return codes[tag]
    return ""


# -- currency context: what a bare "$", "dollars", "pesos", "pounds" means ------------------

@dataclass(frozen=True)
class CurrencyContext:
    """What decides a bare currency word: the cable's country and the currencies (ISO
    codes) the sentence's paragraph and the whole cable name explicitly ("Z$", "ZWD",
    "Zimbabwe dollars"; a bare "$" or "dollars" names none)."""

    country: str = ""
    paragraph: frozenset[str] = frozenset()
    cable: frozenset[str] = frozenset()

    def excluding(self, codes: frozenset[str]) -> "CurrencyContext":
        """The context of an amount that converts one in ``codes`` ("NT$ 3 billion ($90
        million)"): the amount is not in the currency it converts."""
        if not codes:
            return self
        return CurrencyContext(self.country, self.paragraph - codes, self.cable - codes)


@lru_cache(maxsize=1)
def _currency_families() -> dict[str, frozenset[str]]:
    return {word: frozenset(codes) for word, codes in units_config()["currency_families"].items()
            if not word.startswith("_")}


def _the_one_named(word: str, named: frozenset[str]) -> str:
    """The member of the family of ``word`` that ``named`` holds, when it holds exactly one."""
    members = named & _currency_families().get(word, frozenset())
    return next(iter(members)) if len(members) == 1 else ""


def _named_in_paragraph(word: str, context: CurrencyContext) -> str:
    return _the_one_named(word, context.paragraph)


def _named_in_cable(word: str, context: CurrencyContext) -> str:
    return _the_one_named(word, context.cable)


def _of_the_country(word: str, context: CurrencyContext) -> str:
    return units_config()["country_currency"].get(context.country, {}).get(word, "")


def _default_currency(word: str, context: CurrencyContext) -> str:
    return units_config()["local_currency_default"].get(word, "")


#: how a bare currency word (LOCAL:<word>) is decided, first answer wins. The country
#: comes before the rest of the cable: a Havana cable that names "convertible pesos"
#: once still pays its salaries in (CUP) pesos. There is no country step for "dollar"
#: (country_currency has none): a bare dollar is USD unless the paragraph or the cable
#: names a local dollar (ANNOTATION.md).
_BARE_CURRENCY_STEPS = (_named_in_paragraph, _of_the_country, _named_in_cable, _default_currency)


def resolve_currency(code: str, country: str = "", context: CurrencyContext | None = None) -> str:
    """ISO code of a currency as read: a code stays; LOCAL:<word> is decided by
    _BARE_CURRENCY_STEPS in ``context`` (default: just ``country``)."""
    if not code.startswith("LOCAL:"):
        return code
    word = code.split(":", 1)[1]
    if context is None:
        context = CurrencyContext(country=country)
    for step in _BARE_CURRENCY_STEPS:
        found = step(word, context)
        if found:
            return found
    return ""


def named_currencies(sentences: Iterable[Sequence[Token]]) -> frozenset[str]:
    """ISO codes of the currencies some tokenized sentences name explicitly: a code or
    symbol before a number ("Z$5 million", "ZWD 5"), a code after one ("500,000 ISK"),
    a currency name of two words or more ("Zimbabwe dollars", "the Zimbabwe dollar
    exchange rate"; one word alone is too often no currency: "cop killer", "COP-16")."""
    found: set[str] = set()
    for tokens in sentences:
        for i in range(len(tokens)):
            code = _named_currency_at(tokens, i)
            if code and not code.startswith("LOCAL:"):
                found.add(code)
    return frozenset(found)


def _named_currency_at(tokens: Sequence[Token], i: int) -> str:
    tok = tokens[i]
    if _is_digit(tok):
        prefix = _currency_prefix(tokens, i) or _currency_name_before(tokens, i)
        return prefix[0] if prefix else ""
    if i > 0 and _iso_code_after(tok) and (_is_digit(tokens[i - 1]) or tokens[i - 1].text in unit_table().scales):
        return tok.text
    if tok.low in _keyed_first_words()[1]:
        found = _match_phrase(tokens, i, _keyed_units()[1], 3)
        return found[0] if found and found[1] - i > 1 else ""
    return ""


# -- quantulum3 fallback -------------------------------------------------------------

@lru_cache(maxsize=1)
def _quantulum_vocabulary() -> tuple[frozenset[str], frozenset[str]]:
    from quantulum3 import load

    units = load.units()
    surfaces = frozenset(s.lower() for s in units.surfaces_lower)
    symbols = frozenset(units.symbols)
    return surfaces, symbols


@lru_cache(maxsize=4096)
def quantulum_unit(window: str) -> tuple[str, str, str, float] | None:
    """(code, dimension, surface of the unit, value) of the quantity quantulum3
    reads at the very start of window, or None. Cached by window text."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        try:
            found = parser.parse(window)
        except Exception:  # quantulum3 raises on odd input; a miss is fine
            return None
    cfg = units_config()
    reject_entities = set(cfg["quantulum_reject_entities"])
    for q in found:
        if q.span[0] != 0:
            continue
        unit = q.unit
        entity = unit.entity.name
        if entity in reject_entities:
            return None
        surface = window[q.span[0]:q.span[1]]
        code = getattr(unit, "currency_code", None)
        if entity == "currency" and code:
            return code, "currency", surface, float(q.value)
        dimension = {"mass": "mass", "length": "length", "area": "area", "volume": "volume", "time": "time"}.get(entity, "other")
        return unit.name, dimension, surface, float(q.value)
    return None


def _quantulum_candidate(tokens: Sequence[Token], j: int) -> bool:
    """Is the token at j a unit surface quantulum3 knows and we have not rejected?"""
    if j >= len(tokens):
        return False
    tok = tokens[j]
    reject = _reject_surfaces()
    if tok.low in reject or not tok.text[0].isalpha() and tok.text not in ("°", "µ", "′", "″"):
        return False
    try:
        surfaces, symbols = _quantulum_vocabulary()
    except Exception:  # quantulum3 missing or broken: no fallback
        return False
    return tok.low in surfaces or tok.text in symbols


@lru_cache(maxsize=1)
def _reject_surfaces() -> frozenset[str]:
    return frozenset(s.lower() for s in units_config()["quantulum_reject_surfaces"])


# -- the scanner ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def _number_starters() -> frozenset[str]:
    """Lower-case words at which find_quantities may read a number."""
    return frozenset(cues()["multiplier_words"]) | frozenset(cues()["number_words"]) | {"a", "an"}


def find_quantities(text: str, tokens: Sequence[Token] | None = None, country: str = "",
                    keep_excluded: bool = False, context: CurrencyContext | None = None) -> list[Quantity]:
    """All quantities of one sentence, in order. Excluded candidates (dates,
    references ...) are dropped unless keep_excluded (then ``excluded`` says why).
    ``context`` (the paragraph's and cable's named currencies; default: ``country``
    alone) decides bare currency words."""
    if tokens is None:
        tokens = tokenize(text)
    if context is None:
        context = CurrencyContext(country=country)
    out: list[Quantity] = []
    n = len(tokens)
    i = 0
    starters = _number_starters()
    while i < n:
        tok = tokens[i]
        if tok.low not in starters and not "0" <= tok.text[0] <= "9":
            i += 1  # neither a digit nor a word a number can start with: nothing below applies
            continue
        q = _candidate_at(text, tokens, i, context)
        if q is None:
            i += 1
            continue
        if not q.excluded:
            _exclusions(text, tokens, q)
        if not q.excluded or keep_excluded:
            out.append(q)
        i = max(q.tok_end, i + 1)
    _share_trailing_units(text, tokens, out)
    return out


#: what stands between the figures of a list that share the last one's unit: before the last
#: figure "and"/"or" ("1.9 and 1.5%"; not ", or": "630,000, or 4.1 percent" restates), a comma
#: or "and" between earlier ones ("12, 15 and 20 percent")
_LIST_END = frozenset({("and",), ("or",), (",", "and")})
_LIST_GLUE = frozenset({(",",), ("and",), (",", "and")})


def _share_trailing_units(text: str, tokens: Sequence[Token], found: list[Quantity]) -> None:
    """"1.9 and 1.5%", "12, 15 and 20 percent": bare figures listed before one with a unit
    written after its number take that unit (right to left, so the whole list does). Not
    after a scale word ("2 and 3 million dollars": is the first 2 or 2 million?)."""
    following: Quantity | None = None
    source: Quantity | None = None  # the figure whose unit is written
    for q in reversed(found):
        if q.excluded:
            following = source = None
            continue
        glue = tuple(t.low for t in tokens[q.tok_end:following.tok_start]) if following is not None else ()
        if following is not None and source is not None and q.unit == "count" and not q.unit_text \
                and glue in (_LIST_END if following is source else _LIST_GLUE):
            q.unit, q.dimension, q.period = source.unit, source.dimension, source.period
        elif _written_after(text, tokens, q):
            source = q
        else:
            source = None
        following = q


def _written_after(text: str, tokens: Sequence[Token], q: Quantity) -> bool:
    """A unit written after the number, with no scale word: "1.5%", "20 percent", "3 dollars"."""
    return q.unit != "count" and bool(q.unit_text) and text[q.start:q.end].endswith(q.unit_text) \
        and not q.adjective and not any(t.low in SCALE_WORDS for t in tokens[q.tok_start:q.unit_end])


def _candidate_at(text: str, tokens: Sequence[Token], i: int, context: CurrencyContext) -> Quantity | None:
    """The candidate quantity whose number starts at token i, if any."""
    tok = tokens[i]
    if _is_digit(tok):
        return _scan(text, tokens, i, context)
    adjective = _scale_dollar_adjective(tokens, i, context)
    if adjective is not None:
        return adjective
    mults: dict[str, int] = cues()["multiplier_words"]
    if tok.low in cues()["number_words"] or (tok.low in ("a", "an") and i + 1 < len(tokens)
                                             and tokens[i + 1].low in mults):
        return _scan(text, tokens, i, context)
    return None


def _scale_dollar_adjective(tokens: Sequence[Token], i: int, context: CurrencyContext) -> Quantity | None:
    """A scale word made an adjective with "dollar": "the billion-dollar scheme"."""
    mults: dict[str, int] = cues()["multiplier_words"]
    tok = tokens[i]
    if not (tok.low in mults and tok.low not in ("hundred", "dozen", "thousand") and i + 2 < len(tokens)
            and tokens[i + 1].text == "-" and tokens[i + 2].low in ("dollar", "dollars")
            and _adjacent(tok, tokens[i + 1]) and (i == 0 or tokens[i - 1].low in ("a", "the", "multi", "an"))):
        return None
    value = float(mults[tok.low])
    return Quantity(tok.start, tokens[i + 2].end, i, i + 3, value, value, value,
                    resolve_currency("LOCAL:dollar", context=context), tokens[i + 2].text,
                    "currency", adjective=True, unit_end=i + 3, qual_start=i)


def _read_number(tokens: Sequence[Token], i: int, allow_glued_scale: bool) -> tuple[float, int, bool] | None:
    """Number at i with its scale word: (value, end index, spelled)."""
    tok = tokens[i]
    if _is_digit(tok):
        value, j, spelled = _number_of(tok), i + 1, False
    else:
        parsed = _parse_words(tokens, i)
        if parsed is None:
            return None
        (value, j), spelled = parsed, True
    if _and_a_half(tokens, j):
        value, j = value + 0.5, j + 3  # "216 and a half"
    scale = _scale_at(tokens, j, allow_glued_scale)
    if scale is not None:
        value, j = value * scale, j + 1
    return value, j, spelled


def _and_a_half(tokens: Sequence[Token], j: int) -> bool:
    return j + 2 < len(tokens) and tokens[j].low == "and" and tokens[j + 1].low == "a" and tokens[j + 2].low == "half"


def _scale_at(tokens: Sequence[Token], j: int, allow_glued_scale: bool) -> float | None:
    """The scale word at j after a number ("5 million", "3bn"; "5M" only when a currency
    prefix allows it): its factor, None when there is none."""
    if j >= len(tokens):
        return None
    table = unit_table()
    nxt = tokens[j]
    glued = _adjacent(tokens[j - 1], nxt)
    if nxt.low in table.scale_after_space or (glued and nxt.text in table.scales and allow_glued_scale) \
            or (glued and nxt.low in ("bn", "mn", "mln", "tn", "trn", "bln")):
        return table.scales.get(nxt.text, table.scales.get(nxt.low, 1.0))
    return None


@lru_cache(maxsize=1)
def _prefix_last_words() -> frozenset[str]:
    return frozenset(key.split(" ")[-1] for key in _keyed_prefixes())


def _iso_code_after(tok: Token) -> bool:
    """An upper-case ISO 4217 code ("ISK", "KES") that the prefix table knows as itself."""
    return len(tok.text) == 3 and tok.text.isalpha() and tok.text.isupper() \
        and unit_table().currency_prefixes.get(tok.low) == tok.text


def _currency_prefix(tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    """Currency code and start index of a symbol/code written before token i."""
    if i == 0 or tokens[i - 1].low not in _prefix_last_words():
        return None  # every key ends with the token right before the number
    for k in (3, 2, 1):
        code = _prefix_of(tokens, i - k, i) if i - k >= 0 else None
        if code is not None:
            return code, i - k
    return None


def _prefix_of(tokens: Sequence[Token], start: int, i: int) -> str | None:
    """The currency code written as tokens start..i (right before the number at i), if they are one."""
    span = tokens[start:i]
    if any(b.start - a.end > 1 for a, b in zip(span, list(span[1:]) + [tokens[i]])):
        return None
    found = _keyed_prefixes().get(" ".join(t.low for t in span))
    if found is None:
        return None
    code, spaced = found
    if not spaced and any(a.end != b.start for a, b in zip(span, span[1:])):
        return None
    last = span[-1]
    # alphabetic codes must be written as codes (USD, Ps) not words
    if last.text.isalpha() and len(last.text) == 3 and (last.text.islower() or last.text.istitle()) \
            and code.lower() == last.low:
        return None  # "cop", "Pen": a word; "KSh", "Ksh" are written as codes
    return code


def _currency_name_before(tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    """A currency named in words before the number ("Irish pounds 700 million", "US
    dollars 5 million"): code and start index. Two or three words, a named currency
    (no bare word), not the unit of a number before it."""
    if i < 2 or not tokens[i - 1].text.isalpha():
        return None
    _, currency_words = _keyed_units()
    for k in (3, 2):
        if i - k < 0:
            continue
        code = currency_words.get(" ".join(t.low for t in tokens[i - k:i]), "")
        if not code or code.startswith("LOCAL:"):
            continue
        before = tokens[i - k - 1] if i - k > 0 else None
        if before is not None and (_is_digit(before) or before.low in unit_table().scales
                                   or before.low in cues()["number_words"]):
            return None  # "5 million Egyptian pounds 2 ...": the unit of the number before
        return code, i - k
    return None


def _conversion_partner(tokens: Sequence[Token], start: int, end: int) -> frozenset[str]:
    """Currencies named by the amount that this one (tokens start..end) converts, in
    brackets after it or before it: "NT$3 billion ($90 million)", "$90 million (NT$3 billion)"."""
    k = start - 1
    qualifier_words = _qualifier_lookup()[1]
    while k >= max(0, start - 3) and tokens[k].low in qualifier_words:
        k -= 1  # "(about $90 million)"
    if k >= 0 and tokens[k].text == "(":
        return named_currencies([tokens[max(0, k - 6):k]])
    if end < len(tokens) and tokens[end].text == "(":
        return named_currencies([tokens[end + 1:end + 7]])
    return frozenset()


def _money(code: str, tokens: Sequence[Token], start: int, end: int, context: CurrencyContext) -> str:
    """The currency of an amount written with ``code`` (tokens start..end) in ``context``."""
    if not code.startswith("LOCAL:"):
        return code
    return resolve_currency(code, context=context.excluding(_conversion_partner(tokens, start, end)))


# -- pounds: mass or money ---------------------------------------------------------------

class _Pounds(NamedTuple):
    """A number written with 'pound(s)': the words around it, lower case."""

    before: tuple[str, ...]  # up to four words before the number, within its clause
    after: str  # the word right after "pounds"
    of_words: tuple[str, ...]  # the three words after "pounds of"
    value: float
    is_range: bool


_CLAUSE_BREAKS = frozenset(",;:.()")


def _pounds_of(tokens: Sequence[Token], start: int, end: int, value: float, is_range: bool) -> _Pounds:
    before: list[str] = []
    for tok in reversed(tokens[max(0, start - 4):start]):
        if tok.text in _CLAUSE_BREAKS:
            break
        before.append(tok.low)
    after = tokens[end].low if end < len(tokens) else ""
    of_words: list[str] = []
    if after == "of":
        for tok in tokens[end + 1:end + 4]:
            if tok.text in _CLAUSE_BREAKS:
                break
            of_words.append(tok.low)
    return _Pounds(tuple(before), after, tuple(of_words), value, is_range)


def _priced_in_pounds(p: _Pounds) -> bool | None:
    """'worth 5 million pounds', '300 pounds worth of', 'paid 300 pounds': money."""
    cues_ = _pound_words()["pound_money_cues"]
    return True if p.after in cues_ or not cues_.isdisjoint(p.before) else None


def _pounds_of_a_commodity(p: _Pounds) -> bool | None:
    """'5 million pounds of marijuana', 'marijuana seizures of 300 pounds': mass."""
    goods = _pound_words()["pound_commodities"]
    return False if not goods.isdisjoint(p.of_words) or not goods.isdisjoint(p.before) else None


def _pounds_by_the_million(p: _Pounds) -> bool | None:
    """'5 million pounds' with nothing else to go by is money far more often than mass."""
    return True if p.value >= 1e6 and not p.is_range else None


#: is a number of "pounds" money? The first check with an answer decides; none: mass
_POUND_CHECKS = (_priced_in_pounds, _pounds_of_a_commodity, _pounds_by_the_million)


def _pounds_are_money(p: _Pounds) -> bool:
    for check in _POUND_CHECKS:
        answer = check(p)
        if answer is not None:
            return answer
    return False


@lru_cache(maxsize=1)
def _pound_words() -> dict[str, frozenset[str]]:
    cfg = units_config()
    return {name: frozenset(w.lower() for w in cfg[name]) for name in ("pound_commodities", "pound_money_cues")}


@dataclass
class _Reading:
    """A quantity being read from its number on: the range, a "plus", the unit."""

    text: str
    tokens: Sequence[Token]
    i: int  #: the number token
    context: CurrencyContext
    prefix: tuple[str, int] | None  #: currency code and start index written before the number
    value: float
    j: int  #: first token after the number (or range) read so far
    spelled: bool
    low: float = 0.0
    high: float = 0.0
    is_range: bool = False
    qualifier_after: str = ""
    u: int = 0  #: where the unit may start (after a joining hyphen)
    hyphen_adj: bool = False
    unit_code: str = "count"
    unit_text: str = ""
    dimension: str = "count"
    unit_end: int = 0
    period: str = ""

    def __post_init__(self) -> None:
        self.low = self.high = self.value

    @property
    def n(self) -> int:
        return len(self.tokens)

    @property
    def start_idx(self) -> int:
        return self.prefix[1] if self.prefix else self.i


def _scan(text: str, tokens: Sequence[Token], i: int, context: CurrencyContext) -> Quantity | None:
    prefix = _currency_prefix(tokens, i) or _currency_name_before(tokens, i)
    first = _read_number(tokens, i, allow_glued_scale=prefix is not None)
    if first is None:
        return None
    r = _Reading(text, tokens, i, context, prefix, *first)
    _read_range(r)
    _read_plus(r)
    _read_joining_hyphen(r)
    if r.prefix:
        _read_prefixed_unit(r)
    elif not _read_unit_word(r) and not _read_count_noun(r):
        if r.hyphen_adj:
            return _hyphenated_adjective(r)
        _read_quantulum_unit(r)
    return _quantity_of(r)


# -- ranges: 20-30, five to six, five or six, between X and Y, USD 3k to USD 30k

def _and_without_between(r: _Reading, sep: Token, k: int) -> bool:
    return sep.low == "and" and not (r.start_idx > 0 and r.tokens[r.start_idx - 1].low == "between")


def _dash_before_a_word(r: _Reading, sep: Token, k: int) -> bool:
    return sep.low in ("-", "–", "—") and not (_is_digit(r.tokens[k]) if k < r.n else False) and not r.spelled


def _year_then_next_figure(r: _Reading, sep: Token, k: int) -> bool:
    # "7.3 million tons in 2007 to 6.2 million tons": a year, then the next figure
    tokens, i = r.tokens, r.i
    return i > 0 and _is_digit(tokens[i]) and _year_like(tokens[i]) and tokens[i - 1].low in cues()["year_context"] \
        and k < r.n and not (_is_digit(tokens[k]) and _year_like(tokens[k]))


def _change_from_to(r: _Reading, sep: Token, k: int) -> bool:
    # "reduces the Council from 20 to 13 members": a figure before and one after, not a range
    tokens, start = r.tokens, r.start_idx
    if sep.low != "to" or start == 0 or tokens[start - 1].low != "from":
        return False
    verbs = _sets()["change_verbs"]
    return any(t.low in verbs for t in tokens[max(0, start - 6):start - 1])


#: what makes a range word not join two numbers (the separator, the second number's index)
_NOT_A_RANGE: tuple[Callable[[_Reading, Token, int], bool], ...] = (
    _and_without_between, _dash_before_a_word, _year_then_next_figure, _change_from_to)


def _second_number_index(tokens: Sequence[Token], k: int) -> int:
    """Where the second number of a range starts: past its own currency prefix ("USD 3k to USD 30k")."""
    n = len(tokens)
    second_prefix = _currency_prefix(tokens, k + 1) if k + 1 < n and _is_digit(tokens[min(k + 1, n - 1)]) else None
    return k + 1 if second_prefix and second_prefix[1] == k else k


def _read_range(r: _Reading) -> None:
    tokens, j = r.tokens, r.j
    if not (j + 1 < r.n and tokens[j].low in ("-", "–", "—", "to", "or", "and", "through", "thru")):
        return
    k = _second_number_index(tokens, j + 1)
    if any(blocks(r, tokens[j], k) for blocks in _NOT_A_RANGE):
        return
    if not (k < r.n and (_is_digit(tokens[k]) or tokens[k].low in cues()["number_words"])
            and _is_digit(tokens[k]) == _is_digit(tokens[r.i])):
        return
    second = _read_number(tokens, k, allow_glued_scale=r.prefix is not None)
    if second is None:
        return
    v2, j2, _ = second
    raw2 = _written_number(tokens, k, v2, j2)
    if v2 != raw2 and r.value == (_number_of(tokens[r.i]) if _is_digit(tokens[r.i]) else r.value) and r.value < raw2:
        r.value = r.value * (v2 / raw2)  # "5 to 6 million": scale both
    r.low, r.high, r.is_range, r.j = r.value, v2, True, j2


def _written_number(tokens: Sequence[Token], k: int, value: float, end: int) -> float:
    """The number at k as written, before its scale word (``value`` with it, ``end`` after it)."""
    if _is_digit(tokens[k]):
        return _number_of(tokens[k])
    scales = unit_table().scales
    last = tokens[end - 1].low
    if last in scales and end - 1 > k:
        return value / scales[last]  # "two and three million"
    return value


# -- after the number: "40-plus", "40 plus", "20-year"

def _read_plus(r: _Reading) -> None:
    tokens, j, n = r.tokens, r.j, r.n
    if j + 1 < n and tokens[j].text == "-" and tokens[j + 1].low == "plus" and _adjacent(tokens[j - 1], tokens[j]):
        r.qualifier_after, r.j = "more_than", j + 2  # "40-plus percent"
    elif j < n and tokens[j].low == "plus" and j + 1 < n and not _is_digit(tokens[j + 1]):
        r.qualifier_after, r.j = "more_than", j + 1
    r.unit_end = r.j


def _read_joining_hyphen(r: _Reading) -> None:
    tokens, u = r.tokens, r.j
    r.u = u
    if u + 1 < r.n and tokens[u].text == "-" and _adjacent(tokens[u - 1], tokens[u]) \
            and _adjacent(tokens[u], tokens[u + 1]):
        r.hyphen_adj, r.u = True, u + 1


# -- the unit

def _currency_word_at(tokens: Sequence[Token], u: int) -> tuple[str, int] | None:
    _, currency_words = _keyed_units()
    _, currency_firsts = _keyed_first_words()
    return _match_phrase(tokens, u, currency_words, 3) if u < len(tokens) and tokens[u].low in currency_firsts else None


def _read_prefixed_unit(r: _Reading) -> None:
    """A currency prefix is the unit ("$5 million", "US$ 3 billion"); a currency word after
    the number repeats it ("$214 million dollars") or names what a bare symbol leaves open
    ("$5 million Zimbabwe dollars")."""
    assert r.prefix is not None
    tokens = r.tokens
    r.unit_text = " ".join(t.text for t in tokens[r.prefix[1]:r.i]).replace(" $", "$")
    r.dimension = "currency"
    word = _currency_word_at(tokens, r.u)
    if word is not None:
        r.unit_end = word[1]
    else:
        r.hyphen_adj = False
    code = word[0] if word is not None and r.prefix[0].startswith("LOCAL:") else r.prefix[0]
    r.unit_code = _money(code, tokens, r.start_idx, max(r.unit_end, r.j), r.context)


def _read_unit_word(r: _Reading) -> bool:
    """A currency or measure word after the number, the longer one when both; True when one is there."""
    tokens, u = r.tokens, r.u
    currency = _currency_word_at(tokens, u)
    if currency is not None and tokens[u].text == "real":
        currency = None  # "zero real growth": the adjective; the currency is written "Real", "reais"
    units, _ = _keyed_units()
    unit_firsts, _ = _keyed_first_words()
    measure = _match_phrase(tokens, u, units, unit_table().max_words) \
        if u < r.n and tokens[u].low in unit_firsts else None
    if currency is None and measure is None and u < r.n and _iso_code_after(tokens[u]):
        currency = (tokens[u].text, u + 1)  # "500,000 ISK": an ISO code written after the number
    if currency is not None and (measure is None or currency[1] >= measure[1]):
        _take_currency(r, currency)
    elif measure is not None:
        _take_measure(r, measure)
    else:
        return False
    return True


def _take_currency(r: _Reading, match: tuple[str, int]) -> None:
    code, end = match
    r.unit_code = _money(code, r.tokens, r.start_idx, end, r.context) or "USD"
    r.unit_text = " ".join(t.text for t in r.tokens[r.u:end])
    r.dimension = "currency"
    r.unit_end = end


def _take_measure(r: _Reading, match: tuple[tuple[str, str], int]) -> None:
    (code, dimension), end = match
    first = r.tokens[r.u]
    if first.low in ("m", "g", "l", "mt") and first.text != first.low:
        return  # "5 M", "3 G": not metres or grams
    if code == "lb" and first.low in ("pound", "pounds") \
            and _pounds_are_money(_pounds_of(r.tokens, r.start_idx, end, r.value, r.is_range)):
        r.unit_code = _money("LOCAL:pound", r.tokens, r.start_idx, end, r.context)
        r.dimension = "currency"
    else:
        r.unit_code, r.dimension = code, dimension
        period_units = units_config().get("period_units", {})
        if code in period_units:
            r.unit_code, r.period = period_units[code]
    r.unit_text = " ".join(t.text for t in r.tokens[r.u:end])
    r.unit_end = end


def _read_count_noun(r: _Reading) -> bool:
    """A hyphenated count noun: "a 20-member team"."""
    tokens, u = r.tokens, r.u
    if not (r.hyphen_adj and u < r.n and tokens[u].low in unit_table().count_surfaces):
        return False
    r.unit_text = tokens[u].text
    r.unit_end = u + 1
    return True


def _hyphenated_adjective(r: _Reading) -> Quantity:
    """A hyphenated adjective that is not a measure: "two-way", "three-judge panel"."""
    start, u = r.start_idx, r.u
    return Quantity(r.tokens[start].start, r.tokens[u].end, start, u + 1, r.value, r.low, r.high, "count", "",
                    "count", spelled=r.spelled, adjective=True, unit_end=u + 1, qual_start=start,
                    excluded="hyphenated adjective")


def _read_quantulum_unit(r: _Reading) -> None:
    """A unit the unit table does not know, found by quantulum3; it must cover whole tokens."""
    tokens, u, n = r.tokens, r.u, r.n
    units, _ = _keyed_units()
    if not (u < n and not tokens[u].low in units and _quantulum_candidate(tokens, u)):
        return
    number_start = tokens[r.i].start
    found = quantulum_unit(r.text[number_start:tokens[min(u + 2, n - 1)].end])
    if found is None:
        return
    code, dimension, surface, _ = found
    unit_stop = number_start + len(surface)
    k = u
    while k < n and tokens[k].end <= unit_stop:
        k += 1
    if k > u:
        r.unit_code, r.dimension, r.unit_end = code, dimension, k
        r.unit_text = " ".join(t.text for t in tokens[u:k])


def _quantity_of(r: _Reading) -> Quantity:
    if r.hyphen_adj and r.unit_end == r.j:
        r.hyphen_adj = False
    start, end = r.start_idx, max(r.unit_end, r.j)
    tokens = r.tokens
    q = Quantity(start=tokens[start].start, end=tokens[end - 1].end, tok_start=start, tok_end=end,
                 value=None if r.is_range else r.value, low=r.low, high=r.high, unit=r.unit_code,
                 unit_text=r.unit_text, dimension=r.dimension, spelled=r.spelled, adjective=r.hyphen_adj,
                 unit_end=end, period=r.period, qual_start=start)
    if r.is_range:
        q.qualifier = "range"
        if not r.low < r.high:
            q.excluded = "not a range (score or reversed)"
    if r.qualifier_after:
        q.qualifier = r.qualifier_after
    _qualify(tokens, q)
    if not r.period:
        q.period = _period(tokens, q)
    return q


@lru_cache(maxsize=1)
def _qualifier_index() -> tuple[dict[int, dict[str, str]], list[tuple[tuple[str, ...], str]]]:
    """Qualifier phrases before the number by length, and suffix phrases as token tuples."""
    before: dict[int, dict[str, str]] = {}
    for phrase, qual in _qualifier_phrases():
        before.setdefault(len(phrase.split()), {}).setdefault(phrase, qual)
    suffixes = [(tuple(t.low for t in tokenize(p)), qual)
                for qual, phrases in cues()["qualifier_suffixes"].items() for p in phrases]
    return before, suffixes


@lru_cache(maxsize=1)
def _qualifier_lookup() -> tuple[list[tuple[int, dict[str, str]]], frozenset[str],
                                 dict[str, list[tuple[tuple[str, ...], str]]]]:
    """_qualifier_index arranged for _qualify: the before-phrases longest first, the set of
    their last words, and the suffixes by first word (in their order)."""
    before, suffixes = _qualifier_index()
    by_length = [(k, before[k]) for k in sorted(before, reverse=True)]
    last_words = frozenset(phrase.split()[-1] for phrases in before.values() for phrase in phrases)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, qual in suffixes:
        if words:  # an empty suffix phrase would say nothing
            by_first.setdefault(words[0], []).append((words, qual))
    return by_length, last_words, by_first


def _qualify(tokens: Sequence[Token], q: Quantity) -> None:
    if q.qualifier == "range":
        return
    by_length, last_words, by_first = _qualifier_lookup()
    n = len(tokens)
    # a phrase before the number ends with the token right before it: test that one word first
    if q.qualifier == "exact" and q.tok_start > 0 and tokens[q.tok_start - 1].low in last_words:
        for k, phrases in by_length:
            s = q.tok_start - k
            if s < 0:
                continue
            qual = phrases.get(" ".join(t.low for t in tokens[s:q.tok_start]))
            if qual:
                q.qual_start, q.qualifier = s, qual
                break
    # suffixes: "or more", "-odd", "in the 20 percent range"
    j = q.tok_end
    if j >= n:
        return
    for words, qual in by_first.get(tokens[j].low, ()):
        if j + len(words) <= n and tuple(t.low for t in tokens[j:j + len(words)]) == words:
            if q.qualifier == "exact":
                q.qualifier = qual
            return


@lru_cache(maxsize=1)
def _period_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Period phrases by their first token, longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, period in _period_phrases():
        words = tuple(phrase.split())
        index.setdefault(words[0], []).append((words, period))
    return index


def _period(tokens: Sequence[Token], q: Quantity) -> str:
    """Rate period in the few tokens after the quantity ("1500 SIAs annually")."""
    blockers = _sets()["period_blockers"]
    j = q.tok_end
    for k in range(j, min(len(tokens), j + 7)):
        tok = tokens[k]
        if tok.text in (",", ";", ".", ":", "(", ")") or _is_digit(tok):
            break
        period = _period_at(tokens, q, k)
        if period is not None:
            return period
        if tok.low in blockers and k > j:
            break
    return ""


def _period_at(tokens: Sequence[Token], q: Quantity, k: int) -> str | None:
    """The period named by the phrase at k ("" when its context says it is no rate:
    "two years ago", "in a year"); None when no period phrase starts at k."""
    n = len(tokens)
    for words, period in _period_index().get(tokens[k].low, ()):
        end = k + len(words)
        if tuple(t.low for t in tokens[k:end]) != words:
            continue
        after = tokens[end].low if end < n else ""
        before = tokens[k - 1].low if k > 0 else ""
        if after in ("ago", "earlier", "later", "before", "after", "old", "from", "since") \
                or before in ("in", "within", "for", "than", "over", "about", "nearly", "of"):
            return ""
        if q.dimension == "time" and period == q.unit and k == q.tok_end:
            return ""
        return period
    return None


_PHONE_RE = re.compile(
    r"(?<![\w.])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?)\d{3,4}[\s.-]\d{3,4}"
    r"|(?<![\w.])\+\d{1,3}(?:[\s.-]\d{1,4}){2,4}"
    r"|(?<![\w.-])\d{3}[.-]\d{3,4}[.-]\d{4}(?![\w-])"
    r"|(?<![\w.-])\d{3}-\d{4}(?![\w-])"
)


#: every _PHONE_RE match holds "(" or "+" or three digits and a dot or hyphen before a digit
_PHONE_HINT_RE = re.compile(r"\d\d\d[.-]\d")


@lru_cache(maxsize=64)
def _phone_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Spans of _PHONE_RE in a sentence: found once for all its numbers."""
    if "(" not in text and "+" not in text and _PHONE_HINT_RE.search(text) is None:
        return ()
    return tuple(m.span() for m in _PHONE_RE.finditer(text))


@lru_cache(maxsize=1)
def _time_of_day_suffixes() -> frozenset[str]:
    return frozenset(cues()["time_of_day_suffixes"])


def _exclusions(text: str, tokens: Sequence[Token], q: Quantity) -> None:
    """Set q.excluded when the candidate is not a quantity."""
    reason = _exclusion_reason(text, tokens, q)
    if reason:
        q.excluded = reason


class _Candidate:
    """One candidate quantity with the tokens around its number, as the exclusion checks read it."""

    __slots__ = ("text", "tokens", "q", "n", "ni", "num", "prev", "prev2", "nxt", "last", "digits", "count",
                 "bare_start")

    def __init__(self, text: str, tokens: Sequence[Token], q: Quantity, ni: int) -> None:
        self.text, self.tokens, self.q, self.ni = text, tokens, q, ni
        self.n = len(tokens)
        self.num = tokens[ni]  #: the number token (after any currency prefix)
        self.prev = tokens[q.tok_start - 1] if q.tok_start > 0 else None
        self.prev2 = tokens[q.tok_start - 2] if q.tok_start > 1 else None
        self.nxt = tokens[q.unit_end] if q.unit_end < self.n else None  #: the token after the unit
        self.last = tokens[q.tok_end - 1]
        self.digits = _is_digit(self.num)
        self.count = q.unit == "count"
        self.bare_start = q.tok_start == ni  #: the quantity opens on its number (no prefix, no qualifier)

    def at(self, i: int) -> Token:
        return self.tokens[i]

    @property
    def label_prev(self) -> Token | None:
        """The word before the number, over an abbreviation's period ("No. 5")."""
        if self.prev is not None and self.prev.text == "." and self.prev2 is not None:
            return self.prev2
        return self.prev

    @property
    def whole(self) -> bool:
        return self.q.value is not None and float(self.q.value).is_integer()

    @property
    def day(self) -> bool:
        """A whole number that could be a day of the month."""
        return self.whole and 1 <= int(self.q.value or 0) <= 31

    @property
    def word_after(self) -> str:
        """The word right after a spelled number with no unit word ("" otherwise)."""
        return self.nxt.low if self.nxt is not None and self.q.unit_end == self.q.tok_end else ""


def _number_index(tokens: Sequence[Token], q: Quantity) -> int:
    """Index of the number token: past any currency prefix."""
    c = cues()
    ni = q.tok_start
    while ni < q.tok_end and not (_is_digit(tokens[ni]) or tokens[ni].low in c["number_words"]
                                  or tokens[ni].low in c["multiplier_words"] or tokens[ni].low in ("a", "an")):
        ni += 1
    return ni


def _in_months(tok: Token | None) -> bool:
    return tok is not None and tok.low.rstrip(".") in cues()["months"]


# -- glued to other characters: G-8, MIG-29, 2nd, 3D, FY09 ... (units and scales were consumed already)

def _glued_before(c: _Candidate) -> bool:
    return c.digits and c.prev is not None and c.bare_start and _adjacent(c.prev, c.num) and c.prev.text[0].isalnum()


def _code_mark_before(c: _Candidate) -> bool:
    return c.digits and c.prev is not None and c.bare_start and c.prev.text in ("/", "#", ":", "@", "&", ".") \
        and _adjacent(c.prev, c.num)


def _hyphen_inside_name(c: _Candidate) -> bool:
    return c.digits and c.prev is not None and c.bare_start and c.prev.text in ("-", "–") \
        and _adjacent(c.prev, c.num) and c.prev2 is not None and _adjacent(c.prev2, c.prev) \
        and c.prev2.text[0].isalnum()


def _glued_after(c: _Candidate) -> bool:
    return c.digits and c.nxt is not None and _adjacent(c.last, c.nxt) and c.nxt.text[0].isalnum() and c.count


def _after_number_sign(c: _Candidate) -> bool:
    # "Vetting #: 99488", "case # 1234"
    prev, prev2 = c.prev, c.prev2
    return c.digits and c.bare_start and prev is not None \
        and (prev.text == "#" or prev.text == ":" and prev2 is not None and prev2.text == "#")


def _figurative_turn(c: _Candidate) -> bool:
    # "a full 180 degree turn"
    turns = cues()["figurative_turns"]
    return c.digits and c.q.unit == "degree" and c.q.value in turns["angles"] and c.nxt is not None \
        and c.nxt.low in turns["nouns"]


def _bare_inside_name(c: _Candidate) -> bool:
    # "the Special 301 Report", "Mexico Special 301 Initiative"
    q = c.q
    return c.digits and c.count and q.qualifier == "exact" and c.bare_start and q.tok_end == c.ni + 1 \
        and "," not in c.num.text and "." not in c.num.text and _inside_name(c.tokens, c.ni)


def _code_mark_after(c: _Candidate) -> bool:
    return c.digits and c.nxt is not None and _adjacent(c.last, c.nxt) and c.nxt.text in ("/", ":") and c.count


def _dotted_number(c: _Candidate) -> bool:
    after = c.q.unit_end + 1
    return c.digits and c.nxt is not None and c.nxt.text == "." and after < c.n and _adjacent(c.last, c.nxt) \
        and _is_digit(c.at(after)) and _adjacent(c.nxt, c.at(after))


def _bare_zero(c: _Candidate) -> bool:
    return c.digits and c.num.text == "0" and c.count and c.q.tok_end - c.q.tok_start == 1


def _leading_zero(c: _Candidate) -> bool:
    raw = c.num.text
    return c.digits and len(raw) > 1 and raw[0] == "0" and not raw.startswith("0.")


def _legal_reference(c: _Candidate) -> bool:
    u = c.q.unit_end
    return c.digits and c.nxt is not None and c.nxt.text == "(" and c.count and u + 2 < c.n \
        and c.at(u + 1).text.isalpha() and len(c.at(u + 1).text) <= 3 and c.at(u + 2).text == ")"


def _in_phone_number(c: _Candidate) -> bool:
    return c.digits and any(start <= c.num.start < end for start, end in _phone_spans(c.text))


# -- list markers "(1)", "1." at the start, "1)"

def _marker_shaped(c: _Candidate) -> bool:
    """A list marker (or a rank in brackets) is a short plain number: "(3)", "12)", "(110)"; never
    "(44,000)"."""
    return c.num.text.isdigit() and len(c.num.text) <= 3


def _parenthesised_marker(c: _Candidate) -> bool:
    return c.digits and c.count and _marker_shaped(c) and c.prev is not None and c.prev.text == "(" \
        and c.nxt is not None and c.nxt.text == ")" and c.q.tok_end - c.q.tok_start == 1 \
        and (c.prev2 is None or not _is_digit(c.prev2))


def _closing_paren_marker(c: _Candidate) -> bool:
    q = c.q
    return c.digits and c.count and _marker_shaped(c) and c.nxt is not None and c.nxt.text == ")" \
        and q.tok_end == q.unit_end \
        and _adjacent(c.at(q.tok_end - 1), c.nxt) \
        and not any(t.text == "(" for t in c.tokens[max(0, q.tok_start - 12):q.tok_start])


def _opening_marker(c: _Candidate) -> bool:
    u = c.q.unit_end
    return c.digits and c.count and c.q.tok_start == 0 and c.nxt is not None and c.nxt.text in (".", ")") \
        and (u + 1 >= c.n or not _is_digit(c.at(u + 1)))


# -- labels: para 5, Article 27, Resolution 1325, E.O. 12958, No. 5

def _after_label(c: _Candidate) -> bool:
    label = c.label_prev
    labels = _sets()["label_words"]
    return label is not None and c.count and c.q.qual_start == c.q.tok_start \
        and (label.low.rstrip(".") in labels or label.low in labels) and not _counts_things(c, label)


def _counts_things(c: _Candidate, label: Token) -> bool:
    """A ranking verb followed by what it counts is a count: "placed 14 large signs" (not "ranked 14 in",
    "placed third")."""
    if not label.low.endswith("ed"):
        return False
    following = [c.at(i) for i in range(c.q.unit_end, min(c.n, c.q.unit_end + 2))]
    return any(t.text.isalpha() and t.text.islower() and t.low.endswith("s") and len(t.low) > 3 for t in following)


def _label_list(c: _Candidate) -> bool:
    # "paras 8 and 9", "Articles 4 and 5"
    label, start = c.label_prev, c.q.tok_start
    return label is not None and label.low in ("and", ",", "or", "through", "-", "–") and c.count \
        and c.q.qual_start == start and start >= 3 \
        and (_is_digit(c.at(start - 2)) or c.at(start - 2).low in cues()["number_words"]) \
        and c.at(start - 3).low.rstrip(".") in _sets()["label_words"]


def _heading_mark(tok: Token) -> bool:
    """What stands before a paragraph number: a colon, a dash rule or a capitalised heading word."""
    text = tok.text
    return text in (":", "-", "--", "---") or set(text) == {"-"} or text.isupper() and text.isalpha() and len(text) > 1


def _paragraph_number(c: _Candidate) -> bool:
    # "END SUMMARY 2.", "----- COMMENT ----- 10.", "to Finland: 9."
    q = c.q
    return q.unit_end + 1 == c.n and c.nxt is not None and c.nxt.text == "." and c.digits and c.count \
        and q.qualifier == "exact" and q.tok_end == c.ni + 1 == q.unit_end \
        and c.num.text.isdigit() and len(c.num.text) <= 2 and c.prev is not None and _heading_mark(c.prev)


def _after_rank(c: _Candidate) -> bool:
    start = c.q.qual_start
    rank = next((t for t in c.tokens[max(0, start - 3):start] if t.low in _sets()["rank_words"]), None)
    return c.count and rank is not None and not _counts_things(c, rank)


def _cable_reference(c: _Candidate) -> bool:
    # "(see MEXICO 3586)", "STATE 12345", "MEXICO 2371, 3498"
    return c.digits and c.count and c.q.value is not None and c.prev is not None \
        and _is_reference(c.tokens, c.q.tok_start)


# -- dates: month + day, day + month, years

def _whole_count(c: _Candidate) -> bool:
    return c.digits and c.count and c.whole


def _month_then_day(c: _Candidate) -> bool:
    return _whole_count(c) and _in_months(c.prev) and c.day and c.q.qual_start == c.q.tok_start


def _month_period_day(c: _Candidate) -> bool:
    prev, prev2 = c.prev, c.prev2
    return _whole_count(c) and prev is not None and prev.text == "." and prev2 is not None \
        and prev2.low in cues()["months"] and c.day


def _day_then_month(c: _Candidate) -> bool:
    return _whole_count(c) and _in_months(c.nxt) and c.day and c.q.unit_end == c.q.tok_end


def _weekday_day(c: _Candidate) -> bool:
    return _whole_count(c) and c.prev is not None and c.prev.low in _sets()["weekdays"] and c.day


def _month_comma_day(c: _Candidate) -> bool:
    # "On January, 7, Embassy Bern alerted"
    return _whole_count(c) and c.prev is not None and c.prev.text == "," and _in_months(c.prev2) and c.day \
        and c.q.unit_end == c.q.tok_end


def _two_digit_year(c: _Candidate) -> bool:
    # "DOB: 15 Jan 73"
    return _whole_count(c) and _in_months(c.prev) and c.prev2 is not None and _is_digit(c.prev2) \
        and len(c.num.text) == 2 and c.q.unit_end == c.q.tok_end


def _bare_year(c: _Candidate) -> bool:
    return _whole_count(c) and _year_like(c.num) and c.q.qual_start == c.q.tok_start


def _year_range(c: _Candidate) -> bool:
    return _whole_count(c) and _year_like(c.num) and c.q.qualifier == "range"


def _year_after_date(c: _Candidate) -> bool:
    # "January 7, 2008", "January, 2008"
    start, prev2 = c.q.tok_start, c.prev2
    return _whole_count(c) and c.prev is not None and c.prev.text == "," and prev2 is not None \
        and (_in_months(prev2) or (_is_digit(prev2) and start >= 3 and _in_months(c.at(start - 3)))) \
        and _year_like(c.num)


def _years_range(c: _Candidate) -> bool:
    return c.digits and c.q.qualifier == "range" and c.count and _year_like(c.num)


# -- times of day: 10:30, 3 p.m., 0900 hrs, 1500 local

def _time_of_day_word(c: _Candidate) -> bool:
    q = c.q
    after = c.nxt.low if c.nxt is not None else ""
    after_number = c.at(q.tok_end).low if q.tok_end < c.n else ""
    suffixes = _time_of_day_suffixes()
    return c.digits and q.unit in ("count", "hour") and (after in suffixes or after_number in suffixes) \
        and not (after_number in ("hours", "hrs") and len(c.num.text) != 4)


def _military_time(c: _Candidate) -> bool:
    raw = c.num.text
    return c.digits and len(raw) == 4 and c.q.unit == "hour" and raw[:2] <= "23" and raw[2:] < "60"


def _clock_after_at(c: _Candidate) -> bool:
    """A bare four-digit count read as a 24-hour clock after "at" ("at approximately 2300, the
    Presidents addressed the crowd"), not followed by a noun it would count."""
    raw = c.num.text
    if not (c.digits and c.count and c.bare_start and len(raw) == 4 and raw[:2] <= "23" and raw[2:] < "60"):
        return False
    at = c.prev2 if c.prev is not None and c.prev.low in ("approximately", "around") else c.prev
    after = c.nxt
    # a date after it ("at 1345 August 12", "at 0230 November 6") is when, not what is counted
    return at is not None and at.low == "at" \
        and (after is None or not after.text.isalpha() or after.low in _sets()["clock_followers"]
             or after.low in MONTHS or after.low in _sets()["weekdays"])


def _score(c: _Candidate) -> bool:
    # 3-1, "won 2 to 1"
    q = c.q
    if not (q.qualifier == "range" and c.count and q.high <= 30):
        return False
    window = c.tokens[max(0, q.tok_start - 6):min(c.n, q.tok_end + 4)]
    return any(t.low in _sets()["score_words"] for t in window)


# -- spelled-out words

def _lone_one(c: _Candidate) -> bool:
    """The number of a count is a lone "one", "a" or "an"."""
    w = c.num.low
    return not c.digits and w in ("one", "a", "an") and c.count and (c.q.tok_end - c.ni == 1 or w in ("a", "an"))


def _one_before_no_noun(c: _Candidate) -> bool:
    after = c.word_after
    return _lone_one(c) and (after in _sets()["pronoun_one_next"] or not after or not after[0].isalpha())


def _one_after_pronoun_cue(c: _Candidate) -> bool:
    return _lone_one(c) and c.prev is not None and c.prev.low in _sets()["pronoun_one_prev"] and c.num.low == "one"


def _fraction(c: _Candidate) -> bool:
    u = c.q.unit_end
    return not c.digits and (
        c.word_after in ("third", "thirds", "quarter", "quarters", "fifth", "fifths", "half", "halves", "tenth",
                         "tenths")
        or (c.nxt is not None and c.nxt.text == "-" and u + 1 < c.n
            and c.at(u + 1).low in ("third", "thirds", "quarter", "quarters", "fifths", "fold", "half")))


def _bare_one(c: _Candidate) -> bool:
    after = c.word_after
    return not c.digits and c.count and (not after or not after[0].isalpha()) and c.q.qualifier == "exact" \
        and c.num.low in ("one", "a")


def _one_as_determiner(c: _Candidate) -> bool:
    return not c.digits and c.count and c.num.low == "one" and c.q.qualifier == "exact"


def _spelled_inside_name(c: _Candidate) -> bool:
    return not c.digits and c.count and c.num.text[:1].isupper() and c.prev is not None \
        and c.prev.text[:1].isupper() and c.prev.text.isalpha()


def _spelled_without_noun(c: _Candidate) -> bool:
    return not c.digits and c.count and (
        c.nxt is None or (c.nxt.text in ("-", "--", ":", ";") and c.q.unit_end == c.q.tok_end))


# -- the rest

def _ordinal_part(c: _Candidate) -> bool:
    return c.nxt is not None and c.q.unit_end == c.q.tok_end and c.nxt.low in _ORDINAL_WORDS


def _glued_to_punctuation(c: _Candidate) -> bool:
    return c.digits and c.prev is not None and c.bare_start and c.prev.text in (",", ";") \
        and _adjacent(c.prev, c.num)


def _multiplier_word(c: _Candidate) -> bool:
    # "five times", "two-fold"
    return c.nxt is not None and c.count and c.nxt.low in ("times", "fold", "-fold", "times.")


def _hyphenated_multiplier(c: _Candidate) -> bool:
    u = c.q.unit_end
    return c.nxt is not None and c.nxt.text == "-" and u + 1 < c.n and c.at(u + 1).low in ("fold", "times")


#: Why a candidate is not a quantity, tried in order: the first check that holds names the
#: reason (``Quantity.excluded``, and ``Claim.rule`` of a weak claim: the names are a feature
#: of the learned decision, keep them as they are).
EXCLUSIONS: tuple[tuple[str, Callable[[_Candidate], bool]], ...] = (
    ("glued to a word", _glued_before),
    ("part of a code or date", _code_mark_before),
    ("number inside a name", _hyphen_inside_name),
    ("glued to a word", _glued_after),
    ("reference number", _after_number_sign),
    ("figure of speech", _figurative_turn),
    ("number inside a name", _bare_inside_name),
    ("part of a code, date or time", _code_mark_after),
    ("version or section number", _dotted_number),
    ("bare zero (a code, not a count)", _bare_zero),
    ("leading zero (reference or code)", _leading_zero),
    ("legal reference like 1.4 (b)", _legal_reference),
    ("phone number", _in_phone_number),
    ("list marker", _parenthesised_marker),
    ("list marker", _closing_paren_marker),
    ("list marker", _opening_marker),
    ("label number", _after_label),
    ("label number", _label_list),
    ("paragraph number", _paragraph_number),
    ("rank", _after_rank),
    ("cable reference", _cable_reference),
    ("day of month", _month_then_day),
    ("day of month", _month_period_day),
    ("day of month", _day_then_month),
    ("day of month", _weekday_day),
    ("day of month", _month_comma_day),
    ("two-digit year", _two_digit_year),
    ("year", _bare_year),
    ("years", _year_range),
    ("year", _year_after_date),
    ("years", _years_range),
    ("time of day", _time_of_day_word),
    ("time of day", _military_time),
    ("time of day", _clock_after_at),
    ("score", _score),
    ("pronoun one", _one_before_no_noun),
    ("pronoun one", _one_after_pronoun_cue),
    ("fraction", _fraction),
    ("bare one", _bare_one),
    ("one as a determiner or pronoun", _one_as_determiner),
    ("number inside a name", _spelled_inside_name),
    ("spelled number without a noun", _spelled_without_noun),
    ("part of an ordinal", _ordinal_part),
    ("glued to punctuation (mangled quote)", _glued_to_punctuation),
    ("multiplier", _multiplier_word),
    ("multiplier", _hyphenated_multiplier),
)


def _exclusion_reason(text: str, tokens: Sequence[Token], q: Quantity) -> str:
    ni = _number_index(tokens, q)
    if ni >= len(tokens):
        return "no number"
    candidate = _Candidate(text, tokens, q, ni)
    for reason, check in EXCLUSIONS:
        if check(candidate):
            return reason
    return ""


_ORDINAL_WORDS = frozenset(ORDINAL_WORDS)


def _inside_name(tokens: Sequence[Token], i: int) -> bool:
    """A bare number between two capitalised words of one name ("Special 301
    Report"); the word before may not open the sentence, be a unit or a month."""
    if i < 2 or i + 1 >= len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if not (_title_case_word(before) and _title_case_word(after)):
        return False
    if tokens[i - 2].text in (".", ":", ";", "(", "-", "--") or not (before.start > 0):
        return False
    if i + 2 < len(tokens) and _is_digit(tokens[i + 2]) or _is_digit(tokens[i - 2]):
        return False  # a table row of names and figures: "Chihuahua 1200 Sinaloa 800"
    units, _ = _keyed_units()
    low = before.low
    return low not in cues()["months"] and low not in units and after.low not in units \
        and low not in cues()["number_words"] and low not in _sets()["label_words"]


def _title_case_word(tok: Token) -> bool:
    """A capitalised word, not all capitals: "Special", not "STATE"."""
    return tok.text.isalpha() and tok.text[:1].isupper() and not tok.text.isupper()


def _year_like(tok: Token) -> bool:
    t = tok.text
    return len(t) == 4 and t.isdigit() and int(t) in YEARS["numeric"]


# reliability (issue 15): how far back a list of references is followed; without a
# bound every number of "1,1,1,..." walked back over all the others (quadratic)
_REFERENCE_LIST_ITEMS = 32


def _is_reference(tokens: Sequence[Token], i: int, depth: int = 0) -> bool:
    """Cable, document and paragraph references: 'MEXICO 3586', 'STATE 12345', and
    the list that follows one ('MEXICO 2371, 3498')."""
    prev = tokens[i - 1]
    if not (_ends_reference(tokens[i + 1] if i + 1 < len(tokens) else None) or _next_list_letter(tokens, i + 1)):
        return False
    if prev.text.isupper() and prev.text.isalpha() and len(prev.text) >= 3 and _names_a_post(tokens, i):
        return True
    # "MEXICO 2371, 3498"
    if prev.text in (",", "and") and i >= 3 and _is_digit(tokens[i - 2]) and depth < _REFERENCE_LIST_ITEMS:
        return _is_reference(tokens, i - 2, depth + 1)
    return False


def _ends_reference(nxt: Token | None) -> bool:
    """What may follow a reference number: the end, punctuation, "and", "para" ..."""
    return nxt is None or nxt.text in (")", ",", ".", ";", ":", "]") \
        or nxt.low in ("and", "para", "paras", "paragraph", "at")


def _next_list_letter(tokens: Sequence[Token], j: int) -> bool:
    """The letter of the next item of a reference list follows: "PARAMARIBO 470 c) PARAMARIBO 444"."""
    return j + 1 < len(tokens) and len(tokens[j].text) == 1 and tokens[j].text.isalpha() \
        and tokens[j + 1].text in (")", ".")


def _names_a_post(tokens: Sequence[Token], i: int) -> bool:
    """The word before the number at i is a post ("MEXICO"), or a reference word precedes it ("see ...")."""
    return tokens[i - 1].low in _post_words() \
        or (i >= 2 and tokens[i - 2].low in ("see", "ref", "reftel", "(", "refs", "septel", "also"))


@lru_cache(maxsize=1)
def _post_words() -> frozenset[str]:
    cfg = units_config()
    words = set()
    for city in cfg["city_country"]:
        words.add(city.split()[-1])
        words.add(city.split()[0])
    words.update(cfg["reference_words"])
    return frozenset(words)


# -- time words -----------------------------------------------------------------------

def _measures_an_activity(tokens: Sequence[Token], k: int, q: Quantity) -> bool:
    """"after three hours of discussion", "following seven years of safety": how long the
    activity lasted is measured, the moment after it is the timeline's."""
    n = len(tokens)
    return tokens[k].low in _sets()["time_measure_openers"] and q.unit_end + 1 < n \
        and tokens[q.unit_end].low == "of" and tokens[q.unit_end + 1].text[:1].islower() \
        and tokens[q.unit_end + 1].low not in _sets()["determiners"]


def places_in_time(tokens: Sequence[Token], q: Quantity) -> bool:
    """A number + time unit that places something in time ("six months ago",
    "in 2-3 months", "the last three years") rather than measuring a duration."""
    if q.dimension != "time" or q.adjective:
        return False
    s = _sets()
    n = len(tokens)
    after = tokens[q.unit_end].low if q.unit_end < n else ""
    if after in s["time_placement_after"]:
        return True
    k = q.qual_start - 1
    # skip determiners between the placing word and the number: "over the past ten years"
    while k >= 0 and tokens[k].low in ("the", "a", "an", "his", "her", "its", "their", "our"):
        k -= 1
    if k >= 0 and tokens[k].low in s["time_placement_before"]:
        return not _measures_an_activity(tokens, k, q)
    if k >= 0 and tokens[k].low in ("over", "during", "throughout", "for") and k + 1 < q.qual_start and tokens[k + 1].low == "the":
        return True
    return False
