"""Stage 1 — read: find input files, detect their format from content, decode
them and pull out the metadata. Produces :class:`Document` objects whose
``raw_text`` holds the telegram text; paragraphs are filled by :mod:`clean`.

Formats (detected from the bytes, never from the file name):

* ``cablegate-text``  — a ``Key: value`` header block, then the telegram;
* ``scraped-page``    — a copy scraped from a news site ("Cablegate: title"
  line, telegram, then site boilerplate that is dropped);
* ``telegram``        — a bare telegram (routing header, banner, body);
* ``cables-csv``      — the Cablegate ``cables.csv`` dump, one row per cable;
* ``wikileaks-html``  — a WikiLeaks cable page (metadata table, ``<pre>`` blocks);
* ``text``            — anything else that is text.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from .language import MONTHS, YEARS
from .model import Document
from .telegram import SUBJECT_STOP_LINE

_DATA = Path(__file__).resolve().parent / "data"


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    with open(_DATA / "reader.json", encoding="utf-8") as handle:
        return json.load(handle)


# --------------------------------------------------------------------------- discover


def discover(paths: Sequence[str | os.PathLike[str]],
             skipped: list[Path] | None = None) -> list[tuple[Path, Path]]:
    """Every input file under ``paths`` as ``(file, root)``, sorted, so a run
    never depends on the order the file system lists things in.

    Folders are walked recursively; hidden entries and corpus companions
    (INDEX.tsv, SOURCE.md, ...) are skipped. A folder symlink is followed once
    (a loop is never entered twice) and an unreadable folder is skipped. A file
    named explicitly is always taken, whatever its name. The files passed over
    by name are appended to ``skipped`` when it is given (the summary counts them:
    a cable saved as ``notes.json`` must not vanish silently)."""
    found: dict[str, tuple[str, Path, Path]] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for file in _walk(path, skipped):
                key = os.path.abspath(file)
                found.setdefault(key, (_relative(file, path), file, path))
        elif path.exists() or path.is_symlink():  # a broken link still gets an error row
            key = os.path.abspath(path)
            found.setdefault(key, (path.name, path, path.parent))
    ordered = sorted(found.values(), key=lambda item: (item[0], str(item[2])))
    return [(file, root) for _, file, root in ordered]


def _walk(root: Path, skipped: list[Path] | None = None) -> Iterator[Path]:
    visited: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            info = folder.stat()
        except OSError:
            continue
        ident = (info.st_dev, info.st_ino)
        if ident in visited:  # symlink loop or second link to the same folder
            continue
        visited.add(ident)
        try:
            with os.scandir(folder) as entries:
                listed = sorted(entries, key=lambda e: e.name)
        except OSError:
            continue  # unreadable folder
        for entry in listed:
            entry_path = Path(entry.path)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if entry.name.startswith("."):
                if skipped is not None and not is_dir:
                    skipped.append(entry_path)
                continue
            if is_dir:
                stack.append(entry_path)
            elif _is_input_name(entry.name):
                yield entry_path
            elif skipped is not None:
                skipped.append(entry_path)


def _is_input_name(name: str) -> bool:
    config = _config()
    if name in config["skip_file_names"] or name.upper().startswith("README"):
        return False
    return os.path.splitext(name)[1].lower() not in config["skip_extensions"]


def _relative(path: Path, root: Path) -> str:
    try:
        rel = path.relative_to(root).as_posix()
    except ValueError:
        rel = path.name
    return printable_name(rel)


def relative_name(path: Path, root: Path) -> str:
    """The name of ``path`` in the tables (``source_file``): relative to ``root``, printable."""
    return _relative(Path(path), Path(root))


def printable_name(name: str) -> str:
    """A file name as text that UTF-8 can write: bytes that are not UTF-8 (held by
    Python as lone surrogates) shown as ``\\xe9``, so one odd name cannot stop the run."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


# --------------------------------------------------------------------------- decoding


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined: read them as latin-1
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("dateline_latin1", _latin1_fallback)

_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")


def detect_encoding(data: bytes) -> str:
    """The codec to read ``data`` with: a BOM wins, then UTF-16 without BOM
    (many NULs at alternating positions), then UTF-8 if the bytes are mostly
    valid UTF-8, else cp1252 (a superset of latin-1's printable range)."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) and len(data) % 4 == 0:
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:4096]
    if len(sample) >= 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        half = len(sample) // 2
        if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
            return "utf-16-le"
        if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
            return "utf-16-be"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    high = len(_HIGH_BYTE.findall(data))
    valid = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    # mostly-valid UTF-8 with a few stray bytes stays UTF-8 (bad bytes replaced)
    return "utf-8" if valid >= high / 2 else "cp1252"


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` whatever its encoding; never raises."""
    encoding = detect_encoding(data)
    errors = "dateline_latin1" if encoding == "cp1252" else "replace"
    try:
        text = data.decode(encoding, errors=errors)
    except (UnicodeError, LookupError):
        text = data.decode("latin-1")
    return text.lstrip("\ufeff")


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


