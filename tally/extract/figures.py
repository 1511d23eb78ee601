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
4. bound from the words around it, ranges ("between 300 and 500", "20-25%"), rates ("a day").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from text_to_num import text2num

from . import units as U
from .mention import Figure

NAME = "figures.v1"
_SPACE = " \u00a0\u202f\u2009"
_S = f"[{_SPACE}]"

# 1. Raw numbers ----------------------------------------------------------------------

# Digits: grouped thousands ("140 000" with any space, "1,400,000", "1.400.000") or plain
# ("48", "1,4", "4.5"), never glued to a letter or a digit before ("T-90" is handled later).
_DIGITS = re.compile(
    rf"(?<![\w.,:])(?:\d{{1,3}}(?:(?:{_S}\d{{3}}(?!\d))+|(?:,\d{{3}}(?!\d))+|(?:\.\d{{3}}(?!\d)){{2,}})(?:[.,]\d+)?"
    rf"|\d+(?:[.,]\d+)?)"
)
_WORD = re.compile(r"[^\W\d_]+(?:[-‑][^\W\d_]+)*", re.UNICODE)

# Vague amounts, by language: (pattern, value, bound).
_VAGUE = {
    "en": [
        (r"(?:hundreds|several hundred) of thousands", 1e5, "at_least"),
        (r"tens of thousands", 1e4, "at_least"),
        (r"(?:hundreds|several hundred) of millions", 1e8, "at_least"),
        (r"tens of millions", 1e7, "at_least"),
        (r"several hundred thousand", 1e5, "at_least"),
        (r"several thousand", 1e3, "at_least"),
        (r"several hundred", 1e2, "at_least"),
        (r"several million|multiple millions", 1e6, "at_least"),
        (r"(?:a few|several) dozen", 12, "at_least"),
        (r"dozens", 12, "at_least"),
        (r"hundreds", 100, "at_least"),
        (r"thousands", 1000, "at_least"),
        (r"millions", 1e6, "at_least"),
        (r"billions", 1e9, "at_least"),
        (r"(?:a|one) dozen", 12, "exact"),
        (r"half a million|a half[- ]million|half-a-million", 5e5, "exact"),
        (r"scores", 20, "at_least"),
        (r"a (?:hundred|thousand|million|billion)", None, "exact"),
        (r"(?:a couple of|a couple)", 2, "approx"),
    ],
    "fr": [
        (r"(?:des|plusieurs) dizaines de milliers", 1e4, "at_least"),
        (r"(?:des|plusieurs) centaines de milliers", 1e5, "at_least"),
        (r"(?:des|plusieurs) dizaines de millions|dizaines de millions", 1e7, "at_least"),
        (r"(?:des|plusieurs) centaines de millions|centaines de millions", 1e8, "at_least"),
        (r"(?:des|plusieurs) dizaines de milliards|dizaines de milliards", 1e10, "at_least"),
        (r"(?:des|plusieurs|quelques) (?:dizaines)", 10, "at_least"),
        (r"un demi-million|un demi million", 5e5, "exact"),
        (r"(?:des|plusieurs|quelques) centaines", 100, "at_least"),
        (r"(?:des|plusieurs|quelques) milliers", 1000, "at_least"),
        (r"(?:des|plusieurs|quelques) millions|millions", 1e6, "at_least"),
        (r"(?:des|plusieurs|quelques) milliards|milliards", 1e9, "at_least"),
        (r"une dizaine", 10, "approx"),
        (r"une douzaine", 12, "approx"),
        (r"une quinzaine", 15, "approx"),
        (r"une vingtaine", 20, "approx"),
        (r"une trentaine", 30, "approx"),
        (r"une quarantaine", 40, "approx"),
        (r"une cinquantaine", 50, "approx"),
        (r"une soixantaine", 60, "approx"),
        (r"une centaine", 100, "approx"),
        (r"un millier", 1000, "approx"),
        (r"milliers", 1000, "at_least"),
        (r"centaines", 100, "at_least"),
        (r"dizaine", 10, "approx"),
        (r"vingtaine", 20, "approx"),
        (r"trentaine", 30, "approx"),
        (r"quarantaine", 40, "approx"),
        (r"cinquantaine", 50, "approx"),
        (r"centaine", 100, "approx"),
    ],
}
# Where the quote of a vague amount starts: its head word, as the gold writes it.
_VAGUE_HEAD = re.compile(
    r"(dizaines de millions|centaines de millions|dizaines de milliards|dizaines de milliers|centaines de milliers|"
    r"dizaines|centaines|milliers|millions|milliards|dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|"
    r"cinquantaine|soixantaine|centaine|millier)$|^(?:des|plusieurs|quelques|une|un) ",
    re.IGNORECASE,
)

