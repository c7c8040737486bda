"""Scale benchmark (issue 16): the corpus replicated N times, as a folder and as one cables.csv.

Builds the synthetic corpus (every cable of ``--corpus`` copied N times, copy k > 1 with
the id ``<id>-<k>``), once as a folder of ``.txt`` files and once as one ``cables.csv``
in the Cablegate column layout (id, date, ref_id, origin, classification, references,
header, content), and runs ``dateline extract --jobs 2 --no-cache`` on both. Then it edits
one row of the cables.csv and times a cached re-run (after a cached full run).

Recorded for each run: wall time, peak RSS of the whole process tree (the sum over the
main process and its workers, sampled every 0.2 s; also its PSS, which counts the pages
forked workers share once, and the peak RSS of the largest single process), output size, file count
and error rows. Spurious error rows: error rows of the cables.csv run beyond those of
the folder run (a cable the csv reader cut in two or could not split).

Usage: ``python benchmarks/scale.py --multiply 1 [--corpus ../shared/corpus] [--jobs 2]``.
Merges its figures into ``benchmarks/results.json`` under ``scale`` (other keys kept).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
DEFAULT_CORPUS = PROJECT.parent / "shared" / "corpus"
#: the header keys of a corpus cable and the cables.csv column each one fills
HEADER_KEYS = {"Identifier": "ref_id", "Created": "date", "Origin": "origin", "Classification": "classification"}
CSV_COLUMNS = ["id", "date", "ref_id", "origin", "classification", "references", "header", "content"]


def split_cable(text: str) -> tuple[dict[str, str], str]:
    """The ``Key: value`` header of a corpus cable and the telegram after it."""
    lines = text.split("\n")
    header: dict[str, str] = {}
    for n, line in enumerate(lines):
        if not line.strip():
            return header, "\n".join(lines[n + 1:])
        key, _, value = line.partition(":")
        header[key.strip()] = value.strip()
    return header, ""


def csv_date(created: str) -> str:
    """``2004-02-19 20:08`` as the dump writes it: ``2/19/2004 20:08``."""
    try:
        when = dt.datetime.strptime(created, "%Y-%m-%d %H:%M")
    except ValueError:
        return created
    return f"{when.month}/{when.day}/{when.year} {when:%H:%M}"


def build_corpus(corpus: Path, multiply: int, folder: Path, csv_path: Path) -> int:
    """Write the replicated corpus as ``folder`` and as ``csv_path``; returns the cable count."""
    sources = sorted(corpus.glob("*.txt"))
    folder.mkdir(parents=True)
    count = 0
    with open(csv_path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        for copy in range(1, multiply + 1):
            part = folder / f"copy{copy:03d}"
            part.mkdir()
            for source in sources:
                text = source.read_text(encoding="utf-8", errors="replace")
                header, body = split_cable(text)
                ident = header.get("Identifier", source.stem)
                new_id = ident if copy == 1 else f"{ident}-{copy}"
                (part / f"{new_id}.txt").write_text(text.replace(f"Identifier: {ident}", f"Identifier: {new_id}", 1),
                                                    encoding="utf-8")
                count += 1
                row = {column: header.get(key, "") for key, column in HEADER_KEYS.items()}
                row.update(id=str(count), ref_id=new_id, date=csv_date(row["date"]), references="", header="",
                           content=body)
                writer.writerow([row[c] for c in CSV_COLUMNS])
    return count


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants."""
    found, frontier = [pid], [pid]
    while frontier:
        parent = frontier.pop()
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        found += map(int, children)
        frontier += map(int, children)
    return found


def _memory_kb(pid: int) -> tuple[int, int, int]:
    """RSS, PSS and peak RSS (VmHWM) of one process in KB (0 when it is gone)."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0, 0, 0
    values = {line.split(":")[0]: int(line.split()[1]) for line in rollup.splitlines()[1:] if line.split()[1:]}
    hwm = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM")), 0)
    return values.get("Rss", 0), values.get("Pss", 0), hwm


def measure(args: list[str]) -> dict[str, float]:
    """Run ``args``; its wall time and the peak memory of its process tree."""
    started = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = largest = 0
    while process.poll() is None:
        sums = [_memory_kb(pid) for pid in _tree(process.pid)]
        peak_rss = max(peak_rss, sum(r for r, _, _ in sums))
        peak_pss = max(peak_pss, sum(p for _, p, _ in sums))
        largest = max([largest, *(h for _, _, h in sums)])
        time.sleep(0.2)
    elapsed = time.perf_counter() - started
    stderr = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{stderr}")
    return {"seconds": round(elapsed, 1), "tree_peak_rss_mb": round(peak_rss / 1024),
            "tree_peak_pss_mb": round(peak_pss / 1024), "largest_process_rss_mb": round(largest / 1024)}


def table_stats(out: Path) -> dict[str, int]:
    with open(out / "documents.csv", encoding="utf-8", newline="") as handle:
        documents = list(csv.DictReader(handle))
    files = [p for p in out.iterdir() if p.is_file()]
    return {"documents": len(documents), "error_rows": sum(d["status"] != "ok" for d in documents),
            "output_bytes": sum(p.stat().st_size for p in files), "output_files": len(files)}


def dateline(*args: str) -> list[str]:
    return [sys.executable, "-m", "extractor", "extract", *args, "--quiet"]


def edit_one_row(csv_path: Path) -> None:
    """Change one word in the content of the middle row (the rest stays byte-identical)."""
    with open(csv_path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    middle = rows[len(rows) // 2]
    middle[7] = middle[7].replace("the", "THE", 1) if "the" in middle[7] else middle[7] + "\n\n1. Edited."
    with open(csv_path, "w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--multiply", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, default=None, help="Build in this folder and keep it.")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    work = args.keep or Path(tempfile.mkdtemp(prefix="dateline-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    os.chdir(PROJECT)
    try:
        started = time.perf_counter()
        cables = build_corpus(args.corpus, args.multiply, work / "folder", work / "cables.csv")
        result: dict[str, object] = {"multiply": args.multiply, "cables": cables, "jobs": args.jobs,
                                     "cpus": os.cpu_count(), "build_seconds": round(time.perf_counter() - started, 1),
                                     "csv_bytes": (work / "cables.csv").stat().st_size}
        jobs = ["--jobs", str(args.jobs)]
        folder = measure(dateline(str(work / "folder"), "--out", str(work / "out-folder"), "--no-cache", *jobs))
        folder.update(table_stats(work / "out-folder"))
        as_csv = measure(dateline(str(work / "cables.csv"), "--out", str(work / "out-csv"), "--no-cache", *jobs))
        as_csv.update(table_stats(work / "out-csv"))
        as_csv["spurious_error_rows"] = max(0, as_csv["error_rows"] - folder["error_rows"])
        as_csv["ratio_to_folder"] = round(as_csv["seconds"] / folder["seconds"], 2)
        cache = ["--cache", str(work / "cache")]
        cached_full = measure(dateline(str(work / "cables.csv"), "--out", str(work / "out-cached"), *cache, *jobs))
        edit_one_row(work / "cables.csv")
        one_edit = measure(dateline(str(work / "cables.csv"), "--out", str(work / "out-cached"), *cache, *jobs))
        one_edit["share_of_full_run"] = round(one_edit["seconds"] / cached_full["seconds"], 3)
        result.update(folder=folder, csv=as_csv, csv_cached_full=cached_full, csv_one_row_edited=one_edit)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    path = HERE / "results.json"
    results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    results.setdefault("scale", {})[f"x{args.multiply}"] = result
    path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
