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
from typing import Any, Iterable, NamedTuple, Sequence

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
        "time_placement_before", "time_placement_after", "pronoun_one_next",
        "pronoun_one_prev", "vague_words", "determiners", "period_blockers",
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


def _parse_words(tokens: Sequence[Token], i: int) -> tuple[float, int] | None:
    """A spelled-out number starting at token i: 'twenty-five', 'one hundred and
    twenty', 'a dozen', 'two million'. Returns (value, end token index)."""
    words: dict[str, int] = cues()["number_words"]
    mults: dict[str, int] = cues()["multiplier_words"]
    n = len(tokens)
    k = i
    total = 0.0
    current = 0.0
    seen = False
    if tokens[k].low in ("a", "an") and k + 1 < n and tokens[k + 1].low in mults:
        current = 1.0
        k += 1
    last_kind = ""
    while k < n:
        w = tokens[k].low
        if w in words:
            v = words[w]
            if last_kind == "unit" or (last_kind == "tens" and v >= 10):
                break  # "two three" or "twenty thirty": not one number
            if last_kind == "tens" and v < 10:
                current += v
                last_kind = "unit"
            else:
                current += v
                last_kind = "tens" if v >= 20 and v % 10 == 0 else "unit"
            seen = True
            k += 1
        elif w in mults and (seen or current):
            m = mults[w]
            if m == 100 or m == 12:
                current = max(current, 1.0) * m
                last_kind = ""
            else:
                total += max(current, 1.0) * m
                current = 0.0
                last_kind = "scale"
            seen = True
            k += 1
        elif w == "-" and seen and k + 1 < n and tokens[k + 1].low in words and last_kind == "tens" \
                and tokens[k].start == tokens[k - 1].end and tokens[k + 1].start == tokens[k].end:
            k += 1
        elif w == "and" and seen and last_kind in ("", "scale") and k + 1 < n and tokens[k + 1].low in words:
            k += 1
        else:
            break
    if not seen:
        return None
    return total + current, k


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
    mults: dict[str, int] = cues()["multiplier_words"]
    number_words = cues()["number_words"]
    starters = _number_starters()
    while i < n:
        tok = tokens[i]
        if tok.low not in starters and not "0" <= tok.text[0] <= "9":
            i += 1  # neither a digit nor a word a number can start with: nothing below applies
            continue
        q: Quantity | None = None
        if _is_digit(tok):
            q = _scan(text, tokens, i, context)
        elif tok.low in mults and tok.low not in ("hundred", "dozen", "thousand") and i + 2 < n \
                and tokens[i + 1].text == "-" and tokens[i + 2].low in ("dollar", "dollars") \
                and _adjacent(tok, tokens[i + 1]) and (i == 0 or tokens[i - 1].low in ("a", "the", "multi", "an")):
            # "the billion-dollar scheme"
            value = float(mults[tok.low])
            q = Quantity(tok.start, tokens[i + 2].end, i, i + 3, value, value, value,
                         resolve_currency("LOCAL:dollar", context=context), tokens[i + 2].text,
                         "currency", adjective=True, unit_end=i + 3, qual_start=i)
        elif tok.low in number_words or (tok.low in ("a", "an") and i + 1 < n and tokens[i + 1].low in mults):
            q = _scan(text, tokens, i, context)
        if q is None:
            i += 1
            continue
        if not q.excluded:
            _exclusions(text, tokens, q)
        if not q.excluded or keep_excluded:
            out.append(q)
        i = max(q.tok_end, i + 1)
    return out


