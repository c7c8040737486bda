"""Stage 4a — events: typed, dated, attributed happenings.

A sentence yields a *mention* for each trigger word of the lexicon
(``extractor/data/events.json``) that passes the sense checks; each mention gets
a status (from the cues before it), a date (the time expression governing its
clause, else the narrative's date for meetings and visits, else none), actors
and a location. Mentions of the same happening are then merged so that a
document yields one event per happening.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Callable, Iterator, Mapping, NamedTuple
from datetime import date, timedelta

from .events_attrs import parse_actors, find_actors, find_location, make_summary, mostly_upper, visit_object
from .events_lexicon import lexicon
from .language import MONTHS
from .model import Document, Event, Paragraph, Sentence, TimeExpression, stable_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: keeps or drops the candidate mentions of one sentence (the learned decider)
Decider = Callable[[list["Mention"], "Doc | None"], list["Mention"]]
#: sets the date and status of a document's final mentions (the learned date and status decisions)
Finalizer = Callable[[list["Mention"], "Mapping[tuple[int, int], Doc]"], None]

#: types whose undated mentions take the date of the narrative they sit in
NARRATIVE_TYPES = frozenset({"visit", "meeting", "delegation"})
#: types whose mentions name a trip: the traveller and the destination identify it
TRAVEL_TYPES = frozenset({"visit", "delegation"})
#: a delegation absorbs a visit/meeting it travels to in the same breath
ABSORBED_BY_DELEGATION = frozenset({"visit", "meeting"})
#: dates fine enough that two of them overlapping name one time ("September 7" in "September");
#: "this year" overlaps every happening of the year
_NAMING_GRANULARITIES = frozenset({"day", "week", "month"})
#: plural nouns that name one happening
SINGULAR_PLURALS = frozenset({"talks", "negotiations", "consultations", "clashes", "charges",
                              "polls", "primaries", "elections", "gubernatorial contests"})
#: "June 12 - 13" is a range, not a dash between clauses
_CLAUSE_BREAK = re.compile(r"[;:()\[\]]|\s[-–—)]{1,2}\s(?!(?<=\d\s[-–]\s)\d)|--")
_WORD = re.compile(r"[\w'’-]+")
_NUMBER_BEFORE = re.compile(r"(?:\b\d[\d,.]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple))\s+(?:[\w-]+\s+){0,2}$", re.I)
_PLURAL_ANCHOR_AFTER = re.compile(r"^\s+(?:with|against|between|on|in|at|to|of)\s", re.I)
_SENTENCE_START_DATE_WORDS = 4
_ADJACENT_CHARS = 40
_UNTIL_AFTER = re.compile(r"^\s+(?:\w+\s+){0,2}until\b", re.I)
_NEGATION = re.compile(r"\b(?:no|not|never|nor)\s+(?:[\w'-]+\s+){0,2}$", re.I)
_PROGRESSIVE = re.compile(r"\b(?:is|are|am|remains?|continues?)\s+(?:\w+ly\s+)?(?:still\s+|now\s+)?$", re.I)
_FORECAST = re.compile(r"\b(?:likely|expected|expects?|probably|anticipated?)\b", re.I)
_NOW = re.compile(r"\b(?:currently|now)\b", re.I)
_WORD_START = re.compile(r"(?<![\w-])\w")
_DETERMINED = re.compile(r"(?:\b(?:the|a|an|this|that|these|those|his|her|their|its|our|your|my|such|same|said|any|no|each|every|another)|['’],?s|,s)\s+(?:[\w/-]+\s+){0,5}$", re.I)
_MODAL_WINDOW_WORDS = 10
_DURING = re.compile(r"\b(?:during|on|in the course of)\s+(?:[\w'’-]+\s+){0,3}$", re.I)
_COORDINATION = re.compile(r",|;|\band\b|\bbut\b|\bwhile\b", re.I)
_NEW_NAME_AFTER = re.compile(r"^\s+of\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+")
_OBJECT_AFTER = re.compile(r"^\s+(?:a|an|the|this|that|these|those|his|her|their|its|\d[\d,.]*|[A-Z])", )
_COMPLEMENT_AFTER = re.compile(r"^\s+(?:of|with|between|against|to|on|in|at|by)\b", re.I)
_PREMODIFIER = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$|['’],?s\s+$|,s\s+$", re.I)
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|whose|because|although|though|while|whereas)\b", re.I)
_SEQUENCE = re.compile(r"\b(?:followed by|then|after which|before|later)\b", re.I)
_DEMONSTRATIVE = re.compile(r"^(?:this|that|these|those)\b", re.I)
_CONDITIONAL_OPENING = re.compile(r"^\W*(?:if|unless|whether|should)\b[^,;]*$", re.I)
#: "(DBWG)", "(SSP)", "(Secretary for Public Security)": a name's gloss, not a clause
_SHORT_PARENTHETICAL = re.compile(r"\([^()\[\];:,.]{1,40}\)")
_SHORT_PARENTHETICAL_END = re.compile(r"\([^()\[\];:,.]{1,40}\)$")
#: a happening named after one of these is a point of reference ("since the September 7 visit")
_TEMPORAL_REFERENCE = re.compile(r"\b(?:since|after|before|following|until|prior to|ahead of)\s+(?:[\w'’.-]+\s+){0,5}$",
                                 re.I)
#: "seizure of 11.5 metric tons", "seized more than 200 kilos": the figure that tells two incidents apart
_AMOUNT_AFTER = re.compile(r"\s+(?:of\s+)?(?:(?:about|some|nearly|over|more than|at least|approximately|another)\s+)?"
                           r"(\d[\d,.]*)", re.I)
#: "his recent visit", "the previous meeting": a happening with its own time, not the narrative's
_OWN_TIME_BEFORE = re.compile(r"\b(?:recent|previous|prior|last|earlier|former|past|next|upcoming|future|eventual)\s+(?:[\w'’-]+\s+){0,2}$",
                              re.I)
#: "over 500 were arrested", "the 23 people detained": the figure before the trigger
_AMOUNT_BEFORE = re.compile(r"(?<![\w,.])(\d[\d,.]*\d|\d)\s+(?:[a-z][\w-]*\s+){0,2}(?:(?:were|was|have been|had been|has been|been)\s+)?$")
#: "the largest cocaine seizure ever", "a record seizure": superlatives name one incident per document
_RECORD_BEFORE = re.compile(r"\b(?:record|largest|biggest|largest-ever|single largest|single biggest)\s+(?:[\w-]+\s+){0,2}$", re.I)
#: "the cocaine seized in Kenya", "what was seized": a participle naming a thing by a seizure already told
_BACK_REFERENCE_BEFORE = re.compile(r"(?:\b(?:the|this|that|these|those)\s+(?:[a-z][\w-]*\s+){1,2}(?:(?:that|which)\s+)?"
                                    r"|\b(?:what|that|which)\s+)(?:(?:was|were|has been|have been|had been)\s+)?(?:\w+ly\s+)?$")
#: "in the weeks since the Faina was seized": a passive after "since" points back to an incident told
_SINCE_PASSIVE = re.compile(r"\b(?:since|after|following|until)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}(?:was|were|had been)\s+$", re.I)
_OBJECT_WORD_AFTER = re.compile(r"^\s+(?:(?:a|an|the|this|that|these|those|his|her|their|its|\d[\d,.]*)\b|[A-Z])")
#: anchors that tie a plural noun to one happening ("meetings with X", "clashes between")
_PLURAL_STRONG_ANCHOR = re.compile(r"^\s+(?:with|against|between)\s", re.I)
#: types whose repeated reports (same figure, same record) are one incident
INCIDENT_TYPES = frozenset({"seizure", "arrest", "extradition", "violence", "operation", "legal"})
_LEGISLATURE = re.compile(r"\b(?:congress|senate|assembly|parliament|legislat\w*|chamber|deputies)\b", re.I)


@dataclass
class Mention:
    """One trigger occurrence, with what the sentence says about it."""

    p_index: int
    s_index: int
    paragraph: Paragraph
    sentence: Sentence
    kind: str
    trigger: str
    start: int
    end: int
    is_verb: bool
    anaphoric: bool = False
    status: str = "occurred"
    when: TimeExpression | None = None
    date_inherited: bool = False
    actors: list[str] = field(default_factory=list)
    #: every name of the sentence (the rules' reading): whether two mentions tell of the same
    #: people is a question about their sentences, wider than the trigger's own arguments
    names: list[str] = field(default_factory=list)
    location: str = ""
    from_subject: bool = False
    #: "this operation": refers back, never names a new happening
    demonstrative: bool = False
    #: the status comes from a cue word (not the default)
    status_cued: bool = False
    #: the figure the trigger names ("seizure of 23.5 metric tons" → "23.5"), "" when none
    amount: str = ""
    #: "the largest seizure ever": a superlative naming one incident
    record: bool = False
    #: "the cocaine seized in Kenya": an undated participle naming a thing by an incident already told
    back_reference: bool = False
    #: the first rule that rules the mention out ("" when the rules keep it)
    rule: str = ""
    plural: bool = False
    #: the sentence reads as statistics ("the number of ...")
    statistical: bool = False
    #: the trigger's clause inside the sentence
    lo: int = 0
    hi: int = 0
    #: the time expressions of the sentence, and the one the rules found governing the trigger
    times: list[TimeExpression] = field(default_factory=list)
    governing: TimeExpression | None = None
    #: dates the context offers ("frame", "last_day", ...): what the learned date decision chooses from
    context: dict[str, TimeExpression] = field(default_factory=dict)


# --------------------------------------------------------------------------- triggers

def _is_short_aside(text: str, m: re.Match[str]) -> bool:
    """A bracket around a few words ("Group (DBWG) on February 1") does not end a clause."""
    if m.group() == "(":
        return bool(_SHORT_PARENTHETICAL.match(text, m.start()))
    if m.group() == ")":
        return bool(_SHORT_PARENTHETICAL_END.search(text[max(0, m.start() - 42):m.end()]))
    return False


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        if not _is_short_aside(text, m):
            lo = m.end()
    hi = len(text)
    for m in _CLAUSE_BREAK.finditer(text, end):
        if not _is_short_aside(text, m):
            hi = m.start()
            break
    return lo, hi


def _covered(patterns: list[re.Pattern[str]], any_pattern: re.Pattern[str] | None, text: str,
             start: int, end: int) -> bool:
    lo, hi = max(0, start - 120), min(len(text), end + 120)
    if any_pattern is None or any_pattern.search(text, lo, hi) is None:
        return False  # no exclusion matches anywhere near: the usual case, one scan
    for pattern in patterns:
        for m in pattern.finditer(text, lo, hi):
            if m.start() <= start and m.end() >= end:
                return True
            if m.start() > end:
                break
    return False


def trigger_spans(text: str) -> list[tuple[int, int, str, bool]]:
    """``(start, end, type, is_verb)`` of every trigger form matching at a word start,
    overlaps and all, before any sense check."""
    lex = lexicon()
    spans: list[tuple[int, int, str, bool]] = []
    # only the word starts some trigger can begin with (most words are not)
    for candidate in (lex.trigger_starts or _WORD_START).finditer(text):
        at = candidate.start()
        for kind, is_verb, pattern in lex.triggers_at(text, at):
            m = pattern.match(text, at)
            if m:
                spans.append((m.start(), m.end(), kind, is_verb))
    return spans


def find_triggers(text: str) -> list[tuple[int, int, str, bool]]:
    """``(start, end, type, is_verb)`` of every trigger that passes the sense
    checks, left to right, without overlaps (longest wins)."""
    return [(s, e, k, v) for s, e, k, v, reason in trigger_candidates(text) if not reason]


def trigger_candidates(text: str, weak: bool = False) -> list[tuple[int, int, str, bool, str]]:
    """``(start, end, type, is_verb, reason)`` of every non-overlapping trigger form,
    ``reason`` naming the sense check that rules it out ("" when none does). With
    ``weak`` the lexicon's candidate forms that no trigger overlaps come too, with the
    reason "candidate" (one per type and span: the decider picks the type)."""
    chosen = _non_overlapping(text, trigger_spans(text))
    out = []
    if chosen:
        sense = _Sense(text, mostly_upper(text), lexicon().label.match(text))
        out = [(start, end, kind, is_verb, sense.reason(start, end, kind)) for start, end, kind, is_verb in chosen]
    if weak:
        extra = _weak_candidates(text, [(s, e) for s, e, _k, _v in chosen])
        if extra:
            out = sorted(out + extra, key=lambda c: (c[0], c[1], c[2]))
    return out


def _non_overlapping(text: str, spans: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """The longest span at each place, leftmost first; a form that is both a verb and a noun
    ("visit", "meeting") is a noun after a determiner or a count ("Three high level visits")."""
    nouny = {(s, e) for s, e, _k, v in spans if not v and (_DETERMINED.search(text[max(0, s - 40):s])
                                                             or _NUMBER_BEFORE.search(text[max(0, s - 30):s]))}
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0]), s[3] == ((s[0], s[1]) in nouny)))
    chosen: list[tuple[int, int, str, bool]] = []
    for span in spans:
        if not chosen or span[0] >= chosen[-1][1]:
            chosen.append(span)
    return chosen


def _weak_candidates(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, bool, str]]:
    """The lexicon's candidate forms that overlap no trigger."""
    lex = lexicon()
    lowered = text.lower()
    # lower-cased text keeps its offsets unless a letter's lower case is longer ("İ")
    forms, scanned = ((lex.candidate_triggers_lower, lowered) if len(lowered) == len(text)
                      else (lex.candidate_triggers, text))
    return [(m.start(), m.end(), kind, is_verb, "candidate") for kind, is_verb, pattern in forms
            for m in pattern.finditer(scanned) if not any(m.start() < e and s < m.end() for s, e in taken)]


