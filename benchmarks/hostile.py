"""Hostile and careless inputs (issue 15): each row of the issue's table, run through
the real CLI in a fresh folder, with its wall time, peak RSS and outcome.

``python benchmarks/hostile.py [--only NAME ...] [--keep DIR]``

Each case runs in its own child process, so the peak RSS printed is the largest
resident set of any process of that case (the CLI and its workers). Acceptance:
every case ends in at most 30 s and 1 GB, with the outcome it should have.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "cables"
CABLE = ("Identifier: {id}\nCreated: 2008-07-24 12:58\nClassification: CONFIDENTIAL\nOrigin: Embassy Mexico\n\n"
         "R 241258Z JUL 08\nFM AMEMBASSY MEXICO\n\nSUBJECT: A TEST\n\n"
         "1. (C) The Ambassador met the minister on July 17. Police seized 5.8 tons of cocaine.\n")
CSV_ROW = '"{n}","12/28/2006 14:57","{id}","Embassy Mexico","CONFIDENTIAL","","","{body}"\n'


def dateline(*args: str, check: bool = False, **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True,
                            env=env, timeout=120, **kw)  # type: ignore[call-overload]
    if check and result.returncode != 0:
        raise AssertionError(result.stderr.strip().splitlines()[-1:] or result.returncode)
    return result


def start(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "extractor", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env)


def extract(corpus: Path, out: Path, *more: str, check: bool = False) -> subprocess.CompletedProcess[str]:
    return dateline("extract", str(corpus), "--out", str(out), "--no-cache", *more, check=check)


def rows(out: Path, name: str) -> list[dict[str, str]]:
    with open(out / f"{name}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def seed_corpus(work: Path, n: int = 2) -> Path:
    corpus = work / "corpus"
    corpus.mkdir()
    for i in range(n):
        (corpus / f"c{i:02d}.txt").write_text(CABLE.format(id=f"08TEST{i}"), encoding="utf-8")
    return corpus


def children(pid: int) -> list[int]:
    """The live child processes of ``pid`` (read from /proc: no psutil needed)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return sorted(found)


# -- the cases: each returns its outcome, or raises AssertionError --------------------------

def dup_ids_in_csv(work: Path) -> str:
    body = "1. (C) Police seized 5.8 tons of cocaine on July 17."
    (work / "cables.csv").write_text("".join(CSV_ROW.format(n=i, id="06SAME1", body=body) for i in range(2000)))
    out = work / "out"
    extract(work / "cables.csv", out, check=True)
    claims, docs = rows(out, "claims"), rows(out, "documents")
    assert len({c["claim_id"] for c in claims}) == len(claims) == 2000, len({c["claim_id"] for c in claims})
    assert all(d["claims"] == "1" for d in docs) and len({d["doc_id"] for d in docs}) == 2000
    return f"{len(docs)} documents, {len(claims)} distinct claim ids, each copy keeps its claim"


def non_utf8_name(work: Path) -> str:
    corpus = seed_corpus(work)
    (corpus / os.fsdecode(b"caf\xe9.txt")).write_text(CABLE.format(id="08CAFE1"), encoding="utf-8")
    out = work / "out"
    extract(corpus, out, check=True)
    sources = [d["source_file"] for d in rows(out, "documents")]
    assert "caf\\xe9.txt" in sources, sources
    return f"tables written; source_file {sources[-1]!r}"


def long_names(work: Path) -> str:
    corpus = seed_corpus(work)
    (corpus / ("n" * 251 + ".txt")).write_text("The minister met the ambassador on July 17.\n")
    (corpus / "long-id.txt").write_text(CABLE.format(id="08" + "X" * 300))
    extract(corpus, work / "out", check=True)
    dateline("site", "--data", str(work / "out"), "--out", str(work / "public"), "-q", check=True)
    longest = max(len(p.name) for p in (work / "public" / "documents").iterdir())
    return f"site built; longest page folder name {longest} characters"


def _html_case(work: Path, text: str, name: str) -> str:
    corpus = seed_corpus(work, 20)
    (corpus / name).write_text(text)
    extract(corpus, work / "out", check=True)
    row = next(d for d in rows(work / "out", "documents") if d["source_file"] == name)
    return f"21 rows; the page: status {row['status']}{' (' + row['error'] + ')' if row['error'] else ''}"


