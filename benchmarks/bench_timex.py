"""Benchmark: Dateline's time-expression pass against raw dateparser.search_dates.

Both run over the same paragraphs of the same sample of cables in the same run;
ours also runs over the whole corpus. Speed is in KB/s of UTF-8 text. "Implausible"
spans are a false-positive estimate with no gold: spans with no calendar word, no
year, no clock time and no temporal adverb ("#6043/01", "we", "one", "12958"),
plus the modal "may", "march" the verb, "sat", "sun" and "second" alone.

    python benchmarks/bench_timex.py [CORPUS] [--sample N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor.timex import find_time_expressions, parse_absolute_day  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

_CALENDAR = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|march|apr(?:il)?|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|years?|months?|weeks?|weekends?|days?|hours?|minutes?|decades?|century|centuries|quarters?|half"
    r"|spring|summer|fall|autumn|winter|morning|afternoon|evening|night|tonight|today|tomorrow|yesterday"
    r"|now|ago|recent(?:ly)?|currently|annually|daily|weekly|monthly|yearly|noon|midnight|fiscal|fy\d*"
    r"|future|past|present|soon|shortly|later|earlier|previously|formerly|lately|presently|nowadays"
    r"|this\s+time|this\s+point|the\s+moment|[ap]\.?m\.?|overnight|christmas|easter|thanksgiving|halloween"
    r"|new\s+year[’']s)\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"
    r"|\b(?:1[89]\d\d|20\d\d)s?\b|\b\d{1,2}:\d\d\b|\b\d{4}\s+(?:local|hours)\b|(?-i:\bMay\b)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z.]*\s*\d|\blong\s+run\b|\b(?:long|short|medium)\s+term\b",
    re.IGNORECASE)
#: words that are dates only in a reader's imagination when they stand alone
_LONE_TRAPS = {"may", "march", "sat", "Sat", "sun", "Sun", "second", "Second", "one", "we", "We"}


def implausible(span: str) -> bool:
    return span.strip() in _LONE_TRAPS or not _CALENDAR.search(span)


def _dct(text: str) -> str:
    m = re.search(r"^Created:\s*(\d{4}-\d\d-\d\d)", text, re.MULTILINE)
    return m.group(1) if m else ""


def _paragraphs(text: str) -> list[str]:
    body = text.split("\n\n", 1)[-1]  # drop the metadata header block
    return [p for p in re.split(r"\n\s*\n|(?=¶)", body) if p.strip()]


def _kb(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1024


def run(corpus: Path = DEFAULT_CORPUS, sample: int = 150, seed: int = 13) -> dict[str, Any]:
    files = sorted(Path(corpus).glob("*.txt"))
    if not files:
        raise FileNotFoundError(f"no .txt cables in {corpus}")
    texts = [(f.read_text(encoding="utf-8"), f.name) for f in files]

    # ours, whole corpus (cold import excluded, first call warms the grammar)
    find_time_expressions("July 17-18", "2008-07-24")
    started = time.perf_counter()
    whole_count = 0
    for text, _ in texts:
        whole_count += len(find_time_expressions(text, _dct(text)))
    whole_seconds = time.perf_counter() - started
    dateparser_calls = parse_absolute_day.cache_info()
    whole_kb = _kb([t for t, _ in texts])

    # same sample of paragraphs for both
    chosen = random.Random(seed).sample(texts, min(sample, len(texts)))
    chunks = [(p, _dct(text)) for text, _ in chosen for p in _paragraphs(text)]
    sample_kb = _kb([p for p, _ in chunks])

    started = time.perf_counter()
    ours = [find_time_expressions(p, d) for p, d in chunks]
    ours_seconds = time.perf_counter() - started

    import dateparser.search  # noqa: F401  (import cost kept out of the timing)
    from dateparser.search import search_dates

    search_dates("warm up on July 17", languages=["en"])
    started = time.perf_counter()
    raw: list[list[tuple[str, Any]]] = []
    for p, d in chunks:
        base = dt.datetime.fromisoformat(d) if d else dt.datetime(2008, 1, 1)
        try:
            raw.append(search_dates(p, languages=["en"], settings={"RELATIVE_BASE": base}) or [])
        except Exception:  # dateparser raises on some inputs; count as nothing found
            raw.append([])
    raw_seconds = time.perf_counter() - started

    ours_spans = [e.text for found in ours for e in found]
    raw_spans = [span for found in raw for span, _ in found]
    ours_bad = [s for s in ours_spans if implausible(s)]
    raw_bad = [s for s in raw_spans if implausible(s)]
    ours_kbs = sample_kb / ours_seconds if ours_seconds else float("inf")
    raw_kbs = sample_kb / raw_seconds if raw_seconds else float("inf")
    return {
        "corpus_files": len(texts),
        "corpus_kb": round(whole_kb, 1),
        "ours_corpus_seconds": round(whole_seconds, 2),
        "ours_corpus_kb_per_s": round(whole_kb / whole_seconds, 1),
        "ours_corpus_expressions": whole_count,
        # numeric dates ("7/17/2008") go to dateparser.parse, once per distinct (span, DCT)
        "ours_corpus_dateparser_parses": dateparser_calls.misses,
        "ours_corpus_dateparser_cache_hits": dateparser_calls.hits,
        "sample_cables": len(chosen),
        "sample_paragraphs": len(chunks),
        "sample_kb": round(sample_kb, 1),
        "ours_sample_kb_per_s": round(ours_kbs, 1),
        "raw_sample_kb_per_s": round(raw_kbs, 1),
        "speedup": round(ours_kbs / raw_kbs, 1) if raw_kbs else None,
        "ours_spans": len(ours_spans),
        "raw_spans": len(raw_spans),
        "ours_implausible": len(ours_bad),
        "raw_implausible": len(raw_bad),
        "ours_implausible_examples": sorted(set(ours_bad))[:15],
        "raw_implausible_examples": sorted(set(raw_bad), key=raw_bad.count, reverse=True)[:15],
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sample", type=int, default=150)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.corpus, args.sample), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
