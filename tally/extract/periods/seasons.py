"""Seasons as periods: "cet hiver", "l'été dernier", "l'été 2023", "last winter", "the summer of 2023".

Months by the meteorological seasons (summer: June-August); a winter runs from December into
the next year's February.
"""
from __future__ import annotations

import re

from .anchor import Anchor
from .names import YEAR

SEASONS = {"printemps": 3, "été": 6, "automne": 9, "hiver": 12,
           "spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_FR = r"(?P<season>printemps|été|automne|hiver)"
_EN = r"(?P<season>spring|summer|autumn|winter)"


def season_rules(lang: str) -> list:
    """(pattern, resolver, hint words) for the seasons of `lang` (fr or en)."""
    if lang == "fr":
        return [
            (rf"\b(?:(?:de |à |en |pendant |durant |au cours de )?l['’]|en ){_FR} (?:de |d['’])?(?:l['’]année )?"
             rf"(?P<year>{YEAR})", _named_year, ("printemps", "été", "automne", "hiver")),
            (rf"\b(?:de |à |pendant |durant |au cours de )?l['’]{_FR} (?:dernier|passé)\b", _last,
             ("dernier", "passé")),
            (rf"\b(?:cet|ce|au cours de cet|au cours de ce|pendant cet|pendant ce|durant cet|durant ce) {_FR}\b",
             _this, ("printemps", "été", "automne", "hiver")),
        ]
    return [
        (rf"\b(?:(?:in|during|over) )?(?:the )?{_EN} (?:of )?(?P<year>{YEAR})", _named_year,
         ("spring", "summer", "autumn", "winter")),
        (rf"\b(?:(?:in|during|over) )?(?:this|last|past) {_EN}\b", _this_or_last,
         ("spring", "summer", "autumn", "winter")),
    ]


def _span(first: int, year: int) -> tuple[str, str]:
    """ISO months of the season opening in month `first` of `year`."""
    last_year, last = (year + 1, 2) if first == 12 else (year, first + 2)
    return f"{year:04d}-{first:02d}", f"{last_year:04d}-{last:02d}"


def season_span(season: str, year: int) -> tuple[str, str]:
    """(start, end) months of `season` of `year` ("hiver", 2023 -> "2023-12", "2024-02").

    season_span("été", 2023) -> ("2023-06", "2023-08")
    """
    return _span(SEASONS[season.lower()], year)


def _named_year(match: re.Match, anchor: Anchor | None):
    start, end = season_span(match["season"], int(match["year"]))
    return start, end, "time"


def _last(match: re.Match, anchor: Anchor | None):
    """The last season of that name that ended before the month of publication."""
    if anchor is None:
        return None
    for year in (anchor.year, anchor.year - 1, anchor.year - 2):
        start, end = season_span(match["season"], year)
        if end < f"{anchor.year:04d}-{anchor.month:02d}":
            return start, end, "time"
    return None


def _this(match: re.Match, anchor: Anchor | None):
    """The season of that name of the year of publication (a winter: the one under way in
    January and February, else the one to come)."""
    if anchor is None:
        return None
    first = SEASONS[match["season"].lower()]
    year = anchor.year - 1 if first == 12 and anchor.month <= 2 else anchor.year
    start, end = _span(first, year)
    return start, end, "time"


def _this_or_last(match: re.Match, anchor: Anchor | None):
    text = match.group(0).lower()
    return _last(match, anchor) if ("last" in text or "past" in text) else _this(match, anchor)
