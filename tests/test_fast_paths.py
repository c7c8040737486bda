"""Fast paths give the same answers as their plain references.

The performance work of this project added several "fast paths": pre-checks
that skip work which cannot succeed, tries instead of flat alternations, one
alternation instead of a loop over patterns, tokenizing in C. Each claims to
give exactly the result of a slower, straightforward version. Every test here
compares one fast path against such a plain reference written in this file
(the slow version, usually as it stood before the fast path), over
Hypothesis-generated text built from the project's own vocabularies plus
awkward characters ("İ", the Kelvin sign "K", "ſ", no-break spaces ...), and
over real lines from the seed cables (``data/cables``) and a sample of the
shared corpus (``../shared/corpus``, skipped when absent).

Where a fast path is a pre-check in front of a full search, the property is
that the pre-check is a *necessary condition*: whenever the full search
succeeds, the pre-check does too.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Sequence

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractor import clean, claims, language, quantities, read
from extractor.claims import _GLUE, _attributions, _clause_subject, _is_acronym, _name_at, _phrase_after
from extractor.claims import _subject_before, _title_map, _words, _NOT_SUBJECT_OPENERS
from extractor.quantities import Quantity, Token, tokenize
from extractor.timex import _Context
from extractor.timex_patterns import _LOOKBEHIND, _alternation, _heads, grammar, lexicon

PROJECT = Path(__file__).resolve().parent.parent
SEEDS = PROJECT / "data" / "cables"
SHARED_CORPUS = PROJECT.parent / "shared" / "corpus"

#: a property over generated text: enough examples to hit the corners, few enough to stay fast
FAST = settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOWER = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# --------------------------------------------------------------------------- real-world text

@lru_cache(maxsize=None)
def _texts(source: str) -> tuple[str, ...]:
    """Raw texts of the seed cables, or of every 97th file of the shared corpus (about 20)."""
    if source == "seeds":
        files = sorted(SEEDS.glob("*.txt"))
    else:
        files = sorted(SHARED_CORPUS.glob("*.txt"))[::97]
    return tuple(path.read_text(encoding="utf-8", errors="replace")[:60_000] for path in files)


def real_texts(source: str) -> tuple[str, ...]:
    if source == "corpus" and not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is absent")
    texts = _texts(source)
    if not texts:
        pytest.skip(f"no {source} texts")
    return texts


def real_lines(source: str) -> list[str]:
    return [line for text in real_texts(source) for line in text.split("\n")]


@lru_cache(maxsize=None)
def _sentences(source: str) -> tuple[tuple[str, ...], ...]:
    """The cleaned sentences of each real text."""
    return tuple(tuple(s.text for p in clean.clean_text(text) for s in p.sentences) for text in _texts(source))


def real_sentences(source: str) -> tuple[tuple[str, ...], ...]:
    real_texts(source)  # (skips when absent)
    return _sentences(source)


SOURCES = pytest.mark.parametrize("source", ["seeds", "corpus"])


# --------------------------------------------------------------------------- strategies

#: characters that trip case-insensitive matching, lower-casing or \s / \d
TRICKY = ["İ", "ı", "\u212a", "ſ", "ß", "\xa0", "\u2009", "\u3000", "\u200b", "\t", "\x0b", "\x0c", "\x1c", "\x85",
          "é", "’", "‘", "“", "”", "–", "—", "¶", "©", "٣", "²", "$", "€", "£", "#", "/", "\\"]
SEPARATORS = [" ", " ", " ", "  ", "\n", ", ", ". ", "-", "/", "'", ":", ";", "(", ")", "\xa0"]


def _keys(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, (list, dict)) else []


def _cased(words: Sequence[str]) -> st.SearchStrategy[str]:
    """A word of the list as written, in lower case, in capitals, or capitalised."""
    forms: list[Callable[[str], str]] = [str, str.lower, str.upper, str.title, str.capitalize]
    return st.tuples(st.sampled_from(sorted(set(words))), st.sampled_from(forms)).map(lambda t: t[1](t[0]))


def soup(words: Sequence[str], extra: Sequence[str] = (), max_size: int = 30,
         chars: bool = True) -> st.SearchStrategy[str]:
    """Text made of vocabulary words, numbers, separators and awkward characters."""
    parts = [_cased(words), st.sampled_from(SEPARATORS), st.sampled_from(SEPARATORS),
             st.integers(0, 99_999_999).map(str), st.sampled_from(TRICKY)]
    if extra:
        parts.append(st.sampled_from(list(extra)))
    if chars:
        parts.append(st.characters(exclude_categories=["Cs"]))
    return st.lists(st.one_of(parts), max_size=max_size).map("".join)


def dense(atoms: Sequence[str], seps: Sequence[str] = (" ", " ", "", "\n"), max_size: int = 12) -> st.SearchStrategy[str]:
    """Text made mostly of the given atoms (whole phrases), with few separators between them."""
    return st.lists(st.tuples(st.sampled_from(list(seps)), st.sampled_from(list(atoms))), max_size=max_size).map(
        lambda pairs: "".join(sep + atom for sep, atom in pairs))


# --------------------------------------------------------------------------- timex

G = grammar()
LEX = lexicon()
TIMEX_WORDS = sorted({w for key, value in LEX.items() if not key.startswith("_") for w in _keys(value)} | {
    "early", "mid", "late", "the", "of", "week", "quarter", "half", "fiscal", "fy", "q3", "ago", "between", "year",
    "this", "next", "last", "a.m.", "p.m.", "pm", "hours", "hrs", "local", "noon", "overnight", "every", "per",
    "through", "to", "and", "or", "beginning", "end", "first", "second", "1990s", "'90s", "mid-", "so far",
    "to date", "year-to-date", "for", "in", "over", "consecutive", "long", "old", "the day before yesterday"})
TIMEX_EXTRA = ["241258Z JUL 08", "17-18", "7/17/2008", "17.07.2008", "2008/07/17", "17-Jul-08", "2008-07-24",
               "10:30", "0900", "FY2009", "FY08", "Q3 2008", "'08", "#2276/01", "E.O. 12958", "DECL: 07/23/2027",
               "1.4 (b)", "SECTION 01 OF 04", "MEXICO 002276", "TAGS: PREL", "2007", "1999", "2010-2012"]
timex_text = soup(TIMEX_WORDS, TIMEX_EXTRA, max_size=25)


def _rule_alternation() -> re.Pattern[str]:
    """The plain reference of ``rules_at``: one alternation of all the rules, tried in order
    (the grammar as it was one regex)."""
    parts = []
    for rule in G.rules:
        assert rule.pattern.startswith(_LOOKBEHIND) and rule.flags & re.IGNORECASE
        parts.append(rule.pattern[len(_LOOKBEHIND):])
    return re.compile(_LOOKBEHIND + "(?:" + "|".join(parts) + ")", re.IGNORECASE)


ALL_RULES = _rule_alternation()


def _first_admitted(text: str, pos: int) -> re.Match[str] | None:
    """What timex._matches does at a position: the first of the admitted rules that matches."""
    for rule in G.rules_at(text, pos):
        match = rule.match(text, pos)
        if match:
            return match
    return None


def _same_match(fast: re.Match[str] | None, plain: re.Match[str] | None) -> None:
    assert (fast is None) == (plain is None)
    if fast is not None and plain is not None:
        assert fast.span() == plain.span()
        assert fast.lastgroup == plain.lastgroup
        assert {k: v for k, v in fast.groupdict().items() if v is not None} == \
               {k: v for k, v in plain.groupdict().items() if v is not None}


@FAST
@given(timex_text)
def test_rules_at_never_leaves_out_a_rule_that_matches(text: str) -> None:
    """Grammar.rules_at: every rule it leaves out at a position cannot match there."""
    for pos in range(len(text) + 1):
        admitted = set(G.rules_at(text, pos))
        for rule in G.rules:
            if rule not in admitted:
                assert rule.match(text, pos) is None, (text, pos, rule.pattern[:80])


@FAST
@given(timex_text)
def test_first_admitted_rule_is_the_match_of_the_whole_alternation(text: str) -> None:
    """rules_at + first matching rule == one alternation of all rules, at every position."""
    for pos in range(len(text) + 1):
        _same_match(_first_admitted(text, pos), ALL_RULES.match(text, pos))


@pytest.mark.parametrize("text", [
    "On July 17-18, 2008 the Secretary met", "241258Z JUL 08", "the \u212aelvin week of March 3", "İn early MAY",
    "ſince last ſpring", "mid-1990s", "10:30 a.m. tomorrow", "FY2009\xa0budget", "the first quarter of 2008",
    "twenty-five years ago", "'08", "Q3 2008", "year-to-date",
])
def test_rules_at_on_hand_picked_strings(text: str) -> None:
    for pos in range(len(text) + 1):
        _same_match(_first_admitted(text, pos), ALL_RULES.match(text, pos))


@SOURCES
def test_rules_at_on_real_text(source: str) -> None:
    """At each token start of real cables (where timex tries the rules)."""
    budget = 30_000
    for text in real_texts(source):
        positions = [m.start() for m in G.token.finditer(text)]
        for pos in positions[:budget]:
            _same_match(_first_admitted(text, pos), ALL_RULES.match(text, pos))
        budget -= len(positions)
        if budget <= 0:
            break


def _admitted(heads: set[tuple[frozenset[str], ...]], key: str) -> bool:
    """Whether some head admits ``key`` (the next characters of a text), as ``_Heads.rules_for``
    reads them: a character outside ASCII admits anything."""
    return any(all(not char.isascii() or char in chars for chars, char in zip(head, key)) for head in heads)


def _chars(text: str) -> frozenset[str]:
    return frozenset(text)


@pytest.mark.parametrize("pattern, flags, heads", [
    ("ab|c", 0, {(_chars("a"), _chars("b")), (_chars("c"),)}),
    ("(?:a|bc)?d", 0, {(_chars("a"), _chars("d")), (_chars("b"), _chars("c"), _chars("d")), (_chars("d"),)}),
    ("x{1,2}y", 0, {(_chars("x"), _chars("y")), (_chars("x"), _chars("x"), _chars("y"))}),
    (r"(?<![\w$])(?=b)b\b", re.IGNORECASE, {(_chars("bB"),)}),
    ("(?-i:a)b", re.IGNORECASE, {(_chars("a"), _chars("bB"))}),
    ("(?i:a)b", 0, {(_chars("aA"), _chars("b"))}),
    ("[]a]+", 0, {(_chars("]a"),) * n for n in (1, 2, 3)}),
    ("–a", 0, {(frozenset(), _chars("a"))}),
])
def test_heads_of_a_pattern(pattern: str, flags: int, heads: set[tuple[frozenset[str], ...]]) -> None:
    """The head reader: what the first characters of a match can be, from our own reading of the pattern."""
    assert _heads(pattern, flags, 3) == heads


@pytest.mark.parametrize("pattern", [r"(a)\1", "(?P<a>a)(?P=a)", "(?#note)a", "(?(1)a|b)"])
def test_heads_of_a_construct_the_reader_does_not_know_raise(pattern: str) -> None:
    with pytest.raises(ValueError, match="heads cannot be read"):
        _heads(pattern, 0, 3)


_HEAD_PATTERNS = [r"ab|ac", r"(?:a|bc)?d", r"x{1,2}y", r"[a-c]\d+", r"(?<=a)b", r"(?i:a)B", r"(?-i:a)b", r"\bab\b",
                  r"a*?b", r"(?P<n>q)r", r"[]a]b", r"[^a]x", r".b", r"a{2}", r"–a", r"(?:ab|a)+c", r"\s*-?\s*q",
                  r"x(?:y|z{0,2})?\.", r"(?!a)\w\w"]


@FAST
@given(st.sampled_from(_HEAD_PATTERNS), st.sampled_from([0, re.IGNORECASE]),
       st.text(alphabet="abcdqrxyzAB1]–. -\t\u212a", max_size=12))
def test_heads_admit_every_match(pattern: str, flags: int, text: str) -> None:
    """Wherever a pattern matches, its heads admit the text there (they may admit more)."""
    heads, compiled = _heads(pattern, flags, 3), re.compile(pattern, flags)
    for pos in range(len(text) + 1):
        if compiled.match(text, pos):
            assert _admitted(heads, text[pos:pos + 3]), (pattern, text, pos)


def _flat_alternation(words: list[str]) -> str:
    """The plain reference of ``_alternation``: longest first, spaces matching any blank."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