@dataclass
class _Sense:
    """A sentence whose trigger forms are checked for the sense the lexicon means."""

    text: str
    upper_text: bool
    #: "-- Extradition:": a label opening the sentence
    label: re.Match[str] | None

    def reason(self, start: int, end: int, kind: str) -> str:
        """The first check of ``SENSE_CHECKS`` that rules the form out ("" when none does)."""
        return next((name for name, check in SENSE_CHECKS if check(self, start, end, kind)), "")


def _in_label(c: _Sense, start: int, end: int, kind: str) -> bool:
    # "-- Extradition: Uribe has extradited ...": the label names the topic
    return c.label is not None and start < c.label.end()


def _an_acronym(c: _Sense, start: int, end: int, kind: str) -> bool:
    # "the Mobile Enforcement Team (MET)": an acronym, not the verb
    form = c.text[start:end]
    return not c.upper_text and len(form) > 1 and form.isupper() and form not in lexicon().acronym_forms


def _in_a_name(c: _Sense, start: int, end: int, kind: str) -> bool:
    # "Presidential Election Commission", "European Convention on Extradition"
    return not c.upper_text and _in_name(c.text, start, end)


def _excluded_sense(c: _Sense, start: int, end: int, kind: str) -> bool:
    lex = lexicon()
    return _covered(lex.exclusions[kind], lex.any_exclusion[kind], c.text, start, end)


def _act_not_legislature(c: _Sense, start: int, end: int, kind: str) -> bool:
    return kind == "agreement" and c.text[start:end].lower().startswith("act") and not _LEGISLATURE.search(c.text)


def _object_missing(c: _Sense, start: int, end: int, kind: str) -> bool:
    # "signed a petition", "passed the funds"
    needs = lexicon().object_required.get(kind)
    if needs is None:
        return False
    forms, obj, actor = needs
    return forms.match(c.text[start:end].lower()) is not None \
        and not obj.match(c.text[end:end + 80]) and not actor.search(c.text[max(0, start - 80):start])


#: the checks that a trigger form has another sense, in order (names are the ``reason`` values)
SENSE_CHECKS: tuple[tuple[str, Callable[[_Sense, int, int, str], bool]], ...] = (
    ("label", _in_label),
    ("acronym", _an_acronym),
    ("in_name", _in_a_name),
    ("excluded_sense", _excluded_sense),
    ("act_not_legislature", _act_not_legislature),
    ("object_missing", _object_missing),
)


_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
_NAME_LINK = frozenset({"of", "for", "on", "the", "and", "de", "del", "against"})


def _in_name(text: str, start: int, end: int) -> bool:
    """A capitalised trigger inside a Title Case name whose head names a body or an
    instrument ("International Mission for Iraq Elections") is part of the name."""
    if not text[start:start + 1].isupper() or not text[:start].strip(" \t\"'“(-"):
        return False
    words = [(m.start(), m.group()) for m in _NAME_TOKEN.finditer(text)]
    at = next((i for i, (pos, _w) in enumerate(words) if pos == start), None)
    if at is None:
        return False
    run = [w for _p, w in words[_run_edge(words, at, -1):_run_edge(words, at, 1) + 1] if _NAME_WORD.fullmatch(w)]
    heads, trigger = lexicon().name_heads, text[start:end]
    return len(run) > 1 and any(w in heads and w != trigger for w in run)


_NAME_TOKEN = re.compile(r"[\w'’.-]+|[^\w\s]")


def _run_edge(words: list[tuple[int, str]], at: int, step: int) -> int:
    """The index of the last word of the name run from ``at`` in direction ``step`` (8 words at most)."""
    edge = at
    while 0 <= edge + step < len(words) and _in_name_run(words[edge + step][1]) and abs(edge - at) < 8:
        edge += step
    return edge


def _in_name_run(word: str) -> bool:
    return bool(_NAME_WORD.fullmatch(word)) or word in _NAME_LINK


def _is_hypothetical(text: str, start: int, end: int, lo: int) -> bool:
    lex = lexicon()
    before = text[max(lo, start - 60):start]
    near = list(_WORD.finditer(text, lo, start))[-_MODAL_WINDOW_WORDS:]
    if _CONDITIONAL_OPENING.match(text[:start]):
        return True  # "If the PAN is re-elected, ..."
    if lex.conditional_clause.search(text, lo, start):
        return True  # "... would be more inclined to negotiate if the Court approved re-election"
    if (near and lex.hypothetical_clause.search(text, near[0].start(), start)) or lex.opinion.search(text[:start]):
        return True  # "You should press ...", "it would be helpful if ...", "They argue that ..."
    if not lex.hypothetical.search(before):
        return False
    # "would not likely act until February": postponed, not negated
    if _NEGATION.search(before) and _UNTIL_AFTER.match(text[end:end + 40]):
        return False
    return True


def _refers_back(text: str, start: int, end: int) -> bool:
    """ "the intercept", "this operation", "Burns' visit": a noun naming a known happening."""
    lex = lexicon()
    det = lex.anaphora.search(text[max(0, start - 40):start])
    if det is not None and det.group()[:1] in "'’," and text[end:end + 4] == " of ":
        return False  # "Mexico's adoption of a TIP law": a subject and an object, a new happening
    return det is not None and not lex.not_anaphoric.search(det.group()) \
        and not lex.anaphora_new_after.match(text[end:end + 40]) \
        and not _NEW_NAME_AFTER.match(text[end:end + 40])


