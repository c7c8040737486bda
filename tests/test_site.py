"""The report site: page generation helpers, and a whole build from small
hand-written tables (the site is built from the CSV files alone)."""

from __future__ import annotations

import csv
import html.parser
import json
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest

from extractor import report, site
from extractor.report import Span
from extractor.tables import TABLES, TableWriter

PROJECT = Path(__file__).resolve().parent.parent

# -- helpers ----------------------------------------------------------------------------

FORMAT_AMOUNT = [
    (5.8, "5.8"),
    (207000000.0, "207,000,000"),
    (1500.0, "1,500"),
    (1234.5, "1,234.5"),
    (0.25, "0.25"),
    (3e21, "3e+21"),
    (-12.0, "-12"),
    (0.0, "0"),
    (None, ""),
]


@pytest.mark.parametrize("number, expected", FORMAT_AMOUNT)
def test_format_amount(number: float | None, expected: str) -> None:
    assert report.format_amount(number) == expected


CLAIM_DISPLAY = [
    ({"value": "5.8", "value_low": "5.8", "value_high": "5.8"}, "5.8", 5.8),
    ({"value": "", "value_low": "20", "value_high": "30"}, "20–30", 25.0),
    ({"value": "", "value_low": "", "value_high": "", "text": "two"}, "two", None),
    ({"value": "nan", "value_low": "", "value_high": ""}, "", None),
    ({"value": "1e300", "value_low": "1e300", "value_high": "1e300"}, "1e+300", 1e300),
]


@pytest.mark.parametrize("row, display, amount", CLAIM_DISPLAY)
def test_claim_display_and_amount(row: dict[str, str], display: str, amount: float | None) -> None:
    assert report.claim_display(row) == display
    assert report.claim_amount(row) == amount


EVENT_WHEN = [
    ({"date_start": "2008-07-17", "date_end": "2008-07-18"}, "2008-07-17 – 2008-07-18"),
    ({"date_start": "2008-07-17", "date_end": "2008-07-17"}, "2008-07-17"),
    ({"date_start": "2008-07-17", "date_end": ""}, "2008-07-17"),
    ({"date_start": "", "date_end": ""}, "undated"),
    ({"date_start": "July 2008", "date_end": ""}, "undated"),
]


@pytest.mark.parametrize("row, expected", EVENT_WHEN)
def test_event_when(row: dict[str, str], expected: str) -> None:
    assert report.event_when(row) == expected


SAFE_TOKENS = [
    ("08MEXICO2276", "08MEXICO2276"),
    ("000_2d47a52fbceb50e0", "000_2d47a52fbceb50e0"),
    ("09MEXICO1~2", "09MEXICO1~2"),
    ('x" onmouseover="alert(1)', "x-onmouseover-alert-1"),
    ("../../etc/passwd", "etc-passwd"),
    ("", "fallback"),
    ("México D.F.", "M-xico-D.F"),
]


@pytest.mark.parametrize("text, expected", SAFE_TOKENS)
def test_safe_token(text: str, expected: str) -> None:
    assert report.safe_token(text, "fallback") == expected


ENTITIES = [
    ("police", "police"),
    ("Vetted Police Officers", "vetted police officer"),
    ("SIAs", "sia"),
    ("cases", "case"),
    ("glass", "glass"),
    ("", ""),
]


@pytest.mark.parametrize("text, expected", ENTITIES)
def test_normal_entity(text: str, expected: str) -> None:
    assert report.normal_entity(text) == expected


ACTOR_KINDS = [
    ("SSP", "organisation"),
    ("Medina Mora", "person"),
    ("Federal Police", "organisation"),
    ("Ministry of Defense", "organisation"),
    ("Michael Chertoff", "person"),
    ("the Sinaloa Cartel", "organisation"),
]


@pytest.mark.parametrize("name, kind", ACTOR_KINDS)
def test_actor_kind(name: str, kind: str) -> None:
    assert report.actor_kind(name) == kind


