"""Generate the report pages (Markdown with raw HTML), chart specs and data files
of the site from the published tables.

Only table rows (``dict[str, str]`` as read back from the CSV files) come in,
so anyone can rebuild the site from the downloads. All text that comes from a
cable reaches a page through Jinja2 autoescaping or :func:`html.escape` inside
raw HTML blocks, never as Markdown, so a cable cannot inject markup, links or
template syntax.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import jinja2
from markupsafe import Markup

from . import charts
from .language import EVENT_TYPES, plausible_for_cable, singular
from .tables import TABLES, TableSet

Row = dict[str, str]

#: chart spec → its static image, drawn with vl-convert for readers without JavaScript
HEADLINE_CHARTS = ["documents-by-year", "events-by-month", "claims-by-dimension", "money-over-time",
                   "mass-over-time"]
TOOLTIP_CHARS = 220


@lru_cache(maxsize=1)
def site_config() -> dict[str, Any]:
    text = resources.files("extractor").joinpath("data/site.json").read_text(encoding="utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("extractor", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
    )
    env.filters["thousands"] = thousands
    return env


# -- formatting -----------------------------------------------------------------------

def thousands(value: Any) -> str:
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


def parse_number(text: str | None) -> float | None:
    if text is None or str(text).strip() == "":
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return number if number == number and abs(number) != float("inf") else None


def format_amount(number: float | None) -> str:
    """5.8 → "5.8"; 207000000 → "207,000,000"; 3e21 → "3e+21"."""
    if number is None:
        return ""
    if number != 0 and (abs(number) >= 1e15 or abs(number) < 1e-4):
        return f"{number:.4g}"
    if float(number).is_integer():
        return f"{int(number):,}"
    return f"{number:,.6g}" if abs(number) >= 1000 else f"{number:.6g}"


def claim_amount(row: Row) -> float | None:
    """The value of a claim as one number (the middle of a range)."""
    value = parse_number(row.get("value"))
    if value is not None:
        return value
    low, high = parse_number(row.get("value_low")), parse_number(row.get("value_high"))
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def claim_display(row: Row) -> str:
    value = parse_number(row.get("value"))
    low, high = parse_number(row.get("value_low")), parse_number(row.get("value_high"))
    if value is None and low is not None and high is not None and low != high:
        return f"{format_amount(low)}–{format_amount(high)}"
    if value is None:
        value = low if low is not None else high
    if value is None:
        return row.get("text") or ""
    return format_amount(value)


def iso_date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def event_dates(row: Row) -> tuple[dt.date, dt.date] | None:
    """The first and last day of an event, or None when it is undated or its date
    cannot be one of its cable (tables of an older extractor may hold a misread
    "1800"): the site never draws such a date."""
    start, end = iso_date(row.get("date_start")), iso_date(row.get("date_end"))
    if start is None:
        return None
    if end is None or end < start:
        end = start
    return (start, end) if plausible_for_cable(start, end, iso_date(row.get("doc_date"))) else None


def event_when(row: Row) -> str:
    dates = event_dates(row)
    if dates is None:
        return "undated"
    start, end = dates
    if end == start:
        return start.isoformat()
    return f"{start.isoformat()} – {end.isoformat()}"


def shorten(text: str, limit: int = TOOLTIP_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{n} B"


_UNSAFE = re.compile(r"[^A-Za-z0-9_.~-]+")


def safe_token(text: str, fallback: str) -> str:
    """A URL path segment or HTML id from any text (cable IDs pass unchanged)."""
    token = _UNSAFE.sub("-", text or "").strip(".-")
    return token or fallback


_MAX_SLUG = 100  # characters; file names allow 255 bytes, and a slug also gets "-2", ".json", ".md"


def page_slug(doc_id: str) -> str:
    """The URL segment (and file name) of a cable's page: its id made safe, and a long
    one cut with a hash of the whole id (two long ids that share a start stay apart)."""
    token = safe_token(doc_id, "document")
    if len(token) <= _MAX_SLUG:
        return token
    digest = hashlib.sha256(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{token[:_MAX_SLUG - 13].rstrip('.-')}-{digest}"


# -- the site's model of the tables ----------------------------------------------------

@dataclass
class SiteData:
    """The tables plus what every page needs: slugs, anchors and links."""

    documents: list[Row]
    events: list[Row]
    claims: list[Row]
    texts: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    slugs: dict[str, str] = field(default_factory=dict)
    event_anchors: list[str] = field(default_factory=list)
    claim_anchors: list[str] = field(default_factory=list)
    events_by_doc: dict[str, list[int]] = field(default_factory=dict)
    claims_by_doc: dict[str, list[int]] = field(default_factory=dict)
    _origins: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_tables(cls, tables: TableSet, texts: dict[str, list[dict[str, str]]] | None = None) -> "SiteData":
        data = cls(tables.documents, tables.events, tables.claims, texts or {})
        taken = {"index"}  # documents/index.md is the documents table
        doc_ids = [d.get("doc_id", "") for d in data.documents]
        doc_ids += [r.get("doc_id", "") for r in data.events + data.claims]
        for doc_id in doc_ids:
            if doc_id in data.slugs:
                continue
            slug = base = page_slug(doc_id)
            n = 1
            while slug.lower() in taken:
                n += 1
                slug = f"{base}-{n}"
            taken.add(slug.lower())
            data.slugs[doc_id] = slug
        data.event_anchors = data._anchors(data.events, "event", "event_id", data.events_by_doc)
        data.claim_anchors = data._anchors(data.claims, "claim", "claim_id", data.claims_by_doc)
        return data

    @staticmethod
    def _anchors(rows: list[Row], kind: str, id_column: str, by_doc: dict[str, list[int]]) -> list[str]:
        anchors: list[str] = []
        seen: defaultdict[str, set[str]] = defaultdict(set)
        for i, row in enumerate(rows):
            doc_id = row.get("doc_id", "")
            anchor = base = f"{kind}-{safe_token(row.get(id_column, ''), str(i))}"
            n = 1
            while anchor in seen[doc_id]:
                n += 1
                anchor = f"{base}-{n}"
            seen[doc_id].add(anchor)
            anchors.append(anchor)
            by_doc.setdefault(doc_id, []).append(i)
        return anchors

    def origin(self, doc_id: str) -> str:
        """The post that sent the cable ("" when unknown)."""
        if not self._origins:
            self._origins = {d.get("doc_id", ""): d.get("origin", "") for d in self.documents}
        return self._origins.get(doc_id, "")

    def doc_href(self, doc_id: str) -> str:
        return f"documents/{self.slugs[doc_id]}/"

    def event_href(self, i: int) -> str:
        return self.doc_href(self.events[i].get("doc_id", "")) + "#" + self.event_anchors[i]

    def claim_href(self, i: int) -> str:
        return self.doc_href(self.claims[i].get("doc_id", "")) + "#" + self.claim_anchors[i]


# -- data files for the JavaScript tables and the charts --------------------------------

def _compact(fields: list[str], rows: Iterable[Sequence[Any]]) -> dict[str, Any]:
    return {"fields": fields, "rows": [list(r) for r in rows]}


def event_sort_key(row: Row) -> tuple[int, str]:
    """Dated events by their first day, then the undated ones by their cable's date."""
    dates = event_dates(row)
    return (0, dates[0].isoformat()) if dates else (1, row.get("doc_date") or "")


