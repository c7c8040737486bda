"""Stage 4b — claims: numbers with units, what they count and who says so.

:mod:`extractor.quantities` finds the numbers, their units and qualifiers and
drops the ones that are not quantities; this module decides which of them are
claims (time-expression spans belong to the timeline), names the entity that is
counted or measured, the speaker who asserts it (carried across a paragraph
attributed to one person), and handles simple tables (row label + title).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from .model import Claim, Document, Paragraph, Sentence, TimeExpression, stable_id
from .quantities import (
    Quantity,
    Token,
    country_of,
    cues,
    find_quantities,
    has_candidates,
    places_in_time,
    tokenize,
)


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    c = cues()
    return {name: frozenset(c[name]) for name in (
        "determiners", "entity_stop_words", "entity_left_skip", "entity_skip_after_number", "speech_verbs",
        "pronouns", "title_words", "speaker_role_nouns", "vague_words",
    )}


_IRREGULAR_VERBS = frozenset(
    "held made taken seen sent left found brought kept given paid lost won built spent put set led fled fought "
    "caught bought sold went came died got become became began begun ran run fell stood took gave knew thought "
    "told said met live lives living remain remains remained face faces need needs include includes".split()
)

_TABLE_TITLE_RE = re.compile(r"(?i)\btable\s+[ivxlc\d]+[a-z]?\s*[:.\-]\s*")
_SOURCE_RE = re.compile(r"(?:^|\s)\*{0,2}\s*sources?\s*:\s*([A-Z][\w.&'’\- ]{1,60}?)(?=\s*(?:$|[.;,(]|\s-{3,}))", re.IGNORECASE)
_STATS_SOURCE_RE = re.compile(r"(?<![\w(])\**\s*([A-Z][A-Z&]{2,15})\b(?:\s*\([^)]{0,80}\))?\s+statistics")


# -- public API ----------------------------------------------------------------------

def extract_claims(doc: Document, times: list[list[list[TimeExpression]]] | None = None) -> list[Claim]:
    """Claims of one cleaned document."""
    if times is None:
        times = _time_expressions(doc)
    country = country_of(doc.origin, doc.tags)
    claims: list[Claim] = []
    seen: set[tuple[str, int]] = set()
    for p_index, paragraph in enumerate(doc.paragraphs):
        p_times = times[p_index] if times and p_index < len(times) else []
        for _, claim in _paragraph_claims(doc.doc_id, doc.doc_date, p_index, paragraph, p_times, country):
            # a body copied twice into one file says each figure once
            key = (claim.sentence, claim.start)
            if key in seen:
                continue
            seen.add(key)
            claims.append(claim)
    return claims


def claims_from_text(text: str, dct: str = "", country: str = "") -> list[Claim]:
    """Claims of plain English text; offsets index ``text``."""
    sentences = split_sentences(text)
    paragraph = Paragraph(number="", marking="", heading="", text=text, sentences=sentences)
    times: list[list[TimeExpression]] = []
    for s in sentences:
        times.append(_safe_timex(s.text, dct))
    claims = []
    for s_index, claim in _paragraph_claims("", dct, 0, paragraph, times, country_of(country=country)):
        claim.start += sentences[s_index].start
        claim.end += sentences[s_index].start
        claims.append(claim)
    return claims


# -- sentences -------------------------------------------------------------------------

_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt maj capt sgt adm gov sen rep amb st jr sr inc corp co ltd no nos vs etc "
    "jan feb mar apr jun jul aug sep sept oct nov dec fig approx est dept u.s a.m p.m e.g i.e".split()
)
_SENT_END_RE = re.compile(r"[.!?]+[\"'’”)\]]*\s+(?=[\"'“(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[Sentence]:
    """A small sentence splitter for plain text (offsets into ``text``)."""
    out: list[Sentence] = []
    start = 0
    for m in _SENT_END_RE.finditer(text):
        before = text[start:m.start() + 1]
        word = re.search(r"([A-Za-z.]+)\.$", before.rstrip("\"'’”)]"))
        if word and (word.group(1).lower().rstrip(".") in _ABBREVIATIONS or len(word.group(1).rstrip(".")) == 1):
            continue
        if word and "." in word.group(1) and text[m.end():m.end() + 1].isdigit():
            continue  # "E.O. 12958"
        end = m.end()
        chunk = text[start:end]
        stripped = chunk.rstrip()
        lead = len(chunk) - len(chunk.lstrip())
        if stripped.strip():
            out.append(Sentence(text=stripped.strip(), start=start + lead, end=start + len(stripped)))
        start = end
    chunk = text[start:]
    if chunk.strip():
        lead = len(chunk) - len(chunk.lstrip())
        out.append(Sentence(text=chunk.strip(), start=start + lead, end=start + len(chunk.rstrip())))
    return out


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

@dataclass
class _SpeakerState:
    speaker: str = ""
    person: str = ""  # the last named person (for "he said")


def _paragraph_claims(doc_id: str, doc_date: str, p_index: int, paragraph: Paragraph,
                      times: Sequence[list[TimeExpression]], country: str) -> list[tuple[int, Claim]]:
    """(sentence index, claim) pairs of one paragraph."""
    claims: list[tuple[int, Claim]] = []
    state = _SpeakerState()
    table = _TableContext.of(paragraph)
    for s_index, sentence in enumerate(paragraph.sentences):
        text = sentence.text
        tokens = tokenize(text)
        speaker = _sentence_speaker(tokens, state)
        if not has_candidates(text):
            continue
        s_times = times[s_index] if s_index < len(times) else []
        quantities = find_quantities(text, tokens, country)
        in_table = table.active and _table_like(tokens)
        previous: Claim | None = None
        for q in quantities:
            if not _is_claim(tokens, q, s_times):
                continue
            if in_table and _table_excluded(tokens, q):
                continue
            if q.unit == "count" and not q.spelled and not _has_noun_after(tokens, q):
                _unit_from_left(tokens, q)
            if previous is not None and previous.unit == q.unit and not _has_noun_after(tokens, q) \
                    and q.dimension in ("count", "percent") and _compared_with_previous(tokens, q):
                entity = previous.entity  # "from three children per week to ten per week"
            else:
                entity = _entity(tokens, q)
            claim_speaker = _claim_speaker(tokens, q, speaker, state)
            if in_table:
                label, column = _row_label(tokens, q)
                entity = " ".join(x for x in (label, table.title) if x) or entity
                if table.sources:
                    claim_speaker = table.sources[min(column, len(table.sources) - 1)]
            if not entity and previous is not None and (previous.unit == q.unit or tokens[q.qual_start - 1].text == "("
                                                        or tokens[q.qual_start - 1].low == "or"):
                # "increased from 367 in 2007 to over 2000", "1048 (or 18%) of these killings"
                entity = previous.entity
            claim = Claim(
                claim_id=stable_id(doc_id, p_index, s_index, q.start),
                doc_id=doc_id,
                doc_date=doc_date,
                value=q.value,
                value_low=q.low,
                value_high=q.high,
                unit=q.unit,
                unit_text=q.unit_text,
                dimension=q.dimension,
                qualifier=q.qualifier,
                entity=entity,
                period=q.period,
                speaker=claim_speaker,
                text=text[q.start:q.end],
                paragraph=paragraph.number,
                sentence=text,
                start=q.start,
                end=q.end,
            )
            claims.append((s_index, claim))
            previous = claim
    return claims


def _is_claim(tokens: Sequence[Token], q: Quantity, times: Sequence[TimeExpression]) -> bool:
    """Numbers inside a time expression belong to the timeline, unless it is a
    duration that measures something ("a 20-year sentence", "forty minutes")."""
    for te in times:
        if te.start < q.end and q.start < te.end:
            if te.type == "DURATION" and q.dimension == "time" and not places_in_time(tokens, q):
                continue
            if q.dimension not in ("time", "count") and not (te.start <= q.start and q.end <= te.end):
                continue  # a money or mass figure merely touching a date span
            return False
    if q.dimension == "time" and places_in_time(tokens, q):
        return False
    return True


# -- entity ------------------------------------------------------------------------------------

def _compared_with_previous(tokens: Sequence[Token], q: Quantity) -> bool:
    """'... 367 in 2007 to over 2000', 'three children per week to ten': a figure
    linked to the one before it says the same kind of thing."""
    links = cues()["comparison_links"]
    for k in range(q.qual_start - 1, max(-1, q.qual_start - 4), -1):
        low = tokens[k].low
        if low == "of":
            return False
        if low in links:
            return True
        if not (tokens[k].text.isalpha() and tokens[k].text.islower()):
            return False
    return False


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


def _noun_phrase_right(tokens: Sequence[Token], k: int, max_words: int = 6) -> str:
    """Noun phrase starting at token k (adjectives + nouns, hyphen compounds)."""
    w = _words()
    n = len(tokens)
    parts: list[str] = []
    count = 0
    while k < n and count < max_words:
        tok = tokens[k]
        if tok.text == "-" and parts and k + 1 < n and tokens[k - 1].end == tok.start and tokens[k + 1].start == tok.end \
                and _is_word(tokens[k + 1]):
            parts[-1] += "-" + tokens[k + 1].text
            k += 2
            continue
        if tok.text == "," and parts and k + 1 < n and (_adjective_like(parts[-1]) or any(p.endswith(",") for p in parts)) \
                and tokens[k + 1].text[:1].islower() and tokens[k + 1].low not in w["entity_stop_words"]:
            parts[-1] += ","
            k += 1
            continue
        if tok.low in ("and", "or") and parts and k + 1 < n and tokens[k + 1].text.isalpha() \
                and tokens[k + 1].text.islower() and tokens[k + 1].low not in w["entity_stop_words"] \
                and (not parts[-1].endswith("s") or any(p.endswith(",") for p in parts)) \
                and tokens[k + 1].low not in w["speech_verbs"] and not tokens[k + 1].low.endswith("ed"):
            parts.append(tok.text)
            k += 1
            continue
        if not _is_word(tok) or tok.low in w["entity_stop_words"] or tok.low in w["vague_words"]:
            break
        next_is_word = k + 1 < n and _is_word(tokens[k + 1]) and tokens[k + 1].low not in w["entity_stop_words"]
        if parts and (tok.low in _IRREGULAR_VERBS or (tok.text.islower() and (tok.low.endswith("ed") or tok.low.endswith("ing"))
                                                      and (parts[-1].endswith("s") or parts[-1][:1].isupper() or not next_is_word))):
            break
        if any(ch.isdigit() for ch in tok.text) and tok.text[:2].upper() in ("FY", "CY"):
            break
        parts.append(tok.text)
        count += 1
        k += 1
    while parts and (parts[-1].lower() in w["determiners"] or parts[-1].lower() in ("and", "or")):
        parts.pop()
    return " ".join(parts).rstrip(",")


def _adjective_like(word: str) -> bool:
    low = word.lower()
    return low in ("new", "additional", "more", "other", "former", "current", "local", "federal", "young") or \
        low.endswith(("ed", "al", "ive", "ous", "ic", "ful", "ent", "ant", "ary", "ible", "able"))


def _noun_phrase_left(tokens: Sequence[Token], end: int, max_words: int = 6) -> str:
    """Noun phrase ending right before token index end, skipping verbs and
    prepositions that link it to the number ("bilateral trade hit USD 1.5 billion")."""
    w = _words()
    k = end - 1
    skipped = 0
    while k >= 0 and skipped < 5:
        tok = tokens[k]
        if tok.text == ")":
            depth = 0
            while k >= 0:
                if tokens[k].text == ")":
                    depth += 1
                elif tokens[k].text == "(":
                    depth -= 1
                    if depth == 0:
                        break
                k -= 1
            k -= 1
            skipped += 1
            continue
        if tok.low in w["entity_left_skip"] or tok.text in ("\"", "“", "”", "'"):
            k -= 1
            skipped += 1
            continue
        if tok.text == "," and k + 1 < end and tokens[k + 1].low in ("which", "who"):
            k -= 1  # "Mexico's GDP, which was US $1.14 trillion"
            continue
        break
    phrase, k = _collect_left(tokens, k, max_words)
    if phrase and phrase[0].isupper() and k >= 1 and tokens[k].low in ("from", "in", "to", "at", "on", "into"):
        # "air transit of illegal drugs from Colombia by 90 percent": the place is not the entity
        longer, _ = _collect_left(tokens, k - 1, max_words)
        if longer:
            return longer
    if phrase and " " not in phrase and phrase.islower() and phrase.endswith("ed"):
        return ""  # a verb, not a noun: "were discovered approximately 800 meters"
    return phrase


def _collect_left(tokens: Sequence[Token], k: int, max_words: int) -> tuple[str, int]:
    """Noun phrase ending at token index k (inclusive); also the index before it."""
    w = _words()
    parts: list[str] = []
    while k >= 0 and len(parts) < max_words:
        tok = tokens[k]
        if tok.text == "-" and parts and k > 0 and tokens[k - 1].end == tok.start and tok.end == tokens[k + 1].start:
            parts[-1] = tokens[k - 1].text + "-" + parts[-1]
            k -= 2
            continue
        if tok.low == "of" and parts and k > 0 and _is_word(tokens[k - 1]) and tokens[k - 1].low not in w["entity_stop_words"]:
            parts.append("of")
            k -= 1
            continue
        if not _is_word(tok) or tok.low in w["entity_stop_words"] or tok.low in w["entity_left_skip"] and parts:
            break
        if tok.low in w["entity_left_skip"]:
            break
        parts.append(tok.text)
        k -= 1
    parts.reverse()
    while parts and (parts[0].lower() in w["determiners"] or parts[0].lower() == "of"):
        parts.pop(0)
    while parts and parts[-1].lower() == "of":
        parts.pop()
    return " ".join(parts), k


def _entity(tokens: Sequence[Token], q: Quantity) -> str:
    w = _words()
    n = len(tokens)
    k = q.unit_end
    # skip a parenthesis right after the number: "1048 (or 18%) of these killings"
    if k < n and tokens[k].text == "(":
        depth = 0
        while k < n:
            if tokens[k].text == "(":
                depth += 1
            elif tokens[k].text == ")":
                depth -= 1
                if depth == 0:
                    k += 1
                    break
            k += 1
    determiner_before = q.qual_start > 0 and (
        tokens[q.qual_start - 1].low in w["determiners"]
        or (q.qual_start > 1 and tokens[q.qual_start - 2].low in ("a", "an", "the") and tokens[q.qual_start - 1].text.islower()
            and tokens[q.qual_start - 1].text.isalpha()))
    of_phrase = ""
    if k < n and tokens[k].low == "of":
        j = k + 1
        while j < n and (tokens[j].low in w["determiners"] or tokens[j].low in ("whom", "which")):
            j += 1
        # "six of the seven agencies": skip the second number
        while j < n and (tokens[j].text[0].isdigit() or tokens[j].low in cues()["number_words"]):
            j += 1
        of_phrase = _noun_phrase_right(tokens, j)
    if q.dimension == "currency":
        if k + 1 < n and tokens[k].low in ("in", "of", "for", "worth") and tokens[k + 1].low not in w["determiners"] | {"the"}:
            phrase = _noun_phrase_right(tokens, k + 1)
            if phrase and not _is_time_word(phrase):
                return phrase
        if k < n and (determiner_before or q.adjective) and _is_word(tokens[k]):
            phrase = _noun_phrase_right(tokens, k)
            if phrase:
                return phrase
        if k + 1 < n and tokens[k].low in ("in", "of", "for"):
            phrase = _noun_phrase_right(tokens, k + 1 + (tokens[k + 1].low in w["determiners"]))
            if phrase and not _is_time_word(phrase):
                return phrase
        return _noun_phrase_left(tokens, q.qual_start)
    if q.dimension == "percent":
        before = tokens[q.qual_start - 1].low if q.qual_start > 0 else ""
        if before in _SHARE_VERBS:
            # "drug-related killings represented roughly 17% of all homicides"
            phrase = _noun_phrase_left(tokens, q.qual_start)
            if phrase:
                return phrase
        if of_phrase:
            return of_phrase
        right = _noun_phrase_right(tokens, k) if k < n and _is_word(tokens[k]) else ""
        if right.split(" ")[0].lower() in _COMPARATIVES or right.lower() in ("range", "level", "mark", "threshold"):
            right = ""
        if determiner_before and right:
            return right
        return _noun_phrase_left(tokens, q.qual_start) or right
    if q.dimension == "count":
        if q.unit_text:  # "a two-person office"
            return q.unit_text if q.unit_text.endswith("s") else q.unit_text + "s"
        if of_phrase:
            return of_phrase
        phrase = _noun_phrase_right(tokens, k)
        if phrase and not _is_time_word(phrase):
            return phrase
        return _noun_phrase_left(tokens, q.qual_start)
    # measures: "5.8 tons of cocaine", "a 20-year sentence", "800 meters from"
    if of_phrase:
        return of_phrase
    if q.adjective and k < n and _is_word(tokens[k]):
        phrase = _noun_phrase_right(tokens, k)
        if phrase:
            return phrase
    left = _noun_phrase_left(tokens, q.qual_start)
    if not left and q.dimension in ("area", "mass", "volume", "length") and q.unit_text:
        # "they had eradicated 11,000 hectares" -> "hectares eradicated"
        j = q.qual_start - 1
        while j >= 0 and tokens[j].low in ("only", "just", "some", "about", "already", "also", "a", "total", "of"):
            j -= 1
        if j >= 0 and tokens[j].text.islower() and tokens[j].low.endswith("ed"):
            return f"{q.unit_text.lower()} {tokens[j].text}"
    return left


_COMPARATIVES = frozenset("more less fewer higher lower ahead above below up down over under behind greater smaller "
                          "larger bigger better worse".split())

_SHARE_VERBS = frozenset("represented represents represent accounted accounts account constituted constitutes "
                         "comprised comprises made makes up".split())


def _is_time_word(phrase: str) -> bool:
    first = phrase.split()[0].lower()
    return first in cues()["months"] or first in ("fy", "cy", "year", "years", "month", "months", "week", "weeks", "day",
                                                   "days", "today", "yesterday", "tomorrow", "time", "total", "all")


# -- speaker -------------------------------------------------------------------------------------

_ADVERBS = frozenset("also further then later separately previously repeatedly again recently publicly privately "
                     "reportedly clearly frankly openly emphatically flatly proudly candidly bluntly quickly "
                     "subsequently additionally specifically similarly privately, has have had".split())


def _subject_before(tokens: Sequence[Token], v: int) -> str:
    """The noun phrase that is the subject of the verb at index v."""
    w = _words()
    k = v - 1
    while k >= 0 and tokens[k].low in _ADVERBS:
        k -= 1
    parts: list[Token] = []
    while k >= 0 and len(parts) < 8:
        tok = tokens[k]
        if tok.low in w["pronouns"] and not parts:
            return tok.low
        if tok.low.rstrip(".") in cues()["months"] and not parts and k > 0 and tokens[k - 1].low in ("in", "on", "since", "during"):
            k -= 2  # "A report issued by Amnesty International in December noted"
            continue
        if tok.text[:1].isupper() or tok.low in w["speaker_role_nouns"] or tok.low in ("and", "of", "'s", "’s") \
                or (parts and tok.text.islower() and tok.text.isalpha() and parts[-1].low in w["speaker_role_nouns"]
                    and tok.low not in w["entity_stop_words"] and tok.low not in w["speech_verbs"]):
            if tok.low in ("and", "of") and not parts:
                break
            parts.append(tok)
            k -= 1
            continue
        if tok.low in w["pronouns"] and not parts:
            return tok.low
        break
    while parts and parts[-1].low in ("and", "of"):
        parts.pop()
    parts.reverse()
    while parts and parts[0].low in ("and", "of"):
        parts.pop(0)
    while parts and parts[0].low in w["determiners"] | {"the"}:
        parts.pop(0)
    if not parts:
        return ""
    if parts[0].low in ("it", "this", "there", "which", "that"):
        return ""
    return _strip_titles([t.text for t in parts])


def _strip_titles(words: list[str]) -> str:
    """'Attorney General Medina Mora' -> 'Medina Mora'; 'the Ambassador' stays 'Ambassador'."""
    titles = _words()["title_words"]
    run: list[str] = []
    for word in reversed(words):
        low = word.lower().rstrip(".")
        if word[:1].isupper() and low not in titles and not low.endswith(("'s", "’s", ",s")):
            run.append(word)
        elif low == "and" and run:
            run.append(word)
        else:
            break
    run.reverse()
    while run and run[0].lower() == "and":
        run.pop(0)
    if run and len(run) < len(words):
        return " ".join(run)
    return " ".join(words)


def _sentence_speaker(tokens: Sequence[Token], state: _SpeakerState) -> str:
    """Who the sentence attributes its statements to, updating the paragraph state."""
    w = _words()
    n = len(tokens)
    first = tokens[0].low if tokens else ""
    if first in ("comment", "we", "our"):
        state.speaker = ""
    # the person a later "he"/"she" refers to: a sentence-initial name
    subject = _initial_subject(tokens)
    found = ""
    for i, tok in enumerate(tokens):
        if tok.low == "according" and i + 1 < n and tokens[i + 1].low == "to":
            found = _phrase_after(tokens, i + 2)
            break
        if tok.low in w["speech_verbs"] and i > 0:
            subj = _subject_before(tokens, i)
            if tok.low in ("said", "says") and not subj and i + 1 < n and tokens[i + 1].text[:1].isupper():
                subj = _phrase_after(tokens, i + 1)
            if subj:
                found = subj
                break
    if subject and not state.person and not found:
        state.person = subject
    if found in ("he", "she", "they"):
        found = state.person or state.speaker
    elif found.lower() in cues()["self_speakers"]:
        found = ""  # the cable's authors assert it themselves
        state.speaker = ""
        state.person = ""
    if found:
        state.speaker = found
        if found[:1].isupper():
            state.person = found
    elif subject and not state.person:
        state.person = subject
    # a paragraph about one named person ("Garcia Luna began by outlining ...") is theirs
    return found or state.speaker or state.person


def _initial_subject(tokens: Sequence[Token]) -> str:
    parts: list[str] = []
    for tok in tokens[:6]:
        if tok.text[:1].isupper() and tok.text.isalpha() or tok.text in ("U.S.",):
            parts.append(tok.text)
        else:
            break
    if not parts or parts[0].lower() in ("the", "in", "on", "at", "after", "before", "during", "since", "while", "when",
                                         "comment", "summary", "however", "but", "and", "this", "that", "these", "a",
                                         "he", "she", "they", "we", "i", "it", "there", "if", "as", "for", "with", "by"):
        return ""
    if len(parts) == 1:
        return ""  # "Prices rose", "Few killings", "WFP delivered": one word is too often not a speaker
    return _strip_titles(parts)


def _phrase_after(tokens: Sequence[Token], k: int) -> str:
    w = _words()
    parts: list[str] = []
    n = len(tokens)
    while k < n and tokens[k].low in w["determiners"]:
        k += 1
    while k < n and len(parts) < 6:
        tok = tokens[k]
        if tok.text in (",", ".", ";", ":", "(", ")") or tok.low in w["speech_verbs"]:
            break
        if tok.low in ("that", "which", "who", "in", "on", "at", "for", "to", "from", "as", "is", "was", "are", "were"):
            break
        parts.append(tok.text)
        k += 1
    return _strip_titles(parts) if parts else ""


def _claim_speaker(tokens: Sequence[Token], q: Quantity, sentence_speaker: str, state: _SpeakerState) -> str:
    return sentence_speaker


# -- tables ------------------------------------------------------------------------------------------

@dataclass
class _TableContext:
    active: bool = False
    title: str = ""
    #: sources named after the table ("*Source: SEDENA", "**SEDENA statistics"), one per column
    sources: tuple[str, ...] = ()

    @classmethod
    def of(cls, paragraph: Paragraph) -> "_TableContext":
        text = paragraph.text
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


def _table_like(tokens: Sequence[Token]) -> bool:
    numbers = sum(1 for t in tokens if t.text[0].isdigit())
    lower = sum(1 for t in tokens if t.text.isalpha() and t.text.islower())
    return numbers >= 3 and lower <= numbers


def _table_excluded(tokens: Sequence[Token], q: Quantity) -> bool:
    """In a table, a figure in parentheses after a number is its share, not a new count."""
    if q.tok_start > 1 and tokens[q.tok_start - 1].text == "(" and tokens[q.tok_start - 2].text[0].isdigit() and q.unit == "count":
        return True
    return False


def _row_label(tokens: Sequence[Token], q: Quantity) -> tuple[str, int]:
    """Words right before a table figure (skipping earlier figures of the row),
    and the figure's column (figures in parentheses are shares, not columns)."""
    k = q.tok_start - 1
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
    parts: list[str] = []
    while k >= 0 and len(parts) < 3 and tokens[k].text[:1].isalpha() and tokens[k].low not in cues()["months"]:
        parts.append(tokens[k].text)
        k -= 1
    parts.reverse()
    return " ".join(parts), column