_BINARY_SAMPLE_CHARS = 8192  # _looks_binary judges this many leading characters


def _looks_binary(text: str) -> bool:
    sample = text[:_BINARY_SAMPLE_CHARS]
    if not sample:
        return False
    # a few stray NULs in a telegram are transmission noise (they are dropped);
    # binary data is full of them
    if sample.count("\x00") > max(2, 0.01 * len(sample)):
        return True
    bad = len(_CONTROL.findall(sample)) + sample.count("\ufffd")
    return bad > 0.1 * len(sample)


# --------------------------------------------------------------------------- dates

#: the three-letter month abbreviations of date-time groups ("JUL")
_MONTHS = {name.upper(): number for name, number in MONTHS.items() if len(name) == 3}
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_US_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")
# a date-time group, "R 241258Z JUL 08"; the precedence letter is optional
_DTG = re.compile(
    r"(?<![A-Za-z0-9])(?:[OPRZ]{1,2}\s+)?(\d{2})(\d{2})(\d{2})Z\s*"
    r"(" + "|".join(_MONTHS) + r")\s*(\d{4}|\d{2})(?![0-9])")


def _plausible(date: dt.date) -> bool:
    return date.year in YEARS["cables"]


def _make_date(year: int, month: int, day: int) -> str:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return ""
    return date.isoformat() if _plausible(date) else ""


def _two_digit_year(year: str) -> int:
    value = int(year)
    if len(year) == 4:
        return value
    return 1900 + value if value >= 60 else 2000 + value  # cables run from the 1960s


def parse_date(value: str) -> str:
    """ISO date of a header value ("2008-07-24 12:58", "12/28/2006 14:57"), or ""."""
    match = _ISO_DATE.search(value)
    if match:
        return _make_date(int(match[1]), int(match[2]), int(match[3]))
    match = _US_DATE.search(value)
    if match:
        return _make_date(_two_digit_year(match[3]), int(match[1]), int(match[2]))
    match = _DTG.search(value.upper())
    if match:
        return _dtg_date(match)
    return ""


def _dtg_date(match: re.Match[str]) -> str:
    return _make_date(_two_digit_year(match[5]), _MONTHS[match[4]], int(match[1]))


# --------------------------------------------------------------------------- telegram metadata

_SPACED_CLASSIFICATION = re.compile(r"^\s*((?:[A-Z] ){3,}[A-Z])\b")
_WORD_CLASSIFICATION = re.compile(
    r"^\s*(UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)\b(?=[A-Z0-9 /]*$)")
_SECTION = re.compile(r"\bSECTION\s+\d+\s+OF\s+\d+\s*")
_POST_NUMBER = re.compile(r"^\s*([A-Z][A-Z .'-]*?[A-Z])\s+0*(\d{1,7})(?:\s+\d{3}(?:\.\d+)?\s+OF\s+\d{3})?\s*$")
_CABLE_NUMBER = re.compile(r"\bDE\s+RU[A-Z]{3,}\s+#(\d{1,7})")
_STATION = re.compile(r"\bDE\s+(RU[A-Z]{4,5})\s+#\d")
_FROM_LINE = re.compile(r"(?:^|\s)FM\s+([A-Z][A-Z0-9 .'/-]{0,60}?)\s*(?=\s(?:TO|INFO)\s|$)", re.MULTILINE)
_ROUTING_CLASS = re.compile(r"\bZN[YR]\s+(UUUUU|CCCCC|SSSSS)\b")
# cheap necessary parts of the patterns above (they start with a literal or a
# digit, which the regex engine scans for fast): many texts have no routing
# header, and the full patterns would scan all of them slowly
_DTG_HINT = re.compile(r"\d{6}Z\s*(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")
_ROUTING_HINT = re.compile(r"RU[A-Z]{3,}\s+#\d")  # in _CABLE_NUMBER and _STATION
_SUBJECT = re.compile(r"^\s*SUBJ(?:ECT)?\s*:\s*(.*)$", re.IGNORECASE)
# where an inline SUBJECT value stops (flattened cables put REF, Classified By,
# and the first paragraph on the same line)
_SUBJECT_STOP_INLINE = re.compile(
    r"\s(?:REFS?\s*:|REFTEL\b|Classified\s+By\b|CLASSIFIED\s+BY\b|¶|\d{1,2}\.\s+\((?:[A-Z/]{1,8})\)"
    r"|\((?:U|C|S|SBU|S/NF|C/NF|LOU)\)\s)")
