"""Stage 4b — claims: numbers with units, what they count and who says so.

:mod:`extractor.quantities` finds the numbers, their units and qualifiers and
drops the ones that are not quantities; this module decides which of them are
claims (time-expression spans belong to the timeline), names the entity that is
counted or measured, the speaker who asserts it (carried across a paragraph
attributed to one person), and handles simple tables (row label + title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import Callable, Sequence

from .clean import split_sentences  # the pipeline's splitter: one way to cut sentences
from .model import Claim, Document, Paragraph, TimeExpression, stable_id
from .quantities import (
    CurrencyContext,
    Quantity,
    Token,
    _qualifier_lookup,
    country_of,
    cues,
    find_quantities,
    has_candidates,
    named_currencies,
    places_in_time,
    tokenize,
)
from .speakers import strip_titles, surnames


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    c = cues()
    return {name: frozenset(c[name]) for name in (
        "determiners", "entity_stop_words", "entity_left_skip", "entity_skip_after_number", "speech_verbs",
        "pronouns", "title_words", "speaker_role_nouns", "vague_words", "entity_verbs", "plural_heads",
        "object_openers", "ing_nouns", "pronoun_acronyms", "share_nouns", "duration_adjective_tail", "topic_verbs",
        "possessive_pronouns",
    )}


_IRREGULAR_VERBS = frozenset(
    "held made taken seen sent left found brought kept given paid lost won built spent put set led fled fought "
    "caught bought sold went came died got become became began begun ran run fell stood took gave knew thought "
    "told said met live lives living remain remains remained face faces need needs include includes "
    "hidden stolen written driven shown known drawn born worn torn frozen chosen spoken broken beaten thrown "
    "lack lacks want wants use uses own owns support supports oppose opposes expect expects".split()
)

#: a routing or index line pasted into the body: "11/21/2007 2983 ECON,EINV,EPET,ENRG,LY"
_ROUTING_LINE_RE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b.*\b[A-Z]{4},[A-Z]{2,5},[A-Z]{2,5}\b")
_TABLE_TITLE_RE = re.compile(r"(?i)\btable\s+[ivxlc\d]+[a-z]?\s*[:.\-]\s*")
_SOURCE_RE = re.compile(r"(?:^|\s)\*{0,2}\s*sources?\s*:\s*([A-Z][\w.&'’\- ]{1,60}?)(?=\s*(?:$|[.;,(]|\s-{3,}))", re.IGNORECASE)
_STATS_SOURCE_RE = re.compile(r"(?<![\w(])\**\s*([A-Z][A-Z&]{2,15})\b(?:\s*\([^)]{0,80}\))?\s+statistics")


# -- public API ----------------------------------------------------------------------

def extract_claims(doc: Document, times: list[list[list[TimeExpression]]] | None = None,
                   weak: bool = False) -> list[Claim]:
    """Claims of one cleaned document. ``weak`` also returns the candidates the rules
    would drop, each with ``rule`` saying why, for a learned decision to judge."""
    if times is None:
        times = _time_expressions(doc)
    claims: list[Claim] = []
    # each sentence is tokenized once, for the title map, the tables and the paragraph loop
    # (held here for one document, not in tokenize's cache: fewer long-lived objects for the GC)
    tokens = [[tokenize(s.text) for s in p.sentences] for p in doc.paragraphs]
    currencies = _paragraph_currencies(doc, tokens)
    tables = _table_contexts(doc.paragraphs, tokens)
    state = _SpeakerState(titles=_title_map([t for p in tokens for t in p]),
                          names=surnames([t for p in tokens for t in p]))
    for p_index, paragraph in enumerate(doc.paragraphs):
        p_times = times[p_index] if times and p_index < len(times) else []
        currency = currencies[p_index]
        claims.extend(claim for _, claim in _paragraph_claims(doc.doc_id, doc.doc_date, p_index, paragraph, p_times,
                                                              currency, tables[p_index], state, tokens[p_index], weak))
    return _once_each(claims)


def _paragraph_currencies(doc: Document, tokens: Sequence[Sequence[Sequence[Token]]]) -> list[CurrencyContext]:
    """What decides each paragraph's bare currency words: the cable's country, the currencies
    the paragraph names, those the whole cable names."""
    paragraph_names = [named_currencies(p) for p in tokens]
    country = country_of(doc.origin, doc.tags)
    cable = frozenset().union(*paragraph_names)
    return [CurrencyContext(country, names, cable) for names in paragraph_names]


def _once_each(claims: list[Claim]) -> list[Claim]:
    """The first claim of each (sentence, offset): a body copied twice into one file says each figure once."""
    seen: set[tuple[str, int]] = set()
    out: list[Claim] = []
    for claim in claims:
        key = (claim.sentence, claim.start)
        if key not in seen:
            seen.add(key)
            out.append(claim)
    return out


def claims_from_text(text: str, dct: str = "", country: str = "") -> list[Claim]:
    """Claims of plain English text; offsets index ``text``."""
    sentences = split_sentences(text)
    paragraph = Paragraph(number="", marking="", heading="", text=text, sentences=sentences)
    times = [_safe_timex(s.text, dct) for s in sentences]
    sentence_tokens = [tokenize(s.text) for s in sentences]
    named = named_currencies(sentence_tokens)
    currency = CurrencyContext(country_of(country=country), paragraph=named, cable=named)
    state = _SpeakerState(titles=_title_map(sentence_tokens))
    claims = []
    for s_index, claim in _paragraph_claims("", dct, 0, paragraph, times, currency, _TableContext.of(paragraph),
                                            state, sentence_tokens):
        claim.start += sentences[s_index].start
        claim.end += sentences[s_index].start
        claims.append(claim)
    return claims


# -- time expressions ------------------------------------------------------------------------

def _safe_timex(text: str, dct: str) -> list[TimeExpression]:
    try:
        from .timex import find_time_expressions

        return find_time_expressions(text, dct)
    except NotImplementedError:
        return []
    except Exception:  # a timex failure must not lose the claims
        return []


def _time_expressions(doc: Document) -> list[list[list[TimeExpression]]]:
    return [[_safe_timex(s.text, doc.doc_date) for s in p.sentences] for p in doc.paragraphs]


# -- one paragraph -------------------------------------------------------------------------

def _paragraph_claims(doc_id: str, doc_date: str, p_index: int, paragraph: Paragraph,
                      times: Sequence[list[TimeExpression]], currency: CurrencyContext,
                      table: "_TableContext", state: "_SpeakerState", sentence_tokens: Sequence[Sequence[Token]],
                      weak: bool = False) -> list[tuple[int, Claim]]:
    """(sentence index, claim) pairs of one paragraph (sentence_tokens: the tokens of its sentences;
    currency: what decides its bare '$', 'dollars', 'pesos')."""
    claims: list[tuple[int, Claim]] = []
    state.new_paragraph()
    for s_index, sentence in enumerate(paragraph.sentences):
        text = sentence.text
        tokens = sentence_tokens[s_index]
        attributions = _sentence_speaker(tokens, state)  # every sentence: the speaker carries on
        if not has_candidates(text) or _ROUTING_LINE_RE.search(text):
            continue
        where = _Sentence(doc_id, doc_date, p_index, s_index, paragraph.number, text, tokens,
                          times[s_index] if s_index < len(times) else [], attributions, table,
                          table.active and (_table_like(tokens) or _table_row(text, tokens)))
        claims.extend((s_index, claim) for claim in _sentence_claims(where, currency, weak))
    return claims


@dataclass(frozen=True)
class _Sentence:
    """One sentence of a paragraph with what its claims need to know of it."""

    doc_id: str
    doc_date: str
    p_index: int
    s_index: int
    paragraph: str  #: the paragraph's number
    text: str
    tokens: Sequence[Token]
    times: Sequence[TimeExpression]
    attributions: Sequence[tuple[int, str]]
    table: "_TableContext"
    in_table: bool  #: a row of the paragraph's table


def _sentence_claims(s: _Sentence, currency: CurrencyContext, weak: bool) -> list[Claim]:
    claims: list[Claim] = []
    previous: Claim | None = None  # the last claim the rules keep: later figures may share its entity
    for q in find_quantities(s.text, s.tokens, keep_excluded=weak, context=currency):
        _age_apposition(s.tokens, q)
        rule = _drop_rule(s, q)
        if rule is None or (rule and not weak):
            continue
        claim = _claim_of(s, q, previous, rule)
        claims.append(claim)
        if not rule:
            previous = claim
    return claims


def _drop_rule(s: _Sentence, q: Quantity) -> str | None:
    """Why the rules drop the candidate ("" when they keep it); None when it is no claim at
    all, placed in time ("six months ago", "in 2-3 months"): the timeline's."""
    if not _is_claim(s.tokens, q, s.times):
        return None
    if q.excluded:
        return "q:" + q.excluded
    return "table" if s.in_table and _table_excluded(s.tokens, q) else ""


def _claim_of(s: _Sentence, q: Quantity, previous: Claim | None, rule: str) -> Claim:
    tokens = s.tokens
    if q.unit == "count" and not q.spelled and not _has_noun_after(tokens, q):
        _unit_from_left(tokens, q)
    entity = _own_entity(s, q, previous)
    speaker = _claim_speaker(q, s.attributions)
    if s.in_table:
        entity, speaker = _table_entity_and_speaker(s, q, entity, speaker)
    entity = entity or _entity_from_context(tokens, q, previous)
    return Claim(claim_id=stable_id(s.doc_id, s.p_index, s.s_index, q.start), doc_id=s.doc_id,
                 doc_date=s.doc_date, value=q.value, value_low=q.low, value_high=q.high, unit=q.unit,
                 unit_text=q.unit_text, dimension=q.dimension, qualifier=q.qualifier, entity=entity,
                 period=q.period, speaker=speaker, text=s.text[q.start:q.end], paragraph=s.paragraph,
                 sentence=s.text, start=q.start, end=q.end, rule=rule)


def _entity_from_context(tokens: Sequence[Token], q: Quantity, previous: Claim | None) -> str:
    """For a figure that names nothing: the previous claim's entity when it goes on from it
    ("increased from 367 in 2007 to over 2000", "1048 (or 18%) of these killings"), else the
    noun that opens the sentence ("The ship ... weighs 100,000 tonnes")."""
    inherited = previous.entity if previous is not None and _continues_previous(tokens, q, previous) else ""
    if inherited or q.dimension == "count":
        return inherited
    return _opening_subject(tokens, q)


def _table_entity_and_speaker(s: _Sentence, q: Quantity, entity: str, speaker: str) -> tuple[str, str]:
    """A table figure counts its row label under the table's title; the source of its column says it."""
    label, column = _row_label(s.tokens, q)
    entity = " ".join(x for x in (label, s.table.title) if x) or entity
    if s.table.sources:
        speaker = s.table.sources[min(column, len(s.table.sources) - 1)]
    return entity, speaker


def _compared_like_previous(s: _Sentence, q: Quantity, previous: Claim) -> bool:
    # "from three children per week to ten per week"
    return previous.dimension == q.dimension and not _has_noun_after(s.tokens, q) \
        and q.dimension in ("count", "percent") and _compared_with_previous(s.tokens, q)


