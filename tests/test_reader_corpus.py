"""Stages 1-2 over every cable of the shared corpus (skipped when absent).

Checks, per cable: read and cleaned without error; doc_id, date, origin and
classification equal the header values (and INDEX.tsv); no routing or
page-break line left in any paragraph; no paragraph repeated; sentence
offsets exact. The counts are printed (run with -s to see them)."""

from __future__ import annotations

import csv
import re
import time
from pathlib import Path

import pytest

from extractor.clean import clean_document
from extractor.read import discover, read_file

# what a leftover routing / page-break line looks like inside cleaned text
LEFTOVER = {
    "page break": re.compile(r"\b\d{3,8}\s+\d{3}(?:\.\d{1,2})?\s+OF\s+\d{3}\b"),
    "routing": re.compile(r"VZCZC|\bDE RU[A-Z]{3,} #|\bZN[YR] [UCS]{5}\b|\bFM (?:AMEMBASSY|AMCONSUL|SECSTATE)\b"
                          r"|\bRUEH[A-Z]{0,4}/|\b[OPRZ]{1,2} \d{6}Z [A-Z]{3} \d{2}\b"),
}
HEADER_FIELD = re.compile(r"^(Identifier|Created|Origin|Classification): (.*)$", re.MULTILINE)


@pytest.fixture(scope="module")
def corpus_results(shared_corpus: Path) -> dict[str, object]:
    started = time.monotonic()
    files = discover([shared_corpus])
    results = []
    for path, root in files:
        header = dict(HEADER_FIELD.findall(path.read_text(encoding="utf-8")[:2000]))
        for doc in read_file(path, root):
            if doc.status == "ok":
                doc = clean_document(doc)
            results.append((path, header, doc))
    return {"files": files, "results": results, "seconds": time.monotonic() - started}


def test_every_file_is_read(corpus_results: dict, shared_corpus: Path) -> None:
    files = corpus_results["files"]
    with open(shared_corpus / "INDEX.tsv", encoding="utf-8", newline="") as handle:
        index_ids = {row[0] for row in list(csv.reader(handle, delimiter="\t"))[1:] if row}
    assert {p.stem for p, _ in files} == index_ids  # companions skipped, every cable found
    docs = [doc for _, _, doc in corpus_results["results"]]
    errors = [(doc.source_file, doc.error) for doc in docs if doc.status != "ok"]
    print(f"\ncorpus: {len(files)} files, {len(docs)} documents, {len(errors)} errors, "
          f"{corpus_results['seconds']:.1f} s")
    for source, error in errors:
        print(f"  error {source}: {error}")
    assert len(docs) == len(files)
    assert errors == []
    # partial extracts whose telegram holds header lines and nothing else parse to no paragraphs
    assert sum(1 for doc in docs if not doc.paragraphs) <= 0.01 * len(docs)
    assert corpus_results["seconds"] < 120


def test_metadata_equals_header(corpus_results: dict) -> None:
    mismatches = []
    for path, header, doc in corpus_results["results"]:
        expected = (header["Identifier"], header["Created"][:10], header["Origin"], header["Classification"])
        got = (doc.doc_id, doc.doc_date, doc.origin, doc.classification)
        if got != expected:
            mismatches.append((path.name, got, expected))
    assert mismatches == []


def test_no_routing_or_page_break_left(corpus_results: dict) -> None:
    leftovers = []
    for path, _, doc in corpus_results["results"]:
        for paragraph in doc.paragraphs:
            for kind, pattern in LEFTOVER.items():
                found = pattern.search(paragraph.text)
                if found:
                    leftovers.append((path.name, paragraph.number, kind, found.group()))
    print(f"\nleftover routing/page-break lines in paragraphs: {len(leftovers)}")
    assert leftovers == []


def test_no_paragraph_repeated_and_offsets_exact(corpus_results: dict) -> None:
    repeated = []
    paragraphs = sentences = 0
    for path, _, doc in corpus_results["results"]:
        keys = [re.sub(r"[^a-z0-9]", "", p.text.lower()) for p in doc.paragraphs]
        if len(keys) != len(set(keys)):
            repeated.append(path.name)
        for paragraph in doc.paragraphs:
            paragraphs += 1
            for sentence in paragraph.sentences:
                sentences += 1
                assert paragraph.text[sentence.start:sentence.end] == sentence.text
    print(f"\nparagraphs: {paragraphs}, sentences: {sentences}")
    assert repeated == []
