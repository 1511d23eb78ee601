"""Period of a figure: the ISO start and end of the time it refers to.

    assign(mention)  # "L'année dernière, ... 140 000 drones" in 2024 -> "2023", "2023"

1. find the time expressions of the figure's sentence, resolved against the publication
   date (`find`: French and English phrases; month and weekday names in any language
   babel knows);
2. pick the one that belongs to the figure: nearest, fewest clause boundaries between,
   not a year that dates something else ("lancé en 2018");
3. else a war total told in the perfect ("have lost": invasion .. publication), the period
   of the sentence before for a run of events, or the day the figure was stated;
4. else both ends stay None: a state at the time of writing.

Ages never get a period; rates ("30 a day") only one their own sentence gives.
"""
from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .mention import Mention

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

    @classmethod
    def parse(cls, published: str | None) -> Anchor | None:
        """Anchor of "2024-09-15" or "2024-09"; None when missing or unreadable."""
        match = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?", published or "")
        if not match:
            return None
        day = int(match.group(3)) if match.group(3) else None
        try:
            date(int(match.group(1)), int(match.group(2)), day or 1)
        except ValueError:
            log.warning("unreadable publication date %r", published)
            return None
        return cls(int(match.group(1)), int(match.group(2)), day)

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


@dataclass(frozen=True)
class Expr:
    """A time expression at [start, end) of a sentence, and the period it names.

    kind: time (a moment or span), since (open span up to now), by (a deadline),
    over ("over two years": the years past, or to come for a plan),
    said (the day something was stated), back (refers back: "that night"),
    prewar (before the invasion), now ("today": the time of writing).
    """

    start: int
    end: int
    start_iso: str | None
    end_iso: str | None
    kind: str = "time"


# --- Vocabulary ---------------------------------------------------------------------------

_MONTHS = {
    "en": {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "may": 5,
           "june": 6, "july": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "october": 10,
           "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12},
    "fr": {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
           "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
           "décembre": 12, "decembre": 12},
}
_WEEKDAYS = {
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
           "sunday": 6},
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
           "dimanche": 6},
}
_UNITS = {"hour": "hour", "hours": "hour", "heure": "hour", "heures": "hour", "day": "day",
          "days": "day", "jour": "day", "jours": "day", "week": "week", "weeks": "week",
          "semaine": "week", "semaines": "week", "month": "month", "months": "month",
          "mois": "month", "year": "year", "years": "year", "an": "year", "ans": "year",
          "année": "year", "années": "year"}
_ORDINALS = {"first": 1, "premier": 1, "1er": 1, "second": 2, "deuxième": 2, "third": 3,
             "troisième": 3, "fourth": 4, "quatrième": 4, "last": 4, "dernier": 4}
_YEAR = r"(?:19|20)\d\d(?!\d)"
_NUM = r"(?:\d+|[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*)"
_UNIT_EN = r"(?:hours?|days?|weeks?|months?|years?)"
_UNIT_FR = r"(?:heures?|jours?|semaines?|mois|ans|années?)"


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@lru_cache(maxsize=32)
def _month_names(lang: str) -> dict[str, int]:
    """Month name -> number for `lang`: our tables for fr/en, the CLDR names (babel) otherwise."""
    if lang in _MONTHS:
        return _MONTHS[lang]
    return _cldr_names(lang, "month")


@lru_cache(maxsize=32)
def _weekday_names(lang: str) -> dict[str, int]:
    """Weekday name -> 0 (Monday) .. 6 for `lang`."""
    if lang in _WEEKDAYS:
        return _WEEKDAYS[lang]
    return _cldr_names(lang, "day")


def _cldr_names(lang: str, kind: str) -> dict[str, int]:
    """Wide and abbreviated month or day names of `lang` from babel; {} for an unknown locale."""
    from babel import UnknownLocaleError
    from babel.dates import get_day_names, get_month_names

    names: dict[str, int] = {}
    get = get_month_names if kind == "month" else get_day_names
    try:
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get(width, context=context, locale=lang).items():
                    name = name.lower().rstrip(".")
                    # Short abbreviations ("mai", "di") are too often plain words.
                    if len(name) >= 4 or width == "wide":
                        names.setdefault(name, number)
    except (UnknownLocaleError, ValueError):
        log.debug("no month or day names for language %r", lang)
    return names


def _month_re(lang: str) -> str:
    names = _alternation(_month_names(lang))
    # English "May"/"March" are also a verb: month names count only when capitalised.
    if lang == "en":
        return rf"(?-i:(?P<month>{names.title()}))(?![a-zà-ÿ])\.?"
    return rf"(?P<month>{names})(?![a-zà-ÿ])"


def _number(word: str, lang: str) -> int | None:
    """3 for "3", "three" or "trois"; 1 for "a", "un"; None otherwise."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in ("a", "an", "un", "une"):
        return 1
    from text_to_num import text2num

    try:
        return int(text2num(word, lang if lang in ("fr", "en") else "en"))
    except ValueError:
        return None


# --- Date arithmetic ----------------------------------------------------------------------


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _day_iso(year: int, month: int, day: int) -> str | None:
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year_of_month(month: int, year: str | None, anchor: Anchor | None) -> int | None:
    """The year stated, else that of the latest such month not after publication."""
    if year:
        return int(year)
    if anchor is None:
        return None
    return anchor.year if month <= anchor.month else anchor.year - 1


def _weekday(weekday: int, anchor: Anchor | None) -> str | None:
    """ISO day of the latest such weekday not after publication (the month if no day known)."""
    if anchor is None:
        return None
    if anchor.day is None:
        return anchor.iso()
    back = (anchor.date().weekday() - weekday) % 7
    return anchor.minus_days(back)


def _window(count: int, unit: str, anchor: Anchor | None) -> tuple[str | None, str | None] | None:
    """The span of `count` `unit`s ending at publication; coarser start for longer spans."""
    if anchor is None or count <= 0:
        return None
    end = anchor.iso()
    if unit == "hour":
        return anchor.minus_days(max(1, -(-count // 24))), end
    if unit in ("day", "week"):
        return anchor.minus_days(count * (7 if unit == "week" else 1)), end
    if unit == "month":
        return _ym(*_add_months(anchor.year, anchor.month, -count)), end
    if count == 1 and anchor.day:
        start = _day_iso(anchor.year - 1, anchor.month, anchor.day) or _ym(anchor.year - 1, anchor.month)
        return start, end
    if count < 10:
        return _ym(anchor.year - count, anchor.month), end
    return str(anchor.year - count), end


def _ago(count: int, unit: str, anchor: Anchor | None):
    """The moment `count` `unit`s before publication, at that unit's precision ("il y a un mois")."""
    if anchor is None or count <= 0:
        return None
    if unit in ("day", "week"):
        day = anchor.minus_days(count * (7 if unit == "week" else 1))
        return day, day
    if unit == "month":
        month = _ym(*_add_months(anchor.year, anchor.month, -count))
        return month, month
    if unit == "year":
        return str(anchor.year - count), str(anchor.year - count)
    return None