def event_year(row: Row) -> str:
    dates = event_dates(row)
    return str(dates[0].year) if dates else "undated"


def events_json(data: SiteData, rows_of: Iterable[int] | None = None) -> dict[str, Any]:
    """Events in chronological order, the undated ones after the dated ones (by
    their cable's date); ``rows_of``: only these events."""
    chosen = range(len(data.events)) if rows_of is None else rows_of
    order = sorted(chosen, key=lambda i: (event_sort_key(data.events[i]), i))
    fields = ["sort", "when", "type", "status", "summary", "actors", "location", "doc", "href", "doc_href",
              "origin", "year", "doc_date"]
    rows = []
    for i in order:
        e = data.events[i]
        undated, sort = event_sort_key(e)
        when = event_when(e) if not undated else f"undated (cable {e.get('doc_date') or 'of unknown date'})"
        rows.append([sort if not undated else "", when, e.get("type", ""),
                     e.get("status", ""), shorten(e.get("summary") or e.get("sentence", ""), 300),
                     e.get("actors", ""), e.get("location", ""), e.get("doc_id", ""),
                     data.event_href(i), data.doc_href(e.get("doc_id", "")),
                     data.origin(e.get("doc_id", "")), event_year(e), e.get("doc_date", "")])
    return _compact(fields, rows)


def undated_events_json(data: SiteData) -> dict[str, Any]:
    """The undated events alone: their own list, never mixed with the dated ones."""
    return events_json(data, [i for i, e in enumerate(data.events) if event_dates(e) is None])


def claims_json(data: SiteData) -> dict[str, Any]:
    fields = ["value", "amount", "unit", "entity", "qualifier", "speaker", "doc", "doc_date", "text",
              "sentence", "dimension", "href", "period", "origin", "year"]
    rows = []
    for i, c in enumerate(data.claims):
        rows.append([claim_display(c), claim_amount(c), c.get("unit", ""), c.get("entity", ""),
                     c.get("qualifier", ""), c.get("speaker", ""), c.get("doc_id", ""), c.get("doc_date", ""),
                     c.get("text", ""), c.get("sentence", ""), c.get("dimension", ""), data.claim_href(i),
                     c.get("period", ""), data.origin(c.get("doc_id", "")), (c.get("doc_date") or "")[:4]])
    return _compact(fields, rows)


def documents_json(data: SiteData) -> dict[str, Any]:
    fields = ["date", "doc", "href", "origin", "classification", "subject", "tags", "events", "claims",
              "year", "status"]
    rows = []
    for d in data.documents:
        doc_id = d.get("doc_id", "")
        rows.append([d.get("doc_date", ""), doc_id, data.doc_href(doc_id), d.get("origin", ""),
                     d.get("classification", ""), d.get("subject", ""), d.get("tags", ""),
                     int(parse_number(d.get("events")) or 0), int(parse_number(d.get("claims")) or 0),
                     (d.get("doc_date") or "")[:4], d.get("status", "")])
    return _compact(fields, rows)


def split_actors(text: str) -> list[str]:
    return [a.strip() for a in (text or "").split(";") if a.strip()]


def actor_kind(name: str) -> str:
    words = set(site_config()["organisation_words"])
    lowered = name.lower()
    tokens = re.findall(r"[\w'’.-]+", name)
    if any(len(t) >= 2 and t.isupper() and any(ch.isalpha() for ch in t) for t in tokens):
        return "organisation"
    if any(re.search(rf"\b{re.escape(w)}\b", lowered) for w in words):
        return "organisation"
    return "person"