_TAGS_LINE = re.compile(r"^\s*TAGS\b\s*:?\s*(.*)$")
_REF_LINE = re.compile(r"^\s*(?:REFS?|REFTEL|REFERENCES?)\b\s*:?\s*(.*)$")
_REF_CONTINUATION = re.compile(r"^\s+\S|^\s*\(?[A-H]\)?[.)]\s")
_REF_ID = re.compile(r"(?:\b(\d{2})\s*)?\b([A-Z]{2,}(?:\s[A-Z]{2,}){0,2})\s*0*(\d{1,7})\b")


def _spaced_classification(line: str) -> str:
    match = _SPACED_CLASSIFICATION.match(line)
    if match:
        word = match[1].replace(" ", "")
        if word in {"UNCLASSIFIED", "CONFIDENTIAL", "SECRET"}:
            return word
    match = _WORD_CLASSIFICATION.match(line)
    if match:
        return "UNCLASSIFIED" if match[1].startswith("UNCLAS") else match[1]
    return ""


def _title_case(name: str) -> str:
    return " ".join(w.capitalize() if w.isalpha() else w for w in name.split())


def _origin_from(line_value: str) -> str:
    config = _config()
    value = " ".join(line_value.split())
    if value in config["origin_names"]:
        return config["origin_names"][value]
    head, _, rest = value.partition(" ")
    if head in config["origin_prefixes"] and rest:
        return f"{config['origin_prefixes'][head]} {_title_case(rest)}"
    return _title_case(value)


def subject_lines(lines: list[str], start: int) -> str:
    """The whole SUBJECT value starting at ``lines[start]``: the line and its
    continuation lines until a blank line, REF, Classified By, a paragraph."""
    match = _SUBJECT.match(lines[start])
    if not match:
        return ""
    parts = [match[1]]
    for line in lines[start + 1:start + 5]:
        if not line.strip() or SUBJECT_STOP_LINE.match(line) or _DTG.match(line.strip()):
            break
        parts.append(line)
    value = " ".join(" ".join(parts).split())
    stop = _SUBJECT_STOP_INLINE.search(" " + value)
    if stop:
        value = value[:max(stop.start() - 1, 0)].rstrip()
    return value


@dataclass
class TelegramMeta:
    dtg: str = ""
    dtg_date: str = ""
    doc_id: str = ""
    origin: str = ""
    classification: str = ""
    subject: str = ""
    tags: str = ""
    references: list[str] = field(default_factory=list)


def _telegram_origin(text: str) -> str:
    """The sender of the FM line; without one, the transmitting station's
    routing indicator when it is a known post."""
    origin = "FM" in text and _FROM_LINE.search(text)
    if origin:
        return _origin_from(origin[1])
    station = _ROUTING_HINT.search(text) and _STATION.search(text)
    return _config()["routing_indicator_origins"].get(station[1], "") if station else ""


def _same_cable(found: re.Match[str], number: re.Match[str] | None) -> bool:
    """A post-and-number line names this cable: its number is the routing
    header's cable number (when there is one)."""
    return not number or int(found[2]) == int(number[1])


def _banner(lines: list[str], number: re.Match[str] | None) -> tuple[str, tuple[str, str] | None]:
    """The classification of the first banner line, and the post and cable
    number it names ("C O N F I D E N T I A L SECTION 01 OF 04 MEXICO 002276")."""
    for line in lines:
        classification = _spaced_classification(line) if line.strip() else ""
        if classification:
            found = _POST_NUMBER.match(_SECTION.sub("", line[_banner_end(line):]))
            post = (found[1].replace(" ", ""), found[2]) if found and _same_cable(found, number) else None
            return classification, post
    return "", None


def _page_break_post(lines: list[str], number: re.Match[str] | None) -> tuple[str, str] | None:
    """The post and cable number of a page-break line ("MEXICO 00002187 002 OF 005")."""
    for line in lines:
        found = _POST_NUMBER.match(line)
        if (found and found[0].rstrip().endswith(tuple("0123456789")) and " OF " in found[0]
                and _same_cable(found, number)):
            return found[1].replace(" ", ""), found[2]
    return None


def _subject(lines: list[str]) -> str:
    """The longest SUBJECT value (a file may hold the header twice, once truncated)."""
    subjects = [value for index, line in enumerate(lines)
                if line.strip()[:4].upper() == "SUBJ" and (value := subject_lines(lines, index))]
    return max(subjects, key=len) if subjects else ""


def _tags(lines: list[str]) -> str:
    """The value of the first TAGS line that has one."""
    for line in lines:
        found = line.strip().startswith("TAGS") and _TAGS_LINE.match(line)
        if found and found[1].strip():
            return " ".join(found[1].replace(",", " ").split())
    return ""


def _first_references(lines: list[str]) -> list[str]:
    """The cables named by the first REF line that names any."""
    for index, line in enumerate(lines):
        references = _references(lines, index) if line.strip().startswith("REF") else []
        if references:
            return references
    return []


