"""The event extractor's lexicons and patterns, compiled once from
``extractor/data/events.json``."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from .language import TITLES, active_lexicon, calendar_names

DATA_FILE = Path(__file__).with_name("data") / "events.json"


def _alternation(forms: list[str]) -> str:
    # longest first so that "telephone call" wins over "call"
    return "|".join(sorted(forms, key=len, reverse=True))


def _depths(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each unescaped character."""
    depth, i = 0, start
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        depth += (c == "(") - (c == ")")
        yield i, c, depth
        i += 1


def _group_end(pattern: str, start: int) -> int:
    """Index of the ``)`` closing the group that opens at ``start``."""
    return next((i for i, _c, depth in _depths(pattern, start) if depth == 0), len(pattern))


def _top_level_alternatives(pattern: str) -> list[str]:
    bars = [i for i, c, depth in _depths(pattern) if c == "|" and depth == 0]
    bounds = [-1] + bars + [len(pattern)]
    return [pattern[bounds[k] + 1:bounds[k + 1]] for k in range(len(bounds) - 1)]


_LITERAL = re.compile(r"[A-Za-z]+")
#: index keys: the first three letters of a form, or two for a two-letter word ("go")
PREFIX_LETTERS = 3


def _first_letters(form: str) -> set[str] | None:
    """The lower-case first letters (``PREFIX_LETTERS`` of them) that a trigger
    form can start with ("visit(?:s|ed)?" → {"vi"}, "(?:framed|pressed) charges" →
    {"fr", "pr"}); None when the form does not tell (it is then tried at every word)."""
    alternatives = _top_level_alternatives(form)
    if len(alternatives) > 1:
        return _union_of_first_letters(alternatives)
    while form.startswith(("(?:(?<=", "(?:(?<!", "(?<=", "(?<!")):  # says what precedes the form
        form = form[_group_end(form, 0) + 1:]
    if form.startswith("(?:"):
        return _first_letters_of_group(form)
    return _first_letters_of_literal(form)


def _union_of_first_letters(alternatives: list[str]) -> set[str] | None:
    found: set[str] = set()
    for alternative in alternatives:
        letters = _first_letters(alternative)
        if letters is None:
            return None
        found |= letters
    return found


def _first_letters_of_group(form: str) -> set[str] | None:
    """A form opening with a group: each of its alternatives followed by the rest (None when
    the group is optional or repeated)."""
    end = _group_end(form, 0)
    rest = form[end + 1:]
    if rest[:1] in _OPTIONAL:
        return None
    return _first_letters("|".join(a + rest for a in _top_level_alternatives(form[3:end])))


def _first_letters_of_literal(form: str) -> set[str] | None:
    literal = _LITERAL.match(form)
    text = literal.group() if literal else ""
    if text and form[len(text):len(text) + 1] in _OPTIONAL:
        text = text[:-1]  # "talks?": the last letter is optional
    return {text[:PREFIX_LETTERS].lower()} if len(text) >= 2 else None


#: what after a letter or group makes it optional or repeated
_OPTIONAL = ("?", "*", "{")


def _lower_pattern(pattern: str) -> str:
    """``pattern`` with its literal letters lower-cased; escapes (``\\S``, ``\\W``) kept."""
    return re.sub(r"\\.|[^\\]+", lambda m: m.group() if m.group().startswith("\\") else m.group().lower(), pattern)