def _converted_previous(s: _Sentence, q: Quantity, previous: Claim) -> bool:
    # "38 billion Brazilian Reals (21 billion USD)": the same amount converted
    return previous.dimension == q.dimension == "currency" \
        and s.text[previous.end:s.tokens[q.qual_start].start].strip() == "("


def _own_entity(s: _Sentence, q: Quantity, previous: Claim | None) -> str:
    """The entity of the quantity: the previous claim's when it restates that figure."""
    if previous is not None and (_compared_like_previous(s, q, previous) or _converted_previous(s, q, previous)):
        return previous.entity
    return _entity(s.tokens, q)


def _continues_previous(tokens: Sequence[Token], q: Quantity, previous: Claim) -> bool:
    """A figure with no entity of its own goes on from the previous one: the same unit, in
    parentheses, after "or", a share of it, or compared with it."""
    before = tokens[q.qual_start - 1]
    return previous.unit == q.unit or before.text == "(" or before.low == "or" or _of_which(tokens, q) \
        or _compared_with_previous(tokens, q) and (previous.dimension == q.dimension or before.low in ("to", "from"))


def _age_apposition(tokens: Sequence[Token], q: Quantity) -> None:
    """'The suspect, 32, was charged': a bare number set off by commas after a
    noun or name is an age in years."""
    if not (_could_be_an_age(q) and 2 <= q.tok_start and q.tok_end < len(tokens) and _set_off_by_commas(tokens, q)):
        return
    q.unit, q.dimension, q.unit_text = "year", "time", ""
    q.adjective = True  # an age measures; it never places the sentence in time


def _could_be_an_age(q: Quantity) -> bool:
    """A bare whole number from 1 to 110, with no unit or qualifier."""
    return q.unit == "count" and not q.spelled and q.value is not None and float(q.value).is_integer() \
        and 1 <= q.value <= 110 and q.qualifier == "exact"


def _set_off_by_commas(tokens: Sequence[Token], q: Quantity) -> bool:
    """Set off as an age: ", 32," or ", aged 32," after a word that is not a month or a stop word."""
    before, after, word = tokens[q.tok_start - 1], tokens[q.tok_end], tokens[q.tok_start - 2]
    if before.low in ("age", "aged") and after.text in (",", ")", "."):
        before, word = tokens[q.tok_start - 2], tokens[q.tok_start - 3] if q.tok_start > 2 else tokens[0]
    return before.text == "," and after.text in (",", ")") and word.text.isalpha() \
        and word.low not in cues()["months"] and word.low not in _words()["entity_stop_words"]


def _opening_subject(tokens: Sequence[Token], q: Quantity) -> str:
    """The common noun that opens the sentence ("The flight was delayed by 45
    minutes"), when the number itself names nothing."""
    if len(tokens) < 3 or tokens[0].low not in ("the", "a", "an") or q.tok_start < 3:
        return ""
    phrase = _noun_phrase_right(tokens, 1, max_words=3)
    # a common noun only: a named subject is more often the speaker than the thing measured
    return phrase if phrase and phrase[:1].islower() and len(phrase.split()) < q.tok_start else ""


def _is_claim(tokens: Sequence[Token], q: Quantity, times: Sequence[TimeExpression]) -> bool:
    """Numbers inside a time expression belong to the timeline, unless it is a
    duration that measures something ("a 20-year sentence", "forty minutes")."""
    if any(_in_time_expression(tokens, q, te) for te in times):
        return False
    return not (q.dimension == "time" and places_in_time(tokens, q))


def _in_time_expression(tokens: Sequence[Token], q: Quantity, te: TimeExpression) -> bool:
    if not (te.start < q.end and q.start < te.end):
        return False
    if te.type == "DURATION" and q.dimension == "time" and not places_in_time(tokens, q):
        return False  # a duration that measures
    # a money or mass figure merely touching a date span
    return q.dimension in ("time", "count") or te.start <= q.start and q.end <= te.end


# -- entity ------------------------------------------------------------------------------------

def _compared_with_previous(tokens: Sequence[Token], q: Quantity) -> bool:
    """'... 367 in 2007 to over 2000', 'three children per week to ten': a figure
    linked to the one before it says the same kind of thing."""
    links = cues()["comparison_links"]
    for k in range(q.qual_start - 1, max(-1, q.qual_start - 4), -1):
        low = tokens[k].low
        if low == "of":
            return False
        if low == "(" and k > 0 and _is_word(tokens[k - 1]):
            return False  # "Tutsis (15 percent)": the share of the word before
        if low in links:
            return True
        if not (tokens[k].text.isalpha() and tokens[k].text.islower()):
            return False
    return False


def _of_which(tokens: Sequence[Token], q: Quantity) -> bool:
    """'116 cases, 58% of which ...': a share of the thing just counted."""
    k = q.unit_end
    return k + 1 < len(tokens) and tokens[k].low == "of" and tokens[k + 1].low in ("which", "whom")


def _has_noun_after(tokens: Sequence[Token], q: Quantity) -> bool:
    k = q.unit_end
    if k < len(tokens) and tokens[k].low == "of":
        return True
    return bool(_noun_phrase_right(tokens, k, max_words=2)) if k < len(tokens) else False


def _unit_from_left(tokens: Sequence[Token], q: Quantity) -> None:
    """'total hectares sprayed reached 135,000': the unit was named before the number."""
    from .quantities import _keyed_units

    units, _ = _keyed_units()
    for k in range(q.qual_start - 1, max(-1, q.qual_start - 5), -1):
        tok = tokens[k]
        if not tok.text.isalpha():
            break
        found = units.get(tok.low)
        if found and len(tok.low) > 3 and found[1] in ("area", "mass", "volume", "length"):
            q.unit, q.dimension = found
            q.unit_text = tok.text
            return


def _is_word(tok: Token) -> bool:
    return tok.text[0].isalpha() or tok.text[0] in "&"


@dataclass
class _Walk:
    """A noun phrase being read token by token from ``k``: its words so far."""

    tokens: Sequence[Token]
    k: int
    parts: list[str] = field(default_factory=list)
    count: int = 0  #: words taken (a joining "and" is not one)

    @property
    def n(self) -> int:
        return len(self.tokens)

    @property
    def tok(self) -> Token:
        return self.tokens[self.k]

    def word_at(self, i: int) -> bool:
        return i < self.n and _is_word(self.tokens[i])


# -- the noun phrase on the right of a number: what joins words, what ends the phrase

def _skip_quote(p: _Walk) -> bool:
    # 'so-called FNL "dissidents"'
    if p.tok.text in _QUOTES and (not p.parts or p.k + 1 < p.n and _is_word(p.tokens[p.k + 1])):
        p.k += 1
        return True
    return False


def _skip_so_called(p: _Walk) -> bool:
    tokens, k = p.tokens, p.k
    if not p.parts and tokens[k].low == "so" and k + 2 < p.n and tokens[k + 1].text == "-" \
            and tokens[k + 2].low == "called":
        p.k += 3
        return True
    return False


def _join_hyphen_right(p: _Walk) -> bool:
    tokens, k, tok = p.tokens, p.k, p.tok
    if tok.text == "-" and p.parts and k + 1 < p.n and tokens[k - 1].end == tok.start \
            and tokens[k + 1].start == tok.end and _is_word(tokens[k + 1]):
        p.parts[-1] += "-" + tokens[k + 1].text
        p.k += 2
        return True
    return False


def _join_comma(p: _Walk) -> bool:
    # "new, additional funds": a comma between adjectives
    tokens, k, parts = p.tokens, p.k, p.parts
    if p.tok.text == "," and parts and k + 1 < p.n \
            and (_adjective_like(parts[-1]) or any(x.endswith(",") for x in parts)) \
            and tokens[k + 1].text[:1].islower() and tokens[k + 1].low not in _words()["entity_stop_words"]:
        parts[-1] += ","
        p.k += 1
        return True
    return False


def _join_conjunction(p: _Walk) -> bool:
    # "weapons and ammunition", "new, used or stolen cars"
    tokens, k, parts, w = p.tokens, p.k, p.parts, _words()
    if not (p.tok.low in ("and", "or") and parts and k + 1 < p.n):
        return False
    after = tokens[k + 1]
    if _lower_word(after) and after.low not in w["entity_stop_words"] and _may_join_more(parts) \
            and after.low not in w["speech_verbs"] and not after.low.endswith("ed"):
        parts.append(p.tok.text)
        p.k += 1
        return True
    return False


def _may_join_more(parts: Sequence[str]) -> bool:
    """A phrase may go on with "and": its last word is no plural ("drugs and weapons" are two),
    unless a comma already lists words."""
    return not parts[-1].endswith("s") or any(x.endswith(",") for x in parts)


def _not_a_noun_word(p: _Walk) -> bool:
    tokens, k, tok, w = p.tokens, p.k, p.tok, _words()
    acronym = tok.text in w["pronoun_acronyms"] and k + 1 < p.n and tokens[k + 1].text[:1].isalpha() \
        and not tokens[k + 1].text.isupper()  # "seven US helicopters"
    return not _is_word(tok) or tok.low in w["entity_stop_words"] and not acronym or tok.low in w["vague_words"]


def _clause_verb(p: _Walk) -> bool:
    # "170 guards monitor the border", "civil suits take years"
    return _verb_after_head(p.tokens, p.k, p.parts)


def _verb_right_after_number(p: _Walk) -> bool:
    # "$160,000 destined for a unit", "80 percent live in homes": no noun follows
    return not p.parts and _leading_verb(p.tokens, p.k)


def _verb_after_noun(p: _Walk) -> bool:
    tok, parts, w = p.tok, p.parts, _words()
    if not parts:
        return False
    if tok.low in _IRREGULAR_VERBS:
        return True
    return tok.text.islower() and tok.low not in w["ing_nouns"] and tok.low.endswith(("ed", "ing")) \
        and (parts[-1].endswith("s") or parts[-1][:1].isupper() or not _noun_word_at(p, p.k + 1))


def _noun_word_at(p: _Walk, i: int) -> bool:
    return p.word_at(i) and p.tokens[i].low not in _words()["entity_stop_words"]


def _fiscal_year(p: _Walk) -> bool:
    text = p.tok.text
    return any(ch.isdigit() for ch in text) and text[:2].upper() in ("FY", "CY")


#: read in turn at each token: the first that applies takes the token(s) into the phrase
_RIGHT_JOINS: tuple[Callable[[_Walk], bool], ...] = (
    _skip_quote, _skip_so_called, _join_hyphen_right, _join_comma, _join_conjunction)
#: then what ends the phrase, in order; True with it: there is no noun phrase at all
_RIGHT_ENDS: tuple[tuple[Callable[[_Walk], bool], bool], ...] = (
    (_not_a_noun_word, False),
    (_clause_verb, False),
    (_verb_right_after_number, True),
    (_verb_after_noun, False),
    (_fiscal_year, False),
)