def _read_number(tokens: Sequence[Token], i: int, allow_glued_scale: bool) -> tuple[float, int, bool] | None:
    """Number at i with its scale word: (value, end index, spelled)."""
    table = unit_table()
    n = len(tokens)
    tok = tokens[i]
    if _is_digit(tok):
        value = _number_of(tok)
        j = i + 1
        spelled = False
        # "216 and a half"
        if j + 2 < n and tokens[j].low == "and" and tokens[j + 1].low == "a" and tokens[j + 2].low == "half":
            value += 0.5
            j += 3
    else:
        parsed = _parse_words(tokens, i)
        if parsed is None:
            return None
        value, j = parsed
        spelled = True
        if j + 2 < n and tokens[j].low == "and" and tokens[j + 1].low == "a" and tokens[j + 2].low == "half":
            value += 0.5
            j += 3
    if j < n:
        nxt = tokens[j]
        glued = _adjacent(tokens[j - 1], nxt)
        if nxt.low in table.scale_after_space or (glued and nxt.text in table.scales and allow_glued_scale) \
                or (glued and nxt.low in ("bn", "mn", "mln", "tn", "trn", "bln")):
            value *= table.scales.get(nxt.text, table.scales.get(nxt.low, 1.0))
            j += 1
    return value, j, spelled


@lru_cache(maxsize=1)
def _prefix_last_words() -> frozenset[str]:
    return frozenset(key.split(" ")[-1] for key in _keyed_prefixes())


def _iso_code_after(tok: Token) -> bool:
    """An upper-case ISO 4217 code ("ISK", "KES") that the prefix table knows as itself."""
    return len(tok.text) == 3 and tok.text.isalpha() and tok.text.isupper() \
        and unit_table().currency_prefixes.get(tok.low) == tok.text


