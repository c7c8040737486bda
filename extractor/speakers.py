"""Speaker resolution: a claim attributed to a title or a description alone ("The
Minister said", "the Federation estimates") is published with the name the cable gave
it before ("Interior Minister Anibal Fernandez", "Rio de Janeiro Federation of
Industry"), as ANNOTATION.md asks: the speaker resolved through titles to the named
source as written.

Runs after the claim rules, over the whole cable. Where the claim's sentence was
parsed, the speaker is read from the tree first (:func:`parse_speaker`): the subject of
the reporting verb that governs the number, or the source after "according to"; the
rules' speaker (which carries a paragraph's speaker on and resolves pronouns) stands
where the tree names nobody. Then a title or description alone becomes the name: the
nearest capitalised run written before the claim's sentence that holds the speaker's
head word and a word that is not a title, role or source noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from .language import singular
from .model import Claim, Document
from .quantities import Token, cues, tokenize

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Token as ParsedToken

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


def surnames(sentences: Sequence[Sequence[Token]]) -> set[str]:
    """The last words of the full names written inside sentences ("met with Jerome Leonnet"
    → "Leonnet"): a sentence that later opens with "Leonnet" has a named subject, who a
    following "he said" refers to."""
    generic, (nobody, calendar) = _generic_words(), _nobody_words()
    out: set[str] = set()
    for tokens in sentences:
        j = 1  # a run that opens the sentence may be a capitalised common word ("The Minister")
        while j < len(tokens):
            end = j
            while end < len(tokens) and _capitalised(tokens[end]) and _is_word(tokens[end]):
                end += 1
            last = tokens[end - 1].low if end - j >= 2 else ""
            if len(last) > 2 and last not in generic and last not in nobody and last not in calendar \
                    and not tokens[end - 1].text.isupper():
                out.add(tokens[end - 1].text)
            j = end + 1
    return out


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


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(cues()["title_words"])


def strip_titles(words: list[str]) -> str:
    """'Attorney General Medina Mora' -> 'Medina Mora'; 'the Ambassador' stays 'Ambassador'."""
    run = _name_after_titles(words)
    return " ".join(run if run and len(run) < len(words) else words)


def _name_after_titles(words: list[str]) -> list[str]:
    """The capitalised words (not titles, not possessives, "and" inside) that end ``words``."""
    titles = _title_words()
    run: list[str] = []
    for word in reversed(words):
        low = word.lower().rstrip(".")
        if word[:1].isupper() and low not in titles and not low.endswith(("'s", "’s", ",s")) or low == "and" and run:
            run.append(word)
        else:
            break
    run.reverse()
    while run and run[0].lower() == "and":
        run.pop(0)
    return run


# -- the speaker in the parse tree ------------------------------------------------------------

#: modifiers that belong to a speaker's name ("Mexico's Economy Secretariat", "UN monitors")
_NAME_PARTS = frozenset({"compound", "amod", "nmod", "nummod", "poss", "case", "flat"})
#: a prepositional phrase that says who the speaker is ("CEO of Petrobras Biofuels",
#: "Analysts at the Federation", "a representative from the ANP"), up to _PP_TOKENS tokens
_NAME_PREPOSITIONS = frozenset({"of", "from", "at", "in", "for", "with"})
_PP_TOKENS = 9
_MAX_SPEAKER_WORDS = 10
#: a source noun hands the attribution to who made it ("a 2008 study by the Rocco Chinnici
#: Foundation", "a poll from Management and Fit")
_MAKER_PREPOSITIONS = frozenset({"by", "of", "from"})
_BARE_ARTICLES = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@lru_cache(maxsize=1)
def _tree_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Reporting verbs (claims.json's speech verbs and participles), the documents whose
    maker is the source, and the cable's own voices."""
    c = cues()
    verbs = frozenset(c["speech_verbs"]) | frozenset(c["speech_participles"]) | frozenset(c["tree_speech_verbs"])
    return verbs, frozenset(c["made_sources"]), frozenset(c["self_speakers"])


def _object_of(preposition: "ParsedToken") -> "ParsedToken | None":
    return next((g for g in preposition.children if g.dep_ == "pobj"), None)


def _speaker_tokens(head: "ParsedToken", phrases: bool = True) -> list["ParsedToken"]:
    """The head's name parts, a short prepositional phrase after it (unless ``phrases`` is
    false), an acronym in brackets."""
    out = [head]
    doc = head.doc
    for child in head.children:
        if child.dep_ in _NAME_PARTS:
            out.extend(child.subtree)
        elif phrases and child.dep_ == "prep" and child.i > head.i and child.lower_ in _NAME_PREPOSITIONS \
                and len(list(child.subtree)) <= _PP_TOKENS:
            out.extend(child.subtree)
        elif child.dep_ == "appos" and child.i == head.i + 2 and doc[head.i + 1].text == "(":
            out.extend(doc[head.i + 1:child.i + 2])  # "The International Energy Agency (IEA)"
    return out