def _flexible_spaces(pattern: str) -> str:
    """A literal space in a pattern matches any run of whitespace (cables keep double
    spaces and line breaks), except inside character classes and lookbehinds."""
    out: list[str] = []
    groups: list[bool] = []  # True for a lookbehind group
    in_class = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            groups.append(pattern.startswith("(?<=", i) or pattern.startswith("(?<!", i))
        elif c == ")" and groups:
            groups.pop()
        elif c == " " and not any(groups):
            out.append(r"\s+")
            i += 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _trie(words: list[str]) -> str:
    """A regex alternation of literal words shaped as a trie ("ab|ac" → "a(?:b|c)"): the
    engine then tests each first letter once instead of trying every word in turn."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        if "" in node and len(node) == 1:
            return ""
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if len(branches) > 1 and all(len(b) == 1 for b in branches):
            body = "[" + "".join(branches) + "]"
        else:
            body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def _words(phrases: list[str]) -> re.Pattern[str]:
    # a trie matches the longest phrase at each place, as longest-first alternatives would
    return re.compile(r"(?<![\w-])(?:" + _trie(phrases) + r")(?![\w-])")


def _words_ignoring_case(phrases: list[str]) -> re.Pattern[str]:
    trie = _trie(sorted({p.lower() for p in phrases})).replace(r"\ ", r"\s+")
    return re.compile(r"(?<![\w-])(?:" + trie + r")(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    #: type → (regex over verbs, regex over nouns)
    triggers: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]]
    #: first letters of a word → the (type, is_verb, pattern) worth trying there
    #: (a word with other first letters tries only ``triggers_anywhere``)
    trigger_index: dict[str, tuple[tuple[str, bool, re.Pattern[str]], ...]]
    triggers_anywhere: tuple[tuple[str, bool, re.Pattern[str]], ...]
    #: the word starts worth looking up in ``trigger_index`` (None: every word start)
    trigger_starts: re.Pattern[str] | None
    exclusions: dict[str, list[re.Pattern[str]]]
    #: type → one regex matching wherever any of its exclusions matches (a cheap pre-check)
    any_exclusion: dict[str, re.Pattern[str] | None]
    generic: re.Pattern[str]
    generic_window: int
    hypothetical: re.Pattern[str]
    status_window: int
    expected_before: re.Pattern[str]
    planned_before: re.Pattern[str]
    ongoing_anywhere: re.Pattern[str]
    planned_after: re.Pattern[str]
    past_before: re.Pattern[str]
    anaphora: re.Pattern[str]
    anaphora_new_after: re.Pattern[str]
    not_anaphoric: re.Pattern[str]
    titles: re.Pattern[str]
    actor_stopwords: frozenset[str]
    #: common nouns that name participants among a trigger's arguments in the parse
    actor_nouns: frozenset[str]
    months: frozenset[str]
    places: re.Pattern[str]
    modifier_heads: re.Pattern[str]
    hypothetical_clause: re.Pattern[str]
    conditional_clause: re.Pattern[str]
    participant: re.Pattern[str]
    statistics: re.Pattern[str]
    narrative_days: re.Pattern[str]
    narrative_days_not_after: re.Pattern[str]
    narrative_day_offsets: dict[str, int]
    statistic_subject: re.Pattern[str]
    adjectival_before: re.Pattern[str]
    not_plural: frozenset[str]
    causative: re.Pattern[str]
    opinion: re.Pattern[str]
    advisory_sentence: re.Pattern[str]
    offices: re.Pattern[str]
    caps_stopwords: frozenset[str]
    #: "seizures of money are increasing": a trend, not a happening
    trend_after: re.Pattern[str]
    #: head words of names of bodies ("Presidential Election Commission")
    name_heads: frozenset[str]
    #: "was able to apprehend": the infinitive happened
    past_infinitive: re.Pattern[str]
    #: "upon request by", "at Gamal's invitation": a cue inside a prepositional phrase
    cue_in_phrase: re.Pattern[str]
    #: nationality and group adjectives ("Iranian", "Sunni"): no actor on their own
    demonyms: frozenset[str]
    #: trigger forms that are acronyms themselves ("MOU")
    acronym_forms: frozenset[str]
    #: (type, is_verb, pattern) of the forms only the learned decider may keep
    candidate_triggers: tuple[tuple[str, bool, re.Pattern[str]], ...]
    #: the same forms lower-cased and compiled case-sensitively, for lower-cased text
    #: (three times faster than IGNORECASE scans: these run over every sentence)
    candidate_triggers_lower: tuple[tuple[str, bool, re.Pattern[str]], ...]
    #: "-- Extradition:", "Summary and Introduction:": a label opening a sentence
    label: re.Pattern[str]
    #: type → (forms needing an object, the object, a subject that suffices)
    object_required: dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]]

    def triggers_at(self, text: str, at: int = 0) -> tuple[tuple[str, bool, re.Pattern[str]], ...]:
        """The (type, is_verb, pattern) entries worth trying at position ``at`` of ``text``:
        those of its first three letters, else of its first two."""
        head = text[at:at + PREFIX_LETTERS].lower()
        return self.trigger_index.get(head) or self.trigger_index.get(head[:2], self.triggers_anywhere)


def _trigger_index(by_letters: dict[str, list[tuple[str, bool, int, str]]], flags: int
                   ) -> dict[str, tuple[tuple[str, bool, re.Pattern[str]], ...]]:
    """Three-letter keys also carry the forms of the two-letter keys they start with; a
    two-letter key serves the words no three-letter key knows. Each (type, part of speech)
    gets a pattern of only the forms that can begin with the key's letters: it matches
    exactly where the type's whole pattern would, without trying forms that cannot."""
    anywhere = by_letters.get("", [])
    short = {key: entries for key, entries in by_letters.items() if len(key) == 2}
    compiled: dict[str, re.Pattern[str]] = {}
    index = {}
    for key, entries in by_letters.items():
        if not key:
            continue
        extra = short.get(key[:2], []) if len(key) == 3 else []
        forms_of: dict[tuple[str, bool], dict[int, str]] = {}  # in lexicon order
        for kind, is_verb, order, form in entries + extra + anywhere:
            forms_of.setdefault((kind, is_verb), {})[order] = form
        group = []
        for (kind, is_verb), forms in forms_of.items():
            source = r"(?<![\w-])(?:" + _alternation([forms[i] for i in sorted(forms)]) + r")(?![\w-])"
            if source not in compiled:
                compiled[source] = re.compile(source, flags)
            group.append((kind, is_verb, compiled[source]))
        index[key] = tuple(group)
    return index