def telegram_metadata(text: str, year_hint: str = "") -> TelegramMeta:
    """Metadata that a telegram states itself: DTG, cable number and post,
    sender, banner classification, SUBJECT, TAGS and REF lines."""
    meta = TelegramMeta()
    lines = text.split("\n")
    dtg = _DTG_HINT.search(text) and _DTG.search(text)
    if dtg:
        meta.dtg = f"{dtg[1]}{dtg[2]}{dtg[3]}Z {dtg[4]} {dtg[5]}"
        meta.dtg_date = _dtg_date(dtg)
    meta.origin = _telegram_origin(text)
    number = _ROUTING_HINT.search(text) and _CABLE_NUMBER.search(text)
    meta.classification, post = _banner(lines, number)
    post = post or _page_break_post(lines, number)  # the page-break lines also name post and number
    routing_class = not meta.classification and "ZN" in text and _ROUTING_CLASS.search(text)
    if routing_class:
        meta.classification = _config()["routing_classification"][routing_class[1]]
    meta.subject, meta.tags, meta.references = _subject(lines), _tags(lines), _first_references(lines)
    year = meta.dtg_date[:4] or year_hint[:4]
    if post and year:
        meta.doc_id = f"{year[2:]}{post[0]}{int(post[1])}"
    return meta


def _banner_end(line: str) -> int:
    match = _SPACED_CLASSIFICATION.match(line) or _WORD_CLASSIFICATION.match(line)
    return match.end() if match else 0


def _references(lines: list[str], start: int) -> list[str]:
    match = _REF_LINE.match(lines[start])
    if not match:
        return []
    parts = [match[1]]
    for line in lines[start + 1:start + 12]:
        if not line.strip() or not _REF_CONTINUATION.match(line) or SUBJECT_STOP_LINE.match(line.strip()):
            break
        parts.append(line)
    refs: list[str] = []
    for found in _REF_ID.finditer(" ".join(parts)):
        year, post, num = found[1], found[2].replace(" ", ""), str(int(found[3]))
        ref = f"{year}{post}{num}" if year else f"{post} {num}"
        if ref not in refs:
            refs.append(ref)
    return refs


# --------------------------------------------------------------------------- document assembly


def _stem(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    stem, dot, _ = name.rpartition(".")
    return stem if dot and stem else name


def _error(rel: str, reason: str, fmt: str = "", **meta: Any) -> Document:
    doc = Document(doc_id=meta.pop("doc_id", "") or _stem(rel), source_file=rel, format=fmt)
    for key, value in meta.items():
        setattr(doc, key, value)
    doc.status, doc.error = "error", " ".join(reason.split())[:300]
    return doc


def error_document(path: Path, root: Path, reason: str) -> Document:
    """The error row of a file that could not be processed as a whole."""
    return _error(_relative(Path(path), Path(root)), reason)


@dataclass
class _Header:
    """What a metadata header (text header, HTML table, CSV columns) says."""

    values: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str:
        return " ".join(self.values.get(key, "").split())


def _newest_date(header: _Header) -> str:
    """The newest date in the header block."""
    dates = [parse_date(v) for v in header.values.values()]
    return max((d for d in dates if d), default="")


def _build(rel: str, fmt: str, header: _Header, telegram: str, *, title: str = "",
           references: list[str] | None = None) -> Document:
    created = parse_date(header.get("created"))
    meta = telegram_metadata(telegram, created)
    subject = meta.subject or header.get("subject") or header.get("title") or title
    doc = Document(
        doc_id=header.get("doc_id") or meta.doc_id or _stem(rel),
        source_file=rel,
        doc_date=created or meta.dtg_date or _newest_date(header),
        origin=header.get("origin") or meta.origin,
        classification=header.get("classification") or meta.classification,
        subject=_clip_subject(subject),
        tags=" ".join(header.get("tags").replace(",", " ").split()) or meta.tags,
        dtg=meta.dtg,
        references=meta.references if references is None else references,
        format=fmt,
        raw_text=telegram,
    )
    if not telegram.strip():
        doc.status, doc.error = "error", "no cable text after the header"
    return doc


def _clip_subject(value: str) -> str:
    value = " ".join(value.split())
    stop = _SUBJECT_STOP_INLINE.search(" " + value)
    return value[:max(stop.start() - 1, 0)].rstrip() if stop else value


# --------------------------------------------------------------------------- formats

_HEADER_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,20}?)\s*:\s?(.*)$")
_CSV_RECORD_START = re.compile(
    r'^"?\d{1,9}"?\s*,\s*"?(?:\d{1,2}/\d{1,2}/\d{2,4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?'
    r'|\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?)"?\s*,')
_CSV_HEADER_ROW = re.compile(r'^"?id"?\s*,\s*"?date"?\s*,', re.IGNORECASE)
_HTML_START = re.compile(r"<\s*(?:!doctype\s+html|html|head|body|table|pre)\b", re.IGNORECASE)