def _speaker_phrase(head: "ParsedToken") -> str:
    """The speaker as written: its name with its parts, conjuncts included ("Opposition parties
    and defeated candidates"), less a leading article; without its prepositional phrases when
    they make it long ("statistics for the first three quarters of 2009")."""
    for phrases in (True, False):
        tokens = _speaker_tokens(head, phrases)
        for conjunct in (c for c in head.children if c.dep_ == "conj"):
            tokens += _speaker_tokens(conjunct, phrases) + [c for c in head.children if c.dep_ == "cc"]
        first, last = min(t.i for t in tokens), max(t.i for t in tokens)
        if head.doc[first].dep_ == "det" and first < last:
            first += 1
        text = head.doc[first:last + 1].text
        if len(text.split()) <= _MAX_SPEAKER_WORDS:
            return text
    return head.text


def _maker(source: "ParsedToken") -> "ParsedToken":
    """Who made a study, poll or report: the noun after "by/of/from", or the agent of "compiled by"."""
    if source.lower_ not in _tree_cues()[1]:
        return source
    for child in source.children:
        if child.dep_ == "prep" and child.lower_ in _MAKER_PREPOSITIONS:
            found = _object_of(child)
            if found is not None and found.pos_ in ("PROPN", "NOUN"):
                return found
        if child.dep_ == "acl":  # "a report ... compiled by the Dutch government"
            agent = next((a for a in child.children if a.dep_ == "agent"), None)
            found = _object_of(agent) if agent is not None else None
            if found is not None:
                return found
    return source