def _noun_phrase_right(tokens: Sequence[Token], k: int, max_words: int = 6) -> str:
    """Noun phrase starting at token k (adjectives + nouns, hyphen compounds)."""
    p = _Walk(tokens, k)
    # (plain loops, not any()/next() over generators: this runs at every token of most phrases)
    while p.k < p.n and p.count < max_words:
        for join in _RIGHT_JOINS:
            if join(p):
                break
        else:
            for ends, void in _RIGHT_ENDS:
                if ends(p):
                    return "" if void else _trimmed_right(p.parts)
            p.parts.append(p.tok.text)
            p.count += 1
            p.k += 1
    return _trimmed_right(p.parts)


def _trimmed_right(parts: list[str]) -> str:
    """The phrase less the determiners and glue it ends on."""
    determiners = _words()["determiners"]
    while parts and (parts[-1].lower() in determiners or parts[-1].lower() in ("and", "or", "of")):
        parts.pop()
    return " ".join(parts).rstrip(",")


_QUOTES = frozenset(('"', "“", "”", "'", "‘", "’"))


def _plural(word: str) -> bool:
    low = word.lower()
    return low in _words()["plural_heads"] or len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is"))


def _verb_after_head(tokens: Sequence[Token], k: int, parts: Sequence[str]) -> bool:
    """Does the noun phrase end before token k because k is the verb of the clause?
    A lower-case word after a plural head that is a known verb ('guards monitor'),
    or any lower-case word directly followed by its object ('cameras enable the police')."""
    if not _head_so_far(parts) or k + 1 >= len(tokens) or not _lower_word(tokens[k]):
        return False
    tok = tokens[k]
    w = _words()
    if _plural(parts[-1]) and tok.low in w["entity_verbs"]:
        return True
    # a plural-looking word is more often the head noun itself ("new homes the ...")
    return _object_follows(tokens, k) and tok.low not in w["determiners"] and not _plural(tok.text)


def _object_follows(tokens: Sequence[Token], k: int) -> bool:
    """An object opens right after token k ("enable the police"); "a year" is a rate, not an object."""
    after = tokens[k + 1]
    if after.low in ("a", "an") and k + 2 < len(tokens) and tokens[k + 2].low in _TIME_NOUNS:
        return False  # "300,000 new homes a year"
    return after.low in _words()["object_openers"] and after.text.islower()


def _head_so_far(parts: Sequence[str]) -> bool:
    """The phrase read so far ends on a word that can be its head (not on ",", "of", "and", "or":
    the word after "of" is a noun, "nine annual months of winter")."""
    return bool(parts) and not parts[-1].endswith(",") and parts[-1].lower() not in ("of", "and", "or")


def _lower_word(tok: Token) -> bool:
    return tok.text.isalpha() and tok.text.islower()


@lru_cache(maxsize=1)
def _qualifier_words() -> frozenset[str]:
    """Single-word qualifiers ("estimated", "about") that may stand between a determiner and its number."""
    return frozenset(word for words in cues()["qualifiers"].values() for word in words if " " not in word)


def _leading_verb(tokens: Sequence[Token], k: int) -> bool:
    """Is the first word after a number a verb rather than a noun ('$160,000
    destined for', '80 percent live in', '60-70% favor withdrawal')?"""
    tok = tokens[k]
    if not (tok.text.isalpha() and tok.text.islower()) or k + 1 >= len(tokens):
        return False
    if _determined_number_before(tokens, k):
        return False  # "the three wounded": a noun made of an adjective
    w = _words()
    after = tokens[k + 1]
    takes_object = after.low in w["entity_stop_words"] or after.low in w["object_openers"]
    if tok.low in w["entity_verbs"]:
        return takes_object
    return len(tok.low) > 5 and tok.low.endswith("ed") and takes_object


def _determined_number_before(tokens: Sequence[Token], k: int) -> bool:
    """A determiner opens the number that ends before token k: "the three"."""
    j = _before_the_number(tokens, k - 1)
    return j < k - 1 and tokens[j].low in ("the", "these", "those", "his", "her", "their", "its", "our")


def _before_the_number(tokens: Sequence[Token], j: int) -> int:
    """The index before the number (digits, number words, qualifiers) that ends at j."""
    c, qualifier_words = cues(), _qualifier_words()
    while j > 0 and (tokens[j].text[:1].isdigit() or tokens[j].low in c["number_words"]
                     or tokens[j].low in c["multiplier_words"] or tokens[j].low in qualifier_words):
        j -= 1
    return j


def _adjective_like(word: str) -> bool:
    low = word.lower()
    return low in ("new", "additional", "more", "other", "former", "current", "local", "federal", "young") or \
        low.endswith(("ed", "al", "ive", "ous", "ic", "ful", "ent", "ant", "ary", "ible", "able"))


def _noun_phrase_left(tokens: Sequence[Token], end: int, max_words: int = 6) -> str:
    """Noun phrase ending right before token index end, skipping verbs and
    prepositions that link it to the number ("bilateral trade hit USD 1.5 billion")."""
    phrase, k = _collect_left(tokens, _phrase_end_left(tokens, end), max_words)
    if not phrase:
        return ""
    return next((found for revise in _LEFT_REVISIONS if (found := revise(tokens, phrase, k, max_words)) is not None),
                phrase)


# -- what links the noun on the left to its number

def _left_skip_word(tokens: Sequence[Token], k: int, end: int, skipped: int) -> bool:
    return tokens[k].low in _words()["entity_left_skip"] or tokens[k].text in ("\"", "“", "”", "'")


def _linking_verb(tokens: Sequence[Token], k: int, end: int, skipped: int) -> bool:
    # "the driver was travelling at 120 km/h", "Inflation slowed to 3.2 percent"
    return _main_verb(tokens, k, end)


def _adverb_in_verb_group(tokens: Sequence[Token], k: int, end: int, skipped: int) -> bool:
    # "The tariff was again increased by 25 per cent"
    tok = tokens[k]
    return bool(skipped) and tok.text.islower() and tok.low in _ADVERBS | {"again", "already", "still", "only", "just",
                                                                           "even"}


#: the words between a noun and its number, skipped in turn leftwards (at most five)
_LEFT_LINKS: tuple[Callable[[Sequence[Token], int, int, int], bool], ...] = (
    _left_skip_word, _linking_verb, _adverb_in_verb_group)


def _phrase_end_left(tokens: Sequence[Token], end: int) -> int:
    """Where the noun phrase before the number at ``end`` ends: left of a parenthesis, of
    linking verbs and prepositions, of ", which"."""
    k = end - 1
    skipped = 0
    while k >= 0 and skipped < 5:
        if tokens[k].text == ")":
            k = _skip_parenthesis_left(tokens, k)[0]
            skipped += 1
        elif _modified_noun_before_of(tokens, k):
            break  # "minimum pay of $666", "net worth of USD 3 million": a noun with its modifier, not a verb
        elif any(link(tokens, k, end, skipped) for link in _LEFT_LINKS):
            k -= 1
            skipped += 1
        elif tokens[k].text == "," and k + 1 < end and tokens[k + 1].low in ("which", "who"):
            k -= 1  # "Mexico's GDP, which was US $1.14 trillion"
        else:
            break
    return k


# -- a better noun than the one found right before the number (None: keep it)

def _before_a_place(tokens: Sequence[Token], phrase: str, k: int, max_words: int) -> str | None:
    # "air transit of illegal drugs from Colombia by 90 percent": the place is not the entity
    if k >= 1 and phrase[0].isupper() and tokens[k].low in ("from", "in", "to", "at", "on", "into"):
        return _collect_left(tokens, k - 1, max_words)[0] or None
    return None


def _before_where(tokens: Sequence[Token], phrase: str, k: int, max_words: int) -> str | None:
    # "Rents in the capital rose by 12.5%": what rose is the noun before the place
    place = k
    while place >= 1 and tokens[place].low in ("the", "a", "an"):
        place -= 1
    if place >= 1 and tokens[place].low in ("in", "at", "across", "among", "within") \
            and _is_word(tokens[place - 1]) and tokens[place - 1].low not in _words()["entity_stop_words"]:
        return _collect_left(tokens, place - 1, max_words)[0] or None
    return None


def _post_modified_head(tokens: Sequence[Token], phrase: str, k: int, max_words: int) -> str | None:
    # "complaints to the Commission against the military increased from 367":
    # the head comes before its modifiers
    if not (k >= 2 and tokens[k].low in ("the", "a", "an") and tokens[k - 1].low in ("against", "to", "on", "by")):
        return None
    head, j = _head_before_modifiers(tokens, phrase, k, max_words)
    if head is not phrase and head.split()[-1].lower().endswith("s") and (head[:1].islower() or j < 0):
        return head
    return None


def _head_before_modifiers(tokens: Sequence[Token], phrase: str, j: int, max_words: int) -> tuple[str, int]:
    """Leftwards over up to three prepositional modifiers ("to the Commission", "against the
    military") before ``phrase``: the phrase they modify (``phrase`` itself when none) and the
    index before it."""
    head = phrase
    for _ in range(3):
        if not (j >= 2 and tokens[j].low in ("the", "a", "an") and tokens[j - 1].low in _POST_MODIFIER_PREPS) \
                and not (j >= 1 and tokens[j].low in _POST_MODIFIER_PREPS):
            break
        j = j - 2 if tokens[j].low in ("the", "a", "an") else j - 1
        longer, j = _collect_left(tokens, j, max_words)
        if not longer:
            break
        head = longer
    return head, j


def _infinitive(tokens: Sequence[Token], phrase: str, k: int, max_words: int) -> str | None:
    # "with prospects to achieve 30,000 hectares": a verb, not a noun
    if " " not in phrase and phrase.islower() and k >= 0 and tokens[k].low == "to" and not phrase.endswith("s"):
        return ""
    return None


def _past_participle(tokens: Sequence[Token], phrase: str, k: int, max_words: int) -> str | None:
    # "were discovered approximately 800 meters": a verb, not a noun
    return "" if " " not in phrase and phrase.islower() and phrase.endswith("ed") else None


_LEFT_REVISIONS: tuple[Callable[[Sequence[Token], str, int, int], str | None], ...] = (
    _before_a_place, _before_where, _post_modified_head, _infinitive, _past_participle)


def _main_verb(tokens: Sequence[Token], k: int, end: int) -> bool:
    """Is token k a verb that links its subject to the number at end ("slowed to",
    "was travelling at", "covered 42.2 km")? Participles further left stay: "total
    hectares sprayed reached 135,000"."""
    tok = tokens[k]
    low = tok.low
    if not (_lower_word(tok) and _verb_form(low)):
        return False
    if k > 0 and tokens[k - 1].text == "-":
        return False  # "drug-related"
    after = tokens[k + 1].low if k + 1 < len(tokens) else ""
    return k + 1 == end or after in ("to", "by", "at") or after == "for" and low.endswith("ed")


def _verb_form(low: str) -> bool:
    """A past or -ing form or an irregular verb; not a speech verb ("Diab said 9,000 tons": the
    speaker, not the thing measured)."""
    if low in _words()["speech_verbs"] or low in cues()["speech_participles"]:
        return False
    return len(low) > 4 and low.endswith(("ed", "ing")) or low in _IRREGULAR_VERBS


