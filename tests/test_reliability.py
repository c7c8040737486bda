"""Issue 15: hostile or careless input, concurrent and killed runs. One test (or
more) per row of the issue's table, named ``test_rowN_...``; concurrency and
signal cases run the real thing in subprocesses."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from extractor import extract_corpus
from extractor.cli import cli
from extractor.read import read_file
from extractor.tables import TABLES, TEXTS_FILE, read_table

import extractor

# the subprocesses run the extractor this test imported (PYTHONPATH may point at another checkout)
PROJECT = Path(extractor.__file__).resolve().parent.parent
CABLE = ("Identifier: {id}\nCreated: {created}\nClassification: CONFIDENTIAL\nOrigin: Embassy Mexico\n\n"
         "R 241258Z JUL 08\nFM AMEMBASSY MEXICO\n\nSUBJECT: {subject}\n\n"
         "1. (C) The Ambassador met the minister on July 17. Police seized 5.8 tons of cocaine.\n")
CSV_ROW = '"{n}","12/28/2006 14:57","{id}","Embassy Mexico","CONFIDENTIAL","","","{body}"\n'


def cable(doc_id: str = "08TEST1", created: str = "2008-07-24", subject: str = "A TEST") -> str:
    return CABLE.format(id=doc_id, created=created, subject=subject)


def corpus_of(folder: Path, n: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"c{i:02d}.txt").write_text(cable(f"08TEST{i}"), encoding="utf-8")
    return folder


def table_bytes(out: Path) -> dict[str, bytes]:
    names = [f"{n}.{e}" for n in TABLES for e in ("csv", "jsonl")] + [TEXTS_FILE]
    return {name: (out / name).read_bytes() for name in names}


def python(script: str, *args: str, **kw: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    return subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, **kw)  # type: ignore[call-overload]


def live_children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


# a run whose cables each take a while (so that another run or a signal meets it mid-way)
SLOW_RUN = """
import sys, time
from extractor import pipeline
original = pipeline.rows_for_file
delay = float(sys.argv[3])
def slow(path, root):
    time.sleep(delay)
    return original(path, root)