def _subject_of(verb: "ParsedToken") -> "ParsedToken | None":
    """The verb's subject; a passive's agent ("was reported by X"), None without one; for
    "..., noting that" or a second verb ("has stuck to ... and claimed"), the subject of the
    verb it hangs from."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            return child
        if child.dep_ == "nsubjpass":  # who reported it, if the passive says: "was reported by X"
            agent = next((a for a in verb.children if a.dep_ == "agent"), None)
            return _object_of(agent) if agent is not None else None
    if verb.head is verb:
        return None
    if verb.dep_ == "conj" or verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
        return _subject_of(verb.head)
    return None


def _according_to(parsed: "Doc") -> "ParsedToken | None":
    for t in parsed:
        if t.lower_ == "according" and t.i + 1 < len(parsed) and parsed[t.i + 1].lower_ == "to":
            return _object_of(parsed[t.i + 1])
    return None


def _reporting_verbs(anchor: "ParsedToken") -> list["ParsedToken"]:
    """The reporting verbs that govern the number, nearest first: its ancestors, then one set
    in the clause as an aside ("75 percent of the votes, they said, went to ...")."""
    verbs = _tree_cues()[0]
    chain = [anchor, *anchor.ancestors]
    found = [a for below, a in zip(chain, chain[1:]) if a.lower_ in verbs and a.pos_ in ("VERB", "AUX")
             and not _reports_nothing(a, below)]
    return found + [t for t in anchor.doc if t.lower_ in verbs and t.pos_ == "VERB" and t.dep_ == "parataxis"
                    and t.head in chain]


def _reports_nothing(verb: "ParsedToken", below: "ParsedToken") -> bool:
    """The verb does not report the number: a second action of its subject holds it ("declared
    Husan a closed zone and arrested twelve activists"; a clause with its own subject, "told us
    that ..., but the leadership was reluctant to commit 20", is often still what is told), or
    the number is what was found ("police found 106 kilos"; a study, poll or survey that finds
    a figure reports it)."""
    if below.dep_ == "conj" and below.pos_ in ("VERB", "AUX") \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in below.children):
        return True
    if verb.lower_ not in cues()["finding_verbs"] or below.dep_ != "dobj":
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is None or subject.lower_ not in _tree_cues()[1]


def _source_subject(subject: "ParsedToken") -> bool:
    """A subject that can be a source: not a pronoun or quantifier, not itself a figure."""
    return subject.lower_ not in cues()["not_source_subjects"] and subject.pos_ not in ("NUM", "DET") \
        and not subject.like_num and subject.lower_ not in ("percent", "%")  # "only 1 percent of respondents cited"


def _governing_subject(anchor: "ParsedToken") -> "ParsedToken | None":
    """The subject of the nearest governing reporting verb that has one: an agentless passive
    ("WFP staff report that ... it is estimated that 52,000 tons") hands on to the next, and so
    do the people counted who say something ("40 percent of respondents saying", under "a poll
    showed"); when no verb above them has a subject, the counted people are the subject."""
    counted = None
    for verb in _reporting_verbs(anchor):
        subject = _subject_of(verb)
        if subject is None:
            continue
        if _counts_subject(anchor, subject):
            counted = counted or subject
            continue
        return None if _misread_apposition(subject, verb) else subject
    return counted or _according_to(anchor.doc)


def _counts_subject(anchor: "ParsedToken", subject: "ParsedToken") -> bool:
    return anchor == subject or anchor.head == subject and anchor.dep_ == "nummod"


def _misread_apposition(subject: "ParsedToken", verb: "ParsedToken") -> bool:
    """"World Food Program (WFP) staff report": an "apposition" that runs into the verb with no
    comma is one noun phrase the parser cut in two (the rules read it whole: "WFP staff")."""
    return any(c.dep_ == "appos" and c.i == verb.i - 1 for c in subject.children)


def _rules_decide(phrase: str) -> bool:
    """Speakers the rules resolve better: a possessive pronoun's owner ("Their local
    representative"), a bare title's holder ("The Public Security Secretary": the title map)."""
    words = [w.lower().rstrip(".") for w in phrase.split() if w.lower() not in ("the", "of", "for", "and")]
    titles = _title_words()
    owners = cues()["possessive_pronouns"]
    return not words or words[0] in owners or words[0] in ("our", "my") or all(w in titles for w in words)


def parse_speaker(claim: Claim, parsed: "Doc") -> str | None:
    """Who the parse says asserts ``claim``: the subject of the reporting verb that governs its
    number, else the source after "according to"; "" for the cable's own voice ("Embassy
    estimates"); None when the tree names nobody or the rules know better (a pronoun, a bare
    title, no reporting verb)."""
    from .parse import head_of

    anchor = head_of(parsed, claim.start, claim.end)
    if anchor is None:
        return None
    subject = _governing_subject(anchor)
    if subject is None or not _source_subject(subject):
        return None
    if _counts_subject(anchor, subject):
        return ""  # "All three GOM officials outlined": the cable counts the speakers themselves
    source = _named_in_apposition(_maker(subject))
    phrase = _speaker_phrase(source)
    if phrase.lower() in _tree_cues()[2]:
        return ""
    if _rules_decide(phrase) or not _names_someone(source):
        return None
    return _without_titles(phrase)


def _named_in_apposition(source: "ParsedToken") -> "ParsedToken":
    """"the national polling firm Emnid": the name that a description introduces."""
    if source.pos_ == "PROPN":
        return source
    return next((c for c in source.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c.i > source.i), source)


def _without_titles(phrase: str) -> str:
    """"Foreign Minister Falconi" -> "Falconi", as the rules write a titled name; a phrase that
    is more than a title and a name ("Valeriy Solovei of the Gorbachev Foundation", "Charge and
    Castorino") stays whole."""
    words = phrase.split()
    if words[0].lower().rstrip(".") not in _title_words() or {"of", "and", "from", "at", "in"} & {w.lower() for w in words}:
        return phrase
    return strip_titles(words)


def _names_someone(head: "ParsedToken") -> bool:
    """A name ("Mitofsky poll", "an IDB consultant"), a word for people or sources ("analysts",
    "the industry") or a document said whose it is; not "the report" alone, nor "the
    factories" of a misread clause: the rules, which read the paragraph, decide those."""
    heads = [head, *(c for c in head.children if c.dep_ == "conj")]
    if any(t.pos_ == "PROPN" or t.text[:1].isupper() and t.i > 0 for h in heads for t in _speaker_tokens(h)):
        return True
    c = cues()
    if head.lower_ in _tree_cues()[1]:
        # "police reports", "most pre-election polls", "some forecasts"; not "the report" alone
        return any(c.dep_ in _NAME_PARTS or c.dep_ == "det" and c.lower_ not in _BARE_ARTICLES for c in head.children)
    return head.lower_ in c["speaker_role_nouns"] or head.lower_ in c["source_nouns"]


def resolve_speakers(claims: Sequence[Claim], doc: Document,
                     parses: "Mapping[str, Doc] | None" = None) -> list[Claim]:
    """``claims`` with the speaker the parse names (``parses``: by sentence text), each
    title-only speaker replaced by the name it stands for, and the speakers that name nobody
    removed."""
    parses = parses or {}
    claims = [_with_parse_speaker(c, parses.get(c.sentence)) for c in claims]
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


def _with_parse_speaker(claim: Claim, parsed: "Doc | None") -> Claim:
    found = parse_speaker(claim, parsed) if parsed is not None else None
    return claim if found is None or found == claim.speaker else replace(claim, speaker=found)
