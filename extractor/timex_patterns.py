"""The finder's grammar: one regex per rule, built from ``data/timex.json``.

Each rule is a named alternative; its inner groups are prefixed with the rule
name, as if one ``re`` pattern held them all. Alternatives are tried in
order at each position, so longer, more specific rules come first: the first
rule that matches wins, exactly as in one alternation of all of them. Trying
only the rules that can begin with the next few characters (``Grammar.rules_at``)
gives the same match as the whole alternation, many times faster.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from .language import MONTHS, NUMBER_WORDS, ORDINAL_WORDS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

DATA = Path(__file__).with_name("data") / "timex.json"


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """timex.json with the shared month, weekday, number and ordinal words (extractor.language)."""
    with DATA.open(encoding="utf-8") as handle:
        lex: dict[str, Any] = json.load(handle)
    lex["months"] = dict(MONTHS)
    lex["weekdays"] = {**WEEKDAYS, **{abbr: WEEKDAY_ABBREVIATIONS[abbr] for abbr in lex["weekday_abbreviations"]}}
    lex["number_words"] = {**NUMBER_WORDS, **lex["quantity_phrases"]}
    lex["ordinal_words"] = {word: number for word, number in ORDINAL_WORDS.items() if number <= 31}
    return lex


def _alternation(words: list[str]) -> str:
    """Words as a regex alternation, longest first, spaces matching any blank.

    Written as a trie ("a(?:go|lready)|came|..."): re then drops a position after a
    character or two instead of trying every word. Same matches as the flat alternation:
    the words that match at one position are prefixes of one another, and the trie tries
    the longest first too (a node's own word after its children)."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    if not all(_trie_safe(word) for word in ordered):
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    root: dict[str, Any] = {}
    for word in ordered:
        node = root
        for char in word:
            node = node.setdefault(r"\s+" if char == " " else re.escape(char), {})
        node[""] = {}

    def branches(node: dict[str, Any]) -> str:
        alternatives = [token + branches(child) for token, child in node.items() if token]
        if "" in node:
            alternatives.append("")
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return branches(root)


def _trie_safe(word: str) -> bool:
    """Whether a word keeps the trie exact: lower case, single inner spaces, and no character
    that case-insensitive matching could confuse with another ("K" for "k")."""
    return bool(word) and word == word.strip(" ") and "  " not in word and all(
        (char.isascii() and (char == " " or not char.isspace()) and char == char.lower())
        or char.lower() == char.upper() == char and not char.isspace()
        for char in word)


#: how many leading characters of a position pick the rules tried there
HEAD_CHARS = 3
_ASCII = [chr(code) for code in range(128)]


class _Heads:
    """Which rules can begin with which characters: for each rule, the first HEAD_CHARS
    characters its matches can start with, read off the rule's pattern (``_heads``). Used
    only to skip rules that cannot match at a position, so it may over-approximate
    (look-arounds are ignored, unknown constructs let anything follow)."""

    def __init__(self, masks: list[dict[str, int]], rule_bits: list[int]) -> None:
        #: per position: ASCII character → bitmask of the heads that admit it there
        self.masks = masks
        #: per rule: bitmask of its heads
        self.rule_bits = rule_bits

    @classmethod
    def of(cls, parts: list[str], flags: int) -> _Heads:
        masks: list[dict[str, int]] = [{} for _ in range(HEAD_CHARS)]
        wild = [0] * HEAD_CHARS  # heads shorter than HEAD_CHARS: anything may follow
        rule_bits, bit = [], 1
        for part in parts:
            bits = 0
            for head in _heads(part, flags, HEAD_CHARS):
                for index, chars in enumerate(head):
                    for char in chars:
                        masks[index][char] = masks[index].get(char, 0) | bit
                for index in range(len(head), HEAD_CHARS):
                    wild[index] |= bit
                bits |= bit
                bit <<= 1
            rule_bits.append(bits)
        for index, mask in enumerate(masks):
            for char in _ASCII:
                mask[char] = mask.get(char, 0) | wild[index]
        return cls(masks, rule_bits)

    def rules_for(self, key: str, rules: tuple[re.Pattern[str], ...]) -> tuple[re.Pattern[str], ...]:
        """The rules whose heads admit ``key`` (the text at a position); a character outside
        ASCII (or past the end of the text) admits every head."""
        admitted = -1
        for mask, char in zip(self.masks, key):
            admitted &= mask.get(char, -1)
        return tuple(rule for rule, bits in zip(rules, self.rule_bits) if admitted & bits)


# -- reading a rule's pattern for its heads ------------------------------------------
# Our own reader of the regex syntax the rules use (our patterns, not any regex): each
# character-matching piece is kept as its source and asked of ``re`` itself which ASCII
# characters it accepts, so classes, escapes and case-folding are re's, not ours.

#: (characters so far, one set per position; whether anything may follow now)
_Head = tuple[tuple[frozenset[str], ...], bool]


@dataclass(frozen=True)
class _Atom:
    """One character: a literal, an escape like ``\\d``, a class, or ``.``."""

    source: str
    flags: int

    def extend(self, growing: set[_Head], size: int) -> set[_Head]:
        chars = _accepted(self.source, self.flags)
        return {(head + (chars,), False) for head, _ in growing}


@dataclass(frozen=True)
class _Branch:
    """Alternatives, each a sequence of nodes (a group is a branch of one)."""

    alternatives: tuple[tuple[_Node, ...], ...]

    def extend(self, growing: set[_Head], size: int) -> set[_Head]:
        return set().union(*(_walk(alternative, growing, size) for alternative in self.alternatives))


@dataclass(frozen=True)
class _Repeat:
    low: int
    high: int | None  # None: no upper bound
    item: _Node

    def extend(self, growing: set[_Head], size: int) -> set[_Head]:
        """Unrolled until the heads stop changing (at most size + low rounds)."""
        result: set[_Head] = set()
        current, count = growing, 0
        while True:
            if count >= self.low:
                result |= current
            if count == self.high:
                return result
            following = _walk((self.item,), current, size)
            if following == current and count >= self.low:
                return result
            current, count = following, count + 1


class _ZeroWidth:
    """A look-around, anchor or ``\\b``: matches no character (ignoring it only admits more)."""

    def extend(self, growing: set[_Head], size: int) -> set[_Head]:
        return growing


_Node = _Atom | _Branch | _Repeat | _ZeroWidth
_ZERO_WIDTH = _ZeroWidth()
_QUANTIFIER = re.compile(r"(?:[?*+]|\{(?P<low>\d*)(?P<comma>,)?(?P<high>\d*)\})[?+]?")  # "?" lazy, "+" possessive: same characters
_INLINE_FLAGS = {"i": re.IGNORECASE, "m": re.MULTILINE, "s": re.DOTALL, "a": re.ASCII, "u": re.UNICODE}
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
#: look-around openings: what they hold matches no character of the match
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")


class _PatternReader:
    """Reads a pattern into ``_Node``s (recursive descent over groups and alternatives); a
    construct it does not know raises ValueError rather than giving heads that could be wrong."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.at = 0

    def alternatives(self, flags: int) -> _Branch:
        """Sequences separated by ``|`` up to the ``)`` closing the group (or the end)."""
        found = [self.sequence(flags)]
        while self.pattern.startswith("|", self.at):
            self.at += 1
            found.append(self.sequence(flags))
        return _Branch(tuple(found))

    def sequence(self, flags: int) -> tuple[_Node, ...]:
        items: list[_Node] = []
        while self.at < len(self.pattern) and self.pattern[self.at] not in "|)":
            items.append(self.quantified(self.item(flags)))
        return tuple(items)

    def quantified(self, item: _Node) -> _Node:
        match = _QUANTIFIER.match(self.pattern, self.at)
        if match is None or match.group() in ("{}", "{,}"):  # a brace that is no quantifier is a literal
            return item
        self.at = match.end()
        low, high = _bounds(match)
        return _Repeat(low, high, item)

    def item(self, flags: int) -> _Node:
        char = self.pattern[self.at]
        reader = _ITEM_READERS.get(char, _PatternReader.literal)
        return reader(self, flags)

    def literal(self, flags: int) -> _Node:
        char = self.pattern[self.at]
        self.at += 1
        return _Atom(re.escape(char), flags)

    def anchor(self, flags: int) -> _Node:
        self.at += 1
        return _ZERO_WIDTH

    def any_char(self, flags: int) -> _Node:
        self.at += 1
        return _Atom(".", flags)

    def escape(self, flags: int) -> _Node:
        source = self.pattern[self.at:self.at + 2]
        self.at += 2
        if source[1:] in _ZERO_WIDTH_ESCAPES:
            return _ZERO_WIDTH
        if source[1:].isdigit():
            raise ValueError(f"back-reference at {self.at - 2} of {self.pattern!r}: the heads cannot be read")
        return _Atom(source, flags)

    def char_class(self, flags: int) -> _Node:
        start = self.at
        self.at += 1
        if self.pattern.startswith("^", self.at):
            self.at += 1
        if self.pattern.startswith("]", self.at):
            self.at += 1  # a "]" first is a member
        while self.pattern[self.at] != "]":
            self.at += 2 if self.pattern[self.at] == "\\" else 1
        self.at += 1
        return _Atom(self.pattern[start:self.at], flags)

    def group(self, flags: int) -> _Node:
        opening = self.pattern[self.at:self.at + 4]
        if opening.startswith(_LOOKAROUNDS):
            self.at += 3 + opening.startswith(("(?<=", "(?<!"))
            self.alternatives(flags)  # read past it: it matches no character
            self.at += 1
            return _ZERO_WIDTH
        self.at, flags = _group_content(self.pattern, self.at, flags)
        branch = self.alternatives(flags)
        self.at += 1
        return branch


def _bounds(quantifier: re.Match[str]) -> tuple[int, int | None]:
    """(least, most) repetitions a quantifier allows (most None: no bound)."""
    text = quantifier.group()
    if text[0] in "?*+":
        return {"?": (0, 1), "*": (0, None), "+": (1, None)}[text[0]]
    low = int(quantifier["low"] or 0)
    if quantifier["comma"] is None:
        return low, low
    return low, int(quantifier["high"]) if quantifier["high"] else None


_GROUP_OPENING = re.compile(r"\((?:\?(?::|P<\w+>|>|(?P<on>[imsau]*)(?:-(?P<off>[imsau]+))?:))?")


def _group_content(pattern: str, at: int, flags: int) -> tuple[int, int]:
    """Where the content of the group opening at ``at`` starts, and the flags inside it
    (comments, conditionals and back-references are not read: they raise)."""
    opening = _GROUP_OPENING.match(pattern, at)
    if opening is None or pattern.startswith("(?", at) and opening.end() == at + 1:
        raise ValueError(f"unsupported group at {at} of {pattern!r}: the heads cannot be read")
    for letter in opening["on"] or "":
        flags |= _INLINE_FLAGS[letter]
    for letter in opening["off"] or "":
        flags &= ~_INLINE_FLAGS[letter]
    return opening.end(), flags


_ITEM_READERS: dict[str, Callable[[_PatternReader, int], _Node]] = {
    "(": _PatternReader.group, "[": _PatternReader.char_class, "\\": _PatternReader.escape,
    ".": _PatternReader.any_char, "^": _PatternReader.anchor, "$": _PatternReader.anchor,
}


def parse_pattern(pattern: str, flags: int = 0) -> _Branch:
    """``pattern`` read into nodes: alternatives of sequences of atoms, groups and repeats."""
    reader = _PatternReader(pattern)
    tree = reader.alternatives(flags)
    if reader.at != len(pattern):
        raise ValueError(f"unbalanced ')' at {reader.at} of {pattern!r}")
    return tree


@lru_cache(maxsize=None)
def _accepted(source: str, flags: int) -> frozenset[str]:
    """The ASCII characters one character-matching piece accepts, asked of re itself."""
    one = re.compile(source, flags)
    return frozenset(char for char in _ASCII if one.fullmatch(char))


def _heads(pattern: str, flags: int, size: int) -> set[tuple[frozenset[str], ...]]:
    """The first ``size`` characters a match of ``pattern`` can start with: tuples of sets of
    ASCII characters, one set per position (a shorter tuple: anything may follow)."""
    return {chars for chars, _open in _walk((parse_pattern(pattern, flags),), {((), False)}, size)}


def _walk(items: tuple[_Node, ...], heads: set[_Head], size: int) -> set[_Head]:
    """The heads after ``items`` in turn: the complete ones kept, the growing ones extended."""
    for item in items:
        growing = {head for head in heads if not head[1] and len(head[0]) < size}
        if not growing:
            break  # every head is complete: the rest cannot change them
        heads = (heads - growing) | item.extend(growing, size)
    return heads


@dataclass(frozen=True)
class Grammar:
    #: one regex per rule, in order of priority; each is ``(?P<rule>...)`` behind the shared look-behind
    rules: tuple[re.Pattern[str], ...]
    #: rule name → {short group name: full group name}
    groups: dict[str, dict[str, str]]
    signal: re.Pattern[str]
    trailer: re.Pattern[str]
    blocked: re.Pattern[str]
    blocked_hint: re.Pattern[str]
    boundary: re.Pattern[str]
    future_cue: re.Pattern[str]
    past_cue: re.Pattern[str]
    reporting_cue: re.Pattern[str]
    ed_word: re.Pattern[str]
    #: lower-case tokens at which an expression may start (or end a prefix run)
    anchors: frozenset[str]
    prefixes: frozenset[str]
    token: re.Pattern[str]
    #: a run of prefix words ending where an anchor starts
    prefix_run: re.Pattern[str]
    #: ``_Heads`` of the rules: which rules can begin with which characters
    heads: _Heads
    #: rules_at's cache: the next HEAD_CHARS characters → the rules worth trying there
    _tried: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict, compare=False, repr=False)

    def rules_at(self, text: str, pos: int) -> tuple[re.Pattern[str], ...]:
        """The rules (in order) that can match at ``pos``, judged by the next few characters:
        ``rule.match(text, pos)`` of any other rule is None."""
        key = text[pos:pos + HEAD_CHARS]
        try:
            return self._tried[key]
        except KeyError:
            tried = self._tried[key] = self.heads.rules_for(key, self.rules)
            return tried


def _fragments(lex: dict[str, Any]) -> dict[str, str]:
    months = lex["months"]
    full = [m for m in months if len(m) > 4 or m in ("may", "june", "july")]
    abbrev = [m for m in months if m not in full]
    month = "(?:" + "|".join(
        [re.escape(m) for m in sorted(full, key=len, reverse=True)]
        + [re.escape(m) + r"\.?" for m in sorted(abbrev, key=len, reverse=True)]
    ) + r")(?![a-z])"
    full_weekdays = [w for w in lex["weekdays"] if w not in lex["weekday_abbreviations"]]
    weekday = "(?:" + _alternation(full_weekdays) + r")(?![a-z])"
    weekday_abbrev = "(?:" + _alternation(lex["weekday_abbreviations"]) + r")\."
    ordinals = "(?:" + _alternation(list(lex["ordinal_words"])) + r")(?![a-z-])"
    day_number = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)(?![:.]\d)(?!,\d{1,3}(?!\d))"
    day = rf"(?:{day_number}|(?:the\s+)?{ordinals})"
    year = r"(?:1[6-9]\d\d|20\d\d)(?![\d])"
    words = lex["number_words"]
    tens = _alternation([w for w, v in NUMBER_WORDS.items() if v >= 20 and v % 10 == 0])
    units_w = _alternation([w for w, v in NUMBER_WORDS.items() if 1 <= v <= 9])
    number_word = (
        rf"(?:(?:{tens})(?:[-\s](?:{units_w}))?|" + _alternation([w for w in words]) + r")(?![a-z])"
    )
    digits = r"\d+(?:\.\d+)?"
    vague = "(?:" + _alternation(lex["vague_quantities"]) + r")(?![a-z])"
    quantity = (
        rf"(?:{digits}(?:\s*(?:-|–|to|or)\s*{digits})?|{number_word}(?:\s*(?:-|–|to|or)\s*{number_word})?|{vague})"
    )
    unit_words = [u for u in lex["units"] if not u.startswith(("quarter", "weekend"))]
    unit = "(?:" + _alternation(unit_words) + r")(?![a-z])"
    calendar_unit = r"(?:weekend|week|month|year|quarter|decade|century|fiscal\s+year)(?![a-z])"
    season = "(?:" + _alternation(list(lex["seasons"])) + r")(?![a-z])"
    part_of_day = r"(?:morning|afternoon|evening|night)(?![a-z])"
    rel_year = r"(?:this|next|last|the\s+same|the\s+following|the\s+previous|the\s+current|the\s+coming|the\s+past)\s+year(?![a-z])"
    return dict(MONTH=month, WEEKDAY=weekday, WDABBR=weekday_abbrev, DAY=day, YEAR=year,
                QTY=quantity, UNIT=unit, CUNIT=calendar_unit, SEASON=season, POD=part_of_day,
                RELYEAR=rel_year, NUMWORD=number_word, DIGITS=digits)


def _rules(f: dict[str, str], lex: dict[str, Any]) -> list[tuple[str, str]]:
    M, D, Y, WD = f["MONTH"], f["DAY"], f["YEAR"], f["WEEKDAY"]
    range_sep = r"\s*(?:-|–|—|to|through|thru|until|till|and)\s*"
    alt_sep = r"\s*(?:or|and|to|through|thru|-|–|—|/)\s*"
    wd_pre = rf"(?:(?P<wd>{WD}|{f['WDABBR']}),?\s+)?"

    def year_tail(name: str) -> str:
        return rf"(?:,?\s*(?:of\s+)?(?P<{name}>{Y})(?![-/]\d)|\s+(?:of\s+)?(?P<{name}r>{f['RELYEAR']}))?"

    part = r"(?:(?P<p1>early|mid|late)(?:\s*-?\s*(?:to|or|and)\s*-?\s*(?P<p2>early|mid|late))?(?:\s*-\s*|\s+)|the\s+(?P<p3>beginning|start|end|middle|first\s+half|second\s+half|first\s+part|latter\s+part|last\s+part|first\s+days|last\s+days|first\s+weeks|last\s+weeks|close)\s+of\s+)"
    generic = lex["generic_refs"]
    return [
        ("range_md_md", rf"{wd_pre}(?P<m1>{M})\s*(?P<d1>{D}){year_tail('y1')}{range_sep}(?:{WD},?\s+)?(?P<m2>{M})\s*(?P<d2>{D}){year_tail('y2')}"),
        ("range_dm_dm", rf"(?P<d1>{D})\s+(?:of\s+)?(?P<m1>{M}){year_tail('y1')}{range_sep}(?P<d2>{D})\s+(?:of\s+)?(?P<m2>{M}){year_tail('y2')}"),
        ("week_of", rf"(?:the\s+)?week\s+of\s+(?:(?P<m1>{M})\s*(?P<d1>{D})|(?P<d2>{D})\s+(?:of\s+)?(?P<m2>{M})){year_tail('y')}"),
        ("nth_weekday", rf"(?:the\s+)?(?P<n>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th)\s+(?P<wd>{WD})\s+(?:of|in)\s+(?P<m>{M}){year_tail('y')}"),
        ("nth_week", rf"the\s+(?P<n>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<m>{M}){year_tail('y')}"),
        ("range_m_dd", rf"{wd_pre}(?P<m>{M})\s*(?P<d1>{D})(?P<sep>{range_sep}|\s*(?:or|,)\s*)(?:{WD},?\s+)?(?P<d2>{D}){year_tail('y')}"),
        ("range_dd_m", rf"(?P<d1>{D})(?P<sep>{range_sep}|\s*or\s*)(?P<d2>{D})\s+(?:of\s+)?(?P<m>{M}){year_tail('y')}"),
        ("md", rf"{wd_pre}(?P<m>{M})\s*(?P<d>{D}){year_tail('y')}"),
        ("dm", rf"{wd_pre}(?:the\s+)?(?P<d>{D})\s+(?:of\s+)?(?P<m>{M}){year_tail('y')}"),
        ("iso", rf"(?P<y>{Y})-(?P<m>0[1-9]|1[0-2])-(?P<d>3[01]|[12]\d|0[1-9])(?!\d)"),
        # numeric and dashed dates ("7/17/2008", "17.07.2008", "2008/07/17", "17-Jul-08"): dateparser reads them
        ("numeric", rf"(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>\d{{4}}|\d\d)(?![\d/])(?![.,]\d)"
                    rf"|(?P<a2>\d{{1,2}})\.(?P<b2>\d{{1,2}})\.(?P<y2>{Y})(?![\d.]\d)(?!\.\d)"
                    rf"|(?P<y3>{Y})/(?P<m3>0?[1-9]|1[0-2])/(?P<d3>3[01]|[12]\d|0?[1-9])(?![\d/])"
                    rf"|(?P<d4>3[01]|[12]\d|0?[1-9])-(?P<m4>{M})-(?P<y4>\d{{4}}|\d\d)(?!\d)"),
        ("months_alt", rf"(?:(?P<p1>early|mid|late)[-\s]+)?(?P<m1>{M})(?:\s*(?:,|or|and)\s*(?P<mm>{M}))?{alt_sep}(?P<m2>{M}){year_tail('y')}"),
        ("part_month", rf"{part}(?P<m>{M}){year_tail('y')}"),
        ("rel_month", rf"(?P<rel>last|next|this|coming|past|previous)\s+(?P<m>{M})"),
        ("month_year", rf"(?P<m>{M}),?\s*(?:of\s+)?(?P<y>{Y})(?![-/]\d)|(?P<m2>{M})\s+(?:of\s+)?(?P<ry>{f['RELYEAR']})"),
        ("month", rf"(?P<m>{M})"),
        ("quarter", rf"(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+(?:the\s+)?(?:(?P<fy>fiscal\s+year|fiscal|FY)\s*)?(?P<y>{Y})|\s+(?:of\s+)?(?P<ry>{f['RELYEAR']}))?|\bQ(?P<qn>[1-4])\s*(?:of\s+)?(?P<y2>{Y})"),
        ("half", rf"(?:the\s+)?(?P<h>first|second|1st|2nd|latter)\s+half(?:\s+of)?(?:\s+(?:the\s+)?(?P<y>{Y})|\s+(?:of\s+)?(?P<ry>{f['RELYEAR']})|\s+of\s+the\s+(?P<yr>year))"),
        ("part_year", rf"{part}(?:(?P<y>{Y})|(?P<ry>{f['RELYEAR']})|the\s+(?P<yr>year|decade|month|week)(?!\s+of\b))"),
        ("fiscal", rf"(?P<fy>fiscal\s+year|fiscal|FY)\s*-?\s*'?(?P<y>{Y}|\d\d)(?!\d)(?:\s*[-/–]\s*'?(?P<y2>{Y}|\d\d)(?!\d))?"),
        ("decade", rf"(?:the\s+)?(?:(?P<p>early|mid|late)[-\s]+)?(?:(?P<c>1[6-9]|20)(?P<d>\d)0'?s|'(?P<d2>\d)0s|(?P<w>{_alternation(list(lex['decade_words']))}))(?![a-z])"),
        ("century", rf"the\s+(?P<c>{_alternation(list(lex['century_ordinals']))})\s+century"),
        ("season", rf"(?:(?P<rel>this|last|next|early|late|mid|the)[-\s]+)?(?P<s>{f['SEASON']})(?:\s+(?:of\s+)?(?P<y>{Y})|\s+(?:of\s+)?(?P<ry>{f['RELYEAR']}))?"),
        ("first_n", rf"the\s+(?P<dir>first|last)\s+(?P<q>{f['QTY']})\s+(?P<u>months|weeks|days)\s+of\s+(?:(?P<y>{Y})|(?P<ry>{f['RELYEAR']})|the\s+year)"),
        ("past_n", rf"(?:the\s+)?(?P<dir>past|last|previous|preceding|next|coming|following|first|final)\s+(?P<q>{f['QTY']})\s+(?P<u>{f['UNIT']})"),
        ("ago", rf"(?P<q>{f['QTY']})[\s-]+(?P<u>{f['UNIT']})\s+(?P<rel>ago|earlier|later|before|after|from\s+now|hence|prior|back|previously)(?![a-z])"),
        ("named", r"(?P<n>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight|last\s+night)(?:\s+(?P<pod>" + f["POD"] + "))?(?![a-z])"),
        ("this_pod", rf"(?P<rel>this|that)\s+(?P<pod>{f['POD']})"),
        ("vague_this", r"(?P<v>earlier|later|so\s+far|early|late)\s+(?:(?:in|on)\s+)?this\s+(?P<u>year|month|week)|this\s+(?P<u2>year)\s+(?P<sf>so\s+far|to\s+date)|(?P<ytd>year[-\s]to[-\s]date)"
                       r"|(?P<v2>earlier|later)\s+in\s+the\s+(?P<u3>day|week|month|year)(?![a-z])"),
        ("rel_day", r"the\s+(?P<dir>next|following|previous|preceding)\s+day(?![a-z])"),
        ("rel_unit", rf"(?:(?P<p1>early|mid|late)(?:\s*-\s*|\s+)|the\s+(?P<p3>beginning|start|end|middle)\s+of\s+)?(?:(?P<the>the)\s+)?(?P<dir>last|this|next|coming|current|previous|past|following|preceding|same|present)\s+(?P<u>{f['CUNIT']})"),
        ("weekday", rf"(?:(?P<part>early|late)\s+)?(?:(?P<rel>last|next|this|the\s+following|the\s+previous|that|coming)\s+)?(?P<wd>{WD})(?:\s+(?P<pod>{f['POD']}))?"),
        ("weekend", r"(?P<rel>the|this|last|next|that|the\s+following|the\s+previous|past)\s+weekend(?![a-z])"),
        ("set", rf"(?:(?P<every>every|each)\s+(?:(?P<other>other|single)\s+)?(?:(?P<u>day|week|month|year|quarter|decade|morning|afternoon|evening|night|weekend)|(?P<wd>{WD}))|(?P<adv>{_alternation(list(lex['set_adverbs']))})|(?P<per>per|a)\s+(?P<pu>day|week|month|year|quarter))(?![a-z])"),
        ("time", r"(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?![a-z])|(?P<h2>[01]?\d|2[0-3]):(?P<mi2>[0-5]\d)(?!\d)(?:\s*(?:hours|hrs|h)(?![a-z]))?|(?P<h3>[01]\d|2[0-3])(?P<mi3>[0-5]\d)\s*(?:hours|hrs|local)(?![a-z])|(?P<nm>noon|midday|midnight)(?![a-z])"),
        ("year_range", rf"(?:(?P<btw>between)\s+(?P<y1>{Y})\s*(?:-|–|—|to|and)\s*|(?P<y1b>{Y})\s*(?:-|–|—|to|through|thru|/)\s*)(?P<y2>{Y}|\d\d)(?![\d-])(?!\s*(?:%|percent))"),
        ("year", rf"(?:the\s+year\s+)?(?P<y>{Y})(?![-/]\d)"),
        ("overnight", r"(?P<o>overnight)(?![a-z-])"),
        ("holiday", rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{_alternation(list(lex['holidays']))})(?:,?\s+(?P<y>{Y}))?(?![a-z])"),
        ("generic", "(?P<g>" + _alternation(list(generic)) + r")(?![a-z])"),
        ("for_bare", r"(?:(?<=for\s)|(?<=in\s)|(?<=over\s))(?P<u>years|months|weeks|days|decades|hours)(?![a-z])"
                     r"|(?P<u2>years|months|weeks|decades)(?=\s+of\s)(?!\s+of\s+age)"),
        ("duration", rf"(?P<q>{f['QTY']})(?P<sep>[\s-]+)(?:(?:consecutive|straight|successive|full|more|additional|long)\s+)?(?P<u>{f['UNIT']})(?![-\s]+old)(?!\s+(?:of\s+age|and\s+(?:older|over|above|under|younger)|or\s+(?:older|over|above|under|younger)))(?:[-\s]+long(?![a-z]))?"),
    ]


_NAMED_GROUP = re.compile(r"\(\?P<([a-z0-9_]+)>")
#: the look-behind every rule shares: no expression starts inside a word, an amount or a path
_LOOKBEHIND = r"(?<![\w$€£#/])"


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    lex = lexicon()
    fragments = _fragments(lex)
    parts: list[str] = []
    groups: dict[str, dict[str, str]] = {}
    for name, pattern in _rules(fragments, lex):
        inner: dict[str, str] = {}

        def rename(match: re.Match[str], rule: str = name, seen: dict[str, str] = inner) -> str:
            short = match.group(1)
            full = f"{rule}__{short}"
            seen[short] = full
            return f"(?P<{full}>"

        parts.append(f"(?P<{name}>{_NAMED_GROUP.sub(rename, pattern)})")
        groups[name] = inner
    rules = tuple(re.compile(_LOOKBEHIND + part, re.IGNORECASE) for part in parts)
    heads = _Heads.of(parts, re.IGNORECASE)

    signals = lex["signals"]
    signal = re.compile(r"(?:^|[\s(\[,;:\"“])(?P<sig>" + _alternation(list(signals)) + r")\s+$", re.IGNORECASE)
    trailer = re.compile(r"(?:,?\s+(?P<t>so\s+far|to\s+date|alone|and\s+beyond|onwards?|on)(?![a-z]))", re.IGNORECASE)
    # Numbers and dates that belong to the telegram's machinery, never to the timeline.
    blocked = re.compile(
        r"\b\d{6}Z\s+[A-Z]{3}\s+\d{2,4}\b"  # date-time group
        r"|\b(?i:DECL(?:ASSIFY)?(?:\s+ON)?|DNG|DOWNGRADE(?:\s+TO\s+[A-Z]+)?(?:\s+ON)?)\s*:[^\n]*"  # declassification / downgrade line
        r"|\bE\.\s?O\.?\s+\d+"  # executive order
        r"|\b(?:19|20)?\d{2}\s?(?!(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\b)[A-Z][A-Z]{2,}(?:\s[A-Z]{3,})?\s?\d{1,6}\b"  # cable numbers "08 MEXICO 2276"
        r"|\b[A-Z]{3,}\s\d{8}\s+\d{3}\s+OF\s+\d{3}\b"  # page-break lines
        r"|\bSECTION\s+\d+\s+OF\s+\d+\b"
        r"|#\s?\d+(?:/\d+)?"
        r"|\b\d+\.\d+\s*\([a-h]\)"  # classification reasons "1.4 (b)"
        r"|(?m:^)\s*(?:TAGS|REF|FM|TO|INFO)\b[^\n]*",
    )
    # Something each ``blocked`` alternative must contain: a digit, "#", the ":" of a DECL line or
    # a header word. A window without any cannot hold machinery (keep in step with ``blocked``).
    blocked_hint = re.compile(r"[\d#:]|TAGS|REF|FM|TO|INFO")
    # Clause ends: sentence ends, semicolons, and the words that open a new clause.
    boundary = re.compile(
        r"(?<![A-Z][a-z])(?<![A-Z])(?<![ap]\.m)[.!?](?=\s+[\"“(]?[A-Z0-9])|[;\n]|,\s+(?:and|so)\s"
        r"|\s(?:but|while|whereas|although|though|that|which|who|because|unless|whether)\s")
    future_cue = re.compile(
        r"(?<![\w'])(?:" + _alternation(lex["future_cues"]) + r")(?![\w'])"
        # "to" + a lower-case verb: a purpose or complement clause, future of its main verb
        r"|(?P<to>\bto\s+(?-i:(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|this\b|that\b|these\b|those\b|date\b|[A-Z\d])[a-z]{2,})\b)",
        re.IGNORECASE)
    past_cue = re.compile(r"\b(?:" + _alternation(lex["past_cues"]) + r")\b", re.IGNORECASE)
    reporting_cue = re.compile(r"\b(?:" + _alternation(lex["reporting_verbs"]) + r")\b", re.IGNORECASE)
    ed_word = re.compile(r"\b(?P<aux>(?:be|been|being|is|are|am|get|gets|getting)\s+)?(?P<w>[a-z]{2,}ed)\b")
    anchors = set(lex["anchor_words"])
    for key in ("months", "weekdays", "number_words", "ordinal_words", "units", "seasons", "set_adverbs",
                "decade_words", "century_ordinals", "generic_refs", "vague_quantities", "holidays"):
        for phrase in lex[key]:
            anchors.update(re.findall(r"[a-z]+", phrase.lower()))
    anchors.discard("s")  # of "new year's day": not worth trying the grammar at every possessive
    prefixes = frozenset(lex["prefix_words"])
    anchors -= prefixes - {"this"}
    token = re.compile(r"[A-Za-z]+|\d+|'(?=\d)")
    prefix_run = re.compile(r"(?<![\w'])(?:(?:" + _alternation(list(prefixes)) + r")\s+){1,3}$", re.IGNORECASE)
    return Grammar(rules, groups, signal, trailer, blocked, blocked_hint, boundary, future_cue, past_cue, reporting_cue,
                   ed_word, frozenset(anchors), prefixes, token, prefix_run, heads)