pipeline.rows_for_file = slow
from extractor.cli import main
sys.argv = ["dateline", "extract", sys.argv[1], "--out", sys.argv[2], "--no-cache", "-q", "--jobs", "2"]
main()
"""


# -- row 1, 5 (ids), 15: repeated ids -----------------------------------------------------------

def test_row1_a_repeated_id_in_one_cables_csv_keeps_each_copys_own_rows(tmp_path: Path) -> None:
    body = "1. (C) Police seized 5.8 tons of cocaine on July 17."
    (tmp_path / "cables.csv").write_text("".join(CSV_ROW.format(n=i, id="06SAME1", body=body) for i in range(3)))
    extract_corpus([tmp_path / "cables.csv"], tmp_path / "out", jobs=1)
    documents, claims = read_table(tmp_path / "out" / "documents.csv"), read_table(tmp_path / "out" / "claims.csv")
    assert [d["doc_id"] for d in documents] == ["06SAME1", "06SAME1~2", "06SAME1~3"]
    assert [d["claims"] for d in documents] == ["1", "1", "1"]
    assert sorted(c["doc_id"] for c in claims) == ["06SAME1", "06SAME1~2", "06SAME1~3"]
    assert len({c["claim_id"] for c in claims}) == 3
    texts = [json.loads(line)["doc_id"] for line in (tmp_path / "out" / TEXTS_FILE).read_text().splitlines()]
    assert texts == ["06SAME1", "06SAME1~2", "06SAME1~3"]


def test_row5_thousands_of_repeated_ids_are_renamed_in_linear_time(tmp_path: Path) -> None:
    # rows with no text are error rows: no extraction cost, only the renaming is measured
    rows = "".join(CSV_ROW.format(n=i, id="06SAME1", body="") for i in range(30_000))
    (tmp_path / "cables.csv").write_text(rows)
    started = time.monotonic()
    extract_corpus([tmp_path / "cables.csv"], tmp_path / "out", jobs=1)
    assert time.monotonic() - started < 10  # 2 s; renaming by scanning every row of the file: 23 s
    ids = [d["doc_id"] for d in read_table(tmp_path / "out" / "documents.csv")]
    assert len(set(ids)) == 30_000


def test_row15_renaming_a_folder_does_not_swap_which_copy_keeps_the_id(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for folder, created in (("a", "2008-07-24"), ("b", "2008-07-25")):
        (corpus / folder).mkdir(parents=True)
        (corpus / folder / "x.txt").write_text(cable("08SAME1", created))

    def ids_by_date(out: Path) -> dict[str, str]:
        return {d["doc_date"]: d["doc_id"] for d in read_table(out / "documents.csv")}

    extract_corpus([corpus], tmp_path / "out1", jobs=1)
    os.replace(corpus / "a", corpus / "z")  # now sorts after b
    extract_corpus([corpus], tmp_path / "out2", jobs=1)
    assert ids_by_date(tmp_path / "out1") == ids_by_date(tmp_path / "out2")
    assert sorted(ids_by_date(tmp_path / "out2").values()) == ["08SAME1", "08SAME1~2"]


# -- row 2: file names ------------------------------------------------------------------------

def test_row2_a_file_name_that_is_not_utf8_gets_a_row_and_the_run_goes_on(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 1)
    (corpus / os.fsdecode(b"caf\xe9.txt")).write_text(cable("08CAFE1"))
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 0, result.output
    rows = read_table(tmp_path / "out" / "documents.csv")
    assert {r["source_file"] for r in rows} == {"c00.txt", "caf\\xe9.txt"}
    assert all(r["status"] == "ok" for r in rows)


# -- rows 3, 8, 14: the site (one build) ------------------------------------------------------

def test_row3_long_ids_get_short_distinct_page_slugs() -> None:
    from extractor.report import page_slug

    one, two = "08" + "X" * 300 + "1", "08" + "X" * 300 + "2"
    assert len(page_slug(one)) <= 100 and len(page_slug(two)) <= 100
    assert page_slug(one) != page_slug(two)
    assert page_slug("08MEXICO2276") == "08MEXICO2276"  # ordinary ids unchanged


def test_rows3_8_14_site_with_long_names_formula_cells_and_a_killed_swap(tmp_path: Path) -> None:
    from extractor.site import build_site

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / ("n" * 251 + ".txt")).write_text("The minister met the ambassador on July 17.\n")  # a 255-byte name
    (corpus / "long-id.txt").write_text(cable("08" + "X" * 300))
    (corpus / "formula.txt").write_text(cable("08F1", subject='=HYPERLINK("http://x","y")')
                                        + "\n2. (C) -5 officials said =cmd|' /C calc'!A0 was wrong.\n")
    data = tmp_path / "data"
    extract_corpus([corpus], data, jobs=1)
    # what a kill between the two renames of the old swap left: the old site, retired, and none in place
    (tmp_path / ".public.old-4242").mkdir()
    (tmp_path / ".public.old-4242" / "index.html").write_text("old")
    (tmp_path / ".public.old-4242" / ".dateline-site").write_text("")
    site = build_site(data, tmp_path / "public", evaluate=False)
    assert not list(tmp_path.glob(".public.old-*")) and (site / "index.html").is_file()
    assert len(list((site / "documents").iterdir())) >= 4
    published = (site / "data" / "documents.csv").read_text(encoding="utf-8")
    raw = (data / "documents.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in published and ',"=HYPERLINK' not in published
    assert ',"=HYPERLINK' in raw  # the tables keep the text as it is
    sentences = [r["sentence"] for r in read_table(site / "data" / "events.csv")]
    assert not [s for s in sentences if s[:1] in "=+-@\t\r"]
    assert (site / "data" / "documents.jsonl").read_bytes() == (data / "documents.jsonl").read_bytes()


# -- row 4: HTML and the time budget ----------------------------------------------------------

@pytest.mark.parametrize("page", ["<html><body>" + "<a href=x " * 10_000,
                                  "<html><body><!-- " + "x y z " * 100_000,
                                  "<html><body>" + "<td><a href=x <p>The minister met <!-- <b " * 10_000],
                         ids=["unclosed-tags", "unclosed-comment", "mixed"])
def test_row4_malformed_html_is_read_in_linear_time(tmp_path: Path, page: str) -> None:
    (tmp_path / "page.html").write_text(page)
    started = time.monotonic()
    docs = read_file(tmp_path / "page.html", tmp_path)
    assert time.monotonic() - started < 5  # html.parser alone: 50 s and more
    assert len(docs) == 1


BUDGET_RUN = """
import sys, time
from pathlib import Path
from extractor import pipeline
from extractor.workers import Budget
original = pipeline.rows_for_file
def hostile(path, root):
    if path.name == "hang.txt":
        time.sleep(600)
    if path.name == "greedy.txt":
        hog = bytearray(700 * 2**20)
        time.sleep(600)
    return original(path, root)