def _event_types(data: dict[str, Any]) -> list[str]:
    """The event types of a section of ``events.json``, in file order ("_comment" keys skipped)."""
    return [kind for kind, entry in data.items() if not kind.startswith("_") and isinstance(entry, dict)]


def _form_pattern(forms: list[str], flags: int) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _alternation(forms) + r")(?![\w-])", flags)


def _candidate_triggers(data: dict[str, Any], flags: int,
                        lower: bool = False) -> tuple[tuple[str, bool, re.Pattern[str]], ...]:
    if lower:
        flags &= ~re.IGNORECASE
    prepare = (lambda form: _flexible_spaces(_lower_pattern(form))) if lower else _flexible_spaces
    return tuple((kind, pos == "verbs", _form_pattern([prepare(f) for f in forms], flags))
                 for kind in _event_types(data)
                 for pos in ("verbs", "nouns")
                 for forms in [data[kind].get(pos) or []] if forms)


@dataclass
class _Triggers:
    """The trigger forms of every type compiled: whole patterns and the first-letter index's entries."""

    #: type → (regex over verbs, regex over nouns)
    patterns: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]]
    #: every form, in lexicon order
    forms: list[str]
    #: first letters → (type, is_verb, order among its forms, form); "" for forms that do not tell
    by_letters: dict[str, list[tuple[str, bool, int, str]]]


def _compile_triggers(data: dict[str, Any], flags: int) -> _Triggers:
    found = _Triggers({}, [], {})
    for kind in _event_types(data):
        verbs, nouns = (_add_forms(found, kind, is_verb, data[kind].get(pos) or [], flags)
                        for is_verb, pos in ((True, "verbs"), (False, "nouns")))
        found.patterns[kind] = (verbs, nouns)
    return found


def _add_forms(found: _Triggers, kind: str, is_verb: bool, forms: list[str], flags: int) -> re.Pattern[str] | None:
    """Record the forms of one type and part of speech; their whole pattern (None when there are none)."""
    found.forms.extend(forms)
    if not forms:
        return None
    for order, form in enumerate(forms):
        letters = _first_letters(form)
        for key in [""] if letters is None else letters:
            found.by_letters.setdefault(key, []).append((kind, is_verb, order, _flexible_spaces(form)))
    return _form_pattern([_flexible_spaces(f) for f in forms], flags)


def _triggers_anywhere(found: _Triggers) -> tuple[tuple[str, bool, re.Pattern[str]], ...]:
    """The whole patterns of the (type, part of speech) pairs with a form of unknown first letters."""
    return tuple(dict.fromkeys((kind, is_verb, pattern) for kind, is_verb, _order, _form in found.by_letters.get("", [])
                               for pattern in [found.patterns[kind][0 if is_verb else 1]] if pattern))


def _trigger_starts(found: _Triggers, flags: int) -> re.Pattern[str] | None:
    if found.by_letters.get(""):
        return None  # some form can start anywhere: every word start is worth a look
    return re.compile(r"(?<![\w-])(?=\w)" + _trie(sorted(k for k in found.by_letters if k)), flags)


def _exclusions(data: dict[str, Any], types: list[str], flags: int) -> dict[str, list[re.Pattern[str]]]:
    return {kind: [re.compile(_flexible_spaces(p), flags) for p in data.get(kind, [])]
            for kind in types}


