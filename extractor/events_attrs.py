"""Who and where of an event mention: actors, location and the summary line.

Actors are the trigger's arguments in the parse where the sentence has one (its
subject, objects, "with/by/between" phrases, a noun trigger's possessor), else the
capitalised word sequences and acronyms of the sentence (titles stripped);
"to/in/at <Capitalised>" after the trigger or a listed country/capital is the location.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

from .events_lexicon import lexicon
from .language import singular

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# a capitalised name: words starting upper case, joined by spaces or name particles
_NAME = re.compile(
    r"(?<![\w'’./-])(?:[A-Z][\w'’.-]*|[A-Z]\.)(?:(?:\s+|\s*-\s*)(?:(?:de|del|la|de la|y|van|von|bin|al|of|the)\s+)?"
    r"(?:[A-Z][\w'’.-]*|[A-Z]\.))*"
)
_UPPER = re.compile(r"[A-Z]")
_VOWELS = re.compile(r"[AEIOU]")
#: "PRESIDENT CHAVEZ", "MINISTER OF DEFENSE URIBE": the capitals after a title are a name
_CAPS_TITLE_BEFORE = re.compile(r"\b(?:PRESIDENT|MINISTER|AMBASSADOR|SECRETARY|GENERAL|GOVERNOR|SENATOR|MAYOR|DIRECTOR|"
                                r"COMMANDER|CHIEF|JUDGE|PROSECUTOR|DEPUTY|MR\.|MRS\.|MS\.|DR\.|GEN\.|COL\.)\s+$")
_LOWER = re.compile(r"[a-z]")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z/&-]{1,9}(?![\w-])")
_POSSESSIVE = re.compile(r"(?:['’],?s|,s|['’])$")
_LOCATION_AFTER = re.compile(
    r"^(?:[\w'’,-]+\s+){0,6}?(?:to|in|at|near|into)\s+((?:the\s+)?(?:[A-Z][\w'’.-]*)(?:\s+(?:de\s+|del\s+)?[A-Z][\w'’.-]*){0,3})"
)


@lru_cache(maxsize=1024)  # asked of the same sentence by the trigger, actor and place checks
def mostly_upper(text: str) -> bool:
    """True for all-caps text (headings, old cables), where capitals say nothing."""
    upper = len(_UPPER.findall(text))
    lower = len(_LOWER.findall(text))
    return upper + lower > 0 and upper > 0.6 * (upper + lower)


_TRAILING_LINKS = frozenset({"the", "of", "de", "del", "la", "y", "and", "van", "von", "al", "bin"})
#: "XXXXXXXXXXXX": a name the cable's release redacted
_REDACTED = re.compile(r"X{4,}")
_ADJECTIVE_COMPOUND = re.compile(r"[A-Z][\w'’]*-[a-z][\w-]*")
#: a label opening a sentence ("(Comment: ", "-- ", "SUMMARY: "): the next capital is sentence-initial
_OPENING = re.compile(r"^[\W_]*(?:(?:[A-Z][\w/]*\s+){0,3}[A-Za-z]+\s*:\s*[\W_]*)?$")


@lru_cache(maxsize=4096)  # the same names recur through a cable
def _clean_name(name: str, initial: bool = False) -> str:
    """The name without its titles, possessive and edge words; "" when what is left names nobody."""
    stripped = _without_titles(_POSSESSIVE.sub("", name.strip(" ,.;:-")))
    if stripped is None:
        return ""
    # "U/S for Political Affairs R. Nicholas Burns": the office before the person
    stripped = re.sub(r"^(?:[A-Z][\w-]*\s+){1,3}?(?:Affairs|Relations)\s+(?=[A-Z][\w.]*\s+[A-Z])", "", stripped)
    stripped = _without_edge_words(stripped, initial)
    return "" if any(check(stripped) for _name, check in NOT_A_NAME) else stripped


def _without_titles(name: str) -> str | None:
    """Leading titles stripped repeatedly ("Deputy Secretary Negroponte"); None when an office
    is all there is ("Secretary of Public Security")."""
    lex = lexicon()
    while name:
        m = lex.titles.match(name)
        if not (m and m.end() < len(name) and name[m.end()] in " \t"):
            return name
        name = name[m.end():].strip()
        if name.startswith("of "):
            office = lex.offices.match(name)
            if not office:
                return None
            name = name[office.end():]
    return name


#: a preposition opening a sentence before "the" and a name ("At the Roundtable, ...") is no part of it
_OPENING_PREPOSITIONS = frozenset({"at", "in", "on", "for", "from", "with", "by", "during", "after", "before", "since",
                                   "under", "among", "following", "despite"})


def _without_edge_words(name: str, initial: bool) -> str:
    lex = lexicon()
    words = name.split()
    while words and (words[0] in lex.actor_stopwords or words[0] in lex.months
                     or (initial and words[0].endswith("ing"))) and len(words) > 1 \
            and (words[1][:1].isupper() or words[1] == "the" and words[0].lower() in _OPENING_PREPOSITIONS):
        words.pop(0)  # "Following the October ...", "Noting VMRO-DPMNE", "At the Roundtable"
        initial = False
        while len(words) > 1 and words[0] == "the":
            words.pop(0)
    while words and (words[-1] in lex.months or words[-1] in _TRAILING_LINKS):
        words.pop()  # "Following the" once "October" is gone
    return " ".join(words)


def _a_common_word(name: str) -> bool:
    lex = lexicon()
    return not name or name in lex.actor_stopwords or name in lex.months or bool(lex.titles.fullmatch(name))


def _no_word(name: str) -> bool:
    return len(name) < 2 or not any(c.isalpha() for c in name) or bool(_REDACTED.search(name))


def _a_demonym(name: str) -> bool:
    # "Arab", "Colombians", "Lebanese-organized", "Gaza-related"
    demonyms = lexicon().demonyms
    return name in demonyms or singular(name) in demonyms or bool(_ADJECTIVE_COMPOUND.fullmatch(name))


#: what a cleaned name may turn out to be instead of a name (any of them: no name)
NOT_A_NAME: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("common_word", _a_common_word),
    ("no_word", _no_word),
    ("demonym", _a_demonym),
)


#: "in Istanbul", "at Phnom Penh": the capitalised words after name a place
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|into|outside|throughout|across|via)\s+(?:the\s+)?$")


def _split_at_titles(raw: str) -> list[tuple[str, int]]:
    """"SSP Secretary Garcia Luna" → ["SSP", "Secretary Garcia Luna"]."""
    lex = lexicon()
    pieces, last = [], 0
    for m in lex.titles.finditer(raw):
        if m.start() > last and raw[last:m.start()].strip():
            pieces.append((raw[last:m.start()], last))
            last = m.start()
    pieces.append((raw[last:], last))
    return pieces


def find_actors(sentence: str) -> list[str]:
    """Names as written, without titles, in order of appearance."""
    return list(_actors_of(sentence))


@lru_cache(maxsize=256)  # every mention of a sentence asks for the same actors
def _actors_of(sentence: str) -> tuple[str, ...]:  # (the rules' reading, without a parse)
    label = lexicon().label.match(sentence)
    if label is not None:
        sentence = " " * label.end() + sentence[label.end():]  # "Summary and Introduction: ..." names nobody
    found: list[str] = []
    for raw, at in _name_candidates(sentence):
        name = _actor_name(sentence, raw, at)
        if name and name not in found:
            found.append(name)
    # drop a bare surname already given in full ("Garcia Luna" after "Genaro Garcia Luna")
    return tuple([a for a in found if not any(a != b and b.endswith(" " + a) for b in found)][:8])


def _name_candidates(sentence: str) -> list[tuple[str, int]]:
    """(text, offset) of the capitalised runs that may name someone."""
    if not mostly_upper(sentence):
        return [(piece, m.start() + offset) for m in _NAME.finditer(sentence)
                for piece, offset in _split_at_titles(m.group())]
    # capitals say nothing here: an acronym is short with few vowels ("GOM", "FARC", "DHS"), a name follows a title
    lex = lexicon()
    return [(m.group(), m.start()) for m in _ACRONYM.finditer(sentence)
            if m.group() not in lex.caps_stopwords and m.group() not in lex.actor_stopwords
            and _acronym_or_after_title(sentence, m.group(), m.start())]


def _acronym_or_after_title(sentence: str, token: str, at: int) -> bool:
    return len(token) <= 5 and len(_VOWELS.findall(token)) <= 1 or "/" in token or "-" in token \
        or bool(_CAPS_TITLE_BEFORE.search(sentence, max(0, at - 30), at))


def _actor_name(sentence: str, raw: str, at: int) -> str:
    """The name a candidate gives, or "" when it names no participant."""
    if not raw.strip()[:1].isupper():
        return ""
    initial = bool(_OPENING.match(sentence[:at]))
    if _capital_naming_nobody(raw, initial) or _place_after_preposition(sentence, raw, at):
        return ""
    name = _clean_name(raw, initial)
    if not name or _place_or_happening(name):
        return ""
    return name


def _capital_naming_nobody(raw: str, initial: bool) -> bool:
    # "Nevertheless, ...", "(Comment: Reflecting ...", "WILL"
    return " " not in raw.strip() and (raw.upper() in lexicon().caps_stopwords or (initial and not raw.isupper()))


def _place_after_preposition(sentence: str, raw: str, at: int) -> bool:
    # "arrested in Istanbul": a place, not a participant
    return not raw.isupper() and bool(_PLACE_BEFORE.search(sentence, max(0, at - 12), at)) \
        and not any(w in lexicon().name_heads for w in raw.split())


def _place_or_happening(name: str) -> bool:
    # "Operation 8Tamara8", "-- Extradition": the happening, not a participant
    return (bool(lexicon().places.fullmatch(name)) and not name.isupper()) \
        or (" " not in name and _is_trigger_word(name))


def _is_trigger_word(word: str) -> bool:
    """A word some trigger form matches whole ("Extradition"); only the forms that can
    begin with its first letters are tried."""
    return any(pattern.fullmatch(word) for _kind, _is_verb, pattern in lexicon().triggers_at(word))


def _plausible_place(place: str) -> bool:
    """Not "USD", "GSE", "Suppressing Illicit Maritime", "National Security Adviser Carles", "Arabic"."""
    lex = lexicon()
    first = place.split()[0]
    if place in lex.actor_stopwords or place in lex.months or place in lex.demonyms or lex.titles.match(place):
        return False
    if place.isupper() and not lex.places.fullmatch(place):
        return False  # an acronym names a body, not a place
    return not first.endswith("ing") and not _REDACTED.search(place)


def find_location(sentence: str, trigger_end: int) -> str:
    """Where the event happens: "to/in/at <Capitalised>" soon after the trigger,
    else a listed place after the trigger, else a listed place anywhere."""
    lex = lexicon()
    after = sentence[trigger_end:trigger_end + 80]
    if not mostly_upper(sentence):
        m = _LOCATION_AFTER.match(after.lstrip())
        if m:
            place = re.sub(r"^the\s+", "", m.group(1))
            place = _POSSESSIVE.sub("", place).strip(" ,.")
            words = place.split()
            while words and words[-1] in lex.months:
                words.pop()
            place = " ".join(words)
            if place and _plausible_place(place) and not re.search(r"\baccording\s+to\s+$", m.string[:m.start(1)]):
                return place
    for m in lex.places.finditer(after):
        if _ADJECTIVAL_PLACE_BEFORE.search(after, 0, m.start()) and _ADJECTIVAL_PLACE_AFTER.match(after, m.end()):
            continue  # "to discuss the U.S. presence": the place names a thing, not where
        return m.group()
    return ""


#: "the U.S. presence", "the Mexico office": a place premodifying a noun
_ADJECTIVE_PLACE_FUNCTION_WORDS = (r"and|or|in|on|at|to|for|from|with|by|of|next|last|this|that|during|since|until|before|"
                                   r"after|when|where|which|who|as|but|is|was|were|are|has|had|have|will|would|said|says|"
                                   r"and|earlier|later|today|yesterday|tomorrow|soon")
_ADJECTIVAL_PLACE_BEFORE = re.compile(r"\bthe\s+$")
_ADJECTIVAL_PLACE_AFTER = re.compile(rf"\s+(?!(?:{_ADJECTIVE_PLACE_FUNCTION_WORDS})\b)[a-z]")


def visit_object(sentence: str, trigger_end: int) -> str:
    """ "visited Bangladesh", "toured the Binational Center": the place a visit verb names."""
    m = re.match(r"\s+(?:the\s+)?([A-Z][\w'’.-]*(?:\s+(?:de\s+|del\s+)?[A-Z][\w'’.-]*){0,3})", sentence[trigger_end:trigger_end + 60])
    if m is None or mostly_upper(sentence):
        return ""
    place = _POSSESSIVE.sub("", m.group(1)).strip(" ,.")
    return place if _plausible_place(place) else ""


#: "of 5.8 tons of cocaine", "of Aleksandr Litvinenko": the object of a nominalised trigger, up to a clause word
_NOUN_PHRASE_AFTER = re.compile(
    r"^\s+of\s+((?:[\w.,$%'’-]+\s+){0,5}?[\w$%'’-]+(?:\.(?=\w))?[\w.$%'’-]*?)"
    r"(?=\s*[;:()]|,(?:\s|$)|(?<!\.[A-Z])\.(?:\s|$)|\s+(?:in|on|at|from|by|which|that|who|and|to|for|during|with|had|has|have|"
    r"was|were|is|are|will|would|could|may|might|after|before|while|as|near|because|since|but|or|under|amid|over|when|"
    r"where|last|next|this|earlier|later|yesterday|today|tomorrow|ago|early|late)\b|$)")
#: the direct object of a verb trigger ("seized 836 kilos of cocaine", "arrested 17 members of a ring")
_OBJECT_PHRASE = re.compile(
    r"^\s+((?:(?:\d[\d,.]*|a|an|the|his|her|their|its|over|more than|nearly|about|some|approximately|at least|two|three|"
    r"four|five|six|seven|eight|nine|ten|several|dozens of|hundreds of)\s+)(?:(?:\d[\d,.]*\d|[\w.'’-]+)\s+){0,4}?[\w'’-]+)"
    r"(?=\s*[;:()]|,(?:\s|$)|(?<!\.[A-Z])\.(?:\s|$)|\s+(?:in|on|at|from|by|which|that|who|and|to|for|during|with|after|"
    r"before|while|as|near|because|since|but|or|under|amid|when|where|last|next|this|earlier|later|yesterday|today|"
    r"ago|early|late)\b|$)")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", re.I)
_BY_AFTER = re.compile(r"^(?:\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)?\s+(?:by|of)\s+(?=(?:the\s+)?[A-Z])([^,;:()]{0,80})")
#: nominalised labels for verb triggers, by the start of the verb
_VERB_NOUNS = (("kill", "Killing"), ("murder", "Murder"), ("assassinat", "Assassination"), ("attack", "Attack"),
               ("ambush", "Ambush"), ("bomb", "Bombing"), ("massacr", "Massacre"), ("behead", "Beheading"),
               ("execut", "Execution"), ("shot", "Shooting"), ("fired", "Shooting"), ("kidnap", "Kidnapping"),
               ("abduct", "Abduction"), ("clash", "Clash"), ("indict", "Indictment"), ("convict", "Conviction"),
               ("sentenc", "Sentencing"), ("acquit", "Acquittal"), ("ruled", "Ruling"), ("quash", "Quashing"),
               ("overturn", "Overturning"), ("pardon", "Pardon"), ("prosecut", "Prosecution"), ("releas", "Release"),
               ("elect", "Election"), ("re-elect", "Re-election"), ("reelect", "Re-election"), ("vot", "Vote"),
               ("inaugurat", "Inauguration"), ("nominat", "Nomination"), ("sign", "Signing"), ("ratif", "Ratification"),
               ("approv", "Approval"), ("pass", "Passage"), ("adopt", "Adoption"), ("enact", "Enactment"),
               ("deport", "Deportation"), ("repatriat", "Repatriation"), ("expel", "Expulsion"), ("deploy", "Deployment"),
               ("raid", "Raid"), ("intercept", "Interception"), ("confiscat", "Confiscation"), ("agreed", "Agreement"),
               ("seiz", "Seizure"), ("arrest", "Arrest"), ("apprehend", "Arrest"), ("detain", "Detention"),
               ("captur", "Capture"), ("extradit", "Extradition"), ("sprayed", "Spraying"))
#: "Ambassador visited": a bare title is the subject
_TITLE_SUBJECT = re.compile(r"\b(?:[Tt]he\s+)?(?!The\b)([A-Z][\w/.-]*(?:\s+[A-Z][\w/.-]*)?)\s+(?:\w+ly\s+|then\s+|also\s+|later\s+)?$")
#: "the Iraq elections", "Lebanon's June 7 parliamentary elections": what the election is for
_ELECTION_WORD = re.compile(r"[A-Z][A-Za-z-]+|[a-z-]*(?:al|ary|ic|ive|term|wide)")


def _label(kind: str, trigger: str, is_noun: bool) -> str:
    word = trigger.strip()
    if is_noun:
        return word[:1].upper() + word[1:] if not word.isupper() else word.capitalize()
    low = word.lower()
    for stem, noun in _VERB_NOUNS:
        if low.startswith(stem):
            return noun
    return {"legal": "Legal action", "seizure": "Seizure", "arrest": "Arrest", "extradition": "Extradition",
            "operation": "Operation", "agreement": "Agreement", "violence": "Attack", "election": "Election"}.get(
        kind, kind.capitalize())


def _nearest_before(sentence: str, trigger_start: int, actors: list[str]) -> str:
    best, best_at = "", -1
    for actor in actors:
        at = sentence.rfind(actor, 0, max(0, trigger_start))
        if at > best_at:
            best, best_at = actor, at
    return best


def _title_subject(sentence: str, trigger_start: int) -> str:
    """ "Ambassador visited", "the Political Counselor met": a bare title as the subject."""
    m = _TITLE_SUBJECT.search(sentence, max(0, trigger_start - 40), max(0, trigger_start))
    if m is None:
        return ""
    title = m.group(1)
    return title if lexicon().titles.fullmatch(title) or lexicon().titles.fullmatch(title.split()[-1]) else ""


def _first_after(sentence: str, trigger_end: int, actors: list[str], skip: str = "") -> str:
    best, best_at = "", len(sentence) + 1
    skip_last = skip.split()[-1].lower() if skip else ""
    for actor in actors:
        at = sentence.find(actor, trigger_end)
        if actor != skip and actor.split()[-1].lower() != skip_last and 0 <= at < best_at:
            best, best_at = actor, at
    return best


def make_summary(kind: str, trigger: str, sentence: str, trigger_end: int,
                 actors: list[str], location: str, trigger_start: int = -1, is_verb: bool | None = None) -> str:
    """One readable line: "Chertoff visits Mexico", "Meeting: Negroponte with Ramirez Acuna",
    "Seizure of 5.8 tons of cocaine", "Murder of Aleksandr Litvinenko"."""
    if trigger_start < 0:
        trigger_start = max(0, trigger_end - len(trigger))
    m = _Summarized(kind, trigger, sentence, trigger_start, trigger_end, [a for a in actors if a != location],
                    location, is_verb)
    if kind in ("visit", "delegation"):
        return _travel_summary(m)
    if kind == "meeting":
        return _meeting_summary(m)
    if kind == "election" and not is_verb:
        return _election_summary(m)
    line = next(line for _name, make in SUMMARY_LINES for line in [make(m)] if line)
    return f"{line} in {location}" if location and location not in line else line


@dataclass
class _Summarized:
    """A mention as its summary line reads it."""

    kind: str
    trigger: str
    sentence: str
    trigger_start: int
    trigger_end: int
    #: the actors other than the location
    people: list[str]
    location: str
    is_verb: bool | None  # None: unknown (then guessed from the form)

    @property
    def after(self) -> str:
        return self.sentence[self.trigger_end:self.trigger_end + 120]

    @property
    def is_noun(self) -> bool:
        return not self.is_verb if self.is_verb is not None else not self.trigger.lower().endswith(("ed", "ing"))

    @property
    def label(self) -> str:
        return _label(self.kind, self.trigger, self.is_noun)

    def nearest_before(self, people: list[str] | None = None) -> str:
        return _nearest_before(self.sentence, self.trigger_start, self.people if people is None else people)


def _traveller(m: _Summarized) -> str:
    """Who travels: "visit by X", "visiting X", the subject before the trigger, a bare title."""
    by = _BY_AFTER.match(m.after)
    by_name = next(iter(find_actors(by.group(1))), "") if by else ""
    visiting = _first_after(m.sentence, m.trigger_end, m.people) if m.trigger.lower() == "visiting" else ""
    return by_name or visiting or _travelling_subject(m) or _title_subject(m.sentence, m.trigger_start) \
        or next((a for a in m.people if m.sentence.find(a) < 0), "")  # a name merged in from another mention


def _travelling_subject(m: _Summarized) -> str:
    before = m.nearest_before()
    if before and m.is_verb is False:
        # "briefed Buckovski on the upcoming visit", "met with GOM officials during a visit": objects, not the traveller
        subjects = [a for a in m.people if 0 <= m.sentence.find(a) < m.trigger_start and not re.search(
            r"\b(?:[a-z]+ed|told|with|to)\s+(?:[A-Z][\w./-]*\s+)*$", m.sentence[:m.sentence.find(a)])]
        return m.nearest_before(subjects)
    return before


def _travel_summary(m: _Summarized) -> str:
    who = _traveller(m)
    if m.kind == "delegation":
        line = f"Delegation: {who}" if who else "Delegation"
        return f"{line} to {m.location}" if m.location else line
    if who and m.location:
        return f"{who} visits {m.location}"
    return f"Visit by {who}" if who else (f"Visit to {m.location}" if m.location else "Visit")


def _meeting_summary(m: _Summarized) -> str:
    host = m.nearest_before() or _title_subject(m.sentence, m.trigger_start) or (m.people[0] if m.people else "")
    # the first name after the trigger, else any other name of the sentence
    guest = _first_after(m.sentence, m.trigger_end, m.people, skip=host) \
        or next((a for a in m.people if a not in (host, "")), "")
    if host and guest:
        return f"Meeting: {host} with {guest}"
    return f"Meeting: {host}" if host else "Meeting"


def _election_summary(m: _Summarized) -> str:
    """ "Presidential elections in Ukraine": the words naming the election come along."""
    kinds: list[str] = []
    for word in reversed(m.sentence[:m.trigger_start].split()[-2:]):
        if not _ELECTION_WORD.fullmatch(word) or word in lexicon().actor_stopwords or word in lexicon().months:
            break
        kinds.insert(0, word)
    line = " ".join(kinds + [m.trigger.lower()])
    line = line[:1].upper() + line[1:]
    return f"{line} in {m.location}" if m.location and m.location not in line else line


def _of_noun_phrase(m: _Summarized) -> str:
    # "Seizure of 5.8 tons of cocaine"
    phrase = _NOUN_PHRASE_AFTER.match(m.after) if m.is_noun else None
    return f"{m.label} of {phrase.group(1)}" if phrase else ""


def _of_object(m: _Summarized) -> str:
    obj = None if m.is_noun else _OBJECT_PHRASE.match(m.after)
    return f"{m.label} of {obj.group(1)}" if obj and m.kind != "election" else ""


def _of_passive_subject(m: _Summarized) -> str:
    # "Rose Kabuye ... was arrested"
    if m.is_noun or not _PASSIVE_BEFORE.search(m.sentence[max(0, m.trigger_start - 30):m.trigger_start]):
        return ""
    subject = m.nearest_before()
    return f"{m.label} of {subject}" if subject else ""


_INSTRUMENT = re.compile(r"\b(?:Agreement|Accord|Treaty|Convention|Law|Act|Protocol|MOU|Memorandum|Initiative|Plan)\b")


def _instrument_name(m: _Summarized) -> str:
    # "the Merida Initiative": an agreement is named by its instrument
    return next((a for a in m.people if _INSTRUMENT.search(a)), "") if m.kind == "agreement" else ""


def _label_with_actor(m: _Summarized) -> str:
    return f"{m.label}: {m.nearest_before() or m.people[0]}" if m.people else ""


#: how the line of an event of another type is made, in order (the first that gives one wins)
SUMMARY_LINES: tuple[tuple[str, Callable[[_Summarized], str]], ...] = (
    ("of_noun_phrase", _of_noun_phrase),
    ("of_object", _of_object),
    ("of_passive_subject", _of_passive_subject),
    ("instrument_name", _instrument_name),
    ("label_with_actor", _label_with_actor),
    ("label", lambda m: m.label),
)


# -- actors from the parse ------------------------------------------------------------

#: relations of a trigger's children that name who takes part, and the prepositions whose
#: objects do ("met with", "a visit by", "talks between", "the arrest of")
_ARGUMENT_RELATIONS = frozenset({"nsubj", "nsubjpass", "dobj", "poss", "dative"})
_ARGUMENT_PREPOSITIONS = frozenset({"with", "by", "between", "among", "of", "from"})
#: the parts of a name the phrase keeps ("Foreign Minister Miguel Angel Moratinos", "Spanish counterparts")
_NAME_RELATIONS = frozenset({"compound", "flat", "amod", "nmod"})
#: a noun trigger that is what these verbs do ("held talks", "paid a visit"): their subject takes part
_SUPPORT_RELATIONS = frozenset({"dobj", "nsubjpass", "attr"})


def parse_actors(parsed: "Doc", start: int, end: int) -> list[str] | None:
    """The trigger's participants as written (titles stripped), from the parse of its
    sentence: its arguments and their conjuncts, a noun trigger's possessor and the
    subject of the verb it is the object of, the subject a second verb or an infinitive
    shares ("agreed to visit"). None when the parse has no head for the trigger."""
    from .parse import head_of

    head = head_of(parsed, start, end)
    if head is None:
        return None
    found: list[str] = []
    for token in _arguments(head):
        name = _argument_name(token)
        if name and name not in found:
            found.append(name)
    return found[:8]


def _arguments(head: "Token") -> list["Token"]:
    out: list[Token] = []
    for child in head.children:
        if child.dep_ in _ARGUMENT_RELATIONS:
            out.append(child)
        elif child.dep_ in ("prep", "agent") and child.lower_ in _ARGUMENT_PREPOSITIONS:
            out.extend(g for g in child.children if g.dep_ == "pobj")
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in _SUPPORT_RELATIONS and head.head.pos_ == "VERB":
        out.extend(c for c in head.head.children if c.dep_ == "nsubj")  # "Turkey and Pakistan signed an agreement"
    elif head.pos_ in ("VERB", "AUX") and head.dep_ in ("acl", "relcl") and head.head.pos_ in ("NOUN", "PROPN"):
        out.append(head.head)  # "Then-PM Ecevit, visiting India", "PM Martin, who met with ..."
    elif head.pos_ in ("VERB", "AUX") and not any(c.dep_.startswith("nsubj") for c in head.children) \
            and head.dep_ in ("xcomp", "conj", "advcl") and head.head.pos_ in ("VERB", "AUX"):
        # "agreed to visit", "are scheduled to visit", "met and discussed"
        out.extend(c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return [t for a in out for t in (a, *_conjuncts(a))]


def _conjuncts(token: "Token") -> list["Token"]:
    out = []
    for child in token.children:
        if child.dep_ == "conj":
            out += [child, *_conjuncts(child)]
    return out


def _argument_name(token: "Token") -> str:
    """The argument's name as written, or "" when it names no participant (a pronoun, a thing);
    of a phrase naming several ("Interior Minister El Adly"), the last, the head's."""
    lex = lexicon()
    if token.pos_ == "PRON" or token.like_num:
        return ""
    named = token.pos_ == "PROPN" or token.text[:1].isupper() and token.i > 0
    if not named and token.lower_ not in lex.actor_nouns:
        return ""
    parts = [token] + [t for c in token.children if c.dep_ in _NAME_RELATIONS and c.i < token.i for t in c.subtree]
    first, last = min(t.i for t in parts), max(t.i for t in parts)
    while first < last and not (token.doc[first].text[:1].isupper() or token.doc[first].pos_ in ("ADJ", "NOUN", "PROPN")):
        first += 1  # "the", "his"
    phrase = token.doc[first:last + 1].text
    if not named:
        return phrase
    # the name after an office's gloss ("Department of Homeland Security (DHS) Michael Chertoff"),
    # the titled name a phrase ends with ("Pakistani President Musharraf's" → "Musharraf")
    tail = phrase.rsplit(")", 1)[-1].strip()
    if tail[:1].isupper():
        phrase = tail
    piece = _split_at_titles(phrase)[-1][0]
    return _clean_name(piece) or _clean_name(phrase)
