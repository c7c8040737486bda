"""Build the static report site from the published tables.

``build_site`` copies the hand-written part of the site (``site/``: styles,
scripts) and the pages that :mod:`extractor.report` generates from the CSV
files into a temporary docs folder, then runs MkDocs (Material theme, strict)
on the project's ``mkdocs.yml`` with ``docs_dir`` pointed there. Nothing is
written into the repository, so ``git status`` stays clean after a build.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from . import __version__, outdir
from .progress import Advance, Progress
from .report import datapackage, write_site_pages
from .tables import TABLES, TableSet, read_tables

if TYPE_CHECKING:
    from .evaluate import EvaluationReport

log = logging.getLogger(__name__)

TEXTS_FILE = "texts.jsonl"


def project_root() -> Path:
    """The folder holding ``mkdocs.yml`` and ``site/``: the checkout this package
    lives in, else the current folder, else the copy an installed wheel carries
    (``share/dateline`` under the environment's prefix or the user base)."""
    import site
    import sys

    candidates = [Path(__file__).resolve().parent.parent, Path.cwd(),
                  Path(sys.prefix) / "share" / "dateline", Path(site.getuserbase()) / "share" / "dateline"]
    for candidate in candidates:
        if (candidate / "mkdocs.yml").is_file() and (candidate / "site").is_dir():
            return candidate
    raise RuntimeError("cannot find mkdocs.yml and site/: run from the project folder or reinstall dateline")


#: written into every built site: the folder a later build may replace whole
SITE_MARKER = ".dateline-site"


def build_site(data_dir: str | os.PathLike[str], out: str | os.PathLike[str] = "public",
               gold_dir: str | os.PathLike[str] | None = None, *, evaluate: bool = True,
               project_dir: str | os.PathLike[str] | None = None, force: bool = False,
               progress: Progress | None = None) -> Path:
    """Generate the pages and charts from the tables in ``data_dir`` and build the
    site into ``out``. The Method page reports accuracy measured on ``gold_dir``
    (default ``../shared/gold/dev`` beside the project, when present). Returns ``out``.

    ``out`` is locked for the build (a second build there fails clearly) and replaced
    whole, so it must be empty or a site this function built (it holds
    :data:`SITE_MARKER`); ``force`` replaces any other folder. ``progress`` reports
    the stages (reading, measuring, pages, images, MkDocs)."""
    project = Path(project_dir) if project_dir else project_root()
    target = Path(out).resolve()
    _check_target(target, project, force)
    with contextlib.closing(outdir.acquire(target)):
        outdir.clean_stale(target)
        _check_target(target, project, force)  # (a build that finished meanwhile made it a site)
        return _build_locked(Path(data_dir), target, project, gold_dir, evaluate, progress or Progress())


def _build_locked(data: Path, target: Path, project: Path, gold_dir: str | os.PathLike[str] | None,
                  evaluate: bool, progress: Progress) -> Path:
    with progress.stage("reading the tables"):
        tables = read_tables(data)
        texts = read_texts(data / TEXTS_FILE)
    accuracy, reason = measure_accuracy(gold_dir, project, evaluate, data_dir=data,
                                        doc_ids={d.get("doc_id", "") for d in tables.documents}, progress=progress)
    with tempfile.TemporaryDirectory(prefix="dateline-site-") as work:
        docs = Path(work) / "docs"
        shutil.copytree(project / "site", docs, ignore=shutil.ignore_patterns("generated", "__pycache__", ".*"))
        build = copy_downloads(data, docs / "data", tables)
        (docs / "data" / "datapackage.json").write_text(
            json.dumps(datapackage(tables, build), indent=2, ensure_ascii=False), encoding="utf-8")
        pages = len({row.get("doc_id", "") for row in tables.documents + tables.events + tables.claims})
        with progress.stage("writing the pages", pages) as advance:
            headline = write_site_pages(tables, docs, texts=texts, accuracy=accuracy, accuracy_reason=reason,
                                        build=build, advance=advance)
        with progress.stage("drawing the chart images", len(headline)) as advance:
            write_chart_images(docs / "charts", headline, advance)
        write_vega_bundle(docs / "assets" / "vendor" / "vega-bundle.js")
        # build beside the target and swap it in (one atomic exchange), so that a
        # killed build leaves the previous site whole
        staging = outdir.make_staging(target)
        try:
            with progress.stage("building the site with MkDocs"):
                run_mkdocs(project / "mkdocs.yml", docs, staging)
                squeeze_html(staging)
            (staging / SITE_MARKER).write_text("built by dateline site\n", encoding="utf-8")
            outdir.swap_into_place(staging, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return target


_PRESERVED = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.IGNORECASE | re.DOTALL)
_INDENT = re.compile(r"\n\s+")


def squeeze_html(site_dir: Path) -> None:
    """Drop the indentation and blank lines of the theme's templates (about a
    fifth of a page), leaving <pre>, <textarea> and <script> alone."""
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        parts = _PRESERVED.split(text)
        # split yields [text, whole match, tag name, text, ...]
        out = [_INDENT.sub("\n", part) if i % 3 == 0 else part for i, part in enumerate(parts) if i % 3 != 2]
        page.write_text("".join(out), encoding="utf-8")


def _check_target(target: Path, project: Path, force: bool = False) -> None:
    """The build replaces its output folder whole: refuse one that Dateline did not
    build (its marker file is missing), unless forced; never the project or home."""
    if target == project or project.is_relative_to(target) or target in (Path.home(), Path("/")):
        raise ValueError(f"refusing to build the site into {target}: it holds the project")
    if target.exists() and not target.is_dir():
        raise ValueError(f"{target} is a file, not a folder")
    if force or not target.is_dir() or (target / SITE_MARKER).is_file() or not any(target.iterdir()):
        return
    raise ValueError(f"{target} is not empty and was not built by dateline site (no {SITE_MARKER}); "
                     "refusing to overwrite it: choose another --out, or pass --force to replace it whole")


def read_texts(path: Path) -> dict[str, list[dict[str, str]]]:
    """Optional cleaned text per cable (``texts.jsonl``: ``{"doc_id", "paragraphs":
    [{"number", "heading", "text"}]}``); without it a cable page shows the
    sentences of its events and claims."""
    texts: dict[str, list[dict[str, str]]] = {}
    if not path.is_file():
        return texts
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                paragraphs = [p for p in record.get("paragraphs", []) if isinstance(p, dict)]
                texts[str(record["doc_id"])] = [{k: str(v) for k, v in p.items()} for p in paragraphs]
            except (ValueError, KeyError, AttributeError, TypeError):
                continue
    return texts


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def spreadsheet_safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula: one starting with = + - @ tab
    or CR gets a leading ``'`` (OWASP's advice), except a plain number ("-5", a
    value column), which a spreadsheet reads as a number anyway."""
    if cell.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def spreadsheet_safe_copy(source: Path, target: Path) -> None:
    """Copy a CSV table with every cell made :func:`spreadsheet_safe` (byte for byte
    when no cell needs it: same writer settings as the tables)."""
    with open(source, encoding="utf-8", newline="") as inp, \
            open(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        for row in csv.reader(inp):
            writer.writerow([spreadsheet_safe(cell) for cell in row])


def copy_downloads(data: Path, target: Path, tables: TableSet) -> dict[str, Any]:
    """Copy the tables into the site: JSON Lines byte for byte (missing ones written
    from the CSV rows), CSV made spreadsheet-safe (cells that a spreadsheet would run
    as a formula start with ``'``). Returns sizes, hashes and build facts."""
    target.mkdir(parents=True, exist_ok=True)
    files: dict[str, int] = {}
    hashes: dict[str, str] = {}
    inputs = hashlib.sha256()
    for name, columns in TABLES.items():
        csv_path = data / f"{name}.csv"
        spreadsheet_safe_copy(csv_path, target / f"{name}.csv")
        inputs.update(name.encode() + b"\0" + csv_path.read_bytes() + b"\0")
        jsonl = data / f"{name}.jsonl"
        if jsonl.is_file():
            shutil.copyfile(jsonl, target / f"{name}.jsonl")
        else:
            with open(target / f"{name}.jsonl", "w", encoding="utf-8", newline="\n") as handle:
                for row in getattr(tables, name):
                    handle.write(json.dumps({c: row.get(c, "") for c in columns}, ensure_ascii=False) + "\n")
        for ext in ("csv", "jsonl"):
            content = (target / f"{name}.{ext}").read_bytes()
            files[f"{name}.{ext}"] = len(content)
            hashes[f"{name}.{ext}"] = hashlib.sha256(content).hexdigest()
    texts = data / TEXTS_FILE
    if texts.is_file():  # the cleaned text the cable pages show, offered as it is
        shutil.copyfile(texts, target / TEXTS_FILE)
        content = (target / TEXTS_FILE).read_bytes()
        files[TEXTS_FILE] = len(content)
        hashes[TEXTS_FILE] = hashlib.sha256(content).hexdigest()
    now = dt.datetime.now(dt.timezone.utc).replace(microsecond=0)
    return {"files": files, "hashes": hashes, "input_hash": inputs.hexdigest(), "date": now.date().isoformat(),
            "created": now.isoformat().replace("+00:00", "Z"), "version": __version__}


def measure_accuracy(gold_dir: str | os.PathLike[str] | None, project: Path, evaluate: bool = True,
                     data_dir: Path | None = None, doc_ids: set[str] | None = None,
                     progress: Progress | None = None) -> tuple[dict[str, Any] | None, str]:
    """Scores on the gold folder, as the Method page shows them, or why there are none.
    When the tables hold every gold cable they are scored as they are (what the
    site shows, and no second extraction); otherwise the gold cables are extracted."""
    gold = Path(gold_dir) if gold_dir else project.parent / "shared" / "gold" / "dev"
    if not gold.is_dir():
        return None, "no hand-annotated gold folder was available"
    if not evaluate:
        return None, "measurement was switched off for this build"
    try:
        with (progress or Progress()).stage(f"measuring accuracy on {gold}"):
            report = _evaluate_gold(gold, data_dir, doc_ids)
        details = report.to_dict()
    except Exception as exc:  # noqa: BLE001 - the site must build without scores
        log.warning("accuracy not measured: %s: %s", type(exc).__name__, exc)
        return None, f"the evaluation failed with {type(exc).__name__}"
    if _read_no_gold_cable(details):
        return None, "the extractor could not read any of the gold cables"
    summary = summarise_accuracy(report, details, gold)
    return (summary, "") if summary else (None, "the evaluation returned no scores")


def _evaluate_gold(gold: Path, data_dir: Path | None, doc_ids: set[str] | None) -> EvaluationReport:
    """The evaluation of the gold cables: the tables scored as they are when
    they hold every gold cable, else the gold cables extracted."""
    from .evaluate import evaluate_gold

    gold_ids = {p.stem for p in gold.glob("*.json")}
    if data_dir is not None and doc_ids and gold_ids and gold_ids <= doc_ids:
        return evaluate_gold(str(gold), data_dir=str(data_dir))
    return evaluate_gold(str(gold))


def _read_no_gold_cable(details: dict[str, Any]) -> bool:
    scored, errors = details.get("documents_scored"), details.get("errors")
    return isinstance(scored, int) and isinstance(errors, int) and bool(scored) and errors >= scored


def _extra_scores(part: dict[str, Any]) -> dict[str, str]:
    """The attribute accuracies of one part of the scores, by column name."""
    extra = {key.replace("_", " "): _score(None, value) for key, value in part.items()
             if key.endswith("accuracy") and isinstance(value, (int, float))}
    # evaluate.Scores.to_dict: {"accuracy": {"date": {"correct", "total", "value"}}}
    for key, value in (part.get("accuracy") or {}).items():
        if isinstance(value, dict) and isinstance(value.get("value"), (int, float)):
            extra[f"{key} accuracy"] = f"{_score(None, value['value'])} ({value.get('correct')}/{value.get('total')})"
    return extra


def _accuracy_row(name: str, report: Any, details: dict[str, Any]) -> dict[str, Any] | None:
    """The Method page's row of the ``name`` scores (events, claims), or None without any."""
    found = details.get(name)
    part: dict[str, Any] = found if isinstance(found, dict) else {}
    scores = {key: _score(getattr(getattr(report, name, None), key, None), part.get(key))
              for key in ("precision", "recall", "f1")}
    if all(v == "" for v in scores.values()):
        return None
    return {"name": name.capitalize(), **scores, "extra": _extra_scores(part)}


def summarise_accuracy(report: Any, details: dict[str, Any], gold: Path) -> dict[str, Any] | None:
    rows = [row for name in ("events", "claims") if (row := _accuracy_row(name, report, details)) is not None]
    if not rows:
        return None
    extra_columns = list(dict.fromkeys(key for row in rows for key in row["extra"]))
    flat = [(k, _score(None, v)) for k, v in _flatten({k: details[k] for k in details if k != "documents"})
            if isinstance(v, (int, float))][:80]
    documents = details.get("documents_scored", details.get("documents"))
    if not isinstance(documents, int):
        documents = len(list(gold.glob("*.json")))
    return {"rows": rows, "extra_columns": extra_columns, "details": flat, "documents": documents,
            "gold_dir": f"{gold.parent.name}/{gold.name}"}


def _score(attribute: Any, fallback: Any) -> str:
    value = attribute if isinstance(attribute, (int, float)) else fallback
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return ""
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def _flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else str(key))
    elif not isinstance(value, list):
        yield prefix, value