def html_unclosed_tags(work: Path) -> str:
    return _html_case(work, "<html><body>" + "<a href=x " * 10_000 + "</body></html>", "tags.html")


def html_unclosed_comment(work: Path) -> str:
    return _html_case(work, "<html><body><!-- " + "x y z " * 140_000, "comment.html")


def html_big_malformed(work: Path) -> str:
    chunk = "<table><tr><td><a href=x <p>The minister met the ambassador <!-- <b "
    return _html_case(work, "<html><body>" + chunk * (3_900_000 // len(chunk)), "big.html")


def repeated_ids_10k(work: Path) -> str:
    body = "1. (U) Nothing to report."  # cheap to extract: the cost measured is the renaming
    (work / "cables.csv").write_text("".join(CSV_ROW.format(n=i, id="06SAME1", body=body) for i in range(10_000)))
    extract(work / "cables.csv", work / "out", check=True)
    docs = rows(work / "out", "documents")
    assert len({d["doc_id"] for d in docs}) == 10_000
    return f"{len(docs)} documents, all ids distinct"


def many_paragraphs(work: Path) -> str:
    months = ["January", "February", "March", "April", "May", "June"]
    paras = "".join(f"{i}. (C) Minister Perez{i} visited Tijuana on {months[i % 6]} {1 + i % 28}, 2008.\n\n"
                    for i in range(1, 8001))
    (work / "long.txt").write_text(CABLE.format(id="08LONG1").split("1. (C)")[0] + paras)
    extract(work / "long.txt", work / "out", check=True)
    doc = rows(work / "out", "documents")[0]
    return f"status {doc['status']} {doc['error']}; {doc['events']} events"


def comma_list(work: Path) -> str:
    (work / "commas.txt").write_text(CABLE.format(id="08COMMA1").split("1. (C)")[0]
                                     + "1. (C) The figures were " + "1," * 400_000 + "1.\n")
    extract(work / "commas.txt", work / "out", check=True)
    doc = rows(work / "out", "documents")[0]
    return f"status {doc['status']} {doc['error']}; {doc['claims']} claims"


def concurrent_extract(work: Path) -> str:
    corpus = seed_corpus(work, 30)
    out = work / "out"
    runs = [start("extract", str(corpus), "--out", str(out), "--no-cache", "-q") for _ in range(2)]
    codes = [r.wait(120) for r in runs]
    errors = [r.stderr.read() if r.stderr else "" for r in runs]  # type: ignore[union-attr]
    assert sorted(codes) == [0, 1], (codes, errors)
    assert "another dateline run" in "".join(errors)
    assert len(rows(out, "documents")) == 30
    return "one run wrote the tables, the other failed: " + next(e for e in errors if e).strip()[:70]


def concurrent_site(work: Path) -> str:
    corpus = seed_corpus(work)
    extract(corpus, work / "out", check=True)
    runs = [start("site", "--data", str(work / "out"), "--out", str(work / "public"), "-q") for _ in range(2)]
    codes = [r.wait(120) for r in runs]
    assert sorted(codes) == [0, 1], codes
    assert (work / "public" / "index.html").is_file()
    return f"exit codes {sorted(codes)}; the site is whole ({sum(1 for _ in (work / 'public').rglob('*'))} files)"


def formula_cells(work: Path) -> str:
    corpus = work / "corpus"
    corpus.mkdir()
    (corpus / "f.txt").write_text(CABLE.replace("A TEST", '=HYPERLINK("http://x","y")').format(id="08F1")
                                  + "\n2. (C) =cmd|' /C calc'!A0 said 5 officials.\n")
    extract(corpus, work / "out", check=True)
    dateline("site", "--data", str(work / "out"), "--out", str(work / "public"), "-q", check=True)
    published = (work / "public" / "data" / "documents.csv").read_text()
    assert "'=HYPERLINK" in published and ",=" not in published
    return "downloads prefix the formula cells with '; data/out keeps the text"


def site_into_user_folder(work: Path) -> str:
    corpus = seed_corpus(work)
    extract(corpus, work / "out", check=True)
    mine = work / "mine"
    mine.mkdir()
    (mine / "index.html").write_text("my page")
    (mine / "thesis.tex").write_text("years of work")
    result = dateline("site", "--data", str(work / "out"), "--out", str(mine))
    assert result.returncode == 1 and (mine / "thesis.tex").is_file()
    return "refused: " + result.stderr.strip()[:80]


def full_disk(work: Path) -> str:
    corpus = seed_corpus(work, 20)
    script = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
              "resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000)); "
              "from extractor.cli import main; sys.argv = ['dateline'] + sys.argv[1:]; main()")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", script, "extract", str(corpus), "--out", str(work / "out"),
                             "--no-cache"], capture_output=True, text=True, env=env, timeout=120)
    left = [p.name for p in work.iterdir() if p.name.startswith(".out.")]
    assert result.returncode != 0 and not left, (result.returncode, left)
    return f"exit {result.returncode}, nothing left behind: {result.stderr.strip()[-60:]}"


