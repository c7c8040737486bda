"""The ``dateline`` command: a thin click layer over the library functions."""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, TypeVar

import click

from . import __version__
from .progress import Progress

if TYPE_CHECKING:
    from .evaluate import EvaluationReport
    from .language import UserLexicon

F = TypeVar("F", bound=Callable[..., Any])

DEFAULT_CORPUS = "data/cables"
DEFAULT_DATA = "data/out"
DEFAULT_SITE = "public"
DEFAULT_CACHE = "data/cache"


# -- shared options -----------------------------------------------------------

def jobs_option(fn: F) -> F:
    """--jobs and the per-cable budgets of the workers, shared by `extract` and `build`."""
    from .workers import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT

    fn = click.option(
        "--max-memory", type=click.IntRange(min=100), default=DEFAULT_MAX_MEMORY_MB, show_default=True,
        metavar="MB", help="Memory budget of one worker; a file over it gets an error row.",
    )(fn)
    fn = click.option(
        "--timeout", type=click.FloatRange(min=0.1), default=DEFAULT_TIMEOUT, show_default=True,
        metavar="SECONDS", help="Time budget of one cable; a file over it gets an error row.",
    )(fn)
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=None,
        help="Worker processes (default and at most: the number of cores).",
    )(fn)


def _capped_jobs(jobs: int | None, quiet: bool) -> int:
    cores = os.cpu_count() or 1
    if jobs is not None and jobs > cores:
        # more workers than cores only multiplies memory (each holds the parser's model)
        click.echo(f"warning: --jobs {jobs} is more than the {cores} cores; using {cores}", err=True)
    return min(jobs or cores, cores)


def force_option(fn: F) -> F:
    return click.option("--force", is_flag=True,
                        help="Replace --out even if it is not a site Dateline built (its files are deleted).")(fn)


def quiet_option(fn: F) -> F:
    return click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary.")(fn)


def cache_option(fn: F) -> F:
    fn = click.option(
        "--cache", "cache_dir", type=click.Path(file_okay=False), default=DEFAULT_CACHE,
        show_default=True, help="Folder of cached per-file results.",
    )(fn)
    return click.option("--no-cache", is_flag=True, help="Do not read or write the cache.")(fn)


def lexicon_option(fn: F) -> F:
    return click.option(
        "--lexicon", type=click.Path(exists=True, dir_okay=False), default=None, callback=_read_lexicon,
        help="YAML or JSON file of extra event triggers, units and currency aliases (see README).",
    )(fn)


def _read_lexicon(ctx: click.Context, param: click.Parameter, value: str | None) -> "UserLexicon":
    from .language import LexiconError, UserLexicon, load_lexicon

    if value is None:
        return UserLexicon()
    try:
        return load_lexicon(value)
    except LexiconError as exc:
        raise click.BadParameter(str(exc), ctx=ctx, param=param) from None


def site_options(fn: F) -> F:
    """--data, --out and --gold, shared by `site` and `build`."""
    fn = click.option(
        "--gold", "gold_dir", default=None, type=click.Path(file_okay=False),
        help="Gold folder to score on the Method page (default: ../shared/gold/dev when present).",
    )(fn)
    fn = click.option(
        "--out", "-o", default=DEFAULT_SITE, show_default=True, type=click.Path(file_okay=False),
        help="Folder for the built static site.",
    )(fn)
    return click.option(
        "--data", "data_dir", default=DEFAULT_DATA, show_default=True, type=click.Path(file_okay=False),
        help="Folder for the tables.",
    )(fn)


def dct_option(required: bool) -> Callable[[F], F]:
    def decorate(fn: F) -> F:
        return click.option(
            "--dct", required=required, default=None, metavar="YYYY-MM-DD",
            callback=_check_date, help="Document creation date that relative dates resolve against.",
        )(fn)
    return decorate


def _check_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date of the form YYYY-MM-DD") from None