def _modified_noun_before_of(tokens: Sequence[Token], k: int) -> bool:
    """Is token k, a word that can link a subject to a number ("pay", "worth",
    "cut"), a noun here because a modifier precedes it and "of" follows ("minimum
    pay of $666", "net worth of USD 3 million")?"""
    w = _words()
    if not (0 < k < len(tokens) - 1) or tokens[k + 1].low != "of" or tokens[k].low not in w["entity_left_skip"]:
        return False
    before = tokens[k - 1]
    return before.text.isalpha() and before.text.islower() and not before.low.endswith("ly") \
        and before.low not in w["determiners"] | w["entity_stop_words"] | w["entity_left_skip"]


# -- the noun phrase ending at a token, read leftwards

def _join_hyphen_left(p: _Walk) -> bool:
    tokens, k, tok = p.tokens, p.k, p.tok
    if tok.text == "-" and p.parts and k > 0 and tokens[k - 1].end == tok.start and tok.end == tokens[k + 1].start:
        p.parts[-1] = tokens[k - 1].text + "-" + p.parts[-1]
        p.k -= 2
        return True
    return False


def _join_of(p: _Walk) -> bool:
    # "the value of exports"
    tokens, k = p.tokens, p.k
    if p.tok.low == "of" and p.parts and k > 0 and _is_word(tokens[k - 1]) \
            and tokens[k - 1].low not in _words()["entity_stop_words"]:
        p.parts.append("of")
        p.k -= 1
        return True
    return False


def _join_determiner_after_of(p: _Walk) -> bool:
    # "the economic impact of the crisis"
    tokens, k, w = p.tokens, p.k, _words()
    if p.tok.low in ("the", "these", "this", "its", "their") and p.parts and p.parts[-1] != "of" and k > 1 \
            and tokens[k - 1].low == "of" and _is_word(tokens[k - 2]) \
            and tokens[k - 2].low not in w["entity_stop_words"] | w["determiners"]:
        p.parts.append(p.tok.text)
        p.k -= 1
        return True
    return False


def _left_stop_word(p: _Walk) -> bool:
    tok, w = p.tok, _words()
    return not _is_word(tok) or tok.low in w["entity_stop_words"] or tok.low in w["entity_left_skip"] and bool(p.parts)


def _verb_between_subject_and_object(p: _Walk) -> bool:
    # "The hurricane packed winds"
    tok = p.tok
    return bool(p.parts) and p.parts[-1] != "of" and _lower_word(tok) and len(tok.low) > 4 \
        and tok.low.endswith("ed") and p.k > 0 and _subject_word_before(p.tokens[p.k - 1])


def _subject_word_before(before: Token) -> bool:
    """A word that can end a subject before its verb: not a determiner, a stop word, an adverb,
    a possessive or a hyphen."""
    w = _words()
    return _is_word(before) and before.text != "-" and before.low not in w["determiners"] | w["entity_stop_words"] \
        and not before.low.endswith(("ly", "'s", "’s"))


def _linking_word(p: _Walk) -> bool:
    # "pay", "worth": a noun only when modified before "of" ("minimum pay of $666")
    return p.tok.low in _words()["entity_left_skip"] and not (not p.parts and _modified_noun_before_of(p.tokens, p.k))


_LEFT_JOINS: tuple[Callable[[_Walk], bool], ...] = (_join_hyphen_left, _join_of, _join_determiner_after_of)
_LEFT_ENDS: tuple[Callable[[_Walk], bool], ...] = (_left_stop_word, _verb_between_subject_and_object, _linking_word)


def _collect_left(tokens: Sequence[Token], k: int, max_words: int) -> tuple[str, int]:
    """Noun phrase ending at token index k (inclusive); also the index before it."""
    p = _Walk(tokens, k)
    while p.k >= 0 and len(p.parts) < max_words:
        for join in _LEFT_JOINS:
            if join(p):
                break
        else:
            for ends in _LEFT_ENDS:
                if ends(p):
                    return _trimmed_left(p.parts[::-1]), p.k
            p.parts.append(p.tok.text)
            p.k -= 1
    return _trimmed_left(p.parts[::-1]), p.k


def _trimmed_left(parts: list[str]) -> str:
    """The phrase less the determiners and "of" it opens with and the "of" it ends on."""
    determiners = _words()["determiners"]
    while parts and (parts[0].lower() in determiners or parts[0].lower() == "of"):
        parts.pop(0)
    while parts and parts[-1].lower() == "of":
        parts.pop()
    return " ".join(parts)


class _Site:
    """Where a quantity stands in its sentence, as the entity finders read it: ``k`` is where
    the noun it counts or measures may start on its right."""

    def __init__(self, tokens: Sequence[Token], q: Quantity) -> None:
        self.tokens, self.q = tokens, q
        self.n = len(tokens)
        self.k, self.aged = _noun_start(tokens, q)
        self.determiner_before = _determiner_before(tokens, q.qual_start)

    @cached_property
    def of_phrase(self) -> str:
        """The noun of "<number> of the agencies" ("" without "of")."""
        return _of_phrase(self.tokens, self.k)

    @cached_property
    def percent_right(self) -> str:
        """The noun after a share, not a comparison ("10 percent more", "the 5 percent mark")."""
        tokens, k = self.tokens, self.k
        right = _noun_phrase_right(tokens, k) if k < self.n and _is_word(tokens[k]) else ""
        if right.split(" ")[0].lower() in _COMPARATIVES or right.lower() in ("range", "level", "mark", "threshold"):
            return ""
        return right

    def left(self) -> str:
        return _noun_phrase_left(self.tokens, self.q.qual_start)

    def word_before(self, low: str) -> bool:
        """The word before the quantity (and its qualifier) is ``low``."""
        q = self.q
        return q.qual_start > 1 and self.tokens[q.qual_start - 1].low == low


def _noun_start(tokens: Sequence[Token], q: Quantity) -> tuple[int, bool]:
    """Where the counted or measured noun may start after the quantity, and whether the
    measure is an age or extent adjective ("three year old", "a three-hour long meeting")."""
    k = q.unit_end
    if q.period and q.dimension not in ("count", "currency"):
        k = _skip_period(tokens, k)
    if _parenthesised_measure(tokens, q, k):
        k += 1  # "a brief (10-minute) presentation": the noun after the parenthesis
    aged = q.dimension == "time" and tokens[q.unit_end - 1].low in _words()["duration_adjective_tail"]
    k, aged = _past_extent_words(tokens, q, _skip_qualifier_suffix(tokens, k), aged)
    return _skip_parenthesis_right(tokens, k), aged


def _parenthesised_measure(tokens: Sequence[Token], q: Quantity, k: int) -> bool:
    """An adjective or duration alone in parentheses, k at its ")"."""
    return (q.adjective or q.dimension == "time" and q.value is not None) and k + 1 < len(tokens) \
        and tokens[k].text == ")" and q.qual_start > 0 and tokens[q.qual_start - 1].text == "("


def _past_extent_words(tokens: Sequence[Token], q: Quantity, k: int, aged: bool) -> tuple[int, bool]:
    """Past "long", "high" ... after a measure when a noun follows: "a three-hour long meeting",
    "a 16 foot high ceiling"; "a fence six feet high surrounds": the noun is on the left."""
    tail = k
    tail_words = _words()["duration_adjective_tail"]
    while q.dimension not in ("count", "currency", "percent") and k < len(tokens) and tokens[k].low in tail_words:
        k += 1
    if k == tail:
        return k, aged
    aged = _noun_candidate(tokens, k)
    return (k if aged else tail), aged


def _skip_parenthesis_right(tokens: Sequence[Token], k: int) -> int:
    """Past a parenthesis right after the number: "1048 (or 18%) of these killings"."""
    if not (k < len(tokens) and tokens[k].text == "("):
        return k
    close = _matching_parenthesis(tokens, k, 1)
    return len(tokens) if close is None else close + 1


def _matching_parenthesis(tokens: Sequence[Token], k: int, step: int) -> int | None:
    """The index of the parenthesis that closes the one at k, reading rightwards (step 1, from
    a "(") or leftwards (step -1, from a ")"); None when it is never closed."""
    opening, closing = ("(", ")") if step == 1 else (")", "(")
    depth = 0
    while 0 <= k < len(tokens):
        if tokens[k].text == opening:
            depth += 1
        elif tokens[k].text == closing:
            depth -= 1
            if depth == 0:
                return k
        k += step
    return None


def _determiner_before(tokens: Sequence[Token], start: int) -> bool:
    """A determiner or possessive opens the phrase of the quantity at ``start``: "the 12 cases",
    "Ireland's 12.5 percent corporate tax", "a reported 40 percent"."""
    if start <= 0:
        return False
    before = tokens[start - 1]
    return before.low in _words()["determiners"] or before.low.endswith(("'s", "’s")) \
        or (start > 1 and tokens[start - 2].low in ("a", "an", "the") and before.text.islower()
            and before.text.isalpha())


def _of_phrase(tokens: Sequence[Token], k: int) -> str:
    n = len(tokens)
    if not (k < n and tokens[k].low == "of"):
        return ""
    if k + 1 < n and tokens[k + 1].low in ("which", "whom"):
        return ""
    return _noun_phrase_right(tokens, _past_determiners_and_number(tokens, k + 1))


def _past_determiners_and_number(tokens: Sequence[Token], j: int) -> int:
    """Past "the", "these" ... and a second number: "six of the seven agencies"."""
    n = len(tokens)
    determiners = _words()["determiners"]
    while j < n and (tokens[j].low in determiners or tokens[j].low in ("whom", "which")):
        j += 1
    while j < n and (tokens[j].text[0].isdigit() or tokens[j].low in cues()["number_words"]):
        j += 1
    return j


def _not_a_time(phrase: str) -> str:
    return phrase if phrase and not _is_time_word(phrase) else ""


# -- currency: "a package worth Rs 500 crore", "$3 million in aid", "revenue of $3.5 billion"

def _worth_object(s: _Site) -> str:
    # "a package worth Rs 500 crore for ...": the noun before "worth"
    return _noun_phrase_left(s.tokens, s.q.qual_start - 1) if s.word_before("worth") else ""


def _money_for_noun(s: _Site) -> str:
    tokens, k = s.tokens, s.k
    if k + 1 < s.n and tokens[k].low in ("in", "of", "for", "worth") \
            and tokens[k + 1].low not in _words()["determiners"] | {"the"}:
        return _not_a_time(_noun_phrase_right(tokens, k + 1))
    return ""


def _determined_noun_right(s: _Site) -> str:
    # "the $3 million contract", "a billion-dollar scheme"
    k = s.k
    if k < s.n and (s.determiner_before or s.q.adjective) and _is_word(s.tokens[k]):
        return _noun_phrase_right(s.tokens, k)
    return ""


def _noun_before_of(s: _Site) -> str:
    # "revenue of $3.5 billion for the quarter": the amount of the noun before "of"
    return _noun_phrase_left(s.tokens, s.q.qual_start - 1) if s.word_before("of") else ""


def _money_for_determined_noun(s: _Site) -> str:
    tokens, k = s.tokens, s.k
    if k + 1 < s.n and tokens[k].low in ("in", "of", "for") and not tokens[k + 1].low.endswith("ing"):
        return _not_a_time(_noun_phrase_right(tokens, k + 1 + (tokens[k + 1].low in _words()["determiners"])))
    return ""


# -- percent: "17% of all homicides", "Tutsis (15 percent)", "a 33 percent decline in ..."