#: "trie-safe" words (lower-case ASCII, single inner spaces) that often share prefixes; lists with
#: a capitalised word (unsafe only because case-insensitive matching could confuse it); lists
#: with one odd word (where _alternation must fall back to the flat alternation)
_word_chars = st.sampled_from(list("abcdk") + [" ", ".", "-", "'", "0", "’"])
_odd_chars = st.sampled_from(["K", "\u212a", "ſ", "İ", "ß", "  ", "\t", "\xa0", "A"])
_safe_word = st.lists(st.sampled_from(list("abck.-'0’")), min_size=1, max_size=4).map("".join)
_safe_words = st.lists(st.one_of(_safe_word, _safe_word, st.tuples(_safe_word, _safe_word).map(" ".join)),
                       min_size=1, max_size=8)
_odd_word = st.lists(st.one_of(_word_chars, _odd_chars), min_size=1, max_size=5).map("".join).filter(str.strip)
alternation_words = st.one_of(
    _safe_words, _safe_words,
    st.lists(st.lists(st.sampled_from(list("abAB")), min_size=1, max_size=3).map("".join), min_size=1, max_size=6),
    st.tuples(_safe_words, _odd_word).map(lambda t: [*t[0], t[1]]))
alternation_text = st.lists(st.one_of(_word_chars, _odd_chars, st.sampled_from(["\n", "x", "B", "D", "a b", "ab"])),
                            max_size=30).map("".join)
_SUFFIXES = ["", r"(?![a-z])", r"\b", r"\s*$", "x", r"(?=\s)"]


def _assert_same_alternation(words: list[str], text: str) -> None:
    fast, plain = _alternation(words), _flat_alternation(words)
    for flags in (0, re.IGNORECASE):
        for suffix in _SUFFIXES:
            fast_re = re.compile(f"(?:{fast}){suffix}", flags)
            plain_re = re.compile(f"(?:{plain}){suffix}", flags)
            for pos in range(len(text) + 1):
                a, b = fast_re.match(text, pos), plain_re.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (words, text, pos, suffix, flags)
            assert [m.span() for m in fast_re.finditer(text)] == [m.span() for m in plain_re.finditer(text)]


@FAST
@given(alternation_words, alternation_text)
@example(["a", "ab"], "ab")
@example(["abc", "Ab", "a"], "ab")
@example(["a b", "a bc"], "a  bc")
def test_alternation_trie_matches_like_the_flat_alternation(words: list[str], text: str) -> None:
    _assert_same_alternation(words, text)


@SLOWER
@given(alternation_words)
def test_alternation_trie_matches_its_own_words_like_the_flat_alternation(words: list[str]) -> None:
    # the words themselves, next to each other and cased: where the alternatives overlap most
    text = " ".join(words) + " " + "".join(words).upper() + " " + " ".join(w.title() for w in words)
    _assert_same_alternation(words, text)


_LEXICON_LISTS = ["signals", "future_cues", "past_cues", "reporting_verbs", "prefix_words", "weekdays",
                  "weekday_abbreviations", "holidays", "generic_refs", "set_adverbs", "vague_quantities",
                  "ordinal_words", "number_words", "units", "seasons", "decade_words", "century_ordinals"]


@pytest.mark.parametrize("key", _LEXICON_LISTS)
def test_alternation_trie_of_each_lexicon_list(key: str) -> None:
    """Each word list of timex.json, its words written one after another, in every case."""
    words = _keys(LEX[key])
    text = " ".join(words) + "\n" + "  ".join(w.upper() for w in words) + "\n" + "".join(w.title() for w in words)
    for suffix in ("", r"(?![a-z])", r"(?![\w'])"):
        fast = re.compile(f"(?:{_alternation(words)}){suffix}", re.IGNORECASE)
        plain = re.compile(f"(?:{_flat_alternation(words)}){suffix}", re.IGNORECASE)
        for pos in range(len(text) + 1):
            a, b = fast.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (key, text[pos:pos + 20])


@SLOWER
@given(st.sampled_from(_LEXICON_LISTS), st.data())
def test_alternation_trie_of_the_lexicon_lists_in_random_text(key: str, data: st.DataObject) -> None:
    words = _keys(LEX[key])
    text = data.draw(st.one_of(soup(words, max_size=12), dense(words, seps=(" ", "", "  ", "-", "\n"))))
    fast = re.compile(f"(?:{_alternation(words)})(?![a-z])", re.IGNORECASE)
    plain = re.compile(f"(?:{_flat_alternation(words)})(?![a-z])", re.IGNORECASE)
    for pos in range(len(text) + 1):
        a, b = fast.match(text, pos), plain.match(text, pos)
        assert (a and a.span()) == (b and b.span())