_FRACTIONS = {
    "en": [
        (r"(?:a|one)[- ]half|half", 50.0),
        (r"(?:a|one)[- ]third", 100 / 3),
        (r"two[- ]thirds", 200 / 3),
        (r"(?:a|one)[- ]quarter", 25.0),
        (r"three[- ]quarters", 75.0),
        (r"(?:a|one)[- ]fifth", 20.0),
        (r"two[- ]fifths", 40.0),
        (r"three[- ]fifths", 60.0),
        (r"four[- ]fifths", 80.0),
        (r"(?:a|one)[- ]tenth", 10.0),
        (r"(?P<num>one|two|three|four|five|six|seven|eight|nine) (?:in|out of) (?P<den>two|three|four|five|six|seven|eight|nine|ten)", None),
    ],
    "fr": [
        (r"(?:la |une )?moitié", 50.0),
        (r"un tiers", 100 / 3),
        (r"deux tiers", 200 / 3),
        (r"un quart", 25.0),
        (r"trois quarts", 75.0),
        (r"un cinquième", 20.0),
        (r"un dixième", 10.0),
        (r"(?P<num>un|deux|trois|quatre|cinq|six|sept|huit|neuf) (?:sur) (?P<den>deux|trois|quatre|cinq|six|sept|huit|neuf|dix)", None),
    ],
}
# "la moitié de la population" is a claim; "la seconde moitié de 2024" is a date.
_HALF_OF_TIME = re.compile(r"\s*(?:of|de|du|des)\s+(?:the\s+|l['’]|la\s+|le\s+|last\s+|next\s+|this\s+|that\s+)?(?:\d{4}|year|month|week|décennie|année|mois|semaine|siècle|century|decade|journée|day)", re.IGNORECASE)

_MULTIPLE_WORDS = {
    "en": [(r"doubl(?:ed|ing|es)|to double|will double|would double", 2), (r"tripl(?:ed|ing|es)|to triple", 3),
           (r"quadrupl(?:ed|ing|es)|to quadruple", 4)],
    "fr": [(r"doubl(?:é|ée|és|ées|er|ement|era|erait|ait)|a doublé", 2), (r"tripl(?:é|ée|és|er|ement|era)", 3),
           (r"quadrupl(?:é|ée|és|er|ement|era)", 4)],
}
_FOLD = re.compile(r"\b([a-z]+|\d+)[-‑]?fold\b", re.IGNORECASE)
_TIMES_SIGN = re.compile(r"(?<![\w])[x×]\s?(\d+(?:[.,]\d+)?)(?![\w])")
_FACTOR = re.compile(r"(?:facteur|factor of)\s+(?:de\s+)?$", re.IGNORECASE)


@dataclass
class _Raw:
    start: int
    end: int
    value: float
    kind: str  # digits | word | vague | fraction | multiple
    unit: str = "count"
    bound: str = "exact"
    unit_end: int | None = None
    fixed_bound: bool = False
    factor: float = 1.0  # the magnitude word's multiplier ("million": 1e6)
    frame: bool = False  # a duration that may only frame another figure


def find(text: str, lang: str, offset: int = 0) -> list[Figure]:
    """The figures of one sentence, in text order, offsets shifted by `offset`."""
    lang_key = lang if lang in _VAGUE else "en"
    raws = _digit_numbers(text, lang) + _multiples(text, lang_key) + _vague(text, lang_key)
    raws += _fractions(text, lang_key) + _word_numbers(text, lang)
    raws = _without_overlaps(raws)
    figures: list[_Raw] = []
    for raw in raws:
        if figures and raw.start < (figures[-1].unit_end or figures[-1].end):
            continue  # inside the previous figure's magnitude or unit ("30 pour cent")
        raw = _attach(text, raw, lang)
        if raw is None or _not_a_claim(text, raw, lang):
            continue
        figures.append(raw)
    # "chuté de 14 points ... de 50% à 36%": points beside percentages are percentage points.
    if any(r.unit == "percent" for r in figures):
        for r in figures:
            if r.unit == "count" and re.match(r"\s?points?\b", text[r.end :]):
                r.unit = "percentage point"
                r.unit_end = r.end + re.match(r"\s?points?\b", text[r.end :]).end()
    # A duration that only frames another figure of the sentence ("in the past 24 hours",
    # "en un an") is that figure's period, not a claim of its own.
    if any(not r.frame for r in figures):
        figures = [r for r in figures if not r.frame]
    _bounds(text, figures)
    _ranges(text, figures)
    _rates(text, figures)
    return [
        Figure(offset + r.start, offset + r.end, text[r.start : r.end], r.value, r.unit, r.bound,
               r.kind, None if r.unit_end is None else offset + r.unit_end)
        for r in figures
    ]


def parse_digits(token: str, lang: str) -> float:
    """The value of a digit string in the conventions of `lang`.

    >>> parse_digits("140 000", "fr"), parse_digits("1,4", "fr"), parse_digits("1,400", "en")
    (140000.0, 1.4, 1400.0)
    """
    s = re.sub(_S, "", token)
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        thousands = "." if decimal == "," else ","
        return float(s.replace(thousands, "").replace(decimal, "."))
    if "," in s:
        groups = s.split(",")
        thousands = len(groups) > 2 or (lang != "fr" and len(groups[-1]) == 3)
        return float(s.replace(",", "")) if thousands else float(s.replace(",", "."))
    if "." in s:
        groups = s.split(".")
        thousands = len(groups) > 2 or (lang == "fr" and len(groups[-1]) == 3 and len(groups[0]) <= 3)
        return float(s.replace(".", "")) if thousands else float(s)
    return float(s)