def actors_json(data: SiteData) -> tuple[dict[str, Any], int]:
    events: Counter[str] = Counter()
    docs: dict[str, set[str]] = defaultdict(set)
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    for e in data.events:
        dates = event_dates(e)
        date = dates[0].isoformat() if dates else ""
        for actor in split_actors(e.get("actors", "")):
            events[actor] += 1
            docs[actor].add(e.get("doc_id", ""))
            if date:
                first[actor] = min(first.get(actor, date), date)
                last[actor] = max(last.get(actor, date), date)
    fields = ["actor", "kind", "events", "documents", "first", "last"]
    rows = [[a, actor_kind(a), n, len(docs[a]), first.get(a, ""), last.get(a, "")]
            for a, n in sorted(events.items(), key=lambda kv: (-kv[1], kv[0]))]
    return _compact(fields, rows), len(rows)


def timeline_rows(data: SiteData) -> tuple[dict[str, Any], tuple[str, str] | None]:
    """The dated events of the timeline (compact rows) and the date span it opens on.
    Undated events are not in it: they have their own list."""
    fields = ["start", "end", "type", "status", "origin", "actors", "location", "summary", "when", "doc", "href",
              "fine"]
    rows: list[list[Any]] = []
    for i in sorted(range(len(data.events)), key=lambda i: (event_sort_key(data.events[i]), i)):
        e = data.events[i]
        dates = event_dates(e)
        if dates is None:
            continue
        when = event_when(e) + (f" ({e['date_text']})" if e.get("date_text") else "")
        rows.append([dates[0].isoformat(), (dates[1] + dt.timedelta(days=1)).isoformat(), e.get("type") or "other",
                     e.get("status", ""), data.origin(e.get("doc_id", "")), e.get("actors", ""),
                     e.get("location", ""), shorten(e.get("summary") or e.get("sentence", "")), when, e.get("doc_id", ""),
                     data.event_href(i), 1 if (e.get("granularity") or "day") in charts.FINE_GRANULARITIES else 0])
    return _compact(fields, rows), _timeline_domain(data, [r[0] for r in rows])


@dataclass
class MonthCounts:
    """What the events-per-month chart draws, and what it leaves out (said under it)."""

    months: list[tuple[str, str]] = field(default_factory=list)  # (YYYY-MM, type) per drawn event
    outside: int = 0  # dated to a month or finer, outside the span the chart opens on
    coarse: int = 0  # dated to a quarter, a year or a decade only
    undated: int = 0


def month_counts(data: SiteData, domain: tuple[str, str] | None) -> MonthCounts:
    counts = MonthCounts()
    for e in data.events:
        dates = event_dates(e)
        if dates is None:
            counts.undated += 1
        elif (e.get("granularity") or "day") not in charts.FINE_GRANULARITIES:
            counts.coarse += 1
        elif domain and not domain[0] <= dates[0].isoformat() <= domain[1]:
            counts.outside += 1
        else:
            counts.months.append((dates[0].isoformat()[:7], e.get("type") or "other"))
    return counts


def _within_cable_years(dates: list[dt.date], doc_dates: list[dt.date]) -> list[dt.date]:
    """Open on the years the cables talk about: a stray misread year (1918)
    must not squash the chart; zooming out still shows it."""
    if not doc_dates:
        return dates
    low = dt.date(max(1, doc_dates[0].year - 2), 1, 1)
    high = dt.date(min(9999, doc_dates[-1].year + 3), 12, 31)
    return [d for d in dates if low <= d <= high]


def _bulk(dates: list[dt.date]) -> list[dt.date]:
    """The 1st and 99th percentile of ``dates`` (sorted), none if there are none."""
    if not dates:
        return []
    return [dates[int(len(dates) * 0.01)], dates[min(len(dates) - 1, int(len(dates) * 0.99))]]


def _timeline_domain(data: SiteData, starts: list[str]) -> tuple[str, str] | None:
    """The date span the timeline opens on: the bulk of the event dates and
    the cable dates, padded by a month."""
    doc_dates = sorted(d for d in (iso_date(r.get("doc_date")) for r in data.documents) if d)
    dates = _within_cable_years(sorted(d for d in (iso_date(s) for s in starts) if d), doc_dates)
    if not dates and not doc_dates:
        return None
    bulk = _bulk(dates)
    lo, hi = min(bulk + doc_dates[:1]), max(bulk + doc_dates[-1:])
    pad = dt.timedelta(days=31)
    return (lo - pad).isoformat(), (hi + pad).isoformat()


def timeline_row(e: Row, href: str, summary_chars: int = TOOLTIP_CHARS) -> dict[str, Any] | None:
    """A row of a cable's own timeline: its undated events in a lane of their own at the cable's date."""
    dates = event_dates(e)
    start, end = dates if dates else (None, None)
    etype = e.get("type") or "other"
    base = {"type": etype, "status": e.get("status", ""), "doc": e.get("doc_id", ""),
            "summary": shorten(e.get("summary") or e.get("sentence", ""), summary_chars), "href": href}
    if start is None:
        doc_date = iso_date(e.get("doc_date"))
        if doc_date is None:
            return None  # nowhere to draw it; it stays in the tables
        return {**base, "start": doc_date.isoformat(), "end": doc_date.isoformat(), "lane": charts.UNDATED_LANE,
                "kind": "undated", "when": f"undated (cable of {doc_date.isoformat()})"}
    assert end is not None
    kind = "day" if end == start else "range"
    return {**base, "start": start.isoformat(), "end": (end + dt.timedelta(days=1)).isoformat(),
            "lane": etype, "kind": kind, "when": event_when(e) + (f" ({e['date_text']})" if e.get("date_text") else "")}


