"""Who and where of an event mention: actors, location and the summary line.

No gazetteer and no NLP model: capitalised word sequences and acronyms are
actors (titles stripped), "to/in/at <Capitalised>" after the trigger or a
listed country/capital is the location.
"""

from __future__ import annotations

import re

from .events_lexicon import lexicon

# a capitalised name: words starting upper case, joined by spaces or name particles
_NAME = re.compile(
    r"(?<![\w'’.-])(?:[A-Z][\w'’.-]*|[A-Z]\.)(?:(?:\s+|\s*-\s*)(?:(?:de|del|la|de la|y|van|von|bin|al|of|the)\s+)?"
    r"(?:[A-Z][\w'’.-]*|[A-Z]\.))*"
)
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z/&-]{1,9}(?![\w-])")
_POSSESSIVE = re.compile(r"(?:['’],?s|,s|['’])$")
_LOCATION_AFTER = re.compile(
    r"^(?:[\w'’,-]+\s+){0,6}?(?:to|in|at|near|into)\s+((?:the\s+)?(?:[A-Z][\w'’.-]*)(?:\s+(?:de\s+|del\s+)?[A-Z][\w'’.-]*){0,3})"
)


def mostly_upper(text: str) -> bool:
    """True for all-caps text (headings, old cables), where capitals say nothing."""
    upper = len(_UPPER.findall(text))
    lower = len(_LOWER.findall(text))
    return upper + lower > 0 and upper > 0.6 * (upper + lower)


def _clean_name(name: str) -> str:
    name = _POSSESSIVE.sub("", name.strip(" ,.;:-"))
    lex = lexicon()
    # strip leading titles repeatedly ("Deputy Secretary Negroponte")
    changed = True
    while changed and name:
        changed = False
        m = lex.titles.match(name)
        if m and m.end() < len(name) and name[m.end()] in " \t":
            rest = name[m.end():].strip()
            if rest.startswith("of "):
                office = lex.offices.match(rest)
                if not office:
                    return ""  # "Secretary of Public Security" alone is an office
                rest = rest[office.end():]
            name, changed = rest, True
    words = name.split()
    while words and (words[0] in lex.actor_stopwords or words[0] in lex.months) and len(words) > 1 \
            and words[1][:1].isupper():
        words.pop(0)
    while words and words[-1] in lex.months:
        words.pop()
    name = " ".join(words)
    if not name or name in lex.actor_stopwords or name in lex.months or lex.titles.fullmatch(name):
        return ""
    if len(name) < 2 or not any(c.isalpha() for c in name):
        return ""
    return name


def _split_at_titles(raw: str) -> list[str]:
    """"SSP Secretary Garcia Luna" → ["SSP", "Secretary Garcia Luna"]."""
    lex = lexicon()
    pieces, last = [], 0
    for m in lex.titles.finditer(raw):
        if m.start() > last and raw[last:m.start()].strip():
            pieces.append(raw[last:m.start()])
            last = m.start()
    pieces.append(raw[last:])
    return pieces


def find_actors(sentence: str) -> list[str]:
    """Names as written, without titles, in order of appearance."""
    lex = lexicon()
    found: list[str] = []
    if mostly_upper(sentence):
        candidates = [m.group() for m in _ACRONYM.finditer(sentence)]
        candidates = [t for t in candidates if t not in lex.caps_stopwords and t not in lex.actor_stopwords
                      and len(t) <= 6]
    else:
        candidates = [piece for m in _NAME.finditer(sentence) for piece in _split_at_titles(m.group())]
    for raw in candidates:
        if not raw.strip()[:1].isupper():
            continue
        single = " " not in raw.strip()
        if single and (raw.upper() in lex.caps_stopwords or (sentence.startswith(raw) and not raw.isupper())):
            continue  # "Nevertheless, ...", "WILL": a capital that names nobody
        name = _clean_name(raw)
        if not name or lex.places.fullmatch(name) and not name.isupper():
            continue
        if name not in found:
            found.append(name)
    # drop a bare surname already given in full ("Garcia Luna" after "Genaro Garcia Luna")
    return [a for a in found if not any(a != b and b.endswith(" " + a) for b in found)][:8]


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
            if place and place not in lex.actor_stopwords and place not in lex.months \
                    and not lex.titles.fullmatch(place):
                return place
    m = lex.places.search(after)
    if m:
        return m.group()
    return ""


_NOUN_PHRASE_AFTER = re.compile(r"^\s+of\s+((?:[\w.,$%-]+\s+){0,6}?[\w.$%-]+?)(?=[,;:.()]|\s+(?:in|on|at|from|by|which|that|who|and|to|for|during|with)\b|$)")


def make_summary(kind: str, trigger: str, sentence: str, trigger_end: int,
                 actors: list[str], location: str) -> str:
    """One readable line: "Chertoff visits Mexico", "Meeting: Negroponte with Ramirez Acuna",
    "Seizure of 5.8 tons of cocaine"."""
    if kind == "visit":
        who = actors[0] if actors else "Visit"
        return f"{who} visits {location}".strip() if actors else (f"Visit to {location}" if location else "Visit")
    if kind == "meeting":
        if len(actors) >= 2:
            return f"Meeting: {actors[0]} with {', '.join(actors[1:3])}"
        return f"Meeting: {actors[0]}" if actors else "Meeting"
    label = kind.capitalize() if kind != "legal" else "Legal action"
    m = _NOUN_PHRASE_AFTER.match(sentence[trigger_end:trigger_end + 90])
    if m and kind in {"seizure", "arrest", "extradition", "legal", "violence"}:
        line = f"{label} of {m.group(1)}"
    elif actors:
        line = f"{label}: {', '.join(actors[:3])}"
    else:
        line = f"{label} ({trigger})"
    if location and location not in line:
        line += f" in {location}"
    return line
