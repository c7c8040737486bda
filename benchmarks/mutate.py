"""Mutation test: real cables, damaged on purpose, must never crash a stage.

Takes N cables of the shared corpus, applies one of several mutations to each
(truncation, byte flips, line shuffles, re-encoding, deleted or duplicated header
lines, inserted NULs), then runs every stage directly — read, clean, time
expressions, events, claims — *without* the pipeline's safety net, and counts the
exceptions. Deterministic (seeded).

``python benchmarks/mutate.py [--corpus DIR] [--count 1000] [--seed 7]``
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Callable

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(0, max(1, len(data)))]


def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randrange(1, 60)):
        if buffer:
            buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    return bytes(buffer)


def shuffle_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    rng.shuffle(lines)
    return b"\n".join(lines)


def reencode(data: bytes, rng: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    encoding = rng.choice(["utf-16", "utf-8-sig", "cp1252", "latin-1", "utf-16-be"])
    return text.encode(encoding, errors="replace")


def drop_header_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    head = min(len(lines), 30)
    keep = [line for i, line in enumerate(lines) if i >= head or rng.random() > 0.5]
    return b"\n".join(keep)


def duplicate_chunks(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    start = rng.randrange(len(data))
    chunk = data[start : start + rng.randrange(1, 4000)]
    return data[:start] + chunk * rng.randrange(2, 6) + data[start:]


def insert_nuls(data: bytes, rng: random.Random) -> bytes:
    buffer = bytearray(data)
    for _ in range(rng.randrange(1, 20)):
        buffer.insert(rng.randrange(len(buffer) + 1), 0)
    return bytes(buffer)


MUTATIONS: dict[str, Callable[[bytes, random.Random], bytes]] = {
    f.__name__: f for f in (truncate, flip_bytes, shuffle_lines, reencode, drop_header_lines,
                            duplicate_chunks, insert_nuls)
}


def run(corpus: Path = DEFAULT_CORPUS, count: int = 1000, seed: int = 7) -> dict:
    from extractor.claims import extract_claims
    from extractor.clean import clean_document
    from extractor.events import extract_events
    from extractor.pipeline import time_expressions
    from extractor.read import read_file

    rng = random.Random(seed)
    files = sorted(corpus.glob("*.txt"))
    chosen = [files[i % len(files)] for i in rng.sample(range(len(files)), min(count, len(files)))]
    chosen += [files[rng.randrange(len(files))] for _ in range(count - len(chosen))]
    crashes: list[dict] = []
    per_mutation: dict[str, int] = {name: 0 for name in MUTATIONS}
    documents = errors = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="dateline-mutate-") as tmp:
        root = Path(tmp)
        for index, source in enumerate(chosen):
            name = rng.choice(sorted(MUTATIONS))
            per_mutation[name] += 1
            path = root / f"{index:04d}_{source.name}"
            path.write_bytes(MUTATIONS[name](source.read_bytes(), rng))
            stage = "read"
            try:
                for doc in read_file(path, root):
                    documents += 1
                    if doc.status != "ok":
                        errors += 1
                        continue
                    stage = "clean"
                    doc = clean_document(doc)
                    stage = "timex"
                    times = time_expressions(doc)
                    stage = "events"
                    extract_events(doc, times)
                    stage = "claims"
                    extract_claims(doc, times)
            except Exception as exc:  # what we are counting
                crashes.append({"file": source.name, "mutation": name, "stage": stage,
                                "error": f"{type(exc).__name__}: {exc}",
                                "where": traceback.format_exc(limit=-1).strip().splitlines()[-3:]})
            path.unlink()
    return {"mutated_files": len(chosen), "documents": documents, "error_rows": errors,
            "crashes": len(crashes), "by_mutation": per_mutation, "crash_list": crashes[:20],
            "seconds": time.perf_counter() - started}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"skipped: corpus {args.corpus} is absent")
        sys.exit(0)
    result = run(args.corpus, args.count, args.seed)
    print(json.dumps(result, indent=2))
    sys.exit(1 if result["crashes"] else 0)