pipeline.rows_for_file = hostile
pipeline.extract_corpus([sys.argv[1]], sys.argv[2], jobs=2, budget=Budget(timeout=3, max_memory_mb=400))
"""


def test_row4_a_file_over_the_time_or_memory_budget_becomes_an_error_row(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 3)
    (corpus / "hang.txt").write_text(cable("08HANG1"))
    (corpus / "greedy.txt").write_text(cable("08GREEDY1"))
    started = time.monotonic()
    process = python(BUDGET_RUN, str(corpus), str(tmp_path / "out"))
    assert process.wait(120) == 0, process.stderr.read() if process.stderr else ""
    assert time.monotonic() - started < 60
    rows = {r["source_file"]: r for r in read_table(tmp_path / "out" / "documents.csv")}
    assert len(rows) == 5
    assert rows["hang.txt"]["status"] == "error" and "time budget" in rows["hang.txt"]["error"]
    assert rows["greedy.txt"]["status"] == "error" and "memory budget" in rows["greedy.txt"]["error"]
    assert all(rows[f"c{i:02d}.txt"]["status"] == "ok" for i in range(3)), [(k, r["error"]) for k, r in rows.items()]


def _slow_start() -> None:
    time.sleep(2.5)  # a worker loading its models on a loaded machine


def _echo(task: object) -> object:
    return task


def test_row4_a_worker_slow_to_start_does_not_spend_its_first_files_time_budget() -> None:
    from extractor.workers import Budget, run_pool

    tasks = [(Path(f"c{i}.txt"), Path("."), None) for i in range(3)]
    results = list(run_pool(tasks, range(3), 2, _echo, lambda task, reason: reason,  # type: ignore[arg-type]
                            Budget(timeout=1, max_memory_mb=900), setup=_slow_start))
    assert results == list(enumerate(tasks))  # the clock starts when the worker takes the file


# -- row 5: quadratic extraction --------------------------------------------------------------

def test_row5_a_long_list_of_numbers_is_not_quadratic() -> None:
    from extractor.claims import claims_from_text

    text = "The totals in MEXICO " + ", ".join(["1"] * 3000) + " were reported."
    started = time.monotonic()
    claims_from_text(text, dct="2008-07-24")  # walking the list back from every number: recursion overflow
    assert time.monotonic() - started < 20


def test_row5_event_deduplication_over_thousands_of_paragraphs_is_not_quadratic(tmp_path: Path) -> None:
    months = ["January", "February", "March", "April", "May", "June"]
    paras = "".join(f"{i}. (C) Minister Perez{i} visited Tijuana on {months[i % 6]} {1 + i % 28}, 2008.\n\n"
                    for i in range(1, 3001))
    (tmp_path / "long.txt").write_text(cable("08LONG1").split("1. (C)")[0] + paras)
    started = time.monotonic()
    extract_corpus([tmp_path / "long.txt"], tmp_path / "out", jobs=1, budget=None)
    assert time.monotonic() - started < 40  # comparing every mention with every event: minutes
    assert read_table(tmp_path / "out" / "documents.csv")[0]["status"] == "ok"


# -- row 6: two runs on one --out; one swap ---------------------------------------------------

def test_row6_a_second_run_on_the_same_out_fails_clearly_and_the_first_completes(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 6)
    out = tmp_path / "out"
    first = python(SLOW_RUN, str(corpus), str(out), "2")
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.building-*")) and time.monotonic() < deadline:
        time.sleep(0.1)  # the first run holds the folder
    second = python(SLOW_RUN, str(corpus), str(out), "0")
    assert second.wait(60) == 1
    assert "another dateline run is writing" in (second.stderr.read() if second.stderr else "")
    assert first.wait(120) == 0
    assert len(read_table(out / "documents.csv")) == 6


# SIGKILL right after the first rename the run makes (the old commit renamed seven files)
KILL_AT_RENAME = """
import os, signal, sys
from extractor import pipeline
real_replace = os.replace
def replace_then_die(src, dst, *a, **kw):
    real_replace(src, dst, *a, **kw)
    os.kill(os.getpid(), signal.SIGKILL)
