"""Series: every figure for one (item, event, actor), over the time it refers to."""
from __future__ import annotations

import functools
from collections import Counter

from .records import RELATIVE_UNITS, moment, norm, order_key, parse_date, published

# The columns of a series row, in table order.
COLUMNS = (
    "when", "period_start", "period_end", "value", "bound", "unit", "status",
    "speaker", "outlet", "published", "lang", "quote", "doc", "url",
)


def select(records: list[dict], item: str | None = None, event: str | None = None,
           actor: str | None = None, unit: str | None = None) -> list[dict]:
    """The records whose fields equal the given ones (case-insensitive); None matches anything."""
    wanted = [(name, w) for name, w in (("item", norm(item)), ("event", norm(event)),
                                        ("actor", norm(actor)), ("unit", norm(unit)))
              if w is not None]
    normed = functools.cache(norm)  # a series repeats a few names thousands of times
    return [r for r in records if all(normed(r.get(name)) == w for name, w in wanted)]


def series_rows(records: list[dict], item: str, event: str | None = None, actor: str | None = None,
           unit: str | None = None) -> list[dict]:
    """Rows of COLUMNS for the matching records, by the date each figure refers to.

    `when` is the end of the figure's period (or its start, or the publication date);
    rows with no date at all come last.
    """
    rows = []
    moments: dict[tuple, object] = {}  # moment() reads these three fields only
    for record in select(records, item, event, actor, unit):
        if record.get("value") is None:
            continue
        dates = (record.get("period_start"), record.get("period_end"), record.get("published"))
        if dates not in moments:
            moments[dates] = moment(record)
        day = moments[dates]
        row = {name: record.get(name) for name in COLUMNS}
        row["when"] = day.isoformat() if day else None
        rows.append(row)
    rows.sort(key=lambda r: (r["when"] or "9999", order_key(r)))
    return rows


def main_unit(rows: list[dict]) -> str | None:
    """The most common absolute unit of the rows (counts and money before ratios and percents)."""
    counts = Counter(r.get("unit") for r in rows if r.get("unit") not in RELATIVE_UNITS)
    if not counts:
        counts = Counter(r.get("unit") for r in rows)
    return counts.most_common(1)[0][0] if counts else None


def plottable(rows: list[dict], unit: str | None = None) -> list[dict]:
    """Rows of one unit that have a date and a positive value, for a chart."""
    unit = unit or main_unit(rows)
    return [r for r in rows if r.get("unit") == unit and r.get("when")
            and r.get("value") is not None and float(r["value"]) > 0]


def top_subjects(records: list[dict], limit: int = 3, min_points: int = 2) -> list[dict]:
    """The (item, event, actor) triples with most dated figures of one absolute unit, as dicts,
    those with an actor first.

    [{"item": "drone", "event": "produce", "actor": "Russia", "unit": "count", "points": 12}, ...]
    """
    counts: Counter = Counter()
    names: dict[tuple, dict] = {}
    for record in records:
        if not record.get("item") or record.get("unit") in RELATIVE_UNITS:
            continue
        if parse_date(record.get("period_end")) is None and published(record) is None:
            continue
        key = (norm(record.get("item")), norm(record.get("event")), norm(record.get("actor")),
               norm(record.get("unit")))
        counts[key] += 1
        names.setdefault(key, {name: record.get(name) for name in ("item", "event", "actor", "unit")})
    # A series of no one in particular mixes unrelated figures: named actors come first.
    ranked = sorted((key for key, n in counts.items() if n >= min_points),
                    key=lambda key: (key[2] is None, -counts[key]))
    return [dict(names[key], points=counts[key]) for key in ranked[:limit]]
