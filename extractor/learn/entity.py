"""What a claim's number counts: a ranking of the sentence's words, learned from gold.

Every noun, proper noun, verb and adjective of the claim's parsed sentence is a
candidate ("5.8 tons of cocaine" → cocaine; "10,000 new, vetted police" → police;
"killed 191 people and wounded over 1600" → wounded). A linear model scores each
from where it sits in the tree relative to the number (the dependency path through
their lowest common ancestor), its order among the candidates, its tag and what
the rules chose; the best-scoring word, with its compound and adjective modifiers,
is the entity, written as annotators write it: a compound modifier with the noun it
modifies ("GDP" → "GDP growth"), an "of"/"per" complement ("chance of earthquake"), and
the participle that says what happened to what is counted ("43 people were killed" →
"people killed", "17 vehicles destroyed"). Scored as ANNOTATION.md scores it: the gold
entity's last word, singular or plural, must be a word of that phrase, and a candidate is
labelled by the phrase it would give.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping, Sequence

from .linear import Features, LinearModel

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Claim

#: parts of speech that can name what is counted
CANDIDATE_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
#: modifiers kept in front of the chosen word ("Mara members", "new vetted police")
_MODIFIERS = frozenset({"compound", "amod", "nmod"})
#: a path longer than this is described by its first steps only
_PATH_STEPS = 3
#: prepositions whose object completes the phrase ("reparations per victim", "chance of earthquake")
_COMPLEMENT_PREPOSITIONS = frozenset({"of", "per"})
#: how far a compound may sit from its noun, or a complement's object from its preposition
_REACH = 3


def _rule_words(entity: str) -> list[str]:
    from ..evaluate import normalize_words

    return normalize_words(entity)


def _is_candidate(t: "Token", inside: set[int]) -> bool:
    return t.pos_ in CANDIDATE_POS and t.i not in inside and any(ch.isalpha() for ch in t.text)


def _word_features(t: "Token", anchor: "Token", dim: str) -> dict[str, float]:
    """The word, its tag and relation, and the tree path from the number to it."""
    from ..parse import tree_path

    up, down, ancestor = tree_path(anchor, t)
    path = "^".join(up[:_PATH_STEPS]) + "|" + "v".join(down[:_PATH_STEPS]) if ancestor is not None else "apart"
    offset = t.i - anchor.i
    side = "r" if offset > 0 else "l"
    parsed = t.doc
    f: dict[str, float] = {
        "bias": 1.0, "pos=" + t.pos_: 1.0, "tag=" + t.tag_: 1.0, "dep=" + t.dep_: 1.0,
        "anchor_dep=" + anchor.dep_: 1.0, "path=" + path: 1.0, "path_dim=" + path + "|" + dim: 1.0,
        "up=" + "^".join(up[:2]): 1.0, "down=" + "v".join(down[:2]): 1.0,
        f"path_len={min(len(up) + len(down), 6)}": 1.0,
        "side=" + side: 1.0, f"dist={side}{min(abs(offset), 8)}": 1.0, "dim=" + dim: 1.0,
        "word=" + t.lower_: 1.0, "prev=" + (parsed[t.i - 1].lower_ if t.i > 0 else "<s>"): 1.0,
        "dep_anchor=" + t.dep_ + "|" + anchor.dep_: 1.0, "dep_dim=" + t.dep_ + "|" + dim: 1.0,
        "head=" + t.head.lower_: 1.0,
    }
    if ancestor is not None:
        f["ancestor_pos=" + ancestor.pos_] = 1.0
        f["ancestor=" + ancestor.lower_] = 1.0
        if ancestor.i == t.i:
            f["ancestor_is_word"] = 1.0
    if t.i == anchor.head.i:
        f["heads_number"] = 1.0
    if t.head.dep_ == "prep":
        f["under_prep=" + t.head.lower_] = 1.0
    return f


def _rule_features(f: dict[str, float], word: str, rule: list[str]) -> None:
    """What the rules chose is evidence too."""
    if word in rule:
        f["in_rule"] = 1.0
    if rule and word == rule[-1]:
        f["rule_head"] = 1.0
    if not rule:
        f["rule_empty"] = 1.0


def _rank_features(out: list[tuple["Token", dict[str, float]]], anchor: "Token", dim: str) -> None:
    """Each word's order among the candidates on its side of the number."""
    right = [f for t, f in out if t.i > anchor.i]
    left = [f for t, f in out if t.i < anchor.i][::-1]
    for side, group in (("r", right), ("l", left)):
        for n, f in enumerate(group):
            f[f"rank={side}{min(n, 3)}"] = 1.0
            f[f"rank_dim={side}{min(n, 3)}|{dim}"] = 1.0


