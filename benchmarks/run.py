"""Dateline benchmark suite.

Measures, in one run, our pipeline against the raw libraries it wraps, so that the
figures are ratios that survive a noisy machine:

- full extraction of the corpus (KB/s, documents/s, peak RSS of any process);
- the time-expression pass alone vs ``dateparser.search_dates`` on the same sentences;
- the claims pass alone vs raw ``quantulum3.parser.parse`` per sentence;
- the parse stage's share of in-process extraction time on the sample;
- a cached re-run with one cable changed;
- cold start of ``dateline extract`` on one seed cable;
- the site build (time and size).

Usage: ``python benchmarks/run.py [--corpus ../shared/corpus] [--sample 150] [--repeats 3]``.
Prints a table and writes ``benchmarks/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
sys.path.insert(0, str(HERE))
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus"
SEED = PROJECT / "data" / "cables" / "000_2d47a52fbceb50e0.txt"


def corpus_bytes(corpus: Path) -> int:
    return sum(p.stat().st_size for p in corpus.rglob("*.txt"))


def run_command(args: list[str]) -> tuple[float, int]:
    """Wall seconds and the peak RSS (KB) of the command and its descendants."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(before, after)


def median_of(repeats: int, fn) -> float:
    return statistics.median(fn() for _ in range(repeats))


def dateline(*args: str) -> list[str]:
    return [sys.executable, "-m", "extractor", *args]


def bench_full(corpus: Path, work: Path, jobs: int, repeats: int) -> dict:
    size = corpus_bytes(corpus)
    n_docs = len(list(corpus.glob("*.txt")))
    times, rss = [], 0
    for _ in range(repeats):
        out = work / "full"
        elapsed, peak = run_command(dateline("extract", str(corpus), "--out", str(out), "--no-cache",
                                             "--quiet", "--jobs", str(jobs)))
        times.append(elapsed)
        rss = max(rss, peak)
    seconds = statistics.median(times)
    return {"seconds": seconds, "kb_per_s": size / 1024 / seconds, "docs_per_s": n_docs / seconds,
            "peak_rss_mb": rss / 1024, "bytes": size, "documents": n_docs, "jobs": jobs, "runs": times}