def _future(count: int, unit: str, anchor: Anchor | None, open_start: bool):
    """The next `count` `unit`s from publication ("over the next two years": this year and next)."""
    if anchor is None or count <= 0:
        return None
    if unit == "year":
        last = anchor.year + count if open_start else anchor.year + count - 1
        return (None if open_start else str(anchor.year)), str(last)
    if unit == "month":
        return (None if open_start else anchor.iso()), _ym(*_add_months(anchor.year, anchor.month, count))
    return None


# --- Patterns -----------------------------------------------------------------------------


def _resolve_month(match: re.Match, lang: str, anchor: Anchor | None, since: bool = False):
    """(start, end) of "[le] [mod] [day] month [year]" groups of `match`."""
    groups = match.groupdict()
    month = _month_names(lang)[groups["month"].lower()]
    year = _year_of_month(month, groups.get("year"), anchor)
    if year is None:
        return None
    day = groups.get("day") or groups.get("day2")
    mod = (groups.get("mod") or "").lower().strip()
    if day:
        day_iso = _day_iso(year, month, 1 if day.lower() in ("1er", "premier") else int(day))
        return (day_iso, day_iso) if day_iso else None
    if mod.startswith("mi"):
        return f"{_ym(year, month)}-15", f"{_ym(year, month)}-15"
    # "since the end of January" is a day; "late November", "fin mars" stay months.
    if "end" in mod:
        last = f"{_ym(year, month)}-{calendar.monthrange(year, month)[1]:02d}"
        return (last, last) if since else (_ym(year, month), _ym(year, month))
    return _ym(year, month), _ym(year, month)


def _rules(lang: str):
    """(pattern, resolver) pairs for `lang`; a resolver gives (start, end, kind) or None."""
    if lang == "fr":
        return _rules_fr(_month_re(lang))
    if lang == "en" or not _month_names(lang):
        return _rules_en(_month_re("en"))
    return _rules_other(lang, _month_re(lang))


def _relative(name: str, anchor: Anchor):
    """Period of a fixed relative phrase (this_year, last_month, overnight, ...)."""
    y, m = anchor.year, anchor.month
    table = {
        "this_year": (str(y), str(y)),
        "last_year": (str(y - 1), str(y - 1)),
        "next_year": (str(y + 1), str(y + 1)),
        "this_month": (_ym(y, m), _ym(y, m)),
        "last_month": (_ym(*_add_months(y, m, -1)),) * 2,
        "this_week": (anchor.minus_days(6), anchor.iso()),
        "last_week": (anchor.minus_days(13), anchor.minus_days(7)),
        "today": (anchor.iso(), anchor.iso()),
        "yesterday": (anchor.minus_days(1), anchor.minus_days(1)),
        "overnight": (anchor.minus_days(1), anchor.iso()),
        "day_before": (anchor.minus_days(2), anchor.minus_days(1)),
        "year_window": _window(1, "year", anchor),
    }
    return table[name]