HIGHLIGHTS = [
    # (text, spans as (start, end, anchor), expected html)
    ("seized 5.8 tons", [(7, 15, "claim-a")],
     'seized <mark class="dl-claim" id="claim-a" title="t">5.8 tons</mark>'),
    ("a <b> & c", [(2, 5, "claim-a")], 'a <mark class="dl-claim" id="claim-a" title="t">&lt;b&gt;</mark> &amp; c'),
    # an overlapping span keeps its anchor as an empty link in front of the first
    ("5.8 tons", [(0, 8, "claim-a"), (0, 3, "claim-b")],
     '<a class="dl-anchor" id="claim-b"></a><mark class="dl-claim" id="claim-a" title="t">5.8 tons</mark>'),
    ("met him", [(0, 0, "event-x")], '<a class="dl-anchor" id="event-x"></a>met him'),
    ("line one\nline two", [], "line one<br>line two"),
]


@pytest.mark.parametrize("text, spans, expected", HIGHLIGHTS)
def test_render_highlighted(text: str, spans: list[tuple[int, int, str]], expected: str) -> None:
    built = [Span(s, e, "dl-claim", anchor, "t") for s, e, anchor in spans]
    assert report.render_highlighted(text, built) == expected


# -- fixture tables ----------------------------------------------------------------------

S1 = "DHS Secretary Michael Chertoff made an official visit to Mexico July 17-18 and met Medina Mora."
S2 = "Mexican authorities seized 5.8 tons of cocaine and more than 207 million USD in cash."
S3 = "The SSP now has 10,000 new, vetted police."
S4 = "Officials said 32,000 police had been vetted by the end of 2009, el Niño's año."


def document(doc_id: str, date: str, origin: str, **extra: str) -> dict[str, str]:
    row = {"doc_id": doc_id, "source_file": f"{doc_id}.txt", "doc_date": date, "origin": origin,
           "classification": "CONFIDENTIAL", "subject": f"SUBJECT OF {doc_id}", "tags": "PREL SNAR MX",
           "events": "0", "claims": "0", "status": "ok", "error": ""}
    row.update(extra)
    return row


def event(event_id: str, doc_id: str, doc_date: str, etype: str, start: str, end: str, trigger: str,
          sentence: str, paragraph: str = "1", **extra: str) -> dict[str, str]:
    row = {"event_id": event_id, "doc_id": doc_id, "doc_date": doc_date, "type": etype, "status": "occurred",
           "date_start": start, "date_end": end, "granularity": "day" if start else "", "date_text": "",
           "date_inherited": "false", "trigger": trigger, "actors": "Michael Chertoff; SSP", "location": "",
           "paragraph": paragraph, "sentence": sentence, "summary": f"{etype} ({trigger})"}
    row.update(extra)
    return row


def claim(claim_id: str, doc_id: str, doc_date: str, value: str, unit: str, dimension: str, entity: str,
          text: str, sentence: str, paragraph: str = "2", **extra: str) -> dict[str, str]:
    start = sentence.find(text)
    row = {"claim_id": claim_id, "doc_id": doc_id, "doc_date": doc_date, "value": value, "value_low": value,
           "value_high": value, "unit": unit, "unit_text": unit, "dimension": dimension, "qualifier": "exact",
           "entity": entity, "period": "", "speaker": "", "text": text, "paragraph": paragraph,
           "sentence": sentence, "start": str(start), "end": str(start + len(text))}
    row.update(extra)
    return row


DOCUMENTS = [
    document("08MEXICO2276", "2008-07-24", "Embassy Mexico", events="3", claims="3"),
    document("09MEXICO193", "2009-01-20", "Embassy Mexico", events="1", claims="1"),
    document("10BOGOTA1", "2010-02-02", "Embassy Bogota", subject="Ünïcödé — 北京 subject"),
    document("broken file", "", "", status="error", error="could not decode"),
]
EVENTS = [
    event("ev1", "08MEXICO2276", "2008-07-24", "visit", "2008-07-17", "2008-07-18", "visit", S1),
    event("ev2", "08MEXICO2276", "2008-07-24", "meeting", "2008-07-17", "2008-07-17", "met", S1,
          date_inherited="true"),
    # undated: drawn at the cable date, never given a date
    event("ev3", "08MEXICO2276", "2008-07-24", "seizure", "", "", "seized", S2, paragraph="2"),
    # a type the site does not know yet, a date far from the others
    event("ev4", "09MEXICO193", "2009-01-20", "ceremony", "1918-07-17", "1918-07-18", "ceremony",
          "A ceremony was held.", paragraph=""),
]
CLAIMS = [
    claim("cl1", "08MEXICO2276", "2008-07-24", "5.8", "t", "mass", "cocaine", "5.8 tons", S2),
    claim("cl2", "08MEXICO2276", "2008-07-24", "207000000", "USD", "currency", "cash", "207 million USD", S2,
          qualifier="more_than"),
    claim("cl3", "08MEXICO2276", "2008-07-24", "10000", "count", "count", "police", "10,000", S3, paragraph="3",
          period="year"),
    claim("cl4", "09MEXICO193", "2009-01-20", "32000", "count", "count", "police", "32,000", S4, paragraph="4"),
]


