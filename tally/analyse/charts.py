"""Series charts: Vega-Lite specs built with Altair, rendered to SVG or PNG by vl-convert
(in-process: no browser, no network)."""
from __future__ import annotations

import logging
from pathlib import Path

from ..errors import TallyError
from .records import format_value, parse_date
from .series import main_unit, plottable

log = logging.getLogger(__name__)

# Values spanning at least this factor get a log scale.
LOG_SPAN = 100
STATUS_MARKS = {"reported": "circle", "target": "triangle-up", "estimate": "diamond"}
STATUS_COLOURS = {"reported": "#1f77b4", "target": "#d62728", "estimate": "#ff7f0e"}
WIDTH, HEIGHT = 640, 320


def chart_rows(rows: list[dict], unit: str | None = None) -> list[dict]:
    """The series rows a chart draws: one mark per figure and period, with `start`/`end`
    of its period bar, a label, and `sources`, how many rows (repeats) state it."""
    drawn: dict[tuple, dict] = {}
    for row in plottable(rows, unit):
        start = parse_date(row.get("period_start"))
        end = parse_date(row["when"])
        status = row.get("status") or "reported"
        key = ((start or end).isoformat(), end.isoformat(), float(row["value"]), status)
        if key in drawn:
            mark = drawn[key]
            mark["sources"] += 1
            if row.get("outlet") and row["outlet"] not in mark["outlet"].split(", "):
                mark["outlet"] = ", ".join(x for x in (mark["outlet"], row["outlet"]) if x)
            continue
        drawn[key] = {
            "when": row["when"], "start": key[0], "end": key[1], "value": key[2], "status": status,
            "bound": row.get("bound") or "exact",
            "label": format_value(row["value"], row.get("unit"), row.get("bound")),
            "speaker": row.get("speaker") or "", "outlet": row.get("outlet") or "",
            "quote": row.get("quote") or "", "sources": 1,
        }
    # Vega draws in data order: targets and estimates last, so a reported figure equal
    # to a target does not hide it.
    ranks = {status: rank for rank, status in enumerate(("reported", "estimate", "target"))}
    return sorted(drawn.values(), key=lambda d: ranks.get(d["status"], 0))


def uses_log_scale(rows: list[dict]) -> bool:
    """Whether the positive values span LOG_SPAN or more."""
    values = [r["value"] for r in rows if r["value"] > 0]
    return bool(values) and max(values) / min(values) >= LOG_SPAN


def series_spec(rows: list[dict], title: str, unit: str | None = None) -> dict:
    """A Vega-Lite spec (dict) of the series: a mark per figure, a bar for each period."""
    import altair as alt

    data = chart_rows(rows, unit)
    if not data:
        raise TallyError(f"nothing to draw for {title}: no dated figure with a positive value")
    # Padding keeps the marks at the ends of an axis whole (a linear y axis starts at zero).
    scale = alt.Scale(type="log", padding=12) if uses_log_scale(data) else alt.Scale(zero=True)
    statuses = list(STATUS_MARKS)
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("value:Q", scale=scale, title=_axis_title(rows, unit)),
        color=alt.Color("status:N", scale=alt.Scale(domain=statuses, range=[STATUS_COLOURS[s] for s in statuses]),
                        title="status"),
    )
    periods = base.mark_rule(strokeWidth=3, opacity=0.45).encode(
        x=alt.X("start:T", title="period the figure refers to", scale=alt.Scale(padding=16)), x2="end:T")
    marks = base.mark_point(filled=True, opacity=0.85, stroke="white", strokeWidth=0.8).encode(
        x="end:T",
        size=alt.Size("sources:Q", title="sources", scale=alt.Scale(zero=False, range=[90, 400]),
                      legend=alt.Legend(tickMinStep=1, format="d")),
        shape=alt.Shape("status:N", scale=alt.Scale(domain=statuses, range=list(STATUS_MARKS.values()))),
        tooltip=["label:N", "when:T", "status:N", "bound:N", "speaker:N", "outlet:N", "quote:N",
                 "sources:Q"],
    )
    chart = alt.layer(periods, marks).properties(title=title, width=WIDTH, height=HEIGHT)
    return chart.to_dict()


def _axis_title(rows: list[dict], unit: str | None) -> str:
    unit = unit or main_unit(rows) or "value"
    return "number" if unit == "count" else unit


def render(spec: dict, fmt: str = "svg") -> str | bytes:
    """The chart as SVG text or PNG bytes."""
    import vl_convert as vlc

    if fmt == "svg":
        return vlc.vegalite_to_svg(spec)
    if fmt == "png":
        return vlc.vegalite_to_png(spec, scale=2)
    raise TallyError(f"chart format '{fmt}' is not known: use svg or png")


def write_chart(rows: list[dict], path: str | Path, title: str, unit: str | None = None) -> Path:
    """Draw the series into `path`, SVG or PNG by its suffix; returns the path."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise TallyError(f"chart file '{path}' must end in .svg or .png")
    output = render(series_spec(rows, title, unit), fmt)
    if isinstance(output, str):
        path.write_text(output, encoding="utf-8")
    else:
        path.write_bytes(output)
    log.info("chart written to %s", path)
    return path