def _rules_en(month: str):
    wd = _alternation(_WEEKDAYS["en"])
    war = r"(?:the |russia's |moscow's )?(?:full[- ]scale |all-out |large-scale )?(?:war|invasion|conflict)"
    mod = r"(?:(?P<mod>late|early|mid|the end of|the start of|the beginning of|the middle of|end of)(?: |-))?"
    return [
        (rf"\bsince (?:the (?:start|beginning|outset) of {war}|{war} (?:began|started)|(?:the )?"
         rf"(?:full[- ]scale )?invasion)", lambda m, a: (WAR_START, a and a.iso(), "since")),
        (rf"\b(?:at|in) the (?:start|beginning|outset) of {war}", lambda m, a: (WAR_START, WAR_START, "time")),
        (rf"\bin the first year of {war}", lambda m, a: (WAR_START, "2023-02-23", "time")),
        (rf"\b(?:in|during) the (?:opening|early|first|initial)(?: \w+)? (?:phases?|stages?|days|weeks|months) of {war}",
         lambda m, a: (WAR_START, WAR_START[:4], "time")),
        (r"\bpre-war\b", lambda m, a: (None, PRE_WAR_END, "prewar")),
        (r"\bbefore the (?:full[- ]scale )?(?:war|invasion)\b", lambda m, a: (None, PRE_WAR_END, "time")),
        (r"\b(?:killed|died|lost|destroyed) (?:in|during) the (?:full[- ]scale )?war\b(?! (?:in|on|of|with|against)\b)",
         lambda m, a: (WAR_START, a and a.iso(), "since")),
        (rf"\bsince {mod}(?:(?P<day>\d{{1,2}}) )?{month}(?: (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d))?(?:,? (?P<year>{_YEAR}))?",
         lambda m, a: _since(_resolve_month(m, "en", a, since=True), a)),
        (rf"\bsince (?P<year>{_YEAR})", lambda m, a: (m["year"], a and a.iso(), "since")),
        (rf"\bsince (?:[\w-]+ ){{1,4}}(?:began|started|resumed|begun) in (?:(?P<month>{_alternation(_MONTHS['en']).title()}) )?(?P<year>{_YEAR})",
         lambda m, a: _since(_resolve_month(m, "en", a) if m["month"] else (m["year"], m["year"]), a)),
        (rf"\b(?:between|from) {month} (?:and|to|through|until) (?-i:(?P<month2>{_alternation(_MONTHS['en']).title()}))(?![a-z])(?:,? (?P<year>{_YEAR}))?",
         lambda m, a: _months(m, "en", a)),
        (rf"\b(?:in|over|during|within|for|throughout) (?:the )?(?:past|last|previous) (?P<n>{_NUM}) (?P<unit>{_UNIT_EN})\b",
         lambda m, a: _counted(m, "en", a, _window)),
        (r"\b(?:in|over|during|within|for|throughout) the (?:past|last|previous) (?P<unit>year|month|week|day|24 hours)\b",
         lambda m, a: _one(m["unit"], a)),
        (rf"\b(?:over|in|within|during) the (?:next|coming) (?P<n>{_NUM}) (?P<unit>{_UNIT_EN})\b",
         lambda m, a: _counted(m, "en", a, lambda n, u, an: _future(n, u, an, False), "by")),
        (rf"\bover (?P<n>{_NUM}) (?P<unit>years|months)\b", lambda m, a: _counted(m, "en", a, _window, "over")),
        (rf"\bin (?:just |only )?(?P<n>a|one|{_NUM}) (?P<unit>year|years|months|weeks)\b(?!['’] time| later| ago)",
         lambda m, a: _counted(m, "en", a, _window)),
        (rf"\b(?:about |some |nearly )?(?P<n>{_NUM}) (?P<unit>{_UNIT_EN}) ago\b", lambda m, a: _counted(m, "en", a, _ago)),
        (r"\bthis year\b", lambda m, a: _rel("this_year", a)),
        (r"\blast year\b", lambda m, a: _rel("last_year", a)),
        (r"\bnext year\b", lambda m, a: _rel("next_year", a)),
        (r"\b(?:this|earlier this) month\b", lambda m, a: _rel("this_month", a)),
        (r"\blast month\b", lambda m, a: _rel("last_month", a)),
        (r"\b(?:this|during the|over the) week\b", lambda m, a: _rel("this_week", a)),
        (r"\blast week\b", lambda m, a: _rel("last_week", a)),
        (r"\b(?:today|now|currently)\b", lambda m, a: _rel("today", a, "now")),
        (r"\byesterday\b", lambda m, a: _rel("yesterday", a)),
        (r"\bovernight\b|\blast night\b|\bin the (?:past|last) 24 hours\b", lambda m, a: _rel("overnight", a)),
        (r"\b(?:that (?:day|night)|the same (?:day|night)|during (?:this|that) period|on that date)\b",
         lambda m, a: (None, None, "back")),
        (rf"\b(?:on |last |this |late |early )?(?P<wd>{wd})(?: (?:night|morning|evening|afternoon))?\b",
         lambda m, a: _wd(m, "en", a)),
        (rf"\b(?:the )?(?P<ord>first|second|third|fourth|last) (?P<what>half|quarter)(?: of (?P<year>{_YEAR}|the year))?",
         lambda m, a: _part(m, "en", a)),
        (rf"\b(?-i:(?P<what>[QH])(?P<ord>[1-4]))\b(?:(?: |/)?(?P<year>{_YEAR}))?", lambda m, a: _part(m, "en", a)),
        (rf"\bthe first (?P<n>{_NUM}) months of (?P<year>{_YEAR}|the year)",
         lambda m, a: _first_months(m, "en", a)),
        (rf"\bby the end of (?P<year>{_YEAR})", lambda m, a: (f"{m['year']}-12", f"{m['year']}-12", "time")),
        (rf"\b(?:by|until) (?:early |mid-|late )?(?P<year>{_YEAR})", lambda m, a: _by_year(m["year"], a)),
        (rf"\b(?:the )?end of (?P<year>{_YEAR})", lambda m, a: (f"{m['year']}-12", f"{m['year']}-12", "time")),
        (rf"\b(?:in|between|from|during|for the years) (?P<y1>{_YEAR}) ?(?:and|to|-|–|through) ?(?P<y2>{_YEAR})",
         lambda m, a: (m["y1"], m["y2"], "time")),
        (rf"\b(?:in|during) (?P<y1>{_YEAR})[-–/](?P<y2>\d\d)\b", lambda m, a: (m["y1"], m["y1"][:2] + m["y2"], "time")),
        (rf"\b(?:in|during|throughout|for|of|as of) (?:the year )?(?P<year>{_YEAR})\b(?!['’-])",
         lambda m, a: (m["year"], m["year"], "time")),
        (rf"\b(?:(?P<day>\d{{1,2}}) |{mod}){month}(?: (?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,? (?P<year>{_YEAR}))?",
         lambda m, a: _point(_resolve_month(m, "en", a))),
        (r"\b(?:to date|so far|thus far|until now|up to now)\b", lambda m, a: ("WAR?", a and a.iso(), "since")),
    ]


def _rules_other(lang: str, month: str):
    """Dates and weekdays by name in any language babel knows: "3. März 2024", "März 2024"."""
    rules = [
        (rf"\b(?P<day>\d{{1,2}})\.?\s?(?:de |of )?{month}(?:,? (?:de )?(?P<year>{_YEAR}))?",
         lambda m, a: _point(_resolve_month(m, lang, a))),
        (rf"\b{month}(?: (?:de |del )?(?P<year>{_YEAR}))", lambda m, a: _point(_resolve_month(m, lang, a))),
    ]
    days = _weekday_names(lang)
    if days:
        rules.append((rf"\b(?P<wd>{_alternation(days)})\b", lambda m, a: _wd(m, lang, a)))
    return rules


