"""Raw numbers: digits in national formats, number words, vague amounts, fractions, multiples."""
from __future__ import annotations

import re
from functools import lru_cache

from text_to_num import text2num

from .common import S, Raw

# Digits: grouped thousands ("140 000" with any space, "1,400,000", "1.400.000") or plain
# ("48", "1,4", "4.5"), never glued to a letter or a digit before ("T-90" is handled later).
_DIGITS = re.compile(
    rf"(?<![\w.,:])(?:\d{{1,3}}(?:(?:{S}\d{{3}}(?!\d))+|(?:,\d{{3}}(?!\d))+|(?:\.\d{{3}}(?!\d)){{2,}})(?:[.,]\d+)?"
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
        (r"(?<=for )a (?:day|week|month|year)|(?<=within )a (?:day|week|month|year)", 1, "exact"),
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
FACTOR = re.compile(r"(?:facteur|factor of)\s+(?:de\s+)?$", re.IGNORECASE)


def candidates(text: str, lang: str) -> list[Raw]:
    """Every number-like span of `text`, without overlaps, in text order."""
    lang_key = lang if lang in _VAGUE else "en"
    if not _may_hold_a_number(text, lang, lang_key):
        return []  # most sentences of an article: one scan instead of forty
    raws = _digit_numbers(text, lang) + _multiples(text, lang_key) + _vague(text, lang_key)
    raws += _fractions(text, lang_key) + _word_numbers(text, lang)
    return _without_overlaps(raws)


def _may_hold_a_number(text: str, lang: str, lang_key: str) -> bool:
    """False when `text` has no digit, no number word and no word of the vague, fraction
    and multiple tables: then it holds no figure."""
    if _ANY_DIGIT.search(text):
        return True
    lowered = text.lower()
    if any(stem in lowered for stem in _keywords(lang_key)):
        return True
    if lang not in ("fr", "en"):
        return False
    return any(_is_number_word(word.split("-")[0], lang) for word in map(str.lower, _WORD_RE_FINDALL(text))
               if word not in _DETERMINERS)


_WORD_RE_FINDALL = re.compile(r"[^\W\d_]+(?:[-‑][^\W\d_]+)*").findall
# "un drone", "one of them": alone, these are no figure (and they are in most sentences).
_DETERMINERS = {"un", "une", "et", "and"}


_ANY_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=8)
def _keywords(lang: str) -> tuple[str, ...]:
    """The words of the vague, fraction and multiple tables, as plain substrings: a
    substring test is far cheaper than running the tables' expressions on every sentence."""
    patterns = [p for p, *_ in _VAGUE[lang]] + [p for p, _ in _FRACTIONS[lang]]
    patterns += [p for p, _ in _MULTIPLE_WORDS[lang]] + [_FOLD.pattern]
    words = {w.lower() for w in re.findall(r"[^\W\d_]{4,}", " ".join(patterns))}
    return tuple(sorted(words - _NOT_KEYWORDS))


# Words of the tables that are no figure on their own (the number words are tested apart).
_NOT_KEYWORDS = {"plusieurs", "quelques", "several", "will", "would", "within", "ement", "erait"}


def parse_digits(token: str, lang: str) -> float:
    """The value of a digit string in the conventions of `lang`.

    >>> parse_digits("140 000", "fr"), parse_digits("1,4", "fr"), parse_digits("1,400", "en")
    (140000.0, 1.4, 1400.0)
    """
    s = re.sub(S, "", token)
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


def _digit_numbers(text: str, lang: str) -> list[Raw]:
    out = []
    for found in _DIGITS.finditer(text):
        out.append(Raw(found.start(), found.end(), parse_digits(found.group(), lang), "digits"))
    return out


def _word_numbers(text: str, lang: str) -> list[Raw]:
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
                out.append(Raw(words[i].start(), words[i].start() + length, float(value), "word"))
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
        out.append(Raw(words[i].start(), words[j].end(), float(value), "word", factor=factor))
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


def _vague(text: str, lang: str) -> list[Raw]:
    out = []
    table = _VAGUE[lang]
    for index, found in _scan(tuple(p for p, *_ in table), text):
        _pattern, value, bound = table[index]
        phrase = found.group()
        start = found.start()
        if value is None:  # "a hundred", "a million": the word carries the value
            head = phrase.split()[-1].lower()
            value = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9}[head]
            out.append(Raw(start, found.end(), float(value), "vague", bound=bound, fixed_bound=False))
            continue
        # Quote the head word(s) ("milliers"), as written, not the determiner.
        head = re.match(r"(?:des|plusieurs|quelques|une|un|several|a few)\s+", phrase, re.IGNORECASE)
        if head and lang == "fr":
            start += head.end()
        unit = phrase.split()[-1].lower() if re.fullmatch(r"a (?:day|week|month|year)", phrase, re.IGNORECASE) else "count"
        out.append(Raw(start, found.end(), float(value), "vague", unit=unit, bound=bound, fixed_bound=True))
    return out


def _fractions(text: str, lang: str) -> list[Raw]:
    out = []
    table = _FRACTIONS[lang]
    for index, found in _scan(tuple(p for p, _ in table), text):
        value = table[index][1]
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
        out.append(Raw(found.start(), found.end(), round(value, 2), "fraction", unit="percent"))
    return out


def _multiples(text: str, lang: str) -> list[Raw]:
    out = []
    for found in _FOLD.finditer(text):
        word = found.group(1)
        try:
            value = float(word) if word.isdigit() else float(text2num(word.lower(), "en"))
        except ValueError:
            continue
        out.append(Raw(found.start(), found.end(), value, "multiple", unit="ratio"))
    for found in _TIMES_SIGN.finditer(text):
        out.append(Raw(found.start(), found.end(), parse_digits(found.group(1), lang), "multiple", unit="ratio"))
    table = _MULTIPLE_WORDS[lang]
    for index, found in _scan(tuple(p for p, _ in table), text):
        out.append(Raw(found.start(), found.end(), float(table[index][1]), "multiple", unit="ratio"))
    return out


def _scan(patterns: tuple[str, ...], text: str):
    """(row, match) for each whole-word match of a table's patterns, in one pass; at one
    place, the earlier row wins (tables list longer phrases first)."""
    for found in _table_regex(patterns).finditer(text):
        yield int(found.lastgroup[2:]), found


@lru_cache(maxsize=16)
def _table_regex(patterns: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(f"(?P<_t{i}>{p})" for i, p in enumerate(patterns))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _without_overlaps(raws: list[Raw]) -> list[Raw]:
    """Keep the longest of overlapping candidates; earlier passes win ties."""
    order = sorted(range(len(raws)), key=lambda i: (-(raws[i].end - raws[i].start), i))
    taken: list[Raw] = []
    for i in order:
        raw = raws[i]
        if all(raw.end <= t.start or raw.start >= t.end for t in taken):
            taken.append(raw)
    return sorted(taken, key=lambda r: r.start)