def _is_heading(text: str) -> bool:
    """A section heading ("New Counter Narcotics Offensive") names a topic."""
    stripped = re.sub(r"[\s=_*~-]+$", "", text.strip())  # "... USG Team ====="
    if not stripped or stripped[-1] in ".!?\"”)":
        return False
    words = stripped.split()
    if len(words) > 10:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return capitalised >= 0.6 * len(words)


def _is_descriptive_participle(text: str, start: int, word: str) -> bool:
    lex = lexicon()
    if not word.lower().endswith("ed"):
        return False
    before = text[max(0, start - 40):start]
    if lex.adjectival_before.search(before):
        return True
    prev = re.findall(r"[\w'’-]+", before)
    if not prev:
        return False
    last = prev[-1]
    if _OBJECT_AFTER.match(text[start + len(word):start + len(word) + 30]):
        return False  # "troops attacked a contingent": a main verb with its object
    if last.islower() and last.endswith("s") and last not in lex.not_plural and not last.endswith("ss") \
            and not lex.causative.search(" ".join(prev[-4:-1])):
        return True  # "soldiers deployed on counterdrug missions"
    return False


def _attached(text: str, start: int, end: int, when: TimeExpression | None) -> bool:
    """The date sits right by the trigger ("2008 elections", "deployments ... early last year")."""
    if when is None:
        return False
    if when.end <= start:
        return _words_between(text, when.end, start) <= 3
    return _words_between(text, end, when.start) <= 6


def _is_generic(text: str, start: int, end: int, lo: int, hi: int, is_verb: bool) -> bool:
    lex = lexicon()
    before = text[max(lo, start - lex.generic_window):start]
    if _generic_clause(text[lo:hi]):
        return True
    return bool(lex.generic.search(before))


@lru_cache(maxsize=64)  # the triggers of one clause share it
def _generic_clause(clause: str) -> bool:
    m = lexicon().generic.search(clause)
    return m is not None and not m.group().endswith(" ")


# --------------------------------------------------------------------------- status

#: planned cues that are nouns or participles: inside a prepositional phrase they plan nothing
_PHRASE_CUES = re.compile(r"^(?:requests?|requested|invitation|invited|invites?|proposed|pending|awaiting)$", re.I)
#: a past participle after these is passive or perfect under a modal ("will be extradited")
_MODAL_BEFORE = re.compile(r"\b(?:be|been|being|to|will|would|shall|should|could|might|may|must|have)\s+(?:\w+ly\s+)?$", re.I)
_IRREGULAR_PAST = frozenset({"met", "told", "shot", "sent back", "picked up", "went to", "flew to", "came to", "held"})


def _is_past_form(word: str) -> bool:
    w = word.lower()
    return w.endswith("ed") or w in _IRREGULAR_PAST


def _status(text: str, start: int, end: int, lo: int, is_verb: bool, word: str) -> tuple[str, bool]:
    """occurred / planned / expected / ongoing from the cues nearest before the trigger (the first
    of ``STATUS_CUES`` that finds one), and whether a cue said so (else "occurred", uncued)."""
    cues = _StatusCues(text, end, is_verb, word, _status_window(text[lo:start]))
    for _name, cue in STATUS_CUES:
        status = cue(cues)
        if status:
            return status, True
    return "occurred", False


def _status_window(before: str) -> str:
    """The last ``status_window`` words before the trigger."""
    words = list(_WORD.finditer(before))[-lexicon().status_window:]
    return before[words[0].start():] if words else ""


@dataclass
class _StatusCues:
    """A trigger and the words before it, as the status cues read them."""

    text: str
    end: int
    is_verb: bool
    word: str
    window: str

    @cached_property
    def last_cue(self) -> tuple[int, str] | None:
        """(end in the window, status) of the last past, planned or expected cue before the trigger."""
        lex = lexicon()
        best: tuple[int, str] | None = None
        for pattern, status in ((lex.past_before, "occurred"), (lex.planned_before, "planned"),
                                (lex.expected_before, "expected")):
            for m in pattern.finditer(self.window):
                if status == "planned" and _PHRASE_CUES.match(m.group()) \
                        and lex.cue_in_phrase.search(self.window[:m.start()]):
                    continue  # "upon request by Rwandan authorities", "at Gamal's invitation"
                if best is None or m.end() >= best[0]:
                    best = (m.end(), status)
        return best


def _progressive(c: _StatusCues) -> str:
    # "is deploying"
    return "ongoing" if c.is_verb and c.word.lower().endswith("ing") and _PROGRESSIVE.search(c.window) else ""


def _past_infinitive(c: _StatusCues) -> str:
    # "police were able to apprehend suspects"
    return "occurred" if c.is_verb and lexicon().past_infinitive.search(c.window) else ""


def _past_verb_after_a_plan(c: _StatusCues) -> str:
    # "At Gamal's invitation, the PDAS later attended": the verb's tense wins
    cue = c.last_cue
    return "occurred" if cue is not None and cue[1] == "planned" and c.is_verb and _is_past_form(c.word) \
        and not _MODAL_BEFORE.search(c.window) else ""


def _cue_before(c: _StatusCues) -> str:
    cue = c.last_cue
    if c.is_verb and (c.window.endswith(" to ") or c.window == "to ") and (cue is None or cue[0] <= len(c.window) - 3):
        cue = (len(c.window), "planned")  # "urged Santos and Araujo to visit Washington"
    if cue is None:
        return ""
    return "expected" if cue[1] == "planned" and _FORECAST.search(c.window) else cue[1]  # "is expected to be"


def _cue_after(c: _StatusCues) -> str:
    # "likely would be held"
    after = lexicon().planned_after.match(c.text[c.end:c.end + 80])
    if after is None:
        return ""
    return "expected" if _FORECAST.search(after.group()) else "planned"


def _ongoing_word(c: _StatusCues) -> str:
    return "ongoing" if lexicon().ongoing_anywhere.search(c.window) or _NOW.search(c.window) else ""


#: the cues that give a mention its status, in the order they are tried (first match wins)
STATUS_CUES: tuple[tuple[str, Callable[[_StatusCues], str]], ...] = (
    ("progressive", _progressive),
    ("past_infinitive", _past_infinitive),
    ("past_verb_after_a_plan", _past_verb_after_a_plan),
    ("cue_before", _cue_before),
    ("cue_after", _cue_after),
    ("ongoing_word", _ongoing_word),
)


# --------------------------------------------------------------------------- dates

def _words_between(text: str, a: int, b: int) -> int:
    if b <= a:
        return 0
    return len(_WORD.findall(text[a:b]))


def _dated(times: list[TimeExpression]) -> list[TimeExpression]:
    # "currently", "now" say the happening is under way, not when it happened
    return [t for t in times if t.date_start and t.value != "PRESENT_REF"]


#: "Spencer's February 17 announcement", "a November 28 MFA press release"
_DATE_PREMOD_BEFORE = re.compile(r"(?:\b(?i:a|an|the|this|that|his|her|their|its|our|your)|['’],?s|,s)\s+(?:[A-Z][\w/.&-]*\s+)?$")
_NOUN_AFTER_DATE = re.compile(r"^\s+(?!(?:and|or|to|in|at|on|for|by|with|of|when|that|which|as|from|until|through|was|were|is|are|"
                              r"had|has|have|will|would|he|she|they|it|we|the|a|an)\b)[A-Za-z][\w/-]*", re.I)
_REPORTING_BEFORE = re.compile(r"\b(?:said|says|told|announced|announcing|stated|noted|reported|declared|added|explained|"
                               r"commented|confirmed|claimed|asserted|stressed|indicated|remarked|argued|warned|wrote)\s+"
                               r"(?:[\w.'’-]+\s+){0,4}$", re.I)


#: a past day before one of these dates the speaking, not the planned happening spoken of
_COMMUNICATION = re.compile(r"\b(?:said|says|told|urged|asked|pressed|encouraged|announced|stated|noted|reported|informed|"
                            r"requested|proposed|suggested|invited)\b", re.I)
_REPORTING_AFTER = re.compile(r",?\s+(?:\w+ly\s+)?(?:said|told|announced|stated|noted|reported|confirmed|denied|claimed|"
                              r"asserted|acknowledged|admitted|revealed|disclosed|wrote|complained|alleged)\b", re.I)


def _premodifies_noun(text: str, t: TimeExpression) -> bool:
    """ "the ECA/Embassy June 3 announcement": the date names the noun after it."""
    return bool(_DATE_PREMOD_BEFORE.search(text, max(0, t.start - 30), t.start)) \
        and bool(_NOUN_AFTER_DATE.match(text[t.end:t.end + 30]))


def _governing_time(text: str, start: int, end: int, lo: int, hi: int,
                    times: list[TimeExpression], other_triggers: list[tuple[int, int]],
                    all_triggers: list[tuple[int, int]] | None = None, is_verb: bool = False) -> TimeExpression | None:
    """The time expression that dates the trigger at ``start:end``: the first of the one the form
    asks for, an attached date, a date opening the sentence or clause, the nearest of the clause."""
    dated = _dated(times)
    if not dated:
        return None
    dating = _Dating(text, start, end, lo, hi, other_triggers,
                     [s for s in (all_triggers or other_triggers) if s != (start, end)], is_verb)
    told = dating.asked_by_form(dated)
    if told is not None:
        return told
    # "the June 3 announcement", "Spencer's February 17 announcement": a date naming another noun,
    # and "announced from Brussels on November 27": the date of a report, not of what it reports
    elsewhere = {id(t) for t in dated if dating.names_other_noun(t) or dating.reported(t)}
    attached = dating.attached(dated, elsewhere)
    if attached is not None:
        return attached
    dated = [t for t in dated if id(t) not in elsewhere]
    return dating.opening(dated) or dating.nearest_in_clause(dated)


def _distance(t: TimeExpression, a: int, b: int) -> int:
    """Characters between ``t`` and the span ``a:b`` (0 when they overlap)."""
    return t.start - b if t.start >= b else (a - t.end if t.end <= a else 0)