def _rules_fr(month: str):
    wd = _alternation(_WEEKDAYS["fr"])
    war = r"(?:la guerre|du conflit|l['’]invasion|l['’]offensive|l['’]op[ée]ration (?:militaire )?sp[ée]ciale)"
    mod = r"(?:(?P<mod>fin|début|mi-|mi|la fin|le début|la mi-) ?(?:de |d['’])?)?"
    day = r"(?P<day>\d{1,2}|1er|premier)"
    return [
        (rf"\bdepuis (?:le (?:début|déclenchement) (?:de |d['’]|du )?{war}|l['’]invasion|le 24 février(?: 2022)?)",
         lambda m, a: (WAR_START, a and a.iso(), "since")),
        (rf"\bau (?:début|déclenchement) (?:de |d['’]|du )?{war}", lambda m, a: (WAR_START, WAR_START, "time")),
        (rf"\b(?:dans|pendant|durant|lors) (?:les|des) (?:premi[eè]re?s|premiers) (?:phases|semaines|jours|mois|temps) "
         rf"(?:de |d['’]|du )?{war}", lambda m, a: (WAR_START, WAR_START[:4], "time")),
        (r"\bd['’]avant[- ]guerre\b", lambda m, a: (None, PRE_WAR_END, "prewar")),
        (r"\bavant (?:la guerre|l['’]invasion)\b", lambda m, a: (None, PRE_WAR_END, "time")),
        (rf"\bdepuis (?:le |la )?{mod}(?:{day} )?{month}(?: (?P<year>{_YEAR}))?(?: dernier)?",
         lambda m, a: _since(_resolve_month(m, "fr", a, since=True), a)),
        (rf"\bdepuis (?:l['’]année )?(?P<year>{_YEAR})", lambda m, a: (m["year"], a and a.iso(), "since")),
        (rf"\b(?:entre|de|d['’]) ?{month} (?:et|à) (?P<month2>{_alternation(_MONTHS['fr'])})(?![a-zà-ÿ])(?: (?P<year>{_YEAR}))?",
         lambda m, a: _months(m, "fr", a)),
        (rf"\bdepuis (?:plus de |près de )?(?P<n>{_NUM}) (?P<unit>{_UNIT_FR})\b", lambda m, a: _counted(m, "fr", a, _window)),
        (rf"\b(?:au cours|lors|pendant|durant|sur|dans) (?:des|de ces|les|ces) (?P<n>{_NUM}) (?:derni[eè]re?s?|pass[ée]e?s?) (?P<unit>{_UNIT_FR})\b",
         lambda m, a: _counted(m, "fr", a, _window)),
        (rf"\b(?:au cours|lors|pendant|durant|sur|dans) (?:des|de ces|les|ces) (?:derni[eè]re?s?|pass[ée]e?s?) (?P<n>{_NUM}) (?P<unit>{_UNIT_FR})\b",
         lambda m, a: _counted(m, "fr", a, _window)),
        (rf"\ben (?:seulement |à peine )?(?P<n>un|une|{_NUM}) (?P<unit>an|ans|mois|semaines?|jours?)\b",
         lambda m, a: _counted(m, "fr", a, _window)),
        (rf"\b(?:au cours de la dernière année|l['’]année écoulée|sur un an)\b", lambda m, a: _rel("year_window", a)),
        (rf"\bd['’]ici (?:à )?(?:les |la )?(?P<n>{_NUM}) prochaine?s? (?P<unit>{_UNIT_FR})\b",
         lambda m, a: _counted(m, "fr", a, lambda n, u, an: _future(n, u, an, True), "by")),
        (rf"\b(?:au cours|pendant|durant|sur) (?:des|les) (?P<n>{_NUM}) prochaine?s? (?P<unit>{_UNIT_FR})\b",
         lambda m, a: _counted(m, "fr", a, lambda n, u, an: _future(n, u, an, False), "by")),
        (rf"\bil y a (?:environ |près de |plus de )?(?P<n>{_NUM}) (?P<unit>{_UNIT_FR})\b", lambda m, a: _counted(m, "fr", a, _ago)),
        (r"\bcette année\b", lambda m, a: _rel("this_year", a)),
        (r"\bl['’](?:année dernière|an dernier|an passé|année passée)\b", lambda m, a: _rel("last_year", a)),
        (r"\bl['’](?:année prochaine|an prochain)\b", lambda m, a: _rel("next_year", a)),
        (r"\bce mois(?:-ci)?\b", lambda m, a: _rel("this_month", a)),
        (r"\b(?:le|du|au cours du) mois (?:dernier|passé)\b", lambda m, a: _rel("last_month", a)),
        (r"\bcette semaine\b", lambda m, a: _rel("this_week", a)),
        (r"\bla semaine (?:dernière|passée)\b", lambda m, a: _rel("last_week", a)),
        (r"\b(?:aujourd['’]hui|actuellement|désormais)\b", lambda m, a: _rel("today", a, "now")),
        (r"\bhier\b", lambda m, a: _rel("yesterday", a)),
        (r"\bla veille\b", lambda m, a: _rel("day_before", a)),
        (r"\b(?:au cours|lors) des (?:dernières )?24 (?:dernières )?heures\b"
         r"|\b(?:dans|pendant|durant|au cours de) la nuit\b(?! du)|\bla nuit dernière\b|\bcette nuit\b(?!-là)",
         lambda m, a: _rel("overnight", a)),
        (rf"\b(?:dans )?la nuit du (?P<d1>\d{{1,2}}) au (?P<day>\d{{1,2}}) {month}(?: (?P<year>{_YEAR}))?",
         lambda m, a: _night(m, a)),
        (r"\b(?:le même jour|ce jour-là|cette nuit-là|la même nuit|(?:durant|pendant|au cours de) cette période)\b",
         lambda m, a: (None, None, "back")),
        (rf"\b(?:(?:ce|le) )?(?P<wd>{wd})(?: (?:{day}) {month}(?: (?P<year>{_YEAR}))?)?(?: dernier)?\b",
         lambda m, a: _wd(m, "fr", a)),
        (rf"\b(?:au |le |du |pendant le |durant le )?(?P<ord>premier|1er|second|deuxième|troisième|quatrième|dernier) "
         rf"(?P<what>semestre|trimestre)(?: (?:de |d['’])?(?:l['’]année )?(?P<year>{_YEAR}))?",
         lambda m, a: _part(m, "fr", a)),
        (rf"\bd['’]ici (?:à )?(?:la )?fin (?:de |d['’])?(?:l['’]année )?(?P<year>{_YEAR})",
         lambda m, a: (None, m["year"], "by")),
        (rf"\bd['’]ici (?:à )?(?:l['’]année )?(?P<year>{_YEAR})", lambda m, a: (None, m["year"], "by")),
        (rf"\b(?:à la |la )?fin (?P<year>{_YEAR})", lambda m, a: (f"{m['year']}-12", f"{m['year']}-12", "time")),
        (rf"\b(?:entre|de|en) (?P<y1>{_YEAR}) ?(?:et|à|-|–) ?(?P<y2>{_YEAR})", lambda m, a: (m["y1"], m["y2"], "time")),
        (rf"\b(?:en|pour|durant|pendant|au cours de|courant|dès|de l['’]année|l['’]année|d['’]ici|au titre de) "
         rf"(?:l['’]année )?(?P<year>{_YEAR})\b(?![-’'])", lambda m, a: (m["year"], m["year"], "time")),
        (rf"\b(?:(?:le |du |au )?{day} |en |au mois de |courant |{mod}){month}(?: (?P<year>{_YEAR}))?(?: dernier)?",
         lambda m, a: _point(_resolve_month(m, "fr", a))),
        (r"\b(?:jusqu['’](?:à présent|ici|à maintenant)|jusque-là|à ce jour)\b",
         lambda m, a: ("WAR?", a and a.iso(), "since")),
    ]