def _header_key(name: str) -> str:
    return _config()["header_keys"].get(" ".join(name.lower().split()), "")


def _listed_keys(lines: list[str], i: int, header: _Header) -> int:
    """The variant that lists the keys first and the values after them: fill
    ``header`` from the key lines at ``i`` and the value lines after them;
    the index after the last value."""
    keys: list[str] = []
    while i < len(lines) and _header_key(lines[i].strip().rstrip(":")) and ":" not in lines[i]:
        keys.append(_header_key(lines[i].strip().rstrip(":")))
        i += 1
    for key in keys:
        if i >= len(lines) or not lines[i].strip():
            break
        header.values.setdefault(key, lines[i].strip())
        i += 1
    return i


def _value_on_next_line(line: str) -> bool:
    """A line that holds the value of a ``Key:`` line left empty ("Cable title:")."""
    return bool(line.strip()) and not _HEADER_LINE.match(line) and not _is_telegram_start(line)


def _header_value(lines: list[str], i: int, match: re.Match[str]) -> tuple[str, int]:
    """The value of the ``Key: value`` line ``i`` (``match``), and the index after it."""
    value = match[2].strip()
    if not value and i + 1 < len(lines) and _value_on_next_line(lines[i + 1]):
        return lines[i + 1].strip(), i + 2
    return value, i + 1


def _key_value_lines(lines: list[str], i: int, header: _Header, seen_any: bool) -> int:
    """Fill ``header`` from the ``Key: value`` lines at ``i``; the index where the
    telegram starts (after the blank line that ends the block)."""
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            if seen_any:
                break
            continue
        match = _HEADER_LINE.match(lines[i])
        key = _header_key(match[1]) if match else ""
        if not match or not key:
            break
        value, i = _header_value(lines, i, match)
        header.values.setdefault(key, value)
        seen_any = True
    return i


def _parse_text_header(lines: list[str]) -> tuple[_Header, int]:
    """The ``Key: value`` block at the top of a file, and the line where the
    telegram starts. Also reads the variant that lists the keys first and the
    values after them ("Identifier\\nCreated\\n...\\n08MEXICO2276\\n2008-...")."""
    header = _Header()
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    i = _listed_keys(lines, start, header)
    return header, _key_value_lines(lines, i, header, seen_any=i > start)


def _is_telegram_start(line: str) -> bool:
    return _telegram_start()(line)


@lru_cache(maxsize=1)
def _telegram_start() -> Callable[[str], Any]:
    patterns = _config()["telegram_markers"]
    compiled = [re.compile(p) for p in patterns]
    if any(p.groups for p in compiled):  # group numbers (backreferences) would shift
        return lambda line: any(p.match(line) for p in compiled)
    # one alternation: one regex call per line instead of one per pattern
    return re.compile("|".join(f"(?:{p})" for p in patterns)).match


@lru_cache(maxsize=1)
def _boilerplate_searches() -> list[Callable[[str], Any]]:
    """Searches for a site's boilerplate line. The patterns anchored at the
    line start are joined in one alternation (one fast regex call per line
    instead of one per pattern); the others keep their own search, which
    scans fast for their literal text."""
    patterns = _config()["site_boilerplate"]
    compiled = [re.compile(p) for p in patterns]
    if any(p.groups for p in compiled):  # group numbers (backreferences) would shift
        return [p.search for p in compiled]
    anchored = [p for p in patterns if p.startswith("^")]
    joined = [re.compile("|".join(f"(?:{p})" for p in anchored)).search] if anchored else []
    return joined + [re.compile(p).search for p in patterns if not p.startswith("^")]


def _has_text_header(lines: list[str]) -> bool:
    found = 0
    for line in lines[:12]:
        if not line.strip():
            continue
        match = _HEADER_LINE.match(line)
        name = match[1] if match else line.strip()
        if _header_key(name) in {"doc_id", "created", "classification", "origin", "released"}:
            found += 1
        else:
            break
    return found >= 2


def _cut_boilerplate(lines: list[str]) -> tuple[list[str], bool]:
    searches = _boilerplate_searches()
    for index, line in enumerate(lines):
        for search in searches:
            if search(line):
                return lines[:index], True
    return lines, False


def _read_cablegate_text(rel: str, lines: list[str]) -> Document:
    """A ``Key: value`` header block, then the telegram."""
    header, start = _parse_text_header(lines)
    body, _ = _cut_boilerplate(lines[start:])
    if not header.get("doc_id") and not header.get("created"):
        return _error(rel, "truncated header: no Identifier and no Created value", "cablegate-text")
    return _build(rel, "cablegate-text", header, "\n".join(body).strip("\n"))