def _word_before_share(s: _Site) -> str:
    tokens, start = s.tokens, s.q.qual_start
    before = tokens[start - 1].low if start > 0 else ""
    if before in ("between", "from") and start > 1:
        return tokens[start - 2].low  # "could be between 0.3 and 0.5 percent of GDP"
    return before


def _share_in_parentheses(s: _Site) -> str:
    return _parenthesised_share(s.tokens, s.q)


def _subject_of_share_verb(s: _Site) -> str:
    # "drug-related killings represented roughly 17% of all homicides"
    before = _word_before_share(s)
    return s.left() if before in _SHARE_VERBS or (s.of_phrase and before in _COPULAS) else ""


def _of_phrase_finder(s: _Site) -> str:
    return s.of_phrase


def _parenthesised_noun_right(s: _Site) -> str:
    # "riding high in opinion polls (70 percent popularity rating)"
    right, start = s.percent_right, s.q.qual_start
    return right if right and start > 0 and s.tokens[start - 1].text == "(" and right[:1].islower() else ""


def _determined_change(s: _Site) -> str:
    # "a 33 percent decline in opium cultivation"
    return _change_object(s.tokens, s.k, s.percent_right) if s.determiner_before and s.percent_right else ""


def _left_of_quantity(s: _Site) -> str:
    return s.left()


def _percent_right_finder(s: _Site) -> str:
    return s.percent_right


# -- count: "seven of whom were members of ...", "a two-person office", "six total locations"

def _of_whom_were(s: _Site) -> str:
    # "Ten officers were killed, seven of whom were members of Special Vetted Units"
    tokens, k, n = s.tokens, s.k, s.n
    if not _of_whom_is(tokens, k):
        return ""
    j = k + 3
    while j < n and tokens[j].low in _words()["determiners"]:
        j += 1
    phrase = _noun_phrase_right(tokens, j)
    if not phrase:
        return ""
    j += len(phrase.split())
    if j + 1 < n and tokens[j].low == "of" and tokens[j + 1].text[:1].isupper():
        phrase += " of " + _noun_phrase_right(tokens, j + 1)
    return phrase


def _of_whom_is(tokens: Sequence[Token], k: int) -> bool:
    return k + 2 < len(tokens) and tokens[k].low == "of" and tokens[k + 1].low in ("whom", "which") \
        and tokens[k + 2].low in ("were", "are", "was", "is")


def _count_unit_noun(s: _Site) -> str:
    # "a two-person office": the unit word, plural
    unit = s.q.unit_text
    if not unit:
        return ""
    plural = {"man": "men", "woman": "women", "person": "persons", "member": "members"}
    return plural.get(unit.lower(), unit if unit.endswith("s") else unit + "s")


def _counted_noun_right(s: _Site) -> str:
    tokens, k = s.tokens, s.k
    phrase = _noun_phrase_right(tokens, k)
    w = _words()
    if not phrase and k + 1 < s.n and tokens[k].low in w["entity_skip_after_number"] and tokens[k].low != "of":
        phrase = _noun_phrase_right(tokens, k + 1)  # "six total locations"
    return _not_a_time(phrase)


# -- measures: "5.8 tons of cocaine", "a 20-year sentence", "800 meters from"

def _measured_noun_right(s: _Site) -> str:
    tokens, k, q = s.tokens, s.k, s.q
    if (q.adjective or s.aged or _unit_as_modifier(tokens, q, k)) and k < s.n and _is_word(tokens[k]):
        return _noun_phrase_right(tokens, k)
    return ""


def _duration_object(s: _Site) -> str:
    # "sentenced to 15 years in prison", "three years of war"
    tokens, k = s.tokens, s.k
    if s.q.dimension == "time" and k + 1 < s.n and tokens[k].low in ("in", "of"):
        right = _not_a_time(_noun_phrase_right(tokens, k + 1, max_words=3))
        return right if right[:1].islower() else ""
    return ""


def _measure_then_participle(s: _Site) -> str:
    # "they had eradicated 11,000 hectares" -> "hectares eradicated"
    q, tokens = s.q, s.tokens
    if not (q.dimension in ("area", "mass", "volume", "length") and q.unit_text):
        return ""
    j = q.qual_start - 1
    while j >= 0 and tokens[j].low in ("only", "just", "some", "about", "already", "also", "a", "total", "of"):
        j -= 1
    if j >= 0 and tokens[j].text.islower() and tokens[j].low.endswith("ed"):
        return f"{q.unit_text.lower()} {tokens[j].text}"
    return ""


_EntityFinder = Callable[[_Site], str]

#: How the entity of a quantity is found, by its dimension: the finders are tried in order,
#: the first phrase found is the entity.
ENTITY_FINDERS: dict[str, tuple[_EntityFinder, ...]] = {
    "currency": (_worth_object, _money_for_noun, _determined_noun_right, _noun_before_of,
                 _money_for_determined_noun, _left_of_quantity),
    "percent": (_share_in_parentheses, _subject_of_share_verb, _of_phrase_finder, _parenthesised_noun_right,
                _determined_change, _left_of_quantity, _percent_right_finder),
    "count": (_of_whom_were, _count_unit_noun, _of_phrase_finder, _counted_noun_right, _left_of_quantity),
}
#: the other dimensions: measures
MEASURE_FINDERS: tuple[_EntityFinder, ...] = (
    _of_phrase_finder, _measured_noun_right, _left_of_quantity, _duration_object, _measure_then_participle)


def _entity(tokens: Sequence[Token], q: Quantity) -> str:
    if q.dimension == "percent" and _of_which(tokens, q):
        return ""  # the share of what was just counted: the caller takes its entity
    site = _Site(tokens, q)
    finders = ENTITY_FINDERS.get(q.dimension, MEASURE_FINDERS)
    return next((phrase for find in finders if (phrase := find(site))), "")


def _change_object(tokens: Sequence[Token], k: int, phrase: str) -> str:
    """'a 33 percent decline in opium cultivation': a change names what changed after it."""
    words = phrase.split()
    j = k + len(words)
    if "-" in phrase or words[-1].lower() not in cues()["change_nouns"] or j + 1 >= len(tokens) \
            or tokens[j].low not in ("in", "of"):
        return phrase
    changed = _noun_phrase_right(tokens, j + 1, max_words=4)
    return f"{phrase} {tokens[j].low} {changed}" if changed and not _is_time_word(changed) else phrase


def _skip_qualifier_suffix(tokens: Sequence[Token], k: int) -> int:
    """'40 or so protesters', '300-odd cases': the noun comes after the qualifier."""
    for words, _ in _qualifier_lookup()[2].get(tokens[k].low, []) if k < len(tokens) else []:
        if words[0] in ("or", "odd", "-") and tuple(t.low for t in tokens[k:k + len(words)]) == words:
            return k + len(words)
    return k


def _unit_as_modifier(tokens: Sequence[Token], q: Quantity, k: int) -> bool:
    """'155 mm howitzers', 'the 1300 kilometer border', 'an eleven hour drive': a
    measure written before a noun, unhyphenated, describes that noun. The unit is
    singular after a number other than one, or the noun after it is plural."""
    if k >= len(tokens) or not q.unit_text or q.value is None or q.dimension in ("count", "currency", "percent"):
        return False
    return _noun_candidate(tokens, k) and (_singular_unit_of_many(q) or _plural(tokens[k].text))


def _singular_unit_of_many(q: Quantity) -> bool:
    """The unit word is singular after a number other than one: "1300 kilometer" (not "kilometers", "km")."""
    unit = q.unit_text.split()[-1].lower()
    return q.value != 1 and unit.isalpha() and len(unit) > 3 and not _plural(unit)


def _noun_candidate(tokens: Sequence[Token], k: int) -> bool:
    """Can the lower-case word at k open the noun a measure describes (not a verb,
    a preposition, a time word or a direction)?"""
    if k >= len(tokens):
        return False
    tok = tokens[k]
    return _lower_word(tok) and _may_be_a_noun(tok.low) \
        and not (k + 1 < len(tokens) and tokens[k + 1].low in _words()["object_openers"])


def _may_be_a_noun(low: str) -> bool:
    """Not a stop word, a verb, a time word, a past form or adverb, or a direction."""
    w = _words()
    return low not in w["entity_stop_words"] and low not in w["entity_verbs"] and low not in _TIME_NOUNS \
        and not low.endswith(("ed", "ly")) \
        and low not in ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")


def _skip_period(tokens: Sequence[Token], k: int) -> int:
    """Index after a rate phrase at k ("per day", "a year") when "of" follows it."""
    for size, openers in ((2, ("per", "a", "an", "each")), (1, ("annually", "daily"))):
        end = k + size
        if end < len(tokens) and tokens[end].low == "of" and tokens[k].low in openers:
            return end
    return k


_COMPARATIVES = frozenset("more less fewer higher lower ahead above below up down over under behind greater smaller "
                          "larger bigger better worse".split())

_POST_MODIFIER_PREPS = frozenset("against to on by in at from for with".split())

_COPULAS = frozenset("be is are was were been being equal equals equaled equalled".split())


def _parenthesised_share(tokens: Sequence[Token], q: Quantity) -> str:
    """'Tutsis (15 percent) have been dominant': a share in parentheses right after
    a noun is that noun's share; after 'the majority of the population (84 percent)'
    it is the share of the sentence's subject ('Hutus make up ...')."""
    open_at = _share_parenthesis(tokens, q)
    if open_at is None:
        return ""
    phrase, k = _collect_left(tokens, open_at - 1, 4)
    if not phrase:
        # "while car thefts continued to rise (+18%)": the subject of the verb
        return _noun_phrase_left(tokens, open_at) if tokens[open_at - 1].text.isalpha() else ""
    while k >= 0 and tokens[k].low in ("the", "a", "an"):
        k -= 1
    if _share_of_a_whole(tokens, phrase, k):
        # "the majority of the population (84 percent)": the whole, not the part
        return _local_subject(tokens, k) or phrase
    return phrase


def _share_of_a_whole(tokens: Sequence[Token], phrase: str, k: int) -> bool:
    """The phrase (or the words before it, ending at k) is "the majority of ...", "a third of ..."."""
    share_nouns = _words()["share_nouns"]
    low = phrase.lower()
    return " of " in f" {low} " and low.split(" of ")[0].split()[-1] in share_nouns \
        or k >= 1 and tokens[k].low == "of" and tokens[k - 1].low in share_nouns


def _share_parenthesis(tokens: Sequence[Token], q: Quantity) -> int | None:
    """Index of the "(" that holds the share alone ("(15 percent)", "(+2%)"), after a word."""
    open_at = q.qual_start - 1
    if open_at > 0 and tokens[open_at].text in ("+", "-", "−", "–") and tokens[open_at].end == tokens[q.qual_start].start:
        open_at -= 1  # "home burglaries (+2%)": a signed change
    if open_at < 1 or tokens[open_at].text != "(" or q.unit_end >= len(tokens) or tokens[q.unit_end].text != ")":
        return None
    return open_at


_SUBORDINATORS = frozenset("although though while whereas because since as if when and but".split())