def write_tables(folder: Path, documents: list[dict[str, str]], events: list[dict[str, str]],
                 claims: list[dict[str, str]]) -> Path:
    writer = TableWriter(folder)
    writer.write("documents", documents)
    writer.write("events", events)
    writer.write("claims", claims)
    writer.commit()
    return folder


def git_status() -> str:
    try:
        return subprocess.run(["git", "status", "--porcelain", "--ignored", "--", "site", "mkdocs.yml", "public"],
                              cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is not available")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    data = write_tables(tmp_path_factory.mktemp("data"), DOCUMENTS, EVENTS, CLAIMS)
    # the cleaned text of one cable, as an optional texts.jsonl beside the tables
    (data / "texts.jsonl").write_text(json.dumps({"doc_id": "08MEXICO2276", "paragraphs": [
        {"number": "1", "heading": "SUMMARY", "text": "Summary. " + S1},
        {"number": "2", "heading": "SUMMARY", "text": S2 + " Nothing else."},
        {"number": "3", "heading": "BACKGROUND", "text": "Background."},
        {"number": "4", "heading": "BACKGROUND", "text": "More background."},
    ]}) + "\n", encoding="utf-8")
    out = tmp_path_factory.mktemp("public")
    before = git_status()
    site.build_site(data, out, evaluate=False)
    assert git_status() == before, "the build changed the repository"
    return data, out


def page(out: Path, path: str) -> str:
    return (out / path / "index.html").read_text(encoding="utf-8")


class _Collect(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def parse(text: str) -> _Collect:
    collector = _Collect()
    collector.feed(text)
    return collector


# -- the built site ------------------------------------------------------------------------

def test_pages_exist(built: tuple[Path, Path]) -> None:
    _, out = built
    for path in ["", "timeline", "claims", "documents", "actors", "data", "method",
                 "documents/08MEXICO2276", "documents/09MEXICO193", "documents/10BOGOTA1", "documents/broken-file"]:
        assert (out / path / "index.html").is_file(), path


def test_nav_is_small_and_cable_pages_stay_out_of_it(built: tuple[Path, Path]) -> None:
    _, out = built
    nav = re.findall(r'class="md-tabs__link"', page(out, ""))
    assert len(nav) == 7
    assert "08MEXICO2276" not in page(out, "timeline").split('class="md-content"')[0]


def test_downloads_are_the_tables(built: tuple[Path, Path]) -> None:
    data, out = built
    for name in TABLES:
        for ext in ("csv", "jsonl"):
            assert (out / "data" / f"{name}.{ext}").read_bytes() == (data / f"{name}.{ext}").read_bytes()


def test_datapackage(built: tuple[Path, Path]) -> None:
    data, out = built
    package = json.loads((out / "data" / "datapackage.json").read_text(encoding="utf-8"))
    resources = {r["path"]: r for r in package["resources"]}
    assert resources["claims.csv"]["rows"] == len(CLAIMS)
    assert resources["events.jsonl"]["rows"] == len(EVENTS)
    assert [f["name"] for f in resources["documents.csv"]["schema"]["fields"]] == TABLES["documents"]
    assert all(f["description"] for r in package["resources"] for f in r["schema"]["fields"])
    assert package["dateline"]["row_counts"] == {"documents": 4, "events": 4, "claims": 4}
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", package["dateline"]["input_hash"])
    assert package["dateline"]["build_date"]
    with open(out / "data" / "claims.csv", encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == resources["claims.csv"]["rows"]


def test_every_event_and_claim_is_anchored_in_its_cable(built: tuple[Path, Path]) -> None:
    _, out = built
    ids = {doc: parse(page(out, f"documents/{doc}")).ids for doc in ("08MEXICO2276", "09MEXICO193")}
    assert {"event-ev1", "event-ev2", "event-ev3", "claim-cl1", "claim-cl2", "claim-cl3"} <= ids["08MEXICO2276"]
    assert {"event-ev4", "claim-cl4"} <= ids["09MEXICO193"]


def test_highlights_are_in_the_cleaned_text(built: tuple[Path, Path]) -> None:
    _, out = built
    text = page(out, "documents/08MEXICO2276")
    assert 'id="p-1"' in text and "Summary. DHS Secretary" in text
    assert '<mark class="dl-event" id="event-ev1"' in text
    assert '<mark class="dl-claim" id="claim-cl1" title="5.8 t · cocaine">5.8 tons</mark>' in text
    # cl3's sentence is not in texts.jsonl: it is listed below the text, still anchored
    assert "Sentences not found in the text above" in text
    # without a text, a cable page shows the sentences of its items by paragraph
    assert "The tables carry only the sentences" in page(out, "documents/09MEXICO193")


def test_links_in_data_files_point_at_pages_and_anchors(built: tuple[Path, Path]) -> None:
    _, out = built
    anchors: dict[str, set[str]] = {}
    for name, column in (("events", "href"), ("claims", "href"), ("documents", "href")):
        payload = json.loads((out / "data" / f"{name}.json").read_text(encoding="utf-8"))
        index = payload["fields"].index(column)
        assert len(payload["rows"]) == {"events": 4, "claims": 4, "documents": 4}[name]
        for row in payload["rows"]:
            path, _, anchor = row[index].partition("#")
            target = out / path / "index.html"
            assert target.is_file(), row[index]
            if anchor:
                ids = anchors.setdefault(path, parse(target.read_text(encoding="utf-8")).ids)
                assert anchor in ids, row[index]


def _compact_rows(path: Path) -> list[dict[str, object]]:
    payload = json.loads(path.read_text(encoding="utf-8"))
    return [dict(zip(payload["fields"], row)) for row in payload["rows"]]


def test_timeline_data_holds_the_dated_events_only(built: tuple[Path, Path]) -> None:
    _, out = built
    rows = {str(r["href"]).split("#")[1]: r for r in _compact_rows(out / "data" / "timeline.json")}
    # ev3 has no date; ev4's 1918 cannot be a date of a cable of 2009 (more than 60 years before it)
    assert set(rows) == {"event-ev1", "event-ev2"}
    assert (rows["event-ev1"]["start"], rows["event-ev1"]["end"], rows["event-ev1"]["fine"]) == \
        ("2008-07-17", "2008-07-19", 1)
    assert (rows["event-ev2"]["type"], rows["event-ev2"]["origin"]) == ("meeting", "Embassy Mexico")
    undated = {str(r["href"]).split("#")[1]: r for r in _compact_rows(out / "data" / "undated-events.json")}
    assert set(undated) == {"event-ev3", "event-ev4"}
    assert undated["event-ev3"]["when"] == "undated (cable 2008-07-24)" and undated["event-ev3"]["year"] == "undated"
    overview = json.loads((out / "charts" / "timeline-overview.json").read_text())
    assert "/v6" in overview["$schema"]
    assert [layer["data"]["name"] for layer in overview["layer"]] == ["cells", "labels"]
    assert [p["name"] for p in overview["params"]] == ["brush"]
    # it opens on the span the cables talk about
    domain = overview["layer"][0]["encoding"]["x"]["scale"]["domain"]
    assert domain[0] > 1_180_000_000_000  # after 2007-05
    detail = json.loads((out / "charts" / "timeline-detail.json").read_text())
    assert detail["data"]["name"] == "events"  # shared by its layers


def test_timeline_page_lists_undated_events_apart(built: tuple[Path, Path]) -> None:
    _, out = built
    text = page(out, "timeline")
    assert 'class="dl-timeline" data-src="data/timeline.json"' in text
    assert "2 with a date, drawn below, and 2 without one" in text
    assert "data/undated-events.json" in text


def test_events_per_month_draws_dated_months_only(built: tuple[Path, Path]) -> None:
    _, out = built
    spec = json.loads((out / "charts" / "events-by-month.json").read_text())
    values = spec["data"]["values"]
    assert sorted((v["month"], v["type"], v["events"]) for v in values) == \
        [("2008-07-01", "meeting", 1), ("2008-07-01", "visit", 1)]
    assert "Not drawn here: 2 undated" in page(out, "")


def test_facets_by_origin_and_year_and_the_rate(built: tuple[Path, Path]) -> None:
    _, out = built
    events = {str(r["href"]).split("#")[1]: r for r in _compact_rows(out / "data" / "events.json")}
    assert (events["event-ev1"]["origin"], events["event-ev1"]["year"]) == ("Embassy Mexico", "2008")
    claims = _compact_rows(out / "data" / "claims.json")
    assert {(c["origin"], c["year"]) for c in claims} == {("Embassy Mexico", "2008"), ("Embassy Mexico", "2009")}
    assert [c["period"] for c in claims if str(c["href"]).endswith("claim-cl3")] == ["year"]
    assert "<th>Per</th>" in page(out, "documents/08MEXICO2276") and "<td>year</td>" in page(out, "documents/08MEXICO2276")
    for name, columns in (("timeline", ("origin", "year")), ("claims", ("origin", "year", "period"))):
        configs = [json.loads(html.unescape(m)) for m in re.findall(r"data-config='([^']*)'", page(out, name))]
        fields = {f["field"] for config in configs for f in config.get("facets", []) + config["columns"]}
        assert set(columns) <= fields, (name, fields)
        assert all(config["download"].endswith(".csv") for config in configs)


def test_texts_are_offered_for_download(built: tuple[Path, Path]) -> None:
    data, out = built
    assert (out / "data" / "texts.jsonl").read_bytes() == (data / "texts.jsonl").read_bytes()
    assert 'href="../data/texts.jsonl" download' in page(out, "data")


def test_a_section_heading_shows_once(built: tuple[Path, Path]) -> None:
    _, out = built
    text = page(out, "documents/08MEXICO2276")
    assert text.count('<p class="dl-heading">SUMMARY</p>') == 1
    assert text.count('<p class="dl-heading">BACKGROUND</p>') == 1


def test_charts_are_vega_lite_with_static_images(built: tuple[Path, Path]) -> None:
    _, out = built
    for name in ("documents-by-year", "events-by-month", "claims-by-dimension", "money-over-time",
                 "mass-over-time"):
        spec = json.loads((out / "charts" / f"{name}.json").read_text())
        assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/v6")
        assert (out / "charts" / f"{name}.png").read_bytes().startswith(b"\x89PNG")
    mass = json.loads((out / "data" / "mass.json").read_text())
    assert [(r["amount"], r["unit"]) for r in mass] == [(5800.0, "t")]
    bundle = out / "assets" / "vendor" / "vega-bundle.js"
    assert bundle.stat().st_size > 100_000
    # one bundle for all charts: no page inlines it or loads anything from elsewhere
    for html_file in out.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert text.count("vega-bundle.js") <= 1
        assert not re.search(r'(src|href)="(https?:)?//(?!127\.0\.0\.1)[^"]*\.(js|css|woff2?)"', text), html_file


def test_claims_page_compares_entities_across_cables(built: tuple[Path, Path]) -> None:
    _, out = built
    text = page(out, "claims")
    assert "police" in text and "10,000" in text and "32,000" in text
    assert 'href="../documents/09MEXICO193/#claim-cl4"' in text


def test_unicode_survives(built: tuple[Path, Path]) -> None:
    _, out = built
    payload = json.loads((out / "data" / "documents.json").read_text(encoding="utf-8"))
    assert "Ünïcödé — 北京 subject" in [r[5] for r in payload["rows"]]
    assert "el Niño's año" in page(out, "documents/09MEXICO193").replace("&#x27;", "'")


def test_method_page_without_gold(built: tuple[Path, Path]) -> None:
    _, out = built
    assert "Accuracy was not measured in this build" in page(out, "method")
    assert "11 event types (visit, meeting, delegation, seizure," in page(out, "method")  # from extractor.language


def test_empty_tables(tmp_path: Path) -> None:
    data = write_tables(tmp_path / "data", [], [], [])
    out = site.build_site(data, tmp_path / "out", evaluate=False)
    assert "0 diplomatic cables" in page(out, "")
    assert "No claims about money" in page(out, "claims")


def _fake_evaluate(monkeypatch: pytest.MonkeyPatch, evaluate_gold: object) -> None:
    module = types.ModuleType("extractor.evaluate")
    module.evaluate_gold = evaluate_gold  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "extractor.evaluate", module)


class _Scores:
    def __init__(self, p: float, r: float, f: float):
        self.precision, self.recall, self.f1 = p, r, f


class _Report:
    events = _Scores(0.8, 0.5, 0.615)
    claims = _Scores(0.9, 0.75, 0.818)

    def to_dict(self) -> dict[str, object]:
        return {"documents_scored": 12, "errors": 0,
                "events": {"precision": 0.8, "recall": 0.5, "f1": 0.615,
                           "accuracy": {"date": {"correct": 3, "total": 4, "value": 0.75}}},
                "claims": {"precision": 0.9, "recall": 0.75, "f1": 0.818, "accuracy": {}}}


def test_method_page_shows_measured_accuracy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    _fake_evaluate(monkeypatch, lambda gold_dir: _Report())
    accuracy, reason = site.measure_accuracy(gold, PROJECT)
    assert reason == ""
    assert accuracy is not None
    assert [(r["name"], r["precision"], r["recall"], r["f1"]) for r in accuracy["rows"]] == \
        [("Events", "0.800", "0.500", "0.615"), ("Claims", "0.900", "0.750", "0.818")]
    assert accuracy["rows"][0]["extra"] == {"date accuracy": "0.750 (3/4)"}
    assert accuracy["documents"] == 12


def _broken(gold_dir: str) -> object:
    raise RuntimeError("no extractor yet")


@pytest.mark.parametrize("evaluate_gold, reason", [
    (_broken, "the evaluation failed with RuntimeError"),
    (lambda gold_dir: types.SimpleNamespace(to_dict=lambda: {"documents_scored": 3, "errors": 3}),
     "the extractor could not read any of the gold cables"),
])
def test_method_page_never_shows_fake_numbers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              evaluate_gold: object, reason: str) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    _fake_evaluate(monkeypatch, evaluate_gold)
    assert site.measure_accuracy(gold, PROJECT) == (None, reason)
    assert site.measure_accuracy(tmp_path / "absent", PROJECT)[0] is None


def test_refuses_to_overwrite_a_folder_that_is_not_a_site(tmp_path: Path) -> None:
    data = write_tables(tmp_path / "data", DOCUMENTS[:1], [], [])
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me")
    with pytest.raises(ValueError, match="refusing"):
        site.build_site(data, precious, evaluate=False)
    with pytest.raises(ValueError, match="refusing"):
        site.build_site(data, PROJECT, evaluate=False)
    assert (precious / "notes.txt").read_text() == "keep me"


def test_an_installed_wheel_builds_the_site_without_a_checkout(tmp_path: Path, seeds_dir: Path) -> None:
    """`pip install` of the wheel (not editable) carries mkdocs.yml and the site assets,
    so `dateline build` works from any folder."""
    import os
    import shutil
    import site as python_site
    import venv

    # the fresh environment must import the wheel, not a checkout named on PYTHONPATH
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}

    project = Path(__file__).resolve().parent.parent
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "-w", str(wheels), str(project)], env=env, check=True, capture_output=True)
    env_dir = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # The dependencies come from the environment running the tests, not from the base
    # Python (--system-site-packages would give the base's when the tests run in a venv):
    # its site folders are added after the fresh one's, so the wheel installed here wins.
    outer = [*python_site.getsitepackages(),
             *([python_site.getusersitepackages()] if python_site.ENABLE_USER_SITE else [])]
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                             env=env, check=True, capture_output=True, text=True).stdout.strip()
    (Path(purelib) / "_outer_environment.pth").write_text(
        "".join(f"import site; site.addsitedir({folder!r})\n" for folder in outer if os.path.isdir(folder)))
    wheel = next(wheels.glob("dateline-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    str(wheel)], env=env, check=True, capture_output=True)
    work = tmp_path / "elsewhere"
    shutil.copytree(seeds_dir, work / "cables")
    located = subprocess.run([str(python), "-c", "import extractor, extractor.site as s; "
                              "print(extractor.__file__); print(s.project_root())"],
                             cwd=work, env=env, check=True, capture_output=True, text=True).stdout.split()
    assert located[0].startswith(str(env_dir)) and located[1] == str(env_dir / "share" / "dateline")
    result = subprocess.run([str(env_dir / "bin" / "dateline"), "build", "cables", "--quiet"],
                            cwd=work, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (work / "public" / "index.html").is_file() and (work / "public" / "timeline" / "index.html").is_file()
    assert (work / "public" / "assets" / "dateline.css").is_file()
