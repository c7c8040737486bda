"""Altair charts of the published tables, as Vega-Lite JSON specs.

Every chart is built from table rows (``dict[str, str]``), never from extractor
objects. Charts over many rows point at a JSON file of the site (``url`` data)
instead of inlining their rows, so ``to_dict()`` stays small and fast; charts
over a few aggregated rows carry their values inline.
"""

from __future__ import annotations

import copy
from collections import Counter
from typing import Any, Iterable, Sequence

import altair as alt

from .language import EVENT_TYPES

#: one colour per event type (Tableau 20 order, EVENT_TYPES order), so every chart agrees
TYPE_COLOURS = [
    "#4e79a7", "#a0cbe8", "#f28e2b", "#e15759", "#ff9d9a", "#b07aa1",
    "#59a14f", "#8cd17d", "#9c755f", "#edc948", "#76b7b2",
]
STATUSES = ["occurred", "ongoing", "planned", "expected"]
UNDATED_LANE = "(undated)"  # a cable's own timeline only
FINE_GRANULARITIES = {"day", "week", "month"}

Spec = dict[str, Any]


def _type_scale(types: Iterable[str]) -> alt.Scale:
    """Known types keep their colour; unknown ones (a stage may add one) follow."""
    extra = sorted(set(types) - set(EVENT_TYPES))
    domain = [*EVENT_TYPES, *extra]
    spare = ["#bab0ac", "#d4a6c8", "#86bcb6", "#f1ce63", "#499894", "#d37295", "#fabfd2"]
    colours = TYPE_COLOURS + [spare[i % len(spare)] for i in range(len(extra))]
    return alt.Scale(domain=domain, range=colours)


def _finish(chart: alt.TopLevelMixin, width: int | str = "container", height: int = 260) -> Spec:
    spec = chart.properties(width=width, height=height).to_dict()
    spec.setdefault("config", {}).update({
        "font": "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif",
        "view": {"stroke": None},
    })
    return spec


def _epoch_ms(date: str) -> int:
    """A date as Vega's time value, so every layer reads the same scale domain."""
    import datetime as dt

    day = dt.date.fromisoformat(date)
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp() * 1000)


def year_month(date: str) -> str:
    return date[:7] if len(date) >= 7 else ""


# -- headline charts (aggregated, inline values) --------------------------------

def events_by_month(months: Sequence[tuple[str, str]], domain: tuple[str, str] | None) -> Spec:
    """Stacked bars: events per month (``(YYYY-MM, type)`` per event, dated to a
    month or finer), over ``domain`` (the span the cables talk about)."""
    counts: Counter[tuple[str, str]] = Counter(months)
    values = [{"month": m + "-01", "type": t, "events": n} for (m, t), n in sorted(counts.items())]
    scale = alt.Scale(domain=[_epoch_ms(d) for d in domain]) if domain else alt.Undefined
    chart = alt.Chart(alt.Data(values=values)).mark_bar(clip=True).encode(
        x=alt.X("month:T", timeUnit="yearmonth", title="Month of the event", scale=scale),
        y=alt.Y("sum(events):Q", title="Events"),
        color=alt.Color("type:N", scale=_type_scale(t for _m, t in counts), title="Type"),
        tooltip=[alt.Tooltip("month:T", timeUnit="yearmonth", title="Month"),
                 alt.Tooltip("type:N", title="Type"), alt.Tooltip("sum(events):Q", title="Events")],
    )
    return _finish(chart)


def documents_by_year(documents: Sequence[dict[str, str]], top_origins: int = 8) -> Spec:
    """Bars: cables per year, coloured by the most frequent origins."""
    origins = Counter(row.get("origin") or "unknown" for row in documents)
    keep = {origin for origin, _ in origins.most_common(top_origins)}
    counts: Counter[tuple[str, str]] = Counter()
    for row in documents:
        year = (row.get("doc_date") or "")[:4] or "unknown"
        origin = row.get("origin") or "unknown"
        counts[(year, origin if origin in keep else "other posts")] += 1
    values = [{"year": y, "origin": o, "cables": n} for (y, o), n in sorted(counts.items())]
    chart = alt.Chart(alt.Data(values=values)).mark_bar().encode(
        x=alt.X("year:O", title="Year of the cable"),
        y=alt.Y("sum(cables):Q", title="Cables"),
        color=alt.Color("origin:N", title="Origin", scale=alt.Scale(scheme="tableau10")),
        tooltip=[alt.Tooltip("year:O", title="Year"), alt.Tooltip("origin:N", title="Origin"),
                 alt.Tooltip("sum(cables):Q", title="Cables")],
    )
    return _finish(chart)


