"""Time and size of the report site over a corpus-sized table set.

    python benchmarks/site_benchmark.py                       # synthetic tables from ../shared/corpus
    python benchmarks/site_benchmark.py --data data/out       # real tables from `dateline extract`

Without --data it writes a realistic stand-in: one documents row per cable of
../shared/corpus (real IDs, dates, origins, tags), about 10 events and 10 claims
per cable whose sentences are real sentences of that cable, and texts.jsonl with
the cable's text split into paragraphs. Output in benchmarks/work/ (git-ignored).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import re
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from extractor.site import build_site  # noqa: E402
from extractor.tables import TableWriter  # noqa: E402

CORPUS = PROJECT.parent / "shared" / "corpus"
WORK = PROJECT / "benchmarks" / "work"
TYPES = ["visit", "meeting", "delegation", "seizure", "arrest", "extradition", "operation", "agreement",
         "violence", "legal", "election"]
STATUSES = ["occurred", "occurred", "occurred", "planned", "expected", "ongoing"]
UNITS = [("count", "count", "police"), ("USD", "currency", "cash"), ("t", "mass", "cocaine"),
         ("kg", "mass", "heroin"), ("%", "percent", "votes"), ("MXN", "currency", "pesos"), ("year", "time", "sentence")]


def synthetic_tables(out: Path, per_doc: int = 10, seed: int = 7) -> Path:
    rng = random.Random(seed)
    index = list(csv.DictReader(open(CORPUS / "INDEX.tsv", encoding="utf-8"), delimiter="\t"))
    writer = TableWriter(out)
    texts = open(out / "texts.jsonl", "w", encoding="utf-8")
    for row in index:
        doc_id = row["id"]
        doc_date = row["created"][:10]
        raw = (CORPUS / f"{doc_id}.txt").read_text(encoding="utf-8", errors="replace")
        body = raw.split("\n\n", 2)[-1]
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body) if p.strip()]
        texts.write(json.dumps({"doc_id": doc_id, "paragraphs": [
            {"number": str(i + 1), "heading": "", "text": p} for i, p in enumerate(paragraphs)]}) + "\n")
        sentences = [(str(i + 1), s) for i, p in enumerate(paragraphs) for s in re.split(r"(?<=\.)\s+", p)
                     if len(s) > 40]
        events, claims = [], []
        for k in range(min(per_doc, len(sentences))):
            paragraph, sentence = rng.choice(sentences)
            words = re.findall(r"[A-Za-z]{4,}", sentence) or ["event"]
            trigger = rng.choice(words)
            start = dt.date.fromisoformat(doc_date) - dt.timedelta(days=rng.randint(-60, 400))
            dated = rng.random() > 0.3
            length = rng.choice([0, 0, 0, 1, 6, 30])
            events.append({
                "event_id": f"{doc_id}-e{k}", "doc_id": doc_id, "doc_date": doc_date, "type": rng.choice(TYPES),
                "status": rng.choice(STATUSES), "date_start": start.isoformat() if dated else "",
                "date_end": (start + dt.timedelta(days=length)).isoformat() if dated else "",
                "granularity": "day" if dated else "", "date_text": "last week" if dated else "",
                "date_inherited": "false", "trigger": trigger, "actors": "; ".join(rng.sample(words, min(2, len(words)))),
                "location": row["origin"].replace("Embassy ", ""), "paragraph": paragraph, "sentence": sentence,
                "summary": f"{trigger}: {sentence[:90]}",
            })
            paragraph, sentence = rng.choice(sentences)
            numbers = list(re.finditer(r"\d[\d,.]*", sentence))
            match = numbers[0] if numbers else None
            text = match.group() if match else sentence[:6]
            start_at = match.start() if match else 0
            unit, dimension, entity = rng.choice(UNITS)
            value = 10 ** rng.uniform(0, 9)
            claims.append({
                "claim_id": f"{doc_id}-c{k}", "doc_id": doc_id, "doc_date": doc_date, "value": f"{value:.4g}",
                "value_low": f"{value:.4g}", "value_high": f"{value:.4g}", "unit": unit, "unit_text": unit,
                "dimension": dimension, "qualifier": rng.choice(["exact", "approximately", "more_than"]),
                "entity": entity, "period": "", "speaker": "", "text": text, "paragraph": paragraph,
                "sentence": sentence, "start": str(start_at), "end": str(start_at + len(text)),
            })
        writer.write("documents", [{
            "doc_id": doc_id, "source_file": f"{doc_id}.txt", "doc_date": doc_date, "origin": row["origin"],
            "classification": row["classification"], "subject": row["cable_title"], "tags": row["tags"],
            "events": str(len(events)), "claims": str(len(claims)), "status": "ok", "error": ""}])
        writer.write("events", events)
        writer.write("claims", claims)
    texts.close()
    writer.commit()
    return out


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", help="tables folder (default: synthetic tables from ../shared/corpus)")
    parser.add_argument("--out", default=str(WORK / "public"))
    args = parser.parse_args()
    if args.data:
        data = Path(args.data)
    else:
        started = time.monotonic()
        data = synthetic_tables(WORK / "synthetic")
        print(f"synthetic tables in {time.monotonic() - started:.1f}s → {data}")
    started = time.monotonic()
    out = build_site(data, args.out, evaluate=False)
    seconds = time.monotonic() - started
    pages = sum(1 for _ in out.rglob("*.html"))
    print(json.dumps({"seconds": round(seconds, 1), "site_mb": round(folder_size(out) / 1e6, 1),
                      "html_pages": pages, "out": str(out)}))


if __name__ == "__main__":
    main()