@dataclass
class _Dating:
    """A trigger of a sentence, with what ``_governing_time``'s checks on its dates need."""

    text: str
    start: int
    end: int
    #: the trigger's clause
    lo: int
    hi: int
    #: the other triggers that may hold a date of their own
    other_triggers: list[tuple[int, int]]
    #: every other trigger of the sentence
    all_triggers: list[tuple[int, int]]
    is_verb: bool

    def words_to(self, a: int, b: int) -> int:
        return _words_between(self.text, a, b)

    def asked_by_form(self, dated: list[TimeExpression]) -> TimeExpression | None:
        """The form itself asks for a date ("told the Ambassador June 30"): the first after it."""
        if self.text[self.start:self.end].lower() != "told":
            return None
        return next((t for t in dated if t.start >= self.end), None)

    def nearer_other(self, t: TimeExpression) -> bool:
        """Whether another trigger has the date: a date between two triggers follows the first
        ("visited Gode November 25, meeting ...") unless it pre-modifies the second ("your
        February 24 visit"); else the nearer one has it."""
        premodifier = bool(_PREMODIFIER.search(self.text[max(0, t.start - 12):t.start]))
        mine = _distance(t, self.start, self.end)
        return any(self._other_has(t, premodifier, mine, o_start, o_end) for o_start, o_end in self.other_triggers)

    def _other_has(self, t: TimeExpression, premodifier: bool, mine: int, o_start: int, o_end: int) -> bool:
        if _DURING.search(self.text[max(0, o_start - 30):o_start]):
            return False  # "met ... during an official visit to Mexico July 17-18": same time
        if self.end <= t.start and t.end <= o_start:
            return premodifier and self.words_to(t.end, o_start) <= 3
        if o_end <= t.start and t.end <= self.start:
            return not (premodifier and self.words_to(t.end, self.start) <= 3)
        return _distance(t, o_start, o_end) < mine

    def reported(self, t: TimeExpression) -> bool:
        if t.end <= self.start and _REPORTING_AFTER.match(self.text, t.end, self.start):
            return True  # "Basbug on June 14 confirmed the meeting": the date of the report
        m = _REPORTING_BEFORE.search(self.text, max(0, t.start - 60), t.start)
        return m is not None and m.start() != self.start  # "told Senator Kerry on February 16": the trigger itself

    def names_other_noun(self, t: TimeExpression) -> bool:
        return _premodifies_noun(self.text, t) and not any(
            o_start >= t.end and self.words_to(t.end, o_start) <= 2
            for o_start, _o_end in self.all_triggers + [(self.start, self.end)])

    def attached(self, dated: list[TimeExpression], elsewhere: set[int]) -> TimeExpression | None:
        """An attached date: "the February 24 visit", "visit to Mexico July 17-18", "met on March 5"."""
        found = [(gap, t) for t in dated for gap in [self._attached_gap(t, elsewhere)] if gap is not None]
        if not found:
            return None
        best = min(found, key=lambda a: a[0])[1]
        # "today November 9, 2008": the explicit date of an apposition wins
        explicit = [t for _d, t in found if t is not best and abs(t.start - best.end) <= 3 and _has_digit(t.text)]
        return explicit[0] if explicit and not _has_digit(best.text) else best

    def _attached_gap(self, t: TimeExpression, elsewhere: set[int]) -> int | None:
        """Characters between the trigger and ``t`` when ``t`` is attached to it, else None."""
        if self._attached_before(t):
            return self.start - t.end
        if self._attached_after(t, elsewhere):
            return t.start - self.end
        return None

    def _attached_before(self, t: TimeExpression) -> bool:
        text, start = self.text, self.start
        return t.end <= start and self.words_to(t.end, start) <= 3 and not _CLAUSE_BREAK.search(text, t.end, start) \
            and not _COORDINATION.search(text, t.end, start) and not _REPORTING_AFTER.match(text, t.end, start)

    def _attached_after(self, t: TimeExpression, elsewhere: set[int]) -> bool:
        gap = self.words_to(self.end, t.start)
        return t.start >= self.end and gap <= 8 and t.start < self.hi and not self.nearer_other(t) \
            and not self._premodifier_between(t) \
            and (id(t) not in elsewhere or gap <= 1)  # "attended the January course"

    def _premodifier_between(self, t: TimeExpression) -> bool:
        """A determiner between the trigger and a later date: the date names the noun after it,
        unless the trigger is a finite verb right before it."""
        verb_right_before = self.is_verb and not self.text[self.start:self.end].lower().endswith("ing") \
            and self.words_to(self.end, t.start) <= 1
        return t.start > self.end and bool(_PREMODIFIER.search(self.text[self.end:t.start])) and not verb_right_before

    def premodifies_other(self, t: TimeExpression) -> bool:
        # "Incidents, such as the August beheadings of 12, the killing of 24 in September": August is the beheadings'
        return bool(_PREMODIFIER.search(self.text[max(0, t.start - 12):t.start])) and any(
            t.end <= o_start and self.words_to(t.end, o_start) <= 3 for o_start, _o_end in self.other_triggers)

    def opening(self, dated: list[TimeExpression]) -> TimeExpression | None:
        """A date opening the sentence or the clause: "On October 30, ...", "In December, the Court ruled"."""
        return next((t for t in dated if not self.premodifies_other(t) and t.end <= self.start and (
            self.words_to(0, t.start) <= _SENTENCE_START_DATE_WORDS
            or t.start >= self.lo and self.words_to(self.lo, t.start) <= 2)), None)

    def nearest_in_clause(self, dated: list[TimeExpression]) -> TimeExpression | None:
        """The nearest date of the trigger's own clause (subordinate clauses cut it)."""
        sub_lo = max((m.start() for m in _SUBORDINATE.finditer(self.text, self.lo, self.start)), default=self.lo)
        next_clause = _SUBORDINATE.search(self.text, self.end, self.hi)
        sub_hi = next_clause.start() if next_clause else self.hi
        in_clause = [t for t in dated if t.start >= sub_lo and t.end <= sub_hi and not self.nearer_other(t)
                     and not self.across_coordination(t)]
        if not in_clause:
            return None
        return min(in_clause, key=lambda t: min(abs(t.start - self.end), abs(self.start - t.end)))

    def across_coordination(self, t: TimeExpression) -> bool:
        """ "attended the meeting on July 18 and met separately": the date stays with the first conjunct."""
        before = t.end <= self.start
        a, b = (t.end, self.start) if before else (self.end, t.start)
        c = _COORDINATION.search(self.text, a, b)
        if c is None:
            return False
        side = (0, c.start()) if before else (c.end(), len(self.text))
        return any(side[0] <= o_start and o_end <= side[1] for o_start, o_end in self.all_triggers)


def _has_digit(text: str) -> bool:
    return any(c.isdigit() for c in text)


# --------------------------------------------------------------------------- mentions

def _mention_reason(text: str, start: int, end: int, lo: int, hi: int, kind: str, is_verb: bool, word: str) -> str:
    """The first check of ``MENTION_CHECKS`` that rules a trigger out ("" when none does)."""
    for name, check in MENTION_CHECKS:
        if check(text, start, end, lo, hi, kind, is_verb, word):
            return name
    return ""


def _statistic_subject(text: str, start: int, end: int, lo: int, hi: int, kind: str, is_verb: bool, word: str) -> bool:
    # "the numbers of kidnappings, homicides, and drugs eradicated or seized remained high"
    return lexicon().statistic_subject.search(text, lo, start) is not None


def _trend(text: str, start: int, end: int, lo: int, hi: int, kind: str, is_verb: bool, word: str) -> bool:
    # "seizures of money and other assets are increasing": a trend
    return not is_verb and lexicon().trend_after.match(text[end:end + 120]) is not None


def _modifier(text: str, start: int, end: int, lo: int, hi: int, kind: str, is_verb: bool, word: str) -> bool:
    # "arrest authority", "interdiction program"
    return not is_verb and lexicon().modifier_heads.match(text[end:end + 30]) is not None


def _listener_delegation(text: str, start: int, end: int, lo: int, hi: int, kind: str, is_verb: bool, word: str) -> bool:
    # "told the U.S. delegation": the delegation is a listener here
    return kind == "delegation" and lexicon().participant.search(text[max(0, start - 50):start]) is not None


#: the rules that rule a single trigger out, in the order they are tried (names are the
#: ``Mention.rule`` values, which the learned decider reads as features)
MENTION_CHECKS: tuple[tuple[str, "Callable[[str, int, int, int, int, str, bool, str], bool]"], ...] = (
    ("hypothetical", lambda text, start, end, lo, hi, kind, is_verb, word: _is_hypothetical(text, start, end, lo)),
    ("generic", lambda text, start, end, lo, hi, kind, is_verb, word: _is_generic(text, start, end, lo, hi, is_verb)),
    ("statistic_subject", _statistic_subject),
    ("trend", _trend),
    ("modifier", _modifier),
    ("descriptive_participle",
     lambda text, start, end, lo, hi, kind, is_verb, word: is_verb and _is_descriptive_participle(text, start, word)),
    ("listener_delegation", _listener_delegation),
)


def _sentence_reason(text: str, times: list[TimeExpression], is_subject: bool) -> str:
    """Why a whole sentence reports no happening ("" when it may)."""
    lex = lexicon()
    if is_subject and not _dated(times):
        return "undated_subject"  # an undated subject line names a topic ("EXTRADITION UPDATE")
    if _is_heading(text) and not is_subject:
        return "heading"  # a heading names a topic
    if lex.advisory_sentence.search(text):
        return "advisory"  # "You should press ..." advises
    if text.rstrip(" \"'”)").endswith("?"):
        return "question"  # a question reports nothing
    return ""