def _digit_numbers(text: str, lang: str) -> list[_Raw]:
    out = []
    for found in _DIGITS.finditer(text):
        token = found.group()
        # "2023 140 000": a year is never the first group of a grouped number.
        if re.fullmatch(rf"(19|20)\d\d{_S}\d{{3}}(?:{_S}\d{{3}})*", token) and not re.fullmatch(rf"\d{{1,3}}(?:{_S}\d{{3}})+", token[:3] + token[4:]):
            pass
        out.append(_Raw(found.start(), found.end(), parse_digits(token, lang), "digits"))
    return out


def _word_numbers(text: str, lang: str) -> list[_Raw]:
    """Number words ("trente-six", "Huit", "two hundred") through text2num, longest run first."""
    if lang not in ("fr", "en"):
        return []
    words = list(_WORD.finditer(text))
    usable = [_is_number_word(w.group().lower(), lang) for w in words]
    out, i = [], 0
    while i < len(words):
        if not usable[i]:
            prefix = _hyphen_prefix(words[i].group(), lang) if "-" in words[i].group() else None
            if prefix:
                length, value = prefix
                out.append(_Raw(words[i].start(), words[i].start() + length, float(value), "word"))
            i += 1
            continue
        # The run of number words that starts here, joined by spaces or hyphens only.
        last = i
        while (last + 1 < len(words) and last - i < 6 and usable[last + 1]
               and _JOIN.fullmatch(text[words[last].end() : words[last + 1].start()])):
            last += 1
        best = None
        for j in range(last, i - 1, -1):
            phrase = text[words[i].start() : words[j].end()]
            if not _plausible_words(phrase, lang):
                continue
            value = _text2num(phrase.lower(), lang)
            if value is not None:
                best = (j, value)
                break
        if best is None:
            i += 1
            continue
        j, value = best
        last_word = words[j].group().lower().rstrip("s")
        factor = {"million": 1e6, "milliard": 1e9, "billion": 1e9, "mille": 1e3, "thousand": 1e3}.get(last_word, 1.0)
        out.append(_Raw(words[i].start(), words[j].end(), float(value), "word", factor=factor))
        i = j + 1
    return out


_JOIN = re.compile(r"[\s\-‑]+")


@lru_cache(maxsize=65536)
def _text2num(phrase: str, lang: str) -> float | None:
    try:
        return float(text2num(phrase, lang))
    except ValueError:
        return None


@lru_cache(maxsize=65536)
def _is_number_word(word: str, lang: str) -> bool:
    """Whether a word can be part of a number written in words ("vingt", "et", "hundred")."""
    return word in ("et", "and") or _text2num(word, lang) is not None


def _hyphen_prefix(word: str, lang: str) -> tuple[int, int] | None:
    """("four-year" -> (4, 4)): the number at the start of a hyphenated compound word."""
    parts = re.split(r"[-‑]", word)
    for k in range(len(parts) - 1, 0, -1):
        phrase = "-".join(parts[:k])
        if not _plausible_words(phrase, lang):
            continue
        value = _text2num(phrase.lower(), lang)
        if value is not None:
            return len(phrase), value
    return None


# Words text2num reads as numbers that are mostly something else here.
_NOT_NUMBER_WORDS = {"fr": {"neuf"}, "en": {"zero", "ones", "nil"}}
_LONE_MAGNITUDES = {"million", "millions", "milliard", "milliards", "billion", "billions",
                    "thousand", "hundred", "trillion"}


def _plausible_words(phrase: str, lang: str) -> bool:
    lowered = phrase.lower()
    if lowered in _NOT_NUMBER_WORDS.get(lang, set()) or lowered in _LONE_MAGNITUDES:
        return False
    # "et"/"and" only inside a number ("vingt et un"), never at its edges.
    parts = lowered.split()
    return parts[0] not in ("et", "and") and parts[-1] not in ("et", "and")


def _vague(text: str, lang: str) -> list[_Raw]:
    out = []
    for pattern, value, bound in _VAGUE[lang]:
        for found in _compiled(pattern).finditer(text):
            phrase = found.group()
            start = found.start()
            if value is None:  # "a hundred", "a million": the word carries the value
                head = phrase.split()[-1].lower()
                value = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}[head]
                out.append(_Raw(start, found.end(), float(value), "vague", bound=bound, fixed_bound=False))
                value = None
                continue
            # Quote the head word(s) ("milliers"), as written, not the determiner.
            head = re.match(r"(?:des|plusieurs|quelques|une|un|several|a few)\s+", phrase, re.IGNORECASE)
            if head and lang == "fr":
                start += head.end()
            out.append(_Raw(start, found.end(), float(value), "vague", bound=bound, fixed_bound=True))
    return out