def _blocked_windows(text: str, windows: list[tuple[int, int]]) -> None:
    for a, b in windows:
        left, right = min(a, b, len(text)), min(max(a, b), len(text))
        if any(True for _ in G.blocked.finditer(text, left, right)):
            assert G.blocked_hint.search(text, left, right), (text, left, right)


MACHINERY = ["241258Z", "JUL", "08", "DECL", "Decl", "declassify", "ON", "DNG", "DOWNGRADE TO", ":", "E.", "O.",
             "E.O.", "12958", "#", "#2276/01", "2276", "SECTION", "OF", "TAGS", "REF", "FM", "TO", "INFO", "MEXICO",
             "MEXICO 002276", "1.4", "(b)", "(d)", "PREL", "08 MEXICO 2276", "00002187 002 OF 005", "\n",
             "241258Z JUL 08", "DECL: 07/23/2027", "Downgrade to SECRET on: x", "E.O. 12958", "E. O 12958",
             "SECTION 01 OF 04", "1.4 (b)", "1.5(d)", "\nTAGS PREL", "\nREF: A", "\nFM AMEMBASSY", " INFO RUEHC",
             "MEXICO 00002187 002 OF 005", "# 4", "#12/3", "July 24", "2008", "last week", "in March"]
#: machinery without a digit: only ":" or a header word can tell the hint about it
LETTER_MACHINERY = ["DECL: OADR", "Decl: x", "DNG: CO", "declassify on: source", "DOWNGRADE TO SECRET ON: x",
                    "TAGS PREL", "REF A", "FM AMEMBASSY", "TO SECSTATE", "INFO RUEHC", "SECTION", "OF", "E. O.",
                    "meeting", "the", "July", "Mr. Smith"]
machinery_text = st.one_of(soup(MACHINERY + TIMEX_WORDS[:40], max_size=20), dense(MACHINERY, max_size=10),
                           dense(LETTER_MACHINERY, seps=(" ", "\n", ", ", ""), max_size=8))


@FAST
@given(machinery_text, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200)), min_size=1, max_size=12))
@example("DECL: OADR", [(0, 10)])
@example("July\nINFO RUEHC", [(0, 15)])
def test_blocked_hint_is_necessary_for_blocked(text: str, windows: list[tuple[int, int]]) -> None:
    """Wherever ``blocked`` finds machinery in a window, ``blocked_hint`` finds something there too."""
    _blocked_windows(text, windows + [(0, len(text))])


def _is_blocked_plain(text: str, start: int, end: int) -> bool:
    """_Context.is_blocked without the hint."""
    line_start = text.rfind("\n", 0, start) + 1
    left, right = max(line_start, start - 80), min(len(text), end + 40)
    return any(m.start() < end and start < m.end() for m in G.blocked.finditer(text, left, right))


@FAST
@given(machinery_text, st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30)), min_size=1, max_size=15))
@example("in July DECL: OADR", [(3, 4)])
def test_is_blocked_equals_the_plain_scan(text: str, spans: list[tuple[int, int]]) -> None:
    context = _Context(text, None, G)
    for start, length in spans:
        start = min(start, len(text))
        end = min(start + length, len(text))
        assert context.is_blocked(start, end) == _is_blocked_plain(text, start, end)


@SOURCES
def test_is_blocked_on_real_text(source: str) -> None:
    for text in real_texts(source)[:8]:
        context = _Context(text, None, G)
        for m in G.token.finditer(text, 0, 30_000):
            assert context.is_blocked(m.start(), m.end()) == _is_blocked_plain(text, m.start(), m.end())


# --------------------------------------------------------------------------- quantities

#: the token regex before its letter forms were merged: four plain alternatives
_PLAIN_TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"
    r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])"
    r"|[0-9]+(?:\.[0-9]+)?"
    r"|[A-Za-z]+[0-9]*(?:['’][A-Za-z]+|,s\b)?"
    r"|--|\S"
)


def _tokenize_plain(text: str) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.start(), m.end(), m.group().lower()) for m in _PLAIN_TOKEN_RE.finditer(text))


CUES = quantities.cues()
NUMBER_WORDS = list(CUES["number_words"]) + list(CUES["multiplier_words"])
_token_alphabet = st.sampled_from(list("aZsS.9,'’ -\n\t") + ["U.S.", "a.m.", "1,200", "3,000.5", "5.8", "FY2009",
                                                              "GOM's", "Mexico,s", "--", ",s", "İ", "\u212a", "ſ",
                                                              "\xa0", "é", "$", "٣"])
token_text = st.one_of(st.lists(_token_alphabet, max_size=40).map("".join),
                       soup(NUMBER_WORDS + ["dollars", "percent", "Mexico"], max_size=20))


@FAST
@given(token_text)
def test_tokenize_equals_the_plain_token_regex(text: str) -> None:
    fast = tokenize.__wrapped__(text)  # (not the cache)
    assert fast == _tokenize_plain(text)
    assert all(type(t) is Token for t in fast)


@SOURCES
def test_tokenize_on_real_sentences(source: str) -> None:
    for sentences in real_sentences(source):
        for sentence in sentences:
            assert tokenize.__wrapped__(sentence) == _tokenize_plain(sentence)
    for line in real_lines(source)[:20_000]:
        assert tokenize.__wrapped__(line) == _tokenize_plain(line)


# the number and scale words of the language tables (one home), matched the plain way
_CANDIDATE_PLAIN = re.compile(
    r"\d|\b(?:" + "|".join([*language.NUMBER_WORDS, *language.SCALE_WORDS]) + r")\b", re.IGNORECASE)


@FAST
@given(soup(NUMBER_WORDS + ["ten", "tens", "often", "none", "someone", "onE", "MILLIONS"], max_size=12))
def test_has_candidates_equals_the_case_insensitive_regex(text: str) -> None:
    assert quantities.has_candidates(text) == bool(_CANDIDATE_PLAIN.search(text))


@SOURCES
def test_has_candidates_on_real_text(source: str) -> None:
    for sentences in real_sentences(source):
        for sentence in sentences:
            assert quantities.has_candidates(sentence) == bool(_CANDIDATE_PLAIN.search(sentence))


phone_text = st.lists(st.sampled_from(["(", ")", "+", "-", ".", " ", "/", "1", "22", "333", "4444", "55", "202",
                                       "555", "0100", "x", "Tel", ":", "٣٣٣", "\n", "12345678", "555-0100",
                                       "(202) 555-0100", "+52 55 5080 2000", "202.555.0100", "202-555-0100",
                                       "(55)5080-2000", "+1-202-555-0100", "٣٣٣-٣٣٣٣"]), max_size=12).map("".join)


@FAST
@given(phone_text)
@example("+52 55 5080 2000")
@example("call 202.555.0100")
@example("(55) 5080-2000")
def test_phone_spans_equal_the_full_phone_regex(text: str) -> None:
    plain = tuple(m.span() for m in quantities._PHONE_RE.finditer(text))
    assert quantities._phone_spans.__wrapped__(text) == plain


def _currency_prefix_plain(tokens: Sequence[Token], i: int) -> tuple[str, int] | None:
    """_currency_prefix without the last-word pre-check."""
    prefixes = quantities._keyed_prefixes()
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
            if last.text.isalpha() and len(last.text) == 3 and (last.text.islower() or last.text.istitle()) \
                    and code.lower() == last.low:
                continue  # a word spelled like its code ("cop", "Pen"); "KSh" is a code
            return code, i - k
    return None


CURRENCY_WORDS = [p for p in quantities.units_config()["currency_prefixes"]] + ["US", "U.S.", "Ps", "MXN"]
#: the prefixes of more than one token ("us $", "ps."), where the last-word pre-check matters
MULTI_TOKEN_PREFIXES = [p for p in CURRENCY_WORDS if len(tokenize(p)) > 1]
money_text = st.lists(st.one_of(_cased(CURRENCY_WORDS), _cased(MULTI_TOKEN_PREFIXES), _cased(MULTI_TOKEN_PREFIXES),
                                st.sampled_from(["", " ", "  ", "5", "200", "3.5", " million", "-", "to", " pesos",
                                                 "dollars", " 5", " 20"])),
                      max_size=14).map("".join)


@FAST
@given(money_text)
@example("Ps. 500 and S/. 20")
@example("US $ 5 to $ US 6")
def test_currency_prefix_equals_the_plain_lookup(text: str) -> None:
    tokens = tokenize(text)
    for i in range(len(tokens)):
        assert quantities._currency_prefix(tokens, i) == _currency_prefix_plain(tokens, i)


