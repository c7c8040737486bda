"""Stage 3 — time expressions: find spans, normalize them against the DCT.

The finder is one precompiled regex (``timex_patterns``); each match is
normalized by the function named after its rule, with our own calendar code;
dates written in numeric or dashed forms ("7/17/2008", "17.07.2008",
"17-Jul-08") are read by dateparser, imported lazily and cached. The finder
never calls ``dateparser.search_dates``. Yearless dates take the year that puts them
nearest the document date in the direction of their clause's tense.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Iterator

from .language import NUMBER_WORDS, YEARS, plausible_for_cable
from .model import TimeExpression
from .timex_calendar import (
    Date, Resolved, add_days, add_months, iso_week_interval, month_end, month_interval,
    pick_weekday, pick_year, quarter_interval, safe_date, shift, unit_interval, week_value,
    year_interval,
)
from .timex_patterns import Grammar, grammar, lexicon


# -- public entry point -------------------------------------------------------

def find_time_expressions(text: str, dct: str) -> list[TimeExpression]:
    """All temporal expressions in ``text`` (offsets into ``text``), normalized
    against the document creation date ``dct`` (ISO ``YYYY-MM-DD``; ``""`` when
    unknown: absolute dates still get intervals, relative ones only a value)."""
    if not text:
        return []
    g = grammar()
    day = _parse_dct(dct)
    context: _Context | None = None  # made at the first match: most sentences have none
    found: list[TimeExpression] = []
    for match in _matches(text, g):
        if context is None:
            context = _Context(text, day, g)
        rule = match.lastgroup
        if rule is None or context.is_blocked(match.start(), match.end()):
            continue
        groups = {short: match.group(full) for short, full in g.groups[rule].items()}
        expression = RULES[rule](context, match, groups)
        if expression is None or not _plausible(expression, day):
            continue
        found.append(expression)
        if expression.granularity == "day" and expression.date_start:
            context.anchor = Date.fromisoformat(expression.date_start)
            context.anchored = True
    return _join_clock_and_day(text, found) if found else found


def _plausible(expression: TimeExpression, dct: Date | None) -> bool:
    """A span the cable cannot mean is no date ("a 1800-man force" in 2008)."""
    if not expression.date_start:
        return True
    return plausible_for_cable(Date.fromisoformat(expression.date_start), Date.fromisoformat(expression.date_end), dct)


_CLOCK = re.compile(r"T(?:\d\d:\d\d|MO|AF|EV|NI)$")
_CLOCK_DAY_GAP = re.compile(r"(?:\s+(?:GMT|UTC|Z|local\s+time|[ECMP][SD]T))?\s*,?\s*(?P<on>on\s+)?")


def _join_clock_and_day(text: str, found: list[TimeExpression]) -> list[TimeExpression]:
    """A clock time right before the day it falls on is one TIME ("10:30 a.m. Monday",
    "midnight Friday"); with "on" between ("5 a.m. on July 23") the two stay
    apart, but the time takes that day instead of the last one mentioned."""
    joined: list[TimeExpression] = []
    index = 0
    while index < len(found):
        following = found[index + 1] if index + 1 < len(found) else None
        expression, used = _clock_on_day(text, found[index], following)
        joined.append(expression)
        index += used
    return joined


def _clock_on_day(text: str, current: TimeExpression, following: TimeExpression | None
                  ) -> tuple[TimeExpression, int]:
    """``current`` joined with the day after it when it is a clock time of that day, and how
    many of the two it used up."""
    clock = _CLOCK.search(current.value) if current.type == "TIME" else None
    if clock is None or following is None or following.type != "DATE" or following.granularity != "day" \
            or not re.fullmatch(r"\d{4}-\d\d-\d\d", following.value):
        return current, 1
    gap = _CLOCK_DAY_GAP.fullmatch(text, current.end, following.start)
    if gap is None:
        return current, 1
    dated = replace(current, value=following.value + clock.group(), date_start=following.date_start,
                    date_end=following.date_end, granularity="day")
    if gap.group("on"):
        return dated, 1
    return replace(dated, text=text[current.start:following.end], end=following.end, mod=following.mod), 2


def _matches(text: str, g: Grammar) -> Iterator[re.Match[str]]:
    """The grammar's matches, tried only where an anchor word stands (after
    backing up over articles and prepositions): the same matches as one
    alternation of all the rules would find with ``finditer``, many times faster."""
    last_end = 0
    for token in g.token.finditer(text):
        start = token.start()
        if start < last_end or not _is_anchor(token.group(), g.anchors):
            continue
        match = next((m for candidate in _starts_before(text, g, start, last_end)
                      for m in [_first_rule_match(text, g, candidate)] if m is not None and m.end() > start), None)
        if match is not None:
            last_end = match.end()
            yield match


def _is_anchor(word: str, anchors: frozenset[str]) -> bool:
    return word[0].isdigit() or word == "'" or word.lower() in anchors


def _starts_before(text: str, g: Grammar, start: int, last_end: int) -> list[int]:
    """Where an expression ending in the anchor at ``start`` may begin: at the starts of a run
    of prefix words before it ("the", "early", "in the"), then at the anchor itself."""
    run = g.prefix_run.search(text, max(last_end, start - 24), start)
    before = [run.start() + m.start() for m in _WORD.finditer(run.group())] if run else []
    return before + [start]


def _first_rule_match(text: str, g: Grammar, at: int) -> re.Match[str] | None:
    """The first rule (in order) that matches at ``at``, as in the alternation of all of them."""
    return next((m for rule in g.rules_at(text, at) for m in [rule.match(text, at)] if m), None)


_WORD = re.compile(r"\S+")


# -- context: DCT, clause tense, blocked spans ---------------------------------

def _parse_dct(dct: str) -> Date | None:
    try:
        return Date.fromisoformat(dct.strip()[:10]) if dct else None
    except ValueError:
        return None


@dataclass
class _Context:
    text: str
    dct: Date | None
    g: Grammar
    anchor: Date | None = None
    #: whether ``anchor`` is a day this text mentioned (else it is the DCT)
    anchored: bool = False

    def __post_init__(self) -> None:
        self.anchor = self.dct

    def is_blocked(self, start: int, end: int) -> bool:
        """Whether the span overlaps telegram machinery (DTG, DECL line, cable number ...)."""
        line_start = self.text.rfind("\n", 0, start) + 1
        left, right = max(line_start, start - 80), min(len(self.text), end + 40)
        if not self.g.blocked_hint.search(self.text, left, right):
            return False  # most windows hold nothing every machinery pattern needs
        for m in self.g.blocked.finditer(self.text, left, right):
            if m.start() < end and start < m.end():
                return True
        return False

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around text[start:end], looked for within a few hundred characters."""
        left_edge = max(0, start - CLAUSE_WINDOW)
        right_edge = min(len(self.text), end + CLAUSE_WINDOW)
        left, right = left_edge, right_edge
        for m in self.g.boundary.finditer(self.text, left_edge, right_edge):
            if m.end() <= start:
                left = m.end()
            elif m.start() >= end:
                right = m.start()
                break
        return left, right

    def direction(self, start: int, end: int) -> str:
        """``past``, ``future``, ``near`` (a purpose clause) or ``""`` for the
        clause around text[start:end]: the tense cue nearest the expression wins
        (at equal distance a future cue before a past one)."""
        left, right = self.clause(start, end)
        keys = [(distance, priority, direction)
                for cue_start, cue_end, direction, priority in self._tense_cues(left, right, start)
                for distance in [_gap(cue_start, cue_end, start, end)] if distance is not None]
        return min(keys)[2] if keys else ""

    def _tense_cues(self, left: int, right: int, start: int) -> Iterator[tuple[int, int, str, int]]:
        """(start, end, direction, priority) of the tense cues of the clause ``left:right``."""
        clause_text = self.text[left:right]
        for m in self.g.future_cue.finditer(clause_text):
            yield left + m.start(), left + m.end(), "near" if m.group("to") else "future", 0
        for m in self.g.past_cue.finditer(clause_text):
            yield left + m.start(), left + m.end(), "past", 1
        for m in self.g.ed_word.finditer(clause_text):
            word = m.group("w").lower()
            if not (m.group("aux") or word in _ED_NOT_PAST or word in _REPORTING):
                yield left + m.start("w"), left + m.end("w"), "past", 1
        for m in self.g.reporting_cue.finditer(clause_text):
            if not _reports_something_else(clause_text, m, start - left):
                yield left + m.start(), left + m.end(), "past", 1

    def signal(self, start: int) -> tuple[str, int]:
        """The preposition right before ``start`` ("since", "by" ...) and where it starts."""
        window = self.text[max(0, start - 24):start]
        m = self.g.signal.search(window)
        if not m:
            return "", start
        return _SIGNALS.get(_norm(m.group("sig")), ""), start - len(window) + m.start("sig")

    def trailer(self, end: int) -> str:
        m = self.g.trailer.match(self.text, end, min(len(self.text), end + 16))
        return re.sub(r"\s+", " ", m.group("t").lower()) if m else ""


