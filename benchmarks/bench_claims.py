"""Claims throughput: our claims pass vs raw quantulum3 per sentence, same text, same run.

    python -m benchmarks.bench_claims [CORPUS] [--sample N]

Both sides see exactly the same sentences of the cleaned body. Our side runs :func:`extractor.claims.extract_claims` with
the time expressions given (the pipeline computes those once for events and
claims); raw quantulum3 runs ``parser.parse`` on every sentence.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import time
import warnings
from pathlib import Path

from extractor.claims import extract_claims
from extractor.model import Document

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


_NAIVE_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n\s*\n")


def _documents(files: list[Path]) -> list[Document]:
    from extractor.pipeline import read_documents

    return [doc for path in files for doc in read_documents(path, path.parent)]


def run(corpus: Path, sample: int) -> dict[str, float | int | str]:
    files = sorted(p for p in Path(corpus).glob("*.txt"))
    random.Random(5).shuffle(files)
    files = files[:sample] if sample else files
    docs = _documents(files)
    sentences = [s.text for d in docs for p in d.paragraphs for s in p.sentences]
    size_kb = sum(len(s.encode("utf-8")) for s in sentences) / 1024
    # the files those sentences come from: the unit of the full-extraction figure
    files_kb = sum(p.stat().st_size for p in files) / 1024

    times = [[[[] for _ in p.sentences] for p in d.paragraphs] for d in docs]
    # both sides load quantulum3's unit tables and regexes outside the timing
    from extractor.quantities import quantulum_unit

    quantulum_unit("300 horsepower")
    started = time.perf_counter()
    claims = 0
    for doc, doc_times in zip(docs, times):
        claims += len(extract_claims(doc, doc_times))
    ours = time.perf_counter() - started

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("warm up 5 tons")  # load the unit tables outside the timing
        started = time.perf_counter()
        raw = 0
        for sentence in sentences:
            raw += len(parser.parse(sentence))
        theirs = time.perf_counter() - started

        # what a user without Dateline would run: quantulum3 on every sentence of the
        # files as they are (headers and routing included), split naively
        file_sentences = [s for path in files for s in _NAIVE_SENTENCE.split(path.read_text(encoding="utf-8"))
                          if s.strip()]
        started = time.perf_counter()
        raw_on_files = sum(len(parser.parse(s)) for s in file_sentences)
        theirs_on_files = time.perf_counter() - started

    return {
        "files": len(files),
        "sentences": len(sentences),
        "kb": round(size_kb, 1),
        "ours_seconds": round(ours, 3),
        "ours_kb_per_s": round(size_kb / ours, 1) if ours else 0.0,
        "ours_claims": claims,
        "quantulum3_seconds": round(theirs, 3),
        "quantulum3_kb_per_s": round(size_kb / theirs, 1) if theirs else 0.0,
        "files_kb": round(files_kb, 1),
        # corpus KB per second when quantulum3 parses every sentence of the files
        "quantulum3_file_kb_per_s": round(files_kb / theirs, 1) if theirs else 0.0,
        "quantulum3_raw_files_kb_per_s": round(files_kb / theirs_on_files, 1) if theirs_on_files else 0.0,
        "quantulum3_raw_files_quantities": raw_on_files,
        "quantulum3_quantities": raw,
        "speedup": round(theirs / ours, 1) if ours else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--sample", type=int, default=200, help="files to use (0 = all)")
    args = parser.parse_args()
    print(json.dumps(run(Path(args.corpus), args.sample), indent=2))


if __name__ == "__main__":
    main()