def _qualify_plain(tokens: Sequence[Token], q: Quantity) -> None:
    """_qualify as it was: every phrase length tried, every suffix tried in order."""
    if q.qualifier == "range":
        return
    before, suffixes = quantities._qualifier_index()
    if q.qualifier == "exact":
        for k in sorted(before, reverse=True):
            s = q.tok_start - k
            if s < 0:
                continue
            qual = before[k].get(" ".join(t.low for t in tokens[s:q.tok_start]))
            if qual:
                q.qual_start, q.qualifier = s, qual
                break
    j = q.tok_end
    for words, qual in suffixes:
        if j + len(words) <= len(tokens) and tuple(t.low for t in tokens[j:j + len(words)]) == words:
            if q.qualifier == "exact":
                q.qualifier = qual
            return


_before, _suffixes = quantities._qualifier_index()
QUALIFIER_WORDS = sorted({w for phrases in _before.values() for p in phrases for w in p.split()}
                         | {w for words, _ in _suffixes for w in words})


QUALIFIER_PHRASES = [p for phrases in CUES["qualifiers"].values() for p in phrases] + \
    [p for phrases in CUES["qualifier_suffixes"].values() for p in phrases]


@FAST
@given(st.one_of(soup(QUALIFIER_WORDS + ["5", "20", "percent"], max_size=16, chars=False),
                 dense(QUALIFIER_PHRASES + ["5", "20", "percent", "people", "1,200"], seps=(" ", " ", ""), max_size=8)),
       st.sampled_from(["exact", "range", "more_than", "approximate"]))
@example("no fewer than 5 or more", "exact")
@example("in the region of 20 percent or less", "exact")
def test_qualify_equals_the_plain_scan(text: str, qualifier: str) -> None:
    tokens = tokenize(text)
    n = len(tokens)
    for start in range(n):
        for end in range(start + 1, min(n, start + 3) + 1):
            q = Quantity(0, 0, start, end, 1.0, 1.0, 1.0, "count", "", "count", qualifier=qualifier, qual_start=start)
            plain = dataclasses.replace(q)
            quantities._qualify(tokens, q)
            _qualify_plain(tokens, plain)
            assert (q.qualifier, q.qual_start) == (plain.qualifier, plain.qual_start), (text, start, end)


class _Everything(frozenset):  # type: ignore[type-arg]
    """A set that holds every word: turns a membership pre-check off."""

    def __contains__(self, item: object) -> bool:
        return True

    def isdisjoint(self, other: Any) -> bool:
        return False


def _find_quantities_plain(text: str) -> list[Quantity]:
    """find_quantities with every quick reject of the quantities module turned off."""
    everything = _Everything()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(quantities, "_number_starters", lambda: everything)
        mp.setattr(quantities, "_keyed_first_words", lambda: (everything, everything))
        mp.setattr(quantities, "_currency_prefix", _currency_prefix_plain)
        mp.setattr(quantities, "_qualify", _qualify_plain)
        mp.setattr(quantities, "_phone_spans", lambda t: tuple(m.span() for m in quantities._PHONE_RE.finditer(t)))
        return quantities.find_quantities(text, tokens=_tokenize_plain(text), keep_excluded=True)


MULTI_WORD_UNITS = [w for w in [*quantities.unit_table().surfaces, *quantities.unit_table().currency_words] if " " in w]
QUANTITY_WORDS = NUMBER_WORDS + QUALIFIER_WORDS + CURRENCY_WORDS[:30] + MULTI_WORD_UNITS + MULTI_TOKEN_PREFIXES + [
    "percent", "%", "tons", "kilometers", "pesos", "dollars", "dollar", "people", "hours", "a", "an", "the",
    "billion-dollar", "Tel", "January", "para", "No.", "between", "and", "to", "-", "1.4", "(b)", "2008", "plus"]


@SLOWER
@given(soup(QUANTITY_WORDS, ["(202) 555-0100", "+52 55 5080 2000", "555-0100", "$5 million", "US$ 3.5 billion",
                             "20-30", "five to six", "a dozen", "two-way"], max_size=16, chars=False))
@example("5 metric tons, 200 square kilometers and 3 million US dollars")
@example("a million people, (202) 555-0100, Ps. 500")
def test_find_quantities_equals_the_run_without_quick_rejects(text: str) -> None:
    assert quantities.find_quantities(text, keep_excluded=True) == _find_quantities_plain(text)


@SOURCES
def test_find_quantities_on_real_sentences(source: str) -> None:
    count = 0
    for sentences in real_sentences(source):
        for sentence in sentences:
            if quantities.has_candidates(sentence) and count < 800:
                count += 1
                assert quantities.find_quantities(sentence, keep_excluded=True) == _find_quantities_plain(sentence)


# --------------------------------------------------------------------------- claims

def _title_map_plain(sentences: Sequence[Sequence[Token]]) -> list[tuple[frozenset[str], str]]:
    """_title_map as a plain loop: every sentence, every index (no pre-check, no start list)."""
    titles = _words()["title_words"]
    glue = ("of", "for", "the", "and")
    out: list[tuple[frozenset[str], str]] = []
    for tokens in sentences:
        n = len(tokens)
        i = 0
        while i < n:
            j = i
            run: list[str] = []
            while j < n:
                tok = tokens[j]
                if tok.text[:1].isupper() and tok.low.rstrip(".") in titles:
                    run.append(tok.low.rstrip("."))
                    j += 1
                elif run and tok.low in glue:
                    j += 1
                elif run and tok.text == "(" and j + 2 < n and _is_acronym(tokens[j + 1].text) and tokens[j + 2].text == ")":
                    j += 3
                else:
                    break
            if run:
                content = frozenset(x for x in run if x not in glue)
                name = _name_at(tokens, j)
                if content and name:
                    out.append((content, name))
                i = max(j, i + 1)
                continue
            if tokens[i].text == "(" and i > 0:
                k = i + 1
                run = []
                while k < n and (tokens[k].text[:1].isupper() and tokens[k].low in titles or run and tokens[k].low in glue):
                    run.append(tokens[k].low)
                    k += 1
                if run and k < n and tokens[k].text == ")":
                    start = i
                    while start > 0 and i - start < 3 and tokens[start - 1].text[:1].isupper() \
                            and tokens[start - 1].text.isalpha() and tokens[start - 1].low not in titles:
                        start -= 1
                    if i - start >= 2:
                        content = frozenset(x for x in run if x not in glue)
                        out.append((content, " ".join(t.text for t in tokens[start:i])))
            i += 1
    return out


def _is_subsequence(short: list[Any], long: list[Any]) -> bool:
    it = iter(long)
    return all(any(x == y for y in it) for x in short)


def _assert_same_title_map(sentences: list[tuple[Token, ...]]) -> None:
    fast, plain = _title_map(sentences), _title_map_plain(sentences)
    # The pre-checks skip sentences whose only title words are the glue "The"/"Of": there the plain
    # loop can still record "Juan Perez (The)" with an EMPTY content set. Such an entry is inert
    # (_title_holder looks a title up by ``wanted <= title`` with at least two words wanted), so
    # the fast map may leave it out; every other entry must be the same, in the same order.
    assert [e for e in fast if e[0]] == [e for e in plain if e[0]]
    assert _is_subsequence(fast, plain)


TITLE_WORDS = sorted(_words()["title_words"])
NAMES = ["Juan", "Perez", "Garcia", "Luna", "Eduardo", "Medina", "Mora", "Genaro", "Calderon", "X", "PGR", "SSP"]
CLAIM_EXTRA = ["(", ")", "(PGR)", "(SSP)", "'s", "’s", ",", ".", "said", "says", "according to", "stating", "estimate",
               "of", "for", "the", "and", "Gen.", "U.S.", "Dr.", "-", "office's", "year-end", "PGR's", "Mexico's",
               "SSP’s", "Calderon's", "the Attorney General's office's year-end estimate"]
claim_words = TITLE_WORDS + NAMES + list(_GLUE) + list(CUES["speech_verbs"])[:20] + list(CUES["estimate_nouns"]) \
    + list(CUES["speech_participles"]) + ["according", "to", "he", "On", "July", "24"]


def _claim_sentence() -> st.SearchStrategy[str]:
    parts = [_cased(claim_words), st.sampled_from(CLAIM_EXTRA), st.sampled_from(NAMES), st.sampled_from(TITLE_WORDS).map(str.title)]
    return st.lists(st.one_of(parts), max_size=14).map(" ".join)


@FAST
@given(st.lists(_claim_sentence(), min_size=1, max_size=4))
def test_title_map_equals_the_plain_loop(texts: list[str]) -> None:
    _assert_same_title_map([tokenize(t) for t in texts])