def _fractions(text: str, lang: str) -> list[_Raw]:
    out = []
    for pattern, value in _FRACTIONS[lang]:
        for found in _compiled(pattern).finditer(text):
            if _HALF_OF_TIME.match(text, found.end()):
                continue
            before = text[: found.start()]
            if re.search(r"(?:-and-|\band |\bet |first |second |premièr?e? |seconde? |deuxième )$", before, re.IGNORECASE):
                continue  # "two-and-a-half", "the second half"
            singular = re.fullmatch(r"(?:a|one)[- ](?:third|quarter|fifth|tenth)|half", found.group(), re.IGNORECASE)
            if singular and not (
                re.match(r"\s+(?:of|the)\b", text[found.end():], re.IGNORECASE)
                or re.search(r"\b(?:by|nearly|about|almost|roughly|around|over|than|some|just|only)\s+$", before, re.IGNORECASE)
                or (found.group()[0] == "H" and not before.strip())):
                continue  # "a fifth year" is an ordinal; "a fifth of" a share
            if value is None:
                try:
                    num = text2num(found.group("num").lower(), lang)
                    den = text2num(found.group("den").lower(), lang)
                except ValueError:
                    continue
                value = 100.0 * num / den
                out.append(_Raw(found.start(), found.end(), round(value, 2), "fraction", unit="percent"))
                value = None
                continue
            out.append(_Raw(found.start(), found.end(), round(value, 2), "fraction", unit="percent"))
    return out


def _multiples(text: str, lang: str) -> list[_Raw]:
    out = []
    for found in _FOLD.finditer(text):
        word = found.group(1)
        try:
            value = float(word) if word.isdigit() else float(text2num(word.lower(), "en"))
        except ValueError:
            continue
        out.append(_Raw(found.start(), found.end(), value, "multiple", unit="ratio"))
    for found in _TIMES_SIGN.finditer(text):
        out.append(_Raw(found.start(), found.end(), parse_digits(found.group(1), lang), "multiple", unit="ratio"))
    for pattern, value in _MULTIPLE_WORDS[lang]:
        for found in _compiled(pattern).finditer(text):
            out.append(_Raw(found.start(), found.end(), float(value), "multiple", unit="ratio"))
    return out


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern:
    """A table pattern as a whole-word, case-insensitive expression (compiled once)."""
    return re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)


def _without_overlaps(raws: list[_Raw]) -> list[_Raw]:
    """Keep the longest of overlapping candidates; earlier passes win ties."""
    order = sorted(range(len(raws)), key=lambda i: (-(raws[i].end - raws[i].start), i))
    taken: list[_Raw] = []
    for i in order:
        raw = raws[i]
        if all(raw.end <= t.start or raw.start >= t.end for t in taken):
            taken.append(raw)
    return sorted(taken, key=lambda r: r.start)


# 2. What follows the number ------------------------------------------------------------

_MAGNITUDES = U.compile_after(U.MAGNITUDES)
_GLUED_MONEY = re.compile(rf"{_S}?(Mds?|Mrds?|Md|M|k|K|bn)\s?([€$£])")
_MILLION_SHORT = re.compile(r"m\s+(?:[A-Z]{2,5}\s+|[a-z]+\s+)?[a-z]+s\b")
_MONEY_MAGNITUDES = [(re.compile(p + r"(?![\w])", re.IGNORECASE), v) for p, v in U.MONEY_MAGNITUDES]
_CURRENCY_AFTER = U.compile_after(U.CURRENCY_AFTER)
_PERCENT = re.compile(rf"{_S}?(?:{U.PERCENT_AFTER})", re.IGNORECASE)
_POINTS = re.compile(rf"{_S}?(?:{U.POINTS_AFTER})", re.IGNORECASE)
_MEASURES = [(re.compile(rf"{_S}?[-‑]?(?:{p})", re.IGNORECASE), v) for p, v in U.MEASURES]
_DURATIONS = [(re.compile(rf"{_S}?[-‑]?(?:{p})", re.IGNORECASE), v) for p, v in U.DURATIONS]
_CURRENCY_BEFORE = [(re.compile(rf"(?:{p}){_S}?$"), v) for p, v in U.CURRENCY_BEFORE]
_TIMES_AFTER = re.compile(rf"{_S}?(?:fois|times)\b", re.IGNORECASE)
_COMPARATIVE = re.compile(
    r"\s*(?:more|less|fewer|larger|bigger|higher|greater|faster|cheaper|smaller|lower|as\b|the\b|that\b|what\b|"
    r"plus|moins|supérieure?s?|inférieure?s?|autant|davantage|le\b|la\b|les\b|celui|celle|ce\b|over\b|in\b|en\b)",
    re.IGNORECASE)