def _sentence_mentions(p_index: int, s_index: int, paragraph: Paragraph, sentence: Sentence,
                       times: list[TimeExpression], doc_date: str, is_subject: bool = False,
                       decide: "Decider | None" = None, parsed: "Doc | None" = None) -> list[Mention]:
    """The mentions of one sentence. Without ``decide`` the rules' verdicts are final;
    with it every trigger form becomes a mention carrying the first rule that rejects it
    (``Mention.rule``), and ``decide`` keeps or drops each one before they are merged."""
    text = sentence.text
    candidates = trigger_candidates(text, weak=decide is not None)
    if decide is None:
        candidates = [c for c in candidates if not c[4]]
    if not candidates:
        return []
    sentence_reason = _sentence_reason(text, times, is_subject)
    if sentence_reason and decide is None:
        return []
    scan = _SentenceScan.of(p_index, s_index, paragraph, sentence, times, doc_date, candidates)
    mentions = [m for candidate in candidates
                for m in [scan.mention(candidate, sentence_reason, final=decide is None)] if m is not None]
    if decide is not None and mentions:
        mentions = decide(mentions, parsed)
    _drop_antecedent_dates(text, mentions)
    _share_dates_of_one_subject(text, mentions)
    return _merge_in_sentence(mentions)


@dataclass
class _SentenceScan:
    """A sentence and what each of its trigger candidates is judged against."""

    p_index: int
    s_index: int
    paragraph: Paragraph
    sentence: Sentence
    times: list[TimeExpression]
    doc_date: str
    #: the sentence reads as statistics ("the number of ...")
    statistical: bool
    #: (start, end, type, is_verb) of the triggers no check rules out
    triggers: list[tuple[int, int, str, bool]]
    #: the spans of the nouns that refer back to a known happening
    referring: set[tuple[int, int]]

    @classmethod
    def of(cls, p_index: int, s_index: int, paragraph: Paragraph, sentence: Sentence, times: list[TimeExpression],
           doc_date: str, candidates: list[tuple[int, int, str, bool, str]]) -> _SentenceScan:
        text = sentence.text
        triggers = [(s, e, k, v) for s, e, k, v, r in candidates if not r]
        # a noun that refers back ("near the site of the Colombian operation on March 6") does not take
        # the date from the happening the sentence reports
        referring = {(s, e) for s, e, _k, v in triggers if not v and _refers_back(text, s, e)}
        return cls(p_index, s_index, paragraph, sentence, times, doc_date,
                   bool(lexicon().statistics.search(text)), triggers, referring)

    def mention(self, candidate: tuple[int, int, str, bool, str], sentence_reason: str,
                final: bool) -> Mention | None:
        """The mention of one candidate; None when a rule rules it out and the rules are ``final``."""
        text = self.sentence.text
        start, end, kind, is_verb, sense = candidate
        word = text[start:end]
        lo, hi = _clause_bounds(text, start, end)
        reason = sense or sentence_reason or _mention_reason(text, start, end, lo, hi, kind, is_verb, word)
        if reason and final:
            return None
        anaphoric = (start, end) in self.referring
        m = Mention(self.p_index, self.s_index, self.paragraph, self.sentence, kind, word, start, end, is_verb,
                    anaphoric=anaphoric, when=self.time_of(start, end, lo, hi, is_verb, anaphoric),
                    plural=not is_verb and word.lower().endswith("s") and word.lower() not in SINGULAR_PLURALS,
                    statistical=self.statistical, lo=lo, hi=hi, times=self.times)
        m.rule = reason or _shape_reason(m)
        if m.rule and final:
            return None
        _set_status(m, self.doc_date)
        _set_reference_marks(m)
        m.governing = m.when
        return m

    def time_of(self, start: int, end: int, lo: int, hi: int, is_verb: bool, anaphoric: bool) -> TimeExpression | None:
        text = self.sentence.text
        spans = [(s, e) for s, e, _k, _v in self.triggers if (s, e) not in self.referring]
        others = [span for span in spans if span != (start, end)]
        when = _governing_time(text, start, end, lo, hi, self.times, others,
                               [(s, e) for s, e, _k, _v in self.triggers], is_verb)
        if anaphoric and when is not None and not _own_date_of_anaphor(text, start, end, when):
            return None  # "The agreement builds on the Bariloche Decision ... on August 28": the antecedent's date
        return when


def _own_date_of_anaphor(text: str, start: int, end: int, when: TimeExpression) -> bool:
    """Whether a referring noun keeps its date: right by it, or opening the sentence."""
    if when.end <= start:
        near = start - when.end <= _ADJACENT_CHARS and "," not in text[when.end:start]
    else:
        near = _words_between(text, end, when.start) <= 8
    opening = when.end <= start and _words_between(text, 0, when.start) <= _SENTENCE_START_DATE_WORDS \
        and not _premodifies_noun(text, when)
    return near or opening


def _category_plural(m: Mention) -> bool:
    # "significant seizures", "280 killings": a category or a count
    if not m.plural:
        return False
    text, start, end = m.sentence.text, m.start, m.end
    # "operations in Iraq" needs a determiner ("the operations in Iraq") or a partner ("meetings with")
    anchored = _PLURAL_ANCHOR_AFTER.match(text[end:end + 10]) is not None and (
        _PLURAL_STRONG_ANCHOR.match(text[end:end + 10]) is not None
        or _DETERMINED.search(text[max(0, start - 70):start]) is not None)
    return m.statistical or bool(_NUMBER_BEFORE.search(text[max(0, start - 30):start])) \
        or not (_attached(text, start, end, m.when) or m.anaphoric or anchored)


def _bare_concept(m: Mention) -> bool:
    # "making interdiction difficult", "extradition, and crop substitution"
    text, start, end = m.sentence.text, m.start, m.end
    return not m.is_verb and not m.plural and m.when is None \
        and not _DETERMINED.search(text[max(0, start - 70):start]) \
        and not _COMPLEMENT_AFTER.match(text[end:end + 12]) and not m.trigger[:1].isupper()


#: the checks of a mention's form and surroundings, once its date is known (first match wins;
#: the names are ``Mention.rule`` values, read by the learned decider)
SHAPE_CHECKS: tuple[tuple[str, Callable[[Mention], bool]], ...] = (
    ("category_plural", _category_plural),
    ("bare_concept", _bare_concept),
)


def _shape_reason(m: Mention) -> str:
    return next((name for name, check in SHAPE_CHECKS if check(m)), "")


def _set_status(m: Mention, doc_date: str) -> None:
    """The mention's status from its cues, then as its date says: a date after the document
    date plans the happening, and a planned happening takes its planned time."""
    status, cued = _status(m.sentence.text, m.start, m.end, m.lo, m.is_verb, m.trigger)
    when = m.when
    if when is not None and doc_date:
        if status == "occurred" and _dated_later(when, cued, doc_date):
            status, cued = "planned", True  # "is leading a group to Washington the week of July 21"
        if status in ("planned", "expected") and cued:
            when = _time_of_plan(m, when, doc_date)
    m.status, m.status_cued, m.when = status, cued, when


def _dated_later(when: TimeExpression, cued: bool, doc_date: str) -> bool:
    """A date after the document's; without a cue, a day or week that ends after it too."""
    return when.date_start > doc_date or (not cued and when.date_end > doc_date and when.granularity in ("day", "week"))


def _time_of_plan(m: Mention, when: TimeExpression, doc_date: str) -> TimeExpression | None:
    text, start = m.sentence.text, m.start
    if when.granularity == "day" and when.date_end < doc_date and when.end <= start \
            and _COMMUNICATION.search(text, when.end, start):
        return None  # "On June 10, Poloff urged ... at the upcoming IAEA meeting": the day of the urging
    return _planned_time(text, start, when, doc_date)


def _set_reference_marks(m: Mention) -> None:
    """The figure, the record and the back reference a mention names, and its demonstrative."""
    text, start, end = m.sentence.text, m.start, m.end
    near_before = text[max(m.lo, start - 40):start]
    amount = _AMOUNT_AFTER.match(text, end) or _AMOUNT_BEFORE.search(text, max(m.lo, start - 40), start)
    m.amount = amount.group(1) if amount else ""
    m.record = bool(_RECORD_BEFORE.search(near_before))
    m.back_reference = m.is_verb and m.when is None and m.trigger.lower().endswith("ed") and m.kind in INCIDENT_TYPES \
        and not _OBJECT_WORD_AFTER.match(text[end:end + 30]) \
        and bool(_BACK_REFERENCE_BEFORE.search(near_before) or _SINCE_PASSIVE.search(near_before))
    if m.back_reference:
        m.status, m.status_cued = "occurred", False  # "how to destroy the cocaine seized": the seizure is past
    det = lexicon().anaphora.search(near_before)
    m.demonstrative = m.anaphoric and det is not None and bool(_DEMONSTRATIVE.search(det.group()))


def _drop_antecedent_dates(text: str, mentions: list[Mention]) -> None:
    """ "captured near the site of the operation on March 6": the date is the capture's."""
    for m in mentions:
        own = m.when is not None and m.when.end <= m.start and _words_between(text, m.when.end, m.start) <= 3
        if m.anaphoric and m.when is not None and not own and any(o.when is m.when and not o.anaphoric for o in mentions):
            m.when = None


def _share_dates_of_one_subject(text: str, mentions: list[Mention]) -> None:
    """ "visited Ashgabat on December 29 and signed ...": the second verb takes the first's date."""
    for prev, m in zip(mentions, mentions[1:]):
        if m.when is None and m.is_verb and prev.is_verb and prev.when is not None \
                and _status_class(prev.status) == _status_class(m.status) \
                and _SHARED_SUBJECT.fullmatch(text, max(prev.end, prev.when.end), m.start):
            m.when, m.date_inherited = prev.when, True