def write_chart_images(chart_dir: Path, names: list[str], advance: Advance | None = None) -> None:
    """A PNG of each headline chart for readers without JavaScript (PNG, not
    SVG: an SVG of a few thousand points weighs megabytes)."""
    import vl_convert as vlc

    for name in names:
        spec = json.loads((chart_dir / f"{name}.json").read_text(encoding="utf-8"))
        spec = _inline_url_data(spec, chart_dir.parent)
        if spec.get("width") == "container":
            spec["width"] = 720
        try:
            png = vlc.vegalite_to_png(spec, vl_version=_vl_version(), scale=1.0)
        except Exception as exc:  # noqa: BLE001 - a missing image must not stop the site
            log.warning("no image for chart %s: %s", name, exc)
            continue
        (chart_dir / f"{name}.png").write_bytes(png)
        if advance is not None:
            advance(1)


def _inline_url_data(spec: dict[str, Any], docs: Path) -> dict[str, Any]:
    """vl-convert reads no files: give it the rows of ``data.url`` inline."""
    data = spec.get("data")
    if isinstance(data, dict) and "url" in data:
        spec = dict(spec)
        spec["data"] = {"values": json.loads((docs / data["url"]).read_text(encoding="utf-8"))}
    return spec


def _vl_version() -> str:
    import altair as alt

    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


@lru_cache(maxsize=1)
def vega_bundle() -> str:
    import vl_convert as vlc

    # the package's stub marks ``snippet`` required; at run time it defaults to the standard one
    return vlc.javascript_bundle(vl_version=_vl_version())  # type: ignore[call-arg]


def write_vega_bundle(path: Path) -> None:
    """One self-hosted script with Vega, Vega-Lite and Vega-Embed for every chart."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(vega_bundle(), encoding="utf-8")


@contextmanager
def _quiet_mkdocs() -> Iterator[None]:
    logger = logging.getLogger("mkdocs")
    level = logger.level
    if level == logging.NOTSET or level < logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


def run_mkdocs(config_file: Path, docs: Path, site_dir: Path) -> None:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with _quiet_mkdocs():
        config = load_config(config_file=str(config_file), docs_dir=str(docs), site_dir=str(site_dir), strict=True)
        build(config)