_MULTIPLY_BEFORE = re.compile(r"(?:multipli\w*|increased?|grown|grew|rose|risen|augment\w*|accru\w*|croît|crû)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
_MAGNITUDE_OF = re.compile(r"\s+(?:de|d['’]|of)\s*$", re.IGNORECASE)


def _attach(text: str, raw: _Raw, lang: str) -> _Raw | None:
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
    if _FACTOR.search(text[max(0, raw.start - 25) : raw.start]) and re.search(r"\s$", text[: raw.start]):
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
    # "(dizaines de) millions de dollars": the magnitude word can be followed by "de/of".
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
            if found and not text[found.end():found.end() + 1].isalnum():
                if unit in ("celsius", "fahrenheit"):
                    minus = re.search(r"(?:minus|moins)\s+$", text[: raw.start], re.IGNORECASE)
                    if minus:
                        return replace(raw, unit=unit, value=-raw.value, unit_end=found.end(),
                                       start=minus.start())
                if unit == "decade":
                    return replace(raw, unit="year", value=raw.value * 10, unit_end=found.end())
                # "a two-year loan of €90bn": a compound duration may frame another figure;
                # "56-year-old" is an age.
                compound = table is _DURATIONS and re.match(r"[-‑]", text[end:end + 1] or " ")
                frame = bool(compound) and not re.match(r"[-‑](?:olds?)\b", text[found.end():], re.IGNORECASE)
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


# 3. What is not a claim -----------------------------------------------------------------

_MONTH_NEAR = re.compile(rf"^[{_SPACE}]*(?:er\b|st\b|nd\b|rd\b|th\b)?[{_SPACE}]*(?:{U.MONTHS})\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b(?:{U.MONTHS})[{_SPACE}]*$", re.IGNORECASE)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th|e|er|ère|re|ème|eme|è|ᵉ|ᵉʳ|°)\b", re.IGNORECASE)
_TIME = re.compile(rf"^(?:[hH:]\d\d|{_S}?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|CET|heures? du (?:matin|soir)|h\b(?!\w)))", re.IGNORECASE)
_DESIGNATION_BEFORE = re.compile(r"(?:[A-Za-zА-Яа-я]+[-‑/]?|[A-Z][\w]*[-‑])$")
_DESIGNATION_HEADS = re.compile(
    r"\b(?:Stream|Article|article|Phase|phase|Resolution|résolution|Minsk|Section|section|Chapter|chapitre|"
    r"Level|niveau|page|Protocol|Unit|Block|réacteur|reactor|Tier|tome|volume|numéro|number|No\.|n°|N°|"
    r"Block|Mark|Mk|version|Version|Covid|COVID|type|Type|modèle|model|Model|Gen|génération|G|"
    r"Apollo|Flight|flight|vol|Route|route|Highway|autoroute|table|Table|tableau|Tableau|figure|Figure|chart|Chart|"
    r"graphique|annexe|Annex|annex|principe|principle|point|Point|paragraphe|paragraph|alinéa|step|étape|"
    r"Stage|stade|priority|priorité|Patriot|Iskander|Kinjal|Starlink|MiG)\s*$"
)
_OFFSET_AFTER = re.compile(
    r"^\s*(?:ago|later|earlier|before|after|plus tard|auparavant|plus tôt|après|avant|on\b|in a row|de suite|"
    r"after|since)\b", re.IGNORECASE)
_OFFSET_BEFORE = re.compile(r"(?:\bil y a|\bvoilà|\bvoici|\bwithin|\bdans|\bfor the (?:past|last|next)|\bin the (?:past|last|next|first|coming)|"
                            r"\bover the (?:past|last|next|first|coming)|\bduring the (?:past|last|next|first)|\bau cours des|\bau cours de|"
                            r"\bpendant les|\bdurant les|\bces|\bthese|\bthe (?:past|last|next|first)|\bles (?:premiers|premières|derniers|dernières|prochains|prochaines)|"
                            r"\bdepuis|\bsince|\bd['’]ici|\ben l['’]espace d['’]|\bin just|\bin only|\bwithin just|\bsur|\bà|\bat\b|\bper|\bpar)\s*(?:\w+\s+)?$",
                            re.IGNORECASE)
_FRAME_AFTER = re.compile(r"^\s*(?:dernières|derniers|prochaines|prochains|précédentes|précédents|suivantes|suivants|passées|passés)\b", re.IGNORECASE)
_YEAR_CONTEXT_AFTER = re.compile(
    rf"^(?:{_S}?(?:[-–/]{_S}?\d{{2,4}}\b|\)|,|\.|;|:|$|{_S}(?:and|et|to|à|or|ou|through|until|jusqu)\b|{_S}(?:[a-zàâçéèêëîïôûùüÿñæœ]+))|{_S}?$)",
    re.IGNORECASE)
_LIST_MARKER = re.compile(r"^\s*[\(\[]?$")