def _read_scraped_page(rel: str, lines: list[str]) -> Document | None:
    """A copy scraped from a news site: a "Cablegate: title" line and/or site
    boilerplate after the telegram (dropped); None when ``lines`` is no such page."""
    first = next((line for line in lines if line.strip()), "")
    title_match = re.match(_config()["scraped_title"], first)
    body, cut = _cut_boilerplate(lines)
    if not (title_match or cut):
        return None
    if title_match:
        body = body[lines.index(first) + 1:]
    return _build(rel, "scraped-page", _Header(), "\n".join(body).strip("\n"),
                  title=title_match["title"] if title_match else "")


def _read_text(rel: str, text: str) -> Document:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if _has_text_header(lines):
        return _read_cablegate_text(rel, lines)
    scraped = _read_scraped_page(rel, lines)
    if scraped is not None:
        return scraped
    fmt = "telegram" if any(_is_telegram_start(line) for line in lines[:200]) else "text"
    return _build(rel, fmt, _Header(), text.strip("\n"))


class _CablePage(HTMLParser):
    """Collects a WikiLeaks cable page: the metadata table, the "Viewing cable
    ID, TITLE" heading, the ``<pre>`` blocks and (as a fallback) the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.table_headers: list[str] = []
        self.table_cells: list[str] = []
        self.pres: list[str] = []
        self.heading = ""
        self.visible: list[str] = []
        self._in_table = 0
        self._cell: list[str] | None = None
        self._pre: list[str] | None = None
        self._heading: list[str] | None = None
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag == "table":
            self._in_table += 1
        elif tag in {"th", "td"} and self._in_table:
            self._cell = []
        elif tag == "pre":
            self._pre = []
        elif tag in {"h1", "h2", "h3"}:
            self._heading = []
        elif tag in {"br", "p", "div", "tr"}:
            self.visible.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip = max(self._skip - 1, 0)
        elif tag == "table":
            self._in_table = max(self._in_table - 1, 0)
        elif tag in {"th", "td"} and self._cell is not None:
            value = " ".join("".join(self._cell).split())
            (self.table_headers if tag == "th" else self.table_cells).append(value)
            self._cell = None
        elif tag == "pre" and self._pre is not None:
            self.pres.append("".join(self._pre))
            self._pre = None
        elif tag in {"h1", "h2", "h3"} and self._heading is not None:
            text = " ".join("".join(self._heading).split())
            if text.lower().startswith("viewing cable") and not self.heading:
                self.heading = text
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if self._cell is not None:
            self._cell.append(data)
        if self._pre is not None:
            self._pre.append(data)
        if self._heading is not None:
            self._heading.append(data)
        self.visible.append(data)


_HTML_TOKEN = re.compile(r"<!--|-->|<(?=[A-Za-z/!?])|>")


def defuse_html(text: str) -> str:
    """``text`` with every ``<`` that opens a tag or comment never closed escaped as
    ``&lt;`` (so it reads as text). Python's html.parser rescans to the end of the
    input for each unclosed ``<a href=x`` or ``<!--``: quadratic, minutes for a
    megabyte. This pass is linear: one scan over the brackets."""
    escape: list[int] = []
    open_at, in_comment = -1, False
    last_close = text.rfind("-->")
    for match in _HTML_TOKEN.finditer(text):
        token = match.group()
        if in_comment:
            if token == "-->":
                in_comment, open_at = False, -1
            continue
        if token in (">", "-->"):
            open_at = -1
            continue
        if open_at >= 0:  # a new tag before the last one closed: that one never closes
            escape.append(open_at)
            open_at = -1
        if token == "<!--" and match.start() > last_close:
            escape.append(match.start())  # a comment never closed: text, and what follows is read
            continue
        open_at, in_comment = match.start(), token == "<!--"
    if open_at >= 0:
        escape.append(open_at)
    if not escape:
        return text
    parts, last = [], 0
    for at in escape:
        parts += [text[last:at], "&lt;"]
        last = at + 1
    parts.append(text[last:])
    return "".join(parts)


def _page_header(page: _CablePage) -> tuple[_Header, str]:
    """What the page's metadata table and "Viewing cable ID, TITLE" heading
    say, and the title."""
    header = _Header()
    for name, value in zip(page.table_headers, page.table_cells):
        key = _header_key(name)
        if key and value:
            header.values.setdefault(key, value)
    if not page.heading:
        return header, ""
    ident, _, title = page.heading[len("viewing cable"):].strip().partition(",")
    if ident.strip() and "doc_id" not in header.values:
        header.values["doc_id"] = ident.strip()
    return header, title.strip()


def _page_telegram(page: _CablePage) -> str:
    """The page's ``<pre>`` blocks, else its visible text."""
    if page.pres:
        telegram = "\n\n".join(p.replace("\r\n", "\n").strip("\n") for p in page.pres)
    else:
        telegram = "".join(page.visible)
    return re.sub(r"[ \t]+\n", "\n", telegram.replace("\r", "\n")).strip("\n")