def entity_candidates(claim: "Claim", parsed: "Doc") -> list[tuple["Token", dict[str, float]]]:
    """The candidate words of ``claim``'s sentence, each with its features."""
    from ..parse import head_of, tokens_in

    anchor = head_of(parsed, claim.start, claim.end)
    if anchor is None:
        return []
    inside = {t.i for t in tokens_in(parsed, claim.start, claim.end)}
    rule = _rule_words(claim.entity)
    out: list[tuple["Token", dict[str, float]]] = []
    for t in parsed:
        if _is_candidate(t, inside):
            f = _word_features(t, anchor, claim.dimension)
            _rule_features(f, t.lower_, rule)
            out.append((t, f))
    _rank_features(out, anchor, claim.dimension)
    return out


def entity_label(token: "Token", gold_entity: str) -> int | None:
    """1 when the phrase ``token`` gives holds the gold entity's last word (singular or plural), as scored."""
    from ..evaluate import head_word_agrees

    if not _rule_words(gold_entity):
        return None
    return 1 if head_word_agrees(gold_entity, entity_phrase(token)) else 0


def _left_start(head: "Token") -> int:
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ in _MODIFIERS and child.i == start - 1 and any(ch.isalpha() for ch in child.text):
            start = child.i
        else:
            break
    return start


def _noun_of(token: "Token") -> "Token":
    """A compound modifier stands for the noun it modifies ("GDP" in "GDP growth")."""
    head = token
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and 0 < head.head.i - head.i <= _REACH:
        head = head.head
    return head


def _complement_end(head: "Token") -> int:
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.i == end and child.lower_ in _COMPLEMENT_PREPOSITIONS:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects and objects[0].i - child.i <= _REACH:
                return objects[0].i + 1
    return end


def _participle(token: "Token") -> "Token | None":
    """The verb saying what happened to what is counted: "people were killed", "vehicles
    destroyed", "arrested two individuals" (an event verb); None for any other noun or word."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return None
    verb = token.head
    if token.dep_ == "nsubjpass" and verb.tag_ == "VBN":
        return verb
    for child in token.rights:
        if child.dep_ == "acl" and child.tag_ == "VBN" and child.i <= token.i + 2:
            return child
    if token.dep_ == "dobj" and verb.tag_ in ("VBD", "VBN") and _happening(verb.text):
        return verb  # "confiscated 16,000 weapons" (not "described two phases")
    return None


def _happening(word: str) -> bool:
    """A verb of the events lexicon in its past form ("seized", "arrested", "killed")."""
    from ..events import trigger_spans

    return word.lower().endswith(("ed", "en")) and bool(trigger_spans(word))


def _with_participle(phrase: str, token: "Token") -> str:
    from ..evaluate import normalize_words

    verb = _participle(token)
    if verb is None or verb.lower_ in normalize_words(phrase):
        return phrase
    return f"{phrase} {verb.text}"


def entity_phrase(token: "Token") -> str:
    """The phrase of the chosen word: its noun with the modifiers written right before it
    ("Mara members"), an of/per complement, and the participle of what happened to it."""
    head = _noun_of(token)
    start = min(_left_start(head), token.i)
    return _with_participle(token.doc[start:_complement_end(head)].text, token)


def choose_entity(model: LinearModel, claim: "Claim", parsed: "Doc") -> str:
    """The entity the model ranks first; the rules' phrase when it holds that word (with the
    participle of what happened to it), or when the rules read it from outside the
    sentence (a table's title, the figure before)."""
    rule = _rule_words(claim.entity)
    if rule and rule[-1] not in _rule_words(claim.sentence):
        return claim.entity
    candidates = entity_candidates(claim, parsed)
    if not candidates:
        return claim.entity
    # ties go to the earlier word: the same sentence always gives the same answer
    best, _f = max(candidates, key=lambda tf: (model.probability(tf[1]), -tf[0].i))
    if best.lower_ in set(rule):
        return _with_participle(claim.entity, best)
    return entity_phrase(best)


def name_entities(model: LinearModel, claims: Sequence["Claim"],
                  parses: Mapping[str, "Doc"]) -> list["Claim"]:
    """``claims`` with the learned entity wherever their sentence was parsed."""
    from dataclasses import replace

    out = []
    for claim in claims:
        parsed = parses.get(claim.sentence)
        entity = choose_entity(model, claim, parsed) if parsed is not None else claim.entity
        out.append(claim if entity == claim.entity else replace(claim, entity=entity))
    return out


def entity_examples(claim: "Claim", parsed: "Doc", gold_entity: str) -> list[tuple[Features, int]]:
    """Labelled candidates of one claim matched to a gold claim that names its entity."""
    out: list[tuple[Features, int]] = []
    for token, features in entity_candidates(claim, parsed):
        label = entity_label(token, gold_entity)
        if label is not None:
            out.append((features, label))
    return out
