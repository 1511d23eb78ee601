"""Words around a number: magnitudes, units, currencies, bounds and what makes it no claim.

Each table is a list of (regular expression, meaning); the expressions are anchored by
the caller (after the number with `match`, before it with `search` on `...$` patterns).
"""
from __future__ import annotations

import re

# Magnitude words after a number: "1,4 million", "4.5bn", "€670m" (m/k only with money).
MAGNITUDES: list[tuple[str, float]] = [
    (r"trillions?|billions? de billions|tn\b|trn\b", 1e12),
    (r"billions?|milliards?|mds?|mrds?|bn|bln|md", 1e9),
    (r"millions?|mln|mn|mio", 1e6),
    (r"thousands?|mille|milliers?", 1e3),
]
MONEY_MAGNITUDES: list[tuple[str, float]] = [(r"m", 1e6), (r"k", 1e3), (r"b", 1e9)]

# Currency before the number: "$2 billion", "US$ 3", "€670m", "£1bn".
CURRENCY_BEFORE: list[tuple[str, str]] = [
    (r"US\s?\$|\$\s?US|\$", "USD"),
    (r"€", "EUR"),
    (r"£", "GBP"),
    (r"₽", "RUB"),
    (r"₴", "UAH"),
    (r"USD|EUR|GBP|RUB|UAH|CHF|CNY|JPY", None),  # the code itself
]
# Currency after the number (and its magnitude): "dollars", "d'euros", "€", "roubles".
CURRENCY_AFTER: list[tuple[str, str]] = [
    (r"(?:de |d['’]|of )?(?:dollars?|\$)(?: américains| US| américain)?|US dollars?", "USD"),
    (r"(?:d['’]|of )?euros?|€|EUR\b", "EUR"),
    (r"(?:de )?(?:livres? sterling|livres?|pounds? sterling)|£|GBP\b", "GBP"),
    (r"(?:de |of )?(?:roubles?|rubles?|roubles russes)|RUB\b|₽", "RUB"),
    (r"(?:de |d['’]|of )?(?:hryvnias?|hryvnas?|hryvnia|griwnas?)|UAH\b|₴", "UAH"),
    (r"(?:de )?(?:yuans?|renminbi)|CNY\b", "CNY"),
    (r"USD\b", "USD"),
]

PERCENT_AFTER = r"(?:autres |other |more |additional )?(?:%|per ?cent\b|percent\b|pour ?cent\b|pour-cent\b|pc\b|pct\b)"
POINTS_AFTER = r"percentage points?\b|points? de pourcentage\b|points? de pourcent\b|pp\b"

# Units of measure after the number. Order matters: longer forms first.
MEASURES: list[tuple[str, str]] = [
    (r"km²|km2|sq\.? ?km\b|square kilomet(?:er|re)s?\b|kilomètres? carrés?\b", "km2"),
    (r"sq\.? ?mi(?:les?)?\b|square miles?\b|mi²", "mi2"),
    (r"km/h\b|kmh\b|km par heure\b|kilomet(?:er|re)s? (?:per|an) hour\b|kilomètres? (?:par )?heure\b", "km/h"),
    (r"mph\b|miles? (?:per|an) hour\b", "mph"),
    (r"km\b|kms\b|kilomet(?:er|re)s?\b|kilomètres?\b", "km"),
    (r"miles?\b|mi\b", "mile"),
    (r"m³|m3\b|cubic met(?:er|re)s?\b|mètres? cubes?\b", "m3"),
    (r"mm\b|millimet(?:er|re)s?\b|millimètres?\b", "mm"),
    (r"m\b|met(?:er|re)s?\b|mètres?\b", "m"),
    (r"kg\b|kilos?\b|kilogrammes?\b|kilograms?\b", "kg"),
    (r"tonnes?\b|tons?\b|t\b", "tonne"),
    (r"lbs?\b|pounds?\b", "lb"),
    (r"ft\b|feet\b|foot\b|pieds?\b", "ft"),
    (r"inch(?:es)?\b|in\.(?=\s)|pouces?\b", "inch"),
    (r"GW\b|gigawatts?\b", "GW"),
    (r"MW\b|mégawatts?\b|megawatts?\b", "MW"),
    (r"GWh\b", "GWh"),
    (r"°\s?C\b|degrees? celsius\b|degrés? celsius\b|°", "celsius"),
    (r"°\s?F\b|degrees? fahrenheit\b|fahrenheit\b", "fahrenheit"),
    (r"litres?\b|liters?\b", "litre"),
    (r"barils?\b|barrels?\b", "barrel"),
    (r"hectares?\b|ha\b", "hectare"),
]