@FAST
@given(st.lists(_claim_sentence(), min_size=1, max_size=4),
       st.lists(st.sampled_from(TITLE_WORDS + list(_GLUE)), min_size=1, max_size=4))
def test_title_holders_are_the_same_with_the_fast_and_the_plain_title_map(texts: list[str], words: list[str]) -> None:
    """The entries the fast map may leave out (empty content) never name a title's holder."""
    sentences = [tokenize(t) for t in texts]
    fast = claims._SpeakerState(titles=_title_map(sentences))
    plain = claims._SpeakerState(titles=_title_map_plain(sentences))
    phrases = [" ".join(w.title() for w in words)] + [" ".join(sorted(c)).title() for c, _ in plain.titles]
    for phrase in phrases:
        assert claims._title_holder(phrase, fast) == claims._title_holder(phrase, plain)


@pytest.mark.parametrize("text", [
    "Attorney General Eduardo Medina Mora said", "Genaro Garcia Luna (Secretary for Public Security) said",
    "Juan Perez (The) said", "The Of The Juan Perez", "U.S. Ambassador Antonio Garza met (PGR)",
    "Secretary of Public Security Garcia Luna", "Gen. Juan Perez and Dr. Garcia Luna",
])
def test_title_map_on_hand_picked_strings(text: str) -> None:
    _assert_same_title_map([tokenize(text)])


@SOURCES
def test_title_map_on_real_documents(source: str) -> None:
    for sentences in real_sentences(source):
        _assert_same_title_map([tokenize(s) for s in sentences])