def _rel(name: str, anchor: Anchor | None, kind: str = "time"):
    if anchor is None:
        return None
    start, end = _relative(name, anchor)
    return start, end, kind


def _point(period):
    return None if period is None else (period[0], period[1], "time")


def _since(period, anchor: Anchor | None):
    if period is None or anchor is None:
        return None
    return period[0], anchor.iso(), "since"


def _one(unit: str, anchor: Anchor | None):
    if anchor is None:
        return None
    if unit.startswith("24"):
        return _rel("overnight", anchor)
    period = _window(1, _UNITS[unit], anchor)
    return None if period is None else (period[0], period[1], "time")


def _counted(match: re.Match, lang: str, anchor: Anchor | None, span, kind: str = "time"):
    count = _number(match["n"], lang)
    unit = _UNITS.get(match["unit"].lower())
    if count is None or unit is None:
        return None
    period = span(count, unit, anchor)
    return None if period is None else (period[0], period[1], kind)


def _months(match: re.Match, lang: str, anchor: Anchor | None):
    """'between January and March 2024' -> 2024-01 .. 2024-03 (a year back if it wraps)."""
    first, last = _month_names(lang)[match["month"].lower()], _month_names(lang)[match["month2"].lower()]
    year = _year_of_month(last, match["year"], anchor)
    if year is None:
        return None
    return _ym(year if first <= last else year - 1, first), _ym(year, last), "time"


def _wd(match: re.Match, lang: str, anchor: Anchor | None):
    if match.groupdict().get("month"):
        return _point(_resolve_month(match, lang, anchor))
    day = _weekday(_weekday_names(lang)[match["wd"].lower()], anchor)
    return None if day is None else (day, day, "time")


def _night(match: re.Match, anchor: Anchor | None):
    period = _resolve_month(match, "fr", anchor)
    if period is None or period[1] is None:
        return None
    end = date.fromisoformat(period[1])
    return (end - timedelta(days=1)).isoformat(), period[1], "time"


