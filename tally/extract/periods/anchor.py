"""The publication date (at day or month precision) and the date arithmetic done from it."""
from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

log = logging.getLogger(__name__)

# Day of the full-scale invasion: cumulative war totals count from it (CLAIMS.md).
WAR_START = "2022-02-24"
PRE_WAR_END = "2022-02-23"

# --- Publication date -------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The publication date, at day or month precision."""

    year: int
    month: int
    day: int | None = None

    @staticmethod
    def parse(published: str | None) -> Anchor | None:
        """Anchor of "2024-09-15" or "2024-09"; None when missing or unreadable."""
        return _parse(published)

    def date(self) -> date:
        return date(self.year, self.month, self.day or 1)

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")

    def minus_days(self, days: int) -> str:
        """ISO day `days` before publication; the month itself when only the month is known."""
        if self.day is None:
            return self.iso()
        return (self.date() - timedelta(days=days)).isoformat()

    def after_war_start(self) -> bool:
        """Whether the text was written after the invasion (February 2022 only with a day)."""
        if self.day is None:
            return (self.year, self.month) >= (2022, 3)
        return self.date() >= date.fromisoformat(WAR_START)



# Every figure of a text asks for the same date.
@lru_cache(maxsize=256)
def _parse(published: str | None) -> Anchor | None:
    match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", published or "")
    if not match:
        return None
    day = int(match.group(3)) if match.group(3) else None
    try:
        date(int(match.group(1)), int(match.group(2)), day or 1)
    except ValueError:
        log.warning("unreadable publication date %r", published)
        return None
    return Anchor(int(match.group(1)), int(match.group(2)), day)


def ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def iso_day(year: int, month: int, day: int) -> str | None:
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def year_of_month(month: int, year: str | None, anchor: Anchor | None) -> int | None:
    """The year stated, else that of the latest such month not after publication."""
    if year:
        return int(year)
    if anchor is None:
        return None
    return anchor.year if month <= anchor.month else anchor.year - 1


def weekday_day(weekday: int, anchor: Anchor | None) -> str | None:
    """ISO day of the latest such weekday not after publication (the month if no day known)."""
    if anchor is None:
        return None
    if anchor.day is None:
        return anchor.iso()
    back = (anchor.date().weekday() - weekday) % 7
    return anchor.minus_days(back)


def window(count: int, unit: str, anchor: Anchor | None) -> tuple[str | None, str | None] | None:
    """The span of `count` `unit`s ending at publication; coarser start for longer spans."""
    if anchor is None or count <= 0:
        return None
    end = anchor.iso()
    if unit == "hour":
        return anchor.minus_days(max(1, -(-count // 24))), end
    if unit in ("day", "week"):
        return anchor.minus_days(count * (7 if unit == "week" else 1)), end
    if unit == "month":
        return ym(*add_months(anchor.year, anchor.month, -count)), end
    if count == 1 and anchor.day:
        start = iso_day(anchor.year - 1, anchor.month, anchor.day) or ym(anchor.year - 1, anchor.month)
        return start, end
    if count < 10:
        return ym(anchor.year - count, anchor.month), end
    return str(anchor.year - count), end


def ago(count: int, unit: str, anchor: Anchor | None):
    """The moment `count` `unit`s before publication, at that unit's precision ("il y a un mois")."""
    if anchor is None or count <= 0:
        return None
    if unit in ("day", "week"):
        day = anchor.minus_days(count * (7 if unit == "week" else 1))
        return day, day
    if unit == "month":
        month = ym(*add_months(anchor.year, anchor.month, -count))
        return month, month
    if unit == "year":
        return str(anchor.year - count), str(anchor.year - count)
    return None


def ahead(count: int, unit: str, anchor: Anchor | None, open_start: bool):
    """The next `count` `unit`s from publication ("over the next two years": this year and next)."""
    if anchor is None or count <= 0:
        return None
    if unit == "year":
        last = anchor.year + count if open_start else anchor.year + count - 1
        return (None if open_start else str(anchor.year)), str(last)
    if unit == "month":
        return (None if open_start else anchor.iso()), ym(*add_months(anchor.year, anchor.month, count))
    return None


def relative(name: str, anchor: Anchor):
    """Period of a fixed relative phrase (this_year, last_month, overnight, ...)."""
    y, m = anchor.year, anchor.month
    table = {
        "this_year": (str(y), str(y)),
        "last_year": (str(y - 1), str(y - 1)),
        "next_year": (str(y + 1), str(y + 1)),
        "this_month": (ym(y, m), ym(y, m)),
        "last_month": (ym(*add_months(y, m, -1)),) * 2,
        "next_month": (ym(*add_months(y, m, 1)),) * 2,
        "this_week": (anchor.minus_days(6), anchor.iso()),
        "last_week": (anchor.minus_days(13), anchor.minus_days(7)),
        "today": (anchor.iso(), anchor.iso()),
        "yesterday": (anchor.minus_days(1), anchor.minus_days(1)),
        "overnight": (anchor.minus_days(1), anchor.iso()),
        "day_before": (anchor.minus_days(2), anchor.minus_days(1)),
        "year_window": window(1, "year", anchor),
        "year_to_date": (str(y), anchor.iso()),
    }
    if name.endswith("weekend"):
        return weekend(anchor, name == "last_weekend")
    return table[name]


def weekend(anchor: Anchor, last: bool) -> tuple[str, str]:
    """Saturday and Sunday of the latest weekend begun by publication; `last`: the one before when
    the text appears on a weekend. Only the month when the day is unknown.

    weekend(Anchor(2024, 9, 17), False) -> ("2024-09-14", "2024-09-15")
    """
    if anchor.day is None:
        return anchor.iso(), anchor.iso()
    back = (anchor.date().weekday() - 5) % 7
    if last and back < 2:
        back += 7
    return anchor.minus_days(back), anchor.minus_days(back - 1)