# Durations: "four years", "deux ans", "six hours", "56-year-old", "30-minute".
DURATIONS: list[tuple[str, str]] = [
    (r"years?\b|yrs?\b|ans?\b|années?\b", "year"),
    (r"months?\b|mois\b", "month"),
    (r"weeks?\b|semaines?\b", "week"),
    (r"days?\b|jours?\b|journées?\b", "day"),
    (r"hours?\b|heures?\b|hrs?\b|h\b", "hour"),
    (r"minutes?\b|mins?\b", "minute"),
    (r"seconds?\b|secondes?\b|secs?\b", "second"),
    (r"decades?\b|décennies?\b", "decade"),
]

# Rates after the figure's unit or noun: "30 drones a day", "150 millions de m3 par jour".
RATES: list[tuple[str, str]] = [
    (r"(?:a|per|each|every|by the|/)\s?day\b|daily\b|par jour\b|chaque jour\b|/\s?jour\b|quotidiennement\b", "day"),
    (r"(?:a|per|each|every|/)\s?week\b|weekly\b|par semaine\b|chaque semaine\b|hebdomadaires?\b", "week"),
    (r"(?:a|per|each|every|/)\s?month\b|monthly\b|par mois\b|chaque mois\b|mensuels?\b|mensuellement\b", "month"),
    (r"(?:a|per|each|every|/)\s?year\b|annually\b|yearly\b|a year\b|par an\b|par année\b|chaque année\b|annuellement\b|l['’]an\b", "year"),
    (r"(?:an|per|each|every)\s?hour\b|par heure\b|à l['’]heure\b", "hour"),
]

# Bounds: phrases just before the number ...
BOUND_BEFORE: list[tuple[str, str]] = [
    (r"(?:just |slightly |well |much |far |un peu |bien )?(?:more than|over|at least|exceeding|in excess of|upwards of|no fewer than|no less than|not less than|above|beyond|north of|"
     r"plus de|plus d['’]|au moins|au-delà de|au-delà d['’]|supérieure? à|supérieurs? à|dépassant|dépasser|pas moins de|pas moins d['’]|minimum|minimum de|au minimum|"
     r"plus de la|plus du|plus des|more than a|over a|a minimum of|at a minimum|un minimum de)", "at_least"),
    (r"(?:up to|as much as|as many as|as high as|less than|fewer than|under|below|no more than|not more than|at most|a maximum of|maximum of|a max of|"
     r"jusqu['’]à|jusqu['’]au|moins de|moins d['’]|au plus|au maximum|pas plus de|pas plus d['’]|limitée?s? à|inférieure? à|inférieurs? à|maximum)", "at_most"),
    (r"(?:about|around|roughly|some|nearly|almost|approximately|approx\.?|an estimated|estimated|close to|circa|ca\.|~|just under|just shy of|the better part of|"
     r"environ|près de|près d['’]|presque|quelque|quelques|approximativement|autour de|aux alentours de|approche des|approchant|de l['’]ordre de|grosso modo|"
     r"quasiment|pratiquement|un peu moins de|un peu plus de|a little over|a little more than|roughly a|about a)", "approx"),
]
# ... and just after it ("5 000 au moins", "or more").
BOUND_AFTER: list[tuple[str, str]] = [
    (r"or more|and more|or higher|ou plus|et plus|au moins|at least|minimum|au minimum", "at_least"),
    (r"or less|or fewer|ou moins|au maximum|au plus|at most|maximum|at the most", "at_most"),
    (r"or so|environ|approximately|roughly|à peu près", "approx"),
]

MONTHS = (
    r"janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|oct\.?|nov\.?|dec\.?"
)


def compile_after(table: list[tuple[str, object]]) -> list[tuple[re.Pattern, object]]:
    """Patterns that match at the start of the text after a number (after optional space)."""
    return [(re.compile(r"[\s\u00a0\u202f\u2009]*(?:" + p + r")", re.IGNORECASE), v) for p, v in table]


def compile_before(table: list[tuple[str, object]]) -> list[tuple[re.Pattern, object]]:
    """Patterns that match at the end of the text before a number."""
    return [(re.compile(r"(?:^|[^\w])(?:" + p + r")[\s\u00a0\u202f\u2009]*$", re.IGNORECASE), v)
            for p, v in table]