#: "... on December 29 and signed": a second verb of the same subject, nothing else between
_SHARED_SUBJECT = re.compile(r"[^,;:()]*?(?:,\s*)?\s+and\s+(?:then\s+|also\s+|later\s+)?")


def _merge_in_sentence(mentions: list[Mention]) -> list[Mention]:
    """Chains such as "agreed to sign a ... Agreement", "attended the ... meeting",
    one date governing two triggers of a type, and a delegation travelling to a
    visit or meeting are one happening: each mention is tried against the ones kept
    before it, latest first, with the joins of ``IN_SENTENCE_JOINS``."""
    out: list[Mention] = []
    for m in mentions:
        if not _folded(m, out):
            out.append(m)
    return out


def _folded(m: Mention, out: list[Mention]) -> bool:
    """Whether ``m`` was folded into a mention of ``out``: the first join that applies to it and
    one of them, latest first, decides (a join that keeps ``m`` ends the search too)."""
    for prev in reversed(out):
        for _name, applies, join in IN_SENTENCE_JOINS:
            if applies(prev, m):
                return join(prev, m, out)  # (may remove prev from out: the search ends here)
    return False


def _close(prev: Mention, m: Mention) -> bool:
    """A verb with the trigger close after it, nothing coordinated between ("agreed to sign")."""
    return m.start - prev.end <= _ADJACENT_CHARS and prev.is_verb \
        and not _COORDINATION.search(m.sentence.text, prev.end, m.start)


def _distinct_amounts(prev: Mention, m: Mention) -> bool:
    return bool(prev.amount and m.amount and prev.amount != m.amount)


def _one_happening(prev: Mention, m: Mention) -> bool:
    """Same type, and close, or one date for both, or one of them an undated reference back."""
    same_time = (m.when is not None and m.when is prev.when) or \
        (m.when is None and prev.when is None and m.status == prev.status
         and not _SEQUENCE.search(m.sentence.text, prev.end, m.start))
    return prev.kind == m.kind and not _distinct_amounts(prev, m) \
        and (_close(prev, m) or same_time or (m.anaphoric and m.when is None) or (prev.anaphoric and prev.when is None))


def _join_one_happening(prev: Mention, m: Mention, out: list[Mention]) -> bool:
    # the later word of a chain carries the status ("agreed to sign" → planned)
    if _close(prev, m) and m.status in ("planned", "expected") and prev.status == "occurred":
        prev.status = m.status
    if prev.when is None:
        prev.when = m.when
    prev.amount = prev.amount or m.amount
    prev.record = prev.record or m.record
    prev.back_reference = prev.back_reference and m.back_reference
    return True


def _delegation_travels_to(prev: Mention, m: Mention) -> bool:
    return prev.kind == "delegation" and m.kind in ABSORBED_BY_DELEGATION and m.start - prev.end <= 60


def _delegation_is_agent(prev: Mention, m: Mention) -> bool:
    # "an early February visit to Cairo by a delegation of ...": the delegation's trip
    return m.kind == "delegation" and prev.kind in ABSORBED_BY_DELEGATION and m.start - prev.end <= 60 \
        and _BY_AGENT.search(m.sentence.text, prev.end, m.start) is not None


def _join_as_delegation(prev: Mention, m: Mention, out: list[Mention]) -> bool:
    if m.when is None:
        m.when, m.status = prev.when, prev.status
    out.remove(prev)
    return False


def _named_twice(prev: Mention, m: Mention) -> bool:
    # "the first hearing in the prosecution of ...": one happening named twice
    return prev.kind == m.kind and not prev.is_verb and not m.is_verb and not _distinct_amounts(prev, m) \
        and _NOUN_LINK.fullmatch(m.sentence.text, prev.end, m.start) is not None


def _join_taking_date(prev: Mention, m: Mention, out: list[Mention]) -> bool:
    if prev.when is None:
        prev.when = m.when
    return True


#: the joins of two mentions of one sentence, in the order they are tried: (name, whether it
#: applies to an earlier and a later mention, the join: True when the later one is folded in)
IN_SENTENCE_JOINS: tuple[tuple[str, Callable[[Mention, Mention], bool],
                               Callable[[Mention, Mention, list[Mention]], bool]], ...] = (
    ("one_happening", _one_happening, _join_one_happening),
    ("delegation_travels_to", _delegation_travels_to, _join_taking_date),
    ("delegation_is_agent", _delegation_is_agent, _join_as_delegation),
    ("named_twice", _named_twice, _join_taking_date),
)


#: "visit to Cairo by a delegation": the delegation is the visit's agent
_BY_AGENT = re.compile(r"\bby\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){0,2}$", re.I)
#: "hearing in the prosecution", "talks of the negotiations": two nouns of one happening
_NOUN_LINK = re.compile(r"\s+(?:in|of|for|during)\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[a-z][\w-]*\s+)?", re.I)


# --------------------------------------------------------------------------- document

def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _subject_sentence(doc: Document) -> Sentence | None:
    subject = " ".join(doc.subject.split())
    if not subject:
        return None
    first = " ".join(doc.paragraphs[0].text.split()) if doc.paragraphs else ""
    if first.lower().startswith(subject.lower()[:40]):
        return None  # the cleaner kept the subject as the first paragraph
    return Sentence(subject, 0, len(subject))


def _compute_times(text: str, doc_date: str) -> list[TimeExpression]:
    try:
        from .timex import find_time_expressions

        return find_time_expressions(text, doc_date)
    except NotImplementedError:
        return []


def _frame_from_opening(text: str, times: list[TimeExpression]) -> TimeExpression | None:
    """A paragraph that opens with a date ("On October 30, ...", "July 26, 2005,
    4:00 pm, Casa de Narino") sets the date of the narrative that follows."""
    for t in _dated(times):
        if _words_between(text, 0, t.start) <= 2 and t.granularity in ("day", "week") \
                and not _TEMPORAL_REFERENCE.search(text, 0, t.start) and not _premodifies_noun(text, t):
            return t
    return None


def _date_overlap(a: TimeExpression | None, b: TimeExpression | None) -> bool:
    if a is None or b is None:
        return True
    return a.date_start <= b.date_end and b.date_start <= a.date_end


def _shares_actor(a: list[str], b: list[str]) -> bool:
    last_a = {x.split()[-1].lower() for x in a}
    return any(x.split()[-1].lower() in last_a for x in b)


def extract_events(doc: Document, times: list[list[list[TimeExpression]]] | None = None,
                   parses: "Mapping[tuple[int, int], Doc] | None" = None,
                   decide: Decider | None = None, finalize: Finalizer | None = None) -> list[Event]:
    """Events of one cleaned document. ``times[p][s]`` are the time expressions
    of sentence ``s`` of paragraph ``p`` (computed when not given); ``parses`` the
    parse of the sentences that have one; ``decide`` the learned decider that keeps
    or drops candidate mentions (the rules decide alone when it is None); ``finalize``
    the learned date and status decisions over the final mentions."""
    parses = parses or {}
    if times is None:
        times = [[_compute_times(s.text, doc.doc_date) for s in p.sentences] for p in doc.paragraphs]
    narrative = _Narrative(doc.doc_date)
    for unit in _units(doc, times):
        narrative.open_paragraph(unit)
        setting = narrative.setting(unit)
        mentions = _sentence_mentions(unit.p_index, unit.s_index, unit.paragraph, unit.sentence, unit.times,
                                      doc.doc_date, unit.is_subject, decide=decide,
                                      parsed=None if unit.is_subject else parses.get((unit.p_index, unit.s_index)))
        # "visited Abu Dhabi on March 22 and met with ...": the sentence's own trip or meeting dates the rest
        setting.own = next((m for m in mentions if m.when is not None and m.kind in TRAVEL_TYPES), None)
        context = narrative.context(unit.p_index, setting)
        for m in mentions:
            m.from_subject = unit.is_subject
            m.context = dict(context)
            _set_place_and_actors(m, None if unit.is_subject else parses.get((unit.p_index, unit.s_index)))
            narrative.date(m, setting)
            narrative.add(m)
        narrative.close_sentence(unit)
    final = [m for m in narrative.events if not _suspect_travel(m, narrative.events)]
    if finalize is not None:
        finalize(final, parses)
    return [_to_event(doc, m) for m in final]


class _Unit(NamedTuple):
    """A sentence of the document to read for events (the subject line is one too)."""

    p_index: int
    s_index: int
    paragraph: Paragraph
    sentence: Sentence
    times: list[TimeExpression]
    is_subject: bool


def _units(doc: Document, times: list[list[list[TimeExpression]]]) -> Iterator[_Unit]:
    """The subject line (when the body does not repeat it), then each sentence once."""
    subject = _subject_sentence(doc)
    if subject is not None:
        yield _Unit(-1, 0, Paragraph("", "", "", subject.text, [subject]), subject,
                    _compute_times(subject.text, doc.doc_date), True)
    seen: set[str] = set()
    for p_index, paragraph in enumerate(doc.paragraphs):
        for s_index, sentence in enumerate(paragraph.sentences):
            key = _norm(sentence.text)
            if key in seen:
                continue  # a repeated body or header adds nothing
            seen.add(key)
            sentence_times = times[p_index][s_index] if p_index < len(times) and s_index < len(times[p_index]) else []
            yield _Unit(p_index, s_index, paragraph, sentence, sentence_times, False)


@dataclass
class _Setting:
    """A sentence being read, with the dates its narrative offers its mentions."""

    text: str
    is_subject: bool
    #: "earlier in the day", "the following day": read against the narrative's day
    relative_day: TimeExpression | None
    #: the sentence's own dated trip or meeting
    own: Mention | None = None