def claims_over_time_rows(data: SiteData, dimension: str) -> list[dict[str, Any]]:
    to_kg = site_config()["mass_in_kg"]
    rows = []
    for i, c in enumerate(data.claims):
        if (c.get("dimension") or "") != dimension:
            continue
        amount, date = claim_amount(c), iso_date(c.get("doc_date"))
        if amount is None or date is None:
            continue
        unit = c.get("unit", "")
        if dimension == "mass":
            if unit not in to_kg:
                continue
            amount, unit_label = amount * to_kg[unit], unit
        else:
            unit_label = unit
        if amount <= 0:
            continue
        rows.append({"date": date.isoformat(), "amount": amount, "unit": unit_label, "text": c.get("text", ""),
                     "entity": c.get("entity", ""), "doc": c.get("doc_id", ""), "href": data.claim_href(i)})
    return rows


def normal_entity(text: str) -> str:
    """Entity key for comparing cables: lower case, plain spaces, last word singular."""
    words = re.findall(r"[\w'’-]+", (text or "").lower())
    if not words:
        return ""
    return " ".join(words[:-1] + [singular(words[-1])])


def entity_groups(data: SiteData, limit: int = 15, per_group: int = 30) -> list[dict[str, Any]]:
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(data.claims):
        key = normal_entity(c.get("entity", ""))
        if key and claim_amount(c) is not None:
            groups[(key, c.get("unit", ""))].append(i)
    ranked = []
    for (key, unit), members in groups.items():
        docs = {data.claims[i].get("doc_id") for i in members}
        if len(docs) >= 2:
            ranked.append((-len(docs), -len(members), key, unit, members, len(docs)))
    ranked.sort()
    out = []
    for _, _, key, unit, members, n_docs in ranked[:limit]:
        names = Counter(data.claims[i].get("entity", "") for i in members)
        members = sorted(members, key=lambda i: (data.claims[i].get("doc_date", ""), i))[:per_group]
        out.append({
            "entity": names.most_common(1)[0][0], "unit": unit or "no unit", "documents": n_docs,
            "total": len(groups[(key, unit)]),
            "claims": [{"doc_date": data.claims[i].get("doc_date", ""), "doc_id": data.claims[i].get("doc_id", ""),
                        "href": data.claim_href(i), "display": claim_display(data.claims[i]),
                        "qualifier": data.claims[i].get("qualifier", ""), "text": data.claims[i].get("text", ""),
                        "speaker": data.claims[i].get("speaker", ""), "amount": claim_amount(data.claims[i])}
                       for i in members],
        })
    return out


# -- the cable text with highlights ------------------------------------------------------

@dataclass
class Span:
    start: int
    end: int
    cls: str
    anchor: str
    title: str


def _escape_text(text: str) -> str:
    return html.escape(text).replace("\r", "").replace("\n", "<br>")


def render_highlighted(text: str, spans: list[Span]) -> str:
    """``text`` escaped, each span a ``<mark id=…>``; a span that overlaps an
    earlier one becomes an empty anchor in front of it, so every id exists."""
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    points: list[tuple[int, str]] = []
    for span in spans:
        if span.end <= span.start or (kept and span.start < kept[-1].end):
            points.append((kept[-1].start if kept and span.start < kept[-1].end else span.start, span.anchor))
        else:
            kept.append(span)
    points.sort()
    out: list[str] = []
    cursor = 0
    p = 0

    def flush_points(upto: int) -> None:
        nonlocal cursor, p
        while p < len(points) and points[p][0] <= upto:
            pos = max(points[p][0], cursor)
            out.append(_escape_text(text[cursor:pos]))
            cursor = pos
            out.append(f'<a class="dl-anchor" id="{html.escape(points[p][1])}"></a>')
            p += 1

    for span in kept:
        flush_points(span.start)
        out.append(_escape_text(text[cursor:span.start]))
        out.append(f'<mark class="{span.cls}" id="{html.escape(span.anchor)}" title="{html.escape(span.title)}">'
                   f"{_escape_text(text[span.start:span.end])}</mark>")
        cursor = span.end
    flush_points(len(text))
    out.append(_escape_text(text[cursor:]))
    return "".join(out)