os.replace = os.rename = replace_then_die
pipeline.extract_corpus([sys.argv[1]], sys.argv[2], jobs=1)
"""


def test_row6_a_kill_after_any_rename_of_the_commit_leaves_no_mix(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    extract_corpus([corpus], out, jobs=1)
    before = table_bytes(out)
    (corpus / "new.txt").write_text(cable("08NEW1"))
    process = python(KILL_AT_RENAME, str(corpus), str(out))
    process.wait(120)
    after = table_bytes(out)
    assert after == before or len(read_table(out / "documents.csv")) == 3 == \
        len({json.loads(line)["doc_id"] for line in after[TEXTS_FILE].decode().splitlines()})


# -- rows 7, 9: the site's folder -------------------------------------------------------------

SLOW_SITE = """
import sys, time
from extractor import site
original = site.squeeze_html
delay = float(sys.argv[3])
def slow(path):
    original(path)
    time.sleep(delay)
site.squeeze_html = slow
from extractor.cli import main
sys.argv = ["dateline", "site", "--data", sys.argv[1], "--out", sys.argv[2], "-q"]
main()
"""


def test_row7_a_second_site_build_on_the_same_out_fails_clearly_and_the_first_completes(tmp_path: Path) -> None:
    data, public = tmp_path / "data", tmp_path / "public"
    extract_corpus([corpus_of(tmp_path / "corpus", 2)], data, jobs=1)
    first = python(SLOW_SITE, str(data), str(public), "8")
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".public.building-*/index.html")) and time.monotonic() < deadline:
        time.sleep(0.2)
    second = python(SLOW_SITE, str(data), str(public), "0")
    assert second.wait(120) == 1
    assert "another dateline run is writing" in (second.stderr.read() if second.stderr else "")
    assert first.wait(120) == 0
    assert (public / "index.html").is_file() and (public / "data" / "documents.csv").is_file()


def test_row9_site_refuses_a_folder_it_did_not_build_unless_forced(tmp_path: Path) -> None:
    data = tmp_path / "data"
    extract_corpus([corpus_of(tmp_path / "corpus", 1)], data, jobs=1)
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "index.html").write_text("my own page")
    (mine / "thesis.tex").write_text("years of work")
    result = CliRunner().invoke(cli, ["site", "--data", str(data), "--out", str(mine), "-q"])
    assert result.exit_code == 1 and "--force" in result.output
    assert (mine / "thesis.tex").read_text() == "years of work"


# -- row 10: full disk, stale staging ---------------------------------------------------------

FULL_DISK = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (20000, 20000))  # writes past 20 KB fail: a full disk
from extractor.cli import main
sys.argv = ["dateline", "extract", sys.argv[1], "--out", sys.argv[2], "--no-cache", "--jobs", "1"]
main()
"""


def test_row10_a_full_disk_fails_clearly_and_leaves_nothing_behind(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 20)
    process = python(FULL_DISK, str(corpus), str(tmp_path / "out"))
    assert process.wait(120) == 1
    assert "Traceback" not in (process.stderr.read() if process.stderr else "")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]
    assert not (tmp_path / "out").exists() or not [p for p in (tmp_path / "out").iterdir()
                                                    if p.name.startswith(".dateline-tmp")]


def test_row10_what_killed_runs_left_is_removed_by_the_next_run(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 1)
    out = tmp_path / "out"
    extract_corpus([corpus], out, jobs=1)
    (tmp_path / ".out.building-killed").mkdir()
    (tmp_path / ".out.building-killed" / "claims.csv").write_bytes(b"x" * 1000)
    (out / ".dateline-tmp-killed").mkdir()  # what the file-by-file writer left inside
    extract_corpus([corpus], out, jobs=1)
    assert not (tmp_path / ".out.building-killed").exists() and not (out / ".dateline-tmp-killed").exists()


# -- row 11: --jobs ---------------------------------------------------------------------------

def test_row11_jobs_above_the_cores_are_capped_with_a_warning(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 3)
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache",
                                      "--jobs", "1000"])
    assert result.exit_code == 0, result.output
    assert f"using {os.cpu_count()}" in result.stderr


# -- row 12: dead workers, huge CSV rows ------------------------------------------------------

DYING_WORKER = """
import os, signal, sys
from pathlib import Path
from extractor import pipeline
original = pipeline.rows_for_file
marker = Path(sys.argv[3])
def dying(path, root):
    if path.name == "die.txt" and (sys.argv[4] == "always" or not marker.exists()):
        marker.touch()
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer would
    return original(path, root)
pipeline.rows_for_file = dying
pipeline.extract_corpus([sys.argv[1]], sys.argv[2], jobs=2)
"""