def too_many_jobs(work: Path) -> str:
    corpus = seed_corpus(work, 4)
    result = extract(corpus, work / "out", "--jobs", "1000")
    assert result.returncode == 0 and "more than the" in result.stderr
    return result.stderr.strip().splitlines()[0]


def dead_worker(work: Path) -> str:
    corpus = seed_corpus(work, 300)
    process = start("extract", str(corpus), "--out", str(work / "out"), "--no-cache", "--jobs", "2", "-q")
    deadline = time.monotonic() + 60
    while len(children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    killed = children(process.pid)[:1]
    for pid in killed:
        os.kill(pid, signal.SIGKILL)
    assert process.wait(120) == 0, process.stderr.read() if process.stderr else ""
    documents = rows(work / "out", "documents")
    assert len(documents) == 300 and killed
    return f"killed worker {killed}; run finished, 300 rows, {sum(d['status'] == 'ok' for d in documents)} ok"


def huge_csv_line(work: Path) -> str:
    corpus = seed_corpus(work)
    big = corpus / "big.csv"
    with open(big, "wb") as handle:
        handle.write(CSV_ROW.format(n=1, id="06BIG1", body="1. (C) Text " + "word " * 40_000).encode()[:-2])
        handle.truncate(1 << 30)  # a 1 GB file (sparse) whose first row never ends
    extract(corpus, work / "out", check=True)
    row = next(d for d in rows(work / "out", "documents") if d["source_file"].startswith("big.csv"))
    return f"{row['status']}: {row['error']}"


def terminated_main(work: Path) -> str:
    corpus = seed_corpus(work, 300)
    process = start("extract", str(corpus), "--out", str(work / "out"), "--no-cache", "--jobs", "2", "-q")
    deadline = time.monotonic() + 60
    while len(children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)
    workers = children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait(30)
    time.sleep(1)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists()
             and "Z" not in Path(f"/proc/{pid}/stat").read_text().split()[2]]
    assert workers and not alive, (workers, alive)
    return f"SIGKILL of the main process: its {len(workers)} workers are gone within 1 s"


def killed_between_renames(work: Path) -> str:
    corpus = seed_corpus(work)
    extract(corpus, work / "out", check=True)
    dateline("site", "--data", str(work / "out"), "--out", str(work / "public"), "-q", check=True)
    os.replace(work / "public", work / ".public.old-12345")  # as a kill between the two renames leaves it
    dateline("site", "--data", str(work / "out"), "--out", str(work / "public"), "-q", check=True)
    left = [p.name for p in work.iterdir() if p.name.startswith(".public.old")]
    assert (work / "public" / "index.html").is_file() and not left
    return "next build restored and cleaned up; no .public.old-* left"


def same_id_two_folders(work: Path) -> str:
    corpus = work / "corpus"
    for folder, day in (("a", "24"), ("b", "25")):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "x.txt").write_text(CABLE.format(id="08SAME1").replace("2008-07-24", f"2008-07-{day}"))
    extract(corpus, work / "out1", check=True)
    os.replace(corpus / "a", corpus / "c")
    extract(corpus, work / "out2", check=True)

    def by_date(out: Path) -> dict[str, str]:
        return {d["doc_date"]: d["doc_id"] for d in rows(out, "documents")}

    assert by_date(work / "out1") == by_date(work / "out2"), (by_date(work / "out1"), by_date(work / "out2"))
    return f"ids by cable unchanged after the rename: {by_date(work / 'out2')}"