def _trigger_span(sentence: str, trigger: str) -> tuple[int, int] | None:
    if not trigger.strip():
        return None
    match = re.search(rf"(?<!\w){re.escape(trigger.strip())}", sentence, flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def _claim_span(sentence: str, row: Row) -> tuple[int, int] | None:
    text = row.get("text", "")
    start, end = parse_number(row.get("start")), parse_number(row.get("end"))
    if start is not None and end is not None and 0 <= start < end <= len(sentence):
        if not text or sentence[int(start):int(end)] == text:
            return int(start), int(end)
    if text:
        pos = sentence.find(text)
        if pos >= 0:
            return pos, pos + len(text)
    return None


@dataclass
class _Item:
    kind: str  # event | claim
    row: Row
    anchor: str
    title: str
    order: int


def _item_span(item: _Item, sentence: str, offset: int) -> Span:
    """The highlight of ``item`` in its ``sentence`` found at ``offset``: its
    trigger or claim text, or an empty anchor when that is not in the sentence."""
    local = (_trigger_span(sentence, item.row.get("trigger", "")) if item.kind == "event"
             else _claim_span(sentence, item.row))
    if local is None:
        return Span(offset, offset, "", item.anchor, "")
    return Span(offset + local[0], offset + local[1], f"dl-{item.kind}", item.anchor, item.title)


def _place_item(item: _Item, paragraphs: list[dict[str, str]],
                by_number: dict[str, list[int]]) -> tuple[int, Span] | None:
    """The paragraph that holds the item's sentence (its own paragraph first)
    and the item's highlight there, or None when no paragraph holds it."""
    sentence = item.row.get("sentence", "")
    if not sentence:
        return None
    own = by_number.get(item.row.get("paragraph", ""), [])
    for k in own + [k for k in range(len(paragraphs)) if k not in own]:
        pos = paragraphs[k].get("text", "").find(sentence)
        if pos >= 0:
            return k, _item_span(item, sentence, pos)
    return None


def _place_items(paragraphs: list[dict[str, str]], items: list[_Item]) -> tuple[list[list[Span]], list[_Item]]:
    """The highlights in each paragraph, and the items that no paragraph holds."""
    spans: list[list[Span]] = [[] for _ in paragraphs]
    unplaced: list[_Item] = []
    by_number: dict[str, list[int]] = defaultdict(list)
    for k, para in enumerate(paragraphs):
        by_number[str(para.get("number", ""))].append(k)
    for item in items:
        placed = _place_item(item, paragraphs, by_number)
        if placed is None:
            unplaced.append(item)
        else:
            spans[placed[0]].append(placed[1])
    return spans, unplaced


def _paragraph_html(k: int, para: dict[str, str], spans: list[Span], previous: dict[str, str] | None) -> list[str]:
    # every paragraph of a section carries its heading: show it once, above the first
    heading = para.get("heading", "")
    shown = heading and (previous is None or previous.get("heading", "") != heading)
    parts = [f'<p class="dl-heading">{_escape_text(heading)}</p>'] if shown else []
    number = str(para.get("number", ""))
    pid = f' id="p-{html.escape(safe_token(number, str(k)))}"' if number else ""
    pnum = f'<span class="dl-pnum">¶{html.escape(number)}</span>' if number else ""
    parts.append(f'<p class="dl-para"{pid}>{pnum}{render_highlighted(para.get("text", ""), spans)}</p>')
    return parts


def _unplaced_html(unplaced: list[_Item]) -> list[str]:
    if not unplaced:
        return []
    parts = ['<p class="dl-heading">Sentences not found in the text above</p>']
    for item in unplaced:
        sentence = item.row.get("sentence", "") or item.row.get("text", "") or item.row.get("summary", "")
        parts.append(f'<p class="dl-para">{render_highlighted(sentence, [_item_span(item, sentence, 0)])}</p>')
    return parts


def document_text_html(paragraphs: list[dict[str, str]] | None, items: list[_Item]) -> tuple[str, bool]:
    """The cable text (or, without a text table, the sentences of its items)
    with every item highlighted. Returns the HTML and whether it is excerpts."""
    excerpt = not paragraphs
    shown = _excerpt_paragraphs(items) if not paragraphs else paragraphs
    spans, unplaced = _place_items(shown, items)
    parts = [part for k, para in enumerate(shown)
             for part in _paragraph_html(k, para, spans[k], shown[k - 1] if k else None)]
    return "\n".join(parts + _unplaced_html(unplaced)), excerpt


def _excerpt_paragraphs(items: list[_Item]) -> list[dict[str, str]]:
    sentences: dict[str, list[str]] = {}
    for item in sorted(items, key=lambda it: (_paragraph_key(it.row.get("paragraph", "")), it.order)):
        number = item.row.get("paragraph", "")
        sentence = item.row.get("sentence", "")
        if sentence and sentence not in sentences.setdefault(number, []):
            sentences[number].append(sentence)
    return [{"number": number, "text": " … ".join(s)} for number, s in sentences.items() if s]


def _paragraph_key(number: str) -> tuple[int, str]:
    digits = re.match(r"\d+", number or "")
    return (int(digits.group()) if digits else 10**9, number or "")


# -- pages ------------------------------------------------------------------------------

class PageWriter:
    def __init__(self, docs_dir: Path):
        self.docs = docs_dir
        self.env = environment()
        self.written: list[str] = []

    def page(self, rel: str, template: str, **context: Any) -> None:
        depth = rel.count("/") + (0 if rel.endswith("index.md") else 1)
        context.setdefault("base", "../" * depth)
        path = self.docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.env.get_template(template).render(**context), encoding="utf-8")
        self.written.append(rel)

    def json(self, rel: str, payload: Any) -> None:
        path = self.docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False),
                        encoding="utf-8")


def table_config(src: str, download: str, columns: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"src": src, "download": download, "columns": columns, **extra}


@dataclass
class _Series:
    """The rows behind the tables and charts, each written once as a data file."""

    timeline: dict[str, Any]  # compact rows (fields, rows) of the dated events
    domain: tuple[str, str] | None
    money: list[dict[str, Any]]
    mass: list[dict[str, Any]]
    n_actors: int
    entities: list[dict[str, Any]]