def _local_subject(tokens: Sequence[Token], k: int) -> str:
    """The subject of the clause holding token k: the capitalised name or first
    noun after the clause opens ("Although Hutus make up the majority of ...")."""
    start = _clause_opening(tokens, k)
    parts: list[str] = []
    while start < k and tokens[start].text[:1].isupper() and tokens[start].text.isalpha():
        parts.append(tokens[start].text)
        start += 1
    if parts:
        return " ".join(parts)
    return _noun_phrase_right(tokens, start, max_words=3) if start < k else ""


def _clause_opening(tokens: Sequence[Token], k: int) -> int:
    """Where the clause holding token k starts, past its subordinator and article."""
    start = k
    while start > 0 and tokens[start - 1].text not in (",", ";", ":"):
        start -= 1
    while start < k and (tokens[start].low in _SUBORDINATORS or tokens[start].low in ("the", "a", "an")):
        start += 1
    return start


_SHARE_VERBS = frozenset("represented represents represent accounted accounts account constituted constitutes "
                         "comprised comprises made makes up".split())


_TIME_NOUNS = frozenset("year years month months week weeks day days today yesterday tomorrow time quarter quarters "
                        "decade decades period season weekend night morning afternoon evening hours hour".split())


def _is_time_word(phrase: str) -> bool:
    """'the quarter', 'a single day', 'FY2009': when, not what."""
    words = phrase.lower().split()
    first, last = words[0], words[-1]
    return first in cues()["months"] or first in ("fy", "cy", "total", "all") or first in _TIME_NOUNS \
        or last in _TIME_NOUNS


# -- speaker -------------------------------------------------------------------------------------

_ADVERBS = frozenset("also further then later separately previously repeatedly again recently publicly privately "
                     "reportedly clearly frankly openly emphatically flatly proudly candidly bluntly quickly "
                     "subsequently additionally specifically similarly privately, has have had".split())

#: words that open a sentence without being (part of) its subject
_NOT_SUBJECT_OPENERS = frozenset(
    "the in on at after before during since while when comment summary however but and this that these a he she "
    "they we i it there if as for with by so yet also although though because once until unless despite given "
    "according from over under between among of to".split())


@dataclass
class _SpeakerState:
    """Who asserts what, while reading one document sentence by sentence."""

    speaker: str = ""  # the attributed speaker of the paragraph so far
    person: str = ""  # the paragraph's topic: a named person that opens one of its sentences
    #: who a "he"/"she" refers to: the latest named subject (carried across paragraphs)
    antecedent: str = ""
    #: words of the names seen so far ("Uribe" after "Uribe said"): a one-word subject that is a known name
    names: set[str] = field(default_factory=set)
    #: (title words, name) introduced in the document ("Attorney General Eduardo Medina Mora")
    titles: list[tuple[frozenset[str], str]] = field(default_factory=list)

    def new_paragraph(self) -> None:
        self.speaker = ""
        self.person = ""

    def learn(self, name: str) -> None:
        if name[:1].isupper():
            self.names.update(w for w in name.split() if len(w) > 2)


def _skip_parenthesis_left(tokens: Sequence[Token], k: int) -> tuple[int, str]:
    """k is a ')': the index before its '(' and the acronym it holds ("(SNSP -- part of ...)")."""
    j = _matching_parenthesis(tokens, k, -1)
    if j is None:
        return -1, ""
    inner = tokens[j + 1] if j + 1 < k else None
    acronym = inner.text if inner is not None and _is_acronym(inner.text) else ""
    return j - 1, acronym


def _is_acronym(text: str) -> bool:
    return 2 <= len(text) <= 10 and text.isalpha() and text.isupper()


def _acronym_in_parentheses(tokens: Sequence[Token], k: int) -> bool:
    """The parenthesis at k holds an acronym alone: "(SSP)"."""
    return tokens[k].text == "(" and k + 2 < len(tokens) and _is_acronym(tokens[k + 1].text) \
        and tokens[k + 2].text == ")"


@dataclass
class _SubjectWalk:
    """The subject of a verb, read leftwards from before it."""

    tokens: Sequence[Token]
    k: int
    parts: list[Token] = field(default_factory=list)
    pronoun: str = ""
    acronym: str = ""  #: "World Food Program (WFP) staff": the name's acronym ...
    after_acronym: list[Token] = field(default_factory=list)  #: ... and the words read before it ("staff")

    @property
    def tok(self) -> Token:
        return self.tokens[self.k]

    def read(self) -> "_SubjectWalk":
        """Take the steps in turn at each token, leftwards, up to eight words."""
        while self.k >= 0 and len(self.parts) < 8:
            for step in _SUBJECT_STEPS:
                go = step(self)
                if go is not None:
                    break
            if not go:
                return self
        return self


# each step reads the token at k: True to go on leftwards, False to stop, None when it does not apply

def _subject_pronoun(s: _SubjectWalk) -> bool | None:
    if s.tok.low in _words()["pronouns"] and not s.parts:
        s.pronoun = s.tok.low
        return False
    return None


def _subject_acronym(s: _SubjectWalk) -> bool | None:
    if s.tok.text != ")" or s.acronym:
        return None
    j, found = _skip_parenthesis_left(s.tokens, s.k)
    if not (found and j >= 0 and s.tokens[j].text[:1].isupper()):
        return False
    s.acronym, s.after_acronym, s.k = found, list(s.parts), j
    return True


def _subject_date(s: _SubjectWalk) -> bool | None:
    # "A report issued by Amnesty International in December noted"
    tokens, k = s.tokens, s.k
    if s.tok.low.rstrip(".") in cues()["months"] and not s.parts and k > 0 \
            and tokens[k - 1].low in ("in", "on", "since", "during"):
        s.k -= 2
        return True
    return None


def _subject_word(s: _SubjectWalk) -> bool | None:
    tok, parts = s.tok, s.parts
    if not (_name_or_role_word(tok) or _modifier_of_role(tok, parts)):
        return None
    if tok.low in ("and", "of") and not parts:
        return False
    parts.append(tok)
    s.k -= 1
    return True


def _name_or_role_word(tok: Token) -> bool:
    return tok.text[:1].isupper() or tok.low in _words()["speaker_role_nouns"] or tok.low in ("and", "of", "'s", "’s")


def _modifier_of_role(tok: Token, parts: Sequence[Token]) -> bool:
    """A lower-case word before a role noun: "the local police"."""
    w = _words()
    return bool(parts) and _lower_word(tok) and parts[-1].low in w["speaker_role_nouns"] \
        and tok.low not in w["entity_stop_words"] and tok.low not in w["speech_verbs"]


_SUBJECT_STEPS: tuple[Callable[[_SubjectWalk], bool | None], ...] = (
    _subject_pronoun, _subject_acronym, _subject_date, _subject_word)


def _subject_before(tokens: Sequence[Token], v: int) -> str:
    """The noun phrase that is the subject of the verb at index v. A name given
    with its acronym is called by the acronym ("World Food Program (WFP) staff"
    -> "WFP staff"), as the cable goes on to call it."""
    k = v - 1
    while k >= 0 and tokens[k].low in _ADVERBS:
        k -= 1
    s = _SubjectWalk(tokens, k).read()
    if s.pronoun:
        return s.pronoun
    if s.acronym:
        return " ".join([s.acronym] + [t.text for t in reversed(s.after_acronym)])
    return _subject_phrase(s.parts[::-1])


def _subject_phrase(parts: list[Token]) -> str:
    """The subject's words in order, less the glue and determiners at its ends and its titles;
    a possessive stays for the caller to resolve ("Their local representative")."""
    while parts and parts[0].low in ("and", "of"):
        parts.pop(0)  # (the last word is never glue: the walk stops at glue next to the verb)
    possessive = _drop_determiners(parts)
    if not parts or parts[0].low in ("it", "this", "there", "which", "that"):
        return ""
    phrase = strip_titles([t.text for t in parts])
    return possessive + " " + phrase if possessive else phrase


def _drop_determiners(parts: list[Token]) -> str:
    """Drop the determiners that open ``parts``; the last possessive among them ("their")."""
    possessive = ""
    while parts and parts[0].low in _words()["determiners"] | {"the"}:
        if parts[0].low in _words()["possessive_pronouns"]:
            possessive = parts[0].low
        parts.pop(0)
    return possessive




@lru_cache(maxsize=1)
def _attribution_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Estimate nouns, speech participles, and every word that can open an attribution."""
    estimate_nouns = frozenset(cues()["estimate_nouns"])
    participles = frozenset(cues()["speech_participles"])
    return estimate_nouns, participles, estimate_nouns | participles | _words()["speech_verbs"] | {"according"}


def _attributions(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    """(cue index, speaker as written) for each attribution in the sentence:
    "X said", "according to X", "X's estimate", "..., stating that" (the clause subject)."""
    out: list[tuple[int, str]] = []
    cue_words = _attribution_cues()[2]
    if cue_words.isdisjoint(map(_LOW, tokens)):
        return out  # most sentences hold no cue word at all (checked in C)
    # the readers find nothing at a token that is not a cue word: visit only those
    for i in [i for i, low in enumerate(map(_LOW, tokens)) if low in cue_words]:
        found = next((found for read in _ATTRIBUTION_READERS if (found := read(tokens, i)) is not None), "")
        if found:
            out.append((i, found))
    return out


# each reader gives the speaker of the cue word at i, "" for none, None when the cue is not its kind

def _according_to(tokens: Sequence[Token], i: int) -> str | None:
    if tokens[i].low == "according" and i + 1 < len(tokens) and tokens[i + 1].low == "to":
        return _phrase_after(tokens, i + 2)
    return None


def _speech_verb(tokens: Sequence[Token], i: int) -> str | None:
    """The subject of a speech verb ("X said", "said Minister X"); None without one (the word
    may be a participle too)."""
    tok = tokens[i]
    if not (tok.low in _words()["speech_verbs"] and i > 0):
        return None
    subject = _subject_before(tokens, i)
    if tok.low in ("said", "says") and not subject and i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
        subject = _phrase_after(tokens, i + 1)
    return subject or None


def _speech_participle(tokens: Sequence[Token], i: int) -> str | None:
    # "SEDENA issued a press release stating it had convicted 12 soldiers": the clause subject
    if tokens[i].low in _attribution_cues()[1] and i > 1 and tokens[i - 1].text not in (",",):
        return _clause_subject(tokens)
    return None


def _estimate_owner(tokens: Sequence[Token], i: int) -> str | None:
    """The owner of an estimate: "the Attorney General's office's year-end estimate stands at 6262"."""
    if tokens[i].low not in _attribution_cues()[0]:
        return None
    owner = i - 1
    while owner > 0 and i - owner <= 3 and (tokens[owner].text.islower() or tokens[owner].text == "-"):
        owner -= 1  # "office's year-end estimate"
    if not (owner >= 0 and tokens[owner].low.endswith(("'s", "’s"))):
        return ""
    return _possessive_name(tokens, owner)


def _possessive_name(tokens: Sequence[Token], owner: int) -> str:
    """The name that ends with the possessive at ``owner`` ("the Attorney General's office's"
    -> "Attorney General's office"); "" when it opens like a clause."""
    k = owner
    while k > 0 and (tokens[k - 1].text[:1].isupper() or tokens[k - 1].low.endswith(("'s", "’s"))) \
            and tokens[k - 1].text.replace("'", "").replace("’", "").isalpha():
        k -= 1
    words = [t.text for t in tokens[k:owner + 1]]
    words[-1] = re.sub(r"['’]s$", "", words[-1])
    return " ".join(words) if words and words[0].lower() not in _NOT_SUBJECT_OPENERS else ""


_ATTRIBUTION_READERS: tuple[Callable[[Sequence[Token], int], str | None], ...] = (
    _according_to, _speech_verb, _speech_participle, _estimate_owner)


def _sentence_speaker(tokens: Sequence[Token], state: _SpeakerState) -> list[tuple[int, str]]:
    """Who the sentence attributes its statements to: (cue index, speaker) pairs,
    with index -1 for the speaker the sentence inherits from its paragraph.
    Updates the reading state."""
    if tokens and tokens[0].low in ("comment", "we", "our"):
        state.speaker = ""
    named_subject = _named_subject(tokens, state)
    resolved = _resolved_attributions(tokens, state)
    speakers = [s for _, s in resolved if s]
    if speakers and resolved[0][1]:
        # the sentence's own attribution carries on ("he said: DEA statistics showed ...")
        state.speaker = speakers[0]
        for s in speakers:
            state.learn(s)
    topic = _gives_the_paragraph_its_voice(tokens, state, named_subject, resolved, speakers)
    _learn_subject(state, named_subject, speakers, topic)
    return resolved or [(-1, _inherited_speaker(tokens, state, named_subject, topic))]


def _named_subject(tokens: Sequence[Token], state: _SpeakerState) -> str:
    """The sentence's subject when it names someone: a title's holder, a titled or known name."""
    subject, titled = _clause_subject_parts(tokens)
    return _title_holder(subject, state) or (subject if titled or _is_name(subject, state) else "")


def _inherited_speaker(tokens: Sequence[Token], state: _SpeakerState, named_subject: str, topic: bool) -> str:
    """The paragraph's speaker for a sentence with no attribution of its own; "" when another
    subject acts in it ("Minister Bouabre presented Ble Goude with a check for 5 million CFA":
    told by the cable)."""
    default = state.speaker or state.person
    if default and not topic and named_subject != default and (named_subject or _role_subject(tokens)):
        return ""
    return default


def _resolved_attributions(tokens: Sequence[Token], state: _SpeakerState) -> list[tuple[int, str]]:
    """The sentence's attributions with pronouns and titles resolved; the cable's authors as
    speaker ("we", "Embassy") give "" and end the paragraph's speaker."""
    resolved: list[tuple[int, str]] = []
    for index, found in _attributions(tokens):
        found = _resolve(found, state)
        if found.lower() in cues()["self_speakers"]:
            state.speaker = ""  # the cable's authors assert it themselves
            state.person = ""
            resolved.append((index, ""))
        elif found:
            resolved.append((index, found))
    return resolved


