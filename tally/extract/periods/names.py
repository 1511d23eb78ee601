"""Month, weekday and unit words of the time expressions, and the numbers that count them."""
from __future__ import annotations

import logging
import re
from functools import lru_cache

log = logging.getLogger(__name__)

MONTHS = {
    "en": {"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "may": 5,
           "june": 6, "july": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "october": 10,
           "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12},
    "fr": {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
           "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
           "décembre": 12, "decembre": 12},
}
WEEKDAYS = {
    "en": {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
           "sunday": 6},
    "fr": {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
           "dimanche": 6},
}
UNITS = {"hour": "hour", "hours": "hour", "heure": "hour", "heures": "hour", "day": "day",
          "days": "day", "jour": "day", "jours": "day", "week": "week", "weeks": "week",
          "semaine": "week", "semaines": "week", "month": "month", "months": "month",
          "mois": "month", "year": "year", "years": "year", "an": "year", "ans": "year",
          "année": "year", "années": "year"}
ORDINALS = {"first": 1, "premier": 1, "1er": 1, "second": 2, "deuxième": 2, "third": 3,
             "troisième": 3, "fourth": 4, "quatrième": 4, "last": 4, "dernier": 4}
YEAR = r"(?:19|20)\d\d(?!\d)"
NUM = r"(?:\d+|[a-zà-ÿ]+(?:-[a-zà-ÿ]+)*)"
UNIT_EN = r"(?:hours?|days?|weeks?|months?|years?)"
UNIT_FR = r"(?:heures?|jours?|semaines?|mois|ans|années?)"


def alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@lru_cache(maxsize=32)
def month_names(lang: str) -> dict[str, int]:
    """Month name -> number for `lang`: our tables for fr/en, the CLDR names (babel) otherwise."""
    if lang in MONTHS:
        return MONTHS[lang]
    return _cldr_names(lang, "month")


@lru_cache(maxsize=32)
def weekday_names(lang: str) -> dict[str, int]:
    """Weekday name -> 0 (Monday) .. 6 for `lang`."""
    if lang in WEEKDAYS:
        return WEEKDAYS[lang]
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


def month_re(lang: str) -> str:
    names = alternation(month_names(lang))
    # English "May"/"March" are also a verb: month names count only when capitalised.
    if lang == "en":
        return rf"(?-i:(?P<month>{names.title()}))(?![a-zà-ÿ])\.?"
    return rf"(?P<month>{names})(?![a-zà-ÿ])"


def number(word: str, lang: str) -> int | None:
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



# Periods every reader knows by name: "la Première Guerre mondiale" is 1914-1918.
# (pattern, start, end) by language, matched case-insensitively unless marked.
NAMED_PERIODS = {
    "en": (
        (r"(?:the )?(?:first world war|world war (?:one|1|i)(?![a-z])|wwi(?![a-z])|(?-i:Great War))",
         "1914", "1918"),
        (r"(?:the )?(?:second world war|world war (?:two|2|ii)(?![a-z])|wwii(?![a-z]))", "1939", "1945"),
        (r"(?:the )?(?-i:Cold War)", "1947", "1991"),
    ),
    # "la Première Guerre", "première guerre mondiale", not "sa première guerre" (its first war).
    "fr": (
        (r"la (?:premi[eè]re|1re|1ère) guerre(?: mondiale)?|(?:premi[eè]re|1re|1ère) guerre mondiale"
         r"|(?-i:Première Guerre|Grande Guerre)", "1914", "1918"),
        (r"la (?:seconde|deuxi[eè]me|2e|2nde) guerre(?: mondiale)?|(?:seconde|deuxi[eè]me|2e|2nde) guerre mondiale"
         r"|(?:seconde|deuxi[eè]me|2e) grande guerre|(?-i:Seconde Guerre|Deuxième Guerre)", "1939", "1945"),
        (r"la guerre froide|(?-i:Guerre froide)", "1947", "1991"),
    ),
}
# Moments every reader can date, which open a span: "since the collapse of the Soviet Union".
NAMED_MOMENTS = {
    "en": (
        (r"(?:the )?(?:collapse|fall|dissolution|break-?up|end) of the (?:Soviet Union|USSR)"
         r"|(?:the )?Soviet (?:collapse|breakup)", "1991"),
        (r"(?:the )?fall of the Berlin Wall", "1989"),
    ),
    "fr": (
        (r"(?:la )?(?:chute|dissolution|fin|effondrement|disparition|éclatement|implosion) "
         r"(?:de l['’]Union soviétique|de l['’]URSS)", "1991"),
        (r"(?:la )?chute du (?:mur|Mur) de Berlin", "1989"),
    ),
}