def _site_counts(data: SiteData, origins: Counter[str], series: _Series) -> dict[str, int]:
    return {
        "documents": len(data.documents), "events": len(data.events), "claims": len(data.claims),
        "origins": len(origins), "errors": sum(1 for r in data.documents if r.get("status", "ok") != "ok"),
        "undated": sum(1 for r in data.events if event_dates(r) is None),
        "claim_documents": len({r.get("doc_id") for r in data.claims}),
        "money": len(series.money), "mass": len(series.mass),
    }


def _date_span(data: SiteData) -> str:
    doc_dates = sorted(d.isoformat() for d in (iso_date(r.get("doc_date")) for r in data.documents) if d)
    return f"{doc_dates[0]} – {doc_dates[-1]}" if doc_dates else "–"


def _write_data_files(data: SiteData, out: PageWriter) -> _Series:
    """The data files behind the JavaScript tables and the url-data charts."""
    out.json("data/events.json", events_json(data))
    out.json("data/claims.json", claims_json(data))
    out.json("data/documents.json", documents_json(data))
    actors, n_actors = actors_json(data)
    out.json("data/actors.json", actors)
    timeline, domain = timeline_rows(data)
    out.json("data/timeline.json", timeline)
    out.json("data/undated-events.json", undated_events_json(data))
    money = claims_over_time_rows(data, "currency")
    mass = claims_over_time_rows(data, "mass")
    out.json("data/money.json", money)
    out.json("data/mass.json", mass)
    return _Series(timeline, domain, money, mass, n_actors, entity_groups(data))


def _entity_strip_rows(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"entity": f"{g['entity']} ({g['unit']})", "amount": c["amount"], "year": c["doc_date"][:4],
             "text": c["text"], "doc": c["doc_id"], "date": c["doc_date"], "href": c["href"]}
            for g in entities[:12] for c in g["claims"] if c["amount"] and c["amount"] > 0]


def _write_chart_specs(data: SiteData, out: PageWriter, series: _Series) -> None:
    out.json("charts/documents-by-year.json", charts.documents_by_year(data.documents))
    out.json("charts/events-by-month.json", charts.events_by_month(month_counts(data, series.domain).months,
                                                                    series.domain))
    out.json("charts/claims-by-dimension.json", charts.claims_by_dimension(data.claims))
    types = sorted({row[2] for row in series.timeline["rows"]})
    out.json("charts/timeline-overview.json", charts.timeline_overview(types, series.domain))
    out.json("charts/timeline-detail.json", charts.timeline_detail(types))
    out.json("charts/money-over-time.json",
             charts.claims_over_time("data/money.json", "Money claims by cable date", "Amount (log scale)"))
    out.json("charts/mass-over-time.json",
             charts.claims_over_time("data/mass.json", "Mass claims by cable date", "Kilograms (log scale)"))
    out.json("charts/entities.json", charts.entity_strip(_entity_strip_rows(series.entities)))


def _events_table() -> dict[str, Any]:
    return table_config(
        "data/events.json", "data/events.csv",
        [{"field": "when", "label": "When", "sortField": "sort", "cls": "dl-when"},
         {"field": "type", "label": "Type"}, {"field": "status", "label": "Status"},
         {"field": "summary", "label": "Event", "link": "href"}, {"field": "actors", "label": "Actors"},
         {"field": "location", "label": "Location"}, {"field": "doc", "label": "Cable", "link": "doc_href", "cls": "dl-id"}],
        facets=[{"field": "type", "label": "Types"}, {"field": "status", "label": "Statuses"},
                {"field": "origin", "label": "Origins"}, {"field": "year", "label": "Years", "order": "value"}],
        sort=["sort", "asc"], pageSize=50, jsonl="data/events.jsonl")


def _claims_table() -> dict[str, Any]:
    return table_config(
        "data/claims.json", "data/claims.csv",
        [{"field": "value", "label": "Value", "type": "num", "sortField": "amount"},
         {"field": "unit", "label": "Unit"}, {"field": "entity", "label": "Entity"},
         {"field": "qualifier", "label": "Qualifier"}, {"field": "period", "label": "Per"},
         {"field": "speaker", "label": "Speaker"},
         {"field": "doc", "label": "Cable", "link": "href", "cls": "dl-id"}, {"field": "doc_date", "label": "Cable date", "cls": "dl-when"},
         {"field": "sentence", "label": "Sentence", "cls": "dl-sentence"}],
        facets=[{"field": "dimension", "label": "Dimensions"}, {"field": "unit", "label": "Units"},
                {"field": "qualifier", "label": "Qualifiers"}, {"field": "origin", "label": "Origins"},
                {"field": "year", "label": "Years", "order": "value"}],
        sort=["doc_date", "asc"], pageSize=25, jsonl="data/claims.jsonl")


