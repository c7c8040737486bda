"""Stage 2 — clean: split a telegram into numbered paragraphs and sentences.

The telegram is read line by line. Every line gets a kind: routing, banner,
page break, caveat (SIPDIS), E.O., TAGS, SUBJECT, REF, "Classified By",
addressing, footer, signature, rule (``-----``) — all dropped — or heading,
paragraph start, text, blank. Paragraphs are then assembled from the kept
lines; a page break that falls mid-sentence is simply skipped, so the sentence
joins across it. A body that a file holds twice yields each paragraph once.
Telegram mangling is repaired in the cleaned text (``GOM,s`` → ``GOM's``,
``&quoted8`` → ``"quoted"``, `` ) `` used as a dash → `` - ``); ``raw_text`` is
never changed.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, NamedTuple

from .model import Document, Paragraph, Sentence
from .telegram import SUBJECT_STOP_LINE

_DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    with open(_DATA / "reader_clean.json", encoding="utf-8") as handle:
        return json.load(handle)


# --------------------------------------------------------------------------- line patterns
# Every pattern is bounded (no unbounded run before a backtracking point), so a
# 4 MB line costs linear time.

_DTG_LINE = re.compile(r"^\s*[OPRZ]{1,2}\s+\d{6}Z\s+[A-Z]{3}\s+\d{2,4}\s*$")
# split in two: the unanchored VZCZC search is tried only on lines that hold "VZCZC"
_VZCZC_START = re.compile(r"^.{0,200}?\bVZCZC")
_ROUTING_HEAD = re.compile(
    r"^(?:\s*(?:RR|PP|OO|ZZ|[OPRZ])\s+RU[A-Z]{3}|DE\s+RU[A-Z]{3}|ZN[YR]\s|"
    r"FM\s+(?:AMEMBASSY|AMCONSUL|AMCONGEN|SECSTATE|USMISSION|USINT|USDEL|USUN|CDR|DIA|CIA|DEPT|SECDEF|JOINT)\b)")
_ROUTING_ANYWHERE = re.compile(r"^\s*(?:BT|NNNN|#\d{1,6})\s*$")
_CLASSIFICATION_WORD = re.compile(
    r"^\s*(?:(?P<spaced>(?:[A-Z] ){3,}[A-Z])\b|(?P<word>UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET|"
    r"LIMITED OFFICIAL USE|SENSITIVE BUT UNCLASSIFIED)\b)(?P<rest>.{0,120})$", re.IGNORECASE)
_BANNER_REST = re.compile(
    r"\s*(?://?\s*[A-Z]{2,}(?:\s[A-Z]{2,}){0,4})?\s*(?:SECTION\s+\d{1,3}\s+OF\s+\d{1,3})?\s*"
    r"(?:[A-Z][A-Z.'-]{0,24}(?:\s[A-Z][A-Z.'-]{0,24}){0,3}\s+0*\d{1,8})?\s*"
    r"(?:[A-Z/]{2,}(?:\s+[A-Z/]{2,}){0,4})?\s*", re.IGNORECASE)
# some are retyped in lower case ("Algiers 00000787 002 of 004", "Kuala lump 00000752 002 of 002")
_PAGE_BREAK_LINE = re.compile(
    r"^\s*[A-Z][A-Za-z.'-]{0,24}(?:\s[A-Za-z][A-Za-z.'-]{0,24}){0,3}\s+\d{1,8}\s+\d{3}(?:\.\d{1,2})?\s+(?:OF|of)\s+\d{3}\s*$")
# a page break glued into a line ("Grupo   MEXICO 00002187 002 OF 005    Bursatil")
_PAGE_BREAK_INLINE = re.compile(
    r"\s*\b[A-Z][A-Z.'-]{0,24}(?:\s[A-Z][A-Z.'-]{0,24}){0,3}\s+\d{8}\s+\d{3}(?:\.\d{1,2})?\s+(?:OF|of)\s+\d{3}\b\s*")
# the end of an inline page break, found fast (it starts with a digit, not a space)
_PAGE_BREAK_TAIL = re.compile(r"\d{8}\s+\d{3}(?:\.\d{1,2})?\s+(?:OF|of)\s+\d{3}\b")
_EO_LINE = re.compile(r"^\s*(?:(?:E\.?\s?O\.?|EO)\s*(?:1[23]\d{3}|:|N/?A\b)|DECL\s*:|DECLASSIFY\s+ON\b)", re.IGNORECASE)
# lower-cased headers write "Tags: emin, enrg" and "Ref: 07 kinshasa 798"
_TAGS_LINE = re.compile(r"^\s*(?:TAGS\b|(?i:tags)\s*:)")
_TAGS_CONTINUATION = re.compile(r"^\s+[A-Z0-9][A-Z0-9, ()/-]{0,60}$")
_SUBJECT_LINE = re.compile(r"^\s*SUBJ(?:ECT)?\s*:", re.IGNORECASE)
_REF_LINE = re.compile(
    r"^\s*(?:(?:REFS?|REFTEL|REFERENCES?)\b\s*(?::|\(?[A-H][.)]|\d{2}\s|[A-Z]{3,}\s+\d|\(?[A-H]\)\s)"
    r"|(?i:refs?|reftel|references?)\s*:)")
_REF_CONTINUATION = re.compile(
    r"^\s+\S|^\s*¶?\(?[A-H]\)?[.)]\s|^\s*(?:\d{2}\s*)?[A-Z]{2,}(?:\s[A-Z]{2,}){0,2}\s+0*\d{1,7}\b")
_CLASSIFIED_BY = re.compile(r"^\s*(?:\(\s*[A-Z/]{1,8}\s*\)\s*)?(?:Classified\s+by\b|Derived\s+from\b|CLASSIFIED\s+BY\b|DERIVED\s+FROM\b)",
                            re.IGNORECASE)
_REASON = re.compile(r"\b1\.\s?[4-6]\b|\bREASONS?\s*:?\s*\(?[A-H]\)?\b|\bN/A\b", re.IGNORECASE)
_REASON_OPEN = re.compile(r"(?:\b1\.\s?[4-6]|\band|\bor|&|,|\(|/|:|\breasons?|\bfor)\s*$", re.IGNORECASE)
# the rest of a reason wrapped onto the next line: "and (d).", "(d)", "b and d."
_REASON_TAIL = re.compile(r"^\s*(?:and|or|&|,)?\s*\(?[a-hA-H]\)?(?:\s*(?:,|and|&|/)?\s*\(?[a-hA-H]\)?){0,4}\s*[.)]?\s*$")
_RULE = re.compile(r"^\s*[-=_*~]{3,}(?:\s+[-=_*~]{1,})*\s*$")
_ADDRESS = re.compile(
    r"^\s*(?:[A-Z0-9/&.,'()-]{1,30}\s+){0,6}(?:FOR|PASS\s+TO|PASS|ALSO\s+FOR|FROM)\s+[A-Z0-9/&.,'();: -]{1,200}$")
# "3.." is a typo for "3." (05PARIS4760)
# an addressing line of a lower-cased header: "Department for isn/ness", "State pass to ustr (laurie-ann agama)"
_LOWER_ADDRESS = re.compile(r"^\s*[\w/&-]{2,20}(?:\s[\w/&-]{2,20})?\s+(?i:for|pass\s+to|pass)\s+[^.]{1,200}$")
_PARA_NUMBER = re.compile(r"^\s*(?:(?P<pilcrow>¶)\s*(?P<pnum>\d{1,3})\b\s*\.{0,2}|(?P<num>\d{1,3})\s*\.{1,2}(?![\d.]))\s*")
_MARKING = re.compile(r"\(\s*(?P<mark>[A-Za-z/ ]{1,30}?)\s*\)\s*")
_SIGNATURE = re.compile(r"^\s*[A-Z][A-Za-z'.-]{1,20}(?:\s+[A-Z][A-Za-z'.-]{0,20}){0,2}\s*$")
_SENTENCE_END_CHARS = ".!?\"')]”’:"
_HAS_LOWER = re.compile(r"[a-z]")
_RECORD_REPEAT = re.compile(
    r"(?m)^[ \t]*(?:\d{1,9}|>)[ \t]*\n(?:[ \t]*\n){0,3}"
    r"[ \t]*(?:\d{4}-\d{2}-\d{2}|\d{1,2}([/.])\d{1,2}\1\d{2,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?[ \t]*\n(?:[ \t]*\n){0,3}"
    r"[ \t]*\d{2}[A-Z][A-Z0-9]{1,40}[ \t]*\n(?:[ \t]*\n){0,3}"
    r"[^\n]{2,80}\n(?:[ \t]*\n){0,3}"
    r"[ \t]*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)[A-Z/ ]{0,60}[ \t]*\n"
    r"(?:(?:[ \t]*\n){0,3}[ \t]*\d{2}[A-Z][A-Z0-9]{1,40}(?:\|\d{2}[A-Z][A-Z0-9]{1,40}){0,200}[ \t]*\n)?")
_HEADER_ENDS = re.compile(r"(?mi)^[ \t]*-{3,}[ \t]*header ends[ \t]*-{3,}[ \t]*$")
_RECORD_DATE = r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?"
_TSV_RECORD = re.compile(r"(?m)^(?:[^\t\n]{1,30}\t)?" + _RECORD_DATE + r"\t\d{2}[A-Z][A-Z0-9]{1,40}\t[^\t\n]{0,80}\t[^\t\n]{0,80}\t[^\t\n]{0,20000}?\t")
_LINE_CONTINUATION = re.compile(r"\\[ \t]*(?=\n|$)")
_CSV_RECORD = re.compile(r'(?m)^"?\d{1,9}"?,"?' + _RECORD_DATE + r'"?,"?\d{2}[A-Z][A-Z0-9]{1,40}"?,')
_FLAT_MARKERS = re.compile(r"\b(?:SUBJECT:|TAGS\b|E\.O\.\s?1\d{4}|EO\s1\d{4}|REFS?:|Classified\s+By|CLASSIFIED\s+BY|SIPDIS)")
# cheap necessary parts of the record patterns above (each starts with a
# literal, which the regex engine scans for fast): the full pattern is only
# searched where its part occurs
_HEADER_ENDS_HINT = re.compile(r"---[ \t]*(?i:header ends)")
_CSV_RECORD_HINT = re.compile(r',"?' + _RECORD_DATE)
_RECORD_REPEAT_HINT = re.compile(r"\n[ \t]*(?:\d{4}-\d{2}-\d{2}|\d{1,2}([/.])\d{1,2}\1\d{2,4})")
_FLAT_HINT = re.compile(r"SUBJECT:|TAGS|E\.O\.|EO\s1|REFS?:|Classified|CLASSIFIED|SIPDIS")
_FLAT_HEADER_START = re.compile(r"^\s*(?:SUBJECT:|REFS?:|REF\s|Classified\s+By|CLASSIFIED\s+BY|(?:[A-Z] ){3,}|UNCLAS\b)")
_MIDLINE_MARKER = re.compile(r"\S\s+(?:Classified By:|CLASSIFIED BY:|E\.O\.\s?1\d{4}:|TAGS:\s)")
_FLAT_BREAK_BEFORE = re.compile(
    r"(?<=\bSIPDIS)\s+|(?<!\s[A-Z])(?<!^[A-Z])\s+(?=(?:[A-Z] ){3,}[A-Z]\b)|\s+(?=(?:SUBJECT:|TAGS\b|E\.O\.\s?1\d{4}|EO\s1\d{4}|REFS?:|Classified\s+By|CLASSIFIED\s+BY|SIPDIS\b"
    r"|¶\s*\d{1,3}\b|\d{1,2}\.\s*\((?:U|C|S|SBU|LOU|S/NF|C/NF)\)|\((?:U|C|S|SBU|LOU|S/NF|C/NF)\)\s))")
_FLAT_REASON_END = re.compile(
    r"(\b1\.\s?[4-6]\s*(?:\(?\s*[a-hA-H]\s*\)?\s*(?:,|and|&|/)?\s*){1,6}\.?)\s+(?=\S)")
# a run of these spaces becomes one " ": the others are made " " (few texts
# hold one), then runs of " " are collapsed (a literal the engine scans for fast)
_OTHER_SPACE = re.compile(r"[\t\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]")
_SPACE_RUN = re.compile(r"  +")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@lru_cache(maxsize=1)
def _caveats() -> list[str]:
    return sorted(_config()["caveat_words"], key=len, reverse=True)


@lru_cache(maxsize=1)
def _not_caveat_char() -> re.Pattern[str]:
    """A character that no caveat word and no separator holds: a line with
    one is never all caveats."""
    return re.compile("[^" + _caveat_chars()[0] + "]")


@lru_cache(maxsize=1)
def _caveat_chars() -> tuple[str, str]:
    """The characters (escaped for a regex class) that a line of caveats may
    hold: one in capitals (those of the caveat words, the separators) and a
    lower-cased one (the letters of the words used in any case, the space)."""
    capitals = set("".join(_caveats())) | set(" /.,;:-")
    letters = set("".join(_any_case_caveats()))
    any_case = letters | {c.lower() for c in letters} | {" "}
    return _class_chars(capitals), _class_chars(any_case)


def _class_chars(chars: set[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


def _caveat_line_hints() -> list[re.Pattern[str]]:
    """Patterns of which a line of caveats matches one (all its characters are
    a caveat line's): a cheap first test of :func:`_is_caveat`."""
    capitals, any_case = _caveat_chars()
    return [re.compile(rf"\s*[{capitals}]+\s*$"), re.compile(rf"\s*[{any_case}]{{1,60}}\s*$")]


@lru_cache(maxsize=1)
def _any_case_caveats() -> frozenset[str]:
    return frozenset(w.upper() for w in _config()["caveat_words_any_case"])


@lru_cache(maxsize=1)
def _markings() -> frozenset[str]:
    return frozenset(m.upper() for m in _config()["paragraph_markings"])


@lru_cache(maxsize=1)
def _line_patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    config = _config()
    return ([re.compile(p) for p in config["note_lines"]], [re.compile(p) for p in config["footer_lines"]])


@lru_cache(maxsize=1)
def _line_matchers() -> tuple[Callable[[str], Any], Callable[[str], Any], Callable[[str], Any]]:
    """Matchers of a publisher's note line, of a footer line, and of any line
    that a test of :func:`_classify` may accept, except a banner or VZCZC
    line: most lines fail this one regex call and are text."""
    notes, footers = _line_patterns()
    maybe = [_ROUTING_HEAD, _DTG_LINE, _PAGE_BREAK_LINE, _ROUTING_ANYWHERE, _EO_LINE, _TAGS_LINE,
             _SUBJECT_LINE, _REF_LINE, _CLASSIFIED_BY, _RULE, *_caveat_line_hints(), *notes, *footers]
    return _match_any(notes), _match_any(footers), _match_any(maybe)


_FLAG_LETTERS = ((re.ASCII, "a"), (re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"))


def _match_any(patterns: list[re.Pattern[str]]) -> Callable[[str], Any]:
    """Matches where any of ``patterns`` matches: one alternation is one regex
    call per line instead of one per pattern."""
    if not any(p.groups for p in patterns):  # (a backreference's group number would shift)
        parts = []
        for p in patterns:
            flags = "".join(letter for flag, letter in _FLAG_LETTERS if p.flags & flag)
            parts.append(f"(?{flags}:{p.pattern})" if flags else f"(?:{p.pattern})")
        try:
            return re.compile("|".join(parts)).match
        except re.error:  # a pattern with its own global flags: "(?i)..."
            pass
    return lambda text: any(p.match(text) for p in patterns)


_WORDS_ONLY = re.compile(r"[A-Za-z ]{1,60}")
_HAS_UPPER = re.compile("[A-Z]")


def _is_caveat(line: str) -> bool:
    stripped = line.strip()
    if not stripped:
        return False
    if _HAS_LOWER.search(stripped):
        if len(stripped) <= 60 and _WORDS_ONLY.fullmatch(stripped):
            # a lower-cased header ("Sipdis", "Noforn sipdis"): only words never used in prose
            return all(word in _any_case_caveats() for word in stripped.upper().split())
        return False
    if not _HAS_UPPER.search(stripped) or _not_caveat_char().search(stripped):
        return False
    rest = stripped
    for word in _caveats():
        rest = rest.replace(word, " ")
    return not rest.strip(" /.,;:-")


def _is_banner(line: str) -> bool:
    match = _CLASSIFICATION_WORD.match(line)
    if not match:
        return False
    if match["spaced"]:
        if match["spaced"].replace(" ", "").upper() not in {"UNCLASSIFIED", "CONFIDENTIAL", "SECRET"}:
            return False
    rest = match["rest"].strip()
    if not rest:
        return True
    if not _BANNER_REST.fullmatch(rest):
        return False
    # a bare classification word may open a sentence: demand a banner's tail
    return bool(re.search(r"\d|SECTION|^/", rest, re.IGNORECASE) or _is_caveat(rest))


def valid_marking(mark: str) -> bool:
    return " ".join(mark.upper().split()) in _markings()


# --------------------------------------------------------------------------- line kinds

BLANK, DROP, RULE, HEADING, PARA, TEXT = "blank", "drop", "rule", "heading", "para", "text"
LIST = "list"  # an item of a participants list while headings are marked


@dataclass
class _Line:
    text: str
    kind: str = TEXT
    number: str = ""
    marking: str = ""
    body_start: int = 0  # where the text starts after a paragraph number / marking
    page_break: bool = False
    #: the line break before this line is kept (table rows, list items)
    hard_break: bool = False


def _normalize(text: str) -> str:
    text = _CONTROL.sub(" ", text)
    if _OTHER_SPACE.search(text):
        text = _OTHER_SPACE.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    # a dump's line continuation ("text \\") is not text
    return "\n".join(line.rstrip().removesuffix("\\").rstrip() for line in text.split("\n"))


def _after_header_ends(text: str, window: int) -> str | None:
    match = _HEADER_ENDS_HINT.search(text, 0, window) and _HEADER_ENDS.search(text, 0, window)
    return text[match.end():] if match else None


def _after_tsv_record(text: str, window: int) -> str | None:
    match = _TSV_RECORD.search(text, 0, window) if text.find("\t", 0, window) >= 0 else None
    if not match:
        return None
    return _LINE_CONTINUATION.sub("", text[match.end():]).replace("\t", "\n\n")


def _after_csv_record(text: str, window: int) -> str | None:
    """The header and content columns of the cables.csv row (read strictly,
    then leniently), else what follows the row's start."""
    match = _CSV_RECORD_HINT.search(text, 0, window) and _CSV_RECORD.search(text, 0, window)
    if not match:
        return None
    for strict in (True, False):
        try:
            rows = list(csv.reader(io.StringIO(text[match.start():]), strict=strict))
        except csv.Error:
            continue
        if rows and len(rows[0]) >= 8:
            return rows[0][6] + "\n\n" + rows[0][7]
    return text[match.end():]


def _after_record_lines(text: str, window: int) -> str | None:
    match = _RECORD_REPEAT_HINT.search(text, 0, window) and _RECORD_REPEAT.search(text, 0, window)
    return text[match.end():] if match else None


#: the forms of a repeated database record, tried in order: each gives the
#: text after the record, or None when the text holds no such record
_RECORD_FORMS: tuple[tuple[str, Callable[[str, int], str | None]], ...] = (
    ("key: value lines closed by header ends", _after_header_ends),
    ("tab-separated row", _after_tsv_record),
    ("cables.csv row", _after_csv_record),
    ("plain record lines", _after_record_lines),
)


def _drop_record_repeat(text: str) -> str:
    """Many corpus cables repeat their database record before the telegram
    text: as plain lines (number, time, ID, origin, classification, refs), as
    a tab-separated row with backslash-continued lines, as a cables.csv row, or
    as ``key: value`` lines closed by "---- header ends ----". What precedes
    the record is a (often truncated) copy of the header, so cut it all and
    keep what the record holds."""
    window = min(len(text), 200_000)
    for _form, after_record in _RECORD_FORMS:
        rest = after_record(text, window)
        if rest is not None:
            return rest
    return text


def _undouble(lines: list[str]) -> list[str]:
    """Some cables are double-spaced: every wrapped line is followed by a blank
    line and a paragraph ends with two. Recognised by the many single blank
    lines that a lower-case continuation follows; then one blank line is a
    line break and two are a paragraph break."""
    gaps = continued = 0
    for i in range(len(lines) - 2):
        if lines[i].strip() and not lines[i + 1].strip() and lines[i + 2].strip():
            gaps += 1
            continued += lines[i + 2].lstrip()[:1].islower()
    if gaps < 20 or continued < 0.6 * gaps:
        return lines
    out: list[str] = []
    blanks = 0
    for line in lines:
        if not line.strip():
            blanks += 1
            continue
        if blanks >= 2 and out:
            out.append("")
        blanks = 0
        out.append(line)
    return out


_FLAT_LINE_CHARS = 150  # a longer line that starts like a header lost its line breaks


def _unflatten(line: str) -> list[str]:
    """A few cables lost their line breaks in the header: "SUBJECT: X REF: Y
    Classified By: Z 1.4 (b). (C) In a June 30 meeting ...". Split such a line
    before each header keyword and after the classification reason."""
    # every marker (and midline marker) holds one of these words: most lines have none
    if not _FLAT_HINT.search(line, 0, 2000) and not (len(line) > _FLAT_LINE_CHARS and _FLAT_HEADER_START.match(line)):
        return [line]
    markers = len(_FLAT_MARKERS.findall(line, 0, 2000))
    if markers < 2 and not (len(line) > _FLAT_LINE_CHARS and _FLAT_HEADER_START.match(line)) \
            and not _MIDLINE_MARKER.search(line, 0, 2000):
        return [line]
    head, tail = line[:2000], line[2000:]
    head = _FLAT_REASON_END.sub(lambda m: m[1] + "\n", head, count=1)
    head = _FLAT_BREAK_BEFORE.sub("\n", head)
    parts = (head + tail).split("\n")
    return [p for p in parts if p.strip()] or [line]


@lru_cache(maxsize=1)
def _flat_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    marks = "|".join(re.escape(m) for m in sorted(_markings(), key=len, reverse=True))
    # spaces after a closing mark: "\s(?<=[.!?]\s)\s*" is "(?<=[.!?])\s+", but the engine
    # scans fast for a space where it would try the lookbehind at every character
    paragraph = re.compile(rf"\s(?<=[.!?\"'”’)]\s)\s*(?=¶?\d{{1,2}}\s?\.{{1,2}}\s*\((?:{marks})\)\s)")
    signature = re.compile(r"\s(?<=[.!?\"”’]\s)\s*(?=[A-Z][A-Z'-]{2,20}\s*$)")
    return paragraph, signature


def _split_flat_body(line: str) -> list[str]:
    """Some cables hold their whole body on one line: "... off the pitch.” 8.
    (C) Another idea ... SCOBEY". Split such a line before each numbered,
    marked paragraph and before the sender's name at its end."""
    if len(line) < _config()["min_flat_line_chars"]:
        return [line]
    paragraph, signature = _flat_patterns()
    parts = paragraph.split(line)
    parts[-1:] = signature.split(parts[-1], maxsplit=1)
    return parts


def _drop_continuation(lines: list["_Line"], i: int, limit: int, continues: Callable[[str, str], bool]) -> int:
    """Drop up to ``limit`` lines after line ``i`` while they continue a header
    entry (``continues(previous line, next line)``: a wrapped TAGS, SUBJECT,
    REF, "Classified By" or footer); returns the index of the last one dropped."""
    for _ in range(limit):
        if i + 1 >= len(lines) or not continues(lines[i].text, lines[i + 1].text):
            break
        i += 1
        lines[i].kind = DROP
    return i


def _continues_tags(_: str, text: str) -> bool:
    return bool(_TAGS_CONTINUATION.match(text)) and not _is_caveat(text)


def _continues_subject(_: str, text: str) -> bool:
    return bool(text.strip()) and not SUBJECT_STOP_LINE.match(text) and not _DTG_LINE.match(text)


def _continues_refs(_: str, text: str) -> bool:
    return (bool(text.strip()) and bool(_REF_CONTINUATION.match(text))
            and not _CLASSIFIED_BY.match(text) and not _PARA_NUMBER.match(text))


def _continues_reason(previous: str, text: str) -> bool:
    """The classification reason goes on while the line before has none yet,
    ends open ("1.4 (b) and") or the line is the reason's tail."""
    reason_open = not _REASON.search(previous) or _REASON_OPEN.search(previous) or _REASON_TAIL.match(text)
    return bool(text.strip()) and bool(reason_open) and not _PARA_NUMBER.match(text)


def _continues_footer(_: str, text: str) -> bool:
    return bool(re.search(r"https?://|\bBlog\b|\bWeb\s?site\b", text))


def _drop_line(lines: list[_Line], i: int) -> int:
    lines[i].kind = DROP
    return i


def _drop_page_break(lines: list[_Line], i: int) -> int:
    lines[i].kind, lines[i].page_break = DROP, True
    return i


def _dropping_with(limit: int | None, continues: Callable[[str, str], bool]) -> Callable[[list[_Line], int], int]:
    """Drop a header line and up to ``limit`` (None: any number of) lines that continue it."""
    def drop(lines: list[_Line], i: int) -> int:
        lines[i].kind = DROP
        return _drop_continuation(lines, i, len(lines) if limit is None else limit, continues)
    return drop


def _mark_rule(lines: list[_Line], i: int) -> int:
    lines[i].kind = RULE
    return i


def _is_routing_start(text: str) -> bool:
    return bool(_ROUTING_HEAD.match(text) or ("VZCZC" in text and _VZCZC_START.match(text)) or _DTG_LINE.match(text))


def _is_note(text: str) -> bool:
    return bool(_line_matchers()[0](text))


def _is_footer(text: str) -> bool:
    return bool(_line_matchers()[1](text))


_ROUTING = "routing"
#: the header lines, tried in order (first match wins): name, test, and the
#: marking, which returns the index of the last line it consumed
_HEADER_RULES: tuple[tuple[str, Callable[[str], Any], Callable[[list[_Line], int], int]], ...] = (
    (_ROUTING, _is_routing_start, _drop_line),
    ("page break", _PAGE_BREAK_LINE.match, _drop_page_break),
    ("routing line", _ROUTING_ANYWHERE.match, _drop_line),
    ("banner", _is_banner, _drop_line),
    ("caveat", _is_caveat, _drop_line),
    ("E.O.", _EO_LINE.match, _drop_line),
    ("publisher's note", _is_note, _drop_line),
    ("TAGS", _TAGS_LINE.match, _dropping_with(None, _continues_tags)),
    ("SUBJECT", _SUBJECT_LINE.match, _dropping_with(4, _continues_subject)),
    ("REF", _REF_LINE.match, _dropping_with(15, _continues_refs)),
    ("Classified By", _CLASSIFIED_BY.match, _dropping_with(3, _continues_reason)),
    ("footer", _is_footer, _dropping_with(3, _continues_footer)),
    ("rule", _RULE.match, _mark_rule),
)
#: a line that ends the routing block (the lines of which are all dropped)
_ROUTING_ENDS: tuple[Callable[[str], Any], ...] = (
    _is_banner, _is_caveat, _EO_LINE.match, _SUBJECT_LINE.match, _PARA_NUMBER.match)


def _mark_header_line(lines: list[_Line], i: int) -> tuple[int, bool]:
    """Mark line ``i`` by the first header rule that accepts it; the index of
    the last line consumed, and whether the line opens a routing block."""
    text = lines[i].text
    for name, accepts, mark in _HEADER_RULES:
        if accepts(text):
            return mark(lines, i), name == _ROUTING
    return i, False


def _mark_header_lines(lines: list[_Line]) -> None:
    maybe_header = _line_matchers()[2]
    i = 0
    routing = False
    while i < len(lines):
        text = lines[i].text
        if not text.strip():
            lines[i].kind, routing = BLANK, False
        elif routing and not any(ends(text) for ends in _ROUTING_ENDS):
            lines[i].kind = DROP
        elif maybe_header(text) or "VZCZC" in text or _CLASSIFICATION_WORD.match(text):
            i, routing = _mark_header_line(lines, i)
        else:  # (most lines) text: no header rule can accept it
            routing = False
        i += 1


def _classify(raw_lines: list[str]) -> list[_Line]:
    lines = [_Line(t) for t in raw_lines]
    _mark_header_lines(lines)
    _bridge_page_breaks(lines)
    _mark_paragraph_starts(lines)
    _mark_addressing(lines)
    listed = _mark_lists(lines)
    _mark_headings(lines)
    for index in listed:  # a list item that no heading rule took is text again
        if lines[index].kind == LIST:
            lines[index].kind = TEXT
    _mark_signatures(lines)
    _mark_table_rows(lines)
    _bridge_broken_sentences(lines)
    return lines


def _in_table(lines: list[_Line], rows: list[bool], index: int) -> bool:
    """Line ``index`` is a row next to another row or under a rule."""
    if not rows[index]:
        return False
    after_row = index > 0 and (rows[index - 1] or lines[index - 1].kind == RULE)
    return after_row or (index + 1 < len(lines) and rows[index + 1])


def _mark_table_rows(lines: list[_Line]) -> None:
    """Table rows keep their line breaks, and so does the line after one. A
    row is a mostly-numeric line next to another row or under a rule; a lone
    number line ("2010-2012.") is the end of a wrapped sentence."""
    rows = [line.kind == TEXT and _is_table_row(line.text) for line in lines]
    previous_row = False  # (blank, dropped and rule lines do not end a table)
    for index, line in enumerate(lines):
        if line.kind not in (TEXT, BLANK, DROP, RULE):
            previous_row = False
        elif line.kind == TEXT:
            row = _in_table(lines, rows, index)
            if row or previous_row:
                line.hard_break = True
            previous_row = row


def _opens_list(line: _Line) -> bool:
    body = line.text[line.body_start:] if line.kind == PARA else line.text
    return line.kind in (TEXT, PARA) and bool(_list_intro().match(body))


def _list_items(lines: list[_Line], start: int) -> tuple[list[int], int]:
    """The text lines of the list from ``start``, and where the list ends (a
    paragraph start, a heading, or a long line: the block that holds the long
    line is prose, no list)."""
    items: list[int] = []
    j = start
    while j < len(lines) and lines[j].kind in (TEXT, BLANK, RULE, DROP):
        if lines[j].kind == TEXT:
            if len(lines[j].text.strip()) > _config()["max_list_item_chars"]:
                while items and all(lines[k].kind == TEXT for k in range(items[-1], j)):
                    items.pop()
                break
            items.append(j)
        j += 1
    return items, j


def _leave_heading(lines: list[_Line], items: list[int], end: int) -> None:
    """Take off ``items`` the lines directly before the next paragraph start
    that may be its heading."""
    if end >= len(lines) or lines[end].kind != PARA:
        return
    while items and all(lines[k].kind in (BLANK, RULE, DROP) for k in range(items[-1] + 1, end)) \
            and _boxed_or_alone(lines, items[-1]):
        items.pop()


def _mark_lists(lines: list[_Line]) -> list[int]:
    """The lines under a "Participants:" line (name, title) are items of that
    paragraph, never headings; each keeps its own line. The list ends at a
    paragraph start or a long line; its last lines before a paragraph start
    are left to the heading rules. Returns the indexes marked LIST."""
    marked: list[int] = []
    index = 0
    while index < len(lines):
        if not _opens_list(lines[index]):
            index += 1
            continue
        items, index = _list_items(lines, index + 1)
        _leave_heading(lines, items, index)
        for k in items:
            lines[k].kind, lines[k].hard_break = LIST, True
        marked.extend(items)
    return marked


def _boxed_or_alone(lines: list[_Line], index: int) -> bool:
    """A line with a rule or a blank line on each side."""
    return (index > 0 and lines[index - 1].kind in (BLANK, RULE)
            and index + 1 < len(lines) and lines[index + 1].kind in (BLANK, RULE))


@lru_cache(maxsize=1)
def _list_intro() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in _config()["list_intro_words"])
    # "Participants:", "U.S. Participants:", "Participants included:", "PARTICIPANTS"
    return re.compile(rf"^\s*(?:(?:[A-Z][A-Za-z.]*\s+){{0,2}}(?:{words})(?:\s+included)?\s*:|(?:{words}))\s*$",
                      re.IGNORECASE)


def _stops_mid_sentence(text: str) -> bool:
    """Wrapped prose that stops mid-sentence: it ends in a letter or a comma."""
    text = text.rstrip()
    return (len(text) >= _config()["min_wrapped_line_chars"] and bool(re.search(r"[A-Za-z,]$", text))
            and bool(_HAS_LOWER.search(text)))


def _goes_on_as_text(line: _Line) -> bool:
    """Text that may go on with a sentence: not a paragraph start, heading or bullet."""
    if line.kind != TEXT or line.hard_break:
        return False
    text = line.text.strip()
    return (bool(re.match(r"[A-Za-z]", text)) and not _LIST_ITEM.match(text)
            and (bool(_HAS_LOWER.search(text)) or not text.isupper()))


def _bridge_after(lines: list[_Line], index: int) -> int:
    """Drop the single blank line after line ``index`` if a sentence runs
    across it; the index to go on at."""
    line = lines[index]
    if line.kind not in (TEXT, PARA) or line.hard_break:
        return index + 1
    j = index + 1
    while j < len(lines) and lines[j].kind == BLANK:
        j += 1
    if j == index + 2 and j < len(lines) and _goes_on_as_text(lines[j]) and _stops_mid_sentence(line.text):
        lines[index + 1].kind = DROP
    return j


def _bridge_broken_sentences(lines: list[_Line]) -> None:
    """A blank line inside a sentence ("attended by three Basque\n\nHomeland
    and Freedom (ETA) members") is not a paragraph break: the line before is
    wrapped prose that stops mid-sentence (ends in a letter or a comma) and
    the line after is text, not a paragraph start, heading or bullet."""
    index = 0
    while index < len(lines):
        index = _bridge_after(lines, index)


_LIST_ITEM = re.compile(r"^(?:[A-Za-z][.)]\s|[ivx]{1,4}[.)]\s|o\s)")


def _next_index(lines: list[_Line], start: int, skipped: tuple[str, ...]) -> int:
    """The first line from ``start`` whose kind is not one of ``skipped`` (``len(lines)`` if none)."""
    while start < len(lines) and lines[start].kind in skipped:
        start += 1
    return start


def _bridge_page_break(lines: list[_Line], index: int) -> None:
    before = index - 1
    while before >= 0 and lines[before].kind == BLANK:
        before -= 1
    after = _next_index(lines, index + 1, (BLANK, DROP))
    if before < 0 or after >= len(lines) or lines[before].kind != TEXT:
        return
    if _ends_sentence(lines[before].text) and not lines[after].text.lstrip()[:1].islower():
        return
    for j in range(before + 1, after):
        if lines[j].kind == BLANK:
            lines[j].kind = DROP


def _bridge_page_breaks(lines: list[_Line]) -> None:
    """Blank lines around a page break that falls mid-sentence are not a
    paragraph break: drop them so the sentence joins across the break."""
    for index, line in enumerate(lines):
        if line.page_break:
            _bridge_page_break(lines, index)


def _previous_kept(lines: list[_Line], index: int) -> _Line | None:
    for j in range(index - 1, max(index - 50, -1), -1):
        if lines[j].kind in (TEXT, PARA, HEADING):
            return lines[j]
        if lines[j].kind in (BLANK, RULE):
            return None
    return None


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(tuple(_SENTENCE_END_CHARS))


class _ParaStart(NamedTuple):
    """What opens a line: a paragraph number and/or a classification marking."""

    number: str
    pilcrow: bool  # the number came after a "¶"
    marking: str
    body_start: int


def _paragraph_opening(text: str) -> _ParaStart | None:
    """The paragraph number ("12.", "¶12") and marking ("(C)") that open
    ``text``, or None when it opens with neither."""
    match = _PARA_NUMBER.match(text)
    number = (match["pnum"] or match["num"] or "") if match else ""
    position = match.end() if match else 0
    marking_match = _MARKING.match(text, position)
    marking = ""
    if marking_match and valid_marking(marking_match["mark"]):
        marking = " ".join(marking_match["mark"].split())
        position = marking_match.end()
    if not number and not marking:
        return None
    return _ParaStart(number, bool(match and match["pilcrow"]), marking, position)


def _after_break(lines: list[_Line], index: int) -> bool:
    """The line before ``index`` ends a sentence or a heading (or there is none)."""
    previous = _previous_kept(lines, index)
    return previous is None or _ends_sentence(previous.text) or previous.kind == HEADING


def _numbering_goes_on(start: _ParaStart, after_break: bool, last: int) -> bool:
    """A bare "12." must continue the numbering (or restart it at 1);
    WikiLeaks also put a "¶" before any number that began a line."""
    value = int(start.number)
    in_sequence = value == 1 or last < value <= last + 3
    return (in_sequence and (after_break or start.pilcrow)) or (start.pilcrow and after_break)


def _opens_paragraph(lines: list[_Line], index: int, start: _ParaStart, last: int) -> bool:
    if start.number and start.marking:
        return True
    after_break = _after_break(lines, index)
    if start.number:
        return _numbering_goes_on(start, after_break, last)
    return after_break


def _mark_paragraph_starts(lines: list[_Line]) -> None:
    last = 0  # the number of the last numbered paragraph
    for index, line in enumerate(lines):
        start = _paragraph_opening(line.text) if line.kind == TEXT else None
        if start is None or not _opens_paragraph(lines, index, start, last):
            continue
        if start.number:
            last = int(start.number)
        line.kind, line.number, line.marking, line.body_start = PARA, start.number, start.marking, start.body_start


def _neighbour_kinds(lines: list[_Line], index: int) -> tuple[str, str]:
    before = after = ""
    for j in range(index - 1, -1, -1):
        if lines[j].kind != BLANK:
            before = lines[j].kind
            break
    for j in range(index + 1, len(lines)):
        if lines[j].kind != BLANK:
            after = lines[j].kind
            break
    return before, after


def _is_lower_address(text: str, after: str) -> bool:
    """A line of a lower-cased header: "Department for isn/ness dfenstermacher", "af/c"."""
    return after != PARA and bool(_LOWER_ADDRESS.match(text) or re.fullmatch(r"[\w/&.-]{1,25}", text))


def _is_addressing(lines: list[_Line], index: int, first_para: int | None) -> bool:
    line = lines[index]
    if line.kind != TEXT:
        return False
    stripped = line.text.strip()
    if len(stripped) > 200:
        return False
    in_preamble = first_para is not None and index < first_para
    has_lower = bool(_HAS_LOWER.search(stripped))
    if has_lower and not in_preamble:
        return False  # (the most common case, decided before looking at the neighbours)
    before, after = _neighbour_kinds(lines, index)
    if DROP not in (before, after) or (has_lower and not _is_lower_address(stripped, after)):
        return False
    if not (_ADDRESS.match(stripped) or (in_preamble and not stripped.endswith("."))):
        return False
    return not (in_preamble and after == PARA and before != DROP)  # that is probably the heading of paragraph 1


def _mark_addressing(lines: list[_Line]) -> None:
    """Addressing lines ("DEPARTMENT FOR INL", "NSC FOR DAN RESTREPO") sit among
    the header lines; before paragraph 1 any all-capitals line that touches a
    dropped header line is one too. A dropped line may make its neighbour
    touch the header: repeated until nothing changes (at most 20 rounds)."""
    first_para = next((i for i, line in enumerate(lines) if line.kind == PARA and line.number), None)
    for _ in range(20):
        changed = False
        for index, line in enumerate(lines):
            if _is_addressing(lines, index, first_para):
                line.kind = DROP
                changed = True
        if not changed:
            return


_LETTERS = re.compile(r"[^\W\d_]")
_ASCII_DIGIT = re.compile("[0-9]")
_NUMBER_TOKEN = re.compile(r"^[(]?[-+]?[\d.,%]*\d[\d.,%]*[)*]*$")


def _is_table_row(text: str) -> bool:
    """A line that is mostly numbers ("2005 1855", "Jan 282", "Total 315 522"):
    a row of a table, never a heading."""
    if not _ASCII_DIGIT.search(text):  # most lines: prose or headings (and a number token needs a digit)
        return False
    digits = sum(map(text.count, "0123456789"))
    tokens = text.split()
    letters = len(_LETTERS.findall(text))
    numbers = sum(1 for t in tokens if _NUMBER_TOKEN.match(t))
    return digits >= letters or (numbers >= 2 and 2 * numbers >= len(tokens))


def _heading_ok(text: str, question: bool = False) -> bool:
    """A line that may be a heading; ``question``: one ending in "?" too
    ("A Measure of Success?"), allowed where the layout proves a heading."""
    config = _config()
    stripped = text.strip()
    if not stripped or len(stripped) > config["max_heading_chars"]:
        return False
    if (stripped[-1] in ".,;:!?" and not (question and stripped[-1] == "?")) or stripped.startswith(("-", "*", "(")):
        return False
    if len(stripped.split()) > config["max_heading_words"]:
        return False
    return not _is_table_row(stripped)


def _is_ruled_heading(lines: list[_Line], index: int) -> bool:
    """A boxed or underlined heading: "-----\nSUMMARY\n-----", "Law and Order\n------"."""
    before, after = _neighbour_kinds(lines, index)
    text = lines[index].text
    if RULE not in (before, after) or not _heading_ok(text, question=True):
        return False
    opens = before in (RULE, DROP, "", HEADING)
    if text.strip().endswith("?") and not (opens and after == RULE):
        return False  # a question is a heading only when boxed
    return opens or _ends_sentence(_previous_text(lines, index))


def _mark_ruled_headings(lines: list[_Line]) -> None:
    # (a heading there needs a rule next to it: most cables have no rule at all)
    if not any(line.kind == RULE for line in lines):
        return
    for index, line in enumerate(lines):
        if line.kind == TEXT and _is_ruled_heading(lines, index):
            line.kind = HEADING


_TITLE, _QUESTION = "title", "question"


def _is_lone_question(lines: list[_Line], index: int) -> bool:
    """A question standing alone between blank lines ("A Measure of Success?")."""
    return (_heading_ok(lines[index].text, question=True) and _blank_before(lines, index)
            and index + 1 < len(lines) and lines[index + 1].kind in (BLANK, RULE))


def _continues_sentence(lines: list[_Line], index: int) -> bool:
    """Line ``index`` goes on with the sentence of the line before it."""
    before_text = _previous_text(lines, index)
    return bool(before_text) and not _ends_sentence(before_text) and not _blank_before(lines, index)


def _title_kind(lines: list[_Line], index: int) -> str:
    """Whether line ``index`` may open a title (_TITLE, _QUESTION) or not ("")."""
    line = lines[index]
    if line.kind != TEXT or not line.text.strip()[0].isupper():
        return ""
    if _heading_ok(line.text):
        kind = _TITLE
    elif _is_lone_question(lines, index):
        kind = _QUESTION
    else:
        return ""
    return "" if _continues_sentence(lines, index) else kind


def _title_run_end(lines: list[_Line], index: int, kind: str) -> int:
    """The end of the title lines from ``index``: up to three short lines (a question stands alone)."""
    end = index + 1
    if kind == _QUESTION:
        return end
    while end < len(lines) and end - index < 3 and lines[end].kind == TEXT and _heading_ok(lines[end].text):
        end += 1
    return end


def _skip_gap(lines: list[_Line], start: int) -> tuple[int, bool]:
    """The first line from ``start`` that is not blank or dropped, and whether a blank one came before it."""
    k = start
    blank = False
    while k < len(lines) and lines[k].kind in (BLANK, DROP):
        blank = blank or lines[k].kind == BLANK
        k += 1
    return k, blank


def _title_is_heading(lines: list[_Line], index: int, end: int, single: bool) -> bool:
    """The title lines ``index:end`` head what follows: a paragraph start, or
    (a ``single`` title line set off by blank lines) a block of prose."""
    k, blank_after = _skip_gap(lines, end)
    if k >= len(lines):
        return False
    if lines[k].kind == PARA:
        return True
    return (lines[k].kind == TEXT and blank_after and single and _blank_before(lines, index)
            and _is_long_block(lines, k))


def _mark_title_at(lines: list[_Line], index: int) -> int:
    """Mark the title lines from ``index`` as headings if they are; the index to go on at."""
    kind = _title_kind(lines, index)
    if not kind:
        return index + 1
    end = _title_run_end(lines, index, kind)
    if _title_is_heading(lines, index, end, single=end == index + 1 and kind == _TITLE):
        for r in range(index, end):
            lines[r].kind = HEADING
    return end


def _mark_headings(lines: list[_Line]) -> None:
    _mark_ruled_headings(lines)
    # short title lines between a finished paragraph and the next paragraph start
    index = 0
    while index < len(lines):
        index = _mark_title_at(lines, index)


def _is_long_block(lines: list[_Line], start: int) -> bool:
    """A block of prose (not a form field such as "DOB: 8/30/1983")."""
    size = 0
    for j in range(start, min(start + 3, len(lines))):
        if lines[j].kind != TEXT:
            break
        size += len(lines[j].text.strip())
    return size >= 100


def _previous_text(lines: list[_Line], index: int) -> str:
    for j in range(index - 1, max(index - 50, -1), -1):
        if lines[j].kind in (TEXT, PARA, HEADING):
            return lines[j].text
        if lines[j].kind == BLANK:
            continue
    return ""


def _blank_before(lines: list[_Line], index: int) -> bool:
    return index == 0 or lines[index - 1].kind in (BLANK, RULE, DROP)


def _is_signature(lines: list[_Line], index: int) -> bool:
    line = lines[index]
    if line.kind not in (TEXT, HEADING) or not _SIGNATURE.match(line.text):
        return False
    stripped = line.text.strip()
    previous = _previous_text(lines, index)
    if len(stripped) > 30 or not previous or not _ends_sentence(previous):
        return False
    k = _next_index(lines, index + 1, (BLANK, DROP, RULE))
    if k >= len(lines):
        return True
    # before a restart of the numbering only a name in capitals
    return lines[k].kind == PARA and lines[k].number == "1" and not _HAS_LOWER.search(stripped)


def _mark_signatures(lines: list[_Line]) -> None:
    """The sender's name after the last paragraph ("GARZA"): a short name line
    followed only by dropped lines, the end, or a restart of the numbering."""
    for index, line in enumerate(lines):
        if _is_signature(lines, index):
            line.kind = DROP


# --------------------------------------------------------------------------- assembly


@dataclass
class _Draft:
    number: str
    marking: str
    heading: str
    blocks: list[list[str]] = field(default_factory=list)


@dataclass
class _Assembly:
    """Paragraph drafts being assembled from the kept lines, one line at a time."""

    drafts: list[_Draft] = field(default_factory=list)
    current: _Draft | None = None
    heading: str = ""
    heading_parts: list[str] = field(default_factory=list)
    #: a new heading was completed since the last text line
    heading_changed: bool = False
    #: a blank line since the last text line
    block_break: bool = False

    def close_heading(self) -> None:
        if self.heading_parts:
            self.heading, self.heading_parts, self.heading_changed = " ".join(self.heading_parts), [], True

    def blank(self, _: _Line) -> None:
        self.block_break = True
        self.close_heading()

    def dropped(self, _: _Line) -> None:
        """A page break mid-sentence: the sentence simply goes on."""

    def rule(self, _: _Line) -> None:
        self.close_heading()

    def heading_line(self, line: _Line) -> None:
        # a "¶" that no paragraph number follows is WikiLeaks' mark, not text
        part = repair_text(line.text).strip().strip("-=_*~ ")
        if part:
            self.heading_parts.append(part)

    def paragraph_start(self, line: _Line) -> None:
        self.close_heading()
        self.current = _Draft(line.number, line.marking, self.heading, [[line.text[line.body_start:]]])
        self.drafts.append(self.current)
        self.heading_changed = self.block_break = False

    def text(self, line: _Line) -> None:
        self.close_heading()
        current = self.current
        if current is None or (self.block_break and (not current.number or self.heading_changed)):
            self.current = _Draft("", "", self.heading, [[line.text]])
            self.drafts.append(self.current)
        elif self.block_break or line.hard_break:
            current.blocks.append([line.text])
        else:
            current.blocks[-1].append(line.text)
        self.heading_changed = self.block_break = False


#: what each kind of line does to the assembly (any other kind is text)
_ASSEMBLY_STEPS: dict[str, Callable[[_Assembly, _Line], None]] = {
    BLANK: _Assembly.blank, DROP: _Assembly.dropped, RULE: _Assembly.rule,
    HEADING: _Assembly.heading_line, PARA: _Assembly.paragraph_start,
}


def _assemble(lines: list[_Line]) -> list[_Draft]:
    assembly = _Assembly()
    for line in lines:
        _ASSEMBLY_STEPS.get(line.kind, _Assembly.text)(assembly, line)
    _reset_summary_headings(assembly.drafts)
    return assembly.drafts


def _reset_summary_headings(drafts: list[_Draft]) -> None:
    """A "SUMMARY" heading covers the summary only: after the paragraph that
    says "End Summary" it no longer applies."""
    closed: str | None = None
    for draft in drafts:
        if closed is not None and draft.heading == closed:
            draft.heading = ""
            continue
        closed = None
        if re.fullmatch(r"(?i)\W*summary\W*", draft.heading or "") and re.search(
                r"(?i)end\s+summary", " ".join(" ".join(b) for b in draft.blocks)):
            closed = draft.heading


def _join_lines(parts: list[str]) -> str:
    out: list[str] = []
    for part in parts:
        piece = part.strip()
        if not piece:
            continue
        if out and out[-1].endswith("-") and re.search(r"[A-Za-z.]-$", out[-1]) and not out[-1].endswith("--") and piece[0].isalpha():
            out[-1] = out[-1] + piece  # "U.S.-" + "Mexico"
        else:
            out.append(piece)
    return " ".join(out)


# --------------------------------------------------------------------------- repairs

_POSSESSIVE = re.compile(r"(?<=[A-Za-z]),s\b")
_AMP_QUOTE = re.compile(r"(?<![A-Za-z0-9&])&(?=[^\s&])([^&\n]{1,200}?)(?<=[^\s\d])8(?![A-Za-z0-9])")
# ")" after whitespace: the lookbehind follows the ")" so the engine scans for the literal fast
_PAREN_DASH = re.compile(r"\)(?<=\s\))-?(?=\s|$)")
# WikiLeaks' SIPDIS marker also turns up inside sentences ("Ambassador SIPDIS said")
_INLINE_CAVEAT = re.compile(r"\s*\bSIPDIS\b\s*")
_MULTI_SPACE = re.compile(r" {2,}")
_EIGHT_DIGITS = re.compile(r"\d{8}")
_EIGHT_ASCII_DIGITS = re.compile(r"[0-9]{8}")  # the same in ASCII text, and faster


def repair_text(text: str) -> str:
    """Undo telegram transmission mangling in cleaned text."""
    # each repair only where its telltale character is present: most text needs none
    if ",s" in text:
        text = _POSSESSIVE.sub("'s", text)
    if "&" in text:
        text = _AMP_QUOTE.sub(lambda m: f'"{m[1]}"', text)
    if ")" in text:
        text = _PAREN_DASH.sub("-", text)
    if (_EIGHT_ASCII_DIGITS if text.isascii() else _EIGHT_DIGITS).search(text):
        text = _PAGE_BREAK_INLINE.sub(" ", text)
    if "SIPDIS" in text:
        text = _INLINE_CAVEAT.sub(" ", text)
    text = text.replace("¶", "")  # a paragraph mark left inside the text
    if "  " in text:  # (a run of spaces never spans lines: one pass over the whole text)
        text = _MULTI_SPACE.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


# --------------------------------------------------------------------------- sentences


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    config = _config()
    abbreviations = frozenset(a.lower() for a in config["abbreviations"])
    starters = frozenset(s.lower() for s in config["sentence_starters_after_abbreviation"])
    return abbreviations, starters


_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n|;(?=\s+--\s)")
_NEXT_WORD = re.compile(r"[\"'“‘(]*([A-Za-z]+)")


def _next_word(rest: str) -> str:
    """The first word of ``rest``, lower-cased ("" if it starts with none)."""
    next_word = _NEXT_WORD.match(rest)
    return next_word[1].lower() if next_word else ""


_DOTTED_INITIALS = re.compile(r"(?:[A-Za-z]\.){1,4}[A-Za-z]")
_FINAL_CAPABLE = frozenset({"u.s", "u.n", "u.k", "e.u", "d.c", "etc", "a.m", "p.m", "inc", "corp", "ltd", "co"})


def _period_in_word(text: str, at: int, rest: str) -> bool:
    """The period at ``text[at]`` ends an initial ("Charles V. Barclay"), an
    abbreviation or dotted initials ("U.S", "i.e"), not a sentence; ``rest``
    is the text after it. An abbreviation that can end a sentence ("U.S.",
    "etc.") does when a sentence starter follows it."""
    abbreviations, starters = _abbreviations()
    before = text[max(0, at - 40):at]
    # the word before the period: what follows the last whitespace (str.isspace is re's \s)
    token = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    token = token.lstrip("\"'“‘(")
    low = token.lower()
    if len(token) == 1 and token.isalpha() and token.isupper():
        return True
    if low in abbreviations and not (low in _FINAL_CAPABLE and _next_word(rest) in starters):
        return True
    return bool(_DOTTED_INITIALS.fullmatch(token)) and _next_word(rest) not in starters


def _sentence_bound(text: str, match: re.Match[str]) -> int | None:
    """Where the sentence ends at a candidate ``match`` (a line break, or closing
    punctuation before a space), or None when it goes on."""
    if match.group() == "\n":
        return match.start()
    end = match.end()
    if match.group() == ";":
        # "... tactics: -- Summer 2006: ambushes ...; -- October 2006: ...": a list
        # joined from its lines, one item per sentence (a dash after a comma is a clause)
        return end
    rest = text[end:end + 40].lstrip(" ")
    if not rest:
        return None
    if rest.startswith("\n"):
        return end
    if not (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"'“‘([¶-—"):
        return None
    if match.group()[0] == "." and _period_in_word(text, match.start(), rest):
        return None
    return end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` with exact offsets (pure regex, no model)."""
    bounds = [bound for match in _CANDIDATE.finditer(text) if (bound := _sentence_bound(text, match)) is not None]
    return _make_sentences(text, bounds)


def _make_sentences(text: str, bounds: list[int]) -> list[Sentence]:
    limit = _config()["max_sentence_chars"]
    sentences: list[Sentence] = []
    start = 0
    for end in [*bounds, len(text)]:
        for s, e in ((start, end),) if end - start <= limit else _bounded(text, start, end, limit):
            s, e = _trim(text, s, e)
            if e > s:
                sentences.append(Sentence(text[s:e], s, e))
        start = end
    return sentences


def _bounded(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Cut a run-on "sentence" longer than ``limit`` at spaces (downstream
    parsers are superlinear in sentence length)."""
    pieces = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        if cut <= start:
            cut = start + limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --------------------------------------------------------------------------- entry points


_NOT_KEY_BYTES = bytes(c for c in range(128) if not chr(c).isdigit() and not "a" <= chr(c) <= "z")


def _key(text: str) -> str:
    """``text`` lower-cased, with only the letters a-z and digits 0-9 kept."""
    # the same as deleting [^a-z0-9], done on bytes: non-ASCII goes on encoding
    return text.lower().encode("ascii", "ignore").translate(None, _NOT_KEY_BYTES).decode("ascii")


def _without_inline_page_break(line: str) -> str:
    """``line`` without a page break glued into it (a line that is one page break is kept)."""
    if ((" OF " in line or " of " in line) and _PAGE_BREAK_TAIL.search(line) and _PAGE_BREAK_INLINE.search(line)
            and not _PAGE_BREAK_LINE.match(line)):
        return _PAGE_BREAK_INLINE.sub(" ", line)
    return line


def _telegram_lines(raw_text: str) -> list[str]:
    """The lines of a telegram text: its record repeat dropped, spaces
    normalised, double spacing undone, flattened lines split."""
    text = _drop_record_repeat(raw_text.replace("\r\n", "\n").replace("\r", "\n"))
    raw_lines: list[str] = []
    # a line this short and without a header keyword is kept whole by _unflatten and _split_flat_body
    short = min(_FLAT_LINE_CHARS, _config()["min_flat_line_chars"])
    for line in _undouble(_normalize(text).split("\n")):
        line = _without_inline_page_break(line)
        if len(line) < short and not _FLAT_HINT.search(line):
            raw_lines.append(line)  # (most lines)
            continue
        for part in _unflatten(line):
            raw_lines.extend(_split_flat_body(part))
    return raw_lines


_MIN_COPY_KEY = 30  # a paragraph key this long may be a truncated copy of another


@dataclass
class _UniqueParagraphs:
    """The paragraphs of a body that a file may hold twice (or truncated
    once): each paragraph is kept once, in its fullest text."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)  # _key of each paragraph's text, computed once
    seen: set[str] = field(default_factory=set)
    by_number: dict[str, list[int]] = field(default_factory=dict)

    def add(self, draft: _Draft) -> None:
        body = repair_text("\n".join(_join_lines(block) for block in draft.blocks))
        key = _key(body)
        if not key or key in self.seen:
            return
        same_number = self.by_number.setdefault(draft.number, [])
        if self._merged_copy(draft, body, key, same_number):
            return
        self.seen.add(key)
        same_number.append(len(self.paragraphs))
        self.keys.append(key)
        self.paragraphs.append(Paragraph(draft.number, draft.marking, draft.heading, body, split_sentences(body)))

    def _merged_copy(self, draft: _Draft, body: str, key: str, same_number: list[int]) -> bool:
        """Whether the draft is a truncated copy of a paragraph of the same
        number, or that paragraph is a truncated copy of the draft (which
        then replaces its text)."""
        if len(key) < _MIN_COPY_KEY:
            return False
        for position in same_number[:200]:
            other_key = self.keys[position]
            if len(other_key) < _MIN_COPY_KEY:
                continue
            if other_key.startswith(key):
                return True
            if key.startswith(other_key):
                self._replace(position, draft, body, key)
                return True
        return False

    def _replace(self, position: int, draft: _Draft, body: str, key: str) -> None:
        other = self.paragraphs[position]
        self.seen.discard(self.keys[position])
        self.paragraphs[position] = Paragraph(other.number, other.marking or draft.marking,
                                              other.heading or draft.heading, body, split_sentences(body))
        self.keys[position] = key
        self.seen.add(key)


def clean_text(raw_text: str) -> list[Paragraph]:
    """Paragraphs (with sentences) of a telegram text."""
    unique = _UniqueParagraphs()
    for draft in _assemble(_classify(_telegram_lines(raw_text))):
        unique.add(draft)
    return unique.paragraphs


def clean_document(doc: Document) -> Document:
    """Fill ``doc.paragraphs`` from ``doc.raw_text`` (``raw_text`` is kept)."""
    # A telegram that holds only header lines (WikiLeaks published some that way)
    # still parsed: its metadata is good, it just yields no paragraphs.
    doc.paragraphs = clean_text(doc.raw_text or "")
    return doc