def _any_of(patterns: list[re.Pattern[str]], flags: int) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), flags) if patterns else None


def _offices(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"^of\s+(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                      + r")\s+(?=[A-Z])")


def _object_required(data: dict[str, dict[str, str]], flags: int
                     ) -> dict[str, tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]]:
    return {kind: (re.compile(spec["forms"], flags), re.compile(spec["object"], flags), re.compile(spec["actor"], flags))
            for kind, spec in data.items() if not kind.startswith("_")}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    data["triggers"] = active_lexicon().add_triggers(data["triggers"])
    flags = re.IGNORECASE
    found = _compile_triggers(data["triggers"], flags)
    exclusions = _exclusions(data["sense_exclusions"], list(found.patterns), flags)
    status = data["status"]
    return Lexicon(
        triggers=found.patterns,
        trigger_index=_trigger_index(found.by_letters, flags),
        triggers_anywhere=_triggers_anywhere(found),
        trigger_starts=_trigger_starts(found, flags),
        exclusions=exclusions,
        any_exclusion={kind: _any_of(patterns, flags) for kind, patterns in exclusions.items()},
        generic=re.compile("|".join(data["generic_contexts"]["patterns"]), flags),
        generic_window=int(data["generic_contexts"]["before_window_chars"]),
        hypothetical=re.compile(data["hypothetical"]["before"], flags),
        status_window=int(status["window_words"]),
        expected_before=re.compile(status["expected_before"], flags),
        planned_before=re.compile(status["planned_before"], flags),
        ongoing_anywhere=re.compile(status["ongoing_anywhere"], flags),
        planned_after=re.compile(status["planned_after"], flags),
        past_before=re.compile(status["past_before"], flags),
        anaphora=re.compile(data["anaphora"]["before"], flags),
        anaphora_new_after=re.compile(data["anaphora"]["new_after"], flags),
        not_anaphoric=re.compile(data["anaphora"]["not_anaphoric"], flags),
        # titles are matched case-sensitively: "General" the title, not "general"
        titles=_words(list(TITLES)),
        actor_stopwords=frozenset(data["actor_stopwords"]),
        actor_nouns=frozenset(data["actor_nouns"]),
        months=calendar_names(),
        places=_words(data["places"]),
        modifier_heads=re.compile(r"^\s+(?:" + "|".join(data["modifier_heads"]["words"]) + r")\b"),
        hypothetical_clause=re.compile(data["hypothetical"]["clause"], flags),
        conditional_clause=re.compile(data["hypothetical"]["conditional_clause"], flags),
        participant=re.compile(data["hypothetical"]["participant"], flags),
        statistics=re.compile(data["statistics"]["pattern"], flags),
        narrative_days=_words_ignoring_case(list(data["narrative_days"]["offsets"])),
        narrative_days_not_after=re.compile(data["narrative_days"]["not_after"], flags),
        narrative_day_offsets={k: int(v) for k, v in data["narrative_days"]["offsets"].items()},
        statistic_subject=re.compile(data["statistics"]["subject_before"], flags),
        adjectival_before=re.compile(data["participle"]["adjectival_before"], flags),
        not_plural=frozenset(data["participle"]["not_plural"]),
        causative=re.compile(data["participle"]["causative"], flags),
        opinion=re.compile(data["hypothetical"]["opinion"], flags),
        advisory_sentence=re.compile(data["hypothetical"]["advisory_sentence"], flags),
        offices=_offices(data["offices"]["words"]),
        caps_stopwords=frozenset(data["caps_stopwords"]["words"]),
        trend_after=re.compile(data["trend_after"]["pattern"], flags),
        name_heads=frozenset(data["name_heads"]["words"]),
        past_infinitive=re.compile(status["past_infinitive"], flags),
        cue_in_phrase=re.compile(status["cue_in_phrase"], flags),
        label=re.compile(data["label"]["pattern"], flags),
        acronym_forms=frozenset(f for f in found.forms if f.isupper()),
        candidate_triggers=_candidate_triggers(data.get("candidate_triggers") or {}, flags),
        candidate_triggers_lower=_candidate_triggers(data.get("candidate_triggers") or {}, flags, lower=True),
        demonyms=frozenset(data["demonyms"]["words"]),
        object_required=_object_required(data["object_required"], flags),
    )