def _documents_table() -> dict[str, Any]:
    return table_config(
        "data/documents.json", "data/documents.csv",
        [{"field": "date", "label": "Date", "cls": "dl-when"}, {"field": "doc", "label": "Cable", "link": "href", "cls": "dl-id"},
         {"field": "origin", "label": "Origin"}, {"field": "classification", "label": "Classification"},
         {"field": "subject", "label": "Subject"}, {"field": "tags", "label": "Tags"},
         {"field": "events", "label": "Events", "type": "num"}, {"field": "claims", "label": "Claims", "type": "num"}],
        facets=[{"field": "origin", "label": "Origins"}, {"field": "year", "label": "Years", "order": "value"},
                {"field": "classification", "label": "Classifications"},
                {"field": "tags", "label": "Tags", "split": " "}],
        sort=["date", "asc"], pageSize=50, jsonl="data/documents.jsonl")


def _actors_table() -> dict[str, Any]:
    return table_config(
        "data/actors.json", "data/events.csv",
        [{"field": "actor", "label": "Actor", "filterTarget": "actor-events"}, {"field": "kind", "label": "Kind"},
         {"field": "events", "label": "Events", "type": "num"}, {"field": "documents", "label": "Cables", "type": "num"},
         {"field": "first", "label": "First event", "cls": "dl-when"},
         {"field": "last", "label": "Last event", "cls": "dl-when"}],
        facets=[{"field": "kind", "label": "Kinds"}], sort=["events", "desc"], pageSize=25)


def _write_browse_pages(data: SiteData, out: PageWriter, series: _Series) -> None:
    """The front page and the pages of the tables."""
    origins = Counter(r.get("origin") or "unknown" for r in data.documents)
    counts = _site_counts(data, origins, series)
    out.page("index.md", "index.md.j2", counts=counts, span=_date_span(data), origins=_origin_stats(data, origins),
             months=month_counts(data, series.domain), domain=series.domain)
    events_table = _events_table()
    undated_table = dict(events_table, src="data/undated-events.json", sort=["doc_date", "asc"],
                         columns=[dict(events_table["columns"][0], sortField="doc_date"), *events_table["columns"][1:]],
                         facets=[f for f in events_table["facets"] if f["field"] != "year"])
    out.page("timeline.md", "timeline.md.j2", counts=counts, events_table=events_table, undated_table=undated_table,
             dated=len(series.timeline["rows"]))
    out.page("claims.md", "claims.md.j2", counts=counts, claims_table=_claims_table(), entities=series.entities)
    out.page("documents/index.md", "documents.md.j2", counts=counts, documents_table=_documents_table())
    actor_events_table = dict(events_table, searchFields=["actors"],
                              placeholder="Filter by actor…", pageSize=25)
    out.page("actors.md", "actors.md.j2", actors_count=series.n_actors, actors_table=_actors_table(),
             actor_events_table=actor_events_table)


def _write_about_pages(data: SiteData, out: PageWriter, build: dict[str, Any], accuracy: dict[str, Any] | None,
                       accuracy_reason: str) -> None:
    """The pages about the data and the method."""
    texts_bytes = build.get("files", {}).get("texts.jsonl", 0)
    out.page("data.md", "data.md.j2", tables=_table_descriptions(data, build), build=build,
             texts_size=human_size(texts_bytes) if texts_bytes else "", counts={"texts": len(data.texts)})
    from .learn import default_model

    learned = dict(default_model().info or {})
    out.page("method.md", "method.md.j2", accuracy=accuracy, accuracy_reason=accuracy_reason, build=build,
             learned=learned, cv=learned.get("cross_validation"), event_types=EVENT_TYPES)


def _headline_charts(series: _Series) -> list[str]:
    """The headline charts that have something to draw."""
    empty = {"money-over-time": not series.money, "mass-over-time": not series.mass}
    return [name for name in HEADLINE_CHARTS if not empty.get(name, False)]


def write_site_pages(tables: TableSet, docs_dir: Path, *, texts: dict[str, list[dict[str, str]]] | None = None,
                     accuracy: dict[str, Any] | None = None, accuracy_reason: str = "",
                     build: dict[str, Any] | None = None, advance: Callable[[int], None] | None = None) -> list[str]:
    """Write every generated page, chart spec and JSON data file into ``docs_dir``;
    ``advance(1)`` is called after each cable's page.
    Returns the names of the headline charts (``charts/<name>.json``) to draw as images."""
    data = SiteData.from_tables(tables, texts)
    out = PageWriter(docs_dir)
    series = _write_data_files(data, out)
    _write_chart_specs(data, out, series)
    _write_browse_pages(data, out, series)
    _write_about_pages(data, out, build or {}, accuracy, accuracy_reason)
    _write_document_pages(data, out, advance)
    return _headline_charts(series)


def _origin_stats(data: SiteData, origins: Counter[str], limit: int = 15) -> list[dict[str, Any]]:
    origin_of = {d.get("doc_id", ""): d.get("origin") or "unknown" for d in data.documents}
    events = Counter(origin_of.get(e.get("doc_id", ""), "unknown") for e in data.events)
    claims = Counter(origin_of.get(c.get("doc_id", ""), "unknown") for c in data.claims)
    return [{"origin": o, "documents": n, "events": events[o], "claims": claims[o]}
            for o, n in origins.most_common(limit)]


def _table_descriptions(data: SiteData, build: dict[str, Any]) -> list[dict[str, Any]]:
    config = site_config()["tables"]
    out = []
    for name, columns in TABLES.items():
        described = config.get(name, {})
        fields = [{"name": c, "type": described.get("columns", {}).get(c, ["string", ""])[0],
                   "description": described.get("columns", {}).get(c, ["string", ""])[1]} for c in columns]
        files = build.get("files", {})
        out.append({"name": name, "rows": len(getattr(data, name)), "description": described.get("description", ""),
                    "fields": fields, "csv_size": human_size(files.get(f"{name}.csv", 0)),
                    "jsonl_size": human_size(files.get(f"{name}.jsonl", 0))})
    return out