def _part(match: re.Match, lang: str, anchor: Anchor | None = None):
    """First half / Q3 / premier trimestre [of year] -> its months."""
    what, ordinal = match["what"].lower(), match["ord"].lower()
    index = int(ordinal) if ordinal.isdigit() else _ORDINALS.get(ordinal, 1)
    size = 6 if what in ("half", "h", "semestre") else 3
    index = min(index, 12 // size)
    first = (index - 1) * size + 1
    year = match["year"]
    if year and year.isdigit():
        year = int(year)
    elif anchor is not None:
        # No year: the latest such part begun by publication ("in Q4" written in February).
        year = anchor.year if first <= anchor.month else anchor.year - 1
    else:
        return None
    return _ym(year, first), _ym(year, first + size - 1), "time"


def _first_months(match: re.Match, lang: str, anchor: Anchor | None):
    count = _number(match["n"], lang)
    year = match["year"]
    if not year.isdigit():
        year = str(anchor.year) if anchor else None
    if count is None or year is None or not 1 <= count <= 12:
        return None
    return _ym(int(year), 1), _ym(int(year), count), "time"


def _by_year(year: str, anchor: Anchor | None):
    """'by 2024' in a 2025 text is the level reached that year; 'by 2030' is a deadline."""
    if anchor is not None and int(year) < anchor.year:
        return year, year, "time"
    return None, year, "by"


# Spans joined by "and"/"to" ("late Sunday and early Monday", "between July 2024 and the
# end of 2025") make one period from the start of the first to the end of the second.
_JOIN = re.compile(r"^\s*(?:and|to|through|until|-|–|et|au|à|jusqu['’]à)\s*(?:early |late |the )?$", re.IGNORECASE)
# A day on which something was stated, not the time of the figure.
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told|announced|reported|published|stated|claimed|confirmed|declared|noted|"
    r"(?:a|ont|avait|avaient) (?:déclaré|annoncé|indiqué|rapporté|affirmé|précisé|assuré|publié)|"
    r"publiée?s?|diffusée?s?|annoncée?s?|rapporté)\b[^.;!?\d]{0,30}$",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(r"^[^.;\d]{0,12}?\b(?:told|said|announced|declared|a déclaré|a annoncé)\b", re.IGNORECASE)


# "Four years since the invasion" locates a moment; "the largest to date" is a superlative.
_NOT_SINCE = re.compile(
    r"\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten)[ -](?:years?|months?|weeks?|days?)\s*$"
    r"|\b(?:\w+est|most \w+|plus \w+)\s+(?:[\w’'-]+\s+){0,2}$",
    re.IGNORECASE,
)


@lru_cache(maxsize=8)
def _compiled(lang: str):
    rules = _rules(lang)
    return [(re.compile(pattern, re.IGNORECASE), resolve) for pattern, resolve in rules]


def find(text: str, lang: str, anchor: Anchor | None, war_text: bool = True) -> list[Expr]:
    """The time expressions of `text`, in text order, each with its resolved period.

    find("Russia launched 40 drones last month.", "en", Anchor(2024, 9, 15))
    -> [Expr(26, 36, "2024-08", "2024-08", "time")]
    """
    return list(_find(text, lang, anchor, war_text))


# Each sentence is searched for its own figures and again as context for the next ones.
@lru_cache(maxsize=4096)
def _find(text: str, lang: str, anchor: Anchor | None, war_text: bool) -> tuple[Expr, ...]:
    found = []
    for pattern, resolve in _compiled(lang):
        for match in pattern.finditer(text):
            resolved = resolve(match, anchor)
            if resolved is None:
                continue
            start, end, kind = resolved
            if kind == "since" and _NOT_SINCE.search(text[: match.start()]):
                continue
            if start == "WAR?":
                start = WAR_START if war_text and anchor and anchor.after_war_start() else None
            found.append(Expr(match.start(), match.end(), start, end, kind))
    kept: list[Expr] = []
    for expr in sorted(found, key=lambda e: (-(e.end - e.start), e.start)):
        if all(expr.end <= other.start or expr.start >= other.end for other in kept):
            kept.append(expr)
    kept.sort(key=lambda e: e.start)
    return tuple(_said(e, text) for e in _join(kept, text))


def _join(exprs: list[Expr], text: str) -> list[Expr]:
    joined: list[Expr] = []
    for expr in exprs:
        if joined and joined[-1].kind == expr.kind == "time" and _JOIN.match(text[joined[-1].end : expr.start]):
            first = joined.pop()
            expr = Expr(first.start, expr.end, first.start_iso, expr.end_iso, "time")
        joined.append(expr)
    return joined


def _said(expr: Expr, text: str) -> Expr:
    """Mark a day or month on which something was said ("said on Monday") as kind 'said'."""
    if expr.kind != "time" or expr.start_iso != expr.end_iso or len(expr.start_iso or "") < 7:
        return expr
    if _SAID_BEFORE.search(text[max(0, expr.start - 45) : expr.start]) or _SAID_AFTER.match(text[expr.end :]):
        return Expr(expr.start, expr.end, expr.start_iso, expr.end_iso, "said")
    return expr


# --- Which expression belongs to the figure ------------------------------------------------

# Words that end a clause: a time expression across one usually belongs to another figure.
_BOUNDARY = re.compile(
    r"[;:–—()]|\b(?:but|while|whereas|tandis que|alors que|mais|before|after|until|avant|après|"
    r"compared|down from|up from|from|passant de|contre|including|dont)\b",
    re.IGNORECASE,
)
_AGE = re.compile(r"^(?:-year-olds?|\s*years? old\b)", re.IGNORECASE)
# "de 25 ans", "(25 ans)", "âgé de 25 ans" are ages; "depuis 15 ans" is not.
_AGE_FR = re.compile(r"^\s*ans\b", re.IGNORECASE)
_AGE_FR_BEFORE = re.compile(r"(?:\bde|\(|âgée?s? de|\bet)\s*$", re.IGNORECASE)
# Words that tell a plan or a forecast: "over two years" then runs forward.
_FUTURE = re.compile(
    r"\b(?:will|would|should|shall|plans? to|pledged?|promised?|to be paid|va|vont|devrait|devraient|"
    r"prévoit|prévu|doit|doivent)\b",
    re.IGNORECASE,
)
# War totals told in the perfect: "have lost", "has suffered", "ont été tués", "a livré".
_PERFECT = re.compile(
    r"\b(?:ha(?:ve|s|d) (?:been )?(?:\w+ ){0,2}(?:killed|lost|fled|left|died|destroyed|delivered|provided|"
    r"sent|supplied|donated|totall?ed|wounded|injured|displaced|shot down|downed|received|suffered|incurred)|"
    r"(?:ont|a|avons|avez|avait|avaient) (?:\w+ ){0,2}(?:été )?(?:tués?|perdu|fui|livré|fourni|envoyé|versé|"
    r"blessés?|abattus?|détruits?|reçu|quitté|subi)|ont été (?:tués|blessés|détruits|abattus|livrés))\b",
    re.IGNORECASE,
)
_LOSSES = re.compile(r"\b(?:loss(?:es)?|casualties|deaths?|killed|dead|pertes|morts|tués)\b", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\b(?:had|avaient|avait)\b", re.IGNORECASE)
# A total told with a date: "in January put total casualties at 1.2 million" counts from the invasion.
_TOTAL = re.compile(r"\b(?:total|in all|altogether|cumulative|au total|en tout|bilan)\b", re.IGNORECASE)
_WAR_WORDS = re.compile(r"\bukrain|\bkyiv\b|\bkiev\b", re.IGNORECASE)
_ALREADY = re.compile(r"\b(?:already|déjà)\b", re.IGNORECASE)
_DURATION = re.compile(r"(?:years?|ans?|années?)\b", re.IGNORECASE)
_WAR_AFTER = re.compile(r"^[\w\s-]{0,20}\b(?:war|guerre|invasion|conflict|conflit)\b", re.IGNORECASE)
# A participle that dates another thing: "lancé en 2018", "founded in 1949", "signed in 2014".
_DATES_OTHER = re.compile(
    r"\b(?:lancée?s?|créée?s?|fondée?s?|établie?s?|publiée?s?|adoptée?s?|signée?s?|construite?s?|née?s?|"
    r"élue?s?|launched|founded|established|created|published|adopted|signed|built|born|elected|"
    r"introduced|set up)\b[^.;\d]{0,70}$",
    re.IGNORECASE,
)
_LIST_WORDS = ("including", "includes", "included", "notamment", "dont", "comprenant", "incluant")
# How many sentences back a run of events of one day goes on, and how far back a phrase
# that refers back ("that night", "le même jour") looks for its day.
_CHAIN = 2
_LOOKBACK_REFERRED = 5


def assign(mention: Mention) -> None:
    """Set mention.fields['period_start'] and ['period_end'] (ISO dates or None)."""
    start, end = period(mention)
    mention.fields["period_start"] = start
    mention.fields["period_end"] = end
    mention.state.setdefault("periods", {})[mention.sentence.index] = (start, end)


def period(mention: Mention) -> tuple[str | None, str | None]:
    """(start, end) of the figure of `mention`, ISO at the precision the text allows."""
    if _is_age(mention):
        return None, None
    anchor = Anchor.parse(mention.document.published)
    war_text = _war_text(mention)
    own = _war_duration(mention, anchor, war_text)
    if own is not None:
        return own
    exprs = find(mention.sentence.text, mention.lang, anchor, war_text)
    said = [e for e in exprs if e.kind == "said"]
    statement = _nearest(said, mention)
    framing = [e for e in exprs if _may_frame(e, mention)]
    # "now", "today" count only when nothing else in the sentence dates the figure.
    chosen = _nearest([e for e in framing if e.kind != "now"], mention) or _nearest(framing, mention)
    if chosen is not None:
        return _framed(chosen, statement, mention, anchor, war_text)
    if _is_rate(mention):
        # "30 drones a day" has a period only when the sentence gives one.
        return None, None
    cumulative = _cumulative(mention, anchor, war_text, statement)
    if cumulative is not None:
        return cumulative
    inherited = _inherit(mention, anchor, war_text)
    if inherited is not None:
        return inherited
    if statement is not None:
        return _statement_day(statement, mention)
    return None, None


def _framed(expr: Expr, statement: Expr | None, mention: Mention, anchor: Anchor | None, war_text: bool):
    """The period `expr` gives the figure."""
    if expr.kind == "back":
        return _referred(mention, anchor, war_text) or (None, None)
    if expr.kind == "now":
        # "today": the day of an event told in the past, else a state at the time of writing.
        return (expr.start_iso, expr.end_iso) if _told_as_event(mention) else (None, None)
    if expr.kind == "over" and (mention.fields.get("status") in ("target", "estimate")
                                or _FUTURE.search(mention.sentence.text)):
        # "will send 90 billion over two years": the years to come, not the years past.
        match = re.search(rf"(?P<n>{_NUM}) (?P<unit>\w+)$", mention.sentence.text[expr.start : expr.end])
        future = match and _counted(match, mention.lang, anchor, lambda n, u, an: _future(n, u, an, False))
        if future:
            return future[0], future[1]
    if expr.kind == "since" and statement is not None:
        return expr.start_iso, statement.end_iso
    if (expr.kind == "time" and expr.start_iso == expr.end_iso and len(expr.start_iso or "") >= 7
            and war_text and _TOTAL.search(mention.sentence.text)):
        return WAR_START, expr.end_iso
    return expr.start_iso, expr.end_iso


def _is_age(mention: Mention) -> bool:
    """True for an age ("56-year-old", "de 25 ans"), which has no period."""
    after, quote = mention.after, mention.figure.quote.lower()
    if _AGE.match(after) or quote.endswith("-year-old") or quote.endswith(" years old"):
        return True
    return bool(_AGE_FR.match(after) and _AGE_FR_BEFORE.search(mention.before))


def _is_rate(mention: Mention) -> bool:
    """True for a rate ("30 drones a day": count/day)."""
    return "/" in (mention.fields.get("unit") or mention.figure.unit or "")


def _war_text(mention: Mention) -> bool:
    """Whether the document is about the war in Ukraine (war totals count from the invasion)."""
    cached = mention.state.get("period_war_text")
    if cached is None:
        cached = bool(_WAR_WORDS.search(mention.document.text))
        mention.state["period_war_text"] = cached
    return cached


def _war_duration(mention: Mention, anchor: Anchor | None, war_text: bool):
    """'four years of war', 'the four-year war': the war so far."""
    if anchor is None or not war_text or not anchor.after_war_start():
        return None
    quote = mention.figure.quote
    if not _DURATION.search(quote if _DURATION.search(quote) else mention.after[:8]):
        return None
    if _WAR_AFTER.match(mention.after) or re.search(r"\b(?:war|guerre)\b[^.]{0,30}$", mention.before[-40:]):
        return WAR_START, anchor.iso()
    return None


def _may_frame(expr: Expr, mention: Mention) -> bool:
    """Whether `expr` can give the figure's period at all, wherever it stands."""
    if expr.kind == "said":
        return False
    if expr.kind == "prewar":
        # "pre-war population of 42 million", not "a fifth of the pre-war population".
        return expr.end <= mention.rel_start
    if expr.kind in ("since", "by") and mention.fields.get("status") == "target":
        # A pledge is not a total to date; "d'ici 2030" stays (a deadline is a target's time).
        return expr.kind == "by"
    return not _dates_other(expr, mention)


def _dates_other(expr: Expr, mention: Mention) -> bool:
    """True when a year dates something else named just before it, not the figure.

    "Le système, lancé en 2018, serait utilisé dans 36 pays": 2018 dates the launch.
    """
    if expr.kind != "time" or len(expr.start_iso or "") != 4:
        return False
    text = mention.sentence.text
    # A figure between the participle and the year belongs to the participle's clause.
    window = text[mention.rel_end : expr.start] if expr.start >= mention.rel_end else text[: expr.start]
    return bool(_DATES_OTHER.search(window))


def _distance(expr: Expr, mention: Mention) -> float:
    """Characters between the figure and `expr`, plus a penalty per clause boundary crossed."""
    text = mention.sentence.text
    if expr.end <= mention.rel_start:
        gap = text[expr.end : mention.rel_start]
    elif expr.start >= mention.rel_end:
        gap = text[mention.rel_end : expr.start]
    else:
        return 0.0
    crossings = len(_BOUNDARY.findall(gap))
    before = expr.end <= mention.rel_start
    # A sentence-initial expression ("In 2025, ...") frames the whole main clause; otherwise
    # what follows a figure in its clause dates it a little more often than what precedes it.
    lead = expr.start <= 3 and before
    return len(gap) * (0.3 if lead else 1.0) + 80 * crossings + (10 if before and not lead else 0)


def _nearest(exprs: list[Expr], mention: Mention) -> Expr | None:
    """The expression closest to the figure (see _distance), or None."""
    return min(exprs, key=lambda e: _distance(e, mention)) if exprs else None


def _verb_phrase(mention: Mention) -> str:
    """The auxiliaries and verb that govern the figure ("have left"), else the whole sentence."""
    tokens = mention.tokens()
    verb = _governing_verb(tokens[-1]) if tokens else None
    if verb is None:
        return mention.sentence.text
    parts = [verb] + [c for c in verb.children if c.dep_.startswith("aux")]
    start = min(t.idx for t in parts)
    return mention.sentence.text[start : verb.idx + len(verb.text)]


def _cumulative(mention: Mention, anchor: Anchor | None, war_text: bool, statement: Expr | None):
    """A war total told in the perfect: invasion .. publication (or the day it was stated).

    "Russia has lost 24,000 vehicles" -> ("2022-02-24", publication);
    "Kyiv said on 22 January that 600,000 had already left" -> (None, "2026-01-22").
    """
    if anchor is None or mention.fields.get("status") == "target":
        return None
    phrase = _verb_phrase(mention)
    if not _PERFECT.search(phrase):
        return None
    end = statement.end_iso if statement is not None else anchor.iso()
    told_before = statement is not None and _PLUPERFECT.search(phrase)
    if told_before and (_ALREADY.search(mention.sentence.text) or not _LOSSES.search(mention.sentence.text)):
        # A count as of the day it was stated, from no stated start.
        return None, end
    if not war_text or not anchor.after_war_start():
        return None
    return WAR_START, end


def _inherit(mention: Mention, anchor: Anchor | None, war_text: bool) -> tuple | None:
    """The period of the sentence before, for a run of reported events.

    Only when the figure is told as a past event (or in a verbless fragment): when the
    previous sentence stated a figure with a time expression, the period that figure took
    (else that expression's); otherwise the day or night of a figure of the last two sentences.
    """
    if not _told_as_event(mention):
        return None
    sentences = mention.state.get("sentences") or []
    index = mention.sentence.index
    done = mention.state.get("periods", {})
    if 0 < index <= len(sentences):
        previous = sentences[index - 1].text
        exprs = [e for e in find(previous, mention.lang, anchor, war_text) if e.kind in ("time", "since", "over")]
        if exprs and _counts(previous, exprs):
            # The period its last figure took ("in January put the total at ...": a war total).
            earlier = done.get(index - 1, (None, None))
            return earlier if earlier != (None, None) else (exprs[-1].start_iso, exprs[-1].end_iso)
    for back in range(1, _CHAIN + 1):
        earlier = done.get(index - back)
        if earlier and _short(earlier):
            # "Russia launched 80 drones overnight. [...] The strikes killed 4 people."
            return earlier
    return None


def _referred(mention: Mention, anchor: Anchor | None, war_text: bool) -> tuple | None:
    """The day that "that night", "le même jour" refer to: the last one named shortly before."""
    sentences = mention.state.get("sentences") or []
    for back in range(1, _LOOKBACK_REFERRED + 1):
        index = mention.sentence.index - back
        if not 0 <= index < len(sentences):
            return None
        days = [e for e in find(sentences[index].text, mention.lang, anchor, war_text)
                if e.kind in ("time", "said") and _short((e.start_iso, e.end_iso))]
        if days:
            return days[-1].start_iso, days[-1].end_iso
    return None


def _short(period: tuple[str | None, str | None]) -> bool:
    """Whether `period` is a day or a night (at most two days, at day precision)."""
    start, end = period
    if len(start or "") != 10 or len(end or "") != 10:
        return False
    return (date.fromisoformat(end) - date.fromisoformat(start)).days <= 2


def _governing_verb(token):
    """The verb (or auxiliary) that heads the clause of `token`, or None in a verbless phrase."""
    for _ in range(8):
        # "including 13,800 tanks": a list inside the clause of the verb above it.
        if token.pos_ in ("VERB", "AUX") and token.lower_ not in _LIST_WORDS:
            return token
        if token.head is token:
            return None
        token = token.head
    return None


def _told_as_event(mention: Mention) -> bool:
    """Whether the figure is told as a past event (or in a verbless fragment), not a state.

    True when the sentence was not parsed: rules alone cannot tell.
    """
    tokens = mention.tokens()
    if not tokens:
        return mention.sentence.doc is None
    verb = _governing_verb(tokens[-1])
    if verb is None or "Inf" in verb.morph.get("VerbForm"):
        # A verbless or infinitive fragment ("À comparer aux 45 millions") continues the last.
        return True
    forms = [verb] + [child for child in verb.children if child.dep_.startswith("aux")]
    if any(t.tag_ == "VBD" or "Past" in t.morph.get("Tense") for t in forms):
        # "has invested", "sont déployés" tell a state now; "ont déployé" (passé composé) an event.
        present = [t for t in forms if t.tag_ in ("VBZ", "VBP") or (
            t.dep_ == "aux:pass" and "Pres" in t.morph.get("Tense"))]
        return not present
    return False


def _counts(text: str, exprs: list[Expr]) -> bool:
    """Whether `text` states a figure outside its time expressions (a run of reported events)."""
    for expr in reversed(exprs):
        text = text[: expr.start] + " " + text[expr.end :]
    return bool(re.search(r"\d", text))


def _statement_day(expr: Expr, mention: Mention):
    """A figure stated on a given day, with no other time: that day (None.. when 'already')."""
    if mention.fields.get("status") == "target":
        return None, None
    if _ALREADY.search(mention.sentence.text):
        return None, expr.end_iso
    return expr.start_iso, expr.end_iso
