"""A bare number that answers an earlier figure of its sentence, its unit left unsaid.

"58 millions de m3 par an, contre seulement 13 pour nous": 13 is 13 million m3 a year;
"completed in three minutes, while others take 30": 30 minutes. Newsrooms drop the unit
and magnitude of the second figure of a comparison: the reader carries them over.
"""
from __future__ import annotations

import re

from .common import S, Raw

# A comparison between the two figures: "contre", "against", "compared with", "from ... of",
# "while", "whereas", "tandis que", "alors que", "than", "que".
_CONTRAST = re.compile(
    r"\b(?:contre|versus|vs\.?|against|compared\s+(?:with|to)|par rapport à|from|while|whereas|"
    r"tandis que|alors que|than|que|instead of|au lieu de)\b", re.IGNORECASE)
# "Sur les 500 millions, environ 490 ...": a part of the amount just given.
_PART_OF = re.compile(r"\b(?:sur|of|out of|parmi|among|de)\s+(?:les|the|ces|these)\s*$", re.IGNORECASE)
# Nothing counted after the bare number: punctuation, the end, or a function word.
_BARE_END = re.compile(
    rf"{S}*(?:[,.;:!?)\]»”\"]|$|(?:pour|for|to|à|au|aux|en|in|dans|chez|among|parmi|and|et|while|"
    r"tandis|alors|last|l['’]an|the|la|le|les|a|an|un|une|du|des|on|at|this|that|ce|cette)\b)",
    re.IGNORECASE)


def carry_units(text: str, figures: list[Raw]) -> None:
    """Give a bare number the magnitude and unit of the figure it is compared with.

    Only plain digits with no magnitude, unit or counted noun of their own take them, only
    after a figure that has a unit or a magnitude, only when a comparison word joins the two
    (or the second is part of the first), and only when the result stays within a factor 100
    of that figure.
    """
    for previous, raw in zip(figures, figures[1:]):
        # A rate read from the words around ("chaque année") may already be on it.
        if raw.kind != "digits" or raw.unit.split("/")[0] != "count" or raw.factor != 1 or raw.fixed_bound:
            continue
        if previous.unit == "count" and previous.factor == 1:
            continue
        if not _BARE_END.match(text, raw.end):
            continue
        between = text[(previous.unit_end or previous.end) : raw.start]
        if len(between) > 70 or re.search(r"\d", between):
            continue
        part_of = _PART_OF.search(text[: previous.start]) and between.lstrip().startswith(",")
        if not (_CONTRAST.search(between) or part_of):
            continue
        value = raw.value * previous.factor
        if not previous.value / 100 <= value <= previous.value * 100:
            continue
        raw.value, raw.factor, raw.unit = value, previous.factor, previous.unit