def datapackage(tables: TableSet, build: dict[str, Any]) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the downloads."""
    config = site_config()["tables"]
    resources_ = []
    for name, columns in TABLES.items():
        described = config.get(name, {}).get("columns", {})
        fields = []
        for column in columns:
            kind, description = described.get(column, ["string", ""])
            field_: dict[str, Any] = {"name": column, "type": kind, "description": description}
            if kind == "boolean":
                field_["trueValues"], field_["falseValues"] = ["true"], ["false"]
            fields.append(field_)
        for fmt, media in (("csv", "text/csv"), ("jsonl", "application/jsonl")):
            resource: dict[str, Any] = {
                "name": f"{name}-{fmt}" if fmt != "csv" else name, "path": f"{name}.{fmt}", "format": fmt,
                "mediatype": media, "encoding": "utf-8",
                "description": config.get(name, {}).get("description", ""),
                "bytes": build.get("files", {}).get(f"{name}.{fmt}", 0),
                "hash": "sha256:" + build.get("hashes", {}).get(f"{name}.{fmt}", ""),
                "rows": len(getattr(tables, name)),
                "schema": {"fields": fields, "missingValues": [""]},
            }
            if fmt == "csv":
                resource["dialect"] = {"delimiter": ",", "quoteChar": '"', "header": True, "lineTerminator": "\r\n"}
            resources_.append(resource)
    return {
        "profile": "data-package", "name": "dateline", "title": "Dateline: events and claims from diplomatic cables",
        "description": "Dated events and numeric claims extracted from diplomatic cables. Columns follow OUTPUTS.md.",
        "created": build.get("created", ""), "version": build.get("version", ""),
        "dateline": {"input_hash": "sha256:" + build.get("input_hash", ""), "build_date": build.get("date", ""),
                     "row_counts": {name: len(getattr(tables, name)) for name in TABLES}},
        "resources": resources_,
    }


@dataclass
class _DocumentParts:
    """What a cable's page lists: its events and claims, their highlights in
    the text, and the rows of its timeline chart."""

    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    spec_rows: list[dict[str, Any]] = field(default_factory=list)

    def add_event(self, data: SiteData, i: int) -> None:
        e = data.events[i]
        when = event_when(e)
        summary = e.get("summary") or e.get("sentence") or e.get("trigger") or "(event)"
        self.events.append({"when": when, "type": e.get("type", ""), "status": e.get("status", ""),
                            "summary": summary, "actors": e.get("actors", ""), "location": e.get("location", ""),
                            "paragraph": e.get("paragraph", ""), "anchor": data.event_anchors[i]})
        self.items.append(_Item("event", e, data.event_anchors[i],
                                shorten(f"{e.get('type', '')} · {when} · {summary}", 300), i))
        row = timeline_row(e, "#" + data.event_anchors[i], 160)
        if row is not None:
            self.spec_rows.append(row)

    def add_claim(self, data: SiteData, i: int) -> None:
        c = data.claims[i]
        display = claim_display(c)
        self.claims.append({"display": display, "unit": c.get("unit", ""), "entity": c.get("entity", ""),
                            "qualifier": c.get("qualifier", ""), "period": c.get("period", ""),
                            "speaker": c.get("speaker", ""), "text": c.get("text", ""), "paragraph": c.get("paragraph", ""),
                            "anchor": data.claim_anchors[i]})
        self.items.append(_Item("claim", c, data.claim_anchors[i],
                                shorten(f"{display} {c.get('unit', '')} · {c.get('entity', '')}", 300),
                                len(data.events) + i))


def _document_parts(data: SiteData, doc_id: str) -> _DocumentParts:
    parts = _DocumentParts()
    for i in sorted(data.events_by_doc.get(doc_id, []), key=lambda i: (event_sort_key(data.events[i]), i)):
        parts.add_event(data, i)
    for i in data.claims_by_doc.get(doc_id, []):
        parts.add_claim(data, i)
    return parts


def _write_document_pages(data: SiteData, out: PageWriter, advance: Callable[[int], None] | None = None) -> None:
    template_spec = charts.DocumentTimeline()
    # one spec for every cable; each page points it at its own rows
    out.json("charts/document-timeline.json", template_spec.template())
    by_id = {d.get("doc_id", ""): d for d in data.documents}
    for doc_id, slug in data.slugs.items():
        doc = dict(by_id.get(doc_id) or {"doc_id": doc_id, "status": "ok"})
        doc["title"] = slug
        doc.setdefault("status", "ok")
        parts = _document_parts(data, doc_id)
        text_html, excerpt = document_text_html(data.texts.get(doc_id), parts.items)
        rows_name = f"data/documents/{slug}.json"
        if parts.spec_rows:
            out.json(rows_name, parts.spec_rows)
        out.page(f"documents/{slug}.md", "document.md.j2", doc=doc, events=parts.events, claims=parts.claims,
                 values=rows_name if parts.spec_rows else "", height=template_spec.height(parts.spec_rows),
                 text_html=Markup(text_html), text_is_excerpt=excerpt, doc_href=data.doc_href(doc_id))
        if advance is not None:
            advance(1)