@dataclass
class _Narrative:
    """What the document has told so far, as the dating of the next mentions reads it."""

    doc_date: str
    #: the mentions kept so far, one per happening
    events: list[Mention] = field(default_factory=list)
    #: the date of the narrative under way, and whether it tells of the past or of plans
    frame: TimeExpression | None = None
    frame_status: str = "occurred"
    last_day: TimeExpression | None = None  # the latest single day the text has stated
    day_frame: TimeExpression | None = None  # the latest frame that was a single day
    last_p: int | None = None
    last_times_p: int | None = None
    prev_times: list[TimeExpression] = field(default_factory=list)
    paragraph_times: list[TimeExpression] = field(default_factory=list)
    doc_times: list[TimeExpression] = field(default_factory=list)

    def set_frame(self, t: TimeExpression, status: str) -> None:
        self.frame, self.frame_status = t, status
        self.day_frame = _single_day(t) or self.day_frame

    def open_paragraph(self, unit: _Unit) -> None:
        """A paragraph opening with a date starts a narrative of that date."""
        if unit.p_index == self.last_p or unit.s_index != 0 or unit.is_subject:
            return
        opening = _frame_from_opening(unit.sentence.text, unit.times)
        if opening is not None:
            self.set_frame(opening, "planned" if self.doc_date and opening.date_start > self.doc_date else "occurred")
        self.last_p = unit.p_index

    def setting(self, unit: _Unit) -> _Setting:
        text = unit.sentence.text
        return _Setting(text, unit.is_subject, _narrative_relative_day(text, self.day_frame or self.last_day))

    def context(self, p_index: int, setting: _Setting) -> dict[str, TimeExpression]:
        same_paragraph = p_index == self.last_times_p
        return _context_times(self.frame, self.last_day, setting.relative_day, setting.own, self.events,
                              self.prev_times if same_paragraph else [],
                              self.paragraph_times if same_paragraph else [], self.doc_times)

    def date(self, m: Mention, setting: _Setting) -> None:
        """The mention's date from the narrative when it has none of its own (the first of
        ``INHERITED_DATES`` that applies), and the narrative's frame from the mention."""
        if m.when is not None and lexicon().narrative_days.search(m.when.text) \
                and (setting.relative_day is None or m.when.start <= setting.relative_day.start < m.when.end):
            m.when = None  # "earlier in the day" read as the cable's day: the narrative's day instead
        if m.when is None:
            for _name, applies, inherited in INHERITED_DATES:
                if applies(self, m, setting):
                    m.when, m.date_inherited = inherited(self, setting), True
                    break
        if m.when is not None and _frames_narrative(self, m, m.when, setting):
            self.set_frame(m.when, "planned" if m.status in ("planned", "expected") else "occurred")

    def add(self, m: Mention) -> None:
        """Keep the mention as a new happening, or fold it into the one it reports again."""
        found = find_same(self.events, m)
        if found is not None:
            _absorb(found[0], m)
        elif not m.demonstrative:  # "this operation" after arrests: refers to something already reported
            self.events.append(m)

    def close_sentence(self, unit: _Unit) -> None:
        """Remember the sentence's dates (the subject line's are not the narrative's)."""
        if unit.is_subject:
            return
        days = [t for t in unit.times if t.granularity == "day" and t.date_start == t.date_end]
        if days:
            self.last_day = days[-1]
        if unit.p_index != self.last_times_p:
            self.paragraph_times = []
        self.last_times_p = unit.p_index
        self.prev_times = _dated(unit.times)
        self.paragraph_times = self.paragraph_times + self.prev_times
        self.doc_times = self.doc_times + self.prev_times


def _from_relative_day(n: _Narrative, m: Mention, s: _Setting) -> bool:
    # "earlier in the day", "the following day"
    return s.relative_day is not None and _governs(s.text, s.relative_day, m)


def _from_own_trip(n: _Narrative, m: Mention, s: _Setting) -> bool:
    return s.own is not None and m.kind in NARRATIVE_TYPES and s.own.status == m.status


def _from_frame(n: _Narrative, m: Mention, s: _Setting) -> bool:
    return m.kind in NARRATIVE_TYPES and n.frame is not None and not s.is_subject \
        and not _OWN_TIME_BEFORE.search(s.text, max(0, m.start - 30), m.start) \
        and (m.status == n.frame_status or (n.frame_status == "planned" and m.status != "occurred"))


#: where an undated mention takes its date from, in order: (name, applies, the date)
INHERITED_DATES: tuple[tuple[str, Callable[[_Narrative, Mention, _Setting], bool],
                             Callable[[_Narrative, _Setting], TimeExpression | None]], ...] = (
    ("relative_day", _from_relative_day, lambda n, s: s.relative_day),
    ("own_trip", _from_own_trip, lambda n, s: s.own.when if s.own is not None else None),
    ("frame", _from_frame, lambda n, s: n.frame),
)


def _frames_narrative(n: _Narrative, m: Mention, when: TimeExpression, s: _Setting) -> bool:
    """Whether a mention dated ``when`` sets the narrative's frame: a trip frames the meetings held
    during it; a meeting frames only a narrative with no trip; "since the September 7 visit" is a
    reference point, not the narrative."""
    return not m.date_inherited and m.kind in NARRATIVE_TYPES and not s.is_subject \
        and (m.kind != "meeting" or n.frame is None) and _narrow(when) \
        and not _TEMPORAL_REFERENCE.search(s.text, max(0, m.start - 60), m.start) \
        and not _TEMPORAL_REFERENCE.search(s.text, max(0, when.start - 60), when.start)


def _set_place_and_actors(m: Mention, parsed: "Doc | None") -> None:
    text = m.sentence.text
    m.location = find_location(text, m.end)
    if not m.location and m.kind == "visit" and m.is_verb:
        m.location = visit_object(text, m.end)  # "visited Bangladesh"
    # the trigger's arguments where the sentence is parsed, not every name in it
    found = parse_actors(parsed, m.start, m.end) if parsed is not None else None
    m.names = [a for a in find_actors(text) if a != m.location]
    m.actors = [a for a in found if a != m.location] if found else list(m.names)


def _context_times(frame: TimeExpression | None, last_day: TimeExpression | None, relative_day: TimeExpression | None,
                   own: "Mention | None", events: list[Mention], prev_times: list[TimeExpression],
                   paragraph_times: list[TimeExpression], doc_times: list[TimeExpression]) -> dict[str, TimeExpression]:
    """The dates a mention could inherit, by where they come from."""
    offered = (("frame", frame), ("last_day", last_day), ("relative_day", relative_day),
               ("own_trip", own.when if own is not None else None),
               ("prev_event", next((e.when for e in reversed(events) if e.when is not None), None)),
               ("prev_sentence", _last(prev_times)),
               ("paragraph_first", paragraph_times[0] if paragraph_times else None),
               ("paragraph_last", _last(paragraph_times)),
               ("doc_last", _last(doc_times)))
    return {name: t for name, t in offered if t is not None and t.date_start}


def _last(times: list[TimeExpression]) -> TimeExpression | None:
    return times[-1] if times else None


_TRAVEL_WORD = re.compile(r"^(?:travel|arriv|go|went|fl[eyi]|came|com)", re.I)
_CRIME_TYPES = frozenset({"arrest", "seizure", "extradition", "legal"})


def _suspect_travel(m: Mention, events: list[Mention]) -> bool:
    """ "Hung ... had arrived in Phnom Penh the previous day": a suspect's movements around
    his arrest are part of the case, not an official visit."""
    return m.kind == "visit" and bool(_TRAVEL_WORD.match(m.trigger)) and any(
        o.kind in _CRIME_TYPES and o.p_index == m.p_index and o.actors
        and any(re.search(rf"\b{re.escape(a.split()[-1])}\b", m.sentence.text[:m.start]) for a in o.actors[:2])
        for o in events)


