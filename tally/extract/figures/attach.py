"""What follows a number: its magnitude, currency, percent sign, unit of measure or duration."""
from __future__ import annotations

import re
from dataclasses import replace

from .. import units as U
from .common import S, Raw
from .numbers import FACTOR

_MAGNITUDES = U.compile_after(U.MAGNITUDES)
_GLUED_MONEY = re.compile(rf"{S}?(Mds?|Mrds?|Md|M|k|K|bn)\s?([€$£])")
_MILLION_SHORT = re.compile(r"m\s+(?:[A-Z]{2,5}\s+|[a-z]+\s+)?[a-z]+s\b")
_MONEY_MAGNITUDES = [(re.compile(p + r"(?![\w])", re.IGNORECASE), v) for p, v in U.MONEY_MAGNITUDES]
_CURRENCY_AFTER = U.compile_after(U.CURRENCY_AFTER)
_PERCENT = re.compile(rf"{S}?(?:{U.PERCENT_AFTER})", re.IGNORECASE)
_POINTS = re.compile(rf"{S}?(?:{U.POINTS_AFTER})", re.IGNORECASE)
_MEASURES = [(re.compile(rf"{S}?[-‑]?(?:{p})", re.IGNORECASE), v) for p, v in U.MEASURES]
_DURATIONS = [(re.compile(rf"{S}?[-‑]?(?:{p})", re.IGNORECASE), v) for p, v in U.DURATIONS]
_CURRENCY_BEFORE = [(re.compile(rf"(?:{p}){S}?$"), v) for p, v in U.CURRENCY_BEFORE]
_TIMES_AFTER = re.compile(rf"{S}?(?:fois|times)\b", re.IGNORECASE)
_COMPARATIVE = re.compile(
    r"\s*(?:more|less|fewer|larger|bigger|higher|greater|faster|cheaper|smaller|lower|as\b|the\b|that\b|what\b|"
    r"plus|moins|supérieure?s?|inférieure?s?|autant|davantage|le\b|la\b|les\b|celui|celle|ce\b|over\b|in\b|en\b)",
    re.IGNORECASE)
