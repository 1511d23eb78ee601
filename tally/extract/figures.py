"""Figures in a sentence: numbers in digits or words, with their value, unit and bound."""
from __future__ import annotations

import re

from .mention import Figure

_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")


def find(text: str, lang: str, offset: int = 0) -> list[Figure]:
    out = []
    for m in _DIGITS.finditer(text):
        value = float(m.group().replace(",", "."))
        out.append(Figure(offset + m.start(), offset + m.end(), m.group(), value))
    return out
