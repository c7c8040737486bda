"""Cable text is data, never markup: a cable full of HTML, Markdown, Jinja and
JavaScript payloads builds into a site that shows every payload as text.

The payload tables are written directly as CSV (the site is built from the
tables alone). Every generated HTML page and chart spec is parsed and checked;
tests/test_browser.py loads the same site in chromium and checks no dialog fires.
"""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest

from extractor import site
from extractor.tables import TableWriter

MARK = "XSS"

#: every payload carries a unique XSS<nn> marker; the checks look for the markers
PAYLOADS = [
    '<script>alert("XSS01")</script>',
    '<img src=x onerror=alert("XSS02")>',
    '<svg onload=alert("XSS03")>',
    '[click me](javascript:alert("XSS04"))',
    "{{ config }} XSS05",
    '{% include "base.html" %} XSS06',
    "<!-- XSS07 this comment would swallow the rest",
    '</textarea><script>alert("XSS08")</script>',
    "| XSS09 | pipe |\n|---|---|\n| a | b |",
    "\" onmouseover=\"alert('XSS10')\" x=\"",
    "'><script>alert(\"XSS11\")</script>",
    "<a href=\"javascript:alert('XSS12')\">link</a>",
    "<iframe src=\"javascript:alert('XSS13')\"></iframe>",
    '<javascript:alert("XSS14")>',
    "<style>body{display:none} /* XSS15 */</style>",
    '<body onload=alert("XSS16")>',
    '&lt;script&gt;alert("XSS17")&lt;/script&gt;',
    '<math><mtext></p><script>alert("XSS18")</script>',
    "{{ 7*7 }} {{ lipsum.__globals__ }} XSS19",
    '<details open ontoggle=alert("XSS20")>',
    "![pic](x\" onerror=\"alert('XSS21'))",
    "<object data=\"javascript:alert('XSS22')\"></object>",
    '</script><script>alert("XSS23")</script>',
    '<input autofocus onfocus=alert("XSS24")>',
    '[ref]: javascript:alert("XSS25")',
    '<div markdown="1">*XSS26*</div>',
    "<a href=\"data:text/html,<script>alert('XSS27')</script>\">d</a>",
    '"}]}</script><script>alert("XSS28")</script>',
    "*XSS29* __bold__ `code` [^1] {: onclick=alert(1) }",
    "${alert('XSS30')} ]]> <![CDATA[ XSS30 ]]>",
]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}
#: attributes in which a payload may legitimately appear as (escaped) text
TEXT_ATTRIBUTES = {"title", "alt", "aria-label", "data-config", "value", "placeholder", "content"}
SAFE_RELATIVE_URL = re.compile(r"^(?![a-z][a-z0-9+.-]*:)(?!//)[A-Za-z0-9_.~/#%-]*$", re.IGNORECASE)


def payload(i: int) -> str:
    return PAYLOADS[i % len(PAYLOADS)]


def all_payloads() -> str:
    return " ".join(PAYLOADS)