def claims_by_dimension(claims: Sequence[dict[str, str]]) -> Spec:
    """Horizontal bars: claims per dimension, split by qualifier."""
    counts: Counter[tuple[str, str]] = Counter(
        ((row.get("dimension") or "other"), (row.get("qualifier") or "exact")) for row in claims
    )
    values = [{"dimension": d, "qualifier": q, "claims": n} for (d, q), n in sorted(counts.items())]
    chart = alt.Chart(alt.Data(values=values)).mark_bar().encode(
        y=alt.Y("dimension:N", sort="-x", title="Dimension"),
        x=alt.X("sum(claims):Q", title="Claims"),
        color=alt.Color("qualifier:N", title="Qualifier", scale=alt.Scale(scheme="tableau10")),
        tooltip=[alt.Tooltip("dimension:N", title="Dimension"), alt.Tooltip("qualifier:N", title="Qualifier"),
                 alt.Tooltip("sum(claims):Q", title="Claims")],
    )
    return _finish(chart, height=220)


# -- interactive charts over url data -----------------------------------------------

def timeline_overview(types: Iterable[str], domain: tuple[str, str] | None) -> Spec:
    """The timeline's first view: dated events per month and type, stacked, with the
    busiest months named; drag to brush a span, click a month to drill into it.

    The page script fills the named data sets from the events that pass its
    filters: ``cells`` (month, next month, type, events, and bottom and top of
    its stacked bar), ``labels`` (month, total, label, right);
    and sets the x domain. Its scenegraph has one bar per month and type, so it
    draws the same at two cables or two hundred thousand.
    """
    types = list(types)
    # the span it opens on; the page script sets the span of what its filters keep
    x = alt.X("month:T", title=None, scale=alt.Scale(domain=[_epoch_ms(d) for d in domain or ("2000-01-01", "2001-01-01")]),
              axis=alt.Axis(format="%Y", tickCount="year", grid=False))
    brush = alt.selection_interval(name="brush", encodings=["x"])
    bars = alt.Chart(alt.Data(name="cells")).mark_bar(clip=True).encode(
        x=x, x2="next:T", y=alt.Y("top:Q", title="Events per month"), y2="bottom:Q",
        color=alt.Color("type:N", scale=_type_scale(types), title="Type"),
        tooltip=[alt.Tooltip("month:T", timeUnit="yearmonth", title="Month"), alt.Tooltip("type:N", title="Type"),
                 alt.Tooltip("events:Q", title="Events")],
    ).add_params(brush)
    # a name in the right third of the chart ends at its month, so that it stays inside
    labels = alt.Chart(alt.Data(name="labels")).mark_text(
        align=alt.ExprRef("datum.right ? 'right' : 'left'"), baseline="bottom", dy=-3, fontSize=11,
        dx=alt.ExprRef("datum.right ? -2 : 2"),
    ).encode(x=x, y=alt.Y("total:Q"), text="label:N")
    return _finish(alt.layer(bars, labels), height=240)


def timeline_detail(types: Iterable[str]) -> Spec:
    """Single events of the span picked in the overview: a lane per type, a point for
    a day, a bar for a longer span; colour = type, shape = status; scroll or drag to
    zoom; a click opens the event in its cable.

    The page script fills ``events`` (start, end exclusive, type, status, kind
    (day | range), summary, when, doc, href) and sets the x domain and height.
    """
    types = list(types)
    lanes = [t for t in EVENT_TYPES if t in set(types)] + sorted(set(types) - set(EVENT_TYPES))
    colour = alt.Color("type:N", scale=_type_scale(types), title="Type", legend=None)
    tooltip = [alt.Tooltip("summary:N", title="Event"), alt.Tooltip("when:N", title="When"),
               alt.Tooltip("type:N", title="Type"), alt.Tooltip("status:N", title="Status"),
               alt.Tooltip("doc:N", title="Cable")]
    x = alt.X("start:T", title=None, scale=alt.Scale(domain=[0, 1]))
    y = alt.Y("type:N", title=None, sort=lanes, scale=alt.Scale(domain=lanes))
    offset = alt.YOffset("jitter:Q", scale=alt.Scale(domain=[0, 1]))
    base = alt.Chart(alt.Data(name="events")).transform_calculate(jitter="random()")
    zoom = alt.selection_interval(bind="scales", encodings=["x"])
    bars = base.transform_filter(alt.datum.kind == "range").mark_bar(height=4, cornerRadius=2, clip=True).encode(
        x=x, x2="end:T", y=y, yOffset=offset, color=colour, tooltip=tooltip, href="href:N",
        opacity=alt.value(0.45),
    )
    points = base.transform_filter(alt.datum.kind == "day").mark_point(filled=True, size=40, clip=True).encode(
        x=x, y=y, yOffset=offset, color=colour, tooltip=tooltip, href="href:N",
        shape=alt.Shape("status:N", title="Status",
                        scale=alt.Scale(domain=STATUSES, range=["circle", "square", "triangle-up", "diamond"])),
    ).add_params(zoom)
    return _finish(alt.layer(bars, points), height=max(160, 30 * len(lanes)))


