"""Bounds from the words around a figure, ranges as two claims, and rates."""
from __future__ import annotations

import re

from .. import units as U
from .common import S, Raw

_BOUND_BEFORE = U.compile_before(U.BOUND_BEFORE)
_BOUND_AFTER = U.compile_after(U.BOUND_AFTER)
_RATES = U.compile_after(U.RATES)


def bounds(text: str, figures: list[Raw]) -> None:
    for raw in figures:
        if raw.fixed_bound:
            before = text[max(0, raw.start - 40) : raw.start]
            if re.search(r"(?:plus de|more than|over|at least|au moins)\s*(?:des\s*)?$", before, re.IGNORECASE):
                raw.bound = "at_least"
            continue
        before = text[max(0, raw.start - 40) : raw.start]
        for pattern, bound in _BOUND_BEFORE:
            found = pattern.search(before)
            if found and not _false_bound(found.group(), before, raw):
                raw.bound = bound
                break
        else:
            after_end = raw.unit_end or raw.end
            # "50 drones or more": the bound may follow a word or two of noun phrase.
            noun = re.match(r"(?:\s+[^\W\d]+){0,2}?(?=\s+(?:or|ou|and|et|at|au|à|environ|approximately|roughly|minimum|maximum)\b)", text[after_end:])
            starts = [after_end] + ([after_end + noun.end()] if noun and noun.end() else [])
            for start in starts:
                bound = next((b for pattern, b in _BOUND_AFTER if pattern.match(text, start)), None)
                if bound:
                    raw.bound = bound
                    break


_DURATION_UNITS = {"year", "month", "week", "day", "hour", "minute", "second"}
# "hand over 157 prisoners", "took over 3 towns": "over" is a particle of the verb.
_PARTICLE_OVER = re.compile(r"\b(?:hand\w*|turn\w*|tak\w*|took|giv\w*|gave|pass\w*|look\w*|won|win\w*|fought)\s+over\s*$", re.IGNORECASE)


def _false_bound(phrase: str, before: str, raw: Raw) -> bool:
    """Whether a bound word before a figure is something else here."""
    word = phrase.strip().lower()
    if word.endswith("over") and (_PARTICLE_OVER.search(before) or raw.unit in _DURATION_UNITS):
        return True  # "hand over 157", "over four years" (a period)
    if word in ("under", "below") and raw.unit == "count":
        return True  # "under five blankets": a place, not a bound
    return False


def conversions(text: str, figures: list[Raw]) -> None:
    """A figure in brackets right after another is the same amount in another unit
    ("about 1,200km (745 miles)", "more than $4.3bn [€3.66bn]"): it takes its bound."""
    for first, second in zip(figures, figures[1:]):
        gap = text[(first.unit_end or first.end) : second.start]
        if re.fullmatch(r"\s*[(\[]\s*", gap) and second.bound == "exact" and not second.fixed_bound:
            second.bound = first.bound


_RANGE_JOIN = re.compile(rf"^{S}*(?:[-–—]|to|à|and|et|or|ou|through|jusqu['’]à)?{S}*$", re.IGNORECASE)
# A verb of change, then "from"/"de" just before the first figure: "from X to Y" is a change.
_CHANGE = re.compile(
    r"\b(?:pass\w*|augment\w*|baiss\w*|grimp\w*|chut\w*|recul\w*|progress\w*|bondi\w*|rose|rise[sn]?|rising|fell|fall\w*|"
    r"increas\w*|decreas\w*|grow\w*|grew|climb\w*|drop\w*|jump\w*|surg\w*|declin\w*|cut\w*|rais\w*|lower\w*|"
    r"boost\w*|went|gone|going|moved?|shr[aiu]nk\w*|revis\w*)\b[^.;:]{0,40}\b(?:from|de|d['’]|du)\s*$",
    re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:between|entre|from)\s*$", re.IGNORECASE)


def ranges(text: str, figures: list[Raw]) -> None:
    """"between 300 and 500", "20-25%", "2–4 km": at_least the first, at_most the second."""
    for first, second in zip(figures, figures[1:]):
        gap = text[first.end : second.start]
        if second.kind != first.kind and {first.kind, second.kind} - {"digits", "word"}:
            continue
        if not _RANGE_JOIN.match(gap) or not gap.strip() and not gap:
            continue
        if first.factor == 1 and second.factor > 1 and first.kind == "digits" and first.value < 1000 and gap.strip():
            # "between 4.2 and 5.8 million", "1,2 à 1,5 million": the second's magnitude
            first.value *= second.factor
            first.factor = second.factor
            if first.unit == "count":
                first.unit = second.unit
        word = gap.strip().lower()
        if word in ("and", "et", "or", "ou") and first.unit == "count" and not first.unit_end and second.unit != "count":
            first.unit = second.unit  # "de 25 et 28 ans", "3 or 4 km": the unit is shared
        if word in ("and", "et", "or", "ou") and not (
            _RANGE_OPEN.search(text[max(0, first.start - 12) : first.start]) or word in ("or", "ou")):
            continue
        if word in ("à", "to") and first.unit != "count" and first.unit != second.unit and first.unit_end:
            continue
        if first.unit != "count" and second.unit != "count" and first.unit != second.unit:
            continue  # "£3 or USD 100": two ways to say an amount, not a range
        if word in ("à", "to", "jusqu'à", "jusqu’à") and _CHANGE.search(text[max(0, first.start - 60) : first.start]):
            continue  # "passera de 47,2 à 50,5 milliards", "rose from 2% to 3%": a change
        if word == "" and gap:  # two numbers side by side: not a range
            continue
        if first.unit == "count" and second.unit != "count":
            first.unit = second.unit
        elif second.unit == "count" and first.unit == "year" and not second.unit_end:
            second.unit = first.unit  # "aged 18 to 25"
        first.bound, second.bound = "at_least", "at_most"
        first.fixed_bound = second.fixed_bound = True


