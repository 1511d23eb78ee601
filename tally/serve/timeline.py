"""The timeline of one (item, event, actor): the analysis' series chart, each mark linking
to the sentence of its first source."""
from __future__ import annotations

from ..analyse.charts import chart_rows, series_spec
from ..analyse.records import moment, order_key, parse_date
from ..analyse.series import main_unit, select, series_rows
from ..errors import TallyError

SUBJECT_FIELDS = ("item", "event", "actor", "unit")


def subject_label(subject: dict) -> str:
    """"drone · deliver · Russia" (the unit only when it is not a count)."""
    parts = [subject.get("item") or "?", subject.get("event") or "?",
             subject.get("actor") or "no actor"]
    if subject.get("unit") not in (None, "count"):
        parts.append(subject["unit"])
    return " · ".join(parts)


def chosen_subject(subjects: list[dict], args: dict) -> dict | None:
    """The subject the query asks for (item, event, actor, unit), else the largest one."""
    wanted = {name: (args.get(name) or None) for name in SUBJECT_FIELDS}
    if not any(wanted.values()):
        return subjects[0] if subjects else None
    for subject in subjects:
        if all(wanted[n] is None or (subject.get(n) or "").casefold() == wanted[n].casefold()
               for n in SUBJECT_FIELDS):
            return subject
    return None


SHORT_BOUNDS = {"at_least": "≥ ", "at_most": "≤ ", "approx": "~", "exact": ""}
SHORT_SCALES = ((1e12, "T"), (1e9, "bn"), (1e6, "M"), (1e3, "k"))


def short_label(value: float, unit: str | None = "count", bound: str | None = "exact") -> str:
    """A figure short enough to write beside a mark.

    short_label(1_400_000, "count", "at_least") -> "≥ 1.4M"; short_label(5e8, "EUR") -> "500M EUR"
    """
    number = f"{value:,.4g}"
    for scale, suffix in SHORT_SCALES:
        if abs(value) >= scale:
            number = f"{value / scale:.3g}{suffix}"
            break
    if unit == "percent":
        number += "%"
    elif unit == "ratio":
        number = "x" + number
    elif unit not in (None, "", "count"):
        number += f" {unit}"
    return SHORT_BOUNDS.get(bound or "exact", "") + number


def _mark_key(record: dict) -> tuple | None:
    """The key chart_rows merges a record's mark under: (start, end, value, status)."""
    end = moment(record)
    if end is None or record.get("value") is None:
        return None
    start = parse_date(record.get("period_start"))
    return ((start or end).isoformat(), end.isoformat(), float(record["value"]),
            record.get("status") or "reported")


def timeline(records: list[dict], subject: dict, link) -> dict:
    """{"spec": Vega-Lite spec (None when nothing can be drawn), "rows": the subject's claim
    records with `when` and `href`, "unit": the unit drawn}.

    `link(record)` gives the URL of a claim in its document; each mark links to its
    earliest source, and its tooltip says how many sources state it.
    """
    args = {n: subject.get(n) for n in SUBJECT_FIELDS}
    chosen = select(records, **args)
    rows = series_rows(records, **args)
    unit = main_unit(rows)
    by_key: dict[tuple, list[dict]] = {}
    for record in sorted(chosen, key=order_key):
        key = _mark_key(record)
        if key is not None and record.get("unit") == unit:
            by_key.setdefault(key, []).append(record)
    table = _table(chosen, link)
    try:
        spec = series_spec(rows, subject_label(subject), unit)
    except TallyError:
        return {"spec": None, "rows": table, "unit": unit}
    marks = chart_rows(rows, unit)
    for mark in marks:
        sources = by_key.get((mark["start"], mark["end"], mark["value"], mark["status"]), [])
        own = [r for r in sources if not r.get("copied_from")] or sources
        mark["href"] = link(own[0]) if own else None
        mark["short"] = short_label(mark["value"], unit, mark.get("bound"))
    spec["data"] = {"values": marks}
    _style(spec)
    return {"spec": spec, "rows": table, "unit": unit}


def _table(chosen: list[dict], link) -> list[dict]:
    """Every figure of the subject (charted or not), by the date it refers to."""
    rows = []
    for record in sorted(chosen, key=lambda r: ((moment(r) or parse_date("9999")).isoformat(),
                                                order_key(r))):
        when = moment(record)
        rows.append(dict(record, when=when.isoformat() if when else None, href=link(record)))
    return rows


def _days_spanned(spec: dict) -> int:
    """Days from the first start to the last end of the chart's marks."""
    marks = spec.get("data", {}).get("values", [])
    days = [parse_date(m[name]) for m in marks for name in ("start", "end") if m.get(name)]
    return (max(days) - min(days)).days if days else 0


def _style(spec: dict) -> None:
    """Links on the marks, a chart as wide as its box, and the page's type."""
    points = spec["layer"][-1]
    # The page's own legend explains colours and shapes; the chart keeps the size legend.
    for layer in spec["layer"]:
        for channel in ("color", "shape"):
            if channel in layer["encoding"]:
                layer["encoding"][channel]["legend"] = None
        values = [m["value"] for m in spec.get("data", {}).get("values", [])]
        if values and max(values) >= 10_000:
            # Each label its own prefix: 200k and 1.4M, not 0.2M and 1.4M.
            layer["encoding"]["y"]["axis"] = {"labelExpr": "format(datum.value, '~s')"}
        if _days_spanned(spec) <= 62:
            # Left alone, Vega labels a few days' span by the hour.
            layer["encoding"]["x"]["axis"] = {"format": "%d %b %Y", "labelAngle": 0,
                                              "tickCount": {"interval": "day", "step": 1}}
    points["encoding"]["href"] = {"field": "href", "type": "nominal"}
    points["mark"]["cursor"] = "pointer"
    points["encoding"]["tooltip"] = [
        {"field": "label", "type": "nominal", "title": "figure"},
        {"field": "when", "type": "temporal", "title": "refers to", "format": "%d %b %Y"},
        {"field": "status", "type": "nominal"},
        {"field": "speaker", "type": "nominal", "title": "said by"},
        {"field": "outlet", "type": "nominal", "title": "in"},
        {"field": "quote", "type": "nominal", "title": "as written"},
        {"field": "sources", "type": "quantitative", "title": "sources"},
    ]
    # The figure written beside its mark: the chart reads without hovering.
    labels = {
        "mark": {"type": "text", "align": "left", "dx": 11, "dy": -9, "fontSize": 12,
                 "fontWeight": "bold", "color": "#344054"},
        "encoding": {"x": points["encoding"]["x"], "y": points["encoding"]["y"],
                     "text": {"field": "short", "type": "nominal"},
                     "href": {"field": "href", "type": "nominal"}},
    }
    spec["layer"].append(labels)
    spec.pop("title", None)
    spec["width"] = "container"
    spec["height"] = 360
    spec["autosize"] = {"type": "fit-x", "contains": "padding"}
    spec["config"] = {
        "font": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif",
        "view": {"stroke": None},
        "axis": {"labelFontSize": 12, "titleFontSize": 12, "titleColor": "#555",
                 "labelColor": "#333", "gridColor": "#eceff3", "domainColor": "#999"},
        "legend": {"labelFontSize": 12, "titleFontSize": 12, "orient": "top"},
    }