def _currency_prefix(tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    """Currency code and start index of a symbol/code written before token i."""
    prefixes = _keyed_prefixes()
    if i == 0 or tokens[i - 1].low not in _prefix_last_words():
        return None  # every key ends with the token right before the number
    for k in (3, 2, 1):
        if i - k < 0:
            continue
        span = tokens[i - k:i]
        if any(b.start - a.end > 1 for a, b in zip(span, list(span[1:]) + [tokens[i]])):
            continue
        key = " ".join(t.low for t in span)
        if key in prefixes:
            code, spaced = prefixes[key]
            if not spaced and any(a.end != b.start for a, b in zip(span, span[1:])):
                continue
            last = span[-1]
            # alphabetic codes must be written as codes (USD, Ps) not words
            if last.text.isalpha() and len(last.text) == 3 and (last.text.islower() or last.text.istitle()) \
                    and code.lower() == last.low:
                continue  # "cop", "Pen": a word; "KSh", "Ksh" are written as codes
            return code, i - k
    return None


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


def _scan(text: str, tokens: Sequence[Token], i: int, context: CurrencyContext) -> Quantity | None:
    table = unit_table()
    units, currency_words = _keyed_units()
    unit_firsts, currency_firsts = _keyed_first_words()
    n = len(tokens)
    prefix = _currency_prefix(tokens, i) or _currency_name_before(tokens, i)
    first = _read_number(tokens, i, allow_glued_scale=prefix is not None)
    if first is None:
        return None
    value, j, spelled = first
    start_idx = prefix[1] if prefix else i
    low = high = value
    is_range = False
    # ranges: 20-30, five to six, five or six, between X and Y, USD 3k to USD 30k
    if j + 1 < n and tokens[j].low in ("-", "–", "—", "to", "or", "and", "through", "thru"):
        sep = tokens[j]
        k = j + 1
        second_prefix = _currency_prefix(tokens, k + 1) if k + 1 < n and _is_digit(tokens[min(k + 1, n - 1)]) else None
        if second_prefix and second_prefix[1] == k:
            k = k + (k + 1 - second_prefix[1])
        ok_sep = True
        if sep.low == "and":
            ok_sep = start_idx > 0 and tokens[start_idx - 1].low == "between"
        if sep.low in ("-", "–", "—") and not (_is_digit(tokens[k]) if k < n else False) and not spelled:
            ok_sep = False
        if ok_sep and i > 0 and _is_digit(tokens[i]) and _year_like(tokens[i]) and tokens[i - 1].low in cues()["year_context"] \
                and k < n and not (_is_digit(tokens[k]) and _year_like(tokens[k])):
            ok_sep = False  # "7.3 million tons in 2007 to 6.2 million tons": a year, then the next figure
        if ok_sep and k < n and (_is_digit(tokens[k]) or tokens[k].low in cues()["number_words"]) \
                and (_is_digit(tokens[k]) == _is_digit(tokens[i])):
            second = _read_number(tokens, k, allow_glued_scale=prefix is not None)
            if second is not None:
                v2, j2, _ = second
                raw2 = _number_of(tokens[k]) if _is_digit(tokens[k]) else v2
                last2 = tokens[j2 - 1].low
                if not _is_digit(tokens[k]) and last2 in unit_table().scales and j2 - 1 > k:
                    raw2 = v2 / unit_table().scales[last2]  # "two and three million"
                if v2 != raw2 and value == (_number_of(tokens[i]) if _is_digit(tokens[i]) else value) and value < raw2:
                    value = value * (v2 / raw2)  # "5 to 6 million": scale both
                low, high = value, v2
                is_range = True
                j = j2
    hyphen_adj = False
    unit_code = "count"
    unit_text = ""
    dimension = "count"
    unit_end = j
    period = ""
    qualifier_after = ""
    # "40-plus percent"
    if j + 1 < n and tokens[j].text == "-" and tokens[j + 1].low == "plus" and _adjacent(tokens[j - 1], tokens[j]):
        qualifier_after = "more_than"
        j += 2
        unit_end = j
    elif j < n and tokens[j].low == "plus" and j + 1 < n and not _is_digit(tokens[j + 1]):
        qualifier_after = "more_than"
        j += 1
        unit_end = j
    u = j
    if u + 1 < n and tokens[u].text == "-" and _adjacent(tokens[u - 1], tokens[u]) and _adjacent(tokens[u], tokens[u + 1]):
        hyphen_adj = True
        u += 1
    if prefix:
        unit_text = " ".join(t.text for t in tokens[prefix[1]:i]).replace(" $", "$")
        dimension = "currency"
        # "$214 million dollars", "$200 million dollar initiative": the word repeats the symbol
        m = _match_phrase(tokens, u, currency_words, 3) if u < n and tokens[u].low in currency_firsts else None
        if m is not None:
            unit_end = m[1]
        elif hyphen_adj:
            hyphen_adj = False
        # "$5 million Zimbabwe dollars": the word names what the bare symbol leaves open
        code = m[0] if m is not None and prefix[0].startswith("LOCAL:") else prefix[0]
        unit_code = _money(code, tokens, start_idx, max(unit_end, j), context)
    else:
        m_cur = _match_phrase(tokens, u, currency_words, 3) if u < n and tokens[u].low in currency_firsts else None
        if m_cur is not None and tokens[u].text == "real":
            m_cur = None  # "zero real growth": the adjective; the currency is written "Real", "reais"
        m_unit = _match_phrase(tokens, u, units, table.max_words) if u < n and tokens[u].low in unit_firsts else None
        if m_cur is None and m_unit is None and u < n and _iso_code_after(tokens[u]):
            m_cur = (tokens[u].text, u + 1)  # "500,000 ISK": an ISO code written after the number
        if m_cur is not None and (m_unit is None or m_cur[1] >= m_unit[1]):
            word = " ".join(t.text for t in tokens[u:m_cur[1]])
            unit_code = _money(m_cur[0], tokens, start_idx, m_cur[1], context) or "USD"
            unit_text = word
            dimension = "currency"
            unit_end = m_cur[1]
        elif m_unit is not None:
            code, dim = m_unit[0]
            word_toks = tokens[u:m_unit[1]]
            word = " ".join(t.text for t in word_toks)
            ok = True
            if code == "lb" and word_toks[0].low in ("pound", "pounds") \
                    and _pounds_are_money(_pounds_of(tokens, start_idx, m_unit[1], value, is_range)):
                unit_code, dim, code = _money("LOCAL:pound", tokens, start_idx, m_unit[1], context), "currency", None  # type: ignore[assignment]
            if word_toks[0].low in ("m", "g", "l", "mt") and word_toks[0].text != word_toks[0].low:
                ok = False  # "5 M", "3 G": not metres or grams
            if ok:
                if code is not None:
                    unit_code = code
                dimension = dim
                unit_text = word
                unit_end = m_unit[1]
                if code in units_config().get("period_units", {}):
                    unit_code, period = units_config()["period_units"][code]
        elif hyphen_adj and u < n and tokens[u].low in table.count_surfaces:
            unit_text = tokens[u].text
            unit_end = u + 1
        elif hyphen_adj:
            # "two-way", "three-judge panel": an adjective that is not a measure
            return Quantity(tokens[start_idx].start, tokens[u].end, start_idx, u + 1, value, low, high, "count", "",
                            "count", spelled=spelled, adjective=True, unit_end=u + 1, qual_start=start_idx,
                            excluded="hyphenated adjective")
        elif u < n and not tokens[u].low in units and _quantulum_candidate(tokens, u):
            window_end = tokens[min(u + 2, n - 1)].end
            window = text[tokens[i].start:window_end]
            found = quantulum_unit(window)
            if found is not None:
                code, dim, surface, _ = found
                # the unit must cover whole tokens after the number
                unit_stop = tokens[i].start + len(surface)
                k = u
                while k < n and tokens[k].end <= unit_stop:
                    k += 1
                if k > u:
                    unit_code, dimension, unit_end = code, dim, k
                    unit_text = " ".join(t.text for t in tokens[u:k])
    if hyphen_adj and unit_end == j:
        hyphen_adj = False
    end_idx = max(unit_end, j)
    q = Quantity(
        start=tokens[start_idx].start,
        end=tokens[end_idx - 1].end,
        tok_start=start_idx,
        tok_end=end_idx,
        value=None if is_range else value,
        low=low,
        high=high,
        unit=unit_code,
        unit_text=unit_text,
        dimension=dimension,
        spelled=spelled,
        adjective=hyphen_adj,
        unit_end=end_idx,
        period=period,
        qual_start=start_idx,
    )
    if is_range:
        q.qualifier = "range"
        if not low < high:
            q.excluded = "not a range (score or reversed)"
    if qualifier_after:
        q.qualifier = qualifier_after
    _qualify(tokens, q)
    if not period:
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
    n = len(tokens)
    blockers = _sets()["period_blockers"]
    j = q.tok_end
    limit = min(n, j + 7)
    k = j
    while k < limit:
        tok = tokens[k]
        if tok.text in (",", ";", ".", ":", "(", ")") or _is_digit(tok):
            break
        for words, period in _period_index().get(tok.low, ()):
            if tuple(t.low for t in tokens[k:k + len(words)]) == words:
                after = tokens[k + len(words)].low if k + len(words) < n else ""
                before = tokens[k - 1].low if k > 0 else ""
                if after in ("ago", "earlier", "later", "before", "after", "old", "from", "since") \
                        or before in ("in", "within", "for", "than", "over", "about", "nearly", "of"):
                    return ""
                if q.dimension == "time" and period == q.unit and k == j:
                    return ""
                return period
        if tok.low in blockers and k > j:
            break
        k += 1
    return ""


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


def _exclusion_reason(text: str, tokens: Sequence[Token], q: Quantity) -> str:
    s = _sets()
    months: dict[str, int] = cues()["months"]
    n = len(tokens)
    # index of the number token (after any currency prefix)
    ni = q.tok_start
    while ni < q.tok_end and not (_is_digit(tokens[ni]) or tokens[ni].low in cues()["number_words"]
                                  or tokens[ni].low in cues()["multiplier_words"] or tokens[ni].low in ("a", "an")):
        ni += 1
    if ni >= n:
        return "no number"
    num = tokens[ni]
    prev = tokens[q.tok_start - 1] if q.tok_start > 0 else None
    prev2 = tokens[q.tok_start - 2] if q.tok_start > 1 else None
    nxt = tokens[q.unit_end] if q.unit_end < n else None
    digits = _is_digit(num)
    # glued to letters: G-8, MIG-29, 2nd, 3D, FY09 ... (units and scales were consumed already)
    if digits:
        if prev is not None and q.tok_start == ni and _adjacent(prev, num) and prev.text[0].isalnum():
            return "glued to a word"
        if prev is not None and q.tok_start == ni and prev.text in ("-", "–", "/", "#", ".", ":", "@", "&") and _adjacent(prev, num):
            if prev.text in ("/", "#", ":", "@", "&", "."):
                return "part of a code or date"
            if prev2 is not None and _adjacent(prev2, prev) and prev2.text[0].isalnum():
                return "number inside a name"
        last = tokens[q.tok_end - 1]
        if nxt is not None and _adjacent(last, nxt) and nxt.text[0].isalnum() and q.unit == "count":
            return "glued to a word"
        if q.tok_start == ni and prev is not None and (prev.text == "#" or prev.text == ":" and prev2 is not None
                                                      and prev2.text == "#"):
            return "reference number"  # "Vetting #: 99488", "case # 1234"
        turns = cues()["figurative_turns"]
        if q.unit == "degree" and q.value in turns["angles"] and nxt is not None and nxt.low in turns["nouns"]:
            return "figure of speech"  # "a full 180 degree turn"
        if q.unit == "count" and q.qualifier == "exact" and q.tok_start == ni and q.tok_end == ni + 1 \
                and "," not in num.text and "." not in num.text and _inside_name(tokens, ni):
            return "number inside a name"  # "the Special 301 Report", "Mexico Special 301 Initiative"
        if nxt is not None and _adjacent(last, nxt) and nxt.text in ("/", ":") and q.unit == "count":
            return "part of a code, date or time"
        if nxt is not None and nxt.text == "." and q.unit_end + 1 < n and _adjacent(last, nxt) \
                and _is_digit(tokens[q.unit_end + 1]) and _adjacent(nxt, tokens[q.unit_end + 1]):
            return "version or section number"
        raw = num.text
        if raw == "0" and q.unit == "count" and q.tok_end - q.tok_start == 1:
            return "bare zero (a code, not a count)"
        if len(raw) > 1 and raw[0] == "0" and not raw.startswith("0."):
            return "leading zero (reference or code)"
        if nxt is not None and nxt.text == "(" and q.unit == "count" and q.unit_end + 2 < n \
                and tokens[q.unit_end + 1].text.isalpha() and len(tokens[q.unit_end + 1].text) <= 3 \
                and tokens[q.unit_end + 2].text == ")":
            return "legal reference like 1.4 (b)"
        for start, end in _phone_spans(text):
            if start <= num.start < end:
                return "phone number"
    # list markers "(1)", "1." at the start, "1)"
    if digits and q.unit == "count":
        if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")" and q.tok_end - q.tok_start == 1:
            if prev2 is None or not _is_digit(prev2):
                return "list marker"
        if nxt is not None and nxt.text == ")" and q.tok_end == q.unit_end and _adjacent(tokens[q.tok_end - 1], nxt) \
                and not any(t.text == "(" for t in tokens[max(0, q.tok_start - 12):q.tok_start]):
            return "list marker"
        if q.tok_start == 0 and nxt is not None and nxt.text in (".", ")") and (q.unit_end + 1 >= n or not _is_digit(tokens[q.unit_end + 1])):
            return "list marker"
    # labels: para 5, Article 27, Resolution 1325, E.O. 12958, No. 5
    label_prev = prev
    if label_prev is not None and label_prev.text == "." and prev2 is not None:
        label_prev = prev2
    if label_prev is not None and q.unit == "count" and q.qual_start == q.tok_start:
        lab = label_prev.low.rstrip(".")
        if lab in s["label_words"] or label_prev.low in s["label_words"]:
            return "label number"
    if label_prev is not None and label_prev.low in ("and", ",", "or", "through", "-", "–") \
            and q.unit == "count" and q.qual_start == q.tok_start and q.tok_start >= 3 \
            and (_is_digit(tokens[q.tok_start - 2]) or tokens[q.tok_start - 2].low in cues()["number_words"]) \
            and tokens[q.tok_start - 3].low.rstrip(".") in s["label_words"]:
        return "label number"  # "paras 8 and 9", "Articles 4 and 5"
    if q.unit_end + 1 == n and nxt is not None and nxt.text == "." and digits and q.unit == "count" \
            and q.qualifier == "exact" and q.tok_end == ni + 1 == q.unit_end \
            and num.text.isdigit() and len(num.text) <= 2 and prev is not None \
            and (prev.text in (":", "-", "--", "---") or set(prev.text) == {"-"}
                 or prev.text.isupper() and prev.text.isalpha() and len(prev.text) > 1):
        return "paragraph number"  # "END SUMMARY 2.", "----- COMMENT ----- 10.", "to Finland: 9."
    if q.unit == "count" and any(t.low in s["rank_words"] for t in tokens[max(0, q.qual_start - 3):q.qual_start]):
        return "rank"
    # cable references "(see MEXICO 3586)", "STATE 12345", "MEXICO 2371, 3498"
    if digits and q.unit == "count" and q.value is not None and prev is not None:
        ref = _is_reference(tokens, q.tok_start)
        if ref:
            return ref
    # dates: month + day, day + month, years
    if digits and q.unit in ("count",) and q.value is not None and float(q.value).is_integer():
        v = int(q.value)
        if prev is not None and prev.low.rstrip(".") in months and 1 <= v <= 31 and q.qual_start == q.tok_start:
            return "day of month"
        if prev is not None and prev.text == "." and prev2 is not None and prev2.low in months and 1 <= v <= 31:
            return "day of month"
        if nxt is not None and nxt.low.rstrip(".") in months and 1 <= v <= 31 and q.unit_end == q.tok_end:
            return "day of month"
        if prev is not None and prev.low in s["weekdays"] and 1 <= v <= 31:
            return "day of month"
        if prev is not None and prev.text == "," and prev2 is not None and prev2.low.rstrip(".") in months \
                and 1 <= v <= 31 and q.unit_end == q.tok_end:
            return "day of month"  # "On January, 7, Embassy Bern alerted"
        if prev is not None and prev.low.rstrip(".") in months and prev2 is not None and _is_digit(prev2) \
                and len(num.text) == 2 and q.unit_end == q.tok_end:
            return "two-digit year"  # "DOB: 15 Jan 73"
        if _year_like(num) and q.qual_start == q.tok_start:
            return "year"
        if _year_like(num) and q.qualifier == "range":
            return "years"
        if prev is not None and prev.text == "," and prev2 is not None and (prev2.low.rstrip(".") in months or (_is_digit(prev2) and q.tok_start >= 3 and tokens[q.tok_start - 3].low.rstrip(".") in months)) and _year_like(num):
            return "year"
    if digits and q.qualifier == "range" and q.unit == "count" and _year_like(num):
        return "years"
    # times of day: 10:30, 3 p.m., 0900 hrs, 1500 local
    if digits and q.unit in ("count", "hour"):
        after = nxt.low if nxt is not None else ""
        after_u = tokens[q.tok_end].low if q.tok_end < n else ""
        tod = _time_of_day_suffixes()
        if after in tod or after_u in tod:
            if not (after_u in ("hours", "hrs") and len(num.text) != 4):
                return "time of day"
        if len(num.text) == 4 and q.unit == "hour" and num.text[:2] <= "23" and num.text[2:] < "60":
            return "time of day"
    # scores: 3-1, "won 2 to 1"
    if q.qualifier == "range" and q.unit == "count" and q.high <= 30:
        window = tokens[max(0, q.tok_start - 6):min(n, q.tok_end + 4)]
        if any(t.low in s["score_words"] for t in window):
            return "score"
    # spelled-out words
    if not digits:
        w = num.low
        after = nxt.low if nxt is not None and q.unit_end == q.tok_end else ""
        if w in ("one", "a", "an") and q.unit == "count":
            if q.tok_end - ni == 1 or (w in ("a", "an")):
                if after in s["pronoun_one_next"] or not after or not after[0].isalpha():
                    return "pronoun one"
                if prev is not None and prev.low in s["pronoun_one_prev"] and w == "one":
                    return "pronoun one"
                if w == "one" and nxt is not None and nxt.text[:1].isupper() and nxt.low not in ("u.s.",):
                    pass
        if after in ("third", "thirds", "quarter", "quarters", "fifth", "fifths", "half", "halves", "tenth", "tenths") \
                or (nxt is not None and nxt.text == "-" and q.unit_end + 1 < n and tokens[q.unit_end + 1].low in ("third", "thirds", "quarter", "quarters", "fifths", "fold", "half")):
            return "fraction"
        if q.unit == "count" and (not after or not after[0].isalpha()) and q.qualifier == "exact" and w in ("one", "a"):
            return "bare one"
    if not digits and q.unit == "count":
        w = num.low
        if w == "one" and q.qualifier == "exact":
            return "one as a determiner or pronoun"
        if num.text[:1].isupper() and prev is not None and prev.text[:1].isupper() and prev.text.isalpha():
            return "number inside a name"
        if nxt is None or (nxt.text in ("-", "--", ":", ";") and q.unit_end == q.tok_end):
            return "spelled number without a noun"
    if nxt is not None and q.unit_end == q.tok_end and nxt.low in _ORDINAL_WORDS:
        return "part of an ordinal"
    if digits and prev is not None and q.tok_start == ni and prev.text in (",", ";") and _adjacent(prev, num):
        return "glued to punctuation (mangled quote)"
    # multipliers "five times", "two-fold"
    if nxt is not None and q.unit == "count" and nxt.low in ("times", "fold", "-fold", "times."):
        return "multiplier"
    if nxt is not None and nxt.text == "-" and q.unit_end + 1 < n and tokens[q.unit_end + 1].low in ("fold", "times"):
        return "multiplier"
    # vague: "1990s", "the 20s"
    return ""


_ORDINAL_WORDS = frozenset(ORDINAL_WORDS)


def _inside_name(tokens: Sequence[Token], i: int) -> bool:
    """A bare number between two capitalised words of one name ("Special 301
    Report"); the word before may not open the sentence, be a unit or a month."""
    if i < 2 or i + 1 >= len(tokens):
        return False
    before, after = tokens[i - 1], tokens[i + 1]
    if not (before.text.isalpha() and before.text[:1].isupper() and not before.text.isupper()
            and after.text.isalpha() and after.text[:1].isupper() and not after.text.isupper()):
        return False
    if tokens[i - 2].text in (".", ":", ";", "(", "-", "--") or not (before.start > 0):
        return False
    if i + 2 < len(tokens) and _is_digit(tokens[i + 2]) or _is_digit(tokens[i - 2]):
        return False  # a table row of names and figures: "Chihuahua 1200 Sinaloa 800"
    units, _ = _keyed_units()
    low = before.low
    return low not in cues()["months"] and low not in units and after.low not in units \
        and low not in cues()["number_words"] and low not in _sets()["label_words"]


def _year_like(tok: Token) -> bool:
    t = tok.text
    return len(t) == 4 and t.isdigit() and int(t) in YEARS["numeric"]


# reliability (issue 15): how far back a list of references is followed; without a
# bound every number of "1,1,1,..." walked back over all the others (quadratic)
_REFERENCE_LIST_ITEMS = 32


def _is_reference(tokens: Sequence[Token], i: int, depth: int = 0) -> str:
    """Cable, document and paragraph references: 'MEXICO 3586', 'STATE 12345', and
    the list that follows one ('MEXICO 2371, 3498')."""
    posts = _post_words()
    prev = tokens[i - 1]
    n = len(tokens)
    nxt = tokens[i + 1] if i + 1 < n else None
    follows_ok = nxt is None or nxt.text in (")", ",", ".", ";", ":", "]") or nxt.low in ("and", "para", "paras", "paragraph", "at")
    if prev.text.isupper() and prev.text.isalpha() and len(prev.text) >= 3 and follows_ok:
        if prev.low in posts or (i >= 2 and tokens[i - 2].low in ("see", "ref", "reftel", "(", "refs", "septel", "also")):
            return "cable reference"
    # "MEXICO 2371, 3498"
    if prev.text in (",", "and") and i >= 3 and _is_digit(tokens[i - 2]) and follows_ok \
            and depth < _REFERENCE_LIST_ITEMS:
        return _is_reference(tokens, i - 2, depth + 1)
    return ""


@lru_cache(maxsize=1)
def _post_words() -> frozenset[str]:
    cfg = units_config()
    words = set()
    for city in cfg["city_country"]:
        words.add(city.split()[-1])
        words.add(city.split()[0])
    words.update(cfg.get("reference_words", []))
    words.update(["state", "secstate", "usun", "usnato", "unvie", "usosce", "useu", "usmission", "geneva", "brussels",
                  "paris", "london", "madrid", "rome", "berlin", "moscow", "beijing", "tokyo", "ottawa", "lima", "quito",
                  "caracas", "panama", "managua", "guatemala", "tegucigalpa", "kabul", "ankara", "cairo", "juarez",
                  "hague", "delhi", "brasilia", "paulo", "janeiro", "asuncion", "tel", "aviv", "jerusalem", "canberra",
                  "wellington", "pretoria", "harare", "lagos", "abuja", "accra", "addis", "ababa", "khartoum", "kyiv",
                  "warsaw", "vienna", "athens", "lisbon", "dublin", "helsinki", "seoul", "bangkok", "jakarta", "hanoi",
                  "dhaka", "rangoon", "islamabad", "colombo", "nairobi", "mexico", "bogota", "monterrey", "tijuana",
                  "dushanbe", "tbilisi", "yerevan", "minsk", "vilnius", "riga", "zagreb", "sofia", "skopje", "sarajevo",
                  "budapest", "bratislava", "bern", "vatican", "valletta", "luxembourg", "ljubljana", "amsterdam",
                  "milan", "naples", "munich", "hamburg", "istanbul", "adana", "havana", "nassau", "bridgetown",
                  "kingston", "curacao", "recife", "shanghai", "shenyang", "chengdu", "guangzhou", "vladivostok",
                  "hermosillo", "guadalajara", "merida", "matamoros", "nogales", "strasbourg", "melbourne", "sydney",
                  "montreal", "toronto", "vancouver", "kolkata", "chennai", "mumbai", "lahore", "karachi", "peshawar",
                  "basrah", "riyadh", "jeddah", "dhahran", "dubai", "doha", "muscat", "sanaa", "manama", "kuwait",
                  "amman", "beirut", "damascus", "baghdad", "tripoli", "tunis", "algiers", "rabat", "casablanca",
                  "secdef", "cjcs", "usdao", "dia", "cia", "nsc"])
    return frozenset(words)


# -- time words -----------------------------------------------------------------------

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
        return True
    if k >= 0 and tokens[k].low in ("over", "during", "throughout", "for") and k + 1 < q.qual_start and tokens[k + 1].low == "the":
        return True
    return False