_MULTIPLY_BEFORE = re.compile(r"(?:multipli\w*|increased?|grown|grew|rose|risen|augment\w*|accru\w*|croît|crû)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)


def attach(text: str, raw: Raw, lang: str) -> Raw | None:
    """Extend the number with its magnitude, and read its currency or unit."""
    if raw.kind in ("fraction", "multiple"):
        return raw
    end = raw.end
    dozen = re.match(r"[\s-]dozens?\b|[\s-]douzaines?\b", text[end:], re.IGNORECASE)
    if dozen and raw.kind in ("digits", "word"):
        raw = replace(raw, value=raw.value * 12, end=end + dozen.end())
        end = raw.end
    # Magnitude: "1,4 million", "deux cents millions", "4.5bn", "€670m".
    currency_before = _currency_before(text, raw.start)
    for pattern, factor in _MAGNITUDES:
        found = pattern.match(text, end)
        if found and raw.kind in ("digits", "word") and not text[found.end():found.end() + 1].isalpha():
            raw = replace(raw, value=raw.value * factor, end=found.end(), factor=factor)
            end = found.end()
            break
    else:
        glued = _GLUED_MONEY.match(text, end)
        if glued and raw.kind == "digits":
            # "500 M€", "2,5 Md€", "3 Mds$": French shorthand for money.
            factor = 1e9 if glued.group(1).lower().startswith(("md", "mrd", "b")) else 1e6 if glued.group(1).lower().startswith("m") else 1e3
            code = {"€": "EUR", "$": "USD", "£": "GBP"}[glued.group(2)]
            return replace(raw, value=raw.value * factor, end=glued.end(), factor=factor, unit=code)
        if currency_before and raw.kind == "digits":
            for pattern, factor in _MONEY_MAGNITUDES:
                found = pattern.match(text, end)
                if found:
                    raw = replace(raw, value=raw.value * factor, end=found.end(), factor=factor)
                    end = found.end()
                    break
        elif raw.kind == "digits" and _MILLION_SHORT.match(text, end):
            # "1.4m drones", "3m people": a short million before a plural noun.
            raw = replace(raw, value=raw.value * 1e6, end=end + 1, factor=1e6)
            end = raw.end
    half = re.match(r"\s+(?:et demie?|and a half)\b", text[end:], re.IGNORECASE)
    if half and raw.factor > 1:  # "un million et demi"
        raw = replace(raw, value=raw.value + raw.factor / 2, end=end + half.end())
        end = raw.end
    half = re.match(r"(?:-and-a-half|\s+and a half)\b", text[end:], re.IGNORECASE)
    if half and raw.factor == 1 and raw.kind in ("digits", "word"):  # "two and a half years"
        raw = replace(raw, value=raw.value + 0.5, end=end + half.end())
        end = raw.end
    if FACTOR.search(text[max(0, raw.start - 25) : raw.start]) and re.search(r"\s$", text[: raw.start]):
        return replace(raw, unit="ratio", kind="multiple")
    if currency_before:
        code, currency_start = currency_before
        return replace(raw, unit=code, start=currency_start)
    # "x fois", "10 times": a multiple.
    times = _TIMES_AFTER.match(text, end)
    if times:
        if _COMPARATIVE.match(text, times.end()) or _MULTIPLY_BEFORE.search(text[max(0, raw.start - 40) : raw.start]):
            return replace(raw, unit="ratio", kind="multiple", unit_end=times.end())
        return replace(raw, unit_end=times.end())  # "three times": how often, a count
    # Percent and percentage points.
    found = _POINTS.match(text, end)
    if found:
        return replace(raw, unit="percentage point", unit_end=found.end())
    found = _PERCENT.match(text, end)
    if found:
        return replace(raw, unit="percent", end=found.end() if text[end:found.end()].strip() == "%" else end,
                       unit_end=found.end())
    # Currency after: "2 milliards de dollars", "500 millions d'euros", "12 billion hryvnias".
    for pattern, code in _CURRENCY_AFTER:
        found = pattern.match(text, end)
        if found and not text[found.end():found.end() + 1].isalpha():
            return replace(raw, unit=code, unit_end=found.end())
    # Units of measure and durations.
    # "les 75 dernières années": French puts the frame word between number and unit.
    frame_word = re.match(r"\s+(?:dernières|derniers|prochaines|prochains|premières|premiers)(?=\s)", text[end:], re.IGNORECASE)
    if frame_word and raw.factor == 1:
        for pattern, unit in _DURATIONS:
            found = pattern.match(text, end + frame_word.end())
            if found and not text[found.end():found.end() + 1].isalnum():
                return replace(raw, unit=unit, unit_end=found.end(), frame=True)
    # "58 millions de m3": with a magnitude, the unit may follow "de"/"of".
    if raw.factor > 1:
        of = re.match(r"\s+(?:de|d['’]|of)\s*(?=\S)", text[end:], re.IGNORECASE)
        if of:
            for pattern, unit in _MEASURES:
                found = pattern.match(text, end + of.end())
                if found and not text[found.end():found.end() + 1].isalnum():
                    return replace(raw, unit=unit, unit_end=found.end())
    for table in (_MEASURES, _DURATIONS):
        for pattern, unit in table:
            found = pattern.match(text, end)
            # ("3,500 T-72s": a letter before "-" and digits is a model, not a unit.)
            if found and not text[found.end():found.end() + 1].isalnum() \
                    and not re.match(r"[-‑]\d", text[found.end():found.end() + 2]):
                if unit in ("celsius", "fahrenheit"):
                    minus = re.search(r"(?:(?:minus|moins)\s+|(?<![\w\d])[−-])$", text[: raw.start], re.IGNORECASE)
                    if minus:
                        return replace(raw, unit=unit, value=-raw.value, unit_end=found.end(),
                                       start=minus.start())
                if unit == "decade":
                    return replace(raw, unit="year", value=raw.value * 10, unit_end=found.end())
                # "a two-year loan of €90bn": a compound duration may frame another figure;
                # "56-year-old" is an age.
                compound = table is _DURATIONS and re.match(r"[-‑]", text[end:end + 1] or " ")
                frame = bool(compound) and not re.match(r"[-‑](?:olds?)\b", text[found.end():], re.IGNORECASE)
                # "deux ans et demi", "3 heures et demie": French puts the half after the unit.
                demi = re.match(r"\s+et\s+demie?\b", text[found.end():], re.IGNORECASE)
                if demi and table is _DURATIONS and raw.factor == 1:
                    return replace(raw, unit=unit, value=raw.value + 0.5, unit_end=found.end() + demi.end(),
                                   frame=frame or raw.frame)
                return replace(raw, unit=unit, unit_end=found.end(), frame=frame or raw.frame)
    # Ages: "aged 18 to 25", "âgés de 20 ans" (the unit may come after a range).
    if re.search(r"\b(?:aged|âgée?s? de|ages? of|at the age of|à l['’]âge de)\s*$", text[max(0, raw.start - 20) : raw.start], re.IGNORECASE):
        return replace(raw, unit="year")
    # "multiplier leur nombre par 3", "multiplied by 4": a multiple.
    if _MULTIPLY_BEFORE.search(text[max(0, raw.start - 40) : raw.start]) and re.search(r"(?:par|by)\s*$", text[: raw.start]):
        if re.search(r"multipli", text[max(0, raw.start - 40) : raw.start], re.IGNORECASE):
            return replace(raw, unit="ratio", kind="multiple")
    return raw


def _currency_before(text: str, start: int) -> tuple[str, int] | None:
    before = text[max(0, start - 6) : start]
    for pattern, code in _CURRENCY_BEFORE:
        found = pattern.search(before)
        if found:
            symbol = found.group().strip()
            return (code or symbol.upper()[:3]), start - (len(before) - found.start())
    return None