def one_line_errors(fn: F) -> F:
    """Expected failures (bad paths, unwritable output) as one clear line."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except click.ClickException:
            raise
        except OSError as exc:
            where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
            raise click.ClickException(f"{exc.strerror or exc}{where}") from None
        except (ValueError, RuntimeError) as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


# -- commands -----------------------------------------------------------------

@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dateline")
def cli() -> None:
    """Dateline: dated events and numeric claims from diplomatic cables."""


def _run_extract(paths: tuple[str, ...], out: str, jobs: int | None, cache_dir: str,
                 no_cache: bool, quiet: bool, timeout: float, max_memory: int, lexicon: "UserLexicon") -> None:
    from .language import using_lexicon
    from .pipeline import extract_corpus, input_bytes
    from .read import discover
    from .workers import Budget

    for path in paths:
        if not os.path.exists(path):
            raise click.ClickException(f"no such file or folder: {path}")
    _check_writable(out)
    jobs = _capped_jobs(jobs, quiet)
    skipped: list[Path] = []
    files = discover(paths, skipped)
    if not files:
        raise click.ClickException(_no_input_message(paths, skipped))
    started = time.monotonic()
    progress = Progress(enabled=not quiet)
    # the bar counts input bytes, so a single cables.csv moves too; the line tells files
    with progress.stage("extracting cables", max(input_bytes(files), 1), f"{len(files):,}") as advance, \
            _terminate_as_exit(), \
            using_lexicon(lexicon):
        summary = extract_corpus(paths, out, jobs=jobs, cache_dir=None if no_cache else cache_dir,
                                 progress=advance, budget=Budget(timeout, max_memory))
    if not quiet:
        click.echo(
            f"{summary.documents} documents ({summary.errors} with errors), {summary.events} events, "
            f"{summary.claims} claims from {summary.files} files "
            f"({summary.cached_files} cached) in {time.monotonic() - started:.1f}s → {out}",
            err=True,
        )
        if summary.skipped:
            shown = ", ".join(summary.skipped[:3]) + (" ..." if len(summary.skipped) > 3 else "")
            click.echo(f"{len(summary.skipped)} files skipped by name (hidden, README*, .json, .log ...; "
                       f"name a file to read it anyway): {shown}", err=True)


class _terminate_as_exit:
    """SIGTERM (a service manager, `kill`) unwinds like Ctrl-C: the workers are
    stopped and the staging folder removed, instead of an abrupt exit leaving both."""

    def __enter__(self) -> None:
        import signal
        import threading

        self.previous: Any = None
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, self._raise)

    @staticmethod
    def _raise(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    def __exit__(self, *exc: object) -> None:
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGTERM, self.previous)


def _no_input_message(paths: tuple[str, ...], skipped: list[Path]) -> str:
    where = ", ".join(paths)
    if skipped:
        shown = ", ".join(p.name for p in skipped[:3]) + (" ..." if len(skipped) > 3 else "")
        return (f"no input file found in {where}: {len(skipped)} files skipped by name ({shown}); "
                "name a file to read it anyway")
    return f"no input file found in {where}"


def _check_writable(out: str) -> None:
    target = Path(out)
    probe = target
    while not probe.exists():
        probe = probe.parent
    if not probe.is_dir() or not os.access(probe, os.W_OK):
        raise click.ClickException(f"cannot write to {out}")


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--out", "-o", default=DEFAULT_DATA, show_default=True, type=click.Path(file_okay=False),
              help="Folder for documents/events/claims .csv and .jsonl.")
@jobs_option
@cache_option
@lexicon_option
@quiet_option
@one_line_errors
def extract(paths: tuple[str, ...], out: str, jobs: int | None, cache_dir: str, no_cache: bool,
            quiet: bool, timeout: float, max_memory: int, lexicon: "UserLexicon") -> None:
    """Extract events and claims from cables in PATHS (files or folders)."""
    _run_extract(paths, out, jobs, cache_dir, no_cache, quiet, timeout, max_memory, lexicon)


@cli.command()
@site_options
@force_option
@quiet_option
@one_line_errors
def site(data_dir: str, out: str, gold_dir: str | None, force: bool, quiet: bool) -> None:
    """Build the static report site from the tables in --data."""
    _run_site(data_dir, out, gold_dir, quiet, force)


def _run_site(data_dir: str, out: str, gold_dir: str | None, quiet: bool, force: bool) -> None:
    from .site import build_site

    for name in ("documents", "events", "claims"):
        if not (Path(data_dir) / f"{name}.csv").exists():
            raise click.ClickException(f"{data_dir} has no {name}.csv: run `dateline extract` first")
    _check_writable(out)
    started = time.monotonic()
    with _terminate_as_exit():
        result = build_site(data_dir, out, gold_dir=gold_dir, force=force, progress=Progress(enabled=not quiet))
    if not quiet:
        click.echo(f"site built in {time.monotonic() - started:.1f}s → {result}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@site_options
@force_option
@jobs_option
@cache_option
@lexicon_option
@quiet_option
@one_line_errors
def build(paths: tuple[str, ...], data_dir: str, out: str, gold_dir: str | None, force: bool, jobs: int | None,
          cache_dir: str, no_cache: bool, quiet: bool, timeout: float, max_memory: int, lexicon: "UserLexicon") -> None:
    """Extract PATHS (default: data/cables) and build the site."""
    _run_extract(paths or (DEFAULT_CORPUS,), data_dir, jobs, cache_dir, no_cache, quiet, timeout, max_memory, lexicon)
    _run_site(data_dir, out, gold_dir, quiet, force)


@cli.command()
@click.option("--dir", "site_dir", default=DEFAULT_SITE, show_default=True, type=click.Path(file_okay=False),
              help="The built site (dateline site --out).")
@click.option("--port", "-p", type=click.IntRange(0, 65535), default=None,
              help="Port on 127.0.0.1 (default 8000, or a free one when 8000 is taken; 0: any free port).")
@one_line_errors
def serve(site_dir: str, port: int | None) -> None:
    """Serve the built site on 127.0.0.1 and print the URL to open (Ctrl-C stops)."""
    from .serve import DEFAULT_PORT, make_server_near, url_of

    if not (Path(site_dir) / "index.html").is_file():
        raise click.ClickException(f"{site_dir} holds no built site (no index.html): run `dateline build` first")
    server = make_server_near(site_dir, DEFAULT_PORT if port is None else port, fall_back=port is None)
    click.echo(f"serving {site_dir} (Ctrl-C to stop); open {url_of(server)}")
    try:
        with _terminate_as_exit():
            server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _read_input(source: str) -> str:
    if source == "-":
        data = sys.stdin.buffer.read()
    else:
        data = Path(source).read_bytes()
    from .read import decode_bytes

    return decode_bytes(data)


@cli.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@dct_option(required=True)
@one_line_errors
def timex(source: str, dct: str) -> None:
    """Print the time expressions of plain English text, one JSON object per line."""
    from .timex import find_time_expressions

    text = _read_input(source)
    for expression in find_time_expressions(text, dct):
        click.echo(json.dumps(asdict(expression), ensure_ascii=False))


@cli.command()
@click.argument("source", default="-", metavar="[FILE|-]")
@click.option("--lines", is_flag=True, help="Treat every input line as a separate text.")
@dct_option(required=False)
@click.option("--country", default="", help="Country whose currency a bare 'pesos' or 'dollars' means.")
@one_line_errors
def claims(source: str, lines: bool, dct: str | None, country: str) -> None:
    """Print the numeric claims of plain English text, one JSON object per line."""
    from .claims import claims_from_text
    from .tables import claim_row

    text = _read_input(source)
    texts = text.split("\n") if lines else [text]
    for number, chunk in enumerate(texts, start=1):
        for claim in claims_from_text(chunk, dct=dct or "", country=country):
            record: dict[str, Any] = claim_row(claim)
            for key in ("value", "value_low", "value_high"):
                record[key] = getattr(claim, key)
            record["start"], record["end"] = claim.start, claim.end
            if lines:
                record["line"] = number
            click.echo(json.dumps(record, ensure_ascii=False))


@cli.command()
@click.option("--gold", "gold_dirs", required=True, multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder of gold JSON files (repeat for several; each is reported, then the total).")
@click.option("--data", "data_dir", default=None, type=click.Path(exists=True, file_okay=False),
              help="Score these existing tables instead of extracting the gold documents.")
@click.option("--cv", "cv", type=click.IntRange(min=2), default=None,
              help="K-fold cross-validation by cable: train the decision model on K-1 folds, score the held-out one.")
@click.option("--verbose", "-v", is_flag=True, help="List every miss and every extra item.")
@click.option("--min-events-f1", type=float, default=None, help="Exit 1 when events F1 is below this.")
@click.option("--min-claims-f1", type=float, default=None, help="Exit 1 when claims F1 is below this.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@one_line_errors
def evaluate(gold_dirs: tuple[str, ...], data_dir: str | None, cv: int | None, verbose: bool,
             min_events_f1: float | None, min_claims_f1: float | None, as_json: bool) -> None:
    """Score extraction against hand-annotated gold files (ANNOTATION.md rules)."""
    if cv is not None:
        if data_dir is not None:
            raise click.UsageError("--cv extracts the gold documents itself; it cannot score --data tables")
        report = _cross_validate(gold_dirs, cv, as_json)
    else:
        report = _score_gold(gold_dirs, data_dir, verbose, as_json)
    failed = _below_thresholds(report, min_events_f1, min_claims_f1)
    if failed:
        click.echo("below threshold: " + "; ".join(failed), err=True)
        sys.exit(1)


def _cross_validate(gold_dirs: tuple[str, ...], cv: int, as_json: bool) -> EvaluationReport:
    """Print the scores of K-fold cross-validation by cable; the report of all folds."""
    from .evaluate import EvaluationReport, format_scores
    from .learn.train import cross_validate, prepare

    folds = cross_validate(prepare(gold_dirs), cv)
    total = EvaluationReport([r for f in folds for r in f.reports], gold_dir=" + ".join(gold_dirs))
    if as_json:
        click.echo(json.dumps({"folds": [EvaluationReport(f.reports).to_dict() for f in folds],
                               "total": total.to_dict()}, indent=2))
        return total
    for f in folds:
        click.echo(format_scores(f"fold {f.fold} ({f.documents} cables)", EvaluationReport(f.reports)))
    click.echo(format_scores(f"all {cv} folds (micro)", total))
    means = [EvaluationReport(f.reports) for f in folds]
    click.echo(f"mean of folds: events F1 {sum(r.events.f1 for r in means) / cv:.3f}  "
               f"claims F1 {sum(r.claims.f1 for r in means) / cv:.3f}")
    return total


def _score_gold(gold_dirs: tuple[str, ...], data_dir: str | None, verbose: bool, as_json: bool) -> EvaluationReport:
    """Print the scores of each gold folder (and their total); the report of all of them."""
    from .evaluate import EvaluationReport, evaluate_gold, format_report, format_scores

    reports = [evaluate_gold(g, data_dir=data_dir) for g in gold_dirs]
    report = EvaluationReport([d for r in reports for d in r.documents], gold_dir=" + ".join(gold_dirs),
                              data_dir=data_dir or "")
    if as_json:
        payload: Any = reports[0].to_dict() if len(reports) == 1 else \
            {"folders": [r.to_dict() for r in reports], "total": report.to_dict()}
        click.echo(json.dumps(payload, indent=2))
        return report
    for r in reports:
        click.echo(format_report(r, verbose=verbose))
    if len(reports) > 1:
        click.echo("")
        for g, r in zip(gold_dirs, reports):
            click.echo(format_scores(g, r))
        click.echo(format_scores("total", report))
    return report


def _below_thresholds(report: EvaluationReport, min_events_f1: float | None, min_claims_f1: float | None) -> list[str]:
    """The F1 scores under their ``--min-*-f1`` threshold, as messages."""
    thresholds = (("events", report.events.f1, min_events_f1), ("claims", report.claims.f1, min_claims_f1))
    return [f"{name} F1 {f1:.3f} < {minimum}" for name, f1, minimum in thresholds
            if minimum is not None and f1 < minimum]


@cli.command()
@click.option("--gold", "gold_dirs", required=True, multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Gold folder to learn from (repeat for several).")
@click.option("--out", "-o", "out", default=None, type=click.Path(dir_okay=False),
              help="Model file to write (default: the package's own extractor/models/decisions.json).")
@click.option("--cv", "cv", type=click.IntRange(min=2), default=None,
              help="Also cross-validate by cable with K folds and store the scores in the model (the Method page shows them).")
@quiet_option
@one_line_errors
def train(gold_dirs: tuple[str, ...], out: str | None, cv: int | None, quiet: bool) -> None:
    """Train the learned event and claim decisions from gold folders (deterministic)."""
    from .learn.model_file import MODEL_PATH
    from .learn.train import cross_validation_summary, prepare, train_model

    documents = prepare(gold_dirs)
    readable = [d for d in documents if d.document is not None]
    if not readable:
        raise click.ClickException("none of the gold documents could be read")
    info: dict[str, Any] = {"gold": [Path(g).name for g in gold_dirs]}
    if cv is not None:
        info["cross_validation"] = cross_validation_summary(documents, cv)
        if not quiet:
            summary = info["cross_validation"]
            click.echo(f"{cv}-fold CV: events F1 {summary['events']['f1']:.3f}, claims F1 {summary['claims']['f1']:.3f}")
    model = train_model(readable, info)
    target = Path(out) if out else MODEL_PATH
    model.save(target)
    if not quiet:
        written = dict(model.info or {})
        click.echo(f"model written to {target}: {len(readable)} cables, {written.get('event_examples')} event and "
                   f"{written.get('claim_examples')} claim candidates")


def main() -> None:
    cli()
