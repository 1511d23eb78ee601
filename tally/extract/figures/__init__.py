"""Figures in a sentence: numbers in digits or words, with their value, unit and bound.

    >>> [(f.quote, f.value, f.unit, f.bound) for f in find("plus de 1,4 million de drones", "fr")]
    [('1,4 million', 1400000.0, 'count', 'at_least')]

Registered as "figures.v1": the order of the passes below is part of its behaviour.
1. raw numbers: digits in every national format, number words (text2num), vague amounts
   ("des milliers", "dozens"), fractions ("a third", "la moitié"), multiples ("tenfold",
   "cent fois", "x10", "doubled");
2. what follows: magnitude ("million", "bn"), currency, percent, unit of measure, duration;
3. what is not a claim: years, dates, times, ordinals, model names, calibres, list markers,
   time offsets ("four years ago") and durations that only frame another figure;
4. bound from the words around it, ranges ("between 300 and 500", "20-25%"), rates ("a day");
5. a bare number compared with the figure before it takes its unit ("58 millions de m3,
   contre 13").
"""
from __future__ import annotations

import re

from ..mention import Figure
from .attach import attach
from .bounds import bounds, conversions, ranges, rates, ratios
from .common import Raw
from .currency import inherit_currency
from .ellipsis import carry_units
from .exclusions import not_a_claim
from .numbers import candidates, parse_digits

__all__ = ["NAME", "find", "inherit_currency", "parse_digits"]

NAME = "figures.v1"


def find(text: str, lang: str, offset: int = 0) -> list[Figure]:
    """The figures of one sentence, in text order, offsets shifted by `offset`."""
    # 1. Raw numbers, the longest of overlapping candidates.
    figures: list[Raw] = []
    for raw in candidates(text, lang):
        if figures and raw.start < (figures[-1].unit_end or figures[-1].end):
            continue  # inside the previous figure's magnitude or unit ("30 pour cent")
        # 2. What follows: magnitude, currency, percent, unit.
        raw = attach(text, raw, lang)
        # 3. What is not a claim.
        if raw is None or not_a_claim(text, raw, lang):
            continue
        figures.append(raw)
    # "chuté de 14 points ... de 50% à 36%": points beside percentages are percentage points.
    if any(r.unit == "percent" for r in figures):
        for r in figures:
            points = _POINTS.match(text, r.end)
            if r.unit == "count" and points:
                r.unit, r.unit_end = "percentage point", points.end()
    # A duration that only frames another figure of the sentence ("in the past 24 hours",
    # "en un an") is that figure's period, not a claim of its own.
    if any(not r.frame for r in figures):
        figures = [r for r in figures if not r.frame]
    # 4. Bounds, ranges and rates.
    bounds(text, figures)
    ranges(text, figures)
    conversions(text, figures)
    rates(text, figures)
    ratios(text, figures)
    carry_units(text, figures)
    return [
        Figure(offset + r.start, offset + r.end, text[r.start : r.end], r.value, r.unit, r.bound,
               r.kind, None if r.unit_end is None else offset + r.unit_end, r.factor)
        for r in figures
    ]


_POINTS = re.compile(r"\s?points?\b")