def malformed_cache(work: Path) -> str:
    corpus = seed_corpus(work)
    dateline("extract", str(corpus), "--out", str(work / "out"), "--cache", str(work / "cache"), check=True)
    for entry in (work / "cache").rglob("*.json"):
        entry.write_text(json.dumps({"documents": [{"doc_id": 5}], "events": "x", "claims": [], "texts": []}))
    result = dateline("extract", str(corpus), "--out", str(work / "out"), "--cache", str(work / "cache"))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-300:]
    return result.stderr.strip().splitlines()[0]


def skipped_names(work: Path) -> str:
    corpus = seed_corpus(work)
    for name in (".hidden.txt", "README.txt", "cable.json", "run.log"):
        (corpus / name).write_text(CABLE.format(id="08SKIP1"))
    result = extract(corpus, work / "out", check=True)
    assert "4 files skipped" in result.stderr, result.stderr
    return result.stderr.strip().splitlines()[-1][:100]


CASES: list[tuple[str, str, Callable[[Path], str]]] = [
    ("1", "2,000 rows with one id in cables.csv", dup_ids_in_csv),
    ("2", "file name not UTF-8", non_utf8_name),
    ("3", "255-byte file name, 300-char Identifier", long_names),
    ("4a", "100 KB of unclosed <a href=x", html_unclosed_tags),
    ("4b", "800 KB unclosed <!--", html_unclosed_comment),
    ("4c", "3.9 MB malformed HTML beside 20 cables", html_big_malformed),
    ("5a", "10,000 rows with one id", repeated_ids_10k),
    ("5b", "8,000 paragraphs in one cable", many_paragraphs),
    ("5c", "comma list 1,1,1,... (800 KB)", comma_list),
    ("6", "two extract runs on one --out", concurrent_extract),
    ("7", "two site runs at once", concurrent_site),
    ("8", "formula cells", formula_cells),
    ("9", "site --out a user's folder", site_into_user_folder),
    ("10", "full disk (RLIMIT_FSIZE)", full_disk),
    ("11", "--jobs 1000", too_many_jobs),
    ("12a", "a worker SIGKILLed mid-run", dead_worker),
    ("12b", "1 GB CSV-looking file, one row", huge_csv_line),
    ("13", "main process SIGKILLed", terminated_main),
    ("14", "site killed between its renames", killed_between_renames),
    ("15", "one id in two folders, folder renamed", same_id_two_folders),
    ("16", "malformed cache entries", malformed_cache),
    ("17", "hidden, README*, .json, .log files", skipped_names),
]


def run_one(name: str, keep: str | None) -> None:
    """Run one case here (a child of the table's process) and print its JSON line."""
    _row, _title, case = next(c for c in CASES if c[0] == name)
    work = Path(tempfile.mkdtemp(prefix=f"hostile-{name}-", dir=keep))
    started = time.monotonic()
    try:
        outcome, ok = case(work), True
    except Exception as exc:  # noqa: BLE001 - reported as the case's outcome
        outcome, ok = f"FAILED {type(exc).__name__}: {exc}"[:200], False
    elapsed = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KB -> MB, every waited-for descendant
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps({"case": name, "seconds": round(elapsed, 1), "peak_rss_mb": round(peak), "ok": ok,
                      "outcome": outcome}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="case numbers to run (e.g. 4a 12b)")
    parser.add_argument("--keep", default=None, help="leave each case's folder under this one")
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.keep)
        return 0
    failed = 0
    print(f"{'#':<4} {'input':<42} {'time':>6} {'RSS':>7}  outcome")
    for name, title, _case in CASES:
        if args.only and name not in args.only:
            continue
        command = [sys.executable, __file__, "--one", name] + (["--keep", args.keep] if args.keep else [])
        output = subprocess.run(command, capture_output=True, text=True, timeout=600).stdout
        result = json.loads(output.strip().splitlines()[-1])
        ok = result["ok"] and result["seconds"] <= 30 and result["peak_rss_mb"] <= 1024
        failed += not ok
        print(f"{name:<4} {title:<42} {result['seconds']:>5.1f}s {result['peak_rss_mb']:>5}MB  "
              f"{'ok' if ok else 'FAIL'}: {result['outcome']}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