def claims_over_time(url: str, title: str, unit_title: str) -> Spec:
    """Points: a claim's value (log scale) by its cable date, colour = unit.

    Rows of ``url``: date, amount (> 0), unit, text, entity, doc, href.
    """
    chart = alt.Chart(alt.Data(url=url, format=alt.DataFormat(type="json"))).mark_point(
        filled=True, size=36, opacity=0.7
    ).encode(
        x=alt.X("date:T", title="Cable date"),
        y=alt.Y("amount:Q", scale=alt.Scale(type="log"), title=unit_title),
        color=alt.Color("unit:N", title="Unit", scale=alt.Scale(scheme="tableau10")),
        tooltip=[alt.Tooltip("text:N", title="As written"), alt.Tooltip("amount:Q", title=unit_title, format=",.4~g"),
                 alt.Tooltip("entity:N", title="Of"), alt.Tooltip("doc:N", title="Cable"),
                 alt.Tooltip("date:T", title="Cable date")],
        href="href:N",
    ).add_params(alt.selection_interval(bind="scales"))
    return _finish(chart.properties(title=title))


def entity_strip(values: list[dict[str, Any]]) -> Spec:
    """The same entity across cables: one row per entity, values on a log axis."""
    chart = alt.Chart(alt.Data(values=values)).mark_point(filled=True, size=60, opacity=0.75).encode(
        y=alt.Y("entity:N", title=None, sort=None),
        x=alt.X("amount:Q", scale=alt.Scale(type="log"), title="Value as stated (log scale)"),
        color=alt.Color("year:O", title="Cable year", scale=alt.Scale(scheme="viridis")),
        tooltip=[alt.Tooltip("entity:N", title="Entity"), alt.Tooltip("text:N", title="As written"),
                 alt.Tooltip("doc:N", title="Cable"), alt.Tooltip("date:N", title="Cable date")],
        href="href:N",
    )
    lanes = len({v["entity"] for v in values})
    return _finish(chart, height=max(120, 22 * lanes))


# -- per-document timeline: one Altair spec, many data sets ------------------------

class DocumentTimeline:
    """The small timeline of one cable. The spec is built once with Altair and
    only its inline values change per document (1,931 ``to_dict`` calls would
    cost more than the whole page generation)."""

    def __init__(self) -> None:
        colour = alt.Color("type:N", scale=_type_scale([]), title="Type", legend=None)
        tooltip = [alt.Tooltip("summary:N", title="Event"), alt.Tooltip("when:N", title="When"),
                   alt.Tooltip("status:N", title="Status")]
        base = alt.Chart(alt.Data(values=[]))
        x = alt.X("start:T", title=None)
        y = alt.Y("lane:N", title=None)
        bars = base.transform_filter(alt.datum.kind == "range").mark_bar(height=8, cornerRadius=2).encode(
            x=x, x2="end:T", y=y, color=colour, tooltip=tooltip, href="href:N",
            opacity=alt.Opacity("status:O", legend=None, sort=STATUSES,
                                scale=alt.Scale(domain=STATUSES, range=[1.0, 0.8, 0.5, 0.35])),
        )
        points = base.transform_filter(alt.datum.kind != "range").mark_point(filled=True, size=70).encode(
            x=x, y=y, color=colour, tooltip=tooltip, href="href:N",
            shape=alt.Shape("status:N", title="Status",
                            scale=alt.Scale(domain=STATUSES, range=["circle", "square", "triangle-up", "diamond"])),
        )
        self._spec = _finish(alt.layer(bars, points), height=120)

    def template(self) -> Spec:
        """The spec with no rows: the page script fills in the rows of one cable."""
        return copy.deepcopy(self._spec)

    def spec(self, rows: list[dict[str, Any]]) -> Spec:
        spec = self.template()
        spec["height"] = self.height(rows)
        _set_values(spec, rows)
        return spec

    @staticmethod
    def height(rows: list[dict[str, Any]]) -> int:
        return max(60, 28 * (len({r["lane"] for r in rows}) or 1))


def _set_values(spec: Spec, rows: list[dict[str, Any]]) -> None:
    """Point every inline data set of ``spec`` at ``rows``."""
    if "data" in spec and "values" in spec["data"]:
        spec["data"]["values"] = rows
    for name, data in spec.get("datasets", {}).items():
        spec["datasets"][name] = rows
    for layer in spec.get("layer", []):
        _set_values(layer, rows)