def _gap(cue_start: int, cue_end: int, start: int, end: int) -> int | None:
    """Characters between a cue and the expression ``start:end``; None when they overlap."""
    if cue_end <= start:
        return start - cue_end
    if cue_start >= end:
        return cue_start - end
    return None


def _reports_something_else(clause_text: str, verb: re.Match[str], start: int) -> bool:
    """A verb of saying dates the saying ("In June, he said", "said on Monday"), not what
    it reports: one well before the time ("said talks in June would ...") is ignored."""
    if verb.end() > start:
        return False
    gap = clause_text[verb.end():start].lower().split()
    return len(gap) > _REPORTING_REACH or bool(_DETERMINERS.intersection(gap))


#: how far (characters) to look for the ends of an expression's clause
CLAUSE_WINDOW = 300

_LEX = lexicon()
_MONTHS: dict[str, int] = _LEX["months"]
_AMBIGUOUS_MONTHS = set(_LEX["ambiguous_months"])
_WEEKDAYS: dict[str, int] = _LEX["weekdays"]
_ORDINALS: dict[str, int] = _LEX["ordinal_words"]
_NUMBER_WORDS: dict[str, float] = _LEX["number_words"]
_VAGUE = {re.sub(r"\s+", " ", v) for v in _LEX["vague_quantities"]}
_UNITS: dict[str, list[str]] = _LEX["units"]
_SEASONS: dict[str, str] = _LEX["seasons"]
_PARTS_OF_DAY: dict[str, str] = _LEX["parts_of_day"]
_GENERIC: dict[str, str] = _LEX["generic_refs"]
#: words after which "years of ...", "decades of ..." is a vague duration
_BARE_OF_AFTER = {"after", "by", "despite", "following", "amid", "from", "with", "through", "over", "during",
                  "ending", "end", "ended", "ends", "spent", "spend", "took", "take", "takes", "and", "but", "after"}
_HOLIDAYS: dict[str, str] = {re.sub(r"\s+", " ", k): v for k, v in _LEX["holidays"].items()}
_GENERIC_NEED_SIGNAL = set(_LEX["generic_refs_need_signal"])
_SET_ADVERBS: dict[str, str] = _LEX["set_adverbs"]
_SIGNALS: dict[str, str] = {k: v for k, v in _LEX["signals"].items()}
_ED_NOT_PAST = set(_LEX["ed_not_past"])
_REPORTING = set(_LEX["reporting_verbs"])
_REPORTING_REACH: int = _LEX["reporting_reach_words"]
#: words that open a noun phrase: after a verb of saying, the start of what it reports
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "these", "those", "some", "no"}
_YEAR_BLOCK_BEFORE = set(_LEX["year_blockers_before"])
_YEAR_BLOCK_AFTER = set(_LEX["year_blockers_after"])
_QUARTERS: dict[str, int] = _LEX["quarter_ordinals"]
_HALVES: dict[str, int] = _LEX["half_ordinals"]
_DECADE_WORDS: dict[str, int] = _LEX["decade_words"]
_CENTURIES: dict[str, int] = _LEX["century_ordinals"]
_TENS = {word: value for word, value in NUMBER_WORDS.items() if value >= 20 and value % 10 == 0}


# -- small parsers ---------------------------------------------------------------

def _norm(word: str | None) -> str:
    return _BLANKS.sub(" ", (word or "").strip().lower())


_BLANKS = re.compile(r"\s+")  # compiled once: _norm runs for nearly every group of every match


def _month(word: str | None) -> int:
    return _MONTHS.get(_norm(word).rstrip("."), 0)


def _day(word: str | None) -> int:
    w = _norm(word)
    if w.startswith("the "):
        w = w[4:]
    digits = re.match(r"\d+", w)
    if digits:
        return int(digits.group())
    return _ORDINALS.get(w, 0)


def _year(word: str | None, pivot: int | None = None) -> int:
    w = _norm(word).lstrip("'")
    if not w:
        return 0
    if len(w) == 2:  # FY08, '90s: the century nearest the pivot
        base = (pivot or 2000) // 100 * 100
        value = base + int(w)
        return value - 100 if value > (pivot or 2000) + 30 else value
    return int(w)


def _quantity(word: str | None) -> float | None:
    """The number in a quantity ("six", "2-3" → 2, "a couple of" → 2); None when vague."""
    w = _norm(word)
    if not w or w in _VAGUE:
        return None
    first = re.split(r"\s*(?:-|–|\bto\b|\bor\b)\s*", w)[0] if not re.fullmatch(r"[a-z]+-[a-z]+", w) else w
    if re.fullmatch(r"\d+(?:\.\d+)?", first):
        return float(first)
    if first in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[first])
    parts = re.split(r"[-\s]", first)
    if parts and parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_NUMBER_WORDS.get(parts[1], 0) if len(parts) > 1 else 0))
    return None


def _quantity_high(word: str | None) -> float | None:
    w = _norm(word)
    parts = re.split(r"\s*(?:–|\bto\b|\bor\b|(?<=\d)-(?=\d))\s*", w)
    return _quantity(parts[-1]) if len(parts) > 1 else None


def _unit(word: str | None) -> tuple[str, str]:
    """(TIMEX3 letter, calendar unit) of a unit word."""
    code, unit = _UNITS.get(_norm(word), ["", ""])
    return code, unit


def _duration_value(amount: float | None, code: str) -> str:
    if amount is None:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    if code in ("H", "MIN", "S"):
        return f"PT{number}{'M' if code == 'MIN' else code}"
    if code == "WE":
        code = "W"
    return f"P{number}{code}"


def _capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _month_ok(word: str, strong: bool) -> bool:
    """A month name is believed when capitalised; an ambiguous one ("may",
    "march", "dec") only when ``strong`` context (a day, a year, a temporal word) backs it."""
    if not _capitalised(word):
        return False
    key = word.lower().rstrip(".")
    if key in _AMBIGUOUS_MONTHS and not strong:
        return False
    return True


# -- building the output ---------------------------------------------------------

def _emit(ctx: _Context, match: re.Match[str], res: Resolved | None, start: int | None = None,
          end: int | None = None) -> TimeExpression | None:
    """The expression of a resolved match (or of ``start:end`` of it), trailing commas and
    blanks left out; an interval with one end only gets none."""
    if res is None:
        return None
    s = match.start() if start is None else start
    e = match.end() if end is None else end
    e -= len(ctx.text[s:e]) - len(ctx.text[s:e].rstrip(" ,"))
    date_start, date_end = _interval_text(res)
    return TimeExpression(text=ctx.text[s:e], start=s, end=e, type=res.type, value=res.value, mod=res.mod,
                          date_start=date_start, date_end=date_end,
                          granularity=res.granularity if date_start else "")


def _interval_text(res: Resolved) -> tuple[str, str]:
    """ISO start and end, in order; both "" when either is missing."""
    if not (res.start and res.end):
        return "", ""
    first, last = sorted((res.start.isoformat(), res.end.isoformat()))
    return first, last