def _not_a_claim(text: str, raw: _Raw, lang: str) -> bool:
    before, after = text[: raw.start], text[raw.end :]
    token = text[raw.start : raw.end]
    if _DESIGNATION_HEADS.search(before[-20:]) and raw.kind in ("digits", "word"):
        return True
    if raw.kind == "digits":
        # Parts of an ISO date: "2024-09-15", "date 2024-09".
        if re.search(r"\d{4}[-/]$|\d{4}[-/]\d\d[-/]$", before) or re.match(r"^[-/]\d\d\b", after) and len(token) == 4:
            return True
        # Footnote markers glued to a closing quote or word: "pas »1.", "said.2"
        if re.search(r"[»”\"’)\]]$", before) and re.match(r"^(?:[.,;:\s]|$)", after) and raw.value < 100:
            return True
        # Date ranges: "du 28 au 30 juin", "23-24 July"
        if raw.value <= 31 and re.match(rf"^{_S}*(?:au|à|-|–|to|and|et){_S}*\d{{1,2}}(?:er)?{_S}+(?:{U.MONTHS})\b", after, re.IGNORECASE):
            return True
        # Glued to a letter or "T-", "Su-", "S": a model or name ("T-90", "S300", "G7").
        if _DESIGNATION_BEFORE.search(before[-12:]) and not re.search(r"[\s(\[\"“«'’]$", before[-1:] or " "):
            if not re.search(r"(?:US|\$|€|£|x|×|[₽₴])$", before):
                return True
        # Followed by "-" and a capital or digit: "9K720", "136-M", or a letter: "5G", "3D".
        if re.match(r"^[-‑]?[A-Z]{1,3}\b", after) and not re.match(r"^[-‑]?(?:GW|MW|km|kg|USD|EUR|UAH|RUB|GBP|GWh|C\b|F\b|K\b|M\b|BN\b)", after):
            return True
        if re.match(r"^[/]\d", after) or re.search(r"\d[/]$", before):  # 24/7, 1/2
            return True
        # Ordinals: "1er", "5th", "3e", "XXIe"
        if raw.unit == "count" and _ORDINAL_AFTER.match(after):
            return True
        # Times of day: "19h56", "10:30", "8 a.m."
        if _TIME.match(after) and raw.unit in ("count", "hour"):
            if not (raw.unit == "hour" and not re.match(r"^[hH:]\d\d", after) and not re.search(r"\bà\s*$", before)):
                return True
        # Calibres: "152 mm", "155mm" designate a kind of ammunition.
        if raw.unit == "mm":
            return True
        # Dates: "15 février", "February 24", "le 1er mars".
        if raw.unit == "count" and raw.value <= 31 and float(raw.value).is_integer():
            if _MONTH_NEAR.match(after) or _MONTH_BEFORE.search(before):
                return True
        # Years: 4 digits from 1800 to 2100 with no separator, unit or magnitude.
        if raw.unit == "count" and re.fullmatch(r"1[89]\d\d|20\d\d|2100", token):
            if _is_year(before, after):
                return True
        # List and footnote markers: "1." at the start of a line, "[2]".
        if re.fullmatch(r"\d{1,2}", token):
            if re.match(r"^[.)]\s", after) and _LIST_MARKER.match(before):
                return True
            if re.search(r"\[$", before) and re.match(r"^\]", after):
                return True
        # Inside a URL, an e-mail or a file name.
        if re.search(r"(?:https?://|www\.|@)\S*$", before):
            return True
    if raw.kind == "word":
        lowered = token.lower()
        if lowered in ("neuf", "neuve") and re.match(r"^\s*(?:[.,;:!?)]|$|et\b)", after):
            return True  # "un avion neuf"
        if raw.value == 1 and lowered in ("un", "une", "one"):
            return not _counts_one(before, after, lowered)
        # "les deux pays", "the two sides", "ces trois ensembles", "des deux côtés": they
        # refer back to things just named, or are idioms.
        if re.search(r"\b(?:les|the|des|both|aux|nos|vos|leurs|their)\s+$", before, re.IGNORECASE) and lowered in ("deux", "two"):
            return True
        if re.search(r"\b(?:ces|these|those|cettes?)\s+$", before, re.IGNORECASE):
            return True
    if raw.unit in ("year", "month", "week", "day", "hour", "minute", "second"):
        # Time offsets ("four years ago", "il y a trois mois") and windows that frame
        # another figure ("over the past five years", "au cours des dernières 24 heures").
        unit_after = text[raw.unit_end or raw.end :]
        if _OFFSET_AFTER.match(unit_after) or re.search(r"\bil y a\s*$", before[-12:]):
            return True
        if re.search(r"\b(?:the first|the last|the next|les premiers|les premières|les derniers|les dernières|les prochains|les prochaines)\s+$", before[-25:], re.IGNORECASE):
            return True
        if _FRAME_AFTER.match(unit_after) or _OFFSET_BEFORE.search(before[-40:]) or re.search(r"\b(?:en|in|over)\s*$", before[-6:]):
            raw.frame = True  # dropped later if the sentence holds another figure
    return False


def _counts_one(before: str, after: str, word: str) -> bool:
    """'one'/'un' is a figure only with a bound ("at least one") or opening a sentence
    about a count ("One person was injured"); otherwise it is a determiner or an idiom."""
    if re.search(r"\b(?:at least|more than|only|just|au moins|plus d['’]|seulement|moins d['’]|pas plus d['’]|exactly)\s*$", before, re.IGNORECASE):
        return not re.match(r"\s+(?:of|des|d['’]|de|génération|generation|fois|time|moment|partie|part|sorte|kind|day|jour)\b", after, re.IGNORECASE)
    return False