# "two casualties for every soldier lost", "trois pour chaque": a ratio to one of another thing.
_FOR_EVERY = re.compile(r"(?:\s+[^\W\d]+){0,3}?\s+(?:for every|for each|pour chaque)\b", re.IGNORECASE)


def ratios(text: str, figures: list[Raw]) -> None:
    """A count "for every" one of something is a ratio; so is the low end of its range."""
    for index, raw in enumerate(figures):
        if raw.unit != "count" or not _FOR_EVERY.match(text, raw.end):
            continue
        raw.unit = "ratio"
        low = figures[index - 1] if index else None
        if low is not None and low.bound == "at_least" and raw.bound == "at_most" and low.unit == "count":
            low.unit = "ratio"


_RATE_BEFORE = [
    (re.compile(r"\b(?:annual|yearly|annuel(?:le)?s?)\b[^.,;:!?()]{0,40}$", re.IGNORECASE), "year"),
    (re.compile(r"\b(?:daily|quotidien(?:ne)?s?)\b[^.,;:!?()]{0,40}$", re.IGNORECASE), "day"),
    (re.compile(r"\b(?:monthly|mensuel(?:le)?s?)\b[^.,;:!?()]{0,40}$", re.IGNORECASE), "month"),
    (re.compile(r"\b(?:weekly|hebdomadaires?)\b[^.,;:!?()]{0,40}$", re.IGNORECASE), "week"),
    (re.compile(r"\b(?:chaque jour|every day|each day|par jour|tous les jours)\b[^.;:!?()]{0,80}$", re.IGNORECASE), "day"),
    (re.compile(r"\b(?:chaque année|every year|each year|par an|tous les ans)\b[^.;:!?()]{0,80}$", re.IGNORECASE), "year"),
    (re.compile(r"\b(?:chaque mois|every month|each month|par mois|tous les mois)\b[^.;:!?()]{0,80}$", re.IGNORECASE), "month"),
]


def rates(text: str, figures: list[Raw]) -> None:
    """A figure followed by "a day", "par jour", "per year": unit over the time unit."""
    previous = None
    for raw in figures:
        if raw.unit in ("percent", "ratio", "percentage point", "km/h", "mph") or "/" in raw.unit:
            previous = raw
            continue
        # "140 000 dollars (127 000 euros)": a conversion in brackets has the rate of its figure.
        if previous is not None and "/" in previous.unit and re.fullmatch(r"\s*\(\s*", text[previous.unit_end or previous.end : raw.start]):
            raw.unit = f"{raw.unit}/{previous.unit.split('/')[1]}"
            previous = raw
            continue
        previous = raw
        before = text[max(0, raw.start - 120) : raw.start]
        per = next((p for pattern, p in _RATE_BEFORE if pattern.search(before)), None)
        if per and raw.unit in ("count", "USD", "EUR", "GBP", "RUB", "UAH", "m3", "tonne", "barrel", "hour"):
            raw.unit = f"{raw.unit}/{per}"
            continue
        tail_start = raw.unit_end or raw.end
        tail = text[tail_start : tail_start + 60]
        # Up to four words of noun phrase between the unit and the rate ("30 drones a day").
        for skip in _noun_skips(tail):
            per = next((p for pattern, p in _RATES if pattern.match(tail, skip)), None)
            if per:
                raw.unit = f"{raw.unit}/{per}"
                break


def _noun_skips(tail: str) -> list[int]:
    """Offsets in `tail` after 0 to 3 words, stopping at punctuation or a verb-like break."""
    skips = [0]
    # A bracketed insertion counts as one word: "three million [first-person view] drones a year".
    for found in re.finditer(r"\s*(?:\[[^\]]{1,40}\]|(?:de |d['’]|of )?[^\W\d]+)", tail):
        if found.start() != skips[-1]:
            break
        skips.append(found.end())
        if len(skips) > 4:
            break
    return skips