def _apply_signal(ctx: _Context, match: re.Match[str], res: Resolved | None) -> Resolved | None:
    """Prepositions before and words after the span shape the interval:
    "since X" runs to the DCT, "by X" / "before X" / "after X" set the mod,
    "X so far" stops at the DCT."""
    if res is None:
        return None
    signal, _ = ctx.signal(match.start())
    dct = ctx.dct
    shape = _SIGNAL_SHAPES.get(signal)
    if shape is not None:
        res = shape(res, dct)
    if (ctx.trailer(match.end()) in ("so far", "to date") or signal == "so far") \
            and dct and res.start and res.end and res.start <= dct <= res.end:
        res = Resolved(res.type, res.value, res.start, dct, res.granularity, res.mod)
    return res


def _since(res: Resolved, dct: Date | None) -> Resolved:
    if res.start and dct and res.start <= dct:
        return Resolved(res.type, res.value, res.start, dct, res.granularity, res.mod)
    return res


def _before(res: Resolved, dct: Date | None) -> Resolved:
    res.mod = "BEFORE"
    if res.end and dct and res.start and res.start > dct:
        return Resolved(res.type, res.value, dct, res.end, res.granularity, "BEFORE")
    return res


def _with_mod(mod: str, only_if_none: bool = False) -> Callable[[Resolved, Date | None], Resolved]:
    def shape(res: Resolved, dct: Date | None) -> Resolved:
        if not (only_if_none and res.mod):
            res.mod = mod
        return res
    return shape


#: signal (``timex.json`` "signals" value) → how it shapes the resolved interval
_SIGNAL_SHAPES: dict[str, Callable[[Resolved, Date | None], Resolved]] = {
    "since": _since,
    "by": _with_mod("ON_OR_BEFORE"),
    "before": _before,
    "after": _with_mod("AFTER"),
    "approx": _with_mod("APPROX", only_if_none=True),
}


# -- rules -------------------------------------------------------------------------

Rule = Callable[[_Context, re.Match[str], dict[str, str | None]], TimeExpression | None]
#: grammar rule name (``timex_patterns._rules``) → the function that normalizes its matches,
#: filled by ``@rule`` in definition order
RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[Rule], Rule]:
    """Register the decorated function as the normalizer of the grammar rule ``name``."""
    def register(handler: Rule) -> Rule:
        if name in RULES:
            raise ValueError(f"two normalizers for the time rule {name!r}")
        RULES[name] = handler
        return handler
    return register


def _year_of(ctx: _Context, g: dict[str, str | None], name: str, month: int, day: int | None,
             start: int, end: int) -> int | None:
    """The year of a month (and day): written, relative ("of next year"), or picked by tense."""
    if g.get(name):
        return _year(g[name])
    rel = _norm(g.get(name + "r"))
    if rel:
        if ctx.dct is None:
            return None
        return ctx.dct.year + _relative_year_offset(rel)
    if ctx.dct is None:
        return None
    return pick_year(month, day, ctx.dct, ctx.direction(start, end))


def _relative_year_offset(rel: str) -> int:
    if rel.startswith(("next", "the following", "the coming")):
        return 1
    if rel.startswith(("last", "the previous", "the past")):
        return -1
    return 0


def _day_result(ctx: _Context, match: re.Match[str], year: int | None, month: int, day: int,
                end_day: tuple[int, int, int] | None = None) -> Resolved | None:
    if year is None:
        value = f"XXXX-{month:02d}-{day:02d}"
        return Resolved("DATE", value)
    first = safe_date(year, month, day)
    if first is None:
        return None
    last = first
    if end_day is not None:
        last = safe_date(*end_day) or first
        if last < first:  # "December 28 - January 3": the range crosses a year end
            last = safe_date(end_day[0] + 1, end_day[1], end_day[2]) or first
    return Resolved("DATE", first.isoformat(), first, last, "day")