def write_payload_tables(folder: Path) -> Path:
    """One hostile cable (and one with a hostile ID) in every column the site shows."""
    doc_id, evil_id = "10EVIL1", '<script>alert("XSS31")</script>'
    sentence = "The police seized 5 tons of cocaine. " + all_payloads()
    documents = [
        {"doc_id": doc_id, "source_file": payload(2), "doc_date": "2010-01-05", "origin": payload(1),
         "classification": payload(0), "subject": payload(9) + " | " + payload(8), "tags": "PREL " + payload(3),
         "events": "30", "claims": "30", "status": "ok", "error": ""},
        {"doc_id": evil_id, "source_file": "evil.txt", "doc_date": "2010-02-01", "origin": payload(12),
         "classification": "", "subject": payload(22), "tags": "", "events": "1", "claims": "1",
         "status": "error", "error": payload(10)},
    ]
    events = []
    claims = []
    for i, text in enumerate(PAYLOADS):
        events.append({
            "event_id": f"e{i}" if i % 5 else text, "doc_id": doc_id, "doc_date": "2010-01-05",
            "type": "seizure" if i % 3 else text, "status": "occurred" if i % 2 else text,
            "date_start": "2009-12-0" + str(1 + i % 9) if i % 4 else "", "date_end": "", "granularity": "day",
            "date_text": text, "date_inherited": "false", "trigger": "seized" if i % 2 else text,
            "actors": f"{text}; SSP", "location": text, "paragraph": str(i) if i % 2 else text,
            "sentence": sentence, "summary": text,
        })
        claims.append({
            "claim_id": f"c{i}" if i % 5 else text + str(i), "doc_id": doc_id, "doc_date": "2010-01-05",
            "value": str(10 ** (i % 7)), "value_low": str(10 ** (i % 7)), "value_high": str(10 ** (i % 7)),
            "unit": ["USD", "t", "count", text][i % 4], "unit_text": text,
            "dimension": ["currency", "mass", "count", text][i % 4], "qualifier": text, "entity": text,
            "period": text, "speaker": text, "text": text, "paragraph": str(i), "sentence": sentence,
            "start": "0", "end": str(len(text)),
        })
    events.append({**events[1], "event_id": "evil-doc-event", "doc_id": evil_id})
    claims.append({**claims[1], "claim_id": "evil-doc-claim", "doc_id": evil_id})
    writer = TableWriter(folder)
    writer.write("documents", documents)
    writer.write("events", events)
    writer.write("claims", claims)
    writer.commit()
    paragraphs = [{"number": str(i), "heading": payload(i + 1), "text": sentence} for i in range(3)]
    paragraphs.append({"number": payload(6), "heading": "", "text": payload(6) + " VISIBLE-AFTER-COMMENT"})
    (folder / "texts.jsonl").write_text(json.dumps({"doc_id": doc_id, "paragraphs": paragraphs}) + "\n",
                                        encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = write_payload_tables(tmp_path_factory.mktemp("hostile-data"))
    return site.build_site(data, tmp_path_factory.mktemp("hostile-site") / "public", evaluate=False)


class Audit(html.parser.HTMLParser):
    """Collects what a payload would look like had it become markup."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…> event handler attribute")
            sanitised = name in ("href", "id") and SAFE_RELATIVE_URL.match(value)  # slugs keep letters
            if MARK in value and name not in TEXT_ATTRIBUTES and not name.startswith("data-") and not sanitised:
                self.problems.append(f"<{tag} {name}={value[:60]!r}> payload in an attribute")
            if name in URL_ATTRIBUTES and re.match(r"\s*(javascript|data|vbscript):", value, re.IGNORECASE):
                self.problems.append(f"<{tag} {name}={value[:60]!r}> script URL")
        if MARK in tag:
            self.problems.append(f"<{tag}> payload became a tag")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] in ("script", "style") and MARK in data:
            self.problems.append(f"payload inside <{self.stack[-1]}>: {data[:60]!r}")
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        if MARK in data:
            self.problems.append(f"payload became a comment: {data[:60]!r}")

    def unknown_decl(self, data: str) -> None:
        if MARK in data:
            self.problems.append(f"payload became a declaration: {data[:60]!r}")


def audit(path: Path) -> Audit:
    parser = Audit()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def normalise(text: str) -> str:
    return " ".join(text.split())


def test_no_payload_becomes_markup_on_any_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) >= 9
    problems = {str(p.relative_to(hostile_site)): a.problems for p in pages if (a := audit(p)).problems}
    assert problems == {}


def test_every_payload_shows_as_text_on_the_cable_page(hostile_site: Path) -> None:
    text = normalise("".join(audit(hostile_site / "documents" / "10EVIL1" / "index.html").text))
    missing = [p for p in PAYLOADS if normalise(p) not in text]
    assert missing == []
    assert "VISIBLE-AFTER-COMMENT" in text
    # the subject with quotes and Markdown table pipes, whole, in the metadata table
    assert normalise(PAYLOADS[9] + " | " + PAYLOADS[8]) in text


def test_payload_as_cable_id_becomes_a_safe_slug(hostile_site: Path) -> None:
    pages = {p.parent.name for p in (hostile_site / "documents").glob("*/index.html")}
    assert pages == {"10EVIL1", "script-alert-XSS31-script"}


def _strings(value: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if MARK in key:
                yield path + (key,), key
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, path)
    elif isinstance(value, str):
        yield path, value


def test_chart_specs_carry_payloads_only_as_data(hostile_site: Path) -> None:
    specs = sorted((hostile_site / "charts").rglob("*.json"))
    assert len(specs) >= 6
    for spec_file in specs:
        spec = json.loads(spec_file.read_text(encoding="utf-8"))
        for path, text in _strings(spec):
            if path and path[-1] == "href":
                assert SAFE_RELATIVE_URL.match(text), (spec_file.name, text)
            if MARK in text and path[-1] != "href":
                # rows, or category names that Vega draws as text (scale domains, lane order)
                assert {"values", "datasets", "domain", "sort"} & set(path), (spec_file.name, path)
                assert path[-1] not in ("url", "expr", "signal", "calculate", "filter", "field"), path


def test_data_files_links_are_relative_and_safe(hostile_site: Path) -> None:
    for data_file in sorted((hostile_site / "data").glob("*.json")):
        payload_ = json.loads(data_file.read_text(encoding="utf-8"))
        if isinstance(payload_, dict) and "fields" in payload_:
            rows = [dict(zip(payload_["fields"], row)) for row in payload_["rows"]]
        elif isinstance(payload_, list):
            rows = payload_
        else:
            continue
        for row in rows:
            for key in ("href", "doc_href"):
                if key in row:
                    assert SAFE_RELATIVE_URL.match(row[key]), (data_file.name, row[key])


def test_datapackage_and_search_index_are_json(hostile_site: Path) -> None:
    json.loads((hostile_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    index = json.loads((hostile_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for doc in index["docs"]:
        assert "<script" not in doc["text"], doc["location"]