def _gives_the_paragraph_its_voice(tokens: Sequence[Token], state: _SpeakerState, named_subject: str,
                                   resolved: Sequence[tuple[int, str]], speakers: Sequence[str]) -> bool:
    """A named subject that speaks or briefs ("Uribe reviewed GOC strategy") gives the paragraph
    its voice; one that acts ("The USNS Comfort spent 11 days", "Halonen was able to raise") does not."""
    w = _words()
    return bool(named_subject) and (not resolved or not state.person and not speakers) \
        and not (w["topic_verbs"].isdisjoint(map(_LOW, tokens)) and w["speech_verbs"].isdisjoint(map(_LOW, tokens)))


def _learn_subject(state: _SpeakerState, named_subject: str, speakers: Sequence[str], topic: bool) -> None:
    # "he"/"she" in a later sentence: the subject of this one, else who spoke in it
    if named_subject:
        state.learn(named_subject)
        if not state.person and not speakers and topic:
            # a paragraph about one named person ("Garcia Luna began by outlining ...") is theirs
            state.person = named_subject
        state.antecedent = named_subject
    elif speakers and speakers[-1][:1].isupper():
        state.antecedent = speakers[-1]


def _role_subject(tokens: Sequence[Token]) -> bool:
    """Does the sentence open with a role noun that acts ("Police seized 300 kilograms")?"""
    k = 1 if tokens[0].low in ("the", "a", "an") else 0
    return k + 1 < len(tokens) and tokens[k].low in _words()["speaker_role_nouns"] \
        and tokens[k + 1].text.isalpha() and tokens[k + 1].text.islower()


def _resolve(found: str, state: _SpeakerState) -> str:
    """Pronouns, possessives and bare titles to the names they stand for."""
    low = found.lower()
    if low in ("he", "she", "they"):
        return _referent(low, state)
    first, _, rest = found.partition(" ")
    if first.lower() in _words()["possessive_pronouns"]:
        owner = state.speaker or state.antecedent
        return f"{owner} {rest}" if owner else rest
    return _title_holder(found, state) or found


def _referent(pronoun: str, state: _SpeakerState) -> str:
    """Who "he"/"she" (the latest named subject first) or "they" (the paragraph's speaker first) is."""
    if pronoun == "they":
        return state.speaker or state.person or state.antecedent
    return state.antecedent or state.speaker or state.person


def _title_holder(found: str, state: _SpeakerState) -> str:
    """'The Public Security Secretary' -> 'Garcia Luna' when the document named the
    holder of that title ("Secretary of Public Security Garcia Luna"). One-word titles
    ("the Ambassador") stay as written: cables use them for their own officers."""
    titles = _words()["title_words"]
    words = [x.lower().rstrip(".") for x in found.split() if x.lower() not in ("the", "of", "for", "and")]
    if len(words) < 2 or not all(x in titles for x in words):
        return ""
    wanted = frozenset(words)
    # the title with the fewest words beyond those wanted, the latest introduced among equals
    holders = [((len(title - wanted), -order), name) for order, (title, name) in enumerate(state.titles)
               if wanted <= title]
    return min(holders)[1] if holders else ""


_GLUE = ("of", "for", "the", "and")
_LOW = itemgetter(3)  # Token.low, read in C by map()


@lru_cache(maxsize=1)
def _strong_title_words() -> frozenset[str]:
    """Lower-case token forms that can put a word into a title's content: title words other
    than the glue, also with the one trailing dot of an abbreviation token ("u.s.")."""
    return _dotted_title_words() - frozenset(_GLUE) - frozenset(w + "." for w in _GLUE)


@lru_cache(maxsize=1)
def _dotted_title_words() -> frozenset[str]:
    """Title words, also with the one trailing dot of an abbreviation token."""
    titles = _words()["title_words"]
    return titles | frozenset(w + "." for w in titles)


def _title_map(sentences: Sequence[Sequence[Token]]) -> list[tuple[frozenset[str], str]]:
    """(title words, name) for 'Title Name' and 'Name (Title)' in the text:
    'Attorney General Eduardo Medina Mora', 'Genaro Garcia Luna (Secretary for Public Security)'.
    sentences: the tokens of each sentence."""
    return [pair for tokens in sentences for pair in _sentence_titles(tokens)]


def _title_starts(tokens: Sequence[Token]) -> list[int]:
    """The indices where a title can start: a capitalised title word, and a "(" before one."""
    # a pair worth keeping needs a non-glue title word (the only reader, _title_holder, never
    # matches a pair of glue words alone); most sentences have none (checked in C)
    if _strong_title_words().isdisjoint(map(_LOW, tokens)):
        return []
    caps = _capitalised_titles(tokens)
    if not any(tokens[c].low.rstrip(".") not in _GLUE or tokens[c].low not in _GLUE for c in caps):
        return []  # only "The"/"Of": runs of glue words name no title
    starts: list[int] = []
    for c in caps:
        if c > 1 and tokens[c - 1].text == "(":
            starts.append(c - 1)
        starts.append(c)
    return starts


def _capitalised_titles(tokens: Sequence[Token]) -> list[int]:
    """Indices of the capitalised title words ("Secretary", "Gen.")."""
    titles, dotted_titles = _words()["title_words"], _dotted_title_words()
    caps = [c for c, low in enumerate(map(_LOW, tokens)) if low in dotted_titles]
    return [c for c in caps if tokens[c].text[:1].isupper()
            and (tokens[c].low in titles or tokens[c].low.rstrip(".") in titles)]


def _sentence_titles(tokens: Sequence[Token]) -> list[tuple[frozenset[str], str]]:
    out: list[tuple[frozenset[str], str]] = []
    i = 0
    for start in _title_starts(tokens):
        if start < i:
            continue  # inside a run already read
        i = start
        j, run = _title_run(tokens, i)
        if run:
            content = frozenset(x for x in run if x not in _GLUE)
            name = _name_at(tokens, j)
            if content and name:
                out.append((content, name))
            i = max(j, i + 1)
            continue
        pair = _name_then_title(tokens, i)
        if pair is not None:
            out.append(pair)
        i += 1
    return out


def _title_run(tokens: Sequence[Token], j: int) -> tuple[int, list[str]]:
    """A run of title words at j (capitalised, with "of"/"for" inside, an acronym in parentheses
    allowed): the index after it and its words."""
    titles = _words()["title_words"]
    n = len(tokens)
    run: list[str] = []
    while j < n:
        tok = tokens[j]
        if tok.text[:1].isupper() and tok.low.rstrip(".") in titles:
            run.append(tok.low.rstrip("."))
            j += 1
        elif run and tok.low in _GLUE:
            j += 1
        elif run and _acronym_in_parentheses(tokens, j):
            j += 3
        else:
            break
    return j, run


def _name_then_title(tokens: Sequence[Token], i: int) -> tuple[frozenset[str], str] | None:
    """A title in the parenthesis at i after a name: "Genaro Garcia Luna (Secretary for Public Security)"."""
    if not (tokens[i].text == "(" and i > 0):
        return None
    run = _parenthesised_title(tokens, i)
    start = _name_start_before(tokens, i)
    if not run or i - start < 2:
        return None
    return frozenset(x for x in run if x not in _GLUE), " ".join(t.text for t in tokens[start:i])


def _parenthesised_title(tokens: Sequence[Token], i: int) -> list[str]:
    """The title words of "(Secretary for Public Security)" at i; [] when the parenthesis holds more."""
    titles = _words()["title_words"]
    n = len(tokens)
    k = i + 1
    run: list[str] = []
    while k < n and (tokens[k].text[:1].isupper() and tokens[k].low in titles or run and tokens[k].low in _GLUE):
        run.append(tokens[k].low)
        k += 1
    return run if k < n and tokens[k].text == ")" else []


def _name_start_before(tokens: Sequence[Token], i: int) -> int:
    """Where the name of up to three capitalised words (not titles) before token i starts."""
    titles = _words()["title_words"]
    start = i
    while start > 0 and i - start < 3 and tokens[start - 1].text[:1].isupper() \
            and tokens[start - 1].text.isalpha() and tokens[start - 1].low not in titles:
        start -= 1
    return start