def bench_cached(corpus: Path, work: Path, jobs: int, full_seconds: float) -> dict:
    copy = work / "corpus-copy"
    if copy.exists():
        shutil.rmtree(copy)
    shutil.copytree(corpus, copy)
    cache = work / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    out = work / "cached"
    subprocess.run(dateline("extract", str(copy), "--out", str(out), "--cache", str(cache), "--quiet",
                            "--jobs", str(jobs)), check=True)
    changed = sorted(copy.glob("*.txt"))[len(list(copy.glob("*.txt"))) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nAppended line.\n", encoding="utf-8")
    elapsed, _ = run_command(dateline("extract", str(copy), "--out", str(out), "--cache", str(cache),
                                      "--quiet", "--jobs", str(jobs)))
    return {"seconds": elapsed, "ratio_to_full": elapsed / full_seconds}


def bench_cold_start(work: Path, repeats: int) -> dict:
    def once() -> float:
        elapsed, _ = run_command(dateline("extract", str(SEED), "--out", str(work / "cold"), "--no-cache",
                                          "--quiet", "--jobs", "1"))
        return elapsed

    return {"seconds": median_of(repeats, once)}


def bench_site(work: Path, repeats: int) -> dict:
    site = work / "site"

    def once() -> float:
        elapsed, _ = run_command(dateline("site", "--data", str(work / "full"), "--out", str(site), "--quiet"))
        return elapsed

    seconds = median_of(repeats, once)
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {"seconds": seconds, "size_mb": size / 1e6, "files": sum(1 for p in site.rglob("*") if p.is_file())}


def bench_passes(corpus: Path, sample: int, repeats: int) -> dict:
    """Our time-expression and claims passes vs the raw libraries on the same
    text of the same sample, repeated; medians of the throughputs."""
    import bench_claims
    import bench_timex

    timex_runs = [bench_timex.run(corpus, sample) for _ in range(repeats)]
    claims_runs = [bench_claims.run(corpus, sample) for _ in range(repeats)]

    def median(runs: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    return {
        "timex_ours": {"kb_per_s": median(timex_runs, "ours_sample_kb_per_s"),
                       "found": timex_runs[-1]["ours_spans"], "implausible": timex_runs[-1]["ours_implausible"]},
        "search_dates_raw": {"kb_per_s": median(timex_runs, "raw_sample_kb_per_s"),
                             "found": timex_runs[-1]["raw_spans"],
                             "implausible": timex_runs[-1]["raw_implausible"]},
        "timex_whole_corpus_kb_per_s": median(timex_runs, "ours_corpus_kb_per_s"),
        "claims_ours": {"kb_per_s": median(claims_runs, "ours_kb_per_s"), "claims": claims_runs[-1]["ours_claims"]},
        "quantulum3_raw": {"kb_per_s": median(claims_runs, "quantulum3_kb_per_s"),
                           "file_kb_per_s": median(claims_runs, "quantulum3_file_kb_per_s"),
                           "raw_files_kb_per_s": median(claims_runs, "quantulum3_raw_files_kb_per_s"),
                           "quantities": claims_runs[-1]["quantulum3_quantities"]},
        "timex_runs": timex_runs,
        "claims_runs": claims_runs,
    }


def bench_parse_share(corpus: Path, sample: int) -> dict:
    """Seconds of each stage of in-process extraction on the sample: time expressions and
    claim candidates, the spaCy parse (model load excluded: it is paid once per worker) and
    the rest of extraction (which computes the claims again: the share is a lower bound)."""
    import random

    from extractor.claims import extract_claims
    from extractor.parse import nlp, parse_document
    from extractor.pipeline import extract_document, read_documents, time_expressions

    files = sorted(corpus.glob("*.txt"))
    random.Random(5).shuffle(files)
    docs = [d for path in files[:sample] for d in read_documents(path, path.parent) if d.status == "ok"]
    started = time.perf_counter()
    nlp()
    load = time.perf_counter() - started
    spent = {"timex_and_claim_candidates": 0.0, "parse": 0.0, "events_claims": 0.0}
    parsed_sentences = sentences = 0
    for doc in docs:
        t0 = time.perf_counter()
        times = time_expressions(doc)
        claims = extract_claims(doc, times, weak=True)
        t1 = time.perf_counter()
        parses = parse_document(doc, {c.sentence for c in claims})
        t2 = time.perf_counter()
        extract_document(doc, times=times, parses=parses)
        t3 = time.perf_counter()
        spent["timex_and_claim_candidates"] += t1 - t0
        spent["parse"] += t2 - t1
        spent["events_claims"] += t3 - t2
        parsed_sentences += len(parses)
        sentences += sum(len(p.sentences) for p in doc.paragraphs)
    total = sum(spent.values())
    return {**spent, "model_load": load, "total": total, "parse_share": spent["parse"] / total if total else 0.0,
            "parsed_sentences": parsed_sentences, "sentences": sentences, "documents": len(docs)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=150, help="cables for the raw-library comparison")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--skip-site", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: corpus {args.corpus} is absent")
        return 0
    results: dict = {"corpus": str(args.corpus), "sample": args.sample, "repeats": args.repeats,
                     "cpus": os.cpu_count(), "python": sys.version.split()[0]}
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        work = Path(tmp)
        results["passes"] = bench_passes(args.corpus, args.sample, args.repeats)
        results["parse_stage"] = bench_parse_share(args.corpus, args.sample)
        results["full"] = bench_full(args.corpus, work, args.jobs, args.repeats)
        results["cached_one_changed"] = bench_cached(args.corpus, work, args.jobs, results["full"]["seconds"])
        results["cold_start_one_cable"] = bench_cold_start(work, args.repeats)
        if not args.skip_site:
            results["site"] = bench_site(work, args.repeats)
    passes = results["passes"]
    raw_q = passes["quantulum3_raw"]["kb_per_s"]
    results["ratios"] = {
        # quantulum3 on our cleaned sentences, in KB of those sentences (kindest to quantulum3
        # per byte) and in KB of the files they come from
        "full_vs_raw_quantulum3_per_sentence_kb": results["full"]["kb_per_s"] / raw_q,
        "full_vs_raw_quantulum3_per_file_kb": results["full"]["kb_per_s"] / passes["quantulum3_raw"]["file_kb_per_s"],
        # quantulum3 on naive sentences of the raw files, as a user without Dateline would run it
        "full_vs_raw_quantulum3_on_raw_files": results["full"]["kb_per_s"] / passes["quantulum3_raw"]["raw_files_kb_per_s"],
        "timex_vs_search_dates": passes["timex_ours"]["kb_per_s"] / passes["search_dates_raw"]["kb_per_s"],
        "claims_vs_raw_quantulum3": passes["claims_ours"]["kb_per_s"] / raw_q,
        "cached_vs_full": results["cached_one_changed"]["ratio_to_full"],
        "parse_share_of_extraction": results["parse_stage"]["parse_share"],
    }
    print_table(results)
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def print_table(results: dict) -> None:
    passes, full = results["passes"], results["full"]
    rows = [
        ("full extraction", f"{full['seconds']:.1f} s", f"{full['kb_per_s']:.0f} KB/s",
         f"{full['docs_per_s']:.1f} docs/s, peak RSS {full['peak_rss_mb']:.0f} MB, jobs {full['jobs']}"),
        ("raw quantulum3 / sentence", "", f"{passes['quantulum3_raw']['kb_per_s']:.1f} KB/s",
         f"of sentence text ({passes['quantulum3_raw']['file_kb_per_s']:.1f} KB/s of corpus files; "
         f"{passes['quantulum3_raw']['raw_files_kb_per_s']:.1f} KB/s on naive sentences of the raw files), "
         f"{passes['quantulum3_raw']['quantities']} quantities on the sample"),
        ("our claims pass", "", f"{passes['claims_ours']['kb_per_s']:.0f} KB/s",
         f"{passes['claims_ours']['claims']} claims on the sample"),
        ("raw search_dates", "", f"{passes['search_dates_raw']['kb_per_s']:.1f} KB/s",
         f"{passes['search_dates_raw']['found']} 'dates' on the sample, "
         f"{passes['search_dates_raw']['implausible']} implausible"),
        ("our timex pass", "", f"{passes['timex_ours']['kb_per_s']:.0f} KB/s",
         f"{passes['timex_ours']['found']} expressions on the sample, "
         f"{passes['timex_ours']['implausible']} implausible"),
        ("parse stage (sample)", f"{results['parse_stage']['parse']:.1f} s", "",
         f"{results['parse_stage']['parse_share']:.0%} of in-process extraction; "
         f"{results['parse_stage']['parsed_sentences']} of {results['parse_stage']['sentences']} sentences parsed; "
         f"model load {results['parse_stage']['model_load']:.1f} s"),
        ("cached re-run, 1 changed", f"{results['cached_one_changed']['seconds']:.1f} s", "",
         f"{results['ratios']['cached_vs_full']:.1%} of the full run"),
        ("cold start, 1 cable", f"{results['cold_start_one_cable']['seconds']:.2f} s", "", ""),
    ]
    if "site" in results:
        site = results["site"]
        rows.append(("site build", f"{site['seconds']:.1f} s", "", f"{site['size_mb']:.1f} MB, {site['files']} files"))
    width = max(len(r[0]) for r in rows)
    for name, seconds, speed, note in rows:
        print(f"{name:<{width}}  {seconds:>9}  {speed:>12}  {note}")
    print("ratios: " + ", ".join(f"{k} {v:.2f}" for k, v in results["ratios"].items()))


if __name__ == "__main__":
    raise SystemExit(main())