_MONTH_NAME = re.compile(r"\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.I)
_PAST_WORDS = re.compile(r"\b(?:last|ago|previous|past|earlier|since)\b|\d{4}", re.I)


def _planned_time(text: str, start: int, when: TimeExpression, doc_date: str) -> TimeExpression | None:
    """A planned happening is not in the past: "elections likely would be held in late June"
    written in February is next June."""
    if when.date_end >= doc_date:
        return when
    if when.granularity == "month" and _MONTH_NAME.search(when.text) and not _PAST_WORDS.search(when.text) \
            and (date.fromisoformat(doc_date) - date.fromisoformat(when.date_end)).days > 60:
        first = date.fromisoformat(when.date_start)
        last = date.fromisoformat(when.date_end)
        first, last = first.replace(year=first.year + 1), last.replace(year=last.year + 1, day=1)
        last = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return TimeExpression(when.text, when.start, when.end, when.type, first.isoformat()[:7], when.mod,
                              first.isoformat(), last.isoformat(), when.granularity)
    return when


def _governs(text: str, t: TimeExpression, m: Mention) -> bool:
    """A time opening the sentence governs it all; elsewhere only a trigger it is not cut
    off from by a comma ("with whom he had spoken earlier that day, would be deployed")."""
    if _words_between(text, 0, t.start) <= 2:
        return True
    a, b = (t.end, m.start) if t.end <= m.start else (m.end, t.start)
    return "," not in text[a:b]


def _narrow(t: TimeExpression) -> bool:
    """A time a narrative can be set in: a month at most ("June-December 2004" frames nothing)."""
    return (date.fromisoformat(t.date_end) - date.fromisoformat(t.date_start)).days <= 31


def _single_day(t: TimeExpression | None) -> TimeExpression | None:
    return t if t is not None and t.granularity == "day" and t.date_start == t.date_end else None


def _narrative_relative_day(text: str, anchor: TimeExpression | None) -> TimeExpression | None:
    """ "earlier in the day", "the following day", "that same day": a day counted from the
    narrative's day (the last one-day frame, else the last day the text stated)."""
    if anchor is None:
        return None
    lex = lexicon()
    m = lex.narrative_days.search(text)
    if m is None or lex.narrative_days_not_after.match(text, m.end()):
        return None
    offset = lex.narrative_day_offsets[" ".join(m.group().lower().split())]
    day = (date.fromisoformat(anchor.date_start) + timedelta(days=offset)).isoformat()
    return TimeExpression(m.group(), m.start(), m.end(), "DATE", day, "", day, day, "day")


# reliability (issue 15): a mention is compared with the last this-many events (and the
# subject line's); comparing with all of them was quadratic (8,000 paragraphs: minutes).
# No cable of the corpus comes near it, so their events are unchanged.
_SAME_EVENT_LOOKBACK = 100


def _candidates_for_same(events: list[Mention]) -> Iterator[Mention]:
    """The events :func:`find_same` looks at, newest first, as ``reversed(events)``
    would give them, the middle of a very long list left out."""
    older = len(events) - _SAME_EVENT_LOOKBACK
    yield from reversed(events[max(older, 0):])
    if older > 0:
        leading = list(itertools.takewhile(lambda prev: prev.from_subject, events[:older]))
        yield from reversed(leading)


def _elsewhere(prev: Mention, m: Mention) -> bool:
    """"his recent visit in Spain" is not the trip to Colombia (unless the dates say so)."""
    same_dates = m.when is not None and prev.when is not None and not m.date_inherited \
        and (m.when.date_start, m.when.date_end) == (prev.when.date_start, prev.when.date_end)
    return m.kind in TRAVEL_TYPES and _different_places(prev.location, m.location) and not same_dates


def _refers_back_to(prev: Mention, m: Mention) -> bool:
    """"the intercept", "the meeting", "the visit in September": the one already named."""
    return m.anaphoric and (not m.status_cued or _status_class(m.status) == _status_class(prev.status)) \
        and (m.when is None or (prev.when is not None and _date_overlap(prev.when, m.when))
             or (m.date_inherited and prev.when is None and prev.is_verb))  # "visited Bangladesh" / "During the visit"


def _named_again(prev: Mention, m: Mention) -> bool:
    """A noun naming again, in the same paragraph, what was just reported."""
    return not m.is_verb and (m.when is None or m.date_inherited) and prev.p_index == m.p_index \
        and prev.status == m.status and _date_overlap(prev.when, m.when) \
        and not (prev.amount and m.amount and prev.amount != m.amount)


def _announced_by_subject(prev: Mention, m: Mention) -> bool:
    """The subject line announces the body's event."""
    return prev.from_subject and _date_overlap(prev.when, m.when)


def _later_report(prev: Mention, m: Mention) -> bool:
    """A later report of the dated event ("That same day, the military captured ...")."""
    return m.when is None and prev.when is not None and not prev.date_inherited and m.is_verb \
        and 0 <= m.p_index - prev.p_index <= 1 and prev.status == m.status \
        and (prev.p_index, prev.s_index) != (m.p_index, m.s_index) and _shares_actor(prev.names, m.names)


def _same_time_and_actor(prev: Mention, m: Mention) -> bool:
    """"the September 7 visit" / "visited in September": the same time and a shared actor."""
    if m.when is None or prev.when is None or m.date_inherited or prev.date_inherited:
        return False
    same_time = ((m.when.date_start, m.when.date_end) == (prev.when.date_start, prev.when.date_end)
                 or (m.when.granularity != prev.when.granularity
                     and {m.when.granularity, prev.when.granularity} <= _NAMING_GRANULARITIES
                     and _date_overlap(m.when, prev.when)))
    return same_time and _shares_actor(prev.names, m.names)


def _different_places(a: str, b: str) -> bool:
    """Two known places (countries, capitals) that differ; a free-text location is too noisy to tell."""
    places = lexicon().places
    return bool(a and b and a != b and places.fullmatch(a) and places.fullmatch(b))


def _same_trip(prev: Mention, m: Mention) -> bool:
    """The summary's "encouraged Ospina to visit Washington soon" and the body's again:
    a visit by the same person to the same place, told with the same status."""
    return m.kind in TRAVEL_TYPES and bool(prev.location) and prev.location == m.location \
        and _status_class(prev.status) == _status_class(m.status) and _date_overlap(prev.when, m.when) \
        and _shares_actor(prev.names, m.names)


def _same_day_incident(prev: Mention, m: Mention) -> bool:
    """Two reports of an arrest (seizure, attack ...) on the same single day with the
    same status are one incident ("captured ... on March 6" / "That same day, the military
    captured ..."); several meetings or visits can fill one day, incidents seldom repeat."""
    if m.kind in NARRATIVE_TYPES or prev.when is None or m.when is None or prev.status != m.status:
        return False
    one_day = prev.when.granularity == "day" and prev.when.date_start == prev.when.date_end
    return one_day and (prev.when.date_start, prev.when.date_end) == (m.when.date_start, m.when.date_end) \
        and (prev.amount == m.amount or not prev.amount or not m.amount)


def _same_incident(prev: Mention, m: Mention) -> bool:
    """Reports of one incident across paragraphs: the same figure ("over 500 arrested" twice),
    the same record ("the largest cocaine seizure ever"), or a participle naming the thing
    seized before ("the cocaine seized in Kenya"); never across different figures, explicit
    dates or places."""
    if m.kind not in INCIDENT_TYPES or _status_class(prev.status) != _status_class(m.status) \
            or _distinct_amounts(prev, m) or _different_places(prev.location, m.location) \
            or not _date_overlap(prev.when, m.when):
        return False
    return bool(prev.amount and prev.amount == m.amount) or (prev.record and m.record) \
        or (m.back_reference and not m.amount)


def _status_class(status: str) -> str:
    return "future" if status in ("planned", "expected") else "real"


#: the ways a mention names a happening already reported, tried in this order on each
#: earlier event of its type, newest first; the name says which one joined them
SAME_HAPPENING: tuple[tuple[str, Callable[[Mention, Mention], bool]], ...] = (
    ("refers_back", _refers_back_to),
    ("named_again", _named_again),
    ("subject_line", _announced_by_subject),
    ("later_report", _later_report),
    ("same_trip", _same_trip),
    ("same_day_incident", _same_day_incident),
    ("same_incident", _same_incident),
    ("same_time_and_actor", _same_time_and_actor),
)


def find_same(events: list[Mention], m: Mention) -> tuple[Mention, str] | None:
    """The earlier event ``m`` reports again, with the name of the check that says so."""
    for prev in _candidates_for_same(events):
        if prev.kind != m.kind or _elsewhere(prev, m):
            continue
        for name, check in SAME_HAPPENING:
            if check(prev, m):
                return prev, name
    return None


def _absorb(target: Mention, m: Mention) -> None:
    """Fold a later report ``m`` of a happening into the mention kept for it."""
    if target.from_subject and not m.from_subject:
        _body_replaces_subject(target, m)
        return
    if (target.when is None or target.date_inherited) and m.when is not None and not m.date_inherited:
        target.when, target.date_inherited = m.when, True
    for actor in m.actors:
        if actor not in target.actors and len(target.actors) < 8:
            target.actors.append(actor)
    for name in m.names:
        if name not in target.names and len(target.names) < 8:
            target.names.append(name)
    if not target.location:
        target.location = m.location
    target.amount = target.amount or m.amount
    target.record = target.record or m.record


def _body_replaces_subject(target: Mention, m: Mention) -> None:
    """The body states the event the subject line named in full: it becomes the representative."""
    dated = target if target.when is not None else m
    when, inherited = dated.when, dated.date_inherited
    status = m.status if m.status != "occurred" else target.status
    target.p_index, target.s_index = m.p_index, m.s_index
    target.paragraph, target.sentence, target.trigger = m.paragraph, m.sentence, m.trigger
    target.start, target.end, target.is_verb = m.start, m.end, m.is_verb
    target.times, target.governing, target.context, target.lo, target.hi = m.times, m.governing, m.context, m.lo, m.hi
    target.location = m.location or target.location
    # the subject line's names again, in capitals ("LIZ CHENEY'S MEETING"), add nothing
    body_words = set(re.findall(r"[\w'’-]+", m.sentence.text.lower()))
    target.actors = m.actors + [a for a in target.actors if a not in m.actors
                                and not all(w in body_words for w in a.lower().split())]
    target.names = m.names + [a for a in target.names if a not in m.names
                              and not all(w in body_words for w in a.lower().split())]
    target.when, target.date_inherited, target.status = when, inherited, status
    target.from_subject = False


def _to_event(doc: Document, m: Mention) -> Event:
    when = m.when
    return Event(
        # the type too: one trigger can be kept as two happenings ("returned": an extradition
        # and a visit), and an id must name one row
        event_id=stable_id(doc.doc_id, m.p_index, m.s_index, m.start, m.kind),
        doc_id=doc.doc_id,
        doc_date=doc.doc_date,
        type=m.kind,
        status=m.status,
        date_start=when.date_start if when else "",
        date_end=when.date_end if when else "",
        granularity=when.granularity if when else "",
        date_text=when.text if when else "",
        date_inherited=bool(when) and m.date_inherited,
        trigger=m.trigger,
        actors=list(m.actors),
        location=m.location,
        paragraph=m.paragraph.number,
        sentence=m.sentence.text,
        summary=make_summary(m.kind, m.trigger, m.sentence.text, m.end, m.actors, m.location, m.start, m.is_verb),
        trigger_start=m.start,
        trigger_end=m.end,
    )