@rule("range_md_md")
def _r_range_md_md(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    m1, m2, d1, d2 = _month(g["m1"]), _month(g["m2"]), _day(g["d1"]), _day(g["d2"])
    if not (_month_ok(g["m1"] or "", True) and _month_ok(g["m2"] or "", True)):
        return None
    year2 = _year(g["y2"]) if g["y2"] else None
    year1 = _year(g["y1"]) if g["y1"] else None
    if year1 is None and year2 is not None:
        year1 = year2 if (m1, d1) <= (m2, d2) else year2 - 1
    if year1 is None:
        year1 = _year_of(ctx, g, "y1", m1, d1, match.start(), match.end())
    if year2 is None and year1 is not None:
        year2 = year1 if (m2, d2) >= (m1, d1) else year1 + 1
    res = _day_result(ctx, match, year1, m1, d1, (year2, m2, d2) if year2 else None)
    return _emit(ctx, match, _apply_signal(ctx, match, res))


@rule("range_dm_dm")
def _r_range_dm_dm(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    return _r_range_md_md(ctx, match, g)


@rule("range_m_dd")
@rule("range_dd_m")  # "17-18 July": the same fields as "July 17-18"
def _r_range_m_dd(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    month, d1, d2 = _month(g["m"]), _day(g["d1"]), _day(g["d2"])
    if not _month_ok(g["m"] or "", True) or not (1 <= d1 <= 31 and 1 <= d2 <= 31) or d2 <= d1:
        return None
    if _norm(g.get("sep")) == "," and not g.get("y"):
        return None  # "July 17, 18 people" is not a range
    year = _year_of(ctx, g, "y", month, d1, match.start(), match.end())
    res = _day_result(ctx, match, year, month, d1, (year, month, d2) if year else None)
    return _emit(ctx, match, _apply_signal(ctx, match, res))


def _weekday_year(year: int | None, month: int, day: int, g: dict[str, str | None],
                  dct: Date | None) -> int | None:
    """A written weekday settles the year of a yearless date ("Tuesday, July 17" is 2007's,
    not 2008's): the nearest year on either side of the one picked whose date falls on it."""
    word = _norm(g.get("wd")).rstrip(".")
    if year is None or g.get("y") or g.get("yr") or word not in _WEEKDAYS:
        return year
    picked = safe_date(year, month, day)
    if picked is None or dct is None or picked.isoweekday() == _WEEKDAYS[word]:
        return year
    # a weekday that disagrees with a date near the DCT is a slip of the writer; it moves the
    # year only when the other year is about as near ("Monday, January 12" in a July story)
    reach = max(60, 1.5 * abs((picked - dct).days))
    for candidate in (year - 1, year + 1):
        when = safe_date(candidate, month, day)
        if when is not None and when.isoweekday() == _WEEKDAYS[word] and abs((when - dct).days) <= reach:
            return candidate
    return year


@rule("md")
def _r_md(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    month, day = _month(g["m"]), _day(g["d"])
    word = g["m"] or ""
    day_text = _norm(g["d"])
    if not _capitalised(word):
        return None
    if word.lower().rstrip(".") in _AMBIGUOUS_MONTHS and not g.get("y") and not g.get("yr"):
        # "may 5" lower case never reaches here; "May 5" and "March 3" are dates,
        # but "May one day" is not: a spelled day must be an ordinal
        if not re.match(r"\d", day_text) and day_text.split()[-1] not in _ORDINALS:
            return None
        if word.isupper() and len(word) > 3 and not g.get("wd") and not re.match(r"\d", day_text):
            return None
    year = _weekday_year(_year_of(ctx, g, "y", month, day, match.start(), match.end()), month, day, g, ctx.dct)
    res = _day_result(ctx, match, year, month, day)
    return _emit(ctx, match, _apply_signal(ctx, match, res))


@rule("dm")
def _r_dm(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    word = g["m"] or ""
    if not _capitalised(word):
        return None
    if word.lower().rstrip(".") in _AMBIGUOUS_MONTHS and not g.get("y") and not re.match(r"\d", _norm(g["d"])):
        return None
    month, day = _month(word), _day(g["d"])
    year = _weekday_year(_year_of(ctx, g, "y", month, day, match.start(), match.end()), month, day, g, ctx.dct)
    res = _day_result(ctx, match, year, month, day)
    return _emit(ctx, match, _apply_signal(ctx, match, res))


@rule("iso")
def _r_iso(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    res = _day_result(ctx, match, _year(g["y"]), int(g["m"] or 0), int(g["d"] or 0))
    return _emit(ctx, match, _apply_signal(ctx, match, res))


# -- dateparser: the normalizer for absolute dates written in formats our calendar code does not read

#: dateparser's DATE_ORDER for each written shape: US news writes 7/17/2008, dotted dates are European
_NUMERIC_ORDERS = {"slash": "MDY", "dot": "DMY", "year_first": "YMD", "dashed": ""}


@rule("numeric")
def _r_numeric(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    shape = ("slash" if g.get("a") else "dot" if g.get("a2") else "year_first" if g.get("y3") else "dashed")
    if shape == "dashed" and not _month_ok(g.get("m4") or "", True):
        return None
    day = parse_absolute_day(match.group(0), ctx.dct.isoformat() if ctx.dct else "", "", _NUMERIC_ORDERS[shape])
    if day is None:
        return None
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", day.isoformat(), day, day, "day")))


@lru_cache(maxsize=4096)
def parse_absolute_day(span: str, dct: str, direction: str = "", date_order: str = "") -> Date | None:
    """The day a fully written date names, read by dateparser (imported on first use:
    ``import extractor.timex`` stays cheap, and text with no such date never loads it).

    ``dct`` is the RELATIVE_BASE, ``direction`` (``past`` / ``future``) sets
    PREFER_DATES_FROM, and day, month and year must all be written: a span
    dateparser would complete from the base is not an absolute date.
    """
    import dateparser  # noqa: PLC0415  (lazy: ~50 ms import plus ~150 ms of language data on first parse)

    settings: dict[str, object] = {
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_TIME_AS_PERIOD": False,
    }
    base = _parse_dct(dct)
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    if direction in ("past", "future"):
        settings["PREFER_DATES_FROM"] = direction
    if date_order:
        settings["DATE_ORDER"] = date_order
    try:
        parsed = dateparser.parse(span, languages=["en"], settings=settings)
    except (ValueError, OverflowError, TypeError):  # dateparser raises on some odd inputs
        return None
    if parsed is None or parsed.year not in YEARS["calendar"]:
        return None
    return parsed.date()


@rule("week_of")
def _r_week_of(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    word = g["m1"] or g["m2"] or ""
    if not _month_ok(word, True):
        return None
    month, day = _month(word), _day(g["d1"] or g["d2"])
    year = _year_of(ctx, g, "y", month, day, match.start(), match.end())
    if year is None:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-{month:02d}-{day:02d}"))
    when = safe_date(year, month, day)
    if when is None:
        return None
    if when.weekday() == 6:
        # "the week of (Sunday) November 12" names the week that Sunday begins, as US
        # calendars start it, not the ISO week it ends
        start, end = when, when + dt.timedelta(days=6)
        return _emit(ctx, match, _apply_signal(ctx, match, Resolved(
            "DATE", week_value(when + dt.timedelta(days=1)), start, end, "week")))
    start, end = iso_week_interval(when)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", week_value(when), start, end, "week")))


def _named_month(ctx: _Context, match: re.Match[str],
                 g: dict[str, str | None]) -> tuple[int, int] | TimeExpression | None:
    """(year, month) of the month group ``m`` (its year group ``y``, else the DCT's reading);
    None when the word is no month here; the month without a year when none can be told."""
    word = g["m"] or ""
    if not _month_ok(word, True):
        return None
    month = _month(word)
    year = _year_of(ctx, g, "y", month, None, match.start(), match.end())
    if year is None:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-{month:02d}"))
    return year, month


@rule("nth_weekday")
def _r_nth_weekday(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    """"the fourth Sunday in October 2011", "the last Friday of May": that day of that month."""
    found = _named_month(ctx, match, g)
    if not isinstance(found, tuple):
        return found
    year, month = found
    weekday, n = _WEEKDAYS[_norm(g["wd"])], _norm(g["n"])
    if n in ("last", "final"):
        day = month_end(year, month)
        day = add_days(day, -((day.isoweekday() - weekday) % 7))
    else:
        index = int(n[:-2]) if n[0].isdigit() else _ORDINALS.get(n, 1)
        first = Date(year, month, 1)
        day = add_days(first, (weekday - first.isoweekday()) % 7 + 7 * (index - 1))
        if day.month != month:
            return None  # "the fifth Monday" of a month that has four
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", day.isoformat(), day, day, "day")))


@rule("nth_week")
def _r_nth_week(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    found = _named_month(ctx, match, g)
    if not isinstance(found, tuple):
        return found
    year, month = found
    n = _norm(g["n"])
    last_day = month_end(year, month)
    if n in ("last", "final"):
        start, end = add_days(last_day, -6), last_day
    else:
        index = _ORDINALS.get(n, 1)
        start = Date(year, month, min(1 + 7 * (index - 1), last_day.day))
        end = min(add_days(start, 6), last_day)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", week_value(start), start, end, "week")))


_PART_MODS = {"early": "START", "beginning": "START", "start": "START", "first part": "START",
              "first days": "START", "first weeks": "START", "first half": "START",
              "mid": "MID", "middle": "MID",
              "late": "END", "end": "END", "close": "END", "latter part": "END", "last part": "END",
              "last days": "END", "last weeks": "END", "second half": "END"}


def _part_mod(g: dict[str, str | None]) -> str:
    p1, p2, p3 = _norm(g.get("p1")), _norm(g.get("p2")), _norm(g.get("p3"))
    if p3:
        return _PART_MODS.get(p3, "")
    if p2:
        return _PART_MODS.get(p2, "") if p1 != "early" else "START"
    return _PART_MODS.get(p1, "")


@rule("part_month")
def _r_part_month(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    word = g["m"] or ""
    if not _month_ok(word, True):
        return None
    month = _month(word)
    year = _year_of(ctx, g, "y", month, None, match.start(), match.end())
    mod = _part_mod(g)
    if year is None:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-{month:02d}", mod=mod))
    start, end = month_interval(year, month)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{year:04d}-{month:02d}", start, end, "month", mod)))


@rule("months_alt")
def _r_months_alt(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    w1, w2 = g["m1"] or "", g["m2"] or ""
    if not (_month_ok(w1, True) and _month_ok(w2, True)):
        return None
    m1, m2 = _month(w1), _month(w2)
    year = _year_of(ctx, g, "y", m2, None, match.start(), match.end())
    if year is None:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-{m1:02d}"))
    year1 = year if m1 <= m2 else year - 1
    start, end = month_interval(year1, m1)[0], month_interval(year, m2)[1]
    mod = _PART_MODS.get(_norm(g.get("p1")), "")
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{year1:04d}-{m1:02d}", start, end, "month", mod)))


@rule("rel_month")
def _r_rel_month(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    word = g["m"] or ""
    if not _month_ok(word, True):
        return None
    month, rel = _month(word), _norm(g["rel"])
    if ctx.dct is None:
        value = "FUTURE_REF" if rel in ("next", "coming") else "PAST_REF" if rel in ("last", "past", "previous") else f"XXXX-{month:02d}"
        return _emit(ctx, match, Resolved("DATE", value))
    if rel in ("next", "coming"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    elif rel in ("last", "past", "previous"):
        year = ctx.dct.year if month < ctx.dct.month else ctx.dct.year - 1
    else:
        year = ctx.dct.year
    start, end = month_interval(year, month)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{year:04d}-{month:02d}", start, end, "month")))


@rule("month_year")
def _r_month_year(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    word = g["m"] or g["m2"] or ""
    if not _month_ok(word, True):
        return None
    month = _month(word)
    if g.get("y"):
        year: int | None = _year(g["y"])
    elif ctx.dct is not None:
        year = ctx.dct.year + _relative_year_offset(_norm(g["ry"]))
    else:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-{month:02d}"))
    assert year is not None
    start, end = month_interval(year, month)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{year:04d}-{month:02d}", start, end, "month")))


_MONTH_INTRODUCERS = re.compile(
    r"(?:\b(?:in|since|by|until|till|through|during|from|to|before|after|of|the|a|an|his|her|its|their|our|"
    r"last|next|this|that|early|late|mid|each|every|and|or|between|around|about|in\s+early|"
    r"in\s+late)|'s|’s|,s|-)\s*$", re.IGNORECASE)


@rule("month")
def _r_month(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    word = g["m"] or ""
    if not _capitalised(word):
        return None
    key = word.lower().rstrip(".")
    introduced = bool(_MONTH_INTRODUCERS.search(ctx.text[max(0, match.start() - 12):match.start()]))
    if key in _AMBIGUOUS_MONTHS or word.isupper():
        if not introduced:
            return None
        if len(key) <= 4 and key not in ("may", "june", "july") and not word.endswith("."):
            return None  # "Mar", "Dec" without a period are names or codes more often than months
    month = _month(word)
    year = _year_of(ctx, g, "y", month, None, match.start(), match.end())
    if year is None:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-{month:02d}"))
    start, end = month_interval(year, month)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{year:04d}-{month:02d}", start, end, "month")))


def _named_year(ctx: _Context, g: dict[str, str | None]) -> int | None:
    """The year of a ``y`` / ``ry`` (relative) / ``yr`` ("the year": the DCT's) group."""
    if g.get("y"):
        return _year(g["y"])
    if ctx.dct is None:
        return None
    if g.get("ry"):
        return ctx.dct.year + _relative_year_offset(_norm(g["ry"]))
    return ctx.dct.year


@rule("quarter")
def _r_quarter(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    if g.get("qn"):  # "Q3 2008"
        quarter, year, fiscal = int(g["qn"] or 1), _year(g["y2"]), False
    else:
        named = bool(g.get("y") or g.get("ry"))
        # "the first quarter" alone: the DCT's year, unless it reads as a fraction
        if not named and (ctx.dct is None or not _norm(match.group(0)).startswith("the")):
            return None
        quarter, year, fiscal = _QUARTERS.get(_norm(g["q"]), 0), _named_year(ctx, g) or 0, bool(g.get("fy"))
        if year and not named and ctx.dct is not None and quarter:
            year = _quarter_year_by_tense(ctx, match, year, quarter, ctx.dct)
    if not quarter:
        return None
    if not year:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-Q{quarter}"))
    return _emit(ctx, match, _apply_signal(ctx, match, _quarter_resolved(year, quarter, fiscal)))


def _quarter_year_by_tense(ctx: _Context, match: re.Match[str], year: int, quarter: int, dct: Date) -> int:
    """ "profits rose in the fourth quarter" in a February story: last year's."""
    first, last = quarter_interval(year, quarter)
    direction = ctx.direction(match.start(), match.end())
    if direction == "past" and first > dct:
        return year - 1
    if direction == "future" and last < dct:
        return year + 1
    return year


def _quarter_resolved(year: int, quarter: int, fiscal: bool) -> Resolved:
    if fiscal:  # US federal fiscal year: Q1 is October-December of the year before
        start = add_months(Date(year - 1, 10, 1), 3 * (quarter - 1))
        return Resolved("DATE", f"FY{year:04d}-Q{quarter}", start, add_days(add_months(start, 3), -1), "quarter")
    start, end = quarter_interval(year, quarter)
    return Resolved("DATE", f"{year:04d}-Q{quarter}", start, end, "quarter")


@rule("half")
def _r_half(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    half = _HALVES.get(_norm(g["h"]), 0)
    if not half or not (g.get("y") or g.get("ry") or g.get("yr")):
        return None
    year = _named_year(ctx, g)
    if year is None:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-H{half}"))
    start = Date(year, 1 if half == 1 else 7, 1)
    end = Date(year, 6, 30) if half == 1 else Date(year, 12, 31)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{year:04d}-H{half}", start, end, "quarter")))


@rule("part_year")
def _r_part_year(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    mod = _part_mod(g)
    part = _norm(g.get("p3")) or _norm(g.get("p2")) or _norm(g.get("p1"))
    if _norm(g.get("yr")) in ("decade", "month", "week"):
        if ctx.dct is None:
            return _emit(ctx, match, Resolved("DATE", "PRESENT_REF", mod=mod))
        start, end, gran, value = unit_interval(ctx.dct, _norm(g.get("yr")))
        return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", value, start, end, gran, mod)))
    year = _named_year(ctx, g)
    if year is None:
        return _emit(ctx, match, Resolved("DATE", "XXXX", mod=mod))
    if part in ("first half", "second half"):
        half = 1 if part == "first half" else 2
        start = Date(year, 1 if half == 1 else 7, 1)
        end = Date(year, 6, 30) if half == 1 else Date(year, 12, 31)
        return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{year:04d}-H{half}", start, end, "quarter")))
    # a loose part keeps the unit it qualifies (ANNOTATION.md): "late 2007" is the year 2007,
    # the part is its mod (TIMEX3's value "2007", mod END)
    start, end = Date(year, 1, 1), Date(year, 12, 31)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{year:04d}", start, end, "year", mod)))


@rule("fiscal")
def _r_fiscal(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    pivot = ctx.dct.year if ctx.dct else None
    year = _year(g["y"], pivot)
    if year not in YEARS["calendar"]:
        return None
    last = _year(g["y2"], pivot) if g.get("y2") else year
    if last < year:
        last = year + 1 if last % 100 == (year + 1) % 100 else year
    # US federal fiscal year N runs from October 1 of N-1 to September 30 of N
    start, end = Date(year - 1, 10, 1), Date(last, 9, 30)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"FY{year:04d}", start, end, "year")))


@rule("decade")
def _r_decade(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    if g.get("c"):
        first = int(g["c"] or 0) * 100 + int(g["d"] or 0) * 10
    else:
        digit = int(g["d2"] or 0) if g.get("d2") else _DECADE_WORDS.get(_norm(g.get("w")), 0)
        if not digit:
            return None
        if g.get("w") and not _norm(match.group(0)).startswith("the"):
            return None  # "in his forties" is an age
        base = (ctx.dct.year if ctx.dct else 2000) // 100 * 100
        first = base + digit * 10
        if first + 9 > (ctx.dct.year if ctx.dct else 2000):
            first -= 100
    start, end = Date(first, 1, 1), Date(first + 9, 12, 31)
    mod = _PART_MODS.get(_norm(g.get("p")), "")
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{first // 10:03d}", start, end, "decade", mod)))


@rule("century")
def _r_century(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    number = _CENTURIES.get(_norm(g["c"]), 0)
    if not number:
        return None
    first = (number - 1) * 100
    start, end = Date(max(first, 1), 1, 1), Date(first + 99, 12, 31)
    return _emit(ctx, match, Resolved("DATE", f"{number - 1:02d}", start, end, "decade"))


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


@rule("season")
def _r_season(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    rel = _norm(g.get("rel"))
    if _season_is_a_word(ctx, match, g, rel):
        return None
    code = _SEASONS[_norm(g["s"])]
    mod = {"early": "START", "mid": "MID", "late": "END"}.get(rel, "")
    year = _season_year(ctx, match, g, rel, code)
    if year is None:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-{code}", mod=mod))
    first_month, last_month = _SEASON_MONTHS[code]
    start = Date(year, first_month, 1)
    end = month_end(year + 1, last_month) if code == "WI" else month_end(year, last_month)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{year:04d}-{code}", start, end, "quarter", mod)))


def _season_is_a_word(ctx: _Context, match: re.Match[str], g: dict[str, str | None], rel: str) -> bool:
    """A bare "spring" or "fall" is as often a noun or a verb; "the spring" needs a signal before it."""
    if g.get("y") or g.get("ry"):
        return False
    return not rel or rel == "the" and ctx.signal(match.start())[0] not in ("in", "by", "since", "until", "before", "after")


def _season_year(ctx: _Context, match: re.Match[str], g: dict[str, str | None], rel: str, code: str) -> int | None:
    """The year the season starts in: named, relative ("last winter"), or picked by tense."""
    if g.get("y") or g.get("ry"):
        return _named_year(ctx, g)
    if ctx.dct is None:
        return None
    if rel in ("last", "next", "this"):
        return _relative_season_year(ctx.dct, rel, code)
    return pick_year(_SEASON_MONTHS[code][0], None, ctx.dct, ctx.direction(match.start(), match.end()))


def _relative_season_year(dct: Date, rel: str, code: str) -> int:
    first_month, last_month = _SEASON_MONTHS[code]
    current = dct.year - 1 if code == "WI" and dct.month <= 2 else dct.year  # January's winter began last year
    year = current + {"last": -1, "next": 1}.get(rel, 0)
    if rel == "next" and dct.month < first_month and code != "WI":
        year -= 1
    if rel == "last" and dct.month > last_month and code != "WI":
        year += 1
    return year


@rule("first_n")
def _r_first_n(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    amount = _quantity(g["q"])
    code, unit = _unit(g["u"])
    if amount is None or amount < 1:
        return None
    year = _named_year(ctx, g)
    value = _duration_value(amount, code)
    if year is None:
        return _emit(ctx, match, Resolved("DURATION", value))
    if _norm(g["dir"]) == "first":
        start = Date(year, 1, 1)
        end = add_days(shift(start, amount, unit), -1)
    else:
        end = Date(year, 12, 31)
        start = add_days(shift(end, -amount, unit), 1)
    gran = "month" if unit == "month" else "week" if unit == "week" else "day"
    return _emit(ctx, match, Resolved("DURATION", value, start, end, gran))


def _span_granularity(unit: str, amount: float | None) -> str:
    if unit == "year" and amount is not None and amount >= 10:
        return "decade"
    return {"century": "decade", "hour": "day", "minute": "day", "second": "day"}.get(unit, unit)


@rule("past_n")
def _r_past_n(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    direction = _norm(g["dir"])
    amount = _quantity(g["q"])
    code, unit = _unit(g["u"])
    if not code or (unit == "second" and not re.match(r"\d", _norm(g["q"]))):
        return None
    if direction in ("first", "final") and not _norm(match.group(0)).startswith("the"):
        return None
    value = _duration_value(amount, code)
    dct = ctx.anchor if direction in ("following", "preceding", "first", "final") else ctx.dct
    if amount is None or dct is None or direction in ("first", "final"):
        return _emit(ctx, match, Resolved("DURATION", value))
    if direction in ("next", "coming", "following"):
        start, end = dct, shift(dct, amount, unit)
    else:
        start, end = shift(dct, -amount, unit), dct
    return _emit(ctx, match, Resolved("DURATION", value, start, end, _span_granularity(unit, amount)))


@rule("ago")
def _r_ago(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    q = _norm(g["q"])
    amount = _quantity(g["q"])
    code, unit = _unit(g["u"])
    rel = _norm(g["rel"])
    if not code or (unit == "second" and not re.match(r"\d", q)):
        return None
    if rel in ("before", "after", "prior") and re.match(r"\s*(?:to\s+)?[A-Za-z\d]", ctx.text[match.end():match.end() + 12]):
        # "two years after the war": a duration measured from an event we cannot date
        core = ctx.text[match.start():match.start("ago__rel")].rstrip()
        res = Resolved("DURATION", _duration_value(amount, code))
        return _emit(ctx, match, res, match.start(), match.start() + len(core))
    backwards = rel in ("ago", "earlier", "before", "prior", "back", "previously")
    base = ctx.dct if rel in ("ago", "from now", "hence", "back") else ctx.anchor
    if base is None or amount is None:
        return _emit(ctx, match, Resolved("DATE", "PAST_REF" if backwards else "FUTURE_REF"))
    if unit in ("hour", "minute", "second"):
        return _emit(ctx, match, Resolved("TIME", f"{base.isoformat()}", base, base, "day"))
    return _emit(ctx, match, _shifted_unit(base, -1 if backwards else 1, amount, _quantity_high(g["q"]), unit, q))


def _shifted_unit(base: Date, sign: int, amount: float, high: float | None, unit: str, q: str) -> Resolved:
    """The unit ``amount`` units from ``base`` ("three weeks ago"); a range of amounts ("2-3
    years ago") covers the units of both ends."""
    start, end, gran, value = unit_interval(shift(base, sign * amount, unit), unit)
    if high is not None and high != amount:
        o_start, o_end, _, _ = unit_interval(shift(base, sign * high, unit), unit)
        return Resolved("DATE", value, min(start, o_start), max(end, o_end), gran, "APPROX")
    mod = "APPROX" if q in ("a couple of", "a couple", "couple of") else ""
    return Resolved("DATE", value, start, end, gran, mod)


@rule("named")
def _r_named(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    name = _norm(g["n"])
    offset = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0, "tonight": 0,
              "tomorrow": 1, "the day after tomorrow": 2}[name]
    pod = _PARTS_OF_DAY.get(_norm(g.get("pod")), "")
    if name in ("tonight", "last night"):
        pod = "NI"
    if ctx.dct is None:
        value = "PRESENT_REF" if offset == 0 else ("PAST_REF" if offset < 0 else "FUTURE_REF")
        return _emit(ctx, match, Resolved("DATE", value))
    day = add_days(ctx.dct, offset)
    value = day.isoformat() + (f"T{pod}" if pod else "")
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("TIME" if pod else "DATE", value, day, day, "day")))


@rule("this_pod")
def _r_this_pod(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    pod = _PARTS_OF_DAY.get(_norm(g["pod"]), "")
    if _norm(g["rel"]) == "that":
        base = ctx.anchor
    else:
        base = ctx.dct
    if base is None:
        return _emit(ctx, match, Resolved("TIME", f"XXXX-XX-XXT{pod}"))
    return _emit(ctx, match, Resolved("TIME", f"{base.isoformat()}T{pod}", base, base, "day"))


@rule("vague_this")
def _r_vague_this(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    unit = "year" if g.get("ytd") else _norm(g.get("u") or g.get("u2") or g.get("u3") or "year")
    how = _norm(g.get("v") or g.get("v2")) or ("so far" if g.get("sf") or g.get("ytd") else "")
    if unit == "day" and not ctx.anchored:
        return None  # "earlier in the day" of a day named before this text: the caller's context knows it
    base = _vague_base(ctx, g, unit)
    if base is None:
        return _emit(ctx, match, Resolved("DATE", "PRESENT_REF"))
    return _emit(ctx, match, _vague_interval(ctx, base, unit, how))


def _vague_base(ctx: _Context, g: dict[str, str | None], unit: str) -> Date | None:
    """ "earlier in the week": the DCT's, unless the text has moved to a day of another one."""
    base = ctx.dct
    if g.get("u3") and ctx.anchor is not None and base is not None \
            and unit_interval(ctx.anchor, unit)[3] != unit_interval(base, unit)[3]:
        return ctx.anchor
    return base


#: how a vague word narrows the unit around its base: (start at the base, end at the base, mod)
_VAGUE_CUTS: dict[str, tuple[bool, bool, str]] = {
    "earlier": (False, True, ""), "so far": (False, True, ""), "later": (True, False, ""),
    "early": (False, False, "START"), "late": (False, False, "END"),
}


def _vague_interval(ctx: _Context, base: Date, unit: str, how: str) -> Resolved:
    start, end, gran, value = unit_interval(base, unit)
    from_base, to_base, mod = _VAGUE_CUTS.get(how, (False, False, ""))
    start, end = (base if from_base else start), (base if to_base else end)
    if how in ("early", "late") and unit == "year" and ctx.dct is not None:
        start, end = quarter_interval(ctx.dct.year, 1 if how == "early" else 4)
        gran = "quarter"
    return Resolved("DATE", value, start, end, gran, mod)


_REL_OFFSETS = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "this": 0, "current": 0, "present": 0,
                "same": 0, "next": 1, "coming": 1, "following": 1}


@rule("rel_unit")
def _r_rel_unit(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    direction, unit, has_the = _norm(g["dir"]), _norm(g["u"]), bool(g.get("the"))
    fiscal = unit == "fiscal year"
    base_unit = "week" if unit == "weekend" else ("year" if fiscal else unit)
    # "the past year", "the next month": a span back (or on) from the DCT
    if has_the and direction in ("past", "last", "next", "coming") and unit != "weekend":
        return _emit(ctx, match, _span_from_dct(ctx.dct, direction, base_unit))
    if direction in ("past", "present") and not has_the:
        return None
    base = ctx.anchor if direction in ("previous", "preceding", "following", "same") and has_the else ctx.dct
    offset = _REL_OFFSETS.get(direction, 0)
    if base is None:
        return _emit(ctx, match, Resolved("DATE", {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}[offset]))
    when = shift(base, offset, base_unit)
    start, end, gran, value = unit_interval(when, base_unit)
    if unit == "weekend":
        start, value = add_days(start, 5), value + "-WE"
    if fiscal:
        year = when.year + (1 if when.month >= 10 else 0)
        start, end, value = Date(year - 1, 10, 1), Date(year, 9, 30), f"FY{year:04d}"
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", value, start, end, gran, _part_mod(g))))


def _span_from_dct(dct: Date | None, direction: str, unit: str) -> Resolved:
    """ "the past year": the year up to the DCT; "the next month": the month from it."""
    code, _ = _unit(unit)
    value = _duration_value(1, code)
    if dct is None:
        return Resolved("DURATION", value)
    if direction in ("past", "last"):
        start, end = shift(dct, -1, unit), dct
    else:
        start, end = dct, shift(dct, 1, unit)
    return Resolved("DURATION", value, start, end, _span_granularity(unit, 1))


@rule("rel_day")
def _r_rel_day(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    """"the next day", "the previous day": one day from the last day mentioned (else the DCT)."""
    base = ctx.anchor
    if base is None or not ctx.anchored:
        return None  # no day mentioned before it in this text: the caller's context knows better
    day = add_days(base, 1 if _norm(g["dir"]) in ("next", "following") else -1)
    return _emit(ctx, match, Resolved("DATE", day.isoformat(), day, day, "day"))


@rule("overnight")
def _r_overnight(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    """"prices fell overnight": the night before the DCT (the coming one in a future clause);
    "an overnight stay" is an adjective, not a time."""
    following = re.match(r"\s*([A-Za-z]+)", ctx.text[match.end():match.end() + 20])
    if following and following.group(1).lower() not in _OVERNIGHT_FOLLOWERS:
        return None
    if ctx.dct is None:
        return _emit(ctx, match, Resolved("TIME", "XXXX-XX-XXTNI"))
    ahead = ctx.direction(match.start(), match.end()) in ("future", "near")
    day = ctx.dct if ahead else add_days(ctx.dct, -1)
    return _emit(ctx, match, Resolved("TIME", f"{day.isoformat()}TNI", day, day, "day"))


#: words after "overnight" that leave it an adverb ("fell overnight in Asia")
_OVERNIGHT_FOLLOWERS = {"in", "on", "at", "to", "and", "as", "after", "before", "from", "with", "while", "when",
                        "but", "or", "amid", "following", "into", "across", "for", "by", "near", "outside", "inside"}


@rule("holiday")
def _r_holiday(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    word = g["h"] or ""
    if not _capitalised(word):
        return None
    key = _norm(word)
    fixed = _HOLIDAYS[key]
    approx = {"EASTER": (4, 5), "THANKSGIVING": (11, 25)}.get(fixed)
    month, day = approx or (int(fixed[:2]), int(fixed[3:]))
    rel = _norm(g.get("rel"))
    if g.get("y"):
        year: int | None = _year(g["y"])
    elif ctx.dct is None:
        year = None
    elif rel:
        year = pick_year(month, day, ctx.dct, {"last": "past", "next": "future"}.get(rel, "near"))
    else:
        year = pick_year(month, day, ctx.dct, ctx.direction(match.start(), match.end()))
    if year is None:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-{month:02d}-{day:02d}" if not approx else "XXXX"))
    when = _movable_feast(fixed, year) if approx else safe_date(year, month, day)
    if when is None:
        return None
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", when.isoformat(), when, when, "day")))


def _movable_feast(name: str, year: int) -> Date:
    if name == "THANKSGIVING":  # fourth Thursday of November (US)
        first = Date(year, 11, 1)
        return add_days(first, (3 - first.weekday()) % 7 + 21)
    # Easter Sunday (Western), the anonymous Gregorian algorithm
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    h = (19 * a + b - d - (b - f + 1) // 3 + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    return Date(year, month, (h + el - 7 * m + 114) % 31 + 1)


@rule("weekday")
def _r_weekday(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    word = g["wd"] or ""
    if not _capitalised(word):
        return None
    weekday = _WEEKDAYS.get(word.lower(), 0)
    rel = _norm(g.get("rel"))
    pod = _PARTS_OF_DAY.get(_norm(g.get("pod")), "")
    base = ctx.anchor if rel in ("the following", "the previous", "that") else ctx.dct
    if base is None:
        return _emit(ctx, match, Resolved("DATE", f"XXXX-WXX-{weekday}"))
    day = _relative_weekday(rel, weekday, base) or pick_weekday(weekday, base, ctx.direction(match.start(), match.end()))
    value = day.isoformat() + (f"T{pod}" if pod else "")
    mod = {"early": "START", "late": "END"}.get(_norm(g.get("part")), "")
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("TIME" if pod else "DATE", value, day, day, "day", mod)))


def _relative_weekday(rel: str, weekday: int, base: Date) -> Date | None:
    """The day a relative word names ("next Monday", "last Friday", "this Tuesday"); None
    when there is none (the clause's tense picks the day)."""
    if rel in ("next", "coming", "the following"):
        return add_days(base, ((weekday - base.isoweekday()) % 7) or 7)
    if rel in ("last", "the previous"):
        return add_days(base, -(((base.isoweekday() - weekday) % 7) or 7))
    if rel == "this":
        return iso_week_interval(base)[0] + dt.timedelta(days=weekday - 1)
    return None


@rule("weekend")
def _r_weekend(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    rel = _norm(g["rel"])
    if ctx.dct is None:
        return _emit(ctx, match, Resolved("DATE", "XXXX-WXX-WE"))
    if rel in ("last", "past", "the previous"):
        week_day = add_days(ctx.dct, -7)
    elif rel in ("next", "the following"):
        week_day = add_days(ctx.dct, 7)
    elif rel == "this":
        week_day = ctx.dct
    else:  # "the weekend": the nearest one in the clause's direction
        direction = ctx.direction(match.start(), match.end())
        saturday = pick_weekday(6, ctx.dct, direction)
        if direction != "past" and ctx.dct.isoweekday() == 7:
            saturday = add_days(ctx.dct, -1)
        week_day = saturday
    monday, sunday = iso_week_interval(week_day)
    return _emit(ctx, match, _apply_signal(
        ctx, match, Resolved("DATE", week_value(week_day) + "-WE", add_days(monday, 5), sunday, "week")))


@rule("set")
def _r_set(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    value = _set_by_adverb(g) if g.get("adv") else _set_by_rate(ctx, match, g) if g.get("per") else _set_by_every(g)
    return _emit(ctx, match, Resolved("SET", value)) if value else None


def _set_by_adverb(g: dict[str, str | None]) -> str:
    # "daily", "annually"
    return _SET_ADVERBS[_norm(g["adv"])]


_RATE_BEFORE = re.compile(r"(?:\d|\b(?:million|billion|thousand|hundred|once|twice|times|dollars|pesos|percent|tons"
                          r"|hours|days))[\s%]*$", re.IGNORECASE)


def _set_by_rate(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> str:
    # "a year" is a rate only after an amount: "$5 million a year", "twice a month"
    if _norm(g["per"]) == "a" and not _RATE_BEFORE.search(ctx.text[max(0, match.start() - 30):match.start()]):
        return ""
    code, _ = _unit(g["pu"])
    return _duration_value(1, code)


def _set_by_every(g: dict[str, str | None]) -> str:
    # "every Monday", "every other week", "each morning"
    if g.get("wd"):
        return f"XXXX-WXX-{_WEEKDAYS.get((g['wd'] or '').lower(), 1)}" if _capitalised(g["wd"] or "") else ""
    step = 2 if _norm(g.get("other")) == "other" else 1
    unit = _norm(g["u"])
    if unit in _PARTS_OF_DAY:
        return f"T{_PARTS_OF_DAY[unit]}"
    if unit == "quarter":
        return f"P{3 * step}M"
    return _duration_value(step, _unit(unit)[0])


@rule("time")
def _r_time(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    reader = next(read for group, read in _CLOCK_READERS if g.get(group))
    clock_time = reader(ctx, match, g)
    if clock_time is None:
        return None
    clock = f"T{clock_time[0]:02d}:{clock_time[1]:02d}"
    day = ctx.anchor
    if day is None:
        return _emit(ctx, match, Resolved("TIME", f"XXXX-XX-XX{clock}"))
    return _emit(ctx, match, Resolved("TIME", day.isoformat() + clock, day, day, "day"))


_ClockReader = Callable[[_Context, re.Match[str], dict[str, str | None]], "tuple[int, int] | None"]


def _named_clock(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> tuple[int, int] | None:
    return (0, 0) if _norm(g["nm"]) == "midnight" else (12, 0)  # "noon", "midday"


def _twelve_hour_clock(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> tuple[int, int] | None:
    # "10:30 a.m.", "9 pm"
    hour, minute = int(g["h"] or 0), int(g["mi"] or 0)
    ap = _norm(g["ap"]).replace(".", "")
    if hour > 12 or hour == 0:
        return None
    if ap == "pm" and hour != 12:
        hour += 12
    if ap == "am" and hour == 12:
        hour = 0
    return hour, minute


def _colon_clock(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> tuple[int, int] | None:
    # "10:30", "14:00 hrs"
    before = ctx.text[max(0, match.start() - 2):match.start()]
    if re.search(r"[\d:.]\s?$", before) or re.match(r"[:.]\d", ctx.text[match.end():match.end() + 2]):
        return None  # a ratio, a score or a verse number
    return int(g["h2"] or 0), int(g["mi2"] or 0)


def _military_clock(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> tuple[int, int] | None:
    # "0900 hours"
    return int(g["h3"] or 0), int(g["mi3"] or 0)


#: the time rule's alternatives: (the group that tells which matched, how it reads the clock)
_CLOCK_READERS: tuple[tuple[str, _ClockReader], ...] = (
    ("nm", _named_clock),
    ("h", _twelve_hour_clock),
    ("h2", _colon_clock),
    ("h3", _military_clock),
)


def _year_allowed(ctx: _Context, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless its neighbours make it an
    amount, a code or a count ("some 2000 police", "$2008", "Resolution 1973")."""
    before = ctx.text[max(0, start - 24):start].lower()
    words = re.findall(r"[a-z$€£#.:]+(?:\s+than|\s+of|\s+to)?|[$€£#]", before)
    if before.rstrip().endswith(("$", "€", "£", "#", "/", "+", "±")) or re.search(r"\d[,.]?\s*$|\d-$", before):
        return False
    if words and not before.rstrip().endswith("run-up to"):
        last = words[-1].strip(".").strip() if not words[-1].endswith(("no.", "e.o.", "art.", "p.o.", "vol.", "sec.")) else words[-1]
        if last in _YEAR_BLOCK_BEFORE or words[-1] in _YEAR_BLOCK_BEFORE:
            return False
    after = ctx.text[end:end + 24].lower()
    if re.match(r"\s*(?:[%/:,.]\d|[-–]\d|\d)", after):
        return False
    next_word = re.match(r"[\s-]*([a-z%]+(?:\s+cent)?)", after)
    if next_word and next_word.group(1) in _YEAR_BLOCK_AFTER:
        return False
    return True


@rule("year_range")
def _r_year_range(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    first_name = "y1" if g.get("y1") else "y1b"
    first = _year(g[first_name])
    second_text = g["y2"] or ""
    second = _year(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if not (first in YEARS["calendar"] and first < second <= first + 100):
        return None
    if not _year_allowed(ctx, match.start("year_range__" + first_name), match.end()):
        return None
    start, end = Date(first, 1, 1), Date(second, 12, 31)
    return _emit(ctx, match, Resolved("DATE", f"{first:04d}", start, end, "year"))


@rule("year")
def _r_year(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    year = _year(g["y"])
    if year not in YEARS["bare"]:
        return None
    if not _year_allowed(ctx, match.start("year__y"), match.end()):
        return None
    signal, _ = ctx.signal(match.start())
    if year > (ctx.dct.year + 30 if ctx.dct else 2060) and not signal:
        return None
    start, end = year_interval(year)
    return _emit(ctx, match, _apply_signal(ctx, match, Resolved("DATE", f"{year:04d}", start, end, "year")))


@rule("generic")
def _r_generic(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    phrase = _norm(g["g"])
    if phrase in _GENERIC_NEED_SIGNAL:
        signal, _ = ctx.signal(match.start())
        if phrase == "once" or signal not in ("in", "for", "since", "until", "over"):
            return None
    value = _GENERIC[phrase]
    if value == "PRESENT_REF" and ctx.dct is not None:
        return _emit(ctx, match, Resolved("DATE", value, ctx.dct, ctx.dct, "day"))
    return _emit(ctx, match, Resolved("DATE", value))


@rule("for_bare")
def _r_for_bare(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    if g.get("u2"):
        # "after years of war", "Decades of conflict": only at a clause start or after a preposition,
        # never "the closing months of 2008", "seven years of age", "opening hours of"
        before = re.search(r"([A-Za-z]+)?[^A-Za-z]*$", ctx.text[max(0, match.start() - 20):match.start()])
        previous = (before.group(1) or "").lower() if before else ""
        if previous and previous not in _BARE_OF_AFTER:
            return None
    code, _ = _unit(g.get("u") or g.get("u2"))
    return _emit(ctx, match, Resolved("DURATION", _duration_value(None, code)))


@rule("duration")
def _r_duration(ctx: _Context, match: re.Match[str], g: dict[str, str | None]) -> TimeExpression | None:
    q = _norm(g["q"])
    code, unit = _unit(g["u"])
    if not code or _not_a_duration(ctx, match, q, unit):
        return None
    amount = _quantity(q)
    value = _duration_value(amount, code)
    signal, _ = ctx.signal(match.start())
    mod = "APPROX" if signal == "approx" or _quantity_high(q) is not None else ""
    # "in 2-3 months", "within two weeks" in a future clause place the event ahead of the DCT
    if signal in ("in", "within") and ctx.dct is not None and amount is not None \
            and ctx.direction(match.start(), match.end()) in ("future", "near") \
            and unit in ("day", "week", "month", "year", "decade"):
        return _emit(ctx, match, _ahead_of_dct(ctx.dct, signal, value, amount, _quantity_high(q) or amount, unit, mod))
    return _emit(ctx, match, Resolved("DURATION", value, mod=mod))


def _not_a_duration(ctx: _Context, match: re.Match[str], q: str, unit: str) -> bool:
    if unit == "second" and (q in ("a", "an") or not (re.match(r"\d", q) or q in _NUMBER_WORDS)):
        return True  # "a second term": the ordinal
    return bool(re.match(r"\d", q)) and ctx.text[max(0, match.start() - 1):match.start()] in ("$", "€", "£")


def _ahead_of_dct(dct: Date, signal: str, value: str, amount: float, high: float, unit: str, mod: str) -> Resolved:
    """ "within two weeks": the span from the DCT; "in 2-3 months": the units that far ahead."""
    if signal == "within":
        return Resolved("DURATION", value, dct, shift(dct, high, unit), _span_granularity(unit, high), mod)
    start, _, gran, date_value = unit_interval(shift(dct, amount, unit), unit)
    _, end, _, _ = unit_interval(shift(dct, high, unit), unit)
    return Resolved("DATE", date_value, start, end, gran, mod)