def _attributions_plain(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    """_attributions as it was: the loop body at every token, no cue-word pre-check."""
    w = _words()
    n = len(tokens)
    out: list[tuple[int, str]] = []
    estimate_nouns = frozenset(CUES["estimate_nouns"])
    participles = frozenset(CUES["speech_participles"])
    for i, tok in enumerate(tokens):
        if tok.low == "according" and i + 1 < n and tokens[i + 1].low == "to":
            found = _phrase_after(tokens, i + 2)
            if found:
                out.append((i, found))
            continue
        if tok.low in w["speech_verbs"] and i > 0:
            subj = _subject_before(tokens, i)
            if tok.low in ("said", "says") and not subj and i + 1 < n and tokens[i + 1].text[:1].isupper():
                subj = _phrase_after(tokens, i + 1)
            if subj:
                out.append((i, subj))
                continue
        if tok.low in participles and i > 1 and tokens[i - 1].text not in (",",):
            subj = _clause_subject(tokens)
            if subj:
                out.append((i, subj))
            continue
        if tok.low not in estimate_nouns:
            continue
        owner = i - 1
        while owner > 0 and i - owner <= 3 and (tokens[owner].text.islower() or tokens[owner].text == "-"):
            owner -= 1
        if owner >= 0 and tokens[owner].low.endswith(("'s", "’s")):
            k = owner
            while k > 0 and (tokens[k - 1].text[:1].isupper() or tokens[k - 1].low.endswith(("'s", "’s"))) \
                    and tokens[k - 1].text.replace("'", "").replace("’", "").isalpha():
                k -= 1
            words = [t.text for t in tokens[k:owner + 1]]
            words[-1] = re.sub(r"['’]s$", "", words[-1])
            if words and words[0].lower() not in _NOT_SUBJECT_OPENERS:
                out.append((i, " ".join(words)))
    return out


@FAST
@given(_claim_sentence())
@example("the Attorney General's office's year-end estimate stands at 6262")
@example("PGR's figures show 12")
@example("according to the PGR, 12 died")
@example("SEDENA issued a press release stating it had convicted 12 soldiers")
def test_attributions_equal_the_plain_loop(text: str) -> None:
    tokens = tokenize(text)
    assert _attributions(tokens) == _attributions_plain(tokens)


@SOURCES
def test_attributions_on_real_sentences(source: str) -> None:
    for sentences in real_sentences(source):
        for sentence in sentences:
            tokens = tokenize(sentence)
            assert _attributions(tokens) == _attributions_plain(tokens)


# --------------------------------------------------------------------------- clean: line classification

#: the cleaner's vocabularies, read as the package ships them
CLEAN_CONFIG = json.loads((PROJECT / "extractor" / "data" / "reader_clean.json").read_text(encoding="utf-8"))
NOTES_PLAIN = [re.compile(p) for p in CLEAN_CONFIG["note_lines"]]
FOOTERS_PLAIN = [re.compile(p) for p in CLEAN_CONFIG["footer_lines"]]
#: the routing pattern before it was split into a VZCZC search and an anchored head
_ROUTING_START_PLAIN = re.compile(
    r"^(?:.{0,200}?\bVZCZC|\s*(?:RR|PP|OO|ZZ|[OPRZ])\s+RU[A-Z]{3}|DE\s+RU[A-Z]{3}|ZN[YR]\s|"
    r"FM\s+(?:AMEMBASSY|AMCONSUL|AMCONGEN|SECSTATE|USMISSION|USINT|USDEL|USUN|CDR|DIA|CIA|DEPT|SECDEF|JOINT)\b)")


def _is_caveat_plain(line: str) -> bool:
    """_is_caveat as it was, without the character-class pre-checks."""
    stripped = line.strip()
    if stripped and clean._HAS_LOWER.search(stripped) and re.fullmatch(r"[A-Za-z ]{1,60}", stripped):
        return all(word in clean._any_case_caveats() for word in stripped.upper().split())
    if not stripped or clean._HAS_LOWER.search(stripped) or not re.search("[A-Z]", stripped):
        return False
    rest = stripped
    for word in clean._caveats():
        rest = rest.replace(word, " ")
    return not rest.strip(" /.,;:-")


def _classify_accepts(text: str) -> bool:
    """Whether any test of the _classify chain accepts the line, each tried one by one."""
    return bool(
        _ROUTING_START_PLAIN.match(text) or clean._DTG_LINE.match(text) or clean._PAGE_BREAK_LINE.match(text)
        or clean._ROUTING_ANYWHERE.match(text) or clean._is_banner(text) or _is_caveat_plain(text)
        or clean._EO_LINE.match(text) or any(p.match(text) for p in NOTES_PLAIN) or clean._TAGS_LINE.match(text)
        or clean._SUBJECT_LINE.match(text) or clean._REF_LINE.match(text) or clean._CLASSIFIED_BY.match(text)
        or any(p.match(text) for p in FOOTERS_PLAIN) or clean._RULE.match(text))


def _classify_precheck(text: str) -> bool:
    maybe_header = clean._line_matchers()[2]
    return bool(maybe_header(text) or "VZCZC" in text or clean._CLASSIFICATION_WORD.match(text))


HEADER_WORDS = sorted(set(CLEAN_CONFIG["caveat_words"]) | set(CLEAN_CONFIG["caveat_words_any_case"]) | {
    "VZCZC", "VZCZCXRO5103", "RR", "PP", "OO", "ZZ", "O", "R", "RUEHME", "RUEHC", "DE", "ZNY", "ZNR", "CCCCC", "FM",
    "AMEMBASSY", "MEXICO", "SECSTATE", "TO", "INFO", "BT", "NNNN", "#2276", "241258Z", "JUL", "08", "E.O.", "EO",
    "12958", "DECL", "DECLASSIFY", "N/A", "TAGS", "Tags", "SUBJECT", "SUBJ", "REF", "REFS", "REFTEL", "Ref", "A.",
    "(A)", "Classified", "By", "CLASSIFIED BY", "Derived", "from", "(U)", "UNCLASSIFIED", "UNCLAS", "CONFIDENTIAL",
    "SECRET", "LIMITED OFFICIAL USE", "C O N F I D E N T I A L", "S E C R E T", "SECTION", "01", "OF", "04",
    "002276", "00002187", "002", "005", "----", "===", "___", "***", "~~~", "Visit", "Website", "END TEXT",
    "CABLE ENDS", "This record is a partial extract of the original cable", "Cable dated", "Monday", "http://",
    "www.state.sgov.gov", "Partnership Blog at", "sipdis", "noforn", "Sipdis", "the", "meeting", "Mexico"})
HEADER_STARTS = [
    "VZCZCXRO5103 RR RUEHCD", "xx VZCZC", "RR RUEHME", "O 241258Z JUL 08", "R 241258Z JUL 08", "DE RUEHME #2276",
    "ZNY CCCCC ZZH", "FM AMEMBASSY MEXICO", "FM SECSTATE WASHDC", "BT", "NNNN", "#2276", "MEXICO 00002187 002 OF 005",
    "Algiers 00000787 002 of 004", "E.O. 12958: DECL: 07/23/2027", "EO 12958", "E.O.: N/A", "DECL: 1", "DECLASSIFY ON",
    "TAGS: PREL PGOV", "Tags: emin, enrg", "TAGS PREL", "SUBJECT: SECRETARY", "Subj: x", "REF: A. STATE 1",
    "REFS: 07 MEXICO 1", "Ref: 07 kinshasa 798", "REFTEL", "Classified By: Political Minister", "(U) Classified by",
    "DERIVED FROM: x", "C O N F I D E N T I A L SECTION 01 OF 04 MEXICO 002276", "CONFIDENTIAL", "UNCLAS",
    "UNCLASSIFIED//FOUO", "SECRET NOFORN", "LIMITED OFFICIAL USE", "SIPDIS", "NOFORN / SIPDIS", "Sipdis",
    "noforn sipdis", "E F T O", "CORRECTED COPY", "-----", "=== ===", "___", "Visit Mexico City's Classified Website",
    "http://www.state.sgov.gov/p/wha/mexicocity", "www.x.org /", "END TEXT.", "-- CABLE ENDS --",
    "This record is a partial extract of the original cable", "Cable dated: 2008", "Monday, 24 July 2008, 12:58",
    "Partnership Blog at", "the meeting", "1. (C) The", "Secretary Chertoff met"]
NOTE_FOOTER_LINES = [
    "This record is a partial extract of the original cable", "The full text of the original cable is not available",
    "Cable dated:", "Cable dated :2008", "Monday, 24 July 2008, 12:58", "Sunday,  1 May 2011, 1:05", "Visit",
    "Visit our Classified Website", "Visit Mexico City's Classified Web Site", "Visit http://x SIPRNET",
    "Partnership Blog at", "and the North American Partnership Blog at", "http://www.state.sgov.gov/p/wha",
    "https://x.org", "www.example.org", "END TEXT", "END TEXT .", "= CABLE ENDS =", "--MESSAGE END", "TEXT ENDS"]
CAVEAT_WORDS = sorted(set(CLEAN_CONFIG["caveat_words"]) | set(CLEAN_CONFIG["caveat_words_any_case"]))
caveat_line = st.tuples(
    st.lists(st.tuples(st.sampled_from(["", " ", "/", " // ", ", ", "-", ".", " ;"]),
                       st.one_of(st.sampled_from(CAVEAT_WORDS), _cased(CAVEAT_WORDS), st.sampled_from(["X", "a", "1"]))),
             min_size=1, max_size=5).map(lambda pairs: "".join(a + b for a, b in pairs)),
    st.sampled_from(["", " ", "  ", "\t", "\xa0"])).map(lambda t: t[1] + t[0] + t[1])
any_case_caveat_line = st.lists(_cased(sorted(clean._any_case_caveats())), min_size=1, max_size=9).map(" ".join)
header_line = st.one_of(
    any_case_caveat_line,
    soup(HEADER_WORDS, [":", "/", "//", " / ", "-", ".", "(", ")", "   "], max_size=10),
    st.tuples(st.sampled_from(["", " ", "  ", "\t"]), st.sampled_from(HEADER_STARTS),
              soup(HEADER_WORDS, [":", "/", "  "], max_size=5)).map("".join),
    caveat_line,
    st.tuples(st.sampled_from(["", " ", "\t"]), st.sampled_from(NOTE_FOOTER_LINES),
              st.sampled_from(["", " ", ".", " x", "  ", " Website", " Intelink", "/", " 12:58"])).map("".join))


@FAST
@given(header_line)
@example("-----")
@example("  === ===")
@example("Tags: emin, enrg")
@example("noforn sipdis")
def test_classify_precheck_is_necessary(text: str) -> None:
    """A line that any test of the classification chain accepts passes the one-regex pre-check."""
    if _classify_accepts(text):
        assert _classify_precheck(text), text


@FAST
@given(header_line)
def test_line_pattern_alternations_equal_each_pattern_tried_in_turn(text: str) -> None:
    notes, footers, _ = clean._line_matchers()
    assert bool(notes(text)) == any(p.match(text) for p in NOTES_PLAIN)
    assert bool(footers(text)) == any(p.match(text) for p in FOOTERS_PLAIN)
    head = clean._ROUTING_HEAD.match(text) or ("VZCZC" in text and clean._VZCZC_START.match(text))
    assert bool(head) == bool(_ROUTING_START_PLAIN.match(text))


@FAST
@given(st.one_of(header_line, soup(HEADER_WORDS, max_size=6, chars=False)))
@example("Sipdis noforn exdis limdis nodis stadis orcon propin")
@example("NOFORN/SIPDIS")
def test_is_caveat_equals_the_plain_check(text: str) -> None:
    assert clean._is_caveat(text) == _is_caveat_plain(text)


def _classify_plain(raw_lines: list[str]) -> list[Any]:
    """_classify with its one-regex pre-check turned off (every line goes down the whole chain)."""
    notes, footers, _ = clean._line_matchers()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(clean, "_line_matchers", lambda: (notes, footers, lambda text: True))
        return clean._classify(raw_lines)


@SLOWER
@given(st.lists(st.one_of(header_line, soup(["said", "the", "Mexico", "meeting"], max_size=8)), max_size=12))
@example(["-----", "Law and Order", "-----", "The meeting went well.", "", "NOFORN/SIPDIS", "DECL: 1"])
def test_classify_equals_the_run_without_the_precheck(lines: list[str]) -> None:
    assert clean._classify(lines) == _classify_plain(lines)


@SOURCES
def test_line_checks_on_real_lines(source: str) -> None:
    notes, footers, _ = clean._line_matchers()
    for raw in real_lines(source):
        for text in (raw, clean._normalize(raw)):
            if _classify_accepts(text):
                assert _classify_precheck(text), text
            assert clean._is_caveat(text) == _is_caveat_plain(text)
            assert bool(notes(text)) == any(p.match(text) for p in NOTES_PLAIN)
            assert bool(footers(text)) == any(p.match(text) for p in FOOTERS_PLAIN)


@SOURCES
def test_classify_on_real_texts(source: str) -> None:
    for text in real_texts(source)[:10]:
        lines = clean._normalize(text).split("\n")
        assert clean._classify(lines) == _classify_plain(lines)


# --------------------------------------------------------------------------- clean: flat lines, spaces, keys

def _unflatten_plain(line: str) -> list[str]:
    """_unflatten without the keyword pre-check."""
    markers = len(clean._FLAT_MARKERS.findall(line, 0, 2000))
    if markers < 2 and not (len(line) > 150 and clean._FLAT_HEADER_START.match(line)) \
            and not clean._MIDLINE_MARKER.search(line, 0, 2000):
        return [line]
    head, tail = line[:2000], line[2000:]
    head = clean._FLAT_REASON_END.sub(lambda m: m[1] + "\n", head, count=1)
    head = clean._FLAT_BREAK_BEFORE.sub("\n", head)
    parts = (head + tail).split("\n")
    return [p for p in parts if p.strip()] or [line]


FLAT_WORDS = ["SUBJECT:", "TAGS", "TAGS:", "E.O.", "E.O. 12958", "E.O.12958:", "EO 12958", "REF:", "REFS:", "REF",
              "Classified By", "Classified By:", "CLASSIFIED BY:", "SIPDIS", "1.4 (b)", "1.5 (d).", "(C)", "(SBU)",
              "1.", "2. (C)", "¶ 3", "C O N F", "UNCLAS", "E O", "EO", "Classified", "the", "meeting", "in", "a",
              "June", "30", "SCOBEY", "off the pitch.”", "8.", "Another", "idea", "REFTEL"]
FLAT_KEYWORDS = ["SUBJECT: X", "TAGS PREL", "TAGS: PREL", "E.O. 12958:", "E.O.12958", "EO 12958", "EO 13526",
                 "REF: A", "REFS: A", "REF B", "Classified By: X", "CLASSIFIED BY: X", "SIPDIS", "1.4 (b).",
                 "2. (C)", "¶ 3", "C O N F", "UNCLAS", ""]
_prose = st.lists(st.sampled_from(["the", "meeting", "in", "a", "June", "30", "said", "x", "met", "1.", "(C)"]),
                  max_size=25).map(" ".join)
#: prose with one or two header keywords: a line whose pre-check has only that keyword to go on
sparse_flat_line = st.tuples(st.sampled_from(["", "  "]), _prose, st.sampled_from(FLAT_KEYWORDS), _prose,
                             st.sampled_from(FLAT_KEYWORDS), _prose).map(" ".join)
flat_line = st.one_of(soup(FLAT_WORDS, max_size=30), sparse_flat_line, sparse_flat_line,
                      st.lists(st.sampled_from(FLAT_WORDS + [" ", "  "]), min_size=20, max_size=70).map(" ".join))


@FAST
@given(flat_line)
@example("The Ambassador met him. Classified By: Ambassador X")
@example("x EO 12958 y EO 13526 z")
def test_unflatten_equals_the_run_without_the_keyword_precheck(line: str) -> None:
    assert clean._unflatten(line) == _unflatten_plain(line)


@FAST
@given(flat_line)
def test_short_plain_lines_are_kept_whole_by_the_flat_splitters(line: str) -> None:
    """clean_text keeps a line whole when it is short and has no flat-header keyword: then the
    plain splitters keep it whole too."""
    short = min(clean._FLAT_LINE_CHARS, CLEAN_CONFIG["min_flat_line_chars"])
    if len(line) < short and not clean._FLAT_HINT.search(line):
        assert [piece for part in _unflatten_plain(line) for piece in clean._split_flat_body(part)] == [line]


def _flat_patterns_plain() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The flat-body splitters with their look-behind first, as they were."""
    marks = "|".join(re.escape(m) for m in sorted(clean._markings(), key=len, reverse=True))
    paragraph = re.compile(rf"(?<=[.!?\"'”’)])\s+(?=¶?\d{{1,2}}\s?\.{{1,2}}\s*\((?:{marks})\)\s)")
    signature = re.compile(r"(?<=[.!?\"”’])\s+(?=[A-Z][A-Z'-]{2,20}\s*$)")
    return paragraph, signature


FLAT_BODY_ATOMS = ["off the pitch.”", "said.", "it!", "why?", "(end)", "'x'", "12. (C) Another", "3 .. (SBU) x",
                   "¶8. (S) y", "1.(U) z", "SCOBEY", "O'NEILL", "the", "Mission", "x", "12.", "(C)"]


@FAST
@given(st.one_of(
    st.lists(st.sampled_from(FLAT_WORDS + [" ", "  ", "\t", "\xa0", ".", "!", "?", "\"", "”", "’", ")", "'",
                                           "12.", "3 .", "(S)", "(U) ", "(C/NF) "]), max_size=30).map("".join),
    dense(FLAT_BODY_ATOMS, seps=(" ", "  ", "\t ", "\xa0", "   "), max_size=12)))
@example("off the pitch.”  8. (C) Another idea ...  SCOBEY")
def test_flat_body_splitters_equal_the_lookbehind_first_patterns(line: str) -> None:
    for fast, plain in zip(clean._flat_patterns(), _flat_patterns_plain()):
        assert [m.span() for m in fast.finditer(line)] == [m.span() for m in plain.finditer(line)]
        assert fast.split(line) == plain.split(line)


_SPACES_PLAIN = re.compile(r"[ \t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _normalize_plain(text: str) -> str:
    text = clean._CONTROL.sub(" ", text)
    text = _SPACES_PLAIN.sub(" ", text)
    return "\n".join(line.rstrip().removesuffix("\\").rstrip() for line in text.split("\n"))


space_text = st.text(alphabet=st.sampled_from(list(" \t\f\v\xa0\u2000\u2005\u200a\u200b\u202f\u205f\u3000\n\\\r\x00\x1fa.")),
                     max_size=40)


@FAST
@given(st.one_of(space_text, soup(["a", "b"], max_size=20)))
def test_normalize_equals_one_pass_over_space_runs(text: str) -> None:
    assert clean._normalize(text) == _normalize_plain(text)


@FAST
@given(st.text(max_size=40))
@example("snake_case-Key 12")
def test_key_equals_deleting_non_alphanumerics(text: str) -> None:
    assert clean._key(text) == re.sub(r"[^a-z0-9]", "", text.lower())


@pytest.mark.parametrize("text", ["İstanbul \u212aelvin ſ 12ÀÉ", "ß Straße", "Ⅻ ² ٣", "AbC-12,3"])
def test_key_on_hand_picked_strings(text: str) -> None:
    assert clean._key(text) == re.sub(r"[^a-z0-9]", "", text.lower())


_PAREN_DASH_PLAIN = re.compile(r"(?<=\s)\)-?(?=\s|$)")


def _repair_text_plain(text: str) -> str:
    """repair_text with no telltale pre-checks, the old paren-dash pattern, spaces collapsed line by line."""
    text = clean._POSSESSIVE.sub("'s", text)
    text = clean._AMP_QUOTE.sub(lambda m: f'"{m[1]}"', text)
    text = _PAREN_DASH_PLAIN.sub("-", text)
    text = clean._PAGE_BREAK_INLINE.sub(" ", text)
    text = clean._INLINE_CAVEAT.sub(" ", text)
    text = text.replace("¶", "")
    return "\n".join(re.sub(r" {2,}", " ", line).strip() for line in text.split("\n") if line.strip())


REPAIR_WORDS = ["GOM,s", "Mexico,s", ",s", "&quot8", "&", "8", "the", "said", ")", ") -", " )", " )-", "(", "-",
                "MEXICO 00002187 002 OF 005", "00002187", "Grupo", "SIPDIS", "¶", "12345678", "٣٣٣٣٣٣٣٣"]


@FAST
@given(soup(REPAIR_WORDS, max_size=25))
def test_repair_text_equals_the_plain_repairs(text: str) -> None:
    assert clean.repair_text(text) == _repair_text_plain(text)


@FAST
@given(soup(["MEXICO", "Grupo", "Bursatil", "OF", "of", "00002187", "002", "005", "002.5", "1234567"], max_size=14))
def test_page_break_tail_is_necessary_for_the_inline_page_break(line: str) -> None:
    if clean._PAGE_BREAK_INLINE.search(line):
        assert clean._PAGE_BREAK_TAIL.search(line)


@SOURCES
def test_flat_lines_spaces_and_repairs_on_real_text(source: str) -> None:
    for text in real_texts(source):
        assert clean._normalize(text) == _normalize_plain(text)
        for line in clean._normalize(text).split("\n"):
            assert clean._unflatten(line) == _unflatten_plain(line)
            if clean._PAGE_BREAK_INLINE.search(line):
                assert clean._PAGE_BREAK_TAIL.search(line)
    for sentences in real_sentences(source):
        body = "\n".join(sentences)
        assert clean.repair_text(body) == _repair_text_plain(body)
        assert clean._key(body) == re.sub(r"[^a-z0-9]", "", body.lower())


# --------------------------------------------------------------------------- clean: records, sentences

def _drop_record_repeat_plain(text: str) -> str:
    """_drop_record_repeat without the hints: each record pattern searched outright."""
    window = min(len(text), 200_000)
    match = clean._HEADER_ENDS.search(text, 0, window)
    if match:
        return text[match.end():]
    match = clean._TSV_RECORD.search(text, 0, window)
    if match:
        rest = clean._LINE_CONTINUATION.sub("", text[match.end():])
        return rest.replace("\t", "\n\n")
    match = clean._CSV_RECORD.search(text, 0, window)
    if match:
        for strict in (True, False):
            try:
                rows = list(csv.reader(io.StringIO(text[match.start():]), strict=strict))
            except csv.Error:
                continue
            if rows and len(rows[0]) >= 8:
                return rows[0][6] + "\n\n" + rows[0][7]
        return text[match.end():]
    match = clean._RECORD_REPEAT.search(text, 0, window)
    return text[match.end():] if match else text


RECORD_PARTS = ["\n", "\n", "\t", ",", '"', " ", "2008-07-24", "2008-07-24 12:58:00", "7/24/2008", "24.07.2008",
                "7.24.08", "08MEXICO2276", "162345", "12", ">", "Embassy Mexico", "CONFIDENTIAL", "UNCLASSIFIED//FOUO",
                "---- header ends ----", "--- Header Ends ---", "----header ends", "08STATE1234|08MEXICO99", "\\",
                "\\\n", "text", "1"]
record_text = st.lists(st.sampled_from(RECORD_PARTS), max_size=30).map("".join)


def _record(kind: int) -> str:
    head = "stray header copy\n"
    if kind == 0:
        return head + "12\n2008-07-24 12:58\n08MEXICO2276\nEmbassy Mexico\nCONFIDENTIAL\n08STATE1\nbody"
    if kind == 1:
        return head + "1\t2008-07-24\t08MEXICO2276\tEmbassy\tCONFIDENTIAL\t\tthe \\\nbody\tend"
    if kind == 2:
        return head + '5,"2008-07-24 12:58","08MEXICO2276","Embassy","CONFIDENTIAL","","head","body"\n'
    if kind == 3:
        return head + "5,2008-07-24 12:58,08MEXICO2276,Embassy,CONFIDENTIAL,,head,body\n"
    if kind == 5:
        return head + "id: 1\n--- Header Ends ---\nbody"
    if kind == 4:
        return head + "  12\n  7/24/2008 12:58\n  08MEXICO2276\nEmbassy Mexico\n  CONFIDENTIAL\nbody"
    return head + "id: 1\n---- header ends ----\nbody"


def record_text_join(kind: int, noise: str) -> str:
    return noise + _record(kind) + noise


@FAST
@given(st.one_of(record_text, st.tuples(st.integers(0, 6), record_text).map(lambda t: record_text_join(*t))))
@example("copy\n--- header ends ---\nbody")
@example('copy\n5,2008-07-24,08MEXICO2276,Embassy,CONFIDENTIAL,,head,body\n')
@example("copy\n12\n\t7/24/2008\n08MEXICO2276\nEmbassy Mexico\nCONFIDENTIAL\nbody")
def test_drop_record_repeat_equals_the_search_without_hints(text: str) -> None:
    assert clean._drop_record_repeat(text) == _drop_record_repeat_plain(text)



def _split_sentences_plain(text: str) -> list[Any]:
    """split_sentences as it was: re.split for the word before a period, the next word read
    eagerly, every sentence through _bounded."""
    abbreviations, starters = clean._abbreviations()
    bounds: list[int] = []
    for match in re.finditer(r"[.!?]+[\"'”’)\]]*(?=\s)|\n|;(?=\s+--\s)", text):
        end = match.end()
        if match.group() == "\n":
            bounds.append(match.start())
            continue
        if match.group() == ";":  # a joined list's items
            bounds.append(end)
            continue
        rest = text[end:end + 40].lstrip(" ")
        if not rest:
            continue
        nxt = rest[0]
        if rest.startswith("\n"):
            bounds.append(end)
            continue
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([¶-—"):
            continue
        if match.group()[0] == ".":
            window_start = max(0, match.start() - 40)
            token = re.split(r"\s", text[window_start:match.start()])[-1].lstrip("\"'“‘(")
            low = token.lower()
            next_word = re.match(r"[\"'“‘(]*([A-Za-z]+)", rest)
            next_low = next_word[1].lower() if next_word else ""
            if len(token) == 1 and token.isalpha() and token.isupper():
                continue
            if low in abbreviations:
                if not (low in clean._FINAL_CAPABLE and next_low in starters):
                    continue
            if re.fullmatch(r"(?:[A-Za-z]\.){1,4}[A-Za-z]", token) and not next_low in starters:
                continue
        bounds.append(end)
    limit = CLEAN_CONFIG["max_sentence_chars"]
    sentences = []
    start = 0
    for end in [*bounds, len(text)]:
        for s, e in clean._bounded(text, start, end, limit):
            s, e = clean._trim(text, s, e)
            if e > s:
                sentences.append(clean.Sentence(text[s:e], s, e))
        start = end
    return sentences


SENTENCE_WORDS = sorted(clean._abbreviations()[0])[:60] + sorted(clean._abbreviations()[1])[:30] + [
    "U.S", "U.S.", "i.e", "e.g.", "Mr.", "Gen.", "V.", "Charles", "Barclay", "The", "He", "said", "(", "“", "‘",
    "'", "\"", ")", "]", "!", "?", "...", ".", ". ", ".\n", "\n", "¶", "—", "-", "2008", "a.m.", "p.m.", "Inc."]
sentence_text = soup(SENTENCE_WORDS, max_size=30)


@FAST
@given(sentence_text)
@example("x\nMr. Smith went. He said.")
@example("met\tU.S. The talks")
def test_split_sentences_equals_the_plain_splitter(text: str) -> None:
    assert clean.split_sentences(text) == _split_sentences_plain(text)


@SLOWER
@given(st.lists(st.sampled_from(["word ", "x" * 50 + " ", "y" * 300 + " ", "y" * 300, ". The ", "  "]),
                min_size=5, max_size=40).map("".join))
@example("word " * 300)
def test_split_sentences_of_run_ons_equals_the_plain_splitter(text: str) -> None:
    # long "sentences" cross max_sentence_chars, where _make_sentences skips _bounded only when short
    assert clean.split_sentences(text) == _split_sentences_plain(text)


@FAST
@given(st.text(alphabet=st.sampled_from(list("ab. \t\n\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u3000\u200b\u180e")),
               max_size=20))
def test_rsplit_word_before_a_period_equals_re_split(before: str) -> None:
    """split_sentences reads the word before a period with str.rsplit: the same as re.split(r"\\s")."""
    fast = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    assert fast == re.split(r"\s", before)[-1]


@SOURCES
def test_records_and_sentences_on_real_text(source: str) -> None:
    for text in real_texts(source):
        assert clean._drop_record_repeat(text) == _drop_record_repeat_plain(text)
    for sentences in real_sentences(source):
        body = " ".join(sentences)
        assert clean.split_sentences(body) == _split_sentences_plain(body)


# --------------------------------------------------------------------------- read

READ_CONFIG = json.loads((PROJECT / "extractor" / "data" / "reader.json").read_text(encoding="utf-8"))
TELEGRAM_PLAIN = [re.compile(p) for p in READ_CONFIG["telegram_markers"]]
BOILERPLATE_PLAIN = [re.compile(p) for p in READ_CONFIG["site_boilerplate"]]
READ_ATOMS = HEADER_STARTS + [
    "© 2008", "(c) 2008 Foo Media", "Copyright 2008", "World Headlines", "Related Stories", "Top News", "More>>",
    "Share this", "Share on x", "Advertisement", "¶ 3", "  DE RUEHME #2276/01 2061258", "ZNR UUUUU", "ZNY SSSSS",
    "FM AMEMBASSY MEXICO TO SECSTATE", "FM USDEL SECRETARY INFO RUEHC", "R 241258ZJUL08", "241258Z JUL 2008",
    "P 010101Z MAY 09", "DE RUEHBO #1234", "RUEHME #2276"]
READ_WORDS = HEADER_WORDS + ["©", "(c)", "Media", "Copyright", "World Headlines", "Related Stories", "More>>",
                             "Share this", "Advertisement", "ADVERTISEMENT", "¶", "DE RUEHME #2276", "R 241258Z JUL 08",
                             "FM AMEMBASSY MEXICO", "ZNY CCCCC", "RUEHME", "#", "2276", "Z", "MAY", "241258ZJUL08"]
read_line = st.one_of(soup(READ_WORDS, max_size=10), dense(READ_ATOMS, seps=(" ", "", "  "), max_size=3))


@FAST
@given(read_line)
@example("Read the whole story. More>>")
@example("  © 2008 Foo")
@example("  ¶ 3. The")
def test_telegram_start_and_boilerplate_equal_each_pattern_tried_in_turn(line: str) -> None:
    assert bool(read._is_telegram_start(line)) == any(p.match(line) for p in TELEGRAM_PLAIN)
    searches = read._boilerplate_searches()
    assert any(search(line) for search in searches) == any(p.search(line) for p in BOILERPLATE_PLAIN)


def _assert_telegram_hints(text: str) -> None:
    """Each cheap test in telegram_metadata is necessary for the full search behind it."""
    if read._DTG.search(text):
        assert read._DTG_HINT.search(text)
    if read._FROM_LINE.search(text):
        assert "FM" in text
    if read._STATION.search(text) or read._CABLE_NUMBER.search(text):
        assert read._ROUTING_HINT.search(text)
    if read._ROUTING_CLASS.search(text):
        assert "ZN" in text


@FAST
@given(st.one_of(st.lists(read_line, max_size=6).map("\n".join), dense(READ_ATOMS, max_size=8)))
@example("R 241258ZJUL08\nFM AMEMBASSY MEXICO\nZNY CCCCC")
@example("DE RUABC #1234")
def test_telegram_metadata_hints_are_necessary(text: str) -> None:
    _assert_telegram_hints(text)


def _cut_boilerplate_plain(lines: list[str]) -> tuple[list[str], bool]:
    for index, line in enumerate(lines):
        if any(p.search(line) for p in BOILERPLATE_PLAIN):
            return lines[:index], True
    return lines, False


@SOURCES
def test_read_checks_on_real_text(source: str) -> None:
    for text in real_texts(source):
        _assert_telegram_hints(text)
        lines = text.split("\n")
        assert read._cut_boilerplate(lines) == _cut_boilerplate_plain(lines)
        for line in lines:
            assert bool(read._is_telegram_start(line)) == any(p.match(line) for p in TELEGRAM_PLAIN)