@pytest.mark.parametrize("mode", ["once", "always"])
def test_row12_a_dead_worker_is_replaced_and_its_file_retried_once(tmp_path: Path, mode: str) -> None:
    corpus = corpus_of(tmp_path / "corpus", 4)
    (corpus / "die.txt").write_text(cable("08DIE1"))
    process = python(DYING_WORKER, str(corpus), str(tmp_path / "out"), str(tmp_path / "died"), mode)
    assert process.wait(120) == 0, process.stderr.read() if process.stderr else ""
    rows = {r["source_file"]: r for r in read_table(tmp_path / "out" / "documents.csv")}
    assert len(rows) == 5 and all(rows[f"c{i:02d}.txt"]["status"] == "ok" for i in range(4))
    if mode == "once":
        assert rows["die.txt"]["status"] == "ok"
    else:
        assert rows["die.txt"]["status"] == "error" and "died" in rows["die.txt"]["error"]


# peak RSS from VmHWM (ru_maxrss would carry the forking test process' peak over exec)
HUGE_CSV = """
import sys
from pathlib import Path
from extractor.read import read_file
docs = read_file(Path(sys.argv[1]), Path(sys.argv[1]).parent)
print(docs[0].status, docs[0].error)
hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
print(int(hwm.split()[1]) // 1024)
"""


def test_row12_a_csv_looking_file_with_one_endless_row_stays_within_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with open(big, "wb") as handle:
        handle.write(CSV_ROW.format(n=1, id="06BIG1", body="1. (C) Text " + "word " * 20_000).encode()[:-2])
        handle.write(b"word " * (300 * 2**20 // 5))  # one 300 MB row
    process = python(HUGE_CSV, str(big))
    output, _ = process.communicate(timeout=120)
    status, peak = output.strip().splitlines()
    assert status.startswith("error") and "too large" in status
    assert int(peak) < 250  # MB; the whole row in memory took twice its size


# -- row 13: signals --------------------------------------------------------------------------

@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_row13_workers_end_with_the_main_process(tmp_path: Path, sig: signal.Signals) -> None:
    corpus = corpus_of(tmp_path / "corpus", 20)
    out = tmp_path / "out"
    process = python(SLOW_RUN, str(corpus), str(out), "1")
    deadline = time.monotonic() + 60
    while len(live_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    workers = live_children(process.pid)
    assert workers
    time.sleep(1)
    process.send_signal(sig)
    process.wait(30)
    time.sleep(2)
    assert not [pid for pid in workers if pid in live_children(1) or Path(f"/proc/{pid}").exists()
                and "Z" not in Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]]
    if sig != signal.SIGKILL:  # unwound: the staging folder is gone too
        assert not list(tmp_path.glob(".out.building-*"))


# -- row 16: cache entries --------------------------------------------------------------------

@pytest.mark.parametrize("entry", [{"documents": [{"doc_id": 5}], "events": "x", "claims": [], "texts": []},
                                   {"documents": [], "events": [], "claims": [], "texts": [1, 2]},
                                   [1, 2, 3]])
def test_row16_a_malformed_cache_entry_is_extracted_again(tmp_path: Path, entry: object) -> None:
    corpus = corpus_of(tmp_path / "corpus", 2)
    cache = tmp_path / "cache"
    extract_corpus([corpus], tmp_path / "fresh", jobs=1, cache_dir=cache)
    for path in cache.rglob("*.json"):
        path.write_text(json.dumps(entry))
    summary = extract_corpus([corpus], tmp_path / "out", jobs=1, cache_dir=cache)
    assert summary.cached_files == 0
    assert table_bytes(tmp_path / "out") == table_bytes(tmp_path / "fresh")


# -- row 17: skipped names --------------------------------------------------------------------

def test_row17_files_skipped_by_name_are_counted_in_the_summary(tmp_path: Path) -> None:
    corpus = corpus_of(tmp_path / "corpus", 1)
    for name in (".hidden.txt", "README.txt", "cable.json", "run.log"):
        (corpus / name).write_text(cable("08SKIP1"))
    result = CliRunner().invoke(cli, ["extract", str(corpus), "--out", str(tmp_path / "out"), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert "4 files skipped by name" in result.stderr
    assert "README.txt" in result.stderr