def _is_year(before: str, after: str) -> bool:
    """A bare 4-digit number is a year unless a bound or a plural count noun says otherwise.

    "plus de 2100 soldats", "4000 drones" are counts; "en 2018 une partie", "Russia's 2014
    annexation", "a 2021 detonation", "published on 15 April 2025" are years.
    """
    if re.search(r"(?:more than|plus de|au moins|at least|about|environ|some|près de|over|up to|jusqu['’]à|moins de|less than|nearly|quelque)\s*$", before, re.IGNORECASE):
        return False
    if re.search(r"\b(?:in|en|of|de|du|since|depuis|for|pour|from|by|until|till|au|année|year|l['’]an|fin|début|mid|mi|spring|summer|autumn|fall|winter|printemps|été|automne|hiver|noël|christmas|early|late|circa)\s*$|['’]s\s*$|[-–]\s*$", before, re.IGNORECASE):
        return True
    if re.search(rf"(?:{U.MONTHS})[{_SPACE}]*(?:\d{{1,2}}[{_SPACE}]*,?[{_SPACE}]*)?$", before, re.IGNORECASE):
        return True
    found = re.match(rf"^{_S}([a-zàâçéèêëîïôûùüÿñæœ]+)", after)
    if found and re.search(r"(?:s|x)$", found.group(1)) and found.group(1) not in _YEAR_FOLLOWERS:
        return False
    return True


_YEAR_FOLLOWERS = {
    "and", "et", "to", "à", "or", "ou", "through", "until", "jusqu", "the", "le", "la", "les", "a", "an",
    "in", "en", "on", "au", "aux", "by", "par", "de", "du", "des", "d", "when", "lorsque", "quand", "as",
    "comme", "with", "avec", "was", "were", "is", "est", "a", "ont", "have", "has", "had", "for", "pour",
    "that", "qui", "que", "which", "where", "où", "after", "après", "before", "avant", "since", "depuis",
    "election", "elections", "élection", "élections", "budget", "census", "recensement", "invasion",
    "war", "guerre", "levels", "level", "niveau", "niveaux", "figures", "chiffres", "data", "données",
    "report", "rapport", "plan", "plans", "target", "objectif", "but", "mais", "alone", "compared",
    "versus", "vs", "against", "contre", "onwards", "onward", "then", "puis", "while", "tandis", "while",
    "summit", "sommet", "agreement", "accord", "accords", "deal", "season", "saison", "edition", "édition",
    "olympics", "games", "jeux", "world", "coupe", "cup", "campaign", "campagne", "offensive", "counteroffensive",
    "contre-offensive", "crisis", "crise", "protests", "revolution", "révolution", "annexation", "annexion",
    "referendum", "référendum", "se", "s", "il", "elle", "ils", "elles", "they", "he", "she", "it", "we",
    "nous", "on", "l", "this", "ce", "cette", "these", "ces", "alors", "so", "thus", "ainsi", "marked",
    "saw", "vit", "brought", "will", "would", "could", "should", "may", "might", "can", "must",
    "sont", "étaient", "était", "fut", "furent", "sera", "seront", "avait", "avaient", "aura", "auront",
    "also", "aussi", "already", "déjà", "still", "encore", "only", "seulement", "just", "juste",
    "model", "modèle", "version", "prices", "prix", "values", "valeurs", "dollars", "euros",
}


# 4. Bounds, ranges and rates -------------------------------------------------------------

_BOUND_BEFORE = U.compile_before(U.BOUND_BEFORE)
_BOUND_AFTER = U.compile_after(U.BOUND_AFTER)


def _bounds(text: str, figures: list[_Raw]) -> None:
    for raw in figures:
        if raw.fixed_bound:
            before = text[max(0, raw.start - 40) : raw.start]
            if re.search(r"(?:plus de|more than|over|at least|au moins)\s*(?:des\s*)?$", before, re.IGNORECASE):
                raw.bound = "at_least"
            continue
        before = text[max(0, raw.start - 40) : raw.start]
        for pattern, bound in _BOUND_BEFORE:
            if pattern.search(before):
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


_RANGE_JOIN = re.compile(rf"^{_S}*(?:[-–—]|to|à|and|et|or|ou|through|jusqu['’]à)?{_S}*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?:between|entre|from|de|d['’]|du)\s*$", re.IGNORECASE)


