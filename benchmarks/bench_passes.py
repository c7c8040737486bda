"""Our time-expression and claims passes against the raw libraries, on the same
sentences of the same sample of cables, in the same process.

``python benchmarks/bench_passes.py [--corpus DIR] [--sample N]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import time
from pathlib import Path
from typing import Callable

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def sample_sentences(corpus: Path, sample: int) -> list[tuple[str, str]]:
    """(sentence, document date) for an evenly spread sample of cables."""
    from extractor import read_corpus

    files = sorted(corpus.glob("*.txt"))
    step = max(1, len(files) // sample)
    chosen = files[::step][:sample]
    return [(s.text, doc.doc_date) for doc in read_corpus(chosen) for _, s in doc.sentences()]


def timed(repeats: int, fn: Callable[[], int]) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(repeats):
        started = time.perf_counter()
        found = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), found


def run(corpus: Path = DEFAULT_CORPUS, sample: int = 150, repeats: int = 3) -> dict:
    import quantulum3.parser  # noqa: F401  (imports paid before timing)
    from dateparser.search import search_dates

    from extractor.claims import claims_from_text
    from extractor.timex import find_time_expressions

    sentences = sample_sentences(corpus, sample)
    kb = sum(len(s.encode("utf-8")) for s, _ in sentences) / 1024

    def ours_timex() -> int:
        return sum(len(find_time_expressions(s, d)) for s, d in sentences)

    def raw_search_dates() -> int:
        found = 0
        for s, d in sentences:
            base = dt.datetime.fromisoformat(d) if d else dt.datetime(2008, 1, 1)
            found += len(search_dates(s, languages=["en"], settings={"RELATIVE_BASE": base}) or [])
        return found

    def ours_claims() -> int:
        return sum(len(claims_from_text(s, dct=d)) for s, d in sentences)

    def raw_quantulum() -> int:
        return sum(len(quantulum3.parser.parse(s)) for s, _ in sentences)

    # the raw libraries are slow: one timed run each is already minutes of work
    raw_repeats = 1
    results = {"sentences": len(sentences), "kb": kb}
    for name, fn, reps, key in (
        ("timex_ours", ours_timex, repeats, "found"),
        ("search_dates_raw", raw_search_dates, raw_repeats, "found"),
        ("claims_ours", ours_claims, repeats, "claims"),
        ("quantulum3_raw", raw_quantulum, raw_repeats, "quantities"),
    ):
        seconds, found = timed(reps, fn)
        results[name] = {"seconds": seconds, "kb_per_s": kb / seconds, key: found}
    return results


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=150)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(run(args.corpus, args.sample, args.repeats), indent=2))