def _name_at(tokens: Sequence[Token], j: int) -> str:
    """Two or three capitalised words at j that are not titles: a person's name."""
    titles = _words()["title_words"]
    parts: list[str] = []
    while j < len(tokens) and len(parts) < 4:
        tok = tokens[j]
        if tok.text[:1].isupper() and tok.text.isalpha() and len(tok.text) > 1 and tok.low not in titles \
                and not _is_acronym(tok.text):
            parts.append(tok.text)
            j += 1
        else:
            break
    return " ".join(parts) if 2 <= len(parts) <= 3 else ""


def _is_name(phrase: str, state: _SpeakerState) -> bool:
    """A named subject: two capitalised words, or one the document already used as a name."""
    words = phrase.split()
    if not words or not all(x[:1].isupper() for x in words):
        return False
    if all(x.lower().rstrip(".") in _words()["title_words"] for x in words):
        return False  # "The Deputy Secretary": a title, not a name
    if len(words) >= 2:
        return True
    return words[0] in state.names


def _clause_subject(tokens: Sequence[Token]) -> str:
    """The subject that opens the sentence's main clause, past a leading adverbial
    ("On July 24, the Mexican military (SEDENA) issued" -> "SEDENA")."""
    return _clause_subject_parts(tokens)[0]


#: openers of a leading adverbial ("On July 24, ..."): the subject comes after its comma
_ADVERBIAL_OPENERS = _NOT_SUBJECT_OPENERS - {"the", "a", "he", "she", "they", "we", "i", "it", "this", "that", "these",
                                             "there"}


def _clause_start(tokens: Sequence[Token]) -> int | None:
    """Where the main clause's subject starts: past a leading adverbial and its comma, and past
    an article; None when an adverbial opens the sentence with no comma near."""
    n = len(tokens)
    k = 0
    if tokens and tokens[0].low in _ADVERBIAL_OPENERS:
        comma = next((i for i in range(min(n, 14)) if tokens[i].text == ","), -1)
        if comma < 0:
            return None
        k = comma + 1
    while k < n and tokens[k].low in ("the", "a", "an"):
        k += 1
    return k


@dataclass
class _ClauseSubject:
    """The subject of the main clause, read rightwards from its start."""

    tokens: Sequence[Token]
    k: int
    parts: list[str] = field(default_factory=list)
    acronym: str = ""

    def read(self) -> "_ClauseSubject":
        """Take the first step that applies at each token, rightwards, up to six words."""
        while self.k < len(self.tokens) and len(self.parts) < 6:
            for step in _CLAUSE_SUBJECT_STEPS:
                if step(self):
                    break
            else:
                return self
        return self


# each step reads the tokens at k: True when it took them (read on), False when it does not apply

def _subject_acronym_after(s: _ClauseSubject) -> bool:
    tokens, k = s.tokens, s.k
    if _acronym_in_parentheses(tokens, k):
        s.acronym = tokens[k + 1].text
        s.k += 3
        return True
    return False


def _subject_name_word(s: _ClauseSubject) -> bool:
    tok = s.tokens[s.k]
    if tok.text[:1].isupper() and (tok.text.isalpha() or tok.text in ("U.S.",)) \
            or s.parts and tok.low in _words()["speaker_role_nouns"]:
        s.acronym = ""  # "Public Security (SSP) Secretary Garcia Luna": the acronym named a part
        s.parts.append(tok.text)
        s.k += 1
        return True
    return False


def _subject_name_joint(s: _ClauseSubject) -> bool:
    # "Minister for Planning and Development Paul-Antoine Bohoun Bouabre"
    tokens, k = s.tokens, s.k
    tok = tokens[k]
    if not (s.parts and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper() and tokens[k + 1].text.isalpha()):
        return False
    if tok.low in ("of", "for", "and"):
        s.parts.extend((tok.text, tokens[k + 1].text))
    elif tok.text == "-" and _is_word(tokens[k - 1]) and tokens[k - 1].end == tok.start == tokens[k + 1].start - 1:
        s.parts[-1] += "-" + tokens[k + 1].text
    else:
        return False
    s.k += 2
    return True


_CLAUSE_SUBJECT_STEPS: tuple[Callable[[_ClauseSubject], bool], ...] = (
    _subject_acronym_after, _subject_name_word, _subject_name_joint)


def _clause_subject_parts(tokens: Sequence[Token]) -> tuple[str, bool]:
    """The clause subject, and whether it is a person named with a title
    ("President Kumaratunga" -> ("Kumaratunga", True))."""
    start = _clause_start(tokens)
    if start is None:
        return "", False
    s = _ClauseSubject(tokens, start).read()
    if not s.parts or s.parts[0].lower() in _NOT_SUBJECT_OPENERS:
        return "", False
    if s.acronym:
        return s.acronym, False
    return _untitled(s.parts)


def _untitled(parts: list[str]) -> tuple[str, bool]:
    """The subject less its titles, and whether a title named the person ("President Kumaratunga")."""
    phrase = strip_titles(parts)
    titled = phrase != " ".join(parts) and phrase[:1].isupper() and phrase.lower() not in _words()["title_words"]
    return phrase, titled


def _phrase_after(tokens: Sequence[Token], k: int) -> str:
    """The speaker named after "according to" or "said" at k, less its titles."""
    w = _words()
    parts: list[str] = []
    n = len(tokens)
    while k < n and tokens[k].low in w["determiners"]:
        k += 1
    while k < n and len(parts) < 6 and not any(ends(parts, tokens[k]) for ends in _PHRASE_AFTER_ENDS):
        parts.append(tokens[k].text)
        k += 1
    return strip_titles(parts) if parts else ""


def _punctuation_end(parts: Sequence[str], tok: Token) -> bool:
    return tok.text in (",", ".", ";", ":", "(", ")")


def _speech_verb_end(parts: Sequence[str], tok: Token) -> bool:
    # "according to news reports": a noun here, not a verb
    w = _words()
    return tok.low in w["speech_verbs"] and not (parts and tok.low in w["speaker_role_nouns"])


def _clause_word_end(parts: Sequence[str], tok: Token) -> bool:
    return tok.low in ("that", "which", "who", "in", "on", "at", "for", "to", "from", "as", "is", "was", "are", "were")


def _participle_end(parts: Sequence[str], tok: Token) -> bool:
    # "according to a poll released Monday"
    return bool(parts) and tok.text.isalpha() and tok.text.islower() and tok.low.endswith("ed") and len(tok.low) > 4


_PHRASE_AFTER_ENDS: tuple[Callable[[Sequence[str], Token], bool], ...] = (
    _punctuation_end, _speech_verb_end, _clause_word_end, _participle_end)


def _claim_speaker(q: Quantity, attributions: Sequence[tuple[int, str]]) -> str:
    """The attribution nearest before the number ("SEDENA reports 17% ..., while SNSP
    estimates 10,700"), else the first after it ("... 5000 deaths, he said")."""
    before = [s for i, s in attributions if i < q.tok_start]
    if before:
        return before[-1]
    return attributions[0][1] if attributions else ""


# -- tables ------------------------------------------------------------------------------------------

@dataclass
class _TableContext:
    active: bool = False
    title: str = ""
    #: sources named after the table ("*Source: SEDENA", "**SEDENA statistics"), one per column
    sources: tuple[str, ...] = ()

    @classmethod
    def of(cls, paragraph: Paragraph) -> "_TableContext":
        return cls.of_text(paragraph.text)

    @classmethod
    def of_text(cls, text: str) -> "_TableContext":
        m = _TABLE_TITLE_RE.search(text)
        if not m:
            return cls()
        rest = text[m.end():]
        title = re.split(r"\s*(?:[:*]|-{3,}|\(|\bby\b|,)", rest, maxsplit=1, flags=re.IGNORECASE)[0].strip()
        following = _TABLE_TITLE_RE.search(rest)
        body = rest[:following.start()] if following else rest
        sources = [x.group(1).strip() for x in _SOURCE_RE.finditer(body)]
        sources += [x.group(1) for x in _STATS_SOURCE_RE.finditer(body)]
        return cls(True, title, tuple(dict.fromkeys(sources)))


def _table_contexts(paragraphs: Sequence[Paragraph],
                    tokens: Sequence[Sequence[Sequence[Token]]]) -> list[_TableContext]:
    """The table context of each paragraph. A title set apart as its own paragraph
    ("Table III: Homicides: 2007* 2008**") heads the table rows of the paragraph
    that follows it (the cleaner keeps a blank line between them). tokens: those of
    each sentence, by paragraph."""
    out = [_TableContext.of(p) for p in paragraphs]
    for i in range(1, len(paragraphs)):
        if _rows_under_the_title_before(paragraphs, tokens, out, i):
            out[i] = _TableContext.of_text(paragraphs[i - 1].text + " " + paragraphs[i].text)
    return out


def _rows_under_the_title_before(paragraphs: Sequence[Paragraph], tokens: Sequence[Sequence[Sequence[Token]]],
                                 tables: Sequence[_TableContext], i: int) -> bool:
    """Paragraph i opens with table rows and the paragraph before it is a table title alone."""
    if tables[i].active or not tables[i - 1].active or not paragraphs[i].sentences:
        return False
    if any(_table_like(t) for t in tokens[i - 1]):
        return False  # the title paragraph holds its own rows
    return _table_like(tokens[i][0])


def _table_like(tokens: Sequence[Token]) -> bool:
    numbers = sum(1 for t in tokens if t.text[0].isdigit())
    lower = sum(1 for t in tokens if t.text.isalpha() and t.text.islower())
    return numbers >= 3 and lower <= numbers


def _table_row(text: str, tokens: Sequence[Token]) -> bool:
    """One row of a table the cleaner kept line by line ("Jan 282", "2005 1855",
    "Total 315 522"): a short run of labels and figures with no prose in it."""
    if len(tokens) > 16 or _TABLE_TITLE_RE.search(text):
        return False
    if not any(t.text[0].isdigit() for t in tokens):
        return False
    return not any(t.text.isalpha() and t.text.islower() for t in tokens)


def _table_excluded(tokens: Sequence[Token], q: Quantity) -> bool:
    """In a table, a figure in parentheses after a number is its share, not a new count."""
    if q.tok_start > 1 and tokens[q.tok_start - 1].text == "(" and tokens[q.tok_start - 2].text[0].isdigit() and q.unit == "count":
        return True
    return False


def _row_label(tokens: Sequence[Token], q: Quantity) -> tuple[str, int]:
    """Words right before a table figure (skipping earlier figures of the row),
    and the figure's column (figures in parentheses are shares, not columns)."""
    k, column = _row_figures_before(tokens, q.tok_start - 1)
    parts: list[str] = []
    while k >= 0 and len(parts) < 3 and tokens[k].text[:1].isalpha() and tokens[k].low not in cues()["months"]:
        parts.append(tokens[k].text)
        k -= 1
    parts.reverse()
    return " ".join(parts), column


def _row_figures_before(tokens: Sequence[Token], k: int) -> tuple[int, int]:
    """Leftwards from k over the row's earlier figures: the index before them and how many
    columns they fill."""
    column = 0
    depth = 0
    while k >= 0 and (tokens[k].text[0].isdigit() or tokens[k].text in ("(", ")", ".", "%")):
        if tokens[k].text == ")":
            depth += 1
        elif tokens[k].text == "(":
            depth -= 1
        elif tokens[k].text[0].isdigit() and depth == 0:
            column += 1
        k -= 1
    return k, column