def _read_html(rel: str, text: str) -> Document:
    page = _CablePage()
    try:
        page.feed(defuse_html(text))
        page.close()
    except Exception as exc:  # html.parser is lenient; this is a last resort
        return _error(rel, f"cannot parse HTML: {type(exc).__name__}", "wikileaks-html")
    header, title = _page_header(page)
    fmt = "wikileaks-html" if page.pres or page.table_headers else "html"
    return _build(rel, fmt, header, _page_telegram(page), title=title)


@dataclass(frozen=True)
class CsvRecord:
    """One record of a cables.csv, as :func:`read_csv_records` reads it: the file's
    name, the record's number (1-based, a header row counted) and its eight columns,
    or why it has none (``problem``: too large, unparsable; number 0: no rows at all)."""

    rel: str
    number: int
    fields: tuple[str, ...] = ()
    problem: str = ""


#: an oversized record only needs its quoting followed to find where it ends: runs of
#: plain characters and of commas change csv's state as one character does, and a run
#: of quotes as one or two (by parity), so squeezing them keeps the record's end
_PLAIN_RUN = re.compile(r'[^",\r\n]+')
_COMMA_RUN = re.compile(r",{2,}")
_QUOTE_RUN = re.compile(r'"{3,}')


def _squeeze(text: str) -> str:
    text = _COMMA_RUN.sub(",", _PLAIN_RUN.sub("x", text))
    return _QUOTE_RUN.sub(lambda m: '"' if len(m[0]) % 2 else '""', text)


class _RecordLines:
    """The file's lines for ``csv.reader``, with the size of the record being read.

    Lines are read at most ``limit`` characters at a time, and once the current
    record is over ``limit`` the rest of it is fed squeezed (see :func:`_squeeze`):
    csv still finds where it ends, while memory stays bounded whatever the file
    holds (a 1 GB row is never read whole). The reader resets :attr:`size` after
    each record (csv.reader pulls no line beyond the record it returns)."""

    def __init__(self, handle: io.TextIOBase, limit: int):
        self.handle, self.limit = handle, limit
        self.size = 0

    def __iter__(self) -> Iterator[str]:
        squeezed: list[str] = []  # the start of a line longer than the limit
        piece = self.handle.readline(self.limit)
        while piece:
            following = self.handle.readline(self.limit)
            self.size += len(piece)
            line_ends = not following or piece.endswith(("\n", "\r"))
            if self.size <= self.limit and line_ends and not squeezed:
                yield piece
            else:
                squeezed.append(_squeeze(piece))
                if line_ends:
                    yield "".join(squeezed)
                    squeezed = []
            piece = following


def read_csv_records(path: Path, rel: str, encoding: str) -> Iterator[CsvRecord]:
    """The records of a cables.csv, read incrementally by the csv module (a record
    ends where its quoting says, whatever its lines look like). A record over the
    size limit or that csv cannot parse is yielded with its ``problem``; blank lines
    and the header row are passed over; a file without records yields one record
    numbered 0 saying so."""
    limit = _config()["max_cable_bytes"]
    errors = "dateline_latin1" if encoding == "cp1252" else "replace"
    # a field may hold a whole record before it is known to be over the limit
    csv.field_size_limit(max(limit * 4, 1 << 20))
    number = 0
    with open(path, encoding=encoding, errors=errors, newline="") as handle:
        lines = _RecordLines(handle, limit)
        reader = csv.reader(lines)
        while True:
            problem = ""
            try:
                fields = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                fields, problem = [], f"malformed cables.csv row: {exc}"
            size, lines.size = lines.size, 0
            if not problem and not any(cell.strip() for cell in fields):
                continue  # a blank line between records
            number += 1
            if size > limit:
                yield CsvRecord(rel, number, problem=f"CSV row too large ({size} characters)")
            elif problem:
                yield CsvRecord(rel, number, problem=problem)
            elif number == 1 and [c.strip().lower() for c in fields[:2]] == ["id", "date"]:
                continue
            elif len(fields) < 8:
                yield CsvRecord(rel, number, problem="malformed cables.csv row: cannot split its columns")
            else:  # an unquoted comma in the content column splits it: joined back
                yield CsvRecord(rel, number, tuple(fields[:7]) + (",".join(fields[7:]),))
    if number == 0:
        yield CsvRecord(rel, 0, problem="cables.csv file with no rows")


def csv_record_document(record: CsvRecord) -> Document:
    """The cable (or error row) of one cables.csv record."""
    if record.number == 0:
        return _error(record.rel, record.problem, "cables-csv")
    rel_row = f"{record.rel}#{record.number}"
    if record.problem:
        return _error(rel_row, record.problem, "cables-csv")
    return _csv_row_document(rel_row, record.number, list(record.fields))


def csv_record_error(record: CsvRecord, reason: str) -> Document:
    """The error row of a cables.csv record whose extraction failed."""
    ref_id = record.fields[2].strip() if len(record.fields) > 2 else ""
    rel_row = f"{record.rel}#{record.number}" if record.number else record.rel
    return _error(rel_row, reason, "cables-csv", doc_id=ref_id or _stem(record.rel) + f"#{record.number}")


