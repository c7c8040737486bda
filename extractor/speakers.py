"""Speaker resolution: a claim attributed to a title or a description alone ("The
Minister said", "the Federation estimates") is published with the name the cable gave
it before ("Interior Minister Anibal Fernandez", "Rio de Janeiro Federation of
Industry"), as ANNOTATION.md asks: the speaker resolved through titles to the named
source as written.

Runs after the claim rules, over the whole cable: the name is the nearest capitalised
run written before the claim's sentence that holds the speaker's head word and a word
that is not a title, role or source noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Callable, Sequence

from .model import Claim, Document
from .quantities import Token, cues, tokenize

#: words inside a capitalised name ("Ministry of Finance"); not "and", which joins two names
_NAME_GLUE = frozenset({"of", "for", "de", "del", "la", "al", "bin", "el", "-"})


@lru_cache(maxsize=1)
def _generic_words() -> frozenset[str]:
    """Words that describe a source without naming it (claims.json: one home for each list)."""
    c = cues()
    words: set[str] = set()
    for name in ("title_words", "speaker_role_nouns", "source_nouns", "estimate_nouns", "determiners"):
        words.update(c.get(name, ()))
    return frozenset(words | {"same", "this", "that", "these", "those"})


@lru_cache(maxsize=1)
def _nobody_words() -> tuple[frozenset[str], frozenset[str]]:
    """claims.json's words that name nobody, and the month and weekday names and abbreviations
    (language tables)."""
    from .language import MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS

    names = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(WEEKDAY_ABBREVIATIONS)
    return frozenset(cues()["not_speaker_words"]), names


_SPEAKER_WORD = re.compile(r"[A-Za-z]+|\d+")


def _only_marker_words(words: list[str]) -> bool:
    return all(w in _nobody_words()[0] for w in words)


def _a_date(words: list[str]) -> bool:
    return all(w.isdigit() or w in _nobody_words()[1] for w in words)


#: what a speaker read by the rules can be that names nobody, checked in order
NOT_A_SPEAKER: tuple[tuple[str, Callable[[list[str]], bool]], ...] = (
    ("marker words", _only_marker_words),  # "As explained reftel", "End Summary"
    ("date", _a_date),  # "polling in January suggested"
)


def names_nobody(speaker: str) -> str:
    """The name of the first NOT_A_SPEAKER check ``speaker`` fails, "" when it may name a source."""
    words = [w.lower() for w in _SPEAKER_WORD.findall(speaker)]
    for name, check in NOT_A_SPEAKER:
        if check(words):
            return name
    return ""


def _capitalised(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _is_word(tok: Token) -> bool:
    return tok.text.replace("'", "").replace("’", "").replace("-", "").isalpha()


def name_runs(text: str) -> list[str]:
    """The capitalised names of a sentence, glue words inside them kept ("Rio de Janeiro
    Federation of Industry")."""
    tokens = tokenize(text)
    out: list[str] = []
    j = 0
    while j < len(tokens):
        if not (_capitalised(tokens[j]) and _is_word(tokens[j])):
            j += 1
            continue
        end = j + 1
        while end < len(tokens) and (_capitalised(tokens[end]) and _is_word(tokens[end]) or
                                     tokens[end].low in _NAME_GLUE and end + 1 < len(tokens)
                                     and _capitalised(tokens[end + 1])):
            end += 1
        out.append(text[tokens[j].start:tokens[end - 1].end])
        j = end
    return out


@dataclass
class CableNames:
    """Where each sentence sits, and the names of more than one word written in the cable."""

    where: dict[str, tuple[int, int]]
    #: ((paragraph, sentence), name as written, its words), in reading order
    names: list[tuple[tuple[int, int], str, frozenset[str]]]


def cable_names(doc: Document) -> CableNames:
    from .evaluate import normalize_words

    where: dict[str, tuple[int, int]] = {}
    names: list[tuple[tuple[int, int], str, frozenset[str]]] = []
    generic = _generic_words()
    for p, paragraph in enumerate(doc.paragraphs):
        for s, sentence in enumerate(paragraph.sentences):
            where.setdefault(sentence.text, (p, s))
            for name in name_runs(sentence.text):
                words = frozenset(normalize_words(name))
                if len(words) > 1 and words - generic:
                    names.append(((p, s), name, words))
    return CableNames(where, names)


def resolve_name(speaker: str, position: tuple[int, int], names: CableNames) -> str:
    """``speaker`` itself when it holds a name; else the nearest name before ``position``
    that holds its head word; else ``speaker``."""
    from .evaluate import normalize_words

    words = normalize_words(speaker)
    if not words or set(words) - _generic_words():
        return speaker
    head = words[-1]
    for where, name, name_words in reversed(names.names):
        if where < position and head in name_words:
            return name
    return speaker


def resolve_speakers(claims: Sequence[Claim], doc: Document) -> list[Claim]:
    """``claims`` with each title-only speaker replaced by the name it stands for, and
    the speakers that name nobody removed."""
    if not any(c.speaker for c in claims):
        return list(claims)
    names = cable_names(doc)
    out = []
    for claim in claims:
        position = names.where.get(claim.sentence)
        speaker = "" if names_nobody(claim.speaker) else claim.speaker
        speaker = resolve_name(speaker, position, names) if speaker and position else speaker
        out.append(claim if speaker == claim.speaker else replace(claim, speaker=speaker))
    return out