def _ranges(text: str, figures: list[_Raw]) -> None:
    """"between 300 and 500", "20-25%", "2–4 km": at_least the first, at_most the second."""
    for first, second in zip(figures, figures[1:]):
        gap = text[first.end : second.start]
        if second.kind != first.kind and {first.kind, second.kind} - {"digits", "word"}:
            continue
        if not _RANGE_JOIN.match(gap) or not gap.strip() and not gap:
            continue
        if first.factor == 1 and second.factor > 1 and first.kind == "digits" and first.value < 1000 and gap.strip():
            first.value *= second.factor  # "4.2 and 5.8 million rounds"
            first.factor = second.factor
            if first.unit == "count":
                first.unit = second.unit
        word = gap.strip().lower()
        if word in ("and", "et", "or", "ou") and not (
            _RANGE_OPEN.search(text[max(0, first.start - 12) : first.start]) or word in ("or", "ou")):
            continue
        if word in ("à", "to") and first.unit != "count" and first.unit != second.unit and first.unit_end:
            continue
        if word == "" and gap:  # two numbers side by side: not a range
            continue
        if first.unit == "count" and second.unit != "count":
            first.unit = second.unit
        elif second.unit == "count" and first.unit == "year" and not second.unit_end:
            second.unit = first.unit  # "aged 18 to 25"
        if first.factor == 1 and second.factor > 1 and first.kind == "digits" and first.value < 1000:
            first.value *= second.factor  # "between 4.2 and 5.8 million"
            first.factor = second.factor
        if first.value > second.value and second.unit == first.unit and first.value / max(second.value, 1e-9) >= 1000:
            second.value *= first.value / first.value  # keep the second as written
        if first.value > second.value and first.unit == second.unit:
            # "1,2 à 1,5 million": the magnitude of the second applies to the first.
            pass
        first.bound, second.bound = "at_least", "at_most"
        first.fixed_bound = second.fixed_bound = True


_RATE_BEFORE = [
    (re.compile(r"\b(?:annual|yearly|annuel(?:le)?s?)\b[^.,;:!?()]{0,40}$", re.IGNORECASE), "year"),
    (re.compile(r"\b(?:daily|quotidien(?:ne)?s?)\b[^.,;:!?()]{0,40}$", re.IGNORECASE), "day"),
    (re.compile(r"\b(?:monthly|mensuel(?:le)?s?)\b[^.,;:!?()]{0,40}$", re.IGNORECASE), "month"),
    (re.compile(r"\b(?:weekly|hebdomadaires?)\b[^.,;:!?()]{0,40}$", re.IGNORECASE), "week"),
    (re.compile(r"\b(?:chaque jour|every day|each day|par jour|tous les jours)\b[^.;:!?()]{0,80}$", re.IGNORECASE), "day"),
    (re.compile(r"\b(?:chaque année|every year|each year|par an|tous les ans)\b[^.;:!?()]{0,80}$", re.IGNORECASE), "year"),
    (re.compile(r"\b(?:chaque mois|every month|each month|par mois|tous les mois)\b[^.;:!?()]{0,80}$", re.IGNORECASE), "month"),
]


def _rates(text: str, figures: list[_Raw]) -> None:
    """A figure followed by "a day", "par jour", "per year": unit over the time unit."""
    rates = U.compile_after(U.RATES)
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
        noun = re.match(r"(?:\s*(?:[^\W\d]+[-'’]?)){0,4}?", tail)
        for skip in _noun_skips(tail):
            for pattern, per in rates:
                if pattern.match(tail, skip):
                    base = raw.unit if raw.unit != "count" or raw.kind != "duration" else raw.unit
                    raw.unit = f"{base}/{per}"
                    break
            else:
                continue
            break
        del noun


def _noun_skips(tail: str) -> list[int]:
    """Offsets in `tail` after 0 to 3 words, stopping at punctuation or a verb-like break."""
    skips = [0]
    for found in re.finditer(r"\s*(?:de |d['’]|of )?[^\W\d]+", tail):
        if found.start() != skips[-1]:
            break
        skips.append(found.end())
        if len(skips) > 4:
            break
    return skips


# 5. Across sentences ------------------------------------------------------------------

_CURRENCIES = ("USD", "EUR", "GBP", "RUB", "UAH", "CNY")
# What may follow an amount that names no counted noun: punctuation, a preposition, a participle.
_BARE_AMOUNT_END = re.compile(
    r"\s*(?:[,.;:!?()\[\]»”\"]|$|(?:pour|for|à|to|en|in|dont|contre|against|from|sur|on|jusqu|soit|were|was|had|have|ont|sont|\w+(?:és|ées))\b)",
    re.IGNORECASE)


def inherit_currency(text: str, figures: list[Figure], window: int = 1500) -> None:
    """A bare amount in millions or billions ("2 milliards", "500 millions,") after an amount
    of money takes its currency: the article goes on talking about the same money.

    `figures` are the document's figures in text order, with absolute offsets in `text`.
    """
    last: Figure | None = None
    for fig in figures:
        base = fig.unit.split("/")[0]
        if base in _CURRENCIES:
            last = fig
            continue
        if fig.unit != "count" or fig.kind != "digits" or last is None or fig.start - last.end > window:
            continue
        if not re.search(r"(?:million|milliard|billion|bn|mds?)\w*$", fig.quote, re.IGNORECASE):
            continue
        if not _BARE_AMOUNT_END.match(text, fig.end):
            continue  # "2 millions de personnes", "3.7 million refugees" count something
        fig.unit = last.unit.split("/")[0]