def _csv_row_document(rel_row: str, number: int, row: list[str]) -> Document:
    """The cable of the ``number``-th cables.csv row (its columns in ``row``)."""
    _, date, ref_id, origin, classification, references, head, content = row[:8]
    header = _Header({"doc_id": ref_id, "created": date, "origin": origin, "classification": classification})
    refs = [r.strip() for r in references.split("|") if r.strip()]
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    doc = _build(rel_row, "cables-csv", header, content.strip("\n"), references=refs)
    if not doc.dtg:  # the DTG lives in the header column
        meta = telegram_metadata(head.replace("\r\n", "\n"))
        doc.dtg = meta.dtg
        doc.doc_date = doc.doc_date or meta.dtg_date
    if not doc.doc_id.strip():
        doc.doc_id = _stem(rel_row.split("#")[0]) + f"#{number}"
    return doc


def csv_dump_encoding(path: Path) -> str | None:
    """The encoding to read ``path`` with when it is a cables.csv dump (judged as
    :func:`read_file` judges it: from its first bytes), else None."""
    try:
        info = os.stat(path)
        if _file_problem(info):
            return None
        with open(path, "rb") as handle:
            sample = handle.read(_config()["sniff_bytes"])
    except OSError:
        return None
    head = decode_bytes(sample)
    if _looks_binary(head) or not _is_csv_dump(head):
        return None
    encoding = detect_encoding(sample)
    return encoding if encoding != "utf-8" else "utf-8-sig"


def _read_csv(path: Path, rel: str, encoding: str) -> list[Document]:
    return [csv_record_document(record) for record in read_csv_records(path, rel, encoding)]


# --------------------------------------------------------------------------- entry point


def read_file(path: Path, root: Path) -> list[Document]:
    """Read one input file (one or many cables). Never raises: an unreadable or
    unparsable file becomes one Document with ``status='error'``."""
    path, root = Path(path), Path(root)
    rel = _relative(path, root)
    try:
        return _read(path, rel)
    except Exception as exc:  # the promise is "never raises": report, don't crash
        return [_error(rel, f"cannot read: {type(exc).__name__}: {exc}")]


def _file_problem(info: os.stat_result) -> str:
    """Why a file cannot be read as a cable before opening it ("" if none)."""
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"  # never open a FIFO or a device
    return "empty file" if info.st_size == 0 else ""


def _is_csv_dump(head: str) -> bool:
    """The first line of ``head`` begins a cables.csv row or is its header row."""
    first = next((line for line in head.splitlines() if line.strip()), "")
    return bool(_CSV_RECORD_START.match(first) or (_CSV_HEADER_ROW.match(first) and "content" in first.lower()))


def _read_sniffed(path: Path, rel: str, info: os.stat_result, handle: io.BufferedReader) -> list[Document]:
    """Read the open file: its first bytes decide what it is."""
    config = _config()
    sample = handle.read(config["sniff_bytes"])
    head = decode_bytes(sample)
    if _looks_binary(head):
        return [_error(rel, "binary file, not text")]
    if _is_csv_dump(head):
        handle.close()
        encoding = detect_encoding(sample)
        return _read_csv(path, rel, encoding if encoding != "utf-8" else "utf-8-sig")
    if info.st_size > config["max_cable_bytes"]:
        return [_error(rel, f"file too large for one cable ({info.st_size} bytes; "
                            f"limit {config['max_cable_bytes']})")]
    data = sample + handle.read(config["max_cable_bytes"] + 1 - len(sample))
    text = head if len(data) == len(sample) else decode_bytes(data)  # (most files fit in the sample)
    return [_read_decoded(rel, text, head)]


def _read_decoded(rel: str, text: str, head: str) -> Document:
    """The cable of a file's decoded ``text`` (``head``: the decoded sample already judged not binary)."""
    if not text.strip():
        return _error(rel, "empty file (only whitespace)")
    # (the judgement of the same leading characters as the head's is known: not binary)
    if text[:_BINARY_SAMPLE_CHARS] != head[:_BINARY_SAMPLE_CHARS] and _looks_binary(text):
        return _error(rel, "binary file, not text")
    text = text.replace("\x00", "")
    if _HTML_START.search(text[:4096]):
        return _read_html(rel, text)
    return _read_text(rel, text)


def _read(path: Path, rel: str) -> list[Document]:
    try:
        info = os.stat(path)
        problem = _file_problem(info)
        if problem:
            return [_error(rel, problem)]
        with open(path, "rb") as handle:
            return _read_sniffed(path, rel, info, handle)
    except OSError as exc:
        return [_error(rel, f"cannot read: {exc.strerror or type(exc).__name__}")]
