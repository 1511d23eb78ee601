"""Claim records as the analyses read them: dates, time spans, value intervals, wording.

A record is a dict with the CLAIMS.md fields plus the document's `published`,
`outlet`, `lang`, `url`, `title` and the claim's `sentence` (see source.py).
"""
from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date

# Units that relate figures rather than count things: never plotted with counts.
RELATIVE_UNITS = ("ratio", "percent")


@dataclass(frozen=True)
class Tolerances:
    """How far apart figures may be and still agree; tuned on rounding seen in news copy."""

    same_value: float = 0.01  # two statements of one figure ("1.4 million" and "1,400,000")
    exact: float = 0.03  # half-width around an exact figure: "1.4 million" may be 1.36-1.44 million
    approx: float = 0.15  # half-width around "about", "some", "près de"
    moment_days: int = 7  # figures with no period speak of the same moment if published this close
    multiple: float = 0.25  # "tenfold" is loose: x7.5 to x12.5 still reads as tenfold
    parts: float = 0.02  # parts may exceed a stated total by rounding only
    duration: float = 0.25  # two figures compared by a multiple cover periods this alike


TOLERANCES = Tolerances()


def parse_date(text: str | None, last: bool = False) -> date | None:
    """The date of an ISO string at any precision: its first day, or its last with `last`.

    parse_date("2024-05") -> date(2024, 5, 1); parse_date("2024", last=True) -> date(2024, 12, 31)
    """
    if not text:
        return None
    parts = str(text)[:10].split("-")
    try:
        numbers = [int(p) for p in parts if p]
    except ValueError:
        return None
    if not numbers or len(numbers) > 3:
        return None
    year = numbers[0]
    month = numbers[1] if len(numbers) > 1 else (12 if last else 1)
    if len(numbers) > 2:
        day = numbers[2]
    else:
        day = calendar.monthrange(year, month)[1] if last else 1
    try:
        return date(year, month, day)
    except ValueError:
        return None


def published(record: dict) -> date | None:
    """The publication date of the record's document."""
    return parse_date(record.get("published"))


def span(record: dict) -> tuple[date | None, date | None]:
    """(start, end) of the time the figure refers to; a missing end is the publication date
    when a start is given ("since 2022"), and a figure with no period is the publication day."""
    start = parse_date(record.get("period_start"))
    end = parse_date(record.get("period_end"), last=True)
    if start is None and end is None:
        day = published(record)
        return day, day
    if end is None:
        end = published(record)
    return start, end


def moment(record: dict) -> date | None:
    """The one date a figure is drawn at: the end of its period, else its start, else publication."""
    start, end = span(record)
    return end or start


def duration_days(record: dict) -> int | None:
    """Length of the record's stated period in days, when it has both ends."""
    start = parse_date(record.get("period_start"))
    end = parse_date(record.get("period_end"), last=True)
    if start is None or end is None:
        return None
    return (end - start).days + 1


def norm(text: str | None) -> str | None:
    """A name compared without case or surrounding space ("Russia " == "russia")."""
    return text.strip().casefold() if isinstance(text, str) and text.strip() else None


def subject_key(record: dict) -> tuple:
    """(item, event, actor, unit): what a figure counts, whatever the period."""
    return (norm(record.get("item")), norm(record.get("event")), norm(record.get("actor")),
            norm(record.get("unit")))


def period_key(record: dict) -> tuple:
    """The stated period, as written (both None for a state at the time of writing)."""
    return (record.get("period_start") or None, record.get("period_end") or None)


def interval(record: dict, tol: Tolerances = TOLERANCES) -> tuple[float, float]:
    """The values a claim allows: "more than 1 million" -> (1e6 less rounding, inf)."""
    value = float(record["value"])
    bound = record.get("bound") or "exact"
    width = abs(value) * (tol.approx if bound == "approx" else tol.exact)
    if bound == "at_least":
        return value - width, math.inf
    if bound == "at_most":
        return -math.inf, value + width
    return value - width, value + width


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


BOUND_WORDS = {"at_least": "at least ", "at_most": "at most ", "approx": "about ", "exact": ""}


def format_value(value: float, unit: str | None = "count", bound: str | None = "exact") -> str:
    """A figure for a sentence: format_value(1400000, "count", "at_least") -> "at least 1,400,000"."""
    if float(value).is_integer() or abs(value) >= 100:
        number = f"{value:,.0f}"
    else:
        number = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit == "ratio":
        text = f"x{number}"
    elif unit == "percent":
        text = f"{number}%"
    elif unit in (None, "", "count"):
        text = number
    else:
        text = f"{number} {unit}"
    return BOUND_WORDS.get(bound or "exact", "") + text


def format_period(record: dict) -> str:
    """The period in words: "in 2024", "2023-03-01 to 2023-06-30", "by 2030-12-31", "as of 2025-01-10"."""
    start, end = record.get("period_start"), record.get("period_end")
    if not start and not end:
        return f"as of {record.get('published') or 'an unknown date'}"
    if start and end:
        first, last = parse_date(start), parse_date(end, last=True)
        if first and last and first.year == last.year and (first.month, first.day) == (1, 1) \
                and (last.month, last.day) == (12, 31):
            return f"in {first.year}"
        return f"on {start}" if start == end else f"{start} to {end}"
    if end:
        return f"by {end}"
    return f"since {start}"


def format_subject(record: dict) -> str:
    """What is counted, for a sentence: "drone / produce / Russia"."""
    parts = [record.get("item") or "?", record.get("event") or "?", record.get("actor") or "no actor"]
    return " / ".join(parts)


def format_source(record: dict) -> str:
    """Who said it where and when: "Vladimir Putin in TASS, 2025-01-10"."""
    outlet = record.get("outlet") or record.get("doc") or "unknown source"
    where = f"{outlet}, {record.get('published') or 'undated'}"
    speaker = record.get("speaker")
    return f"{speaker} in {where}" if speaker else where


def order_key(record: dict) -> tuple:
    """Sort records by publication date, then document and position."""
    day = published(record)
    return (day or date.max, str(record.get("doc") or ""), record.get("offset") or 0)
